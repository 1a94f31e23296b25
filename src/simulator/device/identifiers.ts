/**
 * The identifiers a virtual iPad makes up, drawn from its injectable random source so a seeded run
 * gives the same UDIDs, push tokens and push magics: a UDID (40 upper-case hex digits, the classic
 * form), APNs tokens and unlock tokens (bytes), and PushMagic (an upper-case UUID, as devices send).
 */

/** A source of numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/** `count` bytes from `random`. */
export function randomBytes(random: RandomSource, count: number): Buffer {
  const bytes = Buffer.alloc(count);
  for (let i = 0; i < count; i += 1) bytes[i] = Math.floor(random() * 256) & 0xff;
  return bytes;
}

/** A UDID: 40 upper-case hex digits. */
export function randomUdid(random: RandomSource): string {
  return randomBytes(random, 20).toString('hex').toUpperCase();
}

/** An upper-case version-4 UUID. */
export function randomUuid(random: RandomSource): string {
  const bytes = randomBytes(random, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A seeded random source (mulberry32): the same seed gives the same UDIDs, tokens and choices, run to run. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
