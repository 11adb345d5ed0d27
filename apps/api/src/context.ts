import type { EntityManager } from '@mikro-orm/core';
import type { StrandDatabase } from '@strand/data';
import type { Jobs } from '@strand/jobs';

/** What every resolver gets: one EntityManager fork per request (or per subscription event). */
export interface StrandContext {
  db: StrandDatabase;
  em: EntityManager;
  jobs: Jobs;
}
