/** Where natives find the host services and the running interpreter of the VM they run in. */
import type { Runtime } from '../runtime.js';
import type { Interpreter } from '../interp/loop.js';
import type { HostServices } from './registry.js';

/** What setHost records, kept on the runtime itself (Runtime.hostAccess): every call into Python from
 *  native code asks for the running interpreter, and a WeakMap lookup there was a measurable cost. */
interface HostAccess { host: HostServices; interp: () => Interpreter }

export function setHost(rt: Runtime, host: HostServices, interp: () => Interpreter): void {
  const access: HostAccess = { host, interp };
  rt.hostAccess = access;
}
function accessOf(rt: Runtime): HostAccess {
  const h = rt.hostAccess as HostAccess | null;
  if (h === null) throw new Error('gilpy bug: runtime without host');
  return h;
}
export function hostOf(rt: Runtime): HostServices {
  return accessOf(rt).host;
}
/** The interpreter of the thread running now. */
export function interpOf(rt: Runtime): Interpreter {
  return accessOf(rt).interp();
}
