/** The Apple MDM push certificate over GraphQL: read it (every role) and upload it (ADMIN). */
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { Permission } from '../permissions.js';
import { PushCertificateStatus } from '../services/enrollment/push-certificate.service.js';
import type { Services } from '../services/services.js';
import { UploadMdmPushCertificateInput } from './push-certificate.input.js';
import { MdmPushCertificateType, UploadMdmPushCertificatePayload } from './push-certificate.type.js';

@Resolver(() => MdmPushCertificateType)
export class PushCertificateResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.TOKEN_READ)
  @Query(() => MdmPushCertificateType, {
    nullable: true,
    description:
      'The Apple MDM push certificate in use, or null before one is uploaded (tokens cannot be uploaded until then). Every role.',
  })
  async mdmPushCertificate(): Promise<MdmPushCertificateType | null> {
    const certificate = await this.services.pushCertificates.current();
    return certificate && MdmPushCertificateType.from(certificate);
  }

  @FieldResolver(() => PushCertificateStatus, { description: 'ACTIVE, EXPIRING_SOON (30 days or less) or EXPIRED, on the server clock.' })
  status(@Root() certificate: MdmPushCertificateType): PushCertificateStatus {
    return this.services.pushCertificates.statusOf(certificate.entity);
  }

  @Authorized(Permission.TOKEN_CREATE)
  @Mutation(() => UploadMdmPushCertificatePayload, {
    description:
      'Stores the Apple MDM push certificate and its private key, replacing the one in use. ADMIN only. Errors: MDM_PUSH_CERTIFICATE_INVALID (`extensions.field` and `extensions.reason` say what is wrong).',
  })
  async uploadMdmPushCertificate(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UploadMdmPushCertificateInput, { description: 'The certificate and its key.' })
    input: UploadMdmPushCertificateInput,
  ): Promise<UploadMdmPushCertificatePayload> {
    const uploaded = await this.services.pushCertificates.upload(ctx, input);
    return {
      mdmPushCertificate: MdmPushCertificateType.from(uploaded.certificate),
      replacedPrevious: uploaded.replacedPrevious,
      topicChanged: uploaded.topicChanged,
    };
  }
}
