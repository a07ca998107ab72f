import fs from 'node:fs';
import path from 'node:path';
import { databaseFileName, ENVIRONMENT_FILE } from '../environment-file';
import { DEFAULT_PROFILE_ID } from './registry';

/** The folder that holds every profile other than the default one, one sub-folder each. */
export const PROFILES_FOLDER = 'profiles';

/**
 * Where a profile's databases, their backups and its environment choice live. The default
 * profile keeps the data folder itself, so a ledger from before profiles is found untouched.
 */
export function profileDir(dataDir: string, profileId: string): string {
  return profileId === DEFAULT_PROFILE_ID
    ? dataDir
    : path.join(dataDir, PROFILES_FOLDER, profileId);
}

/**
 * Removes what a profile keeps on disk. Another profile's folder goes whole; the default
 * profile shares the data folder with the app's log and the other profiles, so only its own
 * files go: the databases (with their journal files), their backups and its environment choice.
 */
export function removeProfileFiles(dataDir: string, profileId: string): void {
  if (profileId !== DEFAULT_PROFILE_ID) {
    fs.rmSync(profileDir(dataDir, profileId), { recursive: true, force: true });
    return;
  }
  for (const environment of ['sandbox', 'production'] as const) {
    const base = databaseFileName(environment);
    for (const suffix of ['', '-wal', '-shm', '-journal', '-state']) {
      fs.rmSync(path.join(dataDir, base + suffix), { force: true });
    }
    const backups = path.join(dataDir, 'backups');
    const stem = path.basename(base, path.extname(base));
    if (fs.existsSync(backups)) {
      for (const file of fs.readdirSync(backups)) {
        if (file.startsWith(`${stem}-v`)) fs.rmSync(path.join(backups, file), { force: true });
      }
    }
  }
  fs.rmSync(path.join(dataDir, ENVIRONMENT_FILE), { force: true });
}
