/**
 * Links inside the site: every internal href goes through href(), which puts the base path
 * in front (`/briefs/x/` → `/briefing/briefs/x/` for a site served from /briefing/).
 * Paths themselves come from src/model (briefUrl, entityUrl, yearUrl…), root-relative.
 */
import { getConfig } from '../config.ts';

/** A root-relative site path (`/briefs/x/`) as a link under the site's base path. */
export function href(path: string): string {
  return withBase(getConfig().basePath, path);
}

function withBase(basePath: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`href() takes a root-relative path, got "${path}"`);
  return `${basePath.replace(/\/$/, '')}${path}`;
}

/** The site's public address with its base path (`https://org.github.io/briefing/`), for absolute links. */
export function siteRoot(): URL {
  const { siteUrl, basePath } = getConfig();
  return new URL(basePath, `${siteUrl}/`);
}
