/** Inputs of the enrollment program token mutations. */
import { Field, ID, InputType } from 'type-graphql';

@InputType('GenerateEncryptionPublicKeyInput', { description: 'Options of the public key to generate.' })
export class GenerateEncryptionPublicKeyInput {
  @Field(() => String, {
    nullable: true,
    description:
      "The certificate's common name, which Apple School Manager shows next to the MDM server (1 to 64 characters; default `Homeroom DEP token`).",
  })
  commonName?: string | null;
}

@InputType('UploadTokenInput', { description: 'A server token downloaded from Apple School Manager, and what to call it.' })
export class UploadTokenInput {
  @Field(() => String, { description: "Homeroom's name for the token: unique, 1 to 100 characters." })
  name!: string;

  @Field(() => String, { description: 'The Apple ID that downloaded the token in Apple School Manager; it is needed to renew the token.' })
  appleId!: string;

  @Field(() => String, {
    description:
      'The token file (`.p7m`) as text, exactly as downloaded (S/MIME; PEM also works), or the base64 of its DER bytes. It must be encrypted to the pending public key (`generateEncryptionPublicKey`).',
  })
  tokenFile!: string;
}

@InputType('RenewTokenInput', { description: 'A new token file for an existing token.' })
export class RenewTokenInput {
  @Field(() => ID, { description: 'Global ID of the token to renew.' })
  tokenId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The Apple ID that downloaded the new token, when someone else did; omit to keep the current one.',
  })
  appleId?: string | null;

  @Field(() => String, {
    description:
      "The new `.p7m` as text (or base64 of its DER), for the same MDM server. It may be encrypted to the token's own public key or to the pending one.",
  })
  tokenFile!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Accept a token of another MDM server; without it such a file is refused with TOKEN_SERVER_MISMATCH.',
  })
  force!: boolean;
}

@InputType('UpdateTokenInput', { description: 'New values for a token; omitted fields stay as they are.' })
export class UpdateTokenInput {
  @Field(() => ID, { description: 'Global ID of the token.' })
  tokenId!: string;

  @Field(() => String, { nullable: true, description: 'A new name: unique, 1 to 100 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The Apple ID that manages the token in Apple School Manager.' })
  appleId?: string | null;
}

@InputType('DeleteTokenInput', { description: 'The token to delete.' })
export class DeleteTokenInput {
  @Field(() => ID, { description: 'Global ID of the token.' })
  tokenId!: string;
}

@InputType('RefreshTokenStatusInput', { description: 'The token whose status to ask Apple for.' })
export class RefreshTokenStatusInput {
  @Field(() => ID, { description: 'Global ID of the token.' })
  tokenId!: string;
}

@InputType('ShareTokenWithSchoolDataSyncInput', { description: 'Whether the token is shared with School Data Sync (legacy).' })
export class ShareTokenWithSchoolDataSyncInput {
  @Field(() => ID, { description: 'Global ID of the token.' })
  tokenId!: string;

  @Field(() => Boolean, { description: 'True to share it (at most one token is shared), false to stop sharing.' })
  shared!: boolean;
}
