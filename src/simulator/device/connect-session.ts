/**
 * One connect session (reference: device-enrollment.md section 2.5): the device PUTs `Idle`; the
 * server answers 200 with an empty body (nothing to do: the session ends) or one command plist,
 * which the device answers in its next PUT, and so on. Every exchange goes into the trace as a
 * `CONNECT` (Status sent, HTTP status, RequestType received) and every command as a `COMMAND`.
 *
 * A 401, or a 403 with `com.apple.unrecognized.device`, tells a device it is no longer enrolled
 * (reference 2.4): the session reports it and the device removes its MDM profile.
 */
import { parse, type PlistValue } from 'plist';
import type { CommandOutcome, CommandResponder, DeviceFacts } from './commands.js';
import type { HttpAnswer } from './http.js';
import type { MdmClient, PlistDict } from './mdm-client.js';
import type { Trace } from './trace.js';

/** One connect session: the commands answered, and how it ended. */
export interface ConnectSessionResult {
  readonly commands: readonly CommandOutcome[];
  /** The HTTP status of the last exchange, null when none answered. */
  readonly status: number | null;
  readonly error?: string;
  /** Set when the server said the device is no longer enrolled (401, or 403 `com.apple.unrecognized.device`). */
  readonly unenrolled?: string;
}

/** What the session needs from the device. */
export interface SessionDevice {
  readonly udid: string;
  readonly client: MdmClient;
  readonly responder: CommandResponder;
  readonly trace: Trace;
  /** Read before each command, so an earlier command's effect counts. */
  facts(): DeviceFacts;
  /** Applies a command's effect (DeviceConfigured, MaximumResidentUsers) as soon as it is answered. */
  applied(outcome: CommandOutcome): void;
}

/** A server that keeps sending commands must not keep a device in one session forever. */
export const MAX_EXCHANGES_PER_SESSION = 500;

function isDict(value: PlistValue): value is PlistDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

/** Why a refusal means "you are not enrolled", or null. */
function unenrollment(answer: HttpAnswer): string | null {
  if (answer.status === 401) return 'the MDM answered 401';
  if (answer.status !== 403) return null;
  try {
    const code = (JSON.parse(answer.body.toString('utf8')) as { code?: unknown }).code;
    return code === 'com.apple.unrecognized.device' ? 'the MDM answered 403 com.apple.unrecognized.device' : null;
  } catch {
    return null;
  }
}

/** Runs one session to its end. Never throws for what the server does. */
export async function runConnectSession(device: SessionDevice): Promise<ConnectSessionResult> {
  const commands: CommandOutcome[] = [];
  let report: PlistDict = { UDID: device.udid, Status: 'Idle' };
  for (let exchange = 0; exchange < MAX_EXCHANGES_PER_SESSION; exchange += 1) {
    const sent = { sent: report.Status, ...(typeof report.CommandUUID === 'string' ? { commandUuid: report.CommandUUID } : {}) };
    let answer: HttpAnswer;
    try {
      answer = await device.client.connect(report);
    } catch (error) {
      device.trace.add('CONNECT', { ...sent, status: null, received: null, error: (error as Error).message });
      return { commands, status: null, error: (error as Error).message };
    }
    if (answer.status !== 200) {
      device.trace.add('CONNECT', { ...sent, status: answer.status, received: null });
      const unenrolled = unenrollment(answer);
      return { commands, status: answer.status, ...(unenrolled ? { unenrolled } : {}) };
    }
    const text = answer.body.toString('utf8').trim();
    if (text === '') {
      device.trace.add('CONNECT', { ...sent, status: 200, received: null });
      return { commands, status: 200 };
    }
    let envelope: PlistValue = null;
    try {
      envelope = parse(text);
    } catch {
      // Not a plist: answered below like any other unreadable command.
    }
    if (!isDict(envelope)) {
      const error = 'the answer is not a command plist';
      device.trace.add('CONNECT', { ...sent, status: 200, received: null, error });
      return { commands, status: 200, error };
    }
    const outcome = device.responder.answer(envelope, device.facts());
    device.trace.add('CONNECT', { ...sent, status: 200, received: outcome.requestType });
    device.trace.add('COMMAND', { requestType: outcome.requestType, commandUuid: outcome.commandUuid, answer: outcome.answer });
    device.applied(outcome);
    commands.push(outcome);
    report = { UDID: device.udid, CommandUUID: outcome.commandUuid, Status: outcome.answer, ...outcome.result };
  }
  const error = `more than ${MAX_EXCHANGES_PER_SESSION} exchanges in one session`;
  device.trace.add('CONNECT', { status: 200, received: null, error });
  return { commands, status: 200, error };
}
