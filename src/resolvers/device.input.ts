/** Filters of a token's `devices` connection, and their translation for the sync service. */
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { EnrollmentStateName } from '../entities/device-enrollment.entity.js';
import { badInput } from '../errors.js';
import { checkOneLineText } from '../text-input.js';
import { ConnectionArgs } from '../schema/connection.type.js';
import { integerKeyOf } from '../global-id.js';
import type { DeviceFilter } from '../services/device/device-filter.js';
import { EnrollmentStateEnum } from './device-enrollment.type.js';
import { ENROLLMENT_PROFILE_TYPE } from './profile.type.js';

export enum DeviceProfileAssignment {
  UNASSIGNED = 'UNASSIGNED',
  ANY = 'ANY',
  PROFILE = 'PROFILE',
}

registerEnumType(DeviceProfileAssignment, {
  name: 'DeviceProfileAssignment',
  description: 'Which devices a profile filter keeps, by their Homeroom enrollment profile.',
  valuesConfig: {
    UNASSIGNED: { description: 'Devices without an enrollment profile.' },
    ANY: { description: 'Devices with any enrollment profile.' },
    PROFILE: { description: 'Devices with the profile `profileId`.' },
  },
});

@InputType('DeviceProfileFilterInput', { description: 'Devices by their enrollment profile.' })
export class DeviceProfileFilterInput {
  @Field(() => DeviceProfileAssignment, { description: 'Without a profile, with any, or with the one `profileId` names.' })
  assignment!: DeviceProfileAssignment;

  @Field(() => ID, { nullable: true, description: 'Global ID of an enrollment profile; required with PROFILE, refused otherwise.' })
  profileId?: string | null;
}

/** Longest serial number a device row holds. */
const MAX_SERIAL_LENGTH = 64;

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

  @Field(() => String, { nullable: true, description: 'Exactly this model name, as Apple sends it (e.g. "iPad (10th generation)").' })
  model?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only devices that must be wiped to pick up their profile (`requiresWipe`: assigned a profile after they were activated with another, or enrolled with a profile other than the one Apple now holds). False: only the others. Omitted: both.',
  })
  requiresWipe?: boolean | null;

  @Field(() => [EnrollmentStateEnum], {
    nullable: true,
    description:
      "Devices in any of these enrollment states with Homeroom's MDM; NOT_CONTACTED includes every device that never contacted Homeroom. Every state when omitted or empty.",
  })
  enrollmentStates?: EnrollmentStateName[] | null;
}

@ArgsType()
export class TokenDevicesArgs extends ConnectionArgs {
  @Field(() => DeviceFilterInput, {
    nullable: true,
    description: 'Conditions on the devices; without it, every device Apple still assigns to the MDM server.',
  })
  filter?: DeviceFilterInput | null;
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
    if (profile.assignment === DeviceProfileAssignment.PROFILE) {
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
  if (input.requiresWipe != null) filter.requiresWipe = input.requiresWipe;
  // Empty is no condition, as with the other list filters (an outcome's `results`).
  if (input.enrollmentStates && input.enrollmentStates.length > 0) filter.enrollmentStates = input.enrollmentStates;
  return filter;
}
