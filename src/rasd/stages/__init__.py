"""The built-in stages; importing this package registers them."""
from . import normalize, segment  # noqa: F401
