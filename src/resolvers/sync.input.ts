/** The input of `syncDevices`. */
import { Field, ID, InputType } from 'type-graphql';

@InputType('SyncDevicesInput', { description: 'The token whose devices to sync.' })
export class SyncDevicesInput {
  @Field(() => ID, { description: 'Global ID of the enrollment program token.' })
  tokenId!: string;
}
