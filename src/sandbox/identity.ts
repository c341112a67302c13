/**
 * A test identity of the sandbox: who signs in on its login page and whose claims end up in the JWT (§16.3.1).
 * The list itself lives in identities.ts; the seed keys mailboxes on `id`.
 */
export interface Identity {
  /** Stable, URL-safe id used by /sandbox hooks and tests (e.g. `lone`). */
  id: string;
  /** Full name, shown in the id token (`name`) and as mailbox owner. */
  name: string;
  kind: 'citizen' | 'employee';
  /** 10-digit CPR (fictitious, never a real person's); in the `cpr_number` claim only with that scope. */
  cpr: string;
  /** Digital Post identity id: the JWT's `dpiid` and `sub`. A UUID. */
  dpiid: string;
  /** For an employee: the CVR of the company whose mailbox the employee may open. */
  cvr?: string;
  /** The JWT's `authorities` claim (roles and privilege types, §16.3.1). */
  authorities: string[];
  /** The JWT's `dppriv` claim: compact privileges. */
  dppriv: string;
}
