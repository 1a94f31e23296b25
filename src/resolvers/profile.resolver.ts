/** GraphQL for enrollment profiles. SKELETON: filled in by the issue-4 work. */
import { Resolver } from 'type-graphql';

@Resolver()
export class ProfileResolver {}
