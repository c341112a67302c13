import { createHash } from 'node:crypto';

/** A UUID derived from a name, so seed data keeps its ids across runs and resets (links in tests stay valid). */
export const stableUuid = (name: string): string => {
  const hex = createHash('sha1').update(`dp-sandbox-registry:${name}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
