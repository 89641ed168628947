"""HQ's fleet for the role tests: four stores of two retailers, a box each with a heartbeat, two receipts
a store (one needing review), shoppers of one store and one of two, and a user of every role with an API
token (the `fleet` fixture of conftest.py makes one on each database)."""

from __future__ import annotations

import base64
import os
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import ServiceSecret
from cloud_api.crud.customers import claim_receipt, customer_for_phone
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import record_heartbeat, store_envelope
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import LearnedProfile, Store, Transaction
from edge.parsing.pipeline import parse_bytes
from sync.envelope import Envelope
from tests.helpers import corpus

KEY = "A" * 43
STORES = {"acme": ["s1", "s2", "s3"], "rival": ["x1"]}
ROLES = {
    "owner@acme.test": ("owner", []),
    "manager@acme.test": ("manager", ["s1", "s2"]),
    "shop3@acme.test": ("store_manager", ["s3"]),
    "owner@rival.test": ("owner", []),
}


PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"a picture of the paper").decode()


class Fleet:
    def __init__(self, url: str) -> None:
        upgrade(url)
        self.url = url
        self.sessions = make_sessions(make_engine(url))
        self.secret = ServiceSecret(os.urandom(32))
        self.tokens: dict[str, str] = {}
        self.store_ids: dict[str, int] = {}
        self.tx_ids: dict[str, int] = {}
        self.customer_of: dict[str, int] = {}
        now = datetime.now(UTC)
        seq = 0
        with self.sessions.begin() as s:
            for retailer, codes in STORES.items():
                for code in codes:
                    enroll(s, retailer, code, f"{code}-t1", KEY)
                    record_heartbeat(
                        s,
                        Envelope(
                            f"{code}-t1",
                            None,
                            "heartbeat",
                            now,
                            {"outbox_depth": 3, "disk_used_share": "0.412"},
                        ),
                    )
            for code in ["s1", "s2", "s3", "x1"]:
                for n, name in enumerate(["en-grocery-00", "zh-supermarket-00"]):
                    seq += 1
                    tx: dict[str, Any] = parse_bytes(corpus(name)).to_json()
                    tx["member_id"] = None  # member-number linking is test_claims.py's
                    if n == 1:
                        tx["status"] = "needs_review"
                        tx["issues"] = ["tendered 100.00 - change 0 != total 99.00"]
                        tx["reasons"] = [
                            {"check": "tenders_vs_total", "field": "payments", "text": tx["issues"][0]}
                        ]
                    record = {
                        "job_id": f"{code}-job{n}",
                        "revision": 1,
                        "qr_token": f"{code}tok{n}".ljust(16, "0"),
                        "transaction": tx,
                        "started_at": (now - timedelta(hours=n)).isoformat(),
                        "tags": {"labels": [f"label-{code}"]},
                        "paper": f"PAPER OF {code}",
                        "paper_png": PNG,
                    }
                    store_envelope(s, Envelope(f"{code}-t1", seq, "transaction", now, record), self.secret)
            s.flush()
            for store in s.scalars(select(Store)):
                self.store_ids[store.code] = store.id
            for t in s.scalars(select(Transaction)):
                self.tx_ids[t.job_id] = t.id
                t.layout = f"HEAD OF {t.job_id.split('-')[0]}"  # a layout of each store's own
            # A draft profile learned from each store's layout (the approvals' role checks).
            self.profile_ids: dict[str, int] = {}
            for retailer, codes in STORES.items():
                for code in codes:
                    draft = LearnedProfile(
                        retailer=retailer,
                        layout=f"HEAD OF {code}",
                        name=f"learned-{code}",
                        toml=f'name = "learned-{code}"\n',
                        status="draft",
                        examples=[],
                        score={"worse_count": 0},
                        stores=[],
                        created_by="test",
                        created_at=now,
                    )
                    s.add(draft)
                    s.flush()
                    self.profile_ids[code] = draft.id
            # One shopper per store (only there), and one who shops at s1 and s3.
            for i, code in enumerate(["s1", "s2", "s3", "x1"]):
                c = customer_for_phone(s, self.secret, f"+861380013800{i}", now)
                claim_receipt(s, self.secret, self._tx(s, f"{code}-job0"), c, now)
                self.customer_of[code] = c.id
            both = customer_for_phone(s, self.secret, "+8613800138009", now)
            claim_receipt(s, self.secret, self._tx(s, "s1-job1"), both, now)
            claim_receipt(s, self.secret, self._tx(s, "s3-job1"), both, now)
            self.both = both.id
            for email, (role, codes) in ROLES.items():
                retailer = email.split("@")[1].split(".")[0]
                user = add_user(s, email, email, role, retailer, codes, "correct horse battery", now)
                self.tokens[email] = issue_token(s, user, "api", "test", now)

    @staticmethod
    def _tx(s: Any, job: str) -> Transaction:
        return s.scalars(select(Transaction).where(Transaction.job_id == job)).one()

    def calls(self, code: str) -> dict[str, str]:
        """Every /api/v1 path, made concrete with store `code`'s ids."""
        sid, tid, cid = self.store_ids[code], self.tx_ids[f"{code}-job0"], self.customer_of[code]
        today = date.today().isoformat()
        return {
            "/api/v1/stores": "/api/v1/stores",
            "/api/v1/stores/{store_id}": f"/api/v1/stores/{sid}",
            "/api/v1/stores/{store_id}/warnings": f"/api/v1/stores/{sid}/warnings",
            "/api/v1/stores/{store_id}/rules": f"/api/v1/stores/{sid}/rules",
            "/api/v1/stores/{store_id}/assortment-gap": f"/api/v1/stores/{sid}/assortment-gap",
            "/api/v1/stores/{store_id}/funnel": f"/api/v1/stores/{sid}/funnel",
            "/api/v1/consents/summary": "/api/v1/consents/summary",
            "/api/v1/devices": f"/api/v1/devices?store_id={sid}",
            "/api/v1/transactions": f"/api/v1/transactions?store_id={sid}",
            "/api/v1/transactions/{transaction_id}": f"/api/v1/transactions/{tid}",
            "/api/v1/review": f"/api/v1/review?store_id={sid}",
            "/api/v1/customers": "/api/v1/customers",
            "/api/v1/products/unmapped": f"/api/v1/products/unmapped?store_id={sid}",
            "/api/v1/customers/{customer_id}": f"/api/v1/customers/{cid}",
            "/api/v1/customers/{customer_id}/recommendations": f"/api/v1/customers/{cid}/recommendations",
            "/api/v1/reports/daily": f"/api/v1/reports/daily?store_id={sid}&day={today}",
            "/api/v1/reports/stores": f"/api/v1/reports/stores?day={today}",
            "/api/v1/reports/chain": f"/api/v1/reports/chain?day={today}",  # the owner's only: 403 to others
            "/api/v1/health": "/api/v1/health",
            "/api/v1/layouts": "/api/v1/layouts",
            "/api/v1/profiles": "/api/v1/profiles",
            "/api/v1/profiles/{profile_id}": f"/api/v1/profiles/{self.profile_ids[code]}",
            "/api/v1/transactions/{transaction_id}/revisions": f"/api/v1/transactions/{tid}/revisions",
        }

    def posts(self, code: str) -> dict[str, tuple[str, dict[str, Any]]]:
        """Every /api/v1 path that changes something, with store `code`'s ids and a body that is
        accepted from a user of that store (a correction that changes nothing adds up: a confirmation)."""
        tid, pid = self.tx_ids[f"{code}-job0"], self.profile_ids[code]
        return {
            "/api/v1/transactions/{transaction_id}/check": (f"/api/v1/transactions/{tid}/check", {}),
            "/api/v1/transactions/{transaction_id}/corrections": (
                f"/api/v1/transactions/{tid}/corrections",
                {},
            ),
            "/api/v1/profiles/drafts": ("/api/v1/profiles/drafts", {"layout": f"HEAD OF {code}"}),
            "/api/v1/profiles/{profile_id}/approve": (f"/api/v1/profiles/{pid}/approve", {}),
            "/api/v1/profiles/{profile_id}/rollback": (f"/api/v1/profiles/{pid}/rollback", {}),
            "/api/v1/profiles/{profile_id}/edits": (
                f"/api/v1/profiles/{pid}/edits",
                {"toml": f'name = "edited-{code}"\n[detect]\nheader = "HEAD OF {code}"\n'},
            ),
        }
