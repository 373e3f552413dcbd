"""redactcheck: find what a reviewer must look at before a document is published."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("redactcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
