import { describe, expect, it } from 'vitest';
import { documentFor } from '../../../src/search/build/indexed-html.ts';

const page = `<!doctype html><html lang="en"><head><title>x</title><style>p{}</style></head><body>
<header>Site <a id="skip" href="#main">Skip</a></header>
<main id="main" data-pagefind-body><h1 data-pagefind-meta="title">北方稀土 results</h1>
<h2 id="takeaways">Key takeaways</h2><p data-id="keep">中国稀土 &amp; more</p>
<span hidden data-pagefind-ignore data-pagefind-filter="companies">北方稀土集团</span>
<span hidden data-pagefind-ignore data-pagefind-meta="mentions">北方稀土 · 包钢稀土</span></main>
<footer>Footer</footer></body></html>`;

describe('documentFor', () => {
  it('hands Pagefind the <main> element in the site’s language, without ids', () => {
    const doc = documentFor(page, { language: 'en' });
    expect(doc).toMatch(
      /^<!doctype html><html lang="en"><head><meta charset="utf-8"><\/head><body><main data-pagefind-body>/,
    );
    expect(doc).not.toContain('Footer');
    expect(doc).not.toContain('Skip');
    expect(doc).not.toMatch(/\sid="/);
    expect(doc).toContain('data-id="keep"');
    expect(doc).toContain('北方稀土 results');
  });

  it('adds the indexer’s filters, escaped, as hidden filter elements', () => {
    const doc = documentFor(page, { language: 'en', filters: { lang: 'zh', since: '2020-01' } });
    expect(doc).toContain(
      '<span data-pagefind-ignore data-pagefind-filter="lang">zh</span><span data-pagefind-ignore data-pagefind-filter="since">2020-01</span></main>',
    );
    expect(documentFor(page, { language: 'en', filters: { x: 'a<b' } })).toContain(
      '>a&lt;b</span>',
    );
  });

  it('leaves out the filters a shard has on every page', () => {
    const doc = documentFor(page, { language: 'en', without: ['companies', 'year'] });
    expect(doc).not.toContain('data-pagefind-filter="companies"');
    expect(doc).toContain('data-pagefind-meta="mentions"');
  });

  it('sets Han characters apart for the Chinese bundle, but not in filter values', () => {
    const doc = documentFor(page, { language: 'en', hanApart: true });
    expect(doc).toContain('北\u200b方\u200b稀\u200b土 results');
    expect(doc).toContain('中\u200b国\u200b稀\u200b土 &amp; more');
    expect(doc).toContain('data-pagefind-filter="companies">北方稀土集团</span>');
    expect(doc).toContain('data-pagefind-meta="mentions">北 方 稀 土 · 包 钢 稀 土</span>');
  });
});
