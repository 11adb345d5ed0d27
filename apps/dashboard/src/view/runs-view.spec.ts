import { describe, expect, it } from 'vitest';
import {
  configCell,
  filtered,
  metricColumns,
  NEWEST,
  parseConfig,
  parseRunsView,
  runsTableMetrics,
  runsVariables,
  runsViewSearch,
  sortedBy,
  validationColumns,
  varyingConfigFields,
} from './runs-view.ts';

describe('the runs view in the URL', () => {
  it('reads filters, sort, page and columns, and writes them back the same', () => {
    const search =
      'status=FAILED,RUNNING&arch=deepbind&dataset=d-1&tag=baseline&sort=metric:val_auroc:ASC&params=filters,kernel_size&after=abc';
    const view = parseRunsView(search);
    expect(view).toEqual({
      statuses: ['FAILED', 'RUNNING'],
      architecture: 'deepbind',
      datasetId: 'd-1',
      tag: 'baseline',
      sort: { key: 'metric:val_auroc', direction: 'ASC' },
      after: 'abc',
      params: ['filters', 'kernel_size'],
    });
    expect(runsViewSearch(view)).toBe(search);
    expect(parseRunsView(runsViewSearch(view))).toEqual(view);
  });

  it('the plain view is empty, and unknown or malformed parts fall back to the defaults', () => {
    const plain = parseRunsView('');
    expect(plain.sort).toEqual(NEWEST);
    expect(runsViewSearch(plain)).toBe('');
    const odd = parseRunsView(
      'status=running,NOPE&sort=metric:x)y:DESC&params=ok,a.b,%20&arch=%20',
    );
    expect(odd.statuses).toEqual(['RUNNING']);
    expect(odd.sort).toEqual(NEWEST);
    expect(odd.params).toEqual(['ok']);
    expect(odd.architecture).toBeNull();
    expect(parseRunsView('sort=nonsense:ASC').sort).toEqual(NEWEST);
    expect(parseRunsView('sort=learningRate').sort).toEqual({
      key: 'learningRate',
      direction: 'DESC',
    });
  });

  it('turns a view into the runs query: filter, server order and page', () => {
    expect(runsVariables(parseRunsView(''))).toEqual({
      filter: null,
      orderBy: { direction: 'DESC' },
      first: 25,
      after: null,
    });
    expect(
      runsVariables(parseRunsView('status=SUCCEEDED&tag=x&sort=batchSize:ASC&after=c1')),
    ).toEqual({
      filter: { status: ['SUCCEEDED'], tag: 'x' },
      orderBy: { direction: 'ASC', field: 'BATCH_SIZE' },
      first: 25,
      after: 'c1',
    });
    expect(runsVariables(parseRunsView('sort=metric:val_loss:ASC')).orderBy).toEqual({
      direction: 'ASC',
      metric: 'val_loss',
    });
  });

  it('a header click sorts descending first, flips on a second click, and restarts paging', () => {
    const view = { ...parseRunsView(''), after: 'cursor' };
    const once = sortedBy(view, 'metric:val_auroc');
    expect(once.sort).toEqual({ key: 'metric:val_auroc', direction: 'DESC' });
    expect(once.after).toBeNull();
    expect(sortedBy(once, 'metric:val_auroc').sort.direction).toBe('ASC');
    expect(sortedBy(sortedBy(once, 'metric:val_auroc'), 'seed').sort).toEqual({
      key: 'seed',
      direction: 'DESC',
    });
    expect(filtered(view, { tag: 'a' })).toMatchObject({ tag: 'a', after: null });
  });
});

describe('columns', () => {
  it('metric columns: summary metrics any run reports, losses first, capped', () => {
    const runs = [
      { metrics: [{ name: 'val_auroc' }, { name: 'val_loss' }, { name: 'val_confusion_0_1' }] },
      { metrics: [{ name: 'loss' }, { name: 'val_auroc_c2' }, { name: 'val_accuracy' }] },
    ];
    expect(metricColumns(runs)).toEqual(['loss', 'val_loss', 'val_accuracy', 'val_auroc']);
    expect(metricColumns(runs, 2)).toEqual(['loss', 'val_loss']);
    expect(validationColumns(runs, 2)).toEqual(['val_loss', 'val_accuracy']);
    // The table: validation metrics, the sorted-by metric always shown, else what runs report.
    expect(runsTableMetrics(runs, 'created', 2)).toEqual(['val_loss', 'val_accuracy']);
    expect(runsTableMetrics(runs, 'metric:val_auroc', 2)).toEqual(['val_loss', 'val_auroc']);
    expect(runsTableMetrics(runs, 'metric:loss', 3)).toEqual(['val_loss', 'val_accuracy', 'loss']);
    expect(runsTableMetrics([{ metrics: [{ name: 'loss' }] }], 'created')).toEqual(['loss']);
  });

  it('config columns: scalar fields whose values differ between the runs', () => {
    const configs = [
      parseConfig('{"filters":16,"kernel_size":24,"pool":"max","layers":[1,2]}'),
      parseConfig('{"filters":32,"kernel_size":24,"dropout":0.2,"layers":[3]}'),
      parseConfig('not json'),
      parseConfig('[1]'),
    ];
    expect(configs.slice(2)).toEqual([{}, {}]);
    // dropout and pool are missing from one run: that differs too.
    expect(varyingConfigFields(configs)).toEqual(['dropout', 'filters', 'pool']);
    expect(configCell(0.2)).toBe('0.2');
    expect(configCell('max')).toBe('max');
    expect(configCell(true)).toBe('true');
    expect(configCell(undefined)).toBe('');
  });
});
