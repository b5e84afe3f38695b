/**
 * The one inline script of every page (the search shortcut and result highlighting), kept as a
 * string so that astro.config.mjs can put its hash in the Content-Security-Policy: reading
 * pages then ship no JavaScript file, and no inline script runs that the policy does not name.
 * Plain JavaScript: it is not compiled.
 */
export const SEARCH_SHORTCUT_SCRIPT = `
// "/" or Ctrl/Cmd+K focuses the search field, unless the reader is typing elsewhere.
document.addEventListener('keydown', (event) => {
  const typing =
    event.target instanceof HTMLElement &&
    (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
  const shortcut = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
  if (!slash && !shortcut) return;
  const field =
    document.querySelector('[data-search-page] input[type=search]') ||
    document.getElementById('site-search');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});
// Arriving from a search result (?highlight=word): mark the words on this page. The
// highlighter is part of the search bundle and is downloaded only in that case.
if (/[?&]highlight=[^&]/.test(location.search)) {
  const bundle = document.querySelector('[data-search-bundle]')?.dataset.searchBundle;
  const mark = () =>
    import(bundle + 'pagefind-highlight.js')
      .then(
        ({ default: Highlight }) =>
          new Highlight({
            highlightParam: 'highlight',
            addStyles: false,
            markOptions: { className: 'search-hit' },
          }),
      )
      .catch(() => {});
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', mark, { once: true });
  else mark();
}
`;
