import { ConvexProvider, ConvexReactClient } from '@selfhost/client/react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ConnectionBanner } from './connection-banner.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ConnectionBanner', () => {
  test('says the backend is unreachable while the live connection cannot be made', async () => {
    // Nothing listens on the deployment's port: the socket fails, and so does GET /version.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const client = new ConvexReactClient('http://127.0.0.1:9', { skipConvexDeploymentUrlCheck: true, logger: false, unsavedChangesWarning: false });
    render(
      <ConvexProvider client={client}>
        <ConnectionBanner deploymentUrl="http://127.0.0.1:9" />
      </ConvexProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    const banner = await screen.findByRole('status', {}, { timeout: 5_000 });
    await vi.waitFor(() => expect(banner.textContent).toContain('The backend at http://127.0.0.1:9 is not reachable'), { timeout: 5_000 });
    expect(banner.textContent).toContain('reconnects by itself');
    await client.close();
  });
});
