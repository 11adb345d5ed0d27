import type { ReactNode } from 'react';
import { useState } from 'react';
import { formatCount } from '../format/number.ts';
import type { JobStatus } from '../graphql/types.ts';
import type { PreflightExample, PreflightView, ScoreResultView } from '../jobs/score-result.ts';
import { indelCount } from '../jobs/score-result.ts';
import { GenomeSection } from './genome-section.tsx';
import { JobDownloads } from './job-downloads.tsx';
import { variantLocus } from '../genome/score-track.ts';
import { VariantAttributions } from './variant-attributions.tsx';
import { VariantScoresTable } from './variant-scores-table.tsx';

const KIND_NAMES: [string, string][] = [
  ['snv', 'SNVs'],
  ['mnv', 'MNVs'],
  ['insertion', 'insertions'],
  ['deletion', 'deletions'],
  ['complex', 'complex'],
];

function Examples(props: { list: readonly PreflightExample[]; count: number }): ReactNode {
  if (props.list.length === 0) return null;
  return (
    <ul className="examples">
      {props.list.map((e, i) => (
        <li key={i}>
          {e.line != null ? <span className="muted">line {e.line}: </span> : null}
          {e.chrom}:{formatCount(e.pos)} {e.ref.slice(0, 12)}›{e.alt.slice(0, 12)} — {e.detail}
        </li>
      ))}
      {props.count > props.list.length ? (
        <li className="muted">… {formatCount(props.count - props.list.length)} more</li>
      ) : null}
    </ul>
  );
}

function Preflight(props: { p: PreflightView }): ReactNode {
  const { p } = props;
  const skippedKinds = Object.entries(p.skipped.kinds)
    .map(([k, n]) => `${formatCount(n)} ${k}`)
    .join(', ');
  const row = (label: string, value: ReactNode, warn = false, extra: ReactNode = null) => (
    <tr className={warn ? 'warn' : undefined}>
      <th scope="row">{label}</th>
      <td className="num">{value}</td>
      <td>{extra}</td>
    </tr>
  );
  return (
    <table className="data preflight" data-testid="preflight">
      <tbody>
        {row('VCF records', formatCount(p.records))}
        {row(
          'ALT alleles',
          formatCount(Object.values(p.kinds).reduce((a, b) => a + b, 0)),
          false,
          KIND_NAMES.filter(([k]) => k === 'snv' || p.kinds[k])
            .map(([k, name]) => `${formatCount(p.kinds[k])} ${name}`)
            .join(' · '),
        )}
        {row('indels', formatCount(indelCount(p)), false, 'insertions + deletions')}
        {row(
          'REF mismatches',
          formatCount(p.refMismatches.count),
          p.refMismatches.count > 0,
          <Examples list={p.refMismatches.first} count={p.refMismatches.count} />,
        )}
        {row(
          'unknown chromosomes',
          formatCount(p.missingChromosomes.records),
          p.missingChromosomes.records > 0,
          p.missingChromosomes.names.length > 0
            ? `on ${p.missingChromosomes.names.slice(0, 10).join(', ')}${p.missingChromosomes.names.length > 10 ? ', …' : ''}: not in the reference`
            : null,
        )}
        {row(
          'duplicates',
          formatCount(p.duplicates.count),
          p.duplicates.count > 0,
          <Examples list={p.duplicates.first} count={p.duplicates.count} />,
        )}
        {row('alleles skipped', formatCount(p.skipped.count), false, skippedKinds || null)}
      </tbody>
    </table>
  );
}

/** A variant-scoring job's result: pre-flight, counts, window convention, files, top variants. */
export function ScoreResult(props: {
  jobId: string;
  status: JobStatus;
  result: ScoreResultView;
  /** The reference FASTA's file name (lineage): without it there is no genome view. */
  referenceName: string | null;
}): ReactNode {
  const r = props.result;
  // null: the genome view is closed; '' open where igv starts; else the locus to show.
  const [locus, setLocus] = useState<string | null>(null);
  const genome = props.status === 'SUCCEEDED' && props.referenceName !== null;
  const facts: [string, ReactNode][] = [];
  if (r.variants != null) facts.push(['VCF records', formatCount(r.variants)]);
  if (r.scored != null) facts.push(['alleles scored', formatCount(r.scored)]);
  if (r.rows != null) facts.push(['score rows', formatCount(r.rows)]);
  if (r.notScored) {
    const n = r.notScored;
    facts.push([
      'not scored',
      `${formatCount(n.refMismatch + n.unknownChromosome + n.skipped)} (REF mismatch ${formatCount(n.refMismatch)}, unknown chromosome ${formatCount(n.unknownChromosome)}, skipped ${formatCount(n.skipped)})`,
    ]);
  }
  if (r.tasks.length > 0)
    facts.push([r.tasks.length === 1 ? 'model task' : 'model tasks', r.tasks.join(', ')]);
  if (r.reverseComplement != null) {
    facts.push(['strands', r.reverseComplement ? 'both (averaged)' : 'forward only']);
  }
  if (r.background) {
    const b = r.background;
    facts.push([
      'calibrated against',
      `${formatCount(b.alleles)} ${b.kind === 'random' ? 'random substitutions of the reference' : 'background variants (a variants dataset)'}: quantile = share of them with a smaller |diff|`,
    ]);
  }
  if (r.forced) facts.push(['forced', 'yes: scored despite a pre-flight mismatch']);
  if (r.resumedFrom) facts.push(['resumed from', `${formatCount(r.resumedFrom)} records`]);
  if (r.backend) facts.push(['backend', r.backend]);
  return (
    <div className="score-result">
      {facts.length > 0 ? (
        <dl className="facts" data-testid="score-counts">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {r.window ? (
        <p className="convention">
          <strong>Windows of {r.window.length} bp</strong>
          {r.window.refBaseIndex != null ? ` (REF at index ${r.window.refBaseIndex})` : ''}
          {r.window.anchor ? `, indels ${r.window.anchor}-anchored` : ''}
          {r.window.shifts
            ? `, predictions averaged over shifts −${r.window.shifts}…${r.window.shifts}`
            : ''}
          {r.window.convention ? <span className="muted">: {r.window.convention}.</span> : null}
        </p>
      ) : null}
      {r.preflight ? (
        <>
          <h3>Pre-flight</h3>
          <Preflight p={r.preflight} />
        </>
      ) : null}
      {props.status === 'SUCCEEDED' ? (
        <>
          <h3>Top variants</h3>
          {r.files.length > 0 ? <JobDownloads jobId={props.jobId} files={r.files} /> : null}
          {genome ? (
            <GenomeSection
              jobId={props.jobId}
              referenceName={props.referenceName!}
              task={r.tasks.length > 1 ? r.tasks[0] : null}
              locus={locus}
              onOpen={() => setLocus((l) => l ?? '')}
              hint={
                <>
                  the scores as a track over {props.referenceName}; a variant&apos;s position below
                  moves it there
                </>
              }
              note={
                r.tasks.length > 1 ? (
                  <>Effects of task {r.tasks[0]} (the model&apos;s first output).</>
                ) : null
              }
            />
          ) : null}
          <VariantScoresTable
            jobId={props.jobId}
            tasks={r.tasks}
            onLocus={genome ? (chrom, pos) => setLocus(variantLocus(chrom, pos)) : undefined}
          />
          {r.attributed > 0 ? (
            <VariantAttributions jobId={props.jobId} count={r.attributed} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
