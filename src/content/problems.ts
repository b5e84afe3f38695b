/** Content problems, reported the way a compiler reports errors: file:line, field, what, how to fix. */

export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
  hint?: string | undefined;
}

function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  const hint = problem.hint ? `\n    ${problem.hint}` : '';
  return `  ${where}\n    ${field}${problem.message}${hint}`;
}

/** `what`: the kind of problem in the heading ("3 content problems in 2 files:"). */
export function formatProblems(problems: readonly Problem[], what = 'content'): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const where = what === 'content' ? ` in ${files} ${files === 1 ? 'file' : 'files'}` : '';
  const heading = `${problems.length} ${what} ${problems.length === 1 ? 'problem' : 'problems'}${where}:`;
  return [heading, ...sortProblems(problems).map(formatProblem)].join('\n\n');
}

function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** `['sources', 0, 'url']` → `sources[0].url` */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}
