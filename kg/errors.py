"""The one exception type users see: its message is the whole error line."""


class KgError(Exception):
    """A user-facing failure (bad input, bad option, unreachable server)."""
