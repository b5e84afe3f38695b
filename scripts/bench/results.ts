/** The shape of bench/results.json: one BenchEntry per corpus size. */

export interface SideResult {
  buildSeconds: number;
  astroSeconds: number;
  pagefindSeconds: number;
  peakRssMB: number;
  pages: number;
  /** Files in dist/ (what a host's file limit counts). */
  files?: number;
  distBytes: number;
  indexBytes: number;
  msPerBrief: number;
  /**
   * User + system CPU seconds of the build's process tree (of which Pagefind's binary): less
   * sensitive than wall time to other load on a shared machine.
   */
  cpuSeconds: number | null;
  cpuPagefindSeconds?: number | null;
  /** Largest RSS of any single node process (Astro) and of the Pagefind binary. */
  peakRssAstroMB: number;
  peakRssPagefindMB: number;
  /** Seconds from the start of the command at which each phase of the log began (approximate). */
  phases: Record<string, number>;
  /**
   * Astro's own durations in seconds: types, collectBuildInfo, vite, generatePages, astroBuild,
   * pagefind.
   */
  timings: Record<string, number>;
  /** The baseline's own first search, for comparison (the project's is required: ProjectResult). */
  firstSearchBytes?: number | null;
  firstSearchBrotliBytes?: number | null;
  firstSearch?: SearchMeasure[] | null;
  /** The generator's version (the Hugo peer). */
  version?: string;
}

export interface ProjectResult extends SideResult {
  /** `npm run check` cold, and again from the memo of checked briefs the first left. */
  checkSeconds: number;
  checkAgainSeconds?: number | null;
  /** The content check that `npm run build` runs first (included in astroSeconds). */
  checkInBuildSeconds: number | null;
  /** The worst single-word English first search, from a gzip-only host (level 6) and with brotli. */
  firstSearchBytes: number | null;
  firstSearchBrotliBytes?: number | null;
  firstSearch: SearchMeasure[] | null;
  rebuildSeconds: number | null;
  rebuildPeakRssMB: number | null;
  rebuildPhases: Record<string, number> | null;
  rebuildTimings: Record<string, number> | null;
  rebuildCpuSeconds?: number | null;
  /** Rebuild seconds when only some caches were kept (--rebuild-variants). */
  rebuildVariants?: Record<
    string,
    { seconds: number; cpuSeconds: number | null; timings: Record<string, number> }
  >;
  /** Size of each cache after the cold build. */
  cacheBytes?: Record<string, number>;
  briefPage: BriefPageMeasure;
  /** The largest HTML page and the largest export file (api/*.json) in dist/. */
  largest?: { html: { path: string; bytes: number }; json: { path: string; bytes: number } };
  /** Seconds from `astro dev` starting to its first page served (null when not measured). */
  devFirstPageSeconds?: number | null;
}

export interface BenchEntry {
  briefs: number;
  seed: string;
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string };
  source: { ref: string; commit: string; modified: string[] };
  corpus: {
    files: number;
    bytes: number;
    entities: Record<string, number>;
    /** The rarest word of the briefs, searched for too (scripts/bench/search.ts). */
    rareWord?: string | undefined;
  };
  project: ProjectResult;
  baseline: SideResult | null;
  /** Hugo + Pagefind on the same corpus (scripts/bench/hugo.ts); null when skipped or missing. */
  hugo?: SideResult | null;
  /** Why the Hugo peer has no result, when it failed (the bench went on without it). */
  hugoFailed?: string;
  ratios: Record<string, number | null>;
}

/** How the site was served: gzip level 6 only (as GitHub Pages), or brotli 11 where accepted. */
export type HostId = 'gzip-6' | 'brotli-11';

export interface SearchMeasure {
  query: string;
  /** `page`: typed into the project's search page; `api`: Pagefind's API on the primary bundle. */
  mode: 'page' | 'api' | 'api+filters';
  /** Absent in entries recorded before both hosts were measured (they were brotli-11). */
  host?: HostId;
  bundle: string;
  /** The encodings the responses came with (`gzip+identity`: Pagefind's files are sent as stored). */
  encoding: string;
  /** Bytes on the wire (compressed as served), and uncompressed. */
  bytes: number;
  rawBytes: number;
  requests: Array<{ path: string; bytes: number; rawBytes: number }>;
  results: number;
}

export interface BriefPageMeasure {
  /** gzip(HTML) + gzip(every stylesheet it links), over every brief page. */
  medianBytes: number;
  maxBytes: number;
  maxPage: string;
  cssBytes: number;
}

/** Figures are recorded rounded, to 2 decimals unless said otherwise. */
export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** a / b, rounded; null when either is missing (or b is 0). */
export const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b ? round(a / b, 2) : null;
