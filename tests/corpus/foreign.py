"""A held-out receipt corpus made by encoders nobody on this team wrote, with ground truth, split by template
and by encoder into train/dev/test, so the parser's accuracy can be reported on templates it never saw:

    .venv/bin/python -m tests.corpus.foreign OUTDIR        (writes NAME.bin + NAME.json pairs, deterministic)

The encoders are receiptline and @point-of-sale/receipt-printer-encoder (npm, pinned in tests/encoders and
run through tests/foreign_encoder.py) and python-escpos (PyPI). Each template is a receipt layout modelled on
a real kind of POS receipt of one country; a seed gives its variants (items, prices, tender). A template is
written once, as a list of abstract lines (a title, text, a row of columns, a rule...), and each encoder lays
that out with its own features: receiptline's `|` columns (which it prints at ESC $ / ESC \\ positions),
receipt-printer-encoder's table(), python-escpos's text. The truth is computed from the same sale data as the
printed text, never from the parser, and holds only what the receipt states.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import random
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from tests.foreign_encoder import ENCODERS, encode

# -- the split ----------------------------------------------------------------------------------------------

# Which split each template's receipts are in, fixed here and never by chance. Scripts are spread across
# the splits, each template with a layout of its own: Cyrillic, traditional Chinese and Thai in train
# (ru-apteka, zh-hant-restaurant, th-7eleven) and dev (ru-produkty, tw-convenience, th-cafe); simplified
# Chinese in train (zh-milktea) and dev (zh-hans-supermarket); Korean in train (ko-cafe, ko-chicken) and
# test (ko-mart), Japanese in dev (ja-ramen) and test (ja-konbini). Latin has templates in all three, with a
# decimal comma in each (fr/nl/pl in train, it/es in dev, de/pt/tr in test) and English in train (us/uk/au)
# and dev (en-gb-cafe); dev has Turkish letters in CP857 (tr-market) and Vietnamese tone marks in TCVN-3
# (vi-cafe). th-cafe, ja-ramen and es-bar were the test split until 2026-12-06, when they moved to dev, since
# the decoder had been fixed while looking at them; the six test templates that replaced them had been seen
# by nobody tuning the decoder or the parser. The ten templates added on 2026-12-07 (six to train, four to
# dev, none to test) print what tills print and the parser may not read yet: a tip and a service charge,
# modifier lines, per-item and order discounts, weighed goods, card-slip blocks inside the receipt, tax
# tables whose last line says TOTAL, fiscal blocks, month names, 12-hour clocks and Buddhist-era years; their
# truth states the date and time (`Sale.iso`), so evaluate checks those too. The eight added on 2026-12-08
# (five to train, three to dev, none to test) are in the languages the parser read worst, each with its
# country's conventions: Japanese tax added (外税) at two rates in train (ja-supermarket) and with a service
# charge in dev (ja-izakaya); a Korean bakery's tax-free goods (ko-bakery, train); Turkish in CP857, a fiscal
# receipt in train (tr-lokanta) and a café slip in dev (tr-kafe); Vietnamese in train (vi-restaurant);
# Brazilian Portuguese, an NFC-e, in train (pt-br-mercado); and German tax classes with the 2026 split
# (food 7 %, drinks 19 %) in dev (de-imbiss). The eight added on 2026-12-09 (five to train, three to dev, none
# to test) are again Korean, Vietnamese, Thai and Chinese, each a kind of shop those scripts had no template
# for: in train a Korean convenience store's two-line items with 행사할인 under them (ko-convenience) and a
# hotel restaurant's 봉사료 with a 현금영수증 (ko-restaurant), a Vietnamese supermarket's two-line items with
# Khuyến mãi and a comma grouping (vi-supermarket), a Thai restaurant's service charge and VAT both added
# (th-restaurant, Thai Character Code 13 on a Fujitsu) and a Taiwanese bakery's 折扣 lines, 悠遊卡 and the
# buyer's 統一編號 (zh-hant-bakery); in dev a Korean pharmacy's 비급여 (ko-pharmacy), a Vietnamese milk-tea
# shop's priced toppings (vi-milk-tea) and a Cantonese restaurant's tea per guest, service charge and 抹零
# (zh-hans-restaurant). On 2026-12-06 the six test templates (de-supermarkt, pt-padaria, tr-market, vi-cafe,
# ko-mart, ja-konbini) moved to dev, losing their python-escpos receipts, since their conventions had leaked
# into the training templates; five new ones nobody tuning the parser has seen are the test split: a
# Canadian grocery (en-ca-grocery: HST added, zero-rated MR items, loyalty points), a Mexican taquería
# (es-mx-taqueria: IVA 16 % included, propina sugerida), a Polish restaurant's PARAGON FISKALNY in CP852
# (pl-restauracja: PTU A/B, SUMA PLN), a Russian coffee shop's КАССОВЫЙ ЧЕК in CP866 (ru-kofeynya: НДС 22 %,
# ИТОГ, СДАЧА) and a Hong Kong 茶餐廳 in Big5 (zh-hk-cafe: 加一服務費 added, 八達通 as `other`).
# The six added in a second session on 2026-12-07 (three to train, three to dev, none to test) are kinds of
# shop those languages had no template for: in train a Russian chain supermarket's numbered articles with
# price * quantity, СКИДКА under them, НДС 22 %/10 % sums and ПОЛУЧЕНО/СДАЧА in CP866 and Windows-1251
# (ru-supermarket), a Polish discounter's online-register PARAGON FISKALNY with Rabat lines, PTU A/B/C and the
# time at its foot in CP852, Windows-1250 and ISO-8859-2 (pl-market), and a Colombian POS invoice's whole
# pesos grouped with points, an IVA table and Nequi (es-co-tienda); in dev a Russian restaurant's СЧЕТ with a
# guest-card discount, обслуживание 10 % added and a split payment (ru-restoran), a Hong Kong bakery's HK$,
# 會員9折, 八達通 and points in Big5 (zh-hk-bakery), and a Vancouver coffee shop's GST and PST added, a tip
# keyed on the terminal and cash rounded to the nickel in CP863 (en-ca-cafe).
# Sixteen more the same day, each a kind of shop its language lacked: in train a Russian café-bakery and a
# hardware store (ru-kafe-set, ru-hozmag), a Californian supermarket with tax flags, store-card savings and
# EBT (en-us-grocery), a Canadian drugstore in four provinces (en-ca-pharmacy), a German drugstore with a TSE
# block (de-drogerie), an Italian DOCUMENTO COMMERCIALE (it-supermercato), a Japanese drugstore (ja-drugstore)
# and a Chinese convenience store paid by 微信/支付宝 (zh-hans-bianlidian); in dev a fuel station and a
# clothing shop (ru-azs, ru-odezhda), a burger counter with modifiers and a tip (en-us-qsr), a Quebec hardware
# store with GST/QST and EHF (en-ca-hardware), a Paris café (fr-cafe), a Dutch supermarket with bonus lines
# and a PIN slip (nl-supermarkt), a Thai minimart in Buddhist-era dates (th-minimart) and a Korean café chain
# with options and a card approval block (ko-cafe-chain).
# Then the five test templates (en-ca-grocery, es-mx-taqueria, pl-restauracja, ru-kofeynya, zh-hk-cafe) moved
# to dev, losing their python-escpos receipts: the sixteen templates above were chosen for the languages and
# countries the test split's report showed weakest, so it no longer measured receipts nobody had aimed at. The
# test split is now six templates written last, by a helper who never saw the parser nor ran it on them: an
# Austrian Konditorei under the RKSV (de-at-konditorei), an Italian pharmacy with SPESA SANITARIA
# (it-farmacia), a Portuguese café's Fatura Simplificada with ATCUD (pt-pt-cafe), an Australian supermarket
# (en-au-supermarket), a Japanese kissaten (ja-kissaten) and a Taiwanese bento shop's 電子發票證明聯
# (zh-tw-bento). On 2026-12-07 (third session) those six moved to dev without their python-escpos receipts,
# once their figures were recorded, and eight new ones, written by two helpers who neither read nor ran the
# parser, are the test split: a Swiss bakery-café (de-ch-baeckerei), a Québec dépanneur with TPS/TVQ added
# and container deposits (fr-ca-depanneur), a Texan gas station's store (en-us-cstore), an Argentine almacén's
# TIQUE FACTURA B (es-ar-almacen), a Japanese bakery (ja-panya), a Korean 분식집 (ko-bunsik), a mainland
# pharmacy paid partly by 医保 (zh-hans-yaofang) and a Thai pharmacy (th-pharmacy). The truth now states the
# receipt number (`Sale.no`, or `Sale.receipt_no` where the receipt prints it otherwise or not at all), so
# "fully right" checks it on this corpus too. Once measured (96 receipts: 60 money-right, 39 fully right, 0
# silent), those eight moved to dev the same day and eight more, again by two helpers who neither read nor
# ran the parser, became the test split: a Flemish frituur with its FDM block (nl-be-frituur), a Polish
# pharmacy's PARAGON FISKALNY (pl-apteka), a Turkish eczane (tr-eczane), an English pub (en-gb-pub), a Saigon
# phở shop (vi-pho), a Taipei drink stand (zh-hant-tw-drinks), a Russian bakery's КАССОВЫЙ ЧЕК
# (ru-pekarnya) and a Florentine trattoria's DOCUMENTO COMMERCIALE (it-trattoria). Measured (96 receipts:
# 83 money-right, 68 fully right, 0 silent), they moved to dev too, and a fifth blind split of eight was
# written the same way: a Madrid farmacia (es-es-farmacia), a Lyon bar-tabac (fr-fr-tabac), a Cologne
# bakery chain with its TSE block (de-de-baeckerei), a Brazilian drugstore's NFC-e (pt-br-farmacia), a
# Japanese 100-yen shop (ja-hyakkin), a Korean fuel station (ko-juyuso), a mainland hotpot restaurant
# (zh-hans-huoguo) and a Singapore kopitiam chain (en-sg-hawker). Measured (96 receipts: 60 money-right, 48
# fully right, 9 silent: six of de-de-baeckerei's and three of pt-br-farmacia's dates, a second timestamp
# taken for the sale's), they moved to dev as well, and a sixth blind split was written the same way: a Seoul
# BBQ restaurant (ko-gogi), a conveyor-belt sushi chain (ja-kaitenzushi), a Hong Kong supermarket in Big5 and
# English (zh-hant-hk-supermarket), a Bangkok noodle shop's tablet POS (th-noodle-shop), an Ankara grill's
# ÖKC receipt and adisyon (tr-restoran), a Poznań bakery's PARAGON FISKALNY (pl-piekarnia), an Auckland
# dairy (en-nz-dairy) and a Mexico City convenience store (es-mx-oxxo). Measured (96 receipts: 87
# money-right, 75 fully right, 0 silent), they moved to dev in turn, and a seventh blind split was written
# the same way: a Turin edicola-tabacchi (it-edicola), a Geneva pharmacy (fr-ch-pharmacie), a Porto
# supermarket (pt-pt-supermercado), a Vienna supermarket under the RKSV (de-at-supermarkt), a yakiniku chain
# (ja-yakiniku), a Shanghai noodle shop (zh-hans-mianguan), a Vietnamese minimart (vi-bach-hoa) and a
# Russian canteen (ru-stolovaya). Measured (96 receipts: 63 money-right, 27 fully right, 3 silent: a Geneva
# receipt's payments), they moved to dev too, and an eighth blind split was written the same way: a
# Winterthur supermarket (de-ch-supermarkt), a Lyon butcher's weighing-scale till (fr-fr-boucherie), a
# Bologna gelateria (it-gelateria), a Vancouver liquor store with deposits (en-ca-liquor), a Japanese
# bookstore (ja-honya), a Korean hypermarket (ko-emart), a Taiwanese pharmacy's 電子發票 (zh-hant-tw-yaoju)
# and a Turkish bakery's ÖKC receipt (tr-firin). Measured (96 receipts: 69 money-right, 45 fully right, 3
# silent: a bookstore's payments), they moved to dev, and a ninth blind split was written the same way, the
# test split now: a Dutch drogisterij (nl-nl-drogist), a Spanish cafetería (es-es-cafeteria), a British
# chemist (en-gb-chemist), a Brazilian padaria's NFC-e (pt-br-padaria), a Yokohama café chain
# (ja-cafe-chain), a Hangzhou neighbourhood supermarket (zh-hans-chaoshi), a Bangkok supermarket
# (th-supermarket) and a Novosibirsk pharmacy chain (ru-apteka-chain). Measured (96 receipts: 72
# money-right, 48 fully right, 0 silent), they moved to dev in turn, and a tenth blind split was written the
# same way, each a country, a kind of shop and a till program the corpus had none of, with eight variants per
# template and encoder (enough to learn from three and test on the rest): an Indian kirana's GST bill
# (en-in-kirana), an Indonesian minimarket's struk (id-minimarket), a Piraeus café's ΑΠΟΔΕΙΞΗ in Greek
# (el-gr-kafeteria), a Brno grocery's účtenka (cs-cz-potraviny), a Budapest corner shop's NYUGTA (hu-hu-abc),
# a Stockholm food shop's kvitto (sv-se-livs), a Pretoria supermarket's till slip (en-za-supermarket) and a
# Marikina botika's SALES INVOICE (en-ph-botika); one variant of id-minimarket and of en-za-supermarket
# prints a total its lines do not add up to (`Sale.misprint`: truth needs_review). Measured (figures in
# tests/corpus/README.md) and learned from, they moved to dev without their python-escpos receipts, and an
# eleventh blind split was written the same way, again eight variants per template and encoder: an Oslo
# grocery's kvittering (nb-no-dagligvare), a Copenhagen bakery's bon (da-dk-bager), a Helsinki café's kuitti
# (fi-fi-kahvila), a Cluj pharmacy's BON FISCAL (ro-ro-farmacie), a Lviv pharmacy's ПРРО check in Ukrainian
# (uk-ua-apteka), a Santiago botillería's BOLETA ELECTRONICA (es-cl-botilleria), a Penang kedai runcit's
# resit in Malay (ms-my-kedai-runcit) and a Nairobi supermarket's eTIMS tax invoice (en-ke-supermarket); one
# variant of ro-ro-farmacie and of en-ke-supermarket is misprinted (needs_review). They moved to dev in turn
# without their python-escpos receipts, and a twelfth blind split was written the same way, the test split
# now, eight variants per template and encoder, each a country, a kind of shop and a till program the corpus
# had none of: a Lima bodega's BOLETA DE VENTA ELECTRONICA (es-pe-bodega), a Sofia all-night shop's КАСОВ
# БОН in Bulgarian, in euro with the лева beside (bg-bg-denonoshten), a Zagreb bakery's fiscalised RAČUN
# (hr-hr-pekara), a Vilnius fuel station's KASOS KVITAS in Lithuanian (lt-lt-degaline, CP775 and
# Windows-1257), a Galway pub's bill (en-ie-pub), a Lahore kiryana's FBR POS invoice (en-pk-kiryana), an
# Accra chemist's receipt (en-gh-pharmacy) and an Almaty electronics shop's ФИСКАЛЬНЫЙ ЧЕК in Russian
# (ru-kz-tekhnika); one variant of bg-bg-denonoshten and of en-ie-pub is misprinted (needs_review). They
# moved to dev in turn without their python-escpos receipts, and a thirteenth blind split was written the
# same way, the test split now, eight variants per template and encoder, each a country, a kind of shop and a
# till program the corpus had none of, with a split payment in every one: a Montevideo almacén's e-Ticket
# with the debit card's IVA discount and the cash Redondeo (es-uy-almacen), a Ljubljana hardware shop's
# fiscally verified RAČUN with per-article POPUST (sl-si-zeleznina), a Reykjavík supermarket's kvittun in
# whole krónur with the Skilagjald deposit (is-is-matvara, Windows-1252 and CP861), a Belgrade grocery's
# ESIR ФИСКАЛНИ РАЧУН in Serbian Cyrillic (sr-rs-prodavnica, Windows-1251 and CP855), a Kandy hotel's bill
# with its service charge (en-lk-hotel), a Tunis supérette's ticket in dinars to the millime
# (fr-tn-superette), a Phnom Penh minimart's receipt in dollars with riel beside (en-kh-minimart) and a
# Kariakoo hardware shop's TRA legal receipt (en-tz-hardware); one variant of is-is-matvara and of
# en-kh-minimart is misprinted (needs_review).
TEMPLATE_SPLIT: dict[str, str] = {
    "us-pharmacy": "train",
    "uk-supermarket": "train",
    "fr-boulangerie": "train",
    "nl-bakkerij": "train",
    "pl-sklep": "train",
    "zh-milktea": "train",
    "ko-cafe": "train",
    "au-cafe": "train",
    "us-diner": "train",
    "zh-hant-restaurant": "train",
    "th-7eleven": "train",
    "ru-apteka": "train",
    "fr-supermarche": "train",
    "ko-chicken": "train",
    "ja-supermarket": "train",
    "ko-bakery": "train",
    "tr-lokanta": "train",
    "vi-restaurant": "train",
    "pt-br-mercado": "train",
    "ko-convenience": "train",
    "ko-restaurant": "train",
    "vi-supermarket": "train",
    "th-restaurant": "train",
    "zh-hant-bakery": "train",
    "de-drogerie": "train",
    "it-supermercato": "train",
    "fr-cafe": "dev",
    "nl-supermarkt": "dev",
    "ru-kafe-set": "train",
    "ru-hozmag": "train",
    "ru-azs": "dev",
    "ru-odezhda": "dev",
    "en-us-grocery": "train",
    "en-ca-pharmacy": "train",
    "en-us-qsr": "dev",
    "en-ca-hardware": "dev",
    "ja-drugstore": "train",
    "zh-hans-bianlidian": "train",
    "th-minimart": "dev",
    "ko-cafe-chain": "dev",
    "ru-produkty": "dev",
    "tw-convenience": "dev",
    "it-bar": "dev",
    "th-cafe": "dev",
    "ja-ramen": "dev",
    "es-bar": "dev",
    "es-supermercado": "dev",
    "it-pizzeria": "dev",
    "en-gb-cafe": "dev",
    "zh-hans-supermarket": "dev",
    "ja-izakaya": "dev",
    "tr-kafe": "dev",
    "de-imbiss": "dev",
    "ko-pharmacy": "dev",
    "vi-milk-tea": "dev",
    "zh-hans-restaurant": "dev",
    "de-supermarkt": "dev",
    "pt-padaria": "dev",
    "tr-market": "dev",
    "vi-cafe": "dev",
    "ko-mart": "dev",
    "ja-konbini": "dev",
    "en-ca-grocery": "dev",
    "es-mx-taqueria": "dev",
    "pl-restauracja": "dev",
    "ru-kofeynya": "dev",
    "zh-hk-cafe": "dev",
    "ru-supermarket": "train",
    "pl-market": "train",
    "es-co-tienda": "train",
    "ru-restoran": "dev",
    "zh-hk-bakery": "dev",
    "en-ca-cafe": "dev",
    "de-ch-baeckerei": "dev",
    "fr-ca-depanneur": "dev",
    "en-us-cstore": "dev",
    "es-ar-almacen": "dev",
    "ja-panya": "dev",
    "ko-bunsik": "dev",
    "zh-hans-yaofang": "dev",
    "th-pharmacy": "dev",
    "nl-be-frituur": "dev",
    "pl-apteka": "dev",
    "tr-eczane": "dev",
    "en-gb-pub": "dev",
    "vi-pho": "dev",
    "zh-hant-tw-drinks": "dev",
    "ru-pekarnya": "dev",
    "it-trattoria": "dev",
    "es-es-farmacia": "dev",
    "fr-fr-tabac": "dev",
    "de-de-baeckerei": "dev",
    "pt-br-farmacia": "dev",
    "ja-hyakkin": "dev",
    "ko-juyuso": "dev",
    "zh-hans-huoguo": "dev",
    "en-sg-hawker": "dev",
    "ko-gogi": "dev",
    "ja-kaitenzushi": "dev",
    "zh-hant-hk-supermarket": "dev",
    "th-noodle-shop": "dev",
    "tr-restoran": "dev",
    "pl-piekarnia": "dev",
    "en-nz-dairy": "dev",
    "es-mx-oxxo": "dev",
    "it-edicola": "dev",
    "fr-ch-pharmacie": "dev",
    "pt-pt-supermercado": "dev",
    "de-at-supermarkt": "dev",
    "ja-yakiniku": "dev",
    "zh-hans-mianguan": "dev",
    "vi-bach-hoa": "dev",
    "ru-stolovaya": "dev",
    "de-ch-supermarkt": "dev",
    "fr-fr-boucherie": "dev",
    "it-gelateria": "dev",
    "en-ca-liquor": "dev",
    "ja-honya": "dev",
    "ko-emart": "dev",
    "zh-hant-tw-yaoju": "dev",
    "tr-firin": "dev",
    "nl-nl-drogist": "dev",
    "es-es-cafeteria": "dev",
    "en-gb-chemist": "dev",
    "pt-br-padaria": "dev",
    "ja-cafe-chain": "dev",
    "zh-hans-chaoshi": "dev",
    "th-supermarket": "dev",
    "ru-apteka-chain": "dev",
    "en-in-kirana": "dev",
    "id-minimarket": "dev",
    "el-gr-kafeteria": "dev",
    "cs-cz-potraviny": "dev",
    "hu-hu-abc": "dev",
    "sv-se-livs": "dev",
    "en-za-supermarket": "dev",
    "en-ph-botika": "dev",
    "nb-no-dagligvare": "dev",
    "da-dk-bager": "dev",
    "fi-fi-kahvila": "dev",
    "ro-ro-farmacie": "dev",
    "uk-ua-apteka": "dev",
    "es-cl-botilleria": "dev",
    "ms-my-kedai-runcit": "dev",
    "en-ke-supermarket": "dev",
    "es-pe-bodega": "dev",
    "bg-bg-denonoshten": "dev",
    "hr-hr-pekara": "dev",
    "lt-lt-degaline": "dev",
    "en-ie-pub": "dev",
    "en-pk-kiryana": "dev",
    "en-gh-pharmacy": "dev",
    "ru-kz-tekhnika": "dev",
    "es-uy-almacen": "test",
    "sl-si-zeleznina": "test",
    "is-is-matvara": "test",
    "sr-rs-prodavnica": "test",
    "en-lk-hotel": "test",
    "fr-tn-superette": "test",
    "en-kh-minimart": "test",
    "en-tz-hardware": "test",
    "de-at-konditorei": "dev",
    "it-farmacia": "dev",
    "pt-pt-cafe": "dev",
    "en-au-supermarket": "dev",
    "ja-kissaten": "dev",
    "zh-tw-bento": "dev",
}
DEV = frozenset(t for t, s in TEMPLATE_SPLIT.items() if s == "dev")
TEST = frozenset(t for t, s in TEMPLATE_SPLIT.items() if s == "test")
# The encoder held out entirely: all its receipts are in test. It renders only test templates, since a train
# or dev template rendered by it would put that template's name in two splits.
HELD_OUT_ENCODER = "python-escpos"


def split_of(template: str, encoder: str) -> str:
    if template in TEST or encoder.startswith(HELD_OUT_ENCODER):
        return "test"
    if template in DEV:
        return "dev"
    return "train"


# -- abstract receipt lines ---------------------------------------------------------------------------------

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Col:
    width: int | None  # characters; None: what the other columns leave (one such column per row)
    align: Align = "left"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    cols: tuple[Col, ...]
    bold: bool = False
    tall: bool = False  # double height


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Center:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Blank:
    pass


@dataclass(frozen=True)
class QR:
    data: str


@dataclass(frozen=True)
class Barcode:
    data: str  # digits, printed as CODE128 (CODE39 by python-escpos)


Op = Row | Title | Center | Text | Rule | Blank | QR | Barcode


def pair(label: str, value: str, bold: bool = False, tall: bool = False, right: int = 12) -> Row:
    return Row((label, value), (Col(None), Col(right, "right")), bold, tall)


def text_width(text: str) -> int:
    """Print columns: CJK characters take two, combining marks (Thai vowels and tones) none."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def widths(row: Row, columns: int) -> list[int]:
    """Each column's width: the fixed ones, the free one taking the rest less one space between columns."""
    fixed = sum(c.width or 0 for c in row.cols)
    free = [i for i, c in enumerate(row.cols) if c.width is None]
    if len(free) > 1:
        raise ValueError(f"row {row.cells}: more than one free column")
    out = [c.width or 0 for c in row.cols]
    if free:
        out[free[0]] = columns - fixed - (len(row.cols) - 1)
    if sum(out) + len(out) - 1 > columns or min(out) < 1:
        raise ValueError(f"row {row.cells} does not fit {columns} columns")
    return out


def check_fits(ops: Sequence[Op], columns: int, where: str) -> None:
    """Every line fits the paper as laid out: nothing wraps, so every name is printed whole on its line."""
    for op in ops:
        if isinstance(op, Row):
            if len(op.cells) != len(op.cols):
                raise ValueError(f"{where}: row {op.cells} has {len(op.cols)} columns")
            for cell, w in zip(op.cells, widths(op, columns), strict=True):
                if text_width(cell) > w:
                    raise ValueError(f"{where}: {cell!r} is wider than its {w} columns")
        elif isinstance(op, Title | Center | Text) and text_width(op.text) > columns:
            raise ValueError(f"{where}: {op.text!r} is wider than {columns} columns")


# -- the sale -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    name: str
    qty: Decimal
    price: Decimal
    places: int = 2
    code: str = ""
    tag: str = ""  # tax class or rate as the receipt prints it
    note: str = ""  # modifier lines printed under the item (no amount), one a line
    discount: Decimal = Decimal(0)  # what came off this line, printed under it (negative)

    @property
    def amount(self) -> Decimal:
        return (self.qty * self.price).quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)

    @property
    def net(self) -> Decimal:
        return self.amount + self.discount


@dataclass(frozen=True)
class Tender:
    method: str  # the parser's payment method name (edge/parsing/model.py Method)
    label: str  # as printed
    amount: Decimal


@dataclass(frozen=True)
class Sale:
    lines: tuple[Line, ...]
    tenders: tuple[Tender, ...]
    places: int = 2
    no: str = ""
    when: str = ""
    iso: str = ""  # `when` in ISO 8601, the truth's datetime ("": the truth states none)
    savings: Decimal = Decimal(0)  # multi-buy savings or an order discount off the subtotal
    savings_label: str = ""
    tax_added: Decimal = Decimal(0)  # sales tax on top of the items (US)
    surcharge: Decimal = Decimal(0)  # a tip or service charge on top of the items (and the tax)
    subtotal_printed: bool = False
    dated_when: tuple[str, str] | None = None  # dated()'s (printed, ISO 8601): sets `when` and `iso`
    # The receipt's number as printed, where `no` carries more than that (a register, a buyer's tax code) or
    # prints it otherwise; "" where the receipt prints no number labelled as its own (the truth says none).
    receipt_no: str | None = None
    # What the printed total is over (or under) the lines: a receipt that does not add up, whose truth says
    # needs_review (its total, payments and change as printed).
    misprint: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if self.dated_when is not None:
            object.__setattr__(self, "when", self.dated_when[0])
            object.__setattr__(self, "iso", self.dated_when[1])

    @property
    def subtotal(self) -> Decimal:
        return sum((ln.amount for ln in self.lines), Decimal(0))

    @property
    def total(self) -> Decimal:
        off = sum((ln.discount for ln in self.lines), Decimal(0))
        return self.subtotal + off - self.savings + self.tax_added + self.surcharge + self.misprint

    @property
    def cash(self) -> bool:
        """A cash tender: the receipt prints the change (every layout here does, and only then)."""
        return any(t.method == "cash" for t in self.tenders)

    @property
    def change(self) -> Decimal:
        return sum((t.amount for t in self.tenders), Decimal(0)) - self.total


@dataclass(frozen=True)
class NumberStyle:
    mark: str = "."
    group: str = ""
    places: int = 2

    def __call__(self, value: Decimal) -> str:
        q = abs(value).quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)
        s = f"{q:,.{self.places}f}".replace(",", "\0").replace(".", self.mark).replace("\0", self.group)
        return f"-{s}" if value < 0 else s


POINT = NumberStyle()
COMMA = NumberStyle(",")
WHOLE = NumberStyle(places=0, group=",")


def qty_str(q: Decimal, mark: str = ".") -> str:
    return format(q, "f").replace(".", mark)


def pieces(lines: Sequence[Line]) -> int:
    """The articles a receipt counts: each unit, and a weighed line as one."""
    return sum(int(ln.qty) if ln.qty == ln.qty.to_integral() else 1 for ln in lines)


def tendered(rng: random.Random, total: Decimal, notes: Sequence[int]) -> Decimal:
    """What a customer paying cash hands over: the total itself now and then, else the next note up (in the
    total's places: a receipt prints 20.00 where it prints 16.80)."""
    if rng.random() < 0.15:
        return total
    return Decimal(next(n for n in notes if n >= total)).quantize(total)


def pick(
    rng: random.Random,
    catalogue: Sequence[tuple[str, str] | tuple[str, str, str]],
    k: tuple[int, int],
    places: int = 2,
    qtys: Sequence[int] = (1, 1, 1, 2, 2, 3),
) -> list[Line]:
    """Some of a catalogue's (name, price) or (name, price, tag) entries, each in a quantity of `qtys`."""
    return [
        Line(name, Decimal(rng.choice(qtys)), Decimal(price), places, tag="".join(tag))
        for name, price, *tag in rng.sample(list(catalogue), rng.randint(*k))
    ]


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def dated(rng: random.Random, fmt: str, weekdays: Sequence[str] = ()) -> tuple[str, str]:
    """A date and time in a template's format, and the same in ISO 8601 (with the time when `fmt` prints
    one, its seconds 00 when it prints none): {d} {m} {y} {H} {M} {S} (fixed year, as the variants vary),
    {j} the day and {I} the hour of a 12-hour clock unpadded, {p} AM/PM, {b} the month's English
    abbreviation, and {a}, that date's weekday in `weekdays` (Monday first)."""
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    hour, minute, second = rng.randint(7, 22), rng.randint(0, 59), rng.randint(0, 59)
    printed = fmt.format(
        d=f"{day:02d}",
        j=str(day),
        m=f"{month:02d}",
        b=MONTHS_EN[month - 1],
        y="2026",
        H=f"{hour:02d}",
        I=str(hour % 12 or 12),
        p="AM" if hour < 12 else "PM",
        M=f"{minute:02d}",
        S=f"{second:02d}",
        a=weekdays[date(2026, month, day).weekday()] if weekdays else "",
    )
    iso = f"2026-{month:02d}-{day:02d}"
    if "{H}" in fmt or "{I}" in fmt:
        iso += f"T{hour:02d}:{minute:02d}:{second if '{S}' in fmt else 0:02d}"
    return printed, iso


def ean13(body: str) -> str:
    """A 12-digit article number with its EAN-13 check digit."""
    odd_even = sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(body))
    return f"{body}{-odd_even % 10}"


def included_tax(gross: Decimal, rate: Decimal, places: int = 2) -> Decimal:
    """The tax inside a gross amount at `rate` percent."""
    return (gross * rate / (100 + rate)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# -- templates ----------------------------------------------------------------------------------------------


def us_pharmacy_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("ADVIL 24CT", "7.49", "T"),
        ("CLARITIN 10MG 30CT", "18.99", "T"),
        ("POLAND SPR 1L", "1.69", ""),
        ("CVS VITAMIN D3 100CT", "9.99", "T"),
        ("BAND-AID FLEX 30CT", "5.79", "T"),
        ("COKE ZERO 20OZ", "2.29", ""),
        ("KLEENEX 3PK", "6.49", "T"),
        ("TYLENOL XS 50CT", "10.99", "T"),
        ("ORBIT GUM PEPPERMINT", "1.99", ""),
    ]
    chosen = rng.sample(catalogue, rng.randint(3, 5))
    lines = [
        Line(
            name,
            Decimal(rng.choice((1, 1, 2, 3))),
            Decimal(price),
            code=f"{rng.randint(0, 99999):05d}",
            tag=tag,
        )
        for name, price, tag in chosen
    ]
    taxable = sum((ln.amount for ln in lines if ln.tag == "T"), Decimal(0))
    tax = (taxable * Decimal("7.25") / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    total = sum((ln.amount for ln in lines), Decimal(0)) + tax
    tenders = (
        (Tender("card", "VISA CREDIT", total),)
        if v % 2 == 0
        else (Tender("cash", "CASH", tendered(rng, total, (20, 40, 50, 100))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 9999)}",
        dated_when=dated(rng, "{m}/{d}/{y} {H}:{M}"),
        tax_added=tax,
        subtotal_printed=True,
    )


def us_pharmacy(s: Sale, cols: int) -> list[Op]:
    c = (Col(5), Col(None), Col(8, "right"), Col(1))
    ops: list[Op] = [
        Title("MAPLE DRUG"),
        Center("STORE #0412"),
        Center("1420 W MAIN ST"),
        Center("DAYTON, OH 45402"),
        Center("(937) 555-0142"),
        Blank(),
        Text(f"STR 0412  REG 03  TRN {s.no}"),
        Text(f"CASHIER: DENISE      {s.when}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.code, ln.name, POINT(ln.amount), ln.tag), c))
        if ln.qty != 1:
            ops.append(Row(("", f"{ln.qty} @ {POINT(ln.price)}", "", ""), c))
    taxable = sum((ln.amount for ln in s.lines if ln.tag == "T"), Decimal(0))
    ops += [
        Rule(),
        pair("SUBTOTAL", POINT(s.subtotal)),
        pair(f"T = OH TAX 7.25% ON {POINT(taxable)}", POINT(s.tax_added)),
        pair("TOTAL", f"${POINT(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount)))
    if s.cash:
        ops.append(pair("CHANGE", POINT(s.change)))
    else:
        ops.append(Text("  ************4821  AUTH 08841B"))
    ops += [
        Blank(),
        Text(f"ITEMS SOLD {sum(int(ln.qty) for ln in s.lines)}"),
        Barcode(f"0412030{s.no}"),
        Center("RETURNS WITH RECEIPT WITHIN 60 DAYS"),
    ]
    return ops


def uk_supermarket_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Semi Skimmed Milk 2L", "1.55"),
        ("Hovis Wholemeal 800g", "1.40"),
        ("Free Range Eggs 6pk", "2.25"),
        ("Cathedral Cheddar", "3.75"),
        ("PG Tips 80 Bags", "2.99"),
        ("Heinz Baked Beans", "1.20"),
        ("Lurpak Spreadable", "4.50"),
    ]
    lines = pick(rng, catalogue, (2, 4), qtys=(1, 1, 2))
    # The multi-buy: two bags of crisps, "2 for 3.00"; and bananas weighed at the till.
    lines.insert(rng.randint(0, len(lines)), Line("Walkers Crisps 6pk", Decimal(2), Decimal("1.95")))
    lines.append(Line("Bananas Loose", Decimal(rng.choice(("0.845", "1.120", "0.690"))), Decimal("0.79")))
    saving = Decimal("0.90")
    total = sum((ln.amount for ln in lines), Decimal(0)) - saving
    tenders = (
        (Tender("card", "VISA CONTACTLESS", total),)
        if v != 1
        else (Tender("cash", "CASH", tendered(rng, total, (10, 20, 30, 40, 50))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 9999)}",
        receipt_no="",  # printed as the operator (OP:), no receipt number
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        savings=saving,
        savings_label="Walkers 2 for £3.00",
        subtotal_printed=True,
    )


def uk_supermarket(s: Sale, cols: int) -> list[Op]:
    ops: list[Op] = [
        Title("GREENWAYS"),
        Center("Greenways Stores Ltd"),
        Center("High Street, Leeds LS1 4AP"),
        Center("VAT No. 123 4567 89"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(pair(ln.name, f"£{POINT(ln.amount)}", right=9))
        else:
            ops.append(Text(ln.name))
            how = (
                f"{ln.qty} kg @ £{POINT(ln.price)}/kg"
                if ln.qty != ln.qty.to_integral()
                else f"{ln.qty} x £{POINT(ln.price)}"
            )
            ops.append(Row(("", how, f"£{POINT(ln.amount)}"), (Col(2), Col(None), Col(9, "right"))))
    ops += [
        Rule(),
        pair(f"{len(s.lines)} ITEMS   SUBTOTAL", f"£{POINT(s.subtotal)}", right=9),
        Text("Savings"),
        pair(s.savings_label, f"-£{POINT(s.savings)}", right=9),
        pair("TOTAL SAVINGS", f"£{POINT(s.savings)}", right=9),
        Rule(),
        pair("BALANCE DUE", f"£{POINT(s.total)}", bold=True, tall=True, right=9),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"£{POINT(t.amount)}", right=9))
    if s.cash:
        ops.append(pair("CHANGE", f"£{POINT(s.change)}", right=9))
    ops += [Blank(), Text(f"{s.when}  ST:2214 OP:{s.no}"), Center("Thank you for shopping at Greenways")]
    return ops


def fr_boulangerie_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Baguette tradition", "1.30", "5,5"),
        ("Croissant beurre", "1.10", "5,5"),
        ("Pain au chocolat", "1.25", "5,5"),
        ("Tarte aux fraises", "4.50", "5,5"),
        ("Pain de campagne", "3.20", "5,5"),
        ("Eclair cafe", "2.60", "5,5"),
        ("Cafe expresso", "1.80", "10"),
        ("Jus d'orange", "2.50", "10"),
    ]
    chosen = rng.sample(catalogue, rng.randint(3, 5))
    lines = [Line(n, Decimal(rng.choice((1, 1, 2, 3))), Decimal(p), tag=t) for n, p, t in chosen]
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "ESPECES", tendered(rng, total, (5, 10, 20, 50))),)
        if v % 2 == 0
        else (Tender("card", "CB SANS CONTACT", total),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(100, 999):06d}", dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}")
    )


def fr_boulangerie(s: Sale, cols: int) -> list[Op]:
    c = (Col(3, "right"), Col(None), Col(6, "right"), Col(8, "right"))
    ops: list[Op] = [
        Title("AU BON PAIN"),
        Center("12 rue des Martyrs"),
        Center("75009 PARIS"),
        Center("SIRET 812 345 678 00019"),
        Blank(),
        Text(f"Ticket {s.no}   Caisse 1   Vendeuse: Julie"),
        Text(s.when),
        Rule(),
        Row(("Qte", "Designation", "P.U.", "Montant"), c),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.price), COMMA(ln.amount)), c))
    ops += [Rule(), pair("TOTAL TTC", f"{COMMA(s.total)} EUR", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"{COMMA(t.amount)} EUR"))
    if s.cash:
        ops.append(pair("RENDU", f"{COMMA(s.change)} EUR"))
    tva = (Col(None, "right"), Col(9, "right"), Col(9, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Taux", "HT", "TVA", "TTC"), tva)]
    for rate in sorted({ln.tag for ln in s.lines}):
        ttc = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
        tax = included_tax(ttc, Decimal(rate.replace(",", ".")))
        ops.append(Row((f"{rate}%", COMMA(ttc - tax), COMMA(tax), COMMA(ttc)), tva))
    ops += [Blank(), Center("Merci de votre visite !"), Center("A bientot")]
    return ops


def es_bar_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("CAÑA", "1.80"),
        ("TINTO DE VERANO", "2.50"),
        ("RACION CALAMARES", "9.50"),
        ("PINCHO TORTILLA", "2.20"),
        ("CAFE CON LECHE", "1.60"),
        ("AGUA MINERAL", "1.50"),
        ("PATATAS BRAVAS", "5.50"),
        ("CROQUETAS JAMON", "7.00"),
        ("VERMUT", "2.80"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 2, 2, 3, 4))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "EFECTIVO", tendered(rng, total, (10, 20, 50, 100))),)
        if v != 1
        else (Tender("card", "TARJETA", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"T1/{rng.randint(1000, 9999):06d}",
        dated_when=dated(rng, "Fecha: {d}/{m}/{y}  Hora: {H}:{M}"),
    )


def es_bar(s: Sale, cols: int) -> list[Op]:
    c = (Col(3, "right"), Col(None), Col(8, "right"))
    ops: list[Op] = [
        Title("BAR EL PILAR"),
        Center("C/ Mayor 14, 28013 Madrid"),
        Center("NIF B12345678"),
        Blank(),
        Text(f"FACTURA SIMPLIFICADA  Nº {s.no}"),
        Text(s.when),
        Text("Mesa: 5      Camarero: Luis"),
        Rule(),
        Row(("UDS", "DESCRIPCION", "IMPORTE"), c),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.amount)), c))
    tax = included_tax(s.total, Decimal(10))
    ops += [
        Rule(),
        pair("BASE IMPONIBLE", COMMA(s.total - tax)),
        pair("CUOTA IVA 10%", COMMA(tax)),
        pair("TOTAL", f"{COMMA(s.total)} €", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("CAMBIO", COMMA(s.change)))
    ops += [Blank(), Center("IVA INCLUIDO"), Center("GRACIAS POR SU VISITA")]
    return ops


def it_bar_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("CAFFE'", "1.20"),
        ("CAPPUCCINO", "1.50"),
        ("CORNETTO", "1.30"),
        ("ACQUA MINERALE", "1.00"),
        ("SPREMUTA ARANCIA", "3.50"),
        ("TRAMEZZINO", "2.80"),
        ("BRIOCHE CREMA", "1.40"),
        ("AMARO", "3.00"),
    ]
    lines = pick(rng, catalogue, (3, 5))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "PAGAMENTO CONTANTE", tendered(rng, total, (5, 10, 20, 50))),)
        if v != 2
        else (Tender("card", "PAGAMENTO ELETTRONICO", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9):04d}-{rng.randint(1, 999):04d}",
        dated_when=dated(rng, "{d}-{m}-{y} {H}:{M}"),
    )


def it_bar(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(5, "right"), Col(10, "right"))
    ops: list[Op] = [
        Title("BAR ROMA"),
        Center("di Rossi Mario & C. s.n.c."),
        Center("Via Garibaldi 21 - 10122 Torino"),
        Center("P.IVA 01234567890"),
        Blank(),
        Center("DOCUMENTO COMMERCIALE", bold=True),
        Center("di vendita o prestazione"),
        Row(("DESCRIZIONE", "IVA", "Prezzo(€)"), c),
    ]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"{ln.qty} x {COMMA(ln.price)}"))
        ops.append(Row((ln.name, "10%", COMMA(ln.amount)), c))
    tax = included_tax(s.total, Decimal(10))
    ops += [
        Rule(),
        pair("TOTALE COMPLESSIVO", COMMA(s.total), bold=True, tall=True),
        pair("di cui IVA", COMMA(tax)),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("RESTO", COMMA(s.change)))
    ops += [
        Blank(),
        Text(s.when),
        Text(f"DOCUMENTO N. {s.no}"),
        Text("RT 99MEX012345"),
        Center("GRAZIE E ARRIVEDERCI"),
    ]
    return ops


def nl_bakkerij_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Bruin brood heel", "3.25"),
        ("Krentenbol", "0.85"),
        ("Appeltaart punt", "3.10"),
        ("Stroopwafel", "1.25"),
        ("Croissant", "1.35"),
        ("Volkoren bol", "0.75"),
        ("Tompouce", "2.40"),
        ("Koffie", "2.90"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 2, 4, 6))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "PIN", total),)
        if v != 1
        else (Tender("cash", "CONTANT", tendered(rng, total, (5, 10, 20, 50))),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(10000, 99999)}", dated_when=dated(rng, "{d}-{m}-{y} {H}:{M}")
    )


def nl_bakkerij(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(5, "right"), Col(9, "right"))
    ops: list[Op] = [
        Title("BAKKERIJ DE VRIES"),
        Center("Dorpsstraat 8, 3512 AB Utrecht"),
        Center("Tel. 030-2345678"),
        Text(f"Bon {s.no}   Kassa 2   {s.when}"),
        Rule(),
        Row(("Omschrijving", "Aant", "EUR"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"{ln.qty}x", COMMA(ln.amount)), c))
    ops += [Rule(), pair("TOTAAL", COMMA(s.total), bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("WISSELGELD", COMMA(s.change)))
    tax = included_tax(s.total, Decimal(9))
    ops += [
        Blank(),
        Row(("BTW", "over", "bedrag"), (Col(None), Col(10, "right"), Col(9, "right"))),
        Row(("9%", COMMA(s.total - tax), COMMA(tax)), (Col(None), Col(10, "right"), Col(9, "right"))),
        Blank(),
        Center("Bedankt en tot ziens!"),
    ]
    return ops


def pl_sklep_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Chleb żytni", "4.50", "C"),
        ("Masło extra 200g", "6.99", "C"),
        ("Mleko 3,2% 1l", "3.49", "C"),
        ("Ser żółty 150g", "5.79", "C"),
        ("Piwo Żywiec 0,5l", "3.99", "A"),
        ("Chusteczki higien.", "2.49", "A"),
        ("Kawa mielona 250g", "15.99", "A"),
    ]
    chosen = rng.sample(catalogue, rng.randint(2, 4))
    lines = [Line(n, Decimal(rng.choice((1, 1, 2, 3))), Decimal(p), tag=t) for n, p, t in chosen]
    lines.append(Line("Jabłka", Decimal(rng.choice(("0.850", "1.240", "0.615"))), Decimal("5.20"), tag="C"))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "Gotówka", tendered(rng, total, (20, 50, 100, 200))),)
        if v != 2
        else (Tender("card", "Karta płatnicza", total),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(1000, 9999):06d}", dated_when=dated(rng, "{y}-{m}-{d}")
    )


def pl_sklep(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(11, "right"), Col(9, "right"))
    ops: list[Op] = [
        Title("SKLEP U ANI"),
        Center('P.H.U. "Ania" Anna Nowak'),
        Center("ul. Długa 5, 80-831 Gdańsk"),
        Center("NIP 584-123-45-67"),
        Row((s.when, f"nr wydr. {s.no}"), (Col(None), Col(16, "right"))),
        Center("PARAGON FISKALNY", bold=True),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(
            Row((ln.name, f"{qty_str(ln.qty, ',')} x{COMMA(ln.price)}", f"{COMMA(ln.amount)}{ln.tag}"), c)
        )
    ops.append(Rule())
    rates = {"A": Decimal(23), "C": Decimal(5)}
    taxes = Decimal(0)
    for tag in sorted({ln.tag for ln in s.lines}):
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        tax = included_tax(gross, rates[tag])
        taxes += tax
        ops += [
            pair(f"Sprzedaż opodatkowana {tag}", COMMA(gross)),
            pair(f"PTU {tag} {rates[tag]},00%", COMMA(tax)),
        ]
    ops += [pair("Suma PTU", COMMA(taxes)), pair("SUMA PLN", COMMA(s.total), bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Reszta", COMMA(s.change)))
    ops += [Blank(), Text("#Kasa 1   Kasjer nr 2"), Center("Dziękujemy i zapraszamy ponownie")]
    return ops


def ru_produkty_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Хлеб Бородинский", "54.90"),
        ("Молоко 3,2% 1л", "89.00"),
        ("Сыр Российский 200г", "219.00"),
        ("Яйцо С1 10шт", "119.90"),
        ("Гречка 900г", "99.50"),
        ("Чай черный 100п", "249.00"),
        ("Кефир 1% 900мл", "79.90"),
    ]
    lines = pick(rng, catalogue, (2, 4))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, (500, 1000, 2000, 5000))),)
        if v != 1
        else (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(10, 999)}", dated_when=dated(rng, "{d}.{m}.26 {H}:{M}")
    )


def ru_produkty(s: Sale, cols: int) -> list[Op]:
    c = (Col(2), Col(None), Col(11, "right"))
    ops: list[Op] = [
        Title("ПРОДУКТЫ"),
        Center('ООО "Ромашка"'),
        Center("г. Москва, ул. Ленина, 10"),
        Center("ИНН 7701234567"),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Text(f"Чек {s.no}  {s.when}"),
        Text("Кассир: Иванова А."),
        Rule(),
    ]
    for ln in s.lines:
        ops += [Text(ln.name), Row(("", f"{ln.qty} x {POINT(ln.price)}", f"={POINT(ln.amount)}"), c)]
    tax = included_tax(s.total, Decimal(10))
    ops += [Rule(), pair("ИТОГ", f"={POINT(s.total)}", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"={POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("СДАЧА", f"={POINT(s.change)}"))
    ops += [pair("В т.ч. НДС 10%", f"={POINT(tax)}"), Blank(), Center("СПАСИБО ЗА ПОКУПКУ")]
    return ops


def ja_ramen_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("醤油らーめん", "850"),
        ("味噌らーめん", "950"),
        ("つけ麺", "1000"),
        ("味玉", "150"),
        ("餃子", "300"),
        ("ライス", "200"),
        ("生ビール", "550"),
        ("チャーシュー丼", "400"),
    ]
    lines = pick(rng, catalogue, (2, 4), places=0, qtys=(1, 1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "お預り", tendered(rng, total, (1000, 2000, 3000, 5000, 10000))),)
        if v != 2
        else (Tender("card", "クレジット", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}年{m}月{d}日 {H}:{M}"),
        subtotal_printed=True,
    )


def ja_ramen(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(3, "right"), Col(9, "right"))
    ops: list[Op] = [
        Title("らーめん大吉"),
        Center("東京都新宿区西新宿1-2-3"),
        Center("TEL 03-1234-5678"),
        Text(s.when),
        Text(f"伝票No {s.no}   担当 佐藤"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), f"¥{WHOLE(ln.amount)}"), c))
    ops += [
        Rule(),
        pair("小計", f"¥{WHOLE(s.subtotal)}"),
        pair("(内消費税等 10%", f"¥{WHOLE(included_tax(s.total, Decimal(10), 0))})"),
        pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    ops += [Blank(), Center("ありがとうございました")]
    return ops


def ko_cafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("아메리카노", "4500"),
        ("카페라떼", "5000"),
        ("바닐라라떼", "5500"),
        ("치즈케이크", "6500"),
        ("녹차라떼", "5500"),
        ("크루아상", "3800"),
        ("딸기스무디", "6000"),
    ]
    lines = pick(rng, catalogue, (2, 4), places=0, qtys=(1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "카드", total),)
        if v != 1
        else (Tender("cash", "현금", tendered(rng, total, (10000, 20000, 30000, 50000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-{rng.randint(1, 999):04d}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}:{S}"),
    )


def ko_cafe(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(10, "right"))
    ops: list[Op] = [
        Title("카페 봄날"),
        Center("서울시 마포구 양화로 45"),
        Text("사업자번호 123-45-67890"),
        Text("대표 김민지   TEL 02-333-4444"),
        Text(f"영수증번호 {s.no}"),
        Text(s.when),
        Rule(),
        Row(("상품명", "수량", "금액"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
    tax = included_tax(s.total, Decimal(10), 0)
    ops += [
        Rule(),
        pair("과세물품가액", WHOLE(s.total - tax)),
        pair("부가세", WHOLE(tax)),
        pair("합계", f"{WHOLE(s.total)}원", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    ops += [Blank(), Center("감사합니다")]
    return ops


def zh_milktea_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("杨枝甘露(大杯)", "18.00", "少冰 半糖"),
        ("珍珠奶茶", "12.00", "去冰 七分糖"),
        ("芝士奶盖绿茶", "16.00", ""),
        ("百香果双响炮", "13.00", "正常冰"),
        ("黑糖波波鲜奶", "19.00", "热 无糖"),
        ("柠檬红茶", "10.00", ""),
    ]
    chosen = rng.sample(catalogue, rng.randint(2, 3))
    lines = [Line(n, Decimal(rng.choice((1, 1, 2))), Decimal(p), note=note) for n, p, note in chosen]
    total = sum((ln.amount for ln in lines), Decimal(0))
    pay = [
        Tender("wechat", "微信支付", total),
        Tender("cash", "现金", tendered(rng, total, (20, 50, 100))),
        Tender("alipay", "支付宝", total),
    ][v % 3]
    return Sale(
        tuple(lines),
        (pay,),
        no=f"2026{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}-{rng.randint(1, 999):04d}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}"),
    )


def zh_milktea(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(6, "right"), Col(7, "right"))
    ops: list[Op] = [
        Title("茶百味"),
        Center("人民广场店"),
        Text(f"单号: {s.no}"),
        Text("收银员: 小王"),
        Text(s.when),
        Rule(),
        Row(("品名", "数量", "单价", "金额"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), POINT(ln.price), POINT(ln.amount)), c))
        if ln.note:
            ops.append(Row(("", ln.note), (Col(2), Col(None))))
    ops += [Rule(), pair("合计", f"¥{POINT(s.total)}", bold=True, tall=True, right=10)]
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{POINT(t.amount)}", right=10))
    if s.cash:
        ops.append(pair("找零", f"¥{POINT(s.change)}", right=10))
    ops += [Blank(), Center("谢谢惠顾 欢迎再来"), QR(f"https://m.example.cn/o/{s.no}")]
    return ops


def tw_convenience_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("茶葉蛋", "10"),
        ("御飯糰", "35"),
        ("大亨堡", "49"),
        ("鮮奶茶", "45"),
        ("光泉鮮乳", "38"),
        ("關東煮", "50"),
        ("礦泉水", "20"),
    ]
    lines = pick(rng, catalogue, (2, 4), places=0, qtys=(1, 1, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "現金", tendered(rng, total, (100, 200, 500, 1000))),)
        if v != 1
        else (Tender("card", "信用卡", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 99999):05d}",
        dated_when=dated(rng, "{y}/{m}/{d} {H}:{M}"),
    )


def tw_convenience(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(7, "right"), Col(6, "right"), Col(2))
    ops: list[Op] = [
        Title("好鄰居商店"),
        Center("台北市大安區復興南路一段100號"),
        Center("統一編號 12345678"),
        Text(f"交易序號 {s.no}   收銀員 陳"),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"{ln.price}x{ln.qty}", WHOLE(ln.amount), "TX"), c))
    ops += [Rule(), pair("合計", f"NT${WHOLE(s.total)}", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"NT${WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("找零", f"NT${WHOLE(s.change)}"))
    ops += [Blank(), Center("謝謝光臨")]
    return ops


def th_cafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("กาแฟเย็น", "45.00"),
        ("ชาไทย", "40.00"),
        ("ขนมปังปิ้ง", "35.00"),
        ("อเมริกาโน่", "50.00"),
        ("ชาเขียวนม", "45.00"),
        ("เค้กช็อกโกแลต", "65.00"),
        ("น้ำเปล่า", "15.00"),
    ]
    lines = pick(rng, catalogue, (2, 4))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "เงินสด", tendered(rng, total, (100, 500, 1000))),)
        if v != 1
        else (Tender("card", "บัตรเครดิต", total),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(1, 9999):06d}", dated_when=dated(rng, "{d}/{m}/2569 {H}:{M}")
    )


def th_cafe(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(10, "right"))
    ops: list[Op] = [
        Title("บ้านสวนคาเฟ่"),
        Center("ถนนนิมมานเหมินท์ เชียงใหม่"),
        Center("เลขประจำตัวผู้เสียภาษี 0505512345678"),
        Center("ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ"),
        Text(f"เลขที่ {s.no}  {s.when}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), POINT(ln.amount)), c))
    ops += [
        Rule(),
        pair("รวม", f"{POINT(s.total)} บาท", bold=True, tall=True, right=14),
        pair("ภาษีมูลค่าเพิ่ม 7%", POINT(included_tax(s.total, Decimal(7))), right=14),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount), right=14))
    if s.cash:
        ops.append(pair("เงินทอน", POINT(s.change), right=14))
    ops += [Blank(), Center("ขอบคุณที่ใช้บริการ")]
    return ops


def au_cafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Flat White", "4.50"),
        ("Long Black", "4.00"),
        ("Smashed Avo", "19.50"),
        ("Banana Bread", "6.50"),
        ("Big Brekkie", "24.00"),
        ("Chai Latte", "5.00"),
        ("OJ Fresh", "7.00"),
    ]
    lines = pick(rng, catalogue, (2, 4), qtys=(1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "EFTPOS", total),)
        if v != 2
        else (Tender("cash", "Cash", tendered(rng, total, (20, 50, 100))),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(10, 99)}", dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}")
    )


def au_cafe(s: Sale, cols: int) -> list[Op]:
    c = (Col(3), Col(None), Col(8, "right"))
    ops: list[Op] = [
        Title("DAILY GRIND"),
        Center("ABN 12 345 678 901"),
        Center("3/88 Beach Rd, Bondi NSW"),
        Text(f"Order #{s.no}   Table 4"),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((f"{ln.qty}x", ln.name, f"${POINT(ln.amount)}"), c))
    ops += [
        Rule(),
        pair("Total (inc GST)", f"${POINT(s.total)}", bold=True, tall=True, right=10),
        pair("GST included", f"${POINT(included_tax(s.total, Decimal(10)))}", right=10),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"${POINT(t.amount)}", right=10))
    if s.cash:
        ops.append(pair("Change", f"${POINT(s.change)}", right=10))
    ops += [Blank(), Center("Cheers! See you tomorrow")]
    return ops


def us_diner_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Cheeseburger Deluxe", "14.95", ("no onions", "side fries")),
        ("BLT Club", "12.50", ("toasted rye",)),
        ("Pancake Stack", "9.75", ("add blueberries",)),
        ("Western Omelette", "11.25", ("egg whites", "home fries", "no peppers")),
        ("Chicken Noodle Soup", "6.95", ()),
        ("Coffee", "2.75", ()),
        ("Chocolate Shake", "6.50", ("extra whipped cream",)),
        ("Apple Pie a la Mode", "7.25", ("served warm",)),
        ("Reuben", "15.50", ("dressing on side",)),
    ]
    chosen = rng.sample(catalogue, rng.randint(3, 5))
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 1, 2))), Decimal(price), note="\n".join(mods))
        for name, price, mods in chosen
    ]
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = (subtotal * Decimal("8.875") / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    # The card receipts are printed after the tip is added on the card slip; a cash customer tips in cash.
    tip = (
        Decimal(0)
        if v == 1
        else (subtotal * rng.choice((18, 20, 22)) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    )
    total = subtotal + tax + tip
    tenders = (
        (Tender("cash", "Cash", tendered(rng, total, (20, 40, 50, 60, 80, 100))),)
        if v == 1
        else (Tender("card", "Visa" if v == 0 else "Mastercard", total),)
    )
    when, iso = dated(rng, "{b} {j}, {y}  {I}:{M} {p}")
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 9999)}",
        when=when,
        iso=iso,
        tax_added=tax,
        surcharge=tip,
        subtotal_printed=True,
    )


def us_diner(s: Sale, cols: int) -> list[Op]:
    c = (Col(3), Col(None), Col(9, "right"))
    ops: list[Op] = [
        Title("BLUE PLATE DINER"),
        Center("218 Bleecker St"),
        Center("New York, NY 10012"),
        Center("(212) 555-0187"),
        Blank(),
        Row(("Server: Maria", "Table: 12"), (Col(None), Col(10))),
        Row((f"Check #{s.no}", "Guests: 3"), (Col(None), Col(10))),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, POINT(ln.amount)), c))
        ops += [Text(f"    - {mod}") for mod in ln.note.splitlines()]
    ops += [Rule(), pair("Subtotal", POINT(s.subtotal)), pair("Tax 8.875%", POINT(s.tax_added))]
    if s.surcharge:
        ops.append(pair("Tip", POINT(s.surcharge)))
    ops.append(pair("Total", f"${POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"${POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("Change", f"${POINT(s.change)}"))
        # The tip guide of a cash check: what each share of the subtotal would be, not part of the sale.
        guide = "  ".join(
            f"{pct}%=${POINT((s.subtotal * pct / 100).quantize(Decimal('0.01'), ROUND_HALF_UP))}"
            for pct in (18, 20, 22)
        )
        ops += [Blank(), Center("Suggested gratuity"), Center(guide)]
    else:
        ops += [
            Text("  Card #: XXXXXXXXXXXX1234"),
            Text("  Entry: Chip   Auth Code: 05821B"),
            Text("  AID: A0000000031010"),
        ]
    ops += [Blank(), Center("Thank you! Come again"), Center("blueplatediner.example.com")]
    return ops


def zh_hant_restaurant_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("宮保雞丁", "280"),
        ("三杯雞", "320"),
        ("炒高麗菜", "180"),
        ("麻婆豆腐", "200"),
        ("紅燒牛肉麵", "220"),
        ("小籠包", "160"),
        ("蝦仁炒飯", "200"),
        ("酸辣湯", "120"),
        ("台灣啤酒", "90"),
        ("白飯", "20"),
    ]
    lines = pick(rng, catalogue, (3, 6), places=0, qtys=(1, 1, 1, 2, 3))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    service = (subtotal / 10).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    total = subtotal + service
    tenders = (
        (Tender("card", "信用卡", total),)
        if v == 1
        else (Tender("cash", "現金", tendered(rng, total, (500, 1000, 2000, 3000, 5000, 10000))),)
    )
    when, iso = dated(rng, "{y}/{m}/{d} {H}:{M}")
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"A{rng.randint(1, 9999):04d}",
        when=when,
        iso=iso,
        surcharge=service,
        subtotal_printed=True,
    )


def zh_hant_restaurant(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(6, "right"), Col(7, "right"))
    ops: list[Op] = [
        Title("鼎香小館"),
        Center("台北市中山區南京東路二段58號"),
        Center("電話 (02)2567-8901"),
        Center("統一編號 53812345"),
        Center("消費明細", bold=True),
        Row((f"單號: {s.no}", "桌號: 12"), (Col(None), Col(10))),
        Row(("服務員: 林", "人數: 4"), (Col(None), Col(10))),
        Text(f"日期: {s.when}"),
        Rule(),
        Row(("品名", "數量", "單價", "金額"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.price), WHOLE(ln.amount)), c))
    ops += [
        Rule(),
        pair("小計", WHOLE(s.subtotal)),
        pair("服務費 10%", WHOLE(s.surcharge)),
        pair("合計", f"{WHOLE(s.total)} 元", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("找零", WHOLE(s.change)))
    ops += [Blank(), Center("本明細僅供對帳 發票另開"), Center("謝謝光臨 歡迎再來")]
    return ops


def th_7eleven_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("น้ำดื่ม 600มล.", "7.00"),
        ("ข้าวกะเพราไก่", "39.00"),
        ("แซนวิชแฮมชีส", "32.00"),
        ("นมจืด 225มล.", "12.00"),
        ("กาแฟกระป๋อง", "15.00"),
        ("ขนมปังไส้สังขยา", "13.00"),
        ("ไส้กรอกชีส", "25.00"),
        ("ชาเขียว 500มล.", "20.00"),
        ("ซาลาเปาหมูสับ", "19.00"),
    ]
    lines = pick(rng, catalogue, (2, 5))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("other", "ทรูมันนี่ วอลเล็ท", total),)
        if v == 1
        else (Tender("cash", "เงินสด", tendered(rng, total, (20, 50, 100, 500, 1000))),)
    )
    when, iso = dated(rng, "{d}/{m}/2569 {H}:{M}")
    return Sale(tuple(lines), tenders, no=f"{rng.randint(1, 99999):07d}", when=when, iso=iso)


def th_7eleven(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(3, "right"), Col(9, "right"))
    ops: list[Op] = [
        Title("สุขใจ มาร์ท"),
        Center("บมจ. สุขใจ รีเทล (สำนักงานใหญ่)"),
        Center("สาขา 04512 ซ.สุขุมวิท 71 กรุงเทพฯ"),
        Center("TAX#0105551234567 (VAT Included)"),
        Center("ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ"),
        Text(f"POS#04512-03   R#{s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), POINT(ln.amount)), c))
    ops += [Rule(), pair(f"รวม {pieces(s.lines)} ชิ้น", POINT(s.total), bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount)))
    if s.cash:
        ops.append(pair("เงินทอน", POINT(s.change)))
    ops += [
        pair("ภาษีมูลค่าเพิ่ม 7%", POINT(included_tax(s.total, Decimal(7)))),
        Blank(),
        Text(f"{s.when}  พนักงาน 0021"),
        Center("ขอบคุณที่ใช้บริการ"),
    ]
    return ops


def ru_apteka_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Нурофен табл. 200мг №20", "189.00", "10"),
        ("Арбидол капс. 100мг №10", "298.50", "10"),
        ("Називин спрей 0,05% 10мл", "215.00", "10"),
        ("Цитрамон П табл. №10", "42.90", "10"),
        ("Терафлю пор. №10", "549.00", "10"),
        ("Пластырь бактерицидный №10", "64.00", "20"),
        ("Крем для рук 75мл", "119.00", "20"),
        ("Маска медицинская №10", "85.00", "20"),
    ]
    lines = pick(rng, catalogue, (2, 4), qtys=(1, 1, 1, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
        if v == 1
        else (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, (100, 500, 1000, 2000, 5000))),)
    )
    when, iso = dated(rng, "{d}.{m}.{y} {H}:{M}")
    return Sale(tuple(lines), tenders, no=f"{rng.randint(1, 300)}", when=when, iso=iso)


def ru_apteka(s: Sale, cols: int) -> list[Op]:
    c = (Col(2), Col(None), Col(12, "right"))
    ops: list[Op] = [
        Title("АПТЕКА ЗДОРОВЬЕ"),
        Center('ООО "Фарм-Сервис"'),
        Center("г. Санкт-Петербург, Невский пр., 88"),
        Center("ИНН 7812345678"),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Row((f"Чек № {s.no}", "Смена № 145"), (Col(None), Col(12, "right"))),
        Text(s.when),
        Text("Кассир: Петрова М.С."),
        Rule(),
    ]
    for ln in s.lines:
        ops += [
            Text(ln.name),
            Row(("", f"{ln.qty} x {COMMA(ln.price)}", f"= {COMMA(ln.amount)}"), c),
            Text(f"  НДС {ln.tag}%"),
        ]
    ops += [Rule(), pair("ИТОГ", f"= {COMMA(s.total)}", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"= {COMMA(t.amount)}"))
    if s.cash:
        ops.append(pair("СДАЧА", f"= {COMMA(s.change)}"))
    for rate in sorted({ln.tag for ln in s.lines}):
        gross = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
        ops.append(pair(f"СУММА НДС {rate}%", f"= {COMMA(included_tax(gross, Decimal(rate)))}"))
    # The fiscal block of a Russian (54-FZ) receipt and its QR code, which repeats the date and the total.
    fiscal = f"t={s.iso[:10].replace('-', '')}T{s.iso[11:16].replace(':', '')}&s={POINT(s.total)}"
    ops += [
        Text("СНО: ОСН"),
        Text("РН ККТ 0001234567012345"),
        Text("ФН № 7281440500123456"),
        Text(f"ФД № {int(s.no) + 10400}  ФП 2398765432"),
        Text("САЙТ ФНС: www.nalog.gov.ru"),
        QR(f"{fiscal}&fn=7281440500123456&i={int(s.no) + 10400}&fp=2398765432&n=1"),
        Center("СПАСИБО! БУДЬТЕ ЗДОРОВЫ!"),
    ]
    return ops


def fr_supermarche_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("LAIT DEMI-ECREME 1L", "1.09", "1"),
        ("BAGUETTE TRADITION", "1.15", "1"),
        ("YAOURT NATURE X8", "2.35", "1"),
        ("EMMENTAL RAPE 200G", "2.49", "1"),
        ("POMMES GOLDEN 1KG", "2.99", "1"),
        ("JAMBON BLANC X4", "3.45", "1"),
        ("CAFE MOULU 250G", "3.89", "1"),
        ("LESSIVE LIQUIDE 2L", "8.95", "2"),
        ("PAPIER TOILETTE X12", "5.49", "2"),
        ("BIERE BLONDE 6X25CL", "5.79", "2"),
    ]
    lines = pick(rng, catalogue, (4, 7), qtys=(1, 1, 1, 2, 3))
    # One promotion taken off at the till ("remise immediate"), printed under its item.
    k = rng.randrange(len(lines))
    off = min(Decimal(rng.choice(("0.30", "0.50", "1.00"))), lines[k].amount)
    lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "ESPECES", tendered(rng, total, (10, 20, 50, 100))),)
        if v == 1
        else (Tender("card", "CB", total),)
    )
    when, iso = dated(rng, "{d}/{m}/{y} {H}:{M}")
    return Sale(tuple(lines), tenders, no=f"{rng.randint(1, 9999):04d}", when=when, iso=iso)


FR_TVA = {"1": Decimal("5.5"), "2": Decimal(20)}


def fr_supermarche(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(9, "right"), Col(1))
    ops: list[Op] = [
        Title("MARCHE PLUS"),
        Center("SAS DISTRILYON"),
        Center("14 AV JEAN JAURES 69007 LYON"),
        Center("TEL 04 78 12 34 56"),
        Center("SIRET 512 345 678 00027"),
        Center("TVA INTRACOM FR12512345678"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(Row((ln.name, COMMA(ln.amount), ln.tag), c))
        else:
            ops += [Text(ln.name), Row((f"   {ln.qty} x {COMMA(ln.price)}", COMMA(ln.amount), ln.tag), c)]
        if ln.discount:
            ops.append(Row(("   REMISE IMMEDIATE", COMMA(ln.discount), ln.tag), c))
    ops += [
        Rule(),
        Text(f"   {pieces(s.lines)} ARTICLES"),
        pair("TOTAL", f"{COMMA(s.total)} EUR", bold=True, tall=True, right=14),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"{COMMA(t.amount)} EUR", right=14))
    if s.cash:
        ops.append(pair("RENDU MONNAIE", f"{COMMA(s.change)} EUR", right=14))
    else:
        # The card terminal's customer slip, printed into the till receipt.
        day, month, hm = s.iso[8:10], s.iso[5:7], s.iso[11:16]
        ops += [
            Rule(),
            Center("CARTE BANCAIRE"),
            Center("SANS CONTACT"),
            Center("A0000000421010"),
            Center(f"LE {day}/{month}/26 A {hm}"),
            Center("MARCHE PLUS LYON"),
            Center("1234567   00012345"),
            Center("************4821"),
            Center("0123 456789 01 053214"),
            Center(f"MONTANT = {COMMA(s.total)} EUR"),
            Center("DEBIT"),
            Center("TICKET CLIENT A CONSERVER"),
        ]
    tva = (Col(None), Col(6, "right"), Col(8, "right"), Col(7, "right"), Col(8, "right"))
    ops += [Rule(), Row(("CODE", "TAUX", "HT", "TVA", "TTC"), tva)]
    for code in sorted({ln.tag for ln in s.lines}):
        ttc = sum((ln.net for ln in s.lines if ln.tag == code), Decimal(0))
        tax = included_tax(ttc, FR_TVA[code])
        ops.append(Row((code, COMMA(FR_TVA[code]), COMMA(ttc - tax), COMMA(tax), COMMA(ttc)), tva))
    ops += [
        Rule(),
        Text(f"{s.when}  CAISSE 012  TICKET {s.no}"),
        Center("MERCI DE VOTRE VISITE"),
        Barcode(f"0120{s.no}"),
    ]
    return ops


def ko_chicken_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("후라이드치킨", "20000"),
        ("양념치킨", "21000"),
        ("반반치킨", "21000"),
        ("간장치킨", "22000"),
        ("치즈볼(5개)", "5000"),
        ("감자튀김", "4000"),
        ("콜라 1.25L", "3000"),
        ("생맥주 500cc", "4500"),
        ("치킨무 추가", "500"),
    ]
    lines = pick(rng, catalogue, (2, 5), places=0, qtys=(1, 1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "현금", tendered(rng, total, (10000, 20000, 30000, 50000, 100000))),)
        if v == 1
        else (Tender("card", "카드", total),)
    )
    when, iso = dated(rng, "{y}-{m}-{d} {H}:{M}")
    return Sale(tuple(lines), tenders, places=0, no=f"{rng.randint(1, 999):04d}", when=when, iso=iso)


def ko_chicken(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(10, "right"))
    tax = included_tax(s.total, Decimal(10), 0)
    ops: list[Op] = [
        Title("바삭치킨"),
        Center("망원점"),
        Text("사업자번호: 105-12-34567"),
        Text("대표자: 박준호  TEL: 02-325-7788"),
        Text("주소: 서울시 마포구 망원로 23"),
        Rule(),
        Text(f"주문번호: {s.no}   POS: 01"),
        Text(f"판매일시: {s.when}"),
        Rule(),
        Row(("메뉴", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
    ops += [
        Rule(),
        pair("합계", f"{WHOLE(s.total)}원", bold=True, tall=True),
        pair("과세물품가액", WHOLE(s.total - tax)),
        pair("부가세", WHOLE(tax)),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    else:
        ops += [
            Text("[신용승인]"),
            Text("카드종류: 신한카드"),
            Text("카드번호: 5327-12**-****-345*"),
            Text("할부: 일시불"),
            Text(f"승인번호: {30012000 + int(s.no)}"),
        ]
    ops += [Blank(), Center("맛있게 드세요! 감사합니다")]
    return ops


def es_supermercado_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("LECHE ENTERA 1L", "0.95", "4"),
        ("PAN BARRA", "0.55", "4"),
        ("HUEVOS L 12U", "2.65", "4"),
        ("YOGUR NATURAL 4U", "1.15", "10"),
        ("PECHUGA POLLO", "5.49", "10"),
        ("AGUA MINERAL 6X1,5L", "2.10", "10"),
        ("PATATAS FRITAS", "1.35", "10"),
        ("CERVEZA 6X33CL", "3.90", "21"),
        ("DETERGENTE 40 LAV", "6.50", "21"),
    ]
    weighed = [("PLATANO CANARIAS", "2.99"), ("TOMATE RAMA", "2.49"), ("MANZANA GOLDEN", "1.89")]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 1, 2, 3))
    for name, price in rng.sample(weighed, rng.randint(1, 2)):
        grams = Decimal(rng.randint(300, 999)).scaleb(-3)
        lines.insert(rng.randint(0, len(lines)), Line(name, grams, Decimal(price), tag="4"))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "TARJETA BANCARIA", total),)
        if v == 1
        else (Tender("cash", "EFECTIVO", tendered(rng, total, (10, 20, 50, 100))),)
    )
    when, iso = dated(rng, "{d}/{m}/{y} {H}:{M}")
    return Sale(
        tuple(lines),
        tenders,
        no=f"2451-012-{rng.randint(1, 999999):06d}",
        when=when,
        iso=iso,
    )


def es_supermercado(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(8, "right"), Col(8, "right"))
    ops: list[Op] = [
        Title("LA HUERTA"),
        Center("SUPERMERCADOS LA HUERTA, S.A."),
        Center("C/ Colón 12, 46004 Valencia"),
        Center("NIF A46123456"),
        Center("Teléfono: 963 123 456"),
        Text(f"{s.when}  OP: 104512"),
        Text(f"FACTURA SIMPLIFICADA: {s.no}"),
        Rule(),
        Row(("Descripción", "P. Unit", "Importe"), c),
    ]
    for ln in s.lines:
        if ln.qty < 1:
            ops += [
                Text(f"1 {ln.name}"),
                pair(f"    {qty_str(ln.qty, ',')} kg x {COMMA(ln.price)} €/kg", COMMA(ln.amount), right=8),
            ]
        else:
            unit = COMMA(ln.price) if ln.qty > 1 else ""
            ops.append(Row((f"{ln.qty} {ln.name}", unit, COMMA(ln.amount)), c))
    ops += [Rule(), pair("TOTAL A PAGAR", f"{COMMA(s.total)} €", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("CAMBIO", COMMA(s.change)))
    else:
        ops += [
            Text("TARJ. BANCARIA: **** **** **** 4821"),
            Text("N.C: 012345678  AUT: 123456"),
            Text("AID: A0000000031010  VISA DEBITO"),
            Text(f"IMPORTE: {COMMA(s.total)} €"),
        ]
    # The IVA table, whose last line sums the bases and the quotas: a TOTAL that is not the total.
    iva = (Col(None), Col(18, "right"), Col(10, "right"))
    ops += [Rule(), Row(("IVA", "BASE IMPONIBLE (€)", "CUOTA (€)"), iva)]
    bases = cuotas = Decimal(0)
    for rate in sorted({ln.tag for ln in s.lines}, key=int):
        gross = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
        cuota = included_tax(gross, Decimal(rate))
        bases, cuotas = bases + gross - cuota, cuotas + cuota
        ops.append(Row((f"{rate}%", COMMA(gross - cuota), COMMA(cuota)), iva))
    ops += [
        Row(("TOTAL", COMMA(bases), COMMA(cuotas)), iva),
        Blank(),
        Center("SE ADMITEN DEVOLUCIONES CON TICKET"),
        Center("GRACIAS POR SU COMPRA"),
    ]
    return ops


def it_pizzeria_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("MARGHERITA", "6.50"),
        ("DIAVOLA", "8.00"),
        ("CAPRICCIOSA", "9.00"),
        ("QUATTRO FORMAGGI", "9.50"),
        ("MARINARA", "5.50"),
        ("CALZONE", "8.50"),
        ("BIRRA MEDIA", "5.00"),
        ("ACQUA NAT. 0,75L", "2.50"),
        ("COCA COLA 33CL", "3.00"),
        ("TIRAMISU'", "5.00"),
    ]
    guests = rng.randint(2, 4)
    lines = [Line("COPERTO", Decimal(guests), Decimal("2.00"))]
    lines += pick(rng, catalogue, (3, 5), qtys=(1, 1, 2, 2, 3))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    # A 10 % discount (a regular's, a promotion) on two of the three variants.
    sconto = (subtotal / 10).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if v != 2 else Decimal(0)
    total = subtotal - sconto
    tenders = (
        (Tender("card", "PAGAMENTO ELETTRONICO", total),)
        if v == 1
        else (Tender("cash", "PAGAMENTO CONTANTE", tendered(rng, total, (20, 50, 100, 150, 200))),)
    )
    when, iso = dated(rng, "{d}-{m}-{y} {H}:{M}")
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 365):04d}-{rng.randint(1, 300):04d}",
        when=when,
        iso=iso,
        savings=sconto,
        savings_label="SCONTO 10%",
        subtotal_printed=True,
    )


def it_pizzeria(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(3), Col(4, "right"), Col(9, "right"))
    ops: list[Op] = [
        Title("DA GENNARO"),
        Center("Pizzeria Da Gennaro di Esposito G."),
        Center("Via dei Tribunali 120 - 80138 Napoli"),
        Center("P.IVA 07654321098"),
        Center("Tel. 081 5551234"),
        Text("TAVOLO 7   Cameriere: Ciro"),
        Blank(),
        Center("DOCUMENTO COMMERCIALE", bold=True),
        Center("di vendita o prestazione"),
        Row(("DESCRIZIONE", "", "IVA", "Prezzo(€)"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"x{ln.qty}" if ln.qty != 1 else "", "10%", COMMA(ln.amount)), c))
    ops += [Rule(), pair("SUBTOTALE", COMMA(s.subtotal))]
    if s.savings:
        ops.append(pair(s.savings_label, COMMA(-s.savings)))
    ops += [
        pair("TOTALE COMPLESSIVO", COMMA(s.total), bold=True, tall=True),
        pair("di cui IVA", COMMA(included_tax(s.total, Decimal(10)))),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("RESTO", COMMA(s.change)))
    ops += [
        pair("IMPORTO PAGATO", COMMA(s.total)),
        Blank(),
        Text(s.when),
        Text(f"DOCUMENTO N. {s.no}"),
        Text("RT 99IEB012345"),
        Center("Grazie e arrivederci!"),
    ]
    return ops


def en_gb_cafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Flat White", "3.40"),
        ("Latte", "3.50"),
        ("Cappuccino", "3.40"),
        ("English Breakfast Tea", "2.60"),
        ("Croissant", "2.50"),
        ("Bacon Bap", "5.95"),
        ("Cheese Toastie", "6.25"),
        ("Scone, Jam & Cream", "4.75"),
        ("Carrot Cake", "3.95"),
        ("Sparkling Water", "1.95"),
    ]
    lines = pick(rng, catalogue, (2, 4), qtys=(1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "Cash", tendered(rng, total, (5, 10, 20, 50))),)
        if v == 1
        else (Tender("card", "Card", total),)
    )
    when, iso = dated(rng, "{d}/{m}/{y} {H}:{M}")
    return Sale(tuple(lines), tenders, no=f"{rng.randint(1, 9999):04d}", when=when, iso=iso)


def en_gb_cafe(s: Sale, cols: int) -> list[Op]:
    c = (Col(3), Col(None), Col(9, "right"))
    ops: list[Op] = [
        Title("THE COPPER KETTLE"),
        Center("14 Bridge Street"),
        Center("Bath BA2 4AS"),
        Center("Tel: 01225 448812"),
        Center("VAT No: GB 287 6543 21"),
        Rule(),
        Text(f"Receipt No: {s.no}   Till 2"),
        Text("Served by: Chloe    EAT IN"),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, f"£{POINT(ln.amount)}"), c))
    ops += [Rule(), pair("Total", f"£{POINT(s.total)}", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"£{POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("Change", f"£{POINT(s.change)}"))
    else:
        ops += [Text("  Contactless"), Text("  VISA DEBIT ************4821"), Text("  Auth code: 718254")]
    ops += [
        pair("VAT @ 20% included", f"£{POINT(included_tax(s.total, Decimal(20)))}"),
        Blank(),
        Center("Thank you, see you soon!"),
        Center("Wi-Fi: CopperKettleGuest"),
    ]
    return ops


def zh_hans_supermarket_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("金龙鱼大米5kg", "39.90"),
        ("伊利纯牛奶250ml*16", "49.90"),
        ("农夫山泉550ml", "2.00"),
        ("康师傅红烧牛肉面", "4.50"),
        ("海天酱油500ml", "12.80"),
        ("维达抽纸3包", "15.90"),
        ("青岛啤酒500ml", "6.50"),
        ("奥利奥饼干", "9.90"),
        ("可口可乐330ml", "3.00"),
    ]
    lines = [
        replace(ln, code=ean13(f"690{rng.randint(0, 999999999):09d}"))
        for ln in pick(rng, catalogue, (3, 6), qtys=(1, 1, 1, 2, 3, 6))
    ]
    # Loose produce weighed at the counter: a store code, the weight in kg.
    grams = Decimal(rng.randint(300, 2500)).scaleb(-3)
    lines.insert(rng.randint(0, len(lines)), Line("香蕉(散称)", grams, Decimal("6.98"), code="2300125"))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    savings = Decimal(rng.choice(("2.00", "3.50", "5.00")))
    total = subtotal - savings
    pay = [
        Tender("wechat", "微信支付", total),
        Tender("cash", "现金", tendered(rng, total, (50, 100, 200, 300, 500))),
        Tender("alipay", "支付宝", total),
    ][v % 3]
    when, iso = dated(rng, "{y}-{m}-{d} {H}:{M}:{S}")
    return Sale(
        tuple(lines),
        (pay,),
        no=f"0312{rng.randint(1, 99999999):08d}",
        when=when,
        iso=iso,
        savings=savings,
        savings_label="会员优惠",
        subtotal_printed=True,
    )


def zh_hans_supermarket(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(5, "right"), Col(7, "right"), Col(8, "right"))
    ops: list[Op] = [
        Title("惠民超市"),
        Center("(徐汇店)"),
        Center("上海市徐汇区漕溪北路88号"),
        Center("电话: 021-64001234"),
        Text("收银机: 03   收银员: 1023"),
        Text(f"小票号: {s.no}"),
        Text(f"日期: {s.when}"),
        Rule(),
        Text("品名"),
        Row(("条码", "数量", "单价", "金额"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops += [Text(ln.name), Row((ln.code, qty_str(ln.qty), POINT(ln.price), POINT(ln.amount)), c)]
    ops += [
        Rule(),
        Text(f"品种: {len(s.lines)}   件数: {pieces(s.lines)}"),
        pair("小计:", POINT(s.subtotal)),
        pair(f"{s.savings_label}:", f"-{POINT(s.savings)}"),
        pair("优惠合计:", f"-{POINT(s.savings)}"),
        pair("应收:", f"￥{POINT(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(f"实收 {t.label}:", f"￥{POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("找零:", f"￥{POINT(s.change)}"))
    ops += [
        Text("会员卡号: 6230****1234"),
        Text(f"本次积分: {int(s.total)}"),
        Blank(),
        Center("谢谢惠顾 欢迎再次光临"),
        Center("凭小票7日内退换"),
    ]
    return ops


# -- North American English, 2026-12-07 (second session): two to train, two to dev ---------------------------

# North American English, as the tills of a Californian supermarket chain, a Canadian drugstore chain, a
# Texan burger counter and a Quebec hardware store print it.

US_GROCERY_TAX = Decimal("8.75")  # Sacramento: groceries are exempt, soda and non-food are taxed
US_GROCERY: tuple[tuple[str, str, str, str, str, str], ...] = (
    # (UPC-A body, name, price, flag, CA redemption value a pack, promotion): flag T taxed, F SNAP-eligible
    # food, TF both (soda); SC the store card's savings, MC a manufacturer's coupon (on untaxed food only,
    # since California taxes the price before a manufacturer's coupon).
    ("04900000634", "COKE 12PK 12OZ CAN", "9.49", "TF", "0.60", "SC"),
    ("01200000129", "PEPSI 2 LITER", "3.29", "TF", "0.10", ""),
    ("07874211632", "FW WATER 24PK .5L", "4.99", "F", "1.20", "SC"),
    ("01111041700", "FW 2% MILK GAL", "4.29", "F", "", ""),
    ("01111040101", "FW LARGE EGGS 12CT", "4.79", "F", "", "SC"),
    ("07203672116", "SARA LEE WHT BREAD", "3.99", "F", "", "MC"),
    ("02840000915", "LAYS CLASSIC 8OZ", "5.49", "F", "", "SC"),
    ("01600027526", "CHEERIOS 18OZ", "5.99", "F", "", "MC"),
    ("07218000117", "TILLAMOOK CHDR 2LB", "11.99", "F", "", "SC"),
    ("04400000457", "OREO COOKIES 13OZ", "4.99", "F", "", "MC"),
    ("03077209647", "TIDE PODS 42CT", "13.99", "T", "", "SC"),
    ("03700074523", "BOUNTY PPR TWL 6RL", "12.49", "T", "", ""),
    ("01820000162", "BUD LIGHT 6PK 12OZ", "10.99", "T", "0.30", ""),
    ("07874200578", "FW PAPER PLATES 50", "4.49", "T", "", "SC"),
)
US_GROCERY_PROMO = {name: promo for _, name, _, _, _, promo in US_GROCERY}
US_GROCERY_PRODUCE = (  # (PLU, name, price a pound)
    ("4011", "BANANAS", "0.69"),
    ("4131", "FUJI APPLES", "1.99"),
    ("4087", "ROMA TOMATOES", "1.49"),
    ("4082", "RED ONIONS", "1.29"),
)
US_AID = {
    "VISA": "A0000000031010",
    "MASTERCARD": "A0000000041010",
    "AMEX": "A000000025010801",
    "DISCOVER": "A0000001523010",
    "DEBIT": "A0000000980840",
}


def en_us_grocery_sale(rng: random.Random, v: int) -> Sale:
    ebt = v >= 2  # SNAP pays the eligible food, and a second tender the rest
    chosen = rng.sample(US_GROCERY, rng.randint(4, 7))
    if ebt and all(item[3] != "T" for item in chosen):
        chosen.append(rng.choice([item for item in US_GROCERY if item[3] == "T" and item not in chosen]))
    groups: list[list[Line]] = []
    for body, name, price, flag, crv, promo in chosen:
        qty = Decimal(rng.choice((1, 1, 1, 2, 2, 3)))
        off = Decimal(0)
        if promo == "SC" and rng.random() < 0.6:
            off = Decimal(rng.choice(("0.50", "1.00", "1.50"))) * qty
        elif promo == "MC" and rng.random() < 0.5:
            off = Decimal(rng.choice(("0.75", "1.00")))
        group = [
            Line(name, qty, Decimal(price), code=ean13(f"0{body}")[1:], tag=flag, discount=Decimal(0) - off)
        ]
        if crv:  # the deposit on the cans or bottles, on the line after them, taxed as they are
            group.append(Line("CA REDEMP VAL", Decimal(1), Decimal(crv) * qty, tag=flag))
        groups.append(group)
    for plu, name, price in rng.sample(US_GROCERY_PRODUCE, rng.randint(1, 2)):
        weight = Decimal(rng.randint(35, 480)).scaleb(-2)
        groups.insert(rng.randint(0, len(groups)), [Line(name, weight, Decimal(price), code=plu, tag="F")])
    lines = [ln for group in groups for ln in group]
    # What SNAP pays is exempt from sales tax: with EBT, the soda (TF) goes untaxed.
    taxed = sum((ln.net for ln in lines if "T" in ln.tag and not (ebt and "F" in ln.tag)), Decimal(0))
    tax = (taxed * US_GROCERY_TAX / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    due = sum((ln.net for ln in lines), Decimal(0)) + tax
    notes = (20, 40, 50, 60, 80, 100, 120, 150, 200, 300, 400)
    if v == 0:
        brand = rng.choice(("VISA", "MASTERCARD", "AMEX", "DISCOVER"))
        tenders: tuple[Tender, ...] = (Tender("card", f"{brand} TEND", due),)
    elif v == 1:
        tenders = (Tender("cash", "CASH TEND", tendered(rng, due, notes)),)
    else:
        food = sum((ln.net for ln in lines if "F" in ln.tag), Decimal(0))
        rest = (
            Tender("cash", "CASH TEND", tendered(rng, due - food, notes))
            if v == 2
            else Tender("card", "DEBIT TEND", due - food)
        )
        tenders = (Tender("other", "EBT FOOD TEND", food), rest)
    when, iso = dated(rng, "{m}/{d}/{y} {H}:{M}:{S}")
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999):05d}",
        when=when.replace("/2026 ", "/26 "),
        iso=iso,
        tax_added=tax,
        # The SUBTOTAL printed is after the savings under the items: the items' own sum only without them.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def en_us_grocery(s: Sale, cols: int) -> list[Op]:
    # A Californian supermarket chain: ST# OP# TE# TR#; each item's UPC (or produce PLU), name, amount and
    # tax flag (T taxed, F SNAP-eligible, TF both), "2 @ 3.49" and "2.31 lb @ 0.69 /lb" under it, the store
    # card's savings and manufacturer's coupons under it as "1.00-", the CA redemption value after bottles;
    # SUBTOTAL, TAX, **** BALANCE; EBT FOOD with its balance, VISA/DEBIT/CASH TEND and CHANGE DUE; the card's
    # record; the count of items, the savings, the reward points.
    item = (Col(12), Col(None), Col(7, "right"), Col(2))
    tot = (Col(None, "right"), Col(9, "right"), Col(2))
    no = int(s.no)
    ops: list[Op] = [
        Title("FRESHWAY"),
        Center("FRESHWAY MARKET #417"),
        Center("2730 FREEPORT BLVD"),
        Center("SACRAMENTO CA 95818"),
        Center("STORE (916) 555-0190"),
        Center(f"ST# 0417 OP# {88 + no % 7:06d} TE# 12 TR# {s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.code, ln.name, POINT(ln.amount), ln.tag), item))
        if ln.qty != ln.qty.to_integral():
            ops.append(Row(("", f"{ln.qty} lb @ {POINT(ln.price)} /lb", "", ""), item))
        elif ln.qty != 1:
            ops.append(Row(("", f"{ln.qty} @ {POINT(ln.price)}", "", ""), item))
        if ln.discount:
            label = "MC COUPON" if US_GROCERY_PROMO[ln.name] == "MC" else "SC FRESHWAY CARD"
            ops.append(Row(("", label, f"{POINT(-ln.discount)}-", ln.tag), item))
    net = s.total - s.tax_added
    ops += [
        Blank(),
        Row(("SUBTOTAL", POINT(net), ""), tot),
        Row((f"TAX {US_GROCERY_TAX}%", POINT(s.tax_added), ""), tot),
        Row(("**** BALANCE", POINT(s.total), ""), tot, bold=True, tall=True),
    ]
    for t in s.tenders:
        if t.method == "other":
            ops.append(Row(("EBT FS ELIGIBLE", POINT(t.amount), ""), tot))
        ops.append(Row((t.label, POINT(t.amount), ""), tot))
        if t.method == "other":
            ops.append(Row(("EBT FOOD BAL", POINT(Decimal(no * 7919 % 40000).scaleb(-2) + 25), ""), tot))
    if s.cash:
        ops.append(Row(("CHANGE DUE", POINT(s.change), ""), tot))
    for t in s.tenders:
        if t.method != "card":
            continue
        brand = t.label.removesuffix(" TEND")
        ops += [
            Blank(),
            Text(f"{'US DEBIT' if brand == 'DEBIT' else brand}  ************{no * 37 % 10000:04d}"),
            Text(f"CHIP READ  AID {US_AID[brand]}"),
            Text("PIN VERIFIED" if brand == "DEBIT" else "NO SIGNATURE REQUIRED"),
            Text(f"APPROVAL # {no * 4211 % 900000 + 100000:06d}  REF # {no:06d}"),
            Text(f"PURCHASE  ${POINT(t.amount)}"),
            Text("APPROVED - THANK YOU"),
        ]
    counted = [ln for ln in s.lines if ln.code]  # the redemption value is no item sold
    ops += [Blank(), Center(f"TOTAL NUMBER OF ITEMS SOLD = {pieces(counted)}"), Center(s.when)]
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    if off:
        mc = -sum((ln.discount for ln in s.lines if US_GROCERY_PROMO.get(ln.name) == "MC"), Decimal(0))
        ops.append(Rule())
        if off - mc:
            ops.append(Row(("FRESHWAY CARD SAVINGS", POINT(off - mc), ""), tot))
        if mc:
            ops.append(Row(("MANUFACTURER COUPONS", POINT(mc), ""), tot))
        ops.append(Center(f"YOU SAVED ${POINT(off)} TODAY!", bold=True))
    ops += [
        Rule(),
        Text(f"FRESHWAY CARD  ***********{no * 53 % 10000:04d}"),
        Text(f"REWARD POINTS EARNED TODAY  {int(net)}"),
        Text(f"REWARD POINTS THIS MONTH   {int(net) + no % 900}"),
        Barcode(f"041712{s.no}"),
        Center("THANK YOU FOR SHOPPING FRESHWAY"),
    ]
    return ops


CaTax = tuple[str, Decimal, str]  # (label, rate, the tax classes it falls on)
CA_PHARMACY_STORES: dict[str, tuple[tuple[str, ...], tuple[CaTax, ...], dict[str, str]]] = {
    # store: (address, taxes, the code printed after each tax class's amount). Tax classes: A all the
    # province's taxes, F the GST/HST but no PST (non-prescription medicine and candy, in BC), Z zero-rated
    # (milk, infant formula, menstrual products).
    "1142": (
        ("700 Bloor St W", "Toronto, ON M6G 1L1", "(416) 555-0134"),
        (("HST 13%", Decimal(13), "AF"),),
        {"A": "H", "F": "H", "Z": ""},
    ),
    "2208": (
        ("1125 Commercial Dr", "Vancouver, BC V5L 3X3", "(604) 555-0172"),
        (("GST 5%", Decimal(5), "AF"), ("PST 7%", Decimal(7), "A")),
        {"A": "GP", "F": "G", "Z": ""},
    ),
    "3051": (
        ("10250 Jasper Ave NW", "Edmonton, AB T5J 1Y8", "(780) 555-0119"),
        (("GST 5%", Decimal(5), "AF"),),
        {"A": "G", "F": "G", "Z": ""},
    ),
    "4417": (
        ("5640 Spring Garden Rd", "Halifax, NS B3J 1H1", "(902) 555-0158"),
        (("HST 14%", Decimal(14), "AF"),),  # 14 % since 1 April 2025
        {"A": "H", "F": "H", "Z": ""},
    ),
}
CA_PHARMACY_ITEMS = (  # (name, price, tax class, the promotion's saving a unit)
    ("TYLENOL EXTRA STRENGTH 100", "13.99", "F", "2.00"),
    ("ADVIL LIQUI-GELS 72", "17.49", "F", "3.00"),
    ("REACTINE 24HR 30 TABLETS", "24.99", "F", "5.00"),
    ("BENYLIN DM-E SYRUP 250ML", "15.99", "F", ""),
    ("HALLS HONEY LEMON 20", "2.99", "F", ""),
    ("KIT KAT 4 FINGER 45G", "1.99", "F", ""),
    ("NEUTROGENA SPF 60 88ML", "16.99", "A", "4.00"),
    ("CETAPHIL CLEANSER 500ML", "18.49", "A", ""),
    ("COLGATE TOTAL 120ML", "4.99", "A", "1.50"),
    ("KLEENEX 3-PLY 6PK", "9.99", "A", ""),
    ("DURACELL AA 8PK", "12.99", "A", "3.00"),
    ("GREETING CARD", "5.49", "A", ""),
    ("ALWAYS ULTRA THIN 28", "8.99", "Z", ""),
    ("NEILSON 2% MILK 2L", "5.49", "Z", ""),
    ("SIMILAC INFANT FORMULA 964G", "49.99", "Z", ""),
)
CA_AID = {"INTERAC": "A0000002771010", "VISA": "A0000000031010", "MASTERCARD": "A0000000041010"}


def ca_pharmacy_tax(lines: Sequence[Line], rate: Decimal, classes: str) -> Decimal:
    base = sum((ln.net for ln in lines if ln.tag in classes), Decimal(0))
    return (base * rate / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def en_ca_pharmacy_sale(rng: random.Random, v: int) -> Sale:
    store = ("1142", "2208", "3051", "4417")[v]  # the chain's stores: Ontario, BC, Alberta, Nova Scotia
    lines = []
    for name, price, cls, promo in rng.sample(CA_PHARMACY_ITEMS, rng.randint(3, 6)):
        qty = Decimal(rng.choice((1, 1, 1, 2)))
        off = Decimal(promo) * qty if promo and rng.random() < 0.6 else Decimal(0)
        lines.append(Line(name, qty, Decimal(price), tag=cls, discount=Decimal(0) - off))
    tax = sum(
        (ca_pharmacy_tax(lines, rate, cls) for _, rate, cls in CA_PHARMACY_STORES[store][1]), Decimal(0)
    )
    due = sum((ln.net for ln in lines), Decimal(0)) + tax
    rounding = Decimal(0)
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("card", "INTERAC", due),)
    elif v == 1:  # cash, rounded to the nickel
        rounding = due - round_to(due * 20, 1) / 20
        tenders = (Tender("cash", "CASH", tendered(rng, due - rounding, (5, 10, 20, 40, 50, 100, 200))),)
    elif v == 2 and due > 15:  # points redeemed as a tender, $10 for each 10,000
        redeem = Decimal("20.00" if due > 50 else "10.00")
        tenders = (Tender("other", "REWARDS REDEMPTION", redeem), Tender("card", "VISA", due - redeem))
    else:
        tenders = (Tender("card", "MASTERCARD" if v == 3 else "VISA", due),)
    when, iso = dated(rng, "{y}/{m}/{d} {H}:{M}:{S}")
    return Sale(
        tuple(lines),
        tenders,
        no=(no := f"{store}-{rng.randint(1, 6):02d}-{rng.randint(1, 9999):04d}"),
        receipt_no=no.rsplit("-", 1)[1],  # TRN
        when=when,
        iso=iso,
        savings=rounding,
        savings_label="ROUNDING",
        tax_added=tax,
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def en_ca_pharmacy(s: Sale, cols: int) -> list[Op]:
    # A Canadian drugstore chain, its stores in four provinces: the date first; each item with its amount and
    # the province's tax code (H: HST, G: GST, GP: GST and PST, none: zero-rated), "2 @ 4.99" and the promo
    # saving under it; SUBTOTAL, HST or GST and PST, cash rounded to the nickel, TOTAL; INTERAC, VISA,
    # MASTERCARD or points redeemed as a tender; the terminal's record; the rewards card's points.
    store, reg, trn = s.no.split("-")
    address, taxes, codes = CA_PHARMACY_STORES[store]
    item = (Col(None), Col(9, "right"), Col(2))
    no = int(trn)
    ops: list[Op] = [
        Title("NORTHSTAR DRUG MART"),
        Center(f"Store #{store}"),
        *[Center(line) for line in address],
        Center("Pharmacy open 9 am - 9 pm"),
        Rule(),
        Text(s.when),
        Text(f"STR {store}  REG {reg}  TRN {trn}  CSR 27"),
        Rule(),
    ]
    for ln in s.lines:
        code = codes[ln.tag]
        ops.append(Row((ln.name, POINT(ln.amount), code), item))
        if ln.qty != 1:
            ops.append(Text(f"  {ln.qty} @ {POINT(ln.price)}"))
        if ln.discount:
            ops.append(Row(("  PROMO SAVINGS", POINT(ln.discount), code), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), Row(("SUBTOTAL", POINT(net), ""), item)]
    for label, rate, cls in taxes:
        ops.append(Row((label, POINT(ca_pharmacy_tax(s.lines, rate, cls)), ""), item))
    if s.savings:
        ops.append(Row(("ROUNDING", POINT(-s.savings), ""), item))
    ops.append(Row(("TOTAL", f"${POINT(s.total)}", ""), item, bold=True, tall=True))
    for t in s.tenders:
        ops.append(Row((t.label, POINT(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("CHANGE", POINT(s.change), ""), item))
    legend = "  ".join(f"{label[0]} = {label.split()[0]}" for label, _, _ in taxes)
    ops += [Text(f"NUMBER OF ITEMS: {pieces(s.lines)}"), Text(legend)]
    for t in s.tenders:
        if t.method != "card":
            continue
        ops += [
            Rule(),
            Center("PURCHASE"),
            Text(f"CARD TYPE: {t.label}"),
            *([Text("ACCOUNT: CHEQUING")] if t.label == "INTERAC" else []),
            Text(f"CARD #: ************{no * 37 % 10000:04d}"),
            Text(f"ENTRY: {'CHIP' if no % 2 else 'TAP'}   AID: {CA_AID[t.label]}"),
            Text(f"AUTH #: {no * 4211 % 900000 + 100000}   SEQ #: {reg}{no:06d}"),
            Row(("AMOUNT", f"${POINT(t.amount)}", ""), item),
            Center("00 - APPROVED - THANK YOU"),
            Center("CUSTOMER COPY"),
        ]
    earned = int(net) * 10
    redeemed = sum((int(t.amount) * 1000 for t in s.tenders if t.method == "other"), 0)
    ops += [
        Rule(),
        Text(f"NORTHSTAR REWARDS  ************{no * 53 % 10000:04d}"),
        Row(("POINTS EARNED", f"{earned:,}", ""), item),
    ]
    if redeemed:
        ops.append(Row(("POINTS REDEEMED", f"{redeemed:,}", ""), item))
    ops.append(Row(("POINTS BALANCE", f"{21000 + no * 37 % 40000 + earned - redeemed:,}", ""), item))
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    if off:
        ops.append(Center(f"YOU SAVED ${POINT(off)} TODAY", bold=True))
    ops += [
        Blank(),
        Text("GST/HST REG # 81234 5678 RT0001"),
        Center("Returns within 30 days with receipt"),
        Barcode(f"{store}{reg}{trn}"),
    ]
    return ops


US_QSR_COMBOS = (
    ("#1 Classic Burger Combo", "9.49"),
    ("#2 Double Bacon Combo", "11.99"),
    ("#3 Spicy Chicken Combo", "10.29"),
    ("#4 Tenders 4pc Combo", "10.79"),
    ("#5 Veggie Burger Combo", "9.99"),
)
US_QSR_SIDES = ("Reg Fries", "Onion Rings", "Side Salad", "Sweet Potato Fries")
US_QSR_DRINKS = ("Coke", "Diet Coke", "Sprite", "Dr Pepper", "Sweet Tea", "Lemonade")
US_QSR_ASKS = ("No Pickles", "No Onions", "Extra Sauce", "Light Mayo", "Add Jalapeños", "Ranch on Side")
US_QSR_EXTRAS = (
    ("Add Cheese", "0.90"),
    ("Add Bacon", "1.50"),
    ("Make it Large", "1.20"),
    ("Add Avocado", "1.75"),
)
US_QSR_MENU = (
    ("Chocolate Shake", "4.99"),
    ("Vanilla Cone", "1.99"),
    ("Kids Nuggets Meal", "5.49"),
    ("Side Onion Rings", "3.29"),
    ("Apple Pie", "1.79"),
    ("Bottled Water", "1.99"),
    ("Chili Cheese Fries", "4.49"),
)
US_QSR_TAX = Decimal("8.25")  # Austin, Texas


def en_us_qsr_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for name, price in rng.sample(US_QSR_COMBOS, rng.randint(1, 3)):
        asks = [
            rng.choice(US_QSR_SIDES),
            rng.choice(US_QSR_DRINKS),
            *rng.sample(US_QSR_ASKS, rng.randint(0, 2)),
        ]
        lines.append(Line(name, Decimal(1), Decimal(price), note="\n".join(asks)))
        # The priced modifiers: lines of their own under the combo, each with its price.
        for extra, cost in rng.sample(US_QSR_EXTRAS, rng.choice((0, 0, 1, 2))):
            lines.append(Line(extra, Decimal(1), Decimal(cost), tag="mod"))
    lines += pick(rng, US_QSR_MENU, (0, 2), qtys=(1, 1, 2))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = (subtotal * US_QSR_TAX / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    # The tip chosen on the card reader's screen: a share of the subtotal, nothing, or whole dollars.
    tip = Decimal(0)
    if v == 0:
        tip = (subtotal * rng.choice((15, 18, 20)) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    elif v == 3:
        tip = Decimal(rng.choice((1, 2, 3)))
    due = subtotal + tax + tip
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("cash", "Cash", tendered(rng, due, (10, 20, 40, 50, 60, 100))),)
    else:
        tenders = (Tender("card", {0: "Visa", 2: "Amex"}.get(v, "Mastercard"), due),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(100, 999)}",
        dated_when=dated(rng, "{b} {j}, {y} {I}:{M}:{S} {p}"),
        tax_added=tax,
        surcharge=tip,
        subtotal_printed=True,
    )


def en_us_qsr(s: Sale, cols: int) -> list[Op]:
    # A Texan burger counter's order receipt (a Toast or Square kind of till): the order number large, Dine
    # In/Take Out/Drive Thru; each combo with its side, drink and asks under it and its priced modifiers as
    # "+ Add Bacon  1.50"; Subtotal, Tax 8.25%, the tip chosen on the reader, Total; the card's record with
    # Amount, Tip and TOTAL again.
    c = (Col(2), Col(None), Col(8, "right"))
    no = int(s.no)
    ops: list[Op] = [
        Title("RED RIVER BURGER CO."),
        Center("1100 S Congress Ave"),
        Center("Austin, TX 78704"),
        Center("(512) 555-0176"),
        Blank(),
        Row((f"ORDER #{s.no}",), (Col(None, "center"),), bold=True, tall=True),
        Center(("DINE IN", "TAKE OUT", "DRIVE THRU")[no % 3], bold=True),
        Text(f"Cashier: {('Tyler', 'Maribel', 'DeShawn', 'Kaitlyn')[no % 4]}   Register 2"),
        Text(f"Check #{40000 + no * 7}"),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        if ln.tag == "mod":
            ops.append(Row(("", f"  + {ln.name}", POINT(ln.amount)), c))
            continue
        ops.append(Row((str(ln.qty), ln.name, POINT(ln.amount)), c))
        ops += [Text(f"     {ask}") for ask in ln.note.splitlines()]
    ops += [
        Rule(),
        pair("Subtotal", f"${POINT(s.subtotal)}"),
        pair(f"Tax {US_QSR_TAX}%", f"${POINT(s.tax_added)}"),
    ]
    if s.surcharge:
        ops.append(pair("Tip", f"${POINT(s.surcharge)}"))
    ops.append(pair("Total", f"${POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"${POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("Change", f"${POINT(s.change)}"))
    else:
        brand = s.tenders[0].label.upper()
        ops += [
            Rule(),
            Text(f"{brand} ************{no * 37 % 10000:04d}"),
            Text("Entry: Contactless (Apple Pay)" if brand == "MASTERCARD" else "Entry: Chip"),
            Text(f"AID: {US_AID[brand]}"),
            Text(f"Auth Code: {no * 4211 % 900000 + 100000}"),
            Text(f"Ref #: {no * 7919 % 10**8:08d}"),
            pair("Amount:", f"${POINT(s.total - s.surcharge)}"),
            pair("Tip:", f"${POINT(s.surcharge)}"),
            pair("TOTAL:", f"${POINT(s.total)}", bold=True),
            Center("APPROVED"),
            Center("Customer Copy"),
        ]
    ops += [
        Blank(),
        Center("Tell us how we did and get a"),
        Center("free shake on your next visit:"),
        Center("redriverburger.example.com/survey"),
        Center(f"Survey code: {no:03d}-{no * 13 % 1000:03d}-26"),
    ]
    return ops


CA_HARDWARE_ITEMS: tuple[tuple[str, str, str, str, str], ...] = (
    # (SKU, name, price, "FT" when sold by the foot, the environmental handling fee's SKU and amount a unit)
    ("1000234", "2X4X8 SPF STUD", "5.48", "", ""),
    ("1004871", "PLYWOOD 1/2IN 4X8", "52.98", "", ""),
    ("1184467", "POLY ROPE 3/8IN", "0.89", "FT", ""),
    ("1190032", "CHAIN ZINC 3/16IN", "2.49", "FT", ""),
    ("1293114", "INT PAINT EGGSHELL 3.78L", "54.98", "", "9900125 0.75"),
    ("1301245", "DURACELL AA 8PK", "14.97", "", "9900310 0.40"),
    ("1432207", "LED WORK LIGHT 2000LM", "49.97", "", "9900452 0.45"),
    ("1355670", "WOOD SCREWS #8X2IN 1LB", "11.98", "", ""),
    ("1367788", "DUCT TAPE 48MMX55M", "8.47", "", ""),
    ("1402019", "SILICONE CAULK WHITE", "9.98", "", ""),
    ("1418830", "WORK GLOVES L", "12.99", "", ""),
    ("1460001", "PAINT ROLLER KIT 9IN", "16.98", "", ""),
    ("1477312", "FURNACE FILTER 16X25X1", "21.97", "", ""),
)
CA_HARDWARE_FOOT = frozenset(name for _, name, _, unit, _ in CA_HARDWARE_ITEMS if unit == "FT")
QC_GST, QC_QST = Decimal(5), Decimal("9.975")


def qc_taxes(net: Decimal) -> tuple[Decimal, Decimal]:
    """The GST and the QST on a Quebec sale's net (the QST on the price alone since 2013)."""
    cent = Decimal("0.01")
    return (net * QC_GST / 100).quantize(cent, ROUND_HALF_UP), (net * QC_QST / 100).quantize(
        cent, ROUND_HALF_UP
    )


def en_ca_hardware_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for sku, name, price, unit, fee in rng.sample(CA_HARDWARE_ITEMS, rng.randint(3, 6)):
        if unit == "FT":
            qty = Decimal(rng.choice(("6", "7.5", "10", "12.5", "15", "25")))
        elif name.startswith("2X4"):
            qty = Decimal(rng.choice((6, 8, 10, 12)))
        else:
            qty = Decimal(rng.choice((1, 1, 1, 2, 3)))
        off = Decimal(0)
        if Decimal(price) >= 20 and rng.random() < 0.4:
            off = Decimal(rng.choice((3, 5, 10)))
        lines.append(Line(name, qty, Decimal(price), code=sku, discount=Decimal(0) - off))
        if fee:  # the EHF, an item of its own after the goods it is on, taxed as they are
            fee_sku, amount = fee.split()
            lines.append(Line("EHF/ÉCOFRAIS", qty, Decimal(amount), code=fee_sku))
    net = sum((ln.net for ln in lines), Decimal(0))
    gst, qst = qc_taxes(net)
    due = net + gst + qst
    rounding = Decimal(0)
    if v in (0, 3):  # cash, rounded to the nickel
        rounding = due - round_to(due * 20, 1) / 20
        notes = (5, 10, 20, 40, 50, 60, 100, 150, 200, 300, 400, 500, 1000)
        tenders: tuple[Tender, ...] = (Tender("cash", "CASH", tendered(rng, due - rounding, notes)),)
    else:
        tenders = (Tender("card", "INTERAC" if v == 1 else "MASTERCARD", due),)
    when, iso = dated(rng, "{d}-{b}-{y} {H}:{M}")
    return Sale(
        tuple(lines),
        tenders,
        no=(no := f"{rng.randint(1, 24):02d}-{rng.randint(1, 999999):06d}"),
        receipt_no=f"7160-{no}",  # TRANS store-register-transaction
        when=when.replace("-2026 ", "-26 "),
        iso=iso,
        savings=rounding,
        savings_label="CASH ROUNDING",
        tax_added=gst + qst,
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def en_ca_hardware(s: Sale, cols: int) -> list[Op]:
    # A hardware store in Quebec printing in English, with the French the province asks for: SKU,
    # description, amount; "8 @ 5.48 EA" and "12.5 FT @ 0.89 /FT" under the item, INSTANT SAVINGS under it,
    # the EHF/ÉCOFRAIS with a SKU of its own after paint, batteries and lights; SUBTOTAL, GST/TPS 5 %,
    # QST/TVQ 9.975 %, cash rounded to the nickel, TOTAL; the GST and QST numbers.
    item = (Col(7), Col(None), Col(9, "right"))
    reg, trans = s.no.split("-")
    no = int(trans)
    ops: list[Op] = [
        Title("CHAMPLAIN HARDWARE"),
        Center("Quincaillerie Champlain inc."),
        Center("2150 Boul. des Sources"),
        Center("Pointe-Claire, QC  H9R 5Z3"),
        Center("514 555-0163"),
        Blank(),
        Text(f"{s.when}   STORE 7160"),
        Text(f"TRANS 7160-{reg}-{trans}"),
        Text(f"CASHIER: {('Geneviève', 'Stéphane', 'Hélène', 'Marc-André')[no % 4]}"),
        Rule(),
        Row(("SKU", "DESCRIPTION", "AMOUNT"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.code, ln.name, POINT(ln.amount)), item))
        if ln.name in CA_HARDWARE_FOOT:
            ops.append(Row(("", f"  {ln.qty} FT @ {POINT(ln.price)} /FT", ""), item))
        elif ln.qty != 1:
            ops.append(Row(("", f"  {ln.qty} @ {POINT(ln.price)} EA", ""), item))
        if ln.discount:
            ops.append(Row(("", "  INSTANT SAVINGS", POINT(ln.discount)), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    gst, qst = qc_taxes(net)
    ops += [
        Rule(),
        pair("SUBTOTAL", POINT(net)),
        pair("GST/TPS 5%", POINT(gst)),
        pair("QST/TVQ 9.975%", POINT(qst)),
    ]
    if s.savings:
        ops.append(pair("CASH ROUNDING", POINT(-s.savings)))
    ops.append(pair("TOTAL", f"${POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount)))
    if s.cash:
        ops.append(pair("CHANGE", POINT(s.change)))
    else:
        t = s.tenders[0]
        ops += [
            Rule(),
            Text(f"{t.label}  ************{no * 37 % 10000:04d}"),
            Text("ACCOUNT: CHEQUING" if t.label == "INTERAC" else "ENTRY: CHIP"),
            Text(f"AID: {CA_AID[t.label]}"),
            Text(f"AUTH: {no * 4211 % 900000 + 100000}   SEQ: {reg}{no % 10000:04d}"),
            pair("PURCHASE", f"${POINT(t.amount)}"),
            Center("00 APPROVED - THANK YOU"),
            Center("APPROUVÉE - MERCI"),
        ]
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    goods = [ln for ln in s.lines if not ln.name.startswith("EHF")]
    count = sum((1 if ln.name in CA_HARDWARE_FOOT else pieces([ln]) for ln in goods), 0)
    ops += [Blank(), Text(f"TOTAL ITEMS: {count}")]
    if off:
        ops.append(Text(f"YOU SAVED ${POINT(off)} TODAY"))
    ops += [
        Text("GST/TPS # 81234 5678 RT0001"),
        Text("QST/TVQ # 1234567890 TQ0001"),
        Blank(),
        Center("Returns within 90 days with receipt"),
        Center("Retours dans les 90 jours avec reçu"),
        Barcode(f"7160{reg}{trans}"),
    ]
    return ops


# -- Japanese, Chinese, Thai and Korean, 2026-12-07 (second session): two to train, two to dev ---------------
# A Japanese drugstore, a Chinese convenience store, a Thai minimart, a Korean café chain.


# OTC drugs a drugstore marks ◆: their price counts towards the self-medication tax deduction.
JA_DRUG_SELF_MEDICATION = frozenset({"ロキソニンS 12錠", "アレグラFX 28錠"})


def ja_drug_tax(gross: Decimal, rate: int) -> Decimal:
    """The consumption tax in a tax-included amount, its fraction of a yen cut off as Japanese tills do."""
    return (gross * rate / (100 + rate)).quantize(Decimal(1), rounding=ROUND_DOWN)


def ja_drugstore_sale(rng: random.Random, v: int) -> Sale:
    drugs = [  # drugs, quasi-drugs, cosmetics and household goods: 10 % (a quasi-drug drink too)
        ("ロキソニンS 12錠", "698"),
        ("アレグラFX 28錠", "1980"),
        ("パブロンゴールドA 微粒28包", "1580"),
        ("サンテFX ネオ 12ml", "498"),
        ("リポビタンD 100ml", "158"),
        ("キズパワーパッド 10枚", "658"),
        ("ビオレu 詰替 340ml", "298"),
        ("トイレットペーパー 12R", "498"),
        ("不織布マスク 30枚", "398"),
    ]
    food = [  # food and soft drinks: the reduced rate, 8 %
        ("ポカリスエット 500ml", "128"),
        ("カップヌードル", "178"),
        ("ブルガリアヨーグルト", "198"),
        ("カロリーメイト 4本", "218"),
        ("天然水 2L", "88"),
        ("ポテトチップス うすしお", "128"),
    ]
    mark = "軽" if v == 2 else "※"  # how the till marks the reduced rate
    lines = pick(rng, drugs, (1, 3), places=0, qtys=(1, 1, 1, 2))
    lines += [replace(ln, tag=mark) for ln in pick(rng, food, (1, 4), places=0, qtys=(1, 1, 2, 2, 3))]
    rng.shuffle(lines)
    if v in (0, 3):
        # Price cuts: a sticker's 値引 of some yen (v0), or an app coupon's 20 % off the line (v3).
        for k in rng.sample(range(len(lines)), min(len(lines), rng.randint(1, 2))):
            ln = lines[k]
            if v == 0:
                off = max(round_to(ln.amount * rng.choice((10, 15, 20)) / 100, 10, ROUND_DOWN), Decimal(10))
            else:
                off = (ln.amount * 20 / 100).quantize(Decimal(1), rounding=ROUND_DOWN)
            lines[k] = replace(ln, discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "クレジット", total),)
    elif v == 2:
        tenders = (Tender("other", "電子マネー", total),)
    elif v == 3:
        tenders = (Tender("other", "QR決済(PayPay)", total),)
    else:
        tenders = (Tender("cash", "お預り", tendered(rng, total, (1000, 2000, 3000, 5000, 10000))),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}年{m}月{d}日({a}) {H}:{M}", JA_WEEKDAYS),
        # 小計 is printed after the 値引 lines: the items' own sum only when nothing came off.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def ja_drugstore(s: Sale, cols: int) -> list[Op]:
    # A drugstore chain's 領収証, tax included (内税) at two rates: the mark before an item (※ or 軽) says
    # 8 %, ◆ a drug of the self-medication deduction; "2コ X 単298" under an item bought more than once, a
    # 値引 or 20%引 under a discounted one; 小計, each rate's 対象 amount with the 内消費税 in it, 合計; the
    # cash, the card's approval, the e-money balance or the QR payment; the points card.
    item = (Col(2), Col(None), Col(9, "right"))
    tax_row = (Col(None), Col(8, "right"), Col(8), Col(7, "right"))
    no = int(s.no)
    mark = next((ln.tag for ln in s.lines if ln.tag), "※")
    ops: list[Op] = [
        Title("さくらドラッグ"),
        Center("中野南口店"),
        Center("東京都中野区中野2-24-1"),
        Center("TEL 03-5342-8810"),
        Center("登録番号 T6011101234567"),
        Text(s.when),
        Text(f"レジ番号 0002  責No.{1040 + no % 37}  取引番号 {s.no}"),
        Center("領 収 証", bold=True),
        Rule(),
    ]
    for ln in s.lines:
        sign = ln.tag or ("◆" if ln.name in JA_DRUG_SELF_MEDICATION else "")
        ops.append(Row((sign, ln.name, f"¥{WHOLE(ln.amount)}"), item))
        if ln.qty != 1:
            ops.append(Text(f"    {ln.qty}コ X 単{WHOLE(ln.price)}"))
        if ln.discount:
            pct = -ln.discount == (ln.amount * 20 / 100).quantize(Decimal(1), rounding=ROUND_DOWN)
            ops.append(Row(("", "  20%引" if pct else "  値引", WHOLE(ln.discount)), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), pair(f"小計 {pieces(s.lines)}点", f"¥{WHOLE(net)}")]
    for rate, reduced in ((8, True), (10, False)):
        gross = sum((ln.net for ln in s.lines if bool(ln.tag) == reduced), Decimal(0))
        if gross:
            tax = ja_drug_tax(gross, rate)
            ops.append(Row((f"({rate}%対象", f"¥{WHOLE(gross)}", "内消費税", f"¥{WHOLE(tax)})"), tax_row))
    ops.append(pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    elif s.tenders[0].method == "card":
        ops += [
            Text("  カード会社  VISA"),
            Text("  会員番号    ************4821"),
            Text(f"  承認番号    {(no * 7919) % 9000000 + 1000000:07d}"),
            Text("  お支払回数  1回"),
        ]
    elif s.tenders[0].label == "電子マネー":
        ops += [Text("  楽天Edy  No.9830****0421"), pair("  残高", f"¥{WHOLE(Decimal(3000 + no % 5000))}")]
    else:
        ops.append(Text(f"  決済番号 0427{no * 37 % 1000000:06d}"))
    earned = s.total // 100
    ops += [
        Rule(),
        Text("さくらポイントカード ****5921"),
        pair("今回付与ポイント", f"{WHOLE(earned)}P"),
        pair("ポイント残高", f"{WHOLE(earned + 1200 + no % 900)}P"),
        Blank(),
        Text(f"{mark}印は軽減税率(8%)対象商品"),
        Text("◆印はセルフメディケーション税制対象"),
        Center("お買い上げありがとうございます"),
        Barcode(f"90020002{s.no}"),
    ]
    return ops


def zh_hans_bianlidian_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [  # (name, price, the promotion it is on)
        ("农夫山泉550ml", "2.00", ""),
        ("可口可乐500ml", "3.50", "第二件半价"),
        ("康师傅冰红茶500ml", "3.50", "第二件半价"),
        ("统一老坛酸菜牛肉面", "5.00", ""),
        ("乐事原味薯片70g", "7.50", "立减1元"),
        ("德芙丝滑牛奶巧克力", "12.90", "立减1元"),
        ("蒙牛纯牛奶250ml", "3.80", ""),
        ("关东煮(5串)", "10.00", ""),
        ("金枪鱼饭团", "6.50", "立减1元"),
        ("火腿芝士三明治", "9.90", ""),
        ("百威啤酒500ml", "6.80", "第二件半价"),
        ("绿箭口香糖", "9.50", ""),
    ]
    chosen = rng.sample(catalogue, rng.randint(2, 5))
    if v in (0, 2) and not any(promo for _, _, promo in chosen):
        chosen.append(rng.choice([c for c in catalogue if c[2] and c not in chosen]))
    lines = []
    for name, price, promo in chosen:
        # A "second at half price" article is bought by twos, when the promotions run.
        twos = v in (0, 2) and promo == "第二件半价"
        qty = Decimal(rng.choice((2, 2, 3, 4) if twos else (1, 1, 2, 2, 3)))
        code = ean13(f"69{rng.randint(0, 10**10 - 1):010d}")
        ln = Line(name, qty, Decimal(price), code=code)
        if twos:
            half = (ln.price / 2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            ln = replace(ln, tag=promo, discount=-half * (int(qty) // 2))
        elif v in (0, 2) and promo == "立减1元":
            ln = replace(ln, tag=promo, discount=-qty)
        lines.append(ln)
    net = sum((ln.net for ln in lines), Decimal(0))
    # The member's 9.5 折 off what is left, to the fen.
    savings = (net * 5 / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if v == 2 else Decimal(0)
    total = net - savings
    pay = [
        Tender("wechat", "微信支付", total),
        Tender("cash", "现金", tendered(rng, total, (10, 20, 50, 100))),
        Tender("alipay", "支付宝", total),
        Tender("unionpay", "银联", total),
    ][v % 4]
    return Sale(
        tuple(lines),
        (pay,),
        no=(no := f"{rng.randint(1, 999999):06d}"),
        receipt_no=f"11023502{no}",  # 流水号: the store and till before the number
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}:{S}"),
        savings=savings,
        savings_label="会员折扣(9.5折)",
        subtotal_printed=True,
    )


def zh_hans_bianlidian(s: Sale, cols: int) -> list[Op]:
    # A mainland convenience store's 小票: 门店, 收银员 and 流水号; the item's name with its quantity, unit
    # price and amount, its barcode on the line under it, a promotion's 优惠 under that; 合计 (before any
    # discount), 优惠, 会员折扣, 应收, 实收 and 找零; how it was paid, with the wallet's or the card's
    # reference; the member's points; a QR code to have the 发票 issued.
    c = (Col(None), Col(4, "right"), Col(7, "right"), Col(8, "right"))
    off = (Col(4), Col(None), Col(8, "right"))
    no = int(s.no)
    promo = sum((ln.discount for ln in s.lines), Decimal(0))
    ops: list[Op] = [
        Title("全日鲜便利店"),
        Center("门店: 北京望京SOHO店"),
        Center("北京市朝阳区望京街10号"),
        Text("门店编号: 110235   收银机: 02"),
        Text("收银员: 1086 李娜"),
        Text(f"流水号: 11023502{s.no}"),
        Text(f"日期: {s.when}"),
        Rule(),
        Row(("商品名称", "数量", "单价", "金额"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops += [Row((ln.name, str(ln.qty), POINT(ln.price), POINT(ln.amount)), c), Text(f"  {ln.code}")]
        if ln.discount:
            ops.append(Row(("", f"优惠({ln.tag})", POINT(ln.discount)), off))
    ops += [
        Rule(),
        pair("件数:", str(pieces(s.lines))),
        pair("合计:", POINT(s.subtotal)),
    ]
    if promo:
        ops.append(pair("优惠:", POINT(promo)))
    if s.savings:
        ops.append(pair(f"{s.savings_label}:", POINT(-s.savings)))
    # The full-width yuan sign, as GBK tills print it (GBK has no half-width ¥).
    ops.append(pair("应收:", f"￥{POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair("实收:", f"￥{POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("找零:", f"￥{POINT(s.change)}"))
    ops.append(Text(f"支付方式: {s.tenders[0].label}"))
    day = s.iso[:10].replace("-", "")
    if s.tenders[0].method == "wechat":
        ops.append(Text(f"交易单号: 4200{no:06d}{day}{no * 7919 % 10**10:010d}"))
    elif s.tenders[0].method == "alipay":
        ops.append(Text(f"交易号: {day}220014{no:06d}{no * 6151 % 10**8:08d}"))
    elif s.tenders[0].method == "unionpay":
        ops += [Text("卡号: 6222 **** **** 3847"), Text(f"参考号: {no * 7919 % 10**12:012d}")]
    if s.savings:
        ops += [
            Text("会员: 138****5678"),
            Text(f"本次积分: {int(s.total)}   累计积分: {int(s.total) + 1830 + no % 500}"),
        ]
    ops += [
        Rule(),
        Center("谢谢惠顾 欢迎再次光临"),
        Center("扫码开具电子发票"),
        QR(f"https://fp.example.cn/i?shop=110235&sn=11023502{s.no}&amt={POINT(s.total)}"),
    ]
    return ops


def th_minimart_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("น้ำดื่มสิงห์ 1.5 ลิตร", "14.00"),
        ("มาม่า ต้มยำกุ้ง", "7.00"),
        ("นมเปรี้ยวดัชมิลล์", "12.00"),
        ("ขนมปังฟาร์มเฮ้าส์", "25.00"),
        ("ไข่ไก่ เบอร์ 2 แพ็ค 10", "45.00"),
        ("โค้ก 325 มล.", "15.00"),
        ("เลย์ รสโนริสาหร่าย", "20.00"),
        ("สบู่นกแก้ว", "16.00"),
        ("ยาสีฟันคอลเกต 150 ก.", "59.00"),
        ("กระดาษทิชชู่ 6 ม้วน", "89.00"),
        ("น้ำแข็งหลอด", "10.00"),
        ("ปลากระป๋อง สามแม่ครัว", "18.00"),
    ]
    lines = pick(rng, catalogue, (3, 6), qtys=(1, 1, 1, 2, 2, 3, 6))
    if v in (0, 1):
        # The week's promotions: some baht off an article, printed under it.
        for k in rng.sample(range(len(lines)), rng.randint(1, 2)):
            most = max((lines[k].amount / 4).quantize(Decimal(1), rounding=ROUND_DOWN), Decimal(1))
            off = min(Decimal(rng.choice((1, 2, 3, 5, 10))), most).quantize(Decimal("0.01"))
            lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "พร้อมเพย์", total),)
    elif v == 2:
        tenders = (Tender("card", "บัตรเครดิต", total),)
    else:
        tenders = (Tender("cash", "เงินสด", tendered(rng, total, (20, 50, 100, 500, 1000))),)
    return Sale(
        tuple(lines),
        tenders,
        no=(no := f"{rng.randint(1, 999999):06d}"),
        receipt_no=f"00021-01-{no}",  # เลขที่: branch, till, number
        dated_when=dated(rng, "{d}/{m}/2569 {H}:{M}"),
        subtotal_printed=True,
    )


def th_minimart(s: Sale, cols: int) -> list[Op]:
    # A minimart's abbreviated tax invoice, VAT included: TAX ID and the Revenue Department's POS ID; each
    # article with its amount, "qty x @price" under it when more than one, a promotion's ส่วนลด under that;
    # รวม (before the discounts), ส่วนลด, ยอดสุทธิ; cash and ทอน, PromptPay or a credit card; the goods'
    # value and the VAT 7 % in the price; the Buddhist-era date and the cashier.
    item = (Col(None), Col(10, "right"))
    sub = (Col(3), Col(None), Col(10, "right"))
    no = int(s.no)
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    vat = included_tax(s.total, Decimal(7))
    ops: list[Op] = [
        Title("บ้านเรา มินิมาร์ท"),
        Center("บจก. บ้านเรา รีเทล (สาขาที่ 00021)"),
        Center("88/8 ม.3 ต.บางพูด อ.ปากเกร็ด นนทบุรี"),
        Center("TAX ID: 0125561012345"),
        Center("ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ"),
        Center("(VAT Included)"),
        Text("POS ID: E051100012345"),
        Text(f"เลขที่: 00021-01-{s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, GROUPED(ln.amount)), item))
        if ln.qty != 1:
            ops.append(Text(f"   {ln.qty} x @{GROUPED(ln.price)}"))
        if ln.discount:
            ops.append(Row(("", "ส่วนลด", GROUPED(ln.discount)), sub))
    ops += [Rule(), pair(f"รวม {pieces(s.lines)} ชิ้น", GROUPED(s.subtotal), right=14)]
    if off:
        ops.append(pair("ส่วนลด", GROUPED(off), right=14))
    ops.append(pair("ยอดสุทธิ", GROUPED(s.total), bold=True, tall=True, right=14))
    for t in s.tenders:
        ops.append(pair(t.label, GROUPED(t.amount), right=14))
    if s.cash:
        ops.append(pair("ทอน", GROUPED(s.change), right=14))
    elif s.tenders[0].method == "card":
        ops += [Text("VISA  XXXX-XXXX-XXXX-4821"), Text(f"APPR CODE: {no * 7 % 1000000:06d}")]
    else:
        ops.append(Text(f"Ref: 2569{no:06d}{no % 97:04d}"))
    ops += [
        Rule(),
        pair("มูลค่าสินค้า", GROUPED(s.total - vat), right=14),
        pair("VAT 7% (รวมในราคาแล้ว)", GROUPED(vat), right=14),
        Rule(),
        Text(f"{s.when}  พนักงาน: 0152"),
        Blank(),
        Center("ขอบคุณที่ใช้บริการ"),
    ]
    return ops


def ko_cafe_chain_sale(rng: random.Random, v: int) -> Sale:
    drinks = [
        ("아메리카노(ICE)", "4500"),
        ("카페라떼(HOT)", "5000"),
        ("바닐라라떼(ICE)", "5500"),
        ("콜드브루(ICE)", "5000"),
        ("돌체라떼(ICE)", "5900"),
        ("녹차라떼(HOT)", "5500"),
        ("자몽에이드(ICE)", "5800"),
    ]
    options = [  # what the options cost a cup
        ("샷추가", "500"),
        ("바닐라시럽 추가", "500"),
        ("오트밀크 변경", "600"),
        ("사이즈업", "700"),
        ("휘핑크림 추가", "500"),
    ]
    foods = [("플레인 베이글", "3500"), ("티라미수 케이크", "6500"), ("초코칩 쿠키", "2800")]
    lines: list[Line] = []
    for i, drink in enumerate(pick(rng, drinks, (1, 3), places=0, qtys=(1, 1, 1, 2))):
        note = rng.choice(("얼음 적게", "", "")) if "ICE" in drink.name else ""
        if v == 0 and i == 0:  # a customer's own tumbler: 300 won off the cup
            drink = replace(drink, tag="텀블러 할인", discount=Decimal(-300))
        lines.append(replace(drink, note=note))
        # Each option goes into every cup of the drink it is under: it has the drink's quantity.
        for name, price in rng.sample(options, rng.choice((0, 1, 1, 2))):
            lines.append(Line(name, drink.qty, Decimal(price), 0, tag="option"))
    lines += pick(rng, foods, (0, 1), places=0, qtys=(1, 1, 2))
    savings = Decimal(1000) if v == 3 else Decimal(0)  # the app's coupon
    total = sum((ln.net for ln in lines), Decimal(0)) - savings
    if v == 1:
        tenders: tuple[Tender, ...] = (
            Tender("cash", "현금", tendered(rng, total, (5000, 10000, 20000, 30000, 50000))),
        )
    elif v == 2:
        tenders = (Tender("other", "카카오페이", total),)
    else:
        tenders = (Tender("card", "신용카드", total),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 999):03d}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}:{S}"),
        savings=savings,
        savings_label="앱쿠폰 할인",
        subtotal_printed=True,
    )


def ko_cafe_chain(s: Sale, cols: int) -> list[Op]:
    # A franchise café's 영수증: 사업자번호 and 대표, the pickup 주문번호 printed large; each drink with its
    # quantity and amount, a free request under it, each paid option (+샷추가) with its own amount and a
    # tumbler's 할인; 합계, 할인, 받을금액, with the 과세물품가액 and 부가세 inside it; the card's approval
    # (masked number, 할부 일시불, 승인번호), KakaoPay's, or 현금 with 거스름돈; the stamps.
    c = (Col(None), Col(4, "right"), Col(9, "right"))
    sub = (Col(2), Col(None), Col(4, "right"), Col(9, "right"))
    no = int(s.no)
    off = sum((ln.discount for ln in s.lines), Decimal(0)) - s.savings
    vat = included_tax(s.total, Decimal(10), 0)
    ops: list[Op] = [
        Title("빈스토리 커피"),
        Center("합정역점"),
        Text("사업자번호: 214-88-12345"),
        Text("대표: 정유진  TEL: 02-334-0987"),
        Text("주소: 서울시 마포구 양화로 55"),
        Center("영 수 증", bold=True),
        pair("주문번호", s.no, bold=True, tall=True, right=6),
        Text(f"판매일시: {s.when}"),
        Text("POS: 01   판매원: 이서연"),
        Rule(),
        Row(("메뉴", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        if ln.tag == "option":
            ops.append(Row(("", f"+{ln.name}", str(ln.qty), WHOLE(ln.amount)), sub))
            continue
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
        if ln.note:
            ops.append(Row(("", f"- {ln.note}"), (Col(2), Col(None))))
        if ln.discount:
            ops.append(Row(("", ln.tag, "", WHOLE(ln.discount)), sub))
    ops += [Rule(), pair("합계", WHOLE(s.subtotal))]
    if s.savings:
        ops.append(pair(s.savings_label, WHOLE(-s.savings)))
    if off:
        ops.append(pair("할인금액", WHOLE(off)))
    ops += [
        pair("받을금액", f"{WHOLE(s.total)}원", bold=True, tall=True),
        pair("과세물품가액", WHOLE(s.total - vat)),
        pair("부가세", WHOLE(vat)),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops += [pair("거스름돈", WHOLE(s.change)), Text("현금영수증: 미발행")]
    elif s.tenders[0].method == "card":
        issuer, card = ("현대카드", "9410-61**-****-223*") if no % 2 else ("삼성카드", "5365-10**-****-718*")
        ops += [
            Text("[카드 승인 내역]"),
            Text(f"카드종류: {issuer}"),
            Text(f"카드번호: {card}"),
            Text("할부: 일시불"),
            Text(f"승인번호: {(no * 7919) % 90000000 + 10000000}"),
            Text(f"승인일시: {s.when}"),
            Text(f"승인금액: {WHOLE(s.total)}원"),
            Text("가맹점번호: 00912345"),
        ]
    else:
        ops += [
            Text("[카카오페이 결제]"),
            Text("결제수단: 카카오페이머니"),
            Text(f"승인번호: {(no * 6151) % 90000000 + 10000000}"),
            Text(f"결제금액: {WHOLE(s.total)}원"),
        ]
    cups = sum((int(ln.qty) for ln in s.lines if "(" in ln.name), 0)
    ops += [
        Rule(),
        Text(f"스탬프 {cups}개 적립 (누적 {cups + no % 9}개)"),
        Blank(),
        Center("이용해 주셔서 감사합니다"),
    ]
    return ops


# -- templates added 2026-12-08: five to train, three to dev ------------------------------------------------


def yen_tax(base: Decimal, rate: int) -> Decimal:
    """Japan's consumption tax added to a base at `rate` percent, the fraction of a yen cut off."""
    return (base * rate / 100).quantize(Decimal(1), rounding=ROUND_DOWN)


def ja_supermarket_sale(rng: random.Random, v: int) -> Sale:
    reduced = [  # food and soft drinks: the reduced rate, 8 %
        ("牛乳 1000ml", "228"),
        ("食パン 6枚切", "178"),
        ("たまご M 10個", "258"),
        ("バナナ", "198"),
        ("納豆 3P", "98"),
        ("豚こま切落し", "398"),
        ("木綿豆腐", "88"),
        ("緑茶 2L", "168"),
        ("キャベツ", "158"),
        ("鮭切身 2切", "458"),
    ]
    standard = [  # alcohol and household goods: 10 %
        ("缶ビール 350ml", "218"),
        ("台所用洗剤", "248"),
        ("ゴミ袋 45L 10枚", "298"),
        ("ティッシュ 5箱", "328"),
    ]
    mark = "軽" if v == 2 else "※"
    lines = [replace(ln, tag=mark) for ln in pick(rng, reduced, (3, 6), places=0, qtys=(1, 1, 1, 2, 3))]
    lines += pick(rng, standard, (1, 2), places=0, qtys=(1, 1, 2))
    rng.shuffle(lines)
    base8 = sum((ln.amount for ln in lines if ln.tag), Decimal(0))
    base10 = sum((ln.amount for ln in lines if not ln.tag), Decimal(0))
    tax = yen_tax(base8, 8) + yen_tax(base10, 10)
    total = base8 + base10 + tax
    tenders = (
        (Tender("card", "クレジット", total),)
        if v == 1
        else (Tender("cash", "お預り", tendered(rng, total, (1000, 2000, 3000, 5000, 10000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}年{m}月{d}日({a}) {H}:{M}", JA_WEEKDAYS),
        tax_added=tax,
        subtotal_printed=True,
    )


def ja_supermarket(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(8, "right"), Col(2))
    tax_row = (Col(None), Col(8, "right"), Col(6), Col(6, "right"))
    mark = next((ln.tag for ln in s.lines if ln.tag), "※")
    ops: list[Op] = [
        Title("フレッシュマート"),
        Center("東中野店"),
        Center("東京都中野区東中野3-8-12"),
        Center("TEL 03-3363-4127"),
        Center("登録番号 T3011201234567"),
        Text(s.when),
        Text(f"レジ番号 0003   責No.0217   取引No.{s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"¥{WHOLE(ln.amount)}", ln.tag), c))
        if ln.qty != 1:
            ops.append(Text(f"   {ln.qty}個 × @{WHOLE(ln.price)}"))
    ops += [Rule(), pair("小計", f"¥{WHOLE(s.subtotal)}"), pair("点数", f"{pieces(s.lines)}点")]
    for rate, mine in ((8, True), (10, False)):
        base = sum((ln.amount for ln in s.lines if bool(ln.tag) == mine), Decimal(0))
        if base:
            ops.append(
                Row((f"{rate}%対象", f"¥{WHOLE(base)}", "消費税", f"¥{WHOLE(yen_tax(base, rate))}"), tax_row)
            )
    ops.append(pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    ops += [
        Blank(),
        Text(f"{mark}印は軽減税率(8%)適用商品です"),
        Text("消費税は外税で計算しております"),
        Center("毎度ありがとうございます"),
        Barcode(f"20003{s.no}"),
    ]
    return ops


def ko_bakery_sale(rng: random.Random, v: int) -> Sale:
    taxable = [
        ("소금빵", "3200"),
        ("단팥빵", "2500"),
        ("크루아상", "3800"),
        ("바게트", "4500"),
        ("생크림케이크 조각", "5500"),
        ("에그타르트", "2800"),
        ("우유식빵", "5200"),
        ("아메리카노", "3500"),
        ("마늘바게트", "4800"),
    ]
    exempt = [("흰우유 200ml", "1300"), ("흰우유 900ml", "3100")]  # milk is sold free of VAT
    lines = pick(rng, taxable, (2, 4), places=0, qtys=(1, 1, 1, 2, 3))
    if v != 1:
        lines += [replace(ln, tag="면세") for ln in pick(rng, exempt, (1, 1), places=0, qtys=(1, 2))]
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "현금", tendered(rng, total, (10000, 20000, 30000, 50000))),)
        if v == 1
        else (Tender("card", "신용카드", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}/{m}/{d} {H}:{M}:{S}"),
    )


def ko_bakery(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(7, "right"), Col(4, "right"), Col(8, "right"))
    free = sum((ln.amount for ln in s.lines if ln.tag), Decimal(0))
    vat = included_tax(s.total - free, Decimal(10), 0)
    ops: list[Op] = [
        Title("밀알베이커리"),
        Center("연남점"),
        Text("사업자번호: 214-86-12345"),
        Text("대표자: 이서연  TEL: 02-338-1357"),
        Text("주소: 서울시 마포구 동교로 231"),
        Text(f"판매일: {s.when}"),
        Text(f"영수증번호: {s.no}   POS: 02"),
        Rule(),
        Row(("상품명", "단가", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        name = f"*{ln.name}" if ln.tag else ln.name
        ops.append(Row((name, WHOLE(ln.price), str(ln.qty), WHOLE(ln.amount)), c))
    ops += [
        Rule(),
        pair("면세물품가액", WHOLE(free)),
        pair("과세물품가액", WHOLE(s.total - free - vat)),
        pair("부가세", WHOLE(vat)),
        Rule(),
        pair("합계금액", f"{WHOLE(s.total)}원", bold=True, tall=True),
        pair("받을금액", WHOLE(s.total)),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    else:
        ops += [
            Rule(),
            Text("[카드승인내역]"),
            Text("카드사: 현대카드"),
            Text("카드번호: 9410-61**-****-271*"),
            Text("할부: 일시불"),
            Text(f"승인번호: {71020000 + int(s.no)}"),
            Text(f"승인금액: {WHOLE(s.total)}"),
        ]
    ops += [Text("* 표시 상품은 면세 상품입니다"), Blank(), Center("감사합니다 또 오세요")]
    return ops


def tr_lokanta_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("MERCİMEK ÇORBASI", "65.00", "10"),
        ("EZOGELİN ÇORBA", "65.00", "10"),
        ("KURU FASULYE", "120.00", "10"),
        ("PİLAV", "50.00", "10"),
        ("İSKENDER", "280.00", "10"),
        ("ADANA KEBAP", "260.00", "10"),
        ("KARNIYARIK", "150.00", "10"),
        ("ÇOBAN SALATA", "70.00", "10"),
        ("AYRAN", "30.00", "10"),
        ("ŞALGAM", "35.00", "10"),
        ("SÜTLAÇ", "90.00", "10"),
        ("BİRA 50 CL", "150.00", "20"),
        ("RAKI 20 CL", "320.00", "20"),
    ]
    lines = pick(rng, catalogue, (2, 5), qtys=(1, 1, 1, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "KREDİ KARTI", total),)
        if v == 1
        else (Tender("cash", "NAKİT", tendered(rng, total, (100, 200, 500, 1000, 1500, 2000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 400):04d}",
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}"),
    )


def tr_kdv(lines: Sequence[Line], rate: str) -> Decimal:
    """The KDV inside the lines at `rate` percent (a Turkish receipt prints prices with KDV)."""
    return included_tax(sum((ln.net for ln in lines if ln.tag == rate), Decimal(0)), Decimal(rate))


def tr_lokanta(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4), Col(11, "right"))
    day, time = s.when.split()
    kdv = sum((tr_kdv(s.lines, rate) for rate in {ln.tag for ln in s.lines}), Decimal(0))
    ops: list[Op] = [
        Title("ÖZ SOFRA LOKANTASI"),
        Center("CAFERAĞA MAH. MODA CAD. NO:12"),
        Center("KADIKÖY / İSTANBUL"),
        Center("KADIKÖY V.D. 6340512871"),
        Blank(),
        Row((f"TARİH : {day}", f"SAAT : {time}"), (Col(None), Col(13, "right"))),
        Text(f"FİŞ NO : {s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"{ln.qty} AD X {TRY(ln.price)}"))
        ops.append(Row((ln.name, f"%{ln.tag}", f"*{TRY(ln.amount)}"), c))
    ops += [
        Rule(),
        pair("TOPKDV", f"*{TRY(kdv)}"),
        pair("TOPLAM", f"*{TRY(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"*{TRY(t.amount)}"))
    if s.cash:
        ops.append(pair("PARA ÜSTÜ", f"*{TRY(s.change)}"))
    ops += [
        Rule(),
        Row(("KASİYER : 01", f"Z NO : {1200 + int(s.no) // 40:04d}"), (Col(None), Col(12, "right"))),
        Row(("EKÜ NO : 0001", f"SİCİL : {int(s.no) + 3150}"), (Col(None), Col(12, "right"))),
        Center("MF YAB 15012345"),
        Center("AFİYET OLSUN"),
    ]
    return ops


def vi_restaurant_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Phở bò tái", "65000"),
        ("Bún chả Hà Nội", "60000"),
        ("Nem rán (5 cái)", "55000"),
        ("Gỏi cuốn tôm thịt", "50000"),
        ("Cơm rang dưa bò", "70000"),
        ("Lẩu thái hải sản", "350000"),
        ("Rau muống xào tỏi", "45000"),
        ("Chả cá Lã Vọng", "180000"),
        ("Đậu phụ rán", "35000"),
        ("Bia Hà Nội", "20000"),
        ("Trà đá", "5000"),
        ("Nước cam ép", "40000"),
    ]
    lines = pick(rng, catalogue, (3, 6), places=0, qtys=(1, 1, 1, 2, 3, 4))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    savings = (subtotal / 10).quantize(Decimal(1), rounding=ROUND_HALF_UP) if v == 2 else Decimal(0)
    service = ((subtotal - savings) * 5 / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    total = subtotal - savings + service
    tenders = (
        (Tender("other", "Chuyển khoản", total),)
        if v == 1
        else (Tender("cash", "Khách đưa", tendered(rng, total, (200000, 500000, 1000000, 1500000, 2000000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 99999):06d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        savings=savings,
        savings_label="Giảm giá 10%" if savings else "Giảm giá",
        surcharge=service,
        subtotal_printed=True,
    )


def vi_restaurant(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(3, "right"), Col(8, "right"), Col(9, "right"))
    # Seated some 40 to 100 minutes before the bill was printed.
    came = datetime.fromisoformat(s.iso) - timedelta(minutes=40 + int(s.no) % 60)
    ops: list[Op] = [
        Title("NHÀ HÀNG SEN VÀNG"),
        Center("25 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội"),
        Center("ĐT: 024 3826 1234"),
        Center("HÓA ĐƠN BÁN HÀNG", bold=True),
        Row((f"Số HĐ: {s.no}", "Bàn: 08"), (Col(None), Col(9))),
        Text(f"Giờ vào: {came:%d/%m/%Y %H:%M}"),
        Text(f"Giờ ra:  {s.when}"),
        Text("Thu ngân: Nguyễn Thị Lan"),
        Rule(),
        Row(("Tên món", "SL", "Đ.Giá", "T.Tiền"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), VND(ln.price), VND(ln.amount)), c))
    ops += [
        Rule(),
        pair("Tổng tiền hàng:", VND(s.subtotal)),
        pair(f"{s.savings_label}:", VND(-s.savings)),
        pair("Phí phục vụ 5%:", VND(s.surcharge)),
        pair("Thành tiền:", f"{VND(s.total)}đ", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", VND(t.amount)))
    if s.cash:
        ops.append(pair("Tiền thừa:", VND(s.change)))
    ops += [
        Text(f"Hình thức: {'Tiền mặt' if s.cash else s.tenders[0].label}"),
        Blank(),
        Center("Giá đã bao gồm thuế GTGT"),
        Center("Cảm ơn quý khách! Hẹn gặp lại!"),
    ]
    return ops


def pt_br_mercado_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("ARROZ TIPO 1 5KG", "24.90"),
        ("FEIJÃO CARIOCA 1KG", "8.49"),
        ("ÓLEO DE SOJA 900ML", "7.99"),
        ("AÇÚCAR REFINADO 1KG", "4.79"),
        ("CAFÉ TORRADO 500G", "18.90"),
        ("LEITE UHT INTEGRAL 1L", "5.49"),
        ("MACARRÃO ESPAGUETE 500G", "4.29"),
        ("DETERGENTE LÍQUIDO 500ML", "2.89"),
        ("PAPEL HIGIÊNICO 12UN", "19.90"),
        ("REFRIGERANTE COLA 2L", "9.99"),
    ]
    lines = [
        replace(ln, code=ean13(f"789{rng.randint(0, 999999999):09d}"), tag="UN")
        for ln in pick(rng, catalogue, (3, 6), qtys=(1, 1, 1, 2, 3, 6))
    ]
    # Produce weighed at the counter: the store's own code, kg to three places.
    name, price, code = rng.choice(
        (("BANANA PRATA KG", "6.98", "1042"), ("TOMATE ITALIANO KG", "8.99", "1107"))
    )
    grams = Decimal(rng.randint(350, 2400)).scaleb(-3)
    lines.insert(rng.randint(0, len(lines)), Line(name, grams, Decimal(price), code=code, tag="KG"))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    savings = Decimal("2.00") if v == 2 else Decimal(0)
    total = subtotal - savings
    pay = [
        Tender("cash", "Dinheiro", tendered(rng, total, (20, 50, 100, 150, 200, 300))),
        Tender("card", "Cartão de Crédito", total),
        Tender("card", "Cartão de Débito", total),
    ][v]
    return Sale(
        tuple(lines),
        (pay,),
        no=f"{rng.randint(1, 999999):09d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}:{S}"),
        savings=savings,
        savings_label="Desconto R$",
        subtotal_printed=True,
    )


def nfce_key(s: Sale) -> str:
    """The NFC-e's 44-digit access key: state 35 (SP), year and month, CNPJ, model 65, series, number, a code,
    and its mod-11 check digit."""
    body = f"35{s.iso[2:4]}{s.iso[5:7]}12345678000190" + f"65001{s.no}1{int(s.no) * 7919 % 10**8:08d}"
    total = sum(int(d) * (2 + i % 8) for i, d in enumerate(reversed(body)))
    return body + str(0 if total % 11 < 2 else 11 - total % 11)


def pt_br_mercado(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(20, "right"), Col(9, "right"))
    key = nfce_key(s)
    groups = [key[i : i + 4] for i in range(0, 44, 4)]
    authorised = datetime.fromisoformat(s.iso) + timedelta(seconds=2 + int(s.no) % 5)
    ops: list[Op] = [
        Center("SUPERMERCADO BOA VISTA LTDA", bold=True),
        Center("CNPJ: 12.345.678/0001-90"),
        Center("IE: 244.123.456.119"),
        Center("AV. BRASIL, 1500 - CENTRO"),
        Center("CAMPINAS - SP"),
        Center("DOCUMENTO AUXILIAR DA NOTA FISCAL"),
        Center("DE CONSUMIDOR ELETRÔNICA"),
        Rule(),
        Text("#   CÓDIGO        DESCRIÇÃO"),
        Row(("", "QTD UN x VL UNIT", "VL TOTAL"), c),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        ops += [
            Text(f"{i:03d} {ln.code} {ln.name}"),
            Row(("", f"{qty_str(ln.qty, ',')} {ln.tag} x {COMMA(ln.price)}", COMMA(ln.amount)), c),
        ]
    ops += [
        Rule(),
        pair("QTD. TOTAL DE ITENS", str(len(s.lines))),
        pair("VALOR TOTAL R$", COMMA(s.subtotal)),
    ]
    if s.savings:
        ops.append(pair(s.savings_label, COMMA(s.savings)))
    ops += [
        pair("VALOR A PAGAR R$", COMMA(s.total), bold=True),
        pair("FORMA DE PAGAMENTO", "VALOR PAGO R$", right=13),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Troco R$", COMMA(s.change)))
    tributes = (s.total * Decimal("0.1742")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    ops += [
        Rule(),
        Text("Tributos Totais Incidentes"),
        pair("(Lei Federal 12.741/2012) R$", COMMA(tributes)),
        Rule(),
        Center("Consulte pela Chave de Acesso em"),
        Center("www.nfce.fazenda.sp.gov.br/consulta"),
        Center(" ".join(groups[:6])),
        Center(" ".join(groups[6:])),
        Center("CONSUMIDOR NÃO IDENTIFICADO"),
        Text(f"NFC-e nº {s.no}  Série 001"),
        Text(f"Emissão: {s.when}"),
        Text(f"Protocolo de Autorização: 13526{s.no}"),
        Text(f"Data de Autorização: {authorised:%d/%m/%Y %H:%M:%S}"),
        QR(f"https://www.nfce.fazenda.sp.gov.br/qrcode?p={key}|2|1|1|{key[-12:]}"),
    ]
    return ops


def ja_izakaya_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("生ビール(中)", "580"),
        ("ハイボール", "480"),
        ("レモンサワー", "450"),
        ("日本酒 一合", "650"),
        ("烏龍茶", "300"),
        ("枝豆", "380"),
        ("焼き鳥盛り合わせ", "980"),
        ("鶏の唐揚げ", "680"),
        ("だし巻き玉子", "580"),
        ("刺身三点盛り", "1280"),
        ("ポテトフライ", "480"),
        ("冷やしトマト", "380"),
    ]
    guests = rng.randint(2, 5)
    lines = [Line("お通し", Decimal(guests), Decimal(400), 0)]
    lines += pick(rng, catalogue, (4, 7), places=0, qtys=(1, 1, 2, 2, 3, 4))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    service = (subtotal / 10).quantize(Decimal(1), rounding=ROUND_DOWN)
    tax = yen_tax(subtotal + service, 10)
    total = subtotal + service + tax
    tenders = (
        (Tender("card", "クレジット", total),)
        if v == 1
        else (Tender("cash", "お預り", tendered(rng, total, (5000, 10000, 15000, 20000, 30000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 99999):05d}",
        dated_when=dated(rng, "{y}/{m}/{d} {H}:{M}"),
        tax_added=tax,
        surcharge=service,
        subtotal_printed=True,
    )


def ja_izakaya(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(6, "right"), Col(4, "right"), Col(8, "right"))
    two = (Col(None), Col(12))
    guests = next(ln.qty for ln in s.lines if ln.name == "お通し")
    ops: list[Op] = [
        Title("炭火酒場 とり源"),
        Center("東京都渋谷区道玄坂2-10-7 2F"),
        Center("TEL 03-5456-7890"),
        Center("登録番号 T5011001234567"),
        Center("お会計明細", bold=True),
        Row((f"伝票番号 {s.no}", f"卓番 {int(s.no) % 24 + 1}"), two),
        Row((f"人数 {guests}名", "担当 田中"), two),
        Text(s.when),
        Rule(),
        Row(("品名", "単価", "数量", "金額"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, WHOLE(ln.price), str(ln.qty), WHOLE(ln.amount)), c))
    ops += [
        Rule(),
        pair("小計", f"¥{WHOLE(s.subtotal)}"),
        pair("サービス料 10%", f"¥{WHOLE(s.surcharge)}"),
        pair("消費税 10%(外税)", f"¥{WHOLE(s.tax_added)}"),
        pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    ops += [Blank(), Center("またのご来店をお待ちしております")]
    return ops


def tr_kafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Türk Kahvesi", "45.00"),
        ("Çay", "15.00"),
        ("Latte", "85.00"),
        ("Sahlep", "70.00"),
        ("Su Böreği", "95.00"),
        ("Simit", "20.00"),
        ("Menemen", "110.00"),
        ("Cheesecake", "120.00"),
        ("Limonata", "65.00"),
        ("Sıcak Çikolata", "80.00"),
        ("Kaşarlı Tost", "90.00"),
    ]
    lines = pick(rng, catalogue, (2, 5), qtys=(1, 1, 2, 2, 3))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    savings = (subtotal / 10).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if v == 1 else Decimal(0)
    total = subtotal - savings
    tenders = (
        (Tender("card", "KART", total),)
        if v == 1
        else (Tender("cash", "NAKİT", tendered(rng, total, (100, 200, 500, 1000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999)}",
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}"),
        savings=savings,
        savings_label="İNDİRİM %10",
        subtotal_printed=True,
    )


def tr_kafe(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(10, "right"))
    ops: list[Op] = [
        Title("KÖŞE KAFE"),
        Center("Moda Cad. No:45 Kadıköy/İstanbul"),
        Center("Tel: 0216 345 67 89"),
        Center("ADİSYON", bold=True),
        Row(("MASA 4", "Garson: Elif"), (Col(None), Col(14, "right"))),
        Row((f"Adisyon No: {s.no}", s.when), (Col(None), Col(16, "right"))),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((f"{ln.qty} x {ln.name}", TRY(ln.amount)), c))
    ops += [Rule(), pair("ARA TOPLAM", f"{TRY(s.subtotal)} TL")]
    if s.savings:
        ops.append(pair(s.savings_label, f"-{TRY(s.savings)} TL"))
    ops += [
        pair("GENEL TOPLAM", f"{TRY(s.total)} TL", bold=True, tall=True),
        pair("KDV DAHİL %10", f"{TRY(included_tax(s.total, Decimal(10)))} TL"),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"{TRY(t.amount)} TL"))
    if s.cash:
        ops.append(pair("PARA ÜSTÜ", f"{TRY(s.change)} TL"))
    ops += [Blank(), Center("MALİ DEĞERİ YOKTUR"), Center("Yine bekleriz!")]
    return ops


def de_imbiss_sale(rng: random.Random, v: int) -> Sale:
    # Since 2026 food served in a restaurant is taxed at 7 % (B), drinks still at 19 % (A).
    food = [
        ("Currywurst Pommes", "7.50"),
        ("Döner Kebab", "7.00"),
        ("Dönerteller", "11.90"),
        ("Halbes Hähnchen", "6.90"),
        ("Pommes groß", "3.90"),
        ("Bratwurst im Brötchen", "3.80"),
        ("Falafel Dürüm", "7.50"),
    ]
    drinks = [("Cola 0,33l", "2.80"), ("Ayran 0,25l", "2.00"), ("Pils 0,5l", "3.90"), ("Wasser 0,5l", "2.20")]
    lines = [replace(ln, tag="B") for ln in pick(rng, food, (1, 4), qtys=(1, 1, 2, 3))]
    lines += [replace(ln, tag="A") for ln in pick(rng, drinks, (1, 2), qtys=(1, 1, 2, 3))]
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "EC-Karte", total),)
        if v == 1
        else (Tender("cash", "Gegeben BAR", tendered(rng, total, (10, 20, 50, 100))),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(1, 9999)}", dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}")
    )


DE_MWST = {"A": Decimal(19), "B": Decimal(7)}


def de_imbiss(s: Sale, cols: int) -> list[Op]:
    c = (Col(3), Col(None), Col(6, "right"), Col(7, "right"), Col(1))
    two = (Col(None), Col(12, "right"))
    ops: list[Op] = [
        Title("Imbiss am Markt"),
        Center("Inh. Mehmet Yilmaz"),
        Center("Marktplatz 3, 04109 Leipzig"),
        Center("Tel. 0341 9612345"),
        Center("St.-Nr. 231/123/45678"),
        Rule(),
        Row((f"Bon-Nr. {s.no}", "Tisch 5"), two),
        Row((s.when, "Bed. Ayse"), two),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.price), COMMA(ln.amount), ln.tag), c))
    ops += [Rule(), pair("Summe EUR", COMMA(s.total), bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Rückgeld", COMMA(s.change)))
    table = (Col(None), Col(8, "right"), Col(7, "right"), Col(8, "right"))
    ops += [Rule(), Row(("MwSt", "Netto", "MwSt", "Brutto"), table)]
    for code in sorted({ln.tag for ln in s.lines}):
        gross = sum((ln.amount for ln in s.lines if ln.tag == code), Decimal(0))
        tax = included_tax(gross, DE_MWST[code])
        ops.append(Row((f"{code} {DE_MWST[code]:>2}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    # The DSFinV-K QR code: the gross per tax set (19 %, 7 %, ...), the total by means, the TSE's counters and
    # times.
    by_set = "_".join(
        POINT(sum((ln.amount for ln in s.lines if ln.tag == code), Decimal(0))) for code in ("A", "B")
    )
    paid = f"{POINT(s.total)}:{'Bar' if s.cash else 'Unbar'}"
    start = f"{s.iso}.000"
    ops += [
        Rule(),
        Text("TSE-Seriennr.: 7c1f3a9e2b44d0c6"),
        Text(f"TSE-Transaktion: {40211 + int(s.no)}"),
        Text(f"TSE-Signaturzähler: {81530 + 2 * int(s.no)}"),
        QR(
            f"V0;Kasse1;Kassenbeleg-V1;Beleg^{by_set}_0.00_0.00_0.00^{paid};{40211 + int(s.no)};"
            f"{81530 + 2 * int(s.no)};{start};{start};ecdsa-plain-SHA384;unixTime"
        ),
        Center("Vielen Dank und guten Appetit!"),
    ]
    return ops


# -- templates added 2026-12-09: five to train, three to dev ------------------------------------------------

GROUPED = NumberStyle(group=",")  # 1,459.48


def round_to(value: Decimal, step: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    """`value` rounded to a multiple of `step` (a till's 100 dong, a whole yuan)."""
    return (value / step).quantize(Decimal(1), rounding=rounding) * step


def ko_card_slip(issuer: str, card: str, approval: int, amount: Decimal | None = None) -> list[Op]:
    """The card approval a Korean till prints inside the receipt (the amount again only when given)."""
    ops: list[Op] = [
        Text("[신용카드 승인]"),
        Text(f"카드사: {issuer}"),
        Text(f"카드번호: {card}"),
        Text("할부: 일시불"),
        Text(f"승인번호: {approval}"),
    ]
    if amount is not None:
        ops.append(Text(f"승인금액: {WHOLE(amount)}"))
    return ops


def ko_convenience_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [  # (name, price, the promotion it is on: 1+1 two for one, 2+1 three for two)
        ("삼각김밥 참치마요", "1300", "1+1"),
        ("도시락 제육볶음", "4900", ""),
        ("바나나맛우유 240ml", "1700", "2+1"),
        ("컵라면 큰사발 신라면", "1500", ""),
        ("생수 2L", "1200", "1+1"),
        ("콜라 500ml", "2200", "2+1"),
        ("초코파이 12입", "5400", ""),
        ("아이스아메리카노 L", "2000", ""),
        ("감자칩 오리지널", "1800", "1+1"),
        ("캔맥주 500ml", "3500", ""),
        ("비타민음료 100ml", "1100", "2+1"),
    ]
    lines = []
    for name, price, promo in rng.sample(catalogue, rng.randint(3, 6)):
        code = ean13(f"880{rng.randint(0, 999999999):09d}")
        if promo and rng.random() < 0.7:
            # The customer takes the promotion's full set: one of them comes off, under the item.
            n = Decimal(int(promo[0]) + 1)
            lines.append(Line(name, n, Decimal(price), 0, code=code, tag=promo, discount=-Decimal(price)))
        else:
            lines.append(Line(name, Decimal(rng.choice((1, 1, 1, 2))), Decimal(price), 0, code=code))
    # A telecom membership discount off the order (T멤버십), now and then.
    savings = Decimal(rng.choice((300, 500, 1000))) if v == 2 else Decimal(0)
    total = sum((ln.net for ln in lines), Decimal(0)) - savings
    tenders = (
        (Tender("cash", "현금", tendered(rng, total, (5000, 10000, 20000, 30000, 50000))),)
        if v == 1
        else (Tender("card", "카드결제", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        receipt_no="",  # printed only after the POS number ("POS: 01-4750"), under no label of its own
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}:{S}"),
        savings=savings,
        savings_label="T멤버십할인",
    )


def ko_convenience(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(7, "right"), Col(4, "right"), Col(8, "right"))
    promo = (Col(2), Col(None), Col(8, "right"))
    vat = included_tax(s.total, Decimal(10), 0)
    ops: list[Op] = [
        Title("행복24 편의점"),
        Center("망원역점"),
        Text("사업자번호: 113-81-24680"),
        Text("대표: 최지훈  TEL: 02-332-2424"),
        Text("주소: 서울시 마포구 월드컵로 77"),
        Text(f"[판매] {s.when}"),
        Text(f"POS: 01-{s.no}   캐셔: 김하늘"),
        Rule(),
        Text("상품명"),
        Row(("바코드", "단가", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops += [Text(ln.name), Row((ln.code, WHOLE(ln.price), str(ln.qty), WHOLE(ln.amount)), c)]
        if ln.discount:
            ops.append(Row(("", f"행사할인({ln.tag})", WHOLE(ln.discount)), promo))
    ops += [
        Rule(),
        pair("구매수량", str(pieces(s.lines))),
        pair("합계", WHOLE(s.total + s.savings)),
    ]
    if s.savings:
        ops.append(pair(s.savings_label, WHOLE(-s.savings)))
    ops += [
        pair("결제금액", f"{WHOLE(s.total)}원", bold=True, tall=True),
        pair("과세물품", WHOLE(s.total - vat)),
        pair("부가세", WHOLE(vat)),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    else:
        ops += ko_card_slip("삼성카드", "4518-42**-****-123*", 30120000 + int(s.no))
    ops += [
        Rule(),
        Text("[포인트 적립]"),
        Text("회원번호: 1234-****-****-5678"),
        Text(f"적립포인트: {WHOLE(s.total // 100)}P"),
        Text(f"누적포인트: {WHOLE(s.total // 100 + 2000 + int(s.no))}P"),
        Blank(),
        Center("교환/환불 시 영수증을 지참하세요"),
        Center("감사합니다"),
    ]
    return ops


def ko_restaurant_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("한우불고기 정식", "28000"),
        ("갈비찜(중)", "58000"),
        ("해물파전", "24000"),
        ("김치찌개", "15000"),
        ("된장찌개", "15000"),
        ("잡채", "22000"),
        ("공기밥", "2000"),
        ("계란찜", "8000"),
        ("소주", "7000"),
        ("맥주", "8000"),
        ("막걸리", "9000"),
        ("콜라", "3000"),
    ]
    lines = pick(rng, catalogue, (3, 6), places=0, qtys=(1, 1, 1, 2, 2, 3))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    service = subtotal / 10  # the prices are whole thousands: a whole hundred won
    total = subtotal + service
    tenders = (
        (Tender("card", "신용카드", total),)
        if v == 1
        else (Tender("cash", "현금 받은금액", tendered(rng, total, (50000, 100000, 150000, 200000, 300000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 999):04d}",
        dated_when=dated(rng, "{y}.{m}.{d} {H}:{M}"),
        surcharge=service,
        subtotal_printed=True,
    )


def ko_restaurant(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(10, "right"))
    ops: list[Op] = [
        Title("한식당 소담"),
        Center("호텔 더그랜드 2층"),
        Text("사업자번호: 220-81-55123"),
        Text("대표: 한상훈  TEL: 02-555-1234"),
        Text("주소: 서울시 강남구 테헤란로 300"),
        Rule(),
        Row((f"테이블: {int(s.no) % 20 + 1}번", f"주문번호: {s.no}"), (Col(None), Col(14))),
        Text(f"일시: {s.when}"),
        Rule(),
        Row(("메뉴명", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
    ops += [
        Rule(),
        pair("소계", WHOLE(s.subtotal)),
        pair("봉사료(10%)", WHOLE(s.surcharge)),
        pair("합계", f"{WHOLE(s.total)}원", bold=True, tall=True),
        Text("(부가세 포함)"),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops += [
            pair("거스름돈", WHOLE(s.change)),
            Rule(),
            Text("[현금영수증]"),
            Text(f"승인번호: {int(s.no) * 7919 + 153000000}"),
            Text("식별번호: 010-****-5678"),
            Text("거래구분: 소득공제"),
        ]
    else:
        ops += ko_card_slip("KB국민카드", "9430-12**-****-881*", 51200000 + int(s.no), s.total)
    ops += [Blank(), Center("이용해 주셔서 감사합니다")]
    return ops


def vi_supermarket_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Sữa tươi Vinamilk 1L", "35000"),
        ("Mì Hảo Hảo tôm chua cay", "4500"),
        ("Nước mắm Nam Ngư 500ml", "38000"),
        ("Gạo ST25 túi 5kg", "185000"),
        ("Dầu ăn Neptune 1L", "62000"),
        ("Trứng gà vỉ 10 quả", "32000"),
        ("Bánh Chocopie hộp 12 cái", "55000"),
        ("Nước suối Aquafina 1.5L", "10000"),
        ("Cà phê G7 hộp 18 gói", "52000"),
        ("Bia Tiger lon 330ml", "18000"),
        ("Bột giặt OMO 3kg", "145000"),
        ("Kem đánh răng P/S 180g", "28500"),
    ]
    lines = []
    for ln in pick(rng, catalogue, (3, 7), places=0, qtys=(1, 1, 1, 2, 2, 3, 6)):
        if rng.random() < 0.35:  # on promotion: 10 or 20 % off, to the 100 dong
            ln = replace(ln, discount=-round_to(ln.amount * rng.choice((10, 20)) / 100, 100))
        lines.append(ln)
    total = sum((ln.net for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "Thanh toán thẻ", total),)
        if v == 1
        else (Tender("cash", "Tiền khách trả", tendered(rng, total, (100000, 200000, 500000, 1000000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"HD{rng.randint(1, 9999999):07d}",
        dated_when=dated(rng, "{d}-{m}-{y} {H}:{M}:{S}"),
        subtotal_printed=True,
    )


def vi_supermarket(s: Sale, cols: int) -> list[Op]:
    two = (Col(None), Col(12, "right"))
    promo = (Col(2), Col(None), Col(12, "right"))
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    ops: list[Op] = [
        Title("SIÊU THỊ AN PHÚ"),
        Center("268 Võ Văn Tần, P.5, Q.3, TP.HCM"),
        Center("ĐT: 028 3930 1234"),
        Center("MST: 0312345678"),
        Center("PHIẾU THANH TOÁN", bold=True),
        Text(f"Mã HĐ: {s.no}"),
        Text(f"Ngày: {s.when}"),
        Text("Quầy: 05   Thu ngân: Lê Thị Hoa"),
        Rule(),
        Text("Tên hàng"),
        Row(("SL x Đơn giá", "Thành tiền"), two),
        Rule(),
    ]
    for ln in s.lines:
        ops += [Text(ln.name), Row((f"{ln.qty} x {WHOLE(ln.price)} =", WHOLE(ln.amount)), two)]
        if ln.discount:
            ops.append(Row(("", "Khuyến mãi", WHOLE(ln.discount)), promo))
    ops += [
        Rule(),
        pair("Tổng số lượng:", str(pieces(s.lines))),
        pair("Tiền hàng:", WHOLE(s.subtotal)),
        pair("Khuyến mãi:", WHOLE(off)),
        pair("Tổng cộng (VNĐ):", WHOLE(s.total), bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("Tiền trả lại:", WHOLE(s.change)))
    ops += [
        Blank(),
        Center("Giá đã bao gồm thuế GTGT"),
        Center("Đổi trả hàng trong 7 ngày kèm phiếu"),
        Center("Cảm ơn quý khách! Hẹn gặp lại!"),
    ]
    return ops


def th_restaurant_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("ต้มยำกุ้งน้ำข้น", "280.00"),
        ("ส้มตำไทย", "90.00"),
        ("ผัดไทยกุ้งสด", "150.00"),
        ("แกงเขียวหวานไก่", "160.00"),
        ("ปลากะพงนึ่งมะนาว", "450.00"),
        ("ไก่ย่าง", "180.00"),
        ("ลาบหมู", "120.00"),
        ("ผัดผักบุ้งไฟแดง", "90.00"),
        ("ข้าวเหนียว", "20.00"),
        ("ข้าวสวย", "15.00"),
        ("เบียร์สิงห์", "95.00"),
        ("น้ำมะพร้าว", "60.00"),
    ]
    lines = pick(rng, catalogue, (3, 7), qtys=(1, 1, 1, 2, 2, 3, 4))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    # Prices "++": a 10 % service charge, then 7 % VAT on the food and the service.
    service = subtotal / 10
    vat = ((subtotal + service) * 7 / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    total = subtotal + service + vat
    tenders = (
        (Tender("other", "พร้อมเพย์", total),)
        if v == 1
        else (Tender("cash", "รับเงิน", tendered(rng, total, (500, 1000, 1500, 2000, 3000, 5000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 99999):06d}",
        dated_when=dated(rng, "{d}/{m}/2569 {H}:{M}"),
        tax_added=vat,
        surcharge=service,
        subtotal_printed=True,
    )


def th_restaurant(s: Sale, cols: int) -> list[Op]:
    c = (Col(3, "right"), Col(None), Col(10, "right"))
    ops: list[Op] = [
        Title("ครัวริมน้ำ"),
        Center("99/1 ซ.อารีย์ 1 ถ.พหลโยธิน กรุงเทพฯ"),
        Center("โทร 02-279-1234"),
        Center("เลขประจำตัวผู้เสียภาษี 0105558123456"),
        Center("ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ"),
        Row((f"โต๊ะ {int(s.no) % 30 + 1}", f"ลูกค้า {len(s.lines) // 2 + 1} ท่าน"), (Col(None), Col(14))),
        Text(f"เลขที่ {s.no}   พนักงาน สมชาย"),
        Text(f"วันที่ {s.when}"),
        Rule(),
        Row(("", "รายการ", "จำนวนเงิน"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, GROUPED(ln.amount)), c))
    ops += [
        Rule(),
        pair("รวมค่าอาหาร", GROUPED(s.subtotal), right=14),
        pair("ค่าบริการ 10%", GROUPED(s.surcharge), right=14),
        pair("VAT 7%", GROUPED(s.tax_added), right=14),
        pair("รวมทั้งสิ้น", f"{GROUPED(s.total)} บาท", bold=True, tall=True, right=16),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, GROUPED(t.amount), right=14))
    if s.cash:
        ops.append(pair("เงินทอน", GROUPED(s.change), right=14))
    ops += [Blank(), Center("ขอบคุณที่ใช้บริการ")]
    return ops


def zh_hant_bakery_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("菠蘿麵包", "35"),
        ("奶酥麵包", "40"),
        ("肉鬆麵包", "45"),
        ("蔥花麵包", "38"),
        ("紅豆麵包", "35"),
        ("起司蛋糕", "85"),
        ("蛋黃酥", "55"),
        ("鳳梨酥(6入)", "240"),
        ("法國麵包", "60"),
        ("鮮奶吐司", "75"),
        ("美式咖啡", "50"),
    ]
    lines = []
    for ln in pick(rng, catalogue, (2, 5), places=0, qtys=(1, 1, 2, 2, 3)):
        if ln.qty >= 2 and rng.random() < 0.6:  # the second one at 60 %
            ln = replace(ln, tag="第2件6折", discount=-round_to(ln.price * 4 / 10, 1))
        elif rng.random() < 0.2:  # the day's last pieces at 80 %
            ln = replace(ln, tag="即期品8折", discount=-round_to(ln.amount * 2 / 10, 1))
        lines.append(ln)
    total = sum((ln.net for ln in lines), Decimal(0))
    tenders = (
        (Tender("other", "悠遊卡", total),)
        if v == 1
        else (Tender("cash", "現金", tendered(rng, total, (100, 200, 500, 1000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 99999):05d}",
        dated_when=dated(rng, "{y}/{m}/{d} {H}:{M}"),
        subtotal_printed=True,
    )


def zh_hant_bakery(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(7, "right"))
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    ops: list[Op] = [
        Title("麥香烘焙坊"),
        Center("台北市大安區和平東路二段118號"),
        Center("電話 (02)2733-5678"),
        Center("交易明細", bold=True),
        Row((f"機號: 02  序號: {s.no}", "收銀: 陳"), (Col(None), Col(8))),
        Text(f"日期: {s.when}"),
        Rule(),
        Row(("品名", "數量", "金額"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
        if ln.discount:
            ops.append(Row(("", f"折扣 {ln.tag}", WHOLE(ln.discount)), (Col(2), Col(None), Col(7, "right"))))
    ops += [
        Rule(),
        pair("小計", WHOLE(s.subtotal)),
        pair("折扣", WHOLE(off)),
        pair("合計", f"NT${WHOLE(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("找零", WHOLE(s.change)))
    else:
        ops += [Text("悠遊卡號: 1047****5296"), Text(f"交易後餘額: {WHOLE(Decimal(150 + int(s.no) % 800))}")]
    ops += [
        Rule(),
        Text("賣方統一編號: 24681357"),
        Text(f"買方統一編號: {83450000 + int(s.no) % 10000}"),
        Blank(),
        Center("謝謝光臨 歡迎再來"),
    ]
    return ops


def ko_pharmacy_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("타이레놀정 500mg", "3000"),
        ("판콜에이내복액 3병", "4500"),
        ("베아제정 10정", "4000"),
        ("까스활명수", "1200"),
        ("후시딘연고 10g", "7000"),
        ("대일밴드 20매", "2500"),
        ("박카스D", "800"),
        ("인공눈물 0.5ml 30개", "12000"),
        ("마스크 KF94", "1500"),
        ("훼스탈플러스 10정", "3500"),
        ("비타민C 1000mg", "15000"),
    ]
    lines = pick(rng, catalogue, (1, 4), places=0, qtys=(1, 1, 1, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "현금", tendered(rng, total, (5000, 10000, 20000, 50000))),)
        if v == 1
        else (Tender("card", "카드", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}-{m}-{d}"),
    )


def ko_pharmacy(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(10, "right"))
    ops: list[Op] = [
        Title("새봄약국"),
        Text("사업자번호: 312-09-87654"),
        Text("대표약사: 윤서진  TEL: 031-712-3456"),
        Text("주소: 경기도 성남시 분당구 황새울로 200"),
        Center("[영수증]", bold=True),
        Text(f"판매일자: {s.when}"),
        Text(f"영수증번호: {s.no}"),
        Rule(),
        Row(("약품명", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
    ops += [
        Rule(),
        pair("비급여", WHOLE(s.total)),
        pair("합계", f"{WHOLE(s.total)}원", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    else:
        ops += ko_card_slip("신한카드", "5327-12**-****-345*", 40010000 + int(s.no))
    ops += [
        Rule(),
        Text("* 복약안내: 1일 3회 식후 30분"),
        Center("건강하세요. 감사합니다"),
    ]
    return ops


def vi_milk_tea_sale(rng: random.Random, v: int) -> Sale:
    drinks = [
        ("Trà sữa trân châu đường đen", "45000"),
        ("Trà sữa truyền thống", "35000"),
        ("Trà đào cam sả", "40000"),
        ("Hồng trà kem cheese", "42000"),
        ("Sữa tươi trân châu", "39000"),
        ("Trà xanh sữa", "35000"),
        ("Trà vải", "38000"),
    ]
    toppings = [
        ("Trân châu trắng", "5000"),
        ("Trân châu đen", "5000"),
        ("Thạch dừa", "6000"),
        ("Pudding trứng", "8000"),
        ("Kem cheese", "10000"),
        ("Thạch cà phê", "6000"),
    ]
    notes = ("Ít đá, 70% đường", "50% đường", "Không đá", "", "")
    lines: list[Line] = []
    for drink in pick(rng, drinks, (1, 3), places=0, qtys=(1, 1, 2)):
        lines.append(replace(drink, note=rng.choice(notes)))
        # Each topping goes into every cup of the drink it is under: it has the drink's quantity.
        for name, price in rng.sample(toppings, rng.choice((0, 1, 1, 2))):
            lines.append(Line(name, drink.qty, Decimal(price), 0, tag="topping"))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    savings = round_to(subtotal / 10, 1000) if v != 1 else Decimal(0)  # the member's 10 %
    total = subtotal - savings
    tenders = (
        (Tender("other", "Ví MoMo", total),)
        if v == 1
        else (Tender("cash", "Tiền mặt", tendered(rng, total, (50000, 100000, 200000, 500000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):05d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        savings=savings,
        savings_label="Giảm giá",
        subtotal_printed=True,
    )


def vi_milk_tea(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(3, "right"), Col(10, "right"))
    sub = (Col(2), Col(None), Col(3, "right"), Col(10, "right"))

    def dong(value: Decimal) -> str:
        return f"{VND(value)}đ"

    ops: list[Op] = [
        Title("TRÀ SỮA MÂY"),
        Center("45 Trần Quang Khải, Q.1, TP.HCM"),
        Center("Hotline: 0909 123 456"),
        Center("PHIẾU THANH TOÁN", bold=True),
        Row((f"Số: {s.no}", "Mang về"), (Col(None), Col(8))),
        Text(f"Ngày: {s.when}"),
        Text("Thu ngân: Ngọc Anh"),
        Rule(),
        Row(("Tên món", "SL", "T.Tiền"), c),
        Rule(),
    ]
    for ln in s.lines:
        if ln.tag == "topping":
            ops.append(Row(("", f"+ {ln.name}", str(ln.qty), dong(ln.amount)), sub))
            continue
        ops.append(Row((ln.name, str(ln.qty), dong(ln.amount)), c))
        if ln.note:
            ops.append(Row(("", ln.note), (Col(2), Col(None))))
    ops += [
        Rule(),
        pair("Tổng tiền:", dong(s.subtotal)),
        pair(f"{s.savings_label}:", dong(-s.savings)),
        pair("Khách cần trả:", dong(s.total), bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", dong(t.amount)))
    if s.cash:
        ops.append(pair("Tiền thối:", dong(s.change)))
    ops += [
        Blank(),
        Center("Wifi: TraSuaMay - Pass: maytra2026"),
        Center("Cảm ơn quý khách, hẹn gặp lại!"),
    ]
    return ops


def zh_hans_restaurant_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("白切鸡(半只)", "68.00"),
        ("烧鹅(例)", "78.00"),
        ("虾饺皇", "32.00"),
        ("叉烧包", "18.00"),
        ("干炒牛河", "38.00"),
        ("豉汁蒸排骨", "28.00"),
        ("清蒸鲈鱼", "98.00"),
        ("蒜蓉菜心", "26.00"),
        ("老火靓汤", "48.00"),
        ("凤爪", "24.00"),
        ("珠江啤酒", "10.00"),
        ("米饭", "3.00"),
    ]
    guests = rng.randint(2, 6)
    lines = [Line("茶位费", Decimal(guests), Decimal("3.00"))]  # tea, per guest
    lines += pick(rng, catalogue, (3, 6), qtys=(1, 1, 1, 2, 2, 3))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    service = subtotal / 10
    # 抹零: the jiao and fen of the bill are let off.
    cents = subtotal + service - round_to(subtotal + service, 1, ROUND_DOWN)
    total = subtotal + service - cents
    pay = [
        Tender("alipay", "支付宝", total),
        Tender("wechat", "微信支付", total),
        Tender("cash", "现金", tendered(rng, total, (100, 200, 300, 500, 1000))),
    ][v % 3]
    return Sale(
        tuple(lines),
        (pay,),
        no=f"2026{rng.randint(1, 99999999):08d}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}"),
        savings=cents,
        savings_label="抹零",
        surcharge=service,
        subtotal_printed=True,
    )


def zh_hans_restaurant(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(9, "right"))
    guests = next(ln.qty for ln in s.lines if ln.name == "茶位费")
    ops: list[Op] = [
        Title("粤香楼酒家"),
        Center("广州市越秀区北京路168号"),
        Center("电话: 020-8333 6688"),
        Center("结账单", bold=True),
        Row((f"桌号: A{int(s.no) % 20 + 1:02d}", f"人数: {guests}"), (Col(None), Col(8))),
        Text(f"单号: {s.no}"),
        Text("收银员: 陈敏"),
        Text(f"时间: {s.when}"),
        Rule(),
        Row(("菜品", "数量", "金额"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), POINT(ln.amount)), c))
    ops += [
        Rule(),
        pair("小计", POINT(s.subtotal)),
        pair("服务费 10%", POINT(s.surcharge)),
        pair("合计", f"¥{POINT(s.subtotal + s.surcharge)}"),
        pair(s.savings_label, POINT(-s.savings)),
        pair("应收", f"¥{POINT(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(f"实收 {t.label}", f"¥{POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("找零", f"¥{POINT(s.change)}"))
    ops += [
        Blank(),
        Center("谢谢光临 欢迎再来"),
        Center("发票请扫码开具"),
        QR(f"https://fp.example.cn/{s.no}"),
    ]
    return ops


def de_supermarkt_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Vollmilch 3,5% 1L", "1.19", "B"),
        ("Butter 250g", "2.29", "B"),
        ("Roggenbrot 750g", "2.49", "B"),
        ("Gouda jung 400g", "3.79", "B"),
        ("Bio Eier 10er", "3.49", "B"),
        ("Kaffee Crema 1kg", "13.99", "B"),
        ("Spülmittel 500ml", "1.45", "A"),
        ("Zahnpasta 75ml", "1.95", "A"),
        ("Küchenrolle 4x", "2.99", "A"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 1, 2, 3))
    # Bottled water with its deposit on the line after it (the Pfand is an item of its own, in class A),
    # and tomatoes weighed at the till.
    bottles = Decimal(rng.choice((1, 2, 6)))
    at = rng.randint(0, len(lines))
    lines[at:at] = [
        Line("Mineralwasser 1,5L", bottles, Decimal("0.39"), tag="A"),
        Line("Pfand 0,25 EUR", bottles, Decimal("0.25"), tag="A"),
    ]
    lines.append(
        Line("Tomaten Rispe", Decimal(rng.choice(("0.456", "0.732", "1.118"))), Decimal("2.99"), tag="B")
    )
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "EC-Karte", total),)
        if v == 1
        else (Tender("cash", "Bar", tendered(rng, total, (10, 20, 50, 100))),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(1, 9999):04d}", dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}")
    )


def de_supermarkt(s: Sale, cols: int) -> list[Op]:
    item = (Col(None), Col(9, "right"), Col(1))
    how = (Col(3), Col(None))
    ops: list[Op] = [
        Title("FRISCHMARKT"),
        Center("Hofmann Frischmarkt e.K."),
        Center("Lindenstraße 24, 50674 Köln"),
        Center("Tel. 0221 1234567"),
        Center("USt-IdNr. DE123456789"),
        Blank(),
        Row(("", "EUR", ""), item),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, COMMA(ln.amount), ln.tag), item))
        if ln.qty != ln.qty.to_integral():
            ops.append(Row(("", f"{qty_str(ln.qty, ',')} kg x {COMMA(ln.price)} EUR/kg"), how))
        elif ln.qty != 1:
            ops.append(Row(("", f"{ln.qty} Stk x {COMMA(ln.price)}"), how))
    ops += [Rule(), pair("SUMME", f"EUR {COMMA(s.total)}", bold=True, tall=True), Rule()]
    for t in s.tenders:
        ops.append(pair(f"Geg. {t.label}", f"EUR {COMMA(t.amount)}"))
    if s.cash:
        ops.append(pair("Rückgeld", f"EUR {COMMA(s.change)}"))
    else:
        ops += [
            Blank(),
            Center("Kartenzahlung girocard"),
            pair("Betrag", f"EUR {COMMA(s.total)}"),
            Text("Terminal-ID 54123456  TA-Nr. 004711"),
            Center("Zahlung erfolgt"),
        ]
    tax = (Col(None), Col(7, "right"), Col(7, "right"), Col(8, "right"))
    ops += [Blank(), Row(("MwSt-Satz", "Netto", "MwSt", "Brutto"), tax)]
    taxes = Decimal(0)
    for tag, rate in (("A", 19), ("B", 7)):
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            vat = included_tax(gross, Decimal(rate))
            taxes += vat
            ops.append(Row((f"{tag}= {rate},0 %", COMMA(gross - vat), COMMA(vat), COMMA(gross)), tax))
    ops += [
        Row(("Gesamtbetrag", COMMA(s.total - taxes), COMMA(taxes), COMMA(s.total)), tax),
        Blank(),
        Text(f"{s.when}  Bon-Nr.: {s.no}"),
        Text("Markt: 0815  Kasse: 3  Bed.: 104"),
        Text(f"TSE-Transaktion: 88{s.no}"),
        Text("TSE-Seriennr.: 5f0c9a3e71d2"),
        Blank(),
        Center("Vielen Dank für Ihren Einkauf!"),
    ]
    return ops


def pt_padaria_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Pastel de nata", "1.20", "13"),
        ("Galão", "1.50", "13"),
        ("Café", "0.80", "13"),
        ("Torrada", "1.90", "13"),
        ("Croissant misto", "2.60", "13"),
        ("Sumo de laranja", "2.80", "13"),
        ("Pão de forma", "2.10", "6"),
        ("Broa de milho", "2.60", "6"),
        ("Imperial", "1.60", "23"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "Multibanco", total),)
        if v == 1
        else (Tender("cash", "Numerário", tendered(rng, total, (5, 10, 20, 50))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"FS 2026/{rng.randint(100, 9999)}",
        dated_when=dated(rng, "{d}-{m}-{y} {H}:{M}"),
    )


def pt_padaria(s: Sale, cols: int) -> list[Op]:
    c = (Col(3, "right"), Col(None), Col(4, "right"), Col(7, "right"))
    ops: list[Op] = [
        Title("PADARIA SÃO JOSÉ"),
        Center("Padaria São José, Lda."),
        Center("Rua de Santa Catarina, 112"),
        Center("4000-442 Porto"),
        Center("NIF 501234567"),
        Center("Tel. 222 123 456"),
        Blank(),
        Text(f"Fatura simplificada {s.no}"),
        Text(f"Data: {s.when}"),
        Text("NIF: Consumidor final"),
        Text("Original"),
        Rule(),
        Row(("Qtd", "Descrição", "IVA", "Valor"), c),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, f"{ln.tag}%", COMMA(ln.amount)), c))
    ops += [Rule(), pair("Total", f"{COMMA(s.total)} €", bold=True, tall=True, right=11)]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount), right=11))
    if s.cash:
        ops.append(pair("Troco", COMMA(s.change), right=11))
    iva = (Col(None), Col(7, "right"), Col(6, "right"), Col(7, "right"))
    ops += [Blank(), Row(("Taxa", "Base", "IVA", "Total"), iva)]
    # The fiscal QR code of a Portuguese invoice (Portaria 195/2020): issuer, buyer, type, date, number,
    # ATCUD, base and VAT per rate (I3-I8 for 6, 13 and 23 %), VAT and total, four characters of the hash.
    day, month, year = s.when[:10].split("-")
    seq = s.no.rsplit("/", 1)[1]
    qr = [f"A:501234567*B:999999990*C:PT*D:FS*E:N*F:{year}{month}{day}*G:{s.no}*H:JJ3X7M2K-{seq}*I1:PT"]
    taxes = Decimal(0)
    for rate, (base_field, tax_field) in (("6", ("I3", "I4")), ("13", ("I5", "I6")), ("23", ("I7", "I8"))):
        gross = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            vat = included_tax(gross, Decimal(rate))
            taxes += vat
            ops.append(Row((f"{rate}%", COMMA(gross - vat), COMMA(vat), COMMA(gross)), iva))
            qr.append(f"{base_field}:{POINT(gross - vat)}*{tax_field}:{POINT(vat)}")
    sig = base64.b64encode(hashlib.sha256(s.no.encode()).digest()).decode()[0:31:10]
    qr.append(f"N:{POINT(taxes)}*O:{POINT(s.total)}*Q:{sig}*R:1234")
    ops += [
        Rule(),
        Text(f"ATCUD: JJ3X7M2K-{seq}"),
        Text(f"{sig}-Processado por programa"),
        Text("certificado n.º 1234/AT"),
        QR("*".join(qr)),
        Center("Obrigado e volte sempre!"),
    ]
    return ops


TRY = NumberStyle(",", ".")


def tr_market_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("EKMEK 250 GR", "10.00", "1"),
        ("SÜT 1 LT", "32.50", "1"),
        ("YUMURTA 10LU", "64.90", "1"),
        ("BEYAZ PEYNİR 500 GR", "149.90", "1"),
        ("ÇAY 1 KG", "219.00", "1"),
        ("TOZ ŞEKER 1 KG", "42.75", "1"),
        ("DETERJAN 3 KG", "189.90", "20"),
        ("ISLAK MENDİL", "29.90", "20"),
        ("DİŞ MACUNU", "54.50", "20"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 2, 3))
    lines.insert(
        rng.randint(0, len(lines)),
        Line("DOMATES", Decimal(rng.choice(("0.840", "1.255", "0.615"))), Decimal("38.00"), tag="1"),
    )
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "KREDİ KARTI", total),)
        if v == 2
        else (Tender("cash", "NAKİT", tendered(rng, total, (100, 200, 500, 1000))),)
    )
    return Sale(
        tuple(lines), tenders, no=f"{rng.randint(1, 999):04d}", dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}")
    )


def tr_market(s: Sale, cols: int) -> list[Op]:
    # A Turkish fiscal receipt (ÖKC fişi): every amount printed with the fiscal star, no currency word; the
    # quantity line above its item.
    c = (Col(None), Col(4, "right"), Col(10, "right"))
    date_, time_ = s.when.split()
    ops: list[Op] = [
        Title("ÖZGÜR MARKET"),
        Center("ÖZGÜR GIDA TİC. LTD. ŞTİ."),
        Center("Caferağa Mah. Moda Cad. No:45"),
        Center("Kadıköy / İSTANBUL"),
        Center("KADIKÖY V.D. 6470012345"),
        Row((f"TARİH : {date_}", f"SAAT : {time_}"), (Col(None), Col(13, "right"))),
        Text(f"FİŞ NO : {s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"{qty_str(ln.qty, ',')} KG X {TRY(ln.price)}"))
        elif ln.qty != 1:
            ops.append(Text(f"{ln.qty} AD X {TRY(ln.price)}"))
        ops.append(Row((ln.name, f"%{int(ln.tag):02d}", f"*{TRY(ln.amount)}"), c))
    rates = sorted({ln.tag for ln in s.lines}, key=int)
    gross = {r: sum((ln.amount for ln in s.lines if ln.tag == r), Decimal(0)) for r in rates}
    taxes = {r: included_tax(gross[r], Decimal(r)) for r in rates}
    ops += [
        Rule(),
        pair("TOPKDV", f"*{TRY(sum(taxes.values(), Decimal(0)))}"),
        pair("TOPLAM", f"*{TRY(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"*{TRY(t.amount)}"))
    if s.cash:
        ops.append(pair("PARA ÜSTÜ", f"*{TRY(s.change)}"))
    else:
        ops += [Text("KART NO : ************4821"), Text("ONAY KODU : 318274")]
    kdv = (Col(None), Col(11, "right"), Col(12, "right"))
    ops += [Rule(), Row(("KDV ORANI", "KDV TUTARI", "KDV'Lİ TOPL."), kdv)]
    for r in rates:
        ops.append(Row((f"%{int(r):02d}", f"*{TRY(taxes[r])}", f"*{TRY(gross[r])}"), kdv))
    ops += [
        Rule(),
        Text("KASİYER : AYŞE YILMAZ"),
        Row(("Z NO : 0123", "EKÜ NO : 0001"), (Col(None), Col(13, "right"))),
        Center("Teşekkür ederiz, yine bekleriz"),
        Center("MF YAB 12004567"),
    ]
    return ops


VND = NumberStyle(",", ".", 0)


def vi_cafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Cà phê sữa đá", "29000"),
        ("Cà phê đen đá", "25000"),
        ("Bạc xỉu", "32000"),
        ("Trà đào cam sả", "45000"),
        ("Sinh tố bơ", "49000"),
        ("Nước cam ép", "39000"),
        ("Bánh mì ốp la", "35000"),
        ("Bánh flan", "20000"),
    ]
    lines = pick(rng, catalogue, (2, 4), places=0, qtys=(1, 1, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "Thẻ", total),)
        if v == 1
        else (Tender("cash", "Tiền mặt", tendered(rng, total, (50000, 100000, 200000, 500000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"HD{rng.randint(1, 99999):06d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        subtotal_printed=True,
    )


def vi_cafe(s: Sale, cols: int) -> list[Op]:
    # Printed in TCVN-3 (ESC t 30 on Epson), the code page Vietnamese tills print their tone marks with:
    # its lower-case page only, so no capital letter with a diacritic (no "Đ": the heading is "Hóa đơn").
    c = (Col(None), Col(3, "right"), Col(7, "right"), Col(10, "right"))
    ops: list[Op] = [
        Title("Cà Phê Sáng"),
        Center("12 Lý Tự Trọng, P. Bến Nghé, Q.1"),
        Center("TP. Hồ Chí Minh"),
        Center("Tel: 028 3823 4567"),
        Center("MST: 0312345678"),
        Blank(),
        Center("Hóa đơn thanh toán", bold=True),
        Text(f"Số hóa đơn: {s.no}   Bàn: 05"),
        Text(f"Ngày: {s.when}"),
        Text("Thu ngân: Ngọc Lan"),
        Rule(),
        Row(("Tên món", "SL", "Giá", "Thành tiền"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), VND(ln.price), VND(ln.amount)), c))
    ops += [
        Rule(),
        pair("Tổng tiền hàng:", VND(s.subtotal), right=14),
        pair("Tổng cộng:", f"{VND(s.total)} đ", bold=True, tall=True, right=14),
    ]
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", VND(t.amount), right=14))
    if s.cash:
        ops.append(pair("Tiền thối lại:", VND(s.change), right=14))
    ops += [
        Blank(),
        Center("(Giá đã bao gồm thuế GTGT)"),
        Center("Cảm ơn quý khách, hẹn gặp lại!"),
        Center("Wifi: caphesang / 12345678"),
    ]
    return ops


KO_WEEKDAYS = ("월", "화", "수", "목", "금", "토", "일")


def ko_mart_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("참치마요 삼각김밥", "1500", ""),
        ("바나나우유 240ml", "1700", ""),
        ("신라면 컵", "1250", ""),
        ("포카리스웨트 500ml", "2200", ""),
        ("새우깡 90g", "1700", ""),
        ("제주 삼다수 2L", "1300", ""),
        ("서울우유 1L", "2990", "면세"),
        ("계란 10구", "4500", "면세"),
        ("국산콩 두부", "2500", "면세"),
    ]
    lines = [
        replace(ln, code=ean13(f"880{rng.randint(0, 10**9 - 1):09d}"))
        for ln in pick(rng, catalogue, (3, 5), 0, (1, 1, 2, 3))
    ]
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "현금", tendered(rng, total, (10000, 20000, 30000, 50000))),)
        if v == 1
        else (Tender("card", "신용카드", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}-{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}-{m}-{d}({a}) {H}:{M}:{S}", KO_WEEKDAYS),
    )


def ko_mart(s: Sale, cols: int) -> list[Op]:
    # The item's name on a line of its own, its barcode, unit price, quantity and amount on the next; a star
    # before a tax-free (면세) item.
    c = (Col(13), Col(None, "right"), Col(4, "right"), Col(9, "right"))
    ops: list[Op] = [
        Title("행복마트"),
        Center("역삼점"),
        Text("사업자 123-45-67890  대표 이정훈"),
        Text("서울 강남구 테헤란로 123"),
        Text("TEL 02-555-1234"),
        Text(f"[매출] {s.when}"),
        Text(f"영수증번호 {s.no}  POS 01"),
        Rule(),
        Row(("상품명", "단가", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops += [
            Row(("*" if ln.tag else "", ln.name), (Col(1), Col(None))),
            Row((ln.code, WHOLE(ln.price), str(ln.qty), WHOLE(ln.amount)), c),
        ]
    taxable = sum((ln.amount for ln in s.lines if not ln.tag), Decimal(0))
    tax = included_tax(taxable, Decimal(10), 0)
    ops += [
        Rule(),
        pair("과세물품", WHOLE(taxable - tax)),
        pair("부가세", WHOLE(tax)),
        pair("면세물품", WHOLE(s.total - taxable)),
        pair("합계", f"{WHOLE(s.total)}원", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    else:
        ops += [Text("카드번호 5310-12**-****-4821"), Text("승인번호 30012345  할부 일시불")]
    ops += [Rule(), Text("* 표시는 면세물품입니다"), Center("감사합니다. 또 오세요")]
    return ops


JA_WEEKDAYS = ("月", "火", "水", "木", "金", "土", "日")


def ja_konbini_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("おにぎり 鮭", "150", "8"),
        ("おにぎり ツナマヨ", "140", "8"),
        ("からあげ棒", "180", "8"),
        ("サンドイッチ ハム", "298", "8"),
        ("緑茶 525ml", "140", "8"),
        ("ホットコーヒー M", "180", "8"),
        ("缶ビール 350ml", "228", "10"),
        ("ボールペン 黒", "110", "10"),
        ("単3電池 4本", "498", "10"),
    ]
    lines = pick(rng, catalogue, (3, 5), places=0, qtys=(1, 1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "クレジット", total),)
        if v == 1
        else (Tender("cash", "お預り", tendered(rng, total, (1000, 2000, 3000, 5000, 10000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}年{m}月{d}日({a}) {H}:{M}", JA_WEEKDAYS),
        subtotal_printed=True,
    )


def ja_konbini(s: Sale, cols: int) -> list[Op]:
    # Two rates: 8 % on food (the reduced rate, marked ※ after the amount), 10 % on the rest.
    c = (Col(None), Col(9, "right"), Col(2))
    ops: list[Op] = [
        Title("ハッピーマート"),
        Center("新宿三丁目店"),
        Center("東京都新宿区新宿3-1-1"),
        Center("電話:03-1234-5678"),
        Center("登録番号 T1234567890123"),
        Text(s.when),
        Text(f"レジ2  No.{s.no}  責No.045"),
        Center("領 収 書", bold=True),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"¥{WHOLE(ln.amount)}", "※" if ln.tag == "8" else ""), c))
        if ln.qty != 1:
            ops.append(Text(f"  {ln.qty}コX単{WHOLE(ln.price)}"))
    count = sum(int(ln.qty) for ln in s.lines)
    ops += [Rule(), pair(f"小計 ({count}点)", f"¥{WHOLE(s.subtotal)}")]
    for rate in ("8", "10"):
        gross = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            ops += [
                pair(f"({rate}%対象", f"¥{WHOLE(gross)})"),
                pair(f"(内消費税等 {rate}%", f"¥{WHOLE(included_tax(gross, Decimal(rate), 0))})"),
            ]
    ops.append(pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    else:
        ops.append(Text("  お支払回数 1回"))
    ops += [Blank(), Text("※印は軽減税率(8%)適用商品"), Center("またのご来店をお待ちしております")]
    return ops


def en_ca_grocery_sale(rng: random.Random, v: int) -> Sale:
    # Ontario: basic groceries are zero-rated, snacks, soft drinks and household goods carry the 13 % HST.
    catalogue = [
        ("2% MILK 4L", "6.29", ""),
        ("DEMPSTERS WHOLE WHEAT", "3.99", ""),
        ("LARGE EGGS 12", "4.49", ""),
        ("MAPLE LEAF BACON 375G", "6.99", ""),
        ("OLD CHEDDAR 400G", "7.49", ""),
        ("MCCAIN FRIES 1KG", "4.29", ""),
        ("LAYS KETTLE 220G", "4.79", "H"),
        ("CANADA DRY 12X355ML", "7.99", "H"),
        ("BOUNTY PAPER TOWEL 6", "11.99", "H"),
        ("TIDE PODS 31CT", "14.99", "H"),
    ]
    lines = [
        replace(ln, code=f"{rng.randint(0, 99999):05d}")
        for ln in pick(rng, catalogue, (4, 6), qtys=(1, 1, 1, 2))
    ]
    lines.append(
        Line("BANANAS", Decimal(rng.choice(("1.035", "0.870", "1.255"))), Decimal("1.52"), code="04011")
    )
    taxable = sum((ln.amount for ln in lines if ln.tag == "H"), Decimal(0))
    tax = (taxable * 13 / Decimal(100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    total = sum((ln.amount for ln in lines), Decimal(0)) + tax
    tenders = (
        (Tender("cash", "CASH", tendered(rng, total, (20, 40, 50, 100))),)
        if v == 1
        else (Tender("card", "INTERAC" if v == 0 else "MASTERCARD", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 9999)}",
        dated_when=dated(rng, "{y}/{m}/{d} {H}:{M}:{S}"),
        tax_added=tax,
        subtotal_printed=True,
    )


def en_ca_grocery(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(9, "right"), Col(2))
    ops: list[Op] = [
        Title("NORTHERN FRESH"),
        Center("Northern Fresh Market #1187"),
        Center("455 Danforth Ave, Toronto ON M4K 1P1"),
        Center("(416) 555-0199"),
        Center("HST REG # 81234 5678 RT0001"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty != ln.qty.to_integral():
            ops.append(Row((f"{ln.code} {ln.name}", "", ""), c))
            ops.append(Row((f"  {ln.qty} kg @ ${POINT(ln.price)}/kg", POINT(ln.amount), "MR"), c))
        elif ln.qty != 1:
            ops.append(Row((f"{ln.code} {ln.name}", "", ""), c))
            ops.append(Row((f"  {ln.qty} @ ${POINT(ln.price)}", POINT(ln.amount), ln.tag or "MR"), c))
        else:
            ops.append(Row((f"{ln.code} {ln.name}", POINT(ln.amount), ln.tag or "MR"), c))
    taxable = sum((ln.amount for ln in s.lines if ln.tag == "H"), Decimal(0))
    ops += [
        Rule(),
        pair("SUBTOTAL", POINT(s.subtotal)),
        pair(f"H=HST 13% {POINT(taxable)} @ 13.000%", POINT(s.tax_added), right=9),
        pair("TOTAL", f"${POINT(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount)))
    if s.cash:
        ops.append(pair("CHANGE", POINT(s.change)))
    else:
        ops += [
            Text(f"  CARD: ************{3000 + int(s.no) % 997}"),
            Text("  AUTH #: 043921  REF #: 66103021"),
            Center("APPROVED - THANK YOU"),
        ]
    points = int(s.subtotal) * 10
    ops += [
        Blank(),
        Text(f"ITEMS: {pieces(s.lines)}"),
        Text("FRESH REWARDS CARD ******7731"),
        pair("POINTS EARNED TODAY", f"{points:,} PTS", right=12),
        pair("POINTS BALANCE", f"{48250 + points:,} PTS", right=12),
        Blank(),
        Text(f"{s.when}  LANE 4  TRANS {s.no}"),
        Center("MR = MEETS ZERO-RATED CRITERIA"),
        Center("Thank you / Merci!"),
    ]
    return ops


def es_mx_taqueria_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("TACO AL PASTOR", "22.00"),
        ("TACO DE SUADERO", "24.00"),
        ("TACO CAMPECHANO", "26.00"),
        ("GRINGA AL PASTOR", "58.00"),
        ("QUESADILLA C/QUESO", "45.00"),
        ("CEBOLLITAS ASADAS", "35.00"),
        ("AGUA DE HORCHATA 1L", "48.00"),
        ("AGUA DE JAMAICA 1L", "48.00"),
        ("REFRESCO 600ML", "32.00"),
        ("CERVEZA VICTORIA", "45.00"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 2, 3, 4, 5))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "TARJETA DEBITO" if v == 0 else "TARJETA CREDITO", total),)
        if v != 1
        else (Tender("cash", "EFECTIVO", tendered(rng, total, (100, 200, 500, 1000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999):05d}",
        dated_when=dated(rng, "{d}/{m}/{y}  {H}:{M}"),
    )


def es_mx_taqueria(s: Sale, cols: int) -> list[Op]:
    c = (Col(4, "right"), Col(None), Col(10, "right"))
    ops: list[Op] = [
        Title("TAQUERIA EL FOGON"),
        Center("Taqueria El Fogon SA de CV"),
        Center("RFC: TFO150312AB1"),
        Center("Av. Insurgentes Sur 1235, Col. Del Valle"),
        Center("Benito Juarez, CDMX, C.P. 03100"),
        Blank(),
        Text(f"TICKET: {s.no}    MESA: 7"),
        Text("MESERO: JUAN C.   PERSONAS: 3"),
        Text(f"FECHA: {s.when}"),
        Rule(),
        Row(("CANT", "DESCRIPCION", "IMPORTE"), c),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, GROUPED(ln.amount)), c))
    iva = included_tax(s.total, Decimal(16))
    ops += [
        Rule(),
        pair("TOTAL", f"${GROUPED(s.total)}", bold=True, tall=True),
        pair("IVA INCLUIDO 16%", f"${GROUPED(iva)}"),
        Blank(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"${GROUPED(t.amount)}"))
    if s.cash:
        ops.append(pair("CAMBIO", f"${GROUPED(s.change)}"))
    else:
        ops.append(Text("  ************5512  AUT: 204718"))
    tips = (Col(None), Col(12, "right"))
    ops += [Blank(), Center("PROPINA SUGERIDA (NO INCLUIDA)")]
    for pct in (10, 15, 20):
        tip = (s.total * pct / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        ops.append(Row((f"  {pct}%", f"${GROUPED(tip)}"), tips))
    ops += [
        Blank(),
        Center("ESTE TICKET NO ES UN COMPROBANTE FISCAL"),
        Center("Facture en: facturacion.elfogon.example.mx"),
        Center("GRACIAS POR SU PREFERENCIA"),
    ]
    return ops


PL_PTU = {"A": Decimal(23), "B": Decimal(8)}


def pl_restauracja_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Żurek staropolski", "24.00", "B"),
        ("Pierogi ruskie 8szt", "32.00", "B"),
        ("Schabowy z ziemniakami", "46.00", "B"),
        ("Gołąbki w sosie", "38.00", "B"),
        ("Barszcz z uszkami", "22.00", "B"),
        ("Szarlotka na ciepło", "19.00", "B"),
        ("Kompot domowy 0,3l", "9.00", "B"),
        ("Piwo Żywiec 0,5l", "14.00", "A"),
        ("Wódka Żubrówka 50ml", "12.00", "A"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 2, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "Karta płatnicza", total),)
        if v == 2
        else (Tender("cash", "Gotówka", tendered(rng, total, (50, 100, 200, 500))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 99999)}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}"),
    )


def pl_restauracja(s: Sale, cols: int) -> list[Op]:
    item = (Col(None), Col(14, "right"), Col(9, "right"))
    ops: list[Op] = [
        Center('Restauracja "Pod Wawelem" Sp. z o.o.'),
        Center("ul. Grodzka 42, 31-044 Kraków"),
        Center("NIP 676-123-45-67"),
        Row((s.when.split()[0], f"nr wydr. {s.no}"), (Col(None), Col(16, "right"))),
        Center("PARAGON FISKALNY", bold=True),
        Rule(),
    ]
    for ln in s.lines:
        row = Row((ln.name, f"{ln.qty} x{COMMA(ln.price)}", f"{COMMA(ln.amount)} {ln.tag}"), item)
        if text_width(ln.name) > widths(row, cols)[0]:  # a long name on a line of its own
            ops.append(Text(ln.name))
            row = replace(row, cells=("", *row.cells[1:]))
        ops.append(row)
    ops.append(Rule())
    taxes = Decimal(0)
    for tag, rate in PL_PTU.items():
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            ops.append(pair(f"Sprzed. opod. PTU {tag}", COMMA(gross)))
            vat = included_tax(gross, rate)
            taxes += vat
            ops.append(pair(f"Kwota PTU {tag} {rate},00 %", COMMA(vat)))
    ops += [
        pair("SUMA PTU", COMMA(taxes)),
        pair("SUMA PLN", COMMA(s.total), bold=True, tall=True),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"{COMMA(t.amount)} PLN"))
    if s.cash:
        ops.append(pair("Reszta", f"{COMMA(s.change)} PLN"))
    ops += [
        Row((f"00{s.no[-3:]} #Kasa 1 Kelner: Ania", s.when.split()[1]), (Col(None), Col(5, "right"))),
        Center("BFA 12345678"),
        Blank(),
        Center("Dziękujemy i zapraszamy ponownie!"),
    ]
    return ops


RU_VAT = Decimal(22)  # НДС since 1 January 2026


def ru_kofeynya_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Капучино 0,3", "240.00"),
        ("Латте 0,4", "280.00"),
        ("Американо 0,3", "190.00"),
        ("Раф ванильный 0,4", "320.00"),
        ("Флэт уайт", "260.00"),
        ("Круассан миндальный", "210.00"),
        ("Сырники со сметаной", "350.00"),
        ("Чизкейк Нью-Йорк", "330.00"),
    ]
    lines = pick(rng, catalogue, (2, 4), qtys=(1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    tenders = (
        (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
        if v != 1
        else (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, (500, 1000, 2000, 5000))),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(10, 999)}",
        dated_when=dated(rng, "{d}.{m}.26 {H}:{M}"),
    )


def ru_kofeynya(s: Sale, cols: int) -> list[Op]:
    ops: list[Op] = [
        Center('ООО "ЗЕРНО И МОЛОКО"'),
        Center("г. Москва, ул. Покровка, д. 17"),
        Center('Кофейня "Зерно"'),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Row((s.when, f"СМЕНА 214 ЧЕК {s.no}"), (Col(None), Col(20, "right"))),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        ops.append(Text(f"{i}. {ln.name}"))
        ops.append(pair(f"   {ln.qty} x {COMMA(ln.price)}", f"={COMMA(ln.amount)}", right=14))
        ops.append(pair(f"   НДС {RU_VAT}%", f"={COMMA(included_tax(ln.amount, RU_VAT))}", right=14))
    vat = sum((included_tax(ln.amount, RU_VAT) for ln in s.lines), Decimal(0))
    ops += [
        Rule(),
        pair("ИТОГ", f"={COMMA(s.total)}", bold=True, tall=True, right=14),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"={COMMA(t.amount)}", right=14))
    if s.cash:
        ops.append(pair("СДАЧА", f"={COMMA(s.change)}", right=14))
    ops += [
        pair(f"СУММА НДС {RU_VAT}%", f"={COMMA(vat)}", right=14),
        Rule(),
        Text("КАССИР: Соколова Е."),
        Text("СНО: ОСН"),
        Text("САЙТ ФНС: www.nalog.gov.ru"),
        Text("РН ККТ: 0004321987012345"),
        Text("ЗН ККТ: 0491230056789012"),
        Text(f"ФН: 7384440800123456  ФД: 41{s.no}  ФП: 3021{s.no}88"),
        QR(
            f"t=2026{s.iso[5:7]}{s.iso[8:10]}T{s.iso[11:13]}{s.iso[14:16]}&s={s.total}&fn=7384440800123456"
            f"&i=41{s.no}&fp=3021{s.no}88&n=1"
        ),
        Center("СПАСИБО ЗА ПОКУПКУ!"),
    ]
    return ops


def zh_hk_cafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("凍檸茶", "28.00"),
        ("港式奶茶", "26.00"),
        ("鴛鴦", "26.00"),
        ("菠蘿油", "18.00"),
        ("西多士", "32.00"),
        ("餐蛋麵", "46.00"),
        ("沙嗲牛肉麵", "48.00"),
        ("叉燒煎蛋飯", "62.00"),
        ("焗豬扒飯", "78.00"),
    ]
    lines = pick(rng, catalogue, (3, 5), qtys=(1, 1, 2))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    service = (subtotal / 10).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).quantize(Decimal("0.01"))
    total = subtotal + service
    tenders = (
        (Tender("cash", "現金", tendered(rng, total, (100, 200, 300, 500, 1000))),)
        if v == 1
        else (Tender("other", "八達通", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999):06d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        surcharge=service,
        subtotal_printed=True,
    )


def zh_hk_cafe(s: Sale, cols: int) -> list[Op]:
    c = (Col(None), Col(4, "right"), Col(10, "right"))
    ops: list[Op] = [
        Title("金華茶餐廳"),
        Center("九龍旺角花園街88號地下"),
        Center("電話: 2391 0000"),
        Blank(),
        Row((f"單號: {s.no}", "檯號: 12"), (Col(None), Col(12))),
        Row(("人數: 2", "收銀: 陳"), (Col(None), Col(12))),
        Text(f"日期: {s.when}"),
        Rule(),
        Row(("品名", "數量", "金額"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), POINT(ln.amount)), c))
    ops += [
        Rule(),
        pair("小計", POINT(s.subtotal)),
        pair("加一服務費 10%", POINT(s.surcharge)),
        pair("合計", f"HK${POINT(s.total)}", bold=True, tall=True, right=14),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"HK${POINT(t.amount)}", right=14))
    if s.cash:
        ops.append(pair("找續", f"HK${POINT(s.change)}", right=14))
    else:
        ops += [
            Text(f"八達通號碼: 3318{s.no[-4:]}"),
            pair("餘額", "HK$86.40"),
        ]
    ops += [Blank(), Center("多謝光臨 歡迎再來"), Center("Thank you")]
    return ops


# -- templates added 2026-12-07 (second session): three to train, three to dev -------------------------------

RU_NDS = {"22": Decimal(22), "10": Decimal(10)}  # НДС from 1 January 2026: 22 %, and 10 % on staple food


def ru_supermarket_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [  # (name, price, НДС rate)
        ("Молоко Домик в деревне 2,5% 930мл", "89.99", "10"),
        ("Хлеб Дарницкий формовой 700г", "52.49", "10"),
        ("Сыр Российский 45% 200г", "219.99", "10"),
        ("Яйцо куриное С1 10шт", "124.90", "10"),
        ("Масло сливочное 82,5% 180г", "189.99", "10"),
        ("Крупа гречневая ядрица 900г", "94.99", "10"),
        ("Сосиски Молочные 450г", "259.99", "10"),
        ("Кефир 3,2% 900г", "84.99", "10"),
        ("Кофе молотый Арабика 250г", "449.99", "22"),
        ("Шоколад молочный 90г", "99.99", "22"),
        ("Вода минеральная газ. 1,5л", "59.99", "22"),
        ("Средство для мытья посуды 500мл", "149.99", "22"),
        ("Зубная паста 100мл", "179.99", "22"),
        ("Пакет-майка большой", "9.99", "22"),
    ]
    lines = pick(rng, catalogue, (3, 6), qtys=(1, 1, 1, 2, 2, 3))
    name, price = rng.choice(
        (
            ("Бананы весовые", "139.99"),
            ("Огурцы гладкие весовые", "189.99"),
            ("Яблоки Голден весовые", "159.99"),
        )
    )
    weight = Decimal(rng.choice(("0.734", "1.136", "0.512", "1.458", "0.967")))
    lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag="10"))
    if v in (0, 1):
        # The loyalty card's prices: one or two articles cheaper with the card, the discount under the item.
        for k in rng.sample(range(len(lines)), rng.randint(1, 2)):
            off = (lines[k].amount * rng.choice((10, 15, 20, 25)) / 100).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
            lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, (500, 1000, 2000, 5000, 10000))),)
        if v in (1, 3)
        else (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(12, 480)}",
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}"),
    )


def ru_supermarket(s: Sale, cols: int) -> list[Op]:
    # A 54-FZ fiscal receipt of a chain supermarket: each article numbered, its price * quantity = amount on
    # the line under it, the loyalty card's СКИДКА and the article's НДС rate under that; ИТОГ, what was
    # received and the change; the НДС sums; the bank slip of a card payment; the fiscal block and its QR.
    item = (Col(3), Col(None), Col(12, "right"))
    no = int(s.no)
    ops: list[Op] = [
        Title("СЕМЕЙНЫЙ"),
        Center('ООО "Торговый дом Семейный"'),
        Center("420111, г. Казань, ул. Баумана, д. 44"),
        Center("ИНН 1655123456"),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Row((f"Смена № {231 + no % 7}", f"Чек № {no}"), (Col(None), Col(12, "right"))),
        Text(s.when),
        Text("Кассир: Гарипова Л.Р."),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        qty = f"{qty_str(ln.qty)} кг" if ln.qty != ln.qty.to_integral() else str(ln.qty)
        ops += [
            Text(f"{i}. {ln.name}"),
            Row(("", f"{POINT(ln.price)} * {qty}", f"={POINT(ln.amount)}"), item),
        ]
        if ln.discount:
            ops.append(Row(("", "СКИДКА", f"={POINT(ln.discount)}"), item))
        ops.append(Text(f"   НДС {ln.tag}%"))
    ops += [Rule(), pair("ИТОГ", f"={POINT(s.total)}", bold=True, tall=True), Text("ПОЛУЧЕНО:")]
    for t in s.tenders:
        ops.append(pair(t.label, f"={POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("СДАЧА", f"={POINT(s.change)}"))
    for rate in ("22", "10"):
        gross = sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            ops.append(pair(f"СУММА НДС {rate}%", f"={POINT(included_tax(gross, RU_NDS[rate]))}"))
    fd, fp = 48210 + no, 1837465012 + no * 7919
    ops += [
        Rule(),
        Text("Место расчетов: магазин № 0417"),
        Text("СНО: ОСН"),
        Text("ЗН ККТ: 00106712345678"),
        Text("РН ККТ: 0006754321012345"),
        Text("ФН: 7281440701234567"),
        Row((f"ФД: {fd}", f"ФП: {fp}"), (Col(None), Col(16, "right"))),
        Text("Сайт ФНС: www.nalog.gov.ru"),
        QR(
            f"t={s.iso[:10].replace('-', '')}T{s.iso[11:16].replace(':', '')}&s={POINT(s.total)}"
            f"&fn=7281440701234567&i={fd}&fp={fp}&n=1"
        ),
    ]
    if not s.cash:
        # The bank terminal's slip, printed on the same paper after the receipt.
        ops += [
            Rule(),
            Center("ОПЛАТА КАРТОЙ"),
            Row(("Терминал: 10412731", f"Чек: {no:04d}"), (Col(None), Col(10, "right"))),
            Text("Карта: МИР ****4821"),
            Text(f"Сумма: {POINT(s.total)}"),
            Text(f"Код авторизации: {(no * 7331) % 900000 + 100000}"),
            Center("ОДОБРЕНО"),
        ]
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    if off:  # the loyalty card was shown: its prices came off
        ops += [
            Rule(),
            Text('Карта "Семейная": 2778****4821'),
            Text(f"Начислено баллов: {int(s.total // 100)}"),
            Text(f"Баланс баллов: {int(s.total // 100) + 1180 + no}"),
            Text(f"Ваша выгода: {POINT(off)}"),
        ]
    ops += [Blank(), Center("СПАСИБО ЗА ПОКУПКУ!"), Center("Горячая линия 8-800-555-12-34")]
    return ops


RUB_SPACED = NumberStyle(group=" ")  # 1 190.00


def ru_restoran_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Салат Цезарь с курицей", "590.00"),
        ("Салат Оливье", "420.00"),
        ("Борщ с пампушками", "450.00"),
        ("Пельмени домашние", "520.00"),
        ("Бефстроганов с пюре", "690.00"),
        ("Стейк из лосося", "1190.00"),
        ("Драники со сметаной", "380.00"),
        ("Хлеб в ассортименте", "60.00"),
        ("Морс клюквенный 0,3л", "190.00"),
        ("Чай черный чайник", "290.00"),
        ("Пиво светлое 0,5л", "350.00"),
        ("Водка 50мл", "250.00"),
        ("Медовик", "340.00"),
        ("Капучино", "240.00"),
    ]
    lines = pick(rng, catalogue, (3, 7), qtys=(1, 1, 1, 2, 2, 3, 4))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    # The guest's discount card (10 % off the order), then the service charge on what is left.
    savings = (subtotal / 10).quantize(Decimal("0.01"), ROUND_HALF_UP) if v == 2 else Decimal(0)
    service = ((subtotal - savings) / 10).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = subtotal - savings + service
    if v == 1:
        tenders: tuple[Tender, ...] = (
            Tender(
                "cash",
                "НАЛИЧНЫЕ",
                tendered(rng, total, (1000, 2000, 3000, 5000, 10000, 15000, 20000, 30000, 40000)),
            ),
        )
    elif v == 3:  # the party splits the bill: some cash, the rest by card
        cash = Decimal(500 if total <= 1500 else rng.choice((1000, 1000, 2000) if total > 2500 else (1000,)))
        cash = cash.quantize(total)
        tenders = (Tender("cash", "НАЛИЧНЫЕ", cash), Tender("card", "ОПЛАТА КАРТОЙ", total - cash))
    else:
        tenders = (Tender("card", "ОПЛАТА КАРТОЙ", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 9999)}",
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}"),
        savings=savings,
        savings_label="Скидка 10% (карта гостя)",
        surcharge=service,
        subtotal_printed=True,
    )


def ru_restoran(s: Sale, cols: int) -> list[Op]:
    # An R-Keeper/iiko guest bill (СЧЕТ) closed after payment: table, guests and waiter; name, quantity and
    # amount columns; the order's sum, a discount card, 10 % обслуживание on top, ВСЕГО К ОПЛАТЕ in roubles,
    # how it was paid; a QR code for tips. The fiscal receipt is a separate document from the register.
    c = (Col(None), Col(6, "right"), Col(11, "right"))
    no = int(s.no)
    opened = datetime.fromisoformat(s.iso) - timedelta(minutes=35 + no % 80)
    ops: list[Op] = [
        Title("ТРАКТИР ПОДВОРЬЕ"),
        Center('ООО "Подворье"'),
        Center("г. Екатеринбург, ул. Малышева, 36"),
        Center("ИНН 6671234567"),
        Center("тел. +7 (343) 355-12-34"),
        Blank(),
        Center(f"СЧЕТ № {no}", bold=True),
        Row((f"СТОЛ: {no % 24 + 1}", f"ГОСТЕЙ: {no % 5 + 2}"), (Col(None), Col(10, "right"))),
        Text("ОФИЦИАНТ: Смирнова Анна"),
        Text(f"Открыт: {opened:%H:%M}"),
        Text(f"Закрыт: {s.when}"),
        Rule(),
        Row(("Наименование", "Кол-во", "Сумма"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), RUB_SPACED(ln.amount)), c))
    ops += [Rule(), pair("Сумма заказа:", RUB_SPACED(s.subtotal))]
    if s.savings:
        ops.append(pair(f"{s.savings_label}:", RUB_SPACED(-s.savings)))
    ops += [
        pair("Обслуживание 10%:", RUB_SPACED(s.surcharge)),
        pair("ВСЕГО К ОПЛАТЕ:", f"{RUB_SPACED(s.total)} руб.", bold=True, tall=True, right=16),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, RUB_SPACED(t.amount)))
    if s.cash:
        ops.append(pair("СДАЧА", RUB_SPACED(s.change)))
    ops += [
        Text("Кассир: Федорова Е."),
        Blank(),
        Center("Оставить чаевые официанту"),
        Center("можно по QR-коду"),
        QR(f"https://pay.cloudtips.ru/p/{hashlib.sha1(s.no.encode()).hexdigest()[:8]}"),
        Center("Спасибо! Ждем Вас снова!"),
    ]
    return ops


PL_STAWKI = {"A": Decimal(23), "B": Decimal(8), "C": Decimal(5)}  # PTU rates by the letters of the register


def pl_market_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [  # (name, price, PTU letter)
        ("Chleb pszenny krojony 500g", "3.99", "C"),
        ("Mleko UHT 3,2% 1L", "3.49", "C"),
        ("Masło ekstra 82% 200g", "7.49", "C"),
        ("Jaja z wolnego wybiegu L 10szt", "12.99", "C"),
        ("Ser gouda plastry 150g", "5.99", "C"),
        ("Jogurt naturalny 400g", "3.29", "C"),
        ("Parówki z szynki 200g", "6.49", "C"),
        ("Sok pomarańczowy 1L", "5.49", "C"),
        ("Tulipany pęczek 7szt", "14.99", "B"),
        ("Ibuprofen 200mg 20 tabl.", "8.99", "B"),
        ("Kawa mielona 500g", "24.99", "A"),
        ("Piwo jasne pełne 0,5L puszka", "3.69", "A"),
        ("Płyn do naczyń 1L", "6.99", "A"),
        ("Papier toaletowy 8 rolek", "12.49", "A"),
    ]
    lines = pick(rng, catalogue, (3, 6), qtys=(1, 1, 1, 2, 2, 3))
    name, price = rng.choice(
        (("Banany luz", "5.99"), ("Pomidory malinowe luz", "12.99"), ("Ziemniaki luz", "2.49"))
    )
    weight = Decimal(rng.choice(("0.734", "1.215", "0.486", "1.870")))
    lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag="C"))
    if v in (0, 1):
        # Promotions with the chain's app: a Rabat under one or two articles.
        for k in rng.sample(range(len(lines)), rng.randint(1, 2)):
            off = (lines[k].amount * rng.choice((20, 25, 30, 50)) / 100).quantize(
                Decimal("0.01"), ROUND_HALF_UP
            )
            lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    tenders = (
        (Tender("cash", "Gotówka", tendered(rng, total, (20, 50, 100, 200, 300, 500))),)
        if v in (1, 3)
        else (Tender("card", "Karta płatnicza", total),)
    )
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 999999):06d}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}"),
    )


def pl_market(s: Sale, cols: int) -> list[Op]:
    # A discounter's PARAGON FISKALNY from an online register (kasa online): the date and the printout number
    # at the top, the time at the foot; each article with quantity x price and its value with the PTU letter
    # (a long name on a line of its own), a Rabat with the value after it; the sales and the PTU per letter,
    # SUMA PTU and SUMA PLN; the tender; the register's unique number and the hash of the document.
    c = (Col(None), Col(12, "right"), Col(10, "right"))
    date_, time_ = s.when.split()
    ops: list[Op] = [
        Title("DYSKONT GROSIK"),
        Center("Grosik Polska Sp. z o.o."),
        Center("ul. Piotrkowska 120, 90-006 Łódź"),
        Center("Sklep nr 3127"),
        Center("NIP 725-123-45-67"),
        Row((date_, f"nr wydr.{s.no}"), (Col(None), Col(16, "right"))),
        Center("PARAGON FISKALNY", bold=True),
        Rule(),
    ]
    room = widths(Row(("", "", ""), c), cols)[0]
    for ln in s.lines:
        qty = f"{qty_str(ln.qty, ',')} x{COMMA(ln.price)}"
        value = f"{COMMA(ln.amount)} {ln.tag}"
        if text_width(ln.name) > room:
            ops += [Text(ln.name), Row(("", qty, value), c)]
        else:
            ops.append(Row((ln.name, qty, value), c))
        if ln.discount:
            ops += [
                Row(("  Rabat", "", f"{COMMA(ln.discount)} {ln.tag}"), c),
                Row(("", "", f"{COMMA(ln.net)} {ln.tag}"), c),
            ]
    ops.append(Rule())
    taxes = Decimal(0)
    for tag in sorted({ln.tag for ln in s.lines}):
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        tax = included_tax(gross, PL_STAWKI[tag])
        taxes += tax
        ops += [
            pair(f"SPRZEDAŻ OPODATKOWANA {tag}", COMMA(gross)),
            pair(f"PTU {tag} {COMMA(PL_STAWKI[tag])}%", COMMA(tax)),
        ]
    ops += [
        pair("SUMA PTU", COMMA(taxes)),
        pair("SUMA PLN", COMMA(s.total), bold=True, tall=True),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Reszta", COMMA(s.change)))
    digest = hashlib.sha1(f"{s.no}/{s.when}".encode()).hexdigest().upper()
    ops += [
        Rule(),
        Row((f"{int(s.no) % 10000:05d} #Kasa: 3", f"Kasjer: 12  {time_}"), (Col(None), Col(18, "right"))),
        Center(digest[: min(40, cols)]),
        Center("BFA 21034567"),
        Text(f"Nr transakcji: {int(s.no) * 3 % 100000:05d}"),
    ]
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    if off:
        ops += [
            Rule(),
            Text("Karta Grosik+: ****7305"),
            Text(f"Zaoszczędziłeś z aplikacją: {COMMA(off)} zł"),
        ]
    ops += [Blank(), Center("Dziękujemy za zakupy!"), Center("Zwroty i reklamacje tylko z paragonem")]
    return ops


def zh_hk_bakery_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("菠蘿包", "9.00"),
        ("雞尾包", "8.50"),
        ("腸仔包", "10.00"),
        ("蛋撻", "8.00"),
        ("椰撻", "8.50"),
        ("火腿芝士包", "12.50"),
        ("吞拿魚包", "12.00"),
        ("墨西哥包", "9.00"),
        ("叉燒餐包", "11.50"),
        ("老婆餅", "7.50"),
        ("瑞士卷(原味)", "52.00"),
        ("芝士蛋糕(件)", "28.00"),
        ("鮮奶麵包(條裝)", "22.00"),
        ("港式奶茶", "18.00"),
    ]
    lines = pick(rng, catalogue, (3, 6), qtys=(1, 1, 2, 2, 3, 4, 6))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    # A member's 10 % off the bill, to the ten cents (Hong Kong's smallest coin).
    savings = (subtotal / 10).quantize(Decimal("0.1"), ROUND_DOWN) if v in (0, 3) else Decimal(0)
    total = subtotal - savings
    if v == 1:
        tenders: tuple[Tender, ...] = (
            Tender("cash", "現金", tendered(rng, total, (20, 50, 100, 150, 200, 500, 1000, 2000))),
        )
    elif v in (2, 3):
        tenders = (Tender("card", "信用卡 VISA" if v == 2 else "信用卡 MASTER", total),)
    else:
        tenders = (Tender("other", "八達通", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"0417-{rng.randint(1, 999999):06d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        savings=savings,
        savings_label="會員9折",
        subtotal_printed=True,
    )


def zh_hk_bakery(s: Sale, cols: int) -> list[Op]:
    # A Hong Kong bakery chain's receipt in Big5: 單號, 收銀員, a DD/MM/YYYY date; 貨品, 數量, 單價
    # and 金額; 小計, the member's 折扣, 總數 in HK$; 八達通 with its card number and remaining value,
    # 現金 with 找續, or a credit card's approval; the member's points. No service charge: that is a
    # restaurant's.
    c = (Col(None), Col(4, "right"), Col(7, "right"), Col(8, "right"))
    seq = int(s.no[-6:])
    ops: list[Op] = [
        Title("金麥餅店"),
        Center("GOLDEN WHEAT BAKERY"),
        Center("九龍旺角彌敦道688號地舖"),
        Center("電話: 2388 1234"),
        Rule(),
        Text(f"單號: {s.no}"),
        Row(("分店: 旺角", "機號: 03"), (Col(None), Col(10))),
        Text(f"收銀員: 陳小姐 ({1020 + seq % 9})"),
        Text(f"日期: {s.when}"),
        Rule(),
        Row(("貨品", "數量", "單價", "金額"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), POINT(ln.price), POINT(ln.amount)), c))
    ops += [Rule(), pair(f"小計 ({pieces(s.lines)}件)", POINT(s.subtotal), right=14)]
    if s.savings:
        ops.append(pair(f"折扣 ({s.savings_label})", POINT(-s.savings), right=14))
    ops.append(pair("總數", f"HK${POINT(s.total)}", bold=True, tall=True, right=14))
    for t in s.tenders:
        ops.append(pair(t.label, f"${POINT(t.amount)}", right=14))
    if s.cash:
        ops.append(pair("找續", f"${POINT(s.change)}", right=14))
    elif s.tenders[0].method == "other":
        ops += [
            Text(f"八達通號碼: {31400000 + seq % 99999}(6)"),
            Text(f"扣除金額: ${POINT(s.total)}"),
            Text(f"餘額: ${POINT(Decimal(seq % 400) + Decimal('12.30'))}"),
            Text("機號: 0A17C2"),
        ]
    else:
        ops += [
            Text("卡號: ************4821"),
            Text(f"批准號碼: {seq % 900000 + 100000}"),
            Text(f"參考編號: {seq:012d}"),
        ]
    if s.savings:
        earned = int(s.total)
        ops += [
            Rule(),
            Text("會員號碼: 8520****1234"),
            Text(f"是次積分: {earned}"),
            Text(f"累積積分: {WHOLE(Decimal(earned + 2400 + seq % 3000))}"),
        ]
    ops += [Blank(), Center("多謝惠顧 歡迎再臨"), Center("Thank you!")]
    return ops


COP = NumberStyle(",", ".", 0)  # Colombian pesos: whole, grouped with points ($12.900)
CO_IVA = {"A": Decimal(19), "B": Decimal(5), "E": Decimal(0)}  # E: excluded from IVA


def es_co_tienda_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [  # (name, price, IVA class)
        ("ARROZ BLANCO X 1000 G", "4650", "E"),
        ("LECHE ENTERA 1100 ML", "4900", "E"),
        ("HUEVOS AA X 30", "17900", "E"),
        ("PANELA REDONDA 1000 G", "5200", "E"),
        ("CAFE TOSTADO MOLIDO 500 G", "18900", "B"),
        ("CHOCOLATE DE MESA 250 G", "7800", "B"),
        ("PASTA SPAGHETTI 500 G", "3900", "B"),
        ("ACEITE DE GIRASOL 900 ML", "11900", "B"),
        ("GASEOSA COLA 1.5 L", "4500", "A"),
        ("DETERGENTE EN POLVO 1 KG", "12500", "A"),
        ("PAPEL HIGIENICO X 4", "9800", "A"),
        ("JABON DE BARRA 300 G", "3400", "A"),
        ("CERVEZA LATA 330 ML", "3200", "A"),
        ("GALLETAS SALTINAS X 3", "5600", "A"),
    ]
    lines = pick(rng, catalogue, (3, 6), places=0, qtys=(1, 1, 1, 2, 2, 3))
    name, price = rng.choice(
        (("TOMATE CHONTO KG", "4980"), ("PAPA PASTUSA KG", "2890"), ("CEBOLLA CABEZONA KG", "3650"))
    )
    weight = Decimal(rng.choice(("0.865", "1.240", "0.530", "2.015")))
    lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), 0, tag="E"))
    if v in (0, 2):
        # The week's offer: a few hundred pesos off one article, printed under it.
        k = rng.randrange(len(lines))
        off = min(Decimal(rng.choice((500, 1000, 1500, 2000))), lines[k].amount / 2).quantize(Decimal(1))
        lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    notes = (10000, 20000, 50000, 100000, 150000, 200000, 300000, 400000)
    if v in (0, 3):
        tenders: tuple[Tender, ...] = (Tender("cash", "EFECTIVO", tendered(rng, total, notes)),)
    elif v == 1:
        tenders = (Tender("card", "TARJETA DÉBITO", total),)
    else:
        tenders = (Tender("other", "NEQUI", total),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"MF01-{rng.randint(1000, 499999)}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}:{S}"),
        subtotal_printed=True,
    )


def es_co_tienda(s: Sale, cols: int) -> list[Op]:
    # A Colombian neighbourhood supermarket's POS sale (documento equivalente electrónico): NIT and the DIAN
    # resolution; whole pesos grouped with points; each article with its amount and IVA class letter, the
    # quantity x unit price under it; SUBTOTAL, DESCUENTOS, TOTAL A PAGAR; EFECTIVO and CAMBIO, a debit card
    # or Nequi; the IVA table (base, IVA) by class; the CUDE and its QR code.
    item = (Col(None), Col(10, "right"), Col(1))
    date_, time_ = s.when.split()
    seq = int(s.no.split("-")[1])
    ops: list[Op] = [
        Title("MERCAFÁCIL"),
        Center("INVERSIONES MERCAFÁCIL S.A.S."),
        Center("NIT 901.234.567-8"),
        Center("Responsable de IVA"),
        Center("Cra. 7 # 45-23, Bogotá D.C."),
        Center("Tel. 601 345 6789"),
        Blank(),
        Center("FACTURA DE VENTA POS", bold=True),
        Center("Documento equivalente electrónico"),
        Text(f"No. {s.no}"),
        Text(f"Fecha: {date_}  Hora: {time_}"),
        Text("Caja: 04   Cajero: Luz Marina R."),
        Text("Cliente: CONSUMIDOR FINAL"),
        Text("C.C./NIT: 222222222222"),
        Rule(),
        Row(("DESCRIPCIÓN", "VALOR", ""), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"${COP(ln.amount)}", ln.tag), item))
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"  {qty_str(ln.qty, ',')} KG x ${COP(ln.price)}"))
        elif ln.qty != 1:
            ops.append(Text(f"  {ln.qty} UN x ${COP(ln.price)}"))
        if ln.discount:
            ops.append(Row(("  DESCUENTO OFERTA", f"-${COP(-ln.discount)}", ln.tag), item))
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    ops += [Rule(), Text(f"Total artículos: {pieces(s.lines)}"), pair("SUBTOTAL", f"${COP(s.subtotal)}")]
    if off:
        ops.append(pair("DESCUENTOS", f"-${COP(-off)}"))
    ops.append(pair("TOTAL A PAGAR", f"${COP(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"${COP(t.amount)}"))
    if s.cash:
        ops.append(pair("CAMBIO", f"${COP(s.change)}"))
    elif s.tenders[0].method == "card":
        ops += [
            Text("Franquicia: MAESTRO  ****4821"),
            Text(f"Aprobación: {seq * 37 % 900000 + 100000}  Recibo: {seq % 10000:04d}"),
        ]
    else:
        ops.append(Text(f"Ref. Nequi: M{seq * 7919 % 10**8:08d}"))
    iva = (Col(None), Col(9, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("TARIFA", "BASE", "IVA", "TOTAL"), iva)]
    for tag in sorted({ln.tag for ln in s.lines}):
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        tax = included_tax(gross, CO_IVA[tag], 0)
        label = f"{tag} EXCL" if tag == "E" else f"{tag} {CO_IVA[tag]}%"
        ops.append(Row((label, f"${COP(gross - tax)}", f"${COP(tax)}", f"${COP(gross)}"), iva))
    cude = hashlib.sha384(f"{s.no}{s.iso}{s.total}".encode()).hexdigest()
    ops += [
        Rule(),
        Text("Resolución DIAN No. 18764000012345"),
        Text("de 2025-08-01, MF01 1 al 500000"),
        Text("CUDE:"),
        *[Text(cude[i : i + cols]) for i in range(0, len(cude), cols)],
        QR(f"https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey={cude}"),
        Text("Software: POS Andino 5.2"),
        Center("¡Gracias por su compra!"),
    ]
    return ops


CA_GST, CA_PST = Decimal(5), Decimal(7)  # British Columbia: GST on prepared food, PST 7 % on goods only


def ca_taxes(lines: Sequence[Line]) -> tuple[Decimal, Decimal]:
    """GST on the items coded G or GP, PST on those coded GP (zero-rated groceries, code Z, bear neither)."""
    cent = Decimal("0.01")
    gst_base = sum((ln.amount for ln in lines if "G" in ln.tag), Decimal(0))
    pst_base = sum((ln.amount for ln in lines if "P" in ln.tag), Decimal(0))
    return (gst_base * CA_GST / 100).quantize(cent, ROUND_HALF_UP), (pst_base * CA_PST / 100).quantize(
        cent, ROUND_HALF_UP
    )


def en_ca_cafe_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [  # (name, price, tax code, modifiers)
        ("Latte 16oz", "5.75", "G", ("Oat milk", "Extra hot")),
        ("Cappuccino 12oz", "4.95", "G", ("Extra shot",)),
        ("Americano 16oz", "3.85", "G", ("Room for milk",)),
        ("London Fog 16oz", "5.45", "G", ("Half sweet",)),
        ("Drip Coffee 12oz", "2.95", "G", ()),
        ("Café au lait 12oz", "4.25", "G", ()),
        ("Butter Croissant", "3.95", "G", ("Warmed",)),
        ("Nanaimo Bar", "4.25", "G", ()),
        ("Breakfast Sandwich", "8.95", "G", ("No cheese",)),
        ("Blueberry Muffin", "3.75", "G", ()),
        ("Whole Bean Coffee 340g", "19.50", "Z", ("Ground for drip",)),
        ("Travel Mug 12oz", "24.00", "GP", ()),
    ]
    chosen = rng.sample(catalogue, rng.randint(2, 5))
    lines = [
        Line(
            name,
            Decimal(rng.choice((1, 1, 1, 2))),
            Decimal(price),
            tag=tag,
            note="\n".join(mods[: rng.randint(0, 2)]),
        )
        for name, price, tag, mods in chosen
    ]
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    gst, pst = ca_taxes(lines)
    due = subtotal + gst + pst
    tip, rounding = Decimal(0), Decimal(0)
    if v == 1:  # no pennies since 2013: a cash total is rounded to the nickel
        rounding = due - round_to(due * 20, 1) / 20
        tenders: tuple[Tender, ...] = (
            Tender("cash", "Cash", tendered(rng, due - rounding, (5, 10, 20, 40, 50, 100, 200, 300))),
        )
    else:
        if v != 3:  # the tip the customer keyed on the terminal
            tip = (due * rng.choice((10, 15, 18, 20)) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        label = {0: "Visa", 2: "Debit"}.get(v, "Mastercard")
        tenders = (Tender("card", label, due + tip),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 299):03d}",
        dated_when=dated(rng, "{b} {d}, {y} {I}:{M} {p}"),
        savings=rounding,
        savings_label="Rounding",
        tax_added=gst + pst,
        surcharge=tip,
        subtotal_printed=True,
    )


def en_ca_cafe(s: Sale, cols: int) -> list[Op]:
    # A Vancouver coffee shop: order number, server and a 12-hour clock; quantity, item and amount with the
    # tax code (G: GST, GP: GST and PST, Z: zero-rated beans), modifiers under the drink; Subtotal, GST 5 %,
    # PST 7 % on merchandise, the tip keyed on the terminal, Total; cash rounded to the nickel; the card
    # terminal's transaction record with the purchase, the tip and the total; the GST registration number.
    c = (Col(2, "right"), Col(None), Col(8, "right"), Col(2))
    gst, pst = ca_taxes(s.lines)
    no = int(s.no)
    ops: list[Op] = [
        Title("GASTOWN BEAN CO."),
        Center("Coffee & Bakery"),
        Center("318 Water St"),
        Center("Vancouver, BC V6B 1B6"),
        Center("(604) 555-0142"),
        Blank(),
        Row((f"Order #{s.no}", "For Here" if no % 3 else "To Go"), (Col(None), Col(8, "right"))),
        Text(f"Server: {('Jamie', 'Priya', 'Noah')[no % 3]}   POS 2"),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, POINT(ln.amount), ln.tag), c))
        ops += [Text(f"     {mod}") for mod in ln.note.splitlines()]
    ops += [Rule(), pair("Subtotal", POINT(s.subtotal)), pair("GST 5%", POINT(gst))]
    if pst:
        ops.append(pair("PST 7%", POINT(pst)))
    if s.surcharge:
        ops.append(pair("Tip", POINT(s.surcharge)))
    if s.savings:
        ops.append(pair("Rounding", POINT(-s.savings)))
    ops.append(pair("Total", f"${POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"${POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("Change", f"${POINT(s.change)}"))
    else:
        debit = s.tenders[0].label == "Debit"
        ops += [
            Rule(),
            Center("TRANSACTION RECORD"),
            Text("Type: PURCHASE"),
            Text("Acct: CHEQUING" if debit else f"Card: {s.tenders[0].label.upper()} ************4821"),
            Text("Entry: TAP" if no % 2 else "Entry: CHIP"),
            pair("Amount:", f"${POINT(s.total - s.surcharge)}"),
            pair("Tip:", f"${POINT(s.surcharge)}"),
            pair("TOTAL:", f"${POINT(s.total)}"),
            Text(f"Auth #: {no * 4211 % 900000 + 100000}   Ref #: 6601{no:04d}"),
            Center("00 APPROVED - THANK YOU"),
            Center("CUSTOMER COPY"),
        ]
    ops += [
        Blank(),
        Text("GST #: 81234 5678 RT0001"),
        Center("Thanks for stopping by!"),
        Center("gastownbean.example.com"),
    ]
    return ops


# -- Russian 54-FZ receipts, 2026-12-07 (second session): two to train (ru-kafe-set, ru-hozmag), two to dev --

RUB_COMMA_SPACED = NumberStyle(",", " ")  # 3 499,00


def ru_fns_qr(s: Sale, fn: str, fd: int, fp: int) -> QR:
    """The QR code of a 54-FZ receipt: its date and time, total, ФН, ФД, ФП and n=1 (приход)."""
    t = f"{s.iso[:10].replace('-', '')}T{s.iso[11:16].replace(':', '')}"
    return QR(f"t={t}&s={POINT(s.total)}&fn={fn}&i={fd}&fp={fp}&n=1")


def ru_kafe_set_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Круассан классический", "129.00"),
        ("Круассан миндальный", "189.00"),
        ("Синнабон с корицей", "159.00"),
        ("Пирожок с капустой", "69.00"),
        ("Слойка с вишней", "99.00"),
        ("Хачапури по-аджарски", "289.00"),
        ("Сырники со сметаной", "279.00"),
        ("Каша овсяная с ягодами", "219.00"),
        ("Сэндвич с ветчиной и сыром", "249.00"),
        ("Суп дня 250 г", "229.00"),
        ("Капучино 0,3 л", "189.00"),
        ("Латте 0,4 л", "229.00"),
        ("Американо 0,3 л", "149.00"),
        ("Раф ванильный 0,4 л", "259.00"),
        ("Чай черный 0,4 л", "119.00"),
        ("Морс клюквенный 0,3 л", "139.00"),
    ]
    lines = pick(rng, catalogue, (2, 5), qtys=(1, 1, 1, 1, 2, 2, 3))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    savings, label = Decimal(0), ""
    if v == 1:  # the chain's guest card: 10 % off the check
        savings, label = (subtotal / 10).quantize(Decimal("0.01"), ROUND_HALF_UP), "СКИДКА ПО КАРТЕ 10%"
    elif v == 3:  # bonus points written off, a point a rouble, up to half the check
        points = min(rng.choice((50, 80, 100, 150)), int(subtotal // 2))
        savings, label = Decimal(points).quantize(Decimal("0.01")), "СПИСАНО БАЛЛОВ"
    total = subtotal - savings
    if v == 0:
        tenders: tuple[Tender, ...] = (
            Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, (100, 200, 500, 1000, 2000, 5000))),
        )
    elif v == 1:
        tenders = (Tender("card", "ЭЛЕКТРОННЫМИ", total),)
    elif v == 2:  # a note in cash, the rest by card
        cash = Decimal(100 if total <= 300 else 200).quantize(total)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", cash), Tender("card", "ЭЛЕКТРОННЫМИ", total - cash))
    else:  # the Faster Payments System: the guest scans the till's QR code in the bank's app
        tenders = (Tender("other", "ОПЛАТА ПО QR (СБП)", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(3, 240)}",
        dated_when=dated(rng, "{d}.{m}.26 {H}:{M}"),
        savings=savings,
        savings_label=label,
        subtotal_printed=bool(savings),
    )


def ru_kafe_set(s: Sale, cols: int) -> list[Op]:
    # An Эвотор smart terminal at the counter of a bakery-café chain, on 57 mm paper (80 mm in the bigger
    # cafés): КАССОВЫЙ ЧЕК and ПРИХОД on two lines, the date as ДД.ММ.ГГ; each article numbered, "quantity х
    # price" (a Cyrillic х) and =amount under it, and "НДС не облагается" under each (catering exempt from
    # НДС); ПОДЫТОГ and the guest card's discount or the bonus points written off, printed as a positive sum;
    # ИТОГ, the tenders, СДАЧА, the СУММА БЕЗ НДС that repeats the total, the card's points and the fiscal
    # block with its QR code.
    item = (Col(2), Col(None), Col(10, "right"))
    no = int(s.no)
    fd, fp = 30117 + no * 3, 2917364018 - no * 7717
    ops: list[Op] = [
        Title("ПЕКАРНЯ СДОБА"),
        Center('ООО "Сдоба Ритейл"'),
        Center("630099, г. Новосибирск,"),
        Center("ул. Советская, д. 18"),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Row((f"Смена № {84 + no % 9}", f"Чек № {no}"), (Col(None), Col(11, "right"))),
        Text(s.when),
        Text("Кассир: Борисова Е.А."),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        ops += [
            Text(f"{i}. {ln.name}"),
            Row(("", f"{ln.qty} х {POINT(ln.price)}", f"={POINT(ln.amount)}"), item),
            Text("   НДС не облагается"),
        ]
    ops.append(Rule())
    if s.savings:
        ops += [pair("ПОДЫТОГ", f"={POINT(s.subtotal)}"), pair(s.savings_label, f"={POINT(s.savings)}")]
    ops.append(pair("ИТОГ", f"={POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, f"={POINT(t.amount)}"))
    if s.cash:
        ops.append(pair("СДАЧА", f"={POINT(s.change)}"))
    ops.append(pair("СУММА БЕЗ НДС", f"={POINT(s.total)}"))
    if s.savings:
        earned = int(s.total // 20)
        ops += [
            Rule(),
            Text("Карта гостя: 2900****5512"),
            Text(f"Начислено баллов: {earned}"),
            Text(f"Баланс баллов: {312 + no + earned}"),
        ]
    ops += [
        Rule(),
        Text("СНО: ОСН"),
        Text("Место расчетов: кафе-пекарня"),
        Text("ЗН ККТ: 0071234567891234"),
        Text("РН ККТ: 0005432167054321"),
        Text("ФН: 7380440801234567"),
        Row((f"ФД: {fd}", f"ФП: {fp}"), (Col(None), Col(15, "right"))),
        Text("ИНН: 5406987654"),
        Text("Сайт ФНС: www.nalog.gov.ru"),
        ru_fns_qr(s, "7380440801234567", fd, fp),
        Center("Спасибо! Ждем вас снова!"),
    ]
    return ops


RU_HOZ_MEASURED = {  # goods sold by weight or length: name -> (price, unit, quantities)
    "Саморезы по дереву 3,5х35": ("420.00", "кг", ("0.350", "0.500", "1.250", "0.725")),
    "Гвозди строительные 100 мм": ("185.00", "кг", ("0.800", "1.500", "2.300", "0.450")),
    "Кабель ВВГнг-LS 3х2,5": ("119.00", "м", ("2.500", "7.500", "12.500", "3.750")),
    "Шланг поливочный 19 мм": ("89.00", "м", ("5.500", "10.500", "15.500")),
}


def ru_hozmag_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [
        ("Клей плиточный Ceresit CM 11 25кг", "459.00"),
        ("Шпатлевка финишная 20кг", "689.00"),
        ("Перчатки х/б с ПВХ", "39.00"),
        ("Лампа светодиодная E27 10Вт", "129.00"),
        ("Валик малярный 180 мм", "289.00"),
        ("Краска ВД интерьерная 10л", "1590.00"),
        ("Ведро строительное 12л", "199.00"),
        ("Изолента ПВХ 19мм х 20м", "79.00"),
        ("Розетка накладная 2-местная", "249.00"),
        ("Замок навесной 50 мм", "1190.00"),
        ("Пена монтажная проф. 750мл", "549.00"),
        ("Герметик силиконовый 280мл", "329.00"),
    ]
    tools = [("Дрель ударная 750Вт", "3490.00"), ("Перфоратор SDS-plus 800Вт", "6990.00")]
    lines = pick(rng, catalogue, (1, 4), qtys=(1, 1, 1, 2, 2, 3, 5))
    for name in rng.sample(sorted(RU_HOZ_MEASURED), rng.randint(1, 2)):
        price, _, qtys = RU_HOZ_MEASURED[name]
        lines.insert(rng.randint(0, len(lines)), Line(name, Decimal(rng.choice(qtys)), Decimal(price)))
    if v == 2 or rng.random() < 0.3:
        name, price = rng.choice(tools)
        lines.append(Line(name, Decimal(1), Decimal(price)))
    if v in (0, 3):  # the store's discount card: 5 % off every article, printed under each
        lines = [
            replace(ln, discount=-(ln.amount * 5 / 100).quantize(Decimal("0.01"), ROUND_HALF_UP))
            for ln in lines
        ]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
    elif v == 2:  # some cash, the rest by card
        cash = Decimal(rng.choice([n for n in (500, 1000, 2000, 3000) if n < total])).quantize(total)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", cash), Tender("card", "БЕЗНАЛИЧНЫМИ", total - cash))
    else:
        notes = (500, 1000, 2000, 5000, 10000, 15000, 20000, 30000, 50000)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, notes)),)
    return Sale(
        tuple(lines),
        tenders,
        no=(no := f"{rng.randint(11, 380)}"),
        receipt_no=f"{int(no):04d}",  # ЧЕК № 0117
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}"),
        subtotal_printed=v in (0, 3),
    )


def ru_sber_slip(when: str, amount: Decimal, no: int) -> list[Op]:
    """A Сбербанк terminal's slip printed on the receipt's paper: ОПЛАТА, Сумма (Руб):, ОДОБРЕНО and the
    authorisation code, its own date as ДД.ММ.ГГ and its own cheque number."""
    day, time = when.split(" ")
    return [
        Rule(),
        Center("ПАО СБЕРБАНК"),
        Row((f"{day[:6]}{day[8:]} {time}", f"ЧЕК {no % 10000:04d}"), (Col(None), Col(9, "right"))),
        Row(("ОПЛАТА", "Терминал: 10437215"), (Col(None), Col(18, "right"))),
        Text("Мерчант: 781000123456"),
        Row(("МИР", f"************{(no * 3709) % 9000 + 1000}"), (Col(None), Col(16, "right"))),
        pair("Сумма (Руб):", POINT(amount)),
        Text("Комиссия за операцию - 0 Руб."),
        Center("ОДОБРЕНО"),
        pair("Код авторизации:", f"{(no * 7919) % 900000 + 100000}"),
        pair("Номер ссылки:", f"6{(no * 104729) % 10**11:011d}", right=14),
        Center("Подпись клиента не требуется"),
        Rule(),
    ]


def ru_hozmag(s: Sale, cols: int) -> list[Op]:
    # A Штрих-М fiscal register of a hardware store, on 80 mm paper: КАССОВЫЙ ЧЕК and ПРИХОД on one line,
    # ДАТА and ВРЕМЯ in two columns; each article's name, then its quantity to three places and its unit
    # (1.000 шт, 0.350 кг, 2.500 м) х the price grouped with a space (1 190.00) and =amount, the discount
    # card's СКИДКА 5% and the НДС 22 % sum of the article under it; СУММА БЕЗ СКИДКИ and СКИДКА, ИТОГО К
    # ОПЛАТЕ, the tenders, СДАЧА, СУММА НДС 22%, the fiscal block and its QR code, then the Сбербанк slip of
    # a card payment.
    item = (Col(2), Col(None), Col(13, "right"))
    no = int(s.no)
    day, time = s.when.split(" ")
    fd, fp = 71840 + no * 2, 3749182650 - no * 6113
    ops: list[Op] = [
        Title("ДОМОВОЙ"),
        Center("ХОЗЯЙСТВЕННЫЙ МАГАЗИН"),
        Center('ООО "Домовой-Трейд"'),
        Center("394036, г. Воронеж, ул. Кольцовская, 30"),
        Center("ИНН 3664123456"),
        Rule(),
        Row(("КАССОВЫЙ ЧЕК", "ПРИХОД"), (Col(None), Col(6, "right")), bold=True),
        Row((f"ДАТА {day}", f"ВРЕМЯ {time}"), (Col(None), Col(11, "right"))),
        Row((f"ЧЕК № {no:04d}", f"СМЕНА № {27 + no % 5:04d}"), (Col(None), Col(12, "right"))),
        Text("КАССИР Семенов А.В."),
        Rule(),
    ]
    for ln in s.lines:
        unit = RU_HOZ_MEASURED[ln.name][1] if ln.name in RU_HOZ_MEASURED else "шт"
        ops += [
            Text(ln.name),
            Row(("", f"{ln.qty:.3f} {unit} х {RUB_SPACED(ln.price)}", f"={RUB_SPACED(ln.amount)}"), item),
        ]
        if ln.discount:
            ops.append(Row(("", "СКИДКА 5%", f"={RUB_SPACED(ln.discount)}"), item))
        ops.append(Row(("", "НДС 22%", f"={RUB_SPACED(included_tax(ln.net, RU_NDS['22']))}"), item))
    ops.append(Rule())
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    if off:
        ops += [pair("СУММА БЕЗ СКИДКИ", f"={RUB_SPACED(s.subtotal)}"), pair("СКИДКА", f"={RUB_SPACED(off)}")]
    ops.append(pair("ИТОГО К ОПЛАТЕ", f"={RUB_SPACED(s.total)}", bold=True, tall=True, right=13))
    for t in s.tenders:
        ops.append(pair(t.label, f"={RUB_SPACED(t.amount)}"))
    if s.cash:
        ops.append(pair("СДАЧА", f"={RUB_SPACED(s.change)}"))
    ops.append(pair("СУММА НДС 22%", f"={RUB_SPACED(included_tax(s.total, RU_NDS['22']))}"))
    if off:
        ops.append(Text("ДИСКОНТНАЯ КАРТА 2200****0417"))
    ops += [
        Rule(),
        Text("СНО: ОСН"),
        Text("МЕСТО РАСЧЕТОВ: торговый зал"),
        Text("РН ККТ 0003216549043210"),
        Text("ЗН ККТ 0496120034567"),
        Text("ФН 7281440701987654"),
        Text(f"ФД {fd}  ФП {fp}"),
        Text("САЙТ ФНС: www.nalog.gov.ru"),
        ru_fns_qr(s, "7281440701987654", fd, fp),
    ]
    for t in s.tenders:
        if t.method == "card":
            ops += ru_sber_slip(s.when, t.amount, no)
    ops.append(Center("СПАСИБО ЗА ПОКУПКУ!"))
    return ops


RU_FUELS = (  # grade, price a litre
    ("Аи-92", "59.85"),
    ("Аи-95", "65.40"),
    ("Аи-95 ЭКТО", "68.90"),
    ("Аи-100", "84.90"),
    ("ДТ", "72.35"),
)


def ru_azs_sale(rng: random.Random, v: int) -> Sale:
    fuel, price = rng.choice(RU_FUELS)
    litres = (Decimal(rng.randint(2200 if v == 2 else 1200, 5200)) / 100).quantize(Decimal("0.01"))
    # The dispenser (ТРК) the fuel was drawn at, in the article's code.
    lines = [Line(fuel, litres, Decimal(price), code=str(rng.randint(1, 8)))]
    shop = [
        ("Кофе американо 0,3", "149.00"),
        ("Капучино 0,4", "199.00"),
        ("Хот-дог французский", "189.00"),
        ("Вода питьевая 0,5 л", "69.00"),
        ("Омывающая жидкость -20 4л", "449.00"),
        ("Жевательная резинка", "59.00"),
        ("Салфетки влажные", "119.00"),
    ]
    lines += pick(rng, shop, (0, 2), qtys=(1, 1, 1, 2))
    if v in (0, 3):  # the station's loyalty card: 0.50 a litre off the fuel
        lines[0] = replace(lines[0], discount=-(litres / 2).quantize(Decimal("0.01"), ROUND_HALF_UP))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("card", "Оплата картой", total),)
    elif v == 1:  # cash handed over before the fill, the change after it
        tenders = (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, (1000, 1500, 2000, 3000, 5000, 10000))),)
    elif v == 2:  # a thousand in cash, the rest by card
        cash = Decimal(1000).quantize(total)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", cash), Tender("card", "Оплата картой", total - cash))
    else:  # the loyalty card's points spent, a point a rouble, the rest by card
        points = Decimal(rng.choice((100, 200, 300, 500))).quantize(total)
        tenders = (Tender("other", "БОНУСАМИ", points), Tender("card", "Оплата картой", total - points))
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(20, 640)}",
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}:{S}"),
    )


def ru_azs(s: Sale, cols: int) -> list[Op]:
    # An АТОЛ register at a filling station's counter (on 57 mm paper at the small stations): "Кассовый чек.
    # Приход" on one line, the date and the time with seconds in two columns; the fuel by its grade (Аи-95)
    # with the dispenser (ТРК №) it was drawn at, litres to two places х the price a litre with decimal
    # commas, the loyalty card's discount a litre under the fuel, НДС 22% under every article; ИТОГО, the
    # tenders (the card's bonus points as one of them), СДАЧА, the НДС sum, the card's points, the fiscal
    # block and its QR code.
    item = (Col(2), Col(None), Col(11, "right"))
    no = int(s.no)
    day, time = s.when.split(" ")
    fd, fp = 152300 + no * 4, 1029384756 + no * 5441
    ops: list[Op] = [
        Title("АЗС № 47"),
        Center('ООО "ЮгНефтеПродукт"'),
        Center("Краснодарский край,"),
        Center("ст. Динская, ул. Красная, 150"),
        Center("ИНН 2330123456"),
        Center("Кассовый чек. Приход", bold=True),
        Row((day, time), (Col(None), Col(8, "right"))),
        Row((f"Чек № {no}", f"Смена № {1204 + no % 11}"), (Col(None), Col(12, "right"))),
        Text("Оператор: Ткаченко И.В."),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        ops.append(Text(f"{i}. {ln.name}"))
        if ln.code:
            ops += [
                Text(f"   ТРК № {ln.code}"),
                Row(("", f"{qty_str(ln.qty, ',')} л х {COMMA(ln.price)}", f"= {COMMA(ln.amount)}"), item),
            ]
        else:
            ops.append(Row(("", f"{ln.qty} шт х {COMMA(ln.price)}", f"= {COMMA(ln.amount)}"), item))
        if ln.discount:
            ops.append(Row(("", "Скидка по карте", f"= {COMMA(ln.discount)}"), item))
        ops.append(Text("   НДС 22%"))
    ops += [Rule(), pair("ИТОГО", f"= {COMMA(s.total)}", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"= {COMMA(t.amount)}"))
    if s.cash:
        ops.append(pair("СДАЧА", f"= {COMMA(s.change)}"))
    ops.append(pair("Сумма НДС 22%", f"= {COMMA(included_tax(s.total, RU_NDS['22']))}"))
    if s.lines[0].discount:
        earned = int(s.total // 100)
        ops += [
            Rule(),
            Text("Карта лояльности: 7005****3318"),
            Text(f"Начислено баллов: {earned}"),
            Text(f"Баланс баллов: {1480 + no * 3 + earned}"),
        ]
    ops += [
        Rule(),
        Text("СНО: ОСН"),
        Text("Место расчетов: АЗС № 47"),
        Text("ЗН ККТ: 00106703123456"),
        Text("РН ККТ: 0002847561023456"),
        Text("ФН: 7281440500987123"),
        Row((f"ФД: {fd}", f"ФП: {fp}"), (Col(None), Col(15, "right"))),
        Text("Сайт ФНС: www.nalog.gov.ru"),
        ru_fns_qr(s, "7281440500987123", fd, fp),
        Center("СЧАСТЛИВОГО ПУТИ!"),
    ]
    return ops


def ru_odezhda_sale(rng: random.Random, v: int) -> Sale:
    catalogue = [  # (name, price, НДС rate: children's clothes 10 %)
        ("Джинсы мужские slim 32/34", "3499.00", "22"),
        ("Футболка женская базовая р.44", "899.00", "22"),
        ("Джемпер мужской шерсть р.50", "2999.00", "22"),
        ("Платье трикотажное р.46", "3799.00", "22"),
        ("Куртка демисезонная жен. р.46", "7990.00", "22"),
        ("Рубашка мужская хлопок р.41", "2299.00", "22"),
        ("Носки мужские 3 пары", "499.00", "22"),
        ("Ремень кожаный 110 см", "1290.00", "22"),
        ("Комбинезон детский р.86", "3290.00", "10"),
        ("Колготки детские р.116", "349.00", "10"),
        ("Футболка детская р.122", "599.00", "10"),
        ("Брюки детские р.128", "1499.00", "10"),
    ]
    lines = pick(rng, catalogue, (1, 4), qtys=(1, 1, 1, 1, 2))
    if sum((ln.amount for ln in lines), Decimal(0)) <= 2000:
        lines.append(Line("Джинсы мужские slim 32/34", Decimal(1), Decimal("3499.00"), tag="22"))

    def off(ln: Line, pct: int, label: str) -> Line:
        # The discount's printed name in the line's note: the layout prints it under the article.
        cut = (ln.amount * pct / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        return replace(ln, discount=-cut, note=f"{label} {pct}%")

    if v == 0:  # the discount card: 10 % off every article
        lines = [off(ln, 10, "Скидка по карте") for ln in lines]
    elif v in (1, 3):  # the sale: some articles 30 % or 50 % off (20 % on the split)
        for k in rng.sample(range(len(lines)), rng.randint(1, len(lines))):
            lines[k] = off(lines[k], 20 if v == 3 else rng.choice((30, 50)), "Скидка")
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
    elif v == 1:
        notes = (1000, 2000, 5000, 10000, 20000, 30000, 50000, 70000)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, notes)),)
    elif v == 2:  # a gift certificate (sold as an advance), the rest by card
        cert = Decimal(max(n for n in (1000, 2000, 3000, 5000) if n < total)).quantize(total)
        tenders = (Tender("other", "ПРЕДОПЛАТА (АВАНС)", cert), Tender("card", "БЕЗНАЛИЧНЫМИ", total - cert))
    else:  # some cash, the rest by card
        cash = Decimal(1000 if total < 3000 else 2000).quantize(total)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", cash), Tender("card", "БЕЗНАЛИЧНЫМИ", total - cash))
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(5, 160)}",
        dated_when=dated(rng, "{d}.{m}.{y}  {H}:{M}"),
        subtotal_printed=v != 2,
    )


def ru_tbank_slip(amount: Decimal, no: int) -> list[Op]:
    """The slip of a Т-Банк (Тинькофф) terminal: ОПЛАТА, Сумма (Руб):, ОДОБРЕНО, the authorisation code."""
    return [
        Rule(),
        Center("Т-Банк"),
        Center("ОПЛАТА"),
        pair("Терминал:", "30491267"),
        pair("Мерчант:", "000012345678", right=13),
        pair("Карта:", f"МИР *{(no * 6007) % 9000 + 1000}"),
        pair("Сумма (Руб):", POINT(amount)),
        Center("ОДОБРЕНО"),
        pair("Код авторизации:", f"{(no * 48611) % 900000 + 100000}"),
        pair("RRN:", f"{(no * 9973) % 10**12:012d}", right=13),
        Center("Подпись не требуется"),
    ]


def ru_odezhda(s: Sale, cols: int) -> list[Op]:
    # An АТОЛ register of a clothing shop in a mall, 80 mm: "КАССОВЫЙ ЧЕК. ПРИХОД", the cheque number and
    # the date on one line; each article numbered with [М+] (its Честный знак marking code checked),
    # "quantity шт х price" with a decimal comma and a space grouping (3 499,00), the article's discount with
    # its percentage and its НДС sum (22 %, children's clothes 10 %) under it; Сумма без скидки, Сумма
    # скидки, ИТОГ, the tenders (a gift certificate as ПРЕДОПЛАТА (АВАНС)), СДАЧА, the НДС sums by rate, the
    # fiscal block and its QR code, the Т-Банк slip of a card payment, and the return and exchange terms.
    item = (Col(2), Col(None), Col(12, "right"))
    money = RUB_COMMA_SPACED
    no = int(s.no)
    fd, fp = 8804 + no * 5, 2210987654 + no * 3331
    ops: list[Op] = [
        Title("МОДНЫЙ КВАРТАЛ"),
        Center("магазин одежды"),
        Center('ООО "Модный квартал"'),
        Center('г. Ярославль, ТЦ "Аура", ул. Победы, 41'),
        Center("ИНН 7604123456"),
        Center("КАССОВЫЙ ЧЕК. ПРИХОД", bold=True),
        Row((f"Чек № {no}", s.when), (Col(None), Col(17, "right"))),
        Text(f"Смена № {318 + no % 6}"),
        Text("Продавец-кассир: Лебедева О.Н."),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        ops += [
            Text(f"{i}. [М+] {ln.name}"),
            Row(("", f"{ln.qty} шт х {money(ln.price)}", f"={money(ln.amount)}"), item),
        ]
        if ln.discount:
            ops.append(Row(("", ln.note, f"={money(ln.discount)}"), item))
        tax = included_tax(ln.net, RU_NDS[ln.tag])
        ops.append(Row(("", f"НДС {ln.tag}%", f"={money(tax)}"), item))
    ops += [Rule(), Text(f"Количество товаров: {pieces(s.lines)}")]
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    if off:
        ops += [pair("Сумма без скидки", f"={money(s.subtotal)}"), pair("Сумма скидки", f"={money(off)}")]
    ops.append(pair("ИТОГ", f"={money(s.total)}", bold=True, tall=True, right=14))
    for t in s.tenders:
        ops.append(pair(t.label, f"={money(t.amount)}"))
        if t.method == "other":
            ops.append(Text(f"  Подарочный сертификат № {(no * 379) % 90000 + 10000}"))
    if s.cash:
        ops.append(pair("СДАЧА", f"={money(s.change)}"))
    for rate in ("22", "10"):
        gross = sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            ops.append(pair(f"Сумма НДС {rate}%", f"={money(included_tax(gross, RU_NDS[rate]))}"))
    if all(ln.note.startswith("Скидка по карте") for ln in s.lines):
        ops.append(Text("Дисконтная карта № 0021457"))
    ops += [
        Rule(),
        Text("СНО: ОСН"),
        Text("Место расчетов: магазин"),
        Text("ЗН ККТ: 00106721234567"),
        Text("РН ККТ: 0006123498076543"),
        Text("ФН: 7281440701555777"),
        Row((f"ФД: {fd}", f"ФП: {fp}"), (Col(None), Col(15, "right"))),
        Text("Сайт ФНС: www.nalog.gov.ru"),
        ru_fns_qr(s, "7281440701555777", fd, fp),
    ]
    for t in s.tenders:
        if t.method == "card":
            ops += ru_tbank_slip(t.amount, no)
    ops += [
        Rule(),
        Center("Обмен и возврат товара надлежащего"),
        Center("качества - в течение 14 дней со дня"),
        Center("покупки при наличии чека, ярлыков"),
        Center("и сохранении товарного вида"),
        Center('(ст. 25 Закона РФ "О защите прав'),
        Center('потребителей").'),
        Center("Сохраняйте чек!"),
    ]
    return ops


# -- European tills, 2026-12-07 (second session): de-drogerie, it-supermercato, fr-cafe, nl-supermarkt ----

# What a customer paying cash in euros hands over: a note, or two.
EUR_CASH = (5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 100, 150, 200)
DE_DROGERIE = (  # (name, price, MwSt class): A 19 %, B 7 % (food: muesli, tea, baby food, chocolate)
    ("Duschgel Mango 300ml", "0.95", "A"),
    ("Zahncreme Kräuter 75ml", "0.65", "A"),
    ("Shampoo Repair 250ml", "1.45", "A"),
    ("Deo Roll-on Sensitiv 50ml", "1.25", "A"),
    ("Tagescreme LSF 15 50ml", "3.95", "A"),
    ("Wattepads 120 St.", "0.85", "A"),
    ("Rasiergel Sensitiv 200ml", "1.75", "A"),
    ("Feuchttücher Sensitiv 4x80", "5.45", "A"),
    ("Windeln Gr. 4 Maxi 46 St.", "8.95", "A"),
    ("Zahnbürste Mittel", "1.95", "A"),
    ("Colorwaschmittel 20 WL", "4.45", "A"),
    ("Spülmaschinentabs 40 St.", "4.95", "A"),
    ("Bio Dinkelmüsli 750g", "3.45", "B"),
    ("Bio Reiswaffeln 100g", "0.95", "B"),
    ("Babybrei Apfel-Birne 190g", "1.15", "B"),
    ("Bio Kräutertee 20 Btl.", "1.25", "B"),
    ("Zartbitterschokolade 100g", "1.25", "B"),
    ("Nussmix geröstet 200g", "2.95", "B"),
)
DE_RABATT = 20  # the app's coupon on one article: 20 % off it, under the article
DE_COUPON = 10  # the app's coupon on the whole purchase: 10 % off, taken off each MwSt class


def de_drogerie_coupon(lines: Sequence[Line], tag: str) -> Decimal:
    """What the 10 % coupon on the purchase takes off the articles of one MwSt class."""
    gross = sum((ln.net for ln in lines if ln.tag == tag), Decimal(0))
    return (gross * DE_COUPON / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def de_drogerie_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, DE_DROGERIE, (3, 7), qtys=(1, 1, 1, 2, 2, 3))
    if v in (0, 3):  # coupons in the app on one or two articles
        for k in rng.sample(range(len(lines)), 2 if v == 0 else 1):
            off = (lines[k].amount * DE_RABATT / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            lines[k] = replace(lines[k], discount=-off)
    coupon = sum((de_drogerie_coupon(lines, tag) for tag in "AB"), Decimal(0)) if v == 2 else Decimal(0)
    total = sum((ln.net for ln in lines), Decimal(0)) - coupon
    tenders = (
        (Tender("card", "EC-Karte", total),)
        if v in (0, 2)
        else (Tender("cash", "Bar", tendered(rng, total, EUR_CASH)),)
    )
    no = f"{rng.randint(1, 9999):04d}"
    printed, iso = dated(rng, "{d}.{m}.{y} {H}:{M}")
    return Sale(
        tuple(lines),
        tenders,
        no=no,
        # The sale's moment is the TSE's end (printed with seconds, as the girocard slip's time); the Bon's
        # own line prints it to the minute.
        dated_when=(printed, f"{iso[:17]}{int(no) % 60:02d}"),
        savings=coupon,
        savings_label=f"{DE_COUPON}%-Coupon Einkauf",
        subtotal_printed=v == 2,  # the Zwischensumme before the coupon: the articles' own sum
    )


def de_drogerie(s: Sale, cols: int) -> list[Op]:
    # A drugstore chain's Kassenbon: each article with its amount and MwSt class (A 19 %, B 7 %), "2 x 1,95"
    # on the line above it, the app's Rabatt under it; a Zwischensumme and a 10 % coupon on the purchase taken
    # off each class; SUMME EUR, Geg. EC-Karte or Bar and Rückgeld; the girocard slip; the MwSt table; the
    # PAYBACK points of a card that was scanned; the date and the till; the TSE's data (DSFinV-K).
    item = (Col(None), Col(9, "right"), Col(1))
    no = int(s.no)
    ops: list[Op] = [
        Title("VITALIA"),
        Center("Drogeriemarkt"),
        Center("Vitalia Drogeriemärkte GmbH & Co. KG"),
        Center("Königstraße 27, 70173 Stuttgart"),
        Center("Tel. 0711 2268140"),
        Center("USt-IdNr. DE287654321"),
        Blank(),
        Row(("Artikel", "EUR", ""), item),
    ]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"{ln.qty} x {COMMA(ln.price)}"))
        ops.append(Row((ln.name, COMMA(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(Row((f"  Rabatt {DE_RABATT}% App-Coupon", COMMA(ln.discount), ln.tag), item))
    ops.append(Rule())
    coupons = {tag: de_drogerie_coupon(s.lines, tag) if s.savings else Decimal(0) for tag in "AB"}
    if s.savings:
        ops.append(Row(("Zwischensumme", COMMA(s.subtotal), ""), item))
        for tag, off in coupons.items():
            if off:
                ops.append(Row((s.savings_label, COMMA(-off), tag), item))
        ops.append(Rule())
    ops += [
        Row(("SUMME EUR", COMMA(s.total), ""), item, bold=True, tall=True),
        Text(f"Anzahl Artikel: {pieces(s.lines)}"),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(Row((f"Geg. {t.label}", COMMA(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("Rückgeld", COMMA(s.change), ""), item))
    end = datetime.fromisoformat(s.iso)
    start = end - timedelta(seconds=34 + no % 80)
    if not s.cash:
        # The card terminal's customer slip, printed on the receipt.
        ops += [
            Blank(),
            Center("Kundenbeleg"),
            Center("Kartenzahlung"),
            Center("girocard"),
            Text(f"Datum: {end:%d.%m.%Y}  Uhrzeit: {end:%H:%M:%S} Uhr"),
            pair("Terminal-ID", "56231784"),
            pair("TA-Nr.", f"{no * 7 % 1000000:06d}"),
            pair("BNr.", f"{no % 10000:04d}"),
            pair("Karte", f"############{no * 37 % 10000:04d}", right=16),
            pair("Genehmigungs-Nr.", f"{no * 4211 % 1000000:06d}"),
            pair("Betrag EUR", COMMA(s.total)),
            Center("Zahlung erfolgt"),
        ]
    table = (Col(None), Col(8, "right"), Col(8, "right"), Col(8, "right"))
    ops += [Rule(), Row(("MwSt", "Netto", "Steuer", "Brutto"), table)]
    for tag in "AB":
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0)) - coupons[tag]
        if gross:
            tax = included_tax(gross, DE_MWST[tag])
            rate = f"{tag} {DE_MWST[tag]:>2}%"
            ops.append(Row((rate, COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    if s.savings or any(ln.discount for ln in s.lines):  # the app's coupons: its PAYBACK card was scanned
        ops += [
            Rule(),
            Text(f"PAYBACK Karte: ******{no * 53 % 10000:04d}"),
            pair("Punkte für diesen Einkauf", f"{int(s.total // 2)} °P"),
            pair("Punktestand bisher", f"{(no * 389) % 4000 + 120} °P"),
        ]
    serial = hashlib.sha256(f"vitalia-1427-kasse-{2 + no % 3}".encode()).hexdigest()
    signature = base64.b64encode(
        hashlib.sha384(f"{s.no}/{s.iso}".encode()).digest() + hashlib.sha384(s.no.encode()).digest()
    ).decode()
    ops += [
        Rule(),
        Row((s.when, f"Bon-Nr. {s.no}"), (Col(None), Col(14, "right"))),
        Text(f"Filiale 1427  Kasse {2 + no % 3:02d}  Bed. {100 + no % 40}"),
        Rule(),
        Text("TSE-Seriennummer:"),
        Text(serial[:32]),
        Text(serial[32:]),
        Text(f"TSE-Transaktionsnummer: {1840000 + no}"),
        Text(f"TSE-Start: {start:%Y-%m-%dT%H:%M:%S}.000"),
        Text(f"TSE-Ende: {end:%Y-%m-%dT%H:%M:%S}.000"),
        Text(f"TSE-Signaturzähler: {3650000 + 2 * no}"),
        Text("TSE-Zeitformat: unixTime"),
        Text("TSE-Hashalgorithmus: ecdsa-plain-SHA384"),
        Text("TSE-Signatur:"),
        *(Text(signature[i : i + 32]) for i in range(0, len(signature), 32)),
        Blank(),
        Center("Vielen Dank für Ihren Einkauf!"),
        Center("Umtausch nur mit Kassenbon"),
        Barcode(f"14270{2 + no % 3}{s.no}"),
    ]
    return ops


IT_SUPERMERCATO = (  # (name, price, IVA %): 4 % staple food, 10 % meat, eggs, sugar, biscuits, 22 % the rest
    ("LATTE INTERO UHT 1L", "1.19", "4"),
    ("SPAGHETTI N.5 500G", "0.99", "4"),
    ("PASSATA DI POMODORO 700G", "1.09", "4"),
    ("MOZZARELLA FIOR DI LATTE", "1.29", "4"),
    ("OLIO EXTRAVERGINE 1L", "8.99", "4"),
    ("PARMIGIANO REGG. 250G", "4.79", "4"),
    ("PANE COMUNE 500G", "1.60", "4"),
    ("UOVA FRESCHE X6", "1.99", "10"),
    ("PETTO DI POLLO A FETTE", "5.49", "10"),
    ("PROSCIUTTO COTTO 120G", "2.19", "10"),
    ("ZUCCHERO SEMOLATO 1KG", "1.19", "10"),
    ("BISCOTTI FROLLINI 700G", "2.69", "10"),
    ("ACQUA NATURALE 6X1,5L", "2.34", "22"),
    ("CAFFE' MACINATO 250G", "3.29", "22"),
    ("VINO ROSSO DOC 0,75L", "4.99", "22"),
    ("BIRRA LAGER 3X33CL", "2.79", "22"),
    ("DETERSIVO PIATTI 1L", "1.49", "22"),
    ("CARTA IGIENICA X8", "2.99", "22"),
)
IT_PESATI = (  # weighed at the till: (name, price a kilo)
    ("BANANE", "1.69"),
    ("MELE GOLDEN", "1.99"),
    ("ZUCCHINE", "2.49"),
    ("POMODORI CILIEGINO", "3.90"),
)


def it_supermercato_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, IT_SUPERMERCATO, (4, 7), qtys=(1, 1, 1, 2, 2, 3))
    name, price = rng.choice(IT_PESATI)
    weight = Decimal(rng.choice(("0.684", "1.236", "0.912", "1.548", "0.476")))
    lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag="4"))
    if v in (0, 2):
        # The week's offers with the loyalty card: a SCONTO under one or two articles.
        for k in rng.sample(range(len(lines)), rng.randint(1, 2)):
            off = (lines[k].amount * rng.choice((10, 20, 30)) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            lines[k] = replace(lines[k], discount=-off)
    # The shopping bags, which the law has priced since 2018.
    lines.append(Line("SHOPPER BIODEGRADABILE", Decimal(rng.choice((1, 1, 2))), Decimal("0.10"), tag="22"))
    total = sum((ln.net for ln in lines), Decimal(0))
    notes = [n for n in (5, 10, 20, 50) if n < total]
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "PAGAMENTO CONTANTE", tendered(rng, total, EUR_CASH)),)
    elif v == 3 and notes:  # a note in cash, the rest by card
        cash = Decimal(notes[-1]).quantize(total)
        tenders = (
            Tender("cash", "PAGAMENTO CONTANTE", cash),
            Tender("card", "PAGAMENTO ELETTRONICO", total - cash),
        )
    else:
        tenders = (Tender("card", "PAGAMENTO ELETTRONICO", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(100, 365):04d}-{rng.randint(1, 2400):04d}",
        dated_when=dated(rng, "{d}-{m}-{y} {H}:{M}"),
    )


def it_supermercato(s: Sale, cols: int) -> list[Op]:
    # A supermarket's DOCUMENTO COMMERCIALE from a registratore telematico: DESCRIZIONE, IVA and PREZZO(€)
    # columns, the quantity or the weight under an article and a SCONTO under that; TOTALE COMPLESSIVO and
    # di cui IVA; PAGAMENTO CONTANTE and/or ELETTRONICO, RESTO and IMPORTO PAGATO; the loyalty card's points;
    # the date, DOCUMENTO N. (closing-document number) and the RT's serial number at the foot.
    c = (Col(None), Col(6, "right"), Col(9, "right"))
    z, doc = (int(x) for x in s.no.split("-"))
    ops: list[Op] = [
        Title("SUPERMERCATI SOLE"),
        Center("SOLE DISTRIBUZIONE S.P.A."),
        Center("VIA EMILIA PONENTE 84"),
        Center("40133 BOLOGNA (BO)"),
        Center("P.IVA 02845610374"),
        Center("PUNTO VENDITA 0231 - TEL. 051 6412233"),
        Blank(),
        Center("DOCUMENTO COMMERCIALE", bold=True),
        Center("di vendita o prestazione"),
        Row(("DESCRIZIONE", "IVA", "PREZZO(€)"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"{ln.tag},00%", COMMA(ln.amount)), c))
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"  {qty_str(ln.qty, ',')} kg x {COMMA(ln.price)} €/kg"))
        elif ln.qty != 1:
            ops.append(Text(f"  {ln.qty} x {COMMA(ln.price)}"))
        if ln.discount:
            ops.append(Row(("SCONTO", f"{ln.tag},00%", COMMA(ln.discount)), c))
    iva = Decimal(0)
    for rate in ("4", "10", "22"):
        gross = sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0))
        iva += included_tax(gross, Decimal(rate))
    ops += [
        Rule(),
        Text(f"N. PEZZI {pieces(s.lines)}"),
        pair("TOTALE COMPLESSIVO", COMMA(s.total), bold=True, tall=True),
        pair("di cui IVA", COMMA(iva)),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("RESTO", COMMA(s.change)))
    ops.append(pair("IMPORTO PAGATO", COMMA(s.total)))
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    if off:  # the loyalty card was scanned: its offers came off
        ops += [
            Rule(),
            Text(f"CARTA SOLE+ N. 2400****{doc * 7 % 10000:04d}"),
            pair("RISPARMIO SULLA SPESA", COMMA(off)),
            pair("PUNTI SPESA", str(int(s.total))),
            pair("SALDO PUNTI", WHOLE(Decimal(int(s.total) + 300 + doc % 2700)).replace(",", ".")),
        ]
    ops += [
        Blank(),
        Row((s.when, f"DOCUMENTO N. {s.no}"), (Col(None), Col(22, "right"))),
        Text(f"CASSA 004  OPERATORE {z * 3 % 90 + 10:04d}"),
        Text("RT 80IEH045321"),
        Blank(),
        Center("GRAZIE E ARRIVEDERCI"),
    ]
    return ops


FR_CAFE = (  # (name, price, TVA rate): 10 % on what is eaten and the soft drinks served, 20 % on alcohol
    ("Café", "1.80", "10"),
    ("Café crème", "3.20", "10"),
    ("Chocolat chaud", "3.80", "10"),
    ("Thé", "3.00", "10"),
    ("Croissant", "1.40", "10"),
    ("Croque-monsieur", "9.50", "10"),
    ("Salade César", "13.50", "10"),
    ("Omelette jambon", "10.50", "10"),
    ("Perrier 33cl", "3.90", "10"),
    ("Jus d'orange pressé", "4.80", "10"),
    ("Tarte Tatin", "6.50", "10"),
    ("Demi pression", "4.20", "20"),
    ("Verre Bordeaux rouge", "5.50", "20"),
    ("Kir vin blanc", "4.80", "20"),
    ("Pastis 51", "3.50", "20"),
)
FR_TITRE = Decimal("9.00")  # a titre-restaurant's value


def fr_cafe_couverts(lines: Sequence[Line]) -> int:
    """The covers the waiter keyed: as many as the largest round ordered."""
    return max(int(ln.qty) for ln in lines)


def fr_cafe_sale(rng: random.Random, v: int) -> Sale:
    no = f"{rng.randint(1, 9999):06d}"
    lines = pick(rng, FR_CAFE, (2, 5), qtys=(1, 1, 2, 2, 3))
    if v == 2:  # lunch, paid in part with titres-restaurant, one a guest who took the plat du jour
        lines.insert(0, Line("Plat du jour", Decimal(rng.randint(1, 3)), Decimal("14.90"), tag="10"))
    if v == 3:  # the house offers a coffee
        k = next((i for i, ln in enumerate(lines) if ln.name == "Café"), None)
        if k is None:
            lines.append(Line("Café", Decimal(2), Decimal("1.80"), tag="10"))
            k = len(lines) - 1
        lines[k] = replace(lines[k], discount=-lines[k].price)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 2:
        titres = min(int(lines[0].qty), int(total // FR_TITRE))
        paid = FR_TITRE * titres
        tenders: tuple[Tender, ...] = (Tender("other", "Ticket restaurant", paid),)
        if total > paid:
            tenders += (Tender("card", "CB", total - paid),)
    elif v in (1, 3):
        tenders = (Tender("cash", "Espèces", tendered(rng, total, EUR_CASH)),)
    else:
        tenders = (Tender("card", "CB", total),)
    return Sale(tuple(lines), tenders, no=no, dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}:{S}"))


def fr_cafe(s: Sale, cols: int) -> list[Op]:
    # A café-brasserie's ticket from an NF525 till: table, covers, waiter and the time to the second;
    # quantity, designation, unit price and amount, a coffee offered under its line; TOTAL TTC; CB, espèces
    # with the change given (Rendu), or titres-restaurant and a card for the rest; the TVA table at 10 % and
    # 20 % with HT, TVA and TTC.
    c = (Col(3, "right"), Col(None), Col(7, "right"), Col(8, "right"))
    two = (Col(None), Col(18, "right"))
    no = int(s.no)
    ops: list[Op] = [
        Title("LE PETIT ZINC"),
        Center("Café - Brasserie"),
        Center("8 place du Parlement"),
        Center("33000 BORDEAUX"),
        Center("Tél. 05 56 44 12 80"),
        Center("SIRET 823 456 789 00014"),
        Center("TVA FR41823456789 - APE 5630Z"),
        Rule(),
        Row((f"Table {no % 18 + 1}", f"Couverts {fr_cafe_couverts(s.lines)}"), two),
        Row(("Serveur: Karim", f"Ticket N° {s.no}"), two),
        Text(s.when),
        Rule(),
        Row(("Qté", "Désignation", "P.U.", "Montant"), c),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.price), COMMA(ln.amount)), c))
        if ln.discount:
            ops.append(Row(("", "  Offert", "", COMMA(ln.discount)), c))
    ops += [Rule(), pair("TOTAL TTC", f"{COMMA(s.total)} €", bold=True, tall=True), Blank()]
    for t in s.tenders:
        label = f"{t.label} x{t.amount / FR_TITRE:.0f}" if t.method == "other" else t.label
        ops.append(pair(label, f"{COMMA(t.amount)} €"))
    if s.cash:
        ops.append(pair("Rendu", f"{COMMA(s.change)} €"))
    tva = (Col(None), Col(8, "right"), Col(7, "right"), Col(8, "right"))
    ops += [Rule(), Row(("Taux TVA", "HT", "TVA", "TTC"), tva)]
    for rate in ("10", "20"):
        ttc = sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0))
        if ttc:
            tax = included_tax(ttc, Decimal(rate))
            ops.append(Row((f"{rate},00 %", COMMA(ttc - tax), COMMA(tax), COMMA(ttc)), tva))
    ops += [
        Rule(),
        Text(f"Caisse 1 - Ticket {s.no} - {len(s.lines)} lignes"),
        Text("Logiciel certifié NF525"),
        Blank(),
        Center("Merci de votre visite"),
        Center("A bientôt !"),
    ]
    return ops


NL_SUPERMARKT = {  # name: (price, BTW rate): 9 % food, 21 % the rest and alcohol
    "HALFVOLLE MELK 1L": ("1.15", "9"),
    "JONGE KAAS PLAKKEN": ("3.49", "9"),
    "VOLKORENBROOD HEEL": ("2.39", "9"),
    "PINDAKAAS 600G": ("3.29", "9"),
    "APPELS ELSTAR 1KG": ("2.49", "9"),
    "BANANEN TROS": ("1.89", "9"),
    "HAGELSLAG PUUR 400G": ("2.79", "9"),
    "KIPFILET 500G": ("5.99", "9"),
    "STROOPWAFELS 10ST": ("2.29", "9"),
    "KOFFIE FILTER 500G": ("5.49", "9"),
    "CHIPS NATUREL 225G": ("1.99", "9"),
    "AFWASMIDDEL 500ML": ("1.79", "21"),
    "TOILETPAPIER 8 ROL": ("4.29", "21"),
    "PILSNER 6X33CL": ("6.99", "21"),
    "WASMIDDEL 1,2L": ("7.49", "21"),
    "TANDPASTA 75ML": ("1.99", "21"),
}
NL_BONUS = {  # the week's offers for the bonus card: article -> (what its BONUS line says, the offer)
    "HALFVOLLE MELK 1L": ("HALFVOLLE MELK", "2e halve prijs"),
    "JONGE KAAS PLAKKEN": ("JONGE KAAS", "25%"),
    "STROOPWAFELS 10ST": ("STROOPWAFELS", "1+1 gratis"),
    "CHIPS NATUREL 225G": ("CHIPS", "2e halve prijs"),
    "KOFFIE FILTER 500G": ("KOFFIE", "25%"),
    "PILSNER 6X33CL": ("PILSNER", "2 voor 12,00"),
}


def nl_bonus(ln: Line) -> Decimal:
    """What an article's BONUS offer takes off its line (nothing when its quantity does not qualify)."""
    if ln.name not in NL_BONUS:
        return Decimal(0)
    offer, pairs = NL_BONUS[ln.name][1], int(ln.qty) // 2
    if offer == "25%":
        off = ln.amount / 4
    elif offer == "1+1 gratis":
        off = pairs * ln.price
    elif offer == "2e halve prijs":
        off = pairs * ln.price / 2
    else:
        off = pairs * (2 * ln.price - 12)
    return off.quantize(Decimal("0.01"), ROUND_HALF_UP)


def nl_supermarkt_sale(rng: random.Random, v: int) -> Sale:
    chosen = rng.sample(sorted(NL_SUPERMARKT), rng.randint(3, 6))
    card = v in (0, 3)  # the bonus card scanned: the week's offers
    if card:
        for name in rng.sample(sorted(NL_BONUS), 2):
            if name not in chosen:
                chosen.insert(rng.randint(0, len(chosen)), name)
    lines = []
    for name in chosen:
        price, rate = NL_SUPERMARKT[name]
        qty = Decimal(2 if card and name in NL_BONUS and rng.random() < 0.7 else rng.choice((1, 1, 1, 2, 3)))
        lines.append(Line(name, qty, Decimal(price), tag=rate))
    bonus = sum((nl_bonus(ln) for ln in lines), Decimal(0)) if card else Decimal(0)
    if v in (0, 2):  # savings stamps bought with the shopping, one of 0,10 for each whole euro
        stamps = int(sum((ln.amount for ln in lines), Decimal(0)) - bonus)
        lines.append(Line("KOOPZEGELS", Decimal(stamps), Decimal("0.10")))
    due = sum((ln.amount for ln in lines), Decimal(0)) - bonus
    rounding = Decimal(0)
    if v in (1, 3):  # cash: the total rounded to 5 cents
        rounding = due - round_to(due * 20, 1) / 20
        tenders: tuple[Tender, ...] = (Tender("cash", "CONTANT", tendered(rng, due - rounding, EUR_CASH)),)
    else:
        tenders = (Tender("card", "PINNEN", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999):04d}",
        receipt_no="",  # only in "1078/04/3663" (store, lane, number) under no label
        dated_when=dated(rng, "{d}-{m}-{y} {H}:{M}"),
        savings=bonus + rounding,
        savings_label="BONUSKAART" if card else "",
        subtotal_printed=True,
    )


def nl_supermarkt(s: Sale, cols: int) -> list[Op]:
    # A Dutch supermarket chain's kassabon: AANTAL, OMSCHRIJVING, PRIJS (of a unit, when more than one) and
    # BEDRAG; the bonus card; koopzegels bought as the last line; SUBTOTAAL with the count of articles, a
    # BONUS line for each offer, UW VOORDEEL, the cash rounding, TOTAAL; BETAALD MET: PINNEN or CONTANT and
    # WISSELGELD; the BTW table (OVER: the amount without BTW), whose last line is TOTAAL; the PIN terminal's
    # slip, printed after it.
    c = (Col(6), Col(None), Col(6, "right"), Col(7, "right"))
    tot = (Col(6), Col(None), Col(9, "right"))
    no = int(s.no)
    offs = {ln.name: nl_bonus(ln) for ln in s.lines} if s.savings_label else {}
    bonus = sum(offs.values(), Decimal(0))
    ops: list[Op] = [
        Title("DE WAAL"),
        Center("Supermarkt De Waal Vismarkt"),
        Center("Vismarkt 24, 9712 CB Groningen"),
        Center("Tel. 050 3124567"),
        Rule(),
        Row(("AANTAL", "OMSCHRIJVING", "PRIJS", "BEDRAG"), c),
    ]
    if s.savings_label:
        ops.append(Row(("", s.savings_label, "", f"xx{no * 31 % 10000:04d}"), c))
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.price) if ln.qty != 1 else "", COMMA(ln.amount)), c))
    goods = [ln for ln in s.lines if ln.tag]
    ops += [Rule(), Row((str(pieces(goods)), "SUBTOTAAL", COMMA(s.subtotal)), tot)]
    for name, off in offs.items():
        if off:
            ops.append(Row(("", f"BONUS {NL_BONUS[name][0]}", COMMA(-off)), tot))
    if bonus:
        ops.append(Row(("", "UW VOORDEEL", COMMA(bonus)), tot))
    if s.savings != bonus:
        ops.append(Row(("", "AFRONDING", COMMA(bonus - s.savings)), tot))
    ops += [Row(("", "TOTAAL", COMMA(s.total)), tot, bold=True, tall=True), Blank(), Text("BETAALD MET:")]
    for t in s.tenders:
        ops.append(Row(("", t.label, COMMA(t.amount)), tot))
    if s.cash:
        ops.append(Row(("", "WISSELGELD", COMMA(s.change)), tot))
    table = (Col(None), Col(10, "right"), Col(9, "right"))
    ops += [Rule(), Row(("BTW", "OVER", "EUR"), table)]
    over = taxes = Decimal(0)
    for rate in ("9", "21"):
        gross = sum((ln.amount - offs.get(ln.name, Decimal(0)) for ln in goods if ln.tag == rate), Decimal(0))
        if gross:
            tax = included_tax(gross, Decimal(rate))
            over, taxes = over + gross - tax, taxes + tax
            ops.append(Row((f"{rate}%", COMMA(gross - tax), COMMA(tax)), table))
    ops += [
        Row(("TOTAAL", COMMA(over), COMMA(taxes)), table),
        Rule(),
        Row((s.when, f"1078/04/{s.no}"), (Col(None), Col(14, "right"))),
        Text("Filiaal 1078  Kassa 4  Kassier 31"),
        Blank(),
        Center("Bedankt voor uw bezoek!"),
        Center("Bewaar uw bon bij ruilen"),
    ]
    if not s.cash:
        two = (Col(None), Col(20, "right"))
        brand = ("Maestro", "Debit Mastercard", "V PAY")[no % 3]
        ops += [
            Rule(),
            Center("Kopie kaarthouder"),
            Row(("Terminal", f"CT{no * 7919 % 1000000:06d}"), two),
            Row(("Merchant", "104761"), two),
            Row(("Periode", f"{6300 + no % 90}"), two),
            Row(("Transactie", f"{no * 104729 % 100000000:08d}"), two),
            Text(f"Kaart: {brand}"),
            Row(("Kaartnummer", f"xxxxxxxxxxxxxxx{no * 37 % 10000:04d}"), two),
            Row(("Kaartvolgnummer", "01"), two),
            Center("BETALING"),
            Row(("Datum", s.when), two),
            Row(("Autorisatiecode", f"{no * 4211 % 1000000:06d}"), two),
            Row(("Bedrag:", f"EUR {COMMA(s.total)}"), two),
            Center("Leesmethode: NFC Chip"),
        ]
    return ops


# -- the blind test split of 2026-12-07 (second session), in dev since the third ---------------------------
# Six templates for the test split, written by someone who had read neither the parser nor its results: an
# Austrian café-Konditorei's RKSV Beleg (de-at-konditorei), an Italian pharmacy's DOCUMENTO COMMERCIALE made
# out to the buyer's codice fiscale (it-farmacia), a Portuguese café's Fatura Simplificada (pt-pt-cafe), an
# Australian supermarket's tax invoice (en-au-supermarket), a Japanese 喫茶店's 領収書 (ja-kissaten) and a
# Taiwanese bento shop's 電子發票證明聯 with its 交易明細 (zh-tw-bento).

AT_MWST = {"A": Decimal(20), "B": Decimal(10)}  # A: what is drunk in a café, 20 %; B: cakes and food, 10 %
AT_KONDITOREI = (  # (name, price, MwSt class)
    ("Wiener Melange", "4.60", "A"),
    ("Kleiner Brauner", "3.40", "A"),
    ("Großer Brauner", "5.20", "A"),
    ("Einspänner", "5.40", "A"),
    ("Verlängerter", "4.20", "A"),
    ("Heiße Schokolade", "4.90", "A"),
    ("Tee Earl Grey", "4.20", "A"),
    ("Almdudler 0,35l", "3.90", "A"),
    ("Mineral prickelnd 0,33l", "3.20", "A"),
    ("Glas Sekt 0,1l", "5.90", "A"),
    ("Sachertorte", "5.40", "B"),
    ("Apfelstrudel", "4.90", "B"),
    ("Topfenstrudel", "4.90", "B"),
    ("Esterházy-Schnitte", "4.80", "B"),
    ("Punschkrapferl", "3.60", "B"),
    ("Cremeschnitte", "4.50", "B"),
    ("Linzer Schnitte", "3.90", "B"),
    ("Kaiserschmarrn", "12.90", "B"),
    ("Portion Schlagobers", "0.90", "B"),
)
AT_RABATT = 10  # the regulars' card: 10 % off the bill, taken off each MwSt class


def at_rabatt(lines: Sequence[Line], tag: str) -> Decimal:
    """What the regulars' 10 % takes off the articles of one MwSt class."""
    gross = sum((ln.amount for ln in lines if ln.tag == tag), Decimal(0))
    return (gross * AT_RABATT / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def de_at_konditorei_sale(rng: random.Random, v: int) -> Sale:
    drinks = [item for item in AT_KONDITOREI if item[2] == "A"]
    cakes = [item for item in AT_KONDITOREI if item[2] == "B"]
    lines = pick(rng, drinks, (1, 3), qtys=(1, 1, 2, 2, 3)) + pick(rng, cakes, (1, 3), qtys=(1, 1, 1, 2))
    rabatt = sum((at_rabatt(lines, tag) for tag in "AB"), Decimal(0)) if v in (2, 3) else Decimal(0)
    total = sum((ln.amount for ln in lines), Decimal(0)) - rabatt
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "Bankomat", total),)
    elif v == 3:
        tenders = (Tender("card", "Kreditkarte", total),)
    else:
        tenders = (Tender("cash", "Bar", tendered(rng, total, EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1200, 48000)),
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}"),
        savings=rabatt,
        savings_label=f"Stammgast-Rabatt {AT_RABATT}%",
        subtotal_printed=v in (2, 3),  # the Zwischensumme before the Rabatt: the articles' own sum
    )


def de_at_konditorei(s: Sale, cols: int) -> list[Op]:
    # A Viennese café-Konditorei's Beleg from a till under the Registrierkassenpflicht (RKSV): the owner, the
    # address and the UID; Kassen-ID, Belegnr., the date, the table and the waiter; each article as "2 x
    # Wiener Melange" with its amount and MwSt class (A 20 % the drinks, B 10 % the cakes), "à 4,60" under
    # it; a Zwischensumme and the regulars' 10 % Rabatt taken off each class; Summe EUR; Bar and Rückgeld, or
    # Bankomat or Kreditkarte with the terminal's lines; the MwSt table; the RKSV code as a QR code
    # (_R1-AT1_, the Kassen-ID, the Belegnr., the time, the takings at each rate, the encrypted turnover
    # counter, the signing certificate's serial number, the previous receipt's and this one's signature).
    item = (Col(None), Col(9, "right"), Col(1))
    no = int(s.no)
    ops: list[Op] = [
        Title("Café Hofbauer"),
        Center("Café-Konditorei seit 1927"),
        Center("Maria Hofbauer e.U."),
        Center("Landstraßer Hauptstraße 48, 1030 Wien"),
        Center("Tel. +43 1 712 48 30"),
        Center("UID: ATU63842159"),
        Blank(),
        Text("Kassen-ID: HOFB-K1"),
        Text(f"Belegnr.: {s.no}"),
        Text(f"Datum: {s.when}"),
        Text(f"Tisch {no % 24 + 1}   Bedienung: {('Sabine', 'Jovan', 'Lena')[no % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((f"{ln.qty} x {ln.name}", COMMA(ln.amount), ln.tag), item))
        if ln.qty != 1:
            ops.append(Text(f"      à {COMMA(ln.price)}"))
    ops.append(Rule())
    off = {tag: at_rabatt(s.lines, tag) if s.savings else Decimal(0) for tag in "AB"}
    if s.savings:
        ops.append(Row(("Zwischensumme", COMMA(s.subtotal), ""), item))
        ops += [Row((s.savings_label, COMMA(-off[tag]), tag), item) for tag in "AB" if off[tag]]
        ops.append(Rule())
    ops.append(Row(("Summe EUR", COMMA(s.total), ""), item, bold=True, tall=True))
    for t in s.tenders:
        ops.append(Row((t.label, COMMA(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("Rückgeld", COMMA(s.change), ""), item))
    else:
        debit = s.tenders[0].label == "Bankomat"
        ops += [
            Text(f"  {'Debit Mastercard' if debit else 'VISA'}  ************{no * 37 % 10000:04d}"),
            Text(f"  Terminal-ID 7T40{no % 10000:04d}  Beleg {no % 9000 + 1000}"),
            Text(f"  Autorisierungscode {no * 4211 % 1000000:06d}"),
        ]
    brutto = {tag: sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0)) - off[tag] for tag in "AB"}
    table = (Col(None), Col(8, "right"), Col(8, "right"), Col(8, "right"))
    ops += [Rule(), Row(("Satz", "Netto", "MwSt", "Brutto"), table)]
    for tag in "AB":
        if brutto[tag]:
            tax = included_tax(brutto[tag], AT_MWST[tag])
            rate = f"{tag} {AT_MWST[tag]}%"
            ops.append(Row((rate, COMMA(brutto[tag] - tax), COMMA(tax), COMMA(brutto[tag])), table))
    turnover = base64.b64encode(hashlib.sha256(f"HOFB-K1/umsatz/{s.no}".encode()).digest()[:8]).decode()
    chained = base64.b64encode(hashlib.sha256(f"HOFB-K1/beleg/{no - 1}".encode()).digest()[:8]).decode()
    signature = base64.b64encode(hashlib.sha512(f"HOFB-K1/{s.no}/{s.iso}".encode()).digest()).decode()
    rksv = [
        "_R1-AT1",
        "HOFB-K1",
        s.no,
        s.iso,
        COMMA(brutto["A"]),  # Betrag-Satz-Normal, 20 %
        COMMA(brutto["B"]),  # Betrag-Satz-Ermaessigt-1, 10 %
        "0,00",  # Betrag-Satz-Ermaessigt-2, 13 %
        "0,00",  # Betrag-Satz-Null
        "0,00",  # Betrag-Satz-Besonders
        turnover,
        "5a3f91c2e07d4b18",  # the signing certificate's serial number
        chained,
        signature,
    ]
    ops += [
        Rule(),
        QR("_".join(rksv)),
        Blank(),
        Center("Vielen Dank für Ihren Besuch!"),
        Center("Wir freuen uns auf ein Wiedersehen"),
    ]
    return ops


IT_FARMACIA = (  # (name, price, IVA %): medicines 10 %, medical devices and the rest 22 %, supplements 10 %
    ("TACHIPIRINA*20CPR 500MG", "4.90", "10"),
    ("MOMENT*24CPR RIV 200MG", "7.90", "10"),
    ("OKI*OS GRAT 12BUST 80MG", "9.50", "10"),
    ("BENAGOL*24PAST MIELE LIM", "8.40", "10"),
    ("FROBEN*GOLA SPRAY 15ML", "8.90", "10"),
    ("ENTEROGERMINA*10FL 2MLD", "10.90", "10"),
    ("IBUPROFENE DOC*12CPR 400", "4.50", "10"),
    ("TERMOMETRO DIGITALE", "9.90", "22"),
    ("CEROTTI ASSORTITI 20PZ", "3.90", "22"),
    ("MASCHERINE FFP2 10PZ", "5.90", "22"),
    ("CREMA MANI KARITE' 75ML", "7.50", "22"),
    ("SHAMPOO DELICATO 250ML", "8.90", "22"),
    ("MAGNESIO POTASSIO 20BUST", "12.90", "10"),
    ("CARAMELLE BALSAMICHE", "2.90", "10"),
)
IT_AIC = {  # a medicine's AIC code, printed under it: the "quality" the tax deduction asks the receipt for
    "TACHIPIRINA*20CPR 500MG": "012745093",
    "MOMENT*24CPR RIV 200MG": "025960048",
    "OKI*OS GRAT 12BUST 80MG": "026975031",
    "BENAGOL*24PAST MIELE LIM": "031453026",
    "FROBEN*GOLA SPRAY 15ML": "024362038",
    "ENTEROGERMINA*10FL 2MLD": "018352071",
    "IBUPROFENE DOC*12CPR 400": "039721084",
}
IT_DISPOSITIVI = frozenset({"TERMOMETRO DIGITALE", "CEROTTI ASSORTITI 20PZ", "MASCHERINE FFP2 10PZ"})
IT_CODICI_FISCALI = ("BNCLRA85T52L219T", "RSSGPP72C14F205P", "FRRMTT90A01L219N", "CSTLCU68E41A271R")


def it_farmacia_sale(rng: random.Random, v: int) -> Sale:
    medicines = [item for item in IT_FARMACIA if item[0] in IT_AIC]
    others = [item for item in IT_FARMACIA if item[0] not in IT_AIC]
    lines = pick(rng, medicines, (1, 3), qtys=(1, 1, 1, 2)) + pick(rng, others, (1, 2), qtys=(1, 1, 2))
    rng.shuffle(lines)
    if v in (2, 3):  # the month's offer: 20 % off an article of the parapharmacy
        k = next(i for i, ln in enumerate(lines) if ln.name not in IT_AIC)
        off = (lines[k].amount * 20 / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
        lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v in (1, 2):
        tenders: tuple[Tender, ...] = (Tender("card", "PAGAMENTO ELETTRONICO", total),)
    else:
        tenders = (Tender("cash", "PAGAMENTO CONTANTE", tendered(rng, total, EUR_CASH)),)
    # The closing's and the document's numbers, and the codice fiscale the buyer gave from the tessera
    # sanitaria (all but v1), after a slash.
    no = f"{rng.randint(100, 340):04d}-{rng.randint(1, 180):04d}"
    if v != 1:
        no += "/" + rng.choice(IT_CODICI_FISCALI)
    return Sale(
        tuple(lines),
        tenders,
        no=no,
        receipt_no=no.partition("/")[0],  # DOCUMENTO N.
        dated_when=dated(rng, "{d}-{m}-{y} {H}:{M}"),
    )


def it_farmacia(s: Sale, cols: int) -> list[Op]:
    # A pharmacy's DOCUMENTO COMMERCIALE from a registratore telematico, a "scontrino parlante" for the tax
    # deduction: DESCRIZIONE, IVA and PREZZO(€); under a medicine FARMACO and its AIC code, under a medical
    # device DISPOSITIVO MEDICO CE (the nature and quality of the expense), a SCONTO under a discounted
    # article; TOTALE COMPLESSIVO and di cui IVA; PAGAMENTO CONTANTE and RESTO or PAGAMENTO ELETTRONICO, and
    # IMPORTO PAGATO; the buyer's C.F. with the SPESA SANITARIA lines (medicines, medical devices) sent to
    # the Sistema Tessera Sanitaria; the date, DOCUMENTO N. and the RT's serial number at the foot.
    c = (Col(None), Col(6, "right"), Col(9, "right"))
    doc_no, _, cf = s.no.partition("/")
    z = int(doc_no.split("-")[0])
    ops: list[Op] = [
        Title("FARMACIA SAN ROCCO"),
        Center("DOTT.SSA CHIARA VALENTI & C. S.N.C."),
        Center("CORSO VITTORIO EMANUELE II 86"),
        Center("10121 TORINO (TO)"),
        Center("P.IVA 08512640015"),
        Center("TEL. 011 5623418"),
        Blank(),
        Center("DOCUMENTO COMMERCIALE", bold=True),
        Center("di vendita o prestazione"),
        Blank(),
        Row(("DESCRIZIONE", "IVA", "PREZZO(€)"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"{ln.tag},00%", COMMA(ln.amount)), c))
        if ln.qty != 1:
            ops.append(Text(f"  {ln.qty} x {COMMA(ln.price)}"))
        if ln.name in IT_AIC:
            ops.append(Text(f"  FARMACO AIC {IT_AIC[ln.name]}"))
        elif ln.name in IT_DISPOSITIVI:
            ops.append(Text("  DISPOSITIVO MEDICO CE"))
        if ln.discount:
            ops.append(Row(("SCONTO 20%", f"{ln.tag},00%", COMMA(ln.discount)), c))
    iva = Decimal(0)
    for rate in ("10", "22"):
        iva += included_tax(sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0)), Decimal(rate))
    ops += [
        Rule(),
        pair("TOTALE COMPLESSIVO", COMMA(s.total), bold=True, tall=True),
        pair("di cui IVA", COMMA(iva)),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("RESTO", COMMA(s.change)))
    ops.append(pair("IMPORTO PAGATO", COMMA(s.total)))
    if cf:
        medicines = sum((ln.net for ln in s.lines if ln.name in IT_AIC), Decimal(0))
        devices = sum((ln.net for ln in s.lines if ln.name in IT_DISPOSITIVI), Decimal(0))
        ops += [Rule(), Text(f"C.F. {cf}")]
        if medicines:
            ops.append(pair("SPESA SANITARIA FARMACI", COMMA(medicines)))
        if devices:
            ops.append(pair("SPESA SANITARIA DISP. MEDICI", COMMA(devices)))
    ops += [
        Blank(),
        Row((s.when, f"DOCUMENTO N. {doc_no}"), (Col(None), Col(22, "right"))),
        Text(f"CASSA 01  OPERATORE {z * 7 % 4 + 1:02d}  DOTT.SSA VALENTI"),
        Text("RT 96SRT045812"),
        Blank(),
        Center("GRAZIE E ARRIVEDERCI"),
        Center("CONSERVARE PER LA DICHIARAZIONE"),
        Center("DEI REDDITI"),
    ]
    return ops


PT_IVA = {"13": Decimal(13), "23": Decimal(23)}  # served food and coffee 13 %; soft drinks and alcohol 23 %
PT_CAFE = (  # (name, price, IVA %)
    ("Café", "0.80", "13"),
    ("Galão", "1.40", "13"),
    ("Meia de leite", "1.30", "13"),
    ("Abatanado", "1.00", "13"),
    ("Chá", "1.20", "13"),
    ("Pastel de nata", "1.30", "13"),
    ("Croissant misto", "2.60", "13"),
    ("Tosta mista", "3.20", "13"),
    ("Torrada", "1.80", "13"),
    ("Bola de Berlim", "1.60", "13"),
    ("Água 0,5L", "1.00", "13"),
    ("Coca-Cola 33cl", "1.80", "23"),
    ("Compal Pêssego", "1.70", "23"),
    ("Água c/ gás 25cl", "1.20", "23"),
    ("Imperial", "1.50", "23"),
    ("Copo de vinho", "2.50", "23"),
)
PT_NIF = "514321873"  # the café's
PT_ADQUIRENTES = ("235817465", "216374855", "198765436", "277456126")  # buyers' NIFs, for the IRS deduction


def pt_pt_cafe_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, PT_CAFE, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    if v == 2:  # the loyalty card's tenth coffee, free: one café off its line
        if not any(ln.name == "Café" for ln in lines):
            lines.insert(0, Line("Café", Decimal(rng.choice((1, 2))), Decimal("0.80"), tag="13"))
        k = next(i for i, ln in enumerate(lines) if ln.name == "Café")
        lines[k] = replace(lines[k], discount=-lines[k].price)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "Multibanco", total),)
    elif v == 3:
        tenders = (Tender("other", "MB WAY", total),)
    else:
        tenders = (Tender("cash", "Numerário", tendered(rng, total, (5, 10, 20, 50))),)
    # The document's number in its series, and the buyer's NIF after a slash when one was asked for.
    no = str(rng.randint(120, 4800))
    if v in (1, 2):
        no += "/" + rng.choice(PT_ADQUIRENTES)
    return Sale(
        tuple(lines),
        tenders,
        no=no,
        receipt_no=f"FS A2026/{no.partition('/')[0]}",  # N.º: the series and the number
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}"),
    )


def pt_pt_cafe(s: Sale, cols: int) -> list[Op]:
    # A Lisbon pastelaria's Fatura Simplificada from certified invoicing software: the company and its NIF;
    # the document's series and number (FS A2026/...) and its ATCUD (the series' validation code and the
    # number); the date; the buyer's NIF for the IRS deduction, or Consumidor final; description, quantity,
    # unit price, IVA rate and amount, the loyalty card's free coffee as an Oferta under its line; Total;
    # Numerário and Troco, Multibanco or MB WAY; the IVA summary with Base and IVA at 13 % and 23 %; the
    # Autoridade Tributária's QR code; the four characters of the signature and the program's certificate.
    seq, _, buyer = s.no.partition("/")
    doc, atcud = f"FS A2026/{seq}", f"JF7K2M9X-{seq}"
    c = (Col(None), Col(3, "right"), Col(5, "right"), Col(4, "right"), Col(7, "right"))
    ops: list[Op] = [
        Title("Pastelaria Estrela"),
        Center("Estrela d'Ouro - Pastelaria, Lda."),
        Center("Rua Ferreira Borges 112"),
        Center("1350-131 Lisboa"),
        Center(f"NIF: {PT_NIF}"),
        Center("Tel.: 213 883 402"),
        Blank(),
        Center("Fatura Simplificada", bold=True),
        Center("Original"),
        Text(f"N.º: {doc}"),
        Text(f"ATCUD: {atcud}"),
        Text(f"Data: {s.when}"),
        Text(f"NIF do adquirente: {buyer}" if buyer else "Consumidor final"),
        Rule(),
        Row(("Descrição", "Qtd", "Preço", "IVA", "Total"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), COMMA(ln.price), f"{ln.tag}%", COMMA(ln.amount)), c))
        if ln.discount:
            ops.append(Row(("  Oferta 10.º café", "", "", f"{ln.tag}%", COMMA(ln.discount)), c))
    ops += [Rule(), pair("Total", f"{COMMA(s.total)} €", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"{COMMA(t.amount)} €"))
    if s.cash:
        ops.append(pair("Troco", f"{COMMA(s.change)} €"))
    table = (Col(None), Col(9, "right"), Col(9, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Taxa IVA", "Base", "IVA", "Total"), table)]
    qr = [
        f"A:{PT_NIF}",
        f"B:{buyer or '999999990'}",
        "C:PT",
        "D:FS",
        "E:N",
        f"F:{s.iso[:10].replace('-', '')}",
        f"G:{doc}",
        f"H:{atcud}",
        "I1:PT",
    ]
    taxes = Decimal(0)
    for rate, fields in (("13", ("I5", "I6")), ("23", ("I7", "I8"))):
        gross = sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            tax = included_tax(gross, PT_IVA[rate])
            taxes += tax
            ops.append(Row((f"{rate}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
            qr += [f"{fields[0]}:{POINT(gross - tax)}", f"{fields[1]}:{POINT(tax)}"]
    signature = base64.b64encode(hashlib.sha256(f"{doc}/{s.iso}/{s.total}".encode()).digest()).decode()
    hash4 = signature[0] + signature[10] + signature[20] + signature[30]
    qr += [f"N:{POINT(taxes)}", f"O:{POINT(s.total)}", f"Q:{hash4}", "R:2345"]
    ops += [
        Rule(),
        QR("*".join(qr)),
        Text(f"{hash4}-Processado por programa"),
        Text("certificado n.º 2345/AT"),
        Text("IVA incluído"),
        Blank(),
        Center("Obrigado e volte sempre!"),
    ]
    return ops


AU_SUPERMARKET = (  # (name, price, "^" when it bears GST): fresh food, bread, milk and spreads are GST-free
    ("Full Cream Milk 2L", "3.10", ""),
    ("Wholemeal Bread 700g", "3.80", ""),
    ("Free Range Eggs 12pk", "6.90", ""),
    ("Greek Yoghurt 1kg", "6.50", ""),
    ("Tasty Cheese Block 500g", "7.50", ""),
    ("Rolled Oats 750g", "2.60", ""),
    ("Vegemite 380g", "7.80", ""),
    ("Coca-Cola 1.25L", "3.50", "^"),
    ("Arnott's Tim Tam 200g", "4.50", "^"),
    ("Smith's Chips Original 170g", "4.80", "^"),
    ("Cadbury Dairy Milk 180g", "6.00", "^"),
    ("Dishwashing Liquid 900mL", "4.20", "^"),
    ("Toilet Tissue 12pk", "9.00", "^"),
    ("Shampoo 400mL", "7.00", "^"),
)
AU_PRODUCE = (  # weighed at the checkout: (name, price a kilo), GST-free
    ("Bananas Cavendish", "4.90"),
    ("Tomatoes Gourmet", "6.90"),
    ("Apples Pink Lady", "5.90"),
    ("Carrots Loose", "2.50"),
)
AU_HALF_PRICE = ("Arnott's Tim Tam 200g", "Cadbury Dairy Milk 180g", "Shampoo 400mL", "Greek Yoghurt 1kg")
AUD_CASH = (5, 10, 20, 30, 40, 50, 60, 70, 100, 150, 200)


def aud(value: Decimal) -> str:
    """$4.50, -$2.25."""
    return f"-${POINT(-value)}" if value < 0 else f"${POINT(value)}"


def en_au_supermarket_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, AU_SUPERMARKET, (3, 7), qtys=(1, 1, 1, 2, 2, 3))
    for name, price in rng.sample(AU_PRODUCE, rng.randint(1, 2)):
        weight = Decimal(rng.choice(("0.542", "1.086", "0.764", "0.318", "1.230", "0.875")))
        lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price)))
    if v in (2, 3):  # the week's half-price specials, the saving printed under the article
        if not any(ln.name in AU_HALF_PRICE for ln in lines):
            special = rng.choice(AU_HALF_PRICE)
            name, price, tag = next(item for item in AU_SUPERMARKET if item[0] == special)
            lines.append(Line(name, Decimal(rng.choice((1, 2))), Decimal(price), tag=tag))
        for k, ln in enumerate(lines):
            if ln.name in AU_HALF_PRICE:
                lines[k] = replace(ln, discount=-(ln.amount / 2).quantize(Decimal("0.01"), ROUND_HALF_UP))
    due = sum((ln.net for ln in lines), Decimal(0))
    rounding = Decimal(0)
    if v in (0, 2):  # no 1 or 2 cent coins since 1992: a cash total is rounded to 5 cents
        rounding = due - round_to(due * 20, 1) / 20
        tenders: tuple[Tender, ...] = (Tender("cash", "CASH", tendered(rng, due - rounding, AUD_CASH)),)
    else:
        tenders = (Tender("card", "EFTPOS" if v == 1 else "VISA", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        savings=rounding,
        savings_label="ROUNDING",
        # SUBTOTAL is printed after the specials' savings: the items' own sum only when there are none.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def en_au_supermarket(s: Sale, cols: int) -> list[Op]:
    # An Australian supermarket's tax invoice: the company and its ABN; each item with its amount, "^"
    # before one that bears GST, "2 @ $3.50 each" or "0.542 kg NET @ $4.90/kg" under an item bought more
    # than once or weighed, a half-price special's saving under that; SUBTOTAL, the cash ROUNDING to 5
    # cents, TOTAL; CASH and CHANGE, or the EFTPOS terminal's customer copy; GST included in total; the
    # savings and the rewards card's points; the store, lane, transaction and date at the foot.
    item = (Col(1), Col(None), Col(9, "right"))
    no = int(s.no)
    ops: list[Op] = [
        Title("COASTAL FRESH"),
        Center("Coastal Fresh Supermarkets Pty Ltd"),
        Center("ABN 53 819 264 050"),
        Center("Marrickville Metro, 34 Victoria Rd"),
        Center("Marrickville NSW 2204  Ph 02 9558 4120"),
        Blank(),
        Center("TAX INVOICE", bold=True),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(Row((ln.tag, ln.name, aud(ln.amount)), item))
        else:
            weighed = ln.qty != ln.qty.to_integral()
            how = f"{ln.qty} kg NET @ {aud(ln.price)}/kg" if weighed else f"{ln.qty} @ {aud(ln.price)} each"
            ops += [Row((ln.tag, ln.name, ""), item), Row(("", f"  {how}", aud(ln.amount)), item)]
        if ln.discount:
            ops.append(Row(("", "  1/2 PRICE SPECIAL", aud(ln.discount)), item))
    saved = -sum((ln.discount for ln in s.lines), Decimal(0))
    ops += [Rule(), pair("SUBTOTAL", aud(s.subtotal - saved))]
    if s.savings:
        ops.append(pair(s.savings_label, aud(-s.savings)))
    ops.append(pair("TOTAL", aud(s.total), bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, aud(t.amount)))
    if s.cash:
        ops.append(pair("CHANGE", aud(s.change)))
    else:
        ops += [
            Rule(),
            Center("CUSTOMER COPY"),
            Center("COASTAL FRESH MARRICKVILLE"),
            Text(f"MID 4382915       TID 6281{no % 10000:04d}"),
            Text("EFTPOS SAVINGS" if s.tenders[0].label == "EFTPOS" else "VISA CREDIT"),
            Text(f"CARD ************{no * 37 % 10000:04d}  CONTACTLESS"),
            pair("PURCHASE", f"AUD {aud(s.total)}", right=16),
            pair("TOTAL", f"AUD {aud(s.total)}", right=16),
            Text(f"AUTH {no * 4211 % 1000000:06d}   STAN {no * 7 % 1000000:06d}"),
            Center("APPROVED 00"),
        ]
    gst = included_tax(sum((ln.net for ln in s.lines if ln.tag), Decimal(0)), Decimal(10))
    ops += [
        Rule(),
        pair("GST included in total", aud(gst)),
        Text("^ Indicates GST applicable item"),
    ]
    if saved:
        ops.append(pair("TOTAL SAVINGS", aud(saved)))
    ops += [
        Blank(),
        Text(f"Rewards card ************{no * 53 % 10000:04d}"),
        pair("Points earned", str(int(s.total))),
        Blank(),
        Text(f"{s.when}   Store 1042"),
        Text(f"Lane 05   Trans {s.no}   Op 211"),
        Barcode(f"104205{s.no}"),
        Center("Thank you for shopping at Coastal Fresh"),
    ]
    return ops


JA_KISSATEN = (  # eaten and drunk in the shop: all at 10 %
    ("ブレンドコーヒー", "550"),
    ("アメリカン", "550"),
    ("カフェオレ", "600"),
    ("ウインナーコーヒー", "650"),
    ("アイスコーヒー", "550"),
    ("ロイヤルミルクティー", "650"),
    ("クリームソーダ", "700"),
    ("ミックスジュース", "650"),
    ("ナポリタン", "980"),
    ("ミックスサンド", "850"),
    ("たまごサンド", "800"),
    ("厚切りトースト", "450"),
    ("ホットケーキ", "750"),
    ("チーズケーキ", "500"),
    ("プリン・ア・ラ・モード", "880"),
)


def ja_kissaten_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, JA_KISSATEN, (2, 5), places=0, qtys=(1, 1, 1, 2, 2, 3))
    if v == 3:  # the house blend's beans to take home: food, at the reduced rate of 8 %
        lines.append(
            Line("コーヒー豆 ブレンド200g", Decimal(rng.choice((1, 1, 2))), Decimal(1200), 0, tag="※")
        )
    coupon = Decimal(100) if v == 2 else Decimal(0)  # a stamp card's service ticket, off the 10 % items
    total = sum((ln.amount for ln in lines), Decimal(0)) - coupon
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "交通系IC", total),)
    elif v == 3:
        tenders = (Tender("card", "クレジット", total),)
    else:
        tenders = (Tender("cash", "お預り", tendered(rng, total, (1000, 2000, 3000, 5000, 10000))),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, "{y}年{m}月{d}日 {H}:{M}"),
        savings=coupon,
        savings_label="サービス券",
        subtotal_printed=True,  # 小計 is the items' own sum, before the ticket
    )


def ja_kissaten(s: Sale, cols: int) -> list[Op]:
    # A 喫茶店's 領収書, a simplified qualified invoice (適格簡易請求書): the shop, its address and
    # its 登録番号 (T and the corporate number); the date, the slip's number, the table and who served;
    # each item with its amount, "¥700 × 2" under one ordered more than once, ※ before the beans taken
    # home at the reduced rate; 小計 with the count of items, a サービス券 off it, 合計; each rate's 対象
    # amount with the 内消費税等 in it (tax included, 内税, the fraction of a yen cut off); お預り and
    # お釣り, the 交通系IC card's balance or the credit card's approval; 上記正に領収いたしました.
    item = (Col(2), Col(None), Col(9, "right"))
    no = int(s.no)
    ops: list[Op] = [
        Title("純喫茶 こもれび"),
        Center("東京都武蔵野市吉祥寺本町2-14-3"),
        Center("TEL 0422-21-3456"),
        Center("登録番号 T2010401087261"),
        Blank(),
        Center("領 収 書", bold=True),
        Text(s.when),
        Text(f"伝票No.{s.no}  卓番 {no % 12 + 1}  担当 {('佐藤', '高橋', '小林')[no % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.tag, ln.name, f"¥{WHOLE(ln.amount)}"), item))
        if ln.qty != 1:
            ops.append(Text(f"      ¥{WHOLE(ln.price)} × {ln.qty}"))
    ops += [Rule(), pair(f"小計 {pieces(s.lines)}点", f"¥{WHOLE(s.subtotal)}")]
    if s.savings:
        ops.append(pair(s.savings_label, f"-¥{WHOLE(s.savings)}"))
    ops.append(pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True))
    for rate, reduced in ((10, False), (8, True)):
        gross = sum((ln.amount for ln in s.lines if bool(ln.tag) == reduced), Decimal(0))
        if not reduced:
            gross -= s.savings
        if gross:
            ops += [
                pair(f"{rate}%対象", f"¥{WHOLE(gross)}"),
                pair("  内消費税等", f"¥{WHOLE(ja_drug_tax(gross, rate))}"),
            ]
    ops.append(Rule())
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    elif s.tenders[0].method == "card":
        ops += [
            Text("  VISA"),
            Text(f"  会員番号 ************{no * 37 % 10000:04d}"),
            Text(f"  承認番号 {no * 7919 % 9000000 + 1000000}"),
            Text("  支払区分 一括"),
        ]
    else:
        ops += [
            Text(f"  Suica  JE80 **** **** {no * 53 % 10000:04d}"),
            pair("  残高", f"¥{WHOLE(Decimal(200 + no * 31 % 4800))}"),
        ]
    if any(ln.tag for ln in s.lines):
        ops.append(Text("※印は軽減税率(8%)対象商品"))
    ops += [
        Blank(),
        Text("上記正に領収いたしました"),
        Blank(),
        Center("またのご来店をお待ちしております"),
    ]
    return ops


TW_BENTO = (  # (name, price): a 便當 and the sides and drinks with it
    ("排骨便當", "95"),
    ("雞腿便當", "110"),
    ("控肉便當", "100"),
    ("鯖魚便當", "105"),
    ("三杯雞便當", "105"),
    ("素食便當", "85"),
    ("滷蛋", "15"),
    ("燙青菜", "35"),
    ("貢丸湯", "30"),
    ("味噌湯", "25"),
    ("冬瓜茶", "20"),
    ("紅茶(大)", "25"),
)
TW_SELLER = "52810001"  # the shop's 統一編號
TW_BUYERS = ("83450012", "42710355", "90463202")  # companies buying lunch for their staff
TW_CARRIERS = ("/K8Q3MZ2", "/X2.7RP+", "/ABN5T09")  # customers' mobile barcodes (手機條碼載具)
TW_ECO = 5  # a bento's discount for bringing one's own box and chopsticks (自備餐具)


def zh_tw_bento_sale(rng: random.Random, v: int) -> Sale:
    bentos = [item for item in TW_BENTO if item[0].endswith("便當")]
    sides = [item for item in TW_BENTO if not item[0].endswith("便當")]
    lines = pick(rng, bentos, (1, 3), places=0, qtys=(1, 1, 2, 2, 3, 4))
    lines += pick(rng, sides, (0, 2), places=0, qtys=(1, 1, 2))
    eco = TW_ECO * sum((int(ln.qty) for ln in lines if ln.name.endswith("便當")), 0) if v == 1 else 0
    total = sum((ln.amount for ln in lines), Decimal(0)) - eco
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "悠遊卡", total),)
    elif v == 2:
        tenders = (Tender("other", "LINE Pay", total),)
    elif v == 0:  # a lunch customer's 100, 500 or 1000 note, the change in coins
        tenders = (Tender("cash", "現金", Decimal(next(n for n in (100, 500, 1000) if n > total))),)
    else:
        tenders = (Tender("cash", "現金", tendered(rng, total, (100, 200, 500, 1000))),)
    # The till's serial number; the buyer's 統一編號 (v3); the customer's 載具 (v2), when the invoice was
    # stored on it and no 證明聯 printed.
    buyer = rng.choice(TW_BUYERS) if v == 3 else ""
    carrier = rng.choice(TW_CARRIERS) if v == 2 else ""
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=(no := f"{rng.randint(1, 99999):05d};{buyer};{carrier}"),
        receipt_no=no.partition(";")[0],  # 序號
        dated_when=dated(rng, "115/{m}/{d} {H}:{M}:{S}"),
        savings=Decimal(eco),
        savings_label="自備餐具折扣",
        subtotal_printed=v == 1,  # 小計 is printed only above a discount
    )


def zh_tw_bento(s: Sale, cols: int) -> list[Op]:
    # A Taiwanese bento shop's 電子發票證明聯 with the 交易明細 under it. The 證明聯: the shop's name,
    # the two-month period in ROC years (115年11-12月), the invoice number (AB-12345678), the date and
    # time, 隨機碼 and 總計, the seller's and a company buyer's 統一編號 (then 格式 25), the Code 39
    # barcode (period, number, 隨機碼) and the two QR codes; none when the invoice went to the customer's
    # 載具 (the 明細 then names it and the number). The 明細: each item with quantity, unit price and
    # amount, TX for taxed; 小計 and the 自備餐具 discount, 合計 NT$; a company's 銷售額 and 稅額 (5 %
    # included); 現金 and 找零, the 悠遊卡's balance or LINE Pay's transaction; the date in ROC years.
    serial, buyer, carrier = s.no.split(";")
    no = int(serial)
    track = ("QX", "RB", "TK", "ZM")[no % 4]
    number = f"{no * 7919 % 10**8:08d}"
    random_code = f"{no * 37 % 10000:04d}"
    month = int(s.iso[5:7])
    period = month + month % 2  # the period's even month
    tax = included_tax(s.total, Decimal(5), places=0)
    ops: list[Op] = []
    if not carrier:
        secret = base64.b64encode(hashlib.sha256(f"{track}{number}/{s.iso}".encode()).digest()[:18]).decode()
        items = [
            f"{base64.b64encode(ln.name.encode()).decode()}:{ln.qty}:{WHOLE(ln.price).replace(',', '')}"
            for ln in s.lines
        ]
        sales = s.total - tax if buyer else s.total
        left = (
            f"{track}{number}115{s.iso[5:7]}{s.iso[8:10]}{random_code}{int(sales):08x}{int(s.total):08x}"
            f"{buyer or '00000000'}{TW_SELLER}{secret}:**********:{len(items)}:{len(items)}:2:{items[0]}"
        )
        ops += [
            Title("阿嬤的灶腳"),
            Title("電子發票證明聯"),
            Title(f"115年{period - 1:02d}-{period:02d}月"),
            Title(f"{track}-{number}"),
            Text(f"{s.iso[:10]} {s.iso[11:19]}" + ("  格式 25" if buyer else "")),
            Row((f"隨機碼 {random_code}", f"總計 {WHOLE(s.total)}"), (Col(None), Col(12))),
            Row((f"賣方 {TW_SELLER}", f"買方 {buyer}" if buyer else ""), (Col(None), Col(16))),
            Barcode(f"115{period:02d}{track}{number}{random_code}"),
            QR(left),
            QR("**" + ":".join(items[1:])),
            Rule(),
        ]
    c = (Col(None), Col(4, "right"), Col(5, "right"), Col(6, "right"), Col(2))
    ops += [
        Center("交易明細", bold=True),
        Center("阿嬤的灶腳 民生店"),
        Center("台北市松山區民生東路四段56巷3號"),
        Center("電話 (02)2767-1234"),
        Text(f"賣方統編 {TW_SELLER}"),
        Text(f"機台 01  序號 {serial}  收銀員 林"),
        Text(f"日期 {s.when}"),
    ]
    if carrier:
        ops += [Text(f"發票號碼 {track}-{number}"), Text(f"手機條碼載具 {carrier}")]
    ops += [Rule(), Row(("品名", "數量", "單價", "金額", ""), c), Rule()]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.price), WHOLE(ln.amount), "TX"), c))
    ops += [Rule(), Text(f"共 {len(s.lines)} 項  {pieces(s.lines)} 件")]
    if s.savings:
        ops += [pair("小計", WHOLE(s.subtotal)), pair(s.savings_label, WHOLE(-s.savings))]
    ops.append(pair("合計", f"NT${WHOLE(s.total)}", bold=True, tall=True))
    if buyer:
        ops += [Text(f"買方統編 {buyer}"), pair("銷售額", WHOLE(s.total - tax)), pair("稅額 5%", WHOLE(tax))]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("找零", WHOLE(s.change)))
    elif s.tenders[0].label == "悠遊卡":
        ops += [Text(f"卡號 {no * 53 % 10**8:08d}"), pair("卡片餘額", WHOLE(Decimal(120 + no * 31 % 900)))]
    else:
        ops.append(Text(f"交易序號 2026{s.iso[5:7]}{s.iso[8:10]}{no * 6151 % 10**8:08d}"))
    ops += [Blank(), Center("謝謝光臨 歡迎再來")]
    return ops


# -- encoders -----------------------------------------------------------------------------------------------

Family = Literal["receiptline", "rpe", "python-escpos"]


@dataclass(frozen=True)
class Encoder:
    family: Family
    model: str  # receiptline's command, receipt-printer-encoder's printerModel, python-escpos's profile
    # The tillbox printer profile a box at that store's printer is configured with: the maker's ESC t
    # numbering (citizen-80mm, seiko-80mm), Star's command set, or the double-byte set the bytes do not name.
    profile: str
    columns: int
    encoding: str = ""  # receiptline's encoding, RPE's codepage, python-escpos's code page ("": default)

    @property
    def name(self) -> str:
        return f"{self.family}/{self.model}"

    def describe(self) -> str:
        if self.family == "receiptline":
            return (
                f"receiptline {version('receiptline')} (npm) transform(), command {self.model!r}, "
                f"encoding {self.encoding!r}, cpl {self.columns}"
            )
        if self.family == "rpe":
            return (
                f"@point-of-sale/receipt-printer-encoder {version('@point-of-sale/receipt-printer-encoder')} "
                f"(npm), printerModel {self.model!r}, codepage {self.encoding or 'default'!r}, "
                f"{self.columns} columns"
            )
        return (
            f"python-escpos {version('python-escpos')} (PyPI) Dummy printer, profile {self.model!r}, "
            f"code page {self.encoding or 'auto'!r}"
        )


def version(package: str) -> str:
    if package == "python-escpos":
        return metadata.version(package)
    path = ENCODERS / "node_modules" / package / "package.json"
    return str(json.loads(path.read_text())["version"]) if path.is_file() else "?"


@dataclass(frozen=True)
class Template:
    name: str
    script: str
    currency: str | None  # the ISO code the printed symbol or word states; None when it states none
    sale: Callable[[random.Random, int], Sale]
    layout: Callable[[Sale, int], list[Op]]
    encoders: tuple[Encoder, ...]
    variants: int = 3


RL: Family = "receiptline"
RPE: Family = "rpe"
PE: Family = "python-escpos"
TEMPLATES: tuple[Template, ...] = (
    Template(
        "ja-drugstore",
        "Japanese",
        "JPY",
        ja_drugstore_sale,
        ja_drugstore,
        (
            Encoder(RL, "escpos", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starlinembcs", "star-line-80mm", 48, "shiftjis"),
            Encoder(RL, "fit", "japanese-80mm", 48, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "zh-hans-bianlidian",
        "simplified Chinese",
        "CNY",
        zh_hans_bianlidian_sale,
        zh_hans_bianlidian,
        (
            Encoder(RL, "escpos", "chinese-80mm", 42, "gb18030"),
            Encoder(RL, "generic", "chinese-80mm", 48, "gb18030"),
            Encoder(RL, "sii", "chinese-80mm", 48, "cp936"),
        ),
        variants=4,
    ),
    Template(
        "th-minimart",
        "Thai",
        None,  # the receipt prints no baht sign or word
        th_minimart_sale,
        th_minimart,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "tis620"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "thai11"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "star/cp874"),
        ),
        variants=4,
    ),
    Template(
        "ko-cafe-chain",
        "Korean",
        "KRW",
        ko_cafe_chain_sale,
        ko_cafe_chain,
        (
            Encoder(RL, "epson", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "fit", "korean-80mm", 48, "ksc5601"),
            Encoder(RL, "sii", "korean-80mm", 42, "cp949"),
        ),
        variants=4,
    ),
    Template(
        "en-us-grocery",
        "Latin",
        "USD",
        en_us_grocery_sale,
        en_us_grocery,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "epson-tm-t88vii", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp437"),
        ),
        variants=4,
    ),
    Template(
        "en-ca-pharmacy",
        "Latin",
        None,  # "$" alone does not say Canadian dollars
        en_ca_pharmacy_sale,
        en_ca_pharmacy,
        (
            Encoder(RL, "citizen", "citizen-80mm", 48, "cp863"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp850"),
            Encoder(RPE, "star-tsp650ii", "star-line-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "en-us-qsr",
        "Latin",
        "USD",
        en_us_qsr_sale,
        en_us_qsr,
        (
            # "auto": with no code page set, the encoder prints a "?" for the ñ of "Jalapeños".
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "auto"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp437"),
            Encoder(RL, "starsbcs", "star-80mm", 48, "cp437"),
        ),
        variants=4,
    ),
    Template(
        "en-ca-hardware",
        "Latin",
        None,
        en_ca_hardware_sale,
        en_ca_hardware,
        (
            # CP863, Canadian French, for the accents of a Quebec till (ÉCOFRAIS, the cashier's name).
            Encoder(RL, "escpos", "generic-80mm", 42, "cp863"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp863"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp863"),
        ),
        variants=4,
    ),
    Template(
        "us-pharmacy",
        "Latin",
        "USD",
        us_pharmacy_sale,
        us_pharmacy,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42),
        ),
    ),
    Template(
        "uk-supermarket",
        "Latin",
        "GBP",
        uk_supermarket_sale,
        uk_supermarket,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "multilingual"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp858"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "fr-boulangerie",
        "Latin",
        "EUR",
        fr_boulangerie_sale,
        fr_boulangerie,
        (
            Encoder(RL, "sii", "seiko-80mm", 48, "multilingual"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "nl-bakkerij",
        "Latin",
        "EUR",
        nl_bakkerij_sale,
        nl_bakkerij,
        (
            Encoder(RL, "starlinesbcs", "star-line-80mm", 48, "multilingual"),
            Encoder(RPE, "star-tsp650ii", "star-line-80mm", 48, "cp858"),
            Encoder(RPE, "xprinter-xp-n160ii", "generic-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "pl-sklep",
        "Latin",
        "PLN",
        pl_sklep_sale,
        pl_sklep,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp852"),
            Encoder(RL, "generic", "generic-80mm", 48, "cp852"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "cp852"),
        ),
    ),
    Template(
        "zh-milktea",
        "simplified Chinese",
        "CNY",
        zh_milktea_sale,
        zh_milktea,
        (
            Encoder(RL, "escpos", "chinese-80mm", 42, "gb18030"),
            Encoder(RL, "epson", "chinese-58mm", 32, "gb18030"),
            Encoder(RL, "generic", "chinese-80mm", 48, "gb18030"),
        ),
    ),
    Template(
        "ko-cafe",
        "Korean",
        "KRW",
        ko_cafe_sale,
        ko_cafe,
        (
            Encoder(RL, "escpos", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "citizen", "korean-80mm", 48, "ksc5601"),
        ),
    ),
    Template(
        "au-cafe",
        "Latin",
        None,  # "$" alone does not say Australian dollars
        au_cafe_sale,
        au_cafe,
        (
            Encoder(RPE, "star-sm-l200", "star-58mm", 32),
            Encoder(RL, "emustarlinesbcs", "star-line-80mm", 48, "cp437"),
            Encoder(RL, "impactb", "generic-80mm", 42, "cp437"),
        ),
    ),
    Template(
        "us-diner",
        "Latin",
        "USD",
        us_diner_sale,
        us_diner,
        (
            Encoder(RL, "impact", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "epson-tm-t88v", "generic-80mm", 42),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48),
        ),
    ),
    Template(
        "zh-hant-restaurant",
        "traditional Chinese",
        "TWD",
        zh_hant_restaurant_sale,
        zh_hant_restaurant,
        (
            Encoder(RL, "citizen", "taiwan-80mm", 48, "big5"),
            Encoder(RL, "generic", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "epson", "taiwan-80mm", 42, "cp950"),
        ),
    ),
    Template(
        "th-7eleven",
        "Thai",
        None,  # the receipt prints no baht sign or word
        th_7eleven_sale,
        th_7eleven,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "tis620"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "thai18"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "star/cp874"),
        ),
    ),
    Template(
        "ru-apteka",
        "Cyrillic",
        None,  # the receipt prints no currency sign or word
        ru_apteka_sale,
        ru_apteka,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp866"),
            Encoder(RPE, "fujitsu-fp1000", "fujitsu-80mm", 48, "cp866"),
        ),
    ),
    Template(
        "fr-supermarche",
        "Latin",
        "EUR",
        fr_supermarche_sale,
        fr_supermarche,
        (
            Encoder(RL, "generic", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-t88iv", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "star-tsp650ii", "star-line-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "ko-chicken",
        "Korean",
        "KRW",
        ko_chicken_sale,
        ko_chicken,
        (
            Encoder(RL, "generic", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "escpos", "korean-80mm", 48, "cp949"),
        ),
    ),
    Template(
        "ru-produkty",
        "Cyrillic",
        None,  # the receipt prints no currency sign or word
        ru_produkty_sale,
        ru_produkty,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "star-mc-print2", "star-58mm", 32, "cp866"),
        ),
    ),
    Template(
        "tw-convenience",
        "traditional Chinese",
        "TWD",
        tw_convenience_sale,
        tw_convenience,
        (
            Encoder(RL, "escpos", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "sii", "taiwan-80mm", 48, "big5"),
        ),
    ),
    Template(
        "it-bar",
        "Latin",
        "EUR",
        it_bar_sale,
        it_bar,
        (
            Encoder(RL, "fit", "generic-80mm", 48, "multilingual"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "th-cafe",
        "Thai",
        "THB",
        th_cafe_sale,
        th_cafe,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "tis620"),
            Encoder(RL, "starsbcs", "star-80mm", 48, "tis620"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "thai11"),
        ),
    ),
    Template(
        "ja-ramen",
        "Japanese",
        "JPY",
        ja_ramen_sale,
        ja_ramen,
        (
            Encoder(RL, "escpos", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
            Encoder(RL, "starlinembcs", "star-line-80mm", 48, "shiftjis"),
        ),
    ),
    Template(
        "es-bar",
        "Latin",
        "EUR",
        es_bar_sale,
        es_bar,
        (
            Encoder(RL, "citizen", "citizen-80mm", 48, "multilingual"),
            Encoder(RPE, "bixolon-srp350iii", "generic-80mm", 42, "cp858"),
        ),
    ),
    Template(
        "es-supermercado",
        "Latin",
        "EUR",
        es_supermercado_sale,
        es_supermercado,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "it-pizzeria",
        "Latin",
        "EUR",
        it_pizzeria_sale,
        it_pizzeria,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "multilingual"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "en-gb-cafe",
        "Latin",
        "GBP",
        en_gb_cafe_sale,
        en_gb_cafe,
        (
            Encoder(RL, "starsbcs", "star-80mm", 48, "cp858"),
            Encoder(RPE, "epson-tm-m30ii", "generic-80mm", 48),
            Encoder(RPE, "star-tsp650", "star-line-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "zh-hans-supermarket",
        "simplified Chinese",
        "CNY",
        zh_hans_supermarket_sale,
        zh_hans_supermarket,
        (
            Encoder(RL, "escpos", "chinese-80mm", 42, "gb18030"),
            Encoder(RL, "citizen", "chinese-80mm", 48, "gb18030"),
            Encoder(RL, "sii", "chinese-80mm", 48, "cp936"),
        ),
    ),
    Template(
        "de-supermarkt",
        "Latin",
        "EUR",
        de_supermarkt_sale,
        de_supermarkt,
        (Encoder(RPE, "star-tsp100iii", "star-80mm", 48, "cp858"),),
    ),
    Template(
        "pt-padaria",
        "Latin",
        "EUR",
        pt_padaria_sale,
        pt_padaria,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "cp858"),
            Encoder(RPE, "star-mpop", "star-58mm", 32, "cp858"),
        ),
    ),
    Template(
        "tr-market",
        "Latin",
        None,  # a Turkish fiscal receipt prints its amounts with the fiscal star and no TL
        tr_market_sale,
        tr_market,
        (
            # receiptline has no CP857: receipt-printer-encoder and python-escpos do.
            Encoder(RPE, "epson-tm-t20iv", "generic-80mm", 48, "cp857"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp857"),
            Encoder(RPE, "star-tsp650", "star-line-80mm", 48, "cp857"),
        ),
    ),
    Template(
        "vi-cafe",
        "Latin",
        "VND",
        vi_cafe_sale,
        vi_cafe,
        (
            # receiptline has no Vietnamese code page; TCVN-3 is Epson's ESC t 30, Citizen's 30.
            Encoder(RPE, "epson-tm-m30ii", "generic-80mm", 48, "tcvn3"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "tcvn3"),
        ),
    ),
    Template(
        "ko-mart",
        "Korean",
        "KRW",
        ko_mart_sale,
        ko_mart,
        (
            Encoder(RL, "epson", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "sii", "korean-80mm", 48, "cp949"),
        ),
    ),
    Template(
        "ja-konbini",
        "Japanese",
        "JPY",
        ja_konbini_sale,
        ja_konbini,
        (
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
            Encoder(RL, "epson", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "fit", "japanese-80mm", 48, "shiftjis"),
        ),
    ),
    Template(
        "ja-supermarket",
        "Japanese",
        "JPY",
        ja_supermarket_sale,
        ja_supermarket,
        (
            Encoder(RL, "epson", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starlinembcs", "star-line-80mm", 48, "shiftjis"),
        ),
    ),
    Template(
        "ko-bakery",
        "Korean",
        "KRW",
        ko_bakery_sale,
        ko_bakery,
        (
            Encoder(RL, "epson", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "sii", "korean-80mm", 48, "ksc5601"),
        ),
    ),
    Template(
        "tr-lokanta",
        "Latin",
        None,  # a fiscal receipt prints its amounts with the fiscal star, no TL or ₺
        tr_lokanta_sale,
        tr_lokanta,
        (
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "cp857"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp857"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp857"),
        ),
    ),
    Template(
        "vi-restaurant",
        "Latin",
        "VND",
        vi_restaurant_sale,
        vi_restaurant,
        (
            # The encoder's tcvn3 table has the small letters only (its capitals page lacks Đ): "auto" prints
            # them from TCVN-3 (ESC t 30) and each capital from the first page of the printer that has it.
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "auto"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "auto"),
        ),
    ),
    Template(
        "pt-br-mercado",
        "Latin",
        "BRL",
        pt_br_mercado_sale,
        pt_br_mercado,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp860"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp860"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp850"),
        ),
    ),
    Template(
        "ja-izakaya",
        "Japanese",
        "JPY",
        ja_izakaya_sale,
        ja_izakaya,
        (
            Encoder(RL, "escpos", "japanese-80mm", 48, "shiftjis"),
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
        ),
    ),
    Template(
        "tr-kafe",
        "Latin",
        "TRY",
        tr_kafe_sale,
        tr_kafe,
        (
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp857"),
            Encoder(RPE, "star-tsp650ii", "star-line-80mm", 48, "cp857"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp857"),
        ),
    ),
    Template(
        "de-imbiss",
        "Latin",
        "EUR",
        de_imbiss_sale,
        de_imbiss,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp858"),
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "ko-convenience",
        "Korean",
        "KRW",
        ko_convenience_sale,
        ko_convenience,
        (
            Encoder(RL, "epson", "korean-80mm", 48, "ksc5601"),
            Encoder(RL, "generic", "korean-80mm", 42, "cp949"),
            Encoder(RL, "citizen", "korean-80mm", 42, "ksc5601"),
        ),
    ),
    Template(
        "ko-restaurant",
        "Korean",
        "KRW",
        ko_restaurant_sale,
        ko_restaurant,
        (
            Encoder(RL, "fit", "korean-80mm", 48, "ksc5601"),
            Encoder(RL, "escpos", "korean-80mm", 42, "ksc5601"),
        ),
    ),
    Template(
        "vi-supermarket",
        "Latin",
        "VND",
        vi_supermarket_sale,
        vi_supermarket,
        (
            # Code page "auto", as vi-restaurant: TCVN-3's small letters, each capital from another page.
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "auto"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "auto"),
            Encoder(RPE, "epson-tm-t88v", "generic-80mm", 42, "auto"),
        ),
    ),
    Template(
        "th-restaurant",
        "Thai",
        "THB",
        th_restaurant_sale,
        th_restaurant,
        (
            Encoder(RL, "generic", "generic-80mm", 48, "tis620"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "thai11"),
            Encoder(RPE, "fujitsu-fp1000", "fujitsu-80mm", 48, "thai13"),
        ),
    ),
    Template(
        "zh-hant-bakery",
        "traditional Chinese",
        "TWD",
        zh_hant_bakery_sale,
        zh_hant_bakery,
        (
            Encoder(RL, "fit", "taiwan-80mm", 48, "big5"),
            Encoder(RL, "escpos", "taiwan-80mm", 42, "cp950"),
        ),
    ),
    Template(
        "ko-pharmacy",
        "Korean",
        "KRW",
        ko_pharmacy_sale,
        ko_pharmacy,
        (
            Encoder(RL, "generic", "korean-80mm", 48, "ksc5601"),
            Encoder(RL, "sii", "korean-80mm", 42, "cp949"),
        ),
    ),
    Template(
        "vi-milk-tea",
        "Latin",
        "VND",
        vi_milk_tea_sale,
        vi_milk_tea,
        (
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "auto"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "auto"),
        ),
    ),
    Template(
        "zh-hans-restaurant",
        "simplified Chinese",
        "CNY",
        zh_hans_restaurant_sale,
        zh_hans_restaurant,
        (
            Encoder(RL, "generic", "chinese-80mm", 48, "gb18030"),
            Encoder(RL, "epson", "chinese-58mm", 32, "gb18030"),
            Encoder(RL, "fit", "chinese-80mm", 42, "gb18030"),
        ),
    ),
    Template(
        "en-ca-grocery",
        "Latin",
        "CAD",
        en_ca_grocery_sale,
        en_ca_grocery,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp858"),
        ),
    ),
    Template(
        "es-mx-taqueria",
        "Latin",
        "MXN",
        es_mx_taqueria_sale,
        es_mx_taqueria,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp850"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp850"),
        ),
    ),
    Template(
        "pl-restauracja",
        "Latin",
        "PLN",
        pl_restauracja_sale,
        pl_restauracja,
        (Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp852"),),
    ),
    Template(
        "ru-kofeynya",
        "Cyrillic",
        None,  # a 54-FZ receipt prints its amounts with "=" and no currency sign or word
        ru_kofeynya_sale,
        ru_kofeynya,
        (
            Encoder(RL, "epson", "generic-80mm", 48, "cp866"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp866"),
        ),
    ),
    Template(
        "zh-hk-cafe",
        "traditional Chinese",
        "HKD",
        zh_hk_cafe_sale,
        zh_hk_cafe,
        (
            Encoder(RL, "epson", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "citizen", "taiwan-80mm", 48, "big5"),
        ),
    ),
    Template(
        "ru-supermarket",
        "Cyrillic",
        None,  # a Russian fiscal receipt prints no currency sign or word
        ru_supermarket_sale,
        ru_supermarket,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp866"),
            # Windows-1251, as many Russian tills send it: ESC t 46 on an Epson, 23 on an Xprinter.
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "windows1251"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1251"),
        ),
        variants=4,
    ),
    Template(
        "ru-restoran",
        "Cyrillic",
        "RUB",  # ВСЕГО К ОПЛАТЕ ... руб.
        ru_restoran_sale,
        ru_restoran,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp866"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "windows1251"),
        ),
        variants=4,
    ),
    Template(
        "pl-market",
        "Latin",
        "PLN",
        pl_market_sale,
        pl_market,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp852"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "windows1250"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 48, "windows1250"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "epson/iso8859-2"),
        ),
        variants=4,
    ),
    Template(
        "zh-hk-bakery",
        "traditional Chinese",
        "HKD",
        zh_hk_bakery_sale,
        zh_hk_bakery,
        (
            Encoder(RL, "escpos", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "citizen", "taiwan-80mm", 48, "cp950"),
        ),
        variants=5,
    ),
    Template(
        "es-co-tienda",
        "Latin",
        None,  # "$" alone does not say Colombian pesos
        es_co_tienda_sale,
        es_co_tienda,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp850"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "en-ca-cafe",
        "Latin",
        None,  # "$" alone does not say Canadian dollars
        en_ca_cafe_sale,
        en_ca_cafe,
        (
            # CP863, the DOS page of Canadian French, which Canadian tills are often left on.
            Encoder(RL, "escpos", "generic-80mm", 42, "cp863"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp863"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp863"),
        ),
        variants=4,
    ),
    Template(
        "ru-kafe-set",
        "Cyrillic",
        None,  # a Russian fiscal receipt prints no currency sign or word
        ru_kafe_set_sale,
        ru_kafe_set,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp866"),
            # The 57 mm paper of an Эвотор at the counter.
            Encoder(RPE, "star-mc-print2", "star-58mm", 32, "cp866"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "windows1251"),
        ),
        variants=4,
    ),
    Template(
        "ru-hozmag",
        "Cyrillic",
        None,  # only the bank slip of a card payment says Руб
        ru_hozmag_sale,
        ru_hozmag,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "windows1251"),
            Encoder(RPE, "fujitsu-fp1000", "fujitsu-80mm", 48, "cp866"),
        ),
        variants=4,
    ),
    Template(
        "ru-azs",
        "Cyrillic",
        None,  # a Russian fiscal receipt prints no currency sign or word
        ru_azs_sale,
        ru_azs,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1251"),
            Encoder(RPE, "star-mc-print2", "star-58mm", 32, "cp866"),
        ),
        variants=4,
    ),
    Template(
        "ru-odezhda",
        "Cyrillic",
        None,  # only the bank slip of a card payment says Руб
        ru_odezhda_sale,
        ru_odezhda,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp866"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 48, "windows1251"),
        ),
        variants=4,
    ),
    Template(
        "de-drogerie",
        "Latin",
        "EUR",
        de_drogerie_sale,
        de_drogerie,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            # Windows-1252, which many German tills send: ESC GS t 32 on a Star.
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "windows1252"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "it-supermercato",
        "Latin",
        "EUR",
        it_supermercato_sale,
        it_supermercato,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "windows1252"),  # ESC t 16
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "fr-cafe",
        "Latin",
        "EUR",
        fr_cafe_sale,
        fr_cafe,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp1252"),  # receiptline's Windows-1252: ESC t 16
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "star-tsp650ii", "star-line-80mm", 48, "windows1252"),
        ),
        variants=4,
    ),
    Template(
        "nl-supermarkt",
        "Latin",
        "EUR",
        nl_supermarkt_sale,
        nl_supermarkt,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            # CP850, which has no euro sign: the receipt says EUR.
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp850"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1252"),
        ),
        variants=4,
    ),
    Template(
        "de-at-konditorei",
        "Latin",
        "EUR",
        de_at_konditorei_sale,
        de_at_konditorei,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "windows1252"),
        ),
        variants=4,
    ),
    Template(
        "it-farmacia",
        "Latin",
        "EUR",
        it_farmacia_sale,
        it_farmacia,
        (
            Encoder(RL, "citizen", "citizen-80mm", 48, "multilingual"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "pt-pt-cafe",
        "Latin",
        "EUR",
        pt_pt_cafe_sale,
        pt_pt_cafe,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1252"),
        ),
        variants=4,
    ),
    Template(
        "en-au-supermarket",
        "Latin",
        None,  # "$" alone does not say Australian dollars (only a card slip's "AUD" does)
        en_au_supermarket_sale,
        en_au_supermarket,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp437"),
        ),
        variants=4,
    ),
    Template(
        "ja-kissaten",
        "Japanese",
        "JPY",
        ja_kissaten_sale,
        ja_kissaten,
        # No python-escpos: it has no Kanji mode (FS &, Shift_JIS); it sends a line with kanji as GB18030
        # bytes and kana alone as "?".
        (
            Encoder(RL, "escpos", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
            Encoder(RL, "fit", "japanese-80mm", 48, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "zh-tw-bento",
        "traditional Chinese",
        "TWD",
        zh_tw_bento_sale,
        zh_tw_bento,
        # No python-escpos: it sends a line with hanzi as GB18030, never Big5, which Taiwanese tills print.
        (
            Encoder(RL, "escpos", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "citizen", "taiwan-80mm", 48, "cp950"),
            Encoder(RL, "sii", "taiwan-80mm", 48, "big5"),
        ),
        variants=4,
    ),
)


# Four templates for the test split, written by a helper who never read the parser nor ran it: a Bernese
# bakery-café's Quittung (de-ch-baeckerei: CHF, MWST code 1 at 2.6 % for what is taken away and code 2 at
# 8.1 % for what is eaten in, a loyalty card's free coffee, weighed Guetzli, Bar, Debit Mastercard and TWINT),
# a Montréal dépanneur's facture in CP863 (fr-ca-depanneur: TPS and TVQ added, the consigne on each can, a
# "2 pour" rabais, cash rounded to the nickel, Comptant, Débit and Crédit), a Houston gas station's store
# (en-us-cstore: a fuel prepay as an item, T-flagged items taxed at 8.25 %, a mix & match deal, a 12-hour
# clock, CASH, CREDIT and DEBIT with the card's lines) and a Buenos Aires almacén's TIQUE FACTURA B
# (es-ar-almacen: pesos grouped with points and a decimal comma, IVA 21 % and 10.5 % per article, weighed
# fiambres, a cash discount, IVA contenido under the Ley 27.743, Efectivo, débito and Mercado Pago).

CH_MWST = {"1": Decimal("2.6"), "2": Decimal("8.1")}  # 1: taken away ("über die Gasse"), 2: eaten in the café
CH_BROT = (  # (name, price): bread and pastries, the same price to take away or to eat in
    ("Gipfeli", "1.80"),
    ("Buttergipfeli", "2.20"),
    ("Laugengipfeli", "2.30"),
    ("Nussgipfel", "3.60"),
    ("Schoggiweggli", "2.40"),
    ("Berliner", "2.90"),
    ("Bürli", "1.50"),
    ("Zopf 500g", "7.20"),
    ("Halbweissbrot 500g", "4.90"),
    ("Ruchbrot 500g", "4.60"),
    ("Vollkornbrot 400g", "5.40"),
    ("Cremeschnitte", "5.20"),
    ("Rüeblitorte Stück", "5.50"),
    ("Sandwich Schinken", "7.90"),
    ("Birchermüesli", "6.50"),
)
CH_CAFE_ESSEN = frozenset(  # what is eaten at a table (not the loaves)
    {
        "Gipfeli",
        "Buttergipfeli",
        "Nussgipfel",
        "Schoggiweggli",
        "Berliner",
        "Cremeschnitte",
        "Rüeblitorte Stück",
        "Sandwich Schinken",
        "Birchermüesli",
    }
)
CH_GRAMM = ("0.185", "0.240", "0.315", "0.270", "0.410", "0.155")
CH_GETRAENKE = (  # the coffees first: the loyalty card's tenth is free
    ("Café Crème", "4.80"),
    ("Espresso", "4.20"),
    ("Cappuccino", "5.50"),
    ("Latte Macchiato", "5.90"),
    ("Schale", "5.30"),
    ("Ovomaltine heiss", "5.20"),
    ("Rivella rot 5dl", "4.50"),
    ("Henniez still 5dl", "3.90"),
)
CH_GUETZLI = (  # (name, CHF per kg): weighed out by 5 g, so each comes to whole 5 Rappen
    ("Mailänderli", "60.00"),
    ("Basler Läckerli", "50.00"),
    ("Spitzbuben", "70.00"),
    ("Zimtsterne", "80.00"),
)
CHF_CASH = (10, 20, 30, 50, 60, 100, 200)


def ch_tagged(lines: Sequence[Line], tag: str) -> list[Line]:
    return [replace(ln, tag=tag) for ln in lines]


def de_ch_baeckerei_sale(rng: random.Random, v: int) -> Sale:
    cafe = [item for item in CH_BROT if item[0] in CH_CAFE_ESSEN]
    if v == 0:  # bread and pastries over the counter, all to take away
        lines = ch_tagged(pick(rng, CH_BROT, (2, 5), qtys=(1, 1, 1, 2, 2, 3, 4)), "1")
    elif v == 1:  # breakfast at a table: all eaten in
        lines = ch_tagged(pick(rng, CH_GETRAENKE, (1, 3), qtys=(1, 1, 2)), "2")
        lines += ch_tagged(pick(rng, cafe, (1, 2), qtys=(1, 1, 2)), "2")
    elif v == 2:  # a coffee in the café, the loyalty card's tenth free, and bread to take home
        lines = ch_tagged(pick(rng, CH_GETRAENKE[:5], (1, 2), qtys=(1, 1, 2)), "2")
        lines[0] = replace(lines[0], discount=-lines[0].price)
        lines += ch_tagged(pick(rng, cafe, (0, 1), qtys=(1,)), "2")
        lines += ch_tagged(pick(rng, CH_BROT, (1, 3), qtys=(1, 1, 2, 3)), "1")
    else:  # Guetzli weighed at the counter and bread, to take away
        lines = [
            Line(name, Decimal(rng.choice(CH_GRAMM)), Decimal(price))
            for name, price in rng.sample(CH_GUETZLI, rng.randint(1, 2))
        ]
        lines = ch_tagged(lines + pick(rng, CH_BROT, (1, 3), qtys=(1, 1, 2, 4)), "1")
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "Debit Mastercard", total),)
    elif v == 2:
        tenders = (Tender("other", "TWINT", total),)
    else:
        tenders = (Tender("cash", "Bar", tendered(rng, total, CHF_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(10000, 99999)),
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}"),
        subtotal_printed=v == 3,  # the Zwischentotal, the articles' own sum (no discount in that variant)
    )


def de_ch_baeckerei(s: Sale, cols: int) -> list[Op]:
    # A Bernese Bäckerei-Café's Quittung: the firm, the address and the MWST number (CHE-... MWST); Beleg-Nr.,
    # the date, the till and who served, the table when eaten in; each article with "2 x 1.80", its amount in
    # francs and its MWST code (1: 2.6 % taken away, 2: 8.1 % eaten in), "0.185 kg à 60.00/kg" under what
    # is weighed and the loyalty card's free coffee under that coffee; a Zwischentotal now and then; Total
    # CHF; Bar and Rückgeld, the card terminal's Buchung, or TWINT; the MWST table by code.
    item = (Col(None), Col(10, "right"), Col(8, "right"), Col(1))
    sum_row = (Col(None), Col(8, "right"), Col(1))
    no = int(s.no)
    ops: list[Op] = [
        Title("Bäckerei Brändli"),
        Center("Bäckerei · Konditorei · Café"),
        Center("Marktgasse 14, 3011 Bern"),
        Center("Tel. 031 311 27 45"),
        Center("CHE-112.384.567 MWST"),
        Blank(),
        Center("Quittung", bold=True),
        Text(f"Beleg-Nr.: {s.no}"),
        Text(f"Datum: {s.when}"),
        Text(f"Kasse 2   Bedient von: {('Sandra', 'Reto', 'Mirjam', 'Luca')[no % 4]}"),
    ]
    if any(ln.tag == "2" for ln in s.lines):
        ops.append(Text(f"Tisch {no % 18 + 1}"))
    ops.append(Rule())
    for ln in s.lines:
        weighed = ln.qty != ln.qty.to_integral()
        how = f"{ln.qty} x {POINT(ln.price)}" if ln.qty != 1 and not weighed else ""
        ops.append(Row((ln.name, how, POINT(ln.amount), ln.tag), item))
        if weighed:
            ops.append(Text(f"  {ln.qty} kg à {POINT(ln.price)}/kg"))
        if ln.discount:
            ops.append(Row(("  Treuekarte: 10. Kaffee gratis", POINT(ln.discount), ln.tag), sum_row))
    ops.append(Rule())
    if s.subtotal_printed:
        ops.append(Row(("Zwischentotal", POINT(s.subtotal), ""), sum_row))
    ops.append(Row(("Total CHF", POINT(s.total), ""), sum_row, bold=True, tall=True))
    for t in s.tenders:
        ops.append(Row((t.label, POINT(t.amount), ""), sum_row))
    if s.cash:
        ops.append(Row(("Rückgeld", POINT(s.change), ""), sum_row))
    table = (Col(4), Col(None), Col(8, "right"), Col(8, "right"), Col(7, "right"))
    ops += [Rule(), Row(("Code", "MWST-Satz", "Brutto", "Netto", "MWST"), table)]
    for tag, rate in CH_MWST.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((tag, f"{rate}%", POINT(gross), POINT(gross - tax), POINT(tax)), table))
    ops.append(Text("Alle Preise inkl. MWST"))
    t = s.tenders[0]
    if t.method == "card":
        ops += [
            Rule(),
            Center("Buchung"),
            Center(t.label),
            Text(f"Nr.            XXXXXXXXXXXX{no * 37 % 10000:04d}"),
            Text(f"Trm-Id:        {28100000 + no % 100000}"),
            Text("AID:           A0000000041010"),
            Text(f"Trx. Seq-Cnt:  {no * 7 % 100000:05d}"),
            Text(f"Auth. Code:    {no * 4211 % 1000000:06d}"),
            Text(f"Total-EFT CHF: {POINT(t.amount)}"),
            Center("Kontaktlos  -  Karteninhaber-Beleg"),
        ]
    elif t.method == "other":
        ops += [
            Rule(),
            Text("TWINT - bezahlt"),
            Text(f"Transaktions-ID: {hashlib.sha256(s.no.encode()).hexdigest()[:12].upper()}"),
        ]
    ops += [
        Blank(),
        Center("Merci für Ihren Einkauf!"),
        Center("www.baeckerei-braendli.ch"),
    ]
    return ops


QC_DEPANNEUR = (  # (name, price, tax code): FP taxed by both TPS and TVQ, "" zero-rated basic groceries
    ("LAIT NATREL 2% 2L", "6.29", ""),
    ("PAIN POM BLANC 675G", "4.49", ""),
    ("OEUFS GROS 12", "4.99", ""),
    ("BEURRE LACTANTIA 454G", "7.49", ""),
    ("CROUSTILLES LAY'S 235G", "5.49", "FP"),
    ("BARRE KIT KAT", "2.29", "FP"),
    ("GOMME TRIDENT MENTHE", "1.99", "FP"),
    ("CAFÉ FILTRE MOYEN", "2.25", "FP"),
    ("HOT-DOG", "2.49", "FP"),
    ("PAPIER HYGIÉNIQUE 4R", "3.99", "FP"),
    ("PILES AA DURACELL 4", "8.99", "FP"),
    ("LOTTO MAX", "6.00", ""),  # Loto-Québec's tickets bear no tax
)
QC_BOISSONS = (  # (name, price, containers): taxed, each container with its consigne of 10 cents
    ("COCA-COLA 2L", "3.99", 1),
    ("PEPSI 591ML", "2.99", 1),
    ("RED BULL 473ML", "4.29", 1),
    ("BORÉALE ROUSSE 473ML", "4.49", 1),
    ("MOLSON EXPORT 6X355ML", "15.99", 6),
    ("LABATT BLEUE 12X355ML", "28.99", 12),
)
QC_CONSIGNE = Decimal("0.10")
QC_DEAL = ("RED BULL 473ML", Decimal("7.00"))  # 2 pour 7,00 $
CAD_CASH = (5, 10, 20, 25, 30, 40, 50, 60, 100)


def qc_dollars(value: Decimal) -> str:
    """26,29 $ and -1,58 $, as a French-speaking Quebec till prints them."""
    return f"{COMMA(value)} $"


def qc_depanneur_taxes(lines: Sequence[Line], rabais: Decimal) -> tuple[Decimal, Decimal]:
    """The TPS and the TVQ on the taxed articles, less a rabais on them."""
    return qc_taxes(sum((ln.amount for ln in lines if ln.tag == "FP"), Decimal(0)) - rabais)


def fr_ca_depanneur_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, QC_DEPANNEUR, (1, 4), qtys=(1, 1, 1, 2))
    drinks = rng.sample(QC_BOISSONS, rng.randint(1, 2))
    if v == 2 and not any(name == QC_DEAL[0] for name, _, _ in drinks):
        drinks[0] = next(item for item in QC_BOISSONS if item[0] == QC_DEAL[0])
    if v == 3 and not any(n == 12 for _, _, n in drinks):  # the case of 12 for the evening
        drinks.append(QC_BOISSONS[-1])
    for name, price, n in drinks:
        qty = Decimal(rng.choice((1, 1, 2)) if n == 1 else 1)
        if v == 2 and name == QC_DEAL[0]:
            qty = Decimal(2)  # the deal's pair
        at = rng.randint(0, len(lines))
        lines[at:at] = [Line(name, qty, Decimal(price), tag="FP"), Line("CONSIGNE", qty * n, QC_CONSIGNE)]
    rabais = Decimal(0)
    if v == 2:
        deal = next(ln for ln in lines if ln.name == QC_DEAL[0])
        rabais = deal.amount - QC_DEAL[1]
    tps, tvq = qc_depanneur_taxes(lines, rabais)
    due = sum((ln.amount for ln in lines), Decimal(0)) - rabais + tps + tvq
    savings, label = rabais, "RABAIS 2 POUR 7,00 $"
    if v == 0:  # no more cents since 2013: a cash total is rounded to 5 cents
        savings, label = due - round_to(due * 20, 1) / 20, "ARRONDI"
        tenders: tuple[Tender, ...] = (Tender("cash", "Comptant", tendered(rng, due - savings, CAD_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "Débit", due),)
    elif v == 2:
        tenders = (Tender("card", "Crédit", due),)
    else:  # a twenty, and the rest on the debit card
        tenders = (Tender("cash", "Comptant", Decimal("20.00")), Tender("card", "Débit", due - 20))
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 99999):06d}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}:{S}"),
        savings=savings,
        savings_label=label,
        tax_added=tps + tvq,
        subtotal_printed=True,  # the SOUS-TOTAL, before the rabais and the taxes
    )


def fr_ca_depanneur(s: Sale, cols: int) -> list[Op]:
    # A Montréal dépanneur's facture in French: the shop, its address, the facture number, the till and the
    # cashier, the date as Quebec writes it (2026-12-07 19:42:13); each article with its amount and FP when
    # the TPS and the TVQ apply, "2 @ 2,99" under one bought twice, the CONSIGNE of its cans or bottles after
    # each drink; SOUS-TOTAL, a "2 pour" RABAIS, TPS 5 % and TVQ 9,975 % added, the cash ARRONDI to 5 cents,
    # TOTAL; Comptant and Monnaie, or the Interac or Visa terminal's lines; the TPS and TVQ numbers.
    item = (Col(None), Col(9, "right"), Col(2))
    no = int(s.no)
    rabais = s.savings if s.savings_label.startswith("RABAIS") else Decimal(0)
    tps, tvq = qc_depanneur_taxes(s.lines, rabais)
    ops: list[Op] = [
        Title("DÉPANNEUR CHEZ LUC"),
        Center("Bière - Vin - Loto - Épicerie"),
        Center("6450, rue Saint-Hubert"),
        Center("Montréal (Québec) H2S 2M2"),
        Center("Tél. : 514 273-4820"),
        Blank(),
        Text(f"Facture : {s.no}"),
        Text(f"Caisse : 01   Caissier : {('Nathalie', 'Samir', 'Guylaine')[no % 3]}"),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, COMMA(ln.amount), ln.tag), item))
        if ln.qty != 1:
            ops.append(Text(f"   {ln.qty} @ {COMMA(ln.price)}"))
    ops += [Rule(), pair("SOUS-TOTAL", qc_dollars(s.subtotal))]
    if rabais:
        ops.append(pair(s.savings_label, qc_dollars(-rabais)))
    ops += [pair("TPS 5 %", qc_dollars(tps)), pair("TVQ 9,975 %", qc_dollars(tvq))]
    if s.savings and not rabais:
        ops.append(pair(s.savings_label, qc_dollars(-s.savings)))
    ops.append(pair("TOTAL", qc_dollars(s.total), bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, qc_dollars(t.amount)))
    if s.cash:
        ops.append(pair("Monnaie", qc_dollars(s.change)))
    for t in s.tenders:
        if t.method != "card":
            continue
        debit = t.label == "Débit"
        ops += [
            Rule(),
            Center("ACHAT - COPIE DU CLIENT"),
            Text(f"{'INTERAC' if debit else 'VISA'}   ************{no * 37 % 10000:04d}"),
            Text(f"Compte : {'CHÈQUE' if debit else 'CRÉDIT'}"),
            Text(f"Mode d'entrée : {'SANS CONTACT' if debit else 'PUCE'}"),
            pair("Montant :", qc_dollars(t.amount)),
            Text(f"No d'autorisation : {no * 4211 % 1000000:06d}"),
            Text(f"No de référence : 66{no % 1000:03d}0{no * 13 % 1000:03d}"),
            Center("01 - APPROUVÉE - MERCI"),
        ]
    ops += [
        Rule(),
        Text("FP : article taxable (TPS et TVQ)"),
        Text("TPS : 812345678 RT0001"),
        Text("TVQ : 1218765432 TQ0001"),
        Blank(),
        Center("Merci et à la prochaine!"),
    ]
    return ops


US_CSTORE = (  # (name, price, "T": taxed in Texas (candy, soft drinks, beer, tobacco, hot food, non-food))
    ("MONSTER ENERGY 16OZ", "3.49", "T"),
    ("COKE 20OZ", "2.59", "T"),
    ("GATORADE FRT PUNCH 28OZ", "2.99", "T"),
    ("DASANI WATER 20OZ", "2.29", ""),
    ("COFFEE 20OZ", "2.19", "T"),
    ("FOUNTAIN DRINK 44OZ", "1.49", "T"),
    ("SNICKERS KING SIZE", "2.79", "T"),
    ("M&M PEANUT SHARE SIZE", "2.89", "T"),
    ("DORITOS NACHO 2.75OZ", "2.29", ""),
    ("JACK LINKS ORIG 2.85OZ", "7.99", ""),
    ("HOT DOG", "1.99", "T"),
    ("BREAKFAST TACO", "2.49", "T"),
    ("ICE 10LB BAG", "3.49", "T"),
    ("MILK WHOLE GAL", "4.59", ""),
    ("BUD LIGHT 12PK 12OZ CAN", "16.99", "T"),
    ("MARLBORO RED BOX", "9.49", "T"),
    ("MOTOR OIL 5W30 QT", "8.99", "T"),
)
US_CSTORE_TAX = Decimal("8.25")  # Houston, Texas
US_CSTORE_DEAL = ("MONSTER ENERGY 16OZ", Decimal("6.00"))  # mix & match, 2 for 6.00
USD_CASH = (5, 10, 20, 40, 50, 60, 80, 100)


def us_clock(rng: random.Random) -> tuple[str, str]:
    """A US till's 12/07/2026 02:14:33 PM (the hour padded), and the same in ISO 8601."""
    printed, iso = dated(rng, "{m}/{d}/{y} {H}:{M}:{S}")
    hour = int(iso[11:13])
    return f"{printed[:11]}{hour % 12 or 12:02d}{printed[13:]} {'AM' if hour < 12 else 'PM'}", iso


def us_cstore_tax(lines: Sequence[Line]) -> Decimal:
    taxed = sum((ln.net for ln in lines if ln.tag == "T"), Decimal(0))
    return (taxed * US_CSTORE_TAX / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def en_us_cstore_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, US_CSTORE, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    if v == 2:  # two cans of the mix & match, the deal's saving under them
        lines = [ln for ln in lines if ln.name != US_CSTORE_DEAL[0]]
        price = next(Decimal(p) for name, p, _ in US_CSTORE if name == US_CSTORE_DEAL[0])
        deal = Line(US_CSTORE_DEAL[0], Decimal(2), price, tag="T", discount=US_CSTORE_DEAL[1] - 2 * price)
        lines.insert(rng.randint(0, len(lines)), deal)
    if v in (1, 3):  # gas paid for inside before pumping
        amount = Decimal(rng.choice(("20.00", "25.00", "30.00", "40.00", "50.00", "60.00")))
        lines.insert(0, Line(f"PREPAY PUMP {rng.randint(1, 12)}", Decimal(1), amount))
    total = sum((ln.net for ln in lines), Decimal(0)) + us_cstore_tax(lines)
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "CREDIT", total),)
    elif v == 2:
        tenders = (Tender("card", "DEBIT", total),)
    else:
        tenders = (Tender("cash", "CASH", tendered(rng, total, USD_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(100000, 999999)),
        dated_when=us_clock(rng),
        tax_added=us_cstore_tax(lines),
        subtotal_printed=v != 2,  # with the deal, SUBTOTAL is after its saving
    )


def en_us_cstore(s: Sale, cols: int) -> list[Op]:
    # A Texas gas station's convenience store receipt: the brand and the store number, the address; the date
    # on a 12-hour clock, the register, the cashier and the transaction number; each item with its amount
    # and T when taxed, "2 @ 2.59" under it, a fuel prepay for a pump as an item, a mix & match saving under
    # its cans; SUBTOTAL, TAX, TOTAL; CASH and CHANGE, or CREDIT or DEBIT with the card's lines.
    item = (Col(None), Col(9, "right"), Col(1))
    no = int(s.no)
    ops: list[Op] = [
        Title("LONE STAR MART"),
        Center("STORE #1187"),
        Center("8715 W SAM HOUSTON PKWY N"),
        Center("HOUSTON, TX 77064"),
        Center("(281) 555-0132"),
        Blank(),
        Text(s.when),
        Text(f"REG 02   CSHR {('MARIA', 'DEVON', 'TRAN', 'LUIS')[no % 4]}"),
        Text(f"TRAN# {s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, POINT(ln.amount), ln.tag), item))
        if ln.qty != 1:
            ops.append(Text(f"  {ln.qty} @ {POINT(ln.price)}"))
        if ln.discount:
            ops.append(Row((f"  MIX & MATCH 2 FOR {POINT(US_CSTORE_DEAL[1])}", POINT(ln.discount), ""), item))
    ops += [
        Rule(),
        pair("SUBTOTAL", POINT(s.subtotal + sum((ln.discount for ln in s.lines), Decimal(0)))),
        pair("TAX", POINT(s.tax_added)),
        pair("TOTAL", POINT(s.total), bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount)))
    if s.cash:
        ops.append(pair("CHANGE", POINT(s.change)))
    else:
        credit = s.tenders[0].label == "CREDIT"
        ops += [
            Rule(),
            Text(f"{'VISA' if credit else 'DEBIT'}   ************{no * 37 % 10000:04d}"),
            Text(f"ENTRY METHOD: {'CHIP' if credit else 'CONTACTLESS'}"),
            Text(f"AID: {'A0000000031010' if credit else 'A0000000980840'}"),
            Text(f"AUTH #: {no * 4211 % 1000000:06d}   SEQ #: {no % 10000:04d}"),
            Text("APPROVED" if credit else "APPROVED - PIN VERIFIED"),
        ]
    ops += [Rule(), Text(f"T = TAXABLE ITEM @ {US_CSTORE_TAX}%")]
    if any(ln.name.startswith("PREPAY") for ln in s.lines):
        ops += [Text("PREPAID FUEL: SEE CASHIER FOR ANY"), Text("UNUSED AMOUNT")]
    ops += [Blank(), Center("THANK YOU FOR STOPPING BY!"), Center("COME AGAIN")]
    return ops


ARS = NumberStyle(",", ".")  # 12.345,67
AR_CANTIDAD = NumberStyle(",", places=3)  # 2,000 and 0,250 (kg)
AR_ALMACEN = (  # (name, price, IVA %)
    ("YERBA PLAYADITO 1KG", "4890.00", "21"),
    ("LECHE LA SERENISIMA 1L", "1650.00", "21"),
    ("FIDEOS MATARAZZO 500G", "1590.00", "21"),
    ("ACEITE NATURA 1,5L", "5490.00", "21"),
    ("AZUCAR LEDESMA 1KG", "1290.00", "21"),
    ("ARROZ GALLO ORO 1KG", "1890.00", "21"),
    ("GALLETITAS CRIOLLITAS", "1350.00", "21"),
    ("DULCE LECHE SANCOR 400G", "2890.00", "21"),
    ("COCA COLA 2,25L", "4350.00", "21"),
    ("CERVEZA QUILMES 1L", "2790.00", "21"),
    ("VINO TORO TINTO 1L", "2450.00", "21"),
    ("HUEVOS BLANCOS X 12", "3290.00", "21"),
    ("LAVANDINA AYUDIN 1L", "1190.00", "21"),
)
AR_PESADOS = (  # weighed at the counter: (name, price a kg, IVA %): bread and fruit at the reduced 10.5 %
    ("JAMON COCIDO", "18900.00", "21"),
    ("QUESO CREMOSO", "11900.00", "21"),
    ("SALAME MILAN", "24500.00", "21"),
    ("PAN FRANCES", "3600.00", "10.5"),
    ("BANANA ECUADOR", "2300.00", "10.5"),
)
AR_DESCUENTO = 10  # paying cash: 10 % off, taken off each IVA rate
ARS_CASH = (2000, 5000, 10000, 15000, 20000, 30000, 40000, 50000, 60000, 80000, 100000)


def ar_descuento(lines: Sequence[Line], tag: str) -> Decimal:
    gross = sum((ln.amount for ln in lines if ln.tag == tag), Decimal(0))
    return (gross * AR_DESCUENTO / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def es_ar_almacen_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, AR_ALMACEN, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    if v:
        for name, price, tag in rng.sample(AR_PESADOS, rng.randint(1, 2)):
            weight = Decimal(rng.choice(("0.250", "0.200", "0.350", "0.500", "0.750", "1.150", "0.300")))
            lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag=tag))
    rates = sorted({ln.tag for ln in lines}, key=Decimal, reverse=True)
    descuento = sum((ar_descuento(lines, tag) for tag in rates), Decimal(0)) if v == 0 else Decimal(0)
    total = sum((ln.amount for ln in lines), Decimal(0)) - descuento
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "Efectivo", tendered(rng, total, ARS_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "Tarjeta de débito", total),)
    elif v == 2:
        tenders = (Tender("other", "Mercado Pago (QR)", total),)
    else:  # what cash there was, and the rest on the debit card
        cash = Decimal(max(n for n in (2000, 5000, 10000, 20000) if n < total)).quantize(total)
        tenders = (Tender("cash", "Efectivo", cash), Tender("card", "Tarjeta de débito", total - cash))
    return Sale(
        tuple(lines),
        tenders,
        no=f"0003-{rng.randint(2000, 99999):08d}",
        dated_when=dated(rng, "Fecha: {d}/{m}/{y}   Hora: {H}:{M}:{S}"),
        savings=descuento,
        savings_label=f"DESC. PAGO EFECTIVO {AR_DESCUENTO}%",
        subtotal_printed=True,
    )


def es_ar_almacen(s: Sale, cols: int) -> list[Op]:
    # A Buenos Aires almacén's TIQUE FACTURA B from a second-generation fiscal printer: the trading name, the
    # owner, CUIT, Ingresos Brutos, the address, the start of activities and IVA RESPONSABLE INSCRIPTO; the
    # tique's point of sale and number, the date and time, A CONSUMIDOR FINAL; each article as a quantity
    # line "2,000 x 1.590,00" (a weight for what is weighed) over its description, IVA rate and amount;
    # SUBTOTAL, the cash discount taken off each rate, TOTAL; Efectivo and Vuelto, the debit card's coupon
    # or the Mercado Pago operation; the IVA contenido that the Ley 27.743 asks for.
    item = (Col(None), Col(7), Col(10, "right"))
    no = int(s.no[5:])
    rates = sorted({ln.tag for ln in s.lines}, key=Decimal, reverse=True)
    ops: list[Op] = [
        Title("ALMACÉN DON TITO"),
        Center("DI PIETRO MARCELO ADRIAN"),
        Center("C.U.I.T. Nro.: 20-23456789-4"),
        Center("Ing. Brutos: 1187342-05"),
        Center("Av. Díaz Vélez 4120 (C1200AAK) CABA"),
        Center("Inicio de Actividades: 01/03/2009"),
        Center("IVA RESPONSABLE INSCRIPTO"),
        Rule(),
        Center("TIQUE FACTURA B", bold=True),
        Text(f"Comprobante N° {s.no}"),
        Text(s.when),
        Text("A CONSUMIDOR FINAL"),
        Rule(),
        Text("Cantidad/Precio Unit. (%IVA)"),
        Row(("Descripción", "", "Importe"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Text(f"{AR_CANTIDAD(ln.qty)} x {ARS(ln.price)}"))
        ops.append(Row((ln.name, f"({COMMA(Decimal(ln.tag))})", ARS(ln.amount)), item))
    ops.append(Rule())
    ops.append(pair("SUBTOTAL", f"$ {ARS(s.subtotal)}", right=14))
    off = {tag: ar_descuento(s.lines, tag) if s.savings else Decimal(0) for tag in rates}
    for tag in rates:
        if off[tag]:
            ops.append(Row((s.savings_label, f"({COMMA(Decimal(tag))})", ARS(-off[tag])), item))
    ops.append(pair("TOTAL", f"$ {ARS(s.total)}", bold=True, tall=True, right=14))
    ops.append(Text("RECIBIMOS:"))
    for t in s.tenders:
        ops.append(pair(t.label, f"$ {ARS(t.amount)}", right=14))
    if s.cash:
        ops.append(pair("Vuelto", f"$ {ARS(s.change)}", right=14))
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Text(f"VISA DÉBITO ************{no * 37 % 10000:04d}"),
                Text(f"Lote: {no % 300:03d}  Cupón: {no * 7 % 10000:04d}  Aut.: {no * 4211 % 1000000:06d}"),
            ]
        elif t.method == "other":
            ops.append(Text(f"Operación Mercado Pago: {no * 982451653 % 10**11:011d}"))
    gross = {tag: sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0)) - off[tag] for tag in rates}
    iva = sum((included_tax(gross[tag], Decimal(tag)) for tag in rates), Decimal(0))
    ops += [
        Rule(),
        Center("Régimen de Transparencia Fiscal al"),
        Center("Consumidor (Ley 27.743)"),
        pair("IVA Contenido", f"$ {ARS(iva)}", right=14),
        pair("Otros Imp. Nac. Indirectos", f"$ {ARS(Decimal(0))}", right=14),
        Rule(),
        Center("¡GRACIAS POR SU COMPRA!"),
        Text("Reg.: HSHSAA0000104512   Caja 01"),
    ]
    return ops


TEMPLATES += (
    Template(
        "de-ch-baeckerei",
        "Latin",
        "CHF",
        de_ch_baeckerei_sale,
        de_ch_baeckerei,
        (
            Encoder(RL, "citizen", "citizen-80mm", 48, "cp858"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "windows1252"),  # ESC t 16
        ),
        variants=4,
    ),
    Template(
        "fr-ca-depanneur",
        "Latin",
        None,  # "$" alone does not say Canadian dollars
        fr_ca_depanneur_sale,
        fr_ca_depanneur,
        (
            # CP863, the DOS page of Canadian French, for TVQ's accents and the articles' É.
            Encoder(RL, "escpos", "generic-80mm", 42, "cp863"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp863"),
        ),
        variants=4,
    ),
    Template(
        "en-us-cstore",
        "Latin",
        None,  # "$" alone does not say US dollars, and this receipt prints not even that
        en_us_cstore_sale,
        en_us_cstore,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp437"),
        ),
        variants=4,
    ),
    Template(
        "es-ar-almacen",
        "Latin",
        None,  # "$" alone does not say Argentine pesos
        es_ar_almacen_sale,
        es_ar_almacen,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp850"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written without reading the parser or its results: a Japanese
# bakery's レシート/領収証 with 軽 after the reduced-rate bread and an イートイン variant at 10 %
# (ja-panya), a Korean 분식집's 영수증 with a 포장할인 and a split cash-and-card payment (ko-bunsik), a
# mainland pharmacy's
# 销售小票 with 规格 on a second line, 医保 类别, 中药饮片 by the gram and 医保个人账户 with a second tender
# (zh-hans-yaofang), and a Thai pharmacy's ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ with Buddhist-era and Thai-month
# dates, VAT 7 % included and PromptPay (th-pharmacy).

JA_PANYA = (  # (name, price): bread and pastries, food: 8 % taken home, 10 % eaten in the shop
    ("クロワッサン", "240"),
    ("塩バターロール", "160"),
    ("あんぱん", "200"),
    ("メロンパン", "220"),
    ("カレーパン", "260"),
    ("クリームパン", "210"),
    ("明太フランス", "320"),
    ("ベーコンエピ", "300"),
    ("チョコデニッシュ", "280"),
    ("シナモンロール", "290"),
    ("たまごサンド", "380"),
    ("バゲット", "350"),
    ("カンパーニュ 1/2", "480"),
    ("角食パン 1斤", "420"),
    ("季節のフルーツサンド", "450"),
)
JA_PANYA_DRINKS = (("ブレンドコーヒー", "350"), ("カフェラテ", "420"), ("オレンジジュース", "300"))
JA_PANYA_SALE = 20  # the evening's タイムセール: 20 % off a loaf or a pastry, the fraction of a yen cut off


def ja_panya_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, JA_PANYA, (3, 7), places=0, qtys=(1, 1, 1, 1, 2, 2, 3))
    if v == 2:  # eaten in (イートイン): bread and a drink at the standard rate, 10 %, and no 軽 mark
        lines += pick(rng, JA_PANYA_DRINKS, (1, 2), places=0, qtys=(1, 1, 2))
    else:
        lines = [replace(ln, tag="軽") for ln in lines]
    if v == 3:
        for k in rng.sample(range(len(lines)), rng.randint(1, 2)):
            off = (lines[k].amount * JA_PANYA_SALE / 100).quantize(Decimal(1), rounding=ROUND_DOWN)
            lines[k] = replace(lines[k], discount=-off)
    if v in (0, 3):  # the plastic bag, charged since 2020: not food, 10 %
        lines.append(Line("レジ袋(M)", Decimal(1), Decimal(5), 0))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "交通系IC", total),)
    elif v == 2:
        tenders = (Tender("other", "PayPay", total),)
    elif v == 3:
        tenders = (Tender("card", "クレジット", total),)
    else:
        tenders = (Tender("cash", "お預り", tendered(rng, total, (1000, 2000, 3000, 5000, 10000))),)
    fmt = "{y}年{m}月{d}日({a}) {H}:{M}" if v < 2 else "{y}/{m}/{d}({a}) {H}:{M}"
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 999999):06d}",
        dated_when=dated(rng, fmt, JA_WEEKDAYS),
        # 小計 is printed after the タイムセール lines: the items' own sum only when nothing came off.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def ja_panya(s: Sale, cols: int) -> list[Op]:
    # A town bakery's receipt from its tablet POS, tax included (内税): the shop, its address and 登録番号;
    # the date with the weekday, the register, who served and the receipt's No.; 【店内飲食】 when eaten in;
    # each item with its amount and 軽 after it when at the reduced rate, "2個 × @220" under one bought more
    # than once, the タイムセール under a discounted one; 小計 with the count, 合計; each rate's 対象 amount
    # and the 消費税 in it (the fraction of a yen cut off); お預り and お釣り, the IC card's balance, the
    # PayPay payment's number or the credit card's approval; the stamp card's points.
    item = (Col(None), Col(9, "right"), Col(2))
    no = int(s.no)
    staff = ("田中", "山本", "中村")
    eat_in = not any(ln.tag for ln in s.lines)
    receipt = "領 収 証" if eat_in or s.tenders[0].method == "card" else "レ シ ー ト"
    ops: list[Op] = [
        Title("麦の穂ベーカリー"),
        Center("鎌倉小町通り店"),
        Center("神奈川県鎌倉市小町2-8-11"),
        Center("TEL 0467-24-5512"),
        Center("登録番号 T4021001034567"),
        Blank(),
        Center(receipt, bold=True),
        Text(s.when),
        Row((f"レジ02  担当 {staff[no % 3]}", f"No.{s.no}"), (Col(None), Col(10, "right"))),
    ]
    if eat_in:
        ops.append(Text("【店内飲食】"))
    ops.append(Rule())
    for ln in s.lines:
        ops.append(Row((ln.name, f"¥{WHOLE(ln.amount)}", ln.tag), item))
        if ln.qty != 1:
            ops.append(Text(f"    {ln.qty}個 × @{WHOLE(ln.price)}"))
        if ln.discount:
            ops.append(Row((f"  タイムセール {JA_PANYA_SALE}%引", f"-¥{WHOLE(-ln.discount)}", ""), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [
        Rule(),
        pair(f"小計  {pieces(s.lines)}点", f"¥{WHOLE(net)}"),
        pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True),
    ]
    for rate, reduced in ((8, True), (10, False)):
        gross = sum((ln.net for ln in s.lines if bool(ln.tag) == reduced), Decimal(0))
        if gross:
            ops += [
                pair(f"({rate}%対象", f"¥{WHOLE(gross)})"),
                pair(f"( 内消費税等 {rate}%", f"¥{WHOLE(ja_drug_tax(gross, rate))})"),
            ]
    ops.append(Rule())
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    elif s.tenders[0].label == "交通系IC":
        before = s.total + 500 + no * 37 % 4000
        ops += [
            Text(f"  PASMO  PB{no * 7919 % 10**8:08d}"),
            pair("  利用前残高", f"¥{WHOLE(before)}"),
            pair("  残高", f"¥{WHOLE(before - s.total)}"),
        ]
    elif s.tenders[0].method == "card":
        ops += [
            Text("  カード会社 JCB"),
            Text(f"  会員番号 ************{no * 53 % 10000:04d}"),
            Text(f"  承認番号 {no * 6151 % 900000 + 100000}"),
            Text("  支払区分 一括払い"),
        ]
    else:
        ops.append(Text(f"  決済番号 0430{no * 7919 % 10**12:012d}"))
    stamps = sum((int(ln.qty) for ln in s.lines if ln.name != "レジ袋(M)"), 0)
    ops += [
        Rule(),
        Text("むぎポイントカード 2804-****-1175"),
        pair("今回ポイント", f"{stamps}P"),
        pair("累計ポイント", f"{stamps + 12 + no % 80}P"),
    ]
    if not eat_in:
        ops.append(Text("「軽」は軽減税率(8%)対象商品です"))
    ops += [
        Blank(),
        Center("毎朝7時から焼きたてをご用意しています"),
        Center("ありがとうございました"),
    ]
    return ops


KO_BUNSIK = (  # (name, price): a 분식집's menu board
    ("떡볶이", "5000"),
    ("치즈떡볶이", "6500"),
    ("라볶이", "6500"),
    ("순대", "5000"),
    ("모둠튀김", "5000"),
    ("김말이튀김(3개)", "3000"),
    ("어묵꼬치", "1000"),
    ("야채김밥", "3500"),
    ("참치김밥", "4500"),
    ("치즈김밥", "4500"),
    ("라면", "4500"),
    ("쫄면", "7000"),
    ("우동", "6000"),
    ("돈까스", "9000"),
    ("제육덮밥", "8500"),
    ("쿨피스", "2000"),
)
KO_BUNSIK_EXTRAS = (("치즈추가", "1000"), ("계란추가", "500"), ("공기밥", "1000"))
KO_BUNSIK_TAKEOUT = 1000  # 포장할인: a thousand won off an order taken away


def ko_bunsik_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, KO_BUNSIK, (2, 5), places=0, qtys=(1, 1, 1, 2, 2, 3))
    lines += pick(rng, KO_BUNSIK_EXTRAS, (0, 1), places=0, qtys=(1, 1, 2))
    takeout = Decimal(KO_BUNSIK_TAKEOUT) if v == 2 else Decimal(0)
    total = sum((ln.amount for ln in lines), Decimal(0)) - takeout
    if v == 0:
        tenders: tuple[Tender, ...] = (
            Tender("cash", "받은금액(현금)", tendered(rng, total, (10000, 20000, 30000, 50000, 100000))),
        )
    elif v == 3:  # 복합결제: a note or two in cash, the rest on the card
        cash = max(round_to(total / 2, 5000, ROUND_DOWN), Decimal(1000))
        tenders = (Tender("cash", "현금", cash), Tender("card", "신용카드", total - cash))
    else:
        tenders = (Tender("card", "신용카드", total),)
    printed, iso = dated(rng, "{y}-{m}-{d} {H}:{M}:{S}")
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{iso[:10].replace('-', '')}-01-{rng.randint(1, 400):04d}",
        dated_when=(printed, iso),
        savings=takeout,
        savings_label="포장할인",
        subtotal_printed=True,  # 합계금액, the menu's sum, above any 포장할인
    )


def ko_bunsik(s: Sale, cols: int) -> list[Op]:
    # A 분식집's 영수증 from its counter POS: the shop's 상호, 사업자번호, 대표자, address and phone;
    # the sale's date and its 영수증번호; the 포장 order's 대기번호; 품명/수량/금액; 합계금액, 포장할인,
    # 받을금액; the cash handed over and the 거스름돈, or a part in cash and the rest on a card; 과세물품가액
    # and 부가세 (10 %, included); the card's approval (카드사, masked number, 일시불, 승인번호, 승인금액)
    # or the 현금영수증.
    c = (Col(None), Col(4, "right"), Col(9, "right"))
    seq = int(s.no[-4:])
    vat = included_tax(s.total, Decimal(10), 0)
    ops: list[Op] = [
        Title("엄마손분식"),
        Center("[ 영 수 증 ]", bold=True),
        Text("상호: 엄마손분식 신림점"),
        Text("사업자번호: 119-08-52714"),
        Text("대표자: 박순자   TEL: 02-877-5274"),
        Text("주소: 서울 관악구 신림로 330, 1층"),
        Rule(),
        Text(f"판매일시: {s.when}"),
        Text(f"영수증번호: {s.no}"),
        Text("POS: 01   판매원: 관리자"),
    ]
    if s.savings:
        ops += [Blank(), Center(f"[포장] 대기번호 {seq % 90 + 10}", bold=True)]
    ops += [Rule(), Row(("품명", "수량", "금액"), c), Rule()]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
    ops += [Rule(), pair("합계금액", WHOLE(s.subtotal))]
    if s.savings:
        ops.append(pair(s.savings_label, WHOLE(-s.savings)))
    ops.append(pair("받을금액", f"{WHOLE(s.total)}원", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    ops += [
        Rule(),
        pair("과세물품가액", WHOLE(s.total - vat)),
        pair("부가세", WHOLE(vat)),
        Rule(),
    ]
    card = next((t for t in s.tenders if t.method == "card"), None)
    if card is not None:
        issuer, number = (("신한카드", "4518-44**-****-702*"), ("KB국민카드", "9490-21**-****-315*"))[seq % 2]
        ops += [
            Text("[카드 승인 내역]"),
            Text(f"카드종류: {issuer}"),
            Text(f"카드번호: {number}"),
            Text("할부개월: 일시불"),
            Text(f"승인번호: {seq * 7919 % 90000000 + 10000000}"),
            pair("승인금액", WHOLE(card.amount)),
            Text("가맹점번호: 00872154"),
        ]
    else:
        ops += [
            Text("[현금영수증]"),
            Text(f"승인번호: {seq * 6151 % 900000000 + 100000000}"),
            Text("식별번호: 010-****-3312"),
            Text("거래구분: 소득공제"),
        ]
    ops += [Blank(), Center("맛있게 드세요! 감사합니다"), Center("배달/포장 문의 02-877-5274")]
    return ops


ZH_YAOFANG = (  # (name, 规格, price, 医保类别): 甲类 and 乙类 drugs the 医保 account pays, 自费 the rest
    ("阿莫西林胶囊", "0.25g*24粒", "15.80", "甲类"),
    ("布洛芬缓释胶囊", "0.3g*20粒", "22.50", "乙类"),
    ("连花清瘟胶囊", "0.35g*24粒", "28.90", "乙类"),
    ("复方甘草片", "100片", "8.50", "甲类"),
    ("蒙脱石散", "3g*10袋", "19.80", "乙类"),
    ("氯雷他定片", "10mg*6片", "24.00", "乙类"),
    ("奥美拉唑肠溶胶囊", "20mg*14粒", "18.60", "甲类"),
    ("板蓝根颗粒", "10g*20袋", "16.50", "甲类"),
    ("维生素C咀嚼片", "100片", "35.00", "自费"),
    ("医用外科口罩", "10只/袋", "9.90", "自费"),
    ("创可贴", "100片", "12.00", "自费"),
    ("医用酒精75%", "500ml", "8.80", "自费"),
    ("电子体温计", "1支", "39.00", "自费"),
    ("乳清蛋白粉", "450g", "198.00", "自费"),
)
ZH_YAOFANG_HERBS = (("西洋参片", "2.60"), ("枸杞子", "0.16"), ("黄芪片", "0.32"))  # 中药饮片, priced a gram
ZH_YAOFANG_SPEC = {name: spec for name, spec, _, _ in ZH_YAOFANG}
ZH_YAOFANG_SPEC |= {name: "统货/克" for name, _ in ZH_YAOFANG_HERBS}  # 规格 of herbs sold loose, by the gram
ZH_YAOFANG_MEMBER = 5  # 会员日: 5 % off each line (会员价), to the fen


def zh_hans_yaofang_sale(rng: random.Random, v: int) -> Sale:
    drugs = [(n, p, c) for n, _, p, c in ZH_YAOFANG if c != "自费"]
    others = [(n, p, c) for n, _, p, c in ZH_YAOFANG if c == "自费"]
    lines = pick(rng, drugs, (1, 3), qtys=(1, 1, 1, 2, 2, 3))
    lines += pick(rng, others, (1, 2) if v in (1, 3) else (0, 2), qtys=(1, 1, 2))
    if v == 2:  # herbs weighed out by the gram
        name, price = rng.choice(ZH_YAOFANG_HERBS)
        grams = (20, 30, 50) if price == "2.60" else (100, 250, 500)
        lines.append(Line(name, Decimal(rng.choice(grams)), Decimal(price), tag="自费"))
    if v == 3:
        cent = Decimal("0.01")
        lines = [
            replace(ln, discount=-(ln.amount * ZH_YAOFANG_MEMBER / 100).quantize(cent, ROUND_HALF_UP))
            for ln in lines
        ]
    net = sum((ln.net for ln in lines), Decimal(0))
    # 满减: 10 yuan off each full 100 of the bill (v2).
    savings = Decimal(10 * int(net // 100)) if v == 2 else Decimal(0)
    total = net - savings
    insured = sum((ln.net for ln in lines if ln.tag != "自费"), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (
            Tender("other", "医保个人账户", insured),
            Tender("wechat", "微信支付", total - insured),
        )
    elif v == 2:
        tenders = (Tender("alipay", "支付宝", total),)
    elif v == 3:
        rest = total - insured
        tenders = (
            Tender("other", "医保个人账户", insured),
            Tender("cash", "现金", tendered(rng, rest, (10, 20, 50, 100, 200, 300, 500))),
        )
    else:
        tenders = (Tender("cash", "现金", tendered(rng, total, (10, 20, 50, 100, 200, 300, 500))),)
    printed, iso = dated(rng, "{y}-{m}-{d} {H}:{M}:{S}")
    return Sale(
        tuple(lines),
        tenders,
        no=f"XS{iso[2:4]}{iso[5:7]}{iso[8:10]}{rng.randint(1, 99999):05d}",
        dated_when=(printed, iso),
        savings=savings,
        savings_label="满100减10",
        subtotal_printed=True,  # 合计金额, before any 会员价 or 满减
    )


def zh_hans_yaofang(s: Sale, cols: int) -> list[Op]:
    # A chain pharmacy's 销售小票 (a 医保定点 store): the store, its address, 统一社会信用代码 and the
    # pharmacist on duty; 单据号, cashier and till, the time; 商品名称 with its 医保 类别 (甲类/乙类/自费) on
    # one line, 规格, 数量, 单价 and 金额 on the next, then a drug's 批号 and 效期, the 会员价 discount under
    # it; 品种数, 合计金额, the discounts, 应收金额; the 医保个人账户's part with its 结算 ID and
    # balance, then 微信/支付宝/现金, 实收金额 and 找零; the QR code for the 电子发票.
    name_row = (Col(None), Col(4, "right"))
    c = (Col(None), Col(4, "right"), Col(7, "right"), Col(8, "right"))
    off = (Col(None), Col(8, "right"))
    seq = int(s.no[-5:])
    line_off = sum((ln.discount for ln in s.lines), Decimal(0))
    credit = "91330105MA2H4K7Q3X"
    ops: list[Op] = [
        Title("益康大药房"),
        Center("(武林路店)"),
        Center("医保定点零售药店"),
        Text("地址: 杭州市拱墅区武林路128号"),
        Text("电话: 0571-8702 3366"),
    ]
    ops += [Text(f"统一社会信用代码: {credit}")] if cols >= 40 else [Text("统一社会信用代码:"), Text(credit)]
    ops += [
        Center("销售小票", bold=True),
        Text(f"单据号: {s.no}"),
        Text("收银员: 0107 王芳  机号: 02"),
        Text(f"时间: {s.when}"),
    ]
    if line_off:
        ops.append(Text("会员卡号: 139****2867"))
    ops += [Rule(), Row(("商品名称", "类别"), name_row), Row(("规格", "数量", "单价", "金额"), c), Rule()]
    for ln in s.lines:
        ops += [
            Row((ln.name, ln.tag), name_row),
            Row((ZH_YAOFANG_SPEC[ln.name], str(ln.qty), POINT(ln.price), POINT(ln.amount)), c),
        ]
        if ln.tag != "自费":
            made = sum(map(ord, ln.name))  # the batch's month and day, fixed for each drug
            mm, dd = made % 12 + 1, made % 28 + 1
            ops.append(Text(f"  批号:2025{mm:02d}{dd:02d}  效期:2028-{mm:02d}"))
        if ln.discount:
            ops.append(Row(("  会员价优惠", POINT(ln.discount)), off))
    ops += [
        Rule(),
        Text(f"品种数: {len(s.lines)}"),
        pair("合计金额:", POINT(s.subtotal)),
    ]
    if line_off:
        ops.append(pair("会员优惠:", POINT(line_off)))
    if s.savings:
        ops.append(pair(f"{s.savings_label}:", POINT(-s.savings)))
    ops.append(pair("应收金额:", f"￥{POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", POINT(t.amount)))
        if t.label == "医保个人账户":
            ops += [
                Text(f"  医保结算ID: {s.iso[:10].replace('-', '')}{seq * 7919 % 10**8:08d}"),
                pair("  个人账户余额:", POINT(Decimal(1200 + seq % 900) + Decimal("0.35"))),
            ]
    paid = sum((t.amount for t in s.tenders), Decimal(0))
    ops.append(pair("实收金额:", POINT(paid)))
    if s.cash:
        ops.append(pair("找零:", POINT(s.change)))
    day = s.iso[:10].replace("-", "")
    for t in s.tenders:
        if t.method == "wechat":
            ops += [Text("微信支付单号:"), Text(f"  4200{day}{seq * 6151 % 10**10:010d}")]
        elif t.method == "alipay":
            ops += [Text("支付宝交易号:"), Text(f"  {day}2200{seq * 7919 % 10**10:010d}")]
    ops += [
        Rule(),
        Text("执业药师: 陈晓梅"),
        Text("温馨提示:"),
        Text("请遵医嘱或按说明书使用药品"),
        Text("药品售出后非质量问题恕不退换"),
        Center("谢谢惠顾 祝您健康"),
        Center("扫码开具电子发票"),
        QR(f"https://fp.example.cn/yk?store=0107&no={s.no}&amt={POINT(s.total)}"),
    ]
    return ops


TH_PHARMACY = (  # (name, price): a pharmacy's medicines and health goods, all with VAT 7 % in the price
    ("พาราเซตามอล 500 มก. 10 เม็ด", "25.00"),
    ("ยาแก้ไอน้ำดำ 60 มล.", "35.00"),
    ("ยาธาตุน้ำแดง 180 มล.", "45.00"),
    ("ยาดมสมุนไพร", "30.00"),
    ("ยาหม่องขาว 15 ก.", "40.00"),
    ("เกลือแร่ ORS 5 ซอง", "25.00"),
    ("ฟ้าทะลายโจร 60 แคปซูล", "120.00"),
    ("วิตามินซี 1000 มก. 30 เม็ด", "350.00"),
    ("แอลกอฮอล์ 70% 450 มล.", "55.00"),
    ("พลาสเตอร์ปิดแผล 100 ชิ้น", "65.00"),
    ("หน้ากากอนามัย 50 ชิ้น", "89.00"),
    ("ครีมกันแดด SPF50 30 มล.", "290.00"),
    ("น้ำเกลือล้างแผล 500 มล.", "35.00"),
    ("ยาอมมะแว้ง 20 เม็ด", "30.00"),
    ("ลอราทาดีน 10 มก. 10 เม็ด", "60.00"),
)
TH_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
TH_PROMO = 10  # the month's promotion: 10 % off an article
TH_MEMBER = 5  # the member's 5 % off the bill


def th_pharmacy_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, TH_PHARMACY, (2, 6), qtys=(1, 1, 1, 2, 2, 3))
    if v == 2:
        for k in rng.sample(range(len(lines)), min(len(lines), rng.randint(1, 2))):
            off = (lines[k].amount * TH_PROMO / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            lines[k] = replace(lines[k], discount=-off)
    net = sum((ln.net for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v == 3:
        savings = (net * TH_MEMBER / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    total = net - savings
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "พร้อมเพย์", total),)
    elif v == 2:
        tenders = (Tender("card", "บัตรเครดิต", total),)
    else:
        tenders = (Tender("cash", "เงินสด", tendered(rng, total, (20, 50, 100, 500, 1000, 1500, 2000, 3000))),)
    # The date as the till prints it: the Buddhist era (2569) with or without seconds, with the month's Thai
    # abbreviation (v2), or the Christian era on a till set up so (v3).
    fmt = (
        "{d}/{m}/2569 {H}:{M}",
        "{d}/{m}/2569 {H}:{M}:{S}",
        "{d}/{m}/2569 {H}:{M}",
        "{d}/{m}/{y} {H}:{M}:{S}",
    )
    printed, iso = dated(rng, fmt[v])
    if v == 2:
        printed = f"{iso[8:10]} {TH_MONTHS[int(iso[5:7]) - 1]} 2569 {iso[11:16]}"
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 999999):06d}",
        dated_when=(printed, iso),
        savings=savings,
        savings_label=f"ส่วนลดสมาชิก {TH_MEMBER}%",
        subtotal_printed=True,  # รวม, the articles' prices before any discount
    )


def th_pharmacy(s: Sale, cols: int) -> list[Op]:
    # A pharmacy's abbreviated tax invoice, VAT included: the company and its head office, TAX ID and the
    # Revenue Department's POS ID; the receipt's เลขที่, the till, the date and the cashier; each article with
    # its amount, "qty @ price" under it when more than one, a promotion's ส่วนลด under that; รวม with the
    # count, the discounts, ยอดสุทธิ in บาท; เงินสด and เงินทอน, PromptPay's reference or the card's approval;
    # the goods' value before VAT and the VAT 7 %; the member's points; the pharmacist on duty.
    item = (Col(None), Col(10, "right"))
    right = 12
    no = int(s.no)
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    vat = included_tax(s.total, Decimal(7))
    ops: list[Op] = [
        Title("สุขภาพดีฟาร์มาซี"),
        Center("บจก. สุขภาพดี ฟาร์มาซี (สำนักงานใหญ่)"),
        Center("99/12 ถ.ประชาราษฎร์ ต.ตลาดขวัญ"),
        Center("อ.เมือง จ.นนทบุรี 11000 โทร. 02-951-2345"),
        Center("TAX ID: 0125560034567"),
        Center("ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ", bold=True),
        Center("(VAT Included)"),
        Text("POS ID: E051200034567"),
        Row((f"เลขที่: {s.no}", "เครื่อง: 02"), (Col(None), Col(right, "right"))),
        Text(f"วันที่: {s.when}"),
        Text("พนักงาน: 0315 สุดารัตน์"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, GROUPED(ln.amount)), item))
        if ln.qty != 1:
            ops.append(Text(f"    {ln.qty} @ {GROUPED(ln.price)}"))
        if ln.discount:
            ops.append(Row((f"    ส่วนลด {TH_PROMO}%", GROUPED(ln.discount)), item))
    ops += [Rule(), pair(f"รวม {len(s.lines)} รายการ {pieces(s.lines)} ชิ้น", GROUPED(s.subtotal), right=right)]
    if off:
        ops.append(pair("ส่วนลดรายการ", GROUPED(off), right=right))
    if s.savings:
        ops.append(pair(s.savings_label, GROUPED(-s.savings), right=right))
    ops.append(pair("ยอดสุทธิ (บาท)", GROUPED(s.total), bold=True, tall=True, right=right))
    for t in s.tenders:
        ops.append(pair(t.label, GROUPED(t.amount), right=right))
    if s.cash:
        ops.append(pair("เงินทอน", GROUPED(s.change), right=right))
    elif s.tenders[0].method == "card":
        ops += [Text("VISA  XXXX XXXX XXXX 6612"), Text(f"APPR CODE: {no * 7919 % 1000000:06d}")]
    else:
        ops.append(Text(f"รหัสอ้างอิง: {s.iso[:10].replace('-', '')}{no * 6151 % 10**10:010d}"))
    ops += [
        Rule(),
        pair("มูลค่าสินค้าก่อน VAT", GROUPED(s.total - vat), right=right),
        pair("VAT 7%", GROUPED(vat), right=right),
        Rule(),
    ]
    if s.savings:
        earned = int(s.total // 25)
        ops += [
            Text("สมาชิก: 08X-XXX-5521"),
            pair("คะแนนที่ได้รับ", str(earned), right=right),
            pair("คะแนนสะสม", WHOLE(Decimal(earned + 340 + no % 500)), right=right),
        ]
    ops += [
        Text("เภสัชกร: ภญ.ศิริพร วงศ์ดี"),
        Blank(),
        Center("ขอบคุณที่ใช้บริการ"),
        Center("สินค้าซื้อแล้วไม่รับเปลี่ยนหรือคืน"),
    ]
    return ops


TEMPLATES += (
    Template(
        "ja-panya",
        "Japanese",
        "JPY",
        ja_panya_sale,
        ja_panya,
        # receiptline only, in Shift_JIS (python-escpos has no Kanji mode): an SII, a Star line printer and
        # an Epson.
        (
            Encoder(RL, "sii", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starlinembcs", "star-line-80mm", 48, "shiftjis"),
            Encoder(RL, "epson", "japanese-80mm", 48, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "ko-bunsik",
        "Korean",
        "KRW",  # 받을금액 ...원
        ko_bunsik_sale,
        ko_bunsik,
        (
            Encoder(RL, "citizen", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "generic", "korean-80mm", 48, "ksc5601"),
            Encoder(RL, "fit", "korean-80mm", 42, "cp949"),
        ),
        variants=4,
    ),
    Template(
        "zh-hans-yaofang",
        "simplified Chinese",
        "CNY",
        zh_hans_yaofang_sale,
        zh_hans_yaofang,
        (
            Encoder(RL, "sii", "chinese-80mm", 48, "gb18030"),
            Encoder(RL, "epson", "chinese-58mm", 32, "gb18030"),
            Encoder(RL, "escpos", "chinese-80mm", 42, "cp936"),
        ),
        variants=4,
    ),
    Template(
        "th-pharmacy",
        "Thai",
        "THB",  # ยอดสุทธิ (บาท)
        th_pharmacy_sale,
        th_pharmacy,
        # TIS-620 from receiptline on an Epson and a Star; Thai Character Code 18 from receipt-printer-encoder
        # on a Bixolon, as th-7eleven.
        (
            Encoder(RL, "epson", "generic-80mm", 48, "tis620"),
            Encoder(RL, "starsbcs", "star-80mm", 48, "tis620"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "thai18"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a
# Mechelen frituur's kasticket from a registered till (nl-be-frituur: the FDM's BTW letters, C 6 % for what
# is taken away, B 12 % for food eaten in and A 21 % for drinks there and beer anywhere, "2x" before the
# snack with its unit price, a Spaarkaart's free friet, Totaal, Cash and Terug, Bancontact's lines,
# Payconiq and a Monizze meal voucher topped up in cash, the BTW table and the GKS/FDM block), a Kraków
# pharmacy's PARAGON FISKALNY in CP852 and Windows-1250 (pl-apteka: "1 szt. x 12,99" under each name,
# refunded prescription drugs with their odpłatność, a loyalty card's Rabat, PTU A 23 % and B 8 %, SUMA
# PTU, SUMA PLN, Gotówka, Karta and Reszta, the paragon number at the foot under the print number at the
# head), an Istanbul pharmacy's fiscal receipt in CP857 (tr-eczane: the fiscal star before every amount,
# "2 AD X" over an item, KDV %10 for medicines and %20 for cosmetics, TOPKDV, TOPLAM, an e-prescription's
# price differences, NAKİT and PARA ÜSTÜ, KREDİ KARTI with its card lines, cash and card together) and a
# Buckinghamshire pub's bill (en-gb-pub: rounds as "2 x Pint of Guinness", food at a table with its
# covers, Sub Total, a CAMRA member's 10 % off real ale, the optional 12.5 % service charge, Total, VAT
# 20 % included, a bill split between a card and cash, and the card terminal's customer copy).


def dated_from_hour(rng: random.Random, fmt: str, opens: int) -> tuple[str, str]:
    """dated(), drawn again until its hour is one at which the place is open (from `opens` o'clock on)."""
    while True:
        when = dated(rng, fmt)
        if int(when[1][11:13]) >= opens:
            return when


BE_FRITUUR_BTW = {"A": Decimal(21), "B": Decimal(12), "C": Decimal(6)}  # the FDM's BTW letters (D: 0 %)
BE_FRITUUR_FRIET = (
    ("Kleine friet", "3.20"),
    ("Middel friet", "3.80"),
    ("Grote friet", "4.50"),
    ("Familiefriet", "8.50"),
)
BE_FRITUUR_SNACKS = (
    ("Bicky Burger", "5.20"),
    ("Frikandel", "2.80"),
    ("Curryworst", "2.80"),
    ("Cervela", "3.90"),
    ("Kipcorn", "3.00"),
    ("Viandel", "2.90"),
    ("Mexicano", "3.60"),
    ("Bitterballen 6 st.", "4.20"),
    ("Loempia", "4.80"),
    ("Boulet", "4.20"),
    ("Stoofvlees", "6.90"),
)
BE_FRITUUR_SAUZEN = (
    ("Mayonaise", "1.00"),
    ("Andalouse", "1.20"),
    ("Samurai", "1.20"),
    ("Joppiesaus", "1.20"),
    ("Tartaar", "1.20"),
    ("Curry ketchup", "1.00"),
    ("Stoofvleessaus", "2.50"),
)
BE_FRITUUR_DRANK = (  # (name, price, "bier": alcohol, at 21 % whether eaten in or taken away)
    ("Coca-Cola 33cl", "2.60", ""),
    ("Coca-Cola Zero 33cl", "2.60", ""),
    ("Fanta 33cl", "2.60", ""),
    ("Spa Reine 50cl", "2.40", ""),
    ("Ice Tea 33cl", "2.60", ""),
    ("Jupiler 33cl", "2.80", "bier"),
    ("Duvel 33cl", "4.20", "bier"),
)
BE_FRITUUR_CASH = (5, 10, 20, 30, 50, 100)


def nl_be_frituur_sale(rng: random.Random, v: int) -> Sale:
    here = v == 1  # eaten in ("ter plaatse"): the food at 12 %, every drink at 21 %
    food = "B" if here else "C"  # taken away: the food and the soft drinks at 6 %, beer at 21 %
    lines = pick(rng, BE_FRITUUR_FRIET, (1, 2), qtys=(1, 1, 2, 3))
    lines += pick(rng, BE_FRITUUR_SNACKS, (0 if v == 2 else 1, 3), qtys=(1, 1, 2, 3))
    lines += pick(rng, BE_FRITUUR_SAUZEN, (1, 3), qtys=(1, 1, 2))
    lines = [replace(ln, tag=food) for ln in lines]
    drinks = [d for d in BE_FRITUUR_DRANK if v != 3 or not d[2]]  # a meal voucher pays for no beer
    for ln in pick(rng, drinks, (1, 3) if here else (0, 2), qtys=(1, 1, 2, 3)):
        lines.append(replace(ln, tag="A" if here or ln.tag else "C"))
    if v == 2:  # the Spaarkaart's tenth friet, free
        lines[0] = replace(lines[0], discount=-lines[0].price)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "Cash", tendered(rng, total, BE_FRITUUR_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "Bancontact", total),)
    elif v == 2:
        tenders = (Tender("other", "Payconiq", total),)
    else:  # what is left on the meal voucher card, and the rest in cash
        voucher = min(total, Decimal(rng.choice(("6.40", "8.00", "10.80"))))
        tenders = (Tender("other", "Monizze maaltijdcheque", voucher),)
        if voucher < total:
            tenders += (Tender("cash", "Cash", tendered(rng, total - voucher, BE_FRITUUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 99999)),
        dated_when=dated_from_hour(rng, "{d}/{m}/{y} {H}:{M}", 11),
    )


def nl_be_frituur(s: Sale, cols: int) -> list[Op]:
    # A Flemish frituur's kasticket from a geregistreerd kassasysteem: the frituur, its address, phone and BTW
    # number; the ticket number, the date as Belgium writes it, the till and who served, taken away or the
    # table; each line as "2x", the article, its unit price, its amount and its BTW letter (A 21 %, B 12 %,
    # C 6 %), the Spaarkaart's free friet under it; Totaal in euro; Cash and Terug, Bancontact, Payconiq or a
    # meal voucher; the BTW table by letter; the terminal's lines; the GKS block of the fiscal data module.
    item = (Col(3), Col(None), Col(6, "right"), Col(7, "right"), Col(1))
    under = (Col(3), Col(None), Col(7, "right"), Col(1))
    no = int(s.no)
    here = any(ln.tag == "B" for ln in s.lines)
    ops: list[Op] = [
        Title("Frituur 't Hoekske"),
        Center("Kerkstraat 27"),
        Center("2800 Mechelen"),
        Center("Tel. 015 21 34 56"),
        Center("BTW BE 0712.345.678"),
        Blank(),
        Text(f"Ticket nr.: {s.no}"),
        Text(f"Datum: {s.when}"),
        Text(f"Kassa 1   Bediende: {('Kristof', 'Els', 'Jana', 'Wout')[no % 4]}"),
        Text(f"Ter plaatse - Tafel {no % 12 + 1}" if here else "Meenemen"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((f"{ln.qty}x", ln.name, COMMA(ln.price), COMMA(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(Row(("", "Spaarkaart: gratis friet", COMMA(ln.discount), ln.tag), under))
    ops += [Rule(), pair("Totaal", f"€ {COMMA(s.total)}", bold=True, tall=True)]
    for t in s.tenders:
        ops.append(pair(t.label, f"€ {COMMA(t.amount)}"))
    if s.cash:
        ops.append(pair("Terug", f"€ {COMMA(s.change)}"))
    table = (Col(None), Col(8, "right"), Col(7, "right"), Col(8, "right"))
    ops += [Rule(), Row(("BTW", "Excl.", "BTW", "Incl."), table)]
    for tag, rate in BE_FRITUUR_BTW.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((f"{tag} {rate}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Rule(),
                Center("BANCONTACT"),
                Text(f"Terminal: {no * 7 % 10**7 + 10**7}"),
                Text(f"Kaart: 6703 XXXX XXXX X{no * 37 % 1000:03d}"),
                Text(f"Autorisatiecode: {no * 4211 % 1000000:06d}"),
                pair("Betaling", f"€ {COMMA(t.amount)}"),
                Text("Contactloos - Transactie aanvaard"),
            ]
        elif t.label == "Payconiq":
            ops += [
                Rule(),
                Text("Payconiq by Bancontact - betaald"),
                Text(f"Ref.: {hashlib.sha256(s.no.encode()).hexdigest()[:16].upper()}"),
            ]
        elif t.method == "other":
            ops += [Rule(), Text("Monizze e-maaltijdcheque"), Text(f"Kaart: XXXX XXXX {no * 53 % 10000:04d}")]
    signature = hashlib.sha1(f"FDM/{s.no}/{s.when}".encode()).hexdigest().upper()
    ops += [
        Rule(),
        Center("GKS - FDM-gegevens"),
        Text("FDM-ID: CTMF0102134"),
        Text("VSC-ID: CBC0142857300021"),
        Text(f"FDM-datum: {s.when}"),
        Text(f"FDM-ticketteller: {no * 3 % 90000 + 10000}/{no * 3 % 90000 + 10417} NS"),
        Text("Handtekening:"),
        Text(signature[: min(40, cols)]),
        Blank(),
        Center("Bedankt en smakelijk!"),
        Center("Tot de volgende keer"),
    ]
    return ops


PL_APTEKA_PTU = {"A": Decimal(23), "B": Decimal(8)}
PL_APTEKA_OTC = (  # (name, price, PTU letter): medicines and medical devices B (8 %), cosmetics A (23 %)
    ("APAP 500mg 24 tabl.", "12.99", "B"),
    ("Ibuprom Max 400mg 24 tabl.", "19.49", "B"),
    ("Gripex Max 20 tabl.", "24.99", "B"),
    ("Rutinoscorbin 150 tabl.", "14.49", "B"),
    ("Stoperan 2mg 8 kaps.", "13.99", "B"),
    ("Acatar Control spray 15ml", "21.49", "B"),
    ("Strepsils miód i cytryna 24 past.", "18.99", "B"),
    ("Vitaminum D3 2000 j.m. 60 kaps.", "22.90", "B"),
    ("Plastry Viscoplast 10 szt.", "9.99", "B"),
    ("Termometr elektroniczny", "24.90", "B"),
    ("Krem Cicaplast Baume B5 40ml", "54.99", "A"),
    ("Szampon Vichy Dercos 200ml", "69.90", "A"),
    ("Pasta Sensodyne Repair 75ml", "17.49", "A"),
    ("Płyn micelarny Bioderma 250ml", "59.99", "A"),
)
PL_APTEKA_RX = (  # (name, what the patient pays after the NFZ refund, the odpłatność): all PTU B
    ("Bisocard 5mg 30 tabl.", "8.76", "30%"),
    ("Atoris 20mg 30 tabl.", "11.23", "30%"),
    ("Metformax 850mg 60 tabl.", "5.42", "ryczałt"),
    ("Polpril 5mg 28 kaps.", "4.80", "ryczałt"),
    ("Amotaks 1g 16 tabl.", "12.60", "50%"),
    ("Euthyrox N 75 50 tabl.", "3.20", "ryczałt"),
)
PL_APTEKA_RABAT = 10  # the Karta Stałego Pacjenta: 10 % off what the NFZ does not refund
PLN_CASH = (10, 20, 50, 100, 200, 500)


def pl_apteka_rabat(amount: Decimal) -> Decimal:
    return (amount * PL_APTEKA_RABAT / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def pl_apteka_sale(rng: random.Random, v: int) -> Sale:
    rx = v in (2, 3)
    lines = pick(rng, PL_APTEKA_OTC, (1, 3) if rx else (2, 4), qtys=(1, 1, 1, 2))
    if rx:  # a prescription's refunded drugs first, each at the patient's price
        for name, price, share in rng.sample(PL_APTEKA_RX, rng.randint(1, 3)):
            qty = Decimal(rng.choice((1, 1, 2)))
            lines.insert(0, Line(name, qty, Decimal(price), tag="B", note=f"Rp  odpłatność {share}"))
    if v in (1, 3):
        lines = [ln if ln.note else replace(ln, discount=-pl_apteka_rabat(ln.amount)) for ln in lines]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "Karta", total),)
    elif v == 3:  # the notes in the wallet, and the rest by card
        cash = Decimal(max(n for n in PLN_CASH if n < total)).quantize(total)
        tenders = (Tender("cash", "Gotówka", cash), Tender("card", "Karta", total - cash))
    else:
        tenders = (Tender("cash", "Gotówka", tendered(rng, total, PLN_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999):05d}",
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}"),
    )


def pl_apteka(s: Sale, cols: int) -> list[Op]:
    # A Kraków pharmacy's PARAGON FISKALNY from an online register: the pharmacy, its company, address and
    # NIP; the date and time with the printout number (nr wydr.); each article's name on its own line, then
    # "1 szt. x 12,99" and its value with the PTU letter, "Rp  odpłatność 30%" under a refunded drug, a
    # loyalty card's Rabat and the value after it; the sales and PTU per letter, SUMA PTU and SUMA PLN;
    # Gotówka, Karta and Reszta; the paragon number, the till, the pharmacist and the time; the register's
    # hash and number.
    qty_row = (Col(None), Col(17, "right"), Col(11, "right"))
    no = int(s.no)
    time_ = s.when.split()[1]
    ops: list[Op] = [
        Title("APTEKA POD ORŁEM"),
        Center("Apteka Pod Orłem Sp. z o.o."),
        Center("ul. Długa 14, 31-147 Kraków"),
        Center("tel. 12 421 33 90"),
        Center("NIP 676-102-34-56"),
        Row((s.when, f"nr wydr. {no * 7 % 900000 + 100000}"), (Col(None), Col(16, "right"))),
        Center("PARAGON FISKALNY", bold=True),
        Rule(),
    ]
    for ln in s.lines:
        each = f"{qty_str(ln.qty, ',')} szt. x {COMMA(ln.price)}"
        ops += [Text(ln.name), Row(("", each, f"{COMMA(ln.amount)} {ln.tag}"), qty_row)]
        if ln.note:
            ops.append(Text(f"  {ln.note}"))
        if ln.discount:
            ops += [
                Row((f"  Rabat {PL_APTEKA_RABAT}%", "", f"{COMMA(ln.discount)} {ln.tag}"), qty_row),
                Row(("", "", f"{COMMA(ln.net)} {ln.tag}"), qty_row),
            ]
    ops.append(Rule())
    taxes = Decimal(0)
    for tag, rate in PL_APTEKA_PTU.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            taxes += tax
            ops += [
                pair(f"Sprzedaż opodatkowana {tag}", COMMA(gross)),
                pair(f"PTU {tag} {rate},00%", COMMA(tax)),
            ]
    ops += [
        pair("SUMA PTU", COMMA(taxes)),
        pair("SUMA PLN", COMMA(s.total), bold=True, tall=True),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"{COMMA(t.amount)} PLN", right=14))
    if s.cash:
        ops.append(pair("Reszta", f"{COMMA(s.change)} PLN", right=14))
    digest = hashlib.sha1(f"apteka/{s.no}/{s.when}".encode()).hexdigest().upper()
    ops += [
        Rule(),
        Row((f"Paragon nr {s.no}", f"#Kasa 1  {time_}"), (Col(None), Col(14, "right"))),
        Text("Kasjer: mgr farm. Anna Wójcik"),
        Center(digest[: min(40, cols)]),
        Center("ECA 16012345"),
    ]
    if any(ln.discount for ln in s.lines):
        ops += [Rule(), Text(f"Karta Stałego Pacjenta: ****{no * 37 % 10000:04d}")]
    ops += [
        Blank(),
        Center("Leki wydane z apteki nie podlegają"),
        Center("zwrotowi"),
        Center("Dziękujemy i życzymy zdrowia!"),
    ]
    return ops


TR_ECZANE_URUNLER = (  # (name, price, KDV %): medicines 10 %, cosmetics and care 20 %
    ("PAROL 500 MG 20 TABLET", "52.40", "10"),
    ("MAJEZİK 100 MG 15 TB", "96.80", "10"),
    ("ARVELES 25 MG 20 TB", "118.50", "10"),
    ("APRANAX FORT 550MG 20TB", "89.60", "10"),
    ("THERAFLU FORTE 10 POŞET", "165.00", "10"),
    ("OTRİVİNE %0,1 SPREY", "74.30", "10"),
    ("GAVİSCON LİKİT 200 ML", "142.75", "10"),
    ("DEVİT-3 DAMLA 50 ML", "61.20", "10"),
    ("BEPANTHOL KREM 30 G", "158.00", "20"),
    ("CİCAPLAST BAUME B5 40ML", "640.00", "20"),
    ("SENSODYNE REPAİR 75 ML", "189.90", "20"),
    ("BİODERMA SENSİBİO 250ML", "585.00", "20"),
)
TR_ECZANE_RECETE = (  # an e-prescription's drugs: the price difference the patient pays over the SGK's
    ("AUGMENTİN BID 1000MG 14", "38.70"),
    ("CORASPİN 100 MG 30 TB", "12.45"),
    ("NEXİUM 40 MG 28 TB", "46.20"),
    ("GLİFOR 1000 MG 100 TB", "21.80"),
    ("BELOC ZOK 50 MG 20 TB", "17.35"),
)
TRY_CASH = (50, 100, 200, 500, 1000, 1500, 2000, 3000)


def tr_eczane_sale(rng: random.Random, v: int) -> Sale:
    drugs = [item for item in TR_ECZANE_URUNLER if item[2] == "10"]
    care = [item for item in TR_ECZANE_URUNLER if item[2] == "20"]
    lines: list[Line] = []
    if v in (1, 3):
        lines += [
            Line(name, Decimal(rng.choice((1, 1, 2))), Decimal(price), tag="10")
            for name, price in rng.sample(TR_ECZANE_RECETE, rng.randint(1, 3))
        ]
    lines += pick(rng, drugs, (0 if v in (1, 3) else 1, 3), qtys=(1, 1, 1, 2))
    if v in (2, 3):
        lines += pick(rng, care, (1, 2), qtys=(1, 1, 2))
    total = sum((ln.amount for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "NAKİT", tendered(rng, total, TRY_CASH)),)
    elif v == 3:  # some in cash, the rest by card
        cash = Decimal(max(n for n in TRY_CASH if n < total)).quantize(total)
        tenders = (Tender("cash", "NAKİT", cash), Tender("card", "KREDİ KARTI", total - cash))
    else:
        tenders = (Tender("card", "KREDİ KARTI", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 250):04d}",
        dated_when=dated(rng, "TARİH : {d}.{m}.{y}    SAAT : {H}:{M}"),
    )


def tr_eczane(s: Sale, cols: int) -> list[Op]:
    # An Istanbul pharmacy's receipt from a new-generation fiscal register (yeni nesil ÖKC): the pharmacy,
    # the pharmacist who owns it, the address, the tax office and her TC number; the date and time, FİŞ NO;
    # an e-prescription's number over its drugs; "2 AD X 52,40" over an item, each with its KDV rate and its
    # amount after the fiscal star; KDV per rate, TOPKDV and TOPLAM; NAKİT and PARA ÜSTÜ, KREDİ KARTI with the
    # card's lines; the cashier, the Z and EKÜ numbers and the register's fiscal mark (MF).
    item = (Col(None), Col(4), Col(11, "right"))
    no = int(s.no)
    rates = sorted({ln.tag for ln in s.lines}, key=int)
    kdv = {
        rate: included_tax(sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0)), Decimal(rate))
        for rate in rates
    }
    recete = {name for name, _ in TR_ECZANE_RECETE}
    ops: list[Op] = [
        Title("ŞİFA ECZANESİ"),
        Center("ECZ. ZEYNEP AKGÜL"),
        Center("CADDEBOSTAN MAH. BAĞDAT CAD."),
        Center("NO:215/A KADIKÖY/İSTANBUL"),
        Center("TEL: 0216 358 41 27"),
        Center("GÖZTEPE V.D. 14257836902"),
        Blank(),
        Text(s.when),
        Text(f"FİŞ NO : {s.no}"),
        Rule(),
    ]
    if any(ln.name in recete for ln in s.lines):
        code = hashlib.sha1(s.no.encode()).hexdigest()[:7].upper()
        ops += [Text("SGK REÇETELİ SATIŞ"), Text(f"E-REÇETE NO : {code}")]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"{ln.qty} AD X {TRY(ln.price)}"))
        ops.append(Row((ln.name, f"%{ln.tag}", f"*{TRY(ln.amount)}"), item))
    ops.append(Rule())
    for rate in rates:
        ops.append(pair(f"KDV %{rate}", f"*{TRY(kdv[rate])}"))
    ops += [
        pair("TOPKDV", f"*{TRY(sum(kdv.values(), Decimal(0)))}"),
        pair("TOPLAM", f"*{TRY(s.total)}", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"*{TRY(t.amount)}"))
    if s.cash:
        ops.append(pair("PARA ÜSTÜ", f"*{TRY(s.change)}"))
    if any(t.method == "card" for t in s.tenders):
        ops += [
            Text(f"KART NO : ************{no * 37 % 10000:04d}"),
            Text(f"ONAY KODU : {no * 4211 % 1000000:06d}"),
            Text("BANKA : GARANTİ BBVA   TEMASSIZ"),
        ]
    ops += [
        Rule(),
        Text("KASİYER : ECZ. Z. AKGÜL"),
        Row((f"Z NO : {812 + no // 40:04d}", "EKÜ NO : 0001"), (Col(None), Col(14, "right"))),
        Center("MF JH 20071984"),
        Blank(),
        Center("GEÇMİŞ OLSUN"),
    ]
    return ops


GB_PUB_DRINKS = (
    ("Pint of Guinness", "6.20"),
    ("Pint of Camden Hells", "6.60"),
    ("Pint of London Pride", "5.80"),
    ("Pint of Doom Bar", "5.60"),
    ("Half of Aspall Cider", "3.40"),
    ("175ml House Red", "7.50"),
    ("175ml Sauvignon Blanc", "7.90"),
    ("Gordon's & Tonic", "8.20"),
    ("J2O Orange & Passion", "3.60"),
    ("Diet Coke", "3.20"),
    ("Lime & Soda", "2.50"),
)
GB_PUB_CASK = ("Pint of London Pride", "Pint of Doom Bar")  # real ale: a CAMRA member's 10 % off
GB_PUB_FOOD = (
    ("Fish & Chips", "17.50"),
    ("Steak & Ale Pie", "16.95"),
    ("Sunday Roast Beef", "19.50"),
    ("Bangers & Mash", "15.50"),
    ("Pub Burger", "16.00"),
    ("Ploughman's Lunch", "13.50"),
    ("Scampi & Chips", "15.95"),
    ("Sticky Toffee Pudding", "7.50"),
    ("Chips", "4.50"),
    ("Onion Rings", "4.50"),
)
GB_PUB_SERVICE = Decimal("12.5")
GBP_CASH = (10, 20, 30, 40, 50, 60, 80, 100, 150, 200)


def gb_pounds(value: Decimal) -> str:
    return f"-£{POINT(-value)}" if value < 0 else f"£{POINT(value)}"


def en_gb_pub_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, GB_PUB_DRINKS, (2, 4), qtys=(1, 1, 2, 2, 3, 4))
    if v == 2 and not any(ln.name in GB_PUB_CASK for ln in lines):
        name, price = next(item for item in GB_PUB_DRINKS if item[0] == rng.choice(GB_PUB_CASK))
        lines.insert(0, Line(name, Decimal(rng.choice((2, 3))), Decimal(price)))
    if v:  # at a table: food as well
        lines += pick(rng, GB_PUB_FOOD, (1, 4), qtys=(1, 1, 2))
    cask = sum((ln.amount for ln in lines if ln.name in GB_PUB_CASK), Decimal(0))
    savings = (cask / 10).quantize(Decimal("0.01"), ROUND_HALF_UP) if v == 2 else Decimal(0)
    net = sum((ln.amount for ln in lines), Decimal(0)) - savings
    service = Decimal(0)
    if v in (1, 3):  # the optional service charge, added at a table
        service = (net * GB_PUB_SERVICE / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = net + service
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "Cash", tendered(rng, total, GBP_CASH)),)
    elif v == 3:  # the bill split: half on one card, the rest in cash
        card = (total / 2).quantize(Decimal("0.01"), ROUND_DOWN)
        tenders = (
            Tender("card", "Card", card),
            Tender("cash", "Cash", tendered(rng, total - card, GBP_CASH)),
        )
    else:
        tenders = (Tender("card", "Card", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 9999)),
        dated_when=dated_from_hour(rng, "{d}/{m}/{y} {H}:{M}", 12),
        savings=savings,
        savings_label="CAMRA 10% off real ale",
        surcharge=service,
        subtotal_printed=True,
    )


def en_gb_pub(s: Sale, cols: int) -> list[Op]:
    # A Marlow pub's bill from its EPOS: the pub, its address, phone and VAT number; the check number, the
    # table and its covers or the bar, who served and the till, the date and time; each round as "2 x" with
    # the drink and the amount in pounds; Sub Total, a CAMRA member's discount on real ale, the optional
    # service charge; Total, Card, Cash and Change; the VAT included; the card terminal's customer copy.
    item = (Col(4), Col(None), Col(9, "right"))
    no = int(s.no)
    food = {name for name, _ in GB_PUB_FOOD}
    table = any(ln.name in food for ln in s.lines)
    ops: list[Op] = [
        Title("THE RED LION"),
        Center("48 High Street"),
        Center("Marlow, Bucks SL7 1AX"),
        Center("Tel: 01628 482310"),
        Center("VAT Reg No: GB 284 5512 67"),
        Blank(),
        Text(f"Check No: {s.no}"),
        Text(f"Table {no % 24 + 1}   Covers {no % 5 + 2}" if table else "Bar"),
        Text(f"Server: {('Becky', 'Tom', 'Priya', 'Callum')[no % 4]}   Till 2"),
        Text(s.when),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((f"{ln.qty} x", ln.name, gb_pounds(ln.amount)), item))
    ops += [Rule(), pair("Sub Total", gb_pounds(s.subtotal), right=10)]
    if s.savings:
        ops.append(pair(s.savings_label, gb_pounds(-s.savings), right=10))
    if s.surcharge:
        ops.append(pair(f"Service charge {GB_PUB_SERVICE}% (optional)", gb_pounds(s.surcharge), right=10))
    ops.append(pair("Total", gb_pounds(s.total), bold=True, tall=True, right=10))
    for t in s.tenders:
        ops.append(pair(t.label, gb_pounds(t.amount), right=10))
    if s.cash:
        ops.append(pair("Change", gb_pounds(s.change), right=10))
    vat = included_tax(s.subtotal - s.savings, Decimal(20))
    ops += [Rule(), pair("VAT 20% included", gb_pounds(vat), right=10)]
    if s.surcharge:
        ops += [Text("Service charge is optional and is"), Text("shared in full among our team.")]
    for t in s.tenders:
        if t.method != "card":
            continue
        contactless = no % 3 != 0
        ops += [
            Rule(),
            Center("CUSTOMER COPY"),
            Center("THE RED LION MARLOW"),
            Text(f"TID: ****{no * 7 % 10000:04d}   MID: ****{no * 11 % 10000:04d}"),
            Text("VISA DEBIT" if contactless else "MASTERCARD"),
            Text(f"************{no * 37 % 10000:04d}   PAN SEQ: 01"),
            Text("Contactless" if contactless else "ICC"),
            Text("SALE"),
            pair("AMOUNT", gb_pounds(t.amount), right=10),
            Text("NO CARDHOLDER VERIFICATION" if contactless else "PIN VERIFIED"),
            Text(f"AUTH CODE: {no * 4211 % 1000000:06d}"),
            Text(s.when),
            Center("PLEASE RETAIN FOR YOUR RECORDS"),
        ]
    ops += [
        Blank(),
        Center("Thank you for visiting The Red Lion"),
        Center("Please drink responsibly"),
        Center("www.redlionmarlow.co.uk"),
    ]
    return ops


TEMPLATES += (
    Template(
        "nl-be-frituur",
        "Latin",
        "EUR",
        nl_be_frituur_sale,
        nl_be_frituur,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "windows1252"),
        ),
        variants=4,
    ),
    Template(
        "pl-apteka",
        "Latin",
        "PLN",
        pl_apteka_sale,
        pl_apteka,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp852"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "windows1250"),  # ESC t 45
        ),
        variants=4,
    ),
    Template(
        "tr-eczane",
        "Latin",
        None,  # a Turkish fiscal receipt prints its amounts with the fiscal star and no TL
        tr_eczane_sale,
        tr_eczane,
        # No receiptline: it has no Turkish code page (CP857), and its others lack ğ, ı and İ.
        (
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp857"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp857"),
        ),
        variants=4,
    ),
    Template(
        "en-gb-pub",
        "Latin",
        "GBP",
        en_gb_pub_sale,
        en_gb_pub,
        (
            Encoder(RL, "starlinesbcs", "star-line-80mm", 48, "cp858"),
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a Saigon
# phở shop's bill (vi-pho: whole đồng grouped with points by one POS program and commas by another, the
# table and the hours in and out, a cook's note under a bowl, Giảm giá, thuế GTGT 8 % and 10 % added, the
# sum in words, Tiền khách đưa/Tiền thối lại, chuyển khoản, MoMo and a bank card), a Taipei 手搖飲 shop's
# 交易明細 in Big5 (zh-hant-tw-drinks: 甜度 and 冰塊 under each cup, 加料 on lines of their own or in the
# cup's price, 自備環保杯 and 第二杯半價 off a line, ROC years, 悠遊卡, LINE Pay and 街口支付), a Russian
# bakery's КАССОВЫЙ ЧЕК under 54-ФЗ (ru-pekarnya: cakes and biscuits weighed by the kilo, the evening's
# СКИДКА, НДС 10 % and 22 %, ПОЛУЧЕНО/СДАЧА, cash and card together, the fiscal block) and a Florentine
# trattoria's DOCUMENTO COMMERCIALE (it-trattoria: the COPERTO per guest, the bistecca by weight, the
# host's SCONTO to a round sum, a coffee on the house, CONTANTE and ELETTRONICO).

VI_PHO = (  # (name, price, VAT %): 8 % on food and soft drinks (the cut runs to the end of 2026)
    ("Phở tái", "65000", "8"),
    ("Phở tái nạm", "70000", "8"),
    ("Phở tái gân", "70000", "8"),
    ("Phở chín", "65000", "8"),
    ("Phở bò viên", "65000", "8"),
    ("Phở đặc biệt", "85000", "8"),
    ("Phở tái (tô lớn)", "80000", "8"),
    ("Phở gà", "60000", "8"),
    ("Phở gà đùi", "75000", "8"),
)
VI_PHO_SIDES = (  # the sides and drinks, the beer at 10 %
    ("Quẩy", "5000", "8"),
    ("Trứng trần", "10000", "8"),
    ("Thêm bánh phở", "10000", "8"),
    ("Trà đá", "5000", "8"),
    ("Nước sâm", "15000", "8"),
    ("Rau má đậu xanh", "25000", "8"),
    ("Cà phê sữa đá", "30000", "8"),
    ("Coca-Cola lon", "20000", "8"),
    ("Bia SG Special", "25000", "10"),
    ("Bia Tiger lon", "28000", "10"),
)
VI_PHO_NOTES = ("Không hành", "Ít bánh", "Nhiều hành", "Tái để riêng", "Không rau thơm")
VI_PHO_CASH = (100000, 150000, 200000, 250000, 300000, 400000, 500000, 600000, 700000, 1000000, 1500000)
VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def vi_pho_vat(s: Sale, rate: str) -> Decimal:
    """The VAT added at `rate` % on the lines of that rate, to the đồng."""
    base = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
    return (base * Decimal(rate) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def vi_words(n: int) -> str:
    """A sum of đồng in words, as the bill's "Bằng chữ" line reads it (up to a billion)."""

    def three(k: int, full: bool) -> list[str]:
        h, t, u = k // 100, k // 10 % 10, k % 10
        out = [VI_DIGITS[h], "trăm"] if full or h else []
        if t == 0 and u and out:
            out.append("linh")
        elif t == 1:
            out.append("mười")
        elif t > 1:
            out += [VI_DIGITS[t], "mươi"]
        if u == 1 and t > 1:
            out.append("mốt")
        elif u == 5 and t > 0:
            out.append("lăm")
        elif u:
            out.append(VI_DIGITS[u])
        return out

    words: list[str] = []
    for unit, scale in (("triệu", 10**6), ("nghìn", 10**3), ("", 1)):
        k = n // scale % 1000
        if k:
            words += three(k, bool(words)) + ([unit] if unit else [])
    text = " ".join(words) + " đồng"
    return text[0].upper() + text[1:]


def vi_pho_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        replace(ln, note=rng.choice(VI_PHO_NOTES)) if rng.random() < 0.3 else ln
        for ln in pick(rng, VI_PHO, (1, 4), places=0, qtys=(1, 1, 1, 2, 2, 3))
    ]
    lines += pick(rng, VI_PHO_SIDES, (1, 3), places=0, qtys=(1, 1, 2, 2, 3, 4))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    # A regular's 10 % off (v2), prices with VAT in them; VAT added to the menu's prices (v1, v3), the way a
    # restaurant that prints a VAT invoice bills, each rate on a line of its own.
    savings = (subtotal / 10).quantize(Decimal(1), rounding=ROUND_HALF_UP) if v == 2 else Decimal(0)
    draft = Sale(tuple(lines), ())
    vat = vi_pho_vat(draft, "8") + vi_pho_vat(draft, "10") if v in (1, 3) else Decimal(0)
    total = subtotal - savings + vat
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", rng.choice(("Chuyển khoản", "Ví MoMo")), total),)
    elif v == 3:
        tenders = (Tender("card", "Thẻ ngân hàng", total),)
    else:
        tenders = (Tender("cash", "Tiền khách đưa", tendered(rng, total, VI_PHO_CASH)),)
    # Two POS programs: one numbers its bills plainly and groups with points, the other (v2, v3) with HD
    # before the number and commas.
    no = f"HD{rng.randint(1, 999999):06d}" if v >= 2 else f"{rng.randint(1, 99999):06d}"
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=no,
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}"),
        savings=savings,
        savings_label="Giảm giá 10%",
        tax_added=vat,
        subtotal_printed=True,  # Tiền hàng
    )


def vi_pho(s: Sale, cols: int) -> list[Op]:
    # A phở shop's bill from its counter POS: the shop, its address, phone and MST; PHIẾU THANH TOÁN (HÓA ĐƠN
    # BÁN HÀNG where VAT is added); Số HĐ and the table, the date, the hours in and out, the cashier and the
    # waiter; Tên món/SL/Đơn giá/Thành tiền with the cook's note under a bowl; the count, Tiền hàng, Giảm giá,
    # each rate's Thuế GTGT, Tổng cộng in đ and in words; Tiền khách đưa and Tiền thối lại, or the transfer's,
    # MoMo's or the card's reference; the e-invoice look-up where VAT is added; the wifi.
    money = WHOLE if s.no.startswith("HD") else VND
    c = (Col(None), Col(3, "right"), Col(8, "right"), Col(10, "right"))
    seq = int(s.no.removeprefix("HD"))
    seated = datetime.fromisoformat(s.iso) - timedelta(minutes=12 + seq % 38)
    ops: list[Op] = [
        Title("PHỞ CÔ BA"),
        Center("Phở bò gia truyền từ 1985"),
        Center("214 Pasteur, P. Võ Thị Sáu, Q.3, TP.HCM"),
        Center("ĐT: 028 3829 7543 - 0903 184 227"),
        Center("MST: 0301258746"),
        Blank(),
        Center("HÓA ĐƠN BÁN HÀNG" if s.tax_added else "PHIẾU THANH TOÁN", bold=True),
        Row((f"Số HĐ: {s.no}", f"Bàn: {seq % 24 + 1:02d}"), (Col(None), Col(8))),
        Text(f"Ngày: {s.when}"),
        Text(f"Giờ vào: {seated:%H:%M}   Giờ ra: {s.iso[11:16]}"),
        Text(f"Thu ngân: Trần Thị Thu   PV: {('Hùng', 'Lan', 'Tuấn')[seq % 3]}"),
        Rule(),
        Row(("Tên món", "SL", "Đơn giá", "Thành tiền"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), money(ln.price), money(ln.amount)), c))
        if ln.note:
            ops.append(Text(f"   * {ln.note}"))
    ops += [
        Rule(),
        pair("Tổng số lượng:", str(pieces(s.lines))),
        pair("Tiền hàng:", money(s.subtotal)),
    ]
    if s.savings:
        ops.append(pair(f"{s.savings_label}:", f"-{money(s.savings)}"))
    for rate in ("8", "10"):
        if s.tax_added and vi_pho_vat(s, rate):
            ops.append(pair(f"Thuế GTGT {rate}%:", money(vi_pho_vat(s, rate))))
    ops += [
        pair("Tổng cộng:", f"{money(s.total)}đ", bold=True, tall=True, right=14),
    ]
    # The sum in words, wrapped at the paper's edge.
    row = "Bằng chữ:"
    for word in vi_words(int(s.total)).split():
        if len(row) + 1 + len(word) > cols:
            ops.append(Text(row))
            row = "   "
        row += " " + word
    ops += [Text(row), Rule()]
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", money(t.amount)))
    if s.cash:
        ops.append(pair("Tiền thối lại:", money(s.change)))
    method = s.tenders[0]
    ops.append(Text(f"Hình thức TT: {'Tiền mặt' if s.cash else method.label}"))
    if method.label == "Chuyển khoản":
        ops += [
            Text("Vietcombank - STK 0071 0048 12345"),
            Text(f"Nội dung CK: PHOCOBA {s.no}"),
            Text(f"Mã GD: FT26{s.iso[5:7]}{s.iso[8:10]}{seq * 7919 % 10**6:06d}"),
        ]
    elif method.label == "Ví MoMo":
        ops.append(Text(f"Mã giao dịch MoMo: {4100000000 + seq * 6151 % 10**8}"))
    elif method.method == "card":
        ops += [
            Text(f"VISA  **** **** **** {seq * 53 % 10000:04d}"),
            Text(f"Mã chuẩn chi: {seq * 37 % 900000 + 100000}"),
        ]
    ops.append(Blank())
    if s.tax_added:
        ops += [
            Center("Tra cứu hóa đơn điện tử tại:"),
            Center("https://hoadon.phocoba.vn"),
            Center(f"Mã tra cứu: {hashlib.sha256(s.no.encode()).hexdigest()[:8].upper()}"),
        ]
    else:
        ops.append(Center("Giá đã bao gồm thuế GTGT"))
    ops += [
        Center("Wifi: PhoCoBa - Pass: 28297543"),
        Center("Cảm ơn quý khách! Hẹn gặp lại!"),
    ]
    return ops


TW_DRINKS = (  # (name, price): a cup of a size, M or L
    ("珍珠奶茶(M)", "55"),
    ("珍珠奶茶(L)", "65"),
    ("四季春青茶(L)", "35"),
    ("茉莉綠茶(L)", "35"),
    ("阿薩姆紅茶(L)", "35"),
    ("烏龍綠茶(M)", "30"),
    ("多多綠茶(L)", "50"),
    ("冬瓜檸檬(L)", "50"),
    ("百香綠茶(L)", "55"),
    ("鮮奶紅茶(L)", "65"),
    ("黑糖珍珠鮮奶(M)", "75"),
    ("芋頭鮮奶(L)", "80"),
    ("檸檬養樂多(L)", "60"),
    ("冬瓜茶(L)", "30"),
)
TW_TOPPINGS = (  # 加料, a cup's worth
    ("珍珠", "10"),
    ("椰果", "10"),
    ("仙草凍", "10"),
    ("布丁", "15"),
    ("芋圓", "15"),
    ("粉粿", "10"),
)
TW_SUGAR = ("正常糖", "少糖", "半糖", "微糖", "一分糖", "無糖")
TW_ICE = ("正常冰", "少冰", "微冰", "去冰", "常溫", "熱")
TW_OWN_CUP = 5  # 自備環保杯: five dollars off each cup
TW_DRINKS_CASH = (100, 200, 500, 1000)


def zh_hant_tw_drinks_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for cup in pick(rng, TW_DRINKS, (1, 2) if v == 1 else (1, 4), places=0, qtys=(1, 1, 1, 2, 2, 3)):
        note = f"{rng.choice(TW_SUGAR)} {rng.choice(TW_ICE)}"
        toppings = rng.sample(TW_TOPPINGS, rng.choice((1, 2) if v == 2 and not lines else (0, 0, 1, 1, 2)))
        if v == 2 and toppings:  # this POS puts the 加料 in the cup's price, naming it with the options
            price = cup.price + sum((Decimal(p) for _, p in toppings), Decimal(0))
            lines.append(replace(cup, price=price, note=" ".join([note] + [f"+{n}" for n, _ in toppings])))
            continue
        if v == 1:
            cup = replace(cup, tag=f"環保杯折{TW_OWN_CUP}元", discount=-TW_OWN_CUP * cup.qty)
        lines.append(replace(cup, note=note))
        lines += [Line(f"加{n}", cup.qty, Decimal(p), 0, tag="加料") for n, p in toppings]
    if v == 3:  # 第二杯半價: every second cup of a drink at half its price, the half dollar dropped
        cups = [k for k, ln in enumerate(lines) if ln.tag != "加料"]
        if not any(lines[k].qty >= 2 for k in cups):
            lines[cups[0]] = replace(lines[cups[0]], qty=Decimal(2))
        for k in cups:
            ln = lines[k]
            if ln.qty >= 2:
                half = (ln.price / 2).quantize(Decimal(1), rounding=ROUND_DOWN)
                lines[k] = replace(ln, tag="第二杯半價", discount=-half * int(ln.qty // 2))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "悠遊卡", total),)
    elif v == 3:
        tenders = (Tender("other", rng.choice(("LINE Pay", "街口支付")), total),)
    else:
        tenders = (Tender("cash", "現金", tendered(rng, total, TW_DRINKS_CASH)),)
    fmt = "115/{m}/{d} {H}:{M}:{S}" if v in (1, 3) else "{y}/{m}/{d} {H}:{M}"
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=dated(rng, fmt),
        subtotal_printed=True,  # 小計, the cups and 加料 before any 折扣
    )


def zh_hant_tw_drinks(s: Sale, cols: int) -> list[Op]:
    # A 手搖飲 shop's 交易明細 from its tablet POS, the cups' stickers printed apart: the shop, its address,
    # phone and 統一編號; the 取餐號碼 called at the counter; 單號, 外帶 or 內用, the date (the ROC year on
    # one of the two tills), the till and the cashier; 品名/數量/金額 with 甜度 and 冰塊 under each cup, a
    # 加料 on a line of its own under it (or named with the options, its price in the cup's), the 環保杯 or
    # 第二杯半價 折扣 under that; the cups counted, 小計, 折扣, 合計 in NT$; 現金 and 找零, the 悠遊卡's
    # balance or the mobile payment's 交易序號.
    c = (Col(None), Col(4, "right"), Col(6, "right"))
    sub = (Col(2), Col(None), Col(4, "right"), Col(6, "right"))
    seq = int(s.no)
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    ops: list[Op] = [
        Title("青田手作茶"),
        Center("台北公館店"),
        Center("台北市中正區羅斯福路四段52號"),
        Center("電話 (02)2365-1188"),
        Center("統一編號 42815036"),
        Blank(),
        Center(f"取餐號碼 {seq % 300 + 1:03d}", bold=True),
        Center("交易明細", bold=True),
        Row((f"單號: {s.no}", "外帶" if seq % 3 else "內用"), (Col(None), Col(4))),
        Text(f"日期: {s.when}"),
        Text(f"機號: POS0{seq % 2 + 1}  收銀: {('小美', '阿哲', '佳穎')[seq % 3]}"),
        Rule(),
        Row(("品名", "數量", "金額"), c),
        Rule(),
    ]
    for ln in s.lines:
        if ln.tag == "加料":
            ops.append(Row(("", ln.name, str(ln.qty), WHOLE(ln.amount)), sub))
            continue
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.amount)), c))
        ops.append(Text(f"  {ln.note}"))
        if ln.discount:
            ops.append(Row(("", ln.tag, "", WHOLE(ln.discount)), sub))
    cups = sum((int(ln.qty) for ln in s.lines if ln.tag != "加料"), 0)
    ops += [Rule(), Text(f"共 {cups} 杯"), pair("小計", WHOLE(s.subtotal))]
    if off:
        ops.append(pair("折扣", WHOLE(off)))
    ops.append(pair("合計", f"NT${WHOLE(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("找零", WHOLE(s.change)))
    elif s.tenders[0].label == "悠遊卡":
        ops += [Text(f"卡號: {seq * 7919 % 10**8:08d}"), pair("餘額", WHOLE(Decimal(80 + seq * 31 % 700)))]
    else:
        ops.append(Text(f"交易序號: {s.iso[:10].replace('-', '')}{seq * 6151 % 10**8:08d}"))
    ops += [
        Rule(),
        Text("電子發票請至櫃台索取或存入載具"),
        Text("飲料請於30分鐘內飲用完畢"),
        Blank(),
        Center("謝謝光臨 歡迎再來"),
    ]
    return ops


RU_PEKARNYA = (  # (name, price, НДС %): bread and buns at 10 %, confectionery and drinks at 22 %
    ("Хлеб Бородинский 400 г", "79.00", "10"),
    ("Батон нарезной 350 г", "62.00", "10"),
    ("Багет французский", "89.00", "10"),
    ("Чиабатта", "95.00", "10"),
    ("Хлеб цельнозерновой 500 г", "139.00", "10"),
    ("Булочка с маком", "49.00", "10"),
    ("Плюшка московская", "45.00", "10"),
    ("Ватрушка с творогом", "69.00", "10"),
    ("Пирожок с капустой", "59.00", "10"),
    ("Пирожок с картофелем", "55.00", "10"),
    ("Круассан сливочный", "119.00", "10"),
    ("Эклер заварной", "129.00", "22"),
    ("Пирожное Картошка", "99.00", "22"),
    ("Кофе американо 0,3 л", "150.00", "22"),
    ("Капучино 0,3 л", "190.00", "22"),
    ("Чай черный 0,4 л", "90.00", "22"),
)
RU_PEKARNYA_WEIGHED = (  # (name, price a kilo, НДС %, weights on the scale)
    ("Печенье овсяное", "640.00", "22", ("0.350", "0.420", "0.275", "0.510")),
    ("Торт Медовик", "1490.00", "22", ("0.480", "0.615", "0.390", "0.725")),
    ("Пряники тульские", "520.00", "22", ("0.300", "0.455", "0.640")),
    ("Сушки с маком", "360.00", "10", ("0.300", "0.250", "0.415")),
)
RU_PEKARNYA_EVENING = 30  # the evening's 30 % off the day's bread and buns
RU_PEKARNYA_CASH = (100, 200, 500, 1000, 2000, 5000)


def ru_pekarnya_vat(lines: Sequence[Line], rate: str) -> Decimal:
    """The НДС in the lines at `rate` %, as the ККТ sums it: each line's, after its discount."""
    return sum((included_tax(ln.net, Decimal(rate)) for ln in lines if ln.tag == rate), Decimal(0))


def ru_pekarnya_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, RU_PEKARNYA, (2, 5), qtys=(1, 1, 1, 2, 2, 3, 4))
    if v != 0 or rng.random() < 0.5:
        name, price, rate, weights = rng.choice(RU_PEKARNYA_WEIGHED)
        weighed = Line(name, Decimal(rng.choice(weights)), Decimal(price), tag=rate)
        lines.insert(rng.randint(0, len(lines)), weighed)
    if v == 1:
        bread = [k for k, ln in enumerate(lines) if ln.tag == "10" and ln.qty == ln.qty.to_integral()]
        for k in rng.sample(bread, min(len(bread), rng.randint(1, 2))):
            off = (lines[k].amount * RU_PEKARNYA_EVENING / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
    elif v == 3:  # what cash the customer had, the rest by card
        cash = Decimal(max(n for n in (100, 200, 500, 1000) if n < total)).quantize(total)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", cash), Tender("card", "БЕЗНАЛИЧНЫМИ", total - cash))
    else:
        tenders = (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, RU_PEKARNYA_CASH)),)
    printed, iso = dated(rng, "{d}.{m}.26 {H}:{M}")
    if v == 1:  # the evening's discount is keyed after eight
        hour = f"{20 + int(iso[15]) % 2}"
        printed, iso = f"{printed[:9]}{hour}{printed[11:]}", f"{iso[:11]}{hour}{iso[13:]}"
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(2, 240)}",
        dated_when=(printed, iso),
    )


def ru_pekarnya(s: Sale, cols: int) -> list[Op]:
    # A bakery's КАССОВЫЙ ЧЕК from an АТОЛ register under 54-ФЗ (ФФД 1.2): the company, the bakery and its
    # address; КАССОВЫЙ ЧЕК / ПРИХОД, ЧЕК № and СМЕНА №, the date as ДД.ММ.ГГ, the cashier; each article
    # numbered, "quantity шт|кг х price" and =amount, the evening's СКИДКА under a loaf, its НДС rate; ИТОГ,
    # НАЛИЧНЫМИ and/or БЕЗНАЛИЧНЫМИ, ПОЛУЧЕНО and СДАЧА; the НДС sums at 10 % and 22 %; the loyalty card's
    # points where the split payment's regular shows it; СНО, the fiscal block and the QR code.
    item = (Col(3), Col(None), Col(11, "right"))
    no = int(s.no)
    shift = 140 + no % 60
    fd, fp = 48211 + no * 5 + shift * 240, 3148807761 - no * 9173
    fn = "7281440701538416"
    ops: list[Op] = [
        Center('ООО "ХЛЕБНАЯ ЛАВКА"', bold=True),
        Center('Пекарня "Колосок"'),
        Center("420111, г. Казань, ул. Баумана, д. 44"),
        Blank(),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Row((f"ЧЕК № {no}", f"СМЕНА № {shift}"), (Col(None), Col(12, "right"))),
        Text(s.when),
        Text("КАССИР Галиева Л.Р."),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        unit = "шт" if ln.qty == ln.qty.to_integral() else "кг"
        ops += [
            Text(f"{i}. {ln.name}"),
            Row(("", f"{qty_str(ln.qty)} {unit} х {POINT(ln.price)}", f"={POINT(ln.amount)}"), item),
        ]
        if ln.discount:
            ops.append(Row(("", f"СКИДКА {RU_PEKARNYA_EVENING}%", POINT(ln.discount)), item))
        ops.append(Text(f"   НДС {ln.tag}%"))
    ops += [Rule(), pair("ИТОГ", f"={POINT(s.total)}", bold=True, tall=True, right=14)]
    for t in s.tenders:
        ops.append(pair(t.label, f"={POINT(t.amount)}", right=14))
    if s.cash:
        paid = sum((t.amount for t in s.tenders), Decimal(0))
        ops += [pair("ПОЛУЧЕНО", f"={POINT(paid)}", right=14), pair("СДАЧА", f"={POINT(s.change)}", right=14)]
    for rate in ("10", "22"):
        if any(ln.tag == rate for ln in s.lines):
            ops.append(pair(f"СУММА НДС {rate}%", f"={POINT(ru_pekarnya_vat(s.lines, rate))}", right=14))
    if len(s.tenders) > 1:
        earned = int(s.total // 50)
        ops += [
            Rule(),
            Text("Карта покупателя: 7700****3318"),
            Text(f"Начислено баллов: {earned}"),
            Text(f"Баланс баллов: {215 + no * 3 + earned}"),
        ]
    ops += [
        Rule(),
        Text("СНО: ОСН"),
        Text("ИНН 1655412378"),
        Text("Место расчетов: пекарня"),
        Text("РН ККТ 0006543210012345"),
        Text("ЗН ККТ 00106712345678"),
        Text(f"ФН {fn}"),
        Row((f"ФД {fd}", f"ФП {fp}"), (Col(None), Col(14, "right"))),
        Text("Сайт ФНС: www.nalog.gov.ru"),
        ru_fns_qr(s, fn, fd, fp),
        Center("СПАСИБО ЗА ПОКУПКУ!"),
    ]
    return ops


IT_TRATTORIA = (  # (name, price): a Florentine trattoria's menu, all at IVA 10 % (somministrazione)
    ("CROSTINI TOSCANI", "8.00"),
    ("TAGLIERE MISTO TOSCANO", "16.00"),
    ("RIBOLLITA", "10.00"),
    ("PAPPA AL POMODORO", "10.00"),
    ("PICI CACIO E PEPE", "13.00"),
    ("PAPPARDELLE AL CINGHIALE", "15.00"),
    ("TAGLIATELLE AL RAGU'", "13.00"),
    ("TRIPPA ALLA FIORENTINA", "14.00"),
    ("PEPOSO ALL'IMPRUNETINA", "18.00"),
    ("POLLO AL MATTONE", "16.00"),
    ("FAGIOLI ALL'UCCELLETTO", "6.00"),
    ("PATATE ARROSTO", "5.00"),
    ("CANTUCCI E VIN SANTO", "8.00"),
    ("TIRAMISU'", "7.00"),
)
IT_TRATTORIA_DRINKS = (
    ("VINO DELLA CASA 1/2 L", "8.00"),
    ("VINO DELLA CASA 1 L", "14.00"),
    ("CHIANTI CLASSICO DOCG", "32.00"),
    ("ACQUA MINERALE 0,75 L", "3.00"),
    ("BIRRA MORETTI 33CL", "4.50"),
    ("AMARO", "5.00"),
)
IT_COPERTO = Decimal("3.00")  # the cover charge, a guest
IT_CAFFE = ("CAFFE'", Decimal("2.00"))
IT_FIORENTINA = ("BISTECCA ALLA FIORENTINA", Decimal("55.00"))  # a kilo, weighed raw at the table's order


def it_trattoria_sale(rng: random.Random, v: int) -> Sale:
    guests = rng.randint(2, 5)
    lines = [Line("COPERTO", Decimal(guests), IT_COPERTO)]
    lines += pick(rng, IT_TRATTORIA, (2, 5), qtys=(1, 1, 2, 2, 3))
    if v == 2:
        name, price = IT_FIORENTINA
        lines.append(Line(name, Decimal(rng.choice(("1.150", "1.320", "1.480", "1.050"))), price))
    lines += pick(rng, IT_TRATTORIA_DRINKS, (1, 2), qtys=(1, 1, 2))
    if v == 3 or rng.random() < 0.5:
        name, price = IT_CAFFE
        lines.append(Line(name, Decimal(rng.randint(1, guests)), price))
    if v == 3:  # the coffees on the house: the whole line off
        lines[-1] = replace(lines[-1], discount=-lines[-1].amount)
    net = sum((ln.net for ln in lines), Decimal(0))
    # The host's SCONTO down to a round five euros (v1), printed under a SUBTOTALE.
    savings = (net % 5 or Decimal(5)) if v == 1 else Decimal(0)
    total = net - savings
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "PAGAMENTO ELETTRONICO", total),)
    elif v == 2:  # one guest's share in cash, the rest by card
        cash = Decimal(max(n for n in (20, 50, 100) if n < total)).quantize(total)
        tenders = (
            Tender("cash", "PAGAMENTO CONTANTE", cash),
            Tender("card", "PAGAMENTO ELETTRONICO", total - cash),
        )
    else:
        tenders = (Tender("cash", "PAGAMENTO CONTANTE", tendered(rng, total, EUR_CASH)),)
    printed, iso = dated(rng, "{d}-{m}-{y} {H}:{M}")
    hour = f"{(12, 13, 14, 20, 21, 22)[int(iso[11:13]) % 6]}"  # the bill comes at lunch or at dinner
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(60, 340):04d}-{rng.randint(1, 90):04d}",
        dated_when=(f"{printed[:11]}{hour}{printed[13:]}", f"{iso[:11]}{hour}{iso[13:]}"),
        savings=savings,
        savings_label="SCONTO",
        subtotal_printed=bool(savings),
    )


def it_trattoria(s: Sale, cols: int) -> list[Op]:
    # A trattoria's DOCUMENTO COMMERCIALE from its registratore telematico: the trattoria, its company,
    # address, P.IVA and phone; the table, its covers and the waiter; DESCRIZIONE, IVA and Prezzo(€), the
    # COPERTO as an article, "2 x 13,00" under an article ordered more than once, the bistecca's weight and
    # price a kilo, a SCONTO under the coffees on the house; SUBTOTALE and the host's SCONTO; TOTALE
    # COMPLESSIVO and di cui IVA; PAGAMENTO CONTANTE and/or ELETTRONICO, RESTO, IMPORTO PAGATO; the date and
    # DOCUMENTO N. at the foot, the till and operator, the RT's serial.
    c = (Col(None), Col(6, "right"), Col(9, "right"))
    z, doc = (int(x) for x in s.no.split("-"))
    covers = int(s.lines[0].qty)
    ops: list[Op] = [
        Title("TRATTORIA IL GIGLIO"),
        Center("di Bartolini Marco & C. s.a.s."),
        Center("Via dei Macci 54/r"),
        Center("50122 FIRENZE (FI)"),
        Center("P.IVA 06182740483"),
        Center("Tel. 055 2344187"),
        Blank(),
        Text(f"TAVOLO {doc % 18 + 1}   COPERTI {covers}   CAMERIERE {('LUCA', 'GIULIA', 'PAOLO')[z % 3]}"),
        Blank(),
        Center("DOCUMENTO COMMERCIALE", bold=True),
        Center("di vendita o prestazione"),
        Blank(),
        Row(("DESCRIZIONE", "IVA", "Prezzo(€)"), c),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, "10,00%", COMMA(ln.amount)), c))
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"  {qty_str(ln.qty, ',')} kg x {COMMA(ln.price)} €/kg"))
        elif ln.qty != 1:
            ops.append(Text(f"  {ln.qty} x {COMMA(ln.price)}"))
        if ln.discount:
            ops.append(Row(("SCONTO OMAGGIO", "10,00%", COMMA(ln.discount)), c))
    ops.append(Rule())
    if s.savings:
        ops += [pair("SUBTOTALE", COMMA(s.subtotal)), pair(s.savings_label, COMMA(-s.savings))]
    ops += [
        pair("TOTALE COMPLESSIVO", COMMA(s.total), bold=True, tall=True),
        pair("di cui IVA", COMMA(included_tax(s.total, Decimal(10)))),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("RESTO", COMMA(s.change)))
    ops += [
        pair("IMPORTO PAGATO", COMMA(s.total)),
        Blank(),
        Row((s.when, f"DOCUMENTO N. {s.no}"), (Col(None), Col(22, "right"))),
        Text(f"CASSA 01  OPERATORE {z % 3 + 1:02d}"),
        Text("RT 99MEX021478"),
        Blank(),
        Center("Grazie e arrivederci!"),
        Center("www.trattoriailgiglio.it"),
    ]
    return ops


TEMPLATES += (
    Template(
        "vi-pho",
        "Latin",
        "VND",  # Tổng cộng ...đ
        vi_pho_sale,
        vi_pho,
        # receipt-printer-encoder's "auto", as the other Vietnamese templates (receiptline has no Vietnamese
        # code page, python-escpos no capitals with tone marks): TCVN-3 on an Epson and a Citizen, and the
        # Bixolon's own pages.
        (
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "auto"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 42, "auto"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 48, "auto"),
        ),
        variants=4,
    ),
    Template(
        "zh-hant-tw-drinks",
        "traditional Chinese",
        "TWD",  # 合計 NT$
        zh_hant_tw_drinks_sale,
        zh_hant_tw_drinks,
        # receiptline in Big5 and CP950, as the other Taiwanese templates (python-escpos sends hanzi as
        # GB18030).
        (
            Encoder(RL, "epson", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "fit", "taiwan-80mm", 48, "cp950"),
            Encoder(RL, "generic", "taiwan-80mm", 42, "big5"),
        ),
        variants=4,
    ),
    Template(
        "ru-pekarnya",
        "Cyrillic",
        None,  # a Russian fiscal receipt prints no currency sign or word
        ru_pekarnya_sale,
        ru_pekarnya,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 48, "windows1251"),
        ),
        variants=4,
    ),
    Template(
        "it-trattoria",
        "Latin",
        "EUR",  # Prezzo(€)
        it_trattoria_sale,
        it_trattoria,
        (
            Encoder(RL, "citizen", "citizen-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a Madrid
# pharmacy's FACTURA SIMPLIFICADA (es-es-farmacia: each article's C.N. over its Uds., PVP, IVA and Importe,
# a prescription's aportación with what the SNS pays off the line, a loyalty card's 10 % off the
# parapharmacy, IVA 4 %, 10 % and 21 % included, EFECTIVO with ENTREGADO and CAMBIO or TARJETA and its
# datáfono lines), a Lyon bar-tabac-presse's ticket (fr-fr-tabac: newspapers at 2,1 %, the counter's drinks
# at 10 % and 20 %, water at 5,5 %, tobacco and vape at 20 %, FDJ games and stamps outside TVA, a loyalty
# card's free coffee, TOTAL TTC, Nombre d'articles, ESPECES and RENDU, CB and CB SANS CONTACT with the card
# slip, the TVA table by code), a Cologne bakery chain's Kassenbon (de-de-baeckerei: "2 x" before the
# article and its unit price under it, food at B 7 % in or out of the shop since 2026, coffee at A 19 % and
# milk drinks at 7 % only when taken away, bottles with their Einwegpfand, the Treuekarte's tenth coffee
# free and its stamps, Summe EUR, Gegeben Bar and Rückgeld or EC-Karte, the MwSt table, the TSE block) and a
# Belo Horizonte drugstore's DANFE NFC-e in CP860 (pt-br-farmacia: EAN codes, "Qtde UN Vl Unit Vl Total",
# the loyalty club's Desconto under an item, Valor total R$, Descontos R$, Valor a Pagar R$, Dinheiro and
# Troco, credit and debit cards and PIX, the tributes of Lei 12.741/2012, the access key and protocol).


def dated_between_hours(rng: random.Random, fmt: str, opens: int, closes: int) -> tuple[str, str]:
    """dated(), drawn again until its hour is one at which the shop is open (from `opens` to `closes`)."""
    while True:
        when = dated(rng, fmt)
        if opens <= int(when[1][11:13]) < closes:
            return when


ES_FARMACIA_IVA = {"4": Decimal(4), "10": Decimal(10), "21": Decimal(21)}
ES_FARMACIA_LIBRE = (  # (name, PVP, IVA %, código nacional): medicines 4 %, medical devices 10 %, else 21 %
    ("FRENADOL COMPLEX 10 SOBRES", "9.25", "4", "660377"),
    ("IBUPROFENO CINFA 400MG 30 COMP", "2.95", "4", "653448"),
    ("GELOCATIL 650MG 20 COMP", "3.35", "4", "712786"),
    ("STREPSILS FRESA 24 PASTILLAS", "7.45", "4", "687665"),
    ("ALMAX 1G 54 COMP MASTICABLES", "8.40", "4", "654518"),
    ("BISOLVON ANTITUSIVO 200ML", "8.95", "4", "768416"),
    ("TIRITAS HANSAPLAST 20 UDS", "3.95", "10", "155267"),
    ("SUERO FISIOLÓGICO 30 MONODOSIS", "4.50", "10", "180059"),
    ("TERMÓMETRO DIGITAL FLEXIBLE", "8.90", "10", "166212"),
    ("TEST EMBARAZO CLEARBLUE", "11.95", "10", "172965"),
    ("ISDIN FOTOPROTECTOR SPF50 50ML", "24.95", "21", "190884"),
    ("CERAVE CREMA HIDRATANTE 340G", "17.45", "21", "196523"),
    ("LACER PASTA DENTAL 125ML", "5.80", "21", "329409"),
    ("AVÈNE AGUA TERMAL 300ML", "13.90", "21", "153122"),
    ("EUCERIN UREA REPAIR 250ML", "15.60", "21", "170845"),
)
ES_FARMACIA_RECETA = (  # (name, PVP, código nacional): prescribed and financed by the SNS, IVA 4 %
    ("OMEPRAZOL CINFA 20MG 28 CAPS EFG", "2.46", "669416"),
    ("ENALAPRIL NORMON 20MG 28 COMP EFG", "2.50", "670604"),
    ("ATORVASTATINA KERN 20MG 28 EFG", "3.98", "656540"),
    ("AMOXICILINA NORMON 500MG 24 CAPS", "2.05", "659938"),
    ("METFORMINA SANDOZ 850MG 50 COMP", "1.96", "687616"),
    ("SINTROM 4MG 20 COMP", "3.84", "712356"),
)
ES_FARMACIA_TSI = {1: ("TSI 003", 40), 2: ("TSI 002", 10)}  # the patient's aportación: a worker, a pensioner
ES_FARMACIA_DTO = 10  # the Tarjeta Cliente: 10 % off the parapharmacy (IVA 21 %)


def es_farmacia_dto(amount: Decimal) -> Decimal:
    return (amount * ES_FARMACIA_DTO / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def es_es_farmacia_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    if v in ES_FARMACIA_TSI:  # a prescription's drugs first, the SNS paying all but the aportación
        tsi, share = ES_FARMACIA_TSI[v]
        for name, price, cn in rng.sample(ES_FARMACIA_RECETA, rng.randint(1, 3)):
            ln = Line(name, Decimal(rng.choice((1, 1, 2))), Decimal(price), code=cn, tag="4")
            aport = (ln.amount * share / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            lines.append(replace(ln, note=f"Receta {tsi}  Aport. {share}%", discount=aport - ln.amount))
    libre = list(ES_FARMACIA_LIBRE)
    for name, price, tag, cn in rng.sample(libre, rng.randint(1 if v in ES_FARMACIA_TSI else 2, 4)):
        lines.append(Line(name, Decimal(rng.choice((1, 1, 1, 2))), Decimal(price), code=cn, tag=tag))
    if v == 3:  # the Tarjeta Cliente: its discount on each article of the parapharmacy
        if not any(ln.tag == "21" for ln in lines):
            name, price, tag, cn = rng.choice([item for item in libre if item[2] == "21"])
            lines.append(Line(name, Decimal(1), Decimal(price), code=cn, tag=tag))
        lines = [replace(ln, discount=-es_farmacia_dto(ln.amount)) if ln.tag == "21" else ln for ln in lines]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v in (0, 2):
        tenders: tuple[Tender, ...] = (Tender("cash", "EFECTIVO", tendered(rng, total, EUR_CASH)),)
    else:
        tenders = (Tender("card", "TARJETA", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"FS26/{rng.randint(1, 99999):06d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 9, 22),
    )


def es_es_farmacia(s: Sale, cols: int) -> list[Op]:
    # A Madrid pharmacy's FACTURA SIMPLIFICADA from its management program: the pharmacy with its titular and
    # her NIF, the number, date, till and who served; each article's C.N. and name, then its Uds., PVP, IVA
    # and Importe, a prescribed drug's TSI and aportación with what the SNS pays off the line, the Tarjeta
    # Cliente's discount on the parapharmacy; TOTAL in euros and the articles counted; EFECTIVO with ENTREGADO
    # and CAMBIO, or TARJETA with the datáfono's lines; the IVA included at 4 %, 10 % and 21 %.
    head = (Col(7), Col(None))
    item = (Col(7), Col(None, "right"), Col(8, "right"), Col(5, "right"), Col(9, "right"))
    under = (Col(7), Col(None), Col(9, "right"))
    no = int(s.no.partition("/")[2])
    ops: list[Op] = [
        Title("FARMACIA ALCALÁ"),
        Center("Lda. Carmen Moreno Ruiz"),
        Center("C/ de Alcalá, 214"),
        Center("28028 Madrid"),
        Center("Tel. 913 56 21 48"),
        Center("NIF: 51872436F"),
        Blank(),
        Center("FACTURA SIMPLIFICADA", bold=True),
        Text(f"Nº Factura: {s.no}"),
        Text(f"Fecha: {s.when}"),
        Text(f"Caja: 1   Vendedor: {('MARTA', 'JAVIER', 'LUCÍA', 'PILAR')[no % 4]}"),
        Rule(),
        Row(("C.N.", "Descripción"), head),
        Row(("", "Uds.", "PVP", "IVA", "Importe"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops += [
            Row((ln.code, ln.name), head),
            Row(("", str(ln.qty), COMMA(ln.price), f"{ln.tag}%", COMMA(ln.amount)), item),
        ]
        if ln.note:
            ops += [Row(("", ln.note), head), Row(("", "A cargo SNS", COMMA(ln.discount)), under)]
        elif ln.discount:
            ops.append(Row(("", f"Dto. Tarjeta Cliente {ES_FARMACIA_DTO}%", COMMA(ln.discount)), under))
    ops += [
        Rule(),
        pair("TOTAL", f"{COMMA(s.total)} €", bold=True, tall=True),
        Text(f"Nº de artículos: {pieces(s.lines)}"),
        Blank(),
    ]
    for t in s.tenders:
        ops.append(Text(f"Forma de pago: {t.label}"))
        if t.method == "cash":
            ops += [pair("ENTREGADO", f"{COMMA(t.amount)} €"), pair("CAMBIO", f"{COMMA(s.change)} €")]
        else:
            ops += [
                pair(t.label, f"{COMMA(t.amount)} €"),
                Text(f"  VISA DEBIT  ************{no * 37 % 10000:04d}"),
                Text(f"  AUT: {no * 4211 % 1000000:06d}  CONTACTLESS"),
                Text("  OPERACIÓN AUTORIZADA"),
            ]
    iva = (Col(None), Col(9, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Center("IVA INCLUIDO"), Row(("Tipo", "Base", "Cuota", "Total"), iva)]
    for rate, pct in ES_FARMACIA_IVA.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            cuota = included_tax(gross, pct)
            ops.append(Row((f"IVA {rate}%", COMMA(gross - cuota), COMMA(cuota), COMMA(gross)), iva))
    ops.append(Rule())
    if any(ln.discount and not ln.note for ln in s.lines):
        ops += [
            Text(f"Tarjeta Cliente: ************{no * 53 % 10000:04d}"),
            Text(f"Puntos acumulados: {no * 389 % 900 + 40}"),
            Rule(),
        ]
    ops += [
        Center("Gracias por su confianza"),
        Center("Los medicamentos no admiten devolución"),
        Center("Conserve este ticket"),
    ]
    return ops


FR_TABAC_TVA = {"1": Decimal("2.1"), "2": Decimal("5.5"), "3": Decimal(10), "4": Decimal(20)}  # and 0: none
FR_TABAC_PRESSE = (  # the press: code 1, 2,1 %
    ("LE PROGRES", "1.70"),
    ("L'EQUIPE", "2.10"),
    ("LE FIGARO", "3.20"),
    ("LE MONDE", "3.50"),
    ("LIBERATION", "2.80"),
    ("TELE 7 JOURS", "1.90"),
    ("PARIS MATCH", "3.50"),
    ("LE CANARD ENCHAINE", "1.50"),
)
FR_TABAC_COMPTOIR = (  # drunk at the counter: code 3, 10 %, alcohol code 4, 20 %
    ("CAFE", "1.40", "3"),
    ("CAFE CREME", "2.60", "3"),
    ("DECA", "1.50", "3"),
    ("CHOCOLAT CHAUD", "2.80", "3"),
    ("JUS D'ORANGE", "3.20", "3"),
    ("PERRIER 33CL", "3.00", "3"),
    ("CROISSANT", "1.30", "3"),
    ("DEMI PRESSION", "3.20", "4"),
    ("VERRE DE BLANC", "3.50", "4"),
)
FR_TABAC_BOUTIQUE = (  # taken away: water code 2, 5,5 %; sweets, tobacco, lighters and vape code 4, 20 %
    ("EVIAN 50CL", "1.50", "2"),
    ("HOLLYWOOD CHEWING-GUM", "1.95", "4"),
    ("KINDER BUENO", "1.60", "4"),
    ("BRIQUET BIC", "2.20", "4"),
    ("E-LIQUIDE 10ML 6MG", "5.90", "4"),
    ("MARLBORO RED 20", "13.00", "4"),
    ("CAMEL FILTERS 20", "12.50", "4"),
)
FR_TABAC_HORS_TVA = (  # the FDJ's games and La Poste's stamps: code 0, outside TVA
    ("EUROMILLIONS", "2.50", "0"),
    ("LOTO", "2.20", "0"),
    ("GRATTAGE CASH", "5.00", "0"),
    ("GRATTAGE MILLIONNAIRE", "10.00", "0"),
    ("TIMBRE LETTRE VERTE", "1.52", "0"),
)


def fr_fr_tabac_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    if v in (0, 2):  # the morning's coffee at the counter and the paper
        lines += pick(rng, FR_TABAC_COMPTOIR, (1, 3), qtys=(1, 1, 1, 2, 3))
        lines += pick(rng, [(n, p, "1") for n, p in FR_TABAC_PRESSE], (1, 2), qtys=(1,))
    if v != 0:
        lines += pick(rng, FR_TABAC_BOUTIQUE, (1, 3), qtys=(1, 1, 1, 2))
    if v in (1, 3):
        lines += pick(rng, FR_TABAC_HORS_TVA, (1, 2), qtys=(1, 1, 2))
    if v == 3:
        lines.insert(0, pick(rng, [(n, p, "1") for n, p in FR_TABAC_PRESSE], (1, 1), qtys=(1,))[0])
    if v == 2:  # the loyalty card's tenth coffee, free
        k = next((i for i, ln in enumerate(lines) if ln.name == "CAFE"), None)
        if k is None:
            lines.insert(0, Line("CAFE", Decimal(1), Decimal("1.40"), tag="3"))
            k = 0
        lines[k] = replace(lines[k], discount=-lines[k].price)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "ESPECES", tendered(rng, total, EUR_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "CB", total),)
    elif v == 2:
        tenders = (Tender("card", "CB SANS CONTACT", total),)
    else:  # the games in cash, as the FDJ asks, the rest by card
        games = sum((ln.amount for ln in lines if ln.tag == "0"), Decimal(0))
        cash = tendered(rng, games, EUR_CASH)
        tenders = (Tender("cash", "ESPECES", cash),)
        if cash < total:
            tenders += (Tender("card", "CB SANS CONTACT", total - cash),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 99999):06d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 7, 20),
    )


def fr_fr_tabac(s: Sale, cols: int) -> list[Op]:
    # A bar-tabac-presse's ticket from its till: the bar, what it sells, its address and phone; the ticket
    # number with the date and time, the till and who served; Qté, Désignation, P.U., Montant and the TVA
    # code of each article, the loyalty card's free coffee under it; TOTAL TTC and Nombre d'articles; ESPECES
    # and RENDU, CB or CB SANS CONTACT; the TVA table by code with HT, TVA and TTC (the FDJ's games and the
    # stamps outside it); SIRET, TVA number and NAF code; the card terminal's ticket client.
    item = (Col(3, "right"), Col(None), Col(6, "right"), Col(7, "right"), Col(1))
    under = (Col(3), Col(None), Col(7, "right"), Col(1))
    two = (Col(None), Col(20, "right"))
    no = int(s.no)
    ops: list[Op] = [
        Title("LE BALTO"),
        Center("BAR - TABAC - PRESSE - FDJ"),
        Center("12 avenue Jean Jaurès"),
        Center("69007 LYON"),
        Center("Tél. 04 78 72 15 40"),
        Rule(),
        Row((f"Ticket n° {s.no}", s.when), two),
        Row(("Caisse 2", f"Vendeur : {('NATHALIE', 'KARIM', 'SYLVIE')[no % 3]}"), two),
        Rule(),
        Row(("Qté", "Désignation", "P.U.", "Montant", "T"), item),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.price), COMMA(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(Row(("", "  Fidélité: café offert", COMMA(ln.discount), ln.tag), under))
    ops += [
        Rule(),
        pair("TOTAL TTC", f"{COMMA(s.total)} €", bold=True, tall=True),
        Text(f"Nombre d'articles : {pieces(s.lines)}"),
        Blank(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"{COMMA(t.amount)} €"))
    if s.cash:
        ops.append(pair("RENDU", f"{COMMA(s.change)} €"))
    tva = (Col(1), Col(None), Col(8, "right"), Col(7, "right"), Col(8, "right"))
    ops += [Rule(), Row(("T", "Taux", "HT", "TVA", "TTC"), tva)]
    for code, rate in FR_TABAC_TVA.items():
        ttc = sum((ln.net for ln in s.lines if ln.tag == code), Decimal(0))
        if ttc:
            tax = included_tax(ttc, rate)
            taux = f"{COMMA(rate)} %"
            ops.append(Row((code, taux, COMMA(ttc - tax), COMMA(tax), COMMA(ttc)), tva))
    hors = sum((ln.net for ln in s.lines if ln.tag == "0"), Decimal(0))
    if hors:
        ops.append(Row(("0", "Hors TVA", COMMA(hors), "0,00", COMMA(hors)), tva))
    ops += [
        Rule(),
        Center("SARL LE BALTO - SIRET 512 345 678 00019"),
        Center("TVA FR72512345678 - NAF 4726Z"),
    ]
    day, month, year = s.iso[8:10], s.iso[5:7], s.iso[2:4]
    for t in s.tenders:
        if t.method != "card":
            continue
        contactless = "SANS CONTACT" in t.label
        ops += [
            Rule(),
            Center("CARTE BANCAIRE"),
            Center("SANS CONTACT" if contactless else "CODE CONFIDENTIEL VERIFIE"),
            Text("A0000000421010"),
            Text("CB"),
            Text(f"LE {day}/{month}/{year} A {s.when[-5:]}"),
            Text("BAR TABAC LE BALTO"),
            Text("69007 LYON"),
            Text(f"{no * 7 % 10**7:07d}"),
            Text(f"{no * 13 % 10**8:08d} {no % 1000:03d} {no * 17 % 10**6:06d}"),
            Text(f"############{no * 37 % 10000:04d}"),
            Text(hashlib.sha1(s.no.encode()).hexdigest()[:16].upper()),
            pair("MONTANT =", f"{COMMA(t.amount)} EUR", right=14),
            Center("DEBIT"),
            Center("TICKET CLIENT"),
            Center("A CONSERVER"),
        ]
    ops += [
        Blank(),
        Center("Merci de votre visite - A bientôt"),
        Center("Vente de tabac et jeux interdite"),
        Center("aux mineurs"),
    ]
    return ops


DE_BAECKEREI_MWST = {"A": Decimal(19), "B": Decimal(7)}
DE_BAECKEREI_BACKWAREN = (  # food: B 7 %, taken away or eaten in (since 2026)
    ("Weizenbrötchen", "0.45"),
    ("Kürbiskernbrötchen", "0.95"),
    ("Laugenbrezel", "1.10"),
    ("Käselaugenstange", "1.80"),
    ("Croissant", "1.45"),
    ("Rosinenschnecke", "2.10"),
    ("Käsebrötchen belegt", "3.40"),
    ("Schinken-Käse-Croissant", "3.90"),
    ("Mehrkornbrot 750g", "4.60"),
    ("Roggenmischbrot 1000g", "4.90"),
    ("Bienenstich", "2.80"),
    ("Apfelstreusel", "2.60"),
    ("Käsekuchen", "3.10"),
)
DE_BAECKEREI_KAFFEE = (  # (name, price, "milch": 75 % milk or more, B 7 % when taken away; else A 19 %)
    ("Kaffee", "2.30", ""),
    ("Kaffee groß", "2.90", ""),
    ("Cappuccino", "3.20", ""),
    ("Espresso", "1.90", ""),
    ("Latte Macchiato", "3.60", "milch"),
    ("Milchkaffee", "3.40", "milch"),
    ("Tee", "2.40", ""),
)
DE_BAECKEREI_FLASCHEN = (  # bottles from the fridge, A 19 %, each with its Einwegpfand
    ("Apfelschorle 0,5l", "2.50"),
    ("Mineralwasser 0,5l", "1.90"),
    ("Coca-Cola 0,5l", "2.70"),
)
DE_BAECKEREI_TASSE = frozenset(name for name, _, _ in DE_BAECKEREI_KAFFEE)  # eaten in: a cup
DE_BAECKEREI_TO_GO = frozenset(f"{name} to go" for name in DE_BAECKEREI_TASSE)
DE_BAECKEREI_PFAND = Decimal("0.25")
DE_BAECKEREI_STEMPEL = 10  # the Treuekarte: a stamp a coffee, the tenth free


def de_de_baeckerei_sale(rng: random.Random, v: int) -> Sale:
    here = v == 2  # im Haus: a cup, not a to-go cup, and the milk drinks at 19 % as well
    lines = [
        replace(ln, tag="B") for ln in pick(rng, DE_BAECKEREI_BACKWAREN, (1, 4), qtys=(1, 1, 2, 3, 4, 6))
    ]
    for ln in pick(rng, DE_BAECKEREI_KAFFEE, (0 if v == 3 else 1, 2), qtys=(1, 1, 2)):
        name = ln.name if here else f"{ln.name} to go"
        lines.append(replace(ln, name=name, tag="B" if ln.tag and not here else "A"))
    if v in (1, 3):  # a bottle from the fridge and its deposit
        for ln in pick(rng, DE_BAECKEREI_FLASCHEN, (1, 1), qtys=(1, 1, 2)):
            lines += [replace(ln, tag="A"), Line("Pfand Einweg", ln.qty, DE_BAECKEREI_PFAND, tag="A")]
    if v == 2:  # the Treuekarte's tenth coffee, free
        k = next(i for i, ln in enumerate(lines) if ln.name in DE_BAECKEREI_TASSE)
        lines[k] = replace(lines[k], discount=-lines[k].price)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v in (0, 2):
        tenders: tuple[Tender, ...] = (Tender("cash", "Bar", tendered(rng, total, EUR_CASH)),)
    else:
        tenders = (Tender("card", "EC-Karte", total),)
    # The sale's moment is the TSE's end, to the second; the Bon's own line prints it to the minute.
    printed, iso = dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", 7, 19)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 99999)),
        dated_when=(printed, f"{iso[:17]}{rng.randint(3, 59):02d}"),
    )


def de_de_baeckerei(s: Sale, cols: int) -> list[Op]:
    # A bakery chain's Kassenbon from a cloud till: the bakery, its company, branch, address, Steuernummer and
    # USt-IdNr.; the Bon-Nr. with the date and time, the till and who served, im Haus or außer Haus; each
    # article as "2 x" with its amount and MwSt class, "à 0,45" under it, the Treuekarte's free coffee; Summe
    # EUR; Gegeben Bar and Rückgeld, or EC-Karte with the girocard lines; the MwSt table (A 19 %, B 7 %); the
    # Treuekarte's stamps; the TSE block as the KassenSichV asks.
    item = (Col(4, "right"), Col(None), Col(8, "right"), Col(1))
    two = (Col(None), Col(18, "right"))
    no = int(s.no)
    here = any(ln.name in DE_BAECKEREI_TASSE for ln in s.lines)
    clerk = ("Sabine", "Ayse", "Jonas", "Marta")[no % 4]
    ops: list[Op] = [
        Title("Bäckerei Kornblume"),
        Center("Kornblume Backstuben GmbH"),
        Center("Filiale Ehrenfeld"),
        Center("Venloer Str. 312, 50823 Köln"),
        Center("Tel. 0221 5402219"),
        Center("St.-Nr. 217/5734/1029"),
        Center("USt-IdNr. DE291734508"),
        Rule(),
        Row((f"Bon-Nr. {s.no}", s.when), two),
        Row((f"Kasse 2  Bed.: {clerk}", "Im Haus" if here else "Außer Haus"), two),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((f"{ln.qty} x", ln.name, COMMA(ln.amount), ln.tag), item))
        if ln.qty != 1:
            ops.append(Text(f"       à {COMMA(ln.price)}"))
        if ln.discount:
            ops.append(Row(("", "Treuekarte: Kaffee gratis", COMMA(ln.discount), ln.tag), item))
    ops += [Rule(), Row(("", "Summe EUR", COMMA(s.total), ""), item, bold=True, tall=True), Rule()]
    for t in s.tenders:
        ops.append(Row(("", f"Gegeben {t.label}", COMMA(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("", "Rückgeld", COMMA(s.change), ""), item))
    else:
        ops += [
            Text("girocard kontaktlos"),
            Text(f"Karte: ############{no * 37 % 10000:04d}"),
            Text(f"Terminal-ID: 6{no * 7 % 10**7:07d}   TA-Nr.: {no * 11 % 10**6:06d}"),
            Text("Zahlung erfolgt"),
        ]
    table = (Col(None), Col(8, "right"), Col(8, "right"), Col(8, "right"))
    ops += [Rule(), Row(("MwSt", "Netto", "MwSt", "Brutto"), table)]
    for tag, rate in DE_BAECKEREI_MWST.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((f"{tag} {rate}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    cups = sum(int(ln.qty) for ln in s.lines if ln.name in DE_BAECKEREI_TASSE | DE_BAECKEREI_TO_GO)
    if cups:  # a stamp a coffee; the free one starts a new card
        free = any(ln.discount for ln in s.lines)
        stamps = cups - 1 if free else no % (DE_BAECKEREI_STEMPEL - cups) + cups
        ops += [
            Rule(),
            Text(f"Treuekarte {no * 53 % 10**6:06d}"),
            Text(f"Stempel: {stamps} von {DE_BAECKEREI_STEMPEL}"),
        ]
    end = datetime.fromisoformat(s.iso)
    start = end - timedelta(seconds=25 + no % 50)
    serial = hashlib.sha256(b"kornblume-ehrenfeld-kasse-2").hexdigest()  # the till's TSE
    signature = base64.b64encode(hashlib.sha512(f"{s.no}/{s.iso}".encode()).digest()).decode()
    ops += [
        Rule(),
        Text("Kassen-Seriennr.: KBL-EHR-K02"),
        Text(f"TSE-Transaktionsnummer: {no * 3 + 210000}"),
        Text(f"TSE-Start: {start:%Y-%m-%dT%H:%M:%S}"),
        Text(f"TSE-Ende: {end:%Y-%m-%dT%H:%M:%S}"),
        Text("TSE-Seriennummer:"),
        Text(serial[:32]),
        Text(serial[32:]),
        Text(f"TSE-Signaturzähler: {no * 7 + 480000}"),
        Text("TSE-Zeitformat: unixTime"),
        Text("TSE-Hashalgorithmus: ecdsa-plain-SHA256"),
        Text("TSE-Signatur:"),
        *(Text(signature[i : i + 32]) for i in range(0, len(signature), 32)),
        Blank(),
        Center("Vielen Dank und einen schönen Tag!"),
        Center("Ihre Bäckerei Kornblume"),
    ]
    return ops


BR_FARMACIA_ITENS = (
    ("DIPIRONA MONOIDRATADA 500MG 10CPR", "4.99"),
    ("DORFLEX 36 COMPRIMIDOS", "19.99"),
    ("NEOSALDINA 30 DRÁGEAS", "24.90"),
    ("TORSILAX 30 COMPRIMIDOS", "15.49"),
    ("LOSARTANA POTÁSSICA 50MG 30CPR", "12.90"),
    ("OMEPRAZOL 20MG 28 CÁPSULAS", "17.90"),
    ("BUSCOPAN COMPOSTO 20CPR", "23.49"),
    ("ENGOV 6 COMPRIMIDOS", "8.99"),
    ("SORINE ADULTO 30ML", "12.99"),
    ("PROTETOR SOLAR NIVEA FPS50 200ML", "64.90"),
    ("FRALDA PAMPERS CONFORTSEC G 34UN", "69.90"),
    ("CREME DENTAL COLGATE TOTAL 12 90G", "9.99"),
    ("SABONETE DOVE ORIGINAL 90G", "4.29"),
    ("ALGODÃO APOLO 50G", "5.49"),
    ("ESCOVA DENTAL ORAL-B INDICATOR", "8.90"),
)
BR_FARMACIA_CNPJ = "17345692000706"
BR_FARMACIA_CASH = (2, 5, 10, 20, 50, 100, 150, 200, 300)
BR_REAIS = NumberStyle(",", ".")


def br_farmacia_ean(name: str) -> str:
    """An article's EAN-13: Brazil's prefix 789, the maker's and the article's numbers."""
    return ean13(f"789{int(hashlib.sha1(name.encode()).hexdigest(), 16) % 10**9:09d}")


def br_cpf(body: int) -> str:
    """A CPF with its two check digits, as 123.456.789-09."""
    digits = [int(d) for d in f"{body:09d}"]
    for _ in range(2):
        r = sum(d * w for d, w in zip(digits, range(len(digits) + 1, 1, -1), strict=True)) * 10 % 11
        digits.append(r % 10)
    s = "".join(map(str, digits))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def pt_br_farmacia_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        replace(ln, code=br_farmacia_ean(ln.name), tag="UN")
        for ln in pick(rng, BR_FARMACIA_ITENS, (3 if v == 3 else 2, 6), qtys=(1, 1, 1, 2, 2, 3))
    ]
    if v in (1, 2):  # the loyalty club's prices: a discount on some articles, the customer's CPF on the note
        for k in rng.sample(range(len(lines)), rng.randint(1, len(lines))):
            pct = rng.choice((10, 15, 20, 25, 30))
            off = (lines[k].amount * pct / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            lines[k] = replace(lines[k], discount=-off)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "Dinheiro", tendered(rng, total, BR_FARMACIA_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "Cartão de Crédito", total),)
    elif v == 2:
        tenders = (Tender("other", "Pagamento Instantâneo (PIX)", total),)
    else:  # the notes in the wallet, the rest by debit card
        cash = Decimal(max(n for n in BR_FARMACIA_CASH if n < total)).quantize(total)
        tenders = (Tender("cash", "Dinheiro", cash), Tender("card", "Cartão de Débito", total - cash))
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 999999):09d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}:{S}"),
        subtotal_printed=True,  # Valor total R$: the articles before their discounts
    )


def br_farmacia_key(s: Sale) -> str:
    """The NFC-e's 44-digit access key: state 31 (MG), year and month, CNPJ, model 65, series 2, number, issue
    type 1, a code, and its mod-11 check digit."""
    body = f"31{s.iso[2:4]}{s.iso[5:7]}{BR_FARMACIA_CNPJ}65002{s.no}1{int(s.no) * 6113 % 10**8:08d}"
    total = sum(int(d) * (2 + i % 8) for i, d in enumerate(reversed(body)))
    return body + str(0 if total % 11 < 2 else 11 - total % 11)


def pt_br_farmacia(s: Sale, cols: int) -> list[Op]:
    # A drugstore chain's DANFE NFC-e: the company, CNPJ and IE, the address; the title; each item's
    # number, EAN and description, then Qtde UN, Vl Unit and Vl Total, the loyalty club's Desconto under it;
    # Qtd. total de itens, Valor total R$, Descontos R$, Valor a Pagar R$; FORMA PAGAMENTO and VALOR PAGO R$,
    # Troco R$; the tributes of Lei 12.741/2012; the consultation address and access key; the consumer, the
    # NFC-e's number, series, issue date, protocol and authorisation; the QR code; the pharmacist, the club.
    qrow = (Col(None), Col(8, "right"), Col(10, "right"), Col(10, "right"))
    cash_row = (Col(None), Col(14, "right"))
    no = int(s.no)
    key = br_farmacia_key(s)
    groups = [key[i : i + 4] for i in range(0, 44, 4)]
    authorised = datetime.fromisoformat(s.iso) + timedelta(seconds=1 + no % 4)
    cnpj = BR_FARMACIA_CNPJ
    club = any(ln.discount for ln in s.lines)
    ops: list[Op] = [
        Center("DROGARIA VIDA & SAÚDE LTDA", bold=True),
        Center(f"CNPJ: {cnpj[:2]}.{cnpj[2:5]}.{cnpj[5:8]}/{cnpj[8:12]}-{cnpj[12:]}"),
        Center("IE: 062.345.678/0091"),
        Center("Av. Afonso Pena, 1500 - Centro"),
        Center("Belo Horizonte - MG  CEP 30130-005"),
        Rule(),
        Center("Documento Auxiliar da Nota Fiscal de"),
        Center("Consumidor Eletrônica"),
        Rule(),
        Text("#   Código        Descrição"),
        Row(("", "Qtde UN", "Vl Unit", "Vl Total"), qrow),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        head = f"{i:03d} {ln.code} {ln.name}"
        ops += [Text(head)] if text_width(head) <= cols else [Text(f"{i:03d} {ln.code}"), Text(ln.name)]
        ops.append(Row(("", f"{ln.qty} {ln.tag}", f"x {BR_REAIS(ln.price)}", BR_REAIS(ln.amount)), qrow))
        if ln.discount:
            ops.append(Row(("    Desconto Clube Vida", BR_REAIS(ln.discount)), cash_row))
    discounts = -sum((ln.discount for ln in s.lines), Decimal(0))
    ops += [
        Rule(),
        pair("Qtd. total de itens", str(len(s.lines))),
        pair("Valor total R$", BR_REAIS(s.subtotal)),
    ]
    if discounts:
        ops.append(pair("Descontos R$", BR_REAIS(discounts)))
    ops += [
        pair("Valor a Pagar R$", BR_REAIS(s.total), bold=True),
        Row(("FORMA PAGAMENTO", "VALOR PAGO R$"), cash_row),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, BR_REAIS(t.amount)), cash_row))
    if s.cash:
        ops.append(Row(("Troco R$", BR_REAIS(s.change)), cash_row))
    tributes = (s.total * Decimal("0.3138")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    ops += [
        Rule(),
        Text("Tributos Totais Incidentes"),
        pair("(Lei Federal 12.741/2012) R$", BR_REAIS(tributes)),
        Rule(),
        Center("Consulte pela Chave de Acesso em"),
        Center("portalsped.fazenda.mg.gov.br/portalnfce"),
        Center(" ".join(groups[:6])),
        Center(" ".join(groups[6:])),
        Rule(),
        Center(f"CONSUMIDOR CPF: {br_cpf(no * 7919 % 10**9)}" if club else "CONSUMIDOR NÃO IDENTIFICADO"),
        Center(f"NFC-e nº {s.no}  Série 002"),
        Center(f"Emissão: {s.when}"),
        Center("Via Consumidor"),
        Center(f"Protocolo de Autorização: 1312600{no * 13 % 10**8:08d}"),
        Center(f"Data de Autorização: {authorised:%d/%m/%Y %H:%M:%S}"),
        QR(
            "https://portalsped.fazenda.mg.gov.br/portalnfce/sistema/qrcode.xhtml"
            f"?p={key}|2|1|1|{hashlib.sha1(key.encode()).hexdigest().upper()}"
        ),
        Rule(),
        Text("Farmacêutica Resp.: Dra. Renata Lopes"),
        Text("CRF-MG 24.518"),
    ]
    if club:
        ops += [Text("Clube Vida & Saúde"), pair("Você economizou R$", BR_REAIS(discounts))]
    ops += [Blank(), Center("Obrigado pela preferência!"), Center("Volte sempre")]
    return ops


TEMPLATES += (
    Template(
        "es-es-farmacia",
        "Latin",
        "EUR",
        es_es_farmacia_sale,
        es_es_farmacia,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "windows1252"),  # ESC t 16
        ),
        variants=4,
    ),
    Template(
        "fr-fr-tabac",
        "Latin",
        "EUR",
        fr_fr_tabac_sale,
        fr_fr_tabac,
        (
            Encoder(RL, "citizen", "citizen-80mm", 48, "cp858"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "de-de-baeckerei",
        "Latin",
        "EUR",  # Summe EUR
        de_de_baeckerei_sale,
        de_de_baeckerei,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "pt-br-farmacia",
        "Latin",
        "BRL",  # R$
        pt_br_farmacia_sale,
        pt_br_farmacia,
        # CP860, the DOS page of Portuguese, as the other Brazilian template.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp860"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp860"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a 100-yen
# shop's 領収証 (ja-hyakkin: most articles at ¥100 with each rate's 外税 added, or at ¥110 and ¥108 with the
# 内消費税, 点数, 電子マネー with its balance, PayPay or d払い, 楽天Edy run out and topped up in cash), a
# Korean fuel station's 영수증 with its shop (ko-juyuso: litres to the millilitre at the day's 단가, a preset
# 정액 or a full tank, 자동세차 with the fuel customer's 할인, 공급가액 and 부가세, 신용카드 with 할부 and
# 승인번호, 현금 and 거스름돈 with the 현금영수증, OK캐쉬백 earned or spent), a Chengdu hotpot restaurant's
# 结账单 (zh-hans-huoguo: 锅底, dishes by the 份 or 盘 and 半份, 茶位费 and 油碟 per guest, 包间服务费,
# 会员折扣, 优惠券, 抹零, 应收, 实收 and 找零, 开台 and 结账 times) and a Singapore kopitiam chain's receipt
# (en-sg-hawker: a coffee shop's prices with GST in them, its café outlets' Svc Chg 10 % and GST 9 % added,
# "Add:" lines with their prices, the café's Rounding to 5 cents, Cash, NETS, PayNow and Visa).

JA_HYAKKIN = (  # (name, price before tax, ※ on food at 8 %): most at 100 yen, a few at 200, 300 or 500
    ("キッチンスポンジ 3個入", "100", ""),
    ("食器用洗剤 詰替用", "100", ""),
    ("ジッパー付き保存袋 M", "100", ""),
    ("収納ボックス A4 ホワイト", "100", ""),
    ("ボールペン 黒 5本", "100", ""),
    ("マスキングテープ 3巻", "100", ""),
    ("単3アルカリ電池 4本", "100", ""),
    ("USBケーブル Type-C 1m", "100", ""),
    ("洗濯ネット 丸型", "100", ""),
    ("園芸用手袋 Mサイズ", "100", ""),
    ("ワイヤーネット 30cm角", "100", ""),
    ("S字フック 8個入", "100", ""),
    ("メラミンスポンジ", "100", ""),
    ("フォトフレーム 2L判", "200", ""),
    ("スマホスタンド 折りたたみ", "200", ""),
    ("LEDセンサーライト", "300", ""),
    ("耐熱ガラス保存容器", "300", ""),
    ("折りたたみ傘 55cm", "500", ""),
    ("ポテトチップス うすしお", "100", "※"),
    ("ミックスナッツ 70g", "100", "※"),
    ("チョコチップクッキー", "100", "※"),
    ("カップ麺 しょうゆ", "100", "※"),
    ("緑茶 500ml", "100", "※"),
    ("グミ ぶどう味", "100", "※"),
)
JA_HYAKKIN_RATES = (("", 10), ("※", 8))
JA_HYAKKIN_BAG = Line("レジ袋 S", Decimal(1), Decimal(3), 0)  # charged since 2020: 3 yen, 10 %
JA_HYAKKIN_EMONEY = ("WAON", "nanaco", "楽天Edy")
JA_HYAKKIN_STAFF = ("佐藤", "鈴木", "高橋", "伊藤")


def ja_hyakkin_base(lines: Sequence[Line], mark: str) -> Decimal:
    """The sum of the articles at one rate (※: food, 8 %; none: 10 %)."""
    return sum((ln.amount for ln in lines if ln.tag == mark), Decimal(0))


def ja_hyakkin_sale(rng: random.Random, v: int) -> Sale:
    cheap = [item for item in JA_HYAKKIN if item[1] == "100"]
    dear = [item for item in JA_HYAKKIN if item[1] != "100"]
    lines = pick(rng, cheap, (4, 9), places=0, qtys=(1, 1, 1, 1, 2, 2, 3))
    lines += pick(rng, dear, (0, 2), places=0, qtys=(1, 1, 2))
    rng.shuffle(lines)
    if v >= 2:  # the shop's newer tills: shelf prices with the tax in them (税込), 110 yen or 108 for food
        lines = [replace(ln, price=ln.price * (108 if ln.tag else 110) / 100) for ln in lines]
    if v in (0, 2):
        lines.append(JA_HYAKKIN_BAG)
    tax = Decimal(0)
    if v < 2:  # 外税: each rate's tax on the sum of its articles, the fraction of a yen cut off
        tax = sum(
            (yen_tax(ja_hyakkin_base(lines, mark), rate) for mark, rate in JA_HYAKKIN_RATES), Decimal(0)
        )
    total = sum((ln.amount for ln in lines), Decimal(0)) + tax
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", rng.choice(JA_HYAKKIN_EMONEY), total),)
    elif v == 2:
        tenders = (Tender("other", rng.choice(("PayPay", "d払い")), total),)
    elif v == 3:  # the Edy card's balance runs out: the rest is paid in cash
        edy = Decimal(rng.randint(30, int(total) - 1))
        rest = tendered(rng, total - edy, (100, 500, 1000, 2000, 5000, 10000))
        tenders = (Tender("other", "楽天Edy", edy), Tender("cash", "お預り", rest))
    else:
        tenders = (Tender("cash", "お預り", tendered(rng, total, (1000, 2000, 3000, 5000, 10000))),)
    when = dated(rng, "{y}年{m}月{d}日({a}) {H}:{M}", JA_WEEKDAYS)
    while not "09" <= when[1][11:13] <= "20":  # open from 9 to 21
        when = dated(rng, "{y}年{m}月{d}日({a}) {H}:{M}", JA_WEEKDAYS)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1, 999999):06d}",
        dated_when=when,
        tax_added=tax,
        subtotal_printed=True,
    )


def ja_hyakkin(s: Sale, cols: int) -> list[Op]:
    # A 100-yen shop chain's receipt: the shop, its address, phone and 登録番号; 領収証; the date with the
    # weekday, the register and who was responsible, the 取引番号; each article with its amount and ※ after
    # food, "2個 @¥100" under one bought more than once; 小計 and 点数; with 外税 each rate's 対象 sum and the
    # tax added on it before 合計, with prices tax included each rate's 対象 sum and the 内消費税 in it after
    # 合計; お預り and お釣り, the electronic money's number and balance, the code payment's ID; points.
    item = (Col(None), Col(8, "right"), Col(2))
    no = int(s.no)
    outside = bool(s.tax_added)
    ops: list[Op] = [
        Title("100円ショップ ミントス"),
        Center("草加駅前店"),
        Center("埼玉県草加市高砂2-9-3 サンロードビル2F"),
        Center("TEL 048-922-7310"),
        Center("登録番号 T8030001098765"),
        Blank(),
        Center("領 収 証", bold=True),
        Text(s.when),
        Text(f"レジ:0002  責任者:{JA_HYAKKIN_STAFF[no % 4]}"),
        Text(f"取引番号:{s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, f"¥{WHOLE(ln.amount)}", ln.tag), item))
        if ln.qty != 1:
            ops.append(Text(f"    {ln.qty}個 @¥{WHOLE(ln.price)}"))
    ops += [Rule(), pair("小計", f"¥{WHOLE(s.subtotal)}"), pair("点数", f"{pieces(s.lines)}点")]
    bases = [(rate, ja_hyakkin_base(s.lines, mark)) for mark, rate in JA_HYAKKIN_RATES]
    if outside:
        for rate, base in bases:
            if base:
                ops += [
                    pair(f"  ({rate}%対象", f"¥{WHOLE(base)})"),
                    pair(f"  外税 {rate}%", f"¥{WHOLE(yen_tax(base, rate))}"),
                ]
    ops.append(pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True))
    if not outside:
        for rate, gross in bases:
            if gross:
                ops += [
                    pair(f"({rate}%対象", f"¥{WHOLE(gross)})"),
                    pair(f"(内消費税等 {rate}%", f"¥{WHOLE(ja_drug_tax(gross, rate))})"),
                ]
    ops.append(Rule())
    for t in s.tenders:
        if t.method == "cash":
            ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
        elif t.label in JA_HYAKKIN_EMONEY:
            # Edy paid what was on the card (v3); the others had more on them.
            left = Decimal(0) if s.cash else Decimal(200 + no * 37 % 4000)
            ops += [
                pair(f"電子マネー({t.label})", f"¥{WHOLE(t.amount)}"),
                Text(f"  {t.label}番号 ************{no * 53 % 10000:04d}"),
                pair("  利用前残高", f"¥{WHOLE(left + t.amount)}"),
                pair("  残高", f"¥{WHOLE(left)}"),
            ]
        else:
            ops += [
                pair(f"コード決済({t.label})", f"¥{WHOLE(t.amount)}"),
                Text(f"  支払ID {s.iso[:10].replace('-', '')}{no * 7919 % 10**10:010d}"),
            ]
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    if any(t.label in ("WAON", "d払い") for t in s.tenders):
        label = "WAONポイント" if s.tenders[0].label == "WAON" else "dポイント"
        earned = int((s.total - s.tax_added) // 200)
        ops += [
            Rule(),
            pair(f"{label} 今回", f"{earned}P"),
            pair(f"{label} 累計", f"{earned + 150 + no % 900}P"),
        ]
    ops.append(Blank())
    if any(ln.tag for ln in s.lines):
        ops.append(Text("※印は軽減税率(8%)対象商品です"))
    ops += [
        Text("返品・交換はレシート持参で14日以内"),
        Center("ご来店ありがとうございました"),
        Barcode(f"0417002{s.no}"),
    ]
    return ops


KO_FUELS = {"휘발유": Decimal(1699), "고급휘발유": Decimal(1932), "경유": Decimal(1554)}  # 단가, a litre
KO_JUYUSO_GOODS = (  # the station's shop
    ("생수 500ml", "1000"),
    ("비타500", "1300"),
    ("박카스F", "1000"),
    ("캔커피", "1200"),
    ("옥수수수염차", "1800"),
    ("요소수 10L", "12000"),
    ("워셔액 1.8L", "3000"),
    ("차량용 방향제", "5000"),
    ("물티슈 100매", "2000"),
)
KO_JUYUSO_PRESETS = (30000, 40000, 50000, 60000, 70000, 100000)  # 정액: what the pump is set to stop at
KO_JUYUSO_WASH = Decimal(8000)  # 자동세차
KO_JUYUSO_WASH_OFF = Decimal(4000)  # off the car wash for a customer who filled up
KO_CARDS = ("현대카드", "삼성카드", "KB국민카드", "신한카드", "BC카드", "롯데카드")


def ko_litres(amount: int, price: Decimal) -> Decimal | None:
    """The litres a pump set to `amount` won stops at (to the millilitre), if they come to it exactly."""
    q = (Decimal(amount) / price).quantize(Decimal("0.001"), rounding=ROUND_DOWN)
    for litres in (q, q + Decimal("0.001")):
        if Line("", litres, price, 0).amount == amount:
            return litres
    return None


def ko_juyuso_sale(rng: random.Random, v: int) -> Sale:
    fuel = "경유" if v == 1 else "고급휘발유" if v == 2 and rng.random() < 0.5 else "휘발유"
    price = KO_FUELS[fuel]
    pump = rng.randint(1, 8)
    # 정액: the pump set to stop at a round sum, at the litre it comes to exactly; 가득: a full tank.
    presets = [litres for litres in (ko_litres(preset, price) for preset in KO_JUYUSO_PRESETS) if litres]
    if v in (0, 2):
        litres, note = rng.choice(presets), f"{pump}번 주유기 / 정액"
    else:
        litres = (Decimal(rng.randint(25000, 62000)) / 1000).quantize(Decimal("0.001"))
        note = f"{pump}번 주유기 / 가득"
    lines = [Line(fuel, litres, price, 0, tag="주유", note=note)]
    if v == 1:
        lines.append(
            Line("자동세차", Decimal(1), KO_JUYUSO_WASH, 0, tag="세차", discount=-KO_JUYUSO_WASH_OFF)
        )
    goods = [g for g in KO_JUYUSO_GOODS if fuel == "경유" or not g[0].startswith("요소수")]
    lines += pick(rng, goods, (0, 2) if v < 2 else (1, 3), places=0, qtys=(1, 1, 1, 2))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 2:
        paid = next(n for n in (10000, 20000, 30000, 40000, 50000, 60000, 70000, 100000, 150000) if n > total)
        tenders: tuple[Tender, ...] = (Tender("cash", "현금", Decimal(paid)),)
    elif v == 3:  # OK캐쉬백 points spent first, the rest on a card
        points = Decimal(rng.choice((1000, 2000, 3000, 5000)))
        tenders = (Tender("other", "OK캐쉬백 사용", points), Tender("card", "신용카드", total - points))
    else:
        tenders = (Tender("card", "신용카드", total),)
    printed, iso = dated(rng, "{y}/{m}/{d} {H}:{M}:{S}")
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{iso[:10].replace('-', '')}{rng.randint(1, 9999):04d}",
        dated_when=(printed, iso),
        subtotal_printed=True,  # 합계금액, before the car wash's 할인
    )


def ko_juyuso(s: Sale, cols: int) -> list[Op]:
    # A fuel station's 영수증 from its forecourt POS: the station, its 상호, 사업자등록번호, 대표자, phone and
    # address; 거래일시, 영수증번호, the POS and who served; 품명/단가/수량/금액 with the fuel's litres to the
    # millilitre, the pump and 정액 or 가득 under it, the car wash's 할인 under that; 합계금액, 할인금액,
    # 결제금액, 공급가액 and 부가세 (10 %, included); the card's or the points' part, 현금 and 거스름돈; the
    # card approval with its 할부, or the 현금영수증; OK캐쉬백 used and earned.
    c = (Col(None), Col(6, "right"), Col(7, "right"), Col(8, "right"))
    off = (Col(None), Col(8, "right"))
    seq = int(s.no[-4:])
    line_off = sum((ln.discount for ln in s.lines), Decimal(0))
    vat = included_tax(s.total, Decimal(10), 0)
    ops: list[Op] = [
        Title("푸른솔주유소"),
        Center("알뜰주유소 / 셀프 겸 일반"),
        Center("[ 영 수 증 ]", bold=True),
        Text("상호: (주)푸른솔에너지"),
        Text("사업자등록번호: 214-81-37560"),
        Text("대표자: 최영호   TEL: 031-704-5580"),
        Text("주소: 경기 성남시 분당구 서현로 210"),
        Rule(),
        Text(f"거래일시: {s.when}"),
        Text(f"영수증번호: {s.no}"),
        Text(f"POS: 02   근무자: {('김민수', '이정훈', '박지영')[seq % 3]}"),
        Rule(),
        Row(("품명", "단가", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        qty = f"{ln.qty:.3f}" if ln.tag == "주유" else str(ln.qty)
        ops.append(Row((ln.name, WHOLE(ln.price), qty, WHOLE(ln.amount)), c))
        if ln.note:
            ops.append(Text(f"  {ln.note}"))
        if ln.discount:
            ops.append(Row(("  주유고객 세차할인", WHOLE(ln.discount)), off))
    ops += [Rule(), pair("합계금액", WHOLE(s.subtotal))]
    if line_off:
        ops.append(pair("할인금액", WHOLE(line_off)))
    ops += [
        pair("결제금액", f"{WHOLE(s.total)}원", bold=True, tall=True),
        pair("공급가액", WHOLE(s.total - vat)),
        pair("부가세", WHOLE(vat)),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    card = next((t for t in s.tenders if t.method == "card"), None)
    if card is not None:
        ops += [
            Rule(),
            Text("[신용카드 승인정보]"),
            Text(f"카드사: {KO_CARDS[seq % len(KO_CARDS)]}"),
            Text(f"카드번호: {4000 + seq % 5000}-{seq * 7 % 100:02d}**-****-{seq * 13 % 1000:03d}*"),
            Text(f"할부: {'03개월' if card.amount >= 50000 and seq % 3 == 0 else '일시불'}"),
            Text(f"승인번호: {seq * 7919 % 90000000 + 10000000}"),
            Text(f"승인일시: {s.when}"),
            pair("승인금액", WHOLE(card.amount)),
            Text("가맹점번호: 712403318"),
        ]
    else:
        ops += [
            Rule(),
            Text("[현금영수증]"),
            Text(f"승인번호: {seq * 6151 % 900000000 + 100000000}"),
            Text("식별번호: 010-****-4471"),
            Text("거래구분: 소득공제"),
        ]
    used = next((t.amount for t in s.tenders if t.label.startswith("OK캐쉬백")), Decimal(0))
    if used or seq % 2:
        litres = sum((ln.qty for ln in s.lines if ln.tag == "주유"), Decimal(0))
        earned = int(litres) * 5  # 5 points a litre
        ops += [Rule(), Text("[OK캐쉬백]"), Text("카드번호: 5248-****-****-1123")]
        if used:
            ops.append(pair("사용포인트", f"{WHOLE(used)}P"))
        ops += [
            pair("적립포인트", f"{earned}P"),
            pair("가용포인트", f"{WHOLE(Decimal(earned + 1200 + seq * 31 % 9000))}P"),
        ]
    ops += [
        Blank(),
        Center("이용해 주셔서 감사합니다"),
        Center("주유 3만원 이상 자동세차 4,000원 할인"),
        Center("세차 문의 031-704-5581"),
    ]
    return ops


ZH_HUOGUO_POTS = (  # 锅底
    ("红油鸳鸯锅", "68.00"),
    ("牛油麻辣锅", "58.00"),
    ("清油麻辣锅", "58.00"),
    ("番茄菌汤鸳鸯锅", "78.00"),
    ("九宫格红锅", "68.00"),
)
ZH_HUOGUO_DISHES = (  # (name, price, unit)
    ("鲜毛肚", "58.00", "份"),
    ("千层毛肚", "48.00", "份"),
    ("鲜鸭肠", "32.00", "份"),
    ("麻辣牛肉", "42.00", "份"),
    ("雪花肥牛", "58.00", "盘"),
    ("精品羊肉卷", "46.00", "盘"),
    ("鲜黄喉", "36.00", "份"),
    ("手打虾滑", "38.00", "份"),
    ("午餐肉", "22.00", "份"),
    ("鸭血", "16.00", "份"),
    ("脑花", "18.00", "个"),
    ("郡肝", "28.00", "份"),
    ("土豆片", "10.00", "份"),
    ("藕片", "12.00", "份"),
    ("冬瓜", "8.00", "份"),
    ("红薯宽粉", "10.00", "份"),
    ("金针菇", "12.00", "份"),
    ("豆腐皮", "12.00", "份"),
    ("时蔬拼盘", "22.00", "盘"),
    ("手工面", "8.00", "份"),
)
ZH_HUOGUO_HALF = frozenset({"鲜毛肚", "鲜鸭肠", "麻辣牛肉", "鲜黄喉", "手打虾滑", "千层毛肚"})  # 半份: 60 %
ZH_HUOGUO_DRINKS = (
    ("酸梅汤(扎)", "28.00", "扎"),
    ("豆奶(扎)", "26.00", "扎"),
    ("雪花啤酒", "8.00", "瓶"),
    ("王老吉", "6.00", "罐"),
    ("米饭", "2.00", "碗"),
)
ZH_HUOGUO_TEA = Decimal("3.00")  # 茶位费, a guest
ZH_HUOGUO_DIP = Decimal("5.00")  # 油碟, a guest
ZH_HUOGUO_MEMBER = Decimal("0.12")  # 会员88折: 12 % off the dishes (not the pot, the guests' fees or drinks)
ZH_HUOGUO_SERVICE = 10  # 包间服务费, %


def zh_huoguo_member(lines: Sequence[Line]) -> Decimal:
    dishes = sum((ln.amount for ln in lines if ln.tag in ("份", "盘", "个")), Decimal(0))
    return (dishes * ZH_HUOGUO_MEMBER).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def zh_huoguo_coupon(subtotal: Decimal) -> tuple[str, Decimal]:
    """The 优惠券 the bill reaches: 满300减30, or 满200减20 (none below 200)."""
    for floor, off in ((300, 30), (200, 20)):
        if subtotal >= floor:
            return f"优惠券(满{floor}减{off})", Decimal(off)
    return "", Decimal(0)


def zh_hans_huoguo_sale(rng: random.Random, v: int) -> Sale:
    guests = rng.randint(2, 6)
    pot, pot_price = rng.choice(ZH_HUOGUO_POTS)
    lines = [
        Line("茶位费", Decimal(guests), ZH_HUOGUO_TEA, tag="位"),
        Line(pot, Decimal(1), Decimal(pot_price), tag="锅"),
    ]
    if v != 3:
        lines.append(Line("油碟", Decimal(guests), ZH_HUOGUO_DIP, tag="位"))
    for name, price, unit in rng.sample(ZH_HUOGUO_DISHES, rng.randint(5, 9)):
        if name in ZH_HUOGUO_HALF and rng.random() < 0.4:
            half = (Decimal(price) * Decimal("0.6")).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            lines.append(Line(f"{name}(半份)", Decimal(1), half.quantize(Decimal("0.01")), tag="份"))
        else:
            lines.append(Line(name, Decimal(rng.choice((1, 1, 1, 2))), Decimal(price), tag=unit))
    for name, price, unit in rng.sample(ZH_HUOGUO_DRINKS, rng.randint(1, 2)):
        lines.append(Line(name, Decimal(rng.choice((1, 2, 3, 4))), Decimal(price), tag=unit))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    service = Decimal(0)
    if v == 2:  # a private room (包间): its service charge on the bill
        service = (subtotal * ZH_HUOGUO_SERVICE / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    member = zh_huoguo_member(lines) if v == 1 else Decimal(0)
    coupon = zh_huoguo_coupon(subtotal)[1] if v in (2, 3) else Decimal(0)
    due = subtotal + service - member - coupon
    cents = due - round_to(due, 1, ROUND_DOWN)  # 抹零: the jiao and fen let off
    total = due - cents
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("alipay", "支付宝", total),)
    elif v == 2:
        notes = (100, 200, 300, 400, 500, 600, 700, 800, 1000, 1500, 2000)
        tenders = (Tender("cash", "现金", tendered(rng, total, notes)),)
    elif v == 3:
        tenders = (Tender("unionpay", "银联卡", total),)
    else:
        tenders = (Tender("wechat", "微信支付", total),)
    printed, iso = dated_from_hour(rng, "{y}-{m}-{d} {H}:{M}:{S}", 12)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{iso[:10].replace('-', '')}{rng.randint(1, 999):04d}",
        dated_when=(printed, iso),
        savings=member + coupon + cents,
        savings_label=("会员折扣" if member else "") + ("优惠券" if coupon else ""),
        surcharge=service,
        subtotal_printed=True,  # 消费合计
    )


def zh_hans_huoguo(s: Sale, cols: int) -> list[Op]:
    # A Chengdu hotpot restaurant's 结账单 from its cashier's POS: the restaurant, its branch, address and
    # phone; 单号, the table or private room, 人数, 开台时间 and 结账时间 (the sale's), the cashier and the
    # waiter; 菜品/数量/(单价)/金额 with the unit after the quantity; 消费合计, 包间服务费, 会员折扣 on the
    # dishes, 优惠券, 抹零; 应收金额; how it was paid, 实收金额 and 找零; the member's points; the invoice's
    # QR code.
    wide = cols >= 40
    if wide:
        c: tuple[Col, ...] = (Col(None), Col(4, "right"), Col(7, "right"), Col(8, "right"))
        head: tuple[str, ...] = ("菜品", "数量", "单价", "金额")
    else:
        c, head = (Col(None), Col(4, "right"), Col(8, "right")), ("菜品", "数量", "金额")
    seq = int(s.no[-4:])
    guests = next(ln.qty for ln in s.lines if ln.name == "茶位费")
    opened = datetime.fromisoformat(s.iso) - timedelta(minutes=58 + seq % 70, seconds=seq % 47)
    table = "包间: 芙蓉厅" if s.surcharge else f"桌号: A{seq % 24 + 1:02d}"
    ops: list[Op] = [Title("蜀香老灶火锅"), Center("(春熙路店)")]
    if wide:
        ops.append(Text("地址: 成都市锦江区春熙路南段16号3楼"))
    else:
        ops += [Text("地址: 成都市锦江区春熙路"), Text("      南段16号3楼")]
    ops += [
        Text("电话: 028-8666 5177"),
        Center("结 账 单", bold=True),
        Text(f"单号: {s.no}"),
        Row((table, f"人数: {guests}"), (Col(None), Col(8))),
        Text(f"开台时间: {opened:%Y-%m-%d %H:%M:%S}"),
        Text(f"结账时间: {s.when}"),
        Text(f"收银员: 李娜  服务员: {('小王', '小张', '小刘')[seq % 3]}"),
        Rule(),
        Row(head, c),
        Rule(),
    ]
    for ln in s.lines:
        qty = f"{ln.qty}{ln.tag}"
        cells = (
            (ln.name, qty, POINT(ln.price), POINT(ln.amount)) if wide else (ln.name, qty, POINT(ln.amount))
        )
        ops.append(Row(cells, c))
    ops += [Rule(), pair("消费合计:", POINT(s.subtotal))]
    off = s.savings
    if s.surcharge:
        ops.append(pair(f"包间服务费({ZH_HUOGUO_SERVICE}%):", POINT(s.surcharge)))
    if "会员折扣" in s.savings_label:
        member = zh_huoguo_member(s.lines)
        ops.append(pair("会员折扣(菜品88折):", POINT(-member)))
        off -= member
    if "优惠券" in s.savings_label:
        label, coupon = zh_huoguo_coupon(s.subtotal)
        ops.append(pair(f"{label}:", POINT(-coupon)))
        off -= coupon
    if off:
        ops.append(pair("抹零:", POINT(-off)))
    ops.append(pair("应收金额:", f"￥{POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", POINT(t.amount)))
    ops.append(pair("实收金额:", POINT(sum((t.amount for t in s.tenders), Decimal(0)))))
    if s.cash:
        ops.append(pair("找零:", POINT(s.change)))
    ops += [Rule()]
    if "会员折扣" in s.savings_label:
        ops += [
            Text("会员卡号: 138****6621"),
            pair("本次积分:", str(int(s.total))),
            pair("累计积分:", str(int(s.total) + 2300 + seq * 37 % 5000)),
        ]
    ops += [
        Center("谢谢光临 欢迎再次品尝"),
        Center("排队取号 / 外卖请扫码"),
        Center("扫码开具电子发票"),
        QR(f"https://fp.example.cn/sxlz?no={s.no}&amt={POINT(s.total)}"),
    ]
    return ops


SG_KOPITIAM_FOOD = (  # the coffee shop's stalls, prices with GST in them
    ("Chicken Rice", "4.50"),
    ("Roasted Chicken Rice", "4.80"),
    ("Char Kway Teow", "5.00"),
    ("Laksa", "5.50"),
    ("Fishball Noodle (Dry)", "4.50"),
    ("Nasi Lemak", "4.00"),
    ("Mee Rebus", "4.00"),
    ("Wanton Mee", "5.00"),
    ("Carrot Cake (Black)", "4.00"),
    ("Hokkien Mee", "6.00"),
    ("Kaya Toast Set", "4.20"),
)
SG_KOPITIAM_DRINKS = (
    ("Kopi", "1.60"),
    ("Kopi O", "1.40"),
    ("Kopi C Kosong", "1.80"),
    ("Teh Tarik", "1.90"),
    ("Teh O Ice Limau", "2.00"),
    ("Milo Dinosaur", "3.20"),
    ("Barley (Hot)", "1.60"),
    ("Sugarcane Juice", "2.50"),
    ("Lime Juice", "2.00"),
)
SG_KOPITIAM_ADD = (
    ("Add: Fried Egg", "0.80"),
    ("Add: Extra Meat", "1.50"),
    ("Add: Otah", "1.50"),
    ("Add: Extra Noodles", "0.50"),
)
SG_CAFE_FOOD = (  # the chain's air-conditioned cafés: GST added to these
    ("Kaya Toast Set", "6.20"),
    ("Peanut Butter Toast", "2.60"),
    ("French Toast", "3.90"),
    ("Mee Siam", "6.50"),
    ("Laksa", "7.50"),
    ("Nasi Lemak Chicken Wing", "7.90"),
    ("Curry Chicken with Bun", "8.50"),
    ("Soft-Boiled Eggs (2)", "2.20"),
)
SG_CAFE_DRINKS = (
    ("Kopi", "2.10"),
    ("Kopi O Kosong Peng", "2.40"),
    ("Teh C", "2.20"),
    ("Milo Peng", "2.80"),
    ("Iced Lemon Tea", "2.90"),
    ("Yuan Yang", "2.30"),
)
SG_CAFE_ADD = (("Add: Soft-Boiled Egg", "1.10"), ("Add: Thick Toast", "0.80"), ("Add: Luncheon Meat", "1.50"))
SG_NOTES = ("Less Sweet", "Less Ice", "Takeaway")
SG_SERVICE = 10  # Svc Chg %, dine-in at a café
SG_GST = 9
SGD_CASH = (2, 5, 10, 20, 30, 50, 100)


def en_sg_hawker_sale(rng: random.Random, v: int) -> Sale:
    cafe = v >= 2
    food, drinks, adds = (
        (SG_CAFE_FOOD, SG_CAFE_DRINKS, SG_CAFE_ADD)
        if cafe
        else (SG_KOPITIAM_FOOD, SG_KOPITIAM_DRINKS, SG_KOPITIAM_ADD)
    )
    lines: list[Line] = []
    for ln in pick(rng, food, (1, 3), qtys=(1, 1, 1, 2)):
        lines.append(ln)
        if ln.qty == 1 and rng.random() < 0.5:  # an option that costs extra, on a line of its own
            name, price = rng.choice(adds)
            lines.append(Line(name, Decimal(1), Decimal(price), tag="add"))
    for ln in pick(rng, drinks, (1, 3), qtys=(1, 1, 2, 3)):
        lines.append(replace(ln, note=rng.choice(SG_NOTES)) if rng.random() < 0.3 else ln)
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    cent = Decimal("0.01")
    service = (subtotal * SG_SERVICE / 100).quantize(cent, rounding=ROUND_HALF_UP) if v == 2 else Decimal(0)
    gst = ((subtotal + service) * SG_GST / 100).quantize(cent, rounding=ROUND_HALF_UP) if cafe else Decimal(0)
    due = subtotal + service + gst
    rounding = Decimal(0)
    if cafe:  # the café's till rounds every bill to 5 cents
        rounding = ((due * 20).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 20).quantize(cent) - due
    total = due + rounding
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "NETS", total),)
    elif v == 2:
        tenders = (Tender("card", "VISA", total),)
    elif v == 3:
        tenders = (Tender("other", "PayNow", total),)
    else:
        tenders = (Tender("cash", "Cash", tendered(rng, total, SGD_CASH)),)
    if cafe:
        when = dated(rng, "{d}-{b}-{y} {I}:{M} {p}")
        no = f"{rng.randint(1, 999999):06d}"
    else:
        when = dated(rng, "{d}/{m}/{y} {H}:{M}")
        no = f"S07-{rng.randint(1, 99999):05d}"
    return Sale(
        tuple(lines),
        tenders,
        no=no,
        dated_when=when,
        savings=-rounding,
        savings_label="Rounding",
        tax_added=gst,
        surcharge=service,
        subtotal_printed=True,
    )


def en_sg_hawker(s: Sale, cols: int) -> list[Op]:
    # A kopitiam chain's receipt from its POS, in two set-ups: at a coffee shop's drinks and food stall the
    # prices hold the GST (the stall, its block and unit, GST Reg No; Receipt No, the date, the cashier and
    # the queue number; "GST 9% Incl." at the foot), at a café outlet it is added (TAX INVOICE, Bill No, the
    # table and pax or TAKEAWAY; Sub Total, Svc Chg 10% when dining in, GST 9%, Rounding); each item with its
    # quantity before it, "Add:" options with their price under it, a drink's note under it; Total in S$,
    # Cash and Change, NETS's approval, PayNow's reference or the Visa slip.
    item = (Col(3), Col(None), Col(8, "right"))
    cafe = bool(s.tax_added)
    digits = "".join(ch for ch in s.no if ch.isdigit())
    seq = int(digits[-5:])
    if cafe:
        ops: list[Op] = [
            Title("KOPI & CO."),
            Center("Raffles City Shopping Centre #B1-45"),
            Center("252 North Bridge Road S(179103)"),
            Center("Tel: 6338 1275"),
            Center("GST Reg No: 201834567K"),
            Center("TAX INVOICE", bold=True),
            Text(f"Bill No: {s.no}"),
            Text(
                f"Table: {seq % 30 + 1}   Pax: {seq % 4 + 1}"
                if s.surcharge
                else f"TAKEAWAY   Order: {seq % 90 + 10}"
            ),
            Text(f"Date: {s.when}"),
            Text(f"Cashier: {('Siti', 'Wei Ling', 'Ravi')[seq % 3]}   POS: 02"),
        ]
    else:
        ops = [
            Title("KOPI & CO."),
            Center("Tampines Kopitiam - Stall 07"),
            Center("Blk 201 Tampines St 21 #01-1121"),
            Center("Singapore 520201"),
            Center("GST Reg No: 201834567K"),
            Text(f"Receipt No: {s.no}"),
            Text(f"Date: {s.when}"),
            Row(
                (f"Cashier: {('Ah Lian', 'Mdm Tan')[seq % 2]}", f"Queue No: {seq % 900 + 100}"),
                (Col(None), Col(14, "right")),
            ),
        ]
    ops += [Rule(), Row(("Qty", "Item", "Amt"), item), Rule()]
    for ln in s.lines:
        if ln.tag == "add":
            ops.append(Row(("", ln.name, POINT(ln.amount)), item))
            continue
        ops.append(Row((str(ln.qty), ln.name, POINT(ln.amount)), item))
        if ln.qty != 1:
            ops.append(Text(f"    @ {POINT(ln.price)}"))
        if ln.note:
            ops.append(Text(f"    * {ln.note}"))
    ops += [Rule(), pair("Sub Total", POINT(s.subtotal))]
    if s.surcharge:
        ops.append(pair(f"Svc Chg {SG_SERVICE}%", POINT(s.surcharge)))
    if cafe:
        ops += [pair(f"GST {SG_GST}%", POINT(s.tax_added)), pair("Rounding", POINT(-s.savings))]
    ops.append(pair("Total", f"S${POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount)))
    if s.cash:
        ops.append(pair("Change", POINT(s.change)))
    if not cafe:
        ops.append(pair(f"GST {SG_GST}% Incl.", POINT(included_tax(s.total, Decimal(SG_GST)))))
    pay = s.tenders[0]
    if pay.label == "NETS":
        ops += [
            Rule(),
            Text("NETS DEBIT"),
            Text(f"Card: XXXXXXXXXXXX{seq * 53 % 10000:04d}"),
            Text(f"Approval Code: {seq * 7919 % 1000000:06d}"),
            Text(f"TID: 6018{seq * 11 % 10000:04d}"),
        ]
    elif pay.label == "PayNow":
        ops += [
            Rule(),
            Text("PayNow (SGQR)"),
            Text(f"Ref: PN{s.iso[2:10].replace('-', '')}{seq * 6151 % 10**8:08d}"),
        ]
    elif pay.method == "card":
        ops += [
            Rule(),
            Text("VISA CONTACTLESS"),
            Text(f"************{seq * 37 % 10000:04d}"),
            Text(f"AUTH CODE: {seq * 4211 % 1000000:06d}"),
            Text("NO SIGNATURE REQUIRED"),
        ]
    ops.append(Blank())
    if s.surcharge:
        ops.append(Center("Service charge applies to dine-in"))
    ops += [
        Center("Thank you! Please come again"),
        Center("www.kopiandco.sg"),
    ]
    return ops


TEMPLATES += (
    Template(
        "ja-hyakkin",
        "Japanese",
        "JPY",
        ja_hyakkin_sale,
        ja_hyakkin,
        # receiptline in Shift_JIS, as the other Japanese templates: an Epson, a Star in its multi-byte mode
        # and a generic ESC/POS printer.
        (
            Encoder(RL, "epson", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
            Encoder(RL, "escpos", "japanese-80mm", 42, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "ko-juyuso",
        "Korean",
        "KRW",  # 결제금액 ...원
        ko_juyuso_sale,
        ko_juyuso,
        (
            Encoder(RL, "epson", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "sii", "korean-80mm", 48, "cp949"),
            Encoder(RL, "escpos", "korean-80mm", 42, "cp949"),
        ),
        variants=4,
    ),
    Template(
        "zh-hans-huoguo",
        "simplified Chinese",
        "CNY",
        zh_hans_huoguo_sale,
        zh_hans_huoguo,
        (
            Encoder(RL, "escpos", "chinese-80mm", 42, "gb18030"),
            Encoder(RL, "epson", "chinese-58mm", 32, "gb18030"),
            Encoder(RL, "citizen", "chinese-80mm", 48, "gb18030"),
        ),
        variants=4,
    ),
    Template(
        "en-sg-hawker",
        "Latin",
        "SGD",  # Total S$
        en_sg_hawker_sale,
        en_sg_hawker,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp437"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a Seoul
# pork-and-beef BBQ restaurant's 영수증 (ko-gogi: 테이블 and 인원, meat by the 인분 at its 단가, 공기밥 and
# 된장찌개, 소주 and 맥주, 합계금액, a lunch 점심할인 under each 인분 of pork, a 쿠폰할인 off the bill,
# 받을금액, 공급가액 and 부가세 included; 신용카드 with its 매출전표 block, 할부 and 승인번호, the bill split
# over two cards, 현금 with 거스름돈, the 현금영수증 and points), a conveyor-belt sushi chain's receipt
# (ja-kaitenzushi: plates counted by colour and price, side dishes and drinks, お持ち帰り at 8 % marked ※,
# prices with the tax in them (内税) at one store and with it added (外税) at another, 皿数, 小計, an app
# coupon, each rate's 対象 and 消費税, 合計, お預り and お釣り, クレジット, 交通系IC with its balance,
# PayPay), a Hong Kong supermarket's receipt in Big5 with English (zh-hant-hk-supermarket: each article's
# Chinese and English name on one line, "2 @ 17.90" under it, 任選2件$30 and the like with what they save,
# the $1 bag levy, 小計 SUBTOTAL, 總數 TOTAL in HK$, 八達通 with its remaining value, 現金 and 找續,
# VISA/Mastercard, AlipayHK and WeChat Pay HK, the member's points) and a Bangkok noodle shop's bill from a
# tablet POS (th-noodle-shop: โต๊ะ or กลับบ้าน, each bowl's noodle and soup with พิเศษ +10 in its price,
# รวม, a member's or a coupon's ส่วนลด, ค่าบริการ 10 % and VAT 7 % added or VAT included, ยอดสุทธิ in บาท,
# เงินสด and เงินทอน, PromptPay, a credit card; Buddhist-era dates on some tills, Christian-era on others).

KO_GOGI_MEAT = (  # (name, the price of one 인분): pork first, then beef
    ("생삼겹살(1인분)", "16000"),
    ("통목살(1인분)", "16000"),
    ("항정살(1인분)", "19000"),
    ("가브리살(1인분)", "18000"),
    ("양념돼지갈비(1인분)", "17000"),
    ("소갈비살(1인분)", "32000"),
    ("차돌박이(1인분)", "22000"),
)
KO_GOGI_PORK = 5  # the first five: pork, on which lunch has its 점심할인
KO_GOGI_MEALS = (
    ("된장찌개", "3000"),
    ("김치찌개", "5000"),
    ("계란찜", "5000"),
    ("물냉면", "8000"),
    ("비빔냉면", "8000"),
    ("볶음밥", "3000"),
)
KO_GOGI_DRINKS = (
    ("소주(참이슬)", "6000"),
    ("소주(새로)", "6000"),
    ("맥주(카스)", "6000"),
    ("맥주(테라)", "6000"),
    ("콜라", "2500"),
    ("사이다", "2500"),
)
KO_GOGI_RICE = Line("공기밥", Decimal(1), Decimal(2000), 0)
KO_GOGI_LUNCH_OFF = Decimal(2000)  # 점심할인: off each 인분 of pork from 11 to 3
KO_GOGI_COUPON = Decimal(5000)  # a 재방문 coupon, off the bill
KO_GOGI_STAFF = ("김서연", "박준호", "이하은")
KO_GOGI_BINS = ("4518", "5409", "9410", "5327")  # the cards' first digits
KO_GOGI_NOTES = (10000, 20000, 30000, 50000, 60000, 70000, 80000, 100000, 150000, 200000, 250000, 300000)


def ko_gogi_sale(rng: random.Random, v: int) -> Sale:
    lunch = v == 2
    guests = rng.randint(2, 5)
    meats = rng.sample(KO_GOGI_MEAT[:KO_GOGI_PORK] if lunch else KO_GOGI_MEAT, rng.randint(1, 3))
    # The first meat one 인분 a guest (the table's first order), what was ordered after it one or two.
    lines = [
        Line(name, Decimal(guests if k == 0 else rng.randint(1, 2)), Decimal(price), 0)
        for k, (name, price) in enumerate(meats)
    ]
    if lunch:
        lines = [replace(ln, discount=-KO_GOGI_LUNCH_OFF * ln.qty) for ln in lines]
    lines.append(replace(KO_GOGI_RICE, qty=Decimal(rng.randint(1, guests))))
    lines += pick(rng, KO_GOGI_MEALS, (1, 2), places=0, qtys=(1, 1, 2))
    drinks = KO_GOGI_DRINKS[4:] if lunch else KO_GOGI_DRINKS
    lines += pick(rng, drinks, (1, 2), places=0, qtys=(1, 2, 2, 3, 4))
    coupon = KO_GOGI_COUPON if v == 1 else Decimal(0)
    total = sum((ln.net for ln in lines), Decimal(0)) - coupon
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("cash", "현금", tendered(rng, total, KO_GOGI_NOTES)),)
    elif v == 3:  # 더치페이: the bill split over two cards, the first half rounded down to 100 won
        half = round_to(total / 2, 100, ROUND_DOWN)
        tenders = (Tender("card", "신용카드", half), Tender("card", "신용카드", total - half))
    else:
        tenders = (Tender("card", "신용카드", total),)
    printed, iso = dated_between_hours(rng, "{y}-{m}-{d} {H}:{M}", *((11, 15) if lunch else (17, 23)))
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{iso[:10].replace('-', '')}-01-{rng.randint(1, 400):04d}",
        dated_when=(printed, iso),
        savings=coupon,
        savings_label="쿠폰할인(재방문)",
        subtotal_printed=True,  # 합계금액, before any 할인
    )


def ko_gogi(s: Sale, cols: int) -> list[Op]:
    # A BBQ restaurant's 영수증 from its table-service POS: the restaurant, 상호, 사업자번호, 대표자,
    # phone and address; 테이블 and 인원, 영수증번호, 판매일시, the POS and who served; 메뉴/단가/수량/금액
    # with the meat in 인분, the lunch 점심할인 under each pork line; 합계금액, 할인금액, the coupon,
    # 받을금액 in 원; 공급가액 and 부가세 (10 %, included); 신용카드 or 현금 and 거스름돈; each card's
    # 매출전표 block (카드사, 카드번호, 할부, 승인번호, 승인금액), or the 현금영수증 and the points earned.
    c = (Col(None), Col(7, "right"), Col(4, "right"), Col(8, "right"))
    off = (Col(None), Col(8, "right"))
    seq = int(s.no[-4:])
    guests = int(s.lines[0].qty)  # the first meat, one 인분 a guest
    line_off = sum((ln.discount for ln in s.lines), Decimal(0))
    vat = included_tax(s.total, Decimal(10), 0)
    ops: list[Op] = [
        Title("숯불구이 돈마루"),
        Center("역삼본점"),
        Center("[ 영 수 증 ]", bold=True),
        Text("상호: 돈마루 역삼본점"),
        Text("사업자번호: 220-87-41235"),
        Text("대표자: 정상훈   TEL: 02-556-7788"),
        Text("주소: 서울 강남구 논현로85길 12, 1층"),
        Rule(),
        Row((f"테이블: {seq % 18 + 1}번", f"인원: {guests}명"), (Col(None), Col(10))),
        Text(f"영수증번호: {s.no}"),
        Text(f"판매일시: {s.when}"),
        Text(f"POS: 01   담당: {KO_GOGI_STAFF[seq % 3]}"),
        Rule(),
        Row(("메뉴", "단가", "수량", "금액"), c),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, WHOLE(ln.price), str(ln.qty), WHOLE(ln.amount)), c))
        if ln.discount:
            ops.append(Row(("  점심할인", WHOLE(ln.discount)), off))
    ops += [Rule(), pair("합계금액", WHOLE(s.subtotal))]
    if line_off:
        ops.append(pair("할인금액", WHOLE(line_off)))
    if s.savings:
        ops.append(pair(s.savings_label, WHOLE(-s.savings)))
    ops += [
        pair("받을금액", f"{WHOLE(s.total)}원", bold=True, tall=True, right=14),
        pair("공급가액", WHOLE(s.total - vat)),
        pair("부가세", WHOLE(vat)),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    cards = [t for t in s.tenders if t.method == "card"]
    for k, card in enumerate(cards):
        n = seq * (k + 3) + k
        instalment = "03개월" if card.amount >= 50000 and n % 4 == 0 else "일시불"
        ops += [
            Rule(),
            Text(f"[신용카드 매출전표{f' {k + 1}/{len(cards)}' if len(cards) > 1 else ''}]"),
            Text(f"카드사: {KO_CARDS[n % len(KO_CARDS)]}"),
            Text(f"카드번호: {KO_GOGI_BINS[n % 4]}-{n * 7 % 100:02d}**-****-{n * 13 % 1000:03d}*"),
            Text(f"할부: {instalment}"),
            Text(f"승인번호: {n * 7919 % 90000000 + 10000000}"),
            pair("승인금액", WHOLE(card.amount)),
            Text("가맹점번호: 00917342"),
        ]
    if s.cash:
        earned = round_to(s.total * 3 / 100, 10, ROUND_DOWN)
        ops += [
            Rule(),
            Text("[현금영수증]"),
            Text("거래구분: 소득공제"),
            Text("식별번호: 010-****-2290"),
            Text(f"승인번호: {seq * 6151 % 900000000 + 100000000}"),
            Rule(),
            Text("[포인트 적립] 010-****-2290"),
            pair("적립포인트(3%)", f"{WHOLE(earned)}P"),
            pair("누적포인트", f"{WHOLE(earned + 1500 + seq * 37 % 6000)}P"),
        ]
    ops += [
        Blank(),
        Center("맛있게 드셨습니까? 감사합니다"),
        Center("단체석 예약 02-556-7788"),
        Center("건물 지하주차장 2시간 무료"),
    ]
    return ops


JA_KAITEN_PLATES = (("白", 100), ("黄", 150), ("赤", 200), ("黒", 300), ("金", 500))  # price before tax
JA_KAITEN_SIDES = (  # (name, price before tax): eaten in, 10 %
    ("茶碗蒸し", 250),
    ("あおさ味噌汁", 200),
    ("かけうどん", 350),
    ("海老天うどん", 480),
    ("フライドポテト", 300),
    ("鶏の唐揚げ", 350),
    ("わらび餅", 200),
    ("生ビール(中)", 550),
    ("コーラ", 200),
)
JA_KAITEN_TAKEOUT = (  # お持ち帰り at the takeout counter: food taken home, 8 %
    ("持帰 にぎり10貫", 1200),
    ("持帰 いなり寿司4個", 400),
    ("持帰 かっぱ巻", 250),
    ("持帰 鉄火巻", 500),
)
JA_KAITEN_RATES = (("", 10), ("※", 8))
JA_KAITEN_COUPON = Decimal(100)  # the app's coupon: 100 yen off, on the 10 % items


def ja_kaiten_price(base: int, rate: int, inside: bool) -> Decimal:
    """A menu price: before tax where the tax is added (外税), with it where it is included (内税)."""
    return Decimal(base * (100 + rate) // 100) if inside else Decimal(base)


def ja_kaiten_bases(s: Sale) -> list[tuple[int, Decimal]]:
    """Each rate's 対象 amount: its lines' sum, the coupon off the 10 % one."""
    out: list[tuple[int, Decimal]] = []
    for mark, rate in JA_KAITEN_RATES:
        base = sum((ln.amount for ln in s.lines if ln.tag == mark), Decimal(0))
        out.append((rate, base - (s.savings if not mark else 0)))
    return out


def ja_kaitenzushi_sale(rng: random.Random, v: int) -> Sale:
    inside = v in (0, 2)  # the 内税 store: prices with the tax in them
    no = rng.randint(1, 999999)
    guests = 1 + no % 4
    lines: list[Line] = []
    plates = sorted(rng.sample(JA_KAITEN_PLATES, rng.randint(2, 4)), key=lambda p: p[1])
    for k, (colour, base) in enumerate(plates):
        price = ja_kaiten_price(base, 10, inside)
        n = rng.randint(2 * guests, 4 * guests) if k == 0 else rng.randint(1, 2 * guests)
        lines.append(Line(f"{colour}皿 {price}円", Decimal(n), price, 0, code="皿"))
    for name, base in rng.sample(JA_KAITEN_SIDES, rng.randint(0, 3)):
        lines.append(Line(name, Decimal(rng.choice((1, 1, 2))), ja_kaiten_price(base, 10, inside), 0))
    if v >= 2:
        for name, base in rng.sample(JA_KAITEN_TAKEOUT, rng.randint(1, 2)):
            lines.append(Line(name, Decimal(1), ja_kaiten_price(base, 8, inside), 0, tag="※"))
    coupon = JA_KAITEN_COUPON if v == 2 else Decimal(0)
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    tax = Decimal(0)
    if not inside:  # 外税: each rate's tax on its sum, the fraction of a yen cut off
        for mark, rate in JA_KAITEN_RATES:
            tax += yen_tax(sum((ln.amount for ln in lines if ln.tag == mark), Decimal(0)), rate)
    total = subtotal - coupon + tax
    if v == 0:
        notes = (1000, 2000, 3000, 4000, 5000, 10000, 20000)
        tenders: tuple[Tender, ...] = (Tender("cash", "お預り", tendered(rng, total, notes)),)
    elif v == 1:
        tenders = (Tender("card", "クレジット", total),)
    elif v == 2:
        tenders = (Tender("other", "交通系IC", total),)
    else:
        tenders = (Tender("other", "PayPay", total),)
    fmt = "{y}年{m}月{d}日({a}) {H}:{M}" if inside else "{y}/{m}/{d}({a}) {H}:{M}"
    when = dated(rng, fmt, JA_WEEKDAYS)
    while not "11" <= when[1][11:13] <= "21":  # open from 11 to 22
        when = dated(rng, fmt, JA_WEEKDAYS)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{no:06d}",
        dated_when=when,
        savings=coupon,
        savings_label="アプリクーポン",
        tax_added=tax,
        subtotal_printed=True,  # 小計, before the coupon and the 外税
    )


def ja_kaitenzushi(s: Sale, cols: int) -> list[Op]:
    # A conveyor-belt sushi chain's receipt from the register by the exit: the chain and its store, address,
    # phone and 登録番号; 領収証 (the 内税 store) or お会計票 (the 外税 one); the date with its weekday, the
    # table (卓番, a box or the counter) and 人数, 伝票番号 or 取引No., the register and who was at it;
    # each colour of plate with its price in the name, the count and the amount, side dishes and drinks,
    # what was taken home marked ※; 皿数 and 小計, the app coupon; with 外税 each rate's 対象 and 消費税
    # added before 合計, with 内税 each rate's 対象 and 内消費税 after it; お預り and お釣り, the card's
    # approval, the IC card's balance or PayPay's payment number.
    item = (Col(None), Col(2), Col(4, "right"), Col(8, "right"))
    no = int(s.no)
    inside = not s.tax_added
    guests = 1 + no % 4
    counter = guests <= 2 and no % 3 == 0
    label = "伝票番号 " if inside else "取引No."  # the slip's number, as each store's register names it
    table = f"カウンター {no % 16 + 1}" if counter else f"ボックス {no % 30 + 1}"
    ops: list[Op] = [Title("回転寿司 すし丸")]
    if inside:
        ops += [
            Center("横浜港北ニュータウン店"),
            Center("神奈川県横浜市都筑区中川中央1-28-5"),
            Center("TEL 045-914-3380"),
        ]
    else:
        ops += [
            Center("八王子みなみ野店"),
            Center("東京都八王子市兵衛1-6-2"),
            Center("TEL 042-632-7751"),
        ]
    ops += [
        Center("登録番号 T3020001095487"),
        Blank(),
        Center("領 収 証" if inside else "お会計票", bold=True),
        Text(s.when),
        Row((f"卓番 {table}", f"人数 {guests}名"), (Col(None), Col(10))),
        Text(f"{label}{s.no}  レジ01  担当 {('中村', '山本', '小川')[no % 3]}"),
        Rule(),
        Row(("品名", "", "数量", "金額"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, ln.tag, str(ln.qty), f"¥{WHOLE(ln.amount)}"), item))
    plates = sum((int(ln.qty) for ln in s.lines if ln.code == "皿"), 0)
    ops += [
        Rule(),
        pair("お皿 合計", f"{plates}皿"),
        pair(f"小計 {pieces(s.lines)}点", f"¥{WHOLE(s.subtotal)}"),
    ]
    if s.savings:
        ops.append(pair(s.savings_label, f"-¥{WHOLE(s.savings)}"))
    bases = [(rate, base) for rate, base in ja_kaiten_bases(s) if base]
    if not inside:
        for rate, base in bases:
            ops += [
                pair(f"  ({rate}%対象", f"¥{WHOLE(base)})"),
                pair(f"  消費税 {rate}%", f"¥{WHOLE(yen_tax(base, rate))}"),
            ]
    ops.append(pair("合計", f"¥{WHOLE(s.total)}", bold=True, tall=True))
    if inside:
        for rate, base in bases:
            ops += [
                pair(f"({rate}%対象", f"¥{WHOLE(base)})"),
                pair(f"(内消費税 {rate}%", f"¥{WHOLE(ja_drug_tax(base, rate))})"),
            ]
    ops.append(Rule())
    for t in s.tenders:
        ops.append(pair(t.label, f"¥{WHOLE(t.amount)}"))
    if s.cash:
        ops.append(pair("お釣り", f"¥{WHOLE(s.change)}"))
    pay = s.tenders[0]
    if pay.method == "card":
        ops += [
            Text(f"  VISA  ************{no * 53 % 10000:04d}"),
            Text(f"  承認番号 {no * 7919 % 1000000:06d}  支払区分 一括"),
        ]
    elif pay.label == "交通系IC":
        ops += [
            Text(f"  Suica  JE** **** **** {no * 37 % 10000:04d}"),
            pair("  残高", f"¥{WHOLE(Decimal(300 + no * 131 % 9000))}"),
        ]
    elif pay.label == "PayPay":
        ops.append(Text(f"  決済番号 {s.iso[:10].replace('-', '')}{no * 6151 % 10**8:08d}"))
    ops.append(Blank())
    if any(ln.tag for ln in s.lines):
        ops.append(Text("※印は軽減税率(8%)対象商品です"))
    ops += [
        Center("ご来店ありがとうございました"),
        Center("公式アプリで待ち時間なしのご予約を"),
        Barcode(f"21{no:06d}{s.iso[5:7]}{s.iso[8:10]}"),
    ]
    return ops


ZH_HK_MARKET = (  # (name as printed, price, the offer it is on)
    ("維他檸檬茶 VITA LEMON TEA x6", "17.90", "A"),
    ("維他奶原味 VITASOY x6", "16.90", "A"),
    ("出前一丁麻油味 DEMAE ITCHO x5", "19.90", "B"),
    ("合味道杯麵 CUP NOODLES", "8.90", ""),
    ("嘉頓生命麵包 GARDEN BREAD", "15.50", ""),
    ("維記鮮奶 KOWLOON MILK 946ML", "24.90", ""),
    ("金象米 ELEPHANT RICE 5KG", "78.00", ""),
    ("李錦記蠔油 LKK OYSTER SAUCE", "22.90", "B"),
    ("淘大生抽 AMOY SOY SAUCE", "18.90", "B"),
    ("可口可樂 COCA-COLA x8", "39.90", ""),
    ("藍妹啤酒 BLUE GIRL BEER x6", "52.90", "C"),
    ("得寶紙巾 TEMPO TISSUE x18", "36.90", ""),
    ("雀巢咖啡 NESCAFE 200G", "68.90", ""),
    ("新鮮菜心 CHOI SUM 300G", "12.90", ""),
    ("新奇士橙 SUNKIST ORANGE x4", "24.00", ""),
    ("雞蛋 FRESH EGGS x10", "21.50", ""),
)
ZH_HK_MARKET_OFFERS = {  # the multi-buy offers: (as printed, how many, for how much)
    "A": ("任選2件$30", 2, Decimal(30)),
    "B": ("任選3件$50", 3, Decimal(50)),
    "C": ("2件$88", 2, Decimal(88)),
}
ZH_HK_MARKET_BAG = Line("購物膠袋徵費 BAG LEVY", Decimal(1), Decimal("1.00"))  # $1 a bag, since 2022
ZH_HK_MARKET_NOTES = (20, 50, 100, 150, 200, 300, 500, 1000)


def zh_hk_market_offer_off(ln: Line, offer: str) -> Decimal:
    """What a multi-buy offer takes off a line: each full set bought at the offer's price."""
    _, n, price = ZH_HK_MARKET_OFFERS[offer]
    return (ln.qty // n) * (n * ln.price - price)


def zh_hant_hk_supermarket_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for name, price, offer in rng.sample(ZH_HK_MARKET, rng.randint(4, 8)):
        if offer and rng.random() < 0.7:  # bought to get the offer
            qty = Decimal(ZH_HK_MARKET_OFFERS[offer][1])
            ln = Line(name, qty, Decimal(price), tag=offer)
            lines.append(replace(ln, discount=-zh_hk_market_offer_off(ln, offer)))
        else:
            lines.append(Line(name, Decimal(rng.choice((1, 1, 1, 2))), Decimal(price)))
    if v != 2:
        lines.append(replace(ZH_HK_MARKET_BAG, qty=Decimal(rng.choice((1, 1, 2)))))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("cash", "現金 CASH", tendered(rng, total, ZH_HK_MARKET_NOTES)),)
    elif v == 2:
        tenders = (Tender("card", rng.choice(("VISA", "MASTERCARD")), total),)
    elif v == 3:
        tenders = (
            (Tender("alipay", "AlipayHK", total),)
            if rng.random() < 0.5
            else (Tender("wechat", "WeChat Pay HK", total),)
        )
    else:
        tenders = (Tender("other", "八達通 OCTOPUS", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 999999):06d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 8, 22),
        subtotal_printed=True,  # 小計 SUBTOTAL, the articles at their prices before the offers
    )


def zh_hant_hk_supermarket(s: Sale, cols: int) -> list[Op]:
    # A Hong Kong supermarket chain's receipt in Big5, Chinese with English: the chain, the store's number
    # and district, its address and phone; 單號 Receipt No., the till and the cashier, 日期 Date (day first);
    # each article's Chinese and English name on one line with its amount, "2 @ 17.90" under it, the offer
    # it was bought on and what it saved under that; the bag levy; 小計 SUBTOTAL, 優惠 DISCOUNT, 總數 TOTAL
    # in HK$; the tender: 八達通 with its card number, amount deducted and remaining value, 現金 CASH and
    # 找續 CHANGE, a card's approval, AlipayHK's or WeChat Pay HK's transaction number; 件數, the member's
    # points (a cash customer with the card); exchange within 7 days with the receipt.
    item = (Col(None), Col(9, "right"))
    seq = int(s.no)
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    ops: list[Op] = [
        Title("新城超級市場"),
        Center("SUN CITY SUPERMARKET"),
        Center("分店 Store 0417 太古城 TAIKOO SHING"),
        Center("太古城道18號太古城中心地下"),
        Center("電話 Tel: 2567 8901"),
        Rule(),
        Text(f"單號 Receipt No.: {s.no}"),
        Row(("收銀機 POS: 03", f"收銀員: {1020 + seq % 40}"), (Col(None), Col(14))),
        Text(f"日期 Date: {s.when}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, POINT(ln.amount)), item))
        if ln.qty != 1:
            ops.append(Text(f"    {ln.qty} @ {POINT(ln.price)}"))
        if ln.discount:
            ops.append(Row((f"    {ZH_HK_MARKET_OFFERS[ln.tag][0]} 優惠", POINT(ln.discount)), item))
    ops += [Rule(), pair("小計 SUBTOTAL", POINT(s.subtotal), right=14)]
    if off:
        ops.append(pair("優惠 DISCOUNT", POINT(off), right=14))
    ops.append(pair("總數 TOTAL", f"HK${POINT(s.total)}", bold=True, tall=True, right=14))
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount), right=14))
    if s.cash:
        ops.append(pair("找續 CHANGE", POINT(s.change), right=14))
    pay = s.tenders[0]
    if pay.method == "other":
        ops += [
            Text(f"八達通號碼 Octopus No.: {31400000 + seq % 9999999}({seq % 10})"),
            pair("扣除金額 Deducted", POINT(pay.amount), right=14),
            pair("餘額 Remaining Value", POINT(Decimal(seq % 450) + Decimal("23.40")), right=14),
            Text(f"機號 Device No.: 0A{seq % 997:03X}5"),
        ]
    elif pay.method == "card":
        ops += [
            Text(f"卡號 Card No.: ************{seq * 53 % 10000:04d}"),
            Text(f"批核編號 Approval Code: {seq * 7919 % 1000000:06d}"),
            Text("免簽名 NO SIGNATURE REQUIRED"),
        ]
    elif not s.cash:
        ops.append(Text(f"交易號 Trans No.: {s.iso[:10].replace('-', '')}{seq * 6151 % 10**12:012d}"))
    ops += [Rule(), pair("件數 No. of Items", str(pieces(s.lines)), right=14)]
    if s.cash:
        earned = int(s.total)
        ops += [
            Text("會員 Member: 9123****88"),
            pair("是次積分 Points Earned", str(earned), right=14),
            pair("積分結餘 Points Balance", WHOLE(Decimal(earned + 3200 + seq % 8000)), right=14),
        ]
    ops += [
        Blank(),
        Center("多謝惠顧 THANK YOU"),
        Center("憑收據7天內退換"),
        Center("Exchange within 7 days with receipt"),
        Barcode(f"0417{s.iso[8:10]}{s.iso[5:7]}03{s.no}"),
    ]
    return ops


TH_NOODLES = (  # (name, price): bowls that take a choice of noodle and soup
    ("ก๋วยเตี๋ยวเรือหมู", "50.00"),
    ("ก๋วยเตี๋ยวเรือเนื้อ", "60.00"),
    ("ก๋วยเตี๋ยวต้มยำหมู", "55.00"),
    ("เย็นตาโฟ", "55.00"),
    ("ก๋วยเตี๋ยวไก่ตุ๋น", "60.00"),
    ("ก๋วยเตี๋ยวหมูน้ำใส", "50.00"),
)
TH_NOODLE_KINDS = ("เส้นเล็ก", "เส้นใหญ่", "เส้นหมี่", "บะหมี่", "วุ้นเส้น")
TH_NOODLE_SOUPS = ("น้ำตก", "น้ำใส", "ต้มยำ", "แห้ง")
TH_NOODLE_EXTRA = Decimal(10)  # พิเศษ: a bigger bowl, 10 baht more
TH_NOODLE_SIDES = (
    ("เกาเหลาหมู", "60.00"),
    ("เกี๊ยวทอด", "40.00"),
    ("ลูกชิ้นทอด", "40.00"),
    ("ข้าวเปล่า", "10.00"),
    ("หมูสะเต๊ะ 10 ไม้", "80.00"),
)
TH_NOODLE_DRINKS = (
    ("ชาเย็น", "30.00"),
    ("โอเลี้ยง", "25.00"),
    ("น้ำกระเจี๊ยบ", "25.00"),
    ("น้ำเปล่า", "10.00"),
    ("น้ำอัดลม", "20.00"),
)
TH_NOODLE_SERVICE = 10
TH_NOODLE_VAT = Decimal(7)
TH_NOODLE_MEMBER = 10  # a member's 10 % off the bill
TH_NOODLE_COUPON = Decimal(20)  # a LINE coupon, 20 baht off a take-away order
# The date as each till prints it: the tablets at the tables in the Buddhist era (2569), one of them with the
# seconds, the mall branch's and the take-away counter's in the Christian era.
TH_NOODLE_DATES = (
    "{d}/{m}/2569 {H}:{M}",
    "{d}/{m}/{y} {H}:{M}",
    "{d}/{m}/2569 {H}:{M}:{S}",
    "{d}/{m}/{y} {H}:{M}",
)


def th_noodle_shop_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for name, price in rng.sample(TH_NOODLES, rng.randint(1, 3)):
        extra = rng.random() < 0.4
        note = [rng.choice(TH_NOODLE_KINDS), rng.choice(TH_NOODLE_SOUPS)]
        if extra:
            note.append(f"พิเศษ +{WHOLE(TH_NOODLE_EXTRA)}")
        lines.append(
            Line(
                name,
                Decimal(rng.choice((1, 1, 1, 2))),
                Decimal(price) + (TH_NOODLE_EXTRA if extra else 0),
                note="\n".join(note),
            )
        )
    lines += pick(rng, TH_NOODLE_SIDES, (0, 2), qtys=(1, 1, 2))
    lines += pick(rng, TH_NOODLE_DRINKS, (1, 2), qtys=(1, 1, 2, 3))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    cent = Decimal("0.01")
    savings = Decimal(0)
    if v == 2:
        savings = (subtotal * TH_NOODLE_MEMBER / 100).quantize(cent, rounding=ROUND_HALF_UP)
    elif v == 3:
        savings = TH_NOODLE_COUPON
    service = Decimal(0)
    if v == 1:  # the mall branch: a service charge and VAT both added (prices "++")
        service = ((subtotal - savings) * TH_NOODLE_SERVICE / 100).quantize(cent, rounding=ROUND_HALF_UP)
    vat = Decimal(0)
    if v in (1, 3):
        vat = ((subtotal - savings + service) * TH_NOODLE_VAT / 100).quantize(cent, rounding=ROUND_HALF_UP)
    total = subtotal - savings + service + vat
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "บัตรเครดิต", total),)
    elif v == 3:  # VAT added leaves satang no coin pays: the take-away customer scans the QR code
        tenders = (Tender("other", "โอนเงิน (พร้อมเพย์)", total),)
    else:
        tenders = (Tender("cash", "เงินสด", tendered(rng, total, (100, 200, 300, 500, 1000, 1500, 2000))),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"RC{rng.randint(1, 99999):06d}",
        dated_when=dated_between_hours(rng, TH_NOODLE_DATES[v], 9, 21),
        savings=savings,
        savings_label=f"ส่วนลดสมาชิก {TH_NOODLE_MEMBER}%" if v == 2 else "คูปองส่วนลด",
        tax_added=vat,
        surcharge=service,
        subtotal_printed=True,  # รวม, the food and drinks before the discount
    )


def th_noodle_shop(s: Sale, cols: int) -> list[Op]:
    # A noodle shop's bill from its tablet POS: the shop and its branch, address, phone and TAX ID;
    # ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ; เลขที่ใบเสร็จ, โต๊ะ and the guests or กลับบ้าน, the date and who
    # served; each item with its quantity before it and the amount, its noodle, soup and พิเศษ +10 under it;
    # รวม with the count, the discount, ค่าบริการ 10 % and VAT 7 % when added; ยอดสุทธิ in บาท; the tender,
    # เงินทอน, PromptPay's reference or the card's approval; with VAT included the value before VAT and the
    # VAT in it; the Wi-Fi and the POS's name at the foot.
    item = (Col(3, "right"), Col(None), Col(10, "right"))
    right = 12
    seq = int(s.no[2:])
    mall = bool(s.surcharge)
    takeaway = bool(s.tax_added) and not mall
    guests = max(1, sum((int(ln.qty) for ln in s.lines if ln.note), 0))  # a bowl each
    ops: list[Op] = [Title("ก๋วยเตี๋ยวเรือป้าแดง")]
    if mall:
        ops += [
            Center("สาขาเซ็นทรัล ลาดพร้าว ชั้น 4"),
            Center("1693 ถ.พหลโยธิน แขวงจตุจักร"),
            Center("เขตจตุจักร กรุงเทพฯ 10900"),
        ]
    else:
        ops += [
            Center("สาขาอารีย์"),
            Center("12/3 ซ.อารีย์ 2 ถ.พหลโยธิน แขวงพญาไท"),
            Center("เขตพญาไท กรุงเทพฯ 10400"),
        ]
    ops += [
        Center("โทร. 089-123-4567"),
        Center("TAX ID: 0105562012345"),
        Center("ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ", bold=True),
        Text(f"เลขที่ใบเสร็จ: {s.no}"),
        (
            Text(f"กลับบ้าน   คิวที่ {seq % 90 + 10}")
            if takeaway
            else Row((f"โต๊ะ: {seq % 20 + 1}", f"ลูกค้า: {guests} ท่าน"), (Col(None), Col(14)))
        ),
        Text(f"วันที่: {s.when}"),
        Text(f"พนักงาน: {('น้องฝน', 'น้องมายด์', 'พี่เอก')[seq % 3]}"),
        Rule(),
        Row(("", "รายการ", "ราคา"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, GROUPED(ln.amount)), item))
        for note in ln.note.split("\n") if ln.note else ():
            ops.append(Text(f"      - {note}"))
        if ln.qty != 1:
            ops.append(Text(f"      @ {GROUPED(ln.price)}"))
    ops += [Rule(), pair(f"รวม {len(s.lines)} รายการ", GROUPED(s.subtotal), right=right)]
    if s.savings:
        ops.append(pair(s.savings_label, GROUPED(-s.savings), right=right))
    if s.surcharge:
        ops.append(pair(f"ค่าบริการ {TH_NOODLE_SERVICE}%", GROUPED(s.surcharge), right=right))
    if s.tax_added:
        ops.append(pair(f"VAT {TH_NOODLE_VAT}%", GROUPED(s.tax_added), right=right))
    ops.append(pair("ยอดสุทธิ", f"{GROUPED(s.total)} บาท", bold=True, tall=True, right=16))
    for t in s.tenders:
        ops.append(pair(t.label, GROUPED(t.amount), right=right))
    if s.cash:
        ops.append(pair("เงินทอน", GROUPED(s.change), right=right))
    elif s.tenders[0].method == "card":
        ops += [
            Text(f"VISA  XXXX-XXXX-XXXX-{seq * 53 % 10000:04d}"),
            Text(f"APPR CODE: {seq * 7919 % 1000000:06d}"),
        ]
    else:
        ops.append(Text(f"เลขอ้างอิง: {seq * 6151 % 10**12:012d}"))
    if not s.tax_added:
        vat = included_tax(s.total, TH_NOODLE_VAT)
        ops += [
            Rule(),
            pair("มูลค่าก่อน VAT", GROUPED(s.total - vat), right=right),
            pair(f"VAT {TH_NOODLE_VAT}% (รวมในราคา)", GROUPED(vat), right=right),
        ]
    ops += [
        Rule(),
        Center("ขอบคุณที่อุดหนุนค่ะ"),
        Center("Wi-Fi: PADAENG_GUEST  รหัส: 12345678"),
        Center("Powered by TabPOS"),
    ]
    return ops


TEMPLATES += (
    Template(
        "ko-gogi",
        "Korean",
        "KRW",  # 받을금액 ...원
        ko_gogi_sale,
        ko_gogi,
        (
            Encoder(RL, "epson", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "citizen", "korean-80mm", 48, "cp949"),
            Encoder(RL, "sii", "korean-80mm", 42, "ksc5601"),
        ),
        variants=4,
    ),
    Template(
        "ja-kaitenzushi",
        "Japanese",
        "JPY",
        ja_kaitenzushi_sale,
        ja_kaitenzushi,
        (
            Encoder(RL, "epson", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
            Encoder(RL, "sii", "japanese-80mm", 42, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "zh-hant-hk-supermarket",
        "traditional Chinese",
        "HKD",  # 總數 TOTAL HK$
        zh_hant_hk_supermarket_sale,
        zh_hant_hk_supermarket,
        (
            Encoder(RL, "epson", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "citizen", "taiwan-80mm", 48, "cp950"),
            Encoder(RL, "escpos", "taiwan-80mm", 42, "big5"),
        ),
        variants=4,
    ),
    Template(
        "th-noodle-shop",
        "Thai",
        "THB",  # ยอดสุทธิ ... บาท
        th_noodle_shop_sale,
        th_noodle_shop,
        # TIS-620 from receiptline on a generic ESC/POS printer; Thai Character Code 11 and 13 from
        # receipt-printer-encoder on an Epson and a Fujitsu.
        (
            Encoder(RL, "generic", "generic-80mm", 42, "tis620"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "thai11"),
            Encoder(RPE, "fujitsu-fp1000", "fujitsu-80mm", 48, "thai13"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: an Ankara
# ocakbaşı's receipts (tr-restoran: the new-generation ÖKC's fiscal receipt with "2 ADET X 420,00" over an
# item, its KDV %10 for food and %20 for alcohol, TOPKDV and TOPLAM after the fiscal star, NAKİT and PARA
# ÜSTÜ, KREDİ KARTI with the bank's lines on the same paper, a lunch paid partly by YEMEK KARTI, the table and
# the waiter at the foot with the Z and EKÜ numbers; or the restaurant program's HESAP FİŞİ with its adisyon
# number, masa, garson, kişi and the time the table opened, an İkram under an item, İndirim %10, the bill
# split between card and cash), a Poznań bakery's PARAGON FISKALNY (pl-piekarnia: bread by the piece and by
# the kilo, "0,452 kg x 12,90", a Rabat under an item with the value after it, PTU A 23 %, B 8 % and C 5 %,
# SUMA PTU and SUMA PLN, Gotówka and Reszta, Karta or BLIK, the buyer's NIP, the printout counter at the top
# and the paragon's number at the foot), an Auckland dairy's TAX INVOICE (en-nz-dairy: a 12-hour clock,
# Lotto and phone top-ups as agency sales outside GST, a 2-for deal under the item, cash rounded to 10 cents,
# EFTPOS, Visa payWave, the lotto in cash and the rest on EFTPOS, "Total includes GST") and a Mexican
# convenience store's ticket (es-mx-oxxo: CANT, DESCRIPCION, PRECIO and IMPORTE with each article's tax
# letter, a 2x promotion, SUBTOTAL before taxes, IEPS and IVA 16 % taken out of the prices, the Redondeo
# donated to a foundation added before TOTAL, the sum in words in M.N., EFECTIVO and SU CAMBIO, TARJETA with
# its approval, VALES with cash).

TR_RESTORAN_MENU = (  # (the ÖKC's name, the restaurant program's name, price, KDV %): food and soft drinks
    ("MERCİMEK ÇORBA", "Mercimek Çorba", "95.00", "10"),
    ("İÇLİ KÖFTE", "İçli Köfte", "110.00", "10"),
    ("HUMUS", "Humus", "120.00", "10"),
    ("ACILI EZME", "Acılı Ezme", "95.00", "10"),
    ("ÇOBAN SALATA", "Çoban Salata", "110.00", "10"),
    ("LAHMACUN", "Lahmacun", "110.00", "10"),
    ("ADANA KEBAP", "Adana Kebap", "420.00", "10"),
    ("URFA KEBAP", "Urfa Kebap", "420.00", "10"),
    ("KUZU ŞİŞ", "Kuzu Şiş", "520.00", "10"),
    ("TAVUK KANAT", "Tavuk Kanat", "340.00", "10"),
    ("BEYTİ SARMA", "Beyti Sarma", "480.00", "10"),
    ("KÜNEFE", "Künefe", "210.00", "10"),
    ("AYRAN", "Ayran", "45.00", "10"),
    ("ŞALGAM", "Şalgam", "50.00", "10"),
    ("KOLA 33 CL", "Kola 33 cl", "70.00", "10"),
    ("TÜRK KAHVESİ", "Türk Kahvesi", "85.00", "10"),
)
TR_RESTORAN_ALKOL = (  # alcohol: KDV %20, never on a meal card
    ("EFES PİLSEN 50 CL", "Efes Pilsen 50 cl", "180.00", "20"),
    ("RAKI DUBLE", "Rakı Duble", "260.00", "20"),
    ("YENİ RAKI 35 CL", "Yeni Rakı 35 cl", "1150.00", "20"),
    ("ŞARAP KADEH", "Şarap Kadeh", "220.00", "20"),
)
TR_RESTORAN_CAY = ("ÇAY", "Çay", "25.00", "10")
TR_RESTORAN_GARSON = ("EMRE", "AYŞE", "MEHMET", "BURAK", "CEREN")  # no I: title() would not say ı or i
TR_RESTORAN_CASH = (500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 15000)
TR_RESTORAN_INDIRIM = 10  # the regulars' İndirim %10 on the program's bill


def tr_restoran_sale(rng: random.Random, v: int) -> Sale:
    adisyon = v == 2  # the restaurant program's HESAP FİŞİ; else the ÖKC's fiscal receipt
    lunch = v == 3
    k = 1 if adisyon else 0  # the name the receipt prints: the program's or the ÖKC's

    def line(item: tuple[str, str, str, str], qty: int) -> Line:
        return Line(item[k], Decimal(qty), Decimal(item[2]), tag=item[3])

    lines = [
        line(item, rng.choice((1, 1, 2, 2, 3))) for item in rng.sample(TR_RESTORAN_MENU, rng.randint(3, 6))
    ]
    if not lunch:
        lines += [
            line(item, rng.choice((1, 1, 2, 3))) for item in rng.sample(TR_RESTORAN_ALKOL, rng.randint(1, 2))
        ]
    savings = Decimal(0)
    if adisyon:  # the tea after the meal on the house, and the regulars' discount
        lines.append(replace(line(TR_RESTORAN_CAY, rng.randint(2, 4)), note="İkram"))
        lines[-1] = replace(lines[-1], discount=-lines[-1].amount)
        net = sum((ln.net for ln in lines), Decimal(0))
        savings = (net * TR_RESTORAN_INDIRIM / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = sum((ln.net for ln in lines), Decimal(0)) - savings
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "NAKİT", tendered(rng, total, TR_RESTORAN_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "KREDİ KARTI", total),)
    elif v == 2:  # the bill split: one pays about half by card, the other the rest in cash
        card = round_to(total / 2, 10, ROUND_DOWN).quantize(Decimal("0.01"))
        tenders = (
            Tender("card", "Kredi Kartı", card),
            Tender("cash", "Nakit", tendered(rng, total - card, TR_RESTORAN_CASH)),
        )
    else:  # the meal card's day allowance, the rest by credit card
        meal = min(total, Decimal(rng.choice((300, 450, 600, 750))).quantize(Decimal("0.01")))
        tenders = (Tender("other", "YEMEK KARTI", meal),)
        if meal < total:
            tenders += (Tender("card", "KREDİ KARTI", total - meal),)
    opens, closes = (11, 15) if lunch else (18, 23)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(10000, 99999)) if adisyon else f"{rng.randint(1, 180):04d}",
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", opens, closes),
        savings=savings,
        savings_label=f"İndirim %{TR_RESTORAN_INDIRIM}",
        # The bill's Ara Toplam is after the İkram, not the items' own sum: the truth states no subtotal.
    )


def tr_restoran(s: Sale, cols: int) -> list[Op]:
    # An Ankara ocakbaşı's two kinds of paper. The new-generation ÖKC's fiscal receipt: the company, address,
    # tax office and number; TARİH and SAAT, FİŞ NO; "2 ADET X 420,00" over an item bought more than once,
    # each item with its KDV rate and its amount after the fiscal star; KDV per rate, TOPKDV and TOPLAM;
    # NAKİT and PARA ÜSTÜ, YEMEK KARTI with the card's company, KREDİ KARTI with the bank's lines; the table
    # and waiter the restaurant program sends, KASİYER, Z NO, EKÜ NO and the fiscal mark (MF). Or the
    # program's HESAP FİŞİ (no fiscal value): the adisyon number, masa, garson, kişi, the time the table was
    # opened (Açılış) and the time the bill was printed and paid (Tarih: the sale's, which the truth takes);
    # Adet, Ürün, Fiyat, Tutar, an İkram under an item, Ara Toplam, İndirim %10, TOPLAM, the payments and
    # Para Üstü.
    seq = int(s.no)
    masa, garson = seq % 24 + 1, TR_RESTORAN_GARSON[seq % len(TR_RESTORAN_GARSON)]
    if any(ln.note for ln in s.lines):  # the İkram: only the program's bill has one
        return tr_restoran_adisyon(s, cols, masa, garson)
    item = (Col(None), Col(4), Col(12, "right"))
    two = (Col(None), Col(14, "right"))
    day, time_ = s.when.split()
    rates = sorted({ln.tag for ln in s.lines}, key=int)
    kdv = {rate: tr_kdv(s.lines, rate) for rate in rates}
    ops: list[Op] = [
        Title("ÇINARALTI OCAKBAŞI"),
        Center("ÇINARALTI GIDA TUR. LTD. ŞTİ."),
        Center("KIZILAY MAH. MEŞRUTİYET CAD."),
        Center("NO:27/A ÇANKAYA/ANKARA"),
        Center("TEL: 0312 419 52 60"),
        Center("KAVAKLIDERE V.D. 2140587396"),
        Blank(),
        Row((f"TARİH : {day}", f"SAAT : {time_}"), two),
        Text(f"FİŞ NO : {s.no}"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"{ln.qty} ADET X {TRY(ln.price)}"))
        ops.append(Row((ln.name, f"%{ln.tag}", f"*{TRY(ln.amount)}"), item))
    ops.append(Rule())
    for rate in rates:
        ops.append(pair(f"KDV %{rate}", f"*{TRY(kdv[rate])}", right=14))
    ops += [
        pair("TOPKDV", f"*{TRY(sum(kdv.values(), Decimal(0)))}", right=14),
        pair("TOPLAM", f"*{TRY(s.total)}", bold=True, tall=True, right=14),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"*{TRY(t.amount)}", right=14))
        if t.method == "other":
            ops.append(Text(f"  {('MULTINET', 'SODEXO')[seq % 2]}  KART NO : ****{seq * 53 % 10000:04d}"))
    if s.cash:
        ops.append(pair("PARA ÜSTÜ", f"*{TRY(s.change)}", right=14))
    if any(t.method == "card" for t in s.tenders):
        ops += [
            Rule(),
            Text("SATIŞ  -  TEMASSIZ"),
            Text(f"İŞYERİ NO : 0000006721{seq * 7 % 100000:05d}"),
            Text(f"TERMİNAL NO : 0P{seq * 31 % 1000000:06d}"),
            Text(f"KART NO : 5400 24** **** {seq * 37 % 10000:04d}"),
            Text(f"ONAY KODU : {seq * 4211 % 1000000:06d}"),
            Text("BANKA : YAPI KREDİ / WORLD"),
        ]
    ops += [
        Rule(),
        Text(f"MASA : {masa}   GARSON : {garson}"),
        Text("KASİYER : 02"),
        Row((f"Z NO : {1460 + seq // 30:04d}", "EKÜ NO : 0002"), two),
        Center("MF AV 40211876"),
        Blank(),
        Center("AFİYET OLSUN"),
    ]
    return ops


def tr_restoran_adisyon(s: Sale, cols: int, masa: int, garson: str) -> list[Op]:
    item = (Col(4, "right"), Col(None), Col(8, "right"), Col(9, "right"))
    two = (Col(None), Col(14, "right"))
    seq = int(s.no)
    opened = datetime.fromisoformat(s.iso) - timedelta(minutes=35 + seq % 80)
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops: list[Op] = [
        Title("ÇINARALTI OCAKBAŞI"),
        Center("Meşrutiyet Cad. No:27/A Çankaya/Ankara"),
        Center("Tel: 0312 419 52 60"),
        Blank(),
        Center("HESAP FİŞİ", bold=True),
        Row((f"Adisyon No : {s.no}", f"Masa : {masa}"), two),
        Row((f"Garson : {garson.title()}", f"Kişi : {seq % 5 + 2}"), two),
        Text(f"Açılış : {opened:%H:%M}"),
        Text(f"Tarih : {s.when}"),
        Rule(),
        Row(("Adet", "Ürün", "Fiyat", "Tutar"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, TRY(ln.price), TRY(ln.amount)), item))
        if ln.discount:
            ops.append(Row(("", f"  {ln.note}", "", f"-{TRY(-ln.discount)}"), item))
    ops += [Rule(), pair("Ara Toplam", TRY(net), right=14)]
    if s.savings:
        ops.append(pair(s.savings_label, f"-{TRY(s.savings)}", right=14))
    ops += [pair("TOPLAM", TRY(s.total), bold=True, tall=True, right=14), Rule(), Text("Ödemeler")]
    for t in s.tenders:
        ops.append(pair(f"  {t.label}", TRY(t.amount), right=14))
    if s.cash:
        ops.append(pair("Para Üstü", TRY(s.change), right=14))
    ops += [
        Blank(),
        Center("Fiyatlarımıza KDV dahildir"),
        Center("MALİ DEĞERİ YOKTUR"),
        Center("Mali fişinizi kasadan alınız"),
        Center("Teşekkür ederiz, yine bekleriz"),
    ]
    return ops


PL_PIEKARNIA_PTU = {"A": Decimal(23), "B": Decimal(8), "C": Decimal(5)}
PL_PIEKARNIA_SZTUKI = (  # bread, rolls and cakes by the piece: C (5 %)
    ("Chleb wiejski 800g", "9.90", "C"),
    ("Chleb żytni razowy 500g", "8.50", "C"),
    ("Chleb orkiszowy 500g", "12.90", "C"),
    ("Bagietka francuska", "4.90", "C"),
    ("Kajzerka", "0.89", "C"),
    ("Grahamka", "1.49", "C"),
    ("Bułka maślana", "2.29", "C"),
    ("Rogal świętomarciński", "14.90", "C"),
    ("Pączek z różą", "4.50", "C"),
    ("Drożdżówka z serem", "4.20", "C"),
    ("Jagodzianka", "5.90", "C"),
    ("Sernik porcja", "9.50", "C"),
    ("Szarlotka porcja", "8.90", "C"),
)
PL_PIEKARNIA_WAGA = (  # weighed, the price a kilo: C (5 %)
    ("Chleb na zakwasie", "12.90"),
    ("Chleb słonecznikowy", "16.90"),
    ("Ciasto drożdżowe", "39.90"),
    ("Pierniczki", "54.90"),
    ("Kruche ciasteczka", "49.90"),
)
PL_PIEKARNIA_NAPOJE = (  # coffee and tea to go: B (8 %); bottled water: A (23 %); juice: C (5 %)
    ("Kawa czarna", "8.00", "B"),
    ("Kawa z mlekiem", "10.00", "B"),
    ("Herbata", "6.00", "B"),
    ("Woda niegaz. 0,5l", "3.50", "A"),
    ("Sok jabłkowy 0,3l", "5.50", "C"),
)
PL_PIEKARNIA_WAGI = ("0.452", "0.386", "0.614", "0.528", "0.275", "0.731", "0.349")
PL_PIEKARNIA_PACZKI = (3, Decimal("12.00"))  # the promotion: 3 pączki for 12 zł
PL_PIEKARNIA_WIECZOREM = 30  # from 17:00, 30 % off bread and rolls
PL_PIEKARNIA_CHLEB = frozenset(("Chleb", "Bagietka", "Kajzerka", "Grahamka", "Bułka"))
PL_PIEKARNIA_BULKI = frozenset(("Kajzerka", "Grahamka", "Bułka maślana"))  # rolls, bought by the handful


def pl_piekarnia_rabat(amount: Decimal) -> Decimal:
    return -(amount * PL_PIEKARNIA_WIECZOREM / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def pl_piekarnia_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, PL_PIEKARNIA_SZTUKI, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    lines = [
        replace(ln, qty=Decimal(rng.choice((4, 5, 6, 10)))) if ln.name in PL_PIEKARNIA_BULKI else ln
        for ln in lines
    ]
    if v != 1:
        name, price = rng.choice(PL_PIEKARNIA_WAGA)
        weight = Decimal(rng.choice(PL_PIEKARNIA_WAGI))
        lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag="C"))
    if v in (1, 2):
        lines += pick(rng, PL_PIEKARNIA_NAPOJE, (1, 2), qtys=(1, 1, 2))
    if v == 2:  # 3 pączki for 12 zł: the saving as a Rabat under them
        n, promo = PL_PIEKARNIA_PACZKI
        k = next((i for i, ln in enumerate(lines) if ln.name == "Pączek z różą"), None)
        if k is None:
            lines.append(Line("Pączek z różą", Decimal(n), Decimal("4.50"), tag="C"))
            k = len(lines) - 1
        lines[k] = replace(lines[k], qty=Decimal(n))
        lines[k] = replace(lines[k], discount=promo - lines[k].price * n)
    if v == 3:  # the evening's 30 % off bread and rolls (weighed or not)
        if not any(ln.name.split()[0] in PL_PIEKARNIA_CHLEB for ln in lines):
            lines.append(Line("Chleb wiejski 800g", Decimal(1), Decimal("9.90"), tag="C"))
        lines = [
            replace(ln, discount=pl_piekarnia_rabat(ln.amount))
            if ln.name.split()[0] in PL_PIEKARNIA_CHLEB
            else ln
            for ln in lines
        ]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "Karta", total),)
    elif v == 2:
        tenders = (Tender("other", "BLIK", total),)
    else:
        tenders = (Tender("cash", "Gotówka", tendered(rng, total, PLN_CASH)),)
    opens, closes = (17, 19) if v == 3 else (6, 17)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1, 2999)),
        dated_when=dated_between_hours(rng, "{y}-{m}-{d} {H}:{M}", opens, closes),
    )


def pl_piekarnia(s: Sale, cols: int) -> list[Op]:
    # A Poznań bakery's PARAGON FISKALNY from an online register: the bakery, its company and owners, the
    # address and NIP; the date and time with the printout number (nr wydr.); the buyer's NIP when asked
    # for; each article with "4 szt. x 0,89" or "0,452 kg x 12,90" and its value with the PTU letter (a long
    # name on a line of its own), a Rabat under an article with the value after it; the sales and the PTU
    # per letter, SUMA PTU and SUMA PLN; Gotówka and Reszta, Karta or BLIK; the paragon's number, the till
    # and the cashier; the document's hash and the register's number.
    c = (Col(None), Col(17, "right"), Col(9, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("PIEKARNIA KŁOSEK"),
        Center("Piekarnia-Cukiernia Kłosek s.c."),
        Center("Marek Nowak, Joanna Nowak"),
        Center("ul. Półwiejska 14, 61-888 Poznań"),
        Center("NIP 783-164-29-05"),
        Row((s.when, f"nr wydr.{seq * 3 + 104211:06d}"), (Col(None), Col(15, "right"))),
        Center("PARAGON FISKALNY", bold=True),
    ]
    if s.tenders[0].label == "Karta":
        ops.append(Text(f"NIP nabywcy: {7780000000 + seq * 3137 % 9999999}"))
    ops.append(Rule())
    room = widths(Row(("", "", ""), c), cols)[0]
    for ln in s.lines:
        weighed = ln.qty != ln.qty.to_integral()
        each = f"{qty_str(ln.qty, ',')} {'kg' if weighed else 'szt.'} x {COMMA(ln.price)}"
        value = f"{COMMA(ln.amount)} {ln.tag}"
        if text_width(ln.name) > room:
            ops += [Text(ln.name), Row(("", each, value), c)]
        else:
            ops.append(Row((ln.name, each, value), c))
        if ln.discount:
            why = (
                f"3 szt. za {COMMA(PL_PIEKARNIA_PACZKI[1])}"
                if ln.name == "Pączek z różą"
                else f"-{PL_PIEKARNIA_WIECZOREM}% od 17:00"
            )
            ops += [
                Row((f"  Rabat {why}", f"{COMMA(ln.discount)} {ln.tag}"), (Col(None), Col(9, "right"))),
                Row(("", "", f"{COMMA(ln.net)} {ln.tag}"), c),
            ]
    ops.append(Rule())
    taxes = Decimal(0)
    for tag, rate in PL_PIEKARNIA_PTU.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            taxes += tax
            ops += [
                pair(f"Sprzedaż opodatkowana {tag}", COMMA(gross)),
                pair(f"Kwota PTU {tag} {rate}%", COMMA(tax)),
            ]
    ops += [
        pair("SUMA PTU", COMMA(taxes)),
        pair("SUMA PLN", COMMA(s.total), bold=True, tall=True),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Reszta", COMMA(s.change)))
    digest = hashlib.sha1(f"klosek/{s.no}/{s.when}".encode()).hexdigest().upper()
    ops += [
        Rule(),
        Row((f"Nr paragonu: {s.no}", "Kasa nr 1"), (Col(None), Col(10, "right"))),
        Text(f"Kasjer: {('Ewa', 'Kasia', 'Tomek')[seq % 3]}"),
        Center(digest[: min(40, cols)]),
        Center("CAO 17012345"),
        Blank(),
        Center("Pieczemy codziennie od 5:00"),
        Center("Dziękujemy i zapraszamy ponownie!"),
    ]
    return ops


NZ_DAIRY_SHOP = (  # (the till's short name, price): GST 15 % included
    ("ANCHOR BLUE MILK 2L", "5.20"),
    ("VOGELS ORIGINAL 750G", "5.99"),
    ("TIP TOP SUPERSOFT", "3.80"),
    ("EGGS SIZE 7 12PK", "10.50"),
    ("WHITTAKERS DM 250G", "6.99"),
    ("PINEAPPLE LUMPS 185G", "4.99"),
    ("BLUEBIRD CHIPS 150G", "3.99"),
    ("L&P 1.5L", "4.30"),
    ("COKE 1.5L", "4.80"),
    ("RED BULL 250ML", "3.90"),
    ("MINCE & CHEESE PIE", "5.50"),
    ("STEAK PIE", "5.50"),
    ("SINGLE SCOOP CONE", "4.00"),
    ("DOUBLE SCOOP CONE", "6.00"),
    ("CHOCOLATE FISH", "1.50"),
    ("NZ HERALD", "3.80"),
    ("PALL MALL 20S", "37.90"),
)
NZ_DAIRY_AGENCY = (  # sold for Lotto NZ and the phone companies: outside the shop's GST
    ("LOTTO POWERBALL DIP", "14.00"),
    ("LOTTO 10 LINE DIP", "7.00"),
    ("INSTANT KIWI $5", "5.00"),
    ("2DEGREES TOP UP $20", "20.00"),
    ("ONE NZ PREPAY $20", "20.00"),
    ("SKINNY TOP UP $10", "10.00"),
)
NZ_DAIRY_DEALS = {"BLUEBIRD CHIPS 150G": "6.00", "COKE 1.5L": "8.00", "L&P 1.5L": "7.50"}  # 2 for $x
NZD_CASH = (5, 10, 20, 30, 40, 50, 60, 70, 100, 150, 200)


def nz_dollars(value: Decimal) -> str:
    return f"-${POINT(-value)}" if value < 0 else f"${POINT(value)}"


def en_nz_dairy_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(
        rng, [item for item in NZ_DAIRY_SHOP if item[0] != "PALL MALL 20S"], (2, 5), qtys=(1, 1, 1, 2)
    )
    if v in (1, 3):
        lines += [replace(ln, tag="#") for ln in pick(rng, NZ_DAIRY_AGENCY, (1, 2), qtys=(1, 1, 2))]
    if v == 3 and not any(ln.name.startswith(("LOTTO", "INSTANT")) for ln in lines):
        lines.append(Line("LOTTO POWERBALL DIP", Decimal(1), Decimal("14.00"), tag="#"))
    if v == 2:  # the smokes, and a 2-for deal under its item
        lines.append(Line("PALL MALL 20S", Decimal(1), Decimal("37.90")))
        name = rng.choice(sorted(NZ_DAIRY_DEALS))
        price = next(Decimal(p) for n, p in NZ_DAIRY_SHOP if n == name)
        lines = [ln for ln in lines if ln.name != name]
        lines.insert(rng.randint(0, len(lines)), Line(name, Decimal(2), price))
    lines = [
        replace(ln, discount=Decimal(NZ_DAIRY_DEALS[ln.name]) - ln.amount)
        if ln.name in NZ_DAIRY_DEALS and ln.qty == 2
        else ln
        for ln in lines
    ]
    due = sum((ln.net for ln in lines), Decimal(0))
    rounding = Decimal(0)
    if v == 0:  # no 5 cent coins since 2006: cash is rounded to 10 cents, a 5 down
        down = (due * 10).quantize(Decimal(1), ROUND_DOWN) / 10
        rounding = due - (down + Decimal("0.1") if due - down > Decimal("0.05") else down)
        tenders: tuple[Tender, ...] = (Tender("cash", "Cash", tendered(rng, due - rounding, NZD_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "EFTPOS", due),)
    elif v == 2:
        tenders = (Tender("card", "Visa payWave", due),)
    else:  # the Lotto and top-ups in cash, as the dairy asks, the rest on EFTPOS
        lotto = sum((ln.amount for ln in lines if ln.tag == "#"), Decimal(0))
        tenders = (
            Tender("cash", "Cash", tendered(rng, lotto, NZD_CASH)),
            Tender("card", "EFTPOS", due - lotto),
        )
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(100000, 199999)),
        dated_when=dated(rng, "{d}/{m}/{y} {I}:{M} {p}"),
        savings=rounding,
        savings_label="Rounding",
        # Subtotal is printed after the deals' savings: the items' own sum only when there are none.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def en_nz_dairy(s: Sale, cols: int) -> list[Op]:
    # An Auckland dairy's TAX INVOICE from its till: the shop, its address, phone and GST number; the
    # receipt number, the date and time on a 12-hour clock, the operator and till; each item with its amount
    # in dollars, "#" before Lotto and top-ups (agency sales, outside the shop's GST), "2 @ $4.80" under an
    # item bought twice and a 2-for deal's saving under that; Subtotal, cash Rounding to 10 cents, TOTAL;
    # Cash and Change, EFTPOS or Visa payWave with the terminal's customer copy (its time the sale's own);
    # "Total includes GST"; the items counted.
    item = (Col(1), Col(None), Col(8, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("KOWHAI DAIRY"),
        Center("214 Great North Road"),
        Center("Grey Lynn, Auckland 1021"),
        Center("Ph 09 376 4821"),
        Center("GST No: 118-452-307"),
        Center("TAX INVOICE", bold=True),
        Text(f"Receipt No: {s.no}"),
        Text(s.when),
        Text(f"Operator: {('Raj', 'Priya', 'Jas')[seq % 3]}   Till: 1"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(Row((ln.tag, ln.name, nz_dollars(ln.amount)), item))
        else:
            ops += [
                Row((ln.tag, ln.name, ""), item),
                Row(("", f"  {ln.qty} @ {nz_dollars(ln.price)}", nz_dollars(ln.amount)), item),
            ]
        if ln.discount:
            deal = f"  2 for {nz_dollars(Decimal(NZ_DAIRY_DEALS[ln.name]))} deal"
            ops.append(Row(("", deal, nz_dollars(ln.discount)), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), pair("Subtotal", nz_dollars(net), right=10)]
    if s.savings:
        ops.append(pair("Rounding", nz_dollars(-s.savings), right=10))
    ops.append(pair("TOTAL", nz_dollars(s.total), bold=True, tall=True, right=10))
    for t in s.tenders:
        ops.append(pair(t.label, nz_dollars(t.amount), right=10))
    if s.cash:
        ops.append(pair("Change", nz_dollars(s.change), right=10))
    gst = included_tax(sum((ln.net for ln in s.lines if ln.tag != "#"), Decimal(0)), Decimal(15))
    ops += [Rule(), pair("Total includes GST", nz_dollars(gst), right=10)]
    if any(ln.tag == "#" for ln in s.lines):
        ops.append(Text("# Agency sale - no GST"))
    day, month, _ = s.iso[:10].split("-")[::-1]
    for t in s.tenders:
        if t.method != "card":
            continue
        ops += [
            Rule(),
            Center("*** CUSTOMER COPY ***"),
            Text("KOWHAI DAIRY GREY LYNN"),
            Text(f"TERMINAL 0042{seq % 10000:04d}"),
            Text(f"{day}/{month}/26 {s.iso[11:16]}"),
            Text("EFTPOS CHQ" if t.label == "EFTPOS" else "VISA CREDIT  CONTACTLESS"),
            Text(f"CARD ************{seq * 37 % 10000:04d}"),
            pair("PURCHASE", nz_dollars(t.amount), right=10),
            Text(f"AUTH {seq * 4211 % 1000000:06d}  REF {seq % 1000:06d}"),
            Center("ACCEPTED"),
        ]
    ops += [
        Rule(),
        Text(f"Items: {pieces(s.lines)}"),
        Blank(),
        Center("Cheers - see you next time!"),
    ]
    return ops


MX_OXXO_CUOTA = Decimal("3.0818")  # the IEPS on sweetened drinks, pesos a litre (2026)
MX_OXXO_TASAS = {  # the ticket's tax letter: (IVA %, IEPS % of the price before IVA)
    "A": (Decimal(16), Decimal(0)),  # prepared food, water, phone credit
    "B": (Decimal(0), Decimal(0)),  # basic food
    "C": (Decimal(16), Decimal(0)),  # sweetened drinks: IVA, and the IEPS a litre in the price
    "D": (Decimal(0), Decimal(8)),  # snacks and sweets of high caloric density
    "E": (Decimal(16), Decimal("26.5")),  # beer
}
MX_OXXO_ARTICULOS = (  # (name, price, tax letter, litres of a sweetened drink)
    ("COCA COLA 600ML", "21.50", "C", "0.6"),
    ("COCA COLA 2L", "42.50", "C", "2"),
    ("JUMEX MANGO 450ML", "22.50", "C", "0.45"),
    ("AGUA CIEL 1L", "15.90", "A", ""),
    ("CAFE AMERICANO GDE", "25.00", "A", ""),
    ("HOT DOG JUMBO", "29.90", "A", ""),
    ("SANDWICH JAMON", "39.90", "A", ""),
    ("LECHE LALA ENT 1L", "30.50", "B", ""),
    ("PAN BLANCO GDE", "52.50", "B", ""),
    ("HUEVO 12 PZAS", "45.90", "B", ""),
    ("SABRITAS ORIG 45G", "20.50", "D", ""),
    ("DORITOS NACHO 58G", "21.50", "D", ""),
    ("GANSITO MARINELA", "19.50", "D", ""),
    ("MAZAPAN DE LA ROSA", "7.50", "D", ""),
    ("GALLETAS EMPERADOR", "24.90", "D", ""),
    ("TECATE LATA 473ML", "24.50", "E", ""),
    ("CORONA 355ML", "23.50", "E", ""),
)
MX_OXXO_LITROS = {name: Decimal(litres) for name, _, _, litres in MX_OXXO_ARTICULOS if litres}
MX_OXXO_PROMO = ("COCA COLA 600ML", 2, Decimal("38.00"))  # 2 for $38
MXN_CASH = (20, 50, 100, 200, 500, 1000)
MX_UNIDADES = ("CERO", "UNO", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE")
MX_DIEZ = ("DIEZ", "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE")  # then DIECISEIS to DIECINUEVE
MX_DECENAS = ("", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA", "OCHENTA", "NOVENTA")
MX_CENTENAS = (
    "",
    "CIENTO",
    "DOSCIENTOS",
    "TRESCIENTOS",
    "CUATROCIENTOS",
    "QUINIENTOS",
    "SEISCIENTOS",
    "SETECIENTOS",
    "OCHOCIENTOS",
    "NOVECIENTOS",
)


def mx_words(n: int) -> str:
    """A number (up to 999,999) in words as a ticket spells it: VEINTIUNO, which is VEINTIUN before MIL."""
    if n < 10:
        out = MX_UNIDADES[n]
    elif n < 16:
        out = MX_DIEZ[n - 10]
    elif n < 20:
        out = "DIECI" + MX_UNIDADES[n - 10]
    elif n == 20:
        out = "VEINTE"
    elif n < 30:
        out = "VEINTI" + MX_UNIDADES[n - 20]
    elif n < 100:
        out = MX_DECENAS[n // 10] + (f" Y {MX_UNIDADES[n % 10]}" if n % 10 else "")
    elif n == 100:
        out = "CIEN"
    elif n < 1000:
        out = MX_CENTENAS[n // 100] + (f" {mx_words(n % 100)}" if n % 100 else "")
    else:
        thousands = mx_words(n // 1000)
        thousands = thousands[:-1] if thousands.endswith("UNO") else thousands
        out = ("MIL" if n < 2000 else f"{thousands} MIL") + (f" {mx_words(n % 1000)}" if n % 1000 else "")
    return out


def mx_pesos_words(value: Decimal) -> str:
    """The total in words as the ticket prints it: (... PESOS 90/100 M.N.), UNO before PESOS being UN."""
    pesos = int(value)
    words = mx_words(pesos)
    words = words[:-1] if words.endswith("UNO") else words  # UN PESO, VEINTIUN PESOS
    cents = int((value - pesos) * 100)
    return f"({words} {'PESO' if pesos == 1 else 'PESOS'} {cents:02d}/100 M.N.)"


def mx_wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def mx_oxxo_taxes(s: Sale) -> tuple[Decimal, Decimal]:
    """The IVA and the IEPS inside the goods' prices (not the Redondeo), by the ticket's letters."""
    cent = Decimal("0.01")
    iva = ieps = Decimal(0)
    for tag, (iva_rate, ieps_rate) in MX_OXXO_TASAS.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if not gross:
            continue
        tax = included_tax(gross, iva_rate)
        iva += tax
        ieps += included_tax(gross - tax, ieps_rate)
        if tag == "C":
            litres = sum((ln.qty * MX_OXXO_LITROS[ln.name] for ln in s.lines if ln.tag == tag), Decimal(0))
            ieps += (litres * MX_OXXO_CUOTA).quantize(cent, ROUND_HALF_UP)
    return iva, ieps


def es_mx_oxxo_sale(rng: random.Random, v: int) -> Sale:
    # Food vouchers buy no beer: the voucher's sale draws from the rest.
    catalogue = [item for item in MX_OXXO_ARTICULOS if v != 3 or item[2] != "E"]
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 1, 2, 3))), Decimal(price), tag=tag)
        for name, price, tag, _ in rng.sample(catalogue, rng.randint(3 if v == 3 else 2, 6))
    ]
    if v == 2:  # the week's 2 x $38, its saving under the drinks
        name, n, price = MX_OXXO_PROMO
        lines = [ln for ln in lines if ln.name != name]
        promo = Line(name, Decimal(n), Decimal("21.50"), tag="C")
        lines.insert(rng.randint(0, len(lines)), replace(promo, discount=price - promo.amount))
    goods = sum((ln.net for ln in lines), Decimal(0))
    # The Redondeo: asked at the till, the cents up to the next peso given to the chain's foundation.
    whole = goods.quantize(Decimal(1), ROUND_DOWN)
    donation = whole + 1 - goods if v in (0, 3) and whole != goods else Decimal(0)
    total = goods + donation
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "TARJETA DEBITO", total),)
    elif v == 3:  # a paper voucher (it gives no change), the rest in cash
        vale = Decimal(max(n for n in (20, 50, 100) if n < total)).quantize(Decimal("0.01"))
        tenders = (
            Tender("other", "VALES", vale),
            Tender("cash", "EFECTIVO", tendered(rng, total - vale, MXN_CASH)),
        )
    else:
        tenders = (Tender("cash", "EFECTIVO", tendered(rng, total, MXN_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 99999):05d}",
        dated_when=dated(rng, "{d}/{m}/{y} {H}:{M}:{S}"),
        surcharge=donation,
        # SUBTOTAL on this ticket is the goods before IEPS and IVA, not their sum: the truth states none.
    )


def es_mx_oxxo(s: Sale, cols: int) -> list[Op]:
    # A Mexico City convenience store's ticket from the chain's POS: the chain's company, RFC, fiscal
    # regime and head office, the store (SUC) and its address; CAJA, TICKET, CAJERO and FECHA to the second;
    # CANT, DESCRIPCION, PRECIO and IMPORTE with each article's tax letter, a 2x promotion's saving under its
    # article; SUBTOTAL before taxes, IEPS and IVA 16 % taken out of the prices, the REDONDEO donated, TOTAL
    # and the sum in words in M.N.; EFECTIVO and SU CAMBIO, TARJETA with its approval, VALES; the articles
    # counted, the donation's foundation, where to invoice and the ticket's barcode.
    item = (Col(4, "right"), Col(None), Col(7, "right"), Col(8, "right"), Col(1))
    money = (Col(None), Col(12, "right"))
    seq = int(s.no)
    iva, ieps = mx_oxxo_taxes(s)
    goods = sum((ln.net for ln in s.lines), Decimal(0))

    def pesos(value: Decimal) -> str:
        return f"-${GROUPED(-value)}" if value < 0 else f"${GROUPED(value)}"

    ops: list[Op] = [
        Title("SIETE ESQUINAS"),
        Center("CADENA COMERCIAL SIETE ESQUINAS"),
        Center("SA DE CV"),
        Center("RFC: CCS950321AB4"),
        Center("REGIMEN: 601 GENERAL DE LEY PM"),
        Center("AV. CONSTITUYENTES 1150, MONTERREY NL"),
        Rule(),
        Center("SUC: 1427 CONDESA TAMAULIPAS"),
        Center("AV. TAMAULIPAS 84, COL. CONDESA"),
        Center("CUAUHTEMOC, CDMX, C.P. 06140"),
        Rule(),
        Row((f"CAJA: {seq % 3 + 1}", f"TICKET: {s.no}"), (Col(None), Col(16, "right"))),
        Text(f"CAJERO: {('LUIS A.', 'MARIANA G.', 'JOSE R.')[seq % 3]}"),
        Text(f"FECHA: {s.when}"),
        Rule(),
        Row(("CANT", "DESCRIPCION", "PRECIO", "IMPORTE", ""), item),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, GROUPED(ln.price), GROUPED(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(
                Row(("", f"  PROMO 2 X ${GROUPED(MX_OXXO_PROMO[2])}", "", GROUPED(ln.discount), ""), item)
            )
    ops += [
        Rule(),
        Row(("SUBTOTAL", pesos(goods - iva - ieps)), money),
        Row(("IEPS", pesos(ieps)), money),
        Row(("IVA 16%", pesos(iva)), money),
    ]
    if s.surcharge:
        ops.append(Row(("REDONDEO (DONATIVO)", pesos(s.surcharge)), money))
    ops.append(Row(("TOTAL", pesos(s.total)), money, bold=True, tall=True))
    ops += [Text(line) for line in mx_wrap(mx_pesos_words(s.total), cols)]
    ops.append(Blank())
    for t in s.tenders:
        ops.append(Row((t.label, pesos(t.amount)), money))
    if s.cash:
        ops.append(Row(("SU CAMBIO", pesos(s.change)), money))
    if any(t.method == "card" for t in s.tenders):
        ops += [
            Text(f"VISA DEBITO  ************{seq * 37 % 10000:04d}"),
            Text(f"AUT: {seq * 4211 % 1000000:06d}   OPER: {seq * 7 % 100000:05d}"),
            Text("APROBADA - FIRMA NO REQUERIDA"),
        ]
    ops += [
        Rule(),
        Text(f"ARTICULOS: {pieces(s.lines)}"),
        Text("A=IVA 16% B=IVA 0% C=IVA+IEPS/LT"),
        Text("D=IEPS 8% E=IVA+IEPS 26.5%"),
    ]
    if s.surcharge:
        ops += [
            Rule(),
            Center(f"GRACIAS POR SU DONATIVO DE {pesos(s.surcharge)}"),
            Center("A FAVOR DE FUNDACION SIETE ESQUINAS AC"),
        ]
    ops += [
        Rule(),
        Center("FACTURE SU COMPRA EN"),
        Center("facturacion.sieteesquinas.example.mx"),
        Center("DENTRO DEL MES DE SU COMPRA"),
        Barcode(f"1427{s.iso[2:10].replace('-', '')}{s.no}"),
        Center("GRACIAS POR SU COMPRA"),
    ]
    return ops


TEMPLATES += (
    Template(
        "tr-restoran",
        "Latin",
        None,  # the ÖKC prints its amounts after the fiscal star and the program's bill bare: no TL or ₺
        tr_restoran_sale,
        tr_restoran,
        # receiptline has no code page with ğ, ı and İ: two receipt-printer-encoder models in CP857 and
        # python-escpos in CP857, as the other Turkish templates.
        (
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp857"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "cp857"),
        ),
        variants=4,
    ),
    Template(
        "pl-piekarnia",
        "Latin",
        "PLN",  # SUMA PLN
        pl_piekarnia_sale,
        pl_piekarnia,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp852"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "windows1250"),  # ESC t 45
        ),
        variants=4,
    ),
    Template(
        "en-nz-dairy",
        "Latin",
        None,  # "$" alone does not say New Zealand dollars
        en_nz_dairy_sale,
        en_nz_dairy,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "star-mpop", "star-58mm", 32, "cp437"),
        ),
        variants=4,
    ),
    Template(
        "es-mx-oxxo",
        "Latin",
        "MXN",  # the sum in words: ... PESOS 00/100 M.N.
        es_mx_oxxo_sale,
        es_mx_oxxo,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp850"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a Turin
# edicola-tabacchi's DOCUMENTO COMMERCIALE (it-edicola), a Geneva pharmacy's ticket in CHF (fr-ch-pharmacie),
# a Porto supermarket's FATURA SIMPLIFICADA (pt-pt-supermercado) and a Viennese supermarket's Kassenbon under
# the RKSV (de-at-supermarkt).

IT_EDICOLA_STAMPA = (  # (name, price, natura): newspapers and magazines, the IVA paid by their publisher: N2
    ("LA STAMPA", "1.90", "N2"),
    ("CORRIERE DELLA SERA", "2.00", "N2"),
    ("LA REPUBBLICA", "1.90", "N2"),
    ("GAZZETTA DELLO SPORT", "2.00", "N2"),
    ("TUTTOSPORT", "1.50", "N2"),
    ("IL SOLE 24 ORE", "2.50", "N2"),
    ("LA SETTIMANA ENIGMISTICA", "2.00", "N2"),
    ("TOPOLINO", "4.90", "N2"),
    ("TV SORRISI E CANZONI", "1.50", "N2"),
    ("FAMIGLIA CRISTIANA", "2.50", "N2"),
    ("FOCUS", "4.90", "N2"),
    ("QUATTRORUOTE", "5.00", "N2"),
)
IT_EDICOLA_TABACCHI = (  # the monopoly's goods: the IVA paid at the source (art. 74), N2
    ("MARLBORO ROSSE 20", "6.70", "N2"),
    ("MARLBORO GOLD 20", "6.70", "N2"),
    ("CAMEL BLUE 20", "6.10", "N2"),
    ("WINSTON BLUE 20", "5.90", "N2"),
    ("CHESTERFIELD BLU 20", "5.70", "N2"),
    ("TEREA AMBER", "5.50", "N2"),
    ("DRUM ORIGINAL 30G", "7.80", "N2"),
    ("TOSCANELLO", "4.20", "N2"),
)
IT_EDICOLA_BANCO = (  # sold over the counter with IVA at 22 %
    ("ACCENDINO BIC MINI", "1.50", "22%"),
    ("CARTINE SMOKING KS", "1.00", "22%"),
    ("FILTRI 6MM", "1.20", "22%"),
    ("CHEWING GUM VIVIDENT", "1.20", "22%"),
    ("CARAMELLE RICOLA", "2.30", "22%"),
    ("ACQUA NATURALE 50CL", "1.00", "22%"),
    ("PILE DURACELL AA 4PZ", "6.90", "22%"),
    ("BIGLIETTO AUGURI", "2.90", "22%"),
)
IT_EDICOLA_FRANCOBOLLI = (  # the postal service's stamps: exempt (art. 10), N4
    ("FRANCOBOLLO B", "1.30", "N4"),
    ("FRANCOBOLLO ESTERO Z1", "2.45", "N4"),
)
IT_EDICOLA_RICARICHE = (  # phone top-ups, art. 74: N2, the number topped up masked under the line
    ("RICARICA TIM", "10.00", "N2"),
    ("RICARICA VODAFONE", "15.00", "N2"),
    ("RICARICA WINDTRE", "20.00", "N2"),
    ("RICARICA ILIAD", "10.00", "N2"),
)
IT_EDICOLA_GRATTA = (  # the state lottery's scratch cards, outside the IVA: N2
    ("GRATTA E VINCI MILIARDARIO", "5.00", "N2"),
    ("GRATTA E VINCI SETTE E MEZZO", "2.00", "N2"),
    ("GRATTA E VINCI IL PESCATORE", "3.00", "N2"),
)
IT_EDICOLA_FIGURINE = ("BUSTINA CALCIATORI", Decimal("1.20"), 5, Decimal("5.00"))  # 5 packets for 5 euro
IT_EDICOLA_NATURA = {
    "N2": "N2 = NON SOGGETTE ART.74 DPR 633/72",
    "N4": "N4 = ESENTI ART.10 DPR 633/72",
}
IT_EDICOLA_CELLULARI = ("347", "333", "328", "392", "340")


def it_edicola_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, IT_EDICOLA_STAMPA, (1, 3) if v != 2 else (0, 1), qtys=(1, 1, 1, 1, 2))
    if v == 2 or (v in (0, 3) and rng.random() < 0.7):
        lines += pick(rng, IT_EDICOLA_TABACCHI, (1, 2), qtys=(1, 1, 2))
    if v == 1:  # the counter's goods and a few stamps
        lines += pick(rng, IT_EDICOLA_BANCO, (1, 3), qtys=(1, 1, 2))
        lines += pick(rng, IT_EDICOLA_FRANCOBOLLI, (1, 1), qtys=(1, 2, 3, 4))
    if v == 2:  # the stickers' 5 packets for 5 euro, its saving under the line, and scratch cards
        name, price, n, promo = IT_EDICOLA_FIGURINE
        lines.append(Line(name, Decimal(n), price, tag="N2", discount=promo - price * n))
        lines += pick(rng, IT_EDICOLA_GRATTA, (1, 2), qtys=(1, 1, 2, 3))
        if rng.random() < 0.5:
            lines += pick(rng, IT_EDICOLA_BANCO, (1, 1), qtys=(1,))
    if v == 3:  # a phone top-up, the number it went to under the line
        name, value, tag = rng.choice(IT_EDICOLA_RICARICHE)
        phone = f"CELL. {rng.choice(IT_EDICOLA_CELLULARI)}****{rng.randint(100, 999)}"
        lines.insert(0, Line(name, Decimal(1), Decimal(value), tag=tag, note=phone))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "PAGAMENTO ELETTRONICO", total),)
    elif v == 3:  # a ten-euro note, the rest by card: the RT prints both payments
        cash = Decimal(10).quantize(total)
        tenders = (
            Tender("cash", "PAGAMENTO CONTANTE", cash),
            Tender("card", "PAGAMENTO ELETTRONICO", total - cash),
        )
    else:
        tenders = (Tender("cash", "PAGAMENTO CONTANTE", tendered(rng, total, EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        # The day's closure (azzeramento) and the document's number in it, as the RT prints them.
        no=f"{rng.randint(40, 360):04d}-{rng.randint(1, 140):04d}",
        dated_when=dated_between_hours(rng, "{d}-{m}-{y} {H}:{M}", 6, 20),
    )


def it_edicola(s: Sale, cols: int) -> list[Op]:
    # A Turin edicola-tabacchi's DOCUMENTO COMMERCIALE from its registratore telematico: the shop (the
    # rivendita's number and the owner), its address and P.IVA; DESCRIZIONE, IVA and Prezzo(€), a quantity
    # "2 x 1,90" on the line over its article, newspapers, tobacco, top-ups and scratch cards marked N2 (not
    # subject to IVA, art. 74), stamps N4 (exempt), the counter's goods 22%, a SCONTO A VALORE under its line;
    # TOTALE COMPLESSIVO and di cui IVA; PAGAMENTO CONTANTE and/or PAGAMENTO ELETTRONICO, RESTO, IMPORTO
    # PAGATO; the lottery code a card payer gives; the date and time, DOCUMENTO N. (closure-number) and the
    # RT's serial at the foot; what N2 and N4 mean.
    item = (Col(None), Col(4), Col(9, "right"))
    seq = int(s.no[-4:])
    iva = included_tax(sum((ln.net for ln in s.lines if ln.tag == "22%"), Decimal(0)), Decimal(22))
    ops: list[Op] = [
        Title("TABACCHERIA EDICOLA"),
        Center("RIVENDITA N. 127"),
        Center("di FERRERO PAOLA"),
        Center("CORSO VINZAGLIO 21"),
        Center("10121 TORINO (TO)"),
        Center("P.IVA 10584320017"),
        Center("TEL. 011 562 3318"),
        Blank(),
        Center("DOCUMENTO COMMERCIALE", bold=True),
        Center("di vendita o prestazione"),
        Blank(),
        Row(("DESCRIZIONE", "IVA", "Prezzo(€)"), item),
    ]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"{ln.qty} x {COMMA(ln.price)}"))
        ops.append(Row((ln.name, ln.tag, COMMA(ln.amount)), item))
        if ln.note:
            ops.append(Text(f"  {ln.note}"))
        if ln.discount:
            ops.append(Row(("SCONTO A VALORE", "", COMMA(ln.discount)), item))
    ops += [
        Blank(),
        pair("TOTALE COMPLESSIVO", COMMA(s.total), bold=True, tall=True),
        pair("di cui IVA", COMMA(iva)),
        Blank(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("RESTO", COMMA(s.change)))
    ops.append(pair("IMPORTO PAGATO", COMMA(s.total)))
    if s.tenders[0].method == "card":
        code = hashlib.md5(f"lotteria/{s.no}".encode()).hexdigest().upper()[:8]
        ops += [Blank(), Text(f"CODICE LOTTERIA: {code}")]
    ops += [
        Blank(),
        Center(s.when),
        Center(f"DOCUMENTO N. {s.no}"),
        Center("RT 99MEY041277"),
        Blank(),
    ]
    ops += [
        Text(text) for natura, text in IT_EDICOLA_NATURA.items() if any(ln.tag == natura for ln in s.lines)
    ]
    ops += [
        Blank(),
        Center("GRAZIE E ARRIVEDERCI"),
        Center(f"OPERATORE {seq % 2 + 1}"),
    ]
    return ops


CH_PHARMACIE_TVA = {"A": Decimal("8.1"), "B": Decimal("2.6")}  # A: normal rate, B: medicines, reduced
CH_PHARMACIE_MEDICAMENTS = (  # (name, price, Pharmacode): over-the-counter medicines, TVA 2.6 %
    ("DAFALGAN cpr 1 g 16 pce", "6.20", "2240291"),
    ("ALGIFOR Dolo forte cpr 20 pce", "12.90", "3316423"),
    ("NEO-ANGIN pastilles 24 pce", "9.90", "4178265"),
    ("OTRIVIN spray nasal 10 ml", "8.90", "2813507"),
    ("VITA-MERFEN pommade 20 g", "9.80", "1576224"),
    ("BEPANTHEN pommade 30 g", "11.90", "0654308"),
    ("RENNIE cpr à croquer 36 pce", "9.40", "5931842"),
    ("PRETUVAL rhume cpr eff 20 pce", "15.50", "6024117"),
    ("BEROCCA Boost cpr eff 15 pce", "16.90", "6402538"),
    ("STREPSILS miel citron 24 pce", "10.50", "3869071"),
    ("TOPLEXIL sirop 200 ml", "13.80", "2457316"),
    ("FENISTIL gel 30 g", "12.40", "1288954"),
)
CH_PHARMACIE_PARA = (  # (name, price, Pharmacode): cosmetics, hygiene and medical devices, TVA 8.1 %
    ("AVÈNE eau thermale 300 ml", "16.50", "4913625"),
    ("EUCERIN Hyaluron crème 50 ml", "39.90", "7150382"),
    ("LOUIS WIDMER crème mains 75 ml", "18.50", "2093447"),
    ("DAYLONG sensitive SPF 50 100 ml", "29.90", "5560172"),
    ("ELMEX dentifrice 75 ml", "5.90", "0398561"),
    ("PARODONTAX dentifrice 75 ml", "7.40", "4722098"),
    ("PANSEMENTS assortis 20 pce", "6.50", "3105846"),
    ("THERMOMÈTRE digital flex", "19.90", "6671203"),
    ("LA ROCHE-POSAY Lipikar 400 ml", "32.50", "7349916"),
    ("MOUCHOIRS en papier 150 pce", "3.20", "1940552"),
)
CH_PHARMACIE_REMISE = 10  # the client card's 10 % off the parapharmacy (TVA 8.1 %), to the 5 Rappen
CH_PHARMACIE_STAFF = ("Sophie", "Mehdi", "Laure", "Nathalie")
CH_PHARMACIE_CASH = (10, 20, 30, 50, 60, 100, 150, 200, 250, 300, 400, 500)


def ch_pharmacie_remise(amount: Decimal) -> Decimal:
    """The client card's 10 % off an article, to the 5 Rappen as Swiss tills round it."""
    off = (amount * CH_PHARMACIE_REMISE / 100 * 20).quantize(Decimal(1), ROUND_HALF_UP) / 20
    return -off.quantize(Decimal("0.01"))


def fr_ch_pharmacie_sale(rng: random.Random, v: int) -> Sale:
    meds = rng.sample(CH_PHARMACIE_MEDICAMENTS, rng.randint(1, 3))
    para = rng.sample(CH_PHARMACIE_PARA, rng.randint(1 if v in (1, 3) else 0, 3))
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 1, 2))), Decimal(price), code=code, tag=tag)
        for tag, chosen in (("B", meds), ("A", para))
        for name, price, code in chosen
    ]
    rng.shuffle(lines)
    if v in (1, 3):  # the client card: its 10 % under each article of parapharmacy
        lines = [
            replace(ln, discount=ch_pharmacie_remise(ln.amount)) if ln.tag == "A" else ln for ln in lines
        ]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "TWINT", total),)
    elif v == 2:
        tenders = (Tender("card", "PostFinance Card", total),)
    else:  # cash, after a gift voucher on v3 when the bill is over it
        bon = Decimal(max((n for n in (10, 20, 50) if n < total), default=0) if v == 3 else 0).quantize(total)
        tenders = (Tender("other", "Bon cadeau", bon),) if bon else ()
        tenders += (Tender("cash", "Espèces", tendered(rng, total - bon, CH_PHARMACIE_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(210000, 489999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", 8, 19),
    )


def fr_ch_pharmacie(s: Sale, cols: int) -> list[Op]:
    # A Geneva pharmacy's ticket from its pharmacy software: the pharmacy and its company, the address, the
    # phone and the TVA number; Quittance n°, the till and the date (day.month.year), who served; each
    # article with its amount in CHF and TVA code, its Pharmacode and "2 x 6.20" on the line under it, the
    # client card's "Remise 10%" under an article of parapharmacy; Total CHF; Espèces and Rendu, a Bon cadeau,
    # TWINT or the PostFinance Card with their references; the TVA table (A 8.1 %, B 2.6 %, included); the
    # client card and its points; the wishes of the house.
    item = (Col(None), Col(9, "right"), Col(1))
    money = (Col(None), Col(10, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("PHARMACIE DU MOLARD"),
        Center("Pharmacie du Molard SA"),
        Center("Place du Molard 7"),
        Center("1204 Genève"),
        Center("Tél. 022 310 21 45"),
        Center("N° TVA CHE-105.874.326 TVA"),
        Rule(),
        Row((f"Quittance n° {s.no}", f"Caisse {seq % 3 + 1}"), (Col(None), Col(9, "right"))),
        Text(s.when),
        Text(f"Vous avez été servi(e) par {CH_PHARMACIE_STAFF[seq % 4]}"),
        Rule(),
        Row(("Article", "CHF", ""), item),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, POINT(ln.amount), ln.tag), item))
        each = f"   {ln.qty} x {POINT(ln.price)}" if ln.qty != 1 else ""
        ops.append(Text(f"  Phc {ln.code}{each}"))
        if ln.discount:
            ops.append(Row((f"  Remise {CH_PHARMACIE_REMISE}%", POINT(ln.discount), ln.tag), item))
    ops += [Rule(), Row(("Total CHF", POINT(s.total)), money, bold=True, tall=True), Blank()]
    for t in s.tenders:
        ops.append(Row((t.label, POINT(t.amount)), money))
        if t.label == "TWINT":
            ops.append(Text(f"  ID transaction {seq * 7919 % 10**8:08d}"))
        elif t.label == "PostFinance Card":
            ops.append(Text(f"  **** **** **** {seq * 37 % 10000:04d}  Aut. {seq * 4211 % 10**6:06d}"))
        elif t.label == "Bon cadeau":
            ops.append(Text(f"  Bon n° BC-{seq * 13 % 100000:05d}"))
    if s.cash:
        ops.append(Row(("Rendu", POINT(s.change)), money))
    table = (Col(4), Col(6, "right"), Col(None, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("TVA", "Taux", "Net", "TVA", "Brut"), table)]
    for tag, rate in CH_PHARMACIE_TVA.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((tag, f"{rate}%", POINT(gross - tax), POINT(tax), POINT(gross)), table))
    ops.append(Text("TVA incluse"))
    saved = -sum((ln.discount for ln in s.lines), Decimal(0))
    if saved:
        points = int(s.total)
        ops += [
            Rule(),
            Text(f"Carte client n° 7601 {seq % 10000:04d} {seq * 3 % 10000:04d}"),
            Text(f"Votre économie: CHF {POINT(saved)}"),
            Text(f"Points acquis: {points}"),
        ]
    ops += [
        Rule(),
        Center("Merci de votre visite"),
        Center("et bon rétablissement!"),
        Center("Lu-Ve 8h-19h, Sa 9h-17h"),
    ]
    return ops


PT_SUPER_IVA = {"A": Decimal(6), "B": Decimal(13), "C": Decimal(23)}
PT_SUPER_ARTIGOS = (  # (name, price, IVA letter): A 6 % basic food, B 13 % wine, C 23 % the rest
    ("LEITE UHT M/GORDO 1L", "0.89", "A"),
    ("PÃO DE FORMA 500G", "1.49", "A"),
    ("ARROZ CAROLINO 1KG", "1.39", "A"),
    ("AZEITE VIRGEM EXTRA 75CL", "7.99", "A"),
    ("OVOS CLASSE M 12UN", "2.99", "A"),
    ("IOGURTE NATURAL 4X120G", "1.19", "A"),
    ("QUEIJO FLAMENGO FATIAS", "2.29", "A"),
    ("MANTEIGA C/SAL 250G", "2.69", "A"),
    ("ÁGUA LUSO 150CL", "0.55", "A"),
    ("ATUM EM AZEITE 120G", "1.79", "A"),
    ("VINHO TINTO DOURO 75CL", "4.99", "B"),
    ("VINHO VERDE BRANCO 75CL", "3.49", "B"),
    ("COCA-COLA 150CL", "1.99", "C"),
    ("CERVEJA SUPER BOCK 6X33CL", "5.49", "C"),
    ("CAFÉ MOÍDO DELTA 250G", "3.79", "C"),
    ("CHOCOLATE LEITE 100G", "1.29", "C"),
    ("DETERGENTE LOIÇA 750ML", "1.89", "C"),
    ("PAPEL HIGIÉNICO 12 ROLOS", "4.99", "C"),
)
PT_SUPER_PESO = (  # weighed on the checkout's scale, the price a kilo: A
    ("BANANA DA MADEIRA", "1.99"),
    ("MAÇÃ GALA", "1.69"),
    ("LARANJA DO ALGARVE", "1.29"),
    ("TOMATE CHUCHA", "2.49"),
    ("BATATA BRANCA", "0.99"),
    ("PERA ROCHA", "1.79"),
)
PT_SUPER_PESOS = ("0.735", "1.248", "0.412", "0.986", "1.530", "0.655", "2.105", "0.874")
PT_SUPER_CARTAO = {  # the week's offers on the loyalty card: % off
    "AZEITE VIRGEM EXTRA 75CL": 25,
    "CAFÉ MOÍDO DELTA 250G": 30,
    "CERVEJA SUPER BOCK 6X33CL": 20,
    "QUEIJO FLAMENGO FATIAS": 25,
    "VINHO TINTO DOURO 75CL": 30,
    "PERA ROCHA": 20,
    "BANANA DA MADEIRA": 20,
}
PT_SUPER_SACO = ("SACO PLÁSTICO", "0.10", "C")
PT_SUPER_NIF = "509876544"
PT_SUPER_ADQUIRENTES = ("245831070", "182643905", "260194832", "228735106")
PT_SUPER_OPERADORES = ("Ana", "Rui", "Fátima", "Sérgio")


def pt_super_cartao(ln: Line) -> Decimal:
    return -(ln.amount * PT_SUPER_CARTAO[ln.name] / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def pt_pt_supermercado_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, PT_SUPER_ARTIGOS, (3, 7), qtys=(1, 1, 1, 1, 2, 2, 3))
    for _ in range(1 if v in (0, 2) else rng.randint(1, 2)):
        name, price = rng.choice([p for p in PT_SUPER_PESO if p[0] not in {ln.name for ln in lines}])
        weight = Decimal(rng.choice(PT_SUPER_PESOS))
        lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag="A"))
    if v in (1, 3):  # the loyalty card: the week's offers come off under their lines
        if not any(ln.name in PT_SUPER_CARTAO for ln in lines):
            name = rng.choice([n for n in PT_SUPER_CARTAO if any(a[0] == n for a in PT_SUPER_ARTIGOS)])
            price, tag = next((p, t) for n, p, t in PT_SUPER_ARTIGOS if n == name)
            lines.append(Line(name, Decimal(1), Decimal(price), tag=tag))
        lines = [
            replace(ln, discount=pt_super_cartao(ln)) if ln.name in PT_SUPER_CARTAO else ln for ln in lines
        ]
    if v != 1 and rng.random() < 0.6:
        name, price, tag = PT_SUPER_SACO
        lines.append(Line(name, Decimal(rng.choice((1, 2))), Decimal(price), tag=tag))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "Multibanco", total),)
    elif v == 2:
        tenders = (Tender("other", "MB WAY", total),)
    else:
        tenders = (Tender("cash", "Numerário", tendered(rng, total, EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"FS 041/{rng.randint(10000, 99999)}",  # the document's type, its series (the store) and number
        dated_when=dated_between_hours(rng, "{y}-{m}-{d} {H}:{M}", 8, 22),
    )


def pt_pt_supermercado(s: Sale, cols: int) -> list[Op]:
    # A Porto supermarket's FATURA SIMPLIFICADA from certified software: the company, its address and NIF;
    # the document's number (FS series/number), the date, the store, till and operator, the buyer's NIF or
    # Consumidor final; each article with its IVA letter and amount, "2 x 0,89" or "0,735 kg x 1,99 €/kg"
    # on the line under it, the loyalty card's "Desconto Cartão" under an article on offer; the articles
    # counted, TOTAL A PAGAR; Numerário and Troco, Multibanco or MB WAY; the IVA table (A 6 %, B 13 %,
    # C 23 %: incidence, IVA, total); the card's saving on this purchase and this year's; the ATCUD, the
    # Autoridade Tributária's QR code, the signature's four characters and the program's certificate.
    item = (Col(None), Col(1), Col(8, "right"))
    seq = s.no.rpartition("/")[2]
    atcud = f"JJ3KWR7M-{seq}"
    buyer = PT_SUPER_ADQUIRENTES[int(seq) % 4] if int(seq) % 2 else ""  # asked for the IRS deduction
    saved = -sum((ln.discount for ln in s.lines), Decimal(0))
    ops: list[Op] = [
        Title("Flor do Vale"),
        Center("Supermercados Flor do Vale, Lda."),
        Center("Rua de Costa Cabral 1080"),
        Center("4200-215 Porto"),
        Center(f"NIF: {PT_SUPER_NIF}"),
        Center("Tel.: 225 092 314"),
        Blank(),
        Center("FATURA SIMPLIFICADA", bold=True),
        Center("Original"),
        Text(f"N.º {s.no}"),
        Text(f"Data: {s.when}"),
        Text(f"Loja 041  Caixa {int(seq) % 9 + 1:02d}  Op.: {PT_SUPER_OPERADORES[int(seq) % 4]}"),
        Text(f"NIF adquirente: {buyer}" if buyer else "Consumidor final"),
        Rule(),
        Row(("Descrição", "", "Valor"), item),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(Row((ln.name, ln.tag, COMMA(ln.amount)), item))
        else:
            weighed = ln.qty != ln.qty.to_integral()
            each = (
                f"  {qty_str(ln.qty, ',')} kg x {COMMA(ln.price)} €/kg"
                if weighed
                else f"  {ln.qty} x {COMMA(ln.price)}"
            )
            ops += [Row((ln.name, ln.tag, ""), item), Row((each, "", COMMA(ln.amount)), item)]
        if ln.discount:
            ops.append(Row(("  Desconto Cartão", "", COMMA(ln.discount)), item))
    ops += [
        Rule(),
        Text(f"N.º de artigos: {pieces(s.lines)}"),
        pair("TOTAL A PAGAR", f"{COMMA(s.total)} €", bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Troco", COMMA(s.change)))
    table = (Col(None), Col(9, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Taxa", "Incid.", "IVA", "Total"), table)]
    qr = [
        f"A:{PT_SUPER_NIF}",
        f"B:{buyer or '999999990'}",
        "C:PT",
        "D:FS",
        "E:N",
        f"F:{s.iso[:10].replace('-', '')}",
        f"G:{s.no}",
        f"H:{atcud}",
        "I1:PT",
    ]
    taxes = Decimal(0)
    for (tag, rate), fields in zip(
        PT_SUPER_IVA.items(), (("I3", "I4"), ("I5", "I6"), ("I7", "I8")), strict=True
    ):
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            taxes += tax
            ops.append(Row((f"{tag} {rate}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
            qr += [f"{fields[0]}:{POINT(gross - tax)}", f"{fields[1]}:{POINT(tax)}"]
    ops.append(Text("IVA incluído à taxa em vigor"))
    if saved:
        ops += [
            Rule(),
            Text(f"Cartão Flor do Vale ****{int(seq) * 7 % 10000:04d}"),
            Text(f"Poupança nesta compra: {COMMA(saved)} €"),
            Text(f"Poupança acumulada em 2026: {COMMA(saved + Decimal(int(seq) % 9000) / 100)} €"),
        ]
    signature = base64.b64encode(hashlib.sha256(f"{s.no}/{s.iso}/{s.total}".encode()).digest()).decode()
    hash4 = signature[0] + signature[10] + signature[20] + signature[30]
    qr += [f"N:{POINT(taxes)}", f"O:{POINT(s.total)}", f"Q:{hash4}", "R:1893"]
    ops += [
        Rule(),
        Text(f"ATCUD: {atcud}"),
        QR("*".join(qr)),
        Text(f"{hash4}-Processado por programa"),
        Text("certificado n.º 1893/AT"),
        Blank(),
        Center("Obrigado pela sua preferência!"),
        Center("Trocas no prazo de 30 dias"),
        Center("mediante apresentação deste talão"),
    ]
    return ops


AT_MARKT_MWST = {"A": Decimal(20), "B": Decimal(10), "C": Decimal(0)}  # C: the Einwegpfand, no MwSt
AT_MARKT_LEBENSMITTEL = (  # (name, price, MwSt class): food at B 10 %
    ("Heumilch 1l", "1.79", "B"),
    ("Semmel", "0.39", "B"),
    ("Kornspitz", "0.79", "B"),
    ("Bauernbrot 750g", "3.49", "B"),
    ("Teebutter 250g", "3.29", "B"),
    ("Emmentaler Scheiben 150g", "2.79", "B"),
    ("Eier Freiland 10 Stk", "3.99", "B"),
    ("Manner Neapolitaner 75g", "1.29", "B"),
    ("Naturjoghurt 500g", "1.49", "B"),
    ("Kaffee gemahlen 500g", "7.99", "B"),
    ("Spaghetti 500g", "1.19", "B"),
    ("Sauerrahm 250g", "1.39", "B"),
)
AT_MARKT_GEBAECK = frozenset(("Semmel", "Kornspitz"))  # rolls, bought by the handful
AT_MARKT_GEWOGEN = (  # weighed, the price a kilo: B
    ("Extrawurst geschnitten", "12.99"),
    ("Bergkäse am Stück", "21.90"),
    ("Bananen", "1.99"),
    ("Äpfel Gala", "2.49"),
    ("Paradeiser", "3.49"),
)
AT_MARKT_GEWICHTE = ("0.412", "0.236", "1.184", "0.758", "0.318", "0.925", "1.406")
AT_MARKT_GETRAENKE = (  # drinks at A 20 %, each bottle or can with its 25 cents of Einwegpfand
    ("Gösser Märzen Dose", "1.49", "A"),
    ("Almdudler PET", "1.99", "A"),
    ("Römerquelle prickelnd", "0.99", "A"),
    ("Red Bull Dose", "1.49", "A"),
    ("Rauch Eistee Pfirsich", "1.79", "A"),
)
AT_MARKT_PFAND = ("Pfand Einweg", Decimal("0.25"), "C")
AT_MARKT_HAUSHALT = (  # household goods at A 20 %
    ("Spülmittel 500ml", "1.99", "A"),
    ("Zahnpasta 75ml", "2.49", "A"),
    ("Küchenrolle 4 Rollen", "3.79", "A"),
    ("Taschentücher 10er", "1.89", "A"),
)
AT_MARKT_JOE = {  # the jö Bonus Club's prices: off each piece for a member
    "Manner Neapolitaner 75g": "0.30",
    "Kaffee gemahlen 500g": "2.00",
    "Teebutter 250g": "0.50",
    "Almdudler PET": "0.40",
    "Naturjoghurt 500g": "0.30",
}
AT_MARKT_STICKER = 25  # the jö app's -25 % sticker, on one article of the customer's choice
AT_MARKT_BEDIENER = ("Anna", "Jovana", "Markus", "Elif")


def at_markt_sticker(ln: Line) -> Decimal:
    return -(ln.amount * AT_MARKT_STICKER / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def at_markt_joe(ln: Line) -> Decimal:
    return -Decimal(AT_MARKT_JOE[ln.name]) * ln.qty


def de_at_supermarkt_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, AT_MARKT_LEBENSMITTEL, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    lines = [
        replace(ln, qty=Decimal(rng.choice((2, 4, 5, 6)))) if ln.name in AT_MARKT_GEBAECK else ln
        for ln in lines
    ]
    if v != 1:
        name, price = rng.choice(AT_MARKT_GEWOGEN)
        weight = Decimal(rng.choice(AT_MARKT_GEWICHTE))
        lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag="B"))
    if v in (1, 3):
        lines += pick(rng, AT_MARKT_HAUSHALT, (1, 2), qtys=(1, 1, 2))
    if v in (0, 2, 3):  # drinks, each with its Pfand on the line after it
        for ln in pick(rng, AT_MARKT_GETRAENKE, (1, 2), qtys=(1, 2, 2, 4, 6)):
            name, pfand, tag = AT_MARKT_PFAND
            lines += [ln, Line(name, ln.qty, pfand, tag=tag)]
    if v == 2 and not any(ln.name in AT_MARKT_JOE for ln in lines):
        lines.insert(0, Line("Manner Neapolitaner 75g", Decimal(2), Decimal("1.29"), tag="B"))
    if v in (2, 3):  # the jö Bonus Club's prices under their lines
        lines = [replace(ln, discount=at_markt_joe(ln)) if ln.name in AT_MARKT_JOE else ln for ln in lines]
    if v in (1, 3):  # the -25 % sticker on the dearest article without a jö price
        k = max(
            (i for i, ln in enumerate(lines) if not ln.discount and ln.tag != "C"),
            key=lambda i: lines[i].amount,
        )
        lines[k] = replace(lines[k], discount=at_markt_sticker(lines[k]))
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "Bankomat", total),)
    elif v == 2:
        tenders = (Tender("card", "Kreditkarte", total),)
    elif v == 3:  # a voucher of the chain's, the rest in cash
        gutschein = Decimal(10).quantize(total) if total > 10 else Decimal(0)
        tenders = (Tender("other", "Gutschein", gutschein),) if gutschein else ()
        tenders += (Tender("cash", "Bar", tendered(rng, total - gutschein, EUR_CASH)),)
    else:
        tenders = (Tender("cash", "Bar", tendered(rng, total, EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(10000, 69999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", 7, 20),
    )


def de_at_supermarkt(s: Sale, cols: int) -> list[Op]:
    # A Viennese supermarket's Kassenbon under the RKSV: the shop, its company, address, phone and UID; an
    # EUR column, each article with its amount and MwSt class (A 20 %, B 10 %, C the Pfand without MwSt),
    # "5 x 0,39" or "0,412 kg x 12,99 EUR/kg" under its name, the Einwegpfand on the line after a drink, a
    # jö Bonus or -25% Rabatt under its article; SUMME; Bar and Rückgeld, a Gutschein, Bankomat or
    # Kreditkarte with the terminal's lines; the MwSt table (net, tax, gross); what was saved and the Ös
    # collected; Bon-Nr., Kassa and Bediener, the date and time, the Kassen-ID, the RKSV's QR code and its
    # signature's first characters.
    item = (Col(None), Col(9, "right"), Col(1))
    money = (Col(None), Col(3), Col(10, "right"))
    seq = int(s.no)
    kasse = f"K{seq % 4 + 1:02d}"
    ops: list[Op] = [
        Title("HOFBAUER"),
        Center("Frischmarkt Hofbauer GmbH"),
        Center("Lerchenfelder Straße 112"),
        Center("1070 Wien"),
        Center("Tel. 01/523 18 40"),
        Center("UID: ATU63918245"),
        Blank(),
        Row(("", "EUR", ""), item),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(Row((ln.name, COMMA(ln.amount), ln.tag), item))
        else:
            weighed = ln.qty != ln.qty.to_integral()
            each = (
                f"  {qty_str(ln.qty, ',')} kg x {COMMA(ln.price)} EUR/kg"
                if weighed
                else f"  {ln.qty} x {COMMA(ln.price)}"
            )
            ops += [Row((ln.name, "", ""), item), Row((each, COMMA(ln.amount), ln.tag), item)]
        if ln.discount:
            why = "jö Bonus" if ln.name in AT_MARKT_JOE else f"-{AT_MARKT_STICKER}% Rabatt"
            ops.append(Row((f"  {why}", COMMA(ln.discount), ln.tag), item))
    ops += [Rule(), Row(("SUMME", "EUR", COMMA(s.total)), money, bold=True, tall=True)]
    for t in s.tenders:
        ops.append(Row((t.label, "EUR", COMMA(t.amount)), money))
    if s.cash:
        ops.append(Row(("Rückgeld", "EUR", COMMA(s.change)), money))
    table = (Col(None), Col(9, "right"), Col(9, "right"), Col(9, "right"))
    ops += [Rule(), Row(("MwSt", "Netto", "Steuer", "Brutto"), table)]
    gross_of: dict[str, Decimal] = {}
    for tag, rate in AT_MARKT_MWST.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        gross_of[tag] = gross
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((f"{tag} {rate}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    for t in s.tenders:
        if t.method != "card":
            continue
        ops += [
            Rule(),
            Center("*** Kundenbeleg ***"),
            Text(f"Terminal-ID: 7412{seq % 10000:04d}"),
            Text("Debit Mastercard" if t.label == "Bankomat" else "VISA Kontaktlos"),
            Text(f"Karte: ************{seq * 37 % 10000:04d}"),
            pair("Betrag EUR", COMMA(t.amount)),
            Text(f"Autorisierungs-Nr.: {seq * 4211 % 10**6:06d}"),
            Center("Zahlung erfolgt"),
        ]
    saved = -sum((ln.discount for ln in s.lines), Decimal(0))
    if saved:
        ops += [Rule(), Center(f"Sie haben heute EUR {COMMA(saved)} gespart!")]
    if any(ln.discount for ln in s.lines):
        ops += [
            Text(f"jö Bonus Club ****{seq * 53 % 10000:04d}"),
            Text(f"Gesammelte Ös: {int(s.total)}"),
        ]
    kassen_id = f"HOF1070-{kasse}"
    digest = hashlib.sha512(f"hofbauer/{s.no}/{s.iso}/{s.total}".encode()).digest()
    signature = base64.b64encode(digest).decode()
    rksv = "_".join(
        (
            "",
            "R1-AT1",
            kassen_id,
            s.no,
            s.iso,
            COMMA(gross_of["A"]),
            COMMA(gross_of["B"]),
            "0,00",
            COMMA(gross_of["C"]),
            "0,00",
            base64.b64encode(digest[:8]).decode(),
            f"{seq * 2654435761 % 16**8:08x}",
            base64.b64encode(digest[8:16]).decode(),
            signature,
        )
    )
    ops += [
        Rule(),
        Row((f"Bon-Nr.: {s.no}", f"Kassa: {seq % 4 + 1}"), (Col(None), Col(9, "right"))),
        Text(f"Bediener: {AT_MARKT_BEDIENER[seq % 4]}"),
        Text(s.when),
        Text(f"Kassen-ID: {kassen_id}"),
        QR(rksv),
        Text(f"Sig: {signature[: cols - 5]}"),
        Blank(),
        Center("Vielen Dank für Ihren Einkauf!"),
    ]
    return ops


TEMPLATES += (
    Template(
        "it-edicola",
        "Latin",
        "EUR",  # Prezzo(€)
        it_edicola_sale,
        it_edicola,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "fr-ch-pharmacie",
        "Latin",
        "CHF",
        fr_ch_pharmacie_sale,
        fr_ch_pharmacie,
        (
            Encoder(RL, "starsbcs", "star-80mm", 48, "cp858"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "windows1252"),  # ESC t 16
        ),
        variants=4,
    ),
    Template(
        "pt-pt-supermercado",
        "Latin",
        "EUR",  # TOTAL A PAGAR 23,45 €
        pt_pt_supermercado_sale,
        pt_pt_supermercado,
        (
            Encoder(RL, "citizen", "citizen-80mm", 42, "multilingual"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "de-at-supermarkt",
        "Latin",
        "EUR",  # the EUR column, SUMME EUR
        de_at_supermarkt_sale,
        de_at_supermarkt,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp437"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a Tokyo
# yakiniku restaurant's お会計 and a Yokohama branch's 領収書 (ja-yakiniku: 卓番, 人数 and 入店, meat by the
# 人前 at its @price, 飲み放題 per guest, a private room's サービス料 10 %, 消費税 10 % added (外税) at one
# store and included (内税) at the other with take-home sauce and bentō at 8 % marked ※, a LINE half-price
# offer under a line, an app coupon, 小計 and 合計, お預り and お釣り, 商品券, クレジット, PayPay and iD), a
# Shanghai noodle shop's small ticket (zh-hans-mianguan: 取餐号 big and 订单号 small, 堂食 or 外带, 加料 on
# lines of their own or as "加蛋 +2" in the bowl's price, 会员价立减 under a bowl, 打包费 or a 美团 order's
# 餐盒费, 满减, 合计 and 实付, 微信支付, 支付宝, 现金 and 找零, 线上已付), a Vietnamese minimart's HÓA ĐƠN BÁN
# LẺ from two POS programs (vi-bach-hoa: each article's barcode, SL x đơn giá and thành tiền, Khuyến mãi under
# it, fruit by the kilo, Tổng tiền hàng, Chiết khấu, Tổng thanh toán in đ, Tiền khách đưa and Tiền trả lại, a
# card, a transfer with cash and MoMo/ZaloPay; đồng grouped with points by one and commas by the other) and a
# Yekaterinburg canteen's КАССОВЫЙ ЧЕК under 54-ФЗ (ru-stolovaya: dishes by the portion, side dishes weighed
# by the kilo, a Комплексный обед as one article with its dishes under it, a staff discount, НДС не облагается
# at one canteen and НДС 22 % at another, ИТОГ, НАЛИЧНЫМИ/БЕЗНАЛИЧНЫМИ, ПОЛУЧЕНО and СДАЧА, the fiscal block).

JA_YAKINIKU_MEAT = (  # (name, the price of one 人前 before tax)
    ("上タン塩", 1980),
    ("タン塩", 1280),
    ("特選カルビ", 1880),
    ("カルビ", 1180),
    ("ハラミ", 1480),
    ("上ロース", 1680),
    ("ロース", 1080),
    ("ミスジ", 2180),
    ("ホルモン盛合せ", 1280),
    ("豚トロ", 880),
    ("鶏もも(塩)", 780),
)
JA_YAKINIKU_SIDES = (
    ("ライス(中)", 300),
    ("キムチ盛合せ", 680),
    ("ナムル盛合せ", 680),
    ("チョレギサラダ", 780),
    ("わかめスープ", 480),
    ("盛岡冷麺", 980),
    ("石焼ビビンバ", 1180),
    ("バニラアイス", 380),
)
JA_YAKINIKU_DRINKS = (
    ("生ビール(中)", 580),
    ("ハイボール", 480),
    ("レモンサワー", 480),
    ("マッコリ(グラス)", 580),
    ("ウーロン茶", 300),
    ("コーラ", 300),
)
JA_YAKINIKU_COURSE = ("飲み放題(90分)", 1650)  # a guest; the drinks then are not on the bill
JA_YAKINIKU_TAKEHOME = (("自家製たれ 300ml", 650), ("持帰り カルビ弁当", 1200))  # food taken home: 8 %
JA_YAKINIKU_SERVICE = 10  # a private room's サービス料, % of the food and drink
JA_YAKINIKU_COUPON = 10  # the app coupon's % off
JA_YAKINIKU_HALF = "上タン塩"  # LINE友だち特典: one 人前 of it at half price
JA_YAKINIKU_NOTES = (1000, 2000, 3000, 5000, 10000, 15000, 20000, 30000, 40000, 50000, 60000, 80000, 100000)


def ja_yakiniku_guests(no: int) -> int:
    return 2 + no % 5


def ja_yakiniku_sale(rng: random.Random, v: int) -> Sale:
    inside = v >= 2  # the Yokohama store: prices with the tax in them (内税)
    no = rng.randint(1, 99999)
    guests = ja_yakiniku_guests(no)
    course = v in (1, 2)

    def price(base: int, rate: int = 10) -> Decimal:
        return Decimal(base * (100 + rate) // 100) if inside else Decimal(base)

    lines: list[Line] = []
    if course:
        name, base = JA_YAKINIKU_COURSE
        lines.append(Line(name, Decimal(guests), price(base), 0, code="名"))
    meats = rng.sample(JA_YAKINIKU_MEAT, rng.randint(3, 6))
    if v == 3 and all(name != JA_YAKINIKU_HALF for name, _ in meats):
        meats[0] = JA_YAKINIKU_MEAT[0]
    for name, base in meats:
        lines.append(Line(name, Decimal(rng.randint(1, guests // 2 + 1)), price(base), 0, code="人前"))
    for name, base in rng.sample(JA_YAKINIKU_SIDES, rng.randint(1, 3)):
        # A rice each, or a dish or two to share.
        n = rng.randint(1, guests if name.startswith("ライス") else 2)
        lines.append(Line(name, Decimal(n), price(base), 0))
    if not course:
        for name, base in rng.sample(JA_YAKINIKU_DRINKS, rng.randint(1, 3)):
            lines.append(Line(name, Decimal(rng.randint(1, guests + 2)), price(base), 0))
    if v == 3:
        k = next(i for i, ln in enumerate(lines) if ln.name == JA_YAKINIKU_HALF)
        lines[k] = replace(lines[k], discount=-(lines[k].price // 2))
        for name, base in rng.sample(JA_YAKINIKU_TAKEHOME, rng.randint(1, 2)):
            lines.append(Line(name, Decimal(1), price(base, 8), 0, tag="※"))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    off = sum((ln.discount for ln in lines), Decimal(0))
    coupon = yen_tax(subtotal, JA_YAKINIKU_COUPON) if v == 2 else Decimal(0)
    service = yen_tax(subtotal, JA_YAKINIKU_SERVICE) if v == 1 else Decimal(0)
    tax = Decimal(0) if inside else yen_tax(subtotal + service, 10)
    total = subtotal + off - coupon + service + tax
    if v == 0:  # a gift voucher or two, the rest in cash
        gift = Decimal(1000 * min(rng.randint(1, 5), int(total) // 2000))
        cash = tendered(rng, total - gift, JA_YAKINIKU_NOTES)
        tenders: tuple[Tender, ...] = (Tender("cash", "お預り", cash),)
        if gift:
            tenders = (Tender("other", "商品券", gift), *tenders)
    elif v == 1:
        tenders = (Tender("card", "クレジット", total),)
    elif v == 2:
        tenders = (Tender("other", "PayPay", total),)
    else:
        tenders = (Tender("other", "iD", total),)
    fmt = "{y}/{m}/{d}({a}) {H}:{M}:{S}" if inside else "{y}/{m}/{d}({a}) {H}:{M}"
    when = dated(rng, fmt, JA_WEEKDAYS)
    while int(when[1][11:13]) < 19:  # open from five in the evening, the bill an hour or two later
        when = dated(rng, fmt, JA_WEEKDAYS)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{no:05d}",
        dated_when=when,
        savings=coupon,
        savings_label=f"アプリクーポン {JA_YAKINIKU_COUPON}%OFF",
        tax_added=tax,
        surcharge=service,
        subtotal_printed=True,  # 小計, before the LINE offer, the coupon, the service charge and the 外税
    )


def ja_yakiniku(s: Sale, cols: int) -> list[Op]:
    # A yakiniku restaurant's receipt from its table-order POS: the restaurant and its store, address, phone
    # and 登録番号; お会計 (the Ebisu store, 外税) or a 領収書 with its 様, the sum, 但し and 上記正に (the
    # Yokohama store, 内税); the date with its weekday (the time the bill was settled: the sale's), 卓番 and
    # 人数, 入店 (the time the table sat down, no date) and 伝票番号, the register and who served; each item
    # with its amount and "@price × quantity" with 人前 or 名 under it, ※ after what was taken home, the LINE
    # offer under its line; 小計 with the count, 値引, the app coupon, the private room's サービス料; with
    # 外税 the 10 % 対象 and 消費税 added before 合計, with 内税 each rate's 対象 and 内消費税 after it; the
    # tenders and お釣り, the card's approval, PayPay's payment number or the iD terminal's slip.
    item = (Col(None), Col(2), Col(9, "right"))
    no = int(s.no)
    inside = not s.tax_added
    guests = ja_yakiniku_guests(no)
    seated = datetime.fromisoformat(s.iso) - timedelta(minutes=60 + no % 55)
    table = f"個室{no % 4 + 1}" if s.surcharge else f"{no % 24 + 1}"
    yen = "¥{}".format
    ops: list[Op] = [Title("炭火焼肉 たけ田")]
    if inside:
        ops += [
            Center("横浜西口店"),
            Center("神奈川県横浜市西区南幸2-8-11 3F"),
            Center("TEL 045-312-0929"),
        ]
    else:
        ops += [
            Center("恵比寿店"),
            Center("東京都渋谷区恵比寿西1-4-6 B1F"),
            Center("TEL 03-5459-2291"),
        ]
    ops += [Center("登録番号 T4011001087326"), Blank()]
    if inside:
        ops += [
            Center("領 収 書", bold=True),
            Blank(),
            Text(f"{'_' * (cols - 6)} 様"),
            Center(f"{yen(WHOLE(s.total))}-", bold=True),
            Text("但し お食事代として"),
            Text("上記正に領収いたしました"),
            Blank(),
        ]
    else:
        ops.append(Center("お 会 計", bold=True))
    ops += [
        Text(s.when),
        Row((f"卓番 {table}", f"人数 {guests}名"), (Col(None), Col(10))),
        Text(f"入店 {seated:%H:%M}   伝票番号 {s.no}"),
        Text(f"レジ01   担当 {('佐藤', '鈴木', '高橋', '渡辺')[no % 4]}"),
        Rule(),
    ]
    if inside:
        ops.append(Center("<内訳>"))
    for ln in s.lines:
        ops.append(Row((ln.name, ln.tag, yen(WHOLE(ln.amount))), item))
        if ln.qty != 1 or ln.code:
            ops.append(Text(f"    @{WHOLE(ln.price)} × {ln.qty}{ln.code}"))
        if ln.discount:
            ops.append(Row(("  LINE友だち特典 半額", "", f"-{yen(WHOLE(-ln.discount))}"), item))
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    ops += [Rule(), pair(f"小計 {pieces(s.lines)}点", yen(WHOLE(s.subtotal)))]
    if off:
        ops.append(pair("値引", f"-{yen(WHOLE(off))}"))
    if s.savings:
        ops.append(pair(s.savings_label, f"-{yen(WHOLE(s.savings))}"))
    if s.surcharge:
        ops.append(pair(f"サービス料 {JA_YAKINIKU_SERVICE}%", yen(WHOLE(s.surcharge))))
    if s.tax_added:
        ops += [
            pair("(10%対象", f"{yen(WHOLE(s.subtotal + s.surcharge))})"),
            pair("消費税 10%", yen(WHOLE(s.tax_added))),
        ]
    ops.append(pair("合計", yen(WHOLE(s.total)), bold=True, tall=True))
    if inside:
        for mark, rate in (("", 10), ("※", 8)):
            base = sum((ln.net for ln in s.lines if ln.tag == mark), Decimal(0)) - (0 if mark else s.savings)
            if base:
                ops += [
                    pair(f"({rate:2d}%対象", f"{yen(WHOLE(base))})"),
                    pair(f"(内消費税 {rate:2d}%", f"{yen(WHOLE(ja_drug_tax(base, rate)))})"),
                ]
    ops.append(Rule())
    for t in s.tenders:
        ops.append(pair(t.label, yen(WHOLE(t.amount))))
    if s.cash:
        ops.append(pair("お釣り", yen(WHOLE(s.change))))
    pay = s.tenders[-1]
    if pay.method == "card":
        ops += [
            Text(f"  VISA  ************{no * 53 % 10000:04d}"),
            Text(f"  承認番号 {no * 7919 % 1000000:06d}  支払区分 一括"),
        ]
    elif pay.label == "PayPay":
        ops.append(Text(f"  決済番号 {s.iso[:10].replace('-', '')}{no * 6151 % 10**10:010d}"))
    elif pay.label == "iD":
        ops += [
            Text("  電子マネー iD"),
            Text(f"  端末番号 {no * 37 % 10**8:08d}  通番 {no % 9000 + 1000}"),
        ]
    ops.append(Blank())
    if any(ln.tag for ln in s.lines):
        ops.append(Text("※印は軽減税率(8%)対象商品です"))
    ops += [
        Center("ご来店ありがとうございました"),
        Center("ご予約はお電話または公式サイトから"),
    ]
    return ops


ZH_MIANGUAN_BOWLS = (  # (name, price): a Shanghai noodle shop's bowls
    ("葱油拌面", "15.00"),
    ("大排面", "26.00"),
    ("焖肉面", "28.00"),
    ("雪菜肉丝面", "22.00"),
    ("腰花面", "32.00"),
    ("爆鱼面", "30.00"),
    ("虾仁面", "38.00"),
    ("辣肉面", "24.00"),
    ("大肠面", "30.00"),
    ("三鲜馄饨", "20.00"),
)
ZH_MIANGUAN_TOPPINGS = (  # 加料, a bowl's worth
    ("加蛋", "2.00"),
    ("加面", "3.00"),
    ("加青菜", "3.00"),
    ("加辣肉", "8.00"),
    ("加焖肉", "10.00"),
    ("加大排", "12.00"),
)
ZH_MIANGUAN_SIDES = (
    ("卤蛋", "3.00"),
    ("凉拌黄瓜", "8.00"),
    ("炸猪排", "16.00"),
    ("小馄饨", "12.00"),
    ("酸梅汤", "6.00"),
    ("豆浆", "4.00"),
    ("可乐", "5.00"),
)
ZH_MIANGUAN_PACK = Decimal("1.00")  # 打包费 (餐盒费 on a 美团 order), a bowl
ZH_MIANGUAN_MEMBER = Decimal("2.00")  # 会员价: two yuan off each bowl
ZH_MIANGUAN_OFFERS = ((60, 8), (40, 5))  # 满减: (from, off)
ZH_MIANGUAN_CASH = (10, 20, 50, 100, 150, 200)


def zh_mianguan_offer(subtotal: Decimal) -> tuple[str, Decimal]:
    for floor, off in ZH_MIANGUAN_OFFERS:
        if subtotal >= floor:
            return f"满{floor}减{off}", Decimal(off)
    return "", Decimal(0)


def zh_hans_mianguan_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for bowl in pick(rng, ZH_MIANGUAN_BOWLS, (1, 3), qtys=(1, 1, 1, 2)):
        toppings = rng.sample(ZH_MIANGUAN_TOPPINGS, rng.choice((0, 1, 1, 2)))
        if v >= 2:  # the tablet POS and the 美团 printout: 加料 in the bowl's price, named under it
            price = bowl.price + sum((Decimal(p) for _, p in toppings), Decimal(0))
            note = "\n".join(f"{n} +{WHOLE(Decimal(p))}" for n, p in toppings)
            lines.append(replace(bowl, price=price, note=note, tag="面"))
            continue
        if v == 1:
            bowl = replace(bowl, discount=-ZH_MIANGUAN_MEMBER * bowl.qty)
        lines.append(replace(bowl, tag="面"))
        lines += [Line(n, bowl.qty, Decimal(p), tag="加料") for n, p in toppings]
    lines += pick(rng, ZH_MIANGUAN_SIDES, (0, 2), qtys=(1, 1, 2))
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    bowls = sum((ln.qty for ln in lines if ln.tag == "面"), Decimal(0))
    pack = ZH_MIANGUAN_PACK * bowls if v in (1, 3) else Decimal(0)
    label, off = zh_mianguan_offer(subtotal) if v in (0, 3) else ("", Decimal(0))
    total = sum((ln.net for ln in lines), Decimal(0)) - off + pack
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("wechat", "微信支付", total),)
    elif v == 1:
        tenders = (Tender("cash", "现金", tendered(rng, total, ZH_MIANGUAN_CASH)),)
    elif v == 2:
        tenders = (Tender("alipay", "支付宝", total),)
    else:
        tenders = (Tender("other", "线上已付", total),)
    printed, iso = dated_between_hours(rng, "{y}-{m}-{d} {H}:{M}:{S}", 7, 21)
    store = 7 if v >= 2 else 1  # the order number: the day, the branch and the day's order
    return Sale(
        tuple(lines),
        tenders,
        no=f"{iso[:10].replace('-', '')}{store:02d}{rng.randint(1, 900):04d}",
        dated_when=(printed, iso),
        savings=off,
        savings_label=f"{'美团' if v == 3 else ''}满减({label})",
        surcharge=pack,
        subtotal_printed=True,  # 合计, the bowls, 加料 and sides before any 优惠 and the 打包费
    )


def zh_hans_mianguan(s: Sale, cols: int) -> list[Op]:
    # A noodle shop's small ticket from its cashier's POS (the tablet POS in the second branch, the 美团
    # printout for a delivery order): the shop and its branch; the 取餐号 big (or 美团's #number), then
    # 订单号, 下单时间 (the sale's), the cashier and the till, 堂食 with the table or 外带;
    # 品名/(单价)/数量/金额, 加料 on lines of their own with their amounts, or named with "+2" under the bowl
    # whose price has them; 会员价立减 under a bowl; the count, 合计, 会员优惠, 打包费 or 餐盒费, 满减, 实付
    # in ￥; the tender and 找零; the member's points; a 美团 order's customer and 备注; the QR code for the
    # e-invoice.
    wide = cols >= 40
    if wide:
        c: tuple[Col, ...] = (Col(None), Col(6, "right"), Col(4, "right"), Col(8, "right"))
        sub: tuple[Col, ...] = (Col(2), Col(None), Col(6, "right"), Col(4, "right"), Col(8, "right"))
        head: tuple[str, ...] = ("品名", "单价", "数量", "金额")
    else:
        c = (Col(None), Col(4, "right"), Col(8, "right"))
        sub = (Col(2), Col(None), Col(4, "right"), Col(8, "right"))
        head = ("品名", "数量", "金额")

    def cells(ln: Line, lead: tuple[str, ...] = ()) -> tuple[str, ...]:
        price = (POINT(ln.price),) if wide else ()
        return (*lead, ln.name, *price, f"x{ln.qty}", POINT(ln.amount))

    seq = int(s.no[-4:])
    meituan = s.tenders[0].label == "线上已付"
    takeaway = bool(s.surcharge)
    pickup = f"{seq * 7 % 300 + 1:03d}"
    branch = "(漕溪北路店)" if s.no[8:10] == "07" else "(天钥桥路店)"
    ops: list[Op] = []
    if meituan:
        ops += [Title(f"#{seq % 60 + 1} 美团外卖"), Center(f"张记手工面馆{branch}"), Center("--在线支付--")]
    else:
        ops += [Center("张记手工面馆", bold=True), Center(branch), Title(f"取餐号 {pickup}")]
    ops += [
        Rule(),
        Text(f"订单号: {s.no}"),
        Text(f"下单时间: {s.when}"),
    ]
    if meituan:
        ops += [Text("期望送达: 立即送达"), Text("配送方式: 美团快送")]
    else:
        ops.append(Text(f"收银员: {('小周', '阿芳', '老陈')[seq % 3]}  机号: 0{seq % 2 + 1}"))
        ops.append(Text("就餐方式: 外带" if takeaway else f"就餐方式: 堂食  桌号: {seq % 16 + 1}"))
    ops += [Rule(), Row(head, c), Rule()]
    for ln in s.lines:
        if ln.tag == "加料":
            ops.append(Row(cells(ln, ("",)), sub))
            continue
        ops.append(Row(cells(ln), c))
        for note in ln.note.split("\n") if ln.note else ():
            ops.append(Text(f"   {note}"))
        if ln.discount:
            blank = ("",) if wide else ()
            ops.append(Row(("", "会员价立减", *blank, "", POINT(ln.discount)), sub))
    member = sum((ln.discount for ln in s.lines), Decimal(0))
    count = sum((int(ln.qty) for ln in s.lines if ln.tag != "加料"), 0)
    ops += [Rule(), Text(f"共 {count} 件"), pair("合计:", POINT(s.subtotal))]
    if member:
        ops.append(pair("会员优惠:", POINT(member)))
    if s.surcharge:
        ops.append(pair("餐盒费:" if meituan else "打包费:", POINT(s.surcharge)))
    if s.savings:
        ops.append(pair(f"{s.savings_label}:", POINT(-s.savings)))
    ops.append(pair("实付:", f"￥{POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", POINT(t.amount)))
    if s.cash:
        ops.append(pair("找零:", POINT(s.change)))
    ops.append(Rule())
    if member:
        ops += [
            Text("会员: 138****2907"),
            pair("本次积分:", str(int(s.total))),
            pair("积分余额:", str(int(s.total) + 460 + seq * 13 % 2000)),
            Rule(),
        ]
    if meituan:
        ops += [
            Text(f"顾客: 王**  手机尾号 {seq * 91 % 10000:04d}"),
            Text("地址: 徐汇区漕溪北路***号*栋"),
            Text(f"备注: {('少辣', '不要葱', '面分开装', '无')[seq % 4]}"),
            Rule(),
        ]
    ops += [
        Center("谢谢惠顾 欢迎再次光临"),
        Center("扫码开具电子发票"),
        QR(f"https://fp.example.cn/zjmg?no={s.no}"),
    ]
    return ops


VI_BACH_HOA = (  # (name, price, the EAN-13's first twelve digits)
    ("Mì Hảo Hảo tôm chua cay 75g", "4500", "893600801006"),
    ("Sữa tươi TH true MILK 180ml", "9500", "893604364001"),
    ("Nước suối Lavie 500ml", "5000", "893500181111"),
    ("Coca-Cola lon 320ml", "10000", "893504950011"),
    ("Bia Hà Nội lon 330ml", "14000", "893505630021"),
    ("Bánh mì tươi Kinh Đô", "12000", "893454400112"),
    ("Trứng gà Ba Huân hộp 10", "35000", "893614000101"),
    ("Nước mắm Chinsu 500ml", "32000", "893600701131"),
    ("Dầu gội Clear bạc hà 180g", "68000", "893460413080"),
    ("Khăn giấy Pulppy hộp 180 tờ", "26000", "893503640180"),
    ("Sữa chua Vinamilk lốc 4", "28000", "893467300401"),
    ("Bánh Oreo vani 133g", "21000", "893530302133"),
    ("Cà phê G7 3in1 hộp 18 gói", "56000", "893500960018"),
    ("Nước tăng lực Sting 330ml", "11000", "893504950330"),
    ("Kẹo cao su Doublemint", "8000", "893521001009"),
    ("Xúc xích Vissan 175g", "27000", "893500030175"),
)
VI_BACH_HOA_FRUIT = (  # (name, price a kilo, the store's code, weights on the scale: to the 100 dong)
    ("Chuối tiêu (kg)", "28000", "2000101", ("0.850", "1.150", "0.950", "1.300")),
    ("Táo Envy NZ (kg)", "120000", "2000117", ("0.465", "0.620", "0.785")),
    ("Cam sành (kg)", "35000", "2000124", ("1.160", "1.420", "0.980")),
)
VI_BACH_HOA_PROMO = (10, 15, 20)  # Khuyến mãi: % off an article, to the 100 dong
VI_BACH_HOA_MEMBER = 5  # Chiết khấu thành viên: % off the bill (the second shop's members), to the 100 dong
VI_BACH_HOA_CASH = (20000, 50000, 100000, 200000, 300000, 500000, 1000000, 2000000)


def vi_bach_hoa_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for name, price, code in rng.sample(VI_BACH_HOA, rng.randint(3, 8)):
        ln = Line(name, Decimal(rng.choice((1, 1, 1, 2, 2, 3, 4, 6))), Decimal(price), 0, code=ean13(code))
        if rng.random() < 0.3:
            pct = rng.choice(VI_BACH_HOA_PROMO)
            ln = replace(ln, tag=str(pct), discount=-round_to(ln.amount * pct / 100, 100))
        lines.append(ln)
    if v in (1, 3):
        name, price, code, weights = rng.choice(VI_BACH_HOA_FRUIT)
        fruit = Line(name, Decimal(rng.choice(weights)), Decimal(price), 0, code=code)
        lines.insert(rng.randint(0, len(lines)), fruit)
    net = sum((ln.net for ln in lines), Decimal(0))
    member = round_to(net * VI_BACH_HOA_MEMBER / 100, 100) if v == 2 else Decimal(0)
    total = net - member
    if v == 0:
        tenders: tuple[Tender, ...] = (
            Tender("cash", "Tiền khách đưa", tendered(rng, total, VI_BACH_HOA_CASH)),
        )
    elif v == 1:
        tenders = (Tender("card", "Thẻ", total),)
    elif v == 2:  # what cash the customer had, the rest by a bank transfer to the shop's QR code
        cash = Decimal(max((n for n in (20000, 50000, 100000, 200000) if n < total), default=0))
        tenders = (Tender("other", "Chuyển khoản", total - cash),)
        if cash:
            tenders = (Tender("cash", "Tiền mặt", cash), *tenders)
    else:
        tenders = (Tender("other", rng.choice(("Ví MoMo", "ZaloPay")), total),)
    # Two POS programs: the Hanoi shop's numbers its bills plainly and groups with points, the Saigon shop's
    # with HD before the number, commas and the seconds.
    pos_b = v >= 2
    fmt = "{d}/{m}/{y} {H}:{M}:{S}" if pos_b else "{d}/{m}/{y} {H}:{M}"
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"HD{rng.randint(1, 999999):06d}" if pos_b else f"{rng.randint(1, 9999999):07d}",
        dated_when=dated(rng, fmt),
        savings=member,
        savings_label=f"Chiết khấu TV {VI_BACH_HOA_MEMBER}%",
        subtotal_printed=True,  # Tổng tiền hàng, before the Khuyến mãi and the Chiết khấu
    )


def vi_bach_hoa(s: Sale, cols: int) -> list[Op]:
    # A minimart's HÓA ĐƠN BÁN LẺ from two POS programs: the shop, its address, phone (and MST); Số HĐ or
    # Mã HĐ, the date (day first), the cashier; each article's name, its barcode (the shop's code for fruit
    # by the kilo) with "SL x đơn giá" and thành tiền, its Khuyến mãi under it; Tổng số lượng, Tổng tiền
    # hàng, Khuyến mãi, Chiết khấu (0 when none), Tổng thanh toán in đ or VNĐ; each tender, Tiền trả lại;
    # the card's, transfer's or wallet's reference; the e-invoice look-up at the second shop.
    pos_b = s.no.startswith("HD")
    money = WHOLE if pos_b else VND
    mark = "." if pos_b else ","
    seq = int(s.no.removeprefix("HD"))
    row = (Col(13), Col(None, "right"), Col(9, "right"))
    off = sum((ln.discount for ln in s.lines), Decimal(0))

    def qty(ln: Line) -> str:
        whole = ln.qty == ln.qty.to_integral()
        return str(ln.qty) if whole else f"{qty_str(ln.qty, mark)} kg"

    if pos_b:
        ops: list[Op] = [
            Title("MINH PHÁT MART"),
            Center("Cửa hàng tiện lợi"),
            Center("212 Lê Văn Sỹ, P. Nhiêu Lộc, TP.HCM"),
            Center("Hotline: 1900 6868 12"),
            Center("MST: 0316789012"),
            Blank(),
            Center("HÓA ĐƠN BÁN LẺ", bold=True),
            Row((f"Mã HĐ: {s.no}", f"Quầy: 0{seq % 3 + 1}"), (Col(None), Col(8))),
            Text(f"Ngày bán: {s.when}"),
            Text(f"NV bán hàng: {('Phạm Minh Thư', 'Lê Quốc Bảo')[seq % 2]}"),
            Rule(),
            Text("STT  Tên hàng"),
            Row(("Mã vạch", "SL x Đơn giá", "T.Tiền"), row),
            Rule(),
        ]
        for i, ln in enumerate(s.lines, 1):
            ops += [
                Text(f"{i}. {ln.name}"),
                Row((ln.code, f"{qty(ln)} x {money(ln.price)}", money(ln.amount)), row),
            ]
            if ln.discount:
                ops.append(Row(("", f"Khuyến mãi -{ln.tag}%", money(ln.discount)), row))
    else:
        ops = [
            Title("BÁCH HÓA THU HÀ"),
            Center("Cửa hàng tiện lợi - Bách hóa tổng hợp"),
            Center("56 Chùa Bộc, P. Kim Liên, TP. Hà Nội"),
            Center("ĐT: 0243 852 6688 - 0912 345 678"),
            Blank(),
            Center("HÓA ĐƠN BÁN LẺ", bold=True),
            Center(f"Số HĐ: {s.no}"),
            Center(f"Ngày: {s.when}"),
            Text(f"Thu ngân: {('Nguyễn Thu Hà', 'Đỗ Văn Nam')[seq % 2]}"),
            Text("Khách hàng: Khách lẻ"),
            Rule(),
            Row(("Mã vạch", "SL x Đơn giá", "T.Tiền"), row),
            Rule(),
        ]
        for ln in s.lines:
            ops += [Text(ln.name), Row((ln.code, f"{qty(ln)} x {money(ln.price)}", money(ln.amount)), row)]
            if ln.discount:
                ops.append(Row(("", f"Khuyến mãi {ln.tag}%", money(ln.discount)), row))
    ops += [
        Rule(),
        pair("Tổng số lượng:", str(pieces(s.lines))),
        pair("Tổng tiền hàng:", money(s.subtotal)),
    ]
    if off:
        ops.append(pair("Khuyến mãi:", money(off)))
    ops.append(pair(f"{s.savings_label if s.savings else 'Chiết khấu'}:", money(-s.savings)))
    if pos_b:
        ops.append(pair("Tổng thanh toán (VNĐ):", money(s.total), bold=True, tall=True))
    else:
        ops.append(pair("Tổng thanh toán:", f"{money(s.total)}đ", bold=True, tall=True, right=14))
    ops.append(Rule())
    for t in s.tenders:
        ops.append(pair(f"{t.label}:", money(t.amount)))
    if s.cash:
        ops.append(pair("Tiền trả lại:", money(s.change)))
    pay = s.tenders[-1]
    if pay.label == "Tiền khách đưa":
        ops.append(Text("Hình thức TT: Tiền mặt"))
    elif pay.method == "card":
        ops += [
            Text(f"Thẻ VISA **** {seq * 53 % 10000:04d}"),
            Text(f"Mã chuẩn chi: {seq * 37 % 900000 + 100000}"),
        ]
    elif pay.label == "Chuyển khoản":
        ops += [
            Text("Techcombank - STK 1903 6688 0123 45"),
            Text(f"Mã GD: FT26{s.iso[5:7]}{s.iso[8:10]}{seq * 7919 % 10**6:06d}"),
        ]
    else:
        ops.append(Text(f"Mã GD {pay.label.removeprefix('Ví ')}: {2612000000 + seq * 6151 % 10**8}"))
    ops.append(Blank())
    if pos_b:
        ops += [
            Center("Tra cứu hóa đơn điện tử tại:"),
            Center("minhphatmart.vn/hddt"),
            Center(f"Mã tra cứu: {hashlib.sha256(s.no.encode()).hexdigest()[:10].upper()}"),
        ]
    ops += [
        Center("Giá đã bao gồm thuế GTGT"),
        Center("Đổi trả trong 3 ngày kèm hóa đơn"),
        Center("Cảm ơn quý khách! Hẹn gặp lại!"),
    ]
    return ops


RU_STOLOVAYA_DISHES = (  # (name, price a portion)
    ("Салат Витаминный 100 г", "65.00"),
    ("Салат Оливье 150 г", "95.00"),
    ("Винегрет 100 г", "55.00"),
    ("Борщ со сметаной 250 г", "110.00"),
    ("Суп куриный с лапшой 250 г", "90.00"),
    ("Солянка мясная 250 г", "145.00"),
    ("Котлета по-домашнему", "120.00"),
    ("Гуляш из говядины 100 г", "165.00"),
    ("Куриная грудка запеченная", "140.00"),
    ("Минтай в кляре", "130.00"),
    ("Тефтели в томатном соусе", "115.00"),
    ("Блинчики с творогом 2 шт", "85.00"),
)
RU_STOLOVAYA_SIDES = (  # (name, price a kilo, weights): the side dishes, weighed at the counter
    ("Гречка отварная", "180.00", ("0.150", "0.180", "0.200")),
    ("Пюре картофельное", "220.00", ("0.150", "0.200", "0.220")),
    ("Рис с овощами", "200.00", ("0.150", "0.170", "0.200")),
    ("Макароны отварные", "160.00", ("0.150", "0.200", "0.250")),
    ("Капуста тушеная", "190.00", ("0.120", "0.150", "0.180")),
)
RU_STOLOVAYA_EXTRAS = (
    ("Хлеб пшеничный", "5.00"),
    ("Хлеб ржаной", "5.00"),
    ("Компот из сухофруктов 200 мл", "35.00"),
    ("Морс клюквенный 200 мл", "45.00"),
    ("Чай черный с сахаром", "25.00"),
    ("Пирожок с капустой", "40.00"),
    ("Булочка с маком", "35.00"),
)
RU_STOLOVAYA_SETS = (  # Комплексный обед: one article, its dishes under it
    ("Комплексный обед №1", "290.00", "салат, суп, котлета с пюре, компот"),
    ("Комплексный обед №2", "340.00", "салат, солянка, гуляш с гречкой, морс"),
    ("Комплексный обед №3", "260.00", "суп, тефтели с рисом, чай"),
)
RU_STOLOVAYA_STAFF = 10  # the factory's staff card: % off each article
RU_STOLOVAYA_CASH = (100, 200, 500, 1000, 2000, 5000)


def ru_stolovaya_sale(rng: random.Random, v: int) -> Sale:
    vat = "22" if v >= 2 else ""  # the business-centre canteen is on ОСН, the factory's on УСН
    lines: list[Line] = []
    if v in (0, 2):
        name, price, dishes = rng.choice(RU_STOLOVAYA_SETS)
        lines.append(Line(name, Decimal(1), Decimal(price), note=dishes))
        lines += pick(rng, RU_STOLOVAYA_EXTRAS, (0, 2), qtys=(1, 1, 2))
    else:
        lines += pick(rng, RU_STOLOVAYA_DISHES, (2, 4), qtys=(1, 1, 1, 2))
        name, price, weights = rng.choice(RU_STOLOVAYA_SIDES)
        lines.insert(rng.randint(1, len(lines)), Line(name, Decimal(rng.choice(weights)), Decimal(price)))
        lines += pick(rng, RU_STOLOVAYA_EXTRAS, (1, 2), qtys=(1, 1, 2))
    lines = [replace(ln, tag=vat) for ln in lines]
    if v == 1:
        cent = Decimal("0.01")
        lines = [
            replace(ln, discount=-(ln.amount * RU_STOLOVAYA_STAFF / 100).quantize(cent, ROUND_HALF_UP))
            for ln in lines
        ]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v in (1, 2):
        tenders: tuple[Tender, ...] = (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
    else:
        tenders = (Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, RU_STOLOVAYA_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(2, 380)}",
        # Open from eight to six, the Комплексный обед served from eleven to four.
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", *((11, 16) if v in (0, 2) else (8, 18))),
    )


def ru_stolovaya(s: Sale, cols: int) -> list[Op]:
    # A canteen's КАССОВЫЙ ЧЕК under 54-ФЗ: the company, the canteen, its address and ИНН; КАССОВЫЙ ЧЕК /
    # ПРИХОД, ЧЕК № and СМЕНА №, the date as ДД.ММ.ГГГГ, the cashier; each article's name, a Комплексный
    # обед's dishes in brackets under it, "quantity шт|кг х price" and =amount, the staff card's СКИДКА, its
    # НДС (не облагается at the factory's canteen on УСН, 22 % at the business centre's on ОСН); ИТОГ,
    # НАЛИЧНЫМИ or БЕЗНАЛИЧНЫМИ, ПОЛУЧЕНО and СДАЧА; СУММА БЕЗ НДС or СУММА НДС 22 %; the staff card; СНО,
    # the fiscal block and the QR code.
    item = (Col(None), Col(12, "right"))
    no = int(s.no)
    osn = any(ln.tag for ln in s.lines)
    shift = (211 if osn else 87) + no % 40
    fd, fp = 73120 + no * 7 + shift * 310, 1873650294 + no * 8837
    fn = "7380440800317725" if osn else "7281440701946630"
    if osn:
        ops: list[Op] = [
            Center('ООО "ЛОЖКА"', bold=True),
            Center('Столовая "Ложка" БЦ "Высоцкий"'),
            Center("620075, г. Екатеринбург,"),
            Center("ул. Малышева, д. 51"),
            Center("ИНН 6670482913"),
        ]
    else:
        ops = [
            Center('АО "УРАЛЬСКИЙ ТРУБНЫЙ ЗАВОД"', bold=True),
            Center("Столовая № 2"),
            Center("620017, г. Екатеринбург,"),
            Center("пр-т Космонавтов, д. 18"),
            Center("ИНН 6673015562"),
        ]
    ops += [
        Blank(),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Row((f"ЧЕК № {no}", f"СМЕНА № {shift}"), (Col(None), Col(12, "right"))),
        Text(s.when),
        Text(f"КАССИР {('Кузнецова О.Н.', 'Шарипова Г.Р.', 'Вахрушева Т.И.')[no % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        unit = "шт" if ln.qty == ln.qty.to_integral() else "кг"
        ops.append(Text(ln.name))
        if ln.note:
            ops.append(Text(f" ({ln.note})"))
        ops.append(Row((f"  {qty_str(ln.qty)} {unit} х {POINT(ln.price)}", f"={POINT(ln.amount)}"), item))
        if ln.discount:
            ops.append(Row((f"  СКИДКА {RU_STOLOVAYA_STAFF}%", POINT(ln.discount)), item))
        ops.append(Text(f"  НДС {ln.tag}%" if ln.tag else "  НДС не облагается"))
    ops += [Rule(), pair("ИТОГ", f"={POINT(s.total)}", bold=True, tall=True, right=14)]
    for t in s.tenders:
        ops.append(pair(t.label, f"={POINT(t.amount)}", right=14))
    if s.cash:
        paid = sum((t.amount for t in s.tenders), Decimal(0))
        ops += [pair("ПОЛУЧЕНО", f"={POINT(paid)}", right=14), pair("СДАЧА", f"={POINT(s.change)}", right=14)]
    if osn:
        vat = sum((included_tax(ln.net, Decimal(ln.tag)) for ln in s.lines), Decimal(0))
        ops.append(pair("СУММА НДС 22%", f"={POINT(vat)}", right=14))
    else:
        ops.append(pair("СУММА БЕЗ НДС", f"={POINT(s.total)}", right=14))
    if any(ln.discount for ln in s.lines):
        ops += [Rule(), Text(f"Карта сотрудника: 0{no * 13 % 90000:05d}")]
    ops += [
        Rule(),
        Text("СНО: ОСН" if osn else "СНО: УСН доход"),
        Text("Место расчетов: столовая"),
        Text("РН ККТ 0007318462029371" if osn else "РН ККТ 0005412278031946"),
        Text("ЗН ККТ 0492100003871" if osn else "ЗН ККТ 00107803114552"),
        Text(f"ФН {fn}"),
        Row((f"ФД {fd}", f"ФП {fp}"), (Col(None), Col(14, "right"))),
        Text("Сайт ФНС: www.nalog.gov.ru"),
        ru_fns_qr(s, fn, fd, fp),
        Center("ПРИЯТНОГО АППЕТИТА!"),
    ]
    return ops


TEMPLATES += (
    Template(
        "ja-yakiniku",
        "Japanese",
        "JPY",
        ja_yakiniku_sale,
        ja_yakiniku,
        (
            Encoder(RL, "epson", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
            Encoder(RL, "fit", "japanese-80mm", 48, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "zh-hans-mianguan",
        "simplified Chinese",
        "CNY",  # 实付 ￥
        zh_hans_mianguan_sale,
        zh_hans_mianguan,
        (
            Encoder(RL, "epson", "chinese-58mm", 32, "gb18030"),
            Encoder(RL, "escpos", "chinese-80mm", 42, "gb18030"),
            Encoder(RL, "sii", "chinese-80mm", 48, "cp936"),
        ),
        variants=4,
    ),
    Template(
        "vi-bach-hoa",
        "Latin",
        "VND",  # Tổng thanh toán ...đ, or (VNĐ)
        vi_bach_hoa_sale,
        vi_bach_hoa,
        # receipt-printer-encoder's "auto", as the other Vietnamese templates: TCVN-3's small letters, each
        # capital from another page of the printer.
        (
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "auto"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 42, "auto"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "auto"),
        ),
        variants=4,
    ),
    Template(
        "ru-stolovaya",
        "Cyrillic",
        None,  # a Russian fiscal receipt prints no currency sign or word
        ru_stolovaya_sale,
        ru_stolovaya,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1251"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a
# Winterthur supermarket's Kassenzettel (de-ch-supermarkt: CHF, MWST code 0 at 2.6 % and 1 at 8.1 %, Aktion
# and -20% lines under their articles, weighed goods, the Plus card's Punkte, cash rounded to 5 Rappen, Bar,
# Maestro, Debit Mastercard, TWINT and a Geschenkkarte with the Postcard), a Lyon boucherie-charcuterie's
# ticket from its weighing-scale till (fr-fr-boucherie: every article weighed or by the piece with its
# vendeur, TVA 5,5 %, 10 % and 20 % included, a promo and a loyalty discount, Espèces, CB, Chèque and
# Tickets restaurant), a Bologna gelateria's DOCUMENTO COMMERCIALE (it-gelateria: cones and cups by size with
# their flavours under them, AGGIUNTA PANNA, a vaschetta by weight, a loyalty card's free cone, di cui IVA
# 10%, PAGAMENTO CONTANTE/ELETTRONICO and RESTO, the date at its foot) and a Vancouver private liquor store
# (en-ca-liquor: each bottle's or pack's DEPOSIT under it, GST 5 % and PST 10 % added, instant savings, cash
# rounded to the nickel, DEBIT, VISA, MASTERCARD and CASH with the terminal's lines, AIR MILES).

CHSM_MWST = {"0": Decimal("2.6"), "1": Decimal("8.1")}  # 0: food and soft drinks, 1: the rest and alcohol
CHSM_ARTIKEL = (  # (name, price, MWST code)
    ("Vollmilch UHT 1l", "1.65", "0"),
    ("Ruchbrot 500g", "2.90", "0"),
    ("Emmentaler mild 250g", "4.95", "0"),
    ("Gruyère AOP rezent 200g", "5.60", "0"),
    ("Freiland Eier 6 Stk", "5.40", "0"),
    ("Vorzugsbutter 250g", "4.10", "0"),
    ("Cervelat 2 Stk", "3.60", "0"),
    ("Rösti Original 500g", "3.20", "0"),
    ("Spaghetti 500g", "1.95", "0"),
    ("Birchermüesli 500g", "4.50", "0"),
    ("Joghurt Mokka 180g", "0.85", "0"),
    ("Ovomaltine Pulver 500g", "8.95", "0"),
    ("Ragusa Classique 100g", "2.40", "0"),
    ("Chips Paprika 175g", "4.40", "0"),
    ("Rivella Rot 1.5l", "2.95", "0"),
    ("Mineralwasser 6x1.5l", "4.50", "0"),
    ("Lindor Kugeln Milch 200g", "7.95", "0"),
    ("Lager Bier 6x50cl", "9.90", "1"),
    ("Fendant du Valais 70cl", "12.95", "1"),
    ("Zahnpasta Kräuter 75ml", "3.50", "1"),
    ("Toilettenpapier 8 Rollen", "6.95", "1"),
    ("Abwaschmittel 750ml", "2.95", "1"),
    ("Adventskerzen rot 4 Stk", "4.90", "1"),
)
CHSM_AKTION = {  # the week's Aktion prices, a piece
    "Emmentaler mild 250g": "3.95",
    "Chips Paprika 175g": "3.50",
    "Lager Bier 6x50cl": "7.90",
    "Ovomaltine Pulver 500g": "7.15",
    "Lindor Kugeln Milch 200g": "5.95",
    "Rivella Rot 1.5l": "2.25",
}
CHSM_GEWOGEN = (  # (name, CHF per kg): weighed at the counter or the self-service scale, MWST 0
    ("Rindshackfleisch", "29.50"),
    ("Pouletbrust", "34.00"),
    ("Kalbsbratwurst", "22.80"),
    ("Bananen", "3.20"),
    ("Äpfel Gala", "3.95"),
    ("Mandarinen", "4.50"),
    ("Fleischkäse geschnitten", "21.00"),
)
CHSM_GEWICHTE = ("0.512", "0.348", "1.126", "0.764", "0.235", "0.890", "0.417", "1.382")
CHSM_RABATT = 20  # the sticker on what is near its date
CHSM_KASSIERER = ("Nadine", "Luca", "Esther", "Dragan", "Melanie")
CHSM_CASH = (10, 20, 30, 50, 60, 70, 100, 150, 200, 300)


def chsm_rabatt(amount: Decimal) -> Decimal:
    """The -20% sticker's reduction, to the Rappen."""
    return -(amount * CHSM_RABATT / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def de_ch_supermarkt_sale(rng: random.Random, v: int) -> Sale:
    food = [a for a in CHSM_ARTIKEL if a[2] == "0"]
    other = [a for a in CHSM_ARTIKEL if a[2] == "1"]
    lines = pick(rng, food, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    if v != 0:
        lines += pick(rng, other, (1, 2), qtys=(1, 1, 2))
    if v != 2:  # one or two things weighed
        for name, price in rng.sample(CHSM_GEWOGEN, 2 if v == 1 else 1):
            weight = Decimal(rng.choice(CHSM_GEWICHTE))
            lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), tag="0"))
    if v == 2 and not any(ln.name in CHSM_AKTION for ln in lines):
        wanted = rng.choice(sorted(CHSM_AKTION))
        name, price, tag = next(a for a in CHSM_ARTIKEL if a[0] == wanted)
        at = rng.randint(0, len(lines))
        lines.insert(at, Line(name, Decimal(rng.choice((1, 2))), Decimal(price), tag=tag))
    if v in (0, 2, 3):  # the Aktion price, its reduction under the article
        lines = [
            replace(ln, discount=(Decimal(CHSM_AKTION[ln.name]) - ln.price) * ln.qty)
            if ln.name in CHSM_AKTION
            else ln
            for ln in lines
        ]
    if v in (1, 3):  # the -20% sticker, on meat weighed near its date or else on the dearest article
        k = max(
            (i for i, ln in enumerate(lines) if not ln.discount),
            key=lambda i: (lines[i].qty != lines[i].qty.to_integral(), lines[i].amount),
        )
        lines[k] = replace(lines[k], discount=chsm_rabatt(lines[k].amount))
    due = sum((ln.net for ln in lines), Decimal(0))
    rounding = Decimal(0)
    if v == 0:  # cash: the total rounded to 5 Rappen
        rounding = due - round_to(due * 20, 1) / 20
        tenders: tuple[Tender, ...] = (Tender("cash", "Bar", tendered(rng, due - rounding, CHSM_CASH)),)
    elif v == 1:
        tenders = (Tender("card", rng.choice(("Maestro", "Debit Mastercard")), due),)
    elif v == 2:
        tenders = (Tender("other", "TWINT", due),)
    else:  # a gift card of the chain's, the rest on the PostFinance card
        gift = Decimal(next(g for g in (50, 20, 10, 5) if g < due)).quantize(due)
        tenders = (Tender("other", "Geschenkkarte", gift), Tender("card", "Postcard", due - gift))
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 9999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}:{S}", 8, 20),
        savings=rounding,
        savings_label="Rundung",
        # The Zwischensumme over the Rundung: the articles' own sum when no reduction came off them.
        subtotal_printed=bool(rounding) and not any(ln.discount for ln in lines),
    )


def de_ch_supermarkt(s: Sale, cols: int) -> list[Op]:
    # A Winterthur supermarket's Kassenzettel: the chain, its company, the branch, address, phone and MWST
    # number; a CHF column, each article with its amount and MWST code (0: 2.6 %, 1: 8.1 %), "2 x 1.65" or
    # "0.512 kg x 29.50/kg" under its name, its Aktion or -20% Rabatt under it; the Zwischensumme and the
    # Rundung to 5 Rappen when paid in cash, Total CHF; Bar and Rückgeld, the card terminal's Kundenbeleg,
    # TWINT, a Geschenkkarte and the Postcard; what was saved, the articles counted, the MWST table by code;
    # the Plus card's Punkte; the branch, Kasse and Kassierer, the Beleg number and the date and time.
    item = (Col(None), Col(9, "right"), Col(1))
    seq = int(s.no)
    kasse = seq % 7 + 1
    ops: list[Op] = [
        Title("ZEHNDER"),
        Center("Zehnder Lebensmittel AG"),
        Center("Filiale Winterthur-Töss"),
        Center("Zürcherstrasse 102"),
        Center("8406 Winterthur"),
        Center("Tel. 052 202 41 80"),
        Center("CHE-109.562.384 MWST"),
        Blank(),
        Row(("Artikel", "CHF", ""), item),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(Row((ln.name, POINT(ln.amount), ln.tag), item))
        else:
            weighed = ln.qty != ln.qty.to_integral()
            each = f"  {ln.qty} kg x {POINT(ln.price)}/kg" if weighed else f"  {ln.qty} x {POINT(ln.price)}"
            ops += [Row((ln.name, "", ""), item), Row((each, POINT(ln.amount), ln.tag), item)]
        if ln.discount:
            why = "Aktion" if ln.name in CHSM_AKTION else f"-{CHSM_RABATT}% Rabatt"
            ops.append(Row((f"  {why}", POINT(ln.discount), ln.tag), item))
    ops.append(Rule())
    if s.savings:
        net = sum((ln.net for ln in s.lines), Decimal(0))
        ops += [Row(("Zwischensumme", POINT(net), ""), item), Row(("Rundung", POINT(-s.savings), ""), item)]
    ops.append(Row(("Total CHF", POINT(s.total), ""), item, bold=True, tall=True))
    for t in s.tenders:
        ops.append(Row((t.label, POINT(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("Rückgeld", POINT(s.change), ""), item))
    saved = -sum((ln.discount for ln in s.lines), Decimal(0))
    ops.append(Blank())
    if saved:
        ops.append(Text(f"Sie haben CHF {POINT(saved)} gespart"))
    ops.append(Text(f"Anzahl Artikel: {pieces(s.lines)}"))
    table = (Col(4), Col(6, "right"), Col(None, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Code", "Satz", "Netto", "MWST", "Total"), table)]
    for tag, rate in CHSM_MWST.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((tag, f"{rate}%", POINT(gross - tax), POINT(tax), POINT(gross)), table))
    ops.append(Text("Preise inkl. MWST"))
    for t in s.tenders:
        if t.method == "card":
            aid = {"Maestro": "A0000000043060", "Postcard": "A0000001110101"}.get(t.label, "A0000000041010")
            ops += [
                Rule(),
                Center("Kundenbeleg"),
                Text("Kauf"),
                Text("PostFinance Card" if t.label == "Postcard" else t.label),
                Text(f"XXXX XXXX XXXX {seq * 37 % 10000:04d}"),
                Text(f"AID: {aid}"),
                Text(f"Terminal: {28140000 + kasse}"),
                Text(f"Trx-Ref: {seq * 71 % 10**6:06d}"),
                Text(f"Autorisierung: {seq * 4211 % 10**6:06d}"),
                Row(("Betrag CHF", POINT(t.amount), ""), item),
                Center("Kontaktlos"),
            ]
        elif t.label == "TWINT":
            txid = hashlib.sha256(f"zehnder/{s.no}".encode()).hexdigest()[:14].upper()
            ops += [Rule(), Text("TWINT - Zahlung erfolgreich"), Text(f"Transaktions-ID: {txid}")]
        elif t.label == "Geschenkkarte":
            ops += [
                Rule(),
                Text(f"Geschenkkarte ****{seq * 13 % 10000:04d}"),
                Text(f"Restguthaben CHF {POINT(Decimal(seq % 7 * 5).quantize(t.amount))}"),
            ]
    if seq % 4 != 3:  # the Plus card: a Punkt a franc
        ops += [
            Rule(),
            Text(f"Zehnder Plus Karte ****{seq * 29 % 10000:04d}"),
            Text(f"Punkte Einkauf: {int(s.total)}"),
            Text(f"Punktestand neu: {int(s.total) + seq * 7 % 4000}"),
        ]
    ops += [
        Rule(),
        Text(f"Filiale 0412  Kasse {kasse:02d}  Kassierer {CHSM_KASSIERER[seq % 5]}"),
        Row((f"Beleg {s.no}", s.when), (Col(None), Col(19, "right"))),
        Blank(),
        Center("Vielen Dank für Ihren Einkauf!"),
        Center("Umtausch nur mit Kassenzettel"),
        Center("Mo-Fr 8-20 Uhr, Sa 8-18 Uhr"),
    ]
    return ops


FR_BOUCH_TVA = {"A": Decimal("5.5"), "B": Decimal(10), "C": Decimal(20)}  # B: hot from the rôtisserie
FR_BOUCH_PESEE = (  # (name, € per kg, roast): weighed on the counter's scale, TVA A
    ("ENTRECOTE", "34.90", False),
    ("FAUX-FILET", "32.90", False),
    ("BAVETTE D'ALOYAU", "29.90", False),
    ("BOEUF BOURGUIGNON", "17.90", True),
    ("POT-AU-FEU", "14.90", True),
    ("ROTI DE PORC", "15.90", True),
    ("ROTI DE VEAU", "38.50", True),
    ("GIGOT D'AGNEAU", "27.90", True),
    ("ESCALOPE DE VEAU", "42.00", False),
    ("SAUCISSE DE TOULOUSE", "14.50", False),
    ("MERGUEZ", "15.90", False),
    ("CHIPOLATAS", "14.90", False),
    ("JAMBON BLANC", "26.90", False),
    ("TERRINE DE CAMPAGNE", "22.50", False),
    ("RILLETTES DU MANS", "19.80", False),
    ("ROSETTE DE LYON", "29.00", False),
    ("PATE EN CROUTE", "32.00", False),
    ("POITRINE FUMEE", "16.90", False),
)
FR_BOUCH_PIECE = (  # (name, price, TVA code): by the piece
    ("OEUFS FERMIERS X6", "3.60", "A"),
    ("QUICHE LORRAINE PART", "3.80", "A"),
    ("BOUDIN BLANC NATURE", "2.90", "A"),
    ("FEUILLETE SAUCISSE", "3.20", "A"),
    ("FOND DE VEAU MAISON", "4.50", "A"),
)
FR_BOUCH_ROTISSERIE = (  # sold hot to take away: TVA B, 10 %
    ("POULET ROTI FERMIER", "14.50", "B"),
    ("POMMES GRENAILLE CHAUDES", "4.90", "B"),
    ("JARRET DE PORC ROTI", "8.90", "B"),
)
FR_BOUCH_VINS = (  # TVA C, 20 %
    ("COTES DU RHONE 75CL", "8.90", "C"),
    ("BEAUJOLAIS VILLAGES 75CL", "10.50", "C"),
)
FR_BOUCH_VENDEURS = ("PATRICK", "SANDRINE", "KARIM", "LUCIE")
FR_BOUCH_PROMO = 20  # the day's offer: -20 % on the sausages for the barbecue
FR_BOUCH_PROMOS = frozenset(("SAUCISSE DE TOULOUSE", "MERGUEZ", "CHIPOLATAS"))
FR_BOUCH_FIDELITE = Decimal("10.00")  # the card's ten stamps: 10 euro off


def fr_bouch_pesee(rng: random.Random, k: tuple[int, int]) -> list[Line]:
    """Some articles weighed on the scale (never a whole kilo), each served by one of the vendeurs."""
    out = []
    for name, price, roast in rng.sample(FR_BOUCH_PESEE, rng.randint(*k)):
        grams = rng.randint(1010, 1790) if roast and rng.random() < 0.6 else rng.randint(125, 985)
        vendeur = str(rng.randint(1, 4))
        out.append(Line(name, Decimal(grams).scaleb(-3), Decimal(price), code=vendeur, tag="A"))
    return out


def fr_bouch_pieces(
    rng: random.Random, catalogue: Sequence[tuple[str, str, str]], k: tuple[int, int]
) -> list[Line]:
    return [replace(ln, code=str(rng.randint(1, 4))) for ln in pick(rng, catalogue, k, qtys=(1, 1, 2, 3))]


def fr_fr_boucherie_sale(rng: random.Random, v: int) -> Sale:
    lines = fr_bouch_pesee(rng, (3, 5) if v == 3 else (2, 4))
    if v != 2:
        lines += fr_bouch_pieces(rng, FR_BOUCH_PIECE, (0, 2))
    if v == 0:  # the rôtisserie's chicken hot from the spit, and a bottle
        lines += fr_bouch_pieces(rng, FR_BOUCH_ROTISSERIE, (1, 2))
        lines += fr_bouch_pieces(rng, FR_BOUCH_VINS, (0, 1))
    if v == 1:  # the day's offer on the sausages, under the line
        if not any(ln.name in FR_BOUCH_PROMOS for ln in lines):
            name = rng.choice(sorted(FR_BOUCH_PROMOS))
            price = next(p for n, p, _ in FR_BOUCH_PESEE if n == name)
            weight = Decimal(rng.randint(420, 980)).scaleb(-3)
            lines.insert(rng.randint(0, len(lines)), Line(name, weight, Decimal(price), code="2", tag="A"))
        lines = [
            replace(ln, discount=-(ln.amount * FR_BOUCH_PROMO / 100).quantize(Decimal("0.01"), ROUND_HALF_UP))
            if ln.name in FR_BOUCH_PROMOS
            else ln
            for ln in lines
        ]
    due = sum((ln.net for ln in lines), Decimal(0))
    fidelite = FR_BOUCH_FIDELITE if v == 2 and due > 3 * FR_BOUCH_FIDELITE else Decimal(0)
    due -= fidelite
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "Espèces", tendered(rng, due, EUR_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "CB", due),)
    elif v == 2:
        tenders = (Tender("other", "Chèque", due),)
    else:  # meal vouchers of 9,50 € (no change given on them), the rest in cash
        vouchers = Decimal("9.50") * (2 if due > 25 else 1 if due > 12 else 0)
        tenders = (Tender("other", "Tickets restaurant", vouchers),) if vouchers else ()
        tenders += (Tender("cash", "Espèces", tendered(rng, due - vouchers, EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 99999):06d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 8, 19),
        savings=fidelite,
        savings_label="REMISE CARTE FIDELITE",
        subtotal_printed=bool(fidelite),  # the SOUS-TOTAL over the loyalty discount (no promo that day)
    )


def fr_fr_boucherie(s: Sale, cols: int) -> list[Op]:
    # A Lyon boucherie-charcuterie's ticket from the till of its counter scales: the shop, its craft, the
    # address, phone, SIRET and TVA number; Ticket N°, the date and time, the till; each article after its
    # vendeur (V1...), its weight "0,845 kg x 34,90 €/kg" or "2 x 3,60 €" under the name, the amount and the
    # TVA code (A 5,5 %, B 10 % for what is sold hot, C 20 % for wine), the day's PROMO -20% under a sausage;
    # the articles counted, a SOUS-TOTAL and the loyalty card's REMISE, TOTAL in euros; Espèces and Rendu
    # monnaie, CB, Chèque or Tickets restaurant; the TVA table (HT, TVA, TTC); who served; the shop's hours.
    item = (Col(2), Col(None), Col(9, "right"), Col(1))
    seq = int(s.no)
    ops: list[Op] = [
        Title("MAISON FAYOLLE"),
        Center("Boucherie - Charcuterie - Traiteur"),
        Center("Artisan boucher depuis 1962"),
        Center("27 rue Tronchet"),
        Center("69006 LYON"),
        Center("Tél. 04 78 24 51 93"),
        Center("SIRET 438 219 576 00024 - NAF 4722Z"),
        Center("N° TVA FR61438219576"),
        Rule(),
        Row((f"Ticket N° {s.no}", s.when), (Col(None), Col(16, "right"))),
        Text(f"Caisse 1 - Balance {seq % 2 + 1}"),
        Rule(),
        Row(("V", "Article", "EUR", ""), item),
    ]
    for ln in s.lines:
        v = f"V{ln.code}"
        if ln.qty == 1:
            ops.append(Row((v, ln.name, COMMA(ln.amount), ln.tag), item))
        else:
            weighed = ln.qty != ln.qty.to_integral()
            each = (
                f"{qty_str(ln.qty, ',')} kg x {COMMA(ln.price)} €/kg"
                if weighed
                else f"{ln.qty} x {COMMA(ln.price)} €"
            )
            ops += [Row((v, ln.name, "", ""), item), Row(("", each, COMMA(ln.amount), ln.tag), item)]
        if ln.discount:
            ops.append(Row(("", f"PROMO -{FR_BOUCH_PROMO}%", COMMA(ln.discount), ln.tag), item))
    ops += [Rule(), Text(f"Nb articles : {pieces(s.lines)}")]
    if s.savings:
        ops += [pair("SOUS-TOTAL", COMMA(s.subtotal)), pair(s.savings_label, COMMA(-s.savings))]
    ops.append(pair("TOTAL", f"{COMMA(s.total)} €", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Rendu monnaie", COMMA(s.change)))
    table = (Col(4), Col(6, "right"), Col(None, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Code", "Taux", "HT", "TVA", "TTC"), table)]
    for tag, rate in FR_BOUCH_TVA.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if tag == "A":
            gross -= s.savings  # the loyalty card only ever takes off meat (no rôtisserie nor wine that day)
        if gross:
            tax = included_tax(gross, rate)
            label = f"{str(rate).replace('.', ',')}%"
            ops.append(Row((tag, label, COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    ops.append(Text("Prix TTC en euros"))
    if s.savings:
        ops += [
            Rule(),
            Text(f"Carte fidélité n° {seq * 17 % 10000:04d}"),
            Text("Tampons : 0/10 (carte soldée)"),
        ]
    served = [f"V{c} {FR_BOUCH_VENDEURS[int(c) - 1]}" for c in sorted({ln.code for ln in s.lines})]
    ops += [Rule(), Text("Servi par : " + ", ".join(served[:2]))]
    if len(served) > 2:
        ops.append(Text("            " + ", ".join(served[2:])))
    ops += [
        Blank(),
        Center("Merci de votre visite et à bientôt !"),
        Center("Mardi au samedi 7h30-13h / 15h30-19h30"),
        Center("Dimanche 8h-12h30"),
        Center("Commandes au 04 78 24 51 93"),
    ]
    return ops


IT_GEL_CONI = (  # (name, price, most flavours): a cone or a cup by its size
    ("CONO PICCOLO", "2.50", 2),
    ("CONO MEDIO", "3.20", 3),
    ("CONO GRANDE", "4.00", 4),
    ("COPPETTA PICCOLA", "2.50", 2),
    ("COPPETTA MEDIA", "3.20", 3),
    ("COPPETTA GRANDE", "4.00", 4),
)
IT_GEL_GUSTI = (
    "PISTACCHIO",
    "NOCCIOLA",
    "STRACCIATELLA",
    "FIOR DI LATTE",
    "CIOCCOLATO FONDENTE",
    "CREMA",
    "LIMONE",
    "FRAGOLA",
    "BACIO",
    "GIANDUIA",
    "CAFFÈ",
    "AMARENA",
    "ZABAIONE",
    "RISO",
    "MANGO",
    "LAMPONE",
)
IT_GEL_PANNA = ("AGGIUNTA PANNA", Decimal("0.50"))
IT_GEL_VASCHETTA = ("VASCHETTA", Decimal("24.00"))  # by weight, the price a kilo
IT_GEL_PESI = ("0.512", "0.748", "1.026", "0.635", "0.980", "0.455", "0.760")
IT_GEL_ALTRO = (  # from the counter and the bar, IVA 10 % as all else
    ("AFFOGATO AL CAFFÈ", "4.50"),
    ("BRIOCHE CON GELATO", "4.00"),
    ("CIOCCOLATA CALDA", "3.50"),
    ("CAFFÈ", "1.20"),
    ("ACQUA NATURALE 0,5L", "1.50"),
    ("FRAPPÈ AL CAFFÈ", "4.50"),
    ("SEMIFREDDO TORRONCINO", "5.50"),
)


def it_gel_coni(rng: random.Random, k: tuple[int, int]) -> list[Line]:
    """Cones and cups with their flavours (a line each, under the cone), some with cream on top."""
    out = []
    for name, price, most in rng.sample(IT_GEL_CONI, rng.randint(*k)):
        qty = Decimal(rng.choice((1, 1, 1, 2)))
        gusti = rng.sample(IT_GEL_GUSTI, rng.randint(1, most))
        out.append(Line(name, qty, Decimal(price), tag="10%", note="\n".join(gusti)))
        if rng.random() < 0.35:
            out.append(Line(IT_GEL_PANNA[0], qty, IT_GEL_PANNA[1], tag="10%"))
    return out


def it_gelateria_sale(rng: random.Random, v: int) -> Sale:
    lines = it_gel_coni(rng, (1, 3) if v in (0, 2) else (0, 2))
    if v in (1, 3):  # a tub to take home, weighed, its flavours under it
        name, price = IT_GEL_VASCHETTA
        gusti = rng.sample(IT_GEL_GUSTI, rng.randint(2, 4))
        tub = Line(name, Decimal(rng.choice(IT_GEL_PESI)), price, tag="10%", note="\n".join(gusti))
        lines.insert(rng.randint(0, len(lines)), tub)
    if v == 2:
        lines += [replace(ln, tag="10%") for ln in pick(rng, IT_GEL_ALTRO, (1, 2), qtys=(1, 1, 2))]
    if v == 3:  # the loyalty card's tenth cone free: a SCONTO A VALORE under a cone
        if not any(ln.note and ln.name != IT_GEL_VASCHETTA[0] for ln in lines):
            lines += it_gel_coni(rng, (1, 1))
        k = next(i for i, ln in enumerate(lines) if ln.note and ln.name != IT_GEL_VASCHETTA[0])
        lines[k] = replace(lines[k], discount=-lines[k].price)
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("card", "PAGAMENTO ELETTRONICO", total),)
    elif v == 3 and total > 10:  # a ten-euro note, the rest by card
        cash = Decimal(10).quantize(total)
        tenders = (
            Tender("cash", "PAGAMENTO CONTANTE", cash),
            Tender("card", "PAGAMENTO ELETTRONICO", total - cash),
        )
    else:
        tenders = (Tender("cash", "PAGAMENTO CONTANTE", tendered(rng, total, EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        # The day's closure (azzeramento) and the document's number in it, as the RT prints them.
        no=f"{rng.randint(20, 340):04d}-{rng.randint(1, 260):04d}",
        dated_when=dated_between_hours(rng, "{d}-{m}-{y} {H}:{M}", 11, 23),
    )


def it_gelateria(s: Sale, cols: int) -> list[Op]:
    # A Bologna gelateria's DOCUMENTO COMMERCIALE from its registratore telematico: the shop and its company,
    # the address and P.IVA; DESCRIZIONE, IVA and Prezzo(€); each cone or cup with "2 x 3,20" on the line
    # over it and its flavours under it (no amount), AGGIUNTA PANNA as a line of its own, the vaschetta's
    # "0,512 kg x 24,00" over it, the loyalty card's free cone as a SCONTO A VALORE; TOTALE COMPLESSIVO and di
    # cui IVA 10%; PAGAMENTO CONTANTE and/or ELETTRONICO, RESTO, IMPORTO PAGATO; the date and time, DOCUMENTO
    # N. (closure-number) and the RT's serial at the foot; the card's stamps.
    item = (Col(None), Col(4), Col(9, "right"))
    seq = int(s.no[-4:])
    iva = included_tax(sum((ln.net for ln in s.lines), Decimal(0)), Decimal(10))
    ops: list[Op] = [
        Title("GELATERIA FIORDILATTE"),
        Center("di Bernardi Giulia & C. s.n.c."),
        Center("Via Santo Stefano 48/B"),
        Center("40125 BOLOGNA (BO)"),
        Center("P.IVA 03718450372"),
        Center("Tel. 051 239 4418"),
        Blank(),
        Center("DOCUMENTO COMMERCIALE", bold=True),
        Center("di vendita o prestazione"),
        Blank(),
        Row(("DESCRIZIONE", "IVA", "Prezzo(€)"), item),
    ]
    for ln in s.lines:
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"{qty_str(ln.qty, ',')} kg x {COMMA(ln.price)}"))
        elif ln.qty != 1:
            ops.append(Text(f"{ln.qty} x {COMMA(ln.price)}"))
        ops.append(Row((ln.name, ln.tag, COMMA(ln.amount)), item))
        ops += [Text(f"   {gusto}") for gusto in ln.note.splitlines()]
        if ln.discount:
            ops.append(Row(("SCONTO A VALORE", "", COMMA(ln.discount)), item))
    ops += [
        Blank(),
        pair("TOTALE COMPLESSIVO", COMMA(s.total), bold=True, tall=True),
        pair("di cui IVA 10%", COMMA(iva)),
        Blank(),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("RESTO", COMMA(s.change)))
    ops.append(pair("IMPORTO PAGATO", COMMA(s.total)))
    ops += [
        Blank(),
        Center(s.when),
        Center(f"DOCUMENTO N. {s.no}"),
        Center("RT 96SEY031528"),
    ]
    if any(ln.discount for ln in s.lines) or seq % 2:  # the loyalty card, a stamp a cone
        stamps = "0/10 - PREMIO UTILIZZATO" if any(ln.discount for ln in s.lines) else f"{seq % 9 + 1}/10"
        ops += [
            Blank(),
            Text(f"TESSERA AMICI DEL GELATO N. {seq * 37 % 10000:04d}"),
            Text(f"BOLLINI: {stamps}"),
        ]
    ops += [
        Blank(),
        Center("GRAZIE E A PRESTO!"),
        Center("Gelato artigianale prodotto qui"),
    ]
    return ops


BC_LIQ_ARTICLES = (  # (SKU, name, price, containers, millilitres a container)
    ("108654", "KOKANEE 12PK CAN", "28.49", 12, 355),
    ("220731", "BUDWEISER 6PK CAN", "15.99", 6, 355),
    ("301822", "PALE ALE 6PK CAN", "16.49", 6, 355),
    ("415530", "CORONA EXTRA 12PK BTL", "31.99", 12, 330),
    ("517204", "WHITE CLAW MANGO 6PK", "18.99", 6, 355),
    ("612093", "MISSION HILL CAB SAUV", "22.99", 1, 750),
    ("734118", "JACKSON-TRIGGS MERLOT", "13.49", 1, 750),
    ("802477", "YELLOW TAIL SHIRAZ 1.5L", "24.99", 1, 1500),
    ("913360", "SMIRNOFF VODKA 1.14L", "41.99", 1, 1140),
    ("102985", "CROWN ROYAL 750ML", "38.49", 1, 750),
    ("208846", "BACARDI WHITE 375ML", "17.99", 1, 375),
    ("317729", "JAMESON 1.75L", "74.99", 1, 1750),
    ("421654", "PROSECCO DOC 750ML", "17.49", 1, 750),
    ("530218", "SAUV BLANC NZ 750ML", "19.99", 1, 750),
)
BC_LIQ_GST, BC_LIQ_PST = Decimal(5), Decimal(10)  # British Columbia: PST on liquor is 10 %
BC_LIQ_SAVINGS = {"KOKANEE 12PK CAN": "3.00", "MISSION HILL CAB SAUV": "4.00", "CROWN ROYAL 750ML": "5.00"}
BC_LIQ_DEPOSIT = "DEPOSIT"


def bc_liq_deposit(ml: int) -> Decimal:
    """A container's deposit in BC: 10 cents up to a litre, 20 cents over."""
    return Decimal("0.10") if ml <= 1000 else Decimal("0.20")


def bc_liq_taxes(lines: Sequence[Line]) -> tuple[Decimal, Decimal]:
    """GST and PST on the liquor (tax code GP) after its savings; the deposits bear neither."""
    cent = Decimal("0.01")
    base = sum((ln.net for ln in lines if ln.tag == "GP"), Decimal(0))
    return (base * BC_LIQ_GST / 100).quantize(cent, ROUND_HALF_UP), (base * BC_LIQ_PST / 100).quantize(
        cent, ROUND_HALF_UP
    )


def en_ca_liquor_sale(rng: random.Random, v: int) -> Sale:
    chosen = rng.sample(BC_LIQ_ARTICLES, rng.randint(1, 4))
    if v == 2 and not any(a[1] in BC_LIQ_SAVINGS for a in chosen):
        wanted = rng.choice(sorted(BC_LIQ_SAVINGS))
        chosen[0] = next(a for a in BC_LIQ_ARTICLES if a[1] == wanted)
    if v in (1, 3) and not any(a[3] > 1 for a in chosen):  # a case of beer or coolers, a deposit a can
        chosen.append(rng.choice([a for a in BC_LIQ_ARTICLES if a[3] > 1]))
    lines: list[Line] = []
    for sku, name, price, n, ml in chosen:
        qty = Decimal(rng.choice((1, 1, 1, 2)))
        bottle = Line(name, qty, Decimal(price), code=sku, tag="GP")
        if v == 2 and name in BC_LIQ_SAVINGS:  # this month's instant savings, under the bottle
            bottle = replace(bottle, discount=-Decimal(BC_LIQ_SAVINGS[name]) * qty)
        lines += [bottle, Line(BC_LIQ_DEPOSIT, qty * n, bc_liq_deposit(ml))]
    gst, pst = bc_liq_taxes(lines)
    due = sum((ln.net for ln in lines), Decimal(0)) + gst + pst
    rounding = Decimal(0)
    if v == 0:  # no pennies: a cash total is rounded to the nickel
        rounding = due - round_to(due * 20, 1) / 20
        tenders: tuple[Tender, ...] = (Tender("cash", "CASH", tendered(rng, due - rounding, CAD_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "DEBIT", due),)
    elif v == 2:
        tenders = (Tender("card", "VISA", due),)
    else:  # a twenty, the rest on a Mastercard
        cash = Decimal(20).quantize(due) if due > 20 else Decimal(5).quantize(due)
        tenders = (Tender("cash", "CASH", cash), Tender("card", "MASTERCARD", due - cash))
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 99999):05d}",
        dated_when=dated_between_hours(rng, "{y}/{m}/{d} {H}:{M}:{S}", 9, 23),
        savings=rounding,
        savings_label="ROUNDING",
        tax_added=gst + pst,
        # SUBTOTAL is after the instant savings: the items' own sum only when there are none.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def en_ca_liquor(s: Sale, cols: int) -> list[Op]:
    # A Vancouver private liquor store's receipt: the store, its address, phone, licence and GST numbers;
    # STORE, REG, CASHIER and TRANS #, the date and time (year first); SKU, description and amount with the
    # tax code GP (GST and PST), "2 @ 28.49" under a bottle bought twice, the DEPOSIT of its cans or bottles
    # under it (10 cents up to a litre, 20 over), INSTANT SAVINGS under a bottle on offer; SUBTOTAL, GST 5 %,
    # PST 10 % added, the cash ROUNDING to the nickel, TOTAL; CASH and CHANGE, or the terminal's DEBIT, VISA
    # or MASTERCARD record; the items counted, ID checked, AIR MILES, the return policy.
    item = (Col(6), Col(None), Col(8, "right"), Col(2))
    seq = int(s.no)
    gst, pst = bc_liq_taxes(s.lines)
    ops: list[Op] = [
        Title("HARBOURSIDE LIQUOR"),
        Center("BEER - WINE - SPIRITS"),
        Center("1520 W 4TH AVE"),
        Center("VANCOUVER BC V6J 1L9"),
        Center("TEL 604-555-0187"),
        Center("LRS LICENCE #301245"),
        Blank(),
        Text(f"STORE 0217  REG 02  CASHIER {seq % 40 + 10}"),
        Text(f"TRANS #: {s.no}"),
        Text(s.when),
        Rule(),
        Row(("SKU", "DESCRIPTION", "AMOUNT", ""), item),
    ]
    for ln in s.lines:
        if ln.name == BC_LIQ_DEPOSIT:
            ops.append(Row(("", f"  {ln.name}", POINT(ln.amount), ""), item))
            if ln.qty != 1:
                ops.append(Row(("", f"    {ln.qty} @ {POINT(ln.price)}", "", ""), item))
            continue
        ops.append(Row((ln.code, ln.name, POINT(ln.amount), ln.tag), item))
        if ln.qty != 1:
            ops.append(Row(("", f"  {ln.qty} @ {POINT(ln.price)}", "", ""), item))
        if ln.discount:
            ops.append(Row(("", "  INSTANT SAVINGS", POINT(ln.discount), ln.tag), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [
        Rule(),
        pair("SUBTOTAL", POINT(net)),
        pair("GST 5%", POINT(gst)),
        pair("PST 10%", POINT(pst)),
    ]
    if s.savings:
        ops.append(pair("ROUNDING", POINT(-s.savings)))
    ops.append(pair("TOTAL", f"${POINT(s.total)}", bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, POINT(t.amount)))
    if s.cash:
        ops.append(pair("CHANGE", POINT(s.change)))
    ops += [Blank(), Text(f"ITEMS: {sum(int(ln.qty) for ln in s.lines if ln.name != BC_LIQ_DEPOSIT)}")]
    saved = -sum((ln.discount for ln in s.lines), Decimal(0))
    if saved:
        ops.append(Text(f"YOU SAVED ${POINT(saved)} TODAY"))
    ops.append(Text("ID CHECKED - CUSTOMER 19+"))
    for t in s.tenders:
        if t.method != "card":
            continue
        debit = t.label == "DEBIT"
        ops += [
            Rule(),
            Center("TRANSACTION RECORD"),
            Text("INTERAC PURCHASE" if debit else f"{t.label} PURCHASE"),
            Text("ACCT: CHEQUING" if debit else f"CARD: ************{seq * 37 % 10000:04d}"),
            Text("ENTRY: TAP" if seq % 2 else "ENTRY: CHIP"),
            pair("AMOUNT:", f"${POINT(t.amount)}"),
            Text(f"AUTH #: {seq * 4211 % 900000 + 100000}  REF #: 0217{seq:05d}"),
            Center("00 - APPROVED - THANK YOU"),
            Center("CUSTOMER COPY"),
        ]
    if s.tenders[-1].label in ("DEBIT", "MASTERCARD"):
        ops += [
            Rule(),
            Text(f"AIR MILES COLLECTOR: *******{seq * 53 % 10000:04d}"),
            Text(f"MILES EARNED: {int(s.total) // 20}"),
        ]
    ops += [
        Rule(),
        Text("GST #: 78412 3650 RT0001"),
        Barcode(f"0217{s.no}"),
        Center("RETURNS WITH RECEIPT WITHIN 30 DAYS"),
        Center("UNOPENED PRODUCT ONLY"),
        Center("PLEASE DRINK RESPONSIBLY"),
    ]
    return ops


TEMPLATES += (
    Template(
        "de-ch-supermarkt",
        "Latin",
        "CHF",  # the CHF column, Total CHF
        de_ch_supermarkt_sale,
        de_ch_supermarkt,
        (
            Encoder(RL, "citizen", "citizen-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp850"),
        ),
        variants=4,
    ),
    Template(
        "fr-fr-boucherie",
        "Latin",
        "EUR",  # TOTAL 47,07 €, €/kg
        fr_fr_boucherie_sale,
        fr_fr_boucherie,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1252"),
        ),
        variants=4,
    ),
    Template(
        "it-gelateria",
        "Latin",
        "EUR",  # Prezzo(€)
        it_gelateria_sale,
        it_gelateria,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "en-ca-liquor",
        "Latin",
        None,  # "$" alone does not say Canadian dollars
        en_ca_liquor_sale,
        en_ca_liquor,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp437"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a Tokyo
# bookstore chain's レシート from two of its tills (ja-honya: each book with its kind and its ISBN as a JAN
# under it, 雑誌 with their magazine codes, 文具; 本体 prices with 外税 10 % added at one store, 税込
# prices with the 内消費税 at the station-building store; 小計 with the count, a member's 文具 discount
# under the item, 合計; お預り and お釣り, 図書カードNEXT with the rest in cash, 楽天ポイント used before a
# クレジット, 交通系IC with its balance; Vポイント or 楽天ポイント earned), a Korean hypermarket's 영수증
# (ko-emart: each article numbered with a * for 면세, its barcode under it, 단가, 수량 and 금액, 행사할인 and
# 카드할인 under it, 면세물품가액, 과세물품가액 and 부가세, 합계, a 모바일쿠폰 off the bill, 받을금액 in 원;
# 신용카드 with 할부 and 승인번호, 현금 with 거스름돈 and the 현금영수증, 누리포인트 used as a tender, 상품권
# with the rest in cash; the points earned and the parking), a Taipei pharmacy's 電子發票證明聯 with its
# 交易明細 in Big5 (zh-hant-tw-yaoju: 品名/數量/單價/金額, 會員9折 under a supplement, 滿千折百 off the
# bill, 小計 and 總計 NT$, 現金 and 找零, 信用卡, 悠遊卡, LINE Pay, a company's 統一編號 with 銷售額 and
# 稅額, an invoice stored on the member's 載具; ROC years on one till's 明細) and an Istanbul bakery's ÖKC
# receipt in CP857 (tr-firin: bread at KDV %1, pastries, cakes and cookies by the kilo as "0,450 KG X
# 380,00" at %10, drinks and candles at %20, "3 AD X 17,50", an İNDİRİM under an item, KDV per rate,
# TOPKDV, TOPLAM after the fiscal star, NAKİT and PARA ÜSTÜ, KREDİ KARTI with the bank's lines, cash and
# card together, YEMEK KARTI; FİŞ NO, Z NO and EKÜ NO).

JA_HONYA_BOOKS = (  # (name, 本体 price, kind as the till prints it, the ISBN's first twelve digits)
    ("コンビニ人間(文春文庫)", 700, "文庫", "978416791130"),
    ("博士の愛した数式", 630, "文庫", "978410121523"),
    ("夜のピクニック", 750, "文庫", "978410123417"),
    ("星を継ぐもの", 880, "文庫", "978448866301"),
    ("成瀬は天下を取りにいく", 1550, "書籍", "978410354951"),
    ("三体", 1900, "書籍", "978415209454"),
    ("地球の歩き方 台湾", 2000, "書籍", "978405801962"),
    ("独習Python 第2版", 3200, "書籍", "978479818141"),
    ("ぐりとぐら", 1000, "書籍", "978483400082"),
    ("葬送のフリーレン 15", 500, "コミック", "978409853170"),
    ("ONE PIECE 112", 500, "コミック", "978408884421"),
    ("チェンソーマン 22", 520, "コミック", "978408884522"),
)
JA_HONYA_MAGAZINES = (  # (name, 本体 price, 雑誌コード, issue month and year's last digit)
    ("週刊文春 12月17日号", 455, "27741", "127"),
    ("Number 1133号", 682, "26851", "127"),
    ("オレンジページ 1/2号", 418, "20643", "017"),
    ("dancyu 2027年1月号", 1091, "04981", "017"),
    ("NHKラジオ英会話 1月号", 600, "09105", "017"),
    ("ESSE 2027年1月号", 700, "07021", "017"),
)
JA_HONYA_STATIONERY = (  # (name, 本体 price, the JAN's first twelve digits)
    ("ジェットストリーム0.5 黒", 150, "490277891606"),
    ("キャンパスノートB5 5冊", 680, "490148065300"),
    ("MONO消しゴム", 100, "490247887028"),
    ("ブックカバー 文庫判", 330, "458112004317"),
    ("金属しおり 桜", 450, "458112004324"),
    ("ポストイット 75x75", 420, "450023410715"),
)
JA_HONYA_MEMBER_OFF = 10  # the member card's % off 文具 (books and magazines keep their fixed price)
JA_HONYA_GIFT_CARDS = (500, 1000, 2000, 3000)  # 図書カードNEXT: what is left on the customer's card
JA_HONYA_STAFF = ("山本", "中村", "小林", "加藤", "吉田")
JA_HONYA_NOTES = (1000, 2000, 3000, 5000, 10000, 15000, 20000)


def ja_honya_gift_card(no: int) -> Decimal:
    return Decimal(JA_HONYA_GIFT_CARDS[no % len(JA_HONYA_GIFT_CARDS)])


def ja_honya_sale(rng: random.Random, v: int) -> Sale:
    inside = v >= 2  # the station-building store's till: prices with the tax in them (税込)

    def price(base: int) -> Decimal:
        return Decimal(base * 110 // 100) if inside else Decimal(base)

    lines = [
        Line(name, Decimal(1), price(base), 0, code=ean13(body), tag=kind)
        for name, base, kind, body in rng.sample(JA_HONYA_BOOKS, rng.randint(1, 3))
    ]
    lines += [
        Line(name, Decimal(1), price(base), 0, code=ean13(f"4910{code}{issue}"), tag="雑誌")
        for name, base, code, issue in rng.sample(JA_HONYA_MAGAZINES, rng.randint(0, 2))
    ]
    lines += [
        Line(name, Decimal(rng.choice((1, 1, 2, 3))), price(base), 0, code=ean13(body), tag="文具")
        for name, base, body in rng.sample(JA_HONYA_STATIONERY, rng.randint(1 if v == 3 else 0, 2))
    ]
    if v == 3:  # the member card: 10 % off each 文具 line, the fraction of a yen cut off
        lines = [
            replace(ln, discount=-yen_tax(ln.amount, JA_HONYA_MEMBER_OFF)) if ln.tag == "文具" else ln
            for ln in lines
        ]
    net = sum((ln.net for ln in lines), Decimal(0))
    tax = Decimal(0) if inside else yen_tax(net, 10)
    total = net + tax
    no = rng.randint(1, 9999) if not inside else rng.randint(1, 999999)
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "お預り", tendered(rng, total, JA_HONYA_NOTES)),)
    elif v == 1:  # the gift card first, what it does not cover in cash
        card = min(ja_honya_gift_card(no), total)
        tenders = (Tender("other", "図書カードNEXT", card),)
        if card < total:
            tenders += (Tender("cash", "お預り", tendered(rng, total - card, JA_HONYA_NOTES)),)
    elif v == 2:  # 楽天ポイント spent as a tender (the tax is on the whole sum), the rest on a card
        points = Decimal(min(rng.choice((100, 300, 500, 1000)), int(total) // 2))
        tenders = (Tender("other", "楽天ポイント利用", points), Tender("card", "クレジット", total - points))
    else:
        tenders = (Tender("other", "交通系IC", total),)
    fmt = "{y}年{m}月{d}日({a}) {H}時{M}分" if inside else "{y}年{m}月{d}日({a}) {H}:{M}"
    when = dated(rng, fmt, JA_WEEKDAYS)
    while int(when[1][11:13]) < 10:  # open from ten
        when = dated(rng, fmt, JA_WEEKDAYS)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{no:06d}" if inside else f"{no:04d}",
        dated_when=when,
        tax_added=tax,
        subtotal_printed=True,  # 小計: the lines at their prices, before the 文具 discount and the 外税
    )


def ja_honya(s: Sale, cols: int) -> list[Op]:
    # A bookstore chain's レシート from two tills. The Kichijōji store (外税): the chain, the store, its
    # address, phone and 登録番号; the date and time, レジ and 担当, 取引番号; each item's name and amount,
    # its kind (文庫, 書籍, コミック, 雑誌, 文具) and JAN under it (a book's ISBN, a magazine's 491 code),
    # "@¥150 × 2" for more than one; 小計 with the count, the 10 % base and 外税, 合計; the tenders, the
    # 図書カードNEXT's balance, お釣り; Vポイント earned. The station-building store (内税): お買上げ明細
    # with the time in 時 and 分, the till and 取引No., each name on its line and its JAN, quantity and
    # amount under it, the member's 文具 discount under that; 小計, 値引, 合計, the 10 % base and 内消費税;
    # 楽天ポイント used before クレジット with its approval, 交通系IC with its balance; 楽天ポイント earned.
    inside = not s.tax_added
    no = int(s.no)
    yen = "¥{}".format
    staff = JA_HONYA_STAFF[no % len(JA_HONYA_STAFF)]
    ops: list[Op] = [Title("文栄堂書店")]
    if inside:
        ops += [
            Center("アトレ浦和店"),
            Center("埼玉県さいたま市浦和区高砂1-16-12"),
            Center("アトレ浦和 4F  TEL 048-711-2260"),
        ]
    else:
        ops += [
            Center("吉祥寺本店"),
            Center("〒180-0004"),
            Center("東京都武蔵野市吉祥寺本町1-15-3"),
            Center("TEL 0422-21-4470"),
        ]
    ops += [Center("登録番号 T8012401034521"), Blank()]
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    count = f"{pieces(s.lines)}点"
    if inside:
        code = (Col(None), Col(10, "right"), Col(9, "right"))
        ops += [
            Center("お買上げ明細", bold=True),
            Text(s.when),
            Row((f"レジ0003  責任者 {staff}", f"取引No.{s.no}"), (Col(None), Col(13, "right"))),
            Rule(),
        ]
        for ln in s.lines:
            qty = f"{ln.qty}点" if ln.qty == 1 else f"@{WHOLE(ln.price)}×{ln.qty}"
            ops += [Text(ln.name), Row((f"  {ln.code}", qty, yen(WHOLE(ln.amount))), code)]
            if ln.discount:
                ops.append(
                    Row((f"  会員{ln.tag}{JA_HONYA_MEMBER_OFF}%引", "", f"-{yen(WHOLE(-ln.discount))}"), code)
                )
        ops += [Rule(), pair(f"小計 {count}", yen(WHOLE(s.subtotal)))]
        if off:
            ops.append(pair("値引", f"-{yen(WHOLE(off))}"))
        ops += [
            pair("合計", yen(WHOLE(s.total)), bold=True, tall=True),
            pair("(10%対象", f"{yen(WHOLE(s.total))})"),
            pair("(内消費税等", f"{yen(WHOLE(ja_drug_tax(s.total, 10)))})"),
            Rule(),
        ]
    else:
        item = (Col(None), Col(9, "right"))
        ops += [
            Text(s.when),
            Row((f"レジ02  担当 {staff}", f"取引番号 {s.no}"), (Col(None), Col(13, "right"))),
            Rule(),
        ]
        for ln in s.lines:
            ops += [Row((ln.name, yen(WHOLE(ln.amount))), item), Text(f"  {ln.tag} {ln.code}")]
            if ln.qty != 1:
                ops.append(Text(f"  @{yen(WHOLE(ln.price))} × {ln.qty}"))
        net = s.subtotal - off
        ops += [
            Rule(),
            pair(f"小計 {count}", yen(WHOLE(s.subtotal))),
            pair("(外税10%対象額", f"{yen(WHOLE(net))})"),
            pair("外税10%", yen(WHOLE(s.tax_added))),
            pair("合計", yen(WHOLE(s.total)), bold=True, tall=True),
            Rule(),
        ]
    for t in s.tenders:
        ops.append(pair(t.label, yen(WHOLE(t.amount))))
        if t.label == "図書カードNEXT":
            left = ja_honya_gift_card(no) - t.amount
            ops.append(pair("  カード残高", yen(WHOLE(left))))
    if s.cash:
        ops.append(pair("お釣り", yen(WHOLE(s.change))))
    pay = s.tenders[-1]
    if pay.method == "card":
        ops += [
            Text(f"  VISA  ************{no * 53 % 10000:04d}"),
            Text(f"  承認番号 {no * 7919 % 1000000:06d}  支払区分 一括"),
        ]
    elif pay.label == "交通系IC":
        ops += [
            Text(f"  Suica  JE** **** **** {no * 37 % 10000:04d}"),
            pair("  残高", yen(WHOLE(Decimal(300 + no * 31 % 6000)))),
        ]
    points = [t.amount for t in s.tenders if t.label.startswith("楽天")]
    paid = s.total - sum(points, Decimal(0))
    if inside:
        earned = int((paid - ja_drug_tax(paid, 10)) // 100)  # 1P a 100 yen before tax
        ops += [Blank(), Text("楽天ポイントカード ****-****-**17-3364")]
        if points:
            ops.append(pair("ご利用ポイント", f"{WHOLE(points[0])}P"))
        ops += [
            pair("今回付与ポイント", f"{earned}P"),
            pair("保有ポイント", f"{WHOLE(Decimal(1840 + no % 3000 + earned) - sum(points, Decimal(0)))}P"),
        ]
    elif pay.method == "cash" or no % 2:
        earned = int(paid // 200)  # 1P a 200 yen
        ops += [
            Blank(),
            Text("Vポイント 会員番号 ****-****-**88-5021"),
            pair("今回付与ポイント", f"{earned}P"),
            pair("累計ポイント", f"{WHOLE(Decimal(620 + no % 2500 + earned))}P"),
        ]
    ops += [
        Blank(),
        Center("本のお取り寄せ承ります"),
        Center("返品・交換はレシートをお持ちの上"),
        Center("8日以内にお申し付けください"),
        Center("お買上げありがとうございました"),
    ]
    return ops


KO_EMART_GOODS = (  # (name, price, 면세 or "", the barcode's first twelve digits, 행사할인 a unit or "")
    ("신라면 5입", "4480", "", "880104320143", ""),
    ("진라면 매운맛 5입", "3980", "", "880104510287", "500"),
    ("햇반 210g*3", "4980", "", "880104718235", ""),
    ("코카콜라 1.5L", "3280", "", "880149001117", "800"),
    ("새우깡 90g", "1680", "", "880104304101", ""),
    ("동원참치 150g*4", "9980", "", "880104700129", "2000"),
    ("스팸 클래식 200g", "5480", "", "880104701254", ""),
    ("비비고 왕교자", "10980", "", "880104721803", "3000"),
    ("다우니 유연제 2L", "12900", "", "880102000384", "3000"),
    ("화장지 30m*30롤", "19900", "", "880100233458", ""),
    ("페리오 치약 3입", "6900", "", "880100270212", "1000"),
    ("국산콩 두부 300g", "2480", "면세", "880107631009", ""),
    ("제주 감귤 2kg", "12980", "면세", "250011200002", "2000"),
    ("깐마늘 500g", "6980", "면세", "250034500006", ""),
    ("무농약콩나물 340g", "1580", "면세", "880107632105", ""),
    ("친환경 대란 15구", "6480", "면세", "250022300004", ""),
    ("한돈 삼겹살 500g", "14900", "면세", "250041100009", "3000"),
    ("서울우유 1L", "2990", "면세", "880100703200", ""),
    ("양파 1.5kg", "4980", "면세", "250015600007", ""),
)
KO_EMART_CARD_OFF = 10  # the partner card's % off the lines it covers, in tens of won
KO_EMART_COUPON = (Decimal(30000), Decimal(3000))  # the app's 모바일쿠폰: from, off
KO_EMART_NOTES = (10000, 20000, 30000, 50000, 60000, 70000, 80000, 100000, 150000, 200000)
KO_EMART_POS = "0011"


def ko_emart_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for name, price, free, body, promo in rng.sample(KO_EMART_GOODS, rng.randint(5, 9)):
        ln = Line(
            name, Decimal(rng.choice((1, 1, 1, 2, 2, 3))), Decimal(price), 0, code=ean13(body), tag=free
        )
        if promo and rng.random() < 0.8:
            ln = replace(ln, discount=-Decimal(promo) * ln.qty, note="행사할인")
        elif v == 0 and not free and rng.random() < 0.5:  # the partner card's 10 % on some goods
            ln = replace(
                ln, discount=-round_to(ln.amount * KO_EMART_CARD_OFF / 100, 10, ROUND_DOWN), note="카드할인"
            )
        lines.append(ln)
    net = sum((ln.net for ln in lines), Decimal(0))
    coupon = KO_EMART_COUPON[1] if v == 3 and net >= KO_EMART_COUPON[0] else Decimal(0)
    total = net - coupon
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("card", "신용카드", total),)
    elif v == 1:
        tenders = (Tender("cash", "현금", tendered(rng, total, KO_EMART_NOTES)),)
    elif v == 2:  # 누리포인트 spent as a tender, the rest on a card
        points = min(Decimal(rng.choice((2000, 3000, 5000, 10000))), round_to(total / 2, 100, ROUND_DOWN))
        tenders = (Tender("other", "누리포인트 사용", points), Tender("card", "신용카드", total - points))
    else:  # 상품권 in 10,000-won notes, what they do not cover in cash
        vouchers = Decimal(10000 * min(5, (int(total) - 1) // 10000))
        tenders = (Tender("cash", "현금", tendered(rng, total - vouchers, KO_EMART_NOTES)),)
        if vouchers:
            tenders = (Tender("other", "누리상품권", vouchers), *tenders)
    printed, iso = dated_between_hours(rng, "{y}-{m}-{d} {H}:{M}:{S}", 10, 23)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{KO_EMART_POS}-{rng.randint(1, 9999):04d}",
        dated_when=(printed, iso),
        savings=coupon,
        savings_label="모바일쿠폰할인",
        # 합계 is after the 행사할인 and 카드할인: no subtotal of the lines at their prices is printed.
    )


def ko_emart(s: Sale, cols: int) -> list[Op]:
    # A hypermarket's 영수증: the store, phone, address, 사업자 and 대표; the exchange and refund terms;
    # [구 매] with the date and time, 영수증번호 (the POS and the day's sequence); each article numbered, a
    # * before a 면세 one, 단가, 수량 and 금액, its barcode under it, then 행사할인 or 카드할인; the count,
    # 면세물품가액, 과세물품가액 and 부가세 (10 %, included), 합계, the 모바일쿠폰, 받을금액 in 원; the
    # tenders and 거스름돈; the card's 카드사, number, 할부 and 승인번호; the 현금영수증; the points earned,
    # the parking and the transaction's barcode.
    c = (Col(3), Col(None), Col(6, "right"), Col(4, "right"), Col(7, "right"))
    under = (Col(3), Col(None), Col(8, "right"))
    seq = int(s.no[-4:])
    taxable = sum((ln.net for ln in s.lines if not ln.tag), Decimal(0))
    vat = included_tax(taxable, Decimal(10), 0)
    free = sum((ln.net for ln in s.lines if ln.tag), Decimal(0))
    ops: list[Op] = [
        Title("누리마트"),
        Center("성수점"),
        Text("누리마트 성수점 T:(02)2280-1234"),
        Text("서울 성동구 뚝섬로 379"),
        Text("사업자:206-86-50913  대표:한채원"),
        Text("영수증 미지참시 교환/환불 불가"),
        Text("정상상품에 한함, 30일 이내(신선 7일)"),
        Text("교환/환불 구매점에서 가능(결제카드 지참)"),
        Blank(),
        Text(f"[구 매]{s.when}"),
        Text(f"영수증번호: {s.no}"),
        Rule(),
        Row(("", "상 품 명", "단 가", "수량", "금 액"), c),
        Rule(),
    ]
    for k, ln in enumerate(s.lines, 1):
        mark = f"{k:02d}{'*' if ln.tag else ' '}"
        ops += [
            Row((mark, ln.name, WHOLE(ln.price), str(ln.qty), WHOLE(ln.amount)), c),
            Text(f"    {ln.code}"),
        ]
        if ln.discount:
            ops.append(Row(("", f" {ln.note}", WHOLE(ln.discount)), under))
    ops += [
        Rule(),
        pair("총 품목 수량", str(pieces(s.lines))),
        pair("(*)면 세  물 품 가 액", WHOLE(free)),
        pair("   과 세  물 품 가 액", WHOLE(taxable - vat)),
        pair("   부     가     세", WHOLE(vat)),
        pair("합              계", WHOLE(s.total + s.savings), bold=True),
    ]
    if s.savings:
        ops.append(pair(s.savings_label, WHOLE(-s.savings)))
    ops += [pair("받 을 금 액", f"{WHOLE(s.total)}원", bold=True, tall=True, right=14), Rule()]
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("거스름돈", WHOLE(s.change)))
    for t in s.tenders:
        if t.method == "card":
            months = "03개월" if t.amount >= 50000 and seq % 2 else "일시불"
            ops += [
                Rule(),
                Text(f"카드사: {KO_CARDS[seq % len(KO_CARDS)]}"),
                Text(f"카드번호: {5327 + seq % 7}-{seq * 7 % 100:02d}**-****-{seq * 13 % 1000:03d}*"),
                Row(
                    (f"할부: {months}", f"승인번호: {seq * 7919 % 90000000 + 10000000}"), (Col(None), Col(18))
                ),
                pair("결제금액", WHOLE(t.amount)),
            ]
        elif t.method == "cash":
            ops += [
                Rule(),
                Text("[현금영수증] 소득공제"),
                Text("식별번호: 010-****-5821"),
                Text(f"승인번호: {seq * 6151 % 900000000 + 100000000}"),
            ]
        elif t.label.startswith("누리포인트"):
            ops += [Rule(), Text("누리포인트 사용"), pair("사용포인트", f"{WHOLE(t.amount)}P")]
    earned = int(s.total // 1000)  # 0.1 % of what was paid
    ops += [
        Rule(),
        Text("누리포인트 적립"),
        Text("김*진 고객님의 포인트 현황입니다"),
        pair("금회발생포인트", str(earned)),
        pair("누계(가용)포인트", WHOLE(Decimal(earned + 4200 + seq * 37 % 9000))),
        Rule(),
        Text("구매금액기준 무료주차시간 자동부여"),
        Text(f"주차: {'3시간' if s.total >= 50000 else '2시간'} 무료"),
        Blank(),
        Barcode(f"{s.iso[:10].replace('-', '')}0218{s.no.replace('-', '')}"),
    ]
    return ops


TW_YAOJU_GOODS = (  # (name, price, kind): 藥 over the counter, 保健 supplements (the member's 9折), 日用
    ("普拿疼加強錠 24錠", "175", "藥"),
    ("斯斯感冒膠囊 20粒", "210", "藥"),
    ("伏冒熱飲 12包", "250", "藥"),
    ("曼秀雷敦薄荷膏", "95", "藥"),
    ("撒隆巴斯 40片", "199", "藥"),
    ("表飛鳴 450錠", "980", "藥"),
    ("克補B群加強錠 60錠", "699", "保健"),
    ("善存綜合維他命 100錠", "890", "保健"),
    ("維他命C 1000mg 60錠", "450", "保健"),
    ("葉黃素 30粒", "880", "保健"),
    ("魚油 90粒", "990", "保健"),
    ("醫療口罩 成人 50入", "199", "日用"),
    ("酒精75% 500ml", "69", "日用"),
    ("生理食鹽水 500ml", "45", "日用"),
    ("OK繃 綜合 40片", "89", "日用"),
    ("電子體溫計", "350", "日用"),
)
TW_YAOJU_SELLER = "24681357"  # the pharmacy's 統一編號
TW_YAOJU_BUYERS = ("53212539", "28471063", "86517794")  # clinics and offices buying supplies
TW_YAOJU_MEMBER = 10  # the member's % off supplements (會員9折)
TW_YAOJU_OFFER = (Decimal(1000), Decimal(100))  # 滿千折百: from, off
TW_YAOJU_CASH = (100, 200, 500, 1000, 2000, 3000)
TW_YAOJU_FORMATS = (  # how the 明細 prints the date: the ROC year on the old till, the seconds where the
    # 證明聯 above it prints them (no 證明聯 when the invoice went to the member's 載具, v1)
    "115/{m}/{d} {H}:{M}:{S}",
    "115/{m}/{d} {H}:{M}",
    "{y}-{m}-{d} {H}:{M}:{S}",
    "{y}/{m}/{d} {H}:{M}:{S}",
)


def tw_yaoju_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, TW_YAOJU_GOODS, (2, 5), places=0, qtys=(1, 1, 1, 2, 2, 3))
    if v == 1 and not any(ln.tag == "保健" for ln in lines):
        name, price, kind = rng.choice([g for g in TW_YAOJU_GOODS if g[2] == "保健"])
        lines.append(Line(name, Decimal(1), Decimal(price), 0, tag=kind))
    if v == 1:  # the member's 9折 on supplements, each line's 10 % rounded to the dollar
        lines = [
            replace(ln, discount=-(ln.amount * TW_YAOJU_MEMBER / 100).quantize(Decimal(1), ROUND_HALF_UP))
            if ln.tag == "保健"
            else ln
            for ln in lines
        ]
    net = sum((ln.net for ln in lines), Decimal(0))
    if v == 3 and net < TW_YAOJU_OFFER[0]:
        name, price, kind = rng.choice([g for g in TW_YAOJU_GOODS if int(g[1]) >= 690])
        lines.append(Line(name, Decimal(2), Decimal(price), 0, tag=kind))
        net = sum((ln.net for ln in lines), Decimal(0))
    offer = TW_YAOJU_OFFER[1] if v == 3 else Decimal(0)
    total = net - offer
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "現金", tendered(rng, total, TW_YAOJU_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "信用卡", total),)
    elif v == 2:
        tenders = (Tender("other", "悠遊卡", total),)
    else:
        tenders = (Tender("other", "LINE Pay", total),)
    track = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2))
    invoice = f"{track}-{rng.randint(0, 10**8 - 1):08d}"
    buyer = rng.choice(TW_YAOJU_BUYERS) if v == 2 else ""
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        # The invoice number (the 證明聯's, and the 明細's 發票號碼) and a company buyer's 統一編號.
        no=f"{invoice};{buyer}",
        receipt_no=invoice,
        dated_when=dated_between_hours(rng, TW_YAOJU_FORMATS[v], 9, 22),
        savings=offer,
        savings_label="滿千折百",
        subtotal_printed=True,  # 小計: the lines at their prices, before 會員9折 and 滿千折百
    )


def tw_yaoju(s: Sale, cols: int) -> list[Op]:
    # A pharmacy chain's 電子發票證明聯 with its 交易明細 under it. The 證明聯: the pharmacy, the two-month
    # period in ROC years, the invoice number, the date and time (with seconds), 隨機碼 and 總計, 賣方 and a
    # company's 買方 (then 格式 25), the Code 39 barcode and the two QR codes; none when the invoice went to
    # the member's 載具 (the 明細 then says so). The 明細: the store, address, phone, 統一編號 and the
    # pharmacist on duty; 日期 (the sale's), the till and the cashier, 發票號碼; 品名/數量/單價/金額, the
    # member's 9折 under a supplement; the count, 小計, 會員折扣, 滿千折百, 總計 NT$; a company's 銷售額 and
    # 稅額 (5 % included); 現金 and 找零, the card's number and 授權碼, the 悠遊卡's balance, LINE Pay's
    # transaction number.
    invoice, buyer = s.no.split(";")
    track, number = invoice.split("-")
    seq = int(number)
    random_code = f"{seq * 37 % 10000:04d}"
    month = int(s.iso[5:7])
    period = month + month % 2
    member = s.tenders[0].method == "card"  # the member who paid by card keeps the invoice on the app
    tax = included_tax(s.total, Decimal(5), places=0)
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    ops: list[Op] = []
    if not member:
        secret = base64.b64encode(hashlib.sha256(f"{invoice}/{s.iso}".encode()).digest()[:18]).decode()
        items = [
            f"{base64.b64encode(ln.name.encode()).decode()}:{ln.qty}:{WHOLE(ln.price).replace(',', '')}"
            for ln in s.lines
        ]
        sales = s.total - tax if buyer else s.total
        left = (
            f"{track}{number}115{s.iso[5:7]}{s.iso[8:10]}{random_code}{int(sales):08x}{int(s.total):08x}"
            f"{buyer or '00000000'}{TW_YAOJU_SELLER}{secret}:**********:{len(items)}:{len(items)}:2:"
            f"{items[0]}"
        )
        ops += [
            Title("康泰藥局"),
            Title("電子發票證明聯"),
            Title(f"115年{period - 1:02d}-{period:02d}月"),
            Title(invoice),
            Text(f"{s.iso[:10]} {s.iso[11:19]}" + ("  格式 25" if buyer else "")),
            Row((f"隨機碼:{random_code}", f"總計:{WHOLE(s.total)}"), (Col(None), Col(12))),
            Row((f"賣方:{TW_YAOJU_SELLER}", f"買方:{buyer}" if buyer else ""), (Col(None), Col(14))),
            Barcode(f"115{period:02d}{track}{number}{random_code}"),
            QR(left),
            QR("**" + ":".join(items[1:])),
            Center("退貨請持證明聯及交易明細"),
            Rule(),
        ]
    wide = cols >= 46
    c = (Col(None), Col(4, "right"), Col(6 if wide else 5, "right"), Col(7 if wide else 6, "right"))
    ops += [
        Center("交易明細", bold=True),
        Center("康泰藥局 南京中山店"),
        Center("台北市中山區南京東路二段128號"),
        Center("電話:(02)2581-6620"),
        Text(f"統一編號:{TW_YAOJU_SELLER}  藥師:陳怡君"),
        Text(f"日期:{s.when}"),
        Text(f"機號:02  收銀員:{1080 + seq % 17}"),
        Text(f"發票號碼:{invoice}"),
    ]
    if member:
        ops.append(Text(f"會員:09**-***-{seq % 1000:03d}  會員載具"))
    ops += [Rule(), Row(("品名", "數量", "單價", "金額"), c), Rule()]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), WHOLE(ln.price), WHOLE(ln.amount)), c))
        if ln.discount:
            ops.append(Row((f"  會員{10 - TW_YAOJU_MEMBER // 10}折", "", "", WHOLE(ln.discount)), c))
    ops += [Rule(), Text(f"共 {len(s.lines)} 項  {pieces(s.lines)} 件"), pair("小計", WHOLE(s.subtotal))]
    if off:
        ops.append(pair("會員折扣", WHOLE(off)))
    if s.savings:
        ops.append(pair(s.savings_label, WHOLE(-s.savings)))
    ops.append(pair("總計", f"NT${WHOLE(s.total)}", bold=True, tall=True))
    if buyer:
        ops += [Text(f"買方統編:{buyer}"), pair("銷售額", WHOLE(s.total - tax)), pair("稅額 5%", WHOLE(tax))]
    ops.append(Rule())
    for t in s.tenders:
        ops.append(pair(t.label, WHOLE(t.amount)))
    if s.cash:
        ops.append(pair("找零", WHOLE(s.change)))
    pay = s.tenders[0]
    if pay.method == "card":
        ops += [
            Text(f"卡號:{4311 + seq % 600}-{seq % 100:02d}**-****-{seq * 53 % 10000:04d}"),
            Text(f"授權碼:{seq * 7919 % 1000000:06d}  一次付清"),
        ]
    elif pay.label == "悠遊卡":
        ops += [
            Text(f"悠遊卡號:{seq * 61 % 10**10:010d}"),
            pair("交易前餘額", WHOLE(s.total + 120 + seq % 900)),
            pair("交易後餘額", WHOLE(Decimal(120 + seq % 900))),
        ]
    elif not s.cash:
        ops.append(Text(f"LINE Pay 交易序號:{s.iso[:10].replace('-', '')}{seq * 6151 % 10**11:011d}"))
    ops += [
        Blank(),
        Text("藥品售出後除瑕疵外恕不退換"),
        Text("用藥問題請洽本店藥師"),
        Center("祝您身體健康 謝謝光臨"),
    ]
    return ops


TR_FIRIN_BREAD = (  # (name, price, KDV %): bread at %1
    ("EKMEK 250 GR", "17.50", "1"),
    ("TAM BUĞDAY EKMEĞİ", "30.00", "1"),
    ("ÇAVDAR EKMEĞİ", "35.00", "1"),
    ("KÖY EKMEĞİ", "45.00", "1"),
    ("KEPEKLİ EKMEK", "25.00", "1"),
)
TR_FIRIN_PIECES = (  # pastries and drinks by the piece: food at %10, bottled drinks and candles at %20
    ("SİMİT", "20.00", "10"),
    ("PEYNİRLİ POĞAÇA", "22.50", "10"),
    ("ZEYTİNLİ POĞAÇA", "22.50", "10"),
    ("SADE AÇMA", "20.00", "10"),
    ("ÇİKOLATALI KRUVASAN", "45.00", "10"),
    ("KIYMALI BÖREK", "60.00", "10"),
    ("TRİLEÇE", "110.00", "10"),
    ("PROFİTEROL", "120.00", "10"),
    ("ÇAY", "15.00", "10"),
    ("FİLTRE KAHVE", "60.00", "10"),
    ("KOLA 330 ML", "45.00", "20"),
    ("MADEN SUYU 200 ML", "15.00", "20"),
)
TR_FIRIN_WEIGHED = (  # (name, price a kilo, KDV %)
    ("KURU PASTA", "380.00", "10"),
    ("TUZLU KURABİYE", "420.00", "10"),
    ("ACIBADEM KURABİYESİ", "520.00", "10"),
    ("FISTIKLI BAKLAVA", "1450.00", "10"),
    ("ŞEKERPARE", "340.00", "10"),
)
TR_FIRIN_CAKES = (  # birthday cakes by the piece, and their candles
    ("YAŞ PASTA 8 KİŞİLİK", "850.00", "10"),
    ("ÇİKOLATALI PASTA 12 KİŞİLİK", "1250.00", "10"),
    ("DOĞUM GÜNÜ MUMU", "30.00", "20"),
)
TR_FIRIN_INDIRIM = 10  # the regulars' İNDİRİM on a cake or what was weighed
TR_FIRIN_MEAL_CARDS = ("PLUXEE", "MULTINET", "SETCARD", "TICKET")
TR_FIRIN_CASH = (50, 100, 200, 250, 500, 1000, 1500, 2000)


def tr_firin_sale(rng: random.Random, v: int) -> Sale:
    def line(item: tuple[str, str, str], qty: Decimal) -> Line:
        return Line(item[0], qty, Decimal(item[1]), tag=item[2])

    lines = [
        line(b, Decimal(rng.choice((1, 1, 2, 3)))) for b in rng.sample(TR_FIRIN_BREAD, rng.randint(1, 2))
    ]
    lines += [
        line(p, Decimal(rng.choice((1, 2, 2, 3, 4)))) for p in rng.sample(TR_FIRIN_PIECES, rng.randint(1, 3))
    ]
    if v >= 1:  # weighed on the counter's scale: the grams it shows, five at a time
        for item in rng.sample(TR_FIRIN_WEIGHED, rng.randint(1, 2)):
            lines.append(line(item, Decimal(rng.randrange(150, 995, 5)).scaleb(-3)))
    if v == 2:  # a birthday cake, its candles, the regulars' discount on the cake and what was weighed
        cake = line(rng.choice(TR_FIRIN_CAKES[:2]), Decimal(1))
        lines += [cake, line(TR_FIRIN_CAKES[2], Decimal(rng.randint(1, 2)))]
        lines = [
            replace(
                ln, discount=-(ln.amount * TR_FIRIN_INDIRIM / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            )
            if ln.qty != ln.qty.to_integral() or ln is cake
            else ln
            for ln in lines
        ]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "NAKİT", tendered(rng, total, TR_FIRIN_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "KREDİ KARTI", total),)
    elif v == 2:  # part in cash, the rest by card
        cash = Decimal(rng.choice((200, 500, 1000))).quantize(Decimal("0.01"))
        cash = min(cash, round_to(total / 2, 50, ROUND_DOWN).quantize(Decimal("0.01")))
        tenders = (Tender("cash", "NAKİT", cash), Tender("card", "KREDİ KARTI", total - cash))
    else:  # the meal card's balance first, what it does not cover in cash
        meal = min(total, Decimal(rng.choice((150, 250, 400, 600))).quantize(Decimal("0.01")))
        tenders = (Tender("other", "YEMEK KARTI", meal),)
        if meal < total:
            tenders += (Tender("cash", "NAKİT", tendered(rng, total - meal, TR_FIRIN_CASH)),)
    # The ÖKC prints TARİH and SAAT in fields of their own: `when` is the two, joined by a space.
    printed, iso = dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", 7, 21)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 350):04d}",
        dated_when=(printed, iso),
        # No ARA TOPLAM: the receipt's sums are the KDV and TOPLAM, after any İNDİRİM.
    )


def tr_firin(s: Sale, cols: int) -> list[Op]:
    # An Istanbul bakery's fiscal receipt from a new-generation ÖKC: the bakery, its company, address, phone,
    # tax office and number; TARİH with FİŞ NO beside it, SAAT; "3 AD X 17,50" or "0,450 KG X 380,00" over
    # an item bought more than once or weighed, each item with its KDV rate and its amount after the fiscal
    # star, İNDİRİM %10 under a line; KDV per rate, TOPKDV and TOPLAM; NAKİT and PARA ÜSTÜ, YEMEK KARTI with
    # the card's company, KREDİ KARTI with the bank's lines; KASİYER, Z NO, EKÜ NO and the fiscal mark (MF).
    item = (Col(None), Col(4), Col(12, "right"))
    two = (Col(None), Col(16, "right"))
    seq = int(s.no)
    day, time_ = s.when.split()
    rates = sorted({ln.tag for ln in s.lines}, key=int)
    kdv = {rate: tr_kdv(s.lines, rate) for rate in rates}
    ops: list[Op] = [
        Title("ALTINBAŞAK FIRINI"),
        Center("ALTINBAŞAK UNLU MAMULLERİ"),
        Center("GIDA SAN. VE TİC. LTD. ŞTİ."),
        Center("CAFERAĞA MAH. MODA CAD. NO:112"),
        Center("KADIKÖY/İSTANBUL"),
        Center("TEL: 0216 336 18 42"),
        Center("KADIKÖY V.D. 0581247396"),
        Blank(),
        Row((f"TARİH : {day}", f"FİŞ NO : {s.no}"), two),
        Text(f"SAAT  : {time_}"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"{qty_str(ln.qty, ',')} KG X {TRY(ln.price)}"))
        elif ln.qty != 1:
            ops.append(Text(f"{ln.qty} AD X {TRY(ln.price)}"))
        ops.append(Row((ln.name, f"%{ln.tag}", f"*{TRY(ln.amount)}"), item))
        if ln.discount:
            ops.append(Row((f"İNDİRİM %{TR_FIRIN_INDIRIM}", "", f"*-{TRY(-ln.discount)}"), item))
    ops.append(Rule())
    for rate in rates:
        ops.append(pair(f"KDV %{rate}", f"*{TRY(kdv[rate])}", right=14))
    ops += [
        pair("TOPKDV", f"*{TRY(sum(kdv.values(), Decimal(0)))}", right=14),
        pair("TOPLAM", f"*{TRY(s.total)}", bold=True, tall=True, right=14),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, f"*{TRY(t.amount)}", right=14))
        if t.method == "other":
            company = TR_FIRIN_MEAL_CARDS[seq % len(TR_FIRIN_MEAL_CARDS)]
            ops.append(Text(f"  {company}  KART NO : ****{seq * 53 % 10000:04d}"))
    if s.cash:
        ops.append(pair("PARA ÜSTÜ", f"*{TRY(s.change)}", right=14))
    card = next((t for t in s.tenders if t.method == "card"), None)
    if card is not None:
        ops += [
            Rule(),
            Text("SATIŞ - TEMASSIZ"),
            Text("BANKA : GARANTİ BBVA"),
            Text(f"KART NO : 4543 24** **** {seq * 37 % 10000:04d}"),
            Text(f"İŞYERİ NO : 00000009{seq * 7 % 1000000:06d}"),
            Text(f"TERMİNAL NO : 0G{seq * 31 % 1000000:06d}"),
            Text(f"ONAY KODU : {seq * 4211 % 1000000:06d}"),
            Row(("TUTAR :", TRY(card.amount)), two),
        ]
    ops += [
        Rule(),
        Text(f"KASİYER : {('SEDA', 'HAKAN', 'ZEYNEP')[seq % 3]}"),
        Row((f"Z NO : {812 + seq // 40:04d}", "EKÜ NO : 0001"), two),
        Center("MF JI 20045231"),
        Blank(),
        Center("BİZİ TERCİH ETTİĞİNİZ İÇİN"),
        Center("TEŞEKKÜR EDERİZ"),
    ]
    return ops


TEMPLATES += (
    Template(
        "ja-honya",
        "Japanese",
        "JPY",
        ja_honya_sale,
        ja_honya,
        (
            Encoder(RL, "escpos", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starlinembcs", "star-line-80mm", 48, "shiftjis"),
            Encoder(RL, "sii", "japanese-80mm", 42, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "ko-emart",
        "Korean",
        "KRW",  # 받을금액 ...원
        ko_emart_sale,
        ko_emart,
        (
            Encoder(RL, "epson", "korean-80mm", 42, "ksc5601"),
            Encoder(RL, "sii", "korean-80mm", 48, "cp949"),
            Encoder(RL, "generic", "korean-80mm", 42, "cp949"),
        ),
        variants=4,
    ),
    Template(
        "zh-hant-tw-yaoju",
        "traditional Chinese",
        "TWD",  # 總計 NT$
        tw_yaoju_sale,
        tw_yaoju,
        # receiptline in Big5 and CP950, as the other Taiwanese templates (python-escpos sends hanzi as
        # GB18030).
        (
            Encoder(RL, "escpos", "taiwan-80mm", 42, "big5"),
            Encoder(RL, "citizen", "taiwan-80mm", 48, "cp950"),
            Encoder(RL, "sii", "taiwan-80mm", 48, "big5"),
        ),
        variants=4,
    ),
    Template(
        "tr-firin",
        "Latin",
        None,  # the ÖKC prints its amounts after the fiscal star: no TL or ₺
        tr_firin_sale,
        tr_firin,
        # receiptline has no code page with ğ, ı and İ: two receipt-printer-encoder models in CP857 and
        # python-escpos in CP857, as the other Turkish templates.
        (
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp857"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp857"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a Dutch
# drogisterij's kassabon (nl-nl-drogist: 1+1 gratis and 2e halve prijs under their articles, BTW A 9 % and
# B 21 % included in a BTW table, Subtotaal and Afronding to 5 cent in cash, PIN with its klantticket,
# Contant and Wisselgeld, a Cadeaukaart, the Voordeelpas' punten), a Madrid cafetería's FACTURA SIMPLIFICADA
# from its hospitality TPV (es-es-cafeteria: Mesa and Comensales or Barra, "Uds. Descripción Precio Importe",
# the menú del día as one item with its courses under it, Base imponible and IVA 10 %, Efectivo with
# Entregado and Cambio, Tarjeta, Bizum), a high-street chemist's till receipt (en-gb-chemist: VAT codes A
# 20 %, R 5 % for nicotine replacement and Z 0 % for sanitary protection, baby food and cold sandwiches, 3
# for 2 Mix & Match savings, a reduced-to-clear sticker, Balance to pay, Visa Contactless with its cardholder
# copy, Cash and Change due, a Gift Card, the Rewards card's points, a VAT summary, dates with two-digit
# years) and a São Paulo padaria's DANFE NFC-e (pt-br-padaria: pão francês and cold cuts weighed by the kg,
# café, salgados, the comanda's number, Qtde. total de itens, a loyalty Desconto, TOTAL R$, Dinheiro, Cartão
# de Débito, PIX and Troco, the IBPT taxes, the NFC-e number and series with its emission time, the access
# key and the authorisation protocol).

NL_DROG_BTW = {"A": Decimal(9), "B": Decimal(21)}  # A: medicines, supplements and food; B: all else
NL_DROG_ARTIKELEN = (  # (name, price, BTW code)
    ("Paracetamol 500mg 20 tabl", "1.29", "A"),
    ("Ibuprofen 400mg 20 tabl", "2.19", "A"),
    ("Neusspray Xylometazoline", "3.49", "A"),
    ("Keelpastilles Honing", "2.79", "A"),
    ("Vitamine D3 25mcg 120st", "5.99", "A"),
    ("Multivitamine 50+ 60 tabl", "7.49", "A"),
    ("Magnesium 400mg 60 tabl", "8.99", "A"),
    ("Dropmix zoet 300g", "1.99", "A"),
    ("Rijstwafels naturel", "1.15", "A"),
    ("Fruithapje appel-peer", "1.39", "A"),
    ("Tandpasta Whitening 75ml", "2.49", "B"),
    ("Tandenborstel medium 2st", "3.99", "B"),
    ("Douchegel Sensitive 250ml", "2.89", "B"),
    ("Shampoo Repair 300ml", "4.59", "B"),
    ("Deodorant spray 150ml", "3.29", "B"),
    ("Dagcrème SPF15 50ml", "8.99", "B"),
    ("Micellair water 400ml", "5.49", "B"),
    ("Wattenschijfjes 80st", "1.09", "B"),
    ("Scheermesjes 4st", "9.99", "B"),
    ("Luiers maat 4 44st", "12.99", "B"),
    ("Billendoekjes 3x64st", "4.79", "B"),
    ("Handzeep navul 500ml", "2.29", "B"),
    ("Wattenstaafjes 200st", "0.99", "B"),
    ("Mascara Volume zwart", "7.99", "B"),
    ("Nagellak rood 8ml", "3.99", "B"),
)
NL_DROG_ACTIES = {  # this week's folder: the second of a pair free or at half price
    "Tandpasta Whitening 75ml": "1+1 gratis",
    "Douchegel Sensitive 250ml": "1+1 gratis",
    "Vitamine D3 25mcg 120st": "1+1 gratis",
    "Billendoekjes 3x64st": "1+1 gratis",
    "Shampoo Repair 300ml": "2e halve prijs",
    "Luiers maat 4 44st": "2e halve prijs",
    "Deodorant spray 150ml": "2e halve prijs",
    "Magnesium 400mg 60 tabl": "2e halve prijs",
}
NL_DROG_MEDEWERKERS = ("Sanne", "Fatima", "Joyce", "Daan", "Lotte", "Mehmet")
NL_DROG_PUNTEN = Decimal("2.00")  # 200 Voordeelpas punten redeemed: 2 euro off


def nl_drog_actie(ln: Line) -> Decimal:
    """What the folder's offer takes off a line: a unit a pair, or half of one (to the cent)."""
    pairs = int(ln.qty) // 2
    if ln.name not in NL_DROG_ACTIES or not pairs:
        return Decimal(0)
    if NL_DROG_ACTIES[ln.name] == "1+1 gratis":
        return -ln.price * pairs
    return -(ln.price / 2).quantize(Decimal("0.01"), ROUND_HALF_UP) * pairs


def nl_nl_drogist_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, NL_DROG_ARTIKELEN, (3, 6) if v != 1 else (2, 4), qtys=(1, 1, 1, 1, 2, 3))
    if v in (0, 2, 3) and not any(nl_drog_actie(ln) for ln in lines):  # something from the folder, twice
        name = rng.choice(sorted(NL_DROG_ACTIES))
        lines = [ln for ln in lines if ln.name != name]
        price, tag = next((p, t) for n, p, t in NL_DROG_ARTIKELEN if n == name)
        twice = Line(name, Decimal(rng.choice((2, 2, 4))), Decimal(price), tag=tag)
        lines.insert(rng.randint(0, len(lines)), twice)
    lines = [replace(ln, discount=nl_drog_actie(ln)) for ln in lines]
    due = sum((ln.net for ln in lines), Decimal(0))
    savings, label = Decimal(0), ""
    if v == 3 and due > 3 * NL_DROG_PUNTEN:  # the Voordeelpas' points cashed in
        savings, label = NL_DROG_PUNTEN, "Punten ingewisseld"
    if v == 1:  # cash: the total rounded to 5 cent
        savings, label = due - round_to(due * 20, 1) / 20, "Afronding"
    due -= savings
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("cash", "Contant", tendered(rng, due, EUR_CASH)),)
    elif v == 2:  # a gift card, the rest by PIN
        gift = Decimal(next(g for g in (25, 15, 10, 5) if g < due)).quantize(due)
        tenders = (Tender("other", "Cadeaukaart", gift), Tender("card", "PIN", due - gift))
    else:
        tenders = (Tender("card", "PIN", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(100000, 999999)),
        dated_when=dated_between_hours(rng, "{d}-{m}-{y} {H}:{M}", 9, 21),
        savings=savings,
        savings_label=label,
        # Subtotaal is after the folder's offers: the articles' own sum only when none came off.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def nl_nl_drogist(s: Sale, cols: int) -> list[Op]:
    # A Dutch drogisterij chain's kassabon: the chain and its slogan, the filiaal, address and phone; an EUR
    # column, each article with its amount and BTW code, "2 x 2,49" under its name, the folder's 1+1 gratis or
    # 2e halve prijs under it; Subtotaal, the points cashed in or the Afronding of a cash total, TOTAAL; PIN,
    # Cadeaukaart, Contant and Wisselgeld; what was saved and the articles counted; the BTW table (Excl.,
    # BTW, Incl.) by code; the Voordeelpas' points; the PIN terminal's klantticket; Kassa, Medewerker, the
    # Bonnr. and the date and time; the chain's KvK and BTW numbers.
    item = (Col(None), Col(9, "right"), Col(1))
    seq = int(s.no)
    kassa = seq % 4 + 1
    ops: list[Op] = [
        Title("DROGISTERIJ VAN DAM"),
        Center("Gezond en mooi voor minder"),
        Center("Filiaal 0473 Utrecht Overvecht"),
        Center("Zamenhofdreef 72"),
        Center("3562 JW Utrecht"),
        Center("Tel. 030 261 44 80"),
        Blank(),
        Row(("Omschrijving", "EUR", ""), item),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty == 1:
            ops.append(Row((ln.name, COMMA(ln.amount), ln.tag), item))
        else:
            ops += [
                Row((ln.name, "", ""), item),
                Row((f"  {ln.qty} x {COMMA(ln.price)}", COMMA(ln.amount), ln.tag), item),
            ]
        if ln.discount:
            ops.append(Row((f"  Actie {NL_DROG_ACTIES[ln.name]}", COMMA(ln.discount), ln.tag), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), Row(("Subtotaal", COMMA(net), ""), item)]
    if s.savings:
        ops.append(Row((s.savings_label, COMMA(-s.savings), ""), item))
    ops.append(Row(("TOTAAL", COMMA(s.total), ""), item, bold=True, tall=True))
    for t in s.tenders:
        ops.append(Row((t.label, COMMA(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("Wisselgeld", COMMA(s.change), ""), item))
    saved = -sum((ln.discount for ln in s.lines), Decimal(0))
    ops.append(Blank())
    if saved:
        ops.append(Text(f"U heeft vandaag € {COMMA(saved)} voordeel!"))
    ops.append(Text(f"Aantal artikelen: {pieces(s.lines)}"))
    # The BTW on what was paid: the points' discount or the rounding taken off the larger class.
    gross = {tag: sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0)) for tag in NL_DROG_BTW}
    gross[max(gross, key=gross.__getitem__)] -= s.savings
    table = (Col(7), Col(None, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("BTW", "Excl.", "BTW", "Incl."), table)]
    for tag, rate in NL_DROG_BTW.items():
        if gross[tag]:
            tax = included_tax(gross[tag], rate)
            ops.append(Row((f"{tag} {rate}%", COMMA(gross[tag] - tax), COMMA(tax), COMMA(gross[tag])), table))
    if seq % 3 or s.savings_label == "Punten ingewisseld":  # the Voordeelpas: a point a euro
        earned = int(s.total)
        balance = seq * 7 % 900 + 210
        ops += [
            Rule(),
            Text(f"Voordeelpas ****{seq * 29 % 10000:04d}"),
            Text(f"Punten deze aankoop: {earned}"),
        ]
        if s.savings_label == "Punten ingewisseld":
            ops.append(Text("Punten ingewisseld: 200"))
            balance -= 200
        ops.append(Text(f"Nieuw puntensaldo: {balance + earned}"))
    for t in s.tenders:
        if t.label == "PIN":
            ops += [
                Rule(),
                Center("KLANTTICKET"),
                Text(f"Terminal          CT{418200 + kassa}"),
                Text("Merchant          0473118"),
                Text(f"Periode           {6340 + seq % 9}"),
                Text(f"Transactie        {seq * 13 % 10**8:08d}"),
                Text("Debit Mastercard" if seq % 2 else "Maestro"),
                Text(f"Kaart             xxxxxxxxxxxxxxx{seq * 37 % 10000:04d}"),
                Text("BETALING"),
                Text(f"Datum             {s.when}"),
                Text(f"Autorisatiecode   {seq * 4211 % 10**6:06d}"),
                Row(("Bedrag", f"EUR {COMMA(t.amount)}", ""), item),
                Center("Contactloos"),
            ]
        elif t.label == "Cadeaukaart":
            ops += [Rule(), Text(f"Cadeaukaart ****{seq * 53 % 10000:04d}"), Text("Restsaldo: € 0,00")]
    ops += [
        Rule(),
        Text(f"Kassa: {kassa:02d}   Medewerker: {NL_DROG_MEDEWERKERS[seq % 6]}"),
        Row((f"Bonnr.: {s.no}", s.when), (Col(None), Col(16, "right"))),
        Barcode(f"0473{kassa:02d}{s.no}"),
        Center("Bedankt voor uw bezoek!"),
        Center("Ruilen binnen 30 dagen met kassabon"),
        Center("KvK 30145879 - BTW NL812345678B01"),
    ]
    return ops


ES_CAFE_CARTA = (  # (name, price): everything served at IVA 10 %, drinks too
    ("CAFÉ SOLO", "1.30"),
    ("CORTADO", "1.40"),
    ("CAFÉ CON LECHE", "1.60"),
    ("CAFÉ AMERICANO", "1.50"),
    ("INFUSIÓN", "1.50"),
    ("COLACAO", "1.90"),
    ("ZUMO NARANJA NATURAL", "3.20"),
    ("AGUA MINERAL 50CL", "1.50"),
    ("COCA-COLA", "2.30"),
    ("CAÑA", "2.20"),
    ("TERCIO MAHOU", "2.80"),
    ("COPA VINO TINTO", "2.50"),
    ("TOSTADA CON TOMATE", "2.50"),
    ("CROISSANT A LA PLANCHA", "2.20"),
    ("PINCHO TORTILLA", "2.80"),
    ("BOCADILLO CALAMARES", "5.50"),
    ("BOCADILLO DE JAMÓN", "5.80"),
    ("SÁNDWICH MIXTO", "3.90"),
    ("RACIÓN PATATAS BRAVAS", "5.90"),
    ("RACIÓN CROQUETAS", "7.50"),
)
ES_CAFE_DESAYUNO = frozenset(  # what the bar serves at breakfast
    (
        "CAFÉ SOLO",
        "CORTADO",
        "CAFÉ CON LECHE",
        "COLACAO",
        "INFUSIÓN",
        "ZUMO NARANJA NATURAL",
        "TOSTADA CON TOMATE",
        "CROISSANT A LA PLANCHA",
        "PINCHO TORTILLA",
        "SÁNDWICH MIXTO",
    )
)
ES_CAFE_MENU = ("MENÚ DEL DÍA", "12.50")  # primero, segundo, pan, bebida y postre o café
ES_CAFE_PRIMEROS = (
    "Gazpacho",
    "Ensalada mixta",
    "Lentejas estofadas",
    "Macarrones boloñesa",
    "Sopa castellana",
)
ES_CAFE_SEGUNDOS = (
    "Merluza a la romana",
    "Filete de ternera",
    "Pollo al ajillo",
    "Albóndigas",
    "Huevos rotos",
)
ES_CAFE_POSTRES = ("Flan casero", "Natillas", "Fruta del tiempo", "Arroz con leche", "Café")
ES_CAFE_CAMAREROS = ("JAVIER", "LUCÍA", "ANDRÉS", "PILAR", "RUBÉN")


def es_es_cafeteria_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    if v in (0, 3):  # lunch: the menú for the table, what each chose under it
        menus = rng.randint(2 if v == 3 else 1, 4)
        platos = [
            f"{n} {plato}"
            for n, choices in (
                ("1º", ES_CAFE_PRIMEROS),
                ("2º", ES_CAFE_SEGUNDOS),
                ("Postre:", ES_CAFE_POSTRES),
            )
            for plato in rng.sample(choices, menus)
        ]
        lines.append(Line(ES_CAFE_MENU[0], Decimal(menus), Decimal(ES_CAFE_MENU[1]), note="\n".join(platos)))
        extra = [a for a in ES_CAFE_CARTA if a[0] not in ES_CAFE_DESAYUNO or a[0].startswith("CAFÉ")]
        lines += pick(rng, extra, (0, 3), qtys=(1, 1, 2))
    elif v == 1:  # breakfast at the bar
        breakfast = [a for a in ES_CAFE_CARTA if a[0] in ES_CAFE_DESAYUNO]
        lines = pick(rng, breakfast, (2, 3), qtys=(1, 1, 1, 2))
    else:  # tapas and drinks at a table
        tapas = [a for a in ES_CAFE_CARTA if a[0] not in ES_CAFE_DESAYUNO]
        lines = pick(rng, tapas, (2, 5), qtys=(1, 2, 2, 3))
    total = sum((ln.amount for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "Efectivo", tendered(rng, total, EUR_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "Tarjeta", total),)
    elif v == 2:
        tenders = (Tender("other", "Bizum", total),)
    else:  # the table splits the bill: a part by card, the rest in cash
        part = (total / 2).quantize(Decimal(1), ROUND_DOWN).quantize(total)
        tenders = (
            Tender("card", "Tarjeta", part),
            Tender("cash", "Efectivo", tendered(rng, total - part, EUR_CASH)),
        )
    opens, closes = (7, 12) if v == 1 else (13, 17) if v in (0, 3) else (12, 23)
    return Sale(
        tuple(lines),
        tenders,
        # The TPV's series for simplified invoices and its number in it (the table is on the Mesa line).
        no=f"T1-{rng.randint(1, 99999):06d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", opens, closes),
    )


def es_es_cafeteria(s: Sale, cols: int) -> list[Op]:
    # A Madrid cafetería's FACTURA SIMPLIFICADA from its hospitality TPV: the trade name, the company, NIF,
    # address and phone; the invoice's series and number, the date and time, Mesa and Comensales (or Barra),
    # the camarero; "Uds. Descripción Precio Importe", the menú del día as one item with each guest's courses
    # under it (no amount); Base imponible, IVA 10 % and TOTAL with €; the way it was paid, Entregado and
    # Cambio; IVA INCLUIDO and the thanks.
    seq = int(s.no[3:])
    item = (Col(4, "right"), Col(None), Col(6, "right"), Col(7, "right"))
    menus = sum((int(ln.qty) for ln in s.lines if ln.name == ES_CAFE_MENU[0]), 0)
    barra = all(ln.name in ES_CAFE_DESAYUNO for ln in s.lines)
    iva = included_tax(s.total, Decimal(10))
    ops: list[Op] = [
        Title("CAFETERÍA EL MIRADOR"),
        Center("Restauración Mirador 2019, S.L."),
        Center("NIF: B88314562"),
        Center("Avda. de la Albufera, 118"),
        Center("28038 MADRID"),
        Center("Tel. 917 78 42 65"),
        Blank(),
        Center("FACTURA SIMPLIFICADA", bold=True),
        Text(f"Fra. simplificada nº: {s.no}"),
        Text(f"Fecha: {s.when}"),
    ]
    if barra:
        ops.append(Text("Mesa: BARRA"))
    else:
        comensales = menus + seq % 2 if menus else seq % 3 + 2
        ops.append(Text(f"Mesa: {seq % 23 + 1}   Comensales: {comensales}"))
    ops += [
        Text(f"Camarero: {ES_CAFE_CAMAREROS[seq % 5]}   TPV: 1"),
        Rule(),
        Row(("Uds.", "Descripción", "Precio", "Importe"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.price), COMMA(ln.amount)), item))
        ops += [Text(f"      {plato}") for plato in ln.note.splitlines()]
    ops += [
        Rule(),
        pair("Base imponible", COMMA(s.total - iva)),
        pair("IVA 10%", COMMA(iva)),
        pair("TOTAL", f"{COMMA(s.total)} €", bold=True, tall=True),
        Rule(),
        Text("Forma de pago: " + " + ".join(t.label for t in s.tenders)),
    ]
    for t in s.tenders:
        if t.method == "cash":
            ops.append(pair("Entregado", COMMA(t.amount)))
        else:
            ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Cambio", COMMA(s.change)))
    for t in s.tenders:
        if t.label == "Tarjeta":
            ops += [
                Blank(),
                Text(f"VISA ************{seq * 37 % 10000:04d}"),
                Text(f"Autorización: {seq * 4211 % 10**6:06d}  Contactless"),
            ]
        elif t.label == "Bizum":
            ops += [Blank(), Text(f"Bizum ref.: {seq * 7919 % 10**9:09d}")]
    ops += [
        Blank(),
        Center("IVA INCLUIDO"),
        Center("Gracias por su visita"),
        Center("¡Vuelva pronto!"),
    ]
    return ops


GB_CHEM_VAT = {"A": Decimal(20), "R": Decimal(5), "Z": Decimal(0)}  # R: nicotine replacement
GB_CHEM_ITEMS = (  # (name, price, VAT code)
    ("WG PARACETAMOL 500MG 16S", "0.59", "A"),
    ("WG IBUPROFEN 200MG 16S", "0.79", "A"),
    ("NUROFEN EXPRESS 16S", "4.29", "A"),
    ("BENYLIN CHESTY COUGH 150ML", "7.49", "A"),
    ("LEMSIP MAX SACHETS 10S", "5.29", "A"),
    ("SUDAFED BLOCKED NOSE 12S", "5.99", "A"),
    ("GAVISCON DOUBLE ACTION 24S", "6.99", "A"),
    ("PIRITON ALLERGY 30S", "4.79", "A"),
    ("OPTREX EYE DROPS 10ML", "6.29", "A"),
    ("NICORETTE GUM 4MG 105S", "21.99", "R"),
    ("NIQUITIN PATCH 21MG 7S", "19.49", "R"),
    ("TAMPAX COMPAK REGULAR 18S", "3.99", "Z"),
    ("ALWAYS ULTRA NORMAL 14S", "2.75", "Z"),
    ("COW & GATE PEAR PUREE", "1.35", "Z"),
    ("SMA PRO FIRST MILK 800G", "13.50", "Z"),
    ("CHICKEN & BACON SANDWICH", "3.25", "Z"),
    ("EGG MAYO SANDWICH", "2.60", "Z"),
    ("STILL WATER 500ML", "0.95", "A"),
    ("WALKERS CRISPS 45G", "1.25", "A"),
    ("SIMPLE MICELLAR WATER 400ML", "6.49", "A"),
    ("DOVE DEODORANT SPRAY 250ML", "4.50", "A"),
    ("HEAD & SHOULDERS 400ML", "7.25", "A"),
    ("LISTERINE COOL MINT 500ML", "5.50", "A"),
    ("COLGATE TOTAL 75ML", "4.00", "A"),
    ("CERAVE MOISTURISING CREAM", "16.50", "A"),
    ("SOLTAN KIDS SPF50 200ML", "9.00", "A"),
    ("ORAL-B BRUSH HEADS 4S", "22.00", "A"),
)
GB_CHEM_3FOR2 = frozenset(  # the Mix & Match offer's toiletries and skincare (all VAT A)
    (
        "SIMPLE MICELLAR WATER 400ML",
        "DOVE DEODORANT SPRAY 250ML",
        "HEAD & SHOULDERS 400ML",
        "LISTERINE COOL MINT 500ML",
        "COLGATE TOTAL 75ML",
        "CERAVE MOISTURISING CREAM",
        "SOLTAN KIDS SPF50 200ML",
    )
)
GB_CHEM_SANDWICHES = frozenset(("CHICKEN & BACON SANDWICH", "EGG MAYO SANDWICH"))


def gb_chem_when(rng: random.Random) -> tuple[str, str]:
    """The date as the till prints it, a two-digit year (07/12/26 11:05), and the same in ISO 8601."""
    printed, iso = dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 8, 21)
    return printed.replace("/2026 ", "/26 "), iso


def gb_chem_3for2(lines: Sequence[Line]) -> Decimal:
    """The Mix & Match saving: of the offer's units, dearest first, every third one free."""
    units = [ln.price for ln in lines for _ in range(int(ln.qty)) if ln.name in GB_CHEM_3FOR2]
    units.sort(reverse=True)
    return sum(units[2::3], Decimal(0))


def en_gb_chemist_sale(rng: random.Random, v: int) -> Sale:
    plain = [a for a in GB_CHEM_ITEMS if a[0] not in GB_CHEM_3FOR2]
    lines = pick(rng, plain, (1, 3) if v != 1 else (2, 4), qtys=(1, 1, 1, 2))
    if v in (0, 2):  # three from the Mix & Match offer (or two of one and one of another)
        offer = rng.sample(sorted(GB_CHEM_3FOR2), 2 if v == 2 else 3)
        qtys = (2, 1) if v == 2 else (1, 1, 1)
        for name, qty in zip(offer, qtys, strict=True):
            price = next(p for n, p, _ in GB_CHEM_ITEMS if n == name)
            lines.insert(rng.randint(0, len(lines)), Line(name, Decimal(qty), Decimal(price), tag="A"))
    if v == 3:  # a sandwich from the chiller reduced to clear, and the nicotine gum or patches
        name = rng.choice(sorted(GB_CHEM_SANDWICHES))
        lines = [ln for ln in lines if ln.name not in GB_CHEM_SANDWICHES and ln.tag != "R"]
        price = next(p for n, p, _ in GB_CHEM_ITEMS if n == name)
        lines.append(Line(name, Decimal(1), Decimal(price), tag="Z", discount=Decimal("-1.00")))
        nrt = rng.choice([a for a in GB_CHEM_ITEMS if a[2] == "R"])
        lines.insert(0, Line(nrt[0], Decimal(1), Decimal(nrt[1]), tag="R"))
    savings = gb_chem_3for2(lines)
    due = sum((ln.net for ln in lines), Decimal(0)) - savings
    if v in (1, 3):
        tenders: tuple[Tender, ...] = (Tender("cash", "Cash", tendered(rng, due, GBP_CASH)),)
    elif v == 2:  # a gift card, the rest by card
        gift = Decimal(next(g for g in (20, 10, 5) if g < due)).quantize(due)
        tenders = (Tender("other", "Gift Card", gift), Tender("card", "Visa Contactless", due - gift))
    else:
        tenders = (Tender("card", "Visa Contactless", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 9999):04d}",
        dated_when=gb_chem_when(rng),
        savings=savings,
        savings_label="3 for 2 Mix & Match",
        # Subtotal is after a reduced sticker: the items' own sum only when there is none.
        subtotal_printed=not any(ln.discount for ln in lines),
    )


def en_gb_chemist(s: Sale, cols: int) -> list[Op]:
    # A high-street chemist chain's till receipt: the chain, the store and its address, phone and VAT number;
    # each item with its £ amount and VAT code (A 20 %, R 5 %, Z 0 %), "2 @ £4.50" under it, a reduced
    # sticker under a sandwich; Subtotal, the 3 for 2 Mix & Match saving, Total savings, BALANCE TO PAY; the
    # tenders, Change due; the VAT summary by code; the Rewards card's points; the card terminal's
    # cardholder copy; store, till, operator, the transaction number with the date and time (two-digit
    # year); the returns policy.
    item = (Col(None), Col(9, "right"), Col(1))
    seq = int(s.no)
    till = seq % 6 + 1
    ops: list[Op] = [
        Title("WELLGATE"),
        Center("PHARMACY - HEALTH - BEAUTY"),
        Center("Store 0853 Leeds Briggate"),
        Center("48-52 Briggate, Leeds LS1 6HD"),
        Center("Tel: 0113 245 8712"),
        Center("VAT No: GB 284 6619 02"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, gb_pounds(ln.amount), ln.tag), item))
        if ln.qty != 1:
            ops.append(Row((f"  {ln.qty} @ {gb_pounds(ln.price)}", "", ""), item))
        if ln.discount:
            ops.append(Row(("  REDUCED TO CLEAR", gb_pounds(ln.discount), ln.tag), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), Text(f"{pieces(s.lines)} ITEMS"), Row(("Subtotal", gb_pounds(net), ""), item)]
    if s.savings:
        ops += [
            Row((s.savings_label, gb_pounds(-s.savings), ""), item),
            Row(("Total savings", gb_pounds(s.savings), ""), item),
        ]
    ops.append(Row(("BALANCE TO PAY", gb_pounds(s.total), ""), item, bold=True, tall=True))
    for t in s.tenders:
        ops.append(Row((t.label, gb_pounds(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("Change due", gb_pounds(s.change), ""), item))
    # VAT on what was paid: the 3 for 2 saving comes off the A items, the offer's only class.
    table = (Col(3), Col(6, "right"), Col(None, "right"), Col(7, "right"), Col(9, "right"))
    ops += [Rule(), Row(("VAT", "Rate", "Net", "VAT", "Gross"), table)]
    for tag, rate in GB_CHEM_VAT.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if tag == "A":
            gross -= s.savings
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((tag, f"{rate}.0%", POINT(gross - tax), POINT(tax), POINT(gross)), table))
    if seq % 4 != 1:  # the Rewards card: 4 points a pound, a point worth a penny
        earned = int(s.total) * 4
        balance = seq * 31 % 2500 + 120 + earned
        ops += [
            Rule(),
            Text(f"Wellgate Rewards Card ***********{seq * 29 % 10000:04d}"),
            Row(("Points earned today", str(earned), ""), item),
            Row(("Points balance", str(balance), ""), item),
            Row(("Points worth", gb_pounds(Decimal(balance).scaleb(-2)), ""), item),
        ]
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Rule(),
                Center("CARDHOLDER COPY"),
                Text("VISA DEBIT  CONTACTLESS"),
                Text(f"************{seq * 37 % 10000:04d}  PAN SEQ 01"),
                Text("AID: A0000000031010"),
                Text(f"MID: ***45821  TID: ****{2840 + till}"),
                Text("SALE"),
                Row(("AMOUNT", gb_pounds(t.amount), ""), item),
                Text("NO CARDHOLDER VERIFICATION"),
                Text(f"AUTH CODE: {seq * 4211 % 10**6:06d}"),
                Center("PLEASE RETAIN FOR YOUR RECORDS"),
            ]
        elif t.label == "Gift Card":
            ops += [
                Rule(),
                Text(f"Gift Card ************{seq * 53 % 10000:04d}"),
                Row(("Remaining balance", gb_pounds(Decimal(seq % 4 * 5).quantize(t.amount)), ""), item),
            ]
    ops += [
        Rule(),
        Text(f"Store 0853  Till {till:02d}  Op {seq * 7 % 9000 + 1000}"),
        Row((f"Trans No: {s.no}", s.when), (Col(None), Col(14, "right"))),
        Barcode(f"0853{till:02d}{s.no}{s.iso[2:4]}{s.iso[5:7]}{s.iso[8:10]}"),
        Center("Thank you for shopping at Wellgate"),
        Center("Refunds within 35 days with receipt."),
        Center("Medicines cannot be returned"),
        Center("unless faulty."),
    ]
    return ops


BR_PAD_PESADOS = (  # (code, name, R$ a kg): weighed at the counter, the scale's label scanned
    ("0001", "PÃO FRANCÊS KG", "16.90"),
    ("0002", "PÃO FRANCÊS INTEGRAL KG", "19.90"),
    ("0031", "MORTADELA FATIADA KG", "39.90"),
    ("0032", "QUEIJO MUSSARELA KG", "54.90"),
    ("0033", "PRESUNTO COZIDO KG", "46.90"),
    ("0045", "BROA DE MILHO KG", "32.90"),
)
BR_PAD_PESOS = (  # the scale's grams: six pães are some 300 g
    (150, 620),
    (150, 620),
    (100, 350),
    (100, 350),
    (100, 350),
    (200, 600),
)
BR_PAD_BALCAO = (  # (code, name, price): the counter, the café and the shelves
    ("0101", "CAFÉ EXPRESSO", "5.50"),
    ("0102", "CAFÉ COM LEITE 300ML", "7.00"),
    ("0103", "PINGADO", "4.50"),
    ("0104", "CAPPUCCINO", "9.50"),
    ("0110", "PÃO NA CHAPA", "6.50"),
    ("0111", "MISTO QUENTE", "12.00"),
    ("0112", "PÃO DE QUEIJO", "4.00"),
    ("0120", "COXINHA DE FRANGO", "7.50"),
    ("0121", "ESFIHA DE CARNE", "6.50"),
    ("0122", "ENROLADINHO DE SALSICHA", "6.00"),
    ("0123", "EMPADA DE PALMITO", "8.00"),
    ("0130", "BOLO DE FUBÁ FATIA", "6.50"),
    ("0131", "SONHO DE CREME", "7.90"),
    ("0140", "SUCO DE LARANJA 300ML", "9.00"),
    ("0141", "REFRIGERANTE LATA 350ML", "6.00"),
    ("0142", "ÁGUA MINERAL 500ML", "3.50"),
    ("0150", "LEITE INTEGRAL 1L", "5.89"),
    ("0151", "MANTEIGA 200G", "14.90"),
)
BR_PAD_CAFE = frozenset(("0101", "0102", "0103", "0104", "0110", "0111", "0112", "0140"))
BR_PAD_SALGADOS = frozenset(("0120", "0121", "0122", "0123", "0130", "0131", "0141", "0142"))
BR_PAD_CASH = (2, 5, 10, 20, 50, 100, 200)
BR_PAD_CNPJ = "21.448.903/0001-00"
BR_PAD_OPERADORES = ("MARCIA", "JOSÉ", "ANDREIA", "RAIMUNDO", "PATRÍCIA")


def br_pad_pesado(rng: random.Random, entry: tuple[str, str, str]) -> Line:
    code, name, price = entry
    low, high = BR_PAD_PESOS[BR_PAD_PESADOS.index(entry)]
    return Line(name, Decimal(rng.randint(low, high)).scaleb(-3), Decimal(price), code=code, tag="KG")


def br_pad_balcao(rng: random.Random, codes: frozenset[str] | None, k: tuple[int, int]) -> list[Line]:
    chosen = [a for a in BR_PAD_BALCAO if codes is None or a[0] in codes]
    return [
        Line(name, Decimal(rng.choice((1, 1, 1, 2, 2, 3))), Decimal(price), code=code, tag="UN")
        for code, name, price in rng.sample(chosen, rng.randint(*k))
    ]


def br_pad_chave(s: Sale) -> str:
    """The NFC-e's 44-digit access key: UF 35, year and month, CNPJ, model 65, series 001, the number, the
    emission type, a code and the mod-11 check digit."""
    cnpj = "".join(filter(str.isdigit, BR_PAD_CNPJ))
    body = f"35{s.iso[2:4]}{s.iso[5:7]}{cnpj}65001{s.no}1{int(s.no) * 7919 % 10**8:08d}"
    weights = [2, 3, 4, 5, 6, 7, 8, 9] * 6
    rest = sum(int(d) * w for d, w in zip(reversed(body), weights, strict=False)) % 11
    return body + str(0 if rest < 2 else 11 - rest)


def pt_br_padaria_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    if v in (0, 1, 3):  # the morning's pão francês, weighed
        lines.append(br_pad_pesado(rng, BR_PAD_PESADOS[rng.choice((0, 0, 1))]))
    if v == 0:  # breakfast at the counter
        lines += br_pad_balcao(rng, BR_PAD_CAFE, (1, 3))
    elif v == 1:  # bread, cold cuts by the kg, milk and butter to take home
        lines += [br_pad_pesado(rng, e) for e in rng.sample(BR_PAD_PESADOS[2:], rng.randint(1, 2))]
        lines += br_pad_balcao(rng, frozenset(("0150", "0151")), (0, 2))
    elif v == 2:  # salgados and a drink
        lines += br_pad_balcao(rng, BR_PAD_SALGADOS, (2, 4))
    else:
        lines += br_pad_balcao(rng, None, (2, 4))
        lines += [br_pad_pesado(rng, rng.choice(BR_PAD_PESADOS[2:]))]
    subtotal = sum((ln.amount for ln in lines), Decimal(0))
    # The padaria's loyalty club: 5 % off (to the centavo) on the customer's CPF.
    desconto = (subtotal * 5 / 100).quantize(Decimal("0.01"), ROUND_HALF_UP) if v == 3 else Decimal(0)
    due = subtotal - desconto
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "Dinheiro", tendered(rng, due, BR_PAD_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "Cartão de Débito", due),)
    elif v == 2:
        tenders = (Tender("other", "PIX", due),)
    else:  # a note in cash, the rest on the debit card
        cash = Decimal(next(n for n in (20, 10, 5, 2) if n < due)).quantize(due)
        tenders = (Tender("cash", "Dinheiro", cash), Tender("card", "Cartão de Débito", due - cash))
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1, 999999):09d}",  # the NFC-e's number (the comanda's is another)
        # The emission time; the authorisation protocol's, a second or three later, is printed too.
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}:{S}", 6, 21),
        savings=desconto,
        savings_label="Desconto",
        subtotal_printed=bool(desconto),
    )


def pt_br_padaria(s: Sale, cols: int) -> list[Op]:
    # A São Paulo padaria's DANFE NFC-e from its counter POS: the company, CNPJ and IE, address and phone;
    # the document's title; the comanda, caixa and operator; "Código Descrição / Qtde UN x Vl Unit Vl Total"
    # with each item on two lines, "0,385 KG x 16,90" for the weighed ones; Qtde. total de itens, the
    # Subtotal and Desconto of the loyalty club, TOTAL R$; FORMA DE PAGAMENTO and VALOR PAGO, Troco; the
    # IBPT's approximate taxes; the NFC-e's number and series with the emission time, the consultation site
    # and the access key, the consumer, the QR code and the authorisation protocol with its own time.
    seq = int(s.no)
    item = (Col(4), Col(None), Col(10, "right"))
    chave = br_pad_chave(s)
    emitted = datetime.fromisoformat(s.iso)
    authorised = (emitted + timedelta(seconds=seq % 3 + 1)).strftime("%d/%m/%Y %H:%M:%S")
    ops: list[Op] = [
        Title("PADARIA PÃO DE OURO"),
        Center("PANIFICADORA PÃO DE OURO LTDA"),
        Center(f"CNPJ: {BR_PAD_CNPJ}"),
        Center("IE: 114.573.829.110"),
        Center("Av. Brig. Luís Antônio, 2344"),
        Center("Jardim Paulista - São Paulo - SP"),
        Center("Tel: (11) 3887-2150"),
        Rule(),
        Center("Documento Auxiliar da Nota Fiscal"),
        Center("de Consumidor Eletrônica"),
        Rule(),
        Text(f"Comanda: {seq * 7 % 500 + 1:04d}"),
        Text(f"Caixa: {seq % 3 + 1:02d}   Operador: {BR_PAD_OPERADORES[seq % 5]}"),
        Rule(),
        Row(("Cód", "Descrição", ""), item),
        Row(("", "Qtde UN x Vl Unit", "Vl Total"), item),
        Rule(),
    ]
    for ln in s.lines:
        qty = qty_str(ln.qty, ",") if ln.tag == "KG" else str(ln.qty)
        ops += [
            Row((ln.code, ln.name, ""), item),
            Row(("", f"{qty} {ln.tag} x {COMMA(ln.price)}", COMMA(ln.amount)), item),
        ]
    ops += [Rule(), pair("Qtde. total de itens", str(len(s.lines)))]
    if s.savings:
        ops += [pair("Subtotal R$", COMMA(s.subtotal)), pair("Desconto R$", COMMA(-s.savings))]
    ops += [
        pair("TOTAL R$", COMMA(s.total), bold=True, tall=True),
        pair("FORMA DE PAGAMENTO", "VALOR PAGO R$", right=14),
    ]
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Troco R$", COMMA(s.change)))
    federal = (s.total * Decimal("0.0741")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    estadual = (s.total * Decimal("0.1200")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    ops += [
        Rule(),
        Text("Trib aprox: Federal " + COMMA(federal) + " Estadual " + COMMA(estadual)),
        Text("Fonte: IBPT  (Lei Federal 12.741/2012)"),
        Rule(),
        Center(f"NFC-e nº {s.no}  Série 001", bold=True),
        Center(f"Emissão: {s.when}"),
        Center("Via Consumidor"),
        Center("Consulte pela Chave de Acesso em"),
        Center("www.nfce.fazenda.sp.gov.br/consulta"),
        Center("CHAVE DE ACESSO"),
        Center(" ".join(chave[i : i + 4] for i in range(0, 24, 4))),
        Center(" ".join(chave[i : i + 4] for i in range(24, 44, 4))),
        Rule(),
    ]
    if s.savings:
        ops.append(Center(f"CONSUMIDOR CPF: ***.{seq % 1000:03d}.{seq * 7 % 1000:03d}-**"))
    else:
        ops.append(Center("CONSUMIDOR NÃO IDENTIFICADO"))
    ops += [
        QR(f"https://www.nfce.fazenda.sp.gov.br/qrcode?p={chave}|2|1|1|{seq * 104729 % 10**10:010d}"),
        Center(f"Protocolo de Autorização: 1352600{seq * 31 % 10**8:08d}"),
        Center(f"Data de Autorização: {authorised}"),
        Rule(),
        Center("Obrigado pela preferência!"),
        Center("Volte sempre!"),
    ]
    return ops


TEMPLATES += (
    Template(
        "nl-nl-drogist",
        "Latin",
        "EUR",  # the EUR column, Bedrag EUR
        nl_nl_drogist_sale,
        nl_nl_drogist,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "es-es-cafeteria",
        "Latin",
        "EUR",  # TOTAL 30,00 €
        es_es_cafeteria_sale,
        es_es_cafeteria,
        (
            Encoder(RL, "citizen", "citizen-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "en-gb-chemist",
        "Latin",
        "GBP",  # £
        en_gb_chemist_sale,
        en_gb_chemist,
        (
            Encoder(RL, "starsbcs", "star-80mm", 48, "cp858"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp858"),
        ),
        variants=4,
    ),
    Template(
        "pt-br-padaria",
        "Latin",
        "BRL",  # TOTAL R$
        pt_br_padaria_sale,
        pt_br_padaria,
        # CP860, the DOS page of Portuguese, as the other Brazilian templates.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp860"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp860"),
        ),
        variants=4,
    ),
)


# Four templates for the blind test split, written by a helper who neither read nor ran the parser: a
# Yokohama café chain's レシート (ja-cafe-chain: cups by size, 店内 at 10 % or 持帰 at 8 % marked on each
# line with ＊ for the reduced rate, a paid カスタマイズ on its own line at +¥55 or +¥54, a free request
# under a cup, the マイタンブラー値引, 小計 with the count, 合計, each rate's 対象 and 内消費税; お預り
# and お釣り, 交通系IC and PayPay, the chain's prepaid card run out with the rest in cash; 取引番号 and the
# お呼び出し番号), a Hangzhou 社区超市's 购物小票 in GB18030 and CP936 (zh-hans-chaoshi: each article's
# name over its barcode, "数量 × 单价" and 金额, weighed goods in kg with their scale labels' codes, 会员价
# and 促销 under an article, 品种 and 件数, 商品总额, 满99减10, 合计 ￥; 微信支付, 现金 and 找零, 积分抵现
# before 支付宝, 云闪付; the member's points), a Bangkok supermarket's abbreviated tax invoice in TIS-620
# and its kin (th-supermarket: each article marked V or N, its barcode and "qty x unit price" under it, fresh
# food by the kilo and exempt from VAT, ส่วนลดโปรโมชั่น, รวม, รวมเงิน (บาท), the exempt value, the value
# before VAT and VAT 7 % included; เงินสด and เงินทอน, a credit card, พร้อมเพย์, points and TrueMoney; POS#
# and REG#, เลขที่ใบเสร็จ, Buddhist-era dates but on the card till) and a Novosibirsk pharmacy chain's
# КАССОВЫЙ ЧЕК in CP866 and Windows-1251 (ru-apteka-chain: numbered articles, [М+] before a checked marking
# code's "quantity шт х price", СКИДКА по карте 5 %, НДС 10 % on medicines, 22 % on supplements and
# cosmetics, none on medical devices; ИТОГ, НАЛИЧНЫМИ, БЕЗНАЛИЧНЫМИ, ПОЛУЧЕНО and СДАЧА, the НДС sums and
# СУММА БЕЗ НДС, the card's points, the bank's approval, the fiscal block and its QR code).

JA_CAFE_DRINKS = (  # (name, 本体 prices of S, M and L): the menu board, each size its own key at the till
    ("ブレンドコーヒー", (280, 330, 380)),
    ("アイスコーヒー", (280, 330, 380)),
    ("カフェラテ", (370, 420, 470)),
    ("アイスカフェラテ", (370, 420, 470)),
    ("カプチーノ", (370, 420, 470)),
    ("カフェモカ", (440, 490, 540)),
    ("キャラメルラテ", (430, 480, 530)),
    ("抹茶ラテ", (430, 480, 530)),
    ("ロイヤルミルクティー", (400, 450, 500)),
    ("アイスティー", (280, 330, 380)),
)
JA_CAFE_SIZES = ("S", "M", "L")
JA_CAFE_OPTIONS = (  # カスタマイズ with a price (本体), a line of its own under the cup
    ("ショット追加", 50),
    ("オーツミルク変更", 50),
    ("豆乳に変更", 50),
    ("ホイップ追加", 50),
    ("キャラメルソース追加", 50),
    ("バニラシロップ追加", 50),
)
JA_CAFE_OPTION_NAMES = frozenset(name for name, _ in JA_CAFE_OPTIONS)
JA_CAFE_REQUESTS = ("ミルク多め", "甘さ控えめ", "シロップなし")  # requests at no charge, for any cup
JA_CAFE_HOT_REQUESTS = ("ぬるめ", "熱め")
JA_CAFE_ICED_REQUESTS = ("氷少なめ", "氷なし")
JA_CAFE_FOOD = (  # (name, 本体): eaten in at 10 %, taken out at 8 %
    ("ベイクドチーズケーキ", 420),
    ("ハムとチーズのサンド", 450),
    ("ミックスサンド", 480),
    ("シナモンロール", 330),
    ("チョコスコーン", 290),
    ("バナナマフィン", 310),
)
JA_CAFE_RETAIL = (  # (name, 本体, rate): beans are food (8 %) wherever, a tumbler is not (10 %)
    ("コーヒー豆 ハウスブレンド 200g", 1300, 8),
    ("ドリップバッグ 5袋入", 650, 8),
    ("ステンレスタンブラー 350ml", 2800, 10),
)
JA_CAFE_TUMBLER = 20  # マイタンブラー値引: 20 yen (本体) off a cup in the customer's own tumbler
JA_CAFE_PREPAID = (120, 300, 480, 650)  # what was left on the prepaid card
JA_CAFE_NOTES = (1000, 2000, 3000, 5000, 10000)
JA_CAFE_STAFF = ("佐藤", "鈴木", "高橋", "渡辺", "伊藤")


def ja_cafe_price(base: int, rate: int) -> Decimal:
    """The price with the tax in it (総額表示), the fraction of a yen cut off: 420 is 462 in, 453 out."""
    return Decimal(base * (100 + rate) // 100)


def ja_cafe_chain_sale(rng: random.Random, v: int) -> Sale:
    # v0 eaten in, v1 taken out, v2 eaten in with beans or a tumbler to take home, v3 a cup in and one out.
    lines: list[Line] = []
    cups = rng.randint(1, 2) if v != 3 else 2
    for k, (name, prices) in enumerate(rng.sample(JA_CAFE_DRINKS, cups)):
        out = v == 1 or (v == 3 and k == 1)
        rate, place = (8, "持帰") if out else (10, "店内")
        size = rng.randrange(3)
        options = rng.sample(JA_CAFE_OPTIONS, rng.choice((0, 0, 1, 1, 2)))
        qty = Decimal(1) if options else Decimal(rng.choice((1, 1, 1, 2)))
        own = JA_CAFE_ICED_REQUESTS if name.startswith("アイス") else JA_CAFE_HOT_REQUESTS
        request = rng.choice(JA_CAFE_REQUESTS + own) if rng.random() < 0.4 else ""
        cup = Line(
            f"{name}({JA_CAFE_SIZES[size]})",
            qty,
            ja_cafe_price(prices[size], rate),
            0,
            tag=f"{place}/{rate}",
            note=request,
        )
        if v == 1 and k == 0 and qty == 1:  # the customer's own tumbler
            cup = replace(cup, discount=-ja_cafe_price(JA_CAFE_TUMBLER, rate))
        lines.append(cup)
        lines += [
            Line(opt, qty, ja_cafe_price(base, rate), 0, tag=f"{place}/{rate}") for opt, base in options
        ]
    out = v == 1
    for name, base in rng.sample(JA_CAFE_FOOD, rng.choice((0, 1, 1, 2))):
        rate, place = (8, "持帰") if out else (10, "店内")
        lines.append(Line(name, Decimal(1), ja_cafe_price(base, rate), 0, tag=f"{place}/{rate}"))
    if v == 2:
        for name, base, rate in rng.sample(JA_CAFE_RETAIL, rng.randint(1, 2)):
            lines.append(Line(name, Decimal(1), ja_cafe_price(base, rate), 0, tag=f"持帰/{rate}"))
    total = sum((ln.net for ln in lines), Decimal(0))
    no = rng.randint(1, 9999)
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "お預り", tendered(rng, total, JA_CAFE_NOTES)),)
    elif v == 1:
        tenders = (Tender("other", "交通系IC", total),)
    elif v == 2:
        tenders = (Tender("other", "QR決済(PayPay)", total),)
    else:  # the chain's prepaid card, run out: what was left on it, the rest in cash
        card = Decimal(rng.choice([n for n in JA_CAFE_PREPAID if n < total]))
        tenders = (
            Tender("other", "ミナトカード", card),
            Tender("cash", "お預り", tendered(rng, total - card, JA_CAFE_NOTES)),
        )
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{no:04d}",
        dated_when=dated_between_hours(rng, "{y}/{m}/{d} {H}:{M}", 7, 22),
        subtotal_printed=True,  # 小計: the lines at their prices, before the tumbler's 値引
    )


def ja_cafe_chain(s: Sale, cols: int) -> list[Op]:
    # A café chain's レシート, prices with the tax in them (総額表示): the chain, the store, its address,
    # phone and 登録番号; the date and time, レジ and 担当 with 取引番号, the お呼び出し番号 called at the
    # counter; each item with 店内 or 持帰 and its amount, ＊ after it at the reduced rate (8 %), "2点 ×
    # @¥330" under a cup bought twice, a request (氷少なめ) under it, a paid カスタマイズ on its own line
    # with +¥55, the tumbler's 値引; 小計 with the count, 値引, 合計; each rate's 対象 and the 消費税 in it
    # (the fraction of a yen cut off); お預り and お釣り, the IC card's or the prepaid card's 残高,
    # PayPay's payment number; the app's points.
    item = (Col(None), Col(4), Col(8, "right"), Col(2))
    no = int(s.no)
    yen = "¥{}".format
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    count = sum((int(ln.qty) for ln in s.lines if ln.name not in JA_CAFE_OPTION_NAMES), 0)
    ops: list[Op] = [
        Title("ミナト珈琲"),
        Center("横浜ランドマークプラザ店"),
        Center("神奈川県横浜市西区みなとみらい2-2-1"),
        Center("TEL 045-222-5170"),
        Center("登録番号 T2020001078341"),
        Blank(),
        Center("レ シ ー ト", bold=True),
        Text(s.when),
        Row(
            (f"レジ{1 + no % 3:02d}  担当 {JA_CAFE_STAFF[no % len(JA_CAFE_STAFF)]}", f"取引番号 {s.no}"),
            (Col(None), Col(13, "right")),
        ),
        Center(f"お呼び出し番号 {no % 200 + 1}", bold=True),
        Rule(),
    ]
    for ln in s.lines:
        place, _ = ln.tag.split("/")
        mark = "＊" if ln.tag.endswith("/8") else ""
        if ln.name in JA_CAFE_OPTION_NAMES:
            ops.append(Row((f"  {ln.name}", "", f"+{yen(WHOLE(ln.amount))}", mark), item))
            continue
        ops.append(Row((ln.name, place, yen(WHOLE(ln.amount)), mark), item))
        if ln.qty != 1:
            ops.append(Text(f"  {ln.qty}点 × @{yen(WHOLE(ln.price))}"))
        if ln.note:
            ops.append(Text(f"  {ln.note}"))
        if ln.discount:
            ops.append(Row(("  マイタンブラー値引", "", f"-{yen(WHOLE(-ln.discount))}", mark), item))
    ops += [Rule(), pair(f"小計 {count}点", yen(WHOLE(s.subtotal)))]
    if off:
        ops.append(pair("値引", f"-{yen(WHOLE(off))}"))
    ops.append(pair("合計", yen(WHOLE(s.total)), bold=True, tall=True))
    for rate in (10, 8):
        gross = sum((ln.net for ln in s.lines if ln.tag.endswith(f"/{rate}")), Decimal(0))
        if gross:
            ops += [
                pair(f"({rate}%対象", f"{yen(WHOLE(gross))})"),
                pair(f"( 内消費税 {rate}%", f"{yen(WHOLE(ja_drug_tax(gross, rate)))})"),
            ]
    ops.append(Rule())
    for t in s.tenders:
        ops.append(pair(t.label, yen(WHOLE(t.amount))))
        if t.label == "ミナトカード":  # used to the last yen
            ops += [
                Text(f"  カード番号 ****-****-****-{no * 37 % 10000:04d}"),
                pair("  ご利用前残高", yen(WHOLE(t.amount))),
                pair("  残高", yen(0)),
            ]
        elif t.label == "交通系IC":
            before = s.total + 400 + no * 53 % 5000
            ops += [
                Text(f"  Suica  JE** **** **** {no * 37 % 10000:04d}"),
                pair("  利用前残高", yen(WHOLE(before))),
                pair("  残高", yen(WHOLE(before - s.total))),
            ]
        elif t.method == "other":
            ops.append(Text(f"  決済番号 {s.iso[:10].replace('-', '')}{no * 6151 % 10**8:08d}"))
    if s.cash:
        ops.append(pair("お釣り", yen(WHOLE(s.change))))
    earned = int(s.total // 100)  # the app's 1P a 100 yen
    ops += [
        Rule(),
        Text("ミナトアプリ会員 ****-**42-7718"),
        pair("今回付与ポイント", f"{earned}P"),
        pair("保有ポイント", f"{WHOLE(Decimal(180 + no * 7 % 900 + earned))}P"),
    ]
    if any(ln.tag.endswith("/8") for ln in s.lines):
        ops.append(Text("＊印は軽減税率(8%)対象商品です"))
    ops += [
        Blank(),
        Center("店内Wi-Fi: MINATO_FREE"),
        Center("ご来店ありがとうございました"),
    ]
    return ops


ZH_CHAOSHI_GOODS = (  # (name, price, 会员价 or "", 促销 or "", the barcode's first twelve digits)
    ("金龙鱼葵花籽油5L", "79.90", "69.90", "", "694819580010"),
    ("福临门东北大米5kg", "39.90", "", "", "692176110052"),
    ("伊利纯牛奶250ml*16", "55.90", "49.90", "", "690799210005"),
    ("蒙牛特仑苏250ml*12", "65.00", "", "第二件半价", "692384300021"),
    ("海天金标生抽1.28L", "16.80", "14.80", "", "690283001056"),
    ("维达超韧抽纸3包", "15.90", "", "", "690127340213"),
    ("农夫山泉550ml*12", "19.90", "", "", "692109888012"),
    ("康师傅红烧牛肉面5连包", "14.50", "12.90", "", "690123001245"),
    ("青岛啤酒纯生500ml", "7.50", "", "第二件半价", "690115660101"),
    ("奥利奥原味饼干388g", "22.90", "19.90", "", "690154100218"),
    ("李锦记旧庄蚝油510g", "13.50", "", "", "007846410003"),
    ("蓝月亮洗衣液3kg", "59.90", "49.90", "", "693585001119"),
    ("双汇王中王火腿肠", "18.90", "", "立减2元", "690228000112"),
    ("鲜鸡蛋30枚", "23.80", "21.80", "", "200000300016"),
    ("老干妈风味豆豉280g", "11.50", "", "", "691152305015"),
    ("三只松鼠每日坚果", "49.90", "", "立减2元", "695333010721"),
)
ZH_CHAOSHI_WEIGHED = (  # (name, price a kg, PLU): weighed at the counter, the label's code holds the price
    ("西红柿", "5.98", 10012),
    ("黄瓜", "4.98", 10015),
    ("土豆", "2.98", 10021),
    ("红富士苹果", "9.90", 10106),
    ("香蕉", "6.98", 10111),
    ("五花肉", "26.80", 20003),
    ("猪里脊肉", "32.80", 20007),
    ("鲜活草鱼", "15.80", 30002),
)
ZH_CHAOSHI_OFFER = (Decimal("99.00"), Decimal("10.00"))  # 满99减10: off the bill from 99 yuan
ZH_CHAOSHI_POINTS = 100  # 积分抵现: 100 points a yuan
ZH_CHAOSHI_CASH = (20, 50, 100, 150, 200, 300, 400, 500)
ZH_CHAOSHI_CASHIERS = ("0207 王丽", "0211 陈静", "0215 刘洋")


def zh_hans_chaoshi_sale(rng: random.Random, v: int) -> Sale:
    member = v != 1  # the member's 会员价; v1 is no member's
    lines: list[Line] = []
    for name, price, member_price, promo, body in rng.sample(ZH_CHAOSHI_GOODS, rng.randint(3, 7)):
        qty = Decimal(rng.choice((2, 2, 4)) if promo == "第二件半价" else rng.choice((1, 1, 1, 2, 3)))
        ln = Line(name, qty, Decimal(price), code=ean13(body))
        if member and member_price:
            ln = replace(ln, tag=f"会员价 {member_price}", discount=(Decimal(member_price) - ln.price) * qty)
        elif promo == "第二件半价":
            half = (ln.price / 2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            ln = replace(ln, tag=f"促销 {promo}", discount=-half * (int(qty) // 2))
        elif promo:
            ln = replace(ln, tag=f"促销 {promo}", discount=(-2 * qty).quantize(Decimal("0.01")))
        lines.append(ln)
    for name, price, plu in rng.sample(ZH_CHAOSHI_WEIGHED, rng.randint(1, 2) if v != 2 else 0):
        grams = Decimal(rng.randint(250, 2200)).scaleb(-3)
        ln = Line(name, grams, Decimal(price))
        fen = int(ln.amount * 100)
        lines.insert(rng.randint(0, len(lines)), replace(ln, code=ean13(f"28{plu:05d}{fen:05d}")))
    net = sum((ln.net for ln in lines), Decimal(0))
    offer = ZH_CHAOSHI_OFFER[1] if v == 3 and net >= ZH_CHAOSHI_OFFER[0] else Decimal(0)
    total = net - offer
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("wechat", "微信支付", total),)
    elif v == 1:
        tenders = (Tender("cash", "现金", tendered(rng, total, ZH_CHAOSHI_CASH)),)
    elif v == 2:  # the member's points spent first, in whole yuan, the rest by 支付宝
        points = min(Decimal(rng.choice((5, 10, 20))), (total / 2).quantize(Decimal(1), rounding=ROUND_DOWN))
        points = points.quantize(Decimal("0.01"))
        tenders = (Tender("other", "积分抵现", points), Tender("alipay", "支付宝", total - points))
    else:
        tenders = (Tender("unionpay", "云闪付", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"0103{rng.randint(1, 999999):06d}",
        dated_when=dated_between_hours(rng, "{y}-{m}-{d} {H}:{M}:{S}", 7, 22),
        savings=offer,
        savings_label="满99减10",
        subtotal_printed=True,  # 商品总额: the lines at their prices, before 会员价, 促销 and 满减
    )


def zh_hans_chaoshi(s: Sale, cols: int) -> list[Op]:
    # A neighbourhood supermarket's 购物小票 from its POS: the shop, its branch, address, phone and 统一社会
    # 信用代码; 机号 and 收银员, 小票号, the date and time to the second; each article's name on its line, its
    # barcode, "数量 × 单价" (a weighed one's kg, its scale label's price-embedded code) and 金额 under it,
    # 会员价 or 促销 under that with what came off; 品种 and 件数, 商品总额, 会员优惠, 促销优惠, 满99减10,
    # 合计 in ￥; the tenders with the wallet's or the card's reference, 积分抵现 with the points spent,
    # 找零; the member's card and points; the return terms and the 发票 QR code.
    code = (Col(13), Col(None, "right"), Col(9, "right"))
    sub = (Col(None), Col(9, "right"))
    no = int(s.no)
    member = not s.cash  # the one who paid cash showed no member card
    ops: list[Op] = [
        Title("邻里家社区超市"),
        Center("(翠苑店)"),
        Center("杭州市西湖区文三路478号"),
        Center("电话: 0571-88127345"),
        Center("统一社会信用代码: 91330106MA2H3KXQ7D"),
        Center("购物小票", bold=True),
        Row(("机号: 03", f"收银员: {ZH_CHAOSHI_CASHIERS[no % 3]}"), (Col(None), Col(17))),
        Text(f"小票号: {s.no}"),
        Text(f"日期: {s.when}"),
        Rule(),
        Text("品名"),
        Row(("条码", "数量 × 单价", "金额"), code),
        Rule(),
    ]
    for ln in s.lines:
        weighed = ln.qty != ln.qty.to_integral()
        qty = f"{qty_str(ln.qty)}kg" if weighed else str(ln.qty)
        ops += [Text(ln.name), Row((ln.code, f"{qty} × {POINT(ln.price)}", POINT(ln.amount)), code)]
        if ln.discount:
            ops.append(Row((f"  {ln.tag}", POINT(ln.discount)), sub))
    member_off = sum((ln.discount for ln in s.lines if ln.tag.startswith("会员价")), Decimal(0))
    promo_off = sum((ln.discount for ln in s.lines if ln.tag.startswith("促销")), Decimal(0))
    ops += [
        Rule(),
        Row((f"品种: {len(s.lines)}", f"件数: {pieces(s.lines)}"), (Col(None), Col(10))),
        pair("商品总额:", POINT(s.subtotal)),
    ]
    if member_off:
        ops.append(pair("会员优惠:", POINT(member_off)))
    if promo_off:
        ops.append(pair("促销优惠:", POINT(promo_off)))
    if s.savings:
        ops.append(pair(f"{s.savings_label}:", POINT(-s.savings)))
    # The full-width yuan sign: GBK has no half-width ¥.
    ops += [pair("合计:", f"￥{POINT(s.total)}", bold=True, tall=True), Rule()]
    day = s.iso[:10].replace("-", "")
    for t in s.tenders:
        if t.label == "积分抵现":
            ops.append(pair(f"积分抵现({int(t.amount) * ZH_CHAOSHI_POINTS}分):", f"￥{POINT(t.amount)}"))
            continue
        ops.append(pair(f"{t.label}:", f"￥{POINT(t.amount)}"))
        if t.method == "wechat":
            ops.append(Text(f"  交易单号: 4200{no % 10**6:06d}{day}{no * 7919 % 10**8:08d}"))
        elif t.method == "alipay":
            ops.append(Text(f"  交易号: {day}2200{no * 6151 % 10**12:012d}"))
        elif t.method == "unionpay":
            ops += [
                Text(f"  卡号: 6217 **** **** {no * 37 % 10000:04d}"),
                Text(f"  凭证号: {no % 10**6:06d}  参考号: {no * 7919 % 10**12:012d}"),
            ]
    if s.cash:
        ops.append(pair("找零:", f"￥{POINT(s.change)}"))
    if member:
        spent = sum((int(t.amount) * ZH_CHAOSHI_POINTS for t in s.tenders if t.method == "other"), 0)
        earned = int(s.total - sum((t.amount for t in s.tenders if t.method == "other"), Decimal(0)))
        balance = 2600 + no * 13 % 4000
        ops += [
            Rule(),
            Text(f"会员卡号: 1{no * 97 % 100:02d}****{no * 53 % 10000:04d}"),
            pair("本次积分:", str(earned)),
        ]
        if spent:
            ops.append(pair("本次抵扣积分:", str(-spent)))
        ops.append(pair("剩余积分:", WHOLE(Decimal(balance + earned - spent))))
    ops += [
        Rule(),
        Center("生鲜商品当日有效 凭小票7日内退换"),
        Center("谢谢惠顾 欢迎下次光临"),
        Center("扫码开具电子发票"),
        QR(f"https://fp.example.cn/lj?shop=0103&no={s.no}&amt={POINT(s.total)}"),
    ]
    return ops


TH_SUPER_GOODS = (  # (name, price, V with VAT 7 % in it or N exempt, the barcode's first twelve digits)
    ("ข้าวหอมมะลิ ตราฉัตร 5 กก.", "189.00", "N", "885085900011"),
    ("ไข่ไก่ เบอร์ 1 แพ็ค 10", "52.00", "N", "885896700104"),
    ("นมสดเมจิ รสจืด 2 ลิตร", "95.00", "V", "885101210022"),
    ("น้ำมันพืชองุ่น 1 ลิตร", "58.00", "V", "885084101001"),
    ("ซอสภูเขาทอง 600 มล.", "42.00", "V", "885089400063"),
    ("น้ำปลาทิพรส 700 มล.", "32.00", "V", "885100300101"),
    ("มาม่า ต้มยำกุ้ง แพ็ค 10", "62.00", "V", "885098704025"),
    ("โค้ก 1.5 ลิตร", "32.00", "V", "885100101583"),
    ("เบียร์ช้าง กระป๋อง 490 มล.", "45.00", "V", "885499900490"),
    ("น้ำดื่มคริสตัล 1.5 ลิตร x6", "59.00", "V", "885113500156"),
    ("ผงซักฟอกบรีส 2.7 กก.", "189.00", "V", "885100902703"),
    ("ยาสีฟันคอลเกต 150 ก.", "59.00", "V", "885000220150"),
    ("ทิชชู่สก๊อตต์ 6 ม้วน", "99.00", "V", "885101901066"),
    ("ขนมปังฟาร์มเฮ้าส์ 240 ก.", "42.00", "V", "885087500240"),
)
TH_SUPER_WEIGHED = (  # (name, price a kilo, PLU): fresh food, exempt from VAT, weighed at the counter
    ("หมูสับ", "159.00", 1021),
    ("อกไก่", "89.00", 1034),
    ("กุ้งขาว", "320.00", 1102),
    ("มะม่วงน้ำดอกไม้", "79.00", 2015),
    ("ผักบุ้งจีน", "45.00", 2107),
    ("มะนาว", "60.00", 2112),
    ("ส้มสายน้ำผึ้ง", "89.00", 2031),
)
TH_SUPER_PROMOS = (5, 10, 15, 20)  # ส่วนลดโปรโมชั่น: baht off an article, a unit
TH_SUPER_CASH = (100, 200, 300, 500, 1000, 1500, 2000, 3000)
TH_SUPER_DATES = (  # the till's date: Buddhist era (2569) but on the card till, in the Christian era
    "{d}/{m}/2569 {H}:{M}",
    "{d}/{m}/{y} {H}:{M}",
    "{d}/{m}/2569 {H}:{M}:{S}",
    "{d}/{m}/2569 {H}:{M}",
)


def th_supermarket_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 1, 2, 2, 3, 6))), Decimal(price), code=ean13(body), tag=vat)
        for name, price, vat, body in rng.sample(TH_SUPER_GOODS, rng.randint(3, 7))
    ]
    for k in rng.sample(range(len(lines)), rng.randint(0 if v == 1 else 1, 2)):
        ln = lines[k]
        off = min(Decimal(rng.choice(TH_SUPER_PROMOS)), ln.price / 4).quantize(
            Decimal(1), rounding=ROUND_DOWN
        )
        lines[k] = replace(ln, discount=-(off * ln.qty).quantize(Decimal("0.01")))
    for name, price, plu in rng.sample(TH_SUPER_WEIGHED, rng.randint(1, 2) if v != 1 else 0):
        grams = Decimal(rng.randint(150, 1800)).scaleb(-3)
        lines.insert(
            rng.randint(0, len(lines)), Line(name, grams, Decimal(price), code=f"2{plu:04d}", tag="N")
        )
    total = sum((ln.net for ln in lines), Decimal(0))
    if v == 0:
        tenders: tuple[Tender, ...] = (Tender("cash", "เงินสด", tendered(rng, total, TH_SUPER_CASH)),)
    elif v == 1:
        tenders = (Tender("card", "บัตรเครดิต", total),)
    elif v == 2:
        tenders = (Tender("other", "พร้อมเพย์", total),)
    else:  # the member's points spent first (10 points a baht), the rest from the wallet
        points = min(
            Decimal(rng.choice((20, 50, 100))), (total / 2).quantize(Decimal(1), rounding=ROUND_DOWN)
        )
        points = points.quantize(Decimal("0.01"))
        tenders = (Tender("other", "แลกคะแนน", points), Tender("other", "TrueMoney Wallet", total - points))
    return Sale(
        tuple(lines),
        tenders,
        no=f"0503-{rng.randint(1, 999999):06d}",
        dated_when=dated_between_hours(rng, TH_SUPER_DATES[v], 8, 22),
        subtotal_printed=True,  # รวม, the articles at their prices before the promotions
    )


def th_supermarket(s: Sale, cols: int) -> list[Op]:
    # A supermarket's abbreviated tax invoice, VAT included: the company, branch, address, TAX ID; POS# and
    # the Revenue Department's REG#, เลขที่ใบเสร็จ, the date (Buddhist era but on the card till) and the
    # cashier; each article with its amount and V (VAT) or N (exempt), its barcode and "qty x unit price"
    # under it (a weighed one's กก. at its price a kilo), ส่วนลดโปรโมชั่น under that; รวม with the count,
    # the discounts, รวมเงิน in บาท; เงินสด and เงินทอน, the card's approval, PromptPay's reference, points
    # and TrueMoney; the exempt goods' value, the value before VAT and the VAT 7 %; the member's points.
    item = (Col(None), Col(10, "right"), Col(1))
    right = 12
    seq = int(s.no[5:])
    off = sum((ln.discount for ln in s.lines), Decimal(0))
    exempt = sum((ln.net for ln in s.lines if ln.tag == "N"), Decimal(0))
    vatable = s.total - exempt
    vat = included_tax(vatable, Decimal(7))
    ops: list[Op] = [
        Title("ทองดี ซูเปอร์มาร์เก็ต"),
        Center("บจก. ทองดี รีเทล (สาขาที่ 00005)"),
        Center("123 ถ.พหลโยธิน แขวงสามเสนใน"),
        Center("เขตพญาไท กรุงเทพฯ 10400"),
        Center("TAX ID: 0105558123456"),
        Center("ใบเสร็จรับเงิน/ใบกำกับภาษีอย่างย่อ", bold=True),
        Center("(VAT Included)"),
        Row(("POS#03", "REG#E051100045678"), (Col(None), Col(17, "right"))),
        Text(f"เลขที่ใบเสร็จ: {s.no}"),
        Text(f"วันที่: {s.when}"),
        Text(f"แคชเชียร์: {('2041 ณัฐธิดา', '2057 สมชาย', '2063 วรรณา')[seq % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        weighed = ln.qty != ln.qty.to_integral()
        unit = (
            f"{qty_str(ln.qty)} กก. x {GROUPED(ln.price)}" if weighed else f"{ln.qty} x {GROUPED(ln.price)}"
        )
        ops += [Row((ln.name, GROUPED(ln.amount), ln.tag), item), Text(f"  {ln.code}  {unit}")]
        if ln.discount:
            ops.append(Row(("  ส่วนลดโปรโมชั่น", GROUPED(ln.discount), ""), item))
    ops += [Rule(), pair(f"รวม {pieces(s.lines)} ชิ้น", GROUPED(s.subtotal), right=right)]
    if off:
        ops.append(pair("ส่วนลดโปรโมชั่น", GROUPED(off), right=right))
    ops.append(pair("รวมเงิน (บาท)", GROUPED(s.total), bold=True, tall=True, right=right))
    for t in s.tenders:
        if t.label == "แลกคะแนน":
            ops.append(pair(f"แลกคะแนน {int(t.amount) * 10} คะแนน", GROUPED(t.amount), right=right))
            continue
        ops.append(pair(t.label, GROUPED(t.amount), right=right))
        if t.method == "card":
            ops += [
                Text(f"  VISA  XXXX XXXX XXXX {seq * 37 % 10000:04d}"),
                Text(f"  APPR CODE: {seq * 7919 % 10**6:06d}"),
            ]
        elif t.label == "พร้อมเพย์":
            ops.append(Text(f"  Ref: {s.iso[:10].replace('-', '')}{seq * 6151 % 10**10:010d}"))
        elif t.label.startswith("TrueMoney"):
            ops.append(Text(f"  Transaction ID: 5{seq * 7919 % 10**13:013d}"))
    if s.cash:
        ops.append(pair("เงินทอน", GROUPED(s.change), right=right))
    ops += [
        Rule(),
        pair("มูลค่าสินค้ายกเว้น VAT", GROUPED(exempt), right=right),
        pair("มูลค่าสินค้าก่อน VAT", GROUPED(vatable - vat), right=right),
        pair("VAT 7%", GROUPED(vat), right=right),
        Rule(),
    ]
    if s.tenders[0].method != "card":  # the member's card, shown before paying
        spent = sum((int(t.amount) * 10 for t in s.tenders if t.label == "แลกคะแนน"), 0)
        earned = int(s.total // 25)
        ops += [
            Text(f"สมาชิก: 08X-XXX-{seq * 53 % 10000:04d}"),
            pair("คะแนนที่ได้รับ", str(earned), right=right),
            pair("คะแนนสะสม", WHOLE(Decimal(earned - spent + 640 + seq % 2000)), right=right),
        ]
    ops += [
        Text("V = สินค้ามี VAT  N = สินค้ายกเว้น VAT"),
        Blank(),
        Center("ขอบคุณที่ใช้บริการ"),
        Center("เปลี่ยนหรือคืนสินค้าภายใน 7 วัน พร้อมใบเสร็จ"),
    ]
    return ops


RU_APTEKA_CHAIN_GOODS = (  # (name, price, НДС % or "" for a medical device exempt from it, marked)
    ("Нурофен табл. п/о 200мг №20", "245.00", "10", True),
    ("Ибупрофен табл. п/о 400мг №20", "89.00", "10", True),
    ("Ингавирин капс. 90мг №10", "589.00", "10", True),
    ("Називин спрей наз. 0,05% 10мл", "219.00", "10", True),
    ("Терафлю пор. д/р-ра лимон №10", "612.00", "10", True),
    ("Мирамистин р-р 0,01% 150мл", "478.00", "10", True),
    ("Лоратадин табл. 10мг №10", "64.00", "10", True),
    ("Омепразол капс. 20мг №30", "112.00", "10", True),
    ("Эссенциале форте Н капс. №90", "1849.00", "10", True),
    ("Смекта пор. д/сусп. 3г №10", "329.00", "10", True),
    ("Магне B6 табл. п/о №60", "998.00", "10", True),
    ("Витамин D3 2000 МЕ капс. №60", "690.00", "22", True),
    ("Омега-3 Эвалар капс. №30", "549.00", "22", True),
    ("Зубная паста Лакалют 75мл", "299.00", "22", True),
    ("Вода Ессентуки №17 0,45л", "98.00", "22", True),
    ("Крем детский 100мл", "139.00", "22", False),
    ("Бинт марлевый стерил. 7мх14см", "42.00", "", False),
    ("Пластырь бактерицидный №20", "95.00", "", False),
    ("Термометр электронный", "349.00", "", False),
    ("Маска медицинская №10", "85.00", "", False),
)
RU_APTEKA_CHAIN_CARD = 5  # the chain's loyalty card: 5 % off each article
RU_APTEKA_CHAIN_CASH = (100, 200, 500, 1000, 2000, 5000)


def ru_apteka_chain_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        Line(
            name,
            Decimal(rng.choice((1, 1, 1, 1, 2, 3) if Decimal(price) < 300 else (1, 1, 1, 2))),
            Decimal(price),
            tag=vat,
            code="М" if marked else "",  # a Честный знак marking code, checked at the till: [М+]
        )
        for name, price, vat, marked in rng.sample(RU_APTEKA_CHAIN_GOODS, rng.randint(2, 5))
    ]
    if v in (1, 3):  # the loyalty card shown
        cent = Decimal("0.01")
        lines = [
            replace(ln, discount=-(ln.amount * RU_APTEKA_CHAIN_CARD / 100).quantize(cent, ROUND_HALF_UP))
            for ln in lines
        ]
    total = sum((ln.net for ln in lines), Decimal(0))
    if v in (0, 3):
        tenders: tuple[Tender, ...] = (
            Tender("cash", "НАЛИЧНЫМИ", tendered(rng, total, RU_APTEKA_CHAIN_CASH)),
        )
    elif v == 2 and total > 100:  # what cash the customer had, the rest by card
        cash = Decimal(max(n for n in (50, 100, 200, 500, 1000) if n < total)).quantize(total)
        tenders = (Tender("cash", "НАЛИЧНЫМИ", cash), Tender("card", "БЕЗНАЛИЧНЫМИ", total - cash))
    else:
        tenders = (Tender("card", "БЕЗНАЛИЧНЫМИ", total),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(2, 420)}",
        # Open from eight to eleven at night.
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", 8, 23),
        # No subtotal: the receipt's sums are ИТОГ, after the card's СКИДКА, and the НДС.
    )


def ru_apteka_chain(s: Sale, cols: int) -> list[Op]:
    # A pharmacy chain's КАССОВЫЙ ЧЕК under 54-ФЗ (ФФД 1.2): the company, the pharmacy's number, address
    # and phone; КАССОВЫЙ ЧЕК / ПРИХОД, ЧЕК № and СМЕНА №, the date as ДД.ММ.ГГГГ, the pharmacist at the
    # till; each article numbered, [М+] before "quantity шт х price" when its Честный знак code was checked,
    # =amount, the loyalty card's СКИДКА по карте under it, its НДС (10 % medicines, 22 % supplements and
    # cosmetics, не облагается medical devices); ИТОГ, НАЛИЧНЫМИ and/or БЕЗНАЛИЧНЫМИ, ПОЛУЧЕНО and СДАЧА;
    # the НДС sums and СУММА БЕЗ НДС; the card's discount and points; СНО, ИНН, the fiscal block
    # (РН ККТ, ЗН ККТ, ФН, ФД, ФП), the ФНС site and the QR code.
    item = (Col(4), Col(None), Col(12, "right"))
    no = int(s.no)
    shift = 318 + no % 50
    fd, fp = 90217 + no * 3 + shift * 410, 2947715308 - no * 7717
    fn = "7380440801122463"
    ops: list[Op] = [
        Center('ООО "ЗДРАВИЦА-СИБИРЬ"', bold=True),
        Center('Аптека "Здравица" № 114'),
        Center("630099, г. Новосибирск,"),
        Center("Красный пр-т, д. 25"),
        Center("тел. 8-800-555-03-03"),
        Blank(),
        Center("КАССОВЫЙ ЧЕК", bold=True),
        Center("ПРИХОД"),
        Row((f"ЧЕК № {no}", f"СМЕНА № {shift}"), (Col(None), Col(12, "right"))),
        Text(s.when),
        Text(f"КАССИР Фармацевт {('Смирнова А.В.', 'Ковалева Н.И.', 'Юсупова Д.Р.')[no % 3]}"),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        mark = "[М+]" if ln.code else ""
        ops += [
            Text(f"{i}. {ln.name}"),
            Row((mark, f"{ln.qty} шт х {POINT(ln.price)}", f"={POINT(ln.amount)}"), item),
        ]
        if ln.discount:
            ops.append(Row(("", f"СКИДКА по карте {RU_APTEKA_CHAIN_CARD}%", POINT(ln.discount)), item))
        ops.append(Text(f"     НДС {ln.tag}%" if ln.tag else "     НДС не облагается"))
    ops += [Rule(), pair("ИТОГ", f"={POINT(s.total)}", bold=True, tall=True, right=14)]
    for t in s.tenders:
        ops.append(pair(t.label, f"={POINT(t.amount)}", right=14))
    if s.cash:
        paid = sum((t.amount for t in s.tenders), Decimal(0))
        ops += [pair("ПОЛУЧЕНО", f"={POINT(paid)}", right=14), pair("СДАЧА", f"={POINT(s.change)}", right=14)]
    for rate in ("10", "22"):
        if any(ln.tag == rate for ln in s.lines):
            vat = sum((included_tax(ln.net, Decimal(rate)) for ln in s.lines if ln.tag == rate), Decimal(0))
            ops.append(pair(f"СУММА НДС {rate}%", f"={POINT(vat)}", right=14))
    if any(not ln.tag for ln in s.lines):
        free = sum((ln.net for ln in s.lines if not ln.tag), Decimal(0))
        ops.append(pair("СУММА БЕЗ НДС", f"={POINT(free)}", right=14))
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    if off:
        earned = int(s.total // 100) * 3  # 3 points a hundred roubles
        ops += [
            Rule(),
            Text(f"Карта Здравица: 2990****{no * 53 % 10000:04d}"),
            Text(f"Ваша экономия: {POINT(off)}"),
            Text(f"Начислено баллов: {earned}"),
            Text(f"Баланс баллов: {120 + no * 7 % 900 + earned}"),
        ]
    if any(t.method == "card" for t in s.tenders):
        ops += [
            Rule(),
            Text("ОПЛАТА  ПАО СБЕРБАНК"),
            Text(f"Карта: MIR ****{no * 37 % 10000:04d}"),
            Text(f"Код авторизации: {no * 7919 % 10**6:06d}"),
            Text("ОДОБРЕНО"),
        ]
    ops += [
        Rule(),
        Text("СНО: ОСН"),
        Text("ИНН 5406783214"),
        Text("Место расчетов: аптека № 114"),
        Text("РН ККТ 0005837261044178"),
        Text("ЗН ККТ 00106702477319"),
        Text(f"ФН {fn}"),
        Row((f"ФД {fd}", f"ФП {fp}"), (Col(None), Col(14, "right"))),
        Text("Сайт ФНС: www.nalog.gov.ru"),
        ru_fns_qr(s, fn, fd, fp),
        Center("Будьте здоровы!"),
        Center("Товары надлежащего качества"),
        Center("обмену и возврату не подлежат"),
    ]
    return ops


TEMPLATES += (
    Template(
        "ja-cafe-chain",
        "Japanese",
        "JPY",
        ja_cafe_chain_sale,
        ja_cafe_chain,
        # receiptline only, in Shift_JIS, as the other Japanese templates: an Epson, a Star and a Fit.
        (
            Encoder(RL, "epson", "japanese-80mm", 42, "shiftjis"),
            Encoder(RL, "starmbcs", "star-80mm", 48, "shiftjis"),
            Encoder(RL, "fit", "japanese-80mm", 48, "shiftjis"),
        ),
        variants=4,
    ),
    Template(
        "zh-hans-chaoshi",
        "simplified Chinese",
        "CNY",  # 合计 ￥
        zh_hans_chaoshi_sale,
        zh_hans_chaoshi,
        # receiptline in GB18030 and CP936, as the other mainland templates (python-escpos sends no hanzi).
        (
            Encoder(RL, "escpos", "chinese-80mm", 42, "gb18030"),
            Encoder(RL, "citizen", "chinese-80mm", 48, "gb18030"),
            Encoder(RL, "sii", "chinese-80mm", 48, "cp936"),
        ),
        variants=4,
    ),
    Template(
        "th-supermarket",
        "Thai",
        "THB",  # รวมเงิน (บาท)
        th_supermarket_sale,
        th_supermarket,
        # receiptline in TIS-620 and receipt-printer-encoder's Thai code pages, as the other Thai templates.
        (
            Encoder(RL, "epson", "generic-80mm", 42, "tis620"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "thai18"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "star/cp874"),
        ),
        variants=4,
    ),
    Template(
        "ru-apteka-chain",
        "Cyrillic",
        None,  # a Russian fiscal receipt prints no currency sign or word
        ru_apteka_chain_sale,
        ru_apteka_chain,
        # receiptline in CP866, receipt-printer-encoder in Windows-1251 and python-escpos in CP866, as the
        # other Russian templates.
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1251"),
        ),
        variants=4,
    ),
)


# Eight templates for the blind test split, written by a helper who neither read nor ran the parser, each a
# country, a kind of shop and a till program the corpus had none of, printing that program's own words,
# column orders and dates: an Indian kirana's GST tax invoice from a billing program (en-in-kirana: the
# item's name on a line of its own, then HSN, MRP, quantity, rate and amount, MRP above the rate the shop
# sells at, weighed vegetables in kg to three places, Round Off to the rupee before the Net Amount, You Saved
# against MRP, the CGST/SGST table, Cash Received and Balance Returned, UPI, dates as 07-Dec-2026 with a
# 12-hour clock), an Indonesian minimarket's struk (id-minimarket: the date, the program's version and the
# receipt number with the cashier on one line at the top, 07.12.26-14:03, name, quantity, price and amount on
# one line, HEMAT under an article, JUMLAH, TUNAI and KEMBALI, DEBIT, QRIS, DPP and PPN inside the total,
# ANDA HEMAT; rupiah with comma grouping, no decimals), a Piraeus café's ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ in
# Greek (el-gr-kafeteria: CP737 and Windows-1253, ΠΕΡΙΓΡΑΦΗ ΠΟΣ ΤΙΜΗ ΑΞΙΑ ΦΠΑ, decimal comma, ΕΚΠΤΩΣΗ,
# ΣΥΝΟΛΟ, ΜΕΤΡΗΤΑ and ΡΕΣΤΑ, ΚΑΡΤΑ, IRIS, the ΦΠΑ 13 %/24 % table, the myDATA ΜΑΡΚ and its QR code), a
# Brno grocery's účtenka (cs-cz-potraviny: the name on one line, "49,90 x 2 ks" and the amount with its DPH
# letter on the next, a Sleva under an article, Celkem, Zaokrouhlení to the koruna in cash, K úhradě,
# Hotově and Vráceno, the DPH 21 %/12 % table, space-grouped amounts), a Budapest corner shop's NYUGTA from
# an online cash register (hu-hu-abc: "2 DB x 389" above its article, the ÁFA code A05/B18/C27 between name
# and amount, whole forints grouped with a space, RÉSZÖSSZEG, ÖSSZESEN, KEREKÍTÉS to 5 Ft in cash,
# FIZETENDŐ, KÉSZPÉNZ and VISSZAJÁRÓ, BANKKÁRTYA, SZÉP KÁRTYA, NYUGTASZÁM 0057/00421, 2026.12.07.), a
# Stockholm food shop's kvitto (sv-se-livs: CP865, Beskrivning Pris Mängd Summa with the price before the
# quantity "2 st" or "0,842 kg", Pant as an article of its own, a "2 för 40:-" Rabatt under its article,
# Att betala, Öresavrundning to the krona in cash, Kontant and Växel, Kort, Swish, food at the 6 % of
# 2026 and the rest at 25 %, Kvittonr at the foot with the Kontrollenhet), a Pretoria supermarket's till
# slip (en-za-supermarket: the amount before the name on every line, "2 @ 24.99" under it, * for
# zero-rated food, TOTAL, ROUNDING down to 10 cents in cash, AMT DUE, TENDERED CASH, CHANGE, CARD, SnapScan,
# VATABLE, VAT 15 % and ZERO RATED, the slip number in the middle of a till-store-slip string) and a
# Marikina botika's SALES INVOICE (en-ph-botika: the name over "10 PC @ 5.00" and the amount with V or E,
# VAT-exempt maintenance medicines, the senior citizen's Less VAT and 20 % SC discount, AMOUNT DUE, CASH
# TENDERED, CHANGE, GCash, VATable Sales, VAT Amount, VAT-Exempt Sales, Zero-Rated Sales, SI No., MIN and
# S/N, month-first dates 12/07/2026 with a 12-hour clock). Two of them print, in one variant, a total the
# lines do not add up to: their truth says needs_review.

# -- en-in-kirana -------------------------------------------------------------------------------------------

IN_KIRANA = (  # (name, HSN, MRP, the shop's rate, GST %): packaged goods at 5 % since GST 2.0, a few at 18 %
    ("AASHIRVAAD ATTA 5KG", "1101", "310.00", "285.00", 5),
    ("TATA SALT 1KG", "2501", "28.00", "28.00", 0),
    ("FORTUNE SUNFLOWER OIL 1L", "1512", "185.00", "167.50", 5),
    ("AMUL BUTTER 100G", "0405", "62.00", "58.50", 5),
    ("AMUL TAAZA MILK 500ML", "0401", "28.00", "28.00", 0),
    ("PARLE-G BISCUIT 250G", "1905", "25.00", "24.00", 5),
    ("MAGGI NOODLES 4 PACK", "1902", "56.00", "54.00", 5),
    ("TOOR DAL PREMIUM 1KG", "0713", "180.00", "164.00", 5),
    ("INDIA GATE BASMATI 1KG", "1006", "145.00", "129.00", 5),
    ("SURF EXCEL EASY WASH 1KG", "3402", "140.00", "131.50", 18),
    ("COLGATE STRONG TEETH 200G", "3306", "118.00", "109.00", 5),
    ("RED LABEL TEA 250G", "0902", "145.00", "138.00", 5),
    ("SUGAR LOOSE 1KG PKT", "1701", "48.00", "46.00", 5),
    ("CLINIC PLUS SHAMPOO 175ML", "3305", "130.00", "120.75", 18),
    ("GOOD DAY CASHEW 200G", "1905", "40.00", "38.00", 5),
)
IN_KIRANA_SABZI = (  # loose vegetables weighed on the counter's scale: (name, HSN, rate a kg), no GST
    ("ONION", "0703", "40.00", ("1.250", "2.000", "0.750", "1.450")),
    ("POTATO", "0701", "32.00", ("2.000", "1.350", "1.750", "0.500")),
    ("TOMATO", "0702", "36.00", ("0.500", "0.850", "0.750", "1.250")),
)
INR_CASH = (100, 200, 300, 500, 1000, 1500, 2000, 2500, 3000, 5000)


def en_in_kirana_sale(rng: random.Random, v: int) -> Sale:
    picked = rng.sample(list(IN_KIRANA), rng.randint(3, 7) if v != 4 else 9)
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 1, 2, 2, 3))), Decimal(rate), code=f"{hsn}|{mrp}", tag=str(gst))
        for name, hsn, mrp, rate, gst in picked
    ]
    if v in (2, 5, 6):  # vegetables weighed in
        for name, hsn, rate, weights in rng.sample(list(IN_KIRANA_SABZI), 2 if v == 2 else 1):
            w = Decimal(rng.choice(weights))
            lines.insert(
                rng.randint(0, len(lines)), Line(name, w, Decimal(rate), code=f"{hsn}|{rate}", tag="0")
            )
    gross = sum((ln.amount for ln in lines), Decimal(0))
    net = round_to(gross, 1).quantize(Decimal("0.01"))  # Round Off: to the whole rupee, half up
    if v in (1, 5):
        tenders: tuple[Tender, ...] = (Tender("other", "UPI", net),)
    elif v == 3:
        tenders = (Tender("card", "Card", net),)
    elif v == 6:
        tenders = (Tender("cash", "Cash", net),)
    else:
        tenders = (Tender("cash", "Cash", Decimal(next(n for n in INR_CASH if n >= net)).quantize(net)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1200, 9800)),
        dated_when=dated_between_hours(rng, "{d}-{b}-{y} {I}:{M} {p}", 8, 22),
        savings=gross - net,
        savings_label="Round Off",
    )


def en_in_kirana(s: Sale, cols: int) -> list[Op]:
    # A kirana's GST tax invoice from a desktop billing program on a 58 or 80 mm printer: the shop, its
    # address, phone and GSTIN; TAX INVOICE; Bill No, the date (07-Dec-2026) and the time (2:03 PM); each
    # item numbered on a line of its own, and under it HSN, MRP, Qty, Rate and Amount (MRP the printed price,
    # Rate what the shop charges); Items and Qty; Total, Round Off, Net Amount Rs.; You Saved against MRP;
    # the GST table (taxable value, CGST and SGST, each half the rate, all included in the price); Cash
    # Received and Balance Returned, or UPI or Card; the shop's terms.
    wide = cols >= 42
    det = (
        (Col(None), Col(7, "right"), Col(6, "right"), Col(7, "right"), Col(9, "right"))
        if wide
        else (Col(4), Col(6, "right"), Col(5, "right"), Col(6, "right"), Col(None, "right"))
    )
    day, clock = s.when.split(" ", 1)
    ops: list[Op] = [
        Title("SHREE BALAJI KIRANA"),
        Center("& GENERAL STORES"),
        Center("Shop 4, Sai Complex, Kothrud"),
        Center("Pune 411038 Ph 9822041176"),
        Center("GSTIN: 27ABCPD4821K1Z3"),
        Center("TAX INVOICE", bold=True),
        Rule(),
        Row((f"Bill No: {s.no}", f"Dt: {day}"), (Col(None), Col(15, "right"))),
        Row((f"Time: {clock}", "Counter: 1"), (Col(None), Col(10, "right"))),
        Rule(),
        Text("Sn Particulars"),
        Row(("HSN", "MRP", "Qty", "Rate", "Amount"), det),
        Rule(),
    ]
    saved = Decimal(0)
    for i, ln in enumerate(s.lines, 1):
        hsn, mrp = ln.code.split("|")
        saved += (Decimal(mrp) - ln.price) * ln.qty
        qty = format(ln.qty, "f")
        ops.append(Text(f"{i} {ln.name}"))
        ops.append(Row((hsn, mrp, qty, POINT(ln.price), POINT(ln.amount)), det))
    gross = s.subtotal
    off = -s.savings
    pieces_ = sum(int(ln.qty) if ln.qty.as_tuple().exponent == 0 else 1 for ln in s.lines)  # a weighing is 1
    right = 12 if wide else 10
    ops += [
        Rule(),
        Row((f"Items: {len(s.lines)}", f"Qty: {pieces_}"), (Col(None), Col(10, "right"))),
        pair("Total", POINT(gross), right=right),
        pair("Round Off", ("+" if off > 0 else "") + POINT(off), right=right),
        pair("Net Amount Rs.", POINT(s.total), bold=True, tall=True, right=right),
        Rule(),
    ]
    if saved:
        ops += [Center(f"You Saved Rs. {POINT(saved)} on MRP", bold=True), Rule()]
    gst = (Col(4), Col(None, "right"), Col(7, "right"), Col(7, "right"))
    ops.append(Row(("GST%", "Taxable", "CGST", "SGST"), gst))
    for rate in sorted({int(ln.tag) for ln in s.lines}):
        value = sum((ln.amount for ln in s.lines if ln.tag == str(rate)), Decimal(0))
        tax = included_tax(value, Decimal(rate))
        cgst = (tax / 2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        ops.append(Row((f"{rate}%", POINT(value - tax), POINT(cgst), POINT(tax - cgst)), gst))
    ops.append(Rule())
    for t in s.tenders:
        if t.method == "cash":
            ops += [pair("Cash Received", POINT(t.amount), right=right)]
            ops += [pair("Balance Returned", POINT(s.change), right=right)]
        elif t.method == "other":
            ops += [
                pair("Paid by UPI", POINT(t.amount), right=right),
                Text(f"UPI Ref: 6{int(s.no) * 7919:011d}"),
            ]
        else:
            ops += [
                pair("Paid by Card", POINT(t.amount), right=right),
                Text(f"Card: XXXX{int(s.no) * 13 % 10000:04d}"),
            ]
    ops += [
        Rule(),
        Center("E.& O.E."),
        Center("Goods once sold will not be"),
        Center("taken back or exchanged."),
        Center("Thank You! Visit Again"),
    ]
    return ops


# -- id-minimarket ------------------------------------------------------------------------------------------

ID_MINI = (  # (name as the till abbreviates it, price in rupiah)
    ("INDOMIE GRG SPC", "3500"),
    ("INDOMIE SOTO", "3300"),
    ("AQUA BTL 600ML", "3800"),
    ("TEH PUCUK HRM 350", "4000"),
    ("ULTRA MILK CKL 250", "6900"),
    ("ROTI TAWAR SR 370", "17500"),
    ("KOPI KPL API 10X25", "14900"),
    ("GULAKU PREMIUM 1KG", "18900"),
    ("BIMOLI MNYK 2L PCH", "39500"),
    ("TELUR AYM NGR 10S", "28900"),
    ("SILVERQUEEN 58G", "15500"),
    ("CHITATO SAPI 68G", "11200"),
    ("RINSO ANTI NODA 770", "24900"),
    ("PEPSODENT 190G", "13900"),
    ("SUNLIGHT JRK 755ML", "16400"),
    ("TISU PASEO 250S", "21500"),
)
ID_MINI_HEMAT = {
    "INDOMIE GRG SPC": "500",
    "ULTRA MILK CKL 250": "1000",
    "SILVERQUEEN 58G": "2500",
    "RINSO ANTI NODA 770": "3000",
    "BIMOLI MNYK 2L PCH": "4500",
    "CHITATO SAPI 68G": "1200",
}
IDR = NumberStyle(places=0, group=",")
IDR_CASH = (10000, 20000, 50000, 100000, 150000, 200000, 250000, 300000, 500000)
ID_KASIR = ("ANI", "DEWI", "RIZKY", "SITI", "BUDI")


def id_minimarket_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        replace(
            ln, discount=-Decimal(ID_MINI_HEMAT[ln.name]) * ln.qty if ln.name in ID_MINI_HEMAT else Decimal(0)
        )
        for ln in pick(rng, ID_MINI, (2, 7), places=0, qtys=(1, 1, 1, 2, 2, 3, 5))
    ]
    # v7: the till printed a JUMLAH a thousand rupiah over its lines (a price changed after the line was
    # rung up); what was paid and the change follow the printed JUMLAH.
    misprint = Decimal(1000) if v == 7 else Decimal(0)
    due = sum((ln.net for ln in lines), Decimal(0)) + misprint
    if v in (2, 5):
        tenders: tuple[Tender, ...] = (Tender("card", "DEBIT BCA", due),)
    elif v in (3, 6):
        tenders = (Tender("other", "QRIS", due),)
    else:
        tenders = (Tender("cash", "TUNAI", tendered(rng, due, IDR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=str(rng.randint(1000, 9999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y}-{H}:{M}", 7, 23),
        misprint=misprint,
    )


def id_minimarket(s: Sale, cols: int) -> list[Op]:
    # An Indonesian minimarket chain's struk: the company, the store and its address, NPWP; one line with the
    # date and time (07.12.26-14:03), the program's version, the receipt number, the cashier and the station;
    # each article on one line (name, quantity, price, amount), HEMAT under an article on offer; TOTAL ITEM,
    # JUMLAH, TUNAI and KEMBALI or the card or QRIS; DPP and PPN 11 % within the JUMLAH; ANDA HEMAT; the
    # member's points; the complaints line.
    item = (Col(None), Col(3, "right"), Col(7, "right"), Col(8, "right"))
    tot = (Col(None), Col(1), Col(11, "right"))
    seq = int(s.no)
    when = s.when.replace(".2026-", ".26-")
    ops: list[Op] = [
        Center("PT SUMBER REJEKI RITELINDO", bold=True),
        Center("SRMART CIPUTAT RAYA 2"),
        Center("JL.CIPUTAT RAYA NO.88 TANGSEL"),
        Center("NPWP : 01.234.567.8-411.000"),
        Text(f"{when} 2.0.31 {s.no}/{ID_KASIR[seq % 5]}/01"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), IDR(ln.price), IDR(ln.amount)), item))
        if ln.discount:
            ops.append(Row(("  HEMAT", "", "", IDR(ln.discount)), item))
    hemat = -sum((ln.discount for ln in s.lines), Decimal(0))
    ppn = (s.total * 11 / 111).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    ops += [
        Rule(),
        Row(("TOTAL ITEM", ":", str(pieces(s.lines))), tot),
        Row(("JUMLAH", ":", IDR(s.total)), tot, bold=True),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, ":", IDR(t.amount)), tot))
    if s.cash:
        ops.append(Row(("KEMBALI", ":", IDR(s.change)), tot))
    ops += [
        Row(("DPP", ":", IDR(s.total - ppn)), tot),
        Row(("PPN", ":", IDR(ppn)), tot),
    ]
    if hemat:
        ops += [Rule(), Center(f"ANDA HEMAT : {IDR(hemat)}", bold=True)]
    if seq % 3:
        ops += [Text(f"MEMBER : SR-****{seq * 17 % 10000:04d}"), Text(f"POIN +{int(s.total) // 10000}")]
    for t in s.tenders:
        if t.method != "cash":
            ops.append(Text(f"REF : {seq * 104729 % 10**9:09d}"))
    ops += [
        Rule(),
        Center("TERIMA KASIH, SELAMAT BELANJA KEMBALI"),
        Center("LAYANAN KONSUMEN SMS 0811 1500 280"),
        Center("HARGA SUDAH TERMASUK PPN"),
    ]
    return ops


# -- el-gr-kafeteria ----------------------------------------------------------------------------------------

GR_KAFE = (  # (name, price, ΦΠΑ %): coffee, soft drinks and food served at 13 %, alcohol at 24 %
    ("ΦΡΕΝΤΟ ΕΣΠΡΕΣΣΟ", "3.50", "13"),
    ("ΦΡΕΝΤΟ ΚΑΠΟΥΤΣΙΝΟ", "4.00", "13"),
    ("ΕΛΛΗΝΙΚΟΣ ΔΙΠΛΟΣ", "3.00", "13"),
    ("ΦΡΑΠΕ ΜΕ ΓΑΛΑ", "3.20", "13"),
    ("ΤΣΑΙ ΒΟΥΝΟΥ", "3.00", "13"),
    ("ΠΟΡΤΟΚΑΛΑΔΑ ΦΥΣΙΚΗ", "4.50", "13"),
    ("ΤΟΣΤ ΖΑΜΠΟΝ ΤΥΡΙ", "3.80", "13"),
    ("ΚΟΥΛΟΥΡΙ ΘΕΣ/ΚΗΣ", "1.50", "13"),
    ("ΤΥΡΟΠΙΤΑ", "2.80", "13"),
    ("ΜΠΟΥΓΑΤΣΑ ΚΡΕΜΑ", "4.20", "13"),
    ("ΝΕΡΟ 500ML", "0.50", "13"),
    ("ΜΠΥΡΑ ΑΛΦΑ 500ML", "5.00", "24"),
    ("ΟΥΖΟ ΠΛΩΜΑΡΙΟΥ", "6.50", "24"),
    ("ΛΕΥΚΟ ΚΡΑΣΙ ΠΟΤΗΡΙ", "5.50", "24"),
)
GR_SERVITOROI = ("ΜΑΡΙΑ", "ΓΙΩΡΓΟΣ", "ΕΛΕΝΗ", "ΚΩΣΤΑΣ")
GR_EKPTOSI = 10  # the regulars' ΕΚΠΤΩΣΗ 10 % off the bill
EUR_NOTES = (5, 10, 20, 30, 40, 50, 100)


def el_gr_kafeteria_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, GR_KAFE, (2, 5), qtys=(1, 1, 2, 2, 3))
    gross = sum((ln.amount for ln in lines), Decimal(0))
    savings = (
        (gross * GR_EKPTOSI / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if v in (2, 6)
        else Decimal(0)
    )
    due = gross - savings
    if v in (1, 4):
        tenders: tuple[Tender, ...] = (Tender("card", "ΚΑΡΤΑ", due),)
    elif v == 6:
        tenders = (Tender("other", "IRIS", due),)
    else:
        tenders = (Tender("cash", "ΜΕΤΡΗΤΑ", tendered(rng, due, EUR_NOTES)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(100, 9999)),
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 7, 23),
        savings=savings,
        savings_label=f"ΕΚΠΤΩΣΗ {GR_EKPTOSI}%",
        subtotal_printed=bool(savings),
    )


def el_gr_kafeteria(s: Sale, cols: int) -> list[Op]:
    # A Piraeus café's ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ from its POS, sent to myDATA: the café, its owner, address,
    # ΑΦΜ and ΔΟΥ; the document's series and number (Α.Α.), the date and time, the table and the waiter;
    # ΠΕΡΙΓΡΑΦΗ, ΠΟΣ., ΤΙΜΗ, ΑΞΙΑ and ΦΠΑ columns with a decimal comma; ΜΕΡΙΚΟ ΣΥΝΟΛΟ and ΕΚΠΤΩΣΗ 10 %;
    # ΣΥΝΟΛΟ in EUR; ΜΕΤΡΗΤΑ and ΡΕΣΤΑ, ΚΑΡΤΑ or IRIS; the ΦΠΑ table (ΚΑΘΑΡΗ ΑΞΙΑ, ΦΠΑ, ΣΥΝΟΛΟ); the ΜΑΡΚ, the
    # UID and the ΑΑΔΕ QR code.
    item = (Col(None), Col(3, "right"), Col(6, "right"), Col(7, "right"), Col(3, "right"))
    seq = int(s.no)
    day, clock = s.when.split(" ")
    ops: list[Op] = [
        Title("ΤΟ ΛΙΜΑΝΑΚΙ"),
        Center("ΚΑΦΕΤΕΡΙΑ - ΑΝΑΨΥΚΤΗΡΙΟ"),
        Center("ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ"),
        Center("ΑΚΤΗ ΜΙΑΟΥΛΗ 12 ΠΕΙΡΑΙΑΣ 18538"),
        Center("ΑΦΜ 045218736 ΔΟΥ Α' ΠΕΙΡΑΙΑ"),
        Rule(),
        Center("ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ", bold=True),
        Text(f"ΣΕΙΡΑ: Α  Α.Α.: {s.no}"),
        Row((f"ΗΜ/ΝΙΑ: {day}", f"ΩΡΑ: {clock}"), (Col(None), Col(10, "right"))),
        Row((f"ΤΡΑΠΕΖΙ: {seq % 18 + 1}", f"ΣΕΡΒ: {GR_SERVITOROI[seq % 4]}"), (Col(None), Col(15, "right"))),
        Rule(),
        Row(("ΠΕΡΙΓΡΑΦΗ", "ΠΟΣ", "ΤΙΜΗ", "ΑΞΙΑ", "ΦΠΑ"), item),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), COMMA(ln.price), COMMA(ln.amount), ln.tag), item))
    ops += [Rule(), pair("ΣΥΝΟΛΟ ΤΕΜΑΧΙΩΝ", str(pieces(s.lines)))]
    if s.savings:
        ops += [pair("ΜΕΡΙΚΟ ΣΥΝΟΛΟ", COMMA(s.subtotal)), pair(s.savings_label, COMMA(-s.savings))]
    ops.append(pair("ΣΥΝΟΛΟ EUR", COMMA(s.total), bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("ΡΕΣΤΑ", COMMA(s.change)))
    table = (Col(4), Col(None, "right"), Col(7, "right"), Col(8, "right"))
    ops += [Rule(), Row(("ΦΠΑ", "ΚΑΘ.ΑΞΙΑ", "ΦΠΑ", "ΣΥΝΟΛΟ"), table)]
    factor = 1 - Decimal(GR_EKPTOSI) / 100 if s.savings else Decimal(1)
    left = s.total
    rates = sorted({ln.tag for ln in s.lines})
    for i, rate in enumerate(rates):
        gross = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
        gross = (
            left
            if i == len(rates) - 1
            else (gross * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        )
        left -= gross
        tax = included_tax(gross, Decimal(rate))
        ops.append(Row((f"{rate}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    mark = 400001900000000 + seq * 7919
    ops += [
        Rule(),
        Text(f"ΜΑΡΚ: {mark}"),
        Text(f"UID: {hashlib.sha1(str(mark).encode()).hexdigest()[:32].upper()}"),
        QR(f"https://www1.aade.gr/tameiakes/myweb/q1.php?SIG=A{seq:06d}{mark}"),
        Center("ΕΥΧΑΡΙΣΤΟΥΜΕ ΠΟΛΥ"),
    ]
    return ops


# -- cs-cz-potraviny ----------------------------------------------------------------------------------------

CZ_DPH = {"A": Decimal(21), "B": Decimal(12)}  # A: the base rate; B: food and soft drinks
CZ_ZBOZI = (  # (name, price, DPH letter)
    ("Rohlík tukový 43g", "2.90", "B"),
    ("Chléb Šumava 1200g", "49.90", "B"),
    ("Mléko polotučné 1l", "21.90", "B"),
    ("Máslo Madeta 250g", "54.90", "B"),
    ("Eidam 30% plátky 100g", "24.90", "B"),
    ("Jogurt bílý 150g", "12.90", "B"),
    ("Vejce M 10ks", "49.90", "B"),
    ("Šunka dušená 100g", "29.90", "B"),
    ("Kofola originál 2l", "39.90", "B"),
    ("Pilsner Urquell 0,5l", "32.90", "A"),
    ("Becherovka 0,5l", "279.00", "A"),
    ("Toaletní papír 8ks", "89.90", "A"),
    ("Jar na nádobí 450ml", "44.90", "A"),
)
CZ_VAZENE = (
    ("Banány", "34.90", ("0.842", "1.236", "0.655", "1.104")),
    ("Jablka Gala", "39.90", ("0.734", "1.018")),
)
CZ_SLEVA = 20  # a yellow sticker on what is near its date: 20 % off the line, printed under it
CZK = NumberStyle(",", " ")
CZK_CASH = (100, 200, 300, 500, 1000, 1500, 2000, 5000)
CZ_OBSLUHA = ("Petra", "Jana", "Lukáš", "Tereza")


def cs_cz_potraviny_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, CZ_ZBOZI, (2, 6), qtys=(1, 1, 1, 2, 2, 4))
    if v in (1, 4, 6):
        name, price, weights = rng.choice(CZ_VAZENE)
        lines.insert(
            rng.randint(0, len(lines)), Line(name, Decimal(rng.choice(weights)), Decimal(price), tag="B")
        )
    if v in (2, 5):  # the sticker's Sleva on the first article of food
        i = (
            next(i for i, ln in enumerate(lines) if ln.tag == "B")
            if any(ln.tag == "B" for ln in lines)
            else 0
        )
        ln = lines[i]
        lines[i] = replace(
            ln, discount=-(ln.amount * CZ_SLEVA / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        )
    due = sum((ln.net for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v in (0, 2, 4, 7):  # cash: the total rounded to the koruna (Zaokrouhlení)
        savings = due - round_to(due, 1)
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "Hotově", tendered(rng, due, CZK_CASH)),)
    else:
        tenders = (Tender("card", "Platební karta", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(10000, 99999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}:{S}", 6, 22),
        savings=savings,
        savings_label="Zaokrouhlení",
    )


def cs_cz_potraviny(s: Sale, cols: int) -> list[Op]:
    # A Brno grocery's účtenka from a small till program: the shop, its owner, address, IČO and DIČ;
    # Účtenka č., the date and time, the till and who served; each article's name on its line, under it the
    # price, "x" and the quantity with its unit (ks, kg), then the amount and the DPH letter; the Sleva under
    # an article; Celkem Kč; in cash Zaokrouhlení and K úhradě, Hotově and Vráceno, else Platební karta with
    # the terminal's lines; the DPH table (Sazba, Základ, DPH, Celkem); the thanks.
    item = (Col(None), Col(10, "right"), Col(1))
    seq = int(s.no)
    ops: list[Op] = [
        Title("POTRAVINY U NÁDRAŽÍ"),
        Center("Jana Nováková"),
        Center("Nádražní 112, 602 00 Brno"),
        Center("IČO: 74521812  DIČ: CZ7452181234"),
        Rule(),
        Text(f"Účtenka č.: {s.no}"),
        Text(f"Datum: {s.when}"),
        Text(f"Pokladna: 1  Obsluha: {CZ_OBSLUHA[seq % 4]}"),
        Rule(),
    ]
    for ln in s.lines:
        unit = "ks" if ln.qty == ln.qty.to_integral() else "kg"
        per = "" if unit == "ks" else "/kg"
        ops.append(Text(ln.name))
        ops.append(
            Row((f"  {CZK(ln.price)}{per} x {qty_str(ln.qty, ',')} {unit}", CZK(ln.amount), ln.tag), item)
        )
        if ln.discount:
            ops.append(Row((f"  Sleva {CZ_SLEVA} %", CZK(ln.discount), ln.tag), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), Row(("Celkem Kč", CZK(net), ""), item, bold=True, tall=True)]
    if s.cash:
        ops += [
            Row(("Zaokrouhlení", CZK(-s.savings), ""), item),
            Row(("K úhradě", CZK(s.total), ""), item, bold=True),
            Row(("Hotově", CZK(s.tenders[0].amount), ""), item),
            Row(("Vráceno", CZK(s.change), ""), item),
        ]
    else:
        ops += [
            Row(("Platební karta", CZK(s.total), ""), item),
            Text(f"  Karta: **** **** **** {seq * 37 % 10000:04d}"),
            Text(f"  Autorizace: {seq * 7717 % 10**6:06d}"),
        ]
    table = (Col(None), Col(9, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Sazba DPH", "Základ", "DPH", "Celkem"), table)]
    for tag, rate in CZ_DPH.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((f"{tag} {rate} %", CZK(gross - tax), CZK(tax), CZK(gross)), table))
    ops += [Rule(), Center("Děkujeme za nákup"), Center("Otevřeno Po-Ne 6:00-22:00")]
    return ops


# -- hu-hu-abc ----------------------------------------------------------------------------------------------

HU_AFA = {"A05": 5, "B18": 18, "C27": 27}  # the online register's ÁFA codes
HU_TERMEKEK = (  # (name, price in forints, ÁFA code)
    ("TEJ 2,8% 1L", "389", "A05"),
    ("KENYÉR FEHÉR 1KG", "749", "A05"),
    ("TOJÁS M 10DB", "999", "A05"),
    ("CSIRKEMELL FILÉ 500G", "1890", "A05"),
    ("SERTÉS TARJA 1KG", "2990", "A05"),
    ("TÚRÓ RUDI NATÚR", "249", "B18"),
    ("KIFLI VAJAS", "89", "B18"),
    ("PÁRIZSI 200G", "599", "C27"),
    ("TRAPPISTA SAJT 250G", "1290", "C27"),
    ("SZENTKIRÁLYI 1,5L", "329", "C27"),
    ("DREHER SÖR 0,5L", "389", "C27"),
    ("PÖTTYÖS GUMICUKOR", "449", "C27"),
    ("ŰRLAP BORÍTÉK 10DB", "299", "C27"),
    ("MOSÓPOR ARIEL 1,1KG", "3490", "C27"),
)
HUF = NumberStyle(places=0, group=" ")
HUF_CASH = (1000, 2000, 5000, 10000, 15000, 20000)


def hu_hu_abc_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, HU_TERMEKEK, (2, 7), places=0, qtys=(1, 1, 1, 2, 2, 3, 6))
    due = sum((ln.amount for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v in (0, 3, 5, 7):  # cash: KEREKÍTÉS to 0 or 5 forints
        savings = due - round_to(due, 5)
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "KÉSZPÉNZ", tendered(rng, due, HUF_CASH)),)
    elif v == 4:
        tenders = (Tender("other", "SZÉP KÁRTYA", due),)
    else:
        tenders = (Tender("card", "BANKKÁRTYA", due),)
    closure, number = rng.randint(20, 400), rng.randint(1, 600)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{closure:04d}/{number:05d}",
        dated_when=dated_between_hours(rng, "{y}.{m}.{d}. {H}:{M}", 6, 22),
        savings=savings,
        savings_label="KEREKÍTÉS",
    )


def hu_hu_abc(s: Sale, cols: int) -> list[Op]:
    # A Budapest corner shop's NYUGTA from its online cash register (AEE): the company, the shop and its
    # address, ADÓSZÁM; NYUGTA; each article with its ÁFA code and amount, "2 DB x 389" on the line above it;
    # RÉSZÖSSZEG and ÖSSZESEN (Ft); in cash KEREKÍTÉS and FIZETENDŐ, KÉSZPÉNZ and VISSZAJÁRÓ, else BANKKÁRTYA
    # or SZÉP KÁRTYA; the ÁFA table by code; the date (2026.12.07.) and time, NYUGTASZÁM (the day's closure
    # and the receipt), the register's AP number and the NAV check code.
    item = (Col(None), Col(3), Col(9, "right"))
    seq = int(s.no.split("/")[1])
    ops: list[Op] = [
        Center("SARKI ABC KFT.", bold=True),
        Center("1134 BUDAPEST, VÁCI ÚT 45."),
        Center("ADÓSZÁM: 12345678-2-41"),
        Blank(),
        Title("NYUGTA"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"  {ln.qty} DB x {HUF(ln.price)}"))
        ops.append(Row((ln.name, ln.tag, HUF(ln.amount)), item))
    gross = s.subtotal
    ops += [
        Rule(),
        pair("RÉSZÖSSZEG:", HUF(gross)),
        pair("ÖSSZESEN:", f"{HUF(gross)} Ft", bold=True, tall=True, right=14),
    ]
    if s.cash:
        ops += [
            pair("KEREKÍTÉS:", HUF(-s.savings)),
            pair("FIZETENDŐ:", f"{HUF(s.total)} Ft", bold=True, right=14),
            pair("KÉSZPÉNZ:", HUF(s.tenders[0].amount)),
            pair("VISSZAJÁRÓ:", HUF(s.change)),
        ]
    else:
        ops.append(pair(f"{s.tenders[0].label}:", HUF(s.total)))
    table = (Col(4), Col(None, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("ÁFA", "NETTÓ", "ÁFA", "BRUTTÓ"), table)]
    for code, rate in HU_AFA.items():
        value = sum((ln.amount for ln in s.lines if ln.tag == code), Decimal(0))
        if value:
            tax = included_tax(value, Decimal(rate), 0)
            ops.append(Row((code, HUF(value - tax), HUF(tax), HUF(value)), table))
    ops += [
        Rule(),
        Row((s.when, f"NYUGTASZÁM: {s.no}"), (Col(None), Col(22, "right"))),
        Text(f"AP A19203144   PÉNZTÁROS: {seq % 3 + 1}"),
        Text(f"NAV ELLENŐRZŐ KÓD: {hashlib.sha1(s.no.encode()).hexdigest()[:5].upper()}"),
        Center("KÖSZÖNJÜK A VÁSÁRLÁST!"),
    ]
    return ops


# -- sv-se-livs ---------------------------------------------------------------------------------------------

SE_MOMS = {
    "6": Decimal(6),
    "25": Decimal(25),
}  # food at 6 % from April 2026 (the food VAT cut); the rest 25 %
SE_VAROR = (  # (name, price, moms %, pant a bottle or can)
    ("Mellanmjölk 1,5% 1,5l", "19.90", "6", ""),
    ("Smör Normalsaltat 500g", "64.90", "6", ""),
    ("Kaffe Mellanrost 450g", "69.90", "6", ""),
    ("Pågen Gifflar Kanel", "32.90", "6", ""),
    ("Falukorv 800g", "44.90", "6", ""),
    ("Ägg 12-p Frigående", "52.90", "6", ""),
    ("Knäckebröd Råg 520g", "29.90", "6", ""),
    ("Kanelbulle", "15.00", "6", ""),
    ("Coca-Cola 1,5l", "24.90", "6", "2.00"),
    ("Loka Citron 33cl", "12.90", "6", "1.00"),
    ("Ramlösa 33cl", "13.90", "6", "1.00"),
    ("Tandkräm Zendium 75ml", "34.90", "25", ""),
    ("Diskmedel Yes 500ml", "29.90", "25", ""),
    ("Aftonbladet", "40.00", "6", ""),
)
SE_VIKT = (
    ("Bananer", "24.90", ("0.842", "1.106", "0.655")),
    ("Äpple Royal Gala", "34.90", ("0.512", "0.978")),
)
SE_ERBJUDANDE = {
    "Loka Citron 33cl": (2, "20.00"),
    "Pågen Gifflar Kanel": (2, "55.00"),
    "Falukorv 800g": (2, "80.00"),
}
SEK_CASH = (50, 100, 200, 300, 500, 1000)
SE_KASSORER = ("Elin", "Ahmed", "Sofia", "Johan")


def sv_se_livs_sale(rng: random.Random, v: int) -> Sale:
    picked = rng.sample(list(SE_VAROR), rng.randint(2, 6))
    if v in (1, 5) and not any(p[0] in SE_ERBJUDANDE for p in picked):
        name = rng.choice(sorted(SE_ERBJUDANDE))
        picked.insert(0, next(p for p in SE_VAROR if p[0] == name))
    lines: list[Line] = []
    for name, price, moms, pant in picked:
        offer = SE_ERBJUDANDE.get(name)
        qty = Decimal(offer[0] if offer and v in (1, 5) else rng.choice((1, 1, 1, 2, 3)))
        ln = Line(name, qty, Decimal(price), tag=moms)
        if offer and qty >= offer[0]:
            ln = replace(ln, discount=Decimal(offer[1]) - offer[0] * ln.price)
        lines.append(ln)
        if pant:
            lines.append(Line("Pant", qty, Decimal(pant), tag="0", code="pant"))
    if v in (2, 6):
        name, price, weights = rng.choice(SE_VIKT)
        lines.append(Line(name, Decimal(rng.choice(weights)), Decimal(price), tag="6"))
    due = sum((ln.net for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v in (0, 3, 6):  # cash: Öresavrundning to the krona
        savings = due - round_to(due, 1)
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "Kontant", tendered(rng, due, SEK_CASH)),)
    elif v == 4:
        tenders = (Tender("other", "Swish", due),)
    else:
        tenders = (Tender("card", "Kort", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 99999)),
        dated_when=dated_between_hours(rng, "{y}-{m}-{d} {H}:{M}", 7, 23),
        savings=savings,
        savings_label="Öresavrundning",
    )


def sv_se_livs(s: Sale, cols: int) -> list[Op]:
    # A Stockholm food shop's kvitto: the shop, address, org.nr and phone; Beskrivning, Pris, Mängd and Summa
    # (the price before the quantity, "2 st" or "0,842 kg"); Pant on a line of its own under its bottle; the
    # "2 för 20:-" Rabatt under its article; Totalt with the count; Att betala SEK; Öresavrundning in cash,
    # Kontant and Växel, else Kort with its slip or Swish; the Moms table (Moms %, Moms, Netto, Brutto), pant
    # outside it; the date and time, Kassa, Kassör and Kvittonr at the foot, the Kontrollenhet.
    item = (Col(None), Col(7, "right"), Col(8, "right"), Col(8, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("HORNSTULLS LIVS"),
        Center("Hornsgatan 150, 117 28 Stockholm"),
        Center("Org.nr 556812-4471"),
        Center("Tel 08-668 12 34"),
        Rule(),
        Row(("Beskrivning", "Pris", "Mängd", "Summa"), item),
        Rule(),
    ]
    for ln in s.lines:
        mangd = f"{ln.qty} st" if ln.qty == ln.qty.to_integral() else f"{qty_str(ln.qty, ',')} kg"
        name = f"  {ln.name}" if ln.code == "pant" else ln.name
        if len(name) > cols - 26:  # a long name on its own line, the numbers under it
            ops += [Text(name), Row(("", COMMA(ln.price), mangd, COMMA(ln.amount)), item)]
        else:
            ops.append(Row((name, COMMA(ln.price), mangd, COMMA(ln.amount)), item))
        if ln.discount:
            n, price = SE_ERBJUDANDE[ln.name]
            rabatt = f"  Rabatt {n} för {int(Decimal(price))}:-"
            ops.append(Row((rabatt, COMMA(ln.discount)), (Col(None), Col(8, "right"))))
    count = sum(int(ln.qty) if ln.qty == ln.qty.to_integral() else 1 for ln in s.lines if ln.code != "pant")
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), pair(f"Totalt {count} varor", COMMA(net))]
    if s.cash:
        ops.append(pair(s.savings_label, COMMA(-s.savings)))
    ops.append(pair("Att betala SEK", COMMA(s.total), bold=True, tall=True))
    for t in s.tenders:
        ops.append(pair(t.label, COMMA(t.amount)))
    if s.cash:
        ops.append(pair("Växel", COMMA(s.change)))
    table = (Col(6), Col(None, "right"), Col(9, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Moms %", "Moms", "Netto", "Brutto"), table)]
    for rate, pct in SE_MOMS.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            tax = included_tax(gross, pct)
            ops.append(Row((f"{rate},00", COMMA(tax), COMMA(gross - tax), COMMA(gross)), table))
    pant = sum((ln.amount for ln in s.lines if ln.code == "pant"), Decimal(0))
    if pant:
        ops.append(Text(f"Pant (ej moms) {COMMA(pant)}"))
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Rule(),
                Text("KÖP"),
                Text(f"Mastercard ************{seq * 31 % 10000:04d}"),
                Row(("Belopp SEK", COMMA(t.amount)), (Col(None), Col(12, "right"))),
                Text(f"Ref: {seq * 7717 % 10**12:012d}  Godkänd"),
            ]
    ops += [
        Rule(),
        Text(f"{s.when}  Kassa 2  Kassör {SE_KASSORER[seq % 4]}"),
        Text(f"Kvittonr {s.no}"),
        Text(f"KE: HLST{seq * 131 % 10**8:08d}"),
        Center("Tack för ditt köp!"),
        Center("Spara kvittot"),
    ]
    return ops


# -- en-za-supermarket --------------------------------------------------------------------------------------

ZA_GOODS = (  # (name, price, "*" zero-rated basic food or "" with VAT 15 % in the price)
    ("BROWN BREAD 700G", "17.99", "*"),
    ("WHITE BREAD 700G", "19.99", ""),
    ("MAIZE MEAL 5KG", "74.99", "*"),
    ("SAMP 2KG", "32.99", "*"),
    ("RICE 2KG", "44.99", "*"),
    ("FRESH MILK 2L", "36.99", "*"),
    ("EGGS LARGE 18S", "64.99", "*"),
    ("SUGAR BEANS 500G", "27.99", "*"),
    ("CHICKEN PIECES 2KG", "109.99", ""),
    ("BOEREWORS 1KG", "99.99", ""),
    ("COKE 2L", "27.99", ""),
    ("ROOIBOS TEA 80S", "42.99", ""),
    ("SUNLIGHT LIQUID 750ML", "34.99", ""),
    ("SIMBA CHIPS 120G", "19.99", ""),
    ("AIRTIME R29", "29.00", ""),
)
ZA_SAVE = {"COKE 2L": "5.00", "SIMBA CHIPS 120G": "3.00", "BOEREWORS 1KG": "10.00"}
ZAR_CASH = (20, 50, 100, 150, 200, 300, 400, 500, 1000)
ZA_CASHIERS = ("THANDI", "SIPHO", "LERATO", "JOHAN", "NALEDI")


def en_za_supermarket_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        replace(ln, discount=-Decimal(ZA_SAVE[ln.name]) * ln.qty if ln.name in ZA_SAVE else Decimal(0))
        for ln in pick(rng, ZA_GOODS, (3, 7), qtys=(1, 1, 1, 2, 2, 3))
    ]
    # v7: the slip's TOTAL is ten rand over its lines (an item voided on the screen but not on the slip);
    # what was tendered and the change follow the printed TOTAL.
    misprint = Decimal("10.00") if v == 7 else Decimal(0)
    due = sum((ln.net for ln in lines), Decimal(0)) + misprint
    savings = Decimal(0)
    if v in (0, 2, 5, 7):  # cash: rounded down to 10 cents, in the customer's favour
        savings = due - round_to(due * 10, 1, ROUND_DOWN) / 10
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "CASH", tendered(rng, due, ZAR_CASH)),)
    elif v == 3:
        tenders = (Tender("other", "SNAPSCAN", due),)
    else:
        tenders = (Tender("card", "CARD", due),)
    no = str(rng.randint(100000, 999999))
    return Sale(
        tuple(lines),
        tenders,
        no=no,
        dated_when=dated_between_hours(rng, "{y}/{m}/{d} {H}:{M}", 7, 21),
        savings=savings,
        savings_label="ROUNDING",
        misprint=misprint,
        # The slip's number is the till's, the store's and the sale's as one string (SLIP 0003-0412-729045).
        receipt_no=f"{int(no) % 6 + 1:04d}-0412-{no}",
    )


def en_za_supermarket(s: Sale, cols: int) -> list[Op]:
    # A Pretoria township supermarket's till slip from a local retail program: the store, address, phone and
    # VAT number, TAX INVOICE; the slip's till-store-number string, the date and time, the cashier; every
    # line with its amount first, then the name and * for zero-rated food, "2 @ 24.99" under it, SAVE under
    # a promotion; TOTAL, ROUNDING down to 10 cents in cash, AMT DUE; TENDERED CASH and CHANGE, CARD with the
    # terminal's lines or SNAPSCAN; VATABLE, VAT 15 %, ZERO RATED; the returns policy.
    item = (Col(9, "right"), Col(None), Col(1))
    seq = int(s.no)
    till = seq % 6 + 1
    ops: list[Op] = [
        Title("KHULA FOODS"),
        Center("MAMELODI EAST"),
        Center("STAND 1204 TSAMAYA AVE, MAMELODI"),
        Center("TEL 012 805 4411"),
        Center("VAT NO 4870265193"),
        Center("TAX INVOICE", bold=True),
        Rule(),
        Text(f"SLIP {till:04d}-0412-{s.no}"),
        Text(f"{s.when}  TILL {till:02d}  {ZA_CASHIERS[seq % 5]}"),
        Rule(),
        Row(("R", "DESCRIPTION", ""), item),
    ]
    for ln in s.lines:
        ops.append(Row((POINT(ln.amount), ln.name, ln.tag), item))
        if ln.qty != 1:
            ops.append(Row(("", f"  {ln.qty} @ {POINT(ln.price)}", ""), item))
        if ln.discount:
            ops.append(Row((POINT(ln.discount), "  SAVE", ""), item))
    ops += [
        Row(("---------", "", ""), item),
        Row((POINT(s.total + s.savings), "TOTAL", ""), item, bold=True),
    ]
    if s.cash:
        ops += [Row((POINT(-s.savings), "ROUNDING", ""), item)]
    ops.append(Row((POINT(s.total), "AMT DUE", ""), item, bold=True, tall=True))
    for t in s.tenders:
        label = "TENDERED CASH" if t.method == "cash" else t.label
        ops.append(Row((POINT(t.amount), label, ""), item))
    if s.cash:
        ops.append(Row((POINT(s.change), "CHANGE", ""), item))
    zero = sum((ln.net for ln in s.lines if ln.tag == "*"), Decimal(0))
    vatable = s.total + s.savings - zero
    tax = included_tax(vatable, Decimal(15))
    ops += [
        Rule(),
        Row((POINT(vatable - tax), "VATABLE", ""), item),
        Row((POINT(tax), "VAT 15%", ""), item),
        Row((POINT(zero), "ZERO RATED *", ""), item),
        Text(f"ITEMS {pieces(s.lines)}"),
    ]
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Rule(),
                Text("DEBIT  CHEQUE ACCOUNT"),
                Text(f"CARD ************{seq * 41 % 10000:04d}"),
                Text(f"AUTH {seq * 97 % 10**6:06d}  APPROVED"),
            ]
        elif t.method == "other":
            ops += [Rule(), Text(f"SNAPSCAN REF {seq * 7919 % 10**8:08d}")]
    ops += [
        Rule(),
        Center("NO REFUND WITHOUT SLIP"),
        Center("THANK YOU FOR SHOPPING LOCAL"),
    ]
    return ops


# -- en-ph-botika -------------------------------------------------------------------------------------------

PH_BOTIKA = (  # (name, price, V: VATable or E: VAT-exempt, the maintenance medicines the law exempts)
    ("BIOGESIC 500MG TAB", "5.00", "V"),
    ("NEOZEP FORTE TAB", "7.50", "V"),
    ("ALAXAN FR CAP", "9.25", "V"),
    ("DECOLGEN FORTE TAB", "7.00", "V"),
    ("SOLMUX 500MG CAP", "13.50", "V"),
    ("ASCORBIC ACID 500MG", "3.50", "V"),
    ("ISOPROPYL ALCOHOL 500ML", "89.00", "V"),
    ("BETADINE 60ML", "184.75", "V"),
    ("METFORMIN 500MG TAB", "4.50", "E"),
    ("LOSARTAN 50MG TAB", "12.00", "E"),
    ("AMLODIPINE 10MG TAB", "9.75", "E"),
    ("ATORVASTATIN 20MG TAB", "18.50", "E"),
)
PH_QTYS = (1, 2, 4, 10, 10, 20, 30)
PHP_CASH = (100, 200, 500, 1000, 1500, 2000)
PH_SC_DISC = 20  # the senior citizen's discount (RA 9994): VAT off first, then 20 % off


def en_ph_botika_sale(rng: random.Random, v: int) -> Sale:
    lines = []
    for name, price, tag in rng.sample(list(PH_BOTIKA), rng.randint(2, 5)):
        qty = rng.choice((1, 2)) if Decimal(price) > 50 else rng.choice(PH_QTYS)
        lines.append(Line(name, Decimal(qty), Decimal(price), tag=tag))
    savings = Decimal(0)
    if v in (2, 5):  # a senior citizen: Less VAT on the VATable lines, then 20 % off every line
        vat = sum(
            (
                ln.amount - (ln.amount / Decimal("1.12")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                for ln in lines
                if ln.tag == "V"
            ),
            Decimal(0),
        )
        base = sum((ln.amount for ln in lines), Decimal(0)) - vat
        savings = vat + (base * PH_SC_DISC / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    due = sum((ln.amount for ln in lines), Decimal(0)) - savings
    if v in (1, 6):
        tenders: tuple[Tender, ...] = (Tender("other", "GCASH", due),)
    elif v == 4:
        tenders = (Tender("card", "CREDIT CARD", due),)
    else:
        tenders = (Tender("cash", "CASH", tendered(rng, due, PHP_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 99999):011d}",
        dated_when=dated_between_hours(rng, "{m}/{d}/{y} {I}:{M} {p}", 8, 21),
        savings=savings,
        savings_label="SC",
        subtotal_printed=True,
    )


def en_ph_botika(s: Sale, cols: int) -> list[Op]:
    # A Marikina botika's SALES INVOICE from a BIR-accredited POS: the pharmacy, its owner, address, VAT REG
    # TIN, MIN, S/N and PTU; SI No., the date month first with a 12-hour clock, cashier and terminal; each
    # medicine's name on its line, "10 PC @ 5.00" and the amount with V or E under it; Total Items,
    # SUBTOTAL, for a senior citizen Less: VAT and Less: SC Disc 20 % with the SC ID; AMOUNT DUE; CASH
    # TENDERED and CHANGE, GCASH with its reference or a card; VATable Sales, VAT Amount, VAT-Exempt Sales,
    # Zero-Rated Sales; the customer's lines; the accreditation and the "this serves as" line.
    item = (Col(None), Col(10, "right"), Col(1))
    right = 12 if cols >= 42 else 10
    seq = int(s.no)
    day, clock = s.when.split(" ", 1)
    ops: list[Op] = [
        Center("BOTIKA SANTA ELENA", bold=True),
        Center("Owned & Operated by:"),
        Center("ROSALINDA M. CRUZ"),
        Center("12 J.P. Rizal St., Sta. Elena"),
        Center("Marikina City 1800"),
        Center("VAT REG TIN: 218-417-336-00000"),
        Center("MIN: 24010312345678901"),
        Center("S/N: WPX3K81290"),
        Rule(),
        Center("SALES INVOICE", bold=True),
        Text(f"SI No.: {s.no}"),
        Text(f"Date: {day} {clock}"),
        Text(f"Cashier: {('JOY', 'MARVIN', 'LIZA')[seq % 3]}  Term: 01"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Text(ln.name))
        ops.append(Row((f"  {ln.qty} PC @ {GROUPED(ln.price)}", GROUPED(ln.amount), ln.tag), item))
    ops += [
        Rule(),
        Text(f"Total Items: {pieces(s.lines)}"),
        pair("SUBTOTAL", GROUPED(s.subtotal), right=right),
    ]
    vatable = sum((ln.amount for ln in s.lines if ln.tag == "V"), Decimal(0))
    exempt = sum((ln.amount for ln in s.lines if ln.tag == "E"), Decimal(0))
    if s.savings:
        vat = sum(
            (
                ln.amount - (ln.amount / Decimal("1.12")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                for ln in s.lines
                if ln.tag == "V"
            ),
            Decimal(0),
        )
        ops += [
            pair("Less: VAT", GROUPED(-vat), right=right),
            pair(f"Less: SC Disc {PH_SC_DISC}%", GROUPED(-(s.savings - vat)), right=right),
        ]
        exempt, vatable = exempt + vatable - vat, Decimal(0)
    ops.append(pair("AMOUNT DUE (PHP)", GROUPED(s.total), bold=True, tall=True, right=right))
    for t in s.tenders:
        ops.append(pair("CASH TENDERED" if t.method == "cash" else t.label, GROUPED(t.amount), right=right))
    if s.cash:
        ops.append(pair("CHANGE", GROUPED(s.change), right=right))
    vat_amount = vatable - (vatable / Decimal("1.12")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    ops += [
        Rule(),
        pair("VATable Sales", GROUPED(vatable - vat_amount), right=right),
        pair("VAT Amount (12%)", GROUPED(vat_amount), right=right),
        pair("VAT-Exempt Sales", GROUPED(exempt), right=right),
        pair("Zero-Rated Sales", "0.00", right=right),
    ]
    for t in s.tenders:
        if t.method == "other":
            ops.append(Text(f"GCash Ref No. {seq * 7919 % 10**13:013d}"))
        elif t.method == "card":
            ops.append(Text(f"Card No. ************{seq * 37 % 10000:04d}"))
    if s.savings:
        ops += [Text(f"SC ID No.: MKN-{seq * 31 % 10**6:06d}"), Text("SC Name: ____________")]
    else:
        ops += [Text("Customer: ____________"), Text("TIN: ____________")]
    ops += [
        Rule(),
        Center("PTU: FP012024-039-0412331-000"),
        Center("THIS SERVES AS YOUR"),
        Center("SALES INVOICE"),
        Center("Thank you! Get well soon!"),
    ]
    return ops


TEMPLATES += (
    Template(
        "en-in-kirana",
        "Latin",
        "INR",  # Net Amount Rs.
        en_in_kirana_sale,
        en_in_kirana,
        # A desktop billing program's bill on an 80 mm Epson and a 58 mm printer of the kind kiranas buy.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "pos-5890", "zjiang-58mm", 32, "cp437"),
        ),
        variants=8,
    ),
    Template(
        "id-minimarket",
        "Latin",
        None,  # the struk prints no Rp: amounts alone
        id_minimarket_sale,
        id_minimarket,
        # The dot-matrix TM-U220 many Indonesian minimarkets print on (40 columns), and an Xprinter.
        (
            Encoder(RL, "impact", "generic-80mm", 40, "cp437"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp437"),
        ),
        variants=8,
    ),
    Template(
        "el-gr-kafeteria",
        "Greek",
        "EUR",  # ΣΥΝΟΛΟ EUR
        el_gr_kafeteria_sale,
        el_gr_kafeteria,
        # receiptline has no Greek code page: receipt-printer-encoder in CP737 (Epson ESC t 14) and
        # Windows-1253 (an Xprinter's ESC t 7), python-escpos in CP737. CP737 has no euro sign: "EUR".
        (
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp737"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1253"),
        ),
        variants=8,
    ),
    Template(
        "cs-cz-potraviny",
        "Latin",
        "CZK",  # Celkem Kč
        cs_cz_potraviny_sale,
        cs_cz_potraviny,
        # CP852, the DOS page of Central Europe, as Czech tills send it.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp852"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp852"),
        ),
        variants=8,
    ),
    Template(
        "hu-hu-abc",
        "Latin",
        "HUF",  # ÖSSZESEN ... Ft
        hu_hu_abc_sale,
        hu_hu_abc,
        # CP852 has ő and ű.
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp852"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp852"),
        ),
        variants=8,
    ),
    Template(
        "sv-se-livs",
        "Latin",
        "SEK",  # Att betala SEK
        sv_se_livs_sale,
        sv_se_livs,
        # CP865, the Nordic DOS page (å, ä, ö).
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp865"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp865"),
        ),
        variants=8,
    ),
    Template(
        "en-za-supermarket",
        "Latin",
        "ZAR",  # the amount column headed R
        en_za_supermarket_sale,
        en_za_supermarket,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp437"),
        ),
        variants=8,
    ),
    Template(
        "en-ph-botika",
        "Latin",
        "PHP",  # AMOUNT DUE (PHP)
        en_ph_botika_sale,
        en_ph_botika,
        # A SUNMI handheld's 58 mm printer, as small Philippine shops use, an Epson and a TM-T88IV.
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "sunmi-p2se", "sunmi-58mm", 32, "cp437"),
        ),
        variants=8,
    ),
)


# Eight templates for the eleventh blind test split, written by a helper who neither read nor ran the
# parser, each a country, a kind of shop and a till program the corpus had none of: a Norwegian grocery's
# kvittering (nb-no-dagligvare: the name and the amount on one line, "2 x 24,90" or "0,512 kg x 49,90 kr/kg"
# under it, Pant on its own line outside the MVA, a Kampanje under its article, Totalt, Avrunding to the
# krone in cash, Bankkort, Vipps, a gift card with a card, Kontant and Tilbake, the MVA 15 %/25 % table,
# Trumf bonus), a Danish bakery's bon (da-dk-bager: the count before the name, "à 6,00" under it, I alt kr.,
# Afrunding to 50 øre in cash, Dankort with its slip, MobilePay, Kontant and Byttepenge, Heraf moms 25 %,
# a Rabat 10 % off the subtotal, dates as 07.12.26 kl. 08:14), a Helsinki café's kuitti (fi-fi-kahvila: the
# count, the name, the unit price, the amount and the ALV letter on one line, Iltaale under a pastry,
# YHTEENSÄ EUR, Pyöristys to 5 cents in cash, Käteinen and Takaisin, Pankkikortti, MobilePay, ePassi and a
# card together, the ALV 14 %/25,5 % table, "klo 14.03"), a Romanian pharmacy's BON FISCAL (ro-ro-farmacie:
# "2.000 BUC x 12.50" above its article, the amount and the TVA letter A 21 %/B 11 %, REDUCERE under an
# article, SUBTOTAL, TOTAL LEI, NUMERAR and REST, CARD, cash and card together, the TVA table, BF and Z
# numbers, DATA and ORA, ID UNIC; one variant misprinted), a Lviv pharmacy's ПРРО ФІСКАЛЬНИЙ ЧЕК in
# Ukrainian (uk-ua-apteka: CP1125 and Windows-1251, the УКТЗЕД code over the name, "2.000 x 28.50" with the
# amount and the ПДВ letter, ЗНИЖКА under an article, СУМА, ЗАОКРУГЛЕННЯ to 10 kopiyky in cash, ДО СПЛАТИ,
# ГОТІВКА and РЕШТА, БЕЗГОТІВКОВА, ПДВ А 20 %/Б 7 %, ЧЕК №, ФН ПРРО and the date at the foot), a Santiago
# botillería's BOLETA ELECTRONICA (es-cl-botilleria: whole pesos grouped with points, "$ 12.990", the name,
# the count, the unit price and the amount, ENVASE for returnable bottles, TOTAL, Redondeo of cash to 10
# pesos, EFECTIVO and VUELTO, REDCOMPRA, the IVA of the boleta, the SII's Timbre Electrónico), a Penang
# kedai runcit's resit (ms-my-kedai-runcit: name, price, then the count "x2", then the amount, Jumlah Item,
# JUMLAH, Pelarasan Bundar to 5 sen in cash, JUMLAH BAYAR, TUNAI and BAKI, DuitNow QR, TNG eWallet, Kad
# Debit, 07-12-2026 14:03:22) and a Nairobi supermarket's eTIMS tax invoice (en-ke-supermarket: ITEM, QTY,
# PRICE, TOTAL and the tax class A-EX/B-16 %/C-0 %, weighed produce to three places, TOTAL KSH, CASH and
# CHANGE, M-PESA with its reference, cash and M-PESA together, the tax table, CU serial and invoice numbers,
# the loyalty points; one variant misprinted). Two of them print, in one variant, a total the lines do not
# add up to: their truth says needs_review.

# -- nb-no-dagligvare ---------------------------------------------------------------------------------------

NO_VARER = (  # (name, price, MVA %, pant a unit): food 15 %, the rest 25 %; pant outside the MVA
    ("Tine Lettmelk 1l", "24.90", "15", ""),
    ("Kneippbrød 750g", "39.90", "15", ""),
    ("Norvegia 26% 1kg", "129.00", "15", ""),
    ("Grandiosa Original", "62.90", "15", ""),
    ("Egg 12pk Frittgående", "54.90", "15", ""),
    ("Jarlsberg Skivet 150g", "44.90", "15", ""),
    ("Kvikk Lunsj 47g", "21.90", "15", ""),
    ("Solo 1,5l", "32.90", "15", "3.00"),
    ("Farris Naturell 0,5l", "22.90", "15", "2.00"),
    ("Coca-Cola Zero 0,5l", "27.90", "15", "2.00"),
    ("Gilde Kjøttkaker 800g", "89.90", "15", ""),
    ("Toro Fiskesuppe", "34.90", "15", ""),
    ("Zalo Oppvask 500ml", "32.90", "25", ""),
    ("Lambi Toalettpapir 8r", "69.90", "25", ""),
    ("Colgate Tannkrem 75ml", "29.90", "25", ""),
)
NO_VEKT = (  # loose goods weighed at the till: (name, kr/kg, weights)
    ("Bananer", "27.90", ("0.842", "1.106", "0.655", "1.274")),
    ("Poteter Mandel", "34.90", ("1.512", "0.978", "2.046")),
    ("Epler Pink Lady", "49.90", ("0.512", "0.734", "0.968")),
)
NO_KAMPANJE = {  # (count, the price of that many): printed under the article
    "Kvikk Lunsj 47g": (3, "50.00"),
    "Grandiosa Original": (2, "100.00"),
    "Farris Naturell 0,5l": (2, "35.00"),
}
NO_MVA = {"15": Decimal(15), "25": Decimal(25)}
NOK = NumberStyle(",", " ")
NOK_CASH = (50, 100, 200, 300, 500, 1000, 1500)
NO_OPERATOR = ("Ingrid", "Kristian", "Amina", "Sander", "Hanne")


def nb_no_dagligvare_sale(rng: random.Random, v: int) -> Sale:
    picked = rng.sample(list(NO_VARER), rng.randint(3, 7))
    if v in (1, 4) and not any(p[0] in NO_KAMPANJE for p in picked):
        name = sorted(NO_KAMPANJE)[v % 3]
        picked.insert(1, next(p for p in NO_VARER if p[0] == name))
    lines: list[Line] = []
    for name, price, mva, pant in picked:
        offer = NO_KAMPANJE.get(name)
        qty = Decimal(offer[0] if offer and v in (1, 4) else rng.choice((1, 1, 1, 2, 2, 4)))
        if offer and qty > offer[0]:  # the till takes the offer's count at the offer's price
            qty = Decimal(offer[0])
        ln = Line(name, qty, Decimal(price), tag=mva)
        if offer and qty == offer[0]:
            ln = replace(ln, discount=Decimal(offer[1]) - qty * ln.price)
        lines.append(ln)
        if pant:
            lines.append(Line("Pant", qty, Decimal(pant), tag="0"))
    if v in (2, 5, 6):
        name, price, weights = rng.choice(NO_VEKT)
        lines.insert(
            rng.randint(0, len(lines)), Line(name, Decimal(rng.choice(weights)), Decimal(price), tag="15")
        )
    due = sum((ln.net for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v in (0, 2, 6):  # cash: Avrunding to the whole krone
        savings = due - round_to(due, 1)
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "Kontant", tendered(rng, due, NOK_CASH)),)
    elif v == 3:
        tenders = (Tender("other", "Vipps", due),)
    elif v == 5:  # a gift card first, the rest on the bank card
        gift = min(Decimal("100.00"), due)
        tenders = (Tender("other", "Gavekort", gift), Tender("card", "Bankkort", due - gift))
    else:
        tenders = (Tender("card", "Bankkort", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 99999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}", 7, 23),
        savings=savings,
        savings_label="Avrunding",
    )


def nb_no_dagligvare(s: Sale, cols: int) -> list[Op]:
    # A neighbourhood grocery in Oslo, a chain's franchise till: the shop, address, Org.nr with MVA and phone;
    # Kvittering, Kasse, Kvitt.nr, the date and Operatør at the top; each article's name with its amount on
    # one line, under it "2 x 24,90" or "0,842 kg x 27,90 kr/kg"; Pant as a line of its own; the Kampanje
    # under its article; Sum varer with the count; Totalt kr; in cash Avrunding and Å betale, Kontant and
    # Tilbake, else Bankkort with the terminal's lines, Vipps or a Gavekort; the MVA table (Grunnlag, MVA,
    # Sum) with pant outside it; Trumf's bonus; the opening hours.
    item = (Col(None), Col(10, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("NÆRBUTIKKEN SAGENE"),
        Center("Kristiansands gate 12, 0463 Oslo"),
        Center("Org.nr NO 918 452 317 MVA"),
        Center("Tlf 22 38 41 90"),
        Rule(),
        Row((f"Kvittering  Kasse {seq % 3 + 1}", f"Kvitt.nr {s.no}"), (Col(None), Col(14, "right"))),
        Row((s.when, f"Operatør: {NO_OPERATOR[seq % 5]}"), (Col(None), Col(18, "right"))),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, NOK(ln.amount)), item))
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"  {qty_str(ln.qty, ',')} kg x {NOK(ln.price)} kr/kg"))
        elif ln.qty != 1:
            ops.append(Text(f"  {ln.qty} x {NOK(ln.price)}"))
        if ln.discount:
            n, price = NO_KAMPANJE[ln.name]
            ops.append(Row((f"  Kampanje {n} for {NOK(Decimal(price))}", NOK(ln.discount)), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    count = sum(1 if ln.qty != ln.qty.to_integral() else int(ln.qty) for ln in s.lines if ln.name != "Pant")
    ops += [
        Rule(),
        Text(f"Sum varer: {count}"),
        Row(("Totalt kr", NOK(net)), item, bold=True, tall=True),
    ]
    if s.cash:
        ops += [
            Row(("Avrunding", NOK(-s.savings)), item),
            Row(("Å betale", NOK(s.total)), item, bold=True),
            Row(("Kontant", NOK(s.tenders[0].amount)), item),
            Row(("Tilbake", NOK(s.change)), item),
        ]
    else:
        for t in s.tenders:
            ops.append(Row((t.label, NOK(t.amount)), item))
    table = (Col(None), Col(10, "right"), Col(8, "right"), Col(10, "right"))
    ops += [Rule(), Row(("MVA-sats", "Grunnlag", "MVA", "Sum"), table)]
    for tag, rate in NO_MVA.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((f"{rate} %", NOK(gross - tax), NOK(tax), NOK(gross)), table))
    pant = sum((ln.amount for ln in s.lines if ln.tag == "0"), Decimal(0))
    if pant:
        ops.append(Row(("Pant 0 %", "", "", NOK(pant)), table))
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Rule(),
                Text("BankAxept"),
                Text(f"Kort: ************{seq * 37 % 10000:04d}"),
                Text(f"Ref: {seq * 7717 % 10**6:06d}  Godkjent"),
                Text(f"Beløp NOK {NOK(t.amount)}"),
            ]
        elif t.label == "Vipps":
            ops += [Rule(), Text(f"Vipps-ID: {seq * 104729 % 10**10:010d}")]
        elif t.label == "Gavekort":
            ops += [Rule(), Text(f"Gavekort nr {seq * 31 % 10**8:08d}")]
    if seq % 4:
        bonus = (s.total * Decimal("0.01")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        ops += [
            Rule(),
            Text(f"Trumf-medlem *****{seq * 13 % 1000:03d}"),
            Text(f"Bonus opptjent: {NOK(bonus)} kr"),
        ]
    ops += [Rule(), Center("Takk for handelen!"), Center("Åpent alle dager 07-23")]
    return ops


# -- da-dk-bager --------------------------------------------------------------------------------------------

DK_BAGER = (  # (name, price): everything at the one Danish moms rate, 25 %
    ("Rundstykke grov", "6.00"),
    ("Rundstykke birkes", "6.50"),
    ("Tebirkes", "11.00"),
    ("Spandauer", "16.00"),
    ("Kanelsnegl", "18.00"),
    ("Hindbærsnitte", "19.00"),
    ("Rugbrød m. kerner", "38.00"),
    ("Franskbrød", "32.00"),
    ("Kringle lille", "59.00"),
    ("Kaffe stor", "34.00"),
    ("Cappuccino", "38.00"),
    ("Kakaomælk 0,5l", "22.00"),
    ("Romkugle", "14.00"),
    ("Lagkagebund 3 stk", "29.00"),
)
DK_MOMS = Decimal(25)
DK_RABAT = 10  # the bakery's regulars' card: 10 % off the bon
DKK = NumberStyle(",", ".")
DKK_CASH = (50, 100, 200, 500, 1000)
DK_EKSPEDIENT = ("Mette", "Lasse", "Freja", "Jonas")


def dk_rabat(gross: Decimal) -> Decimal:
    return (gross * DK_RABAT / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def da_dk_bager_sale(rng: random.Random, v: int) -> Sale:
    lines = [  # rolls and pastries by the handful, bread, cakes and coffee one or two at a time
        Line(name, Decimal(rng.choice((1, 2, 4, 6) if Decimal(price) < 20 else (1, 1, 2))), Decimal(price))
        for name, price in rng.sample(list(DK_BAGER), rng.randint(2, 6))
    ]
    gross = sum((ln.amount for ln in lines), Decimal(0))
    rabat = dk_rabat(gross) if v in (4, 6) else Decimal(0)
    due = gross - rabat
    rounding = Decimal(0)
    if v in (0, 3, 6):  # cash: Afrunding to 50 øre
        rounding = due - round_to(due * 2, 1) / 2
        due -= rounding
        tenders: tuple[Tender, ...] = (Tender("cash", "Kontant", tendered(rng, due, DKK_CASH)),)
    elif v in (1, 5):
        tenders = (Tender("other", "MobilePay", due),)
    else:
        tenders = (Tender("card", "Dankort", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(10000, 99999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.26 kl. {H}:{M}", 6, 18),
        savings=rabat + rounding,
        savings_label="Rabat",
        subtotal_printed=bool(rabat),
    )


def da_dk_bager(s: Sale, cols: int) -> list[Op]:
    # A Copenhagen bakery's bon from a tablet till: the bakery, address, CVR and phone; Bon nr., the date
    # (07.12.26 kl. 08:14) and Ekspedient; each line the count, the name and the amount, "à 6,00" under a
    # count above one; Subtotal and Rabat 10 % with the customer card; I alt kr.; in cash Afrunding,
    # Kontant and Byttepenge, else Dankort with the terminal's lines or MobilePay; Heraf moms 25 %; the
    # thanks.
    item = (Col(3, "right"), Col(None), Col(9, "right"))
    right = 10
    seq = int(s.no)
    ops: list[Op] = [
        Title("BAGER ØSTERBRO"),
        Center("Østerbrogade 88"),
        Center("2100 København Ø"),
        Center("CVR 38 41 22 90"),
        Center("Tlf 35 26 11 84"),
        Rule(),
        Text(f"Bon nr. {s.no}"),
        Text(s.when),
        Text(f"Ekspedient: {DK_EKSPEDIENT[seq % 4]}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, DKK(ln.amount)), item))
        if ln.qty != 1:
            ops.append(Row(("", f" à {DKK(ln.price)}", ""), item))
    ops.append(Rule())
    rabat = dk_rabat(s.subtotal) if s.subtotal_printed else Decimal(0)
    rounding = s.savings - rabat
    if s.subtotal_printed:
        ops += [
            pair("Subtotal", DKK(s.subtotal), right=right),
            pair(f"Rabat {DK_RABAT}% kundekort", DKK(-rabat), right=right),
        ]
    if s.cash and rounding:
        ops.append(pair("Afrunding", DKK(-rounding), right=right))
    ops.append(pair("I alt kr.", DKK(s.total), bold=True, tall=True, right=right))
    for t in s.tenders:
        ops.append(pair(t.label, DKK(t.amount), right=right))
    if s.cash:
        ops.append(pair("Byttepenge", DKK(s.change), right=right))
    tax = included_tax(s.total, DK_MOMS)
    ops += [Rule(), pair("Heraf moms 25%", DKK(tax), right=right)]
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Rule(),
                Text("DANKORT"),
                Text(f"XXXX XXXX XXXX {seq * 37 % 10000:04d}"),
                Text(f"Terminal {seq % 7 + 1:08d}"),
                Text(f"Godkendt  Aut.kode {seq * 7717 % 10**6:06d}"),
                Text(f"Beløb DKK {DKK(t.amount)}"),
            ]
        elif t.method == "other":
            ops += [Rule(), Text("MobilePay"), Text(f"Transaktion {seq * 104729 % 10**10:010d}")]
    ops += [Rule(), Center("Tak for besøget!"), Center("Åbent hver dag 6.30-18")]
    return ops


# -- fi-fi-kahvila ------------------------------------------------------------------------------------------

FI_KAHVILA = (  # (name, price, ALV letter): served food and drink A 14 %, goods to take away B 25,5 %
    ("Kahvi", "3.20", "A"),
    ("Cappuccino", "4.60", "A"),
    ("Kaurakaakao", "4.20", "A"),
    ("Tee", "3.00", "A"),
    ("Korvapuusti", "3.90", "A"),
    ("Karjalanpiirakka", "2.50", "A"),
    ("Munkki", "3.40", "A"),
    ("Lohileipä", "8.90", "A"),
    ("Päivän keitto", "11.50", "A"),
    ("Mustikkapiirakka", "5.20", "A"),
    ("Omenamehu 0,33l", "3.50", "A"),
    ("Kestokuppi", "9.90", "B"),
    ("Kahvipaketti 250g", "12.90", "B"),
)
FI_ALV = {"A": Decimal(14), "B": Decimal("25.5")}
FI_ILTAALE = 30  # the evening's -30 % on the day's pastries, printed under the line
FI_PULLAT = frozenset({"Korvapuusti", "Munkki", "Mustikkapiirakka", "Karjalanpiirakka"})
FI_MYYJA = ("Aino", "Veeti", "Iida", "Onni")


def fi_fi_kahvila_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, FI_KAHVILA, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    if v in (3, 6):  # evening: Iltaale on the pastries
        if not any(ln.name in FI_PULLAT for ln in lines):
            lines.append(Line("Korvapuusti", Decimal(2), Decimal("3.90"), tag="A"))
        lines = [
            replace(
                ln,
                discount=-(ln.amount * FI_ILTAALE / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            )
            if ln.name in FI_PULLAT
            else ln
            for ln in lines
        ]
    due = sum((ln.net for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v in (0, 3, 7):  # cash: Pyöristys to five cents
        savings = due - round_to(due * 20, 1) / 20
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "Käteinen", tendered(rng, due, EUR_NOTES)),)
    elif v == 2:
        tenders = (Tender("other", "MobilePay", due),)
    elif v == 5:  # a lunch benefit (ePassi) up to its day's limit, the rest on the bank card
        benefit = min(Decimal("12.00"), due)
        tenders = (Tender("other", "ePassi", benefit), Tender("card", "Pankkikortti", due - benefit))
    else:
        tenders = (Tender("card", "Pankkikortti", due),)
    hours = (14, 19) if v in (3, 6) else (7, 14)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 30000)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} klo {H}.{M}", *hours),
        savings=savings,
        savings_label="Pyöristys",
    )


def fi_fi_kahvila(s: Sale, cols: int) -> list[Op]:
    # A Helsinki café's kuitti from a cloud till: the café, the company, Y-tunnus and address; Kuitti, the
    # date with "klo 14.03", Myyjä and the table or Mukaan; each line the count, the name, the unit price,
    # the amount and the ALV letter; Iltaale -30 % under a pastry; YHTEENSÄ EUR; in cash Pyöristys,
    # Maksettava, Käteinen and Takaisin, else Pankkikortti with its lines, MobilePay or ePassi; the ALV table
    # (ALV %, Veroton, Vero, Verollinen); the thanks.
    item = (Col(2, "right"), Col(None), Col(6, "right"), Col(7, "right"), Col(1))
    tot = (Col(None), Col(10, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("KAHVILA PIKKU PUOTI"),
        Center("Puotikahvila Oy"),
        Center("Fredrikinkatu 31, 00120 Helsinki"),
        Center("Y-tunnus 2918457-3"),
        Rule(),
        Text(f"Kuitti {s.no}"),
        Text(s.when),
        Text(f"Myyjä: {FI_MYYJA[seq % 4]}   {'Mukaan' if seq % 3 == 0 else f'Pöytä {seq % 9 + 1}'}"),
        Rule(),
        Row(("kp", "Tuote", "á", "Summa", ""), item),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, COMMA(ln.price), COMMA(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(Row(("", f"  Iltaale -{FI_ILTAALE} %", "", COMMA(ln.discount), ln.tag), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), Row(("YHTEENSÄ EUR", COMMA(net)), tot, bold=True, tall=True)]
    if s.cash:
        ops += [
            Row(("Pyöristys", COMMA(-s.savings)), tot),
            Row(("Maksettava", COMMA(s.total)), tot),
            Row(("Käteinen", COMMA(s.tenders[0].amount)), tot),
            Row(("Takaisin", COMMA(s.change)), tot),
        ]
    else:
        for t in s.tenders:
            ops.append(Row((t.label, COMMA(t.amount)), tot))
    table = (Col(None), Col(8, "right"), Col(7, "right"), Col(10, "right"))
    ops += [Rule(), Row(("ALV", "Veroton", "Vero", "Verollinen"), table)]
    for tag, rate in FI_ALV.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            pct = format(rate.normalize(), "f").replace(".", ",")
            ops.append(Row((f"{tag} {pct} %", COMMA(gross - tax), COMMA(tax), COMMA(gross)), table))
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Rule(),
                Text("Debit Mastercard  Lähimaksu"),
                Text(f"************{seq * 37 % 10000:04d}"),
                Text(f"Arkistointitunnus {seq * 7717 % 10**12:012d}"),
                Text(f"Veloitus {COMMA(t.amount)} EUR  Hyväksytty"),
            ]
        elif t.label == "ePassi":
            ops += [
                Rule(),
                Text(f"ePassi lounasetu {COMMA(t.amount)} EUR"),
                Text(f"Tapahtuma {seq * 911 % 10**7:07d}"),
            ]
    ops += [Rule(), Center("Kiitos käynnistä!"), Center("Avoinna ma-pe 7-19, la 9-17")]
    return ops


# -- ro-ro-farmacie -----------------------------------------------------------------------------------------

RO_FARMACIE = (  # (name, price, TVA letter): medicines B 11 % since August 2025, the rest A 21 %
    ("PARACETAMOL 500MG 20CPR", "9.80", "B"),
    ("NUROFEN 400MG 12CPR", "21.45", "B"),
    ("ASPENTER 75MG 28CPR", "11.20", "B"),
    ("FERVEX ADULTI 8PL", "38.90", "B"),
    ("STREPSILS MIERE 24PAST", "26.70", "B"),
    ("NO-SPA 40MG 24CPR", "19.35", "B"),
    ("ALGOCALMIN 500MG 20CPR", "8.60", "B"),
    ("ACC 200MG 20PL", "29.90", "B"),
    ("VITAMINA C 1000 30CPR", "34.50", "A"),
    ("MAGNE B6 30CPR", "42.00", "A"),
    ("TERMOMETRU DIGITAL", "24.99", "A"),
    ("LA ROCHE CICAPLAST 40ML", "58.90", "A"),
    ("SER FIZIOLOGIC 5ML 20FL", "18.40", "B"),
    ("PLASTURE HANSAPLAST 20", "14.75", "A"),
)
RO_TVA = {"A": Decimal(21), "B": Decimal(11)}
RO_CARD_REDUCERE = 10  # the pharmacy chain's card: 10 % off the dermocosmetics (A), under the article
RON_CASH = (10, 20, 50, 100, 200, 500)


def ro_ro_farmacie_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, RO_FARMACIE, (1, 5), qtys=(1, 1, 1, 2, 2, 3))
    if v in (2, 5):
        lines = [
            replace(
                ln,
                discount=-(ln.amount * RO_CARD_REDUCERE / 100).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP
                ),
            )
            if ln.tag == "A"
            else ln
            for ln in lines
        ]
    # v6: the bon's TOTAL is five lei under its lines (a reduction keyed on the screen that the lines do not
    # show); what was paid follows the printed TOTAL.
    misprint = Decimal("-5.00") if v == 6 else Decimal(0)
    due = sum((ln.net for ln in lines), Decimal(0)) + misprint
    if v in (1, 4, 6):
        tenders: tuple[Tender, ...] = (Tender("card", "CARD", due),)
    elif v == 3:  # a fifty in cash, the rest by card
        cash = min(Decimal("50.00"), due)
        tenders = (Tender("cash", "NUMERAR", cash), Tender("card", "CARD", due - cash))
    else:
        tenders = (Tender("cash", "NUMERAR", tendered(rng, due, RON_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(12, 2400):04d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}:{S}", 8, 22),
        misprint=misprint,
    )


def ro_ro_farmacie(s: Sale, cols: int) -> list[Op]:
    # A Cluj pharmacy's bon fiscal from a fiscal cash register (no diacritics, as such registers print): the
    # company, the pharmacy, address, COD FISCAL; each article's quantity and unit price ("2.000 BUC x
    # 12.50") on the line above its name, the name with the amount and TVA letter; REDUCERE under an
    # article; SUBTOTAL, TOTAL LEI; NUMERAR and REST, CARD; TOTAL TVA and each letter's TVA; the bon's
    # numbers (BF, Z), DATA and ORA, ID UNIC and the register's serial; BON FISCAL.
    item = (Col(None), Col(10, "right"), Col(1))
    seq = int(s.no)
    date, clock = s.when.split(" ")
    ops: list[Op] = [
        Center("S.C. FARMACIA SF. ANA S.R.L.", bold=True),
        Center("FARMACIA SF. ANA NR. 3"),
        Center("STR. MEMORANDUMULUI NR. 14"),
        Center("CLUJ-NAPOCA, JUD. CLUJ"),
        Center("COD FISCAL: RO 18452290"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Text(f"{ln.qty:.3f} BUC x {POINT(ln.price)}"))
        ops.append(Row((ln.name, POINT(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(Row((f"REDUCERE {RO_CARD_REDUCERE}.00%", POINT(ln.discount), ln.tag), item))
    ops += [
        Rule(),
        Row(("SUBTOTAL", POINT(s.subtotal + sum((ln.discount for ln in s.lines), Decimal(0))), ""), item),
        Row(("TOTAL LEI", POINT(s.total), ""), item, bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, POINT(t.amount), ""), item))
    if s.cash:
        ops.append(Row(("REST", POINT(s.change), ""), item))
    taxes = []
    for tag, rate in RO_TVA.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            taxes.append((tag, rate, included_tax(gross, rate)))
    ops += [Rule(), Row(("TOTAL TVA", POINT(sum((t[2] for t in taxes), Decimal(0))), ""), item)]
    for tag, rate, tax in taxes:
        ops.append(Row((f"TVA {tag} {rate}.00%", POINT(tax), ""), item))
    if seq % 3 == 0:
        ops += [Rule(), Text(f"CARD FIDELITATE: ****{seq * 29 % 10000:04d}")]
    ops += [
        Rule(),
        Row((f"BF: {s.no}", f"Z: {seq // 10 + 211:04d}"), (Col(None), Col(9, "right"))),
        Row((f"DATA: {date}", f"ORA: {clock}"), (Col(None), Col(13, "right"))),
        Text(f"ID UNIC: 4000{seq * 7919 % 10**6:06d}"),
        Text("DA 4000001512"),
        Center("BON FISCAL", bold=True),
    ]
    return ops


# -- uk-ua-apteka -------------------------------------------------------------------------------------------

UA_APTEKA = (  # (name, УКТЗЕД code, price, ПДВ letter): medicines Б 7 %, the rest А 20 %
    ("Парацетамол 500мг табл. №10", "3004", "28.50", "Б"),
    ("Цитрамон-Дарниця табл. №6", "3004", "19.90", "Б"),
    ("Ібупрофен 200мг табл. №50", "3004", "64.70", "Б"),
    ("Нурофен Експрес капс. №16", "3004", "189.00", "Б"),
    ("Лоратадин 10мг табл. №10", "3004", "42.30", "Б"),
    ("Корвалол краплі 25мл", "3004", "37.80", "Б"),
    ("Аскорбінка з глюкозою №10", "2106", "12.60", "А"),
    ("Бинт стерильний 7м х 14см", "3005", "24.00", "Б"),
    ("Пластир Longevita 10шт", "3005", "33.50", "Б"),
    ("Вітамін D3 2000 МО №60", "2106", "245.00", "А"),
    ("Гематоген дитячий 50г", "1704", "18.40", "А"),
    ("Зубна паста Лакалут 75мл", "3306", "136.90", "А"),
)
UA_PDV = {"А": Decimal(20), "Б": Decimal(7)}
UA_ZNYZHKA = 5  # the pharmacy's social card: 5 % off a medicine, under the line
UAH_CASH = (50, 100, 200, 500, 1000)
UA_KASYR = ("Олена Коваль", "Ірина Бойко", "Тарас Мельник")


def uk_ua_apteka_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 1, 2, 3))), Decimal(price), code=code, tag=tag)
        for name, code, price, tag in rng.sample(list(UA_APTEKA), rng.randint(1, 5))
    ]
    if v in (1, 4):
        lines = [
            replace(
                ln,
                discount=-(ln.amount * UA_ZNYZHKA / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            )
            if ln.tag == "Б"
            else ln
            for ln in lines
        ]
    due = sum((ln.net for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v in (0, 1, 5):  # cash: ЗАОКРУГЛЕННЯ to ten kopiyky
        savings = due - round_to(due * 10, 1) / 10
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "ГОТІВКА", tendered(rng, due, UAH_CASH)),)
    else:
        tenders = (Tender("card", "БЕЗГОТІВКОВА", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(100, 9999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}:{S}", 8, 22),
        savings=savings,
        savings_label="ЗАОКРУГЛЕННЯ",
    )


def uk_ua_apteka(s: Sale, cols: int) -> list[Op]:
    # A Lviv pharmacy's check from a software register (ПРРО): the company, the pharmacy, address, ІД and
    # ПН; ЧЕК № and the cashier; each article's УКТЗЕД code over its name, under them "2.000 x 28.50" with the
    # amount and the ПДВ letter; ЗНИЖКА under a line; СУМА, in cash ЗАОКРУГЛЕННЯ and ДО СПЛАТИ, ГОТІВКА and
    # РЕШТА, else БЕЗГОТІВКОВА with the card's lines; ПДВ А 20 % and Б 7 %; ФН чека, ФН ПРРО, the date and
    # time, ОНЛАЙН, ФІСКАЛЬНИЙ ЧЕК and the tax service's QR code.
    item = (Col(None), Col(10, "right"), Col(1))
    seq = int(s.no)
    ops: list[Op] = [
        Center('ТОВ "АПТЕКА ДОБРОГО ДНЯ"', bold=True),
        Center("Аптека № 12"),
        Center("м. Львів, вул. Городоцька, 45"),
        Center("ІД 41872356"),
        Center("ПН 418723513021"),
        Rule(),
        Row((f"ЧЕК № {s.no}", "Каса 1"), (Col(None), Col(8, "right"))),
        Text(f"Касир: {UA_KASYR[seq % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Text(f"УКТЗЕД {ln.code}"))
        ops.append(Text(ln.name))
        ops.append(Row((f"  {ln.qty:.3f} x {POINT(ln.price)}", POINT(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(Row((f"  ЗНИЖКА {UA_ZNYZHKA}%", POINT(ln.discount), ""), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), Row(("СУМА", POINT(net), ""), item, bold=True, tall=True)]
    if s.cash:
        ops += [
            Row(("ЗАОКРУГЛЕННЯ", POINT(-s.savings), ""), item),
            Row(("ДО СПЛАТИ", POINT(s.total), ""), item, bold=True),
            Row(("ГОТІВКА", POINT(s.tenders[0].amount), ""), item),
            Row(("РЕШТА", POINT(s.change), ""), item),
        ]
    else:
        ops += [
            Row(("БЕЗГОТІВКОВА", POINT(s.total), ""), item),
            Text("  Платіжна система: MASTERCARD"),
            Text(f"  ЕПЗ: XXXXXXXXXXXX{seq * 37 % 10000:04d}"),
            Text(f"  Код авт.: {seq * 7717 % 10**6:06d}"),
        ]
    ops.append(Rule())
    for tag, rate in UA_PDV.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            ops.append(Row((f"ПДВ {tag} {rate}.00%", POINT(included_tax(gross, rate)), ""), item))
    fn = 3100000000 + seq * 7919 % 10**8
    ops += [
        Rule(),
        Text(f"ФН чека: {fn}"),
        Text("ФН ПРРО: 4000417583"),
        Text(s.when),
        Center("ОНЛАЙН"),
        Center("ФІСКАЛЬНИЙ ЧЕК", bold=True),
        QR(f"https://cabinet.tax.gov.ua/cashregs/check?id={fn}&fn=4000417583&sm={POINT(s.total)}"),
        Center("Дякуємо! Будьте здорові!"),
    ]
    return ops


# -- es-cl-botilleria ---------------------------------------------------------------------------------------

CL_BOTILLERIA = (  # (name, price in pesos, the returnable bottle's ENVASE or "")
    ("PISCO MISTRAL 35° 750", "7990", ""),
    ("PISCO ALTO CARMEN 35°", "8490", ""),
    ("VINO CASILLERO CAB", "5990", ""),
    ("VINO GATO NEGRO 1.5L", "4790", ""),
    ("CERVEZA ESCUDO 1L RET", "1890", "250"),
    ("CERV CRISTAL LATA 470", "1290", ""),
    ("CERV KUNSTMANN TOROB", "2190", ""),
    ("COCA COLA 2.5L RET", "2690", "600"),
    ("BILZ 3L", "2490", ""),
    ("HIELO BOLSA 2KG", "1495", ""),
    ("PAPAS LAYS CLAS 230G", "2985", ""),
    ("RAMITAS EVERCRISP", "1795", ""),
    ("CIGARRILLOS LUCKY 20", "5600", ""),
)
CL_PROMO = {"CERV CRISTAL LATA 470": (6, "6990")}  # a six at a price, DESCUENTO under the line
CLP = NumberStyle(places=0, group=".")
CLP_CASH = (1000, 2000, 5000, 10000, 15000, 20000, 30000, 40000, 50000)


def cl_redondeo(due: Decimal) -> Decimal:
    """Ley 20.956: a cash total ending in 1 to 5 pesos goes down to the ten, 6 to 9 up."""
    r = due % 10
    return due - r if r <= 5 else due + 10 - r


def es_cl_botilleria_sale(rng: random.Random, v: int) -> Sale:
    picked = rng.sample(list(CL_BOTILLERIA), rng.randint(2, 5))
    if v in (2, 6) and not any(p[0] in CL_PROMO for p in picked):
        picked.append(next(p for p in CL_BOTILLERIA if p[0] in CL_PROMO))
    lines: list[Line] = []
    for name, price, envase in picked:
        promo = CL_PROMO.get(name)
        qty = Decimal(promo[0] if promo and v in (2, 6) else rng.choice((1, 1, 1, 2, 2, 3)))
        ln = Line(name, qty, Decimal(price), places=0)
        if promo and qty == promo[0]:
            ln = replace(ln, discount=Decimal(promo[1]) - qty * ln.price)
        lines.append(ln)
        if envase and v % 3:  # no empty bottle brought back: the bottle is sold too
            lines.append(Line("ENVASE RETORNABLE", qty, Decimal(envase), places=0))
    due = sum((ln.net for ln in lines), Decimal(0))
    savings = Decimal(0)
    if v in (0, 2, 4, 7):  # cash: Redondeo to the ten pesos
        savings = due - cl_redondeo(due)
        due -= savings
        tenders: tuple[Tender, ...] = (Tender("cash", "EFECTIVO", tendered(rng, due, CLP_CASH)),)
    elif v == 5:  # ten thousand in cash, the rest on the debit card
        cash = min(Decimal(10000), due)
        tenders = (Tender("cash", "EFECTIVO", cash), Tender("card", "REDCOMPRA", due - cash))
    elif v == 3:
        tenders = (Tender("card", "TARJETA CREDITO", due),)
    else:
        tenders = (Tender("card", "REDCOMPRA", due),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=str(rng.randint(180000, 260000)),
        dated_when=dated_between_hours(rng, "{d}-{m}-{y} {H}:{M}", 10, 24),
        savings=savings,
        savings_label="Redondeo",
    )


def es_cl_botilleria(s: Sale, cols: int) -> list[Op]:
    # A Santiago botillería's boleta electrónica from a small POS: the company, its RUT, BOLETA ELECTRONICA
    # and its N°, the SII office; the branch, Fecha and Hora, Caja and Cajero; each line the name, the count,
    # the unit price and the amount (on 58 mm the name over "2 x 1.890" and the amount), ENVASE RETORNABLE
    # for a bottle not brought back, DESCUENTO under a promotion; TOTAL $; in cash Redondeo and TOTAL A PAGAR,
    # EFECTIVO and VUELTO, else REDCOMPRA or a credit card with the voucher's lines; "El IVA de esta boleta
    # es"; the Timbre Electrónico SII and the resolution.
    wide = cols >= 40
    item = (
        (Col(None), Col(3, "right"), Col(7, "right"), Col(8, "right"))
        if wide
        else (Col(None), Col(9, "right"))
    )
    tot = (Col(None), Col(11, "right"))
    seq = int(s.no)
    date, clock = s.when.split(" ")
    ops: list[Op] = [
        Center("COMERCIAL EL PORTAL SPA", bold=True),
        Center("R.U.T.: 76.845.213-K"),
        Center("BOLETA ELECTRONICA", bold=True),
        Center(f"N° {s.no}"),
        Center("S.I.I. - SANTIAGO ORIENTE"),
        Rule(),
        Text("BOTILLERIA EL PORTAL"),
        Text("AV. IRARRAZAVAL 3120, ÑUÑOA"),
        Text(f"Fecha: {date}  Hora: {clock}"),
        Text(f"Caja: 01  Cajero: {('PATRICIO', 'CAMILA', 'JAVIER')[seq % 3]}"),
        Rule(),
    ]
    if wide:
        ops.append(Row(("DESCRIPCION", "CNT", "P.UNIT", "TOTAL"), item))
    for ln in s.lines:
        if wide:
            ops.append(Row((ln.name, str(ln.qty), CLP(ln.price), CLP(ln.amount)), item))
        else:
            ops += [Text(ln.name), Row((f"  {ln.qty} x {CLP(ln.price)}", CLP(ln.amount)), item)]
        if ln.discount:
            n, price = CL_PROMO[ln.name]
            cells = (f"  DESCUENTO {n}x{CLP(Decimal(price))}", CLP(ln.discount))
            ops.append(Row((cells[0], "", "", cells[1]), item) if wide else Row(cells, item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    ops += [Rule(), Row(("TOTAL", f"$ {CLP(net)}"), tot, bold=True, tall=True)]
    if s.savings:
        ops += [
            Row(("Redondeo", CLP(-s.savings)), tot),
            Row(("TOTAL A PAGAR", f"$ {CLP(s.total)}"), tot, bold=True),
        ]
    for t in s.tenders:
        ops.append(Row((t.label, f"$ {CLP(t.amount)}"), tot))
    if s.cash:
        ops.append(Row(("VUELTO", f"$ {CLP(s.change)}"), tot))
    iva = included_tax(s.total, Decimal(19), places=0)
    if wide:
        ops += [Rule(), Text(f"El IVA de esta boleta es: $ {CLP(iva)}")]
    else:
        ops += [Rule(), Text("El IVA de esta boleta es:"), Text(f"$ {CLP(iva)}")]
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Text(f"{t.label} ****{seq * 37 % 10000:04d}"),
                Text(f"Cod. Autorizacion {seq * 7717 % 10**6:06d}"),
                Text("Cuotas: 00"),
            ]
    ops += [
        QR(f"<TED><RE>76845213-K</RE><TD>39</TD><F>{s.no}</F><MNT>{int(s.total)}</MNT></TED>"),
        Center("Timbre Electrónico SII"),
        Center("Res. 80 de 2014"),
        Center("Verifique documento: www.sii.cl"),
        Center("PROHIBIDA VENTA A MENORES"),
    ]
    return ops


# -- ms-my-kedai-runcit -------------------------------------------------------------------------------------

MY_RUNCIT = (  # (name, price in ringgit)
    ("MILO 3IN1 18S", "16.90"),
    ("GARDENIA ORI 400G", "4.30"),
    ("MAGGI KARI 5S", "6.20"),
    ("GULA KASAR 1KG", "2.85"),
    ("BERAS SUPER 5KG", "17.50"),
    ("MINYAK PAKET 1KG", "2.50"),
    ("TELUR GRED B 10S", "4.90"),
    ("DUTCH LADY UHT 1L", "7.99"),
    ("100PLUS 1.5L", "4.10"),
    ("TEH BOH 50S", "8.95"),
    ("SARDIN AYAM 425G", "6.49"),
    ("KICAP KIPAS UDANG", "5.20"),
    ("SABUN FAB 2KG", "15.90"),
    ("ROTI PARATHA 5S", "7.50"),
    ("AIR MINERAL 1.5L", "1.80"),
)
MYR_CASH = (5, 10, 20, 50, 100, 150, 200)
MY_JURUWANG = ("SITI", "AH SENG", "KUMAR", "NURUL")


def ms_my_kedai_runcit_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, MY_RUNCIT, (3, 8), qtys=(1, 1, 1, 2, 2, 3, 5))
    due = sum((ln.amount for ln in lines), Decimal(0))
    savings = Decimal(0)
    cash = v in (0, 2, 5, 6, 7)
    if cash:  # Pelarasan Bundar: the bill to the nearest 5 sen when cash is paid
        savings = due - round_to(due * 20, 1) / 20
        due -= savings
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "DUITNOW QR", due),)
    elif v == 3:
        tenders = (Tender("other", "TNG EWALLET", due),)
    elif v == 4:
        tenders = (Tender("card", "KAD DEBIT", due),)
    elif v == 6:  # ten ringgit from the e-wallet, the rest in cash
        ewallet = min(Decimal("10.00"), due)
        tenders = (
            Tender("other", "TNG EWALLET", ewallet),
            Tender("cash", "TUNAI", tendered(rng, due - ewallet, MYR_CASH)),
        )
    else:
        tenders = (Tender("cash", "TUNAI", tendered(rng, due, MYR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(100, 40000):06d}",
        dated_when=dated_between_hours(rng, "{d}-{m}-{y} {H}:{M}:{S}", 7, 23),
        savings=savings,
        savings_label="Pelarasan Bundar",
        subtotal_printed=True,
    )


def ms_my_kedai_runcit(s: Sale, cols: int) -> list[Op]:
    # A Penang kedai runcit's resit from a small Malaysian retail program: the shop, its SSM number, address
    # and phone; No. Resit, Tarikh with the time, Juruwang and Kaunter; each line the name, the price, the
    # count ("x2") and the amount; Jumlah Item; JUMLAH; in cash Pelarasan Bundar and JUMLAH BAYAR; TUNAI and
    # BAKI, DUITNOW QR, TNG EWALLET, KAD DEBIT; the e-wallet's reference; the no-returns line and the thanks.
    item = (Col(None), Col(7, "right"), Col(3, "right"), Col(8, "right"))
    tot = (Col(None), Col(1), Col(10, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("KEDAI RUNCIT AH SENG"),
        Center("(SA0412385-K)"),
        Center("23, JALAN AYER ITAM"),
        Center("11500 AYER ITAM, PULAU PINANG"),
        Center("TEL: 04-828 1930"),
        Rule(),
        Text(f"No. Resit : {s.no}"),
        Text(f"Tarikh    : {s.when}"),
        Text(f"Juruwang  : {MY_JURUWANG[seq % 4]}   Kaunter: 1"),
        Rule(),
        Row(("PERKARA", "HARGA", "QTY", "JUMLAH"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, POINT(ln.price), f"x{ln.qty}", POINT(ln.amount)), item))
    ops += [
        Rule(),
        Row(("Jumlah Item", ":", str(pieces(s.lines))), tot),
        Row(("JUMLAH (RM)", ":", POINT(s.subtotal)), tot, bold=True),
    ]
    if s.cash:
        ops += [
            Row(("Pelarasan Bundar", ":", POINT(-s.savings)), tot),
            Row(("JUMLAH BAYAR (RM)", ":", POINT(s.total)), tot, bold=True, tall=True),
        ]
    for t in s.tenders:
        ops.append(Row((t.label, ":", POINT(t.amount)), tot))
    if s.cash:
        ops.append(Row(("BAKI", ":", POINT(s.change)), tot))
    for t in s.tenders:
        if t.method == "other":
            ops.append(Text(f"Ref: {seq * 104729 % 10**12:012d}"))
        elif t.method == "card":
            ops += [
                Text(f"Kad: ************{seq * 37 % 10000:04d}"),
                Text(f"Kod Lulus: {seq * 7717 % 10**6:06d}"),
            ]
    ops += [
        Rule(),
        Center("BARANG YANG DIJUAL TIDAK"),
        Center("BOLEH DITUKAR ATAU DIPULANGKAN"),
        Center("TERIMA KASIH, SILA DATANG LAGI"),
    ]
    return ops


# -- en-ke-supermarket --------------------------------------------------------------------------------------

KE_GOODS = (  # (name, EAN body, price, KRA tax code: A exempt, B 16 %, C zero-rated)
    ("JOGOO MAIZE MEAL 2KG", "616100120011", "154.00", "A"),
    ("BROOKSIDE MILK 500ML", "616101250013", "65.00", "A"),
    ("SUPERLOAF WHITE 400G", "616103480012", "65.00", "C"),
    ("PISHORI RICE 2KG", "616100870016", "420.00", "A"),
    ("PEMBE HOME BAKING 2KG", "616100230019", "185.00", "A"),
    ("KABRAS SUGAR 2KG", "616101960015", "330.00", "B"),
    ("FRESH FRI OIL 1L", "616100650014", "389.00", "B"),
    ("MENENGAI BAR SOAP 800G", "616102140017", "199.00", "B"),
    ("KETEPA PRIDE TEA 250G", "616100410018", "165.00", "B"),
    ("COCA COLA 500ML", "544900000996", "70.00", "B"),
    ("ROYCO MCHUZI MIX 200G", "600123456781", "125.00", "B"),
    ("BLUE BAND 500G", "600129876543", "285.00", "B"),
    ("OMO MULTI ACTIVE 1KG", "600145612348", "310.00", "B"),
)
KE_LOOSE = (  # weighed at the till: (name, PLU, KSh a kg, weights)
    ("TOMATOES LOOSE", "2000121", "120.00", ("0.512", "1.046", "0.764")),
    ("ONIONS RED LOOSE", "2000138", "140.00", ("0.498", "1.012", "0.736")),
    ("BANANAS RIPE", "2000145", "100.00", ("1.256", "0.884", "2.030")),
)
KE_VAT = {"A": ("A-EX", Decimal(0)), "B": ("B-16%", Decimal(16)), "C": ("C-0%", Decimal(0))}
KES_CASH = (50, 100, 200, 500, 1000, 1500, 2000, 3000, 5000)


def en_ke_supermarket_sale(rng: random.Random, v: int) -> Sale:
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 1, 2, 2, 3))), Decimal(price), code=ean13(ean), tag=tag)
        for name, ean, price, tag in rng.sample(list(KE_GOODS), rng.randint(2, 7))
    ]
    if v in (1, 4, 6):
        name, plu, price, weights = rng.choice(KE_LOOSE)
        lines.append(Line(name, Decimal(rng.choice(weights)), Decimal(price), code=plu, tag="A"))
    # v7: the invoice's TOTAL is fifty shillings over its lines (a bag rung up on the screen but not printed);
    # what was paid and the change follow the printed TOTAL.
    misprint = Decimal("50.00") if v == 7 else Decimal(0)
    due = sum((ln.amount for ln in lines), Decimal(0)) + misprint
    if v in (1, 5):
        tenders: tuple[Tender, ...] = (Tender("other", "M-PESA", due),)
    elif v == 2:
        tenders = (Tender("card", "VISA", due),)
    elif v == 4:  # five hundred in cash, the rest by M-PESA
        cash = min(Decimal("500.00"), due)
        tenders = (Tender("cash", "CASH", cash), Tender("other", "M-PESA", due - cash))
    else:
        tenders = (Tender("cash", "CASH", tendered(rng, due, KES_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(10000, 99999)),
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}:{S}", 7, 22),
        misprint=misprint,
    )


def en_ke_supermarket(s: Sale, cols: int) -> list[Op]:
    # A Nairobi supermarket's eTIMS tax invoice: the company, branch, P.O. Box, PIN and phone; TAX INVOICE;
    # RECEIPT NO, till and cashier; each article's name on its line and under it the barcode or PLU, QTY
    # (weighed goods to three places), PRICE, TOTAL and the KRA tax code; ITEMS, TOTAL KSH; CASH, M-PESA with
    # its reference, VISA; CHANGE; the tax table (RATE, TAXABLE, VAT) for A-EX, B-16 % and C-0 %; the
    # rewards points; the control unit's serial and invoice number, the date and time and the KRA QR code.
    item = (Col(13), Col(6, "right"), Col(None, "right"), Col(9, "right"), Col(1))
    tot = (Col(None), Col(12, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Center("MWANGAZA SUPERMARKETS LTD", bold=True),
        Center("NGONG ROAD BRANCH"),
        Center("P.O. BOX 48213-00100 NAIROBI"),
        Center("PIN: P051847362K"),
        Center("TEL: 0722 418 305"),
        Center("TAX INVOICE", bold=True),
        Rule(),
        Text(f"RECEIPT NO: {s.no}"),
        Text(f"TILL: {seq % 8 + 1:02d}  CASHIER: {('WANJIKU', 'OTIENO', 'KIPRONO', 'AMINA')[seq % 4]}"),
        Rule(),
        Row(("CODE", "QTY", "PRICE", "TOTAL", ""), item),
        Rule(),
    ]
    for ln in s.lines:
        qty = f"{ln.qty:.3f}" if ln.qty != ln.qty.to_integral() else f"{ln.qty:.2f}"
        ops.append(Text(ln.name))
        ops.append(Row((ln.code, qty, GROUPED(ln.price), GROUPED(ln.amount), ln.tag), item))
    ops += [
        Rule(),
        Row(("ITEMS", str(pieces(s.lines))), tot),
        Row(("TOTAL KSH", GROUPED(s.total)), tot, bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, GROUPED(t.amount)), tot))
    if s.cash:
        ops.append(Row(("CHANGE", GROUPED(s.change)), tot))
    for t in s.tenders:
        if t.label == "M-PESA":
            ref = seq * 2654435761 % 32**10
            code = "".join("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[ref >> (5 * i) & 31] for i in range(10))
            ops.append(Text(f"M-PESA REF: {code}"))
        elif t.method == "card":
            ops.append(Text(f"VISA ****{seq * 37 % 10000:04d}  AUTH {seq * 7717 % 10**6:06d}"))
    table = (Col(None), Col(11, "right"), Col(9, "right"))
    ops += [Rule(), Row(("RATE", "TAXABLE", "VAT"), table)]
    for tag, (label, rate) in KE_VAT.items():
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((label, GROUPED(gross - tax), GROUPED(tax)), table))
    ops += [
        Rule(),
        Text(f"MWANGAZA REWARDS: +{int(s.total) // 100} POINTS"),
        Rule(),
        Text("CU SERIAL NO: KRAMW017202207051842"),
        Text(f"CU INVOICE NO: 0170518420{seq:09d}"),
        Text(f"DATE: {s.when}"),
        QR(f"https://itax.kra.go.ke/KRA-Portal/invoiceChk.htm?invoiceNo=0170518420{seq:09d}"),
        Center("THANK YOU FOR SHOPPING WITH US"),
        Center("GOODS ONCE SOLD ARE NOT RETURNABLE"),
    ]
    return ops


TEMPLATES += (
    Template(
        "nb-no-dagligvare",
        "Latin",
        "NOK",  # Totalt kr
        nb_no_dagligvare_sale,
        nb_no_dagligvare,
        # CP865, the Nordic DOS page (æ, ø, å).
        (
            Encoder(RL, "citizen", "citizen-80mm", 42, "cp865"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "cp865"),
        ),
        variants=8,
    ),
    Template(
        "da-dk-bager",
        "Latin",
        "DKK",  # I alt kr.
        da_dk_bager_sale,
        da_dk_bager,
        # A bakery's tablet till with a Star mPOP (58 mm, 32 columns), an Epson in Windows-1252, a TM-T88IV.
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp1252"),
            Encoder(RPE, "star-mpop", "star-58mm", 32, "cp858"),
        ),
        variants=8,
    ),
    Template(
        "fi-fi-kahvila",
        "Latin",
        "EUR",  # YHTEENSÄ EUR
        fi_fi_kahvila_sale,
        fi_fi_kahvila,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "windows1252"),
        ),
        variants=8,
    ),
    Template(
        "ro-ro-farmacie",
        "Latin",
        "RON",  # TOTAL LEI
        ro_ro_farmacie_sale,
        ro_ro_farmacie,
        # The register prints ASCII; the printers are set to CP852 as Romanian tills are.
        (
            Encoder(RL, "generic", "generic-80mm", 48, "cp852"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp852"),
        ),
        variants=8,
    ),
    Template(
        "uk-ua-apteka",
        "Cyrillic",
        None,  # the check prints no грн: amounts alone
        uk_ua_apteka_sale,
        uk_ua_apteka,
        # receiptline has no Ukrainian page (CP866 lacks І and Ґ): receipt-printer-encoder in CP1125, the
        # Ukrainian DOS page (Epson ESC t 44), and Windows-1251 on an Xprinter; python-escpos in Windows-1251.
        (
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp1125"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "windows1251"),
        ),
        variants=8,
    ),
    Template(
        "es-cl-botilleria",
        "Latin",
        "CLP",  # TOTAL $
        es_cl_botilleria_sale,
        es_cl_botilleria,
        # A POS-5890 58 mm printer (32 columns), as small Chilean shops print boletas on.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "pos-5890", "zjiang-58mm", 32, "cp437"),
        ),
        variants=8,
    ),
    Template(
        "ms-my-kedai-runcit",
        "Latin",
        "MYR",  # JUMLAH (RM)
        ms_my_kedai_runcit_sale,
        ms_my_kedai_runcit,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "cp437"),
        ),
        variants=8,
    ),
    Template(
        "en-ke-supermarket",
        "Latin",
        "KES",  # TOTAL KSH
        en_ke_supermarket_sale,
        en_ke_supermarket,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "epson-tm-t88v", "generic-80mm", 42, "cp437"),
        ),
        variants=8,
    ),
)


# Eight templates for the twelfth blind test split, written by a helper who neither read nor ran the parser,
# each a country, a kind of shop and a till program the corpus had none of: a Lima bodega's BOLETA DE VENTA
# ELECTRONICA (es-pe-bodega: the count first, then the name, unit price and amount, sugar and rice weighed
# from the sack, OP. GRAVADAS, OP. EXONERADAS, IGV 18 %, IMPORTE TOTAL S/, the total in words, EFECTIVO and
# VUELTO, Yape, Plin, a card, Yape and cash together), a Sofia all-night shop's КАСОВ БОН in Bulgarian
# (bg-bg-denonoshten: "2.000 x 1.29" above its article, the amount and the ДДС group letter, ОТСТЪПКА under an
# article, МЕЖДИННА СУМА, ОБЩА СУМА in euro with the лева beside it at 1.95583, В БРОЙ and РЕСТО, КАРТА,
# УНП and ФП at the foot; one variant misprinted), a Zagreb bakery's RAČUN (hr-hr-pekara: Račun br.
# 2481/PP3/1, "07.12.2026. 14:03:22", Kol. before Cijena, the bottle's povratna naknada, UKUPNO EUR, Način
# plaćanja, Primljeno and Vraćeno, the PDV 5 %/13 %/25 % table, ZKI and JIR), a Vilnius fuel station's
# KASOS KVITAS in Lithuanian (lt-lt-degaline: CP775 and Windows-1257, the pump and litres "32,45 l x
# 1,589", a loyalty card's cents off a litre under the fuel, PVM letters A 21 %/B 9 %, MOKĖTI, Grynieji and
# Grąža, Mokėjimo kortelė, card and cash together, ISO dates), a Galway pub's bill (en-ie-pub: the count
# before the name, € before every amount, food 13.5 % and drink 23 % VAT, Table and Covers, Sub Total, Bal
# Due, a bill split between a card and cash; one variant misprinted), a Lahore kiryana's FBR POS invoice
# (en-pk-kiryana: a serial number in front of each line, whole rupees, "07-Dec-2026 9:14 PM", Gross Total,
# a loyalty discount, the FBR POS Fee of one rupee, Net Payable, Cash Received and Balance, JazzCash and
# Easypaisa, the FBR invoice number and QR), an Accra chemist's receipt (en-gh-pharmacy: GH¢, the name over
# "2 x 12.50 =" with the amount and X or S, the VAT 15 %/NHIL/GETFund levies inside the standard-rated goods,
# MoMo, MoMo and cash together, Amount Tendered and Change) and an Almaty electronics shop's ФИСКАЛЬНЫЙ ЧЕК
# in Russian (ru-kz-tekhnika: numbered articles, "1 (шт) x 89 990,00 = 89 990,00", Скидка under an article,
# ИТОГО, Наличные, Банковская карта, Kaspi QR, Kaspi QR and cash together, Сдача, НДС 16 %, the OFD's
# fiscal sign and РНМ).

# -- es-pe-bodega -------------------------------------------------------------------------------------------


def split_part(due: Decimal, most: int, step: int = 1) -> Decimal:
    """The first part of a split payment: `most`, or less, in whole `step`s, so that it is at most half the
    bill and something is left for the second tender (in the bill's places)."""
    half = (due / 2 / step).quantize(Decimal(1), rounding=ROUND_DOWN) * step
    return min(Decimal(most), half).quantize(due)


PE_BODEGA = (  # (name, price in soles, IGV: G gravado 18 %, E exonerado (the Amazonia list: fresh produce))
    ("LECHE GLORIA 400G", "4.20", "G"),
    ("ACEITE PRIMOR 1L", "10.90", "G"),
    ("FIDEO DON VITTORIO", "3.60", "G"),
    ("ATUN FLORIDA 170G", "6.50", "G"),
    ("INCA KOLA 1.5L", "7.50", "G"),
    ("PAN FRANCES X6", "2.40", "G"),
    ("GALLETA SODA FIELD", "1.20", "G"),
    ("DETERGENTE OPAL 500G", "6.90", "G"),
    ("HUEVOS X15 LA CALERA", "9.80", "E"),
    ("PAPA AMARILLA KG", "4.50", "E"),
    ("CEBOLLA ROJA KG", "3.20", "E"),
    ("SAL EMSAL 1KG", "1.80", "G"),
)
PE_GRANEL = (  # weighed from the sack: (name, soles a kilo, weights)
    ("ARROZ COSTENO GRANEL", "4.10", ("0.500", "1.000", "2.500", "0.750")),
    ("AZUCAR RUBIA GRANEL", "3.80", ("0.500", "1.250", "2.000")),
)
PEN_CASH = (10, 20, 50, 100, 200)


def es_pe_bodega_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, PE_BODEGA, (2, 6), qtys=(1, 1, 1, 2, 2, 3, 4))
    if v % 3 != 1:
        name, price, weights = rng.choice(PE_GRANEL)
        lines.insert(
            rng.randint(0, len(lines)), Line(name, Decimal(rng.choice(weights)), Decimal(price), tag="G")
        )
    due = sum((ln.amount for ln in lines), Decimal(0))
    if v in (1, 6):
        tenders: tuple[Tender, ...] = (Tender("other", "YAPE", due),)
    elif v == 3:
        tenders = (Tender("other", "PLIN", due),)
    elif v == 4:
        tenders = (Tender("card", "TARJETA VISA", due),)
    elif v == 7:  # ten soles by Yape (at most half), the rest in cash
        yape = split_part(due, 10)
        tenders = (
            Tender("other", "YAPE", yape),
            Tender("cash", "EFECTIVO", tendered(rng, due - yape, PEN_CASH)),
        )
    else:
        tenders = (Tender("cash", "EFECTIVO", tendered(rng, due, PEN_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"B001-{rng.randint(1200, 98000):08d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}:{S}", 7, 23),
    )


def es_pe_bodega(s: Sale, cols: int) -> list[Op]:
    # A Lima bodega's boleta electrónica from a small SUNAT-authorised POS: the owner, RUC, address; BOLETA DE
    # VENTA ELECTRONICA and its series-number; FECHA EMISION and HORA, the buyer (CLIENTES VARIOS); CANT.,
    # DESCRIPCION, P.UNIT and IMPORTE on one line (weighed goods to three places in kilos); OP. GRAVADAS, OP.
    # EXONERADAS, I.G.V. 18 %, IMPORTE TOTAL S/; SON: the total in words; the payment (EFECTIVO and VUELTO,
    # YAPE or PLIN with the operation number, TARJETA VISA); the hash, the QR and the SUNAT line.
    item = (Col(5, "right"), Col(None), Col(6, "right"), Col(7, "right"))
    tot = (Col(None), Col(3), Col(9, "right"))
    seq = int(s.no[5:])
    date, clock = s.when.split(" ")
    ops: list[Op] = [
        Center("BODEGA DOÑA ROSA", bold=True),
        Center("DE: QUISPE MAMANI ROSA ELENA"),
        Center("RUC: 10412563871"),
        Center("JR. HUARAZ 1452 - BREÑA - LIMA"),
        Rule(),
        Center("BOLETA DE VENTA ELECTRONICA", bold=True),
        Center(s.no, bold=True),
        Rule(),
        Text(f"FECHA EMISION: {date}  HORA: {clock}"),
        Text("CLIENTE: CLIENTES VARIOS"),
        Text("DNI: 00000000"),
        Rule(),
        Row(("CANT.", "DESCRIPCION", "P.UNIT", "IMPORTE"), item),
        Rule(),
    ]
    for ln in s.lines:
        qty = f"{ln.qty:.3f}" if ln.qty != ln.qty.to_integral() else str(ln.qty)
        ops.append(Row((qty, ln.name, POINT(ln.price), POINT(ln.amount)), item))
    gravado = sum((ln.amount for ln in s.lines if ln.tag == "G"), Decimal(0))
    exonerado = s.total - gravado
    igv = included_tax(gravado, Decimal(18))
    ops += [
        Rule(),
        Row(("OP. GRAVADAS", "S/", POINT(gravado - igv)), tot),
        Row(("OP. EXONERADAS", "S/", POINT(exonerado)), tot),
        Row(("I.G.V. 18%", "S/", POINT(igv)), tot),
        Row(("IMPORTE TOTAL", "S/", POINT(s.total)), tot, bold=True, tall=True),
        Text(f"SON: {mx_words(int(s.total))} CON {int(s.total * 100) % 100:02d}/100 SOLES"),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, "S/", POINT(t.amount)), tot))
        if t.method == "other":
            ops.append(Text(f"  NRO. OPERACION: {seq * 7919 % 10**8:08d}"))
        elif t.method == "card":
            ops.append(Text(f"  ****{seq * 37 % 10000:04d}  REF: {seq * 613 % 10**6:06d}"))
    if s.cash:
        ops.append(Row(("VUELTO", "S/", POINT(s.change)), tot))
    ops += [
        Rule(),
        Text(f"HASH: {hashlib.sha1(s.no.encode()).hexdigest()[:28]}"),
        QR(f"10412563871|03|B001|{s.no[5:]}|{POINT(igv)}|{POINT(s.total)}|{s.iso[:10]}|1|00000000|"),
        Center("Representación impresa de la"),
        Center("BOLETA DE VENTA ELECTRONICA"),
        Center("Consulte en www.sunat.gob.pe"),
        Center("GRACIAS POR SU COMPRA"),
    ]
    return ops


# -- bg-bg-denonoshten --------------------------------------------------------------------------------------

BG_STOKI = (  # (name, price in euro, ДДС group: Б 20 %, Г 9 % (baby food and books))
    ("Хляб Добруджа 500г", "0.92", "Б"),
    ("Кисело мляко Верея 3.6%", "0.89", "Б"),
    ("Сирене краве БДС 400г", "4.85", "Б"),
    ("Кашкавал Витоша 300г", "5.10", "Б"),
    ("Луканка Карловска 200г", "4.60", "Б"),
    ("Бира Загорка 0.5л", "1.05", "Б"),
    ("Минерална вода Банкя 1.5л", "0.65", "Б"),
    ("Кока-Кола 2л", "2.05", "Б"),
    ("Вафла Боровец", "0.45", "Б"),
    ("Цигари Victory Blue", "3.35", "Б"),
    ("Шоколад Милка 100г", "1.75", "Б"),
    ("Пюре Хайнц за бебе 125г", "1.49", "Г"),
    ("Кроасан 7 Days", "0.79", "Б"),
)
BG_DDS = {"Б": Decimal(20), "Г": Decimal(9)}
BGN_RATE = Decimal("1.95583")  # лева to the euro, fixed; both printed until 8 August 2026
BG_OTSTAPKA = 10  # a store card's 10 % off dairy, under the article
BG_MLECHNI = frozenset({"Кисело мляко Верея 3.6%", "Сирене краве БДС 400г", "Кашкавал Витоша 300г"})
BG_EUR_CASH = (5, 10, 20, 50, 100)


def bg_bg_denonoshten_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, BG_STOKI, (2, 6), qtys=(1, 1, 1, 2, 2, 3, 6))
    if v in (2, 5) and not any(ln.name in BG_MLECHNI for ln in lines):
        name, price, tag = next(p for p in BG_STOKI if p[0] == sorted(BG_MLECHNI)[v % 3])
        lines.insert(1, Line(name, Decimal(rng.choice((1, 2))), Decimal(price), tag=tag))
    if v in (2, 5):
        lines = [
            replace(
                ln,
                discount=-(ln.amount * BG_OTSTAPKA / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            )
            if ln.name in BG_MLECHNI
            else ln
            for ln in lines
        ]
    # v6: the ОБЩА СУМА is one euro over its articles (an article voided on the screen but not on the bon);
    # what was paid and the change follow the printed total.
    misprint = Decimal("1.00") if v == 6 else Decimal(0)
    due = sum((ln.net for ln in lines), Decimal(0)) + misprint
    if v in (1, 4):
        tenders: tuple[Tender, ...] = (Tender("card", "КАРТА", due),)
    elif v == 7:  # five euro in cash (at most half), the rest by card
        cash = split_part(due, 5)
        tenders = (Tender("cash", "В БРОЙ", cash), Tender("card", "КАРТА", due - cash))
    else:
        tenders = (Tender("cash", "В БРОЙ", tendered(rng, due, BG_EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(200, 9800):07d}",
        dated_when=dated(rng, "{d}.{m}.{y} {H}:{M}:{S}"),
        misprint=misprint,
    )


def bg_bg_denonoshten(s: Sale, cols: int) -> list[Op]:
    # A Sofia all-night shop's касов бон from a fiscal printer, in the months of euro and лева side by side:
    # the shop, the trader, address, ЕИК and ЗДДС №; the operator; each article's count and unit price
    # ("2.000 x 0.92") over its name, the name with the amount and the ДДС group letter; ОТСТЪПКА under an
    # article; the count of articles, МЕЖДИННА СУМА, ОБЩА СУМА in EUR and under it in ЛВ at the fixed rate; В
    # БРОЙ and РЕСТО, КАРТА; the ДДС per group; the bon's number, the date and time, УНП, the fiscal device
    # and memory numbers, ФИСКАЛЕН БОН and the QR.
    item = (Col(None), Col(9, "right"), Col(1))
    tot = (Col(None), Col(13, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Center("ДЕНОНОЩЕН МАГАЗИН ЛЮЛИН 5", bold=True),
        Center('ЕТ "ГЕОРГИ ИВАНОВ - 74"'),
        Center("гр. София, ж.к. Люлин, бл. 512"),
        Center("ЕИК 131245789"),
        Center("ЗДДС № BG131245789"),
        Text(f"{seq % 3 + 1:02d} Оператор {('Мария', 'Пламен', 'Десислава')[seq % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        if ln.qty != 1:
            ops.append(Text(f"{ln.qty:.3f} x {POINT(ln.price)}"))
        ops.append(Row((ln.name, POINT(ln.amount), ln.tag), item))
        if ln.discount:
            ops.append(Row((f"ОТСТЪПКА {BG_OTSTAPKA}.00%", POINT(ln.discount), ln.tag), item))
    net = sum((ln.net for ln in s.lines), Decimal(0))
    bgn = (s.total * BGN_RATE).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    ops += [
        Rule(),
        Text(f"{pieces(s.lines)} АРТИКУЛ{'' if pieces(s.lines) == 1 else 'А'}"),
        Row(("МЕЖДИННА СУМА", POINT(net)), tot),
        Row(("ОБЩА СУМА", f"{POINT(s.total)} EUR"), tot, bold=True, tall=True),
        Row(("", f"{POINT(bgn)} ЛВ"), tot),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, f"{POINT(t.amount)} EUR"), tot))
    if s.cash:
        ops.append(Row(("РЕСТО", f"{POINT(s.change)} EUR"), tot))
    ops.append(Text(f"1 EUR = {BGN_RATE} ЛВ"))
    ops.append(Rule())
    for tag, rate in BG_DDS.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            ops.append(Row((f"ДДС {tag} = {rate}.00%", POINT(included_tax(gross, rate))), tot))
    ops += [
        Rule(),
        Row((f"№ {s.no}", s.when), (Col(None), Col(19, "right"))),
        Text(f"УНП: DT612345-{seq % 3 + 1:04d}-{seq:07d}"),
        QR(f"50123456*{seq:07d}*{s.iso[:10]}*{s.iso[11:19]}*{POINT(s.total)}"),
        Center("ФИСКАЛЕН БОН", bold=True),
        Center("DT612345  50123456"),
    ]
    return ops


# -- hr-hr-pekara -------------------------------------------------------------------------------------------

HR_PEKARA = (  # (name, price, PDV %, the bottle's povratna naknada or "")
    ("Kruh polubijeli 600g", "1.89", "5", ""),
    ("Kruh raženi 500g", "2.49", "5", ""),
    ("Kifla obična", "0.35", "5", ""),
    ("Pecivo sa sezamom", "0.55", "5", ""),
    ("Burek sa sirom", "2.60", "13", ""),
    ("Burek s mesom", "2.80", "13", ""),
    ("Pizza rezanac", "2.20", "13", ""),
    ("Kroasan s čokoladom", "1.40", "13", ""),
    ("Štrudla od jabuka", "1.90", "13", ""),
    ("Jogurt Dukat 1kg", "2.19", "5", ""),
    ("Cedevita boca 0,5l", "1.69", "25", "0.07"),
    ("Jamnica 0,5l", "1.09", "25", "0.07"),
    ("Kava za van", "1.50", "25", ""),
)
HR_PDV = {"5": Decimal(5), "13": Decimal(13), "25": Decimal(25)}
HR_BLAGAJNIK = ("Ivana", "Marko", "Petra", "Luka")


def hr_hr_pekara_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    for name, price, pdv, naknada in rng.sample(list(HR_PEKARA), rng.randint(2, 6)):
        qty = Decimal(rng.choice((1, 1, 1, 2, 2, 3, 4, 6)))
        lines.append(Line(name, qty, Decimal(price), tag=pdv))
        if naknada:
            lines.append(Line("Povratna naknada", qty, Decimal(naknada), tag="0"))
    due = sum((ln.amount for ln in lines), Decimal(0))
    if v in (1, 3, 6):
        tenders: tuple[Tender, ...] = (Tender("card", "KARTICA", due),)
    else:
        tenders = (Tender("cash", "GOTOVINA", tendered(rng, due, BG_EUR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(100, 9999)}/PP3/{v % 2 + 1}",
        dated_when=dated_between_hours(rng, "{d}.{m}.{y}. {H}:{M}:{S}", 6, 21),
    )


def hr_hr_pekara(s: Sale, cols: int) -> list[Op]:
    # A Zagreb bakery's fiscalised račun: the company, the shop, address and OIB; Račun br. as
    # number/premises/device, Datum i vrijeme with the dot after the year, Blagajnik; Artikl, Kol., Cijena and
    # Iznos on one line; Povratna naknada as a line of its own for a bottle; UKUPNO EUR; Način plaćanja;
    # in cash Primljeno and Vraćeno; the PDV table (Stopa, Osnovica, Iznos); ZKI and JIR, the QR.
    item = (Col(None), Col(4, "right"), Col(7, "right"), Col(7, "right"))
    tot = (Col(None), Col(12, "right"))
    seq = int(s.no.split("/")[0])
    ops: list[Op] = [
        Title("PEKARNICA KLAS"),
        Center("KLAS PEKARSTVO d.o.o."),
        Center("Ilica 142, 10000 Zagreb"),
        Center("OIB: 48213574902"),
        Rule(),
        Text(f"Račun br.: {s.no}"),
        Text(f"Datum i vrijeme: {s.when}"),
        Text(f"Blagajnik: {HR_BLAGAJNIK[seq % 4]} ({seq % 4 + 11:04d})"),
        Rule(),
        Row(("Artikl", "Kol.", "Cijena", "Iznos"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, str(ln.qty), COMMA(ln.price), COMMA(ln.amount)), item))
    ops += [Rule(), Row(("UKUPNO EUR", COMMA(s.total)), tot, bold=True, tall=True)]
    ops.append(Text(f"Način plaćanja: {s.tenders[0].label}"))
    if s.cash:
        ops += [Row(("Primljeno", COMMA(s.tenders[0].amount)), tot), Row(("Vraćeno", COMMA(s.change)), tot)]
    table = (Col(None), Col(10, "right"), Col(9, "right"))
    ops += [Rule(), Row(("PDV", "Osnovica", "Iznos"), table)]
    for tag, rate in HR_PDV.items():
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((f"PDV {rate}%", COMMA(gross - tax), COMMA(tax)), table))
    naknada = sum((ln.amount for ln in s.lines if ln.tag == "0"), Decimal(0))
    if naknada:
        ops.append(Row(("Povratna naknada", "", COMMA(naknada)), table))
    zki = hashlib.md5(s.no.encode()).hexdigest()
    jir = hashlib.sha1(s.no.encode()).hexdigest()
    ops += [
        Rule(),
        Text(f"ZKI: {zki}"),
        Text(f"JIR: {jir[:8]}-{jir[8:12]}-{jir[12:16]}-{jir[16:20]}-{jir[20:32]}"),
        QR(f"https://porezna.gov.hr/rn?jir={jir[:32]}&datv={s.iso[:4]}{s.iso[5:7]}{s.iso[8:10]}"),
        Center("Hvala i dođite nam opet!"),
    ]
    return ops


# -- lt-lt-degaline -----------------------------------------------------------------------------------------

LT_KURAS = (  # (name, EUR a litre, litres)
    ("95 benzinas", "1.589", ("32.45", "28.11", "40.02", "18.76")),
    ("Dyzelinas", "1.479", ("45.30", "52.18", "38.64", "60.00")),
    ("Dujos LPG", "0.789", ("24.50", "31.27", "27.83")),
)
LT_PREKES = (  # (name, price, PVM letter: A 21 %, B 9 % (press))
    ("Kava Latte 300ml", "2.49", "A"),
    ("Hot-dogas", "2.99", "A"),
    ("Vanduo Neptūnas 0,5l", "0.89", "A"),
    ("Langų ploviklis -20 4l", "6.99", "A"),
    ("Šokoladas Rūta 100g", "1.79", "A"),
    ("Kramtomoji guma Orbit", "1.29", "A"),
    ("Laikraštis Lietuvos rytas", "1.20", "B"),
    ("Cepelinai šaldyti 500g", "3.99", "A"),
    ("Energinis gėrimas Red Bull", "1.99", "A"),
)
LT_PVM = {"A": Decimal(21), "B": Decimal(9)}
LT_NUOLAIDA = Decimal("0.06")  # the loyalty card: six cents off each litre, under the fuel line


def lt_lt_degaline_sale(rng: random.Random, v: int) -> Sale:
    lines: list[Line] = []
    if v != 5:
        name, price, litres = rng.choice(LT_KURAS)
        fuel = Line(name, Decimal(rng.choice(litres)), Decimal(price), tag="A", code=str(rng.randint(1, 8)))
        if v in (0, 3, 6):
            fuel = replace(
                fuel, discount=-(fuel.qty * LT_NUOLAIDA).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            )
        lines.append(fuel)
    lines += pick(rng, LT_PREKES, (0 if v != 5 else 2, 3), qtys=(1, 1, 2))
    due = sum((ln.net for ln in lines), Decimal(0))
    if v in (1, 4):
        tenders: tuple[Tender, ...] = (
            Tender("cash", "Grynieji", tendered(rng, due, (10, 20, 50, 100, 200))),
        )
    elif v == 6:  # twenty euro in cash (at most half), the rest on the card
        cash = split_part(due, 20)
        tenders = (Tender("cash", "Grynieji", cash), Tender("card", "Mokėjimo kortelė", due - cash))
    else:
        tenders = (Tender("card", "Mokėjimo kortelė", due),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(10000, 99999)),
        dated_when=dated(rng, "{y}-{m}-{d} {H}:{M}:{S}"),
    )


def lt_lt_degaline(s: Sale, cols: int) -> list[Op]:
    # A Vilnius fuel station's kasos kvitas: the company, the station, address, PVM mokėtojo kodas; the
    # register's number; each article's name on its line (the fuel with its pump), under it "32,45 l x
    # 1,589" or "2 x 1,29" with the amount and the PVM letter; Nuolaida under the fuel; MOKĖTI; Grynieji and
    # Grąža, Mokėjimo kortelė with its lines; the PVM table; Kvito Nr., the date, the cashier, the loyalty
    # card's points.
    item = (Col(None), Col(9, "right"), Col(1))
    tot = (Col(None), Col(10, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Center('UAB "KELIO ŽVAIGŽDĖ"', bold=True),
        Center("Degalinė Ukmergės g. 280"),
        Center("LT-06115 Vilnius"),
        Center("PVM kodas LT100004512316"),
        Text(f"KVS Nr. 2  Kasininkas: {('Rūta', 'Tomas', 'Eglė')[seq % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        comma = NumberStyle(",", "", 3 if ln.price.as_tuple().exponent == -3 else 2)
        if ln.code:
            ops.append(Text(f"{ln.name}  Kolonėlė {ln.code}"))
            ops.append(
                Row((f"  {qty_str(ln.qty, ',')} l x {comma(ln.price)}", COMMA(ln.amount), ln.tag), item)
            )
            if ln.discount:
                ops.append(Row((f"  Nuolaida -{COMMA(LT_NUOLAIDA)}/l", COMMA(ln.discount), ln.tag), item))
        else:
            ops.append(Text(ln.name))
            ops.append(Row((f"  {ln.qty} x {comma(ln.price)}", COMMA(ln.amount), ln.tag), item))
    ops += [Rule(), Row(("MOKĖTI EUR", COMMA(s.total)), tot, bold=True, tall=True)]
    for t in s.tenders:
        ops.append(Row((t.label, COMMA(t.amount)), tot))
    if s.cash:
        ops.append(Row(("Grąža", COMMA(s.change)), tot))
    for t in s.tenders:
        if t.method == "card":
            ops += [
                Text(f"  MASTERCARD ****{seq * 37 % 10000:04d}"),
                Text(f"  Autorizacijos kodas {seq * 7717 % 10**6:06d}"),
            ]
    table = (Col(None), Col(9, "right"), Col(8, "right"))
    ops += [Rule(), Row(("PVM", "Be PVM", "PVM"), table)]
    for tag, rate in LT_PVM.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(Row((f"{tag} {rate}%", COMMA(gross - tax), COMMA(tax)), table))
    ops += [
        Rule(),
        Text(f"Kvito Nr. {s.no}"),
        Text(s.when),
        Text(f"Kortelė ŽVAIGŽDĖ ****{seq % 9000 + 1000}"),
        Text(f"Sukaupta taškų: {int(s.total)}"),
        Center("KASOS KVITAS", bold=True),
        Center("Ačiū, kad apsilankėte!"),
    ]
    return ops


# -- en-ie-pub ----------------------------------------------------------------------------------------------

IE_PUB = (  # (name, price, VAT: D drink 23 %, F food 13.5 %)
    ("Guinness Pint", "6.20", "D"),
    ("Smithwicks Pint", "6.10", "D"),
    ("Heineken Pint", "6.40", "D"),
    ("Jameson Single", "6.50", "D"),
    ("Glass House Red", "8.50", "D"),
    ("Club Orange", "3.40", "D"),
    ("Seafood Chowder", "9.95", "F"),
    ("Beef & Guinness Stew", "17.50", "F"),
    ("Fish & Chips", "18.95", "F"),
    ("Toasted Special", "8.50", "F"),
    ("Bowl of Chips", "5.00", "F"),
    ("Apple Crumble", "7.50", "F"),
)
IE_VAT = {"D": Decimal(23), "F": Decimal("13.5")}
IE_STAFF = ("Ciarán", "Aoife", "Seán", "Niamh")
IE_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def euro(value: Decimal) -> str:
    return f"-€{POINT(-value)}" if value < 0 else f"€{POINT(value)}"


def en_ie_pub_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, IE_PUB, (2, 6), qtys=(1, 1, 2, 2, 3, 4))
    # v5: the bill's Bal Due is a round of €4.70 over its lines (a drink added on the terminal after the
    # bill was printed); what was paid and the change follow the printed Bal Due.
    misprint = Decimal("4.70") if v == 5 else Decimal(0)
    due = sum((ln.amount for ln in lines), Decimal(0)) + misprint
    if v in (0, 3, 5):
        tenders: tuple[Tender, ...] = (Tender("card", "Visa Debit", due),)
    elif v == 6:
        tenders = (Tender("card", "Mastercard", due),)
    elif v in (2, 7):  # the table splits the bill: half on a card, the rest in cash
        card = (due / 2).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        tenders = (
            Tender("card", "Visa Debit", card),
            Tender("cash", "Cash", tendered(rng, due - card, (10, 20, 50, 100))),
        )
    else:
        tenders = (Tender("cash", "Cash", tendered(rng, due, (10, 20, 50, 100, 150))),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(1000, 9999)),
        dated_when=dated_ie(rng),
        subtotal_printed=True,
        misprint=misprint,
    )


def dated_ie(rng: random.Random) -> tuple[str, str]:
    while True:
        when = dated(rng, "{a} {d}/{m}/{y} {H}:{M}", IE_WEEKDAYS)
        if 12 <= int(when[1][11:13]) < 24:
            return when


def en_ie_pub(s: Sale, cols: int) -> list[Op]:
    # A Galway pub's bill from its EPOS: the pub, address, VAT number; Check, Table, Covers and the server;
    # the weekday and date; each line the count, the name and the amount with € before it; Sub Total, Bal
    # Due; the tenders and Change; the VAT at 23 % and 13.5 % inside the bill; a service note.
    item = (Col(3, "right"), Col(None), Col(10, "right"))
    tot = (Col(None), Col(12, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("TIGH NEACHTAIN"),
        Center("17 Cross Street Upper, Galway"),
        Center("H91 T9K2  Tel 091 568820"),
        Center("VAT No. IE 6388047V"),
        Rule(),
        Text(f"Check {s.no}   Table {seq % 24 + 1}   Covers {seq % 4 + 1}"),
        Text(f"Server: {IE_STAFF[seq % 4]}   {s.when}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((str(ln.qty), ln.name, euro(ln.amount)), item))
    ops += [
        Rule(),
        Row(("Sub Total", euro(s.subtotal)), tot),
        Row(("Bal Due", euro(s.total)), tot, bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, euro(t.amount)), tot))
    if s.cash:
        ops.append(Row(("Change", euro(s.change)), tot))
    ops.append(Rule())
    for tag, rate in IE_VAT.items():
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            ops.append(Row((f"VAT @ {rate}% incl.", euro(included_tax(gross, rate))), tot))
    ops += [
        Rule(),
        Center("Service not included"),
        Center("Go raibh maith agat!"),
    ]
    return ops


# -- en-pk-kiryana ------------------------------------------------------------------------------------------

PK_KIRYANA = (  # (name, price in whole rupees)
    ("Dalda Oil 1L", "625"),
    ("Tapal Danedar 190g", "480"),
    ("Olpers Milk 1L", "320"),
    ("National Salt 800g", "70"),
    ("Shan Biryani 50g", "160"),
    ("Super Basmati 1kg", "420"),
    ("Surf Excel 1kg", "690"),
    ("Lifebuoy Soap 98g", "145"),
    ("Sooper Biscuit", "100"),
    ("Nestle Water 1.5L", "110"),
    ("Rooh Afza 800ml", "550"),
    ("Knorr Chatpatta", "60"),
    ("Sugar 1kg", "165"),
    ("Atta Sunridge 5kg", "980"),
)
PKR_CASH = (100, 500, 1000, 2000, 5000, 10000)
PK_FBR_FEE = Decimal(1)  # the FBR POS service fee on every invoice of an integrated retailer
PK_DISCOUNT = 2  # the loyalty card's per cent off the gross, to the rupee


def en_pk_kiryana_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, PK_KIRYANA, (3, 8), places=0, qtys=(1, 1, 1, 2, 2, 3, 5))
    gross = sum((ln.amount for ln in lines), Decimal(0))
    savings = (
        (gross * PK_DISCOUNT / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if v in (2, 6)
        else Decimal(0)
    )
    due = gross - savings + PK_FBR_FEE
    if v == 1:
        tenders: tuple[Tender, ...] = (Tender("other", "JazzCash", due),)
    elif v == 4:
        tenders = (Tender("other", "Easypaisa", due),)
    elif v == 5:
        tenders = (Tender("card", "Debit Card", due),)
    else:
        tenders = (Tender("cash", "Cash", tendered(rng, due, PKR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=f"{rng.randint(1500, 60000):08d}",
        dated_when=dated_between_hours(rng, "{d}-{b}-{y} {I}:{M} {p}", 9, 23),
        savings=savings,
        savings_label=f"Discount {PK_DISCOUNT}%",
        surcharge=PK_FBR_FEE,
        subtotal_printed=True,
    )


def en_pk_kiryana(s: Sale, cols: int) -> list[Op]:
    # A Lahore general store's FBR-integrated POS invoice: the store, address, NTN and STRN; Invoice #, the
    # date with the month's name and a 12-hour clock, the cashier; S#, Item, Qty, Rate and Amount, the serial
    # number first; Total Items, Gross Total, a loyalty Discount, FBR POS Fee, Net Payable; Cash Received and
    # Balance, JazzCash, Easypaisa or a debit card; the sales tax inside; the FBR invoice number, its QR and
    # the TaxAsaan line.
    item = (Col(3, "right"), Col(None), Col(4, "right"), Col(6, "right"), Col(7, "right"))
    tot = (Col(None), Col(4), Col(9, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("AL-REHMAN STORE"),
        Center("General Store & Kiryana Merchants"),
        Center("Shop 14, Main Boulevard Iqbal Town"),
        Center("Lahore  Ph: 042-35412870"),
        Center("NTN: 4218735-6  STRN: 3277876154821"),
        Rule(),
        Row((f"Invoice # {s.no}", f"Counter {seq % 3 + 1}"), (Col(None), Col(10, "right"))),
        Text(f"Date: {s.when}"),
        Text(f"Cashier: {('Bilal', 'Usman', 'Ayesha')[seq % 3]}"),
        Rule(),
        Row(("S#", "Item", "Qty", "Rate", "Amount"), item),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        ops.append(Row((str(i), ln.name, str(ln.qty), WHOLE(ln.price), WHOLE(ln.amount)), item))
    ops += [
        Rule(),
        Row(("Total Items", "", str(pieces(s.lines))), tot),
        Row(("Gross Total", "Rs.", WHOLE(s.subtotal)), tot),
    ]
    if s.savings:
        ops.append(Row((s.savings_label, "Rs.", WHOLE(-s.savings)), tot))
    ops += [
        Row(("FBR POS Fee", "Rs.", WHOLE(s.surcharge)), tot),
        Row(("Net Payable", "Rs.", WHOLE(s.total)), tot, bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(Row(("Cash Received" if t.method == "cash" else t.label, "Rs.", WHOLE(t.amount)), tot))
        if t.method == "other":
            ops.append(Text(f"  TID: {seq * 104729 % 10**11:011d}"))
    if s.cash:
        ops.append(Row(("Balance", "Rs.", WHOLE(s.change)), tot))
    tax = included_tax(s.total - s.surcharge, Decimal(18), places=0)
    fbr = f"{seq * 7919 % 10**6:06d}{s.iso[8:10]}{s.iso[5:7]}{s.iso[2:4]}{seq % 10**4:04d}*{seq % 97:02d}*"
    ops += [
        Text(f"Sales Tax @18% incl.: Rs. {WHOLE(tax)}"),
        Rule(),
        Center(f"FBR Invoice # {fbr}"),
        QR(fbr),
        Center("Verify this invoice through"),
        Center("FBR TaxAsaan MobileApp or SMS at 9966"),
        Center("No return / exchange without receipt"),
    ]
    return ops


# -- en-gh-pharmacy -----------------------------------------------------------------------------------------

GH_PHARMACY = (  # (name, price in cedis, tax: X exempt (medicines), S standard (VAT 15 %, NHIL, GETFund))
    ("PARACETAMOL 500MG X100", "25.00", "X"),
    ("LONART DS TABS", "48.50", "X"),
    ("AMOKSIKLAV 625MG X14", "185.00", "X"),
    ("FLAGYL 400MG X21", "62.00", "X"),
    ("ORS SACHETS X10", "15.00", "X"),
    ("VITAMIN C 1000MG X30", "55.00", "S"),
    ("DETTOL ANTISEPTIC 250ML", "42.00", "S"),
    ("NIVEA BODY LOTION 400ML", "89.90", "S"),
    ("PEPSODENT 140G", "22.50", "S"),
    ("ALWAYS ULTRA PADS", "35.00", "S"),
    ("KOKO PLUS SACHET", "3.50", "S"),
    ("VOLTIC WATER 1.5L", "8.00", "S"),
)
GHS_CASH = (10, 20, 50, 100, 200, 500)


def gh_levies(gross: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """VAT 15 %, NHIL 2.5 % and GETFund 2.5 % inside a standard-rated gross: (VAT, NHIL, GETFund)."""
    base = (gross / Decimal("1.20")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    nhil = (base * Decimal("0.025")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return gross - base - 2 * nhil, nhil, nhil


def en_gh_pharmacy_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, GH_PHARMACY, (2, 5), qtys=(1, 1, 1, 2, 2, 3))
    due = sum((ln.amount for ln in lines), Decimal(0))
    if v in (1, 5):
        tenders: tuple[Tender, ...] = (Tender("other", "MTN MoMo", due),)
    elif v == 3:
        tenders = (Tender("card", "VISA", due),)
    elif v == 6:  # fifty cedis by MoMo (at most half), the rest in cash
        momo = split_part(due, 50)
        tenders = (
            Tender("other", "MTN MoMo", momo),
            Tender("cash", "Cash", tendered(rng, due - momo, GHS_CASH)),
        )
    else:
        tenders = (Tender("cash", "Cash", tendered(rng, due, GHS_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1000, 99999):06d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 8, 22),
    )


def en_gh_pharmacy(s: Sale, cols: int) -> list[Op]:
    # An Accra community pharmacy's receipt from a small Ghanaian POS: the pharmacy, address, the Pharmacy
    # Council licence and TIN; Receipt No, Date, the attendant; each item's name on its line and under it
    # "2 x 12.50 =" with the amount and X (exempt) or S (standard); Sub-Total, TOTAL GH¢; the tenders, Amount
    # Tendered and Change, the MoMo transaction ID; the levies (NHIL, GETFund) and VAT inside the S goods;
    # the dispensing note.
    item = (Col(None), Col(10, "right"), Col(1))
    tot = (Col(None), Col(12, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Center("GOODHEALTH PHARMACY LTD", bold=True),
        Center("Ring Road Central, Accra"),
        Center("GPS: GA-112-4857"),
        Center("PC Lic: PC/RP/22/1457"),
        Center("TIN: C0004521873"),
        Rule(),
        Text(f"Receipt No: {s.no}"),
        Text(f"Date: {s.when}"),
        Text(f"Served by: {('Akosua', 'Kwame', 'Efua')[seq % 3]}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Text(ln.name))
        ops.append(Row((f"  {ln.qty} x {POINT(ln.price)} =", POINT(ln.amount), ln.tag), item))
    ops += [
        Rule(),
        Row(("TOTAL GH¢", POINT(s.total)), tot, bold=True, tall=True),
    ]
    for t in s.tenders:
        if t.method == "cash":
            ops.append(Row(("Amount Tendered", POINT(t.amount)), tot))
        else:
            ops.append(Row((t.label, POINT(t.amount)), tot))
            if t.method == "other":
                ops.append(Text(f"  MoMo Trans ID: {seq * 2654435761 % 10**11:011d}"))
    if s.cash:
        ops.append(Row(("Change", POINT(s.change)), tot))
    standard = sum((ln.amount for ln in s.lines if ln.tag == "S"), Decimal(0))
    ops.append(Rule())
    if standard:
        vat, nhil, getf = gh_levies(standard)
        ops += [
            Row(("S: Taxable incl.", POINT(standard)), tot),
            Row(("  NHIL 2.5%", POINT(nhil)), tot),
            Row(("  GETFund 2.5%", POINT(getf)), tot),
            Row(("  VAT 15%", POINT(vat)), tot),
        ]
    exempt = s.subtotal - standard
    if exempt:
        ops.append(Row(("X: Exempt", POINT(exempt)), tot))
    ops += [
        Rule(),
        Center("Medicines are not returnable"),
        Center("Ask your pharmacist for advice"),
    ]
    return ops


# -- ru-kz-tekhnika -----------------------------------------------------------------------------------------

KZ_TEKHNIKA = (  # (name, price in tenge)
    ("Смартфон Samsung A15 128GB", "89990.00"),
    ("Наушники JBL Tune 520BT", "24990.00"),
    ("Чехол силиконовый A15", "3490.00"),
    ("Защитное стекло 9H", "2990.00"),
    ("Зарядное устройство 25W", "7990.00"),
    ("Кабель USB-C 1м", "2490.00"),
    ("Power bank Xiaomi 10000", "12990.00"),
    ("Электрочайник Tefal 1.7л", "18990.00"),
    ("Утюг Philips DST3031", "26490.00"),
    ("Флешка Kingston 64GB", "4590.00"),
    ("Карта памяти SanDisk 128GB", "8990.00"),
    ("Мышь Logitech M190", "6490.00"),
)
KZ_SKIDKA = ("Смартфон Samsung A15 128GB", "Наушники JBL Tune 520BT", "Утюг Philips DST3031")
KZT = NumberStyle(",", " ")
KZT_CASH = (1000, 2000, 5000, 10000, 20000, 50000, 100000, 150000, 200000)


def ru_kz_tekhnika_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, KZ_TEKHNIKA, (1, 4), qtys=(1, 1, 1, 1, 2))
    if v in (1, 4, 7) and not any(ln.name in KZ_SKIDKA for ln in lines):
        name, price = next(p for p in KZ_TEKHNIKA if p[0] == KZ_SKIDKA[v % 3])
        lines.insert(0, Line(name, Decimal(1), Decimal(price)))
    if v in (1, 4, 7):
        lines = [
            replace(
                ln,
                discount=-(ln.amount / 10)
                .quantize(Decimal(1), rounding=ROUND_DOWN)
                .quantize(Decimal("0.01")),
            )
            if ln.name in KZ_SKIDKA
            else ln
            for ln in lines
        ]
    due = sum((ln.net for ln in lines), Decimal(0))
    if v in (2, 5):
        tenders: tuple[Tender, ...] = (Tender("other", "Kaspi QR", due),)
    elif v == 3:
        tenders = (Tender("card", "Банковская карта", due),)
    elif v == 6:  # twenty thousand in cash (at most half, in thousands), the rest by Kaspi QR
        cash = split_part(due, 20000, 1000)
        tenders = (Tender("cash", "Наличные", cash), Tender("other", "Kaspi QR", due - cash))
    else:
        tenders = (Tender("cash", "Наличные", tendered(rng, due, KZT_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(100, 9999)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}:{S}", 10, 22),
    )


def ru_kz_tekhnika(s: Sale, cols: int) -> list[Op]:
    # An Almaty electronics shop's fiscal check from an online register (in Russian, as most Kazakh tills
    # print): the company, БИН, the shop's address; ПРОДАЖА, Чек №, Смена №, the date, Кассир; numbered
    # articles, each name on its line and under it "1 (шт) x 89 990,00 = 89 990,00", Скидка under an article;
    # ИТОГО; Наличные and Сдача, Банковская карта, Kaspi QR; в т.ч. НДС 16 %; the fiscal sign, РНМ, ЗНМ, the
    # OFD's site and QR.
    item = (Col(None), Col(14, "right"))
    seq = int(s.no)
    stamp = s.iso.replace("-", "").replace(":", "")
    ops: list[Op] = [
        Center('ТОО "ТЕХНОМИР АЛМАТЫ"', bold=True),
        Center("БИН 180440021735"),
        Center("г. Алматы, пр. Абая 115"),
        Rule(),
        Center("ПРОДАЖА", bold=True),
        Text(f"Чек № {s.no}   Смена № {seq // 40 + 102}"),
        Text(f"Дата: {s.when}"),
        Text(f"Кассир: {('Айгерим С.', 'Ержан Т.', 'Дана К.')[seq % 3]}"),
        Rule(),
    ]
    for i, ln in enumerate(s.lines, 1):
        ops.append(Text(f"{i}. {ln.name}"))
        ops.append(Text(f"   {ln.qty} (шт) x {KZT(ln.price)} = {KZT(ln.amount)}"))
        if ln.discount:
            ops.append(Row(("   Скидка", KZT(ln.discount)), item))
        ops.append(Row(("   Стоимость", KZT(ln.net)), item))
    ops += [Rule(), Row(("ИТОГО:", KZT(s.total)), item, bold=True, tall=True)]
    for t in s.tenders:
        ops.append(Row((f"{t.label}:", KZT(t.amount)), item))
    if s.cash:
        ops.append(Row(("Сдача:", KZT(s.change)), item))
    ops += [
        Row(("в т.ч. НДС 16%:", KZT(included_tax(s.total, Decimal(16)))), item),
        Rule(),
        Text(f"ФП: {seq * 104729 % 10**10:010d}"),
        Text("РНМ: 010102457318"),
        Text("ЗНМ: SWK00431872"),
        Text('ОФД: АО "Казахтелеком"'),
        Text("Для проверки чека: consumer.oofd.kz"),
        QR(f"http://consumer.oofd.kz?i={seq * 104729 % 10**10}&f=010102457318&s={s.total}&t={stamp}"),
        Center("ФИСКАЛЬНЫЙ ЧЕК", bold=True),
        Center("Спасибо за покупку!"),
    ]
    return ops


TEMPLATES += (
    Template(
        "es-pe-bodega",
        "Latin",
        "PEN",  # IMPORTE TOTAL S/
        es_pe_bodega_sale,
        es_pe_bodega,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp858"),
        ),
        variants=8,
    ),
    Template(
        "bg-bg-denonoshten",
        "Cyrillic",
        "EUR",  # ОБЩА СУМА ... EUR (the лева printed under it)
        bg_bg_denonoshten_sale,
        bg_bg_denonoshten,
        # Bulgarian fiscal printers print CP866 or Windows-1251.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "windows1251"),
        ),
        variants=8,
    ),
    Template(
        "hr-hr-pekara",
        "Latin",
        "EUR",  # UKUPNO EUR
        hr_hr_pekara_sale,
        hr_hr_pekara,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp852"),
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "windows1250"),
        ),
        variants=8,
    ),
    Template(
        "lt-lt-degaline",
        "Latin",
        "EUR",  # MOKĖTI EUR
        lt_lt_degaline_sale,
        lt_lt_degaline,
        # receiptline has no Baltic page: receipt-printer-encoder in Windows-1257 on an Epson and in CP775
        # on a POS-5890 (58 mm, 32 columns).
        (
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "windows1257"),
            Encoder(RPE, "pos-5890", "zjiang-58mm", 32, "cp775"),
        ),
        variants=8,
    ),
    Template(
        "en-ie-pub",
        "Latin",
        "EUR",  # € before every amount
        en_ie_pub_sale,
        en_ie_pub,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "star-tsp650ii", "star-80mm", 48, "cp858"),
        ),
        variants=8,
    ),
    Template(
        "en-pk-kiryana",
        "Latin",
        "PKR",  # Rs.
        en_pk_kiryana_sale,
        en_pk_kiryana,
        (
            Encoder(RL, "citizen", "citizen-80mm", 42, "cp437"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp437"),
        ),
        variants=8,
    ),
    Template(
        "en-gh-pharmacy",
        "Latin",
        "GHS",  # TOTAL GH¢ (CP437 has the ¢)
        en_gh_pharmacy_sale,
        en_gh_pharmacy,
        # A SUNMI handheld's 58 mm printer, as small Ghanaian shops use.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "sunmi-p2se", "sunmi-58mm", 32, "cp437"),
        ),
        variants=8,
    ),
    Template(
        "ru-kz-tekhnika",
        "Cyrillic",
        None,  # the check prints no тг or ₸: amounts alone
        ru_kz_tekhnika_sale,
        ru_kz_tekhnika,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp866"),
            Encoder(RPE, "xprinter-xp-t80q", "xprinter-80mm", 48, "windows1251"),
        ),
        variants=8,
    ),
)


# -- the thirteenth blind split -----------------------------------------------------------------------------

# -- es-uy-almacen ------------------------------------------------------------------------------------------

UY_ALMACEN = (  # (name, price in pesos, IVA: B tasa básica 22 %, M tasa mínima 10 %, E exento)
    ("Leche Conaprole 1L", "42.00", "E"),
    ("Pan flauta", "38.00", "M"),
    ("Yerba Canarias 1kg", "289.00", "M"),
    ("Arroz Saman 1kg", "69.00", "M"),
    ("Fideos Adria 500g", "58.00", "M"),
    ("Aceite Óptimo 900ml", "139.00", "M"),
    ("Dulce leche Conaprole", "119.00", "M"),
    ("Galletitas María 400g", "74.50", "M"),
    ("Coca-Cola 1,5L", "129.00", "B"),
    ("Cerveza Patricia 1L", "159.00", "B"),
    ("Jabón polvo Nevex 800g", "189.00", "B"),
    ("Papel higiénico x4", "96.00", "B"),
    ("Manzana roja", "79.00", "E"),
)
UY_FIAMBRE = (  # weighed at the counter: (name, pesos a kilo, weights)
    ("Queso colonia", "489.00", ("0.250", "0.380", "0.412")),
    ("Jamón cocido", "529.00", ("0.150", "0.200", "0.315")),
)
UY_IVA = {"B": ("T.Básica 22%", Decimal(22)), "M": ("T.Mínima 10%", Decimal(10))}
UY_LEY_19210 = Decimal(2)  # debit cards: two points of the basic IVA off (Ley 19.210), on B goods
UYU = NumberStyle(",", ".")
UYU_CASH = (100, 200, 500, 1000, 1500, 2000, 3000, 5000)


def uy_ley(lines: Sequence[Line]) -> Decimal:
    gross = sum((ln.amount for ln in lines if ln.tag == "B"), Decimal(0))
    return (gross * UY_LEY_19210 / 122).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def es_uy_almacen_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, UY_ALMACEN, (2, 6), qtys=(1, 1, 1, 2, 2, 3))
    if v % 3 != 2:
        name, price, weights = rng.choice(UY_FIAMBRE)
        lines.insert(
            rng.randint(0, len(lines)), Line(name, Decimal(rng.choice(weights)), Decimal(price), tag="M")
        )
    due = sum((ln.amount for ln in lines), Decimal(0))
    savings, label = Decimal(0), ""
    if v in (0, 2, 5, 7):  # cash: Redondeo to the whole peso, up or down
        savings, label = due - round_to(due, 1), "Redondeo"
    elif v in (1, 6):  # the debit card: Dto. IVA Ley 19.210
        savings, label = uy_ley(lines), "Dto. IVA Ley 19.210"
    due -= savings
    if v in (1, 6):
        tenders: tuple[Tender, ...] = (Tender("card", "TARJETA DEBITO", due),)
    elif v == 3:
        tenders = (Tender("other", "MERCADO PAGO", due),)
    elif v == 4:
        tenders = (Tender("card", "TARJETA CREDITO", due),)
    elif v == 7:  # up to a hundred pesos by Mercado Pago, the rest in cash
        mp = split_part(due, 100, 10)
        tenders = (
            Tender("other", "MERCADO PAGO", mp),
            Tender("cash", "EFECTIVO", tendered(rng, due - mp, UYU_CASH)),
        )
    else:
        tenders = (Tender("cash", "EFECTIVO", tendered(rng, due, UYU_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(21000, 480000):07d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}", 8, 22),
        savings=savings,
        savings_label=label,
        subtotal_printed=True,
    )


def es_uy_almacen(s: Sale, cols: int) -> list[Op]:
    # A Montevideo almacén's e-Ticket (CFE) from a small DGI-certified program: the owner, RUT and address;
    # e-Ticket, Serie and Nro., Fecha and Caja, Moneda; the count first, the article, the amount and the IVA
    # letter (B básica, M mínima, E exento), under an article of more than one (or weighed at the counter)
    # the count and the unit price; SUBTOTAL, the debit card's Dto. IVA Ley 19.210 or the cash Redondeo to
    # the peso, TOTAL with $ before it; EFECTIVO and CAMBIO, TARJETA DEBITO/CREDITO, MERCADO PAGO; the net and
    # IVA per rate, the security code, the DGI QR and the CAE.
    item = (Col(5, "right"), Col(None), Col(9, "right"), Col(1))
    tot = (Col(None), Col(2), Col(11, "right"))
    seq = int(s.no)
    date, clock = s.when.split(" ")
    ops: list[Op] = [
        Title("ALMACEN EL TREBOL"),
        Center("de Silvia Pereyra Núñez"),
        Center("RUT 217654320012"),
        Center("Av. 8 de Octubre 3421 - Montevideo"),
        Rule(),
        Center("e-Ticket", bold=True),
        Text(f"Serie A   Nro. {s.no}"),
        Text(f"Fecha: {date}  Hora: {clock}  Caja 1"),
        Text("Moneda: UYU"),
        Rule(),
        Row(("Cant.", "Descripción", "Importe", ""), item),
        Rule(),
    ]
    for ln in s.lines:
        weighed = ln.qty != ln.qty.to_integral()
        qty = qty_str(ln.qty, ",") if weighed else str(ln.qty)
        ops.append(Row((qty, ln.name, UYU(ln.amount), ln.tag), item))
        if weighed:
            ops.append(Text(f"       {qty} kg x $ {UYU(ln.price)}/kg"))
        elif ln.qty != 1:
            ops.append(Text(f"       {qty} x $ {UYU(ln.price)}"))
    ops += [Rule(), Row(("SUBTOTAL", "$", UYU(s.subtotal)), tot)]
    if s.savings:
        ops.append(Row((s.savings_label, "$", UYU(-s.savings)), tot))
    ops.append(Row(("TOTAL", "$", UYU(s.total)), tot, bold=True, tall=True))
    for t in s.tenders:
        ops.append(Row((t.label, "$", UYU(t.amount)), tot))
        if t.method == "card":
            brand = "MAESTRO" if "DEBITO" in t.label else "OCA"
            ops.append(Text(f"  {brand} ****{seq * 31 % 10000:04d}  Aut. {seq * 7 % 10**6:06d}"))
        elif t.method == "other":
            ops.append(Text(f"  Op. {seq * 7919 % 10**10:010d}"))
    if s.cash:
        ops.append(Row(("CAMBIO", "$", UYU(s.change)), tot))
    ops.append(Rule())
    for tag, (name, rate) in UY_IVA.items():
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            iva = included_tax(gross, rate)
            neto = gross - iva
            if tag == "B" and s.savings_label.startswith("Dto. IVA"):
                iva -= s.savings  # the two points of IVA the debit card took off
            ops.append(Row((f"Neto IVA {name}", "$", UYU(neto)), tot))
            ops.append(Row((f"IVA {name}", "$", UYU(iva)), tot))
    exento = sum((ln.amount for ln in s.lines if ln.tag == "E"), Decimal(0))
    if exento:
        ops.append(Row(("Monto no gravado", "$", UYU(exento)), tot))
    code = hashlib.sha1(s.no.encode()).hexdigest()[:6]
    ops += [
        Rule(),
        Text(f"Código de seguridad: {code}"),
        QR(
            f"https://www.efactura.dgi.gub.uy/consultaQR/cfe?217654320012,101,A,{seq},{POINT(s.total)},{s.iso[:10]},{code}"
        ),
        Center("Puede verificar comprobante en:"),
        Center("www.dgi.gub.uy"),
        Center("IVA al día"),
        Text("CAE Nro. 90260012345  Serie A"),
        Text("del 0000001 al 0500000  Vto. 31/12/2027"),
        Center("¡Gracias por su compra!"),
    ]
    return ops


# -- sl-si-zeleznina ----------------------------------------------------------------------------------------

SI_ZELEZNINA = (  # (code, name, unit, price, DDV letter: A 22 %, B 9,5 % (seeds and fertiliser))
    ("100234", "Vijak za les 4x40 100/1", "KOS", "6.49", "A"),
    ("100871", "Silikon Ceresit CS25 280ml", "KOS", "7.99", "A"),
    ("300112", "Barva Jupol Classic 5l", "KOS", "24.90", "A"),
    ("300540", "Čopič ploščati 50mm", "KOS", "3.49", "A"),
    ("410020", "Žarnica LED E27 9W", "KOS", "4.99", "A"),
    ("500300", "Rokavice delovne vel. 10", "KOS", "2.99", "A"),
    ("520010", "Lepilni trak 48mm x 50m", "KOS", "3.79", "A"),
    ("530044", "Ključavnica obešanka 40mm", "KOS", "8.49", "A"),
    ("600711", "Semena paradižnik Volovsko srce", "KOS", "1.89", "B"),
    ("600902", "Gnojilo za vrtnine 1kg", "KOS", "5.29", "B"),
)
SI_METRSKO = (  # sold by the metre or the kilo: (code, name, unit, price, DDV letter, quantities)
    ("201455", "Kabel PGP 3x1,5 mm2", "M", "1.29", "A", ("2.5", "5", "10", "7.5")),
    ("700123", "Žeblji 2,8x65 rinfuza", "KG", "4.20", "A", ("0.5", "0.75", "1.2")),
)
SI_DDV = {"A": Decimal(22), "B": Decimal("9.5")}
SI_POPUST = 10  # the loyalty card's 10 % off tools and paint (A articles of five euro or more)
SI_CASH = (10, 20, 50, 100, 150, 200, 300, 500)
SI_BLAGAJNIK = ("Maja Novak", "Rok Kranjc", "Tina Zupan", "Luka Horvat")


def sl_si_zeleznina_sale(rng: random.Random, v: int) -> Sale:
    picked = rng.sample(list(SI_ZELEZNINA), rng.randint(2, 5))
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 2, 3))), Decimal(price), code=f"{code}|{unit}", tag=tag)
        for code, name, unit, price, tag in picked
    ]
    if v % 2 == 0:
        code, name, unit, price, tag, qtys = rng.choice(SI_METRSKO)
        lines.insert(
            rng.randint(0, len(lines)),
            Line(name, Decimal(rng.choice(qtys)), Decimal(price), code=f"{code}|{unit}", tag=tag),
        )
    if v in (1, 4, 6):  # the customer's card: POPUST under the articles it covers
        lines = [
            replace(
                ln, discount=-(ln.amount * SI_POPUST / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            )
            if ln.tag == "A" and ln.price >= 5
            else ln
            for ln in lines
        ]
    due = sum((ln.net for ln in lines), Decimal(0))
    if v in (1, 3):
        tenders: tuple[Tender, ...] = (Tender("card", "PLAČILNA KARTICA", due),)
    elif v == 5:
        tenders = (Tender("other", "FLIK", due),)
    elif v == 6:  # twenty euro in cash, the rest by card
        cash = split_part(due, 20)
        tenders = (Tender("cash", "GOTOVINA", cash), Tender("card", "PLAČILNA KARTICA", due - cash))
    else:
        tenders = (Tender("cash", "GOTOVINA", tendered(rng, due, SI_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"TRG1-BL2-{rng.randint(900, 48000)}",
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} {H}:{M}:{S}", 7, 20),
    )


def sl_si_zeleznina(s: Sale, cols: int) -> list[Op]:
    # A Ljubljana hardware shop's fiscally verified RAČUN: the company, address, ID za DDV; RAČUN št. as
    # premises-device-number, the date and the time apart; the article's code and name on one line, under it
    # the quantity with its unit (KOS, M, KG), the unit price, the loyalty POPUST in per cent and the value
    # after it; SKUPAJ EUR and the discount given; ZA PLAČILO; the tender (GOTOVINA with VRAČILO, PLAČILNA
    # KARTICA, FLIK); the DDV table (A 22 %, B 9,5 %); Blagajnik, ZOI, EOR and the FURS QR.
    sub = (Col(None, "right"), Col(5, "right"), Col(9, "right"))
    tot = (Col(None), Col(12, "right"))
    seq = int(s.no.rsplit("-", 1)[1])
    date, clock = s.when.split(" ")
    ops: list[Op] = [
        Title("ŽELEZNINA KOS"),
        Center("Železnina Kos d.o.o."),
        Center("Celovška cesta 150, 1000 Ljubljana"),
        Center("ID za DDV: SI48261503"),
        Rule(),
        Text(f"RAČUN št.: {s.no}"),
        Text(f"Datum: {date}   Ura: {clock}"),
        Rule(),
        Text("Šifra  Artikel"),
        Row(("Kol. EM x Cena", "Pop.", "Vrednost"), sub),
        Rule(),
    ]
    for ln in s.lines:
        code, unit = ln.code.split("|")
        ops.append(Text(f"{code} {ln.name}"))
        pct = f"-{SI_POPUST}%" if ln.discount else ""
        ops.append(
            Row((f"{qty_str(ln.qty, ',')} {unit} x {COMMA(ln.price)} {ln.tag}", pct, COMMA(ln.net)), sub)
        )
    off = -sum((ln.discount for ln in s.lines), Decimal(0))
    ops += [Rule(), Row(("SKUPAJ EUR", COMMA(s.total)), tot)]
    if off:
        ops.append(Row(("Skupaj popust", COMMA(off)), tot))
    ops.append(Row(("ZA PLAČILO EUR", COMMA(s.total)), tot, bold=True, tall=True))
    ops.append(Text("Način plačila:"))
    for t in s.tenders:
        ops.append(Row((t.label, COMMA(t.amount)), tot))
    if s.cash:
        ops.append(Row(("VRAČILO", COMMA(s.change)), tot))
    ddv = (Col(None), Col(9, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("Stopnja DDV", "Osnova", "DDV", "Znesek"), ddv)]
    for tag, rate in SI_DDV.items():
        gross = sum((ln.net for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            tax = included_tax(gross, rate)
            ops.append(
                Row((f"{tag} {qty_str(rate, ',')}%", COMMA(gross - tax), COMMA(tax), COMMA(gross)), ddv)
            )
    zoi = hashlib.md5(s.no.encode()).hexdigest()
    eor = hashlib.sha1(s.no.encode()).hexdigest()
    stamp = "".join(ch for ch in s.iso[2:] if ch.isdigit())  # yymmddHHMMSS
    if off:
        ops.append(Text(f"Kartica zvestobe ****{seq * 17 % 10000:04d}"))
    ops += [
        Rule(),
        Text(f"Blagajnik: {SI_BLAGAJNIK[seq % 4]}"),
        Text(f"ZOI: {zoi}"),
        Text(f"EOR: {eor[:8]}-{eor[8:12]}-{eor[12:16]}-{eor[16:20]}-{eor[20:32]}"),
        QR(f"{int(zoi, 16):039d}48261503{stamp}"),
        Center("Hvala za nakup!"),
    ]
    return ops


# -- is-is-matvara ------------------------------------------------------------------------------------------

IS_VORUR = (  # (name, price in krónur, VSK %, skilagjald a bottle or can or "")
    ("Mjólk 1 l", "219", "11", ""),
    ("Skyr hreint 500 g", "459", "11", ""),
    ("Heimilisbrauð", "549", "11", ""),
    ("Smjör 250 g", "689", "11", ""),
    ("Kókómjólk 250 ml", "189", "11", ""),
    ("Flatkökur 5 stk", "359", "11", ""),
    ("Harðfiskur 100 g", "1298", "11", ""),
    ("Egils Appelsín 2 l", "459", "11", "20"),
    ("Kristall 500 ml", "199", "11", "20"),
    ("Tannkrem Colgate", "499", "24", ""),
    ("Uppþvottalögur 500 ml", "429", "24", ""),
    ("Rafhlöður AA 4 stk", "899", "24", ""),
)
IS_VIGT = (  # weighed at the till: (name, kr a kilo, weights)
    ("Bananar", "398", ("0.842", "1.120", "0.655")),
    ("Lambahryggur", "3498", ("1.245", "1.870", "1.512")),
)
IS_SKILAGJALD = "Skilagjald"
ISK = NumberStyle(",", ".", 0)
ISK_CASH = (500, 1000, 2000, 5000, 10000, 15000, 20000, 30000)


def is_is_matvara_sale(rng: random.Random, v: int) -> Sale:
    picked = rng.sample(list(IS_VORUR), rng.randint(3, 6))
    lines: list[Line] = []
    deposit = 0
    for name, price, vsk, skil in picked:
        qty = Decimal(rng.choice((1, 1, 1, 2, 2, 3, 6)))
        lines.append(Line(name, qty, Decimal(price), places=0, tag=vsk))
        if skil:
            deposit += int(qty)
    if v % 4 != 3:
        name, price, weights = rng.choice(IS_VIGT)
        lines.insert(
            rng.randint(0, len(lines)),
            Line(name, Decimal(rng.choice(weights)), Decimal(price), places=0, tag="11"),
        )
    if deposit:  # the bottles' and cans' return deposit, an article of its own at the end, outside VSK
        lines.append(Line(IS_SKILAGJALD, Decimal(deposit), Decimal(20), places=0))
    # v5: Samtals is 300 kr over its articles (a line voided on the screen and still counted); what was paid
    # and the change follow the printed total.
    misprint = Decimal(300) if v == 5 else Decimal(0)
    due = sum((ln.amount for ln in lines), Decimal(0)) + misprint
    if v in (1, 5):
        tenders: tuple[Tender, ...] = (Tender("cash", "Reiðufé", tendered(rng, due, ISK_CASH)),)
    elif v == 3:
        tenders = (Tender("other", "Aur", due),)
    elif v == 7:  # a thousand-krónur note, the rest on the card
        cash = split_part(due, 1000, 500)
        tenders = (Tender("cash", "Reiðufé", cash), Tender("card", "Greiðslukort", due - cash))
    else:
        tenders = (Tender("card", "Greiðslukort", due),)
    return Sale(
        tuple(lines),
        tenders,
        places=0,
        no=str(rng.randint(120000, 990000)),
        dated_when=dated_between_hours(rng, "{d}.{m}.{y} kl. {H}:{M}", 10, 22),
        misprint=misprint,
    )


def is_is_matvara(s: Sale, cols: int) -> list[Op]:
    # A Reykjavík supermarket's kvittun: the chain, kennitala, VSK number and shop; each article with its
    # amount, " kr" after it and the VSK rate in a column (11 or 24, the deposit 0), under a count above one
    # "2 stk x 359" and under a weighed article "0,842 kg x 398 kr/kg"; Skilagjald, the bottles' and cans'
    # deposit, as an article of its own; the count, Samtals; Greiðslukort, Reiðufé and Til baka, Aur; the VSK
    # inside per rate; Kvittun nr., Kassi, the date with kl. before the time.
    item = (Col(None), Col(10, "right"), Col(4, "right"))
    tot = (Col(None), Col(14, "right"))
    ops: list[Op] = [
        Title("HAGKAUP"),
        Center("Matvöruverslun Skeifunni 15"),
        Center("108 Reykjavík"),
        Center("Kt. 520199-2789   VSK nr. 61723"),
        Rule(),
        Row(("Vara", "Upphæð", "VSK"), item),
        Rule(),
    ]
    for ln in s.lines:
        tag = f"{ln.tag}%" if ln.tag else "0%"
        ops.append(Row((ln.name, f"{ISK(ln.amount)} kr", tag), item))
        if ln.qty != ln.qty.to_integral():
            ops.append(Text(f"  {qty_str(ln.qty, ',')} kg x {ISK(ln.price)} kr/kg"))
        elif ln.qty != 1:
            ops.append(Text(f"  {ln.qty} stk x {ISK(ln.price)}"))
    goods = [ln for ln in s.lines if ln.name != IS_SKILAGJALD]
    ops += [
        Rule(),
        Text(f"Fjöldi vara: {pieces(goods)}"),
        Row(("Samtals", f"{ISK(s.total)} kr"), tot, bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, f"{ISK(t.amount)} kr"), tot))
    if s.cash:
        ops.append(Row(("Til baka", f"{ISK(s.change)} kr"), tot))
    ops.append(Rule())
    for rate in ("11", "24"):
        gross = sum((ln.amount for ln in s.lines if ln.tag == rate), Decimal(0))
        if gross:
            ops.append(Row((f"Þar af VSK {rate}%", f"{ISK(included_tax(gross, Decimal(rate), 0))} kr"), tot))
    ops += [
        Rule(),
        Text(f"Kvittun nr. {s.no}   Kassi 4"),
        Text(f"Dags. {s.when}"),
        Barcode(f"0415{s.no}"),
        Center("Takk fyrir viðskiptin!"),
    ]
    return ops


# -- sr-rs-prodavnica ---------------------------------------------------------------------------------------

RS_ARTIKLI = (  # (name, price in dinars, tax label: Ђ О-ПДВ 20 %, Е П-ПДВ 10 %)
    ("Хлеб Сава 500г", "89.99", "Е"),
    ("Млеко Имлек 2,8% 1л", "159.99", "Е"),
    ("Јогурт Моја крава 1кг", "219.99", "Е"),
    ("Јаја 10 ком", "299.99", "Е"),
    ("Шећер Суноко 1кг", "129.99", "Е"),
    ("Уље Дијамант 1л", "249.99", "Е"),
    ("Кафа Гранд 200г", "389.99", "Ђ"),
    ("Чоколада Штарк 100г", "159.99", "Ђ"),
    ("Кока-кола 1,5л", "189.99", "Ђ"),
    ("Пиво Јелен 0,5л", "129.99", "Ђ"),
    ("Смоки 150г", "99.99", "Ђ"),
    ("Ћевапи замрзнути 400г", "459.99", "Ђ"),
    ("Џем од кајсије 370г", "279.99", "Ђ"),
    ("Детерџент Мерикс 2кг", "899.99", "Ђ"),
)
RS_VAGA = (  # weighed: (name, dinars a kilo, weights)
    ("Јабуке ајдаред", "129.99", ("1.250", "0.870", "2.035")),
    ("Кромпир бели", "79.99", ("2.000", "1.450", "3.120")),
)
RS_PDV = {"Ђ": ("О-ПДВ", Decimal(20)), "Е": ("П-ПДВ", Decimal(10))}
RSD = NumberStyle(",", ".")
RSD_CASH = (500, 1000, 1500, 2000, 3000, 5000, 10000)
RS_PFR = "RX7K2P4Q-RX7K2P4Q"
RS_KASIR = ("Јелена", "Милош", "Драгана", "Ненад")


def sr_rs_prodavnica_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, RS_ARTIKLI, (2, 6), qtys=(1, 1, 1, 2, 2, 3, 4))
    if v % 3 == 0:
        name, price, weights = rng.choice(RS_VAGA)
        lines.insert(
            rng.randint(0, len(lines)), Line(name, Decimal(rng.choice(weights)), Decimal(price), tag="Е")
        )
    due = sum((ln.amount for ln in lines), Decimal(0))
    if v in (1, 4):
        tenders: tuple[Tender, ...] = (Tender("card", "Платна картица", due),)
    elif v == 6:
        tenders = (Tender("other", "Инстант плаћање", due),)
    elif v == 7:  # five hundred dinars in cash, the rest by card
        cash = split_part(due, 500, 100)
        tenders = (Tender("cash", "Готовина", cash), Tender("card", "Платна картица", due - cash))
    else:
        tenders = (Tender("cash", "Готовина", tendered(rng, due, RSD_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{RS_PFR}-{rng.randint(1500, 64000)}",
        dated_when=dated_between_hours(rng, "{d}.{m}.{y}. {H}:{M}:{S}", 6, 23),
    )


def sr_rs_prodavnica(s: Sale, cols: int) -> list[Op]:
    # A Belgrade grocery's fiscal receipt from an ESIR (the 2022 fiscalisation), in Serbian Cyrillic: the
    # ФИСКАЛНИ РАЧУН banner, ПИБ, the shop and its address, Касир and the ESIR number, ПРОМЕТ ПРОДАЈА; under
    # Назив, Цена, Кол. and Укупно each article's name with its tax label in brackets, and under it the unit
    # price, the count (three places when weighed) and the amount; Укупан износ, the tender (Готовина with
    # Повраћај, Платна картица, Инстант плаћање); the tax table by label (Ђ О-ПДВ 20 %, Е П-ПДВ 10 %); ПФР
    # време with a point after the year, ПФР број рачуна (the receipt's number), Бројач рачуна, the QR and the
    # closing banner. No currency is printed.
    head = (Col(None), Col(10, "right"), Col(7, "right"), Col(11, "right"))
    num = (Col(None, "right"), Col(7, "right"), Col(11, "right"))
    tot = (Col(None), Col(14, "right"))
    seq = int(s.no.rsplit("-", 1)[1])
    bar = "=" * cols

    def banner(text: str) -> str:
        pad = cols - len(text) - 2
        return f"{'=' * (pad // 2)} {text} {'=' * (pad - pad // 2)}"

    ops: list[Op] = [
        Text(banner("ФИСКАЛНИ РАЧУН")),
        Center("107654321"),
        Center("ПРОДАВНИЦА ЗЛАТИБОР 2"),
        Center("Булевар краља Александра 73"),
        Center("Београд"),
        Row(("Касир:", RS_KASIR[seq % 4]), tot),
        Row(("ЕСИР број:", "412/2.1.4"), tot),
        Text(banner("ПРОМЕТ ПРОДАЈА").replace("=", "-")),
        Text("Артикли"),
        Text(bar),
        Row(("Назив", "Цена", "Кол.", "Укупно"), head),
    ]
    for ln in s.lines:
        qty = qty_str(ln.qty, ",") if ln.qty != ln.qty.to_integral() else str(ln.qty)
        ops.append(Text(f"{ln.name} ({ln.tag})"))
        ops.append(Row((RSD(ln.price), qty, RSD(ln.amount)), num))
    ops += [Text("-" * cols), Row(("Укупан износ:", RSD(s.total)), tot, bold=True)]
    for t in s.tenders:
        ops.append(Row((t.label + ":", RSD(t.amount)), tot))
    if s.cash:
        ops.append(Row(("Повраћај:", RSD(s.change)), tot))
    tax = (Col(7), Col(None), Col(8, "right"), Col(12, "right"))
    ops += [Text(bar), Row(("Ознака", "Име", "Стопа", "Порез"), tax)]
    taxes = Decimal(0)
    for tag, (name, rate) in RS_PDV.items():
        gross = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if gross:
            part = included_tax(gross, rate)
            taxes += part
            ops.append(Row((tag, name, f"{rate},00%", RSD(part)), tax))
    ops += [
        Text("-" * cols),
        Row(("Укупан износ пореза:", RSD(taxes)), tot),
        Text(bar),
        Row(("ПФР време:", s.when), (Col(None), Col(21, "right"))),
        Text("ПФР број рачуна:"),
        Row(("", s.no), (Col(1), Col(None, "right"))),
        Row(("Бројач рачуна:", f"{seq - 40}/{seq}ПП"), tot),
        Text(bar),
        QR(f"https://suf.purs.gov.rs/v/?vl={base64.b64encode(s.no.encode()).decode()}"),
        Text(banner("КРАЈ ФИСКАЛНОГ РАЧУНА")),
    ]
    return ops


# -- en-lk-hotel --------------------------------------------------------------------------------------------

LK_MENU = (  # (name, price in rupees)
    ("R&C Chicken", "950"),
    ("R&C Fish", "850"),
    ("R&C Vegetable", "650"),
    ("Chicken Kottu", "1200"),
    ("Egg Hoppers", "180"),
    ("Plain Hoppers", "60"),
    ("String Hoppers", "250"),
    ("Devilled Chicken", "1450"),
    ("Lamprais", "1350"),
    ("Fish Cutlet", "120"),
    ("Fresh Lime Juice", "350"),
    ("Ginger Beer", "250"),
    ("Plain Tea", "80"),
    ("Milk Tea", "150"),
    ("Watalappan", "300"),
    ("Faluda", "450"),
)
LK_SERVICE = 10  # the service charge, per cent of the sub total
LKR = NumberStyle(".", ",")
LKR_CASH = (500, 1000, 2000, 3000, 5000, 10000, 15000, 20000)
LK_STEWARD = ("NIMAL", "KASUN", "RUWAN", "SAMAN", "DILAN")


def en_lk_hotel_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, LK_MENU, (3, 7), qtys=(1, 1, 2, 2, 3, 4))
    sub = sum((ln.amount for ln in lines), Decimal(0))
    service = (sub * LK_SERVICE / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    due = sub + service
    if v in (1, 5):
        tenders: tuple[Tender, ...] = (Tender("card", "CARD - VISA", due),)
    elif v == 3:
        tenders = (Tender("other", "LANKAQR", due),)
    elif v == 6:  # two thousand in cash, the rest by card
        cash = split_part(due, 2000, 500)
        tenders = (Tender("cash", "CASH", cash), Tender("card", "CARD - MASTER", due - cash))
    else:
        tenders = (Tender("cash", "CASH", tendered(rng, due, LKR_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(1200, 98000):06d}",
        dated_when=dated_between_hours(rng, "{y}.{m}.{d} {H}:{M}", 11, 23),
        surcharge=service,
        subtotal_printed=True,
    )


def en_lk_hotel(s: Sale, cols: int) -> list[Op]:
    # A Kandy rice-and-curry "hotel"'s bill from a small Sri Lankan restaurant program: the name, address and
    # telephone; BILL NO, the date year first with points and the time apart, TABLE, PAX and STEWARD; ITEM,
    # RATE, QTY and AMOUNT on one line (the count after the price); SUB TOTAL, SERVICE CHARGE 10 %, NET
    # AMOUNT (Rs.); CASH and BALANCE, CARD - VISA, LANKAQR; no VAT (the hotel is under the threshold).
    item = (Col(None), Col(8, "right"), Col(3, "right"), Col(10, "right"))
    tot = (Col(None), Col(12, "right"))
    seq = int(s.no)
    date, clock = s.when.split(" ")
    ops: list[Op] = [
        Title("HOTEL SRI SURYA"),
        Center("No. 45, Dalada Veediya, Kandy"),
        Center("Tel: 081 222 3456"),
        Rule(),
        Text(f"BILL NO : {s.no}"),
        Text(f"DATE : {date}   TIME : {clock}"),
        Text(f"TABLE : {seq % 18 + 1}   PAX : {seq % 5 + 1}"),
        Text(f"STEWARD : {LK_STEWARD[seq % 5]}"),
        Rule(),
        Row(("ITEM", "RATE", "QTY", "AMOUNT"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((ln.name, LKR(ln.price), str(ln.qty), LKR(ln.amount)), item))
    ops += [
        Rule(),
        Row(("SUB TOTAL", LKR(s.subtotal)), tot),
        Row((f"SERVICE CHARGE {LK_SERVICE}%", LKR(s.surcharge)), tot),
        Row(("NET AMOUNT (Rs.)", LKR(s.total)), tot, bold=True, tall=True),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, LKR(t.amount)), tot))
        if t.method == "card":
            ops.append(Text(f"  XXXX XXXX XXXX {seq * 29 % 10000:04d}"))
        elif t.method == "other":
            ops.append(Text(f"  REF {seq * 7919 % 10**9:09d}"))
    if s.cash:
        ops.append(Row(("BALANCE", LKR(s.change)), tot))
    ops += [
        Rule(),
        Text(f"ITEMS : {len(s.lines)}   QTY : {sum(int(ln.qty) for ln in s.lines)}"),
        Center("THANK YOU COME AGAIN"),
        Center("Ayubowan!"),
    ]
    return ops


# -- fr-tn-superette ----------------------------------------------------------------------------------------

TN_SUPERETTE = (  # (name, price in dinars to the millime, TVA: A 19 %, B 7 %, E exonéré)
    ("LAIT DELICE 1L", "1.350", "E"),
    ("PAIN BAGUETTE", "0.190", "E"),
    ("COUSCOUS DIARI 1KG", "1.850", "E"),
    ("HUILE OLIVE TERRA 1L", "21.500", "B"),
    ("HARISSA LE PHARE 380G", "2.400", "B"),
    ("EAU SAFIA 1.5L", "0.750", "B"),
    ("THON SIDI DAOUD 160G", "4.950", "B"),
    ("CAFE BONDIN 250G", "8.900", "A"),
    ("THE LIPTON 25 SACHETS", "4.250", "A"),
    ("BOGA CIDRE 1L", "1.900", "A"),
    ("CHAMIA 400G", "5.600", "A"),
    ("SAVON DERMOSAN", "2.150", "A"),
    ("LIQUIDE VAISSELLE 1L", "3.480", "A"),
)
TN_TVA = {"A": Decimal(19), "B": Decimal(7), "E": Decimal(0)}
TND = NumberStyle(",", " ", 3)
TND_CASH = (5, 10, 20, 30, 40, 50, 100, 150, 200, 300)
TN_CAISSIER = ("SAMI", "NADIA", "AMINE", "RYM")


def fr_tn_superette_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, TN_SUPERETTE, (3, 7), places=3, qtys=(1, 1, 1, 2, 2, 3, 4))
    due = sum((ln.amount for ln in lines), Decimal(0))
    if v in (2, 5):
        tenders: tuple[Tender, ...] = (Tender("card", "CARTE BANCAIRE", due),)
    elif v == 4:
        tenders = (Tender("other", "D17", due),)
    elif v == 7:  # five dinars in cash, the rest by card
        cash = split_part(due, 5)
        tenders = (Tender("cash", "ESPECES", cash), Tender("card", "CARTE BANCAIRE", due - cash))
    else:
        tenders = (Tender("cash", "ESPECES", tendered(rng, due, TND_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        places=3,
        no=f"{rng.randint(40, 9800):06d}",
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} à {H}:{M}", 7, 22),
    )


def fr_tn_superette(s: Sale, cols: int) -> list[Op]:
    # A Tunis supérette's ticket de caisse: the shop, address, matricule fiscal; TICKET N°, CAISSE and the
    # cashier, the date "Le 14/03/2026 à 18:22"; the amount first (three decimals, the millimes), then the
    # article and its TVA letter, under an article of more than one "3 X 1,350"; NBR ARTICLES, TOTAL TTC
    # with DT after it; ESPECES and RENDU, CARTE BANCAIRE, D17 (La Poste's e-dinar); the TVA table (A 19 %,
    # B 7 %, E exonéré); the loyalty points.
    item = (Col(9, "right"), Col(None), Col(1))
    tot = (Col(None), Col(14, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Title("SUPERETTE EL AMEN"),
        Center("12, Rue de Marseille - 1000 Tunis"),
        Center("Tél : 71 334 512"),
        Center("M.F. : 1234567/A/M/000"),
        Rule(),
        Text(f"TICKET N° {s.no}   CAISSE 02"),
        Text(f"CAISSIER : {TN_CAISSIER[seq % 4]}"),
        Text(f"Le {s.when}"),
        Rule(),
        Row(("MONTANT", "DESIGNATION", ""), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Row((TND(ln.amount), ln.name, ln.tag), item))
        if ln.qty != 1:
            ops.append(Text(f"{'':10}{ln.qty} X {TND(ln.price)}"))
    ops += [
        Rule(),
        Text(f"NBR ARTICLES : {pieces(s.lines)}"),
        Row(("TOTAL TTC", f"{TND(s.total)} DT"), tot, bold=True, tall=True),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, f"{TND(t.amount)} DT"), tot))
    if s.cash:
        ops.append(Row(("RENDU", f"{TND(s.change)} DT"), tot))
    tva = (Col(None), Col(9, "right"), Col(8, "right"), Col(9, "right"))
    ops += [Rule(), Row(("TAUX", "HT", "TVA", "TTC"), tva)]
    for tag, rate in TN_TVA.items():
        ttc = sum((ln.amount for ln in s.lines if ln.tag == tag), Decimal(0))
        if ttc:
            tax = included_tax(ttc, rate, 3)
            ops.append(Row((f"{tag} {rate}%", TND(ttc - tax), TND(tax), TND(ttc)), tva))
    ops += [
        Rule(),
        Text(f"Carte fidélité : ****{seq * 13 % 10000:04d}"),
        Text(f"Points gagnés : {int(s.total)}"),
        Center("Merci de votre visite"),
        Center("Ni repris ni échangé"),
    ]
    return ops


# -- en-kh-minimart -----------------------------------------------------------------------------------------

KH_MART = (  # (name, EAN body, price in US dollars)
    ("ANGKOR BEER CAN 330ML", "884500100012", "0.80"),
    ("CAMBODIA BEER CAN", "884500200019", "0.85"),
    ("VITAL WATER 1.5L", "884501100015", "0.50"),
    ("COCA-COLA CAN 330ML", "544900000099", "0.70"),
    ("MAMA NOODLE CUP", "885012700023", "0.60"),
    ("LAY'S CLASSIC 50G", "885001200034", "1.25"),
    ("NESCAFE 3IN1 10PK", "885039000188", "2.40"),
    ("ANCHOR UHT MILK 1L", "941500000071", "2.95"),
    ("KAMPOT PEPPER 50G", "884502300044", "3.50"),
    ("JASMINE RICE 5KG", "884503300055", "7.90"),
    ("COLGATE 150G", "885120900129", "2.10"),
    ("TIGER BALM 19G", "888650000013", "3.25"),
    ("RED BULL CAN", "885064200022", "0.90"),
)
KHR_RATE = 4100  # riel to the dollar, as the shop sets it
KHR = NumberStyle(places=0, group=",")
KH_USD_CASH = (1, 5, 10, 20, 30, 50, 100)


def khr(usd: Decimal) -> Decimal:
    """The dollar amount in riel, to the hundred (the smallest note)."""
    return round_to(usd * KHR_RATE, 100)


def en_kh_minimart_sale(rng: random.Random, v: int) -> Sale:
    picked = rng.sample(list(KH_MART), rng.randint(2, 6))
    lines = [
        Line(name, Decimal(rng.choice((1, 1, 2, 2, 3, 6))), Decimal(price), code=ean13(body))
        for name, body, price in picked
    ]
    # v6: the TOTAL is a dollar over its articles (a scanned item removed from the basket, not from the bill);
    # what was paid and the change follow the printed total.
    misprint = Decimal("1.00") if v == 6 else Decimal(0)
    due = sum((ln.amount for ln in lines), Decimal(0)) + misprint
    if v in (1, 4):
        tenders: tuple[Tender, ...] = (Tender("other", "ABA KHQR", due),)
    elif v == 3:
        tenders = (Tender("card", "VISA", due),)
    elif v == 7:  # five dollars by ABA, the rest in cash
        aba = split_part(due, 5)
        tenders = (
            Tender("other", "ABA KHQR", aba),
            Tender("cash", "CASH (USD)", tendered(rng, due - aba, KH_USD_CASH)),
        )
    else:
        tenders = (Tender("cash", "CASH (USD)", tendered(rng, due, KH_USD_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=f"{rng.randint(3000, 90000):07d}",
        dated_when=dated(rng, "{d}-{b}-{y} {I}:{M} {p}"),
        misprint=misprint,
        subtotal_printed=True,
    )


def en_kh_minimart(s: Sale, cols: int) -> list[Op]:
    # A Phnom Penh minimart's receipt from a 58 mm (or 80 mm) POS, in English with dollars and riel side by
    # side: the shop, address, VATTIN; Invoice No, the date with the month's name and a 12-hour clock, the
    # cashier; each article's name on its line, under it the barcode, the count, the price and the amount;
    # SUBTOTAL (USD), TOTAL (USD) and TOTAL (KHR) at the shop's rate (to the hundred riel); CASH (USD) with
    # CHANGE (USD) and CHANGE (KHR), ABA KHQR with its reference, VISA; VAT 10 % included.
    item = (Col(None), Col(3, "right"), Col(6, "right"), Col(7, "right"))
    tot = (Col(None), Col(12, "right"))
    seq = int(s.no)
    ops: list[Op] = [
        Center("ANGKOR MINI MART", bold=True),
        Center("#45 St. 310, BKK1, Phnom Penh"),
        Center("VATTIN: K009-901234567"),
        Rule(),
        Text(f"Invoice No: {s.no}"),
        Text(f"Date: {s.when}"),
        Text(f"Cashier: {('SREYMOM', 'VUTHY', 'DAVY')[seq % 3]}  POS: 02"),
        Rule(),
        Row(("Barcode", "Qty", "Price", "Amount"), item),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Text(ln.name))
        ops.append(Row((ln.code, str(ln.qty), POINT(ln.price), POINT(ln.amount)), item))
    ops += [
        Rule(),
        Row(("SUBTOTAL (USD)", POINT(s.subtotal)), tot),
        Row(("TOTAL (USD)", POINT(s.total)), tot, bold=True, tall=True),
        Row(("TOTAL (KHR)", KHR(khr(s.total))), tot),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, POINT(t.amount)), tot))
        if t.method == "other":
            ops.append(Text(f" Ref: {seq * 7919 % 10**11:011d}"))
        elif t.method == "card":
            ops.append(Text(f" ****{seq * 23 % 10000:04d} APPR {seq * 11 % 10**6:06d}"))
    if s.cash:
        ops.append(Row(("CHANGE (USD)", POINT(s.change)), tot))
        ops.append(Row(("CHANGE (KHR)", KHR(khr(s.change))), tot))
    ops += [
        Rule(),
        Text(f"Rate: 1 USD = {KHR(Decimal(KHR_RATE))} KHR"),
        Text(f"VAT 10% incl.: {POINT(included_tax(s.total, Decimal(10)))}"),
        Text(f"Items: {pieces(s.lines)}"),
        Center("Thank you! Please come again"),
        Center("Goods sold are not returnable"),
    ]
    return ops


# -- en-tz-hardware -----------------------------------------------------------------------------------------

TZ_VIFAA = (  # (name, price in shillings, TRA tax code: A standard 18 %, E exempt)
    ("CEMENT TWIGA 42.5 50KG", "18500", "A"),
    ("MABATI GAUGE 30 3M", "28000", "A"),
    ("MISUMARI 75MM 1KG", "4500", "A"),
    ("RANGI SADOLIN 4L", "42000", "A"),
    ("PVC PIPE 1/2IN 6M", "7500", "A"),
    ("TAPE MEASURE 5M", "6000", "A"),
    ("PADLOCK SOLEX 50MM", "15000", "A"),
    ("EXTENSION CABLE 4WAY", "18000", "A"),
    ("LED BULB 9W", "3500", "A"),
    ("JEMBE NO.4", "8500", "A"),
    ("MOSQUITO NET DOUBLE", "12000", "E"),
)
TZ_VAT = Decimal(18)
TZS = NumberStyle(".", ",")
TZS_CASH = (5000, 10000, 20000, 30000, 40000, 50000, 100000, 150000, 200000, 300000, 400000, 500000, 1000000)


def en_tz_hardware_sale(rng: random.Random, v: int) -> Sale:
    lines = pick(rng, TZ_VIFAA, (2, 5), qtys=(1, 1, 1, 2, 2, 3, 5))
    due = sum((ln.amount for ln in lines), Decimal(0))
    if v in (1, 5):
        tenders: tuple[Tender, ...] = (Tender("other", "M-PESA", due),)
    elif v == 3:
        tenders = (Tender("card", "CARD", due),)
    elif v == 6:
        tenders = (Tender("other", "AIRTEL MONEY", due),)
    elif v == 7:  # up to fifty thousand by M-Pesa, the rest in cash
        mpesa = split_part(due, 50000, 1000)
        tenders = (
            Tender("other", "M-PESA", mpesa),
            Tender("cash", "CASH", tendered(rng, due - mpesa, TZS_CASH)),
        )
    else:
        tenders = (Tender("cash", "CASH", tendered(rng, due, TZS_CASH)),)
    return Sale(
        tuple(lines),
        tenders,
        no=str(rng.randint(800, 36000)),
        dated_when=dated_between_hours(rng, "{d}/{m}/{y} {H}:{M}:{S}", 8, 19),
    )


def en_tz_hardware(s: Sale, cols: int) -> list[Op]:
    # A Kariakoo hardware shop's legal receipt from a TRA virtual fiscal device: START OF LEGAL RECEIPT, the
    # company, address, mobile, TIN, VRN, SERIAL NO, UIN and TAX OFFICE; CUSTOMER lines; RECEIPT NO, Z NUMBER,
    # RECEIPT DATE and TIME; each article's name on its line and under it "2 x 18,500.00" with the amount and
    # the tax code (A 18 %, E exempt); TOTAL EXCL OF TAX, TAX A-18.00%, TOTAL TAX, TOTAL INCL OF TAX (the
    # total); CASH and CHANGE, M-PESA and AIRTEL MONEY with a reference, CARD; the receipt verification code,
    # the QR and END OF LEGAL RECEIPT. No currency is printed.
    item = (Col(None), Col(14, "right"), Col(1))
    tot = (Col(None), Col(14, "right"))
    seq = int(s.no)
    date, clock = s.when.split(" ")
    vcode = hashlib.sha1(s.no.encode()).hexdigest()[:7].upper() + "_" + clock.replace(":", "")
    ops: list[Op] = [
        Center("*** START OF LEGAL RECEIPT ***"),
        Center("KARIAKOO HARDWARE LTD", bold=True),
        Center("P.O. BOX 20145, DAR ES SALAAM"),
        Center("MOBILE: 0754 123 456"),
        Center("TIN: 123-456-789"),
        Center("VRN: 40-012345-K"),
        Center("SERIAL NO: 10TZ100543"),
        Center("UIN: 09VFDWEBAPI-10TZ100543"),
        Center("TAX OFFICE: Tax Office Kariakoo"),
        Rule(),
        Text("CUSTOMER NAME:"),
        Text("CUSTOMER ID TYPE: NIL"),
        Rule(),
        Text(f"RECEIPT NO: {s.no}"),
        Text(f"Z NUMBER: {seq // 40 + 100}/{s.iso[:10].replace('-', '')}"),
        Text(f"RECEIPT DATE: {date}"),
        Text(f"TIME: {clock}"),
        Rule(),
    ]
    for ln in s.lines:
        ops.append(Text(ln.name))
        ops.append(Row((f"{ln.qty} x {TZS(ln.price)}", TZS(ln.amount), ln.tag), item))
    taxable = sum((ln.amount for ln in s.lines if ln.tag == "A"), Decimal(0))
    vat = included_tax(taxable, TZ_VAT)
    ops += [
        Rule(),
        Row(("TOTAL EXCL OF TAX:", TZS(s.total - vat)), tot),
        Row(("TAX A-18.00%:", TZS(vat)), tot),
        Row(("TOTAL TAX:", TZS(vat)), tot),
        Row(("TOTAL INCL OF TAX:", TZS(s.total)), tot, bold=True),
        Rule(),
    ]
    for t in s.tenders:
        ops.append(Row((t.label, TZS(t.amount)), tot))
        if t.method == "other":
            ops.append(Text(f"  REF: {hashlib.md5(s.no.encode()).hexdigest()[:10].upper()}"))
    if s.cash:
        ops.append(Row(("CHANGE", TZS(s.change)), tot))
    ops += [
        Text(f"ITEMS NUMBER: {len(s.lines)}"),
        Rule(),
        Center("RECEIPT VERIFICATION CODE"),
        Center(vcode),
        QR(f"https://verify.tra.go.tz/{vcode}"),
        Center("*** END OF LEGAL RECEIPT ***"),
        Center("Asante kwa kununua!"),
    ]
    return ops


TEMPLATES += (
    Template(
        "es-uy-almacen",
        "Latin",
        "UYU",  # Moneda: UYU, $ before the amounts
        es_uy_almacen_sale,
        es_uy_almacen,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp858"),
            Encoder(RPE, "bixolon-srp350iii", "bixolon-80mm", 42, "cp850"),
            Encoder(PE, "TM-T20II", "generic-80mm", 48, "CP850"),
        ),
        variants=8,
    ),
    Template(
        "sl-si-zeleznina",
        "Latin",
        "EUR",  # ZA PLAČILO EUR
        sl_si_zeleznina_sale,
        sl_si_zeleznina,
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp852"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "windows1250"),
            Encoder(PE, "TH230", "wincor-80mm", 44, "CP1250"),
        ),
        variants=8,
    ),
    Template(
        "is-is-matvara",
        "Latin",
        "ISK",  # kr after the amounts, no decimals
        is_is_matvara_sale,
        is_is_matvara,
        # receiptline has no CP861: its Windows-1252 holds þ, ð and æ; receipt-printer-encoder and
        # python-escpos print the Icelandic page, CP861.
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp1252"),
            Encoder(RPE, "epson-tm-t20iii", "generic-80mm", 48, "cp861"),
            Encoder(PE, "TM-T88V", "generic-80mm", 42, "CP861"),
        ),
        variants=8,
    ),
    Template(
        "sr-rs-prodavnica",
        "Cyrillic",
        None,  # the ESIR receipt prints no currency
        sr_rs_prodavnica_sale,
        sr_rs_prodavnica,
        # Serbian Cyrillic (Ђ, Ћ, Ј, Љ, Њ, Џ) is in Windows-1251 and CP855, not in CP866: receiptline has
        # neither, so receipt-printer-encoder prints both and python-escpos CP855.
        (
            Encoder(RPE, "epson-tm-t88vi", "generic-80mm", 42, "windows1251"),
            Encoder(RPE, "star-tsp100iv", "star-80mm", 48, "cp855"),
            Encoder(PE, "TM-T88V", "generic-80mm", 42, "CP855"),
        ),
        variants=8,
    ),
    Template(
        "en-lk-hotel",
        "Latin",
        "LKR",  # NET AMOUNT (Rs.)
        en_lk_hotel_sale,
        en_lk_hotel,
        (
            Encoder(RL, "epson", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "citizen-ct-s310ii", "citizen-80mm", 48, "cp437"),
            Encoder(PE, "TM-T88III", "generic-80mm", 42, "CP437"),
        ),
        variants=8,
    ),
    Template(
        "fr-tn-superette",
        "Latin",
        "TND",  # DT after the amounts, three decimals
        fr_tn_superette_sale,
        fr_tn_superette,
        (
            Encoder(RL, "citizen", "citizen-80mm", 42, "cp858"),
            Encoder(RPE, "xprinter-xp-n160ii", "xprinter-80mm", 48, "cp850"),
            Encoder(PE, "CT-S651", "citizen-80mm", 48, "CP858"),
        ),
        variants=8,
    ),
    Template(
        "en-kh-minimart",
        "Latin",
        "USD",  # TOTAL (USD), with TOTAL (KHR) beside it
        en_kh_minimart_sale,
        en_kh_minimart,
        # A 58 mm POS as Phnom Penh minimarts use, and two 80 mm printers.
        (
            Encoder(RL, "escpos", "generic-80mm", 42, "cp437"),
            Encoder(RPE, "pos-5890", "zjiang-58mm", 32, "cp437"),
            Encoder(PE, "TM-T88IV", "generic-80mm", 42, "CP437"),
        ),
        variants=8,
    ),
    Template(
        "en-tz-hardware",
        "Latin",
        None,  # the legal receipt prints no TZS or TSh
        en_tz_hardware_sale,
        en_tz_hardware,
        (
            Encoder(RL, "generic", "generic-80mm", 48, "cp437"),
            Encoder(RPE, "epson-tm-m30iii", "generic-80mm", 48, "cp437"),
            Encoder(PE, "TM-T88V", "generic-80mm", 42, "CP437"),
        ),
        variants=8,
    ),
)


# -- rendering ----------------------------------------------------------------------------------------------

_RL_SPECIAL = frozenset('\\|{}~_"`^')


def _rl_escape(text: str) -> str:
    out = "".join("\\" + ch if ch in _RL_SPECIAL else ch for ch in text)
    if out and (set(out) == {"-"} or set(out) == {"="}):
        out = "\\" + out  # a line of nothing but - or = is a rule or a cut
    return out


def _rl_property(text: str) -> str:
    """A property value (a code's data): `\\|{}` and `;` escaped, else `|` would end the line's column."""
    return "".join("\\" + ch if ch in "\\|{};" else ch for ch in text)


def _rl_spaces(text: str) -> str:
    """receiptline trims the spaces around a column's text (they say how it aligns): `~` prints one."""
    body = _rl_escape(text.strip(" "))
    lead, trail = len(text) - len(text.lstrip(" ")), len(text) - len(text.rstrip(" "))
    return "~" * lead + body + "~" * trail if body else body


def _rl_cell(text: str, align: Align, bold: bool, tall: bool) -> str:
    body = _rl_spaces(text)
    if body and tall:
        body = "^^" + body
    if body and bold:
        body = f'"{body}"'
    # receiptline aligns a column by the spaces between it and its pipes.
    return {"left": f"{body} ", "right": f" {body}", "center": f" {body} "}[align]


def receiptline_doc(ops: Sequence[Op], cols: int) -> str:
    out: list[str] = []
    current: list[int] | None = None  # the width property in force (None: auto)

    def auto() -> None:
        nonlocal current
        if current is not None:
            out.append("{width: auto}")
            current = None

    for op in ops:
        if isinstance(op, Row):
            w = widths(op, cols)
            if w != current:
                out.append("{width: " + " ".join(map(str, w)) + "}")
                current = w
            cells = [_rl_cell(t, c.align, op.bold, op.tall) for t, c in zip(op.cells, op.cols, strict=True)]
            out.append("|" + "|".join(cells) + "|")
            continue
        auto()
        if isinstance(op, Title):
            big = "^^^" if 2 * text_width(op.text) <= cols else "^^"
            out.append(big + _rl_escape(op.text))
        elif isinstance(op, Center):
            out.append(f'"{_rl_escape(op.text)}"' if op.bold else _rl_escape(op.text))
        elif isinstance(op, Text):
            out.append("|" + _rl_spaces(op.text))
        elif isinstance(op, Rule):
            out.append("-")
        elif isinstance(op, Blank):
            out.append("")
        elif isinstance(op, QR):
            out.append(f"{{code: {_rl_property(op.data)}; option: qrcode 4 m}}")
        elif isinstance(op, Barcode):
            out.append(f"{{code: {op.data}; option: code128 2 72 hri}}")
    return "\n".join(out)


def rpe_ops(ops: Sequence[Op], cols: int, codepage: str) -> list[list[Any]]:
    out: list[list[Any]] = [["initialize"]]
    if codepage:
        out.append(["codepage", codepage])
    for op in ops:
        if isinstance(op, Row):
            w = widths(op, cols)
            columns = [
                {"width": n, "align": c.align, **({"marginLeft": 1} if i else {})}
                for i, (n, c) in enumerate(zip(w, op.cols, strict=True))
            ]
            # A cell whose text fills its width exactly: the encoder keeps it whole (it wraps only longer).
            out += [["bold", op.bold], ["size", 1, 2 if op.tall else 1]]
            out.append(["table", columns, [list(op.cells)]])
            out += [["size", 1, 1], ["bold", False]]
        elif isinstance(op, Title):
            wide = 2 if 2 * text_width(op.text) <= cols else 1
            out += [["align", "center"], ["bold", True], ["size", wide, 2], ["line", op.text]]
            out += [["size", 1, 1], ["bold", False], ["align", "left"]]
        elif isinstance(op, Center):
            out += [
                ["align", "center"],
                ["bold", op.bold],
                ["line", op.text],
                ["bold", False],
                ["align", "left"],
            ]
        elif isinstance(op, Text):
            out.append(["line", op.text])
        elif isinstance(op, Rule):
            out.append(["rule"])
        elif isinstance(op, Blank):
            out.append(["newline"])
        elif isinstance(op, QR):
            out += [["align", "center"], ["qrcode", op.data], ["align", "left"]]
        elif isinstance(op, Barcode):
            out += [["align", "center"], ["barcode", op.data, "code128", 60], ["align", "left"]]
    out.append(["cut", "partial"])
    return out


def _pad(text: str, width: int, align: Align) -> str:
    gap = width - text_width(text)
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def python_escpos_bytes(ops: Sequence[Op], cols: int, profile: str, codepage: str) -> bytes:
    from escpos.printer import Dummy

    p = Dummy(profile=profile)
    caps = p.profile
    if codepage:
        p.charcode(codepage)
    # python-escpos says "Using hardware barcode renderer" on stdout: the corpus writer prints only its count.
    with contextlib.redirect_stdout(io.StringIO()):
        for op in ops:
            if isinstance(op, Row):
                line = " ".join(
                    _pad(t, n, c.align) for t, n, c in zip(op.cells, widths(op, cols), op.cols, strict=True)
                )
                p.set(bold=op.bold, double_height=op.tall)
                p.textln(line.rstrip())
                p.set_with_default()
            elif isinstance(op, Title):
                wide = 2 * text_width(op.text) <= cols
                p.set(align="center", bold=True, double_height=True, double_width=wide)
                p.textln(op.text)
                p.set_with_default()
            elif isinstance(op, Center):
                p.set(align="center", bold=op.bold)
                p.textln(op.text)
                p.set_with_default()
            elif isinstance(op, Text):
                p.textln(op.text)
            elif isinstance(op, Rule):
                p.textln("-" * cols)
            elif isinstance(op, Blank):
                p.ln()
            elif isinstance(op, QR) and caps.supports("qrCode"):
                p.set(align="center")
                p.qr(op.data, native=True, size=4)
                p.set_with_default()
            elif isinstance(op, Barcode) and caps.supports("barcodeB"):
                p.set(align="center")
                p.barcode(op.data, "CODE39", function_type="A")
                p.set_with_default()
        p.cut(mode="PART" if caps.supports("paperPartCut") else "FULL")
    return bytes(p.output)


# -- the corpus ---------------------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    template: Template
    encoder: Encoder
    variant: int
    sale: Sale
    ops: list[Op]
    data: bytes = b""
    truth: dict[str, Any] = field(default_factory=dict)


def truth_of(case: Case) -> dict[str, Any]:
    s, t, e = case.sale, case.template, case.encoder
    out: dict[str, Any] = {"kind": "sale"}
    if t.currency:
        out["currency"] = t.currency
    if s.iso:
        out["datetime"] = s.iso
    number = s.no if s.receipt_no is None else s.receipt_no
    if s.no or s.receipt_no is not None:
        out["receipt_no"] = number or None
    out["items"] = [
        {
            "name": ln.name,
            "quantity": format(ln.qty, "f"),
            "unit_price": format(ln.price, "f"),
            "amount": format(ln.amount, "f"),
            "discount": format(ln.discount, "f") if ln.discount else None,
        }
        for ln in s.lines
    ]
    if s.subtotal_printed:
        out["subtotal"] = format(s.subtotal, "f")
    out["total"] = format(s.total, "f")
    out["payments"] = [{"method": p.method, "amount": format(p.amount, "f")} for p in s.tenders]
    if s.cash:
        out["change"] = format(s.change, "f")
    out["status"] = "needs_review" if s.misprint else "ok"
    out["template"] = t.name
    out["script"] = t.script
    out["encoder"] = e.name
    out["split"] = split_of(t.name, e.name)
    out["printer_profile"] = e.profile
    out["provenance"] = (
        f"Made by {e.describe()}, from the {t.name} template (variant {case.variant}) "
        "of tests/corpus/foreign.py."
    )
    return out


def cases() -> list[Case]:
    """Every receipt of the corpus with its bytes and truth (runs the npm encoders once per package)."""
    out: list[Case] = []
    for t in TEMPLATES:
        for e in t.encoders:
            if e.family == HELD_OUT_ENCODER and t.name not in TEST:
                raise ValueError(f"{t.name}: the held-out encoder renders only test templates")
            for v in range(t.variants):
                sale = t.sale(random.Random(f"{t.name}/{v}"), v)
                if sale.change < 0:
                    raise ValueError(f"{t.name} variant {v}: tendered less than the total")
                ops = t.layout(sale, e.columns)
                name = f"{t.name}-{e.name.replace('/', '-').lower()}-{v}"
                check_fits(ops, e.columns, name)
                out.append(Case(name, t, e, v, sale, ops))
    rl = [c for c in out if c.encoder.family == "receiptline"]
    docs: list[dict[str, Any]] = [
        {
            "doc": receiptline_doc(c.ops, c.encoder.columns),
            "printer": {
                "cpl": c.encoder.columns,
                "encoding": c.encoder.encoding,
                "command": c.encoder.model,
                "cutting": True,
            },
        }
        for c in rl
    ]
    for c, data in zip(rl, encode("receiptline.js", "receiptline", docs), strict=True):
        c.data = data
    rpe = [c for c in out if c.encoder.family == "rpe"]
    specs: list[dict[str, Any]] = [
        {
            "options": {"printerModel": c.encoder.model, "columns": c.encoder.columns},
            "ops": rpe_ops(c.ops, c.encoder.columns, c.encoder.encoding),
        }
        for c in rpe
    ]
    made = encode("receipt_printer_encoder_lines.js", "@point-of-sale/receipt-printer-encoder", specs)
    for c, data in zip(rpe, made, strict=True):
        c.data = data
    for c in out:
        if c.encoder.family == "python-escpos":
            c.data = python_escpos_bytes(c.ops, c.encoder.columns, c.encoder.model, c.encoder.encoding)
        c.truth = truth_of(c)
    return out


def build(outdir: Path) -> list[Path]:
    """Writes NAME.bin + NAME.json for every receipt into `outdir`; returns the truth files."""
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for c in cases():
        (outdir / f"{c.name}.bin").write_bytes(c.data)
        truth = outdir / f"{c.name}.json"
        truth.write_text(json.dumps(c.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(truth)
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tests.corpus.foreign OUTDIR", file=sys.stderr)
        return 2
    print(len(build(Path(args[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
