import { GraphQLError } from 'graphql';
import { DataError, findRuns, TrackingError } from '@strand/data';
import type { Page, Run as RunEntity, RunOrder } from '@strand/data';
import type { StrandContext } from '../context.ts';
import { checkPageSize } from '../limits/page-size.ts';
import type { RunsArgs } from './runs.args.ts';

/**
 * A page of the caller's runs (optionally of one project), filtered and sorted. A bad page
 * size, cursor, metric or parameter is BAD_USER_INPUT.
 */
export async function filteredRuns(
  { em, viewer }: StrandContext,
  args: RunsArgs,
): Promise<Page<RunEntity>> {
  checkPageSize(args.first);
  const projectIds = args.projectId
    ? viewer.projectIds.filter((id) => id === args.projectId)
    : viewer.projectIds;
  const { filter, orderBy } = args;
  const order: RunOrder | null = orderBy
    ? orderBy.metric != null
      ? { by: 'metric', metric: orderBy.metric, direction: orderBy.direction }
      : { by: 'createdAt', direction: orderBy.direction }
    : null;
  try {
    return await findRuns(em, {
      projectIds,
      first: args.first,
      after: args.after,
      orderBy: order,
      filter: filter && {
        statuses: filter.status,
        architecture: filter.architecture,
        datasetId: filter.datasetId,
        tag: filter.tag,
        param: filter.param,
      },
    });
  } catch (error) {
    if (error instanceof DataError || error instanceof TrackingError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    throw error;
  }
}
