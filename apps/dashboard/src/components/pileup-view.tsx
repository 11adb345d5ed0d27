import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../format/number.ts';
import type { PileupCandidateItem, PileupImageQuery } from '../graphql/operations.ts';
import { PILEUP_CANDIDATES_QUERY, PILEUP_IMAGE_QUERY } from '../graphql/operations.ts';
import type { ChannelValues } from '../view/pileup-image.ts';
import { BASE_LEGEND, channelPixels, rowsUsed } from '../view/pileup-image.ts';

const PAGE_SIZE = 25;
/** Screen pixels per image cell: columns are wider than rows, as reads run across. */
const CELL = { width: 7, height: 4 };

type Image = NonNullable<NonNullable<PileupImageQuery['dataset']>['pileupImage']>;

const allele = (bases: string) => (bases.length > 10 ? `${bases.slice(0, 9)}…` : bases);
const percent = (p: number | undefined) => (p === undefined ? '—' : `${(p * 100).toFixed(1)}%`);

/** One channel of the image on a canvas (the base channel coloured, quality as alpha). */
function ChannelCanvas(props: {
  channel: ChannelValues;
  width: number;
  rows: number;
  quality?: readonly number[];
}): ReactNode {
  const ref = useRef<HTMLCanvasElement>(null);
  const { channel, width, rows, quality } = props;
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const pixels = channelPixels(channel, width, rows, quality);
    const image = new ImageData(pixels, width, rows);
    // Draw cell-sized, unsmoothed: one cell per block of CELL pixels.
    const small = document.createElement('canvas');
    small.width = width;
    small.height = rows;
    small.getContext('2d')?.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = false;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(small, 0, 0, canvas.width, canvas.height);
    // The candidate's column.
    context.strokeStyle = 'rgba(220, 0, 120, 0.9)';
    context.strokeRect(
      ((width - 1) / 2) * CELL.width + 0.5,
      0.5,
      CELL.width - 1,
      canvas.height - 1,
    );
  }, [channel, width, rows, quality]);
  return (
    <figure className="pileup-channel">
      <canvas
        ref={ref}
        width={width * CELL.width}
        height={rows * CELL.height}
        data-channel={channel.name}
        aria-label={`${channel.name} channel, ${rows} rows by ${width} columns`}
      />
      <figcaption>{channel.name.replace(/_/g, ' ')}</figcaption>
    </figure>
  );
}

/** The selected candidate's call and its channels side by side. */
function PileupImageView(props: { image: Image }): ReactNode {
  const { image } = props;
  const c = image.candidate;
  const base = image.channels.find((ch) => ch.name === 'base');
  const quality = image.channels.find((ch) => ch.name === 'base_quality')?.values;
  const used = base ? rowsUsed(base, image.width, image.rows) : image.rows;
  return (
    <div className="pileup-image" data-testid="pileup-image">
      <h3>
        {c.chrom}:{c.pos} {allele(c.ref)}→{allele(c.alt)}{' '}
        <span className={c.genotype === 'hom-ref' ? 'muted' : ''}>{c.genotype}</span>
      </h3>
      <dl className="kv">
        <div>
          <dt>filter</dt>
          <dd>{c.filter}</dd>
        </div>
        <div>
          <dt>QUAL</dt>
          <dd>{c.qual.toFixed(1)}</dd>
        </div>
        <div>
          <dt>reads (alt / ref / depth)</dt>
          <dd>
            {c.altCount} / {c.refCount} / {c.depth}
          </dd>
        </div>
        {c.truth ? (
          <div>
            <dt>truth</dt>
            <dd className={c.truth === c.genotype ? undefined : 'warn'}>{c.truth}</dd>
          </div>
        ) : null}
        <div>
          <dt>P(hom-ref / het / hom-alt)</dt>
          <dd>{c.probabilities.map(percent).join(' / ')}</dd>
        </div>
      </dl>
      <p className="muted">
        {image.width} columns centred on the candidate (outlined) × {image.rows} rows: the reference
        on top, then {Math.max(0, used - 1)} reads, those carrying the allele first.
      </p>
      <div className="pileup-channels">
        {base ? (
          <ChannelCanvas channel={base} width={image.width} rows={image.rows} quality={quality} />
        ) : null}
        {image.channels
          .filter((ch) => ch.name !== 'base')
          .map((ch) => (
            <ChannelCanvas key={ch.name} channel={ch} width={image.width} rows={image.rows} />
          ))}
      </div>
      <p className="legend bases">
        {BASE_LEGEND.map((b) => (
          <span key={b.name}>
            <span className="swatch base" style={{ background: b.css }} /> {b.name}
          </span>
        ))}
        <span className="muted"> · base quality as opacity; other channels darker = higher</span>
      </p>
    </div>
  );
}

/**
 * The candidates of a pileups dataset (a variant call's, with `pileupsAs`), a page at a time,
 * and the pileup image the model genotyped for the one selected, next to its call.
 */
export function PileupView(props: { datasetId: string }): ReactNode {
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useQuery(PILEUP_CANDIDATES_QUERY, {
    variables: { id: props.datasetId, offset, first: PAGE_SIZE },
  });
  const page = (list.data ?? list.previousData)?.dataset?.pileupCandidates;
  const candidates: PileupCandidateItem[] = page?.candidates ?? [];
  const firstCalled = candidates.find((c) => c.genotype !== 'hom-ref') ?? candidates[0];
  const index = selected ?? firstCalled?.index ?? null;
  const image = useQuery(PILEUP_IMAGE_QUERY, {
    variables: { id: props.datasetId, index: index ?? 0 },
    skip: index === null,
  });
  const shown = (image.data ?? image.previousData)?.dataset?.pileupImage;
  if (list.error)
    return <p className="error-box">Could not load the pileups: {list.error.message}</p>;
  if (!page) return <p className="muted">Loading the pileups…</p>;
  const total = page.totalCount;
  return (
    <section className="pileups" data-testid="pileups">
      <h2>
        Candidates and their pileups <span className="muted">({formatCount(total)})</span>
      </h2>
      <div className="pileup-layout">
        <div>
          <table className="data" data-testid="pileup-candidates">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>position</th>
                <th>alleles</th>
                <th>call</th>
                <th className="num">QUAL</th>
                <th>filter</th>
                <th className="num">alt / depth</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr
                  key={c.index}
                  className={c.index === index ? 'selected' : undefined}
                  aria-selected={c.index === index}
                >
                  <td className="num">{c.index + 1}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(c.index)}>
                      {c.chrom}:{c.pos}
                    </button>
                  </td>
                  <td>
                    {allele(c.ref)}→{allele(c.alt)}
                  </td>
                  <td className={c.genotype === 'hom-ref' ? 'muted' : undefined}>{c.genotype}</td>
                  <td className="num">{c.qual.toFixed(1)}</td>
                  <td>{c.filter}</td>
                  <td className="num">
                    {c.altCount} / {c.depth}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              ← previous
            </button>{' '}
            <span className="muted">
              {total === 0 ? 0 : offset + 1}–{Math.min(total, offset + PAGE_SIZE)} of{' '}
              {formatCount(total)}
            </span>{' '}
            <button
              type="button"
              disabled={offset + PAGE_SIZE >= total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              next →
            </button>
          </nav>
        </div>
        {image.error ? (
          <p className="error-box">Could not load the image: {image.error.message}</p>
        ) : shown ? (
          <PileupImageView image={shown} />
        ) : index !== null ? (
          <p className="muted">Loading the image…</p>
        ) : null}
      </div>
    </section>
  );
}
