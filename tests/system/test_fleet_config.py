"""Configuration from HQ to a store's boxes: signed by HQ, verified by the box before use, never older
than what runs, kept across restarts; a pushed POS profile plus a re-parse request turns the store's
needs_review receipts into corrections that reach the cloud. The last test runs the real processes
(Mosquitto with TLS/ACL, the cloud, bridge and agent), `tillbox-cloud config push` and `tillbox-cloud tags
push-rules` (HQ's item-name tag rules: the box's next receipt is tagged by them)."""

from __future__ import annotations

import base64
import json
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from cloud_api.cli import main as cloud
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.models import PushedConfig, Transaction
from edge.fleet import FleetApplier
from firmware_bridge.links import open_endpoint
from hardware_tests.demo_system import STORE, Services
from hardware_tests.ports import free_port
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator
from sync.canonical import canonical_bytes
from sync.config_doc import BadConfig, sign_config, verify_config
from sync.wire.config import FleetConfig, PushedProfile, Reparse
from tests.helpers import corpus, wait_for

REPO = Path(__file__).resolve().parents[2]
HUAXIN = REPO / "edge" / "parsing" / "profiles" / "huaxin-pos.toml"
HQ = Ed25519PrivateKey.generate()


def doc(version: int, profile_toml: str | None = None, reparse: str | None = None) -> FleetConfig:
    return FleetConfig(
        version,
        datetime(2026, 11, 29, 12, tzinfo=UTC),
        pos_profile=PushedProfile("huaxin-pos", profile_toml) if profile_toml is not None else None,
        reparse=Reparse(reparse, "needs_review") if reparse else None,
    )


def test_only_hqs_signature_on_an_untouched_document_verifies() -> None:
    payload = sign_config(doc(2), HQ)
    assert verify_config(payload, HQ.public_key()).version == 2
    with pytest.raises(BadConfig, match="signature"):
        verify_config(payload, Ed25519PrivateKey.generate().public_key())
    with pytest.raises(BadConfig, match="signature"):
        verify_config(payload.replace(b'"version":2', b'"version":9'), HQ.public_key())
    for junk in (b"", b"{}", b"[1]", b'{"config":{},"sig":"x"}', b"\xff" * 10, b"{" * 300_000):
        with pytest.raises(BadConfig):
            verify_config(junk, HQ.public_key())


def signed_body(body: Any) -> bytes:
    """A payload signed by HQ's own key around any body: what a leaked key or a bug at HQ could send."""
    sig = base64.urlsafe_b64encode(HQ.sign(canonical_bytes(body))).rstrip(b"=").decode()
    return canonical_bytes({"config": body, "sig": sig})


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ([1], "config: an object expected"),
        ({"issued_at": "2026-11-29T12:00:00+00:00"}, "config.version: missing"),
        ({"version": 0, "issued_at": "2026-11-29T12:00:00+00:00"}, "config.version: 0 is out of range"),
        ({"version": True, "issued_at": "2026-11-29T12:00:00+00:00"}, "config.version: a whole number"),
        (
            {"version": 2, "issued_at": "2026-11-29T12:00:00"},
            "config.issued_at: '2026-11-29T12:00:00' has no time zone",
        ),
        (
            {"version": 2, "issued_at": "2026-11-29T12:00:00Z", "pos_profile": "huaxin"},
            "config.pos_profile: an object",
        ),
        (
            {
                "version": 2,
                "issued_at": "2026-11-29T12:00:00Z",
                "pos_profile": {"name": "x" * 65, "toml": ""},
            },
            "config.pos_profile.name: longer than 64",
        ),
        (
            {
                "version": 2,
                "issued_at": "2026-11-29T12:00:00Z",
                "reparse": {"id": "r1", "status": "ok; DROP"},
            },
            "config.reparse.status: 'ok; DROP' is none of",
        ),
        (
            {"version": 2, "issued_at": "2026-11-29T12:00:00Z", "item_rules": ["[[rule]]"]},
            "config.item_rules: text expected, not list",
        ),
        (
            {"version": 2, "issued_at": "2026-11-29T12:00:00Z", "item_rules": "#" * 65537},
            "config.item_rules: longer than 65536",
        ),
    ],
)
def test_a_signed_configuration_with_hostile_contents_is_refused_with_the_field_named(
    body: Any, named: str, tmp_path: Path
) -> None:
    with pytest.raises(BadConfig, match=re.escape(named)):
        verify_config(signed_body(body), HQ.public_key())
    box = FleetApplier(HQ.public_key(), tmp_path)
    box.receive(signed_body(body))
    assert box.take() is None and box.refused == 1 and box.version == 0


def test_the_box_applies_only_newer_signed_configurations_and_keeps_them(tmp_path: Path) -> None:
    toml = HUAXIN.read_text(encoding="utf-8")
    unsigned = FleetApplier(None, tmp_path)
    unsigned.receive(sign_config(doc(1, toml), HQ))
    assert unsigned.take() is None and unsigned.refused == 1  # no hq_key: nothing is applied

    box = FleetApplier(HQ.public_key(), tmp_path)
    box.receive(sign_config(doc(3, toml, reparse="r1"), Ed25519PrivateKey.generate()))
    box.receive(sign_config(doc(3, 'name = "x"\n[words]\nbogus = 1\n'), HQ))  # a profile that does not load
    assert box.take() is None and box.refused == 2
    box.receive(sign_config(doc(3, toml, reparse="r1"), HQ))
    update = box.take()
    assert update is not None and update.profile is not None and update.profile.name == "huaxin-pos"
    assert box.version == 3 and box.reparse_due(update) == "needs_review"
    box.reparse_ran(update)
    assert box.reparse_due(update) is None  # once per request
    box.receive(sign_config(doc(2, toml), HQ))  # older: ignored
    box.receive(sign_config(doc(3, toml, reparse="r1"), HQ))  # the retained copy again: ignored
    assert box.take() is None
    # A restart applies the kept configuration again, without the broker, and does not re-run the re-parse.
    again = FleetApplier(HQ.public_key(), tmp_path)
    kept = again.take()
    assert kept is not None and kept.config.version == 3 and again.reparse_due(kept) is None


def test_hq_pushes_a_profile_and_the_stores_receipts_are_read_again(tmp_path: Path) -> None:
    bare = tmp_path / "bare.toml"
    bare.write_text('name = "bare"\n')  # the generic parser only: misreads this POS's receipts
    printer_port = free_port()
    ep = open_endpoint(f"tcp-listen://127.0.0.1:{printer_port}")
    ep.bind()  # type: ignore[attr-defined]
    printer = PrinterSimulator(ep, tmp_path / "printed", idle_gap_s=0.5).start()
    services = Services.one_box(tmp_path / "sys", printer_port, parser_profile=bare)
    try:
        services.start()
        till = PosSimulator(open_endpoint(f"tcp://127.0.0.1:{services.box.bridge_port}"), per_receipt=True)
        for i in range(4):
            till.run([corpus(f"zh-huaxin-{i:02d}")])
            time.sleep(1.0)
        sessions = make_sessions(make_engine(services.cloud_db))

        def in_cloud() -> list[tuple[int, str]]:
            with sessions() as s:
                return [
                    (t.revision, t.status)
                    for t in s.scalars(select(Transaction).order_by(Transaction.job_id))
                ]

        wait_for(lambda: len(in_cloud()) == 4, 60, "four receipts in the cloud")
        assert set(in_cloud()) == {(1, "needs_review")}

        cfg = str(services.out / "cloud" / "cloud.toml")
        assert (
            cloud(
                ["--config", cfg, "config", "push", "--store", STORE, "--profile", str(HUAXIN), "--reparse"]
            )
            == 0
        )
        wait_for(lambda: set(in_cloud()) == {(2, "ok")}, 60, "the corrections in the cloud")
        status = services.out / "box" / "agent-status.json"
        wait_for(
            lambda: json.loads(status.read_text()).get("config_version") == 1, 20, "the box on version 1"
        )
        assert json.loads(status.read_text())["pos_profile"] == "huaxin-pos"

        # Asked again: nothing left to correct, nothing sent.
        assert cloud(["--config", cfg, "config", "push", "--store", STORE, "--reparse"]) == 0
        wait_for(
            lambda: json.loads(status.read_text()).get("config_version") == 2, 20, "the box on version 2"
        )
        assert set(in_cloud()) == {(2, "ok")}
        with sessions() as s:
            assert [p.version for p in s.scalars(select(PushedConfig))] == [1, 2]

        # HQ's item-name tag rules: a bad file is refused whole and nothing pushed; a good one reaches the
        # box as version 3 (the profile carried on), and the next receipt is tagged by it.
        rules = tmp_path / "item-rules.toml"
        rules.write_text('[[rule]]\ntag = "Soda"\nitems = ["可口可乐"]\n', encoding="utf-8")
        assert cloud(["--config", cfg, "tags", "push-rules", str(rules), "--store", STORE]) == 1
        rules.write_text('[[rule]]\ntag = "soda"\nitems = ["可口可乐"]\n', encoding="utf-8")
        assert cloud(["--config", cfg, "tags", "push-rules", str(rules), "--store", STORE]) == 0
        wait_for(
            lambda: json.loads(status.read_text()).get("config_version") == 3, 20, "the box on version 3"
        )
        assert json.loads(status.read_text())["pos_profile"] == "huaxin-pos"
        till.run([corpus("zh-huaxin-00")])  # 可口可乐330ml

        def labels() -> list[list[str]]:
            with sessions() as s:
                return [
                    t.record["tags"]["labels"]
                    for t in s.scalars(select(Transaction).order_by(Transaction.id))
                ]

        wait_for(lambda: len(labels()) == 5, 60, "the fifth receipt in the cloud")
        assert labels() == [[], [], [], [], ["soda"]]
        with sessions() as s:
            assert [p.version for p in s.scalars(select(PushedConfig))] == [1, 2, 3]
        # Something not signed by HQ on the config topic (the control identity misused): refused by the box.
        assert services.broker is not None
        rogue = services.broker.client("cloud-control")  # only it may write config topics
        rogue.connect("127.0.0.1", services.broker_port)
        rogue.loop_start()
        forged = sign_config(doc(99, HUAXIN.read_text(encoding="utf-8")), Ed25519PrivateKey.generate())
        rogue.publish(f"tillbox/demo/{STORE}/s1-till1/config", forged, qos=1, retain=True).wait_for_publish(
            10
        )
        rogue.loop_stop()
        rogue.disconnect()
        wait_for(lambda: "pushed configuration refused" in services.log("box-agent"), 20, "the refusal")
        assert json.loads(status.read_text())["config_version"] == 3
    finally:
        services.stop()
        printer.stop()
