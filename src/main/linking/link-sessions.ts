import type { LinkTokenGetResponse } from 'plaid';
import type { LedgerErrorShape, LedgerEvents, LinkOutcome } from '../../shared/contract';
import { linkExitError } from '../../shared/link-exit-error';
import { LedgerError } from '../../shared/errors';
import { fromPlaidErrorBody } from '../plaid/errors';
import type { LinkToken } from '../../shared/model';
import type { CoreContext } from '../context';
import type { LinkService } from './link-service';

/** Link tokens live four hours at Plaid; a session left open longer is forgotten. */
const SESSION_LIFETIME_MS = 4 * 3_600_000;

interface OpenSession {
  /** The connection being updated (update mode), or null for a new bank. */
  connectionId: string | null;
  /** Hosted Link: the page Plaid made for this session. */
  hostedLinkUrl: string | null;
  openedAtMs: number;
}

export interface OpenInput {
  connectionId?: string | undefined;
  updateAccountSelection?: boolean | undefined;
  hosted?: boolean | undefined;
}

/**
 * The Link sessions this app opened, and how each ends. Link itself runs where it cannot reach
 * the core (its own window, or another origin); what it reports comes back here, once per
 * session, and only for a token this app made. The exchange happens here too, so the window
 * that holds the ledger never handles a public token.
 */
export class LinkSessions {
  private readonly sessions = new Map<string, OpenSession>();

  constructor(
    private readonly ctx: CoreContext,
    readonly service: LinkService,
  ) {}

  async open(input: OpenInput): Promise<LinkToken> {
    this.prune();
    const token = await this.service.createToken(input);
    this.sessions.set(token.linkToken, {
      connectionId: input.connectionId ?? null,
      hostedLinkUrl: input.hosted ? token.hostedLinkUrl : null,
      openedAtMs: this.ctx.clock.now().getTime(),
    });
    return token;
  }

  /** The Hosted Link page of a session this app opened (the shell opens nothing else). */
  hostedLinkUrl(linkToken: string): string | null {
    this.prune();
    return this.sessions.get(linkToken)?.hostedLinkUrl ?? null;
  }

  /**
   * The Link page's report. A token this app did not open (or one already reported) is refused
   * and changes nothing; otherwise the result is taken in and announced as `link.finished`.
   */
  async finish(outcome: LinkOutcome): Promise<void> {
    const session = this.take(outcome.linkToken);
    if (outcome.status === 'exit') {
      this.announce(outcome.linkToken, {
        outcome: 'exited',
        connectionId: session.connectionId,
        error: outcome.error
          ? {
              code: 'PLAID',
              // Plaid's display_message is written for the user; its error_message for developers.
              message:
                outcome.error.displayMessage ||
                fromPlaidErrorBody(
                  { error_code: outcome.error.errorCode, error_type: outcome.error.errorType },
                  400,
                ).message,
              details: {
                plaidErrorCode: outcome.error.errorCode,
                plaidErrorType: outcome.error.errorType,
              },
            }
          : null,
      });
      return;
    }
    try {
      const result = await this.service.exchange({
        publicToken: outcome.publicToken,
        institution: outcome.institution,
        accounts: outcome.accounts,
        connectionId: session.connectionId ?? undefined,
      });
      this.announce(outcome.linkToken, {
        outcome: session.connectionId ? 'updated' : 'connected',
        connectionId: result.connectionId,
        accountCount: result.accounts.length,
      });
    } catch (error) {
      this.announce(outcome.linkToken, {
        outcome: 'failed',
        connectionId: session.connectionId,
        error: this.shapeOf(error),
      });
    }
  }

  /**
   * Hosted Link ends in the user's browser, so Plaid is asked how it went (/link/token/get).
   * A finished session is taken in exactly as Link's own report would be.
   */
  async checkHosted(linkToken: string | undefined): Promise<{ pending: number }> {
    this.prune();
    const tokens = linkToken
      ? [linkToken].filter((t) => this.sessions.get(t)?.hostedLinkUrl)
      : [...this.sessions].filter(([, s]) => s.hostedLinkUrl).map(([t]) => t);
    if (linkToken && tokens.length === 0) {
      throw new LedgerError('NOT_FOUND', 'Ledgerlight has no open Hosted Link session like this.');
    }
    let pending = 0;
    for (const token of tokens) {
      const session = this.sessions.get(token)!;
      const answer = await this.service.tokenStatus(token, session.connectionId);
      const outcome = hostedOutcome(token, answer);
      if (outcome) await this.finish(outcome);
      else pending += 1;
    }
    return { pending };
  }

  private take(linkToken: string): OpenSession {
    this.prune();
    const session = this.sessions.get(linkToken);
    if (!session) {
      throw new LedgerError(
        'NOT_FOUND',
        'This Link session was not opened by Ledgerlight, or it has ended already.',
      );
    }
    this.sessions.delete(linkToken);
    return session;
  }

  private announce(
    linkToken: string,
    payload: Partial<Omit<LedgerEvents['link.finished'], 'linkToken'>> &
      Pick<LedgerEvents['link.finished'], 'outcome'>,
  ): void {
    this.ctx.events.emit('link.finished', {
      linkToken,
      connectionId: null,
      accountCount: 0,
      error: null,
      ...payload,
    });
  }

  private shapeOf(error: unknown): LedgerErrorShape {
    if (error instanceof LedgerError) return error.toShape();
    this.ctx.log.error('link session could not be finished', { error });
    return new LedgerError(
      'INTERNAL',
      'Something went wrong inside Ledgerlight while connecting the bank. Nothing was changed; the details are in the log.',
    ).toShape();
  }

  private prune(): void {
    const now = this.ctx.clock.now().getTime();
    for (const [token, session] of this.sessions) {
      if (now - session.openedAtMs > SESSION_LIFETIME_MS) this.sessions.delete(token);
    }
  }
}

/** A finished Hosted Link session as Link's own report, or null while it is still open. */
function hostedOutcome(linkToken: string, answer: LinkTokenGetResponse): LinkOutcome | null {
  for (const session of answer.link_sessions ?? []) {
    const added = session.results?.item_add_results?.[0];
    if (added) {
      return {
        linkToken,
        status: 'success',
        publicToken: added.public_token,
        institution:
          added.institution?.institution_id && added.institution.name !== undefined
            ? { id: added.institution.institution_id, name: added.institution.name }
            : null,
        accounts: added.accounts.flatMap((a) =>
          a.id ? [{ id: a.id, name: a.name ?? '', mask: a.mask ?? null }] : [],
        ),
      };
    }
    if (session.finished_at && session.exit) {
      const error = session.exit.error;
      return { linkToken, status: 'exit', error: error ? linkExitError(error) : null };
    }
  }
  return null;
}
