"""The values the library is asked with and answers in: a query, search highlights, facet
counts and notices. Plain data, shared by the store, the views and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Tags are written "group:value" (product:Insight Cloud); these groups get their own facet.
TAG_GROUPS = ("product", "industry", "stage", "region")
SORTS = ("relevance", "newest", "most_used", "best_rated")


def tag_group(tag: str) -> tuple[str, str]:
    """("product", "Insight Cloud") for "product:Insight Cloud"; ("tag", t) for a plain tag."""
    group, sep, value = tag.partition(":")
    if sep and group.strip().lower() in TAG_GROUPS and value.strip():
        return group.strip().lower(), value.strip()
    return "tag", tag


@dataclass(frozen=True)
class LibraryQuery:
    """What the library shows: a search, facet choices, statuses and an order."""

    search: str = ""
    kind: str | None = None
    tags: tuple[str, ...] = ()  # every one must be on the item
    statuses: tuple[str, ...] = ("approved",)
    sort: str = "newest"  # relevance applies only while searching
    only_new_since: str | None = None  # local_updated_at after this (a visit's start)
    today: str | None = None  # items expiring before this are gone; default: local today
    proposals: bool = False  # only reps' proposals (`proposed_by` set)
    proposer: str | None = None  # only this user's proposals
    stale_only: bool = False  # only stale items (`fieldnote.staleness`)


@dataclass(frozen=True)
class Highlight:
    title_html: str
    snippet_html: str


@dataclass
class Facets:
    kinds: dict[str, int] = field(default_factory=dict)
    # group ("product", "industry", "stage", "region", "tag") -> tag -> count
    tags: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Notice:
    """Something the user should be told after a sync (shown once)."""

    # removed | request (a rep's own, answered) | new_request (marketing's queue) |
    # proposal (a rep's own, approved or declined) | new_proposal (marketing's queue)
    kind: str
    record_id: str
    text: str


