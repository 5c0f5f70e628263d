/** Byte offsets of the heap's own bookkeeping and of the header every object starts with. */

/** A heap pointer: the byte offset of an object's header in the heap. 0 is NULL. */
export type Ref = number & { readonly __brand: 'Ref' };
export const NULL = 0 as Ref;

// ---- object header (16 bytes) ----
/** Reference count; immortal objects hold IMMORTAL_REFCNT and are never counted (PEP 683). */
export const OB_REFCNT = 0;
/** The object's type (a Ref to a type object). A freed block holds FREED_TAG here instead. */
export const OB_TYPE = 4;
/** No-GIL mode: the shared (atomic) part of a biased reference count (PEP 703). */
export const OB_REF_SHARED = 8;
/** Flags (low 8 bits), owning thread (next 8), size class of the block (high 16). */
export const OB_META = 12;
export const HEADER_SIZE = 16;

/** Containers the cycle collector tracks keep their generation links right after the header. */
export const GC_PREV = 16;
export const GC_NEXT = 20;
export const GC_HEADER_END = 24;

export const META_FLAGS_MASK = 0xff;
export const META_OWNER_SHIFT = 8;
export const META_OWNER_MASK = 0xff << META_OWNER_SHIFT;
/** GIL mode, where no object has an owner: the owner bits of an object alive at the end of boot that can
 *  have no finalizer (see gc.ts settleBootObjects; the exit's collection leaves these out). No-GIL mode's
 *  enableNoGilHeap gives every object an owner, which erases the mark. */
export const META_BOOT_MARK = 0xff << META_OWNER_SHIFT;
export const META_CLASS_SHIFT = 16;

/** OB_META flag bits. */
export const FLAG_IMMORTAL = 1;
export const FLAG_GC_TRACKED = 2;
export const FLAG_FINALIZED = 4;
/** An int too large for the compact (float64-exact) form: its payload holds digits. */
export const FLAG_BIG_INT = 8;
/** A str in the interned table. */
export const FLAG_INTERNED = 16;
/** A tracked container's generation (0..2) in two bits (cf. CPython's generation lists). */
export const GEN_SHIFT = 5;
export const GEN_MASK = 3 << GEN_SHIFT;
/** Weak references to this object exist (the weakref module keeps them; dealloc must clear them). */
export const FLAG_WEAKREFD = 128;

/** Counts at or above this are immortal; a decref never reaches zero from here (cf. PEP 683). */
export const IMMORTAL_REFCNT = 0x40000000;
/** What `sys.getrefcount` reports for an immortal object (CPython 3.12's value). */
export const IMMORTAL_REPORTED = 4294967295;
/** OB_TYPE of a block on a free list; any use of it is a use after free. */
export const FREED_TAG = 0x7ead_beef;
/** Byte written over freed payloads in heap-checking mode. */
export const POISON_BYTE = 0xdb;

// ---- size classes ----
/** Small blocks come in 16-byte steps up to 512 bytes (classes 0..31); larger ones in powers of two. */
export const SMALL_STEP = 16;
export const SMALL_MAX = 512;
export const SMALL_CLASSES = SMALL_MAX / SMALL_STEP;
export const CLASS_COUNT = 64;

// ---- the heap's bookkeeping region, at offset 0 ----
export const H_MAGIC = 0;
/** Bump pointer: the first byte never handed out yet. */
export const H_TOP = 4;
/** Upper bound on H_TOP (bytes), from --max-heap; 0 for none. */
export const H_LIMIT = 8;
export const H_LIVE_OBJECTS = 12;
export const H_ALLOCS = 16;
export const H_FREES = 20;
export const H_BYTES_IN_USE = 24;
export const H_PEAK_BYTES = 28;
/** Non-zero: heap-checking mode (poisoned frees, checked type tags). */
export const H_DEBUG = 32;
/** A counter that gives every str a serial number (JS string caches validate entries with it). */
export const H_SERIAL = 36;
/** How many times newCompactInt served an int from the small-int cache instead of allocating (--stats). */
export const H_SMALL_INT_HITS = 40;
/** No-GIL mode (src/vm/nogil/): the worker table's ref, 0 while the heap is in GIL mode. Set once, by
 *  enableNoGilHeap, before any other worker attaches. */
export const H_NOGIL_TABLE = 44;
/** No-GIL mode: the next worker id to hand out (ids are never reused within a heap's life). */
export const H_NOGIL_NEXT_ID = 48;
/** No-GIL mode: the sync block's ref (safepoint words and striped container locks, nogil/sync.ts). */
export const H_NOGIL_SYNC = 52;
/** No-GIL mode: the QSBR block's ref (delayed drops of what dicts give up, nogil/qsbr.ts). */
export const H_NOGIL_QSBR = 56;
/** Bumped at every change to a dict marked DICT_WATCHED (the dicts of classes the type cache relies on):
 *  while it stands still, no such dict changed (objects/type-cache.ts). */
export const H_WATCHED_DICTS = 60;
/** Free list heads, one i32 per size class (GIL mode; no-GIL mode keeps one table per worker). */
export const H_FREE_LISTS = 64;
/** Well-known objects every VM attached to this heap finds here (see ROOT below). */
export const H_ROOTS = H_FREE_LISTS + CLASS_COUNT * 4;
export const ROOT_COUNT = 128;
/** The small-int cache: refs of the ints -5..256 (cf. CPython's _PyLong_SMALL_INTS). */
export const H_SMALL_INTS = H_ROOTS + ROOT_COUNT * 4;
export const SMALL_INT_MIN = -5;
export const SMALL_INT_MAX = 256;
export const H_END = H_SMALL_INTS + (SMALL_INT_MAX - SMALL_INT_MIN + 1) * 4;
/** Objects start here (a multiple of 16). */
export const HEAP_START = (H_END + 15) & ~15;
export const HEAP_MAGIC = 0x67696c70; // 'gilp'
