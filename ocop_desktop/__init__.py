"""OCOP Desktop: the offline application of OCOP evaluation councils."""

__version__ = "0.1.0"
