/**
 * The policy tracker: a policy's dated events, the status they lead to, and the rows and
 * feed items of the tracker. Pure: "today" is passed in (src/content/today.ts), so a test
 * or a reproducible build can fix it.
 */
import type { PolicyEventData } from '../content/schemas.ts';
import { type POLICY_EVENT_TYPES, POLICY_STATUSES } from '../content/schemas.ts';
import type { EntityRecord } from './records.ts';
import { hashId } from './text.ts';

export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export type PolicyEventType = (typeof POLICY_EVENT_TYPES)[number];
export type PolicyEvent = PolicyEventData;

/** The status a policy has after each kind of event; `amended` leaves it as it was. */
export const STATUS_AFTER: Record<PolicyEventType, PolicyStatus | undefined> = {
  announced: 'proposed',
  published: 'adopted',
  effective: 'in-force',
  amended: undefined,
  suspended: 'suspended',
  resumed: 'in-force',
  repealed: 'repealed',
  expired: 'expired',
};

export const STATUS_LABELS: Record<PolicyStatus, string> = {
  proposed: 'Proposed',
  adopted: 'Adopted, not yet in force',
  'in-force': 'In force',
  suspended: 'Suspended',
  repealed: 'Repealed',
  expired: 'Expired',
};

export const EVENT_LABELS: Record<PolicyEventType, string> = {
  announced: 'Announced',
  published: 'Published',
  effective: 'Took effect',
  amended: 'Amended',
  suspended: 'Suspended',
  resumed: 'Resumed',
  repealed: 'Repealed',
  expired: 'Expired',
};

/** A policy's events, oldest first; events on one day keep the order the author wrote them in. */
export function policyEvents(entity: Pick<EntityRecord, 'data'>): PolicyEvent[] {
  const events = (entity.data.events as PolicyEvent[] | undefined) ?? [];
  return events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => a.event.date.getTime() - b.event.date.getTime() || a.i - b.i)
    .map(({ event }) => event);
}

export interface DerivedStatus {
  status: PolicyStatus;
  /** The event that set the status. */
  event: PolicyEvent;
}

/** The status as of `asOf` (events dated later are scheduled, not yet history). */
export function deriveStatus(
  events: readonly PolicyEvent[],
  asOf: Date,
): DerivedStatus | undefined {
  let current: DerivedStatus | undefined;
  for (const event of events) {
    if (event.date > asOf) break;
    const status = STATUS_AFTER[event.type];
    if (status) current = { status, event };
  }
  return current;
}

export interface NextEvent {
  date: Date;
  label: string;
  event: PolicyEvent;
  /** A suspension's end date that has passed with no later event recorded. */
  overdue: boolean;
}

/**
 * What comes next: the first event dated after `asOf`, or the end of the current suspension
 * when that is sooner. A suspension whose end has passed with nothing recorded since is
 * reported as overdue, so the tracker shows that the record needs an update.
 */
export function nextEvent(events: readonly PolicyEvent[], asOf: Date): NextEvent | undefined {
  const scheduled = events.find((e) => e.date > asOf);
  const current = deriveStatus(events, asOf);
  const suspension =
    current?.status === 'suspended' && current.event.until ? current.event : undefined;
  const ending: NextEvent | undefined = suspension && {
    date: suspension.until!,
    label: 'Suspension due to end',
    event: suspension,
    overdue: suspension.until! <= asOf,
  };
  const upcoming: NextEvent | undefined = scheduled && {
    date: scheduled.date,
    label: EVENT_LABELS[scheduled.type],
    event: scheduled,
    overdue: false,
  };
  if (ending && (!upcoming || ending.date <= upcoming.date)) return ending;
  return upcoming;
}

export interface TrackerRow {
  entity: EntityRecord;
  jurisdiction: string;
  status: PolicyStatus;
  /** The last event on or before `asOf`, if any. */
  lastChange: PolicyEvent | undefined;
  next: NextEvent | undefined;
}

/** Every policy (every entity with a status) as a tracker row, in the graph's order. */
export function trackerRows(entities: readonly EntityRecord[], asOf: Date): TrackerRow[] {
  return entities
    .filter((e) => e.kind === 'policies')
    .map((entity) => {
      const events = policyEvents(entity);
      const past = events.filter((e) => e.date <= asOf);
      return {
        entity,
        jurisdiction: String(entity.data.jurisdiction ?? ''),
        status: (deriveStatus(events, asOf)?.status ??
          (entity.data.status as PolicyStatus | undefined) ??
          'proposed') as PolicyStatus,
        lastChange: past.at(-1),
        next: nextEvent(events, asOf),
      };
    });
}

export const TRACKER_ORDERS = ['last-change', 'name', 'next', 'status'] as const;
export type TrackerOrder = (typeof TRACKER_ORDERS)[number];

const byName = (a: TrackerRow, b: TrackerRow) =>
  a.entity.name.localeCompare(b.entity.name, 'en') || a.entity.slug.localeCompare(b.entity.slug);
const time = (d: Date | undefined, missing: number) => d?.getTime() ?? missing;

/** Rows in one of the tracker's orders; ties fall back to the name, so the order is stable. */
export function sortTracker(rows: readonly TrackerRow[], order: TrackerOrder): TrackerRow[] {
  const sorted = [...rows];
  if (order === 'name') return sorted.sort(byName);
  if (order === 'last-change')
    return sorted.sort(
      (a, b) =>
        time(b.lastChange?.date, -Infinity) - time(a.lastChange?.date, -Infinity) || byName(a, b),
    );
  if (order === 'next')
    // Soonest first; overdue ends first of all, policies with nothing scheduled last.
    return sorted.sort(
      (a, b) =>
        Number(b.next?.overdue ?? false) - Number(a.next?.overdue ?? false) ||
        time(a.next?.date, Infinity) - time(b.next?.date, Infinity) ||
        byName(a, b),
    );
  return sorted.sort(
    (a, b) => POLICY_STATUSES.indexOf(a.status) - POLICY_STATUSES.indexOf(b.status) || byName(a, b),
  );
}

export interface StatusChange {
  entity: EntityRecord;
  event: PolicyEvent;
  /** The status after the event (unchanged by an amendment). */
  status: PolicyStatus | undefined;
  /** The event's position among the policy's events: a stable anchor on its page. */
  index: number;
}

/** Every recorded event up to `asOf` across all policies, newest first: the tracker's feed. */
export function statusChanges(entities: readonly EntityRecord[], asOf: Date): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const entity of entities) {
    if (entity.kind !== 'policies') continue;
    const events = policyEvents(entity);
    let status: PolicyStatus | undefined;
    events.forEach((event, index) => {
      status = STATUS_AFTER[event.type] ?? status;
      if (event.date <= asOf) changes.push({ entity, event, status, index });
    });
  }
  return changes.sort(
    (a, b) =>
      b.event.date.getTime() - a.event.date.getTime() ||
      a.entity.name.localeCompare(b.entity.name, 'en') ||
      b.index - a.index,
  );
}

/** The anchor of a policy's event on its page, `event-2024-08-15-published`. */
export function eventAnchor(event: PolicyEvent, index: number): string {
  return `event-${event.date.toISOString().slice(0, 10)}-${event.type}-${index + 1}`;
}

/** `China` → `china`, `European Union` → `european-union`: a URL segment for a jurisdiction. */
export function jurisdictionSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || `j-${hashId(name)}`
  );
}

/** A subset of the tracker: every policy, one status, or one jurisdiction. */
export type TrackerFilter =
  { by: 'all' } | { by: 'status'; status: PolicyStatus } | { by: 'jurisdiction'; name: string };

/** `/tracker/`, `/tracker/by-name/`, `/tracker/status/suspended/by-next/`… */
export function trackerUrl(filter: TrackerFilter, order: TrackerOrder = 'last-change'): string {
  const base =
    filter.by === 'all'
      ? '/tracker/'
      : filter.by === 'status'
        ? `/tracker/status/${filter.status}/`
        : `/tracker/jurisdiction/${jurisdictionSlug(filter.name)}/`;
  return order === 'last-change' ? base : `${base}by-${order}/`;
}

export function applyFilter(rows: readonly TrackerRow[], filter: TrackerFilter): TrackerRow[] {
  if (filter.by === 'status') return rows.filter((r) => r.status === filter.status);
  if (filter.by === 'jurisdiction') {
    // By slug: spellings that make one URL ("EU", "E.U.") are one jurisdiction.
    const slug = jurisdictionSlug(filter.name);
    return rows.filter((r) => r.jurisdiction && jurisdictionSlug(r.jurisdiction) === slug);
  }
  return [...rows];
}

export interface TrackerView {
  filter: TrackerFilter;
  order: TrackerOrder;
  path: string;
}

/**
 * Every static view of the tracker: each filter that has policies, in each order. Links
 * between them sort and filter the table without JavaScript.
 */
export function trackerViews(rows: readonly TrackerRow[]): TrackerView[] {
  const filters: TrackerFilter[] = [
    { by: 'all' },
    ...POLICY_STATUSES.filter((s) => rows.some((r) => r.status === s)).map(
      (status): TrackerFilter => ({ by: 'status', status }),
    ),
    ...jurisdictions(rows).map(({ name }): TrackerFilter => ({ by: 'jurisdiction', name })),
  ];
  return filters.flatMap((filter) =>
    TRACKER_ORDERS.map((order) => ({ filter, order, path: trackerUrl(filter, order) })),
  );
}

/** Jurisdictions with their number of policies, A–Z. */
export function jurisdictions(rows: readonly TrackerRow[]): Array<{ name: string; count: number }> {
  const bySlug = new Map<string, { name: string; count: number }>();
  for (const row of rows) {
    if (!row.jurisdiction) continue;
    const slug = jurisdictionSlug(row.jurisdiction);
    const entry = bySlug.get(slug) ?? { name: row.jurisdiction, count: 0 };
    entry.count++;
    bySlug.set(slug, entry);
  }
  return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
