/** Where the content and the output live; the benchmark points these elsewhere. */
import { CONTENT_DIR } from '../src/content/registry.ts';

/** BRIEFING_CONTENT_DIR: a content folder other than ./content (relative to the project root or absolute). */
export function contentDirFromEnv(): string {
  return process.env.BRIEFING_CONTENT_DIR ?? CONTENT_DIR;
}
