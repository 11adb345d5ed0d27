import { GraphQLError } from 'graphql';
import type { ValidationRule } from 'graphql';

/**
 * Production's introspection switch, as a validation rule so that HTTP and WebSocket share it:
 * `__schema` and `__type` are refused (GRAPHQL_VALIDATION_FAILED, validationErrorCode
 * INTROSPECTION_DISABLED, as Apollo's own rule says). `__typename` stays: clients need it.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name !== '__schema' && name !== '__type') return;
    context.reportError(
      new GraphQLError(
        `GraphQL introspection is not allowed here, but the query contained ${name}`,
        {
          nodes: [node],
          extensions: {
            code: 'GRAPHQL_VALIDATION_FAILED',
            validationErrorCode: 'INTROSPECTION_DISABLED',
          },
        },
      ),
    );
  },
});
