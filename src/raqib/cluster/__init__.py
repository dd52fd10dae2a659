"""Processing on a Dask distributed cluster (``raqib process --cluster``; extra ``cluster``).

Workers extract and store, the ``raqib process`` client hands out document ids and links:
see ``raqib.cluster.dask_runner`` and docs/cluster.md.
"""
