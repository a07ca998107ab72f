import type { LinkAccountView, StartView } from '../link-sessions';
import { f } from '../validate';
import { linkUiRoute } from './route';

/**
 * The JSON endpoints the fake Link page calls (same origin as the page). They are not part of
 * Plaid's API; their errors still use the PlaidError shape so the page can show display_message.
 */

export const LINK_UI_PREFIX = '/link/v2/stable/api';

export const linkUiStart = linkUiRoute<
  { link_token: string; received_redirect_uri?: string | null },
  StartView
>({
  path: `${LINK_UI_PREFIX}/start`,
  fields: { link_token: f.reqStr(), received_redirect_uri: f.str({ nullable: true }) },
  handle: ({ body, link }) => link.start(body.link_token, body.received_redirect_uri ?? null),
});

export const linkUiCredentials = linkUiRoute<
  { link_session_id: string; institution_id: string; username: string; password: string },
  { accounts: LinkAccountView[] }
>({
  path: `${LINK_UI_PREFIX}/credentials`,
  fields: {
    link_session_id: f.reqStr(),
    institution_id: f.reqStr(),
    username: f.reqStr(),
    password: f.reqStr(),
  },
  handle: ({ body, link }) => ({
    accounts: link.submitCredentials(
      body.link_session_id,
      body.institution_id,
      body.username,
      body.password,
    ),
  }),
});

export const linkUiOAuth = linkUiRoute<
  { link_session_id: string; institution_id: string },
  { accounts: LinkAccountView[]; redirect: string | null }
>({
  path: `${LINK_UI_PREFIX}/oauth`,
  fields: { link_session_id: f.reqStr(), institution_id: f.reqStr() },
  handle: ({ body, link }) => link.authorizeOAuth(body.link_session_id, body.institution_id),
});

export interface FinishView {
  public_token: string;
  link_session_id: string;
  institution: { name: string; institution_id: string };
  accounts: LinkAccountView[];
}

export const linkUiFinish = linkUiRoute<
  { link_session_id: string; account_ids: string[] },
  FinishView
>({
  path: `${LINK_UI_PREFIX}/finish`,
  fields: {
    link_session_id: f.reqStr(),
    account_ids: { kind: 'array', required: true, items: { kind: 'string' } },
  },
  handle: ({ body, link }) => {
    const { publicToken, item, accounts } = link.finish(body.link_session_id, body.account_ids);
    return {
      public_token: publicToken,
      link_session_id: body.link_session_id,
      institution: { name: item.institution.name, institution_id: item.institution.id },
      accounts,
    };
  },
});

export const linkUiExit = linkUiRoute<
  { link_session_id: string; status?: string | null; error_code?: string | null },
  { ok: true }
>({
  path: `${LINK_UI_PREFIX}/exit`,
  fields: {
    link_session_id: f.reqStr(),
    status: f.str({ nullable: true }),
    error_code: f.str({ nullable: true }),
  },
  handle: ({ body, link }) => {
    link.exit(body.link_session_id, body.status ?? null, body.error_code ?? null);
    return { ok: true };
  },
});
