/**
 * A static server for a built site, on 127.0.0.1 and a free port: for the browser tests, the
 * benchmark's first-search measurement and the screenshots. Optionally compresses text the way
 * a static host does, and records what it sent on the wire, per request.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const HTML = TYPES['.html']!;

/**
 * Compressed when the browser accepts it. Pagefind's own files (.pf_meta, .pf_index,
 * .pf_fragment, .pagefind) are gzipped already: they are served as they are.
 */
const COMPRESSIBLE = new Set(Object.keys(TYPES));

export interface ServeOptions {
  /**
   * Brotli quality (0–11) and gzip level (1–9) for text; without it, files are sent as stored.
   * Without `brotli`, only gzip is offered (a host that serves gzip alone).
   */
  compression?: { brotli?: number; gzip: number };
  /** Added to every successful response, e.g. `cache-control: no-store`. */
  headers?: Record<string, string>;
  /** HTML pages served from memory at these paths, e.g. a blank page on the site's origin. */
  pages?: Record<string, string>;
}

/** One response of a file in the site. */
export interface Sent {
  path: string;
  /** `br`, `gzip` or `identity`. */
  encoding: string;
  /** Body bytes on the wire, and the file's size as stored. */
  bytes: number;
  rawBytes: number;
  /** With compression: the file's size with brotli (as stored if it is not compressed). */
  brotliBytes?: number;
}

export interface StaticServer {
  url: string;
  /** Every file sent, in order; clear it (`sent.length = 0`) to measure from a point on. */
  sent: Sent[];
  close(): Promise<void>;
}

export async function serveDir(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const sent: Sent[] = [];
  const packed = new Map<string, { br: Buffer; gzip: Buffer }>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = options.pages?.[path];
    if (page !== undefined) return void res.writeHead(200, { 'content-type': HTML }).end(page);
    const file = fileFor(root, path);
    if (file === null) return void res.writeHead(403).end();
    if (!file) return notFound(root, res);
    sent.push(respond(req, res, file, path, options, packed));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The file for a URL path: undefined when there is none, null when it is outside the site. */
function fileFor(root: string, path: string): string | null | undefined {
  let file = join(root, path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function notFound(root: string, res: ServerResponse) {
  const page = join(root, '404.html');
  if (!existsSync(page)) return void res.writeHead(404).end('not found');
  res.writeHead(404, { 'content-type': HTML }).end(readFileSync(page));
}

function respond(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  path: string,
  options: ServeOptions,
  packed: Map<string, { br: Buffer; gzip: Buffer }>,
): Sent {
  const ext = extname(file);
  const raw = readFileSync(file);
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    ...options.headers,
  };
  let body: Buffer = raw;
  let encoding = 'identity';
  let brotliBytes: number | undefined;
  const levels = options.compression;
  if (levels) {
    brotliBytes = raw.length;
    if (COMPRESSIBLE.has(ext)) {
      // Compressed once per file, as a host precompresses static files.
      let both = packed.get(file);
      if (!both) {
        const params = { [zlibConstants.BROTLI_PARAM_QUALITY]: levels.brotli ?? 11 };
        both = {
          br: brotliCompressSync(raw, { params }),
          gzip: gzipSync(raw, { level: levels.gzip }),
        };
        packed.set(file, both);
      }
      brotliBytes = both.br.length;
      const accept = String(req.headers['accept-encoding'] ?? '');
      if (levels.brotli !== undefined && /\bbr\b/.test(accept)) [body, encoding] = [both.br, 'br'];
      else if (/\bgzip\b/.test(accept)) [body, encoding] = [both.gzip, 'gzip'];
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      headers.vary = 'accept-encoding';
    }
  }
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers).end(body);
  const record: Sent = { path, encoding, bytes: body.length, rawBytes: raw.length };
  if (brotliBytes !== undefined) record.brotliBytes = brotliBytes;
  return record;
}
