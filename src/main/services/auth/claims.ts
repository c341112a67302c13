/** What the app shows about the logged-in person; read from the id token (§16.3.1 claims). */
export interface Person {
  displayName?: string;
  maskedCpr?: string;
}

/** `DDMMYY-****` as Digital Post masks CPR numbers; nothing when the claim is not a CPR number. */
export const maskCpr = (cpr: unknown): string | undefined => {
  if (typeof cpr !== 'string') return undefined;
  const digits = cpr.replace(/-/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}-****` : undefined;
};

export const personFromClaims = (claims: Record<string, unknown> | undefined): Person => {
  if (!claims) return {};
  const given = typeof claims.given_name === 'string' ? claims.given_name : undefined;
  const family = typeof claims.family_name === 'string' ? claims.family_name : undefined;
  const name =
    typeof claims.name === 'string' && claims.name.trim()
      ? claims.name
      : [given, family].filter(Boolean).join(' ') || undefined;
  const maskedCpr = maskCpr(claims.cpr_number);
  return { ...(name ? { displayName: name } : {}), ...(maskedCpr ? { maskedCpr } : {}) };
};
