"""E-receipt QR codes: unguessable tokens and the block printed before the cut."""
