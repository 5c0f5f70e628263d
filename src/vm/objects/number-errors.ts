/** Turning the pure numeric helpers' PyErrorSpec into Python exceptions, and the special errors
 *  numbers raise (errno-style OverflowError). */
import type { Ref } from '../heap/layout.js';
import { PyRaise, type Runtime } from '../runtime.js';
import { excType, newExceptionArgs } from './exceptions.js';
import { PyErrorSpec } from './py-error-spec.js';

const ERANGE_TEXT = "(34, 'Numerical result out of range')";

/** Raises the Python exception a PyErrorSpec describes. */
export function raiseSpec(rt: Runtime, e: PyErrorSpec): never {
  if (e.pyType === 'OverflowError' && e.pyMessage === ERANGE_TEXT) raiseErange(rt);
  if (e.pyType === 'NotImplementedComplex') {
    // CPython's result would be a complex number; gilpy has no complex type
    rt.raise('ValueError', 'negative number cannot be raised to a fractional power');
  }
  return rt.raise(e.pyType, e.pyMessage);
}

/** Runs a pure helper, turning a PyErrorSpec it throws into the Python exception (other throws pass). */
export function specCall<T>(rt: Runtime, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyErrorSpec) raiseSpec(rt, e);
    throw e;
  }
}

/** `OverflowError: (34, 'Numerical result out of range')`, what float `**` raises on overflow (errno ERANGE). */
export function raiseErange(rt: Runtime): never {
  const code = rt.newInt(34);
  const msg = rt.newStr('Numerical result out of range');
  const e = newExceptionArgs(rt, excType(rt, 'OverflowError'), [code, msg]);
  rt.decref(msg);
  throw new PyRaise(e);
}

export { PyErrorSpec };
export type { Ref };
