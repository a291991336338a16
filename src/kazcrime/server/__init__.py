"""The web layer: the SPARQL endpoint, Linked Data pages and the query page, served on 127.0.0.1.

:mod:`.app` routes requests and maps errors to HTTP statuses in one place; :mod:`.pool` runs every
query in worker processes that can be killed at the time limit; one module per page kind renders.
"""
