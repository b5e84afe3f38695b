/**
 * `node scripts/bench/retier.ts <dist>/pagefind/shards.json <firstTierKb> <fallbackKb>`: marks
 * the search tiers of a built site again with other budgets, exactly as a build with
 * BRIEFING_SEARCH_FIRST_TIER_KB / BRIEFING_SEARCH_FALLBACK_KB would (markFirstTier over the
 * shards' recorded fixed bytes), so that `npm run bench -- --search-only` measures other budgets
 * without another build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { markFirstTier, type ShardManifest } from '../../src/search/shared/shards.ts';

const [file, first, fallback] = process.argv.slice(2);
if (!file || !first || !fallback)
  throw new Error('usage: retier.ts <shards.json> <firstTierKb> <fallbackKb>');
const manifest = JSON.parse(readFileSync(file, 'utf8')) as ShardManifest;
manifest.shards = markFirstTier(manifest.shards, Number(first) * 1000, Number(fallback) * 1000);
writeFileSync(file, `${JSON.stringify(manifest)}\n`);
for (const s of manifest.shards.filter((s) => s.first || s.fallback))
  console.log(`${s.id}: ${s.first ? 'first' : 'fall-back'} tier, ${s.fixedBytes} bytes`);
