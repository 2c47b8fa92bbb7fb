/**
 * The sector vocabulary: which words in an article (or a question) name a sector. It is data,
 * editable in knowledge/sectors.yml, so adding "critical minerals" needs no code. This file holds
 * the shape, the validation and the matching; the built-in list is in sectors-default.ts.
 */
import { z } from "zod";

export type Side = "US" | "CA";

export interface SectorEntry {
  key: string;
  /** Display name ("Steel", "Non-CUSMA-compliant goods"). */
  name: string;
  /** Words and phrases that name the sector, matched case-insensitively, singular or plural. */
  synonyms: string[];
  /** The side that always imposes it (Canada's counter-tariffs, the digital services tax). */
  imposedBy?: Side;
  /** The basis the sector's own name states (the fentanyl tariffs). */
  basis?: string;
  /** The name itself names a measure, so a sentence needs no tariff word to state a fact. */
  measure?: boolean;
}

export interface SectorVocabulary {
  sectors: SectorEntry[];
  /** Changes whenever the vocabulary does; per-article caches key on it. */
  fingerprint: string;
}

const entrySchema = z
  .object({
    name: z.string({ error: "name is required" }).trim().min(1, "name is empty"),
    synonyms: z
      .array(z.string().trim().min(1, "a synonym is empty"), { error: "synonyms must be a list" })
      .min(1, "synonyms needs at least one word"),
    imposedBy: z.enum(["US", "CA"], { error: 'imposedBy must be "US" or "CA"' }).optional(),
    basis: z.string().trim().min(1, "basis is empty").optional(),
    measure: z.boolean({ error: "measure must be true or false" }).optional(),
  })
  .strict();

export const vocabularySchema = z
  .object({
    sectors: z.record(
      z
        .string()
        .regex(
          /^[a-z0-9][a-z0-9-]*$/,
          "a sector key must be lower-case letters, digits and hyphens",
        ),
      entrySchema,
      {
        error: (issue) =>
          issue.code === "invalid_type"
            ? "sectors must be a mapping of sector key → entry"
            : undefined,
      },
    ),
  })
  .strict();

export function makeVocabulary(data: z.output<typeof vocabularySchema>): SectorVocabulary {
  const sectors = Object.entries(data.sectors).map(([key, e]) => ({ key, ...e }));
  return { sectors, fingerprint: fingerprintOf(JSON.stringify(sectors)) };
}

/** A short stable hash (FNV-1a) of the vocabulary's content. */
function fingerprintOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export interface SectorMention {
  sector: SectorEntry;
  start: number;
  end: number;
}

const matcherCache = new WeakMap<SectorVocabulary, RegExp>();
const ownerCache = new WeakMap<SectorVocabulary, Map<string, SectorEntry>>();

/** A synonym as a pattern: spaces and hyphens interchangeable, an optional plural ending. */
function synonymPattern(synonym: string): string {
  const words = synonym
    .trim()
    .split(/[\s\-‐‑–]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const last = words.pop() ?? "";
  const plural = /y$/i.test(last) ? `(?:${last}|${last.slice(0, -1)}ies)` : `${last}(?:s|es)?`;
  return [...words, plural].join("[\\s\\-‐‑–]+");
}

function foldSynonym(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s\-‐‑–]+/g, " ")
    .trim();
}

function matcher(vocab: SectorVocabulary): { re: RegExp; owners: Map<string, SectorEntry> } {
  let re = matcherCache.get(vocab);
  let owners = ownerCache.get(vocab);
  if (!re || !owners) {
    owners = new Map();
    const all: string[] = [];
    for (const s of vocab.sectors) {
      for (const syn of [...s.synonyms, s.name]) {
        const folded = foldSynonym(syn);
        if (!owners.has(folded)) owners.set(folded, s);
        all.push(syn);
      }
    }
    // Longest first, so "softwood lumber" wins over "lumber" and "non-CUSMA-compliant" over "CUSMA".
    const alternatives = [...new Set(all)].sort((a, b) => b.length - a.length).map(synonymPattern);
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu");
    matcherCache.set(vocab, re);
    ownerCache.set(vocab, owners);
  }
  return { re, owners };
}

/** The entry a matched phrase belongs to (plural and hyphen forms folded back). */
function ownerOf(owners: Map<string, SectorEntry>, phrase: string): SectorEntry | undefined {
  const folded = foldSynonym(phrase);
  return (
    owners.get(folded) ??
    owners.get(folded.replace(/ies$/, "y")) ??
    owners.get(folded.replace(/es$/, "")) ??
    owners.get(folded.replace(/s$/, ""))
  );
}

/** Every sector named in `text`, left to right, never overlapping. */
export function findSectorMentions(text: string, vocab: SectorVocabulary): SectorMention[] {
  const { re, owners } = matcher(vocab);
  const out: SectorMention[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const sector = ownerOf(owners, m[0]);
    if (sector) out.push({ sector, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The sector a user's words name exactly (key, display name or synonym), or undefined. */
export function resolveSector(words: string, vocab: SectorVocabulary): SectorEntry | undefined {
  const folded = foldSynonym(words);
  if (!folded) return undefined;
  const byKey = vocab.sectors.find((s) => s.key === folded.replace(/ /g, "-"));
  if (byKey) return byKey;
  const found = findSectorMentions(words.trim(), vocab);
  const only = found[0];
  return found.length === 1 && only && only.start === 0 && only.end === words.trim().length
    ? only.sector
    : undefined;
}

/** Every word used in any synonym, lower-cased (rate validation lets these stand between a tariff word and its rate). */
export function vocabularyWords(vocab: SectorVocabulary): Set<string> {
  const words = new Set<string>();
  for (const s of vocab.sectors)
    for (const syn of s.synonyms) for (const w of foldSynonym(syn).split(" ")) words.add(w);
  return words;
}
