/**
 * The one path from content files to records: frontmatter, schemas, slugs, references,
 * wikilinks and aliases are checked, and every file that passes becomes a record. Pure: it
 * takes file texts (src/content/files.ts reads them) and returns records and problems. The
 * check, the Astro loader, the pages and the MDX wikilink resolution all go through here.
 */
import type { z } from 'astro/zod';
import type { BriefRecord, EntityRecord } from '../model/records.ts';
import { EntityIndex, splitQualifiedTarget } from '../model/resolve.ts';
import { closest } from '../model/text.ts';
import type { ContentFiles, SourceFile } from './files.ts';
import { type FrontmatterMemo, isFrontmatterError, type ParsedFile, parseFrontmatter, parseYamlFile } from './frontmatter.ts';
import { fieldPath, type Problem } from './problems.ts';
import { briefSchema, isKindId, KINDS, type KindId, KIND_IDS, RESERVED_ENTITY_SLUGS } from './registry.ts';
import { DEFAULT_SETTINGS, type SiteSettings, siteSettingsSchema } from './settings.ts';
import { isSlug, slugOfPath } from './slugs.ts';
import { type HtmlPolicy, htmlPolicy } from './html-policy.ts';
import type { MdxRules } from './mdx-rules.ts';
import { type BodyFormat, BodySyntaxError, readBody, type Wikilink } from './wikilinks.ts';

export type { ContentFiles, SourceFile } from './files.ts';

export interface UnknownRef {
  kind: KindId;
  slug: string;
}

export interface ValidationResult {
  settings: SiteSettings;
  briefs: BriefRecord[];
  entities: EntityRecord[];
  index: EntityIndex;
  problems: Problem[];
  /** What publishing will change in bodies (raw HTML and links the allowlist removes): not errors. */
  warnings: Problem[];
  /** Unknown references, by kind: what the stub command creates. */
  unknown: UnknownRef[];
}

interface Parsed<T> {
  file: SourceFile;
  parsed: ParsedFile;
  data: T;
  format: BodyFormat;
  /** The body's wikilinks with their lines, or undefined when the body does not parse. */
  links: Wikilink[];
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
  /** Where what publishing will remove from bodies is reported (not errors). */
  warnings: Problem[];
}

/** The context of a site with these settings, checked on `today`. */
export function checkContext(settings: SiteSettings, components: readonly string[] = [], today = new Date(), root = '.'): CheckContext {
  const latestDate = new Date(Date.UTC(today.getUTCFullYear() + settings.maxYearsAhead, today.getUTCMonth(), today.getUTCDate()));
  const html = htmlPolicy(settings.embeds);
  return {
    mdx: { components, policy: html, root, trusted: settings.trustMdx },
    latestDate,
    html,
    warnings: [],
  };
}

/** Parses each file's frontmatter against `schema` and its body's wikilinks; problems are pushed. */
function parseAll<T>(files: SourceFile[], schema: z.ZodType, problems: Problem[], context: CheckContext, memo?: FrontmatterMemo): Array<Parsed<T>> {
  const out: Array<Parsed<T>> = [];
  const seen = new Map<string, string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const slug = slugOfPath(file.path);
    if (!isSlug(slug)) {
      problems.push({
        file: file.path,
        message: `the file name "${slug}" is not a valid slug (it becomes the page URL)`,
        hint: 'rename the file using lowercase letters, digits and single hyphens, e.g. northern-rare-earth-party-discipline.md',
      });
    }
    const other = seen.get(slug);
    if (other) {
      problems.push({
        file: file.path,
        message: `the slug "${slug}" is already used by ${other}`,
        hint: 'slugs are file names and must be unique within a folder: rename one of the two files',
      });
      continue;
    }
    seen.set(slug, file.path);
    const parsed = parseFrontmatter(file.text, memo);
    if (isFrontmatterError(parsed)) {
      problems.push({ file: file.path, line: parsed.line, message: parsed.message });
      continue;
    }
    const format = formatOf(file.path);
    let links: Wikilink[];
    try {
      const rules = format === 'mdx' && context.mdx ? { ...context.mdx, filePath: file.path } : undefined;
      const body = readBody(parsed.body, format, { mdx: rules, html: context.html });
      links = body.links;
      for (const removed of body.removed)
        context.warnings.push({
          file: file.path,
          line: parsed.bodyStartLine + removed.line - 1,
          message: removed.message,
          hint: 'publishing removes it: see docs/authoring.md, "HTML in bodies"',
        });
      for (const issue of body.mdxIssues)
        problems.push({ file: file.path, line: parsed.bodyStartLine + issue.line - 1, message: issue.message, hint: issue.hint });
    } catch (error) {
      if (!(error instanceof BodySyntaxError)) throw error;
      problems.push({ file: file.path, line: parsed.bodyStartLine + error.line - 1, message: `the MDX body cannot be read: ${error.message}` });
      continue;
    }
    const result = schema.safeParse(parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(issueToProblem(file, parsed, issue, schema));
      continue;
    }
    for (const path of datesAfter(result.data, context.latestDate)) {
      const day = (path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], result.data) as Date).toISOString().slice(0, 10);
      problems.push({
        file: file.path,
        line: parsed.lineOf(path),
        field: fieldPath(path),
        message: `${day} is too far ahead to be a real date (the latest accepted is ${context.latestDate.toISOString().slice(0, 10)})`,
        hint: 'check the year for a typing error; site.yaml `maxYearsAhead` sets how far ahead a date may lie',
      });
    }
    out.push({ file, parsed, data: result.data as T, format, links });
  }
  return out;
}

/** Paths of every date in `data` later than `latest`. */
function datesAfter(data: unknown, latest: Date, path: PropertyKey[] = []): PropertyKey[][] {
  if (data instanceof Date) return data > latest ? [path] : [];
  if (Array.isArray(data)) return data.flatMap((item, i) => datesAfter(item, latest, [...path, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([key, value]) => datesAfter(value, latest, [...path, key]));
  return [];
}

function issueToProblem(file: SourceFile, parsed: ParsedFile, issue: z.core.$ZodIssue, schema: z.ZodType): Problem {
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
      hint: suggestion ? `did you mean "${suggestion}"?` : 'remove it, or see docs/authoring.md for the fields this kind accepts',
    };
  }
  const value = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), parsed.data);
  const missing = value === undefined && issue.code === 'invalid_type';
  return {
    file: file.path,
    line: parsed.lineOf(path),
    field: fieldPath(path),
    message: missing ? `required field is missing (${issue.message.replace(/, got nothing$/, '')})` : issue.message,
  };
}

interface SchemaDef {
  def?: { shape?: Record<string, SchemaDef>; element?: SchemaDef; innerType?: SchemaDef; in?: SchemaDef };
}

/** Field names the (strict) object schema at `path` accepts, for "did you mean". */
function schemaKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const unwrap = (node: SchemaDef | undefined): SchemaDef | undefined => {
    while (node?.def?.innerType ?? node?.def?.in) node = node.def.innerType ?? node.def.in;
    return node;
  };
  let node = unwrap(schema as SchemaDef);
  for (const part of path) {
    node = unwrap(typeof part === 'number' ? node?.def?.element : node?.def?.shape?.[part as string]);
  }
  return Object.keys(node?.def?.shape ?? {});
}

/** The site's settings file (content/site.yaml), or the defaults when there is none. */
export function validateSettings(file: SourceFile | undefined, problems: Problem[] = []): SiteSettings {
  if (!file) return DEFAULT_SETTINGS;
  const parsed = parseYamlFile(file.text);
  if (isFrontmatterError(parsed)) {
    problems.push({ file: file.path, line: parsed.line, message: parsed.message.replace('frontmatter', 'settings file') });
    return DEFAULT_SETTINGS;
  }
  const result = siteSettingsSchema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(issueToProblem(file, parsed, issue, siteSettingsSchema));
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
  memo?: FrontmatterMemo,
  context: CheckContext = checkContext(DEFAULT_SETTINGS),
): { entities: EntityRecord[]; entityFiles: EntityFile[]; problems: Problem[] } {
  const entities: EntityRecord[] = [];
  const entityFiles: EntityFile[] = [];
  for (const kind of KINDS) {
    for (const { file, parsed, data, format, links } of parseAll<Record<string, unknown>>(files[kind.id] ?? [], kind.schema, problems, context, memo)) {
      const slug = slugOfPath(file.path);
      if ((RESERVED_ENTITY_SLUGS as readonly string[]).includes(slug)) {
        problems.push({ file: file.path, message: `"${slug}" is reserved for a page of the ${kind.id} index`, hint: 'rename the file' });
        continue;
      }
      const { name, aliases, summary } = data as { name: string; aliases: string[]; summary?: string };
      const record: EntityRecord = {
        kind: kind.id,
        slug,
        name,
        aliases,
        summary,
        data,
        body: parsed.body,
        format,
        links: links.map((l) => l.target),
        filePath: file.path,
        digest: file.digest,
      };
      entities.push(record);
      entityFiles.push({ record, parsed, file, links });
    }
  }
  return { entities, entityFiles, problems };
}

export function validateContent(files: ContentFiles, memo?: FrontmatterMemo, today?: Date): ValidationResult {
  const problems: Problem[] = [...(files.problems ?? [])];
  const settings = validateSettings(files.settings, problems);
  const context = checkContext(settings, files.components, today, files.root);
  const { entities, entityFiles } = validateEntities(files.entities, problems, memo, context);

  const index = new EntityIndex(entities);
  for (const conflict of index.conflicts) {
    const owners = conflict.claimedBy;
    for (const owner of owners) {
      const others = owners.filter((o) => o !== owner).map((o) => o.filePath ?? `${o.kind}/${o.slug}`);
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
  for (const { file, parsed, data, format, links } of parseAll<z.output<typeof briefSchema>>(files.briefs, briefSchema, problems, context, memo)) {
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
          hint: (suggestions.length ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}? ` : '') + 'Or run `npm run stubs` to create a stub profile for it.',
        });
      });
    }
    checkWikilinks(file, parsed, links, index, problems, unknown);
    const { title, date, updated, summary, highlights, sources, authors, draft } = data;
    briefs.push({
      slug: slugOfPath(file.path),
      title,
      date,
      updated,
      summary,
      highlights,
      sources,
      authors,
      draft,
      refs,
      body: parsed.body,
      format,
      links: links.map((l) => l.target),
      filePath: file.path,
      digest: file.digest,
    });
  }
  for (const { file, parsed, links } of entityFiles) checkWikilinks(file, parsed, links, index, problems, unknown);

  return { settings, briefs, entities, index, problems, warnings: context.warnings, unknown: [...unknown.values()] };
}

function checkWikilinks(file: SourceFile, parsed: ParsedFile, links: Wikilink[], index: EntityIndex, problems: Problem[], unknown: Map<string, UnknownRef>): void {
  for (const link of links) {
    if (index.resolve(link.target)) continue;
    const suggestions = index.suggestNames(link.target);
    const qualified = splitQualifiedTarget(link.target);
    if (qualified && isKindId(qualified.kind)) unknown.set(link.target, { kind: qualified.kind, slug: qualified.slug });
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
