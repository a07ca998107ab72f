import type { CsvMapping } from '../../src/shared/import-mapping';

/**
 * A CSV mapping for the simplest file a test writes: a header row, ISO dates, one signed amount
 * column with a point before the cents; `columns` says where date, description, amount and the
 * rest are.
 */
export function signedCsvMapping(columns: CsvMapping['columns']): CsvMapping {
  return {
    encoding: 'utf-8',
    delimiter: ',',
    skipLines: 0,
    hasHeader: true,
    dateOrder: 'YMD',
    numberFormat: 'dot',
    amountMode: 'signed',
    flipSign: false,
    indicatorOut: null,
    columns,
  };
}
