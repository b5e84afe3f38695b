// @ts-check
/**
 * Lint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-astro, and the
 * import boundaries that keep the folders a pipeline (CONTRIBUTING.md, "Layout"). Formatting
 * is Prettier's (prettier.config.js), so the rules that would fight it are off.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** @param {string} regex @param {string} message */
const ban = (regex, message) => ({ regex, message });

const NODE = ban(
  '^node:',
  'no Node.js modules here: this code must stay pure (or run in the browser)',
);
const ASTRO_VIRTUAL = ban('^astro:', 'no astro: modules here: Astro glue lives in src/astro/');
const GLUE = ban(
  '(^|/)astro/[^/]+\\.ts$|(^|/)pages/|(^|/)components/|(^|/)layouts/',
  'Astro glue, pages and components are not imported from here',
);
const CONFIG = ban(
  '(^|/)config\\.ts$',
  'settings reach this code as arguments, not by reading the configuration',
);
const FILES = ban(
  '(^|/)content/(files|load|frontmatter-memo|installed-version)\\.ts$',
  'reading files is src/content/ and scripts/ work',
);
const SEARCH_BUILD = ban('(^|/)search/build/', 'the index is built by scripts and Astro glue only');
const MODEL_OR_CONTENT = ban('(^|/)(model|content)/', 'browser code uses src/search/shared/ only');
const SCRIPTS = ban('(^|/)scripts/', 'src/ does not depend on the command-line scripts');
const TESTS = ban('(^|/)tests/', 'tests depend on the code, never the other way round');

/**
 * @param {string[]} files
 * @param {{ regex: string, message: string }[]} patterns
 * @returns {import('eslint').Linter.Config}
 */
const boundary = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default defineConfig(
  {
    ignores: ['dist*/', '.briefing/', '.astro/', 'bench/work/', 'bench/baseline/', 'node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['src/search/browser/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Node runs .ts files by stripping types: no enums',
        },
      ],
    },
  },
  // The pipeline's folders (src/content → src/model → pages; src/search/shared is shipped to browsers).
  boundary(
    ['src/model/**'],
    [NODE, ASTRO_VIRTUAL, GLUE, CONFIG, FILES, SEARCH_BUILD, SCRIPTS, TESTS],
  ),
  boundary(
    ['src/search/shared/**', 'src/search/browser/**'],
    [NODE, ASTRO_VIRTUAL, GLUE, CONFIG, MODEL_OR_CONTENT, SEARCH_BUILD, SCRIPTS, TESTS],
  ),
  boundary(['src/content/**'], [ASTRO_VIRTUAL, GLUE, SEARCH_BUILD, SCRIPTS, TESTS]),
  boundary(['src/search/build/**'], [ASTRO_VIRTUAL, GLUE, SCRIPTS, TESTS]),
  boundary(
    ['src/pages/**', 'src/components/**', 'src/layouts/**'],
    [NODE, SEARCH_BUILD, FILES, SCRIPTS, TESTS],
  ),
  boundary(['src/astro/**', 'src/*.ts', 'astro.config.mjs'], [SCRIPTS, TESTS]),
  boundary(['scripts/**'], [TESTS]),
  prettier,
);
