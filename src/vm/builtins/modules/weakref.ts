/** The `weakref` module: `ref` (= ReferenceType, objects/weakref.ts), getweakrefcount, getweakrefs, and
 *  WeakValueDictionary / WeakKeyDictionary / WeakSet / finalize written in Python over them (simpler than
 *  CPython's, with the same observable behaviour for the common operations). */
import { Kind } from '../../objects/kinds.js';
import { weakrefsTo } from '../../objects/weakref.js';
import { intern } from '../../objects/type.js';
import { PyRaise, Root, TP_MODULE, TP_QUALNAME, type Runtime } from '../../runtime.js';
import { getAttr } from '../../objects/attrs.js';
import { dictGet } from '../../objects/dict.js';
import { moduleDict, setGlobal } from '../../objects/module.js';
import { reportUnraisable } from '../../objects/gc.js';
import { callObject } from '../../interp/call.js';
import { listFrom } from '../../objects/list.js';
import { checkArity } from '../args.js';
import { interpOf } from '../host-access.js';
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
def _value_remover(selfref, key):
    def remove(wr):
        self = selfref()
        if self is not None and self.data.get(key) is wr:
            del self.data[key]
    return remove

class WeakValueDictionary:
    def __init__(self, other=(), **kw):
        self.data = {}
        self._selfref = ref(self)
        self.update(other, **kw)
    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o
    def __setitem__(self, key, value):
        self.data[key] = ref(value, _value_remover(self._selfref, key))
    def __delitem__(self, key):
        del self.data[key]
    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None
    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)
    def __iter__(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k
    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))
    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o
    def keys(self):
        return iter(self)
    def items(self):
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                yield k, o
    def values(self):
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                yield o
    def valuerefs(self):
        return list(self.data.values())
    def itervaluerefs(self):
        return iter(list(self.data.values()))
    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o
    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o
    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o
    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v
    def copy(self):
        new = WeakValueDictionary()
        for k, v in self.items():
            new[k] = v
        return new
    __copy__ = copy
    def clear(self):
        self.data.clear()


def _key_remover(selfref):
    def remove(wr):
        self = selfref()
        if self is not None:
            if isinstance(self.data, set):
                self.data.discard(wr)
            else:
                self.data.pop(wr, None)
    return remove

class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        self._remove = _key_remover(ref(self))
        if dict is not None:
            self.update(dict)
    def __getitem__(self, key):
        return self.data[ref(key)]
    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value
    def __delitem__(self, key):
        del self.data[ref(key)]
    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data
    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)
    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o
    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))
    def get(self, key, default=None):
        return self.data.get(ref(key), default)
    def keys(self):
        return iter(self)
    def items(self):
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                yield o, v
    def values(self):
        for wr, v in list(self.data.items()):
            if wr() is not None:
                yield v
    def keyrefs(self):
        return list(self.data)
    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)
    def popitem(self):
        while True:
            wr, v = self.data.popitem()
            o = wr()
            if o is not None:
                return o, v
    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)
    def update(self, dict=None, **kw):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for k, v in dict:
                self[k] = v
        for k, v in kw.items():
            self[k] = v
    def copy(self):
        new = WeakKeyDictionary()
        for k, v in self.items():
            new[k] = v
        return new
    __copy__ = copy
    def clear(self):
        self.data.clear()


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        self._remove = _key_remover(ref(self))
        if data is not None:
            self.update(data)
    def add(self, item):
        self.data.add(ref(item, self._remove))
    def discard(self, item):
        try:
            self.data.discard(ref(item))
        except TypeError:
            pass
    def remove(self, item):
        self.data.remove(ref(item))
    def pop(self):
        while True:
            o = self.data.pop()()
            if o is not None:
                return o
    def clear(self):
        self.data.clear()
    def update(self, other):
        for x in other:
            self.add(x)
    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data
    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)
    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o
    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.data)
    def copy(self):
        return WeakSet(self)
    __copy__ = copy


class finalize:
    """Calls func(*args, **kwargs) once, when obj dies or when the finalize object is called."""
    _registry = {}
    _index = 0
    def __init__(self, obj, func, *args, **kwargs):
        finalize._index += 1
        self._info = None
        finalize._registry[self] = [ref(obj, self), func, args, kwargs or None, finalize._index]
        self.atexit = True
    _shutdown = False
    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None and not finalize._shutdown:
            return info[1](*info[2], **(info[3] or {}))
    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info[1], info[2], info[3] or {})
    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is not None:
            return (obj, info[1], info[2], info[3] or {})
    @property
    def alive(self):
        return self in finalize._registry
    @classmethod
    def _exitfunc(cls):
        # at exit, the finalizers still pending whose atexit is true run, newest first
        try:
            while True:
                pending = [f for f, i in sorted(cls._registry.items(), key=lambda item: item[1][4]) if f.atexit]
                if not pending:
                    break
                pending[-1]()
        finally:
            finalize._shutdown = True
    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (type(self).__name__, id(self), type(obj).__name__, id(obj))
`;

defineModule('weakref', (rt, dict) => {
  const t = rt.types[Kind.WEAKREF]!;
  rt.i32[(t + TP_MODULE) >> 2] = intern(rt, 'weakref');
  rt.i32[(t + TP_QUALNAME) >> 2] = intern(rt, 'ReferenceType');
  for (const name of ['ref', 'ReferenceType']) setGlobal(rt, dict, name, t);
  // the pure-Python part runs in the module's namespace, as a user module's body would
  setGlobal(rt, dict, '__builtins__', rt.root(Root.BUILTINS));
  const code = compileHook(rt, PY_SOURCE, '<weakref>');
  try {
    rt.decref(interpOf(rt).runCode(code, dict, dict));
  } finally {
    rt.decref(code);
  }
  rt.exitHooks.push(() => runFinalizersAtExit(rt));
});

/** finalize._exitfunc(), if the program still has the weakref module (cf. the atexit hook CPython's
 *  weakref registers); its errors are reported as unraisable. */
function runFinalizersAtExit(rt: Runtime): void {
  const key = rt.newStr('weakref');
  const m = dictGet(rt, rt.root(Root.SYS_MODULES), key);
  rt.decref(key);
  if (m === 0 || rt.kindOf(m) !== Kind.MODULE) return;
  const fkey = rt.newStr('finalize');
  const fin = dictGet(rt, moduleDict(rt, m), fkey);
  rt.decref(fkey);
  if (fin === 0) return;
  const name = rt.newStr('_exitfunc');
  try {
    const f = getAttr(rt, fin, name);
    try {
      rt.decref(callObject(rt, f, []));
    } finally {
      rt.decref(f);
    }
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    reportUnraisable(rt, 'finalize._exitfunc', e.exc);
  } finally {
    rt.decref(name);
  }
}
