/**
 * The GraphQL face of the Apple MDM push certificate: the `MdmPushCertificate` Node type, its
 * status enum, and the upload payload. Built from the entity with `from(...)`; the status, which
 * needs the clock, is a field resolver in `push-certificate.resolver.ts`.
 */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { MdmPushCertificate } from '../entities/mdm-push-certificate.entity.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import { PUSH_CERTIFICATE_STATUS_DESCRIPTIONS, PushCertificateStatus } from '../services/enrollment/push-certificate.service.js';

registerEnumType(PushCertificateStatus, {
  name: 'MdmPushCertificateStatus',
  description: "The push certificate's health on the server's clock.",
  valuesConfig: Object.fromEntries(
    Object.entries(PUSH_CERTIFICATE_STATUS_DESCRIPTIONS).map(([value, description]) => [value, { description }]),
  ) as Record<PushCertificateStatus, { description: string }>,
});

/** The GraphQL type name, which global IDs carry (the class name is not it). */
export const MDM_PUSH_CERTIFICATE_TYPE = 'MdmPushCertificate';

@ObjectType(MDM_PUSH_CERTIFICATE_TYPE, {
  implements: Node,
  description:
    'The Apple MDM push certificate (APNs) Homeroom uses to wake enrolled devices; its topic goes into every enrollment profile. Its private key is stored encrypted and never shown.',
})
export class MdmPushCertificateType extends Node {
  /** Row id; GraphQL shows the global ID. */
  id!: number;

  /** The row, for field resolvers. */
  entity!: MdmPushCertificate;

  @Field(() => String, { description: 'The APNs topic: the certificate subject UID, `com.apple.mgmt.External.<uuid>`.' })
  topic!: string;

  @Field(() => String, { description: "The subject's common name (`APSP:<uuid>` for Apple's certificates)." })
  subject!: string;

  @Field(() => String, { description: "The certificate's serial number, hexadecimal." })
  serialNumber!: string;

  @Field(() => Date, { description: 'When the certificate expires; renew it before then with the same Apple ID.' })
  expiresAt!: Date;

  @Field(() => Boolean, {
    description: 'True for the self-signed certificate the embedded demo generates for the simulated Apple; Apple would never accept it.',
  })
  simulated!: boolean;

  @Field(() => Date, { description: 'When this certificate was uploaded (or generated).' })
  uploadedAt!: Date;

  @Field(() => Date, { description: 'When the stored certificate last changed.' })
  updatedAt!: Date;

  override get globalId(): string {
    return toGlobalId(MDM_PUSH_CERTIFICATE_TYPE, this.id);
  }

  static from(certificate: MdmPushCertificate): MdmPushCertificateType {
    return Object.assign(new MdmPushCertificateType(), {
      id: certificate.id,
      entity: certificate,
      topic: certificate.topic,
      subject: certificate.subject,
      serialNumber: certificate.serialNumber,
      expiresAt: certificate.notAfter,
      simulated: certificate.simulated,
      uploadedAt: certificate.createdAt,
      updatedAt: certificate.updatedAt,
    });
  }
}

@ObjectType('UploadMdmPushCertificatePayload', { description: 'The stored push certificate.' })
export class UploadMdmPushCertificatePayload {
  @Field(() => MdmPushCertificateType, { description: 'The certificate now in use.' })
  mdmPushCertificate!: MdmPushCertificateType;

  @Field(() => Boolean, { description: 'True when it replaced a certificate stored before.' })
  replacedPrevious!: boolean;

  @Field(() => Boolean, {
    description:
      'True when the replaced certificate had another topic: devices enrolled under the old topic no longer receive pushes and must enroll again. Renewing with the same Apple ID keeps the topic.',
  })
  topicChanged!: boolean;
}
