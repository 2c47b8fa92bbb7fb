/**
 * The legal basis a sentence names for a tariff. Only what the sentence itself says counts:
 * a sentence that gives steel's 50% rate without naming Section 232 yields a fact with no basis,
 * even when another article calls the steel tariffs Section 232 (the board shows both, each cited).
 */

export interface BasisMention {
  basis: string;
  start: number;
  end: number;
}

/** Canonical basis names and the words that state them. */
export const BASES: { basis: string; re: RegExp }[] = [
  { basis: "Section 232", re: /\bSection\s+232\b/gi },
  { basis: "Section 301", re: /\bSection\s+301\b/gi },
  {
    basis: "IEEPA emergency powers",
    re: /\bIEEPA\b|\bInternational Emergency Economic Powers\b/gi,
  },
  {
    basis: "anti-dumping and countervailing duties",
    re: /\banti-?dumping\b(?:\s+(?:and|or)\s+countervailing\b)?|\bcountervailing\b/gi,
  },
  { basis: "safeguard", re: /\bsafeguards?\b/gi },
  { basis: "national security", re: /\bnational[-\s]security\b/gi },
];

/** Every basis named in `text`, left to right. */
export function findBases(text: string): BasisMention[] {
  const out: BasisMention[] = [];
  for (const { basis, re } of BASES) {
    for (const m of text.matchAll(re))
      out.push({ basis, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
