/**
 * Grouping positions by a small number each, for the answer views built over every event or
 * quote of an archive (issue 9): counted first, so each group is one typed array filled in place,
 * with no list grown per item and no map looked up per item.
 */

/**
 * 0 to n-1 grouped by `codeAt` (a small number per position; a negative one leaves the position
 * out), each group ascending, groups in order of first appearance.
 */
export function groupCodes(n: number, codeAt: (i: number) => number): Map<number, Int32Array> {
  const counts: number[] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = codeAt(i);
    if (c < 0) continue;
    if (counts[c] === undefined) {
      counts[c] = 0;
      order.push(c);
    }
    counts[c]++;
  }
  const lists: Int32Array[] = [];
  const filled: number[] = [];
  for (const c of order) {
    lists[c] = new Int32Array(counts[c] as number);
    filled[c] = 0;
  }
  for (let i = 0; i < n; i++) {
    const c = codeAt(i);
    if (c >= 0) (lists[c] as Int32Array)[(filled[c] as number)++] = i;
  }
  return new Map(order.map((c) => [c, lists[c] as Int32Array]));
}
