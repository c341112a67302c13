// Recipient identifiers as Digital Post checks them, so the form can refuse an impossible one before any request.

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Ten digits whose first six are a date (DDMMYY); no modulus-11 check, since CPRs issued after 2007 need not pass it. */
export const isValidCpr = (value: string): boolean => {
  if (!/^\d{10}$/.test(value)) return false;
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
};

export const isValidCvr = (value: string): boolean => /^\d{8}$/.test(value);

export const isValidEmail = (value: string): boolean =>
  value.length <= 254 && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)*\.[a-z]{2,}$/i.test(value);

/** People type CPR numbers as 010190-1234 or with spaces; Digital Post wants the ten digits. */
export const normaliseId = (value: string): string => value.replace(/[\s-]/g, '');

export const maskCpr = (value: string): string => (/^\d{10}$/.test(value) ? `${value.slice(0, 6)}****` : value);
