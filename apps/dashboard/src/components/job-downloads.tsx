import type { ReactNode } from 'react';
import { useState } from 'react';
import { readToken } from '../auth-token.ts';
import { fetchJobFile, saveBlob } from '../jobs/job-files.ts';

/** Buttons that download a job's files with the API token (a plain link could not send it). */
export function JobDownloads(props: { jobId: string; files: readonly string[] }): ReactNode {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function download(name: string) {
    setBusy(name);
    setError(null);
    try {
      const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
      const file = await fetchJobFile(fetch, props.jobId, name, readToken(storage));
      saveBlob(file.blob, file.filename);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="downloads">
      {props.files.map((name) => (
        <button
          key={name}
          type="button"
          data-testid={`download-${name}`}
          disabled={busy !== null}
          onClick={() => void download(name)}
        >
          {busy === name ? `Downloading ${name}…` : `Download ${name}`}
        </button>
      ))}
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
