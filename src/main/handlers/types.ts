import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;

/** Every channel of the contract must have exactly one handler; the compiler checks coverage. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of one area, e.g. `HandlerGroup<'settings'>` for every `settings.*` channel. */
export type HandlerGroup<Area extends string> = {
  [C in Channel as C extends `${Area}.${string}` ? C : never]: Handler<C>;
};
