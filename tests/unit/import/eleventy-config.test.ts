import { describe, expect, it } from 'vitest';
import { eleventyInputDir, fillPermalink } from '../../../scripts/import/eleventy-config.ts';

describe('the input folder of an Eleventy configuration', () => {
  it.each([
    [
      'a returned dir',
      'module.exports = function () { return { dir: { input: "src" } }; };',
      'src',
    ],
    [
      'an exported config',
      'export const config = { dir: { output: "_site", input: "./content/" } };',
      'content',
    ],
    [
      'setInputDirectory',
      'export default async function (eleventyConfig) { eleventyConfig.setInputDirectory("site"); }',
      'site',
    ],
    ['the site folder itself', 'module.exports = () => ({ dir: { input: "." } });', undefined],
    ['no input folder', 'module.exports = (c) => { c.addPassthroughCopy("img"); };', undefined],
    [
      'a name computed at run time',
      'module.exports = () => ({ dir: { input: process.env.IN } });',
      undefined,
    ],
    ['a file that is not JavaScript', 'dir: { input: "src"', undefined],
  ])('%s', (_name, source, input) => {
    expect(eleventyInputDir(source)).toBe(input);
  });
});

describe('permalink templates', () => {
  const values = { fileSlug: 'hello', filePathStem: '/posts/2022/hello', title: 'Hello, World' };

  it.each([
    ['/blog/{{ page.fileSlug }}/', '/blog/hello/'],
    ['{{page.filePathStem}}.html', '/posts/2022/hello.html'],
    ['/{{ title | slugify }}/', '/hello-world/'],
    ['/{{- title | slug -}}/index.html', '/hello-world/index.html'],
    ['/{{ page.date | date: "%Y" }}/{{ page.fileSlug }}/', undefined],
    ['/{{ site.prefix }}/x/', undefined],
  ])('%s', (template, address) => {
    expect(fillPermalink(template, values)).toBe(address);
  });
});
