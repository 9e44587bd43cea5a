"""File-name and link cues: what a URL, a file name or a link text says about a document.

Sites name files by hand and link them with texts such as "Download (PDF, 120KB)"; authoring
tools fill in titles such as "Microsoft Word - Minutes.docx" or "Untitled". Each extension list
here serves one purpose and differs from the others for it: say which when adding a type.
"""

from __future__ import annotations

import re

# A file name's extension, removed to leave the words ("Agenda-2023.pdf" -> "Agenda-2023");
# web page extensions too, since a page's last segment names it the same way.
FILE_EXTENSION = re.compile(
    r"\.(?:pdf|docx?|xlsx?|csv|html?|aspx?|php|txt|odt|rtf)$", re.IGNORECASE
)
# A link to a file (PDF, Office, OpenDocument) rather than to another page, on a lower-cased path.
LINKED_FILE_EXTENSION = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|csv|rtf)$")
# ModernGov serves papers from its document store ("/documents/s12345/Report.pdf") ...
MODERNGOV_DOCUMENT_PATH = re.compile(r"/documents/(?:s|b|g)\d+")
# ... and converts them on the fly (mgConvert2PDF.aspx), matched in a lower-cased path.
MODERNGOV_CONVERTER = "mgconvert2pdf"
# A download handler with no extension in its URL: ModernGov's converter, "download?id=",
# CMIS "Document.ashx", council CMS document handlers, SharePoint share links to Office files.
DOWNLOAD_URL = re.compile(
    # ".ashx" handlers (CMIS "Document.ashx?czJK...") stream files from a database.
    r"convert2pdf|getfile|download|attachment|viewdocument|[?&](document|file)_?id=|\.ashx\b"
    # Document handlers of council CMSs, and SharePoint share links to a PDF, Word, Excel
    # or PowerPoint file ("/:b:/", "/:w:/", "/:x:/", "/:p:/").
    r"|(get|show|open|display)document|/:[bwxp]:/",
    re.IGNORECASE,
)
# A link text that names a file type or size: "Agenda (PDF, 120KB)", "Word document".
DOWNLOAD_TEXT = re.compile(
    r"\b(pdf|docx?|xlsx?|csv|odt|word document|excel)\b|\(\s*[\d.,]+\s*[km]b\s*\)",
    re.IGNORECASE,
)
# Link texts that say nothing about the document ("Download", "Click here", "View (PDF)"), so the
# link's surroundings must name it instead.
GENERIC_LINK_TEXT = re.compile(
    r"^\W*(?:download|view|open|read|here|click\s+here|pdf|docx?|xlsx?|file|document|link|"
    r"more|see\s+(?:here|document)|available)\b[\s\W]*(?:\(?\s*(?:pdf|docx?|xlsx?|word|excel)"
    r"\b[^)]*\)?)?\W*$",
    re.IGNORECASE,
)
# What Office puts before a PDF's title: "Microsoft Word - Board Minutes.docx".
GENERATOR_PREFIX = re.compile(r"^(microsoft (word|powerpoint|excel) - )", re.IGNORECASE)
# The source file's extension left at the end of a PDF title ("Board Minutes.docx").
SOURCE_FILE_EXTENSION = re.compile(r"\.(docx?|pptx?|xlsx?|pdf|indd|rtf|odt)$", re.IGNORECASE)
# Titles authoring tools fill in by themselves, which say nothing about the document.
GENERIC_PDF_TITLE = re.compile(
    r"^(?:|untitled(?: document)?|title|pdf|document\s*\d*|doc\d*|slide \d+|"
    r"powerpoint presentation|presentation\d*|microsoft word|word document|new document"
    r"|template|draft|[a-z]?\d+|[\w-]+\.tmp)$",
    re.IGNORECASE,
)
