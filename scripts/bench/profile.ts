/**
 * --profile: one cold `astro build` under `node --cpu-prof`, and a summary of its CPU profile
 * (self time by package and by function, inclusive time of the project's own functions).
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { NODE, type Step } from './builds.ts';
import { run } from './monitor.ts';
import { walkFiles } from './output.ts';
import { astroTimings, PROJECT_MARKERS } from './timings.ts';
import { clearCaches, projectEnv, setAside } from './work.ts';

/** Profiles a cold build and writes the summary of its largest profile; nothing is recorded. */
export async function profileBuild({ ws, say }: Step) {
  const profileDir = join(ws.work, 'profile');
  rmSync(profileDir, { recursive: true, force: true });
  clearCaches(ws, ws.projectRoot, ws.projectCompileCache);
  setAside(ws, ws.projectDist);
  // --cpu-prof is not allowed in NODE_OPTIONS: profile the `astro build` that scripts/build.ts
  // would start, with the same environment (the content check before it is not profiled).
  say('project: cold `astro build` under node --cpu-prof…');
  const astroBin = join(ws.projectRoot, 'node_modules/astro/bin/astro.mjs');
  const flags = ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${profileDir}`];
  const profiled = await run(NODE, [...flags, astroBin, 'build'], {
    cwd: ws.projectRoot,
    env: projectEnv(ws, { BRIEFING_OUT_DIR: ws.projectDist }),
    logFile: join(ws.logs, 'project-profile.log'),
    markers: PROJECT_MARKERS,
  });
  const timings = JSON.stringify(astroTimings(profiled.lines));
  say(
    `profiled build: ${profiled.seconds.toFixed(1)} s, CPU ${profiled.cpuSeconds ?? '?'} s ` +
      `(exit ${profiled.code}); Astro's timings ${timings}; ` +
      `profiles in ${relative(ws.root, profileDir)}`,
  );
  const bySize = (a: string, b: string) => statSync(b).size - statSync(a).size;
  const [largest] = walkFiles(profileDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort(bySize);
  if (!largest) return;
  const summary = summariseProfile(largest);
  writeFileSync(join(ws.work, 'profile-summary.txt'), `${summary}\n`);
  say(summary);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a function's code comes from: a package, Node, the project's src/ or its bundle. */
function whereFrom(url: string): string {
  if (!url) return '(native/V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node:*';
  const src = url.indexOf('/src/');
  if (src >= 0) return `project ${url.slice(src + 1).split('?')[0]}`;
  // The site's own code as Astro bundled it for prerendering (chunk names follow the modules).
  const chunk = /\/\.prerender\/(.*)$/.exec(url) ?? /\/(chunks\/.*|pages\/.*)$/.exec(url);
  if (chunk) return `project bundle ${chunk[1]!.split('?')[0]}`;
  return url.split('?')[0]!.split('/').slice(-2).join('/');
}

const functionName = (f: ProfileNode['callFrame']) => f.functionName || '(anonymous)';

/** Microseconds of self time per node id. */
function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return self;
}

/** Self time by function and by package (the project's own code in two groups). */
function selfTotals(self: Map<number, number>, byId: Map<number, ProfileNode>) {
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const where = whereFrom(f.url);
    const key = `${functionName(f)}  ${where}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const p = where
      .replace(/^project bundle .*/, 'site bundle (pages, components, lib; Astro runtime)')
      .replace(/^project src\/.*/, 'project src/ (config, loader, integrations)');
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  return { fn, pkg };
}

/** Inclusive time of the project's own functions (src/), each counted once per stack. */
function inclusiveTimes(
  profile: Profile,
  self: Map<number, number>,
  byId: Map<number, ProfileNode>,
): Map<string, number> {
  const inclusive = new Map<string, number>();
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const active = new Map<string, number>();
  const visit = (id: number): number => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const where = whereFrom(f.url);
    const own = where.startsWith('project ')
      ? `${functionName(f)}  ${where}:${f.lineNumber + 1}`
      : undefined;
    if (own) active.set(own, (active.get(own) ?? 0) + 1);
    let sum = self.get(id) ?? 0;
    for (const child of node.children ?? []) sum += visit(child);
    if (own) {
      active.set(own, active.get(own)! - 1);
      if (!active.get(own)) inclusive.set(own, (inclusive.get(own) ?? 0) + sum);
    }
    return sum;
  };
  for (const node of profile.nodes) if (!childIds.has(node.id)) visit(node.id);
  return inclusive;
}

export function summariseProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = (profile.endTime - profile.startTime) / 1000;
  const { fn, pkg } = selfTotals(self, byId);
  const inclusive = inclusiveTimes(profile, self, byId);
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => {
        const share = ((us / 1000 / total) * 100).toFixed(1);
        return `  ${(us / 1e6).toFixed(1).padStart(7)} s ${share.padStart(5)}%  ${k}`;
      })
      .join('\n');
  return [
    `${basename(file)}: ${(total / 1000).toFixed(1)} s sampled`,
    ` self time by package:\n${fmt(pkg)}`,
    ` self time by function:\n${fmt(fn)}`,
    ` inclusive time of the project's own functions:\n${fmt(inclusive)}`,
  ].join('\n');
}
