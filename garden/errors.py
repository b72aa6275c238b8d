"""Exceptions the core raises only when a caller misuses it.

Bad notes never raise: their problems are Issues."""

from __future__ import annotations


class GardenError(Exception):
    """Base class: adapters translate it into their own error at the boundary."""


class ConfigError(GardenError):
    """The garden's configuration is not usable."""
