/**
 * The inputs of `assignProfile` and `unassignProfile`, and the translation of their device
 * selection for the assignment service. A selection names devices one way only: by global ID,
 * by serial number (as pasted from Apple School Manager), or by the same filter the token's
 * `devices` connection takes, so "every unassigned iPad" is one call whatever the count.
 */
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput } from '../errors.js';
import { ConnectionArgs } from '../schema/connection.type.js';
import { integerKeyOf } from '../global-id.js';
import type { AssignmentResult } from '../entities/assignment-outcome.entity.js';
import { MAX_LISTED_DEVICES, type DeviceSelection } from '../services/assignment/assignment.service.js';
import { AssignmentResultEnum } from './assignment.type.js';
import { DeviceFilterInput, deviceFilterOf } from './device.input.js';
import { DEVICE_TYPE } from './device.type.js';

const MAX_LISTED = MAX_LISTED_DEVICES.toLocaleString('en');

@InputType('DeviceSelectionInput', {
  description: `Which devices an assignment concerns: exactly one of \`ids\`, \`serialNumbers\` and \`filter\`. A list holds at most ${MAX_LISTED} devices; a filter selects any number.`,
})
export class DeviceSelectionInput {
  @Field(() => [ID], {
    nullable: true,
    description: `Global IDs of devices (at most ${MAX_LISTED}). An ID that is not a device's ID (malformed, or another type's) is BAD_USER_INPUT with \`extensions.field\` \`devices.ids[i]\`; a device's ID that names no device (deleted since) is NOT_FOUND, the message listing up to 10 such IDs.`,
  })
  ids?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Serial numbers (at most ${MAX_LISTED}), any case; serials Homeroom does not know are reported (UNKNOWN_SERIAL), not refused.`,
  })
  serialNumbers?: string[] | null;

  @Field(() => DeviceFilterInput, {
    nullable: true,
    description:
      "The devices of the token (the profile's, for assignProfile) that match this filter, exactly as the token's `devices` connection selects them.",
  })
  filter?: DeviceFilterInput | null;
}

@InputType('AssignProfileInput', { description: 'The profile to assign, and to which devices.' })
export class AssignProfileInput {
  @Field(() => ID, { description: 'Global ID of the enrollment profile to assign; the devices must belong to its token.' })
  profileId!: string;

  @Field(() => DeviceSelectionInput, { description: 'The devices: by IDs, serial numbers or filter.' })
  devices!: DeviceSelectionInput;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True: only answer what the assignment would do (`preview`); nothing is stored and Apple is not called.',
  })
  preview?: boolean | null;
}

@InputType('UnassignProfileInput', { description: 'The token whose devices lose their profile at Apple, and which devices.' })
export class UnassignProfileInput {
  @Field(() => ID, { description: 'Global ID of the enrollment program token the devices belong to.' })
  tokenId!: string;

  @Field(() => DeviceSelectionInput, { description: 'The devices: by IDs, serial numbers or filter.' })
  devices!: DeviceSelectionInput;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True: only answer what the removal would do (`preview`); nothing is stored and Apple is not called.',
  })
  preview?: boolean | null;
}

@ArgsType()
export class AssignmentOutcomesArgs extends ConnectionArgs {
  @Field(() => [AssignmentResultEnum], {
    nullable: true,
    description: 'Only outcomes with one of these results; every outcome when omitted or empty.',
  })
  results?: AssignmentResult[] | null;
}

/**
 * The service's selection for a GraphQL one. BAD_USER_INPUT naming the field: `devices` unless
 * exactly one way is given, `devices.ids[i]` for an ID that is not a device's, `devices.filter.*`
 * for a malformed filter. Lengths and serial formats are the service's to check.
 */
export function deviceSelectionOf(input: DeviceSelectionInput): DeviceSelection {
  const given = (['ids', 'serialNumbers', 'filter'] as const).filter((key) => input[key] != null);
  if (given.length !== 1) {
    throw badInput(
      'devices',
      `takes exactly one of ids, serialNumbers and filter (got ${given.length === 0 ? 'none' : given.join(' and ')}).`,
    );
  }
  if (input.ids) {
    return {
      ids: input.ids.map((id, index) => {
        const key = integerKeyOf(id, DEVICE_TYPE);
        if (key === null) throw badInput(`devices.ids[${index}]`, 'is not the ID of a device.');
        return key;
      }),
    };
  }
  if (input.serialNumbers) return { serialNumbers: input.serialNumbers };
  return { filter: deviceFilterOf(input.filter, 'devices.filter') };
}
