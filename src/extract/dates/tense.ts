/**
 * Which way a bare date phrase points: "will sit down … Tuesday" looks forward, "said Tuesday"
 * looks back. The nearest tense cue decides rather than the main verb, because a news sentence
 * often mixes tenses ("Poilievre asked Monday if Carney will announce … on Tuesday").
 */
import type { Direction } from "./types.ts";

const FUTURE =
  /\b(?:will|won['’]t|shall|would|going to|set to|scheduled|slated|planned|plans? to|planning to|expected to|expects? to|intends? to|upcoming|coming|preparing|prepares?|(?<!\b(?:was|were|been)\s)due(?!\s+to\b)|later|to (?:meet|visit|sit|travel|attend|host|hold|sign|begin|start))\b|['’]ll\b/gi;

const PAST =
  /\b(?:said|says|told|tells|asked|announced|met|held|signed|agreed|spoke|sent|called|confirmed|unveiled|imposed|raised|lifted|launched|took|made|gave|went|came|began|was|were|had|did|wrote|reported|added|noted|stated|released|published|hosted|visited|discussed|ended|opened|closed|decided|promised|threatened|warned|struck|approved|rejected|ruled|issued|introduced|posted|revealed|responded|declined|dropped|paused|hiked|arrived|left|travell?ed|attended|joined|labell?ed|ago|earlier|recently|previously|(?:has|have) (?:been|\w+ed))\b/gi;

interface Cue {
  start: number;
  end: number;
  direction: Direction;
}

function cues(sentence: string): Cue[] {
  const out: Cue[] = [];
  for (const [re, direction] of [
    [FUTURE, "future"],
    [PAST, "past"],
  ] as const) {
    for (const m of sentence.matchAll(re))
      out.push({ start: m.index, end: m.index + m[0].length, direction });
  }
  return out;
}

/**
 * The direction of the phrase at [start, end) of `sentence`: the nearest cue before it (English
 * puts the verb before its time: "will meet … on Dec. 2, officials said" looks forward), else
 * the nearest after it ("On Monday, Trump promised"), else "none".
 */
export function directionAt(sentence: string, start: number, end: number): Direction {
  let before: { gap: number; direction: Direction } | undefined;
  let after: { gap: number; direction: Direction } | undefined;
  for (const c of cues(sentence)) {
    if (c.start < end && c.end > start) continue; // a word of the phrase itself
    if (c.end <= start) {
      if (!before || start - c.end < before.gap)
        before = { gap: start - c.end, direction: c.direction };
    } else if (!after || c.start - end < after.gap) {
      after = { gap: c.start - end, direction: c.direction };
    }
  }
  return (before ?? after)?.direction ?? "none";
}
