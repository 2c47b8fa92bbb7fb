/**
 * The index brought up to date in steps, as a paced load does it (src/snapshot/open.ts): a search
 * or a change arriving between steps never sees a year half attached, and the result is the
 * index a single refresh builds.
 */
import { describe, expect, it } from "vitest";
import { SyntheticCorpus, writeCorpus } from "../../bench/corpus/generate.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { PassageIndex } from "../../src/search/index.ts";
import { tempKnowledge } from "../helpers/knowledge.ts";

const corpus = SyntheticCorpus.create();
const QUERIES = ["steel", "lumber duties", "alumnium", "trade", corpus.people[0]?.name ?? "tariff"];
/** Small shards, so that a year is many shards and so many steps. */
const SHARDS = { shardTarget: 6 };

function folder(): string {
  const dir = tempKnowledge(false);
  writeCorpus(dir, 60, { perDay: 1 / 20 });
  return dir;
}

const hits = (index: PassageIndex) => QUERIES.map((q) => index.search(q, { limit: 20 }));

describe("refreshing the index in steps", () => {
  it("takes a step per shard, and a search between steps finds what one refresh finds", () => {
    const dir = folder();
    const whole = new PassageIndex(openKnowledge(dir), SHARDS);
    const kb = openKnowledge(dir);
    const stepped = new PassageIndex(kb, SHARDS);
    let steps = 0;
    while (!stepped.refreshStep() && steps < 4) steps++;
    expect(steps).toBe(4);
    // Mid-way: the search finishes the update first.
    expect(hits(stepped)).toEqual(hits(whole));
    expect(stepped.refreshStep()).toBe(true);
    expect(stepped.shardList().length).toBe(whole.shardList().length);
    expect(stepped.shardList().length).toBeGreaterThan(4);
  });

  it("lays a year out again when an article of it changes between steps", () => {
    const dir = folder();
    const kb = openKnowledge(dir);
    const stepped = new PassageIndex(kb, SHARDS);
    for (let i = 0; i < 3; i++) expect(stepped.refreshStep()).toBe(false);
    const newest = kb.articles()[0];
    if (!newest) throw new Error("no articles");
    kb.upsert({
      ...newest,
      body: `${newest.body}\n\nExporters in Quillfjord watched the border closely.`,
    });
    const oldest = kb.articles().at(-1);
    if (oldest) kb.remove(oldest.id);
    while (!stepped.refreshStep());
    const fresh = new PassageIndex(kb, SHARDS);
    expect(hits(stepped)).toEqual(hits(fresh));
    expect(stepped.search("Quillfjord").map((h) => h.articleId)).toEqual([newest.id]);
    expect(stepped.shardList().map((s) => s.key)).toEqual(fresh.shardList().map((s) => s.key));
  });
});
