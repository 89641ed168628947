"""The shopper's languages: which one a request gets, and language files that cannot break a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloud_api.i18n import HERE, CatalogueError, Texts, accepted, choose, load_catalogue, supported


@pytest.mark.parametrize(
    ("switch", "cookie", "receipt", "header", "chosen"),
    [
        (None, None, "zh-Hans", "zh-CN,zh;q=0.9", "zh-Hans"),  # the receipt's, which the browser reads
        (None, None, "zh-Hans", "en-US,en;q=0.9", "en"),  # a visitor: the browser's
        (None, None, "zh-Hans", "en-US,zh;q=0.5", "zh-Hans"),  # accepted at all: the receipt's
        (None, None, "zh-Hans", None, "zh-Hans"),  # no header: the receipt's
        (None, None, "de", "fr-FR", "en"),  # nothing we have either way: English
        (None, None, None, "zh-TW", "zh-Hans"),  # Chinese of any script reads the simplified pages
        ("en", None, "zh-Hans", "zh-CN", "en"),  # the switch wins
        (None, "zh-Hans", "en", "en-GB", "zh-Hans"),  # then the shopper's earlier choice
        ("xx-bogus", None, "en", "de;q=abc, zh;q=0.1", "zh-Hans"),  # garbage ignored, not refused
    ],
)
def test_which_language(
    switch: str | None, cookie: str | None, receipt: str | None, header: str | None, chosen: str
) -> None:
    assert choose(switch, cookie, receipt, header) == chosen


def test_accept_language_in_order_of_weight() -> None:
    assert accepted("en;q=0.5, zh-CN, de;q=0, fr;q=0.7") == ["zh-CN", "fr", "en"]
    assert accepted("") == [] and accepted("*;q=1, <script>") == []
    assert supported("ZH-cn") == "zh-Hans" and supported("en-GB") == "en" and supported("ko") is None


def test_dates_and_money_as_each_language_writes_them() -> None:
    assert Texts("en").when("2026-11-26T14:03:05") == "26 Nov 2026, 14:03"
    assert Texts("zh-Hans").when("2026-11-26T14:03:05") == "2026年11月26日 14:03"
    assert Texts("zh-Hans").when("2026-11-26") == "2026年11月26日"
    assert Texts("en").when("yesterday") == "yesterday"  # not a date: as printed
    assert Texts.money("303.67", "CNY") == "¥303.67" and Texts.money("-5.00", "USD") == "-$5.00"
    assert Texts.money("12", "XYZ") == "12 XYZ"
    assert Texts("zh-Hans").label("payment", "wechat") == "微信支付"
    assert Texts("zh-Hans").label("payment", "bitcoin") == "bitcoin"  # a method we have no word for


def test_every_language_file_has_every_text_with_the_same_placeholders(tmp_path: Path) -> None:
    load_catalogue()  # the shipped files
    en = (HERE / "en.toml").read_text(encoding="utf-8")
    (tmp_path / "en.toml").write_text(en, encoding="utf-8")
    broken = {
        "missing": en.replace('total = "Total"\n', ""),
        "placeholder": en.replace("Receipt no. {number}", "Receipt no. {numero}"),
        "extra": en + 'surprise = "!"\n',
    }
    for what, text in broken.items():
        (tmp_path / "xx.toml").write_text(text, encoding="utf-8")
        with pytest.raises(CatalogueError, match=r"xx\.toml"):
            load_catalogue(tmp_path, ("en", "xx"))
        assert what
