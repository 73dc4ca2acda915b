"""Static files: hashed names and long caching once collected, plain names before; never a 500."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage (compressed files, names with their content's hash, cached for ever), which
    links a file by its own name while `collectstatic` has not collected it, instead of failing.

    `make serve` collects them; a server started without that (gunicorn run by hand, a container built
    without it) still serves every browsable page and the admin: WhiteNoise then finds the files in the
    apps (`WHITENOISE_USE_FINDERS`), without the long caching.
    """

    manifest_strict = False

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:  # not collected in STATIC_ROOT
            return name
