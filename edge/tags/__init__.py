"""Tags the cloud filters and reports by: box ids, kind, payments, member, basket, hour, and rules."""
