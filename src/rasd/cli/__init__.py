"""The ``rasd`` command line. Each module here that defines ``COMMANDS`` (a list
of click commands) contributes them to the ``rasd`` group."""
