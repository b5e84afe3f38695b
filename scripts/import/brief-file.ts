/**
 * Brief and profile files written by an import: a new file, or an earlier import's file
 * brought up to date. What the import owns (title, date, summary, authors, draft, body) is replaced; what an
 * editor added since (highlights, sources, references, comments) is kept; references and old
 * addresses are merged.
 */
import { Document } from 'yaml';
import { KIND_IDS } from '../../src/content/registry.ts';
import {
  addToList,
  editFrontmatter,
  listOf,
  replaceBody,
  YAML_OUTPUT,
} from '../lib/frontmatter-edit.ts';
import type { BriefFields, PlannedProfile } from './plan.ts';

const withNewline = (text: string) => `${text.replace(/\s+$/, '')}\n`;

export function newBriefText(fields: BriefFields, body: string): string {
  const data: Record<string, unknown> = { title: fields.title, date: fields.date };
  if (fields.summary) data.summary = fields.summary;
  if (fields.authors.length) data.authors = fields.authors;
  for (const kind of KIND_IDS) if (fields.refs[kind]?.length) data[kind] = fields.refs[kind];
  if (fields.draft) data.draft = true;
  data.redirect_from = fields.redirectFrom;
  const doc = new Document(data);
  for (const kind of [...KIND_IDS, 'authors']) {
    const node = doc.get(kind, true) as { flow?: boolean } | undefined;
    if (node) node.flow = true;
  }
  return `---\n${doc.toString(YAML_OUTPUT)}---\n${withNewline(body)}`;
}

/** The file brought up to date; the same text when nothing changed. */
export function updatedBriefText(text: string, fields: BriefFields, body: string): string {
  const front = editFrontmatter(text, (doc) => {
    // A value that did not change keeps its node, and so its quoting.
    const set = (field: string, value: unknown) => {
      if (doc.get(field) !== value) doc.set(field, value);
    };
    set('title', fields.title);
    set('date', fields.date);
    if (fields.summary) set('summary', fields.summary);
    if (fields.authors.length && listOf(doc, 'authors').join('\n') !== fields.authors.join('\n')) {
      const authors = doc.createNode(fields.authors);
      authors.flow = true;
      doc.set('authors', authors);
    }
    if (fields.draft) set('draft', true);
    else if (doc.has('draft')) doc.delete('draft');
    for (const kind of KIND_IDS) addToList(doc, kind, fields.refs[kind] ?? []);
    addToList(doc, 'redirect_from', fields.redirectFrom);
  });
  return replaceBody(front, withNewline(body));
}

export function profileText(profile: PlannedProfile): string {
  const data: Record<string, unknown> = { name: profile.name };
  if (profile.aliases.length) data.aliases = profile.aliases;
  if (profile.redirectFrom.length) data.redirect_from = profile.redirectFrom;
  const doc = new Document(data);
  const aliases = doc.get('aliases', true) as { flow?: boolean } | undefined;
  if (aliases) aliases.flow = true;
  return `---\n${doc.toString(YAML_OUTPUT)}---\n${withNewline(profile.body)}`;
}

/**
 * A profile the folder already has, with old archive addresses added to its `redirect_from`:
 * nothing else in the file changes, and an address it has is not added again.
 */
export function profileWithAddresses(text: string, redirectFrom: readonly string[]): string {
  return editFrontmatter(text, (doc) => addToList(doc, 'redirect_from', redirectFrom));
}
