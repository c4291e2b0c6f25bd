// MARK: - Inline assets of the page: style sheet and script

extension HTMLReport {
  /// The page's CSS: readable type with a font stack that covers Japanese
  /// (and other CJK) names, tables that scroll sideways on small screens,
  /// route arrows drawn by CSS, kind colours matching the diagram.
  static let styleSheet = """
    :root { color-scheme: light; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
      "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, "Source Han Sans", sans-serif;
      margin: 0 auto; max-width: 80rem; padding: 1rem 1.5rem; color: #1a1a1a; background: #fff; line-height: 1.45; }
    h1 { font-size: 1.7rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
    .headline { font-size: 1.35rem; } .headline .amount, #ratio { font-weight: 700; color: #b00020; }
    .svg { overflow: auto; border: 1px solid #ddd; padding: .5rem; max-height: 80vh; }
    .svg svg { max-width: 100%; height: auto; }
    .notice { background: #fff6e0; border-left: 4px solid #e0a000; padding: .5rem; }
    table.data { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
    table.data caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    table.data th, table.data td { border-bottom: 1px solid #e5e5e5; padding: .3rem .5rem; vertical-align: top; text-align: left; }
    table.data th { background: #f3f3f3; cursor: pointer; user-select: none; position: sticky; top: 0; }
    table.data th[aria-sort="ascending"]::after { content: " ▲"; } table.data th[aria-sort="descending"]::after { content: " ▼"; }
    .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
    ol.route { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; }
    ol.route li + li::before { content: " → "; white-space: pre; color: #888; }
    ol.route li:first-child::after { content: ""; }
    ul.flows, ol.chain { margin: 0; padding-left: 1.1rem; }
    .unknown { color: #777; font-style: italic; } .flow-id { color: #555; font-family: ui-monospace, Menlo, monospace; }
    .kind { font-size: .8em; padding: 0 .3em; border-radius: .3em; background: #eee; }
    .k-investment { background: #dbe9ff; } .k-revenue { background: #ddf5dd; } .k-compute { background: #fde7d0; }
    .k-loan { background: #f2dcf5; } .k-equity { background: #dbe9ff; } .k-partnership { background: #eee; }
    .note { border-bottom: 1px dotted #777; cursor: help; font-size: .85em; }
    .pager { margin: .25rem 0 1rem; } .pager button { margin-right: .5rem; }
    footer { margin-top: 2rem; color: #666; font-size: .85rem; border-top: 1px solid #ddd; }

    """

  /// The page's script: click a header to sort by its column (by
  /// `data-sort` where present, else by text), and a pager for tables
  /// longer than their `data-page-size`. Without JavaScript every row shows.
  static let script = """
    (function () {
      function key(cell) {
        var s = cell.getAttribute("data-sort");
        if (s !== null) { var n = parseFloat(s); return isNaN(n) ? s : n; }
        return cell.textContent.trim().toLowerCase();
      }
      function pager(table) {
        var size = parseInt(table.getAttribute("data-page-size"), 10) || 25;
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var nav = table.nextElementSibling;
        if (rows.length <= size) { if (nav && nav.className === "pager") nav.remove(); return; }
        if (!nav || nav.className !== "pager") {
          nav = document.createElement("div"); nav.className = "pager";
          table.parentNode.insertBefore(nav, table.nextSibling);
          table.page = 0;
        }
        var pages = Math.ceil(rows.length / size);
        table.page = Math.min(table.page || 0, pages - 1);
        rows.forEach(function (r, i) { r.hidden = Math.floor(i / size) !== table.page; });
        nav.innerHTML = "";
        var prev = document.createElement("button"); prev.textContent = "‹ Previous"; prev.disabled = table.page === 0;
        var next = document.createElement("button"); next.textContent = "Next ›"; next.disabled = table.page === pages - 1;
        var label = document.createElement("span");
        label.textContent = "Page " + (table.page + 1) + " of " + pages + " (" + rows.length + " rows)";
        prev.onclick = function () { table.page--; pager(table); };
        next.onclick = function () { table.page++; pager(table); };
        nav.appendChild(prev); nav.appendChild(next); nav.appendChild(label);
      }
      document.querySelectorAll("table.data").forEach(function (table) {
        table.querySelectorAll("thead th").forEach(function (th, column) {
          th.addEventListener("click", function () {
            var ascending = th.getAttribute("aria-sort") !== "ascending";
            table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a.cells[column]), y = key(b.cells[column]);
              var c = x < y ? -1 : x > y ? 1 : 0;
              return ascending ? c : -c;
            });
            rows.forEach(function (r) { body.appendChild(r); });
            table.page = 0; pager(table);
          });
        });
        pager(table);
      });
    })();

    """
}
