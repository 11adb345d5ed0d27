import { registerEnumType } from 'type-graphql';

/** Which way a sorted list runs. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending.' });
