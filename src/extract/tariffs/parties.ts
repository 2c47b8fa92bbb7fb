/**
 * Who imposes a tariff and on whom. The desk covers one border, so a tariff is either the U.S.'s
 * on Canada or Canada's on the U.S.; the sentence decides which: a retaliatory or counter-tariff
 * is Canada's, "on U.S. steel" / "on American energy" is Canada's, "on Canadian lumber" the U.S.'s,
 * "Canadian dairy tariffs" / "Canada's retaliatory duties" Canada's. With no sign, the U.S.'s.
 * Sentences about other countries' tariffs (Britain's, Mexico's on China) are not this desk's.
 */
import type { Anchor } from "./anchors.ts";
import type { Side } from "./sectors.ts";

const ON_US =
  /^[^.;,]{0,40}?\bon\s+(?:the\s+)?(?:U\.S\.|US|American|America|the United States|United States)(?![\w])/;
const ON_CANADA = /^[^.;,]{0,40}?\bon\s+(?:the\s+)?(?:[\w-]+\s+)?(?:Canadian|Canada)\b/;
const CA_OWNER = /\b(?:Canada|Ottawa|Canadian)(?:['’]s)?\s+(?:[\w-]+\s+){0,2}$/;
const US_OWNER =
  /\b(?:U\.S\.|American|Washington['’]s|Trump['’]s|United States['’])(?:-imposed)?\s+(?:[\w-]+\s+){0,2}$/;

/** The side imposing the tariff an anchor names. */
export function imposerOf(text: string, anchor: Anchor): Side {
  if (anchor.counter) return "CA";
  const after = text.slice(anchor.end);
  if (ON_US.test(after)) return "CA";
  if (ON_CANADA.test(after)) return "US";
  const before = text.slice(Math.max(0, anchor.start - 40), anchor.start);
  if (US_OWNER.test(before)) return "US";
  if (CA_OWNER.test(before)) return "CA";
  return "US";
}

const OTHER_COUNTRIES =
  /\b(?:Mexic\w*|China|Chinese|Japan\w*|Britain|British|U\.K\.|United Kingdom|European|Europe|EU|India|Indian|Brazil\w*|Korea\w*|German\w*|France|Ital\w*|Vietnam\w*|Australia\w*|Swiss|Switzerland|Taiwan\w*|Turk\w*)\b/;
const CANADA = /\b(?:Canad\w*|Ottawa)\b/i;

/** A sentence about another country's tariffs, with Canada not named at all. */
export function aboutOtherCountries(text: string): boolean {
  return OTHER_COUNTRIES.test(text) && !CANADA.test(text);
}
