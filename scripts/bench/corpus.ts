/**
 * `node scripts/bench/corpus.ts --briefs N --out DIR [--seed S]`: writes a synthetic
 * but realistic content folder (briefs/, companies/, policies/, themes/, terms/) for the
 * benchmark (issue 5). Deterministic: the same N and seed give byte-identical files
 * (a seeded PRNG, no Math.random, no clock).
 *
 * Shape of the corpus (see BENCHMARKS.md):
 * - entities in proportion to N: ~2% companies, ~1% policies, ~0.5% themes, ~0.3% terms
 *   (at least 3 of each);
 * - every brief references 1–3 companies, 1–3 policies, 1–3 themes and 0–2 terms; the
 *   choice is skewed (Zipf, s = 0.7) so a few entities are covered by many briefs, like a
 *   real archive; every entity is referenced at least once;
 * - 600–900 English words per brief body in 6–10 paragraphs with a "Why it matters"
 *   section; about 10% of briefs carry a paragraph of Chinese text;
 * - about half the briefs mention entities as [[Name]], [[alias]], [[kind/slug]] or
 *   [[kind/slug|text]] wikilinks, some of them to entities outside the frontmatter;
 * - Chinese aliases on the Chinese companies and policies (and every term);
 * - dates spread evenly over 2015-01-01 … 2026-12-31; files under briefs/<year>/.
 *
 * The corpus passes `npm run check` (validateContent) by construction: names and aliases
 * are unique across all entities, slugs are unique, every reference resolves.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pickWeighted, Random, zipf } from './random.ts';

// ---------------------------------------------------------------------------------------
// Word lists (corpus-words.json: data, kept apart from the code that composes it)

type Pair = readonly [string, string];
interface CorpusWords {
  /** Chinese places and name parts as [English, Chinese]. */
  PLACES: Pair[];
  WESTERN_PLACES: string[];
  MIDDLES: Pair[];
  CORES: Pair[];
  SUFFIXES: Pair[];
  WESTERN_SUFFIXES: string[];
  /** The country of each western place. */
  COUNTRIES_WEST: Record<string, string>;
  MATERIALS: Pair[];
  /** [name, adjective, Chinese]. */
  JURISDICTIONS: Array<readonly [string, string, string]>;
  /** Who issues policies, per jurisdiction. */
  ISSUERS: Record<string, string[]>;
  INSTRUMENTS: Pair[];
  /** Repeated entries weight the choice. */
  STATUSES: string[];
  THEME_SUBJECTS: string[];
  THEME_ANGLES: string[];
  /** [original, plain pinyin (the slug), pinyin with tones, English]. */
  TERMS: Array<readonly [string, string, string, string]>;
  /** [publisher, domain]. */
  PUBLISHERS: Pair[];
  AUTHORS: string[];
  BANKS: string[];
  PERIODS: string[];
  SPANS: string[];
  DRIVERS: string[];
  CONCERNS: string[];
  DIRECTIONS: string[];
  LATER: string[];
  FACILITIES: string[];
  ACTIONS: string[];
  GROUPS: string[];
  ADJECTIVES: string[];
  OUTCOMES: string[];
  ZH_ORGS: string[];
  ZH_ACTIONS: string[];
  ZH_OBJECTS: string[];
  ZH_EFFECTS: string[];
  ZH_TIMES: string[];
}

const WORDS = JSON.parse(
  readFileSync(new URL('./corpus-words.json', import.meta.url), 'utf8'),
) as CorpusWords;
const { PLACES, WESTERN_PLACES, MIDDLES, CORES, SUFFIXES, WESTERN_SUFFIXES, COUNTRIES_WEST } =
  WORDS;
const { MATERIALS, JURISDICTIONS, ISSUERS, INSTRUMENTS, STATUSES, THEME_SUBJECTS } = WORDS;
const { THEME_ANGLES, TERMS, PUBLISHERS, AUTHORS, BANKS, PERIODS, SPANS, DRIVERS } = WORDS;
const { CONCERNS, DIRECTIONS, LATER, FACILITIES, ACTIONS, GROUPS, ADJECTIVES, OUTCOMES } = WORDS;
const { ZH_ORGS, ZH_ACTIONS, ZH_OBJECTS, ZH_EFFECTS, ZH_TIMES } = WORDS;

// ---------------------------------------------------------------------------------------
// The corpus model

export interface CorpusOptions {
  briefs: number;
  seed?: string;
}

export interface CorpusFile {
  /** Relative to the content folder, e.g. briefs/2021/x.md */
  path: string;
  text: string;
}

interface Entity {
  kind: 'companies' | 'policies' | 'themes' | 'terms';
  slug: string;
  name: string;
  aliases: string[];
  /** A Chinese alias, if any (used in Chinese paragraphs and [[中文]] wikilinks). */
  zh?: string | undefined;
  fields: Array<[string, unknown]>;
  summary?: string | undefined;
  body: string;
  /** A short noun for sentences: "the company", "the rules". */
  role: string;
}

export function entityCounts(briefs: number): Record<Entity['kind'], number> {
  return {
    companies: Math.max(3, Math.round(briefs * 0.02)),
    policies: Math.max(3, Math.round(briefs * 0.01)),
    themes: Math.max(3, Math.round(briefs * 0.005)),
    terms: Math.min(TERMS.length, Math.max(3, Math.round(briefs * 0.003))),
  };
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const yaml = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  throw new Error(`unsupported YAML value ${String(value)}`);
};

/** "the United States", "China": country names as they read in a sentence. */
const place = (country: string) =>
  /^(United|European|Netherlands|DR )/.test(country) ? `the ${country}` : country;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Names and aliases are unique across every entity (case-insensitive), as the check requires. */
class NameRegistry {
  private readonly taken = new Set<string>();
  private key(name: string) {
    return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  }
  has(name: string) {
    return this.taken.has(this.key(name));
  }
  claim(name: string): boolean {
    const key = this.key(name);
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
}

function makeCompanies(random: Random, count: number, names: NameRegistry): Entity[] {
  const out: Entity[] = [];
  const slugs = new Set<string>();
  let ticker = 600010;
  for (let attempt = 0; out.length < count; attempt++) {
    if (attempt > count * 200) throw new Error(`could not invent ${count} distinct company names`);
    const chinese = random.chance(0.55);
    let name: string;
    let zh: string | undefined;
    let country: string;
    if (chinese) {
      const place = random.pick(PLACES);
      const middle = random.chance(0.5) ? random.pick(MIDDLES) : undefined;
      const core = random.pick(CORES);
      const suffix = random.pick(SUFFIXES);
      name = [place[0], middle?.[0], core[0], suffix[0]].filter(Boolean).join(' ');
      zh = `${place[1]}${middle?.[1] ?? ''}${core[1]}${suffix[1]}`;
      country = 'China';
    } else {
      const place = random.pick(WESTERN_PLACES);
      const core = random.pick(CORES);
      const suffix = random.pick(WESTERN_SUFFIXES);
      const middle = random.chance(0.4) ? random.pick(MIDDLES)[0] : undefined;
      name = [place, middle, core[0], suffix].filter(Boolean).join(' ');
      country = COUNTRIES_WEST[place] ?? 'Australia';
    }
    const short = name.replace(
      / (Group|Holdings|Corporation|Industries|Technologies|Co\.|Limited|Inc\.|Corp\.|plc|AG|SA|AB|KK|Ltd|Partners)$/,
      '',
    );
    const slug = slugify(short);
    if (slugs.has(slug) || names.has(name) || names.has(short)) continue;
    if (zh && names.has(zh)) zh = undefined;
    slugs.add(slug);
    names.claim(name);
    const aliases: string[] = [];
    if (short !== name && names.claim(short)) aliases.push(short);
    if (zh && names.claim(zh)) aliases.push(zh);
    const fields: Array<[string, unknown]> = [['country', country]];
    if (random.chance(0.7)) {
      const code = chinese
        ? `${ticker++}.${random.chance(0.6) ? 'SS' : 'SZ'}`
        : `${short.replace(/[^A-Z]/g, '').slice(0, 3) || 'XX'}${out.length}.${random.pick(['AX', 'TO', 'N', 'T', 'L'])}`;
      fields.push(['ticker', code]);
      if (names.claim(code)) aliases.push(code);
    }
    fields.push(['founded', random.int(1950, 2021)]);
    if (random.chance(0.6)) fields.push(['website', `https://www.${slug}.example.com/`]);
    const material = random.pick(MATERIALS)[0];
    const summary = `${chinese ? 'State-linked' : 'Listed'} producer of ${material} and related products, based in ${place(country)}.`;
    const body = [
      `${name} is a ${chinese ? 'state-linked' : 'listed'} producer based in ${place(country)}, with operations that run from ${random.pick(FACILITIES)}s to sales of ${material} to ${random.pick(GROUPS)}.`,
      `The company ${random.pick(ACTIONS)} plans for a new ${random.pick(FACILITIES)} in ${random.int(2016, 2025)}, and its results are closely watched as a signal for ${random.pick(THEME_ANGLES)} in the sector.`,
      `Analysts at ${random.pick(BANKS)} describe it as ${random.pick(['a price taker', 'a bellwether', 'a consolidator', 'a niche supplier', 'a key buyer'])} whose fortunes depend on ${random.pick(DRIVERS)}.`,
    ].join(' ');
    out.push({
      kind: 'companies',
      slug,
      name,
      aliases,
      zh: aliases.includes(zh ?? '') ? zh : undefined,
      fields,
      summary,
      body,
      role: 'the company',
    });
  }
  return out;
}

function makePolicies(random: Random, count: number, names: NameRegistry): Entity[] {
  const out: Entity[] = [];
  const slugs = new Set<string>();
  for (let attempt = 0; out.length < count; attempt++) {
    if (attempt > count * 200) throw new Error(`could not invent ${count} distinct policy names`);
    const [jurisdiction, adjective, zhJurisdiction] = random.pick(JURISDICTIONS);
    const material = random.pick(MATERIALS);
    const instrument = random.pick(INSTRUMENTS);
    const year = random.int(2012, 2026);
    const name = `${adjective} ${capitalise(material[0])} ${instrument[0]} ${year}`;
    const slug = slugify(name);
    if (slugs.has(slug) || names.has(name)) continue;
    slugs.add(slug);
    names.claim(name);
    const aliases: string[] = [];
    const short = `${year} ${material[0]} ${instrument[0].toLowerCase()} (${adjective})`;
    if (random.chance(0.5) && names.claim(short)) aliases.push(short);
    let zh: string | undefined;
    if (jurisdiction === 'China' || random.chance(0.2)) {
      const candidate = `${year}年${jurisdiction === 'China' ? '' : zhJurisdiction}${material[1]}${instrument[1]}`;
      if (names.claim(candidate)) {
        aliases.push(candidate);
        zh = candidate;
      }
    }
    const issued = new Date(Date.UTC(year, random.int(0, 11), random.int(1, 28)));
    const issuer = random.pick(ISSUERS[jurisdiction]!);
    const fields: Array<[string, unknown]> = [
      ['issuer', issuer],
      ['jurisdiction', jurisdiction],
      ['issued', issued],
      ['status', random.pick(STATUSES)],
    ];
    if (random.chance(0.6))
      fields.push(['effective', new Date(issued.getTime() + random.int(30, 240) * 86_400_000)]);
    if (random.chance(0.5))
      fields.push(['url', `https://policy.example.org/${slugify(jurisdiction)}/${slug}`]);
    const summary = `${capitalise(instrument[0].toLowerCase())} for ${material[0]} issued by the ${issuer} in ${year}.`;
    const body = [
      `The ${issuer} issued these ${instrument[0].toLowerCase()} in ${year} to govern ${material[0]}, citing ${random.pick(CONCERNS)}.`,
      `They require ${random.pick(GROUPS)} to ${random.pick(['apply for a licence for each contract', 'report volumes every month', 'name the end user of every shipment', 'keep records for five years', 'register with the regulator'])}, and they have been ${random.pick(['tightened', 'relaxed', 'extended', 'clarified', 'enforced more strictly'])} since.`,
      `Observers read the measure as part of a broader push on ${random.pick(THEME_ANGLES)}, and its effects on ${random.pick(GROUPS)} have been ${random.pick(ADJECTIVES)}.`,
    ].join(' ');
    out.push({
      kind: 'policies',
      slug,
      name,
      aliases,
      zh,
      fields,
      summary,
      body,
      role: 'the measure',
    });
  }
  return out;
}

function makeThemes(random: Random, count: number, names: NameRegistry): Entity[] {
  const out: Entity[] = [];
  const combos: Array<readonly [string, string]> = THEME_SUBJECTS.flatMap((s) =>
    THEME_ANGLES.map((a) => [s, a] as const),
  );
  const chosen = random.sample(combos, Math.min(count, combos.length));
  let round = 2;
  while (chosen.length < count)
    chosen.push(
      ...random
        .sample(combos, Math.min(count - chosen.length, combos.length))
        .map(([s, a]) => [`${s}`, `${a} ${round++}`] as const),
    );
  for (const [subject, angle] of chosen) {
    const name = capitalise(`${subject} ${angle}`);
    if (!names.claim(name)) continue;
    const slug = slugify(name);
    const body = [
      `This theme follows ${subject} ${angle}: the decisions, prices and disputes that connect individual events over the years.`,
      `It covers ${random.pick(GROUPS)}, ${random.pick(GROUPS)} and the governments that regulate them, and tracks how ${random.pick(DRIVERS)} shapes the market.`,
    ].join(' ');
    out.push({
      kind: 'themes',
      slug,
      name,
      aliases: [],
      fields: [],
      summary: `How ${subject} ${angle} shape the sector.`,
      body,
      role: 'the trend',
    });
  }
  return out;
}

function makeTerms(random: Random, count: number, names: NameRegistry): Entity[] {
  const out: Entity[] = [];
  for (const [original, plain, pinyin, english] of random.sample(TERMS, count)) {
    if (!names.claim(english)) continue;
    const aliases = [original, plain].filter((alias) => names.claim(alias));
    const body = `${original} (${pinyin}, "${english.toLowerCase()}") appears in official documents on ${random.pick(THEME_ANGLES)} and in company notices. In practice it signals ${random.pick(['tighter control', 'new subsidies', 'a campaign', 'a change of priorities', 'consolidation'])} in sectors such as ${random.pick(MATERIALS)[0]}.`;
    out.push({
      kind: 'terms',
      slug: slugify(plain),
      name: english,
      aliases,
      zh: aliases.includes(original) ? original : undefined,
      fields: [
        ['original', original],
        ['pinyin', pinyin],
        ['english', english],
      ],
      summary: `A Chinese policy phrase: ${english.toLowerCase()}.`,
      body,
      role: 'the phrase',
    });
  }
  return out;
}

function entityFile(entity: Entity, random: Random, all: Entity[]): CorpusFile {
  const lines = ['---', `name: ${yaml(entity.name)}`];
  if (entity.aliases.length) lines.push(`aliases: [${entity.aliases.map(yaml).join(', ')}]`);
  if (entity.summary) lines.push(`summary: ${yaml(entity.summary)}`);
  for (const [key, value] of entity.fields) lines.push(`${key}: ${yaml(value)}`);
  lines.push('---');
  let body = entity.body;
  // A quarter of the profiles link to another entity, the way real profiles do.
  if (random.chance(0.25)) {
    const other = random.pick(all);
    if (other !== entity) body += ` See also [[${other.kind}/${other.slug}|${other.name}]].`;
  }
  return { path: `${entity.kind}/${entity.slug}.md`, text: `${lines.join('\n')}\n${body}\n` };
}

// ---------------------------------------------------------------------------------------
// Briefs

interface BriefContext {
  random: Random;
  companies: Entity[];
  policies: Entity[];
  themes: Entity[];
  terms: Entity[];
  all: Entity[];
  /** Whether this brief writes mentions as wikilinks, and how often. */
  wikilinkRate: number;
  wikilinks: number;
}

/** A mention of an entity in running text: plain, or one of the four wikilink forms. */
function mention(ctx: BriefContext, entity: Entity): string {
  const { random } = ctx;
  if (ctx.wikilinks >= 6 || !random.chance(ctx.wikilinkRate)) return entity.name;
  ctx.wikilinks++;
  const latinAliases = entity.aliases.filter(
    (a) => !/[\u4e00-\u9fff]/.test(a) && !/\.[A-Z]+$/.test(a),
  );
  const form = random.int(0, 3);
  if (form === 0) return `[[${entity.name}]]`;
  if (form === 1 && latinAliases.length) return `[[${random.pick(latinAliases)}]]`;
  if (form === 2) return `[[${entity.kind}/${entity.slug}]]`;
  return `[[${entity.kind}/${entity.slug}|${entity.name}]]`;
}

function sentence(
  ctx: BriefContext,
  refs: { companies: Entity[]; policies: Entity[]; themes: Entity[]; terms: Entity[] },
  year: number,
): string {
  const { random } = ctx;
  const company = () =>
    mention(ctx, random.chance(0.85) ? random.pick(refs.companies) : random.pick(ctx.companies));
  const policy = () =>
    mention(ctx, random.chance(0.85) ? random.pick(refs.policies) : random.pick(ctx.policies));
  const theme = () => random.pick(refs.themes).name.toLowerCase();
  const material = () => random.pick(MATERIALS)[0];
  const pct = () => `${random.int(2, 68)}%`;
  const tonnes = () => `${random.int(1, 95) * 100} tonnes`;
  const money = () => `${random.pick(['US$', 'A$', '¥', '€'])}${random.int(2, 950)} million`;
  const period = () => `${random.pick(PERIODS)} of ${year}`;
  const templates: Array<() => string> = [
    () =>
      `${company()} said its output of ${material()} rose ${pct()} in ${period()}, helped by ${random.pick(DRIVERS)}.`,
    () =>
      `Sales at ${company()} fell ${pct()} over ${random.pick(SPANS)}, which the company blamed on ${random.pick(DRIVERS)}.`,
    () =>
      `Under the ${policy()}, exporters must ${random.pick(['apply for a licence for each contract', 'name the end user of every shipment', 'report monthly volumes to the regulator', 'wait up to forty-five working days for approval'])}.`,
    () =>
      `Officials did not give a reason for the change, but they have repeatedly linked supplies of ${material()} to ${random.pick(CONCERNS)}.`,
    () =>
      `Analysts at ${random.pick(BANKS)} expect prices for ${material()} to stay ${random.pick(DIRECTIONS)} until ${random.pick(LATER)}.`,
    () =>
      `The ${random.pick(ADJECTIVES)} shift matters for ${random.pick(GROUPS)}, who buy most of the ${material()} traded outside China.`,
    () =>
      `${company()} ${random.pick(ACTIONS)} plans for a ${random.pick(FACILITIES)} with annual capacity of ${tonnes()}, at a cost of about ${money()}.`,
    () =>
      `Shipments of ${material()} from China fell to ${tonnes()} in ${random.pick(['January', 'March', 'May', 'July', 'September', 'November'])}, according to customs data, down ${pct()} from a year earlier.`,
    () =>
      `The episode is part of a longer story about ${theme()}, in which every new rule prompts ${random.pick(OUTCOMES)}.`,
    () =>
      `For ${random.pick(GROUPS)}, the practical result has been ${random.pick(OUTCOMES)} rather than outright shortages.`,
    () =>
      `People familiar with the matter said ${company()} had held talks with ${random.pick(GROUPS)} in ${place(random.pick(JURISDICTIONS)[0])} about long-term supply.`,
    () =>
      `The ${policy()} has been ${random.pick(['tightened', 'relaxed', 'extended', 'clarified', 'enforced more strictly'])} twice since it first took effect.`,
    () =>
      `Industry groups in ${place(random.pick(JURISDICTIONS)[0])} warned that ${random.pick(GROUPS)} held only ${random.int(2, 12)} weeks of stock.`,
    () =>
      `Prices of ${material()} in Shanghai ${random.pick(['rose', 'fell', 'edged up', 'slipped', 'jumped', 'slumped'])} ${pct()} in the week after the announcement.`,
    () =>
      `${company()} and ${company()} together account for roughly ${pct()} of global capacity for ${material()}.`,
    () =>
      `Critics argue that the ${policy()} protects incumbents and discourages investment in ${random.pick(FACILITIES)}s elsewhere.`,
    () =>
      `A spokesperson for ${company()} said the company would ${random.pick(['comply fully with the new rules', 'seek clarification from the authorities', 'keep supplying existing customers', 'review its investment plans', 'raise output at its existing sites'])}.`,
    () =>
      `The ${random.pick(ISSUERS.China!)} said it would publish further guidance before ${random.pick(LATER)}.`,
    () =>
      `That leaves ${random.pick(GROUPS)} exposed to ${random.pick(DRIVERS)}, a risk that ${random.pick(BANKS)} called ${random.pick(ADJECTIVES)} but real.`,
    () =>
      `Governments in ${place(random.pick(JURISDICTIONS)[0])} and ${place(random.pick(JURISDICTIONS)[0])} have responded with grants, loans and offtake guarantees worth ${money()}.`,
    () =>
      `In ${year} the market for ${material()} was worth about ${money()}, small next to iron ore or copper but critical for ${random.pick(GROUPS)}.`,
    () =>
      `Few expect the pressure to ease soon: ${random.pick(DRIVERS)} and ${random.pick(DRIVERS)} point in the same direction.`,
  ];
  return random.pick(templates)();
}

function chineseParagraph(
  ctx: BriefContext,
  refs: { companies: Entity[]; policies: Entity[]; terms: Entity[] },
): string {
  const { random } = ctx;
  const zhEntities = [...refs.companies, ...refs.policies, ...refs.terms].filter((e) => e.zh);
  const sentences: string[] = [];
  const count = random.int(3, 6);
  for (let i = 0; i < count; i++) {
    const who = zhEntities.length && random.chance(0.6) ? random.pick(zhEntities) : undefined;
    const subject = who
      ? ctx.wikilinks < 6 && random.chance(0.4)
        ? (ctx.wikilinks++, `[[${who.zh}]]`)
        : who.zh!
      : random.pick(ZH_ORGS);
    sentences.push(
      `${random.pick(ZH_TIMES)}，${subject}${random.pick(ZH_ACTIONS)}${random.pick(MATERIALS)[1]}${random.pick(ZH_OBJECTS)}，${random.pick(ZH_EFFECTS)}。`,
    );
  }
  return `原文摘录：${sentences.join('')}`;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

function pickRefs(
  random: Random,
  pool: Entity[],
  weights: Float64Array,
  count: number,
  first?: Entity,
): Entity[] {
  const chosen = new Set<Entity>(first ? [first] : []);
  for (let guard = 0; chosen.size < Math.min(count, pool.length) && guard < 100; guard++)
    chosen.add(pool[pickWeighted(random, weights)]!);
  return [...chosen];
}

const START = Date.UTC(2015, 0, 1);
const END = Date.UTC(2026, 11, 31);
/** A build day after every brief of the corpus, so that none is scheduled (BRIEFING_BUILD_DATE). */
export const CORPUS_BUILD_DAY = '2027-01-01';

export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const seed = options.seed ?? 'briefing';
  const random = new Random(`${seed}/${options.briefs}`);
  const counts = entityCounts(options.briefs);
  const names = new NameRegistry();
  const companies = makeCompanies(random, counts.companies, names);
  const policies = makePolicies(random, counts.policies, names);
  const themes = makeThemes(random, counts.themes, names);
  const terms = makeTerms(random, counts.terms, names);
  const all = [...companies, ...policies, ...themes, ...terms];
  const weights = {
    companies: zipf(companies.length, 0.7),
    policies: zipf(policies.length, 0.7),
    themes: zipf(themes.length, 0.7),
    terms: zipf(terms.length, 0.7),
  };

  const files: CorpusFile[] = all.map((entity) => entityFile(entity, random, all));
  const briefSlugs = new Set<string>();
  type Refs = { companies: Entity[]; policies: Entity[]; themes: Entity[]; terms: Entity[] };
  const planned: Array<{ refs: Refs; date: Date }> = [];
  for (let i = 0; i < options.briefs; i++) {
    // The first reference of each kind cycles through every entity, so none is left unreferenced.
    const refs: Refs = {
      companies: pickRefs(
        random,
        companies,
        weights.companies,
        random.int(1, 3),
        companies[i % companies.length],
      ),
      policies: pickRefs(
        random,
        policies,
        weights.policies,
        random.int(1, 3),
        policies[i % policies.length],
      ),
      themes: pickRefs(random, themes, weights.themes, random.int(1, 3), themes[i % themes.length]),
      terms:
        random.chance(0.3) || i < terms.length
          ? pickRefs(random, terms, weights.terms, random.int(1, 2), terms[i % terms.length])
          : [],
    };
    const day = Math.floor(random.next() * ((END - START) / 86_400_000 + 1));
    planned.push({ refs, date: new Date(START + day * 86_400_000) });
  }
  // Tiny corpora (fewer briefs than entities of a kind): attach the rest round-robin.
  if (options.briefs > 0) {
    for (const kind of ['companies', 'policies', 'themes', 'terms'] as const) {
      const pool = { companies, policies, themes, terms }[kind];
      pool
        .slice(options.briefs)
        .forEach((entity, j) => planned[j % options.briefs]!.refs[kind].push(entity));
    }
  }

  planned.forEach(({ refs, date }) => {
    const ctx: BriefContext = {
      random,
      companies,
      policies,
      themes,
      terms,
      all,
      wikilinkRate: random.chance(0.5) ? 0.25 : 0,
      wikilinks: 0,
    };
    const year = date.getUTCFullYear();
    const lead = refs.companies[0]!;
    const material = random.pick(MATERIALS)[0];
    const titles = [
      `${lead.name} ${random.pick(['expands', 'cuts', 'restarts', 'delays', 'doubles', 'reviews'])} ${material} ${random.pick(['output', 'capacity', 'exports', 'investment', 'shipments'])}`,
      `${capitalise(place(random.pick(JURISDICTIONS)[0]))} ${random.pick(['tightens', 'eases', 'extends', 'suspends', 'reviews'])} ${material} ${random.pick(['export licensing', 'quotas', 'tariffs', 'stockpiles', 'inspections'])}`,
      `${capitalise(material)} prices ${random.pick(['fall', 'rise', 'slide', 'surge', 'steady'])} as ${random.pick(DRIVERS)}`,
      `What the ${refs.policies[0]!.name} means for ${random.pick(GROUPS)}`,
      `${lead.name} and the politics of ${refs.themes[0]!.name.toLowerCase()}`,
    ];
    const title = random.pick(titles);
    let slug = slugify(title).slice(0, 72).replace(/-+$/, '');
    for (let n = 2; briefSlugs.has(slug); n++)
      slug = `${slugify(title).slice(0, 72).replace(/-+$/, '')}-${n}`;
    briefSlugs.add(slug);

    const summary = `${lead.name} ${random.pick(ACTIONS)} changes to its ${material} business as ${random.pick(DRIVERS)} and the ${refs.policies[0]!.name} reshaped the market in ${year}.`;
    const highlights = Array.from({ length: random.int(2, 4) }, () =>
      sentence({ ...ctx, wikilinkRate: 0, wikilinks: 99 }, refs, year),
    );
    const sources = Array.from({ length: random.int(1, 4) }, (_, k) => {
      const [publisher, domain] = random.pick(PUBLISHERS);
      const sourceDate = new Date(date.getTime() + random.int(0, 20) * 86_400_000);
      return {
        title: capitalise(
          `${material} ${random.pick(['market update', 'report', 'analysis', 'briefing', 'statement', 'results'])}: ${random.pick(DRIVERS)}`,
        ),
        publisher,
        url: `https://www.${domain}/${year}/${String(sourceDate.getUTCMonth() + 1).padStart(2, '0')}/${slug}-${k + 1}`,
        date: sourceDate,
      };
    });

    const target = random.int(600, 900);
    const paragraphs: string[] = [];
    let words = 3; // the "Why it matters" heading
    let current: string[] = [];
    let perParagraph = random.int(3, 6);
    while (words < target) {
      const s = sentence(ctx, refs, year);
      const w = countWords(s);
      if (words + w > 900) break;
      current.push(s);
      words += w;
      if (current.length >= perParagraph) {
        paragraphs.push(current.join(' '));
        current = [];
        perParagraph = random.int(3, 6);
      }
    }
    if (current.length) paragraphs.push(current.join(' '));
    // A closing section, and for about 10% of briefs a passage in Chinese.
    const cut = Math.max(1, paragraphs.length - random.int(1, 2));
    const body = [...paragraphs.slice(0, cut), '## Why it matters', ...paragraphs.slice(cut)];
    if (random.chance(0.1))
      body.splice(random.int(1, Math.max(1, cut - 1)), 0, chineseParagraph(ctx, refs));

    const lines = [
      '---',
      `title: ${yaml(title)}`,
      `date: ${isoDay(date)}`,
      `summary: ${yaml(summary)}`,
      'highlights:',
      ...highlights.map((h) => `  - ${yaml(h)}`),
      ...(['companies', 'policies', 'themes', 'terms'] as const)
        .filter((k) => refs[k].length)
        .map((k) => `${k}: [${refs[k].map((e) => e.slug).join(', ')}]`),
      'sources:',
      ...sources.flatMap((s) => [
        `  - title: ${yaml(s.title)}`,
        `    publisher: ${yaml(s.publisher)}`,
        `    url: ${yaml(s.url)}`,
        `    date: ${isoDay(s.date)}`,
      ]),
    ];
    if (random.chance(0.4))
      lines.push(`authors: [${random.sample(AUTHORS, random.int(1, 2)).map(yaml).join(', ')}]`);
    if (random.chance(0.1))
      lines.push(`updated: ${isoDay(new Date(date.getTime() + random.int(1, 60) * 86_400_000))}`);
    lines.push('---');
    files.push({
      path: `briefs/${year}/${slug}.md`,
      text: `${lines.join('\n')}\n${body.join('\n\n')}\n`,
    });
  });
  return files;
}

export const CORPUS_FOLDERS = ['briefs', 'companies', 'policies', 'themes', 'terms'] as const;

/** Writes the corpus into `outDir`, replacing any corpus already there. Refuses the project's content/. */
export function writeCorpus(
  outDir: string,
  files: CorpusFile[],
  projectRoot = process.cwd(),
): void {
  const out = resolve(outDir);
  const content = resolve(projectRoot, 'content');
  const rel = relative(content, out);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new Error(
      `refusing to write a synthetic corpus into ${out}: it is (inside) the project's content folder`,
    );
  }
  for (const folder of CORPUS_FOLDERS) rmSync(join(out, folder), { recursive: true, force: true });
  const made = new Set<string>();
  for (const file of files) {
    const path = join(out, file.path);
    const dir = dirname(path);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, file.text);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      briefs: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: 'briefing' },
    },
  });
  const briefs = Number(values.briefs);
  if (!Number.isInteger(briefs) || briefs < 1)
    throw new Error(`--briefs must be a positive whole number, got ${values.briefs}`);
  const out = values.out ?? `bench/work/corpus-${briefs}`;
  const started = performance.now();
  const files = generateCorpus({ briefs, seed: values.seed });
  writeCorpus(out, files);
  const counts = Object.fromEntries(
    CORPUS_FOLDERS.map((f) => [f, files.filter((x) => x.path.startsWith(`${f}/`)).length]),
  );
  console.log(
    `✓ wrote ${files.length} files to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(
      counts,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
}
