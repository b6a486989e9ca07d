import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawApp } from './support/raw-app.ts';
import { TestBackend, valueOf } from './support/test-backend.ts';

// Each probe returns what it could reach; a value that proves an escape fails the test.
const PROBES = `
import { query, action } from './lib.js';
const attempt = (fn) => { try { const v = fn(); return v === undefined ? 'undefined' : typeof v === 'function' ? 'function' : String(v); } catch (e) { return 'threw: ' + e.name; } };
const ESCAPES = {
  processExit: () => typeof process.exit,
  processBinding: () => typeof process.binding,
  processVersions: () => typeof process.versions,
  require: () => typeof require,
  module: () => typeof module,
  dynamicImportFs: () => typeof globalThis.__import,
  functionCtorProcess: () => Function('return typeof process.exit')(),
  evalProcess: () => eval('typeof process.exit'),
  syscallCtorChain: () => Convex.syscall.constructor.constructor('return typeof process.exit')(),
  syscallProto: () => Object.getPrototypeOf(Convex.asyncSyscall) === Function.prototype,
  consoleCtorChain: () => console.log.constructor('return this')() === globalThis,
  globalHost: () => Object.getOwnPropertyNames(globalThis).filter((n) => /^_|ivm|^host|Callback|^Reference$|ExternalCopy|^selfhost/i.test(n)).join(',') || 'none',
  thisInCallback: () => [1].map(function () { return this; })[0] === undefined,
  errorCtorChain: () => new Error('x').constructor.constructor('return typeof require')(),
  prepareStackTrace: () => {
    Error.prepareStackTrace = (_e, frames) => frames.map((f) => { const t = f.getThis?.(); const fn = f.getFunction?.(); return [typeof t, typeof fn, String(f.getFileName())].join(':'); }).join('|');
    const stack = new Error('probe').stack;
    return stack;
  },
  webAssemblyProcess: () => typeof WebAssembly === 'object' ? 'wasm present, no imports of the host' : 'none',
  sharedArrayBuffer: () => typeof SharedArrayBuffer,
  atomicsWait: () => { try { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); return 'waited'; } catch (e) { return e.name; } },
};
export const probe = query(async () => Object.fromEntries(Object.entries(ESCAPES).map(([k, f]) => [k, attempt(f)])));
export const pollute = query(async () => {
  Object.prototype.polluted = 'yes';
  Array.prototype.map = () => 'hijacked';
  Array.prototype.includes = () => 'hijacked';
  globalThis.leak = 'from the previous request';
  return 'polluted';
});
export const readPollution = query(async () => ({ polluted: ({}).polluted ?? null, leak: globalThis.leak ?? null, map: [1].map((x) => x + 1), includes: [1].includes(1) }));
let counter = 0;
export const count = query(async () => ++counter);
export const countThenThrow = query(async () => { ++counter; throw new Error('after counting'); });
export const countWithoutWaiting = query(async () => { syscall('1.0/getUserIdentity', {}); return ++counter; });
export const fetchInAction = action(async () => { try { await fetch('file:///etc/passwd'); return 'fetched'; } catch (e) { return e.message; } });
export const fetchHostFile = action(async () => { try { await fetch('http://127.0.0.1:9/'); return 'fetched'; } catch (e) { return e.message; } });
`;

let backend: TestBackend;

beforeAll(async () => {
  backend = await TestBackend.start({ modules: rawApp({ 'sandbox.js': PROBES }) });
});

afterAll(async () => {
  await backend[Symbol.asyncDispose]();
});

describe('sandbox', () => {
  test('user code reaches no host object, process or require (eval and Function only see the isolate)', async () => {
    expect(valueOf(await backend.query('sandbox:probe'))).toMatchInlineSnapshot(`
      {
        "atomicsWait": "waited",
        "consoleCtorChain": "true",
        "dynamicImportFs": "undefined",
        "errorCtorChain": "undefined",
        "evalProcess": "undefined",
        "functionCtorProcess": "undefined",
        "globalHost": "none",
        "module": "undefined",
        "prepareStackTrace": "undefined:undefined:convex:/sandbox.js|undefined:undefined:convex:/sandbox.js|undefined:undefined:convex:/sandbox.js|undefined:undefined:null|undefined:undefined:convex:/sandbox.js|undefined:undefined:convex:/lib.js|undefined:undefined:selfhost:/udf-runtime.js|undefined:undefined:selfhost:/udf-runtime.js|undefined:undefined:selfhost:/udf-runtime.js",
        "processBinding": "undefined",
        "processExit": "undefined",
        "processVersions": "undefined",
        "require": "undefined",
        "sharedArrayBuffer": "function",
        "syscallCtorChain": "undefined",
        "syscallProto": "true",
        "thisInCallback": "true",
        "webAssemblyProcess": "wasm present, no imports of the host",
      }
    `);
  });

  test('a function that changes the global object or the intrinsics never affects a later execution', async () => {
    expect(valueOf(await backend.query('sandbox:pollute'))).toBe('polluted');
    for (let i = 0; i < 5; i++) {
      expect(valueOf(await backend.query('sandbox:readPollution'))).toEqual({ polluted: null, leak: null, map: [2], includes: true });
    }
  });

  test('module state lives on between clean executions of a module (as in Convex), never past a polluting, failing or unfinished one', async () => {
    // The module's kept context runs its next query: its variables keep their values.
    const first = valueOf(await backend.query('sandbox:count'));
    expect(valueOf(await backend.query('sandbox:count'))).toBe(Number(first) + 1);
    // Each of these discards the context it ran in: the next execution imports the module afresh.
    for (const discarding of ['sandbox:pollute', 'sandbox:countThenThrow', 'sandbox:countWithoutWaiting']) {
      await backend.query(discarding);
      expect(valueOf(await backend.query('sandbox:count')), discarding).toBe(1);
    }
  });

  test('fetch from an action goes through the host network policy only', async () => {
    expect(valueOf(await backend.action('sandbox:fetchInAction'))).toBe("fetch to null is not allowed by this deployment's network policy");
    // A refused or forbidden connection is the function's TypeError, as in browsers.
    expect(valueOf(await backend.action('sandbox:fetchHostFile'))).toMatch(/^fetch failed: /);
  });
});
