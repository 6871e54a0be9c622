"""The import run and its summary, behind `invoke import-legacy`."""

from __future__ import annotations

import os

from news_core.guard import within
from news_core.paths import shown as shown_path
from news_core.photos import FILE_EXTENSIONS
from news_core.settings import Config
from news_core.slugs import slugify

from . import write
from .links import Links, link_key
from .markdown import convert
from .page import NotArticle
from .run import (
    Extracted,
    ImportProblem,
    Report,
    category_of,
    extract,
    front_matter,
    load_mapping,
    locator,
    unmapped_message,
)
from .sources import find_pages

DOCUMENTS = FILE_EXTENSIONS
SHOWN_PER_REASON = 5  # a mirror holds thousands of listing pages; name a few


def run(sources: list[str], into: str, cfg: Config, category_map: str | None = None,
        force: bool = False, say=print, dry_run: bool = False) -> int:
    """Import `sources` into the content folder `into`; 0 when no page failed.
    `dry_run`: report what each page would give, write nothing."""
    try:
        report = import_pages(sources, into, cfg, category_map, force, say, dry_run)
    except ImportProblem as exc:
        say(f"LỖI: {exc}")
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug of ours still gets a plain message, not a traceback
        say(f"LỖI: lỗi không lường trước khi nhập ({type(exc).__name__}: {exc}). Các bài đã ghi xong vẫn "
            "nguyên vẹn; chạy lại lệnh sẽ bỏ qua chúng. Đây có thể là lỗi của chương trình: hãy gửi "
            "trang gây lỗi cho bộ phận IT.")
        return 2
    print_report(report, into, say)
    return 1 if report.failed else 0


def import_pages(sources, into, cfg: Config, category_map, force, say=print, dry_run=False) -> Report:
    if not os.path.isdir(into):
        raise ImportProblem(f'không tìm thấy thư mục nội dung "{into}". Kiểm tra đường dẫn sau --into.')
    mapping = load_mapping(category_map, cfg)
    pages, missing = find_pages(sources)
    if missing:
        raise ImportProblem("không tìm thấy: " + ", ".join(f'"{m}"' for m in missing) + ". Kiểm tra lại đường dẫn.")
    if not pages:
        raise ImportProblem("không có trang HTML nào trong " + ", ".join(sources) + ".")
    report = Report(read=len(pages))
    articles: list[Extracted] = []
    seen: dict[tuple, str] = {}
    for page in pages:
        shown = shown_path(page.path)
        try:
            e = extract(page)
        except NotArticle as exc:
            report.skipped.append((shown, exc.reason, exc.error))
            continue
        except RecursionError:
            reason = ("trang lồng quá nhiều thẻ HTML (hàng trăm thẻ chưa đóng), không đọc được; "
                      "mở trang, lưu lại bằng trình duyệt rồi nhập lại")
            report.skipped.append((shown, reason, True))
            continue
        except Exception as exc:  # noqa: BLE001 - one unreadable page must not stop a migration
            report.skipped.append((shown, f"không đọc được trang ({type(exc).__name__}: {exc})", True))
            continue
        key = link_key(e.url) if e.url else write.title_key(e.title, e.date)
        if key in seen:
            what = "cùng địa chỉ cũ" if e.url else "cùng tiêu đề và ngày đăng"
            report.skipped.append((shown, f"trùng với bài đã đọc ở {seen[key]} ({what})", False))
            continue
        seen[key] = shown
        if e.notice:
            report.notices.append(f"{shown}: {e.notice}")
        articles.append(e)
    unmapped: dict[str, list[str]] = {}
    for e in articles:
        if category_of(e.category, mapping, cfg) is None:
            unmapped.setdefault(e.category or "", []).append(shown_path(e.page.path))
    if unmapped:
        raise ImportProblem(unmapped_message(unmapped, cfg))
    existing, slugs = write.scan(into, cfg.slug_max_length)
    claimed: set[str] = {os.path.normcase(x.folder) for x in existing.values()}
    planned = []
    for e in articles:
        known = existing.get(link_key(e.url) if e.url else write.title_key(e.title, e.date))
        if known:
            folder = known.folder
            current = os.path.basename(folder)
            slug = current if current != slugify(e.title, cfg.slug_max_length) else None
        else:
            folder, slug = _new_folder(into, e, cfg, claimed, slugs)
        claimed.add(os.path.normcase(folder))
        slugs.add(slug or slugify(e.title, cfg.slug_max_length))
        planned.append((e, folder, slug))
    # Links between old articles point at the new ones ({filename} links Pelican resolves).
    targets = {key: x.folder for key, x in existing.items() if x.legacy_url}
    targets.update({link_key(e.url): folder for e, folder, _ in planned if e.url})
    for e, folder, slug in planned:
        links = Links(e, folder, targets)
        _import_one(e, into, folder, slug, cfg, mapping, links, force, report, dry_run)
    return report


def _import_one(e: Extracted, into, folder, slug, cfg: Config, mapping, links, force, report: Report,
                dry_run: bool = False) -> None:
    shown = shown_path(e.page.path)
    if not within(folder, into):  # a year or article folder that is a link leading elsewhere
        report.skipped.append((shown, f"thư mục {shown_path(folder)} dẫn ra ngoài thư mục nội dung {shown_path(into)} "
                               "(qua liên kết tắt), nên không ghi bài vào đó; chưa ghi gì cho bài này. Thay liên kết "
                               "tắt (symlink) bằng một thư mục thật trong thư mục nội dung rồi chạy lại", True))
        return
    category = category_of(e.category, mapping, cfg)
    converted = convert(e.blocks, e.title, locator(e), set(), links.resolve)
    text = write.with_hash(front_matter(e, category, converted.summary, slug, cfg.timezone) + "\n" + converted.markdown)
    index = shown_path(os.path.join(folder, "index.md"))
    state = write.state(folder, text)
    if state != "edited" or force:
        report.photos_missing += [(index, src) for src in converted.missing]
        if converted.uncaptioned:
            report.uncaptioned.append((index, converted.uncaptioned))
        if not e.url:
            report.no_url.append(index)
        if links.dangling:
            report.old_links.append((index, sorted(links.dangling)))
        report.files_outside += [(index, item) for item in links.outside]
    if dry_run:
        report.planned.append(_plan(e, category, converted, index, state, force))
        report.planned_states.append("forced" if state == "edited" and force else state)
        return
    if state == "edited" and not force:
        reason = f"{index} đã được sửa sau khi nhập nên được giữ nguyên; thêm --force để ghi đè bằng bản nhập lại"
        report.skipped.append((shown, reason, False))
        return
    try:
        if state == "new":
            write.write_new(folder, text, converted.photos)
            report.new.append(index)
        elif state == "unchanged" and write.photos_present(folder, converted.photos):
            report.unchanged.append(index)
            return
        else:
            write.write_over(folder, text, converted.photos)
            report.updated.append(index)
    except OSError as exc:
        report.skipped.append((shown, f"không ghi được {index}: {exc.strerror or exc}; chưa ghi gì cho bài này", True))
        return
    documents = sum(1 for f in converted.photos if f.name.lower().endswith(DOCUMENTS))
    report.photos_copied += len(converted.photos) - documents
    report.documents_copied += documents


def _plan(e: Extracted, category, converted, index: str, state: str, force: bool) -> list[str]:
    """What --dry-run says of one page: where it would go and what it holds."""
    import re

    photos = len(re.findall(r"^!\[", converted.markdown, re.MULTILINE))
    captions = len(re.findall(r"^!\[[^\]\n]+\]|^!\[\]\([^)\n]* \"[^\"\n]+\"\)|^\*Ảnh: ",
                              converted.markdown, re.MULTILINE))
    what = {"new": "bài mới", "unchanged": "không đổi", "changed": "cập nhật",
            "edited": "đã sửa sau khi nhập: ghi đè" if force else "đã sửa sau khi nhập: giữ nguyên"}.get(state, state)
    when = e.date.strftime("%d/%m/%Y %H:%M" if e.has_time else "%d/%m/%Y")
    lines = [f"{shown_path(e.page.path)} -> {index} ({what})",
             f"tiêu đề: {e.title}",
             f"ngày đăng: {when}; lượt xem: {e.views}; chuyên mục: {e.category or '(không rõ)'} -> {category.name}",
             f"ảnh: {photos} có tệp, {len(converted.missing)} thiếu; chú thích: {captions}"]
    if e.dropped:
        lines.append("đã bỏ: " + "; ".join(f"“{d[:60]}”" for d in e.dropped[:8]) + (" …" if len(e.dropped) > 8 else ""))
    if e.notice:
        lines.append(f"lưu ý: {e.notice}")
    return lines


def _new_folder(into: str, e: Extracted, cfg: Config, claimed: set[str], slugs: set[str]) -> tuple[str, str | None]:
    """<into>/<year>/<slug>, numbered -2, -3… past folders and slugs of other articles."""
    base = slugify(e.title, cfg.slug_max_length) or "bai-viet"
    year = os.path.join(into, f"{e.date.year:04d}")
    slug, number = base, 1
    while (os.path.exists(os.path.join(year, slug)) or os.path.normcase(os.path.join(year, slug)) in claimed
           or slug in slugs):
        number += 1
        suffix = f"-{number}"  # the build cuts slugs to slug_max_length: leave room for the number
        slug = slugify(base, cfg.slug_max_length - len(suffix)) + suffix
    return os.path.join(year, slug), (slug if number > 1 else None)


def print_report(report: Report, into: str, say=print) -> None:
    say(f"Đã đọc {report.read} trang của cổng cũ.")
    dry = bool(report.planned)
    if dry:
        states = report.planned_states
        count = {state: states.count(state) for state in ("new", "changed", "forced", "unchanged", "edited")}
        say(f"  Chạy thử (--dry-run), chưa ghi gì. {len(states)} trang là bài viết: sẽ nhập mới {count['new']}, "
            f"cập nhật {count['changed'] + count['forced']}, không đổi {count['unchanged']}, giữ nguyên vì đã sửa "
            f"sau khi nhập {count['edited']}:")
        for lines in report.planned:
            say(f"    * {lines[0]}")
            for line in lines[1:]:
                say(f"        {line}")
    else:
        say(f"  Nhập mới: {len(report.new)} bài")
        for path in report.new:
            say(f"    + {path}")
        say(f"  Cập nhật: {len(report.updated)} bài")
        for path in report.updated:
            say(f"    ~ {path}")
        say(f"  Không thay đổi: {len(report.unchanged)} bài")
    say(f"  Bỏ qua: {len(report.skipped)} trang")
    by_reason: dict[str, list] = {}
    for page, reason, error in report.skipped:
        by_reason.setdefault(reason if not error else f"{page}: {reason}", []).append((page, error))
    for reason, pages in by_reason.items():
        for page, error in pages[:SHOWN_PER_REASON]:
            say(f"    LỖI {reason}" if error else f"    - {page}: {reason}")
        if len(pages) > SHOWN_PER_REASON:
            say(f"    … và {len(pages) - SHOWN_PER_REASON} trang khác cùng lý do")
    if not dry:
        say(f"  Ảnh đã chép: {report.photos_copied}")
    if report.documents_copied:
        say(f"  Tệp đính kèm (văn bản) đã chép: {report.documents_copied}")
    say(f"  Ảnh thiếu (không có trong bản lưu; chú thích {'sẽ được' if dry else 'được'} giữ trong bài, "
        f"điền ảnh sau bằng invoke fill-photos): {len(report.photos_missing)}")
    for index, src in report.photos_missing:
        say(f"    ! {index}: {src}")
    if report.files_outside:
        say(f"  Tệp đính kèm không chép (ngoài thư mục nguồn, hoặc loại không được đăng; liên kết giữ nguyên): "
            f"{len(report.files_outside)}")
        for index, item in report.files_outside:
            say(f"    ! {index}: {item}")
    if report.uncaptioned:
        total = sum(n for _, n in report.uncaptioned)
        say(f"  Ảnh không có chú thích (đã tạm dùng tiêu đề bài, nên viết lại): {total}")
        for index, count in report.uncaptioned:
            say(f"    ? {index}: {count} ảnh")
    if report.no_url:
        say(f"  Không tìm được địa chỉ cũ (legacy_url), nên không có trang chuyển hướng: {len(report.no_url)} bài")
        for index in report.no_url:
            say(f"    ? {index}")
    if report.old_links:
        total = sum(len(urls) for _, urls in report.old_links)
        say(f"  Liên kết tới trang của cổng cũ chưa được nhập (sẽ hỏng khi tên miền chuyển sang trang mới): {total}")
        for index, urls in report.old_links[:SHOWN_PER_REASON]:
            say(f"    ? {index}: " + ", ".join(urls[:3]) + (" …" if len(urls) > 3 else ""))
        if len(report.old_links) > SHOWN_PER_REASON:
            say(f"    … và {len(report.old_links) - SHOWN_PER_REASON} bài khác")
    for notice in report.notices:
        say(f"  Lưu ý: {notice}")
