interface ImportMetaEnv {
  /** True under `astro dev` only: see src/integrations/drafts.ts. */
  readonly BRIEFING_SHOW_DRAFTS: boolean;
}
