import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route.ts';

describe('parseRoute', () => {
  it('maps hashes to pages', () => {
    expect(parseRoute('')).toEqual({ page: 'runs' });
    expect(parseRoute('#/')).toEqual({ page: 'runs' });
    expect(parseRoute('#/runs/')).toEqual({ page: 'runs' });
    expect(parseRoute('#/new')).toEqual({ page: 'new-run' });
    expect(parseRoute('#/runs/42')).toEqual({ page: 'run', id: '42' });
    expect(parseRoute('#/runs/a%2Fb')).toEqual({ page: 'run', id: 'a/b' });
    expect(parseRoute('#/jobs')).toEqual({ page: 'jobs' });
    expect(parseRoute('#/jobs/')).toEqual({ page: 'jobs' });
    expect(parseRoute('#/jobs/j-7')).toEqual({ page: 'job', id: 'j-7' });
    expect(parseRoute('#/datasets')).toEqual({ page: 'datasets' });
    expect(parseRoute('#/datasets/d%201')).toEqual({ page: 'dataset', id: 'd 1' });
    expect(parseRoute('#/models')).toEqual({ page: 'models' });
  });

  it('keeps the runs view’s query and reads compare ids (trimmed, once each)', () => {
    expect(parseRoute('#/?status=FAILED&sort=seed:ASC')).toEqual({
      page: 'runs',
      search: 'status=FAILED&sort=seed:ASC',
    });
    expect(parseRoute('#/compare?ids=a, b,,a')).toEqual({ page: 'compare', ids: ['a', 'b'] });
    expect(parseRoute('#/compare')).toEqual({ page: 'compare', ids: [] });
  });

  it('reports anything else as not found, with the hash', () => {
    expect(parseRoute('#/runs/1/extra')).toEqual({ page: 'not-found', hash: '#/runs/1/extra' });
    expect(parseRoute('#/runs/%E0%A4%A')).toEqual({ page: 'not-found', hash: '#/runs/%E0%A4%A' });
    expect(parseRoute('#/jobs/1/files')).toEqual({ page: 'not-found', hash: '#/jobs/1/files' });
    expect(parseRoute('#/jobs/%E0%A4%A')).toEqual({ page: 'not-found', hash: '#/jobs/%E0%A4%A' });
  });
});

describe('routeHref', () => {
  it('is the inverse of parseRoute', () => {
    expect(routeHref({ page: 'runs' })).toBe('#/');
    expect(routeHref({ page: 'new-run' })).toBe('#/new');
    expect(routeHref({ page: 'runs', search: 'tag=x' })).toBe('#/?tag=x');
    expect(routeHref({ page: 'compare', ids: ['a', 'b'] })).toBe('#/compare?ids=a,b');
    expect(parseRoute(routeHref({ page: 'dataset', id: 'x/y' }))).toEqual({
      page: 'dataset',
      id: 'x/y',
    });
    expect(routeHref({ page: 'run', id: 'a/b' })).toBe('#/runs/a%2Fb');
    expect(parseRoute(routeHref({ page: 'run', id: 'x y' }))).toEqual({ page: 'run', id: 'x y' });
    expect(routeHref({ page: 'jobs' })).toBe('#/jobs');
    expect(routeHref({ page: 'job', id: 'a/b' })).toBe('#/jobs/a%2Fb');
    expect(parseRoute(routeHref({ page: 'job', id: 'x y' }))).toEqual({ page: 'job', id: 'x y' });
  });
});

describe('job form and token routes', () => {
  it('reads the kind and pre-filled fields of #/jobs/new, and #/tokens', () => {
    expect(parseRoute('#/jobs/new')).toEqual({ page: 'new-job' });
    expect(parseRoute('#/jobs/new?kind=SWEEP&datasetId=d1')).toEqual({
      page: 'new-job',
      kind: 'SWEEP',
      search: 'kind=SWEEP&datasetId=d1',
    });
    expect(parseRoute('#/tokens')).toEqual({ page: 'tokens' });
    expect(routeHref({ page: 'new-job', kind: 'SCORE_VARIANTS' })).toBe(
      '#/jobs/new?kind=SCORE_VARIANTS',
    );
    expect(routeHref({ page: 'new-job', kind: 'SWEEP', search: 'kind=X&datasetId=d1' })).toBe(
      '#/jobs/new?kind=SWEEP&datasetId=d1',
    );
    expect(parseRoute('#/jobs/abc')).toEqual({ page: 'job', id: 'abc' });
  });
});
