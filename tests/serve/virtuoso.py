"""Answers of Virtuoso 7.2 (07.20.3229, the Debian package 7.2.5.1), recorded from a
server on 127.0.0.1 and trimmed (Date and Server headers dropped), for the stub to replay.
SP031 did not occur on that build (its limits showed as SP030 and SQ156/SQ200 first); its
page is the reported message in Virtuoso's HTML error page layout."""

from __future__ import annotations

# POST /sparql (anonymous) with an update: the SPARQL user lacks SPARQL_UPDATE.
SR186 = (500, b"Virtuoso 42000 Error SR186:SECURITY: No permission to execute procedure "
              b"DB.DBA.SPARUL_RUN with user ID 107, group ID 107\n\nSPARQL query:\n"
              b"DROP SILENT GRAPH <http://x/g>",
         0.0, {"Content-Type": "text/plain"})

# PUT /sparql-graph-crud (anonymous): an HTML page, the message inside <xmp>.
SQ110_PAGE = (b"""<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
  <head>
    <title>SPARQL Graph Protocol request failed</title>
  </head>
  <body>
    <h1>HTTP/1.1 403 Forbidden</h1>
    <h3>Error 42000</h3>
<xmp>SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)"""
              b"""</xmp></body></html>""")
SQ110 = (403, SQ110_PAGE, 0.0, {"Content-Type": "text/html; charset=UTF-8"})

SP031_PAGE = b"""<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html>
  <head>
    <title>SPARQL Request Failed</title>
  </head>
  <body>
    <h1>HTTP/1.1 500 SPARQL Request Failed</h1>
    <h3>Error 37000</h3>
<xmp>SP031: SPARQL: generated SQL exceeded 10000 lines</xmp></body></html>"""
SP031 = (500, SP031_PAGE, 0.0, {"Content-Type": "text/html; charset=UTF-8"})

# A request with many operations: plain text, status 500.
SQ156 = (500, b"Virtuoso 37000 Error SQ156: Internal Optimized compiler error : Query too "
              b"large, variables in state over the limit in sqlvec.c:3026.\n\nSPARQL query:\n"
              b"INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> 1 } }",
         0.0, {"Content-Type": "text/plain"})

# /sparql-auth without credentials, or with basic ones.
DIGEST_401 = (401, b"", 0.0, {
    "Content-Type": "text/html; charset=ISO-8859-1",
    "WWW-Authenticate": 'Digest realm="SPARQL", domain="/sparql-auth", '
                        'nonce="c655ead804a2ad39ec50ca6f88b6b057", '
                        'opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", '
                        'qop="auth", algorithm="MD5"'})

# Basic credentials sent to /sparql-graph-crud-auth: a bare 401, no challenge at all.
BARE_401 = (401, b"", 0.0, {"Content-Type": "text/html; charset=ISO-8859-1"})
