/**
 * Extraction results cross a serializer twice: into a shard file, and back from a worker
 * thread. Both (V8's serializer and structured cloning) keep shared objects shared but write a
 * string once per occurrence, so a decoded result held a fresh copy of every name, role, "person",
 * "in force" and sector key, and of every sentence it quotes: at 100,000 articles that was a
 * third of the heap, and the garbage collector's time grew with it (issue 9).
 *
 * `packResults` copies the results with each short string replaced by one boxed `String` shared
 * by all its occurrences (which the serializer then writes once), each copied sentence (a field
 * equal to `body.slice(start, end)` of its object) replaced by a marker, and each empty list by
 * another. `unpackResults` puts the primitive strings back, every occurrence the same one, cuts
 * the sentences from the body, so they cost no characters of their own, and gives every empty
 * list as one frozen empty array (an entity with no role, an event with no named participant:
 * 33 arrays per article, counted at 10,000). What a caller reads is equal to what was packed;
 * results are never changed once extracted, and the frozen array makes any attempt throw.
 */

/** Longer strings are rarely repeated: boxing them would only add an object. */
const SHORT = 40;
/** A sentence shorter than this is cheaper to keep than to cut again. */
const SLICE_MIN = 13;

/** One article's memoized per-article values, by key. */
export type ArticleResults = [string, unknown][];

/** Packed results: only `unpackResults` reads them. */
export interface PackedResults {
  readonly packed: true;
}

interface Packed extends PackedResults {
  /** Stands for "the sentence at this object's start–end" wherever it appears. */
  slice: object;
  /** Stands for an empty list. */
  empty: object;
  results: ArticleResults[];
}

/** `bodies[i]` is the body of the article whose results are `results[i]`. */
export function packResults(results: ArticleResults[], bodies: readonly string[]): PackedResults {
  const slice = {};
  const empty = {};
  const boxes = new Map<string, object>();
  const box = (s: string): unknown => {
    if (s.length > SHORT) return s;
    const hit = boxes.get(s);
    if (hit) return hit;
    // An object, not a primitive: the serializer writes it once and refers to it after.
    const b = new String(s);
    boxes.set(s, b);
    return b;
  };
  const packed = results.map((values, i) => {
    const body = bodies[i] as string;
    const copies = new Map<object, unknown>();
    const copy = (x: unknown): unknown => {
      if (typeof x === "string") return box(x);
      if (typeof x !== "object" || x === null) return x;
      const done = copies.get(x);
      if (done !== undefined) return done;
      if (Array.isArray(x)) {
        if (x.length === 0) return empty;
        const out: unknown[] = [];
        copies.set(x, out);
        for (const v of x) out.push(copy(v));
        return out;
      }
      if (x instanceof Map) {
        const out = new Map();
        copies.set(x, out);
        for (const [k, v] of x) out.set(copy(k), copy(v));
        return out;
      }
      const proto = Object.getPrototypeOf(x);
      if (proto !== Object.prototype && proto !== null)
        throw new Error(`cannot pack a ${proto?.constructor?.name ?? "?"}: results are plain data`);
      const o = x as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      copies.set(x, out);
      const span = spanOf(o, body);
      for (const k in o) {
        const v = o[k];
        out[k] = span !== undefined && v === span ? slice : copy(v);
      }
      return out;
    };
    return values.map(([key, value]) => [key, copy(value)] as [string, unknown]);
  });
  const out: Packed = { packed: true, slice, empty, results: packed };
  return out;
}

/**
 * Unpacks decoded results in place. `bodyOf(i)` is the body of article i, or undefined when it
 * is not in service (its results are then left out: null).
 */
export function unpackResults(
  decoded: PackedResults,
  count: number,
  bodyOf: (i: number) => string | undefined,
): (ArticleResults | null)[] {
  const { slice, empty, results } = decoded as Packed;
  if (
    !Array.isArray(results) ||
    results.length !== count ||
    typeof slice !== "object" ||
    typeof empty !== "object"
  )
    throw new Error("extractions do not match the articles");
  const none = Object.freeze([]);
  return results.map((values, i) => {
    const body = bodyOf(i);
    if (body === undefined) return null;
    const seen = new Set<object>();
    const fix = (x: unknown): unknown => {
      if (typeof x !== "object" || x === null) return x;
      if (x instanceof String) return x.valueOf();
      if (x === empty) return none;
      if (seen.has(x)) return x;
      seen.add(x);
      if (Array.isArray(x)) {
        for (let j = 0; j < x.length; j++) x[j] = fix(x[j]);
      } else if (x instanceof Map) {
        // Re-inserted in the same order, so iteration order is kept.
        const entries = [...x];
        x.clear();
        for (const [k, v] of entries) x.set(fix(k), fix(v));
      } else {
        const o = x as Record<string, unknown>;
        for (const k in o) {
          const v = o[k];
          o[k] = v === slice ? body.slice(o.start as number, o.end as number) : fix(v);
        }
      }
      return x;
    };
    for (const pair of values) pair[1] = fix(pair[1]);
    return values;
  });
}

/** The sentence an object spans (`start`–`end` of the body), when it is worth cutting again. */
function spanOf(o: Record<string, unknown>, body: string): string | undefined {
  const { start, end } = o;
  if (typeof start !== "number" || typeof end !== "number" || end - start < SLICE_MIN) return;
  return body.slice(start, end);
}
