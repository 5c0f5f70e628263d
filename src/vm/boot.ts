/** Loads every module that registers built-in behaviour (slots, methods, natives, modules), in one
 *  fixed order: native ids follow registration order, so every VM must load the same list. */
import './objects/singletons.js';
import './objects/object-type.js';
import './objects/int.js';
import './objects/float.js';
import './objects/str.js';
import './objects/bytes-type.js';
import './objects/tuple-type.js';
import './objects/list-type.js';
import './objects/dict-type.js';
import './objects/set-type.js';
import './objects/range.js';
import './objects/iterators.js';
import './objects/code.js';
import './objects/function-type.js';
import './objects/descriptors.js';
import './objects/exceptions.js';
import './objects/module.js';
import './objects/slice.js';
import './objects/type.js';
import './objects/constructors.js';
import './builtins/functions.js';
import './builtins/more-functions.js';
import './builtins/modules/sys.js';
import './builtins/modules/time.js';
import './builtins/modules/math.js';
import './builtins/modules/dis.js';
