/** Names, aliases and slugs → entities; with "did you mean" for anything that does not resolve. */
import { type EntityRecord, type EntityRef, refKey } from './records.ts';
import { closest, nameKey } from './text.ts';
import { isKindId } from '../content/registry.ts';

export interface AliasConflict {
  name: string;
  claimedBy: EntityRecord[];
}

export class EntityIndex {
  readonly byKey = new Map<string, EntityRecord>();
  private readonly byName = new Map<string, EntityRecord>();
  readonly conflicts: AliasConflict[] = [];

  constructor(entities: Iterable<EntityRecord>) {
    const claims = new Map<string, { name: string; owners: Map<string, EntityRecord> }>();
    for (const entity of entities) {
      this.byKey.set(refKey(entity), entity);
      for (const name of [entity.name, ...entity.aliases]) {
        const key = nameKey(name);
        const claim = claims.get(key) ?? { name, owners: new Map() };
        claim.owners.set(refKey(entity), entity);
        claims.set(key, claim);
      }
    }
    for (const [key, { name, owners }] of claims) {
      if (owners.size === 1) this.byName.set(key, [...owners.values()][0]!);
      else this.conflicts.push({ name, claimedBy: [...owners.values()] });
    }
  }

  get(ref: EntityRef): EntityRecord | undefined {
    return this.byKey.get(refKey(ref));
  }

  /** Resolve the inside of a wikilink: `kind/slug`, or a name or alias in any case. */
  resolve(target: string): EntityRecord | undefined {
    const qualified = splitQualifiedTarget(target);
    if (qualified && isKindId(qualified.kind))
      return this.get({ kind: qualified.kind, slug: qualified.slug });
    return this.byName.get(nameKey(target));
  }

  /** Closest slugs of one kind, for an unknown frontmatter reference. */
  suggestSlugs(kind: string, wanted: string): string[] {
    const slugs = [...this.byKey.values()].filter((e) => e.kind === kind).map((e) => e.slug);
    return closest(wanted, slugs);
  }

  /** Closest names, aliases or kind/slug paths, for an unresolved wikilink. */
  suggestNames(wanted: string): string[] {
    const candidates: string[] = [];
    for (const entity of this.byKey.values())
      candidates.push(entity.name, ...entity.aliases, refKey(entity));
    return closest(wanted, candidates);
  }
}

/** `companies/china-northern-rare-earth` → { kind, slug }; a plain name → undefined. */
export function splitQualifiedTarget(target: string): { kind: string; slug: string } | undefined {
  const match = /^([a-z][a-z0-9-]*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(target.trim());
  return match ? { kind: match[1]!, slug: match[2]! } : undefined;
}
