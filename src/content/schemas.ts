/**
 * Frontmatter schemas: the user-facing content contract (documented in docs/authoring.md).
 * Messages are written for the author who has to fix the file.
 */
import { z } from 'astro/zod';
import { parseIsoDay } from '../model/dates.ts';
import { SLUG_PATTERN } from './slugs.ts';

/* Calendar dates */
const DATE_HINT = 'a date written as YYYY-MM-DD, e.g. 2025-03-22';

/**
 * A frontmatter date. YAML 1.1 parsers turn `2025-03-22` into a Date already;
 * quoted strings are accepted too. Anything else gets a message an author can act on.
 */
export const calendarDate = z
  .custom<Date | string>(
    (value) => {
      if (value instanceof Date) return !Number.isNaN(value.getTime());
      return typeof value === 'string' && parseIsoDay(value) !== undefined;
    },
    { error: (issue) => `expected ${DATE_HINT}, got ${describe(issue.input)}` },
  )
  .transform((value) => (value instanceof Date ? value : (parseIsoDay(value) as Date)));

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a nested mapping';
  return String(value);
}

export const slug = z
  .string({
    error: (issue) =>
      `expected a slug such as "china-northern-rare-earth", got ${describe(issue.input)}`,
  })
  .regex(SLUG_PATTERN, {
    error: (issue) =>
      `${describe(issue.input)} is not a slug: use lowercase letters, digits and single hyphens, e.g. "china-northern-rare-earth"`,
  });

const text = (what: string, min = 1, max = 300) =>
  z
    .string({ error: (issue) => `expected ${what} as text, got ${describe(issue.input)}` })
    .trim()
    .min(min, {
      error:
        min === 1
          ? `${what} must not be empty`
          : `${what} is too short: write at least ${min} characters`,
    })
    .max(max, { error: `${what} is too long: keep it under ${max} characters` });

const httpUrl = z.url({
  protocol: /^https?$/,
  error: (issue) =>
    `expected a full web address starting with https://, got ${describe(issue.input)}`,
});

const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, {
    error: (issue) =>
      `expected a list of ${what} (YAML "- item" lines or [a, b]), got ${describe(issue.input)}`,
  });

export const sourceSchema = z.strictObject({
  title: text('the source title', 1, 300),
  publisher: text('the publisher', 1, 120),
  url: httpUrl,
  date: calendarDate.optional(),
});

/**
 * What an old address may not hold: what breaks its redirect page or `_redirects` line, "." and
 * ".." segments, and `*` or a `:name` segment, which hosts read in `_redirects` as wildcards
 * (`/:section/` would send every section of the site to one brief).
 */
const UNREDIRECTABLE = /[\s#<>"\\*]|(^|\/)(\.\.?(\/|$|\?)|:)/;

function percentDecoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * An address the brief had on an old site, from which the built site redirects to it: a path
 * such as `/2013/01/11/old-slug/`, or a query such as `/?p=123`.
 */
export const oldPath = z
  .string({
    error: (issue) =>
      `expected an old address such as "/2013/01/11/old-slug/", got ${describe(issue.input)}`,
  })
  .trim()
  .refine((path) => path.startsWith('/') && !path.startsWith('//'), {
    error: (issue) =>
      `${describe(issue.input)} is not a path: write the old address without its domain, starting with "/"`,
  })
  // Judged as written and percent-decoded: the redirect page's file is named by the decoded
  // path (src/model/redirects.ts), so `/%2e%2e/` would be written outside the built site.
  .refine((path) => ![path, percentDecoded(path)].some((p) => UNREDIRECTABLE.test(p)), {
    error: (issue) =>
      `${describe(issue.input)} cannot be redirected: it has a space, "#", quote, angle bracket, backslash, "*", or a segment that is "." or ".." or starts with ":" (also when written with %)`,
  });

/** Old addresses that redirect to a page: a brief's, or a profile's (an old category or tag archive). */
const redirectFrom = () =>
  list(oldPath, 'old addresses such as "/2013/01/11/old-slug/"').default([]);

/** A dated correction or update, shown at the top of the brief and on the corrections page. */
export const revisionSchema = (what: string) =>
  z.strictObject({
    date: calendarDate,
    note: text(`the ${what} note`, 3, 600),
  });

export type RevisionData = z.output<ReturnType<typeof revisionSchema>>;

/** A brief's frontmatter. Reference fields (companies, policies, …) come from the entity registry. */
export function makeBriefSchema(kindIds: readonly string[]) {
  const references = Object.fromEntries(
    kindIds.map((id) => [id, list(slug, `${id} slugs`).default([])]),
  );
  return z.strictObject({
    // Whether summary, highlights and sources must be there, and their lengths, are the
    // site's editorial rules (src/content/rules.ts); the schema checks their form.
    title: text('the title', 1, 1000),
    date: calendarDate,
    updated: calendarDate.optional(),
    summary: text('the summary', 1, 4000).optional(),
    highlights: list(text('a highlight', 1, 1000), 'key takeaways').default([]),
    sources: list(sourceSchema, 'sources (title, publisher, url, date)').default([]),
    authors: list(text('an author name', 1, 120), 'author names').default([]),
    corrections: list(revisionSchema('correction'), 'corrections (date, note)').default([]),
    updates: list(revisionSchema('update'), 'updates (date, note)').default([]),
    draft: z
      .boolean({ error: (issue) => `expected true or false, got ${describe(issue.input)}` })
      .default(false),
    redirect_from: redirectFrom(),
    ...references,
  });
}

/** Fields every entity kind shares. */
export const entityBase = {
  name: text('the name', 1, 160),
  aliases: list(text('an alias', 1, 160), 'aliases').default([]),
  summary: text('the summary', 1, 400).optional(),
  // An imported category or tag's archive page (`/category/rare-earths/`) leads here.
  redirect_from: redirectFrom(),
};

export const companySchema = z.strictObject({
  ...entityBase,
  country: text('the country', 1, 80).optional(),
  ticker: z.union([z.string().trim().min(1), z.number().transform(String)]).optional(),
  website: httpUrl.optional(),
  founded: z.number({ error: 'expected a year such as 1997' }).int().min(1000).max(2100).optional(),
});

export const POLICY_STATUSES = [
  'proposed',
  'adopted',
  'in-force',
  'suspended',
  'repealed',
  'expired',
] as const;

/** What can happen to a policy, in the order a tracker reads it; the status each leads to is in src/model/policy.ts. */
export const POLICY_EVENT_TYPES = [
  'announced',
  'published',
  'effective',
  'amended',
  'suspended',
  'resumed',
  'repealed',
  'expired',
] as const;

/** One dated step in a policy's life. It cites a brief of this site, a web address, or both. */
export const policyEventSchema = z
  .strictObject({
    date: calendarDate,
    type: z.enum(POLICY_EVENT_TYPES, {
      error: (issue) =>
        `expected one of ${POLICY_EVENT_TYPES.join(', ')}, got ${describe(issue.input)}`,
    }),
    note: text('the note', 3, 300),
    /** For a suspension: the day it is due to end. */
    until: calendarDate.optional(),
    brief: slug.optional(),
    url: httpUrl.optional(),
  })
  .refine((event) => event.brief !== undefined || event.url !== undefined, {
    error: 'cite the event: add brief (a brief slug) or url (a web address)',
    path: ['brief'],
  })
  .refine((event) => event.until === undefined || event.type === 'suspended', {
    error: 'until is for suspensions only: it is the day a suspension is due to end',
    path: ['until'],
  });

export type PolicyEventData = z.output<typeof policyEventSchema>;

export const policySchema = z.strictObject({
  ...entityBase,
  // Which facts a profile must have is the site's editorial rules (src/content/rules.ts).
  issuer: text('the issuer', 1, 160).optional(),
  jurisdiction: text('the jurisdiction', 1, 80).optional(),
  issued: calendarDate.optional(),
  effective: calendarDate.optional(),
  /** Optional when events are listed: the status is derived from them, and a status that disagrees is an error. */
  status: z
    .enum(POLICY_STATUSES, {
      error: (issue) =>
        `expected one of ${POLICY_STATUSES.join(', ')}, got ${describe(issue.input)}`,
    })
    .optional(),
  url: httpUrl.optional(),
  events: list(policyEventSchema, 'events (date, type, note, brief or url)').default([]),
});

export const themeSchema = z.strictObject({ ...entityBase });

export const termSchema = z.strictObject({
  ...entityBase,
  original: text('the original text', 1, 120).optional(),
  pinyin: text('the pinyin', 1, 200).optional(),
  english: text('the English rendering', 1, 200).optional(),
});

export type SourceData = z.output<typeof sourceSchema>;
