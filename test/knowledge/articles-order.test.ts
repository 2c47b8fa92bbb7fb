/**
 * After live changes the knowledge base places the changed articles in its newest-first list
 * instead of sorting every article again; the list must be exactly a fresh sort's.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/knowledge/article.ts";
import { KnowledgeBase } from "../../src/knowledge/base.ts";
import type { PubDate } from "../../src/knowledge/pubdate.ts";

/** Dates of every precision, overlapping ones included ("2024-03" holds "2024-03-09"). */
const DATES: PubDate[] = [
  { value: "2024", precision: "year" },
  { value: "2024-03", precision: "month" },
  { value: "2024-03-09", precision: "day" },
  { value: "2024-03-31", precision: "day" },
  { value: "2024-11", precision: "month" },
  { value: "2023-12-31", precision: "day" },
  { value: "2025", precision: "year" },
  { value: "2025-01-01", precision: "day" },
];

function article(id: string, published: PubDate): Article {
  return {
    id,
    headline: `Harbour levy ${id}`,
    outlet: "Coastal Ledger",
    published,
    body: "",
    file: `${id}.md`,
  };
}

let seed = 99;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
}

function ids(list: readonly Article[]): string[] {
  return list.map((a) => a.id);
}

/** `n` articles with random dates, by id. */
function seeded(prefix: string, n: number): Map<string, Article> {
  const byId = new Map<string, Article>();
  for (let i = 0; i < n; i++) {
    const a = article(`${prefix}-${i}`, DATES[random(DATES.length)] as PubDate);
    byId.set(a.id, a);
  }
  return byId;
}

/** Removes `id`, or puts it in with a random date, in both the knowledge base and `byId`. */
function change(kb: KnowledgeBase, byId: Map<string, Article>, id: string, remove: boolean): void {
  if (remove) {
    expect(kb.remove(id)).toBe(byId.delete(id));
    return;
  }
  const a = article(id, DATES[random(DATES.length)] as PubDate);
  byId.set(id, a);
  kb.upsert(a);
}

/** The list a knowledge base loaded with these articles gives: one full sort. */
function sortedAfresh(byId: Map<string, Article>): string[] {
  return ids(new KnowledgeBase([...byId.values()]).articles());
}

describe("articles() after live changes", () => {
  it("equals a fresh sort after each replacement, addition and removal, one at a time", () => {
    const byId = seeded("levy", 120);
    const kb = new KnowledgeBase([...byId.values()]);
    expect(ids(kb.articles())).toEqual(sortedAfresh(byId));
    for (let step = 0; step < 300; step++) {
      const remove = random(3) === 2;
      change(kb, byId, `levy-${random(160)}`, remove);
      expect(ids(kb.articles())).toEqual(sortedAfresh(byId));
    }
  });

  it("equals a fresh sort after a few or many changes between two reads", () => {
    const byId = seeded("duty", 200);
    const kb = new KnowledgeBase([...byId.values()]);
    const held = kb.articles();
    const before = ids(held);
    for (const changes of [1, 5, 64, 65, 150]) {
      for (let c = 0; c < changes; c++) {
        const id = `duty-${random(260)}`;
        change(kb, byId, id, random(4) === 0);
      }
      expect(ids(kb.articles())).toEqual(sortedAfresh(byId));
    }
    // A list handed out before the changes is not altered under its holder.
    expect(ids(held)).toEqual(before);
  });
});
