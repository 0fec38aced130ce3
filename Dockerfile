# syntax=docker/dockerfile:1
# Multi-stage build: Node builds the browser client, the SDK publishes the server with it, and the
# runtime image runs it as a non-root user,
# keeping the SQLite database, the cookie keys and the log files in the /data volume.

FROM node:20-bookworm-slim AS client
WORKDIR /src/client
COPY client/package.json client/package-lock.json client/.npmrc ./
# The contract generator is a workspace of its own (it needs TypeScript 5's compiler API).
COPY client/contract/package.json contract/
RUN npm ci --no-audit --no-fund
COPY client/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json pins the SDK for developers' machines; the image brings its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props OpenClosedDebate.sln ./
COPY src/OpenClosedDebate.Domain/OpenClosedDebate.Domain.csproj src/OpenClosedDebate.Domain/
COPY src/OpenClosedDebate.Server/OpenClosedDebate.Server.csproj src/OpenClosedDebate.Server/
RUN dotnet restore src/OpenClosedDebate.Server/OpenClosedDebate.Server.csproj
COPY src/ src/
# The client was built in the Node stage; the server's build only copies it.
COPY --from=client /src/client/dist client/dist
COPY --from=client /src/client/node_modules/naughty-words client/node_modules/naughty-words
RUN dotnet publish src/OpenClosedDebate.Server/OpenClosedDebate.Server.csproj -c Release -o /app --no-restore -p:SkipClientBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Debates="Data Source=/data/openclosed.db" \
    DataProtection__KeysDirectory=/data/keys \
    Serilog__WriteTo__File__Args__path=/data/logs/openclosed-.log
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "OpenClosedDebate.Server.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "OpenClosedDebate.Server.dll"]
