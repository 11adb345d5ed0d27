import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { AUDIT_ACTIONS } from '@strand/data';
import type { AuditEvent as AuditEventEntity } from '@strand/data';
import { connectionOf } from './connection.ts';
import { User } from './user.type.ts';

export const AuditAction = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as Record<
  (typeof AUDIT_ACTIONS)[number],
  (typeof AUDIT_ACTIONS)[number]
>;

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'A change of membership (invitations included) or of an API token.',
});

@ObjectType({
  description:
    'One change of who may do what: who did it, to whom, and the details (roles; a token’s name and prefix, never the token).',
})
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => AuditAction)
  action!: string;

  @Field(() => User, { nullable: true, description: 'Who made the change; null for the server.' })
  actor!: User | null;

  @Field(() => User, { nullable: true, description: 'Whose access changed.' })
  subject!: User | null;

  @Field(() => ID, { nullable: true, description: 'null for token events (tokens are a user’s).' })
  projectId!: string | null;

  @Field(() => String, { description: 'The details, as JSON text.' })
  details!: string;

  /** `entity` with actor and subject loaded. */
  static from(entity: AuditEventEntity): AuditEvent {
    const user = (ref: AuditEventEntity['actor']) => {
      const u = ref?.getEntity();
      return u ? User.of(u.id, u.name) : null;
    };
    return Object.assign(new AuditEvent(), {
      id: entity.id,
      createdAt: entity.createdAt,
      action: entity.action,
      actor: user(entity.actor),
      subject: user(entity.subject),
      projectId: entity.project?.id ?? null,
      details: JSON.stringify(entity.details),
    });
  }
}

export const AuditEventConnection = connectionOf('AuditEvent', AuditEvent);
