/**
 * `npm run check`: validate every brief and profile, and the settings, without building.
 * Exit 0 when the content is sound, 1 with a list of problems otherwise.
 */
import { ConfigError, type Config, getConfig } from '../src/config.ts';
import { loadContent } from '../src/content/load.ts';
import { formatProblems } from '../src/content/problems.ts';
import type { ValidationResult } from '../src/content/validate.ts';

/** The configuration, or undefined after printing what is wrong with it. */
export function configOrReport(): Config | undefined {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(
      `\n✗ ${error.message}\n\nNothing was built. Fix the settings above and run the command again.\n`,
    );
    return undefined;
  }
}

/** Checks the content; prints the problems or a one-line summary. Undefined when there are problems. */
export function checkContent(
  config: Config,
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
): ValidationResult | undefined {
  const started = performance.now();
  const result = loadContent({ root: config.root, contentDir: config.contentDir });
  if (!result.briefs.length && !result.problems.length) {
    const folder = `${config.contentDir}/briefs`;
    result.problems.push({
      file: folder,
      message: 'no briefs found',
      hint: 'add Markdown files under content/briefs/, e.g. content/briefs/2025/my-first-brief.md',
    });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (result.problems.length) {
    printError(
      `\n✗ ${formatProblems(result.problems)}\n\nNothing was built. Fix the files above and run the command again.\n`,
    );
    return undefined;
  }
  const published = result.briefs.filter((b) => !b.draft).length;
  const drafts = result.briefs.length - published;
  print(
    `✓ content is valid: ${published} briefs (${drafts} drafts), ${result.entities.length} entity profiles, checked in ${seconds} s`,
  );
  return result;
}

if (import.meta.main) {
  const config = configOrReport();
  process.exitCode = config && checkContent(config) ? 0 : 1;
}
