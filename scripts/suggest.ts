/**
 * `npm run suggest`: tagging suggestions. For each brief, the companies, policies, themes and
 * terms whose name or alias its title and text mention (whole words, Chinese aliases
 * included, with counts) but that it does not reference yet.
 *
 *   npm run suggest                 list them
 *   npm run suggest -- --apply      add them to each brief's frontmatter (nothing else changes)
 *   npm run suggest -- --min 2      only entities mentioned at least twice
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content/load.ts';
import type { TagSuggestion } from '../src/model/mentions.ts';
import { configOrReport } from './check.ts';
import { addToList, editFrontmatter } from './lib/frontmatter-edit.ts';
import { formatSuggestion, suggestionsFor } from './lib/suggestions.ts';

/** Adds each suggestion to its brief's frontmatter lists; returns the files changed. */
export function applySuggestions(root: string, suggestions: readonly TagSuggestion[]): string[] {
  const changed: string[] = [];
  for (const { brief, mentions } of suggestions) {
    if (!brief.filePath) continue;
    const file = resolve(root, brief.filePath);
    const text = readFileSync(file, 'utf8');
    const next = editFrontmatter(text, (doc) => {
      for (const kind of new Set(mentions.map((m) => m.entity.kind))) {
        addToList(
          doc,
          kind,
          mentions.filter((m) => m.entity.kind === kind).map((m) => m.entity.slug),
        );
      }
    });
    if (next !== text) {
      writeFileSync(file, next);
      changed.push(brief.filePath);
    }
  }
  return changed;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { apply: { type: 'boolean' }, min: { type: 'string' } },
  });
  const min = values.min === undefined ? 1 : Number(values.min);
  if (!Number.isInteger(min) || min < 1) {
    console.error(`✗ --min must be a whole number of at least 1, not "${values.min}"`);
    process.exit(1);
  }
  const config = configOrReport();
  if (!config) process.exit(1);
  const content = loadContent({
    root: config.root,
    contentDir: config.contentDir,
    today: config.buildDay,
  });
  if (content.problems.length) {
    console.error(
      `✗ the content has ${content.problems.length} problems: run \`npm run check\` and fix them first.`,
    );
    process.exit(1);
  }
  const suggestions = suggestionsFor(content, min);
  const entities = suggestions.reduce((n, s) => n + s.mentions.length, 0);
  if (!suggestions.length) {
    console.log('No suggestions: every entity the briefs mention is referenced.');
  } else if (values.apply) {
    const changed = applySuggestions(config.root, suggestions);
    console.log(
      `Added ${entities} references to ${changed.length} briefs:\n${suggestions.map(formatSuggestion).join('\n')}`,
    );
    console.log('\nReview them with `git diff`, then run `npm run check`.');
  } else {
    console.log(
      `${suggestions.length} briefs mention ${entities} entities they do not reference:\n${suggestions.map(formatSuggestion).join('\n')}`,
    );
    console.log('\nAdd them all with `npm run suggest -- --apply`, or by hand.');
  }
}
