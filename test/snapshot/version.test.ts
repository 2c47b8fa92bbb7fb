/**
 * The question-time search modules are left out of the index's version (a ranking change must
 * not rebuild every shard's index), which is only safe while nothing that builds, saves or
 * loads an index imports them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QUESTION_TIME_CODE } from "../../src/snapshot/version.ts";

const SRC = join(import.meta.dirname, "../../src");
/** Where questions enter the search: it may import them. */
const ENTRY = "search/index.ts";

function imports(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  return [...text.matchAll(/^import[^;]*?from "([^"]+)";/gms)].map((m) => {
    const spec = m[1] as string;
    if (!spec.startsWith(".")) return spec;
    return join(file, "..", spec).split("\\").join("/");
  });
}

describe("the index's version", () => {
  it("leaves out only modules that nothing building or loading an index imports", () => {
    const files = ["search", "snapshot"].flatMap((dir) =>
      readdirSync(join(SRC, dir))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `${dir}/${f}`),
    );
    for (const q of QUESTION_TIME_CODE) expect(files, q).toContain(q);
    const builders = files.filter((f) => f !== ENTRY && !QUESTION_TIME_CODE.includes(f));
    expect(builders).toContain("search/segment.ts");
    for (const f of builders) {
      const wrong = imports(f).filter((i) => QUESTION_TIME_CODE.includes(i));
      expect(wrong, f).toEqual([]);
    }
    // The check reads imports as written: the entry's own are found.
    expect(imports(ENTRY)).toEqual(expect.arrayContaining([...QUESTION_TIME_CODE]));
  });
});
