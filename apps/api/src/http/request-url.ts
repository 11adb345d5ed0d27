import type { IncomingMessage } from 'node:http';

/**
 * The request's URL, or null when it is malformed: not parseable, or its path has an escape that
 * does not decode (`GET /%`, `/%E0%A4%A`). Such a request is answered 400 before any route
 * sees it, so no handler meets a URIError later (it used to surface as a 500).
 */
export function requestUrl(req: IncomingMessage): URL | null {
  const raw = req.url ?? '/';
  if (!raw.startsWith('/')) return null;
  try {
    const url = new URL(raw, 'http://localhost');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}
