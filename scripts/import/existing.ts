/**
 * What the content folder holds before an import: briefs from earlier imports (found by the
 * old addresses in their redirect_from, so a re-import updates them instead of adding
 * copies), every brief slug, and the profiles whose names and aliases categories and tags
 * can map to. Read with the project's one reader and validator.
 */
import { relative, resolve } from 'node:path';
import { readContentFiles } from '../../src/content/files.ts';
import { isFrontmatterError, parseFrontmatter } from '../../src/content/frontmatter.ts';
import { slugOfPath } from '../../src/content/slugs.ts';
import { validateEntities, validateSettings } from '../../src/content/validate.ts';
import { EntityIndex } from '../../src/model/resolve.ts';
import { oldUrlKey } from './links.ts';
import type { ExistingBrief, ExistingContent } from './plan.ts';
import type { SiteSettings } from '../../src/content/settings.ts';

export function readExisting(
  contentDir: string,
): ExistingContent & { settings: SiteSettings; hasSettings: boolean } {
  const root = resolve(contentDir);
  const files = readContentFiles(root, root);
  const briefsByOldUrl = new Map<string, ExistingBrief>();
  const briefSlugs = new Map<string, string>();
  for (const file of files.briefs) {
    const path = relative(root, resolve(root, file.path)).split('\\').join('/');
    const slug = slugOfPath(path);
    briefSlugs.set(slug, path);
    const parsed = parseFrontmatter(file.text);
    if (isFrontmatterError(parsed)) continue;
    const from = parsed.data.redirect_from;
    if (!Array.isArray(from)) continue;
    const brief = { path, slug, text: file.text };
    for (const url of from) if (typeof url === 'string') briefsByOldUrl.set(oldUrlKey(url), brief);
  }
  const { entities } = validateEntities(files.entities);
  return {
    briefsByOldUrl,
    briefSlugs,
    index: new EntityIndex(entities),
    settings: validateSettings(files.settings),
    hasSettings: !!files.settings,
  };
}
