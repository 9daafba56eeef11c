// "Session kit (n)" in the header once a kit is started. Public pages are cached for everyone, so
// the count comes from /kits/count/, where the kit's own cookie is sent; without JavaScript the
// link simply reads "Session kit".
(function () {
  var link = document.querySelector("[data-kit-count]");
  if (!link || !window.fetch) return;
  fetch("/kits/count/", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (kit) {
      if (!kit || !kit.items) return;
      link.textContent = "Session kit (" + kit.items + ")";
      link.setAttribute("aria-label", "Session kit, " + kit.items + " item" + (kit.items === 1 ? "" : "s"));
      link.href = kit.url;
    })
    .catch(function () {});
})();
