import { describe, expect, it } from 'vitest';
import {
  assignShards,
  coverage,
  inDateOrder,
  markFirstTier,
  quarterOf,
  quartersBetween,
  PRIMARY_SHARD,
  type ShardInfo,
  type ShardManifest,
  shardsFor,
  unsearchedYears,
} from '../../../src/search/shared/shards.ts';

/** `n` briefs spread over the months of `year`, named by year and number. */
const briefsIn = (year: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    url: `/briefs/${year}-${i}/`,
    date: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
  }));
const profiles = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `/companies/c${i}/` }));
const sizes = (shards: Map<string, unknown[]>) =>
  Object.fromEntries([...shards].map(([id, pages]) => [id, pages.length]));

describe('assigning pages to search shards', () => {
  it('keeps a site smaller than one shard in the primary bundle alone', () => {
    const shards = assignShards(
      [...briefsIn(2024, 10), ...briefsIn(2025, 20), ...profiles(5)],
      600,
    );
    expect(sizes(shards)).toEqual({ [PRIMARY_SHARD]: 35 });
  });

  it('joins consecutive years, oldest first, while a shard stays within the limit; the open rest joins the profiles', () => {
    const pages = [
      ...briefsIn(2020, 300),
      ...briefsIn(2021, 350),
      ...briefsIn(2022, 600),
      ...briefsIn(2023, 100),
      ...briefsIn(2024, 200),
      ...profiles(40),
    ];
    const shards = assignShards(pages, 600);
    expect(sizes(shards)).toEqual({
      [PRIMARY_SHARD]: 340,
      'briefs-2020': 300,
      'briefs-2021': 350,
      'briefs-2022': 600,
    });
    // Every page lands in exactly one shard.
    expect(
      [...shards.values()]
        .flat()
        .map((p) => p.url)
        .sort(),
    ).toEqual(pages.map((p) => p.url).sort());
  });

  it('splits a year with more briefs than the limit into quarters', () => {
    const shards = assignShards(briefsIn(2025, 2400), 600);
    expect(sizes(shards)).toEqual({
      [PRIMARY_SHARD]: 600,
      'briefs-2025q1': 600,
      'briefs-2025q2': 600,
      'briefs-2025q3': 600,
    });
  });

  // 100,000 pages: well under a second, more on a busy machine.
  it(
    'keeps every shard within the limit however large the archive: months, days, parts of a day',
    { timeout: 30_000 },
    () => {
      // 100,000 briefs over twelve years (about 700 a month), and one day with 1,500.
      const days = 12 * 365;
      const big = Array.from({ length: 100_000 }, (_, i) => ({
        url: `/briefs/b${i}/`,
        date: new Date(Date.UTC(2015, 0, 1) + Math.floor((i * days) / 100_000) * 86_400_000)
          .toISOString()
          .slice(0, 10),
      }));
      const busy = Array.from({ length: 1500 }, (_, i) => ({
        url: `/briefs/d${i}/`,
        date: '2027-01-05',
      }));
      const shards = assignShards([...big, ...busy, ...profiles(10)], 600);
      const briefCounts = [...shards].map(
        ([id, pages]) => [id, pages.filter((p) => 'date' in p).length] as const,
      );
      expect(Math.max(...briefCounts.map(([, n]) => n))).toBeLessThanOrEqual(600);
      expect(briefCounts.length).toBeGreaterThan(100_000 / 600);
      // A month of about 700 briefs is cut into runs of days.
      expect([...shards.keys()]).toContain('briefs-2015-01-01-2015-01-26');
      expect(shards.get('briefs-2027-01-05')).toHaveLength(600);
      expect(shards.get('briefs-2027-01-05p2')).toHaveLength(600);
      expect(shards.get(PRIMARY_SHARD)).toHaveLength(300 + 10);
      expect(new Set([...shards.values()].flat()).size).toBe(100_000 + 1500 + 10);
    },
  );

  it('moves no closed shard when a brief is added to the newest year', () => {
    const before = assignShards([...briefsIn(2020, 700), ...briefsIn(2021, 100)], 600);
    const after = assignShards([...briefsIn(2020, 700), ...briefsIn(2021, 101)], 600);
    const closed = [...before.keys()].filter((id) => id !== PRIMARY_SHARD);
    expect(closed).toEqual(['briefs-2020q1-2020q3']);
    for (const id of closed) expect(after.get(id)).toEqual(before.get(id));
    expect(after.get(PRIMARY_SHARD)!.length).toBe(before.get(PRIMARY_SHARD)!.length + 1);
  });

  it('keeps the most cited profiles in the primary shard and puts the others in shards of profiles, however many', () => {
    // 1,500 profiles, profile i cited i times: the primary keeps the 600 most cited.
    const cited = Array.from({ length: 1500 }, (_, i) => ({ url: `/companies/c${i}/`, weight: i }));
    const shards = assignShards([...briefsIn(2025, 100), ...cited], 600);
    expect(sizes(shards)).toEqual({
      [PRIMARY_SHARD]: 700,
      'profiles-2': 600,
      'profiles-3': 300,
    });
    const weights = (id: string) =>
      shards.get(id)!.flatMap((p) => ('weight' in p ? [p.weight] : []));
    expect(Math.min(...weights(PRIMARY_SHARD))).toBe(900);
    expect([Math.max(...weights('profiles-2')), Math.min(...weights('profiles-2'))]).toEqual([
      899, 300,
    ]);
    expect(Math.max(...weights('profiles-3'))).toBe(299);
    expect(
      [...shards.values()]
        .flat()
        .map((p) => p.url)
        .sort(),
    ).toEqual([...briefsIn(2025, 100), ...cited].map((p) => p.url).sort());
  });
});

const shard = (
  id: string,
  to: string | undefined,
  fixedBytes: number,
  briefs = 100,
): ShardInfo => ({
  id,
  path: id === PRIMARY_SHARD ? '' : `${id}/`,
  pages: briefs,
  briefs,
  from: to && `${to.slice(0, 4)}-01-01`,
  to,
  fixedBytes,
  first: false,
  key: id,
});

describe('the first tier', () => {
  it('is the primary shard, then the newest shards while their fixed bytes fit the budget', () => {
    const tier = markFirstTier(
      [
        shard('briefs-2020', '2020-12-31', 20_000),
        shard(PRIMARY_SHARD, '2023-06-01', 15_000),
        shard('briefs-2022', '2022-12-31', 20_000),
        shard('briefs-2021', '2021-12-31', 20_000),
      ],
      40_000,
    );
    expect(tier.map((s) => [s.id, s.first])).toEqual([
      [PRIMARY_SHARD, true],
      ['briefs-2022', true],
      ['briefs-2021', false],
      ['briefs-2020', false],
    ]);
  });

  it('is followed by a fall-back tier of the next newest shards within a budget of its own', () => {
    const tiers = markFirstTier(
      [
        shard(PRIMARY_SHARD, '2025-06-01', 15_000),
        ...[2024, 2023, 2022, 2021, 2020].map((y) => shard(`briefs-${y}`, `${y}-12-31`, 10_000)),
      ],
      25_000,
      20_000,
    );
    expect(tiers.map((s) => [s.id, s.first, s.fallback])).toEqual([
      [PRIMARY_SHARD, true, false],
      ['briefs-2024', true, false],
      ['briefs-2023', false, true],
      ['briefs-2022', false, true],
      ['briefs-2021', false, false],
      ['briefs-2020', false, false],
    ]);
  });

  it('comes to the shards of profiles after every shard of briefs', () => {
    const tiers = markFirstTier(
      [
        shard(PRIMARY_SHARD, '2025-06-01', 15_000),
        { ...shard('profiles-2', undefined, 1_000, 0), pages: 600 },
        shard('briefs-2024', '2024-12-31', 1_000),
        { ...shard('profiles-3', undefined, 1_000, 0), pages: 600 },
        shard('briefs-2023', '2023-12-31', 50_000),
      ],
      17_000,
      60_000,
    );
    expect(tiers.map((s) => [s.id, s.first, s.fallback])).toEqual([
      [PRIMARY_SHARD, true, false],
      ['briefs-2024', true, false],
      ['briefs-2023', false, true],
      ['profiles-2', false, true],
      ['profiles-3', false, true],
    ]);
  });

  it('always holds the primary shard, even over the budget', () => {
    expect(
      markFirstTier(
        [shard(PRIMARY_SHARD, undefined, 90_000), shard('briefs-2020', '2020-12-31', 1)],
        40_000,
      ).map((s) => s.first),
    ).toEqual([true, false]);
  });
});

describe('choosing shards for a search', () => {
  const manifest: ShardManifest = {
    version: 2,
    briefs: 400,
    shards: [
      { ...shard(PRIMARY_SHARD, '2025-12-31', 1, 100), from: '2025-01-01', first: true },
      { ...shard('briefs-2023-2024', '2024-12-31', 1, 100), from: '2023-01-01', first: true },
      {
        ...shard('briefs-2021-2022', '2022-12-31', 1, 100),
        from: '2021-01-01',
        fallback: true,
      },
      { ...shard('briefs-2019-2020', '2020-12-31', 1, 100), from: '2019-01-01' },
    ],
    zh: [],
  };
  const { shards } = manifest;
  const withProfiles = [...shards, { ...shard('profiles-2', undefined, 1, 0), pages: 50 }];
  const none = { years: [], oldestFirst: false, all: false };

  it('loads the first tier by default', () => {
    expect(shardsFor(shards, none)).toEqual([PRIMARY_SHARD, 'briefs-2023-2024']);
  });

  it('loads the shards of profiles when only profiles can match, or when asked for all, never for a year or dates', () => {
    expect(shardsFor(withProfiles, { ...none, profilesOnly: true })).toEqual([
      PRIMARY_SHARD,
      'profiles-2',
    ]);
    expect(shardsFor(withProfiles, { ...none, all: true })).toContain('profiles-2');
    expect(shardsFor(withProfiles, { ...none, years: ['2024'] })).not.toContain('profiles-2');
    expect(shardsFor(withProfiles, { ...none, oldestFirst: true })).toEqual(
      shards.map((s) => s.id),
    );
  });

  it('adds only the fall-back tier when the first has too few results', () => {
    expect(shardsFor(shards, { ...none, more: true })).toEqual([
      PRIMARY_SHARD,
      'briefs-2023-2024',
      'briefs-2021-2022',
    ]);
  });

  it('loads the shards holding the ticked years', () => {
    expect(shardsFor(shards, { ...none, years: ['2020', '2022'] })).toEqual([
      PRIMARY_SHARD,
      'briefs-2021-2022',
      'briefs-2019-2020',
    ]);
  });

  it('loads everything for oldest-first order or when asked for all', () => {
    expect(shardsFor(shards, { ...none, oldestFirst: true })).toHaveLength(4);
    expect(shardsFor(shards, { ...none, all: true })).toHaveLength(4);
  });

  it('lists the years of the shards not loaded yet, for the Year facet', () => {
    expect(unsearchedYears(shards, new Set([PRIMARY_SHARD, 'briefs-2023-2024']))).toEqual([
      '2022',
      '2021',
      '2020',
      '2019',
    ]);
    expect(unsearchedYears(shards, new Set(shards.map((s) => s.id)))).toEqual([]);
  });

  it('says how many briefs and which period the loaded shards cover', () => {
    expect(coverage(shards, new Set([PRIMARY_SHARD, 'briefs-2023-2024']))).toEqual({
      missingBriefs: 200,
      missingProfiles: 0,
      from: '2023-01-01',
      to: '2025-12-31',
      missingFrom: '2019-01-01',
      missingTo: '2022-12-31',
    });
    expect(coverage(shards, new Set(shards.map((s) => s.id))).missingBriefs).toBe(0);
    // With a year ticked, only the shards holding that year count.
    expect(
      coverage(shards, new Set([PRIMARY_SHARD, 'briefs-2023-2024', 'briefs-2021-2022']), {
        years: ['2022'],
      }).missingBriefs,
    ).toBe(0);
    expect(coverage(shards, new Set([PRIMARY_SHARD]), { years: ['2022'] }).missingBriefs).toBe(100);
  });

  it('counts the profiles not searched unless a year or the date order leaves them out, and the briefs unless only profiles can match', () => {
    const loaded = new Set(shards.map((s) => s.id));
    expect(coverage(withProfiles, loaded)).toMatchObject({ missingBriefs: 0, missingProfiles: 50 });
    expect(coverage(withProfiles, loaded, { years: ['2024'] }).missingProfiles).toBe(0);
    expect(coverage(withProfiles, loaded, { oldestFirst: true }).missingProfiles).toBe(0);
    expect(coverage(withProfiles, new Set([PRIMARY_SHARD]), { profilesOnly: true })).toMatchObject({
      missingBriefs: 0,
      missingProfiles: 50,
    });
  });
});

describe('date order across merged shards', () => {
  const results = [{ id: 'a' }, { id: 'profile' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
  const dates = new Map([
    ['a', '2021-05-01'],
    ['b', '2024-01-01'],
    ['c', '2021-05-01'],
    ['d', '2019-02-02'],
  ]);

  it('orders by the dates the build wrote down, newest or oldest first, leaving undated results out', () => {
    expect(inDateOrder(results, dates, 'desc').map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(inDateOrder(results, dates, 'asc').map((r) => r.id)).toEqual(['d', 'a', 'c', 'b']);
  });
});

describe('quarters', () => {
  it('names the quarter of a day as shards do, and lists quarters, both ends included', () => {
    expect(quarterOf('2025-08-14')).toBe('2025q3');
    expect(quarterOf('2026-01-01')).toBe('2026q1');
    expect(quartersBetween('2025-08-30', '2026-04-01')).toEqual([
      '2025q3',
      '2025q4',
      '2026q1',
      '2026q2',
    ]);
    expect(quartersBetween('2026-02-10', '2026-03-28')).toEqual(['2026q1']);
    expect(quartersBetween('2026-04-01', '2026-03-28')).toEqual([]);
  });
});
