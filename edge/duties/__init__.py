"""The agent's duties (edge/agent.py puts them together), each a small class testable alone.

On the agent's one loop (scheduler.py), in this order:
- fleet.py: the configuration HQ pushed, taken each pass;
- spool.py: the bridge's finished jobs taken into the store each pass, the disk watched; sets the pace;
- retention.py: old, synced captures removed, every `housekeeping_s`;
- status.py: the box's readings and the status file, every `health_s`;
- uplink.py (HeartbeatDuty): the heartbeat to HQ, every `heartbeat_s`;
- metrics.py (MetricsDuty): the Prometheus gauges, every `health_s`.

In threads of their own beside it (services.py starts them in order and stops them in reverse):
- metrics.py (MetricsEndpoint): the Prometheus endpoint;
- qr.py: QR symbols rendered ahead and the bridge's injection requests answered;
- uplink.py (UplinkService): the outbox synced to the cloud.

What the duties hand each other is in shared.py."""
