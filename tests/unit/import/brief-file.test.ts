import { describe, expect, it } from 'vitest';
import {
  newBriefText,
  profileText,
  profileWithAddresses,
  updatedBriefText,
} from '../../../scripts/import/brief-file.ts';
import type { BriefFields } from '../../../scripts/import/plan.ts';
import { parseFrontmatter } from '../../../src/content/frontmatter.ts';
import { briefSchema } from '../../../src/content/registry.ts';
import { themeSchema } from '../../../src/content/schemas.ts';

const fields = (over: Partial<BriefFields> = {}): BriefFields => ({
  title: 'Lynas: "Malaysia" – what’s next? #1',
  date: '2013-01-11',
  summary: 'yes: a summary',
  authors: ['Jane Analyst'],
  refs: { themes: ['rare-earths'] },
  draft: false,
  redirectFrom: ['/?p=1', '/2013/01/11/x/'],
  ...over,
});

const read = (text: string) => {
  const parsed = parseFrontmatter(text);
  if ('message' in parsed) throw new Error(parsed.message);
  return parsed;
};

describe('brief files written by an import', () => {
  it('quote whatever YAML would misread, and pass the schema', () => {
    for (const title of [
      'Lynas: "Malaysia" – what’s next? #1',
      '稀土价格上涨：新配额',
      'yes',
      '2013-01-11',
      '- dash',
      '[bracket]',
      '@at',
    ]) {
      const text = newBriefText(fields({ title }), 'Body.');
      const parsed = read(text);
      expect(parsed.data.title).toBe(title);
      expect(briefSchema.safeParse(parsed.data).success).toBe(true);
      expect(parsed.body).toBe('Body.\n');
    }
  });

  it('write lists in the house style', () => {
    expect(newBriefText(fields({ draft: true }), 'Body.')).toBe(
      `---\ntitle: 'Lynas: "Malaysia" – what’s next? #1'\ndate: 2013-01-11\nsummary: "yes: a summary"\nauthors: [Jane Analyst]\nthemes: [rare-earths]\ndraft: true\nredirect_from:\n  - /?p=1\n  - /2013/01/11/x/\n---\nBody.\n`,
    );
  });

  it('are brought up to date keeping what an editor added, and left alone when nothing changed', () => {
    const first = newBriefText(fields(), 'Old body.');
    const edited = first.replace(
      'themes: [rare-earths]',
      'themes: [rare-earths, magnets] # an editor’s theme\nhighlights:\n  - Added by hand.\ncompanies: [lynas]',
    );
    const updated = updatedBriefText(
      edited,
      fields({ title: 'New title', refs: { themes: ['rare-earths', 'policy'] } }),
      'New body.',
    );
    expect(read(updated).data).toMatchObject({
      title: 'New title',
      date: '2013-01-11',
      companies: ['lynas'],
    });
    expect(updated).toContain(
      'themes: [rare-earths, magnets, policy] # an editor’s theme\nhighlights:\n  - Added by hand.\ncompanies: [lynas]\n',
    );
    expect(updated.endsWith('---\nNew body.\n')).toBe(true);
    expect(
      updatedBriefText(
        updated,
        fields({ title: 'New title', refs: { themes: ['policy'] } }),
        'New body.',
      ),
    ).toBe(updated);
  });
});

describe('profile files written by an import', () => {
  it('give a new profile the archive addresses of its category or tag, valid for its kind', () => {
    const text = profileText({
      kind: 'themes',
      slug: 'rare-earths',
      name: 'Rare Earths',
      aliases: [],
      redirectFrom: ['/category/minerals/rare-earths/'],
      body: 'Imported.',
    });
    expect(text).toBe(
      '---\nname: Rare Earths\nredirect_from:\n  - /category/minerals/rare-earths/\n---\nImported.\n',
    );
    expect(themeSchema.safeParse(read(text).data).success).toBe(true);
  });

  it('add addresses to an existing profile without rewriting the rest, and none twice', () => {
    const before =
      '---\n# Kept by hand\nname: "Lynas Rare Earths"\naliases: [Lynas]\ncountry: Australia\n---\nThe body, as written.\n';
    const once = profileWithAddresses(before, ['/tag/lynas/']);
    expect(once).toBe(
      '---\n# Kept by hand\nname: "Lynas Rare Earths"\naliases: [Lynas]\ncountry: Australia\nredirect_from: [/tag/lynas/]\n---\nThe body, as written.\n',
    );
    expect(profileWithAddresses(once, ['/tag/lynas/'])).toBe(once);
    expect(profileWithAddresses(once, ['/tag/lynas/', '/category/lynas/'])).toContain(
      'redirect_from: [/tag/lynas/, /category/lynas/]',
    );
  });
});
