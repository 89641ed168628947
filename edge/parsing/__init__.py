"""Document -> transaction: the generic parser, POS profiles, reconciliation, evaluation."""
