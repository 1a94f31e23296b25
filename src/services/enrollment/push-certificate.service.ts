/**
 * The Apple MDM push certificate: upload (PEM certificate + private key), read, and the
 * simulated one the embedded demo generates. Homeroom keeps one; an upload replaces it.
 *
 * It lives in the enrollment room: enrollment is what needs it (the enrollment profile names its
 * topic, and tokens are refused until it exists).
 *
 * The certificate is read with Node's own X.509 parser (any key type, and the key check is
 * OpenSSL's); node-forge only builds the simulated certificate, which Node cannot. The private
 * key is sealed with the secret box under a context naming the certificate's serial number.
 */
import crypto, { randomUUID, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { MdmPushCertificate } from '../../entities/mdm-push-certificate.entity.js';
import { ErrorCode, HomeroomError } from '../../errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../../platform/request-context.js';
import { certificatePem, newRsaKey, randomSerialHex, wholeSeconds } from '../../crypto/x509.js';
import type { ServiceDependencies } from '../service-dependencies.js';

/** Apple's prefix of MDM push topics (the subject UID of every MDM push certificate). */
export const MDM_TOPIC_PREFIX = 'com.apple.mgmt.';
/** The subject attribute holding the topic: userId, OID 0.9.2342.19200300.100.1.1 (`UID` in OpenSSL's names). */
export const TOPIC_OID = '0.9.2342.19200300.100.1.1';
/** Push certificates are renewed yearly; the status warns this many days before the expiry. */
export const PUSH_CERTIFICATE_EXPIRING_SOON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** PEM certificates and keys are a few kilobytes; a much larger field is a wrong file. */
const MAX_PEM_LENGTH = 64 * 1024;

/** The push certificate's health on the server's clock. */
export enum PushCertificateStatus {
  ACTIVE = 'ACTIVE',
  EXPIRING_SOON = 'EXPIRING_SOON',
  EXPIRED = 'EXPIRED',
}

export const PUSH_CERTIFICATE_STATUS_DESCRIPTIONS: Record<PushCertificateStatus, string> = {
  [PushCertificateStatus.ACTIVE]: 'Valid for more than 30 days.',
  [PushCertificateStatus.EXPIRING_SOON]:
    'Expires within 30 days: renew it at the Apple Push Certificates Portal with the same Apple ID, then upload it again.',
  [PushCertificateStatus.EXPIRED]:
    'Expired: Apple no longer delivers pushes with it. Renew it (same Apple ID, so the topic stays the same) and upload it again.',
};

export interface UploadedPushCertificate {
  readonly certificate: MdmPushCertificate;
  /** True when a certificate was stored before and is now replaced. */
  readonly replacedPrevious: boolean;
  /**
   * True when the replaced certificate had another topic: devices enrolled under the old topic
   * no longer receive pushes and must enroll again (a renewal with the same Apple ID keeps it).
   */
  readonly topicChanged: boolean;
}

export class PushCertificateService {
  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
  ) {}

  /** The certificate in use, or null before the first upload. */
  async current(): Promise<MdmPushCertificate | null> {
    return this.deps.database.manager.findOne(MdmPushCertificate, { where: {}, order: { id: 'DESC' } });
  }

  async findById(id: number): Promise<MdmPushCertificate | null> {
    return this.deps.database.manager.findOneBy(MdmPushCertificate, { id });
  }

  /** The status on the clock: EXPIRED, EXPIRING_SOON (30 days or less) or ACTIVE. */
  statusOf(certificate: MdmPushCertificate): PushCertificateStatus {
    const left = certificate.notAfter.getTime() - this.deps.clock.now().getTime();
    if (left <= 0) return PushCertificateStatus.EXPIRED;
    return left <= PUSH_CERTIFICATE_EXPIRING_SOON_DAYS * DAY_MS ? PushCertificateStatus.EXPIRING_SOON : PushCertificateStatus.ACTIVE;
  }

  /**
   * Validates and stores (replacing any previous one) in one audited transaction. Refused with
   * `MDM_PUSH_CERTIFICATE_INVALID` (`details.field` names the input, `details.reason` the
   * problem) when the certificate or key is not PEM, the key does not match, the certificate has
   * expired, or its topic does not start with `com.apple.mgmt.`.
   */
  async upload(ctx: RequestContext, input: { certificate: string; privateKey: string }): Promise<UploadedPushCertificate> {
    return this.audit.mutate(ctx, 'uploadMdmPushCertificate', async (tx, record) => {
      const now = this.deps.clock.now();
      const parsed = readPushCertificate(input.certificate, input.privateKey, now);
      const previous = await tx.find(MdmPushCertificate);
      if (previous.length > 0)
        await tx.delete(
          MdmPushCertificate,
          previous.map((p) => p.id),
        );
      const row = this.row(parsed, now, false);
      await tx.insert(MdmPushCertificate, row);
      const topicChanged = previous.some((p) => p.topic !== row.topic);
      record.target('MdmPushCertificate', row.id).detail({
        topic: row.topic,
        serialNumber: row.serialNumber,
        expiresAt: row.notAfter.toISOString(),
        replacedPrevious: previous.length > 0,
        topicChanged,
      });
      return { certificate: row, replacedPrevious: previous.length > 0, topicChanged };
    });
  }

  /**
   * Embedded demo only: when there is no certificate, generates a self-signed one for the
   * simulated world (`simulated: true`; Apple would never accept it) with a topic of Apple's
   * shape, `com.apple.mgmt.External.<uuid>`, valid one year. Returns the certificate in use.
   */
  async ensureSimulated(ctx: RequestContext): Promise<MdmPushCertificate> {
    const existing = await this.current();
    if (existing) return existing;
    return this.audit.mutate(ctx, 'generateSimulatedMdmPushCertificate', async (tx, record) => {
      // Another instance may have stored one since the look above.
      const raced = await tx.findOne(MdmPushCertificate, { where: {}, order: { id: 'DESC' } });
      if (raced) return raced;
      const now = this.deps.clock.now();
      const row = this.row(simulatedPushCertificate(now), now, true);
      await tx.insert(MdmPushCertificate, row);
      record.target('MdmPushCertificate', row.id).detail({ topic: row.topic, simulated: true, expiresAt: row.notAfter.toISOString() });
      return row;
    });
  }

  private row(parsed: ParsedPushCertificate, now: Date, simulated: boolean): MdmPushCertificate {
    return Object.assign(new MdmPushCertificate(), {
      topic: parsed.topic,
      subject: parsed.commonName,
      serialNumber: parsed.serialNumber,
      notBefore: parsed.notBefore,
      notAfter: parsed.notAfter,
      certificatePem: parsed.certificatePem,
      sealedPrivateKey: this.deps.secretBox.seal(parsed.privateKeyPem, pushKeyContext(parsed.serialNumber)),
      simulated,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** Where a push certificate's private key is sealed. */
export function pushKeyContext(serialNumber: string): string {
  return `mdm-push-certificate:${serialNumber}:private-key`;
}

interface ParsedPushCertificate {
  readonly topic: string;
  readonly commonName: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The certificate alone, PEM with `\n` line ends. */
  readonly certificatePem: string;
  /** The private key as PKCS#8 PEM, whatever form it came in. */
  readonly privateKeyPem: string;
}

function invalid(field: 'certificate' | 'privateKey', reason: string, message: string): HomeroomError {
  return new HomeroomError(ErrorCode.MDM_PUSH_CERTIFICATE_INVALID, `${field}: ${message}`, { field, reason });
}

/** Checks an uploaded certificate and key; see {@link PushCertificateService.upload}. */
export function readPushCertificate(certificatePem: string, privateKeyPem: string, now: Date): ParsedPushCertificate {
  if (certificatePem.length > MAX_PEM_LENGTH || !certificatePem.includes('-----BEGIN CERTIFICATE-----')) {
    throw invalid(
      'certificate',
      'not-pem',
      'is not a PEM certificate (-----BEGIN CERTIFICATE-----): upload the .pem from the Apple Push Certificates Portal.',
    );
  }
  let certificate: X509Certificate;
  try {
    // Only the first certificate: a chain pasted after it is not needed.
    certificate = new X509Certificate(certificatePem.slice(certificatePem.indexOf('-----BEGIN CERTIFICATE-----')));
  } catch {
    throw invalid('certificate', 'unreadable', 'could not be read as an X.509 certificate.');
  }
  if (privateKeyPem.length > MAX_PEM_LENGTH || !/-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/.test(privateKeyPem)) {
    throw invalid(
      'privateKey',
      'not-pem',
      'is not an unencrypted PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----); export it without a password.',
    );
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    // No cause attached: OpenSSL's messages may quote the input, which is key material.
    throw invalid('privateKey', 'unreadable', 'could not be read; it must be an unencrypted PEM private key.');
  }
  if (!certificate.checkPrivateKey(key)) {
    throw invalid(
      'privateKey',
      'key-mismatch',
      'does not belong to the certificate: upload the private key the certificate request was made with.',
    );
  }
  const notAfter = new Date(certificate.validTo);
  const notBefore = new Date(certificate.validFrom);
  if (Number.isNaN(notAfter.getTime()) || notAfter.getTime() <= now.getTime()) {
    throw invalid(
      'certificate',
      'expired',
      `expired on ${Number.isNaN(notAfter.getTime()) ? certificate.validTo : notAfter.toISOString()}: renew it at the Apple Push Certificates Portal (same Apple ID) and upload the new one.`,
    );
  }
  const subject = parseSubject(certificate.subject);
  const topic = subject.get('UID') ?? subject.get(TOPIC_OID) ?? '';
  if (!topic.startsWith(MDM_TOPIC_PREFIX)) {
    throw invalid(
      'certificate',
      'not-mdm-topic',
      topic === ''
        ? 'has no topic (subject UID): it is not an Apple MDM push certificate.'
        : `has the topic "${topic}", which does not start with ${MDM_TOPIC_PREFIX}: it is not an Apple MDM push certificate.`,
    );
  }
  return {
    topic: topic.slice(0, 255),
    commonName: (subject.get('CN') ?? topic).slice(0, 255),
    serialNumber: certificate.serialNumber.toUpperCase().slice(0, 128),
    notBefore,
    notAfter,
    certificatePem: certificate.toString().replace(/\r\n/g, '\n'),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * Node prints a subject one `NAME=value` per line, escaping `,` `+` `=` `\` and friends with a
 * backslash. The first value of each name is kept.
 */
function parseSubject(subject: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of subject.split('\n')) {
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const name = line.slice(0, equals).trim();
    const value = line.slice(equals + 1).replace(/\\(.)/g, '$1');
    if (!fields.has(name)) fields.set(name, value);
  }
  return fields;
}

/** A self-signed stand-in for the demo, with the subject Apple's certificates have. */
function simulatedPushCertificate(now: Date): ParsedPushCertificate {
  const uuid = randomUUID().toUpperCase();
  const { privateKeyPem, privateKey, publicKey } = newRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = randomSerialHex();
  const notBefore = wholeSeconds(now.getTime());
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 1);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = notAfter;
  const topic = `${MDM_TOPIC_PREFIX}External.${uuid}`;
  const commonName = `APSP:${uuid} (simulated)`;
  const name: forge.pki.CertificateField[] = [
    { type: TOPIC_OID, value: topic },
    { name: 'commonName', value: commonName },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(privateKey, forge.md.sha256.create());
  return {
    topic,
    commonName,
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore,
    notAfter,
    certificatePem: certificatePem(certificate),
    privateKeyPem,
  };
}
