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
  if (after === before) return text;
  return text.slice(0, start) + keepUnchangedLines(yaml, before, after) + text.slice(end);
}

/**
 * The new YAML with every line the edit did not change taken from the original text, so
 * that the writer's own spacing (before a comment, say) never changes on lines nobody
 * touched. `before` is the original as the writer renders it; when it does not have the
 * original's lines one for one, the rendered text is all there is.
 */
function keepUnchangedLines(original: string, before: string, after: string): string {
  const source = original.split('\n');
  const old = before.split('\n');
  const next = after.split('\n');
  if (source.length !== old.length) return after;
  // Longest common subsequence of the rendered lines, to pair unchanged lines.
  const lengths = Array.from({ length: old.length + 1 }, () =>
    new Array<number>(next.length + 1).fill(0),
  );
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = next.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        old[i] === next[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (j < next.length) {
    if (i < old.length && old[i] === next[j]) {
      out.push(source[i]!);
      i++;
      j++;
    } else if (i < old.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else out.push(next[j++]!);
  }
  return out.join('\n');
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
