/** One `NAME=value` line of a `.env` text, or the reason a line was skipped. */
export type DotenvResult = { variables: { name: string; value: string }[]; problems: string[] };

const envName = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;

/**
 * Parses pasted `.env` text: `NAME=value` lines, optional `export `, `#` comments, single or
 * double quotes (double quotes understand `\n`). Names must be valid Convex environment variable
 * names (compat §1.3); bad lines are reported, not guessed at.
 *
 * @example
 * parseDotenv('A=1\n# c\nexport B="x y"'); // { variables: [{ name: 'A', value: '1' }, { name: 'B', value: 'x y' }], problems: [] }
 */
export function parseDotenv(text: string): DotenvResult {
  const variables = new Map<string, string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (match === null) {
      problems.push(`Line ${i + 1}: expected NAME=value`);
      return;
    }
    const name = match[1] ?? '';
    if (!envName.test(name) || name.length > 256) {
      problems.push(`Line ${i + 1}: "${name}" is not a valid variable name (letters, digits and _, not starting with a digit)`);
      return;
    }
    variables.set(name, unquote(match[2] ?? ''));
  });
  return { variables: [...variables].map(([name, value]) => ({ name, value })), problems };
}

function unquote(raw: string): string {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.lastIndexOf(quote) > 0) {
    const inner = raw.slice(1, raw.lastIndexOf(quote));
    return quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\"/g, '"') : inner;
  }
  // Unquoted: a ` #` starts a comment.
  return raw.replace(/\s+#.*$/, '').trim();
}
