import { useId, useState } from 'react';
import type { CategoryInfo } from '../../../../shared/categories';
import type { Account, Connection, TagCount } from '../../../../shared/model';
import { SearchIcon } from '../../components/Icons';
import { categoryLabel } from '../../format/labels';
import { useDebouncedCallback } from '../../hooks/useDebouncedCallback';
import { accountLabel } from '../accounts/summary';
import { hasFilters, type TransactionFilters } from './filters';

/** Search and filters of the transactions screen; every change goes to the address. */
export function FilterBar({
  filters,
  onChange,
  accounts,
  connections,
  categories,
  tags,
}: {
  filters: TransactionFilters;
  onChange(patch: Partial<TransactionFilters>, options?: { replace?: boolean }): void;
  accounts: Account[];
  connections: Connection[];
  categories: CategoryInfo[];
  tags: TagCount[];
}) {
  const id = useId();
  const [text, setText] = useState(filters.q);
  const [syncedQ, setSyncedQ] = useState(filters.q);
  // The address changed from elsewhere (Clear, Back): the box follows it.
  if (filters.q !== syncedQ) {
    setSyncedQ(filters.q);
    setText(filters.q);
  }
  // Fires with the box's text as of the latest render, so a Clear in between is not undone.
  const search = useDebouncedCallback(() => {
    if (text !== filters.q) onChange({ q: text }, { replace: true });
  }, 250);
  const byConnection = connections
    .map((c) => ({ connection: c, accounts: accounts.filter((a) => a.connectionId === c.id) }))
    .filter((g) => g.accounts.length > 0);
  const keptByHand = accounts.filter((a) => a.connectionId === null);
  const categoryKnown =
    !filters.category || categories.some((c) => c.category === filters.category);
  // The filter offers what rows carry now (the person's list also has categories not used yet).
  const inUse = categories.filter((c) => c.count > 0 || c.category === filters.category);

  return (
    <form
      role="search"
      aria-label="Filter transactions"
      className="filter-bar"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q: text }, { replace: true });
      }}
    >
      <div className="filter-row">
        <div className="field field-search">
          <label htmlFor={`${id}-q`}>Search</label>
          <div className="search-input">
            <SearchIcon width={16} height={16} />
            <input
              id={`${id}-q`}
              type="search"
              data-search="transactions"
              aria-keyshortcuts="/"
              placeholder="Text, payee, notes or an amount (press / to search)"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                search();
              }}
            />
          </div>
        </div>
        <div className="field-clear">
          <button
            type="button"
            className="button button-ghost"
            disabled={!hasFilters(filters) && !text}
            onClick={() => {
              setText('');
              onChange({
                account: '',
                connection: '',
                from: '',
                to: '',
                type: '',
                category: '',
                tag: '',
                show: '',
                q: '',
              });
            }}
          >
            Clear filters
          </button>
        </div>
      </div>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-account`}>Account</label>
          <select
            id={`${id}-account`}
            value={filters.account}
            onChange={(e) => onChange({ account: e.target.value })}
          >
            <option value="">All accounts</option>
            {byConnection.map((g) => (
              <optgroup key={g.connection.id} label={g.connection.displayName}>
                {g.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {accountLabel(a)}
                  </option>
                ))}
              </optgroup>
            ))}
            {keptByHand.length > 0 ? (
              <optgroup label="Kept by hand">
                {keptByHand.map((a) => (
                  <option key={a.id} value={a.id}>
                    {accountLabel(a)}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-connection`}>Bank</label>
          <select
            id={`${id}-connection`}
            value={filters.connection}
            onChange={(e) => onChange({ connection: e.target.value })}
          >
            <option value="">All banks</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-date">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => onChange({ from: e.target.value })}
          />
        </div>
        <div className="field field-date">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Money</label>
          <select
            id={`${id}-type`}
            value={filters.type}
            onChange={(e) => onChange({ type: e.target.value as TransactionFilters['type'] })}
          >
            <option value="">In and out</option>
            <option value="in">Money in</option>
            <option value="out">Money out</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select
            id={`${id}-category`}
            value={filters.category}
            onChange={(e) => onChange({ category: e.target.value })}
          >
            <option value="">All categories</option>
            {categoryKnown ? null : (
              <option value={filters.category}>{categoryLabel(filters.category)}</option>
            )}
            {inUse.map((c) => (
              <option key={c.category} value={c.category}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select
            id={`${id}-tag`}
            value={filters.tag}
            onChange={(e) => onChange({ tag: e.target.value })}
          >
            <option value="">Any tag</option>
            {filters.tag &&
            !tags.some((t) => t.name.toLowerCase() === filters.tag.toLowerCase()) ? (
              <option value={filters.tag}>{filters.tag}</option>
            ) : null}
            {tags.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-show`}>Show</label>
          <select
            id={`${id}-show`}
            value={filters.show}
            onChange={(e) => onChange({ show: e.target.value as TransactionFilters['show'] })}
          >
            <option value="">Everything</option>
            <option value="needs-review">Needs a look</option>
            <option value="unreviewed">Not reviewed yet</option>
            <option value="uncategorized">Uncategorized</option>
            <option value="excluded">Left out of reports</option>
            <option value="removed">Gone from the bank</option>
          </select>
        </div>
      </div>
    </form>
  );
}
