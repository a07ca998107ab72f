import type { Account } from '../../../../shared/model';
import { Spinner } from '../../components/Loading';
import { formatMoney } from '../../format/money';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';

/**
 * "Check balance now" for one account Plaid syncs: the bank's balance right now, kept, and said in
 * a toast; Plaid's refusal (its per-minute limit, a bank without live balances) too.
 */
export function CheckAccountBalanceButton({ account }: { account: Account }) {
  const check = useLedgerMutation('accounts.checkBalance', {
    handle: (error) => {
      toast({ tone: 'error', title: 'The balance was not checked', body: error.message });
      return true;
    },
  });
  async function run() {
    const answer = await check.run({ accountId: account.id });
    const fresh = answer?.accounts.find((a) => a.id === account.id);
    if (!fresh) return;
    toast({
      tone: 'success',
      title: 'Balance checked with the bank',
      body:
        fresh.balances.current === null
          ? 'The bank did not report a current balance for this account.'
          : `${fresh.name}: ${formatMoney(fresh.balances.current, fresh.currency)} right now. It is saved as today’s balance.`,
    });
  }
  return (
    <button type="button" className="button" onClick={() => void run()} disabled={check.pending}>
      {check.pending ? <Spinner size={14} /> : null}
      Check balance now
    </button>
  );
}
