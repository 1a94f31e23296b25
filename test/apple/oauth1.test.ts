/**
 * The OAuth 1.0a HMAC-SHA1 signer for Apple's GET /session, checked against the published vectors of
 * OAuth Core 1.0 (Appendix A) and RFC 5849 (sections 1.2 and 3.4.1), and against an independent HMAC.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createNonce,
  normalizeBaseUrl,
  normalizeParameters,
  percentEncode,
  signatureBaseString,
  signOAuth1,
  type DepCredentials,
} from '../../src/apple/oauth1.js';

/** The credentials of the photos.example.net examples. */
const PHOTOS: DepCredentials = {
  consumerKey: 'dpf43f3p2l4k3l03',
  consumerSecret: 'kd94hf93k423kf44',
  accessToken: 'nnch734d00sl2jdk',
  accessSecret: 'pfkkdhi9sl3r4s00',
};

function headerParams(authorization: string): Record<string, string> {
  expect(authorization.startsWith('OAuth ')).toBe(true);
  return Object.fromEntries(
    authorization
      .slice('OAuth '.length)
      .split(', ')
      .map((part) => {
        const match = /^([a-z_]+)="([^"]*)"$/.exec(part);
        expect(match, part).not.toBeNull();
        return [match![1]!, decodeURIComponent(match![2]!)];
      }),
  );
}

describe('percentEncode', () => {
  it('keeps only the RFC 3986 unreserved characters and upper-cases the hex', () => {
    expect(percentEncode('AZaz09-._~')).toBe('AZaz09-._~');
    expect(percentEncode("!*'() /=+&%")).toBe('%21%2A%27%28%29%20%2F%3D%2B%26%25');
    expect(percentEncode('é☃')).toBe('%C3%A9%E2%98%83');
  });
});

describe('normalizeBaseUrl', () => {
  it('lower-cases scheme and host, drops default ports, query and fragment, keeps other ports', () => {
    expect(normalizeBaseUrl('HTTP://Example.com:80/r%20v/X?id=123#frag')).toBe('http://example.com/r%20v/X');
    expect(normalizeBaseUrl('https://www.example.net:8080/?q=1')).toBe('https://www.example.net:8080/');
    expect(normalizeBaseUrl('https://mdmenrollment.apple.com:443/session')).toBe('https://mdmenrollment.apple.com/session');
    expect(normalizeBaseUrl('http://127.0.0.1:8081/session')).toBe('http://127.0.0.1:8081/session');
  });
});

describe('signature base string', () => {
  it('matches the RFC 5849 section 3.4.1 example, query and body parameters included', () => {
    const url = 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b';
    const params: Array<[string, string]> = [
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['c2', ''],
      ['a3', '2 q'],
    ];
    expect(signatureBaseString('POST', url, params)).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D' +
        '%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1' +
        '%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('sorts parameters by encoded name, then by encoded value', () => {
    expect(
      normalizeParameters([
        ['b', '2'],
        ['a', 'z'],
        ['a', ' '],
        ['a1', 'x'],
      ]),
    ).toBe('a=%20&a=z&a1=x&b=2');
  });

  it('gives the RFC 5849 section 1.2 signature when fed that example (which has no oauth_version)', () => {
    const base = signatureBaseString('GET', 'http://photos.example.net/photos?file=vacation.jpg&size=original', [
      ['oauth_consumer_key', PHOTOS.consumerKey],
      ['oauth_token', PHOTOS.accessToken],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131202'],
      ['oauth_nonce', 'chapoH'],
    ]);
    expect(createHmac('sha1', `${PHOTOS.consumerSecret}&${PHOTOS.accessSecret}`).update(base).digest('base64')).toBe(
      'MdpQcU8iPSUjWoN/UDMsK2sui9I=',
    );
  });
});

describe('signOAuth1', () => {
  it('reproduces the OAuth Core 1.0 Appendix A.5 signature', () => {
    const signed = signOAuth1({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      credentials: PHOTOS,
      timestamp: 1191242096,
      nonce: 'kllo9940pd9333jh',
    });
    expect(signed.baseString).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03' +
        '%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096' +
        '%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal',
    );
    expect(signed.signature).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=');
    expect(signed.authorization).toContain('oauth_signature="tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D"');
  });

  it('writes an Apple-style header: realm ADM first, every oauth_* parameter, values percent-encoded', () => {
    const { authorization } = signOAuth1({
      method: 'GET',
      url: 'https://mdmenrollment.apple.com/session',
      credentials: { consumerKey: 'CK_1', consumerSecret: 'CS/1=', accessToken: 'AT_1', accessSecret: 'AS+1' },
      timestamp: 1788249600,
      nonce: 'abc123',
    });
    expect(authorization.startsWith('OAuth realm="ADM", ')).toBe(true);
    expect(headerParams(authorization)).toEqual({
      realm: 'ADM',
      oauth_consumer_key: 'CK_1',
      oauth_token: 'AT_1',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '1788249600',
      oauth_nonce: 'abc123',
      oauth_version: '1.0',
      oauth_signature: expect.any(String),
    });
  });

  it('signs with pct(consumer_secret)&pct(access_secret), verified by an independent HMAC', () => {
    const credentials = { consumerKey: 'CK_x', consumerSecret: 'c s&é', accessToken: 'AT_y', accessSecret: 'a/b=' };
    const signed = signOAuth1({ method: 'get', url: 'http://127.0.0.1:8081/session', credentials, timestamp: 42, nonce: 'n', realm: null });
    const expectedBase =
      'GET&http%3A%2F%2F127.0.0.1%3A8081%2Fsession&oauth_consumer_key%3DCK_x%26oauth_nonce%3Dn%26oauth_signature_method%3DHMAC-SHA1' +
      '%26oauth_timestamp%3D42%26oauth_token%3DAT_y%26oauth_version%3D1.0';
    expect(signed.baseString).toBe(expectedBase);
    expect(signed.signature).toBe(createHmac('sha1', 'c%20s%26%C3%A9&a%2Fb%3D').update(expectedBase).digest('base64'));
    expect(signed.authorization).not.toContain('realm');
  });
});

describe('createNonce', () => {
  it('is 16 random bytes as hex, different every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
  });
});
