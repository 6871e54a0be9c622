// Small enhancements on every page; the site works without them.
// - buttons that need JavaScript (copy link, print) are shown only when it runs;
// - "Sao chép liên kết" copies the article's address and says so in a live region;
// - "In bài viết" opens the print dialog (the print stylesheet does the rest);
// - the phone menu closes with Escape and when focus or a tap leaves it;
// - the header shows today's date in Hà Nội ("Thứ Ba, 08/12/2026"; on /en/
//   "Tuesday, 8 December 2026"), written here so the built pages never change with the day.

for (const item of document.querySelectorAll("[data-js]")) item.hidden = false;

const VI_DAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

function today(now = new Date()) {
  const hanoi = new Date(now.getTime() + 7 * 3600 * 1000); // UTC+7 all year: read it with getUTC*
  const [year, month, day, weekday] = [hanoi.getUTCFullYear(), hanoi.getUTCMonth(), hanoi.getUTCDate(), hanoi.getUTCDay()];
  const two = (n) => String(n).padStart(2, "0");
  const iso = `${year}-${two(month + 1)}-${two(day)}`;
  if (document.documentElement.lang === "en") return [iso, `${EN_DAYS[weekday]}, ${day} ${EN_MONTHS[month]} ${year}`];
  return [iso, `${VI_DAYS[weekday]}, ${two(day)}/${two(month + 1)}/${year}`];
}

// An empty <time> is invalid HTML: the slot stays an empty paragraph until the date is known.
for (const slot of document.querySelectorAll("[data-today]")) {
  const time = document.createElement("time");
  [time.dateTime, time.textContent] = today();
  slot.replaceChildren(time);
}

const status = document.querySelector(".share__status");
function say(text) {
  if (!status) return;
  status.textContent = "";
  // A fresh text node, so screen readers announce the same message twice in a row.
  setTimeout(() => { status.textContent = text; }, 50);
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    const done = document.execCommand("copy");
    field.remove();
    button.focus(); // select() moved focus to the field just removed
    return done;
  }
}

for (const button of document.querySelectorAll("[data-copy]")) {
  button.addEventListener("click", async () => {
    const ok = await copy(button.dataset.copy, button);
    say(ok ? "Đã sao chép liên kết bài viết." : "Không sao chép được. Liên kết: " + button.dataset.copy);
  });
}

for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}

const menu = document.querySelector("details.menu");
if (menu) {
  const toggle = menu.querySelector("summary");
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      toggle.focus();
    }
  });
  menu.addEventListener("focusout", (event) => {
    if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
  });
  document.addEventListener("click", (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
}
