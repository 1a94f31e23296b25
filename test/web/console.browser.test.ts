/**
 * The reference console in a real browser (Debian's Chromium driven by playwright-core) against
 * an in-process Homeroom started as `npm start` starts it: development mode, the embedded Apple
 * simulator with its demo school of 300 iPads, the console and explorer built in `dist/web`.
 *
 * The journey: key -> setup wizard (public key downloaded, an MDM server made with it on the
 * simulated Apple School Manager portal over HTTP, the demo iPads assigned to it, its .p7m
 * uploaded through the file picker) -> token health -> a profile (its rule error shown inline
 * first) -> a sync followed live -> 300 devices assigned with the job's progress bar reaching
 * 100% -> 20 virtual iPads powered on, their tiles turning ENROLLED -> the wall's button starting a
 * rehearsal of 5 more on the server, followed to SUCCEEDED with their tiles ENROLLED. That Homeroom
 * runs with GRAPHQL_TRUSTED_DOCUMENTS=only, and every operation the console sent must be a hash of
 * web/trusted-documents.json without its document. The explorer runs on another Homeroom, with
 * `allow` (its ad-hoc documents are in no manifest). Each page is
 * saved as a PNG under artifacts/screenshots/ (gitignored; CI keeps the folder).
 *
 * Skipped, saying so, where /usr/bin/chromium is missing (`apt-get install -y chromium`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import { webBuildDirectory } from '../../src/http/web-pages.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { uploadSimulatedToken } from '../support/tokens.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const SCREENSHOTS = path.resolve('artifacts', 'screenshots');
const SERVER_NAME = 'Homeroom';
const TIMEOUT = 30_000;

if (!hasChromium) console.warn(`console.browser.test.ts skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('the reference console in Chromium', () => {
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let browser: Browser;
  let page: Page;
  const sent: { query: string | null; hash: string | null; operationName: string }[] = [];
  const problems: string[] = [];
  const ipads: VirtualIPad[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-browser-'));

  async function snap(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async function portal<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${apple.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(webBuildDirectory(), 'index.html'))) throw new Error('dist/web is missing: run `npm run build`');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // Trusted documents only: the console must get by on the hashes of web/trusted-documents.json.
    t = await startTestServer({ env: { NODE_ENV: 'development', APPLE_SIMULATOR_DEVICES: '300', GRAPHQL_TRUSTED_DOCUMENTS: 'only' } });
    apple = t.server.apple.simulator!;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    // What the console sends: HTTP operations and graphql-ws subscribe messages, each (it must be)
    // a hash without its document. (urql sends queries as GET within the URL length limit, mutations as POST.)
    const record = (body: { query?: unknown; operationName?: unknown; extensions?: unknown }) => {
      let extensions = body.extensions;
      if (typeof extensions === 'string') extensions = JSON.parse(extensions) as unknown;
      const hash = (extensions as { persistedQuery?: { sha256Hash?: string } } | undefined)?.persistedQuery?.sha256Hash ?? null;
      sent.push({
        query: typeof body.query === 'string' && body.query !== '' ? body.query : null,
        hash,
        operationName: String(body.operationName),
      });
    };
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname !== '/graphql' || request.resourceType() === 'document') return;
      if (request.method() === 'POST') record(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
      else if (url.searchParams.has('extensions') || url.searchParams.has('query'))
        record(Object.fromEntries(url.searchParams) as Record<string, unknown>);
    });
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: Record<string, unknown> };
        if (message.type === 'subscribe') record(message.payload!);
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('walks key -> setup -> token -> profile -> sync -> assign 300 -> 20 iPads ENROLLED -> a rehearsal of 5 from the wall, with live progress, in trusted documents only', async () => {
    const started = Date.now();
    const step = (name: string) => console.log(`browser journey: ${name} at ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Key.
    await page.goto(`${t.server.url}/`);
    await page.getByLabel('API key').fill(t.keys.ADMIN);
    await snap('01-key');
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.getByRole('heading', { name: 'Setup', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    step('key accepted');

    // Setup wizard: the simulated push certificate, then the public key, downloaded.
    await page.getByText('simulated (demo)').waitFor();
    await page.getByRole('button', { name: 'Generate public key' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download public key (.pem)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('homeroom-public-key.pem');
    const publicKeyPem = fs.readFileSync((await download.path())!, 'utf8');
    expect(publicKeyPem).toContain('-----BEGIN CERTIFICATE-----');

    // The school's admin, on the simulated ASM portal over HTTP: an MDM server for that key, the demo iPads assigned to it.
    const created = await portal<{ token: { fileName: string; content: string } }>('POST', '/portal/servers', {
      name: SERVER_NAME,
      publicKeyPem,
    });
    const { devices } = await portal<{ devices: Array<{ serial_number: string }> }>('GET', '/portal/devices?limit=1000');
    const serials = devices.map((d) => d.serial_number).sort();
    expect(serials).toHaveLength(300);
    await portal('POST', `/portal/servers/${SERVER_NAME}/devices`, { serials });
    const tokenFile = path.join(scratch, created.token.fileName);
    fs.writeFileSync(tokenFile, created.token.content);

    // Upload the .p7m through the file picker; the token's health and its first sync, live.
    await page.getByLabel('Token name').fill('Riverside');
    await page.getByLabel('Apple ID that downloaded it').fill('it@riverside.example');
    await page.getByLabel('Server token (.p7m)').setInputFiles(tokenFile);
    await page.getByRole('button', { name: 'Upload token' }).click();
    await page.getByText('Token “Riverside” uploaded').waitFor();
    await page.getByTestId('sync-live-status').filter({ hasText: 'FULL sync SUCCEEDED' }).waitFor();
    await page.getByTestId('token-device-count').filter({ hasText: /^300$/ }).waitFor();
    await page.getByRole('listitem', { name: 'Token Riverside' }).getByText('ACTIVE', { exact: true }).waitFor();
    // Its health, live (tokenHealthChanged's snapshot): the countdown and Apple's terms.
    await page
      .getByTestId('token-expiry')
      .filter({ hasText: /\d+ days? left/ })
      .waitFor();
    await page.getByRole('listitem', { name: 'Token Riverside' }).getByText('accepted', { exact: true }).waitFor();
    // The footer reports the last operation's cost (extensions.cost).
    await page
      .getByTestId('last-cost')
      .filter({ hasText: /cost \d+/ })
      .waitFor();
    await snap('02-setup-wizard');
    step('token uploaded and synced');

    // Profile: a broken rule first (locked without supervised), shown beside the setting; then a good one.
    await page.getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Year 7 carts');
    await page.getByLabel('Supervised', { exact: true }).uncheck();
    await page.getByLabel('Locked enrollment').check();
    await page.getByRole('button', { name: 'Create profile' }).click();
    const ruleError = page.locator('#lockedEnrollment-error');
    await ruleError.waitFor();
    expect(await ruleError.textContent()).toContain('PROFILE_RULE_VIOLATION');
    expect(await page.getByLabel('Locked enrollment').getAttribute('aria-invalid')).toBe('true');
    await snap('03-profile-rule-error');
    await page.getByLabel('Supervised', { exact: true }).check();
    await page.getByLabel('Await device configured').check();
    await page.getByLabel('Department (About Configuration)').fill('Riverside Science');
    await page.getByLabel('passcode', { exact: true }).check();
    await page.getByLabel('siri', { exact: true }).check();
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('rowheader', { name: 'Year 7 carts' }).waitFor();
    await snap('04-profiles');
    step('profile created');

    // Sync now: a LIMITED run (the upload's was FULL), followed live; then the 15-minute cooldown.
    await page.getByRole('link', { name: 'Sync' }).click();
    await page.getByTestId('sync-cooldown').filter({ hasText: 'may start now' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-live-status').filter({ hasText: 'LIMITED sync SUCCEEDED' }).waitFor();
    await page
      .getByTestId('sync-cooldown')
      .filter({ hasText: /Next sync available in 1[45]:\d\d/ })
      .waitFor();
    await page.getByRole('cell', { name: 'LIMITED' }).waitFor();
    await snap('05-sync');
    step('sync followed live');

    // Devices: all 300, selected by filter, previewed, then assigned with the live progress bar.
    await page.getByRole('link', { name: 'Devices' }).click();
    await page
      .getByTestId('device-count')
      .filter({ hasText: /^300 devices$/ })
      .waitFor();
    const renderedRows = await page.locator('.device-body [role="row"]').count();
    expect(renderedRows).toBeLessThan(60); // windowed: only the rows in view exist
    await snap('06-devices');
    // Family and first-seen filters: every simulated device is an iPad, none was first seen before 2001; Clear filters undoes both.
    await page.getByLabel('Device family').selectOption('iPad');
    await page
      .getByTestId('device-count')
      .filter({ hasText: /^300 devices$/ })
      .waitFor();
    await page.getByLabel('First seen before').fill('2001-01-01');
    await page
      .getByTestId('device-count')
      .filter({ hasText: /^0 devices$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await page.getByLabel('Device family').inputValue()).toBe('');
    expect(await page.getByLabel('First seen before').inputValue()).toBe('');
    await page
      .getByTestId('device-count')
      .filter({ hasText: /^300 devices$/ })
      .waitFor();
    await page.getByRole('button', { name: 'Select all 300 matching' }).click();
    await page.getByRole('button', { name: 'Assign profile…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign a profile to 300 devices' });
    await dialog.getByLabel('Profile').selectOption({ label: 'Year 7 carts' });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByTestId('preview-will-change').filter({ hasText: /^300$/ }).waitFor();
    await snap('07-assign-preview');
    await dialog.getByRole('button', { name: 'Assign 300 devices' }).click();
    await dialog.locator('[role="progressbar"][aria-label="Assignment progress"][aria-valuenow="100"]').waitFor();
    await dialog.getByTestId('job-status').filter({ hasText: 'SUCCEEDED: 300 assigned' }).waitFor();
    await snap('08-assign-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    step('300 devices assigned');

    // Enrollment wall: 20 virtual iPads power on; their tiles turn ENROLLED as the events arrive.
    await page.getByRole('link', { name: 'Enrollment wall' }).click();
    await page.getByText('Live: tiles change as devices enroll.').waitFor();
    const cart = serials.slice(0, 20);
    for (const serialNumber of cart) {
      ipads.push(await VirtualIPad.create({ appleUrl: apple.url, serialNumber, connectPollIntervalMs: 10, maxConnectPolls: 1000 }));
    }
    const poweredOn = Promise.all(ipads.map((ipad) => ipad.powerOn()));
    await page.locator('.tile').first().waitFor();
    await snap('09-wall-enrolling');
    expect(await poweredOn).toEqual(cart.map(() => 'HOME'));
    await page.locator('.tile[data-state="ENROLLED"]').nth(19).waitFor();
    expect(await page.locator('.tile').count()).toBe(20);
    for (const serial of cart) await page.getByRole('listitem', { name: `${serial}: ENROLLED` }).waitFor();
    await page
      .getByTestId('count-ENROLLED')
      .filter({ hasText: /^20 enrolled$/ })
      .waitFor();
    await snap('10-wall-enrolled');
    step('20 iPads enrolled');

    // The wall's own button: a rehearsal of 5 more iPads, run by the server; the next 5 still in their boxes enroll.
    await page.getByLabel('Number of iPads').fill('5');
    await page.getByRole('button', { name: 'Start rehearsal' }).click();
    await page.getByTestId('rehearsal-status').waitFor();
    await snap('11-wall-rehearsal-running');
    await page.getByTestId('rehearsal-status').filter({ hasText: 'SUCCEEDED 5/5 iPads: 5 enrolled, 0 unmanaged, 0 failed' }).waitFor();
    await page.locator('[role="progressbar"][aria-label="Rehearsal progress"][aria-valuenow="100"]').waitFor();
    for (const serial of serials.slice(20, 25)) await page.getByRole('listitem', { name: `${serial}: ENROLLED` }).waitFor();
    expect(await page.locator('.tile').count()).toBe(25);
    await page
      .getByTestId('count-ENROLLED')
      .filter({ hasText: /^25 enrolled$/ })
      .waitFor();
    await snap('12-wall-rehearsal-done');
    step('a rehearsal of 5 iPads started from the wall');

    // Only trusted documents: each operation was sent as a hash of the manifest, never as a document,
    // on a Homeroom that runs nothing else (an ad-hoc query is refused there).
    const manifest = JSON.parse(fs.readFileSync('web/trusted-documents.json', 'utf8')) as Record<string, string>;
    const untrusted = sent.filter(({ query, hash }) => query !== null || hash === null || manifest[hash] === undefined);
    const names = new Set(sent.map(({ hash }) => /(?:query|mutation|subscription)\s+(\w+)/.exec(manifest[hash ?? ''] ?? '')?.[1]));
    const adHoc = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.ADMIN}` },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(adHoc.status).toBe(400);
    expect(((await adHoc.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNTRUSTED_DOCUMENT');
    for (const live of ['SyncProgressed', 'SyncCooldown', 'AssignmentJobProgressed', 'DeviceEnrollmentChanged', 'RehearsalProgressed'])
      expect(names).toContain(live);
    expect(untrusted).toEqual([]);
    expect(problems).toEqual([]);
    console.log(
      `browser journey: ${sent.length} operations (${names.size} distinct), all by hash of web/trusted-documents.json; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 180_000);

  it('disables the rehearsal button, saying why, on a Homeroom whose Apple is a simulator elsewhere', async () => {
    // Another Homeroom, pointed at the first one's simulator as at any Apple URL: it runs no simulator of its own.
    const other = await startTestServer({ env: { NODE_ENV: 'development', APPLE_DEP_URL: apple.url } });
    try {
      await uploadSimulatedToken(other.server.services, apple, systemContext(createLogger('silent')), { name: 'Elsewhere', devices: 3 });
      const tab = await page.context().newPage();
      tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await tab.goto(`${other.server.url}/wall`);
      await tab.getByLabel('API key').fill(other.keys.ADMIN);
      await tab.getByRole('button', { name: 'Use this key' }).click();
      const why = tab.getByTestId('rehearsal-unavailable').filter({ hasText: 'APPLE_DEP_URL=simulator' });
      await why.waitFor();
      const button = tab.getByRole('button', { name: 'Start rehearsal' });
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('aria-describedby')).toBe(await why.getAttribute('id'));
      await tab.screenshot({ path: path.join(SCREENSHOTS, '16-wall-without-simulator.png'), fullPage: true });
      await tab.close();
      expect(problems).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('serves the bundled GraphiQL at /graphql: the pasted key authorizes a query over HTTP and a subscription over graphql-ws', async () => {
    // The explorer's documents are nobody's manifest: another Homeroom, where listed hashes are allowed beside any document.
    const explorer = await startTestServer({ env: { NODE_ENV: 'development', GRAPHQL_TRUSTED_DOCUMENTS: 'allow' } });
    // A fresh tab: no key until one is pasted.
    const tab = await page.context().newPage();
    try {
      tab.setDefaultTimeout(TIMEOUT);
      tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await tab.goto(`${explorer.server.url}/graphql`);
      await tab.getByLabel('API key').fill(explorer.keys.ADMIN);
      await tab.getByRole('button', { name: 'Use key' }).click();
      await tab.getByText('Authorization header set').waitFor();
      await tab.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
      await tab.getByRole('button', { name: /Execute query/ }).click();
      await tab.locator('.graphiql-response').getByText('test-admin').waitFor();
      // Before the key was pasted, GraphiQL's schema request was refused (401), as it should be; from now on nothing may fail.
      problems.length = 0;
      await tab.screenshot({ path: path.join(SCREENSHOTS, '13-explorer.png'), fullPage: true });

      // A subscription typed into the editor runs over graphql-ws with the same key: an audited mutation shows up in it.
      await tab.locator('.graphiql-query-editor .monaco-editor').first().click();
      await tab.keyboard.press('ControlOrMeta+A');
      await tab.keyboard.press('Delete');
      await tab.keyboard.insertText('subscription Audit { auditEventRecorded { action actorName outcome } }');
      // GraphiQL re-reads the operation (and so picks the websocket) shortly after an edit; its tab is named then.
      await tab.locator('.graphiql-tab', { hasText: 'Audit' }).waitFor();
      const subscribed = explorer.nextOperationStarted();
      await tab.getByRole('button', { name: /Execute query/ }).click();
      await subscribed;
      const key = await fetch(`${explorer.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${explorer.keys.ADMIN}` },
        body: JSON.stringify({
          query: 'mutation { createApiKey(input: { name: "from-the-explorer-test", role: READ_ONLY }) { apiKey { id } } }',
        }),
      });
      expect(key.status).toBe(200);
      await tab.locator('.graphiql-response').getByText('createApiKey').waitFor();
      await tab.screenshot({ path: path.join(SCREENSHOTS, '14-explorer-subscription.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await tab.close();
      await explorer.close();
    }
  }, 90_000);

  it('lists 1,500 devices page by page as the table scrolls, rendering only the rows in view, and moves through them by keyboard', async () => {
    // 1,200 more iPads in the school, on the token's MDM server, synced (a scheduled sync: the manual one's 15 minutes are not over).
    const order = await portal<{ serials: string[] }>('POST', '/portal/orders', { count: 1200 });
    await portal('POST', `/portal/servers/${SERVER_NAME}/devices`, { serials: order.serials });
    const token = await t.server.dataSource.getRepository(EnrollmentProgramToken).findOneByOrFail({ name: 'Riverside' });
    const { done } = await t.server.services.sync.requestSync(systemContext(createLogger('silent')), token.id, 'SCHEDULED');
    expect((await done).status).toBe('SUCCEEDED');

    await page.goto(`${t.server.url}/devices`);
    await page.getByTestId('device-count').filter({ hasText: '1500 devices (500 loaded)' }).waitFor();
    const body = page.locator('.device-body');
    expect(await body.locator('[role="row"]').count()).toBeLessThan(60);
    // Scrolling to the end loads the next pages; the DOM stays the size of the window.
    for (const loaded of [1000, 1500]) {
      await body.hover();
      await page.mouse.wheel(0, 100_000);
      await page
        .getByTestId('device-count')
        .filter({ hasText: loaded === 1500 ? /^1500 devices$/ : `(${loaded} loaded)` })
        .waitFor();
    }
    expect(await body.locator('[role="row"]').count()).toBeLessThan(60);
    await page.mouse.wheel(0, 100_000);
    await body.locator('[role="row"][aria-rowindex="1501"]').waitFor();
    // Keyboard: Home goes to the first row, arrows move one, each bringing it into view.
    await body.locator('input[type="checkbox"]').last().focus();
    // (A locator, not waitForFunction: the console's CSP forbids the eval that would need.)
    const focusedRow = (index: number) => body.locator(`input[data-index="${index}"]:focus`).waitFor();
    await page.keyboard.press('Home');
    await focusedRow(0);
    await page.keyboard.press('ArrowDown');
    await focusedRow(1);
    await page.keyboard.press('Space');
    await page
      .getByTestId('selection-count')
      .filter({ hasText: /^1 selected$/ })
      .waitFor();
    await snap('15-devices-1500');

    // The Model dropdown lists the token's models; the headers order the table (aria-sort), again to reverse.
    expect(await page.getByLabel('Model').locator('option').count()).toBeGreaterThan(1);
    const serialHeader = page.getByRole('columnheader', { name: /Serial/ });
    expect(await serialHeader.getAttribute('aria-sort')).toBe('none');
    await serialHeader.getByRole('button').click();
    await page.locator('[role="columnheader"][aria-sort="ascending"]', { hasText: 'Serial' }).waitFor();
    await page.getByTestId('device-count').filter({ hasText: '1500 devices (500 loaded)' }).waitFor();
    const firstSerial = () => body.locator('[role="row"][aria-rowindex="2"] [role="cell"]').nth(1).textContent();
    const ascending = await firstSerial();
    await serialHeader.getByRole('button').click();
    await page.locator('[role="columnheader"][aria-sort="descending"]', { hasText: 'Serial' }).waitFor();
    await page.waitForTimeout(300);
    await page.getByTestId('device-count').filter({ hasText: '1500 devices (500 loaded)' }).waitFor();
    await expect.poll(firstSerial).not.toBe(ascending);
    expect(ascending! < (await firstSerial())!).toBe(true);
    await snap('17-devices-sorted');
    expect(problems).toEqual([]);
  }, 90_000);
});
