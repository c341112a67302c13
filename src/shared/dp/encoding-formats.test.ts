import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPES,
  downloadContentType,
  ENCODING_FORMATS,
  encodingFormatFromFilename,
  extensionsForFormat,
  isEncodingFormatAllowed,
  openPolicyFor,
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

describe('openPolicyFor', () => {
  it.each([
    'application/pdf',
    'image/png',
    'image/jpeg',
    'text/plain',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ])('lets the OS open %s', (format) => {
    expect(openPolicyFor(format)).toBe('os');
  });

  it('shows HTML in the app and never hands it to the OS', () => {
    expect(openPolicyFor('text/html; charset=utf-8')).toBe('letter');
  });

  it.each([
    'application/x-msdownload',
    'application/octet-stream',
    'application/java-archive',
    'application/hta',
    'application/x-desktop',
    'application/xml',
    'text/xml',
    'application/json',
    'application/msword',
    'application/vnd.ms-excel',
    'application/vnd.oasis.opendocument.text',
    'application/rtf',
    '',
  ])('offers only "Gem som…" for %j', (format) => {
    expect(openPolicyFor(format)).toBe('save-only');
  });

  it('knows a forced extension for every whitelisted format', () => {
    for (const formats of Object.values(ENCODING_FORMATS))
      for (const format of formats) expect(extensionsForFormat(format).length, format).toBeGreaterThan(0);
  });
});

describe('downloadContentType', () => {
  it('serves whitelisted formats as themselves and everything else as octet-stream', () => {
    expect(downloadContentType('Application/PDF; x=y')).toBe('application/pdf');
    expect(downloadContentType('application/x-msdownload')).toBe('application/octet-stream');
    expect(downloadContentType('text/html<script>')).toBe('application/octet-stream');
  });
});
