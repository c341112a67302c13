import { afterEach, describe, expect, it } from 'vitest';
import { clearDownloadOffers, offerDownload, takeDownload } from './download-offers';

const offer = { name: 'brev.pdf', contentType: 'application/pdf', bytes: new Uint8Array([37, 80]) };

afterEach(clearDownloadOffers);

describe('download offers', () => {
  it('hands out an unguessable token that works exactly once', () => {
    const token = offerDownload(offer);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(offerDownload(offer)).not.toBe(token);
    expect(takeDownload(token)).toEqual(offer);
    expect(takeDownload(token)).toBeUndefined();
    expect(takeDownload('guess')).toBeUndefined();
  });

  it('expires offers that were not fetched in time', () => {
    const token = offerDownload(offer, 1_000);
    expect(takeDownload(token, 1_000 + 2 * 60_000)).toBeUndefined();
  });

  it('keeps at most twenty offers, dropping the oldest', () => {
    const first = offerDownload(offer);
    for (let i = 0; i < 20; i += 1) offerDownload(offer);
    expect(takeDownload(first)).toBeUndefined();
  });

  it('forgets everything when cleared', () => {
    const token = offerDownload(offer);
    clearDownloadOffers();
    expect(takeDownload(token)).toBeUndefined();
  });
});
