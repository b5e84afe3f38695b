/** Running the project's commands (scripts/*.ts) as a user would, without blocking the test. */
import { spawn } from 'node:child_process';

export interface CommandResult {
  status: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

export function run(
  script: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<CommandResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => done({ status, output }));
  });
}

/** A stack trace line, which no message to an author should be made of. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;
