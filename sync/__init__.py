"""sync: the wire between box and cloud (envelope, topics, publisher, subscriber). Not built yet."""
