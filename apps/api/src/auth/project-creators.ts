import type { Viewer } from './viewer.ts';

/**
 * Who may create projects (STRAND_PROJECT_CREATORS): `editor` (default) — an EDITOR or ADMIN of
 * at least one project; `admin` — an ADMIN of at least one project; `anyone` — any valid token.
 * A VIEWER-only account (a reader let in to look) cannot start new workspaces by default.
 */
export const PROJECT_CREATORS = ['editor', 'admin', 'anyone'] as const;
export type ProjectCreators = (typeof PROJECT_CREATORS)[number];

/** Whether `viewer` may create a project under `policy`. */
export function mayCreateProject(viewer: Viewer, policy: ProjectCreators): boolean {
  if (policy === 'anyone') return true;
  return viewer.projectIds.some((id) => viewer.can(id, policy));
}
