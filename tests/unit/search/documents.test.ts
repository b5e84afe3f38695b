import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/model/graph.ts';
import { pagesToIndex } from '../../../src/search/build/documents.ts';
import { FILTER, hiddenFields, META } from '../../../src/search/shared/document.ts';
import { brief, entity } from '../fixtures.ts';

describe('pagesToIndex', () => {
  const graph = buildGraph(
    [
      brief('english', '2025-03-01', { companies: ['northern'] }),
      brief('chinese', '2024-05-06', {}, '北方稀土宣布了新的措施。'),
      brief('draft', '2025-04-01', {}, '', true),
    ],
    [
      entity('companies', 'northern', 'China Northern Rare Earth', ['北方稀土']),
      entity('themes', 'prices', 'Prices'),
    ],
  );

  it('lists every published brief with its date and every profile, from the graph', () => {
    expect(pagesToIndex(graph)).toEqual([
      {
        url: '/briefs/english/',
        file: 'briefs/english/index.html',
        date: '2025-03-01',
        chinese: false,
        filters: {},
      },
      {
        url: '/briefs/chinese/',
        file: 'briefs/chinese/index.html',
        date: '2024-05-06',
        chinese: true,
        filters: { lang: 'zh' },
      },
      {
        url: '/companies/northern/',
        file: 'companies/northern/index.html',
        chinese: true,
        // The profile's Chinese name: in the Chinese bundle; its oldest brief's quarter.
        filters: { lang: 'zh', since: '2025q1' },
        // Cited by one brief: the most cited profiles are searched first.
        weight: 1,
      },
      {
        url: '/themes/prices/',
        file: 'themes/prices/index.html',
        chinese: false,
        filters: {},
        weight: 0,
      },
    ]);
  });

  it('puts the base path in the address, not in the file', () => {
    expect(pagesToIndex(graph, '/briefing/')[0]).toMatchObject({
      url: '/briefing/briefs/english/',
      file: 'briefs/english/index.html',
    });
  });
});

describe('hiddenFields', () => {
  it('writes the kind, year, entity filters and the names and mentions metadata', () => {
    expect(
      hiddenFields({
        kind: 'Brief',
        year: 2025,
        entities: { companies: ['A', 'B'] },
        mentions: ['A', 'a-alias', 'B'],
      }),
    ).toEqual([
      { filter: FILTER.kind, text: 'Brief' },
      { filter: FILTER.year, text: '2025' },
      { filter: 'companies', text: 'A' },
      { filter: 'companies', text: 'B' },
      { meta: META.mentions, text: 'A a-alias B' },
    ]);
    expect(hiddenFields({ kind: 'Company', names: ['A', 'A Corp'] })).toEqual([
      { filter: FILTER.kind, text: 'Company' },
      // Each word of the names once: "A" is in "A Corp".
      { meta: META.names, text: 'A Corp' },
    ]);
  });
});
