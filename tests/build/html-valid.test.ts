/** Every built page is valid HTML (html-validate's recommended rules, WCAG-related ones included). */
import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { allHtmlFiles, urlOfFile } from '../helpers/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro emits minified inline markup without trailing slashes; these are style, not validity.
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    // Long-form text uses curly quotes and dashes by design.
    'no-raw-characters': 'off',
    // Astro scopes component styles with data attributes and inline <style>, which is fine.
    'no-inline-style': 'off',
    // Headlines are long by nature; search engines truncate, readers do not mind.
    'long-title': 'off',
  },
});

describe('built HTML', () => {
  it('validates on every page', async () => {
    const failures: string[] = [];
    for (const file of allHtmlFiles()) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const result of report.results) {
        for (const message of result.messages)
          failures.push(
            `${urlOfFile(file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          );
      }
    }
    expect(failures.slice(0, 40)).toEqual([]);
  });
});
