/**
 * Validates the whole content folder before anything is built: schemas, slugs,
 * references, wikilinks and aliases. Pure: it takes file texts, returns records and problems.
 */
import type { z } from 'astro/zod';
import type { BriefRecord, EntityRecord } from '../model/records.ts';
import { type FrontmatterMemo, isFrontmatterError, type ParsedFile, parseFrontmatter } from './frontmatter.ts';
import { fieldPath, type Problem } from './problems.ts';
import { briefSchema, KINDS, type KindId, KIND_IDS, RESERVED_ENTITY_SLUGS } from './registry.ts';
import { EntityIndex } from '../model/resolve.ts';
import { SLUG_PATTERN } from './schemas.ts';
import { closest } from '../model/text.ts';
import { extractWikilinks } from './wikilinks.ts';

export interface SourceFile {
  /** Path shown to the author, relative to the project root, e.g. content/briefs/2025/x.md */
  path: string;
  text: string;
}

export interface ContentFiles {
  briefs: SourceFile[];
  entities: Partial<Record<KindId, SourceFile[]>>;
}

export interface ValidationResult {
  briefs: BriefRecord[];
  entities: EntityRecord[];
  index: EntityIndex;
  problems: Problem[];
  /** Unknown references, by kind: what the stub command creates. */
  unknown: Array<{ kind: KindId; slug: string; name?: string }>;
}

export function slugOfPath(path: string): string {
  return path.split('/').pop()!.replace(/\.mdx?$/, '');
}

interface Parsed<T> {
  file: SourceFile;
  parsed: ParsedFile;
  data: T;
}

function parseAll<T>(files: SourceFile[], schema: z.ZodType, problems: Problem[], memo?: FrontmatterMemo): Array<Parsed<T>> {
  const out: Array<Parsed<T>> = [];
  const seen = new Map<string, string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const slug = slugOfPath(file.path);
    if (!SLUG_PATTERN.test(slug)) {
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
    const result = schema.safeParse(parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(issueToProblem(file, parsed, issue, schema));
      continue;
    }
    out.push({ file, parsed, data: result.data as T });
  }
  return out;
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

interface EntityFile {
  record: EntityRecord;
  parsed: ParsedFile;
  file: SourceFile;
}

/** Parses and checks every profile of every kind; the wikilink plugin uses this on its own. */
export function validateEntities(files: ContentFiles['entities'], problems: Problem[] = [], memo?: FrontmatterMemo): { entities: EntityRecord[]; entityFiles: EntityFile[]; problems: Problem[] } {
  const entities: EntityRecord[] = [];
  const entityFiles: EntityFile[] = [];
  for (const kind of KINDS) {
    for (const { file, parsed, data } of parseAll<Record<string, unknown>>(files[kind.id] ?? [], kind.schema, problems, memo)) {
      const { name, aliases, summary } = data as { name: string; aliases: string[]; summary?: string };
      if ((RESERVED_ENTITY_SLUGS as readonly string[]).includes(slugOfPath(file.path))) {
        problems.push({ file: file.path, message: `"${slugOfPath(file.path)}" is reserved for a page of the ${kind.id} index`, hint: 'rename the file' });
        continue;
      }
      const record: EntityRecord = { kind: kind.id, slug: slugOfPath(file.path), name, aliases, summary, data, body: parsed.body, filePath: file.path };
      entities.push(record);
      entityFiles.push({ record, parsed, file });
    }
  }
  return { entities, entityFiles, problems };
}

export function validateContent(files: ContentFiles, memo?: FrontmatterMemo): ValidationResult {
  const problems: Problem[] = [];
  const { entities, entityFiles } = validateEntities(files.entities, problems, memo);

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
  const unknown = new Map<string, { kind: KindId; slug: string; name?: string }>();
  for (const { file, parsed, data } of parseAll<z.output<typeof briefSchema>>(files.briefs, briefSchema, problems, memo)) {
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
    checkWikilinks(file, parsed, index, problems, unknown);
    const { title, date, updated, summary, highlights, sources, authors, draft } = data;
    briefs.push({ slug: slugOfPath(file.path), title, date, updated, summary, highlights, sources, authors, draft, refs, body: parsed.body, filePath: file.path });
  }
  for (const { file, parsed } of entityFiles) checkWikilinks(file, parsed, index, problems, unknown);

  return { briefs, entities, index, problems, unknown: [...unknown.values()] };
}

function checkWikilinks(
  file: SourceFile,
  parsed: ParsedFile,
  index: EntityIndex,
  problems: Problem[],
  unknown: Map<string, { kind: KindId; slug: string; name?: string }>,
): void {
  for (const link of extractWikilinks(parsed.body)) {
    if (index.resolve(link.target)) continue;
    const suggestions = index.suggestNames(link.target);
    const qualified = /^([a-z-]+)\/([a-z0-9-]+)$/.exec(link.target);
    if (qualified && (KIND_IDS as readonly string[]).includes(qualified[1]!)) {
      unknown.set(link.target, { kind: qualified[1] as KindId, slug: qualified[2]! });
    }
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
