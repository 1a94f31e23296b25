/** Assertions shared by tests. */
import { expect } from 'vitest';
import { HomeroomError } from '../../src/errors.js';

/** What `promise` rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, but the promise resolved');
    },
    (error: unknown) => error,
  );
}

/** The HomeroomError `promise` rejects with; fails the test when it resolves or rejects otherwise. */
export async function homeroomErrorOf(promise: Promise<unknown>): Promise<HomeroomError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(HomeroomError);
  return error as HomeroomError;
}

/** Every item of an async iterable (pages of a fetch, batches of an assignment), in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
