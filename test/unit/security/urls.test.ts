import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isPlaidUrl } from '../../../src/main/security/urls';

describe('isPlaidUrl (child windows Link may open)', () => {
  it.each([
    'https://cdn.plaid.com/link/v2/stable/link.html',
    'https://plaid.com/',
    'https://secure.plaid.com/oauth?x=1',
  ])('allows %s', (url) => expect(isPlaidUrl(url)).toBe(true));

  it.each([
    'http://cdn.plaid.com/',
    'https://plaid.com.evil.example/',
    'https://evilplaid.com/',
    'https://evil.example/?https://plaid.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('denies %s', (url) => expect(isPlaidUrl(url)).toBe(false));
});

describe('isAllowedExternalUrl (handed to the system browser)', () => {
  it('allows the https help sites', () => {
    expect(isAllowedExternalUrl('https://dashboard.plaid.com/developers/keys')).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/ledgerlight')).toBe(true);
  });
  it.each([
    'http://dashboard.plaid.com/',
    'https://user:pass@dashboard.plaid.com/',
    'https://example.com/',
    'smb://share/x',
    'file:///C:/Windows/System32/calc.exe',
  ])('denies %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
