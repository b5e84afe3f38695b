/**
 * `npm run stubs`: create a stub profile for every entity that briefs reference but
 * that has no file yet (unknown frontmatter slugs and [[kind/slug]] wikilinks), so an
 * author can fix a new brief in one step and fill the profile in afterwards.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDirFromEnv } from './paths.ts';
import { loadContentFiles } from '../src/content/files.ts';
import { stubProfile } from '../src/content/stubs.ts';
import { validateContent } from '../src/content/validate.ts';

const contentDir = contentDirFromEnv();
const result = validateContent(loadContentFiles(process.cwd(), contentDir));
const created: string[] = [];
for (const ref of result.unknown) {
  const dir = join(contentDir, ref.kind);
  const file = join(dir, `${ref.slug}.md`);
  if (existsSync(file)) continue;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, stubProfile(ref.kind, ref.slug));
  created.push(file);
}
if (created.length) {
  console.log(`Created ${created.length} stub ${created.length === 1 ? 'profile' : 'profiles'}:\n${created.map((f) => `  ${f}`).join('\n')}`);
  console.log('\nFill in each name, the fields marked TODO and the profile text, then run `npm run check`.');
} else {
  console.log('No unknown references: nothing to create.');
}
const remaining = validateContent(loadContentFiles(process.cwd(), contentDir)).problems.filter((p) => !created.some((f) => p.file === f));
if (remaining.length) console.log(`\n${remaining.length} other problems remain: run \`npm run check\` to see them.`);
