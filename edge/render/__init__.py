"""Renderers of a decoded receipt: text (as it reads), HTML (for the e-receipt page), PNG (the paper)."""
