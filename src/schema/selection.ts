/**
 * Which fields a query selects on the items of a connection, so a list can read only the columns
 * they need (`DeviceType.columnsFor`): a page of 100 devices with every column costs SQLite and
 * the driver three times what the handful of columns a frontend shows does (bench/query.bench.ts).
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected on a connection's items (`edges { node { ... } }` and
 * `nodes { ... }`) by the field being resolved, through fragments and inline fragments; with
 * `path`, those selected under that path of item fields instead (`['enrollment']`: the fields of
 * each item's `enrollment`). A superset is fine (directives such as `@skip` are not evaluated:
 * their fields count as selected).
 */
export function connectionItemFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  const under = (set: SelectionSetNode | undefined, rest: readonly string[]): void => {
    eachField(info, set, (name, selections) => {
      if (rest.length === 0) names.add(name);
      else if (name === rest[0]) under(selections, rest.slice(1));
    });
  };
  for (const node of info.fieldNodes) {
    under(node.selectionSet, ['edges', 'node', ...path]);
    under(node.selectionSet, ['nodes', ...path]);
  }
  return names;
}

/** Calls `visit` with each field of `set`, fragments spread and inline fragments included. */
function eachField(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  visit: (name: string, selections: SelectionSetNode | undefined) => void,
  seen: Set<string> = new Set(),
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) visit(selection.name.value, selection.selectionSet);
    else if (selection.kind === Kind.INLINE_FRAGMENT) eachField(info, selection.selectionSet, visit, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      eachField(info, info.fragments[selection.name.value]?.selectionSet, visit, seen);
    }
  }
}
