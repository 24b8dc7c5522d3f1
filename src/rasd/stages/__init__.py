"""The built-in stages. Importing this package imports every module in it, and
each module registers its stage classes with :func:`rasd.registry.register`."""
import importlib as _importlib
import pkgutil as _pkgutil

for _info in sorted(_pkgutil.iter_modules(__path__), key=lambda i: i.name):
    _importlib.import_module(f"{__name__}.{_info.name}")
