import type { Statement } from 'better-sqlite3';
import type { Database } from './open';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * The same database whose `prepare` compiles each SQL text once and hands back that statement
 * afterwards. The edit repos prepare a handful of statements per row; a rule applied to 80,000
 * rows compiled them 80,000 times over, which was most of its cost. Not for `iterate()`: a
 * shared statement being iterated cannot run again until the iteration ends.
 */
export function withStatementCache(db: Database): Database {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const statements = cache;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          let statement = statements.get(sql);
          if (!statement) {
            statement = target.prepare(sql);
            statements.set(sql, statement);
          }
          return statement;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
