import { CountryCode, PlaidEnvironments, Products } from 'plaid';
import { describe, expect, it } from 'vitest';
import * as ours from '../../../src/main/plaid/sdk-values';

/** The SDK's values, declared apart so that the app starts without loading the SDK. */
describe('the plaid SDK values Ledgerlight declares itself', () => {
  it('are the SDK’s own', () => {
    for (const [name, value] of Object.entries(ours.CountryCode)) {
      expect(value).toBe(CountryCode[name as keyof typeof CountryCode]);
    }
    for (const [name, value] of Object.entries(ours.Products)) {
      expect(value).toBe(Products[name as keyof typeof Products]);
    }
    expect(ours.PlaidEnvironments).toEqual(PlaidEnvironments);
  });
});
