/**
 * Homeroom's MDM endpoints over HTTP: what a real iPad talks to. They are adapters like the
 * GraphQL ones, so they sit in http/; the protocol (CMS, plists, the CA) stays in mdm/ and the
 * rules in `services/enrollment/`.
 *
 * - `POST /mdm/enroll/:enrollmentKey`: the profile's enrollment URL. Body: DER CMS SignedData over
 *   MachineInfo. Answer: the enrollment profile, `application/x-apple-aspen-config`.
 * - `PUT /mdm/checkin` (CheckInURL): Authenticate, TokenUpdate, CheckOut; empty 200.
 * - `PUT /mdm/connect` (ServerURL): Idle or a command's result; 200 with the next command's plist,
 *   or empty when there is nothing to do.
 *
 * Bodies are read raw, whatever their Content-Type (devices and test clients differ), because the
 * signatures cover the exact bytes (at most `MDM_MAX_BODY_BYTES`: a signed MachineInfo or check-in
 * is a few kilobytes, which leaves room for command results). Refusals answer JSON
 * `{code, message, reason?}` with 400, 403, 404, 413 or 503 and are logged; never 401 (outside
 * user-affinity enrollment), which makes an enrolled device drop its enrollment.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCode, isHomeroomError } from '../errors.js';
import { requestIdOf } from './request-id.js';
import type { Logger } from '../logger.js';
import { jsonRequestErrors } from './body-errors.js';
import type { EnrollmentService } from '../services/enrollment/enrollment.service.js';

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.MDM_REQUEST_MALFORMED]: 400,
  [ErrorCode.MDM_SIGNATURE_INVALID]: 400,
  [ErrorCode.MDM_DEVICE_NOT_TRUSTED]: 403,
  [ErrorCode.MDM_ENROLLMENT_REFUSED]: 403,
  [ErrorCode.MDM_DEVICE_NOT_ENROLLED]: 403,
  [ErrorCode.MDM_PUSH_CERTIFICATE_REQUIRED]: 503,
  // Only the enrollment URL asks for credentials (user affinity); check-in and connect never answer 401.
  [ErrorCode.MDM_USER_AUTHENTICATION_REQUIRED]: 401,
};

type Handler = (req: Request, res: Response, log: Logger) => Promise<void>;

export function mdmRoutes(enrollment: EnrollmentService, logger: Logger, options: { readonly maxBodyBytes: number }): express.Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: options.maxBodyBytes });
  const log = logger.child({ component: 'mdm' });

  router.post(
    '/mdm/enroll/:enrollmentKey',
    raw,
    handle(log, 'enroll', async (req, res, requestLog) => {
      const accepted = await enrollment.enroll(String(req.params.enrollmentKey), bodyOf(req), req.get('authorization'));
      requestLog.info({ serialNumber: accepted.serialNumber, deviceId: accepted.deviceId }, 'enrollment profile sent');
      res.status(200).type('application/x-apple-aspen-config').send(accepted.profile);
    }),
  );
  // Check-in and connect: bodies an enrolled device signs (`Mdm-Signature`); the answer is a plist or nothing.
  const signedPut = (
    path: string,
    endpoint: string,
    answer: (body: Buffer, signature: string | undefined, log: Logger) => Promise<string | null>,
  ) =>
    router.put(
      path,
      raw,
      handle(log, endpoint, async (req, res, requestLog) =>
        sendPlist(res, await answer(bodyOf(req), req.get('mdm-signature'), requestLog)),
      ),
    );
  signedPut('/mdm/checkin', 'check-in', async (body, signature, requestLog) => {
    const done = await enrollment.checkIn(body, signature);
    requestLog.debug({ deviceId: done.deviceId, messageType: done.messageType }, 'check-in');
    if (done.refusal) requestLog.info({ deviceId: done.deviceId, reason: done.refusal }, 'Return to Service answered Enabled: false');
    return done.reply;
  });
  signedPut('/mdm/connect', 'connect', async (body, signature, requestLog) => {
    const next = await enrollment.connect(body, signature);
    requestLog.debug({ deviceId: next.deviceId, requestType: next.requestType }, 'connect');
    return next.command;
  });
  // A body too large or cut off: `{code, message}` like every other refusal here.
  router.use('/mdm', jsonRequestErrors(options.maxBodyBytes, log));
  return router;
}

/** A check-in's or connect's answer: the plist, or an empty 200 when the server has nothing to say. */
function sendPlist(res: Response, plist: string | null): void {
  if (plist === null) res.status(200).end();
  else res.status(200).type('application/xml').send(plist);
}

function bodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** Runs `work`, answering a HomeroomError with its status and JSON, anything else with 500 (logged with its cause). */
function handle(logger: Logger, endpoint: string, work: Handler) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestLog = logger.child({ requestId: requestIdOf(req), endpoint });
    work(req, res, requestLog).catch((error: unknown) => {
      if (res.headersSent) return next(error);
      if (isHomeroomError(error) && STATUS_OF[error.code] !== undefined) {
        const reason = typeof error.details.reason === 'string' ? error.details.reason : undefined;
        const status = reason === 'UNKNOWN_PROFILE' ? 404 : STATUS_OF[error.code]!;
        requestLog.warn({ code: error.code, ...error.details, status }, `${endpoint} refused: ${error.message}`);
        if (status === 401) res.set('www-authenticate', 'Basic realm="Homeroom enrollment", charset="UTF-8"');
        res.status(status).json({ code: error.code, message: error.message, ...(reason ? { reason } : {}) });
        return;
      }
      requestLog.error({ err: error }, `${endpoint} failed`);
      res
        .status(500)
        .json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Homeroom failed to handle the request.', requestId: requestIdOf(req) });
    });
  };
}
