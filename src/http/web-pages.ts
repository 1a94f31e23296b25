/**
 * Homeroom's browser pages, which `npm run build` bundles into `dist/web` (`web/build.mjs`):
 *
 * - the reference console at `/`: its files as they are, and its `index.html` for any other page
 *   path a browser navigates to (`/devices`), since the console routes in the browser;
 * - in development only, the offline GraphiQL explorer at `/graphql` for a browser's page load
 *   (GET, `Accept: text/html`, no `query` parameter), in place of Apollo's landing page, which
 *   loads from Apollo's CDN.
 *
 * Caching: files under `/assets` carry their content hash in the name and never change, so they
 * are cached for a year (`immutable`); the HTML pages name the current hashes, so browsers
 * revalidate them every time (`no-cache` with an ETag). A build missing from `dist/web` is logged
 * once at start and leaves every path to the JSON 404 and Apollo, as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from '../logger.js';

/** Paths that are never the console's pages: the API, health and the devices' MDM endpoints. */
const NOT_PAGES = /^\/(graphql|healthz|readyz|mdm|assets)(\/|$)/;

/** Same-origin only, no inline scripts; Monaco (the explorer) injects styles and runs blob workers. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** `dist/web` of this checkout, found from this file in `src/http` (tests) or `dist/src/http` (`npm start`). */
export function webBuildDirectory(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(dir, 'dist', 'web');
}

export interface WebPages {
  /** Whether the console was built (`dist/web/index.html` exists). */
  readonly available: boolean;
  /** Serves the console's files and pages; mount after the API routes, before the 404. */
  readonly console: RequestHandler;
  /** The explorer for a browser's GET of `/graphql`; mount on `/graphql` before Apollo. Passes everything else on. */
  readonly explorer: RequestHandler;
}

/** True for a browser loading a page: it names text/html itself (curl's and fetch's `*\/*` do not count). */
export function wantsPage(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
}

function sendPage(res: Response, file: string): void {
  res.set({
    'cache-control': 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.sendFile(file);
}

export function webPages(options: { directory?: string; explorer: boolean; logger: Logger }): WebPages {
  const directory = options.directory ?? webBuildDirectory();
  const index = path.join(directory, 'index.html');
  const explorerPage = path.join(directory, 'explorer.html');
  const available = fs.existsSync(index);
  const pass: RequestHandler = (_req, _res, next) => next();
  if (!available) {
    options.logger.warn({ directory }, 'the web console is not built (npm run build builds it): / and the explorer are not served');
    return { available, console: pass, explorer: pass };
  }

  const files = express.static(directory, {
    index: false,
    redirect: false,
    setHeaders(res, file) {
      const immutable = path.relative(directory, file).startsWith(`assets${path.sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
  const serveConsole: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/index.html' || req.path === '/') {
      if (wantsPage(req)) return sendPage(res, index);
      return next();
    }
    if (req.path === '/explorer.html') return next();
    files(req, res, () => {
      if (!wantsPage(req) || NOT_PAGES.test(req.path)) return next();
      sendPage(res, index);
    });
  };
  const hasExplorer = options.explorer && fs.existsSync(explorerPage);
  const explorer: RequestHandler = (req, res, next) => {
    // A GET with a query is an API call (a browser's address bar included), answered by Apollo.
    if (!hasExplorer || !wantsPage(req) || req.path !== '/' || req.query.query !== undefined) return next();
    sendPage(res, explorerPage);
  };
  return { available, console: serveConsole, explorer };
}
