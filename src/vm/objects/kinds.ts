/** The built-in object layouts ("kinds"). A type object records the kind of its instances; JS-side
 *  behaviour tables are indexed by kind, so every VM attached to a heap rebuilds them identically. */

export const enum Kind {
  OBJECT = 0,
  TYPE,
  NONE,
  NOT_IMPLEMENTED,
  ELLIPSIS,
  INT,
  BOOL,
  FLOAT,
  STR,
  BYTES,
  TUPLE,
  LIST,
  DICT,
  SET,
  FROZENSET,
  RANGE,
  SLICE,
  FUNCTION,
  CODE,
  CELL,
  MODULE,
  BUILTIN_FUNCTION,
  METHOD,
  EXCEPTION,
  TRACEBACK,
  /** A user-defined class's instance: a __dict__ and nothing else built in. */
  INSTANCE,
  /** Internal storage (list items, hash tables, instruction words): not a Python object. */
  RAW,
  SEQ_ITER,
  RANGE_ITER,
  DICT_ITER,
  SET_ITER,
  DICT_VIEW,
  ENUMERATE,
  ZIP,
  MAP,
  FILTER,
  REVERSED,
  CALL_ITER,
  PROPERTY,
  STATICMETHOD,
  CLASSMETHOD,
  GENERATOR,
  BYTEARRAY,
  SUPER,
  WEAKREF,
  COMPLEX,
  /** _thread.lock and _thread.RLock (threads: src/vm/builtins/modules/thread.ts). */
  LOCK,
  RLOCK,
  /** Instances of classes that built-in modules define in TypeScript (native-object.ts). */
  NATIVE,
  COUNT,
}

/** Kinds whose instances may hold references in a cycle: they carry GC links after the header. */
export function isContainerKind(k: Kind): boolean {
  switch (k) {
    case Kind.TYPE: case Kind.TUPLE: case Kind.LIST: case Kind.DICT: case Kind.SET: case Kind.FROZENSET:
    case Kind.FUNCTION: case Kind.CELL: case Kind.MODULE: case Kind.METHOD: case Kind.EXCEPTION:
    case Kind.INSTANCE: case Kind.SEQ_ITER: case Kind.DICT_ITER: case Kind.SET_ITER: case Kind.DICT_VIEW:
    case Kind.ENUMERATE: case Kind.ZIP: case Kind.MAP: case Kind.FILTER: case Kind.REVERSED:
    case Kind.CALL_ITER: case Kind.PROPERTY: case Kind.STATICMETHOD: case Kind.CLASSMETHOD:
    case Kind.GENERATOR: case Kind.SUPER: case Kind.TRACEBACK: case Kind.BUILTIN_FUNCTION: case Kind.WEAKREF:
    case Kind.NATIVE:
      return true;
    default:
      return false;
  }
}
