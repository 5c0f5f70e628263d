/** The methods of `object` that Python code calls by name: `super().__init__()`, `object.__new__(cls)`,
 *  `object.__setattr__(self, k, v)`, `object.__repr__(x)` ... (cf. CPython typeobject.c object_methods).
 *  The operators and builtins do not go through these: they use the slots directly. */
import type { Ref } from '../heap/layout.js';
import { TP_NAME, TP_QUALNAME, type Runtime } from '../runtime.js';
import { checkArity } from '../builtins/args.js';
import { hashPointer } from '../builtins/more-functions.js';
import { genericDelAttr, genericGetAttr, genericSetAttr, raiseAttributeError } from './attrs.js';
import { newInstance, objectRichCompare, userDefined } from './classes.js';
import { Kind } from './kinds.js';
import { OBJECT_BYTES } from './object-type.js';
import { defaultRepr, repr } from './protocols.js';
import { defineClassMethod, defineMethod, defineStaticMethod } from './type.js';

const method = (name: string, min: number, max: number, impl: (rt: Runtime, self: Ref, args: Ref[]) => Ref): void => {
  defineMethod(Kind.OBJECT, 'object', name, (rt, args, kwargs, self) => {
    checkArity(rt, name, args, kwargs, min, max);
    return impl(rt, self, args);
  });
};

/** A str argument naming an attribute, as PyObject_GenericSetAttr checks it. */
function attrName(rt: Runtime, name: Ref): Ref {
  if (rt.kindOf(name) !== Kind.STR) rt.raise('TypeError', `attribute name must be string, not '${rt.typeNameOf(name)}'`);
  return name;
}

// cf. CPython object_init: extra arguments are an error, unless the class overrides __new__ (which took
// them) and not __init__.
defineMethod(Kind.OBJECT, 'object', '__init__', (rt, args, kwargs, self) => {
  if (args.length === 0 && (kwargs === null || kwargs.size === 0)) return rt.None;
  const type = rt.typeOf(self);
  if (userDefined(rt, type, '__init__') !== 0) {
    rt.raise('TypeError', 'object.__init__() takes exactly one argument (the instance to initialize)');
  }
  if (userDefined(rt, type, '__new__') === 0) {
    rt.raise('TypeError', `${rt.strValue(rt.i32[(type + TP_NAME) >> 2]! as Ref)}.__init__() takes exactly one argument (the instance to initialize)`);
  }
  return rt.None;
});

defineStaticMethod(Kind.OBJECT, 'object', '__new__', (rt, args) => {
  const cls = args[0];
  if (cls === undefined) rt.raise('TypeError', 'object.__new__(): not enough arguments');
  if (rt.kindOf(cls) !== Kind.TYPE) rt.raise('TypeError', `object.__new__(X): X is not a type object (${rt.typeNameOf(cls)})`);
  const kind = rt.typeKind(cls);
  if (kind !== Kind.INSTANCE && kind !== Kind.OBJECT) {
    const n = rt.strValue(rt.i32[(cls + TP_NAME) >> 2]! as Ref);
    rt.raise('TypeError', `object.__new__(${n}) is not safe, use ${n}.__new__()`);
  }
  return kind === Kind.OBJECT ? rt.alloc(cls, OBJECT_BYTES) : newInstance(rt, cls, [], null);
});

// cf. CPython object_init_subclass: the end of every __init_subclass__ chain, which takes no arguments
defineClassMethod(Kind.OBJECT, 'object', '__init_subclass__', (rt, args, kwargs, cls) => {
  const qualname = rt.strValue(rt.i32[(cls + TP_QUALNAME) >> 2]! as Ref);
  if (kwargs !== null && kwargs.size > 0) rt.raise('TypeError', `${qualname}.__init_subclass__() takes no keyword arguments`);
  if (args.length > 0) rt.raise('TypeError', `${qualname}.__init_subclass__() takes no arguments (${args.length} given)`);
  return rt.None;
});

method('__repr__', 0, 0, (rt, self) => rt.newStr(defaultRepr(rt, self)));
method('__str__', 0, 0, (rt, self) => rt.newStr(repr(rt, self)));
method('__hash__', 0, 0, (rt, self) => rt.newInt(hashPointer(self)));
method('__eq__', 1, 1, (rt, self, [other]) => objectRichCompare(rt, self, other!, 2) || rt.NotImplemented);
method('__ne__', 1, 1, (rt, self, [other]) => objectRichCompare(rt, self, other!, 3) || rt.NotImplemented);
method('__getattribute__', 1, 1, (rt, self, [name]) => {
  const v = genericGetAttr(rt, self, attrName(rt, name!));
  return v !== 0 ? v : raiseAttributeError(rt, self, name!);
});
method('__setattr__', 2, 2, (rt, self, [name, value]) => {
  genericSetAttr(rt, self, attrName(rt, name!), value!);
  return rt.None;
});
method('__delattr__', 1, 1, (rt, self, [name]) => {
  genericDelAttr(rt, self, attrName(rt, name!));
  return rt.None;
});
