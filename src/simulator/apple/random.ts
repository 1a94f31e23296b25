/**
 * The simulator's only source of randomness for anything a test may compare: serials, UUIDs,
 * credentials, session tokens. sfc32 is small, fast (500,000 devices need millions of draws)
 * and its whole state is four 32-bit words, so it can be persisted and resumed: a restarted
 * simulator continues the sequence instead of replaying it and minting duplicate serials.
 * Each purpose gets its own stream (derived from the seed and a label), so that, say, opening
 * one more session does not change every profile UUID that follows.
 */
import { createHash } from 'node:crypto';

/** The four words of an sfc32 generator, as persisted. */
export type RandomState = [number, number, number, number];

const HEX = '0123456789abcdef';

/** A seeded sfc32 stream with the helpers the simulator needs. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: RandomState) {
    [this.a, this.b, this.c, this.d] = state.map((word) => word >>> 0) as RandomState;
  }

  /** A stream for `label` derived from `seed`; the same pair always yields the same sequence. */
  static fromSeed(seed: number, label: string): SeededRandom {
    const digest = createHash('sha256').update(`homeroom-apple-simulator:${seed}:${label}`).digest();
    const random = new SeededRandom([digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8), digest.readUInt32BE(12)]);
    // sfc32's authors recommend discarding the first outputs so the state mixes.
    for (let i = 0; i < 12; i += 1) random.uint32();
    return random;
  }

  /** The current state, to persist and later pass to the constructor. */
  state(): RandomState {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** `length` lower-case hex digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const word = this.uint32();
      for (let shift = 28; shift >= 0 && out.length < length; shift -= 4) out += HEX[(word >>> shift) & 15];
    }
    return out;
  }

  /** `length` decimal digits, the first one not zero. */
  digits(length: number): string {
    return String(this.between(1, 9)) + this.chars('0123456789', length - 1);
  }

  /** A random (version 4 shaped) UUID, lower case with dashes. */
  uuid(): string {
    const hex = this.hex(32).split('');
    hex[12] = '4';
    hex[16] = HEX[(parseInt(hex[16]!, 16) & 3) | 8]!;
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
