import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteGraph } from '../../../src/astro/site-graph.ts';
import { readConfig } from '../../../src/config.ts';
import { contentFollowed, followContent, loadContent } from '../../../src/content/load.ts';
import type { GitDates } from '../../../src/content/git-dates.ts';
import { shownPath } from '../../../src/content/files.ts';

const root = mkdtempSync(join(tmpdir(), 'briefing-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const briefText = (body: string) =>
  `---\ntitle: A brief\ndate: 2025-03-22\nsummary: A summary that is long enough to pass the schema check.\nhighlights:\n  - A takeaway.\ncompanies: [northern]\nsources:\n  - title: Source\n    publisher: Publisher\n    url: https://example.com/source\n---\n${body}`;

function write(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

write(
  'content/companies/northern.md',
  '---\nname: China Northern Rare Earth\naliases: [北方稀土]\ncountry: China\n---\nThe profile.\n',
);
write(
  'content/briefs/2025/x.md',
  briefText('The body, with a [[China Northern Rare Earth]] link.\n'),
);

describe('loadContent', () => {
  it('holds the bodies by default', () => {
    const [brief] = loadContent({ root, contentDir: 'content' }).briefs;
    expect(Object.getOwnPropertyDescriptor(brief, 'body')!.value).toBe(
      'The body, with a [[China Northern Rare Earth]] link.\n',
    );
  });

  it('reads a long file whole, Chinese included, and an empty one as a problem', () => {
    const long = `${'稀土总量控制指标。 A long paragraph about quotas. '.repeat(4000)}\n`;
    write('content/briefs/2025/long.md', briefText(long));
    write('content/briefs/2025/empty.md', '');
    try {
      const { briefs, problems } = loadContent({ root, contentDir: 'content' });
      expect(Buffer.byteLength(long)).toBeGreaterThan(200_000);
      expect(briefs.find((b) => b.slug === 'long')!.body).toBe(long);
      expect(problems.map((p) => p.file)).toEqual(['content/briefs/2025/empty.md']);
    } finally {
      rmSync(join(root, 'content/briefs/2025/long.md'));
      rmSync(join(root, 'content/briefs/2025/empty.md'));
    }
  });

  it('reads a body from its file when asked instead of holding it, as the process of Astro does', () => {
    const content = loadContent({ root, contentDir: 'content' }, 'read when asked');
    expect(content.problems).toEqual([]);
    const [brief] = content.briefs;
    expect(brief!.body).toBe('The body, with a [[China Northern Rare Earth]] link.\n');
    expect(content.entities[0]!.body).toBe('The profile.\n');
    expect(Object.getOwnPropertyDescriptor(brief, 'body')!.get).toBeTypeOf('function');

    write('content/briefs/2025/x.md', briefText('An edited body.\n'));
    expect(brief!.body).toBe('An edited body.\n');

    rmSync(join(root, 'content/briefs/2025/x.md'));
    expect(() => brief!.body).toThrow(/content\/briefs\/2025\/x\.md could not be read again/);
    write('content/briefs/2025/x.md', briefText('The body.\n'));
  });

  it('reports files that are not text, which claim no slug, when it reads each file as it validates it', () => {
    write('content/briefs/2025/nul.md', briefText('A body\u0000 with a NUL.\n'));
    // The same slug as a good brief, in an earlier folder: it must not take the slug from it.
    write('content/briefs/2024/x.md', briefText('A body\u0000 with a NUL.\n'));
    writeFileSync(
      join(root, 'content/briefs/2025/latin.md'),
      Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
    );
    try {
      for (const bodies of ['held', 'read when asked'] as const) {
        const { problems, briefs } = loadContent({ root, contentDir: 'content' }, bodies);
        expect(problems.map((p) => [p.file, p.message.split(':')[0]])).toEqual([
          ['content/briefs/2024/x.md', 'contains a NUL byte'],
          ['content/briefs/2025/latin.md', expect.stringMatching(/^is not valid UTF-8 text/)],
          ['content/briefs/2025/nul.md', 'contains a NUL byte'],
        ]);
        expect(briefs.map((b) => b.slug)).toEqual(['x']);
      }
    } finally {
      rmSync(join(root, 'content/briefs/2025/nul.md'));
      rmSync(join(root, 'content/briefs/2024'), { recursive: true });
      rmSync(join(root, 'content/briefs/2025/latin.md'));
    }
  });

  it('keeps bodies unread when the site graph adds git history to the records', () => {
    const content = loadContent({ root, contentDir: 'content' }, 'read when asked');
    const git: GitDates = {
      files: new Map([['briefs/2025/x.md', { path: 'content/briefs/2025/x.md' }]]),
      shallow: false,
    };
    const config = { ...readConfig({}), root, contentDir: join(root, 'content') };
    const graph = siteGraph(content, config, { git });
    const [brief] = graph.briefs;
    expect(brief!.git?.path).toBe('content/briefs/2025/x.md');
    expect(Object.getOwnPropertyDescriptor(brief, 'body')!.get).toBeTypeOf('function');
    expect(brief!.body).toBe('The body.\n');
    expect(content.briefs[0]!.git, 'the loaded record is not changed').toBeUndefined();
  });
});

describe('a content folder a watcher follows', () => {
  it('is followed until the watcher fails, and only that folder', () => {
    const location = { root, contentDir: 'content', today: new Date('2026-06-01T00:00:00Z') };
    const other = { ...location, contentDir: 'elsewhere' };
    expect(contentFollowed(location)).toBe(false);
    const unfollow = followContent(location);
    expect(contentFollowed(location)).toBe(true);
    expect(contentFollowed(other)).toBe(false);
    unfollow();
    expect(contentFollowed(location)).toBe(false);
  });
});

describe('shownPath', () => {
  it('shows a path relative to the root, as path.relative does, however the paths are written', () => {
    const cases: Array<[string, string]> = [
      ['/site', '/site/content/briefs/2025/x.md'],
      ['/site/', '/site/content/briefs/x.md'],
      ['/site/./a/..', '/site/content/x.md'],
      ['/site', '/site/content/../other/x.md'],
      ['/site', '/site//content/x.md'],
      ['/site', '/elsewhere/x.md'],
      ['/site', '/site'],
      ['/', '/content/x.md'],
      ['/site', '/sitemap/x.md'],
    ];
    for (const [root, path] of cases)
      expect(shownPath(root, path), `${root} ${path}`).toBe(relative(root, path));
  });
});
