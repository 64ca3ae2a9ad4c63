// The style and script every audit page carries inline (no network, no
// external file: pages work from file://).
#ifndef GONGWEN_AUDIT_INTERNAL_PAGE_ASSETS_H_
#define GONGWEN_AUDIT_INTERNAL_PAGE_ASSETS_H_

#include <string_view>

namespace gongwen::audit::internal {

inline constexpr std::string_view kPageHead =
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

inline constexpr std::string_view kPageCss = R"CSS(
body{margin:0;font:14px/1.6 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#222}
header{padding:8px 16px;border-bottom:1px solid #ddd;background:#fafafa}
header h1{font-size:18px;margin:0}
header p{margin:2px 0;color:#555;font-size:12px}
.legend span{padding:0 4px;margin-right:4px}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);height:calc(100vh - 78px)}
#text{overflow:auto;padding:12px 20px;white-space:pre-wrap;border-right:1px solid #ddd}
.ln{min-height:1.6em;content-visibility:auto;contain-intrinsic-size:auto 1.6em}
.nl{color:#389e0d}
.pg{display:block;border-top:1px dashed #bbb;color:#999;font-size:11px;text-align:right;user-select:none}
#side{overflow:auto;padding:8px 12px;font-size:13px}
summary{font-weight:600;cursor:pointer;margin:6px 0}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:2px 4px;text-align:left;vertical-align:top}
tr.link,a.link{cursor:pointer}
tr.link:hover{background:#f3f3ff}
tr.sel,a.sel{background:#ffe3e3 !important}
#outline ul{margin:0;padding-left:16px;list-style:none}
#outline a{color:#224;text-decoration:none}
.k-money{background:#ffe58f}.k-percent{background:#ffd6e7}.k-ratio{background:#ffd8bf}
.k-bureau{background:#bae7ff}.k-meta{box-shadow:inset 0 -2px #52c41a}
.k-repair{text-decoration:underline dotted #389e0d}
.s.k-repair{background:#f0ffe0}
del.k-repair{color:#999;font-size:80%;background:#f5f5f5;cursor:pointer}
.k-warning{text-decoration:underline wavy #f5222d}
.s{cursor:pointer}
.flash{outline:2px solid #f5222d;animation:flash .8s ease-out 2}
@keyframes flash{50%{background:#ff7875}}
.before{color:#a8071a;text-decoration:line-through}.after{color:#237804}
.bad{color:#a8071a}
)CSS";

// Marks are named by number; an element lists the marks over it in
// data-m ("3 17"). MARK_LEN (set by the page) gives each mark's length.
inline constexpr std::string_view kPageJs = R"JS(
(function () {
  const text = document.getElementById('text');
  const side = document.getElementById('side');
  let lit = [];
  function clear() {
    lit.forEach(function (e) { e.classList.remove('flash', 'sel'); });
    lit = [];
  }
  function show(id, fromText) {
    clear();
    const pieces = text.querySelectorAll('[data-m~="' + id + '"]');
    pieces.forEach(function (e) { e.classList.add('flash'); lit.push(e); });
    if (!fromText && pieces.length) pieces[0].scrollIntoView({block: 'center'});
    const row = document.getElementById('r-' + id);
    if (row) {
      row.classList.add('sel');
      lit.push(row);
      if (fromText) {
        for (let d = row.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
        row.scrollIntoView({block: 'nearest'});
      }
    }
    document.body.dataset.selected = id;
  }
  side.addEventListener('click', function (ev) {
    const el = ev.target.closest('[data-m]');
    if (!el) return;
    ev.preventDefault();
    show(el.dataset.m.split(' ')[0], false);
  });
  text.addEventListener('click', function (ev) {
    const el = ev.target.closest('[data-m]');
    if (!el) return;
    const ids = el.dataset.m.split(' ');
    let best = ids[0];
    ids.forEach(function (id) { if (MARK_LEN[id] < MARK_LEN[best]) best = id; });
    show(best, true);
  });
  const filters = document.getElementById('filters');
  if (filters) filters.addEventListener('change', function (ev) {
    const kind = ev.target.dataset.kind;
    if (kind) document.body.classList.toggle('hide-r-' + kind, !ev.target.checked);
  });
  // When the page answers clicks, in ms since navigation started.
  document.body.dataset.readyMs = performance.now().toFixed(0);
  document.body.dataset.ready = '1';
})();
)JS";

}  // namespace gongwen::audit::internal

#endif  // GONGWEN_AUDIT_INTERNAL_PAGE_ASSETS_H_
