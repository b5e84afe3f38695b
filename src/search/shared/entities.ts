/**
 * The entity lookup: which company, policy, theme or term a query names, by its name, an
 * alias, a ticker or its Chinese name. The build writes it (src/search/build/entity-lookup.ts)
 * as small files under /pagefind/entities/, each holding the names whose key hashes to it,
 * so a search fetches one file of half a kilobyte or so, whatever the size of the archive, at
 * the same time as Pagefind's first files. Pure and dependency-free: shipped to the browser.
 */
import { FILTER } from './document.ts';

/** Folder of the lookup's files under /pagefind/. */
export const ENTITIES_DIR = 'entities';

/**
 * The key a name is looked up by: compatibility forms unified, accents and case dropped,
 * and nothing but letters and digits, so `China Northern Rare Earth`, `china northern
 * rare-earth` and `CHINA NORTHERN RARE EARTH.` are one key, as are `yāngqǐ` and `yangqi`.
 */
export function lookupKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Which file a key is in: FNV-1a over its UTF-16 code units, modulo the number of files. */
export function bucketOf(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

/** Keys per file the build aims at; the number of files is a power of two. */
export const KEYS_PER_BUCKET = 12;

export function bucketCount(keys: number): number {
  let buckets = 1;
  while (keys / buckets > KEYS_PER_BUCKET) buckets *= 2;
  return buckets;
}

/** What the search page shows of an entity a query names. */
export interface EntityCard {
  /** Kind id (`companies`), the filter it is a value of. */
  kind: string;
  /** The kind's singular (`Company`), the `kind` filter value of its profile. */
  label: string;
  name: string;
  /** Its profile's address, with the site's base path. */
  url: string;
  /** Briefs that reference it: what its filter would list. */
  briefs: number;
  /** Its profile's result id in each bundle that holds it, to show it once. */
  ids: { en?: string; zh?: string };
}

/** One file of the lookup: keys → positions in `entities`. */
export interface LookupBucket {
  keys: Record<string, number[]>;
  entities: EntityCard[];
}

/** The entities a key names in a bucket (usually none, sometimes one, rarely more). */
export function entitiesIn(bucket: LookupBucket, key: string): EntityCard[] {
  return (Object.hasOwn(bucket.keys, key) ? bucket.keys[key]! : []).flatMap((i) =>
    bucket.entities[i] ? [bucket.entities[i]] : [],
  );
}

/** Puts entities into buckets by every key that names them. */
export function makeBuckets(
  named: ReadonlyArray<{ card: EntityCard; keys: readonly string[] }>,
): LookupBucket[] {
  const count = bucketCount(named.reduce((n, e) => n + new Set(e.keys).size, 0));
  const buckets = Array.from({ length: count }, (): LookupBucket => ({ keys: {}, entities: [] }));
  const positions = buckets.map(() => new Map<EntityCard, number>());
  for (const { card, keys } of named) {
    for (const key of new Set(keys)) {
      if (!key) continue;
      const b = bucketOf(key, count);
      const bucket = buckets[b]!;
      let at = positions[b]!.get(card);
      if (at === undefined) {
        at = bucket.entities.push(card) - 1;
        positions[b]!.set(card, at);
      }
      (bucket.keys[key] ??= []).push(at);
    }
  }
  return buckets;
}

/**
 * Would the entity's profile pass the filters? Its kind must be ticked if any kind is, no
 * year may be asked for (profiles have none), and in an entity facet with ticked values it
 * must be one of them: the entity is shown first only where its profile would be a result.
 */
export function profilePasses(
  card: Pick<EntityCard, 'kind' | 'label' | 'name'>,
  filters: Readonly<Record<string, readonly string[]>>,
  yearsAsked: boolean,
): boolean {
  if (yearsAsked) return false;
  return Object.entries(filters).every(([key, values]) => {
    if (!values.length) return true;
    if (key === FILTER.kind) return values.includes(card.label);
    if (key === FILTER.year) return false;
    return key === card.kind && values.includes(card.name);
  });
}
