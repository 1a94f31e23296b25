/**
 * Reads the API key from `Authorization: Bearer <key>` (HTTP) or
 * `connectionParams.authorization` (graphql-ws), the same way for both.
 */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return match ? match[1]! : null;
}
