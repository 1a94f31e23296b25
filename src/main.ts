/**
 * `npm start`: read the configuration, start Homeroom, stop cleanly on SIGINT/SIGTERM.
 *
 * A bad setting stops start-up with one line naming the variable, and exit code 1. The first
 * ADMIN key of a fresh embedded setup is printed here, once, outside the JSON log stream.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { startServer, type HomeroomServer } from './server.js';
import { RUNNING_SIMULATOR_FILE } from './simulator/apple/running-file.js';

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    return fail(error);
  }
  const logger = createLogger(config.logLevel);
  let server: HomeroomServer;
  try {
    server = await startServer(config, { logger });
  } catch (error) {
    logger.fatal({ err: error }, 'Homeroom could not start');
    return fail(error);
  }
  if (server.bootstrapKey) {
    const saved = server.bootstrapKey.file
      ? `Saved to ${server.bootstrapKey.file} (readable by you only).`
      : 'It could not be saved: copy it now.';
    process.stdout.write(
      [
        '',
        '  First start: created an ADMIN API key. It is shown once.',
        '',
        `    ${server.bootstrapKey.secret}`,
        '',
        `  ${saved}`,
        `  Paste it into the console at ${server.url}/ or the explorer at ${server.url}/graphql,`,
        '  or send the header  Authorization: Bearer <key>',
        '',
        '',
      ].join('\n'),
    );
  }
  // Before "ready": whoever waits for that line (a supervisor, a test) has the whole banner.
  if (server.apple.simulator) await describeSimulator(server, logger);
  logger.info(
    {
      url: server.url,
      graphql: `${server.url}/graphql`,
      explorer: config.environment === 'production' ? null : `${server.url}/graphql`,
      console: `${server.url}/`,
      publicUrl: server.publicUrl,
      database: config.database.type,
      dataDir: config.dataDir,
      appleDepUrl: server.apple.depUrl,
      appleSimulator: server.apple.simulator !== null,
    },
    'Homeroom is ready',
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests, closing websockets and the database');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * The embedded default talks to a simulated Apple: say so loudly (an admin must never mistake
 * the demo school for their real one) and say how to act as the school's ASM administrator.
 */
async function describeSimulator(server: HomeroomServer, logger: ReturnType<typeof createLogger>): Promise<void> {
  const simulator = server.apple.simulator!;
  const org = simulator.portal.organization();
  const orders = simulator.portal.listOrders();
  const devices = orders.reduce((sum, order) => sum + order.device_count, 0);
  const orderNumbers = orders.map((order) => order.order_number);
  const servers = simulator.portal.listServers();
  const push = await server.services.pushCertificates.current();
  logger.info(
    { appleSimulator: simulator.url, organisation: org.org_name, devices, orders: orderNumbers, mdmServers: servers.length },
    'Apple side: the built-in Apple simulator (APPLE_DEP_URL unset); no real Apple account is used',
  );
  process.stdout.write(
    [
      '',
      `  Apple side: the built-in Apple simulator at ${simulator.url}, serving the demo school`,
      `  "${org.org_name}" with ${devices} iPads in orders ${orderNumbers.join(', ')}.`,
      '  Play its Apple School Manager administrator from another shell (`homeroom asm` finds this simulator',
      `  through ${RUNNING_SIMULATOR_FILE} in the data directory; from elsewhere add --url ${simulator.url}):`,
      '    npx homeroom asm org',
      '    npx homeroom asm create-server --name Homeroom --pem <certificate from Homeroom> --out token.p7m',
      `    npx homeroom asm assign --server Homeroom --order ${orderNumbers[0] ?? '<order>'}`,
      ...(push?.simulated
        ? [`  MDM push certificate: a simulated one (topic ${push.topic}) for the simulated Apple; Apple would refuse it.`]
        : []),
      '  Set APPLE_DEP_URL to use Apple (production does by default).',
      '',
      '',
    ].join('\n'),
  );
}

function fail(error: unknown): void {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : `could not start: ${(error as Error).message}`;
  process.stderr.write(`homeroom: ${message}\n`);
  process.exitCode = 1;
}

await main();
