import { GraphQLError } from 'graphql';
import { DataError, findRuns, TrackingError } from '@strand/data';
import type { Page, Run as RunEntity, RunOrder } from '@strand/data';
import type { StrandContext } from '../context.ts';
import { checkPageSize } from '../limits/page-size.ts';
import type { RunOrderInput } from '../inputs/run-order.input.ts';
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
  if (orderBy?.metric != null && orderBy.field != null) {
    throw new GraphQLError('orderBy: give metric or field, not both', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const order: RunOrder | null = orderBy ? orderOf(orderBy) : null;
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

function orderOf({ metric, field, direction }: RunOrderInput): RunOrder {
  if (metric != null) return { by: 'metric', metric, direction };
  if (field != null) return { by: 'column', column: field, direction };
  return { by: 'createdAt', direction };
}
