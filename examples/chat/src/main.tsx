import { ConvexProvider, ConvexReactClient } from '@selfhost/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

// The deployment to talk to: set VITE_CONVEX_URL (e.g. in .env.local) before `vite` / `vite build`.
const url = import.meta.env['VITE_CONVEX_URL'] as string | undefined;
if (url === undefined || url === '') {
  throw new Error('VITE_CONVEX_URL is not set: put the backend URL in .env.local (see README.md).');
}
const convex = new ConvexReactClient(url);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConvexProvider client={convex}>
      <App />
    </ConvexProvider>
  </StrictMode>,
);
