import type { ImportBatch } from '../../shared/model';
import type { Database } from './open';

interface BatchRow {
  id: number;
  connection_id: string;
  run_id: number | null;
  created_at: string;
  added: number;
  modified: number;
  removed: number;
}

export class BatchesRepo {
  constructor(private readonly db: Database) {}

  list(limit: number, offset: number): ImportBatch[] {
    return this.db
      .prepare<[number, number], BatchRow>(
        'SELECT * FROM import_batches ORDER BY id DESC LIMIT ? OFFSET ?',
      )
      .all(limit, offset)
      .map(toBatch);
  }

  get(id: number): ImportBatch | undefined {
    const row = this.db
      .prepare<[number], BatchRow>('SELECT * FROM import_batches WHERE id = ?')
      .get(id);
    return row ? toBatch(row) : undefined;
  }
}

function toBatch(row: BatchRow): ImportBatch {
  return {
    id: row.id,
    connectionId: row.connection_id,
    runId: row.run_id,
    createdAt: row.created_at,
    added: row.added,
    modified: row.modified,
    removed: row.removed,
  };
}
