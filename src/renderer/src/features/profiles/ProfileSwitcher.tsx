import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CheckIcon } from '../../components/Icons';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { useProfileSession } from './session';
import { useSwitchProfile } from './useSwitchProfile';

/**
 * Which profile is open, and a menu to open another. `manage` adds the way to Settings (only
 * inside the app's router; onboarding has none).
 */
export function ProfileSwitcher({
  manage = true,
  onlyWhenSeveral = false,
}: {
  manage?: boolean;
  /** Onboarding shows it only when there is another profile to go back to. */
  onlyWhenSeveral?: boolean;
}) {
  const list = useLedgerQuery('profiles.list', {}, { watch: 'ledger' });
  const { switchTo, pending, error, clearError } = useSwitchProfile();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const profiles = list.data?.profiles ?? [];
  const current = profiles.find((p) => p.current);

  useEffect(() => {
    if (list.data) useProfileSession.getState().known(list.data.currentId);
  }, [list.data]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  if (!current || (onlyWhenSeveral && profiles.length < 2)) return null;
  return (
    <div
      className={`profile-switcher${onlyWhenSeveral ? ' onboarding-profile' : ''}`}
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="profile-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          clearError();
          setOpen((o) => !o);
        }}
      >
        <span className="profile-avatar" aria-hidden="true">
          {initial(current.name)}
        </span>
        <span className="profile-button-text">
          <span className="profile-caption">Profile</span>
          <span className="profile-name">{current.name}</span>
        </span>
        <svg
          className="profile-chevron"
          width="14"
          height="14"
          viewBox="0 0 24 24"
          aria-hidden="true"
        >
          <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      {open ? (
        <div id={menuId} className="profile-menu">
          <p className="profile-menu-heading" id={`${menuId}-heading`}>
            Open a profile
          </p>
          <ul aria-labelledby={`${menuId}-heading`}>
            {profiles.map((profile) => (
              <li key={profile.id}>
                <button
                  type="button"
                  className="profile-option"
                  aria-current={profile.current ? 'true' : undefined}
                  disabled={pending !== null}
                  onClick={() => {
                    if (profile.current) {
                      setOpen(false);
                      return;
                    }
                    void switchTo(profile).then((ok) => ok && setOpen(false));
                  }}
                >
                  <span className="profile-avatar" aria-hidden="true">
                    {initial(profile.name)}
                  </span>
                  <span className="profile-option-name">{profile.name}</span>
                  {profile.current ? (
                    <>
                      <CheckIcon className="profile-check" />
                      <span className="visually-hidden">(open)</span>
                    </>
                  ) : pending === profile.id ? (
                    <span className="profile-opening">Opening…</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
          {manage ? (
            <Link className="profile-manage" to="/settings#profiles" onClick={() => setOpen(false)}>
              Manage profiles
            </Link>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="profile-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

export function initial(name: string): string {
  return Array.from(name.trim())[0]?.toLocaleUpperCase() ?? '?';
}
