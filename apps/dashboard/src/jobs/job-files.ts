// Downloads of a job's result files (GET /jobs/<id>/files/<name>). They need the API token in an
// Authorization header, which a plain <a href> cannot send: fetch, then hand the bytes to the
// browser as a Blob URL.
import { bearer } from '../auth-token.ts';

/** The path of a job's file on the API's origin. */
export function jobFileUrl(jobId: string, name: string): string {
  return `/jobs/${encodeURIComponent(jobId)}/files/${encodeURIComponent(name)}`;
}

/** The file name of a `Content-Disposition: attachment; filename="…"`, else `fallback`. */
export function dispositionFilename(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;
  // Never a path: only the last segment, and nothing a file system would trip on.
  const name = match?.[1].split(/[/\\]/).pop()?.trim();
  return name ? name : fallback;
}

/** Why a download failed, from the API's JSON error body (`{errors: [{message}]}`) if any. */
async function failure(response: Response, name: string): Promise<Error> {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { errors?: { message?: unknown }[] };
    const first = body.errors?.[0]?.message;
    if (typeof first === 'string' && first) message = first;
  } catch {
    // not JSON: keep the status
  }
  return new Error(`Could not download ${name}: ${message}`);
}

/** Fetches a job file with the token; resolves to its bytes and the name to save it under. */
export async function fetchJobFile(
  fetchFn: typeof fetch,
  jobId: string,
  name: string,
  token: string | null,
): Promise<{ blob: Blob; filename: string }> {
  const response = await fetchFn(jobFileUrl(jobId, name), {
    headers: token ? { authorization: bearer(token) } : {},
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response, name);
  const filename = dispositionFilename(
    response.headers.get('content-disposition'),
    `${jobId}-${name}`,
  );
  return { blob: await response.blob(), filename };
}

/** Saves a Blob as a file through a temporary object URL and a clicked <a download>. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
