"""Layouts the generic parser does not read, written here as raw ESC/POS with their truth in the published
transaction format: the material of the induction tests (test_induce.py, test_receipt_cli.py)."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

INIT, CUT = b"\x1b@", b"\x1dV\x00"
WIDTH = 42

_GOODS = [
    ("MKATE MWEUPE", "1200"),
    ("MAZIWA FRESHA", "1500"),
    ("SUKARI KILO", "3200"),
    ("MCHELE PISHORI", "4100"),
    ("MAFUTA YA KUPIKIA", "6750"),
    ("CHAI MAJANI", "850"),
    ("SABUNI YA MCHE", "1100"),
    ("NYANYA FUNGU", "500"),
    ("UNGA WA SEMBE", "2600"),
    ("MAJI YA KUNYWA", "700"),
]


def _money(value: Decimal) -> str:
    """Amounts as this till prints them: thousands by a comma, cents by a point."""
    return f"{value:,.2f}"


def swahili_duka(
    seed: int, two_line: bool = False, noted: bool = False, exact: bool = False
) -> tuple[bytes, dict[str, Any]]:
    """A Tanzanian shop's till in Swahili (no vocabulary of ours knows its words): "JUMLA KUU" for the
    total, "TASLIMU" and "M-PESA" for the tenders, "CHENJI" for the change, "RISITI" for the receipt
    number, items as "qty x NAME" then the amount far right after a bar, the day first in the date."""
    rnd = random.Random(seed)
    goods = rnd.sample(_GOODS, rnd.randint(2, 5))
    items = []
    for name, price in goods:
        qty = rnd.randint(1, 4)
        unit = Decimal(price)
        items.append(
            {"name": name, "quantity": str(qty), "unit_price": f"{unit:.2f}", "amount": f"{qty * unit:.2f}"}
        )
    total = sum((Decimal(i["amount"]) for i in items), Decimal(0))
    number = str(4000 + seed)
    day, hour, minute = 1 + seed % 27, 8 + seed % 12, (seed * 7) % 60
    cash = rnd.random() < 0.6
    lines = [
        "DUKA LA MAMA NJERI",
        "Kariakoo, Dar es Salaam",
        f"RISITI {number}",
        f"{day:02d}-11-2026  {hour:02d}:{minute:02d}",
        "=" * WIDTH,
    ]
    for i in items:
        if two_line:
            # The name, then its numbers under it, and the points it earns ("POINTI"), an amount that is
            # none of the sale's.
            left = f"   {i['quantity']} @ {_money(Decimal(i['unit_price']))}"
            right = _money(Decimal(i["amount"]))
            points = f"POINTI ZA BONASI {_money(Decimal(i['amount']) / 100)}"
            lines += [i["name"], left + " " * (WIDTH - len(left) - len(right)) + right, points]
            continue
        left = f"{i['quantity']} x {i['name']}"
        right = f"| {_money(Decimal(i['amount']))}"
        lines.append(left + " " * (WIDTH - len(left) - len(right)) + right)
        if noted and i is items[0]:
            # An amount off under the first item, which the truth leaves out (it states the items'
            # amounts as rung up, and the total paid).
            lines.append("    PUNGUZO" + " " * (WIDTH - 23) + "|  -100.00")
    lines.append("=" * WIDTH)
    subtotal = total - (Decimal(100) if noted else Decimal(0))
    total = subtotal - (Decimal(500) if noted else Decimal(0))

    def row(label: str, value: Decimal) -> str:
        right = _money(value)
        return label + " " * (WIDTH - len(label) - len(right)) + right

    if noted:
        # The items' sum less the amount off under one, then the customer's discount off it.
        lines += [row("JUMLA NDOGO", subtotal), row("PUNGUZO LA MTEJA", Decimal(-500))]
    lines.append(row("JUMLA KUU (incl. VAT)" if noted else "JUMLA KUU", total))
    payments: list[dict[str, str]]
    change = Decimal(0)
    if cash:
        given = total if exact else (total // 5000 + 1) * 5000  # exact: "CHENJI 0.00"
        change = given - total
        lines.append(row("TASLIMU", given))
        lines.append(row("CHENJI", change))
        payments = [{"method": "cash", "amount": f"{given:.2f}"}]
    else:
        lines.append(row("M-PESA LIPA", total))
        payments = [{"method": "other", "amount": f"{total:.2f}"}]
    if noted:
        # Points in words with a letter outside ASCII, and a footer's number after "YA", a word the items'
        # names print too ("MAFUTA YA KUPIKIA"): neither is the sale's money.
        lines += [row("Pointi zá bonasi", total / 100), "YA 250 POINTI ZAIDI"]
    lines += ["", "Asante kwa kununua!"]
    page = b"\x1bt\x10" if noted else b""  # code page 1252, for the "á"
    data = INIT + page + "\n".join(lines).encode("cp1252" if noted else "ascii") + b"\n\n\n" + CUT
    truth: dict[str, Any] = {
        "kind": "sale",
        "datetime": f"2026-11-{day:02d}T{hour:02d}:{minute:02d}:00",
        "receipt_no": number,
        "items": items,
        "total": f"{total:.2f}",
        "payments": payments,
        "change": f"{change:.2f}" if cash else None,
        "status": "ok",
    }
    if not cash:
        del truth["change"]
    if noted:
        truth["discounts"] = [{"label": "PUNGUZO LA MTEJA", "amount": "-500.00"}]
    if noted and seed >= 3:
        truth["subtotal"] = f"{subtotal:.2f}"  # stated on the later receipts only, as some records do
    return data, truth


def swahili_duka_noted(seed: int) -> tuple[bytes, dict[str, Any]]:
    """The shop's till printing a note after the total's words ("JUMLA KUU (incl. VAT)"), a subtotal, an
    amount off under an item, points and a footer's number; the examples' truth states no subtotal."""
    return swahili_duka(seed, noted=True)


_BAKED = [
    ("Rúgbrauð", 650),
    ("Kleina", 290),
    ("Snúður með glassúr", 540),
    ("Vínarbrauð", 480),
    ("Kanilsnúður", 520),
    ("Skúffukaka sneið", 750),
    ("Kaffi uppáhellt", 450),
    ("Flatkaka", 1390),
]


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def icelandic_bakari(seed: int, single: bool = False, coded: bool = False) -> tuple[bytes, dict[str, Any]]:
    """A Reykjavík bakery's till in Icelandic (no vocabulary of ours), code page 1252 by ESC t 16: krónur
    without decimals grouped by a point, "SAMTALS" for the total, "KORT" and "REIÐUFÉ" for the tenders,
    "TIL BAKA" for the change, items as "NAME  qty stk á price  amount kr"."""
    rnd = random.Random(1000 + seed)
    goods = rnd.sample(_BAKED, rnd.randint(2, 4))
    items = []
    for name, price in goods:
        qty = rnd.randint(1, 6)
        items.append(
            {"name": name, "quantity": str(qty), "unit_price": str(price), "amount": str(qty * price)}
        )
    total = sum(int(i["amount"]) for i in items)
    number = f"{seed + 210}"
    day, hour, minute = 1 + seed % 28, 7 + seed % 10, (seed * 13) % 60
    lines = [
        "    BAKARÍ SIGGA    ",
        "Laugavegur 12, 101 Reykjavík",
        f"Kvittun: {number}",
        f"{day:02d}.10.2026 kl. {hour:02d}:{minute:02d}",
        *([f"Biðröð      {seed % 90 + 10}"] if single else []),  # the order's queue number, no money
        "-" * WIDTH,
    ]
    for i in items:
        left = f"{i['name']:<17}{i['quantity']:>2} stk á {_kr(int(i['unit_price']))}"
        if single and i["quantity"] == "1":
            left = i["name"]  # one of a kind: no count, no price
        if coded:
            # The name and amount, then the article code, count and unit price under it.
            right = f"{_kr(int(i['amount']))} kr"
            lines.append(i["name"] + " " * (WIDTH - len(i["name"]) - len(right)) + right)
            lines.append(f"  {7100 + len(i['name'])}  {i['quantity']} stk. x {_kr(int(i['unit_price']))}")
            continue
        right = f"{_kr(int(i['amount']))} kr"
        lines.append(left + " " * (WIDTH - len(left) - len(right)) + right)
    lines.append("-" * WIDTH)

    def row(label: str, value: int) -> str:
        right = f"{_kr(value)} kr"
        return label + " " * (WIDTH - len(label) - len(right)) + right

    lines.append(row("SAMTALS", total))
    truth: dict[str, Any] = {
        "kind": "sale",
        "datetime": f"2026-10-{day:02d}T{hour:02d}:{minute:02d}:00",
        "receipt_no": number,
        "items": items,
        "total": str(total),
        "status": "ok",
    }
    if seed % 3 == 0:
        given = (total // 1000 + 1) * 1000
        lines += [row("REIÐUFÉ", given), row("TIL BAKA", given - total)]
        truth["payments"] = [{"method": "cash", "amount": str(given)}]
        truth["change"] = str(given - total)
    else:
        lines.append(row("KORT", total))
        truth["payments"] = [{"method": "card", "amount": str(total)}]
    lines += ["", "Takk fyrir komuna!"]
    data = INIT + b"\x1bt\x10" + "\n".join(lines).encode("cp1252") + b"\n\n\n" + CUT
    return data, truth


def swahili_duka_two_line(seed: int) -> tuple[bytes, dict[str, Any]]:
    return swahili_duka(seed, two_line=True)


def icelandic_bakari_single(seed: int) -> tuple[bytes, dict[str, Any]]:
    """The bakery's till where a line of one item prints its name and amount only."""
    return icelandic_bakari(seed, single=True)


def icelandic_bakari_coded(seed: int) -> tuple[bytes, dict[str, Any]]:
    """The bakery's till printing each item's article code, count and unit price under its name."""
    return icelandic_bakari(seed, coded=True)


def write_examples(folder: Path, seeds: range, make: Any = swahili_duka) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for seed in seeds:
        data, truth = make(seed)
        name = f"r{seed:03d}"
        (folder / f"{name}.bin").write_bytes(data)
        (folder / f"{name}.json").write_text(json.dumps(truth, indent=1))
        names.append(name)
    return names


_SPAZA = [
    ("UMBILA 2KG", "34.99"),
    ("ISINKWA 700G", "17.99"),
    ("UBISI 2L", "36.99"),
    ("USHUKELA 1KG", "27.49"),
    ("AMAQANDA 6", "21.99"),
    ("ITIYE 80S", "42.99"),
    ("INYAMA 1KG", "99.99"),
]


def zulu_spaza(seed: int) -> tuple[bytes, dict[str, Any]]:
    """A Durban spaza shop's till in isiZulu (no vocabulary of ours): every line prints its amount first
    and its words after it ("  55.98 UMBILA 2KG", "  421.91 ISAMBA"); a count over one is printed under
    its item ("2 @ 27.99"), an amount off under it too ("-10.00   ONGA"); cash is rounded to 10 cents
    between the sum ("ISAMBA") and what is due ("OKUKHOKHWAYO"), the receipt's number at its foot."""
    rnd = random.Random(2000 + seed)
    lines = ["      SPAZA KA MAMA DLAMINI", "       Umlazi, eThekwini", "=" * WIDTH]
    items = []
    for name, price in rnd.sample(_SPAZA, rnd.randint(2, 5)):
        qty, unit = rnd.randint(1, 3), Decimal(price)
        amount = qty * unit
        off = Decimal(-rnd.choice((2, 5, 10))) if rnd.random() < 0.4 else None
        items.append(
            {
                "name": name,
                "quantity": str(qty),
                "unit_price": f"{unit:.2f}",
                "amount": f"{amount:.2f}",
                **({"discount": f"{off:.2f}"} if off else {}),
            }
        )
        lines.append(f"{amount:>9.2f} {name}")
        if qty > 1:
            lines.append(f"            {qty} @ {unit:.2f}")
        if off:
            lines.append(f"{off:>9.2f}   ONGA")
    summed = sum((Decimal(i["amount"]) + Decimal(i.get("discount", "0")) for i in items), Decimal(0))
    lines += ["---------", f"{summed:>9.2f} ISAMBA"]
    cash = seed % 2 == 0
    total = summed
    if cash:
        total = (summed * 10).quantize(Decimal(1), rounding="ROUND_HALF_UP") / 10
        total = total.quantize(Decimal("0.01"))
        if total != summed:
            lines += [f"{total - summed:>9.2f} UKUSONDEZA", f"{total:>9.2f} OKUKHOKHWAYO"]
        given = (total // 50 + 1) * 50
        lines += [f"{given:>9.2f} IMALI", f"{given - total:>9.2f} USHINTSHI"]
        payments = [{"method": "cash", "amount": f"{given:.2f}"}]
    else:
        lines.append(f"{total:>9.2f} IKHADI")
        payments = [{"method": "card", "amount": f"{total:.2f}"}]
    number = f"{seed + 5100}"
    day, hour, minute = 1 + seed % 28, 8 + seed % 11, (seed * 11) % 60
    lines += ["=" * WIDTH, f"{day:02d}/08/2026 {hour:02d}:{minute:02d}", f"ISILIPHU {number}", "Ngiyabonga!"]
    truth: dict[str, Any] = {
        "kind": "sale",
        "datetime": f"2026-08-{day:02d}T{hour:02d}:{minute:02d}:00",
        "receipt_no": number,
        "items": items,
        "total": f"{total:.2f}",
        "payments": payments,
        "status": "ok",
    }
    if cash:
        truth["change"] = f"{Decimal(payments[0]['amount']) - total:.2f}"
    return INIT + "\n".join(lines).encode("ascii") + b"\n\n\n" + CUT, truth


_WARUNG = [
    ("INDOMIE GORENG", 3500),
    ("AQUA 600ML", 3800),
    ("TEH BOTOL 450ML", 6500),
    ("SABUN LIFEBUOY", 4200),
    ("KOPI KAPAL API", 14500),
    ("GULA PASIR 1KG", 17900),
]


def _rp(value: int) -> str:
    return f"{value:,}"


def rupiah_minimarket(seed: int) -> tuple[bytes, dict[str, Any]]:
    """An Indonesian minimarket's till: whole rupiah grouped by commas ("20,700"), no cents anywhere, but
    a date and a version printed with points ("01.06.26-08:08 2.0.31") that look like cents; "TOTAL ITEM"
    counts the pieces under a word that reads as a total; "JUMLAH" is the total, "TUNAI" and "KARTU
    DEBIT" the tenders, "KEMBALI" the change."""
    rnd = random.Random(3000 + seed)
    items = []
    for name, price in rnd.sample(_WARUNG, rnd.randint(2, 5)):
        qty = rnd.randint(1, 5)
        items.append(
            {"name": name, "quantity": str(qty), "unit_price": str(price), "amount": str(qty * price)}
        )
    total = sum(int(i["amount"]) for i in items)
    number = f"{4900 + seed}"
    day, hour, minute = 1 + seed % 28, 8 + seed % 12, (seed * 7) % 60
    lines = [
        "   PT MAJU BERSAMA RITEL",
        "   JL. MARGONDA RAYA 12, DEPOK",
        f"{day:02d}.06.26-{hour:02d}:{minute:02d} 2.0.31 {number}/SITI/01",
        "-" * WIDTH,
    ]
    for i in items:
        left = f"{i['name']:<20}{i['quantity']:>3}{_rp(int(i['unit_price'])):>8}"
        lines.append(f"{left}{_rp(int(i['amount'])):>{WIDTH - len(left)}}")
    lines.append("-" * WIDTH)

    def row(label: str, value: int) -> str:
        return f"{label:<16}:{_rp(value):>{WIDTH - 17}}"

    pieces = sum(int(i["quantity"]) for i in items)
    lines += [row("TOTAL ITEM", pieces), row("JUMLAH", total)]
    truth: dict[str, Any] = {
        "kind": "sale",
        "datetime": f"2026-06-{day:02d}T{hour:02d}:{minute:02d}:00",
        "receipt_no": number,
        "items": items,
        "total": str(total),
        "status": "ok",
    }
    if seed % 3 != 1:
        given = (total // 50000 + 1) * 50000
        lines += [row("TUNAI", given), row("KEMBALI", given - total)]
        truth["payments"] = [{"method": "cash", "amount": str(given)}]
        truth["change"] = str(given - total)
    else:
        lines.append(row("KARTU DEBIT", total))
        truth["payments"] = [{"method": "card", "amount": str(total)}]
    lines += ["-" * WIDTH, "   TERIMA KASIH, SELAMAT BELANJA"]
    return INIT + "\n".join(lines).encode("ascii") + b"\n\n\n" + CUT, truth


_KEDAI = [
    ("BERAS SUPER 5KG", "17.50"),
    ("GULA KASAR 1KG", "2.85"),
    ("MAGGI KARI 5S", "6.20"),
    ("MILO 400G", "13.99"),
]


def malay_kedai(seed: int) -> tuple[bytes, dict[str, Any]]:
    """A Penang grocer's till in Malay: "JUMLAH (RM)" for the items' sum, which is the total by card; in
    cash "Pelarasan Bundar" rounds it to 5 sen (printed "0.00" where nothing is rounded) and "JUMLAH
    BAYAR" is what is paid; "Jumlah Item" counts the pieces under the total's word."""
    rnd = random.Random(4000 + seed)
    items = []
    lines = [
        "     KEDAI RUNCIT AH SENG",
        "  Jalan Burma, 10050 Pulau Pinang",
        f"{1 + seed % 28:02d}-06-2026 17:10",
        "-" * WIDTH,
    ]
    for name, price in rnd.sample(_KEDAI, rnd.randint(2, 4)):
        qty, unit = rnd.randint(1, 5), Decimal(price)
        items.append({"name": name, "quantity": str(qty), "unit_price": price, "amount": f"{qty * unit:.2f}"})
        lines.append(f"{name:<22}{price:>7}  x{qty}{qty * unit:>9.2f}")
    summed = sum((Decimal(i["amount"]) for i in items), Decimal(0))

    def row(label: str, value: Decimal | int | str) -> str:
        return f"{label:<22}:{value:>{WIDTH - 23}}"

    lines += [
        "-" * WIDTH,
        row("Jumlah Item", sum(int(i["quantity"]) for i in items)),
        row("JUMLAH (RM)", summed),
    ]
    truth: dict[str, Any] = {
        "kind": "sale",
        "datetime": f"2026-06-{1 + seed % 28:02d}T17:10:00",
        "items": items,
        "subtotal": f"{summed:.2f}",
        "status": "ok",
    }
    if seed % 2 == 0:
        total = (summed * 20).quantize(Decimal(1), rounding="ROUND_HALF_UP") / 20
        total = total.quantize(Decimal("0.01"))
        given = (total // 50 + 1) * 50
        lines += [
            row("Pelarasan Bundar", f"{total - summed:.2f}"),
            row("JUMLAH BAYAR", total),
            row("TUNAI", f"{given:.2f}"),
            row("BAKI", f"{given - total:.2f}"),
        ]
        truth |= {
            "payments": [{"method": "cash", "amount": f"{given:.2f}"}],
            "change": f"{given - total:.2f}",
        }
    else:
        total = summed
        lines.append(row("KAD DEBIT", total))
        truth["payments"] = [{"method": "card", "amount": f"{total:.2f}"}]
    truth["total"] = f"{total:.2f}"
    lines += ["-" * WIDTH, "   TERIMA KASIH, SILA DATANG LAGI"]
    return INIT + "\n".join(lines).encode("ascii") + b"\n\n\n" + CUT, truth
