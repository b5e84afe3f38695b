/**
 * Wikilinks in brief and profile bodies: [[Name or alias]] or [[kind/slug|shown text]].
 * This reads raw Markdown (for the link graph and for error messages with line numbers);
 * src/astro/wikilink-plugin.ts turns the same syntax into links when the body is rendered.
 */

export interface Wikilink {
  /** What is inside the brackets before any `|`, trimmed. */
  target: string;
  /** The text after `|`, if any. */
  label?: string;
  /** 1-based line within the Markdown passed in. */
  line: number;
  column: number;
}

const WIKILINK = /\[\[([^\[\]\n|]+)(?:\|([^\[\]\n]+))?\]\]/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Every wikilink outside code, in document order. */
export function extractWikilinks(markdown: string): Wikilink[] {
  const links: Wikilink[] = [];
  let fence: string | undefined;
  markdown.split(/\r?\n/).forEach((rawLine, index) => {
    const fenceMatch = FENCE.exec(rawLine);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = undefined;
      return;
    }
    if (fence) return;
    // Blank out inline code so `[[not a link]]` is left alone, keeping columns stable.
    const line = rawLine.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    for (const match of line.matchAll(WIKILINK)) {
      // `{[["a", "b"]]}` is a nested array in an MDX expression, not a link.
      if (/[[{]/.test(line.charAt((match.index ?? 0) - 1))) continue;
      const target = match[1]!.trim();
      if (!target) continue;
      const label = match[2]?.trim();
      links.push({ target, ...(label ? { label } : {}), line: index + 1, column: (match.index ?? 0) + 1 });
    }
  });
  return links;
}

/** `companies/china-northern-rare-earth` → { kind, slug }; a plain name → undefined. */
export function splitQualifiedTarget(target: string): { kind: string; slug: string } | undefined {
  const match = /^([a-z][a-z0-9-]*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(target.trim());
  return match ? { kind: match[1]!, slug: match[2]! } : undefined;
}
