# syntax=docker/dockerfile:1
# Production image of the Procurement Sustainability Building Block.
#   docker build --build-arg SERVICE_VERSION=0.1.0 -t procurement-sustainability:0.1.0 .
# No engine can build this in CI: .ci/deploy-checks.sh lints it and replays the build stage's RUN
# steps (npm ci, build, prune) and the CMD on a copy of exactly the files it COPYs.
# The base image matches the node@24.21.0 npm package the project develops and tests with.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until package*.json change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Compile, then drop devDependencies (tsc, jest, the node@24 npm package...) from node_modules.
# npm's cache stays in this stage: the runtime stage copies only node_modules, dist and package.json.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

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
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=8" \
    PORT=3333 \
    SERVICE_VERSION=${SERVICE_VERSION}
WORKDIR /app
# Owned by root and not writable by uid 1000: the process cannot change its own code, and the
# image runs with a read-only root filesystem (it writes nothing; give it an emptyDir at /tmp).
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The service reads api/openapi.yaml at start (api/asyncapi.yaml documents the events) and seeds
# the catalogue from data/criteria/*.yaml.
COPY api ./api
COPY data ./data
USER node
EXPOSE 3333
# For docker and compose only: Kubernetes ignores HEALTHCHECK and uses the chart's probes.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('http').get('http://127.0.0.1:' + (process.env.PORT || 3333) + '/healthcheck', (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# node itself, not npm: npm does not forward SIGTERM, so shutdown would not be graceful.
CMD ["node", "dist/main.js"]
