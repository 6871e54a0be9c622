"""Raw HTML in an article: allow-listed (nh3), video embeds rebuilt, every removal a warning with its line."""

import unicodedata

import pytest

from conftest import make_photo, article

URL = "tin-tuc-su-kien/hoi-nghi-thi-dua"
VIDEO = "dQw4w9WgXcQ"
EMBED = {
    "src": f"https://www.youtube-nocookie.com/embed/{VIDEO}",
    "width": "560", "height": "315", "loading": "lazy", "allowfullscreen": "",
    "referrerpolicy": "strict-origin-when-cross-origin",
    "allow": "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture",
}


def body_of(site):
    return site.page(URL).select_one(".article__body")


def source_of(site):
    return (site.output / URL / "index.html").read_text(encoding="utf-8")


def test_script_is_removed_with_a_warning_naming_file_and_line(build_site, caplog):
    body = "Mở đầu.\n\n<script>alert('xss')</script>\n\nKết thúc.\n\n<script src=\"https://evil.example/x.js\"></script>"
    site = build_site({"2024/a/index.md": article(body=body)})
    assert ("2024/a/index.md:9: đã bỏ thẻ <script> khỏi bài: mã chạy trong trang không được phép. "
            "Xóa đoạn mã này khỏi bài viết.") in caplog.text
    assert "2024/a/index.md:13: đã bỏ thẻ <script>" in caplog.text  # the second one, on its own line
    body = body_of(site)
    assert body.find("script") is None
    assert "alert" not in source_of(site) and "evil.example" not in source_of(site)
    assert [p.get_text() for p in body.find_all("p")] == ["Mở đầu.", "Kết thúc."]
    assert site.result.warnings == 2 and site.result.errors == 0


def test_event_handler_attributes_are_removed_and_the_element_kept(build_site, caplog):
    body = 'Mở đầu.\n\n<p onclick="alert(1)">Bấm vào đây</p>\n\nẢnh <img src="anh-cu.jpg" alt="Ảnh" ONERROR="alert(2)">'
    site = build_site({"a/index.md": article(body=body), "a/anh-cu.jpg": None})
    assert ("index.md:9: đã bỏ thuộc tính onclick khỏi thẻ <p>: mã chạy trong trang không được phép. "
            'Xóa onclick="…" khỏi thẻ.') in caplog.text
    assert "index.md:11: đã bỏ thuộc tính onerror khỏi thẻ <img>" in caplog.text
    paragraph = body_of(site).find("p", string="Bấm vào đây")
    assert paragraph is not None and paragraph.attrs == {}
    img = body_of(site).find("img", alt="Ảnh")
    assert img.parent.name == "picture" and "onerror" not in img.attrs  # the photo, resized, GPS-free
    assert "alert" not in source_of(site)


@pytest.mark.parametrize(("link", "where"), [
    ("[Bấm](javascript:alert(1))", "index.md:9:"),
    ('<a href="JavaScript:alert(1)">Bấm</a>', "index.md:9:"),
    ('<a href="vbscript:msgbox(1)">Bấm</a>', "index.md:9:"),
    ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Bấm</a>', "index.md:9:"),
    # written with character references: found where it was written, once decoded
    ('<a href="java&#x09;scr&#x69;pt:alert(1)">Bấm</a>', "index.md:9:"),
])
def test_script_urls_are_removed_and_the_link_text_kept(build_site, caplog, link, where):
    site = build_site({"a/index.md": article(body=f"Mở đầu.\n\nXem {link} nhé.")})
    assert f"{where} đã bỏ địa chỉ" in caplog.text
    assert "chỉ cho phép địa chỉ http:, https:, mailto:, tel: hoặc đường dẫn trong trang" in caplog.text
    anchor = body_of(site).find("a", string="Bấm")
    assert anchor is not None and not anchor.has_attr("href")
    assert "script:" not in source_of(site) and "data:text" not in source_of(site)


def test_allowed_links_stay_as_written(build_site, caplog):
    body = ("Gọi [0243 123 456](tel:0243123456), viết <thu@dongda.gov.vn>, đọc [văn bản](https://dongda.gov.vn/vb?a=1&b=2), "
            "[mục](#muc) và [bài khác](../bai-khac/).")
    site = build_site({"a/index.md": article(body=body)})
    hrefs = [a["href"] for a in body_of(site).find_all("a")]
    assert hrefs == ["tel:0243123456", "mailto:thu@dongda.gov.vn", "https://dongda.gov.vn/vb?a=1&b=2", "#muc", "../bai-khac/"]
    assert "CẢNH BÁO" not in caplog.text and site.result.warnings == 0


def test_style_attributes_and_style_tags_are_removed(build_site, caplog):
    body = ('<p style="color: red; font-size: 40px">Chữ đỏ</p>\n\n'
            "<style>body { display: none }</style>\n\n"
            "Đoạn có thuộc tính\n{: style=\"position: fixed\" }")
    site = build_site({"a/index.md": article(body=body)})
    assert ("index.md:7: đã bỏ thuộc tính style khỏi thẻ <p>: định dạng riêng trong bài không được phép. "
            'Xóa style="…"; giao diện bài viết do trang web quy định.') in caplog.text
    assert "index.md:9: đã bỏ thẻ <style> khỏi bài" in caplog.text
    assert "index.md:12: đã bỏ thuộc tính style khỏi thẻ <p>" in caplog.text  # attr_list syntax too
    body = body_of(site)
    assert body.find(style=True) is None and body.find("style") is None
    assert [p.get_text() for p in body.find_all("p")] == ["Chữ đỏ", "Đoạn có thuộc tính"]


def test_forms_objects_and_embeds_are_removed(build_site, caplog):
    body = ('<form action="https://evil.example/"><input name="mat-khau"><button>Gửi</button></form>\n\n'
            '<object data="x.swf">dự phòng</object>\n\n<embed src="x.swf">')
    site = build_site({"a/index.md": article(body=body)})
    assert "index.md:7: đã bỏ thẻ <form> khỏi bài: biểu mẫu (form) không được phép trong bài viết" in caplog.text
    assert "index.md:7: đã bỏ thẻ <input>" in caplog.text
    assert "index.md:9: đã bỏ thẻ <object> khỏi bài: nội dung nhúng không được phép trong bài viết" in caplog.text
    assert "index.md:11: đã bỏ thẻ <embed>" in caplog.text
    body = body_of(site)
    assert not body.find_all(["form", "input", "button", "object", "embed"])
    assert "dự phòng" not in body.get_text()


@pytest.mark.parametrize("src", [
    f"https://www.youtube.com/embed/{VIDEO}?si=Xy12_ab&amp;start=5",
    f"https://youtu.be/{VIDEO}",
    f"https://m.youtube.com/watch?v={VIDEO}&amp;t=42s",
    f"//www.youtube-nocookie.com/embed/{VIDEO}",
    f"http://youtube.com/shorts/{VIDEO}",
])
def test_youtube_iframe_is_rebuilt_as_a_nocookie_embed(build_site, caplog, src):
    body = (f'Mở đầu.\n\n<iframe width="100%" height="600" src="{src}" title="Lễ ra quân &quot;Tháng Thanh niên&quot;" '
            'frameborder="0" onload="alert(1)" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;" allow="camera" '
            "allowfullscreen></iframe>\n\nKết thúc.")
    site = build_site({"a/index.md": article(body=body)})
    frames = body_of(site).find_all("iframe")
    assert len(frames) == 1
    assert frames[0].attrs == {**EMBED, "title": 'Lễ ra quân "Tháng Thanh niên"'}
    assert "alert" not in source_of(site)
    assert site.result.warnings == 0 and "CẢNH BÁO" not in caplog.text


def test_rebuilt_embed_markup_is_exact(build_site):
    site = build_site({"a/index.md": article(body=f'<iframe src="https://www.youtube.com/watch?v={VIDEO}" title="Video hội nghị"></iframe>')})
    assert (f'<iframe src="https://www.youtube-nocookie.com/embed/{VIDEO}" title="Video hội nghị" width="560" height="315" '
            'loading="lazy" allowfullscreen referrerpolicy="strict-origin-when-cross-origin" '
            'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture"></iframe>'
            ) in source_of(site)


def test_video_without_title_gets_a_default_title_and_a_warning(build_site, caplog):
    site = build_site({"a/index.md": article(body=f"Mở đầu.\n\n<iframe src=\"https://youtu.be/{VIDEO}\"></iframe>")})
    assert ('index.md:9: khung nhúng video <iframe> thiếu tiêu đề (title) cho người dùng trình đọc màn hình; '
            'tạm dùng "Video". Thêm title="…" mô tả video vào thẻ <iframe>.') in caplog.text
    assert body_of(site).iframe.attrs == {**EMBED, "title": "Video"}


def test_iframe_from_another_host_is_removed_with_a_warning(build_site, caplog):
    body = ('Mở đầu.\n\n<iframe src="https://www.facebook.com/plugins/video.php?href=x" title="Clip"></iframe>\n\n'
            f'<iframe src="https://www.youtube.com.evil.example/embed/{VIDEO}" title="Giả"></iframe>\n\n'
            "<iframe srcdoc=\"&lt;p&gt;x\" title=\"Không địa chỉ\"></iframe>\n\nKết thúc.")
    site = build_site({"a/index.md": article(body=body)})
    assert ('index.md:9: đã bỏ khung nhúng <iframe> từ "www.facebook.com" khỏi bài: trang này không có trong danh sách '
            "được phép nhúng (NEWS_EMBED_HOSTS: youtube.com, youtube-nocookie.com, youtu.be). "
            "Đặt một liên kết thường tới nội dung này, hoặc nhúng video từ trang được phép.") in caplog.text
    assert 'index.md:11: đã bỏ khung nhúng <iframe> từ "www.youtube.com.evil.example"' in caplog.text
    assert "index.md:13: đã bỏ khung nhúng <iframe> khỏi bài: khung nhúng không có địa chỉ web (src) hợp lệ" in caplog.text
    assert body_of(site).find("iframe") is None
    assert "facebook" not in str(body_of(site)) and "evil.example" not in source_of(site)
    assert site.result.warnings == 3


def test_youtube_link_without_a_video_id_is_removed(build_site, caplog):
    site = build_site({"a/index.md": article(body='<iframe src="https://www.youtube.com/embed/" title="Hỏng"></iframe>')})
    assert "index.md:7: đã bỏ khung nhúng <iframe> khỏi bài: không tìm thấy mã video YouTube" in caplog.text
    assert body_of(site).find("iframe") is None


def test_embed_hosts_are_a_setting(build_site, caplog):
    body = (f'<iframe src="https://youtu.be/{VIDEO}" title="YouTube"></iframe>\n\n'
            '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" title="Vimeo"></iframe>')
    site = build_site({"a/index.md": article(body=body)}, NEWS_EMBED_HOSTS=["vimeo.com"])
    assert 'index.md:7: đã bỏ khung nhúng <iframe> từ "youtu.be"' in caplog.text
    assert "(NEWS_EMBED_HOSTS: vimeo.com)" in caplog.text
    frame = body_of(site).iframe
    assert frame["src"] == "https://player.vimeo.com/video/76979871?h=8272103f6e" and frame["title"] == "Vimeo"
    assert len(body_of(site).find_all("iframe")) == 1


def test_bad_embed_hosts_setting_is_refused():
    from news_core.settings import SettingsError, _embed_hosts

    assert _embed_hosts(["youtube.com"]) == ("youtube.com",)
    for bad in ("youtube.com", ["https://youtube.com"], ["YouTube.com"], None):
        with pytest.raises(SettingsError):
            _embed_hosts(bad)


FEATURES = """Mở đầu có chú thích[^1] và HĐND quận -- rất 'vui'... Giá: 1.000\u00a0đồng.

![Quang cảnh Hội nghị](quang-canh.jpg)

::: gallery Một số hình ảnh Hội nghị
![Các đại biểu tham dự](dai-bieu.jpg)
![Trao Bằng khen](trao.jpg "Đồng chí B trao Bằng khen")
:::

| Đơn vị | Số lượng | Tỷ lệ |
|:-------|:--------:|------:|
| Phường Láng Hạ | 12 | 3,5% |

```python
print("xin chào" < 3)
```

Thuật ngữ
:   Định nghĩa

> Trích **đậm** *nghiêng* `mã`, [tài liệu](bao-cao.pdf "Báo cáo"), <thu@dongda.gov.vn>.

1. một
2. hai

Dòng một  
dòng hai

---

*[HĐND]: Hội đồng nhân dân

[^1]: Nội dung chú thích.
"""


def test_our_own_markup_survives_without_a_warning(build_site, caplog):
    files = {"a/index.md": article(body=FEATURES), "a/quang-canh.jpg": None, "a/dai-bieu.jpg": None,
             "a/trao.jpg": None, "a/bao-cao.pdf": b"%PDF-1.4\n%%EOF\n"}
    site = build_site(files)
    assert site.result.warnings == 0 and site.result.errors == 0, caplog.text
    body = body_of(site)
    figure = body.select_one("figure.news-figure")
    assert figure.figcaption.get_text() == "Quang cảnh Hội nghị" and figure.picture.img["alt"] == "Quang cảnh Hội nghị"
    gallery = body.select_one("section.news-gallery")
    assert gallery["aria-labelledby"] == gallery.select_one("h2.news-gallery__title")["id"]
    links = gallery.select("ul.news-gallery__grid li figure.news-gallery__item a.news-gallery__link")
    assert len(links) == 2 and all(a.has_attr("data-pswp-width") and a.picture for a in links)
    assert [f.get_text() for f in gallery.select("figcaption")] == ["Các đại biểu tham dự", "Đồng chí B trao Bằng khen"]
    assert not body.find_all(attrs={"data-news-photo": True}) and not body.find_all(attrs={"data-news-file": True})
    ref = body.select_one("sup#fnref\\:1 a.footnote-ref")
    assert ref["href"] == "#fn:1"
    note = body.select_one("div.footnote ol li#fn\\:1")
    assert note.select_one("a.footnote-backref")["href"] == "#fnref:1"
    assert note.select_one("a.footnote-backref")["title"] == "Quay lại chỗ chú thích 1 trong bài"
    assert [c.get("class") for c in body.select("table th")] == \
        [["news-align-left"], ["news-align-center"], ["news-align-right"]]  # the CSP refuses style=""
    assert body.select_one("table tbody td").get_text() == "Phường Láng Hạ"
    assert body.select_one("pre code.language-python").get_text() == 'print("xin chào" < 3)\n'
    assert body.select_one("dl dt").get_text() == "Thuật ngữ"
    assert body.select_one("blockquote strong").get_text() == "đậm" and body.select_one("blockquote em")
    assert body.select_one("blockquote a[href$='.pdf']")["title"] == "Báo cáo"
    assert body.select_one("blockquote a[href^='mailto:']") is not None
    assert body.select_one("abbr")["title"] == "Hội đồng nhân dân"
    assert body.select("ol > li")[0].get_text() == "một" and body.select_one("p br") and body.select_one("hr")
    assert "Giá: 1.000\u00a0đồng." in body.get_text()


def test_markdown_without_raw_html_is_returned_byte_for_byte(tmp_path):
    """The sanitiser hands back the very string Markdown made when it removes nothing."""
    from markdown import Markdown

    from news_core.errors import Problems
    from news_meta.reader import BodyContext
    from news_meta.sanitize import sanitize

    for name in ("quang-canh.jpg", "dai-bieu.jpg", "trao.jpg", "bao-cao.pdf"):
        make_photo(tmp_path / "a" / name)
    extensions = ["news_gallery.extension:NewsFigureExtension", "extra", "smarty"]
    plain = FEATURES.replace("|:-------|:--------:|------:|", "|--------|----------|-------|")  # alignment becomes a class
    context = BodyContext("a/index.md", str(tmp_path / "a" / "index.md"), str(tmp_path), 7, Problems("a/index.md"))
    context.body_lines = plain.split("\n")
    md = Markdown(extensions=extensions, output_format="html5")
    md.news_context = context
    html = md.convert(plain)
    assert 'class="news-gallery"' in html and 'class="footnote"' in html and "\u00a0" in html
    assert sanitize(html, context, ("youtube.com",)) is html
    assert context.problems.items == []


def test_text_keeps_nfc_vietnamese_and_no_break_spaces_next_to_removed_html(build_site, caplog):
    text = unicodedata.normalize("NFC", "Phường Láng Hạ tổ chức Tết Trung thu cho thiếu nhi")
    body = f'<p onclick="x">{text}:\u00a015\u00a0giờ, ngày&nbsp;15/9 &amp;nbsp;</p>'
    site = build_site({"a/index.md": article(body=body)})
    assert "index.md:7: đã bỏ thuộc tính onclick" in caplog.text
    paragraph = body_of(site).p
    assert paragraph.get_text() == f"{text}:\u00a015\u00a0giờ, ngày\u00a015/9 &nbsp;"
    assert text in source_of(site)  # as UTF-8 NFC, not entities


def test_sanitised_output_is_deterministic(build_site):
    body = (f'<iframe src="https://youtu.be/{VIDEO}" title="A"></iframe>\n\n<p style="x" onclick="y">Chữ</p>\n\n'
            f'<iframe src="https://www.youtube.com/embed/{VIDEO}" title="B"></iframe>')
    one = build_site({"a/index.md": article(body=body)})
    two = build_site({"a/index.md": article(body=body)})
    assert source_of(one) == source_of(two)
    assert [f["title"] for f in body_of(one).find_all("iframe")] == ["A", "B"]


def test_misplaced_markup_dropped_by_the_parser_is_reported(build_site, caplog):
    site = build_site({"a/index.md": article(body="Mở đầu.\n\n<td>ô lạc</td>")})
    assert "index.md:9: đã bỏ thẻ <td> khỏi bài: mã HTML không hợp lệ ở vị trí này" in caplog.text
    assert "ô lạc" in body_of(site).get_text() and body_of(site).find("td") is None


def test_strict_build_fails_on_a_script(build_site, tmp_path, caplog):
    output = tmp_path / "public"
    bad = build_site({"a/index.md": article(body="Mở đầu.\n\n<script>alert(1)</script>")}, strict=True, output=output)
    assert not bad.result.ok and bad.result.warnings == 1 and bad.result.errors == 0
    assert "index.md:9: đã bỏ thẻ <script> khỏi bài" in caplog.text
    assert not (output / URL / "index.html").exists()


def test_strict_build_passes_with_a_titled_youtube_video(build_site, tmp_path):
    body = f'Mở đầu.\n\n<iframe src="https://www.youtube.com/embed/{VIDEO}" title="Lễ ra quân"></iframe>'
    site = build_site({"a/index.md": article(body=body)}, strict=True)
    assert site.result.ok and site.result.warnings == 0
    assert body_of(site).iframe["src"] == EMBED["src"]


def test_table_alignment_becomes_a_class_the_security_policy_allows(build_site, caplog):
    body = "Bảng:\n\n| Đơn vị | Kết quả |\n|:---|---:|\n| Phường | 102,9% |\n"
    site = build_site({"a/index.md": article(body=body)}, strict=True)
    assert site.result.ok, caplog.text
    cells = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select(".article__body td")
    assert [c.get("class") for c in cells] == [["news-align-left"], ["news-align-right"]]
    assert not site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select("[style]")


def test_a_photo_from_another_site_is_removed_with_a_warning(build_site, caplog):
    body = 'Mở đầu.\n\n<p>Ảnh: <img src="https://example.com/anh.jpg" alt="Ảnh ngoài"></p>\n'
    site = build_site({"a/index.md": article(body=body)})
    assert not site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select(".article__body img")
    assert "index.md:9: đã bỏ ảnh lấy từ trang khác (example.com)" in caplog.text


def test_nested_iframes_do_not_crash_the_reader(build_site, caplog):
    body = ('Mở đầu.\n\n<iframe src="https://maps.example.com/x"><iframe '
            'src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></iframe>\n')
    site = build_site({"a/index.md": article(body=body)})
    assert site.result.ok is False or "unexpected" not in caplog.text
    assert "unexpected error" not in caplog.text and "lỗi không lường trước" not in caplog.text
    assert (site.output / "tin-tuc-su-kien/hoi-nghi-thi-dua/index.html").is_file()
