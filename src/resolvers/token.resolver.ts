/** GraphQL for enrollment program tokens. SKELETON: filled in by the issue-4 work. */
import { Resolver } from 'type-graphql';

@Resolver()
export class TokenResolver {}
