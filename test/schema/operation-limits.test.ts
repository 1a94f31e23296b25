import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { buildSchemaShape } from '../../src/schema/build-schema.js';
import { ErrorCode, HomeroomError } from '../../src/errors.js';
import {
  checkComplexity,
  checkDepth,
  checkSize,
  COUNT_COST,
  depthLimitRule,
  documentSelectionCount,
  measureComplexity,
  operationComplexity,
  operationDepth,
} from '../../src/schema/operation-limits.js';
import { DEFAULT_PAGE_SIZE } from '../../src/entities/pagination.js';

/** `apiKeys` selecting edges { node { name } }: 3 below the list, so it costs 1 + 3 × page size. */
/** The limits these tests do not vary. */
const BASE = { maxFields: 500, operationTimeoutMs: 10_000 };

const apiKeys = (args: string) => `apiKeys${args} { edges { node { name } } }`;

describe('operationDepth', () => {
  it('counts nested fields', () => {
    expect(operationDepth(parse('{ viewer { apiKey { name } } }'))).toBe(3);
    expect(operationDepth(parse('{ viewer { name } }'))).toBe(2);
    expect(operationDepth(parse('{ viewer { name apiKey { name } } apiKeys { totalCount } }'))).toBe(3);
  });

  it('follows named fragments, including nested ones', () => {
    const document = parse(`
      query { viewer { ...ViewerFields } }
      fragment ViewerFields on Viewer { name apiKey { ...KeyFields } }
      fragment KeyFields on ApiKey { name }
    `);
    expect(operationDepth(document)).toBe(3);
  });

  it('follows inline fragments without counting them as a level', () => {
    expect(operationDepth(parse('{ viewer { ... on Viewer { apiKey { ... { name } } } } }'))).toBe(3);
  });

  it('does not count __schema, __type or __typename', () => {
    expect(operationDepth(parse('{ __schema { types { fields { type { ofType { name } } } } } }'))).toBe(0);
    expect(operationDepth(parse('{ __type(name: "ApiKey") { fields { name } } viewer { __typename name } }'))).toBe(2);
  });

  it('measures the deepest operation of the document, whichever is sent', () => {
    const document = parse(`
      query Short { viewer { name } }
      query Deep { viewer { apiKey { name } } }
      query Shorter { viewer { name } }
    `);
    expect(operationDepth(document)).toBe(3);
    expect(operationDepth(parse('query Short { viewer { name } }'))).toBe(2);
  });

  it('is 0 for a document without operations', () => {
    expect(operationDepth(parse('fragment F on Viewer { apiKey { name } }'))).toBe(0);
  });

  it('stops at a fragment cycle instead of recursing forever', () => {
    const document = parse(`
      query { viewer { ...Loop } }
      fragment Loop on Viewer { apiKey { name } ...Loop }
    `);
    expect(operationDepth(document)).toBe(3);
  });
});

describe('operationComplexity', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchemaShape([...RESOLVERS]);
  });

  it('counts one per field', () => {
    expect(operationComplexity(schema, parse('{ viewer { apiKey { name } } }'), undefined)).toBe(3);
  });

  it('multiplies what a paged list selects by first, or by last', () => {
    expect(operationComplexity(schema, parse(`{ ${apiKeys('(first: 10)')} }`), {})).toBe(31);
    expect(operationComplexity(schema, parse(`{ ${apiKeys('(last: 4)')} }`), {})).toBe(13);
    expect(operationComplexity(schema, parse('{ apiKeys(first: 10) { edges { node { name role } } } }'), {})).toBe(41);
  });

  it(`charges totalCount COUNT_COST (${COUNT_COST}), once per list rather than once per item`, () => {
    expect(operationComplexity(schema, parse('{ apiKeys(first: 10) { totalCount edges { node { name role } } } }'), {})).toBe(
      1 + COUNT_COST + 10 * 4,
    );
    expect(
      operationComplexity(schema, parse('{ apiKeys(first: 10) { ...Count } } fragment Count on ApiKeyConnection { totalCount }'), {}),
    ).toBe(1 + COUNT_COST);
  });

  it('charges every aliased count, so 2,000 counts cost over 100,000', () => {
    const counts = Array.from({ length: 2000 }, (_, i) => `c${i}: devices(filter: { serialContains: "X" }) { totalCount }`).join(' ');
    const document = parse(`{ enrollmentProgramTokens(first: 1) { edges { node { ${counts} } } } }`);
    expect(operationComplexity(schema, document, {})).toBeGreaterThan(2000 * COUNT_COST);
  });

  it(`charges a token's deviceCount and profileCount COUNT_COST each, per token`, () => {
    const document = parse('{ enrollmentProgramTokens(first: 10) { edges { node { deviceCount profileCount } } } }');
    expect(operationComplexity(schema, document, {})).toBe(1 + 10 * (1 + 1 + 2 * COUNT_COST));
  });

  it(`assumes the default page size of ${DEFAULT_PAGE_SIZE} when the list gives no size`, () => {
    expect(operationComplexity(schema, parse(`{ ${apiKeys('')} }`), {})).toBe(1 + 3 * DEFAULT_PAGE_SIZE);
  });

  it('counts first: 0 as one item', () => {
    expect(operationComplexity(schema, parse(`{ ${apiKeys('(first: 0)')} }`), {})).toBe(4);
  });

  it('reads the page size from variables', () => {
    const document = parse(`query Keys($n: Int) { ${apiKeys('(first: $n)')} }`);
    expect(operationComplexity(schema, document, { n: 7 })).toBe(22);
    expect(operationComplexity(schema, document, {})).toBe(1 + 3 * DEFAULT_PAGE_SIZE);
  });

  it('adds up root fields and picks the named operation', () => {
    const document = parse(`
      query Small { viewer { name } ${apiKeys('(first: 2)')} }
      query Big { ${apiKeys('(first: 100)')} }
    `);
    expect(operationComplexity(schema, document, {}, 'Small')).toBe(2 + 7);
    expect(operationComplexity(schema, document, {}, 'Big')).toBe(301);
  });
});

describe('checkDepth', () => {
  it('returns null at or below maxDepth', () => {
    expect(checkDepth({ ...BASE, maxDepth: 3, maxComplexity: 100 }, parse('{ viewer { apiKey { name } } }'))).toBeNull();
    expect(checkDepth({ ...BASE, maxDepth: 12, maxComplexity: 100 }, parse(`{ ${apiKeys('')} }`))).toBeNull();
  });

  it('refuses an operation deeper than maxDepth with QUERY_TOO_DEEP and the limit', () => {
    const error = checkDepth({ ...BASE, maxDepth: 3, maxComplexity: 100_000 }, parse(`{ ${apiKeys('(first: 1)')} }`));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.message).toBe('The operation is 4 fields deep; the limit is 3. Split it into several requests.');
    expect(error!.extensions).toEqual({ code: ErrorCode.QUERY_TOO_DEEP, depth: 4, maxDepth: 3, http: { status: 400 } });
    expect(error!.originalError).toBeInstanceOf(HomeroomError);
    expect(error!.originalError).toMatchObject({ code: ErrorCode.QUERY_TOO_DEEP, details: { depth: 4, maxDepth: 3 } });
  });

  it('counts a deep operation even when another one is the first in the document', () => {
    const document = parse(`query Short { viewer { name } } query Deep { ${apiKeys('(first: 1)')} }`);
    expect(checkDepth({ ...BASE, maxDepth: 3, maxComplexity: 100 }, document)?.extensions.code).toBe(ErrorCode.QUERY_TOO_DEEP);
  });
});

describe('depthLimitRule', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchemaShape([...RESOLVERS]);
  });

  it('reports QUERY_TOO_DEEP as a validation error on a document that is too deep', () => {
    const errors = validate(schema, parse(`{ ${apiKeys('(first: 1)')} }`), [depthLimitRule({ ...BASE, maxDepth: 3, maxComplexity: 100 })]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: ErrorCode.QUERY_TOO_DEEP, depth: 4, maxDepth: 3 });
  });

  it('reports nothing on a document within the limit', () => {
    expect(
      validate(schema, parse('{ viewer { apiKey { name } } }'), [depthLimitRule({ ...BASE, maxDepth: 3, maxComplexity: 100 })]),
    ).toEqual([]);
  });
});

describe('checkComplexity', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchemaShape([...RESOLVERS]);
  });
  const limits = { ...BASE, maxDepth: 12, maxComplexity: 100 };

  it('returns null for an operation within the limit, including one exactly at it', () => {
    expect(checkComplexity(schema, limits, parse('{ viewer { apiKey { name } } }'), {})).toBeNull();
    expect(operationComplexity(schema, parse(`{ ${apiKeys('(first: 33)')} }`), {})).toBe(100);
    expect(checkComplexity(schema, limits, parse(`{ ${apiKeys('(first: 33)')} }`), {})).toBeNull();
  });

  it('refuses an operation costlier than maxComplexity with QUERY_TOO_COMPLEX and the limit', () => {
    const error = checkComplexity(schema, limits, parse(`{ ${apiKeys('(first: 34)')} }`), {});
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.extensions).toEqual({ code: ErrorCode.QUERY_TOO_COMPLEX, complexity: 103, maxComplexity: 100, http: { status: 400 } });
    expect(error!.message).toContain('could cost 103; the limit is 100');
    expect(error!.originalError).toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX, details: { complexity: 103, maxComplexity: 100 } });
  });

  it('checks the page sizes given in variables', () => {
    const document = parse(`query Keys($n: Int) { ${apiKeys('(first: $n)')} }`);
    expect(checkComplexity(schema, limits, document, { n: 500 })?.extensions).toMatchObject({
      code: ErrorCode.QUERY_TOO_COMPLEX,
      complexity: 1501,
    });
    expect(checkComplexity(schema, limits, document, { n: 2 })).toBeNull();
  });

  it('costs one parsed document again for each page size and @include value, whatever its cursor (costs are kept per document)', () => {
    const document = parse(
      `query Keys($n: Int, $after: String, $more: Boolean!) { a: ${apiKeys('(first: $n, after: $after)')} b: apiKeys(first: 2) @include(if: $more) { totalCount } }`,
    );
    const cost = (variables: Record<string, unknown>) => measureComplexity(schema, limits, document, variables).complexity;
    expect(cost({ n: 2, after: null, more: false })).toBe(7);
    expect(cost({ n: 2, after: 'a-cursor', more: false })).toBe(7);
    expect(cost({ n: 10, after: 'a-cursor', more: false })).toBe(31);
    expect(cost({ n: 10, after: 'a-cursor', more: true })).toBe(31 + 1 + COUNT_COST);
    expect(cost({ n: 2, after: 'another', more: false })).toBe(7);
  });

  it('leaves bad variables to execution and returns null', () => {
    const document = parse(`query Keys($n: Int) { ${apiKeys('(first: $n)')} }`);
    expect(checkComplexity(schema, limits, document, { n: 'many' })).toBeNull();
  });

  it('refuses with QUERY_TOO_COMPLEX an operation the estimator cannot cost (its node limit) instead of letting it run', () => {
    const padded = `{ ${'__typename '.repeat(10_000)} ${apiKeys('(first: 500)')} }`;
    const error = checkComplexity(schema, { ...limits, maxComplexity: 20_000 }, parse(padded), {});
    expect(error?.extensions).toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX, maxComplexity: 20_000 });
    expect(error!.message).toContain('cannot be estimated');
  });

  it('checks the operation named by operationName', () => {
    const document = parse(`
      query Small { viewer { name } }
      query Big { ${apiKeys('(first: 500)')} }
    `);
    expect(checkComplexity(schema, limits, document, {}, 'Small')).toBeNull();
    expect(checkComplexity(schema, limits, document, {}, 'Big')?.extensions.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
  });
});

describe('checkSize', () => {
  const limits = { ...BASE, maxDepth: 12, maxComplexity: 100_000, maxFields: 10 };

  it('counts fields, aliases, fragment spreads and inline fragments written in every definition', () => {
    expect(documentSelectionCount(parse('{ viewer { name } }'))).toBe(2);
    expect(
      documentSelectionCount(parse('{ a: viewer { name } b: viewer { ...V ... on Viewer { name } } } fragment V on Viewer { name }')),
    ).toBe(7);
  });

  it('returns null at the limit', () => {
    expect(checkSize(limits, parse(`{ ${'__typename '.repeat(10)}}`))).toBeNull();
  });

  it('refuses more selections than maxFields with QUERY_TOO_COMPLEX, fields and maxFields', () => {
    const error = checkSize(limits, parse(`{ ${'__typename '.repeat(11)}}`));
    expect(error?.extensions).toEqual({ code: ErrorCode.QUERY_TOO_COMPLEX, fields: 11, maxFields: 10, http: { status: 400 } });
    expect(error!.originalError).toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX });
  });
});
