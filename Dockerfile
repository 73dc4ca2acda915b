# Multi-stage build: the first stage installs the pinned requirements into a virtualenv, the second
# runs the service as a non-root user with the same `make serve` that `make run` ends with.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt

FROM python:3.11-slim
RUN apt-get update \
    && apt-get install --yes --no-install-recommends make \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 spacedevs
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=spacedevs:spacedevs . /app
USER spacedevs
ENV PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////app/var/db.sqlite3
RUN mkdir -p /app/var
EXPOSE 8000
# Migrate, load the demo into an empty database, collect static files, serve with gunicorn.
CMD ["make", "serve", "BIN=/opt/venv/bin", "HOST=0.0.0.0", "PORT=8000"]
