import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawApp } from './support/raw-app.ts';
import { TestBackend, valueOf } from './support/test-backend.ts';

const MODULE = `
import { query, action } from './lib.js';
export const encoding = query(async () => {
  const bytes = new TextEncoder().encode('héllo 👋');
  return {
    bytes: Array.from(bytes),
    text: new TextDecoder().decode(bytes),
    latin1: new TextDecoder('latin1').decode(new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
    base64: btoa('hello'),
    decoded: atob('aGVsbG8='),
    fatal: (() => { try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); return 'ok'; } catch (e) { return e.name; } })(),
  };
});
export const urls = query(async () => {
  const url = new URL('../b/./c?x=1&y=two words#frag', 'https://User:pw@Example.COM:443/a/z');
  url.searchParams.append('z', 'é&');
  const params = new URLSearchParams({ a: '1', b: 'x y' });
  params.sort();
  return {
    href: url.href, origin: url.origin, host: url.host, pathname: url.pathname, search: url.search, hash: url.hash,
    username: url.username, params: params.toString(), get: url.searchParams.get('y'),
    ipv6: new URL('http://[::1]:8080/').host, ipv4: new URL('http://0x7f.1/').hostname,
    mailto: new URL('mailto:someone@example.com').pathname, file: new URL('file:///tmp/x').href,
    invalid: (() => { try { new URL('not a url'); return 'parsed'; } catch (e) { return e.name + ': ' + e.message; } })(),
    canParse: URL.canParse('/x', 'https://a.b'),
  };
});
export const http = query(async () => {
  const headers = new Headers({ 'Content-Type': 'text/plain', 'X-A': '1' });
  headers.append('x-a', '2');
  headers.append('Set-Cookie', 'a=1');
  headers.append('Set-Cookie', 'b=2');
  const request = new Request('https://example.com/post', { method: 'post', body: JSON.stringify({ a: 1 }), headers: { 'content-type': 'application/json' } });
  const form = new FormData();
  form.append('field', 'value');
  form.append('file', new Blob(['data'], { type: 'text/plain' }), 'f.txt');
  const multipart = new Response(form);
  const parsed = await multipart.formData();
  const response = Response.json({ ok: true }, { status: 201 });
  const streamed = new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('chunk1 ')); c.enqueue(new TextEncoder().encode('chunk2')); c.close(); } }));
  const blob = new Blob(['ab', new Uint8Array([99])], { type: 'Text/Plain' });
  return {
    headers: [...headers], getA: headers.get('x-a'), cookies: headers.getSetCookie(),
    method: request.method, requestJson: await request.clone().json(), bodyUsed: request.bodyUsed,
    formField: parsed.get('field'), formFile: await parsed.get('file').text(), formFileName: parsed.get('file').name,
    status: response.status, responseType: response.headers.get('content-type'), responseBody: await response.json(),
    streamed: await streamed.text(), blob: [blob.size, blob.type, await blob.slice(1).text()],
    redirect: Response.redirect('https://a.b/c', 307).headers.get('location'),
  };
});
export const misc = query(async () => {
  const cloned = structuredClone({ d: new Date(0), m: new Map([[1, { x: 2 }]]), s: new Set([1]), b: new Uint8Array([1, 2]) });
  const controller = new AbortController();
  const events = [];
  controller.signal.addEventListener('abort', (e) => events.push(e.type));
  controller.abort();
  const storage = new AsyncLocalStorage();
  const transform = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
  const writer = transform.writable.getWriter();
  writer.write('abc'); writer.close();
  const reader = transform.readable.getReader();
  const first = await reader.read();
  let cloneError;
  try { structuredClone({ f() {} }); } catch (e) { cloneError = e.name; }
  const micro = await new Promise((resolve) => queueMicrotask(() => resolve('micro')));
  return {
    cloned: [cloned.d instanceof Date, cloned.m.get(1).x, cloned.s.has(1), Array.from(cloned.b)],
    cloneError, aborted: [controller.signal.aborted, controller.signal.reason.name, events],
    als: storage.run('store', () => storage.getStore()), outside: storage.getStore() ?? null,
    transformed: first.value, micro,
    globals: ['self', 'WeakRef', 'FinalizationRegistry', 'Event', 'EventTarget', 'DOMException', 'File', 'CryptoKey', 'AsyncResource'].filter((name) => typeof globalThis[name] === 'undefined'),
    weakRef: new WeakRef(cloned).deref() === cloned,
    env: [typeof process.env, process.env.NOT_SET ?? null],
  };
});
export const hmac = action(async () => {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('message'));
  const ok = await crypto.subtle.verify('HMAC', key, signature, new TextEncoder().encode('message'));
  const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode('plain'));
  const opened = new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, aes, sealed));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', aes)).length;
  return { key: [key.type, key.algorithm.name, key.usages], signatureLength: signature.byteLength, ok, opened, raw };
});
`;

let backend: TestBackend;
beforeAll(async () => {
  backend = await TestBackend.start({ modules: rawApp({ 'web.js': MODULE }) });
});
afterAll(async () => {
  await backend[Symbol.asyncDispose]();
});

describe('Web APIs inside the isolate', () => {
  test('text encoding and base64', async () => {
    expect(valueOf(await backend.query('web:encoding'))).toMatchInlineSnapshot(`
      {
        "base64": "aGVsbG8=",
        "bytes": [
          104,
          195,
          169,
          108,
          108,
          111,
          32,
          240,
          159,
          145,
          139,
        ],
        "decoded": "hello",
        "fatal": "TypeError",
        "latin1": "café",
        "text": "héllo 👋",
      }
    `);
  });

  test('URL and URLSearchParams', async () => {
    expect(valueOf(await backend.query('web:urls'))).toMatchInlineSnapshot(`
      {
        "canParse": true,
        "file": "file:///tmp/x",
        "get": "two words",
        "hash": "#frag",
        "host": "example.com",
        "href": "https://User:pw@example.com/b/c?x=1&y=two+words&z=%C3%A9%26#frag",
        "invalid": "TypeError: Invalid URL",
        "ipv4": "127.0.0.1",
        "ipv6": "[::1]:8080",
        "mailto": "someone@example.com",
        "origin": "https://example.com",
        "params": "a=1&b=x+y",
        "pathname": "/b/c",
        "search": "?x=1&y=two+words&z=%C3%A9%26",
        "username": "User",
      }
    `);
  });

  test('Headers, Request, Response, FormData, Blob and streams', async () => {
    expect(valueOf(await backend.query('web:http'))).toMatchInlineSnapshot(`
      {
        "blob": [
          3,
          "text/plain",
          "bc",
        ],
        "bodyUsed": false,
        "cookies": [
          "a=1",
          "b=2",
        ],
        "formField": "value",
        "formFile": "data",
        "formFileName": "f.txt",
        "getA": "1, 2",
        "headers": [
          [
            "content-type",
            "text/plain",
          ],
          [
            "set-cookie",
            "a=1",
          ],
          [
            "set-cookie",
            "b=2",
          ],
          [
            "x-a",
            "1, 2",
          ],
        ],
        "method": "POST",
        "redirect": "https://a.b/c",
        "requestJson": {
          "a": 1,
        },
        "responseBody": {
          "ok": true,
        },
        "responseType": "application/json",
        "status": 201,
        "streamed": "chunk1 chunk2",
      }
    `);
  });

  test('structuredClone, AbortController, AsyncLocalStorage, TransformStream and the rest', async () => {
    expect(valueOf(await backend.query('web:misc'))).toMatchInlineSnapshot(`
      {
        "aborted": [
          true,
          "AbortError",
          [
            "abort",
          ],
        ],
        "als": "store",
        "cloneError": "DataCloneError",
        "cloned": [
          true,
          2,
          true,
          [
            1,
            2,
          ],
        ],
        "env": [
          "object",
          null,
        ],
        "globals": [],
        "micro": "micro",
        "outside": null,
        "transformed": "ABC",
        "weakRef": true,
      }
    `);
  });

  test('crypto.subtle through the host', async () => {
    expect(valueOf(await backend.action('web:hmac'))).toMatchInlineSnapshot(`
      {
        "key": [
          "secret",
          "HMAC",
          [
            "sign",
            "verify",
          ],
        ],
        "ok": true,
        "opened": "plain",
        "raw": 32,
        "signatureLength": 32,
      }
    `);
  });
});
