import { Entity, ManyToOne, Property, ref, Unique } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { User } from './user.entity.ts';

/**
 * An API token of a user. Only its SHA-256 is stored (see auth/token-secret.ts): the token
 * itself is shown once, when it is made, and cannot be recovered from the database.
 */
@Entity({ tableName: 'api_token' })
export class ApiToken extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Property({ type: 'string' })
  name: string;

  /** The first characters of the token (`strand_ab12cd34`), so a person can tell tokens apart. */
  @Property({ type: 'string' })
  prefix: string;

  /** Hex SHA-256 of the whole token; the lookup key. */
  @Property({ type: 'string' })
  @Unique()
  hash: string;

  /** When it stops authenticating by itself; null: never. */
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  /** When it was revoked; a revoked token never authenticates again (the row stays for audit). */
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  constructor(
    user: User | Ref<User>,
    name: string,
    prefix: string,
    hash: string,
    expiresAt: Date | null = null,
  ) {
    super();
    this.user = ref(user);
    this.name = name;
    this.prefix = prefix;
    this.hash = hash;
    this.expiresAt = expiresAt;
  }
}
