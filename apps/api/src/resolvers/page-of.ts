import { GraphQLError } from 'graphql';
import { DataError, paginate } from '@strand/data';
import type { EntityName } from '@mikro-orm/core';
import type { Page } from '@strand/data';
import type { StrandContext } from '../context.ts';
import { checkPageSize } from '../limits/page-size.ts';
import type { PaginationArgs } from './pagination.args.ts';

interface ProjectOwned {
  id: string;
  createdAt: Date;
}

/**
 * One page of the caller's objects of a project-owned entity (datasets, runs): only rows of the
 * caller's projects, optionally one of them. A bad `first` or cursor is BAD_USER_INPUT.
 */
export async function pageOf<T extends ProjectOwned>(
  { em, viewer }: StrandContext,
  entity: EntityName<T>,
  { first, after, projectId }: PaginationArgs,
): Promise<Page<T>> {
  checkPageSize(first);
  const projects = projectId
    ? viewer.projectIds.filter((id) => id === projectId)
    : viewer.projectIds;
  try {
    return await paginate(em, entity, {
      first,
      after,
      where: { project: { $in: projects } } as never,
    });
  } catch (error) {
    throw badCursor(error);
  }
}

/** A DataError of paging (bad cursor or size) as BAD_USER_INPUT; any other error as it is. */
export function badCursor(error: unknown): unknown {
  return error instanceof DataError
    ? new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } })
    : error;
}
