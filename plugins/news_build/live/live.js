// Live preview (invoke serve only; never published): reload after each rebuild,
// and while the content has problems, list them on the page as the terminal does.

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

if (status.messages.length) panel(status.messages);

const events = new EventSource("/__live/events");
events.addEventListener("message", (event) => {
  if (Number(event.data) !== status.build) location.reload();
});
