import { Entity, ManyToOne, Property, ref, Unique } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { Project } from './project.entity.ts';
import type { Role } from './role.ts';
import { User } from './user.entity.ts';

/** A user's role in a project; at most one per (user, project). */
@Entity({ tableName: 'membership' })
@Unique({ properties: ['user', 'project'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @ManyToOne(() => Project, { ref: true, deleteRule: 'cascade' })
  project: Ref<Project>;

  // Text, not @Enum: see Dataset.kind.
  @Property({ type: 'string' })
  role: Role;

  constructor(user: User | Ref<User>, project: Project | Ref<Project>, role: Role) {
    super();
    this.user = ref(user);
    this.project = ref(project);
    this.role = role;
  }
}
