/** The date rules of sessions and surveys, and Brussels local times on the nights the clocks change. */
import { describe, expect, it } from 'vitest';
import { readBrusselsTime } from '../../src/domain/brussels-time.ts';
import { closingIssue, endIssue, orderIssue, sessionDateIssues } from '../../src/domain/session-dates.ts';

describe('local Brussels times', () => {
  it('reads an ordinary winter and summer time', () => {
    expect(readBrusselsTime('2026-12-18', '13:00')).toEqual({ kind: 'ok', utc: '2026-12-18T12:00:00.000Z' });
    expect(readBrusselsTime('2026-06-18', '13:00')).toEqual({ kind: 'ok', utc: '2026-06-18T11:00:00.000Z' });
  });

  it('refuses 02:30 on the spring-forward night, which never happens', () => {
    expect(readBrusselsTime('2026-03-29', '02:30')).toEqual({ kind: 'nonexistent' });
    expect(readBrusselsTime('2026-03-29', '02:00')).toEqual({ kind: 'nonexistent' });
    // Either side of the gap is fine.
    expect(readBrusselsTime('2026-03-29', '01:59')).toEqual({ kind: 'ok', utc: '2026-03-29T00:59:00.000Z' });
    expect(readBrusselsTime('2026-03-29', '03:00')).toEqual({ kind: 'ok', utc: '2026-03-29T01:00:00.000Z' });
  });

  it('gives both instants of 02:30 on the fall-back night', () => {
    expect(readBrusselsTime('2026-10-25', '02:30')).toEqual({
      kind: 'ambiguous',
      earlier: '2026-10-25T00:30:00.000Z',
      later: '2026-10-25T01:30:00.000Z',
    });
    expect(readBrusselsTime('2026-10-25', '03:00')).toEqual({ kind: 'ok', utc: '2026-10-25T02:00:00.000Z' });
  });

  it('refuses dates and times that are not real', () => {
    expect(readBrusselsTime('2026-02-30', '10:00')).toEqual({ kind: 'invalid' });
    expect(readBrusselsTime('2026-02-10', '24:00')).toEqual({ kind: 'invalid' });
    expect(readBrusselsTime('10/02/2026', '10:00')).toEqual({ kind: 'invalid' });
  });
});

describe('session and survey dates', () => {
  const series = [
    { id: 1, number: 1, starts_at: '2026-01-10T12:00:00Z' },
    { id: 2, number: 2, starts_at: '2026-03-10T12:00:00Z' },
    { id: 3, number: 3, starts_at: '2026-06-10T12:00:00Z' },
  ];

  it('an end before or at the start is refused', () => {
    expect(endIssue('2026-01-10T12:00:00Z', '2026-01-10T11:00:00Z')).toEqual({ field: 'ends_at', message: 'endBeforeStart' });
    expect(endIssue('2026-01-10T12:00:00Z', '2026-01-10T12:00:00Z')?.field).toBe('ends_at');
    expect(endIssue('2026-01-10T12:00:00Z', '2026-01-10T14:00:00Z')).toBeNull();
    expect(endIssue('2026-01-10T12:00:00Z', null)).toBeNull();
  });

  it('#3 may not be dated before #2, nor #2 after #3', () => {
    expect(orderIssue({ id: 3, number: 3, starts_at: '2026-02-01T12:00:00Z' }, series)).toEqual({
      field: 'starts_at',
      message: 'sessionOrder',
      neighbour: 2,
    });
    expect(orderIssue({ id: 2, number: 2, starts_at: '2026-07-01T12:00:00Z' }, series)?.neighbour).toBe(3);
    expect(orderIssue({ id: 2, number: 2, starts_at: '2026-04-01T12:00:00Z' }, series)).toBeNull();
    // A new session #4 after #3 is fine; before it, not.
    expect(orderIssue({ number: 4, starts_at: '2026-09-01T12:00:00Z' }, series)).toBeNull();
    expect(orderIssue({ number: 4, starts_at: '2026-05-01T12:00:00Z' }, series)?.neighbour).toBe(3);
  });

  it('a cancelled session does not hold the order', () => {
    const cancelled = series.map((s) => (s.number === 2 ? { ...s, cancelled_at: '2026-02-01T00:00:00Z' } : s));
    expect(orderIssue({ id: 3, number: 3, starts_at: '2026-02-01T12:00:00Z' }, cancelled)).toBeNull();
  });

  it('lists the end first, then the order', () => {
    const issues = sessionDateIssues({ id: 3, number: 3, starts_at: '2026-02-01T12:00:00Z', ends_at: '2026-02-01T10:00:00Z' }, series);
    expect(issues.map((i) => i.field)).toEqual(['ends_at', 'starts_at']);
  });

  it('a closing date must lie ahead', () => {
    const now = new Date('2026-05-01T10:00:00Z');
    expect(closingIssue('2020-01-01T00:00:00Z', now)).toEqual({ field: 'closes_at', message: 'closesInPast' });
    expect(closingIssue('2026-05-01T10:00:00Z', now)?.message).toBe('closesInPast');
    expect(closingIssue('2026-05-02T10:00:00Z', now)).toBeNull();
    expect(closingIssue(null, now)).toBeNull();
  });
});
