import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { plaidEnvironmentSchema } from '../shared/contract';
import type { PlaidEnvironment } from '../shared/model';

export const ENVIRONMENT_FILE = 'environment.json';
const schema = z.object({ plaid: plaidEnvironmentSchema });

/**
 * Which Plaid environment the app is in. It lives beside the databases, not inside one, because it
 * chooses the database: Sandbox and Production each have a file of their own, so their data never
 * mix.
 */
export class EnvironmentFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, ENVIRONMENT_FILE);
  }

  read(): PlaidEnvironment {
    try {
      const parsed = schema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.plaid : 'sandbox';
    } catch {
      return 'sandbox';
    }
  }

  /** Written to a temporary file and renamed, so a crash never leaves half a file. */
  write(environment: PlaidEnvironment): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ plaid: environment }) + '\n');
    fs.renameSync(temp, this.file);
  }
}

/** One database file per Plaid environment. */
export function databaseFileName(environment: PlaidEnvironment): string {
  return `ledgerlight-${environment}.sqlite`;
}
