/** Test helper for the snapshot: opening a folder and keeping what the load logs. */
import { type CacheOptions, openKnowledgeCached } from "../../src/snapshot/open.ts";

/** Opens `dir` with its snapshot, every line the load logs kept in `logged`. */
export async function openLogged(dir: string, options: Omit<CacheOptions, "log">) {
  const logged: string[] = [];
  const cached = await openKnowledgeCached(dir, { ...options, log: (m) => logged.push(m) });
  return { ...cached, logged };
}
