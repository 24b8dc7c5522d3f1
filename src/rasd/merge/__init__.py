"""Cross-article merging: reports of one incident become one incident.

- :mod:`rasd.merge.rules`: :func:`compare` two reports (symmetric, with reasons);
- :mod:`rasd.merge.profile`: reports the rule cannot tell apart, linked once;
- :mod:`rasd.merge.cluster`: incidents from links (the definition, from scratch);
- :mod:`rasd.merge.regroup`: the same incidents, updated locally;
- :mod:`rasd.merge.incident`: summaries of reports that add up into an incident;
- :mod:`rasd.merge.audit`: sample link decisions for a human check, replay checked cases.

The store (:mod:`rasd.store`) calls these incrementally, one article at a time.
"""
from __future__ import annotations

from .cluster import Graph, clusters, pair
from .incident import FIGURES, aggregate, combine, finalize, incident_id, summarize
from .regroup import regroup
from .rules import Decision, compare

__all__ = ["Decision", "FIGURES", "Graph", "aggregate", "clusters", "combine", "compare",
           "finalize", "incident_id", "pair", "regroup", "summarize"]
