"""rasd (رصد): Arabic news → evidence-backed, ACLED-compatible conflict-event records."""
__version__ = "0.1.0"
