import { ApiToken } from './api-token.entity.ts';
import { AuditEvent } from './audit-event.entity.ts';
import { Dataset } from './dataset.entity.ts';
import { EpochMetric } from './epoch-metric.entity.ts';
import { Invitation } from './invitation.entity.ts';
import { Job } from './job.entity.ts';
import { Membership } from './membership.entity.ts';
import { ModelAlias } from './model-alias.entity.ts';
import { ModelArtifact } from './model-artifact.entity.ts';
import { ModelVersion } from './model-version.entity.ts';
import { Project } from './project.entity.ts';
import { Run } from './run.entity.ts';
import { RunNote } from './run-note.entity.ts';
import { RunTag } from './run-tag.entity.ts';
import { User } from './user.entity.ts';
import { VariantScore } from './variant-score.entity.ts';

/** Every entity, given to MikroORM explicitly (no folder discovery at runtime). */
export const ENTITIES = [
  Project,
  User,
  ApiToken,
  Membership,
  Dataset,
  Run,
  EpochMetric,
  ModelArtifact,
  RunTag,
  RunNote,
  ModelVersion,
  ModelAlias,
  Job,
  VariantScore,
  Invitation,
  AuditEvent,
];
