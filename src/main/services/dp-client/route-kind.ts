/** A segment that names one resource rather than a collection or an action: ids carry digits (UUIDs, numbers). */
const isIdSegment = (segment: string): boolean => /\d/.test(segment);

/**
 * The kind of a request for rate-limit costs: method and route with the ids taken out, so every file content
 * download is one kind however many files there are (`GET mailboxes/{}/messages/{}/documents/{}/files/{}/content`).
 */
export const routeKind = (method: string, path: string): string => {
  const route = path
    .split(/[?#]/, 1)[0]!
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (isIdSegment(s) ? '{}' : s))
    .join('/');
  return `${method.toUpperCase()} ${route}`;
};
