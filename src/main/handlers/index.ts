import type { CoreContext } from '../context';
import type { LinkSessions } from '../linking/link-sessions';
import { accountsHandlers } from './accounts';
import { batchesHandlers } from './batches';
import { categoriesHandlers } from './categories';
import { connectionsHandlers } from './connections';
import { importHandlers } from './imports';
import { institutionsHandlers } from './institutions';
import { linkHandlers } from './link';
import { liabilitiesHandlers, portfolioHandlers, recurringHandlers } from './portfolio';
import { profilesHandlers } from '../profiles/handlers';
import { quarantineHandlers } from './quarantine';
import { reportsHandlers } from './reports';
import { rulesHandlers } from './rules';
import { sandboxHandlers } from './sandbox';
import { settingsHandlers } from './settings';
import { tagsHandlers, transactionsHandlers } from './transactions';
import { transfersHandlers } from './transfers';
import type { Handlers } from './types';

export function createHandlers(ctx: CoreContext, linkSessions: LinkSessions): Handlers {
  return {
    ...settingsHandlers(ctx),
    ...profilesHandlers(ctx),
    ...linkHandlers(linkSessions),
    ...connectionsHandlers(ctx),
    ...sandboxHandlers(ctx),
    ...institutionsHandlers(ctx),
    ...accountsHandlers(ctx),
    ...portfolioHandlers(ctx),
    ...liabilitiesHandlers(ctx),
    ...recurringHandlers(ctx),
    ...transactionsHandlers(ctx),
    ...tagsHandlers(ctx),
    ...batchesHandlers(ctx),
    ...importHandlers(ctx),
    ...reportsHandlers(ctx),
    ...categoriesHandlers(ctx),
    ...quarantineHandlers(ctx),
    ...transfersHandlers(ctx),
    ...rulesHandlers(ctx),
  };
}
