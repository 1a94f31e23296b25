/**
 * A virtual iPad: a serial, a UDID, a factory identity from the simulated Apple device CA, and the
 * state machine a real iPad runs from power-on to the Home screen (reference: device-enrollment.md,
 * whole; README.md beside this file has the flow, the pane table and the decisions).
 *
 * It reaches the Apple simulator and the MDM only over HTTP, never through their code, so Homeroom's
 * endpoints meet the same bytes a real device sends. Time comes from the injected clock, identifiers
 * from the injected random source, and the waits between connect polls from the injected sleep.
 *
 * States: `OFF` (new or erased, never powered on), `SETUP_ASSISTANT` (a run is under way, awaiting
 * configuration included), `HOME` (setup done: activated; later power-ons change nothing), `FAILED`
 * (the run stopped; `failure` says why, with a reason from failure.ts; a power-on starts it over).
 * Users (sign-in at enrollment, Shared iPad sign-ins) are in users.ts.
 */
import { fetchFactoryIdentity, type CloudConfiguration, type FactoryIdentity } from './apple-client.js';
import { CommandResponder, type DeviceFacts, type EraseRequest } from './commands.js';
import { runConnectSession, type ConnectSessionResult } from './connect-session.js';
import { identityOfPem, type SigningIdentity } from './device-crypto.js';
import { acquireIdentity, readProfileAnswer, type EnrollmentProfile } from './enrollment-identity.js';
import { EnrollmentStopped, type DeviceFailure } from './failure.js';
import { bodyExcerpt, transportOf, type Transport } from './http.js';
import { randomBytes, randomUdid, randomUuid, type RandomSource } from './identifiers.js';
import { activate, returnToService, type ReturningDevice, type ReturnToServiceRequest } from './return-to-service.js';
import {
  askToReturn,
  checkBootstrapToken,
  escrowOnEnrollment,
  inReturnToServiceMode,
  type ReturnToServiceOutcome,
  type ReturnToServiceTrigger,
} from './return-to-service-mode.js';
import {
  type DeviceAtHome,
  type DeviceEnrollment,
  type IPadState,
  type RemoteManagementPane,
  type VirtualIPadOptions,
} from './virtual-ipad-options.js';
import { MdmClient, signedMachineInfo, type PlistDict } from './mdm-client.js';
import { helloPanes, remainingPanes, type SetupPane } from './setup-assistant.js';
import { Trace, type TraceEntry, type TraceStep } from './trace.js';
import { requestProfile, stopOnNetworkFailure } from './enrollment-request.js';
import { DEFAULT_MAX_SIGN_IN_ATTEMPTS, ResidentUsers } from './users.js';
import { signInOnSharedIPad } from './shared-ipad-sign-in.js';

export type { DeviceFailure } from './failure.js';
export type { DeviceEnrollment, IPadState, RemoteManagementPane, VirtualIPadOptions } from './virtual-ipad-options.js';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A simulated iPad. Make one with {@link VirtualIPad.create}. */
export class VirtualIPad {
  readonly serialNumber: string;
  readonly udid: string;
  readonly productType: string;
  readonly osVersion: string;
  readonly buildVersion: string;
  readonly language: string;
  readonly region: string;
  /** The factory identity's certificate (PEM), from the simulated Apple device CA. */
  readonly factoryCertificatePem: string;

  private readonly options: VirtualIPadOptions;
  private readonly clock: { now(): Date };
  private readonly random: RandomSource;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly factory: SigningIdentity;
  private readonly diary: Trace;
  private readonly responder = new CommandResponder();
  private currentState: IPadState = 'OFF';
  private running: Promise<IPadState> | null = null;
  private configuration: CloudConfiguration | null = null;
  private enrolled: DeviceEnrollment | null = null;
  private client: MdmClient | null = null;
  private isSupervised = false;
  private awaiting = false;
  private maxResidentUsers: number | null = null;
  private readonly residents = new ResidentUsers();
  private readonly transport: Transport;
  private lastFailure: DeviceFailure | null = null;
  private bootstrapToken: Buffer | null = null;
  private tokenEscrowed = false;

  private constructor(options: VirtualIPadOptions, udid: string, random: RandomSource, identity: FactoryIdentity) {
    this.options = options;
    this.serialNumber = options.serialNumber;
    this.udid = udid;
    this.productType = options.productType ?? 'iPad13,18';
    this.osVersion = options.osVersion ?? '17.5';
    this.buildVersion = options.buildVersion ?? '21F79';
    this.language = options.language ?? 'en';
    this.region = options.region ?? 'US';
    this.clock = options.clock ?? { now: () => new Date() };
    this.random = random;
    this.sleep = options.sleep ?? defaultSleep;
    this.factoryCertificatePem = identity.certificatePem;
    this.factory = identityOfPem(identity.certificatePem, identity.privateKeyPem);
    this.diary = new Trace(this.clock);
    this.transport = transportOf(options);
  }

  /** A new device, powered off, with an identity from the Apple simulator's factory (`POST /simulator/device-identities`). */
  static async create(options: VirtualIPadOptions): Promise<VirtualIPad> {
    if (!options.serialNumber) throw new TypeError('a virtual iPad needs a serialNumber');
    const random = options.random ?? Math.random;
    const udid = options.udid ?? randomUdid(random);
    const identity = await fetchFactoryIdentity(options.appleUrl, options.serialNumber, udid, transportOf(options));
    return new VirtualIPad(options, udid, random, identity);
  }

  get state(): IPadState {
    return this.currentState;
  }
  /** Every step so far, oldest first, across power-ons and erases. */
  get trace(): readonly TraceEntry[] {
    return this.diary.entries;
  }
  /** The cloud configuration Apple gave this setup; null when unmanaged or erased. */
  get cloudConfiguration(): CloudConfiguration | null {
    return this.configuration;
  }
  /** The MDM enrollment, while the MDM profile is installed. */
  get enrollment(): DeviceEnrollment | null {
    return this.enrolled;
  }
  /** Whether an MDM profile is installed. */
  get managed(): boolean {
    return this.enrolled !== null;
  }
  /** iOS 13 and later supervise every device set up from a cloud configuration, whatever `IsSupervised` says. */
  get supervised(): boolean {
    return this.isSupervised;
  }
  /** Whether it was set up as a Shared iPad (IsMultiUser in a supervised cloud configuration): users can sign in. */
  get sharedIPad(): boolean {
    return this.multiUser();
  }
  /** Set by a Settings command while awaiting configuration (Shared iPad). */
  get maximumResidentUsers(): number | null {
    return this.maxResidentUsers;
  }
  /** The users cached on a Shared iPad, least recently signed in first (short names). */
  get residentUsers(): readonly string[] {
    return this.residents.users.map((user) => user.shortName);
  }
  /** Why the last run stopped, when the device is FAILED. */
  get failure(): DeviceFailure | null {
    return this.lastFailure;
  }
  /** True between TokenUpdate with `AwaitingConfiguration` and `DeviceConfigured`. */
  get awaitingConfiguration(): boolean {
    return this.awaiting;
  }

  /** The bootstrap token the MDM took in SetBootstrapToken (return-to-service-mode.ts); null when none was escrowed. */
  get escrowedBootstrapToken(): Buffer | null {
    return this.tokenEscrowed ? this.bootstrapToken : null;
  }

  /** Trace entries of one kind, over the device's life. */
  stepsOf(step: TraceStep): TraceEntry[] {
    return this.diary.stepsOf(step);
  }

  /** The panes (skip keys) shown in the current or last run of Setup Assistant, in order. */
  panesShown(): string[] {
    return this.diary
      .currentRun()
      .filter((entry) => entry.step === 'PANE')
      .map((entry) => String(entry.detail?.pane));
  }

  /** What Remote Management showed in the current or last run; null when it was not shown. */
  remoteManagement(): RemoteManagementPane | null {
    const entry = this.diary.currentRun().find((candidate) => candidate.step === 'REMOTE_MANAGEMENT');
    return entry ? (entry.detail as unknown as RemoteManagementPane) : null;
  }

  /** Whether `DeviceConfigured` arrived in the current or last run. */
  deviceConfiguredReceived(): boolean {
    return this.diary.currentRun().some((entry) => entry.step === 'DEVICE_CONFIGURED');
  }

  /** The next `times` commands of `requestType` are answered `NotNow` (fault injection). */
  answerNotNow(requestType: string, times = 1): void {
    this.responder.notNow(requestType, times);
  }

  /**
   * Powers on and runs Setup Assistant to rest: resolves with `HOME` or `FAILED`. On a device
   * already at Home it does nothing (a profile assigned after activation waits for an erase); while
   * a run is under way it returns that run.
   */
  powerOn(): Promise<IPadState> {
    if (this.running) return this.running;
    if (this.currentState === 'HOME') return Promise.resolve(this.currentState);
    if (this.currentState === 'FAILED') this.wipe();
    return this.start();
  }

  /** Erases the device (configuration, MDM profile and identity; the factory identity stays) and runs Setup Assistant again. */
  erase(): Promise<IPadState> {
    if (this.running) return Promise.reject(new Error(`${this.serialNumber} is running Setup Assistant; wait for it before erasing`));
    this.diary.add('ERASE');
    this.wipe();
    return this.start();
  }

  /** Removes the MDM profile (sending CheckOut when the profile asked for it); the device stays at Home, unmanaged. */
  async removeManagement(): Promise<void> {
    const enrollment = this.enrolled;
    if (!enrollment || !this.client) return;
    if (enrollment.checkOutWhenRemoved) {
      const message = { MessageType: 'CheckOut', Topic: enrollment.topic, UDID: this.udid };
      try {
        const answer = await this.client.checkIn(message);
        this.diary.add('CHECK_IN', { messageType: 'CheckOut', status: answer.status });
      } catch (error) {
        // Best effort, as on a real device: the profile goes whatever the server says.
        this.diary.add('CHECK_IN', { messageType: 'CheckOut', status: null, error: (error as Error).message });
      }
    }
    this.dropManagement('removed on the device');
  }

  /** One connect session now (what an APNs push would trigger), answering every queued command. */
  connect(): Promise<ConnectSessionResult> {
    if (!this.client) return Promise.reject(new Error(`${this.serialNumber} is not enrolled in an MDM`));
    return this.connectSession();
  }

  /**
   * A user signs in on a Shared iPad: the user-channel TokenUpdate (`UserShortName`, the no-auth
   * `UserID`, the user's own push token and magic; no unlock token), then the device caches the user
   * and evicts beyond MaximumResidentUsers the one whose last sign-in is oldest. Needs a managed
   * Shared iPad at Home whose MDM serves per-user connections.
   *
   * @throws Error when the device is not such an iPad, or the MDM does not answer the TokenUpdate with 200.
   */
  signIn(user: { shortName: string; longName?: string }): Promise<{ evicted: string[] }> {
    return signInOnSharedIPad(
      {
        ...this.atHome(),
        sharedIPad: this.multiUser(),
        random: this.random,
        clock: this.clock,
        residents: this.residents,
        maxResidentUsers: this.maxResidentUsers,
      },
      user,
    );
  }

  /**
   * The person (`USER`) or the idle timeout (`IDLE`) asks to return to service: the ReturnToService
   * check-in; when enabled the device erases and comes back (resolving once it rests), else it stays.
   * @throws Error, sending nothing, when the device is not at Home, enrolled and in return-to-service mode.
   */
  returnToService(request: { reason: ReturnToServiceTrigger }): Promise<ReturnToServiceOutcome> {
    return askToReturn(
      {
        ...this.atHome(),
        configuration: this.configuration,
        supervised: this.isSupervised,
        escrowedToken: this.escrowedBootstrapToken,
        eraseAndReturn: (profiles, detail, token) => this.eraseAndReturn(profiles, detail, token),
      },
      request.reason,
    );
  }

  /** The device as the actions taken at Home read it (`DeviceAtHome`). */
  private atHome(): DeviceAtHome {
    return {
      serialNumber: this.serialNumber,
      udid: this.udid,
      trace: this.diary,
      state: this.currentState,
      busy: this.running !== null,
      enrollment: this.enrolled,
      client: this.client,
    };
  }

  private start(work: () => Promise<IPadState> = () => this.run()): Promise<IPadState> {
    const run = work().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  /** Forgets everything Setup Assistant and the MDM gave the device. */
  private wipe(): void {
    this.configuration = null;
    this.enrolled = null;
    this.client = null;
    this.isSupervised = false;
    this.awaiting = false;
    this.maxResidentUsers = null;
    this.residents.clear();
    this.lastFailure = null;
    this.bootstrapToken = null;
    this.tokenEscrowed = false;
    this.currentState = 'OFF';
  }

  private async run(): Promise<IPadState> {
    this.currentState = 'SETUP_ASSISTANT';
    this.diary.add('POWER_ON', { serialNumber: this.serialNumber, udid: this.udid, osVersion: this.osVersion });
    for (const pane of helloPanes(this.osVersion)) this.showPane(pane);
    this.diary.add('NETWORK');

    const lookup = await activate(this.returning());
    if ('step' in lookup) return this.fail(lookup);
    if (!lookup.managed) {
      this.diary.add('ACTIVATION_LOOKUP', { managed: false, reason: lookup.reason });
      for (const pane of remainingPanes(this.osVersion)) this.showPane(pane);
      return this.home();
    }

    const configuration = lookup.configuration;
    this.diary.add('ACTIVATION_LOOKUP', { managed: true, profileUuid: configuration.ProfileUUID ?? null });
    this.configuration = configuration;
    this.isSupervised = true;
    const pane: RemoteManagementPane = {
      organizationName: configuration.OrganizationName,
      department: configuration.OrganizationDepartment,
      phone: configuration.OrganizationSupportPhone || configuration.OrganizationPhone,
      email: configuration.OrganizationSupportEmail || configuration.OrganizationEmail,
    };
    this.diary.add('REMOTE_MANAGEMENT', { ...pane });
    return this.enrollThenHome(configuration, remainingPanes(this.osVersion, configuration.SkipSetup));
  }

  /** Migration without erase (migration.ts): a device at Home enrolls into the MDM `configuration` names, keeping its data. */
  enrollWithoutErase(configuration: CloudConfiguration, detail: Readonly<Record<string, unknown>>): Promise<IPadState> {
    this.diary.add('MIGRATION', detail);
    [this.configuration, this.isSupervised, this.currentState] = [configuration, true, 'SETUP_ASSISTANT'];
    return this.enrollThenHome(configuration, []);
  }

  private async enrollThenHome(configuration: CloudConfiguration, panes: readonly SetupPane[]): Promise<IPadState> {
    try {
      await this.enroll(configuration);
    } catch (error) {
      if (!(error instanceof EnrollmentStopped)) throw error;
      return this.fail({ step: 'ENROLLMENT_FAILED', ...error.detail });
    }
    for (const next of panes) this.showPane(next);
    return this.home();
  }

  private showPane(pane: SetupPane): void {
    const detail: Record<string, unknown> = { pane: pane.key };
    if (pane.key === 'Language') detail.choice = this.language;
    if (pane.key === 'Region') detail.choice = this.region;
    if (pane.requires === 'Restore') detail.within = 'Restore';
    this.diary.add('PANE', detail);
  }

  private home(): IPadState {
    this.diary.add('HOME', { managed: this.managed });
    this.currentState = 'HOME';
    return this.currentState;
  }

  private fail(failure: DeviceFailure): IPadState {
    this.lastFailure = failure;
    const { step, ...detail } = failure;
    this.diary.add(step, detail);
    this.currentState = 'FAILED';
    return this.currentState;
  }

  private async enroll(configuration: CloudConfiguration): Promise<void> {
    const { answer, user } = await requestProfile({
      url: configuration.ConfigurationURL,
      signed: signedMachineInfo(this, this.factory, this.clock.now()),
      transport: this.transport,
      trace: this.diary,
      credentials: this.options.credentials,
      maxAttempts: this.options.maxSignInAttempts ?? DEFAULT_MAX_SIGN_IN_ATTEMPTS,
    });
    await this.install(readProfileAnswer(answer), configuration, user);
  }

  /** Installs the enrollment profile (its identity first), checks in, and stays for DeviceConfigured when asked. */
  private async install(profile: EnrollmentProfile, configuration: CloudConfiguration, user: string | null): Promise<void> {
    const { mdm } = profile;
    const identity = await acquireIdentity(profile, {
      serialNumber: this.serialNumber,
      udid: this.udid,
      osVersion: this.osVersion,
      appleUrl: this.options.appleUrl,
      transport: this.transport,
      trace: this.diary,
      ...(this.options.scepKeys ? { scepKeys: this.options.scepKeys } : {}),
    });
    this.diary.add('PROFILE_INSTALLED', {
      payloads: [...profile.installOrder],
      topic: mdm.topic,
      identitySerial: identity.serialNumber,
      signed: profile.signed,
    });

    const client = new MdmClient(mdm, identity, {
      digest: this.options.signatureDigest ?? 'sha256',
      clock: this.clock,
      transport: this.transport,
    });
    // Apple ("Returning a managed device to service"): in return-to-service mode the device always
    // assumes `await_device_configured`, whatever the profile says, so the MDM can provision it first.
    const awaiting = (configuration.AwaitDeviceConfigured || inReturnToServiceMode(configuration)) && configuration.IsSupervised;
    await this.checkIn(client, {
      MessageType: 'Authenticate',
      Topic: mdm.topic,
      UDID: this.udid,
      SerialNumber: this.serialNumber,
      ProductName: this.productType,
      OSVersion: this.osVersion,
      BuildVersion: this.buildVersion,
    });
    const token = randomBytes(this.random, 32);
    const pushMagic = randomUuid(this.random);
    const tokenUpdate: PlistDict = {
      MessageType: 'TokenUpdate',
      Topic: mdm.topic,
      UDID: this.udid,
      Token: new Uint8Array(token),
      PushMagic: pushMagic,
      AwaitingConfiguration: awaiting,
    };
    // Shared iPad sends no unlock token (reference 2.4).
    if (!this.multiUser()) tokenUpdate.UnlockToken = new Uint8Array(randomBytes(this.random, 64));
    await this.checkIn(client, tokenUpdate);
    const facts = { osVersion: this.osVersion, supervised: this.isSupervised, configuration, mdm, udid: this.udid, awaiting };
    [this.bootstrapToken, this.tokenEscrowed] = await escrowOnEnrollment(client, facts, this.bootstrapToken, this.random, this.diary);

    this.client = client;
    this.awaiting = awaiting;
    this.enrolled = {
      topic: mdm.topic,
      serverUrl: mdm.serverUrl,
      checkInUrl: mdm.checkInUrl,
      signMessage: mdm.signMessage,
      accessRights: mdm.accessRights,
      serverCapabilities: [...mdm.serverCapabilities],
      checkOutWhenRemoved: mdm.checkOutWhenRemoved,
      identitySerial: identity.serialNumber,
      identityCertificatePem: identity.certificatePem,
      pushToken: token.toString('hex'),
      pushMagic,
      user,
    };
    if (awaiting) await this.awaitDeviceConfigured();
    else await this.connectSession();
  }

  /** A check-in the enrollment cannot go on without (Authenticate, TokenUpdate). */
  private async checkIn(client: MdmClient, message: PlistDict): Promise<void> {
    const messageType = String(message.MessageType);
    const answer = await stopOnNetworkFailure(messageType, () => client.checkIn(message));
    this.diary.add('CHECK_IN', { messageType, status: answer.status });
    if (answer.status !== 200) {
      throw new EnrollmentStopped({
        reason: 'CHECK_IN_REFUSED',
        message: `${messageType} answered ${answer.status}`,
        status: answer.status,
        body: bodyExcerpt(answer.body),
      });
    }
  }

  /** Polls connect until DeviceConfigured (no APNs in a simulation), at most `maxConnectPolls` times. */
  private async awaitDeviceConfigured(): Promise<void> {
    const polls = this.options.maxConnectPolls ?? 300;
    const interval = this.options.connectPollIntervalMs ?? 1000;
    for (let poll = 1; poll <= polls; poll += 1) {
      await this.connectSession();
      if (!this.awaiting) return;
      if (!this.client) {
        throw new EnrollmentStopped({ reason: 'UNENROLLED', message: 'the MDM dropped the device while it awaited configuration' });
      }
      if (poll < polls) await this.sleep(interval);
    }
    throw new EnrollmentStopped({ reason: 'NOT_CONFIGURED', message: 'DeviceConfigured never arrived' });
  }

  private multiUser(): boolean {
    return this.configuration !== null && this.configuration.IsMultiUser && this.isSupervised;
  }

  private facts(): DeviceFacts {
    return {
      udid: this.udid,
      serialNumber: this.serialNumber,
      deviceName: this.options.deviceName ?? 'iPad',
      osVersion: this.osVersion,
      buildVersion: this.buildVersion,
      productName: this.productType,
      model: this.options.model ?? 'MPQ03LL/A',
      modelName: 'iPad',
      supervised: this.isSupervised,
      multiUser: this.multiUser(),
      languages: [this.language],
      awaitingConfiguration: this.awaiting,
      maximumResidentUsers: this.maxResidentUsers,
    };
  }

  /** One session; applies its effects, and drops the MDM profile when the server says the device is not enrolled. */
  private async connectSession(): Promise<ConnectSessionResult> {
    let erase: EraseRequest | null = null;
    const result = await runConnectSession({
      udid: this.udid,
      client: this.client!,
      responder: this.responder,
      trace: this.diary,
      facts: () => this.facts(),
      applied: (outcome) => {
        if (outcome.erase) erase = outcome.erase;
        if (outcome.maximumResidentUsers !== undefined) this.maxResidentUsers = outcome.maximumResidentUsers;
        if (outcome.deviceConfigured) {
          this.diary.add('DEVICE_CONFIGURED');
          this.awaiting = false;
        }
      },
    });
    if (result.unenrolled) this.dropManagement(result.unenrolled);
    if (erase) this.eraseByMdm(erase);
    return result;
  }

  /**
   * EraseDevice, once its session ended: everything goes; with Return to Service the device comes
   * back by itself (`settled()` waits for it), without it, it rests OFF until a person powers it on.
   */
  private eraseByMdm(erase: EraseRequest): void {
    // An erase that reached the device mid-run (while it awaited configuration) waits for that run to end.
    if (this.running) {
      void this.running.then(() => this.eraseByMdm(erase));
      return;
    }
    const request = erase.returnToService;
    // In return-to-service mode Apple requires the escrowed bootstrap token in the command (the device keeps its
    // managed apps with it): traced against the one escrowed, and kept to escrow again once enrolled.
    const rtsMode = request !== null && inReturnToServiceMode(this.configuration);
    this.diary.add('ERASE', {
      by: 'MDM',
      returnToService: request !== null,
      ...(rtsMode ? { bootstrapToken: checkBootstrapToken(this.escrowedBootstrapToken, request.bootstrapToken) } : {}),
    });
    this.wipe();
    if (rtsMode) this.bootstrapToken = request.bootstrapToken;
    if (request) void this.start(() => returnToService(this.returning(), request));
  }

  /** The erase a ReturnToService answer enabled: as EraseDevice with Return to Service, the answer's bootstrap token kept. */
  private eraseAndReturn(request: ReturnToServiceRequest, detail: Record<string, unknown>, token: Buffer | null): Promise<IPadState> {
    this.diary.add('ERASE', detail);
    this.wipe();
    this.bootstrapToken = token;
    return this.start(() => returnToService(this.returning(), request));
  }

  /** Resolves with the state once no run is under way (a Return to Service re-enrollment included). */
  async settled(): Promise<IPadState> {
    while (this.running) await this.running;
    return this.currentState;
  }

  /** What Return to Service and activation need from the device. */
  private returning(): ReturningDevice {
    return {
      serialNumber: this.serialNumber,
      appleUrl: this.options.appleUrl,
      transport: this.transport,
      trace: this.diary,
      configure: (configuration) => {
        this.configuration = configuration;
        this.isSupervised = true;
      },
      install: (profile, configuration) => this.install(profile, configuration, null),
      home: () => this.home(),
      fail: (failure) => this.fail(failure),
    };
  }

  private dropManagement(reason: string): void {
    this.enrolled = null;
    this.client = null;
    this.awaiting = false;
    this.diary.add('MANAGEMENT_REMOVED', { reason });
  }
}
