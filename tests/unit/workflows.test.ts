/**
 * The GitHub Actions workflows parse, call only npm scripts that exist, check pull requests
 * with annotations, and deploy with the official Pages actions under the repository's base
 * path, keeping the rebuild caches that BENCHMARKS.md names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  id?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; environment?: { name: string } }>;
}

const DIR = '.github/workflows';
const workflows = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [f, parse(readFileSync(join(DIR, f), 'utf8')) as Workflow]),
);
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));
const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** The package scripts a shell line calls: `npm run X`, `npm run-script X`, `npm test`. */
function npmScripts(line: string): string[] {
  return [
    ...line.matchAll(/\bnpm\s+(?:run(?:-script)?\s+(?:-\S+\s+)*([\w:.-]+)|(test|start)\b)/g),
  ].map((m) => (m[1] ?? m[2])!);
}

describe('the workflows', () => {
  it('are a pull-request check and a Pages deploy, both valid YAML with jobs and steps', () => {
    expect(Object.keys(workflows).sort()).toEqual(['check.yml', 'deploy.yml']);
    for (const [file, workflow] of Object.entries(workflows)) {
      expect(workflow.on, file).toBeTypeOf('object');
      expect(steps(workflow).length, file).toBeGreaterThan(2);
      for (const step of steps(workflow)) expect(step.uses ?? step.run, file).toBeTruthy();
    }
  });

  it('call only npm scripts that package.json has', () => {
    expect(npmScripts('npm run check -- --format github && npm test')).toEqual(['check', 'test']);
    expect(npmScripts('npm run -s build')).toEqual(['build']);
    const called = Object.values(workflows).flatMap((w) => runs(w).flatMap(npmScripts));
    expect(called).toEqual(expect.arrayContaining(['check', 'build', 'test']));
    for (const script of called) expect(scripts, `npm run ${script}`).toContain(script);
  });

  it('check every pull request: content with annotations, the build, the tests', () => {
    const check = workflows['check.yml']!;
    expect(check.on).toHaveProperty('pull_request');
    const lines = runs(check).join('\n');
    expect(lines).toContain('npm run check -- --format github');
    expect(lines).toContain('npm run build');
    expect(lines).toContain('npm test');
    expect(lines).toContain('chromium');
  });

  it('deploy main with the official Pages actions, under the repository’s base path', () => {
    const deploy = workflows['deploy.yml']!;
    expect(deploy.on).toMatchObject({ push: { branches: ['main'] } });
    expect(deploy.on).toHaveProperty('schedule');
    expect(deploy.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const all = steps(deploy);
    const uses = all.flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []));
    expect(uses).toEqual(
      expect.arrayContaining([
        'actions/configure-pages',
        'actions/upload-pages-artifact',
        'actions/deploy-pages',
      ]),
    );
    const pages = all.find((s) => s.uses?.startsWith('actions/configure-pages'))!;
    const build = all.find((s) => s.run === 'npm run build')!;
    expect(build.env).toEqual({
      SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`,
    });
    expect(all.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({
      path: 'dist',
    });
    expect(runs(deploy).join('\n')).toContain('npm run check -- --format github');
    expect(deploy.jobs.deploy!.environment!.name).toBe('github-pages');
  });

  it('keep the two rebuild caches between deploys', () => {
    const cache = steps(workflows['deploy.yml']!).find((s) => s.uses?.startsWith('actions/cache'))!;
    expect(cache.with!.path!.trim().split('\n').sort()).toEqual([
      'dist/pagefind',
      'node_modules/.astro',
    ]);
    for (const folder of ['node_modules/.astro/', 'dist/pagefind/'])
      expect(readFileSync('BENCHMARKS.md', 'utf8')).toContain(folder);
  });
});
