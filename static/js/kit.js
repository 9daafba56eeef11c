// Session kit: a "Copy link" button. Everything works without it (the link is selectable text).
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const field = document.getElementById(button.dataset.copyTarget);
  const status = button.parentElement.querySelector("[role=status]");
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = "Link copied.";
    } catch {
      field.select();
      if (status) status.textContent = "Press Ctrl+C (or ⌘C) to copy the selected link.";
    }
  });
});
