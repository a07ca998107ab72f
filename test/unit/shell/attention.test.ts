import { describe, expect, it } from 'vitest';
import { attentionNotices } from '../../../src/main/electron/attention';
import type { Connection } from '../../../src/shared/model';

const now = new Date('2026-11-22T12:00:00Z');
function connection(overrides: Partial<Connection>): Connection {
  return {
    id: 'conn_1',
    environment: 'sandbox',
    institution: null,
    displayName: 'First Platypus',
    status: 'ACTIVE',
    syncing: false,
    paused: false,
    syncFrequencyMinutes: 360,
    lastSyncAt: null,
    lastSuccessAt: null,
    nextSyncAt: null,
    consentExpiresAt: null,
    error: null,
    accountCount: 3,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('attentionNotices', () => {
  it('says nothing about healthy connections or far-off consent', () => {
    expect(
      attentionNotices(
        [connection({}), connection({ consentExpiresAt: '2027-06-01T00:00:00Z' })],
        now,
      ),
    ).toEqual([]);
  });

  it('asks to sign in again when login is required', () => {
    const [notice] = attentionNotices([connection({ status: 'LOGIN_REQUIRED' })], now);
    expect(notice).toMatchObject({
      key: 'conn_1:login',
      title: 'First Platypus needs you to sign in again',
    });
  });

  it('warns of consent ending within a week, and of consent that has ended', () => {
    const soon = attentionNotices([connection({ consentExpiresAt: '2026-11-25T00:00:00Z' })], now);
    expect(soon.map((n) => n.title)).toEqual(['First Platypus: access ends in 3 days']);
    const over = attentionNotices([connection({ consentExpiresAt: '2026-11-20T00:00:00Z' })], now);
    expect(over.map((n) => n.title)).toEqual(['First Platypus: access has ended']);
  });

  it('reports an Item error once per code, and nothing for disconnected connections', () => {
    const error = connection({
      status: 'ERROR',
      error: { code: 'ITEM_NOT_FOUND', message: 'gone' },
    });
    expect(attentionNotices([error], now).map((n) => n.key)).toEqual([
      'conn_1:error:ITEM_NOT_FOUND',
    ]);
    expect(
      attentionNotices(
        [connection({ status: 'DISCONNECTED', consentExpiresAt: '2026-11-23T00:00:00Z' })],
        now,
      ),
    ).toEqual([]);
  });
});
