"""The actor dictionary and its use: who acts in a text, as ACLED names them.

Public API:

- :func:`resolve` / :func:`resolution`: the actor that a mention, term key or
  alias names in a country on a date (re-resolve a mention for an event's own
  country);
- :func:`by_key`: the actor of a dictionary key, actor id or template
  («unidentified», «military/Russia») for a country and date;
- :func:`civilians`, :func:`unidentified`: ACLED's per-country civilian and
  unidentified-armed-group actors;
- :func:`interaction`: ACLED's two-digit interaction code;
- :func:`active_in`, :func:`seen_in`: can an actor act in a country, and how it
  is coded there (a foreign state's forces are inter 8);
- :func:`find_actors`: the mentions of a document and its country context;
- :func:`load`: the dictionary itself (countries, actors, terms, aliases).
"""
from .country import CountryContext
from .dictionary import Dictionary, load
from .extract import find_actors
from .resolve import (Resolution, active_in, by_key, civilians, interaction, resolution, resolve,
                      seen_in, unidentified)

__all__ = ["CountryContext", "Dictionary", "Resolution", "active_in", "by_key", "civilians",
           "find_actors", "interaction", "load", "resolution", "resolve", "seen_in", "unidentified"]
