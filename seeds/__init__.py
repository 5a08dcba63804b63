"""The five sample articles the window opens when started with no arguments (installed as the package
``parallax_seeds``).  Find them with ``analysis.resources.seed_paths()``."""
