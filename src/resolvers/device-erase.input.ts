/** Input of the `eraseDevice` mutation. */
import { Field, ID, InputType } from 'type-graphql';

@InputType('EraseDeviceInput', { description: 'An enrolled device to erase, with Return to Service or without.' })
export class EraseDeviceInput {
  @Field(() => ID, { description: 'Global ID of the device.' })
  deviceId!: string;

  @Field(() => Boolean, {
    description:
      "True: Return to Service. The erased device joins its profile's Wi-Fi, skips Setup Assistant and enrolls again by itself (iPadOS 17 and later). False: a plain erase; the device goes through Setup Assistant with a person.",
  })
  returnToService!: boolean;
}
