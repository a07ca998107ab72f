import { PlaidApiError } from './errors';

/**
 * A deliberately small request schema language. Plaid answers in a fixed order: fields it does not
 * know (UNKNOWN_FIELDS), then missing required ones (MISSING_FIELDS, all of them at once), then a
 * wrong type or value (INVALID_FIELD, the first one found).
 */

export type FieldSpec =
  | {
      kind: 'string';
      required?: boolean;
      nullable?: boolean;
      maxLength?: number;
      oneOf?: readonly string[];
    }
  | { kind: 'integer'; required?: boolean; nullable?: boolean; min?: number; max?: number }
  | { kind: 'number'; required?: boolean; nullable?: boolean }
  | { kind: 'boolean'; required?: boolean; nullable?: boolean }
  | { kind: 'array'; required?: boolean; nullable?: boolean; items: FieldSpec; minItems?: number }
  | { kind: 'object'; required?: boolean; nullable?: boolean; fields: ObjectFields; open?: boolean }
  /** Accepted as Plaid accepts it, but the emulator does not look inside. */
  | { kind: 'any'; required?: boolean };

export type ObjectFields = Record<string, FieldSpec>;

/** Every Plaid endpoint also accepts the keys in the body. */
const AUTH_FIELDS: ObjectFields = {
  client_id: { kind: 'string' },
  secret: { kind: 'string' },
};

export function validateRequest(body: Record<string, unknown>, fields: ObjectFields): void {
  const all = { ...AUTH_FIELDS, ...fields };
  const unknown = collectUnknown(body, all, '');
  if (unknown.length > 0) {
    throw new PlaidApiError(
      'UNKNOWN_FIELDS',
      `the following fields are not recognized by this endpoint: ${unknown.join(', ')}`,
    );
  }
  const missing = collectMissing(body, all, '');
  if (missing.length > 0) {
    throw new PlaidApiError(
      'MISSING_FIELDS',
      `the following required fields are missing: ${missing.join(', ')}`,
    );
  }
  checkObject(body, all, '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectUnknown(
  body: Record<string, unknown>,
  fields: ObjectFields,
  prefix: string,
): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const spec = fields[key];
    if (!spec) {
      out.push(prefix + key);
    } else if (spec.kind === 'object' && !spec.open && isPlainObject(value)) {
      out.push(...collectUnknown(value, spec.fields, `${prefix}${key}.`));
    }
  }
  return out;
}

function collectMissing(
  body: Record<string, unknown>,
  fields: ObjectFields,
  prefix: string,
): string[] {
  const out: string[] = [];
  for (const [key, spec] of Object.entries(fields)) {
    const value = body[key];
    if (
      value === undefined ||
      (value === null && spec.required && !('nullable' in spec && spec.nullable))
    ) {
      if (spec.required) out.push(prefix + key);
    } else if (spec.kind === 'object' && isPlainObject(value)) {
      out.push(...collectMissing(value, spec.fields, `${prefix}${key}.`));
    }
  }
  return out;
}

function invalid(path: string, expectation: string): PlaidApiError {
  return new PlaidApiError('INVALID_FIELD', `${path} must be ${expectation}`);
}

function checkObject(body: Record<string, unknown>, fields: ObjectFields, prefix: string): void {
  for (const [key, spec] of Object.entries(fields)) {
    const value = body[key];
    if (value === undefined) continue;
    checkValue(value, spec, prefix + key);
  }
}

function checkValue(value: unknown, spec: FieldSpec, path: string): void {
  if (spec.kind === 'any') return;
  if (value === null) {
    if ('nullable' in spec && spec.nullable) return;
    // A null optional field is treated by Plaid like an omitted one.
    if (!spec.required) return;
    throw invalid(path, `a non-null ${spec.kind}`);
  }
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') throw invalid(path, 'a string');
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        throw invalid(path, `at most ${spec.maxLength} characters long`);
      }
      if (spec.oneOf && !spec.oneOf.includes(value)) {
        throw invalid(path, `one of ${spec.oneOf.join(', ')}`);
      }
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(path, 'an integer');
      if (
        (spec.min !== undefined && value < spec.min) ||
        (spec.max !== undefined && value > spec.max)
      ) {
        throw invalid(path, `an integer between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}`);
      }
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(path, 'a number');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid(path, 'a boolean');
      return;
    case 'array':
      if (!Array.isArray(value)) throw invalid(path, 'an array');
      if (spec.minItems !== undefined && value.length < spec.minItems) {
        throw invalid(path, `an array with at least ${spec.minItems} item(s)`);
      }
      value.forEach((item, index) => checkValue(item, spec.items, `${path}[${index}]`));
      return;
    case 'object':
      if (!isPlainObject(value)) throw invalid(path, 'an object');
      checkObject(value, spec.fields, `${path}.`);
      return;
  }
}

/** Shorthands that keep the route schemas readable. */
export const f = {
  str: (extra: Omit<Extract<FieldSpec, { kind: 'string' }>, 'kind'> = {}): FieldSpec => ({
    kind: 'string',
    ...extra,
  }),
  reqStr: (extra: Omit<Extract<FieldSpec, { kind: 'string' }>, 'kind'> = {}): FieldSpec => ({
    kind: 'string',
    required: true,
    ...extra,
  }),
  int: (min?: number, max?: number): FieldSpec => ({ kind: 'integer', min, max, nullable: true }),
  bool: (): FieldSpec => ({ kind: 'boolean', nullable: true }),
  strArray: (
    extra: { required?: boolean; minItems?: number; oneOf?: readonly string[] } = {},
  ): FieldSpec => ({
    kind: 'array',
    required: extra.required,
    minItems: extra.minItems,
    nullable: !extra.required,
    items: { kind: 'string', oneOf: extra.oneOf },
  }),
  obj: (fields: ObjectFields, extra: { required?: boolean; open?: boolean } = {}): FieldSpec => ({
    kind: 'object',
    fields,
    nullable: !extra.required,
    ...extra,
  }),
  any: (): FieldSpec => ({ kind: 'any' }),
};
