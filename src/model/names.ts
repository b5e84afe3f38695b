/**
 * Every name an entity goes by: its name, its aliases, and the facts the registry marks as
 * names (a ticker and its bare symbol, a term's Chinese original and pinyin). Search matches
 * them all: profiles list them, briefs list those of the entities they reference, and the
 * entity lookup is keyed by them (src/search/build/entity-lookup.ts).
 */
import { getKind } from '../content/registry.ts';
import type { EntityRecord } from './records.ts';
import { nameKey } from './text.ts';

/** `NYSE: MP` → `MP`, `600111.SS` → `600111`; symbols of one character are too ambiguous. */
export function tickerSymbol(ticker: string): string | undefined {
  const match = /^(?:[^:]+:\s*)?([\p{L}\p{N}]+)(?:\.[A-Za-z]{1,3})?$/u.exec(ticker.trim());
  const symbol = match?.[1];
  return symbol && symbol.length > 1 && symbol !== ticker.trim() ? symbol : undefined;
}

/** Computed once per record: every brief page and cache key asks for its entities' names. */
const namesOf = new WeakMap<EntityRecord, readonly string[]>();

/** The entity's names, its own first, each once (compared as names are: case and width aside). */
export function entityNames(entity: EntityRecord): readonly string[] {
  const known = namesOf.get(entity);
  if (known) return known;
  const names = [entity.name, ...entity.aliases];
  for (const fact of getKind(entity.kind).facts) {
    const value = entity.data[fact.field];
    if (!fact.alias || (typeof value !== 'string' && typeof value !== 'number')) continue;
    names.push(String(value));
    const symbol = fact.alias === 'ticker' ? tickerSymbol(String(value)) : undefined;
    if (symbol) names.push(symbol);
  }
  const seen = new Set<string>();
  const unique = names.filter((name) => {
    const key = nameKey(name);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  namesOf.set(entity, unique);
  return unique;
}
