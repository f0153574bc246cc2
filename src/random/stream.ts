// Named, seeded random streams: one independent Rng per (base seed, replication, name).
// A stream's seed depends on its own key only, so adding a stream never shifts another's draws.
import seedrandom from 'seedrandom';
import type { Rng } from './types.js';

/** A seeded stream: an Rng that also remembers the key it was derived from (for messages and traces). */
export interface Stream extends Rng {
  /** The stream's identity, as built by streamSeedKey. */
  readonly key: string;
}

/**
 * The canonical identity string of a stream, e.g. `1:0:kyakhta/south/arrivals`; throws RangeError
 * if baseSeed is not a safe integer or replication is not a non-negative safe integer.
 */
export function streamSeedKey(baseSeed: number, replication: number, name: string): string {
  if (!Number.isSafeInteger(baseSeed)) {
    throw new RangeError(`baseSeed must be a safe integer, got ${String(baseSeed)}`);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`replication must be a non-negative integer, got ${String(replication)}`);
  }
  if (typeof name !== 'string') {
    throw new TypeError(`stream name must be a string, got ${typeof name}`);
  }
  // The two numbers contain no ':', so the key is unambiguous even when the name contains ':'.
  return `${baseSeed}:${replication}:${name}`;
}

/**
 * Hashes a key to 128 bits written as 32 hex digits (four salted 32-bit FNV-1a/Murmur-style lanes).
 * Tyche-i's own string seeding is simple XOR mixing; hashing first makes keys that differ in one
 * character start from unrelated states.
 */
export function hashSeedKey(key: string): string {
  // The four lanes in one pass over the key (each lane on its own is the loop over the characters).
  let h0 = (0x811c9dc5 ^ Math.imul(1, 0x9e3779b9)) | 0;
  let h1 = (0x811c9dc5 ^ Math.imul(2, 0x9e3779b9)) | 0;
  let h2 = (0x811c9dc5 ^ Math.imul(3, 0x9e3779b9)) | 0;
  let h3 = (0x811c9dc5 ^ Math.imul(4, 0x9e3779b9)) | 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h0 = Math.imul(h0 ^ c, 0x01000193);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193);
    h3 = Math.imul(h3 ^ c, 0x01000193);
  }
  return finishLane(h0, key.length) + finishLane(h1, key.length) + finishLane(h2, key.length) + finishLane(h3, key.length);
}

/** A lane's 8 hex digits: XOR the key's length, then MurmurHash3's fmix32 finalizer (full avalanche). */
function finishLane(lane: number, length: number): string {
  let h = lane ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Creates the uniform stream for (baseSeed, replication, name); draws are in [0, 1) with 32 bits of
 * resolution (Tyche-i from seedrandom, the fastest non-linear generator it ships: ~3 ns per draw).
 * Throws RangeError/TypeError for a bad seed, replication or name (see streamSeedKey).
 */
export function createStream(baseSeed: number, replication: number, name: string): Stream {
  const key = streamSeedKey(baseSeed, replication, name);
  const prng = seedrandom.tychei(hashSeedKey(key));
  // The object literal keeps one hidden class for every stream, so call sites stay monomorphic (docs/v8-notes.md §2).
  return { key, next: prng };
}
