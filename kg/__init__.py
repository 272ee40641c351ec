"""kg: knowledge graphs of diplomatic events from Bengali news."""

__version__ = "0.1.0"
