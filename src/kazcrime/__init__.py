"""kazcrime: a knowledge graph of crime, policing and justice in Kazakhstan.

The library is the product; the CLI (:mod:`kazcrime.cli`) and the web server only call it.
"""

from .errors import KazcrimeError

__all__ = ["KazcrimeError", "__version__"]
__version__ = "0.1.0"
