import { randomBytes } from 'node:crypto';

/**
 * Browser mode's "Gem som…": main keeps the bytes of one file for one download from its loopback server, under an
 * unguessable token that works once and only for a short while. The browser then downloads with the name and headers
 * main chose (see browser-mode/download-response.ts) instead of a name the page or the sender picked.
 * Held in memory only: letter content is never written to disk for this.
 */
export interface DownloadOffer {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

const OFFER_TTL_MS = 2 * 60_000;
/** A page that asks for downloads and never fetches them must not grow main's memory without end. */
const MAX_OFFERS = 20;

const offers = new Map<string, DownloadOffer & { expires: number }>();

const dropExpired = (now: number): void => {
  for (const [token, offer] of offers) if (offer.expires <= now) offers.delete(token);
};

export const offerDownload = (offer: DownloadOffer, now: number = Date.now()): string => {
  dropExpired(now);
  while (offers.size >= MAX_OFFERS) offers.delete(offers.keys().next().value!);
  const token = randomBytes(32).toString('base64url');
  offers.set(token, { ...offer, expires: now + OFFER_TTL_MS });
  return token;
};

/** The offer once: a second request for the same token, or a late one, gets nothing. */
export const takeDownload = (token: string, now: number = Date.now()): DownloadOffer | undefined => {
  dropExpired(now);
  const offer = offers.get(token);
  if (!offer) return undefined;
  offers.delete(token);
  return { name: offer.name, contentType: offer.contentType, bytes: offer.bytes };
};

/** Forgets every offer (at logout: what was offered to one user is not there for the next). */
export const clearDownloadOffers = (): void => offers.clear();
