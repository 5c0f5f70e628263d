/** Where natives find the host services and the running interpreter of the VM they run in. */
import type { Runtime } from '../runtime.js';
import type { Interpreter } from '../interp/loop.js';
import type { HostServices } from './registry.js';

const hosts = new WeakMap<Runtime, { host: HostServices; interp: () => Interpreter }>();

export function setHost(rt: Runtime, host: HostServices, interp: () => Interpreter): void {
  hosts.set(rt, { host, interp });
}
export function hostOf(rt: Runtime): HostServices {
  const h = hosts.get(rt);
  if (h === undefined) throw new Error('gilpy bug: runtime without host');
  return h.host;
}
/** The interpreter of the thread running now. */
export function interpOf(rt: Runtime): Interpreter {
  const h = hosts.get(rt);
  if (h === undefined) throw new Error('gilpy bug: runtime without host');
  return h.interp();
}
