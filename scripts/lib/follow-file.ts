/**
 * Reads what another process appends to a file, as it comes. `npm run build` gives Astro its log
 * file as standard output instead of a pipe: writes to a file never wait for the reader, and none
 * is lost. Through a pipe, a rebuild of 100,000 briefs lost Astro's last 60,000 lines (its end
 * included): Astro logs a reused page far faster than a busy reader takes it, and the lines
 * still queued in Astro's process when it exits are dropped.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface Follower {
  /** Reads what was appended since the last read, and hands it on. */
  poll(): void;
  /** A last read, and no more. */
  stop(): void;
}

/** Follows `path` from its current end, every `everyMs`, handing new text to `onText`. */
export function followFile(
  path: string,
  onText: (text: string) => void,
  { from = 0, everyMs = 100 }: { from?: number; everyMs?: number } = {},
): Follower {
  const fd = openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1 << 16);
  let position = from;
  let stopped = false;
  const poll = () => {
    if (stopped) return;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      position += read;
      // A character split between two reads is held back until its last byte comes.
      const text = decoder.write(buffer.subarray(0, read));
      if (text) onText(text);
    }
  };
  const timer = setInterval(poll, everyMs);
  return {
    poll,
    stop() {
      poll();
      const rest = decoder.end();
      if (rest) onText(rest);
      stopped = true;
      clearInterval(timer);
      closeSync(fd);
    },
  };
}
