import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TrainingOptions, trainingOptionLines } from './training-options.tsx';

const terms = (html: string) => [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('TrainingOptions (the run page section)', () => {
  it('lists every stored option with its label, the source model linked to its run', () => {
    const stored = {
      reverseComplement: true,
      rcAverage: true,
      classWeights: { bg: 1, site: 3 },
      lrSchedule: 'plateau',
      plateauPatience: 2,
      weightDecay: 0.001,
      normalize: 'log-cpm',
      impute: 'knn',
      imputeK: 5,
      kmer: 3,
      kmerCanonical: true,
      featureSelection: { method: 'f-test', k: 200 },
      initFrom: {
        model: 'promoters@prod',
        runId: 'run-a',
        modelVersionId: 'ver-1',
        architecture: 'deepbind',
        modelSha256: 'ab'.repeat(32),
        path: 'models/run-a',
      },
      freeze: 'conv',
      probes: ['conv1'],
    };
    const html = renderToStaticMarkup(<TrainingOptions json={JSON.stringify(stored)} />);
    expect(terms(html)).toEqual([
      'initialised from',
      'frozen layers',
      'reverse-complement augmentation',
      'reverse-complement averaging (test time)',
      'class weights',
      'learning-rate schedule',
      'weight decay',
      'normalisation',
      'imputation',
      'k-mer counts',
      'feature selection',
      'probes',
    ]);
    const t = text(html);
    expect(t).toContain('promoters@prod (model version ver-1), deepbind');
    expect(html).toContain('href="#/runs/run-a"');
    expect(html).toContain('href="#/models"');
    expect(t).toContain('the convolutions');
    expect(t).toContain('bg = 1, site = 3');
    expect(t).toContain('plateau (halve after 2 flat epochs)');
    expect(t).toContain('kNN (k = 5)');
    expect(t).toContain('k = 3, canonical');
    expect(t).toContain('top 200 by f-test, on each training set');
    expect(t).toContain('[&quot;conv1&quot;]'); // unknown options as stored
  });

  it('says a run with no stored options trained with every default, and survives bad JSON', () => {
    expect(renderToStaticMarkup(<TrainingOptions json="{}" />)).toContain('Every default');
    expect(renderToStaticMarkup(<TrainingOptions json={null} />)).toContain('Every default');
    expect(trainingOptionLines('not json')).toEqual([
      { key: 'raw', label: 'options', value: 'not json' },
    ]);
    const html = renderToStaticMarkup(
      <TrainingOptions
        json={JSON.stringify({ initFrom: { model: 'r1', runId: 'r1' }, freeze: 1 })}
      />,
    );
    expect(text(html)).toContain('run r1');
    expect(text(html)).toContain('the first 1 layer with weights');
  });
});
