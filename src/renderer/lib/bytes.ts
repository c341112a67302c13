import { downloadContentType } from '../../shared/dp/encoding-formats';
import { offeredFilename } from '../../shared/dp/filenames';

/** base64 (as files.content returns it) → bytes; throws on input that is not base64. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64ToText(base64: string): string {
  return new TextDecoder('utf-8').decode(base64ToBytes(base64));
}

/** The part of a MIME type that decides how to show a file ("text/html; charset=utf-8" → "text/html"). */
export const mediaType = (encodingFormat: string): string => encodingFormat.split(';')[0]!.trim().toLowerCase();

/** A fallback download of bytes the page already has, under the same scrubbed, format-forced name main uses. */
export function downloadBytes(base64: string, encodingFormat: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: downloadContentType(encodingFormat) }));
  const a = document.createElement('a');
  a.href = url;
  a.download = offeredFilename(filename, encodingFormat);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
