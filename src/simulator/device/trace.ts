/**
 * A virtual iPad's diary: every step it takes, with the time its clock gave. Tests read it to ask
 * what a person holding the iPad would have seen ("was the Passcode pane shown?", "what did Remote
 * Management say?") and what went over the wire, without reaching into the device's internals.
 */

/**
 * The kinds of step, in the order a managed power-on writes them (README.md has the details each carries):
 * - `POWER_ON`: a run of Setup Assistant starts (power-on, or the restart after `ERASE`);
 * - `PANE`: a Setup Assistant pane shown (`{pane}`; the Hello panes also carry the choice made);
 * - `NETWORK`: online;
 * - `ACTIVATION_LOOKUP`: Apple answered the cloud configuration lookup (`{managed, reason?, profileUuid?}`);
 * - `ACTIVATION_FAILED`: the lookup did not answer (`{reason, message, status?}`); the device rests in FAILED;
 * - `REMOTE_MANAGEMENT`: the Remote Management pane (`{organizationName, department, phone, email}`);
 * - `MACHINE_INFO_POSTED`: the enrollment request (`{url, status}`);
 * - `SCEP_ENROLLED`: the profile's SCEP payload got the device its identity from the SCEP server (`{identitySerial}`);
 * - `PROFILE_INSTALLED`: the enrollment profile's payloads, in install order (`{payloads, topic, identitySerial}`);
 * - `CHECK_IN`: one check-in message (`{messageType, status}`);
 * - `BOOTSTRAP_TOKEN_ESCROWED`: the MDM took the bootstrap token of `SetBootstrapToken` (`{bytes}`; the token
 *   stays on the device): after TokenUpdate, on a supervised ADE iPad on iPadOS 26 whose MDM lists
 *   `com.apple.mdm.bootstraptoken` (return-to-service-mode.ts);
 * - `CONNECT`: one connect request (`{sent, commandUuid?, status, received}`: the Status sent, the HTTP
 *   status, the RequestType received or null);
 * - `COMMAND`: a command answered (`{requestType, commandUuid, answer}`);
 * - `DEVICE_CONFIGURED`: `DeviceConfigured` received, Setup Assistant released;
 * - `USER_SIGN_IN`: a user signs in: at enrollment, Setup Assistant's sign-in pane after a 401 Basic challenge
 *   (`{pane: 'UserSignIn', channel: 'enrollment', attempt, username}`); on a Shared iPad at Home, the
 *   user-channel TokenUpdate (`{channel: 'user', shortName, status}`);
 * - `USER_EVICTED`: a Shared iPad dropped a cached user to make room (`{shortName, maximumResidentUsers}`);
 * - `ENROLLMENT_FAILED`: enrollment ended (`{reason, message, status?, body?}`, reason from failure.ts); the device rests in FAILED;
 * - `HOME`: the Home screen (`{managed}`);
 * - `MIGRATION`: a device at Home managed by another MDM migrates without erase (`{from, deadline, forced}`),
 *   then enrolls as from Remote Management on (no panes) and rests at `HOME`;
 * - `ERASE`: erased (`{by: 'MDM', returnToService}` when by EraseDevice, with `bootstrapToken` (`MATCHES`, `DIFFERS`,
 *   `MISSING`) when in return-to-service mode; `{by: 'RETURN_TO_SERVICE', trigger, returnToService: true}`
 *   after an enabled ReturnToService answer); a `POWER_ON` follows, except after an MDM erase without Return to Service;
 * - `WIFI_JOINED`: Return to Service joined the Wi-Fi profile's network (`{ssid, security}`);
 * - `RETURN_TO_SERVICE`: Return to Service skipped Setup Assistant and installs the MDM profile it was handed;
 * - `RETURN_TO_SERVICE_ANSWER`: the MDM's answer to the device's own `ReturnToService` check-in
 *   (`{trigger: 'USER' | 'IDLE', status, enabled}`; when enabled, `bootstrapToken`: `MATCHES`, `DIFFERS` or
 *   `MISSING` against the escrowed one, and `ERASE` (`{by: 'RETURN_TO_SERVICE', trigger, returnToService: true}`)
 *   follows; when not, which profiles came and the device stays as it was);
 * - `MANAGEMENT_REMOVED`: the MDM profile is gone (`{reason}`).
 */
export type TraceStep =
  | 'POWER_ON'
  | 'PANE'
  | 'NETWORK'
  | 'ACTIVATION_LOOKUP'
  | 'ACTIVATION_FAILED'
  | 'REMOTE_MANAGEMENT'
  | 'MACHINE_INFO_POSTED'
  | 'SCEP_ENROLLED'
  | 'PROFILE_INSTALLED'
  | 'CHECK_IN'
  | 'BOOTSTRAP_TOKEN_ESCROWED'
  | 'CONNECT'
  | 'COMMAND'
  | 'DEVICE_CONFIGURED'
  | 'USER_SIGN_IN'
  | 'USER_EVICTED'
  | 'ENROLLMENT_FAILED'
  | 'HOME'
  | 'ERASE'
  | 'MIGRATION'
  | 'WIFI_JOINED'
  | 'RETURN_TO_SERVICE'
  | 'RETURN_TO_SERVICE_ANSWER'
  | 'MANAGEMENT_REMOVED';

/** One step and when it happened. */
export interface TraceEntry {
  readonly step: TraceStep;
  readonly at: Date;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** The diary itself: append-only, with the questions tests ask most. */
export class Trace {
  private readonly list: TraceEntry[] = [];

  constructor(private readonly clock: { now(): Date }) {}

  /** Every entry so far, oldest first. */
  get entries(): readonly TraceEntry[] {
    return this.list;
  }

  add(step: TraceStep, detail?: Record<string, unknown>): void {
    this.list.push(detail === undefined ? { step, at: this.clock.now() } : { step, at: this.clock.now(), detail });
  }

  /** Entries of one kind, over the device's whole life. */
  stepsOf(step: TraceStep): TraceEntry[] {
    return this.list.filter((entry) => entry.step === step);
  }

  /** Entries since the latest `POWER_ON` (the current or last run of Setup Assistant). */
  currentRun(): TraceEntry[] {
    let start = 0;
    for (let i = this.list.length - 1; i >= 0; i -= 1) {
      if (this.list[i]!.step === 'POWER_ON') {
        start = i;
        break;
      }
    }
    return this.list.slice(start);
  }
}
