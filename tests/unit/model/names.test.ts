import { describe, expect, it } from 'vitest';
import { entityNames, tickerSymbol } from '../../../src/model/names.ts';
import { entity } from '../fixtures.ts';

describe('entityNames', () => {
  it('lists the name, the aliases and the facts the registry marks as names, once each', () => {
    const northern = entity('companies', 'china-northern-rare-earth', 'China Northern Rare Earth', [
      '北方稀土',
      'china northern rare earth',
    ]);
    northern.data = { ...northern.data, ticker: '600111.SS', country: 'China' };
    expect(entityNames(northern)).toEqual([
      'China Northern Rare Earth',
      '北方稀土',
      '600111.SS',
      '600111',
    ]);
    const term = entity('terms', 'yangqi', 'Central state-owned enterprise', ['yangqi']);
    term.data = {
      ...term.data,
      original: '央企',
      pinyin: 'yāngqǐ',
      english: 'Central state-owned enterprise',
    };
    expect(entityNames(term)).toEqual([
      'Central state-owned enterprise',
      'yangqi',
      '央企',
      'yāngqǐ',
    ]);
  });
});

describe('tickerSymbol', () => {
  it('takes the symbol of exchange-prefixed and suffixed tickers, not of one letter', () => {
    expect(tickerSymbol('NYSE: MP')).toBe('MP');
    expect(tickerSymbol('Euronext Brussels: SOLB')).toBe('SOLB');
    expect(tickerSymbol('600111.SS')).toBe('600111');
    expect(tickerSymbol('NYSE: F')).toBeUndefined();
    expect(tickerSymbol('LYC')).toBeUndefined();
  });
});
