import type { CoreContext } from '../context';
import { LinkService } from '../linking/link-service';
import type { HandlerGroup } from './types';

export function linkHandlers(ctx: CoreContext): HandlerGroup<'link'> {
  const service = new LinkService(ctx);
  return {
    'link.createToken': (input) => service.createToken(input),
    'link.exchange': (input) => service.exchange(input),
    'link.sandboxConnect': ({ institutionId }) => service.sandboxConnect(institutionId),
  };
}
