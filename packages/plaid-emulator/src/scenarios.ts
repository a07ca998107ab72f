import { PlaidApiError, isPlaidErrorCode, type PlaidErrorCode } from './errors';
import type { Rng } from './prng';

/**
 * Injected failures: "the next N calls" or "with probability p" (drawn from the seeded stream, so a
 * flaky run is repeatable). Each rule may add latency, answer with an error, drop the connection or
 * truncate the body.
 */

export interface InjectionRule {
  /** A Plaid path such as '/transactions/sync', or '*' for every API endpoint. */
  endpoint: string;
  itemId?: string;
  /** How many calls it fires for; default 1 unless `probability` is given (then unlimited). */
  times?: number;
  /** Fire on each matching call with this probability (0–1). */
  probability?: number;
  /** An error_code, or 'RATE_LIMIT_EXCEEDED' for the endpoint's own 429 code. */
  error?: string;
  latencyMs?: number;
  /** Destroy the socket without answering. */
  drop?: true;
  /** Send the headers and part of the body, then end the connection. */
  truncate?: true;
}

export interface InjectionHandle {
  readonly id: number;
  /** Calls it has fired for so far. */
  fired(): number;
  cancel(): void;
}

export interface Effect {
  latencyMs: number;
  error: PlaidApiError | null;
  drop: boolean;
  truncate: boolean;
  /** Descriptions of the rules that fired, for the call log. */
  fired: string[];
}

interface ActiveRule {
  id: number;
  rule: InjectionRule;
  remaining: number | null;
  fired: number;
}

export interface CallFacts {
  endpoint: string;
  itemId: string | null;
  /** The request carries a cursor taken from a page with has_more: true. */
  midPagination: boolean;
  rateLimitCode: PlaidErrorCode;
  /** One of the fake Link page's own endpoints, which '*' does not cover. */
  linkUi: boolean;
}

export class Scenarios {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  constructor(private readonly rng: Rng) {}

  inject(rule: InjectionRule): InjectionHandle {
    validateRule(rule);
    const active: ActiveRule = {
      id: this.nextId++,
      rule: { ...rule },
      remaining: rule.times ?? (rule.probability === undefined ? 1 : null),
      fired: 0,
    };
    this.rules.push(active);
    return {
      id: active.id,
      fired: () => active.fired,
      cancel: () => {
        this.rules = this.rules.filter((r) => r !== active);
      },
    };
  }

  clear(): void {
    this.rules = [];
  }

  evaluate(facts: CallFacts): Effect {
    const effect: Effect = { latencyMs: 0, error: null, drop: false, truncate: false, fired: [] };
    for (const active of [...this.rules]) {
      const { rule } = active;
      if (rule.endpoint === '*' ? facts.linkUi : rule.endpoint !== facts.endpoint) continue;
      if (rule.itemId !== undefined && rule.itemId !== facts.itemId) continue;
      // Plaid can only report a mutation to a client that is part-way through paginating.
      if (rule.error === 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION' && !facts.midPagination)
        continue;
      if (rule.error === 'PRODUCT_NOT_READY' && facts.endpoint === '/transactions/sync') continue;
      if (rule.probability !== undefined && !this.rng.chance(rule.probability)) continue;
      active.fired++;
      if (active.remaining !== null) {
        active.remaining--;
        if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
      }
      effect.latencyMs += rule.latencyMs ?? 0;
      effect.drop ||= rule.drop === true;
      effect.truncate ||= rule.truncate === true;
      if (rule.error && !effect.error) {
        const code =
          rule.error === 'RATE_LIMIT_EXCEEDED'
            ? facts.rateLimitCode
            : (rule.error as PlaidErrorCode);
        effect.error = new PlaidApiError(code);
      }
      effect.fired.push(describe(active));
    }
    return effect;
  }
}

function describe(active: ActiveRule): string {
  const r = active.rule;
  const what = [
    r.error,
    r.latencyMs ? `latency ${r.latencyMs}ms` : null,
    r.drop ? 'drop' : null,
    r.truncate ? 'truncate' : null,
  ].filter(Boolean);
  return `#${active.id} ${what.join('+')}`;
}

function validateRule(rule: InjectionRule): void {
  if (
    typeof rule.endpoint !== 'string' ||
    !(rule.endpoint === '*' || rule.endpoint.startsWith('/'))
  ) {
    throw new Error("inject: endpoint must be a Plaid path like '/transactions/sync' or '*'");
  }
  if (
    rule.error !== undefined &&
    rule.error !== 'RATE_LIMIT_EXCEEDED' &&
    !isPlaidErrorCode(rule.error)
  ) {
    throw new Error(`inject: unknown error code ${rule.error}`);
  }
  if (rule.error === 'PRODUCT_NOT_READY' && rule.endpoint === '/transactions/sync') {
    throw new Error(
      'inject: Plaid never answers /transactions/sync with PRODUCT_NOT_READY (it reports NOT_READY)',
    );
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    throw new Error('inject: probability must be between 0 and 1');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new Error('inject: times must be a positive integer');
  }
  if (!rule.error && !rule.latencyMs && !rule.drop && !rule.truncate) {
    throw new Error('inject: give at least one of error, latencyMs, drop, truncate');
  }
}
