/**
 * A content folder's own files (`content/media/`: images and documents, such as those
 * `npm run import -- … --download-media` saves) are published at `/media/…` of the site:
 * copied into the build, and served by `astro dev`. Only the files the check accepts are
 * (src/content/media.ts): a link's target is copied, never the link, and no other kind of file.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../config.ts';
import { readMediaFiles } from '../content/files.ts';
import { mediaType } from '../content/media.ts';
import { MEDIA_DIR } from '../content/registry.ts';

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
          const type = mediaType(file);
          if (
            !type ||
            !file.startsWith(root + sep) ||
            !existsSync(file) ||
            !statSync(file).isFile()
          )
            return next();
          res.setHeader('content-type', type);
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir }) => {
        const { root, contentDir } = getConfig();
        const out = join(fileURLToPath(dir), MEDIA_DIR);
        for (const file of readMediaFiles(root, contentDir).files) {
          const to = join(out, relative(folder(), file));
          mkdirSync(dirname(to), { recursive: true });
          copyFileSync(file, to);
        }
      },
    },
  };
}
