import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useLiveSync } from '../store/live-sync';
import { useToasts, type Toast } from '../store/toasts';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './Icons';

const ICONS = { success: CheckIcon, error: AlertIcon, info: InfoIcon };
/** A toast about a sync stays at least this long, even when the sync was quicker. */
const SYNC_TOAST_MIN_MS = 2500;
/** A sync that ended this long before its toast appeared is the one the toast is about. */
const SYNC_TOAST_SLACK_MS = 60_000;

/** Whether a toast about a connection's sync has outlived that sync. */
function syncEnded(toast: Toast, now: number): boolean {
  const id = toast.endsWithSyncOf;
  if (!id || now - (toast.shownAt ?? now) < SYNC_TOAST_MIN_MS) return false;
  const { runs, outcomes } = useLiveSync.getState();
  const outcome = outcomes[id];
  return (
    !runs[id] && outcome !== undefined && outcome.at >= (toast.shownAt ?? now) - SYNC_TOAST_SLACK_MS
  );
}

/**
 * Confirmations of actions, announced politely (errors assertively) to screen readers. They sit
 * in a row of their own between the screen and the status line (never over the screen's
 * controls); the screen above simply gets shorter while one shows. A toast about a sync ends
 * with it.
 */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  // Looked up on each render: the shell's column is there by the time a toast arrives.
  const lane = document.querySelector('.main-column');

  const watching = toasts.some((t) => t.endsWithSyncOf);
  useEffect(() => {
    if (!watching) return;
    const check = () => {
      const now = Date.now();
      for (const t of useToasts.getState().toasts) if (syncEnded(t, now)) dismiss(t.id);
    };
    const timer = setInterval(check, 500);
    const unsubscribe = useLiveSync.subscribe(check);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [watching, dismiss]);

  const region = (
    <section
      className={`toasts${lane ? ' toasts-in-lane' : ''}${toasts.length ? '' : ' toasts-empty'}`}
      aria-label="Notifications"
    >
      {toasts.map((t) => {
        const Icon = ICONS[t.tone];
        return (
          <div
            key={t.id}
            className={`toast toast-${t.tone}`}
            role={t.tone === 'error' ? 'alert' : 'status'}
          >
            <Icon className="toast-icon" />
            <div className="toast-body">
              <p className="toast-title">{t.title}</p>
              {t.body ? <p className="toast-text">{t.body}</p> : null}
            </div>
            {t.action ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  dismiss(t.id);
                  t.action?.run();
                }}
              >
                {t.action.label}
              </button>
            ) : null}
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss notification"
              onClick={() => dismiss(t.id)}
            >
              <CloseIcon width={16} height={16} />
            </button>
          </div>
        );
      })}
    </section>
  );
  // In the app's shell the lane is a row of the main column; elsewhere (onboarding) it floats.
  return lane ? createPortal(region, lane) : region;
}
