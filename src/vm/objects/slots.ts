/** Per-kind behaviour of built-in objects (CPython's type slots), filled in by each type's module. */
import type { Ref } from '../heap/layout.js';
import type { Runtime } from '../runtime.js';
import { Kind } from './kinds.js';

/** Result of a binary-operator slot: a new reference, or 0 for NotImplemented. */
export type BinarySlot = (rt: Runtime, a: Ref, b: Ref) => Ref | 0;

/**
 * Every Ref argument is borrowed; every Ref result is a new reference. A slot that is absent means
 * the operation is not supported (the protocols in protocols.ts then raise CPython's TypeError).
 */
export interface TypeSlots {
  /** Releases what the object references; the caller frees the block. */
  dealloc?(rt: Runtime, r: Ref): void;
  repr?(rt: Runtime, r: Ref): string;
  str?(rt: Runtime, r: Ref): string;
  /** The 32-bit hash the VM's tables use; throws TypeError for unhashable objects. */
  hash?(rt: Runtime, r: Ref): number;
  /** Rich comparison (op as CMPOPS index): a new ref, or 0 for NotImplemented. */
  richcompare?(rt: Runtime, a: Ref, b: Ref, op: number): Ref | 0;
  bool?(rt: Runtime, r: Ref): boolean;
  len?(rt: Runtime, r: Ref): number;
  getitem?(rt: Runtime, r: Ref, key: Ref): Ref;
  setitem?(rt: Runtime, r: Ref, key: Ref, value: Ref): void;
  delitem?(rt: Runtime, r: Ref, key: Ref): void;
  contains?(rt: Runtime, r: Ref, item: Ref): boolean;
  iter?(rt: Runtime, r: Ref): Ref;
  /** The next item (new reference), or 0 when exhausted (no exception set). */
  next?(rt: Runtime, r: Ref): Ref | 0;
  /** Instance attributes beyond the type's dict (a module's dict, an instance's __dict__): borrowed or 0. */
  getattr?(rt: Runtime, r: Ref, name: Ref): Ref | 0;
  add?: BinarySlot; sub?: BinarySlot; mul?: BinarySlot; truediv?: BinarySlot; floordiv?: BinarySlot;
  mod?: BinarySlot; pow?: BinarySlot; lshift?: BinarySlot; rshift?: BinarySlot; and?: BinarySlot;
  or?: BinarySlot; xor?: BinarySlot; matmul?: BinarySlot;
  /** In-place forms (lists extend themselves); absent ones fall back to the plain operator. */
  iadd?: BinarySlot; imul?: BinarySlot; ior?: BinarySlot; iand?: BinarySlot; ixor?: BinarySlot; isub?: BinarySlot;
  neg?(rt: Runtime, r: Ref): Ref;
  pos?(rt: Runtime, r: Ref): Ref;
  invert?(rt: Runtime, r: Ref): Ref;
  abs?(rt: Runtime, r: Ref): Ref;
  /** `int(x)` / `float(x)` / `index` conversions for number-like objects. */
  index?(rt: Runtime, r: Ref): number | bigint;
  float?(rt: Runtime, r: Ref): number;
}

export const SLOTS: TypeSlots[] = Array.from({ length: Kind.COUNT }, () => ({}));

export function defineSlots(kind: Kind, slots: TypeSlots): void {
  Object.assign(SLOTS[kind]!, slots);
}
