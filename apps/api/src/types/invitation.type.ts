import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { Invitation as InvitationEntity } from '@strand/data';
import { Role } from './role.enum.ts';
import { UserErrorsField } from './user-error.type.ts';
import type { UserError } from './user-error.type.ts';
import { User } from './user.type.ts';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Only a PENDING invitation can be accepted, declined or cancelled.',
});

@ObjectType({
  description:
    'An offer of a role in a project to a user, who becomes a member only by accepting it.',
})
export class Invitation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => String, { description: 'The project’s name, so the invited user knows it.' })
  projectName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => InvitationStatus)
  status!: InvitationStatus;

  @Field(() => User, { description: 'The invited user.' })
  user!: User;

  @Field(() => User)
  invitedBy!: User;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  /** `entity` with its project, user and invitedBy loaded. */
  static from(entity: InvitationEntity): Invitation {
    const user = entity.user.getEntity();
    const by = entity.invitedBy.getEntity();
    return Object.assign(new Invitation(), {
      id: entity.id,
      projectId: entity.project.id,
      projectName: entity.project.getEntity().name,
      role: entity.role as Role,
      status: entity.status as InvitationStatus,
      user: User.of(user.id, user.name),
      invitedBy: User.of(by.id, by.name),
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType()
export class InvitationPayload {
  @Field(() => Invitation, { nullable: true })
  invitation!: Invitation | null;

  @UserErrorsField()
  userErrors!: UserError[];
}
