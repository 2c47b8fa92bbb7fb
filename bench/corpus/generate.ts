/**
 * The synthetic archive: `count` knowledge files in the project's format, the same bytes for
 * the same seed. Article 0 is the newest; about thirty articles a day go back in time from the
 * end date, as a busy desk's archive does, so 100,000 articles span about nine years.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  COMMON_WORDS,
  FIRST_NAMES,
  inventWord,
  OUTLETS,
  SECTORS,
  SURNAMES,
  TITLES,
} from "./lexicon.ts";
import { Rng, Zipf } from "./random.ts";
import {
  CURLY,
  meetingSentence,
  type Person,
  quoteSentence,
  rateSentence,
  STRAIGHT,
  type Style,
} from "./sentences.ts";

export interface CorpusOptions {
  seed?: number;
  /** The newest article's date (YYYY-MM-DD). */
  end?: string;
  perDay?: number;
}

const FUNCTION_WORDS =
  "the of and to in for on with that as by from at is was has would could their its a an".split(
    " ",
  );
const LONG_TAIL = 30_000;
const PEOPLE = 240;

export class SyntheticCorpus {
  readonly people: Person[];
  private readonly words: string[];
  private readonly wordRank: Zipf;
  private readonly personRank = new Zipf(PEOPLE, 1.1);
  private readonly sectorRank = new Zipf(SECTORS.length, 0.9);
  private readonly endMs: number;

  constructor(private readonly options: Required<CorpusOptions>) {
    const rng = new Rng(options.seed ^ 0x5bd1e995);
    const tail = new Set<string>();
    while (tail.size < LONG_TAIL) tail.add(inventWord(rng));
    this.words = [...COMMON_WORDS, ...tail];
    this.wordRank = new Zipf(this.words.length, 1.05, 20);
    this.people = [];
    const names = new Set<string>();
    while (this.people.length < PEOPLE) {
      const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
      if (names.has(name)) continue;
      names.add(name);
      this.people.push({ name, title: rng.pick(TITLES) });
    }
    this.endMs = Date.parse(`${options.end}T00:00:00Z`);
  }

  static create(options: CorpusOptions = {}): SyntheticCorpus {
    return new SyntheticCorpus({
      seed: options.seed ?? 20261121,
      end: options.end ?? "2026-11-20",
      perDay: options.perDay ?? 30,
    });
  }

  /** The file name and text of article `i` (0 = newest); depends only on the seed and `i`. */
  article(i: number): { file: string; text: string } {
    const rng = new Rng((this.options.seed * 2654435761 + i * 40503) >>> 0);
    const day = new Date(this.endMs - Math.floor(i / this.options.perDay) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const roll = rng.next();
    const published = roll < 0.01 ? day.slice(0, 4) : roll < 0.05 ? day.slice(0, 7) : day;
    const sector = SECTORS[this.sectorRank.sample(rng)] as readonly string[];
    const other = SECTORS[this.sectorRank.sample(rng)] as readonly string[];
    const outlet = rng.pick(OUTLETS);
    const style = OUTLETS.indexOf(outlet) % 2 ? CURLY : STRAIGHT;
    const body = this.body(rng, sector, other, style);
    const slug = `${sector[0]?.replace(/\W+/g, "-")}-${inventWord(rng)}`;
    const id = `${day}-${slug}-${i}`;
    const headline = this.headline(rng, sector[0] as string);
    const fm = [
      `id: ${id}`,
      `headline: ${JSON.stringify(headline)}`,
      `outlet: ${JSON.stringify(outlet)}`,
    ];
    if (rng.chance(0.7)) fm.push(`author: ${JSON.stringify(rng.pick(this.people).name)}`);
    fm.push(`published: "${published}"`);
    return { file: `${id}.md`, text: ["---", ...fm, "---", "", body, ""].join("\n") };
  }

  private headline(rng: Rng, sector: string): string {
    const s = sector.replace(/^\w/, (c) => c.toUpperCase());
    return rng.pick([
      `${s} tariffs loom over talks as ${rng.pick(["Ottawa", "Washington"])} weighs its options`,
      `Canada, U.S. resume talks on ${sector} duties`,
      `${s} producers brace for another round of tariffs`,
      `What the latest ${sector} levy means for the ${this.word(rng)} ${this.word(rng)}`,
      `Negotiators inch closer on ${sector} as deadline nears`,
    ]);
  }

  private body(
    rng: Rng,
    sector: readonly string[],
    other: readonly string[],
    style: Style,
  ): string {
    const target = rng.int(420, 700);
    const cast = [0, 1, 2].map(() => this.people[this.personRank.sample(rng)] as Person);
    const introduced = new Set<Person>();
    const paragraphs: string[] = [];
    let words = 0;
    while (words < target) {
      const para: string[] = [];
      for (let n = rng.int(2, 5); n > 0; n--) {
        const s = this.sentence(rng, rng.chance(0.75) ? sector : other, cast, introduced, style);
        words += s.split(" ").length;
        para.push(s);
      }
      paragraphs.push(para.join(" "));
    }
    return paragraphs.join("\n\n");
  }

  private sentence(
    rng: Rng,
    sector: readonly string[],
    cast: Person[],
    introduced: Set<Person>,
    style: Style,
  ): string {
    const name = rng.pick(sector);
    const roll = rng.next();
    if (roll < 0.15) return rateSentence(rng, name);
    if (roll < 0.35) {
      const person = rng.pick(cast);
      const first = !introduced.has(person);
      introduced.add(person);
      return quoteSentence(
        rng,
        person,
        this.clause(rng, name, 8, 18).replace(/\.$/, ""),
        style,
        first,
      );
    }
    if (roll < 0.45) {
      const a = rng.pick(cast);
      return meetingSentence(rng, a, cast.find((p) => p !== a) ?? a, name);
    }
    return this.clause(rng, name, 12, 28);
  }

  /** Connective prose: Zipfian content words between function words, now and then naming the sector. */
  private clause(rng: Rng, sector: string, min: number, max: number): string {
    const n = rng.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i % 2 === 1) out.push(rng.pick(FUNCTION_WORDS));
      else if (rng.chance(0.06)) out.push(sector);
      else if (rng.chance(0.04))
        out.push(rng.pick(["Canada", "the U.S.", "Ottawa", "Washington", "tariffs"]));
      else out.push(this.word(rng));
    }
    const s = out.join(" ");
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}${s.endsWith(".") ? "" : "."}`;
  }

  private word(rng: Rng): string {
    return this.words[this.wordRank.sample(rng)] as string;
  }
}

/** Writes articles 0..count-1 into `dir` (created if needed); returns the file names. */
export function writeCorpus(dir: string, count: number, options: CorpusOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const corpus = SyntheticCorpus.create(options);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const { file, text } = corpus.article(i);
    writeFileSync(join(dir, file), text);
    files.push(file);
  }
  return files;
}
