import { ArgsType, Field, Int } from 'type-graphql';

/** A page of a project's runs or datasets (the project is given by the parent). */
@ArgsType()
export class ProjectPageArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      'Page size: 1–100, default 20; outside that range the query fails (BAD_USER_INPUT).',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of the previous page.',
  })
  after?: string | null;
}
