/** The `eraseDevice` mutation (DEVICE_ERASE): EraseDevice through the device's command queue, with Return to Service or without. */
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { notFound } from '../errors.js';
import { integerKeyOf } from '../global-id.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import type { GraphQLContext } from './context.js';
import { EraseDeviceInput } from './device-erase.input.js';
import { EraseDevicePayload } from './device-erase.type.js';
import { DEVICE_TYPE, DeviceType } from './device.type.js';

@Resolver()
export class DeviceEraseResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.DEVICE_ERASE)
  @Mutation(() => EraseDevicePayload, {
    description:
      "Queues EraseDevice for an enrolled device; with returnToService it carries the profile's Wi-Fi (a signed profile) and a new MDM enrollment profile, and the device re-enrolls by itself. The device's enrollment becomes ENROLLING (Return to Service) or UNENROLLED when it acknowledges. ADMIN only. Errors: NOT_FOUND, RETURN_TO_SERVICE_UNAVAILABLE (`extensions.reason`; nothing queued).",
  })
  async eraseDevice(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => EraseDeviceInput, { description: 'The device and how to erase it.' }) input: EraseDeviceInput,
  ): Promise<EraseDevicePayload> {
    const deviceId = integerKeyOf(input.deviceId, DEVICE_TYPE);
    if (deviceId === null) throw notFound('device', input.deviceId);
    const erased = await this.services.returnToService.eraseDevice(ctx, deviceId, { returnToService: input.returnToService });
    const device = await this.services.devices.findById(erased.deviceId);
    return { device: DeviceType.from(device!), commandUuid: erased.commandUuid, returnToService: erased.returnToService };
  }
}
