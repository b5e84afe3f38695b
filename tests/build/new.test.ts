/**
 * `npm run new`: writes a brief or a profile from the template, prints its path, never
 * overwrites a file, never makes an empty or duplicate slug, and its files pass
 * `npm run check` (a brief that would be published only once its placeholders are written).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.ts';

let content = '';
beforeEach(() => {
  content = join(scratchDir('briefing-new-'), 'content');
  cpSync(resolve('tests/fixtures/mini/content'), content, { recursive: true });
});

function run(script: 'new' | 'check', ...args: string[]) {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    env: { ...process.env, BRIEFING_CONTENT_DIR: content, BRIEFING_BUILD_DATE: '2026-03-05' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

/** The path `new` printed, as a file to read. */
const written = (stdout: string) => resolve(stdout);

describe('npm run new -- brief', () => {
  it('writes content/briefs/<year>/<slug>.md dated today and prints its path', () => {
    const { status, stdout } = run('new', 'brief', 'China tightens rare-earth export licensing');
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /content\/briefs\/2026\/china-tightens-rare-earth-export-licensing\.md$/,
    );
    const text = readFileSync(written(stdout), 'utf8');
    expect(text).toContain('title: China tightens rare-earth export licensing');
    expect(text).toContain('date: 2026-03-05');
    expect(text).toContain('draft: false');
  });

  it('makes a pinyin slug from a Chinese title and files it under the year of --date', () => {
    const { status, stdout, stderr } = run(
      'new',
      'brief',
      '北方稀土加强党的纪律',
      '--date',
      '2026-04-02',
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(/content\/briefs\/2026\/bei-fang-xi-tu-jia-qiang-dang-de-ji-lu\.md$/);
    expect(readFileSync(written(stdout), 'utf8')).toContain('date: 2026-04-02');
    expect(stderr, 'a future date schedules it').toContain('on or after 2026-04-02');
  });

  it('numbers a slug that another brief already has, in any year folder', () => {
    const { status, stdout, stderr } = run('new', 'brief', 'Alpha', '--date', '2024-01-01');
    expect(status).toBe(0);
    expect(stdout).toMatch(/content\/briefs\/2024\/alpha-2\.md$/);
    expect(stderr).toContain('"alpha" is taken');
    expect(run('new', 'brief', 'Alpha', '--date', '2024-01-01').stdout).toMatch(/alpha-3\.md$/);
  });

  it('refuses an empty slug, a taken --slug and a bad date, writing nothing', () => {
    const before = readFileSync(join(content, 'briefs/2025/alpha.md'), 'utf8');
    for (const [args, message] of [
      [['brief', '🚀 !!'], 'no slug can be made from "🚀 !!": give one with --slug'],
      [['brief', 'Anything', '--slug', 'alpha'], 'the slug "alpha" is already used'],
      [['brief', 'Anything', '--slug', 'Not A Slug'], 'is not a slug'],
      [['brief', 'Anything', '--date', '2026-02-30'], 'is not a date written as YYYY-MM-DD'],
      [['brief', '  '], 'the title is empty'],
    ] as const) {
      const { status, stdout, stderr } = run('new', ...args);
      expect(status, args.join(' ')).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
    }
    expect(readFileSync(join(content, 'briefs/2025/alpha.md'), 'utf8')).toBe(before);
  });

  it('never overwrites a file, even one that is not a brief yet', () => {
    const path = join(content, 'briefs/2026/kept.md');
    cpSync(join(content, 'briefs/2025/beta.md'), path);
    writeFileSync(path, 'my notes');
    // `_kept.md` would be ignored as content; this one is content with the same slug.
    const { status, stderr } = run('new', 'brief', 'Kept', '--slug', 'kept');
    expect(status).toBe(1);
    expect(stderr).toContain('"kept" is already used');
    expect(readFileSync(path, 'utf8')).toBe('my notes');
  });

  it('gives a draft that checks at once, and a brief that checks once its TODOs are written', () => {
    const draft = run('new', 'brief', 'Work in progress', '--draft');
    expect(readFileSync(written(draft.stdout), 'utf8')).toContain('draft: true');
    expect(run('check').status).toBe(0);

    const brief = written(run('new', 'brief', 'Ready soon').stdout);
    const check = run('check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(
      /ready-soon\.md:6\n\s+still has the placeholders of `npm run new` in summary, highlights\[0\], sources\[0\]\.title, sources\[0\]\.publisher, sources\[0\]\.url, body\n/,
    );
    expect(check.stderr, 'a draft may keep them').not.toContain('work-in-progress');
    writeFileSync(
      brief,
      readFileSync(brief, 'utf8')
        .replace(/TODO: one or two[^\n]*/, 'A real summary, long enough for the schema.')
        .replace(/"TODO: the first key takeaway."/, 'A takeaway.')
        .replace(/"TODO: the title of the source"/, 'A source')
        .replace(/"TODO: the publisher"/, 'A publisher')
        .replace('https://example.com/TODO', 'https://example.org/source')
        .replace(/TODO: the analysis[^\n]*/, 'The analysis, about [[MP Materials]].'),
    );
    expect(run('check')).toMatchObject({ status: 0 });
  });
});

describe('npm run new -- <kind>', () => {
  it.each([
    ['company', 'Lynas Rare Earths', 'companies/lynas-rare-earths.md'],
    ['policy', 'Export Control Law', 'policies/export-control-law.md'],
    ['theme', 'Magnet supply chains', 'themes/magnet-supply-chains.md'],
    ['term', '新质生产力', 'terms/xin-zhi-sheng-chan-li.md'],
  ])('writes a %s profile that checks', (kind, name, path) => {
    const { status, stdout } = run('new', kind, name);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`content/${path.replace('.', '\\.')}$`));
    expect(readFileSync(written(stdout), 'utf8')).toContain(`name: ${name}`);
    expect(run('check').status).toBe(0);
  });

  it('refuses a name or alias another profile has, and a reserved slug', () => {
    const taken = run('new', 'company', '北方稀土');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('already the name or an alias of');
    expect(taken.stderr).toContain('china-northern-rare-earth.md');
    expect(run('new', 'theme', 'By count', '--slug', 'by-count').status).toBe(1);
    expect(run('new', 'theme', 'By count').stdout).toMatch(/themes\/by-count-2\.md$/);
  });

  it('explains its usage for an unknown kind or missing title, with exit 2', () => {
    for (const args of [['widget', 'X'], ['brief'], ['company', 'X', '--date', '2026-01-01']]) {
      const { status, stderr } = run('new', ...args);
      expect(status, args.join(' ')).toBe(args.includes('--date') ? 1 : 2);
      expect(stderr).toMatch(/Usage|for briefs/);
    }
    expect(existsSync(join(content, 'companies/x.md'))).toBe(false);
  });
});
