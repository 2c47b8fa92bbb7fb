/**
 * The inventory of verbs that introduce speech ("said", "told", "warned", "wrote", "called … “…”"),
 * with every inflection spelled out so matching is a plain lookup, plus the shape of each form:
 * a finite verb needs a subject before it (or after it, "said Hoekstra"), a participle borrows
 * the subject of its clause, and a passive form ("was described as") has no speaker to give.
 */

export type VerbForm = "finite" | "participle" | "past";

export interface VerbInfo {
  form: VerbForm;
  weak: boolean;
}

/** Irregular verbs: base, 3rd person, past, -ing. */
const IRREGULAR = [
  "say says said saying",
  "tell tells told telling",
  "write writes wrote writing written",
  "tweet tweets tweeted tweeting",
  "admit admits admitted admitting",
  "quip quips quipped quipping",
  "label labels labelled labelling labeled labeling",
  "refer refers referred referring",
  "reply replies replied replying",
  "deny denies denied denying",
  "testify testifies testified testifying",
  "dub dubs dubbed dubbing",
  "slam slams slammed slamming",
  "put puts put putting",
];

/** Regular verbs (base form); -s, -ed and -ing forms are derived. */
const REGULAR = `
  add note warn argue explain state declare insist ask respond remark comment conclude acknowledge
  concede emphasize emphasise stress suggest claim counter caution predict promise vow announce
  complain observe recall agree confirm describe call term express highlight underscore
  joke muse lament urge pledge estimate reiterate cite assert contend mention tout praise criticize
  criticise bill allege recount characterize characterise brand hail blast dismiss question
  point signal predict reveal boast concur echo stress decry
`;

/**
 * Forms that are often nouns ("phone calls", "his remarks"): they count as cues only when a
 * speaker stands right before them, and never hide an earlier cue when none does.
 */
const WEAK = new Set([
  "point",
  "points",
  "question",
  "questions",
  "call",
  "calls",
  "bill",
  "bills",
  "counter",
  "signal",
  "signals",
  "echo",
  "note",
  "notes",
  "brand",
  "hail",
  "state",
  "states",
  "cite",
  "comment",
  "comments",
  "claim",
  "claims",
  "promise",
  "promises",
  "pledge",
  "pledges",
  "estimate",
  "estimates",
  "remark",
  "remarks",
  "joke",
  "jokes",
  "vow",
  "vows",
  "put",
  "puts",
]);

function regularForms(base: string): string[] {
  const ing = base.endsWith("e") && !base.endsWith("ee") ? `${base.slice(0, -1)}ing` : `${base}ing`;
  const ed = base.endsWith("e") ? `${base}d` : `${base}ed`;
  const s = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [base, s, ed, ing];
}

function buildForms(): Map<string, VerbInfo> {
  const forms = new Map<string, VerbInfo>();
  const add = (word: string) => {
    const form: VerbForm = word.endsWith("ing")
      ? "participle"
      : /(ed|said|told|wrote|written|put)$/.test(word)
        ? "past"
        : "finite";
    forms.set(word, { form, weak: WEAK.has(word) });
  };
  for (const line of IRREGULAR) for (const w of line.split(" ")) add(w);
  for (const base of REGULAR.trim().split(/\s+/)) for (const w of regularForms(base)) add(w);
  return forms;
}

const FORMS = buildForms();

/** The form of a speech verb, or undefined when the word is not one. Verbs are lower case. */
export function speechVerb(word: string): VerbInfo | undefined {
  const c = word.charCodeAt(0); // asked of every word of every sentence: no regex
  return c >= 97 && c <= 122 ? FORMS.get(word) : undefined;
}

/** Auxiliaries that make the following past participle passive ("was described as"). */
export const PASSIVE_AUX = new Set([
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "when",
  "if",
  "as",
  "once",
]);
