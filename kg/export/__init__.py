"""Exports for tools outside RDF: event tables (pandas: CSV, Parquet) for analysts used
to GDELT/ICEWS tables, and the actor network (GraphML, GEXF) for Gephi and Cytoscape.

| module | what it writes |
|---|---|
| table | one row per canonical event, GDELT/ICEWS-like columns → .csv / .parquet |
| network | the alignment graph `kg query allies/rivals/blocs` reads → .graphml / .gexf |
"""
