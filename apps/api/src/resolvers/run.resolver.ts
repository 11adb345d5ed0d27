import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Dataset as DatasetEntity, epochHistory, paginate, Run as RunEntity } from '@strand/data';
import type { StrandContext } from '../context.ts';
import { StartTrainingInput } from '../inputs/start-training.input.ts';
import { Dataset } from '../types/dataset.type.ts';
import { EpochMetrics } from '../types/epoch-metrics.type.ts';
import { toMetrics } from '../types/metric.type.ts';
import { CancelRunPayload, StartTrainingPayload } from '../types/payloads.type.ts';
import { Run, RunConnection } from '../types/run.type.ts';
import { toUserErrors, UserError } from '../types/user-error.type.ts';
import { PaginationArgs } from './pagination.args.ts';

@Resolver(() => Run)
export class RunResolver {
  @Query(() => RunConnection, { description: 'Training runs, newest first.' })
  async runs(
    @Args(() => PaginationArgs) { first, after }: PaginationArgs,
    @Ctx() { em }: StrandContext,
  ) {
    const page = await paginate(em, RunEntity, { first, after });
    return RunConnection.from(page, Run.from);
  }

  @Query(() => Run, { nullable: true })
  async run(@Arg('id', () => ID) id: string, @Ctx() { em }: StrandContext) {
    const entity = await em.findOne(RunEntity, { id });
    return entity ? Run.from(entity) : null;
  }

  @FieldResolver(() => Dataset)
  async dataset(@Root() run: Run, @Ctx() { em }: StrandContext) {
    return Dataset.from(await em.findOneOrFail(DatasetEntity, { id: run.datasetId }));
  }

  @FieldResolver(() => [EpochMetrics], {
    description: 'Stored metrics of every finished epoch, in order.',
  })
  async history(@Root() run: Run, @Ctx() { em }: StrandContext) {
    const epochs = await epochHistory(em, run.id);
    return epochs.map((e) =>
      Object.assign(new EpochMetrics(), {
        epoch: e.epoch,
        metrics: toMetrics(e.metrics),
        samplesPerSecond: e.samplesPerSecond,
        seconds: e.seconds,
      }),
    );
  }

  @Mutation(() => StartTrainingPayload, { description: 'Queues a training run.' })
  async startTraining(
    @Arg('input', () => StartTrainingInput) input: StartTrainingInput,
    @Ctx() { em, jobs }: StrandContext,
  ): Promise<StartTrainingPayload> {
    let config: Record<string, unknown> | null = null;
    if (input.config) {
      try {
        const parsed: unknown = JSON.parse(input.config);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        config = parsed as Record<string, unknown>;
      } catch {
        const error = Object.assign(new UserError(), {
          field: 'config',
          code: 'INVALID_CONFIG',
          message: 'config must be a JSON object, e.g. {"filters": 32}',
        });
        return { run: null, userErrors: [error] };
      }
    }
    const outcome = await jobs.startTraining(em, { ...input, config });
    return outcome.ok
      ? { run: Run.from(outcome.value), userErrors: [] }
      : { run: null, userErrors: toUserErrors(outcome.errors) };
  }

  @Mutation(() => CancelRunPayload, {
    description: 'Cancels a queued run, or stops a running one after its current batch.',
  })
  async cancelRun(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, jobs }: StrandContext,
  ): Promise<CancelRunPayload> {
    const outcome = await jobs.cancelRun(em, id);
    return outcome.ok
      ? { run: Run.from(outcome.value), userErrors: [] }
      : { run: null, userErrors: toUserErrors(outcome.errors) };
  }
}
