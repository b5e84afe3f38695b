/**
 * `npm run check`: validate every brief and profile, and the settings, without building.
 * Exit 0 when the content is sound (warnings allowed), 1 with a list of problems otherwise.
 * Lists the scheduled briefs (dated after the build's day) with their dates.
 *
 *   --strict         warnings (recommendations of the site's editorial rules) count as errors
 *   --warnings       list every warning with its file and line, not only the counts
 *   --hints          also list tagging suggestions (what `npm run suggest` adds)
 *   --format github  also print each problem as a GitHub Actions annotation
 *                    (`::error file=…,line=…::…`), so a pull request shows it on its line
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type Config, getConfig } from '../src/config.ts';
import type { Bodies } from '../src/content/files.ts';
import { contentLocation, loadContentInParallel } from '../src/content/load.ts';
import {
  type AnnotationLevel,
  countByGroup,
  formatProblems,
  githubAnnotation,
  type Problem,
  sortProblems,
} from '../src/content/problems.ts';
import type { ValidationResult } from '../src/content/validate.ts';
import { isoDay } from '../src/model/dates.ts';
import { briefStatus, type BriefStatus } from '../src/model/publication.ts';
import { type BriefRecord, compareBriefsNewestFirst } from '../src/model/records.ts';
import { formatSuggestion, suggestionsFor } from './lib/suggestions.ts';

export type ReportFormat = 'text' | 'github';

/** Where the check's report goes: the console, or (in the build's worker) the build's own report. */
export interface Printer {
  log(text: string): void;
  warn(text: string): void;
  error(text: string): void;
}

/** Prints GitHub annotations in the `github` format; the text report is printed either way. */
function annotate(
  out: Printer,
  format: ReportFormat,
  level: AnnotationLevel,
  problems: Problem[],
  root: string,
) {
  if (format !== 'github') return;
  for (const problem of sortProblems(problems))
    out.log(githubAnnotation(level, problem, existsSync(resolve(root, problem.file))));
}

/** The configuration, or undefined after printing what is wrong with it. */
export function configOrReport(format: ReportFormat = 'text'): Config | undefined {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    annotate(console, format, 'error', error.problems, process.cwd());
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
  /** `github`: problems also as GitHub Actions annotations. */
  format?: ReportFormat;
  /** Where the report goes (the console by default). */
  print?: Printer;
  /**
   * Whether the records hold their bodies: the build's check does (its search documents read
   * every one); by default only for `hints`, and read from the files when asked otherwise.
   */
  bodies?: Bodies;
}

/** Up to this many warnings are listed in full; more are counted by kind. */
const WARNINGS_LISTED = 20;

/** Checks the content; prints the problems or a summary. Undefined when there are problems. */
export async function checkContent(
  config: Config,
  options: CheckOptions = {},
): Promise<ValidationResult | undefined> {
  const format = options.format ?? 'text';
  const out = options.print ?? console;
  const started = performance.now();
  const bodies = options.bodies ?? (options.hints ? 'held' : 'read when asked');
  const result = await loadContentInParallel(contentLocation(config), { bodies });
  if (!result.briefs.length && !result.problems.length) {
    const folder = `${config.contentDir}/briefs`;
    result.problems.push({
      file: folder,
      message: 'no briefs found',
      hint: 'add Markdown files under content/briefs/ (run `npm run new -- brief "Title"`), or import an archive (docs/migration.md)',
    });
  }
  // Each brief's status, found once: at 100,000 briefs, four times took a second.
  const statuses = new Map(result.briefs.map((b) => [b, briefStatus(b, config.buildDay)]));
  const status = (brief: (typeof result.briefs)[number]) => statuses.get(brief)!;
  result.problems.push(...unfinished(result, status, config.root));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const errors = options.strict
    ? [...result.problems, ...result.warnings.map((w): Problem => ({ ...w, severity: 'error' }))]
    : result.problems;
  if (errors.length) {
    annotate(out, format, 'error', errors, config.root);
    out.error(
      `\n✗ ${formatProblems(errors)}\n\nNothing was built. Fix the files above and run the command again.\n`,
    );
    return undefined;
  }
  if (result.warnings.length) {
    annotate(out, format, 'warning', result.warnings, config.root);
    out.warn(formatWarnings(result.warnings, options.listWarnings));
  }
  if (options.hints) {
    const suggestions = suggestionsFor(result);
    out.log(
      suggestions.length
        ? `hint: ${suggestions.length} briefs mention entities they do not reference (\`npm run suggest -- --apply\` adds them):\n${suggestions.map(formatSuggestion).join('\n')}\n`
        : 'hint: every entity the briefs mention is referenced.\n',
    );
  }
  const published = result.briefs.filter((b) => status(b) === 'published').length;
  const drafts = result.briefs.filter((b) => status(b) === 'draft').length;
  const scheduled = result.briefs
    .filter((b) => status(b) === 'scheduled')
    .sort((a, b) => -compareBriefsNewestFirst(a, b));
  const warned = result.warnings.length ? `, ${count(result.warnings.length, 'warning')}` : '';
  out.log(
    `✓ content is valid${warned}: ${published} briefs (${count(drafts, 'draft')}, ${scheduled.length} scheduled), ${result.entities.length} entity profiles, checked in ${seconds} s`,
  );
  if (scheduled.length) {
    const from = config.buildDayFrom === 'clock' ? '' : `, from ${config.buildDayFrom}`;
    out.log(
      `\n  Scheduled: published by the first build on or after their date (today is ${isoDay(config.buildDay)}${from}):`,
    );
    for (const brief of scheduled)
      out.log(`    ${isoDay(brief.date)}  ${brief.filePath ?? brief.slug}  ${brief.title}`);
  }
  annotate(
    out,
    format,
    'notice',
    scheduled.map((brief) => ({
      file: brief.filePath ?? brief.slug,
      field: 'Scheduled brief',
      message: `Scheduled: published by the first build on or after ${isoDay(brief.date)}.`,
    })),
    config.root,
  );
  return result;
}

/**
 * A brief that a build publishes (now or on its day) may not keep the placeholders of
 * `npm run new`; a draft may.
 */
function unfinished(
  result: ValidationResult,
  status: (brief: BriefRecord) => BriefStatus,
  root: string,
): Problem[] {
  return result.briefs.flatMap((brief) => {
    const left = brief.filePath ? result.unfinished.get(brief.filePath) : undefined;
    if (!left || status(brief) === 'draft') return [];
    const lines = readFileSync(resolve(root, brief.filePath!), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(left[0]!.text)) + 1;
    return [
      {
        file: brief.filePath!,
        line: line || undefined,
        message: `still has the placeholders of \`npm run new\` in ${left.map((p) => p.field).join(', ')}`,
        hint: 'write them, or set `draft: true` to keep the brief unpublished for now',
      },
    ];
  });
}

const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** Every warning when there are few (or when asked), and always the count of each kind. */
export function formatWarnings(warnings: readonly Problem[], listAll = false): string {
  const listed = listAll || warnings.length <= WARNINGS_LISTED;
  const groups = countByGroup(warnings);
  const width = String(groups[0]?.count.toLocaleString('en') ?? '').length;
  const lines = [
    listed ? `\n⚠ ${formatProblems(warnings, 'content', 'warning')}\n` : '',
    `⚠ ${count(warnings.length, 'warning')}, by kind (recommendations of the editorial rules in site.yaml, and HTML the allowlist removes):`,
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
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--strict') options.strict = true;
    else if (arg === '--warnings') options.listWarnings = true;
    else if (arg === '--hints') options.hints = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'github')
        return '--format takes "text" (the default) or "github"';
      options.format = value;
    } else
      return `unknown option "${arg}": npm run check accepts --strict, --warnings, --hints and --format text|github`;
  }
  return options;
}

if (import.meta.main) {
  const options = checkOptionsOf(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(`✗ ${options}`);
    console.error(
      'Usage: npm run check [-- --strict] [--warnings] [--hints] [--format text|github]',
    );
    process.exitCode = 2;
  } else {
    const config = configOrReport(options.format);
    process.exitCode = config && (await checkContent(config, options)) ? 0 : 1;
  }
}
