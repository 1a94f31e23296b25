/**
 * Opaque global IDs: `base64url("<GraphQL type>:<row key>")`.
 *
 * Clients must treat them as opaque strings; they are only ever decoded here. The type name
 * lets `node(id:)` find the right table and keeps an API key's id from being accepted where a
 * device's is expected.
 *
 * It lives at the root of src/, below both `errors.ts` and `schema/`, because services name
 * missing rows by global ID (`rowNotFound`) and must not reach into the GraphQL layer for it: the
 * format is plain text and imports nothing.
 */
export function toGlobalId(typeName: string, key: string | number): string {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  readonly typeName: string;
  readonly key: string;
}

/** Returns null for anything that is not a global ID this server could have made. */
export function fromGlobalId(id: string): DecodedGlobalId | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z0-9]*):(.+)$/.exec(text);
  if (!match || toGlobalId(match[1]!, match[2]!) !== id) return null;
  return { typeName: match[1]!, key: match[2]! };
}

/** Largest row id: ids are `integer` columns, 32-bit on PostgreSQL. */
export const MAX_ROW_ID = 2_147_483_647;

/** An integer row key from its text form, or null when it cannot name a row. */
export function parseRowId(key: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(key)) return null;
  const id = Number(key);
  return id <= MAX_ROW_ID ? id : null;
}

/** The row key of a global ID of the given type whose keys are integers, or null. */
export function integerKeyOf(id: string, typeName: string): number | null {
  const decoded = fromGlobalId(id);
  return decoded && decoded.typeName === typeName ? parseRowId(decoded.key) : null;
}
