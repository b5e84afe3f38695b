/**
 * Editorial rules: which brief fields and profile facts a site requires, recommends or leaves
 * optional, and their lengths. They are the site's own choice (`rules:` in content/site.yaml),
 * not facts about every site: a new site requires only a title and a date, and recommends the
 * rest; the sample site requires key takeaways, sources and a summary of 20–400 characters.
 *
 * A required rule that is broken is an error (the check and the build stop); a recommended one
 * is a warning (`npm run check` counts them, `--strict` makes them errors). The schemas only
 * check the form of a field that is there; whether it must be there is decided here.
 */
import { z } from 'astro/zod';
import { closest } from '../model/text.ts';
import { KINDS } from './registry.ts';
import { describe } from './schemas.ts';

export const RULE_LEVELS = ['required', 'recommended', 'optional'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export interface FieldRule {
  level: RuleLevel;
  /** Characters for text, items for lists. */
  min?: number | undefined;
  max?: number | undefined;
}

/** Field → rule, for briefs or for one kind of profile. */
export type FieldRules = Record<string, FieldRule>;

/** `briefs` and each entity kind id → the rules of its fields. */
export type EditorialRules = Record<string, FieldRules>;

/** Brief fields a rule can govern: text and lists, besides the references by kind. */
const BRIEF_FIELDS = ['title', 'summary', 'highlights', 'sources', 'authors'];

/** Fields that every record needs, whose length alone is a site's choice. */
const ALWAYS_REQUIRED: Record<string, string> = { 'briefs.title': 'title' };

/** Words for the fields in messages ("no key takeaways (highlights)"). */
const FIELD_WORDS: Record<string, string> = {
  highlights: 'key takeaways (highlights)',
  sources: 'sources',
  summary: 'summary',
  authors: 'authors',
  title: 'title',
};

/**
 * A new site's rules: what it cannot work without is required by the schemas (title, date,
 * a profile's name); everything an editor may want is recommended, so an imported archive
 * builds at once and `npm run check` lists what is missing.
 */
export const DEFAULT_RULES: EditorialRules = {
  briefs: {
    title: { level: 'required', min: 1 },
    summary: { level: 'optional', max: 400 },
    highlights: { level: 'recommended', min: 1, max: 5 },
    sources: { level: 'recommended', min: 1 },
  },
  policies: {
    issuer: { level: 'recommended' },
    jurisdiction: { level: 'recommended' },
    issued: { level: 'recommended' },
    status: { level: 'recommended' },
  },
  terms: {
    original: { level: 'recommended' },
    pinyin: { level: 'recommended' },
    english: { level: 'recommended' },
  },
};

/** The fields a rule may name, for briefs and each kind. */
export function ruleFields(): Record<string, string[]> {
  const out: Record<string, string[]> = { briefs: [...BRIEF_FIELDS, ...KINDS.map((k) => k.id)] };
  for (const kind of KINDS) {
    const shape = (kind.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    out[kind.id] = Object.keys(shape).filter((field) => field !== 'name');
  }
  return out;
}

const bound = (what: string) =>
  z
    .number({
      error: (issue) => `expected ${what} as a whole number, got ${describe(issue.input)}`,
    })
    .int({ error: `expected ${what} as a whole number` })
    .min(0, { error: `${what} cannot be negative` });

const level = z.enum(RULE_LEVELS, {
  error: (issue) => `expected one of ${RULE_LEVELS.join(', ')}, got ${describe(issue.input)}`,
});

/** `required`, or `{ level: required, min: 20, max: 400 }`; a missing level keeps the default's. */
const fieldRule = z.union(
  [
    level.transform((l) => ({ level: l })),
    z.strictObject({
      level: level.optional(),
      min: bound('the minimum').optional(),
      max: bound('the maximum').optional(),
    }),
  ],
  {
    error: (issue) =>
      `expected required, recommended or optional, or a mapping such as { level: required, min: 20, max: 400 }, got ${describe(issue.input)}`,
  },
);

/** The `rules:` section of site.yaml, merged over the defaults field by field. */
export const rulesSchema = z
  .record(z.string(), z.record(z.string(), fieldRule).default({}), {
    error: (issue) =>
      `expected the rules as a mapping of briefs and kinds to fields, got ${describe(issue.input)}`,
  })
  .default({})
  .superRefine((rules, ctx) => {
    const fields = ruleFields();
    for (const [section, sectionRules] of Object.entries(rules)) {
      const known = fields[section];
      if (!known) {
        const near = closest(section, Object.keys(fields), 1)[0];
        ctx.addIssue({
          code: 'custom',
          path: [section],
          params: { atKey: true },
          message: `"${section}" is not briefs or a kind of profile${near ? `: did you mean "${near}"?` : ` (${Object.keys(fields).join(', ')})`}`,
        });
        continue;
      }
      for (const [field, rule] of Object.entries(sectionRules)) {
        if (!known.includes(field)) {
          const near = closest(field, known, 1)[0];
          ctx.addIssue({
            code: 'custom',
            path: [section, field],
            params: { atKey: true },
            message: `${section} have no field "${field}" a rule can govern${near ? `: did you mean "${near}"?` : ` (${known.join(', ')})`}`,
          });
        }
        const always = ALWAYS_REQUIRED[`${section}.${field}`];
        if (always && 'level' in rule && rule.level && rule.level !== 'required') {
          ctx.addIssue({
            code: 'custom',
            path: [section, field, 'level'],
            message: `the ${always} is always required: only its length (min, max) can be set`,
          });
        }
        if (
          'min' in rule &&
          rule.min !== undefined &&
          rule.max !== undefined &&
          rule.min > rule.max
        ) {
          ctx.addIssue({
            code: 'custom',
            path: [section, field],
            message: `min (${rule.min}) is more than max (${rule.max})`,
          });
        }
      }
    }
  })
  .transform((rules) =>
    mergeRules(DEFAULT_RULES, rules as Record<string, Record<string, Partial<FieldRule>>>),
  );

/** The defaults with a site's rules on top: a field's rule replaces the default's parts it names. */
export function mergeRules(
  defaults: EditorialRules,
  site: Record<string, Record<string, Partial<FieldRule>>>,
): EditorialRules {
  const out: EditorialRules = {};
  for (const section of new Set([...Object.keys(defaults), ...Object.keys(site)])) {
    const merged: FieldRules = { ...defaults[section] };
    for (const [field, rule] of Object.entries(site[section] ?? {})) {
      const base = merged[field] ?? { level: 'optional' };
      merged[field] = {
        level: rule.level ?? base.level,
        min: 'min' in rule ? rule.min : base.min,
        max: 'max' in rule ? rule.max : base.max,
      };
    }
    out[section] = merged;
  }
  return out;
}

export interface RuleFinding {
  path: string[];
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  /** What kind of finding it is, for counts: "briefs: no key takeaways (highlights)". */
  group: string;
}

const isMissing = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && !value.trim()) ||
  (Array.isArray(value) && value.length === 0);

/**
 * The findings of one record's frontmatter against its section's rules. Values of the wrong
 * type are left to the schema, which reports them.
 */
export function checkRules(
  data: Record<string, unknown>,
  section: string,
  rules: EditorialRules,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const where = `rules.${section}`;
  for (const [field, rule] of Object.entries(rules[section] ?? {})) {
    const value = data[field];
    const words = FIELD_WORDS[field] ?? field;
    const severity = rule.level === 'required' ? 'error' : 'warning';
    if (isMissing(value)) {
      if (rule.level === 'optional' || ALWAYS_REQUIRED[`${section}.${field}`]) continue;
      findings.push({
        path: [field],
        severity,
        message:
          rule.level === 'required'
            ? `required field is missing: this site's rules require ${words}`
            : `no ${words} (recommended by this site's rules)`,
        hint: `add "${field}:", or change ${where}.${field} in site.yaml`,
        group: `${section}: no ${words}`,
      });
      continue;
    }
    const size =
      typeof value === 'string'
        ? value.trim().length
        : Array.isArray(value)
          ? value.length
          : undefined;
    if (size === undefined) continue;
    const unit =
      typeof value === 'string'
        ? 'characters'
        : Array.isArray(value) && field === 'highlights'
          ? 'takeaways'
          : 'items';
    const tooFew = rule.min !== undefined && size < rule.min;
    const tooMany = rule.max !== undefined && size > rule.max;
    if (!tooFew && !tooMany) continue;
    findings.push({
      path: [field],
      severity,
      message: tooFew
        ? `${field} is too short: ${size} ${unit}, this site's rules ${rule.level === 'required' ? 'require' : 'recommend'} at least ${rule.min}`
        : `${field} is too long: ${size} ${unit}, this site's rules ${rule.level === 'required' ? 'allow' : 'recommend'} at most ${rule.max}`,
      hint: `shorten or lengthen it, or change ${where}.${field} in site.yaml`,
      group: `${section}: ${field} too ${tooFew ? 'short' : 'long'}`,
    });
  }
  return findings;
}
