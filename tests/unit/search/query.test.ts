import { describe, expect, it } from 'vitest';
import { hasHan, prepareQuery } from '../../../src/search/shared/query.ts';

describe('prepareQuery', () => {
  it('sends English to the English bundle as typed', () => {
    expect(prepareQuery('  rare   earth ')).toEqual({
      bundle: 'en',
      term: 'rare earth',
      words: ['rare', 'earth'],
    });
    expect(prepareQuery('"export controls"')).toMatchObject({
      bundle: 'en',
      term: '"export controls"',
      words: ['export', 'controls'],
    });
  });

  it('segments Chinese into words for the Chinese bundle', () => {
    expect(prepareQuery('北方稀土')).toEqual({
      bundle: 'zh',
      term: '北方 稀土',
      words: ['北方', '稀土'],
    });
    expect(prepareQuery('稀土')).toEqual({ bundle: 'zh', term: '稀土', words: ['稀土'] });
    expect(prepareQuery('稀土管理条例').words).toEqual(['稀土', '管理', '条例']);
  });

  it('keeps the English words of a mixed query, and drops punctuation', () => {
    expect(prepareQuery('Northern 北方稀土, 2025')).toEqual({
      bundle: 'zh',
      term: 'Northern 北方 稀土 2025',
      words: ['Northern', '北方', '稀土', '2025'],
    });
  });

  it('keeps an exact-phrase search exact', () => {
    expect(prepareQuery('"北方稀土"').term).toBe('"北方 稀土"');
  });
});

describe('hasHan', () => {
  it('detects Chinese characters only', () => {
    expect(hasHan('Baotou 包钢稀土')).toBe(true);
    expect(hasHan('Baotou, São Paulo, Ελλάδα')).toBe(false);
  });
});
