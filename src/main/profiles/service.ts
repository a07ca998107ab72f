import crypto from 'node:crypto';
import { LedgerError } from '../../shared/errors';
import type { Profile, ProfileDeletion, ProfileList } from '../../shared/model';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { SecretStore } from '../secrets/secret-store';
import { PROFILE_ACCOUNT_PREFIX, profileAccountPrefix } from '../secrets/prefixed-store';
import { removeProfileFiles } from './paths';
import { DEFAULT_PROFILE_ID, type ProfileEntry, type ProfileRegistry } from './registry';

/** What the service needs from the core: the ledger swap and the goodbye to Plaid. */
export interface ProfileServiceDeps {
  dataDir: string;
  registry: ProfileRegistry;
  /** The keychain as a whole (not one profile's view of it). */
  secrets: SecretStore;
  clock: Clock;
  log: Logger;
  /** Where `profiles.switched` goes, so every window drops what it shows of the old profile. */
  events: EventBus;
  /** Closes the open ledger (its syncs stopped) and opens this profile's. */
  open(profileId: string): Promise<void>;
  /** Gives every live connection of a closed profile back to Plaid (/item/remove). */
  removeItems(profileId: string): Promise<RemovedItems>;
}

/** What came of asking Plaid to forget a profile's banks. */
export interface RemovedItems {
  removed: number;
  leftLinked: number;
  /** A database of the profile could not be opened, so its banks are unknown. */
  unreadable: boolean;
}

/**
 * Create, rename, switch and delete profiles. One operation at a time: a switch and a delete
 * never overlap, so the profile being opened is never the one being removed.
 */
export class ProfileService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ProfileServiceDeps) {}

  list(): ProfileList {
    const data = this.deps.registry.read();
    return {
      currentId: data.currentId,
      profiles: data.profiles.map((entry) => toProfile(entry, data.currentId)),
    };
  }

  create(name: string, switchTo: boolean): Promise<Profile> {
    return this.serial(async () => {
      const data = this.deps.registry.read();
      requireUniqueName(data.profiles, name, null);
      const entry: ProfileEntry = {
        id: crypto.randomBytes(6).toString('hex'),
        name,
        createdAt: this.deps.clock.now().toISOString(),
      };
      this.deps.registry.write({ ...data, profiles: [...data.profiles, entry] });
      this.deps.log.info('profile created', { profileId: entry.id });
      if (switchTo) await this.openProfile(entry.id);
      return toProfile(entry, this.deps.registry.read().currentId);
    });
  }

  rename(id: string, name: string): Promise<Profile> {
    return this.serial(async () => {
      const data = this.deps.registry.read();
      const entry = requireProfile(data.profiles, id);
      requireUniqueName(data.profiles, name, id);
      const renamed = { ...entry, name };
      this.deps.registry.write({
        ...data,
        profiles: data.profiles.map((p) => (p.id === id ? renamed : p)),
      });
      this.deps.log.info('profile renamed', { profileId: id });
      return toProfile(renamed, data.currentId);
    });
  }

  switch(id: string): Promise<ProfileList> {
    return this.serial(async () => {
      const data = this.deps.registry.read();
      requireProfile(data.profiles, id);
      if (data.currentId !== id) await this.openProfile(id);
      return this.list();
    });
  }

  delete(id: string): Promise<ProfileDeletion> {
    return this.serial(async () => {
      const data = this.deps.registry.read();
      const entry = requireProfile(data.profiles, id);
      if (data.profiles.length === 1) {
        throw new LedgerError(
          'CONFLICT',
          'This is your only profile, so it cannot be deleted. Create another one first.',
        );
      }
      if (data.currentId === id) {
        throw new LedgerError(
          'CONFLICT',
          `"${entry.name}" is open, so it cannot be deleted. Switch to another profile first.`,
        );
      }
      const { removed, leftLinked, unreadable } = await this.deps.removeItems(id);
      await this.removeSecrets(id);
      removeProfileFiles(this.deps.dataDir, id);
      const after = this.deps.registry.read();
      this.deps.registry.write({ ...after, profiles: after.profiles.filter((p) => p.id !== id) });
      this.deps.log.info('profile deleted', { profileId: id, removed, leftLinked });
      return {
        profiles: this.list(),
        itemsRemoved: removed,
        itemsLeftLinked: leftLinked,
        message: deletionMessage(entry.name, removed, leftLinked, unreadable),
      };
    });
  }

  private async openProfile(id: string): Promise<void> {
    await this.deps.open(id);
    const data = this.deps.registry.read();
    this.deps.registry.write({ ...data, currentId: id });
    this.deps.log.info('profile switched', { profileId: id });
    this.deps.events.emit('profiles.switched', { profileId: id });
  }

  /** Every keychain entry the profile owns: its Plaid keys for each environment and its tokens. */
  private async removeSecrets(id: string): Promise<void> {
    const owned = (await this.deps.secrets.accounts()).filter((account) =>
      id === DEFAULT_PROFILE_ID
        ? !account.startsWith(PROFILE_ACCOUNT_PREFIX)
        : account.startsWith(profileAccountPrefix(id)),
    );
    for (const account of owned) await this.deps.secrets.delete(account);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function toProfile(entry: ProfileEntry, currentId: string): Profile {
  return {
    id: entry.id,
    name: entry.name,
    createdAt: entry.createdAt,
    isDefault: entry.id === DEFAULT_PROFILE_ID,
    current: entry.id === currentId,
  };
}

function requireProfile(profiles: ProfileEntry[], id: string): ProfileEntry {
  const entry = profiles.find((p) => p.id === id);
  if (!entry) throw new LedgerError('NOT_FOUND', 'That profile does not exist any more.');
  return entry;
}

function requireUniqueName(profiles: ProfileEntry[], name: string, except: string | null): void {
  const wanted = name.toLocaleLowerCase();
  const taken = profiles.find((p) => p.id !== except && p.name.toLocaleLowerCase() === wanted);
  if (taken) {
    throw new LedgerError(
      'CONFLICT',
      `There is already a profile called "${taken.name}". Choose another name.`,
    );
  }
}

function deletionMessage(
  name: string,
  removed: number,
  leftLinked: number,
  unreadable: boolean,
): string {
  const banks = (n: number) => (n === 1 ? '1 bank connection' : `${n} bank connections`);
  const parts = [`"${name}" was deleted with its data and its keys.`];
  if (removed > 0)
    parts.push(`${capitalise(banks(removed))} ${removed === 1 ? 'was' : 'were'} ended at Plaid.`);
  if (leftLinked > 0) {
    parts.push(
      `Plaid could not be reached for ${banks(leftLinked)}, so ${
        leftLinked === 1 ? 'that bank stays' : 'those banks stay'
      } linked at Plaid; remove ${leftLinked === 1 ? 'it' : 'them'} in the Plaid Dashboard if you want.`,
    );
  }
  if (unreadable) {
    parts.push(
      'Its data file could not be read, so any banks it had stay linked at Plaid; remove them in the Plaid Dashboard if you want.',
    );
  }
  return parts.join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
