import { describe, expect, it } from 'vitest';
import { createEventBus, Topic } from '../../../src/platform/events/event-bus.js';

describe('the in-memory event bus', () => {
  it('delivers an event to 1,000 subscribers of one topic without a MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const bus = createEventBus();
    try {
      const streams = Array.from({ length: 1000 }, () => bus.subscribe(Topic.SYNC_STATE_CHANGED)[Symbol.asyncIterator]());
      const received = streams.map((stream) => stream.next());
      // Each subscriber listens once its stream is first pulled.
      await new Promise((resolve) => setImmediate(resolve));
      bus.publish(Topic.SYNC_STATE_CHANGED, { tokenId: 7 });
      const values = await Promise.all(received);
      expect(values.every((step) => step.value?.tokenId === 7)).toBe(true);
      await Promise.all(streams.map((stream) => stream.return?.()));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((name) => name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await bus.close();
    }
  });
});
