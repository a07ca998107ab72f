import { LedgerError } from '../../shared/errors';
import type { EditResult } from '../../shared/model';
import {
  ruleActionsSchema,
  ruleConditionsSchema,
  type Rule,
  type RuleActions,
  type RuleConditions,
  type RuleFieldChange,
  type RulePreview,
  type RulePreviewRow,
  type RuleStage,
  type RuleSuggestion,
} from '../../shared/rules';
import { isEmpty, matches, plan, type Plan, type RuleRow } from '../rules/engine';
import { describeRule } from '../rules/describe';
import type { Database } from './open';
import { TransactionEditsRepo } from './transaction-edits-repo';
import { parseLocks } from './transactions-repo';

interface StoredRule {
  id: number;
  name: string;
  stage: RuleStage;
  position: number;
  enabled: number;
  stop_after: number;
  conditions: string;
  actions: string;
  created_at: string;
  updated_at: string;
}

/** The columns the engine reads, plus what a preview shows. */
interface MatchRow {
  seq: number;
  id: string;
  name: string;
  payee: string | null;
  merchant_name: string | null;
  amount: number;
  currency: string;
  account_id: string;
  account_name: string;
  category: string | null;
  date: string;
  user_category: string | null;
  notes: string | null;
  excluded: number;
  locks: string;
  tag_names: string | null;
  has_splits: number;
}

export interface RuleInput {
  name?: string | null;
  stage?: RuleStage;
  enabled?: boolean;
  stopAfter?: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

const DEFAULT_PREVIEW_ROWS = 50;
/** The unit separator never appears in a tag name, so it joins them safely. */
const TAG_JOIN = '\u001f';

const MATCH_SELECT = `
  SELECT t.seq, t.id, t.name, t.payee, t.merchant_name, t.amount, t.currency, t.account_id,
    COALESCE(a.user_name, a.name, '') AS account_name, t.category, t.date, t.user_category,
    t.notes, t.excluded, t.locks,
    (SELECT group_concat(g.name, '${TAG_JOIN}') FROM transaction_tags tt
       JOIN tags g ON g.id = tt.tag_id WHERE tt.seq = t.seq) AS tag_names,
    EXISTS (SELECT 1 FROM transaction_splits s WHERE s.seq = t.seq) AS has_splits
  FROM transactions t LEFT JOIN accounts a ON a.id = t.account_id`;

/**
 * The person's rules and the three ways they run: a preview (nothing written), an explicit apply
 * over the ledger (one undo group), and on the rows a sync has just added (before anyone sees
 * them). The matching itself is the pure engine; this module narrows the rows in SQL first.
 */
export class RulesRepo {
  private readonly edits: TransactionEditsRepo;

  constructor(private readonly db: Database) {
    this.edits = new TransactionEditsRepo(db);
  }

  list(): Rule[] {
    return this.db
      .prepare<[], StoredRule>(
        `SELECT * FROM rules ORDER BY CASE stage WHEN 'pre' THEN 0 WHEN 'default' THEN 1 ELSE 2 END,
           position, id`,
      )
      .all()
      .flatMap((stored) => {
        const rule = toRule(stored);
        return rule ? [rule] : [];
      });
  }

  get(id: number): Rule {
    const stored = this.db
      .prepare<[number], StoredRule>('SELECT * FROM rules WHERE id = ?')
      .get(id);
    const rule = stored ? toRule(stored) : null;
    if (!rule) throw new LedgerError('NOT_FOUND', 'That rule is not there any more.');
    return rule;
  }

  create(input: RuleInput, now: string): Rule {
    return this.db.transaction((): Rule => {
      const stage = input.stage ?? 'default';
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO rules (name, stage, position, enabled, stop_after, conditions, actions,
               created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.name ?? describeRule(input.conditions, input.actions),
            stage,
            this.nextPosition(stage),
            input.enabled === false ? 0 : 1,
            input.stopAfter ? 1 : 0,
            JSON.stringify(input.conditions),
            JSON.stringify(input.actions),
            now,
            now,
          ).lastInsertRowid,
      );
      return this.get(id);
    })();
  }

  update(id: number, patch: Partial<RuleInput>, now: string): Rule {
    return this.db.transaction((): Rule => {
      const rule = this.get(id);
      const stage = patch.stage ?? rule.stage;
      const conditions = patch.conditions ?? rule.conditions;
      const actions = patch.actions ?? rule.actions;
      this.db
        .prepare(
          `UPDATE rules SET name = ?, stage = ?, position = ?, enabled = ?, stop_after = ?,
             conditions = ?, actions = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          patch.name === undefined ? rule.name : (patch.name ?? describeRule(conditions, actions)),
          stage,
          // A rule moved to another stage goes last there, as a new one would.
          stage === rule.stage ? rule.position : this.nextPosition(stage),
          (patch.enabled ?? rule.enabled) ? 1 : 0,
          (patch.stopAfter ?? rule.stopAfter) ? 1 : 0,
          JSON.stringify(conditions),
          JSON.stringify(actions),
          now,
          id,
        );
      return this.get(id);
    })();
  }

  delete(id: number): void {
    const removed = this.db.prepare('DELETE FROM rules WHERE id = ?').run(id).changes;
    if (removed === 0) throw new LedgerError('NOT_FOUND', 'That rule is not there any more.');
  }

  /** Swaps a rule with its neighbour in the same stage; at either end nothing moves. */
  move(id: number, direction: 'earlier' | 'later', now: string): Rule[] {
    return this.db.transaction((): Rule[] => {
      const rule = this.get(id);
      const inStage = this.list().filter((r) => r.stage === rule.stage);
      const at = inStage.findIndex((r) => r.id === id);
      const other = inStage[direction === 'earlier' ? at - 1 : at + 1];
      if (other) {
        // Renumbering the whole stage keeps positions dense, so the next swap is always one step.
        const order = inStage.map((r) => r.id);
        order[at] = other.id;
        order[inStage.indexOf(other)] = rule.id;
        const setPosition = this.db.prepare(
          'UPDATE rules SET position = ?, updated_at = ? WHERE id = ?',
        );
        order.forEach((ruleId, position) => setPosition.run(position, now, ruleId));
      }
      return this.list();
    })();
  }

  /** What one rule would change in the ledger now; nothing is written. */
  preview(
    conditions: RuleConditions,
    actions: RuleActions,
    limit = DEFAULT_PREVIEW_ROWS,
  ): RulePreview {
    const rule = draftRule(conditions, actions);
    let matched = 0;
    let changed = 0;
    const rows: RulePreviewRow[] = [];
    for (const found of this.candidates(conditions)) {
      const row = toRuleRow(found);
      if (!matches(conditions, row)) continue;
      matched++;
      const planned = plan([rule], row);
      if (isEmpty(planned)) continue;
      changed++;
      if (rows.length < limit) rows.push(previewRow(found, row, planned));
    }
    return { matched, changed, rows };
  }

  /** Runs one saved rule over every row in view, as one undo group. */
  apply(id: number, now: string): EditResult {
    const rule = this.get(id);
    return this.db.transaction((): EditResult => {
      const plans: { seq: number; plan: Plan }[] = [];
      for (const found of this.candidates(rule.conditions)) {
        const planned = plan([{ ...rule, enabled: true }], toRuleRow(found));
        if (!isEmpty(planned)) plans.push({ seq: found.seq, plan: planned });
      }
      return this.edits.applyPlans(plans, 'rule', now);
    })();
  }

  /**
   * Runs every enabled rule on rows a sync has just added, inside the sync's own transaction, so
   * no one ever sees them before the rules did. Not an undo step: undo takes back what the person
   * did, not what a sync brought.
   */
  runOnNew(seqs: readonly number[], now: string): number {
    if (seqs.length === 0) return 0;
    const rules = this.list().filter((r) => r.enabled);
    if (rules.length === 0) return 0;
    const find = this.db.prepare<[number], MatchRow>(`${MATCH_SELECT} WHERE t.seq = ?`);
    const plans: { seq: number; plan: Plan }[] = [];
    for (const seq of seqs) {
      const found = find.get(seq);
      if (!found) continue;
      const planned = plan(rules, toRuleRow(found));
      if (!isEmpty(planned)) plans.push({ seq, plan: planned });
    }
    return this.edits.applyPlans(plans, 'rule-sync', now).changedRows;
  }

  /**
   * After the person put rows in a category by hand: when they have done that for the same payee
   * in more than one edit, and no rule already does it, the rule to offer.
   */
  suggestionAfter(ids: readonly string[], category: string): RuleSuggestion | null {
    const payees = this.db
      .prepare<[string], { payee: string }>(
        `SELECT DISTINCT COALESCE(payee, merchant_name, name) AS payee FROM transactions
         WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    if (payees.length !== 1) return null;
    const payee = payees[0]!.payee;
    const done = this.db
      .prepare<[string, string, string], { groups: number; rows: number }>(
        `SELECT COUNT(DISTINCT e.group_id) AS groups, COUNT(DISTINCT e.seq) AS rows
         FROM transaction_edits e JOIN transactions t ON t.seq = e.seq
         WHERE e.field = 'category' AND e.source = 'user' AND e.undone_at IS NULL
           AND json_extract(e.after, '$.value') = ? AND t.removed_at IS NULL
           AND t.user_category = ? AND COALESCE(t.payee, t.merchant_name, t.name) = ?`,
      )
      .get(category, category, payee);
    if (!done || done.groups < 2) return null;
    const covered = this.list().some(
      (r) =>
        r.actions.category?.toLowerCase() === category.toLowerCase() &&
        (r.conditions.text ?? []).some((t) => t.value.toLowerCase() === payee.toLowerCase()),
    );
    return covered ? null : { payee, category, rows: done.rows };
  }

  /**
   * Rows in view that can match: the conditions SQL can check exactly (account, Plaid category,
   * amount, day of month, plain bank text) narrow the scan; the engine decides the rest.
   */
  private *candidates(conditions: RuleConditions): IterableIterator<MatchRow> {
    const where = ['t.removed_at IS NULL'];
    const params: (string | number)[] = [];
    if (conditions.accountId !== undefined) {
      where.push('t.account_id = ?');
      params.push(conditions.accountId);
    }
    if (conditions.plaidCategory !== undefined) {
      where.push('t.category = ?');
      params.push(conditions.plaidCategory);
    }
    const amount = conditions.amount;
    if (amount?.exact !== undefined) {
      where.push('t.amount = ?');
      params.push(amount.exact);
    }
    if (amount?.min !== undefined) {
      where.push('t.amount >= ?');
      params.push(amount.min);
    }
    if (amount?.max !== undefined) {
      where.push('t.amount <= ?');
      params.push(amount.max);
    }
    if (conditions.dayOfMonth) {
      where.push('CAST(substr(t.date, 9, 2) AS INTEGER) BETWEEN ? AND ?');
      params.push(conditions.dayOfMonth.from, conditions.dayOfMonth.to);
    }
    for (const text of conditions.text ?? []) {
      // LIKE folds only ASCII letters, so it narrows only when the text is ASCII; otherwise the
      // engine's own comparison (which folds every letter) sees every row.
      if (text.field !== 'bankText' || text.op === 'matches' || !/^[\x20-\x7e]*$/.test(text.value))
        continue;
      const escaped = text.value.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push("t.name LIKE ? ESCAPE '\\'");
      params.push(text.op === 'is' ? escaped : `%${escaped}%`);
    }
    yield* this.db
      .prepare<(string | number)[], MatchRow>(
        `${MATCH_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.date DESC, t.seq DESC`,
      )
      .iterate(...params);
  }

  private nextPosition(stage: RuleStage): number {
    return (
      this.db
        .prepare<[string], { next: number }>(
          'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM rules WHERE stage = ?',
        )
        .get(stage)?.next ?? 0
    );
  }
}

/** A stored rule, or null when its JSON no longer parses (it is then never run, never half-run). */
function toRule(stored: StoredRule): Rule | null {
  const conditions = ruleConditionsSchema.safeParse(JSON.parse(stored.conditions));
  const actions = ruleActionsSchema.safeParse(JSON.parse(stored.actions));
  if (!conditions.success || !actions.success) return null;
  return {
    id: stored.id,
    name: stored.name,
    stage: stored.stage,
    position: stored.position,
    enabled: stored.enabled === 1,
    stopAfter: stored.stop_after === 1,
    conditions: conditions.data,
    actions: actions.data,
    createdAt: stored.created_at,
    updatedAt: stored.updated_at,
  };
}

/** A rule being edited, shaped like a saved one so the preview runs the same engine. */
function draftRule(conditions: RuleConditions, actions: RuleActions): Rule {
  return {
    id: 0,
    name: '',
    stage: 'default',
    position: 0,
    enabled: true,
    stopAfter: false,
    conditions,
    actions,
    createdAt: '',
    updatedAt: '',
  };
}

function toRuleRow(found: MatchRow): RuleRow {
  return {
    name: found.name,
    payee: found.payee,
    merchantName: found.merchant_name,
    amount: found.amount,
    accountId: found.account_id,
    category: found.category,
    date: found.date,
    userCategory: found.user_category,
    notes: found.notes,
    excluded: found.excluded === 1,
    locks: parseLocks(found.locks),
    tags: found.tag_names ? found.tag_names.split(TAG_JOIN) : [],
    hasSplits: found.has_splits === 1,
  };
}

function previewRow(found: MatchRow, row: RuleRow, planned: Plan): RulePreviewRow {
  const changes: RuleFieldChange[] = planned.changes.map((c) => ({
    field: c.field,
    before:
      c.field === 'payee'
        ? row.payee
        : c.field === 'category'
          ? (row.userCategory ?? row.category)
          : c.field === 'notes'
            ? row.notes
            : row.excluded,
    after: c.after,
  }));
  if (planned.addTags.length > 0) {
    changes.push({
      field: 'tags',
      before: row.tags.length > 0 ? row.tags.join(', ') : null,
      after: [...row.tags, ...planned.addTags.map((t) => t.tag)].join(', '),
    });
  }
  if (planned.split) {
    changes.push({ field: 'splits', before: null, after: `${planned.split.parts.length} parts` });
  }
  return {
    id: found.id,
    date: found.date,
    name: found.name,
    payee: found.payee ?? found.merchant_name,
    amount: found.amount,
    currency: found.currency,
    accountName: found.account_name,
    changes,
  };
}
