// forbund serve: the page's script. The form is built from the
// description's JSON Schema (GET /api/schema), so keys added to the
// schema appear without changes here. The description being edited is
// one JSON value (`draft`); every input writes into it at its JSON
// pointer, it is kept in localStorage, and the server validates, drafts
// and checks it (POST /api/preview). No request leaves this computer.
"use strict";

const STORAGE_KEY = "forbund-utkast";
const DEBOUNCE_MS = 300;

let schema = null;
let draft = null;
let lastPreview = null;
let previewSequence = 0;
let previewTimer = null;
let shownDocument = null;

// ---------------------------------------------------------------- helpers

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function status(text) {
  document.getElementById("status").textContent = text;
}

function pointer(parts) {
  return parts.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

function parsePointer(text) {
  if (!text) return [];
  return text.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function fieldId(parts) {
  return "falt" + pointer(parts).replace(/[^A-Za-z0-9åäöÅÄÖ_-]/g, (c) => "-" + c.charCodeAt(0) + "-");
}

function getAt(parts) {
  let value = draft;
  for (const part of parts) {
    if (value === null || typeof value !== "object") return undefined;
    value = value[part];
  }
  return value;
}

function setAt(parts, value) {
  let target = draft;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (target[part] === null || typeof target[part] !== "object") {
      target[part] = typeof parts[i + 1] === "number" ? [] : {};
    }
    target = target[part];
  }
  const last = parts[parts.length - 1];
  if (value === undefined) {
    if (Array.isArray(target)) target[last] = null;
    else delete target[last];
  } else {
    target[last] = value;
  }
  prune(draft);
}

// Drops objects left empty when their last field was cleared, so that an
// optional group nobody filled in is not sent as {}.
function prune(value) {
  if (value === null || typeof value !== "object") return;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (child !== null && typeof child === "object" && !Array.isArray(child)) {
      prune(child);
      if (Object.keys(child).length === 0) delete value[key];
    } else if (Array.isArray(child)) {
      child.forEach(prune);
    }
  }
}

function label(key) {
  const text = String(key).replace(/(\d)_(\d)/g, "$1–$2").replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileNameFrom(response, fallback) {
  const header = response.headers.get("content-disposition") || "";
  const match = /filename="([^"]+)"/.exec(header);
  return match ? match[1] : fallback;
}

async function errorText(response) {
  try {
    const body = await response.json();
    const problems = (body.problems || []).map((p) => `${where(p.location)}: ${p.message}`);
    return [body.error, ...problems].filter(Boolean).join("\n");
  } catch (_) {
    return `servern svarade ${response.status}`;
  }
}

function slug(text) {
  return String(text || "forbund")
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "forbund";
}

// ---------------------------------------------------------------- schema

function resolve(node) {
  let resolved = node || {};
  const outer = resolved;
  const seen = new Set();
  while (resolved.$ref && !seen.has(resolved.$ref)) {
    seen.add(resolved.$ref);
    const name = decodeURIComponent(resolved.$ref.replace("#/$defs/", ""));
    resolved = { ...schema.$defs[name], ...withoutRef(resolved) };
  }
  // "anyOf": [X, {"type": "null"}] is an optional X.
  if (Array.isArray(resolved.anyOf)) {
    const real = resolved.anyOf.filter((a) => a.type !== "null");
    if (real.length === 1 && real.length < resolved.anyOf.length) {
      const inner = resolve(real[0]);
      resolved = { ...inner, description: outer.description || inner.description, nullable: true };
    }
  }
  let type = resolved.type;
  if (Array.isArray(type)) {
    const real = type.filter((t) => t !== "null");
    resolved = { ...resolved, type: real[0], nullable: real.length < type.length };
    type = real[0];
  }
  if (Array.isArray(resolved.oneOf) && resolved.oneOf.every((o) => "const" in o)) {
    resolved = {
      ...resolved,
      type: "enum",
      choices: resolved.oneOf.map((o) => ({ value: o.const, text: (o.description || String(o.const)).replace(/\.$/, "") })),
    };
  } else if (Array.isArray(resolved.enum)) {
    resolved = { ...resolved, type: "enum", choices: resolved.enum.map((v) => ({ value: v, text: String(v) })) };
  }
  return resolved;
}

function withoutRef(node) {
  const copy = { ...node };
  delete copy.$ref;
  return copy;
}

// ---------------------------------------------------------------- the form

function buildForm() {
  const form = document.getElementById("formular");
  form.replaceChildren();
  const required = new Set(schema.required || []);
  for (const [key, node] of Object.entries(schema.properties || {})) {
    if (key === "$schema") continue;
    form.append(renderField([key], key, node, required.has(key), 1));
  }
  showProblems(lastPreview ? lastPreview.problems || [] : []);
}

function renderField(parts, key, rawNode, required, depth) {
  const node = resolve(rawNode);
  switch (node.type) {
    case "object":
      return node.properties ? renderObject(parts, key, node, required, depth) : renderJson(parts, key, node, required);
    case "array":
      return renderArray(parts, key, node, required, depth);
    case "enum":
      return renderEnum(parts, key, node, required);
    case "boolean":
      return renderBoolean(parts, key, node, required);
    case "integer":
    case "number":
      return renderNumber(parts, key, node, required);
    case "string":
      return renderString(parts, key, node, required);
    default:
      return renderJson(parts, key, node, required);
  }
}

function help(id, node) {
  const text = [node.description, defaultText(node)].filter(Boolean).join(" ");
  return text ? el("p", { class: "hjalptext", id: id + "-hjalp" }, text) : null;
}

function defaultText(node) {
  if (node.default === undefined || node.default === null || typeof node.default === "object") return "";
  let shown = node.default;
  if (node.type === "boolean") shown = node.default ? "ja" : "nej";
  if (node.type === "enum") {
    const choice = (node.choices || []).find((c) => c.value === node.default);
    if (choice) shown = choice.text;
  }
  return `Utelämnas det gäller: ${String(shown).replace(/\.$/, "")}.`;
}

function wrapper(parts, key, node, required, control, id) {
  const mark = required ? [" ", el("span", { class: "krav", "aria-hidden": "true" }, "*")] : [];
  const box = el("div", { class: "falt", "data-path": pointer(parts) },
    el("label", { for: id }, label(key), ...mark),
    help(id, node),
    control);
  control.setAttribute("aria-describedby", id + "-hjalp " + id + "-fel");
  if (required) control.setAttribute("aria-required", "true");
  return box;
}

function renderString(parts, key, node, required) {
  const id = fieldId(parts);
  const value = getAt(parts);
  const long = node.long || (node.maxLength || 0) > 200 || (!node.maxLength && !node.format && !node.pattern && /stycken|text|motivering|beskrivning/i.test(node.description || ""));
  const attributes = {
    id,
    name: pointer(parts),
    value: value === undefined || value === null ? "" : String(value),
    placeholder: node.examples ? "t.ex. " + node.examples[0] : null,
    oninput: (event) => {
      const text = event.target.value;
      setAt(parts, text === "" && !required ? undefined : text);
      changed();
    },
  };
  let control;
  if (node.format === "date") {
    control = el("input", { ...attributes, type: "date" });
  } else if (long) {
    control = el("textarea", { ...attributes, rows: 3, value: null }, attributes.value);
  } else {
    control = el("input", { ...attributes, type: "text" });
  }
  return wrapper(parts, key, node, required, control, id);
}

function renderNumber(parts, key, node, required) {
  const id = fieldId(parts);
  const value = getAt(parts);
  const control = el("input", {
    id,
    name: pointer(parts),
    type: "number",
    inputmode: node.type === "integer" ? "numeric" : "decimal",
    step: node.type === "integer" ? "1" : "any",
    min: node.minimum,
    max: node.maximum,
    value: value === undefined || value === null ? "" : String(value),
    oninput: (event) => {
      const text = event.target.value;
      setAt(parts, text === "" ? undefined : Number(text));
      changed();
    },
  });
  return wrapper(parts, key, node, required, control, id);
}

function renderEnum(parts, key, node, required) {
  const id = fieldId(parts);
  const value = getAt(parts);
  const empty = required && node.default === undefined ? "— välj —" : "— inget valt (standard) —";
  const control = el("select", {
    id,
    name: pointer(parts),
    onchange: (event) => {
      const text = event.target.value;
      const choice = node.choices.find((c) => String(c.value) === text);
      setAt(parts, choice ? choice.value : undefined);
      changed();
    },
  },
  el("option", { value: "" }, empty),
  node.choices.map((c) => el("option", { value: String(c.value), selected: c.value === value }, c.text)));
  return wrapper(parts, key, node, required, control, id);
}

function renderBoolean(parts, key, node, required) {
  const id = fieldId(parts);
  const value = getAt(parts);
  const control = el("select", {
    id,
    name: pointer(parts),
    onchange: (event) => {
      const text = event.target.value;
      setAt(parts, text === "" ? undefined : text === "ja");
      changed();
    },
  },
  el("option", { value: "" }, "— standard —"),
  el("option", { value: "ja", selected: value === true }, "Ja"),
  el("option", { value: "nej", selected: value === false }, "Nej"));
  return wrapper(parts, key, node, required, control, id);
}

// A value the form has no widget for, edited as JSON text.
function renderJson(parts, key, node, required) {
  const id = fieldId(parts);
  const value = getAt(parts);
  const control = el("textarea", {
    id,
    name: pointer(parts),
    rows: 3,
    class: "json",
    oninput: (event) => {
      const text = event.target.value.trim();
      if (text === "") {
        setAt(parts, undefined);
        changed();
        return;
      }
      try {
        setAt(parts, JSON.parse(text));
        event.target.removeAttribute("aria-invalid");
        changed();
      } catch (_) {
        event.target.setAttribute("aria-invalid", "true");
      }
    },
  }, value === undefined ? "" : JSON.stringify(value, null, 2));
  return wrapper(parts, key, { ...node, description: (node.description || "") + " (skrivs som JSON)" }, required, control, id);
}

function renderObject(parts, key, node, required, depth) {
  const requiredKeys = new Set(node.required || []);
  const id = fieldId(parts);
  const children = Object.entries(node.properties).map(([childKey, child]) =>
    renderField([...parts, childKey], childKey, child, requiredKeys.has(childKey), depth + 1));
  const legend = el("legend", {}, label(key), required ? [" ", el("span", { class: "krav", "aria-hidden": "true" }, "*")] : []);
  const fieldset = el("fieldset", { class: "grupp", "data-path": pointer(parts), id, "aria-describedby": id + "-fel" },
    legend, help(id, node), children);
  if (depth === 1) {
    // Top-level groups fold, so the long form stays easy to scan.
    const present = getAt(parts) !== undefined;
    return el("details", { class: "sektion", open: required || present, "data-path": pointer(parts) },
      el("summary", {}, label(key), required ? " *" : ""), fieldset);
  }
  return fieldset;
}

function renderArray(parts, key, node, required, depth) {
  const id = fieldId(parts);
  const itemNode = resolve(node.items || {});
  const items = Array.isArray(getAt(parts)) ? getAt(parts) : [];
  const list = el("ol", { class: "lista" });
  items.forEach((item, index) => {
    const itemParts = [...parts, index];
    const name = item && typeof item === "object" && item.namn ? `: ${item.namn}` : "";
    const title = `${label(key)} ${index + 1}${name}`;
    const remove = el("button", {
      type: "button",
      class: "ta-bort",
      "aria-label": `Ta bort ${title}`,
      onclick: () => {
        const array = getAt(parts);
        array.splice(index, 1);
        if (array.length === 0 && !required) setAt(parts, undefined);
        changed();
        buildForm();
        const next = document.getElementById(fieldId(parts) + "-lagg-till");
        if (next) next.focus();
      },
    }, "Ta bort");
    let content;
    if (itemNode.type === "object" && itemNode.properties) {
      const requiredKeys = new Set(itemNode.required || []);
      content = el("fieldset", { class: "grupp post", "data-path": pointer(itemParts), id: fieldId(itemParts) },
        el("legend", {}, title),
        Object.entries(itemNode.properties).map(([childKey, child]) =>
          renderField([...itemParts, childKey], childKey, child, requiredKeys.has(childKey), depth + 2)),
        remove);
    } else {
      const field = renderField(itemParts, `${label(key)} ${index + 1}`, { ...node.items, description: null, long: /stycken/i.test(node.description || "") }, true, depth + 2);
      content = el("div", { class: "post enkel" }, field, remove);
    }
    list.append(el("li", {}, content));
  });
  const add = el("button", {
    type: "button",
    id: id + "-lagg-till",
    onclick: () => {
      const array = Array.isArray(getAt(parts)) ? getAt(parts) : [];
      array.push(emptyValue(itemNode));
      setAt(parts, array);
      changed();
      buildForm();
      const added = document.getElementById(fieldId([...parts, array.length - 1]));
      const focus = added && (added.matches("input,select,textarea") ? added : added.querySelector("input,select,textarea"));
      if (focus) focus.focus();
    },
  }, `Lägg till (${label(key).toLowerCase()})`);
  const mark = required ? [" ", el("span", { class: "krav", "aria-hidden": "true" }, "*")] : [];
  const fieldset = el("fieldset", { class: "grupp", "data-path": pointer(parts), id, "aria-describedby": id + "-fel" },
    el("legend", {}, label(key), ...mark), help(id, node), list, add);
  if (depth === 1) {
    return el("details", { class: "sektion", open: required || items.length > 0, "data-path": pointer(parts) },
      el("summary", {}, label(key), required ? " *" : ""), fieldset);
  }
  return fieldset;
}

// A new item of an array: required text fields empty, required numbers
// at their minimum, the rest left out.
function emptyValue(node) {
  if (node.type === "object" && node.properties) {
    const value = {};
    for (const key of node.required || []) {
      const child = resolve(node.properties[key]);
      if (child.type === "string") value[key] = "";
      else if (child.type === "integer" || child.type === "number") value[key] = Math.max(child.minimum || 0, 1);
      else if (child.type === "enum") value[key] = child.choices[0].value;
      else if (child.type === "array") value[key] = [];
    }
    return value;
  }
  if (node.type === "integer" || node.type === "number") return node.minimum || 0;
  if (node.type === "enum") return node.choices[0].value;
  return "";
}

// ---------------------------------------------------------------- problems

const SEVERITY = { error: "Fel", warning: "Varning", info: "Info" };
const LAW = {
  finsam: "lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser",
  kommunallagen: "kommunallagen (2017:725)",
  arkivlagen: "arkivlagen (1990:782)",
  praxis: "god praxis (ingen lagregel)",
};

function citation(c) {
  if (!c) return "";
  if (c.law === "praxis") return LAW.praxis;
  const parts = [c.chapter, c.paragraph, c.item, LAW[c.law] || c.law].filter(Boolean);
  return parts.join(" ") + (c.verified === false ? " (ej verifierad)" : "");
}

function where(location) {
  if (!location) return "";
  return [location.path === "" ? "(roten)" : location.path, location.section].filter(Boolean).join(" ") || location.file || "";
}

// The field a JSON pointer names, or the nearest group holding it (a
// missing key is reported at the object that should have it).
function fieldFor(path) {
  let parts = parsePointer(path);
  for (;;) {
    const box = document.querySelector(`[data-path="${CSS.escape(pointer(parts))}"]:not(details)`);
    if (box) return box;
    if (parts.length === 0) return null;
    parts = parts.slice(0, -1);
  }
}

function focusField(path) {
  const box = fieldFor(path);
  if (!box) return;
  let open = box.closest("details");
  while (open) {
    open.open = true;
    open = open.parentElement.closest("details");
  }
  const control = box.matches("input,select,textarea") ? box : box.querySelector("input,select,textarea,button");
  box.scrollIntoView({ block: "center" });
  if (control) control.focus();
}

function showProblems(problems) {
  for (const old of document.querySelectorAll("#formular .fel")) old.remove();
  for (const old of document.querySelectorAll("#formular [aria-invalid]")) old.removeAttribute("aria-invalid");
  const summary = document.getElementById("problem");
  summary.replaceChildren();
  if (problems.length === 0) return;
  summary.append(el("h3", {}, problems.length === 1 ? "Beskrivningen har 1 fel" : `Beskrivningen har ${problems.length} fel`));
  const list = el("ul");
  problems.forEach((problem, index) => {
    const path = problem.location && problem.location.path !== undefined ? problem.location.path : "";
    const box = fieldFor(path);
    const id = "fel-" + index;
    if (box) {
      const control = box.matches("input,select,textarea") ? box : box.querySelector(":scope > input, :scope > select, :scope > textarea");
      const message = el("p", { class: "fel", id: (control ? control.id : box.id) + "-fel" }, problem.message);
      if (control) {
        control.setAttribute("aria-invalid", "true");
        control.after(message);
      } else {
        const legend = box.querySelector(":scope > legend");
        (legend || box.firstChild).after(message);
      }
      let open = box.closest("details");
      while (open) {
        open.open = true;
        open = open.parentElement.closest("details");
      }
    }
    list.append(el("li", { id },
      el("a", { href: "#", onclick: (event) => { event.preventDefault(); focusField(path); } }, path || "(hela beskrivningen)"),
      ": ", problem.message, " ", el("span", { class: "kod" }, `[${problem.id}]`)));
  });
  summary.append(list);
}

// ---------------------------------------------------------------- preview

function changed() {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  clearTimeout(previewTimer);
  // An answer still under way is for an older draft: drop it.
  previewSequence++;
  document.body.dataset.forhand = "väntar";
  previewTimer = setTimeout(preview, DEBOUNCE_MS);
}

function draftText() {
  return JSON.stringify(draft, null, 2) + "\n";
}

async function preview() {
  const sequence = ++previewSequence;
  document.body.dataset.forhand = "arbetar";
  let response;
  try {
    response = await fetch("/api/preview", { method: "POST", headers: { "content-type": "application/json" }, body: draftText() });
  } catch (_) {
    status("Servern svarar inte. Kör forbund serve fortfarande?");
    return;
  }
  if (sequence !== previewSequence) return;
  if (!response.ok) {
    status(await errorText(response));
    document.body.dataset.forhand = "fel";
    return;
  }
  const result = await response.json();
  if (sequence !== previewSequence) return;
  lastPreview = result;
  showProblems(result.problems);
  if (result.valid) {
    showDocuments(result.documents);
    showReports(document.getElementById("fynd"), result.reports, true);
    const errors = result.reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error" && !f.suppression).length, 0);
    status(`Utkasten är uppdaterade. Kontrollen: ${errors === 0 ? "inga fel" : errors === 1 ? "1 fel" : errors + " fel"}.`);
  } else {
    status(`Beskrivningen har ${result.problems.length} fel; rätta dem så uppdateras utkasten (förhandsgranskningen visar den senaste giltiga versionen).`);
  }
  document.body.dataset.forhand = result.valid ? "klar" : "ogiltig";
}

function showDocuments(documents) {
  const tabs = document.getElementById("dokumentflikar");
  const choose = document.getElementById("val-dokument");
  if (!documents.some((d) => d.file_stem === shownDocument)) shownDocument = documents.length ? documents[0].file_stem : null;
  tabs.replaceChildren(...documents.map((d) => el("button", {
    type: "button",
    "aria-pressed": d.file_stem === shownDocument ? "true" : "false",
    "data-stem": d.file_stem,
    onclick: () => { shownDocument = d.file_stem; showDocuments(lastPreview.documents); },
  }, d.label)));
  const chosen = choose.value;
  choose.replaceChildren(...documents.map((d) => el("option", { value: d.file_stem, selected: d.file_stem === chosen }, d.label)));
  const shown = documents.find((d) => d.file_stem === shownDocument);
  const frame = document.getElementById("forhand");
  if (shown && frame.srcdoc !== shown.html) {
    const scroll = frame.contentWindow ? frame.contentWindow.scrollY : 0;
    frame.onload = () => { if (frame.contentWindow) frame.contentWindow.scrollTo(0, scroll); };
    frame.srcdoc = shown.html;
  }
}

// Shows a § of a draft: switches to the document and scrolls to the
// heading that starts with the § number.
function showSection(stem, section) {
  if (lastPreview && stem && lastPreview.documents.some((d) => d.file_stem === stem)) {
    shownDocument = stem;
    showDocuments(lastPreview.documents);
  }
  const frame = document.getElementById("forhand");
  const find = () => {
    const doc = frame.contentDocument;
    if (!doc) return;
    const number = section.split(" ").slice(0, 2).join(" ");
    const heading = [...doc.querySelectorAll("h1,h2,h3,h4")].find((h) => h.textContent.trim().startsWith(number) || h.textContent.trim() === section);
    if (heading) {
      heading.scrollIntoView({ block: "start" });
      heading.style.outline = "3px solid #b35900";
      setTimeout(() => { heading.style.outline = ""; }, 2500);
    }
  };
  setTimeout(find, 50);
  frame.focus();
}

function reportTitle(report) {
  const kinds = {
    beskrivning: "Beskrivningen",
    forbundsordning: "Förbundsordningen",
    avsiktsforklaring: "Avsiktsförklaringen",
    tjansteutlatande: "Tjänsteutlåtandet",
    organisation: "Förslaget till organisation",
    jamforelsetabell: "Jämförelsetabellen",
    beslutspaket: "Beslutspaketet",
    "oläsbar": "Oläsbar fil",
  };
  return `${kinds[report.checked] || report.checked}: ${report.file}`;
}

// Lists reports: each finding with its severity, citation and fix, linked
// to its field (descriptions) or its § (drafts) when `linked`.
function showReports(container, reports, linked) {
  container.replaceChildren();
  for (const report of reports) {
    const counts = ["error", "warning", "info"].map((s) => report.findings.filter((f) => f.severity === s && !f.suppression).length);
    const section = el("section", { class: "rapport" },
      el("h3", {}, reportTitle(report)),
      el("p", { class: "summering" }, `${counts[0]} fel, ${counts[1]} varningar, ${counts[2]} info`));
    if (report.findings.length) {
      const list = el("ul", { class: "fyndlista" });
      for (const finding of report.findings) {
        const place = linkTo(report, finding, linked);
        list.append(el("li", { class: "fynd-" + finding.severity },
          el("strong", {}, SEVERITY[finding.severity] || finding.severity), ": ",
          finding.message,
          finding.citation ? el("span", { class: "citat" }, " (", citation(finding.citation), ")") : null,
          place ? [" – ", place] : null,
          " ", el("span", { class: "kod" }, `[${finding.id}]`),
          finding.fix ? el("div", { class: "forslag" }, "Förslag: ", finding.fix.message) : null,
          finding.suppression ? el("div", { class: "godtagen" }, "Godtagen: ", finding.suppression.reason) : null));
      }
      section.append(list);
    }
    if (report.checklist) section.append(checklist(report, linked));
    container.append(section);
  }
}

// Where a finding points: its field in the form (or the field its fix
// names, when it is about the description as a whole), or its § in a draft.
function linkTo(report, finding, linked) {
  const location = finding.location;
  if (!location) return null;
  const text = where(location);
  if (!text) return null;
  if (!linked) return el("span", { class: "plats" }, text);
  const field = location.path || (finding.fix && finding.fix.field) || "";
  if (location.path !== undefined && !report.file.includes(":") && fieldFor(field) && field !== "") {
    return el("a", { href: "#", onclick: (e) => { e.preventDefault(); focusField(field); } }, location.path === "" ? field : text);
  }
  if (location.section) {
    const stem = report.file.includes(":") ? report.file.split(":").pop() : null;
    return el("a", { href: "#forhand", onclick: (e) => { e.preventDefault(); showSection(stem, location.section); } }, text);
  }
  return el("span", { class: "plats" }, text);
}

function checklist(report, linked) {
  const statusText = { finns: "finns", saknas: "saknas", "ej_tillämplig": "ej tillämplig" };
  const body = el("tbody", {}, report.checklist.map((item) => {
    let place = item.location || "";
    if (linked && item.location && item.location.startsWith("/")) {
      const first = item.location.split(/[ ,]+/)[0];
      place = el("a", { href: "#", onclick: (e) => { e.preventDefault(); focusField(first); } }, item.location);
    }
    return el("tr", { class: "status-" + item.status },
      el("th", { scope: "row" }, item.item),
      el("td", {}, item.requirement),
      el("td", {}, statusText[item.status] || item.status),
      el("td", {}, place, item.note ? [" ", item.note] : null));
  }));
  return el("table", { class: "checklista" },
    el("caption", {}, "Checklista enligt 9 § FinsamL"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Punkt"), el("th", { scope: "col" }, "Krav"), el("th", { scope: "col" }, "Status"), el("th", { scope: "col" }, "Var / anmärkning"))),
    body);
}

// ---------------------------------------------------------------- files

async function postForDownload(url, options, fallbackName) {
  status("Arbetar …");
  const response = await fetch(url, options);
  if (!response.ok) {
    status(await errorText(response));
    return;
  }
  const name = fileNameFrom(response, fallbackName);
  download(await response.blob(), name);
  status(`Klart: ${name} har laddats ner.`);
}

function startDescribe() {
  document.getElementById("ny").addEventListener("click", async () => {
    if (!confirm("Börja om med en ny beskrivning? Det nuvarande utkastet ersätts.")) return;
    draft = await (await fetch("/api/example")).json();
    changed();
    buildForm();
    status("En ny beskrivning med exempelvärden. Ändra dem till förbundets.");
  });
  document.getElementById("oppna").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    event.target.value = "";
    // The server reads it as forbund validate does (comments allowed).
    const response = await fetch("/api/open?name=" + encodeURIComponent(file.name), {
      method: "POST", headers: { "content-type": "application/json" }, body: file,
    });
    if (!response.ok) {
      status(await errorText(response));
      return;
    }
    draft = await response.json();
    changed();
    buildForm();
    status(`${file.name} är öppnad.`);
  });
  document.getElementById("spara").addEventListener("click", () => {
    download(new Blob([draftText()], { type: "application/json" }), slug(draft.namn) + ".json");
    status("Beskrivningen har sparats som JSON.");
  });
  document.getElementById("ladda-paket").addEventListener("click", () =>
    postForDownload("/api/package", { method: "POST", headers: { "content-type": "application/json" }, body: draftText() }, "forbund.zip"));
  document.getElementById("ladda-dokument").addEventListener("click", () => {
    const stem = document.getElementById("val-dokument").value;
    const format = document.getElementById("val-format").value;
    if (!stem) { status("Det finns inget utkast att ladda ner; rätta beskrivningen först."); return; }
    const file = `${stem}.${format}`;
    postForDownload("/api/document?file=" + encodeURIComponent(file),
      { method: "POST", headers: { "content-type": "application/json" }, body: draftText() }, file);
  });
}

// ---------------------------------------------------------------- compare, check

function compareForm() {
  const form = document.getElementById("jamfor-formular");
  const data = new FormData(form);
  if (document.getElementById("jamfor-utkast").checked) {
    data.delete("new");
    data.append("description", draftText());
  }
  return data;
}

function startCompare() {
  const form = document.getElementById("jamfor-formular");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status("Jämför …");
    const response = await fetch("/api/compare", { method: "POST", body: compareForm() });
    if (!response.ok) { status(await errorText(response)); return; }
    const result = await response.json();
    const box = document.getElementById("jamfor-resultat");
    box.hidden = false;
    document.getElementById("jamfor-rubrik").textContent = `Jämförelse: ${result.old} → ${result.new}`;
    const substance = document.getElementById("jamfor-sak");
    substance.replaceChildren(...[
      result.substance.length ? el("h4", {}, "Ändringar i sak") : el("p", {}, result.unchanged ? "Texterna är likalydande." : "Inga ändringar i sak hittades."),
      result.substance.length ? el("ul", {}, result.substance.map((s) => el("li", {}, s))) : null,
      result.warnings.length ? el("ul", { class: "varningar" }, result.warnings.map((w) => el("li", {}, "Varning: " + w))) : null,
    ].filter(Boolean));
    document.getElementById("jamfor-vy").srcdoc = result.html;
    status("Jämförelsen är klar.");
  });
  document.getElementById("ladda-tabell").addEventListener("click", () =>
    postForDownload("/api/compare/table?format=docx", { method: "POST", body: compareForm() }, "jamforelsetabell.docx"));
  document.getElementById("ladda-tabell-pdf").addEventListener("click", () =>
    postForDownload("/api/compare/table?format=pdf", { method: "POST", body: compareForm() }, "jamforelsetabell.pdf"));
  document.getElementById("ladda-sparade").addEventListener("click", () =>
    postForDownload("/api/compare/tracked", { method: "POST", body: compareForm() }, "andringar.docx"));
}

function checkForm() {
  const data = new FormData(document.getElementById("kontroll-formular"));
  if (document.getElementById("kontroll-utkast").checked) data.append("description", draftText());
  return data;
}

function startCheck() {
  document.getElementById("kontroll-formular").addEventListener("submit", async (event) => {
    event.preventDefault();
    status("Kontrollerar …");
    const response = await fetch("/api/check", { method: "POST", body: checkForm() });
    if (!response.ok) { status(await errorText(response)); return; }
    const result = await response.json();
    const box = document.getElementById("kontroll-resultat");
    box.hidden = false;
    showReports(box, result.reports, false);
    status(`Kontrollen är klar: ${result.reports.length} rapporter.`);
  });
  document.getElementById("ladda-sarif").addEventListener("click", () =>
    postForDownload("/api/check/sarif", { method: "POST", body: checkForm() }, "kontroll.sarif"));
}

// ---------------------------------------------------------------- tabs

function startTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute("aria-selected", on ? "true" : "false");
      other.tabIndex = on ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !on;
    }
    tab.focus();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        event.preventDefault();
        select(tabs[(index + step + tabs.length) % tabs.length]);
      } else if (event.key === "Home") {
        event.preventDefault();
        select(tabs[0]);
      } else if (event.key === "End") {
        event.preventDefault();
        select(tabs[tabs.length - 1]);
      }
    });
  });
}

async function start() {
  startTabs();
  startDescribe();
  startCompare();
  startCheck();
  schema = await (await fetch("/api/schema")).json();
  const saved = localStorage.getItem(STORAGE_KEY);
  try {
    draft = saved ? JSON.parse(saved) : null;
  } catch (_) {
    draft = null;
  }
  if (!draft || typeof draft !== "object") {
    draft = await (await fetch("/api/example")).json();
  }
  buildForm();
  document.body.dataset.klar = "ja";
  preview();
}

document.addEventListener("DOMContentLoaded", start);
