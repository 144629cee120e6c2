// The RecruiterflowError a client call must end in, for tests that check how a failure is classified.
import { expect } from 'vitest';
import { RecruiterflowError } from '../recruiterflow';

export async function rfFailure(p: Promise<unknown>): Promise<RecruiterflowError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RecruiterflowError);
    return e as RecruiterflowError;
  }
  throw new Error('expected a RecruiterflowError');
}
