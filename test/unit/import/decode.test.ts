import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/main/import/decode';
import { fixture } from './fixtures';

describe('decodeBytes', () => {
  it('reads valid UTF-8 as UTF-8', () => {
    const bytes = new TextEncoder().encode('Date,Café Olé\r\n2026-01-01,x\r\n');
    expect(decodeBytes(bytes)).toEqual({
      text: 'Date,Café Olé\n2026-01-01,x\n',
      encoding: 'utf-8',
    });
  });

  it('strips a UTF-8 byte order mark', () => {
    const decoded = decodeBytes(fixture('utf8-bom.csv'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('Date,Description,Amount,Category\n')).toBe(true);
    expect(decoded.text).toContain('Ramen Kōji');
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    const bytes = new Uint8Array([0x80, 0x20, 0xdc, 0x62, 0x65, 0x72, 0x3b, 0xe4, 0x0d]);
    expect(decodeBytes(bytes)).toEqual({ text: '€ Über;ä\n', encoding: 'windows-1252' });
  });

  it('reads the Sparkasse export as Windows-1252 with its umlauts', () => {
    const decoded = decodeBytes(fixture('sparkasse-de.csv'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('"Bäckerei Müller GmbH"');
    expect(decoded.text).toContain('Überweisung Miete März');
    expect(decoded.text).not.toContain('\r');
  });

  it('uses the encoding it is given, even for bytes that would read as UTF-8', () => {
    const bytes = new TextEncoder().encode('Café');
    expect(decodeBytes(bytes, 'windows-1252')).toEqual({
      text: 'CafÃ©',
      encoding: 'windows-1252',
    });
    expect(decodeBytes(new Uint8Array([0x43, 0xe9]), 'utf-8')).toEqual({
      text: 'C\ufffd',
      encoding: 'utf-8',
    });
  });

  it('turns old Mac line ends into \\n', () => {
    expect(decodeBytes(new TextEncoder().encode('a\rb\r\nc')).text).toBe('a\nb\nc');
  });
});
