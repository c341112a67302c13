// Recipient identifiers checked the way Digital Post checks them, so an impossible one is refused before a request.
// One copy for main (which must not trust the renderer) and the renderer (which tells the user while they type).

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Ten digits whose first six are a date (DDMMYY). The century is not known from the six digits, so 29 February is
 * accepted for any year; the modulus-11 check is not applied because CPR numbers issued since 2007 need not pass it.
 */
export const isValidCpr = (value: string): boolean => {
  if (!/^\d{10}$/.test(value)) return false;
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
};

/** How Digital Post shows a CPR it returns (§6.8.2): the last four digits replaced with ****, DDMMYY****. */
export const isMaskedCpr = (value: string): boolean => /^\d{6}\*{4}$/.test(value);
/** Anything that is not a CPR number is left as it is; a CPR typed with a dash or spaces is masked all the same. */
export const maskCpr = (value: string): string => {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}****` : value;
};

export const isValidCvr = (value: string): boolean => /^\d{8}$/.test(value);

/** A plain addr-spec: one @, no spaces or special characters, a dotted domain with a letter TLD. */
export const isValidEmail = (value: string): boolean =>
  value.length <= 254 &&
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)*\.[a-z]{2,}$/i.test(value);

/** People type CPR numbers as 010190-1234 or with spaces; Digital Post wants the ten digits. */
export const normaliseId = (value: string): string => value.replace(/[\s-]/g, '');
