"""`tillbox render`, `parse`, `split`, `induce-profile`: the receipt tools, on files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from edge.escpos.printer_profile import PROFILES, PrinterProfile


def _printer_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--printer-profile",
        default="generic-80mm",
        choices=sorted(PROFILES),
        help="what the printer does that the bytes do not say (code page, CJK mode, paper width)",
    )


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser("render", help="show an ESC/POS capture as text, HTML or PNG")
    r.add_argument("file", type=Path)
    out = r.add_mutually_exclusive_group(required=True)
    out.add_argument("--text", action="store_true", help="the paper as it reads, to stdout")
    out.add_argument("--html", type=Path, metavar="OUT", help="a self-contained HTML fragment")
    out.add_argument("--png", type=Path, metavar="OUT", help="the paper as pixels (203 dpi)")
    _printer_arg(r)
    r.set_defaults(func=run_render)

    p = sub.add_parser("parse", help="read ESC/POS captures into transactions (JSON)")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--json", action="store_true", help="JSON only (one object per line with several files)")
    p.add_argument("--profile", help="a POS profile (TOML file or the name of a bundled one)")
    _printer_arg(p)
    p.set_defaults(func=run_parse)

    i = sub.add_parser(
        "induce-profile",
        help="a draft POS profile from corrected receipts of one layout (NAME.bin + NAME.json pairs)",
    )
    i.add_argument("examples", type=Path, metavar="EXAMPLES_DIR")
    i.add_argument("--out", type=Path, required=True, help="the draft profile (TOML) to write")
    i.add_argument("--name", help="the profile's name (default: from --out)")
    _printer_arg(i)
    i.set_defaults(func=run_induce)

    s = sub.add_parser("split", help="cut a continuous capture into one file per receipt")
    s.add_argument("stream", type=Path)
    s.add_argument("--out", type=Path, required=True)
    s.set_defaults(func=run_split)


def _read(path: Path, command: str) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as e:
        print(f"tillbox {command}: cannot read {path}: {e.strerror}", file=sys.stderr)
        return None


def _writable(path: Path, command: str) -> bool:
    """Said before any work: an output whose folder is missing (nothing is created but the file)."""
    if not path.parent.is_dir():
        print(f"tillbox {command}: cannot write {path}: folder {path.parent} is missing", file=sys.stderr)
        return False
    if path.is_dir():
        print(f"tillbox {command}: cannot write {path}: it is a folder", file=sys.stderr)
        return False
    return True


def run_render(args: argparse.Namespace) -> int:
    out = args.html or args.png
    if out is not None and not _writable(out, "render"):
        return 2
    data = _read(args.file, "render")
    if data is None:
        return 2
    from edge.escpos.decoder import decode

    printer: PrinterProfile = PROFILES[args.printer_profile]
    doc = decode(data, printer)
    if args.text:
        from edge.render.text import render_text

        sys.stdout.write(render_text(doc, printer.columns))
        return 0
    try:
        if args.html:
            from edge.render.html import render_html

            args.html.write_text(render_html(doc, printer.columns), encoding="utf-8")
        else:
            from edge.render.png import render_png

            render_png(doc, printer.dots).save(args.png, format="PNG")
    except OSError as e:
        print(f"tillbox render: cannot write {out}: {e.strerror or e}", file=sys.stderr)
        return 2
    return 0


def run_parse(args: argparse.Namespace) -> int:
    from edge.parsing.generic import ParseOptions
    from edge.parsing.pipeline import parse_bytes

    options = ParseOptions()
    if args.profile:
        from edge.parsing.profiles import ProfileError, load_profile

        try:
            options = load_profile(args.profile).options
        except ProfileError as e:
            print(f"tillbox parse: {e}", file=sys.stderr)
            return 2
    printer = PROFILES[args.printer_profile]
    status = 0
    for path in args.files:
        data = _read(path, "parse")
        if data is None:
            status = 2
            continue
        tx = parse_bytes(data, printer, options).to_json()
        if len(args.files) > 1 or args.json:
            print(json.dumps(tx, ensure_ascii=False, separators=(",", ":") if len(args.files) > 1 else None))
        else:
            print(json.dumps(tx, ensure_ascii=False, indent=2))
    return status


def run_induce(args: argparse.Namespace) -> int:
    import re

    from edge.parsing.induce import InduceError, induce, load_examples

    if not _writable(args.out, "induce-profile"):
        return 2
    name = args.name or re.sub(r"[^a-z0-9._-]+", "-", args.out.stem.lower()).strip("-._")[:64] or "draft"
    try:
        induced = induce(load_examples(args.examples, PROFILES[args.printer_profile]), name)
    except InduceError as e:
        print(f"tillbox induce-profile: {e}", file=sys.stderr)
        return 2
    try:
        args.out.write_text(induced.toml, encoding="utf-8")
    except OSError as e:
        print(f"tillbox induce-profile: cannot write {args.out}: {e.strerror}", file=sys.stderr)
        return 2
    n = len(induced.results)
    print(
        f"{args.out}: reads {induced.money_right} of {n} examples money-right "
        f"(the generic parser: {induced.generic_money_right} of {n})"
    )
    for r in induced.results:
        if not r.money_right:
            print(f"  {r.name}: {r.status}, wrong: {', '.join(r.wrong)}")
    for note in induced.notes:
        print(f"  note: {note}")
    return 0


def run_split(args: argparse.Namespace) -> int:
    from firmware_bridge.framer import Boundary, JobFramer

    if args.out.exists() and not args.out.is_dir():
        print(
            f"tillbox split: --out {args.out} is a file: give a folder (it is made if missing)",
            file=sys.stderr,
        )
        return 2
    data = _read(args.stream, "split")
    if data is None:
        return 2
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"tillbox split: cannot make {args.out}: {e.strerror}", file=sys.stderr)
        return 2
    framer = JobFramer()
    job = bytearray()
    n = 0
    for piece in framer.feed(data) + framer.end(Boundary.EOF):
        job += piece.data
        if piece.ends is not None:
            n += 1
            try:
                (args.out / f"job-{n:05d}.bin").write_bytes(bytes(job))
            except OSError as e:
                print(f"tillbox split: cannot write in {args.out}: {e.strerror}", file=sys.stderr)
                return 2
            print(f"job-{n:05d}.bin  {len(job):>8} bytes  ended by {piece.ends}")
            job.clear()
    return 0
