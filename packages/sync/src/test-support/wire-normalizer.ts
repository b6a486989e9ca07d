// Makes server frames comparable in snapshots: timestamps become <T1>, <T2>… in order of first
// appearance, and clock-dependent numbers become placeholders. Test-only.

/** Rewrites frames for inline snapshots; the same ts gets the same name across calls. */
export class WireNormalizer {
  readonly #names = new Map<string, string>();

  normalize(frames: readonly Record<string, unknown>[]): unknown[] {
    return frames.map((frame) => this.#walk(frame, ''));
  }

  #walk(value: unknown, key: string): unknown {
    if (Array.isArray(value)) return value.map((item) => this.#walk(item, ''));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.#walk(v, k);
      return out;
    }
    if (key === 'ts' && typeof value === 'string' && value !== 'AAAAAAAAAAA=') {
      let name = this.#names.get(value);
      if (name === undefined) {
        name = `<T${this.#names.size + 1}>`;
        this.#names.set(value, name);
      }
      return name;
    }
    if (key === 'serverTs' && typeof value === 'number') return '<serverTs>';
    if (key === 'clientClockSkew' && typeof value === 'number') return '<skew>';
    if (key === '_creationTime' && typeof value === 'number') return '<creationTime>';
    if (key === '_id' && typeof value === 'string') return '<id>';
    return value;
  }
}
