/**
 * Gives every HTTP request an id: the caller's `X-Request-Id` when it is a sane token (so a
 * frontend or proxy can correlate), otherwise a new UUID. Echoed in the response header.
 */
import type { NextFunction, Request, Response } from 'express';
import { newRequestId } from '../platform/request-context.js';

const requestIds = new WeakMap<Request, string>();

export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const offered = req.header('x-request-id');
  const id = offered && /^[A-Za-z0-9._:-]{8,64}$/.test(offered) ? offered : newRequestId();
  requestIds.set(req, id);
  res.setHeader('x-request-id', id);
  next();
}

export function requestIdOf(req: Request): string {
  return requestIds.get(req) ?? newRequestId();
}
