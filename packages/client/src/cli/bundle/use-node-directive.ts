/**
 * Whether a module's directive prologue — the string-literal statements before any other code,
 * after comments and a hashbang — contains `"use node"` (or `'use node'`). That is what marks a
 * file to run in Node.js instead of the isolate.
 *
 * @example
 * ```ts
 * hasUseNodeDirective('// actions\n"use node";\nimport sharp from "sharp";'); // true
 * hasUseNodeDirective('import x from "y";\n"use node";'); // false: not in the prologue
 * ```
 */
export function hasUseNodeDirective(source: string): boolean {
  if (!source.includes('use node')) return false;
  let i = source.startsWith('#!') ? lineEnd(source, 0) : 0;
  for (;;) {
    i = skipTrivia(source, i, true);
    const quote = source[i];
    if (quote !== '"' && quote !== "'") return false;
    const close = closingQuote(source, i);
    if (close === -1) return false;
    const directive = source.slice(i + 1, close);
    // A directive is a whole statement: a `;`, a line break, `}` or the end must follow.
    const after = skipTrivia(source, close + 1, false);
    const next = source[after];
    if (next !== undefined && next !== ';' && next !== '\n' && next !== '\r' && next !== '}')
      return false;
    if (directive === 'use node') return true;
    i = next === ';' ? after + 1 : after;
  }
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  return end === -1 ? source.length : end;
}

/** Skips whitespace and comments; line breaks only when `multiline`. */
function skipTrivia(source: string, from: number, multiline: boolean): number {
  let i = from;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (
      char === ' ' ||
      char === '\t' ||
      char === '\uFEFF' ||
      (multiline && (char === '\n' || char === '\r'))
    ) {
      i++;
    } else if (source.startsWith('//', i)) {
      i = lineEnd(source, i);
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) return source.length;
      if (!multiline && source.slice(i, end).includes('\n')) return i;
      i = end + 2;
    } else {
      return i;
    }
  }
  return i;
}

function closingQuote(source: string, open: number): number {
  const quote = source[open];
  for (let i = open + 1; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === quote) return i;
    else if (char === '\n') return -1;
  }
  return -1;
}
