/**
 * Every setting, read once: the environment over the content folder's site.yaml over the
 * defaults. Each environment variable is validated here, so a bad value stops the build
 * with a message instead of becoming NaN somewhere. docs/configuration.md has the table.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { readSettingsFile } from './content/files.ts';
import { formatProblems, type Problem } from './content/problems.ts';
import { CONTENT_DIR } from './content/registry.ts';
import { basePath, type SiteSettings, webAddress } from './content/settings.ts';
import { validateSettings } from './content/validate.ts';
import { dayIn, parseIsoDay } from './model/dates.ts';
import { LIST_PAGE_SIZE } from './model/pages.ts';
import { SHARD_BRIEFS } from './search/shared/shards.ts';

export interface Config {
  /** The project root: where commands run and paths in messages start. */
  root: string;
  /** The content folder, absolute. */
  contentDir: string;
  /** Where `npm run build` publishes the site. */
  distDir: string;
  /** Astro's caches (content store, unchanged pages) for this content folder. */
  cacheDir: string;
  /** The public address, without the base path. */
  siteUrl: string;
  /** `/` or `/briefing/`: where the site lives under its address. */
  basePath: string;
  site: SiteSettings;
  /**
   * The build's day (UTC midnight of that calendar day in the site's time zone): briefs dated
   * after it are scheduled, left out of the build.
   */
  buildDay: Date;
  /** Where the build's day came from, for messages: an environment variable or the clock. */
  buildDayFrom: 'BRIEFING_BUILD_DATE' | 'SOURCE_DATE_EPOCH' | 'clock';
  archive: { fullListUpTo: number; newestPerYear: number; pageSize: number };
  search: { shardBriefs: number; firstTierKb: number; fallbackKb: number; maxFragments: number };
}

export const DEFAULTS = {
  siteUrl: 'https://briefing.example.org',
  basePath: '/',
  fullListUpTo: 500,
  newestPerYear: 10,
  pageSize: LIST_PAGE_SIZE,
  shardBriefs: SHARD_BRIEFS,
  firstTierKb: 20,
  fallbackKb: 18,
  maxFragments: 0,
} as const;

const wholeNumber = (min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: `expected a whole number${min ? ` of at least ${min}` : ''}` })
    .transform(Number)
    .refine((n) => n >= min, { error: `expected a whole number of at least ${min}` });

const calendarDay = z
  .string()
  .trim()
  .refine((day) => parseIsoDay(day) !== undefined, {
    error: 'expected a date written as YYYY-MM-DD, e.g. 2026-03-22',
  })
  .transform((day) => parseIsoDay(day)!);

const folder = z.string().trim().min(1, { error: 'expected a folder path' });

/** The environment variables Briefing reads. An empty value counts as unset. */
const envSchema = z.object({
  SITE_URL: webAddress.optional(),
  BASE_PATH: basePath.optional(),
  BRIEFING_CONTENT_DIR: folder.optional(),
  BRIEFING_DIST: folder.optional(),
  BRIEFING_CACHE_DIR: folder.optional(),
  BRIEFING_FULL_LIST_UP_TO: wholeNumber(0).optional(),
  BRIEFING_NEWEST_PER_YEAR: wholeNumber(1).optional(),
  BRIEFING_LIST_PAGE_SIZE: wholeNumber(1).optional(),
  BRIEFING_SEARCH_SHARD_BRIEFS: wholeNumber(1).optional(),
  BRIEFING_SEARCH_FIRST_TIER_KB: wholeNumber(1).optional(),
  BRIEFING_BUILD_DATE: calendarDay.optional(),
  /** Seconds since 1970 (reproducible-build tools set it to the last commit's time). */
  SOURCE_DATE_EPOCH: wholeNumber(0).optional(),
  BRIEFING_SEARCH_FALLBACK_KB: wholeNumber(0).optional(),
  BRIEFING_SEARCH_MAX_FRAGMENTS: wholeNumber(0).optional(),
});

/** A setting that cannot be used: its messages name the variable or the file and line. */
export class ConfigError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatProblems(problems, 'setting'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function readConfig(
  env: Record<string, string | undefined> = process.env,
  root = process.cwd(),
  now = new Date(),
): Config {
  const set = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((name) => (env[name]?.trim() ? [[name, env[name]]] : [])),
  );
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return {
          file: `environment variable ${name}`,
          message: `${JSON.stringify(set[name])}: ${issue.message}`,
          hint: 'see docs/configuration.md',
        };
      }),
    );
  }
  const vars = parsed.data;
  const contentDir = resolve(root, vars.BRIEFING_CONTENT_DIR ?? CONTENT_DIR);
  const problems: Problem[] = [];
  const site = validateSettings(readSettingsFile(root, contentDir, problems), problems);
  if (problems.length) throw new ConfigError(problems);
  const buildDayFrom =
    vars.BRIEFING_BUILD_DATE !== undefined
      ? 'BRIEFING_BUILD_DATE'
      : vars.SOURCE_DATE_EPOCH !== undefined
        ? 'SOURCE_DATE_EPOCH'
        : 'clock';
  return {
    root,
    contentDir,
    distDir: resolve(root, vars.BRIEFING_DIST ?? 'dist'),
    cacheDir: resolve(root, vars.BRIEFING_CACHE_DIR ?? defaultCacheDir(root, contentDir)),
    siteUrl: (vars.SITE_URL ?? site.url ?? DEFAULTS.siteUrl).replace(/\/+$/, ''),
    basePath: vars.BASE_PATH ?? site.basePath ?? DEFAULTS.basePath,
    site,
    archive: {
      fullListUpTo:
        vars.BRIEFING_FULL_LIST_UP_TO ?? site.archive.fullListUpTo ?? DEFAULTS.fullListUpTo,
      newestPerYear:
        vars.BRIEFING_NEWEST_PER_YEAR ?? site.archive.newestPerYear ?? DEFAULTS.newestPerYear,
      pageSize: vars.BRIEFING_LIST_PAGE_SIZE ?? site.archive.pageSize ?? DEFAULTS.pageSize,
    },
    search: {
      shardBriefs:
        vars.BRIEFING_SEARCH_SHARD_BRIEFS ?? site.search.shardBriefs ?? DEFAULTS.shardBriefs,
      firstTierKb:
        vars.BRIEFING_SEARCH_FIRST_TIER_KB ?? site.search.firstTierKb ?? DEFAULTS.firstTierKb,
      fallbackKb: vars.BRIEFING_SEARCH_FALLBACK_KB ?? site.search.fallbackKb ?? DEFAULTS.fallbackKb,
      maxFragments:
        vars.BRIEFING_SEARCH_MAX_FRAGMENTS ?? site.search.maxFragments ?? DEFAULTS.maxFragments,
    },
    buildDay:
      vars.BRIEFING_BUILD_DATE ??
      dayIn(
        vars.SOURCE_DATE_EPOCH !== undefined ? new Date(vars.SOURCE_DATE_EPOCH * 1000) : now,
        site.timeZone,
      ),
    buildDayFrom,
  };
}

/**
 * Astro's caches belong to one content folder: a build of another folder (tests, the
 * benchmark) gets a cache of its own instead of overwriting the project's.
 */
function defaultCacheDir(root: string, contentDir: string): string {
  if (contentDir === resolve(root, CONTENT_DIR)) return 'node_modules/.astro';
  return `.briefing/cache/${createHash('sha1').update(contentDir).digest('hex').slice(0, 12)}`;
}

let cached: Config | undefined;

/** The configuration of this process, read on first use. */
export function getConfig(): Config {
  cached ??= readConfig();
  return cached;
}
