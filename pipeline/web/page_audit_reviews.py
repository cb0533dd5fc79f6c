"""Review marks on the Audit page (issue 23): an auditor marks a finding confirmed or dismissed;
the mark is stored with who and when in `finding_reviews` and holds across re-audits (by
finding id). `chiso audit --precision` measures each rule's precision from these marks."""

from __future__ import annotations

import streamlit as st

from pipeline.audit.model import Finding
from pipeline.audit.reviews import CONFIRMED, DISMISSED, Review, mark_finding, read_reviews
from pipeline.store import Store
from pipeline.web.reads import DB_GUARD

LABELS = {CONFIRMED: "Xác nhận · confirm", DISMISSED: "Bác bỏ · dismiss"}


def reviews(db: str) -> dict[str, Review]:
    """The marks as they are now (not cached: a mark shows at once)."""
    with DB_GUARD, Store(db, read_only=True, lock_timeout=10.0, external_access=False) as store:
        return read_reviews(store.con)


def save_mark(db: str, finding_id: str, mark: str, reviewer: str) -> Review:
    with DB_GUARD, Store(db, lock_timeout=10.0) as store:
        return mark_finding(store.con, finding_id, mark, reviewer)


def reviewer_name() -> str:
    return st.sidebar.text_input("Người rà soát · reviewer", key="reviewer").strip()


def review_controls(db: str, f: Finding, current: Review | None, reviewer: str) -> None:
    """The finding's mark, and buttons to set it (they need a reviewer name)."""
    if current is not None:
        st.caption(f"{current.mark} · {current.reviewer} · {current.reviewed_at:%Y-%m-%d %H:%M} UTC")
    cols = st.columns(2)
    for col, mark in zip(cols, (CONFIRMED, DISMISSED), strict=True):
        if col.button(LABELS[mark], key=f"{mark}-{f.finding_id}", disabled=not reviewer):
            save_mark(db, f.finding_id, mark, reviewer)
            st.rerun()
