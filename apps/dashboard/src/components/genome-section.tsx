import type { ReactNode } from 'react';
import { lazy, Suspense } from 'react';
import type { GenomeViewProps } from '../genome/genome-view.tsx';

// igv.js is large (≈430 kB gzip): it loads only when the genome view is opened.
const GenomeView = lazy(() =>
  import('../genome/genome-view.tsx').then((m) => ({ default: m.GenomeView })),
);

/**
 * The genome view's place on a job's page (variant scores, explanations of genomic regions): a
 * button until opened, then igv.js (lazy). `locus` null: closed; '' open where igv starts.
 */
export function GenomeSection(
  props: Omit<GenomeViewProps, 'locus'> & {
    locus: string | null;
    onOpen: () => void;
    /** What the button's note says the view shows. */
    hint: ReactNode;
    /** A note above the view. */
    note?: ReactNode;
  },
): ReactNode {
  const { locus, onOpen, hint, note, ...view } = props;
  if (locus === null) {
    return (
      <p>
        <button type="button" data-testid="open-genome-view" onClick={onOpen}>
          Open genome view
        </button>{' '}
        <span className="muted">{hint}</span>
      </p>
    );
  }
  return (
    <>
      <h3>Genome view</h3>
      {note ? <p className="muted">{note}</p> : null}
      <Suspense fallback={<p className="muted">Loading the genome view…</p>}>
        <GenomeView {...view} locus={locus === '' ? null : locus} />
      </Suspense>
    </>
  );
}
