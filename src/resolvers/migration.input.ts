/** Inputs of the migration-without-erase mutations. */
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('ScheduleDeviceMigrationInput', {
  description:
    "Devices to move to a token's MDM server without erase, by a deadline (iPadOS 26+, Automated Device Enrollment, not Shared iPad, not Return to Service, not released). Every device is checked first; one that is not eligible refuses the whole request (MIGRATION_NOT_ELIGIBLE).",
})
export class ScheduleDeviceMigrationInput {
  @Field(() => ID, {
    description:
      'Global ID of the token whose MDM server the devices migrate to; its organisation needs an Apple School Manager API account.',
  })
  tokenId!: string;

  @Field(() => [String], { description: 'Serial numbers, 1 to 1000 (devices of the organisation, usually managed by another MDM now).' })
  serialNumbers!: string[];

  @Field(() => Int, { description: 'Days until Apple forces the migration, 1 to 90.' })
  deadlineInDays!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      "Global ID of a profile of the token that awaits configuration (`awaitDeviceConfigured`), given to the devices when they arrive; default: the token's default profile if it awaits configuration, else its first profile that does.",
  })
  profileId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Bundle ids of the managed apps the devices keep (at most 100); Homeroom takes them over before it releases each device. Default none.',
  })
  keptApps?: string[] | null;
}

@InputType('UpdateDeviceMigrationDeadlineInput', { description: 'Migrations under way whose deadline to move.' })
export class UpdateDeviceMigrationDeadlineInput {
  @Field(() => ID, { description: 'Global ID of the token the devices migrate to.' })
  tokenId!: string;

  @Field(() => [String], { description: 'Serial numbers with a migration under way (REQUESTED or STARTED), 1 to 1000.' })
  serialNumbers!: string[];

  @Field(() => Int, { description: 'Days from now until the new deadline, 1 to 90.' })
  deadlineInDays!: number;
}

@InputType('CancelDeviceMigrationInput', { description: 'Migrations under way to cancel: the devices stay with their MDM.' })
export class CancelDeviceMigrationInput {
  @Field(() => ID, { description: 'Global ID of the token the devices migrate to.' })
  tokenId!: string;

  @Field(() => [String], { description: 'Serial numbers with a migration under way (REQUESTED or STARTED), 1 to 1000.' })
  serialNumbers!: string[];
}
