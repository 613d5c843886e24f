// The editor page: plain DOM, no build step, no external resources.
// User text and ids are only ever set with textContent or DOM nodes, never parsed as HTML.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
let lastResult = null; // {report, texts: {id: text}}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function addDocument(id = "", text = "", published = "") {
  const box = $("#doc-template").content.firstElementChild.cloneNode(true);
  const count = document.querySelectorAll("#documents .doc").length;
  $(".doc-id", box).value = id || (count === 0 ? "article" : `doc${count + 1}`);
  $(".doc-text", box).value = text;
  $(".doc-published", box).value = published;
  $(".remove", box).addEventListener("click", () => {
    box.remove();
    if (!document.querySelector("#documents .doc")) addDocument();
  });
  $("#documents").append(box);
  return box;
}

async function loadFiles(files) {
  for (const file of files) {
    const text = await file.text();
    const empty = [...document.querySelectorAll("#documents .doc")].find((b) => !$(".doc-text", b).value);
    const box = empty || addDocument();
    $(".doc-id", box).value = file.name;
    $(".doc-text", box).value = text;
  }
}

function collect() {
  return [...document.querySelectorAll("#documents .doc")].map((box) => {
    const doc = { id: $(".doc-id", box).value.trim(), text: $(".doc-text", box).value };
    const published = $(".doc-published", box).value;
    if (published) doc.published = published;
    return doc;
  });
}

function setStatus(message, isError = false) {
  const status = $("#status");
  status.textContent = message;
  status.className = isError ? "error" : "";
}

async function run() {
  const documents = collect();
  const headers = { "Content-Type": "application/json" };
  const key = $("#api-key").value;
  if (key) headers["X-API-Key"] = key;
  const body = { documents, options: { min_severity: $("#min-severity").value } };
  setStatus("Checking…");
  $("#run").disabled = true;
  try {
    const resp = await fetch("/v1/check", { method: "POST", headers, body: JSON.stringify(body) });
    const data = await resp.json();
    if (!resp.ok) {
      const err = data.error || {};
      const fields = Object.entries(err.fields || {}).map(([k, v]) => `${k}: ${v.join(" ")}`);
      setStatus([err.message || `HTTP ${resp.status}`, ...fields].join(" — "), true);
      return;
    }
    const texts = Object.fromEntries(documents.map((d) => [d.id, d.text]));
    lastResult = { report: data, texts };
    render(data, documents);
    const n = data.conflicts.length;
    setStatus(n ? `${n} finding${n === 1 ? "" : "s"}.` : "No conflicts found.");
  } catch (exc) {
    setStatus(`Request failed: ${exc.message}`, true);
  } finally {
    $("#run").disabled = false;
  }
}

// Offsets from the API are Unicode code points; JavaScript strings index UTF-16 units.
function codePointIndex(text) {
  const units = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; units.push(u); }
  return units;
}

const claimKey = (c) => `${c.document}\u0000${c.start}\u0000${c.end}`;

function render(report, documents) {
  $("#output").hidden = false;
  const byClaim = new Map(); // claim key -> indices of conflicts
  report.conflicts.forEach((conflict, i) => {
    for (const claim of conflict.claims) {
      const k = claimKey(claim);
      if (!byClaim.has(k)) byClaim.set(k, []);
      byClaim.get(k).push(i);
    }
  });
  const views = $("#views");
  views.replaceChildren();
  for (const doc of documents) {
    const view = el("section", "view");
    view.append(el("h3", null, doc.id));
    const pre = el("pre", "text");
    pre.append(...highlight(doc, report.conflicts, byClaim));
    view.append(pre);
    views.append(view);
  }
  if (report.errors && report.errors.length) {
    const list = el("ul", "errors");
    for (const e of report.errors) list.append(el("li", null, `${e.field}: ${e.message}`));
    views.append(list);
  }
  const findings = $("#findings");
  findings.replaceChildren();
  report.conflicts.forEach((conflict, i) => {
    const li = el("li");
    li.dataset.conflict = String(i);
    li.append(el("span", `badge sev-${conflict.severity}`, conflict.severity),
      el("span", "code", conflict.rule), el("span", null, conflict.message),
      el("div", "where", conflict.claims.map(where).join(" ↔ ")));
    li.addEventListener("click", () => select(conflict.claims[0], [i]));
    findings.append(li);
  });
  $("#count").textContent = `(${report.conflicts.length})`;
  $("#explain").replaceChildren(el("p", "hint", "Click a highlighted claim or a finding."));
}

function highlight(doc, conflicts, byClaim) {
  const text = doc.text;
  const units = codePointIndex(text);
  const spans = [];
  for (const conflict of conflicts) {
    for (const c of conflict.claims) {
      if (c.document === doc.id) spans.push({ claim: c, severity: conflict.severity });
    }
  }
  const cuts = new Set([0, units.length - 1]);
  for (const s of spans) { cuts.add(s.claim.start); cuts.add(s.claim.end); }
  const points = [...cuts].filter((p) => p >= 0 && p < units.length).sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(units[a], units[b]);
    const covering = spans.filter((s) => s.claim.start <= a && b <= s.claim.end);
    if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
    const worst = covering.reduce((x, y) => (SEVERITY_RANK[y.severity] > SEVERITY_RANK[x.severity] ? y : x));
    const mark = el("mark", `claim sev-${worst.severity}`, piece);
    const keys = [...new Set(covering.map((s) => claimKey(s.claim)))];
    mark.dataset.claims = JSON.stringify(keys);
    mark.tabIndex = 0;
    mark.setAttribute("role", "button");
    const target = covering[0].claim;
    mark.title = `${worst.severity}: ${(byClaim.get(claimKey(target)) || []).length} finding(s)`;
    const open = () => select(target, byClaim.get(claimKey(target)) || []);
    mark.addEventListener("click", open);
    mark.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
    nodes.push(mark);
  }
  return nodes;
}

function marksFor(key) {
  return [...document.querySelectorAll("#views mark.claim")].filter((m) => JSON.parse(m.dataset.claims).includes(key));
}

function select(claim, indices) {
  // A claim may be in several findings: every partner of every one of them is highlighted.
  if (!lastResult || !indices.length) return;
  const conflicts = indices.map((i) => lastResult.report.conflicts[i]);
  document.querySelectorAll("#views mark.selected, #views mark.partner").forEach((m) => m.classList.remove("selected", "partner"));
  document.querySelectorAll("#findings li.active").forEach((li) => li.classList.remove("active"));
  const key = claimKey(claim);
  const partners = conflicts.flatMap((c) => c.claims).filter((c) => claimKey(c) !== key);
  for (const p of partners) marksFor(claimKey(p)).forEach((m) => m.classList.add("partner"));
  marksFor(key).forEach((m) => { m.classList.remove("partner"); m.classList.add("selected"); });
  for (const i of indices) document.querySelector(`#findings li[data-conflict="${i}"]`)?.classList.add("active");
  const first = partners.length ? marksFor(claimKey(partners[0]))[0] : null;
  if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
  $("#explain").replaceChildren(...conflicts.map((c) => explain(c, claim)));
}

const where = (c) => `${c.document}:${c.line}:${c.column}`;

function explain(conflict, claim) {
  const box = el("div", "explanation");
  const head = el("p");
  head.append(el("span", `badge sev-${conflict.severity}`, conflict.severity), el("span", "code", conflict.rule),
    el("span", null, `${conflict.name} (${conflict.status})`));
  const dl = el("dl");
  const row = (term, value) => dl.append(el("dt", null, term), el("dd", null, value));
  for (const c of conflict.claims) {
    const label = claimKey(c) === claimKey(claim) ? "selected" : "conflicts with";
    row(label, `“${c.text}” in ${c.document}, line ${c.line}, column ${c.column}`);
  }
  for (const [k, v] of Object.entries(conflict.evidence || {})) {
    if (v !== null && v !== undefined && !(Array.isArray(v) && v.every((x) => x === null))) row(k, JSON.stringify(v));
  }
  box.append(head, el("p", null, conflict.message), dl);
  return box;
}

async function init() {
  addDocument();
  $("#add").addEventListener("click", () => addDocument().querySelector(".doc-text").focus());
  $("#files").addEventListener("change", (ev) => { loadFiles(ev.target.files); ev.target.value = ""; });
  $("#run").addEventListener("click", run);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) run(); });
  try {
    const resp = await fetch("/v1/info"); // answers 401 when API keys are configured
    if (resp.status === 401 || (resp.ok && (await resp.json()).auth)) $("#key-label").hidden = false;
  } catch {
    setStatus("The API cannot be reached.", true);
  }
}

document.addEventListener("DOMContentLoaded", init);
