/**
 * The page around every HTML report: one self-contained file that opens from disk. Its CSS and script are
 * inline and named by hash in a Content-Security-Policy that allows nothing else — no request leaves the
 * page (`default-src 'none'`), and a script that escaping somehow let through would not run.
 */
import { createHash } from 'node:crypto';
import { html, type Markup, raw } from './markup.ts';

const CSS = `
:root { color-scheme: light; --critical: #b3261e; --high: #e0661b; --medium: #c99a06; --low: #2f6fb3; --ok: #2e7d32; --line: #d0d4da; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 78rem; padding: 1rem 1.5rem 3rem; color: #1b1f24; background: #fff; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td { overflow-wrap: break-word; } table.findings td:nth-child(2) { white-space: nowrap; } .scroll { overflow-x: auto; } table.findings td:nth-child(3) { min-width: 16rem; }
thead th { background: #eef1f5; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th button:focus-visible, select:focus-visible, input:focus-visible, summary:focus-visible, a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
.sev { display: inline-block; min-width: 4.8rem; padding: 0 .4rem; border-radius: .25rem; color: #fff; font-weight: 600; text-align: center; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); } .sev-medium { background: var(--medium); color: #1b1f24; } .sev-low { background: var(--low); }
.sev-none { background: var(--ok); } .sev-error { background: #5f6368; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: 0; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .9rem; min-width: 8rem; }
.cards b { display: block; font-size: 1.5rem; }
.heat { display: flex; flex-wrap: wrap; gap: 3px; margin: .2rem 0 .8rem; padding: 0; list-style: none; }
.heat li { width: 1.5rem; height: 1.5rem; border-radius: 3px; border: 1px solid #0002; }
.heat li.sev-none { background: #c8e6c9; }
.legend { font-size: .85rem; color: #444; }
form.filters { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: end; margin: .5rem 0; padding: .6rem; background: #f5f7fa; border: 1px solid var(--line); border-radius: .4rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; font-weight: 600; }
form.filters label.check { flex-direction: row; gap: .3rem; align-items: center; }
form.filters select { font: inherit; min-width: 9rem; }
pre { background: #f5f7fa; border: 1px solid var(--line); padding: .5rem; overflow-x: auto; font-size: .85rem; margin: .3rem 0; }
pre .at { background: #fff3c4; display: inline-block; min-width: 100%; } pre .hidden-line { color: #777; font-style: italic; }
pre .add { color: #1e6b25; } pre .del { color: #a1261c; }
details.target { border: 1px solid var(--line); border-radius: .4rem; margin: .5rem 0; padding: .3rem .8rem; }
details.target > summary { cursor: pointer; font-weight: 600; padding: .2rem 0; }
.finding { border-left: 4px solid var(--line); padding: .1rem .8rem; margin: .8rem 0; }
.finding.critical { border-color: var(--critical); } .finding.high { border-color: var(--high); } .finding.medium { border-color: var(--medium); } .finding.low { border-color: var(--low); }
.state { font-size: .8rem; border: 1px solid currentColor; border-radius: 1rem; padding: 0 .4rem; white-space: nowrap; }
.state-new { color: #a1261c; } .state-updated { color: #8a5a00; } .state-unchanged { color: #555; }
.muted { color: #555; } .error { color: #a1261c; }
svg.chart { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: .4rem; background: #fff; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #333; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  form.filters, th button::after { display: none !important; }
  tr[hidden] { display: table-row !important; }
  details.target::details-content { content-visibility: visible; display: contents; }
  details.target { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * Sorting and filtering in the page (no server): rows carry their values in data attributes (escaped like
 * any attribute, so the browser reads back exactly what the filter lists hold). Without script every row
 * stays visible and the filter form stays hidden.
 */
const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  var form = document.getElementById('filters');
  if (table && form) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var shown = document.getElementById('shown');
    var apply = function () {
      var want = {};
      Array.prototype.forEach.call(form.querySelectorAll('select[data-filter]'), function (s) { want[s.getAttribute('data-filter')] = s.value; });
      var newOnly = form.querySelector('input[name="new-only"]');
      var n = 0;
      rows.forEach(function (r) {
        var ok = true;
        Object.keys(want).forEach(function (k) { if (want[k] !== '' && r.getAttribute('data-' + k) !== want[k]) ok = false; });
        if (newOnly && newOnly.checked && r.getAttribute('data-state') !== 'new' && r.getAttribute('data-state') !== 'updated') ok = false;
        r.hidden = !ok;
        if (ok) n++;
      });
      if (shown) shown.textContent = n + ' of ' + rows.length + ' findings shown';
    };
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (t) {
    var heads = Array.prototype.slice.call(t.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var b = th.querySelector('button');
      if (!b) return;
      b.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = t.tBodies[0];
        var key = function (r) { var c = r.cells[col]; return c ? (c.getAttribute('data-sort') || c.textContent || '') : ''; };
        var numeric = th.classList.contains('num') || th.hasAttribute('data-num');
        var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b2) {
          var x = key(a), y = key(b2);
          var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true });
          return asc ? d : -d;
        });
        sorted.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  // Printing shows everything: every target's drill-down open (CSS un-hides filtered rows).
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const POLICY = `default-src 'none'; style-src ${hash(CSS)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

/** A whole document: the title is text, the body markup built by the renderers. */
export function page(title: string, body: Markup): string {
  return `${
    html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
${body}
<script>${raw(SCRIPT)}</script>
</body>
</html>`.value
  }\n`;
}
