import { Entity, Index, ManyToOne, Property, ref } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import type { JsonObject } from './json.ts';
import { Project } from './project.entity.ts';
import { User } from './user.entity.ts';

/** What changed: memberships (with invitations) and API tokens. */
export const AUDIT_ACTIONS = [
  'PROJECT_CREATED',
  'USER_CREATED',
  'MEMBER_INVITED',
  'INVITATION_ACCEPTED',
  'INVITATION_DECLINED',
  'INVITATION_CANCELLED',
  'MEMBER_ROLE_CHANGED',
  'MEMBER_REMOVED',
  'TOKEN_CREATED',
  'TOKEN_REVOKED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One change of who may do what, kept for ADMINs to read (auditLog): who did it (`actor`, null for
 * the server itself), to whom (`subject`), in which project (null for a token, which belongs to a
 * user rather than a project), and the details (roles, a token's name and prefix — never a token).
 * Rows are only ever added.
 */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['project', 'createdAt', 'id'] })
@Index({ properties: ['subject', 'createdAt'] })
export class AuditEvent extends BaseEntity {
  @ManyToOne(() => Project, { ref: true, nullable: true, deleteRule: 'cascade' })
  project: Ref<Project> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  actor: Ref<User> | null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  subject: Ref<User> | null;

  // Text, not @Enum: see Dataset.kind.
  @Property({ type: 'string' })
  action: AuditAction;

  @Property({ type: 'json' })
  details: JsonObject;

  constructor(
    action: AuditAction,
    who: { project?: string | null; actor?: string | null; subject?: string | null },
    details: JsonObject = {},
  ) {
    super();
    this.action = action;
    this.project = who.project ? ref(Project, who.project) : null;
    this.actor = who.actor ? ref(User, who.actor) : null;
    this.subject = who.subject ? ref(User, who.subject) : null;
    this.details = details;
  }
}
