/** Static paths shared by every per-kind route, so no page repeats the loop over the registry. */
import { cacheKeyed, entityCacheKey } from './cache-keys.ts';
import type { EntityRecord } from '../model/records.ts';
import { type EntityKind, KINDS } from '../content/registry.ts';
import { getSiteData } from './site-data.ts';

export async function kindPaths() {
  return KINDS.map((kind) => ({ params: { kind: kind.id }, props: { kind: kind as EntityKind } }));
}

export async function entityPaths() {
  const { graph, config, today } = await getSiteData();
  return graph.entities.map((entity) => ({
    params: { kind: entity.kind, slug: entity.slug },
    props: { entity: entity as EntityRecord },
    ...cacheKeyed(() => entityCacheKey(graph, entity, config, today)),
  }));
}
