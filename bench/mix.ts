/**
 * The fixed question mix, one to three per kind the desk asks: a sector's status (and every
 * sector's, `/tariffs` alone), a person, "latest on", meetings (one naming two people), a typo,
 * a three-word phrase and a very common word. People are the two most quoted in the corpus
 * itself, so the mix fits the real knowledge and the synthetic archive alike.
 */
import type { KnowledgeBase } from "../src/knowledge/base.ts";
import { directory } from "../src/people/directory.ts";

export interface MixQuery {
  kind: string;
  text: string;
}

export function questionMix(kb: KnowledgeBase): MixQuery[] {
  const people = directory(kb)
    .people.filter((p) => p.kind === "person")
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name))
    .slice(0, 2);
  return [
    { kind: "sector", text: "steel" },
    { kind: "sector", text: "aluminum tariffs" },
    { kind: "sector", text: "tariffs" },
    ...people.map((p) => ({ kind: "person", text: `what did ${p.name} say` })),
    { kind: "latest", text: "what's the latest on lumber" },
    { kind: "latest", text: "latest on autos" },
    { kind: "meetings", text: "upcoming meetings" },
    { kind: "meetings", text: "when are the next talks" },
    { kind: "meetings", text: `when do ${people.map(surname).join(" and ")} meet` },
    { kind: "typo", text: "alumnium" },
    { kind: "typo", text: "retaliatoy tariffs on pork" },
    { kind: "phrase", text: "softwood lumber duties" },
    { kind: "common", text: "trade" },
  ];
}

function surname(p: { name: string }): string {
  return p.name.split(" ").at(-1) ?? p.name;
}
