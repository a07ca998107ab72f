import {
  DEFAULT_CLIENT_ID,
  DEFAULT_SECRET,
  startPlaidEmulator,
  type ScenarioName,
} from './src/index';
import { PLAID_ENDPOINTS } from './src/routes';

/**
 * `npm run emulator`: a Plaid Sandbox stand-in on 127.0.0.1 for manual runs and demo mode.
 * Environment: PLAID_EMULATOR_PORT, PLAID_EMULATOR_CLIENT_ID, PLAID_EMULATOR_SECRET,
 * PLAID_EMULATOR_SEED, PLAID_EMULATOR_TODAY, PLAID_EMULATOR_SCENARIO (comma-separated).
 */
async function main(): Promise<void> {
  const env = process.env;
  const port = env.PLAID_EMULATOR_PORT ? Number(env.PLAID_EMULATOR_PORT) : 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('PLAID_EMULATOR_PORT must be a port number');
  const scenario = env.PLAID_EMULATOR_SCENARIO
    ? (env.PLAID_EMULATOR_SCENARIO.split(',').map((s) => s.trim()) as ScenarioName[])
    : undefined;
  const emulator = await startPlaidEmulator({
    port,
    seed: env.PLAID_EMULATOR_SEED ?? 1,
    today: env.PLAID_EMULATOR_TODAY,
    scenario,
    clientId: env.PLAID_EMULATOR_CLIENT_ID ?? DEFAULT_CLIENT_ID,
    secret: env.PLAID_EMULATOR_SECRET ?? DEFAULT_SECRET,
  });
  const { control } = emulator;
  const lines = [
    `Plaid emulator listening on ${emulator.url}`,
    `  client_id: ${control.clientId}`,
    `  secret:    ${control.secret}`,
    `  seed:      ${control.seed}   today: ${control.today()}`,
    `  Link script: ${emulator.url}/link/v2/stable/link-initialize.js`,
    `  Sandbox users: user_good / pass_good, user_transactions_dynamic / <any password>`,
    `  Endpoints: ${PLAID_ENDPOINTS.join(' ')}`,
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
