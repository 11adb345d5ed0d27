import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { compareRuns, Run as RunEntity } from '@strand/data';
import type { StrandContext } from '../context.ts';
import {
  ComparedEpoch,
  ComparedMetric,
  ParamDifference,
  RunComparison,
} from '../types/run-comparison.type.ts';
import { Run } from '../types/run.type.ts';

/** Most runs one comparison takes (its rows grow with runs × epochs × metrics). */
export const MAX_COMPARED_RUNS = 10;

@Resolver()
export class CompareRunsResolver {
  @Query(() => RunComparison, {
    description: `Runs side by side (1–${MAX_COMPARED_RUNS}): metric histories aligned by epoch and the parameters that differ. An id of no run the caller can read fails with NOT_FOUND.`,
  })
  async compareRuns(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<RunComparison> {
    const unique = [...new Set(ids)];
    if (unique.length < 1 || unique.length > MAX_COMPARED_RUNS) {
      throw new GraphQLError(
        `ids must name 1–${MAX_COMPARED_RUNS} different runs; got ${unique.length}`,
        { extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' } },
      );
    }
    const found = await em.find(RunEntity, {
      id: { $in: unique },
      project: { $in: viewer.projectIds },
    });
    const byId = new Map(found.map((run) => [run.id, run]));
    const missing = unique.find((id) => !byId.has(id));
    if (missing !== undefined) {
      throw new GraphQLError(`no run with id "${missing}"`, { extensions: { code: 'NOT_FOUND' } });
    }
    const runs = unique.map((id) => byId.get(id) as RunEntity);
    const result = await compareRuns(em, runs);
    return Object.assign(new RunComparison(), {
      runs: runs.map(Run.from),
      metricNames: result.metrics,
      epochs: result.epochs.map((row) =>
        Object.assign(new ComparedEpoch(), {
          epoch: row.epoch,
          metrics: result.metrics.map((name) =>
            Object.assign(new ComparedMetric(), { name, values: row.values[name] }),
          ),
        }),
      ),
      params: result.params.map((p) => Object.assign(new ParamDifference(), p)),
    });
  }
}
