# Sarcoma CDS container image: docker build -t sarcoma-cds:0.1.0 .
# Stage 1 builds the jar with Maven on a JDK; stage 2 runs it on a JRE only, as a non-root user.
# Tests are not run here: CI (.ci/run) runs them on every change before an image is built.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build
# Dependencies first, in their own layer, so a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY hooks hooks
COPY src/main src/main
RUN mvn -B -q package -Dmaven.test.skip=true

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 cds \
 && useradd --system --uid 10001 --gid cds --home-dir /app --shell /usr/sbin/nologin cds \
 && mkdir -p /app/data \
 && chown -R cds:cds /app
WORKDIR /app
COPY --from=build --chown=cds:cds /build/target/sarcoma-cds.jar /app/sarcoma-cds.jar
USER 10001:10001
# prod: bind 0.0.0.0, ECS JSON logs, management (health, prometheus) on 8081, no loopback FHIR servers.
# Without spring.datasource.* the feedback store is an H2 file under /app/data: mount a volume there, or
# configure PostgreSQL (docs/operations.md).
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME /app/data
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "/app/sarcoma-cds.jar"]
