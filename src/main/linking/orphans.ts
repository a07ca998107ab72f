import { z } from 'zod';
import type { PlaidEnvironment } from '../../shared/model';
import type { CoreContext } from '../context';
import { PlaidFailure, toPlaidFailure } from '../plaid/errors';
import { withRetry } from '../plaid/retry';
import { secretAccounts } from '../secrets/secret-store';

/**
 * Connections whose access token is being written to the keychain and whose row has not landed
 * yet: a setting of this ledger, so that only this ledger's own links are ever treated as
 * orphans (another data folder, or another profile, may share the keychain service).
 */
const PENDING_LINKS_KEY = 'link.pendingConnections';
const pendingSchema = z.array(z.string());

/** What one start-up sweep did, for the log and the tests. */
export interface OrphanSweepResult {
  /** Items given back to Plaid (or already gone there) whose keychain entry was deleted. */
  removed: string[];
  /** Orphans kept for the next start: Plaid could not be reached, or no keys are saved. */
  kept: string[];
}

/**
 * The environment a Plaid access token belongs to, from its prefix (`access-sandbox-…`,
 * `access-production-…`), or null for a value that is not a Plaid access token.
 */
export function accessTokenEnvironment(token: string): PlaidEnvironment | null {
  const match = /^access-(sandbox|production)-/.exec(token);
  return match ? (match[1] as PlaidEnvironment) : null;
}

export function pendingLinks(ctx: CoreContext): string[] {
  return ctx.repos.settings.get(PENDING_LINKS_KEY, pendingSchema, []);
}

/** Written (and committed) before the keychain write of a new connection's access token. */
export function markPendingLink(ctx: CoreContext, connectionId: string): void {
  ctx.repos.settings.set(PENDING_LINKS_KEY, [...pendingLinks(ctx), connectionId]);
}

/** Cleared in the transaction that writes the connection's row, or when the link is undone. */
export function clearPendingLink(ctx: CoreContext, connectionId: string): void {
  const pending = pendingLinks(ctx);
  if (pending.includes(connectionId)) {
    ctx.repos.settings.set(
      PENDING_LINKS_KEY,
      pending.filter((id) => id !== connectionId),
    );
  }
}

/**
 * What the sweep will look at, read when the ledger opens, before any request is served: links
 * that never got their row, and disconnected connections. A link started after this point is
 * never mistaken for an orphan.
 */
export function orphanCandidates(ctx: CoreContext): { pending: string[]; disconnected: string[] } {
  return {
    pending: pendingLinks(ctx),
    disconnected: ctx.repos.connections
      .list()
      .filter((c) => c.status === 'DISCONNECTED')
      .map((c) => c.id),
  };
}

/**
 * Gives back to Plaid the Items whose access token outlived its connection. A process killed
 * between the keychain write and the connection row (linking), or after the row and before the
 * keychain (disconnecting), leaves such a token behind, and its Item stays billable at Plaid with
 * nothing in the app to end it.
 *
 * The Item is removed rather than adopted: the person saw that link fail and links again, and a
 * bank nobody chose to keep must not appear by itself. When Plaid cannot be reached, or no keys
 * are saved, the token stays for the next start. A token of the other environment is left alone
 * (it cannot be this ledger's).
 */
export async function sweepOrphanedItems(
  ctx: CoreContext,
  candidates: { pending: string[]; disconnected: string[] },
  stopped: () => boolean,
): Promise<OrphanSweepResult> {
  const result: OrphanSweepResult = { removed: [], kept: [] };
  for (const connectionId of [...candidates.pending, ...candidates.disconnected]) {
    if (stopped()) break;
    const connection = ctx.repos.connections.get(connectionId);
    const pending = candidates.pending.includes(connectionId);
    if (connection && connection.status !== 'DISCONNECTED') {
      // The row landed after all: the link is whole.
      if (pending) clearPendingLink(ctx, connectionId);
      continue;
    }
    const account = secretAccounts.accessToken(connectionId);
    const token = await ctx.secrets.get(account);
    if (stopped()) break;
    if (!token) {
      // Killed before the keychain write, or cleaned already: nothing at Plaid to reach.
      if (pending) clearPendingLink(ctx, connectionId);
      continue;
    }
    if (accessTokenEnvironment(token) !== ctx.environment) continue;
    try {
      await removeAtPlaid(ctx, token, stopped);
    } catch (error) {
      const failure = toPlaidFailure(error);
      ctx.log.warn('orphaned access token kept for the next start', {
        connectionId,
        code: failure.code,
      });
      result.kept.push(connectionId);
      continue;
    }
    await ctx.secrets.delete(account);
    if (pending) clearPendingLink(ctx, connectionId);
    ctx.log.info('orphaned Plaid Item removed', { connectionId, hadRow: connection !== undefined });
    result.removed.push(connectionId);
  }
  return result;
}

/** `/item/remove` with this environment's keys; an Item Plaid no longer knows is removed already. */
async function removeAtPlaid(
  ctx: CoreContext,
  token: string,
  stopped: () => boolean,
): Promise<void> {
  const api = ctx.createPlaidApi(await ctx.plaid.require());
  try {
    await withRetry(
      () => {
        if (stopped()) throw new PlaidFailure('request', 'CANCELLED', 'The app is closing.');
        return api.itemRemove({ access_token: token });
      },
      ctx.retry.policy,
      ctx.retry.deps,
    );
  } catch (error) {
    if (toPlaidFailure(error).kind !== 'item-gone') throw error;
  }
}
