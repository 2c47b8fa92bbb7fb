/**
 * Front matter read without the YAML parser when it is plain (src/knowledge/frontmatter.ts):
 * whatever the path, the result is what YAML's core schema gives, and the plain path is the one
 * taken for the files this project writes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SyntheticCorpus } from "../../bench/corpus/generate.ts";
import { formatArticle, parseArticle } from "../../src/knowledge/article.ts";
import { plainFrontMatter, readFrontMatter } from "../../src/knowledge/frontmatter.ts";
import { BUNDLED, PROJECT } from "../helpers/knowledge.ts";

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/** What the YAML parser gives, or the error it throws. */
function yaml(source: string): unknown {
  try {
    return parseYaml(source, { schema: "core" });
  } catch (e) {
    return e instanceof Error ? "error" : e;
  }
}

function read(source: string): unknown {
  try {
    return readFrontMatter(source);
  } catch (e) {
    return e instanceof Error ? "error" : e;
  }
}

const PLAIN = [
  'id: 2025-10-06-carney\nheadline: "Steel: what\'s next"\npublished: "2025-10"',
  "id: a-b\npublished: 2025-05",
  "published: 2025-05-06",
  'headline: "Tabs\\tand \\"quotes\\", a slash \\/ and \\\\ and \\u00e9 and é and 😀"',
  'outlet: "# not a comment"',
  'note: ""',
];

const NOT_PLAIN = [
  "id: 2025",
  "id: 1e-5",
  "id: 12e3",
  "id: 0x1f",
  "id: true",
  "id: null",
  "id: carney",
  "id: Carney-Visit",
  "id: -a-b",
  "true: a-b",
  "null: a-b",
  'headline: "a"\nheadline: "b"',
  "headline: 'single quoted'",
  "headline: plain words here",
  'headline: "a" # comment',
  "# comment\nid: a-b",
  'id: a-b\r\nheadline: "x"',
  "note: >-\n  folded\n  text",
  "id: a-b\n",
  "",
  'headline: "\\ud83d\\ude00"',
  'headline: "\\x41"',
  'headline: "a\ufeffb"',
  'headline: "tab\there"',
  'headline: "unclosed',
  "tags: [a, b]",
  "id:  a-b",
];

describe("front matter read without the YAML parser", () => {
  it("takes the plain path for plain lines, and gives exactly what YAML gives", () => {
    for (const source of PLAIN) {
      expect(plainFrontMatter(source), source).toBeDefined();
      expect(readFrontMatter(source), source).toStrictEqual(yaml(source));
    }
  });

  it("leaves anything else to the YAML parser, errors included", () => {
    for (const source of NOT_PLAIN) {
      expect(plainFrontMatter(source), source).toBeUndefined();
      expect(read(source), source).toStrictEqual(yaml(source));
    }
    expect(read('headline: "a"\nheadline: "b"')).toBe("error");
  });

  it("reads every bundled, fixture and synthetic file as YAML does, the written ones plainly", () => {
    const dirs = [
      BUNDLED,
      ...readdirSync(join(PROJECT, "test/fixtures")).map((d) => join(PROJECT, "test/fixtures", d)),
    ];
    const sources: string[] = [];
    for (const dir of dirs) {
      let files: string[];
      try {
        files = readdirSync(dir).filter((f) => f.endsWith(".md"));
      } catch {
        continue;
      }
      for (const f of files) {
        const m = FRONT_MATTER.exec(readFileSync(join(dir, f), "utf8"));
        if (m?.[1] !== undefined) sources.push(m[1]);
      }
    }
    expect(sources.length).toBeGreaterThan(20);
    const corpus = SyntheticCorpus.create();
    let written = 0;
    for (let i = 0; i < 300; i++) {
      const { file, text } = corpus.article(i);
      const source = FRONT_MATTER.exec(text)?.[1] as string;
      sources.push(source);
      // What the project writes (formatArticle) takes the plain path, and reads back the same.
      expect(plainFrontMatter(source), file).toBeDefined();
      const article = parseArticle(file, text).article;
      if (!article) throw new Error(`${file} does not parse`);
      const again = formatArticle(article);
      expect(plainFrontMatter(FRONT_MATTER.exec(again)?.[1] as string)).toBeDefined();
      expect(parseArticle(file, again).article).toEqual(article);
      written++;
    }
    expect(written).toBe(300);
    for (const source of sources) expect(read(source), source).toStrictEqual(yaml(source));
  });
});
