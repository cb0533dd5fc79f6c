"""A company's union named without its company's legal form (`Công đoàn Công ty Thực phẩm An Lạc` for `Công đoàn
cơ sở Công ty TNHH Thực phẩm An Lạc`): one body, which a news title or a later sentence names short.

Language data: `legal_forms` in `extractors/lang/vi/organizations.yaml`.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.lang import entry
from extractors.orgnames import organization_key

_ORG = "organizations.yaml"


@cache
def _legal_form_re() -> re.Pattern[str]:
    forms = "|".join(re.escape(f.lower()) for f in sorted(entry(_ORG, "legal_forms"), key=len, reverse=True))
    return re.compile(rf"(?<=\bcông ty )(?:{forms})(?: |$)")


def _without_legal_form(name: str) -> tuple[str, bool]:
    key = organization_key(name)
    bare = _legal_form_re().sub("", key)
    return bare, bare != key


def same_company(short: str | None, whole: str | None) -> bool:
    """Whether `short` names the union of `whole`'s company without the legal form `whole` writes."""
    if not short or not whole or " Công ty " not in f" {whole} ":
        return False
    a, a_form = _without_legal_form(short)
    b, b_form = _without_legal_form(whole)
    return a == b and b_form and not a_form
