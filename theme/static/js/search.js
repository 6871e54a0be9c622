// The search page: Pagefind's index (built with the site), a Vietnamese UI.
// Readers often type without tone marks and write đ as d. Pagefind ignores
// tone marks by itself but treats đ as its own letter, so a word typed with
// an initial "d" is also searched with "đ" (only an initial d/đ exists in
// Vietnamese syllables) and the best score of each article wins. A query
// typed with the right marks still ranks exact matches first.

const form = document.querySelector(".search-page__form");
const input = document.getElementById("tu-khoa");
const list = document.getElementById("ket-qua-tim-kiem");
const status = document.getElementById("trang-thai-tim-kiem");
const MAX_RESULTS = 20;
const MAX_EXPANDED = 3; // words whose d/đ is tried both ways: at most 2^3 searches

let pagefind;
async function engine() {
  if (!pagefind) {
    pagefind = await import(list.dataset.bundle + "pagefind.js");
    await pagefind.options({ excerptLength: 28 });
  }
  return pagefind;
}

export function variants(query) {
  let out = [""];
  let expanded = 0;
  for (const word of query.trim().split(/\s+/).filter(Boolean)) {
    const forms = [word];
    if (/^[dD]/.test(word) && expanded < MAX_EXPANDED) {
      forms.push((word[0] === "D" ? "Đ" : "đ") + word.slice(1));
      expanded += 1;
    }
    out = out.flatMap((prefix) => forms.map((form) => (prefix ? prefix + " " : "") + form));
  }
  return out.filter(Boolean);
}

function show(text) {
  status.textContent = text;
}

function render(items) {
  list.replaceChildren(...items.map(({ data }) => {
    const item = document.createElement("li");
    item.className = "search-result";
    const title = document.createElement("h2");
    title.className = "search-result__title";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    title.append(link);
    const meta = document.createElement("p");
    meta.className = "search-result__meta";
    meta.textContent = [(data.meta.date || "").split("|")[0].trim(), data.meta.category].filter(Boolean).join(" · ");
    const excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    excerpt.innerHTML = data.excerpt; // Pagefind's excerpt of our own text: escaped, with <mark>
    item.append(title, meta, excerpt);
    return item;
  }));
}

let latest = 0;
async function search(query) {
  const ticket = ++latest;
  query = query.trim();
  if (!query) {
    list.replaceChildren();
    show("");
    return;
  }
  show("Đang tìm…");
  try {
    const pf = await engine();
    const best = new Map();
    for (const response of await Promise.all(variants(query).map((v) => pf.search(v)))) {
      for (const result of response.results) {
        const seen = best.get(result.id);
        if (!seen || result.score > seen.score) best.set(result.id, result);
      }
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, MAX_RESULTS);
    const items = await Promise.all(ranked.map(async (result) => ({ data: await result.data() })));
    if (ticket !== latest) return; // a newer query is on its way
    render(items);
    show(items.length
      ? `Tìm thấy ${best.size} bài cho “${query}”${best.size > MAX_RESULTS ? `, hiện ${MAX_RESULTS} bài khớp nhất` : ""}.`
      : `Không tìm thấy bài nào cho “${query}”. Thử từ khác hoặc ít từ hơn.`);
  } catch (error) {
    if (ticket === latest) show("Chưa tìm được lúc này. Hãy thử lại, hoặc xem tin theo chuyên mục bên dưới.");
    console.warn(error);
  }
}

if (form && input && list) {
  const query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value.trim());
    history.replaceState(null, "", url);
    search(input.value);
  });
  if (query) search(query);
}
