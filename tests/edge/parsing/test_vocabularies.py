"""The generic parser's words as data (edge/parsing/vocabularies/<language>.toml): every language tag has
its file, the default vocabulary is exactly the union of the files, a file's every problem is one line
naming the file and the key, and the words of each language label the lines they should (through the
same line index and field lookup the parser uses)."""

from __future__ import annotations

import tomllib
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from edge.escpos.document import Document, Run, Style, TextLine
from edge.parsing.generic import parse_document
from edge.parsing.lines import Line, document_lines, find_label, index_words, value_after
from edge.parsing.vocabulary import (
    BUNDLED,
    DEFAULT,
    LANGUAGES,
    PAYMENT_METHODS,
    TENDER_ORDER,
    WORD_FIELDS,
    Vocabulary,
    VocabularyError,
    bundled_vocabulary,
    load_vocabularies,
    read_vocabulary,
)


def _doc(*texts: str) -> Document:
    return Document([TextLine([Run(t, Style())]) for t in texts])


def _fields(text: str, vocab: Vocabulary = DEFAULT) -> frozenset[str]:
    """What the parser takes the line to label."""
    lines = document_lines(_doc(text))
    index_words(lines, vocab.all_words)
    return vocab.fields_of(lines[0].found or set())


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the files ---------------------------------------------------------------------------------------


def test_every_language_tag_has_a_file_and_no_file_is_something_else() -> None:
    assert sorted(p.name for p in BUNDLED.glob("*.toml")) == sorted(f"{tag}.toml" for tag in LANGUAGES)
    assert len(LANGUAGES) == 16


def test_every_language_has_words_of_its_own() -> None:
    for tag in LANGUAGES:
        vocab = read_vocabulary(BUNDLED / f"{tag}.toml")
        assert vocab.total and vocab.change and vocab.tax and vocab.cashier, tag
        assert any(vocab.tender[m] for m in ("card", "cash")), tag


def test_the_default_vocabulary_is_the_union_of_the_files() -> None:
    per_file = [read_vocabulary(p) for p in sorted(BUNDLED.glob("*.toml"))]
    default = Vocabulary()
    assert default == DEFAULT == bundled_vocabulary() == load_vocabularies(BUNDLED)
    for name in WORD_FIELDS:
        union = {w for v in per_file for w in getattr(v, name)}
        assert set(getattr(default, name)) == union, name
        assert len(getattr(default, name)) == len(union), f"{name}: a word twice"
    assert tuple(default.tender) == TENDER_ORDER  # the order the parser asks a tender line in
    for method in TENDER_ORDER:
        assert set(default.tender[method]) == {w for v in per_file for w in v.tender[method]}, method


def test_every_word_written_in_a_file_is_in_the_default_vocabulary() -> None:
    """Read with tomllib alone: nothing a file says is lost on the way (compared upper-cased and
    NFKC-normalised, spaces aside, which is how the parser compares them)."""

    def norm(word: str) -> str:
        return "".join(unicodedata.normalize("NFKC", word).upper().split())

    for path in BUNDLED.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        tender = data.pop("tender", {})
        for key, words in [*data.items(), *((f"tender:{m}", w) for m, w in tender.items())]:
            if key.startswith("tender:"):
                have = {norm(w) for w in DEFAULT.tender[key.split(":")[1]]}
            else:
                have = {norm(w) for w in getattr(DEFAULT, key)}
            missing = [w for w in words if norm(w) not in have]
            assert not missing, f"{path.name} {key}: {missing}"


def test_the_default_vocabulary_is_read_once() -> None:
    assert bundled_vocabulary() is bundled_vocabulary()
    # Every Vocabulary() shares the loaded words (the compiled line index is cached by them).
    assert Vocabulary().total is Vocabulary().total is bundled_vocabulary().total


# --- validated on load -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("en.toml", 'total = ["TOTAL"\n', "not valid TOML"),
        ("en.toml", 'totl = ["TOTAL"]\n', "totl is not a field (known: total, subtotal"),
        ("en.toml", '[tender]\nbitcoin = ["BTC"]\n', "tender.bitcoin is not a payment method (known: cash"),
        ("en.toml", 'tender = ["CASH"]\n', "tender must be a table of payment methods"),
        ("en.toml", 'total = "TOTAL"\n', "total must be a list of non-empty strings, got str"),
        ("en.toml", "[total]\nx = 1\n", "total must be a list of non-empty strings, got dict"),
        ("en.toml", 'total = ["TOTAL", ""]\n', "total[1] must be a non-empty string, got ''"),
        ("en.toml", 'total = ["TOTAL", 3]\n', "total[1] must be a non-empty string, got 3"),
        ("en.toml", 'total = ["   "]\n', "total[0] must be a non-empty string"),
        ("en.toml", 'total = [" TOTAL"]\n', "total[0] ' TOTAL' has white space around it"),
        ("en.toml", 'total = ["TOTAL", "SUM", "TOTAL"]\n', "total: 'TOTAL' is listed twice"),
        ("en.toml", 'total = ["TOTAL", "Total"]\n', "total: 'Total' is listed twice"),  # compared upper-cased
        ("vi.toml", 'total = ["TỔNG CỘNG", "TỔNGCỘNG"]\n', "total: 'TỔNGCỘNG' is listed twice"),
        ("en.toml", '[tender]\ncash = ["CASH", "CASH"]\n', "tender.cash: 'CASH' is listed twice"),
        ("english.toml", 'total = ["TOTAL"]\n', "'english.toml' is not named by a language tag (known: zh"),
        ("zh-hans.toml", 'total = ["合计"]\n', "'zh-hans.toml' is not named by a language tag"),
    ],
)
def test_each_problem_of_a_file_is_reported_with_the_file_and_the_key(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(VocabularyError) as one:
        read_vocabulary(path)
    assert str(one.value).startswith(f"{path}: ")
    assert message in str(one.value)
    with pytest.raises(VocabularyError) as directory:
        load_vocabularies(tmp_path)
    assert message in str(directory.value)


def test_every_problem_of_every_file_is_one_line(tmp_path: Path) -> None:
    en = _write(tmp_path, "en.toml", 'totl = ["TOTAL"]\ntotal = "TOTAL"\n[tender]\nbitcoin = ["BTC"]\n')
    de = _write(tmp_path, "de.toml", 'change = ["RÜCKGELD", "Rückgeld"]\n')
    bad = _write(tmp_path, "klingon.toml", "")
    _write(tmp_path, "fr.toml", 'total = ["TOTAL"]\n')  # a good file among them: no line
    with pytest.raises(VocabularyError) as err:
        load_vocabularies(tmp_path)
    lines = str(err.value).splitlines()
    assert len(lines) == 5, lines
    assert sum(ln.startswith(f"{en}: ") for ln in lines) == 3
    assert sum(ln.startswith(f"{de}: ") for ln in lines) == 1
    assert sum(ln.startswith(f"{bad}: ") for ln in lines) == 1


def test_words_may_repeat_across_files_and_across_fields(tmp_path: Path) -> None:
    _write(tmp_path, "en.toml", 'total = ["TOTAL"]\ntax = ["VAT"]\n[tender]\ncard = ["VISA"]\n')
    _write(tmp_path, "fr.toml", 'total = ["TOTAL", "NET A PAYER"]\n[tender]\ncard = ["VISA", "CB"]\n')
    _write(tmp_path, "pl.toml", 'tax = ["PTU", "VAT"]\ntax_included_markers = ["PTU"]\n')
    vocab = load_vocabularies(tmp_path)
    assert vocab.total == ("TOTAL", "NET A PAYER")
    assert vocab.tax == ("VAT", "PTU")  # in the order of LANGUAGES (en before pl), each once
    assert vocab.tender["card"] == ("VISA", "CB")
    assert tuple(vocab.tender) == TENDER_ORDER and vocab.tender["cash"] == ()
    assert vocab.subtotal == () and vocab.header == ()
    assert vocab.fields_of({"PTU"}) == {"tax", "tax_included_markers"}


def test_an_empty_directory_is_a_problem_too(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="no vocabulary files"):
        load_vocabularies(tmp_path)


def test_words_are_kept_as_the_parser_compares_them(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "vi.toml",
        'total = ["tổng cộng", "Tong cong"]\nreceipt_no = ["Nº HĐ"]\n'
        'tax_included_markers = ["bao gồm"]\n[tender]\ncash = ["ＣＡＳＨ"]\n',
    )
    vocab = read_vocabulary(path)
    # Upper-cased; outside ASCII, without the spaces the parser takes out of the line to look for it.
    assert vocab.total == ("TỔNGCỘNG", "TONG CONG")
    assert vocab.receipt_no == ("NOHĐ",)  # NFKC, as the lines are: Nº reads No
    assert vocab.tax_included_markers == ("BAO GỒM",)  # looked for in the spaced line
    assert vocab.tender["cash"] == ("CASH",)  # full-width folded
    assert _fields("Tổng   cộng: 150.000", vocab) == {"total"}


def test_payment_methods_are_the_tender_order() -> None:
    assert set(TENDER_ORDER) == set(PAYMENT_METHODS)


def test_the_loader_and_the_line_index_agree_on_which_words_are_looked_for_with_spaces() -> None:
    from edge.parsing import lines, vocabulary

    # One pattern, owned by lines.py: a copy in the loader could drift from the index.
    assert vars(vocabulary)["ASCII_WORD"] is lines.ASCII_WORD


# --- the words of each language label their lines ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # vi
        ("TỔNG CỘNG: 150.000", "total"),
        ("Tạm tính 150.000", "subtotal"),
        ("Tiền mặt 200.000", "tender:cash"),
        ("Tiền thừa 50.000", "change"),
        ("Giảm giá -10.000", "discount"),
        ("Thuế GTGT 10% 13.636", "tax"),
        ("TIEN MAT 200.000", "tender:cash"),
        ("Số HĐ: 0001234", "receipt_no"),
        ("Momo 150.000", "tender:other"),
        ("Mã số thuế: 0312345678", "header"),
        # tr
        ("TOPLAM *45,00", "total"),
        ("ARA TOPLAM *45,00", "subtotal"),
        ("TOPKDV *6,86", "tax"),
        ("NAKİT *50,00", "tender:cash"),
        ("KREDİ KARTI *45,00", "tender:card"),
        ("PARA ÜSTÜ *5,00", "change"),
        ("İNDİRİM -2,00", "discount"),
        ("KASİYER: AHMET", "cashier"),
        ("FIS NO: 0012", "receipt_no"),
        # pt
        ("VALOR A PAGAR R$ 25,00", "total"),
        ("Desconto -1,00", "discount"),
        ("Troco 5,00", "change"),
        ("Cartão de Crédito 25,00", "tender:card"),
        ("PIX 25,00", "tender:other"),
        ("Multibanco 25,00", "tender:card"),
        ("Tributos aprox. R$ 3,50", "tax"),
        ("Operador: Maria", "cashier"),
        ("CNPJ: 12.345.678/0001-90", "header"),
        # es
        ("BASE IMPONIBLE 21,73", "ignore"),
        ("Dto. 10% -1,00", "discount"),
        ("Camarero: Luis", "cashier"),
        ("Bizum 12,00", "tender:other"),
        ("Tarjeta regalo 12,00", "tender:other"),
        ("IGIC 7% 0,84", "tax"),
        # it
        ("SUB TOTALE 12,00", "subtotal"),
        ("DA PAGARE 12,00", "total"),
        ("Buono pasto 8,00", "tender:other"),
        ("Pagobancomat 12,00", "tender:card"),
        ("DOCUMENTO N. 0042-0012", "receipt_no"),
        ("Operatore: Giulia", "cashier"),
        # fr
        ("MONTANT TTC 12,50", "total"),
        ("Net à payer 12,50", "total"),
        ("Ticket restaurant 10,00", "tender:other"),
        ("Carte bleue 12,50", "tender:card"),
        ("Réduction -1,00", "discount"),
        ("Vendeuse: Julie", "cashier"),
        # de
        ("Gesamtbetrag 12,00", "total"),
        ("Kreditkarte 12,00", "tender:card"),
        ("EC-Cash 12,00", "tender:card"),
        ("Preisnachlass -1,00", "discount"),
        ("Es bediente Sie: Frau Meier", "cashier"),
        ("Steuer-Nr. 123/456/78901", "header"),
        # nl
        ("Totaalbedrag 12,00", "total"),
        ("Pinbetaling 12,00", "tender:card"),
        ("Cadeaukaart 5,00", "tender:other"),
        ("U werd geholpen door: Anna", "cashier"),
        ("Bonnummer: 1234", "receipt_no"),
        # pl
        ("DO ZAPŁATY 12,34", "total"),
        ("BLIK 12,34", "tender:other"),
        ("Obsługiwał: Anna", "cashier"),
        ("Upust -1,00", "discount"),
        ("Nr paragonu: 1234", "receipt_no"),
        # ru
        ("К ОПЛАТЕ =123.00", "total"),
        ("ЭЛЕКТРОННЫМИ =123.00", "tender:card"),
        ("ПОЛУЧЕНО =150.00", "ignore"),
        ("СБП =123.00", "tender:other"),
        ("Продавец: Иванова", "cashier"),
        # th
        ("ยอดชำระ 100.00", "total"),
        ("พร้อมเพย์ 100.00", "tender:other"),
        ("คูปอง -10.00", "discount"),
        ("แคชเชียร์: สมชาย", "cashier"),
        ("เลขที่ 000123", "receipt_no"),
        # en
        ("AMOUNT PAYABLE 12.00", "total"),
        ("SUBTTL 12.00", "subtotal"),
        ("Apple Pay 12.00", "tender:card"),
        ("MAESTRO 12.00", "tender:card"),
        ("JCB 12.00", "tender:card"),
        ("Store credit 5.00", "tender:other"),
        ("Served by: Anna", "cashier"),
        ("Invoice No: 12345", "receipt_no"),
        # de, ja, ko, zh
        ("お会計 1,080", "total"),
        ("PayPay 1,080", "tender:other"),
        ("楽天ペイ 1,080", "tender:other"),
        ("QUICPay 1,080", "tender:card"),
        ("伝票番号: 1234", "receipt_no"),
        ("担当者: 山田", "cashier"),
        ("登録番号 T1234567890123", "header"),
        ("총액 15,000", "total"),
        ("소계 15,000", "subtotal"),
        ("카카오페이 15,000", "tender:other"),
        ("삼성페이 15,000", "tender:card"),
        ("쿠폰 -1,000", "discount"),
        ("판매원: 김민수", "cashier"),
        ("거래번호: 1234", "receipt_no"),
        ("总金额 12.00", "total"),
        ("商品总额 12.00", "subtotal"),
        ("抹零 -0.30", "discount"),
        ("礼品卡 12.00", "tender:other"),
        ("营业员: 张三", "cashier"),
        ("總計 120", "total"),
        ("支付寶 120", "tender:alipay"),
        ("悠遊卡 120", "tender:other"),
        ("找贖 10.00", "change"),
        ("收銀員: 王小明", "cashier"),
        ("發票號碼: AB-12345678", "receipt_no"),
    ],
)
def test_a_word_of_each_language_labels_its_field(text: str, field: str) -> None:
    assert field in _fields(text), (text, sorted(_fields(text)))


@pytest.mark.parametrize(
    ("text", "field", "not_field"),
    [
        # The longer word wins, so a line is what its whole label says.
        ("YEMEK KARTI *45,00", "tender:other", "tender:card"),  # a meal card is no bank card
        ("Karta podarunkowa 50,00", "tender:other", "tender:card"),
        ("Tarjeta regalo 12,00", "tender:other", "tender:card"),
        ("카드번호 1234-56**-****-1234", "header", "tender:card"),  # the card's number, not a payment
        ("ポイントカード 1234", "member", "tender:card"),
        ("商品总额 12.00", "subtotal", "total"),
        ("ARA TOPLAM *45,00", "subtotal", "total"),
        ("SUB TOTALE 12,00", "subtotal", "total"),
        ("Mã số thuế: 0312345678", "header", "tax"),
        ("收款员: 李四", "cashier", "tender:cash"),
        ("Team member: Joe", "cashier", "member"),
    ],
)
def test_the_longer_word_decides(text: str, field: str, not_field: str) -> None:
    fields = _fields(text)
    assert field in fields and not_field not in fields, (text, sorted(fields))


@pytest.mark.parametrize(
    "text",
    [
        "Thẻ cào Viettel 100K  100.000",  # a phone card sold, not a card payment
        "บัตรเติมเงิน 100.00",  # a top-up card sold
        "Leergut zurück -0,25",  # a deposit returned, not change
        "Printed 10:15 PST",  # a time zone, not a tax
        "Menu N°1 12,50",
    ],
)
def test_item_lines_that_look_like_labels_label_nothing(text: str) -> None:
    assert _fields(text) == set(), (text, sorted(_fields(text)))


def test_a_turkish_receipt_reads_with_no_configuration() -> None:
    tx = parse_document(
        _doc(
            "MARKET A.Ş.",
            "TARİH: 26.11.2026   SAAT: 14:03",
            "FIS NO: 0012",
            "EKMEK            5,00",
            "SUT             20,00",
            "ARA TOPLAM      25,00",
            "TOPKDV           0,25",
            "TOPLAM          25,00",
            "NAKİT           30,00",
            "PARA ÜSTÜ        5,00",
            "KASİYER: AHMET",
        )
    )
    assert (tx.subtotal, tx.total, tx.change) == (Decimal("25.00"), Decimal("25.00"), Decimal("5.00"))
    assert [(p.method, p.amount) for p in tx.payments] == [("cash", Decimal("30.00"))]
    assert [t.included for t in tx.taxes] == [True]
    assert (tx.receipt_no, tx.cashier, tx.status) == ("0012", "AHMET", "ok")


def test_a_vietnamese_receipt_reads_with_no_configuration() -> None:
    tx = parse_document(
        _doc(
            "QUÁN CÀ PHÊ SỮA",
            "Ngày: 26/11/2026 14:03",
            "Số HĐ: 0001234",
            "Cà phê sữa        25.000",
            "Bánh mì           20.000",
            "Tạm tính          45.000",
            "TỔNG CỘNG         45.000",
            "Tiền mặt          50.000",
            "Tiền thừa          5.000",
        )
    )
    assert tx.receipt_no == "0001234"
    assert tx.subtotal == tx.total and tx.total is not None and tx.change is not None
    assert [p.method for p in tx.payments] == ["cash"]
    assert tx.payments[0].amount - tx.change == tx.total
    assert tx.status == "ok"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("FİŞ NO: 0042", "receipt_no", "0042"),
        ("Thu ngân: Ngọc Lan", "cashier", "Ngọc Lan"),
        ("Ticket N° 12345", "receipt_no", "12345"),
    ],
)
def test_a_label_with_a_space_outside_ascii_gives_its_value(text: str, field: str, value: str) -> None:
    """Such labels are indexed without their spaces; the value after them is still found in the line."""
    upper = text.upper()
    line = Line(0, text, upper, "".join(upper.split()), Style(), "left")
    vocab = Vocabulary()
    index_words([line], vocab.all_words)
    label = find_label(line, getattr(vocab, field))
    assert label is not None and value_after(line, label) == value


def test_thai_and_the_numero_sign_are_read_as_printed() -> None:
    """NFKC folds full-width forms for the parser, but would take Thai's ำ apart and make № "No": names
    keep what the receipt prints, and the words are compared in the same form."""
    from edge.parsing.lines import normalize_text

    assert normalize_text("น้ำมะพร้าว ＴＯＴＡＬ １２３") == "น้ำมะพร้าว TOTAL 123"
    assert normalize_text("Терафлю пор. №10") == "Терафлю пор. №10"
    assert normalize_text("ｺﾞｳｹｲ") == "ゴウケイ"
