import { describe, expect, it } from 'vitest';
import {
  countFilters,
  dateOrder,
  type FacetSpec,
  facetOptions,
  facetsNeedingOwnCounts,
  isEmptyState,
  pagefindFilters,
  parseState,
  rangeYears,
  rankLike,
  resultHref,
  searchedYears,
  serializeState,
  toggleFilter,
  withRange,
} from '../../../src/search/shared/state.ts';

const archiveYears = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
const facets: FacetSpec[] = [
  {
    key: 'kind',
    label: 'Kind',
    order: 'listed',
    values: ['Brief', 'Company', 'Policy'],
  },
  { key: 'year', label: 'Year', order: 'desc', values: archiveYears },
  { key: 'companies', label: 'Companies', order: 'count', noun: 'company' },
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
    expect(isEmptyState(parseState('?from=2021', facets))).toBe(false);
  });

  it('reads a range of years, in order, ignoring what is not a year, and writes it back', () => {
    expect(parseState('?q=x&from=2024&to=2021', facets)).toMatchObject({
      from: '2021',
      to: '2024',
    });
    expect(parseState('?from=soon&to=2022', facets)).toEqual({
      q: '',
      sort: 'relevance',
      filters: {},
      to: '2022',
    });
    const query = '?q=x&year=2022&from=2021&to=2023&sort=oldest';
    expect(serializeState(parseState(query, facets), facets)).toBe(query);
    expect(withRange(parseState(query, facets))).not.toHaveProperty('from');
  });
});

describe('filters', () => {
  it('toggles a value on and off, dropping empty facets', () => {
    const on = toggleFilter(parseState('?q=x', facets), 'companies', 'Lynas');
    expect(on.filters).toEqual({ companies: ['Lynas'] });
    expect(toggleFilter(on, 'companies', 'Lynas').filters).toEqual({});
    expect(toggleFilter(on, 'companies', 'Lynas', true).filters).toEqual({ companies: ['Lynas'] });
  });

  it('builds Pagefind filters: any of the values within a facet, every facet', () => {
    const state = parseState(
      '?kind=Brief&kind=Company&companies=MP+Materials&companies=Apple',
      facets,
    );
    expect(pagefindFilters(state, facets)).toEqual({
      kind: { any: ['Brief', 'Company'] },
      companies: { any: ['MP Materials', 'Apple'] },
    });
    expect(pagefindFilters(state, facets, 'kind')).toEqual({
      companies: { any: ['MP Materials', 'Apple'] },
    });
  });

  it('limits the years to the ticked ones within the range, and keeps the range when counting years', () => {
    const state = parseState('?year=2020&year=2022&from=2021&to=2023', facets);
    expect(rangeYears(state, archiveYears)).toEqual(['2021', '2022', '2023']);
    expect(searchedYears(state, archiveYears)).toEqual(['2022']);
    expect(pagefindFilters(state, facets)).toEqual({ year: { any: ['2022'] } });
    expect(pagefindFilters(state, facets, 'year')).toEqual({
      year: { any: ['2021', '2022', '2023'] },
    });
    expect(pagefindFilters(parseState('?from=2024', facets), facets)).toEqual({
      year: { any: ['2024', '2025'] },
    });
    // Nothing in the range: a filter nothing passes (Pagefind takes an empty list as no filter).
    expect(pagefindFilters(parseState('?year=2019&from=2021', facets), facets)).toEqual({
      year: { any: ['0000'] },
    });
    expect(searchedYears(parseState('?q=x', facets), archiveYears)).toBeUndefined();
  });

  it('counts a facet on its own when it has a selection', () => {
    expect(facetsNeedingOwnCounts(parseState('?q=x', facets), facets)).toEqual([]);
    expect(
      facetsNeedingOwnCounts(parseState('?kind=Brief&companies=Apple', facets), facets).map(
        (f) => f.key,
      ),
    ).toEqual(['kind', 'companies']);
    expect(countFilters(parseState('?kind=Brief&companies=Apple&from=2020', facets))).toBe(3);
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
    const options = facetOptions(facets[1]!, { 2026: 40, 2025: 3 }, [], {
      values: ['2025', '2019'],
    });
    expect(options).toEqual([
      { value: '2026', count: 40, selected: false },
      { value: '2025', count: 3, selected: false, partial: true },
      { value: '2019', count: 0, selected: false, partial: true },
    ]);
  });

  it('marks entity counts as lower bounds, except those known to be final', () => {
    const options = facetOptions(facets[2]!, { Lynas: 4, 'MP Materials': 2, Apple: 0 }, [], {
      allBut: new Set(['MP Materials']),
    });
    expect(options).toEqual([
      { value: 'Lynas', count: 4, selected: false, partial: true },
      { value: 'MP Materials', count: 2, selected: false },
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
