"""The shipped sample content: the seed article, faithfully, and the rest."""

import re
import subprocess
import sys

import pytest
from conftest import PROD, ROOT, soup

SEED = "quan-uy-hdnd-mttq-doan-the/quan-dong-da-to-chuc-hoi-nghi-bieu-duong-ket-qua-phong-trao-thi-dua-nam-2023"
SEED_TEXT = (ROOT.parent / "shared/seed/000_48fd20e11e7bbade.txt")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from news_build.runner import build

    output = tmp_path_factory.mktemp("sample") / "output"
    cache = str(output.parent / "cache")
    result = build(PROD, str(ROOT / "content"), str(output), strict=True,
                   overrides={"NEWS_IMAGES_CACHE_PATH": cache})
    assert result.ok, "the sample content must pass the strict build"
    return output


def test_seed_article_is_published_at_its_url_with_the_exact_meta_line(sample):
    page = soup(sample / SEED / "index.html")
    assert page.h1.get_text() == "Quận Đống Đa tổ chức Hội nghị biểu dương kết quả phong trào thi đua năm 2023"
    assert page.select_one(".article-meta").get_text() == "Ngày đăng 21/03/2024 | 10:31 | Lượt xem: 347"
    assert page.select_one(".article-meta time")["datetime"] == "2024-03-21T10:31:00+07:00"
    assert page.select_one(".article__category").get_text(strip=True) == \
        "Hoạt động của Quận ủy - HĐND - Ủy ban MTTQ và các đoàn thể, CTXH"


def test_seed_article_keeps_every_caption_and_paragraph(sample):
    page = soup(sample / SEED / "index.html")
    figures = [f.get_text() for f in page.select(".article__body > figure figcaption")]
    gallery = [f.get_text() for f in page.select(".news-gallery figcaption")]
    assert figures[0] == "Quang cảnh Hội nghị"
    assert figures[1] == "Đồng chí Lê Tuấn Định, Chủ tịch UBND quận Đống Đa phát biểu tại Hội nghị"
    assert gallery[0] == "Các đại biểu tham dự Hội nghị"
    assert any("cho oồng chí Đỗ Trọng Nam" in c for c in gallery)  # the source's typo, kept
    assert len(figures) + len(gallery) == 8
    body_text = " ".join(page.select_one(".article__body").get_text().split())
    if SEED_TEXT.exists():  # every line of the legacy article after its meta line is on the page
        source = SEED_TEXT.read_text(encoding="utf-8").splitlines()
        after_meta = next(i for i, l in enumerate(source) if l.startswith("Ngày đăng")) + 1
        lines = [" ".join(l.split()) for l in source[after_meta:]]
        missing = [l for l in lines if l and l not in body_text]
        assert missing == []
    for img in page.select(".article__body img"):
        assert (sample / img["src"].split("/", 3)[3]).is_file()


def test_sample_spans_categories_and_years_with_photos(sample):
    articles = [p for p in sample.glob("*/*/index.html") if p.parent.parent.name not in ("the", "trang", "luu-tru")]
    assert len(articles) >= 9
    categories = {p.parent.parent.name for p in articles}
    years = {soup(p).select_one(".article-meta time")["datetime"][:4] for p in articles}
    assert len(categories) >= 4 and len(years) >= 2
    assert all(soup(p).select(".article__body img") for p in articles)
    size = sum(f.stat().st_size for f in (ROOT / "content").rglob("*") if f.is_file())
    assert size < 25 * 1024 * 1024
    assert "stand-in" in (ROOT / "content/README.md").read_text(encoding="utf-8")


def test_home_lists_newest_first(sample):
    home = soup(sample / "index.html")
    dates = [t["datetime"] for t in home.select(".lead-story time, .home-latest .article-card time")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 7


def run_invoke(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_invoke_build_takes_content_and_output(tmp_path):
    content = tmp_path / "phuong"
    (content / "2025/bai").mkdir(parents=True)
    (content / "2025/bai/index.md").write_text(
        "---\ntitle: Tin phường\ndate: 02/07/2025 08:00\ncategory: cac-phuong\n---\n\nNội dung.\n", encoding="utf-8")
    done = run_invoke("build", "--content", str(content), "--output", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    page = soup(tmp_path / "out/cac-phuong/tin-phuong/index.html")
    assert page.h1.get_text() == "Tin phường"


def test_a_build_followed_by_another_task_lets_it_run(tmp_path):
    """A build ends its process at once only when it is the last task named."""
    content = tmp_path / "phuong"
    (content / "2025/bai").mkdir(parents=True)
    (content / "2025/bai/index.md").write_text(
        "---\ntitle: Tin phường\ndate: 02/07/2025 08:00\ncategory: cac-phuong\n---\n\nNội dung.\n", encoding="utf-8")
    out = str(tmp_path / "out")
    done = run_invoke("build", "--content", str(content), "--output", out, "check", "--output", out)
    assert done.returncode == 0, done.stderr
    assert "Kiểm tra" in done.stdout + done.stderr  # check ran after the build


def test_invoke_publish_fails_loudly_without_a_traceback(tmp_path):
    content = tmp_path / "c"
    (content / "a").mkdir(parents=True)
    (content / "a/index.md").write_text("---\ntitle: Bài\ndate: 32/01/2024\ncategory: Tin tức - Sự kiện\n---\nx\n",
                                        encoding="utf-8")
    done = run_invoke("publish", "--content", str(content), "--output", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "a/index.md:3: date: ngày 32/01/2024 không tồn tại" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "out").exists()


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```[a-z]*\n(.*?)```", section, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert commands == ["python3 bootstrap.py", ".venv/bin/invoke test"]
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_article_page_weighs_at_most_40_kb_compressed_lightbox_included(sample):
    from benchmarks.page_weight import BUDGET, weigh

    weight = weigh(sample, f"{SEED}/index.html", siteurl="https://dongda.hanoi.gov.vn")
    assert weight["css"] > 0 and weight["js"] > 0 and weight["later"] > 0  # it found what the page loads
    assert weight["total"] + weight["later"] <= BUDGET
    for page in ("index.html", "luu-tru/index.html", "404.html"):
        assert weigh(sample, page, siteurl="https://dongda.hanoi.gov.vn")["total"] <= BUDGET / 2
    assert (ROOT / "theme/static/fonts/inter/InterVariable-vi.woff2").stat().st_size <= 60 * 1024
