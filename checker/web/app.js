// The editor page: plain DOM, no build step, no external resources.
// User text, ids and everything the API returns are only ever set with textContent or as
// DOM nodes, never parsed as HTML.
//
// How the highlights stay inside the text being edited: each document is a <textarea>
// over a "backdrop" that holds the same text with <mark>s, in the same font and box, so
// the marks show through. When the text changes, every highlight is shifted by the edit
// (or dropped if the edit touched it) at once, and the copy is re-checked when typing
// pauses. Offsets from the API are Unicode code points; the page works in UTF-16 units.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];
const RANK = { info: 1, warning: 2, error: 3 };
const ICON = { error: "■", warning: "▲", info: "●" };
const SEVERITY_WORD = { error: "Error", warning: "Warning", info: "Note" };
const PAUSE_MS = 900;

const state = {
  rules: new Map(), // code -> {name, summary, family}
  findings: [], // {conflict, claims: [{box, start, end, text, document}], stale}
  ignoredFingerprints: new Map(), // fingerprint -> label
  ignoredRules: new Set(),
  seq: 0,
  timer: null,
  card: null, // {box, list: [finding], index, from: "caret" | "list", opener}
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// ---- documents ----------------------------------------------------------------------------

function boxes() {
  return $$("#documents .doc");
}

function defaultId(n) {
  return n === 0 ? "story" : n === 1 ? "wire" : `document ${n + 1}`;
}

function addDocument(id = "", text = "", published = "") {
  const box = $("#doc-template").content.firstElementChild.cloneNode(true);
  const n = boxes().length;
  const idInput = $(".doc-id", box);
  idInput.value = id || defaultId(n);
  const area = $(".doc-text", box);
  area.value = text;
  area.setAttribute("aria-label", `Text of ${idInput.value}`);
  box.shadowText = text; // the text that highlight positions refer to
  $(".doc-published", box).value = published;
  $(".remove", box).setAttribute("aria-label", `Remove ${idInput.value}`);
  $(".remove", box).addEventListener("click", () => {
    state.findings = state.findings.filter((f) => !f.claims.some((c) => c.box === box));
    box.remove();
    if (!boxes().length) addDocument();
    closeCard();
    renderAll();
    scheduleCheck();
  });
  idInput.addEventListener("input", () => {
    area.setAttribute("aria-label", `Text of ${idInput.value}`);
    scheduleCheck();
  });
  $(".doc-published", box).addEventListener("change", scheduleCheck);
  area.addEventListener("input", () => onEdit(box));
  // Not "select": setSelectionRange fires it later, and it would reopen a card just closed.
  for (const type of ["click", "keyup"]) area.addEventListener(type, (ev) => onCaret(box, ev));
  area.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && state.card) { ev.preventDefault(); closeCard(); }
  });
  $("#documents").append(box);
  fit(box);
  renderHighlights(box);
  return box;
}

function fit(box) {
  // The textarea grows with its text, so it never scrolls apart from its backdrop.
  const area = $(".doc-text", box);
  area.style.height = "auto";
  area.style.height = `${area.scrollHeight + 2}px`;
}

async function loadFiles(files) {
  for (const file of files) {
    const text = await file.text();
    const empty = boxes().find((b) => !$(".doc-text", b).value);
    const box = empty || addDocument();
    $(".doc-id", box).value = file.name;
    setText(box, text);
  }
  checkNow();
}

function setText(box, text) {
  const area = $(".doc-text", box);
  area.value = text;
  onEdit(box, false);
}

// ---- keeping highlights in step with edits --------------------------------------------------

function onEdit(box, schedule = true) {
  const now = $(".doc-text", box).value;
  shiftFindings(box, box.shadowText, now);
  box.shadowText = now;
  fit(box);
  if (state.card && state.card.box === box) closeCard(false);
  renderAll();
  if (schedule) scheduleCheck();
}

// The edit between two versions of a text: a common prefix and suffix around one change.
function diff(before, after) {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { from: p, oldTo: before.length - s, delta: after.length - before.length };
}

function shiftFindings(box, before, after) {
  if (before === after) return;
  const d = diff(before, after);
  for (const f of state.findings) {
    for (const c of f.claims) {
      if (c.box !== box || f.stale) continue;
      if (c.end <= d.from) continue; // before the edit
      if (c.start >= d.oldTo) { c.start += d.delta; c.end += d.delta; continue; } // after it
      f.stale = true; // the edit touched a quoted claim: wait for the next check
    }
  }
}

function scheduleCheck() {
  clearTimeout(state.timer);
  if ($("#auto").checked) state.timer = setTimeout(checkNow, PAUSE_MS);
}

// ---- checking -------------------------------------------------------------------------------

function headers() {
  const h = { "Content-Type": "application/json" };
  const key = $("#api-key").value;
  if (key) h["X-API-Key"] = key;
  return h;
}

function setStatus(message, isError = false) {
  const status = $("#status");
  status.textContent = message;
  status.className = isError ? "error" : "";
}

// Offsets from the API are code points; JavaScript strings index UTF-16 units.
function unitIndex(text) {
  const units = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; units.push(u); }
  return units;
}

const FIELD_WORDS = { id: "name", text: "text", published: "publication date", source: "source" };

function fieldWords(field) {
  const last = String(field || "").split(".").pop();
  return FIELD_WORDS[last] || last;
}

function showNotice(box, lines) {
  const notice = $(".notice", box);
  notice.replaceChildren();
  if (!lines.length) { notice.hidden = true; box.classList.remove("rejected"); return; }
  notice.append(el("strong", null, "Not checked. "));
  for (const line of lines) notice.append(el("span", null, line + " "));
  notice.hidden = false;
  box.classList.add("rejected");
}

async function checkNow() {
  clearTimeout(state.timer);
  const sent = boxes();
  const documents = sent.map((box) => {
    const doc = { id: $(".doc-id", box).value.trim(), text: $(".doc-text", box).value };
    const published = $(".doc-published", box).value;
    if (published) doc.published = published;
    return doc;
  });
  if (documents.every((d) => !d.text.trim())) {
    state.findings = [];
    sent.forEach((box) => showNotice(box, []));
    renderAll();
    setStatus("Type or paste a story to check it, or try the sample.");
    return;
  }
  const seq = ++state.seq;
  const snapshot = documents.map((d) => d.text);
  setStatus("Checking…");
  let resp, data;
  try {
    resp = await fetch("/v1/check", { method: "POST", headers: headers(), body: JSON.stringify({ documents }) });
    data = await resp.json();
  } catch (exc) {
    if (seq === state.seq) setStatus(`The check could not be run: ${exc.message}`, true);
    return;
  }
  if (seq !== state.seq) return; // a newer check was started meanwhile
  sent.forEach((box) => showNotice(box, []));
  if (!resp.ok) return showRefusal(resp, data, sent);
  applyReport(data, sent, documents, snapshot);
}

function showRefusal(resp, data, sent) {
  const err = (data && data.error) || {};
  const perBox = new Map();
  const other = [];
  for (const [field, messages] of Object.entries(err.fields || {})) {
    const m = /^documents\.(\d+)(?:\.|$)/.exec(field);
    const box = m ? sent[Number(m[1])] : null;
    const line = `${fieldWords(field)}: ${[].concat(messages).join(" ")}`;
    if (box) perBox.set(box, [...(perBox.get(box) || []), line]);
    else other.push(`${field}: ${[].concat(messages).join(" ")}`);
  }
  perBox.forEach((lines, box) => showNotice(box, lines));
  state.findings = [];
  renderAll();
  const what = resp.status === 422 ? "Nothing was checked" : `The check was refused (HTTP ${resp.status})`;
  setStatus([`${what}: ${err.message || "see the notes on each document."}`, ...other].join(" "), true);
  if (resp.status === 401) $("#key-label").hidden = false;
}

function applyReport(report, sent, documents, snapshot) {
  const rejected = new Map(); // box -> lines
  for (const e of report.errors || []) {
    const box = sent[e.document];
    if (box) rejected.set(box, [...(rejected.get(box) || []), `${fieldWords(e.field)}: ${e.message}`]);
  }
  rejected.forEach((lines, box) => showNotice(box, lines));
  // Claims name documents by id; the first document sent with an id that was checked owns it.
  const byId = new Map();
  documents.forEach((d, i) => { if (!rejected.has(sent[i]) && !byId.has(d.id)) byId.set(d.id, i); });
  const units = new Map();
  state.findings = [];
  for (const conflict of report.conflicts || []) {
    const claims = [];
    for (const [index, c] of (conflict.claims || []).entries()) {
      const i = byId.get(c.document);
      if (i === undefined) continue;
      if (!units.has(i)) units.set(i, unitIndex(snapshot[i]));
      const u = units.get(i);
      if (!(c.start >= 0 && c.end <= u.length - 1 && c.start <= c.end)) continue;
      claims.push({ box: sent[i], start: u[c.start], end: u[c.end], text: c.text, document: c.document, raw: c, index });
    }
    if (claims.length) state.findings.push({ conflict, claims, stale: false });
  }
  // The text may have changed while the request was out: shift to the current text.
  sent.forEach((box, i) => {
    const now = $(".doc-text", box).value;
    shiftFindings(box, snapshot[i], now);
    box.shadowText = now;
  });
  closeCard(false);
  renderAll();
  const checked = documents.length - rejected.size;
  const n = visibleFindings().length;
  const docs = `${checked} document${checked === 1 ? "" : "s"}`;
  let message = n ? `${n} finding${n === 1 ? "" : "s"} in ${docs}.` : `No problems found in ${docs}.`;
  if (rejected.size) {
    message += ` ${rejected.size} document${rejected.size === 1 ? " was" : "s were"} not checked: see the note on ` +
      `${rejected.size === 1 ? "it" : "each"}.`;
  }
  setStatus(message, rejected.size > 0);
}

// ---- what is shown ----------------------------------------------------------------------------

function isVisible(f) {
  const c = f.conflict;
  return !f.stale && !state.ignoredRules.has(c.rule) && !state.ignoredFingerprints.has(c.fingerprint) &&
    RANK[c.severity] >= RANK[$("#min-severity").value];
}

function visibleFindings() {
  const order = new Map(boxes().map((b, i) => [b, i]));
  return state.findings.filter(isVisible).sort((a, b) =>
    RANK[b.conflict.severity] - RANK[a.conflict.severity] ||
    order.get(primaryClaim(a).box) - order.get(primaryClaim(b).box) || primaryClaim(a).start - primaryClaim(b).start);
}

function renderAll() {
  boxes().forEach(renderHighlights);
  renderList();
  renderIgnored();
}

function renderHighlights(box) {
  const text = $(".doc-text", box).value;
  const spans = [];
  for (const f of visibleFindings()) {
    for (const c of f.claims) if (c.box === box) spans.push({ f, c });
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.c.start); cuts.add(s.c.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.c.start <= a && b <= s.c.end);
    if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
    const worst = covering.reduce((x, y) => (RANK[y.f.conflict.severity] > RANK[x.f.conflict.severity] ? y : x));
    const mark = el("mark", `sev-${worst.f.conflict.severity}`, piece);
    if (state.card && covering.some((s) => s.f === state.card.list[state.card.index])) mark.classList.add("active");
    mark.dataset.start = String(a);
    nodes.push(mark);
  }
  nodes.push(document.createTextNode("\u200b")); // keeps a trailing newline's line box
  $(".highlights", box).replaceChildren(...nodes);
}

function label(conflict) {
  const rule = state.rules.get(conflict.rule);
  const name = (rule && rule.name) || conflict.name || conflict.rule;
  const words = String(name).replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function where(claim) {
  const text = $(".doc-text", claim.box).value;
  let line = 1;
  for (let i = 0; i < claim.start && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return `${$(".doc-id", claim.box).value}, line ${line}`;
}

function quote(text) {
  const t = String(text);
  return `“${t.length > 60 ? t.slice(0, 57) + "…" : t}”`;
}

function badge(severity) {
  const b = el("span", `badge sev-${severity}`);
  b.append(el("span", "icon", ICON[severity] || "●"), document.createTextNode(` ${SEVERITY_WORD[severity] || severity}`));
  b.firstChild.setAttribute("aria-hidden", "true");
  return b;
}

function renderList() {
  const list = $("#findings");
  const shown = visibleFindings();
  list.replaceChildren();
  for (const f of shown) {
    const li = el("li");
    const button = el("button", `finding sev-${f.conflict.severity}`);
    button.type = "button";
    const head = el("span", "finding-head");
    head.append(badge(f.conflict.severity), el("span", "finding-name", label(f.conflict)));
    const quotes = el("span", "finding-quotes", f.claims.map((c) => quote(c.text)).join(" · "));
    button.append(head, quotes, el("span", "finding-where", where(primaryClaim(f))));
    if (state.card && state.card.list[state.card.index] === f) button.setAttribute("aria-current", "true");
    button.dataset.key = String(state.findings.indexOf(f));
    button.addEventListener("click", () => openFinding(f, f.claims.indexOf(primaryClaim(f)), "list", () => listButton(f)));
    li.append(button);
    list.append(li);
  }
  $("#count").textContent = state.findings.length ? `(${shown.length})` : "";
  $("#empty").hidden = shown.length > 0;
  if (!shown.length && state.findings.length) $("#empty").textContent = "Nothing to show with these settings.";
  else if (!shown.length) $("#empty").textContent = $("#status").textContent.startsWith("No problems")
    ? "No problems found." : "Nothing checked yet. Type, paste or open a story, or try the sample.";
}

function renderIgnored() {
  const list = $("#ignored-list");
  list.replaceChildren();
  const undo = (text, action) => {
    const li = el("li", null, text + " ");
    const b = el("button", "link", "Restore");
    b.type = "button";
    b.addEventListener("click", () => { action(); renderAll(); });
    li.append(b);
    list.append(li);
  };
  for (const code of state.ignoredRules) {
    const rule = state.rules.get(code);
    undo(`Rule ${code}${rule ? ` (${rule.name})` : ""}`, () => state.ignoredRules.delete(code));
  }
  for (const [fp, text] of state.ignoredFingerprints) undo(text, () => state.ignoredFingerprints.delete(fp));
  $("#ignored").hidden = !list.children.length;
}

// ---- the card -----------------------------------------------------------------------------------

function findingsAt(box, pos) {
  return visibleFindings().filter((f) => f.claims.some((c) => c.box === box && c.start <= pos && pos <= c.end &&
    c.end > c.start));
}

function onCaret(box, ev) {
  if (ev.type === "keyup" && ["Escape", "Tab", "Shift", "Control", "Alt", "Meta", "F8"].includes(ev.key)) return;
  const area = $(".doc-text", box);
  const here = findingsAt(box, area.selectionStart);
  if (!here.length) { if (state.card && state.card.from === "caret") closeCard(false); return; }
  const pos = area.selectionStart;
  const open = state.card;
  if (open && open.box === box && here.includes(open.list[open.index]) && open.claim.start <= pos &&
      pos <= open.claim.end) return; // already showing this claim
  showCard(box, here, 0, "caret", area);
}

function openFinding(f, claimIndex, from, opener) {
  const claim = f.claims[claimIndex];
  const area = $(".doc-text", claim.box);
  area.focus({ preventScroll: true });
  area.setSelectionRange(claim.start, claim.end);
  const here = findingsAt(claim.box, claim.start);
  showCard(claim.box, here.includes(f) ? here : [f], Math.max(0, here.indexOf(f)), from, opener || area, claim);
}

// The list is redrawn whenever anything changes, so focus goes back to "the button for
// this finding", looked up again, rather than to an element that may be gone.
function listButton(f) {
  return $(`#findings .finding[data-key="${state.findings.indexOf(f)}"]`);
}

function closeCard(restoreFocus = true) {
  const card = state.card;
  if (!card) return;
  state.card = null;
  $$(".card").forEach((c) => c.remove());
  renderAll();
  const target = typeof card.opener === "function" ? card.opener() : card.opener;
  if (restoreFocus && target && document.contains(target)) target.focus();
}

// A number in the reader's units: base SI values from the API, shown in metric or US units.
const DISPLAY = {
  "[length]": { metric: [[1000, "km", 1000], [0, "m", 1]], us: [[1609.344, "mi", 1609.344], [0, "ft", 0.3048]] },
  "[length] ** 2": { metric: [[1e6, "km²", 1e6], [0, "m²", 1]], us: [[2589988.11, "sq mi", 2589988.11], [0, "acres", 4046.856]] },
  "[length] / [time]": { metric: [[0, "km/h", 1 / 3.6]], us: [[0, "mph", 0.44704]] },
  "[mass]": { metric: [[1000, "tonnes", 1000], [0, "kg", 1]], us: [[907.18474, "tons", 907.18474], [0, "lb", 0.45359237]] },
  "[length] ** 3": { metric: [[1, "m³", 1], [0, "litres", 0.001]], us: [[0, "US gallons", 0.003785411784]] },
};

function number(x) {
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  return x.toLocaleString(undefined, { maximumFractionDigits: digits });
}

function bound(v) {
  if (v === null || v === undefined || v === "inf" || v === "-inf") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function inUnits(base, dimension, system) {
  const table = DISPLAY[dimension] && DISPLAY[dimension][system];
  if (!table) return null;
  const [, unit, factor] = table.find(([min]) => Math.abs(base) >= min) || table[table.length - 1];
  return `${number(base / factor)} ${unit}`;
}

function readerValue(raw) {
  const iv = raw.interval;
  let lo = null, hi = null;
  if (Array.isArray(iv)) [lo, hi] = [bound(iv[0]), bound(iv[1])];
  else if (iv && typeof iv === "object") [lo, hi] = [bound(iv.lo), bound(iv.hi)];
  const system = $("#units").value;
  const other = system === "us" ? "metric" : "us";
  if (raw.kind === "measure" && DISPLAY[raw.unit]) {
    const show = (x) => `${inUnits(x, raw.unit, system)} (${inUnits(x, raw.unit, other)})`;
    if (lo !== null && hi !== null) return `about ${show((lo + hi) / 2)}`;
    if (lo !== null) return `at least ${show(lo)}`;
    if (hi !== null) return `at most ${show(hi)}`;
  }
  if (raw.unit === "[temperature]" && lo !== null && hi !== null) {
    const k = (lo + hi) / 2;
    const c = `${number(k - 273.15)} °C`, f = `${number((k - 273.15) * 9 / 5 + 32)} °F`;
    return system === "us" ? `${f} (${c})` : `${c} (${f})`;
  }
  // Names and predicates carry matching keys, not values a reader needs.
  if (!raw.normalized || ["name", "predicate", "state"].includes(raw.kind)) return null;
  if (String(raw.normalized).toLowerCase() === String(raw.text).toLowerCase()) return null;
  return String(raw.normalized);
}

function sentence(conflict) {
  const rule = state.rules.get(conflict.rule);
  const ev = conflict.evidence || {};
  let text = (rule && rule.summary) || conflict.message;
  text = text.replace(/\.\s*$/, "");
  const detail = ev.cause || ev.why || ev.reason;
  if (ev.stated && ev.calendar && ev.date) text += `: ${ev.date} is a ${ev.calendar}, not a ${ev.stated}`;
  else if (typeof detail === "string" && detail) text += ` (${detail})`;
  text += ".";
  if (conflict.status === "disputed") {
    text += " The two come from different sources, so this may be a disagreement to report rather than a slip.";
  }
  return text;
}

// The claim a finding points at: `primary` (an index into its claims) when it has one.
function primaryClaim(f) {
  const p = f.conflict.primary;
  return (typeof p === "number" && f.claims.find((c) => c.index === p)) || f.claims[0];
}

// A suggested replacement, when the finding carries one: `replacement` (or `suggestion`) on
// the claim; on the finding (for its `primary` claim, when it names one) or its evidence;
// or a house spelling (`preferred` with its variants) found in the claim's text.
function suggestionFor(conflict, claim) {
  const pick = (o) => (o && (typeof o.replacement === "string" ? o.replacement :
    typeof o.suggestion === "string" ? o.suggestion : null));
  const own = pick(claim.raw);
  if (own !== null && own !== claim.text) return own;
  const forPrimary = typeof conflict.primary === "number";
  const shared = pick(conflict) ?? pick(conflict.evidence);
  if (shared !== null) return shared !== claim.text && (!forPrimary || claim.index === conflict.primary) ? shared : null;
  const ev = conflict.evidence || {};
  if (typeof ev.preferred !== "string") return null;
  const variants = [].concat(ev.variants || [], ev.variant || []).filter((v) => typeof v === "string" && v);
  for (const v of variants) {
    const i = claim.text.indexOf(v);
    if (i < 0) continue;
    const after = claim.text.slice(i + v.length);
    if (ev.preferred.startsWith(v) && after.startsWith(ev.preferred.slice(v.length))) continue; // already right
    return claim.text.slice(0, i) + ev.preferred + after;
  }
  return null;
}

function replaceClaim(claim, replacement) {
  const area = $(".doc-text", claim.box);
  area.focus();
  area.setSelectionRange(claim.start, claim.end);
  // execCommand keeps the change on the textarea's undo stack; setRangeText is the fallback.
  if (!document.execCommand || !document.execCommand("insertText", false, replacement)) {
    area.setRangeText(replacement, claim.start, claim.end, "end");
    area.dispatchEvent(new Event("input"));
  }
}

function showCard(box, list, index, from, opener, chosenClaim) {
  $$(".card").forEach((c) => c.remove());
  state.card = { box, list, index, from, opener };
  const f = list[index];
  const c = f.conflict;
  // "Here" is the claim under the caret (or the one chosen), else the first in this document.
  const pos = chosenClaim ? chosenClaim.start : $(".doc-text", box).selectionStart;
  const claim = chosenClaim || f.claims.find((x) => x.box === box && x.start <= pos && pos <= x.end) ||
    f.claims.find((x) => x.box === box) || f.claims[0];
  const card = $("#card-template").content.firstElementChild.cloneNode(true);
  state.card.claim = claim;
  const titleId = `card-title-${Date.now()}`;
  card.classList.add(`sev-${c.severity}`);
  card.setAttribute("aria-labelledby", titleId);
  $(".icon", card).textContent = ICON[c.severity] || "●";
  $(".sev", card).textContent = SEVERITY_WORD[c.severity] || c.severity;
  $(".badge", card).classList.add(`sev-${c.severity}`);
  const title = $(".title", card);
  title.id = titleId;
  title.textContent = label(c) + (list.length > 1 ? ` (${index + 1} of ${list.length} here)` : "");
  $(".sentence", card).textContent = sentence(c);
  const quotes = $(".quotes", card);
  f.claims.forEach((x, i) => {
    const dt = el("dt", null, x === claim ? "Here" : "Also");
    const dd = el("dd");
    const go = el("button", "link quote", quote(x.text));
    go.type = "button";
    go.setAttribute("aria-label", `Go to ${quote(x.text)} in ${where(x)}`);
    go.addEventListener("click", () => openFinding(f, i, "list", () => $(".doc-text", x.box)));
    dd.append(go, el("span", "where", ` ${where(x)}`));
    const value = readerValue(x.raw);
    if (value) dd.append(el("span", "value", ` = ${value}`));
    quotes.append(dt, dd);
  });
  const actions = $(".actions", card);
  const action = (text, fn, cls = "") => {
    const b = el("button", cls, text);
    b.type = "button";
    b.addEventListener("click", fn);
    actions.append(b);
    return b;
  };
  for (const x of f.claims) {
    const replacement = suggestionFor(c, x);
    if (replacement !== null) {
      action(`Replace ${quote(x.text)} with ${quote(replacement)}`, () => { closeCard(false); replaceClaim(x, replacement); },
        "primary");
    }
  }
  if (list.length > 1) action("Next here", () => showCard(box, list, (index + 1) % list.length, from, opener));
  action("Ignore this finding", () => {
    state.ignoredFingerprints.set(c.fingerprint, `${label(c)}: ${f.claims.map((x) => quote(x.text)).join(" · ")}`);
    closeCard();
  });
  action(`Ignore rule ${c.rule}`, () => { state.ignoredRules.add(c.rule); closeCard(); });
  const raw = $(".raw", card);
  const row = (term, value) => raw.append(el("dt", null, term), el("dd", null, value));
  row("Rule", `${c.rule} ${c.name || ""} (${c.family || ""})`);
  row("Severity and status", `${c.severity}, ${c.status}`);
  row("Message", c.message);
  for (const x of f.claims) row(`Claim in ${x.document}`, `${quote(x.text)} (${x.raw.kind || "claim"}: ${x.raw.normalized ?? ""})`);
  row("Evidence", JSON.stringify(c.evidence || {}, null, 1));
  row("Fingerprint", c.fingerprint || "");
  $(".close", card).addEventListener("click", () => closeCard());
  card.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); closeCard(); } });
  box.append(card);
  renderAll();
  placeCard(card, box, claim);
  announce(`${SEVERITY_WORD[c.severity]}: ${label(c)}. ${sentence(c)} Press Tab for actions, Escape to close.`);
  if (from === "list") title.focus({ preventScroll: true });
  card.scrollIntoView({ block: "nearest" });
}

function placeCard(card, box, claim) {
  // Under the highlighted words, inside the document's box, never off its edges.
  const mark = $$(".highlights mark", box).find((m) => Number(m.dataset.start) >= claim.start &&
    Number(m.dataset.start) < Math.max(claim.end, claim.start + 1));
  const boxRect = box.getBoundingClientRect();
  const rect = mark ? mark.getClientRects()[0] : $(".editor", box).getBoundingClientRect();
  const width = card.offsetWidth;
  const left = Math.max(0, Math.min(rect.left - boxRect.left, boxRect.width - width));
  card.style.left = `${left}px`;
  card.style.top = `${rect.bottom - boxRect.top + 6}px`;
}

function announce(text) {
  const live = $("#announce");
  live.textContent = "";
  setTimeout(() => { live.textContent = text; }, 30);
}

function step(direction) {
  const shown = visibleFindings();
  if (!shown.length) return;
  const current = state.card ? shown.indexOf(state.card.list[state.card.index]) : -1;
  const next = shown[(current + direction + shown.length) % shown.length];
  openFinding(next, next.claims.indexOf(primaryClaim(next)), "caret");
}

// ---- start-up ---------------------------------------------------------------------------------

async function loadRules() {
  try {
    const resp = await fetch("/v1/rules", { headers: headers() });
    if (resp.status === 401) { $("#key-label").hidden = false; return; }
    if (!resp.ok) return;
    for (const r of (await resp.json()).rules || []) state.rules.set(r.code, r);
    renderAll();
  } catch {
    setStatus("The checking service cannot be reached.", true);
  }
}

async function loadSample() {
  const resp = await fetch("/static/sample.json");
  const sample = await resp.json();
  boxes().forEach((b) => b.remove());
  state.findings = [];
  for (const d of sample.documents) {
    const box = addDocument(d.id, "", d.published || "");
    setText(box, d.text);
  }
  checkNow();
}

function init() {
  const live = el("div", "visually-hidden");
  live.id = "announce";
  live.setAttribute("aria-live", "polite");
  document.body.append(live);
  addDocument();
  $("#add").addEventListener("click", () => $(".doc-text", addDocument()).focus());
  $("#files").addEventListener("change", (ev) => { loadFiles(ev.target.files); ev.target.value = ""; });
  $("#run").addEventListener("click", checkNow);
  $("#sample").addEventListener("click", loadSample);
  $("#auto").addEventListener("change", () => { if ($("#auto").checked) scheduleCheck(); });
  $("#min-severity").addEventListener("change", () => { closeCard(false); renderAll(); });
  $("#units").addEventListener("change", () => { if (state.card) showCard(state.card.box, state.card.list, state.card.index, "caret", state.card.opener); });
  $("#api-key").addEventListener("change", () => { loadRules(); checkNow(); });
  $("#units").value = (navigator.language || "").toLowerCase() === "en-us" ? "us" : "metric";
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); checkNow(); }
    if (ev.key === "F8") { ev.preventDefault(); step(ev.shiftKey ? -1 : 1); }
  });
  window.addEventListener("resize", () => {
    boxes().forEach(fit);
    if (state.card) {
      const card = $(".card");
      const f = state.card.list[state.card.index];
      if (card) placeCard(card, state.card.box, f.claims.find((x) => x.box === state.card.box) || f.claims[0]);
    }
  });
  loadRules();
}

document.addEventListener("DOMContentLoaded", init);
