/**
 * Recomputing the corpus-wide views after a live change (main.ts) happens in steps across turns
 * of the event loop, so a Slack request arriving meanwhile is handled between two steps, never
 * after a whole view; what it computes is what the synchronous accessors compute.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { ask } from "../../src/answer/router.ts";
import { eventsView } from "../../src/answer/views/events.ts";
import { quotesView } from "../../src/answer/views/quotes.ts";
import {
  ANSWER_VIEWS,
  answerViewsReady,
  readyToAnswer,
  warmAnswerViewsInTurns,
} from "../../src/answer/views/warm.ts";
import { currentEvents, knowledgeEvents } from "../../src/extract/events/index.ts";
import { boardOf } from "../../src/extract/tariffs/board.ts";
import { coverageFacts } from "../../src/extract/tariffs/coverage.ts";
import { tariffFacts } from "../../src/extract/tariffs/facts.ts";
import { sectorVocabulary } from "../../src/extract/tariffs/sectors-file.ts";
import type { Article } from "../../src/knowledge/article.ts";
import { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { allQuotes, directory } from "../../src/people/directory.ts";
import { BUNDLED } from "../helpers/knowledge.ts";
import { turnCounter } from "../helpers/turns.ts";

const NOW = new Date("2025-10-06T12:00:00Z");
const QUESTIONS = ["steel", "upcoming meetings", "what did Carney say", "who said reset"];

function answers(kb: KnowledgeBase): string[] {
  return QUESTIONS.map((q) => JSON.stringify(ask({ kb, now: NOW }, q)));
}

/** Every view as plain data: the lazily computed parts (event texts, folded quotes, timelines) read out. */
function views(kb: KnowledgeBase) {
  const ev = eventsView(kb);
  const qv = quotesView(kb);
  const d = directory(kb);
  return {
    facts: tariffFacts(kb),
    coverage: coverageFacts(kb),
    boards: sectorVocabulary(kb)
      .vocabulary.sectors.map((s) => boardOf(kb, s))
      .map((b) => ({
        sector: b.sector,
        current: b.current,
        timeline: b.timeline.slice(),
        rated: b.rated,
      })),
    events: knowledgeEvents(kb),
    // The directory makes a quote's record when asked: all of them, as data.
    directory: { people: d.people, problems: d.problems, quotes: allQuotes(d) },
    eventsView: { ...ev, events: ev.events.all(), said: ev.events.all().map((_, i) => ev.said(i)) },
    quotesView: {
      ...qv,
      directory: null,
      words: qv.words(),
      wordsInSteps: null,
      context: Array.from({ length: d.quoteCount }, (_, i) => qv.context(i)),
    },
  };
}

/** A knowledge base with `kb`'s articles and per-article extractions, and no view computed. */
function fresh(kb: KnowledgeBase): KnowledgeBase {
  const copy = new KnowledgeBase([...kb.articles()], [], kb.options);
  for (const a of kb.articles())
    for (const [key, value] of kb.perArticleValues(a)) copy.seedPerArticle(key, a, value);
  return copy;
}

function change(kb: KnowledgeBase, suffix: string): Article {
  const first = kb.articles()[0];
  if (!first) throw new Error("no article");
  const changed = { ...first, headline: `${first.headline} (${suffix})` };
  kb.upsert(changed);
  return changed;
}

describe("views recomputed after a change, bundled knowledge", () => {
  it("give the answers a fresh load gives", async () => {
    const kb = openKnowledge(BUNDLED);
    change(kb, "updated");
    expect(await warmAnswerViewsInTurns(kb)).toBe(true);
    const other = openKnowledge(BUNDLED);
    change(other, "updated");
    expect(answers(kb)).toEqual(answers(other));
  });

  it("stop when the knowledge changes again before they are done", async () => {
    const kb = openKnowledge(BUNDLED);
    const pending = warmAnswerViewsInTurns(kb);
    change(kb, "corrected");
    expect(await pending).toBe(false);
  });
});

describe("views recomputed after a change, 200 synthetic articles", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tariff-desk-warm-"));
    writeCorpus(dir, 200, { seed: 21 });
  });

  it("take several steps per view, each a turn with no budget, and equal the synchronous accessors'", async () => {
    const kb = openKnowledge(dir);
    change(kb, "edited");
    // Each view's steps on a copy, in the warming's order (so a view's inputs are ready).
    const counting = fresh(kb);
    const steps = ANSWER_VIEWS.map((view) => {
      const g = view(counting);
      let n = 1;
      while (!g.next().done) n++;
      return n;
    });
    console.log(`steps per view, 200 articles: ${steps.join(", ")}`);
    for (const n of steps) expect(n).toBeGreaterThan(1);
    const counter = turnCounter();
    expect(await warmAnswerViewsInTurns(kb, { budgetMs: 0 })).toBe(true);
    const turns = counter.stop();
    const total = steps.reduce((a, b) => a + b, 0);
    console.log(`turns with no budget: ${turns} for ${total} steps`);
    expect(turns).toBeGreaterThanOrEqual(total - ANSWER_VIEWS.length);
    expect(views(kb)).toEqual(views(fresh(kb)));
    // The warming's values are the ones kept: the answer layouts are built on them.
    expect(eventsView(kb).events).toBe(currentEvents(kb));
    expect(quotesView(kb).directory).toBe(directory(kb));
  });

  it("take a view a question computed meanwhile as it is", async () => {
    const kb = openKnowledge(dir);
    change(kb, "edited");
    const pending = warmAnswerViewsInTurns(kb, { budgetMs: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    const asked = directory(kb);
    expect(await pending).toBe(true);
    expect(directory(kb)).toBe(asked);
    expect(quotesView(kb).directory).toBe(asked);
  });

  it("stop mid-way when an article is removed, and keep nothing computed before it", async () => {
    const kb = openKnowledge(dir);
    change(kb, "edited");
    const pending = warmAnswerViewsInTurns(kb, { budgetMs: 0 });
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    const gone = kb.articles()[1] as Article;
    const before = fresh(kb);
    expect(allQuotes(directory(before)).some((q) => q.articleId === gone.id)).toBe(true);
    kb.remove(gone.id);
    expect(await pending).toBe(false);
    expect(views(kb)).toEqual(views(fresh(kb)));
    expect(allQuotes(directory(kb)).some((q) => q.articleId === gone.id)).toBe(false);
  });
});

describe("waiting for what a question reads (Slack's listeners), 200 synthetic articles", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tariff-desk-ready-"));
    writeCorpus(dir, 200, { seed: 22 });
  });

  it("compute the stale views in turns, and return at once when they are current", async () => {
    const kb = openKnowledge(dir);
    change(kb, "edited");
    const counter = turnCounter();
    // Two questions at once: both wait for the one warming.
    await Promise.all([
      answerViewsReady(kb, { budgetMs: 0 }),
      answerViewsReady(kb, { budgetMs: 0 }),
    ]);
    const turns = counter.stop();
    console.log(`turns while two questions waited for the views: ${turns}`);
    expect(turns).toBeGreaterThan(ANSWER_VIEWS.length);
    expect(views(kb)).toEqual(views(fresh(kb)));
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    await answerViewsReady(kb, { budgetMs: 0 });
    expect(turned).toBe(false);
  });

  it("fold every quote for “who said …” in turns the first time, and the answer is the one ask gives", async () => {
    const kb = openKnowledge(dir);
    const ctx = { kb, now: NOW };
    await answerViewsReady(kb);
    const question = "who said tariffs";
    const turnsFor = async (q: string) => {
      const counter = turnCounter();
      await readyToAnswer(ctx, q, { budgetMs: 0 });
      return counter.stop();
    };
    const first = await turnsFor(question);
    const again = await turnsFor(question);
    const other = await turnsFor("steel");
    console.log(`turns before “${question}”: ${first}, then ${again}; before “steel”: ${other}`);
    // 200 articles, 64 a step: four steps of folding, each after a turn.
    expect(first).toBeGreaterThanOrEqual(4);
    expect(again).toBeLessThan(first);
    expect(other).toBeLessThan(first);
    const answer = ask(ctx, question);
    expect(answer.intent).toBe("quotes");
    expect(answer).toEqual(ask({ kb: openKnowledge(dir), now: NOW }, question));
  });
});
