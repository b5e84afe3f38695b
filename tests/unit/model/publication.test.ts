import { describe, expect, it } from 'vitest';
import { briefStatus } from '../../../src/model/publication.ts';

const at = (iso: string) => new Date(iso);

describe('briefStatus', () => {
  const today = at('2026-12-03T00:00:00Z');

  it('publishes a brief dated on or before the build day, whatever its time of day', () => {
    expect(briefStatus({ draft: false, date: at('2026-12-03T23:59:59Z') }, today)).toBe(
      'published',
    );
    expect(briefStatus({ draft: false, date: at('2026-12-02T12:00:00Z') }, today)).toBe(
      'published',
    );
    expect(briefStatus({ draft: false, date: at('1969-07-20T20:17:00Z') }, today)).toBe(
      'published',
    );
  });

  it('schedules a brief dated after the build day, from its first moment', () => {
    expect(briefStatus({ draft: false, date: at('2026-12-04T00:00:00Z') }, today)).toBe(
      'scheduled',
    );
    expect(briefStatus({ draft: false, date: at('2031-01-01T00:00:00Z') }, today)).toBe(
      'scheduled',
    );
  });

  it('compares calendar days in UTC before 1970 too', () => {
    const day = at('1960-05-01T00:00:00Z');
    expect(briefStatus({ draft: false, date: at('1960-05-01T18:00:00Z') }, day)).toBe('published');
    expect(briefStatus({ draft: false, date: at('1960-05-02T00:00:00Z') }, day)).toBe('scheduled');
  });

  it('keeps a draft a draft, and schedules nothing without a build day', () => {
    expect(briefStatus({ draft: true, date: at('2020-01-01T00:00:00Z') }, today)).toBe('draft');
    expect(briefStatus({ draft: false, date: at('2099-01-01T00:00:00Z') })).toBe('published');
  });
});
