/** The HTML report's page: one file, its CSS, script and data inline (it loads nothing). The GIL timeline
 *  and the heap chart are drawn on canvases by the script (zoom with the wheel, pan by dragging); the
 *  statistics and the source are plain HTML. What the script draws is also written to data-* attributes
 *  (lane labels, #timeline), so a test can check it from the DOM. */
import type { ThreadRow } from './aggregate.js';

export interface LaneModel {
  key: string;
  label: string;
  thread: number;
  worker: number | null;
  pid: number | null;
  intervals: number;
  forced: number;
  voluntary: number;
  heldMs: number;
  waits: number;
  waitedMs: number;
  held: Record<string, number[]>;
  waiting: Record<string, number[]>;
}

/** A thread's row in the page: the aggregator's, with `ended` null for a thread still running. */
export type ThreadModel = Omit<ThreadRow, 'ended'> & { ended: number | null };

export interface ReportModel {
  filename: string;
  source: string[];
  lineCounts: number[];
  otherFiles: { file: string; instructions: number }[];
  tEnd: number;
  events: number;
  kinds: string[];
  /** Some intervals were merged to keep the page small (the counts still add up). */
  merged: boolean;
  lanes: LaneModel[];
  threads: ThreadModel[];
  heap: { width: number; max: (number | null)[]; last: (number | null)[]; maxLive: (number | null)[]; lastLive: (number | null)[] } | null;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => n.toFixed(3);

function threadTable(m: ReportModel): string {
  const showPid = new Set(m.threads.map((t) => t.pid)).size > 1;
  const head = ['thread', ...(showPid ? ['pid'] : []), 'name', 'instructions', 'GIL acquisitions', 'forced switches',
    'voluntary releases', 'held ms', 'waited ms', 'started ms', 'ended ms'];
  const total = (k: 'instructions' | 'acquisitions' | 'forced' | 'voluntary' | 'heldMs' | 'waitedMs'): number =>
    m.threads.reduce((a, t) => a + t[k], 0);
  const rows = m.threads.map((t) => `<tr data-thread="${t.thread}" data-name="${esc(t.name)}"><td>${t.thread}</td>` +
    (showPid ? `<td>${t.pid ?? ''}</td>` : '') +
    `<td class="name">${esc(t.name)}</td><td>${int(t.instructions)}</td><td>${int(t.acquisitions)}</td><td>${int(t.forced)}</td>` +
    `<td>${int(t.voluntary)}</td><td>${ms(t.heldMs)}</td><td>${ms(t.waitedMs)}</td><td>${ms(t.started)}</td>` +
    `<td>${t.ended === null ? '' : ms(t.ended)}</td></tr>`);
  const foot = `<tr class="total"><td>total</td>${showPid ? '<td></td>' : ''}<td></td><td>${int(total('instructions'))}</td>` +
    `<td>${int(total('acquisitions'))}</td><td>${int(total('forced'))}</td><td>${int(total('voluntary'))}</td>` +
    `<td>${ms(total('heldMs'))}</td><td>${ms(total('waitedMs'))}</td><td></td><td></td></tr>`;
  return `<table id="thread-stats"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody><tfoot>${foot}</tfoot></table>`;
}

function sourceTable(m: ReportModel): string {
  const max = Math.max(1, ...m.lineCounts);
  const rows = m.source.map((text, i) => {
    const n = m.lineCounts[i + 1] ?? 0;
    const pct = (n / max) * 100;
    return `<tr data-line="${i + 1}" data-count="${n}"${n > 0 ? ' class="ran"' : ''}><td class="ln">${i + 1}</td>` +
      `<td class="count">${n > 0 ? int(n) : ''}</td><td class="bar"><span style="width:${pct.toFixed(1)}%"></span></td>` +
      `<td class="src">${esc(text) || ' '}</td></tr>`;
  });
  const others = m.otherFiles.length === 0 ? '' : `<p class="note">Also run, in other files: ${m.otherFiles.slice(0, 8)
    .map((f) => `${esc(f.file)} (${int(f.instructions)} instructions)`).join(', ')}${m.otherFiles.length > 8 ? ', ...' : ''}.</p>`;
  return `<table id="source"><thead><tr><th>line</th><th>instructions</th><th></th><th>${esc(m.filename)}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${others}`;
}

const CSS = `
:root { --fg:#1d2430; --muted:#667085; --line:#e4e7ec; --forced:#d92d20; --voluntary:#1570ef; --exit:#344054; --wait:#98a2b3; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; background: #f8f9fb; }
header { padding: 16px 24px 8px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0 0 8px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 12px 24px; padding: 14px 16px; }
.note, .summary { color: var(--muted); font-size: 13px; margin: 4px 0; }
#timeline { position: relative; display: flex; user-select: none; }
#lane-labels { width: 240px; flex: none; padding-top: 24px; }
.lane-label { height: 30px; line-height: 30px; font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding-right: 8px; }
.lane-label .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
#timeline-canvas, #heap-canvas { flex: 1; min-width: 0; width: 100%; cursor: grab; display: block; }
#heap-wrap { display: flex; }
#heap-wrap .side { width: 240px; flex: none; font-size: 12px; color: var(--muted); padding-top: 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; font-size: 12px; color: var(--muted); margin-top: 8px; }
.legend i { display: inline-block; width: 14px; height: 10px; margin-right: 5px; vertical-align: -1px; border-radius: 2px; }
#tooltip { position: fixed; pointer-events: none; background: #101828; color: #fff; font-size: 12px; padding: 6px 8px; border-radius: 6px; display: none; max-width: 360px; z-index: 10; }
table { border-collapse: collapse; font-size: 13px; }
#thread-stats th, #thread-stats td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; }
#thread-stats th:nth-child(-n+2), #thread-stats td.name { text-align: left; }
#thread-stats tfoot td { font-weight: 600; }
#source { font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; width: 100%; }
#source td, #source th { padding: 0 8px; vertical-align: top; text-align: left; }
#source td.ln, #source td.count { text-align: right; color: var(--muted); width: 1%; white-space: nowrap; }
#source td.bar { width: 120px; min-width: 120px; }
#source td.bar span { display: block; height: 10px; margin-top: 4px; background: #fdb022; border-radius: 2px; }
#source td.src { white-space: pre; }
#source tr.ran td.count { color: var(--fg); }
button { font: inherit; font-size: 12px; padding: 2px 10px; border: 1px solid var(--line); background: #fff; border-radius: 6px; cursor: pointer; }
`;

/** The page's script: draws the timeline and the heap chart for the current view [v0, v1] ms. */
const SCRIPT = String.raw`
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var COLORS = ['#12b76a', '#7a5af8', '#f79009', '#2e90fa', '#ee46bc', '#15b79e', '#875bf7', '#fb6514', '#6172f3', '#66c61c'];
  var LANE_H = 30, AXIS_H = 24;
  var tEnd = Math.max(D.tEnd, 1e-3);
  var v0 = 0, v1 = tEnd;
  var tl = document.getElementById('timeline');
  var canvas = document.getElementById('timeline-canvas');
  var heapCanvas = document.getElementById('heap-canvas');
  var tip = document.getElementById('tooltip');
  var labels = Array.prototype.slice.call(document.querySelectorAll('.lane-label'));
  labels.forEach(function (el, i) { el.querySelector('.swatch').style.background = COLORS[i % COLORS.length]; });

  function size(c, h) {
    var dpr = window.devicePixelRatio || 1;
    var w = c.clientWidth || 800;
    c.width = Math.round(w * dpr); c.height = Math.round(h * dpr); c.style.height = h + 'px';
    var ctx = c.getContext('2d'); ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return { ctx: ctx, w: w, h: h };
  }
  // the first interval that ends at or after t (intervals in a lane are in time order and do not overlap)
  function firstEndingAfter(col, t) {
    var lo = 0, hi = col.end.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (col.end[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function niceStep(span, px) {
    var raw = span / Math.max(1, px / 90), p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }
  function axis(ctx, w, y, h) {
    var step = niceStep(v1 - v0, w), digits = Math.max(0, -Math.floor(Math.log10(step)));
    ctx.fillStyle = '#667085'; ctx.font = '11px system-ui, sans-serif'; ctx.strokeStyle = '#eef0f3'; ctx.lineWidth = 1;
    for (var t = Math.ceil(v0 / step) * step; t <= v1; t += step) {
      var x = Math.round((t - v0) / (v1 - v0) * w) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x, y + h); ctx.stroke();
      ctx.fillText(t.toFixed(Math.min(digits, 6)) + ' ms', x + 3, 14);
    }
  }
  // draws one lane's intervals, merging those that fall in the same pixel column; returns rects drawn
  function drawIntervals(ctx, w, col, y, h, color, kind, drawn, lane) {
    var n = col.start.length, scale = w / (v1 - v0), count = 0;
    var i = firstEndingAfter(col, v0);
    var runX0 = -1, runX1 = -1, runHeld = 0, runForced = 0, runVol = 0, runExit = 0, runN = 0;
    function flush() {
      if (runN === 0) return;
      var width = Math.max(runX1 - runX0, 1);
      var density = Math.min(1, runHeld * scale / width);
      ctx.globalAlpha = kind === 'wait' ? 0.45 : 0.35 + 0.65 * density;
      ctx.fillStyle = color;
      ctx.fillRect(runX0, y, width, h);
      ctx.globalAlpha = 1;
      if (kind === 'held' && width >= 0) {
        // how the GIL was given up at the end: forced switch (red), voluntary release (blue), exit (dark)
        var mark = runForced > 0 && runVol === 0 && runExit === 0 ? 'forced' : runVol > 0 && runForced === 0 ? 'voluntary' : runExit > 0 && runForced === 0 ? 'exit' : runForced > 0 ? 'mixed' : '';
        if (mark) {
          ctx.fillStyle = mark === 'forced' ? '#d92d20' : mark === 'voluntary' ? '#1570ef' : mark === 'exit' ? '#344054' : '#b42318';
          if (runN === 1) { ctx.beginPath(); ctx.moveTo(runX1, y + h); ctx.lineTo(runX1 - 4, y + h + 5); ctx.lineTo(runX1 + 4, y + h + 5); ctx.closePath(); ctx.fill(); }
          else ctx.fillRect(runX0, y + h + 1, width, 3);
        }
      }
      if (drawn.length < 2000) drawn.push([lane, +runX0.toFixed(2), +(runX0 + width).toFixed(2), runN, kind]);
      count++;
      runN = 0;
    }
    for (; i < n; i++) {
      var s = col.start[i]; if (s > v1) break;
      var x0 = Math.max(0, (s - v0) * scale), x1 = Math.min(w, (col.end[i] - v0) * scale);
      if (runN > 0 && Math.floor(x0) <= Math.floor(runX1) && x1 - runX0 < 1.5) {
        runX1 = Math.max(runX1, x1);
      } else {
        flush();
        runX0 = x0; runX1 = x1;
        runHeld = 0; runForced = 0; runVol = 0; runExit = 0;
      }
      runHeld += col.held[i]; runForced += col.forced[i]; runVol += col.voluntary[i]; runExit += col.exits[i]; runN += col.count[i];
    }
    flush();
    return count;
  }
  function drawTimeline() {
    var g = size(canvas, AXIS_H + D.lanes.length * LANE_H + 8), ctx = g.ctx, w = g.w;
    ctx.clearRect(0, 0, w, g.h);
    axis(ctx, w, AXIS_H - 4, g.h);
    var drawn = [];
    D.lanes.forEach(function (lane, li) {
      var y = AXIS_H + li * LANE_H;
      ctx.fillStyle = li % 2 ? '#fafbfc' : '#f4f5f7'; ctx.fillRect(0, y, w, LANE_H);
      var waits = drawIntervals(ctx, w, lane.waiting, y + 6, LANE_H - 14, '#98a2b3', 'wait', drawn, li);
      var held = drawIntervals(ctx, w, lane.held, y + 4, LANE_H - 14, COLORS[li % COLORS.length], 'held', drawn, li);
      labels[li].setAttribute('data-drawn', String(held));
      labels[li].setAttribute('data-drawn-waits', String(waits));
    });
    drawn.sort(function (a, b) { return a[1] - b[1]; });
    tl.setAttribute('data-view', v0.toFixed(3) + ',' + v1.toFixed(3));
    tl.setAttribute('data-drawn', JSON.stringify(drawn.filter(function (d) { return d[4] === 'held'; }).slice(0, 500)));
    tl.setAttribute('data-painted', String((+tl.getAttribute('data-painted') || 0) + 1));
  }
  function drawHeap() {
    if (!heapCanvas || !D.heap) return;
    var g = size(heapCanvas, 150), ctx = g.ctx, w = g.w, h = g.h, top = 12, bottom = h - 18;
    ctx.clearRect(0, 0, w, h);
    var H = D.heap, n = H.max.length, maxBytes = 1, maxLive = 1;
    for (var i = 0; i < n; i++) { if (H.max[i] > maxBytes) maxBytes = H.max[i]; if (H.maxLive[i] > maxLive) maxLive = H.maxLive[i]; }
    var scale = w / (v1 - v0);
    function yOf(v, m) { return bottom - (v / m) * (bottom - top); }
    // heap bytes: the largest value in each pixel column, as an area; live objects: a line
    var cols = new Float64Array(Math.ceil(w) + 1).fill(NaN), live = new Float64Array(Math.ceil(w) + 1).fill(NaN);
    var lastBytes = NaN, lastLive = NaN;
    for (i = 0; i < n; i++) {
      var t = (i + 0.5) * H.width;
      if (H.last[i] !== null) { lastBytes = H.last[i]; lastLive = H.lastLive[i]; }
      if (t < v0 || t > v1) continue;
      var x = Math.floor((t - v0) * scale);
      var b = H.max[i] !== null ? H.max[i] : lastBytes, l = H.maxLive[i] !== null ? H.maxLive[i] : lastLive;
      if (!(cols[x] >= b)) cols[x] = b;
      if (!(live[x] >= l)) live[x] = l;
    }
    ctx.fillStyle = 'rgba(46,144,250,0.25)'; ctx.strokeStyle = '#2e90fa'; ctx.lineWidth = 1.5;
    ctx.beginPath(); var started = false, prevX = 0;
    for (x = 0; x < cols.length; x++) {
      if (isNaN(cols[x])) continue;
      if (!started) { ctx.moveTo(x, bottom); started = true; }
      ctx.lineTo(x, yOf(cols[x], maxBytes)); prevX = x;
    }
    if (started) { ctx.lineTo(prevX, bottom); ctx.closePath(); ctx.fill(); }
    ctx.strokeStyle = '#f04438'; ctx.beginPath(); started = false;
    for (x = 0; x < live.length; x++) {
      if (isNaN(live[x])) continue;
      if (!started) { ctx.moveTo(x, yOf(live[x], maxLive)); started = true; } else ctx.lineTo(x, yOf(live[x], maxLive));
    }
    ctx.stroke();
    ctx.fillStyle = '#667085'; ctx.font = '11px system-ui, sans-serif';
    ctx.fillText('peak ' + Math.round(maxBytes).toLocaleString('en-US') + ' bytes, ' + Math.round(maxLive).toLocaleString('en-US') + ' live objects', 4, h - 4);
    heapCanvas.setAttribute('data-max-bytes', String(maxBytes));
    heapCanvas.setAttribute('data-max-live', String(maxLive));
  }
  function draw() { drawTimeline(); drawHeap(); }

  // zoom with the wheel around the pointer, pan by dragging, double-click to see everything
  function zoomAt(frac, factor) {
    var t = v0 + frac * (v1 - v0), span = Math.min(tEnd, Math.max(1e-4, (v1 - v0) * factor));
    v0 = Math.max(0, t - frac * span); v1 = Math.min(tEnd, v0 + span); v0 = Math.max(0, v1 - span);
    draw();
  }
  [canvas, heapCanvas].forEach(function (c) {
    if (!c) return;
    c.addEventListener('wheel', function (e) {
      e.preventDefault();
      var r = c.getBoundingClientRect();
      zoomAt((e.clientX - r.left) / r.width, e.deltaY > 0 ? 1.25 : 0.8);
    }, { passive: false });
    var dragX = null;
    c.addEventListener('mousedown', function (e) { dragX = e.clientX; });
    window.addEventListener('mouseup', function () { dragX = null; });
    window.addEventListener('mousemove', function (e) {
      if (dragX === null) return;
      var dt = (e.clientX - dragX) / c.clientWidth * (v1 - v0), span = v1 - v0;
      dragX = e.clientX;
      v0 = Math.min(Math.max(0, v0 - dt), tEnd - span); v1 = v0 + span;
      draw();
    });
    c.addEventListener('dblclick', function () { v0 = 0; v1 = tEnd; draw(); });
  });
  document.getElementById('reset-zoom').addEventListener('click', function () { v0 = 0; v1 = tEnd; draw(); });

  // the tooltip names the interval under the pointer
  canvas.addEventListener('mousemove', function (e) {
    var r = canvas.getBoundingClientRect(), li = Math.floor((e.clientY - r.top - AXIS_H) / LANE_H), lane = D.lanes[li];
    if (!lane) { tip.style.display = 'none'; return; }
    var t = v0 + (e.clientX - r.left) / r.width * (v1 - v0), slack = 2 * (v1 - v0) / r.width, text = '';
    [['held', lane.held], ['wait', lane.waiting]].some(function (p) {
      var col = p[1], i = firstEndingAfter(col, t - slack);
      if (i >= col.start.length || col.start[i] > t + slack) return false;
      var span = col.start[i].toFixed(3) + ' - ' + col.end[i].toFixed(3) + ' ms';
      if (p[0] === 'wait') text = lane.label + ' waited for the GIL: ' + span;
      else if (col.count[i] > 1) text = lane.label + ': ' + col.count[i] + ' turns with the GIL, ' + col.held[i].toFixed(3) + ' ms held in ' + span + ' (' + col.forced[i] + ' forced switches, ' + col.voluntary[i] + ' voluntary releases)';
      else text = lane.label + ' held the GIL ' + span + ' (' + col.held[i].toFixed(3) + ' ms); ' + (col.forced[i] ? 'forced switch: its interval was spent' : col.voluntary[i] ? 'released it voluntarily (a blocking call)' : col.exits[i] ? 'the thread ended' : 'still held at the end');
      return true;
    });
    if (!text) { tip.style.display = 'none'; return; }
    tip.textContent = text; tip.style.display = 'block'; tip.style.left = (e.clientX + 12) + 'px'; tip.style.top = (e.clientY + 12) + 'px';
  });
  canvas.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
  window.addEventListener('resize', draw);
  // for tests and the console: show [a, b] ms
  window.gilpyReport = { setView: function (a, b) { v0 = Math.max(0, a); v1 = Math.min(tEnd, b); draw(); }, data: D };
  draw();
  document.body.setAttribute('data-ready', 'true');
})();
`;

/** The whole page. */
export function renderReport(m: ReportModel): string {
  // the data is embedded as JSON in a script element: "<" is escaped so no "</script>" can end it
  const json = JSON.stringify(m).replace(/</g, '\\u003c');
  const laneLabels = m.lanes.map((l, i) => `<div class="lane-label" data-lane="${i}" data-thread="${l.thread}"` +
    `${l.worker !== null ? ` data-worker="${l.worker}"` : ''} data-name="${esc(l.label)}" data-intervals="${l.intervals}"` +
    ` data-embedded="${l.held.start!.length}" data-forced="${l.forced}" data-voluntary="${l.voluntary}" data-waits="${l.waits}"` +
    ` title="${esc(l.label)}"><span class="swatch"></span>${esc(l.label)}</div>`).join('');
  const totalInstr = m.threads.reduce((a, t) => a + t.instructions, 0);
  const noGil = !m.kinds.includes('gil') ? ' (the GIL was not traced)' : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gilpy report: ${esc(m.filename)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>gilpy report: ${esc(m.filename)}</h1>
<p class="summary">${int(m.events)} trace events over ${ms(m.tEnd)} ms; ${m.threads.length} thread${m.threads.length === 1 ? '' : 's'}, ${int(totalInstr)} instructions${noGil}.${m.merged ? ' Intervals too short to be drawn apart were merged (their counts add up).' : ''}</p>
</header>
<section id="gil">
<h2>Who held the GIL</h2>
<p class="note">One lane per ${m.lanes.some((l) => l.worker !== null) ? 'worker' : 'thread'}. Bars: holding the GIL (or running); grey: waiting for it. The mark at the end of a turn says how it ended. Wheel to zoom, drag to pan, double-click (or <button id="reset-zoom" type="button">see all</button>) to see it all.</p>
<div id="timeline" data-lanes="${m.lanes.length}" data-t-end="${m.tEnd}">
<div id="lane-labels">${laneLabels}</div>
<canvas id="timeline-canvas"></canvas>
</div>
<div class="legend"><span><i style="background:#12b76a"></i>holding the GIL</span><span><i style="background:#98a2b3;opacity:.6"></i>waiting for it</span><span><i style="background:var(--forced)"></i>forced switch (interval spent)</span><span><i style="background:var(--voluntary)"></i>voluntary release (blocking call)</span><span><i style="background:var(--exit)"></i>thread exit</span></div>
</section>
<section id="heap">
<h2>Heap over time</h2>
${m.heap === null ? '<p class="note">No allocation events were traced.</p>' : `<div id="heap-wrap"><div class="side"><span style="color:#2e90fa">&#9632;</span> heap bytes in use<br><span style="color:#f04438">&#9632;</span> live objects</div><canvas id="heap-canvas"></canvas></div>`}
</section>
<section id="threads">
<h2>Threads</h2>
${threadTable(m)}
</section>
<section id="program">
<h2>Instructions per line</h2>
${m.lineCounts.length === 0 ? '<p class="note">No instruction events were traced.</p>' : ''}
${sourceTable(m)}
</section>
<div id="tooltip"></div>
<script type="application/json" id="report-data">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
