import { describe, expect, it } from 'vitest';
import { hasHan, prepareQuery, separateHan } from '../../../src/search/shared/query.ts';

describe('prepareQuery', () => {
  it('sends English to the English bundle as typed, with its phrase beside it', () => {
    expect(prepareQuery('  rare   earth ')).toEqual({
      bundle: 'en',
      term: 'rare earth',
      phrase: '"rare earth"',
      quoted: false,
      words: ['rare', 'earth'],
      text: 'rare earth',
      recalled: false,
    });
    expect(prepareQuery('stockpiling')).toMatchObject({ term: 'stockpiling', phrase: '' });
    // Three words: a phrase remembered from a brief, searched in every brief if need be.
    expect(prepareQuery('rare earth magnets').recalled).toBe(true);
  });

  it('keeps a quoted query a phrase search, without a second one', () => {
    expect(prepareQuery('"export controls"')).toEqual({
      bundle: 'en',
      term: '"export controls"',
      phrase: '',
      quoted: true,
      words: ['export', 'controls'],
      text: 'export controls',
      recalled: false,
    });
  });

  it('sends Chinese to the Chinese bundle, character by character, as it was indexed', () => {
    expect(prepareQuery('北方稀土')).toEqual({
      bundle: 'zh',
      term: '北 方 稀 土',
      phrase: '"北 方 稀 土"',
      quoted: false,
      words: ['北方稀土'],
      text: '北方稀土',
      // Four characters, about two words: a remembered phrase.
      recalled: true,
    });
    // Runs apart are words apart: the longest is the phrase.
    expect(prepareQuery('调查签署设备矿石：审慎释放库存').phrase).toBe('"调 查 签 署 设 备 矿 石"');
    expect(prepareQuery('稀土 出口管制').phrase).toBe('"出 口 管 制"');
    expect(prepareQuery('稀土')).toMatchObject({
      term: '稀 土',
      phrase: '"稀 土"',
      recalled: false,
    });
    expect(prepareQuery('土')).toMatchObject({ term: '土', phrase: '' });
  });

  it('keeps the English words of a mixed query, and drops punctuation', () => {
    expect(prepareQuery('Northern 北方稀土，2025。')).toMatchObject({
      bundle: 'zh',
      term: 'Northern 北 方 稀 土 2025',
      words: ['北方稀土', 'Northern', '2025'],
      text: 'Northern 北方稀土，2025。',
    });
  });

  it('keeps a quoted Chinese query exact', () => {
    expect(prepareQuery('"北方稀土"')).toMatchObject({ term: '"北 方 稀 土"', quoted: true });
  });
});

describe('separateHan', () => {
  it('sets Han characters apart, and nothing else', () => {
    expect(separateHan('北方稀土 Group 集团')).toBe('北\u200b方\u200b稀\u200b土 Group 集\u200b团');
    expect(separateHan('稀土，价格', ' ')).toBe('稀 土，价 格');
  });
});

describe('hasHan', () => {
  it('detects Chinese characters only', () => {
    expect(hasHan('Baotou 包钢稀土')).toBe(true);
    expect(hasHan('Baotou, São Paulo, Ελλάδα')).toBe(false);
  });

  it('finds the first and the last Han characters, beyond U+FFFF too, but no other wide ones', () => {
    for (const han of ['\u2e80', '〇', '龥', '\u{20000}', '\u{3134a}'])
      expect(hasHan(`Text with ${han} in it`), han).toBe(true);
    for (const other of ['ア', '한', '“quoted” — ¥100 €5', '\u{1f600}', '\uff01'])
      expect(hasHan(`Text with ${other} in it`), other).toBe(false);
  });
});
