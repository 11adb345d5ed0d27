import { ArgsType, Field, ID } from 'type-graphql';
import { ProjectPageArgs } from './project-page.args.ts';

/** A page of the caller's items, optionally of one project. */
@ArgsType()
export class PaginationArgs extends ProjectPageArgs {
  @Field(() => ID, { nullable: true, description: "Only this project's items." })
  projectId?: string | null;
}
