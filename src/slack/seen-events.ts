/**
 * Answers each Events API delivery once. Slack retries a delivery it thinks failed (same
 * event_id, with x-slack-retry-num), and one DM can arrive as both `message` and `app_mention`
 * (same channel and ts), so both keys are remembered. In memory: one process; several
 * processes behind a load balancer would need a shared store.
 */
export class SeenEvents {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time any of `keys` is offered; false when one of them was seen before. */
  firstTime(keys: readonly (string | undefined)[]): boolean {
    const present = keys.filter((k): k is string => Boolean(k));
    if (present.some((k) => this.seen.has(k))) return false;
    for (const k of present) this.seen.add(k);
    // A Set iterates in insertion order, so the oldest keys go first.
    for (const old of this.seen) {
      if (this.seen.size <= this.capacity) break;
      this.seen.delete(old);
    }
    return true;
  }
}
