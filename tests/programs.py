"""Programs some tests need from the system (Debian's virtuoso-opensource, chromium).

Locally a missing program skips its tests with the reason and the package to install.
In CI (CI=true, set by .ci/run, which installs them) a missing program fails instead:
a skipped test there would report a green run that tested nothing.
"""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(*names: str, package: str) -> str:
    """The path of the first of `names` on PATH; else skip (locally) or fail (CI=true)."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = (f"{' or '.join(names)} not found: apt-get install {package} "
              "(.ci/run installs it)")
    if in_ci():
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)
