"""The demo: the whole system on this machine, with embedded defaults.

    ./scripts/demo.sh [--receipts 10] [--pace 2] [--out demo-out]   (sets everything up, then runs this)

A Mosquitto with the shipped TLS/ACL configuration, the cloud (SQLite, `tillbox-cloud serve` and
`ingest`), and four stores of one retailer — a supermarket in Shanghai, a grocer in New York, a restaurant
in Munich, a café in Seoul — each with its own enrolled box (`tillbox bridge` + `tillbox agent`, with the
store's printer profile and currency) in front of its own printer simulator, and its own till printing a
day of receipts: generated ones in the store's language, then the real captures in ../shared/captures
that such a store's till printed. Each store is set at HQ with its name, time zone and currency.

It prints the dashboard URL and HQ login first, each receipt's e-receipt URL as it prints and a progress
line; when every till is done and every receipt is in the cloud, the login and URLs again, also written to
OUT/README.txt. Then it keeps serving until Ctrl-C, so the dashboard and the e-receipts can be looked at.
The paper goes to OUT/printed/STORE/job-N.png, logs to OUT/logs/.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from cloud_api.core.db import make_engine, make_sessions
from cloud_api.models import Transaction
from edge.escpos.printer_profile import PROFILES
from edge.store.database import open_store_readonly
from edge.store.models import Capture, TransactionRow
from firmware_bridge.links import LinkError, open_endpoint
from firmware_bridge.spool import list_jobs
from hardware_tests.demo_system import HQ_USER, REPO, Box, Services
from hardware_tests.ports import free_port
from hardware_tests.receipts import receipts
from hardware_tests.simulators.pos import PosSimulator
from hardware_tests.simulators.printer import PrinterSimulator

MARKER = ".tillbox-demo"  # in an --out folder the demo made: the next demo may empty it
CAPTURES = REPO.parent / "shared" / "captures" / "real"


@dataclass(frozen=True)
class Printed:
    """A real capture a store's till prints, and what the system should make of it."""

    name: str  # in ../shared/captures/real
    qr: bool = True  # an e-receipt QR before its cut
    review: str | None = None  # why it comes out needs_review, when it should
    why: str = ""  # why it gets no QR, when it gets none


@dataclass(frozen=True)
class DemoStore:
    code: str
    name: str
    timezone: str
    currency: str
    printer: str  # the printer profile its box is configured with
    language: str  # of its generated receipts (hardware_tests.receipts.TILLS)
    captures: tuple[Printed, ...]  # real captures its till prints after the generated ones

    @property
    def device(self) -> str:
        return f"{self.code}-till1"


PICTURE = "printed as a picture by a Windows driver: no text to read"
KITCHEN = "a kitchen ticket: no sale"
STORES = (
    DemoStore(
        "sh12",
        "好又多超市 第12店",
        "Asia/Shanghai",
        "CNY",
        "chinese-80mm",
        "zh",
        (
            Printed("npos__raster.bin", qr=False, review=PICTURE, why=PICTURE),
            Printed("npos__raster-2.bin", qr=False, review=PICTURE, why=PICTURE),
        ),
    ),
    DemoStore(
        "ny12",
        "Corner Grocer #12",
        "America/New_York",
        "USD",
        "generic-80mm",
        "en",
        (
            Printed(
                "thermal__discount.bin", qr=False, review="a coupon slip", why="a coupon slip: no sale on it"
            ),
            # Its logo declares more bytes than it holds, which hides its cut from the bridge (that never
            # guesses inside image data): no QR. Printed last, as it swallows the start of what follows.
            Printed(
                "thermal__retail.bin", qr=False, why="its cut hides inside a logo that overstates its size"
            ),
        ),
    ),
    DemoStore(
        "mu03",
        "Gasthaus zur Post",
        "Europe/Berlin",
        "EUR",
        "generic-80mm",
        "de",
        (
            Printed("eckPosEmulator__SERIAL-COM2_pos-input-original.bin"),
            Printed("eckPosEmulator__TCP-192.168.13.60_52124_pos-input-original.bin", qr=False, why=KITCHEN),
            Printed("eckPosEmulator__TCP-192.168.13.60_52127_pos-input-original.bin", qr=False, why=KITCHEN),
            Printed("eckPosEmulator__SERIAL-COM2_pos-input-original.d62d6247.bin"),
            Printed("thermal__corrupt_start_of_binary.bin", qr=False, why=KITCHEN),
        ),
    ),
    DemoStore(
        "se07",
        "G카페 강남점",
        "Asia/Seoul",
        "KRW",
        "korean-80mm",
        "ko",
        (Printed("escp-receipts__receipt.repaired-cp949.bin", qr=False, why="it ends without a cut"),),
    ),
)


@dataclass
class Shop:
    """A store at work in the demo: its box, its printer and its till."""

    spec: DemoStore
    box: Box
    printer: PrinterSimulator
    day: list[bytes]
    till: PosSimulator | None = None
    done: bool = False


class Progress:
    """Counts from each box's store and the cloud's database, and the e-receipt URLs not yet shown."""

    def __init__(self, services: Services, shops: list[Shop]) -> None:
        self.services = services
        self.shops = shops
        self.cloud = make_sessions(make_engine(services.cloud_db))
        self.shown: set[str] = set()
        self.urls: dict[str, list[str]] = {s.spec.code: [] for s in shops}

    def new_urls(self) -> list[tuple[Shop, str]]:
        fresh: list[tuple[Shop, str]] = []
        for shop in self.shops:
            db = self.services.box_db(shop.box)
            if not db.exists():
                continue
            with open_store_readonly(db)() as s:
                tokens = s.scalars(
                    select(Capture.qr_token).where(Capture.qr_token.is_not(None)).order_by(Capture.id)
                )
                for t in tokens:
                    if t is not None and t not in self.shown:
                        self.shown.add(t)
                        url = f"{self.services.base_url}/r/{t}"
                        self.urls[shop.spec.code].append(url)
                        fresh.append((shop, url))
        return fresh

    def counts(self) -> tuple[int, int]:
        parsed = 0
        for shop in self.shops:
            db = self.services.box_db(shop.box)
            if db.exists():
                with open_store_readonly(db)() as s:
                    parsed += s.scalar(select(func.count(TransactionRow.id))) or 0
        with self.cloud() as s:
            synced = s.scalar(select(func.count(Transaction.id))) or 0
        return parsed, synced

    def statuses(self) -> dict[str, tuple[int, int]]:
        """Per store code: (receipts that add up or sell nothing, receipts to review), from the cloud."""
        codes = {s.box.device: s.spec.code for s in self.shops}
        out = {code: (0, 0) for code in codes.values()}
        with self.cloud() as s:
            for device, status, n in s.execute(
                select(Transaction.device_id, Transaction.status, func.count()).group_by(
                    Transaction.device_id, Transaction.status
                )
            ):
                ok, review = out[codes[device]]
                out[codes[device]] = (ok + n, review) if status == "ok" else (ok, review + n)
        return out


def prepare_out(out: Path) -> Path:
    """An empty folder for the demo: made, or an earlier demo's emptied. Anything else is refused."""
    if out.exists() and not out.is_dir():
        raise SystemExit(f"demo: --out {out} is a file: choose a folder")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(
                f"demo: --out {out} is not empty and not an earlier demo's: choose another folder "
                "(nothing was changed)"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("made by the tillbox demo: the next demo empties this folder\n")
    return out


def the_day(spec: DemoStore, count: int, with_captures: bool) -> list[bytes]:
    """The store's receipts: its till's own (printed at its local time, a few minutes apart up to now),
    then the real captures of its kind."""
    seed = sum(spec.code.encode())
    local = datetime.now(ZoneInfo(spec.timezone)).replace(tzinfo=None, microsecond=0)
    day = receipts(count, seed=seed, language=spec.language, start=local - timedelta(minutes=3 * count))
    if with_captures:
        day += [(CAPTURES / c.name).read_bytes() for c in spec.captures]
    return day


def write_readme(out: Path, services: Services, progress: Progress | None, finished: bool) -> Path:
    lines = [
        f"tillbox demo — {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "",
        f"HQ dashboard   {services.base_url}/hq",
        f"HQ login       {HQ_USER} / {services.password}",
        f"API docs       {services.base_url}/docs",
        "",
    ]
    if progress is not None:
        lines.append("E-receipts (what a shopper's phone opens from the QR code on the paper):")
        for shop in progress.shops:
            urls = progress.urls[shop.spec.code]
            lines.append(f"  {shop.spec.name} ({shop.spec.code}, {len(urls)}):")
            lines += [f"    {u}" for u in urls]
        lines.append("")
    lines += [
        f"Paper as printed: {out / 'printed'}/STORE/job-N.png",
        f"Logs:             {out / 'logs'}",
        "",
        "The demo serves until Ctrl-C in its terminal." if finished else "The day is still printing.",
    ]
    path = out / "README.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o600)  # it holds a password
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="run the whole tillbox system on this machine")
    ap.add_argument(
        "--out", type=Path, default=REPO / "demo-out", help="an empty folder, or an earlier demo's"
    )
    ap.add_argument(
        "--receipts", type=int, default=10, help="generated receipts per store, before its captures"
    )
    ap.add_argument("--pace", type=float, default=2.0, help="seconds between receipts at each till")
    ap.add_argument("--baud", type=int, default=115200)
    ap.add_argument("--no-captures", action="store_true", help="only generated receipts")
    args = ap.parse_args(argv)
    if args.receipts < 0 or args.pace < 0:
        ap.error("--receipts and --pace cannot be negative")
    try:
        out = prepare_out(args.out.resolve())
    except SystemExit as refused:
        print(refused, file=sys.stderr)
        return 2

    stopping = threading.Event()
    shops: list[Shop] = []

    def on_signal(signum: int, frame: object) -> None:
        # Ctrl-C reaches every process of the terminal's group at once: the services stop by themselves,
        # and this one stops the tills (which would otherwise keep reconnecting to bridges that are gone).
        stopping.set()
        for shop in shops:
            if shop.till is not None:
                shop.till.stop()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    for spec in STORES:
        port = free_port()
        ep = open_endpoint(f"tcp-listen://127.0.0.1:{port}")
        ep.bind()  # type: ignore[attr-defined]
        box = Box(spec.code, spec.device, spec.name, spec.timezone, spec.currency, spec.printer, port)
        paper = PROFILES[spec.printer]
        printer = PrinterSimulator(ep, out / "printed" / spec.code, idle_gap_s=1.0, paper=paper)
        shops.append(Shop(spec, box, printer.start(), the_day(spec, args.receipts, not args.no_captures)))
    services = Services(out, [s.box for s in shops])
    total = sum(len(s.day) for s in shops)
    finished = False
    try:
        print(f"starting the broker, the cloud and {len(shops)} boxes …", flush=True)
        services.start()
        progress = Progress(services, shops)
        print(f"dashboard  {services.base_url}/hq   login {HQ_USER} / {services.password}")
        print(f"           (also in {write_readme(out, services, None, False)})")
        for shop in shops:
            print(
                f"store {shop.spec.code}  {shop.spec.name}: its till prints to its box on "
                f"127.0.0.1:{shop.box.bridge_port}"
            )
        print(f"paper -> {out / 'printed'}/STORE/job-N.png   logs -> {out / 'logs'}", flush=True)

        def run_till(shop: Shop) -> None:
            till = PosSimulator(
                open_endpoint(f"tcp://127.0.0.1:{shop.box.bridge_port}"), baud=args.baud, per_receipt=True
            )
            shop.till = till
            try:
                for receipt in shop.day:
                    if stopping.is_set():
                        return
                    till.run([receipt])
                    stopping.wait(args.pace)
            except LinkError:
                if not stopping.is_set():
                    raise
            finally:
                shop.done = True

        tills = [threading.Thread(target=run_till, args=(s,), name=s.spec.code, daemon=True) for s in shops]
        for t in tills:
            t.start()

        def show() -> tuple[int, int]:
            for shop, url in progress.new_urls():
                print(f"\re-receipt  {url}  {shop.spec.name}{' ' * 12}")
            parsed, synced = progress.counts()
            printed = sum(len(s.printer.jobs) for s in shops)
            print(
                f"\rreceipts printed {printed}/{total}  parsed {parsed}  synced {synced}   ",
                end="",
                flush=True,
            )
            return parsed, synced

        # Done when every till has printed its day, the boxes have taken every job from their spools, the
        # cloud has everything the boxes parsed, and that has been still for two seconds.
        still_since = None
        while not stopping.is_set():
            parsed, synced = show()
            settled = (
                all(s.done for s in shops)
                and sum(len(s.printer.jobs) for s in shops) >= total
                and not any(list_jobs(services.box_dir(s.box) / "spool") for s in shops)
                and synced >= parsed
            )
            still_since = (still_since or time.monotonic()) if settled else None
            if still_since is not None and time.monotonic() - still_since >= 2.0:
                break
            if services.dead():
                raise RuntimeError(f"{', '.join(services.dead())} stopped: see {out / 'logs'}")
            time.sleep(0.25)
        if not stopping.is_set():
            finished = True
            show()
            print("\n")
            report(shops, progress)
            readme = write_readme(out, services, progress, True)
            print(f"\nHQ dashboard   {services.base_url}/hq")
            print(f"HQ login       {HQ_USER} / {services.password}")
            for shop in shops:
                urls = progress.urls[shop.spec.code]
                if urls:
                    print(f"an e-receipt   {urls[-1]}  ({shop.spec.name})")
            print(f"every URL      {readme}")
            print("\nServing until Ctrl-C.", flush=True)
            stopping.wait()
    finally:
        print("\nstopping", flush=True)
        services.stop()
        for shop in shops:
            shop.printer.stop()
    if not finished:
        return 130
    return (
        0
        if all(in_order_within(bytes(s.till.sent), bytes(s.printer.received)) for s in shops if s.till)
        else 1
    )


def report(shops: list[Shop], progress: Progress) -> None:
    """What the day came to, per store: the till's bytes at the printer in order, and the receipts that
    need review against those expected to."""
    statuses = progress.statuses()
    for shop in shops:
        sent = bytes(shop.till.sent) if shop.till else b""
        printed = bytes(shop.printer.received)
        ok, review = statuses[shop.spec.code]
        print(
            f"{shop.spec.code}  {len(shop.printer.jobs)} receipts; the till sent {len(sent):,} bytes, the "
            f"printer got {len(printed):,} (+{len(printed) - len(sent):,} of QR blocks), all in order: "
            f"{in_order_within(sent, printed)}; {ok} add up, {review} to review"
            + (
                f" (expected: {'; '.join(c.review for c in shop.spec.captures if c.review)})"
                if review
                else ""
            )
        )


def in_order_within(sent: bytes, printed: bytes) -> bool:
    """Whether every byte the till sent is in what the printer got, in the same order (the bridge adds
    QR blocks before cuts and must never drop or reorder anything)."""
    at = 0
    for b in sent:
        at = printed.find(bytes([b]), at)
        if at < 0:
            return False
        at += 1
    return True


if __name__ == "__main__":
    raise SystemExit(main())
