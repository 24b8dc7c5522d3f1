"""Cross-article merging: reports of one incident become one incident.

- :mod:`rasd.merge.rules`: :func:`compare` two reports (symmetric, with reasons);
- :mod:`rasd.merge.cluster`: blocks (connected reports) and incidents within them;
- :mod:`rasd.merge.incident`: :func:`aggregate` the reports of one incident;
- :mod:`rasd.merge.audit`: sample link decisions for a human check, replay checked cases.

The store (:mod:`rasd.store`) calls these incrementally, one block at a time.
"""
from __future__ import annotations

from .cluster import Graph, clusters, components, pair
from .incident import FIGURES, aggregate, incident_id
from .rules import Decision, compare

__all__ = ["Decision", "FIGURES", "Graph", "aggregate", "clusters", "compare", "components",
           "incident_id", "pair"]
