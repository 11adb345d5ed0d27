import { GraphQLError } from 'graphql';
import type { ASTNode } from 'graphql';

/** A request over one of the limits; `code` says which (QUERY_TOO_COMPLEX, QUERY_TOO_DEEP, …). */
export class LimitError extends GraphQLError {
  constructor(code: string, message: string, nodes?: readonly ASTNode[]) {
    super(message, { nodes, extensions: { code } });
    this.name = 'LimitError';
  }
}
