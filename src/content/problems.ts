/** Content problems, reported the way a compiler reports errors: file:line, field, what, how to fix. */

export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
  hint?: string | undefined;
  /**
   * An error (the default) stops the check and the build; a warning is a recommendation of
   * the site's editorial rules, counted by `npm run check` and made an error by `--strict`.
   */
  severity?: 'error' | 'warning' | undefined;
  /** What kind of problem it is, for counts ("briefs: no sources"). */
  group?: string | undefined;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  const hint = problem.hint ? `\n    ${problem.hint}` : '';
  return `  ${where}\n    ${field}${problem.message}${hint}`;
}

/** `what`: the kind of problem in the heading ("3 content problems in 2 files:"). */
export function formatProblems(
  problems: readonly Problem[],
  what = 'content',
  noun = 'problem',
): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const where = what === 'content' ? ` in ${files} ${files === 1 ? 'file' : 'files'}` : '';
  const heading = `${problems.length} ${what} ${problems.length === 1 ? noun : `${noun}s`}${where}:`;
  return [heading, ...sortProblems(problems).map(formatProblem)].join('\n\n');
}

/** Warnings counted by group, most frequent first: what `npm run check` prints for a large import. */
export function countByGroup(
  problems: readonly Problem[],
): Array<{ group: string; count: number; first: Problem }> {
  const groups = new Map<string, { group: string; count: number; first: Problem }>();
  for (const problem of sortProblems(problems)) {
    const group = problem.group ?? problem.message;
    const entry = groups.get(group);
    if (entry) entry.count++;
    else groups.set(group, { group, count: 1, first: problem });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.group.localeCompare(b.group));
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** `['sources', 0, 'url']` → `sources[0].url` */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  );
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/**
 * A problem as a GitHub Actions workflow command (`::error file=…,line=…::message`), which a
 * pull request shows on the line it names. `onDisk`: whether `problem.file` is a real file
 * (a setting's problem names an environment variable instead, and gets no file property).
 */
export function githubAnnotation(level: AnnotationLevel, problem: Problem, onDisk = true): string {
  const properties = [
    ...(onDisk ? [`file=${escapeProperty(problem.file)}`] : []),
    ...(onDisk && problem.line ? [`line=${problem.line}`] : []),
    `title=${escapeProperty(problem.field ?? (onDisk ? 'Briefing check' : problem.file))}`,
  ];
  const text = [problem.message, problem.hint].filter(Boolean).join('\n');
  return `::${level} ${properties.join(',')}::${escapeData(text)}`;
}

/** GitHub's escaping of a command's message: %, CR and LF. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and of a property value, which also may not contain its separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
