/**
 * The /search/ page in the browser. Pagefind (its JavaScript, WebAssembly and index) is
 * imported only when there is something to search for; see docs/search.md.
 */
import { FILTER, META } from '../shared/document.ts';
import { type EntityCard, lookupKey } from '../shared/entities.ts';
import { BUNDLE_DIR, HAN_SEPARATOR } from '../shared/query.ts';
import {
  countFilters,
  type FacetOption,
  type FacetSpec,
  facetOptions,
  isEmptyState,
  isSelected,
  parseState,
  resultHref,
  type SearchState,
  serializeState,
  type SortId,
  SORTS,
  toggleFilter,
  withRange,
} from '../shared/state.ts';
import {
  chooseSnippet,
  escapeHtml,
  highlightWords,
  plural,
  resultSentence,
  safeExcerpt,
} from '../shared/text.ts';
import { type Counts, type Fragment, type Hit, searchBundles } from './bundles.ts';
import { type Outcome, runSearch } from './run-search.ts';

declare global {
  interface ImportMetaEnv {
    /** Set by src/search/build/pagefind.ts: true in `astro build`, false in `astro dev`. */
    readonly BRIEFING_SEARCH_INDEX: boolean;
  }
}

const PAGE_SIZE = 10;
/** Results beyond the first page whose titles are compared with the query (src/search/shared/rank.ts). */
const EXTRA_TITLES = 5;
const TYPING_DELAY_MS = 250;
const OPTIONS_SHOWN = 8;
const CHIPS_SHOWN = 6;

/** The site's base path (`/` or `/briefing/`), as Astro was configured. */
const siteRoot = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);

function start(root: HTMLElement) {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const { facets, briefKind } = JSON.parse(root.dataset.config ?? '{}') as {
    facets: FacetSpec[];
    briefKind: string;
  };
  const form = $<HTMLFormElement>('[data-search-form]');
  const input = $<HTMLInputElement>('#search-query');
  const ui = $<HTMLElement>('[data-search-ui]');
  const panel = $<HTMLDetailsElement>('[data-search-panel]');
  const filterCount = $<HTMLElement>('[data-search-filter-count]');
  const sortSelect = $<HTMLSelectElement>('[data-search-sort]');
  const clearButton = $<HTMLButtonElement>('[data-search-clear]');
  const facetBox = $<HTMLElement>('[data-search-facets]');
  const status = $<HTMLElement>('[data-search-status]');
  const message = $<HTMLElement>('[data-search-message]');
  const intro = $<HTMLElement>('[data-search-intro]');
  const list = $<HTMLOListElement>('[data-search-results]');
  const more = $<HTMLButtonElement>('[data-search-more]');
  const scopeButton = $<HTMLButtonElement>('[data-search-scope]');
  // The range of years (absent when the archive spans one year or none).
  const fromSelect = root.querySelector<HTMLSelectElement>('[data-search-from]');
  const toSelect = root.querySelector<HTMLSelectElement>('[data-search-to]');
  const partialNote = $<HTMLElement>('[data-search-partial]');
  const archiveYears = facets.find((f) => f.key === FILTER.year)?.values ?? [];

  let state = parseState(location.search, facets);
  let run = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let hits: Hit[] = [];
  let cards: EntityCard[] = [];
  let shown = 0;
  let words: string[] = [];
  let counts: Counts = {};
  /** Whether the last search loaded the filter indexes for the facet counts (see forQuery). */
  let countsShown = false;
  /** What the last search covered: briefs and profiles left out (shards not loaded yet), and the words saying so. */
  let scope: Outcome['scope'] = {
    missingBriefs: 0,
    missingProfiles: 0,
    note: '',
    more: '',
    partialYears: [],
  };
  /** In a search of the newest briefs only, the entities whose counts are final (run-search.ts). */
  let finalEntities: Outcome['finalEntities'];
  /** The reader asked for every brief: later searches keep them all. */
  let searchAll = false;
  const expanded = new Set<string>();
  const siteTitle = document.title.split(' · ').pop() ?? document.title;

  ui.hidden = false;
  const wide = matchMedia('(min-width: 48.01rem)');
  panel.open = wide.matches;
  wide.addEventListener('change', () => (panel.open = wide.matches));
  // Opened for the first time after a search: fetch the counts now.
  panel.addEventListener('toggle', () => {
    if (panel.open && !countsShown && hits.length) void search();
  });
  const bundles = searchBundles(`${siteRoot}${BUNDLE_DIR}/`);

  // ---- Searching -----------------------------------------------------------------------
  async function search() {
    const id = ++run;
    renderChrome();
    if (isEmptyState(state)) return showIdle();
    if (!import.meta.env.BRIEFING_SEARCH_INDEX) return showProblem('dev');
    root.setAttribute('aria-busy', 'true');
    try {
      const withCounts = panel.open;
      const outcome = await runSearch(bundles, state, {
        facets,
        searchAll,
        counts: withCounts,
        pageSize: PAGE_SIZE,
        extraTitles: EXTRA_TITLES,
      });
      if (id !== run) return;
      hits = outcome.hits;
      cards = outcome.cards;
      shown = 0;
      words = outcome.prepared.words;
      counts = outcome.counts;
      countsShown = withCounts;
      scope = outcome.scope;
      finalEntities = outcome.finalEntities;
      panel.hidden = false;
      list.replaceChildren(...cards.map(renderCard));
      renderFacets(counts);
      await showMore(false);
      if (id !== run) return;
      announce(outcome.unfiltered);
    } catch (error) {
      if (id !== run) return;
      console.error(error);
      showProblem('load');
    } finally {
      if (id === run) root.removeAttribute('aria-busy');
    }
  }

  async function showMore(moveFocus: boolean) {
    const id = run;
    const batch = hits.slice(shown, shown + PAGE_SIZE);
    const fragments = await Promise.all(batch.map((hit) => hit.data()));
    if (id !== run) return;
    const items = fragments.map(renderResult);
    list.append(...items);
    shown += batch.length;
    const left = hits.length - shown;
    more.hidden = left <= 0;
    more.textContent = `Show ${plural(Math.min(left, PAGE_SIZE), 'more result')} (${left.toLocaleString('en')} not shown)`;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  function announce(unfiltered: number) {
    const filtersOn = countFilters(state);
    const total = cards.length + hits.length;
    status.textContent = resultSentence(total, state.q, filtersOn, scope.note);
    scopeButton.hidden = !scope.missingBriefs && !scope.missingProfiles;
    scopeButton.textContent = scope.more;
    intro.hidden = true;
    if (total) {
      message.hidden = true;
      return;
    }
    const hint =
      filtersOn && unfiltered
        ? `<p>There ${unfiltered === 1 ? 'is' : 'are'} ${plural(unfiltered, 'result')} without the filters. <button type="button" class="link-button" data-clear>Clear all filters</button></p>`
        : '';
    message.innerHTML = `${hint}<p><strong>Suggestions</strong></p><ul>
      <li>Check the spelling, or use fewer or more general words.</li>
      <li>Try another name: a company's ticker or Chinese name, a policy's short name.</li>
      <li>Browse instead: <a href="${siteRoot}briefs/">all briefs</a>${facets
        .filter((f) => f.noun)
        .map(
          (f) =>
            `, <a href="${siteRoot}${encodeURIComponent(f.key)}/">${escapeHtml(f.label.toLowerCase())}</a>`,
        )
        .join('')}.</li>
    </ul>`;
    message.hidden = false;
  }

  function showIdle() {
    panel.hidden = true;
    scopeButton.hidden = true;
    hits = [];
    cards = [];
    list.replaceChildren();
    facetBox.replaceChildren();
    more.hidden = true;
    message.hidden = true;
    intro.hidden = false;
    status.textContent = '';
    if (!import.meta.env.BRIEFING_SEARCH_INDEX) showProblem('dev');
  }

  function showProblem(kind: 'dev' | 'load') {
    panel.hidden = true;
    scopeButton.hidden = true;
    hits = [];
    cards = [];
    list.replaceChildren();
    more.hidden = true;
    root.removeAttribute('aria-busy');
    const command = '<code>npm run build &amp;&amp; npm run preview</code>';
    message.innerHTML =
      kind === 'dev'
        ? `<p>The search index is made by the production build. To try search, run ${command} and open the address it prints.</p>`
        : `<p>Check your connection and reload the page. If you run this site yourself, build it with ${command}: the index is written to <code>dist/pagefind/</code>.</p>`;
    message.hidden = false;
    intro.hidden = true;
    status.textContent =
      kind === 'dev'
        ? 'Search is not available in the development server.'
        : 'The search index could not be loaded.';
  }

  // ---- Rendering ---------------------------------------------------------------------------
  function renderResult(fragment: Fragment): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'result';
    const day = fragment.meta[META.date];
    // A shard of briefs is indexed without its shared kind (index-site.ts, sharedFilters), so
    // its fragments have none: only briefs have a date.
    const kind = fragment.filters[FILTER.kind]?.[0] ?? (day ? briefKind : '');
    const title = readable(fragment.meta[META.title]) || fragment.url;
    const summary = readable(fragment.meta[META.summary]);
    const excerpt = chooseSnippet(
      summary && highlightWords(summary, words),
      safeExcerpt(fragment.excerpt),
    );
    const date = day ? `<span class="result-date">${escapeHtml(day)}</span>` : '';
    // Entity chips: what a brief covers (a profile's own name is not repeated).
    const chips = facets
      .filter((f) => f.noun)
      .flatMap((f) =>
        (fragment.filters[f.key] ?? [])
          .filter((v) => v !== title)
          .map((value) => ({ facet: f, value })),
      );
    const chipHtml = chips
      .slice(0, CHIPS_SHOWN)
      .map(({ facet, value }) => {
        const on = isSelected(state, facet.key, value);
        return `<li><button type="button" class="chip chip-${escapeHtml(facet.key)}" data-filter="${escapeHtml(facet.key)}" data-value="${escapeHtml(value)}" aria-pressed="${on}" title="${on ? 'Remove the filter' : `Filter by this ${facet.noun}`}">${escapeHtml(value)}</button></li>`;
      })
      .join('');
    const extra =
      chips.length > CHIPS_SHOWN
        ? `<li class="chip-more">+${chips.length - CHIPS_SHOWN} more</li>`
        : '';
    li.innerHTML = `<article>
      <p class="result-meta"><span class="result-kind">${escapeHtml(kind)}</span>${date}</p>
      <h3><a class="result-link" href="${escapeHtml(resultHref(fragment.url))}">${highlightWords(title, words)}</a></h3>
      <p class="result-excerpt">${excerpt}</p>
      ${chipHtml ? `<ul class="chips" aria-label="Filter by what this ${escapeHtml(kind.toLowerCase() || 'page')} covers">${chipHtml}${extra}</ul>` : ''}
    </article>`;
    return li;
  }

  /**
   * An entity the query names: its kind, name (linking to its profile), the alias the query
   * used, its number of briefs, and its filter.
   */
  function renderCard(card: EntityCard): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'result result-entity';
    const facet = facets.find((f) => f.key === card.kind);
    const alias =
      lookupKey(state.q) !== lookupKey(card.name)
        ? `Also known as <mark>${escapeHtml(state.q.replace(/"/g, ''))}</mark> · `
        : '';
    const briefsOn = `Briefs on ${card.name}`;
    const filterLink =
      card.briefs && facet
        ? `<p class="entity-filter"><a href="${escapeHtml(`${location.pathname}${serializeState({ q: '', sort: 'relevance', filters: { [FILTER.kind]: [briefKind], [card.kind]: [card.name] } }, facets)}`)}" data-entity-filter="${escapeHtml(card.kind)}" data-value="${escapeHtml(card.name)}">${escapeHtml(briefsOn)}, ${card.briefs.toLocaleString('en')}</a></p>`
        : '';
    li.innerHTML = `<article>
      <p class="result-meta"><span class="result-kind">${escapeHtml(card.label)}</span></p>
      <h3><a class="result-link" href="${escapeHtml(card.url)}">${escapeHtml(card.name)}</a></h3>
      <p class="result-excerpt">${alias}${card.briefs ? plural(card.briefs, 'brief') : 'No briefs yet'}</p>
      ${filterLink}
    </article>`;
    return li;
  }

  /** A facet option's count; for a value not fully searched, a lower bound ("12+") or a dash. */
  function countHtml(o: FacetOption): string {
    if (!o.partial)
      return `<span class="count" aria-label="${plural(o.count, 'result')}">${o.count.toLocaleString('en')}</span>`;
    const label = o.count
      ? `at least ${plural(o.count, 'result')}, older briefs not searched yet`
      : 'not searched yet';
    return `<span class="count" aria-label="${label}" title="${o.count ? 'Older briefs not searched yet' : 'Tick to search these briefs too'}">${o.count ? `${o.count.toLocaleString('en')}+` : '–'}</span>`;
  }

  function renderFacets(counts: Counts) {
    const focused =
      document.activeElement instanceof HTMLInputElement &&
      facetBox.contains(document.activeElement)
        ? `${document.activeElement.name}\u0000${document.activeElement.value}`
        : undefined;
    let partialShown = false;
    const html = facets
      .map((facet) => {
        const selected = state.filters[facet.key] ?? [];
        const options = facetOptions(facet, counts[facet.key], selected, {
          values:
            facet.key === FILTER.year
              ? scope.partialYears.filter(
                  (y) => (!state.from || y >= state.from) && (!state.to || y <= state.to),
                )
              : [],
          ...(facet.noun && scope.missingBriefs
            ? { allBut: finalEntities?.get(facet.key) ?? new Set<string>() }
            : {}),
        });
        if (!options.length) return '';
        partialShown ||= options.some((o) => o.partial);
        const open = expanded.has(facet.key);
        const visible = open ? options : options.filter((o, i) => i < OPTIONS_SHOWN || o.selected);
        const hint =
          selected.length > 1
            ? `<p class="facet-hint">Results with any ticked ${escapeHtml(facet.noun ?? facet.label.toLowerCase())}</p>`
            : '';
        const items = visible
          .map(
            (o) =>
              `<li><label><input type="checkbox" name="${escapeHtml(facet.key)}" value="${escapeHtml(o.value)}"${o.selected ? ' checked' : ''}><span class="name">${escapeHtml(o.value)}</span> ${countHtml(o)}</label></li>`,
          )
          .join('');
        const toggle =
          options.length > visible.length || open
            ? `<button type="button" class="link-button" data-expand="${escapeHtml(facet.key)}" aria-expanded="${open}">${open ? 'Show fewer' : `Show all ${options.length}`}</button>`
            : '';
        return `<fieldset class="facet"><legend>${escapeHtml(facet.label)}</legend>${hint}<ul>${items}</ul>${toggle}</fieldset>`;
      })
      .join('');
    facetBox.innerHTML = html;
    partialNote.hidden = !partialShown;
    if (focused) {
      const [name, value] = focused.split('\u0000');
      [...facetBox.querySelectorAll<HTMLInputElement>('input')]
        .find((i) => i.name === name && i.value === value)
        ?.focus();
    }
  }

  /** The parts that follow the state directly: field, sort, filter count, document title. */
  function renderChrome() {
    const n = countFilters(state);
    filterCount.textContent = n ? `(${plural(n, 'filter')})` : '';
    clearButton.hidden = n === 0;
    document.title = state.q ? `“${state.q}” · Search · ${siteTitle}` : `Search · ${siteTitle}`;
  }

  function syncControls() {
    if (input.value !== state.q) input.value = state.q;
    sortSelect.value = state.sort;
    if (fromSelect) fromSelect.value = state.from ?? archiveYears[0] ?? '';
    if (toSelect) toSelect.value = state.to ?? archiveYears.at(-1) ?? '';
  }

  // ---- State changes ----------------------------------------------------------------------
  /** Puts the state in the address bar: replaced while typing, a new entry for a deliberate change. */
  function commit(mode: 'push' | 'replace') {
    const url = `${location.pathname}${serializeState(state, facets)}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function change(next: SearchState, mode: 'push' | 'replace'): Promise<void> {
    clearTimeout(typingTimer);
    state = next;
    commit(mode);
    return search();
  }

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(
      () => void change({ ...state, q: input.value.replace(/\s+/g, ' ').trim() }, 'replace'),
      TYPING_DELAY_MS,
    );
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void change({ ...state, q: input.value.replace(/\s+/g, ' ').trim() }, 'push');
  });
  sortSelect.addEventListener('change', () => {
    const sort = Object.hasOwn(SORTS, sortSelect.value)
      ? (sortSelect.value as SortId)
      : 'relevance';
    void change({ ...state, sort }, 'push');
  });
  const rangeChanged = () => {
    // The archive's own first and last years mean no range.
    const from = fromSelect?.value === archiveYears[0] ? '' : (fromSelect?.value ?? '');
    const to = toSelect?.value === archiveYears.at(-1) ? '' : (toSelect?.value ?? '');
    void change(withRange(state, from, to), 'push').then(syncControls);
  };
  fromSelect?.addEventListener('change', rangeChanged);
  toSelect?.addEventListener('change', rangeChanged);
  facetBox.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement)
      void change(toggleFilter(state, box.name, box.value, box.checked), 'push');
  });
  const clearAll = () => {
    void change(withRange({ ...state, filters: {} }), 'push').then(syncControls);
    input.focus();
  };
  clearButton.addEventListener('click', clearAll);
  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const chip = target?.closest<HTMLButtonElement>('button[data-filter]');
    if (chip) {
      // The results are redrawn: keep the focus on the same chip where it still is, else the field.
      const selector = `button[data-filter="${CSS.escape(chip.dataset.filter!)}"][data-value="${CSS.escape(chip.dataset.value!)}"]`;
      void change(toggleFilter(state, chip.dataset.filter!, chip.dataset.value!), 'push').then(() =>
        (list.querySelector<HTMLElement>(selector) ?? input).focus(),
      );
    }
    const expand = target?.closest<HTMLButtonElement>('button[data-expand]');
    if (expand) {
      const key = expand.dataset.expand!;
      if (!expanded.delete(key)) expanded.add(key);
      renderFacets(counts);
      facetBox
        .querySelector<HTMLButtonElement>(`button[data-expand="${CSS.escape(key)}"]`)
        ?.focus();
    }
    if (target?.closest('button[data-clear]')) clearAll();
    // An entity's filter: browse its briefs, newest first (a link without the script).
    const entityFilter = target?.closest<HTMLAnchorElement>('a[data-entity-filter]');
    if (entityFilter && !isModified(event)) {
      event.preventDefault();
      const filters = {
        [FILTER.kind]: [briefKind],
        [entityFilter.dataset.entityFilter!]: [entityFilter.dataset.value!],
      };
      void change({ q: '', sort: 'relevance', filters }, 'push').then(() => {
        syncControls();
        list.querySelector<HTMLElement>('a.result-link')?.focus();
      });
    }
  });
  more.addEventListener('click', () => void showMore(true));
  scopeButton.addEventListener('click', () => {
    searchAll = true;
    void search().then(() => list.querySelector<HTMLElement>('a.result-link')?.focus());
  });
  addEventListener('popstate', () => {
    state = parseState(location.search, facets);
    syncControls();
    void search();
  });

  // ---- Keyboard: ↓ from the field into the results, ↑/↓/Home/End between them, Esc back ----
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && list.querySelector('a')) {
      event.preventDefault();
      list.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
    const current = links.findIndex(
      (a) => a === document.activeElement || a.closest('li')?.contains(document.activeElement),
    );
    if (current < 0) return;
    const go = (i: number) => {
      event.preventDefault();
      if (i < 0) input.focus();
      else links[Math.min(i, links.length - 1)]?.focus();
    };
    if (event.key === 'ArrowDown') go(current + 1);
    else if (event.key === 'ArrowUp') go(current - 1);
    else if (event.key === 'Home' && !event.ctrlKey) go(0);
    else if (event.key === 'End' && !event.ctrlKey) go(links.length - 1);
    else if (event.key === 'Escape') go(-1);
  });

  syncControls();
  void search();
}

/** Han characters are set apart for the Chinese index (query.ts): readers see them joined. */
function readable(text: string | undefined): string {
  return (text ?? '').replaceAll(HAN_SEPARATOR, '');
}

/** A click that opens a new tab or window is left to the browser. */
function isModified(event: MouseEvent): boolean {
  return event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0;
}
