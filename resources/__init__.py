"""Parallax's data files (installed as the package ``parallax_resources``): lexicons, style sheets and
icons.  Read them through ``analysis.resources`` (``importlib.resources``), never by file path."""
