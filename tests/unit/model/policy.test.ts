import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  deriveStatus,
  jurisdictionSlug,
  nextEvent,
  type PolicyEvent,
  policyEvents,
  sortTracker,
  statusChanges,
  trackerRows,
  trackerUrl,
  trackerViews,
} from '../../../src/model/policy.ts';
import { trackerFeedItems } from '../../../src/model/policy-feed.ts';
import { entity } from '../fixtures.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ev = (
  date: string,
  type: PolicyEvent['type'],
  extra: Partial<PolicyEvent> = {},
): PolicyEvent => ({
  date: day(date),
  type,
  note: `${type} note`,
  url: 'https://example.com/',
  ...extra,
});

function policy(slug: string, name: string, jurisdiction: string, events: PolicyEvent[]) {
  const record = entity('policies', slug, name);
  record.data = { ...record.data, jurisdiction, events };
  return record;
}

const october = policy('october', 'October controls', 'China', [
  ev('2025-11-07', 'suspended', { until: day('2026-11-10') }),
  ev('2025-10-09', 'published'),
  ev('2025-10-09', 'effective'),
]);
const crma = policy('crma', 'Critical Raw Materials Act', 'European Union', [
  ev('2023-03-16', 'announced'),
  ev('2024-05-23', 'effective'),
  ev('2030-01-01', 'amended'),
]);
const old = policy('old', 'Old rules', 'China', [
  ev('2001-01-01', 'effective'),
  ev('2010-01-01', 'repealed'),
]);
const policies = [october, crma, old, entity('companies', 'acme', 'Acme')];

describe('policy events', () => {
  it('sorts events by date, keeping the written order on one day', () => {
    expect(policyEvents(october).map((e) => e.type)).toEqual([
      'published',
      'effective',
      'suspended',
    ]);
  });

  it('derives the status as of a day; amendments keep it', () => {
    const events = policyEvents(crma);
    expect(deriveStatus(events, day('2023-06-01'))?.status).toBe('proposed');
    expect(deriveStatus(events, day('2024-05-23'))?.status).toBe('in-force');
    expect(deriveStatus(events, day('2031-01-01'))?.status).toBe('in-force');
    expect(deriveStatus(events, day('2020-01-01'))).toBeUndefined();
    expect(deriveStatus(policyEvents(october), day('2025-10-09'))?.status).toBe('in-force');
  });

  it('finds the next dated event: a suspension end or a scheduled event, whichever is sooner', () => {
    const next = nextEvent(policyEvents(october), day('2026-01-01'));
    expect(next).toMatchObject({ label: 'Suspension due to end', overdue: false });
    expect(next!.date).toEqual(day('2026-11-10'));
    expect(nextEvent(policyEvents(october), day('2026-12-01'))?.overdue).toBe(true);
    expect(nextEvent(policyEvents(crma), day('2026-01-01'))).toMatchObject({ label: 'Amended' });
    expect(nextEvent(policyEvents(old), day('2026-01-01'))).toBeUndefined();
  });
});

describe('tracker', () => {
  const today = day('2026-01-01');
  const rows = trackerRows(policies, today);

  it('has one row per policy with status, last change and next event', () => {
    expect(rows.map((r) => [r.entity.slug, r.status, r.lastChange?.type])).toEqual([
      ['october', 'suspended', 'suspended'],
      ['crma', 'in-force', 'effective'],
      ['old', 'repealed', 'repealed'],
    ]);
  });

  it('sorts by last change, name, next event and status', () => {
    expect(sortTracker(rows, 'last-change').map((r) => r.entity.slug)).toEqual([
      'october',
      'crma',
      'old',
    ]);
    expect(sortTracker(rows, 'name').map((r) => r.entity.slug)).toEqual(['crma', 'october', 'old']);
    expect(sortTracker(rows, 'next').map((r) => r.entity.slug)).toEqual(['october', 'crma', 'old']);
    expect(sortTracker(rows, 'status').map((r) => r.status)).toEqual([
      'in-force',
      'suspended',
      'repealed',
    ]);
  });

  it('filters by status and jurisdiction, and makes one static view per filter and order', () => {
    expect(
      applyFilter(rows, { by: 'jurisdiction', name: 'China' }).map((r) => r.entity.slug),
    ).toEqual(['october', 'old']);
    expect(applyFilter(rows, { by: 'status', status: 'suspended' })).toHaveLength(1);
    const paths = trackerViews(rows).map((v) => v.path);
    expect(paths).toContain('/tracker/');
    expect(paths).toContain('/tracker/by-next/');
    expect(paths).toContain('/tracker/status/suspended/by-name/');
    expect(paths).toContain('/tracker/jurisdiction/european-union/');
    expect(paths).not.toContain('/tracker/status/expired/');
    expect(new Set(paths).size).toBe(paths.length);
    expect(trackerUrl({ by: 'jurisdiction', name: 'China' }, 'status')).toBe(
      '/tracker/jurisdiction/china/by-status/',
    );
  });

  it('gives every jurisdiction a URL segment, Chinese names included', () => {
    expect(jurisdictionSlug('Côte d’Ivoire')).toBe('cote-d-ivoire');
    expect(jurisdictionSlug('中国')).toMatch(/^j-[a-z0-9]+$/);
  });

  it('feeds past events newest first, linking to the event on the policy page', () => {
    const changes = statusChanges(policies, today);
    expect(changes.map((c) => `${c.entity.slug}:${c.event.type}`)).toEqual([
      'october:suspended',
      'october:effective',
      'october:published',
      'crma:effective',
      'crma:announced',
      'old:repealed',
      'old:effective',
    ]);
    const [item] = trackerFeedItems(policies, today, (p) => `https://x.org${p}`, 50);
    expect(item!.link).toBe('https://x.org/policies/october/#event-2025-11-07-suspended-3');
    expect(item!.title).toBe('October controls: suspended');
    expect(item!.description).toContain('Due to end on 10 November 2026');
  });
});
