import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123115219_initial } from './Migration20261123115219_initial.ts';
import { Migration20261123120942_projects } from './Migration20261123120942_projects.ts';
import { Migration20261123124000_runSurvival } from './Migration20261123124000_run-survival.ts';
import { Migration20261123124500_registry } from './Migration20261123124500_registry.ts';
import { Migration20261127123018_jobs } from './Migration20261127123018_jobs.ts';
import { Migration20261127124032_variantScores } from './Migration20261127124032_variant-scores.ts';
import { Migration20261206103527_accessLifecycle } from './Migration20261206103527_access-lifecycle.ts';
import { Migration20261206182831_datasetWarnings } from './Migration20261206182831_dataset-warnings.ts';
import { Migration20261206183000_postgresBaseline } from './Migration20261206183000_postgres-baseline.ts';
import { Migration20261206183100_datasetWarningsPostgres } from './Migration20261206183100_dataset-warnings-postgres.ts';
import { Migration20261207024500_runTrainingOptions } from './Migration20261207024500_run-training-options.ts';
import { Migration20261207024600_runTrainingOptionsPostgres } from './Migration20261207024600_run-training-options-postgres.ts';
import { Migration20261207055746_jobErrorCode } from './Migration20261207055746_job-error-code.ts';
import { Migration20261207055846_jobErrorCodePostgres } from './Migration20261207055846_job-error-code-postgres.ts';
import { Migration20261207060000_runProbes } from './Migration20261207060000_run-probes.ts';
import { Migration20261207060100_runProbesPostgres } from './Migration20261207060100_run-probes-postgres.ts';
import { Migration20261207110000_variantScoreQuantile } from './Migration20261207110000_variant-score-quantile.ts';
import { Migration20261207110100_variantScoreQuantilePostgres } from './Migration20261207110100_variant-score-quantile-postgres.ts';

/**
 * Every migration, oldest first, given to the migrator explicitly so nothing is discovered by
 * globbing files at runtime. The name is what `mikro_orm_migrations` records: never rename one.
 * Write a new one with create-migration.ts (see there), then list it here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123115219_initial', class: Migration20261123115219_initial },
  { name: 'Migration20261123120942_projects', class: Migration20261123120942_projects },
  { name: 'Migration20261123124000_run-survival', class: Migration20261123124000_runSurvival },
  { name: 'Migration20261123124500_registry', class: Migration20261123124500_registry },
  { name: 'Migration20261127123018_jobs', class: Migration20261127123018_jobs },
  { name: 'Migration20261127124032_variant-scores', class: Migration20261127124032_variantScores },
  {
    name: 'Migration20261206103527_access-lifecycle',
    class: Migration20261206103527_accessLifecycle,
  },
  {
    name: 'Migration20261206182831_dataset-warnings',
    class: Migration20261206182831_datasetWarnings,
  },
  {
    name: 'Migration20261207024500_run-training-options',
    class: Migration20261207024500_runTrainingOptions,
  },
  { name: 'Migration20261207055746_job-error-code', class: Migration20261207055746_jobErrorCode },
  { name: 'Migration20261207060000_run-probes', class: Migration20261207060000_runProbes },
  {
    name: 'Migration20261207110000_variant-score-quantile',
    class: Migration20261207110000_variantScoreQuantile,
  },
];

/**
 * PostgreSQL's migrations, oldest first: the SQLite history up to access-lifecycle collapsed into
 * one baseline (PostgreSQL support came after it), then one entry per later SQLite migration,
 * written for PostgreSQL (its SQL differs: quoting, types, and no table rebuilds). A migration
 * added to MIGRATIONS gets its PostgreSQL twin here in the same commit; postgres.spec.ts checks
 * that the migrated PostgreSQL schema matches the entities.
 */
export const POSTGRES_MIGRATIONS: MigrationObject[] = [
  {
    name: 'Migration20261206183000_postgres-baseline',
    class: Migration20261206183000_postgresBaseline,
  },
  {
    name: 'Migration20261206183100_dataset-warnings-postgres',
    class: Migration20261206183100_datasetWarningsPostgres,
  },
  {
    name: 'Migration20261207024600_run-training-options-postgres',
    class: Migration20261207024600_runTrainingOptionsPostgres,
  },
  {
    name: 'Migration20261207055846_job-error-code-postgres',
    class: Migration20261207055846_jobErrorCodePostgres,
  },
  {
    name: 'Migration20261207060100_run-probes-postgres',
    class: Migration20261207060100_runProbesPostgres,
  },
  {
    name: 'Migration20261207110100_variant-score-quantile-postgres',
    class: Migration20261207110100_variantScoreQuantilePostgres,
  },
];
