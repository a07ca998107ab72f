import { useId, useState, type FormEvent } from 'react';
import { CONNECTION_NAME_MAX } from '../../../../shared/contract';
import type { Connection } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FREQUENCY_CHOICES, frequencyLabel } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';

/** Rename a connection and choose how often it syncs. */
export function ConnectionSettingsForm({
  connection,
  onDone,
}: {
  connection: Connection;
  onDone(): void;
}) {
  // The core announces the change (connections.changed), which reloads what shows it.
  const update = useLedgerMutation('connections.update', { invalidates: 'none' });
  const { pending: saving, error } = update;
  const [name, setName] = useState(connection.displayName);
  const [frequency, setFrequency] = useState(connection.syncFrequencyMinutes);
  const ids = { name: useId(), frequency: useId(), length: useId() };
  // The whole name is kept as typed or pasted; one too long is refused with its length, not cut.
  const length = name.trim().length;
  const tooLong = length > CONNECTION_NAME_MAX;
  const choices = FREQUENCY_CHOICES.includes(
    connection.syncFrequencyMinutes as (typeof FREQUENCY_CHOICES)[number],
  )
    ? [...FREQUENCY_CHOICES]
    : [...FREQUENCY_CHOICES, connection.syncFrequencyMinutes].sort((a, b) => a - b);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await update.run({
      connectionId: connection.id,
      ...(name.trim() !== connection.displayName ? { displayName: name.trim() } : {}),
      ...(frequency !== connection.syncFrequencyMinutes ? { syncFrequencyMinutes: frequency } : {}),
    });
    if (saved === null) return;
    toast({ tone: 'success', title: 'Connection saved' });
    onDone();
  }

  return (
    <form className="inline-form" onSubmit={(e) => void save(e)}>
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          value={name}
          required
          aria-invalid={tooLong}
          aria-describedby={ids.length}
          onChange={(e) => setName(e.target.value)}
        />
        <p id={ids.length} className={`name-length ${tooLong ? 'field-error' : 'muted'}`}>
          {tooLong
            ? `A connection name can be up to ${CONNECTION_NAME_MAX} characters; this one has ${length}. Shorten it to save.`
            : `${length} of ${CONNECTION_NAME_MAX} characters.`}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.frequency}>Sync</label>
        <select
          id={ids.frequency}
          value={frequency}
          onChange={(e) => setFrequency(Number(e.target.value))}
        >
          {choices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {frequencyLabel(minutes)}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || !name.trim() || tooLong}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
