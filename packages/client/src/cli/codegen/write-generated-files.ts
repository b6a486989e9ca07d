import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Entries of `_generated/` that belong to someone else (the official CLI's AI files). */
const PRESERVED = new Set(['ai']);

/**
 * Writes `files` into `<functionsDir>/_generated/`, in the given order (data model first, so a
 * watching type checker never sees an import of a missing file), touching only files whose text
 * changed (each through a temporary file and a rename), then removes files of earlier runs that
 * are no longer generated. Returns the names written.
 *
 * @example
 * ```ts
 * writeGeneratedFiles('/app/convex', generatedFiles(input)); // ['api.d.ts']
 * ```
 */
export function writeGeneratedFiles(
  functionsDir: string,
  files: Readonly<Record<string, string>>,
): string[] {
  const dir = path.join(functionsDir, '_generated');
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (readIfExists(file) === text) continue;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    written.push(name);
  }
  for (const entry of readdirSync(dir)) {
    if (!(entry in files) && !PRESERVED.has(entry))
      rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
  return written;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes the generated files that do not exist yet and leaves the others alone: before a push,
 * functions that import `_generated/` must bundle, but files with richer types from the last
 * push should stay until the new analysis replaces them.
 *
 * @example
 * ```ts
 * writeMissingGeneratedFiles('/app/convex', generatedFiles(inputWithoutAnalysis));
 * ```
 */
export function writeMissingGeneratedFiles(
  functionsDir: string,
  files: Readonly<Record<string, string>>,
): void {
  const dir = path.join(functionsDir, '_generated');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (readIfExists(file) === undefined) writeFileSync(file, text);
  }
}
