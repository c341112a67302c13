import type { DpClient, RequestOptions } from '../dp-client/dp-client';

const background = <O extends RequestOptions>(options: O | undefined): O =>
  ({ ...options, priority: 'background' }) as O;

/**
 * The app's client with every request in the rate limiter's background lane: the archive shares the one bucket
 * Digital Post keeps for this person with the UI, and whatever the user clicks goes first.
 */
export const inBackground = (api: DpClient): DpClient => ({
  limiter: api.limiter,
  baseUrl: () => api.baseUrl(),
  get: (path, options) => api.get(path, background(options)),
  post: (path, body, options) => api.post(path, body, background(options)),
  put: (path, body, options) => api.put(path, body, background(options)),
  patch: (path, body, options) => api.patch(path, body, background(options)),
  delete: (path, options) => api.delete(path, background(options)),
  getBytes: (path, options) => api.getBytes(path, background(options)),
  putMultipart: (path, file, options) => api.putMultipart(path, file, background(options)),
});
