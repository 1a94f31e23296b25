/**
 * The GraphQL face of the Apple School Manager API: the stored API account (never its key), the
 * payloads of its mutations, and what a reconcile found.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import type { SchoolManagerAccount } from '../entities/school-manager-account.entity.js';
import type { ReconcileResult } from '../services/school-manager/school-manager.service.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import { EnrollmentProgramTokenType } from './token.type.js';

/** The GraphQL type name, which global IDs carry. */
export const SCHOOL_MANAGER_API_ACCOUNT_TYPE = 'SchoolManagerApiAccount';

@ObjectType(SCHOOL_MANAGER_API_ACCOUNT_TYPE, {
  implements: Node,
  description:
    "An organisation's Apple School Manager API account as Homeroom stores it: its identifiers only. The private key is stored encrypted and never shown.",
})
export class SchoolManagerApiAccountType extends Node {
  /** Row id; GraphQL shows the global ID. */
  id!: number;

  @Field(() => String, { description: "Apple's organisation id the account belongs to (the tokens' `organizationId`)." })
  organizationId!: string;

  @Field(() => String, { description: 'The client ID, e.g. `SCHOOLAPI.<uuid>`.' })
  clientId!: string;

  @Field(() => String, { description: "The key ID of the account's private key." })
  keyId!: string;

  @Field(() => Date, { description: 'When the account was first stored.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last replaced.' })
  updatedAt!: Date;

  override get globalId(): string {
    return toGlobalId(SCHOOL_MANAGER_API_ACCOUNT_TYPE, this.id);
  }

  static from(row: SchoolManagerAccount): SchoolManagerApiAccountType {
    return Object.assign(new SchoolManagerApiAccountType(), {
      id: row.id,
      organizationId: row.organizationId,
      clientId: row.clientId,
      keyId: row.keyId,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType('SetSchoolManagerApiAccountPayload', { description: 'The stored API account.' })
export class SetSchoolManagerApiAccountPayload {
  @Field(() => SchoolManagerApiAccountType, { description: 'The account now in use for the organisation.' })
  schoolManagerApiAccount!: SchoolManagerApiAccountType;

  @Field(() => Boolean, { description: 'True when it replaced an account stored before for the organisation.' })
  replacedPrevious!: boolean;
}

@ObjectType('RemoveSchoolManagerApiAccountPayload', { description: 'Whether an account was removed.' })
export class RemoveSchoolManagerApiAccountPayload {
  @Field(() => Boolean, { description: 'True when the organisation had an account and it is gone; false when it had none.' })
  removed!: boolean;
}

@ObjectType('ReconcileWithSchoolManagerPayload', {
  description: 'What a reconcile of a token’s devices with the School Manager API found.',
})
export class ReconcileWithSchoolManagerPayload {
  @Field(() => EnrollmentProgramTokenType, { description: 'The token reconciled.' })
  token!: EnrollmentProgramTokenType;

  @Field(() => Int, {
    description: "The token's devices Apple's `orgDevices` listed (order number, purchase source and release date written).",
  })
  devicesChecked!: number;

  @Field(() => Int, { description: 'Devices this reconcile found released from the organisation (their `releasedFromOrgAt` is now set).' })
  devicesReleased!: number;

  @Field(() => Int, {
    description:
      "The token's devices (not removed, not released) Apple does not list on the token's MDM server: DEP should have said so; the next sync settles them.",
  })
  devicesNotOnServer!: number;

  @Field(() => Int, { description: 'Of those, how many Apple says are on another MDM server (asked for the first 50).' })
  devicesOnOtherServer!: number;

  @Field(() => Int, { description: 'AppleCare coverage summaries read (at most 500 a reconcile; the rest on the next ones).' })
  coverageRead!: number;

  @Field(() => Date, { description: 'When the reconcile started.' })
  startedAt!: Date;

  @Field(() => Date, { description: 'When it ended.' })
  finishedAt!: Date;

  static from(result: ReconcileResult, token: EnrollmentProgramTokenType): ReconcileWithSchoolManagerPayload {
    const { tokenId: _tokenId, ...counts } = result;
    return Object.assign(new ReconcileWithSchoolManagerPayload(), counts, { token });
  }
}
