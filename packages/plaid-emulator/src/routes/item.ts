import type {
  ItemGetRequest,
  ItemGetResponse,
  ItemPublicTokenExchangeRequest,
  ItemPublicTokenExchangeResponse,
  ItemRemoveRequest,
  ItemRemoveResponse,
} from 'plaid';
import { f } from '../validate';
import { plaidRoute } from './route';

export const itemPublicTokenExchange = plaidRoute<
  ItemPublicTokenExchangeRequest,
  ItemPublicTokenExchangeResponse
>({
  path: '/item/public_token/exchange',
  fields: { public_token: f.reqStr() },
  handle: ({ body, state, requestId }) => {
    // An update-mode public token belongs to an existing Item: exchanging it returns that Item's
    // (unchanged) access token, which is why Plaid says no re-exchange is needed.
    const item = state.exchangePublicToken(body.public_token);
    return { access_token: item.accessToken, item_id: item.itemId, request_id: requestId };
  },
});

/** Answers even for an Item in error: this is where item.error is reported (PLAID-NOTES §2.3). */
export const itemGet = plaidRoute<ItemGetRequest, ItemGetResponse>({
  path: '/item/get',
  fields: { access_token: f.reqStr() },
  handle: ({ body, state, requestId }) => {
    const item = state.resolveAccessToken(body.access_token);
    item.currentError(state.clock.nowMs());
    return { item: item.itemView(), status: item.statusView(), request_id: requestId };
  },
});

export const itemRemove = plaidRoute<ItemRemoveRequest, ItemRemoveResponse>({
  path: '/item/remove',
  fields: {
    access_token: f.reqStr(),
    reason_code: f.str({
      nullable: true,
      oneOf: [
        'FRAUD_FIRST_PARTY',
        'FRAUD_FALSE_IDENTITY',
        'FRAUD_ABUSE',
        'FRAUD_OTHER',
        'CONNECTION_IS_NON_FUNCTIONAL',
        'OTHER',
      ],
    }),
    reason_note: f.str({ nullable: true }),
  },
  handle: ({ body, state, requestId }) => {
    const item = state.resolveAccessToken(body.access_token);
    item.removed = true;
    return { request_id: requestId };
  },
});
