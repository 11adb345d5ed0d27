import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { AuditEvent } from '../entities/audit-event.entity.ts';
import type { AuditAction } from '../entities/audit-event.entity.ts';
import type { JsonObject } from '../entities/json.ts';
import { Membership } from '../entities/membership.entity.ts';

/** Adds an audit event to `em`'s unit of work (flushed with the change it records). */
export function recordAudit(
  em: EntityManager,
  action: AuditAction,
  who: { project?: string | null; actor?: string | null; subject?: string | null },
  details: JsonObject = {},
): AuditEvent {
  const event = new AuditEvent(action, who, details);
  em.persist(event);
  return event;
}

/**
 * What a project's audit log shows (page it with paginate): the project's own events, and the
 * token events of the users who are its members now.
 */
export async function projectAuditFilter(
  em: EntityManager,
  projectId: string,
): Promise<FilterQuery<AuditEvent>> {
  const members = await em.find(Membership, { project: projectId }, { fields: ['user'] });
  return {
    $or: [
      { project: projectId },
      { project: null, subject: { $in: members.map((m) => m.user.id) } },
    ],
  };
}
