/**
 * `npm run check`: validate every brief and profile, and the settings, without building.
 * Exit 0 when the content is sound (warnings allowed), 1 with a list of problems otherwise.
 *
 *   --strict     warnings (recommendations of the site's editorial rules) count as errors
 *   --warnings   list every warning with its file and line, not only the counts
 *   --hints      also list tagging suggestions (what `npm run suggest` adds)
 */
import { ConfigError, type Config, getConfig } from '../src/config.ts';
import { loadContent } from '../src/content/load.ts';
import { countByGroup, formatProblems, type Problem } from '../src/content/problems.ts';
import type { ValidationResult } from '../src/content/validate.ts';
import { formatSuggestion, suggestionsFor } from './lib/suggestions.ts';

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

export interface CheckOptions {
  /** Warnings count as errors. */
  strict?: boolean;
  /** Every warning is listed with its file and line, not only counted. */
  listWarnings?: boolean;
  /** Tagging suggestions are listed as hints. */
  hints?: boolean;
}

/** Up to this many warnings are listed in full; more are counted by kind. */
const WARNINGS_LISTED = 20;

/** Checks the content; prints the problems or a one-line summary. Undefined when there are problems. */
export function checkContent(
  config: Config,
  options: CheckOptions = {},
): ValidationResult | undefined {
  const started = performance.now();
  const result = loadContent({ root: config.root, contentDir: config.contentDir });
  if (!result.briefs.length && !result.problems.length) {
    const folder = `${config.contentDir}/briefs`;
    result.problems.push({
      file: folder,
      message: 'no briefs found',
      hint: 'add Markdown files under content/briefs/, e.g. content/briefs/2025/my-first-brief.md, or import an archive (docs/migration.md)',
    });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const errors = options.strict
    ? [...result.problems, ...result.warnings.map((w): Problem => ({ ...w, severity: 'error' }))]
    : result.problems;
  if (errors.length) {
    console.error(
      `\n✗ ${formatProblems(errors)}\n\nNothing was built. Fix the files above and run the command again.\n`,
    );
    return undefined;
  }
  if (result.warnings.length) console.warn(formatWarnings(result.warnings, options.listWarnings));
  if (options.hints) {
    const suggestions = suggestionsFor(result);
    console.log(
      suggestions.length
        ? `hint: ${suggestions.length} briefs mention entities they do not reference (\`npm run suggest -- --apply\` adds them):\n${suggestions.map(formatSuggestion).join('\n')}\n`
        : 'hint: every entity the briefs mention is referenced.\n',
    );
  }
  const published = result.briefs.filter((b) => !b.draft).length;
  const drafts = result.briefs.length - published;
  const warned = result.warnings.length ? `, ${count(result.warnings.length, 'warning')}` : '';
  console.log(
    `✓ content is valid${warned}: ${published} briefs (${drafts} drafts), ${result.entities.length} entity profiles, checked in ${seconds} s`,
  );
  return result;
}

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** Every warning when there are few (or when asked), and always the count of each kind. */
export function formatWarnings(warnings: readonly Problem[], listAll = false): string {
  const listed = listAll || warnings.length <= WARNINGS_LISTED;
  const groups = countByGroup(warnings);
  const width = String(groups[0]?.count.toLocaleString('en') ?? '').length;
  const lines = [
    listed ? `\n⚠ ${formatProblems(warnings, 'content', 'warning')}\n` : '',
    `⚠ ${count(warnings.length, 'warning')}: recommendations of this site's editorial rules (rules: in site.yaml), by kind:`,
    ...groups.map(({ group, count: n, first }) => {
      const where = first.line ? `${first.file}:${first.line}` : first.file;
      return `  ${n.toLocaleString('en').padStart(width)}  ${group}${listed ? '' : `  (e.g. ${where})`}`;
    }),
    listed ? '' : 'List them all with `npm run check -- --warnings`.',
    'They do not stop the build; `npm run check -- --strict` treats them as errors.\n',
  ];
  return lines.filter((line, i) => line || i === lines.length - 1).join('\n');
}

/** Options from command-line arguments; unknown flags are an error, not silently ignored. */
export function checkOptionsOf(args: readonly string[]): CheckOptions | string {
  const options: CheckOptions = {};
  for (const arg of args) {
    if (arg === '--strict') options.strict = true;
    else if (arg === '--warnings') options.listWarnings = true;
    else if (arg === '--hints') options.hints = true;
    else return `unknown option "${arg}": npm run check accepts --strict, --warnings and --hints`;
  }
  return options;
}

if (import.meta.main) {
  const options = checkOptionsOf(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(`✗ ${options}`);
    process.exitCode = 1;
  } else {
    const config = configOrReport();
    process.exitCode = config && checkContent(config, options) ? 0 : 1;
  }
}
