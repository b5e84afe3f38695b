import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../../src/content/frontmatter.ts';
import { briefSchema, KINDS } from '../../../src/content/registry.ts';
import {
  BRIEF_FIELDS,
  briefTemplate,
  entityTemplate,
  isOptional,
  PLACEHOLDERS,
  placeholdersLeft,
} from '../../../src/content/templates.ts';
import { validateContent } from '../../../src/content/validate.ts';

const day = new Date('2026-03-05T00:00:00Z');
const entityFiles = Object.fromEntries(
  KINDS.map((kind) => [
    kind.id,
    [{ path: `content/${kind.id}/x.md`, text: entityTemplate(kind, `A ${kind.singular}`) }],
  ]),
);

describe('the brief template', () => {
  it('has a line for every field of the brief schema, and only those', () => {
    const fields = Object.keys((briefSchema as unknown as { shape: object }).shape);
    expect(Object.keys(BRIEF_FIELDS).sort()).toEqual(fields.sort());
  });

  it('marks each field required or optional as the schema says', () => {
    const text = briefTemplate({ title: 'A title: with a colon', date: day, draft: false });
    for (const field of Object.keys(BRIEF_FIELDS)) {
      const line = text.split('\n').find((l) => l.replace(/^# /, '').startsWith(`${field}:`));
      expect(line, field).toContain(isOptional(field) ? '# optional' : '# required');
    }
    expect(isOptional('title')).toBe(false);
    expect(isOptional('authors')).toBe(true);
  });

  it('is a valid brief with the title, the date and draft as given', () => {
    const text = briefTemplate({ title: 'A title: with "quotes"', date: day, draft: true });
    const result = validateContent({
      briefs: [{ path: 'content/briefs/2026/a-title.md', text }],
      entities: entityFiles,
    });
    expect(result.problems).toEqual([]);
    expect(result.briefs[0]).toMatchObject({
      title: 'A title: with "quotes"',
      date: day,
      draft: true,
    });
    expect(parseFrontmatter(text)).toMatchObject({ data: { draft: true } });
  });

  it('leaves placeholders that placeholdersLeft finds until they are written', () => {
    const text = briefTemplate({ title: 'A title', date: day, draft: false });
    const [brief] = validateContent({
      briefs: [{ path: 'content/briefs/2026/a-title.md', text }],
      entities: entityFiles,
    }).briefs;
    expect(placeholdersLeft(brief!).map((p) => p.field)).toEqual([
      'summary',
      'highlights[0]',
      'sources[0].title',
      'sources[0].publisher',
      'sources[0].url',
      'body',
    ]);
    const written = {
      ...brief!,
      summary: 'A real summary of twenty characters or more.',
      highlights: ['A real takeaway. TODO lists are fine in prose.'],
      sources: [{ title: 'T', publisher: 'P', url: 'https://example.com/t' }],
      body: `Analysis. ${PLACEHOLDERS.body.slice(0, 10)}`,
    };
    expect(placeholdersLeft(written)).toEqual([]);
  });
});

describe('the profile template', () => {
  it.each(KINDS.map((kind) => [kind.id, kind] as const))(
    'is a valid %s profile with the name given and every field of its schema',
    (_id, kind) => {
      const text = entityTemplate(kind, 'Name: with a colon');
      const result = validateContent({
        briefs: [],
        entities: { [kind.id]: [{ path: `content/${kind.id}/x.md`, text }] },
      });
      expect(result.problems).toEqual([]);
      expect(result.entities[0]!.name).toBe('Name: with a colon');
      const shape = (kind.schema as unknown as { shape: object }).shape;
      for (const field of Object.keys(shape))
        expect(text, field).toMatch(new RegExp(`^(# )?${field}:`, 'm'));
    },
  );
});
