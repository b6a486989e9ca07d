/**
 * A function address: the module path (with `.js`) and the export name.
 *
 * @example
 * ```ts
 * const address: UdfAddress = { modulePath: 'messages.js', exportName: 'list' };
 * ```
 */
export interface UdfAddress {
  readonly modulePath: string;
  readonly exportName: string;
}

/**
 * Parses a UDF path as clients send it (compat spec §2.1): `dir/mod:fn`, a bare `dir/mod`
 * meaning `default`, with or without `.js` on the module.
 *
 * @example
 * ```ts
 * parseUdfPath('messages:list'); // { modulePath: 'messages.js', exportName: 'list' }
 * parseUdfPath('dir/mod.js'); // { modulePath: 'dir/mod.js', exportName: 'default' }
 * ```
 */
export function parseUdfPath(path: string): UdfAddress {
  const colon = path.lastIndexOf(':');
  const modulePart = colon < 0 ? path : path.slice(0, colon);
  const exportName = colon < 0 ? 'default' : path.slice(colon + 1);
  const modulePath = modulePart.endsWith('.js') ? modulePart : `${modulePart}.js`;
  return { modulePath, exportName: exportName === '' ? 'default' : exportName };
}

/**
 * The canonical name of a function (what `getFunctionName` and `ctx.meta` report): the
 * module without `.js`, and `:fn` unless the export is `default`.
 *
 * @example
 * ```ts
 * canonicalUdfPath({ modulePath: 'messages.js', exportName: 'list' }); // 'messages:list'
 * canonicalUdfPath({ modulePath: 'dir/mod.js', exportName: 'default' }); // 'dir/mod'
 * ```
 */
export function canonicalUdfPath(address: UdfAddress): string {
  const module = address.modulePath.replace(/\.js$/, '');
  return address.exportName === 'default' ? module : `${module}:${address.exportName}`;
}
