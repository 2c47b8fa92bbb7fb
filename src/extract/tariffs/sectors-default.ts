/**
 * The built-in sector vocabulary: used when knowledge/sectors.yml is missing or has a mistake,
 * so a typo in the data file never takes tariff answers down. The shipped sectors.yml holds the
 * same list (a test keeps them equal), so editors start from it.
 */
import { makeVocabulary, type SectorVocabulary, vocabularySchema } from "./sectors.ts";

export const DEFAULT_SECTORS = {
  sectors: {
    steel: { name: "Steel", synonyms: ["steel"] },
    aluminum: { name: "Aluminum", synonyms: ["aluminum", "aluminium"] },
    autos: {
      name: "Autos",
      synonyms: ["autos", "auto", "automobile", "automotive", "car", "auto parts"],
    },
    lumber: {
      name: "Lumber and timber",
      synonyms: ["lumber", "softwood lumber", "softwood", "timber"],
    },
    copper: { name: "Copper", synonyms: ["copper"] },
    trucks: { name: "Trucks", synonyms: ["truck", "heavy-duty truck"] },
    furniture: {
      name: "Furniture and cabinets",
      synonyms: ["furniture", "cabinet", "kitchen cabinet", "vanity", "upholstered products"],
    },
    energy: { name: "Energy", synonyms: ["energy", "oil", "crude", "natural gas", "electricity"] },
    dairy: { name: "Dairy", synonyms: ["dairy", "milk", "cheese", "butter", "supply management"] },
    "non-cusma": {
      name: "Non-CUSMA-compliant goods",
      synonyms: ["non-CUSMA-compliant", "non-USMCA-compliant", "non-compliant goods"],
    },
    fentanyl: {
      name: "Fentanyl tariffs (economy-wide)",
      synonyms: ["fentanyl", "border security"],
      basis: "fentanyl / border emergency",
    },
    "counter-tariffs": {
      name: "Canada's counter-tariffs",
      synonyms: [
        "counter-tariff",
        "countertariff",
        "retaliatory tariff",
        "retaliatory duty",
        "retaliatory levy",
      ],
      imposedBy: "CA",
      basis: "counter-tariffs",
      measure: true,
    },
    "digital-services-tax": {
      name: "Digital services tax",
      synonyms: ["digital services tax", "DST"],
      imposedBy: "CA",
      measure: true,
    },
  },
} as const;

export const DEFAULT_VOCABULARY: SectorVocabulary = makeVocabulary(
  vocabularySchema.parse(DEFAULT_SECTORS),
);
