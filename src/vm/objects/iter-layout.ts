/** The heap layouts of the iterators the evaluation loop steps itself (FOR_ITER's fast paths, cf. CPython
 *  3.12's FOR_ITER_RANGE / FOR_ITER_LIST / FOR_ITER_TUPLE): range_iterator (range.ts) and the sequence
 *  iterator of lists and tuples (iterators.ts). Const enums, so that the loop reads literals (an imported
 *  binding is a load on every use), in a leaf module, so that the loop can import them without changing the
 *  order in which boot.ts loads the modules that register types. range.ts and iterators.ts own the
 *  iterators' behaviour and export these offsets under their own names. */

/** range_iterator: mode (0: compact, the values below as float64s; 1: int objects), whether CPython would
 *  call it longrange_iterator, then the next value, the step and the count left. */
export const enum RangeIterLayout {
  MODE = 16,
  LONG_NAME = 20,
  /** Mode 0: float64s, each a whole number below 2**52 in magnitude. */
  NEXT = 24,
  STEP = 32,
  LEFT = 40,
  /** Mode 1: the int objects (owned). */
  NEXT_REF = 24,
  STEP_REF = 28,
  LEFT_REF = 32,
  BYTES = 48,
}

/** SEQ_ITER (list, tuple, str and __getitem__ iterators): the sequence (owned; 0 once exhausted), what it
 *  walks (SeqFlavor), the next index (a float64: a __getitem__ sequence may be long). SEQ starts at
 *  GC_HEADER_END: the iterator is a tracked container. */
export const enum SeqIterLayout {
  SEQ = 24,
  FLAVOR = 28,
  INDEX = 32,
  BYTES = 40,
}

/** What a SEQ_ITER walks. BYTES and BYTEARRAY go through the generic __getitem__ path but print
 *  CPython's names. */
export const enum SeqFlavor { LIST = 0, TUPLE, STR_ASCII, STR, GENERIC, BYTES, BYTEARRAY }
