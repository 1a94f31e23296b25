/**
 * Relay connections from one factory: `Connection(ApiKey, 'ApiKey')` gives `ApiKeyConnection`
 * and `ApiKeyEdge`, shaped exactly like the service layer's `Page<T>` so resolvers return
 * pages unchanged. `totalCount` is a method, so its COUNT runs only when a client selects it; it costs
 * `COUNT_COST` in the complexity limit.
 */
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { COUNT_COST } from './operation-limits.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Edge, type Page } from '../entities/pagination.js';

@ObjectType('PageInfo', { description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfoType {
  @Field(() => Boolean, { description: 'More items follow `endCursor`: page on with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items precede `startCursor`: page back with `before: startCursor`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; null on an empty page.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Forward paging: at most this many items after \`after\` (0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Forward paging: start after this cursor (an `endCursor` or edge `cursor`).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Backward paging: at most this many items before \`before\` (0 to ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Backward paging: end before this cursor (a `startCursor` or edge `cursor`).' })
  before?: string | null;
}

export type ConnectionType<T> = Page<T>;

/** A page of rows as a page of GraphQL objects (cursors and counts unchanged). */
export function mapPage<R, T>(page: Page<R>, from: (row: R) => T): Page<T> {
  return { edges: page.edges.map((e) => ({ cursor: e.cursor, node: from(e.node) })), pageInfo: page.pageInfo, totalCount: page.totalCount };
}

export function Connection<T extends object>(nodeType: ClassType<T>, typeName: string): ClassType<ConnectionType<T>> {
  @ObjectType(`${typeName}Edge`, { description: `One ${typeName} in a list, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Opaque position of this item; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${typeName}.` })
    node!: T;
  }

  @ObjectType(`${typeName}Connection`, { description: `A page of ${typeName} items (Relay cursor connection).` })
  class ConnectionClass implements ConnectionType<T> {
    @Field(() => [EdgeType], { description: 'The items of this page, in list order.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], {
      description: `The ${typeName} items of this page, in list order: \`edges\` without the cursors, for clients that page with \`pageInfo\` alone.`,
    })
    nodes(): T[] {
      return this.edges.map((edge) => edge.node);
    }

    @Field(() => PageInfoType, { description: 'Cursors and whether more items exist either side.' })
    pageInfo!: PageInfoType;

    @Field(() => Int, {
      description: 'How many items the whole list holds with these filters (counted only when asked for).',
      complexity: COUNT_COST,
    })
    totalCount(): Promise<number> {
      throw new Error('a connection is always built from a service Page, whose totalCount replaces this method');
    }
  }
  return ConnectionClass;
}
