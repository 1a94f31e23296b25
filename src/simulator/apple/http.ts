/**
 * The few HTTP helpers the simulator's surfaces share: read a body, and answer the way Apple
 * answers. The Device Assignment API writes JSON as `application/json;charset=UTF8` and errors as
 * `text/plain;charset=UTF8` bodies holding a bare code (`INVALID_CURSOR`), or, in depsim style,
 * the code JSON-quoted (`"INVALID_CURSOR"`), which is what Apple's own simulator sends.
 */
import type http from 'node:http';

/** Apple's JSON content type (note `UTF8`, no hyphen). */
export const JSON_TYPE = 'application/json;charset=UTF8';
/** Apple's error content type. */
export const TEXT_TYPE = 'text/plain;charset=UTF8';

/** How error codes are written. */
export type ErrorBodyStyle = 'apple' | 'depsim';

/** Largest body read; the biggest legitimate request (1,000 serials) is about 20 kB. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Thrown when the body is larger than `MAX_BODY_BYTES`. */
export class BodyTooLargeError extends Error {}

/** Reads the whole request body. */
export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a JSON response. */
export function sendJson(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Writes JSON that is already serialised. */
export function sendRawJson(res: http.ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes an Apple-style error: a bare (or JSON-quoted) code as `text/plain`; null writes an empty body. */
export function sendError(
  res: http.ServerResponse,
  status: number,
  code: string | null,
  style: ErrorBodyStyle,
  headers: Record<string, string> = {},
): void {
  const body = code === null ? '' : style === 'depsim' ? JSON.stringify(code) : code;
  res.writeHead(status, { ...headers, 'Content-Type': TEXT_TYPE, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Writes an empty response (204 and the like). */
export function sendEmpty(res: http.ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Length': 0 });
  res.end();
}

/** Parses a JSON body; `undefined` for an empty body, a thrown SyntaxError for bad JSON. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  return JSON.parse(body.toString('utf8'));
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
