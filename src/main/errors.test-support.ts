import { AppFault } from './errors';

/** The AppFault `p` rejects with; anything else it rejects with, or a success, fails the test. */
export const faultOf = async (p: Promise<unknown>): Promise<AppFault> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFault) return e;
    throw e;
  }
  throw new Error('expected an AppFault');
};

/** The app or Digital Post code `p` is refused with, or `resolved` when it is not refused. */
export const codeOf = async (p: Promise<unknown> | undefined): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFault) return e.appError.code;
    throw e;
  }
  return 'resolved';
};
