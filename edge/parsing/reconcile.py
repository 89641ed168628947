"""Do the numbers add up? Every transaction is checked; ``ok`` only when every number present reconciles
and a sale has what a sale must have (items and a total). Anything else is ``needs_review`` with reasons,
so a receipt the parser misread is flagged instead of passed off as right."""

from __future__ import annotations

from decimal import Decimal

from edge.parsing.model import Transaction
from edge.parsing.money import line_matches
from sync.wire import transaction as on_wire


def _close(a: Decimal, b: Decimal, tolerance: Decimal = Decimal(0)) -> bool:
    return abs(a - b) <= tolerance


def reconcile(tx: Transaction) -> Transaction:
    flag = tx.flag
    if tx.kind == "non_sale":
        tx.status = "needs_review" if tx.reasons else "ok"
        return tx
    if tx.total is None:
        flag("no_total", "no total found", "total")
    if not tx.items:
        flag("no_items", "no items found", "items")
    if tx.datetime is None and not any(r.check == "no_datetime" for r in tx.reasons):
        # Every till prints the sale's date: one not read is a form the parser does not know (or the
        # decoder lost), and a sale without its day cannot be reported.
        flag("no_datetime", "no date was read", "datetime")
    for i, item in enumerate(tx.items, 1):
        if item.unit_price is not None and not line_matches(item.quantity, item.unit_price, item.amount):
            text = f"item {i} ({item.name}): {item.quantity} x {item.unit_price} != {item.amount}"
            flag("item_arithmetic", text, "items")
    if tx.items and all(it.amount == 0 for it in tx.items) and not tx.total:
        # Zeros add up to zero whatever was printed (digits the decoder lost read as 0): no proof at all.
        flag("all_zero", "every amount reads 0: the numbers prove nothing", "items")
    items_sum = sum((it.amount + (it.discount or 0) for it in tx.items), Decimal(0))
    if (
        tx.subtotal is not None
        and tx.items
        and not _close(items_sum, tx.subtotal)
        and not _restated(tx)
        and not _net_of_taxes(tx, items_sum)
    ):
        flag("items_vs_subtotal", f"items add to {items_sum}, subtotal says {tx.subtotal}", "subtotal")
    base = tx.subtotal if tx.subtotal is not None else items_sum
    discounts = sum((d.amount for d in tx.discounts), Decimal(0))
    if _savings_again(tx, items_sum):
        # "CARD SAVINGS 6.50" under the total: what the items' own discounts saved, already taken off.
        discounts -= sum(_summary_offs(tx), Decimal(0))
    if tx.total is not None and (tx.items or tx.subtotal is not None):
        added = sum((t.amount for t in tx.taxes if not t.included), Decimal(0))
        expected = base + discounts + added
        if not _close(expected, tx.total):
            # The one ambiguity receipts leave open: a tax line that is in fact included.
            if tx.taxes and _close(base + discounts, tx.total):
                for t in tx.taxes:
                    t.included = True
            else:
                text = f"subtotal {base} + adjustments {discounts} + tax {added} != total {tx.total}"
                flag("total_arithmetic", text, "total")
    if tx.total is not None and tx.payments:
        paid = sum((p.amount for p in tx.payments), Decimal(0))
        change = tx.change or Decimal(0)
        if not _close(paid - change, tx.total):
            flag("tenders_vs_total", f"tendered {paid} - change {change} != total {tx.total}", "payments")
    elif tx.change is not None and not tx.payments:
        flag("change_without_tender", "change printed but no tender found", "payments")
    smallest = _SMALLEST_SALE.get(tx.currency or "")
    if smallest is not None and tx.total is not None and 0 < abs(tx.total) < smallest:
        # "125.000" dong read with a decimal point is 125: every amount a thousandth, adding up all the same.
        text = f"a total of {tx.total} {tx.currency} is less than any sale in that currency"
        flag("implausible_amount", text, "total")
    tx.status = "needs_review" if tx.reasons else "ok"
    return tx


def self_check(t: on_wire.Transaction) -> on_wire.Transaction:
    """A transaction a person typed (a correction at HQ), checked as every parse is: the same document with
    the status and reasons the numbers give (an included tax the numbers show is marked so)."""
    return reconcile(Transaction.of_wire(t)).wire()


def _item_off(tx: Transaction) -> Decimal:
    """What the items' own discounts took off (negative)."""
    return sum((it.discount or Decimal(0) for it in tx.items), Decimal(0))


def _summary_offs(tx: Transaction) -> list[Decimal]:
    """The discounts the summary prints (negative), leaving out what it adds (tips, service) and a cash
    rounding."""
    return [d.amount for d in tx.discounts if d.amount < 0 and not d.rounding]


def _restated(tx: Transaction) -> bool:
    """A subtotal before the items' own discounts, with those discounts summed again below it ("SUBTOTAL
    109.925 / DESCUENTOS -1.500 / TOTAL 108.425"): the items add up before their discounts, and the
    summary's discounts are exactly theirs, or one of them is (the total's check then proves the rest)."""
    item_off = _item_off(tx)
    gross = sum((it.amount for it in tx.items), Decimal(0))
    offs = _summary_offs(tx)
    # (with an order's own discount beside them: "优惠 -7.80 / 会员折扣 -2.09")
    restated = sum(offs, Decimal(0)) == item_off or item_off in offs
    return bool(item_off) and gross == tx.subtotal and restated


def _net_of_taxes(tx: Transaction, items_sum: Decimal) -> bool:
    """A subtotal net of the taxes the items' prices hold, those taxes printed below it ("SUBTOTAL 303.46 /
    IEPS 22.65 / IVA 29.09", items 355.20): the taxes are then added to reach the total, which its own
    check must prove."""
    taxes = sum((t.amount for t in tx.taxes), Decimal(0))
    if not taxes or tx.subtotal is None or not _close(items_sum, tx.subtotal + taxes):
        return False
    for t in tx.taxes:
        t.included = False
    return True


def _savings_again(tx: Transaction, items_sum: Decimal) -> bool:
    """The summary's discounts are exactly the items' own, and the subtotal (where printed) is after them:
    the summary says what was saved, and the total's check (which must still hold) proves it."""
    item_off = _item_off(tx)
    if not item_off or sum(_summary_offs(tx), Decimal(0)) != item_off or tx.total is None:
        return False
    if tx.subtotal is not None and tx.subtotal != items_sum:
        return False
    added = sum((t.amount for t in tx.taxes if not t.included), Decimal(0))
    rest = sum((d.amount for d in tx.discounts if d.amount > 0 or d.rounding), Decimal(0))
    return items_sum + rest + added == tx.total or items_sum + rest == tx.total


# Currencies counted in thousands (no coin or note below these): a total under it was misread.
_SMALLEST_SALE = {"VND": Decimal(500), "IDR": Decimal(100)}
