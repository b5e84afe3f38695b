import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const byId = new Map<number, any>(p.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
const dt = p.timeDeltas as number[];
p.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const incl = (n: any): number => (self.get(n.id) ?? 0) + (n.children ?? []).reduce((a: number, c: number) => a + incl(byId.get(c)), 0);
const show = (n: any, depth: number, max: number) => {
  const t = incl(n) / 1e6;
  if (t < 0.5) return;
  const cf = n.callFrame;
  console.log(`${'  '.repeat(depth)}${t.toFixed(1)} s ${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`);
  if (depth < max) for (const c of n.children ?? []) show(byId.get(c), depth + 1, max);
};
show(p.nodes[0], 0, Number(process.argv[3] ?? 8));
