import { decodeVlqSegment } from './decode-vlq.ts';

/**
 * An original position found in a source map.
 *
 * @example
 * ```ts
 * const position: OriginalPosition = { source: '../convex/messages.ts', line: 12, column: 9, name: null };
 * ```
 */
export interface OriginalPosition {
  readonly source: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly name: string | null;
}

interface RawSourceMap {
  readonly sources?: unknown;
  readonly names?: unknown;
  readonly mappings?: unknown;
  readonly sourceRoot?: unknown;
}

/**
 * A decoded source map (version 3, no index maps) that answers "where did generated
 * line:column come from". Segments are decoded once, then each lookup is a binary search.
 *
 * @example
 * ```ts
 * const map = SourceMapIndex.parse(sourceMapJson);
 * map.originalPosition(4, 11); // { source: '../convex/messages.ts', line: 12, column: 9, name: null }
 * ```
 */
export class SourceMapIndex {
  readonly #sources: readonly string[];
  readonly #names: readonly string[];
  /** Per generated line: flat [generatedColumn, source, line, column, name] quintuples. */
  readonly #lines: readonly Int32Array[];

  private constructor(sources: readonly string[], names: readonly string[], lines: readonly Int32Array[]) {
    this.#sources = sources;
    this.#names = names;
    this.#lines = lines;
  }

  /** Parses source map JSON text; throws on malformed input. */
  static parse(json: string): SourceMapIndex {
    const raw = JSON.parse(json) as RawSourceMap;
    const root = typeof raw.sourceRoot === 'string' && raw.sourceRoot !== '' ? raw.sourceRoot.replace(/\/?$/, '/') : '';
    const sources = Array.isArray(raw.sources) ? raw.sources.map((s) => `${root}${String(s)}`) : [];
    const names = Array.isArray(raw.names) ? raw.names.map((n) => String(n)) : [];
    const mappings = typeof raw.mappings === 'string' ? raw.mappings : '';
    const lines: Int32Array[] = [];
    const fields = [0, 0, 0, 0, 0];
    let source = 0;
    let line = 0;
    let column = 0;
    let name = 0;
    for (const lineText of mappings.split(';')) {
      const segments: number[] = [];
      let generatedColumn = 0;
      for (const segment of lineText.split(',')) {
        if (segment === '') continue;
        const count = decodeVlqSegment(segment, fields);
        generatedColumn += fields[0] ?? 0;
        if (count < 4) continue;
        source += fields[1] ?? 0;
        line += fields[2] ?? 0;
        column += fields[3] ?? 0;
        let nameIndex = -1;
        if (count >= 5) {
          name += fields[4] ?? 0;
          nameIndex = name;
        }
        segments.push(generatedColumn, source, line, column, nameIndex);
      }
      lines.push(Int32Array.from(segments));
    }
    return new SourceMapIndex(sources, names, lines);
  }

  /** Looks up a 1-based generated line and column (V8 stack positions). */
  originalPosition(line: number, column: number): OriginalPosition | null {
    const segments = this.#lines[line - 1];
    if (segments === undefined || segments.length === 0) return null;
    const target = column - 1;
    let low = 0;
    let high = segments.length / 5 - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((segments[mid * 5] ?? 0) <= target) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0) found = 0;
    const at = found * 5;
    const source = this.#sources[segments[at + 1] ?? -1];
    if (source === undefined) return null;
    const nameIndex = segments[at + 4] ?? -1;
    return {
      source,
      line: (segments[at + 2] ?? 0) + 1,
      column: (segments[at + 3] ?? 0) + 1,
      name: nameIndex >= 0 ? (this.#names[nameIndex] ?? null) : null,
    };
  }
}
