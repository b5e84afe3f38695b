/**
 * The benchmark's baseline (issue 5): a minimal Astro site over the same generated corpus,
 * one page per brief and per entity, no cross-link features, default Markdown pipeline.
 * Built from the project root with `astro build --root bench/baseline`; it uses the
 * project's node_modules. Pagefind runs after the build (bench/baseline/pagefind.ts).
 *
 * BENCH_CONTENT_DIR   the generated content folder (absolute, or relative to bench/baseline)
 * BENCH_BASELINE_OUT  the output folder (default bench/baseline/dist)
 * BENCH_BASELINE_CACHE Astro's cache folder (default bench/baseline/node_modules/.astro)
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  ...(process.env.BENCH_BASELINE_OUT ? { outDir: process.env.BENCH_BASELINE_OUT } : {}),
  ...(process.env.BENCH_BASELINE_CACHE ? { cacheDir: process.env.BENCH_BASELINE_CACHE } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
});
