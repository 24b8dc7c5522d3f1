"""Event coding: cue lexicons, casualty figures, event frames, in-article merging."""
