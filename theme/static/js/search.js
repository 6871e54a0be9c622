// The search page: the site's own index (plugins/news_publish/search.py), a
// Vietnamese UI. Readers often type without tone marks, write đ as d and
// leave out spaces ("dongda"), so every word is folded (lower case, no marks,
// đ → d) before it is looked up, and a word is also looked up as a pair of
// neighbouring words. Articles that use the words exactly as typed (marks
// included) and in the order typed, next to each other, rank first; a quoted
// phrase must stand as typed. Each word costs one small file; the results
// shown fetch their titles in chunks and their text one small file each, for
// the excerpt cut around the words found.

const form = document.querySelector(".search-page__form");
const input = document.getElementById("tu-khoa");
const list = document.getElementById("ket-qua-tim-kiem");
const status = document.getElementById("trang-thai-tim-kiem");
const filters = document.getElementById("loc-ket-qua");
const category = document.getElementById("loc-chuyen-muc");
const year = document.getElementById("loc-nam");
const more = document.getElementById("xem-them-ket-qua");
const PAGE = 10;
const EXACT_BONUS = 0.5;
const PAIR_BONUS = 0.5;
const EXCERPT = 240;
const TYPING_PAUSE = 300; // ms after the last key before a query runs

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

// What the reader asked: the words in the order typed, and which neighbours
// must stand together (inside “quotes”) or only rank higher when they do.
export function parse(query) {
  const typed = [];
  const pairs = [];
  const parts = query.normalize("NFC").split(/["“”„]/);
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1 && index < parts.length - 1;
    const found = words(part);
    found.forEach((word, i) => {
      if (typed.length) pairs.push({ at: typed.length - 1, required: quoted && i > 0 });
      typed.push(word);
    });
  });
  return { typed, pairs };
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

const EMPTY = { docs: [], hide: [], terms: {}, year: [] };

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

function asMap(postings) {
  const found = new Map();
  for (let i = 0; i < postings.length; i += 2) {
    found.set(postings[i], Math.max(found.get(postings[i]) || 0, postings[i + 1]));
  }
  return found;
}

// [[doc, tier, score], …] best first: tier counts the words found as typed
// (marks included) and the neighbours found together, plus the share of the
// words that are in the title; the score is BM25.
async function rank(query) {
  const meta = await load("meta.json");
  const recent = await delta(meta);
  const hidden = new Set(recent.hide);
  const docs = meta.docs + recent.docs.length - hidden.size;
  const { typed, pairs } = parse(query);
  const terms = [...new Set(typed.map(fold))];
  const joined = [...new Set(pairs.map(({ at }) => fold(typed[at]) + fold(typed[at + 1])))];
  const shard = (prefix, term) => load(`${prefix}-${bucket(term, prefix === "p" ? meta.pairs : meta.buckets)}.json`);
  const [shards, neighbours] = await Promise.all([
    Promise.all(terms.map((term) => shard("t", term))),
    Promise.all(joined.map((term) => shard("p", term))),
  ]);
  // a word no article has may be two typed without their space: look it up as a pair
  const singles = await Promise.all(terms.map((term, index) => (
    postingsOf(term, shards[index], recent, hidden).length ? {} : shard("p", term))));
  let scores = null;
  terms.forEach((term, index) => {
    // the word itself, or the same letters as two neighbouring words ("dongda": "Đống Đa")
    const found = asMap(postingsOf(term, shards[index], recent, hidden));
    for (const [doc, weight] of asMap(postingsOf("+" + term, singles[index], recent, hidden))) {
      found.set(doc, Math.max(found.get(doc) || 0, weight));
    }
    const idf = Math.log(1 + (docs - found.size + 0.5) / (found.size + 0.5));
    const next = new Map();
    for (const [doc, weight] of found) {
      if (scores === null || scores.has(doc)) next.set(doc, (scores ? scores.get(doc) : 0) + idf * weight);
    }
    scores = next; // every word must be there
  });
  if (!scores) return [];
  const tiers = new Map([...scores.keys()].map((doc) => [doc, 0]));
  const add = (doc, tier, score) => {
    tiers.set(doc, tiers.get(doc) + tier);
    scores.set(doc, scores.get(doc) + score);
  };
  for (const word of typed) {
    const term = fold(word);
    const exact = word === term ? term : "=" + word;
    const found = asMap(postingsOf(exact, shards[terms.indexOf(term)], recent, hidden));
    for (const doc of scores.keys()) {
      if (word === term || found.has(doc)) add(doc, 1, found.has(doc) ? EXACT_BONUS * found.get(doc) : 0);
    }
  }
  terms.forEach((term, index) => {
    const titled = postingsOf("^" + term, shards[index], recent, hidden);
    for (let i = 0; i < titled.length; i += 2) {
      if (scores.has(titled[i])) add(titled[i], 1 / terms.length, 0);
    }
  });
  for (const { at, required } of pairs) {
    const term = fold(typed[at]) + fold(typed[at + 1]);
    const found = asMap(postingsOf("+" + term, neighbours[joined.indexOf(term)], recent, hidden));
    for (const doc of [...scores.keys()]) {
      if (found.has(doc)) add(doc, 1, PAIR_BONUS * found.get(doc));
      else if (required) scores.delete(doc);
    }
  }
  return [...scores.entries()]
    .map(([doc, score]) => [doc, tiers.get(doc), score])
    .sort((a, b) => b[1] - a[1] || b[2] - a[2] || b[0] - a[0]);
}

async function documents(ranked, meta) {
  const recent = await delta(meta);
  return Promise.all(ranked.map(async ([doc]) => doc >= meta.docs
    ? recent.docs[doc - meta.docs]
    : (await load(`d-${Math.floor(doc / meta.chunk)}.json`))[doc % meta.chunk]));
}

// Each ranked document's category name and year, for the filters.
async function facets(ranked, meta) {
  const recent = await delta(meta);
  const base = meta.docs ? await load("f.json") : { names: [], category: [], year: [] };
  return ranked.map(([doc]) => doc >= meta.docs
    ? { category: recent.docs[doc - meta.docs][3], year: String(recent.year[doc - meta.docs]) }
    : { category: base.names[base.category[doc]], year: String(base.year[doc]) });
}

// Where the query's words are in a text: [start, end) ranges. A word typed
// with marks matches only that spelling; one typed without marks matches
// every spelling; a word typed without its space matches the two words.
const joins = (between, left, right) => /^\s+$/.test(between)
  || (/^[.,]$/.test(between) && /^\d+$/.test(left) && /^\d+$/.test(right)); // "2.000" typed "2000"

export function matches(text, typed) {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => {
    const lower = m[0].normalize("NFC").toLowerCase();
    return { start: m.index, end: m.index + m[0].length, lower, folded: fold(lower) };
  });
  const same = (word, lower, folded) => (fold(word) === word ? folded === word : lower === word);
  const found = [];
  const which = new Set();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const next = tokens[i + 1];
    typed.forEach((word, index) => {
      if (same(word, token.lower, token.folded)) {
        found.push([token.start, token.end, index]);
        which.add(index);
      } else if (next && joins(text.slice(token.end, next.start), token.lower, next.lower)
                 && same(word, token.lower + next.lower, token.folded + next.folded)) {
        found.push([token.start, next.end, index]);
        which.add(index);
      }
    });
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return { ranges: found.filter((range, i) => i === 0 || range[0] >= found[i - 1][1]), words: which.size };
}

// The passage that holds the most query words (and the most of them next to
// each other), cut to about EXCERPT characters around the first of them.
export function excerpt(passages, typed, fallback) {
  let best = null;
  for (const text of passages) {
    const { ranges, words: count } = matches(text, typed);
    if (!ranges.length) continue;
    let together = 0;
    for (let i = 1; i < ranges.length; i += 1) {
      if (ranges[i][2] === ranges[i - 1][2] + 1 && /^\s*$/.test(text.slice(ranges[i - 1][1], ranges[i][0]))) together += 1;
    }
    const score = count * 100 + together * 10 + Math.min(ranges.length, 9);
    if (!best || score > best.score) best = { text, ranges, score };
  }
  if (!best) return fallback;
  const { text, ranges } = best;
  if (text.length <= EXCERPT) return text;
  // start near the longest run of the query's words in the order typed
  let anchor = 0;
  for (let i = 0, run = 1, longest = 1; i < ranges.length; i += 1) {
    const next = ranges[i + 1];
    if (next && next[2] === ranges[i][2] + 1 && /^\s*$/.test(text.slice(ranges[i][1], next[0]))) {
      run += 1;
      if (run > longest) [longest, anchor] = [run, i + 2 - run];
    } else {
      run = 1;
    }
  }
  let start = Math.max(0, ranges[anchor][0] - Math.round(EXCERPT / 4));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + EXCERPT);
  if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), ranges[anchor][1]);
  return (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
}

function highlight(target, text, typed) {
  // Text only: the words found are wrapped in <mark>, nothing is parsed as HTML.
  let at = 0;
  for (const [start, end] of matches(text, typed).ranges) {
    if (start > at) target.append(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    target.append(mark);
    at = end;
  }
  if (at < text.length) target.append(text.slice(at));
}

function result([url, title, date, categoryName, summary], passages, typed) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  heading.className = "search-result__title";
  const link = document.createElement("a");
  link.href = list.dataset.articles.replace(/\/$/, "") + url;
  highlight(link, title, typed);
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "search-result__meta";
  meta.textContent = [date, categoryName].filter(Boolean).join(" · ");
  const text = document.createElement("p");
  text.className = "search-result__excerpt";
  highlight(text, excerpt(passages, typed, summary), typed);
  item.append(heading, meta, text);
  return item;
}

async function texts(docs) {
  return Promise.all(docs.map((doc) => (doc[5] ? load(`x/${doc[5]}.json`).catch(() => []) : [])));
}

function show(text) {
  status.textContent = text;
}

function options(select, values, all, chosen) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => (select === year ? b.localeCompare(a) : a.localeCompare(b, "vi")));
  const first = new Option(all, "");
  select.replaceChildren(first, ...keys.map((key) => new Option(`${key} (${counts.get(key)})`, key)));
  select.value = counts.has(chosen) ? chosen : "";
}

let latest = 0;
let current = null; // the last query's ranked and filtered results, for "Xem thêm"

async function showMore(ticket) {
  const { shown, meta, typed } = current;
  const page = shown.slice(list.children.length, list.children.length + PAGE);
  const docs = await documents(page, meta);
  const passages = await texts(docs);
  if (ticket !== latest) return; // a newer query is on its way
  list.append(...docs.map((doc, i) => result(doc, passages[i], typed)));
  more.hidden = list.children.length >= shown.length;
}

function keepInUrl(query) {
  const url = new URL(location.href);
  for (const [key, value] of [["q", query], ["chuyen-muc", category?.value], ["nam", year?.value]]) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  if (url.href !== location.href) history.replaceState(null, "", url);
}

async function search(query, chosen = {}) {
  const ticket = ++latest;
  query = query.trim();
  keepInUrl(query);
  if (!query || !words(query).length) {
    list.replaceChildren();
    if (filters) filters.hidden = true;
    if (more) more.hidden = true;
    show("");
    return;
  }
  show("Đang tìm…");
  try {
    const meta = await load("meta.json");
    const ranked = await rank(query);
    const about = await facets(ranked, meta);
    if (ticket !== latest) return;
    const wanted = { category: chosen.category ?? category?.value ?? "", year: chosen.year ?? year?.value ?? "" };
    if (filters) {
      options(category, about.map((f) => f.category), "Tất cả chuyên mục", wanted.category);
      options(year, about.map((f) => f.year), "Mọi năm", wanted.year);
      filters.hidden = ranked.length === 0;
      wanted.category = category.value;
      wanted.year = year.value;
      keepInUrl(query);
    }
    const shown = ranked.filter((_, i) => (!wanted.category || about[i].category === wanted.category)
                                          && (!wanted.year || about[i].year === wanted.year));
    current = { shown, meta, typed: parse(query).typed };
    list.replaceChildren();
    await showMore(ticket);
    if (ticket !== latest) return;
    const narrowed = shown.length < ranked.length ? ` (${shown.length} trong ${ranked.length} bài theo bộ lọc)` : "";
    show(shown.length
      ? `Tìm thấy ${shown.length} bài cho “${query}”${narrowed}${shown.length > PAGE ? `, hiện ${list.children.length} bài khớp nhất` : ""}.`
      : ranked.length
        ? `Không có bài nào cho “${query}” theo bộ lọc đã chọn. Chọn “Tất cả chuyên mục” hoặc “Mọi năm” để xem ${ranked.length} bài tìm thấy.`
        : `Không tìm thấy bài nào cho “${query}”. Thử từ khác hoặc ít từ hơn.`);
  } catch (error) {
    if (ticket === latest) show("Chưa tìm được lúc này. Hãy thử lại, hoặc xem tin theo chuyên mục bên dưới.");
    console.warn(error);
  }
}

if (form && input && list) {
  const params = new URLSearchParams(location.search);
  const query = params.get("q") || "";
  input.value = query;
  let typing = 0;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    search(input.value);
  });
  input.addEventListener("input", () => {
    // results as the reader types, once they pause
    clearTimeout(typing);
    typing = setTimeout(() => search(input.value), TYPING_PAUSE);
  });
  for (const select of [category, year]) {
    select?.addEventListener("change", () => search(input.value));
  }
  more?.addEventListener("click", async () => {
    const first = list.children.length;
    await showMore(latest);
    list.children[first]?.querySelector("a")?.focus();
    show(`Hiện ${list.children.length} trong ${current.shown.length} bài tìm thấy.`);
  });
  if (query) search(query, { category: params.get("chuyen-muc") || "", year: params.get("nam") || "" });
}
