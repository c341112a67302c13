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
