import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../../../src/mdm/certificate-authority.js';
import {
  certRep,
  openEnvelope,
  readCertificateRequest,
  readPkiMessage,
  ScepMalformed,
  ScepRefusal,
} from '../../../src/mdm/scep/scep-message.js';
import { readCertRep, scepRequest, ScepEnrollmentError } from '../../../src/simulator/device/scep-client.js';

const ca = createCertificateAuthority({ commonName: 'SCEP test CA', now: new Date() });
const signer = { certificate: new crypto.X509Certificate(ca.certificatePem), privateKey: crypto.createPrivateKey(ca.privateKeyPem) };
const deviceKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const subject = [[['O', 'Homeroom device identity']], [['CN', 'DMPSCEP01']]] as const;

describe('SCEP messages (RFC 8894)', () => {
  it.each([
    ['AES-128-CBC', '2.16.840.1.101.3.4.1.2'],
    ['DES3', '1.2.840.113549.3.7'],
  ])('reads a PKCSReq encrypted with %s: signer, transaction, nonce, and the CSR with its challenge', (_name, cipherOid) => {
    const sent = scepRequest({ ca: signer.certificate, key: deviceKey, subject, challenge: 'open-sesame', cipherOid });
    const request = readPkiMessage(sent.message);
    expect(request).toMatchObject({ messageType: '19', transactionId: sent.transactionId, digest: 'sha256' });
    expect(request.senderNonce.equals(sent.senderNonce)).toBe(true);
    const { content, cipherOid: used } = openEnvelope(request.envelopedData, signer.privateKey);
    expect(used).toBe(cipherOid);
    const csr = readCertificateRequest(content);
    expect(csr).toMatchObject({ commonName: 'DMPSCEP01', challengePassword: 'open-sesame' });
    expect(csr.spki.equals(sent.spki)).toBe(true);
  });

  it('answers SUCCESS with the certificate enveloped to the requester, and FAILURE with its failInfo', () => {
    const sent = scepRequest({ ca: signer.certificate, key: deviceKey, subject, challenge: 'x' });
    const request = readPkiMessage(sent.message);
    const issued = Buffer.from(signer.certificate.raw);
    const success = certRep(request, { status: 'SUCCESS', certificates: [issued], cipherOid: '2.16.840.1.101.3.4.1.2' }, signer);
    const certificates = readCertRep(success, signer.certificate, deviceKey, sent.transactionId, sent.senderNonce);
    expect(certificates.map((der) => der.equals(issued))).toEqual([true]);
    const failure = certRep(request, { status: 'FAILURE', failInfo: 'badRequest' }, signer);
    expect(() => readCertRep(failure, signer.certificate, deviceKey, sent.transactionId, sent.senderNonce)).toThrow(
      new ScepEnrollmentError('the SCEP server refused the request (badRequest)'),
    );
  });

  it('refuses a tampered PKIMessage with badMessageCheck, and what is no SignedData as malformed', () => {
    const sent = scepRequest({ ca: signer.certificate, key: deviceKey, subject, challenge: 'x' });
    const tampered = Buffer.from(sent.message);
    // A byte of the encrypted content (well inside the message, past the signed attributes' start).
    tampered[Math.floor(tampered.length / 3)]! ^= 0xff;
    expect(() => readPkiMessage(tampered)).toThrow(ScepRefusal);
    expect(() => readPkiMessage(Buffer.from('not cms'))).toThrow(ScepMalformed);
  });

  it('refuses every envelope for another key with badMessageCheck', () => {
    const other = createCertificateAuthority({ commonName: 'Another CA', now: new Date() });
    const ca = new crypto.X509Certificate(other.certificatePem);
    // A wrong key decrypts with a random one, whose CBC padding is valid about 1 time in 256: many envelopes, so that slips show.
    for (let i = 0; i < 300; i += 1) {
      const request = readPkiMessage(scepRequest({ ca, key: deviceKey, subject, challenge: `x${i}` }).message);
      expect(() => openEnvelope(request.envelopedData, signer.privateKey)).toThrow(
        expect.objectContaining({ failInfo: 'badMessageCheck' }),
      );
    }
  });
});
