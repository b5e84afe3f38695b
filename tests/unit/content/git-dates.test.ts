import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGitLog, readGitDates } from '../../../src/content/git-dates.ts';
import { isoDay } from '../../../src/model/dates.ts';
import { historyUrl } from '../../../src/model/forge.ts';
import { type GitHistory, updatedDay } from '../../../src/model/records.ts';
import { scratchDir } from '../../helpers/scratch.ts';

function git(cwd: string, ...args: string[]) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Commits the files at noon UTC of `day`. */
function commit(repo: string, day: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: `${day}T12:00:00Z`,
    GIT_COMMITTER_DATE: `${day}T12:00:00Z`,
  };
  for (const args of [
    ['add', '-A'],
    ['commit', '-q', '-m', day],
  ])
    spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd: repo,
      env,
    });
}

/** c1 adds a and c, c2 edits a, c3 adds b. */
function repository() {
  const repo = scratchDir('briefing-git-');
  git(repo, 'init', '-q');
  commit(repo, '2025-01-01', { 'content/briefs/2024/a.md': 'a', 'content/briefs/2024/c.md': 'c' });
  commit(repo, '2025-02-01', {
    'content/briefs/2024/a.md': 'a, revised',
    'README.md': 'not content',
  });
  commit(repo, '2025-03-01', { 'content/briefs/2025/b.md': 'b' });
  return repo;
}

const days = (history: GitHistory | undefined) =>
  history && {
    first: history.first && isoDay(history.first),
    last: history.last && isoDay(history.last),
  };

describe('readGitDates', () => {
  it('reads first and last commit days of every content file in one pass', () => {
    const repo = repository();
    const dates = readGitDates(join(repo, 'content'))!;
    expect(dates.shallow).toBe(false);
    expect([...dates.files.keys()].sort()).toEqual([
      'briefs/2024/a.md',
      'briefs/2024/c.md',
      'briefs/2025/b.md',
    ]);
    expect(days(dates.files.get('briefs/2024/a.md'))).toEqual({
      first: '2025-01-01',
      last: '2025-02-01',
    });
    expect(days(dates.files.get('briefs/2025/b.md'))).toEqual({
      first: '2025-03-01',
      last: '2025-03-01',
    });
    expect(dates.files.get('briefs/2024/a.md')!.path).toBe('content/briefs/2024/a.md');
  });

  it('gives nothing outside a git checkout, and nothing for a repository without commits', () => {
    const plain = scratchDir('briefing-nogit-');
    expect(readGitDates(plain)).toBeUndefined();
    git(plain, 'init', '-q');
    expect(readGitDates(plain)?.files.size).toBe(0);
  });

  it('takes no date from the boundary of a shallow clone', () => {
    const repo = repository();
    for (const [depth, expected] of [
      // Only c3 fetched: it looks as if it added every file, so no file has dates.
      [1, { a: undefined, b: undefined, c: undefined }],
      // c2 and c3: b was added after the boundary; a and c existed before it.
      [2, { a: undefined, b: { first: '2025-03-01', last: '2025-03-01' }, c: undefined }],
      // Cut at c1, the root: a boundary cannot be told from a root, so c1 gives no dates.
      [
        3,
        { a: { last: '2025-02-01' }, b: { first: '2025-03-01', last: '2025-03-01' }, c: undefined },
      ],
    ] as const) {
      const clone = scratchDir('briefing-shallow-');
      git(clone, 'clone', '-q', '--depth', String(depth), `file://${repo}`, '.');
      const dates = readGitDates(join(clone, 'content'))!;
      expect(dates.shallow, `depth ${depth}`).toBe(true);
      const of = (name: string) => {
        const history = [...dates.files].find(([path]) => path.endsWith(`/${name}.md`))?.[1];
        return history?.last ? days(history) : undefined;
      };
      expect({ a: of('a'), b: of('b'), c: of('c') }, `depth ${depth}`).toEqual(expected);
    }
  });
});

describe('parseGitLog', () => {
  it('reads days in the given time zone', () => {
    // 2025-01-01 20:00 UTC is already 2 January in Shanghai.
    const log = `\x01abc ${Date.UTC(2025, 0, 1, 20) / 1000}\0\nbriefs/x.md\0`;
    expect(days(parseGitLog(log).get('briefs/x.md'))).toEqual({
      first: '2025-01-01',
      last: '2025-01-01',
    });
    expect(days(parseGitLog(log, { timeZone: 'Asia/Shanghai' }).get('briefs/x.md'))).toEqual({
      first: '2025-01-02',
      last: '2025-01-02',
    });
  });

  it('leaves out the commits after the build day (a build for a past day cannot know them)', () => {
    const at = (y: number, m: number, d: number) =>
      `\x01h${d} ${Date.UTC(y, m, d, 12) / 1000}\0\nbriefs/x.md\0`;
    // Newest first: 1 March (after the build day), 1 February, 1 January.
    const log = at(2025, 2, 1) + at(2025, 1, 1) + at(2025, 0, 1);
    const buildDay = new Date('2025-02-15T00:00:00Z');
    expect(days(parseGitLog(log, { buildDay }).get('briefs/x.md'))).toEqual({
      first: '2025-01-01',
      last: '2025-02-01',
    });
    expect(days(parseGitLog(log).get('briefs/x.md'))).toEqual({
      first: '2025-01-01',
      last: '2025-03-01',
    });
  });
});

describe('updatedDay', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const brief = (date: string, git?: { first?: string; last?: string }, updated?: string) => ({
    date: day(date),
    updated: updated ? day(updated) : undefined,
    git: git && {
      path: 'x.md',
      first: git.first ? day(git.first) : undefined,
      last: git.last ? day(git.last) : undefined,
    },
  });
  const shown = (b: ReturnType<typeof brief>) => {
    const d = updatedDay(b);
    return d && isoDay(d);
  };

  it('is the last commit when it is later than the date and the first commit', () => {
    expect(shown(brief('2025-01-01', { first: '2025-01-02', last: '2025-02-01' }))).toBe(
      '2025-02-01',
    );
    expect(shown(brief('2025-01-01', { last: '2025-02-01' })), 'older than a shallow clone').toBe(
      '2025-02-01',
    );
  });

  it('is nothing for a brief committed once, or revised on its own date', () => {
    expect(shown(brief('2025-01-01', { first: '2025-01-02', last: '2025-01-02' }))).toBeUndefined();
    expect(shown(brief('2025-03-01', { first: '2025-01-02', last: '2025-03-01' }))).toBeUndefined();
    expect(shown(brief('2025-03-01'))).toBeUndefined();
  });

  it('is the updated: field whenever there is one', () => {
    expect(
      shown(brief('2025-01-01', { first: '2025-01-02', last: '2025-06-01' }, '2025-04-01')),
    ).toBe('2025-04-01');
  });
});

describe('historyUrl', () => {
  it('links the commits of a file on GitHub and on GitLab', () => {
    expect(historyUrl('https://github.com/org/briefing/', 'content/briefs/2025/a b.md')).toBe(
      'https://github.com/org/briefing/commits/HEAD/content/briefs/2025/a%20b.md',
    );
    expect(historyUrl('https://gitlab.com/org/briefing.git', 'content/x.md')).toBe(
      'https://gitlab.com/org/briefing/-/commits/HEAD/content/x.md',
    );
  });
});
