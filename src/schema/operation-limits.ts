/**
 * Depth and complexity limits, checked once per operation before it executes (Apollo plugin for
 * HTTP, `onSubscribe` for websockets), so one request cannot ask for a million rows.
 *
 * Depth counts nested fields, following fragments; introspection (`__schema`, `__type`) is not
 * counted, so explorers keep working. Complexity counts one per field, and a list field that
 * pages (`first`/`last`) multiplies what it selects by its page size, defaulting to the
 * default page size: `tokens(first: 100) { devices(first: 500) { id } }` costs about 50,000.
 */
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
// The package's ESM build imports graphql/index.mjs, a second copy of graphql beside the CJS one
// that graphql 16's `main` gives everyone else ("from another module or realm"); its CJS build
// shares our instance.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import type { GraphQLLimits } from '../config.js';
import { ErrorCode } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from '../services/pagination.js';

export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const depthOf = (selectionSet: SelectionSetNode | undefined, visiting: Set<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation rejects fragment cycles; guard anyway so a bad document cannot hang us.
        if (!fragment || visiting.has(name)) continue;
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set(visiting).add(name)));
      }
    }
    return deepest;
  };
  return operation ? depthOf(operation.selectionSet, new Set()) : 0;
}

const pagedListEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const pages = field.args.some((a) => a.name === 'first');
  if (!pages) return 1 + childComplexity;
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.max(size, 1);
};

export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [pagedListEstimator],
  });
}

/** The limit the operation breaks, as a GraphQL error with its code, or null. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  limits: GraphQLLimits,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): GraphQLError | null {
  const depth = operationDepth(document, operationName);
  if (depth > limits.maxDepth) {
    return new GraphQLError(`The operation is ${depth} fields deep; the limit is ${limits.maxDepth}. Split it into several requests.`, {
      extensions: { code: ErrorCode.QUERY_TOO_DEEP, depth, maxDepth: limits.maxDepth, http: { status: 400 } },
    });
  }
  const complexity = operationComplexity(schema, document, variables, operationName);
  if (complexity > limits.maxComplexity) {
    return new GraphQLError(
      `The operation could cost ${complexity}; the limit is ${limits.maxComplexity}. Ask for smaller pages (first/last) or fewer nested lists.`,
      { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, complexity, maxComplexity: limits.maxComplexity, http: { status: 400 } } },
    );
  }
  return null;
}
