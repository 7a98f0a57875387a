# One image for every subgraph, the gateway and the analytics consumer; the command picks the entry point.
# syntax=docker/dockerfile:1.7
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --ignore-scripts && npm run typecheck
# Only the workspace manifests, so the runtime stage installs production dependencies alone.
RUN mkdir /manifests && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests \;

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 GATEWAY_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /manifests/ ./
COPY package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/kernel ./kernel
COPY --from=build /app/gateway ./gateway
COPY --from=build /app/services ./services
COPY --from=build /app/analytics ./analytics
COPY --from=build /app/schema ./schema
COPY --from=build /app/scripts ./scripts
USER node
ENTRYPOINT ["node", "--import", "tsx"]
CMD ["gateway/src/index.ts"]
