/**
 * `/healthz`: the process is alive and serving (for restarts). `/readyz`: it can do its work,
 * that is, the database answers and every migration is applied (for load balancers).
 */
import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { checkDatabase } from '../entities/data-source.js';

export function healthRoutes(dataSource: DataSource, isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database = await checkDatabase(dataSource);
    const ready = database.reachable && database.migrated && !isShuttingDown();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', database, shuttingDown: isShuttingDown() });
  });
  return router;
}
