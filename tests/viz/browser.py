"""Open a page in a real headless Chromium (Debian's chromium) and report what it drew.

No browser-driver dependency: the test's copy of the page gets two small scripts, one
first in <head> that records JavaScript errors (uncaught ones and console.error), one
last in <body> that, a second after the page loaded, reads vis-network's state and the
canvas pixels and writes its findings into a <pre id="kg-probe"> element, which
`chromium --dump-dom` prints. The page itself is opened from a file:// URL with every
host name unresolvable, so anything it tried to fetch from the network would fail."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=10000",
         "--window-size=1400,1100", "--enable-logging=stderr", "--v=0")

HERE = Path(__file__).parent
HOOK = (HERE / "hook.js").read_text(encoding="utf-8")
PROBE = (HERE / "probe.js").read_text(encoding="utf-8")


def probe(chromium: str, page: Path, work: Path) -> tuple[dict, str]:
    """What the page drew (the probe's findings) and Chromium's log."""
    text = page.read_text(encoding="utf-8")
    text = text.replace("<head>", f"<head><script>{HOOK}</script>", 1)
    text = text.replace("</body>", f"<script>{PROBE}</script></body>", 1)
    copy = work / "probed.html"
    copy.write_text(text, encoding="utf-8")
    done = subprocess.run([chromium, *FLAGS, f"--user-data-dir={work / 'profile'}",
                           "--dump-dom", copy.as_uri()],
                          capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="kg-probe">(.*?)</pre>', done.stdout, re.S)
    assert found, f"the page never finished loading:\n{done.stderr[-3000:]}"
    return json.loads(html.unescape(found.group(1))), done.stderr
