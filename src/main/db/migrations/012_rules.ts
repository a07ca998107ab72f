import type { Migration } from '../migration';

/**
 * The person's rules. Conditions and actions are JSON checked by the shared zod schemas on the way
 * in and again on the way out (a rule that no longer parses is skipped, never half-run). Order is
 * stage first (pre, default, post), then position within the stage.
 *
 * A change a rule makes is written to `transaction_edits` like any edit, with source `rule` when
 * the person applied it (one undo group) or `rule-sync` when a sync ran it on new rows; the rule's
 * id is kept on the edit so a row's history can say which rule did it.
 */
export const rules: Migration = {
  version: 12,
  name: 'rules',
  up: `
CREATE TABLE rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('pre', 'default', 'post')),
  position INTEGER NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  stop_after INTEGER NOT NULL DEFAULT 0 CHECK (stop_after IN (0, 1)),
  conditions TEXT NOT NULL CHECK (json_valid(conditions)),
  actions TEXT NOT NULL CHECK (json_valid(actions)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX rules_order ON rules(stage, position, id);

ALTER TABLE transaction_edits ADD COLUMN rule_id INTEGER;
`,
};
