"""HTML pages: a page's body set into its site's layout.html (a Jinja2 template)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import jinja2

from .spec import SpecError, TextFile


class Layout:
    def __init__(self, path: Path) -> None:
        # Not autoescaped: the body is HTML already. `| e` escapes as Python's html.escape does
        # (&quot; and &#x27;), which Jinja2's own escape filter spells differently.
        environment = jinja2.Environment(
            autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
        )
        environment.filters["e"] = escape
        self.path = path
        try:
            self.template = environment.from_string(path.read_text(encoding="utf-8"))
        except jinja2.TemplateSyntaxError as error:
            raise SpecError(f"{path}: line {error.lineno}: {error.message}") from None

    def render(self, page: TextFile, body: str) -> str:
        """The page; its body is the text after the front matter less one final newline."""
        try:
            return self.template.render(
                title=page.title,
                crumbs=page.crumbs,
                modified=page.modified,
                body=body.removesuffix("\n"),
            )
        except jinja2.UndefinedError as error:
            raise SpecError(f"{self.path}: {error.message}") from None
