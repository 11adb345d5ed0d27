import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';

/** The slug of the project that embedded mode's first start (and the migration) creates. */
export const DEFAULT_PROJECT_SLUG = 'default';

/** A team's workspace: every dataset and run belongs to exactly one project. */
@Entity({ tableName: 'project' })
export class Project extends BaseEntity {
  @Property({ type: 'string' })
  name: string;

  /** URL-safe, unique: lower-case letters, digits and dashes. */
  @Property({ type: 'string' })
  @Unique()
  slug: string;

  constructor(name: string, slug: string) {
    super();
    this.name = name;
    this.slug = slug;
  }
}
