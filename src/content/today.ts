/**
 * The day a build treats as today: a policy's status and its next event depend on it.
 * `BRIEFING_TODAY=2026-01-31` fixes it (tests, reproducible builds, previewing a date).
 */
import { parseIsoDay } from '../model/dates.ts';

export class TodayError extends Error {}

export function buildDay(env: Record<string, string | undefined> = process.env, now = new Date()): Date {
  const fixed = env.BRIEFING_TODAY?.trim();
  if (fixed) {
    const day = parseIsoDay(fixed);
    if (!day) throw new TodayError(`BRIEFING_TODAY: expected a date written as YYYY-MM-DD, got ${JSON.stringify(fixed)}`);
    return day;
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
