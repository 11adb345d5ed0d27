import { describe, expect, it } from 'vitest';
import { formatAgo, formatDateTime } from './date.ts';

describe('formatDateTime', () => {
  it('shows local date and minutes', () => {
    // Built in local time, so the expectation holds in any time zone.
    expect(formatDateTime(new Date(2026, 10, 3, 9, 7, 59))).toBe('2026-11-03 09:07');
    const local = new Date(2026, 0, 31, 23, 59);
    expect(formatDateTime(local.toISOString())).toBe('2026-01-31 23:59');
  });

  it('is a dash for a missing or invalid timestamp', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('yesterday-ish')).toBe('—');
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('rounds down to the largest whole unit', () => {
    expect(formatAgo('2026-11-23T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-11-23T11:55:01Z', now)).toBe('4 min ago');
    expect(formatAgo('2026-11-23T09:00:00Z', now)).toBe('3 h ago');
    expect(formatAgo('2026-11-20T11:00:00Z', now)).toBe('3 d ago');
  });

  it('treats a future time as just now and an invalid one as a dash', () => {
    expect(formatAgo('2026-11-23T12:05:00Z', now)).toBe('just now');
    expect(formatAgo('nope', now)).toBe('—');
  });
});
