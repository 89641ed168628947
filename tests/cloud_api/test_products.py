"""The product master (cloud_api/crud/products.py): a catalogue CSV with broken rows is imported but for
them, each reported with its line and reason; a receipt's item is its product by code, barcode or
normalised name; what matches nothing is in HQ's unmapped list of the user's stores, most printed first.
`tillbox-cloud products import`; SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from cloud_api.cli import main as cloud_main
from cloud_api.core.db import make_engine, make_sessions
from cloud_api.core.secrets import load_or_create_secret
from cloud_api.crud.devices import enroll
from cloud_api.crud.ingest import store_envelope
from cloud_api.crud.products import catalogue, name_key
from cloud_api.crud.users import add_user, issue_token
from cloud_api.migrate import upgrade
from cloud_api.models import Product, Store
from sync.envelope import Envelope
from tests.cloud_api.chain import cloud_config
from tests.cloud_app import app_for

CSV = """code,barcode,name,category,brand,size,price_band
1001,6901234567892,Milk Powder Stage 1,baby,Feihe,800g,high
1002,,Nappies L 40,baby,Pampers,40,mid
,,ＢＲＥＡＤ  Loaf,bakery,,,low
1003,12ab,Bad Barcode,x,,,
1004,,,nameless,,,
1002,,Nappies L 40 again,baby,,,
1005,,Rice 5kg,grocery,,5kg,mid,extra
1006,,Green Tea,drinks,,,low
"""


def test_a_catalogue_is_imported_but_for_its_broken_rows(cloud_db: str, tmp_path: Path, capsys: Any) -> None:
    upgrade(cloud_db)
    sessions = make_sessions(make_engine(cloud_db))
    secret = load_or_create_secret(tmp_path / "cloud.key")
    now = datetime.now(UTC)
    with sessions.begin() as s:
        for code in ("s1", "s2"):
            enroll(s, "acme", code, f"{code}-t1", "A" * 43)
        owner = add_user(s, "owner@acme.test", "Owner", "owner", "acme", [], None, now)
        shop2 = add_user(s, "shop2@acme.test", "Shop 2", "store_manager", "acme", ["s2"], None, now)
        tokens = {u.email: issue_token(s, u, "api", "t", now) for u in (owner, shop2)}
    config = cloud_config(tmp_path, cloud_db)
    path = tmp_path / "catalogue.csv"
    path.write_text(CSV)
    capsys.readouterr()
    assert cloud_main(["--config", str(config), "products", "import", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "4 products added, 0 replaced, 4 rows refused" in out
    assert [line.split(": ", 1) for line in err.splitlines()] == [
        [f"{path}:5", "barcode '12ab' is not 8 to 14 digits"],
        [f"{path}:6", "no name"],
        [f"{path}:7", "code '1002' twice in this file"],
        [f"{path}:8", "more cells than the header names"],
    ]
    path.write_text("code,name,category\n1006,Green Tea 500ml,drinks\n")
    assert cloud_main(["--config", str(config), "products", "import", str(path)]) == 0
    assert "0 products added, 1 replaced, 0 rows refused" in capsys.readouterr().out
    path.write_text("sku,name\n1,Tea\n")
    assert cloud_main(["--config", str(config), "products", "import", str(path)]) == 2
    assert "unknown column 'sku'" in capsys.readouterr().err

    with sessions.begin() as s:
        known = catalogue(s, "acme")
        assert known.product_for("anything", "1001").name == "Milk Powder Stage 1"  # type: ignore[union-attr]
        assert known.product_for("anything", "6901234567892").code == "1001"  # type: ignore[union-attr]
        assert known.product_for("bread loaf", None).category == "bakery"  # type: ignore[union-attr]
        assert known.product_for("Nappies  l 40", None) is not None  # by name, though it has a code
        assert known.product_for("Cola", "9999") is None
        assert s.scalars(select(Product.name).where(Product.code == "1006")).one() == "Green Tea 500ml"
        assert name_key("ＭＩＬＫ  1L") == name_key("milk 1l")
        # Receipts: the known, and two unknown items (Cola twice in s1, Gum once in s2).
        when = now - timedelta(hours=1)
        for seq, (device, items) in enumerate(
            [
                ("s1-t1", [("Milk Powder Stage 1", "1001", "199.00"), ("Cola 330ml", None, "3.00")]),
                ("s1-t1", [("Cola 330ml", None, "3.00"), ("BREAD LOAF", None, "8.00")]),
                ("s2-t1", [("Gum", "7777", "2.00")]),
            ],
            start=1,
        ):
            tx = {
                "kind": "sale",
                "status": "ok",
                "currency": "CNY",
                "total": str(sum((Decimal(a) for _, _, a in items), Decimal(0))),
                "items": [{"name": n, "amount": a, **({"code": c} if c else {})} for n, c, a in items],
            }
            body = {"job_id": f"j{seq}", "revision": 1, "started_at": when.isoformat(), "transaction": tx}
            store_envelope(s, Envelope(device, seq, "transaction", when, body))
    with sessions() as s:
        s1 = s.scalars(select(Store.id).where(Store.code == "s1")).one()
    with TestClient(app_for(cloud_db, secret=secret)) as client:

        def get(email: str, query: str = "") -> Any:
            return client.get(
                f"/api/v1/products/unmapped{query}", headers={"Authorization": f"Bearer {tokens[email]}"}
            )

        everything = get("owner@acme.test").json()
        assert [(u["name"], u["code"], u["lines"]) for u in everything] == [
            ("Cola 330ml", None, 2),
            ("Gum", "7777", 1),
        ]
        assert everything[0]["sales"] == {"CNY": "6.00"}
        assert [u["name"] for u in get("shop2@acme.test").json()] == ["Gum"]  # their store's only
        assert get("shop2@acme.test", f"?store_id={s1}").json() == []  # another's: nothing
