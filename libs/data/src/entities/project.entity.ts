import { Entity, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';

/** The slug of the project that embedded mode's first start (and the migration) creates. */
export const DEFAULT_PROJECT_SLUG = 'default';

/** A team's workspace: every dataset and run belongs to exactly one project. */
@Entity({ tableName: 'project' })
export class Project extends BaseEntity {
  @Property({ type: 'string' })
  name: string;

  /**
   * URL-safe: lower-case letters, digits and dashes. Unique among the projects of each member
   * (createProject checks it), not across the server: a global uniqueness check would tell
   * anyone which slugs other teams use.
   */
  @Property({ type: 'string' })
  @Index()
  slug: string;

  constructor(name: string, slug: string) {
    super();
    this.name = name;
    this.slug = slug;
  }
}
