# The selfhost backend. Node 24 on Debian 13 (trixie): glibc 2.41 there, so the optional
# uWebSockets.js binary loads and the fast HTTP edge is used. isolated-vm and better-sqlite3
# ship prebuilt Node 24 binaries in their npm packages, so no compiler toolchain is needed.
# Build from the repository root:  docker build -f docker/backend.Dockerfile -t selfhost-backend .

FROM node:24-trixie-slim AS deps
WORKDIR /repo
RUN npm install -g pnpm@10
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY tooling ./tooling
COPY packages ./packages
COPY apps/backend ./apps/backend
RUN pnpm install --frozen-lockfile --prod --filter "@selfhost/backend..."

FROM node:24-trixie-slim
# The image has no git history: pass the commit for the usage beacon, e.g.
#   --build-arg SELFHOST_GIT_REVISION=$(git rev-parse HEAD) --build-arg SELFHOST_GIT_COMMIT_TIMESTAMP=$(git show -s --format=%cI)
ARG SELFHOST_GIT_REVISION=unknown
ARG SELFHOST_GIT_COMMIT_TIMESTAMP=
ENV NODE_ENV=production \
    SELFHOST_DATA_DIR=/selfhost/data \
    SELFHOST_GIT_REVISION=$SELFHOST_GIT_REVISION \
    SELFHOST_GIT_COMMIT_TIMESTAMP=$SELFHOST_GIT_COMMIT_TIMESTAMP
WORKDIR /repo
COPY --from=deps /repo /repo
VOLUME /selfhost/data
EXPOSE 3210 3211
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3210/version').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--conditions=@selfhost/source", "--no-node-snapshot", "apps/backend/src/main.ts"]
