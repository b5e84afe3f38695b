import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  frontmatterMemoDir,
  memoShard,
  openContentMemo,
  openFrontmatterMemo,
} from '../../../src/content/frontmatter-memo.ts';
import { validateContent } from '../../../src/content/validate.ts';

const dir = mkdtempSync(join(tmpdir(), 'briefing-memo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const company = {
  path: 'content/companies/northern.md',
  text: '---\nname: China Northern Rare Earth\naliases: [北方稀土]\ncountry: China\n---\nProfile.\n',
};
const brief = (companies: string) => ({
  path: 'content/briefs/2025/x.md',
  text: `---\ntitle: A brief\ndate: 2025-03-22\nsummary: A summary that is long enough to pass the schema check.\nhighlights:\n  - A takeaway.\n${companies}\nsources:\n  - title: Source\n    publisher: Publisher\n    url: https://example.com/source\n---\nBody.\n`,
});
const files = (companies: string) => ({
  briefs: [brief(companies)],
  entities: { companies: [company] },
});

describe('the frontmatter memo', () => {
  it('gives the same records and the same problems, line numbers included, from memory as from the parser', () => {
    const file = join(dir, 'some.json');
    const first = openFrontmatterMemo(file);
    const parsed = validateContent(files('companies: [northen]'), first);
    first.save();

    const second = openFrontmatterMemo(file);
    const calls = { hits: 0 };
    const counting = {
      get: (yaml: string) => {
        const d = second.get(yaml);
        if (d) calls.hits++;
        return d;
      },
      set: second.set,
    };
    const remembered = validateContent(files('companies: [northen]'), counting);
    expect(calls.hits, 'both files came from the memo').toBe(2);
    expect(remembered.problems).toEqual(parsed.problems);
    expect(remembered.problems[0]).toMatchObject({ line: 7, field: 'companies[0]' });
    expect(remembered.briefs).toEqual(parsed.briefs);
  });

  it('misses an edited block and keeps only the entries of the last run', () => {
    const file = join(dir, 'other.json');
    const first = openFrontmatterMemo(file);
    validateContent(files('companies: [northern]'), first);
    first.save();
    const second = openFrontmatterMemo(file);
    const result = validateContent(files('companies: [northern, northern]'), second);
    expect(result.problems).toEqual([]);
    second.save();
    // The old block of the brief was not used in the second run, so it is gone.
    const third = openFrontmatterMemo(file);
    expect(third.get(brief('companies: [northern]').text.split('---\n')[1]!)).toBeUndefined();
    expect(
      third.get(brief('companies: [northern, northern]').text.split('---\n')[1]!),
    ).toBeDefined();
  });

  it('is not written again when a run used exactly what it held, and is when one dropped an entry', () => {
    const file = join(dir, 'third.json');
    const first = openFrontmatterMemo(file);
    validateContent(files('companies: [northern]'), first);
    first.save();
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, old, old);
    const unchanged = openFrontmatterMemo(file);
    validateContent(files('companies: [northern]'), unchanged);
    unchanged.save();
    expect(statSync(file).mtime).toEqual(old);
    // Only the profile: the brief's entry goes, so the file is rewritten.
    const fewer = openFrontmatterMemo(file);
    validateContent({ briefs: [], entities: { companies: [company] } }, fewer);
    fewer.save();
    expect(statSync(file).mtime).not.toEqual(old);
  });
});

describe("a content folder's memo", () => {
  it('keeps briefs in shards by path and profiles by kind, and rewrites only the shard of an edited brief', () => {
    const memoDir = frontmatterMemoDir(dir, '/sharded/content');
    // Two briefs in different shards.
    const paths = Array.from({ length: 40 }, (_, i) => `content/briefs/2025/b${i}.md`);
    const second = paths.find((p) => memoShard('briefs', p) !== memoShard('briefs', paths[0]!))!;
    expect(memoShard('companies', company.path)).toBe('companies');
    const corpus = (companies: string) => ({
      briefs: [
        { ...brief('companies: [northern]'), path: paths[0]! },
        { ...brief(companies), path: second },
      ],
      entities: { companies: [company] },
    });
    // The memo of the last version, one file beside the folder, goes with the first save.
    mkdirSync(dirname(memoDir), { recursive: true });
    writeFileSync(`${memoDir}.json`, '{}');
    const first = openContentMemo(memoDir);
    validateContent(corpus('companies: [northern]'), first.forFile);
    first.save();
    expect(existsSync(`${memoDir}.json`)).toBe(false);
    const file = (shard: string) => join(memoDir, `${shard}.json`);
    const old = new Date('2020-01-01T00:00:00Z');
    for (const shard of ['companies', memoShard('briefs', paths[0]!), memoShard('briefs', second)])
      utimesSync(file(shard), old, old);

    const edited = openContentMemo(memoDir);
    const result = validateContent(corpus('companies: [northern, northern]'), edited.forFile);
    expect(result.problems).toEqual([]);
    edited.save();
    expect(statSync(file(memoShard('briefs', second))).mtime).not.toEqual(old);
    expect(statSync(file(memoShard('briefs', paths[0]!))).mtime).toEqual(old);
    expect(statSync(file('companies')).mtime).toEqual(old);
  });
});
