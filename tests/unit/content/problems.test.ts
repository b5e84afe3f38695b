import { describe, expect, it } from 'vitest';
import { githubAnnotation } from '../../../src/content/problems.ts';

describe('githubAnnotation', () => {
  it('names the file, the line and the field, and carries the message and the hint', () => {
    expect(
      githubAnnotation('error', {
        file: 'content/briefs/2025/alpha.md',
        line: 3,
        field: 'date',
        message: 'expected a date written as YYYY-MM-DD, got "2025-03-32"',
        hint: 'see docs/authoring.md',
      }),
    ).toBe(
      '::error file=content/briefs/2025/alpha.md,line=3,title=date::expected a date written as YYYY-MM-DD, got "2025-03-32"%0Asee docs/authoring.md',
    );
  });

  it('escapes what GitHub requires: % and newlines in the message; also : and , in properties', () => {
    const line = githubAnnotation('warning', {
      file: 'content/a,b:c.md',
      field: 'sources[0].title',
      message: '100% wrong\r\nsecond line',
    });
    expect(line).toBe(
      '::warning file=content/a%2Cb%3Ac.md,title=sources[0].title::100%25 wrong%0D%0Asecond line',
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('leaves out file and line for a problem that is not in a file (a setting)', () => {
    expect(
      githubAnnotation(
        'error',
        { file: 'environment variable BASE_PATH', message: '"x y" is not a path' },
        false,
      ),
    ).toBe('::error title=environment variable BASE_PATH::"x y" is not a path');
  });
});
