/** The typed error Homeroom's DEP client throws, for tests of the client and of what calls it. */
import { expect } from 'vitest';
import { DepApiError } from '../../../src/apple/dep-errors.js';
import { rejectionOf } from '../../support/assertions.js';

/** The DepApiError `promise` rejects with; fails the test when it resolves or rejects otherwise. */
export async function depError(promise: Promise<unknown>): Promise<DepApiError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(DepApiError);
  return error as DepApiError;
}
