/** Tagging suggestions for a checked content folder: what `npm run suggest` and `npm run check -- --hints` show. */
import { bodyText } from '../../src/content/excerpt.ts';
import type { ValidationResult } from '../../src/content/validate.ts';
import { MentionMatcher, suggestTags, type TagSuggestion } from '../../src/model/mentions.ts';

/** The suggestions for a checked content folder. */
export function suggestionsFor(content: ValidationResult, min = 1): TagSuggestion[] {
  const matcher = new MentionMatcher(content.entities);
  return suggestTags(
    content.briefs,
    matcher,
    content.index,
    (brief) => bodyText(brief.body, brief.format),
    min,
  );
}

/** One line per brief: `file: kind/slug (Name ×3), …`. */
export function formatSuggestion({ brief, mentions }: TagSuggestion): string {
  const list = mentions.map(
    (m) => `${m.entity.kind}/${m.entity.slug} (${m.forms.join(', ')} ×${m.count})`,
  );
  return `  ${brief.filePath ?? brief.slug}: ${list.join(', ')}`;
}
