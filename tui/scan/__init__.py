"""The corpus scan: find the copies and rewrites of a set of stories in a big collection.

Modules, one job each: ``corpus`` plans the shards, ``records`` reads them (folders, JSON
Lines, WARC), ``shingles`` turns text into hashed n-grams, ``index`` holds the stories,
``candidates`` filters, ``verify`` runs the engine, ``runner`` and ``distributed`` scan on one
machine or a Dask cluster, ``state`` resumes, ``scan`` ties it together, ``contract`` and
``render`` write results. Nothing here imports Textual.
"""
