"""What the active rules will look for, handed to the crawl as data (issue 17).

Read from the rule catalogue, never a hand list: every document selector in an active rule's
params (the kinds and title patterns it selects by), the documents a check kind reads of its
own choosing (`READS`: registers, meetings, board pages), and the links `links_to` rules look
for. The crawl (lepcheck.crawl.needs) follows links named like them first, and stops exploring
when each has been met.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from lepcheck.checks import CHECK_KINDS, links_to
from lepcheck.checks.common.selection import DocumentSelector
from lepcheck.crawl.needs import DocumentNeed, EvidenceNeeds, LinkNeed
from lepcheck.rules.model import Rule, Ruleset


def selectors_in(value: object) -> Iterator[DocumentSelector]:
    """Every document selector in a params model, however deep it sits."""
    if isinstance(value, DocumentSelector):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from selectors_in(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from selectors_in(item)


def rule_needs(rule: Rule) -> tuple[list[DocumentNeed], list[LinkNeed]]:
    params = rule.parsed_params()
    kind = CHECK_KINDS[rule.kind]
    documents = [
        DocumentNeed(
            label=selector.label(),
            rules=(rule.id,),
            kinds=selector.kinds,
            title_patterns=selector.title_patterns,
            every=kind.reads_every,
        )
        for selector in selectors_in(params)
    ]
    if kind.reads:
        label = " or ".join(k.replace("_", " ") for k in kind.reads)
        documents.append(
            DocumentNeed(label=label, rules=(rule.id,), kinds=kind.reads, every=kind.reads_every)
        )
    links: list[LinkNeed] = []
    if isinstance(params, links_to.Params):
        links.append(
            LinkNeed(
                label=f"a link to {params.description}",
                rules=(rule.id,),
                url_patterns=params.url_patterns,
                text_patterns=params.text_patterns,
                require_both=params.require_both,
            )
        )
    return documents, links


def evidence_needs(ruleset: Ruleset) -> EvidenceNeeds:
    """The needs of the framework's rules, one per distinct selection, naming its rules."""
    documents: dict[tuple[object, ...], DocumentNeed] = {}
    links: dict[tuple[object, ...], LinkNeed] = {}
    for rule in ruleset.selected():
        found_documents, found_links = rule_needs(rule)
        for need in found_documents:
            key: tuple[object, ...] = (need.kinds, need.title_patterns)
            known = documents.get(key)
            documents[key] = need if known is None else _joined(known, need)
        for link in found_links:
            key = (link.url_patterns, link.text_patterns, link.require_both)
            old = links.get(key)
            links[key] = (
                link if old is None else old.model_copy(update={"rules": (*old.rules, *link.rules)})
            )
    return EvidenceNeeds(documents=tuple(documents.values()), links=tuple(links.values()))


def _joined(known: DocumentNeed, need: DocumentNeed) -> DocumentNeed:
    return known.model_copy(
        update={"rules": (*known.rules, *need.rules), "every": known.every or need.every}
    )
