/**
 * A faster drop-in for compromise's pattern sweep (`methods.one.bulkMatch`, run by its
 * post-tagger on every tagging). To pick the patterns worth trying on a sentence, compromise
 * walks every key of its pattern index (thousands) and asks whether the sentence holds it: for
 * the one- and two-word texts the quote lexicon tags, that walk was about 45% of a tagging, and
 * tagging never-seen capitalized words is the largest single cost of quote extraction. Here the
 * sentence's own words and tags are looked up in the index instead, and the candidates are
 * taken in the index's key order, so the same patterns are tried in the same order and every
 * tag comes out the same (test/quotes/sweep.test.ts compares both sweeps).
 *
 * The rest of the sweep is compromise 14.17.0's, step for step. It is installed only on that
 * version: another version keeps its own sweep until this one is checked against it.
 */
import type Nlp from "compromise";

interface Pattern {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

interface Net {
  hooks: Record<string, Pattern[]>;
  always: Pattern[];
}

type Sentence = unknown[];

interface Methods {
  one: {
    cacheDoc(document: Sentence[]): Set<string>[];
    match(document: Sentence[], pattern: Pattern): { ptrs: number[][] };
    bulkMatch: BulkMatch;
  };
}

export type BulkMatch = (
  document: Sentence[],
  net: Net,
  methods: Methods,
  opts?: { matchOne?: boolean },
) => unknown[];

export const CHECKED_VERSION = "14.17.0";

/** Each pattern index's keys, in order, and where each key stands. */
const keyOrder = new WeakMap<object, { keys: string[]; index: Map<string, number> }>();

function orderOf(hooks: Record<string, Pattern[]>): { keys: string[]; index: Map<string, number> } {
  let order = keyOrder.get(hooks);
  if (!order) {
    const keys = Object.keys(hooks);
    order = { keys, index: new Map(keys.map((k, i) => [k, i])) };
    keyOrder.set(hooks, order);
  }
  return order;
}

/** The patterns hooked on what each sentence holds: compromise's getHooks, same order. */
function candidates(caches: Set<string>[], hooks: Record<string, Pattern[]>): Pattern[][] {
  const { keys, index } = orderOf(hooks);
  return caches.map((cache) => {
    const at: number[] = [];
    for (const item of cache) {
      const i = index.get(item);
      if (i !== undefined) at.push(i);
    }
    at.sort((a, b) => a - b);
    const maybe: Pattern[] = [];
    for (const i of at) for (const p of hooks[keys[i] as string] as Pattern[]) maybe.push(p);
    const already: Record<string, boolean> = {};
    return maybe.filter((m) => {
      if (typeof already[m.match] === "boolean") return false;
      already[m.match] = true;
      return true;
    });
  });
}

export const fastBulkMatch: BulkMatch = (document, net, methods, opts = {}) => {
  const caches = methods.one.cacheDoc(document);
  let maybe = candidates(caches, net.hooks).map((list, n) => {
    const haves = caches[n] as Set<string>;
    return list
      .filter((o) => o.needs.every((need) => haves.has(need)))
      .filter((o) => !o.ifNo?.some((no) => haves.has(no)))
      .filter(
        (o) => o.wants.length === 0 || o.wants.filter((w) => haves.has(w)).length >= o.minWant,
      );
  });
  if (net.always.length > 0) maybe = maybe.map((list) => list.concat(net.always));
  maybe = maybe.map((list, n) =>
    list.filter((o) => (document[n] as Sentence).length >= o.minWords),
  );
  const results: unknown[] = [];
  for (let n = 0; n < maybe.length; n++) {
    for (const m of maybe[n] as Pattern[]) {
      const res = methods.one.match([document[n] as Sentence], m);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
        ptr[0] = n;
        const todo: Pattern & { pointer?: number[] } = Object.assign({}, m, { pointer: ptr });
        if (m.unTag !== undefined) todo.unTag = m.unTag;
        results.push(todo);
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
};

/**
 * Installs the faster sweep into this compromise when it is the version checked, and returns
 * compromise's own sweep, kept so the test can compare the two.
 */
export function installFastSweep(nlp: typeof Nlp): BulkMatch {
  const methods = nlp.methods() as unknown as Methods;
  const stock = methods.one.bulkMatch;
  if (nlp.version === CHECKED_VERSION) methods.one.bulkMatch = fastBulkMatch;
  return stock;
}
