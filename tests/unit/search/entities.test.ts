import { describe, expect, it } from 'vitest';
import {
  bucketCount,
  bucketOf,
  type EntityCard,
  entitiesIn,
  KEYS_PER_BUCKET,
  lookupKey,
  makeBuckets,
  profilePasses,
} from '../../../src/search/shared/entities.ts';
import { uniqueWords } from '../../../src/search/shared/document.ts';

const card = (name: string, kind = 'companies', label = 'Company'): EntityCard => ({
  kind,
  label,
  name,
  url: `/${kind}/${name.toLowerCase().replace(/\W+/g, '-')}/`,
  briefs: 3,
  ids: { en: `en_${name.length}` },
});

describe('lookupKey', () => {
  it('ignores case, spacing, punctuation, accents and width', () => {
    const key = lookupKey('China Northern Rare Earth');
    expect(lookupKey('  china northern rare-earth. ')).toBe(key);
    expect(lookupKey('ＣＨＩＮＡ Northern Rare Earth')).toBe(key);
    expect(lookupKey('yāngqǐ')).toBe('yangqi');
    expect(lookupKey('北方 稀土')).toBe('北方稀土');
    expect(lookupKey('NYSE: MP')).toBe('nysemp');
    expect(lookupKey('“”')).toBe('');
  });
});

describe('buckets', () => {
  it('spreads keys over a power of two of files, small whatever the number of names', () => {
    expect(bucketCount(10)).toBe(1);
    expect(bucketCount(KEYS_PER_BUCKET * 3)).toBe(4);
    const cards = Array.from({ length: 400 }, (_, i) => ({
      card: card(`Company ${i}`),
      keys: [lookupKey(`Company ${i}`), lookupKey(`C${i} Group`), `公司${i}`],
    }));
    const buckets = makeBuckets(cards);
    expect(buckets.length).toBe(bucketCount(1200));
    for (const bucket of buckets)
      expect(Object.keys(bucket.keys).length).toBeLessThan(KEYS_PER_BUCKET * 2);
    // Every key is found in the bucket it hashes to, naming its entity.
    for (const { card: c, keys } of cards.slice(0, 50))
      for (const key of keys)
        expect(entitiesIn(buckets[bucketOf(key, buckets.length)]!, key)).toEqual([c]);
  });

  it('keeps every entity a key names, and none for an unknown key', () => {
    const [a, b] = [card('Alpha'), card('Beta')];
    const [bucket] = makeBuckets([
      { card: a, keys: ['alpha', 'ab'] },
      { card: b, keys: ['beta', 'ab'] },
    ]);
    expect(entitiesIn(bucket!, 'ab')).toEqual([a, b]);
    expect(entitiesIn(bucket!, 'gamma')).toEqual([]);
    expect(entitiesIn(bucket!, 'constructor')).toEqual([]);
  });

  it('hashes the same in every run', () => {
    expect(bucketOf('chinanorthernrareearth', 64)).toBe(bucketOf('chinanorthernrareearth', 64));
    expect(bucketOf('', 8)).toBe(0x811c9dc5 % 8);
  });
});

describe('profilePasses', () => {
  const lynas = card('Lynas Rare Earths');
  it('passes without filters, and with its own kind or its own name ticked', () => {
    expect(profilePasses(lynas, {}, false)).toBe(true);
    expect(profilePasses(lynas, { kind: ['Company', 'Policy'] }, false)).toBe(true);
    expect(profilePasses(lynas, { companies: ['MP Materials', 'Lynas Rare Earths'] }, false)).toBe(
      true,
    );
  });

  it('fails for another kind, another entity, or any year', () => {
    expect(profilePasses(lynas, { kind: ['Brief'] }, false)).toBe(false);
    expect(profilePasses(lynas, { companies: ['MP Materials'] }, false)).toBe(false);
    expect(profilePasses(lynas, { themes: ['Heavy rare earths'] }, false)).toBe(false);
    expect(profilePasses(lynas, {}, true)).toBe(false);
  });
});

describe('the names a page lists for search', () => {
  it('lists each word once', () => {
    expect(uniqueWords(['MP Materials', 'MP', 'MP Materials Corp.', 'mp materials'])).toBe(
      'MP Materials Corp.',
    );
    expect(
      uniqueWords(['China Northern Rare Earth', '北方稀土', 'Northern Rare Earth Group']),
    ).toBe('China Northern Rare Earth 北方稀土 Group');
  });
});
