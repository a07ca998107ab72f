/** Reading the host's settings from environment variables, with a sentence when one is wrong. */

/** Test and power-user knobs given as whole numbers (e.g. LEDGERLIGHT_MANUAL_COOLDOWN_MS). */
export function optionalNumber<K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, number>> {
  if (value === undefined || value === '') return {};
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`${key} must be a whole number, not "${value}".`);
  return { [key]: number } as Partial<Record<K, number>>;
}

export function parsePort(value: string | undefined, name: string): number {
  if (!value) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number, not "${value}".`);
  }
  return port;
}
