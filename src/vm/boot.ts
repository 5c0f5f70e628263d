/** Loads every module that registers built-in behaviour (slots, methods, natives, modules), in one
 *  fixed order: native ids follow registration order, so every VM must load the same list. */
import './objects/singletons.js';
import './objects/int.js';
import './objects/str.js';
import './objects/code.js';
import './objects/descriptors.js';
import './objects/exceptions.js';
import './objects/module.js';
import './objects/slice.js';
import './objects/type.js';
import './objects/constructors.js';
import './builtins/functions.js';
