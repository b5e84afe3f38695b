import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compactString } from '../../../src/model/text.ts';

/** A title cut from a file whose text needs two bytes a character somewhere else. */
const cutFromChineseFile = (title: string) => `${title}\n\n原文摘录：稀土`.slice(0, title.length);

describe('compactString', () => {
  it('keeps a Latin-1 text in one byte a character, where a cut kept two', () => {
    const title = cutFromChineseFile('Café owners cut rare-earth magnet output');
    const compact = compactString(title);
    expect(compact).toBe(title);
    // The memo of checked briefs stores strings as V8 serializes them.
    expect(serialize(title).length).toBeGreaterThan(title.length * 2);
    expect(serialize(compact).length).toBeLessThan(title.length + 8);
  });

  it('leaves a text with characters beyond Latin-1 as it is', () => {
    const title = cutFromChineseFile('稀土 quotas — “total control”');
    expect(compactString(title)).toBe(title);
  });
});
