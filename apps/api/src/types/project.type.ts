import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { Project as ProjectEntity } from '@strand/data';
import { Node } from './node.interface.ts';
import { Role } from './role.enum.ts';

@ObjectType({ implements: Node, description: 'A workspace: its datasets, runs and members.' })
export class Project implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Unique, URL-safe.' })
  slug!: string;

  @Field(() => Role, { description: "The caller's role in this project." })
  viewerRole!: Role;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  static from(entity: ProjectEntity, viewerRole: string): Project {
    return Object.assign(new Project(), {
      id: entity.id,
      name: entity.name,
      slug: entity.slug,
      viewerRole: viewerRole as Role,
      createdAt: entity.createdAt,
    });
  }
}
