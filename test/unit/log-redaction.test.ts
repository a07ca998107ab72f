import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, redact } from '../../src/main/log';
import { tempDir } from '../support/temp-dir';

const ACCESS = 'access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970';

describe('log redaction', () => {
  it('removes Plaid tokens from any string, however deep', () => {
    const out = JSON.stringify(
      redact({
        message: `failed for ${ACCESS}`,
        nested: [{ note: `public-production-${'a'.repeat(36)}` }],
      }),
    );
    expect(out).not.toContain('8ab976e6');
    expect(out).not.toContain('aaaa');
    expect(out).toContain('access-sandbox-[redacted]');
  });

  it('drops fields whose names say they are secret', () => {
    expect(
      redact({
        secret: 'abc',
        accessToken: 'x',
        headers: { 'PLAID-SECRET': 'y', Authorization: 'z' },
        ok: 1,
      }),
    ).toEqual({
      secret: '[redacted]',
      accessToken: '[redacted]',
      headers: { 'PLAID-SECRET': '[redacted]', Authorization: '[redacted]' },
      ok: 1,
    });
  });

  it('the file logger writes only redacted lines', () => {
    const file = path.join(tempDir(), 'logs', 'l.log');
    const log = createFileLogger(file);
    log.error('sync failed', { error: new Error(`bad token ${ACCESS}`), client_id: 'cid-123' });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(ACCESS);
    expect(text).not.toContain('cid-123');
    expect(JSON.parse(text)).toMatchObject({ level: 'error', message: 'sync failed' });
  });
});
