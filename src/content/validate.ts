/**
 * The one path from content files to records: frontmatter, schemas, slugs, references,
 * wikilinks and aliases are checked, and every file that passes becomes a record. Pure: it
 * takes file texts, or files to read one at a time (src/content/files.ts reads them), and
 * returns records and problems. The check, the Astro loader, the pages and the MDX wikilink
 * resolution all go through here.
 */
import type { z } from 'astro/zod';
import { glossaryMatcher } from '../model/glossary.ts';
import { type BriefRecord, type EntityRecord, type FromFile, refKey } from '../model/records.ts';
import { EntityIndex, splitQualifiedTarget } from '../model/resolve.ts';
import { closest, compactString, ownStrings } from '../model/text.ts';
import { isoDay } from '../model/dates.ts';
import {
  deriveStatus,
  type PolicyEvent,
  type PolicyStatus,
  policyEvents,
} from '../model/policy.ts';
import { type ContentFiles, isProblem, type SourceFile, type UnreadFile } from './files.ts';
import { firstParagraph } from './excerpt.ts';
import {
  bodyOf,
  isFrontmatterError,
  type ParsedFile,
  parseFrontmatter,
  parseYamlFile,
} from './frontmatter.ts';
import { fieldPath, type Problem } from './problems.ts';
import {
  briefSchema,
  isKindId,
  KINDS,
  type KindId,
  KIND_IDS,
  RESERVED_ENTITY_SLUGS,
} from './registry.ts';
import { checkRules, type EditorialRules } from './rules.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_FILE,
  type SiteSettings,
  siteSettingsSchema,
} from './settings.ts';
import { isSlug, slugOfPath } from './slugs.ts';
import { type HtmlPolicy, htmlPolicy } from './html-policy.ts';
import type { MdxRules } from './mdx-rules.ts';
import { type BodyFormat, BodySyntaxError, readBody, type Wikilink } from './wikilinks.ts';
import type { BriefMemo, RememberedBrief } from './memo.ts';
import { type PlaceholderLeft, placeholdersLeft } from './templates.ts';

export type { ContentFiles, SourceFile, UnreadFile } from './files.ts';

export interface UnknownRef {
  kind: KindId;
  slug: string;
}

export interface ValidationResult {
  settings: SiteSettings;
  briefs: BriefRecord[];
  entities: EntityRecord[];
  index: EntityIndex;
  /** Errors: the check and the build stop on any. */
  problems: Problem[];
  /**
   * Not errors: recommendations of the site's editorial rules a file does not follow, and what
   * publishing will change in bodies (raw HTML and links the allowlist removes).
   */
  warnings: Problem[];
  /** Unknown references, by kind: what the stub command creates. */
  unknown: UnknownRef[];
  /**
   * The briefs that still hold placeholders of `npm run new`, by file, with the fields: the
   * check refuses to publish them (drafts may keep them).
   */
  unfinished: Map<string, PlaceholderLeft[]>;
}

interface Parsed<T> {
  file: SourceFile;
  parsed: ParsedFile;
  data: T;
  format: BodyFormat;
  /** The body's wikilinks with their lines, or undefined when the body does not parse. */
  links: Wikilink[];
  /** What an earlier run found for this text (src/content/memo.ts): nothing was checked again. */
  remembered?: RememberedBrief | undefined;
  /** Checked now and no problem found: the warnings of its own checks, for the memo. */
  clean?: Problem[] | undefined;
}

const formatOf = (path: string): BodyFormat => (path.endsWith('.mdx') ? 'mdx' : 'md');

/** What checking a file needs beyond its text: the site's rules. */
export interface CheckContext {
  /** The rules for MDX bodies (with `trustMdx: true`, only that imports exist). */
  mdx?: Omit<MdxRules, 'filePath'> | undefined;
  /** The latest plausible date: later dates are taken for typing errors. */
  latestDate: Date;
  /** The HTML allowlist bodies are published through. */
  html: HtmlPolicy;
  /** The site's editorial rules: which fields are required, recommended or optional. */
  rules: EditorialRules;
  /** Where recommendations not followed and what publishing will remove from bodies go. */
  warnings: Problem[];
}

/** The context of a site with these settings, checked on `today`. */
export function checkContext(
  settings: SiteSettings,
  components: readonly string[] = [],
  today = new Date(),
  root = '.',
): CheckContext {
  const latestDate = new Date(
    Date.UTC(
      today.getUTCFullYear() + settings.maxYearsAhead,
      today.getUTCMonth(),
      today.getUTCDate(),
    ),
  );
  const html = htmlPolicy(settings.embeds);
  return {
    mdx: { components, policy: html, root, trusted: settings.trustMdx },
    latestDate,
    html,
    rules: settings.rules,
    warnings: [],
  };
}

/** How one collection is checked: its schema, and its section of the site's editorial rules. */
interface Checks {
  schema: z.ZodType;
  /** `briefs` or a kind id: the section of `rules` that applies. */
  section: string;
  problems: Problem[];
  context: CheckContext;
  /** Briefs checked in an earlier run (src/content/memo.ts). */
  memo?: BriefMemo | undefined;
}

/**
 * Parses each file's frontmatter against the schema and the editorial rules, and its body's
 * wikilinks, in path order. One file at a time, as the caller asks: a parsed YAML document is
 * large, and holding 100,000 of them at once took 0.8 GB more. Each slug is claimed once, by the
 * first readable file: a file whose name is not a valid slug is a problem (and still checked), a
 * second file with the same slug is left out.
 */
function* parseAll<T>(
  files: ReadonlyArray<SourceFile | UnreadFile>,
  checks: Checks,
): Generator<Parsed<T>> {
  const { problems } = checks;
  const claimedBy = new Map<string, string>();
  for (const found of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    // Read before claiming: a file that is not text must not take its slug from a good one.
    const file = 'read' in found ? found.read() : found;
    if (isProblem(file)) {
      problems.push(file);
      continue;
    }
    const slug = slugOfPath(file.path);
    if (!isSlug(slug)) {
      problems.push({
        file: file.path,
        message: `the file name "${slug}" is not a valid slug (it becomes the page URL)`,
        hint: 'rename the file using lowercase letters, digits and single hyphens, e.g. northern-rare-earth-party-discipline.md',
      });
    }
    const other = claimedBy.get(slug);
    if (other) {
      problems.push({
        file: file.path,
        message: `the slug "${slug}" is already used by ${other}`,
        hint: 'slugs are file names and must be unique within a folder: rename one of the two files',
      });
      continue;
    }
    claimedBy.set(slug, file.path);
    const remembered = checks.memo?.take(file.path, file.digest);
    if (remembered) {
      checks.context.warnings.push(...remembered.warnings);
      const { data, format, links } = remembered;
      yield {
        file,
        parsed: parsedWhenAsked(file, remembered.bodyStartLine),
        data: data as T,
        format,
        links,
        remembered,
      };
      continue;
    }
    const before = { problems: problems.length, warnings: checks.context.warnings.length };
    const parsed = parseOne<T>(file, checks);
    const clean =
      problems.length === before.problems
        ? checks.context.warnings.slice(before.warnings)
        : undefined;
    if (parsed) yield { ...parsed, clean };
  }
}

/**
 * A remembered file's frontmatter, parsed only if a problem must name a line in it (an unknown
 * reference, say): its body alone is cut out of the text when asked.
 */
function parsedWhenAsked(file: SourceFile, bodyStartLine: number): ParsedFile {
  // A file read by another thread reads its text again when asked (files.ts `readElsewhere`).
  let text: string | undefined;
  const source = () => (text ??= file.text);
  let full: ParsedFile | undefined;
  const parse = () => (full ??= parseFrontmatter(source()) as ParsedFile);
  return {
    get data() {
      return parse().data;
    },
    get body() {
      return bodyOf(source());
    },
    bodyStartLine,
    lineOf: (path) => parse().lineOf(path),
    lineOfKey: (parent, key) => parse().lineOfKey(parent, key),
  };
}

/**
 * What a record keeps of its file (FromFile), added to `record`. For a file that can be read
 * again, the body is a getter that reads it (src/content/load.ts says why): in V8 a substring
 * keeps its whole source text alive, so holding the parsed body would hold the file's text.
 */
function withFile<R extends object>(
  record: R,
  { file, parsed, format, links }: Parsed<unknown>,
): R & FromFile {
  const { reread } = file;
  const body: PropertyDescriptor = reread
    ? { enumerable: true, get: () => bodyOf(reread()) }
    : { enumerable: true, writable: true, configurable: true, value: parsed.body };
  return Object.defineProperties(record, {
    body,
    ...Object.getOwnPropertyDescriptors({
      format,
      links: ownStrings(links.map((l) => l.target)),
      filePath: file.path,
      digest: file.digest,
    }),
  }) as R & FromFile;
}

/**
 * One file's own checks (what needs no other file): problems are pushed, and warnings into the
 * context. Undefined when the file cannot become a record.
 */
function parseOne<T>(
  file: SourceFile,
  { schema, section, problems, context }: Checks,
): Parsed<T> | undefined {
  const parsed = parseFrontmatter(file.text);
  if (isFrontmatterError(parsed)) {
    problems.push({ file: file.path, line: parsed.line, message: parsed.message });
    return undefined;
  }
  const format = formatOf(file.path);
  let links: Wikilink[];
  try {
    const rules =
      format === 'mdx' && context.mdx ? { ...context.mdx, filePath: file.path } : undefined;
    const body = readBody(parsed.body, format, { mdx: rules, html: context.html });
    links = body.links;
    for (const removed of body.removed)
      context.warnings.push({
        file: file.path,
        line: parsed.bodyStartLine + removed.line - 1,
        message: removed.message,
        group: 'bodies: HTML or addresses that will not be published as written',
        hint: 'publishing removes it: see docs/authoring.md, "HTML in bodies"',
      });
    for (const issue of body.mdxIssues)
      problems.push({
        file: file.path,
        line: parsed.bodyStartLine + issue.line - 1,
        message: issue.message,
        hint: issue.hint,
      });
  } catch (error) {
    if (!(error instanceof BodySyntaxError)) throw error;
    problems.push({
      file: file.path,
      line: parsed.bodyStartLine + error.line - 1,
      message: `the MDX body cannot be read: ${error.message}`,
    });
    return undefined;
  }
  // The rules are checked whether or not the schema passes, so every problem shows at once.
  // A policy's status may be derived from its dated events (checkPolicyEvents).
  const derivable =
    section === 'policies' && Array.isArray(parsed.data.events) && parsed.data.events.length > 0;
  const ruled = derivable ? { status: 'derived from events', ...parsed.data } : parsed.data;
  for (const finding of checkRules(ruled, section, context.rules)) {
    (finding.severity === 'error' ? problems : context.warnings).push({
      file: file.path,
      line: parsed.lineOf(finding.path),
      field: fieldPath(finding.path),
      message: finding.message,
      hint: finding.hint.replace('site.yaml', SETTINGS_FILE),
      severity: finding.severity,
      group: finding.group,
    });
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push(issueToProblem(file, parsed, issue, schema));
    return undefined;
  }
  for (const path of datesAfter(result.data, context.latestDate)) {
    const day = (
      path.reduce<unknown>(
        (node, key) => (node as Record<PropertyKey, unknown>)[key],
        result.data,
      ) as Date
    )
      .toISOString()
      .slice(0, 10);
    problems.push({
      file: file.path,
      line: parsed.lineOf(path),
      field: fieldPath(path),
      message: `${day} is too far ahead to be a real date (the latest accepted is ${context.latestDate.toISOString().slice(0, 10)})`,
      hint: 'check the year for a typing error; site.yaml `maxYearsAhead` sets how far ahead a date may lie',
    });
  }
  return { file, parsed, data: result.data as T, format, links };
}

/** Paths of every date in `data` later than `latest`. */
function datesAfter(data: unknown, latest: Date, path: PropertyKey[] = []): PropertyKey[][] {
  if (data instanceof Date) return data > latest ? [path] : [];
  if (Array.isArray(data)) return data.flatMap((item, i) => datesAfter(item, latest, [...path, i]));
  if (data && typeof data === 'object')
    return Object.entries(data).flatMap(([key, value]) =>
      datesAfter(value, latest, [...path, key]),
    );
  return [];
}

function issueToProblem(
  file: SourceFile,
  parsed: ParsedFile,
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
): Problem {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const known = schemaKeys(schema, path);
    const suggestion = keys.map((key) => closest(key, known, 1)[0]).find(Boolean);
    return {
      file: file.path,
      line: parsed.lineOfKey(path, keys[0]!),
      field: fieldPath([...path, keys[0]!]),
      message: `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
      hint: suggestion
        ? `did you mean "${suggestion}"?`
        : 'remove it, or see docs/authoring.md for the fields this kind accepts',
    };
  }
  // A misspelt name is found at its key, not at its value.
  if (
    issue.code === 'custom' &&
    (issue.params as { atKey?: boolean } | undefined)?.atKey &&
    path.length
  ) {
    return {
      file: file.path,
      line: parsed.lineOfKey(path.slice(0, -1), String(path.at(-1))),
      field: fieldPath(path),
      message: issue.message,
    };
  }
  const value = path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    parsed.data,
  );
  const missing = value === undefined && issue.code === 'invalid_type';
  return {
    file: file.path,
    line: parsed.lineOf(path),
    field: fieldPath(path),
    message: missing
      ? `required field is missing (${issue.message.replace(/, got nothing$/, '')})`
      : issue.message,
  };
}

interface SchemaDef {
  def?: {
    shape?: Record<string, SchemaDef>;
    element?: SchemaDef;
    innerType?: SchemaDef;
    in?: SchemaDef;
  };
}

/** Field names the (strict) object schema at `path` accepts, for "did you mean". */
function schemaKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const unwrap = (node: SchemaDef | undefined): SchemaDef | undefined => {
    while (node?.def?.innerType ?? node?.def?.in) node = node.def.innerType ?? node.def.in;
    return node;
  };
  let node = unwrap(schema as SchemaDef);
  for (const part of path) {
    node = unwrap(
      typeof part === 'number' ? node?.def?.element : node?.def?.shape?.[part as string],
    );
  }
  return Object.keys(node?.def?.shape ?? {});
}

/** The site's settings file (content/site.yaml), or the defaults when there is none. */
export function validateSettings(
  file: SourceFile | undefined,
  problems: Problem[] = [],
): SiteSettings {
  if (!file) return DEFAULT_SETTINGS;
  const parsed = parseYamlFile(file.text);
  if (isFrontmatterError(parsed)) {
    problems.push({
      file: file.path,
      line: parsed.line,
      message: parsed.message.replace('frontmatter', 'settings file'),
    });
    return DEFAULT_SETTINGS;
  }
  const result = siteSettingsSchema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    problems.push(issueToProblem(file, parsed, issue, siteSettingsSchema));
  return DEFAULT_SETTINGS;
}

interface EntityFile {
  record: EntityRecord;
  parsed: ParsedFile;
  file: SourceFile;
  links: Wikilink[];
}

/** Parses and checks every profile of every kind; resolving wikilinks in MDX needs only this. */
export function validateEntities(
  files: ContentFiles['entities'],
  problems: Problem[] = [],
  context: CheckContext = checkContext(DEFAULT_SETTINGS),
): { entities: EntityRecord[]; entityFiles: EntityFile[]; problems: Problem[] } {
  const entities: EntityRecord[] = [];
  const entityFiles: EntityFile[] = [];
  for (const kind of KINDS) {
    const checks = {
      schema: kind.schema,
      section: kind.id,
      problems,
      context,
    };
    for (const found of parseAll<Record<string, unknown>>(files[kind.id] ?? [], checks)) {
      const { file, parsed, data, links } = found;
      const slug = slugOfPath(file.path);
      if ((RESERVED_ENTITY_SLUGS as readonly string[]).includes(slug)) {
        problems.push({
          file: file.path,
          message: `"${slug}" is reserved for a page of the ${kind.id} index`,
          hint: 'rename the file',
        });
        continue;
      }
      const { name, aliases, summary, redirect_from } = data as {
        name: string;
        aliases: string[];
        summary?: string;
        redirect_from: string[];
      };
      const record: EntityRecord = withFile(
        { kind: kind.id, slug, name, aliases, summary, redirectFrom: redirect_from, data },
        found,
      );
      entities.push(record);
      entityFiles.push({ record, parsed, file, links });
    }
  }
  return { entities, entityFiles, problems };
}

/** What checking briefs needs from the rest of the folder: the settings and the entities. */
interface Prepared {
  problems: Problem[];
  settings: SiteSettings;
  context: CheckContext;
  entities: EntityRecord[];
  entityFiles: EntityFile[];
  index: EntityIndex;
  /** Finds the glossary terms a body uses. */
  glossary: ReturnType<typeof glossaryMatcher>;
}

/** Checks the settings and the profiles, and builds what resolving names in briefs needs. */
function prepare(files: Omit<ContentFiles, 'briefs'>, today: Date): Prepared {
  const problems: Problem[] = [...(files.problems ?? [])];
  const settings = validateSettings(files.settings, problems);
  const context = checkContext(settings, files.components, today, files.root);
  const { entities, entityFiles } = validateEntities(files.entities, problems, context);
  const index = new EntityIndex(entities);
  // The terms a body uses are found while it is in hand: the bodies are not held.
  const glossary = glossaryMatcher(index);
  return { problems, settings, context, entities, entityFiles, index, glossary };
}

/**
 * A brief's summary and glossary terms, as remembered or found now; what its own checks found
 * goes into the memo when they passed (or when its terms changed with the glossary).
 */
function ownFindings(
  found: Parsed<z.output<typeof briefSchema>>,
  { context, glossary }: Prepared,
  memo: BriefMemo | undefined,
): { summary: string; terms: string[]; placeholders: PlaceholderLeft[] } {
  const { file, parsed, data, format, links, remembered } = found;
  // A brief without a summary is summed up by its first paragraph.
  const summary =
    remembered?.summary ??
    data.summary ??
    compactString(firstParagraph(parsed.body, format, context.rules.briefs?.summary?.max ?? 400));
  const terms =
    remembered && memo?.termsCurrent(file.path)
      ? remembered.glossary
      : glossary.termsIn(parsed.body).map((term) => refKey(term.entity));
  const placeholders = remembered
    ? (remembered.placeholders ?? [])
    : placeholdersLeft({ ...data, summary, body: parsed.body });
  if (memo && (found.clean || (remembered && terms !== remembered.glossary))) {
    const { bodyStartLine } = parsed;
    const warnings = found.clean ?? remembered!.warnings;
    memo.keep(file.path, {
      ...{ digest: file.digest!, data, format, links, bodyStartLine, warnings, glossary: terms },
      // The frontmatter's summary is in `data` already.
      ...(summary !== data.summary ? { summary } : {}),
      ...(placeholders.length ? { placeholders } : {}),
    });
  }
  return { summary, terms, placeholders };
}

/**
 * Checks briefs on their own only (what the memo remembers of each), for threads to fill a memo
 * with, each with its own share of the briefs (src/content/parallel.ts): the checks across
 * files, and every problem, are left to validateContent, which then takes these from the memo.
 * The settings and profiles are checked once; the function returned takes briefs a batch at a
 * time.
 */
export function ownChecks(
  files: Omit<ContentFiles, 'briefs'>,
  today: Date = utcToday(),
): (briefs: ReadonlyArray<SourceFile | UnreadFile>, memo: BriefMemo) => void {
  const prepared = prepare(files, today);
  const signature = prepared.glossary.signature();
  return (briefs, memo) => {
    memo.glossary = signature;
    // Problems are found again by validateContent; warnings are kept only for the memo.
    const checks = { ...BRIEF_CHECKS, problems: [], context: prepared.context, memo };
    prepared.context.warnings.length = 0;
    for (const found of parseAll<z.output<typeof briefSchema>>(briefs, checks))
      ownFindings(found, prepared, memo);
  };
}

const BRIEF_CHECKS = { schema: briefSchema, section: 'briefs' };

/**
 * `today`: the build's day (src/config.ts `buildDay`): a policy's status is derived from its
 * events up to that day.
 */
export function validateContent(
  files: ContentFiles,
  today: Date = utcToday(),
  memo?: BriefMemo,
): ValidationResult {
  const prepared = prepare(files, today);
  const { problems, settings, context, entities, entityFiles, index, glossary } = prepared;
  for (const conflict of index.conflicts) {
    const owners = conflict.claimedBy;
    for (const owner of owners) {
      const others = owners
        .filter((o) => o !== owner)
        .map((o) => o.filePath ?? `${o.kind}/${o.slug}`);
      problems.push({
        file: owner.filePath ?? `${owner.kind}/${owner.slug}`,
        field: 'aliases',
        message: `the name or alias "${conflict.name}" is also claimed by ${others.join(', ')}`,
        hint: 'a name or alias must point to one entity, or [[wikilinks]] to it would be ambiguous: keep it on one profile only',
      });
    }
  }

  const briefs: BriefRecord[] = [];
  const unknown = new Map<string, UnknownRef>();
  const unfinished = new Map<string, PlaceholderLeft[]>();
  // Old addresses → the file that claims it: profiles' first, then briefs'.
  const redirects = new Map<string, string>();
  for (const { record, parsed, file } of entityFiles)
    claimOldAddresses(record.redirectFrom ?? [], file.path, parsed, redirects, problems);
  const checks = { ...BRIEF_CHECKS, problems, context, memo };
  if (memo) memo.glossary = glossary.signature();
  for (const found of parseAll<z.output<typeof briefSchema>>(files.briefs, checks)) {
    const { file, parsed, data, links } = found;
    const refs: Partial<Record<KindId, string[]>> = {};
    for (const kind of KIND_IDS) {
      const slugs = (data as Record<string, unknown>)[kind] as string[];
      refs[kind] = [...new Set(slugs)];
      slugs.forEach((slug, position) => {
        if (index.get({ kind, slug })) return;
        unknown.set(`${kind}/${slug}`, { kind, slug });
        const suggestions = index.suggestSlugs(kind, slug);
        problems.push({
          file: file.path,
          line: parsed.lineOf([kind, position]),
          field: `${kind}[${position}]`,
          message: `unknown ${kind} slug "${slug}": there is no content/${kind}/${slug}.md`,
          hint:
            (suggestions.length
              ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}? `
              : '') + 'Or run `npm run stubs` to create a stub profile for it.',
        });
      });
    }
    checkWikilinks(file, parsed, links, index, problems, unknown);
    const slug = slugOfPath(file.path);
    claimOldAddresses(data.redirect_from, file.path, parsed, redirects, problems);
    const { title, date, updated, highlights, sources, authors, corrections, updates, draft } =
      data;
    const { summary, terms, placeholders } = ownFindings(found, prepared, memo);
    if (placeholders.length) unfinished.set(file.path, placeholders);
    corrections.concat(updates).forEach((revision) => {
      if (revision.date >= date) return;
      const kind = corrections.includes(revision) ? 'corrections' : 'updates';
      const i = (kind === 'corrections' ? corrections : updates).indexOf(revision);
      problems.push({
        file: file.path,
        line: parsed.lineOf([kind, i, 'date']),
        field: `${kind}[${i}].date`,
        message: `a correction or update cannot be dated before the brief (${isoDay(date)})`,
        hint: 'give the day the brief was corrected or updated',
      });
    });
    briefs.push(
      withFile(
        {
          slug,
          title,
          date,
          updated,
          summary,
          summaryFromBody: data.summary === undefined,
          highlights,
          sources,
          authors,
          corrections,
          updates,
          draft,
          redirectFrom: data.redirect_from,
          refs,
          glossary: terms,
        },
        found,
      ),
    );
  }
  for (const { file, parsed, links } of entityFiles)
    checkWikilinks(file, parsed, links, index, problems, unknown);
  checkPolicyEvents(entityFiles, new Map(briefs.map((b) => [b.slug, b])), today, problems);

  checkRedirectTargets(redirects, briefs, entities, problems);
  return {
    settings,
    briefs,
    entities,
    index,
    problems,
    warnings: context.warnings,
    unknown: [...unknown.values()],
    unfinished,
  };
}

/**
 * Each old address of a brief or profile (`redirect_from`) leads to one page: one claimed by
 * an earlier file is reported on this one, with its line.
 */
function claimOldAddresses(
  addresses: readonly string[],
  path: string,
  parsed: ParsedFile,
  claimed: Map<string, string>,
  problems: Problem[],
): void {
  addresses.forEach((from, position) => {
    const other = claimed.get(from);
    if (other === undefined) claimed.set(from, path);
    else if (other !== path) {
      problems.push({
        file: path,
        line: parsed.lineOf(['redirect_from', position]),
        field: `redirect_from[${position}]`,
        message: `the old address "${from}" already redirects to ${other}`,
        hint: 'an old address can lead to one page only: remove it from one of the two',
      });
    }
  });
}

/**
 * An old address that is a page of this site cannot redirect (the build finds any other clash
 * with a built file). A renamed brief's old address is free, so it may redirect.
 */
function checkRedirectTargets(
  redirects: Map<string, string>,
  briefs: BriefRecord[],
  entities: EntityRecord[],
  problems: Problem[],
): void {
  const pages = new Set([
    '/briefs',
    ...KIND_IDS.map((kind) => `/${kind}`),
    ...briefs.map((b) => `/briefs/${b.slug}`),
    ...entities.map((e) => `/${e.kind}/${e.slug}`),
  ]);
  for (const [from, file] of redirects) {
    const path = from
      .split('?')[0]!
      .replace(/\/+$/, '')
      .replace(/\/index\.html$/, '');
    if (!pages.has(path)) continue;
    problems.push({
      file,
      field: 'redirect_from',
      message: `the old address "${from}" is a page of this site, so it cannot redirect`,
      hint: 'remove it from redirect_from',
    });
  }
}

/**
 * A policy's events: each cited brief exists, and the status follows from the events. The
 * derived status is written into the record, so every page and export shows the same one.
 */
function checkPolicyEvents(
  entityFiles: EntityFile[],
  briefs: Map<string, BriefRecord>,
  today: Date,
  problems: Problem[],
): void {
  for (const { record, parsed, file } of entityFiles) {
    if (record.kind !== 'policies') continue;
    const events = (record.data.events as PolicyEvent[] | undefined) ?? [];
    events.forEach((event, i) => {
      if (event.brief === undefined || briefs.has(event.brief)) return;
      const suggestions = closest(event.brief, [...briefs.keys()]);
      problems.push({
        file: file.path,
        line: parsed.lineOf(['events', i, 'brief']),
        field: `events[${i}].brief`,
        message: `unknown brief slug "${event.brief}": no brief has that file name`,
        hint: suggestions.length
          ? `did you mean ${suggestions.map((x) => `"${x}"`).join(' or ')}?`
          : 'cite a brief by its file name without .md, or give url instead',
      });
    });
    const written = record.data.status as PolicyStatus | undefined;
    const derived = deriveStatus(policyEvents(record), today);
    if (!derived) {
      // Without events, whether a status is needed is the site's editorial rule (checkRules).
      if (written === undefined && events.length)
        problems.push({
          file: file.path,
          line: parsed.lineOf(['status']),
          field: 'status',
          message: `none of the events up to ${isoDay(today)} sets a status`,
          hint: 'add an event such as "type: announced" or "type: effective", or write status (proposed, adopted, in-force, suspended, repealed or expired)',
        });
      continue;
    }
    if (written !== undefined && written !== derived.status) {
      problems.push({
        file: file.path,
        line: parsed.lineOf(['status']),
        field: 'status',
        message: `status says "${written}", but the events say "${derived.status}" (${derived.event.type} on ${isoDay(derived.event.date)})`,
        hint: 'remove status (the tracker derives it from the events) or add the event that changed it',
      });
    }
    record.data = { ...record.data, status: derived.status };
  }
}

function checkWikilinks(
  file: SourceFile,
  parsed: ParsedFile,
  links: Wikilink[],
  index: EntityIndex,
  problems: Problem[],
  unknown: Map<string, UnknownRef>,
): void {
  for (const link of links) {
    if (index.resolve(link.target)) continue;
    const suggestions = index.suggestNames(link.target);
    const qualified = splitQualifiedTarget(link.target);
    if (qualified && isKindId(qualified.kind))
      unknown.set(link.target, { kind: qualified.kind, slug: qualified.slug });
    problems.push({
      file: file.path,
      line: parsed.bodyStartLine + link.line - 1,
      field: `wikilink [[${link.target}]]`,
      message: `"${link.target}" is not the name, alias or kind/slug of any entity`,
      hint: suggestions.length
        ? `did you mean ${suggestions.map((s) => `[[${s}]]`).join(' or ')}?`
        : 'add it as an alias to an existing profile, or link with [[kind/slug]] and run `npm run stubs`',
    });
  }
}

function utcToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
