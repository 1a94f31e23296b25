/**
 * The Relay `Node` interface. Every object a client can refetch extends this class: its
 * database key stays `id` in TypeScript, while GraphQL's `id` is the opaque global ID built
 * from the GraphQL type name (which is the class name) and that key.
 */
import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from '../global-id.js';

@InterfaceType('Node', { description: 'An object with a global ID that `node(id:)` can fetch again.' })
export abstract class Node {
  /** Database key; not exposed as such. */
  abstract id: number;

  @Field(() => ID, {
    name: 'id',
    description: 'Opaque global ID. Stable for the life of the object; pass it to `node(id:)` or to mutations.',
  })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
