import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, nextPage, pageNumber, previousPage } from './cursor-pages.ts';

describe('cursor pages', () => {
  it('walks forward by end cursors and back to the exact earlier pages', () => {
    const second = nextPage(FIRST_PAGE, 'c20');
    const third = nextPage(second, 'c40');
    expect(third).toEqual({ after: 'c40', previous: [null, 'c20'] });
    expect(pageNumber(third)).toBe(3);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(FIRST_PAGE);
    expect(pageNumber(previousPage(second))).toBe(1);
  });

  it('stays on the first page when asked to go before it', () => {
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });
});
