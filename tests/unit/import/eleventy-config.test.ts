import { describe, expect, it } from 'vitest';
import {
  dataFilesOf,
  eleventyInputDir,
  fillPermalink,
  mergeData,
} from '../../../scripts/import/eleventy-config.ts';

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

describe('the data cascade', () => {
  it('finds the data files of a template’s folders and its own, lowest priority first', () => {
    expect(dataFilesOf('posts/2024/x.md')).toEqual([
      'posts/posts.json',
      'posts/posts.11tydata.json',
      'posts/2024/2024.json',
      'posts/2024/2024.11tydata.json',
      'posts/2024/x.json',
      'posts/2024/x.11tydata.json',
    ]);
  });

  it('lets later layers win and joins lists', () => {
    expect(
      mergeData([
        { tags: ['posts'], permalink: '/a/', layout: 'x' },
        { tags: ['tin', 'posts'], permalink: '/b/' },
      ]),
    ).toEqual({ tags: ['posts', 'tin'], permalink: '/b/', layout: 'x' });
  });
});
