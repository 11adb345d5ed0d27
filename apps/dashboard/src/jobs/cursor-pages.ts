// Relay pagination one page at a time: the cursors of the pages before the current one are kept,
// so "previous" goes back without the API needing `before`/`last`.

export interface CursorPages {
  /** `after` of the page shown: null for the first page. */
  after: string | null;
  /** `after` of every earlier page, oldest first. */
  previous: (string | null)[];
}

export const FIRST_PAGE: CursorPages = { after: null, previous: [] };

/** The next page, starting after `endCursor` of the page shown. */
export function nextPage(pages: CursorPages, endCursor: string): CursorPages {
  return { after: endCursor, previous: [...pages.previous, pages.after] };
}

/** The page before the one shown (the first page stays the first page). */
export function previousPage(pages: CursorPages): CursorPages {
  if (pages.previous.length === 0) return FIRST_PAGE;
  return {
    after: pages.previous[pages.previous.length - 1],
    previous: pages.previous.slice(0, -1),
  };
}

/** 1-based number of the page shown. */
export const pageNumber = (pages: CursorPages): number => pages.previous.length + 1;
