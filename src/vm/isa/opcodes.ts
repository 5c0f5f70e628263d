/** THE instruction table: every opcode's number, argument kind, stack effect and flags, defined once.
 *  The compiler's emitter, the disassembler and the interpreter all derive what they know from here. */

/** How an instruction's argument is read (and how `dis` prints it). */
export type ArgKind =
  | 'none' // no argument
  | 'const' // index into co_consts
  | 'local' // index into co_varnames (fast locals)
  | 'name' // index into co_names
  | 'global' // co_names index << 1 | push-null flag (as CPython 3.11 LOAD_GLOBAL)
  | 'method' // co_names index (LOAD_METHOD)
  | 'deref' // index into cells + free variables (after the fast locals)
  | 'jump' // absolute instruction index of the target
  | 'count' // a count of items
  | 'binop' // BinaryOp kind
  | 'cmp' // CompareOp kind
  | 'flag' // a small flag (IS_OP / CONTAINS_OP invert, RAISE_VARARGS form, FORMAT_VALUE conversion...)
  | 'raw'; // anything else, printed as a number

export interface OpSpec {
  readonly arg: ArgKind;
  /**
   * Stack effect as `inputs -- outputs`, CPython's notation; a number-prefixed name like `n*items`
   * stands for `arg` items. Only `effect` below is used by code; the string documents it.
   */
  readonly stack: string;
  /** Net change in stack depth for a given argument (and whether the jump is taken, for jumps). */
  readonly effect: (arg: number, jump: boolean) => number;
  readonly doc: string;
  /** `jump`: arg is a target; `evalBreak`: polls the eval breaker (GIL switch requests, signals);
   *  `escapes`: may run arbitrary Python code (the frame is synced first); `terminal`: never falls through. */
  readonly flags?: readonly ('jump' | 'evalBreak' | 'escapes' | 'terminal' | 'conditional')[];
  /**
   * For the instructions the VM substitutes at load time (quickening, as CPython 3.11's specializing
   * interpreter does): the instruction the compiler emitted. Such an instruction also executes the
   * next word when `width` is 2 (a superinstruction); that word stays as emitted, so `dis` shows the
   * original code. The compiler never emits these.
   */
  readonly base?: string;
  readonly width?: 2 | 4;
}

const fixed = (n: number) => () => n;

/** The table. Numbers are assigned in this order (see OPCODE below); names follow CPython 3.11. */
export const OPS = {
  NOP: { arg: 'none', stack: '--', effect: fixed(0), doc: 'do nothing' },
  RESUME: { arg: 'raw', stack: '--', effect: fixed(0), doc: 'start or resume a frame (polls the eval breaker)', flags: ['evalBreak'] },
  POP_TOP: { arg: 'none', stack: 'value --', effect: fixed(-1), doc: 'drop the top of the stack' },
  PUSH_NULL: { arg: 'none', stack: '-- null', effect: fixed(1), doc: 'push the NULL that precedes a plain callable' },
  COPY: { arg: 'count', stack: 'x, ... -- x, ..., x', effect: fixed(1), doc: 'push a copy of the arg-th item from the top (1-based)' },
  SWAP: { arg: 'count', stack: 'x, ..., y -- y, ..., x', effect: fixed(0), doc: 'swap the top with the arg-th item' },

  LOAD_CONST: { arg: 'const', stack: '-- value', effect: fixed(1), doc: 'push co_consts[arg]' },
  LOAD_FAST: { arg: 'local', stack: '-- value', effect: fixed(1), doc: 'push a local (UnboundLocalError if unset)' },
  STORE_FAST: { arg: 'local', stack: 'value --', effect: fixed(-1), doc: 'pop into a local' },
  DELETE_FAST: { arg: 'local', stack: '--', effect: fixed(0), doc: 'unbind a local' },
  LOAD_NAME: { arg: 'name', stack: '-- value', effect: fixed(1), doc: 'locals, then globals, then builtins' },
  STORE_NAME: { arg: 'name', stack: 'value --', effect: fixed(-1), doc: 'store into the locals mapping' },
  DELETE_NAME: { arg: 'name', stack: '--', effect: fixed(0), doc: 'delete from the locals mapping' },
  LOAD_GLOBAL: {
    arg: 'global', stack: '-- [null], value', effect: (a) => 1 + (a & 1),
    doc: 'globals then builtins; with arg&1, push NULL first (for a call)',
  },
  STORE_GLOBAL: { arg: 'name', stack: 'value --', effect: fixed(-1), doc: 'store into globals' },
  DELETE_GLOBAL: { arg: 'name', stack: '--', effect: fixed(0), doc: 'delete from globals' },
  MAKE_CELL: { arg: 'deref', stack: '--', effect: fixed(0), doc: 'wrap a local in a new cell' },
  COPY_FREE_VARS: { arg: 'count', stack: '--', effect: fixed(0), doc: "copy the function's closure cells into the frame" },
  LOAD_CLOSURE: { arg: 'deref', stack: '-- cell', effect: fixed(1), doc: 'push the cell itself' },
  LOAD_DEREF: { arg: 'deref', stack: '-- value', effect: fixed(1), doc: "push a cell's contents" },
  STORE_DEREF: { arg: 'deref', stack: 'value --', effect: fixed(-1), doc: 'store into a cell' },
  DELETE_DEREF: { arg: 'deref', stack: '--', effect: fixed(0), doc: 'empty a cell' },
  LOAD_CLASSDEREF: { arg: 'deref', stack: '-- value', effect: fixed(1), doc: 'class body: locals mapping, then the cell' },

  LOAD_ATTR: { arg: 'name', stack: 'owner -- value', effect: fixed(0), doc: 'getattr(owner, name)', flags: ['escapes'] },
  STORE_ATTR: { arg: 'name', stack: 'value, owner --', effect: fixed(-2), doc: 'setattr(owner, name, value)', flags: ['escapes'] },
  DELETE_ATTR: { arg: 'name', stack: 'owner --', effect: fixed(-1), doc: 'delattr(owner, name)', flags: ['escapes'] },
  LOAD_METHOD: {
    arg: 'method', stack: 'owner -- method|null, self|attr', effect: fixed(1),
    doc: 'push an unbound method and self, or NULL and the attribute', flags: ['escapes'],
  },

  UNARY_POSITIVE: { arg: 'none', stack: 'value -- res', effect: fixed(0), doc: '+value', flags: ['escapes'] },
  UNARY_NEGATIVE: { arg: 'none', stack: 'value -- res', effect: fixed(0), doc: '-value', flags: ['escapes'] },
  UNARY_NOT: { arg: 'none', stack: 'value -- res', effect: fixed(0), doc: 'not value', flags: ['escapes'] },
  UNARY_INVERT: { arg: 'none', stack: 'value -- res', effect: fixed(0), doc: '~value', flags: ['escapes'] },
  BINARY_OP: { arg: 'binop', stack: 'lhs, rhs -- res', effect: fixed(-1), doc: 'lhs <op> rhs (in-place forms too)', flags: ['escapes'] },
  COMPARE_OP: { arg: 'cmp', stack: 'lhs, rhs -- res', effect: fixed(-1), doc: 'rich comparison', flags: ['escapes'] },
  IS_OP: { arg: 'flag', stack: 'lhs, rhs -- res', effect: fixed(-1), doc: 'lhs is rhs (is not, with arg 1)' },
  CONTAINS_OP: { arg: 'flag', stack: 'lhs, rhs -- res', effect: fixed(-1), doc: 'lhs in rhs (not in, with arg 1)', flags: ['escapes'] },
  BINARY_SUBSCR: { arg: 'none', stack: 'container, key -- res', effect: fixed(-1), doc: 'container[key]', flags: ['escapes'] },
  STORE_SUBSCR: { arg: 'none', stack: 'value, container, key --', effect: fixed(-3), doc: 'container[key] = value', flags: ['escapes'] },
  DELETE_SUBSCR: { arg: 'none', stack: 'container, key --', effect: fixed(-2), doc: 'del container[key]', flags: ['escapes'] },

  BUILD_TUPLE: { arg: 'count', stack: 'n*items -- tuple', effect: (a) => 1 - a, doc: 'tuple of the top arg items' },
  BUILD_LIST: { arg: 'count', stack: 'n*items -- list', effect: (a) => 1 - a, doc: 'list of the top arg items' },
  BUILD_SET: { arg: 'count', stack: 'n*items -- set', effect: (a) => 1 - a, doc: 'set of the top arg items', flags: ['escapes'] },
  BUILD_MAP: { arg: 'count', stack: 'n*(key, value) -- dict', effect: (a) => 1 - 2 * a, doc: 'dict of arg key/value pairs', flags: ['escapes'] },
  BUILD_CONST_KEY_MAP: { arg: 'count', stack: 'n*values, keys -- dict', effect: (a) => -a, doc: 'dict from a tuple of keys', flags: ['escapes'] },
  BUILD_STRING: { arg: 'count', stack: 'n*pieces -- str', effect: (a) => 1 - a, doc: 'concatenate arg strings' },
  BUILD_SLICE: { arg: 'count', stack: 'start, stop[, step] -- slice', effect: (a) => 1 - a, doc: 'slice object' },
  LIST_APPEND: { arg: 'count', stack: 'list, ..., item -- list, ...', effect: fixed(-1), doc: 'append to the list arg deep' },
  SET_ADD: { arg: 'count', stack: 'set, ..., item -- set, ...', effect: fixed(-1), doc: 'add to the set arg deep', flags: ['escapes'] },
  MAP_ADD: { arg: 'count', stack: 'dict, ..., key, value -- dict, ...', effect: fixed(-2), doc: 'set in the dict arg deep', flags: ['escapes'] },
  LIST_EXTEND: { arg: 'count', stack: 'list, ..., iterable -- list, ...', effect: fixed(-1), doc: 'extend the list arg deep', flags: ['escapes'] },
  SET_UPDATE: { arg: 'count', stack: 'set, ..., iterable -- set, ...', effect: fixed(-1), doc: 'update the set arg deep', flags: ['escapes'] },
  DICT_UPDATE: { arg: 'count', stack: 'dict, ..., mapping -- dict, ...', effect: fixed(-1), doc: 'dict.update for {**m}', flags: ['escapes'] },
  DICT_MERGE: { arg: 'count', stack: 'dict, ..., mapping -- dict, ...', effect: fixed(-1), doc: 'merge **kwargs, rejecting repeats', flags: ['escapes'] },
  LIST_TO_TUPLE: { arg: 'none', stack: 'list -- tuple', effect: fixed(0), doc: 'tuple(list)' },
  UNPACK_SEQUENCE: { arg: 'count', stack: 'seq -- n*items', effect: (a) => a - 1, doc: 'unpack exactly arg items', flags: ['escapes'] },
  UNPACK_EX: {
    arg: 'raw', stack: 'seq -- before, list, after', effect: (a) => (a & 0xff) + (a >> 8), doc: 'unpack with a starred target (arg = after << 8 | before)',
    flags: ['escapes'],
  },

  GET_ITER: { arg: 'none', stack: 'iterable -- iterator', effect: fixed(0), doc: 'iter(TOS)', flags: ['escapes'] },
  FOR_ITER: {
    arg: 'jump', stack: 'iterator -- iterator, next | --', effect: (_a, jump) => (jump ? -1 : 1),
    doc: 'push next(iterator), or pop it and jump when exhausted', flags: ['jump', 'escapes', 'conditional'],
  },
  JUMP_FORWARD: { arg: 'jump', stack: '--', effect: fixed(0), doc: 'jump forward', flags: ['jump', 'terminal'] },
  JUMP_BACKWARD: { arg: 'jump', stack: '--', effect: fixed(0), doc: 'jump backward (polls the eval breaker)', flags: ['jump', 'terminal', 'evalBreak'] },
  POP_JUMP_IF_FALSE: { arg: 'jump', stack: 'cond --', effect: fixed(-1), doc: 'pop; jump if false', flags: ['jump', 'conditional', 'escapes'] },
  POP_JUMP_IF_TRUE: { arg: 'jump', stack: 'cond --', effect: fixed(-1), doc: 'pop; jump if true', flags: ['jump', 'conditional', 'escapes'] },
  POP_JUMP_IF_NONE: { arg: 'jump', stack: 'value --', effect: fixed(-1), doc: 'pop; jump if None', flags: ['jump', 'conditional'] },
  POP_JUMP_IF_NOT_NONE: { arg: 'jump', stack: 'value --', effect: fixed(-1), doc: 'pop; jump if not None', flags: ['jump', 'conditional'] },
  JUMP_IF_FALSE_OR_POP: {
    arg: 'jump', stack: 'cond -- cond | --', effect: (_a, jump) => (jump ? 0 : -1),
    doc: 'jump keeping TOS if false, else pop', flags: ['jump', 'conditional', 'escapes'],
  },
  JUMP_IF_TRUE_OR_POP: {
    arg: 'jump', stack: 'cond -- cond | --', effect: (_a, jump) => (jump ? 0 : -1),
    doc: 'jump keeping TOS if true, else pop', flags: ['jump', 'conditional', 'escapes'],
  },

  MAKE_FUNCTION: {
    arg: 'flag', stack: '[defaults, kwdefaults, annotations, closure], code -- function',
    effect: (a) => -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)),
    doc: 'function from a code object; flags 1 defaults, 2 kwdefaults, 4 annotations, 8 closure',
  },
  KW_NAMES: { arg: 'const', stack: '--', effect: fixed(0), doc: 'the next CALL passes the last len(consts[arg]) arguments by keyword' },
  PRECALL: { arg: 'count', stack: '--', effect: fixed(0), doc: 'kept for CPython 3.11 dis compatibility; does nothing' },
  CALL: {
    arg: 'count', stack: 'null|method, callable|self, n*args -- result', effect: (a) => -1 - a,
    doc: 'call with arg arguments (a Python callee runs in the same loop)', flags: ['escapes', 'evalBreak'],
  },
  CALL_FUNCTION_EX: {
    arg: 'flag', stack: 'null, callable, args[, kwargs] -- result', effect: (a) => -2 - (a & 1),
    doc: 'callable(*args, **kwargs)', flags: ['escapes', 'evalBreak'],
  },
  RETURN_VALUE: { arg: 'none', stack: 'value --', effect: fixed(-1), doc: 'return TOS to the caller', flags: ['terminal'] },

  IMPORT_NAME: { arg: 'name', stack: 'level, fromlist -- module', effect: fixed(-1), doc: '__import__', flags: ['escapes'] },
  IMPORT_FROM: { arg: 'name', stack: 'module -- module, value', effect: fixed(1), doc: 'from module import name', flags: ['escapes'] },
  IMPORT_STAR: { arg: 'none', stack: 'module --', effect: fixed(-1), doc: 'from module import *', flags: ['escapes'] },
  PRINT_EXPR: { arg: 'none', stack: 'value --', effect: fixed(-1), doc: 'an expression statement typed at the REPL: sys.displayhook(value)', flags: ['escapes'] },

  FORMAT_VALUE: {
    arg: 'flag', stack: 'value[, spec] -- str', effect: (a) => ((a & 4) ? -1 : 0),
    doc: 'f-string field: arg&3 conversion (0 none, 1 str, 2 repr, 3 ascii), arg&4 a spec', flags: ['escapes'],
  },
  RAISE_VARARGS: { arg: 'flag', stack: '[exc[, cause]] --', effect: (a) => -a, doc: 'raise (0: re-raise, 1: exc, 2: exc from cause)', flags: ['terminal'] },
  LOAD_ASSERTION_ERROR: { arg: 'none', stack: '-- AssertionError', effect: fixed(1), doc: 'push AssertionError' },
  PUSH_EXC_INFO: { arg: 'none', stack: 'exc -- prev_exc, exc', effect: fixed(1), doc: 'enter a handler: save the exception being handled' },
  POP_EXCEPT: { arg: 'none', stack: 'prev_exc --', effect: fixed(-1), doc: 'leave a handler: restore the exception being handled' },
  CHECK_EXC_MATCH: { arg: 'none', stack: 'exc, type -- exc, bool', effect: fixed(0), doc: 'isinstance(exc, type) for except clauses' },
  RERAISE: { arg: 'flag', stack: 'exc --', effect: fixed(-1), doc: 're-raise TOS', flags: ['terminal'] },
  LOAD_BUILD_CLASS: { arg: 'none', stack: '-- __build_class__', effect: fixed(1), doc: 'push builtins.__build_class__' },
  BEFORE_WITH: { arg: 'none', stack: 'mgr -- exit, value', effect: fixed(1), doc: 'call __enter__, keep bound __exit__', flags: ['escapes'] },
  WITH_EXCEPT_START: { arg: 'none', stack: 'exit, lasti, prev, exc -- exit, lasti, prev, exc, res', effect: fixed(1), doc: 'call __exit__ with the exception', flags: ['escapes'] },
  RETURN_GENERATOR: { arg: 'none', stack: '-- sent', effect: fixed(1), doc: 'turn the new frame into a generator and return it; resumed, it pushes the first value sent (None)' },
  YIELD_VALUE: { arg: 'none', stack: 'value -- sent', effect: fixed(0), doc: 'yield TOS; resume with the sent value', flags: ['evalBreak'] },
  SEND: { arg: 'jump', stack: 'iter, value -- iter, res | res', effect: (_a, jump) => (jump ? -1 : 0), doc: 'yield from step', flags: ['jump', 'escapes', 'conditional'] },
  GET_YIELD_FROM_ITER: { arg: 'none', stack: 'iterable -- iterator', effect: fixed(0), doc: 'iter() for yield from', flags: ['escapes'] },
  SETUP_ANNOTATIONS: { arg: 'none', stack: '--', effect: fixed(0), doc: 'create __annotations__ in a module or class body' },
  EXTENDED_ARG: { arg: 'raw', stack: '--', effect: fixed(0), doc: 'prefix: the next argument gets these high bits' },

  // ---- quickened forms (see OpSpec.base): made by vm/interp/quicken.ts, never by the compiler ----
  LOAD_FAST__LOAD_CONST: {
    arg: 'local', stack: '-- value, const', effect: fixed(2), base: 'LOAD_FAST', width: 2,
    doc: 'LOAD_FAST, then the LOAD_CONST in the next word',
  },
  LOAD_FAST__LOAD_FAST: {
    arg: 'local', stack: '-- value1, value2', effect: fixed(2), base: 'LOAD_FAST', width: 2,
    doc: 'LOAD_FAST, then the LOAD_FAST in the next word',
  },
  STORE_FAST__LOAD_FAST: {
    arg: 'local', stack: 'value -- value2', effect: fixed(0), base: 'STORE_FAST', width: 2,
    doc: 'STORE_FAST, then the LOAD_FAST in the next word',
  },
  LOAD_FAST_CONST__COMPARE_JUMP: {
    arg: 'local', stack: '--', effect: fixed(0), base: 'LOAD_FAST', width: 4, flags: ['escapes'],
    doc: 'LOAD_FAST, LOAD_CONST, COMPARE_OP, POP_JUMP_IF_FALSE/TRUE in four words (`while n > 0`)',
  },
  LOAD_FAST_CONST__BINARY_OP_STORE: {
    arg: 'local', stack: '--', effect: fixed(0), base: 'LOAD_FAST', width: 4, flags: ['escapes'],
    doc: 'LOAD_FAST, LOAD_CONST, BINARY_OP, STORE_FAST in four words (`n -= 1`)',
  },
  BINARY_OP__STORE_FAST: {
    arg: 'binop', stack: 'lhs, rhs --', effect: fixed(-2), base: 'BINARY_OP', width: 2, flags: ['escapes'],
    doc: 'BINARY_OP, then the STORE_FAST in the next word (`n -= 1`)',
  },
  PRECALL__CALL: {
    arg: 'count', stack: 'null|method, callable|self, n*args -- result', effect: (a) => -1 - a, base: 'PRECALL', width: 2,
    flags: ['escapes'], doc: 'PRECALL, then the CALL in the next word (the same argument): one dispatch for a call',
  },
  COMPARE_OP__POP_JUMP: {
    arg: 'cmp', stack: 'lhs, rhs --', effect: fixed(-2), base: 'COMPARE_OP', width: 2, flags: ['escapes'],
    doc: 'COMPARE_OP, then the POP_JUMP_IF_FALSE/TRUE in the next word, without making a bool for int operands',
  },
  FOR_ITER__STORE_FAST: {
    arg: 'jump', stack: 'iterator -- iterator | --', effect: (_a, jump) => (jump ? -1 : 0), base: 'FOR_ITER', width: 2,
    flags: ['jump', 'escapes', 'conditional'],
    doc: 'FOR_ITER, then the STORE_FAST in the next word (if still a plain one), unless a generator gives the item',
  },
  JUMP_BACKWARD__FOR_ITER: {
    arg: 'jump', stack: '--', effect: fixed(0), base: 'JUMP_BACKWARD', flags: ['jump', 'terminal', 'evalBreak'],
    doc: 'JUMP_BACKWARD to a loop\'s FOR_ITER, then that FOR_ITER (or FOR_ITER__STORE_FAST) in the same dispatch',
  },
} as const satisfies Record<string, OpSpec>;

export type OpName = keyof typeof OPS;
export const OP_NAMES = Object.keys(OPS) as OpName[];

/** Opcode numbers, in table order: `OPCODE.LOAD_FAST`. */
export const OPCODE = Object.fromEntries(OP_NAMES.map((n, i) => [n, i])) as { readonly [K in OpName]: number };

/** Instruction words: opcode in the low 8 bits, argument in the high 24 (EXTENDED_ARG for more). */
export const ARG_SHIFT = 8;
export const OP_MASK = 0xff;
export const MAX_ARG = (1 << 24) - 1;

/** The instruction the compiler emitted for a (possibly quickened) opcode. */
export function baseOpcode(op: number): number {
  const b = spec(op).base;
  return b === undefined ? op : OPCODE[b as OpName];
}

export function spec(op: number): OpSpec {
  return OPS[OP_NAMES[op]!];
}
export function hasFlag(op: number, flag: NonNullable<OpSpec['flags']>[number]): boolean {
  return spec(op).flags?.includes(flag) ?? false;
}

/** BINARY_OP arguments, numbered as CPython 3.11's NB_* (in-place forms = base + 13). */
export const BINOPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'] as const;
export const INPLACE_OFFSET = 13;
/** COMPARE_OP arguments, as CPython's Py_LT .. Py_GE. */
export const CMPOPS = ['<', '<=', '==', '!=', '>', '>='] as const;
