/**
 * The SDK models Plaid's string enums as TypeScript enums, which plain string literals cannot
 * satisfy. `Wire<T>` is the same shape with every enum replaced by its literal values, so handlers
 * still get the SDK's field names checked (a misspelt key does not compile) without importing
 * the SDK at run time.
 */
export type Wire<T> = T extends string
  ? string extends T
    ? string
    : `${T}`
  : T extends Array<infer U>
    ? Array<Wire<U>>
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
