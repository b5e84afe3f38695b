import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, readConfig } from '../../src/config.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** A project folder with a content folder and, optionally, its site.yaml. */
function project(siteYaml?: string): string {
  const root = scratchDir('briefing-config-');
  mkdirSync(join(root, 'content'));
  if (siteYaml !== undefined) writeFileSync(join(root, 'content/site.yaml'), siteYaml);
  return root;
}

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfig', () => {
  it('gives a folder without site.yaml the documented defaults', () => {
    const config = readConfig({}, project());
    expect(config.site.title).toBe('Briefing');
    expect(config.site.language).toBe('en');
    expect(config.siteUrl).toBe(DEFAULTS.siteUrl);
    expect(config.basePath).toBe('/');
    expect(config.archive).toEqual({ fullListUpTo: 500, newestPerYear: 10, pageSize: 500 });
    expect(config.search).toEqual({
      shardBriefs: 600,
      firstTierKb: 20,
      fallbackKb: 18,
      maxFragments: 0,
    });
    expect(config.cacheDir).toMatch(/node_modules[\\/]\.astro$/);
  });

  it('takes the environment over site.yaml over the defaults', () => {
    const root = project(
      'title: Minerals Watch\nurl: https://minerals.example/\narchive:\n  fullListUpTo: 100\n',
    );
    const fromFile = readConfig({}, root);
    expect(fromFile.site.title).toBe('Minerals Watch');
    expect(fromFile.siteUrl).toBe('https://minerals.example');
    expect(fromFile.archive.fullListUpTo).toBe(100);
    const fromEnv = readConfig(
      { SITE_URL: 'https://org.github.io', BASE_PATH: 'briefing', BRIEFING_FULL_LIST_UP_TO: '7' },
      root,
    );
    expect(fromEnv.siteUrl).toBe('https://org.github.io');
    expect(fromEnv.basePath).toBe('/briefing/');
    expect(fromEnv.archive.fullListUpTo).toBe(7);
    expect(readConfig({ BRIEFING_FULL_LIST_UP_TO: '  ' }, root).archive.fullListUpTo).toBe(100);
  });

  it('stops on a bad environment value with the variable and what it expects', () => {
    const root = project();
    expect(problemsOf(() => readConfig({ BRIEFING_FULL_LIST_UP_TO: 'abc' }, root))).toMatch(
      /BRIEFING_FULL_LIST_UP_TO[\s\S]*"abc": expected a whole number/,
    );
    expect(problemsOf(() => readConfig({ BRIEFING_SEARCH_SHARD_BRIEFS: '-5' }, root))).toMatch(
      /BRIEFING_SEARCH_SHARD_BRIEFS[\s\S]*"-5"/,
    );
    expect(problemsOf(() => readConfig({ BRIEFING_SEARCH_SHARD_BRIEFS: '0' }, root))).toMatch(
      /at least 1/,
    );
    expect(problemsOf(() => readConfig({ SITE_URL: 'not a url' }, root))).toMatch(
      /SITE_URL[\s\S]*full web address/,
    );
    expect(problemsOf(() => readConfig({ SITE_URL: 'ftp://x.example' }, root))).toMatch(/SITE_URL/);
    expect(problemsOf(() => readConfig({ BASE_PATH: '/a b/' }, root))).toMatch(/BASE_PATH/);
  });

  it('reports a bad site.yaml with file, line and field', () => {
    expect(problemsOf(() => readConfig({}, project('title: Fine\nlanguage: 42\n')))).toMatch(
      /content\/site\.yaml:2[\s\S]*language: expected the language as text/,
    );
    expect(problemsOf(() => readConfig({}, project('title: Fine\ntagilne: oops\n')))).toMatch(
      /site\.yaml:2[\s\S]*unknown field "tagilne"[\s\S]*did you mean "tagline"/,
    );
    expect(problemsOf(() => readConfig({}, project('title: [unclosed\n')))).toMatch(
      /site\.yaml:\d[\s\S]*cannot be read/,
    );
    expect(readConfig({}, project('')).site.title).toBe('Briefing');
  });
});
