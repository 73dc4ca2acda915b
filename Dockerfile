# Multi-stage build: the first stage installs the pinned requirements into a virtualenv, the second
# runs the service as a non-root user. Alone, `docker run` serves the demo with the same `make serve`
# that `make run` ends with; docker-compose.yml runs the production stack from the same image.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt

FROM python:3.11-slim
# make: the image's default command is `make serve`. Debian's own version of the base image's release,
# which its security updates replace: a pinned version would stop building with the next one.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install --yes --no-install-recommends make \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 spacedevs
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=10001:10001 . /app
USER 10001:10001
ENV PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DATABASE_URL=sqlite:////app/var/db.sqlite3
# The static files (the admin's, the browsable API's, Swagger UI's and ReDoc's) are part of the image,
# so that any command it runs (gunicorn in docker-compose.yml) serves them.
RUN mkdir -p /app/var && python manage.py collectstatic --no-input --verbosity 0
EXPOSE 8000
# Healthy once the service answers and its database does (docker-compose.yml says the same for `web`).
HEALTHCHECK --interval=10s --timeout=10s --start-period=30s --retries=6 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/ready', timeout=5)"]
# Migrate, load the demo into an empty database, collect static files, serve with gunicorn.
CMD ["make", "serve", "BIN=/opt/venv/bin", "HOST=0.0.0.0", "PORT=8000"]
