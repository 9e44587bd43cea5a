"""The sample LEP website shipped for `lepcheck demo`, and the loopback server that serves it."""

from lepcheck.demo.server import SAMPLE_SITE_ROOT, load_manifest, sample_target, serve_site

__all__ = ["SAMPLE_SITE_ROOT", "load_manifest", "sample_target", "serve_site"]
