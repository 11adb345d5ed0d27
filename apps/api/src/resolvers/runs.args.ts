import { ArgsType, Field } from 'type-graphql';
import { RunFilterInput } from '../inputs/run-filter.input.ts';
import { RunOrderInput } from '../inputs/run-order.input.ts';
import { PaginationArgs } from './pagination.args.ts';

/**
 * The `runs` list: a page, filtered and sorted. Cursors carry the sort key, so `after` only
 * continues a list with the same orderBy (another gives BAD_USER_INPUT).
 */
@ArgsType()
export class RunsArgs extends PaginationArgs {
  @Field(() => RunFilterInput, { nullable: true })
  filter?: RunFilterInput | null;

  @Field(() => RunOrderInput, { nullable: true, description: 'Default: newest first.' })
  orderBy?: RunOrderInput | null;
}
