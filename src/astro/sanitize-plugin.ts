/**
 * Sätteri HAST plugin: every body is published through the HTML allowlist of
 * src/content/html-policy.ts. Raw HTML is parsed into real elements (features.rawHtml), so
 * the allowlist sees exactly what a browser would.
 *
 * Cost at 10,000 briefs (BENCHMARKS.md): a body without raw HTML can only hold Markdown's own
 * elements, so only its links and images are looked at (their URLs follow the same policy);
 * a body with `<` in it has every element judged. An element that is fine, or needs an
 * attribute dropped, is patched in place; one that must go or be unwrapped is replaced, with
 * everything in it, by the sanitised subtree, and the visits to that subtree's elements that
 * follow in document order are skipped (their patches would land on replaced nodes).
 */
import type { Element } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { cleanTree, type HtmlPolicy, judgeElement } from '../content/html-policy.ts';

export function sanitizePlugin(getPolicy: () => HtmlPolicy): HastPluginEntry {
  return (doc) => {
    const policy = getPolicy();
    // MDX elements are JSX (checked by `npm run check`); only Markdown's own become elements.
    const rawHtml = doc.sourceFormat !== 'mdx' && doc.source.includes('<');
    /** Tag names of the elements inside the last replaced one, in the order they are visited. */
    let skip: string[] = [];
    return defineHastPlugin({
      name: 'briefing-sanitize',
      element: {
        filter: rawHtml ? [] : ['a', 'img'],
        visit(node, ctx) {
          if (skip.length) {
            if (skip[0] === node.tagName) {
              skip.shift();
              return;
            }
            skip = [];
          }
          const verdict = judgeElement(node, policy);
          if (verdict.action === 'keep') return;
          if (verdict.action === 'attributes') {
            for (const [key, value] of Object.entries(verdict.changes))
              ctx.setProperty(node, key, value);
            return;
          }
          skip = descendantTags(node as Element);
          ctx.replaceNode(node, cleanTree(node as Element, policy));
        },
      },
    });
  };
}

function descendantTags(node: Element, out: string[] = []): string[] {
  for (const child of node.children ?? []) {
    if (child.type !== 'element') continue;
    out.push(child.tagName);
    descendantTags(child, out);
  }
  return out;
}
