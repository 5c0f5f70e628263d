/** The `gc` module: gc.collect() runs the cycle collector (objects/gc.ts). gilpy does not yet collect
 *  automatically on allocation thresholds (README, deviations): enable()/disable() only flip the flag
 *  that isenabled() reports. */
import type { Runtime } from '../../runtime.js';
import { collect } from '../../objects/gc.js';
import { checkArity } from '../args.js';
import { defineModuleFunction } from '../registry.js';

/** Runtimes whose program called gc.disable(). */
const disabled = new WeakSet<Runtime>();

defineModuleFunction('gc', 'collect', (rt, args, kwargs) => {
  checkArity(rt, 'gc.collect', args, kwargs, 0, 1);
  return rt.newInt(collect(rt));
});
defineModuleFunction('gc', 'enable', (rt, args, kwargs) => {
  checkArity(rt, 'gc.enable', args, kwargs, 0, 0);
  disabled.delete(rt);
  return rt.None;
});
defineModuleFunction('gc', 'disable', (rt, args, kwargs) => {
  checkArity(rt, 'gc.disable', args, kwargs, 0, 0);
  disabled.add(rt);
  return rt.None;
});
defineModuleFunction('gc', 'isenabled', (rt, args, kwargs) => {
  checkArity(rt, 'gc.isenabled', args, kwargs, 0, 0);
  return disabled.has(rt) ? rt.False : rt.True;
});
