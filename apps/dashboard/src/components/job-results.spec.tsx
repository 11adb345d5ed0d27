import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { VARIANT_ATTRIBUTIONS_QUERY, VARIANT_SCORES_QUERY } from '../graphql/operations.ts';
import { describe, expect, it } from 'vitest';
import { AttributionTrackView } from '../chart/attribution-track-view.tsx';
import { parseCvResult } from '../jobs/cv-result.ts';
import { summarizeJson } from '../jobs/json-summary.ts';
import { parseRiskResult } from '../jobs/risk-result.ts';
import { parseScoreResult } from '../jobs/score-result.ts';
import { parseSweepResult } from '../jobs/sweep-result.ts';
import { CvResult } from './cv-result-view.tsx';
import { DatasetWarnings } from './import-result-view.tsx';
import { TrainedRun } from './job-result.tsx';
import { KeyValues } from './key-values.tsx';
import { RunDetails } from './run-details.tsx';
import { RiskResult } from './risk-result-view.tsx';
import { ScoreResult } from './score-result-view.tsx';
import { trialRows } from '../jobs/sweep-trials.ts';
import { SweepResult, TrialRuns } from './sweep-result-view.tsx';

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

describe('AttributionTrackView', () => {
  it('draws a bar per position in its base colour, with the value in its tooltip', () => {
    const html = renderToStaticMarkup(
      <AttributionTrackView
        positionScores={[0.5, -0.25, 0]}
        scores={[
          [0.5, 0, 0, 0],
          [0, 0, 0, -0.25],
          [0, 0, 0, 0],
        ]}
        label="seq1"
      />,
    );
    expect(all(html, /<rect data-position="(\d+)"/g)).toEqual(['1', '2', '3']);
    expect(all(html, /fill="(#[0-9a-f]+)"/g)).toEqual(['#109648', '#d62839', '#9aa3ad']);
    expect(html).toContain('<title>position 2 (T): -0.25</title>');
    expect(html).toContain('class="zero"');
  });
});

describe('KeyValues', () => {
  it('lists dotted keys for people, checksums as code and lists of objects as a table', () => {
    const html = renderToStaticMarkup(
      <KeyValues
        items={summarizeJson({
          reference: { faiSha256: 'ab'.repeat(32) },
          split: [{ fold: 1, test: 20 }],
        })}
      />,
    );
    expect(html).toContain('<dt>reference › fai sha256</dt>');
    expect(html).toContain(`<code class="hash">${'ab'.repeat(32)}</code>`);
    expect(all(html, /<th>([^<]+)<\/th>/g)).toEqual(['fold', 'test']);
    expect(renderToStaticMarkup(<KeyValues items={[]} empty="none" />)).toContain('none');
  });
});

describe('ScoreResult', () => {
  it("shows a refused job's pre-flight with its problems flagged and no score table", () => {
    const result = parseScoreResult({
      preflight: {
        records: 60,
        kinds: { snv: 58, mnv: 0, insertion: 2, deletion: 0, complex: 0 },
        refMismatches: {
          count: 30,
          first: [
            { line: 6, chrom: 'chr17', pos: 264, ref: 'G', alt: 'A', detail: 'reference has C' },
          ],
        },
        duplicates: { count: 0, first: [] },
        missingChromosomes: { names: [], records: 0 },
        skipped: { count: 0, kinds: {} },
      },
    })!;
    const html = renderToStaticMarkup(
      <ScoreResult jobId="j1" status="FAILED" result={result} referenceName={null} />,
    );
    expect(html).toContain('data-testid="preflight"');
    expect(html).toContain('58 SNVs · 2 insertions');
    expect(html).toMatch(
      /<tr class="warn"><th scope="row">REF mismatches<\/th><td class="num">30<\/td>/,
    );
    expect(html).toContain('chr17:264 G›A — reference has C');
    expect(html).toContain('… 29 more');
    expect(html).not.toContain('data-testid="variant-scores"');
    expect(html).not.toContain('Download');
  });
});

describe('ScoreResult calibrated against a background', () => {
  const node = (row: number, diff: number, quantile: number | null) => ({
    row,
    chrom: 'chr17',
    pos: 1000 + row,
    variantId: `rs${row}`,
    ref: 'A',
    alt: 'G',
    task: 'bound',
    refPred: 0.5,
    altPred: 0.5 + diff,
    diff,
    absDiff: Math.abs(diff),
    logOddsChange: diff * 4,
    quantile,
  });
  const render = (
    quantiles: (number | null)[],
    background: unknown,
    attributions: { variants: number } | null = null,
  ) => {
    const cache = new InMemoryCache();
    if (attributions) {
      // Window ACG: C›T at index 1; substituting into the middle C drops the output most.
      cache.writeQuery({
        query: VARIANT_ATTRIBUTIONS_QUERY,
        variables: { jobId: 'j1', first: attributions.variants },
        data: {
          variantAttributions: [
            {
              row: 0,
              chrom: 'chr17',
              pos: 1000,
              variantId: 'rs0',
              ref: 'C',
              alt: 'T',
              task: 'bound',
              diff: -0.2,
              quantile: 0.99,
              center: 1,
              refWindow: 'ACG',
              altWindow: 'ATG',
              refScores: [0, 0.01, 0, 0, -0.3, 0, -0.25, -0.2, 0, 0, 0, 0.02],
              altScores: [0, 0, 0, 0.01, 0.05, 0.2, 0.1, 0, 0, 0, 0, 0],
            },
          ],
        },
      });
    }
    cache.writeQuery({
      query: VARIANT_SCORES_QUERY,
      variables: {
        jobId: 'j1',
        first: 25,
        filter: null,
        orderBy: { field: 'ABS_DIFF', direction: 'DESC' },
      },
      data: {
        variantScores: {
          edges: quantiles.map((q, i) => ({
            cursor: `c${i}`,
            node: node(i, -0.2 / (i + 1), q),
          })),
          pageInfo: { hasNextPage: false, endCursor: null },
          totalCount: quantiles.length,
        },
      },
    });
    const result = parseScoreResult({
      variants: 2,
      scored: 2,
      rows: 2,
      tasks: ['bound'],
      files: ['scores.tsv'],
      window: { length: 51, refBaseIndex: 25 },
      background,
      ...(attributions ? { attributions: { file: 'ism.json', ...attributions } } : {}),
    })!;
    return renderToStaticMarkup(
      <ApolloProvider client={new ApolloClient({ link: ApolloLink.empty(), cache })}>
        <ScoreResult jobId="j1" status="SUCCEEDED" result={result} referenceName={null} />
      </ApolloProvider>,
    );
  };

  it('adds a quantile column and names the background in the facts', () => {
    const html = render([0.9876, 0.5], { kind: 'random', alleles: 10000, datasetId: null });
    expect(html).toContain(
      '10,000 random substitutions of the reference: quantile = share of them with a smaller |diff|',
    );
    expect(html).toMatch(/<th class="num" title="share of the background[^"]*">quantile<\/th>/);
    expect(all(html, /<td class="num" data-testid="quantile">([^<]*)<\/td>/g)).toEqual([
      '0.988',
      '0.500',
    ]);
  });

  it('draws ref and alt ISM letter logos of the top variants when the job has them', () => {
    const html = render([0.99], null, { variants: 1 });
    expect(html).toContain('Per-base attribution of the top variants');
    expect(html).toContain('chr17:1,000 C›T');
    expect(html).toContain('quantile 0.990');
    expect(html).toContain(
      'aria-label="ISM letter logo of the reference window of chr17:1,000 C›T"',
    );
    expect(html).toContain(
      'aria-label="ISM letter logo of the alternate window of chr17:1,000 C›T"',
    );
    // The window's own bases under each logo.
    const under = (id: string) =>
      all(html.split(`data-testid="${id}-reference"`)[1] ?? '', /<text[^>]*>([ACGT])<\/text>/g)
        .slice(0, 3)
        .join('');
    expect(under('ism-ref')).toBe('ACG');
    expect(under('ism-alt')).toBe('ATG');
    expect(render([null], null)).not.toContain('variant-attributions');
  });

  it('shows no quantile column without a background', () => {
    const html = render([null, null], undefined);
    expect(html).toContain('data-testid="variant-scores"');
    expect(html).toContain('rs1');
    expect(html).not.toContain('quantile');
    expect(html).not.toContain('calibrated against');
  });
});

describe('CvResult', () => {
  it('lists each fold and the mean ± sd, noting folds left out of a mean', () => {
    const result = parseCvResult({
      folds: [
        { fold: 1, train: 8, test: 2, epochs: 3, metrics: { test_auroc: 0.8 } },
        { fold: 2, train: 8, test: 2, epochs: 3, metrics: { test_auroc: null } },
      ],
      mean: { test_auroc: 0.8 },
      sd: { test_auroc: null },
      undefinedFolds: { test_auroc: 1 },
    })!;
    const html = renderToStaticMarkup(<CvResult result={result} />);
    expect(all(html, /<tr data-fold="(\d+)">/g)).toEqual(['1', '2']);
    expect(html).toContain('<td class="num">—</td>');
    expect(html).toMatch(/mean ± sd.*0\.8000.*\(1 fold left out\)/);
    expect(html).not.toContain('cv-nested');
  });

  it('shows the configuration nested CV chose in each fold, with its inner score', () => {
    const result = parseCvResult({
      folds: [
        { fold: 1, train: 8, test: 2, epochs: 3, metrics: { test_auroc: 0.8 } },
        { fold: 2, train: 8, test: 2, epochs: 3, metrics: { test_auroc: 0.9 } },
      ],
      mean: { test_auroc: 0.85 },
      sd: { test_auroc: 0.07 },
      nested: {
        innerFolds: 3,
        metric: 'test_auroc',
        folds: [
          {
            fold: 1,
            chosen: 'b',
            inner: [
              { name: 'a', score: 0.5 },
              { name: 'b', score: 0.75 },
            ],
          },
          { fold: 2, chosen: 'a', inner: [{ name: 'a', score: null }] },
        ],
      },
    })!;
    const html = renderToStaticMarkup(<CvResult result={result} />);
    expect(html).toContain('chosen by 3-fold');
    expect(all(html, /<tr data-nested-fold="(\d+)"><td>\d+<\/td><td>([^<]*)<\/td>/g)).toEqual([
      '1',
      '2',
    ]);
    expect(html).toContain('<td>b</td><td class="num">0.7500</td>');
    expect(html).toContain('<td>a</td><td class="num">—</td>');
  });
});

describe('SweepResult', () => {
  it('highlights the best trial and links each trial to its run', () => {
    const result = parseSweepResult({
      metric: 'val_auroc',
      direction: 'maximize',
      trials: [
        {
          trial: 1,
          runId: 'aaaa-1',
          params: { learningRate: 0.01 },
          status: 'completed',
          value: 0.9,
        },
        {
          trial: 2,
          runId: 'bbbb-2',
          params: { learningRate: 1e-7 },
          status: 'pruned',
          value: 0.5,
          prunedAfterEpoch: 2,
        },
      ],
      best: { trial: 1, runId: 'aaaa-1' },
    })!;
    const html = renderToStaticMarkup(<SweepResult result={result} runs={[]} />);
    expect(html).toMatch(/<tr class="best" data-trial="1">/);
    expect(html).toMatch(/<tr data-trial="2">/);
    expect(all(html, /href="(#\/runs\/[^"]+)"/g)).toEqual(['#/runs/aaaa-1', '#/runs/bbbb-2']);
    expect(html).toContain('after epoch 2');
    expect(html).toContain('<span class="badge status-pruned">PRUNED</span>');
    expect(html).toContain('<th title="learningRate">learning rate</th>');
  });
});

describe('TrialRuns', () => {
  it('shows a pruned trial as PRUNED, not as the CANCELLED its run ended with', () => {
    const base = {
      architecture: 'deepbind',
      currentEpoch: 2,
      epochs: 4,
      learningRate: 0.01,
      batchSize: 32,
      tags: [],
    };
    const rows = trialRows(
      [
        { ...base, id: 'r2', status: 'CANCELLED', groupLabel: 'trial 2 (pruned)', metrics: [] },
        {
          ...base,
          id: 'r1',
          status: 'RUNNING',
          groupLabel: 'trial 1',
          metrics: [{ name: 'val_auroc', value: 0.8125 }],
        },
      ],
      {},
    );
    const html = renderToStaticMarkup(<TrialRuns rows={rows} metric="val_auroc" />);
    expect(all(html, /<tr data-trial="(\d+)"/g)).toEqual(['1', '2']);
    expect(all(html, /data-status="(\w+)"/g)).toEqual(['RUNNING', 'PRUNED']);
    expect(html).toContain('<span class="badge status-pruned">PRUNED</span>');
    expect(html).not.toContain('CANCELLED');
    expect(html).toContain('val_auroc (latest)');
    expect(html).toContain('0.8125');
  });
});

describe('RiskResult', () => {
  it('draws feature importance as bars relative to the largest, with direction', () => {
    const result = parseRiskResult({
      topFeatures: [
        {
          rank: 1,
          feature: 'G1',
          modality: 'variant-burden',
          meanAbsAttribution: 0.04,
          direction: 1,
        },
        { rank: 2, feature: 'G2', modality: 'expression', meanAbsAttribution: 0.01, direction: -1 },
      ],
      samples: [{ id: 's1', label: 'case', risk: 0.75, fold: 1, topFeatures: [] }],
    })!;
    const html = renderToStaticMarkup(<RiskResult result={result} />);
    expect(all(html, /class="hbar-fill (?:burden|expr)" style="width:([\d.]+)%"/g)).toEqual([
      '100',
      '25',
    ]);
    expect(html).toContain('raises');
    expect(html).toContain('lowers');
    expect(html).toContain('style="width:75%"');
  });
});

describe('DatasetWarnings', () => {
  it('lists each rule with its count, its first places and how many more', () => {
    const html = renderToStaticMarkup(
      <DatasetWarnings
        warnings={[
          {
            rule: 'vcf-value-count',
            count: 48,
            examples: [
              { file: 'calls.vcf', line: 12, message: 'INFO AC has 1 value(s); kept them' },
            ],
          },
        ]}
      />,
    );
    expect(html).toContain('<code>vcf-value-count</code> × 48');
    expect(html).toContain('<code>calls.vcf:12</code> INFO AC has 1 value(s); kept them');
    expect(html).toContain('… and 47 more');
    expect(renderToStaticMarkup(<DatasetWarnings warnings={[]} />)).toContain('none');
  });
});

describe('a TRAIN job and its run', () => {
  it("the job's page leads to its run, and the run's details to its job", () => {
    const job = { run: { id: 'r1', architecture: 'deepbind' } } as Parameters<
      typeof TrainedRun
    >[0]['job'];
    const html = renderToStaticMarkup(<TrainedRun job={job} />);
    expect(html).toContain('href="#/runs/r1"');
    expect(html).toContain('(deepbind)');
    expect(renderToStaticMarkup(<TrainedRun job={{ ...job, run: null }} />)).toContain(
      'run is gone',
    );
    const run = {
      architecture: 'deepbind',
      backend: 'wasm',
      dataset: { name: 'demo', recordCount: 10, sequenceLength: 30 },
      epochs: 2,
      batchSize: 32,
      learningRate: 0.001,
      seed: 1,
      createdAt: null,
      startedAt: null,
      finishedAt: null,
      config: '{}',
      trainingJob: { id: 'j1', status: 'RUNNING' },
    } as unknown as Parameters<typeof RunDetails>[0]['run'];
    const details = renderToStaticMarkup(<RunDetails run={run} />);
    expect(details).toContain('<dt>training job</dt>');
    expect(details).toContain('href="#/jobs/j1"');
    expect(details).toContain('>running</a>');
  });
});
