import { connection } from 'next/server';
import { LoginPage } from '../session/login-page.tsx';

// Read at request time, not build time, so a built image can be pointed at any backend with
// NEXT_PUBLIC_DEPLOYMENT_URL (docker-compose sets it when the container starts).
function runtimeEnv(name: string): string | undefined {
  return process.env[name];
}

export default async function Home() {
  await connection();
  const deploymentUrl = runtimeEnv('NEXT_PUBLIC_DEPLOYMENT_URL') ?? 'http://127.0.0.1:3210';
  // Only `pnpm dev` passes a key: a production build never prefills one.
  const adminKey = process.env.NODE_ENV === 'production' ? '' : (runtimeEnv('NEXT_PUBLIC_DEV_ADMIN_KEY') ?? '');
  // With a key from `pnpm dev`, the dashboard opens already logged in to that backend.
  return <LoginPage defaultDeploymentUrl={deploymentUrl} defaultAdminKey={adminKey} autoLogin={adminKey !== ''} />;
}
