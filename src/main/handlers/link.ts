import type { LinkSessions } from '../linking/link-sessions';
import type { HandlerGroup } from './types';

export function linkHandlers(sessions: LinkSessions): HandlerGroup<'link'> {
  const { service } = sessions;
  return {
    'link.createToken': (input) => sessions.open(input),
    'link.exchange': (input) => service.exchange(input),
    'link.checkHosted': ({ linkToken }) => sessions.checkHosted(linkToken),
    'link.sandboxConnect': ({ institutionId }) => service.sandboxConnect(institutionId),
  };
}
