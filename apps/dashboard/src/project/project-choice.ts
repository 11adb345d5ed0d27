import type { Role } from '../graphql/types.ts';

/** A project as the dashboard offers it: what the switcher shows and what the caller may do. */
export interface ProjectChoice {
  id: string;
  name: string;
  slug: string;
  viewerRole: Role;
}

/** The URL parameter that names the current project: `?project=SLUG` (hash links keep it). */
export const PROJECT_PARAM = 'project';

/** The project slug the URL names (`?project=…`), or null. */
export function projectSlugFrom(search: string): string | null {
  const slug = new URLSearchParams(search).get(PROJECT_PARAM)?.trim();
  return slug ? slug : null;
}

/** The search string that names a project, keeping the other parameters. */
export function searchWithProject(search: string, slug: string): string {
  const params = new URLSearchParams(search);
  params.set(PROJECT_PARAM, slug);
  return `?${params.toString()}`;
}

/**
 * The project the dashboard works in: the one the URL names, else the first the caller belongs
 * to (projects come sorted by the API); null when the caller has none. `unknown` is set when the
 * URL names a project the caller is not a member of (or that does not exist), so the page can
 * say so instead of silently showing another project.
 */
export function chooseProject(
  projects: readonly ProjectChoice[],
  slug: string | null,
): { project: ProjectChoice | null; unknown: string | null } {
  if (slug) {
    const named = projects.find((p) => p.slug === slug);
    if (named) return { project: named, unknown: null };
    return { project: projects[0] ?? null, unknown: slug };
  }
  return { project: projects[0] ?? null, unknown: null };
}

/** Whether a role may change things (start runs and jobs, cancel them): EDITOR and ADMIN. */
export function canEdit(role: Role | null | undefined): boolean {
  return role === 'EDITOR' || role === 'ADMIN';
}
