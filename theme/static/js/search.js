// The search page: the site's own index (plugins/news_publish/search.py), a
// Vietnamese UI. Readers often type without tone marks and write đ as d, so
// every word is folded (lower case, no marks, đ → d) before it is looked up;
// the words as typed, marks included, rank the articles that use exactly them
// first. Each word costs one small file; results fetch their titles in chunks.

const form = document.querySelector(".search-page__form");
const input = document.getElementById("tu-khoa");
const list = document.getElementById("ket-qua-tim-kiem");
const status = document.getElementById("trang-thai-tim-kiem");
const MAX_RESULTS = 20;
const EXACT_BONUS = 0.5;

export function fold(word) {
  return word.replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export function words(text) {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}

export function bucket(term, buckets) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(term)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

const files = new Map();
function load(name) {
  if (!files.has(name)) {
    // meta.json names the delta it goes with, so a cached delta.json is never used with another base
    files.set(name, fetch(list.dataset.index + name, name === "meta.json" ? { cache: "no-cache" } : {}).then((response) => {
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      return response.json();
    }));
  }
  return files.get(name);
}

const EMPTY = { docs: [], hide: [], terms: {} };

async function delta(meta) {
  // Articles changed since the last full index: their postings, and the old numbers they replace.
  return meta.delta ? load(`delta.json?${meta.delta}`) : EMPTY;
}

function postingsOf(term, shard, recent, hidden) {
  const base = shard[term] || [];
  const kept = [];
  for (let i = 0; i < base.length; i += 2) if (!hidden.has(base[i])) kept.push(base[i], base[i + 1]);
  return kept.concat(recent.terms[term] || []);
}

async function rank(query) {
  const meta = await load("meta.json");
  const recent = await delta(meta);
  const hidden = new Set(recent.hide);
  const docs = meta.docs + recent.docs.length - hidden.size;
  const typed = [...new Set(words(query))];
  const terms = [...new Set(typed.map(fold))];
  const shards = await Promise.all(terms.map((term) => load(`t-${bucket(term, meta.buckets)}.json`)));
  let scores = null;
  terms.forEach((term, index) => {
    const postings = postingsOf(term, shards[index], recent, hidden);
    const idf = Math.log(1 + (docs - postings.length / 2 + 0.5) / (postings.length / 2 + 0.5));
    const next = new Map();
    for (let i = 0; i < postings.length; i += 2) {
      const doc = postings[i];
      if (scores === null || scores.has(doc)) next.set(doc, (scores ? scores.get(doc) : 0) + idf * postings[i + 1]);
    }
    scores = next; // every word must be there
  });
  if (!scores) return [];
  for (const word of typed) {
    const term = fold(word);
    const exact = word === term ? term : "=" + word;
    const postings = postingsOf(exact, shards[terms.indexOf(term)], recent, hidden);
    for (let i = 0; i < postings.length; i += 2) {
      if (scores.has(postings[i])) scores.set(postings[i], scores.get(postings[i]) + EXACT_BONUS * postings[i + 1]);
    }
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
}

async function documents(ranked, meta) {
  const recent = await delta(meta);
  return Promise.all(ranked.map(async ([doc]) => doc >= meta.docs
    ? recent.docs[doc - meta.docs]
    : (await load(`d-${Math.floor(doc / meta.chunk)}.json`))[doc % meta.chunk]));
}

function show(text) {
  status.textContent = text;
}

function highlight(target, text, terms) {
  // The excerpt is text: words matching the query are wrapped in <mark>, nothing is parsed as HTML.
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (part && terms.has(fold(part))) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      target.append(mark);
    } else if (part) {
      target.append(part);
    }
  }
}

function render(docs, terms) {
  list.replaceChildren(...docs.map(([url, title, date, category, excerpt]) => {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    heading.className = "search-result__title";
    const link = document.createElement("a");
    link.href = list.dataset.articles.replace(/\/$/, "") + url;
    link.textContent = title;
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "search-result__meta";
    meta.textContent = [date, category].filter(Boolean).join(" · ");
    const text = document.createElement("p");
    text.className = "search-result__excerpt";
    highlight(text, excerpt, terms);
    item.append(heading, meta, text);
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
    const meta = await load("meta.json");
    const ranked = await rank(query);
    const docs = await documents(ranked.slice(0, MAX_RESULTS), meta);
    if (ticket !== latest) return; // a newer query is on its way
    render(docs, new Set(words(query).map(fold)));
    show(docs.length
      ? `Tìm thấy ${ranked.length} bài cho “${query}”${ranked.length > MAX_RESULTS ? `, hiện ${MAX_RESULTS} bài khớp nhất` : ""}.`
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
