/**
 * Extraction results cross a boundary twice: into a shard file, and back from a worker thread.
 * They are millions of small objects at archive scale (8.6 million for the quotes alone at
 * 100,000 articles), and V8's deserializer built them at about 1.2 µs each: decoding was 10 of
 * the 28 s a restart took (issue 9). JSON was no faster.
 *
 * So they are packed as numbers. Every plain object is a shape (its keys, in order; each list
 * written once) followed by its values; a value is a token in one Int32Array: a small integer,
 * an index into the string table (every string once per pack), into the float list, or back to
 * an object already written in the same value (a quote's speaker is one of its article's
 * entities, and stays that very object). Each key's value stands alone, after its length in
 * tokens, so a reader can step over one at once and read it later (Deferred). A sentence that is
 * `body.slice(start, end)` of its object is not stored: it is cut from the body again (from a
 * snapshot, as a copy: bodies.ts keeps the body on disk), by its bytes when the body is kept as
 * UTF-8. Every empty list comes back as one frozen empty array (an entity with no role: 33 per
 * article, counted at 10,000).
 *
 * Unpacking builds each object with one object literal per shape, compiled once per process, so
 * every field sits in the object itself. On 60 shards of the 100,000-article benchmark this took
 * 577 ms against 2,379 ms for V8's deserializer and the unpacking it needed, and the packed form
 * was 79 MB against 96 MB.
 */
import { BEYOND_LATIN1 } from "./format.ts";

/** One article's memoized per-article values, by key. */
export type ArticleResults = [string, unknown][];

export interface PackedResults {
  /** Where each article's tokens start, and where the last one's end. */
  starts: Int32Array;
  tokens: Int32Array;
  /** Numbers that are not 32-bit integers (and -0). */
  floats: Float64Array;
  /** Every string stored, once. */
  strings: string[];
  /** Every object's keys in order, once per distinct list. */
  shapes: string[][];
}

const NULL = 0;
const UNDEFINED = 1;
const TRUE = 2;
const FALSE = 3;
const INT = 4;
const FLOAT = 5;
const STRING = 6;
/** The sentence at this object's start–end. */
const CUT = 7;
const EMPTY = 8;
const ARRAY = 9;
const OBJECT = 10;
const MAP = 11;
/** An object, list or Map written before in the same article (numbered as they are finished). */
const SAME = 12;
/**
 * The sentence at these bytes of the body's UTF-8 form: a body beyond Latin-1 is stored as UTF-8
 * (format.ts), so a restart cuts it from the file's bytes instead of decoding the whole body to
 * find the characters (half the bodies of the synthetic archive; 0.5 s at 100,000, issue 9).
 */
const CUT_BYTES = 13;

/** A sentence shorter than this is cheaper to keep than to cut again. */
const CUT_MIN = 13;

/** `bodies[i]` is the body of the article whose results are `results[i]`. */
export function packResults(results: ArticleResults[], bodies: readonly string[]): PackedResults {
  const tokens: number[] = [];
  const floats: number[] = [];
  const strings = new Map<string, number>();
  const shapes = new Map<string, { at: number; keys: string[] }>();
  const starts = new Int32Array(results.length + 1);
  const string = (s: string): number => {
    let i = strings.get(s);
    if (i === undefined) {
      i = strings.size;
      strings.set(s, i);
    }
    return i;
  };
  let body = "";
  /** Per code unit of a body beyond Latin-1, where it starts in the UTF-8 form (-1 inside a pair); made at its first sentence. */
  let byteAt: Int32Array | null | undefined;
  let done = new Map<object, number>();
  let open = new Set<object>();
  const putCut = ({ start, end }: Sentence): void => {
    byteAt ??= BEYOND_LATIN1.test(body) && body.isWellFormed() ? utf8Offsets(body) : null;
    const from = byteAt?.[start] ?? -1;
    const to = byteAt?.[end] ?? -1;
    if (from >= 0 && to >= 0) tokens.push(CUT_BYTES, from, to);
    else tokens.push(CUT);
  };
  const put = (x: unknown, cut?: Sentence): void => {
    if (x === null) tokens.push(NULL);
    else if (x === undefined) tokens.push(UNDEFINED);
    else if (x === true) tokens.push(TRUE);
    else if (x === false) tokens.push(FALSE);
    else if (typeof x === "number") {
      if ((x | 0) === x && !Object.is(x, -0)) tokens.push(INT, x);
      else tokens.push(FLOAT, floats.push(x) - 1);
    } else if (typeof x === "string") {
      if (x === cut?.text) putCut(cut);
      else tokens.push(STRING, string(x));
    } else if (typeof x === "object") {
      if (Array.isArray(x) && x.length === 0) return void tokens.push(EMPTY);
      const seen = done.get(x);
      if (seen !== undefined) return void tokens.push(SAME, seen);
      if (open.has(x)) throw new Error("cannot pack results that contain themselves");
      open.add(x);
      if (Array.isArray(x)) {
        tokens.push(ARRAY, x.length);
        for (const v of x) put(v);
      } else if (x instanceof Map) {
        tokens.push(MAP, x.size);
        for (const [k, v] of x) {
          put(k);
          put(v);
        }
      } else {
        const proto = Object.getPrototypeOf(x);
        if (proto !== Object.prototype && proto !== null)
          throw new Error(
            `cannot pack a ${proto?.constructor?.name ?? "?"}: results are plain data`,
          );
        const o = x as Record<string, unknown>;
        const keys = Object.keys(o);
        // Joined, not JSON: this runs for every object (2.2 against 2.7 s on 60 shards). With no
        // key holding U+0000, two lists joined alike differ in length ([] and [""]) or not at all.
        const joined = keys.join("\u0000");
        let shape = shapes.get(joined);
        if (shape === undefined) {
          if (keys.some((k) => k.includes("\u0000")))
            throw new Error("cannot pack a field name holding U+0000");
          // A literal's "__proto__" sets the prototype instead of a field.
          if (keys.includes("__proto__")) throw new Error("cannot pack a field named __proto__");
          shape = { at: shapes.size, keys };
          shapes.set(joined, shape);
        } else if (shape.keys.length !== keys.length) {
          throw new Error("cannot pack both {} and a field named by the empty string");
        }
        tokens.push(OBJECT, shape.at);
        const sentence = cutOf(o, body);
        for (const k of keys) put(o[k], sentence);
      }
      done.set(x, done.size);
    } else {
      throw new Error(`cannot pack a ${typeof x}: results are plain data`);
    }
  };
  results.forEach((values, i) => {
    body = bodies[i] as string;
    byteAt = undefined;
    tokens.push(values.length);
    for (const [key, value] of values) {
      // Each value on its own, with its length, so that a reader can step over it and read it later.
      tokens.push(string(key), 0);
      const at = tokens.length;
      done = new Map();
      open = new Set();
      put(value);
      tokens[at - 1] = tokens.length - at;
    }
    starts[i + 1] = tokens.length;
  });
  return {
    starts,
    tokens: Int32Array.from(tokens),
    floats: Float64Array.from(floats),
    strings: [...strings.keys()],
    shapes: [...shapes.values()].map((s) => s.keys),
  };
}

/** Article `index` of a pack. */
export interface PackedArticle {
  packed: PackedResults;
  index: number;
}

/** The keys an article's packed values are under, in order, without reading the values. */
export function packedKeys({ packed, index }: PackedArticle): string[] {
  const { tokens, strings } = packed;
  let p = packed.starts[index] as number;
  const keys: string[] = [];
  for (let n = tokens[p++] as number; n > 0; n--) {
    keys.push(strings[tokens[p] as number] as string);
    p += 2 + (tokens[p + 1] as number);
  }
  return keys;
}

/**
 * One pack of articles taken from other packs, byte for byte what `packResults` gives for the
 * same values: the tokens are copied and only the numbers of strings, floats and shapes are
 * renumbered, in the order they are first met, as packing numbers them. A cold start's save
 * takes each shard's pack from the workers' this way instead of packing every value again
 * (packing was 1.03 of the save's 1.53 s at 5,000 articles, issue 9).
 */
export function mergePacks(parts: readonly PackedArticle[]): PackedResults {
  const starts = new Int32Array(parts.length + 1);
  parts.forEach(({ packed, index }, i) => {
    const length = (packed.starts[index + 1] as number) - (packed.starts[index] as number);
    starts[i + 1] = (starts[i] as number) + length;
  });
  const tokens = new Int32Array(starts[parts.length] as number);
  const floats: number[] = [];
  const strings = new Map<string, number>();
  const shapes = new Map<string, number>();
  const shapeList: string[][] = [];
  /** Per source pack, its string and shape numbers in the merge (-1: not met yet). */
  const renumbered = new Map<PackedResults, { strings: Int32Array; shapes: Int32Array }>();
  parts.forEach(({ packed, index }, i) => {
    let map = renumbered.get(packed);
    if (!map) {
      map = {
        strings: new Int32Array(packed.strings.length).fill(-1),
        shapes: new Int32Array(packed.shapes.length).fill(-1),
      };
      renumbered.set(packed, map);
    }
    const from = packed.starts[index] as number;
    const to = packed.starts[index + 1] as number;
    const at = (starts[i] as number) - from;
    tokens.set(packed.tokens.subarray(from, to), at + from);
    const string = (p: number): void => {
      const old = packed.tokens[p] as number;
      let n = map.strings[old] as number;
      if (n < 0) {
        const s = packed.strings[old];
        if (s === undefined) throw new Error(`extractions damaged (bad string at token ${p})`);
        n = strings.get(s) ?? strings.size;
        strings.set(s, n);
        map.strings[old] = n;
      }
      tokens[at + p] = n;
    };
    const value = (p: number): number => {
      switch (packed.tokens[p]) {
        case NULL:
        case UNDEFINED:
        case TRUE:
        case FALSE:
        case CUT:
        case EMPTY:
          return p + 1;
        case INT:
        case SAME:
          return p + 2;
        case CUT_BYTES:
          return p + 3;
        case STRING:
          string(p + 1);
          return p + 2;
        case FLOAT:
          tokens[at + p + 1] =
            floats.push(packed.floats[packed.tokens[p + 1] as number] as number) - 1;
          return p + 2;
        case ARRAY:
        case MAP: {
          const n = (packed.tokens[p + 1] as number) * (packed.tokens[p] === MAP ? 2 : 1);
          let q = p + 2;
          for (let k = 0; k < n; k++) q = value(q);
          return q;
        }
        case OBJECT: {
          const old = packed.tokens[p + 1] as number;
          const keys = packed.shapes[old];
          if (!keys) throw new Error(`extractions damaged (bad shape at token ${p})`);
          let n = map.shapes[old] as number;
          if (n < 0) {
            const joined = keys.join("\u0000");
            n = shapes.get(joined) ?? shapeList.push(keys) - 1;
            if (shapeList[n]?.length !== keys.length)
              throw new Error("cannot pack both {} and a field named by the empty string");
            shapes.set(joined, n);
            map.shapes[old] = n;
          }
          tokens[at + p + 1] = n;
          let q = p + 2;
          for (let k = 0; k < keys.length; k++) q = value(q);
          return q;
        }
        default:
          throw new Error(`extractions damaged (bad token at ${p})`);
      }
    };
    let p = from;
    for (let n = packed.tokens[p++] as number; n > 0; n--) {
      string(p);
      const end = p + 2 + (packed.tokens[p + 1] as number);
      if (value(p + 2) !== end) throw new Error(`extractions damaged (value ends early at ${p})`);
      p = end;
    }
    if (p !== to) throw new Error(`extractions damaged (article ends early at ${p})`);
  });
  return {
    starts,
    tokens,
    floats: Float64Array.from(floats),
    strings: [...strings.keys()],
    shapes: shapeList,
  };
}

/** Characters start to end of an article's body; throws when they are not all in it. */
export interface Cutter {
  (start: number, end: number): string;
  /** Bytes from to to of the body's UTF-8 form (CUT_BYTES), as a string of its own. */
  bytes(from: number, to: number): string;
}

/** Cuts from a body in memory (a slice, which keeps the body alive: it is, anyway). */
export function cutFrom(body: string): Cutter {
  let utf8: Buffer | undefined;
  return Object.assign(
    (start: number, end: number) => {
      if (!(0 <= start && start <= end && end <= body.length))
        throw new RangeError("outside the body");
      return body.slice(start, end);
    },
    {
      bytes: (from: number, to: number) => {
        utf8 ??= Buffer.from(body, "utf8");
        return utf8Range(utf8, 0, utf8.length, from, to);
      },
    },
  );
}

/** Bytes `from` to `to` of the UTF-8 text at `start`–`end` of `bytes`; throws when they are not all in it. */
export function utf8Range(
  bytes: Buffer,
  start: number,
  end: number,
  from: number,
  to: number,
): string {
  if (!(0 <= from && from <= to && to <= end - start)) throw new RangeError("outside the body");
  return bytes.toString("utf8", start + from, start + to);
}

/** Where each code unit of a well-formed string starts in its UTF-8 form, and the end; -1 between a surrogate pair. */
function utf8Offsets(text: string): Int32Array {
  const at = new Int32Array(text.length + 1);
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = byte;
    const c = text.charCodeAt(i);
    if (c < 0x80) byte += 1;
    else if (c < 0x800) byte += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      at[++i] = -1;
      byte += 4;
    } else byte += 3;
  }
  at[text.length] = byte;
  return at;
}

/**
 * A value left packed: `unpackValue` reads it when it is first needed. It holds its own copy
 * of its tokens and its shard's numbers (the file's bytes are a reused buffer) and its shard's
 * string and shape tables.
 */
export class Deferred {
  constructor(
    readonly tables: PackedTables,
    readonly at: number,
    readonly end: number,
  ) {}
}

/** A shard's tables, shared by the values it left packed; `tokens` holds only theirs. */
export type PackedTables = Pick<PackedResults, "tokens" | "floats" | "strings" | "shapes">;

/**
 * `cutterOf(i)` cuts from the body of article i, or is undefined when the article is not in
 * service (its results are then left out: null). The values of the keys `deferred` accepts come back
 * as Deferred, not read: their tokens are copied into an array `tokensFor` gives. Throws when
 * the packed form is damaged or made for other articles.
 */
export function unpackResults(
  packed: PackedResults,
  count: number,
  cutterOf: (i: number) => Cutter | undefined,
  deferred: (key: string) => boolean = () => false,
  tokensFor: (length: number) => Int32Array = (length) => new Int32Array(length),
): (ArticleResults | null)[] {
  const { starts, tokens, strings, shapes } = packed;
  if (!(starts instanceof Int32Array) || starts.length !== count + 1)
    throw new Error("extractions do not match the articles");
  if (!(tokens instanceof Int32Array) || !Array.isArray(strings) || !Array.isArray(shapes))
    throw new Error("extractions damaged (missing tables)");
  const reader = readerOf(packed);
  const out: (ArticleResults | null)[] = [];
  /** Per deferred value: where its tokens are in `tokens`, and the pair it goes into. */
  const later: { from: number; to: number; pair: [string, unknown] }[] = [];
  for (let i = 0; i < count; i++) {
    const c = cutterOf(i);
    if (c === undefined) {
      out.push(null);
      continue;
    }
    reader.at(starts[i] as number, c);
    const n = reader.int();
    const values: ArticleResults = [];
    for (let k = 0; k < n; k++) {
      const key = reader.string();
      const length = reader.int();
      const from = reader.p;
      const to = from + length;
      if (!(length > 0 && to <= (starts[i + 1] as number)))
        throw reader.damaged("bad value length");
      if (deferred(key)) {
        const pair: [string, unknown] = [key, null];
        later.push({ from, to, pair });
        values.push(pair);
        reader.at(to, c);
      } else {
        values.push([key, reader.value()]);
        if (reader.p !== to) throw reader.damaged("value ends early");
      }
    }
    if (reader.p !== starts[i + 1]) throw reader.damaged("article ends early");
    out.push(values);
  }
  if (later.length > 0) {
    const own = tokensFor(later.reduce((n, l) => n + l.to - l.from, 0));
    // The numbers too: `packed.floats` may be a view on the buffer the next shard file is read into.
    const tables: PackedTables = { ...packed, tokens: own, floats: packed.floats.slice() };
    let at = 0;
    for (const { from, to, pair } of later) {
      own.set(tokens.subarray(from, to), at);
      pair[1] = new Deferred(tables, at, at + to - from);
      at += to - from;
    }
  }
  return out;
}

/**
 * How many tokens the values of `keys` take, over every article: what unpacking all of them
 * with those keys deferred copies (the manifest lists it, so a restart can set that memory
 * aside at once: store.ts). Throws when the packed form is damaged.
 */
export function deferredTokenCount(packed: PackedResults, keys: (key: string) => boolean): number {
  const { starts } = packed;
  const reader = readerOf(packed);
  const none = cutFrom("");
  let count = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    reader.at(starts[i] as number, none);
    const values = reader.int();
    for (let k = 0; k < values; k++) {
      const key = reader.string();
      const length = reader.int();
      if (!(length > 0 && reader.p + length <= (starts[i + 1] as number)))
        throw reader.damaged("bad value length");
      if (keys(key)) count += length;
      reader.at(reader.p + length, none);
    }
  }
  return count;
}

/** A value left packed, read now; `cutter` cuts from its article's body. Throws when damaged. */
export function unpackValue(d: Deferred, cutter: Cutter): unknown {
  let reader = readers.get(d.tables);
  if (!reader) {
    reader = readerOf(d.tables);
    readers.set(d.tables, reader);
  }
  reader.at(d.at, cutter);
  const value = reader.value();
  if (reader.p !== d.end) throw reader.damaged("value ends early");
  return value;
}

/**
 * One reader per shard's tables, its shapes compiled once: making one per value compiled every
 * shape of the shard again for each article (1.4 of 7.7 s to read the quotes of 100,000).
 * Reading is synchronous, so one reader at a time per tables is all there can be.
 */
const readers = new WeakMap<PackedTables, ReturnType<typeof readerOf>>();

/** Reads one article's tokens (`at`), value by value, each with its own numbering of objects. */
function readerOf({ tokens, floats, strings, shapes }: PackedTables) {
  const builders = shapes.map(builderOf);
  let p = 0;
  let cutter: Cutter = cutFrom("");
  let made: unknown[] = [];
  const cut = (start: unknown, end: unknown): string => {
    if (typeof start !== "number" || typeof end !== "number") throw damaged("bad sentence");
    try {
      return cutter(start, end);
    } catch {
      throw damaged("sentence outside the body");
    }
  };
  const damaged = (what: string) => new Error(`extractions damaged (${what} at token ${p})`);
  const next = (): number => {
    const t = tokens[p++];
    if (t === undefined) throw damaged("tokens end early");
    return t;
  };
  // Hot: tokens read directly. Past the end a read gives undefined, which is a bad token, or
  // a value the check after each value (`p` where the next one starts) turns into an error.
  const read = (): unknown => {
    switch (tokens[p++]) {
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case TRUE:
        return true;
      case FALSE:
        return false;
      case INT:
        return tokens[p++];
      case FLOAT: {
        const f = floats[tokens[p++] as number];
        if (f === undefined) throw damaged("bad number");
        return f;
      }
      case STRING: {
        const s = strings[tokens[p++] as number];
        if (s === undefined) throw damaged("bad string");
        return s;
      }
      case CUT:
        return CUT_HERE;
      case CUT_BYTES: {
        const from = tokens[p++] as number;
        try {
          return cutter.bytes(from, tokens[p++] as number);
        } catch {
          throw damaged("sentence outside the body");
        }
      }
      case EMPTY:
        return NONE;
      case ARRAY: {
        const n = tokens[p++] as number;
        const list = new Array(n);
        for (let i = 0; i < n; i++) list[i] = read();
        made.push(list);
        return list;
      }
      case OBJECT: {
        const build = builders[tokens[p++] as number];
        if (!build) throw damaged("bad shape");
        const o = build(read, CUT_HERE, cut);
        made.push(o);
        return o;
      }
      case MAP: {
        const n = tokens[p++] as number;
        const map = new Map();
        for (let i = 0; i < n; i++) map.set(read(), read());
        made.push(map);
        return map;
      }
      case SAME: {
        const i = tokens[p++] as number;
        if (i >= made.length) throw damaged("bad reference");
        return made[i];
      }
      default:
        throw damaged("bad token");
    }
  };
  return {
    get p() {
      return p;
    },
    damaged,
    at(start: number, c: Cutter) {
      p = start;
      cutter = c;
    },
    int: next,
    string(): string {
      const s = strings[next()];
      if (typeof s !== "string") throw damaged("bad string");
      return s;
    },
    value(): unknown {
      made = [];
      return read();
    },
  };
}

/** Stands for "the sentence at this object's start–end" until the object is built. */
const CUT_HERE = Symbol("cut");
const NONE: readonly never[] = Object.freeze([]);

type Builder = (
  read: () => unknown,
  marker: symbol,
  cut: (start: unknown, end: unknown) => string,
) => object;

const compiled = new Map<string, Builder>();

/**
 * One object literal per shape, compiled once: built key by key, an object with more than four
 * fields keeps them outside itself, which cost 28 MB more on 60 shards. The keys come through
 * JSON.stringify, so whatever a file holds can only name a property, never become code.
 */
function builderOf(keys: unknown): Builder {
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "string" && k !== "__proto__"))
    throw new Error("extractions damaged (bad shape)");
  const source = JSON.stringify(keys);
  let build = compiled.get(source);
  if (!build) {
    const start = keys.indexOf("start");
    const end = keys.indexOf("end");
    const value = (i: number) =>
      start >= 0 && end >= 0 ? `v${i} === marker ? cut(v${start}, v${end}) : v${i}` : `v${i}`;
    const reads = keys.map((_, i) => `v${i} = read()`).join(", ");
    const fields = keys.map((k, i) => `${JSON.stringify(k)}: ${value(i)}`).join(", ");
    build = new Function(
      "read",
      "marker",
      "cut",
      `${keys.length ? `const ${reads};` : ""} return { ${fields} };`,
    ) as Builder;
    compiled.set(source, build);
  }
  return build;
}

/** The sentence an object spans (`start`–`end` of the body), when it is worth cutting again. */
function cutOf(o: Record<string, unknown>, body: string): Sentence | undefined {
  const { start, end } = o;
  if (typeof start !== "number" || typeof end !== "number" || end - start < CUT_MIN) return;
  return { text: body.slice(start, end), start, end };
}

interface Sentence {
  text: string;
  start: number;
  end: number;
}
