import type { CategoryCount } from '../../shared/model';
import type { Database } from './open';

/**
 * The categories transactions actually carry: the person's own where they set one, else Plaid's
 * primary personal-finance category.
 */
export class CategoriesRepo {
  constructor(private readonly db: Database) {}

  list(): CategoryCount[] {
    return this.db
      .prepare<[], CategoryCount>(
        `SELECT COALESCE(user_category, category) AS category, COUNT(*) AS count FROM transactions
         WHERE removed_at IS NULL AND COALESCE(user_category, category) IS NOT NULL
         GROUP BY 1 ORDER BY 1`,
      )
      .all();
  }
}
