// A WHATWG-style URL parser in plain JavaScript (the isolate has no URL implementation, and
// the host must not be called while modules are imported). It covers what applications
// use: special and non-special schemes, relative resolution, percent-encoding, dot segments,
// default ports, IPv4/IPv6 literals. Not covered: IDNA (non-ASCII host names are only
// lower-cased and percent-decoded) and some legacy edge cases of the standard.
import { utf8Encode, utf8Decode } from './text-encoding.ts';

/**
 * The components of a parsed URL.
 *
 * @example
 * ```ts
 * const parts: UrlRecord = parseUrl('https://a.b/c?d#e', null);
 * ```
 * @internal
 */
export interface UrlRecord {
  scheme: string;
  username: string;
  password: string;
  host: string | null;
  port: number | null;
  /** Path segments; for opaque paths (`mailto:x`) a single string. */
  path: string[] | string;
  query: string | null;
  fragment: string | null;
}

const SPECIAL_PORTS: Readonly<Record<string, number | null>> = { ftp: 21, file: null, http: 80, https: 443, ws: 80, wss: 443 };

/**
 * Whether a scheme is one of the special schemes of the URL standard.
 *
 * @example
 * ```ts
 * isSpecialScheme('https'); // true
 * ```
 * @internal
 */
export function isSpecialScheme(scheme: string): boolean {
  return scheme in SPECIAL_PORTS;
}

const C0 = (code: number): boolean => code <= 0x1f || code > 0x7e;
const FRAGMENT_SET = new Set([' ', '"', '<', '>', '`']);
const QUERY_SET = new Set([' ', '"', '#', '<', '>']);
const PATH_SET = new Set([...QUERY_SET, '?', '`', '{', '}']);
const USERINFO_SET = new Set([...PATH_SET, '/', ':', ';', '=', '@', '[', '\\', ']', '^', '|']);

/**
 * Percent-encodes a string for one URL component.
 *
 * @example
 * ```ts
 * percentEncode('a b', 'path'); // 'a%20b'
 * ```
 * @internal
 */
export function percentEncode(text: string, set: 'fragment' | 'query' | 'special-query' | 'path' | 'userinfo'): string {
  const chars = set === 'fragment' ? FRAGMENT_SET : set === 'path' ? PATH_SET : set === 'userinfo' ? USERINFO_SET : QUERY_SET;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (C0(code) || chars.has(char) || (set === 'special-query' && char === "'")) {
      for (const byte of utf8Encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Decodes `%XX` escapes (as UTF-8) and leaves malformed ones as they are.
 *
 * @example
 * ```ts
 * percentDecode('a%20b'); // 'a b'
 * ```
 * @internal
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  const source = utf8Encode(text);
  for (let i = 0; i < source.length; i++) {
    const b = source[i] ?? 0;
    if (b === 0x25 && i + 2 < source.length) {
      const hex = String.fromCharCode(source[i + 1] ?? 0, source[i + 2] ?? 0);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
    }
    bytes.push(b);
  }
  return utf8Decode(Uint8Array.from(bytes), false);
}

function invalid(): never {
  throw new TypeError('Invalid URL');
}

function parseIpv4(host: string): string | null {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    if (part === '') return null;
    let value: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part.slice(1), 8);
    else if (/^[0-9]+$/.test(part)) value = parseInt(part, 10);
    else return null;
    numbers.push(value);
  }
  const last = numbers.pop() ?? 0;
  if (numbers.some((n) => n > 255) || last >= 256 ** (4 - numbers.length)) invalid();
  let address = last;
  numbers.forEach((n, i) => {
    address += n * 256 ** (3 - i);
  });
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');
}

function parseIpv6(inner: string): string {
  if (!/^[0-9A-Fa-f:.]+$/.test(inner)) invalid();
  let text = inner;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const octets = (v4[1] ?? '').split('.').map(Number);
    if (octets.some((o) => o > 255)) invalid();
    text = `${text.slice(0, -(v4[1] ?? '').length)}${(((octets[0] ?? 0) << 8) | (octets[1] ?? 0)).toString(16)}:${(((octets[2] ?? 0) << 8) | (octets[3] ?? 0)).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) invalid();
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] ?? '').split(':')) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) invalid();
  const pieces = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail].map((piece) => {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(piece)) invalid();
    return parseInt(piece, 16);
  });
  // Compress the longest run of zeros (length ≥ 2).
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (pieces[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && pieces[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    out += (pieces[i] ?? 0).toString(16) + (i < 7 ? ':' : '');
  }
  return `[${out}]`;
}

function parseHost(input: string, special: boolean): string {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) invalid();
    return parseIpv6(input.slice(1, -1));
  }
  if (!special) {
    // eslint-disable-next-line no-control-regex -- forbidden host code points include NUL.
    if (/[\x00\t\n\r #/<>?@[\\\]^|]/.test(input)) invalid();
    return percentEncode(input, 'fragment').replace(/%/g, '%');
  }
  const domain = percentDecode(input).toLowerCase();
  // eslint-disable-next-line no-control-regex -- forbidden domain code points include C0 controls.
  if (domain === '' || /[\x00-\x20#%/:<>?@[\\\]^|]/.test(domain)) invalid();
  return parseIpv4(domain) ?? domain;
}

function shortenPath(path: string[], scheme: string): void {
  if (scheme === 'file' && path.length === 1 && /^[A-Za-z]:$/.test(path[0] ?? '')) return;
  path.pop();
}

function parsePath(text: string, base: readonly string[], scheme: string): string[] {
  const special = isSpecialScheme(scheme);
  const path = [...base];
  const segments = text.split(special ? /[/\\]/ : /\//);
  segments.forEach((raw, index) => {
    const last = index === segments.length - 1;
    const lowered = raw.toLowerCase();
    if (lowered === '..' || lowered === '.%2e' || lowered === '%2e.' || lowered === '%2e%2e') {
      shortenPath(path, scheme);
      if (last) path.push('');
    } else if (lowered === '.' || lowered === '%2e') {
      if (last) path.push('');
    } else {
      path.push(percentEncode(raw, 'path'));
    }
  });
  return path;
}

/**
 * Parses `input` against an optional base (throws `TypeError: Invalid URL`).
 *
 * @example
 * ```ts
 * serializeUrl(parseUrl('../x', parseUrl('https://a.b/c/d', null))); // 'https://a.b/x'
 * ```
 * @internal
 */
export function parseUrl(rawInput: string, base: UrlRecord | null): UrlRecord {
  // eslint-disable-next-line no-control-regex -- the standard trims C0 controls and spaces.
  const input = rawInput.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(input);
  let rest: string;
  let scheme: string;
  if (schemeMatch) {
    scheme = (schemeMatch[1] ?? '').toLowerCase();
    rest = input.slice(schemeMatch[0].length);
    if (base !== null && scheme === base.scheme && isSpecialScheme(scheme) && !/^[/\\]/.test(rest)) {
      return resolveRelative(rest, base);
    }
  } else {
    if (base === null) return invalid();
    return resolveRelative(input, base);
  }
  const special = isSpecialScheme(scheme);
  const record: UrlRecord = { scheme, username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    record.fragment = percentEncode(rest.slice(hashAt + 1), 'fragment');
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) {
    record.query = percentEncode(rest.slice(queryAt + 1), special ? 'special-query' : 'query');
    rest = rest.slice(0, queryAt);
  }
  const slashes = special ? /^[/\\]{0,2}/.exec(rest)?.[0].length ?? 0 : rest.startsWith('//') ? 2 : 0;
  if (special && scheme !== 'file' ? true : slashes === 2) {
    rest = rest.slice(slashes);
    const end = rest.search(special ? /[/\\]/ : /\//);
    const authority = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
    parseAuthority(authority, record, special);
    if (special && record.host === '' && scheme !== 'file') invalid();
    record.path = rest === '' ? (special ? [''] : []) : parsePath(rest.slice(1), [], scheme);
    return record;
  }
  if (rest.startsWith('/') || special) {
    record.path = parsePath(rest.replace(/^[/\\]/, ''), [], scheme);
    if (scheme === 'file') record.host = '';
    return record;
  }
  record.path = percentEncode(rest, 'fragment').replace(/%/g, '%');
  return record;
}

function parseAuthority(authority: string, record: UrlRecord, special: boolean): void {
  let hostPort = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    hostPort = authority.slice(at + 1);
    const colon = userinfo.indexOf(':');
    record.username = percentEncode(colon < 0 ? userinfo : userinfo.slice(0, colon), 'userinfo');
    record.password = colon < 0 ? '' : percentEncode(userinfo.slice(colon + 1), 'userinfo');
  }
  const portMatch = /:(\d*)$/.exec(hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']') + 1) : hostPort);
  let hostText = hostPort;
  if (portMatch) {
    hostText = hostPort.slice(0, hostPort.length - portMatch[0].length);
    if (portMatch[1] !== '') {
      const port = Number(portMatch[1]);
      if (port > 65535) invalid();
      record.port = port === SPECIAL_PORTS[record.scheme] ? null : port;
    }
  } else if (/:[^\]]*$/.test(hostPort) && !hostPort.startsWith('[')) {
    invalid();
  }
  if (record.scheme === 'file') {
    const host = hostText === '' ? '' : parseHost(hostText, special);
    record.host = host === 'localhost' ? '' : host;
    return;
  }
  record.host = hostText === '' && !special ? '' : parseHost(hostText, special);
}

function resolveRelative(input: string, base: UrlRecord): UrlRecord {
  const special = isSpecialScheme(base.scheme);
  if (typeof base.path === 'string') {
    if (!input.startsWith('#')) invalid();
    return { ...base, fragment: percentEncode(input.slice(1), 'fragment') };
  }
  if (special ? /^[/\\]{2}/.test(input) : input.startsWith('//')) return parseUrl(`${base.scheme}:${input}`, null);
  const record: UrlRecord = { ...base, path: [...base.path] };
  let rest = input;
  const hashAt = rest.indexOf('#');
  record.fragment = hashAt >= 0 ? percentEncode(rest.slice(hashAt + 1), 'fragment') : null;
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) {
    record.query = percentEncode(rest.slice(queryAt + 1), special ? 'special-query' : 'query');
    rest = rest.slice(0, queryAt);
  } else if (rest !== '') {
    record.query = null;
  }
  if (rest === '') return record;
  if (special ? /^[/\\]/.test(rest) : rest.startsWith('/')) {
    record.path = parsePath(rest.slice(1), [], base.scheme);
    return record;
  }
  const directory = [...base.path];
  directory.pop();
  record.path = parsePath(rest, directory, base.scheme);
  return record;
}

/**
 * The `host` of a record (`hostname:port`).
 *
 * @example
 * ```ts
 * hostOf(parseUrl('http://a:8080/', null)); // 'a:8080'
 * ```
 * @internal
 */
export function hostOf(record: UrlRecord): string {
  if (record.host === null) return '';
  return record.port === null ? record.host : `${record.host}:${record.port}`;
}

/**
 * The path of a record as text.
 *
 * @example
 * ```ts
 * pathOf(parseUrl('http://a/b/c', null)); // '/b/c'
 * ```
 * @internal
 */
export function pathOf(record: UrlRecord): string {
  if (typeof record.path === 'string') return record.path;
  return record.path.length === 0 ? '' : `/${record.path.join('/')}`;
}

/**
 * Serializes a record (the URL's `href`).
 *
 * @example
 * ```ts
 * serializeUrl(parseUrl('HTTP://A.b:80/x', null)); // 'http://a.b/x'
 * ```
 * @internal
 */
export function serializeUrl(record: UrlRecord, excludeFragment = false): string {
  let out = `${record.scheme}:`;
  if (record.host !== null) {
    out += '//';
    if (record.username !== '' || record.password !== '') out += `${record.username}${record.password !== '' ? `:${record.password}` : ''}@`;
    out += hostOf(record);
  } else if (typeof record.path !== 'string' && record.path.length > 1 && record.path[0] === '') {
    out += '/.';
  }
  out += pathOf(record);
  if (record.query !== null) out += `?${record.query}`;
  if (!excludeFragment && record.fragment !== null) out += `#${record.fragment}`;
  return out;
}
