"""Web pages: `reader` turns HTML into title, main text, headings, sections, links and tables;
`meta` reads what the markup says beyond the text (links, <time> and meta-tag dates) and
`tables` reads tables with merged cells as a reader sees them.
"""

from lepcheck.extract.html.reader import read_html

__all__ = ["read_html"]
