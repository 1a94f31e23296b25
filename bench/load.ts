/**
 * Load generator, run as its own process so it uses the other core: `concurrency` loops POST
 * the same body to `url` for `seconds` after a warm-up, and print one JSON line with
 * requests/s and latency percentiles. Every response must be 200 with no GraphQL `errors`.
 * The third argument is an `Authorization` value, `-` for none, or a JSON object of headers.
 * With `LOAD_FOLLOW=<field>` each loop pages a connection instead of repeating one request: it
 * sends the previous answer's `data.<field>.pageInfo.endCursor` as the variable `after`, and
 * starts again from the first page after the last one.
 * With `LOAD_ACCEPT_RATE_LIMITED=1` a 429 `RATE_LIMITED` answer is a refusal, not an error: it is
 * timed with the rest and counted apart, and the line adds `refused` and the served answers' own
 * p50/p99 (how a client that counts every answer sees a mix of quick refusals and slow pages).
 */
import http from 'node:http';

const [url, body, authorization, seconds = '8', concurrency = '8', warmup = '2'] = process.argv.slice(2);
if (!url || body === undefined) throw new Error('usage: load.js <url> <json body> <authorization|-> [seconds] [concurrency] [warmup]');
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const target = new URL(url);
const follow = process.env.LOAD_FOLLOW;
const acceptRateLimited = process.env.LOAD_ACCEPT_RATE_LIMITED === '1';
const extraHeaders: Record<string, string> = authorization?.startsWith('{')
  ? (JSON.parse(authorization) as Record<string, string>)
  : authorization && authorization !== '-'
    ? { authorization }
    : {};

interface Timed {
  readonly ms: number;
  readonly refused: boolean;
}

/** One request; with `LOAD_FOLLOW`, `cursor` holds the loop's place in the list. */
function once(cursor: { after: string | null }): Promise<Timed> {
  const started = performance.now();
  const sent = follow ? withAfter(cursor.after) : body!;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...extraHeaders },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (acceptRateLimited && response.statusCode === 429 && text.includes('RATE_LIMITED'))
            resolve({ ms: performance.now() - started, refused: true });
          else if (response.statusCode !== 200 || text.includes('"errors"'))
            reject(new Error(`bad response ${response.statusCode}: ${text.slice(0, 300)}`));
          else {
            if (follow) cursor.after = nextCursor(text);
            resolve({ ms: performance.now() - started, refused: false });
          }
        });
      },
    );
    request.on('error', reject);
    request.end(sent);
  });
}

function withAfter(after: string | null): string {
  const parsed = JSON.parse(body!) as { variables?: Record<string, unknown> };
  return JSON.stringify({ ...parsed, variables: { ...parsed.variables, after } });
}

function nextCursor(text: string): string | null {
  const page = (JSON.parse(text) as { data: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null } }> }).data[
    follow!
  ]!.pageInfo;
  return page.hasNextPage ? page.endCursor : null;
}

async function run(ms: number, record: boolean): Promise<Timed[]> {
  const latencies: Timed[] = [];
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      const cursor = { after: null as string | null };
      while (performance.now() < end) {
        const latency = await once(cursor);
        if (record) latencies.push(latency);
      }
    }),
  );
  return latencies;
}

await run(Number(warmup) * 1000, false);
const timed = await run(Number(seconds) * 1000, true);
const sorted = (values: number[]) => values.sort((a, b) => a - b);
const latencies = sorted(timed.map((t) => t.ms));
const served = sorted(timed.filter((t) => !t.refused).map((t) => t.ms));
const at = (list: number[], q: number) => Math.round((list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? NaN) * 100) / 100;
const line = {
  requests: latencies.length,
  rps: Math.round(latencies.length / Number(seconds)),
  p50: at(latencies, 0.5),
  p99: at(latencies, 0.99),
};
const refusals = acceptRateLimited
  ? { refused: latencies.length - served.length, p50Served: at(served, 0.5), p99Served: at(served, 0.99) }
  : {};
process.stdout.write(JSON.stringify({ ...line, ...refusals }) + '\n');
agent.destroy();
