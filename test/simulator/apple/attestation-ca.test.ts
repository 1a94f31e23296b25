import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';

/** The leaf's extensions, OID to extnValue content. */
function extensionsOf(der: Buffer): Map<string, Buffer> {
  const tbs = (asn1js.fromBER(new Uint8Array(der)).result as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  const explicit = tbs.valueBlock.value.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 3) as asn1js.Constructed;
  const found = new Map<string, Buffer>();
  for (const extension of (explicit.valueBlock.value[0] as asn1js.Sequence).valueBlock.value as asn1js.Sequence[]) {
    const parts = extension.valueBlock.value;
    found.set(
      (parts[0] as asn1js.ObjectIdentifier).valueBlock.toString(),
      Buffer.from((parts[parts.length - 1] as asn1js.OctetString).valueBlock.valueHexView),
    );
  }
  return found;
}

describe('the simulated Apple attestation CA over HTTP', () => {
  let simulator: RunningAppleSimulator;
  beforeAll(async () => {
    simulator = await startAppleSimulator({ devices: 0 });
  });
  afterAll(() => simulator.close());

  it('publishes its root at GET /simulator/attestation-ca, a self-signed P-384 CA not named as Apple exactly', async () => {
    const answer = await fetch(`${simulator.url}/simulator/attestation-ca`);
    expect(answer.status).toBe(200);
    const root = new crypto.X509Certificate(await answer.text());
    expect(root.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(root.subject).toContain('(Homeroom simulator)');
    expect(root.toString()).toBe(new crypto.X509Certificate(simulator.attestationRootPem()).toString());
  });

  it('attests a device key at POST /simulator/device-attestations: leaf and intermediate, with freshness code, serial and UDID', async () => {
    const key = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const freshness = crypto.createHash('sha256').update('token').digest();
    const answer = await fetch(`${simulator.url}/simulator/device-attestations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serial: 'DMPXK2ABCD20',
        udid: '00008101-001E30590C08001E',
        publicKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        freshnessCode: freshness.toString('base64'),
      }),
    });
    expect(answer.status).toBe(200);
    const { x5c } = (await answer.json()) as { x5c: string[] };
    expect(x5c).toHaveLength(2);
    const [leaf, intermediate] = x5c.map((der) => new crypto.X509Certificate(Buffer.from(der, 'base64')));
    const root = new crypto.X509Certificate(simulator.attestationRootPem());
    expect(leaf!.verify(intermediate!.publicKey) && intermediate!.verify(root.publicKey)).toBe(true);
    expect(leaf!.publicKey.export({ type: 'spki', format: 'der' }).equals(key.publicKey.export({ type: 'spki', format: 'der' }))).toBe(
      true,
    );
    const facts = extensionsOf(Buffer.from(x5c[0]!, 'base64'));
    expect(facts.get('1.2.840.113635.100.8.11.1')!.equals(freshness)).toBe(true);
    expect(facts.get('1.2.840.113635.100.8.9.1')!.toString()).toBe('DMPXK2ABCD20');
    expect(facts.get('1.2.840.113635.100.8.9.2')!.toString()).toBe('00008101-001E30590C08001E');
  });

  it('refuses INVALID_FRESHNESS_CODE and INVALID_PUBLIC_KEY with 400', async () => {
    const post = (body: unknown) =>
      fetch(`${simulator.url}/simulator/device-attestations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const base = { serial: 'DMPXK2ABCD20', udid: '00008101-001E30590C08001E' };
    const short = await post({ ...base, publicKey: 'AAAA', freshnessCode: 'AAAA' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain('INVALID_FRESHNESS_CODE');
    const badKey = await post({ ...base, publicKey: 'AAAA', freshnessCode: Buffer.alloc(32).toString('base64') });
    expect(badKey.status).toBe(400);
    expect(JSON.stringify(await badKey.json())).toContain('INVALID_PUBLIC_KEY');
  });
});
