export { openDatabase, StrandDatabase } from './database.ts';
export type { OpenDatabaseOptions } from './database.ts';
export type { EntityManager } from '@mikro-orm/libsql';

export { BaseEntity } from './entities/base.entity.ts';
export { Dataset } from './entities/dataset.entity.ts';
export { Run } from './entities/run.entity.ts';
export { Project, DEFAULT_PROJECT_SLUG } from './entities/project.entity.ts';
export { User } from './entities/user.entity.ts';
export { ApiToken } from './entities/api-token.entity.ts';
export { Membership } from './entities/membership.entity.ts';
export { ROLES, roleAllows } from './entities/role.ts';
export type { Role } from './entities/role.ts';
export { EpochMetric } from './entities/epoch-metric.entity.ts';
export { ModelArtifact } from './entities/model-artifact.entity.ts';
export type { ModelFormat } from './entities/model-artifact.entity.ts';
export { DATASET_KINDS } from './entities/dataset-kind.ts';
export type { DatasetKind } from './entities/dataset-kind.ts';
export { DATASET_STATUSES } from './entities/dataset-status.ts';
export type { DatasetStatus } from './entities/dataset-status.ts';
export { FINAL_RUN_STATUSES, RUN_STATUSES } from './entities/run-status.ts';
export type { RunStatus } from './entities/run-status.ts';
export type { JsonObject, MetricValues } from './entities/json.ts';

export { paginate, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './queries/paginate.ts';
export type { Page, PageOptions } from './queries/paginate.ts';
export { recordEpoch } from './queries/record-epoch.ts';
export type { EpochRecord } from './queries/record-epoch.ts';
export { epochHistory } from './queries/epoch-history.ts';

export { generateToken, hashToken, isTokenShaped, TOKEN_PREFIX } from './auth/token-secret.ts';
export { issueApiToken } from './auth/issue-token.ts';
export type { IssuedToken } from './auth/issue-token.ts';
export { findApiToken } from './auth/find-token.ts';
export { ensureFirstAdmin } from './auth/first-admin.ts';
export type { FirstAdmin } from './auth/first-admin.ts';

export { ArtifactStore } from './artifacts/artifact-store.ts';
export { DataError } from './errors/data-error.ts';
export type { DataErrorCode } from './errors/data-error.ts';
