import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type FrontmatterError,
  isFrontmatterError,
  type ParsedFile,
  parseFrontmatter,
} from '../../../src/content/frontmatter.ts';

const parsed = (yaml: string): ParsedFile => {
  const result = parseFrontmatter(`---\n${yaml}\n---\nBody.\n`);
  if (isFrontmatterError(result)) throw new Error(result.message);
  return result;
};
const failed = (yaml: string): FrontmatterError => {
  const result = parseFrontmatter(`---\n${yaml}\n---\nBody.\n`);
  if (!isFrontmatterError(result)) throw new Error('expected an error');
  return result;
};

/** Every .md and .mdx file under a folder. */
const markdownFiles = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => join(dir, name));

describe('parseFrontmatter', () => {
  it('reads the YAML 1.2 core schema: dates stay strings, numbers and booleans do not', () => {
    const { data, body, bodyStartLine } = parsed(
      'date: 2025-02-30\nyear: 2025\nratio: .5\ndraft: True\nempty: ~\ntitle: "稀土: rare earths"',
    );
    expect(data).toEqual({
      date: '2025-02-30',
      year: 2025,
      ratio: 0.5,
      draft: true,
      empty: null,
      title: '稀土: rare earths',
    });
    expect(body).toBe('Body.\n');
    expect(bodyStartLine).toBe(9);
  });

  it('reads every file of the sample content as the yaml package does', () => {
    const blocks = markdownFiles('content').flatMap((file) => {
      const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
      return block ? [{ file, yamlText: block[1]! }] : [];
    });
    expect(blocks.length).toBeGreaterThan(50);
    for (const { file, yamlText } of blocks) {
      expect({ file, data: parsed(yamlText).data }).toEqual({
        file,
        data: parse(yamlText, { schema: 'core' }),
      });
    }
  });

  it('names the line of a field, of a list item and of a key, found only when asked', () => {
    const file = parsed('title: A\nsources:\n  - url: https://a.example\n  - url: nope\nextra: 1');
    expect(file.lineOf(['title'])).toBe(2);
    expect(file.lineOf(['sources', 1, 'url'])).toBe(5);
    expect(file.lineOf(['sources', 7, 'url'])).toBe(4); // the nearest parent that exists: the list
    expect(file.lineOfKey([], 'extra')).toBe(6);
  });

  it('names the line of a syntax error and of a repeated field', () => {
    expect(failed('title: A\nhighlights: [One.')).toMatchObject({
      line: expect.any(Number),
      message: expect.stringContaining('the YAML frontmatter cannot be read'),
    });
    const repeated = failed('title: A\ndate: 2025-01-01\ntitle: B');
    expect(repeated.line).toBe(4);
    expect(repeated.message).toContain('the YAML frontmatter cannot be read');
  });

  it('reads an alias (by the yaml package, which bounds how far aliases expand)', () => {
    const file = parsed('tags: &t [a, b]\nthemes: *t\nbad: 1');
    expect(file.data).toEqual({ tags: ['a', 'b'], themes: ['a', 'b'], bad: 1 });
    expect(file.lineOfKey([], 'bad')).toBe(4);
  });

  it('refuses aliases that would expand without end, at the line of the first alias', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ])
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    const error = failed(levels.join('\n'));
    expect(error.message).toContain('expand without end');
    expect(error.line).toBe(3);
  });

  it("keeps a field named __proto__ a field, out of every object's prototype", () => {
    const { data } = parsed('__proto__: {polluted: true}\ntitle: A');
    expect(Object.keys(data)).toEqual(['__proto__', 'title']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says when a block is empty or not a set of fields', () => {
    expect(failed('').message).toBe('the frontmatter block is empty');
    expect(failed('# only a comment').message).toBe('the frontmatter block is empty');
    expect(failed('- a\n- b').message).toContain('must be a set of "field: value" lines');
  });
});
