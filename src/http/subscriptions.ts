/**
 * graphql-ws on the same HTTP server and path as Apollo (`/graphql`).
 *
 * The API key travels in `connectionParams` (browsers cannot set headers on a websocket):
 * `authorization` or `Authorization`, or either inside `connectionParams.headers`, as
 * `Bearer <key>`. A refused key closes the socket in `onConnect` with 4401 (no key, or no
 * `Bearer ` scheme) or 4403 (unknown or revoked key) and a reason that says which (see
 * `authorization.ts`). Each operation then goes through the same checks as
 * over HTTP: trusted documents, the key is still active, validation, depth and complexity
 * limits, the key's cost budget (charged once per operation; every result carries
 * `extensions.cost`), permissions, error masking, and the audit of failed mutations.
 *
 * Revoking a key ends its sockets at once: `API_KEY_REVOKED` (published once the revocation
 * committed, through Redis to every instance when `REDIS_URL` is set) closes every socket the key
 * opened here with 4403 "The API key was revoked.", so its subscriptions receive nothing more.
 * A revocation no event brought here (the CLI without Redis, an event Redis lost) is found
 * before the next event is sent: a key is read again when its last check is older than
 * {@link REVOCATION_CHECK_MS}.
 *
 * An event is executed once per group of subscribers whose results cannot differ (same document,
 * variables and API key; see `shared-executions.ts`), with fresh DataLoaders, and serialised once:
 * each socket gets the same bytes in a frame of its own (its subscription id, its operation's
 * `extensions.cost`). `ws-transport.ts` writes them, and closes a client that falls far behind
 * (4413).
 */
import type { Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Disposable } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GraphQLLimits, TrustedDocumentsConfig } from '../config.js';
import { ErrorCode } from '../errors.js';
import { isDatabaseUnavailable, type DatabaseAvailability } from '../entities/database-availability.js';
import type { Logger } from '../logger.js';
import { formatError } from '../schema/format-error.js';
import { contextFailure, handleOperationErrors, withRequestId } from '../schema/operation-errors.js';
import { checkDepth, checkSize, maxDocumentTokens, measureComplexity } from '../schema/operation-limits.js';
import { createLoaders } from '../resolvers/loaders.js';
import type { GraphQLContext } from '../resolvers/context.js';
import { type Actor, newRequestId } from '../platform/request-context.js';
import type { Services } from '../services/services.js';
import type { Clock } from '../platform/clock.js';
import type { CostBudget } from '../platform/cost-budget.js';
import { Topic, type EventBus } from '../platform/events/event-bus.js';
import { OperationBudget, runWithBudget } from '../platform/operation-budget.js';
import { authenticate, connectionAuthorization, REFUSAL_CLOSE_CODES, REFUSAL_MESSAGES } from './authorization.js';
import { chargeOperation, type CostReport } from './operation-cost.js';
import { SerialisedPayload, SharedExecutions, groupKeyOf } from './shared-executions.js';
import { trustDocument } from './trusted-documents.js';
import { serveGraphqlWs } from './ws-transport.js';

type ConnectionExtra = { actor?: Actor };
/** What `onNext` hands graphql-ws to send. */
type Reported = ExecutionResult | FormattedExecutionResult;

export function serveSubscriptions(options: {
  readonly httpServer: Server;
  readonly schema: GraphQLSchema;
  readonly services: Services;
  readonly limits: GraphQLLimits;
  readonly logger: Logger;
  /** Where outages are logged, once each. */
  readonly availability: DatabaseAvailability;
  /** Times the budget of queries run over the websocket. */
  readonly clock: Clock;
  /** Called once an operation is running (a subscription is listening); tests wait on it. */
  readonly onOperationStarted?: (operationName: string | null) => void;
  /** Charges each operation's cost to its key, as over HTTP. */
  readonly costBudget: CostBudget;
  /** Which documents may run, as over HTTP. */
  readonly trustedDocuments: TrustedDocumentsConfig;
  /** Where revocations arrive (`API_KEY_REVOKED`), from this instance and, over Redis, from others. */
  readonly events: EventBus;
  /** Called each time a subscription event is executed (once per group of subscribers sharing it). */
  readonly onEventExecuted?: () => void;
}): Disposable {
  const { schema, services, limits, logger, clock, availability } = options;
  /** Each operation's `extensions.cost`, by the context onSubscribe built for it. */
  const costs = new WeakMap<object, CostReport>();
  /** Each subscription's group (see `shared-executions.ts`), by its context. */
  const groups = new WeakMap<object, string>();
  /** Each subscription's frame tail after a shared result: its `extensions.cost` and the closing braces. */
  const frameTails = new WeakMap<object, string>();
  const shared = new SharedExecutions(options.onEventExecuted);
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const sockets = new KeySockets(logger, clock, (id) => services.apiKeys.isActive(id));
  const revocations = options.events.subscribe(Topic.API_KEY_REVOKED)[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await revocations.next();
      if (next.done) return;
      sockets.revoke(next.value.apiKeyId);
    }
  })();

  /** What a socket is sent for an event: the shared bytes when the result can be shared, else its own formatted copy. */
  const reported = (args: ExecutionArgs, result: ExecutionResult): Reported | Promise<Reported> => {
    // Always the context onSubscribe built (events run with a copy of it).
    const context = args.contextValue as GraphQLContext;
    const json = shared.openJsonOf(result);
    if (json !== null) {
      let tail = frameTails.get(context);
      if (tail === undefined) {
        const cost = costs.get(context);
        frameTails.set(context, (tail = cost ? `,"extensions":${JSON.stringify({ cost })}}` : '}'));
      }
      return new SerialisedPayload(json + tail) as ExecutionResult;
    }
    return formatted(context, args, result);
  };
  const formatted = async (context: GraphQLContext, args: ExecutionArgs, result: ExecutionResult): Promise<Reported> => {
    const errors = result.errors ?? [];
    await handleOperationErrors(services.audit, availability, context, getOperationAST(args.document, args.operationName), errors);
    const cost = costs.get(context);
    const withCost = cost ? { ...result, extensions: { ...result.extensions, cost } } : result;
    if (errors.length === 0) return withCost;
    return { ...withCost, errors: errors.map((error) => withRequestId(formatError(error.toJSON(), error), context.requestId)) };
  };

  const server = serveGraphqlWs<ConnectionExtra>(
    {
      schema,
      // A query over the websocket gets the same time budget as over HTTP; subscriptions none.
      execute: (args) => {
        const budget = new OperationBudget(clock);
        if (getOperationAST(args.document, args.operationName)?.operation === 'query') budget.start(limits.operationTimeoutMs);
        return runWithBudget(budget, () => execute(args));
      },
      async onConnect(ctx) {
        let checked: Awaited<ReturnType<typeof authenticate>>;
        try {
          checked = await authenticate(services.apiKeys, connectionAuthorization(ctx.connectionParams));
        } catch (error) {
          // graphql-ws closes the socket with 4500; the outage is logged once.
          if (isDatabaseUnavailable(error)) availability.failed(error, newRequestId());
          throw error;
        }
        if (!('actor' in checked)) {
          logger.info({ refused: checked.refused }, 'websocket refused');
          // Closed here, with the reason: graphql-ws would close with a bare 4403 "Forbidden".
          // Its own close after `false` is then a no-op on a closing socket.
          ctx.extra.socket.close(REFUSAL_CLOSE_CODES[checked.refused], checked.message);
          return false;
        }
        ctx.extra.actor = checked.actor;
        if (checked.actor.apiKeyId != null) sockets.add(checked.actor.apiKeyId, ctx.extra.socket);
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        // The key was checked at connect; a key revoked since may not start anything new.
        const actor = ctx.extra.actor;
        const requestId = newRequestId();
        const requestLogger = logger.child({ requestId, transport: 'websocket' });
        let active: boolean;
        try {
          active = actor?.apiKeyId == null || (await services.apiKeys.isActive(actor.apiKeyId));
          availability.succeeded();
        } catch (error) {
          return [contextFailure(error, { requestId, actor: actor ?? null, logger: requestLogger }, availability)];
        }
        if (!active) {
          return [new GraphQLError('The API key was revoked.', { extensions: { code: ErrorCode.UNAUTHENTICATED } })];
        }
        const trust = trustDocument(options.trustedDocuments, payload.query, payload.extensions);
        if (!trust.trusted) return [new GraphQLError(trust.message, { extensions: { code: trust.code } })];
        let document: DocumentNode;
        try {
          document = parse(trust.query ?? payload.query, { maxTokens: maxDocumentTokens(limits) });
        } catch (error) {
          return [new GraphQLError((error as Error).message, { extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } })];
        }
        const tooLarge = checkSize(limits, document);
        if (tooLarge) return [tooLarge];
        const tooDeep = checkDepth(limits, document);
        if (tooDeep) return [tooDeep];
        const invalid = validate(schema, document);
        if (invalid.length > 0) {
          return invalid.map(
            (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } }),
          );
        }
        const measured = measureComplexity(schema, limits, document, payload.variables ?? undefined, payload.operationName);
        if (measured.error) return [measured.error];
        const contextValue: GraphQLContext = {
          requestId,
          actor: actor ?? null,
          logger: requestLogger,
          loaders: createLoaders(services),
          services,
        };
        if (measured.complexity !== null) {
          // Charged once, when the operation starts: a subscription's events cost nothing more.
          const charged = await chargeOperation(options.costBudget, actor ?? null, measured.complexity);
          if (charged.refused) return [charged.refused];
          costs.set(contextValue, charged.report);
        }
        groups.set(contextValue, groupKeyOf(trust.query ?? payload.query, payload.operationName, payload.variables, actor ?? null));
        contextValue.logger.info({ operationName: operationNameOf(document, payload.operationName) }, 'graphql-ws operation started');
        return {
          schema,
          document,
          contextValue,
          variableValues: payload.variables ?? {},
          operationName: payload.operationName ?? null,
        };
      },
      // Each event of a subscription runs with fresh DataLoaders (graphql-js's own `subscribe`
      // would run every event with the operation's one context, caching rows for its whole life).
      subscribe: (args) =>
        subscribeWithFreshLoaders(args, () => createLoaders(services), shared, groups.get(args.contextValue as object) ?? null),
      onOperation(_ctx, _id, _payload, args) {
        options.onOperationStarted?.(operationNameOf(args.document, args.operationName));
      },
      onNext(ctx, _id, _payload, args, result) {
        // A revocation heard while this event was being executed, or found now: close before it
        // is sent (graphql-ws sends nothing on a closing socket). Synchronous unless the key is due
        // a check: most events to most sockets cost no promise here.
        const revoked = sockets.closeIfRevoked(ctx.extra.actor?.apiKeyId, ctx.extra.socket);
        if (revoked === true) return result;
        if (revoked !== false) return revoked.then((closed) => (closed ? result : reported(args, result)));
        return reported(args, result);
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => formatError(error.toJSON(), error));
      },
    },
    wss,
    logger,
  );
  return {
    dispose: async () => {
      await revocations.return?.();
      await server.dispose();
    },
  };
}

/** How old a key's last check may be before an event for it is sent: older, the key is read again. */
export const REVOCATION_CHECK_MS = 30_000;

/** The open sockets of each API key, the keys revoked while this server runs, and when each was last checked. */
class KeySockets {
  private readonly byKey = new Map<number, Set<WebSocket>>();
  private readonly revoked = new Set<number>();
  private readonly checkedAt = new Map<number, number>();

  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly isActive: (apiKeyId: number) => Promise<boolean>,
  ) {}

  /** A socket whose key was checked just now (at connect). */
  add(apiKeyId: number, socket: WebSocket): void {
    // Revoked between the connect check and now: close rather than keep it.
    if (this.revoked.has(apiKeyId)) return close(socket);
    let open = this.byKey.get(apiKeyId);
    if (!open) this.byKey.set(apiKeyId, (open = new Set()));
    open.add(socket);
    this.checkedAt.set(apiKeyId, this.clock.now().getTime());
    socket.once('close', () => {
      open.delete(socket);
      if (open.size === 0 && this.byKey.get(apiKeyId) === open) {
        this.byKey.delete(apiKeyId);
        this.checkedAt.delete(apiKeyId);
      }
    });
  }

  /** Closes every socket of the key (4403); a socket that is closing sends nothing more. */
  revoke(apiKeyId: number): void {
    this.revoked.add(apiKeyId);
    this.checkedAt.delete(apiKeyId);
    const open = this.byKey.get(apiKeyId);
    if (!open) return;
    this.byKey.delete(apiKeyId);
    this.logger.info({ apiKeyId, sockets: open.size }, 'API key revoked: its websockets are closed');
    for (const socket of open) close(socket);
  }

  /**
   * Before an event is sent: true (and the socket closed) when its key is known to be revoked,
   * or, last checked more than REVOCATION_CHECK_MS ago, the database now says so.
   */
  closeIfRevoked(apiKeyId: number | null | undefined, socket: WebSocket): boolean | Promise<boolean> {
    if (apiKeyId == null) return false;
    if (this.revoked.has(apiKeyId)) {
      close(socket);
      return true;
    }
    const now = this.clock.now().getTime();
    if (now - (this.checkedAt.get(apiKeyId) ?? 0) < REVOCATION_CHECK_MS) return false;
    // Set first: the events that follow at once do not each read the key.
    this.checkedAt.set(apiKeyId, now);
    return this.readAgain(apiKeyId, socket);
  }

  /** The key read again: revoked closes every socket of the key, this one included. */
  private async readAgain(apiKeyId: number, socket: WebSocket): Promise<boolean> {
    let active: boolean;
    try {
      active = await this.isActive(apiKeyId);
    } catch (error) {
      // The database is away: the event goes out, the next one checks again.
      this.checkedAt.delete(apiKeyId);
      this.logger.warn({ err: error, apiKeyId }, 'could not check the key of an open websocket');
      return false;
    }
    if (active) return false;
    this.revoke(apiKeyId);
    close(socket);
    return true;
  }
}

function close(socket: WebSocket): void {
  socket.close(REFUSAL_CLOSE_CODES.REVOKED_KEY, REFUSAL_MESSAGES.REVOKED_KEY);
}

/** The operation's name from the document itself (clients often leave `operationName` out). */
function operationNameOf(document: DocumentNode, operationName: string | null | undefined): string | null {
  return getOperationAST(document, operationName)?.name?.value ?? null;
}

/**
 * graphql-js's `subscribe`, except that each event executes with a copy of the operation's
 * context holding fresh loaders: what a resolver loads for one event is not served to the next.
 * Subscriptions of one `group` share each event's execution (`shared`), the first to reach it
 * running it with its context. The source stream is closed when the client leaves or an event's
 * execution throws.
 */
export async function subscribeWithFreshLoaders(
  args: ExecutionArgs,
  freshLoaders: () => GraphQLContext['loaders'],
  shared: SharedExecutions = new SharedExecutions(),
  group: string | null = null,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const source = stream[Symbol.asyncIterator]();
  const base = args.contextValue as GraphQLContext;
  const closeSource = async (): Promise<void> => {
    await source.return?.().catch(() => undefined);
  };
  const run = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (step.done) return { done: true, value: undefined };
    try {
      const value = await shared.run(step.value, group, () =>
        execute({ ...args, rootValue: step.value, contextValue: { ...base, loaders: freshLoaders() } }),
      );
      return { done: false, value };
    } catch (error) {
      await closeSource();
      throw error;
    }
  };
  const events: AsyncGenerator<ExecutionResult> = {
    next: async () => run(await source.next()),
    return: async () => {
      await closeSource();
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      await closeSource();
      throw error;
    },
    [Symbol.asyncIterator]: () => events,
  };
  return events;
}
