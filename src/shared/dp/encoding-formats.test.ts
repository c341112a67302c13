import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPES,
  ENCODING_FORMATS,
  encodingFormatFromFilename,
  isEncodingFormatAllowed,
} from './encoding-formats';

describe('encoding formats (§13.1)', () => {
  it('has the three lists with their sizes', () => {
    expect(DOCUMENT_TYPES).toEqual(['MAIN', 'ADDITIONAL', 'TECHNICAL']);
    expect(ENCODING_FORMATS.MAIN).toEqual(['application/pdf', 'text/html', 'text/plain']);
    expect(ENCODING_FORMATS.ADDITIONAL).toHaveLength(26);
    expect(ENCODING_FORMATS.TECHNICAL).toEqual(['application/xml', 'text/xml', 'application/json']);
  });

  it('checks per document type, ignoring case and parameters', () => {
    expect(isEncodingFormatAllowed('MAIN', 'text/html; charset=utf-8')).toBe(true);
    expect(isEncodingFormatAllowed('MAIN', 'Application/PDF')).toBe(true);
    expect(isEncodingFormatAllowed('MAIN', 'image/png')).toBe(false);
    expect(isEncodingFormatAllowed('ADDITIONAL', 'image/png')).toBe(true);
    expect(isEncodingFormatAllowed('ADDITIONAL', 'application/json')).toBe(false);
    expect(isEncodingFormatAllowed('TECHNICAL', 'application/json')).toBe(true);
    expect(isEncodingFormatAllowed('ADDITIONAL', 'application/zip')).toBe(false);
  });

  it('guesses a whitelisted format from the extension, and nothing else', () => {
    expect(encodingFormatFromFilename('Brev.PDF')).toBe('application/pdf');
    expect(encodingFormatFromFilename('ark.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(encodingFormatFromFilename('x.exe')).toBeUndefined();
    expect(encodingFormatFromFilename('x.constructor')).toBeUndefined();
    expect(encodingFormatFromFilename('README')).toBeUndefined();
  });
});
