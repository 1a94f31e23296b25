/**
 * `DateTime`: an instant as an ISO 8601 string, always sent in UTC with milliseconds
 * (`2026-09-01T08:00:00.000Z`). Input may use any offset (`+02:00`) but must carry one, so
 * "08:00" can never mean two different instants on two servers.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 instant with a time zone, such as 2026-09-01T08:00:00Z; got ${JSON.stringify(value)}.`,
    );
  }
  return new Date(value);
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601: sent as UTC with milliseconds (2026-09-01T08:00:00.000Z); accepted with any explicit offset.',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' ? parseInstant(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent a value that is not a valid date.');
    return date.toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.', { nodes: ast });
    return parseInstant(ast.value);
  },
});
