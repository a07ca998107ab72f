import type { Connection } from '../../../shared/model';

/**
 * The bank's logo (a data: URL from Plaid) or, without one, its initials on its own colour.
 * Decorative: the name is always written next to it.
 */
export function InstitutionMark({
  connection,
  size = 40,
}: {
  connection: Pick<Connection, 'institution' | 'displayName'>;
  size?: number;
}) {
  const { institution } = connection;
  const color = institution?.primaryColor ?? 'var(--accent)';
  if (institution?.logo) {
    return (
      <img
        className="institution-mark"
        src={institution.logo}
        alt=""
        width={size}
        height={size}
        style={{ borderColor: color }}
      />
    );
  }
  const name = institution?.name ?? connection.displayName;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return (
    <span
      className="institution-mark institution-initials"
      style={{ width: size, height: size, background: color }}
      aria-hidden="true"
    >
      {initials || '?'}
    </span>
  );
}
