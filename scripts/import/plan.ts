/**
 * From the posts of an old site to the briefs and profiles to write: which posts are imported
 * (and as drafts), their slugs (stable across re-imports, collisions resolved by date and
 * reported), their terms as references, and their bodies as Markdown with links to other
 * imported posts made links to their briefs. Pure: the files are written by scripts/import/cli.ts.
 */
import { shorten } from '../../src/content/excerpt.ts';
import { type KindId } from '../../src/content/registry.ts';
import { isSlug, slugFromTitle } from '../../src/content/slugs.ts';
import { stripMarkdown, nameKey } from '../../src/model/text.ts';
import type { EntityIndex } from '../../src/model/resolve.ts';
import { type LinkContext, oldUrlKey, resolveLink, rewriteMarkdownLinks } from './links.ts';
import { type Mapping, type Target } from './mapping.ts';
import { describePost, type SourcePost, type Term } from './post.ts';

/** A brief already in the content folder that came from an earlier import. */
export interface ExistingBrief {
  /** Path relative to the content folder: `briefs/2013/x.md`. */
  path: string;
  slug: string;
  text: string;
}

export interface ExistingContent {
  /** By every old address (oldUrlKey) in a brief's redirect_from. */
  briefsByOldUrl: ReadonlyMap<string, ExistingBrief>;
  /** Every brief slug in the folder → its path. */
  briefSlugs: ReadonlyMap<string, string>;
  index: EntityIndex;
}

export interface PlanOptions {
  /** Import pages as briefs too (they are reported and left out otherwise). */
  includePages?: boolean;
  /** Import private and password-protected posts, as drafts. */
  includePrivate?: boolean;
  mapping: Mapping;
  /** The longest summary the site's rules accept. */
  summaryMax: number;
  links: Omit<LinkContext, 'slugs'>;
  /** The site's trusted embed hosts (`embeds` in site.yaml): other iframes become links. */
  embeds?: readonly string[];
  /** HTML → Markdown, with each address resolved. */
  htmlToMarkdown: (html: string, resolveUrl: (url: string) => string) => string;
}

export interface BriefFields {
  title: string;
  date: string;
  summary?: string | undefined;
  authors: string[];
  refs: Partial<Record<KindId, string[]>>;
  draft: boolean;
  redirectFrom: string[];
}

export interface PlannedBrief {
  post: SourcePost;
  slug: string;
  /** Relative to the content folder. */
  path: string;
  existing?: ExistingBrief | undefined;
  fields: BriefFields;
  body: string;
}

export interface PlannedProfile {
  kind: KindId;
  slug: string;
  name: string;
  aliases: string[];
  /** The archive pages of the categories and tags it comes from. */
  redirectFrom: string[];
  body: string;
}

/** Archive pages of categories and tags that lead to a profile the folder already has. */
export interface ProfileAddresses {
  kind: KindId;
  slug: string;
  /** Its file, relative to the content folder, as the index read it. */
  path: string | undefined;
  redirectFrom: string[];
}

export interface ImportPlan {
  briefs: PlannedBrief[];
  profiles: PlannedProfile[];
  /** Old archive addresses to add to existing profiles (merged: a re-import adds none twice). */
  profileAddresses: ProfileAddresses[];
  skipped: Array<{ post: SourcePost; reason: string }>;
  /** One line per post whose slug was taken. */
  collisions: string[];
  /** One line per post with something to look at (made-up title, shortcodes kept, …). */
  warnings: string[];
}

/** Why a post is left out, or undefined to import it. */
function skipReason(post: SourcePost, options: PlanOptions): string | undefined {
  if (post.kind === 'page' && !options.includePages)
    return 'a page, not a dated post (import pages with --pages)';
  if (post.status === 'trash') return 'in the trash, or an unsaved draft';
  if ((post.status === 'private' || post.status === 'protected') && !options.includePrivate) {
    return `${post.status === 'private' ? 'private' : 'password-protected'} (import as drafts with --include-private)`;
  }
  if (!post.date) return 'it has no date';
  return undefined;
}

/** A title for a post without one: the first words of its text. */
function madeUpTitle(post: SourcePost): string {
  const text = stripMarkdown(post.markdown ?? (post.html ?? '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  const all = text.split(' ');
  const words = all.slice(0, 10).join(' ');
  if (!words) return `Untitled (${post.id})`;
  // Counted in characters: Chinese has no spaces, and a cut inside an emoji or a rare Han
  // character (𠮷) would leave half of it, written as "�".
  const chars = Array.from(words);
  return chars.length > 80
    ? `${chars.slice(0, 79).join('')}…`
    : all.length > 10
      ? `${words.replace(/[,;:.]$/, '')}…`
      : words;
}

/** The old site's slug if it is one, else one made from it or from the title. */
function baseSlug(post: SourcePost, title: string): string {
  const name = (post.slug ?? '').trim().toLowerCase();
  if (isSlug(name) && name.length <= 100) return name;
  return slugFromTitle(name) || slugFromTitle(title) || slugFromTitle(post.id);
}

/**
 * What a category or tag becomes: a reference to an existing or new profile, or nothing; and
 * which profile each one's archive pages redirect to.
 */
function termTargets(options: PlanOptions, index: EntityIndex, warnings: string[]) {
  const newProfiles = new Map<string, PlannedProfile>();
  const byName = new Map<string, Target>();
  // Archive address → the profile it leads to (`kind/slug`), the first term's: one address
  // can lead to one page only.
  const archives = new Map<string, string>();
  const noteArchives = (term: Term, target: Target) => {
    if (target === 'skip') return;
    const key = `${target.kind}/${target.slug}`;
    for (const url of term.archives ?? []) {
      const other = archives.get(url);
      if (other === undefined) archives.set(url, key);
      else if (other !== key) {
        const what = term.taxonomy === 'categories' ? 'category' : 'tag';
        warnings.push(
          `the ${what} "${term.name}": its old address ${url} already leads to ${other}, so it does not lead to ${key}`,
        );
      }
    }
  };
  const targetOf = (term: Term): Target => {
    const target = resolveTerm(term);
    noteArchives(term, target);
    return target;
  };
  const resolveTerm = (term: Term): Target => {
    const key = nameKey(term.name);
    const mapped =
      options.mapping.terms[term.taxonomy].get(key) ??
      (term.slug ? options.mapping.terms[term.taxonomy].get(nameKey(term.slug)) : undefined);
    if (mapped) {
      if (mapped !== 'skip' && !index.get(mapped)) addProfile(mapped.kind, mapped.slug, term);
      byName.set(key, mapped);
      return mapped;
    }
    const known = byName.get(key);
    if (known) return known;
    const existing = index.resolve(term.name);
    let target: Target;
    if (existing) target = { kind: existing.kind, slug: existing.slug };
    else if (options.mapping.defaults[term.taxonomy] === 'skip') target = 'skip';
    else {
      const slug =
        (term.slug && isSlug(term.slug) ? term.slug : slugFromTitle(term.slug ?? '')) ||
        slugFromTitle(term.name) ||
        'untitled';
      const taken = index.get({ kind: 'themes', slug });
      // A theme of that slug with another name: this term is another spelling of it.
      target = { kind: 'themes', slug };
      if (!taken) addProfile('themes', slug, term);
    }
    byName.set(key, target);
    return target;
  };
  const addProfile = (kind: KindId, slug: string, term: Term) => {
    const key = `${kind}/${slug}`;
    const profile = newProfiles.get(key);
    if (profile) {
      if (
        nameKey(profile.name) !== nameKey(term.name) &&
        !profile.aliases.some((a) => nameKey(a) === nameKey(term.name))
      )
        profile.aliases.push(term.name);
      return;
    }
    const what = term.taxonomy === 'categories' ? 'category' : 'tag';
    const under = term.parents?.length
      ? ` (under ${term.parents.map((p) => `"${p}"`).join(' › ')})`
      : '';
    newProfiles.set(key, {
      kind,
      slug,
      name: term.name,
      aliases: [],
      redirectFrom: [],
      body: `${term.description ? `${term.description}\n\n` : ''}Imported from the ${what} "${term.name}"${under} of the old site.\n`,
    });
  };
  /** New profiles with their archive addresses, and the addresses of existing ones. */
  const profiles = () => {
    const existing = new Map<string, ProfileAddresses>();
    for (const [url, key] of archives) {
      const planned = newProfiles.get(key);
      if (planned) {
        planned.redirectFrom.push(url);
        continue;
      }
      const [kind, slug] = key.split('/') as [KindId, string];
      const entry = existing.get(key) ?? {
        kind,
        slug,
        path: index.get({ kind, slug })?.filePath,
        redirectFrom: [],
      };
      entry.redirectFrom.push(url);
      existing.set(key, entry);
    }
    return { created: [...newProfiles.values()], existing: [...existing.values()] };
  };
  return { targetOf, profiles };
}

export function planImport(
  posts: readonly SourcePost[],
  existing: ExistingContent,
  options: PlanOptions,
): ImportPlan {
  const skipped: ImportPlan['skipped'] = [];
  const warnings: string[] = [];
  const collisions: string[] = [];
  const kept = [...posts]
    .filter((post) => {
      const reason = skipReason(post, options);
      if (reason) skipped.push({ post, reason });
      return !reason;
    })
    .sort(
      (a, b) => a.date!.localeCompare(b.date!) || a.id.localeCompare(b.id, 'en', { numeric: true }),
    );

  // Slugs: a post imported before keeps its file; others take their old slug unless it is
  // taken, in date order, so the oldest post keeps the plain slug and the result never varies.
  const taken = new Map(existing.briefSlugs);
  const chosen: Array<{
    post: SourcePost;
    slug: string;
    title: string;
    existing?: ExistingBrief | undefined;
  }> = [];
  const previous = kept.map((post) =>
    post.oldUrls.map((url) => existing.briefsByOldUrl.get(oldUrlKey(url))).find(Boolean),
  );
  kept.forEach((_post, i) => {
    if (previous[i]) taken.set(previous[i]!.slug, previous[i]!.path);
  });
  kept.forEach((post, i) => {
    let title = post.title;
    if (!title) {
      title = madeUpTitle(post);
      warnings.push(`${describePost(post)}: no title; titled "${title}" from its first words`);
    }
    const before = previous[i];
    if (before) {
      chosen.push({ post, slug: before.slug, title, existing: before });
      return;
    }
    const base = baseSlug(post, title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    if (slug !== base)
      collisions.push(
        `${describePost(post)}: the slug "${base}" is taken by ${taken.get(base)}; written as "${slug}"`,
      );
    taken.set(slug, describePost({ ...post, title }));
    chosen.push({ post, slug, title });
  });

  const slugs = new Map<string, string>();
  for (const { post, slug } of chosen)
    for (const url of post.oldUrls) slugs.set(oldUrlKey(url), slug);
  const context: LinkContext = { ...options.links, slugs };
  const terms = termTargets(options, existing.index, warnings);

  const briefs = chosen.map(({ post, slug, title, existing: before }): PlannedBrief => {
    const unresolved = new Set<string>();
    const resolve = (url: string) =>
      resolveLink(
        url,
        post.baseUrl ?? post.oldUrls.find((u) => !u.includes('?')) ?? '/',
        context,
        (u) => unresolved.add(u),
      );
    const body =
      post.html !== undefined
        ? options.htmlToMarkdown(post.html, resolve)
        : rewriteMarkdownLinks(post.markdown ?? '', resolve, options.embeds);
    for (const url of unresolved)
      warnings.push(
        `${describePost(post)}: the link ${url} points at the old site, which has no known address (give it with --old-url)`,
      );
    for (const warning of post.warnings) warnings.push(`${describePost(post)}: ${warning}`);
    const refs: Partial<Record<KindId, string[]>> = {};
    for (const term of post.terms) {
      // A post in a nested category is about its parents too, as WordPress lists it there.
      const all = [
        term,
        ...(term.parents ?? []).map((name, i): Term => ({
          taxonomy: term.taxonomy,
          name,
          archives: term.parentArchives?.[i] ? [term.parentArchives[i]] : undefined,
        })),
      ];
      for (const each of all) {
        const target = terms.targetOf(each);
        if (target === 'skip') continue;
        const list = (refs[target.kind] ??= []);
        if (!list.includes(target.slug)) list.push(target.slug);
      }
    }
    const year = post.date!.slice(0, 4);
    return {
      post,
      slug,
      path: before?.path ?? `briefs/${year}/${slug}.md`,
      existing: before,
      fields: {
        title,
        date: post.date!,
        summary: post.summary ? shorten(post.summary, options.summaryMax) : undefined,
        authors: post.authors,
        refs,
        draft: post.status !== 'publish',
        redirectFrom: post.oldUrls,
      },
      body,
    };
  });
  const profiles = terms.profiles();
  return {
    briefs,
    profiles: profiles.created,
    profileAddresses: profiles.existing,
    skipped,
    collisions,
    warnings,
  };
}
