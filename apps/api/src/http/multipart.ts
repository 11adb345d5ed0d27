/**
 * A streaming multipart/form-data reader (RFC 7578) for uploads: each part is written to its own
 * file as it arrives, so a body is never held in memory. Parts: `boundaryOf` (the boundary from
 * the content type); `receiveMultipart` (the state machine: preamble → headers → body → …).
 */
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

/** A malformed multipart body; the message says what is wrong. */
export class MultipartError extends Error {
  readonly code = 'BAD_MULTIPART';
}

/** The body went over the byte limit. */
export class TooLarge extends Error {}

/** One received part, written to `path`. */
export interface ReceivedPart {
  /** The form field name (`file`, `labels`, …). */
  field: string;
  /** The file name the client gave, or the field name when it gave none. */
  filename: string;
  path: string;
  bytes: number;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PARTS = 8;
const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` content type, or null for any other type. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  if (!match) throw new MultipartError('multipart/form-data without a boundary');
  return match[1] ?? match[2];
}

function partHeaders(text: string): { field: string; filename: string } {
  const disposition = text.split('\r\n').find((line) => /^content-disposition\s*:/i.test(line));
  const field = disposition && /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (!field) throw new MultipartError('a part has no Content-Disposition name');
  const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
  return { field, filename: filename || field };
}

async function write(out: WriteStream, bytes: Buffer): Promise<void> {
  if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain');
}

async function finish(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/**
 * Reads a multipart body into files `part-<n>` under `dir`. Throws TooLarge once more than
 * `limitBytes` have come (the caller answers 413) and MultipartError for a malformed body.
 */
export async function receiveMultipart(
  body: AsyncIterable<Buffer>,
  boundary: string,
  dir: string,
  limitBytes: number,
): Promise<ReceivedPart[]> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: ReceivedPart[] = [];
  // The first delimiter has no CRLF before it: start as if one had come.
  let pending: Buffer = CRLF;
  let state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done' = 'preamble';
  /** The part being written. */
  let open: { out: WriteStream; part: ReceivedPart } | undefined;
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limitBytes) throw new TooLarge();
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (let progressed = true; progressed;) {
        progressed = false;
        if (state === 'preamble' || state === 'body') {
          const at = pending.indexOf(delimiter);
          const keep = at === -1 ? Math.max(0, pending.length - delimiter.length + 1) : at;
          if (open) {
            await write(open.out, pending.subarray(0, keep));
            open.part.bytes += keep;
          }
          if (at === -1) {
            pending = pending.subarray(keep);
            break;
          }
          if (open) {
            await finish(open.out);
            open = undefined;
          }
          pending = pending.subarray(at + delimiter.length);
          state = 'after-delimiter';
          progressed = true;
        } else if (state === 'after-delimiter') {
          if (pending.length < 2) break;
          if (pending[0] === 45 && pending[1] === 45) {
            state = 'done';
            break;
          }
          if (pending[0] !== 13 || pending[1] !== 10) {
            throw new MultipartError('a boundary is not followed by a line end or "--"');
          }
          pending = pending.subarray(2);
          state = 'headers';
          progressed = true;
        } else if (state === 'headers') {
          // A part with no headers at all starts with the blank line.
          const at = pending.subarray(0, 2).equals(CRLF) ? -2 : pending.indexOf(HEADERS_END);
          if (at === -1) {
            if (pending.length > MAX_HEADER_BYTES)
              throw new MultipartError('part headers too long');
            break;
          }
          if (parts.length === MAX_PARTS) throw new MultipartError(`more than ${MAX_PARTS} parts`);
          const { field, filename } = partHeaders(pending.toString('utf8', 0, Math.max(0, at)));
          const part = { field, filename, path: join(dir, `part-${parts.length}`), bytes: 0 };
          parts.push(part);
          open = { out: createWriteStream(part.path), part };
          pending = pending.subarray(at + HEADERS_END.length);
          state = 'body';
          progressed = true;
        } else break;
      }
      if (state === 'done') break;
    }
    if (state !== 'done') throw new MultipartError('the body ends before the closing boundary');
    return parts;
  } finally {
    open?.out.destroy();
  }
}
