/** Input of the push certificate upload. */
import { Field, InputType } from 'type-graphql';

@InputType('UploadMdmPushCertificateInput', { description: 'An Apple MDM push certificate and its private key, both PEM.' })
export class UploadMdmPushCertificateInput {
  @Field(() => String, {
    description:
      'The certificate from the Apple Push Certificates Portal, PEM (-----BEGIN CERTIFICATE-----). Its subject UID is the topic.',
  })
  certificate!: string;

  @Field(() => String, {
    description:
      'The private key the certificate request was made with, unencrypted PEM (PKCS#8 or PKCS#1). Stored encrypted, never shown again.',
  })
  privateKey!: string;
}
