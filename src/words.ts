/**
 * Closed sets of words written once. A set is an object whose keys are its values
 * (`SyncKind.FULL` is `'FULL'`), so code reads `SyncKind.FULL` as it would an enum member while the
 * union type derives from the same object: `type SyncKind = (typeof SyncKind)[keyof typeof SyncKind]`.
 * Part of the shared vocabulary, below every layer: entities, error codes and permissions use it.
 */

/** The set of the words given. */
export function wordsOf<const T extends string>(...words: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(words.map((word) => [word, word])) as { readonly [K in T]: K };
}

/**
 * The set of a table's keys, for a vocabulary whose every word carries something (a description,
 * an Apple key): the table is the one list, and the set derives from it, in its order.
 */
export function wordsOfKeys<const T extends Readonly<Record<string, unknown>>>(table: T): { readonly [K in keyof T & string]: K } {
  return Object.fromEntries(Object.keys(table).map((word) => [word, word])) as { readonly [K in keyof T & string]: K };
}
