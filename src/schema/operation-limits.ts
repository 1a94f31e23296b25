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
 *
 * A field can declare its own cost (type-graphql's `complexity` option): counts
 * (`totalCount`, `deviceCount`, `profileCount`) cost {@link COUNT_COST}, because a COUNT reads
 * every row it counts. A list's scalar fields beside its items (`totalCount`) are paid once per
 * list, not once per item.
 *
 * Size comes before both: an operation may write at most `maxFields` selections (fields,
 * aliases, fragment spreads), checked before validation, whose cost grows with the square of
 * aliases of one field. Any failure of the cost check itself refuses the operation: a document
 * the estimator cannot cost is not run unmeasured.
 */
import {
  GraphQLError,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
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
import { DEFAULT_PAGE_SIZE } from '../entities/pagination.js';

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

/**
 * What one COUNT costs: as much as a default page of rows ({@link DEFAULT_PAGE_SIZE}), since it
 * reads every row it counts (an index range at best). 2,000 aliased counts cost over 100,000;
 * the default limit still allows a page of 100 tokens with both their counts (about 390 counts
 * in one operation). What such counts cost in time is the time budget's business
 * (`GRAPHQL_OPERATION_TIMEOUT_MS`).
 */
export const COUNT_COST = DEFAULT_PAGE_SIZE;

/** Bytes, not fields, bound the parser: a document may hold this many tokens per allowed field. */
const TOKENS_PER_FIELD = 100;

/** The parser's token limit for these limits (`parse(..., { maxTokens })`), so a huge document is refused while it is read. */
export function maxDocumentTokens(limits: GraphQLLimits): number {
  return limits.maxFields * TOKENS_PER_FIELD;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- graphql's own field type is generic over any
type AnyField = GraphQLField<any, any>;

/** A field's own cost: its `complexity` extension (type-graphql's `complexity` option), else 1. */
function ownCost(field: AnyField): number {
  const declared = field.extensions?.complexity;
  return typeof declared === 'number' ? declared : 1;
}

/** Field nodes selected directly in a selection set, through inline and named fragments. */
function directFields(node: FieldNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldNode[] {
  const found: FieldNode[] = [];
  const walk = (selectionSet: SelectionSetNode | undefined, visiting: Set<string>): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) found.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, visiting);
      else if (!visiting.has(selection.name.value)) {
        walk(fragments.get(selection.name.value)?.selectionSet, new Set(visiting).add(selection.name.value));
      }
    }
  };
  walk(node.selectionSet, new Set());
  return found;
}

/** The cost of a paged list's scalar fields (`totalCount`): they are answered once per list. */
function oncePerListCost(field: AnyField, node: FieldNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): number {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return 0;
  const fields = type.getFields();
  let cost = 0;
  for (const child of directFields(node, fragments)) {
    const definition = fields[child.name.value];
    if (!definition || child.selectionSet) continue;
    const childType = isNonNullType(definition.type) ? definition.type.ofType : definition.type;
    if (!isListType(childType)) cost += ownCost(definition);
  }
  return cost;
}

function pagedListEstimator(fragments: ReadonlyMap<string, FragmentDefinitionNode>): ComplexityEstimator {
  return ({ field, node, args, childComplexity }) => {
    const own = ownCost(field);
    const pages = field.args.some((a) => a.name === 'first');
    if (!pages) return own + childComplexity;
    const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : DEFAULT_PAGE_SIZE;
    // @skip/@include may have left some of them out of childComplexity; never count them twice.
    const once = Math.min(oncePerListCost(field, node, fragments), childComplexity);
    return own + once + (childComplexity - once) * Math.max(size, 1);
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Selections written in the document (fields and aliases, fragment spreads, inline fragments), in every definition. */
export function documentSelectionCount(document: DocumentNode): number {
  let count = 0;
  const walk = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      count++;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) walk(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) walk(definition.selectionSet);
  }
  return count;
}

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
    estimators: [pagedListEstimator(fragmentsOf(document))],
  });
}

/** Costs already computed, per schema and parsed document (Apollo and graphql-ws reuse a document's parse). */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
/** Variable sets remembered per document; a document asked with more is forgotten and starts again. */
const COSTS_PER_DOCUMENT = 64;

/**
 * {@link operationComplexity}, computed once per document and the variables that can change it.
 * The cost reads only `first`/`last` (Int) and `@skip`/`@include` (Boolean) values, so variables
 * typed String or ID (cursors, search text) are left out of the key: paging with `after` reuses it.
 */
function cachedComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): number {
  const relevant: unknown[] = [operationName ?? null];
  for (const definition of operation.variableDefinitions ?? []) {
    let type = definition.type;
    while (type.kind !== Kind.NAMED_TYPE) type = type.type;
    if (type.name.value === 'String' || type.name.value === 'ID') continue;
    relevant.push(definition.variable.name.value, variables?.[definition.variable.name.value] ?? null);
  }
  const key = JSON.stringify(relevant);
  let byDocument = costs.get(schema);
  if (!byDocument) costs.set(schema, (byDocument = new WeakMap()));
  let known = byDocument.get(document);
  if (!known) byDocument.set(document, (known = new Map()));
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const complexity = operationComplexity(schema, document, variables, operationName);
  if (known.size >= COSTS_PER_DOCUMENT) known.clear();
  known.set(key, complexity);
  return complexity;
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

/**
 * QUERY_TOO_COMPLEX when the document writes more selections than `maxFields`, else null.
 * Checked before validation (HTTP: `validationDidStart`; websockets: before `validate`), whose
 * overlapping-fields rule costs the square of the aliases of one field.
 */
export function checkSize(limits: GraphQLLimits, document: DocumentNode): GraphQLError | null {
  const fields = documentSelectionCount(document);
  if (fields <= limits.maxFields) return null;
  return limitError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The operation selects ${fields} fields, aliases and fragments; the limit is ${limits.maxFields}. Split it into several requests.`,
    { fields, maxFields: limits.maxFields },
  );
}

/**
 * QUERY_TOO_COMPLEX when a valid operation could cost more than allowed, or cannot be costed at
 * all, else null.
 */
export function checkComplexity(
  schema: GraphQLSchema,
  limits: GraphQLLimits,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): GraphQLError | null {
  return measureComplexity(schema, limits, document, variables, operationName).error;
}

/**
 * {@link checkComplexity} with the cost it measured: what the per-key budget charges
 * (`cost-budget.ts`). `complexity` is null when there is nothing to cost (no such operation, bad
 * variables: execution reports those) or it could not be costed (then `error` says so).
 */
export function measureComplexity(
  schema: GraphQLSchema,
  limits: GraphQLLimits,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): { readonly complexity: number | null; readonly error: GraphQLError | null } {
  const operation = getOperationAST(document, operationName);
  // No operation to run: Apollo and graphql-ws report that themselves.
  if (!operation) return { complexity: null, error: null };
  // Bad variables: execution reports them as BAD_USER_INPUT, with graphql-js's own message.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return { complexity: null, error: null };
  let complexity: number;
  try {
    complexity = cachedComplexity(schema, document, operation, variables, operationName);
  } catch (error) {
    // Whatever went wrong (the estimator's own node limit, a bug), an operation that cannot be
    // costed does not run.
    const error_ = limitError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The operation's cost cannot be estimated (${(error as Error).message}). Split it into several requests.`,
      { maxComplexity: limits.maxComplexity },
    );
    return { complexity: null, error: error_ };
  }
  if (complexity <= limits.maxComplexity) return { complexity, error: null };
  const tooComplex = limitError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The operation could cost ${complexity}; the limit is ${limits.maxComplexity}. Ask for smaller pages (first/last) or fewer nested lists.`,
    { complexity, maxComplexity: limits.maxComplexity },
  );
  return { complexity, error: tooComplex };
}
