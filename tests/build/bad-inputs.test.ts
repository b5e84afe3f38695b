/**
 * Sixty-odd bad inputs (tests/fixtures/bad-inputs.ts): each one is caught on its own by the
 * content check, with its file and line or field; then all of them at once go through the real
 * `npm run check` and `npm run build`, which must exit 1, name every one, print no stack trace
 * and leave the previously published dist/ as it was.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { formatProblem, type Problem } from '../../src/content/problems.ts';
import { validateContent } from '../../src/content/validate.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { run, STACK_TRACE } from '../helpers/commands.ts';
import {
  BAD_INPUTS,
  type BadInput,
  brief,
  type FileContent,
  writeCorpus,
} from '../fixtures/bad-inputs.ts';

/** The problems a case causes must all be about its own files. */
function isOwn(problem: Problem, input: BadInput): boolean {
  const text = `${problem.file} ${problem.message}`;
  return [...Object.keys(input.files), input.where].some((token) => text.includes(token));
}

describe('each bad input on its own', () => {
  it('there are at least 40 of them, all different', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length);
  });

  it.each(BAD_INPUTS)('$name: $where $what', (input) => {
    const { content } = writeCorpus(input.files);
    const { problems } = loadContent({ root: process.cwd(), contentDir: content });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !isOwn(p, input)).map(formatProblem)).toEqual([]);
    const text = problems.map(formatProblem).join('\n');
    expect(text).toContain(input.where);
    expect(text).toContain(input.what);
  });
});

describe('npm run check and npm run build with every bad input at once', () => {
  let corpus: ReturnType<typeof writeCorpus>;
  let check: Awaited<ReturnType<typeof run>>;
  let build: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    const files: Record<string, FileContent> = {};
    for (const input of BAD_INPUTS) Object.assign(files, input.files);
    corpus = writeCorpus(files);
    const env = { BRIEFING_CONTENT_DIR: corpus.content, BRIEFING_DIST: corpus.dist };
    [check, build] = await Promise.all([
      run('scripts/check.ts', env),
      run('scripts/build.ts', env),
    ]);
  });

  it('exit with 1, without a stack trace, and keep the published site', () => {
    expect(check.status).toBe(1);
    expect(build.status).toBe(1);
    for (const { output } of [check, build]) {
      expect(output).not.toMatch(STACK_TRACE);
      expect(output).toContain('Nothing was built');
    }
    expect(readFileSync(join(corpus.dist, 'index.html'), 'utf8')).toBe('previously published');
    expect(existsSync(`${corpus.dist}.staging`)).toBe(false);
  });

  it.each(BAD_INPUTS)('name $name', (input) => {
    for (const { output } of [check, build]) {
      const at = output.indexOf(input.where);
      expect(at, `${input.where} in the output`).toBeGreaterThanOrEqual(0);
      expect(output).toContain(input.what);
    }
  });
});

describe('bad settings', () => {
  it.each([
    ['an unknown setting', 'title: T\ncolour: red\n', 'site.yaml:2', 'unknown field "colour"'],
    [
      'an embed written as a URL',
      'embeds: ["https://www.youtube.com/embed/x"]\n',
      'site.yaml:1',
      'is not a host name',
    ],
    [
      'a control character',
      'title: "T"\ntagline: "Bell \u0007"\n',
      'site.yaml:2',
      'control character U+0007',
    ],
    ['trustMdx as a word', 'trustMdx: sometimes\n', 'site.yaml:1', 'expected true or false'],
  ])('stop the check and the build on %s', async (_name, yaml, where, what) => {
    const corpus = writeCorpus({ 'site.yaml': yaml });
    const env = { BRIEFING_CONTENT_DIR: corpus.content, BRIEFING_DIST: corpus.dist };
    const results = await Promise.all([run('scripts/check.ts', env), run('scripts/build.ts', env)]);
    for (const { status, output } of results) {
      expect(status).toBe(1);
      expect(output).toContain(where);
      expect(output).toContain(what);
      expect(output).not.toMatch(STACK_TRACE);
    }
    expect(readFileSync(join(corpus.dist, 'index.html'), 'utf8')).toBe('previously published');
  });
});

describe('trusted MDX', () => {
  const mdxCases = BAD_INPUTS.filter((c) => Object.keys(c.files).some((f) => f.endsWith('.mdx')));

  it('lets every MDX rule go when site.yaml says trustMdx: true, but not a syntax error', () => {
    const files: Record<string, FileContent> = { 'site.yaml': 'trustMdx: true\n' };
    for (const input of mdxCases) Object.assign(files, input.files);
    const corpus = writeCorpus(files);
    const { problems } = validateContent(readContentFiles(process.cwd(), corpus.content));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      expect.stringMatching(/syntax\.mdx:12 the MDX body cannot be read/),
    ]);
  });

  it('still reports an import of a file that does not exist', () => {
    const corpus = writeCorpus({
      'site.yaml': 'trustMdx: true\n',
      'briefs/2025/missing.mdx': brief(
        {},
        "import Chart from './no-such-chart.astro'\n\n<Chart />",
      ),
      'briefs/2025/present.mdx': brief({}, "import Other from './alpha.md'\n\nFine."),
    });
    const { problems } = loadContent({ root: process.cwd(), contentDir: corpus.content });
    expect(problems.map((p) => `${p.file.split('/').pop()}:${p.line} ${p.message}`)).toEqual([
      'missing.mdx:10 imports "./no-such-chart.astro", which does not exist',
    ]);
  });

  it('imports of the author components are fine without trust', () => {
    const corpus = writeCorpus({});
    const folder = join(corpus.content, 'briefs/2025');
    const component = relative(folder, resolve('src/components/mdx/KeyDates.astro'));
    writeFileSync(
      join(folder, 'imports.mdx'),
      brief(
        {},
        `import KeyDates from '${component}'\n\n<KeyDates dates={[['2025-01-01', 'x']]} caption={frontmatter.title} />`,
      ),
    );
    const { problems } = loadContent({ root: process.cwd(), contentDir: corpus.content });
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
