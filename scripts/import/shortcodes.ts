/**
 * Shortcodes: WordPress `[name attr="v"]…[/name]`, Hugo `{{< name >}}…{{< /name >}}` and
 * `{{% name %}}`, and Liquid/Nunjucks tags (`{% name %}…{% endname %}`, `{{ expr }}`) of
 * Jekyll and Eleventy. Each importer maps what it knows; whatever it cannot map is kept
 * visible in the text and reported with the post's name, never dropped in silence.
 */

export interface Shortcode {
  name: string;
  /** Named attributes (`caption="…"`). */
  attrs: Record<string, string>;
  /** Positional arguments (`{{< youtube abc >}}`, `{% highlight ruby %}`). */
  args: string[];
  /** What was between the opening and closing tags, as written (for code), if it had a closing tag. */
  content?: string | undefined;
  /** The same with the shortcodes inside it expanded (for text). */
  inner: () => string;
  /** The shortcode as written, to keep it visible when it cannot be converted. */
  source: string;
}

/** A replacement, or undefined to keep the shortcode as written (and warn). */
export type ShortcodeHandler = (code: Shortcode) => string | undefined;

const ATTRIBUTE =
  /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|“([^”]*)”|([^\s"'\]]+))|"([^"]*)"|'([^']*)'|([^\s,]+)/g;

/** `caption="A b" width=300 abc "quoted"` → attrs and positional args. */
export function parseAttributes(text: string): { attrs: Record<string, string>; args: string[] } {
  const attrs: Record<string, string> = {};
  const args: string[] = [];
  for (const m of text.matchAll(ATTRIBUTE)) {
    if (m[1]) attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    else args.push(m[6] ?? m[7] ?? m[8] ?? '');
  }
  return { attrs, args };
}

interface Syntax {
  /** Finds an opening (or single) tag; group 1: name, group 2: the attribute text. */
  open: RegExp;
  close: (name: string) => string;
  /** Whether a tag without a closing tag is still a shortcode worth reporting. */
  isShortcode: (name: string, attrText: string, closed: boolean) => boolean;
}

function expand(text: string, syntax: Syntax, handle: ShortcodeHandler, kept: string[]): string {
  let out = '';
  let at = 0;
  const open = new RegExp(syntax.open.source, 'g');
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const [whole, name = '', attrText = ''] = m;
    if (m.index < at) continue;
    const closing = syntax.close(name);
    const end = whole.endsWith('/]') ? -1 : text.indexOf(closing, m.index + whole.length);
    const closed = end >= 0;
    if (!syntax.isShortcode(name, attrText, closed)) continue;
    const stop = closed ? end + closing.length : m.index + whole.length;
    const source = text.slice(m.index, stop);
    const inner = closed ? text.slice(m.index + whole.length, end) : undefined;
    const { attrs, args } = parseAttributes(attrText);
    const expanded = () => (inner === undefined ? '' : expand(inner, syntax, handle, kept));
    const replaced = handle({
      name: name.toLowerCase(),
      attrs,
      args,
      content: inner,
      inner: expanded,
      source,
    });
    out += text.slice(at, m.index);
    if (replaced === undefined) {
      kept.push(whole.length > 60 ? `${whole.slice(0, 57)}…` : whole);
      out += source;
    } else out += replaced;
    at = stop;
    open.lastIndex = stop;
  }
  return out + text.slice(at);
}

/** WordPress shortcodes known to core, Jetpack and common plugins; others need attributes or a closing tag. */
const WORDPRESS_NAMES = new Set([
  'caption',
  'wp_caption',
  'gallery',
  'embed',
  'video',
  'audio',
  'playlist',
  'youtube',
  'vimeo',
  'tweet',
  'twitter',
  'googlemaps',
  'code',
  'sourcecode',
  'source',
  'contact-form',
  'contact-form-7',
]);

/** `[name …]…[/name]`; `[[name]]` is WordPress's way to write a shortcode as text. */
export function expandWordPressShortcodes(
  text: string,
  handle: ShortcodeHandler,
  kept: string[],
): string {
  const escaped: string[] = [];
  const guarded = text.replace(/\[\[([A-Za-z][\w-]*[^\]]*)\]\]/g, (_m, inner: string) => {
    escaped.push(`[${inner}]`);
    return `\uE000${escaped.length - 1}\uE000`;
  });
  const expanded = expand(
    guarded,
    {
      open: /\[([A-Za-z][\w-]*)((?:\s+(?:[^\]"'“]|"[^"]*"|'[^']*'|“[^”]*”)*?)?)\s*\/?\]/,
      close: (name) => `[/${name}]`,
      isShortcode: (name, attrs, closed) =>
        WORDPRESS_NAMES.has(name.toLowerCase()) || closed || /[\w-]+\s*=/.test(attrs),
    },
    handle,
    kept,
  );
  return expanded.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => escaped[Number(i)]!);
}

/** Hugo: `{{< name args >}}`, `{{% name args %}}`, closing `{{< /name >}}`; a commented-out shortcode is text. */
export function expandHugoShortcodes(
  text: string,
  handle: ShortcodeHandler,
  kept: string[],
): string {
  const literal: string[] = [];
  const guarded = text.replace(
    /\{\{([<%])\/\*\s*([\s\S]*?)\s*\*\/([>%])\}\}/g,
    (_m, a: string, inner: string, b: string) => {
      literal.push(`{{${a} ${inner} ${b}}}`);
      return `\uE000${literal.length - 1}\uE000`;
    },
  );
  let out = normaliseHugoClosings(guarded);
  for (const delim of [
    ['<', '>'],
    ['%', '%'],
  ] as const) {
    const [a, b] = delim.map((d) => d.replace(/[<>%]/, (c) => `\\${c}`));
    out = expand(
      out,
      {
        open: new RegExp(`\\{\\{${a}-?\\s*(?!\\/)([\\w./-]+)([^}]*?)\\s*-?${b}\\}\\}`),
        close: (name) => `{{${delim[0]} /${name} ${delim[1]}}}`,
        isShortcode: () => true,
      },
      handle,
      kept,
    );
  }
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => literal[Number(i)]!);
}

/** Normalises Hugo closing tags to `{{< /name >}}` so one search finds them. */
export function normaliseHugoClosings(text: string): string {
  return text.replace(/\{\{([<%])-?\s*\/\s*([\w./-]+)\s*-?([>%])\}\}/g, '{{$1 /$2 $3}}');
}

/** Liquid/Nunjucks tags that always have an end tag. */
const LIQUID_BLOCKS = new Set([
  'highlight',
  'raw',
  'comment',
  'capture',
  'if',
  'unless',
  'for',
  'case',
  'codeblock',
  'markdown',
]);

/** Liquid (Jekyll) and Nunjucks (Eleventy): `{% name args %}…{% endname %}` and `{{ output }}`. */
export function expandLiquidTags(text: string, handle: ShortcodeHandler, kept: string[]): string {
  const normalised = text.replace(/\{%-?\s*(end\w+)\s*-?%\}/g, '{% $1 %}');
  // What a tag became is final ({% raw %}, code): set aside so that no {{ }} in it is read.
  const done: string[] = [];
  const tags = expand(
    normalised,
    {
      open: /\{%-?\s*(?!end)(\w+)([\s\S]*?)\s*-?%\}/,
      close: (name) => `{% end${name} %}`,
      isShortcode: (name, _attrs, closed) => closed || !LIQUID_BLOCKS.has(name),
    },
    (code) => {
      const replaced = handle(code);
      if (replaced === undefined) return undefined;
      done.push(replaced);
      return `\uE001${done.length - 1}\uE001`;
    },
    kept,
  );
  const outputs = expand(
    tags,
    {
      open: /\{\{-?\s*([\s\S]*?)()\s*-?\}\}/,
      close: () => '\uE000never\uE000',
      isShortcode: () => true,
    },
    (code) =>
      handle({ ...code, name: '{{', args: [code.source.replace(/^\{\{-?\s*|\s*-?\}\}$/g, '')] }),
    kept,
  );
  return outputs.replace(/\uE001(\d+)\uE001/g, (_m, i: string) => done[Number(i)]!);
}
