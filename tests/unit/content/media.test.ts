import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMediaFiles } from '../../../src/content/files.ts';
import { mediaType, svgProblem } from '../../../src/content/media.ts';
import { scratchDir } from '../../helpers/scratch.ts';

const svg = (inside: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inside}</svg>`;

describe('SVG files in media/', () => {
  it.each([
    [
      'a chart',
      svg('<title>Quotas</title><rect width="10" height="10" fill="#c00"/><text>2025</text>'),
    ],
    [
      'a link and a style',
      svg('<style>rect{fill:red}</style><a href="https://example.com/"><rect/></a>'),
    ],
    [
      'an inlined PNG',
      svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'),
    ],
    [
      'an inlined SVG',
      svg('<image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>'),
    ],
    [
      'an Inkscape drawing',
      svg(
        '<!-- Created with Inkscape --><metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata><sodipodi:namedview inkscape:zoom="1" showgrid="false"/><path d="M0 0h10" style="opacity:0.5"/>',
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"',
      ),
    ],
    [
      'a DOCTYPE without entities',
      `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg('<rect/>')}`,
    ],
  ])('publish %s', (_name, text) => {
    expect(svgProblem(text)).toBeUndefined();
  });

  it.each([
    ['a script', svg('<script>alert(1)</script>'), 'the element <script>'],
    [
      'an XHTML script',
      svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
      'the element <h:script>',
    ],
    [
      'HTML inside',
      svg('<foreignObject><iframe srcdoc="x"/></foreignObject>'),
      'the element <foreignObject> (and 1 more)',
    ],
    ['an event handler', svg('<rect/>', ' onload="alert(1)"'), 'the event handler onload on <svg>'],
    [
      'a javascript: link',
      svg('<a xlink:href="javascript:alert(1)"><rect/></a>'),
      'the address in xlink:href on <a>',
    ],
    [
      'an encoded javascript: link',
      svg('<a href="&#x6A;ava&#9;script:alert(1)"><rect/></a>'),
      'the address in href on <a>',
    ],
    [
      'an animated link',
      svg('<a><set attributeName="href" to="javascript:alert(1)"/><rect/></a>'),
      'the address in to on <set>',
    ],
    [
      'an HTML document as data',
      svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><rect/></a>'),
      'the address in href on <a>',
    ],
    [
      'a frameset',
      svg('<h:frameset xmlns:h="http://www.w3.org/1999/xhtml"/>'),
      'the element <h:frameset>',
    ],
  ])('refuse %s', (_name, text, what) => {
    expect(svgProblem(text)).toMatch(
      new RegExp(`^holds ${what.replace(/[()]/g, '\\$&')}, which would run as script`),
    );
  });

  it('refuse entities, style sheets and what is not XML', () => {
    expect(
      svgProblem(`<!DOCTYPE svg [<!ENTITY x "javascript:">]>${svg('<a href="&x;alert(1)"/>')}`),
    ).toMatch(/declares entities/);
    expect(svgProblem(`<?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg('')}`)).toMatch(
      /style sheet/,
    );
    expect(svgProblem('<svg><rect></svg>')).toBe('cannot be read as XML');
  });
});

describe('the media folder', () => {
  it('publishes pictures, documents and links inside the content folder; nothing else', () => {
    const dir = scratchDir('briefing-media-');
    const media = join(dir, 'content', 'media');
    mkdirSync(join(media, 'charts'), { recursive: true });
    writeFileSync(join(media, 'charts', 'quotas.PNG'), 'png');
    writeFileSync(join(media, 'report.pdf'), 'pdf');
    writeFileSync(join(media, 'chart.svg'), svg('<rect/>'));
    writeFileSync(join(media, 'evil.svg'), svg('<script>alert(1)</script>'));
    writeFileSync(join(media, 'page.html'), '<script>alert(1)</script>');
    writeFileSync(join(media, '_notes.txt'), 'kept unpublished');
    writeFileSync(join(dir, 'secret.png'), 'outside');
    symlinkSync(join(media, 'report.pdf'), join(media, 'same-report.pdf'));
    symlinkSync(join(dir, 'secret.png'), join(media, 'secret.png'));
    symlinkSync(dir, join(media, 'up'));
    const { files, problems } = readMediaFiles(dir, 'content');
    expect(files.map((f) => f.slice(media.length + 1)).sort()).toEqual([
      'chart.svg',
      'charts/quotas.PNG',
      'report.pdf',
      'same-report.pdf',
    ]);
    expect(problems.map((p) => `${p.file}: ${p.message.split(':')[0]}`).sort()).toEqual([
      'content/media/evil.svg: holds the element <script>, which would run as script when the file is opened',
      'content/media/page.html: is not published',
      `content/media/secret.png: is a symbolic link to ${join(dir, 'secret.png')}, outside the content folder`,
      `content/media/up: is a symbolic link to ${dir}, outside the content folder`,
    ]);
  });

  it('knows each kind of file by its extension, in any case', () => {
    expect(mediaType('a/b/Chart.SVG')).toBe('image/svg+xml');
    expect(mediaType('notes.docx')).toBeDefined();
    expect(mediaType('page.html')).toBeUndefined();
    expect(mediaType('script.js')).toBeUndefined();
    expect(mediaType('README')).toBeUndefined();
  });
});
