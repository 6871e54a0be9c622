"""The relevance benchmark's corpus: benchmarks/_articles.py's 1,000 articles with
seeded, specific facts whose relevance is known by construction (issue #16).

_articles.py recombines the sample's sentences, so most words are in every
article and a search over it has no right answer. Here the same generator
(`_articles.Article`, same seed, same draw) writes each article from a pool
without the sample sentences that name one of the facets below, and then:

- about a third of the articles get facets: a person (a title and a
  Vietnamese name; several names share syllables or differ only by a tone
  mark: "Lê Tuấn Định" / "Lê Định Tuấn", "Nguyễn Văn Đình" / "Nguyễn Văn
  Định", "Đỗ Đức Minh" / "Vũ Minh Đức"), a place ("phường Láng Thượng",
  "phố Tây Sơn", …) and/or an event ("tổng vệ sinh môi trường", "đối thoại
  doanh nghiệp", …). An article's facets are named together in one sentence
  of its body, and in 60 % of them also in its title (the rest keep the
  generator's title: a fact only in the body is harder to rank);
- distractors: sentences in other articles that use a facet's syllables apart
  or with other marks ("địa phương … lãng phí … tinh thần thượng tôn" for
  "phường Láng Thượng", "phía tây … sơn sửa" for "phố Tây Sơn").

`relevant(query)` is the set of article numbers whose constructed facets
match the query's intent (QUERIES): it comes from the generator, never from a
search. `check()` proves the construction: a facet's syllables, folded, stand
next to each other (in the title or the body) in exactly the articles that
have it.

This corpus is for benchmarks/relevance.py only; _articles.py and the scale
benchmark's corpus are unchanged.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "plugins"))

import _articles  # noqa: E402
from news_publish.search import fold, words  # noqa: E402

SEED = 20250716
PER_FACET = 12  # articles that have each facet (at least; combined queries add some)
PER_COMBO = 6  # articles that have both facets of each combined query
DISTRACTED = 30  # articles that get each facet's distractor sentence
TITLED = 0.6  # share of facet articles whose title names their facts

# id: (title, name, pronoun)
PEOPLE = {
    "p-le-tuan-dinh": ("Chủ tịch UBND quận", "Lê Tuấn Định", "ông"),
    "p-le-dinh-tuan": ("Phó Bí thư Quận ủy", "Lê Định Tuấn", "ông"),
    "p-nguyen-van-dinh-huyen": ("Trưởng Công an phường", "Nguyễn Văn Đình", "ông"),
    "p-nguyen-van-dinh-nang": ("Phó Chủ tịch UBND quận", "Nguyễn Văn Định", "ông"),
    "p-do-duc-minh": ("Bí thư Đảng ủy phường", "Đỗ Đức Minh", "ông"),
    "p-vu-minh-duc": ("Chủ tịch Ủy ban MTTQ quận", "Vũ Minh Đức", "ông"),
    "p-tran-thi-thu-ha": ("Chủ tịch Hội Liên hiệp Phụ nữ quận", "Trần Thị Thu Hà", "bà"),
    "p-hoang-anh-dung": ("Bí thư Quận đoàn", "Hoàng Anh Dũng", "anh"),
}
# id: (as written in a sentence, the facet's words)
PLACES = {
    "l-lang-thuong": ("phường Láng Thượng", "Láng Thượng"),
    "l-tay-son": ("phố Tây Sơn", "Tây Sơn"),
    "l-kim-lien": ("phường Kim Liên", "Kim Liên"),
    "l-van-mieu": ("phường Văn Miếu - Quốc Tử Giám", "Văn Miếu"),
    "l-o-cho-dua": ("phường Ô Chợ Dừa", "Ô Chợ Dừa"),
    "l-kham-thien": ("phố Khâm Thiên", "Khâm Thiên"),
    "l-trung-liet": ("phường Trung Liệt", "Trung Liệt"),
    "l-thinh-quang": ("phường Thịnh Quang", "Thịnh Quang"),
}
EVENTS = {
    "e-bieu-duong": ("hội nghị biểu dương người tốt, việc tốt", "hội nghị biểu dương"),
    "e-tong-ve-sinh": ("tổng vệ sinh môi trường", "tổng vệ sinh"),
    "e-doi-thoai": ("buổi đối thoại doanh nghiệp", "đối thoại doanh nghiệp"),
    "e-via-he": ("đợt lập lại trật tự vỉa hè", "trật tự vỉa hè"),
    "e-hien-mau": ("ngày hội hiến máu tình nguyện", "hiến máu tình nguyện"),
    "e-pccc": ("buổi diễn tập phòng cháy chữa cháy", "phòng cháy chữa cháy"),
    "e-tiem-chung": ("đợt tiêm chủng mở rộng", "tiêm chủng"),
    "e-chung-cu": ("kế hoạch cải tạo chung cư cũ", "cải tạo chung cư cũ"),
}
# Sentences for articles that do not have the facet: its syllables apart, in
# another order or with other marks, never next to each other as in the facet.
DISTRACTORS = {
    "p-le-tuan-dinh": ["Lễ ra quân diễn ra trong tuần, định kỳ mỗi quý một lần, do ông Lê Văn Tuấn điều hành.",
                       "Theo quy định, cán bộ phải trực cả tuần; ông Tuấn cho biết lịch đã được xác định."],
    "p-le-dinh-tuan": ["Gia đình ông Lê Văn Hải tuân thủ đúng quy định về phân loại rác.",
                       "Đoàn kiểm tra xác định các hộ đã tuân thủ; ông Lê Quang Vinh ghi nhận."],
    "p-nguyen-van-dinh-huyen": ["Nguyễn vọng của người dân được ghi nhận; văn bản trả lời gửi tới từng gia đình.",
                                "Nhân dân đóng góp ý kiến vào văn kiện; ông Nguyễn Hữu Thắng tiếp thu tại đình làng."],
    "p-nguyen-van-dinh-nang": ["Ông Nguyễn Quốc Khánh ký văn bản quy định về đình chỉ thi công công trình sai phép.",
                               "Văn phòng quận đã có văn bản; theo kế hoạch định hướng, ông Nguyễn Hồng Sơn phụ trách."],
    "p-do-duc-minh": ["Đô thị văn minh là mục tiêu; đạo đức công vụ được đề cao trong từng việc làm.",
                      "Ông Vũ Đức Thịnh tặng quà; mức độ hài lòng minh bạch được công khai."],
    "p-vu-minh-duc": ["Nhiệm vụ năm tới là xây dựng chính quyền minh bạch, đức tính cần kiệm được nêu gương.",
                      "Ông Đỗ Minh Hoàng phụ trách vũ trang; phẩm chất, đạo đức được đánh giá hằng năm."],
    "p-tran-thi-thu-ha": ["Bà Trần Thị Mai cho biết việc thu phí được thực hiện ở Hà Nội trước thời hạn.",
                          "Trấn an người dân, thị trường được kiểm tra; thu nhập tăng, hạ tầng được nâng cấp."],
    "p-hoang-anh-dung": ["Hoàng hôn buông xuống, anh em trong tổ dân phố vẫn dùng loa nhắc nhở.",
                         "Ông Trần Anh Tú sử dụng ngân sách đúng mục đích; anh Hoàng Văn Nam hỗ trợ."],
    "l-lang-thuong": ["Địa phương kiên quyết không để lãng phí, tinh thần thượng tôn pháp luật được đề cao.",
                      "Các phường đã rà soát, tránh lãng phí; đời sống nhân dân được cải thiện, thượng tầng ổn định."],
    "l-tay-son": ["Khu vực phía tây của quận đã được sơn sửa lại các điểm sinh hoạt cộng đồng.",
                  "Công nhân sơn lại vạch kẻ đường; đoàn khách nước ngoài đến từ Tây Ban Nha tham quan."],
    "l-kim-lien": ["Kim ngạch xuất khẩu của các doanh nghiệp trên địa bàn tăng, liên ngành kiểm tra định kỳ.",
                   "Đoàn liên ngành đã kiểm tra các cửa hàng kim khí, đồ điện trên địa bàn."],
    "l-van-mieu": ["Văn bản hướng dẫn đã được gửi tới ban quản lý di tích đình, chùa, miếu trên địa bàn.",
                   "Các miếu, đền được tu bổ; công tác văn thư lưu trữ được thực hiện nghiêm túc."],
    "l-o-cho-dua": ["Bãi đỗ ô tô gần chợ dân sinh được sắp xếp lại; tiểu thương bán dưa hấu được bố trí chỗ ngồi.",
                    "Tại chợ, giá rau, dưa chuột ổn định; lực lượng chức năng nhắc nhở người đi xe ô tô."],
    "l-kham-thien": ["Thiên tai, bão lũ được dự báo sớm; đoàn khám sức khỏe cho người cao tuổi tại trạm y tế.",
                     "Người dân khâm phục tinh thần của các lực lượng trong phòng chống thiên tai."],
    "l-trung-liet": ["Trung tâm văn hóa tổ chức dâng hương tưởng niệm các anh hùng liệt sĩ.",
                     "Gia đình liệt sĩ được thăm hỏi; trung bình mỗi năm quận hỗ trợ hàng trăm gia đình."],
    "l-thinh-quang": ["Xây dựng quận phát triển thịnh vượng, quang cảnh đô thị ngày càng khang trang.",
                      "Không khí hội nghị hưng thịnh, phấn khởi; buổi lễ có quang cảnh trang trọng."],
    "e-bieu-duong": ["Hội nghị đã khen thưởng các tập thể; tại buổi lễ, lãnh đạo quận biểu dương những nỗ lực của cơ sở.",
                     "Hội nghị triển khai nhiệm vụ năm mới được tổ chức trang trọng, các đại biểu biểu quyết thông qua."],
    "e-tong-ve-sinh": ["Tổng số hộ tham gia tăng; công tác vệ sinh an toàn thực phẩm được kiểm tra.",
                       "Các hộ dân giữ vệ sinh chung; tổng kết cuối năm, phường đạt danh hiệu văn hóa."],
    "e-doi-thoai": ["Đại diện doanh nghiệp phát biểu; qua điện thoại, người dân phản ánh kiến nghị tới phường.",
                    "Đội công tác hướng dẫn doanh nghiệp kê khai thuế; buổi gặp mặt, thoại thảo diễn ra cởi mở."],
    "e-via-he": ["Trật tự an toàn giao thông được bảo đảm; các hộ kinh doanh cam kết không lấn chiếm lòng đường, vỉa hè.",
                 "Lực lượng chức năng giữ trật tự khu vực; mùa hè, các điểm vui chơi đông người."],
    "e-hien-mau": ["Người dân hiến đất làm đường; giá thịt, máu tiết được kiểm tra, lực lượng tình nguyện hỗ trợ.",
                   "Đoàn viên tình nguyện tham gia dọn dẹp; cảnh sát giao thông hướng dẫn cứu người bị thương mất máu."],
    "e-pccc": ["Phòng Văn hóa - Thông tin phối hợp kiểm tra; cháy rừng mùa khô được cảnh báo, chữa bệnh miễn phí.",
               "Người dân được hướng dẫn phòng tránh đuối nước; không để xảy ra cháy, nổ tại các khu dân cư."],
    "e-tiem-chung": ["Các tiệm cầm đồ được kiểm tra; chủng loại hàng hóa phong phú, giá cả ổn định.",
                     "Chủng loại cây xanh được lựa chọn phù hợp; tiệm tạp hóa niêm yết giá công khai."],
    "e-chung-cu": ["Chung tay cải tạo cảnh quan; cư dân tổ dân phố cũ góp sức xây dựng.",
                   "Kế hoạch cải tạo vườn hoa được triển khai; công tác chung của tổ dân cư được ghi nhận."],
}
FACETS = {**{k: ("person", v[1]) for k, v in PEOPLE.items()},
          **{k: ("place", v[1]) for k, v in PLACES.items()},
          **{k: ("event", v[1]) for k, v in EVENTS.items()}}

# The queries: what citizens type, what they mean (facet ids: every listed kind
# must match, any id of a kind), and what kind of query it is. A query typed
# without marks means every facet that folds to it ("nguyen van dinh": Đình
# and Định); with marks, only the facet written so.
P, L, E = "person", "place", "event"
QUERIES = [
    # names
    ("Lê Tuấn Định", {P: ["p-le-tuan-dinh"]}, ["name", "marked", "multi-word"]),
    ("le tuan dinh", {P: ["p-le-tuan-dinh"]}, ["name", "unmarked", "d-for-đ", "multi-word"]),
    ("Lê Định Tuấn", {P: ["p-le-dinh-tuan"]}, ["name", "marked", "multi-word"]),
    ("le dinh tuan", {P: ["p-le-dinh-tuan"]}, ["name", "unmarked", "d-for-đ", "multi-word"]),
    ("Nguyễn Văn Đình", {P: ["p-nguyen-van-dinh-huyen"]}, ["name", "marked", "multi-word"]),
    ("Nguyễn Văn Định", {P: ["p-nguyen-van-dinh-nang"]}, ["name", "marked", "multi-word"]),
    ("nguyen van dinh", {P: ["p-nguyen-van-dinh-huyen", "p-nguyen-van-dinh-nang"]},
     ["name", "unmarked", "d-for-đ", "multi-word"]),
    ("Đỗ Đức Minh", {P: ["p-do-duc-minh"]}, ["name", "marked", "multi-word"]),
    ("do duc minh", {P: ["p-do-duc-minh"]}, ["name", "unmarked", "d-for-đ", "multi-word"]),
    ("Vũ Minh Đức", {P: ["p-vu-minh-duc"]}, ["name", "marked", "multi-word"]),
    ("vu minh duc", {P: ["p-vu-minh-duc"]}, ["name", "unmarked", "d-for-đ", "multi-word"]),
    ("tran thi thu ha", {P: ["p-tran-thi-thu-ha"]}, ["name", "unmarked", "multi-word"]),
    ("hoang anh dung", {P: ["p-hoang-anh-dung"]}, ["name", "unmarked", "multi-word"]),
    ("chủ tịch Lê Tuấn Định", {P: ["p-le-tuan-dinh"]}, ["name", "marked", "multi-word"]),
    ('"Lê Định Tuấn"', {P: ["p-le-dinh-tuan"]}, ["name", "marked", "quoted"]),
    ("Lê Tuấn Dịnh", {P: ["p-le-tuan-dinh"]}, ["name", "marked", "d-for-đ", "multi-word"]),
    # places
    ("Láng Thượng", {L: ["l-lang-thuong"]}, ["place", "marked", "multi-word"]),
    ("lang thuong", {L: ["l-lang-thuong"]}, ["place", "unmarked", "multi-word"]),
    ("langthuong", {L: ["l-lang-thuong"]}, ["place", "unmarked", "joined"]),
    ("phuong lang thuong", {L: ["l-lang-thuong"]}, ["place", "unmarked", "multi-word"]),
    ("phố Tây Sơn", {L: ["l-tay-son"]}, ["place", "marked", "multi-word"]),
    ("tay son", {L: ["l-tay-son"]}, ["place", "unmarked", "multi-word"]),
    ("Kim Liên", {L: ["l-kim-lien"]}, ["place", "marked", "multi-word"]),
    ("kim lien", {L: ["l-kim-lien"]}, ["place", "unmarked", "multi-word"]),
    ("kimlien", {L: ["l-kim-lien"]}, ["place", "unmarked", "joined"]),
    ("van mieu", {L: ["l-van-mieu"]}, ["place", "unmarked", "multi-word"]),
    ("o cho dua", {L: ["l-o-cho-dua"]}, ["place", "unmarked", "multi-word"]),
    ("ochodua", {L: ["l-o-cho-dua"]}, ["place", "unmarked", "joined"]),
    ("Ô Chợ Dừa", {L: ["l-o-cho-dua"]}, ["place", "marked", "multi-word"]),
    ("kham thien", {L: ["l-kham-thien"]}, ["place", "unmarked", "multi-word"]),
    ("khamthien", {L: ["l-kham-thien"]}, ["place", "unmarked", "joined"]),
    ("trung liet", {L: ["l-trung-liet"]}, ["place", "unmarked", "multi-word"]),
    ("Thịnh Quang", {L: ["l-thinh-quang"]}, ["place", "marked", "multi-word"]),
    ("thinhquang", {L: ["l-thinh-quang"]}, ["place", "unmarked", "joined"]),
    # events
    ("tổng vệ sinh", {E: ["e-tong-ve-sinh"]}, ["event", "marked", "multi-word"]),
    ("tong ve sinh", {E: ["e-tong-ve-sinh"]}, ["event", "unmarked", "multi-word"]),
    ("doi thoai doanh nghiep", {E: ["e-doi-thoai"]}, ["event", "unmarked", "d-for-đ", "multi-word"]),
    ("đối thoại doanh nghiệp", {E: ["e-doi-thoai"]}, ["event", "marked", "multi-word"]),
    ("trat tu via he", {E: ["e-via-he"]}, ["event", "unmarked", "multi-word"]),
    ("trật tự vỉa hè", {E: ["e-via-he"]}, ["event", "marked", "multi-word"]),
    ("hien mau tinh nguyen", {E: ["e-hien-mau"]}, ["event", "unmarked", "multi-word"]),
    ("phong chay chua chay", {E: ["e-pccc"]}, ["event", "unmarked", "multi-word"]),
    ("tiem chung", {E: ["e-tiem-chung"]}, ["event", "unmarked", "multi-word"]),
    ("cai tao chung cu cu", {E: ["e-chung-cu"]}, ["event", "unmarked", "multi-word"]),
    ('"hội nghị biểu dương"', {E: ["e-bieu-duong"]}, ["event", "marked", "quoted"]),
    ("hoi nghi bieu duong", {E: ["e-bieu-duong"]}, ["event", "unmarked", "multi-word"]),
    # combined
    ("tong ve sinh kim lien", {E: ["e-tong-ve-sinh"], L: ["l-kim-lien"]}, ["combined", "unmarked", "multi-word"]),
    ("đối thoại doanh nghiệp Láng Thượng", {E: ["e-doi-thoai"], L: ["l-lang-thuong"]},
     ["combined", "marked", "multi-word"]),
    ("hien mau o cho dua", {E: ["e-hien-mau"], L: ["l-o-cho-dua"]}, ["combined", "unmarked", "multi-word"]),
    ("Lê Tuấn Định trật tự vỉa hè", {P: ["p-le-tuan-dinh"], E: ["e-via-he"]}, ["combined", "marked", "multi-word"]),
    ("nguyen van dinh phong chay chua chay", {P: ["p-nguyen-van-dinh-huyen", "p-nguyen-van-dinh-nang"],
                                              E: ["e-pccc"]}, ["combined", "unmarked", "d-for-đ", "multi-word"]),
    ("tiêm chủng Khâm Thiên", {E: ["e-tiem-chung"], L: ["l-kham-thien"]}, ["combined", "marked", "multi-word"]),
    ("Kim Lien", {L: ["l-kim-lien"]}, ["place", "unmarked", "multi-word"]),
]
KINDS = ["marked", "unmarked", "d-for-đ", "multi-word", "joined", "quoted", "name", "place", "event", "combined"]


def folded(text: str) -> list[str]:
    return [fold(w) for w in words(text)]


def _has(tokens: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(tokens[i:i + n] == phrase for i in range(len(tokens) - n + 1))


def pool() -> list[str]:
    """The sample's sentences without those that name a facet (as the facets fold)."""
    phrases = [folded(words_) for _, words_ in FACETS.values()]
    return [s for s in _articles.sentences() if not any(_has(folded(s), p) for p in phrases)]


def plan(count: int, seed: int = SEED) -> dict[int, dict[str, str]]:
    """{article number: {kind: facet id}}: the combined queries' pairs first, then every
    facet topped up to PER_FACET articles. Seeded, independent of any search."""
    rng = random.Random(f"{seed}-plan")
    facets: dict[int, dict[str, str]] = {}
    free = list(range(count))
    rng.shuffle(free)
    for _, intent, kinds in QUERIES:
        if "combined" in kinds:
            for _ in range(PER_COMBO):
                number = free.pop()
                facets[number] = {kind: ids[rng.randrange(len(ids))] for kind, ids in intent.items()}
    for facet, (kind, _) in FACETS.items():
        have = sum(1 for f in facets.values() if f.get(kind) == facet)
        candidates = [n for n in range(count) if kind not in facets.get(n, {})]
        rng.shuffle(candidates)
        for number in candidates[: max(0, PER_FACET - have)]:
            facets.setdefault(number, {})[kind] = facet
    return facets


def _title(f: dict[str, str], number: int) -> str:
    who = f"{PEOPLE[f['person']][0]} {PEOPLE[f['person']][1]}" if "person" in f else ""
    where = PLACES[f["place"]][0] if "place" in f else ""
    what = EVENTS[f["event"]][0] if "event" in f else ""
    if who and what and where:
        text = f"{who} dự {what} tại {where}"
    elif who and what:
        text = f"{who} chỉ đạo {what}"
    elif who and where:
        text = f"{who} làm việc tại {where}"
    elif what and where:
        text = f"{where} tổ chức {what}"
    elif who:
        text = f"{who} thăm, động viên các lực lượng"
    elif what:
        text = f"Quận tổ chức {what}"
    else:
        text = f"Những đổi thay ở {where}"
    return text[0].upper() + text[1:] + f" (bài {number})"


def _sentence(f: dict[str, str], rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    where = f"tại {PLACES[f['place']][0]}, " if "place" in f else ""
    if "person" in f:
        title, name, pronoun = PEOPLE[f["person"]]
        who = rng.choice([f"{title} {name}", f"{pronoun} {name}, {title},"])
    else:
        who = rng.choice(["UBND phường", "các lực lượng chức năng", "Ủy ban MTTQ phường"])
    what = EVENTS[f["event"]][0] if "event" in f else "buổi làm việc với cán bộ, nhân dân khu dân cư"
    verb = rng.choice(["đã chủ trì", "đã tham dự", "đã chỉ đạo", "phối hợp tổ chức"])
    text = f"Sáng {day}/{month}, {where}{who} {verb} {what}, với sự tham gia của đông đảo cán bộ và nhân dân."
    return text[0].upper() + text[1:]


class Corpus:
    def __init__(self, count: int = 1000, seed: int = SEED):
        self.count = count
        self.facets = plan(count, seed)
        sentences, cats = pool(), _articles.categories()
        rng = random.Random(f"{seed}-extras")
        distract: dict[int, list[str]] = {}
        for facet in DISTRACTORS:
            kind = FACETS[facet][0]
            others = [n for n in range(count) if self.facets.get(n, {}).get(kind) != facet]
            for number in rng.sample(others, DISTRACTED):
                distract.setdefault(number, []).append(rng.choice(DISTRACTORS[facet]))
        self.articles = []
        for number in range(count):
            # the generator's own draw for this article (same seed as _articles.generate)
            article = _articles.Article(random.Random(f"{_articles.SEED}-{number}"), sentences, cats, number, False)
            own = random.Random(f"{seed}-{number}")
            f = self.facets.get(number)
            if f:
                if own.random() < TITLED:
                    article.title = _title(f, number)
                at = own.randrange(len(article.paragraphs))
                article.paragraphs[at] = _sentence(f, own) + " " + article.paragraphs[at]
            for sentence in distract.get(number, []):
                at = own.randrange(len(article.paragraphs))
                article.paragraphs[at] = article.paragraphs[at] + " " + sentence
            self.articles.append(article)

    def relevant(self, intent: dict[str, list[str]]) -> set[int]:
        return {n for n, f in self.facets.items() if all(f.get(kind) in ids for kind, ids in intent.items())}

    def check(self) -> None:
        """Every facet's folded syllables stand together in exactly the articles that have it
        (or a facet that folds alike)."""
        for article in self.articles:
            tokens = folded(article.title) + ["|"] + folded("\n".join(article.paragraphs))
            mine = {tuple(folded(FACETS[f][1])) for f in self.facets.get(article.number, {}).values()}
            for facet, (_, phrase) in FACETS.items():  # "Đình" and "Định" fold alike
                found = _has(tokens, folded(phrase))
                if found != (tuple(folded(phrase)) in mine):
                    raise AssertionError(f"bài {article.number}: {facet} {'found' if found else 'missing'}")
        for text, intent, _ in QUERIES:
            if len(self.relevant(intent)) < 5:
                raise AssertionError(f"{text!r}: fewer than 5 relevant articles")

    def key(self) -> str:
        """Changes whenever an article's text would."""
        digest = hashlib.blake2b(digest_size=8)
        for article in self.articles:
            digest.update(article.ours().encode("utf-8"))
        return digest.hexdigest()


if __name__ == "__main__":
    corpus = Corpus()
    corpus.check()
    for text, intent, kinds in QUERIES:
        print(f"{len(corpus.relevant(intent)):3}  {text!r:40} {' '.join(kinds)}")
    print(len(QUERIES), "queries;", len(corpus.facets), "articles with facets")
