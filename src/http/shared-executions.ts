/**
 * One execution of a published event per group of subscribers whose results cannot differ, and
 * the result serialised once: a sync's event to 1,000 browser tabs is executed once and the same
 * bytes are written to each socket, instead of 1,000 executions, wrappers and `JSON.stringify`s.
 *
 * Subscribers share a group when everything a result depends on is equal: the document's text,
 * the operation name and the variables, and the caller (kind, API key, its name and its role;
 * permissions follow from the role, and the key's name appears in permission errors). So two
 * keys of the same role never share, and a key never sees a result executed for another.
 *
 * An event is shared when every subscriber's stream yields the same object for it (the bus hands
 * one object to every listener; a stream that derives a view from it must derive it once, see
 * `sync-streams.ts`); a per-subscriber value (a snapshot) is executed for that subscriber alone.
 * Results are held weakly by their event, so nothing outlives the subscribers that read it.
 */
import type { ExecutionResult } from 'graphql';
import type { Actor } from '../platform/request-context.js';

/** What subscribers must have in common to share an event's result. */
export function groupKeyOf(query: string, operationName: string | null | undefined, variables: unknown, actor: Actor | null): string {
  return JSON.stringify([query, operationName ?? null, variables ?? null, actor && [actor.kind, actor.apiKeyId, actor.name, actor.role]]);
}

/** The executions of each event, by group; and the serialised form of the results that can be shared. */
export class SharedExecutions {
  private readonly byEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  private readonly serialised = new WeakMap<ExecutionResult, string | null>();
  /** @param onExecuted called once per execution (tests count them). */
  constructor(private readonly onExecuted?: () => void) {}

  /**
   * The result of `event` for `group`: executed by the first subscriber of the group to ask, the
   * same promise to the others. A scalar event (or no group) is executed for the caller alone.
   */
  run(event: unknown, group: string | null, execute: () => Promise<ExecutionResult> | ExecutionResult): Promise<ExecutionResult> {
    if (group === null || typeof event !== 'object' || event === null) return this.executeOnce(execute);
    let groups = this.byEvent.get(event);
    if (!groups) this.byEvent.set(event, (groups = new Map()));
    let result = groups.get(group);
    if (!result) groups.set(group, (result = this.executeOnce(execute)));
    return result;
  }

  /**
   * The JSON of a result without its closing brace (so per-subscriber fields can follow), computed
   * once per result; null for a result with errors or extensions, which each subscriber formats on
   * its own (errors get the subscriber's request id).
   */
  openJsonOf(result: ExecutionResult): string | null {
    let json = this.serialised.get(result);
    if (json === undefined) {
      json = result.errors || result.extensions ? null : JSON.stringify({ data: result.data }).slice(0, -1);
      this.serialised.set(result, json);
    }
    return json;
  }

  private async executeOnce(execute: () => Promise<ExecutionResult> | ExecutionResult): Promise<ExecutionResult> {
    this.onExecuted?.();
    return execute();
  }
}

/**
 * A `next` message's payload already serialised: what `onNext` returns for a shared result. The
 * transport (`ws-transport.ts`) writes `json` where graphql-ws would have serialised the payload.
 */
export class SerialisedPayload {
  constructor(readonly json: string) {}
}
