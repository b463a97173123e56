# notelint as a container image: the static release binary alone, on scratch.
#   docker build -t notelint .
#   docker run --rm -v "$PWD:/vault" notelint check .
# The build stage is a clean Debian 12 building exactly what packaging/release.sh builds.
FROM debian:12 AS build
WORKDIR /src
COPY . .
RUN bash .ci/deps --build-only && bash packaging/static.sh /out

FROM scratch
COPY --from=build /out/notelint /usr/local/bin/notelint
ENV PATH=/usr/local/bin
WORKDIR /vault
ENTRYPOINT ["notelint"]
CMD ["check", "."]
