# The selfhost dashboard (Next.js, port 6791). Fonts and assets are local, so the build needs
# no network beyond the npm registry.
# Build from the repository root:  docker build -f docker/dashboard.Dockerfile -t selfhost-dashboard .

FROM node:24-trixie-slim AS build
WORKDIR /repo
RUN npm install -g pnpm@10
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc turbo.json ./
COPY tooling ./tooling
COPY packages ./packages
COPY apps/dashboard ./apps/dashboard
RUN pnpm install --frozen-lockfile --filter "@selfhost/dashboard..."
RUN pnpm --filter "@selfhost/dashboard..." build

FROM node:24-trixie-slim
ENV NODE_ENV=production \
    PORT=6791
COPY --from=build /repo /repo
WORKDIR /repo/apps/dashboard
EXPOSE 6791
CMD ["node_modules/.bin/next", "start", "-p", "6791"]
