import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class PaginationArgs {
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

  @Field(() => ID, { nullable: true, description: "Only this project's items." })
  projectId?: string | null;
}
