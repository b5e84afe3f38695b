/**
 * Editing a content file's frontmatter without touching anything else in the file: the YAML
 * is read as a Document (the `yaml` package keeps comments, quoting and list styles), changed
 * where asked, and written back with the settings that reproduce an unchanged block byte for
 * byte; the body is left exactly as it was.
 */
import { type Document, isSeq, parseDocument } from 'yaml';

/** How Briefing writes YAML: no folding of long lines, `[a, b]` without inner spaces. */
export const YAML_OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** Where the YAML of the frontmatter block starts and ends, and where the body starts. */
function blockOf(text: string): { start: number; end: number; bodyStart: number } {
  const open = OPEN.exec(text);
  const close = open && CLOSE.exec(text.slice(open[0].length));
  if (!open || !close) throw new Error('the file has no frontmatter block');
  const start = open[0].length;
  const end = start + close.index;
  const afterClose = end + close[0].length;
  const newline = /^\r?\n/.exec(text.slice(afterClose))?.[0].length ?? 0;
  return { start, end, bodyStart: afterClose + newline };
}

/** The file with another body after its frontmatter block. */
export function replaceBody(text: string, body: string): string {
  const { bodyStart } = blockOf(text);
  const head = text.slice(0, bodyStart);
  return `${head}${head.endsWith('\n') ? '' : '\n'}${body}`;
}

/** `edit` changes the document; returns the new file text (the same text when nothing changed). */
export function editFrontmatter(text: string, edit: (doc: Document) => void): string {
  const { start, end } = blockOf(text);
  const yaml = text.slice(start, end);
  const doc = parseDocument(yaml, { schema: 'core' });
  if (doc.errors.length)
    throw new Error(`the frontmatter cannot be read: ${doc.errors[0]!.message}`);
  const before = doc.toString(YAML_OUTPUT);
  edit(doc);
  const after = doc.toString(YAML_OUTPUT);
  return after === before ? text : text.slice(0, start) + after + text.slice(end);
}

/** The values of a list field (empty when absent). */
export function listOf(doc: Document, field: string): string[] {
  const value = doc.get(field);
  return isSeq(value)
    ? value.items.map((item) => String((item as { value?: unknown }).value ?? item))
    : [];
}

/**
 * Adds values missing from a list field, keeping its style (a new field is written `[a, b]`).
 * Returns the values added.
 */
export function addToList(doc: Document, field: string, values: readonly string[]): string[] {
  const present = new Set(listOf(doc, field));
  const added = [...new Set(values)].filter((v) => !present.has(v));
  if (!added.length) return [];
  const node = doc.get(field, true);
  if (isSeq(node)) {
    for (const value of added) node.add(doc.createNode(value));
  } else {
    const seq = doc.createNode(added);
    seq.flow = true;
    doc.set(field, seq);
  }
  return added;
}
