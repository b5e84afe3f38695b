import { describe, expect, it } from 'vitest';
import { type ContentFiles, validateContent } from '../../../src/content/validate.ts';

const briefText = `---
title: Beijing suspends the October controls
date: 2025-11-07
summary: A summary that is long enough to pass the schema check.
highlights:
  - A takeaway.
sources:
  - title: Source
    publisher: Publisher
    url: https://example.com/source
---
Body.
`;

const policy = (frontmatter: string) => ({
  path: 'content/policies/october.md',
  text: `---\nname: October controls\nissuer: MOFCOM\njurisdiction: China\nissued: 2025-10-09\n${frontmatter}---\nProfile.\n`,
});

const EVENTS = `events:
  - date: 2025-10-09
    type: published
    note: Announced and published.
    url: https://example.com/a
  - date: 2025-11-07
    type: suspended
    note: Suspended for a year.
    until: 2026-11-10
    brief: busan
`;

const files = (policyText: ReturnType<typeof policy>): ContentFiles => ({
  briefs: [{ path: 'content/briefs/2025/busan.md', text: briefText }],
  entities: { policies: [policyText] },
});
const TODAY = new Date('2026-01-01T00:00:00Z');

describe('policy events', () => {
  it('derives the status from the events and records it', () => {
    const result = validateContent(files(policy(EVENTS)), TODAY);
    expect(result.problems).toEqual([]);
    expect(result.entities[0]!.data.status).toBe('suspended');
  });

  it('accepts a status that agrees with the events', () => {
    const result = validateContent(files(policy(`status: suspended\n${EVENTS}`)), TODAY);
    expect(result.problems).toEqual([]);
  });

  it('rejects a status that disagrees, with the line of the status', () => {
    const [problem, ...rest] = validateContent(
      files(policy(`status: in-force\n${EVENTS}`)),
      TODAY,
    ).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: 'content/policies/october.md',
      line: 6,
      field: 'status',
    });
    expect(problem!.message).toContain('"in-force"');
    expect(problem!.message).toContain('suspended on 2025-11-07');
  });

  it('does not count events dated after today', () => {
    const result = validateContent(files(policy(EVENTS)), new Date('2025-10-20T00:00:00Z'));
    expect(result.entities[0]!.data.status).toBe('adopted');
  });

  it('names an unknown source brief with its line and the closest slug', () => {
    const [problem] = validateContent(
      files(policy(EVENTS.replace('brief: busan', 'brief: busann'))),
      TODAY,
    ).problems;
    expect(problem).toMatchObject({ line: 15, field: 'events[1].brief' });
    expect(problem!.message).toContain('"busann"');
    expect(problem!.hint).toContain('"busan"');
  });

  it('requires a source for each event', () => {
    const [problem] = validateContent(
      files(policy(EVENTS.replace('    url: https://example.com/a\n', ''))),
      TODAY,
    ).problems;
    expect(problem!.message).toMatch(/cite the event/);
    expect(problem!.line).toBe(7);
  });

  it('rejects an unknown event type and lists the known ones', () => {
    const [problem] = validateContent(
      files(policy(EVENTS.replace('type: published', 'type: launched'))),
      TODAY,
    ).problems;
    expect(problem).toMatchObject({ line: 8, field: 'events[0].type' });
    expect(problem!.message).toContain('announced, published, effective');
  });

  it('leaves a policy with neither status nor events to the editorial rules (a warning by default)', () => {
    const result = validateContent(files(policy('')), TODAY);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ file: 'content/policies/october.md', field: 'status' }),
    );
  });
});
