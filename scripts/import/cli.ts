/**
 * `npm run import`: bring an existing archive in.
 *
 *   npm run import -- wordpress <export.xml>… [options]  a WordPress export (Tools → Export):
 *                                                        its file, or each file of one split in parts
 *   npm run import -- markdown <folder> [options]        a Hugo, Jekyll or Eleventy site
 *
 * Options:
 *   --into DIR          the content folder to write into (default: the site's, content/)
 *   --map FILE          where categories and tags go (docs/migration.md, "The mapping file")
 *   --pages             import pages as briefs too (by default they are listed and left out)
 *   --include-private   import private and password-protected posts, as drafts
 *   --generator NAME    hugo, jekyll or eleventy, when the folder does not say
 *   --old-url URL       the old site's address, when its settings do not say
 *   --download-media    save the images and files posts show from the old site into
 *                       <content>/media/ (published at /media/) and point the posts at them
 *   --dry-run           report what would be written, and write nothing
 *
 * Posts become briefs in <content>/briefs/<year>/<slug>.md with their old addresses in
 * redirect_from, so the build redirects them and a second import updates the same files.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Document } from 'yaml';
import { SETTINGS_FILE } from '../../src/content/settings.ts';
import { configOrReport } from '../check.ts';
import { YAML_OUTPUT } from '../lib/frontmatter-edit.ts';
import { newBriefText, profileText, profileWithAddresses, updatedBriefText } from './brief-file.ts';
import { readExisting } from './existing.ts';
import { createConverter } from './html-to-markdown.ts';
import { EMPTY_MAPPING, type Mapping, parseMapping } from './mapping.ts';
import { downloadMedia, mediaAddresses, useLocalMedia } from './media.ts';
import { planImport, type ImportPlan } from './plan.ts';
import { describePost, type SourcePost } from './post.ts';
import { GENERATORS, type Generator, readStaticSite, StaticSiteError } from './static-site.ts';
import {
  archiveBase,
  type ArchiveBases,
  DEFAULT_ARCHIVE_BASES,
  exportText,
  readWxrChannel,
  WxrError,
  wxrOf,
} from './wordpress.ts';

const USAGE = `Usage:
  npm run import -- wordpress <export.xml>… [--into DIR] [--map FILE] [--pages] [--include-private] [--category-base BASE] [--tag-base BASE] [--dry-run]
  npm run import -- markdown <folder> [--into DIR] [--map FILE] [--generator hugo|jekyll|eleventy] [--old-url URL] [--pages] [--dry-run]
  either with --download-media to copy the old site's images and files
See docs/migration.md.`;

class UsageError extends Error {}

const GENERATOR_NAMES: Record<Generator, string> = {
  hugo: 'a Hugo',
  jekyll: 'a Jekyll',
  eleventy: 'an Eleventy',
};

interface Source {
  posts: SourcePost[];
  site: { title: string; description: string; url: string; language: string };
  hosts: string[];
  /** Lines about the source itself (attachments, other items). */
  notes: string[];
  /** Files that could not be read, as `file:line: why`: the import then fails. */
  unreadable?: string[];
  /** Media files in the old site's folder, by the path the old site served each at. */
  localFiles?: ReadonlyMap<string, string>;
}

/** The old site's category and tag bases, from --category-base and --tag-base, or WordPress's defaults. */
function archiveBases(options: {
  categoryBase?: string | undefined;
  tagBase?: string | undefined;
}): ArchiveBases {
  const base = (value: string | undefined, option: string, fallback: string) => {
    if (value === undefined) return fallback;
    const valid = archiveBase(value);
    if (!valid)
      throw new UsageError(
        `${option} must be the base of the old site's Permalinks settings, such as "topics", not ${JSON.stringify(value)}`,
      );
    return valid;
  };
  return {
    category: base(options.categoryBase, '--category-base', DEFAULT_ARCHIVE_BASES.category),
    tag: base(options.tagBase, '--tag-base', DEFAULT_ARCHIVE_BASES.tag),
  };
}

function readSource(
  kind: string,
  path: string | readonly string[],
  options: {
    generator?: string | undefined;
    oldUrl?: string | undefined;
    categoryBase?: string | undefined;
    tagBase?: string | undefined;
  },
): Source {
  const paths = typeof path === 'string' ? [path] : path;
  if (kind !== 'wordpress' && (options.categoryBase ?? options.tagBase) !== undefined)
    throw new UsageError(
      "--category-base and --tag-base are for a WordPress export: a Hugo site's taxonomies are read from its settings",
    );
  if (kind === 'wordpress') {
    const bases = archiveBases(options);
    // An error names the file (of several, when the export was split) and its line.
    const channels = paths.map((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new UsageError(
          `cannot read ${file}: give the path of a WordPress export file (.xml)`,
        );
      }
      try {
        return readWxrChannel(exportText(bytes));
      } catch (error) {
        if (error instanceof WxrError)
          throw new UsageError(`${file}${error.line ? `:${error.line}` : ''}: ${error.message}`);
        throw error;
      }
    });
    const wxr = wxrOf(channels, bases);
    const other = Object.entries(wxr.otherItems).map(([type, n]) => `${n} ${type}`);
    const terms = Object.entries(wxr.otherTerms).map(
      ([taxonomy, n]) => `${taxonomy} (${n} ${n === 1 ? 'post' : 'posts'})`,
    );
    return {
      posts: wxr.posts,
      site: wxr.site,
      hosts: wxr.hosts,
      notes: [
        `${wxr.attachments} attachments: referenced by their address on the old site (keep its uploads online, or copy them with --download-media)`,
        ...(other.length ? [`not imported, as they are not posts: ${other.join(', ')}`] : []),
        ...(terms.length
          ? [
              `not imported, as they are neither categories nor tags: the terms of ${terms.join(', ')}`,
            ]
          : []),
      ],
    };
  }
  if (kind === 'markdown' && paths.length !== 1)
    throw new UsageError(`give one folder to import, not ${paths.length}`);
  path = paths[0]!;
  if (kind === 'markdown') {
    if (options.generator && !(GENERATORS as readonly string[]).includes(options.generator)) {
      throw new UsageError(
        `--generator must be one of ${GENERATORS.join(', ')}, not "${options.generator}"`,
      );
    }
    try {
      const site = readStaticSite(path, options.generator as Generator | undefined, options.oldUrl);
      return {
        posts: site.posts,
        site: site.site,
        hosts: site.hosts,
        notes: [
          `read as ${GENERATOR_NAMES[site.generator]} site${options.generator ? '' : ' (say otherwise with --generator)'}`,
          ...(site.otherMarkup.length
            ? [
                `not read, as they are neither Markdown nor HTML: ${count(site.otherMarkup.length, 'file')} (${site.otherMarkup.slice(0, 5).join(', ')}${site.otherMarkup.length > 5 ? ', …' : ''}); convert the posts among them to Markdown to import them`,
              ]
            : []),
        ],
        unreadable: site.unreadable.map((u) => join(path, u)),
        localFiles: site.localFiles,
      };
    } catch (error) {
      if (error instanceof StaticSiteError) throw new UsageError(error.message);
      throw error;
    }
  }
  throw new UsageError(`unknown source "${kind}": use wordpress or markdown`);
}

/** A site.yaml for an empty content folder: the old site's name, so the first build looks like it. */
function settingsText(site: Source['site']): string {
  const data: Record<string, string> = { title: site.title.slice(0, 80) || 'Briefing' };
  if (site.description) data.description = site.description.slice(0, 400);
  if (/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(site.language)) data.language = site.language;
  const doc = new Document(data);
  doc.commentBefore = ` The site's settings (docs/configuration.md), written by npm run import from the old site.\n The editorial rules are the defaults: add a rules: section to require more.`;
  return doc.toString(YAML_OUTPUT);
}

/** The file in the old site's folder that the old site served at `address`, if any. */
function localFile(
  address: string,
  files: ReadonlyMap<string, string> | undefined,
  siteUrl: string,
): string | undefined {
  if (!files?.size) return undefined;
  let path = new URL(address).pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray "%": the path as written.
  }
  // Hugo's paths are the site's own, without the path of its address (/docs/ of …/docs/).
  const base = URL.canParse(siteUrl) ? new URL(siteUrl).pathname.replace(/\/+$/, '') : '';
  return (
    files.get(path) ??
    (base && path.startsWith(`${base}/`) ? files.get(path.slice(base.length)) : undefined)
  );
}

export interface ImportResult {
  plan: ImportPlan;
  /** Host names of the old site. */
  hosts: Set<string>;
  written: {
    created: string[];
    updated: string[];
    unchanged: string[];
    profiles: string[];
    /** Existing profiles given the old archive addresses of categories and tags. */
    profilesUpdated: string[];
    settings?: string | undefined;
  };
  notes: string[];
  /** Files of the old site that could not be read (file:line: why). */
  unreadable: string[];
  /** An old site's address of a media file → the file in the old site's folder, if it is there. */
  localFile: (address: string) => string | undefined;
}

export function runImport(
  kind: string,
  path: string | readonly string[],
  options: {
    into: string;
    map?: string | undefined;
    pages?: boolean;
    includePrivate?: boolean;
    generator?: string | undefined;
    oldUrl?: string | undefined;
    categoryBase?: string | undefined;
    tagBase?: string | undefined;
    dryRun?: boolean;
    /** Old addresses of media files → their copies in the content folder. */
    media?: ReadonlyMap<string, string> | undefined;
  },
): ImportResult {
  const source = readSource(kind, path, options);
  let mapping: Mapping = EMPTY_MAPPING;
  if (options.map) {
    let text: string;
    try {
      text = readFileSync(options.map, 'utf8');
    } catch {
      throw new UsageError(`cannot read the mapping file ${options.map}`);
    }
    const parsed = parseMapping(text, options.map);
    if (Array.isArray(parsed))
      throw new UsageError(
        `the mapping file has problems:\n${parsed.map((p) => `  ${p}`).join('\n')}`,
      );
    mapping = parsed;
  }
  const into = resolve(options.into);
  const existing = readExisting(into);
  const convert = createConverter(existing.settings.embeds);
  const plan = planImport(source.posts, existing, {
    includePages: options.pages ?? false,
    includePrivate: options.includePrivate ?? false,
    mapping,
    summaryMax: existing.settings.rules.briefs?.summary?.max ?? 400,
    embeds: existing.settings.embeds,
    links: { hosts: new Set(source.hosts), siteUrl: source.site.url || undefined },
    htmlToMarkdown: (html, resolveUrl) => convert(html, { resolveUrl }),
  });
  const written: ImportResult['written'] = {
    created: [],
    updated: [],
    unchanged: [],
    profiles: [],
    profilesUpdated: [],
  };
  const write = (file: string, text: string) => {
    if (options.dryRun) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const notes = [...source.notes];
  for (const brief of plan.briefs) {
    const file = join(into, brief.path);
    const body = useLocalMedia(brief.body, options.media ?? new Map());
    if (brief.existing) {
      const text = updatedBriefText(brief.existing.text, brief.fields, body);
      if (text === brief.existing.text) written.unchanged.push(brief.path);
      else {
        write(file, text);
        written.updated.push(brief.path);
      }
    } else {
      write(file, newBriefText(brief.fields, body));
      written.created.push(brief.path);
    }
  }
  for (const profile of plan.profiles) {
    const rel = `${profile.kind}/${profile.slug}.md`;
    if (existsSync(join(into, rel))) continue;
    write(join(into, rel), profileText(profile));
    written.profiles.push(rel);
  }
  for (const { kind, slug, path: rel, redirectFrom } of plan.profileAddresses) {
    const file = resolve(into, rel ?? `${kind}/${slug}.md`);
    const text = readFileSync(file, 'utf8');
    let edited: string;
    try {
      edited = profileWithAddresses(text, redirectFrom);
    } catch (error) {
      // Read by the validator a moment ago, so this is rare: say which file, keep going.
      notes.push(
        `${relative(into, file)}: could not add the old addresses ${redirectFrom.join(', ')} (${(error as Error).message})`,
      );
      continue;
    }
    if (edited === text) continue;
    write(file, edited);
    written.profilesUpdated.push(relative(into, file).split('\\').join('/'));
  }
  if (!existing.hasSettings && source.site.title) {
    write(join(into, SETTINGS_FILE), settingsText(source.site));
    written.settings = SETTINGS_FILE;
  }
  // A site whose rules require what imported posts lack: say so now, not at the check.
  const required = ['highlights', 'sources', 'summary'].filter(
    (field) => existing.settings.rules.briefs?.[field]?.level === 'required',
  );
  if (required.length && plan.briefs.length) {
    notes.push(
      `this site's rules (site.yaml) require ${required.join(', ')} on every brief, which imported posts may lack: \`npm run check\` lists each as an error until they are added, or make those rules "recommended" meanwhile`,
    );
  }
  return {
    plan,
    written,
    notes,
    hosts: new Set(source.hosts),
    unreadable: source.unreadable ?? [],
    localFile: (address) => localFile(address, source.localFiles, source.site.url),
  };
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** At most `limit` lines of a list, and how many more. */
function some(lines: readonly string[], limit = 15): string[] {
  const shown = lines.slice(0, limit).map((line) => `    ${line}`);
  return lines.length > limit ? [...shown, `    … and ${lines.length - limit} more`] : shown;
}

export function formatReport(
  result: ImportResult,
  into: string,
  seconds: number,
  dryRun: boolean,
): string {
  const { plan, written } = result;
  const drafts = plan.briefs.filter((b) => b.fields.draft).length;
  const lines = [
    `${dryRun ? 'Would import' : 'Imported'} ${count(plan.briefs.length, 'post')} into ${into} in ${seconds.toFixed(1)} s: ${written.created.length} new, ${written.updated.length} updated, ${written.unchanged.length} unchanged; ${count(drafts, 'draft')} (draft: true, never published).`,
  ];
  if (written.profiles.length)
    lines.push(
      `  ${count(written.profiles.length, 'new profile')} from categories and tags (${[...new Set(written.profiles.map((p) => p.split('/')[0]))].join(', ')}).`,
    );
  if (written.profilesUpdated.length)
    lines.push(
      `  ${count(written.profilesUpdated.length, 'profile')} given the old addresses of categories and tags that lead to ${written.profilesUpdated.length === 1 ? 'it' : 'them'} (redirect_from).`,
    );
  if (written.settings)
    lines.push(
      `  ${written.settings} ${dryRun ? 'would be written' : 'written'} with the old site's title.`,
    );
  for (const note of result.notes) lines.push(`  ${note}.`);
  const reasons = new Map<string, string[]>();
  for (const { post, reason } of plan.skipped)
    reasons.set(reason, [...(reasons.get(reason) ?? []), describePost(post)]);
  for (const [reason, posts] of reasons)
    lines.push('', `  Not imported, ${count(posts.length, 'item')}: ${reason}:`, ...some(posts));
  if (plan.collisions.length)
    lines.push(
      '',
      `  ${count(plan.collisions.length, 'slug collision')} (the older post keeps the slug):`,
      ...some(plan.collisions),
    );
  if (plan.warnings.length)
    lines.push(
      '',
      `  ${count(plan.warnings.length, 'thing')} to look at:`,
      ...some(plan.warnings, 30),
    );
  lines.push(
    '',
    dryRun
      ? 'Nothing was written (--dry-run).'
      : 'Next: `npm run check` (warnings list what your editorial rules recommend), `npm run suggest` (entities each brief mentions), `npm run build`.',
  );
  return lines.join('\n');
}

if (import.meta.main) {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        into: { type: 'string' },
        map: { type: 'string' },
        pages: { type: 'boolean' },
        'include-private': { type: 'boolean' },
        generator: { type: 'string' },
        'old-url': { type: 'string' },
        'category-base': { type: 'string' },
        'tag-base': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'download-media': { type: 'boolean' },
      },
    });
    // A WordPress export may come in several files (WP-CLI splits large ones).
    const [kind, ...path] = positionals;
    if (!kind || !path.length)
      throw new UsageError(
        kind
          ? `say which ${kind === 'wordpress' ? 'export file' : 'folder'} to import`
          : 'say what to import',
      );
    let into = values.into;
    if (!into) {
      const config = configOrReport();
      if (!config) process.exit(1);
      into = config.contentDir;
    }
    const started = performance.now();
    const options = {
      into,
      map: values.map,
      pages: values.pages ?? false,
      includePrivate: values['include-private'] ?? false,
      generator: values.generator,
      oldUrl: values['old-url'],
      categoryBase: values['category-base'],
      tagBase: values['tag-base'],
      dryRun: values['dry-run'] ?? false,
    };
    let media: Awaited<ReturnType<typeof downloadMedia>> | undefined;
    if (values['download-media']) {
      // Which files the posts show is known once they are converted: a first pass writes nothing.
      const preview = runImport(kind, path, { ...options, dryRun: true });
      const addresses = [
        ...new Set(preview.plan.briefs.flatMap((b) => mediaAddresses(b.body, preview.hosts))),
      ];
      media = options.dryRun
        ? { saved: new Map(), failed: [] }
        : await downloadMedia(addresses, resolve(into), 4, preview.localFile);
      if (options.dryRun) console.log(`Would download ${addresses.length} media files.`);
    }
    const result = runImport(kind, path, { ...options, media: media?.saved });
    if (media?.saved.size)
      result.notes.push(
        `${media.saved.size} media files saved into ${join(relative(process.cwd(), resolve(into)) || '.', 'media')} and the posts point at them`,
      );
    if (media?.failed.length) {
      result.notes.push(
        `${media.failed.length} media files could not be fetched and keep their old address:\n${media.failed
          .slice(0, 15)
          .map((f) => `      ${f.address} (${f.reason})`)
          .join(
            '\n',
          )}${media.failed.length > 15 ? `\n      … and ${media.failed.length - 15} more` : ''}`,
      );
    }
    console.log(
      formatReport(
        result,
        relative(process.cwd(), resolve(into)) || '.',
        (performance.now() - started) / 1000,
        values['dry-run'] ?? false,
      ),
    );
    if (result.unreadable.length) {
      // The other posts are written; the import still fails, so that no post is lost unseen.
      console.error(
        `\n✗ ${count(result.unreadable.length, 'file')} could not be read, so ${result.unreadable.length === 1 ? 'its post was' : 'their posts were'} not imported:\n${result.unreadable.map((u) => `  ${u}`).join('\n')}\nFix ${result.unreadable.length === 1 ? 'it' : 'them'} and run the same import again: it updates the files already written.`,
      );
      process.exitCode = 1;
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      console.error(`✗ ${(error as Error).message}\n\n${USAGE}`);
      process.exit(1);
    }
    throw error;
  }
}
