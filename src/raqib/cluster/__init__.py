"""Processing on a Dask distributed cluster (``raqib process --cluster``; extra ``cluster``).

Workers extract, the ``raqib process`` client stores: see ``raqib.cluster.dask_runner`` and
docs/cluster.md.
"""
