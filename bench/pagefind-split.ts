/**
 * Where Pagefind's time goes on a built project site (BENCHMARKS.md, "The largest avoidable
 * cost"): the English bundle, the Chinese bundle as src/search/build/pagefind.ts selects its
 * pages today (Han characters anywhere after data-pagefind-body), and the Chinese bundle for
 * the pages with Han characters outside data-pagefind-ignore'd and meta parts (a rough rule).
 *
 *   node bench/pagefind-split.ts bench/work/10000/dist-project bench/work/pagefind-split
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { close, createIndex } from 'pagefind';

const dist = process.argv[2] ?? 'bench/work/10000/dist-project';
const out = process.argv[3] ?? 'bench/work/pagefind-split';
const HAN = /\p{Script=Han}/u;
const pages: Array<{ url: string; html: string }> = [];
for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).sort()) {
  if (!file.endsWith('.html') || file.startsWith(`pagefind${sep}`)) continue;
  const html = readFileSync(join(dist, file), 'utf8');
  if (!html.includes('data-pagefind-body')) continue;
  pages.push({
    url: `/${file
      .split(sep)
      .join('/')
      .replace(/index\.html$/, '')}`,
    html,
  });
}
const indexed = (html: string) => html.slice(html.indexOf('data-pagefind-body'));
// What Pagefind would index as text: drop data-pagefind-ignore'd and hidden meta spans (rough).
const visible = (html: string) =>
  indexed(html)
    .replace(/<span hidden data-pagefind-ignore[^>]*>[^<]*<\/span>/g, '')
    .replace(/<[^>]+data-pagefind-ignore[^>]*>[\s\S]*?<\/(nav|section|aside|div)>/g, '');
const current = pages.filter((p) => HAN.test(indexed(p.html)));
const body = pages.filter((p) => HAN.test(visible(p.html)));
console.log(
  `${pages.length} searchable pages; Han after data-pagefind-body: ${current.length}; Han outside ignored/meta parts: ${body.length}`,
);

async function time(label: string, fn: () => Promise<void>) {
  const t = performance.now();
  await fn();
  console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
rmSync(out, { recursive: true, force: true });
await time('English bundle (addDirectory)', async () => {
  const { index } = await createIndex({});
  await index!.addDirectory({ path: dist });
  await index!.writeFiles({ outputPath: join(out, 'en') });
  await index!.deleteIndex();
});
for (const [label, set] of [
  ['zh bundle, current rule', current],
  ['zh bundle, Han outside ignored parts', body],
] as const) {
  await time(`${label} (${set.length} pages)`, async () => {
    const { index } = await createIndex({ forceLanguage: 'zh' });
    for (const p of set) await index!.addHTMLFile({ url: p.url, content: p.html });
    await index!.writeFiles({ outputPath: join(out, label.replace(/\W+/g, '-')) });
    await index!.deleteIndex();
  });
}
await close();
