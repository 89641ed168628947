"""What every route reaches through `app.state.tillbox`: sessions, templates, limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session, sessionmaker

from cloud_api.core.ratelimit import MissLimiter

TEMPLATES = Path(__file__).resolve().parent / "templates"


def templates() -> Jinja2Templates:
    # Autoescaping always on: every string on a page came from a box, and a box is not trusted with HTML.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return Jinja2Templates(env=env)


@dataclass
class AppState:
    sessions: sessionmaker[Session]
    templates: Jinja2Templates = field(default_factory=templates)
    misses: MissLimiter = field(default_factory=MissLimiter)
