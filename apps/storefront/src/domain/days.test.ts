import { describe, expect, it } from 'vitest';
import { dayLabel, lastDays } from './days.js';

describe('lastDays', () => {
  it('lists the UTC days up to today, oldest first, across a month end', () => {
    expect(lastDays(new Date('2026-12-01T23:30:00Z'), 3)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  it('labels a day briefly', () => {
    expect(dayLabel('2026-11-25')).toBe('Nov 25');
  });
});
