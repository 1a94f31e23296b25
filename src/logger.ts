/**
 * Structured JSON logs (pino). One root logger per process; request-scoped children carry
 * `requestId` so every line of one GraphQL operation can be found together.
 */
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'homeroom' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Secrets must never reach a log line, even when someone logs a whole request.
      redact: {
        paths: ['req.headers.authorization', '*.authorization', '*.secret', '*.apiKey', '*.password', '*.passwordHash'],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
