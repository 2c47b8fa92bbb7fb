/**
 * The corpus-wide term table shared by every shard: one id per term, the document frequencies
 * and field lengths BM25 needs (summed over all shards, so a passage scores the same whichever
 * shard holds it), and MiniSearch's radix tree of live terms for typo and prefix lookups.
 */
import SearchableMap from "minisearch/SearchableMap";

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** Passages whose text holds the term. */
  readonly textDf: number[] = [];
  /**
   * Passages whose article's headline holds the term: the headline is scored as a field of every
   * sentence, as the MiniSearch engine before it did, so it counts once per sentence.
   */
  readonly headlineDf: number[] = [];
  private readonly live = new SearchableMap<number>();
  passages = 0;
  textLength = 0;
  /** Sum over passages of their headline's length. */
  headlineLength = 0;

  /**
   * Numbers `terms` 0, 1, 2… as a snapshot's vocabulary did, so that the directories saved with
   * its shards hold this vocabulary's ids. Only before any term is known.
   */
  seed(terms: readonly string[]): void {
    if (this.terms.length > 0) throw new Error("a vocabulary is seeded only while empty");
    for (const term of terms) this.intern(term);
    if (this.terms.length !== terms.length) throw new Error("a seeded vocabulary repeats a term");
  }

  /** The term's id, assigning one to a term never seen. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.textDf.push(0);
      this.headlineDf.push(0);
    }
    return id;
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** Whether any passage or headline in service holds the term. */
  has(term: string): boolean {
    const id = this.ids.get(term);
    return id !== undefined && this.isLive(id);
  }

  private isLive(id: number): boolean {
    return (this.textDf[id] as number) > 0 || (this.headlineDf[id] as number) > 0;
  }

  /** Adds (or with a negative delta removes) document frequency, keeping the radix tree to live terms. */
  adjust(id: number, text: number, headline: number): void {
    const was = this.isLive(id);
    this.textDf[id] = (this.textDf[id] as number) + text;
    this.headlineDf[id] = (this.headlineDf[id] as number) + headline;
    const is = this.isLive(id);
    if (is && !was) this.live.set(this.terms[id] as string, id);
    else if (was && !is) this.live.delete(this.terms[id] as string);
  }

  /** Live terms that start with `prefix`, the prefix itself excluded. */
  completions(prefix: string): string[] {
    const out: string[] = [];
    for (const term of this.live.atPrefix(prefix).keys()) if (term !== prefix) out.push(term);
    return out;
  }

  /** Live terms within `distance` edits of `term`, with their distance; the term itself excluded. */
  neighbours(term: string, distance: number): [string, number][] {
    const out: [string, number][] = [];
    for (const [t, [, d]] of this.live.fuzzyGet(term, distance)) if (d > 0) out.push([t, d]);
    return out;
  }
}
