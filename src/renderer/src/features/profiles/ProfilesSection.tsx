import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { PROFILE_NAME_MAX } from '../../../../shared/contract';
import type { Profile } from '../../../../shared/model';
import { CheckboxField } from '../../components/CheckboxField';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingBlock } from '../../components/Loading';
import { Badge } from '../../components/StatusBadge';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { toast } from '../../store/toasts';
import { useProfileSession } from './session';
import { useSwitchProfile } from './useSwitchProfile';

/**
 * Settings' list of profiles: make one, open one, rename one, delete one that is not open.
 * Each is a ledger of its own; the words say so, since deleting one cannot be undone.
 */
export function ProfilesSection() {
  const list = useLedgerQuery('profiles.list', {}, { watch: 'ledger' });
  const { switchTo, pending, error: switchError } = useSwitchProfile();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const profiles = list.data?.profiles;

  // "Manage profiles" in the switcher lands here.
  useEffect(() => {
    if (location.hash === '#profiles' && profiles) {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus({ preventScroll: true });
    }
  }, [location.hash, profiles]);

  return (
    <section className="card" id="profiles" aria-labelledby="profiles-heading">
      <header className="card-header">
        <h2 id="profiles-heading" ref={heading} tabIndex={-1}>
          Profiles
        </h2>
      </header>
      <p className="muted">
        Each profile is a ledger of its own: its own data file, its own Plaid keys and bank
        connections in the keychain, its own syncs. Nothing of one is shown in another, so a
        household or a small business can keep its money apart from yours.
      </p>
      <NewProfileForm />
      {list.error && !profiles ? <ErrorNotice error={list.error} /> : null}
      {switchError ? <ErrorNotice error={switchError} /> : null}
      {!profiles ? (
        list.error ? null : (
          <LoadingBlock />
        )
      ) : (
        <table className="data-table profiles-table">
          <caption className="visually-hidden">Your profiles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((profile) => (
              <ProfileRow
                key={profile.id}
                profile={profile}
                renaming={renaming === profile.id}
                onRename={(open) => setRenaming(open ? profile.id : null)}
                onOpen={() => void switchTo(profile)}
                opening={pending === profile.id}
                busy={pending !== null}
                onDelete={() => setDeleting(profile)}
              />
            ))}
          </tbody>
        </table>
      )}
      {profiles ? (
        <p className="field-help">
          {profiles.length === 1
            ? 'Your only profile cannot be deleted.'
            : 'The open profile cannot be deleted: open another one first.'}
        </p>
      ) : null}
      {deleting ? (
        <DeleteProfileDialog profile={deleting} onClose={() => setDeleting(null)} />
      ) : null}
    </section>
  );
}

function ProfileRow({
  profile,
  renaming,
  onRename,
  onOpen,
  opening,
  busy,
  onDelete,
}: {
  profile: Profile;
  renaming: boolean;
  onRename(open: boolean): void;
  onOpen(): void;
  opening: boolean;
  busy: boolean;
  onDelete(): void;
}) {
  return (
    <>
      <tr>
        <th scope="row">
          <span className="profile-row-name">{profile.name}</span>{' '}
          {profile.current ? <Badge tone="positive">Open</Badge> : null}
        </th>
        <td>
          <div className="inline-form-actions">
            {profile.current ? null : (
              <button
                type="button"
                className="button button-small"
                aria-label={`Open ${profile.name}`}
                disabled={busy}
                onClick={onOpen}
              >
                {opening ? 'Opening…' : 'Open'}
              </button>
            )}
            <button
              type="button"
              className="button button-small"
              aria-expanded={renaming}
              aria-label={`Rename ${profile.name}`}
              onClick={() => onRename(!renaming)}
            >
              Rename
            </button>
            {profile.current ? null : (
              <button
                type="button"
                className="button button-small button-danger-ghost"
                aria-label={`Delete ${profile.name}`}
                disabled={busy}
                onClick={onDelete}
              >
                Delete
              </button>
            )}
          </div>
        </td>
      </tr>
      {renaming ? (
        <tr>
          <td colSpan={2}>
            <RenameForm profile={profile} onDone={() => onRename(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Names are checked here too, so a long one is explained before anything is sent. */
function nameProblem(name: string): string | null {
  return name.trim().length > PROFILE_NAME_MAX
    ? `A profile name is at most ${PROFILE_NAME_MAX} characters; this one has ${name.trim().length}.`
    : null;
}

function NewProfileForm() {
  const inputId = useId();
  const problemId = useId();
  const create = useLedgerMutation('profiles.create');
  const [name, setName] = useState('');
  const [openNow, setOpenNow] = useState(true);
  const problem = nameProblem(name);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (problem) return;
    const created = await create.run({ name, switchTo: openNow });
    if (!created) return;
    setName('');
    if (created.current) {
      useProfileSession.getState().opened(created.id);
      toast({ tone: 'success', title: `“${created.name}” created and opened` });
    } else {
      toast({ tone: 'success', title: `“${created.name}” created` });
    }
  }

  return (
    <form className="category-new profile-new" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={inputId}>A new profile</label>
        <input
          id={inputId}
          value={name}
          placeholder="For example: Household"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            create.clearError();
          }}
        />
        {problem ? (
          <p id={problemId} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <CheckboxField label="Open it now" checked={openNow} onChange={setOpenNow} />
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          disabled={create.pending || name.trim() === '' || problem !== null}
        >
          {create.pending ? 'Creating…' : 'Create'}
        </button>
      </div>
      {create.error ? <ErrorNotice error={create.error} /> : null}
    </form>
  );
}

function RenameForm({ profile, onDone }: { profile: Profile; onDone(): void }) {
  const inputId = useId();
  const problemId = useId();
  const rename = useLedgerMutation('profiles.rename');
  const [name, setName] = useState(profile.name);
  const problem = nameProblem(name);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (problem) return;
    const saved = await rename.run({ id: profile.id, name });
    if (!saved) return;
    toast({ tone: 'success', title: `“${profile.name}” is now “${saved.name}”` });
    onDone();
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={inputId}>New name for {profile.name}</label>
        <input
          id={inputId}
          value={name}
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            rename.clearError();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
          }}
        />
        {problem ? (
          <p id={problemId} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="inline-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={
            rename.pending || name.trim() === '' || name.trim() === profile.name || problem !== null
          }
        >
          Save name
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {rename.error ? <ErrorNotice error={rename.error} /> : null}
    </form>
  );
}

function DeleteProfileDialog({ profile, onClose }: { profile: Profile; onClose(): void }) {
  const remove = useLedgerMutation('profiles.delete');

  async function confirm() {
    const result = await remove.run({ id: profile.id });
    if (!result) return;
    toast({
      tone: result.itemsLeftLinked > 0 ? 'info' : 'success',
      title: `“${profile.name}” deleted`,
      body: result.message,
    });
    onClose();
  }

  return (
    <Dialog
      title={`Delete “${profile.name}”?`}
      description={
        <>
          <p>
            Its data file and backups, its Plaid keys and the access tokens of its bank connections
            are removed from this computer and the keychain. Its banks are disconnected at Plaid
            first; if Plaid cannot be reached, they stay linked there.
          </p>
          <p>This cannot be undone. Export its transactions first if you want to keep them.</p>
        </>
      }
      onClose={onClose}
      footer={
        <DialogActions
          label="Delete profile"
          busyLabel="Deleting…"
          busy={remove.pending}
          tone="danger"
          onCancel={onClose}
          onConfirm={() => void confirm()}
        />
      }
    >
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
    </Dialog>
  );
}
