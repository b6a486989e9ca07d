const MAX_DEPTH = 64;

/**
 * Live documents per table at one snapshot, as a persistent chain: each commit adds a small
 * delta on top of its parent, and every 64 commits the chain is flattened into a new base map.
 * So each published snapshot costs a few bytes instead of a copy of every count (the write log
 * keeps thousands of snapshots), and a lookup walks at most 64 links.
 *
 * @internal
 * @example
 * ```ts
 * const next = counts.with(new Map([[10001, +1]]));
 * next.get(10001);
 * ```
 */
export class TableCounts {
  readonly #base: ReadonlyMap<number, number> | null;
  readonly #parent: TableCounts | null;
  readonly #delta: ReadonlyMap<number, number> | null;
  readonly #depth: number;

  private constructor(
    base: ReadonlyMap<number, number> | null,
    link: { parent: TableCounts; delta: ReadonlyMap<number, number> } | null,
  ) {
    this.#base = base;
    this.#parent = link?.parent ?? null;
    this.#delta = link?.delta ?? null;
    this.#depth = link === null ? 0 : link.parent.#depth + 1;
  }

  static of(counts: ReadonlyMap<number, number>): TableCounts {
    return new TableCounts(new Map(counts), null);
  }

  get(tableNumber: number): number {
    if (this.#base !== null) return this.#base.get(tableNumber) ?? 0;
    let sum = this.#delta!.get(tableNumber) ?? 0;
    let node = this.#parent!;
    while (node.#base === null) {
      sum += node.#delta!.get(tableNumber) ?? 0;
      node = node.#parent!;
    }
    return sum + (node.#base.get(tableNumber) ?? 0);
  }

  /** The counts after applying `deltas`. */
  with(deltas: ReadonlyMap<number, number>): TableCounts {
    if (this.#depth + 1 < MAX_DEPTH) return new TableCounts(null, { parent: this, delta: deltas });
    const flat = new Map<number, number>();
    const chain: TableCounts[] = this.#base === null ? [this] : [];
    let node = this.#base === null ? this.#parent! : this;
    while (node.#base === null) {
      chain.push(node);
      node = node.#parent!;
    }
    for (const [table, n] of node.#base) flat.set(table, n);
    for (const link of chain.reverse())
      for (const [table, d] of link.#delta!) flat.set(table, (flat.get(table) ?? 0) + d);
    for (const [table, d] of deltas) flat.set(table, (flat.get(table) ?? 0) + d);
    return new TableCounts(flat, null);
  }
}
