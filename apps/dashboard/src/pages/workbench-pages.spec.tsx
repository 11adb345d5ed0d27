import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Role } from '../graphql/types.ts';
import { parseRunsView } from '../view/runs-view.ts';
import { ComparisonView } from './compare-page.tsx';
import type { DatasetDetail } from './dataset-page.tsx';
import { DatasetView } from './dataset-page.tsx';
import type { RegisteredModel } from './models-page.tsx';
import { ModelCard } from './models-page.tsx';
import type { RunRow } from './runs-table.tsx';
import { RunsTable } from './runs-table.tsx';

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');

const metrics = (m: Record<string, number>) =>
  Object.entries(m).map(([name, value]) => ({ name, value }));

const runRow = (id: string, extra: Partial<RunRow> = {}): RunRow => ({
  id,
  status: 'SUCCEEDED',
  architecture: 'deepbind',
  epochs: 5,
  currentEpoch: 5,
  createdAt: '2026-12-01T10:00:00Z',
  dataset: { id: 'ds-1', name: 'ctcf' },
  metrics: metrics({ loss: 0.3, val_loss: 0.35, val_auroc: 0.91 }),
  tags: [],
  learningRate: 0.001,
  batchSize: 64,
  config: '{"filters":16}',
  bestEpoch: null,
  ...extra,
});

describe('RunsTable', () => {
  it('shows hyperparameters and metrics as columns, sortable headers with the sort shown', () => {
    const runs = [
      runRow('11111111-a', { tags: ['baseline'] }),
      runRow('22222222-b', {
        status: 'FAILED',
        learningRate: 0.01,
        config: '{"filters":32}',
        metrics: metrics({ loss: 0.6 }),
      }),
    ];
    const html = renderToStaticMarkup(
      <RunsTable
        runs={runs}
        view={parseRunsView('sort=learningRate:ASC')}
        params={['filters']}
        metrics={['loss', 'val_auroc']}
        selected={['22222222-b']}
        onToggle={() => undefined}
      />,
    );
    expect(all(html, /data-sort="([^"]+)"/g)).toEqual([
      'status',
      'architecture',
      'metric:loss',
      'metric:val_auroc',
      'epochs',
      'learningRate',
      'batchSize',
      'created',
    ]);
    expect(html).toContain(
      'aria-sort="ascending"><button type="button" class="sort" data-sort="learningRate">lr ▲',
    );
    const rows = html.split('<tr').slice(2).map(text);
    expect(rows[0]).toContain('|deepbind|ctcf|0.3000|0.9100|–|5/5|0.001|64|16|baseline|');
    // A metric a run does not report is an empty cell, not 0.
    expect(rows[1]).toContain('|0.6000|—|–|5/5|0.01|64|32|');
    expect(html).toMatch(/<tr data-run-id="22222222-b" class="selected">/);
    expect(html).toContain('href="#/datasets/ds-1"');
  });

  it('shows the best epoch and, under each metric, its value when it is not the last epoch', () => {
    const best = (epoch: number) => ({
      monitor: 'val_loss',
      mode: 'min',
      epoch,
      metrics: metrics({ loss: 0.4, val_loss: 0.3, val_auroc: 0.93 }),
    });
    const html = renderToStaticMarkup(
      <RunsTable
        runs={[
          runRow('11111111-a', { bestEpoch: best(3) }),
          runRow('22222222-b', { bestEpoch: best(5) }),
        ]}
        view={parseRunsView('')}
        params={[]}
        metrics={['val_loss', 'val_auroc']}
        selected={[]}
        onToggle={() => undefined}
      />,
    );
    const rows = html.split('<tr').slice(2);
    // Overfit after epoch 3: the last values, with epoch 3's beside them.
    expect(all(rows[0]!, /data-best="([^"]+)"/g)).toEqual(['best 0.3000', 'best 0.9300']);
    expect(text(rows[0]!)).toContain('|0.3500|0.9100|3| by val_loss|5/5|');
    // Best is the last epoch: nothing repeated.
    expect(rows[1]).not.toContain('data-best');
    expect(text(rows[1]!)).toContain('|5| by val_loss|');
  });
});

describe('ComparisonView', () => {
  it('overlays one curve per run, lists the differing parameters and marks the best', () => {
    const html = renderToStaticMarkup(
      <ComparisonView
        comparison={{
          runs: [
            runRow('aaaaaaaa-1'),
            runRow('bbbbbbbb-2', { metrics: metrics({ val_loss: 0.2 }) }),
          ],
          metricNames: ['val_auroc', 'val_loss'],
          epochs: [
            { epoch: 1, metrics: [{ name: 'val_loss', values: [0.5, 0.4] }] },
            { epoch: 2, metrics: [{ name: 'val_loss', values: [0.35, 0.2] }] },
          ],
          params: [{ name: 'learningRate', values: ['0.001', '0.01'] }],
        }}
      />,
    );
    expect(html).toContain('data-testid="compare-chart"');
    expect(all(html, /<path data-series="([^"]+)" class="series" d="M/g)).toEqual([
      'aaaaaaaa-1',
      'bbbbbbbb-2',
    ]);
    expect(html).toContain('<option value="val_loss" selected="">val_loss</option>');
    expect(text(html.slice(html.indexOf('data-testid="param-diff"')))).toContain(
      '|learningRate|0.001|0.01|',
    );
    expect(html).toMatch(/<td class="num best" title="best of these runs">0.2000<\/td>/);
  });
});

const dataset = (overrides: Partial<DatasetDetail> = {}): DatasetDetail => ({
  id: 'ds-1',
  name: 'ctcf',
  kind: 'sequence-classification',
  status: 'READY',
  recordCount: 400,
  sequenceLength: 101,
  createdAt: '2026-12-01T09:00:00Z',
  warningCount: 3,
  checksum: 'ab'.repeat(32),
  project: { id: 'p', viewerRole: 'VIEWER' },
  labelCounts: [
    { label: '0', count: 300 },
    { label: '1', count: 100 },
  ],
  warnings: [
    {
      rule: 'fasta-lowercase',
      count: 3,
      examples: [{ file: 'a.fa', line: 7, message: 'soft-masked bases read as upper case' }],
    },
  ],
  derived: {
    runs: { totalCount: 1, edges: [{ node: runRow('11111111-a') }] },
    modelVersions: {
      totalCount: 1,
      edges: [{ node: { id: 'mv', name: 'ctcf-model', version: 2, aliases: ['production'] } }],
    },
    jobs: { totalCount: 0, edges: [] },
  },
  ...overrides,
});

describe('DatasetView', () => {
  it('shows counts, class balance, warnings per rule and the runs trained on it', () => {
    const html = renderToStaticMarkup(<DatasetView dataset={dataset()} />);
    expect(text(html)).toContain('|records|400|sequence length|101 bp|');
    expect(all(html, /class="hbar-fill" style="width:([\d.]+)%"/g)).toEqual(['75.0', '25.0']);
    expect(html).toContain('Largest class / smallest class: 3.00');
    expect(text(html)).toContain(
      '|fasta-lowercase| × 3|a.fa:7| soft-masked bases read as upper case|',
    );
    expect(html).toContain('href="#/runs/11111111-a"');
    expect(text(html)).toContain('|ctcf-model v2| (production)|');
  });

  it('says so when there are no labels or runs', () => {
    const html = renderToStaticMarkup(
      <DatasetView
        dataset={dataset({
          kind: 'variants',
          labelCounts: [],
          warnings: [],
          warningCount: 0,
          derived: {
            runs: { totalCount: 0, edges: [] },
            modelVersions: { totalCount: 0, edges: [] },
            jobs: { totalCount: 0, edges: [] },
          },
        })}
      />,
    );
    expect(html).toContain('No labels recorded');
    expect(html).toContain('No run has trained on this dataset yet.');
    expect(html).not.toContain('data-testid="dataset-warnings"');
  });
});

const model = (role: Role): RegisteredModel => ({
  name: 'ctcf-model',
  cursor: 'c',
  latestVersion: 2,
  project: { id: 'p', name: 'Lab', viewerRole: role },
  aliases: [{ alias: 'production', version: 1 }],
  versions: [1, 2].map((version) => ({
    id: `mv${version}`,
    name: 'ctcf-model',
    version,
    aliases: version === 1 ? ['production'] : [],
    createdAt: '2026-12-01T11:00:00Z',
    artifact: { id: `a${version}`, sizeBytes: 2048 },
    run: {
      id: `run${version}-0000`,
      architecture: 'deepbind',
      status: 'SUCCEEDED',
      metrics: metrics({ val_auroc: 0.9 + version / 100 }),
      dataset: { id: 'ds-1', name: 'ctcf' },
    },
  })),
});

const withClient = (node: ReactNode) => (
  <ApolloProvider
    client={new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() })}
  >
    {node}
  </ApolloProvider>
);

describe('ModelCard', () => {
  it('lists versions newest first with their aliases; an EDITOR gets alias forms', () => {
    const html = renderToStaticMarkup(withClient(<ModelCard model={model('EDITOR')} />));
    expect(all(html, /<tr><td>v(\d+)<\/td>/g)).toEqual(['2', '1']);
    expect(html).toContain('production → v1');
    expect(all(html, /data-testid="(alias-form-v\d+)"/g)).toEqual([
      'alias-form-v2',
      'alias-form-v1',
    ]);
    // Score / explain / find motifs with a version: its job form, the version filled in.
    const links = all(html, /href="(#\/jobs\/new\?[^"]+)"/g);
    expect(links).toHaveLength(6);
    expect(links[0]).toMatch(/^#\/jobs\/new\?modelVersionId=[^&]+&amp;kind=SCORE_VARIANTS$/);
  });

  it('a VIEWER sees no mutating control', () => {
    const html = renderToStaticMarkup(withClient(<ModelCard model={model('VIEWER')} />));
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<button');
    expect(html).not.toContain('set alias');
    expect(html).not.toContain('#/jobs/new');
  });
});
