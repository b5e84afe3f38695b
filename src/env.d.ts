interface ImportMetaEnv {
  /** True under `astro dev` only: see src/astro/command-flags.ts. */
  readonly BRIEFING_SHOW_DRAFTS: boolean;
  /** True under `astro build` only: see src/astro/command-flags.ts. */
  readonly BRIEFING_CACHE_KEYS: boolean;
}
