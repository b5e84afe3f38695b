/**
 * What every importer reads an old site into: posts with their old addresses, terms and
 * body, before slugs are chosen and bodies become Markdown (scripts/import/plan.ts).
 */

export type PostStatus =
  'publish' | 'draft' | 'pending' | 'future' | 'private' | 'protected' | 'trash';

/** A category or tag of the old site. */
export interface Term {
  taxonomy: 'categories' | 'tags';
  name: string;
  /** The old site's slug for it, if it had one. */
  slug?: string | undefined;
  /** Its parents' names, nearest first (nested categories). */
  parents?: string[] | undefined;
  /** Its parents' archive pages, in the same order (`/category/minerals/`). */
  parentArchives?: Array<string | undefined> | undefined;
  description?: string | undefined;
  /**
   * Its archive pages on the old site (`/category/minerals/rare-earths/`, `/tags/lynas/`):
   * they redirect to the profile it becomes, keeping their links and search-engine standing.
   */
  archives?: string[] | undefined;
}

export interface SourcePost {
  /** Unique within the import, for messages and a stable order: `post 123`, `_posts/2013-01-11-x.md`. */
  id: string;
  kind: 'post' | 'page';
  /** Decoded text; may be empty (the plan then makes one up and says so). */
  title: string;
  /** `YYYY-MM-DD`, or undefined when the old site had no date. */
  date?: string | undefined;
  updated?: string | undefined;
  /** The old site's slug (post name, `slug:`, file name), decoded; may be empty or not a valid slug. */
  slug?: string | undefined;
  /** The excerpt or description, as plain text. */
  summary?: string | undefined;
  /** The body: HTML (WordPress) or Markdown (static sites). */
  html?: string | undefined;
  markdown?: string | undefined;
  authors: string[];
  status: PostStatus;
  terms: Term[];
  /** Old addresses (paths, or `/?p=123`), the first one being the post's identity. */
  oldUrls: string[];
  /** The old site's absolute address of the post, for resolving relative links in it. */
  baseUrl?: string | undefined;
  /** Shortcodes and other things kept as written: reported with the post's name. */
  warnings: string[];
}

/** A one-line name of a post for reports: its title and where it came from. */
export function describePost(post: Pick<SourcePost, 'id' | 'title' | 'oldUrls'>): string {
  const chars = Array.from(post.title);
  const title = post.title
    ? `"${chars.length > 70 ? `${chars.slice(0, 67).join('')}…` : post.title}"`
    : '(untitled)';
  return `${title} (${post.oldUrls[0] ?? post.id})`;
}
