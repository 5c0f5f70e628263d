// tinybench micro-benchmarks of the heap and the loop, for comparing commits (not against python3).
// Usage: npm run build && node bench/micro.mjs
import { Bench } from 'tinybench';
import { Heap } from '../dist/vm/heap/heap.js';
import { runInMemory } from '../dist/vm/embed.js';

const heap = new Heap({});
const bench = new Bench({ time: 500 });
bench
  .add('heap: alloc + free (24-byte block)', () => {
    const r = heap.alloc(24);
    heap.i32[(r + 4) >> 2] = 1;
    heap.free(r);
  })
  .add('heap: incref + decref (no free)', () => {
    const i32 = heap.i32;
    i32[4096 >> 2]++;
    i32[4096 >> 2]--;
  })
  .add('loop: 100k-iteration countdown (9 instructions each)', () => {
    runInMemory('def f(n):\n    while n > 0:\n        n -= 1\nf(100000)\n', 'bench.py');
  });
await bench.run();
console.table(bench.table());
