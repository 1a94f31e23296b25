/** Filters of a token's `devices` connection, and their translation for the sync service. */
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { EnrollmentStateName } from '../entities/device-enrollment.entity.js';
import { badInput } from '../errors.js';
import { checkOneLineText } from '../text-input.js';
import { ConnectionArgs } from '../schema/connection.type.js';
import { describedEnum } from '../schema/enums.js';
import { integerKeyOf } from '../global-id.js';
import {
  MAX_SERIAL_NUMBERS,
  type AppleProfileStatus,
  type DeviceFilter,
  type DeviceOrder,
  type DeviceOrderField as DeviceOrderFieldName,
  type DeviceScope,
  type InstantRange,
} from '../services/device/device-filter.js';
import { EnrollmentStateEnum } from './device-enrollment.type.js';
import { DeviceProfileStatus } from './device.type.js';
import { ENROLLMENT_PROFILE_TYPE } from './profile.type.js';
import { ENROLLMENT_PROGRAM_TOKEN_TYPE } from './token.type.js';

export const DeviceProfileAssignment = describedEnum(
  'DeviceProfileAssignment',
  'Which devices a profile filter keeps, by their Homeroom enrollment profile.',
  {
    UNASSIGNED: 'Devices without an enrollment profile.',
    ANY: 'Devices with any enrollment profile.',
    PROFILE: 'Devices with the profile `profileId`.',
  },
);
export type DeviceProfileAssignment = keyof typeof DeviceProfileAssignment;

@InputType('DeviceProfileFilterInput', { description: 'Devices by their enrollment profile.' })
export class DeviceProfileFilterInput {
  @Field(() => DeviceProfileAssignment, { description: 'Without a profile, with any, or with the one `profileId` names.' })
  assignment!: DeviceProfileAssignment;

  @Field(() => ID, { nullable: true, description: 'Global ID of an enrollment profile; required with PROFILE, refused otherwise.' })
  profileId?: string | null;
}

/** Longest serial number a device row holds. */
const MAX_SERIAL_LENGTH = 64;
/** Most names one family or OS filter may list. */
const MAX_NAMES = 50;

@InputType('DateTimeRangeInput', { description: 'A range of instants: `from` included, `to` excluded; leave either out for an open end.' })
export class DateTimeRangeInput {
  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant (excluded); must be later than `from`.' })
  to?: Date | null;
}

export const DeviceOrderField = describedEnum<DeviceOrderFieldName>(
  'DeviceOrderField',
  'What a device list is ordered by; devices with equal values follow in the order Homeroom first saw them.',
  {
    SERIAL_NUMBER: 'The serial number.',
    MODEL: 'The model name; devices without one come last.',
    FIRST_SEEN_AT: 'When a sync first listed the device.',
    LAST_CONTACTED_AT: "When the device last contacted Homeroom's MDM (`enrollment.lastContactedAt`); devices that never did come last.",
    ENROLLMENT_STATE:
      'The enrollment state in the order a device passes them: NOT_CONTACTED, AWAITING_USER, ENROLLING, AWAITING_CONFIGURATION, ENROLLED, FAILED, UNENROLLED.',
  },
);
export type DeviceOrderField = DeviceOrderFieldName;

export const OrderDirection = describedEnum<'ASC' | 'DESC'>('OrderDirection', 'Ascending or descending.', {
  ASC: 'Smallest (or earliest, or A) first; nulls last.',
  DESC: 'Largest (or latest, or Z) first; nulls still last.',
});
export type OrderDirection = keyof typeof OrderDirection;

@InputType('DeviceOrderInput', { description: 'The order of a device list. Cursors from one order do not page another.' })
export class DeviceOrderInput {
  @Field(() => DeviceOrderField, { description: 'What to order by.' })
  field!: DeviceOrderField;

  @Field(() => OrderDirection, { nullable: true, defaultValue: OrderDirection.ASC, description: 'ASC (the default) or DESC.' })
  direction?: OrderDirection | null;
}

@InputType('DeviceFilterInput', { description: "Narrows a token's devices; every condition given must hold." })
export class DeviceFilterInput {
  @Field(() => DeviceProfileFilterInput, { nullable: true, description: 'Devices by enrollment profile: unassigned, any, or one profile.' })
  profile?: DeviceProfileFilterInput | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'False (the default): devices Apple still assigns to the MDM server. True: only devices Apple stopped listing (`removedAt` set).',
  })
  removed?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "True: instead of the token's own devices, those Apple School Manager moved from this token's MDM server to another token's in Homeroom, with when (`movedAwayAt`) and where (`token`, the one they are under now); `removed` does not apply to them. False or omitted: the token's own devices. A device moved to an MDM server without a token in Homeroom shows as `removed` instead (Apple does not say where it went).",
  })
  movedAway?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `Serial numbers containing this text, any case (1 to ${MAX_SERIAL_LENGTH} characters).`,
  })
  serialContains?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'This model name, in any case: the whole name as Apple sends it (e.g. "iPad (10th generation)" or "ipad (10th generation)"), not a part of it. `models` on the token lists the names there are.',
  })
  model?: string | null;

  @Field(() => [DeviceProfileStatus], {
    nullable: true,
    description:
      'Devices whose profile status at Apple (`profileStatus`) is any of these; EMPTY also keeps a status Apple may add later (shown as EMPTY). Every status when omitted or empty.',
  })
  profileStatuses?: DeviceProfileStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Devices whose family (\`deviceFamily\`: iPad, iPhone, Mac, AppleTV, ...) is any of these, in any case (at most ${MAX_NAMES}). Every family when omitted or empty.`,
  })
  deviceFamilies?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Devices whose operating system (\`os\`: iOS, iPadOS, OSX, tvOS, ...) is any of these, in any case (at most ${MAX_NAMES}). Every OS when omitted or empty.`,
  })
  operatingSystems?: string[] | null;

  @Field(() => DateTimeRangeInput, { nullable: true, description: 'Devices a sync first listed within this range (`firstSeenAt`).' })
  firstSeen?: DateTimeRangeInput | null;

  @Field(() => DateTimeRangeInput, {
    nullable: true,
    description: 'Devices a sync last listed or changed within this range (`lastSeenAt`).',
  })
  lastSeen?: DateTimeRangeInput | null;

  @Field(() => [String], {
    nullable: true,
    description: `Exactly these serial numbers, as Apple writes them (upper case), 1 to ${MAX_SERIAL_NUMBERS}; serials with no device are simply absent. An empty list keeps no device.`,
  })
  serialNumbers?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only devices that must be wiped to pick up their profile (`requiresWipe`: assigned a profile after they were activated with another, or enrolled with a profile other than the one Apple now holds). False: only the others. Omitted: both.',
  })
  requiresWipe?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only devices a reconcile with the Apple School Manager API found released from the organisation (`releasedFromOrgAt` set; DEP does not report releases). False: only the others. Omitted: both.',
  })
  releasedFromOrg?: boolean | null;

  @Field(() => [EnrollmentStateEnum], {
    nullable: true,
    description:
      "Devices in any of these enrollment states with Homeroom's MDM; NOT_CONTACTED includes every device that never contacted Homeroom. Every state when omitted or empty.",
  })
  enrollmentStates?: EnrollmentStateName[] | null;
}

@InputType('DevicesFilterInput', {
  description: "Narrows the devices of every token (the root `devices` list): a token's filter, plus which tokens.",
})
export class DevicesFilterInput extends DeviceFilterInput {
  @Field(() => [ID], {
    nullable: true,
    description: `Only the devices of these tokens (global IDs, at most ${MAX_NAMES}); with \`movedAway\`, those moved away from them. Every token when omitted; an empty list keeps none.`,
  })
  tokenIds?: string[] | null;
}

@ArgsType()
export class TokenDevicesArgs extends ConnectionArgs {
  @Field(() => DeviceFilterInput, {
    nullable: true,
    description: 'Conditions on the devices; without it, every device Apple still assigns to the MDM server.',
  })
  filter?: DeviceFilterInput | null;

  @Field(() => DeviceOrderInput, {
    nullable: true,
    description: 'The order; without it, the order Homeroom first saw the devices in (the same as FIRST_SEEN_AT, ASC, but faster).',
  })
  orderBy?: DeviceOrderInput | null;
}

@ArgsType()
export class DevicesArgs extends ConnectionArgs {
  @Field(() => DevicesFilterInput, {
    nullable: true,
    description: 'Conditions on the devices; without it, every device Apple still assigns to one of the tokens.',
  })
  filter?: DevicesFilterInput | null;

  @Field(() => DeviceOrderInput, { nullable: true, description: 'The order; without it, the order Homeroom first saw the devices in.' })
  orderBy?: DeviceOrderInput | null;
}

/** The service's order for a GraphQL one; null keeps the list's own (row id) order. */
export function deviceOrderOf(input: DeviceOrderInput | null | undefined): DeviceOrder | null {
  return input ? { field: input.field, direction: input.direction ?? OrderDirection.ASC } : null;
}

/**
 * The tokens a root filter names (row ids); `tokenIds: null` for every token. An ID of something
 * other than a token is BAD_USER_INPUT; a token that does not exist (deleted) simply has no devices.
 */
export function deviceScopeOf(input: DevicesFilterInput | null | undefined, field = 'filter'): DeviceScope {
  if (!input?.tokenIds) return { tokenIds: null };
  if (input.tokenIds.length > MAX_NAMES) throw badInput(`${field}.tokenIds`, `may list at most ${MAX_NAMES} tokens.`);
  const tokenIds = input.tokenIds.map((id) => {
    const key = integerKeyOf(id, ENROLLMENT_PROGRAM_TOKEN_TYPE);
    if (key === null) throw badInput(`${field}.tokenIds`, `${id} is not the ID of an enrollment program token.`);
    return key;
  });
  return { tokenIds };
}

/**
 * The service's filter for a GraphQL one; BAD_USER_INPUT (naming the field) for a contradictory or
 * malformed one. `field` is where the filter sits in the arguments, for those names.
 */
export function deviceFilterOf(input: DeviceFilterInput | null | undefined, field = 'filter'): DeviceFilter {
  if (!input) return { removed: false };
  const filter: { -readonly [K in keyof DeviceFilter]: DeviceFilter[K] } = { removed: input.removed ?? false };
  const profile = input.profile;
  if (profile) {
    if (profile.assignment === 'PROFILE') {
      if (!profile.profileId) throw badInput(`${field}.profile.profileId`, 'is required when assignment is PROFILE.');
      const profileId = integerKeyOf(profile.profileId, ENROLLMENT_PROFILE_TYPE);
      if (profileId === null) throw badInput(`${field}.profile.profileId`, 'is not the ID of an enrollment profile.');
      filter.profile = { kind: 'PROFILE', profileId };
    } else {
      if (profile.profileId) throw badInput(`${field}.profile.profileId`, `only goes with assignment PROFILE, not ${profile.assignment}.`);
      filter.profile = { kind: profile.assignment };
    }
  }
  if (input.serialContains != null) {
    if (input.serialContains.length === 0 || input.serialContains.length > MAX_SERIAL_LENGTH) {
      throw badInput(`${field}.serialContains`, `must be 1 to ${MAX_SERIAL_LENGTH} characters.`);
    }
    filter.serialContains = checkOneLineText(`${field}.serialContains`, input.serialContains);
  }
  if (input.movedAway) filter.movedAway = true;
  if (input.model != null) filter.model = checkOneLineText(`${field}.model`, input.model);
  if (input.profileStatuses && input.profileStatuses.length > 0) {
    filter.profileStatuses = input.profileStatuses.map((status) => status.toLowerCase() as AppleProfileStatus);
  }
  if (input.deviceFamilies && input.deviceFamilies.length > 0)
    filter.deviceFamilies = names(`${field}.deviceFamilies`, input.deviceFamilies);
  if (input.operatingSystems && input.operatingSystems.length > 0) {
    filter.operatingSystems = names(`${field}.operatingSystems`, input.operatingSystems);
  }
  if (input.firstSeen) filter.firstSeen = rangeOf(`${field}.firstSeen`, input.firstSeen);
  if (input.lastSeen) filter.lastSeen = rangeOf(`${field}.lastSeen`, input.lastSeen);
  if (input.serialNumbers != null) {
    if (input.serialNumbers.length > MAX_SERIAL_NUMBERS) {
      throw badInput(`${field}.serialNumbers`, `may list at most ${MAX_SERIAL_NUMBERS} serial numbers, not ${input.serialNumbers.length}.`);
    }
    filter.serialNumbers = input.serialNumbers.map((serial, index) => {
      if (serial.length === 0 || serial.length > MAX_SERIAL_LENGTH) {
        throw badInput(`${field}.serialNumbers.${index}`, `must be 1 to ${MAX_SERIAL_LENGTH} characters.`);
      }
      return checkOneLineText(`${field}.serialNumbers.${index}`, serial);
    });
  }
  if (input.requiresWipe != null) filter.requiresWipe = input.requiresWipe;
  if (input.releasedFromOrg != null) filter.releasedFromOrg = input.releasedFromOrg;
  // Empty is no condition, as with the other list filters (an outcome's `results`).
  if (input.enrollmentStates && input.enrollmentStates.length > 0) filter.enrollmentStates = input.enrollmentStates;
  return filter;
}

/** A family or OS list: at most {@link MAX_NAMES} names of one line each. */
function names(field: string, values: readonly string[]): string[] {
  if (values.length > MAX_NAMES) throw badInput(field, `may list at most ${MAX_NAMES} names.`);
  return values.map((value, index) => {
    if (value.length === 0 || value.length > MAX_SERIAL_LENGTH)
      throw badInput(`${field}.${index}`, `must be 1 to ${MAX_SERIAL_LENGTH} characters.`);
    return checkOneLineText(`${field}.${index}`, value);
  });
}

function rangeOf(field: string, range: DateTimeRangeInput): InstantRange {
  if (range.from && range.to && range.from.getTime() >= range.to.getTime()) throw badInput(`${field}.to`, 'must be later than `from`.');
  return { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
}
