/** Gates: promises a test opens, to hold a sync run at a page boundary until the test lets it go. */

/** Gates not opened yet, so `openAllGates` in an `afterEach` never leaves a run held by a failed test. */
const unopened = new Set<() => void>();

export function gate(): { promise: Promise<void>; open: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  const open = () => {
    unopened.delete(open);
    resolve();
  };
  unopened.add(open);
  return { promise, open };
}

export function openAllGates(): void {
  for (const open of [...unopened]) open();
}
