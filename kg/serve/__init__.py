"""SPARQL endpoints: `kg push` a dataset to a server, `kg serve` one locally.

One module per topic; the click commands are in kg/cli/serve.py.

    urls         endpoint URLs by server convention, URLs as messages show them
    credentials  where credentials come from; scrubbing them from every message
    replies      what an error answer says (HTML pages too), whether retrying helps
    http         urllib with timeouts, retries, digest answered up front
    push         Graph Store Protocol / SPARQL Update, chunks, atomic replacement
    verify       COUNT queries after a push
    oxigraph     the Oxigraph child process (load, serve, dies with its parent)
    proxy        the guard in front of it: Host, Origin, read-only
    janitor      cleans up after `kg serve` however it ends
    local        `kg serve` itself: store, child, guard, janitor, banner

Nothing here imports rdflib at module level: the CLI imports these modules at start.
"""
