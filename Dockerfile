# Strand in a container: the API (default command) or a worker (`npm run worker`), for compose.yaml.
# Not built on the development machine (it has no container runtime); see README, "Scaling out".
FROM node:20-bookworm-slim
WORKDIR /strand
# Build tools for the native modules that compile from source when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY . .
# The lockfile's exact versions; @tensorflow/tfjs-node is optional (it downloads libtensorflow:
# with it the native backend is used, without it the WASM one).
RUN npm ci --no-audit --no-fund && npm run dashboard:build
ENV STRAND_HOST=0.0.0.0 STRAND_PORT=4000 STRAND_DATA_DIR=/var/lib/strand
EXPOSE 4000
CMD ["npm", "run", "-s", "api"]
