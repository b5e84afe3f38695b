import { describe, expect, it } from 'vitest';
import { isSlug, MAX_DERIVED_SLUG, slugFromTitle, uniqueSlug } from '../../../src/content/slugs.ts';

describe('slugFromTitle', () => {
  it.each([
    ['China tightens rare-earth export licensing', 'china-tightens-rare-earth-export-licensing'],
    ['Lynas & MP: a 2-way deal!', 'lynas-and-mp-a-2-way-deal'],
    ['“Quotes”, (brackets), em—dashes… and  spaces', 'quotes-brackets-em-dashes-and-spaces'],
    ['Société Générale’s Über-plan', 'societe-generales-ueber-plan'],
    ['CRMA: EU’s act', 'crma-eus-act'],
  ])('makes a Latin title lowercase words joined by hyphens: %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it.each([
    ['北方稀土加强党的纪律', 'bei-fang-xi-tu-jia-qiang-dang-de-ji-lu'],
    // Polyphonic characters are read in context: 行 is hang in 银行 and 行长.
    ['重庆银行行长', 'chong-qing-yin-hang-hang-zhang'],
    ['稀土 2025 年第一批指标', 'xi-tu-2025-nian-di-yi-pi-zhi-biao'],
    ['MP材料：稀土磁体', 'mp-cai-liao-xi-tu-ci-ti'],
  ])('writes a Chinese title in toneless pinyin: %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('gives nothing for a title with no letters or digits, never a bad slug', () => {
    expect(slugFromTitle('🚀 — !!')).toBe('');
    expect(slugFromTitle('   ')).toBe('');
  });

  it('shortens a long title at a word boundary', () => {
    const slug = slugFromTitle(
      'What changes for magnet makers, refiners, recyclers and the battery industry when the act enters into force in 2025',
    );
    expect(slug.length).toBeLessThanOrEqual(MAX_DERIVED_SLUG);
    expect(isSlug(slug)).toBe(true);
    expect(slug).toBe('what-changes-for-magnet-makers-refiners-recyclers-and-the-battery');
    const chinese = slugFromTitle('中华人民共和国出口管制法'.repeat(4));
    expect(chinese.length).toBeLessThanOrEqual(MAX_DERIVED_SLUG);
    expect(isSlug(chinese)).toBe(true);
  });
});

describe('uniqueSlug', () => {
  it('keeps a free slug and numbers a taken one', () => {
    const taken = new Set(['rare-earths', 'rare-earths-2']);
    expect(uniqueSlug('lynas', (s) => taken.has(s))).toBe('lynas');
    expect(uniqueSlug('rare-earths', (s) => taken.has(s))).toBe('rare-earths-3');
  });
});
