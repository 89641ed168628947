"""Statistics over the cloud's customer data: pure functions of numbers, no database, no web."""
