// The `selfhost` executable pointed at a server that answers but is not a backend — a web app's
// dev server, another service on the port: `deploy` must stop with a message naming the URL and
// saying what to check, exit code 1, instead of a JSON parse error or a stack trace.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { runSelfhost } from './test-support/run-selfhost.ts';
import { createTestProject } from './test-support/test-project.ts';

/** A plain `node:http` server on a free loopback port answering every request with `status` and `body`. */
async function startServer(
  status: number,
  contentType: string,
  body: string,
): Promise<{ url: string; paths: string[] } & AsyncDisposable> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(status, { 'content-type': contentType }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const html = '<!doctype html><html><body><div id="root"></div></body></html>';

describe('selfhost deploy against a server that is not a backend', () => {
  test.each([
    ['answers 404 Not Found in plain text', 404, 'text/plain', 'Not Found'],
    ['answers 404 with an HTML page', 404, 'text/html', html],
    ['refuses POST with an HTML page', 405, 'text/html', html],
    ['answers every path with an HTML page (a web dev server)', 200, 'text/html', html],
  ])(
    '%s: a message naming the URL, exit code 1',
    { timeout: 60_000 },
    async (_name, status, type, body) => {
      await using server = await startServer(status, type, body);
      using project = createTestProject('convex-app');
      const result = await runSelfhost(
        ['deploy', '--url', server.url, '--admin-key', 'key', '--typecheck', 'disable'],
        project.dir,
      );
      expect(result.code, result.stderr).toBe(1);
      const failure = result.stderr.split('\n').find((line) => line.startsWith('✖')) ?? '';
      expect(failure).toContain(`✖ ${server.url} answered `);
      expect(failure).toContain('POST /api/get_config_hashes');
      expect(failure).toContain('is it the URL of a selfhost (or Convex) backend');
      expect(failure).toContain('Fix the URL with --url');
      // It stopped at the first request: nothing was pushed.
      expect(server.paths).toEqual(['POST /api/get_config_hashes']);
    },
  );
});
