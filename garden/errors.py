"""Exceptions the core raises only for misuse by a caller (never for bad notes: those are Issues)."""

from __future__ import annotations


class GardenError(Exception):
    """Base class: adapters translate it into their own error at the boundary."""


class ConfigError(GardenError):
    """The garden's configuration is not usable."""
