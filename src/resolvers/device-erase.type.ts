/** Payload of the `eraseDevice` mutation. */
import { Field, ObjectType } from 'type-graphql';
import { DeviceType } from './device.type.js';

@ObjectType('EraseDevicePayload', { description: 'The EraseDevice command queued for the device.' })
export class EraseDevicePayload {
  @Field(() => DeviceType, { description: 'The device; its enrollment moves on when it acknowledges the command.' })
  device!: DeviceType;

  @Field(() => String, { description: "The queued command's UUID, as the device answers it." })
  commandUuid!: string;

  @Field(() => Boolean, { description: 'True when the command carries Return to Service (Wi-Fi and MDM profiles).' })
  returnToService!: boolean;
}
