/**
 * Every built page passes the Nu HTML Checker (vnu-jar, the W3C validator), which catches
 * what html-validate does not, such as markup after </html>. One JVM run checks every file.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { allHtmlFiles, urlOfFile } from '../helpers/dist.ts';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

describe('Nu HTML Checker', () => {
  it('finds no errors on any page', () => {
    const files = allHtmlFiles();
    expect(files.length).toBeGreaterThan(50);
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error)
      throw new Error(
        'No Java runtime: install one (Debian: apt-get install default-jre-headless); .ci/run does.',
      );
    const run = spawnSync(
      'java',
      ['-Xss2m', '-jar', vnuJar, '--errors-only', '--format', 'json', ...files],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    // vnu writes its JSON report to stderr, and exits 1 when it found errors.
    const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
    const failures = report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map(
        (m) =>
          `${urlOfFile(decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine ?? '?'} ${m.message}`,
      );
    expect(failures.slice(0, 40)).toEqual([]);
    expect(run.status).toBe(0);
  }, 180_000);
});
