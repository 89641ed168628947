"""Rules of reading that the train and dev templates of tests/corpus/foreign.py taught, each on a small
receipt of its own: where the totals begin, what a summary line restates, which number is no money, which
line names an item. Each receipt here is read wrong (or flagged) by the parser before its rule."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from edge.escpos.printer_profile import PROFILES
from edge.parsing.dates import read_datetime
from edge.parsing.model import Transaction
from edge.parsing.pipeline import parse_bytes

D = Decimal


def _read(
    body: str, encoding: str = "cp437", table: bytes = b"", printer: str = "generic-80mm"
) -> Transaction:
    return parse_bytes(b"\x1b@" + table + body.encode(encoding) + b"\x1dV\x00", PROFILES[printer])


def R(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _items(tx: Transaction) -> list[tuple[str, object, Decimal]]:
    return [(i.name, i.quantity, i.amount) for i in tx.items]


CASES: list[tuple[str, str, str, bytes, str, Callable[[Transaction], bool]]] = [
    (
        # A total's word in an item's name, above the subtotal: an item, not the start of the totals.
        "total-in-a-name",
        R(
            "NORTHSTAR DRUG MART",
            "Toronto, ON M6G 1L1",
            "2026/12/22 09:34:14",
            "COLGATE TOTAL 120ML   4.99 H",
            "CETAPHIL CLEANSER 500ML   18.49 H",
            "SUBTOTAL   23.48",
            "HST 13%   3.05",
            "TOTAL   $26.53",
            "INTERAC   26.53",
            "POINTS BALANCE   35,189",
            "GST/HST REG # 81234 5678 RT0001",
        ),
        "cp437",
        b"",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [i.name for i in tx.items] == ["COLGATE TOTAL 120ML", "CETAPHIL CLEANSER 500ML"]
            and [t.amount for t in tx.taxes] == [D("3.05")]
            and [(p.method, p.amount) for p in tx.payments] == [("card", D("26.53"))]
        ),
    ),
    (
        # An amount off indented under its item, whatever its label; a weight line proving the item by the
        # till's rounding; the savings summed again under the total; the balance due; EBT a tender.
        "us-grocery-savings",
        R(
            "FRESHWAY MARKET",
            "SACRAMENTO CA 95818",
            "11/15/26 15:36:58",
            "078742005782 PAPER PLATES 50   13.47 T",
            "             3 @ 4.49",
            "             SC FRESHWAY CARD   3.00- T",
            "4087  ROMA TOMATOES   2.67 F",
            "             1.79 lb @ 1.49 /lb",
            "        SUBTOTAL   13.14",
            "        TAX 8.75%   0.92",
            "   **** BALANCE   14.06",
            "   EBT FS ELIGIBLE   2.67",
            "   EBT FOOD TEND   2.67",
            "   EBT FOOD BAL   161.75",
            "   CASH TEND   20.00",
            "   CHANGE DUE   8.61",
            "   FRESHWAY CARD SAVINGS   3.00",
        ),
        "cp437",
        b"",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and tx.total == D("14.06")
            and [(i.name, i.quantity, i.discount) for i in tx.items]
            == [("PAPER PLATES 50", 3, D("-3.00")), ("ROMA TOMATOES", D("1.79"), None)]
            and [(p.method, p.amount) for p in tx.payments] == [("other", D("2.67")), ("cash", D("20.00"))]
        ),
    ),
    (
        # An item's VAT under each item is no start of the totals; a price grouped by a space; the Cyrillic
        # "х" for times; a marked item's [М+]; a gift certificate's number and a card's masked digits.
        "ru-item-taxes",
        R(
            "МОДНЫЙ КВАРТАЛ",
            "Чек № 141   28.04.2026  19:06",
            "1. [М+] Платье р.46",
            "   1 шт х 3 799,00   =3 799,00",
            "   НДС 22%   =685,07",
            "2. [М+] Носки",
            "   2 шт х 499,00   =998,00",
            "   НДС 22%   =179,97",
            "ИТОГ   =4 797,00",
            "ПРЕДОПЛАТА (АВАНС)   =1 000,00",
            "  Подарочный сертификат № 63439",
            "БЕЗНАЛИЧНЫМИ   =3 797,00",
            "Карта:   МИР *1987",
        ),
        "cp866",
        b"\x1bt\x11",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and _items(tx) == [("Платье р.46", 1, D("3799.00")), ("Носки", 2, D("998.00"))]
            and [(p.method, p.amount) for p in tx.payments]
            == [("other", D("1000.00")), ("card", D("3797.00"))]
        ),
    ),
    (
        # A numbered item's name over the detail lines under it (a pump's number).
        "ru-numbered",
        R(
            "АЗС",
            "27.10.2026 22:51",
            "1. Аи-92",
            "   ТРК № 4",
            "   51,93 л х 59,85   = 3108,01",
            "2. Кофе",
            "   1 шт х 149,00   = 149,00",
            "ИТОГО   = 3257,01",
            "Оплата картой   = 3257,01",
        ),
        "cp866",
        b"\x1bt\x11",
        "generic-80mm",
        lambda tx: tx.status == "ok" and [i.name for i in tx.items] == ["Аи-92", "Кофе"],
    ),
    (
        # The sum received, then how it was paid on a line of its own; the same sum under two labels (the
        # first is the subtotal); the items' discounts summed again beside an order's own discount.
        "zh-paid-by",
        R(
            "全日鲜便利店",
            "日期: 2026-11-26 12:51:48",
            "百威啤酒500ml   4   6.80   27.20",
            "   优惠(第二件半价)   -6.80",
            "火腿三明治   1   9.90   9.90",
            "合计:   37.10",
            "优惠:   -6.80",
            "会员折扣(9.5折):   -1.52",
            "应收:   ￥28.78",
            "实收:   ￥28.78",
            "支付方式: 支付宝",
        ),
        "gb18030",
        b"",
        "chinese-80mm",
        lambda tx: (
            tx.status == "ok"
            and tx.subtotal == D("37.10")
            and [(p.method, p.amount) for p in tx.payments] == [("alipay", D("28.78"))]
        ),
    ),
    (
        # The discounts' sum printed under them is not one more discount.
        "ko-discounts-sum",
        R(
            "카페",
            "2026-12-14 10:56:17",
            "아메리카노   2   9,000",
            "라떼   1   6,600",
            "합계   15,600",
            "앱쿠폰 할인   -1,000",
            "할인금액   -1,000",
            "받을금액   14,600원",
            "신용카드   14,600",
        ),
        "cp949",
        b"",
        "korean-80mm",
        lambda tx: tx.status == "ok" and [a.amount for a in tx.discounts] == [D(-1000)],
    ),
    (
        # The table's heading is no item's name: the quantity line comes before its item.
        "de-heading",
        R(
            "VITALIA",
            "06.06.2026 08:23   Bon-Nr. 9167",
            "Artikel                EUR",
            "2 x 1,15",
            "Babybrei 190g   2,30 B",
            "Zahncreme 75ml   0,65 A",
            "SUMME EUR   2,95",
            "Geg. EC-Karte   2,95",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and _items(tx) == [("Babybrei 190g", 2, D("2.30")), ("Zahncreme 75ml", 1, D("0.65"))]
        ),
    ),
    (
        # Japan's reduced-rate marks before names; "2コ X 単128" under its item.
        "ja-marks",
        R(
            "さくらドラッグ",
            "2026年03月24日(火) 07:24",
            "軽 ポテトチップス   ￥256",
            "    2コ X 単128",
            "※ カロリーメイト   ￥218",
            "合計   ￥474",
            "お預り   ￥500",
            "お釣り   ￥26",
        ),
        "shift_jis",
        b"\x1c&",  # FS &: the double-byte characters on
        "japanese-80mm",
        lambda tx: (
            tx.status == "ok" and _items(tx) == [("ポテトチップス", 2, D(256)), ("カロリーメイト", 1, D(218))]
        ),
    ),
    (
        # The item's amount after its discount, printed alone under the discount, is no item.
        "pl-net-after-discount",
        "DYSKONT\n2026-12-08\nBanany luz   1,215 x5,99   7,28 C\n  Rabat   -2,18 C\n   5,10 C\n"
        "Mleko 1L   1 x3,49   3,49 C\nSUMA PLN   8,59\nKarta platnicza   8,59\n",
        "utf-8",
        b"",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.amount, i.discount) for i in tx.items]
            == [("Banany luz", D("7.28"), D("-2.18")), ("Mleko 1L", D("3.49"), None)]
        ),
    ),
    (
        # A subtotal before the items' discounts, the discounts summed again under it; an item count.
        "co-restated",
        "MERCAFACIL\nFecha: 25/01/2026 Hora: 07:54\nCAFE MOLIDO 500 G   $56.700\n"
        "  DESCUENTO OFERTA   -$1.500\nLECHE   $4.900\nTotal articulos: 4\nSUBTOTAL   $61.600\n"
        "DESCUENTOS   -$1.500\nTOTAL A PAGAR   $60.100\nNEQUI   $60.100\n",
        "utf-8",
        b"",
        "generic-80mm",
        lambda tx: tx.status == "ok" and tx.total == D(60100) and tx.payments[0].method == "other",
    ),
    (
        # Price, then count or weight (a Russian fiscal till); the position number is no part of the name;
        # a loyalty card's masked number is no payment.
        "ru-price-first",
        "МАГАЗИН\n03.06.2026 08:31\n1. Огурцы весовые\n    189.99 * 1.458 кг   =277.01\n"
        "2. Сосиски 450г\n    259.99 * 2   =519.98\nИТОГ   =796.99\nБЕЗНАЛИЧНЫМИ   =796.99\n"
        'Карта "Семейная": 2778****4821\nСумма: 796.99\n',
        "cp866",
        b"\x1bt\x11",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.quantity, i.unit_price) for i in tx.items]
            == [("Огурцы весовые", D("1.458"), D("189.99")), ("Сосиски 450г", D(2), D("259.99"))]
        ),
    ),
    (
        # A tender's word in an item's name above the total (BAR is German cash); a card slip under the
        # receipt repeats the tip and the total; a rate and an amount whose digits share a 5; PST by its
        # rate (PST alone is Pacific time); rounding.
        "ca-slip",
        "BEAN CO.\nVancouver, BC V6B 1B6\nJan 17, 2026 9:46 AM\n 1 Cappuccino 12oz   4.95 G\n"
        " 1 Nanaimo Bar   4.25 GP\nSubtotal   9.20\nGST 5%   0.46\nPST 7%   0.30\nTip   1.00\n"
        "Rounding   -0.01\nTotal   $10.95\nVisa   $10.95\nTRANSACTION RECORD\nAmount:   $9.95\n"
        "Tip:   $1.00\nTOTAL:   $10.95\n",
        "utf-8",
        b"",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [i.name for i in tx.items] == ["Cappuccino 12oz", "Nanaimo Bar"]
            and [t.amount for t in tx.taxes] == [D("0.46"), D("0.30")]
            and [a.amount for a in tx.discounts] == [D("1.00"), D("-0.01")]
        ),
    ),
    (
        # A Hong Kong receipt's dollar says day first; an Octopus card's check digit is no payment.
        "hk-octopus",
        "金麥餅店\n日期: 04/01/2026 19:07\n菠蘿包  2  9.00  18.00\n蛋撻  1  8.00  8.00\n總數  HK$26.00\n"
        "八達通  $26.00\n八達通號碼: 31442527(6)\n餘額: $130.30\n",
        "big5",
        b"",
        "taiwan-80mm",
        lambda tx: tx.status == "ok" and tx.datetime == "2026-01-04T19:07:00" and len(tx.payments) == 1,
    ),
    (
        # One count proven by its unit price makes the column a count column; a weighed item's count is 1.
        "es-count",
        "LA HUERTA\n17/10/2026 21:14\n3 YOGUR NATURAL 4U   1,15   3,45\n1 MANZANA GOLDEN\n"
        "    0,501 kg x 1,89 €/kg   0,95\n1 PATATAS FRITAS   1,35\nTOTAL A PAGAR   5,75 €\n"
        "TARJETA BANCARIA   5,75\nIMPORTE: 5,75 €\n",
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.quantity) for i in tx.items]
            == [("YOGUR NATURAL 4U", 3), ("MANZANA GOLDEN", D("0.501")), ("PATATAS FRITAS", 1)]
        ),
    ),
    (
        # Korean taxable and tax-free sums above the VAT are no items; "Thẻ:" is a Vietnamese card tender.
        "ko-taxable-sums",
        "행복마트\n2026-01-16 22:18\n새우깡 90g   1,700   1   1,700\n계란 10구   4,500   1   4,500\n"
        "과세물품   1,545\n부가세   155\n면세물품   4,500\n합계   6,200원\n신용카드   6,200\n",
        "euc-kr",
        b"",
        "korean-80mm",
        lambda tx: tx.status == "ok" and len(tx.items) == 2 and tx.total == D(6200),
    ),
    (
        "vi-card",
        "Cà Phê Sáng\nNgày: 01/01/2026 22:10\nSinh tố bơ   3   49.000   147.000\n"
        "Bánh flan   1   20.000   20.000\nTổng cộng:   167.000 đ\nThẻ:   167.000\n",
        "tcvn3",
        b"\x1bt\x1e",  # ESC t 30: TCVN-3
        "generic-80mm",
        lambda tx: tx.status == "ok" and [p.method for p in tx.payments] == ["card"],
    ),
    (
        # A unit price alone under its item ("à 4,90"); Bankomat, Austria's debit card.
        "unit-price-under-its-item",
        R(
            "Café Hofbauer",
            "Datum: 13.06.2026 13:57",
            "2 x Heiße Schokolade   9,80 A",
            "      à 4,90",
            "1 x Kleiner Brauner   3,40 A",
            "Summe EUR   13,20",
            "Bankomat   13,20",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.quantity, i.unit_price) for i in tx.items]
            == [("Heiße Schokolade", 2, D("4.90")), ("Kleiner Brauner", 1, D("3.40"))]
            and [(p.method, p.amount) for p in tx.payments] == [("card", D("13.20"))]
        ),
    ),
    (
        # A weight marked net under its name; the "^" of taxed lines is no part of a name; a cash rounding
        # is no discount, so the savings under the total are the items' own again.
        "net-weight-mark-and-rounding",
        R(
            "COASTAL FRESH",
            "27/01/2026 20:47",
            "  Bananas Cavendish",
            "    0.318 kg NET @ $4.90/kg   $1.56",
            "^ Greek Yoghurt 1kg   $6.50",
            "    1/2 PRICE SPECIAL   -$3.25",
            "SUBTOTAL   $4.81",
            "ROUNDING   -$0.01",
            "TOTAL   $4.80",
            "CASH   $5.00",
            "CHANGE   $0.20",
            "TOTAL SAVINGS   $3.25",
        ),
        "cp437",
        b"",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.amount, i.discount) for i in tx.items]
            == [("Bananas Cavendish", D("1.56"), None), ("Greek Yoghurt 1kg", D("6.50"), D("-3.25"))]
            and tx.items[0].quantity == D("0.318")
        ),
    ),
    (
        # Yen: the price before its count ("￥1,200 × 2"); an amount off under an unknown name between the
        # subtotal and the total; a card's digits after its mask are no payment.
        "yen-price-first-voucher-and-mask",
        R(
            "純喫茶 こもれび",
            "2026年10月13日 21:35",
            "コーヒー豆 ブレンド200g   ￥2,400",
            "      ￥1,200 × 2",
            "小計   ￥2,400",
            "サービス券   -￥100",
            "合計   ￥2,300",
            "交通系IC   ￥2,300",
            "  Suica  JE80 **** **** 1641",
        ),
        "shift_jis",
        b"\x1c&",
        "japanese-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.quantity, i.unit_price, i.amount) for i in tx.items] == [(2, D(1200), D(2400))]
            and [(d.label, d.amount) for d in tx.discounts] == [("サービス券", D(-100))]
            and [p.amount for p in tx.payments] == [D(2300)]
        ),
    ),
    (
        # A rate in parentheses after the name; "DESC. PAGO EFECTIVO" is a discount, not a cash tender;
        # "IVA Contenido" is included; a card slip's "Cupón: 0110  Aut.: 129030" is no discount.
        "ar-rate-column-and-cash-discount",
        R(
            "ALMACEN DON TITO",
            "Fecha: 24/11/2026   Hora: 15:37:11",
            "1,000 x 1.350,00",
            "GALLETITAS CRIOLLITAS   (21,00)   1.350,00",
            "SUBTOTAL   $ 1.350,00",
            "DESC. PAGO EFECTIVO 10% (21,00)   -135,00",
            "TOTAL   $ 1.215,00",
            "Efectivo   $ 1.215,00",
            "Lote: 030  Cupón: 0110  Aut.: 129030",
            "IVA Contenido   $ 210,87",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [i.name for i in tx.items] == ["GALLETITAS CRIOLLITAS"]
            and [d.amount for d in tx.discounts] == [D("-135.00")]
            and [(p.method, p.amount) for p in tx.payments] == [("cash", D("1215.00"))]
        ),
    ),
    (
        # A pharmacy's two-row table heading: each item's name over its pack size and numbers; 医保 pays;
        # "满100减10" under the first total is an amount off; 实收 restates the tenders' sum.
        "cn-pharmacy-spec-rows",
        R(
            "益康大药房",
            "时间: 2026-08-26 10:15:35",
            "商品名称                 类别",
            "规格        数量   单价    金额",
            "黄芪片                   自费",
            "统货/克      250   0.32   80.00",
            "氯雷他定片               乙类",
            "10mg*6片       2  24.00   48.00",
            "合计金额:               128.00",
            "满100减10:              -10.00",
            "应收金额:               118.00",
            "医保个人账户:           100.00",
            "  个人账户余额:        1407.35",
            "微信支付:                18.00",
            "实收金额:               118.00",
        ),
        "gb18030",
        b"\x1c&",
        "chinese-80mm",
        lambda tx: (
            tx.status == "ok"
            and [i.name for i in tx.items] == ["黄芪片", "氯雷他定片"]
            and tx.total == D("118.00")
            and [(p.method, p.amount) for p in tx.payments]
            == [("other", D("100.00")), ("wechat", D("18.00"))]
        ),
    ),
    (
        # Québec's tenders (Comptant, Débit, Crédit); a Swiss Zwischentotal and TWINT.
        "fr-ca-and-swiss-tenders",
        R(
            "DEPANNEUR CHEZ LUC",
            "2026-06-09 09:17:43",
            "CAFE FILTRE MOYEN   2,25",
            "SOUS-TOTAL   2,25 $",
            "TOTAL   2,25 $",
            "Débit   1,00 $",
            "Comptant   1,25 $",
        ),
        "cp863",
        b"\x1bt\x04",
        "generic-80mm",
        lambda tx: [(p.method, p.amount) for p in tx.payments] == [("card", D("1.00")), ("cash", D("1.25"))],
    ),
    (
        # A Polish receipt's printout counter ("nr wydr.") yields to its receipt number ("Paragon nr");
        # "1 szt. x 22,90" under its name, the unit ending in a full stop.
        "pl-printout-and-receipt-number",
        R(
            "APTEKA POD ORLEM",
            "2026-03-01 15:37           nr wydr. 141398",
            "PARAGON FISKALNY",
            "Vitaminum D3 2000 j.m. 60 kaps.",
            "                1 szt. x 22,90     22,90 B",
            "SUMA PLN   22,90",
            "Gotówka   22,90 PLN",
            "Paragon nr 05914            #Kasa 1  15:37",
        ),
        "cp852",
        b"\x1bt\x12",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and tx.receipt_no == "05914"
            and [(i.name, i.quantity) for i in tx.items] == [("Vitaminum D3 2000 j.m. 60 kaps.", 1)]
        ),
    ),
    (
        # Belgium's Bancontact and meal vouchers; a count before a name that starts with a size.
        "be-tenders-and-a-size-first-name",
        R(
            "FRITUUR 'T HOEKSKE",
            "Datum: 07/12/2026 19:42",
            "2 x  175ml House Red   15,00",
            "Totaal   € 15,00",
            "Monizze maaltijdcheque   € 10,80",
            "Bancontact   € 4,20",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.quantity) for i in tx.items] == [("175ml House Red", 2)]
            and [(p.method, p.amount) for p in tx.payments] == [("other", D("10.80")), ("card", D("4.20"))]
        ),
    ),
    (
        # An item's discount whose label holds a tender's word ("Dto. Tarjeta Cliente") with more items
        # below; a card slip's authorisation number under the card's tender is no payment.
        "es-item-discount-and-slip-number",
        R(
            "FARMACIA LICENCIADA GARCIA",
            "Fecha: 28/06/2026 20:10",
            "170845  EUCERIN UREA REPAIR 250ML",
            "                2    15,60   21%     31,20",
            "        Dto. Tarjeta Cliente 10%     -3,12",
            "660377  FRENADOL COMPLEX 10 SOBRES",
            "                1     9,25    4%      9,25",
            "TOTAL   37,33 €",
            "TARJETA   37,33 €",
            "  AUT: 096498  CONTACTLESS",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.discount) for i in tx.items]
            == [("EUCERIN UREA REPAIR 250ML", D("-3.12")), ("FRENADOL COMPLEX 10 SOBRES", None)]
            and [p.amount for p in tx.payments] == [D("37.33")]
        ),
    ),
    (
        # A hotpot bill: counts per guest, pot and plate (2位, 1锅, 2盘); 消费合计 is the items' sum.
        "cn-hotpot-count-units",
        R(
            "蜀香老灶火锅",
            "结账时间: 2026-11-24 21:25:33",
            "茶位费                2位    3.00     6.00",
            "清油麻辣锅            1锅   58.00    58.00",
            "时蔬拼盘              2盘   22.00    44.00",
            "消费合计:                           108.00",
            "应收金额:                         ￥108.00",
            "微信支付:                           108.00",
        ),
        "gb18030",
        b"\x1c&",
        "chinese-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.quantity) for i in tx.items]
            == [("茶位费", 2), ("清油麻辣锅", 1), ("时蔬拼盘", 2)]
            and tx.subtotal == D("108.00")
        ),
    ),
    (
        # A fuel station's footer offer below the tenders is no discount of this sale; OK캐쉬백 pays.
        "kr-footer-offer-and-points",
        R(
            "행복주유소",
            "거래일시: 2026/09/23 07:20:09",
            "휘발유              1,699  35.315   60,000",
            "합계금액                            60,000",
            "OK캐쉬백 사용                        1,000",
            "신용카드                            59,000",
            "   주유 3만원 이상 자동세차 4,000원 할인",
        ),
        "cp949",
        b"\x1c&",
        "korean-80mm",
        lambda tx: (
            tx.status == "ok"
            and not tx.discounts
            and [(p.method, p.amount) for p in tx.payments] == [("other", D(1000)), ("card", D(59000))]
        ),
    ),
    (
        # Singapore: Bill No, S$ (day first), a service charge abbreviated, NETS and PayNow.
        "sg-bill",
        R(
            "KOPI & CO.",
            "Bill No: 680293",
            "Date: 03/10/2026 7:59 PM",
            "1   Mee Siam   6.50",
            "Sub Total   6.50",
            "Svc Chg 10%   0.65",
            "GST 9%   0.64",
            "Rounding   0.01",
            "Total   S$7.80",
            "NETS   5.00",
            "PayNow   2.80",
        ),
        "cp437",
        b"",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and (tx.receipt_no, tx.currency, tx.datetime) == ("680293", "SGD", "2026-10-03T19:59:00")
            and [p.method for p in tx.payments] == ["card", "other"]
        ),
    ),
    (
        # A tip's word in an item's name above the subtotal; a "# " mark before a name; an IRD number says
        # New Zealand (NZD, day first).
        "nz-dairy",
        R(
            "KOWHAI DAIRY",
            "GST No: 118-452-307",
            "12/10/2026 10:07 AM",
            "  TIP TOP SUPERSOFT   $3.80",
            "# SKINNY TOP UP $10   $10.00",
            "Subtotal   $13.80",
            "TOTAL   $13.80",
            "EFTPOS   $13.80",
        ),
        "cp437",
        b"",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [i.name for i in tx.items] == ["TIP TOP SUPERSOFT", "SKINNY TOP UP $10"]
            and (tx.currency, tx.datetime) == ("NZD", "2026-10-12T10:07:00")
        ),
    ),
    (
        # A Mexican subtotal net of the taxes the prices hold (IEPS and IVA below it); a charity rounding
        # added; VALES pay; "CADENA" names no Canadian dollar, the RFC says pesos.
        "mx-subtotal-net-of-taxes",
        R(
            "CADENA COMERCIAL SIETE ESQUINAS",
            "RFC: CCS950321AB4",
            "FECHA: 12/06/2026 18:47:44",
            "   3 JUMEX MANGO 450ML    22.50    67.50 C",
            "   1 AGUA CIEL 1L         15.90    15.90 A",
            "SUBTOTAL   $70.03",
            "IEPS   $1.87",
            "IVA 16%   $11.50",
            "REDONDEO (DONATIVO)   $0.60",
            "TOTAL   $84.00",
            "VALES   $50.00",
            "EFECTIVO   $34.00",
        ),
        "cp850",
        b"\x1bt\x02",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and tx.currency == "MXN"
            and [(p.method, p.amount) for p in tx.payments] == [("other", D(50)), ("cash", D(34))]
        ),
    ),
    (
        # A card slip's "1/2" under two card tenders is no third; a reduced-rate mark in a column of its own.
        "kr-two-slips-and-jp-mark-column",
        R(
            "돈마루",
            "판매일시: 2026-12-07 19:41",
            "생삼겹살(1인분)       16,000    2   32,000",
            "합계금액                            32,000",
            "신용카드                            16,000",
            "신용카드                            16,000",
            "[신용카드 매출전표 1/2]",
            "승인금액                            16,000",
        ),
        "cp949",
        b"\x1c&",
        "korean-80mm",
        lambda tx: tx.status == "ok" and [p.amount for p in tx.payments] == [D(16000), D(16000)],
    ),
    (
        # A Geneva pharmacy: "Quittance n°", a gift voucher and PostFinance Card (a debit card).
        "ch-quittance-and-tenders",
        R(
            "PHARMACIE DU MOLARD",
            "Quittance n° 432689                     Caisse 3",
            "09.06.2026 16:38",
            "STREPSILS miel citron 24 pce             10.50 B",
            "Total CHF                                  10.50",
            "Bon cadeau                                  5.00",
            "PostFinance Card                            5.50",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and tx.receipt_no == "432689"
            and [(p.method, p.amount) for p in tx.payments] == [("other", D("5.00")), ("card", D("5.50"))]
        ),
    ),
    (
        # Italy's nature code and a tax class's letter in a column of their own are no part of the name.
        "it-pt-tax-columns",
        R(
            "TABACCHERIA",
            "11-06-2026 16:32",
            "LA STAMPA                   N2        1,90",
            "ÁGUA LUSO 150CL                 A     0,55",
            "TOTALE COMPLESSIVO                    2,45",
            "PAGAMENTO CONTANTE                    2,45",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: tx.status == "ok" and [i.name for i in tx.items] == ["LA STAMPA", "ÁGUA LUSO 150CL"],
    ),
    (
        # A noodle shop: 满减 under 合计, a packing fee, 实付 what is due, points no money, paid online.
        "cn-noodles",
        R(
            "老上海面馆",
            "下单时间: 2026-12-20 15:07:39",
            "葱油拌面               15.00   x2    30.00",
            "合计:                                30.00",
            "满减(满25减3):                       -3.00",
            "打包费:                               2.00",
            "实付:                              ￥29.00",
            "线上已付:                            29.00",
            "本次积分:                               29",
        ),
        "gb18030",
        b"\x1c&",
        "chinese-80mm",
        lambda tx: (
            tx.status == "ok"
            and (tx.subtotal, tx.total) == (D("30.00"), D("29.00"))
            and [(p.method, p.amount) for p in tx.payments] == [("other", D("29.00"))]
        ),
    ),
    (
        # A set meal's name over the note of its dishes, and its quantity line.
        "ru-set-meal-note",
        R(
            "СТОЛОВАЯ №5",
            "07.12.2026 13:05",
            "Комплексный обед №1",
            " (салат, суп, котлета с пюре, компот)",
            "  1 шт х 290.00                    =290.00",
            "ИТОГ                               =290.00",
            "НАЛИЧНЫМИ                          =290.00",
        ),
        "cp866",
        b"\x1bt\x11",
        "generic-80mm",
        lambda tx: tx.status == "ok" and [i.name for i in tx.items] == ["Комплексный обед №1"],
    ),
    (
        # A bookstore: each name over its code, count and amount, one name ending in a number; a book
        # voucher ("図書カードNEXT", not the カード in it) and points pay; a card's balance is no payment.
        "jp-bookstore",
        R(
            "文栄堂書店",
            "2026年03月12日(木) 16:25",
            "ONE PIECE 112",
            "  4910234560128              1点      ￥550",
            "成瀬は天下を取りにいく",
            "  9784103549512              1点    ￥1,705",
            "合計                                ￥2,255",
            "図書カードNEXT                        ￥500",
            "  カード残高                            ￥0",
            "楽天ポイント利用                      ￥100",
            "お預り                              ￥2,000",
            "お釣り                                ￥345",
        ),
        "shift_jis",
        b"\x1c&",
        "japanese-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.amount) for i in tx.items]
            == [("ONE PIECE 112", D(550)), ("成瀬は天下を取りにいく", D(1705))]
            and [(p.method, p.amount) for p in tx.payments]
            == [("other", D(500)), ("other", D(100)), ("cash", D(2000))]
        ),
    ),
    (
        # Position numbers before every name (a mark beside some), and a count of the items no item.
        "kr-position-numbers",
        R(
            "누리마트",
            "2026-12-07 19:41:22",
            "01  신라면 5입                8,960",
            "02* 서울우유 1L               5,980",
            "총 품목 수량                      2",
            "합계                         14,940",
            "현금                         20,000",
            "거스름돈                      5,060",
        ),
        "cp949",
        b"\x1c&",
        "korean-80mm",
        lambda tx: tx.status == "ok" and [i.name for i in tx.items] == ["신라면 5입", "서울우유 1L"],
    ),
    (
        # A butcher's scale till: the seller before every name; meal vouchers in the plural; BC's PST 10 %.
        "fr-butcher-sellers",
        R(
            "BOUCHERIE",
            "Ticket N° 074468          18/04/2026 18:51",
            "V4 CHIPOLATAS                         3,49",
            "V1 POULET ROTI FERMIER               14,50",
            "TOTAL                             17,99 €",
            "Tickets restaurant                   10,00",
            "Espèces                               7,99",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [i.name for i in tx.items] == ["CHIPOLATAS", "POULET ROTI FERMIER"]
            and [p.method for p in tx.payments] == ["other", "cash"]
        ),
    ),
    (
        # A count line before its item, under another item's flavours (no amount of their own).
        "it-gelato-count-before-item",
        R(
            "GELATERIA",
            "14-11-2026 12:27",
            "COPPETTA MEDIA              10%       3,20",
            "   LIMONE",
            "   CAFFÈ",
            "2 x 1,20",
            "CAFFÈ                       10%       2,40",
            "TOTALE COMPLESSIVO                    5,60",
            "PAGAMENTO CONTANTE                    5,60",
        ),
        "cp858",
        b"\x1bt\x13",
        "generic-80mm",
        lambda tx: (
            tx.status == "ok"
            and [(i.name, i.quantity, i.amount) for i in tx.items]
            == [("COPPETTA MEDIA", 1, D("3.20")), ("CAFFÈ", 2, D("2.40"))]
        ),
    ),
]


@pytest.mark.parametrize(
    ("body", "encoding", "table", "printer", "check"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_what_the_templates_taught(
    body: str, encoding: str, table: bytes, printer: str, check: Callable[[Transaction], bool]
) -> None:
    tx = _read(body, encoding, table, printer)
    assert check(tx), (
        tx.status,
        tx.total,
        tx.subtotal,
        [(i.name, i.quantity, i.unit_price, i.amount, i.discount) for i in tx.items],
        tx.payments,
        tx.discounts,
        tx.taxes,
        tx.issues,
    )


def test_a_sale_whose_date_is_not_read_is_not_ok() -> None:
    tx = _read("SHOP\nTea   3.00\nTOTAL   3.00\nCASH   3.00\n")
    assert tx.status == "needs_review" and [r.check for r in tx.reasons] == ["no_datetime"]


def test_a_named_month_with_a_two_digit_year_and_a_tses_seconds() -> None:
    assert read_datetime([(0, "24-Feb-26 20:29   STORE 7160")]).value == "2026-02-24T20:29:00"
    assert read_datetime([(0, "2 JAN 26 x")]).value is None  # no hyphens or slashes: a count, not a date
    lines = [(0, "23.12.2026 07:58   Bon-Nr. 0217"), (1, "TSE-Ende: 2026-12-23T07:58:37.000")]
    assert read_datetime(lines).value == "2026-12-23T07:58:37"


@pytest.mark.parametrize(
    ("header", "encoding", "number"),
    [
        ("STR 0412  REG 03  TRN 7215", "cp437", "7215"),  # the register is no receipt number
        ("Order #13   Table 4", "cp437", "13"),
        ("Check #1160      Guests: 3", "cp437", "1160"),
        ("Ticket 000710   Caisse 1", "cp437", "000710"),  # leading zeros as printed
        ("FACTURA SIMPLIFICADA  Nº T1/009820", "cp858", "T1/009820"),
        ("Ticket Nro. 4711", "cp437", "4711"),
        ("Fatura simplificada FS 2026/6671", "cp437", "FS 2026/6671"),  # a series before the number
        ("N.º: FS A2026/1403", "cp858", "FS A2026/1403"),  # the number sign as the only label
        ("СЧЕТ № 7193", "cp866", "7193"),
        ("Adisyon No: 3109", "cp437", "3109"),
        ("ORDER #  12.50", "cp437", None),  # an amount is no receipt number
        ("Order type: take away", "cp437", None),
    ],
)
def test_the_receipt_number_is_read_under_its_label(header: str, encoding: str, number: str | None) -> None:
    table = {"cp858": b"\x1bt\x13", "cp866": b"\x1bt\x11"}.get(encoding, b"")
    body = R("SHOP", "12/06/2026 10:15", header, "Tea   3.00", "TOTAL   3.00", "CASH   3.00")
    tx = _read(body, encoding, table)
    assert tx.receipt_no == number


def test_of_two_labels_on_a_line_the_longer_names_the_receipt() -> None:
    # "責No." is the person in charge, "取引No." the transaction
    # (whichever of the two the set of found words lists first).
    numbers = "レジ番号 0003   責No.0217   取引No.1195"
    body = R("スーパー", "2026年12月06日 10:15", numbers, "お茶 ¥300", "合計 ¥300")
    tx = _read(body, "shift_jis", b"\x1c&", "japanese-80mm")  # FS &: kanji mode
    assert tx.total == D(300) and tx.receipt_no == "1195"


@pytest.mark.parametrize(
    ("address", "currency"),
    [
        ("123 MAIN ST", None),  # "$" alone: a dozen countries' sign; the store's configuration decides
        ("SPRINGFIELD, IL 62704", "USD"),
        ("Toronto, ON M6G 1L1", "CAD"),
        ("Marrickville NSW 2204", "AUD"),
        ("RFC: TSO850101AB1", "MXN"),
    ],
)
def test_which_dollar_the_address_says(address: str, currency: str | None) -> None:
    tx = _read(R("SHOP", address, "12/28/2026 10:15", "Tea   $3.00", "TOTAL   $3.00", "CASH   $3.00"))
    assert tx.currency == currency


def test_a_thai_month_name_and_a_buddhist_year() -> None:
    assert read_datetime([(0, "วันที่: 18 ก.ย. 2569 13:03")]).value == "2026-09-18T13:03:00"
    assert read_datetime([(0, "7 ธันวาคม 2569 08:15")]).value == "2026-12-07T08:15:00"


def test_a_swiss_subtotal_and_twint() -> None:
    body = R("BAECKEREI", "Datum: 20.11.2026 08:07", "Gipfeli   2 x 1.80   3.60", "Zwischentotal   3.60")
    tx = _read(body + R("Total CHF   3.60", "TWINT   3.60"))
    assert tx.status == "ok" and tx.subtotal == D("3.60") and [p.method for p in tx.payments] == ["other"]


def test_seconds_printed_as_00_are_seconds_and_a_tses_end_is_the_sales_moment() -> None:
    nfce = [(0, "Emissão: 21/04/2026 10:24:00"), (1, "Data de Autorização: 21/04/2026 10:24:04")]
    assert read_datetime(nfce).value == "2026-04-21T10:24:00"
    tse = [
        (0, "15.04.2026 15:51"),
        (1, "TSE-Start: 2026-04-15T15:51:11"),
        (2, "TSE-Ende: 2026-04-15T15:51:38"),
    ]
    assert read_datetime(tse).value == "2026-04-15T15:51:38"


def test_a_unit_set_apart_from_its_times_sign() -> None:
    body = R(
        "DROGARIA",
        "Emissão: 21/04/2026 10:24:00",
        "OMEPRAZOL 20MG 28 CÁPSULAS",
        "     1 UN    x 17,90      17,90",
    )
    tx = _read(body + R("Valor a Pagar R$   17,90", "Dinheiro   17,90"), "cp860", b"\x1bt\x03")
    assert tx.status == "ok" and [(i.name, i.unit_price) for i in tx.items] == [
        ("OMEPRAZOL 20MG 28 CÁPSULAS", D("17.90"))
    ]


def test_a_reduced_rate_mark_in_its_own_column_is_no_part_of_the_name() -> None:
    body = R(
        "すし丸",
        "2026/12/07(月) 18:55",
        "持帰 いなり寿司4個     ※     1     ￥432",
        "合計   ￥432",
        "お預り   ￥500",
    )
    tx = _read(body + R("お釣り   ￥68"), "shift_jis", b"\x1c&", "japanese-80mm")
    assert tx.status == "ok" and [i.name for i in tx.items] == ["持帰 いなり寿司4個"]


def test_a_dong_name_ending_in_a_number_over_its_numbers_and_no_receipt_number_inside_a_word() -> None:
    # "Kinh Đô" holds no "HĐ"; TCVN-3 prints Đ from its capitals table (ESC t 31), the rest from ESC t 30.
    def vn(text: str) -> bytes:
        return b"".join(
            b"\x1bt\x1f" + ch.encode("tcvn3_capitals") + b"\x1bt\x1e" if ch == "Đ" else ch.encode("tcvn3")
            for ch in text
        )

    lines = [
        "Bách hóa",
        "Mã HĐ: HD0123456",
        "07/12/2026 20:05",
        "Trứng gà Ba Huân hộp 10",
        "8936140001015               2 x 35.000    70.000",
        "Bánh mì tươi Kinh Đô",
        "8934544001129               4 x 12.000    48.000",
        "Tổng thanh toán:                        118.000đ",
        "Tiền mặt:                               118.000",
    ]
    body = b"\x1b@\x1bt\x1e" + b"".join(vn(ln) + b"\n" for ln in lines) + b"\x1dV\x00"
    tx = parse_bytes(body, PROFILES["generic-80mm"])
    assert tx.status == "ok" and tx.receipt_no == "HD0123456"
    assert [(i.name, i.amount) for i in tx.items] == [
        ("Trứng gà Ba Huân hộp 10", D(70000)),
        ("Bánh mì tươi Kinh Đô", D(48000)),
    ]
