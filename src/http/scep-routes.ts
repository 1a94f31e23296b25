/**
 * Homeroom's SCEP endpoint (RFC 8894) over HTTP, at `/scep` (the URL of the profile's
 * `com.apple.security.scep` payload); the messages are in `src/mdm/scep/`, the rules in
 * `src/services/enrollment/scep.service.ts`.
 *
 * - `GET /scep?operation=GetCACaps`: what the server does, one capability a line (`text/plain`).
 * - `GET /scep?operation=GetCACert`: the CA certificate, DER (`application/x-x509-ca-cert`).
 * - `POST /scep?operation=PKIOperation` (body: the DER PKIMessage) or `GET` with the base64
 *   PKIMessage in `message`: the CertRep, `application/x-pki-message`, SUCCESS or FAILURE alike
 *   with 200 (a SCEP client reads the outcome from the CertRep). A body that is no PKIMessage at
 *   all answers 400 JSON, as the other MDM endpoints do.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCode, isHomeroomError } from '../errors.js';
import { requestIdOf } from './request-id.js';
import type { Logger } from '../logger.js';
import { SCEP_CAPABILITIES, SCEP_PATH, type ScepService } from '../services/enrollment/scep.service.js';

/** A PKIMessage with a 4096-bit key's request is a few kilobytes. */
const BODY_LIMIT = '256kb';

export function scepRoutes(scep: ScepService, logger: Logger): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT });
  const log = logger.child({ component: 'scep' });

  const serve = async (req: Request, res: Response, message: Buffer | null): Promise<void> => {
    const operation = typeof req.query.operation === 'string' ? req.query.operation : '';
    const requestLog = log.child({ requestId: requestIdOf(req), operation });
    switch (operation) {
      case 'GetCACaps':
        res.status(200).type('text/plain').send(SCEP_CAPABILITIES.join('\n'));
        return;
      case 'GetCACert':
        res
          .status(200)
          .type('application/x-x509-ca-cert')
          .send(await scep.caCertificate());
        return;
      case 'PKIOperation': {
        if (!message || message.length === 0) {
          res.status(400).json({ code: ErrorCode.MDM_REQUEST_MALFORMED, message: 'PKIOperation needs a PKIMessage.' });
          return;
        }
        const outcome = await scep.pkiOperation(message);
        if (outcome.refusal) requestLog.warn({ transactionId: outcome.transactionId, ...outcome.refusal }, 'SCEP request refused');
        else requestLog.info({ transactionId: outcome.transactionId, ...outcome.issued }, 'SCEP certificate issued');
        res.status(200).type('application/x-pki-message').send(outcome.certRep);
        return;
      }
      default:
        res.status(400).json({
          code: ErrorCode.MDM_REQUEST_MALFORMED,
          message: `Unknown SCEP operation "${operation}" (GetCACaps, GetCACert or PKIOperation).`,
        });
    }
  };

  router.get(
    SCEP_PATH,
    handle(log, (req, res) => {
      // The query parser turns a base64 `+` left unescaped into a space: put it back.
      const message = typeof req.query.message === 'string' ? Buffer.from(req.query.message.replace(/ /g, '+'), 'base64') : null;
      return serve(req, res, message);
    }),
  );
  router.post(
    SCEP_PATH,
    raw,
    handle(log, (req, res) => serve(req, res, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0))),
  );
  return router;
}

function handle(logger: Logger, work: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    work(req, res).catch((error: unknown) => {
      if (res.headersSent) return next(error);
      if (isHomeroomError(error) && error.code === ErrorCode.MDM_REQUEST_MALFORMED) {
        logger.warn({ requestId: requestIdOf(req), code: error.code }, `SCEP request refused: ${error.message}`);
        res.status(400).json({ code: error.code, message: error.message });
        return;
      }
      logger.error({ err: error, requestId: requestIdOf(req) }, 'SCEP request failed');
      res
        .status(500)
        .json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Homeroom failed to handle the request.', requestId: requestIdOf(req) });
    });
  };
}
