import { describe, expect, it } from 'vitest';
import { briefCacheKey, entityCacheKey, trackerCacheKey } from '../../../src/astro/cache-keys.ts';
import { buildGraph } from '../../../src/model/graph.ts';
import { trackerRows } from '../../../src/model/policy.ts';
import { brief, entity, withGlossary } from '../fixtures.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function term(pinyin: string) {
  const record = entity('terms', 'yangqi', 'Central SOE');
  record.data = { ...record.data, original: '央企', pinyin, english: 'Central SOE' };
  return record;
}
function policy(until: string) {
  const record = entity('policies', 'oct', 'October controls');
  record.data = {
    ...record.data,
    jurisdiction: 'China',
    events: [
      {
        date: day('2025-11-07'),
        type: 'suspended',
        note: 'Paused.',
        until: day(until),
        brief: 'b',
      },
    ],
  };
  return record;
}
const briefs = () => [
  brief('a', '2025-01-01', {}, 'A 央企 merger.'),
  brief('b', '2025-11-07', {}, 'Nothing.'),
];

describe('cache keys of the reference pieces', () => {
  it('change for a brief when a glossary term it uses changes, not for one that does not use it', () => {
    const graphWith = (pinyin: string) =>
      buildGraph(withGlossary(briefs(), [term(pinyin)]), [term(pinyin)]);
    const before = graphWith('yāngqǐ');
    const after = graphWith('yang qi');
    expect(briefCacheKey(after, 'a')).not.toBe(briefCacheKey(before, 'a'));
    expect(briefCacheKey(after, 'b')).toBe(briefCacheKey(before, 'b'));
  });

  it('change for a policy page with the day of the build and the titles of the briefs it cites', () => {
    const graph = buildGraph(briefs(), [policy('2026-11-10')]);
    const ref = graph.entities[0]!;
    expect(entityCacheKey(graph, ref, undefined, day('2026-01-01'))).not.toBe(
      entityCacheKey(graph, ref, undefined, day('2026-12-01')),
    );
    const renamed = briefs();
    renamed[1]!.title = 'Renamed';
    const other = buildGraph(renamed, [policy('2026-11-10')]);
    expect(entityCacheKey(other, ref, undefined, day('2026-01-01'))).not.toBe(
      entityCacheKey(graph, ref, undefined, day('2026-01-01')),
    );
  });

  it('change for the tracker when a row or the day changes', () => {
    const today = day('2026-01-01');
    const rows = trackerRows([policy('2026-11-10')], today);
    expect(trackerCacheKey(rows, today)).toBe(
      trackerCacheKey(trackerRows([policy('2026-11-10')], today), today),
    );
    expect(trackerCacheKey(trackerRows([policy('2026-11-20')], today), today)).not.toBe(
      trackerCacheKey(rows, today),
    );
    expect(trackerCacheKey(rows, day('2026-01-02'))).not.toBe(trackerCacheKey(rows, today));
  });
});
