import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** A stand-in for `dist/web`: the two pages and one hashed asset, so these tests need no Vite build. */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Homeroom console</title>');
  fs.writeFileSync(path.join(dir, 'explorer.html'), '<!doctype html><title>Homeroom GraphQL explorer</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'console-AbC123.js'), 'console.log(1);');
  return dir;
}

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('the web console and explorer in development', () => {
  let t: TestServer;
  const dir = fakeBuild();
  beforeAll(async () => {
    t = await startTestServer({ env: { NODE_ENV: 'development' }, start: { webDirectory: dir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console at / and, as its SPA fallback, at any page path a browser opens, revalidated every time, with a CSP', async () => {
    for (const page of ['/', '/devices', '/sync/anything']) {
      const response = await fetch(`${t.server.url}${page}`, { headers: html });
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain('Homeroom console');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets as immutable for a year, and a missing asset as a 404, never as the page', async () => {
    const asset = await fetch(`${t.server.url}/assets/console-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${t.server.url}/assets/gone-123.js`, { headers: html });
    expect(missing.status).toBe(404);
  });

  it('keeps the JSON 404 for API clients and for the API and MDM paths', async () => {
    const api = await fetch(`${t.server.url}/devices`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not found' });
    const mdm = await fetch(`${t.server.url}/mdm/nothing`, { headers: html });
    expect(mdm.status).toBe(404);
  });

  it("answers a browser's GET /graphql with the bundled explorer, not Apollo's CDN landing page", async () => {
    const response = await fetch(`${t.server.url}/graphql`, { headers: html });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('Homeroom GraphQL explorer');
    expect(body).not.toMatch(/apollo|cdn/i);
  });

  it('still answers a GET /graphql with a query as GraphQL, whatever the Accept header', async () => {
    const response = await fetch(`${t.server.url}/graphql?query=${encodeURIComponent('{ viewer { name } }')}`, {
      headers: { ...html, authorization: `Bearer ${t.keys.ADMIN}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { viewer: { name: 'test-admin' } } });
  });
});

describe('the web console in production', () => {
  let t: TestServer;
  const dir = fakeBuild();
  beforeAll(async () => {
    t = await startTestServer({ env: { NODE_ENV: 'production', APPLE_DEP_URL: 'simulator' }, start: { webDirectory: dir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console but no explorer: a GET /graphql without a query is not a page', async () => {
    expect(await (await fetch(`${t.server.url}/`, { headers: html })).text()).toContain('Homeroom console');
    const explorer = await fetch(`${t.server.url}/graphql`, { headers: html });
    expect(explorer.status).toBe(400);
    expect(await explorer.text()).not.toContain('Homeroom GraphQL explorer');
  });
});

describe('a Homeroom whose web console was not built', () => {
  let t: TestServer;
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-noweb-'));
  beforeAll(async () => {
    t = await startTestServer({ env: { NODE_ENV: 'development' }, start: { webDirectory: empty } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('answers / with the JSON 404 listing the endpoints, and the API as before', async () => {
    const response = await fetch(`${t.server.url}/`, { headers: html });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ endpoints: expect.arrayContaining(['/graphql']) });
  });
});
