import { registerEnumType } from 'type-graphql';

/** A member's role; the values are the stored ones. */
export enum Role {
  VIEWER = 'viewer',
  EDITOR = 'editor',
  ADMIN = 'admin',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'VIEWER reads; EDITOR also imports, trains and cancels; ADMIN also manages members.',
});
