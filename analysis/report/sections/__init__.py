"""One module per report section; each has ``build(ctx) -> Section``."""
