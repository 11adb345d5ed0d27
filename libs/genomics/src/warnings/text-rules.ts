import type { WarningRule } from './read-warning.ts';

// Deviations of the text itself, the same for every format. Readers always read these (htslib's
// hts_getline drops the CR of a CRLF ending), so they stay warnings in strict mode.
/** Lines end with CR LF (written on Windows). */
export const CRLF_RULE: WarningRule = { id: 'crlf-line-endings', strict: 'warning' };
/** The text starts with a UTF-8 byte-order mark (Excel and Notepad write one). */
export const BOM_RULE: WarningRule = { id: 'byte-order-mark', strict: 'warning' };
