// What gilpy's start-up snapshot holds (docs/STARTUP.md, "What the blob holds"): makes a V8 heap snapshot
// of the snapshot entry's heap just before the blob is written (scripts/snapshot-entry.cjs, under
// GILPY_SNAPSHOT_HEAP), and of an entry that loads nothing, and prints what gilpy adds: bytes and
// counts by node type, by type and name, and the largest single nodes with what holds them.
// Usage: npm run build && node scripts/snapshot-heap.mjs [TOP]
// (a heap snapshot is not the blob: V8 leaves feedback vectors and some caches out of the blob; run the
// build with `node --serialization-statistics` for the blob's own figures)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const top = Number(process.argv[2] ?? 25);
const work = mkdtempSync(join(tmpdir(), 'gilpy-snapshot-heap-'));

/** Runs `entry` as node's snapshot builder with GILPY_SNAPSHOT_HEAP set; the heap snapshot's path. */
function heapOf(entry, args) {
  const heap = join(work, `${Math.random().toString(36).slice(2)}.heapsnapshot`);
  const r = spawnSync(process.execPath, ['--snapshot-blob', join(work, 'blob'), '--build-snapshot', entry, ...args],
    { env: { ...process.env, GILPY_SNAPSHOT_HEAP: heap }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${entry}: ${r.stderr}`);
  return heap;
}

/** The nodes of a .heapsnapshot, with their first three (non-weak) retainers. */
function load(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const meta = snap.snapshot.meta;
  const F = meta.node_fields.length, E = meta.edge_fields.length;
  const [iType, iName, iSize, iEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
  const nodeTypes = meta.node_types[0], edgeTypes = meta.edge_types[0];
  const count = snap.nodes.length / F;
  const nodes = [];
  for (let i = 0; i < count; i++) {
    nodes.push({ type: nodeTypes[snap.nodes[i * F + iType]], name: snap.strings[snap.nodes[i * F + iName]],
      size: snap.nodes[i * F + iSize], retainers: [] });
  }
  for (let i = 0, e = 0; i < count; i++) {
    for (let k = 0; k < snap.nodes[i * F + iEdges]; k++, e += E) {
      const kind = edgeTypes[snap.edges[e]];
      const to = nodes[snap.edges[e + 2] / F];
      if (kind === 'weak' || to.retainers.length >= 3) continue;
      const edge = kind === 'element' || kind === 'hidden' ? `[${snap.edges[e + 1]}]` : `.${snap.strings[snap.edges[e + 1]]}`;
      to.retainers.push(`${nodes[i].name.slice(0, 40) || nodes[i].type}${edge}`);
    }
  }
  return nodes;
}

/** Sums of self sizes and counts by key. */
function tally(nodes, key) {
  const sums = new Map();
  for (const n of nodes) {
    const k = key(n);
    const s = sums.get(k) ?? { bytes: 0, count: 0 };
    s.bytes += n.size;
    s.count++;
    sums.set(k, s);
  }
  return sums;
}

/** Prints what `gilpy` has more than `base`, by key, the largest first. */
function printDifference(title, gilpy, base, rows) {
  console.log(`\n${title}\n${'bytes'.padStart(10)} ${'count'.padStart(8)}`);
  const diff = [...gilpy].map(([k, s]) => [k, s.bytes - (base.get(k)?.bytes ?? 0), s.count - (base.get(k)?.count ?? 0)]);
  for (const [k, bytes, n] of diff.sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${String(bytes).padStart(10)} ${String(n).padStart(8)}  ${k}`);
  }
}

try {
  const empty = join(work, 'empty.cjs');
  writeFileSync(empty, "require('node:v8').writeHeapSnapshot(process.env.GILPY_SNAPSHOT_HEAP);\n" +
    "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => {});\n");
  const gilpy = load(heapOf(join(root, 'scripts', 'snapshot-entry.cjs'), [join(root, 'dist')]));
  const base = load(heapOf(empty, []));
  const total = (nodes) => nodes.reduce((s, n) => s + n.size, 0);
  console.log(`heap: ${total(gilpy)} bytes in ${gilpy.length} nodes; an entry that loads nothing: ${total(base)} bytes in ${base.length} nodes`);
  // strings are named by their text: group them by length instead
  const named = (n) => (n.type.includes('string') ? `${n.type} (${n.name.length > 40 ? 'longer than 40' : 'up to 40'})` : `${n.type}: ${n.name.slice(0, 60)}`);
  printDifference('by node type', tally(gilpy, (n) => n.type), tally(base, (n) => n.type), top);
  printDifference('by node type and name', tally(gilpy, named), tally(base, named), top);
  console.log('\nthe largest nodes');
  for (const n of [...gilpy].sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`${String(n.size).padStart(10)}  ${n.type}: ${JSON.stringify(n.name.slice(0, 50))}  <- ${n.retainers.join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
