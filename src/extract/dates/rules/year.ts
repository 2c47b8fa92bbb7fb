/**
 * Bare years: "isn't scheduled until 2026", "since 1993", "the 2026 review". chrono ignores a
 * year on its own. Money, percentages, fiscal years ("2025-26") and longer numbers are not years.
 */
import type { Finder } from "../types.ts";

const YEAR = /(?<![\d$€£#.,/-])\b(19\d\d|20\d\d)\b(?!\s*%|[.,/]\d|\s*[-–]\s*\d)/g;

export const years: Finder = (sentence) =>
  [...sentence.matchAll(YEAR)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    precision: "year" as const,
    rule: "year",
    direction: "none" as const,
    resolve: () => ({ value: m[1] as string }),
  }));
