import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Dataset as DatasetEntity, paginate } from '@strand/data';
import type { StrandContext } from '../context.ts';
import { CreateDemoDatasetInput } from '../inputs/create-demo-dataset.input.ts';
import { Dataset, DatasetConnection } from '../types/dataset.type.ts';
import { CreateDatasetPayload } from '../types/payloads.type.ts';
import { toUserErrors } from '../types/user-error.type.ts';
import { PaginationArgs } from './pagination.args.ts';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => DatasetConnection, { description: 'Datasets, newest first.' })
  async datasets(
    @Args(() => PaginationArgs) { first, after }: PaginationArgs,
    @Ctx() { em }: StrandContext,
  ) {
    const page = await paginate(em, DatasetEntity, { first, after });
    return DatasetConnection.from(page, Dataset.from);
  }

  @Query(() => Dataset, { nullable: true })
  async dataset(@Arg('id', () => ID) id: string, @Ctx() { em }: StrandContext) {
    const entity = await em.findOne(DatasetEntity, { id });
    return entity ? Dataset.from(entity) : null;
  }

  @Mutation(() => CreateDatasetPayload, { description: 'Makes a planted-motif demo dataset.' })
  async createDemoDataset(
    @Arg('input', () => CreateDemoDatasetInput) input: CreateDemoDatasetInput,
    @Ctx() { em, jobs }: StrandContext,
  ): Promise<CreateDatasetPayload> {
    const outcome = await jobs.createDemoDataset(em, input);
    return outcome.ok
      ? { dataset: Dataset.from(outcome.value), userErrors: [] }
      : { dataset: null, userErrors: toUserErrors(outcome.errors) };
  }
}
