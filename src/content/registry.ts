/**
 * The entity registry: every kind of thing a brief can reference.
 * Adding a kind (countries, people) = one entry here + a schema in schemas.ts +
 * a folder under content/. Routes, pages, search filters and feeds follow from this list.
 */
import type { z } from 'astro/zod';
import {
  companySchema,
  makeBriefSchema,
  policySchema,
  termSchema,
  themeSchema,
} from './schemas.ts';

export type FactFormat = 'text' | 'date' | 'url' | 'status' | 'zh';

export interface FactField {
  field: string;
  label: string;
  format?: FactFormat;
  /**
   * The fact is another name of the entity (a ticker, a term's Chinese original): search
   * treats it as an alias (src/model/names.ts). `ticker` adds the bare symbol too
   * (`NYSE: MP` → `MP`, `600111.SS` → `600111`).
   */
  alias?: 'name' | 'ticker';
}

export interface EntityKind {
  /** Collection name, content folder, URL segment and brief frontmatter field. */
  id: string;
  singular: string;
  plural: string;
  schema: z.ZodType;
  /** Kind-specific fields shown as facts on the entity page, in order. */
  facts: FactField[];
  /** One line shown on the kind's index page. */
  description: string;
  /** Frontmatter lines (beyond name and aliases) that `npm run stubs` writes into a new profile. */
  stubFields: string[];
  /**
   * The kind's colours (src/astro/kind-styles.ts turns them into CSS): chip backgrounds in
   * light and dark mode, and the mark of its nodes in pictures. Chip text is the page's own
   * text colour, so chips need a light background in light mode and a dark one in dark mode.
   */
  colours: { light: string; dark: string; mark: string };
}

export const KINDS = [
  {
    id: 'companies',
    singular: 'Company',
    plural: 'Companies',
    schema: companySchema,
    description:
      'Producers, refiners, magnet makers and buyers of rare earths and critical minerals.',
    stubFields: ['country: TODO'],
    colours: { light: '#e4eef7', dark: '#1f3040', mark: '#2f6fab' },
    facts: [
      { field: 'country', label: 'Country' },
      { field: 'ticker', label: 'Ticker', alias: 'ticker' },
      { field: 'founded', label: 'Founded' },
      { field: 'website', label: 'Website', format: 'url' },
    ],
  },
  {
    id: 'policies',
    singular: 'Policy',
    plural: 'Policies',
    schema: policySchema,
    description: 'Laws, regulations, export controls and programmes that shape the sector.',
    stubFields: [
      'issuer: TODO',
      'jurisdiction: TODO',
      'issued: 2000-01-01  # TODO: the date it was issued',
      'status: proposed  # proposed | in-force | suspended | repealed | expired',
    ],
    colours: { light: '#f3ead7', dark: '#3a3020', mark: '#a86b12' },
    facts: [
      { field: 'issuer', label: 'Issuer' },
      { field: 'jurisdiction', label: 'Jurisdiction' },
      { field: 'issued', label: 'Issued', format: 'date' },
      { field: 'effective', label: 'Effective', format: 'date' },
      { field: 'status', label: 'Status', format: 'status' },
      { field: 'url', label: 'Official text', format: 'url' },
    ],
  },
  {
    id: 'themes',
    singular: 'Theme',
    plural: 'Themes',
    schema: themeSchema,
    description: 'The long-running stories that connect individual events.',
    stubFields: [],
    colours: { light: '#e6f1e6', dark: '#213523', mark: '#3c8a3f' },
    facts: [],
  },
  {
    id: 'terms',
    singular: 'Term',
    plural: 'Terms',
    schema: termSchema,
    description:
      'A glossary of Chinese policy and political phrases, with pinyin and an English rendering.',
    stubFields: ['original: TODO  # the phrase in Chinese', 'pinyin: TODO', 'english: TODO'],
    colours: { light: '#efe6f3', dark: '#33253b', mark: '#8a4ba8' },
    facts: [
      { field: 'original', label: 'Original', format: 'zh', alias: 'name' },
      { field: 'pinyin', label: 'Pinyin', alias: 'name' },
      { field: 'english', label: 'English', alias: 'name' },
    ],
  },
] as const satisfies readonly EntityKind[];

export type KindId = (typeof KINDS)[number]['id'];

export const KIND_IDS: readonly KindId[] = KINDS.map((kind) => kind.id);

const byId = new Map<string, EntityKind>(KINDS.map((kind) => [kind.id, kind]));

export function getKind(id: string): EntityKind {
  const kind = byId.get(id);
  if (!kind) throw new Error(`Unknown entity kind "${id}". Known kinds: ${KIND_IDS.join(', ')}`);
  return kind;
}

export function isKindId(id: string): id is KindId {
  return byId.has(id);
}

export const briefSchema = makeBriefSchema(KIND_IDS);

/** Entity slugs that would collide with a static route under /<kind>/. */
export const RESERVED_ENTITY_SLUGS = ['by-count'] as const;

/** Where content lives, relative to the project root. */
export const CONTENT_DIR = 'content';
export const BRIEFS_DIR = 'briefs';
export const CONTENT_EXTENSIONS = ['.md', '.mdx'] as const;
/** Files a content folder publishes as they are (images, PDFs), at `/media/…` of the site. */
export const MEDIA_DIR = 'media';
