#!/usr/bin/env node
import { createRequire as __rgCreateRequire } from 'node:module';
import { fileURLToPath as __rgFileURLToPath } from 'node:url';
const require = __rgCreateRequire(import.meta.url);
const __rgDirname = __rgFileURLToPath(new URL('.', import.meta.url));
import {
  scanCommand
} from "./chunk-UG5DREJ5.js";
import "./chunk-ARSZWGJY.js";
export {
  scanCommand
};
