import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import { PROJECTS_QUERY } from '../graphql/operations.ts';
import type { ProjectChoice } from './project-choice.ts';
import { chooseProject, projectSlugFrom, searchWithProject } from './project-choice.ts';

/** The project the dashboard works in, the caller's other projects, and whether they loaded. */
export interface ProjectState {
  project: ProjectChoice | null;
  projects: readonly ProjectChoice[];
  /** A slug the URL names that is none of the caller's projects. */
  unknown: string | null;
  loading: boolean;
}

/** Exported for specs, which render pages in a given project and role. */
export const ProjectContext = createContext<ProjectState>({
  project: null,
  projects: [],
  unknown: null,
  loading: true,
});

/** Loads the caller's projects once and picks the current one from the URL (`?project=SLUG`). */
export function ProjectProvider(props: { children: ReactNode }): ReactNode {
  const { data, loading } = useQuery(PROJECTS_QUERY);
  const projects = data?.projects ?? [];
  const choice = chooseProject(projects, projectSlugFrom(window.location.search));
  return (
    <ProjectContext.Provider value={{ ...choice, projects, loading: loading && !data }}>
      {props.children}
    </ProjectContext.Provider>
  );
}

/** The current project (null while loading or when the caller has none). */
export function useProject(): ProjectState {
  return useContext(ProjectContext);
}

/**
 * Switches to another project: the URL names it, and the page loads afresh so no list, cache
 * entry or subscription of the previous project survives. The hash (the page) is kept.
 */
export function switchProject(slug: string): void {
  window.location.search = searchWithProject(window.location.search, slug);
}
