/**
 * Decides, for each quotation in a sentence, whether it is direct or partial and which speech cue
 * (if any) names its speaker:
 *   - a quotation that opens the sentence takes the tag right after it ("“…,” Carney said");
 *   - otherwise the last cue before it in the same stretch of text ("LeBlanc said that “…”",
 *     "“…,” he said, “…”", "Dawson said: “…”");
 *   - a fragment with no cue before it may take a closing "according to …";
 *   - a sentence made only of quotation carries the speaker over (decided in extract.ts).
 * A fragment used as a modifier ("a “national security” threat") is a scare quote: no speaker.
 */
import type { Entity } from "./coref.ts";
import type { Cue } from "./cues.ts";
import type { QuoteMark } from "./marks.ts";
import type { Token } from "./tokens.ts";
import { speechVerb } from "./verbs.ts";
import { FUNCTION_WORDS } from "./vocab.ts";

export interface ResolvedCue extends Cue {
  entity: Entity | null;
}

export interface QuoteDecision {
  /** Index of the quotation in the article's marks. */
  mark: number;
  kind: "direct" | "partial";
  speaker: Entity | null;
  /** The token index of the cue that settled it (for the citation), if any. */
  cue?: number;
  /** The sentence is nothing but quotation: the speaker carries over from its neighbours. */
  continues: boolean;
  /** Named by a tag right after it: a bare quotation just before may borrow it. */
  tagged: boolean;
}

const OPENERS = new Set(["and", "but", "so", "yet"]);

// Regexes with \p{…} are module constants: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which inside a function is compiled again on every call.
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** A fragment that runs straight into a noun ("“51st State” rhetoric") is a modifier, not speech. */
function isModifier(body: string, tokens: Token[], qi: number, mark: QuoteMark): boolean {
  if (body[mark.close - 2] === ",") return false;
  const next = tokens[qi + 1];
  return (
    !!next &&
    next.kind === "word" &&
    STARTS_LOWER.test(next.text) &&
    !FUNCTION_WORDS.has(next.lower) &&
    !speechVerb(next.lower)
  );
}

/** The cue whose tag sits right after the quotation at qi, if any. */
function tagAfter(tokens: Token[], qi: number, cues: ResolvedCue[]): ResolvedCue | undefined {
  let k = qi + 1;
  while (k < tokens.length && /^[,—–-]$/.test((tokens[k] as Token).text)) k++;
  return cues.find((c) =>
    c.from === "after" ? c.at === k : c.from === "before" && c.phrase?.first === k,
  );
}

/**
 * `colonSpeaker`: the sentence's subject when it is the only person the sentence names, for a
 * colon intro without a speech verb ("Okafor was blunter: “…”").
 */
export function decideQuotes(
  body: string,
  tokens: Token[],
  cues: ResolvedCue[],
  marks: QuoteMark[],
  colonSpeaker: Entity | null,
): QuoteDecision[] {
  const out: QuoteDecision[] = [];
  const bare = tokens.every((t) => t.kind !== "word");
  let prev = -1;
  tokens.forEach((t, qi) => {
    if (t.kind !== "quote" || t.quote === undefined) return;
    const mark = marks[t.quote] as QuoteMark;
    const lead = tokens.slice(prev + 1, qi);
    const leadCues = cues.filter((c) => c.at > prev && c.at < qi);
    const opens = prev < 0 && lead.every((w) => w.kind !== "word" || OPENERS.has(w.lower));
    const lastLead = lead.findLast((w) => w.kind !== "quote");
    // "X said, “…”" and the second half of "“…,” he said, “…”" are direct; "said that while …,
    // “there’s nothing planned”" is a fragment inside reported speech.
    const leadWords = lead.filter((w) => w.kind === "word");
    const shortTag = leadWords.length <= 5 && !leadWords.some((w) => w.lower === "that");
    const upper = STARTS_UPPER.test(body[mark.start] ?? "");
    const introduced =
      leadCues.length > 0 && lastLead?.text === "," && shortTag && (prev >= 0 || upper);
    const tag = opens ? tagAfter(tokens, qi, cues) : undefined;
    const endsClause =
      /[.?!]/.test(body[mark.end - 1] ?? "") ||
      body[mark.close - 2] === "," ||
      tokens[qi + 1]?.kind !== "word";
    const kind =
      (opens && (tag || endsClause)) || lastLead?.text === ":" || introduced ? "direct" : "partial";
    const decision: QuoteDecision = {
      mark: t.quote,
      kind,
      speaker: null,
      continues: false,
      tagged: false,
    };
    if (tag) {
      decision.speaker = tag.entity;
      decision.cue = tag.at;
      decision.tagged = true;
    } else if (leadCues.length) {
      const cue = leadCues[leadCues.length - 1] as ResolvedCue;
      if (!cue.passive && !(kind === "partial" && isModifier(body, tokens, qi, mark))) {
        decision.speaker = cue.entity;
        decision.cue = cue.at;
      }
    } else if (lastLead?.text === ":" && prev < 0 && colonSpeaker) {
      decision.speaker = colonSpeaker;
    } else if (bare) {
      decision.continues = true;
    } else {
      const according = cues.find(
        (c) => c.at > qi && c.from === "after" && tokens[c.at]?.lower === "according",
      );
      const between = according && cues.some((c) => c.at > qi && c.at < according.at);
      if (according && !between && !(kind === "partial" && isModifier(body, tokens, qi, mark))) {
        decision.speaker = according.entity;
        decision.cue = according.at;
      }
    }
    out.push(decision);
    prev = qi;
  });
  return out;
}
