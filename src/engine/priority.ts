// Named priorities for events that fall at the same instant: lower runs first, then insertion order.

/**
 * Same-instant ordering: a capacity change settles first (so a server freed exactly at closing time
 * starts nobody), then a release frees a server before a new arrival tries to seize it.
 */
export const Priority = {
  /** A resource's capacity changes (shift start or end, dated change). */
  capacity: 0,
  /** A service ends and its server is released. */
  release: 1,
  /** Ordinary wake-ups (a delay that ends in something other than a release). */
  normal: 2,
  /** A new entity arrives from outside. */
  arrival: 3,
  /** Bookkeeping that must see the instant settled (daily snapshots, warm-up reset). */
  monitor: 8,
  /** End of run. */
  stop: 9,
} as const;

export type PriorityName = keyof typeof Priority;
