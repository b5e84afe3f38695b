import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintContent } from '../../../src/content/files.ts';
import { handedOver, handOver, takeOver } from '../../../src/content/handover.ts';
import {
  loadContent,
  loadContentCached,
  locationKey,
  resultKey,
} from '../../../src/content/load.ts';
import { removeSampleCopies, sampleCopy } from '../../helpers/sample-copy.ts';

afterAll(removeSampleCopies);

/** A copy of the sample content in a folder of its own. */
function project() {
  const root = sampleCopy('briefing-handover-');
  const location = { root, contentDir: 'content', today: new Date('2026-06-01T00:00:00Z') };
  return { root, location, file: join(root, 'checked'), key: locationKey(location) };
}

describe('the check handing its result to Astro', () => {
  it('is waited for until a result written since the check started is in place', async () => {
    const { root, location, file, key } = project();
    const checked = loadContent(location);
    const fingerprint = fingerprintContent(root, 'content');
    // The last build's result is there, written before this build's check started.
    handOver(file, key, fingerprint, checked);
    utimesSync(file, new Date('2026-01-01'), new Date('2026-01-01'));
    const waited = handedOver(file, Date.now(), 10_000);
    let done = false;
    void waited.then(() => (done = true));
    await new Promise((wake) => setTimeout(wake, 200));
    expect(done, "still waiting for this build's check").toBe(false);
    handOver(file, key, fingerprint, checked);
    await waited;
    expect(takeOver(file, root, key, fingerprint)!.briefs).toHaveLength(checked.briefs.length);
    // Never written: the wait ends at its limit.
    const started = Date.now();
    await handedOver(join(root, 'missing'), started, 300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('reads back what the check validated, bodies included, with the aliases index rebuilt', () => {
    const { root, location, file, key } = project();
    const checked = loadContent(location);
    expect(checked.briefs.length).toBeGreaterThan(10);
    const fingerprint = fingerprintContent(root, 'content');
    handOver(file, key, fingerprint, checked);

    const taken = takeOver(file, root, key, fingerprint)!;
    const own = loadContent(location, 'read when asked');
    expect(taken).toEqual(own);
    expect(taken.briefs.map((b) => b.body)).toEqual(checked.briefs.map((b) => b.body));
    const name = taken.entities[0]!.name;
    expect(taken.index.resolve(name)).toBe(taken.entities[0]);
    // Records are shared as in the check: an alias's owner is the record in the list.
    expect(taken.index.get(taken.entities[1]!)).toBe(taken.entities[1]);
  });

  it('holds no body in the file, and reads one from its file when asked', () => {
    const { root, location, file, key } = project();
    const checked = loadContent(location);
    const brief = checked.briefs[0]!;
    handOver(file, key, fingerprintContent(root, 'content'), checked);
    const taken = takeOver(file, root, key, fingerprintContent(root, 'content'))!;
    const path = join(root, brief.filePath!);
    writeFileSync(path, `---\ntitle: x\n---\nAn edited body.\n`);
    expect(taken.briefs.find((b) => b.slug === brief.slug)!.body).toBe('An edited body.\n');
    expect(checked.briefs[0]!.body).toBe(brief.body);
  });

  it('is not taken for another folder, day or state of the folder, or when missing', () => {
    const { root, location, file, key } = project();
    const checked = loadContent(location);
    const fingerprint = fingerprintContent(root, 'content');
    handOver(file, key, fingerprint, checked);
    const otherDay = locationKey({ ...location, today: new Date('2026-06-02T00:00:00Z') });
    expect(takeOver(file, root, otherDay, fingerprint)).toBeUndefined();
    expect(takeOver(file, root, key, `${fingerprint}x`)).toBeUndefined();
    expect(takeOver(join(root, 'none'), root, key, fingerprint)).toBeUndefined();
    writeFileSync(file, 'not a serialisation');
    expect(takeOver(file, root, key, fingerprint)).toBeUndefined();
  });

  it('is what loadContentCached returns while the folder is as the check saw it, and not after', () => {
    const { root, location, file } = project();
    const checked = loadContent(location);
    // A mark the files do not have, to tell the handed-over result from one validated anew.
    checked.briefs[0]!.title = 'Handed over';
    handOver(file, resultKey(location), fingerprintContent(root, 'content'), checked);
    const kept = { ...location, handover: file };
    expect(loadContentCached(kept).briefs[0]!.title).toBe('Handed over');

    // Other settings: another key.
    const key = resultKey(location);
    writeFileSync(join(root, 'content/site.yaml'), '# changed\n', { flag: 'a' });
    expect(resultKey(location)).not.toBe(key);

    const touched = join(root, checked.briefs[0]!.filePath!);
    utimesSync(touched, new Date(), new Date(Date.now() + 5000));
    expect(loadContentCached(kept).briefs[0]!.title).not.toBe('Handed over');
  });
});
