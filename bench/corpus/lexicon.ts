/**
 * Word lists for the synthetic corpus: the trade desk's own vocabulary (sectors, rates, titles,
 * speech verbs, dates) plus a Zipfian long tail of invented words, so the index has a realistic
 * vocabulary size. Every person and organization here is invented.
 */
import type { Rng } from "./random.ts";

/** Sectors as a reporter writes them: several spellings each, as the real copy does. */
export const SECTORS: readonly (readonly string[])[] = [
  ["steel", "Canadian steel", "steel products", "flat-rolled steel"],
  ["aluminum", "aluminium", "primary aluminum"],
  ["autos", "automobiles", "auto parts", "the automotive sector", "vehicles"],
  ["softwood lumber", "lumber", "timber"],
  ["dairy", "dairy products", "cheese and butter"],
  ["potash", "fertilizer"],
  ["copper", "copper cathode"],
  ["energy", "crude oil", "natural gas", "electricity exports"],
  ["canola", "canola oil", "canola seed"],
  ["seafood", "lobster", "snow crab"],
  ["pork", "beef", "cattle"],
  ["critical minerals", "nickel", "uranium"],
  ["pharmaceuticals", "generic drugs"],
  ["aerospace", "aircraft parts"],
];

export const FIRST_NAMES = (
  "Adaeze Bram Corinne Dariusz Elodie Fenwick Galina Hollis Ingrid Jovan Kestrel Leontyne Mirela Nolan " +
  "Orla Priya Quentin Rosalind Sefton Tamsin Ulrich Verity Wendell Xiomara Yusra Zoltan Anneliese Beatriz " +
  "Cormac Delphine Emrys Fiorella Gideon Halvard Ines Jarrah Kasimir Linnea Marisol Niamh Osric Perpetua"
).split(" ");

export const SURNAMES = (
  "Abernethy Blackwood Castellanos Drummond Eklund Fairweather Gravelle Holmquist Iwasaki Jablonski " +
  "Kettering Lindqvist Marchetti Northcott Okonkwo Pemberton Quaresma Radcliffe Strathearn Thibodeaux " +
  "Underhill Valderrama Whitlock Yarborough Zielinski Ashdown Beaulieu Corriveau Dunsmore Esterhazy " +
  "Faraday Gallowglass Hendricksen Inglethorp Juneau Kowalczyk Laframboise Montclair Nakashima Ostrowski"
).split(" ");

/** Titles with the organization folded in, as a first reference gives them. */
export const TITLES = [
  "Canada's trade minister",
  "the minister responsible for Canada-U.S. trade",
  "Finance Minister",
  "Industry Minister",
  "U.S. Commerce Secretary",
  "U.S. Trade Representative",
  "Canada's ambassador to the United States",
  "the U.S. ambassador to Canada",
  "chief economist at Northbridge Bank",
  "president of the Canadian Steelmakers Council",
  "head of the Lakeshore Auto Parts Association",
  "a trade lawyer at Whitcombe Carrow LLP",
  "Ontario's premier",
  "Alberta's energy minister",
  "president of the Forest Products Alliance",
  "national director of the United Metalworkers",
  "a senior fellow at the Meridian Policy Institute",
  "the White House press secretary",
];

export const SPEECH_VERBS = [
  "said",
  "told reporters",
  "warned",
  "argued",
  "added",
  "noted",
  "insisted",
  "said in a statement",
  "told the committee",
];

export const CITIES = [
  "Ottawa",
  "Washington",
  "Toronto",
  "Windsor",
  "Hamilton",
  "Calgary",
  "Vancouver",
  "Montreal",
  "Detroit",
  "Halifax",
  "Saskatoon",
  "Sault Ste. Marie",
];

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const MONTH_ABBR = [
  "Jan.",
  "Feb.",
  "March",
  "April",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];

export const OUTLETS = [
  "The Ledger",
  "Northern Wire",
  "Capital Dispatch",
  "Harbour Times",
  "Prairie Post",
  "Border Business Daily",
];

/** Common news words, most frequent first; the invented long tail follows them in Zipf rank. */
export const COMMON_WORDS = (
  "trade government officials week year talks deal market exports imports companies industry prices economy " +
  "workers jobs plan countries border federal policy negotiations billion million percent costs sector " +
  "producers province agreement minister president administration business supply demand growth report " +
  "analysts manufacturers investment measures review announcement decision response pressure relief " +
  "consumers households inflation rates bank forecast quarter figures data impact effect concerns risk " +
  "uncertainty shipments orders capacity plants mills layoffs union members contract rules standards " +
  "quota exemption retaliation countermeasures duties levies surtax remission compliance origin content " +
  "customs shipping rail ports trucks warehouse inventory retailers farmers growers ranchers processors " +
  "banks lenders credit loans support program funding package billion aid emergency fund relief measures " +
  "committee hearing testimony parliament congress senate house leaders premiers mayors officials staff " +
  "strategy approach priority issue question answer position stance signal message tone shift change " +
  "weeks months days hours morning afternoon evening statement interview conference briefing meeting " +
  "sources documents letter memo draft proposal framework timeline deadline extension pause delay"
).split(" ");

const ONSETS = [
  "b",
  "br",
  "c",
  "cl",
  "d",
  "dr",
  "f",
  "g",
  "gr",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "pl",
  "r",
  "s",
  "st",
  "t",
  "tr",
  "v",
  "w",
  "z",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
const CODAS = ["", "n", "r", "l", "s", "t", "nd", "rk", "st", "m"];

/** An invented word of two or three syllables: the long tail of names, places and jargon. */
export function inventWord(rng: Rng): string {
  const syllables = rng.int(2, 3);
  let w = "";
  for (let i = 0; i < syllables; i++)
    w += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : "");
  return w;
}
