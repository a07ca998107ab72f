import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { STATUS_POLL_INTERVAL_MS } from '../../../src/main/institutions/status-poller';
import type { TimerApi } from '../../../src/main/sync/scheduler';
import { linkSandbox, startHarness, type Harness } from '../../support/sync-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PLATYPUS = 'ins_109508';

async function cardOf(harness: Harness, connectionId: string) {
  const connection = (await harness.call('connections.list')).find((c) => c.id === connectionId);
  if (!connection) throw new Error(`no connection ${connectionId}`);
  return connection;
}

/** Timers a test fires by hand, recording each wait. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; handle: number }[] = [];
  let next = 1;
  const api: TimerApi = {
    setTimeout: (fn, ms) => {
      const handle = next++;
      pending.push({ fn, ms, handle });
      return handle;
    },
    clearTimeout: (handle) => {
      const i = pending.findIndex((p) => p.handle === handle);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return { api, pending };
}

describe('institution status', () => {
  it('is asked once per bank, kept in SQLite, and shown on each connection', async () => {
    h = await startHarness();
    const first = await linkSandbox(h, PLATYPUS);
    const second = await linkSandbox(h, 'ins_109511');
    // A second Item at the same bank (the same person's other login there).
    const third = { connectionId: 'conn_second_login' };
    const db = new BetterSqlite3(h.databasePath);
    db.prepare(
      `INSERT INTO connections (id, environment, plaid_item_id, institution_id, display_name,
         sync_frequency_minutes, created_at, updated_at, plaid_base_url)
       SELECT ?, environment, 'item_second_login', institution_id, 'Second login',
         sync_frequency_minutes, created_at, updated_at, plaid_base_url
       FROM connections WHERE id = ?`,
    ).run(third.connectionId, first.connectionId);
    db.close();
    expect((await cardOf(h, first.connectionId)).institution?.status ?? null).toBeNull();

    h.emulator.control.resetCalls();
    const checked = await h.call('institutions.checkStatus');
    const calls = h.emulator.control.calls({ endpoint: '/institutions/get_by_id' });
    expect(calls).toHaveLength(2);
    expect(checked.map((i) => i.id).sort()).toEqual([PLATYPUS, 'ins_109511']);

    const card = await cardOf(h, third.connectionId);
    expect(card.institution?.status).toMatchObject({
      overall: 'HEALTHY',
      transactions: 'HEALTHY',
      logins: 'HEALTHY',
      incident: null,
    });
    expect(card.institution?.status?.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await cardOf(h, second.connectionId)).institution?.status?.overall).toBe('HEALTHY');

    // Kept: a restart shows the last answer before Plaid is asked again.
    await h.restart();
    expect((await cardOf(h, first.connectionId)).institution?.status?.overall).toBe('HEALTHY');
  });

  it('shows a bank Plaid reports degraded or down before the sync fails, per product', async () => {
    h = await startHarness();
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    await h.call('institutions.checkStatus');

    h.emulator.control.setInstitutionStatus(PLATYPUS, 'DEGRADED', 'transactions_updates');
    h.events.length = 0;
    await h.call('institutions.checkStatus');
    let status = (await cardOf(h, connectionId)).institution?.status;
    expect(status).toMatchObject({
      overall: 'DEGRADED',
      transactions: 'DEGRADED',
      logins: 'HEALTHY',
      incident: 'Intermittent connectivity issues',
    });
    // The card is told to redraw, and the connection itself has not failed.
    expect(h.events.some((e) => e.name === 'connections.changed')).toBe(true);
    expect((await cardOf(h, connectionId)).status).toBe('ACTIVE');

    h.emulator.control.setInstitutionStatus(PLATYPUS, 'DOWN');
    await h.call('institutions.checkStatus');
    const card = await cardOf(h, connectionId);
    status = card.institution?.status;
    expect(status).toMatchObject({ overall: 'DOWN', logins: 'DOWN', transactions: 'DOWN' });
    expect(status?.incident).toBe('Connectivity outage');
    // Before any sync has failed: the connection has no error yet.
    expect(card.error).toBeNull();
    expect((await h.call('connections.health', { connectionId })).consecutiveFailures).toBe(0);

    // The sync then fails as Plaid says; the status was there first.
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    const logs = await h.call('connections.logs', { connectionId });
    expect(logs[0]!.status).toBe('failed');
    expect(logs[0]!.errorCode).toBe('INSTITUTION_DOWN');

    h.emulator.control.setInstitutionStatus(PLATYPUS, 'HEALTHY');
    await h.call('institutions.checkStatus');
    expect((await cardOf(h, connectionId)).institution?.status?.overall).toBe('HEALTHY');
  });

  it('refreshes the name, logo and colour from Plaid’s answer', async () => {
    h = await startHarness();
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    const before = (await cardOf(h, connectionId)).institution!;
    expect(before.name).toBe('First Platypus Bank');

    h.emulator.control.setInstitutionDetails(PLATYPUS, {
      name: 'Platypus Bank & Trust',
      primaryColor: '#225588',
      url: 'https://trust.platypus.com',
    });
    await h.call('institutions.checkStatus');
    const after = (await cardOf(h, connectionId)).institution!;
    expect(after.name).toBe('Platypus Bank & Trust');
    expect(after.primaryColor).toBe('#225588');
    expect(after.url).toBe('https://trust.platypus.com');
    expect(after.logo).toMatch(/^data:image\/png;base64,/);
    expect(after.logo).not.toBe(before.logo);

    // A later answer without a logo keeps the last one rather than blanking it.
    h.emulator.control.setInstitutionDetails(PLATYPUS, { hasLogo: false });
    await h.call('institutions.checkStatus');
    expect((await cardOf(h, connectionId)).institution!.logo).toBe(after.logo);
  });

  it('polls on launch and every half hour with the core’s scheduling', async () => {
    const timers = manualTimers();
    h = await startHarness();
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    h.emulator.control.setInstitutionStatus(PLATYPUS, 'DEGRADED');
    h.emulator.control.resetCalls();
    await h.restart({ schedule: true, timers: timers.api });
    await h.core.idle();
    await waitFor(async () => (await cardOf(h!, connectionId)).institution?.status?.overall);
    expect((await cardOf(h, connectionId)).institution?.status?.overall).toBe('DEGRADED');
    expect(h.emulator.control.calls({ endpoint: '/institutions/get_by_id' })).toHaveLength(1);

    const poll = timers.pending.find((t) => t.ms === STATUS_POLL_INTERVAL_MS);
    expect(poll).toBeDefined();
    h.emulator.control.setInstitutionStatus(PLATYPUS, 'HEALTHY');
    timers.pending.splice(timers.pending.indexOf(poll!), 1);
    poll!.fn();
    await waitFor(async () =>
      (await cardOf(h!, connectionId)).institution?.status?.overall === 'HEALTHY' ? true : null,
    );
    expect(h.emulator.control.calls({ endpoint: '/institutions/get_by_id' })).toHaveLength(2);
  });

  it('asks about a newly connected bank at once, not half an hour later', async () => {
    const timers = manualTimers();
    h = await startHarness({ core: { schedule: true, timers: timers.api } });
    h.emulator.control.setInstitutionStatus('ins_109511', 'DEGRADED');
    const { connectionId } = await h.call('link.sandboxConnect', { institutionId: 'ins_109511' });
    const status = await waitFor(
      async () => (await cardOf(h!, connectionId)).institution?.status?.overall,
    );
    expect(status).toBe('DEGRADED');
    // Asked once, however many changes the link and its first sync announced.
    await h.core.idle();
    const statusCalls = h.emulator.control
      .calls({ endpoint: '/institutions/get_by_id' })
      .filter(
        (c) => (c.request as { options?: { include_status?: boolean } }).options?.include_status,
      );
    expect(statusCalls).toHaveLength(1);
  });

  it('keeps the last status when Plaid cannot be asked', async () => {
    h = await startHarness();
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    await h.call('institutions.checkStatus');
    h.emulator.control.setRateLimits({ '/institutions/get_by_id': { perClient: 0 } });
    const checked = await h.call('institutions.checkStatus');
    expect(checked[0]!.status?.overall).toBe('HEALTHY');
    expect((await cardOf(h, connectionId)).institution?.status?.overall).toBe('HEALTHY');
  });
});

async function waitFor<T>(read: () => Promise<T | null | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}
