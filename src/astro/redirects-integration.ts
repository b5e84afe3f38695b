/**
 * Writes the redirects of old addresses (`redirect_from` of published briefs and of profiles)
 * into the built site: `_redirects`, a redirect page per old path and the map of old query addresses
 * (src/model/redirects.ts plans them). Every target goes through href(), so a site under a
 * base path redirects to its own pages.
 */
import type { AstroIntegration } from 'astro';
import { appendFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../config.ts';
import { contentLocation, loadContentCached } from '../content/load.ts';
import { briefStatus } from '../model/publication.ts';
import { compareBriefsNewestFirst } from '../model/records.ts';
import { planRedirects, QUERY_MAP_FILE, servedPath, wantedRedirects } from '../model/redirects.ts';
import { href, siteRoot } from './links.ts';

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? listFiles(path, root)
      : [relative(root, path).split(sep).join('/')];
  });
}

export function redirects(): AstroIntegration {
  return {
    name: 'briefing-redirects',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const config = getConfig();
        const content = loadContentCached(contentLocation(config));
        // Published briefs only, as the pages are: a scheduled brief's old address must not
        // give its title or new address away before its day.
        const wanted = wantedRedirects(
          content.briefs
            .filter((brief) => briefStatus(brief, config.buildDay) === 'published')
            .sort(compareBriefsNewestFirst),
          content.entities,
        );
        if (!wanted.length) return;
        const out = fileURLToPath(dir);
        const root = siteRoot();
        const plan = planRedirects(wanted, {
          link: href,
          absolute: (path) => new URL(path.replace(/^\//, ''), root).href,
          language: config.site.language,
          sitePaths: new Set(listFiles(out).map(servedPath)),
        });
        if (plan.conflicts.length) {
          throw new Error(
            `${plan.conflicts.length} old addresses in redirect_from are pages of this site, so they cannot redirect:\n${plan.conflicts
              .map((c) => `  ${c.source ?? c.to}: redirect_from "${c.from}"`)
              .join('\n')}\nRemove them from redirect_from.`,
          );
        }
        for (const [file, html] of plan.pages) {
          mkdirSync(dirname(join(out, file)), { recursive: true });
          writeFileSync(join(out, file), html);
        }
        // A _redirects file of the site's own (from public/) keeps its rules, first.
        const rulesFile = join(out, '_redirects');
        if (existsSync(rulesFile)) appendFileSync(rulesFile, `\n${plan.rules}`);
        else writeFileSync(rulesFile, plan.rules);
        const queries = Object.keys(plan.queries).length;
        if (queries) writeFileSync(join(out, QUERY_MAP_FILE), JSON.stringify(plan.queries));
        const patterns = plan.patterns.map((p) => `${p.rule} (${p.covers})`).join(', ');
        logger.info(
          `${wanted.length} old addresses: ${plan.pages.size} redirect pages, ${queries} by query` +
            (patterns ? `; pattern rules ${patterns}` : ''),
        );
        if (plan.overLimit) {
          logger.warn(
            `${plan.overLimit} redirects are left out of _redirects to stay within hosts' limits (2,000 rules); their redirect pages still work`,
          );
        }
      },
    },
  };
}
