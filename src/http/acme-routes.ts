/**
 * Homeroom's ACME server over HTTP (RFC 8555), mounted at `/acme`: what an iPad's
 * `com.apple.security.acme` payload talks to. An adapter like `mdm-routes.ts`: the protocol is in
 * `src/mdm/acme/`, the rules in `services/enrollment/acme-issuance.ts`.
 *
 * - `GET /directory`; `HEAD`/`GET /new-nonce`;
 * - `POST /new-account`, `/new-order`, `/order/:id`, `/authz/:id`, `/chall/:id`, `/finalize/:id`,
 *   `/cert/:id`: flattened JWS bodies (`application/jose+json`, read raw whatever the type).
 *
 * Every answer carries a fresh `Replay-Nonce` and a `Link` to the directory; refusals are problem
 * documents (`application/problem+json`), unexpected failures a logged `serverInternal`.
 */
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { AcmeProblem } from '../mdm/acme/problems.js';
import type { AcmeAnswer, AcmeIssuanceService } from '../services/enrollment/acme-issuance.js';
import type { Logger } from '../logger.js';
import { requestIdOf } from './request-id.js';
import { bodyFailure } from './body-errors.js';

/** A JWS with a CSR or an attestation object is a few kilobytes. */
const BODY_LIMIT_BYTES = 256 * 1024;

/** The router to mount at `/acme` (`app.use('/acme', acmeRoutes(...))`). */
export function acmeRoutes(acme: AcmeIssuanceService, logger: Logger): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT_BYTES });
  const log = logger.child({ component: 'acme' });

  const headers = (res: Response) => {
    res.set('Replay-Nonce', acme.nonces.issue());
    res.set('Cache-Control', 'no-store');
    res.set('Link', `<${acme.baseUrl()}/directory>;rel="index"`);
  };
  const send = (res: Response, answer: AcmeAnswer) => {
    headers(res);
    if (answer.location) res.set('Location', answer.location);
    if (answer.pemChain !== undefined) res.status(answer.status).type('application/pem-certificate-chain').send(answer.pemChain);
    else res.status(answer.status).json(answer.json);
  };
  const refuse = (res: Response, problem: AcmeProblem) => {
    headers(res);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.toJSON()));
  };
  const handle = (endpoint: string, work: (body: Buffer, id: string) => Promise<AcmeAnswer>) => async (req: Request, res: Response) => {
    try {
      send(res, await work(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), String(req.params.id ?? '')));
    } catch (error) {
      const problem =
        error instanceof AcmeProblem ? error : new AcmeProblem('serverInternal', 'The ACME server failed; the request can be retried.');
      const requestLog = log.child({ requestId: requestIdOf(req), endpoint });
      if (error instanceof AcmeProblem) requestLog.info({ problem: problem.type, detail: problem.detail }, 'ACME request refused');
      else requestLog.error({ err: error }, 'ACME request failed');
      refuse(res, problem);
    }
  };

  router.get('/directory', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.status(200).json(acme.directory().json);
  });
  router.head('/new-nonce', (_req, res) => {
    headers(res);
    res.status(200).end();
  });
  router.get('/new-nonce', (_req, res) => {
    headers(res);
    res.status(204).end();
  });
  // Path, the endpoint name logs carry, and the service call, in the order they are mounted.
  const posts: Array<[string, string, (body: Buffer, id: string) => Promise<AcmeAnswer>]> = [
    ['/new-account', 'new-account', (body) => acme.newAccount(body)],
    ['/new-order', 'new-order', (body) => acme.newOrder(body)],
    ['/order/:id', 'order', (body, id) => acme.order(body, id)],
    ['/authz/:id', 'authz', (body, id) => acme.authorization(body, id)],
    ['/chall/:id', 'challenge', (body, id) => acme.challenge(body, id)],
    ['/finalize/:id', 'finalize', (body, id) => acme.finalize(body, id)],
    ['/cert/:id', 'certificate', (body, id) => acme.certificate(body, id)],
  ];
  for (const [path, endpoint, work] of posts) router.post(path, raw, handle(endpoint, work));
  // A body body-parser refuses (too large, cut off) answers in ACME's own format, like every other refusal here.
  router.use(((error: unknown, req, res, next) => {
    const failure = bodyFailure(error, BODY_LIMIT_BYTES);
    if (!failure || res.headersSent) return next(error);
    log.info({ requestId: requestIdOf(req), code: failure.code }, 'ACME request body refused');
    const problem = new AcmeProblem('malformed', failure.message, failure.status);
    refuse(res, problem);
  }) as ErrorRequestHandler);
  return router;
}
