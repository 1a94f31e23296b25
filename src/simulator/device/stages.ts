/**
 * Where a device's time went, read from its trace (the entries of its last run): the stages a
 * rehearsal report gives p50/p95 for. A stage counts only when the device got through it, so a
 * failure does not pass for a fast stage.
 *
 * | Stage                   | From                                   | To                                          |
 * | ----------------------- | -------------------------------------- | ------------------------------------------- |
 * | `hello`                 | `POWER_ON`                             | `NETWORK` (the Hello panes)                 |
 * | `activation`            | `NETWORK`                              | `ACTIVATION_LOOKUP` (Apple's answer)        |
 * | `enrollment`            | `REMOTE_MANAGEMENT`                    | `PROFILE_INSTALLED` (MachineInfo, sign-in)  |
 * | `checkIn`               | `PROFILE_INSTALLED`                    | the `TokenUpdate` check-in                  |
 * | `awaitingConfiguration` | the `TokenUpdate` check-in             | `DEVICE_CONFIGURED` (held devices only)     |
 * | `setupAssistant`        | the last step before the panes         | `HOME` (the remaining panes)                |
 * | `total`                 | `POWER_ON`                             | `HOME`, or where the run failed             |
 */
import type { TraceEntry, TraceStep } from './trace.js';

/** The stages, in the order a managed power-on passes them. */
export const STAGES = ['hello', 'activation', 'enrollment', 'checkIn', 'awaitingConfiguration', 'setupAssistant', 'total'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages one run went through, in milliseconds. */
export function stageDurations(run: readonly TraceEntry[]): Partial<Record<Stage, number>> {
  const first = (step: TraceStep, from = 0) => {
    for (let i = from; i < run.length; i += 1) if (run[i]!.step === step) return i;
    return -1;
  };
  const between = (from: number, to: number) => (from >= 0 && to >= from ? run[to]!.at.getTime() - run[from]!.at.getTime() : undefined);
  const durations: Partial<Record<Stage, number>> = {};
  const set = (stage: Stage, ms: number | undefined) => {
    if (ms !== undefined) durations[stage] = ms;
  };

  const powerOn = first('POWER_ON');
  const network = first('NETWORK');
  const lookup = first('ACTIVATION_LOOKUP');
  set('hello', between(powerOn, network));
  set('activation', between(network, lookup));
  const remote = first('REMOTE_MANAGEMENT');
  const installed = first('PROFILE_INSTALLED');
  if (installed >= 0) set('enrollment', between(remote, installed));
  let tokenUpdate = -1;
  for (let i = Math.max(installed, 0); installed >= 0 && i < run.length; i += 1) {
    if (run[i]!.step === 'CHECK_IN' && run[i]!.detail?.messageType === 'TokenUpdate' && run[i]!.detail?.status === 200) {
      tokenUpdate = i;
      break;
    }
  }
  set('checkIn', between(installed, tokenUpdate));
  const configured = first('DEVICE_CONFIGURED');
  if (configured >= 0) set('awaitingConfiguration', between(tokenUpdate, configured));

  const home = first('HOME');
  if (home >= 0) {
    // The panes follow the last thing that was not a pane: DeviceConfigured, a connect, or Apple's answer.
    let last = home - 1;
    while (last > 0 && run[last]!.step === 'PANE') last -= 1;
    set('setupAssistant', between(last, home));
    set('total', between(powerOn, home));
  } else {
    set('total', between(powerOn, run.length - 1));
  }
  return durations;
}

/** The nearest-rank percentile `q` (0 to 1) of `values`; 0 when there are none. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
