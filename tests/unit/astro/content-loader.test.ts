/**
 * The content loader in `astro dev`: what it registers with Astro follows the files, including
 * a file changed while its first look at the folder is still reading (half a minute at 100,000
 * briefs), which before was seen only at the next change.
 */
import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'briefing-loader-'));
const content = join(root, 'content');
cpSync(resolve('tests/fixtures/mini/content'), content, { recursive: true });
// getConfig() reads these once, when the loader first asks.
process.env.BRIEFING_CONTENT_DIR = content;
process.env.BRIEFING_CACHE_DIR = join(root, 'cache');
const { contentLoader } = await import('../../../src/astro/content-loader.ts');
const { loadContent } = await import('../../../src/content/load.ts');
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Entry {
  id: string;
  digest?: string;
  filePath?: string;
}

/** The part of Astro's store and watcher the loader uses. */
function context(
  watcher: EventEmitter & { add(path: string): void },
  /** Called once, when the first look has read the folder and registers what it found. */
  whenRead = () => {},
) {
  const entries = new Map<string, Entry>();
  let read = false;
  const store = {
    keys: () => {
      if (!read) {
        read = true;
        whenRead();
      }
      return [...entries.keys()];
    },
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => void entries.set(entry.id, entry),
    delete: (id: string) => void entries.delete(id),
    addModuleImport: () => {},
  };
  const logger = { error: () => {}, warn: () => {}, info: () => {} };
  return {
    entries,
    load: () =>
      contentLoader().load({
        store,
        collection: 'briefs',
        config: { root: pathToFileURL(`${root}/`) },
        watcher,
        logger,
      } as unknown as Parameters<ReturnType<typeof contentLoader>['load']>[0]),
  };
}

const fakeWatcher = () => Object.assign(new EventEmitter(), { add: () => {} });

describe('contentLoader in astro dev', () => {
  it('registers an edit made while its first look was reading, without waiting for another change', async () => {
    const watcher = fakeWatcher();
    const file = join(content, 'briefs/2025/alpha.md');
    const before = readFileSync(file, 'utf8');
    // The file changes after the first look has read it, before the look ends.
    const { entries, load } = context(watcher, () => {
      writeFileSync(file, before.replace(/\n---\n/, '\n---\nA sentence added while loading.\n\n'));
      watcher.emit('all', 'change', file);
    });
    await load();
    // What the files say now, read afresh (the loader's own results are remembered).
    const digest = () =>
      loadContent({ root, contentDir: content }).briefs.find((b) => b.slug === 'alpha')?.digest;
    const edited = digest();
    expect(edited).toBeDefined();
    expect(entries.get('alpha')?.digest).toBe(edited);

    // And after the first look, each change is registered as it comes.
    writeFileSync(file, before);
    watcher.emit('all', 'change', file);
    expect(digest()).not.toBe(edited);
    expect(entries.get('alpha')?.digest).toBe(digest());
  });
});
