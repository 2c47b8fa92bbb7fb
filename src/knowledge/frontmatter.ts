/**
 * Front matter read without the YAML parser when it is in the plain form this project writes
 * (`formatArticle`: one `key: value` a line, each value a double-quoted string or an id or date
 * of letters, digits and hyphens). The YAML parser took 0.2 ms an article: 21 s of a cold start
 * at 100,000 articles, on the main thread while the workers waited (issue 9). Anything else
 * (block scalars, comments, single quotes, a repeated key, a value the core schema reads as a
 * number, boolean or null) goes to the YAML parser, so the result is always what it gives.
 */
import { parse as parseYaml } from "yaml";

/** The YAML front matter `source` holds, as the core schema reads it; throws on bad YAML. */
export function readFrontMatter(source: string): unknown {
  // YAML 1.2 core schema: "2025-09-05" stays a string instead of becoming a Date.
  return plainFrontMatter(source) ?? parseYaml(source, { schema: "core" });
}

const LINE = /^([A-Za-z][A-Za-z0-9_]*): (.*)$/;
/** Keys the core schema reads as a boolean or null. */
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/**
 * A double-quoted scalar that reads the same as a JSON string: printable characters (YAML
 * refuses the others, and a byte-order mark) and JSON's escapes, none of them a surrogate.
 */
const QUOTED =
  /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]|[\ud800-\udbff][\udc00-\udfff]|\\["\\/bfnrt]|\\u(?![dD][89a-fA-F])[0-9a-fA-F]{4})*"$/;
/** Letters and digits joined by hyphens: a string in the core schema, unless it is `1e-5`. */
const PLAIN = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;
const EXPONENT = /^[0-9]+e-[0-9]+$/;

/** The front matter when every line is in the plain form, else undefined. */
export function plainFrontMatter(source: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of source.split("\n")) {
    const m = LINE.exec(line);
    if (!m) return;
    const [, key, value] = m as unknown as [string, string, string];
    if (Object.hasOwn(out, key) || NOT_A_STRING.test(key)) return;
    if (QUOTED.test(value)) out[key] = JSON.parse(value);
    else if (PLAIN.test(value) && !EXPONENT.test(value)) out[key] = value;
    else return;
  }
  return out;
}
