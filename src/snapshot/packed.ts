/**
 * Values a restart left packed (compact.ts's Deferred: the quotes, the events' mentions and the
 * tariff facts, when the views that read them all were kept, views.ts), seeded so that the
 * knowledge base makes each when first asked for.
 */
import type { Article } from "../knowledge/article.ts";
import { type KnowledgeBase, Later } from "../knowledge/base.ts";
import type { Pace } from "../knowledge/pace.ts";
import { checkedCutter, cutterFor, readShardFile, type ShardBodies } from "./bodies.ts";
import { type Deferred, unpackValue } from "./compact.ts";
import type { StoredBodies } from "./format.ts";

/** Values of one key one shard file may give alone before the rest are read with its file. */
const ALONE = 2;

export class PackedValues {
  /** Per shard file, per key, the values it left packed. */
  private readonly groups = new Map<ShardBodies, Map<string, PackedGroup>>();

  constructor(private readonly kb: KnowledgeBase) {}

  /** Seeds `value`, body `index` of `shard`, as `key` of `article`. */
  seed(key: string, article: Article, value: Deferred, shard: ShardBodies, index: number): void {
    let byKey = this.groups.get(shard);
    if (!byKey) {
      byKey = new Map();
      this.groups.set(shard, byKey);
    }
    let group = byKey.get(key);
    if (!group) {
      group = { kb: this.kb, shard, entries: [], alone: 0 };
      byKey.set(key, group);
    }
    const entry = new PackedEntry(group, key, article, value, index);
    group.entries.push(entry);
    this.kb.seedPerArticleLater(key, article, entry);
  }

  /** Reads every value still packed, a shard file at a time, taking turns as `turns` says. */
  async readAll(turns: Pace): Promise<void> {
    for (const [shard, byKey] of this.groups) {
      if (turns.due()) await turns.turn();
      const stored = readShardFile(shard);
      for (const group of byKey.values()) settle(group, stored);
    }
    this.groups.clear();
  }
}

/** The values of one key one shard file left packed. */
interface PackedGroup {
  kb: KnowledgeBase;
  shard: ShardBodies;
  /** Those not yet read with the file (some may have been made alone). */
  entries: PackedEntry[];
  /** How many were made alone. */
  alone: number;
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

  /**
   * The first few of a shard's values of a key are made from their own article's body: a sector's
   * board shows 16 tariff facts from many shards, and reading each of their files whole made the
   * first board after a restart take 144–364 ms at 100,000 articles (issue 9). Past that, a
   * question that reads many (the quotes' folded words for "who said") reads the file once, and
   * every other value of the key with it.
   */
  make(): unknown {
    const group = this.group;
    if (group.alone < ALONE || group.entries.length <= 1) {
      group.alone++;
      return unpackValue(this.value, cutterFor(this.article));
    }
    const stored = readShardFile(group.shard);
    const cutter = stored ? checkedCutter(stored, this.index) : null;
    settle(group, stored, this);
    return unpackValue(this.value, cutter ?? cutterFor(this.article));
  }
}

/**
 * Makes every value of `group` still waiting (but `except`) from the shard file as read, their
 * sentences cut from its bytes as on load. A body that fails its check, or a file that is no
 * longer the one loaded (null), leaves its values to be read alone when asked for (cutterFor).
 */
function settle(group: PackedGroup, stored: StoredBodies | null, except?: PackedEntry): void {
  const { kb } = group;
  for (const e of group.entries.splice(0)) {
    if (e === except) continue;
    const cutter = stored ? checkedCutter(stored, e.index) : null;
    if (cutter && kb.get(e.article.id) === e.article)
      kb.settleLater(e.key, e.article, () => unpackValue(e.value, cutter));
  }
}
