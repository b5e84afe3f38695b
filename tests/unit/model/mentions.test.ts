import { describe, expect, it } from 'vitest';
import { MentionMatcher, suggestTags } from '../../../src/model/mentions.ts';
import { EntityIndex } from '../../../src/model/resolve.ts';
import { brief, entity } from '../fixtures.ts';

const entities = [
  entity('companies', 'china-northern-rare-earth', 'China Northern Rare Earth', [
    'Northern Rare Earth',
    '北方稀土',
  ]),
  entity('companies', 'mp-materials', 'MP Materials', ['MP']),
  entity('themes', 'export-controls', 'Export controls'),
  entity('themes', 'rare-earths', 'Rare earths', ['稀土']),
  entity('companies', 'lynas', 'Lynas'),
];
const matcher = new MentionMatcher(entities);
const found = (text: string) => matcher.find(text).map((m) => `${m.entity.slug}×${m.count}`);

describe('MentionMatcher', () => {
  it('counts whole words in any case, the longest name first', () => {
    expect(
      found('China Northern Rare Earth and northern rare earth; EXPORT CONTROLS; Lynass; Lynas.'),
    ).toEqual(['china-northern-rare-earth×2', 'export-controls×1', 'lynas×1']);
  });

  it('matches names in capitals in that case only', () => {
    expect(found('MP said so. The mp said so. Rare earths at 5 mp.')).toEqual([
      'mp-materials×1',
      'rare-earths×1',
    ]);
  });

  it('finds Chinese names at word boundaries of the text', () => {
    expect(found('北方稀土宣布稀土价格上涨。')).toEqual([
      'china-northern-rare-earth×1',
      'rare-earths×1',
    ]);
  });

  it('suggests what a brief mentions but does not reference, by frontmatter or wikilink', () => {
    const index = new EntityIndex(entities);
    const briefs = [
      brief(
        'a',
        '2025-01-01',
        { themes: ['export-controls'] },
        'Lynas and MP on export controls. [[Northern Rare Earth]] too.',
      ),
      brief('b', '2025-01-02', {}, 'Nothing here.'),
    ];
    const suggestions = suggestTags(briefs, matcher, index, (b) =>
      b.body.replace(/\[\[[^\]]*\]\]/g, ''),
    );
    expect(suggestions.map((s) => [s.brief.slug, s.mentions.map((m) => m.entity.slug)])).toEqual([
      ['a', ['lynas', 'mp-materials']],
    ]);
    expect(suggestTags(briefs, matcher, index, (b) => b.body, 2)).toEqual([]);
  });

  it('ignores a name two profiles claim', () => {
    const twice = new MentionMatcher([
      entity('companies', 'a', 'Alpha', ['Shared']),
      entity('themes', 'b', 'Beta', ['Shared']),
    ]);
    expect(twice.find('Shared and Alpha').map((m) => m.entity.slug)).toEqual(['a']);
  });
});
