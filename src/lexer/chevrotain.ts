/** chevrotain, loaded from the single-file bundle it ships: its package entry point imports some 600
 *  lodash-es modules, which took 240 ms at every start-up here, against 11 ms for the bundle (its minified
 *  form: V8 compiles less source, 30 ms less at start-up). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Chevrotain from 'chevrotain';

const entry = createRequire(import.meta.url).resolve('chevrotain'); // <pkg>/lib/src/api.js
const bundle = join(dirname(entry), '..', 'chevrotain.min.mjs');
const chevrotain = (await import(pathToFileURL(bundle).href)) as typeof Chevrotain;

export const createToken: typeof Chevrotain.createToken = chevrotain.createToken;
export const createTokenInstance: typeof Chevrotain.createTokenInstance = chevrotain.createTokenInstance;
export const Lexer: typeof Chevrotain.Lexer = chevrotain.Lexer;
export const CstParser: typeof Chevrotain.CstParser = chevrotain.CstParser;
export const LLkLookaheadStrategy: typeof Chevrotain.LLkLookaheadStrategy = chevrotain.LLkLookaheadStrategy;
export type { CstNode, IRecognitionException, IToken, TokenType } from 'chevrotain';
