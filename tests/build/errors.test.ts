/**
 * Bad content stops `npm run build` with a message an author can act on, and never
 * touches what was published before.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.ts';

const MINI = resolve('tests/fixtures/mini/content');

/** A scratch copy of the small fixture corpus, and a "previously published" dist. */
function scratch() {
  const dir = scratchDir('briefing-errors-');
  cpSync(MINI, join(dir, 'content'), { recursive: true });
  const dist = join(dir, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), 'previously published');
  return { content: join(dir, 'content'), dist };
}

function run(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function edit(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(file, next);
}

describe('npm run build with bad content', () => {
  it.each([
    [
      'an invalid date',
      (c: string) => edit(join(c, 'briefs/2025/alpha.md'), 'date: 2025-03-22', 'date: 2025-03-32'),
      'alpha.md:3',
      'date: expected a date written as YYYY-MM-DD',
    ],
    [
      'a missing title',
      (c: string) => edit(join(c, 'briefs/2025/alpha.md'), /^title: .*\n/m, ''),
      'alpha.md',
      'title: required field is missing',
    ],
    [
      'broken YAML',
      (c: string) =>
        edit(join(c, 'briefs/2025/beta.md'), 'highlights: [Two.]', 'highlights: [Two.'),
      'beta.md',
      'the YAML frontmatter cannot be read',
    ],
    [
      'an unknown entity',
      (c: string) =>
        edit(
          join(c, 'briefs/2025/beta.md'),
          'companies: [mp-materials]',
          'companies: [mp-material]',
        ),
      'beta.md:6',
      'did you mean "mp-materials"?',
    ],
    [
      'an unresolved wikilink',
      (c: string) => edit(join(c, 'briefs/2025/beta.md'), '[[MP]]', '[[MP Materails]]'),
      'beta.md:11',
      'did you mean [[MP Materials]]',
    ],
  ])(
    'stops on %s, names the place, and keeps the published site',
    (_name, breakIt, where, what) => {
      const { content, dist } = scratch();
      breakIt(content);
      const { status, output } = run('scripts/build.ts', {
        BRIEFING_CONTENT_DIR: content,
        BRIEFING_DIST: dist,
      });
      expect(status).toBe(1);
      expect(output).toContain(where);
      expect(output).toContain(what);
      expect(output).toContain('Nothing was built');
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
      expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previously published');
    },
  );

  it('on a large site, checks before Astro starts: stops on a problem, builds once it is fixed', () => {
    const { content, dist } = scratch();
    const alpha = join(content, 'briefs/2025/alpha.md');
    edit(alpha, 'date: 2025-03-22', 'date: 2025-03-32');
    // Any number of files counts as large.
    const env = {
      BRIEFING_CONTENT_DIR: content,
      BRIEFING_DIST: dist,
      BRIEFING_CHECK_FIRST_FROM: '0',
    };
    const failed = run('scripts/build.ts', env);
    expect(failed.status).toBe(1);
    expect(failed.output).toContain('alpha.md:3');
    expect(failed.output).toContain('Nothing was built');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previously published');
    edit(alpha, 'date: 2025-03-32', 'date: 2025-03-22');
    const built = run('scripts/build.ts', env);
    expect(built.status, built.output).toBe(0);
    expect(readFileSync(join(dist, 'briefs/alpha/index.html'), 'utf8')).toContain('</html>');
  });

  it('reports an MDX syntax error with its line before building', () => {
    const { content, dist } = scratch();
    const beta = readFileSync(join(content, 'briefs/2025/beta.md'), 'utf8');
    writeFileSync(
      join(content, 'briefs/2025/broken-mdx.mdx'),
      beta.replace('Body about [[MP]].', 'An unclosed <Component tag.'),
    );
    const { status, output } = run('scripts/build.ts', {
      BRIEFING_CONTENT_DIR: content,
      BRIEFING_DIST: dist,
    });
    expect(status).toBe(1);
    const line = beta.split('\n').findIndex((l) => l.includes('Body about')) + 1;
    expect(output).toContain(`broken-mdx.mdx:${line}`);
    expect(output).toContain('the MDX body cannot be read');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previously published');
  });

  it('keeps the published site when Astro itself fails half-way', () => {
    const { content, dist } = scratch();
    // Trusted MDX passes the check with a component that does not exist: Astro fails on it.
    writeFileSync(join(content, 'site.yaml'), 'trustMdx: true\n');
    writeFileSync(
      join(content, 'briefs/2025/broken-mdx.mdx'),
      readFileSync(join(content, 'briefs/2025/beta.md'), 'utf8').replace(
        'Body about [[MP]].',
        'Uses <NoSuchComponent /> here.',
      ),
    );
    const { status, output } = run('scripts/build.ts', {
      BRIEFING_CONTENT_DIR: content,
      BRIEFING_DIST: dist,
    });
    expect(status).toBe(1);
    expect(output).toContain('broken-mdx.mdx');
    // The page Astro could not render, and the file it comes from.
    expect(output).toMatch(/while rendering \/briefs\/broken-mdx\/ \([^)]*broken-mdx\.mdx\)/);
    expect(output).toContain('was left as it was');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previously published');
    expect(existsSync(`${dist}.staging`)).toBe(false);
  });
});

describe('npm run stubs', () => {
  it('creates a valid stub profile for each unknown reference', () => {
    const { content } = scratch();
    edit(
      join(content, 'briefs/2025/beta.md'),
      'companies: [mp-materials]',
      'companies: [mp-materials, new-miner]',
    );
    edit(
      join(content, 'briefs/2025/beta.md'),
      'Body about [[MP]].',
      'Body about [[MP]] and [[themes/magnet-supply]].',
    );
    expect(run('scripts/check.ts', { BRIEFING_CONTENT_DIR: content }).status).toBe(1);
    const stubs = run('scripts/stubs.ts', { BRIEFING_CONTENT_DIR: content });
    expect(stubs.output).toContain('Created 2 stub profiles');
    expect(readFileSync(join(content, 'companies/new-miner.md'), 'utf8')).toContain(
      'name: New Miner',
    );
    expect(existsSync(join(content, 'themes/magnet-supply.md'))).toBe(true);
    const check = run('scripts/check.ts', { BRIEFING_CONTENT_DIR: content });
    expect(check.output).toContain('content is valid');
    expect(check.status).toBe(0);
  });
});
