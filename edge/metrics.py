"""The agent's Prometheus metrics, served on 127.0.0.1 only (a store's LAN is not a place to publish
how busy a till is). A registry of its own, so tests can run several agents in one process."""

from __future__ import annotations

from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, Counter, Gauge, start_http_server

from edge.health import Health


class AgentMetrics:
    def __init__(self) -> None:
        self.registry = r = CollectorRegistry()
        self.jobs = Counter("tillbox_jobs", "Spooled jobs taken by the agent", ["result"], registry=r)
        self.receipts_stored = Gauge("tillbox_receipts_stored", "Transactions in the store", registry=r)
        self.spool_depth = Gauge("tillbox_spool_depth", "Finished jobs waiting in the spool", registry=r)
        self.spool_bad = Gauge("tillbox_spool_bad_files", "Spool files set aside as not jobs", registry=r)
        self.outbox_depth = Gauge(
            "tillbox_outbox_depth", "Outbox rows not yet stored by the cloud", registry=r
        )
        self.oldest_unsent = Gauge(
            "tillbox_outbox_oldest_unsent_seconds", "Age of the oldest unsent outbox row", registry=r
        )
        self.parse_failure = Gauge(
            "tillbox_parse_failure_ratio", "Share of the last 24 h's receipts needing review", registry=r
        )
        self.disk_free = Gauge("tillbox_disk_free_bytes", "Free bytes where the store lives", registry=r)
        self.disk_low = Gauge("tillbox_disk_low", "1 while captures are stored without images", registry=r)
        self.disk_full = Gauge("tillbox_disk_full", "1 while the store cannot write", registry=r)
        self.pruned = Counter("tillbox_pruned_captures", "Captures removed by retention", registry=r)

    def update(self, h: Health) -> None:
        self.receipts_stored.set(h.receipts_stored)
        self.spool_depth.set(h.spool_depth)
        self.spool_bad.set(h.spool_bad)
        self.outbox_depth.set(h.outbox_depth)
        self.oldest_unsent.set(h.oldest_unsent_age_s or 0)
        self.parse_failure.set(h.parse_failure_rate or 0)
        self.disk_free.set(h.disk_free_bytes)

    def serve(self, port: int) -> WSGIServer:
        """Serve in a thread of its own; the server, to shut down."""
        server, _ = start_http_server(port, addr="127.0.0.1", registry=self.registry)
        return server
