import type { LiabilitiesGetRequest, LiabilitiesGetResponse } from 'plaid';
import { creditLiability, mortgageLiability, studentLiability } from '../data/liabilities';
import { PlaidApiError } from '../errors';
import { f } from '../validate';
import { addProduct, requireReady, usableItem } from './guards';
import { plaidRoute } from './route';

export const liabilitiesGet = plaidRoute<LiabilitiesGetRequest, LiabilitiesGetResponse>({
  path: '/liabilities/get',
  fields: {
    access_token: f.reqStr(),
    options: f.obj({ account_ids: f.strArray() }),
  },
  handle: ({ body, state, requestId }) => {
    const item = usableItem(state, body.access_token);
    if (!item.hasAccountType('credit') && !item.hasAccountType('loan')) {
      throw new PlaidApiError('NO_LIABILITY_ACCOUNTS');
    }
    requireReady(state, item);
    addProduct(item, 'liabilities');
    const wanted = body.options?.account_ids ?? null;
    if (wanted) {
      for (const id of wanted) {
        const type = item.accountById(id)?.template.type;
        if (type !== 'credit' && type !== 'loan') throw new PlaidApiError('INVALID_ACCOUNT_ID');
      }
    }
    const keep = (accountId: string) => wanted === null || wanted.includes(accountId);
    const views = item
      .accountViews({ lastUpdated: null })
      .filter((a) => (a.type === 'credit' || a.type === 'loan') && keep(a.account_id));
    const credit = [];
    const student = [];
    const mortgage = [];
    for (const account of item.accounts) {
      if (!keep(account.accountId)) continue;
      if (account.key === 'card') {
        const balance =
          views.find((v) => v.account_id === account.accountId)?.balances.current ?? 0;
        credit.push(
          creditLiability(
            account.accountId,
            item.schedule,
            Math.round((balance ?? 0) * 100),
            item.today,
          ),
        );
      } else if (account.key === 'student') {
        student.push(studentLiability(account.accountId, item.today));
      } else if (account.key === 'mortgage') {
        mortgage.push(mortgageLiability(account.accountId, item.today));
      }
    }
    return {
      accounts: views,
      item: item.itemView(),
      liabilities: {
        credit: credit.length ? credit : null,
        student: student.length ? student : null,
        mortgage: mortgage.length ? mortgage : null,
      },
      request_id: requestId,
    };
  },
});
