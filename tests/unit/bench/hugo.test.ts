import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHugo, PeerFailed } from '../../../scripts/bench/hugo.ts';
import { workspace } from '../../../scripts/bench/work.ts';

const dirs: string[] = [];
const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('buildHugo', () => {
  it('reports a failing peer as PeerFailed, with its exit code and log, for the bench to go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hugo-peer-'));
    dirs.push(dir);
    // A `hugo` that knows its version but fails to build, as one out of memory would.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const hugo = join(bin, 'hugo');
    writeFileSync(
      hugo,
      '#!/bin/sh\nif [ "$1" = version ]; then echo "hugo v0.0.0"; exit 0; fi\necho "out of memory" >&2\nexit 3\n',
    );
    chmodSync(hugo, 0o755);
    process.env.PATH = `${bin}${delimiter}${PATH}`;
    const ws = workspace(process.cwd(), join(dir, 'work'));
    mkdirSync(join(ws.corpus, 'briefs'), { recursive: true });
    mkdirSync(ws.logs, { recursive: true });
    writeFileSync(join(ws.corpus, 'briefs', 'a.md'), '---\ntitle: A\n---\nBody.\n');

    const said: string[] = [];
    const failed = await buildHugo({ ws, briefs: 1, say: (line) => said.push(line) }).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(PeerFailed);
    const log = join(ws.logs, 'hugo-build.log');
    expect((failed as Error).message).toContain('the Hugo build failed (exit 3');
    expect((failed as Error).message).toContain(log);
    expect(readFileSync(log, 'utf8')).toContain('out of memory');
    expect(said.join('\n')).toContain('hugo v0.0.0');
  });
});
