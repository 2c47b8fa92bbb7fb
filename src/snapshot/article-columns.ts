/**
 * A shard's articles in its header as columns, not one JSON object each (issue 9). As objects,
 * parsing the front matter, content hashes and stats of 100,000 articles took 0.3–0.8 s of a
 * restart, interning their outlets and authors 0.24 s more, and left five objects per article
 * for the collector to copy. As columns the strings parse in about a fifth of the time, the
 * outlets, authors and publication dates are written once per shard, an id equal to the index's
 * id at the same place is not written again, and the stats are a typed section.
 */
import type { PubDate } from "../knowledge/pubdate.ts";
import { type FileStat, sameStatAt } from "./folder.ts";
import type { ArticleMeta, ShardArticle } from "./format.ts";

/** The fields with a column of their own; any other front-matter field is in `rest`. */
const OWN = new Set(["id", "headline", "outlet", "author", "published"]);

/** The columns as they stand in the header's JSON. */
export interface ColumnsJson {
  hash: string[];
  file: string[];
  /** 0 when the id is the index's id at the same place (the segment's ids). */
  id: (string | 0)[];
  headline: string[];
  /** Index into `names`. */
  outlet: number[];
  /** Index into `names`, -1 for none. */
  author: number[];
  /** Index into `dates`. */
  published: number[];
  names: string[];
  dates: PubDate[];
  /** The other front-matter fields (time, url, dateNote, note) in their order, 0 for none. */
  rest: (0 | Record<string, unknown>)[];
}

/** The header's columns, and the stats as a section (four numbers per article, NaN for none). */
export function articleColumns(
  articles: readonly ShardArticle[],
  ids: readonly string[],
): { json: ColumnsJson; stat: Float64Array } {
  const names = new Map<string, number>();
  const dates = new Map<string, number>();
  const json: ColumnsJson = {
    hash: [],
    file: [],
    id: [],
    headline: [],
    outlet: [],
    author: [],
    published: [],
    names: [],
    dates: [],
    rest: [],
  };
  const stat = new Float64Array(articles.length * 4).fill(Number.NaN);
  articles.forEach(({ hash, file, meta, stat: s }, i) => {
    json.hash.push(hash);
    json.file.push(file);
    json.id.push(meta.id === ids[i] ? 0 : meta.id);
    json.headline.push(meta.headline);
    json.outlet.push(numbered(names, meta.outlet));
    json.author.push(meta.author === undefined ? -1 : numbered(names, meta.author));
    const { value, precision } = meta.published;
    const before = dates.size;
    json.published.push(numbered(dates, `${value}\t${precision}`));
    if (dates.size > before) json.dates.push({ value, precision });
    const rest: Record<string, unknown> = {};
    let any = false;
    for (const [k, v] of Object.entries(meta))
      if (!OWN.has(k) && v !== undefined) {
        rest[k] = v;
        any = true;
      }
    json.rest.push(any ? rest : 0);
    if (s) stat.set(s, i * 4);
  });
  json.names = [...names.keys()];
  return { json, stat };
}

/** The number `key` has in `numbers`, a new one (the next) when it has none yet. */
function numbered(numbers: Map<string, number>, key: string): number {
  const n = numbers.get(key);
  if (n !== undefined) return n;
  numbers.set(key, numbers.size);
  return numbers.size - 1;
}

/** A shard's articles as read: hashes and files as lists, the front matter made when asked for. */
export class ArticleTable {
  private constructor(
    readonly hash: readonly string[],
    readonly file: readonly string[],
    private readonly c: ColumnsJson,
    private readonly ids: readonly string[],
    private readonly stats: Float64Array,
  ) {}

  /**
   * Checks the columns' shapes; throws an Error naming what is wrong. `stat` may be a view on a
   * buffer that is reused: the table keeps its own copy.
   */
  static read(json: unknown, ids: readonly string[], stat: Float64Array): ArticleTable {
    const c = json as ColumnsJson;
    if (typeof c !== "object" || c === null) throw new Error("no article columns");
    const n = Array.isArray(c.hash) ? c.hash.length : -1;
    if (n !== ids.length) throw new Error("article columns do not match the index");
    for (const k of ["file", "id", "headline", "outlet", "author", "published", "rest"] as const)
      if (!Array.isArray(c[k]) || c[k].length !== n) throw new Error(`article column ${k} damaged`);
    if (!Array.isArray(c.names) || !Array.isArray(c.dates))
      throw new Error("article columns' tables missing");
    if (stat.length !== n * 4) throw new Error("article stats do not match the articles");
    const inRange = (list: number[], size: number, none: boolean) =>
      list.every((x) => Number.isInteger(x) && x < size && (x >= 0 || (none && x === -1)));
    if (
      !inRange(c.outlet, c.names.length, false) ||
      !inRange(c.author, c.names.length, true) ||
      !inRange(c.published, c.dates.length, false)
    )
      throw new Error("article columns point outside their tables");
    return new ArticleTable(c.hash, c.file, c, ids, stat.slice());
  }

  get length(): number {
    return this.hash.length;
  }

  /** Article i's front matter, a new object each call, its fields in the order a parse gives. */
  meta(i: number): ArticleMeta {
    const c = this.c;
    const given = c.id[i];
    const id = given === 0 ? (this.ids[i] as string) : (given as string);
    const headline = c.headline[i] as string;
    const outlet = c.names[c.outlet[i] as number] as string;
    const published = c.dates[c.published[i] as number] as PubDate;
    const author = c.author[i] as number;
    // One literal each way, so the fields sit in the object itself.
    const meta: ArticleMeta =
      author >= 0
        ? { id, headline, outlet, author: c.names[author] as string, published }
        : { id, headline, outlet, published };
    const rest = c.rest[i];
    if (rest) Object.assign(meta, rest);
    return meta;
  }

  /** Whether article i was recorded with exactly this stat (never when either is missing). */
  sameStat(i: number, s: FileStat | null): boolean {
    return sameStatAt(this.stats, i * 4, s);
  }

  /** One string for equal outlets, authors and dates across shards (`intern`: store.ts). */
  intern(intern: (s: string) => string): void {
    const { names, dates } = this.c;
    for (let k = 0; k < names.length; k++) names[k] = intern(names[k] as string);
    for (const d of dates) d.value = intern(d.value);
  }
}
