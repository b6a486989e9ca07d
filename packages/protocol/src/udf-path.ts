import { ProtocolError } from './protocol-error.ts';

const MAX_IDENTIFIER_LENGTH = 64;
const SYSTEM_DIR = '_system';

/**
 * A validated function path.
 * - `canonical`: the wire form clients send, `"dir/mod:fn"` (no `.js`, explicit function);
 * - `modulePath`: the stored module path, with `.js` (`"dir/mod.js"`);
 * - `functionName`: the export name (`"default"` when the path names only a module);
 * - `isSystem`: the module lives under `_system/` (built-in functions, admin only).
 *
 * @example
 * ```ts
 * const path: UdfPath = parseUdfPath('messages.js');
 * // { canonical: 'messages:default', modulePath: 'messages.js', functionName: 'default', isSystem: false }
 * ```
 */
export type UdfPath = {
  readonly canonical: string;
  readonly modulePath: string;
  readonly functionName: string;
  readonly isSystem: boolean;
};

/**
 * Canonicalizes a function path exactly as the official client does before sending it: the
 * module and function are split at the last `:`, a bare module means `:default`, and a trailing
 * `.js` on the module is stripped. No validation: see {@link parseUdfPath} for that.
 *
 * @example
 * ```ts
 * canonicalizeUdfPath('messages'); // 'messages:default'
 * canonicalizeUdfPath('dir/mod.js:send'); // 'dir/mod:send'
 * ```
 */
export function canonicalizeUdfPath(udfPath: string): string {
  const colon = udfPath.lastIndexOf(':');
  let moduleName = colon === -1 ? udfPath : udfPath.slice(0, colon);
  const functionName = colon === -1 ? 'default' : udfPath.slice(colon + 1);
  if (moduleName.endsWith('.js')) moduleName = moduleName.slice(0, -3);
  return `${moduleName}:${functionName}`;
}

/**
 * Validates and canonicalizes a function path with the reference backend's rules: the function
 * name (after the last `:`) is an identifier; the module path is relative, made of `/`-separated
 * components of letters, digits, `_` and `.` (each ≤ 64 characters, at least one alphanumeric),
 * and its extension, if any, is `.js`. Throws a `ProtocolError` with code
 * `BadConvexFunctionIdentifier` that says what is wrong.
 *
 * @example
 * ```ts
 * parseUdfPath('_system/cli/tables').isSystem; // true
 * parseUdfPath('dir/mod:list').modulePath; // 'dir/mod.js'
 * parseUdfPath('mod:1st'); // throws: Invalid first character '1' in 1st …
 * ```
 */
export function parseUdfPath(udfPath: string): UdfPath {
  const colon = udfPath.lastIndexOf(':');
  const moduleName = colon === -1 ? udfPath : udfPath.slice(0, colon);
  const functionName = colon === -1 ? 'default' : udfPath.slice(colon + 1);
  const problem =
    (colon === -1 ? undefined : identifierProblem(functionName)) ?? modulePathProblem(moduleName);
  if (problem !== undefined) {
    throw new ProtocolError(
      'BadConvexFunctionIdentifier',
      `${JSON.stringify(udfPath)} is not a valid path to a Convex function. ${problem}`,
    );
  }
  const modulePath = extensionOf(moduleName) === undefined ? `${moduleName}.js` : moduleName;
  return Object.freeze({
    canonical: `${modulePath.slice(0, -'.js'.length)}:${functionName}`,
    modulePath,
    functionName,
    isSystem: moduleName.split('/')[0] === SYSTEM_DIR,
  });
}

function identifierProblem(name: string): string | undefined {
  if (name.length === 0) return 'Identifier cannot be empty.';
  if (!/^[A-Za-z_]/.test(name)) {
    return `Invalid first character '${name[0]}' in ${name}: identifiers must start with a letter or underscore.`;
  }
  const bad = /[^A-Za-z0-9_]/.exec(name);
  if (bad !== null) {
    return `Identifier ${name} has invalid character '${bad[0]}': identifiers can only contain letters, digits and underscores.`;
  }
  if (name.length > MAX_IDENTIFIER_LENGTH)
    return `Identifier is too long (${name.length} > maximum ${MAX_IDENTIFIER_LENGTH}).`;
  if (/^_+$/.test(name)) return `Identifier ${name} cannot have exclusively underscores.`;
  return undefined;
}

function modulePathProblem(path: string): string | undefined {
  if (path.length === 0) return 'Module paths must be nonempty.';
  if (path.startsWith('/')) return `Module paths must be relative (${path} is absolute).`;
  const components = path.split('/');
  const extension = extensionOf(path);
  if (extension !== undefined && extension !== 'js')
    return `Module path (${path}) has an extension that isn't 'js'.`;
  if (extension === undefined) components[components.length - 1] += '.js';
  for (const component of components) {
    if (component === '' || component === '.' || component === '..')
      return `Invalid path component '${component}' in ${path}.`;
    if (component.length > MAX_IDENTIFIER_LENGTH) {
      return `Path component is too long (${component.length} > maximum ${MAX_IDENTIFIER_LENGTH}).`;
    }
    if (!/^[A-Za-z0-9_.]+$/.test(component)) {
      return `Path component ${component} can only contain alphanumeric characters, underscores, or periods.`;
    }
    if (!/[A-Za-z0-9]/.test(component))
      return `Path component ${component} must have at least one alphanumeric character.`;
  }
  return undefined;
}

/** The extension of the last path component, like Rust's `Path::extension` (`.js` has none). */
function extensionOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : undefined;
}
