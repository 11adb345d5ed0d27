import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.ts';

describe('formatDuration', () => {
  it('reads seconds, minutes and hours', () => {
    expect(formatDuration(0.2)).toBe('<1 s');
    expect(formatDuration(0.5)).toBe('1 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(59.6)).toBe('1 min 00 s');
    expect(formatDuration(187)).toBe('3 min 07 s');
    expect(formatDuration(3600)).toBe('1 h 00 min');
    expect(formatDuration(7529)).toBe('2 h 05 min');
  });

  it('is a dash when unknown or negative', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-3)).toBe('—');
  });
});
