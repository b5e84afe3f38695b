/**
 * Mentions of entities in prose: where a name or alias of a profile appears as a whole word
 * (in Chinese, as whole words of the text's word segmentation), for tagging suggestions.
 * Names written in capitals (tickers, acronyms such as "MP" or "SASAC") match in that case
 * only, so that "mp" in a sentence is not MP Materials; other names match in any case.
 */
import { type BriefRecord, type EntityRecord, refKey } from './records.ts';
import type { EntityIndex } from './resolve.ts';
import { hasCjk, nameKey } from './text.ts';

export interface Mention {
  entity: EntityRecord;
  count: number;
  /** The names found, as written in the text. */
  forms: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = /[\p{L}\p{N}]/u;
/** Names in capitals (and digits), such as tickers and acronyms, match case-sensitively. */
const isAcronym = (name: string) => /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);

export class MentionMatcher {
  private readonly anyCase = new Map<string, EntityRecord>();
  private readonly exact = new Map<string, EntityRecord>();
  private readonly patterns: RegExp[] = [];
  private readonly segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

  constructor(entities: Iterable<EntityRecord>) {
    // A name two profiles claim is ambiguous: it suggests neither.
    const owners = new Map<string, Set<string>>();
    const all = [...entities];
    for (const entity of all) {
      for (const name of [entity.name, ...entity.aliases]) {
        const key = nameKey(name);
        owners.set(key, (owners.get(key) ?? new Set()).add(refKey(entity)));
      }
    }
    for (const entity of all) {
      for (const name of [entity.name, ...entity.aliases]) {
        const trimmed = name.trim();
        if ([...trimmed].length < 2 || owners.get(nameKey(trimmed))!.size > 1) continue;
        if (isAcronym(trimmed)) this.exact.set(trimmed, entity);
        else this.anyCase.set(nameKey(trimmed), entity);
      }
    }
    // Longest names first, so "China Northern Rare Earth" wins over "Northern Rare Earth".
    const source = (names: Iterable<string>) =>
      [...names]
        .sort((a, b) => b.length - a.length || a.localeCompare(b))
        .map((n) => escape(n).replace(/\s+/g, '\\s+'))
        .join('|');
    if (this.anyCase.size) this.patterns.push(new RegExp(source(this.anyCase.keys()), 'giu'));
    if (this.exact.size) this.patterns.push(new RegExp(source(this.exact.keys()), 'gu'));
  }

  /** A match is a whole word: letters or digits on neither side, or word boundaries in Chinese. */
  private isWholeWord(text: string, start: number, end: number): boolean {
    const match = text.slice(start, end);
    if (hasCjk(match)) {
      const from = Math.max(0, start - 12);
      const boundaries = new Set<number>();
      for (const segment of this.segmenter.segment(
        text.slice(from, Math.min(text.length, end + 12)),
      )) {
        boundaries.add(from + segment.index);
        boundaries.add(from + segment.index + segment.segment.length);
      }
      return boundaries.has(start) && boundaries.has(end);
    }
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 2);
    return !WORD.test([...before].at(-1) ?? '') && !WORD.test([...after][0] ?? '');
  }

  /** Entities named in the text, with how often, most mentioned first. */
  find(text: string): Mention[] {
    const found: Array<{ start: number; end: number; entity: EntityRecord; form: string }> = [];
    for (const pattern of this.patterns) {
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) {
        const form = m[0];
        const entity = pattern.flags.includes('i')
          ? this.anyCase.get(nameKey(form))
          : this.exact.get(form.replace(/\s+/g, ' '));
        if (entity && this.isWholeWord(text, m.index, m.index + form.length))
          found.push({ start: m.index, end: m.index + form.length, entity, form });
      }
    }
    // Overlaps between the two kinds of names: the longer mention counts.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const mentions = new Map<string, Mention>();
    let reached = -1;
    for (const hit of found) {
      if (hit.start < reached) continue;
      reached = hit.end;
      const key = refKey(hit.entity);
      const mention = mentions.get(key) ?? { entity: hit.entity, count: 0, forms: [] };
      mention.count++;
      if (!mention.forms.includes(hit.form)) mention.forms.push(hit.form);
      mentions.set(key, mention);
    }
    return [...mentions.values()].sort(
      (a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name),
    );
  }
}

export interface TagSuggestion {
  brief: BriefRecord;
  /** Entities the text names that the brief does not reference yet. */
  mentions: Mention[];
}

/**
 * For each brief, the entities its text names at least `min` times that it references
 * neither in its frontmatter nor by a [[wikilink]] (which counts as a reference already).
 * `textOf` gives a brief's prose (src/content/excerpt.ts bodyText).
 */
export function suggestTags(
  briefs: readonly BriefRecord[],
  matcher: MentionMatcher,
  index: EntityIndex,
  textOf: (brief: BriefRecord) => string,
  min = 1,
): TagSuggestion[] {
  const out: TagSuggestion[] = [];
  for (const brief of briefs) {
    const referenced = new Set<string>();
    for (const [kind, slugs] of Object.entries(brief.refs))
      for (const slug of slugs ?? []) referenced.add(`${kind}/${slug}`);
    for (const target of brief.links) {
      const entity = index.resolve(target);
      if (entity) referenced.add(refKey(entity));
    }
    const mentions = matcher
      .find(`${brief.title}\n\n${textOf(brief)}`)
      .filter((m) => m.count >= min && !referenced.has(refKey(m.entity)));
    if (mentions.length) out.push({ brief, mentions });
  }
  return out;
}
