/**
 * Opaque global IDs: `base64url("<GraphQL type>:<row key>")`.
 *
 * Clients must treat them as opaque strings; they are only ever decoded here. The type name
 * lets `node(id:)` find the right table and keeps an API key's id from being accepted where a
 * device's is expected.
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

/** The row key of a global ID of the given type whose keys are integers, or null. */
export function integerKeyOf(id: string, typeName: string): number | null {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.typeName !== typeName || !/^[1-9]\d{0,15}$/.test(decoded.key)) return null;
  return Number(decoded.key);
}
