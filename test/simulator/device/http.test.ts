import { describe, expect, it } from 'vitest';
import { DeviceHttpError, type Fetch, send } from '../../../src/simulator/device/http.js';

/** A fetch that fails its first `failures` calls as undici does when a kept-alive socket is closed under it. */
function flakyFetch(failures: number, code = 'ECONNRESET'): { fetch: Fetch; calls: () => number } {
  let calls = 0;
  const fetch: Fetch = async () => {
    calls += 1;
    if (calls <= failures) throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code }) });
    return new Response('ok', { status: 200, headers: { 'content-type': 'text/plain' } });
  };
  return { fetch, calls: () => calls };
}

describe('a virtual iPad on a kept-alive connection the server closed', () => {
  it('sends a GET again once on a new connection after ECONNRESET, and gets the answer', async () => {
    const flaky = flakyFetch(1);
    const answer = await send('http://homeroom.test/scep?operation=GetCACaps', { method: 'GET' }, { fetch: flaky.fetch });
    expect(answer.body.toString()).toBe('ok');
    expect(flaky.calls()).toBe(2);
  });

  it('fails a GET reset twice with ECONNRESET: one retry only', async () => {
    const flaky = flakyFetch(2);
    const failure = await send('http://homeroom.test/x', { method: 'GET' }, { fetch: flaky.fetch }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeviceHttpError);
    expect((failure as DeviceHttpError).code).toBe('ECONNRESET');
    expect(flaky.calls()).toBe(2);
  });

  it('never sends a POST twice: the server may have acted on it (a single-use SCEP challenge)', async () => {
    const flaky = flakyFetch(1);
    const failure = await send('http://homeroom.test/scep', { method: 'POST', body: 'x' }, { fetch: flaky.fetch }).catch((e: unknown) => e);
    expect((failure as DeviceHttpError).code).toBe('ECONNRESET');
    expect(flaky.calls()).toBe(1);
  });

  it('does not retry a refused connection: nothing is listening, a second try would not change that', async () => {
    const flaky = flakyFetch(1, 'ECONNREFUSED');
    const failure = await send('http://homeroom.test/x', { method: 'GET' }, { fetch: flaky.fetch }).catch((e: unknown) => e);
    expect((failure as DeviceHttpError).message).toContain('ECONNREFUSED');
    expect(flaky.calls()).toBe(1);
  });
});
