import { describe, expect, it } from 'vitest';
import {
  dateOrder,
  type FacetSpec,
  facetOptions,
  facetsNeedingOwnCounts,
  isEmptyState,
  pagefindFilters,
  parseState,
  rankLike,
  resultHref,
  serializeState,
  toggleFilter,
} from '../../../src/search/shared/state.ts';

const facets: FacetSpec[] = [
  {
    key: 'kind',
    label: 'Kind',
    mode: 'any',
    order: 'listed',
    values: ['Brief', 'Company', 'Policy'],
  },
  { key: 'year', label: 'Year', mode: 'any', order: 'desc' },
  { key: 'companies', label: 'Companies', mode: 'all', order: 'count', noun: 'company' },
];

describe('search state in the URL', () => {
  it('reads query, repeated facet values and sort', () => {
    const state = parseState(
      '?q=rare+earth&companies=MP+Materials&companies=Lynas&year=2025&sort=date',
      facets,
    );
    expect(state).toEqual({
      q: 'rare earth',
      sort: 'date',
      filters: { companies: ['MP Materials', 'Lynas'], year: ['2025'] },
    });
  });

  it('ignores unknown parameters, unknown sorts, blanks and duplicates', () => {
    const state = parseState(
      '?q=%20%20lynas%20%20&highlight=x&sort=random&companies=&kind=Brief&kind=Brief',
      facets,
    );
    expect(state).toEqual({ q: 'lynas', sort: 'relevance', filters: { kind: ['Brief'] } });
  });

  it('round-trips, in a stable order, with the default sort left out', () => {
    const query = '?q=rare+earth&kind=Brief&companies=MP+Materials&sort=date';
    expect(serializeState(parseState(query, facets), facets)).toBe(query);
    expect(serializeState(parseState('?sort=relevance&q=x', facets), facets)).toBe('?q=x');
    expect(serializeState({ q: '', sort: 'relevance', filters: {} }, facets)).toBe('');
  });

  it('keeps values with commas, ampersands and Chinese intact', () => {
    const state = {
      q: '北方稀土',
      sort: 'relevance' as const,
      filters: { companies: ['China Northern Rare Earth (Group) High-Tech, Ltd & Co'] },
    };
    expect(parseState(serializeState(state, facets), facets)).toEqual(state);
  });

  it('knows when there is nothing to search for', () => {
    expect(isEmptyState(parseState('?sort=date', facets))).toBe(true);
    expect(isEmptyState(parseState('?kind=Brief', facets))).toBe(false);
    expect(isEmptyState(parseState('?q=x', facets))).toBe(false);
  });
});

describe('filters', () => {
  it('toggles a value on and off, dropping empty facets', () => {
    const on = toggleFilter(parseState('?q=x', facets), 'companies', 'Lynas');
    expect(on.filters).toEqual({ companies: ['Lynas'] });
    expect(toggleFilter(on, 'companies', 'Lynas').filters).toEqual({});
    expect(toggleFilter(on, 'companies', 'Lynas', true).filters).toEqual({ companies: ['Lynas'] });
  });

  it('builds Pagefind filters: any-of for kind and year, all-of for entities', () => {
    const state = parseState(
      '?kind=Brief&kind=Company&companies=MP+Materials&companies=Apple',
      facets,
    );
    expect(pagefindFilters(state, facets)).toEqual({
      kind: { any: ['Brief', 'Company'] },
      companies: { all: ['MP Materials', 'Apple'] },
    });
    expect(pagefindFilters(state, facets, 'kind')).toEqual({
      companies: { all: ['MP Materials', 'Apple'] },
    });
  });

  it('counts an any-of facet on its own only when it has a selection', () => {
    expect(facetsNeedingOwnCounts(parseState('?companies=Apple', facets), facets)).toEqual([]);
    expect(
      facetsNeedingOwnCounts(parseState('?kind=Brief&companies=Apple', facets), facets).map(
        (f) => f.key,
      ),
    ).toEqual(['kind']);
  });
});

describe('facet options', () => {
  it('orders entities by count then name, hides values that would leave nothing, keeps selected ones', () => {
    const options = facetOptions(facets[2]!, { Lynas: 2, Apple: 2, 'MP Materials': 5, Solvay: 0 }, [
      'Solvay',
    ]);
    expect(options.map((o) => `${o.value}:${o.count}:${o.selected}`)).toEqual([
      'MP Materials:5:false',
      'Apple:2:false',
      'Lynas:2:false',
      'Solvay:0:true',
    ]);
  });

  it('orders years newest first and kinds as the registry lists them', () => {
    expect(facetOptions(facets[1]!, { 2020: 1, 2025: 3, 2021: 2 }, []).map((o) => o.value)).toEqual(
      ['2025', '2021', '2020'],
    );
    expect(
      facetOptions(facets[0]!, { Policy: 1, Brief: 3, Company: 2 }, []).map((o) => o.value),
    ).toEqual(['Brief', 'Company', 'Policy']);
  });

  it('offers values of pages not searched yet, marked partial, with what is known of their count', () => {
    const options = facetOptions(facets[1]!, { 2026: 40, 2025: 3 }, [], ['2025', '2019']);
    expect(options).toEqual([
      { value: '2026', count: 40, selected: false },
      { value: '2025', count: 3, selected: false, partial: true },
      { value: '2019', count: 0, selected: false, partial: true },
    ]);
  });
});

describe('date order', () => {
  it('puts dated results first in date order, then undated ones by relevance', () => {
    const relevance = [{ id: 'company' }, { id: 'old' }, { id: 'theme' }, { id: 'new' }];
    const sorted = [{ id: 'new' }, { id: 'old' }];
    expect(dateOrder(sorted, relevance).map((r) => r.id)).toEqual([
      'new',
      'old',
      'company',
      'theme',
    ]);
  });
});

describe('result links', () => {
  it('keep highlight words and drop empty ones', () => {
    expect(resultHref('/briefs/a/?highlight=rare&highlight=earth')).toBe(
      '/briefs/a/?highlight=rare&highlight=earth',
    );
    expect(resultHref('/briefs/a/?highlight=')).toBe('/briefs/a/');
    expect(resultHref('/companies/b/?highlight=%E5%8C%97%E6%96%B9#x')).toBe(
      '/companies/b/?highlight=%E5%8C%97%E6%96%B9#x',
    );
  });
});

describe('rankLike', () => {
  it('orders exact-phrase results as the loose search ranks them, unknown ones last', () => {
    const exact = [{ id: 'a' }, { id: 'b' }, { id: 'x' }, { id: 'c' }];
    expect(
      rankLike(exact, [{ id: 'c' }, { id: 'a' }, { id: 'd' }, { id: 'b' }]).map((r) => r.id),
    ).toEqual(['c', 'a', 'b', 'x']);
  });
});
