/**
 * The site's Content-Security-Policy and other security headers, in one place: astro.config.mjs
 * gives the directives to Astro's `security.csp` (which adds the hashes of the scripts and
 * styles of each page in a <meta>), and the build writes the same policy, with the directives a
 * <meta> cannot carry, into `_headers` for hosts that read one (Netlify, Cloudflare Pages). The
 * README says what to set on other hosts.
 */
import { createHash } from 'node:crypto';

/**
 * Sources of scripts: the site's own files, plus WebAssembly for Pagefind's search (without
 * 'wasm-unsafe-eval' its worker cannot compile the index reader: search finds nothing).
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];
export const STYLE_SOURCES = ["'self'"];

type Directive =
  `${'default-src' | 'img-src' | 'font-src' | 'connect-src' | 'worker-src' | 'frame-src' | 'media-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`;

/** Directives besides script-src and style-src (Astro writes those, with hashes). */
export function cspDirectives(embeds: readonly string[]): Directive[] {
  return [
    "default-src 'self'",
    // Images in bodies may come from any https address (sanitised to http(s) or relative).
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Pagefind 1.6 starts its worker from pagefind-worker.js (checked in Chromium: no blob:).
    "worker-src 'self'",
    `frame-src ${embeds.length ? embeds.map((host) => `https://${host}`).join(' ') : "'none'"}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
}

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * The `_headers` file: every page's policy as a header too (the union of the hashes found in
 * the pages' <meta> policies, so no page loses a script), plus `frame-ancestors`, which only a
 * header can carry, and the headers a <meta> cannot set.
 */
export function headersFile(
  embeds: readonly string[],
  hashes: { script: string[]; style: string[] },
): string {
  const policy = [
    ...cspDirectives(embeds),
    `script-src ${[...SCRIPT_SOURCES, ...hashes.script].join(' ')}`,
    `style-src ${[...STYLE_SOURCES, ...hashes.style].join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    `  Referrer-Policy: ${REFERRER_POLICY}`,
    '  X-Frame-Options: DENY',
    '',
  ].join('\n');
}

/** The hashes named in the script-src and style-src of a page's <meta> policy. */
export function hashesOfPage(html: string): { script: string[]; style: string[] } {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  const out = { script: [] as string[], style: [] as string[] };
  if (!meta) return out;
  for (const directive of meta[1]!.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    const hashes = sources.filter((s) => /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s));
    if (name === 'script-src') out.script.push(...hashes);
    if (name === 'style-src') out.style.push(...hashes);
  }
  return out;
}

/** `sha256-…` of an inline script's text, as a Content-Security-Policy names it. */
export function scriptHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}
