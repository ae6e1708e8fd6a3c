# syntax=docker/dockerfile:1
# Production image of the Procurement Sustainability Building Block.
#   docker build --build-arg SERVICE_VERSION=0.1.0 -t procurement-sustainability:0.1.0 .
# scripts/image-check.sh builds and runs it on a real Docker engine (docs/operations.md); where no
# engine can be had, .ci/deploy-checks.sh lints it and replays its RUN steps and CMD on a copy of
# exactly the files it COPYs.
# The base image matches the node@24.21.0 npm package the project develops and tests with.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until package*.json change.
COPY package.json package-lock.json ./
# --ignore-scripts: the compiler needs no install script, and the one of the `node` devDependency
# (Node 24 for npm scripts on machines with an older Node) would download a second Node binary
# that the image never uses.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The contract's generated types (type-only imports of the service and the console).
COPY api/openapi.d.ts ./api/openapi.d.ts
# The web console (vite): npm run build writes it to dist/console, served under /console.
COPY console ./console
RUN npm run build

# Production dependencies only, installed on their own: nothing of the build stage's tree (tsc,
# jest, the `node` package) is there to prune. None of them has an install script.
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1 forwards SIGTERM to node and reaps zombies (without it: docker run --init).
# hadolint ignore=DL3008
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ARG SERVICE_VERSION=""
# No AUTH_MODE here: the service defaults to jwt, and `none` must never be an image default.
# An empty SERVICE_VERSION falls back to the version compiled into the service.
# NODE_OPTIONS: a bounded old space makes V8 collect before RSS grows, and it would also shrink the
# young generation to ~1 MB (2.5× the CPU per criteria lookup); an explicit 8 MB semi-space keeps
# the speed. Peak RSS under load ~200 MB instead of ~480 MB (docs/performance.md). The chart's
# config.nodeOptions sets the same by default.
# SHUTDOWN_TIMEOUT_MS: the process exits at the latest 5 s after this drain bound, and `docker stop`
# sends SIGKILL 10 s after SIGTERM unless given --stop-timeout: 4 s + 5 s fits. Kubernetes (the
# chart's config.shutdownTimeoutMs) and compose set their own with a longer grace period.
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=8" \
    PORT=3333 \
    SHUTDOWN_TIMEOUT_MS=4000 \
    SERVICE_VERSION=${SERVICE_VERSION}
WORKDIR /app
# Owned by root and not writable by uid 1000: the process cannot change its own code, and the
# image runs with a read-only root filesystem (it writes nothing; give it an emptyDir at /tmp).
COPY --from=dependencies /app/package.json ./package.json
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The service reads api/openapi.yaml at start (api/asyncapi.yaml documents the events) and seeds
# the catalogue from data/criteria/*.yaml.
COPY api ./api
COPY data ./data
USER node
EXPOSE 3333
# For docker and compose only: Kubernetes ignores HEALTHCHECK and uses the chart's probes. It asks
# the address the service listens on (HOST, PORT), or the loopback when HOST is a wildcard.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const h = process.env.HOST; require('http').get({ host: !h || h === '0.0.0.0' || h === '::' ? '127.0.0.1' : h, port: process.env.PORT || 3333, path: '/healthcheck' }, (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
# node itself, not npm: npm does not forward SIGTERM, so shutdown would not be graceful.
CMD ["node", "dist/main.js"]
