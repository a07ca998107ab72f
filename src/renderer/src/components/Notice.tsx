import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon, InfoIcon } from './Icons';

type Tone = 'info' | 'warning' | 'success' | 'error';

const ICONS = { info: InfoIcon, warning: AlertIcon, success: CheckIcon, error: AlertIcon };

/** A highlighted message inside a screen; `live` makes screen readers announce it. */
export function Notice({
  tone = 'info',
  title,
  children,
  actions,
  live = false,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  live?: boolean;
}) {
  const Icon = ICONS[tone];
  return (
    <div
      className={`notice notice-${tone}`}
      role={live ? (tone === 'error' ? 'alert' : 'status') : undefined}
    >
      <Icon className="notice-icon" />
      <div className="notice-body">
        {title ? <p className="notice-title">{title}</p> : null}
        {children}
        {actions ? <div className="notice-actions">{actions}</div> : null}
      </div>
    </div>
  );
}
