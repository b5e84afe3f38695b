import { describe, expect, it } from 'vitest';
import {
  chooseSnippet,
  escapeHtml,
  highlightWords,
  resultSentence,
  safeExcerpt,
  scopePhrase,
  searchAllLabel,
} from '../../../src/search/shared/text.ts';

describe('highlightWords', () => {
  it('marks English words at word starts, ignoring case, with a light stem', () => {
    expect(highlightWords('Export Control Law', ['controls'])).toBe(
      'Export <mark>Control</mark> Law',
    );
    expect(highlightWords('New controls on exports', ['control', 'export'])).toBe(
      'New <mark>controls</mark> on <mark>exports</mark>',
    );
    expect(highlightWords('Rare earths, rarely', ['rare'])).toBe(
      '<mark>Rare</mark> earths, <mark>rarely</mark>',
    );
    expect(highlightWords('Bare', ['are'])).toBe('Bare');
  });

  it('marks Chinese words anywhere', () => {
    expect(highlightWords('China Northern Rare Earth (北方稀土集团)', ['北方', '稀土'])).toBe(
      'China Northern Rare Earth (<mark>北方</mark><mark>稀土</mark>集团)',
    );
  });

  it('escapes the text and the words', () => {
    expect(highlightWords('<b>A & B</b>', ['a'])).toBe('&lt;b&gt;<mark>A</mark> &amp; B&lt;/b&gt;');
    expect(highlightWords('1+1 11 (x)', ['1+1', '(x)'])).toBe(
      '<mark>1+1</mark> 11 <mark>(x)</mark>',
    );
    expect(highlightWords('plain', [])).toBe('plain');
  });
});

describe('safeExcerpt', () => {
  it('keeps Pagefind marks and entities, drops any other tag', () => {
    expect(
      safeExcerpt(
        'a <mark>rare</mark> &lt;earth&gt; <img src=x onerror=alert(1)><script>x</script>',
      ),
    ).toBe('a <mark>rare</mark> &lt;earth&gt; x');
  });

  it('keeps punctuation outside the marks', () => {
    expect(
      safeExcerpt(
        '<mark>stock,</mark> and <mark>(北方稀土)</mark> <mark>Earth.</mark> <mark>&lt;x&gt;</mark>',
      ),
    ).toBe(
      '<mark>stock</mark>, and (<mark>北方稀土</mark>) <mark>Earth</mark>. <mark>&lt;x&gt;</mark>',
    );
  });
});

describe('text', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('announces counts', () => {
    expect(resultSentence(1, 'lynas', 0)).toBe('1 result for “lynas”.');
    expect(resultSentence(1200, 'rare earth', 2)).toBe(
      '1,200 results for “rare earth”, with 2 filters.',
    );
    expect(resultSentence(0, 'xyzzy', 0)).toBe('No results for “xyzzy”.');
    expect(resultSentence(3, '', 1)).toBe('3 results, with 1 filter.');
    expect(resultSentence(12, 'lynas', 1, scopePhrase('2024-01-02', '2026-11-30'))).toBe(
      '12 results for “lynas” in briefs from 2024–2026 and the profiles, with 1 filter.',
    );
    expect(scopePhrase('2026-01-02', '2026-11-30')).toBe('in briefs from 2026 and the profiles');
    expect(searchAllLabel(9160, '2015-01-03', '2025-12-30')).toBe(
      'Also search the 9,160 briefs from 2015–2025',
    );
    expect(searchAllLabel(1, '2020-05-01', '2020-05-01')).toBe('Also search the 1 brief from 2020');
  });

  it('says when the less cited profiles were not searched, and offers them', () => {
    expect(scopePhrase('2026-01-02', '2026-11-30', true)).toBe(
      'in briefs from 2026 and the most cited profiles',
    );
    expect(searchAllLabel(9160, '2015-01-03', '2025-12-30', 2940)).toBe(
      'Also search the 9,160 briefs from 2015–2025 and 2,940 more profiles',
    );
    expect(searchAllLabel(0, undefined, undefined, 1)).toBe('Also search 1 more profile');
  });
});

describe('chooseSnippet', () => {
  it('shows the summary unless the excerpt has more of the query words', () => {
    expect(
      chooseSnippet(
        'a <mark>rare</mark> <mark>earth</mark> miner',
        'the <mark>rare</mark> <mark>earth</mark> <mark>Rare</mark>',
      ),
    ).toBe('a <mark>rare</mark> <mark>earth</mark> miner');
    expect(
      chooseSnippet(
        'buys <mark>preferred</mark> <mark>stock</mark>',
        '<mark>convertible</mark> <mark>preferred</mark> <mark>stock</mark>',
      ),
    ).toBe('…<mark>convertible</mark> <mark>preferred</mark> <mark>stock</mark>…');
    expect(chooseSnippet('no match here', 'also none')).toBe('no match here');
    expect(chooseSnippet('', ' the <mark>excerpt</mark> ')).toBe('…the <mark>excerpt</mark>…');
    expect(chooseSnippet('', '')).toBe('');
  });
});
