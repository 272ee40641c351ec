"""The one exception type users see: its message is the whole error line."""


class KgError(Exception):
    """A user-facing failure (bad input, bad option, unreachable server)."""


class Terminated(BaseException):
    """SIGTERM, raised where the process is (kg.cli installs the handler), so that
    `finally` blocks and context managers remove temporary files before the exit. A
    BaseException: no `except Exception` on the way may swallow it."""
