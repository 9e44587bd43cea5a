"""Verdicts that rest on text read by OCR say so, with less confidence (issue 13, item 5).

Tesseract misreads scans in ways a text layer never does ("Directorsh1ps", a dropped "not",
a date's digits swapped), so a finding whose evidence was read from a scanned page is worth a
look against the scan before anyone relies on it.
"""

from __future__ import annotations

from lepcheck.models import SiteModel, Verdict

OCR_CONFIDENCE = 0.7
OCR_NOTE = " Some evidence was read by OCR from a scanned document: check it against the scan."


def with_ocr_caveat(verdict: Verdict, site: SiteModel) -> Verdict:
    """The verdict, noted and less confident when any of its evidence comes from OCR text."""
    if verdict.status not in ("pass", "fail", "partial") or not verdict.evidence:
        return verdict
    scanned = {url for doc in site.documents if doc.ocr for url in (doc.url, doc.final_url)}
    if not any(evidence.url in scanned for evidence in verdict.evidence):
        return verdict
    return verdict.model_copy(
        update={
            "message": verdict.message + OCR_NOTE,
            "confidence": min(verdict.confidence, OCR_CONFIDENCE),
        }
    )
