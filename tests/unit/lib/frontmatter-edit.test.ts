import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addToList, editFrontmatter, replaceBody } from '../../../scripts/lib/frontmatter-edit.ts';

const sample = readFileSync('content/briefs/2025/northern-rare-earth-party-discipline.md', 'utf8');

describe('editFrontmatter', () => {
  it('adds to a list and changes no other byte of the file', () => {
    const next = editFrontmatter(sample, (doc) => addToList(doc, 'companies', ['mp-materials']));
    const before = sample.split('\n');
    const after = next.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    expect(changed).toEqual([
      [
        expect.stringMatching(/^companies: \[.*\]$/),
        expect.stringMatching(/^companies: \[.*, mp-materials\]$/),
      ],
    ]);
  });

  it('keeps comments, quoting and block lists, and adds a missing list at the end', () => {
    const text = '---\ntitle: "Quoted"  # a comment\nthemes:\n  - a\n---\nBody [[x]].\n';
    const next = editFrontmatter(text, (doc) => {
      addToList(doc, 'themes', ['a', 'b']);
      addToList(doc, 'terms', ['t']);
    });
    expect(next).toBe(
      '---\ntitle: "Quoted"  # a comment\nthemes:\n  - a\n  - b\nterms: [t]\n---\nBody [[x]].\n',
    );
    expect(editFrontmatter(text, () => {})).toBe(text);
  });

  it('replaces the body alone', () => {
    expect(replaceBody('---\na: 1\n---\nold\n', 'new\n')).toBe('---\na: 1\n---\nnew\n');
  });
});
