/**
 * Frontmatter with line numbers, so that every error can name the line to fix: the data is read
 * by js-yaml (fast), the positions by the `yaml` package when a problem needs them.
 */
import { load } from 'js-yaml';
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { compactString, ownStrings } from '../model/text.ts';

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Line number (1-based) of the first body line in the file. */
  bodyStartLine: number;
  /** Line of the value at `path` (e.g. ['sources', 0, 'url']), or of the nearest parent that exists. */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
  /** Line of a key (for unknown fields) within the mapping at `parent`. */
  lineOfKey(parent: ReadonlyArray<PropertyKey>, key: string): number;
}

export interface FrontmatterError {
  line: number;
  message: string;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*\r?$/m;

/**
 * Characters that have no business in a field: C0 and C1 controls other than tab, line feed and
 * carriage return (a pasted BEL or ESC breaks XML feeds), and the non-characters U+FFFE/U+FFFF.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** The first control character in `text` as an error at its line (`lineOffset`: lines before it). */
export function controlCharacterError(
  text: string,
  lineOffset: number,
): FrontmatterError | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!;
  const line = lineOffset + text.slice(0, found.index).split('\n').length;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    line,
    message: `the frontmatter contains the invisible control character ${name}: delete it (it was probably pasted in with the text)`,
  };
}

/** The frontmatter block's YAML text and the body after it, without parsing (cheap, for 10,000 files). */
function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return undefined;
  return {
    yaml: rest.slice(0, close.index),
    body: rest.slice(close.index + close[0].length).replace(/^\r?\n/, ''),
  };
}

/** The body after the frontmatter block. */
export function bodyOf(text: string): string {
  return splitFrontmatter(text)?.body ?? text;
}

export function parseFrontmatter(text: string): ParsedFile | FrontmatterError {
  const open = OPEN.exec(text);
  if (!open)
    return {
      line: 1,
      message:
        'the file does not start with a frontmatter block: put "---" on the first line, the fields, then "---"',
    };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close)
    return {
      line: 1,
      message:
        'the frontmatter block is not closed: add a line with just "---" after the last field',
    };
  const yamlText = rest.slice(0, close.index);
  const control = controlCharacterError(yamlText, 1);
  if (control) return control;
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyStartLine = 1 + yamlText.split('\n').length + 1;
  return parseYaml(yamlText, afterClose, bodyStartLine, 1);
}

/** A whole YAML file (such as content/site.yaml) read like a frontmatter block without a body. */
export function parseYamlFile(text: string): ParsedFile | FrontmatterError {
  const control = controlCharacterError(text, 0);
  if (control) return { ...control, message: control.message.replace('frontmatter', 'file') };
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''), '', 0, 0);
  // An empty settings file is a file with every default.
  if (isFrontmatterError(parsed) && parsed.message === EMPTY) return parseYaml('{}', '', 0, 0);
  return parsed;
}

const EMPTY = 'the frontmatter block is empty';

/**
 * Reads a YAML block. The data comes from js-yaml, ten times faster than the `yaml` package's
 * document with positions (17 against 170 µs a brief): line numbers are only needed when a
 * problem is reported, so the document is parsed for them then. Where js-yaml refuses a block
 * (a syntax error, an empty block, any alias), the `yaml` document decides: its error names the
 * line, and it expands aliases only within a limit.
 *
 * `lineOffset`: lines of the file before the YAML text (1 for the opening `---`).
 */
function parseYaml(
  yamlText: string,
  afterClose: string,
  bodyStartLine: number,
  lineOffset: number,
): ParsedFile | FrontmatterError {
  let data: unknown;
  try {
    // The YAML 1.2 core schema (js-yaml's default, as the document's below): dates stay strings,
    // for our own strict date check. No alias: js-yaml does not bound how far aliases expand.
    // Its strings one byte a character where they can be (compactString), as the copy keeps them.
    data = ownStrings(load(compactString(yamlText), { maxAliases: 0 }));
  } catch {
    return parseDocumentWithPositions(yamlText, afterClose, bodyStartLine, lineOffset);
  }
  const shape = shapeError(data);
  if (shape) return shape;
  let withPositions: ParsedFile | FrontmatterError | undefined;
  const positions = () =>
    (withPositions ??= parseDocumentWithPositions(yamlText, afterClose, bodyStartLine, lineOffset));
  const firstLine = lineOffset + 1;
  return {
    data: data as Record<string, unknown>,
    body: afterClose,
    bodyStartLine,
    lineOf: (path) => {
      const parsed = positions();
      return isFrontmatterError(parsed) ? firstLine : parsed.lineOf(path);
    },
    lineOfKey: (parent, key) => {
      const parsed = positions();
      return isFrontmatterError(parsed) ? firstLine : parsed.lineOfKey(parent, key);
    },
  };
}

/** Why parsed YAML cannot be a frontmatter block, if it cannot. */
function shapeError(data: unknown): FrontmatterError | undefined {
  if (data === null || data === undefined) return { line: 1, message: EMPTY };
  if (typeof data !== 'object' || Array.isArray(data))
    return { line: 2, message: 'the frontmatter must be a set of "field: value" lines' };
  return undefined;
}

/** The `yaml` package's reading: slower, with the position of every node and of the first error. */
function parseDocumentWithPositions(
  yamlText: string,
  afterClose: string,
  bodyStartLine: number,
  lineOffset: number,
): ParsedFile | FrontmatterError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line + lineOffset;
    return {
      line,
      message: `the YAML frontmatter cannot be read: ${cleanYamlMessage(firstError.message)}`,
    };
  }
  let data: unknown;
  try {
    // The yaml package refuses an alias that expands too far (a "billion laughs" bomb).
    data = ownStrings(doc.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = /\*[^\s,\]}]+/.exec(yamlText);
    const line = alias
      ? yamlText.slice(0, alias.index).split('\n').length + lineOffset
      : lineOffset + 1;
    return {
      line,
      message:
        'the YAML frontmatter repeats aliases (*name) so often that it would expand without end: write the values out',
    };
  }
  const shape = shapeError(data);
  if (shape) return shape;
  const yamlLine = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  return {
    data: data as Record<string, unknown>,
    body: afterClose,
    bodyStartLine,
    lineOf: (path) => yamlLine(nodeOffset(doc, path)),
    lineOfKey: (parent, key) => {
      const node = parent.length ? doc.getIn(parent as unknown[], true) : doc.contents;
      if (isMap(node)) {
        for (const pair of node.items) {
          if (isScalar(pair.key) && pair.key.value === key && pair.key.range)
            return yamlLine(pair.key.range[0]);
        }
      }
      return yamlLine(nodeOffset(doc, parent));
    },
  };
}

export function isFrontmatterError(
  value: ParsedFile | FrontmatterError,
): value is FrontmatterError {
  return 'message' in value;
}

function nodeOffset(doc: Document, path: ReadonlyArray<PropertyKey>): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return 0;
}

function cleanYamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
