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
  });

  it('reports anything else as not found, with the hash', () => {
    expect(parseRoute('#/runs/1/extra')).toEqual({ page: 'not-found', hash: '#/runs/1/extra' });
    expect(parseRoute('#/runs/%E0%A4%A')).toEqual({ page: 'not-found', hash: '#/runs/%E0%A4%A' });
  });
});

describe('routeHref', () => {
  it('is the inverse of parseRoute', () => {
    expect(routeHref({ page: 'runs' })).toBe('#/');
    expect(routeHref({ page: 'new-run' })).toBe('#/new');
    expect(routeHref({ page: 'run', id: 'a/b' })).toBe('#/runs/a%2Fb');
    expect(parseRoute(routeHref({ page: 'run', id: 'x y' }))).toEqual({ page: 'run', id: 'x y' });
  });
});
