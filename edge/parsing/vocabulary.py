"""The words receipts use, per field, in the languages the generic parser reads without configuration:
Chinese, English, German, Japanese, Korean, and the labels of French, Spanish, Italian, Dutch, Polish,
Russian and Thai receipts (totals, tenders, change, tax, discounts). A POS profile adds its own."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

PAYMENT_METHODS = ("cash", "card", "wechat", "alipay", "unionpay", "other")


@dataclass(frozen=True)
class Vocabulary:
    total: tuple[str, ...] = (
        "合计",
        "总计",
        "应收",
        "应付",
        "合計",
        "総計",
        "お買上計",
        "TOTAL",
        "GESAMT",
        "SUMME",
        "ZU ZAHLEN",
        "BETRAG",
        "AMOUNT DUE",
        "BALANCE DUE",
        "합계",
        "받을금액",
        "TOTAL TTC",
        "NET A PAYER",
        "NET À PAYER",
        "TOTALE",
        "TOTALE COMPLESSIVO",
        "TOTAAL",
        "TE BETALEN",
        "SUMA",
        "SUMA PLN",
        "DO ZAPŁATY",
        "ИТОГ",
        "ИТОГО",
        "К ОПЛАТЕ",
        "รวม",
        "รวมทั้งสิ้น",
        "ยอดรวม",
        "ยอดสุทธิ",
    )
    subtotal: tuple[str, ...] = (
        "小计",
        "小計",
        "SUBTOTAL",
        "SUB TOTAL",
        "SUB-TOTAL",
        "ZWISCHENSUMME",
        "ZW-SUMME",
        "SOUS-TOTAL",
        "SOUS TOTAL",
        "SUBTOTALE",
        "SUBTOTAAL",
        "ПОДЫТОГ",
    )
    change: tuple[str, ...] = (
        "找零",
        "找赎",
        "お釣り",
        "お釣",
        "おつり",
        "釣銭",
        "CHANGE",
        "RÜCKGELD",
        "RUECKGELD",
        "WECHSELGELD",
        "거스름",
        "RENDU",
        "RENDU MONNAIE",
        "MONNAIE RENDUE",
        "A RENDRE",
        "CAMBIO",
        "RESTO",
        "WISSELGELD",
        "TERUG",
        "RESZTA",
        "СДАЧА",
        "เงินทอน",
        "TROCO",
        "VUELTO",
    )
    # Informational sums that are none of the above (net of tax, taxable base): read past, never a total.
    ignore: tuple[str, ...] = (
        "과세합계",
        "UMSATZ",
        "NETTO",
        "NET AMOUNT",
        "税抜",
        "対象",
        "EXKL",
        "ITEMS SOLD",
        "件数",
        "点数",
        "SAVED",
        "OPODATKOWANA",  # "Sprzedaż opodatkowana A": the taxable base of class A
        "SUMA PTU",
        "받은돈",  # "received": the sum of the tenders listed under it
        "과세물품가액",
        "물품가액",
    )
    discount: tuple[str, ...] = (
        "优惠",
        "折扣",
        "折让",
        "减免",
        "値引",
        "割引",
        "DISCOUNT",
        "COUPON",
        "RABATT",
        "NACHLASS",
        "SAVINGS",
        "할인",
        "REMISE",
        "DESCUENTO",
        "SCONTO",
        "KORTING",
        "RABAT",
        "СКИДКА",
        "ส่วนลด",
    )
    tax: tuple[str, ...] = (
        "MWST",
        "MWST.",
        "UST",
        "消費税",
        "内消費税",
        "外税",
        "内税",
        "税额",
        "税金",
        "TAX",
        "VAT",
        "GST",
        "부가세",
        "TVA",
        "IVA",
        "BTW",
        "PTU",
        "НДС",
        "ภาษีมูลค่าเพิ่ม",
        "MOMS",
    )
    # "dont TVA", "di cui IVA", "IVA incluida", "в т.ч. НДС": the tax is in the total.
    tax_included_markers: tuple[str, ...] = (
        "内",
        "INKL",
        "INCL",
        "ENTH",
        "含",
        "DONT",
        "DI CUI",
        "INCLUID",
        "INCLUS",
        "В Т.Ч.",
        "ВКЛЮЧ",
        "PTU",  # Polish fiscal receipts: the PTU is always in the prices
    )
    tender: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "wechat": ("微信", "WECHAT", "WEIXIN"),
            "alipay": ("支付宝", "ALIPAY"),
            "unionpay": ("银联", "云闪付", "UNIONPAY"),
            "card": (
                "刷卡",
                "银行卡",
                "信用卡",
                "クレジット",
                "カード",
                "VISA",
                "MASTERCARD",
                "MASTER CARD",
                "AMEX",
                "CARD",
                "DEBIT",
                "CREDIT",
                "EC-KARTE",
                "EC KARTE",
                "GIROCARD",
                "KARTE",
                "카드",
                "EFTPOS",
                "PAGAMENTO ELETTRONICO",
                "ELETTRONICO",
                "CB",
                "CARTE",
                "CARTE BANCAIRE",
                "TARJETA",
                "CARTA",
                "BANCOMAT",
                "PIN",
                "PINNEN",
                "KARTA",
                "КАРТА",
                "БЕЗНАЛИЧНЫЕ",
                "БЕЗНАЛИЧНЫМИ",  # "non-cash": its "НАЛИЧНЫМИ" is cash, the longer word wins
                "БЕЗНАЛ",
                "บัตรเครดิต",
                "CARTÃO",
            ),
            "cash": (
                "现金",
                "實收",
                "实收",
                "收款",
                "お預り",
                "お預かり",
                "預り",
                "現金",
                "CASH",
                "BAR",
                "GEGEBEN",
                "TENDERED",
                "현금",
                "CONTANTE",
                "PAGAMENTO CONTANTE",
                "ESPECES",
                "ESPÈCES",
                "EFECTIVO",
                "CONTANTI",
                "CONTANT",
                "GOTÓWKA",
                "GOTOWKA",
                "НАЛИЧНЫЕ",
                "НАЛИЧНЫМИ",
                "เงินสด",
                "DINHEIRO",
            ),
            "other": ("GUTSCHEIN", "GIFT CARD", "VOUCHER", "储值卡", "购物卡", "商品券"),
        }
    )
    member: tuple[str, ...] = (
        "会员号",
        "会员卡",
        "会员",
        "會員",
        "会員",
        "MEMBER",
        "KUNDENNR",
        "KUNDEN-NR",
        "KUNDENKARTE",
        "LOYALTY",
        "회원",
    )
    receipt_no: tuple[str, ...] = (
        "单号",
        "流水号",
        "小票号",
        "票号",
        "单据号",
        "レシート",
        "伝票",
        "RECEIPT NO",
        "RECEIPT #",
        "TR#",
        "TRANS#",
        "BELEG-NR",
        "BELEGNR",
        "RG.-NR",
        "RG-NR",
        "RECHNUNGSNR",
        "RECHNUNG NR",
        "BON-NR",
        "BON NR",
        "BON",
        "NO.",
        "영수증번호",
    )
    cashier: tuple[str, ...] = (
        "收银员",
        "收银",
        "操作员",
        "担当",
        "レジ担当",
        "CASHIER",
        "SALES ASSOCIATE",
        "OPERATOR",
        "KASSIERER",
        "BEDIENER",
        "BEDIENUNG",
        "캐셔",
        "CAISSIER",
        "CAISSIÈRE",
        "CAJERO",
        "CASSIERE",
        "KASSIER",
        "KASJER",
        "КАССИР",
        "พนักงาน",
    )
    refund: tuple[str, ...] = (
        "退货",
        "退款",
        "返品",
        "返金",
        "REFUND",
        "RETURN",
        "STORNO",
        "RÜCKGABE",
        "RETOURE",
        "환불",
        "REMBOURSEMENT",
        "DEVOLUCIÓN",
        "RESO",
        "ВОЗВРАТ",
        "คืนเงิน",
    )
    void: tuple[str, ...] = ("作废", "取消交易", "VOID", "CANCELLED", "ABBRUCH", "取消")
    reprint: tuple[str, ...] = (
        "重打印",
        "重印",
        "补打",
        "再発行",
        "REPRINT",
        "COPY",
        "DUPLICATE",
        "KOPIE",
        "DUPLIKAT",
        "재발행",
    )
    non_sale: tuple[str, ...] = (
        "X-REPORT",
        "X REPORT",
        "Z-REPORT",
        "Z REPORT",
        "Z-BERICHT",
        "X-BERICHT",
        "TAGESABSCHLUSS",
        "日结",
        "交班",
        "厨房",
        "KITCHEN",
        "KÜCHE",
        "TEST PRINT",
        "SELF TEST",
        "测试页",
        "点菜单",
        "GETRÄNKE",
        "TISCH",
        "精算",
        "点検",
    )

    # The headings of the item table's columns: a line of two or more of them is where the items begin, so
    # what stands above it (an address ending in a house number) is header, not an item.
    column_heads: tuple[str, ...] = (
        "상품명",
        "수량",
        "금액",
        "단가",
        "品名",
        "商品名",
        "数量",
        "數量",
        "单价",
        "單價",
        "金额",
        "金額",
        "QTY",
        "QTE",
        "QTÉ",
        "DESIGNATION",
        "DÉSIGNATION",
        "DESCRIPTION",
        "DESCRIZIONE",
        "OMSCHRIJVING",
        "AANT",
        "MONTANT",
        "PREZZO",
        "ARTIKEL",
        "MENGE",
        "PREIS",
    )
    # Labels of header lines that are not fields of the transaction (address, phone, card authorisation,
    # the shop's tax and company numbers: "VAT No." is no VAT amount, the longer word wins).
    header: tuple[str, ...] = (
        "TEL",
        "电话",
        "地址",
        "PHONE",
        "AUTH",
        "대표",
        "주소",
        "住所",
        "ADDRESS",
        "ADRESSE",
        "STR.",
        "UST-IDNR",
        "VAT NO",
        "VAT NO.",
        "VAT REG",
        "GST NO",
        "ABN",
        "SIRET",
        "TVA INTRA",
        "P.IVA",
        "P. IVA",
        "PARTITA IVA",
        "NIP",
        "ИНН",
        "BTW-NR",
        "BTW NR",
        "KVK",
        "CIF",
        "NIF",
        "統一編號",
        "统一编号",
    )

    @cached_property
    def word_fields(self) -> dict[str, frozenset[str]]:
        """Upper-cased word -> the fields it labels ("tender:cash" for tender words)."""
        out: dict[str, set[str]] = {}
        for name, value in self.__dict__.items():
            if name == "tender":
                for method, words in value.items():
                    for w in words:
                        out.setdefault(w.upper(), set()).add(f"tender:{method}")
            elif isinstance(value, tuple):
                for w in value:
                    out.setdefault(w.upper(), set()).add(name)
        return {w: frozenset(f) for w, f in out.items()}

    def fields_of(self, found: set[str]) -> frozenset[str]:
        """Every field the words found in a line label."""
        if not found:
            return _NO_FIELDS
        table = self.word_fields
        fields: set[str] = set()
        for w in found:
            fields |= table.get(w, _NO_FIELDS)
        return frozenset(fields)

    @cached_property
    def column_head_words(self) -> frozenset[str]:
        return frozenset(w.upper() for w in self.column_heads)

    @cached_property
    def all_words(self) -> tuple[str, ...]:
        """Every word of every field, for the one-pass line index (computed once per vocabulary)."""
        words: list[str] = []
        for name, value in self.__dict__.items():
            if name == "tender":
                for method_words in value.values():
                    words.extend(method_words)
            elif isinstance(value, tuple):
                words.extend(value)
        return tuple(words)

    def extend(self, **words: tuple[str, ...]) -> Vocabulary:
        """A copy with more words for some fields (a profile's own vocabulary comes first)."""
        changes: dict[str, object] = {}
        for name, extra in words.items():
            if name == "tender":
                continue
            current = getattr(self, name)
            changes[name] = tuple(extra) + tuple(w for w in current if w not in extra)
        return replace(self, **changes)  # type: ignore[arg-type]


_NO_FIELDS: frozenset[str] = frozenset()
DEFAULT = Vocabulary()
