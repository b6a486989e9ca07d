/** How to mint another admin key from a checkout (the backend also prints one at start-up). */
export const pnpmCommand = 'pnpm --filter @selfhost/backend generate-admin-key';

/** The same inside the docker-compose deployment of docker/docker-compose.yml. */
export const dockerCommand = 'docker compose exec backend node apps/backend/bin/generate-admin-key.js';
