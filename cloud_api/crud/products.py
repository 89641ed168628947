"""The product master: a retailer's catalogue, imported as CSV (or rows from the API), and the link from a
receipt's item to its product — by the code or barcode the till printed, else by the normalised name.
Items that match nothing wait in the unmapped list at HQ, most sold first.

CSV columns (a header row; `name` required, the rest optional): code, barcode, name, category, brand,
size, price_band. A row with a code replaces the product of that code; one without, the product of the
same normalised name. Every bad row is reported with its line number and reason; the rest are imported.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from cloud_api.crud.records import coded_items
from cloud_api.models import Product, Transaction

COLUMNS = ("code", "barcode", "name", "category", "brand", "size", "price_band")
WIDTHS = {"code": 64, "barcode": 32, "name": 200, "category": 100, "brand": 100, "size": 50, "price_band": 20}
BASKETS_SCANNED = 20_000  # the most recent receipts the unmapped list looks through
_BARCODE = re.compile(r"\d{8,14}")


def name_key(name: str) -> str:
    """A name as tills vary it and people do not mean differently: width, case, accents' forms and
    spacing folded ("ＭＩＬＫ  1L" and "milk 1l" are one product)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())[:200]


@dataclass
class CatalogueImport:
    added: int = 0
    replaced: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line, why)


def read_csv(text: str) -> tuple[list[tuple[int, dict[str, str]]], list[tuple[int, str]]]:
    """The rows of a catalogue CSV with their line numbers, and what is wrong with the file as a whole."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "name" not in header:
        return [], [(1, f"the header must name a 'name' column (columns: {', '.join(COLUMNS)})")]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        return [], [(1, f"unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})")]
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:  # more cells than the header has
            rows.append((reader.line_num, {"__extra__": "x"}))
            continue
        rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}))
    return rows, []


def import_catalogue(
    session: Session, retailer: str, rows: Iterable[tuple[int, dict[str, str]]], now: datetime
) -> CatalogueImport:
    """Add or replace each good row's product; report each bad one. In the caller's transaction."""
    result = CatalogueImport()
    seen_codes: set[str] = set()
    for line, row in rows:
        problem = _problem(row, seen_codes)
        if problem:
            result.refused.append((line, problem))
            continue
        values = {k: (row.get(k) or None) for k in COLUMNS}
        code = values["code"]
        if code:
            seen_codes.add(code)
            existing = session.scalars(
                select(Product).where(Product.retailer == retailer, Product.code == code)
            ).first()
        else:
            existing = session.scalars(
                select(Product).where(
                    Product.retailer == retailer,
                    Product.code.is_(None),
                    Product.name_key == name_key(values["name"] or ""),
                )
            ).first()
        if existing is None:
            existing = Product(retailer=retailer)
            session.add(existing)
            result.added += 1
        else:
            result.replaced += 1
        for k, v in values.items():
            setattr(existing, k, v)
        existing.name_key = name_key(existing.name)
        existing.updated_at = now
        session.flush()
    return result


def _problem(row: dict[str, str], seen_codes: set[str]) -> str | None:
    if "__extra__" in row:
        return "more cells than the header names"
    if not row.get("name"):
        return "no name"
    for k, width in WIDTHS.items():
        value = row.get(k) or ""
        if len(value) > width:
            return f"{k} longer than {width} characters"
        if any(unicodedata.category(c) == "Cc" for c in value):
            return f"{k} holds a control character"
    barcode = row.get("barcode")
    if barcode and not _BARCODE.fullmatch(barcode):
        return f"barcode {barcode!r} is not 8 to 14 digits"
    if row.get("code") and row["code"] in seen_codes:
        return f"code {row['code']!r} twice in this file"
    return None


@dataclass(frozen=True)
class Catalogue:
    """A retailer's products, looked up by code, barcode and normalised name."""

    by_code: dict[str, Product]
    by_barcode: dict[str, Product]
    by_name: dict[str, Product]

    def product_for(self, name: str, code: str | None) -> Product | None:
        if code:
            found = self.by_code.get(code) or self.by_barcode.get(code)
            if found is not None:
                return found
        return self.by_name.get(name_key(name))

    def name_of(self, name: str, code: str | None) -> str:
        """The item as the catalogue names it where it knows it, else as printed."""
        product = self.product_for(name, code)
        return product.name if product is not None else name


def catalogue(
    session: Session,
    retailer: str,
    categories: Collection[str] | None = None,
    items: Collection[tuple[str, str | None]] | None = None,
) -> Catalogue:
    """``categories``: only the products of these (a tag rule's lookups, on ingest, need no other).
    ``items``: only the products these (name as printed, code) items can be, found by the indexes on code,
    barcode and name: what a page about one receipt or one customer needs, not the whole master."""
    mine = select(Product).where(Product.retailer == retailer)
    if categories is not None:
        mine = mine.where(Product.category.in_(list(categories)))
    if items is None:
        products = list(session.scalars(mine))
    else:
        codes = sorted({code for _, code in items if code})
        keys = sorted({name_key(name) for name, _ in items})
        # Three lookups in one statement, each by its index; not one OR, which SQLite answers by reading
        # the retailer's whole master (8 ms for 20,000 products).
        found = union_all(
            mine.where(Product.name_key.in_(keys)),
            *([mine.where(Product.code.in_(codes)), mine.where(Product.barcode.in_(codes))] if codes else []),
        )
        products = list({p.id: p for p in session.scalars(select(Product).from_statement(found))}.values())
    return Catalogue(
        by_code={p.code: p for p in products if p.code},
        by_barcode={p.barcode: p for p in products if p.barcode},
        by_name={p.name_key: p for p in products},
    )


@dataclass(frozen=True)
class Unmapped:
    name: str
    code: str | None
    lines: int  # receipt lines that printed it
    sales: dict[str, Decimal]  # amount by currency ("" where the receipt named none), never added across


def unmapped(session: Session, retailer: str, store_ids: Collection[int], limit: int = 100) -> list[Unmapped]:
    """The items of the stores' recent sales that match no product, most printed first."""
    known = catalogue(session, retailer)
    rows = session.execute(
        select(Transaction.currency, Transaction.record)
        .where(Transaction.store_id.in_(list(store_ids)), Transaction.kind == "sale")
        .order_by(Transaction.started_at.desc())
        .limit(BASKETS_SCANNED)
    )
    counts: Counter[tuple[str, str | None]] = Counter()
    printed: dict[tuple[str, str | None], str] = {}  # the name as a till printed it, first seen
    sales: dict[tuple[str, str | None], dict[str, Decimal]] = {}
    for currency, record in rows:
        for name, code, amount in coded_items(record):
            if known.product_for(name, code) is None:
                key = (name_key(name), code)
                counts[key] += 1
                printed.setdefault(key, name)
                by_currency = sales.setdefault(key, {})
                by_currency[currency or ""] = by_currency.get(currency or "", Decimal(0)) + amount
    return [
        Unmapped(name=printed[key], code=key[1], lines=n, sales=sales[key])
        for key, n in counts.most_common(limit)
    ]
