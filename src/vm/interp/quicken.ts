/** Quickening: replaces common instruction pairs with superinstructions when a code object is placed
 *  on the heap (cf. CPython 3.11 _PyCode_Quicken). The second word of a pair is left as emitted, so a
 *  jump to it still works and `dis` shows the compiler's code; the loop counts a superinstruction as
 *  the two instructions it runs, so GIL switching and instruction limits are unchanged by it. */
import { OPCODE as O, OP_MASK } from '../isa/opcodes.js';

/** Rewrites `code` in place. */
export function quicken(code: Int32Array): void {
  for (let i = 0; i + 1 < code.length; i++) {
    const op = code[i]! & OP_MASK;
    const next = code[i + 1]! & OP_MASK;
    if (op === O.LOAD_FAST && next === O.LOAD_CONST && i + 3 < code.length) {
      const third = code[i + 2]! & OP_MASK;
      const fourth = code[i + 3]! & OP_MASK;
      let q4 = -1;
      if (third === O.COMPARE_OP && (fourth === O.POP_JUMP_IF_FALSE || fourth === O.POP_JUMP_IF_TRUE)) {
        q4 = O.LOAD_FAST_CONST__COMPARE_JUMP;
      } else if (third === O.BINARY_OP && fourth === O.STORE_FAST) {
        q4 = O.LOAD_FAST_CONST__BINARY_OP_STORE;
      }
      if (q4 >= 0) {
        code[i] = (code[i]! & ~OP_MASK) | q4;
        i += 3; // the other three words stay as emitted (a jump into them still works)
        continue;
      }
    }
    if (op === O.FOR_ITER && next === O.STORE_FAST) {
      // the STORE_FAST word is quickened as if alone (it may start a STORE_FAST__LOAD_FAST, which FOR_ITER's
      // fused form then leaves to a dispatch of its own), so every other pairing, and where ticks fall, stay
      // as they were
      code[i] = (code[i]! & ~OP_MASK) | O.FOR_ITER__STORE_FAST;
      continue;
    }
    if (op === O.JUMP_BACKWARD) {
      // a loop's jump back to its FOR_ITER (quickened already: it comes first)
      const target = code[code[i]! >>> 8]! & OP_MASK;
      if (target === O.FOR_ITER || target === O.FOR_ITER__STORE_FAST) code[i] = (code[i]! & ~OP_MASK) | O.JUMP_BACKWARD__FOR_ITER;
      continue;
    }
    let q = -1;
    if (op === O.LOAD_FAST && next === O.LOAD_CONST) q = O.LOAD_FAST__LOAD_CONST;
    else if (op === O.LOAD_FAST && next === O.LOAD_FAST) q = O.LOAD_FAST__LOAD_FAST;
    else if (op === O.STORE_FAST && next === O.LOAD_FAST) q = O.STORE_FAST__LOAD_FAST;
    else if (op === O.COMPARE_OP && (next === O.POP_JUMP_IF_FALSE || next === O.POP_JUMP_IF_TRUE)) q = O.COMPARE_OP__POP_JUMP;
    else if (op === O.BINARY_OP && next === O.STORE_FAST) q = O.BINARY_OP__STORE_FAST;
    else if (op === O.PRECALL && next === O.CALL && (code[i]! >>> 8) === (code[i + 1]! >>> 8)) q = O.PRECALL__CALL;
    if (q < 0) continue;
    code[i] = (code[i]! & ~OP_MASK) | q;
    i++; // the second word of a pair is not the start of another
  }
}
