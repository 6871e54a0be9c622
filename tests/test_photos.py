"""The photo pipeline, checked on real pixels and real files."""

import io
import logging
import re
import zlib
from pathlib import Path

import pytest
from conftest import article
from PIL import Image, ImageDraw

URL = "tin-tuc-su-kien/hoi-nghi-thi-dua"


def camera_photo(path: Path, size=(2400, 1600), orientation=None, gps=True, mode="RGB", fmt="JPEG", **extra):
    """A photo with a white left half and a black right half, EXIF and GPS inside."""
    image = Image.new("RGB", size, (0, 0, 0))
    ImageDraw.Draw(image).rectangle([0, 0, size[0] // 2, size[1]], fill=(255, 255, 255))
    if mode != "RGB":
        image = image.convert(mode)
    exif = Image.Exif()
    exif[0x010F] = "Phone Maker"  # Make
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 49.0, 12.0)}
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=exif.tobytes(), **extra)


def published_images(site) -> list[Path]:
    return [site.output / f for f in site.files() if f.endswith((".jpg", ".webp", ".png"))]


def build_with_photo(build_site, tmp_path, **kwargs):
    src = tmp_path / "src.jpg"
    camera_photo(src, **kwargs)
    return build_site({"a/index.md": article(body="Mở đầu.\n\n![Quang cảnh](anh.jpg)"),
                       "a/anh.jpg": src.read_bytes()})


def test_portrait_phone_photo_comes_out_portrait_in_every_derivative(build_site, tmp_path):
    site = build_with_photo(build_site, tmp_path, size=(2400, 1600), orientation=6)
    img = site.page(URL).select_one("figure img")
    assert int(img["height"]) > int(img["width"])
    for path in published_images(site):
        if path.name.endswith("-og.jpg") or re.search(r"-t\d+\.", path.name):
            continue  # the social card (1200×630) and list thumbnails (3:2) are landscape crops
        with Image.open(path) as image:
            assert image.height > image.width, path.name
            # orientation 6 means "rotate 90° clockwise": the white half ends up on top
            top = image.convert("L").getpixel((image.width // 2, image.height // 8))
            bottom = image.convert("L").getpixel((image.width // 2, image.height * 7 // 8))
            assert top > 200 and bottom < 50, path.name


def test_no_published_file_carries_exif_gps_xmp_or_icc(build_site, tmp_path):
    site = build_with_photo(build_site, tmp_path, orientation=3, comment=b"secret note")
    images = published_images(site)
    assert len(images) >= 4
    for path in images:
        data = path.read_bytes()
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert "exif" not in image.info and "xmp" not in image.info and "icc_profile" not in image.info
            assert "comment" not in image.info
        assert b"Exif" not in data and b"Phone Maker" not in data and b"secret note" not in data


def test_srcset_files_exist_at_their_stated_widths_and_img_size_matches(build_site, tmp_path):
    site = build_with_photo(build_site, tmp_path)
    picture = site.page(URL).select_one("figure picture")
    assert picture.source["type"] == "image/webp"
    sets = [picture.source["srcset"], picture.img["srcset"]]
    seen = []
    for srcset in sets:
        for entry in srcset.split(", "):
            url, width = entry.split(" ")
            with Image.open(site.output / url.lstrip("/")) as image:
                assert image.width == int(width.rstrip("w"))
                assert image.format in ("WEBP", "JPEG")
            seen.append(int(width.rstrip("w")))
    assert sorted(set(seen)) == [480, 960, 1600]
    with Image.open(site.output / picture.img["src"].lstrip("/")) as image:
        assert image.size == (int(picture.img["width"]), int(picture.img["height"]))


def test_small_photos_are_never_upscaled(build_site, tmp_path):
    site = build_with_photo(build_site, tmp_path, size=(700, 500))
    widths = {int(e.split(" ")[1].rstrip("w")) for e in site.page(URL).select_one("figure img")["srcset"].split(", ")}
    assert widths == {480, 700}


def test_first_photo_loads_eagerly_the_others_lazily(build_site):
    site = build_site({"a/index.md": article(body="![Một](a.jpg)\n\n![Hai](b.jpg)\n\n![Ba](c.jpg)"),
                       "a/a.jpg": None, "a/b.jpg": None, "a/c.jpg": None})
    imgs = site.page(URL).select("figure img")
    assert imgs[0].get("loading") is None and imgs[0]["fetchpriority"] == "high"
    assert [(i["loading"], i["decoding"]) for i in imgs[1:]] == [("lazy", "async")] * 2


def test_gallery_thumbnails_share_one_aspect_and_link_to_the_large_photo(build_site, tmp_path):
    tall, wide = tmp_path / "tall.jpg", tmp_path / "wide.jpg"
    camera_photo(tall, size=(1500, 2000))
    camera_photo(wide, size=(3000, 1500))
    body = "::: gallery Ảnh\n![Dọc](doc.jpg)\n![Ngang](ngang.jpg)\n:::"
    site = build_site({"a/index.md": article(body=body), "a/doc.jpg": tall.read_bytes(), "a/ngang.jpg": wide.read_bytes()})
    links = site.page(URL).select(".news-gallery a")
    for link in links:
        with Image.open(site.output / link.img["src"].lstrip("/")) as thumb:
            assert thumb.width * 2 == thumb.height * 3  # 3:2
        with Image.open(site.output / link["href"].lstrip("/")) as large:
            assert large.size == (int(link["data-pswp-width"]), int(link["data-pswp-height"]))
    assert links[0]["data-pswp-height"] == "2000" and links[0]["data-pswp-width"] == "1500"


def test_social_card_is_1200_by_630_from_the_cover(build_site, tmp_path):
    site = build_with_photo(build_site, tmp_path)
    cards = [p for p in published_images(site) if p.name.endswith("-og.jpg")]
    assert len(cards) == 1
    with Image.open(cards[0]) as card:
        assert card.size == (1200, 630)


@pytest.mark.parametrize("mode, fmt, expect", [
    ("CMYK", "JPEG", (255, 255, 255)),
    ("P", "PNG", (255, 255, 255)),
    ("RGBA", "PNG", (255, 255, 255)),
    ("L", "JPEG", (255, 255, 255)),
])
def test_colour_modes_become_srgb(build_site, tmp_path, mode, fmt, expect):
    src = tmp_path / f"src.{fmt.lower()}"
    camera_photo(src, size=(1000, 700), mode=mode, fmt=fmt, gps=False)
    name = f"anh.{fmt.lower()}"
    site = build_site({"a/index.md": article(body=f"![Ảnh]({name})"), f"a/{name}": src.read_bytes()})
    img = site.page(URL).select_one("figure img")
    with Image.open(site.output / img["src"].lstrip("/")) as out:
        assert out.mode == "RGB"
        pixel = out.getpixel((out.width // 8, out.height // 2))
        assert all(abs(a - b) < 12 for a, b in zip(pixel, expect)), pixel


def test_transparent_png_is_flattened_on_white(build_site, tmp_path):
    src = tmp_path / "logo.png"
    Image.new("RGBA", (800, 600), (200, 0, 0, 0)).save(src)
    site = build_site({"a/index.md": article(body="![Logo](logo.png)"), "a/logo.png": src.read_bytes()})
    img = site.page(URL).select_one("figure img")
    with Image.open(site.output / img["src"].lstrip("/")) as out:
        assert out.getpixel((10, 10)) == (255, 255, 255)


def test_sixteen_bit_grey_is_scaled_not_clipped(build_site, tmp_path):
    src = tmp_path / "g16.png"
    Image.new("I;16", (800, 600), 32768).save(src)  # half of 65535
    site = build_site({"a/index.md": article(body="![Xám](g16.png)"), "a/g16.png": src.read_bytes()})
    img = site.page(URL).select_one("figure img")
    with Image.open(site.output / img["src"].lstrip("/")) as out:
        assert 120 <= out.getpixel((10, 10))[0] <= 135


def test_heic_photo_is_accepted(build_site, tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    src = tmp_path / "phone.heic"
    Image.new("RGB", (1200, 900), (30, 120, 200)).save(src, "HEIF")
    site = build_site({"a/index.md": article(body="![Ảnh điện thoại](phone.heic)"), "a/phone.heic": src.read_bytes()})
    assert site.result.errors == 0
    img = site.page(URL).select_one("figure img")
    with Image.open(site.output / img["src"].lstrip("/")) as out:
        assert out.format == "JPEG" and out.width == 960


@pytest.mark.parametrize("data, words", [
    (b"", "tệp ảnh rỗng (0 byte)"),
    (b"this is not a photo at all", "tệp không phải là ảnh"),
    ("truncated", "không xử lý được ảnh"),
])
def test_bad_photos_are_errors_naming_article_line_and_photo(build_site, tmp_path, caplog, data, words):
    if data == "truncated":
        src = tmp_path / "full.jpg"
        camera_photo(src)
        data = src.read_bytes()[: len(src.read_bytes()) // 3]
    site = build_site({"a/index.md": article(body="Mở đầu.\n\n![Ảnh](hong.jpg)"), "a/hong.jpg": data})
    assert "index.md:9: ảnh:" in caplog.text and words in caplog.text and "hong.jpg" in caplog.text
    assert site.result.errors == 1


def test_decompression_bomb_is_refused_without_decoding(build_site, caplog):
    header = Image.new("L", (1, 1))
    buffer = io.BytesIO()
    header.save(buffer, "PNG")
    png = bytearray(buffer.getvalue())
    png[16:24] = (30000).to_bytes(4, "big") + (30000).to_bytes(4, "big")  # claims 900 MP
    png[29:33] = zlib.crc32(bytes(png[12:29])).to_bytes(4, "big")
    site = build_site({"a/index.md": article(body="![Bom](bom.png)"), "a/bom.png": bytes(png)})
    assert "decompression bomb" in caplog.text and "index.md:7: ảnh:" in caplog.text
    assert site.result.errors == 1


def test_photo_over_the_configured_limit_is_refused_before_decoding(build_site, caplog):
    site = build_site({"a/index.md": article(body="![Lớn](lon.jpg)"), "a/lon.jpg": None}, NEWS_IMAGES_MAX_PIXELS=200_000)
    assert "ảnh 640×480 (0.3 MP) vượt giới hạn 0.2 MP điểm ảnh" in caplog.text
    assert "NEWS_IMAGES_MAX_PIXELS" in caplog.text and site.result.errors == 1


def test_108_megapixel_photo_passes_the_pixel_limit(tmp_path):
    from news_images.probe import DigestMemo, probe

    src = tmp_path / "big.jpg"
    Image.new("RGB", (12000, 9000), (90, 90, 90)).save(src, quality=30)
    found = probe(str(src), 200_000_000, DigestMemo(str(tmp_path / "d.json")))
    assert (found.width, found.height) == (12000, 9000)


def test_second_build_reencodes_nothing_and_a_changed_photo_only_itself(build_site, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="news_images")
    content = tmp_path / "c"
    files = {"a/index.md": article(body="![Một](mot.jpg)\n\n![Hai](hai.jpg)"), "a/mot.jpg": None, "a/hai.jpg": None}
    build_site(files, content=content)
    assert "2 ảnh: 2 ảnh mã hóa mới" in caplog.text
    caplog.clear()
    build_site({}, content=content)
    assert "2 ảnh: 0 ảnh mã hóa mới" in caplog.text
    caplog.clear()
    camera_photo(content / "a/hai.jpg", size=(900, 600))
    build_site({}, content=content)
    assert "2 ảnh: 1 ảnh mã hóa mới" in caplog.text


def test_restored_cache_in_a_fresh_clone_reencodes_nothing(build_site, tmp_path, caplog):
    import os
    import shutil
    import time

    caplog.set_level(logging.INFO, logger="news_images")
    cache = tmp_path / "ci-cache"
    files = {"a/index.md": article(body="![Một](mot.jpg)"), "a/mot.jpg": None}
    build_site(files, content=tmp_path / "clone1", NEWS_IMAGES_CACHE_PATH=str(cache))
    time.sleep(0.01)
    shutil.copytree(tmp_path / "clone1", tmp_path / "clone2")  # new paths, new file times
    os.utime(tmp_path / "clone2/a/mot.jpg", (1, 1))
    caplog.clear()
    build_site({}, content=tmp_path / "clone2", NEWS_IMAGES_CACHE_PATH=str(cache))
    assert "1 ảnh: 0 ảnh mã hóa mới" in caplog.text


def test_same_file_name_in_two_articles_never_collides(build_site, tmp_path):
    red, blue = tmp_path / "r.jpg", tmp_path / "b.jpg"
    Image.new("RGB", (800, 600), (220, 0, 0)).save(red)
    Image.new("RGB", (800, 600), (0, 0, 220)).save(blue)
    site = build_site({"a/index.md": article(title="Bài A", body="![A](anh.jpg)"), "a/anh.jpg": red.read_bytes(),
                       "b/index.md": article(title="Bài B", body="![B](anh.jpg)"), "b/anh.jpg": blue.read_bytes()})
    for slug, colour in (("bai-a", 0), ("bai-b", 2)):
        src = site.page(f"tin-tuc-su-kien/{slug}").select_one("figure img")["src"]
        with Image.open(site.output / src.lstrip("/")) as out:
            assert out.getpixel((5, 5))[colour] > 180


def test_output_bytes_do_not_depend_on_the_number_of_workers(build_site, tmp_path):
    from test_publishing import tree

    files = {"a/index.md": article(body="![Một](mot.jpg)\n\n![Hai](hai.jpg)\n\n![Ba](ba.jpg)"),
             "a/mot.jpg": None, "a/hai.jpg": None, "a/ba.jpg": None}
    one = build_site(files, NEWS_IMAGES_WORKERS=1, NEWS_IMAGES_CACHE_PATH=str(tmp_path / "c1"))
    two = build_site(files, NEWS_IMAGES_WORKERS=2, NEWS_IMAGES_CACHE_PATH=str(tmp_path / "c2"))
    assert tree(one.output) == tree(two.output)


def test_derivative_bytes_do_not_depend_on_what_the_cache_held(build_site, tmp_path):
    """A photo first published alone, then also put in a gallery (new thumbnails),
    keeps byte-identical full-size files: the same decode feeds every render."""
    src = tmp_path / "phone.jpg"
    camera_photo(src, size=(3000, 2000), orientation=6)
    alone = article(body="![Ảnh](anh.jpg)")
    both = article(body="![Ảnh](anh.jpg)\n\n::: gallery Ảnh\n![Ảnh](anh.jpg)\n:::")
    shared_cache = str(tmp_path / "shared")
    build_site({"a/index.md": alone, "a/anh.jpg": src.read_bytes()}, content=tmp_path / "c1", NEWS_IMAGES_CACHE_PATH=shared_cache)
    for derivative in (tmp_path / "shared").rglob("*-480.jpg"):
        derivative.unlink()  # and one full size is missing too
    warm = build_site({"a/index.md": both, "a/anh.jpg": src.read_bytes()}, content=tmp_path / "c2", NEWS_IMAGES_CACHE_PATH=shared_cache)
    clean = build_site({"a/index.md": both, "a/anh.jpg": src.read_bytes()}, content=tmp_path / "c3", NEWS_IMAGES_CACHE_PATH=str(tmp_path / "fresh"))
    from test_publishing import tree

    assert tree(warm.output) == tree(clean.output)


def test_srgb_tagged_photo_keeps_its_colours(build_site, tmp_path):
    from PIL import ImageCms

    src = tmp_path / "srgb.jpg"
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (1000, 700), (200, 30, 40)).save(src, quality=95, icc_profile=profile)
    site = build_site({"a/index.md": article(body="![Ảnh](anh.jpg)"), "a/anh.jpg": src.read_bytes()})
    with Image.open(site.output / site.page(URL).select_one("figure img")["src"].lstrip("/")) as out:
        assert all(abs(a - b) <= 4 for a, b in zip(out.getpixel((50, 50)), (200, 30, 40)))
        assert "icc_profile" not in out.info


def test_a_no_change_rebuild_opens_reads_or_copies_no_photo(build_site, tmp_path, monkeypatch):
    """Issue #8: at any size, a rebuild with nothing changed leaves every photo alone:
    no source photo or derivative is opened, linked or copied (only their sizes are
    looked at), and the output is the same."""
    import builtins
    import os
    import shutil

    body = "Mở đầu.\n\n![Một](mot.jpg)\n\n![Hai](hai.jpg)\n\n::: gallery Ảnh\n![Ba](ba.jpg)\n![Bốn](bon.jpg)\n:::"
    files = {"a/index.md": article(body=body), "a/mot.jpg": None, "a/hai.jpg": None, "a/ba.jpg": None,
             "a/bon.jpg": None}
    first = build_site(files, content=tmp_path / "c", output=tmp_path / "out")
    before = {f: (first.output / f).read_bytes() for f in first.files()}
    assert sum(f.endswith((".jpg", ".webp")) for f in before) > 8
    touched = []
    real_open, real_link, real_copy = builtins.open, os.link, shutil.copyfile

    def photo(path) -> bool:
        return str(path).lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".avif"))

    def spy(kind, real):
        def call(source, *args, **kwargs):
            if photo(source):
                touched.append((kind, str(source)))
            return real(source, *args, **kwargs)
        return call

    monkeypatch.setattr(builtins, "open", spy("open", real_open))
    monkeypatch.setattr(os, "link", spy("link", real_link))
    monkeypatch.setattr(shutil, "copyfile", spy("copy", real_copy))
    again = build_site({}, content=tmp_path / "c", output=tmp_path / "out")
    monkeypatch.undo()
    assert again.result.ok and touched == []
    assert {f: (again.output / f).read_bytes() for f in again.files()} == before


def test_without_the_content_cache_a_build_opens_no_known_photo(build_site, tmp_path, monkeypatch):
    """A first build with the photo cache kept (CI, or cache/content deleted) reads the
    articles again but not the photos: their hash and size are remembered, also when
    the read pool's workers were the ones that read them."""
    import builtins
    import shutil

    files = {}
    for n in range(42):  # enough for the read pool
        files[f"2024/a{n:02d}/index.md"] = article(title=f"Bài số {n}", body=f"Mở đầu {n}.\n\n![Ảnh {n}](anh.jpg)")
        files[f"2024/a{n:02d}/anh.jpg"] = None
    first = build_site(files, content=tmp_path / "c", NEWS_READ_WORKERS=2)
    shutil.rmtree(tmp_path / "content")  # the content cache, beside the photo cache
    from news_core import cache

    cache._WARM.clear()  # and what this process still holds of it: as a new process would start
    log = tmp_path / "opened.txt"
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        if str(file).lower().endswith(".jpg") and "/c/" in str(file):
            with real_open(log, "a", encoding="utf-8") as handle:  # a file: forked workers write here too
                handle.write(f"{file}\n")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    again = build_site({}, content=tmp_path / "c", NEWS_READ_WORKERS=2)
    monkeypatch.undo()
    assert again.result.ok and not log.exists()
    assert sorted(again.files()) == sorted(first.files())


def test_a_rebuild_in_place_after_a_quality_change_publishes_the_new_pixels(build_site, tmp_path):
    """Derivative names do not hold the quality: the rebuild must link the newly
    encoded files, not keep the ones the last build placed."""
    files = {"a/index.md": article(body="Mở đầu.\n\n![Một](mot.jpg)"), "a/mot.jpg": None}
    first = build_site(files, content=tmp_path / "c", output=tmp_path / "out")
    jpegs = sorted(f for f in first.files() if f.endswith(".jpg"))
    before = {f: (first.output / f).read_bytes() for f in jpegs}
    again = build_site({}, content=tmp_path / "c", output=tmp_path / "out",
                       NEWS_IMAGES_QUALITY={"jpeg": 20, "webp": 20})
    assert again.result.ok and sorted(f for f in again.files() if f.endswith(".jpg")) == jpegs
    after = {f: (again.output / f).read_bytes() for f in jpegs}
    assert all(len(after[f]) < len(before[f]) for f in jpegs)
