/**
 * Old addresses keep working: every `redirect_from` of a published brief or of a profile (an
 * imported category's or tag's archive page) becomes
 *
 * - a line of `_redirects` (Netlify, Cloudflare Pages, GitLab Pages), with pattern rules
 *   (`/:p1/:p2/:p3/:slug/ /briefs/:slug/ 301`, `/tag/:slug/ /themes/:slug/ 301`) wherever a
 *   family of old addresses maps onto slugs, so a 2,000-post archive fits the hosts' rule limits;
 * - a small HTML page at the old path (meta refresh, a link, a canonical link) for hosts that
 *   read no `_redirects` file, such as GitHub Pages;
 * - for old addresses with a query (`/?p=123`), which no static file can answer, an entry of
 *   a JSON map that the home page and the 404 page consult when they are opened with a query.
 *
 * Pure: paths in, files out. src/astro/redirects-integration.ts writes them into the build;
 * scripts/lib/verify-site.ts checks they are there before publishing.
 */
import { type BriefRecord, briefUrl, type EntityRecord, entityUrl } from './records.ts';

export interface Redirect {
  /** The old address, as recorded: `/2013/01/11/old-slug/`, `/about.html`, `/?p=123`. */
  from: string;
  /** The new page, root-relative without the base path: `/briefs/new-slug/`, `/themes/x/`. */
  to: string;
  /** The page's title, for the redirect page's link. */
  title: string;
  /** The file that asked for it, for messages. */
  source?: string | undefined;
}

/** The map of old addresses with a query, read by the home and 404 pages (src/components/OldAddresses.astro). */
export const QUERY_MAP_FILE = 'old-addresses.json';

/** The hosts' limits we keep within (Cloudflare Pages: 2,000 static and 100 dynamic rules). */
export const RULE_LIMITS = { static: 2000, dynamic: 100 } as const;

export interface RedirectPlan {
  /** The text of `_redirects`. */
  rules: string;
  /** Redirect pages: file path relative to the site folder → HTML. */
  pages: Map<string, string>;
  /** Old addresses with a query → the new page's link, for the query map. */
  queries: Record<string, string>;
  /** Pattern rules and how many redirects each covers. */
  patterns: Array<{ rule: string; covers: number }>;
  /** Redirects left out of `_redirects` for the hosts' limits (their pages still redirect). */
  overLimit: number;
  /** Old addresses that are pages of this site: not redirected (the message names the brief). */
  conflicts: Redirect[];
}

export interface PlanOptions {
  /** A root-relative path as a link under the site's base path: src/astro/links.ts's href(). */
  link: (path: string) => string;
  /** A root-relative path as an absolute address, for canonical links. */
  absolute: (path: string) => string;
  language: string;
  /** Every path the built site serves (`/briefs/x/`, `/pagefind/pagefind.js`): patterns must not match them. */
  sitePaths: ReadonlySet<string>;
  limits?: { static: number; dynamic: number };
}

/**
 * The redirects a site makes: the old addresses of its published briefs (the caller leaves
 * drafts and scheduled briefs out, as the pages do) and of its profiles. The one list both
 * the build and the check before publishing work from.
 */
export function wantedRedirects(
  briefs: readonly BriefRecord[],
  entities: readonly EntityRecord[],
): Redirect[] {
  return [
    ...briefs.flatMap((brief) =>
      brief.redirectFrom.map((from) => ({
        from,
        to: briefUrl(brief.slug),
        title: brief.title,
        source: brief.filePath,
      })),
    ),
    ...entities.flatMap((entity) =>
      (entity.redirectFrom ?? []).map((from) => ({
        from,
        to: entityUrl(entity),
        title: entity.name,
        source: entity.filePath,
      })),
    ),
  ];
}

/**
 * The files planRedirects writes for these redirects, as verify-site expects them: a page per
 * old path, `_redirects`, and the query map when an old address has a query.
 */
export function redirectFiles(redirects: readonly Redirect[]): string[] {
  const paths = redirects.filter((r) => r.from !== r.to && !r.from.includes('?'));
  return [
    ...new Set([
      ...(redirects.length ? ['_redirects'] : []),
      ...(redirects.some((r) => r.from.includes('?')) ? [QUERY_MAP_FILE] : []),
      ...paths.map((r) => redirectFile(r.from)),
    ]),
  ];
}

/** `/a/b/` → `a/b/index.html`; `/a/b.html` → `a/b.html`; `/a/b` → `a/b/index.html`. Decoded. */
export function redirectFile(path: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const trimmed = decoded.replace(/^\/+/, '');
  if (!trimmed || trimmed.endsWith('/')) return `${trimmed}index.html`;
  return /\.html?$/i.test(trimmed) ? trimmed : `${trimmed}/index.html`;
}

/** The site path a file is served at: `a/index.html` → `/a/`. */
export function servedPath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page that sends readers and crawlers on: meta refresh, a visible link, canonical link. */
export function redirectPage(
  link: string,
  canonical: string,
  title: string,
  language: string,
): string {
  const to = escapeHtml(link);
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moved: ${escapeHtml(title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<p>This page has moved to <a href="${to}">${escapeHtml(title)}</a>.</p>
</body>
</html>
`;
}

/** `/2013/01/11/foo/` with slug `foo` → `/:p1/:p2/:p3/:slug/`; undefined when the slug is not a segment. */
export function patternOf(from: string, slug: string): string | undefined {
  const parts = from.split('/');
  if (!parts.includes(slug)) return undefined;
  let n = 0;
  const shape = parts.map((part) => {
    if (part === slug) return ':slug';
    if (/^\d+$/.test(part)) return `:p${++n}`;
    return part;
  });
  return shape.join('/');
}

/** A `_redirects` pattern as a matcher, with the hosts' meaning of `:name` (one segment). */
export function patternMatcher(pattern: string): RegExp {
  const source = pattern
    .split(/(:[A-Za-z]\w*)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** `/briefs/x/` → briefs and x; `/themes/x/` → themes and x: a page a pattern can lead to. */
function targetParts(to: string): { section: string; slug: string } | undefined {
  const match = /^\/([^/]+)\/([^/]+)\/$/.exec(to);
  return match ? { section: match[1]!, slug: match[2]! } : undefined;
}

export function planRedirects(redirects: readonly Redirect[], options: PlanOptions): RedirectPlan {
  const limits = options.limits ?? RULE_LIMITS;
  const { link, absolute } = options;
  const pages = new Map<string, string>();
  const queries: Record<string, string> = {};
  const conflicts: Redirect[] = [];
  const paths: Redirect[] = [];

  for (const redirect of [...redirects].sort((a, b) => a.from.localeCompare(b.from))) {
    if (redirect.from === redirect.to) continue;
    if (redirect.from.includes('?')) {
      queries[redirect.from] = link(redirect.to);
      continue;
    }
    const file = redirectFile(redirect.from);
    if (options.sitePaths.has(servedPath(file)) || options.sitePaths.has(redirect.from)) {
      conflicts.push(redirect);
      continue;
    }
    paths.push(redirect);
    pages.set(
      file,
      redirectPage(link(redirect.to), absolute(redirect.to), redirect.title, options.language),
    );
  }

  // Pattern rules: a shape shared by at least two redirects to pages of one section (briefs,
  // or a kind: `/tag/:slug/ /themes/:slug/`), that no page of the site matches.
  const families = new Map<string, { section: string; pattern: string; members: Redirect[] }>();
  const familyOf = new Map<Redirect, string>();
  for (const redirect of paths) {
    const target = targetParts(redirect.to);
    const pattern = target && patternOf(redirect.from, target.slug);
    if (!target || !pattern) continue;
    // Old addresses have no space (oldPath), so the key is unambiguous.
    const key = `${target.section} ${pattern}`;
    const family = families.get(key) ?? { section: target.section, pattern, members: [] };
    family.members.push(redirect);
    families.set(key, family);
    familyOf.set(redirect, key);
  }
  const patterns: Array<{
    rule: string;
    covers: number;
    from: string;
    primary: boolean;
    key: string;
  }> = [];
  const covered = new Set<Redirect>();
  const sitePaths = [...options.sitePaths];
  const taken = new Set<string>();
  const ranked = [...families]
    .filter(([, family]) => family.members.length >= 2)
    .sort((a, b) => b[1].members.length - a[1].members.length || a[0].localeCompare(b[0]));
  for (const [key, { section, pattern, members }] of ranked) {
    // A pattern is written as recorded and, where that shadows no page either, with or
    // without its trailing slash too: one or two dynamic rules.
    if (patterns.length + 2 > limits.dynamic) break;
    // One shape leads to one section: the larger family has it, the other's are explicit.
    if (taken.has(pattern)) continue;
    const other = pattern.endsWith('/') ? pattern.slice(0, -1) : `${pattern}/`;
    const safe = (variant: string) => !sitePaths.some((path) => patternMatcher(variant).test(path));
    if (!safe(pattern)) continue;
    taken.add(pattern);
    for (const [i, from] of [pattern, ...(safe(other) ? [other] : [])].entries()) {
      patterns.push({
        rule: `${link(from)} ${link(`/${section}/:slug/`)} 301`,
        covers: members.length,
        from,
        primary: i === 0,
        key,
      });
    }
    for (const member of members) covered.add(member);
  }
  // Hosts apply the first pattern that matches: a redirect whose first match is another
  // family's pattern (`/:p1/:slug/` of briefs before `/category/:slug/`) needs its own rule.
  const matchers = patterns.map((p) => ({ key: p.key, test: patternMatcher(p.from) }));
  for (const member of covered) {
    const first = matchers.find((m) => m.test.test(member.from));
    if (first?.key !== familyOf.get(member)) covered.delete(member);
  }

  // Explicit rules come first (hosts apply the first rule that matches), within the limit. An
  // old address that a pattern would send to the wrong slug (its brief was renamed on import)
  // is kept before any other, or the pattern would mislead it.
  const explicit = paths.filter((r) => !covered.has(r));
  const misled = new Set(explicit.filter((r) => matchers.some((m) => m.test.test(r.from))));
  const needed = [...misled, ...explicit.filter((r) => !misled.has(r))];
  const kept = needed.slice(0, limits.static);
  const lines = [
    '# Old addresses of imported briefs and profiles (redirect_from), written by the build.',
    ...kept.map((r) => `${link(r.from)} ${link(r.to)} 301`),
    ...patterns.map((p) => p.rule),
  ];
  return {
    rules: `${lines.join('\n')}\n`,
    pages,
    queries,
    patterns: patterns.filter((p) => p.primary).map(({ rule, covers }) => ({ rule, covers })),
    overLimit: needed.length - kept.length,
    conflicts,
  };
}
