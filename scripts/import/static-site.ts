/**
 * Hugo, Jekyll and Eleventy sites read into posts: every Markdown (or HTML) file with a date
 * is a post; its frontmatter (YAML, TOML or JSON) is mapped to ours; its old address is
 * worked out the way its generator makes it (Jekyll's and Hugo's permalink settings, an
 * explicit `url`/`permalink`, Eleventy's folders); Hugo shortcodes and Liquid tags are
 * converted where they map, and kept visible and reported where they do not.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { slugFromTitle } from '../../src/content/slugs.ts';
import {
  dataFilesOf,
  ELEVENTY_CONFIGS,
  eleventyInputDir,
  fillPermalink,
  mergeData,
} from './eleventy-config.ts';
import { mediaType } from '../../src/content/media.ts';
import { hugoArchives, jekyllArchives, noArchives } from './archives.ts';
import { type PostStatus, type SourcePost, type Term } from './post.ts';
import { expandHugoShortcodes, expandLiquidTags, type Shortcode } from './shortcodes.ts';
import { cleanText, dayOf, plainLine } from './wordpress.ts';

export const GENERATORS = ['hugo', 'jekyll', 'eleventy'] as const;
export type Generator = (typeof GENERATORS)[number];

export interface StaticSite {
  generator: Generator;
  site: { title: string; description: string; url: string; language: string };
  posts: SourcePost[];
  hosts: string[];
  /** Files that could not be read, with why. */
  unreadable: string[];
  /** Media files in the old site's folder, by the path the old site served each at. */
  localFiles: Map<string, string>;
  /** Files in a markup the importer does not read (AsciiDoc, Textile, Nunjucks…), from the site's folder. */
  otherMarkup: string[];
}

const EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.html', '.htm']);
const SKIP_DIRS = new Set([
  'node_modules',
  '_site',
  '_includes',
  '_layouts',
  '_data',
  '_sass',
  'public',
  'resources',
  'layouts',
  'themes',
  'static',
  'assets',
  'archetypes',
  'i18n',
  'data',
  '.git',
]);

export class StaticSiteError extends Error {}

function readConfig(folder: string, names: string[]): Record<string, unknown> {
  for (const name of names) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    try {
      if (name.endsWith('.toml')) return parseToml(text) as Record<string, unknown>;
      if (name.endsWith('.json')) return JSON.parse(text) as Record<string, unknown>;
      return (parseYaml(text) as Record<string, unknown> | null) ?? {};
    } catch (error) {
      throw new StaticSiteError(
        `${path}: the settings cannot be read: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  return {};
}

/** Eleventy's input folder, from its configuration: its addresses are paths from there. */
function eleventyRoot(folder: string): string {
  const config = ELEVENTY_CONFIGS.map((name) => join(folder, name)).find((path) =>
    existsSync(path),
  );
  const input = config ? eleventyInputDir(readFileSync(config, 'utf8')) : undefined;
  if (!input) return folder;
  if (!existsSync(join(folder, input)))
    throw new StaticSiteError(
      `${config}: the input folder "${input}" it names is not in ${folder}`,
    );
  return join(folder, input);
}

const HUGO_CONFIGS = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];
const JEKYLL_CONFIGS = ['_config.yml', '_config.yaml'];

export function detectGenerator(folder: string): Generator {
  const has = (name: string) => existsSync(join(folder, name));
  if (JEKYLL_CONFIGS.some(has) || has('_posts')) return 'jekyll';
  if (HUGO_CONFIGS.some(has)) return 'hugo';
  // Before Hugo's folders: Eleventy's own starter keeps its templates in content/.
  if (ELEVENTY_CONFIGS.some(has)) return 'eleventy';
  if (has('archetypes') || has('content')) return 'hugo';
  return 'eleventy';
}

function listFiles(
  dir: string,
  keep = (name: string) => EXTENSIONS.has(extname(name).toLowerCase()),
  skip = SKIP_DIRS,
): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (skip.has(name) || (name.startsWith('.') && name !== '.')) return [];
      return listFiles(path, keep, skip);
    }
    return keep(name) ? [path] : [];
  });
}

const isMedia = (name: string) => mediaType(name) !== undefined;

/** Markup other generators read that the importer does not: listed, not left out unseen. */
const OTHER_MARKUP =
  /\.(?:adoc|asciidoc|ad|org|rst|pandoc|pdc|textile|njk|liquid|11ty\.c?js|11tydata\.[cm]?js|hbs|mustache|ejs|haml|pug|mdx)$/i;

/**
 * The images and files the old site served from its folder, by their path there, so that
 * `--download-media` copies them instead of fetching them (the old site may be gone): Hugo's
 * static folder and its page bundles' files, and the media files of a Jekyll or Eleventy site.
 */
function localMedia(
  generator: Generator,
  folder: string,
  contentRoot: string,
  config: Record<string, unknown>,
  baseurl: string,
  bundles: ReadonlyArray<{ dir: string; oldUrl: string }>,
): Map<string, string> {
  const files = new Map<string, string>();
  const add = (root: string, prefix: string, skip = SKIP_DIRS) => {
    if (!existsSync(root)) return;
    for (const file of listFiles(root, isMedia, skip))
      files.set(`${prefix}/${relative(root, file).split(sep).join('/')}`, file);
  };
  if (generator === 'hugo') {
    add(join(folder, str(config.staticDir) || 'static'), '', new Set());
    for (const bundle of bundles) add(bundle.dir, bundle.oldUrl.replace(/\/$/, ''));
  } else {
    // Jekyll copies every file outside its _folders; Eleventy the ones it is told to.
    const skip = new Set([...SKIP_DIRS].filter((name) => name !== 'assets' && name !== 'static'));
    add(contentRoot, baseurl, skip);
  }
  return files;
}

/** Frontmatter that cannot be parsed; `line` is the file's line, when the parser says. */
export class FrontmatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Runs a frontmatter parser; an error names the file's line (the frontmatter starts on line 2). */
function parseFrontmatterText(parse: () => unknown): Record<string, unknown> | null | undefined {
  let data: unknown;
  try {
    data = parse();
  } catch (error) {
    const { message, line, linePos } = error as Error & {
      line?: number;
      linePos?: Array<{ line: number }>;
    };
    const at = linePos?.[0]?.line ?? line;
    throw new FrontmatterError(
      message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      typeof at === 'number' ? at + 1 : undefined,
    );
  }
  // `- a` or a line of text between the markers: not fields, though it parses.
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data)))
    throw new FrontmatterError('it is not a list of fields such as "title: …"', 2);
  return data as Record<string, unknown> | null | undefined;
}

/** Frontmatter in YAML (`---`), TOML (`+++`) or JSON (`{`), and the body after it. */
export function splitAnyFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const yaml = /^---[ \t]*\n([\s\S]*?)\n?^(?:---|\.\.\.)[ \t]*(?:\n|$)/m.exec(clean);
  if (yaml && yaml.index === 0)
    return {
      data: parseFrontmatterText(() => parseYaml(yaml[1]!)) ?? {},
      body: clean.slice(yaml[0].length),
    };
  const toml = /^\+\+\+[ \t]*\n([\s\S]*?)\n?^\+\+\+[ \t]*(?:\n|$)/m.exec(clean);
  if (toml && toml.index === 0)
    return {
      data: parseFrontmatterText(() => parseToml(toml[1]!)) ?? {},
      body: clean.slice(toml[0].length),
    };
  // An opening line without its closing one: the whole file would be taken for the body.
  const opening = /^(---|\+\+\+)[ \t]*\n/.exec(clean);
  if (opening)
    throw new FrontmatterError(
      `the frontmatter opened by "${opening[1]}" on line 1 has no closing "${opening[1]}" line`,
      1,
    );
  if (/^\{\s*"/.test(clean)) {
    // Hugo's JSON frontmatter: a JSON object, then the body. It ends at a "}" that ends a line
    // (or the file); the first such "}" on a line of its own is where an error is reported.
    let first: Error | undefined;
    let own: Error | undefined;
    for (const m of clean.matchAll(/\}[ \t]*(?:\n|$)/g)) {
      try {
        return {
          data: JSON.parse(clean.slice(0, m.index + 1)) as Record<string, unknown>,
          body: clean.slice(m.index + m[0].length),
        };
      } catch (e) {
        first ??= e as Error;
        if (clean[m.index - 1] === '\n') own ??= e as Error;
      }
    }
    const error = own ?? first;
    const line = /\(line (\d+)/.exec(error?.message ?? '')?.[1];
    throw new FrontmatterError(
      `JSON: ${(error?.message ?? 'no closing "}"').replace(/ in JSON at position.*$/, '')}`,
      line ? Number(line) : undefined,
    );
  }
  return { data: {}, body: clean };
}

const str = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : value instanceof Date
      ? value.toISOString()
      : String(value);

/** A list field that may be written as a list or as one string (Jekyll: space-separated). */
function listField(value: unknown, spaceSeparated: boolean): string[] {
  if (Array.isArray(value))
    return value
      .map(str)
      .map((v) => v.trim())
      .filter(Boolean);
  const text = str(value).trim();
  if (!text) return [];
  return spaceSeparated
    ? text.split(/\s+/)
    : text
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
}

/** Hugo's `urlize`: lowercase, spaces to hyphens, punctuation dropped, letters of any script kept. */
function urlize(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_.~-]/gu, '')
    .replace(/-+/g, '-');
}

function fill(pattern: string, tokens: Record<string, string>): string {
  return pattern
    .replace(/:([a-z_]+)/g, (whole, name: string) => tokens[name] ?? whole)
    .replace(/\/{2,}/g, '/');
}

/**
 * Jekyll's slug of a name: runs of characters other than letters, digits and `._~!$&'()+,;=@`
 * become one hyphen (its "pretty" mode, for `:title`, which keeps the case; `:slug` and
 * `:name` are in lower case).
 */
function jekyllSlug(name: string, cased: boolean): string {
  const slug = name.replace(/[^\p{L}\p{N}._~!$&'()+,;=@]+/gu, '-').replace(/^-+|-+$/g, '');
  return cased ? slug : slug.toLowerCase();
}

/** A placeholder's value as Jekyll puts it in an address: what a path may not hold, percent-encoded. */
const jekyllEscape = (value: string) =>
  value.replace(/[^a-zA-Z\d\-._~!$&'()*+,;=:@/]/gu, (c) => encodeURIComponent(c));

const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

interface Draft {
  file: string;
  rel: string;
  data: Record<string, unknown>;
  body: string;
  html: boolean;
  date?: string | undefined;
  title: string;
  slug: string;
  status: PostStatus;
  oldUrl: string;
  page: boolean;
  categories: string[];
  /** Its path in the content of its language (Hugo); its addresses' language prefix (`/zh`). */
  hugoPath: string;
  languagePrefix: string;
  /** What the report says about it (how its address or status was worked out). */
  notes: string[];
}

/** A Hugo site's languages: codes, their own content folders, and which is served at the root. */
interface HugoLanguages {
  codes: Set<string>;
  /** Content folders of their own (`languages.zh.contentDir`), relative to the site's content folder. */
  dirs: Array<{ code: string; dir: string }>;
  /** The language served without a prefix, or '' when every language has one. */
  atRoot: string;
}

function hugoLanguages(config: Record<string, unknown>, folder: string, contentRoot: string) {
  const languages = (config.languages ?? {}) as Record<string, Record<string, unknown>>;
  const codes = new Set(Object.keys(languages).map((code) => code.toLowerCase()));
  const dirs = Object.entries(languages).flatMap(([code, settings]) => {
    const dir = str(settings?.contentDir ?? settings?.contentdir);
    return dir
      ? [
          {
            code: code.toLowerCase(),
            dir: relative(contentRoot, join(folder, dir)).split(sep).join('/'),
          },
        ]
      : [];
  });
  const inSubdir =
    (config.defaultContentLanguageInSubdir ?? config.defaultcontentlanguageinsubdir) === true;
  const atRoot = inSubdir
    ? ''
    : str(config.defaultContentLanguage ?? config.defaultcontentlanguage).toLowerCase() || 'en';
  return { codes, dirs, atRoot } satisfies HugoLanguages;
}

/**
 * A Hugo file's language (`post.zh.md`, or a file in a language's own content folder), its
 * name without the language, its path in the content of that language, and the prefix of its
 * addresses (`/zh`; none for the language served at the root).
 */
function hugoLanguageOf(rel: string, languages: HugoLanguages) {
  const own = languages.dirs.find(({ dir }) => rel.startsWith(`${dir}/`));
  const path = own ? rel.slice(own.dir.length + 1) : rel;
  const stem = basename(path, extname(path));
  const suffix = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$/.exec(stem);
  const code =
    suffix && languages.codes.has(suffix[2]!.toLowerCase())
      ? suffix[2]!.toLowerCase()
      : (own?.code ?? '');
  const name = suffix && code === suffix[2]!.toLowerCase() ? suffix[1]! : stem;
  const prefix = code && code !== languages.atRoot ? `/${code}` : '';
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return { name, path: `${dir}${name}${extname(path)}`, prefix };
}

export function readStaticSite(
  folder: string,
  forced?: Generator,
  oldSiteUrl?: string,
): StaticSite {
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new StaticSiteError(`${folder} is not a folder`);
  const generator = forced ?? detectGenerator(folder);
  const config =
    generator === 'jekyll'
      ? readConfig(folder, JEKYLL_CONFIGS)
      : generator === 'hugo'
        ? readConfig(folder, HUGO_CONFIGS)
        : {};
  const params = (config.params ?? {}) as Record<string, unknown>;
  const url = (
    oldSiteUrl ?? str(generator === 'hugo' ? (config.baseURL ?? config.baseurl) : config.url)
  ).replace(/\/+$/, '');
  const baseurl = generator === 'jekyll' ? str(config.baseurl).replace(/\/+$/, '') : '';
  const site = {
    title: cleanText(str(config.title)),
    description: cleanText(str(config.description ?? params.description)),
    url: `${url}${baseurl}`,
    language: str(config.languageCode ?? config.lang ?? config.locale) || 'en',
  };
  const hosts: string[] = [];
  try {
    if (url) hosts.push(new URL(url).host.replace(/^www\./, ''));
  } catch {
    throw new StaticSiteError(
      `the old site's address "${url}" is not a full address such as https://old.example.com`,
    );
  }

  const contentRoot =
    generator === 'hugo' && existsSync(join(folder, str(config.contentDir) || 'content'))
      ? join(folder, str(config.contentDir) || 'content')
      : generator === 'eleventy'
        ? eleventyRoot(folder)
        : folder;
  const permalinks = (config.permalinks ?? {}) as Record<string, unknown>;
  const unreadable: string[] = [];
  const drafts: Draft[] = [];
  const languages = hugoLanguages(config, folder, contentRoot);
  // Eleventy's JSON data files, each read once; one that does not parse names itself.
  const dataFiles = new Map<string, Record<string, unknown>>();
  const eleventyData = (rel: string) =>
    dataFilesOf(rel).flatMap((path) => {
      if (!dataFiles.has(path)) {
        const file = join(contentRoot, path);
        let data: Record<string, unknown> = {};
        if (existsSync(file)) {
          try {
            data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
          } catch (error) {
            throw new StaticSiteError(
              `${file}: the data file cannot be read: ${(error as Error).message}`,
            );
          }
        }
        dataFiles.set(path, data);
      }
      return [dataFiles.get(path)!];
    });
  // A language's own content folder may lie outside the site's (`content.zh/`).
  const outside = languages.dirs
    .map(({ dir }) => join(contentRoot, dir))
    .filter((dir) => relative(contentRoot, dir).startsWith('..') && existsSync(dir));
  for (const file of [contentRoot, ...outside].flatMap((root) => listFiles(root))) {
    const rel = relative(contentRoot, file).split(sep).join('/');
    // A translation's name and path as the file of the site's one language would have them.
    const hugo =
      generator === 'hugo' ? hugoLanguageOf(rel, languages) : { name: '', path: rel, prefix: '' };
    const name = generator === 'hugo' ? hugo.name : basename(file, extname(file));
    if (name === '_index' || /^readme$/i.test(name)) continue;
    // Jekyll's posts are in _posts (and _drafts); its other files are pages.
    const jekyllPage =
      generator === 'jekyll' && !/^_(posts|drafts)\//.test(rel) && !rel.includes('/_posts/');
    let data: Record<string, unknown>;
    let body: string;
    const bytes = readFileSync(file);
    // Unreadable files are named from the site's folder, as the user gave it.
    const shown = relative(folder, file).split(sep).join('/');
    if (!isUtf8(bytes)) {
      // Read as UTF-8 anyway, its Chinese (or accented) text would be replaced by "�".
      const lossy = bytes.toString('utf8');
      unreadable.push(
        `${shown}:${lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length}: not UTF-8 text (it may be GBK, Big5 or Windows-1252): save it as UTF-8`,
      );
      continue;
    }
    try {
      ({ data, body } = splitAnyFrontmatter(bytes.toString('utf8')));
      // Hugo reads frontmatter keys in any case (`Title:`, `publishDate:`).
      if (generator === 'hugo')
        data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
    } catch (error) {
      const line = error instanceof FrontmatterError && error.line ? `:${error.line}` : '';
      unreadable.push(
        `${shown}${line}: the frontmatter cannot be read: ${(error as Error).message.split('\n')[0]}`,
      );
      continue;
    }
    // Eleventy gives a template the data of its folders' and its own data files.
    if (generator === 'eleventy') data = mergeData([...eleventyData(rel), data]);
    const jekyllName = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name);
    const published = str(data.publishdate ?? data.pubdate ?? data.publishDate ?? data.pubDate);
    const jekyllDraft = generator === 'jekyll' && rel.startsWith('_drafts/');
    // Eleventy dates a post by its file when told to (`date: Last Modified`, `Created`).
    const fileDate = /^(?:git )?(?:last modified|created)$/i.test(str(data.date).trim())
      ? statSync(file).mtime.toISOString()
      : '';
    // A date that is none (2020-13-45) stops the post, named with its line, as it would the
    // generator's build: taking another date in silence would give the post a wrong address.
    if (str(data.date).trim() && !fileDate && !dayOf(str(data.date))) {
      const text = bytes.toString('utf8');
      const at = text.search(/^date\s*[:=]|^\s*"date"\s*:/im);
      unreadable.push(
        `${shown}:${at < 0 ? 1 : text.slice(0, at).split('\n').length}: date: "${str(data.date)}" is not a date`,
      );
      continue;
    }
    const date = dayOf(
      fileDate || str(data.date),
      published,
      jekyllName?.[1] ?? '',
      // Jekyll dates an undated draft by its file, as it shows it with --drafts.
      jekyllDraft ? statSync(file).mtime.toISOString() : '',
    );
    const fileSlug = name === 'index' ? basename(join(file, '..')) : (jekyllName?.[2] ?? name);
    // Hugo's templates escape a title (`{{ .Title }}`): it is plain text, `<iframe>` and `&amp;`
    // shown as written. Jekyll's Liquid and Eleventy's Liquid show it as HTML.
    const title = generator === 'hugo' ? plainLine(str(data.title)) : cleanText(str(data.title));
    const slug = str(data.slug) || fileSlug;
    // As each generator reads `draft`: Hugo a boolean or its spelling ("true", "1"), Eleventy
    // (its starter's check) any truthy value, Jekyll only `published: false`.
    const isDraft =
      data.draft === true ||
      (generator === 'hugo' && /^(?:1|t|true)$/i.test(str(data.draft))) ||
      (generator === 'eleventy' && !!data.draft) ||
      data.published === false ||
      jekyllDraft;
    // Hugo publishes a post from its publishDate (if any) until its expiryDate: one not yet
    // or no longer on the old site is imported unpublished.
    const today = new Date().toISOString().slice(0, 10);
    const future = [date, dayOf(published)].some((day) => day && day > today);
    const expiry = dayOf(str(data.expirydate ?? data.unpublishdate));
    const expired = !!expiry && expiry <= today;
    // Eleventy writes no page for `permalink: false`, nor Hugo for a headless page or one
    // whose build options say `render: never`: it was not on the old site.
    const build = (data.build ?? data._build) as Record<string, unknown> | undefined;
    const unwritten =
      generator === 'eleventy'
        ? data.permalink === false && 'permalink: false'
        : generator === 'hugo' &&
          (data.headless === true
            ? 'headless: true'
            : build?.render === 'never' || build?.render === false
              ? 'build: render: never'
              : false);
    const status: PostStatus =
      isDraft || expired || unwritten ? 'draft' : future ? 'future' : 'publish';
    // Jekyll files a post in `rare-earths/_posts/` under the category rare-earths too.
    const folders =
      generator === 'jekyll' && rel.includes('/_posts/')
        ? rel.slice(0, rel.indexOf('/_posts/')).split('/')
        : [];
    const categories = [
      ...new Set([
        ...folders,
        // Jekyll's `category:` is one category; `categories:` a list or words.
        ...(generator === 'jekyll' && data.category !== undefined
          ? listField([data.category].flat(), false)
          : listField(data.categories ?? data.category, generator === 'jekyll')),
      ]),
    ];
    // Jekyll reads a post's own permalink as a template (placeholders, style names) like the
    // site's, so it is filled in below; elsewhere it is the address as written.
    let explicit = generator === 'jekyll' ? '' : str(data.url ?? data.permalink);
    const notes: string[] = [];
    if (generator === 'eleventy' && explicit.includes('{{')) {
      const filled = fillPermalink(explicit, {
        fileSlug,
        filePathStem: `/${rel.replace(/\.[^.]+$/, '')}`,
        title,
      });
      if (filled === undefined)
        notes.push(
          `its permalink ${JSON.stringify(explicit)} needs Eleventy to work out: its old address is taken to be its folder's; put the real one in redirect_from`,
        );
      explicit = filled ?? '';
    }
    let oldUrl: string;
    if (explicit && !explicit.includes('{{') && data.permalink !== false)
      oldUrl = explicit.startsWith('/') ? explicit : `/${explicit}`;
    else if (generator === 'jekyll') {
      const style = str(data.permalink ?? config.permalink) || 'date';
      const [year = '', month = '', day = ''] = (date ?? '').split('-');
      const dayOfYear = date
        ? String(
            Math.floor((Date.parse(date) - Date.parse(`${year}-01-01`)) / 86_400_000) + 1,
          ).padStart(3, '0')
        : '';
      oldUrl = fill(JEKYLL_STYLES[style] ?? style, {
        categories: jekyllEscape(categories.map((c) => c.toLowerCase()).join('/')),
        year,
        month,
        i_month: String(Number(month)),
        day,
        i_day: String(Number(day)),
        short_year: year.slice(2),
        y_day: dayOfYear,
        title: jekyllEscape(jekyllSlug(str(data.slug) || fileSlug, true)),
        slug: jekyllEscape(jekyllSlug(str(data.slug) || fileSlug, false)),
        output_ext: '.html',
        name: jekyllEscape(jekyllSlug(fileSlug, false)),
      });
      oldUrl = `${baseurl}${oldUrl.startsWith('/') ? '' : '/'}${oldUrl}`;
    } else if (generator === 'hugo') {
      const section = hugo.path.includes('/') ? hugo.path.split('/')[0]! : '';
      const pattern = str(
        permalinks[section] ?? (permalinks.page as Record<string, unknown> | undefined)?.[section],
      );
      const [year = '', month = '', day = ''] = (date ?? '').split('-');
      const tokens = {
        year,
        month,
        day,
        section,
        sections: hugo.path.split('/').slice(0, -1).join('/'),
        title: urlize(title),
        slug: str(data.slug) ? urlize(str(data.slug)) : urlize(title) || fileSlug,
        filename: fileSlug,
        contentbasename: fileSlug,
        slugorfilename: str(data.slug) || fileSlug,
        slugorcontentbasename: str(data.slug) || fileSlug,
      };
      const dir = hugo.path
        .split('/')
        .slice(0, name === 'index' ? -2 : -1)
        .join('/');
      oldUrl = `${hugo.prefix}${
        pattern
          ? fill(pattern, tokens)
          : `/${dir ? `${dir}/` : ''}${urlize(str(data.slug)) || fileSlug}/`
      }`;
      // Hugo writes its paths with hyphens for spaces, and in lower case unless told not to
      // (`url:` is taken as written).
      oldUrl = oldUrl.replace(/\s/g, '-');
      if (!(config.disablePathToLower ?? config.disablepathtolower)) oldUrl = oldUrl.toLowerCase();
    } else {
      const path = rel.replace(/\.[^.]+$/, '').replace(/(^|\/)index$/, '');
      oldUrl = `/${path}${path ? '/' : ''}`;
    }
    drafts.push({
      file,
      rel,
      hugoPath: hugo.path,
      languagePrefix: hugo.prefix,
      data,
      body,
      html: /\.html?$/i.test(file),
      date,
      title,
      slug,
      status,
      oldUrl,
      page: jekyllPage || !date,
      categories,
      notes: [
        ...notes,
        ...(expired && !isDraft
          ? [`expired on ${expiry} (expiryDate), so no longer on the old site: a draft`]
          : []),
        ...(unwritten && !isDraft
          ? [`${unwritten}, so it had no page on the old site: a draft`]
          : []),
      ],
    });
  }

  // Posts by the names their siblings use to link to them ({{< ref >}}, {% post_url %}).
  const byName = new Map<string, string>();
  for (const d of drafts) {
    const noExt = d.rel.replace(/\.[^.]+$/, '');
    // A page bundle (posts/x/index.md) is named by its folder.
    const named = noExt.replace(/\/index$/, '');
    for (const key of [
      d.rel,
      noExt,
      named,
      basename(named),
      `/${d.rel}`,
      `/${named}`,
      named.replace(/^_posts\//, ''),
    ]) {
      if (!byName.has(key)) byName.set(key, d.oldUrl);
    }
  }

  // Where the old site's category and tag pages were: they redirect to what each becomes.
  const archivesOf =
    generator === 'hugo'
      ? hugoArchives(config)
      : generator === 'jekyll'
        ? jekyllArchives(config)
        : noArchives;
  const posts = drafts.map((d): SourcePost => {
    const warnings: string[] = [];
    const kept: string[] = [];
    let body = d.body.replace(/<!--\s*more\s*-->/g, '');
    body =
      generator === 'hugo'
        ? expandHugoShortcodes(body, (code) => hugoShortcode(code, byName), kept)
        : expandLiquidTags(body, (code) => liquidTag(code, byName), kept);
    for (const code of kept)
      warnings.push(
        `${generator === 'hugo' ? 'shortcode' : 'template tag'} ${code} has no equivalent here: kept as text`,
      );
    warnings.push(...d.notes);
    const tags = listField(d.data.tags, generator === 'jekyll').filter(
      (t) => generator !== 'eleventy' || !['post', 'posts', 'all'].includes(t.toLowerCase()),
    );
    const categories = d.categories;
    const terms: Term[] = [
      ...categories.map((name): Term => ({
        taxonomy: 'categories',
        name,
        slug: slugFromTitle(name),
        archives: archivesOf('categories', name, d.languagePrefix),
      })),
      ...tags.map((name): Term => ({
        taxonomy: 'tags',
        name,
        slug: slugFromTitle(name),
        archives: archivesOf('tags', name, d.languagePrefix),
      })),
    ];
    // Hugo reads an alias without a leading "/" relative to the page's path in the content
    // folder (`a-old` of posts/a.md is /posts/a-old, `../a-old` is /a-old).
    // A translation's aliases are in its language's part of the site (`/zh/…`).
    const pagePath = `/${d.hugoPath.replace(/\.[^.]+$/, '').replace(/\/index$/, '')}`;
    const aliases = [
      ...listField(d.data.aliases, false),
      ...listField(d.data.redirect_from, false),
    ].map((a) =>
      generator === 'hugo'
        ? `${d.languagePrefix}${new URL(a, `https://site${pagePath}`).pathname}`
        : a.startsWith('/')
          ? a
          : `/${a}`,
    );
    const summary = cleanText(
      str(d.data.description ?? d.data.summary ?? d.data.excerpt).replace(/[*_`]/g, ''),
    );
    return {
      id: d.rel,
      kind: d.page ? 'page' : 'post',
      title: d.title,
      date: d.date,
      slug: d.slug,
      summary: summary || undefined,
      ...(d.html ? { html: body } : { markdown: body }),
      authors: listField(d.data.authors ?? d.data.author, false),
      status: d.status,
      terms,
      // A space or quote in an address is sent percent-encoded; as written, none can redirect.
      oldUrls: [
        ...new Set(
          [d.oldUrl, ...aliases].map((url) => url.replace(/[\s"<>]/g, encodeURIComponent)),
        ),
      ],
      baseUrl: site.url ? `${site.url}${d.oldUrl}` : undefined,
      warnings,
    };
  });
  const bundles = drafts
    .filter((d) => basename(d.file, extname(d.file)) === 'index')
    .map((d) => ({ dir: dirname(d.file), oldUrl: d.oldUrl }));
  const localFiles = localMedia(generator, folder, contentRoot, config, baseurl, bundles);
  const otherMarkup = [contentRoot, ...outside]
    .flatMap((root) => listFiles(root, (name) => OTHER_MARKUP.test(name)))
    .map((file) => relative(folder, file).split(sep).join('/'))
    .sort();
  return { generator, site, posts, hosts, unreadable, localFiles, otherMarkup };
}

/** Hugo shortcodes with a Markdown equivalent; undefined keeps one as written. */
function hugoShortcode(code: Shortcode, byName: Map<string, string>): string | undefined {
  const { name, attrs, args } = code;
  const arg = (key: string, position: number) => attrs[key] ?? args[position] ?? '';
  switch (name) {
    case 'figure':
    case 'img':
    case 'image': {
      const src = arg('src', 0);
      if (!src) return undefined;
      const caption = attrs.caption ?? attrs.title ?? '';
      const image = `![${(attrs.alt ?? caption).replace(/[[\]]/g, '')}](${src})`;
      return `${attrs.link ? `[${image}](${attrs.link})` : image}${caption ? `\n\n*${caption}*` : ''}`;
    }
    case 'youtube':
      return arg('id', 0)
        ? `[Video on YouTube](https://www.youtube.com/watch?v=${arg('id', 0)})`
        : undefined;
    case 'vimeo':
      return arg('id', 0) ? `[Video on Vimeo](https://vimeo.com/${arg('id', 0)})` : undefined;
    case 'tweet':
    case 'x': {
      const id = attrs.id ?? args.at(-1) ?? '';
      const user = attrs.user ?? (args.length > 1 ? args[0] : 'i');
      return id ? `[Post on X](https://x.com/${user}/status/${id})` : undefined;
    }
    case 'gist':
      return args.length >= 2
        ? `[Gist ${args[1]}](https://gist.github.com/${args[0]}/${args[1]})`
        : undefined;
    case 'instagram':
      return arg('id', 0)
        ? `[Post on Instagram](https://www.instagram.com/p/${arg('id', 0)}/)`
        : undefined;
    case 'highlight':
      return codeFence(code.content ?? '', args[0] ?? attrs.lang ?? '');
    case 'ref':
    case 'relref': {
      const target = arg('path', 0).replace(/#.*$/, '');
      const url =
        byName.get(target) ??
        byName.get(target.replace(/^\//, '')) ??
        byName.get(target.replace(/\.md$/, ''));
      return url
        ? `${url}${arg('path', 0).includes('#') ? arg('path', 0).slice(arg('path', 0).indexOf('#')) : ''}`
        : undefined;
    }
    case 'details':
      return `<details><summary>${attrs.summary ?? 'Details'}</summary>\n\n${code.inner().trim()}\n\n</details>`;
    default:
      return undefined;
  }
}

function codeFence(code: string, language: string): string {
  const body = code.replace(/^\n+|\s+$/g, '');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}

/** Liquid (Jekyll) and Nunjucks (Eleventy) tags with an equivalent; undefined keeps one as written. */
function liquidTag(code: Shortcode, byName: Map<string, string>): string | undefined {
  const { name, args } = code;
  const unquote = (value: string | undefined) => (value ?? '').replace(/^["']|["'],?$/g, '');
  switch (name) {
    case 'highlight':
      return codeFence(code.content ?? '', args[0] ?? '');
    case 'raw':
      return code.content ?? '';
    case 'comment':
      return '';
    case 'post_url':
    case 'link': {
      const target = unquote(args[0]);
      return (
        byName.get(target) ??
        byName.get(target.replace(/\.[^.]+$/, '')) ??
        byName.get(`_posts/${target}`)
      );
    }
    case 'youtube':
      return args[0]
        ? `[Video on YouTube](https://www.youtube.com/watch?v=${unquote(args[0])})`
        : undefined;
    case 'image': {
      const [src, alt] = args.map(unquote);
      return src ? `![${(alt ?? '').replace(/[[\]]/g, '')}](${src})` : undefined;
    }
    case '{{': {
      // Output tags: the site's own address is dropped (links become paths), a quoted path is kept.
      const expression = args[0] ?? '';
      if (/^site\.(?:base)?url$/i.test(expression)) return '';
      const path = /^["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url|url)\s*$/.exec(
        expression,
      );
      if (path) return path[1];
      return undefined;
    }
    default:
      return undefined;
  }
}
