import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';

/** A person or a tool that calls the API; it authenticates with its API tokens. */
@Entity({ tableName: 'user' })
export class User extends BaseEntity {
  @Property({ type: 'string' })
  name: string;

  constructor(name: string) {
    super();
    this.name = name;
  }
}
