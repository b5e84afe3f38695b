/**
 * The site's own settings: `site.yaml` in the content folder, validated like content (with
 * file:line problems), so a content folder carries its title, language and rules with it.
 * A folder without the file gets the defaults below. Generator settings and environment
 * overrides are merged on top of these in src/config.ts (docs/configuration.md has the table).
 */
import { z } from 'astro/zod';
import { rulesSchema } from './rules.ts';
import { describe } from './schemas.ts';

export const SETTINGS_FILE = 'site.yaml';

const text = (what: string, max: number) =>
  z
    .string({ error: (issue) => `expected ${what} as text, got ${describe(issue.input)}` })
    .trim()
    .max(max, { error: `${what} is too long: keep it under ${max} characters` });

const count = (what: string, min = 0) =>
  z
    .number({
      error: (issue) => `expected ${what} as a whole number, got ${describe(issue.input)}`,
    })
    .int({ error: `expected ${what} as a whole number` })
    .min(min, { error: `${what} must be at least ${min}` });

export const webAddress = z.url({
  protocol: /^https?$/,
  error: (issue) =>
    `expected a full web address starting with https://, got ${describe(issue.input)}`,
});

/** `/`, `/briefing/`: where the site lives under its address. */
export const basePath = z
  .string({
    error: (issue) => `expected a path such as "/" or "/briefing/", got ${describe(issue.input)}`,
  })
  .trim()
  .regex(/^\/?(?:[A-Za-z0-9._~-]+\/?)*$/, {
    error: (issue) => `${describe(issue.input)} is not a path such as "/" or "/briefing/"`,
  })
  .transform((path) => `/${path.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'));

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
/** A host name such as www.youtube-nocookie.com (no scheme, no path). */
const hostName = z
  .string({
    error: (issue) =>
      `expected a host name such as "www.youtube-nocookie.com", got ${describe(issue.input)}`,
  })
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: (issue) =>
      `${describe(issue.input)} is not a host name: write only the host, e.g. "www.youtube-nocookie.com", without https:// or a path`,
  });

export const siteSettingsSchema = z.strictObject({
  /** The site's name: page titles, the header, feeds. */
  title: text('the title', 80).min(1, { error: 'the title must not be empty' }).default('Briefing'),
  /** One line under the name in the header. */
  tagline: text('the tagline', 160).default(''),
  /** The home page's introduction and the default description of pages. */
  description: text('the description', 400).default(''),
  /** BCP 47 language of the site's own text (`en`, `en-GB`, `zh-Hans`). */
  language: text('the language', 35)
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
      error: (issue) =>
        `expected a language tag such as "en" or "zh-Hans", got ${describe(issue.input)}`,
    })
    .default('en'),
  /** The public address of the site (feeds, sitemap and canonical links are absolute). */
  url: webAddress.optional(),
  /** Where the site lives under its address, e.g. `/briefing/` for https://org.github.io/briefing/. */
  basePath: basePath.optional(),
  /** IANA time zone whose calendar day is the build's day (scheduled briefs), e.g. `Asia/Shanghai`. */
  timeZone: z
    .string({
      error: (issue) =>
        `expected a time zone such as "UTC" or "Asia/Shanghai", got ${describe(issue.input)}`,
    })
    .trim()
    .refine(isTimeZone, {
      error: (issue) =>
        `${describe(issue.input)} is not a time zone: use an IANA name such as "UTC", "Europe/London" or "Asia/Shanghai"`,
    })
    .default('UTC'),
  /** The content's repository on a forge (GitHub, GitLab), for links to a brief's history. */
  repository: webAddress.optional(),
  home: z
    .strictObject({ briefs: count('the number of briefs on the home page', 1).default(8) })
    .default({ briefs: 8 }),
  /** Large archives: thresholds of the short /briefs/ and /timeline/ pages. */
  archive: z
    .strictObject({
      fullListUpTo: count('the number of briefs listed in full').optional(),
      newestPerYear: count('the number of briefs per year', 1).optional(),
      pageSize: count('the number of briefs per page of a long list', 1).optional(),
    })
    .default({}),
  /**
   * Editorial rules: which brief fields and profile facts are required, recommended or
   * optional, and their lengths (src/content/rules.ts; docs/configuration.md).
   */
  rules: rulesSchema,
  /**
   * MDX bodies are code that runs at build time. Off (the default), an MDX body may only use
   * the author components and the HTML allowlist; on, it may import and run anything.
   */
  trustMdx: z
    .boolean({ error: (issue) => `expected true or false, got ${describe(issue.input)}` })
    .default(false),
  /** Hosts whose pages a body may embed as an iframe (video, charts), e.g. www.youtube-nocookie.com. */
  embeds: z
    .array(hostName, {
      error: (issue) => `expected a list of host names, got ${describe(issue.input)}`,
    })
    .default([]),
  /** A date more than this many years after today is taken for a typing error. */
  maxYearsAhead: count('the number of years a date may lie ahead', 0).default(10),
  /** Search index shards of a large archive (docs/search.md, "Large sites"). */
  search: z
    .strictObject({
      shardBriefs: count('the number of briefs per search shard', 1).optional(),
      firstTierKb: count('the kilobytes of the first search tier', 1).optional(),
      fallbackKb: count('the kilobytes of the fall-back search tier', 0).optional(),
      maxFragments: count(
        'the number of result files per search bundle (0: no limit)',
        0,
      ).optional(),
    })
    .default({}),
});

export type SiteSettings = z.output<typeof siteSettingsSchema>;

/** The settings of a content folder without a site.yaml. */
export const DEFAULT_SETTINGS: SiteSettings = siteSettingsSchema.parse({});
