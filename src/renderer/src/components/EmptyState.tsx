import type { ReactNode } from 'react';

/** What a screen shows when there is nothing yet, and what to do about it. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  headingLevel = 2,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="empty-state" aria-label={title}>
      {icon ? <div className="empty-icon">{icon}</div> : null}
      <Heading>{title}</Heading>
      {children ? <div className="empty-text">{children}</div> : null}
      {actions ? <div className="empty-actions">{actions}</div> : null}
    </section>
  );
}
