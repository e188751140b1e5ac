/** Plain-TypeScript rules of the workspace: reminder slots, Brussels time (contacts: test/contacts/). */
import { describe, expect, it } from 'vitest';
import { brusselsToUtc, utcToBrussels } from '../../src/domain/brussels-time.ts';
import { dueSlot, reminderSlots } from '../../src/domain/reminders.ts';

describe('reminder slots', () => {
  const start = '2025-12-18T12:00:00.000Z';
  it('are 7 and 2 days before a pre-survey, 2 days after a post-survey', () => {
    expect(reminderSlots('pre', start)).toEqual([
      { slot: 'reminder:pre-7d', at: '2025-12-11T12:00:00.000Z' },
      { slot: 'reminder:pre-2d', at: '2025-12-16T12:00:00.000Z' },
    ]);
    expect(reminderSlots('post', start)).toEqual([{ slot: 'reminder:post+2d', at: '2025-12-20T12:00:00.000Z' }]);
  });

  it('are due from their time for a grace period, the latest one only', () => {
    expect(dueSlot('pre', start, new Date('2025-12-11T11:59:00Z'))).toBeNull();
    expect(dueSlot('pre', start, new Date('2025-12-11T12:00:00Z'))?.slot).toBe('reminder:pre-7d');
    expect(dueSlot('pre', start, new Date('2025-12-13T11:59:00Z'))?.slot).toBe('reminder:pre-7d');
    expect(dueSlot('pre', start, new Date('2025-12-13T12:00:00Z'))).toBeNull();
    expect(dueSlot('pre', start, new Date('2025-12-16T13:00:00Z'))?.slot).toBe('reminder:pre-2d');
  });

  it('are never due once the survey has closed', () => {
    expect(dueSlot('pre', start, new Date('2025-12-16T13:00:00Z'), '2025-12-16T12:30:00Z')).toBeNull();
  });
});

describe('Brussels time', () => {
  it('converts winter and summer times to UTC', () => {
    expect(brusselsToUtc('2025-12-18', '13:00')).toBe('2025-12-18T12:00:00.000Z');
    expect(brusselsToUtc('2025-09-16', '13:00')).toBe('2025-09-16T11:00:00.000Z');
    expect(utcToBrussels('2025-09-16T11:00:00.000Z')).toEqual({ date: '2025-09-16', time: '13:00' });
  });

  it('refuses dates that do not exist', () => {
    expect(brusselsToUtc('2025-02-30', '10:00')).toBeNull();
    expect(brusselsToUtc('2025-12-18', '24:00')).toBeNull();
  });
});
