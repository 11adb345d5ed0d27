import type { ServerResponse } from 'node:http';

/**
 * The dashboard keeps its API token in localStorage, so a script injected into it (or the page
 * framed by another site) could act as the user. These headers go on every response (dashboard
 * files, API answers, downloads), after OWASP's Secure Headers Project:
 * - Content-Security-Policy: scripts, styles, fonts and connections only from this origin
 *   (`'self'` covers the same-origin WebSocket), no plugins, no <base>, never framed;
 * - X-Frame-Options for browsers without frame-ancestors;
 * - X-Content-Type-Options: a download is never sniffed into HTML or script;
 * - Referrer-Policy: no URL (with its ids) leaves in a Referer header.
 * The two style hashes are igv.js 3.8.10's own <style> elements (its colour picker and circular
 * view, added when the genome view loads): those two texts and no other inline style. An igv.js
 * upgrade that changes them shows as a CSP error in the browser specs (dashboard-genome,
 * walkthrough), which expect a clean console.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'sha256-ITHmamcImsZ/Je1xrdtDLZVvRSpj1Zokb6uHXORB824=' 'sha256-NTwDUA6nIvRRpI2lIBtHJqkV0TlTj4HVmI6vI81fIfM='",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
});

/** Sets SECURITY_HEADERS on a response before anything is written. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
