/** Inputs of the Apple School Manager API mutations. */
import { Field, ID, InputType } from 'type-graphql';

@InputType('SetSchoolManagerApiAccountInput', {
  description:
    "An Apple School Manager API account (ASM: Settings, API), for the organisation of a token. One per organisation: every token of it uses it. Checked, then tried with Apple, before it is stored; it replaces the organisation's previous account.",
})
export class SetSchoolManagerApiAccountInput {
  @Field(() => ID, { description: 'Global ID of an enrollment program token of the organisation.' })
  tokenId!: string;

  @Field(() => String, { description: 'The client ID ASM shows for the API account, e.g. `SCHOOLAPI.<uuid>`.' })
  clientId!: string;

  @Field(() => String, { description: "The key ID ASM shows for the account's private key." })
  keyId!: string;

  @Field(() => String, {
    description:
      'The P-256 private key ASM generated for the account, unencrypted PEM (PKCS#8 or `EC PRIVATE KEY`). Stored encrypted, never shown again.',
  })
  privateKey!: string;
}

@InputType('RemoveSchoolManagerApiAccountInput', { description: "The token whose organisation's API account to remove." })
export class RemoveSchoolManagerApiAccountInput {
  @Field(() => ID, { description: 'Global ID of an enrollment program token of the organisation.' })
  tokenId!: string;
}

@InputType('ReconcileWithSchoolManagerInput', { description: 'The token whose devices to reconcile with the School Manager API.' })
export class ReconcileWithSchoolManagerInput {
  @Field(() => ID, { description: 'Global ID of the enrollment program token.' })
  tokenId!: string;
}
