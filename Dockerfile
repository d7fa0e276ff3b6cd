# Sarcoma CDS container image: docker build -t sarcoma-cds:0.1.0 .
# Stage 1 builds the jar with Maven on a JDK and extracts it; stage 2 runs it on a JRE only, as a non-root user, with
# an AOT cache made by a training start in that stage (docs/performance.md, start-up).
# Tests are not run here: CI (.ci/run) runs them on every change before an image is built.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build
# Dependencies first, in their own layer, so a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY hooks hooks
COPY src/main src/main
# The AOT cache holds classes loaded from the class path, not from jars nested in the executable jar: extract it into
# a plain jar and lib/.
RUN mvn -B -q package -Dmaven.test.skip=true \
 && java -Djarmode=tools -jar target/sarcoma-cds.jar extract --destination target/extracted

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 cds \
 && useradd --system --uid 10001 --gid cds --home-dir /app --shell /usr/sbin/nologin cds \
 && mkdir -p /app/data \
 && chown -R cds:cds /app
WORKDIR /app
# Libraries first (they change less often than the service), then the service's own jar.
COPY --from=build --chown=cds:cds /build/target/extracted/lib /app/lib
COPY --from=build --chown=cds:cds /build/target/extracted/sarcoma-cds.jar /app/sarcoma-cds.jar
USER 10001:10001
# prod: bind 0.0.0.0, ECS JSON logs, management (health, prometheus) on 8081, no loopback FHIR servers.
# Without spring.datasource.* the feedback store is an H2 file under /app/data: mount a volume there, or
# configure PostgreSQL (docs/operations.md).
# With the AOT cache the hot code is compiled after far fewer synthetic calls: a 1 s warm-up instead of 4 s keeps
# readiness within 5 s of the start on 2 cores (docs/performance.md, start-up).
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    CDS_WARM_UP_MAX_TIME=1s
# AOT cache (Java 25): a training start loads the knowledge base, scans the FHIR model, runs the warm-up's synthetic
# calls and exits before the port opens (spring.context.exit=onRefresh); the JVM writes the classes it loaded and
# linked and the method profiles it gathered to app.aot, which every start then maps. Made here, on the JVM that runs
# the service, because a cache made by another JVM build is not used. The training needs settings the prod profile
# insists on: placeholders that never serve a call (an in-memory database, an unresolvable issuer, a static key file);
# its warm-up runs the full 4 s, so the cache carries the profiles of many calls.
# -Xmx512m keeps compressed object pointers on whatever memory the build machine has, as at run time (a cache is not
# used when that setting differs).
RUN java -Xmx512m -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar /app/sarcoma-cds.jar \
      --spring.datasource.url=jdbc:h2:mem:aot-training --cds.warm-up.max-time=4s \
      --cds.public-base-url=https://aot-training.invalid \
      '--cds.security.clients[0].issuer=https://aot-training.invalid' \
      '--cds.security.clients[0].jwks-url=classpath:security/sandbox-jwks.json' \
 && rm -rf /tmp/tomcat.* /tmp/tomcat-docbase.*
VOLUME /app/data
EXPOSE 8080 8081
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/sarcoma-cds.jar"]
