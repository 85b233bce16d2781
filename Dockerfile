# syntax=docker/dockerfile:1
# The portal as a container: build and publish with the SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t smartcityindex .
#   docker run -p 8080:8080 smartcityindex                  (embedded SQLite with demo data, in /app/data)
# docker-compose.yml runs it on PostgreSQL, as in production.

# ---- build ---------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first from the build files alone, so that the package layer is reused until one of them changes.
COPY global.json Directory.Build.props Directory.Packages.props SmartCityIndex.sln ./
COPY src/SmartCityIndex.Domain/SmartCityIndex.Domain.csproj src/SmartCityIndex.Domain/
COPY src/SmartCityIndex.Infrastructure/SmartCityIndex.Infrastructure.csproj src/SmartCityIndex.Infrastructure/
COPY src/SmartCityIndex.Migrations.PostgreSql/SmartCityIndex.Migrations.PostgreSql.csproj src/SmartCityIndex.Migrations.PostgreSql/
COPY src/SmartCityIndex.Migrations.Sqlite/SmartCityIndex.Migrations.Sqlite.csproj src/SmartCityIndex.Migrations.Sqlite/
COPY src/SmartCityIndex.Web/SmartCityIndex.Web.csproj src/SmartCityIndex.Web/
RUN dotnet restore src/SmartCityIndex.Web/SmartCityIndex.Web.csproj

COPY . .
RUN dotnet publish src/SmartCityIndex.Web/SmartCityIndex.Web.csproj -c Release -o /app --no-restore

# ---- runtime -------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# The health check needs an HTTP client and the aspnet image has none (no curl, no wget). curl from the distro's
# own packages (Ubuntu for the .NET 10 images) is the simplest probe that reads the real HTTP status; a bash
# /dev/tcp probe would avoid the package but is harder to read and to get right, and running the app's own dll
# as a probe would start a whole .NET runtime every 30 s. The same curl serves the /health/ready check in
# docker-compose.yml.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app .

# The embedded SQLite default writes data/smartcityindex.db next to the app: give the non-root user that folder
# (mount a volume at /app/data to keep it). With PostgreSQL nothing is written here.
RUN mkdir -p /app/data && chown "$APP_UID:$APP_UID" /app/data

# The .NET images already listen on 8080; stated here so the image says what it serves.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# `app` (UID 1654), created by the .NET images.
USER $APP_UID

# Liveness only: the process answers HTTP. Readiness (database reachable) is /health/ready, checked by compose.
# `|| exit 1` because Docker reads only 0 (healthy) and 1 (unhealthy); curl fails with other codes.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "SmartCityIndex.Web.dll"]
