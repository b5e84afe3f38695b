import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.ts';
import { isoDay } from '../../src/model/dates.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** A project folder whose content/site.yaml holds `settings`. */
function project(settings = '') {
  const root = scratchDir('briefing-config-');
  const content = join(root, 'content');
  mkdirSync(content);
  writeFileSync(join(root, 'content/site.yaml'), settings);
  return root;
}

// 2026-03-04 23:30 UTC is already 2026-03-05 in Shanghai.
const now = new Date('2026-03-04T23:30:00Z');

describe("the build's day", () => {
  it('is today in UTC by default', () => {
    const config = readConfig({}, project(), now);
    expect(isoDay(config.buildDay)).toBe('2026-03-04');
    expect(config.buildDayFrom).toBe('clock');
  });

  it("is today in the site's time zone", () => {
    const config = readConfig({}, project('timeZone: Asia/Shanghai\n'), now);
    expect(isoDay(config.buildDay)).toBe('2026-03-05');
  });

  it('follows SOURCE_DATE_EPOCH, and BRIEFING_BUILD_DATE over it', () => {
    const epoch = String(Date.UTC(2027, 0, 2, 12) / 1000);
    expect(isoDay(readConfig({ SOURCE_DATE_EPOCH: epoch }, project(), now).buildDay)).toBe(
      '2027-01-02',
    );
    const both = readConfig(
      { SOURCE_DATE_EPOCH: epoch, BRIEFING_BUILD_DATE: '2025-12-31' },
      project(),
      now,
    );
    expect(isoDay(both.buildDay)).toBe('2025-12-31');
    expect(both.buildDayFrom).toBe('BRIEFING_BUILD_DATE');
  });

  it.each([
    [{ BRIEFING_BUILD_DATE: '2026-02-30' }, 'BRIEFING_BUILD_DATE', 'YYYY-MM-DD'],
    [{ SOURCE_DATE_EPOCH: 'yesterday' }, 'SOURCE_DATE_EPOCH', 'whole number'],
  ])('rejects a bad value with its name: %o', (env, name, message) => {
    expect(() => readConfig(env, project(), now)).toThrow(ConfigError);
    try {
      readConfig(env, project(), now);
    } catch (error) {
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).toContain(message);
    }
  });

  it('rejects a time zone that does not exist, with the file and line', () => {
    expect(() => readConfig({}, project('title: X\ntimeZone: Mars/Olympus\n'), now)).toThrow(
      /site\.yaml:2[\s\S]*"Mars\/Olympus" is not a time zone/,
    );
  });
});
