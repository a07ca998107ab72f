import type { CategoryCount } from '../../shared/model';
import type { Database } from './open';

/** The categories transactions actually carry (Plaid's primary personal-finance categories). */
export class CategoriesRepo {
  constructor(private readonly db: Database) {}

  list(): CategoryCount[] {
    return this.db
      .prepare<[], CategoryCount>(
        `SELECT category, COUNT(*) AS count FROM transactions
         WHERE removed_at IS NULL AND category IS NOT NULL
         GROUP BY category ORDER BY category`,
      )
      .all();
  }
}
