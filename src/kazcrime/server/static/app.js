// The query page: the YASGUI editor (Yasqe), saved questions, a results table, downloads, network.
// Every value reaches the page through textContent or an attribute, never as HTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const BASE = "https://w3id.org/kazcrime/";
  const textarea = document.getElementById("query");
  const saved = document.getElementById("saved");
  const question = document.getElementById("question");
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const downloads = document.getElementById("downloads");
  const network = document.getElementById("network");
  let editor = null;

  if (window.Yasqe) {
    // Only completers that need no network: prefixes from the built-in list, and variables.
    editor = window.Yasqe.fromTextArea(textarea, {
      autocompleters: ["prefixes", "variables"],
      prefixCcApi: "",
      showQueryButton: false,
      persistenceId: null,
      resizeable: true,
      requestConfig: { endpoint: "/sparql", method: "POST" },
    });
    editor.on("change", () => updateLinks());
  }
  const getQuery = () => (editor ? editor.getValue() : textarea.value);
  const setQuery = (text) => (editor ? editor.setValue(text) : (textarea.value = text));

  function local(iri) {
    return iri.startsWith(BASE) ? "/" + iri.slice(BASE.length) : iri;
  }
  function short(iri) {
    for (const [p, ns] of Object.entries(data.prefixes)) {
      if (iri.startsWith(ns) && !/[/#]/.test(iri.slice(ns.length))) return p + ":" + iri.slice(ns.length);
    }
    return iri;
  }
  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = document.createElement("a");
      a.href = local(term.value);
      a.textContent = short(term.value);
      if (!term.value.startsWith(BASE)) a.rel = "external noopener";
      td.appendChild(a);
    } else {
      td.textContent = term.value;
      if (term.type === "bnode") td.className = "muted";
    }
    return td;
  }
  function table(vars, rows) {
    const t = document.createElement("table");
    t.className = "results";
    const head = t.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const v of vars) tr.appendChild(cell(row[v]));
    }
    results.replaceChildren(t);
  }
  function parseNTriples(text) {
    const term = (s) =>
      s.startsWith("<") ? { type: "uri", value: s.slice(1, -1) }
        : s.startsWith("_:") ? { type: "bnode", value: s }
        : { type: "literal", value: s.replace(/^"(.*)"(.*)$/s, "$1").replace(/\\n/g, "\n").replace(/\\"/g, '"') };
    const rows = [];
    for (const line of text.split("\n")) {
      const m = line.match(/^(<[^>]*>|_:\S+)\s+(<[^>]*>)\s+(.*)\s+\.\s*$/);
      if (m) rows.push({ subject: term(m[1]), predicate: term(m[2]), object: term(m[3]) });
    }
    return rows;
  }
  function updateLinks(kind) {
    const q = encodeURIComponent(getQuery());
    network.href = "/view?query=" + q;
    if (!kind) return;
    downloads.replaceChildren(document.createTextNode("Download: "));
    for (const f of data.formats.filter((f) => f.kind === kind)) {
      const a = document.createElement("a");
      a.href = "/sparql?query=" + q + "&format=" + f.name;
      a.textContent = f.name;
      a.className = "download";
      a.download = "result." + ({ turtle: "ttl", ntriples: "nt", jsonld: "jsonld" }[f.name] || f.name);
      downloads.append(a, " ");
    }
  }
  async function run() {
    status.textContent = "running…";
    results.replaceChildren();
    const started = performance.now();
    let response;
    try {
      response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/sparql-results+json, application/n-triples;q=0.9",
        },
        body: new URLSearchParams({ query: getQuery() }),
      });
    } catch (err) {
      status.textContent = "the server did not answer";
      return;
    }
    const text = await response.text();
    if (!response.ok) {
      status.textContent = "";
      const p = document.createElement("pre");
      p.className = "error";
      p.textContent = `Error ${response.status}: ${text}`;
      results.replaceChildren(p);
      return;
    }
    const ms = Math.round(performance.now() - started);
    if ((response.headers.get("Content-Type") || "").startsWith("application/n-triples")) {
      const rows = parseNTriples(text);
      table(["subject", "predicate", "object"], rows);
      status.textContent = `${rows.length} triples in ${ms} ms`;
      updateLinks("graph");
      return;
    }
    const json = JSON.parse(text);
    if ("boolean" in json) {
      const p = document.createElement("p");
      p.className = "boolean";
      p.textContent = json.boolean ? "yes" : "no";
      results.replaceChildren(p);
      status.textContent = `answered in ${ms} ms`;
    } else {
      table(json.head.vars, json.results.bindings);
      status.textContent = `${json.results.bindings.length} row${json.results.bindings.length === 1 ? "" : "s"} in ${ms} ms`;
    }
    updateLinks("solutions");
  }
  saved.addEventListener("change", () => {
    const q = data.saved.find((s) => s.name === saved.value);
    if (!q) return;
    setQuery(q.text);
    question.textContent = q.question;
    history.replaceState(null, "", "/?saved=" + encodeURIComponent(q.name));
    run();
  });
  document.getElementById("run").addEventListener("click", run);
  updateLinks();
})();
