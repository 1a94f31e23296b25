/**
 * A hand-driven MDM device for endpoint tests: a device CA of the test's own (trusted through
 * `MDM_DEVICE_CA_FILE`), a MachineInfo signed by a device identity, and check-ins and connects signed
 * with the identity from the enrollment profile, each sent over real HTTP. Unlike the virtual iPads
 * (`src/simulator/device`), every step is a call the test makes, so it can forge, tamper and repeat.
 * Signing uses node-forge (slow RSA, fine for a handful of requests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { build, parse, type PlistValue } from 'plist';
import { createCertificateAuthority, issueDeviceIdentity, type MdmCertificateAuthority } from '../../src/mdm/certificate-authority.js';
import { certificatePem, newRsaKey, randomSerialHex, wholeSeconds } from '../../src/crypto/x509.js';

export type Dict = Record<string, PlistValue>;

export interface SigningIdentity {
  readonly key: forge.pki.rsa.PrivateKey;
  readonly certificate: forge.pki.Certificate;
}

/** A device CA for tests, written to `<dir>/device-ca.pem` for `MDM_DEVICE_CA_FILE`. */
export function testDeviceCa(dir: string, now = new Date()): { ca: MdmCertificateAuthority; file: string } {
  const ca = createCertificateAuthority({ commonName: 'Test iPhone Device CA', now });
  const file = path.join(dir, 'device-ca.pem');
  fs.writeFileSync(file, ca.certificatePem);
  return { ca, file };
}

/**
 * What a hand-held test device enrolls against: a server that trusts only this test's device CA
 * (written to `dir`, a fresh temporary directory named after `prefix`), not the simulator's, and issues
 * PKCS#12 identities. `env` is `startTestServer`'s environment.
 */
export function handHeldDeviceSetup(prefix: string): {
  dir: string;
  deviceCa: { ca: MdmCertificateAuthority; file: string };
  env: Record<string, string>;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const deviceCa = testDeviceCa(dir);
  return { dir, deviceCa, env: { MDM_IDENTITY: 'pkcs12', MDM_DEVICE_CA_FILE: deviceCa.file, MDM_TRUST_SIMULATOR_DEVICE_CA: 'false' } };
}

/** A CA of a test hierarchy: what issues (its key) and what the other certificates name (its forge certificate). */
export interface TestCa extends MdmCertificateAuthority {
  readonly certificate: forge.pki.Certificate;
}

/**
 * A CA made with forge, signed by `issuer` (self-signed without one), with `pathLength` as its
 * basicConstraints pathLenConstraint (none when undefined): a manufacturer's root and intermediate.
 */
export function testCa(commonName: string, options: { issuer?: TestCa; pathLength?: number; now?: Date } = {}): TestCa {
  const now = options.now ?? new Date();
  const { privateKeyPem, privateKey, publicKey } = newRsaKey();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = randomSerialHex();
  certificate.validity.notBefore = wholeSeconds(now.getTime() - 3_600_000);
  certificate.validity.notAfter = wholeSeconds(now.getTime() + 10 * 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Test Devices Inc' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(options.issuer ? options.issuer.certificate.subject.attributes : subject);
  certificate.setExtensions([
    {
      name: 'basicConstraints',
      critical: true,
      cA: true,
      ...(options.pathLength === undefined ? {} : { pathLenConstraint: options.pathLength }),
    },
    { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const signer = options.issuer ? (forge.pki.privateKeyFromPem(options.issuer.privateKeyPem) as forge.pki.rsa.PrivateKey) : privateKey;
  certificate.sign(signer, forge.md.sha256.create());
  return { certificate, certificatePem: certificatePem(certificate), privateKeyPem };
}

/** What a device CA burns into a device: a key and a certificate (the PKCS#12 route, opened). */
export function factoryIdentity(ca: MdmCertificateAuthority, serialNumber: string, now = new Date()): SigningIdentity {
  const issued = issueDeviceIdentity(ca, { serialNumber, now });
  return identityOfPkcs12(issued.pkcs12, issued.password);
}

export function identityOfPkcs12(pkcs12: Buffer | Uint8Array, password: string): SigningIdentity {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(pkcs12).toString('binary')), password);
  const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]![0]!;
  const certificates = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]!.map((bag) => bag.cert!);
  // The bag holds the CA too; the device's own certificate is the one its key belongs to.
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  const certificate = certificates.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n))!;
  return { key, certificate };
}

/** CMS SignedData over `content` as devices make it, DER. */
export function signCms(
  content: Buffer,
  identity: SigningIdentity,
  options: { detached?: boolean; digest?: 'sha1' | 'sha256'; signingTime?: Date; chain?: readonly forge.pki.Certificate[] } = {},
): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  p7.addCertificate(identity.certificate);
  // The certificates above the device's own, as a device that sends its chain does.
  for (const certificate of options.chain ?? []) p7.addCertificate(certificate);
  p7.addSigner({
    key: identity.key,
    certificate: identity.certificate,
    digestAlgorithm: forge.pki.oids[options.digest ?? 'sha256']!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.messageDigest! },
      { type: forge.pki.oids.signingTime!, value: (options.signingTime ?? new Date()) as unknown as string },
    ],
  });
  p7.sign({ detached: options.detached ?? false });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

export function machineInfo(serialNumber: string, udid: string, extra: Dict = {}): Buffer {
  return Buffer.from(
    build({ UDID: udid, SERIAL: serialNumber, PRODUCT: 'iPad13,18', VERSION: '21F79', OS_VERSION: '17.5', LANGUAGE: 'en', ...extra }),
  );
}

/** The enrollment profile's two payloads, and the identity it carries. */
export function readEnrollmentProfile(xml: string): { mdm: Dict; identity: SigningIdentity } {
  const profile = parse(xml) as Dict;
  const payloads = profile.PayloadContent as Dict[];
  const pkcs12 = payloads.find((p) => p.PayloadType === 'com.apple.security.pkcs12')!;
  const mdm = payloads.find((p) => p.PayloadType === 'com.apple.mdm')!;
  return { mdm, identity: identityOfPkcs12(pkcs12.PayloadContent as Uint8Array, pkcs12.Password as string) };
}

/** An enrollment profile with a SCEP identity: its MDM payload and the SCEP payload's content. */
export function readScepEnrollmentProfile(xml: string): { mdm: Dict; scep: Dict } {
  const payloads = (parse(xml) as Dict).PayloadContent as Dict[];
  const scep = payloads.find((p) => p.PayloadType === 'com.apple.security.scep');
  if (!scep) throw new Error('the profile has no com.apple.security.scep payload');
  const mdm = payloads.find((p) => p.PayloadType === 'com.apple.mdm')!;
  return { mdm, scep: scep.PayloadContent as Dict };
}

/** A signing identity of PEM key and certificate (a key made by the device, the certificate SCEP issued). */
export function identityOfPem(privateKeyPem: string, certificatePem: string): SigningIdentity {
  return {
    key: forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey,
    certificate: forge.pki.certificateFromPem(certificatePem),
  };
}

/** A device after enrollment: sends signed check-ins and connects. */
export class TestMdmDevice {
  constructor(
    readonly udid: string,
    readonly mdm: Dict,
    readonly identity: SigningIdentity,
  ) {}

  checkIn(message: Dict, options: { signer?: SigningIdentity; digest?: 'sha1' | 'sha256'; tamper?: boolean } = {}): Promise<Response> {
    const body = Buffer.from(build({ UDID: this.udid, Topic: this.mdm.Topic as string, ...message }));
    return this.send(this.mdm.CheckInURL as string, 'application/x-apple-aspen-mdm-checkin', body, options);
  }

  connect(report: Dict, options: { signer?: SigningIdentity; digest?: 'sha1' | 'sha256'; tamper?: boolean } = {}): Promise<Response> {
    const body = Buffer.from(build({ UDID: this.udid, ...report }));
    return this.send(this.mdm.ServerURL as string, 'application/x-apple-aspen-mdm', body, options);
  }

  /** Connects with `report` and returns the command sent back (null for an empty reply). */
  async nextCommand(report: Dict): Promise<{ CommandUUID: string; Command: Dict } | null> {
    const response = await this.connect(report);
    if (response.status !== 200) throw new Error(`connect answered ${response.status}: ${await response.text()}`);
    const text = await response.text();
    return text === '' ? null : (parse(text) as { CommandUUID: string; Command: Dict });
  }

  tokenUpdate(awaitingConfiguration: boolean): Promise<Response> {
    return this.checkIn({
      MessageType: 'TokenUpdate',
      Token: Buffer.from('a1b2c3d4e5f60718', 'hex'),
      PushMagic: 'F00D-MAGIC',
      UnlockToken: Buffer.from('unlock-me'),
      AwaitingConfiguration: awaitingConfiguration,
    });
  }

  private send(
    url: string,
    contentType: string,
    body: Buffer,
    options: { signer?: SigningIdentity; digest?: 'sha1' | 'sha256'; tamper?: boolean },
  ): Promise<Response> {
    const signature = signCms(body, options.signer ?? this.identity, { detached: true, digest: options.digest ?? 'sha256' });
    const sent = options.tamper ? Buffer.from(body.toString('utf8').replace('</dict>', '<key>Extra</key><string>x</string></dict>')) : body;
    return fetch(url, {
      method: 'PUT',
      headers: { 'content-type': contentType, 'mdm-signature': signature.toString('base64') },
      body: sent,
    });
  }
}

/** POSTs a signed MachineInfo to an enrollment URL, with the user's credentials (HTTP Basic) when given. */
export function postMachineInfo(url: string, signedMachineInfo: Buffer, user?: { username: string; password: string }): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/pkcs7-signature' };
  if (user) headers.authorization = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  return fetch(url, { method: 'POST', headers, body: signedMachineInfo });
}
