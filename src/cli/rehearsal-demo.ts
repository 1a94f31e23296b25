/**
 * The token a rehearsal runs on when none is named: the only one Homeroom has, or, on a fresh demo
 * (`npm start` and nothing done yet), one set up the way an administrator would, over the same HTTP
 * APIs: Homeroom's GraphQL (`generateEncryptionPublicKey`, `uploadToken`, `createEnrollmentProfile`,
 * `assignProfile`) and the simulated Apple School Manager portal (a server for Homeroom's key, iPads
 * assigned to it). Nothing here touches Homeroom's code or database.
 */
import { graphqlRequest, HomeroomApiError, type HomeroomApi } from '../simulator/device/index.js';
import { PortalError, portalClient } from './asm.command.js';
import { UsageError } from './output.js';

/** The MDM server, token and profile names the demo setup uses. */
export const DEMO = {
  server: 'Homeroom rehearsal',
  token: 'Rehearsal',
  profile: 'Rehearsal carts',
  appleId: 'it@rehearsal.example',
} as const;

/** How the setup waits for Homeroom's background work (the first sync, the assignment job). */
export interface Waiting {
  readonly pollMs: number;
  /** Give up after this long: a sync or job that never ends is a broken server, not a slow one. */
  readonly limitMs: number;
}

const DEFAULT_WAITING: Waiting = { pollMs: 250, limitMs: 10 * 60_000 };

interface TokensPage {
  enrollmentProgramTokens: { totalCount: number; edges: Array<{ node: { id: string; name: string; deviceCount: number } }> };
}

/**
 * The token to rehearse on: the only one there is, or a demo token set up now (`say` tells the
 * person at the shell what is being done). Several tokens: a UsageError listing them.
 */
export async function tokenForRehearsal(
  api: HomeroomApi,
  appleUrl: string,
  options: { count?: number; say: (line: string) => void; waiting?: Waiting },
): Promise<string> {
  const page = await graphqlRequest<TokensPage>(
    api,
    'query RehearsalTokens { enrollmentProgramTokens(first: 20) { totalCount edges { node { id name deviceCount } } } }',
  );
  const tokens = page.enrollmentProgramTokens.edges.map((edge) => edge.node);
  if (tokens.length === 1) return tokens[0]!.id;
  if (tokens.length > 1) {
    const listed = tokens.map((token) => `  ${token.id}  ${token.name} (${token.deviceCount} devices)`).join('\n');
    throw new UsageError(`Homeroom has ${page.enrollmentProgramTokens.totalCount} tokens; name one with --token:\n${listed}`);
  }
  return setUpDemo(api, appleUrl, options.count, options.say, options.waiting ?? DEFAULT_WAITING);
}

async function setUpDemo(api: HomeroomApi, appleUrl: string, count: number | undefined, say: (line: string) => void, waiting: Waiting) {
  say('Homeroom has no enrollment program token yet: setting up a demo over its API and the simulated Apple School Manager portal.');
  const portal = portalClient(appleUrl);
  const { generateEncryptionPublicKey: key } = await graphqlRequest<{
    generateEncryptionPublicKey: { encryptionPublicKey: { certificate: string } };
  }>(api, 'mutation RehearsalKey { generateEncryptionPublicKey(input: {}) { encryptionPublicKey { certificate } } }');
  const publicKeyPem = key.encryptionPublicKey.certificate;
  let tokenFile: string;
  try {
    tokenFile = (await portal.post<{ token: { content: string } }>('/portal/servers', { name: DEMO.server, publicKeyPem })).token.content;
    say(`  1. MDM server "${DEMO.server}" created at ${appleUrl}/portal for Homeroom's public key.`);
  } catch (error) {
    // A demo set up before, whose token was deleted from Homeroom since: the server is still there.
    if (!(error instanceof PortalError) || error.code !== 'SERVER_NAME_TAKEN') throw error;
    tokenFile = (await portal.post<{ content: string }>(`/portal/servers/${encodeURIComponent(DEMO.server)}/token`, { publicKeyPem }))
      .content;
    say(`  1. MDM server "${DEMO.server}" already at the portal: downloaded a new token for Homeroom's key.`);
  }

  const { devices } = await portal.get<{ devices: Array<{ serial_number: string; server_name?: string | null }> }>(
    '/portal/devices?limit=500000',
  );
  const free = devices.filter((device) => !device.server_name).map((device) => device.serial_number);
  const wanted = count ?? free.length;
  const serials = free.slice(0, wanted);
  if (serials.length < wanted) {
    const order = await portal.post<{ orderNumber: string; serials: string[] }>('/portal/orders', { count: wanted - serials.length });
    serials.push(...order.serials);
    say(`  2. Order ${order.orderNumber}: ${order.serials.length} new iPads, since the school had only ${free.length} unassigned.`);
  }
  if (serials.length === 0)
    throw new HomeroomApiError('NO_DEVICES', 'the simulated school has no iPad that is not assigned to a server already.');
  for (let i = 0; i < serials.length; i += 1000) {
    await portal.post(`/portal/servers/${encodeURIComponent(DEMO.server)}/devices`, { serials: serials.slice(i, i + 1000) });
  }
  say(`  2. ${serials.length} iPads assigned to "${DEMO.server}" in the portal.`);

  const uploaded = await graphqlRequest<{ uploadToken: { token: { id: string } } }>(
    api,
    'mutation RehearsalUpload($input: UploadTokenInput!) { uploadToken(input: $input) { token { id } } }',
    { input: { name: DEMO.token, appleId: DEMO.appleId, tokenFile } },
  );
  const tokenId = uploaded.uploadToken.token.id;
  const synced = await waitForSync(api, tokenId, waiting);
  say(`  3. Token "${DEMO.token}" uploaded (${tokenId}); its first sync listed ${synced} devices.`);

  const created = await graphqlRequest<{ createEnrollmentProfile: { enrollmentProfile: { id: string } } }>(
    api,
    'mutation RehearsalProfile($input: CreateEnrollmentProfileInput!) { createEnrollmentProfile(input: $input) { enrollmentProfile { id } } }',
    {
      input: {
        tokenId,
        name: DEMO.profile,
        userAffinity: 'WITHOUT_USER_AFFINITY',
        supervised: true,
        lockedEnrollment: true,
        sharedIPad: false,
        pairing: 'DENY_ALL',
        awaitDeviceConfigured: true,
        departmentName: 'Rehearsal',
        skippedPanes: ['SIRI', 'LOCATION_SERVICES'],
      },
    },
  );
  const profileId = created.createEnrollmentProfile.enrollmentProfile.id;
  const assigned = await graphqlRequest<{ assignProfile: { job: { id: string } | null } }>(
    api,
    'mutation RehearsalAssign($input: AssignProfileInput!) { assignProfile(input: $input) { job { id } } }',
    { input: { profileId, devices: { filter: { profile: { assignment: 'UNASSIGNED' } } } } },
  );
  const job = await waitForJob(api, assigned.assignProfile.job!.id, waiting);
  say(`  4. Profile "${DEMO.profile}" (supervised, awaits configuration, no user affinity) assigned to ${job.succeededCount} iPads.`);
  return tokenId;
}

async function poll<T>(waiting: Waiting, what: string, check: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + waiting.limitMs;
  for (;;) {
    const done = await check();
    if (done !== null) return done;
    if (Date.now() > deadline)
      throw new HomeroomApiError('TIMED_OUT', `${what} did not end within ${Math.round(waiting.limitMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, waiting.pollMs));
  }
}

interface SyncState {
  node: { deviceCount: number; syncStatus: { state: string; lastSyncAt: string | null; lastSuccessfulSyncAt: string | null } } | null;
}

/** Waits for the token's first sync (the upload starts it); resolves with how many devices it holds. */
async function waitForSync(api: HomeroomApi, tokenId: string, waiting: Waiting): Promise<number> {
  return poll(waiting, 'the first sync', async () => {
    const { node } = await graphqlRequest<SyncState>(
      api,
      'query RehearsalSync($id: ID!) { node(id: $id) { ... on EnrollmentProgramToken { deviceCount syncStatus { state lastSyncAt lastSuccessfulSyncAt } } } }',
      { id: tokenId },
    );
    if (!node || node.syncStatus.state !== 'IDLE' || node.syncStatus.lastSyncAt === null) return null;
    if (node.syncStatus.lastSuccessfulSyncAt === null)
      throw new HomeroomApiError('SYNC_FAILED', `the first sync of ${tokenId} failed; see syncRuns`);
    return node.deviceCount;
  });
}

interface JobState {
  assignmentJob: { status: string; succeededCount: number; deviceCount: number; errorMessage: string | null } | null;
}

async function waitForJob(api: HomeroomApi, jobId: string, waiting: Waiting): Promise<{ succeededCount: number }> {
  return poll(waiting, 'the assignment job', async () => {
    const { assignmentJob: job } = await graphqlRequest<JobState>(
      api,
      'query RehearsalJob($id: ID!) { assignmentJob(id: $id) { status succeededCount deviceCount errorMessage } }',
      { id: jobId },
    );
    if (!job || job.status === 'QUEUED' || job.status === 'RUNNING') return null;
    if (job.status === 'FAILED')
      throw new HomeroomApiError('ASSIGNMENT_FAILED', `the assignment job failed: ${job.errorMessage ?? 'no reason given'}`);
    return job;
  });
}
