/** The tracker's feed items, as a pure function of the policies and the build day. */
import { formatLongDate } from './dates.ts';
import { feedDescription, feedTitle, type FeedItem } from './feeds.ts';
import { EVENT_LABELS, eventAnchor, STATUS_LABELS, statusChanges } from './policy.ts';
import { entityUrl, type EntityRecord } from './records.ts';

export function trackerFeedItems(
  entities: readonly EntityRecord[],
  today: Date,
  link: (path: string) => string,
  limit: number,
): FeedItem[] {
  return statusChanges(entities, today)
    .slice(0, limit)
    .map(({ entity, event, status, index }) => ({
      title: feedTitle(`${entity.name}: ${EVENT_LABELS[event.type].toLowerCase()}`),
      link: link(`${entityUrl(entity)}#${eventAnchor(event, index)}`),
      pubDate: event.date,
      description: feedDescription(
        `${formatLongDate(event.date)}. ${event.note}${status ? ` Status: ${STATUS_LABELS[status].toLowerCase()}.` : ''}${event.until ? ` Due to end on ${formatLongDate(event.until)}.` : ''}`,
      ),
      categories: [
        String(entity.data.jurisdiction ?? ''),
        ...(status ? [STATUS_LABELS[status]] : []),
      ]
        .filter(Boolean)
        .map(feedTitle),
    }));
}
