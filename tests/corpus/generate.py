"""Builds the parser corpus: receipts from imagined POS programs, in several languages and code pages, each
with its ground truth. The files are committed; this script is how they were made and how to make more:

    .venv/bin/python -m tests.corpus.generate        (rewrites tests/corpus/generated/)

Every receipt is made from a spec (what was sold, paid, printed), rendered as its POS program would, and
the truth is written from the same spec. Some are deliberately wrong (a misprinted total): their truth
says they must come out needs_review.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hardware_tests.receipts import raster_logo

OUT = Path(__file__).with_name("generated")
ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
C = Decimal("0.01")


@dataclass
class LineItem:
    name: str
    qty: Decimal
    price: Decimal
    unit: str | None = None
    code: str | None = None
    discount: Decimal = Decimal(0)

    @property
    def amount(self) -> Decimal:
        return (self.qty * self.price).quantize(
            self.price if self.price.as_tuple().exponent == 0 else C, rounding=ROUND_HALF_UP
        )


@dataclass
class Spec:
    style: str
    kind: str = "sale"
    reprint: bool = False
    store: str = ""
    receipt_no: str = ""
    datetime: str = ""  # ISO, as printed
    cashier: str = ""
    items: list[LineItem] = field(default_factory=list)
    discount: Decimal = Decimal(0)  # whole-receipt discount (positive number, printed negative)
    tax_rate: Decimal | None = None
    tax_included: bool = True
    payments: list[tuple[str, Decimal]] = field(default_factory=list)
    member: str | None = None
    phone: str | None = None
    currency: str = ""
    misprint: Decimal = Decimal(0)  # added to the printed total: a receipt that does not add up

    @property
    def subtotal(self) -> Decimal:
        return sum((i.amount - i.discount for i in self.items), Decimal(0))

    @property
    def tax(self) -> Decimal:
        if self.tax_rate is None:
            return Decimal(0)
        base = self.subtotal - self.discount
        step = Decimal(1) if self.currency == "JPY" else C
        if self.tax_included:
            return (base * self.tax_rate / (100 + self.tax_rate)).quantize(step, rounding=ROUND_HALF_UP)
        return (base * self.tax_rate / 100).quantize(step, rounding=ROUND_HALF_UP)

    @property
    def total(self) -> Decimal:
        t = self.subtotal - self.discount + (Decimal(0) if self.tax_included else self.tax)
        return t

    @property
    def change(self) -> Decimal:
        return sum((a for _, a in self.payments), Decimal(0)) - self.total

    def truth(self) -> dict[str, object]:
        ok = self.misprint == 0
        return {
            "kind": self.kind,
            "reprint": self.reprint,
            "currency": self.currency or None,
            "store": {"name": self.store or None},
            "receipt_no": self.receipt_no or None,
            "datetime": self.datetime or None,
            "cashier": self.cashier or None,
            "items": []
            if self.kind == "non_sale"
            else [
                {
                    "name": i.name,
                    "quantity": str(i.qty),
                    "unit_price": str(i.price),
                    "amount": str(i.amount),
                    "discount": str(-i.discount) if i.discount else None,
                }
                for i in self.items
            ],
            "subtotal": str(self.subtotal) if self.style in PRINTS_SUBTOTAL else None,
            "total": str(self.total + self.misprint) if self.kind != "non_sale" else None,
            "payments": [{"method": m, "amount": str(a)} for m, a in self.payments],
            "change": str(self.change) if self.payments and self.kind != "non_sale" else None,
            "member_id": self.member,
            "phone_masked": self.phone,
            "status": "ok" if ok else "needs_review",
        }


def pad(left: str, right: str, width: int, wide: int = 1) -> str:
    from unicodedata import east_asian_width

    def w(s: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)

    return left + " " * max(1, width - w(left) * wide - w(right)) + right


def money(v: Decimal, mark: str = ".") -> str:
    s = f"{v:.2f}" if v.as_tuple().exponent != 0 else f"{v:,}"
    return s.replace(".", ",") if mark == "," else s


# -- POS programs ------------------------------------------------------------------------------------------


def zh_supermarket(s: Spec, rng: random.Random) -> bytes:
    """A Chinese supermarket POS: GB18030 in FS & mode, one line per item with quantity and price."""
    e = "gb18030"
    out = bytearray(ESC + b"@" + FS + b"&" + ESC + b"a\x01" + GS + b"!\x11")
    out += (s.store + "\n").encode(e) + GS + b"!\x00"
    if s.reprint:
        out += "** 重打印 **\n".encode(e)
    if s.kind == "refund":
        out += GS + b"!\x11" + "退货单\n".encode(e) + GS + b"!\x00"
    out += ESC + b"a\x00"
    out += f"单号:{s.receipt_no}\n收银员:{s.cashier}\n".encode(e)
    out += f"日期:{s.datetime.replace('T', ' ')}\n".encode(e)
    out += ("-" * 32 + "\n").encode(e)
    out += "品名        数量   单价    金额\n".encode(e)
    for i in s.items:
        out += f"{i.name}\n".encode(e)
        out += pad(f"  {i.qty} x {money(i.price)}", money(i.amount), 32).encode(e) + b"\n"
        if i.discount:
            out += pad("  优惠", money(-i.discount), 32).encode(e) + b"\n"
    out += ("-" * 32 + "\n").encode(e)
    out += pad("小计:", money(s.subtotal), 32).encode(e) + b"\n"
    if s.discount:
        out += pad("整单折扣:", money(-s.discount), 32).encode(e) + b"\n"
    out += ESC + b"E\x01" + pad("合计:", money(s.total + s.misprint), 32).encode(e) + b"\n" + ESC + b"E\x00"
    names = {"cash": "现金", "wechat": "微信支付", "alipay": "支付宝", "unionpay": "银联卡", "card": "银行卡"}
    for m, a in s.payments:
        out += pad(f"{names[m]}:", money(a), 32).encode(e) + b"\n"
    out += pad("找零:", money(s.change), 32).encode(e) + b"\n"
    if s.member:
        out += f"会员号:{s.member}\n".encode(e)
    if s.phone:
        out += f"手机:{s.phone}\n".encode(e)
    out += ESC + b"a\x01" + "谢谢惠顾 欢迎再次光临\n".encode(e) + ESC + b"d\x03" + GS + b"V\x01"
    return bytes(out)


def zh_restaurant(s: Spec, rng: random.Random) -> bytes:
    """A Chinese restaurant POS on a 58 mm printer that runs in Chinese mode from power-up (no FS &)."""
    e = "gb18030"
    out = bytearray(
        ESC + b"@" + ESC + b"a\x01" + ESC + b"!\x30" + (s.store + "\n").encode(e) + ESC + b"!\x00"
    )
    out += ESC + b"a\x00" + f"流水号：{s.receipt_no}\n".encode(e)
    out += f"{s.datetime.replace('T', ' ')[:16]}  操作员：{s.cashier}\n".encode(e)
    out += ("=" * 32 + "\n").encode(e)
    for i in s.items:
        out += pad(i.name, f"{i.qty}份 {money(i.amount)}", 32).encode(e) + b"\n"
    out += ("=" * 32 + "\n").encode(e)
    if s.discount:
        out += pad("会员折扣", money(-s.discount), 32).encode(e) + b"\n"
    out += ESC + b"!\x10" + pad("应收", money(s.total + s.misprint), 32).encode(e) + b"\n" + ESC + b"!\x00"
    names = {"cash": "现金", "wechat": "微信", "alipay": "支付宝", "unionpay": "银联", "card": "刷卡"}
    for m, a in s.payments:
        out += pad(f"实收({names[m]})", money(a), 32).encode(e) + b"\n"
    out += pad("找零", money(s.change), 32).encode(e) + b"\n"
    if s.phone:
        out += f"会员：{s.phone}\n".encode(e)
    out += b"\n\n" + GS + b"VB\x00"
    return bytes(out)


def en_grocery(s: Spec, rng: random.Random) -> bytes:
    """A US grocery POS: CP437, a raster logo, items with a code, two-line quantities, tax added."""
    out = bytearray(ESC + b"@" + ESC + b"a\x01" + raster_logo(rng, 24, 30) + b"\n")
    out += (
        ESC + b"E\x01" + (s.store + "\n").encode() + ESC + b"E\x00" + b"123 MAIN ST, SPRINGFIELD, IL 62704\n"
    )
    dt = s.datetime
    out += f"{dt[5:7]}/{dt[8:10]}/{dt[:4]} {dt[11:16]}   RECEIPT #{s.receipt_no}\n".encode()
    out += f"CASHIER: {s.cashier}\n".encode() + ESC + b"a\x00" + b"-" * 42 + b"\n"
    for i in s.items:
        if i.unit == "kg":
            out += (i.name + "\n").encode()
            out += pad(f"  {i.qty} kg @ {money(i.price)}/kg", money(i.amount), 42).encode() + b"\n"
        elif i.qty != 1:
            out += (i.name + "\n").encode()
            out += pad(f"  {i.qty} @ {money(i.price)}", money(i.amount), 42).encode() + b"\n"
        else:
            out += pad(f"{i.code}  {i.name}", money(i.amount), 42).encode() + b"\n"
        if i.discount:
            out += pad("  COUPON", money(-i.discount), 42).encode() + b"\n"
    out += b"-" * 42 + b"\n" + pad("SUBTOTAL", money(s.subtotal), 42).encode() + b"\n"
    if s.tax_rate is not None:
        out += pad(f"TAX {s.tax_rate}%", money(s.tax), 42).encode() + b"\n"
    out += (
        GS + b"!\x01" + pad("TOTAL", "$" + money(s.total + s.misprint), 42).encode() + b"\n" + GS + b"!\x00"
    )
    names = {"cash": "CASH", "card": "VISA"}
    for m, a in s.payments:
        out += pad(names[m], money(a), 42).encode() + b"\n"
    out += pad("CHANGE", money(s.change), 42).encode() + b"\n"
    if s.member:
        out += f"MEMBER {s.member}\n".encode()
    out += GS + b"H\x02" + GS + b"kE\x0a" + s.receipt_no.encode()[:10].ljust(10, b"0")
    out += b"\n" + ESC + b"a\x01THANK YOU\n" + ESC + b"d\x04" + GS + b"V\x00"
    return bytes(out)


def de_baeckerei(s: Spec, rng: random.Random) -> bytes:
    """A German bakery POS: CP858 via ESC t 19, decimal comma, quantity line first, MwSt included."""
    e = "cp858"
    out = bytearray(ESC + b"@" + ESC + b"t\x13" + ESC + b"a\x01" + ESC + b"!\x38")
    out += (
        (s.store + "\n").encode(e)
        + ESC
        + b"!\x00"
        + "Hauptstraße 5, 10115 Berlin\n".encode(e)
        + ESC
        + b"a\x00"
    )
    out += f"Bon-Nr: {s.receipt_no}   Bediener: {s.cashier}\n".encode(e)
    out += ("-" * 42 + "\n").encode(e)
    for i in s.items:
        if i.qty != 1:
            out += f"{i.qty} x {money(i.price, ',')}\n".encode(e)
        out += pad(i.name, money(i.amount, ",") + " A", 42).encode(e) + b"\n"
        if i.discount:
            out += pad("Rabatt", money(-i.discount, ",") + " A", 42).encode(e) + b"\n"
    out += ("-" * 42 + "\n").encode(e)
    out += (
        ESC
        + b"!\x30"
        + pad("SUMME EUR", money(s.total + s.misprint, ","), 21).encode(e)
        + b"\n"
        + ESC
        + b"!\x00"
    )
    names = {"cash": "BAR", "card": "EC-Karte"}
    for m, a in s.payments:
        out += pad(names[m], money(a, ","), 42).encode(e) + b"\n"
    out += pad("Rückgeld", money(s.change, ","), 42).encode(e) + b"\n"
    if s.tax_rate is not None:
        out += pad(f"enth. MwSt A {s.tax_rate}%", money(s.tax, ","), 42).encode(e) + b"\n"
    d = s.datetime
    out += f"{d[8:10]}.{d[5:7]}.{d[:4]} {d[11:19]}\n".encode(e)
    out += ESC + b"a\x01" + "Vielen Dank für Ihren Einkauf!\n".encode(e) + b"\n\n\n" + ESC + b"m"
    return bytes(out)


def ja_conbini(s: Spec, rng: random.Random) -> bytes:
    """A Japanese convenience-store POS: Shift-JIS in Kanji mode, yen without decimals, ¥ for 0x5C."""
    e = "shift_jis"
    out = bytearray(ESC + b"@" + ESC + b"R\x08" + FS + b"C\x01" + FS + b"&" + ESC + b"a\x01")
    out += (s.store + "\n").encode(e) + ESC + b"a\x00"
    d = s.datetime
    out += f"{d[:4]}年{int(d[5:7])}月{int(d[8:10])}日 {d[11:16]}\n".encode(e)
    out += f"レジ{s.receipt_no[:2]}  No.{s.receipt_no}  担当 {s.cashier}\n".encode(e)
    for i in s.items:
        if i.qty != 1:
            out += f"{i.name}\n".encode(e)
            out += pad(f"  {i.qty}個 X 単{i.price}", f"\\{i.amount:,}", 32).encode(e) + b"\n"
        else:
            out += pad(i.name, f"\\{i.amount:,}", 32).encode(e) + b"\n"
    out += pad("小計", f"\\{s.subtotal:,}", 32).encode(e) + b"\n"
    out += ESC + b"!\x10" + pad("合計", f"\\{s.total + s.misprint:,}", 32).encode(e) + b"\n" + ESC + b"!\x00"
    out += pad(f"(内消費税等 {s.tax_rate}%", f"\\{s.tax:,})", 32).encode(e) + b"\n"
    for _, a in s.payments:
        out += pad("お預り", f"\\{a:,}", 32).encode(e) + b"\n"
    out += pad("お釣り", f"\\{s.change:,}", 32).encode(e) + b"\n"
    out += FS + b"." + b"\n\n" + GS + b"V\x42\x03"
    return bytes(out)


def zh_huaxin(s: Spec, rng: random.Random) -> bytes:
    """Huaxin POS (an imagined chain program) with words the generic parser does not know; the bundled
    huaxin-pos profile reads it, detected from the header."""
    e = "gb18030"
    out = bytearray(
        ESC + b"@" + FS + b"&" + ESC + b"a\x01" + (s.store + "\n").encode(e) + "华信收银 V3.2\n".encode(e)
    )
    out += ESC + b"a\x00" + f"票号 {s.receipt_no}   收银员 {s.cashier}\n".encode(e)
    out += f"{s.datetime.replace('T', ' ')}\n".encode(e) + ("-" * 40 + "\n").encode(e)
    for i in s.items:
        out += f"{i.name}  {i.qty} {money(i.price)} {money(i.amount)}\n".encode(e)
    out += "积分 +12\n".encode(e) + ("-" * 40 + "\n").encode(e)
    out += pad("商品总额", money(s.subtotal), 40).encode(e) + b"\n"
    out += pad("本单金额", money(s.total + s.misprint), 40).encode(e) + b"\n"
    for m, a in s.payments:
        out += pad({"cash": "顾客付款", "wechat": "微信扫码付"}[m], money(a), 40).encode(e) + b"\n"
    out += pad("退还零钱", money(s.change), 40).encode(e) + b"\n"
    out += b"\n\n" + GS + b"V\x01"
    return bytes(out)


def kitchen_ticket(s: Spec, rng: random.Random) -> bytes:
    e = "gb18030"
    out = bytearray(ESC + b"@" + FS + b"&" + GS + b"!\x11" + "厨房单\n".encode(e) + GS + b"!\x00")
    out += f"桌号: 12   单号:{s.receipt_no}\n".encode(e)
    for i in s.items:
        out += GS + b"!\x01" + f"{i.name}  x{i.qty}\n".encode(e) + GS + b"!\x00"
    out += b"\x10\x04\x01"  # the POS polls status in the middle of the ticket
    out += b"\n\n" + GS + b"V\x01"
    return bytes(out)


def z_report(s: Spec, rng: random.Random) -> bytes:
    out = bytearray(ESC + b"@" + ESC + b"a\x01" + b"Z-REPORT\n" + ESC + b"a\x00")
    out += f"{s.datetime.replace('T', ' ')}\n".encode()
    out += b"SALES COUNT          42\nGROSS SALES     1234.50\nREFUNDS           12.00\n"
    out += b"\n" + GS + b"V\x00"
    return bytes(out)


STYLES = {
    "zh-supermarket": (zh_supermarket, "CNY"),
    "zh-restaurant": (zh_restaurant, "CNY"),
    "en-grocery": (en_grocery, "USD"),
    "de-baeckerei": (de_baeckerei, "EUR"),
    "ja-conbini": (ja_conbini, "JPY"),
    "zh-huaxin": (zh_huaxin, "CNY"),
    "zh-kitchen": (kitchen_ticket, None),
    "en-zreport": (z_report, None),
}
PRINTS_SUBTOTAL = {"zh-supermarket", "en-grocery", "ja-conbini", "zh-huaxin"}
PROFILES = {"zh-restaurant": "chinese-58mm", "ja-conbini": "japanese-80mm", "zh-supermarket": "chinese-80mm"}

NAMES = {
    "zh": [
        "可口可乐330ml",
        "康师傅红烧牛肉面",
        "农夫山泉550ml",
        "旺旺雪饼",
        "金龙鱼食用油5L",
        "蒙牛纯牛奶",
        "宫保鸡丁",
        "鱼香肉丝",
        "米饭",
        "青岛啤酒",
    ],
    "en": [
        "MILK 1 GAL",
        "WHOLE WHEAT BREAD",
        "BANANAS",
        "COFFEE BEANS",
        "EGGS LARGE 12CT",
        "GALA APPLES",
        "CHEDDAR CHEESE",
        "ORANGE JUICE",
    ],
    "de": [
        "Brötchen",
        "Laugenbrezel",
        "Roggenbrot 1kg",
        "Apfelstrudel",
        "Kaffee groß",
        "Käsekuchen",
        "Croissant",
    ],
    "ja": ["おにぎり鮭", "緑茶500ml", "サンドイッチ", "からあげ棒", "ポテトチップス", "ヨーグルト"],
}


def make_spec(style: str, n: int, rng: random.Random) -> Spec:
    lang = style[:2]
    currency = STYLES[style][1] or ""
    yen = lang == "ja"
    s = Spec(style, currency=currency)
    s.store = {
        "zh-supermarket": "好又多超市(天河店)",
        "zh-huaxin": "华信便利 127号店",
        "zh-restaurant": "川味小馆",
        "en-grocery": "FRESH MART #12",
        "de-baeckerei": "Bäckerei Müller",
        "ja-conbini": "ファミリーストア新宿店",
        "zh-kitchen": "",
        "en-zreport": "",
    }[style]
    s.receipt_no = f"{rng.randint(10, 99)}{n:06d}"
    s.datetime = (
        f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(7, 22):02d}:"
        f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    )
    s.cashier = {"zh": "张丽", "en": "MARIA", "de": "Anna", "ja": "田中"}[lang]
    if style in ("zh-restaurant", "ja-conbini", "en-grocery"):
        s.datetime = s.datetime[:17] + "00"  # these print hours and minutes only
    if style in ("zh-kitchen", "en-zreport"):
        s.kind = "non_sale"
        s.store = ""
        s.cashier = ""
        s.receipt_no = s.receipt_no if style == "zh-kitchen" else ""
        s.datetime = s.datetime if style == "en-zreport" else ""
        s.currency = ""
        if style == "zh-kitchen":
            s.items = [
                LineItem(rng.choice(NAMES["zh"]), Decimal(rng.randint(1, 3)), Decimal(0))
                for _ in range(rng.randint(1, 4))
            ]
        return s
    for k in range(rng.randint(1, 8)):
        name = NAMES[lang][(n + k) % len(NAMES[lang])]
        if yen:
            price = Decimal(rng.randint(8, 60) * 10)
        else:
            price = (Decimal(rng.randint(50, 4999)) / 100).quantize(C)
        qty = Decimal(rng.choice([1, 1, 1, 2, 3]))
        unit = None
        if lang == "en" and k == 1 and n % 3 == 0:
            qty, unit = Decimal(rng.randint(200, 1500)) / 1000, "kg"
        item = LineItem(name, qty, price, unit, f"{rng.randint(10**7, 10**8 - 1)}")
        if lang in ("zh", "en", "de") and style != "zh-restaurant" and rng.random() < 0.15:
            item.discount = min(item.amount, (Decimal(rng.randint(10, 200)) / 100).quantize(C))
        s.items.append(item)
    if style in ("zh-restaurant", "zh-huaxin"):
        for i in s.items:
            i.discount = Decimal(0)
    if style == "zh-supermarket" and n % 4 == 1:
        s.discount = Decimal(rng.randint(1, 5)).quantize(C)
    if style == "en-grocery":
        s.tax_rate, s.tax_included = Decimal("8.25"), False
    if style == "de-baeckerei":
        s.tax_rate = Decimal(7)
    if style == "ja-conbini":
        s.tax_rate = Decimal(8)
    total = s.total
    method = rng.choice(
        {
            "zh": ["cash", "wechat"] if style == "zh-huaxin" else ["cash", "wechat", "alipay", "unionpay"],
            "en": ["cash", "card"],
            "de": ["cash", "card"],
            "ja": ["cash"],
        }[lang]
    )
    if method == "cash":
        if yen:
            paid = ((total // 1000) + 1) * 1000
        else:
            paid = (total / 10).to_integral_value(rounding="ROUND_CEILING") * 10
        s.payments = [(method, Decimal(paid))]
    else:
        s.payments = [(method, total)]
    if style == "zh-supermarket" and n % 3 == 0:
        s.member = f"8800{rng.randint(100000, 999999)}"
        s.phone = f"13{rng.randint(0, 9)}****{rng.randint(1000, 9999)}"
    if style == "zh-supermarket" and n == 5:
        s.kind = "refund"
        for i in s.items:
            i.qty = -i.qty
        s.discount = Decimal(0)
        s.payments = [("cash", s.total)]
    if style == "zh-supermarket" and n == 6:
        s.reprint = True
    if n == 7:
        s.misprint = Decimal("1.00") if not yen else Decimal(100)  # does not add up: must be flagged
    return s


def build(count_per_style: int = 9) -> dict[str, tuple[bytes, dict[str, object]]]:
    rng = random.Random(20261122)
    out: dict[str, tuple[bytes, dict[str, object]]] = {}
    for style, (render, _) in STYLES.items():
        for n in range(count_per_style if style not in ("zh-kitchen", "en-zreport") else 3):
            spec = make_spec(style, n, rng)
            truth = spec.truth()
            if style in PROFILES:
                truth["printer_profile"] = PROFILES[style]
            out[f"{style}-{n:02d}"] = (render(spec, rng), truth)
    return out


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    for name, (data, truth) in build().items():
        (OUT / f"{name}.bin").write_bytes(data)
        (OUT / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {len(list(OUT.glob('*.bin')))} receipts to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
