"""provenance: who said this, and through whom did it reach this page?"""

__version__ = "0.1.0"
