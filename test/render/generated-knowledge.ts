/**
 * A large knowledge folder generated in a temp dir: many articles on invented people and
 * places, with the awkward parts real coverage has (ampersands and angle brackets, a pasted
 * `<!channel>`, a paragraph far over 3000 characters, month-only dates, URLs on some).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeArticle } from "../helpers/knowledge.ts";

const SECTORS = [
  "steel",
  "aluminum",
  "lumber",
  "dairy",
  "copper",
  "potash",
  "canola",
  "seafood",
  "autos",
  "trucks",
];
const PEOPLE = [
  ["Odile Fairweather", "trade minister"],
  ["Bram Kessington", "commerce undersecretary"],
  ["Ines Vandermeer", "industry critic"],
  ["Tobias Renwick", "mill owners' spokesperson"],
  ["Mirela Castellane", "port authority chair"],
];
const CITIES = ["Port Aldane", "Westbury", "Saint-Clair-du-Lac", "Northgate", "Harrowmere"];

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export function generateKnowledge(articles = 80): string {
  const dir = mkdtempSync(join(tmpdir(), "tariff-desk-slack-kb-"));
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  for (let i = 0; i < articles; i++) {
    const sector = pick(SECTORS);
    const [name, role] = pick(PEOPLE) as [string, string];
    const city = pick(CITIES);
    const rate = 5 + Math.floor(r() * 40);
    const month = 1 + (i % 12);
    const day = 1 + (i % 27);
    const published =
      i % 7 === 3
        ? `2024-${String(month).padStart(2, "0")}`
        : `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const paragraphs = [
      `${city} — Duties on ${sector} rose to ${rate} per cent on Monday, ${role} ${name} said, as talks on ${sector} & related goods stalled.`,
      `“We will not accept a ${rate}-per-cent tariff on ${sector},” ${name} told reporters in ${city}.`,
      `Exporters in ${city} said margins of <5 per cent> left little room, and ${12 + i} shipments of ${sector} were held at the border for a second week.`,
    ];
    if (i % 10 === 0)
      paragraphs.push(
        `A message pasted from a chat read: <!channel> ${sector} update & <https://example.org|click here>.`,
      );
    if (i % 25 === 1) {
      const long = Array.from(
        { length: 40 },
        (_, k) =>
          `Clause ${k + 1} of the ${sector} schedule sets a quota of ${1000 + k * 37} tonnes & a rate of ${rate + (k % 5)} per cent for shipments through ${city}.`,
      );
      paragraphs.push(long.join(" "));
    }
    const fm: Record<string, string> = {
      id: `gen-${String(i).padStart(3, "0")}-${sector}`,
      headline: JSON.stringify(
        `${sector[0]?.toUpperCase()}${sector.slice(1)} duties & the <${city}> talks, part ${i}`,
      ),
      outlet: JSON.stringify(i % 3 === 0 ? "Harbour & Hill Gazette" : "Prairie Ledger"),
      published: JSON.stringify(published),
    };
    if (i % 2 === 0)
      fm.url = JSON.stringify(`https://news.example.org/${sector}/${i}?ref=desk&x=1`);
    writeArticle(dir, `${fm.id}.md`, fm, paragraphs.join("\n\n"));
  }
  return dir;
}
