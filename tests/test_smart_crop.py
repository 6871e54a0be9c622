"""Thumbnails and the social card are cropped where the subject is (news_images/focus.py),
never a blind centre crop; `focus:` in the front matter moves the cover's crop.
Checked on the pixels a reader sees, with synthetic photos whose face is off-centre."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEV, article, soup
from PIL import Image, ImageChops, ImageDraw, ImageOps

SKIN = (224, 172, 140)
BLUE = (30, 60, 200)
PORTRAIT = ((1200, 1800), (600, 300))  # size, face centre: near the top
WIDE = ((3000, 1200), (320, 600))  # the face at the far left


def face_photo(path: Path, size, centre, radius=170, marker=None) -> None:
    """A skin-toned face with hair, dark eyes, brows and a mouth on a smooth grey-blue
    gradient; `marker`: (x, y) of a blue square elsewhere in the picture."""
    ramp = Image.linear_gradient("L").resize(size)
    image = Image.merge("RGB", [ramp.point(lambda v: 120 + v // 8), ramp.point(lambda v: 140 + v // 8),
                                ramp.point(lambda v: 165 + v // 10)])
    draw = ImageDraw.Draw(image)
    x, y, r = *centre, radius
    draw.ellipse([x - r * 1.05, y - r * 1.2, x + r * 1.05, y + r * 0.4], fill=(40, 28, 20))  # hair
    draw.ellipse([x - r, y - r * 0.9, x + r, y + r * 1.1], fill=SKIN)
    for side in (-1, 1):
        ex = x + side * r * 0.4
        draw.ellipse([ex - r * 0.13, y - r * 0.15, ex + r * 0.13, y + r * 0.05], fill=(25, 20, 20))  # eyes
        draw.line([ex - r * 0.2, y - r * 0.3, ex + r * 0.2, y - r * 0.33], fill=(50, 35, 25), width=max(2, r // 20))
    draw.line([x, y, x - r * 0.08, y + r * 0.35], fill=(170, 120, 95), width=max(2, r // 25))  # nose
    draw.arc([x - r * 0.4, y + r * 0.3, x + r * 0.4, y + r * 0.7], 20, 160, fill=(150, 40, 50), width=max(3, r // 15))
    if marker:
        mx, my = marker
        draw.rectangle([mx - 150, my - 150, mx + 150, my + 150], fill=BLUE)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=92)


def share(image: Image.Image, colour, tolerance=28) -> float:
    """The fraction of `image`'s pixels within `tolerance` of `colour` on every channel."""
    bands = [band.point(lambda v, c=c: 255 if abs(v - c) <= tolerance else 0)
             for band, c in zip(image.convert("RGB").split(), colour)]
    mask = ImageChops.multiply(ImageChops.multiply(bands[0], bands[1]), bands[2])
    return mask.histogram()[255] / (image.width * image.height)


def centre_crop(path: Path, size) -> Image.Image:
    with Image.open(path) as image:
        return ImageOps.fit(image.convert("RGB"), size, Image.LANCZOS)


def opened(site_output: Path, url: str) -> Image.Image:
    with Image.open(site_output / url.split("://", 1)[-1].split("/", 1)[-1].lstrip("/")) as image:
        image.load()
        return image


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("photos")
    made = {"chan-dung.jpg": PORTRAIT, "toan-canh.jpg": WIDE}
    for name, (size, centre) in made.items():
        face_photo(folder / name, size, centre, marker=(2700, 600) if name == "toan-canh.jpg" else None)
    return {name: folder / name for name in made}


def files(photos, **fields) -> dict:
    gallery = "::: gallery Ảnh\n![Chân dung](chan-dung.jpg)\n![Toàn cảnh](toan-canh.jpg)\n:::"  # the portrait: the cover
    return {
        "2024/chan-dung/index.md": article(title="Chân dung đại biểu", body=f"Mở đầu.\n\n{gallery}"),
        "2024/chan-dung/chan-dung.jpg": photos["chan-dung.jpg"].read_bytes(),
        "2024/chan-dung/toan-canh.jpg": photos["toan-canh.jpg"].read_bytes(),
        "2024/toan-canh/index.md": article(title="Toàn cảnh buổi lễ", date="20/03/2024 09:00",
                                           body="Mở đầu.\n\n![Toàn cảnh](toan-canh.jpg)", **fields),
        "2024/toan-canh/toan-canh.jpg": photos["toan-canh.jpg"].read_bytes(),
    }


def build(root: Path, name: str, content_files: dict, cache: str):
    from news_build.runner import build as run

    content, output = root / f"content-{name}", root / f"output-{name}"
    for relative, data in content_files.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = run(DEV, str(content), str(output), overrides={"NEWS_IMAGES_CACHE_PATH": str(root / cache)})
    assert result.errors == 0
    return output


@pytest.fixture(scope="module")
def sites(tmp_path_factory, photos):
    """The same two articles built as written, then with `focus: 90% 50%` on the
    wide photo's article (the same photo cache: only the new crops are made)."""
    root = tmp_path_factory.mktemp("smart-crop")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764000000")
        return {
            "auto": build(root, "auto", files(photos), "cache"),
            "focus": build(root, "focus", files(photos, focus="90% 50%"), "cache"),
        }


def gallery_thumbs(output: Path) -> dict[str, Image.Image]:
    page = soup(output / "tin-tuc-su-kien/chan-dung-dai-bieu/index.html")
    return {link.img["alt"]: opened(output, link.img["src"]) for link in page.select(".news-gallery a")}


def test_the_attention_focus_lands_on_the_face(photos):
    from news_images.focus import attention

    for name, (size, (x, y)) in {"chan-dung.jpg": PORTRAIT, "toan-canh.jpg": WIDE}.items():
        with Image.open(photos[name]) as image:
            fx, fy = attention(image)
        assert abs(fx * size[0] - x) < 170 and abs(fy * size[1] - y) < 200, (name, fx, fy)
    blank = Image.new("RGB", (300, 200), (120, 130, 140))
    assert attention(blank) == (0.5, 0.5)  # nothing to aim at: the middle


def test_the_crop_window_is_centred_on_the_focus_and_clamped():
    from news_images.focus import window

    assert window(3000, 1200, (3, 2), (0.5, 0.5)) == (600, 0, 2400, 1200)
    assert window(3000, 1200, (3, 2), (0.1, 0.5)) == (0, 0, 1800, 1200)  # clamped at the left edge
    assert window(3000, 1200, (3, 2), (0.7, 0.5)) == (1200, 0, 3000, 1200)
    assert window(1200, 1800, (3, 2), (0.5, 0.17)) == (0, 0, 1200, 800)  # clamped at the top
    assert window(1500, 1000, (3, 2), (0.9, 0.9)) == (0, 0, 1500, 1000)  # same aspect: nothing cut


def test_gallery_thumbnails_keep_the_face_a_centre_crop_would_cut(sites, photos):
    thumbs = gallery_thumbs(sites["auto"])
    for alt, name in (("Chân dung", "chan-dung.jpg"), ("Toàn cảnh", "toan-canh.jpg")):
        thumb = thumbs[alt]
        assert thumb.width * 2 == thumb.height * 3
        assert share(centre_crop(photos[name], thumb.size), SKIN) < 0.01, name  # what the old crop showed
        assert share(thumb, SKIN) > 0.025, name
        # the whole face: skin does not run off the thumbnail's edges
        skin_rows = [share(thumb.crop((0, y, thumb.width, y + 1)), SKIN) for y in (0, thumb.height - 1)]
        skin_cols = [share(thumb.crop((x, 0, x + 1, thumb.height)), SKIN) for x in (0, thumb.width - 1)]
        assert max(skin_rows + skin_cols) == 0, name


def test_the_cover_card_and_social_card_show_the_face(sites, photos):
    output = sites["auto"]
    page = soup(output / "tin-tuc-su-kien/chan-dung-dai-bieu/index.html")
    card = opened(output, page.select_one('meta[property="og:image"]')["content"])
    assert card.size == (1200, 630)
    assert share(centre_crop(photos["chan-dung.jpg"], card.size), SKIN) < 0.01
    assert share(card, SKIN) > 0.05
    listing = soup(output / "tin-tuc-su-kien/index.html")
    for img in listing.select(".article-card__photo img, .lead-story__photo img"):
        assert share(opened(output, img["src"]), SKIN) > 0.03, img["src"]


def test_focus_in_the_front_matter_moves_the_covers_crop(sites, photos):
    auto, moved = sites["auto"], sites["focus"]
    url = "tin-tuc-su-kien/toan-canh-buoi-le/index.html"
    before = soup(auto / url).select_one('meta[property="og:image"]')["content"]
    after = soup(moved / url).select_one('meta[property="og:image"]')["content"]
    assert before.endswith("-a1-og.jpg") and after.endswith("-x90y50-og.jpg")
    assert share(opened(auto, before), SKIN) > 0.02 and share(opened(auto, before), BLUE) < 0.01
    card = opened(moved, after)  # 90 % across: the right of the photo, the blue square, no face
    assert share(card, BLUE) > 0.02 and share(card, SKIN) < 0.01
    # only the cover's crops get new names: its full sizes, and the other article, keep theirs
    full = lambda output: sorted(p.name for p in (output / "tin-tuc-su-kien/toan-canh-buoi-le").glob("*-[0-9]*.jpg"))
    assert full(auto) == full(moved) and full(auto)
    assert gallery_thumbs(auto).keys() == gallery_thumbs(moved).keys()


def test_the_same_source_gives_the_same_crops_byte_for_byte(photos, tmp_path):
    """Rendered twice into empty caches (as on two machines): the same bytes."""
    from news_images.plan import plan
    from news_images.render import Job, render
    from news_images.settings import load

    cfg = load({"NEWS_IMAGES_CACHE_PATH": str(tmp_path)})
    derivatives = plan("toan-canh", "0" * 32, *WIDE[0], cfg, gallery=False, cover=True)
    made = []
    for folder in ("one", "two"):
        job = Job(str(photos["toan-canh.jpg"]), str(tmp_path / folder), derivatives, cfg.quality, cfg.max_pixels)
        assert render(job) == len(derivatives)
        made.append({p.name: p.read_bytes() for p in (tmp_path / folder).iterdir()})
    assert made[0] == made[1]
    assert any(name.endswith("-a1-t480.jpg") for name in made[0]) and any(name.endswith("-a1-og.jpg") for name in made[0])


@pytest.mark.parametrize("written, words", [
    ("giữa", '"giữa" không phải là vị trí trong ảnh'),
    ("130% 20%", 'vị trí "130% 20%" nằm ngoài ảnh'),
])
def test_a_bad_focus_is_an_error_naming_file_line_and_fix(build_site, caplog, written, words):
    site = build_site({"2024/a/index.md": article(focus=written, body="Mở đầu.\n\n![Ảnh](anh.jpg)"),
                       "2024/a/anh.jpg": None})
    assert f"index.md:5: focus: {words}" in caplog.text
    assert "Viết hai số phần trăm, từ 0% đến 100%" in caplog.text and "focus: 30% 20%" in caplog.text
    assert "Traceback" not in caplog.text and site.result.errors == 1
    assert not (site.output / "tin-tuc-su-kien/hoi-nghi-thi-dua").exists()


def test_focus_reads_the_ways_an_editor_writes_it():
    from news_core.fields import focus_point
    from news_core.schema import FOCUS_PATTERN
    import re

    for text, point in (("30% 20%", (30, 20)), ("30 20", (30, 20)), ("30%, 20%", (30, 20)),
                        ("33,5% 20%", (33.5, 20)), ("100% 0%", (100, 0)), ("130% 20%", None),
                        ("giữa", None), ("50%", None), ("-5% 20%", None)):
        assert focus_point(text) == point, text
        assert bool(re.match(FOCUS_PATTERN, text)) == (point is not None), text  # the editor's form agrees
