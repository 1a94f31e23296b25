/**
 * What a field-set mixin builds on. Some field sets belong to two GraphQL types, one a `Node`
 * and one not (a sync run and its progress events share their counts): TypeScript classes have
 * one parent, so such a set is a function from a base class to a class with the fields
 * (type-graphql passes a parent's fields to its object types), declared once.
 */

/** A class to build on: `Node` for refetchable types, `Object` for value objects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires a mixin's base to take `any[]`
export type AbstractClass = abstract new (...args: any[]) => object;
