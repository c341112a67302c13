import { scrubFilename } from '../../shared/dp/filenames';

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

/** The name the browser saves under: §10.13.1's scrubbing, and never empty or hidden. */
export function scrubDownloadName(name: string): string {
  const cleaned = scrubFilename(name).replace(/^\.+/, '').trim();
  return cleaned.length > 0 ? cleaned.slice(0, 200) : 'fil';
}

/** Browser mode has no save dialog in main: hand the bytes to the browser's own download. */
export function downloadBytes(base64: string, encodingFormat: string, filename: string): void {
  const url = URL.createObjectURL(
    new Blob([base64ToBytes(base64)], { type: mediaType(encodingFormat) || 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = scrubDownloadName(filename);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
