"""Browse: every figure in a table, narrowed by facets (organization, year, indicator, kind,
modality) as Datasette does; the filters live in the URL, so a filtered view can be shared."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from pipeline.dataset import indicator_label
from pipeline.web import reads
from pipeline.web.downloads import XLSX_MIME, csv_bytes, excel_bytes
from pipeline.web.page_frame import BROWSE, open_dataset

# URL parameter of each facet (repeated for several values: ?org=A&org=B) and of the duplicates switch.
PARAMS = {"organization": "org", "year": "year", "indicator": "indicator", "doc_kind": "kind", "modality": "modality"}
DUPLICATES_PARAM = "dups"


def url_filters() -> reads.Filters:
    """The facets' filters the URL holds (years as integers)."""
    out = []
    for column, param in PARAMS.items():
        given = st.query_params.get_all(param)
        values: tuple = tuple(int(v) for v in given if v.lstrip("-").isdigit()) if column == "year" else tuple(given)
        if values:
            out.append((column, values))
    return tuple(out)


def share_query(filters: reads.Filters, with_duplicates: bool) -> str:
    """The URL query string of a filtered view."""
    pairs = [(PARAMS[c], v) for c, values in filters for v in values]
    return "?" + urlencode(pairs + ([(DUPLICATES_PARAM, "1")] if with_duplicates else []))


def _facet(column: str, counts, chosen: tuple) -> list:  # counts: DataFrame(value, n)
    n = dict(zip(counts["value"], counts["n"], strict=True))
    options = list(dict.fromkeys([*chosen, *n]))

    def label(v: object) -> str:
        shown = f"{indicator_label(str(v))} ({v})" if column == "indicator" else str(v)
        return f"{shown} · {n.get(v, 0)}"
    return st.multiselect(reads.BROWSE_FACETS[column], options, default=list(chosen), format_func=label,
                          key=f"facet_{column}")


def render() -> None:
    st.title(BROWSE.title)
    db, stamp = open_dataset()
    with_duplicates = st.toggle("Kể cả văn bản trùng · with duplicate documents",
                                value=st.query_params.get(DUPLICATES_PARAM) == "1",
                                help="a document stored again in another file (TXT, DOCX, PDF of one speech) "
                                     "is counted once unless this is on")
    chosen = dict(url_filters())
    facets = reads.browse_facets(str(db), stamp, tuple(chosen.items()), with_duplicates)
    columns = st.columns(len(reads.BROWSE_FACETS))
    picked = []
    for column, place in zip(reads.BROWSE_FACETS, columns, strict=True):
        with place:
            values = _facet(column, facets[column], chosen.get(column, ()))
        if values:
            picked.append((column, tuple(values)))
    filters = tuple(picked)
    st.query_params.clear()
    st.query_params.from_dict({**{PARAMS[c]: [str(v) for v in vs] for c, vs in filters},
                               **({DUPLICATES_PARAM: "1"} if with_duplicates else {})})
    rows = reads.browse_figures(str(db), stamp, filters, with_duplicates)
    st.caption(f"{len(rows)} số liệu · figures" + (f" (hiện {reads.BROWSE_LIMIT} đầu · first "
                                                     f"{reads.BROWSE_LIMIT} shown)" if len(rows) > reads.BROWSE_LIMIT else "")
               + f" — liên kết · link: `{BROWSE.url_path}{share_query(filters, with_duplicates)}`")
    st.dataframe(rows.head(reads.BROWSE_LIMIT), hide_index=True, column_config={
        "sentence": st.column_config.TextColumn("sentence", width="large"),
        "value": st.column_config.NumberColumn("value", format="%g")})
    left, right = st.columns(2)
    left.download_button("Tải CSV · download CSV", csv_bytes(rows), file_name="figures.csv", mime="text/csv",
                         icon=":material/download:")
    right.download_button("Tải Excel · download Excel", excel_bytes(rows, "figures"), file_name="figures.xlsx",
                          mime=XLSX_MIME, icon=":material/download:")


if __name__ == "__main__":
    render()
