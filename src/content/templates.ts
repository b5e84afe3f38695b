/**
 * The files `npm run new` writes: a brief or a profile with every field of its schema, each
 * with a comment saying what it is. The brief's fields are listed once, in BRIEF_FIELDS
 * (a unit test keeps the list and the schema in step); whether a field is required is read
 * from the schema itself, so a field made optional there is marked optional here too.
 *
 * Placeholders (TODO…) keep a new file valid, so a draft builds at once; `npm run check`
 * refuses to publish a brief that still has them (placeholdersLeft).
 */
import type { z } from 'astro/zod';
import { stringify } from 'yaml';
import { isoDay } from '../model/dates.ts';
import type { BriefRecord } from '../model/records.ts';
import { briefSchema, type EntityKind, KIND_IDS } from './registry.ts';

/** The placeholder texts of a new brief: a brief that would be published may not keep them. */
export const PLACEHOLDERS = {
  summary: 'TODO: one or two sentences for lists, feeds and search results.',
  highlight: 'TODO: the first key takeaway.',
  sourceTitle: 'TODO: the title of the source',
  publisher: 'TODO: the publisher',
  url: 'https://example.com/TODO',
  body: 'TODO: the analysis. Link a profile by writing its name in double square brackets.',
} as const;

export interface BriefTemplateInput {
  title: string;
  date: Date;
  draft: boolean;
}

interface FieldTemplate {
  /** What the field is, for its comment. */
  about: string;
  /** The field's lines (the first starts with `key:`); none: the field is written commented out. */
  lines?: (input: BriefTemplateInput) => string[];
  /** The commented-out example of an optional field. */
  example?: string;
}

const scalar = (value: string) => stringify(value).trimEnd();

/** Every brief field, in the order a new brief shows them. References come from the registry. */
export const BRIEF_FIELDS: Record<string, FieldTemplate> = {
  title: { about: '3–160 characters', lines: ({ title }) => [`title: ${scalar(title)}`] },
  date: {
    about: "the event's day, YYYY-MM-DD; a future day schedules the brief until then",
    lines: ({ date }) => [`date: ${isoDay(date)}`],
  },
  summary: {
    about: '20–400 characters',
    lines: () => ['summary: >-', `  ${PLACEHOLDERS.summary}`],
  },
  highlights: {
    about: 'the key takeaways, 1–5',
    lines: () => ['highlights:', `  - ${scalar(PLACEHOLDERS.highlight)}`],
  },
  ...Object.fromEntries(
    KIND_IDS.map((kind) => [
      kind,
      {
        about: `slugs of content/${kind}/*.md (\`npm run stubs\` creates missing ones)`,
        lines: () => [`${kind}: []`],
      } satisfies FieldTemplate,
    ]),
  ),
  sources: {
    about: 'title, publisher, url and optionally date of each',
    lines: ({ date }) => [
      'sources:',
      `  - title: ${scalar(PLACEHOLDERS.sourceTitle)}`,
      `    publisher: ${scalar(PLACEHOLDERS.publisher)}`,
      `    url: ${PLACEHOLDERS.url}`,
      `    date: ${isoDay(date)}`,
    ],
  },
  authors: { about: 'names', example: 'authors: [Your Name]' },
  updated: {
    about: "the day of a revision (without it, the site shows the last commit's day)",
    example: 'updated: YYYY-MM-DD',
  },
  corrections: {
    about: 'dated corrections, shown at the top of the brief and on /corrections/',
    example: 'corrections: [{ date: YYYY-MM-DD, note: What was wrong and what it says now }]',
  },
  updates: {
    about: 'dated updates, shown at the top of the brief; they move its date in feeds',
    example: 'updates: [{ date: YYYY-MM-DD, note: What changed since it was published }]',
  },
  redirect_from: {
    about: 'old addresses of this brief that redirect to it (docs/migration.md)',
    example: 'redirect_from: [/2013/01/11/old-post-name/]',
  },
  draft: {
    about: 'true keeps the brief out of every build; `npm run dev` shows it',
    lines: ({ draft }) => [`draft: ${draft}`],
  },
};

const shape = () => (briefSchema as unknown as z.ZodObject).shape;

/** Whether the brief schema accepts the field missing. */
export function isOptional(field: string): boolean {
  return shape()[field]?.safeParse(undefined).success ?? true;
}

function withComment(line: string, comment: string): string {
  return `${line}  # ${comment}`;
}

export function briefTemplate(input: BriefTemplateInput): string {
  const lines = ['---', '# Fields and rules: docs/authoring.md. Then run `npm run check`.'];
  for (const [field, template] of Object.entries(BRIEF_FIELDS)) {
    const comment = `${isOptional(field) ? 'optional' : 'required'}: ${template.about}`;
    if (template.lines) {
      const [first, ...rest] = template.lines(input);
      lines.push(withComment(first!, comment), ...rest);
    } else lines.push(withComment(`# ${template.example ?? `${field}:`}`, comment));
  }
  lines.push('---', PLACEHOLDERS.body, '');
  return lines.join('\n');
}

/** A profile: its name, the kind's required fields as `npm run stubs` writes them, the rest commented. */
export function entityTemplate(kind: EntityKind, name: string): string {
  const schemaShape = (kind.schema as unknown as z.ZodObject).shape;
  const stubLines = new Map(kind.stubFields.map((line) => [line.split(':')[0]!, line]));
  const labels = new Map<string, string>(kind.facts.map((fact) => [fact.field, fact.label]));
  const lines = [
    '---',
    `name: ${scalar(name)}`,
    withComment('aliases: []', 'optional: other names, spellings, tickers, Chinese names'),
    withComment('# summary:', 'optional: one sentence for index pages and search results'),
  ];
  for (const [field, schema] of Object.entries(schemaShape)) {
    if (['name', 'aliases', 'summary', 'redirect_from'].includes(field)) continue;
    const optional = schema.safeParse(undefined).success;
    const label = labels.get(field)?.toLowerCase() ?? field;
    const stub = stubLines.get(field);
    if (!optional) lines.push(stub ?? `${field}: TODO`);
    else
      lines.push(withComment(`# ${field}:`, label === field ? 'optional' : `optional: ${label}`));
  }
  lines.push(
    withComment(
      '# redirect_from: [/category/old-name/]',
      'optional: old addresses (an old category or tag page) that redirect here',
    ),
  );
  lines.push('---', 'TODO: write the profile.', '');
  return lines.join('\n');
}

/** A field of a brief that still holds a placeholder of the template, and the placeholder. */
export interface PlaceholderLeft {
  /** `summary`, `sources[0].url`, `body`… */
  field: string;
  text: string;
}

/**
 * The fields of a brief that still hold a placeholder of the template. Found when a brief is
 * checked, while its body is in hand (validate.ts), and remembered with it (memo.ts).
 */
export function placeholdersLeft(
  brief: Pick<BriefRecord, 'summary' | 'highlights' | 'sources' | 'body'>,
): PlaceholderLeft[] {
  const left: PlaceholderLeft[] = [];
  const check = (field: string, value: string | undefined, placeholder: string) => {
    if (value?.includes(placeholder)) left.push({ field, text: placeholder });
  };
  check('summary', brief.summary, PLACEHOLDERS.summary);
  brief.highlights.forEach((h, i) => check(`highlights[${i}]`, h, PLACEHOLDERS.highlight));
  brief.sources.forEach((source, i) => {
    check(`sources[${i}].title`, source.title, PLACEHOLDERS.sourceTitle);
    check(`sources[${i}].publisher`, source.publisher, PLACEHOLDERS.publisher);
    check(`sources[${i}].url`, source.url, PLACEHOLDERS.url);
  });
  check('body', brief.body, PLACEHOLDERS.body);
  return left;
}
