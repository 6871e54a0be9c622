// Live preview (invoke serve only; never published): reload after each rebuild,
// and while the content has problems, list them on the page as the terminal does.

// The build this page came from, written into this script's URL by the server.
const version = new URL(import.meta.url).searchParams.get("v");
const status = await (await fetch("/__live/status.json", { cache: "no-store" })).json();

function panel(problems) {
  const box = document.createElement("section");
  box.className = "live-problems";
  box.setAttribute("aria-labelledby", "live-problems-title");
  const errors = problems.filter((line) => line.startsWith("LỖI"));
  const title = document.createElement("h2");
  title.id = "live-problems-title";
  title.textContent = errors.length
    ? `Có ${errors.length} lỗi trong nội dung: bài có lỗi chưa được dựng`
    : `Có ${problems.length} cảnh báo trong nội dung`;
  const list = document.createElement("ul");
  for (const line of problems) {
    const item = document.createElement("li");
    item.textContent = line;
    item.className = line.startsWith("LỖI") ? "live-problems__error" : "live-problems__warning";
    list.append(item);
  }
  const hint = document.createElement("p");
  hint.textContent = "Sửa tệp và lưu lại: trang sẽ tự tải lại.";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Ẩn";
  close.addEventListener("click", () => box.remove());
  box.append(title, list, hint, close);
  document.body.append(box);
}

if (status.version !== version) location.reload(); // rebuilt while this page loaded
else if (status.messages.length) panel(status.messages);

// One connection per visible tab: browsers allow only six per host, so a
// hidden tab lets go of its own and checks again when it is shown.
let events = null;
function listen() {
  events = new EventSource("/__live/events");
  events.addEventListener("message", (event) => {
    if (event.data !== version) location.reload();
  });
}
document.addEventListener("visibilitychange", () => {
  if (document.hidden) {
    events?.close();
    events = null;
  } else if (!events) {
    listen();
  }
});
if (!document.hidden) listen();
