import { describe, expect, it } from 'vitest';
import { EntityIndex } from '../../../src/model/resolve.ts';
import { entity } from '../fixtures.ts';

const northern = entity('companies', 'china-northern-rare-earth', 'China Northern Rare Earth', [
  'Northern Rare Earth',
  '北方稀土',
]);
const mp = entity('companies', 'mp-materials', 'MP Materials', ['MP']);
const eight = entity('policies', 'eight-provisions', 'Eight Provisions', ['八项规定']);

describe('EntityIndex', () => {
  const index = new EntityIndex([northern, mp, eight]);

  it('resolves names and aliases case-insensitively, CJK included', () => {
    expect(index.resolve('northern rare earth')).toBe(northern);
    expect(index.resolve('  NORTHERN   Rare Earth ')).toBe(northern);
    expect(index.resolve('北方稀土')).toBe(northern);
    expect(index.resolve('八项规定')).toBe(eight);
  });

  it('resolves kind/slug and rejects unknown kinds or slugs', () => {
    expect(index.resolve('companies/mp-materials')).toBe(mp);
    expect(index.resolve('companies/unknown')).toBeUndefined();
    expect(index.resolve('people/mp-materials')).toBeUndefined();
  });

  it('suggests the closest slugs and names', () => {
    expect(index.suggestSlugs('companies', 'china-northern-rare-eart')).toEqual([
      'china-northern-rare-earth',
    ]);
    expect(index.suggestNames('Northern Rare Erth')[0]).toBe('Northern Rare Earth');
    expect(index.suggestSlugs('policies', 'zzzzzz')).toEqual([]);
  });

  it('reports an alias claimed by two entities and resolves neither', () => {
    const clash = new EntityIndex([
      northern,
      entity('companies', 'other', 'Other', ['northern rare earth']),
    ]);
    expect(clash.conflicts).toHaveLength(1);
    expect(clash.conflicts[0]!.claimedBy.map((e) => e.slug).sort()).toEqual([
      'china-northern-rare-earth',
      'other',
    ]);
    expect(clash.resolve('Northern Rare Earth')).toBeUndefined();
  });

  it('lets one entity repeat its own name as an alias', () => {
    const self = new EntityIndex([entity('themes', 'x', 'Export controls', ['export controls'])]);
    expect(self.conflicts).toEqual([]);
  });
});
