// What the plain HTTP routes beside /graphql (job files, job references) share: their JSON error
// answer, and the caller's context or the answer refusing it.
import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { StrandContext } from '../context.ts';

/** An error answer in GraphQL's shape: `{ errors: [{ message, code }] }`, never cached. */
export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ errors: [{ message, code }] }));
}

/**
 * The caller's context, or null once the refusal is answered: 401 UNAUTHENTICATED, 429
 * RATE_LIMITED, 400 otherwise (`context` authenticates and applies the rate limits).
 */
export async function routeContext(
  res: ServerResponse,
  context: () => Promise<StrandContext>,
): Promise<StrandContext | null> {
  try {
    return await context();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = String(error.extensions.code);
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'RATE_LIMITED' ? 429 : 400;
    sendError(res, status, code, error.message);
    return null;
  }
}
