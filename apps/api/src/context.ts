import type { EntityManager } from '@mikro-orm/core';
import type { StrandDatabase } from '@strand/data';
import type { Jobs } from '@strand/jobs';
import type { AccessChanges } from './auth/access-changes.ts';
import type { ProjectCreators } from './auth/project-creators.ts';
import type { Viewer } from './auth/viewer.ts';
import type { QueryBudget } from './limits/query-budget.ts';

/**
 * What every resolver gets: one EntityManager fork per request (or per subscription event), and
 * the authenticated caller (a request without a valid token never reaches a resolver).
 */
export interface StrandContext {
  db: StrandDatabase;
  em: EntityManager;
  jobs: Jobs;
  viewer: Viewer;
  /** Tell it whose access narrowed (revoked token, removed member): it takes effect at once. */
  access: AccessChanges;
  /** Who may create projects (STRAND_PROJECT_CREATORS). */
  projectCreators: ProjectCreators;
  /** What this operation may still cost while it resolves (absent outside GraphQL). */
  budget?: QueryBudget;
}
