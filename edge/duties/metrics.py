"""The agent's Prometheus metrics: the gauges set from the status duty's latest readings every
`health_s`, and the endpoint on 127.0.0.1 that serves them (a thread of its own, stopped with the agent).
The job and retention counters are counted where the jobs and captures go (spool.py, retention.py)."""

from __future__ import annotations

from wsgiref.simple_server import WSGIServer

from edge.duties.shared import Shared
from edge.metrics import AgentMetrics


class MetricsDuty:
    def __init__(self, metrics: AgentMetrics, shared: Shared) -> None:
        self.metrics, self.shared = metrics, shared

    def run(self) -> None:
        if self.shared.health is not None:  # (none before the status duty's first readings)
            self.metrics.update(self.shared.health)
        self.metrics.disk_low.set(self.shared.conditions.now.disk_low)
        self.metrics.disk_full.set(self.shared.conditions.now.disk_full)


class MetricsEndpoint:
    def __init__(self, metrics: AgentMetrics, port: int) -> None:
        self.metrics, self.port = metrics, port
        self._server: WSGIServer | None = None

    def start(self) -> None:
        self._server = self.metrics.serve(self.port)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
