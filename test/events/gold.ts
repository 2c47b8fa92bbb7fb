/** The fixture articles' gold file (test/fixtures/events/gold.yml), typed. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { PROJECT } from "../helpers/knowledge.ts";

export const FIXTURES = join(PROJECT, "test/fixtures/events");

export interface GoldExpression {
  text: string;
  value: string | null;
  endValue?: string;
}

export interface GoldEvent {
  date: string;
  endDate?: string;
  precision: "day" | "month" | "year";
  kind: string;
  participants: string[];
  place: string | null;
  articles: string[];
}

export interface Gold {
  expressions: Record<string, GoldExpression[]>;
  events: GoldEvent[];
}

export function gold(): Gold {
  return parse(readFileSync(join(FIXTURES, "gold.yml"), "utf8"), { schema: "core" }) as Gold;
}
