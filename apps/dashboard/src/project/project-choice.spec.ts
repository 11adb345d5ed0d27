import { describe, expect, it } from 'vitest';
import type { ProjectChoice } from './project-choice.ts';
import { canEdit, chooseProject, projectSlugFrom, searchWithProject } from './project-choice.ts';

const lab: ProjectChoice = { id: 'p1', name: 'Lab', slug: 'lab', viewerRole: 'ADMIN' };
const shared: ProjectChoice = { id: 'p2', name: 'Shared', slug: 'shared', viewerRole: 'VIEWER' };

describe('project choice', () => {
  it('reads and writes the slug in the URL, keeping other parameters', () => {
    expect(projectSlugFrom('?project=lab')).toBe('lab');
    expect(projectSlugFrom('?x=1&project=%20shared%20')).toBe('shared');
    expect(projectSlugFrom('')).toBeNull();
    expect(projectSlugFrom('?project=')).toBeNull();
    expect(searchWithProject('?x=1&project=lab', 'shared')).toBe('?x=1&project=shared');
    expect(projectSlugFrom(searchWithProject('', 'a b'))).toBe('a b');
  });

  it('takes the project the URL names, else the first, and flags a slug that is not ours', () => {
    expect(chooseProject([lab, shared], 'shared')).toEqual({ project: shared, unknown: null });
    expect(chooseProject([lab, shared], null)).toEqual({ project: lab, unknown: null });
    expect(chooseProject([lab, shared], 'other')).toEqual({ project: lab, unknown: 'other' });
    expect(chooseProject([], null)).toEqual({ project: null, unknown: null });
  });

  it('lets EDITOR and ADMIN change things, not VIEWER', () => {
    expect(canEdit('ADMIN')).toBe(true);
    expect(canEdit('EDITOR')).toBe(true);
    expect(canEdit('VIEWER')).toBe(false);
    expect(canEdit(null)).toBe(false);
  });
});
