"""Seed 004 (a news article copied from a union newspaper) laid out as the real page was.

Used by scripts/make_fixtures.py. The page has what a news site wraps around an article:
header, nav menu, share bar, the article (kicker + title, date, lead, body, an inline
related-links box, an image with a caption, the author), a related-news sidebar, the
`Có thể bạn quan tâm` / `Nên xem` / `Tin khác` lists of the seed's tail, a footer and scripts.
"""

from __future__ import annotations

from html import escape

TAIL_MARKERS = ("Có thể bạn quan tâm", "Nên xem", "Tin khác")
ALT = "lam the nao de nang cao hieu qua"


def _blocks(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _split_seed(text: str) -> dict[str, object]:
    lines = _blocks(text)
    end = lines.index("Có thể bạn quan tâm")
    author = lines[end - 1]
    article = lines[: end - 1]
    tail = lines[end:]
    return {"kicker": article[0], "title": article[1], "lead": article[2], "body": article[3:],
            "author": author, "tail": tail}


def _headline_items(lines: list[str]) -> str:
    """Headline, repeated headline (image alt in the seed), teaser → one list item each."""
    items, i = [], 0
    while i < len(lines):
        head = lines[i]
        teaser = lines[i + 2] if i + 2 < len(lines) else ""
        items.append(f'<li><a href="#"><img src="thumb.jpg" alt="{escape(head)}"></a>'
                     f'<h3><a href="#">{escape(head)}</a></h3><p class="sapo">{escape(teaser)}</p></li>')
        i += 3
    return "\n".join(items)


def _tail_html(tail: list[str]) -> str:
    sections, current, name = [], [], None
    for line in tail:
        if line in TAIL_MARKERS or line in ("Xem thêm", "Phiên bản di động"):
            if name is not None and current:
                sections.append((name, current))
            name, current = line, []
            continue
        current.append(line)
    if name is not None and current:
        sections.append((name, current))
    return "\n".join(f'<section class="box-news"><h2 class="box-title">{escape(n)}</h2>'
                     f'<ul class="list-news">{_headline_items(items)}</ul></section>' for n, items in sections)


def _body_html(body: list[str]) -> str:
    out, i = [], 0
    while i < len(body):
        line = body[i]
        if line == ALT and i + 1 < len(body):  # an image, then its caption
            out.append(f'<figure class="image"><img src="hoi-thao.jpg" alt="{ALT}">'
                       f"<figcaption>{escape(body[i + 1])}</figcaption></figure>")
            i += 2
            continue
        if line.startswith(ALT + " "):  # the inline related-links box
            out.append(f'<div class="related-inline"><a href="#"><img src="k.jpg" alt="{ALT}"></a>'
                       f'<a href="#">{escape(line[len(ALT) + 1:])}</a></div>')
            i += 1
            continue
        out.append(f"<p>{escape(line)}</p>")
        i += 1
    return "\n".join(out)


PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title_full} | Báo Lao động Thủ đô</title>
<meta property="og:title" content="{title_full}">
<meta property="article:published_time" content="2018-09-10T17:05:00+07:00">
<meta name="description" content="{lead_attr}">
<link rel="stylesheet" href="/css/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}
gtag('config', 'UA-000000-1'); var related = "Có thể bạn quan tâm";</script>
</head>
<body>
<header class="site-header"><a class="logo" href="/">Lao động Thủ đô</a>
<div class="top-links"><a href="#">Đăng nhập</a> | <a href="#">Liên hệ quảng cáo</a></div></header>
<nav class="main-menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/cong-doan">Công đoàn</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li><li><a href="/phap-luat">Pháp luật</a></li>
</ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/cong-doan">Công đoàn</a></div>
<main>
<article class="detail">
<p class="kicker">{kicker}</p>
<h1 class="title">{title}</h1>
<div class="meta"><span class="date">10/09/2018 17:05</span></div>
<div class="share-bar"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a> <a href="#">Gửi email</a></div>
<div class="content">
<p class="sapo"><strong>{lead}</strong></p>
{body}
<p class="author" style="text-align:right"><strong>{author}</strong></p>
</div>
<div class="tags">Tags: <a href="#">công đoàn giáo dục</a> <a href="#">LĐLĐ Hà Nội</a></div>
</article>
<aside class="sidebar"><h2>Đọc nhiều</h2><ul>
<li><a href="#">Giá vàng hôm nay 23/11: Giá vàng miếng SJC, vàng nhẫn đồng loạt tăng cao</a></li>
<li><a href="#">Tỷ giá USD hôm nay 23/11: Giá USD trên thị trường tự do giảm sâu</a></li>
</ul></aside>
{tail}
</main>
<footer class="site-footer"><p>Báo Lao động Thủ đô - Cơ quan của Liên đoàn Lao động thành phố Hà Nội</p>
<p>Giấy phép số 000/GP-BTTTT. Tổng Biên tập: ...</p><p><a href="#">Phiên bản di động</a></p></footer>
<script src="/js/site.js"></script>
<script>document.querySelectorAll('.share-bar a').forEach(function(a){{a.onclick=function(){{alert(1)}}}});</script>
</body>
</html>
"""


def render_news_html(seed_text: str) -> str:
    parts = _split_seed(seed_text)
    title_full = f"{parts['kicker']} {parts['title']}"
    return PAGE.format(title_full=escape(title_full), lead_attr=escape(str(parts["lead"])[:150]),
                       kicker=escape(str(parts["kicker"])), title=escape(str(parts["title"])),
                       lead=escape(str(parts["lead"])), body=_body_html(parts["body"]),  # type: ignore[arg-type]
                       author=escape(str(parts["author"])), tail=_tail_html(parts["tail"]))  # type: ignore[arg-type]
