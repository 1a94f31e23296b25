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
  registerEnumType(enumObject, { name, description, valuesConfig: describeEach(values) });
  return enumObject;
}

function describeEach<T extends string>(descriptions: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries(descriptions).map(([k, d]) => [k, { description: d }])) as Record<T, { description: string }>;
}

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description:
    'Every code a client can find in `errors[].extensions.code`. Expected failures are raised as GraphQL errors with one of these codes; nothing is changed when a mutation fails.',
  valuesConfig: describeEach(ERROR_CODE_DESCRIPTIONS),
});

registerEnumType(Role, {
  name: 'Role',
  description: "An API key's role: a fixed bundle of permissions, after Intune's Enrollment programs permissions.",
  valuesConfig: describeEach(ROLE_DESCRIPTIONS),
});

registerEnumType(Permission, {
  name: 'Permission',
  description: 'One thing a role allows. Operations document the permission they need.',
  valuesConfig: describeEach(PERMISSION_DESCRIPTIONS),
});

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'How an audited attempt ended.',
  valuesConfig: {
    SUCCEEDED: { description: 'The change was made and committed.' },
    FAILED: { description: 'Nothing was changed; `errorCode` says why.' },
  },
});
