/**
 * The field limit over HTTP, before Apollo sees the request.
 *
 * Apollo validates a document before any plugin may refuse it (a plugin that throws earlier
 * gets a 500), and validation's overlapping-fields rule costs the square of the aliases of one
 * field: 2,000 aliases take a quarter of a second. So oversized documents are refused here.
 * Only documents long enough to exceed the limit are parsed (a selection takes at least two
 * characters); a document that does not parse is left to Apollo, which reports the syntax error.
 */
import type { NextFunction, Request, Response } from 'express';
import { parse, type DocumentNode } from 'graphql';
import type { GraphQLLimits } from '../config.js';
import { formatError } from '../schema/format-error.js';
import { checkSize, maxDocumentTokens } from '../schema/operation-limits.js';

export function refuseOversizedDocuments(limits: GraphQLLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const source = queryOf(req);
    if (source === null || source.length <= limits.maxFields * 2) return next();
    let document: DocumentNode;
    try {
      document = parse(source, { maxTokens: maxDocumentTokens(limits) });
    } catch {
      return next();
    }
    const tooLarge = checkSize(limits, document);
    if (!tooLarge) return next();
    res.status(400).json({ errors: [formatError(tooLarge.toJSON(), tooLarge)] });
  };
}

function queryOf(req: Request): string | null {
  const body = req.body as { query?: unknown } | undefined;
  const query = req.method === 'GET' ? req.query.query : body?.query;
  return typeof query === 'string' ? query : null;
}
