/**
 * Counts turns of the event loop until stopped: each is a moment a request could be served.
 * `now()` is the count so far, the turn a piece of work runs in.
 */
export function turnCounter(): { now(): number; stop(): number } {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    now: () => turns,
    stop: () => {
      running = false;
      return turns;
    },
  };
}
