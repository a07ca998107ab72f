import { useToasts } from '../store/toasts';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './Icons';

const ICONS = { success: CheckIcon, error: AlertIcon, info: InfoIcon };

/** Confirmations of actions, announced politely (errors assertively) to screen readers. */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <section className="toasts" aria-label="Notifications">
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
}
