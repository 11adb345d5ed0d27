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
export { Invitation } from './entities/invitation.entity.ts';
export type { InvitationStatus } from './entities/invitation.entity.ts';
export { AuditEvent, AUDIT_ACTIONS } from './entities/audit-event.entity.ts';
export type { AuditAction } from './entities/audit-event.entity.ts';
export { AccessError } from './access/access-error.ts';
export type { AccessErrorCode } from './access/access-error.ts';
export { ACCESS_LIMITS } from './access/access-limits.ts';
export { projectAuditFilter, recordAudit } from './access/audit.ts';
export { cancelInvitation, inviteMember, respondToInvitation } from './access/invitations.ts';
export { addMembership, changeRole, lockProject, removeMember } from './access/memberships.ts';
export { createApiToken, liveTokens, revokeApiToken, tokenRefusal } from './access/tokens.ts';
export { ROLES, roleAllows } from './entities/role.ts';
export type { Role } from './entities/role.ts';
export { EpochMetric } from './entities/epoch-metric.entity.ts';
export { Job } from './entities/job.entity.ts';
export type { JobProgress } from './entities/job.entity.ts';
export { VariantScore } from './entities/variant-score.entity.ts';
export type { VariantScoreValues } from './entities/variant-score.entity.ts';
export { FINAL_JOB_STATUSES, JOB_KINDS, JOB_STATUSES } from './entities/job-kind.ts';
export type { JobKindName, JobStatus } from './entities/job-kind.ts';
export { ModelArtifact } from './entities/model-artifact.entity.ts';
export type { ModelFormat } from './entities/model-artifact.entity.ts';
export { RunTag } from './entities/run-tag.entity.ts';
export { RunNote } from './entities/run-note.entity.ts';
export { ModelVersion } from './entities/model-version.entity.ts';
export { ModelAlias } from './entities/model-alias.entity.ts';
export { DATASET_KINDS } from './entities/dataset-kind.ts';
export type { DatasetKind } from './entities/dataset-kind.ts';
export { DATASET_STATUSES } from './entities/dataset-status.ts';
export type { DatasetStatus } from './entities/dataset-status.ts';
export { FINAL_RUN_STATUSES, RUN_STATUSES } from './entities/run-status.ts';
export type { RunStatus } from './entities/run-status.ts';
export type {
  DatasetWarning,
  JsonObject,
  MetricValues,
  ProbeAttributionValues,
} from './entities/json.ts';

export { paginate, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './queries/paginate.ts';
export type { Page, PageOptions } from './queries/paginate.ts';
export { recordEpoch } from './queries/record-epoch.ts';
export type { EpochRecord } from './queries/record-epoch.ts';
export { epochHistory, probeAttributionsAt } from './queries/epoch-history.ts';
export { findRuns } from './queries/find-runs.ts';
export type { FindRunsOptions, RunFilter, RunParamFilter } from './queries/find-runs.ts';
export { NEWEST_FIRST, RUN_SORT_COLUMNS } from './queries/run-order.ts';
export type { RunOrder, RunSortColumn } from './queries/run-order.ts';
export {
  MAX_RUN_TAGS,
  MAX_TAG_LENGTH,
  normaliseTag,
  runTags,
  tagRun,
  untagRun,
} from './queries/run-tags.ts';
export { MAX_NOTE_LENGTH, runNotes, setRunNote } from './queries/run-note.ts';
export { compareRuns } from './queries/compare-runs.ts';
export type { ComparedEpoch, ParamDifference, RunComparison } from './queries/compare-runs.ts';
export {
  aliasesOf,
  checkAlias,
  checkModelName,
  findModelVersion,
  MAX_ALIASES_PER_MODEL,
  registerModelVersion,
  registryPage,
  setModelAlias,
} from './queries/model-registry.ts';
export type { RegistryCursor } from './queries/model-registry.ts';
export { datasetDerived } from './queries/dataset-derived.ts';
export type { DatasetDerived } from './queries/dataset-derived.ts';
export {
  deleteVariantScores,
  findVariantScores,
  insertVariantScores,
  variantScoreChromosomes,
  LARGEST_EFFECT_FIRST,
} from './queries/variant-scores.ts';
export type {
  FindVariantScoresOptions,
  VariantScoreFilter,
  VariantScoreOrder,
  VariantScoreSortField,
} from './queries/variant-scores.ts';

export { generateToken, hashToken, isTokenShaped, TOKEN_PREFIX } from './auth/token-secret.ts';
export { issueApiToken } from './auth/issue-token.ts';
export type { IssuedToken } from './auth/issue-token.ts';
export { findApiToken } from './auth/find-token.ts';
export { ensureFirstAdmin } from './auth/first-admin.ts';
export type { FirstAdmin } from './auth/first-admin.ts';

export { ArtifactStore } from './artifacts/artifact-store.ts';
export { DirectoryObjectStore } from './artifacts/directory-object-store.ts';
export { IN_PROGRESS } from './artifacts/files-under.ts';
export type { ArtifactObjectStore, StoredObject } from './artifacts/object-store.ts';
export { DataError } from './errors/data-error.ts';
export type { DataErrorCode } from './errors/data-error.ts';
export { TrackingError } from './errors/tracking-error.ts';
export type { TrackingErrorCode } from './errors/tracking-error.ts';
// The AWS SDK loads only when an artifact bucket is configured (openArtifactRemote).
export type { S3ObjectStore, S3ObjectStoreOptions } from './artifacts/s3-object-store.ts';
export {
  openArtifactRemote,
  parseS3Url,
  readArtifactRemote,
} from './artifacts/artifact-remote-env.ts';
export type { ArtifactRemoteSettings, S3Location } from './artifacts/artifact-remote-env.ts';
