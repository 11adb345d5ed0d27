import { describe, expect, it } from 'vitest';
import { tagFilter } from './tag-filter.ts';

describe('tagFilter', () => {
  it('filters by the trimmed tag, and not at all when blank', () => {
    expect(tagFilter('  Baseline ')).toEqual({ tag: 'Baseline' });
    expect(tagFilter('   ')).toBeNull();
    expect(tagFilter('')).toBeNull();
  });
});
