/** "20.12." — day and month as Danes write a deadline; the local day the instant falls on. */
export const shortDate = (iso: string): string => {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.`;
};
