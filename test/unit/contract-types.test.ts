import { describe, expectTypeOf, it } from 'vitest';
import type {
  ChannelOutput,
  LedgerApi,
  PlaidSettings,
  TransactionPage,
} from '../../src/shared/contract';

/**
 * Compile-time checks (run by `npm run typecheck`, which covers test/): the renderer's client is
 * typed from the contract, so a misspelt channel or a wrong payload does not compile.
 */
declare const ledger: LedgerApi;

describe('the contract types the client', () => {
  it('infers outputs from the channel name', () => {
    expectTypeOf<ChannelOutput<'settings.getPlaid'>>().toEqualTypeOf<PlaidSettings>();
    const list = () => ledger.invoke('transactions.list', { limit: 10 });
    expectTypeOf(list).returns.resolves.toEqualTypeOf<TransactionPage>();
  });

  it('rejects misspelt channels and wrong payloads at compile time', () => {
    const calls = () => {
      // @ts-expect-error: no such channel
      void ledger.invoke('transaction.list', {});
      // @ts-expect-error: limit is a number
      void ledger.invoke('transactions.list', { limit: '10' });
      // @ts-expect-error: unknown field
      void ledger.invoke('accounts.get', { accountId: 'a', extra: true });
      // @ts-expect-error: a required input cannot be left out
      void ledger.invoke('accounts.get');
      // No input needed where every field is optional.
      void ledger.invoke('connections.list');
    };
    expectTypeOf(calls).toBeFunction();
  });
});
