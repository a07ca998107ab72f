import { spawn } from 'node:child_process';
import { CountryCode, Configuration, PlaidApi } from 'plaid';
import { describe, expect, it } from 'vitest';

describe('npm run emulator (cli.ts)', () => {
  it('prints its URL and keys, serves the API, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/plaid-emulator/cli.ts'], {
      env: {
        ...process.env,
        PLAID_EMULATOR_PORT: '0',
        PLAID_EMULATOR_CLIENT_ID: 'cli-client',
        PLAID_EMULATOR_SECRET: 'cli-secret',
        PLAID_EMULATOR_TODAY: '2025-03-14',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match && output.includes('secret:')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    expect(output).toContain('client_id: cli-client');
    expect(output).toContain('secret:    cli-secret');
    const plaid = new PlaidApi(
      new Configuration({
        basePath: url,
        baseOptions: { headers: { 'PLAID-CLIENT-ID': 'cli-client', 'PLAID-SECRET': 'cli-secret' } },
      }),
    );
    const { data } = await plaid.institutionsGetById({
      institution_id: 'ins_109511',
      country_codes: [CountryCode.Us],
    });
    expect(data.institution.name).toBe('Tartan Bank');
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
