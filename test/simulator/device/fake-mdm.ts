/**
 * A small MDM for the virtual iPad tests, on `node:http`, built from Homeroom's own MDM pieces so
 * the device is checked against what Homeroom will verify: MachineInfo through `verifySignedData`
 * trusting the Apple simulator's device CA, identities from Homeroom's MDM CA
 * (`issueDeviceIdentity`), the profile from `buildEnrollmentProfile`, and every check-in and
 * connect's `Mdm-Signature` verified (detached) against that CA. It keeps a command queue per
 * device, sends `DeviceConfigured` to a device that awaits configuration once its queue is empty,
 * and holds a command answered `NotNow` until the device's next session.
 *
 * With `users` it plays Homeroom's user affinity: the enrollment POST answers 401 with
 * `WWW-Authenticate: Basic` until the device sends credentials in the list, and the third wrong
 * attempt in a row is 403 `USER_AUTHENTICATION_FAILED`. User-channel TokenUpdates (Shared iPad
 * sign-ins) are answered 200 and kept apart from the device channel's.
 *
 * It keeps the bootstrap token of `SetBootstrapToken`, and answers the `ReturnToService` check-in as
 * `returnToService` says: `Enabled` with a plain Wi-Fi profile, a new enrollment profile (a new
 * identity, as Homeroom prepares) and a bootstrap token, or `Enabled: false`.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { build, parse, type PlistValue } from 'plist';
import { onTestFinished } from 'vitest';
import { createCertificateAuthority, issueDeviceIdentity, type MdmCertificateAuthority } from '../../../src/mdm/certificate-authority.js';
import { verifySignedData } from '../../../src/mdm/cms.js';
import { buildEnrollmentProfile, pkcs12Payload } from '../../../src/mdm/mobileconfig.js';

export type Dict = { [key: string]: PlistValue };

/** A request as the fake saw it. */
export interface SeenRequest {
  readonly kind: 'enroll' | 'checkin' | 'connect' | 'other';
  readonly method: string;
  readonly contentType: string;
  readonly body: Dict | null;
  /** The digest of the verified `Mdm-Signature` (check-ins, connects). */
  readonly digest?: 'sha1' | 'sha256';
  /** The signer's certificate serial, upper-case hex. */
  readonly signerSerial?: string;
  readonly status: number;
  /** `Authorization` of an enrollment POST. */
  readonly authorization?: string;
  /** The raw body of an enrollment POST. */
  readonly raw?: Buffer;
}

export interface FakeMdmOptions {
  /** The Apple simulator's device CA: MachineInfo signers must chain to it. */
  readonly deviceCaPem: string;
  readonly clock: { now(): Date };
  readonly topic?: string;
  readonly sharedIPad?: boolean;
  /** Send DeviceConfigured to a device awaiting configuration once its queue is empty; default true. */
  readonly autoDeviceConfigured?: boolean;
  /** Answer the enrollment POST with this instead of a profile. */
  readonly enrollmentRefusal?: { status: number; body: unknown };
  /** Changes the profile before it is sent (fault injection). */
  readonly mutateProfile?: (profile: Dict) => Dict;
  /** Sends the profile CMS-signed (by the MDM CA) instead of plain XML. */
  readonly signProfile?: boolean;
  /** Answers every connect with this status. */
  readonly connectStatus?: number;
  /** Commands queued for every device as it enrolls (before any DeviceConfigured). */
  readonly commandsOnEnrollment?: readonly Dict[];
  /** User affinity: the username -> password pairs that may sign in at enrollment. */
  readonly users?: Readonly<Record<string, string>>;
  /**
   * The answer to a ReturnToService check-in: enabled (profiles and the bootstrap token escrowed, or
   * `OTHER` bytes, or none) or not. Default: not enabled.
   */
  readonly returnToService?: { readonly enabled: boolean; readonly bootstrapToken?: 'ESCROWED' | 'OTHER' | 'NONE' };
}

/** The network of the fake's Return to Service Wi-Fi profile. */
export const FAKE_WIFI = { ssid: 'Fake-Carts', security: 'WPA2', password: 'fake password' } as const;

function wifiProfile(): string {
  return build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: 'fake.mdm.wifi',
    PayloadUUID: crypto.randomUUID().toUpperCase(),
    PayloadContent: [
      {
        PayloadType: 'com.apple.wifi.managed',
        PayloadVersion: 1,
        PayloadIdentifier: 'fake.mdm.wifi.payload',
        PayloadUUID: crypto.randomUUID().toUpperCase(),
        SSID_STR: FAKE_WIFI.ssid,
        EncryptionType: FAKE_WIFI.security,
        Password: FAKE_WIFI.password,
        AutoJoin: true,
      },
    ],
  });
}

/** What Homeroom counts too: the third wrong sign-in in a row ends the enrollment. */
const FAKE_MAX_FAILED_SIGN_INS = 3;

interface DeviceRecord {
  readonly udid: string;
  readonly serialNumber: string;
  readonly identitySerial: string;
  queue: Dict[];
  deferred: Dict[];
  awaiting: boolean;
  sent: Map<string, Dict>;
}

export interface FakeMdm {
  readonly url: string;
  readonly enrollUrl: string;
  readonly topic: string;
  readonly ca: MdmCertificateAuthority;
  readonly requests: SeenRequest[];
  /** Verified MachineInfo dictionaries, in order. */
  readonly machineInfos: Dict[];
  /** The user each device enrolled for (user affinity), by UDID. */
  readonly enrolledUsers: ReadonlyMap<string, string>;
  /** The bootstrap token each device escrowed (SetBootstrapToken), by UDID. */
  readonly bootstrapTokens: ReadonlyMap<string, Buffer>;
  /** Queues a command for `udid`; returns its CommandUUID. */
  queue(udid: string, command: Dict): string;
  /** Check-in bodies of one MessageType. */
  checkIns(messageType: string): Dict[];
  /** Connect bodies (reports) of one device. */
  reports(udid: string): Dict[];
}

const CA_CACHE: { ca?: MdmCertificateAuthority } = {};

/** One MDM CA per test file: RSA key generation is the slow part. */
function mdmCa(now: Date): MdmCertificateAuthority {
  CA_CACHE.ca ??= createCertificateAuthority({ commonName: 'Fake MDM CA', now: new Date(now.getTime() - 3600_000) });
  return CA_CACHE.ca;
}

function digestOf(der: Buffer): 'sha1' | 'sha256' {
  const parsed = asn1js.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
  const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
  return signed.signerInfos[0]!.digestAlgorithm.algorithmId === '1.3.14.3.2.26' ? 'sha1' : 'sha256';
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function plistDict(body: Buffer): Dict {
  return parse(body.toString('utf8')) as Dict;
}

/** Signs the profile with the MDM CA's key (node-forge PKCS#7, content attached). */
function signProfile(xml: string, ca: MdmCertificateAuthority): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(xml, 'utf8');
  const certificate = forge.pki.certificateFromPem(ca.certificatePem);
  p7.addCertificate(certificate);
  p7.addSigner({ key: forge.pki.privateKeyFromPem(ca.privateKeyPem), certificate, digestAlgorithm: forge.pki.oids.sha256! });
  p7.sign();
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}

/** Starts the fake MDM on a free loopback port; closed when the test ends. */
export async function startFakeMdm(options: FakeMdmOptions): Promise<FakeMdm> {
  const ca = mdmCa(options.clock.now());
  const topic = options.topic ?? 'com.apple.mgmt.External.2b0c2ad4-0b4f-4e8e-9d61-0f3f1a7c5e11';
  const requests: SeenRequest[] = [];
  const machineInfos: Dict[] = [];
  const devices = new Map<string, DeviceRecord>();
  const enrolledUsers = new Map<string, string>();
  const failedSignIns = new Map<string, number>();
  const bySerial = new Map<string, DeviceRecord>();
  const bootstrapTokens = new Map<string, Buffer>();
  let base = '';

  function device(udid: string): DeviceRecord {
    const found = devices.get(udid);
    if (!found) throw new Error(`the fake MDM does not know ${udid}`);
    return found;
  }

  /** Verifies `Mdm-Signature` over the body against the MDM CA and that the signer is the device's identity. */
  async function verifyMessage(req: http.IncomingMessage, body: Buffer): Promise<{ digest: 'sha1' | 'sha256'; signerSerial: string }> {
    const header = req.headers['mdm-signature'];
    if (typeof header !== 'string') throw new Error('no Mdm-Signature');
    const der = Buffer.from(header, 'base64');
    const verified = await verifySignedData(der, { trustedCas: [ca.certificatePem], detachedContent: body, now: options.clock.now() });
    return { digest: digestOf(der), signerSerial: new crypto.X509Certificate(verified.signerCertificatePem).serialNumber.toUpperCase() };
  }

  async function enroll(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<SeenRequest> {
    const contentType = req.headers['content-type'] ?? '';
    const verified = await verifySignedData(body, { trustedCas: [options.deviceCaPem], now: options.clock.now() });
    const info = plistDict(verified.content);
    machineInfos.push(info);
    const authorization = req.headers.authorization;
    const seen = {
      kind: 'enroll' as const,
      method: req.method!,
      contentType,
      body: info,
      raw: body,
      ...(authorization ? { authorization } : {}),
    };
    if (options.users) {
      const udid = String(info.UDID);
      const decoded = /^Basic (.+)$/.exec(authorization ?? '');
      const [username, ...rest] = decoded ? Buffer.from(decoded[1]!, 'base64').toString('utf8').split(':') : [];
      const signedIn = username !== undefined && options.users[username] !== undefined && options.users[username] === rest.join(':');
      if (!signedIn) {
        // Like Homeroom: a request without credentials starts the count over.
        const failed = authorization ? (failedSignIns.get(udid) ?? 0) + 1 : 0;
        failedSignIns.set(udid, failed);
        if (failed >= FAKE_MAX_FAILED_SIGN_INS) {
          const text = JSON.stringify({
            code: 'MDM_ENROLLMENT_REFUSED',
            message: 'Wrong credentials',
            reason: 'USER_AUTHENTICATION_FAILED',
          });
          res.writeHead(403, { 'content-type': 'application/json' }).end(text);
          return { ...seen, status: 403 };
        }
        const text = JSON.stringify({ code: 'MDM_USER_AUTHENTICATION_REQUIRED', message: 'Sign in' });
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="Fake MDM", charset="UTF-8"' }).end(text);
        return { ...seen, status: 401 };
      }
      failedSignIns.delete(udid);
      enrolledUsers.set(udid, username);
    }
    if (options.enrollmentRefusal) {
      const text = JSON.stringify(options.enrollmentRefusal.body);
      res.writeHead(options.enrollmentRefusal.status, { 'content-type': 'application/json' }).end(text);
      return { ...seen, status: options.enrollmentRefusal.status };
    }
    const payload = newEnrollment(String(info.SERIAL), String(info.UDID));
    res.writeHead(200, { 'content-type': 'application/x-apple-aspen-config' }).end(payload);
    return { ...seen, status: 200 };
  }

  /** A new identity for the device, recorded, and the enrollment profile that carries it. */
  function newEnrollment(serialNumber: string, udid: string): Buffer {
    const identity = issueDeviceIdentity(ca, { serialNumber, udid, now: options.clock.now() });
    const queue = (options.commandsOnEnrollment ?? []).map((command) => ({
      CommandUUID: crypto.randomUUID().toUpperCase(),
      Command: command,
    }));
    const record: DeviceRecord = {
      udid,
      serialNumber,
      identitySerial: identity.serialNumber,
      queue,
      deferred: [],
      awaiting: false,
      sent: new Map(),
    };
    devices.set(udid, record);
    bySerial.set(identity.serialNumber, record);
    let profile = buildEnrollmentProfile({
      topic,
      serverUrl: `${base}/mdm/connect`,
      checkInUrl: `${base}/mdm/checkin`,
      identity: pkcs12Payload(identity),
      organization: 'Fake MDM',
      sharedIPad: options.sharedIPad ?? false,
    });
    if (options.mutateProfile) profile = build(options.mutateProfile(parse(profile) as Dict));
    return options.signProfile ? signProfile(profile, ca) : Buffer.from(profile, 'utf8');
  }

  /** The ReturnToService check-in's answer (see `returnToService`). */
  function returnToServiceAnswer(udid: string, serialNumber: string): string {
    const answer = options.returnToService;
    if (!answer?.enabled) return build({ ReturnToService: { Enabled: false } });
    const escrowed = bootstrapTokens.get(udid);
    const token = answer.bootstrapToken === 'NONE' ? null : answer.bootstrapToken === 'OTHER' ? crypto.randomBytes(32) : escrowed;
    const dict: Dict = {
      Enabled: true,
      WiFiProfileData: new Uint8Array(Buffer.from(wifiProfile(), 'utf8')),
      MDMProfileData: new Uint8Array(newEnrollment(serialNumber, udid)),
    };
    if (token) dict.BootstrapToken = new Uint8Array(token);
    return build({ ReturnToService: dict });
  }

  async function checkIn(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<SeenRequest> {
    const contentType = req.headers['content-type'] ?? '';
    const signature = await verifyMessage(req, body);
    const message = plistDict(body);
    const record = device(String(message.UDID));
    if (record.identitySerial !== signature.signerSerial) throw new Error('signed by another identity');
    // A user channel's TokenUpdate (UserShortName) says nothing about the device awaiting configuration.
    if (message.MessageType === 'TokenUpdate' && message.UserShortName === undefined)
      record.awaiting = message.AwaitingConfiguration === true;
    if (message.MessageType === 'SetBootstrapToken' && message.BootstrapToken instanceof Uint8Array)
      bootstrapTokens.set(record.udid, Buffer.from(message.BootstrapToken));
    if (message.MessageType === 'ReturnToService') {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(returnToServiceAnswer(record.udid, record.serialNumber));
      return { kind: 'checkin', method: req.method!, contentType, body: message, ...signature, status: 200 };
    }
    res.writeHead(200).end();
    return { kind: 'checkin', method: req.method!, contentType, body: message, ...signature, status: 200 };
  }

  async function connect(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<SeenRequest> {
    const contentType = req.headers['content-type'] ?? '';
    const signature = await verifyMessage(req, body);
    const report = plistDict(body);
    const record = device(String(report.UDID));
    if (record.identitySerial !== signature.signerSerial) throw new Error('signed by another identity');
    if (options.connectStatus !== undefined) {
      res.writeHead(options.connectStatus).end();
      return { kind: 'connect', method: req.method!, contentType, body: report, ...signature, status: options.connectStatus };
    }
    if (report.Status === 'Idle') record.queue.unshift(...record.deferred.splice(0));
    const answered = typeof report.CommandUUID === 'string' ? record.sent.get(report.CommandUUID) : undefined;
    if (answered) {
      record.sent.delete(report.CommandUUID as string);
      if (report.Status === 'NotNow') record.deferred.push(answered);
      const requestType = (answered.Command as Dict).RequestType;
      if (requestType === 'DeviceConfigured' && report.Status === 'Acknowledged') record.awaiting = false;
    }
    if (record.queue.length === 0 && record.deferred.length === 0 && record.awaiting && options.autoDeviceConfigured !== false) {
      const alreadySent = [...record.sent.values()].some((command) => (command.Command as Dict).RequestType === 'DeviceConfigured');
      if (!alreadySent) record.queue.push({ CommandUUID: crypto.randomUUID(), Command: { RequestType: 'DeviceConfigured' } });
    }
    const next = record.queue.shift();
    if (next) {
      record.sent.set(next.CommandUUID as string, next);
      res.writeHead(200, { 'content-type': 'application/xml' }).end(build(next));
    } else {
      res.writeHead(200).end();
    }
    return { kind: 'connect', method: req.method!, contentType, body: report, ...signature, status: 200 };
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      try {
        if (req.method === 'POST' && path === '/enroll') requests.push(await enroll(req, res, body));
        else if (req.method === 'PUT' && path === '/mdm/checkin') requests.push(await checkIn(req, res, body));
        else if (req.method === 'PUT' && path === '/mdm/connect') requests.push(await connect(req, res, body));
        else {
          requests.push({
            kind: 'other',
            method: req.method ?? '',
            contentType: req.headers['content-type'] ?? '',
            body: null,
            status: 404,
          });
          res.writeHead(404).end();
        }
      } catch (error) {
        // Refused like Homeroom refuses: 403 with a JSON reason, never 401.
        requests.push({ kind: 'other', method: req.method ?? '', contentType: req.headers['content-type'] ?? '', body: null, status: 403 });
        if (!res.headersSent)
          res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: (error as Error).message }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return {
    url: base,
    enrollUrl: `${base}/enroll`,
    topic,
    ca,
    requests,
    machineInfos,
    enrolledUsers,
    bootstrapTokens,
    queue(udid, command) {
      const commandUuid = crypto.randomUUID().toUpperCase();
      const record = devices.get(udid);
      const envelope = { CommandUUID: commandUuid, Command: command };
      if (record) record.queue.push(envelope);
      else throw new Error(`the fake MDM does not know ${udid} yet`);
      return commandUuid;
    },
    checkIns: (messageType) => requests.filter((r) => r.kind === 'checkin' && r.body?.MessageType === messageType).map((r) => r.body!),
    reports: (udid) => requests.filter((r) => r.kind === 'connect' && r.body?.UDID === udid).map((r) => r.body!),
  };
}
