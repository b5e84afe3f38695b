/**
 * `npm run stubs`: create a stub profile for every entity that briefs reference but
 * that has no file yet (unknown frontmatter slugs and [[kind/slug]] wikilinks), so an
 * author can fix a new brief in one step and fill the profile in afterwards.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadContent } from '../src/content/load.ts';
import { stubProfile } from '../src/content/stubs.ts';
import { configOrReport } from './check.ts';

const config = configOrReport();
if (!config) process.exit(1);
const location = { root: config.root, contentDir: config.contentDir, today: config.buildDay };
const created: string[] = [];
for (const ref of loadContent(location).unknown) {
  const dir = join(config.contentDir, ref.kind);
  const file = join(dir, `${ref.slug}.md`);
  if (existsSync(file)) continue;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, stubProfile(ref.kind, ref.slug));
  created.push(relative(config.root, file));
}
if (created.length) {
  console.log(
    `Created ${created.length} stub ${created.length === 1 ? 'profile' : 'profiles'}:\n${created.map((f) => `  ${f}`).join('\n')}`,
  );
  console.log(
    '\nFill in each name, the fields marked TODO and the profile text, then run `npm run check`.',
  );
} else {
  console.log('No unknown references: nothing to create.');
}
const remaining = loadContent(location).problems.filter((p) => !created.includes(p.file));
if (remaining.length)
  console.log(`\n${remaining.length} other problems remain: run \`npm run check\` to see them.`);
