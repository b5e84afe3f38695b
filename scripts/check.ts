/**
 * `npm run check`: validate every brief and profile without building.
 * Exit 0 when the content is sound, 1 with a list of problems otherwise.
 */
import { resolve } from 'node:path';
import { contentDirFromEnv } from './paths.ts';
import { frontmatterMemoFile, openFrontmatterMemo } from '../src/content/frontmatter-memo.ts';
import { loadContentFiles } from '../src/content/files.ts';
import { formatProblems } from '../src/content/problems.ts';
import { validateContent } from '../src/content/validate.ts';

export function checkContent(): boolean {
  const started = performance.now();
  const files = loadContentFiles(process.cwd(), contentDirFromEnv());
  const memo = openFrontmatterMemo(frontmatterMemoFile(process.cwd(), resolve(contentDirFromEnv())));
  const result = validateContent(files, memo);
  memo.save();
  if (!files.briefs.length) {
    result.problems.push({ file: `${contentDirFromEnv()}/briefs`, message: 'no briefs found', hint: 'add Markdown files under content/briefs/, e.g. content/briefs/2025/my-first-brief.md' });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (result.problems.length) {
    console.error(`\n✗ ${formatProblems(result.problems)}\n\nNothing was built. Fix the files above and run the command again.\n`);
    return false;
  }
  const published = result.briefs.filter((b) => !b.draft).length;
  const drafts = result.briefs.length - published;
  console.log(`✓ content is valid: ${published} briefs (${drafts} drafts), ${result.entities.length} entity profiles, checked in ${seconds} s`);
  return true;
}

if (import.meta.main) process.exitCode = checkContent() ? 0 : 1;
