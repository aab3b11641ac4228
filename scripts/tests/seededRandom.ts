/**
 * A small deterministic generator (mulberry32, as in cms/tests/int/probe.test.ts), so a
 * randomized test's failure can be replayed from its seed.
 */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const int = (below: number) => Math.floor(next() * below);
  /** Up to `most` of `items`, in a shuffled order. */
  const some = <T>(items: readonly T[], most: number) =>
    [...items].sort(() => next() - 0.5).slice(0, Math.floor(next() * (most + 1)));
  return { next, pick, int, some, chance: (p: number) => next() < p };
}
export type Generator = ReturnType<typeof generator>;
