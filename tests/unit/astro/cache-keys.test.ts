import { describe, expect, it } from 'vitest';
import { briefCacheKey, entityCacheKey } from '../../../src/astro/cache-keys.ts';
import { buildGraph } from '../../../src/model/graph.ts';
import { brief, entity } from '../fixtures.ts';

const entities = [
  entity('companies', 'mp', 'MP Materials'),
  entity('companies', 'lynas', 'Lynas'),
  entity('themes', 'geo', 'Geopolitics'),
];
const briefs = () => [
  brief('a', '2024-01-01', { companies: ['mp'], themes: ['geo'] }),
  brief('b', '2024-02-01', { companies: ['mp'] }),
  brief('c', '2024-03-01', { companies: ['lynas'] }),
];

describe('cache keys', () => {
  const before = buildGraph(briefs(), entities);

  it('are stable for the same content', () => {
    const again = buildGraph(briefs(), entities);
    expect(briefCacheKey(again, 'a')).toBe(briefCacheKey(before, 'a'));
    expect(entityCacheKey(again, entities[0]!)).toBe(entityCacheKey(before, entities[0]!));
  });

  it('change for every page that shows an edited title, and only those', () => {
    const edited = briefs();
    edited[1]!.title = 'A new headline';
    const after = buildGraph(edited, entities);
    expect(briefCacheKey(after, 'b')).not.toBe(briefCacheKey(before, 'b'));
    expect(briefCacheKey(after, 'a'), 'a lists b as related and as its newer neighbour').not.toBe(
      briefCacheKey(before, 'a'),
    );
    expect(entityCacheKey(after, entities[0]!), 'MP lists b as a backlink').not.toBe(
      entityCacheKey(before, entities[0]!),
    );
    expect(entityCacheKey(after, entities[1]!), 'Lynas does not show b').toBe(
      entityCacheKey(before, entities[1]!),
    );
  });

  it('change when an entity is renamed on the briefs that show its name', () => {
    const renamed = entities.map((e) =>
      e.slug === 'lynas' ? { ...e, name: 'Lynas Rare Earths' } : e,
    );
    const after = buildGraph(briefs(), renamed);
    expect(briefCacheKey(after, 'c')).not.toBe(briefCacheKey(before, 'c'));
    expect(briefCacheKey(after, 'b')).toBe(briefCacheKey(before, 'b'));
  });

  it('change when a wikilink would point elsewhere', () => {
    const withLink = () => [
      ...briefs().slice(0, 2),
      brief('c', '2024-03-01', { companies: ['lynas'] }, 'See [[Aussie miner]].'),
    ];
    const first = buildGraph(withLink(), [
      ...entities.slice(0, 1),
      { ...entities[1]!, aliases: ['Aussie miner'] },
      entities[2]!,
    ]);
    const moved = buildGraph(withLink(), [
      { ...entities[0]!, aliases: ['Aussie miner'] },
      entities[1]!,
      entities[2]!,
    ]);
    expect(briefCacheKey(moved, 'c')).not.toBe(briefCacheKey(first, 'c'));
  });
});
