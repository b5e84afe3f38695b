/**
 * `node scripts/generate-corpus.ts --briefs N --out DIR [--seed S]`: writes a synthetic
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
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** sfc32 seeded from a string hash (cyrb128): small, fast and well distributed. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
    this.b = (h2 ^ h1) >>> 0;
    this.c = (h3 ^ h1) >>> 0;
    this.d = (h4 ^ h1) >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    for (let i = 0; i < count && copy.length; i++) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

/** Cumulative Zipf weights: index 0 is the most popular. */
function zipf(count: number, s: number): Float64Array {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) cumulative[i] = total += 1 / (i + 1) ** s;
  for (let i = 0; i < count; i++) cumulative[i]! /= total;
  return cumulative;
}

function pickWeighted(random: Random, cumulative: Float64Array): number {
  const x = random.next();
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------
// Word lists

const PLACES = [
  ['Baotou', '包头'], ['Ganzhou', '赣州'], ['Jiangxi', '江西'], ['Sichuan', '四川'], ['Guangdong', '广东'], ['Hunan', '湖南'],
  ['Fujian', '福建'], ['Shandong', '山东'], ['Yunnan', '云南'], ['Inner Mongolia', '内蒙古'], ['Guangxi', '广西'], ['Xiamen', '厦门'],
  ['Ningbo', '宁波'], ['Chengdu', '成都'], ['Shanghai', '上海'], ['Hubei', '湖北'], ['Zhejiang', '浙江'], ['Anhui', '安徽'],
  ['Henan', '河南'], ['Shaanxi', '陕西'], ['Qinghai', '青海'], ['Xinjiang', '新疆'], ['Liaoning', '辽宁'], ['Hebei', '河北'],
] as const;
const WESTERN_PLACES = [
  'Pilbara', 'Kimberley', 'Perth', 'Kalgoorlie', 'Toronto', 'Ontario', 'Quebec', 'Saskatchewan', 'Nevada', 'Texas', 'Wyoming', 'Alaska',
  'Oklahoma', 'Carolina', 'Bavarian', 'Ruhr', 'Nordic', 'Baltic', 'Lapland', 'Kiruna', 'Andean', 'Atacama', 'Kyushu', 'Osaka',
  'Hokkaido', 'Busan', 'Ulsan', 'Penang', 'Pahang', 'Kuantan', 'Hanoi', 'Haiphong', 'Mumbai', 'Odisha', 'Kerala', 'Transvaal',
  'Namaqua', 'Kivu', 'Katanga', 'Greenland', 'Tanbreez', 'Malmo', 'Rotterdam', 'Antwerp', 'Lorraine', 'Lyon', 'Saxony', 'Cornwall',
] as const;
const MIDDLES = [
  ['Golden', '金'], ['Northern', '北方'], ['Southern', '南方'], ['Eastern', '东方'], ['Western', '西部'], ['New', '新'], ['United', '联合'],
  ['Pacific', '太平洋'], ['Continental', '大陆'], ['Silver', '银'], ['Jade', '玉'], ['Dragon', '龙'], ['Phoenix', '凤凰'], ['Great Wall', '长城'],
  ['Red Star', '红星'], ['Sunrise', '旭日'], ['Summit', '峰'], ['Crystal', '晶'], ['Star', '星'], ['Ocean', '海洋'],
] as const;
const CORES = [
  ['Rare Earth', '稀土'], ['Magnet', '磁材'], ['Metals', '金属'], ['Minerals', '矿产'], ['Materials', '材料'], ['Mining', '矿业'],
  ['Resources', '资源'], ['Tungsten', '钨业'], ['Lithium', '锂业'], ['Graphite', '石墨'], ['Gallium', '镓业'], ['Antimony', '锑业'],
  ['Alloys', '合金'], ['Refining', '冶炼'], ['Separation', '分离'], ['Magnetics', '磁业'], ['Smelting', '冶金'], ['Advanced Materials', '新材料'],
] as const;
const SUFFIXES = [
  ['Group', '集团'], ['Holdings', '控股'], ['Corporation', '股份'], ['Industries', '实业'], ['Technologies', '科技'], ['Co.', '有限公司'],
] as const;
const WESTERN_SUFFIXES = ['Limited', 'Inc.', 'Corp.', 'plc', 'AG', 'SA', 'AB', 'KK', 'Ltd', 'Partners'] as const;

const COUNTRIES_WEST: Record<string, string> = {
  Pilbara: 'Australia', Kimberley: 'Australia', Perth: 'Australia', Kalgoorlie: 'Australia', Toronto: 'Canada', Ontario: 'Canada',
  Quebec: 'Canada', Saskatchewan: 'Canada', Nevada: 'United States', Texas: 'United States', Wyoming: 'United States', Alaska: 'United States',
  Oklahoma: 'United States', Carolina: 'United States', Bavarian: 'Germany', Ruhr: 'Germany', Nordic: 'Norway', Baltic: 'Estonia',
  Lapland: 'Finland', Kiruna: 'Sweden', Andean: 'Chile', Atacama: 'Chile', Kyushu: 'Japan', Osaka: 'Japan', Hokkaido: 'Japan',
  Busan: 'South Korea', Ulsan: 'South Korea', Penang: 'Malaysia', Pahang: 'Malaysia', Kuantan: 'Malaysia', Hanoi: 'Vietnam',
  Haiphong: 'Vietnam', Mumbai: 'India', Odisha: 'India', Kerala: 'India', Transvaal: 'South Africa', Namaqua: 'South Africa',
  Kivu: 'DR Congo', Katanga: 'DR Congo', Greenland: 'Greenland', Tanbreez: 'Greenland', Malmo: 'Sweden', Rotterdam: 'Netherlands',
  Antwerp: 'Belgium', Lorraine: 'France', Lyon: 'France', Saxony: 'Germany', Cornwall: 'United Kingdom',
};

const MATERIALS = [
  ['rare earths', '稀土'], ['neodymium', '钕'], ['praseodymium', '镨'], ['dysprosium', '镝'], ['terbium', '铽'], ['samarium', '钐'],
  ['yttrium', '钇'], ['gallium', '镓'], ['germanium', '锗'], ['graphite', '石墨'], ['antimony', '锑'], ['tungsten', '钨'],
  ['lithium', '锂'], ['cobalt', '钴'], ['indium', '铟'], ['scandium', '钪'], ['NdPr oxide', '氧化镨钕'], ['lutetium', '镥'],
] as const;

const JURISDICTIONS = [
  ['China', 'Chinese', '中国'], ['United States', 'US', '美国'], ['European Union', 'EU', '欧盟'], ['Japan', 'Japanese', '日本'],
  ['Australia', 'Australian', '澳大利亚'], ['Canada', 'Canadian', '加拿大'], ['India', 'Indian', '印度'], ['South Korea', 'Korean', '韩国'],
  ['United Kingdom', 'UK', '英国'], ['Vietnam', 'Vietnamese', '越南'], ['Malaysia', 'Malaysian', '马来西亚'], ['Indonesia', 'Indonesian', '印度尼西亚'],
] as const;
const ISSUERS: Record<string, string[]> = {
  China: ['Ministry of Commerce', 'State Council', 'Ministry of Industry and Information Technology', 'General Administration of Customs', 'National Development and Reform Commission'],
  'United States': ['Department of Commerce', 'Department of Defense', 'Department of Energy', 'Office of the US Trade Representative', 'US Congress'],
  'European Union': ['European Commission', 'Council of the European Union', 'European Parliament'],
  Japan: ['Ministry of Economy, Trade and Industry', 'JOGMEC'],
  Australia: ['Department of Industry, Science and Resources', 'Export Finance Australia'],
  Canada: ['Natural Resources Canada', 'Global Affairs Canada'],
  India: ['Ministry of Mines', 'Department of Atomic Energy'],
  'South Korea': ['Ministry of Trade, Industry and Energy', 'KOMIR'],
  'United Kingdom': ['Department for Business and Trade', 'HM Treasury'],
  Vietnam: ['Ministry of Industry and Trade', 'Government of Vietnam'],
  Malaysia: ['Ministry of Investment, Trade and Industry', 'Pahang State Government'],
  Indonesia: ['Ministry of Energy and Mineral Resources', 'Government of Indonesia'],
};
const INSTRUMENTS = [
  ['Export Controls', '出口管制'], ['Export Licensing Rules', '出口许可规定'], ['Production Quota', '生产配额'], ['Stockpile Programme', '储备计划'],
  ['Tariff Schedule', '关税措施'], ['Investment Screening Rules', '投资审查规定'], ['Recycling Mandate', '回收规定'], ['Traceability Rules', '追溯管理办法'],
  ['Price Support Scheme', '价格支持机制'], ['Processing Subsidy', '加工补贴'], ['Technology Export Ban', '技术出口禁令'], ['Mining Licence Reform', '采矿权改革'],
  ['Consolidation Plan', '整合方案'], ['Strategic Reserve Law', '战略储备法'], ['Environmental Inspection Campaign', '环保督察'], ['Supply Chain Act', '供应链法案'],
] as const;
const STATUSES = ['in-force', 'in-force', 'in-force', 'proposed', 'suspended', 'repealed', 'expired'] as const;

const THEME_SUBJECTS = [
  'rare-earth', 'magnet', 'gallium', 'germanium', 'graphite', 'antimony', 'tungsten', 'lithium', 'battery-metal', 'heavy rare earth',
  'critical-mineral', 'separation', 'recycling', 'deep-sea mining', 'smelting', 'state-owned enterprise', 'defence supply', 'electric-vehicle',
] as const;
const THEME_ANGLES = [
  'prices', 'export controls', 'supply security', 'consolidation', 'stockpiles', 'geopolitics', 'investment', 'pollution and cleanup',
  'technology transfer', 'smuggling', 'labour and safety', 'financing', 'trade disputes', 'industrial policy', 'demand', 'innovation',
] as const;

const TERMS = [
  ['新质生产力', 'xin zhi shengchanli', 'xīn zhì shēngchǎnlì', 'New quality productive forces'],
  ['共同富裕', 'gongtong fuyu', 'gòngtóng fùyù', 'Common prosperity'],
  ['双循环', 'shuang xunhuan', 'shuāng xúnhuán', 'Dual circulation'],
  ['高质量发展', 'gao zhiliang fazhan', 'gāo zhìliàng fāzhǎn', 'High-quality development'],
  ['自主可控', 'zizhu kekong', 'zìzhǔ kěkòng', 'Independent and controllable'],
  ['卡脖子', 'qia bozi', 'qiǎ bózi', 'Choke points'],
  ['战略性矿产', 'zhanluexing kuangchan', 'zhànlüèxìng kuàngchǎn', 'Strategic minerals'],
  ['链长制', 'lianzhang zhi', 'liànzhǎng zhì', 'Chain-leader system'],
  ['专精特新', 'zhuan jing te xin', 'zhuān jīng tè xīn', 'Specialised and innovative firms'],
  ['国产替代', 'guochan tidai', 'guóchǎn tìdài', 'Domestic substitution'],
  ['稳中求进', 'wen zhong qiu jin', 'wěn zhōng qiú jìn', 'Seeking progress while maintaining stability'],
  ['统筹发展和安全', 'tongchou fazhan he anquan', 'tǒngchóu fāzhǎn hé ānquán', 'Balancing development and security'],
  ['新型举国体制', 'xinxing juguo tizhi', 'xīnxíng jǔguó tǐzhì', 'New whole-nation system'],
  ['供给侧结构性改革', 'gongjice jiegouxing gaige', 'gōngjǐcè jiégòuxìng gǎigé', 'Supply-side structural reform'],
  ['产业链供应链韧性', 'chanyelian gongyinglian renxing', 'chǎnyèliàn gōngyìngliàn rènxìng', 'Industrial and supply chain resilience'],
  ['现代化产业体系', 'xiandaihua chanye tixi', 'xiàndàihuà chǎnyè tǐxì', 'Modern industrial system'],
  ['党建引领', 'dangjian yinling', 'dǎngjiàn yǐnlǐng', 'Party building as the lead'],
  ['混合所有制改革', 'hunhe suoyouzhi gaige', 'hùnhé suǒyǒuzhì gǎigé', 'Mixed-ownership reform'],
  ['国有资本', 'guoyou ziben', 'guóyǒu zīběn', 'State capital'],
  ['绿色低碳', 'lvse ditan', 'lǜsè dītàn', 'Green and low-carbon'],
  ['碳达峰', 'tan dafeng', 'tàn dáfēng', 'Carbon peaking'],
  ['总体国家安全观', 'zongti guojia anquan guan', 'zǒngtǐ guójiā ānquán guān', 'Holistic national security'],
  ['资源安全', 'ziyuan anquan', 'zīyuán ānquán', 'Resource security'],
  ['反制裁', 'fan zhicai', 'fǎn zhìcái', 'Counter-sanctions'],
  ['不可靠实体清单', 'bu kekao shiti qingdan', 'bù kěkào shítǐ qīngdān', 'Unreliable entity list'],
  ['两用物项', 'liangyong wuxiang', 'liǎngyòng wùxiàng', 'Dual-use items'],
  ['全国统一大市场', 'quanguo tongyi da shichang', 'quánguó tǒngyī dà shìchǎng', 'Unified national market'],
  ['内卷', 'neijuan', 'nèijuǎn', 'Involution'],
  ['做强做优做大', 'zuoqiang zuoyou zuoda', 'zuòqiáng zuòyōu zuòdà', 'Stronger, better and bigger'],
  ['一带一路', 'yidai yilu', 'yīdài yīlù', 'Belt and Road'],
  ['央地协同', 'yang di xietong', 'yāng dì xiétóng', 'Central-local coordination'],
  ['安全底线', 'anquan dixian', 'ānquán dǐxiàn', 'Security bottom line'],
  ['以旧换新', 'yi jiu huan xin', 'yǐ jiù huàn xīn', 'Trade-in programme'],
  ['科技自立自强', 'keji zili ziqiang', 'kējì zìlì zìqiáng', 'Technological self-reliance'],
  ['稀土总量控制', 'xitu zongliang kongzhi', 'xītǔ zǒngliàng kòngzhì', 'Rare-earth total quantity control'],
  ['打非治违', 'da fei zhi wei', 'dǎ fēi zhì wéi', 'Cracking down on illegal operations'],
  ['整合重组', 'zhenghe chongzu', 'zhěnghé chóngzǔ', 'Consolidation and restructuring'],
  ['对外开放', 'duiwai kaifang', 'duìwài kāifàng', 'Opening up'],
  ['放管服', 'fang guan fu', 'fàng guǎn fú', 'Streamline, regulate, serve'],
  ['中央企业', 'zhongyang qiye', 'zhōngyāng qǐyè', 'Central state-owned enterprises'],
] as const;

const PUBLISHERS = [
  ['Reuters', 'reuters.com'], ['Bloomberg', 'bloomberg.com'], ['Financial Times', 'ft.com'], ['Caixin', 'caixinglobal.com'],
  ['South China Morning Post', 'scmp.com'], ['Nikkei Asia', 'asia.nikkei.com'], ['Mining.com', 'mining.com'], ['Fastmarkets', 'fastmarkets.com'],
  ['Argus Media', 'argusmedia.com'], ['The Wall Street Journal', 'wsj.com'], ['Xinhua', 'english.news.cn'], ['Global Times', 'globaltimes.cn'],
  ['Ministry of Commerce', 'english.mofcom.gov.cn'], ['Shanghai Metals Market', 'metal.com'], ['Benchmark Mineral Intelligence', 'benchmarkminerals.com'],
  ['The Economist', 'economist.com'], ['Australian Financial Review', 'afr.com'], ['Yicai', 'yicaiglobal.com'], ['21st Century Business Herald', '21jingji.com'],
] as const;
const AUTHORS = ['Jane Analyst', 'Li Wei', 'Maria Santos', 'Tom Becker', 'Chen Jing', 'Aiko Tanaka', 'Priya Raman', 'Oliver Grant'] as const;

const BANKS = ['Goldman Sachs', 'Morgan Stanley', 'Macquarie', 'Citi', 'UBS', 'CICC', 'Citic Securities', 'Jefferies', 'BMO Capital Markets', 'Adamas Intelligence', 'Project Blue', 'Wood Mackenzie'] as const;
const PERIODS = ['the first quarter', 'the second quarter', 'the third quarter', 'the fourth quarter', 'the first half', 'the second half'] as const;
const SPANS = ['the year to June', 'the past twelve months', 'the last three months', 'the first quarter', 'the second half'] as const;
const DRIVERS = [
  'stronger orders from electric-vehicle makers', 'a larger Chinese mining quota', 'weaker demand from wind-turbine makers', 'tighter customs inspections',
  'a backlog of export licence applications', 'stockpiling by magnet makers', 'higher feedstock costs', 'new separation capacity coming on line',
  'a slowdown in consumer electronics', 'restocking by Japanese buyers', 'disruption at mines in Myanmar', 'lower ore grades',
  'subsidies for domestic processing', 'uncertainty over tariffs', 'a rebound in industrial output', 'cheaper shipping rates',
  'delays at the border crossing with Myanmar', 'environmental inspections in the south', 'a government price floor', 'new defence contracts',
] as const;
const CONCERNS = ['national security', 'resource conservation', 'pollution control', 'the fight against smuggling', 'industrial upgrading', 'fair competition', 'supply-chain resilience', 'the protection of technology'] as const;
const DIRECTIONS = ['firm', 'weak', 'volatile', 'under pressure', 'elevated', 'range-bound'] as const;
const LATER = ['the end of the year', 'the middle of next year', 'new capacity arrives', 'the quota for the second half is published', 'demand from carmakers recovers', 'the licensing backlog clears'] as const;
const FACILITIES = ['separation plant', 'magnet factory', 'smelter', 'refinery', 'mine', 'processing hub', 'recycling line', 'alloy plant', 'research centre', 'oxide plant'] as const;
const ACTIONS = ['announced', 'confirmed', 'disclosed', 'outlined', 'played down', 'defended', 'revised', 'postponed', 'accelerated', 'welcomed'] as const;
const GROUPS = ['carmakers', 'magnet makers', 'wind-turbine manufacturers', 'defence contractors', 'chipmakers', 'battery makers', 'traders', 'investors', 'smaller refiners', 'local governments'] as const;
const ADJECTIVES = ['modest', 'sharp', 'gradual', 'unexpected', 'long-awaited', 'temporary', 'significant', 'limited', 'steady', 'uneven'] as const;
const OUTCOMES = ['higher costs', 'longer delivery times', 'a scramble for alternative suppliers', 'renewed interest in recycling', 'pressure on margins', 'new offtake agreements', 'a wave of consolidation', 'calls for government support'] as const;
const ZH_ORGS = ['商务部', '工业和信息化部', '海关总署', '国务院', '国家发展改革委', '自然资源部', '中国稀土行业协会'] as const;
const ZH_ACTIONS = ['发布了', '调整了', '公布了', '加强了', '暂停了', '延长了', '完善了', '收紧了'] as const;
const ZH_OBJECTS = ['出口许可管理', '开采总量控制指标', '冶炼分离指标', '追溯管理制度', '价格监测机制', '环保督察要求', '战略储备安排', '行业整合方案'] as const;
const ZH_EFFECTS = ['市场价格随之上涨', '下游企业普遍承压', '海外买家加紧备货', '行业集中度进一步提高', '出口数量明显下降', '企业加快技术升级'] as const;
const ZH_TIMES = ['今年上半年', '去年年底', '本季度', '近期', '今年三月', '上个月', '年初以来'] as const;

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
const place = (country: string) => (/^(United|European|Netherlands|DR )/.test(country) ? `the ${country}` : country);
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
    const short = name.replace(/ (Group|Holdings|Corporation|Industries|Technologies|Co\.|Limited|Inc\.|Corp\.|plc|AG|SA|AB|KK|Ltd|Partners)$/, '');
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
      const code = chinese ? `${ticker++}.${random.chance(0.6) ? 'SS' : 'SZ'}` : `${short.replace(/[^A-Z]/g, '').slice(0, 3) || 'XX'}${out.length}.${random.pick(['AX', 'TO', 'N', 'T', 'L'])}`;
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
    out.push({ kind: 'companies', slug, name, aliases, zh: aliases.includes(zh ?? '') ? zh : undefined, fields, summary, body, role: 'the company' });
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
    if (random.chance(0.6)) fields.push(['effective', new Date(issued.getTime() + random.int(30, 240) * 86_400_000)]);
    if (random.chance(0.5)) fields.push(['url', `https://policy.example.org/${slugify(jurisdiction)}/${slug}`]);
    const summary = `${capitalise(instrument[0].toLowerCase())} for ${material[0]} issued by the ${issuer} in ${year}.`;
    const body = [
      `The ${issuer} issued these ${instrument[0].toLowerCase()} in ${year} to govern ${material[0]}, citing ${random.pick(CONCERNS)}.`,
      `They require ${random.pick(GROUPS)} to ${random.pick(['apply for a licence for each contract', 'report volumes every month', 'name the end user of every shipment', 'keep records for five years', 'register with the regulator'])}, and they have been ${random.pick(['tightened', 'relaxed', 'extended', 'clarified', 'enforced more strictly'])} since.`,
      `Observers read the measure as part of a broader push on ${random.pick(THEME_ANGLES)}, and its effects on ${random.pick(GROUPS)} have been ${random.pick(ADJECTIVES)}.`,
    ].join(' ');
    out.push({ kind: 'policies', slug, name, aliases, zh, fields, summary, body, role: 'the measure' });
  }
  return out;
}

function makeThemes(random: Random, count: number, names: NameRegistry): Entity[] {
  const out: Entity[] = [];
  const combos: Array<readonly [string, string]> = THEME_SUBJECTS.flatMap((s) => THEME_ANGLES.map((a) => [s, a] as const));
  const chosen = random.sample(combos, Math.min(count, combos.length));
  let round = 2;
  while (chosen.length < count) chosen.push(...random.sample(combos, Math.min(count - chosen.length, combos.length)).map(([s, a]) => [`${s}`, `${a} ${round++}`] as const));
  for (const [subject, angle] of chosen) {
    const name = capitalise(`${subject} ${angle}`);
    if (!names.claim(name)) continue;
    const slug = slugify(name);
    const body = [
      `This theme follows ${subject} ${angle}: the decisions, prices and disputes that connect individual events over the years.`,
      `It covers ${random.pick(GROUPS)}, ${random.pick(GROUPS)} and the governments that regulate them, and tracks how ${random.pick(DRIVERS)} shapes the market.`,
    ].join(' ');
    out.push({ kind: 'themes', slug, name, aliases: [], fields: [], summary: `How ${subject} ${angle} shape the sector.`, body, role: 'the trend' });
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
      fields: [['original', original], ['pinyin', pinyin], ['english', english]],
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
  const latinAliases = entity.aliases.filter((a) => !/[\u4e00-\u9fff]/.test(a) && !/\.[A-Z]+$/.test(a));
  const form = random.int(0, 3);
  if (form === 0) return `[[${entity.name}]]`;
  if (form === 1 && latinAliases.length) return `[[${random.pick(latinAliases)}]]`;
  if (form === 2) return `[[${entity.kind}/${entity.slug}]]`;
  return `[[${entity.kind}/${entity.slug}|${entity.name}]]`;
}

function sentence(ctx: BriefContext, refs: { companies: Entity[]; policies: Entity[]; themes: Entity[]; terms: Entity[] }, year: number): string {
  const { random } = ctx;
  const company = () => mention(ctx, random.chance(0.85) ? random.pick(refs.companies) : random.pick(ctx.companies));
  const policy = () => mention(ctx, random.chance(0.85) ? random.pick(refs.policies) : random.pick(ctx.policies));
  const theme = () => random.pick(refs.themes).name.toLowerCase();
  const material = () => random.pick(MATERIALS)[0];
  const pct = () => `${random.int(2, 68)}%`;
  const tonnes = () => `${random.int(1, 95) * 100} tonnes`;
  const money = () => `${random.pick(['US$', 'A$', '¥', '€'])}${random.int(2, 950)} million`;
  const period = () => `${random.pick(PERIODS)} of ${year}`;
  const templates: Array<() => string> = [
    () => `${company()} said its output of ${material()} rose ${pct()} in ${period()}, helped by ${random.pick(DRIVERS)}.`,
    () => `Sales at ${company()} fell ${pct()} over ${random.pick(SPANS)}, which the company blamed on ${random.pick(DRIVERS)}.`,
    () => `Under the ${policy()}, exporters must ${random.pick(['apply for a licence for each contract', 'name the end user of every shipment', 'report monthly volumes to the regulator', 'wait up to forty-five working days for approval'])}.`,
    () => `Officials did not give a reason for the change, but they have repeatedly linked supplies of ${material()} to ${random.pick(CONCERNS)}.`,
    () => `Analysts at ${random.pick(BANKS)} expect prices for ${material()} to stay ${random.pick(DIRECTIONS)} until ${random.pick(LATER)}.`,
    () => `The ${random.pick(ADJECTIVES)} shift matters for ${random.pick(GROUPS)}, who buy most of the ${material()} traded outside China.`,
    () => `${company()} ${random.pick(ACTIONS)} plans for a ${random.pick(FACILITIES)} with annual capacity of ${tonnes()}, at a cost of about ${money()}.`,
    () => `Shipments of ${material()} from China fell to ${tonnes()} in ${random.pick(['January', 'March', 'May', 'July', 'September', 'November'])}, according to customs data, down ${pct()} from a year earlier.`,
    () => `The episode is part of a longer story about ${theme()}, in which every new rule prompts ${random.pick(OUTCOMES)}.`,
    () => `For ${random.pick(GROUPS)}, the practical result has been ${random.pick(OUTCOMES)} rather than outright shortages.`,
    () => `People familiar with the matter said ${company()} had held talks with ${random.pick(GROUPS)} in ${place(random.pick(JURISDICTIONS)[0])} about long-term supply.`,
    () => `The ${policy()} has been ${random.pick(['tightened', 'relaxed', 'extended', 'clarified', 'enforced more strictly'])} twice since it first took effect.`,
    () => `Industry groups in ${place(random.pick(JURISDICTIONS)[0])} warned that ${random.pick(GROUPS)} held only ${random.int(2, 12)} weeks of stock.`,
    () => `Prices of ${material()} in Shanghai ${random.pick(['rose', 'fell', 'edged up', 'slipped', 'jumped', 'slumped'])} ${pct()} in the week after the announcement.`,
    () => `${company()} and ${company()} together account for roughly ${pct()} of global capacity for ${material()}.`,
    () => `Critics argue that the ${policy()} protects incumbents and discourages investment in ${random.pick(FACILITIES)}s elsewhere.`,
    () => `A spokesperson for ${company()} said the company would ${random.pick(['comply fully with the new rules', 'seek clarification from the authorities', 'keep supplying existing customers', 'review its investment plans', 'raise output at its existing sites'])}.`,
    () => `The ${random.pick(ISSUERS.China!)} said it would publish further guidance before ${random.pick(LATER)}.`,
    () => `That leaves ${random.pick(GROUPS)} exposed to ${random.pick(DRIVERS)}, a risk that ${random.pick(BANKS)} called ${random.pick(ADJECTIVES)} but real.`,
    () => `Governments in ${place(random.pick(JURISDICTIONS)[0])} and ${place(random.pick(JURISDICTIONS)[0])} have responded with grants, loans and offtake guarantees worth ${money()}.`,
    () => `In ${year} the market for ${material()} was worth about ${money()}, small next to iron ore or copper but critical for ${random.pick(GROUPS)}.`,
    () => `Few expect the pressure to ease soon: ${random.pick(DRIVERS)} and ${random.pick(DRIVERS)} point in the same direction.`,
  ];
  return random.pick(templates)();
}

function chineseParagraph(ctx: BriefContext, refs: { companies: Entity[]; policies: Entity[]; terms: Entity[] }): string {
  const { random } = ctx;
  const zhEntities = [...refs.companies, ...refs.policies, ...refs.terms].filter((e) => e.zh);
  const sentences: string[] = [];
  const count = random.int(3, 6);
  for (let i = 0; i < count; i++) {
    const who = zhEntities.length && random.chance(0.6) ? random.pick(zhEntities) : undefined;
    const subject = who ? (ctx.wikilinks < 6 && random.chance(0.4) ? (ctx.wikilinks++, `[[${who.zh}]]`) : who.zh!) : random.pick(ZH_ORGS);
    sentences.push(`${random.pick(ZH_TIMES)}，${subject}${random.pick(ZH_ACTIONS)}${random.pick(MATERIALS)[1]}${random.pick(ZH_OBJECTS)}，${random.pick(ZH_EFFECTS)}。`);
  }
  return `原文摘录：${sentences.join('')}`;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

function pickRefs(random: Random, pool: Entity[], weights: Float64Array, count: number, first?: Entity): Entity[] {
  const chosen = new Set<Entity>(first ? [first] : []);
  for (let guard = 0; chosen.size < Math.min(count, pool.length) && guard < 100; guard++) chosen.add(pool[pickWeighted(random, weights)]!);
  return [...chosen];
}

const START = Date.UTC(2015, 0, 1);
const END = Date.UTC(2026, 11, 31);

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
      companies: pickRefs(random, companies, weights.companies, random.int(1, 3), companies[i % companies.length]),
      policies: pickRefs(random, policies, weights.policies, random.int(1, 3), policies[i % policies.length]),
      themes: pickRefs(random, themes, weights.themes, random.int(1, 3), themes[i % themes.length]),
      terms: random.chance(0.3) || i < terms.length ? pickRefs(random, terms, weights.terms, random.int(1, 2), terms[i % terms.length]) : [],
    };
    const day = Math.floor(random.next() * ((END - START) / 86_400_000 + 1));
    planned.push({ refs, date: new Date(START + day * 86_400_000) });
  }
  // Tiny corpora (fewer briefs than entities of a kind): attach the rest round-robin.
  if (options.briefs > 0) {
    for (const kind of ['companies', 'policies', 'themes', 'terms'] as const) {
      const pool = { companies, policies, themes, terms }[kind];
      pool.slice(options.briefs).forEach((entity, j) => planned[j % options.briefs]!.refs[kind].push(entity));
    }
  }

  planned.forEach(({ refs, date }) => {
    const ctx: BriefContext = { random, companies, policies, themes, terms, all, wikilinkRate: random.chance(0.5) ? 0.25 : 0, wikilinks: 0 };
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
    for (let n = 2; briefSlugs.has(slug); n++) slug = `${slugify(title).slice(0, 72).replace(/-+$/, '')}-${n}`;
    briefSlugs.add(slug);

    const summary = `${lead.name} ${random.pick(ACTIONS)} changes to its ${material} business as ${random.pick(DRIVERS)} and the ${refs.policies[0]!.name} reshaped the market in ${year}.`;
    const highlights = Array.from({ length: random.int(2, 4) }, () => sentence({ ...ctx, wikilinkRate: 0, wikilinks: 99 }, refs, year));
    const sources = Array.from({ length: random.int(1, 4) }, (_, k) => {
      const [publisher, domain] = random.pick(PUBLISHERS);
      const sourceDate = new Date(date.getTime() + random.int(0, 20) * 86_400_000);
      return { title: capitalise(`${material} ${random.pick(['market update', 'report', 'analysis', 'briefing', 'statement', 'results'])}: ${random.pick(DRIVERS)}`), publisher, url: `https://www.${domain}/${year}/${String(sourceDate.getUTCMonth() + 1).padStart(2, '0')}/${slug}-${k + 1}`, date: sourceDate };
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
    if (random.chance(0.1)) body.splice(random.int(1, Math.max(1, cut - 1)), 0, chineseParagraph(ctx, refs));

    const lines = [
      '---',
      `title: ${yaml(title)}`,
      `date: ${isoDay(date)}`,
      `summary: ${yaml(summary)}`,
      'highlights:',
      ...highlights.map((h) => `  - ${yaml(h)}`),
      ...(['companies', 'policies', 'themes', 'terms'] as const).filter((k) => refs[k].length).map((k) => `${k}: [${refs[k].map((e) => e.slug).join(', ')}]`),
      'sources:',
      ...sources.flatMap((s) => [`  - title: ${yaml(s.title)}`, `    publisher: ${yaml(s.publisher)}`, `    url: ${yaml(s.url)}`, `    date: ${isoDay(s.date)}`]),
    ];
    if (random.chance(0.4)) lines.push(`authors: [${random.sample(AUTHORS, random.int(1, 2)).map(yaml).join(', ')}]`);
    if (random.chance(0.1)) lines.push(`updated: ${isoDay(new Date(date.getTime() + random.int(1, 60) * 86_400_000))}`);
    lines.push('---');
    files.push({ path: `briefs/${year}/${slug}.md`, text: `${lines.join('\n')}\n${body.join('\n\n')}\n` });
  });
  return files;
}

export const CORPUS_FOLDERS = ['briefs', 'companies', 'policies', 'themes', 'terms'] as const;

/** Writes the corpus into `outDir`, replacing any corpus already there. Refuses the project's content/. */
export function writeCorpus(outDir: string, files: CorpusFile[], projectRoot = process.cwd()): void {
  const out = resolve(outDir);
  const content = resolve(projectRoot, 'content');
  const rel = relative(content, out);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new Error(`refusing to write a synthetic corpus into ${out}: it is (inside) the project's content folder`);
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
  if (!Number.isInteger(briefs) || briefs < 1) throw new Error(`--briefs must be a positive whole number, got ${values.briefs}`);
  const out = values.out ?? `bench/work/corpus-${briefs}`;
  const started = performance.now();
  const files = generateCorpus({ briefs, seed: values.seed });
  writeCorpus(out, files);
  const counts = Object.fromEntries(CORPUS_FOLDERS.map((f) => [f, files.filter((x) => x.path.startsWith(`${f}/`)).length]));
  console.log(`✓ wrote ${files.length} files to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
}
