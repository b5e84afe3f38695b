/**
 * `--download-media`: the images and documents imported posts show from the old site are
 * saved into the content folder (`media/<their path on the old site>`), published with the
 * site at `/media/…` (src/astro/media-integration.ts), and the posts point at the copies. A
 * file the old site's folder holds is copied from there; one that cannot be fetched keeps its
 * old address and is reported.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mediaType } from '../../src/content/media.ts';
import { MEDIA_DIR } from '../../src/content/registry.ts';

const ADDRESSES = /https?:\/\/[^\s)"'<>\]]+/g;

/** Addresses of media files on the old site in a Markdown body. */
export function mediaAddresses(body: string, hosts: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const [address] of body.matchAll(ADDRESSES)) {
    try {
      const url = new URL(address);
      if (hosts.has(url.host.replace(/^www\./, '')) && mediaType(url.pathname)) found.add(address);
    } catch {
      // Not an address after all.
    }
  }
  return [...found].sort();
}

/** A path segment decoded; one with a stray "%" (`100%-pure.png`) is taken as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Where a file is kept, relative to the content folder: `media/wp-content/uploads/2013/01/a.png`. */
export function mediaPath(address: string): string {
  const { pathname } = new URL(address);
  const parts = pathname
    .split('/')
    .map(decodeSegment)
    .filter((part) => part && part !== '.' && part !== '..')
    .map((part) => part.replace(/[^\p{L}\p{N}._-]/gu, '-'));
  return [MEDIA_DIR, ...parts].join('/');
}

/** A body with each saved file's old address replaced by its copy, relative to the brief's page. */
export function useLocalMedia(body: string, saved: ReadonlyMap<string, string>): string {
  if (!saved.size) return body;
  // A brief's page is /briefs/<slug>/: the site's root is two folders up, under any base path.
  return body.replace(ADDRESSES, (address) => {
    const local = saved.get(address);
    return local ? `../../${local.split('/').map(encodeURIComponent).join('/')}` : address;
  });
}

export interface Downloaded {
  saved: Map<string, string>;
  failed: Array<{ address: string; reason: string }>;
}

/**
 * Fetches each address (a few at a time) into `into`, or copies it from the old site's folder
 * where `localFile` knows it there; failures are returned, not thrown.
 */
export async function downloadMedia(
  addresses: readonly string[],
  into: string,
  concurrency = 4,
  localFile: (address: string) => string | undefined = () => undefined,
): Promise<Downloaded> {
  const saved = new Map<string, string>();
  const failed: Downloaded['failed'] = [];
  let next = 0;
  const worker = async () => {
    while (next < addresses.length) {
      const address = addresses[next++]!;
      const path = mediaPath(address);
      // Saved by an earlier import: not fetched again.
      if (existsSync(join(into, path))) {
        saved.set(address, path);
        continue;
      }
      const local = localFile(address);
      if (local) {
        mkdirSync(dirname(join(into, path)), { recursive: true });
        copyFileSync(local, join(into, path));
        saved.set(address, path);
        continue;
      }
      try {
        const response = await fetch(address, {
          signal: AbortSignal.timeout(30_000),
          redirect: 'follow',
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const file = join(into, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, Buffer.from(await response.arrayBuffer()));
        saved.set(address, path);
      } catch (error) {
        failed.push({ address, reason: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, addresses.length) }, worker));
  failed.sort((a, b) => a.address.localeCompare(b.address));
  return { saved, failed };
}
