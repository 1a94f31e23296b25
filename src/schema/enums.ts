/**
 * Registers the domain enums with type-graphql, with a description on every value. The enums
 * themselves live beside the rules that use them (services, errors) and know nothing of GraphQL.
 * Services that name their values as string-literal types get a GraphQL enum from
 * {@link describedEnum}, where the type checker holds the descriptions to every value.
 */
import { registerEnumType } from 'type-graphql';
import { ERROR_CODE_DESCRIPTIONS, ErrorCode } from '../errors.js';
import { AuditOutcome } from '../entities/audit-event.entity.js';
import { Permission, PERMISSION_DESCRIPTIONS, Role, ROLE_DESCRIPTIONS } from '../permissions.js';

/**
 * A GraphQL enum for a string-literal type: a description for every value is required by the
 * `Record`, so a value added to the type without one does not compile. Returns the enum object
 * to name in `@Field(() => ...)`.
 */
export function describedEnum<T extends string>(name: string, description: string, values: Record<T, string>): Record<T, T> {
  const enumObject = Object.fromEntries(Object.keys(values).map((key) => [key, key])) as Record<T, T>;
  return describeEnum(enumObject, name, description, values);
}

/** Registers an enum object declared elsewhere (an entity's word set), with a description for each of its values. */
function describeEnum<E extends object>(
  enumObject: E,
  name: string,
  description: string,
  values: Record<Extract<E[keyof E], string>, string>,
): E {
  // The enum's keys are its values (string enums and word sets alike), so its descriptions key both.
  const valuesConfig = describeEach(values) as Partial<Record<keyof E, { description: string }>>;
  registerEnumType(enumObject, { name, description, valuesConfig });
  return enumObject;
}

function describeEach<T extends string>(descriptions: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries(descriptions).map(([k, d]) => [k, { description: d }])) as Record<T, { description: string }>;
}

describeEnum(
  ErrorCode,
  'ErrorCode',
  'Every code a client can find in `errors[].extensions.code`. Expected failures are raised as GraphQL errors with one of these codes; nothing is changed when a mutation fails.',
  ERROR_CODE_DESCRIPTIONS,
);

describeEnum(
  Role,
  'Role',
  "An API key's role: a fixed bundle of permissions, after Intune's Enrollment programs permissions.",
  ROLE_DESCRIPTIONS,
);

describeEnum(Permission, 'Permission', 'One thing a role allows. Operations document the permission they need.', PERMISSION_DESCRIPTIONS);

describeEnum(AuditOutcome, 'AuditOutcome', 'How an audited attempt ended.', {
  SUCCEEDED: 'The change was made and committed.',
  FAILED: 'Nothing was changed; `errorCode` says why.',
});
