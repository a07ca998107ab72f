import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileDir, removeProfileFiles } from '../../../src/main/profiles/paths';
import { DEFAULT_PROFILE_ID, ProfileRegistry } from '../../../src/main/profiles/registry';
import { tempDir } from '../../support/temp-dir';

describe('the profile registry', () => {
  it('reads a data folder from before profiles as one default profile, open', () => {
    const dir = tempDir();
    expect(new ProfileRegistry(dir).read()).toEqual({
      currentId: DEFAULT_PROFILE_ID,
      profiles: [{ id: DEFAULT_PROFILE_ID, name: 'Personal', createdAt: '' }],
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes atomically and reads back what it wrote', () => {
    const dir = tempDir();
    const registry = new ProfileRegistry(dir);
    const data = {
      currentId: 'abc123',
      profiles: [
        { id: DEFAULT_PROFILE_ID, name: 'Personal', createdAt: '' },
        { id: 'abc123', name: 'Family', createdAt: '2026-12-03T10:00:00.000Z' },
      ],
    };
    registry.write(data);
    expect(registry.read()).toEqual(data);
    // No temporary file is left behind.
    expect(fs.readdirSync(dir)).toEqual(['profiles.json']);
  });

  it('falls back to the first profile when the open one is missing, and to the default on garbage', () => {
    const dir = tempDir();
    const file = path.join(dir, 'profiles.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ currentId: 'gone', profiles: [{ id: 'abc', name: 'A', createdAt: '' }] }),
    );
    expect(new ProfileRegistry(dir).read().currentId).toBe('abc');
    fs.writeFileSync(file, '{ not json');
    expect(new ProfileRegistry(dir).read().currentId).toBe(DEFAULT_PROFILE_ID);
  });
});

describe('profile folders', () => {
  it('keeps the default profile in the data folder and the others under profiles/', () => {
    expect(profileDir('/data', DEFAULT_PROFILE_ID)).toBe('/data');
    expect(profileDir('/data', 'abc123')).toBe(path.join('/data', 'profiles', 'abc123'));
  });

  it('removes only the default profile’s own files from the shared data folder', () => {
    const dir = tempDir();
    const touch = (name: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), 'x');
    };
    const theirs = [
      'ledgerlight-sandbox.sqlite',
      'ledgerlight-sandbox.sqlite-wal',
      'ledgerlight-production.sqlite',
      'environment.json',
      'backups/ledgerlight-sandbox-v3-2026.sqlite',
    ];
    const kept = [
      'profiles.json',
      'logs/ledgerlight.log',
      'profiles/abc/ledgerlight-sandbox.sqlite',
    ];
    for (const name of [...theirs, ...kept]) touch(name);
    removeProfileFiles(dir, DEFAULT_PROFILE_ID);
    for (const name of theirs) expect(fs.existsSync(path.join(dir, name)), name).toBe(false);
    for (const name of kept) expect(fs.existsSync(path.join(dir, name)), name).toBe(true);
    removeProfileFiles(dir, 'abc');
    expect(fs.existsSync(path.join(dir, 'profiles', 'abc'))).toBe(false);
  });
});
