import { Entity, Index, ManyToOne, Property, ref } from '@mikro-orm/core';
import type { Opt, Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { Project } from './project.entity.ts';
import type { Role } from './role.ts';
import { User } from './user.entity.ts';

/** Where an invitation stands. Only a PENDING one can be accepted, declined or cancelled. */
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';

/**
 * An ADMIN's offer of a role in a project to an existing user. The user becomes a member only
 * when they accept it: nobody is put into a project without their consent (a membership they did
 * not ask for would change which project their calls default to).
 */
@Entity({ tableName: 'invitation' })
@Index({ properties: ['user', 'status'] })
@Index({ properties: ['project', 'status'] })
export class Invitation extends BaseEntity {
  @ManyToOne(() => Project, { ref: true, deleteRule: 'cascade' })
  project: Ref<Project>;

  /** The invited user. */
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  invitedBy: Ref<User>;

  // Text, not @Enum: see Dataset.kind.
  @Property({ type: 'string' })
  role: Role;

  @Property({ type: 'string' })
  status: InvitationStatus & Opt = 'PENDING';

  @Property({ type: 'datetime', nullable: true })
  respondedAt: Date | null = null;

  constructor(
    project: Project | Ref<Project>,
    user: User | Ref<User>,
    invitedBy: User | Ref<User>,
    role: Role,
  ) {
    super();
    this.project = ref(project);
    this.user = ref(user);
    this.invitedBy = ref(invitedBy);
    this.role = role;
  }
}
