/**
 * Load generator, run as its own process so it uses the other core: `concurrency` loops POST
 * the same body to `url` for `seconds` after a warm-up, and print one JSON line with
 * requests/s and latency percentiles. Every response must be 200 with no GraphQL `errors`.
 * The third argument is an `Authorization` value, `-` for none, or a JSON object of headers.
 * With `LOAD_FOLLOW=<field>` each loop pages a connection instead of repeating one request: it
 * sends the previous answer's `data.<field>.pageInfo.endCursor` as the variable `after`, and
 * starts again from the first page after the last one.
 */
import http from 'node:http';

const [url, body, authorization, seconds = '8', concurrency = '8', warmup = '2'] = process.argv.slice(2);
if (!url || body === undefined) throw new Error('usage: load.js <url> <json body> <authorization|-> [seconds] [concurrency] [warmup]');
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const target = new URL(url);
const follow = process.env.LOAD_FOLLOW;
const extraHeaders: Record<string, string> = authorization?.startsWith('{')
  ? (JSON.parse(authorization) as Record<string, string>)
  : authorization && authorization !== '-'
    ? { authorization }
    : {};

/** One request; with `LOAD_FOLLOW`, `cursor` holds the loop's place in the list. */
function once(cursor: { after: string | null }): Promise<number> {
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
          if (response.statusCode !== 200 || text.includes('"errors"'))
            reject(new Error(`bad response ${response.statusCode}: ${text.slice(0, 300)}`));
          else {
            if (follow) cursor.after = nextCursor(text);
            resolve(performance.now() - started);
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

async function run(ms: number, record: boolean): Promise<number[]> {
  const latencies: number[] = [];
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
const latencies = (await run(Number(seconds) * 1000, true)).sort((a, b) => a - b);
const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 100) / 100;
process.stdout.write(
  JSON.stringify({ requests: latencies.length, rps: Math.round(latencies.length / Number(seconds)), p50: at(0.5), p99: at(0.99) }) + '\n',
);
agent.destroy();
