/**
 * Depth and complexity limits, so one request cannot ask for a million rows (Apollo plugin for
 * HTTP, `onSubscribe` for websockets).
 *
 * Depth is structural: over HTTP it is a validation rule that reports first (on the document,
 * before any field is checked); over websockets it is checked before validation. The deepest
 * operation counts, following fragments; introspection (`__schema`, `__type`) is not counted,
 * so explorers keep working. Complexity needs a valid document and the variables, so it is
 * checked once the operation is resolved: one per field, and a list field that
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
  type ValidationRule,
} from 'graphql';
// The package's ESM build imports graphql/index.mjs, a second copy of graphql beside the CJS one
// that graphql 16's `main` gives everyone else ("from another module or realm"); its CJS build
// shares our instance.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import type { GraphQLLimits } from '../config.js';
import { ErrorCode, HomeroomError } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from '../services/pagination.js';

/** Nesting depth of the deepest operation in the document (it need not be valid yet). */
export function operationDepth(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
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
  return Math.max(0, ...operations.map((operation) => depthOf(operation.selectionSet, new Set())));
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

/**
 * A limit error as GraphQL wants it, carrying the HomeroomError with its code: Apollo relabels
 * validation errors GRAPHQL_VALIDATION_FAILED but keeps the original error, where
 * `formatError` finds the real code.
 */
function limitError(code: ErrorCode, message: string, details: Record<string, number>): GraphQLError {
  return new GraphQLError(message, {
    originalError: new HomeroomError(code, message, details),
    extensions: { code, ...details, http: { status: 400 } },
  });
}

/** QUERY_TOO_DEEP when the document nests deeper than allowed, else null. */
export function checkDepth(limits: GraphQLLimits, document: DocumentNode): GraphQLError | null {
  const depth = operationDepth(document);
  if (depth <= limits.maxDepth) return null;
  return limitError(
    ErrorCode.QUERY_TOO_DEEP,
    `The operation is ${depth} fields deep; the limit is ${limits.maxDepth}. Split it into several requests.`,
    {
      depth,
      maxDepth: limits.maxDepth,
    },
  );
}

/** The depth limit as a validation rule; it reports on the document, before any field error. */
export function depthLimitRule(limits: GraphQLLimits): ValidationRule {
  return (context) => ({
    Document(document) {
      const tooDeep = checkDepth(limits, document);
      if (tooDeep) context.reportError(tooDeep);
    },
  });
}

/** QUERY_TOO_COMPLEX when a valid operation could cost more than allowed, else null. */
export function checkComplexity(
  schema: GraphQLSchema,
  limits: GraphQLLimits,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): GraphQLError | null {
  let complexity: number;
  try {
    complexity = operationComplexity(schema, document, variables, operationName);
  } catch (error) {
    // Bad variables: execution reports them as BAD_USER_INPUT, with graphql-js's own message.
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  if (complexity <= limits.maxComplexity) return null;
  return limitError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The operation could cost ${complexity}; the limit is ${limits.maxComplexity}. Ask for smaller pages (first/last) or fewer nested lists.`,
    { complexity, maxComplexity: limits.maxComplexity },
  );
}
