import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/simulator/apple/random.js';

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and label, and differs across seeds and labels', () => {
    const draw = (seed: number, label: string) => {
      const random = SeededRandom.fromSeed(seed, label);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
  });

  it('resumes from a saved state exactly where it left off', () => {
    const random = SeededRandom.fromSeed(7, 'x');
    random.hex(10);
    const resumed = new SeededRandom(random.state());
    expect(resumed.hex(64)).toBe(random.hex(64));
  });

  it('keeps draws in range and formats hex, digits and UUIDs', () => {
    const random = SeededRandom.fromSeed(3, 'range');
    for (let i = 0; i < 1000; i += 1) {
      const n = random.next();
      expect(n >= 0 && n < 1).toBe(true);
      const k = random.between(5, 7);
      expect(k >= 5 && k <= 7).toBe(true);
    }
    expect(random.hex(37)).toMatch(/^[0-9a-f]{37}$/);
    expect(random.digits(10)).toMatch(/^[1-9]\d{9}$/);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(['a', 'b']).toContain(random.pick(['a', 'b']));
  });
});
