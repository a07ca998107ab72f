import type { ReactNode } from 'react';
import type { QueryResult } from '../hooks/useLedgerQuery';
import { ErrorNotice } from './ErrorNotice';
import { LoadingBlock } from './Loading';

/**
 * The one switch over a query's states: an error (with Try again) only while there is nothing
 * to show, placeholders until the first answer, the empty message, else the data. A reload
 * keeps the previous data on screen rather than flashing placeholders.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  loadingLabel,
  loadingRows,
  errorTitle,
  children,
}: {
  query: QueryResult<T>;
  isEmpty?(data: T): boolean;
  /** Shown when `isEmpty` says so, usually an <EmptyState>. */
  empty?: ReactNode;
  loadingLabel?: string;
  loadingRows?: number;
  errorTitle?: string;
  children(data: T): ReactNode;
}) {
  const { data, error, reload } = query;
  if (data === undefined) {
    return error ? (
      <ErrorNotice
        error={error}
        title={errorTitle}
        action={
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        }
      />
    ) : (
      <LoadingBlock label={loadingLabel} rows={loadingRows} />
    );
  }
  if (isEmpty?.(data)) return <>{empty ?? null}</>;
  return <>{children(data)}</>;
}
