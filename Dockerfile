# syntax=docker/dockerfile:1
# Plancia in one image: the server (TypeScript run by tsx, as `pnpm start` does), its workspace packages, production
# dependencies only, and the web app built in. Build: docker build -t plancia .   Run: see compose.yaml, infra/README.md.
ARG NODE_IMAGE=node:22-bookworm-slim

# ---- the web app, built with its development dependencies (vite), of which only dist/ is kept ----
FROM ${NODE_IMAGE} AS web
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN corepack enable && corepack prepare pnpm@10.34.8 --activate
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
RUN pnpm install --frozen-lockfile --filter "@plancia/web..."
COPY packages/contracts packages/contracts
COPY apps/web apps/web
RUN pnpm --filter @plancia/web build

# ---- the server and its workspace packages with production dependencies only ----
FROM ${NODE_IMAGE} AS server
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN corepack enable && corepack prepare pnpm@10.34.8 --activate
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY apps/server/package.json apps/server/
COPY packages/contracts/package.json packages/contracts/
COPY packages/engine/package.json packages/engine/
COPY packages/store/package.json packages/store/
COPY packages/adapters/package.json packages/adapters/
RUN pnpm install --prod --frozen-lockfile --filter "@plancia/server..."
COPY packages packages
COPY apps/server apps/server

# ---- what runs: no package manager, no compiler, no tests (.dockerignore), not root ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    PLANCIA_DEMO=0 \
    PLANCIA_DATA_DIR=/var/lib/plancia
WORKDIR /app
COPY --from=server --chown=root:root /app /app
COPY --from=web --chown=root:root /app/apps/web/dist /app/apps/web/dist
# The embedded database's folder (used only without DATABASE_URL) is the one place the server writes.
RUN mkdir -p /var/lib/plancia && chown node:node /var/lib/plancia
USER node
WORKDIR /app/apps/server
EXPOSE 8080
VOLUME ["/var/lib/plancia"]
# Liveness: /healthz answers while the process serves; readiness (/readyz) is the orchestrator's to ask.
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The start script's command (apps/server/package.json), without a package manager in between: signals reach node.
CMD ["node", "--max-semi-space-size=32", "--import", "tsx", "src/main.ts"]
