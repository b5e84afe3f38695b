/**
 * A content folder's own files (`content/media/`: images and documents, such as those
 * `npm run import -- … --download-media` saves) are published at `/media/…` of the site:
 * copied into the build, and served by `astro dev`.
 */
import type { AstroIntegration } from 'astro';
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../config.ts';
import { MEDIA_DIR } from '../content/registry.ts';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

export function contentMedia(): AstroIntegration {
  const folder = () => join(getConfig().contentDir, MEDIA_DIR);
  return {
    name: 'briefing-content-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const prefix = `${getConfig().basePath}${MEDIA_DIR}/`;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          if (!path.startsWith(prefix)) return next();
          const root = resolve(folder());
          const file = normalize(join(root, path.slice(prefix.length)));
          if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile())
            return next();
          res.setHeader(
            'content-type',
            TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          );
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir }) => {
        if (existsSync(folder()))
          cpSync(folder(), join(fileURLToPath(dir), MEDIA_DIR), { recursive: true });
      },
    },
  };
}
