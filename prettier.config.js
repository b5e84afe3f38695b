// @ts-check
/** @type {import('prettier').Config} */
export default {
  printWidth: 100,
  singleQuote: true,
  plugins: ['prettier-plugin-astro'],
  // Whitespace between inline elements is content ("Briefs on X <span>3</span>"): keep it.
  overrides: [
    { files: '*.astro', options: { parser: 'astro', htmlWhitespaceSensitivity: 'strict' } },
  ],
};
