/**
 * `npm run check`: validate every brief and profile, and the settings, without building.
 * Exit 0 when the content is sound, 1 with a list of problems otherwise. Lists the scheduled
 * briefs (dated after the build's day) with their dates.
 *
 * `npm run check -- --format github` also prints each problem as a GitHub Actions annotation
 * (`::error file=…,line=…::…`), so a pull request shows it on the line it names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type Config, getConfig } from '../src/config.ts';
import { loadContent } from '../src/content/load.ts';
import {
  type AnnotationLevel,
  formatProblems,
  githubAnnotation,
  type Problem,
  sortProblems,
} from '../src/content/problems.ts';
import { placeholdersLeft } from '../src/content/templates.ts';
import type { ValidationResult } from '../src/content/validate.ts';
import { isoDay } from '../src/model/dates.ts';
import { briefStatus } from '../src/model/publication.ts';
import { compareBriefsNewestFirst } from '../src/model/records.ts';

export type ReportFormat = 'text' | 'github';

/** Prints GitHub annotations in the `github` format; the text report is printed either way. */
function annotate(format: ReportFormat, level: AnnotationLevel, problems: Problem[], root: string) {
  if (format !== 'github') return;
  for (const problem of sortProblems(problems))
    console.log(githubAnnotation(level, problem, existsSync(resolve(root, problem.file))));
}

/** The configuration, or undefined after printing what is wrong with it. */
export function configOrReport(format: ReportFormat = 'text'): Config | undefined {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    annotate(format, 'error', error.problems, process.cwd());
    console.error(
      `\n✗ ${error.message}\n\nNothing was built. Fix the settings above and run the command again.\n`,
    );
    return undefined;
  }
}

/** Checks the content; prints the problems or a summary. Undefined when there are problems. */
export function checkContent(
  config: Config,
  format: ReportFormat = 'text',
): ValidationResult | undefined {
  const started = performance.now();
  const result = loadContent({ root: config.root, contentDir: config.contentDir });
  if (!result.briefs.length && !result.problems.length) {
    const folder = `${config.contentDir}/briefs`;
    result.problems.push({
      file: folder,
      message: 'no briefs found',
      hint: 'add Markdown files under content/briefs/, e.g. content/briefs/2025/my-first-brief.md, or run `npm run new -- brief "Title"`',
    });
  }
  result.problems.push(...unfinished(result, config));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (result.problems.length) {
    annotate(format, 'error', result.problems, config.root);
    console.error(
      `\n✗ ${formatProblems(result.problems)}\n\nNothing was built. Fix the files above and run the command again.\n`,
    );
    return undefined;
  }
  const status = (brief: (typeof result.briefs)[number]) => briefStatus(brief, config.buildDay);
  const published = result.briefs.filter((b) => status(b) === 'published').length;
  const drafts = result.briefs.filter((b) => status(b) === 'draft').length;
  const scheduled = result.briefs
    .filter((b) => status(b) === 'scheduled')
    .sort((a, b) => -compareBriefsNewestFirst(a, b));
  console.log(
    `✓ content is valid: ${published} briefs (${drafts} ${drafts === 1 ? 'draft' : 'drafts'}, ${scheduled.length} scheduled), ${result.entities.length} entity profiles, checked in ${seconds} s`,
  );
  if (scheduled.length) {
    const from = config.buildDayFrom === 'clock' ? '' : `, from ${config.buildDayFrom}`;
    console.log(
      `\n  Scheduled: published by the first build on or after their date (today is ${isoDay(config.buildDay)}${from}):`,
    );
    for (const brief of scheduled)
      console.log(`    ${isoDay(brief.date)}  ${brief.filePath ?? brief.slug}  ${brief.title}`);
  }
  annotate(
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
function unfinished(result: ValidationResult, config: Config): Problem[] {
  return result.briefs.flatMap((brief) => {
    if (briefStatus(brief, config.buildDay) === 'draft') return [];
    const left = placeholdersLeft(brief);
    if (!left.length || !brief.filePath) return [];
    const lines = readFileSync(resolve(config.root, brief.filePath), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(left[0]!.text)) + 1;
    return [
      {
        file: brief.filePath,
        line: line || undefined,
        message: `still has the placeholders of \`npm run new\` in ${left.map((p) => p.field).join(', ')}`,
        hint: 'write them, or set `draft: true` to keep the brief unpublished for now',
      },
    ];
  });
}

/** `--format text|github`; anything else is a usage error. */
export function reportFormat(args: string[]): ReportFormat | undefined {
  const { values } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'text' } },
    strict: true,
  });
  return values.format === 'text' || values.format === 'github' ? values.format : undefined;
}

if (import.meta.main) {
  let format: ReportFormat | undefined;
  try {
    format = reportFormat(process.argv.slice(2));
  } catch (error) {
    console.error(`✗ ${(error as Error).message}`);
    console.error('Usage: npm run check [-- --format text|github]');
    process.exit(2);
  }
  if (!format) {
    console.error('✗ --format takes "text" (the default) or "github".');
    console.error('Usage: npm run check [-- --format text|github]');
    process.exit(2);
  }
  const config = configOrReport(format);
  process.exitCode = config && checkContent(config, format) ? 0 : 1;
}
