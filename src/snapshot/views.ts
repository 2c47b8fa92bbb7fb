/**
 * Corpus-wide views kept beside the shards (issue 9), so a restart need not compute them again:
 * - the people directory: building it reads every quote of every article, 1.3–1.6 s of a
 *   restart at 100,000 articles, plus unpacking the quotes themselves (32 of the 50 objects an
 *   article's results make). Kept, it is served as it is and the quotes stay packed until a
 *   question needs one;
 * - the merged events, as each event's mentions (merging took 1.3–1.9 s), with what the events
 *   view groups and orders them by: the view is made from those numbers, and each event is made
 *   from its mentions, which stay packed, when a question reads it (packed.ts);
 * - the tariff facts in their order, newest first (sorting them took 0.6–0.8 s), with what the
 *   sector boards group and pick them by: the boards are made from those numbers, and the facts
 *   stay packed until a question shows one (packed.ts).
 * They are current when made by the same extraction code and data files (which include the
 * alias file) over the same articles: their ids and content hashes, in the order of
 * kb.articles(). Anything else, and they are computed again, as without the file.
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { type EventColumns, restoreEvents } from "../extract/events/index.ts";
import { EVENT_KINDS, type EventKind } from "../extract/events/types.ts";
import { type FactColumns, restoreFacts } from "../extract/tariffs/facts.ts";
import type { Article } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import type { Steps } from "../knowledge/steps.ts";
import { type Person, type QuoteColumns, restoreDirectory } from "../people/directory.ts";
import { align } from "./format.ts";
import { writeAtomic } from "./store.ts";
import { FORMAT } from "./version.ts";

const FILE = "views.bin";
const MAGIC = "TDVIEWS\n";

/** What kept views were made from. */
export interface ViewsStamp {
  /** Versions.extract: the extraction code and the knowledge folder's data files. */
  extract: string;
  /** articlesDigest of the articles they were computed over. */
  articles: string;
}

export interface KeptViews {
  stamp: ViewsStamp;
  people: Person[];
  quotes: QuoteColumns;
  events: EventColumns;
  facts: FactColumns;
}

/**
 * Kept views as read: each person's articles are places in kb.articles() (`articles` from
 * `starts[i]` to `starts[i + 1]` for person i), not ids. As ids in the file's JSON they were
 * 9.9 MB of its 10 MB of JSON at 100,000 articles, 275,551 strings a restart made (issue 9).
 */
export interface ReadViews extends Omit<KeptViews, "people"> {
  people: Omit<Person, "articles">[];
  personArticles: { starts: Int32Array; articles: Int32Array };
}

/** The articles' ids and content hashes in order, as one digest; null when one has no known hash. */
export function articlesDigest(
  articles: readonly Article[],
  hashOf: (a: Article) => string | undefined,
): string | null {
  const hash = createHash("sha256");
  for (const a of articles) {
    const h = hashOf(a);
    if (h === undefined) return null;
    hash.update(`${a.id}\t${h}\n`);
  }
  return hash.digest("hex");
}

/** Serves the kept views when they were made for exactly these articles; "kept", or why not. */
export function* restoreKeptViews(
  kb: KnowledgeBase,
  kept: ReadViews | string,
  extract: string,
  hashOf: ReadonlyMap<Article, string>,
): Steps<string> {
  if (typeof kept === "string") return kept;
  const why = (what: string) =>
    `views.bin made for ${what}: people, events and facts computed again`;
  if (kept.stamp.extract !== extract) return why("other extraction code or data files");
  const articles = kb.articles();
  if (articlesDigest(articles, (a) => hashOf.get(a)) !== kept.stamp.articles)
    return why("other articles");
  const { starts, articles: places } = kept.personArticles;
  if (
    kept.quotes.article.some((a) => a >= articles.length) ||
    places.some((a) => a >= articles.length)
  )
    return why("more articles");
  const events = restoreEvents(kb, kept.events);
  if (events) return why(`other events (${events})`);
  const facts = restoreFacts(kb, kept.facts);
  if (facts) return why(`other tariff facts (${facts})`);
  const people = kept.people.map((p, i) => {
    const from = starts[i] as number;
    const ids = new Array<string>((starts[i + 1] as number) - from);
    for (let k = 0; k < ids.length; k++)
      ids[k] = (articles[places[from + k] as number] as Article).id;
    return { ...p, articles: ids };
  });
  restoreDirectory(kb, people, kept.quotes);
  return "kept";
}

/** The kept views, or why there are none to use. */
export function readKeptViews(cacheDir: string): ReadViews | string {
  let buf: Buffer;
  try {
    buf = readFileSync(join(cacheDir, FILE));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `${FILE} ${code === "ENOENT" ? "missing" : "unreadable"}: people, events and facts computed again`;
  }
  try {
    return decode(buf);
  } catch (e) {
    return `${FILE} corrupt (${(e as Error).message}): people, events and facts computed again`;
  }
}

/** `articles`: kb.articles() of the knowledge the views were computed over. */
export function writeKeptViews(
  cacheDir: string,
  kept: KeptViews,
  articles: readonly Article[],
): number {
  const bytes = encode(kept, articles);
  writeAtomic(join(cacheDir, FILE), bytes);
  return bytes.length;
}

type Column = Int32Array | Uint8Array;
const COLUMNS = [
  ["quotes.article", (k: ReadViews) => k.quotes.article],
  ["quotes.index", (k: ReadViews) => k.quotes.index],
  ["quotes.person", (k: ReadViews) => k.quotes.person],
  ["quotes.attributed", (k: ReadViews) => k.quotes.attributed],
  ["events.counts", (k: ReadViews) => k.events.counts],
  ["events.article", (k: ReadViews) => k.events.article],
  ["events.index", (k: ReadViews) => k.events.index],
  ["events.first", (k: ReadViews) => k.events.first],
  ["events.last", (k: ReadViews) => k.events.last],
  ["events.kind", (k: ReadViews) => k.events.kind],
  ["events.toTheDay", (k: ReadViews) => k.events.toTheDay],
  ["facts.article", (k: ReadViews) => k.facts.article],
  ["facts.index", (k: ReadViews) => k.facts.index],
  ["facts.sector", (k: ReadViews) => k.facts.sector],
  ["facts.basis", (k: ReadViews) => k.facts.basis],
  ["facts.flags", (k: ReadViews) => k.facts.flags],
  ["people.starts", (k: ReadViews) => k.personArticles.starts],
  ["people.articles", (k: ReadViews) => k.personArticles.articles],
] as const;

/** Raised when the file's layout changes while FORMAT (the shards') does not. */
const LAYOUT = 4;
/** Columns of one byte a value; the others are of four. */
const BYTE_COLUMNS: ReadonlySet<string> = new Set([
  "quotes.attributed",
  "events.kind",
  "events.toTheDay",
  "facts.flags",
]);

function encode(kept: KeptViews, articles: readonly Article[]): Buffer {
  const place = new Map(articles.map((a, i) => [a.id, i]));
  const first = new Int32Array(kept.people.length + 1);
  const list: number[] = [];
  const people = kept.people.map(({ articles: ids, ...rest }, i) => {
    for (const id of ids) {
      const at = place.get(id);
      if (at === undefined) throw new Error(`${rest.name}'s article ${id} is not in the knowledge`);
      list.push(at);
    }
    first[i + 1] = list.length;
    return rest;
  });
  const read: ReadViews = {
    ...kept,
    people,
    personArticles: { starts: first, articles: Int32Array.from(list) },
  };
  const columns: Column[] = COLUMNS.map(([, get]) => get(read));
  const lengths = columns.map((c) => c.length);
  const header = Buffer.from(
    JSON.stringify({
      format: FORMAT,
      layout: LAYOUT,
      stamp: kept.stamp,
      people,
      eventKinds: kept.events.kinds,
      factNames: { sectors: kept.facts.sectors, bases: kept.facts.bases },
      lengths,
    }),
  );
  let at = align(MAGIC.length + 4 + header.length);
  const starts = columns.map((c) => {
    const start = at;
    at = align(at + c.byteLength);
    return start;
  });
  const out = Buffer.alloc(at + 4);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  columns.forEach((c, i) => {
    Buffer.from(c.buffer, c.byteOffset, c.byteLength).copy(out, starts[i]);
  });
  out.writeUInt32LE(crc32(out.subarray(0, at)), at);
  return out;
}

function decode(buf: Buffer): ReadViews {
  if (buf.length < MAGIC.length + 8 || buf.toString("latin1", 0, MAGIC.length) !== MAGIC)
    throw new Error("not a views file");
  if (crc32(buf.subarray(0, buf.length - 4)) !== buf.readUInt32LE(buf.length - 4))
    throw new Error("checksum mismatch");
  const length = buf.readUInt32LE(MAGIC.length);
  const h = JSON.parse(buf.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + length));
  if (h.format !== FORMAT) throw new Error(`format ${h.format}, expected ${FORMAT}`);
  if (h.layout !== LAYOUT) throw new Error(`layout ${h.layout ?? 1}, expected ${LAYOUT}`);
  if (typeof h.stamp?.extract !== "string" || typeof h.stamp?.articles !== "string")
    throw new Error("no stamp");
  if (!Array.isArray(h.people)) throw new Error("no people");
  const { sectors, bases } = h.factNames ?? {};
  if (!isStrings(sectors) || !isStrings(bases)) throw new Error("no fact sectors or bases");
  const kinds = h.eventKinds;
  if (!isStrings(kinds) || !kinds.every((k) => (EVENT_KINDS as readonly string[]).includes(k)))
    throw new Error("no event kinds");
  const lengths = h.lengths as number[];
  if (!Array.isArray(lengths) || lengths.length !== COLUMNS.length)
    throw new Error("no column lengths");
  let at = align(MAGIC.length + 4 + length);
  const columns = COLUMNS.map(([name], i) => {
    const n = lengths[i] as number;
    const bytes = BYTE_COLUMNS.has(name) ? 1 : 4;
    if (!Number.isInteger(n) || n < 0 || at + n * bytes > buf.length - 4)
      throw new Error(`bad column ${name}`);
    // A copy: aligned, and not a view keeping the file's buffer alive.
    const copy = buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n * bytes);
    at = align(at + n * bytes);
    return bytes === 1 ? new Uint8Array(copy) : new Int32Array(copy);
  });
  if (at + 4 !== buf.length) throw new Error("truncated or padded file");
  // In COLUMNS order; every one is there (lengths has one per column).
  const int = (i: number) => columns[i] as Int32Array;
  const [article, index, person] = [int(0), int(1), int(2)];
  const attributed = columns[3] as Uint8Array;
  const [counts, mentionArticle, mentionIndex, first, last] = [4, 5, 6, 7, 8].map(int);
  const [kind, toTheDay] = [9, 10].map((i) => columns[i] as Uint8Array);
  const [factArticle, factIndex, factSector, factBasis] = [11, 12, 13, 14].map(int);
  const factFlags = columns[15] as Uint8Array;
  const [starts, places] = [16, 17].map(int);
  const n = article.length;
  if (index.length !== n || person.length !== n || attributed.length !== n)
    throw new Error("quote columns differ in length");
  if (mentionArticle?.length !== mentionIndex?.length)
    throw new Error("mention columns differ in length");
  if (person.some((p) => p < -1 || p >= h.people.length))
    throw new Error("a quote's person is not in the list");
  if (article.some((a, i) => a < 0 || (i > 0 && a < (article[i - 1] as number))))
    throw new Error("quotes out of article order");
  const personArticles = { starts: starts as Int32Array, articles: places as Int32Array };
  if (
    personArticles.starts.length !== h.people.length + 1 ||
    personArticles.starts[0] !== 0 ||
    personArticles.starts.some((s, i) => i > 0 && s < (personArticles.starts[i - 1] as number)) ||
    personArticles.starts[h.people.length] !== personArticles.articles.length
  )
    throw new Error("people's article lists do not match the people");
  if (personArticles.articles.some((a) => a < 0))
    throw new Error("a person's article is not a place in the list");
  return {
    stamp: h.stamp,
    people: h.people,
    personArticles,
    quotes: { article, index, person, attributed },
    events: {
      counts: counts as Int32Array,
      article: mentionArticle as Int32Array,
      index: mentionIndex as Int32Array,
      first: first as Int32Array,
      last: last as Int32Array,
      kind: kind as Uint8Array,
      toTheDay: toTheDay as Uint8Array,
      kinds: kinds as EventKind[],
    },
    facts: {
      article: factArticle as Int32Array,
      index: factIndex as Int32Array,
      sector: factSector as Int32Array,
      basis: factBasis as Int32Array,
      flags: factFlags,
      sectors,
      bases,
    },
  };
}

function isStrings(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === "string");
}
