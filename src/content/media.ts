/**
 * The site's own files in `content/media/`, published at `/media/…` as they are: which files may
 * be, and what an SVG may hold. A file there is served from the site's own address, so an HTML
 * page or an SVG with a script would run in the site's origin when opened; hosts that send no
 * Content-Security-Policy header (GitHub Pages, S3) would not stop it. Pure: texts and names in,
 * messages out; src/content/files.ts lists the folder, src/astro/media-integration.ts copies.
 */
import { decodeXML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * What may be published from media/ (and what `npm run import -- … --download-media` saves), by
 * extension, with the type `npm run dev` serves it as.
 */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
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
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.webm': 'video/webm',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.csv': 'text/csv',
  '.zip': 'application/zip',
};

/** The type a media file is served as, or undefined when it is not published. */
export function mediaType(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : MEDIA_TYPES[name.slice(dot).toLowerCase()];
}

/** Elements that run script or load a document of their own, in any namespace (`html:script`). */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'handler',
  'listener',
  'iframe',
  'frame',
  'frameset',
  'portal',
  'object',
  'applet',
  'embed',
  'base',
  'meta',
]);

/**
 * An address that runs script or makes a document. Inlined images (data:image/…) are fine: a
 * picture shown as an image runs nothing, and browsers open no data: address as a page.
 */
const ACTIVE_ADDRESS = /(?:javascript|vbscript):|data:(?!image\/)/i;

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Why an SVG file may not be published as it is, or undefined when it may. */
export function svgProblem(text: string): string | undefined {
  // Entities could assemble a script where no name shows one; a style sheet may be XSLT.
  if (/<!ENTITY|<\?xml-stylesheet/i.test(text))
    return 'declares entities or a style sheet: save the SVG again without a DOCTYPE or processing instructions';
  if (XMLValidator.validate(text) !== true) return 'cannot be read as XML';
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    processEntities: false,
  });
  const found: string[] = [];
  const visit = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@' || key.startsWith('#') || key.startsWith('?')) continue;
        const name = key.slice(key.indexOf(':') + 1).toLowerCase();
        if (ACTIVE_ELEMENTS.has(name)) found.push(`the element <${key}>`);
        for (const [attribute, raw] of Object.entries(node[':@'] ?? {})) {
          const local = attribute.slice(attribute.indexOf(':') + 1).toLowerCase();
          // Browsers ignore whitespace and control characters inside a scheme (java\tscript:).
          // eslint-disable-next-line no-control-regex -- removing them is the point
          const plain = decodeXML(String(raw)).replace(/[\u0000-\u0020]/g, '');
          if (local.startsWith('on')) found.push(`the event handler ${attribute} on <${key}>`);
          else if (ACTIVE_ADDRESS.test(plain))
            found.push(`the address in ${attribute} on <${key}>`);
        }
        if (Array.isArray(value)) visit(value as XmlNode[]);
      }
    }
  };
  visit(parser.parse(text) as XmlNode[]);
  if (!found.length) return undefined;
  const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
  return `holds ${found[0]}${more}, which would run as script when the file is opened: remove it, or export the picture again as a plain SVG or a PNG`;
}
