(function(){
"use strict";
var t0 = performance.now();
var INDEX = JSON.parse(document.getElementById("cleaner-index").textContent);
var META = JSON.parse(document.getElementById("cleaner-meta").textContent);
var PAGE = META.page_size, COLORS = META.colors;
var cache = {};
function el(tag, attrs, kids){
  var e = document.createElement(tag);
  if (attrs) for (var k in attrs) {
    if (k === "text") e.textContent = attrs[k];
    else if (k === "cls") e.className = attrs[k];
    else if (k === "css") for (var p in attrs[k]) e.style.setProperty(p, attrs[k][p]);
    else e.setAttribute(k, attrs[k]);
  }
  (kids || []).forEach(function(c){ if (c != null) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
  return e;
}
function color(cat){
  if (COLORS[cat]) return COLORS[cat];
  var h = 0; for (var i = 0; i < cat.length; i++) h = (h * 31 + cat.charCodeAt(i)) % 360;
  return "hsl(" + h + ",55%,42%)";
}
function catChip(cat){ return el("span", {cls: "cat", text: cat, css: {"--c": color(cat)}, "data-cat": cat}); }
function parseHash(){
  var s = {}; (location.hash || "").replace(/^#/, "").split("&").forEach(function(kv){
    if (!kv) return; var i = kv.indexOf("="); var k = i < 0 ? kv : kv.slice(0, i);
    s[decodeURIComponent(k)] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1));
  });
  return s;
}
function setHash(s){
  var parts = []; for (var k in s) if (s[k] !== "" && s[k] != null) parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(s[k]));
  location.hash = parts.join("&");
}
function detail(i){
  if (!(i in cache)) {
    var node = document.getElementById("d" + i);
    cache[i] = node ? JSON.parse(node.textContent) : null;
  }
  return cache[i];
}
// ---- list ----
var fV = document.getElementById("f-verdict"), fC = document.getElementById("f-cat"),
    fL = document.getElementById("f-lang"), fQ = document.getElementById("f-q");
function options(sel, values){ values.forEach(function(v){ sel.appendChild(el("option", {value: v, text: v})); }); }
options(fV, META.verdicts); options(fC, META.categories.concat(["(none)", "pii"])); options(fL, META.languages);
function filtered(s){
  var q = (s.q || "").toLowerCase();
  return INDEX.filter(function(r){
    if (s.verdict && r.v !== s.verdict) return false;
    if (s.cat === "(none)" && r.cats.length) return false;
    if (s.cat === "pii" && !r.pii) return false;
    if (s.cat && s.cat !== "(none)" && s.cat !== "pii" && r.cats.indexOf(s.cat) < 0) return false;
    if (s.lang && r.lang !== s.lang) return false;
    if (q && r.id.toLowerCase().indexOf(q) < 0 && r.url.toLowerCase().indexOf(q) < 0 && (r.title || "").toLowerCase().indexOf(q) < 0) return false;
    return true;
  });
}
function renderList(s){
  fV.value = s.verdict || ""; fC.value = s.cat || ""; fL.value = s.lang || ""; fQ.value = s.q || "";
  var rows = filtered(s), pages = Math.max(1, Math.ceil(rows.length / PAGE));
  var page = Math.min(Math.max(1, parseInt(s.page || "1", 10) || 1), pages);
  var body = document.querySelector("#doclist tbody");
  body.textContent = "";
  rows.slice((page - 1) * PAGE, page * PAGE).forEach(function(r){
    var tr = el("tr", {"data-i": String(r.i), "data-verdict": r.v}, [
      el("td", null, [el("a", {href: "#doc=" + r.i, cls: "doclink", title: r.id, text: r.title || r.id})]),
      el("td", null, [el("span", {cls: "v v-" + r.v, text: r.v})]),
      el("td", {text: r.lang}),
      el("td", {text: r.q == null ? "–" : r.q.toFixed(2)}),
      el("td", {text: r.wi + " → " + r.wo}),
      el("td", {cls: "cats"}, r.cats.map(catChip).concat(r.pii ? [el("span", {cls: "tag", text: "PII×" + r.pii})] : [])),
      el("td", {text: r.ms.toFixed(1)}),
      el("td", {cls: "why", text: r.why})
    ]);
    body.appendChild(tr);
  });
  document.getElementById("list-count").textContent = rows.length
    ? "documents " + ((page - 1) * PAGE + 1) + "–" + Math.min(page * PAGE, rows.length) + " of " + rows.length + (rows.length < INDEX.length ? " (filtered from " + INDEX.length + ")" : "")
    : "no document matches";
  document.getElementById("page-no").textContent = "page " + page + " / " + pages;
  var prev = document.getElementById("prev"), next = document.getElementById("next");
  prev.disabled = page <= 1; next.disabled = page >= pages;
  prev.onclick = function(){ var t = parseHash(); t.page = String(page - 1); setHash(t); };
  next.onclick = function(){ var t = parseHash(); t.page = String(page + 1); setHash(t); };
  document.body.setAttribute("data-page", String(page));
  document.body.setAttribute("data-rows", String(rows.length));
}
function onFilter(){
  setHash({verdict: fV.value, cat: fC.value, lang: fL.value, q: fQ.value, page: ""});
}
[fV, fC, fL].forEach(function(x){ x.addEventListener("change", onFilter); });
fQ.addEventListener("change", onFilter);
// ---- document ----
function findingLabel(f){ return f.category + " · " + f.rule + " · " + Number(f.score).toFixed(2) + " · " + f.action; }
function segNode(seg){
  var k = seg.kind;
  if (k === "kept") return document.createTextNode(seg.text);
  if (k === "pii" || k === "masked") {
    var tag = el("span", {cls: "tag pii" + (k === "masked" ? " residual" : ""), "data-type": seg.type,
      title: k === "pii" ? "PII " + seg.type + " · " + seg.rule + " · " + Number(seg.score).toFixed(2) + " · " + seg.chars + " chars"
                        : "masked in this view (" + seg.rule + "); the PII stage did not flag it", text: seg.tag});
    if (seg.within) {
      var w = seg.within, wrap = el(w.action === "marked" ? "mark" : "del",
        {cls: (w.action === "marked" ? "mk" : "cut") + " c-" + w.category, "data-cat": w.category, title: findingLabel(w), css: {"--c": color(w.category)}}, [tag]);
      return wrap;
    }
    return tag;
  }
  var c = color(seg.category), title = findingLabel(seg);
  if (seg.text == null) {
    var wh = el("span", {cls: "withheld c-" + seg.category, "data-cat": seg.category, "data-finding": String(seg.finding), title: title + " · text withheld (personal-data category)",
      css: {"--c": c}, text: "⟨" + seg.category + ": " + seg.chars + " chars withheld⟩"});
    return seg.action === "marked" ? el("mark", {cls: "mk", css: {"--c": c}}, [wh]) : el("del", {cls: "cut withheld-cut", "data-cat": seg.category, css: {"--c": c}}, [wh]);
  }
  return el(k === "marked" ? "mark" : "del", {cls: (k === "marked" ? "mk" : "cut") + " c-" + seg.category,
    "data-cat": seg.category, "data-finding": String(seg.finding), "data-rule": seg.rule, "data-score": String(seg.score), title: title, css: {"--c": c}, text: seg.text});
}
function renderText(d, box){
  var view = d.view;
  if (!view) {
    box.appendChild(el("p", {cls: "empty", text: d.clean_text != null
      ? "This report holds no document view (clean with `cleaner clean --with-view`, or --html-report); the clean output follows."
      : "This report holds no document view and no text (clean with `cleaner clean --with-view`, or --html-report)."}));
    if (d.clean_text != null) box.appendChild(el("div", {cls: "bt plain", css: {"white-space": "pre-wrap"}, text: d.clean_text}));
    return;
  }
  var prev = null, first = null;
  view.blocks.forEach(function(b){
    var bt = el("div", {cls: "bt"}), notes = [], seen = {};
    b.segments.forEach(function(s){
      var node = segNode(s);
      if (first === null && (s.kind === "removed" || s.kind === "marked")) { first = node; node.id = "first-removal"; }
      bt.appendChild(node);
      var ref = (s.kind === "removed" || s.kind === "marked") ? s : s.within;
      if (ref && !seen[ref.finding]) { seen[ref.finding] = 1; notes.push(ref); }
    });
    var note = el("div", {cls: "note"}, notes.map(function(f){
      return el("div", {css: {"color": color(f.category)}, text: f.category + " · " + f.rule + " · " + Number(f.score).toFixed(2)});
    }));
    var row = el("div", {cls: "blk k-" + b.kind + (prev !== null && b.group !== prev ? " newgroup" : ""), "data-block": String(b.index)}, [bt, note]);
    box.appendChild(row);
    prev = b.group;
  });
  if (view.unplaced && view.unplaced.length) {
    var head = el("h3", {text: "Removed before the text was extracted"});
    if (first === null) { first = head; head.id = "first-removal"; }
    box.appendChild(head);
    box.appendChild(el("ul", null, view.unplaced.map(function(f){
      return el("li", null, [catChip(f.category), " " + f.rule + " · " + Number(f.score).toFixed(2) + " · " + f.action + (f.chars ? " · " + f.chars + " chars" : "")]);
    })));
  }
}
function kv(rows){ return el("table", {cls: "signals"}, [el("tbody", null, rows.map(function(r){ return el("tr", null, [el("td", {text: r[0]}), el("td", {text: r[1]})]); }))]); }
function renderDoc(i){
  var box = document.getElementById("docview"); box.textContent = "";
  var row = INDEX[i], d = detail(i);
  document.title = (row ? row.title || row.id : "document") + " – " + META.title;
  box.appendChild(el("p", null, [el("a", {href: "#", id: "back", text: "← all documents"})]));
  if (!row || !d) { box.appendChild(el("p", {cls: "empty", text: "no such document"})); return; }
  var q = d.quality || {}, lang = d.language || {};
  box.appendChild(el("div", {cls: "doc-head"}, [
    el("h2", {id: "doc-title", title: row.id, text: row.title || row.id}),
    el("span", {cls: "v v-" + row.v, id: "doc-verdict", text: row.v}),
    el("span", {text: "score " + (q.score == null ? "–" : Number(q.score).toFixed(2))}),
    el("span", {text: "language " + (lang.code || "und") + (lang.prob != null ? " (" + Number(lang.prob).toFixed(2) + ")" : "")}),
    /^https?:\/\//i.test(row.url) ? el("a", {id: "doc-url", href: row.url, rel: "noreferrer noopener", target: "_blank", text: row.url})
      : el("span", {id: "doc-url", cls: "empty", text: row.url || "(no URL)"})
  ]));
  var legend = el("p", {cls: "legend"}, [el("span", {text: "Legend:"}), el("del", {cls: "cut", text: "removed (struck, coloured by category)"}), " ",
    el("mark", {cls: "mk", text: "marked (dry run)"}), " ", el("span", {cls: "tag", text: "[TYPE]"}), " personal data, masked ",
    el("span", {cls: "tag residual", text: "[TYPE]"}), " masked by the view"]);
  box.appendChild(legend);
  var text = el("div", {cls: "text", id: "doc-text"}), side = el("div", {cls: "side"});
  renderText(d, text);
  var target = text.querySelector("#first-removal");
  if (target) {
    var jump = el("button", {type: "button", id: "jump-first-removal", text: "↓ first removal"});
    jump.onclick = function(){ target.scrollIntoView({block: "center"}); };
    legend.appendChild(jump);
  }
  side.appendChild(el("h3", {text: "Why " + row.v}));
  side.appendChild(el("ul", {cls: "reasons", id: "doc-reasons"}, (q.reasons || []).map(function(r){ return el("li", {text: r}); })));
  if (!(q.reasons || []).length) side.lastChild.appendChild(el("li", {cls: "empty", text: "no rule fired"}));
  side.appendChild(el("h3", {text: "Quality signals"}));
  var sig = q.signals || {}; side.appendChild(kv(Object.keys(sig).map(function(k){ return [k, String(sig[k])]; })));
  side.appendChild(el("h3", {text: "Findings"}));
  var fs = d.findings || [];
  side.appendChild(el("table", {id: "doc-findings"}, [
    el("thead", null, [el("tr", null, ["stage", "category", "rule", "score", "action", "chars"].map(function(h){ return el("th", {text: h}); }))]),
    el("tbody", null, fs.map(function(f){
      var chars = (f.start != null && f.end != null) ? String(f.end - f.start) : "";
      return el("tr", {"data-cat": f.category}, [el("td", {text: f.stage}), el("td", null, [f.category === "pii" ? el("span", {cls: "tag", text: "[" + (f.type || "PII") + "]"}) : catChip(f.category)]),
        el("td", {text: f.rule}), el("td", {text: Number(f.score).toFixed(2)}), el("td", {text: f.action}), el("td", {text: chars})]);
    }))]));
  var io = [["input", (d.input || {}).format + ", " + (d.input || {}).bytes + " bytes"], ["extracted", (d.extraction || {}).words + " words, " + (d.extraction || {}).blocks + " blocks"],
            ["output", (d.output || {}).words + " words"]];
  var tm = d.timings_ms || {}; Object.keys(tm).forEach(function(k){ io.push(["time " + k, tm[k] + " ms"]); });
  (d.problems || []).forEach(function(p){ io.push(["problem", p]); });
  side.appendChild(el("h3", {text: "Document"})); side.appendChild(kv(io));
  box.appendChild(el("div", {cls: "doc-layout"}, [text, side]));
  window.scrollTo(0, 0);
}
function route(){
  var t = performance.now(), s = parseHash();
  if (s.doc != null && s.doc !== "") { document.body.classList.add("showdoc"); renderDoc(parseInt(s.doc, 10)); document.body.setAttribute("data-view", "doc"); }
  else { document.body.classList.remove("showdoc"); document.title = META.title; renderList(s); document.body.setAttribute("data-view", "list"); }
  document.body.setAttribute("data-route-ms", (performance.now() - t).toFixed(1));
}
window.addEventListener("hashchange", route);
if (!location.hash && INDEX.length === 1) location.hash = "doc=0";
route();
document.body.setAttribute("data-render-ms", (performance.now() - t0).toFixed(1));
document.body.setAttribute("data-ready", "1");
})();
