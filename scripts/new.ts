/**
 * `npm run new -- brief "Title" [--date YYYY-MM-DD] [--slug my-slug] [--draft]`
 * `npm run new -- company|policy|theme|term "Name" [--slug my-slug]`
 *
 * Writes a new brief (content/briefs/<year>/<slug>.md) or profile from the template in
 * src/content/templates.ts and prints its path on stdout. No prompts, so it works in scripts;
 * it never overwrites a file and never makes an empty or a duplicate slug.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { listContentFiles, readEntityFiles } from '../src/content/files.ts';
import {
  BRIEFS_DIR,
  type EntityKind,
  KINDS,
  RESERVED_ENTITY_SLUGS,
} from '../src/content/registry.ts';
import { isSlug, slugFromTitle, slugOfPath, uniqueSlug } from '../src/content/slugs.ts';
import { briefTemplate, entityTemplate } from '../src/content/templates.ts';
import { validateEntities } from '../src/content/validate.ts';
import { EntityIndex } from '../src/model/resolve.ts';
import { isoDay, parseIsoDay, yearOf } from '../src/model/dates.ts';
import { configOrReport } from './check.ts';

const USAGE = `Usage:
  npm run new -- brief "Title of the brief" [--date YYYY-MM-DD] [--slug my-slug] [--draft]
  npm run new -- ${KINDS.map((k) => k.singular.toLowerCase()).join('|')} "Name" [--slug my-slug]`;

/** Thrown for anything the author can fix; printed as one message, exit 1 (2 for usage). */
class Refusal extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** `brief`, or an entity kind by its singular or plural name (`company`, `companies`). */
function kindOf(word: string): EntityKind | 'brief' {
  const name = word.toLowerCase();
  if (name === 'brief' || name === BRIEFS_DIR) return 'brief';
  const kind = KINDS.find((k) => k.singular.toLowerCase() === name || k.id === name);
  if (!kind) throw new Refusal(`unknown kind "${word}"\n\n${USAGE}`, 2);
  return kind;
}

async function main(): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        slug: { type: 'string' },
        draft: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2)
    throw new Refusal(`expected a kind and a title in quotes\n\n${USAGE}`, 2);
  const kind = kindOf(positionals[0]!);
  const title = positionals[1]!.trim();
  if (!title) throw new Refusal('the title is empty: write it in quotes after the kind');
  if (kind !== 'brief' && (values.date || values.draft))
    throw new Refusal('--date and --draft are for briefs; a profile has neither');

  const config = configOrReport();
  if (!config) process.exit(1);
  const folder = join(config.contentDir, kind === 'brief' ? BRIEFS_DIR : kind.id);
  if (kind !== 'brief') {
    // A name another profile already has would make [[wikilinks]] to it ambiguous.
    const entities = validateEntities(readEntityFiles(config.root, config.contentDir)).entities;
    const owner = new EntityIndex(entities).resolve(title);
    if (owner)
      throw new Refusal(
        `"${title}" is already the name or an alias of ${owner.filePath ?? `${owner.kind}/${owner.slug}`}`,
      );
  }

  // Slugs are unique within a folder, whatever sub-folder (year) a file sits in.
  const taken = new Set(listContentFiles(folder).map(slugOfPath));
  if (kind !== 'brief') for (const slug of RESERVED_ENTITY_SLUGS) taken.add(slug);
  let slug: string;
  if (values.slug !== undefined) {
    slug = values.slug;
    if (!isSlug(slug))
      throw new Refusal(
        `--slug "${slug}" is not a slug: use lowercase letters, digits and single hyphens`,
      );
    if (taken.has(slug))
      throw new Refusal(`the slug "${slug}" is already used in ${relative(config.root, folder)}/`);
  } else {
    const derived = slugFromTitle(title);
    if (!isSlug(derived))
      throw new Refusal(
        `no slug can be made from "${title}": give one with --slug, e.g. --slug my-brief`,
      );
    slug = uniqueSlug(derived, (candidate) => taken.has(candidate));
    if (slug !== derived) console.error(`The slug "${derived}" is taken: using "${slug}".`);
  }

  let path: string;
  let text: string;
  if (kind === 'brief') {
    const date = values.date === undefined ? config.buildDay : parseIsoDay(values.date);
    if (!date) throw new Refusal(`--date "${values.date}" is not a date written as YYYY-MM-DD`);
    path = join(folder, String(yearOf(date)), `${slug}.md`);
    text = briefTemplate({ title, date, draft: values.draft });
    if (values.date !== undefined && isoDay(date) > isoDay(config.buildDay))
      console.error(
        `Scheduled: the brief is published by the first build on or after ${isoDay(date)}.`,
      );
  } else {
    path = join(folder, `${slug}.md`);
    text = entityTemplate(kind, title);
  }
  mkdirSync(join(path, '..'), { recursive: true });
  try {
    // `wx`: fails if the file exists, even if it appeared since the folder was read.
    writeFileSync(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Refusal(`${relative(config.root, path)} exists already: nothing was written`);
    throw error;
  }
  return relative(config.root, path);
}

try {
  const written = await main();
  console.log(written);
  console.error('Fill in the fields marked TODO, then run `npm run check`.');
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(`✗ ${error.message}`);
  process.exit(error.exitCode);
}
