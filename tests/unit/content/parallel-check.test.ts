import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/content/load.ts';
import { loadContentInParallel } from '../../../src/content/parallel-check.ts';
import { sortProblems } from '../../../src/content/problems.ts';
import type { ValidationResult } from '../../../src/content/validate.ts';

const root = mkdtempSync(join(tmpdir(), 'briefing-parallel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The sample corpus with a brief of every kind of trouble added, in a folder of its own. */
function troubledCorpus(): string {
  const dir = join(root, 'content');
  cpSync(resolve('content'), dir, { recursive: true });
  const brief = (fields: string, body = 'A body.') =>
    `---\ntitle: A brief\ndate: 2024-05-02\nsummary: A summary that is long enough to pass the schema check.\nhighlights:\n  - A takeaway.\nsources:\n  - title: Source\n    publisher: Publisher\n    url: https://example.com/source\n${fields}---\n${body}\n`;
  const add = (path: string, text: string | Buffer) => {
    mkdirSync(join(dir, 'briefs', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'briefs', path), text);
  };
  add('2031/bad-yaml.md', brief('companies: [unclosed\n'));
  add('2031/unknown-company.md', brief('companies: [no-such-company]\n'));
  add('2031/unknown-link.md', brief('', 'It cites [[Nobody Known Here]].'));
  add('2031/twice.md', brief(''));
  add('2032/twice.md', brief(''));
  add('2031/Bad_Name.md', brief(''));
  add('2031/old-address-a.md', brief('redirect_from: [/old/shared/]\n'));
  add('2032/old-address-b.md', brief('redirect_from: [/old/shared/]\n'));
  add('2031/latin1.md', Buffer.from(brief('', 'Caf\xe9'), 'latin1'));
  add('2031/raw-html.md', brief('', 'Text <span onclick="alert(1)">here</span>.'));
  add('2031/missing-title.md', brief('').replace('title: A brief\n', ''));
  return dir;
}

/** A result as a reader sees it: problems and warnings in the order they are printed. */
const shown = (result: ValidationResult) => ({
  problems: sortProblems(result.problems),
  warnings: sortProblems(result.warnings),
  briefs: result.briefs,
  entities: result.entities,
  unknown: [...result.unknown].sort((a, b) =>
    `${a.kind}/${a.slug}`.localeCompare(`${b.kind}/${b.slug}`),
  ),
  settings: result.settings,
});

describe('the parallel content check', () => {
  it('gives what the check on one thread gives, problems and their lines included, cold and from its memo', async () => {
    const contentDir = troubledCorpus();
    const today = new Date('2030-06-01T00:00:00Z');
    const location = { root, contentDir, today };
    const alone = shown(loadContent(location));
    rmSync(join(root, '.briefing'), { recursive: true });
    expect(alone.problems.length, 'the troubled briefs are problems').toBeGreaterThanOrEqual(8);
    expect(alone.warnings.some((w) => w.file.endsWith('raw-html.md'))).toBe(true);
    const options = { threads: 2, briefsPerThread: 1 };
    const cold = shown(await loadContentInParallel(location, options));
    expect(cold).toEqual(alone);
    const remembered = shown(await loadContentInParallel(location, options));
    expect(remembered).toEqual(alone);
    // The shards the threads wrote serve the check on one thread too.
    expect(shown(loadContent(location))).toEqual(alone);
  });
});
