/**
 * Values a restart left packed (compact.ts's Deferred: the quotes, when the views that read them
 * all were kept, views.ts), seeded so that the knowledge base makes each when first asked for.
 */
import type { Article } from "../knowledge/article.ts";
import { type KnowledgeBase, Later } from "../knowledge/base.ts";
import type { Pace } from "../knowledge/pace.ts";
import { checkedCutter, cutterFor, readShardFile, type ShardBodies } from "./bodies.ts";
import { type Cutter, type Deferred, unpackValue } from "./compact.ts";

export class PackedValues {
  private readonly groups = new Map<ShardBodies, PackedGroup>();

  constructor(private readonly kb: KnowledgeBase) {}

  /** Seeds `value`, body `index` of `shard`, as `key` of `article`. */
  seed(key: string, article: Article, value: Deferred, shard: ShardBodies, index: number): void {
    let group = this.groups.get(shard);
    if (!group) {
      group = { kb: this.kb, shard, entries: [] };
      this.groups.set(shard, group);
    }
    const entry = new PackedEntry(group, key, article, value, index);
    group.entries.push(entry);
    this.kb.seedPerArticleLater(key, article, entry);
  }

  /** Reads every value still packed, a shard file at a time, taking turns as `turns` says. */
  async readAll(turns: Pace): Promise<void> {
    for (const group of this.groups.values()) {
      if (turns.due()) await turns.turn();
      const first = group.entries[0];
      if (first) this.kb.makeLater(first.key, first.article);
    }
    this.groups.clear();
  }
}

/** The values one shard file left packed, until the first of them is needed. */
interface PackedGroup {
  kb: KnowledgeBase;
  shard: ShardBodies;
  entries: PackedEntry[];
}

/** One value left packed: what the knowledge base holds until it is asked for, and makes it then. */
class PackedEntry extends Later {
  constructor(
    readonly group: PackedGroup,
    readonly key: string,
    readonly article: Article,
    readonly value: Deferred,
    readonly index: number,
  ) {
    super();
  }

  make(): unknown {
    return readPacked(this);
  }
}

/**
 * A value left packed, read when first needed, and with it every other value its shard left
 * packed: the shard file is read once and their sentences cut from its bytes, as on load. The
 * first live change after a restart needs every article's quotes to build the people directory
 * again: 5.1 s at 100,000 articles this way, 5.6 s reading each article's body on its own. A
 * body that fails its check is read on its own (cutterFor).
 */
function readPacked(entry: PackedEntry): unknown {
  const { kb, shard } = entry.group;
  const entries = entry.group.entries.splice(0);
  const stored = entries.length > 1 ? readShardFile(shard) : null;
  let mine: Cutter | null = null;
  for (const e of entries) {
    const cutter = stored ? checkedCutter(stored, e.index) : null;
    if (!cutter) continue;
    if (e === entry) mine = cutter;
    else if (kb.get(e.article.id) === e.article)
      kb.settleLater(e.key, e.article, () => unpackValue(e.value, cutter));
  }
  return unpackValue(entry.value, mine ?? cutterFor(entry.article));
}
