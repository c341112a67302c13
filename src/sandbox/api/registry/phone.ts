/**
 * Danish mobile numbers: 8 digits, optionally written with +45 / 0045 and spaces. Numbers starting with 0 or 1
 * are not subscriber numbers in the Danish numbering plan. Returns the bare 8 digits, or undefined.
 */
export const normaliseDanishMobile = (input: string): string | undefined => {
  const compact = input.replace(/[\s-]/g, '');
  const bare = compact.replace(/^(?:\+45|0045)(?=\d{8}$)/, '');
  return /^[2-9]\d{7}$/.test(bare) ? bare : undefined;
};
