/**
 * CSV as spreadsheets read it (RFC 4180: quoted fields, doubled quotes, CRLF). Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe: a
 * merchant name from a bank must not become a formula on the user's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(field).join(',') + '\r\n';
}
