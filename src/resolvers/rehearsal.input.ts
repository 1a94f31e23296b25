/** The input of `startRehearsal`. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { DEFAULT_REHEARSAL_CONCURRENCY, MAX_REHEARSAL_CONCURRENCY, MAX_REHEARSAL_COUNT } from '../services/rehearsal/rehearsal.service.js';

@InputType('StartRehearsalInput', { description: 'Which token, how many virtual iPads, and how many at once.' })
export class StartRehearsalInput {
  @Field(() => ID, { description: 'Global ID of the enrollment program token whose iPads power on.' })
  tokenId!: string;

  @Field(() => Int, {
    description: `How many iPads to power on, 1 to ${MAX_REHEARSAL_COUNT} (all the token has when it has fewer).`,
  })
  count!: number;

  @Field(() => Int, {
    nullable: true,
    description: `At most this many at once, 1 to ${MAX_REHEARSAL_CONCURRENCY}; ${DEFAULT_REHEARSAL_CONCURRENCY} when omitted.`,
  })
  concurrency?: number | null;
}
