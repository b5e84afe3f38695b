/** The version of an installed npm package, for caches that must not outlive an upgrade. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Read from `node_modules/<name>/package.json` under the working directory (every command
 * runs from the project root): packages such as Pagefind do not export their package.json.
 */
export function installedVersion(name: string): string {
  try {
    return (
      JSON.parse(
        readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
}
