/**
 * The UDF path of a function from its module path and export name, as clients address it:
 * `messages.js` + `send` → `messages:send`, a default export → `messages`.
 *
 * @example
 * functionPath('dir/mod.js', 'default'); // 'dir/mod'
 */
export function functionPath(modulePath: string, name: string): string {
  const module = modulePath.replace(/\.js$/, '');
  return name === 'default' ? module : `${module}:${name}`;
}
