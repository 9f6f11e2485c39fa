#!/usr/bin/env node
import { createRequire as __rgCreateRequire } from 'node:module';
import { fileURLToPath as __rgFileURLToPath } from 'node:url';
const require = __rgCreateRequire(import.meta.url);
const __rgDirname = __rgFileURLToPath(new URL('.', import.meta.url));
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/common/error-message.ts
var SYSTEM_ERRORS = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the name is too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files on this machine",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EEXIST: "it already exists",
  EADDRINUSE: "address already in use",
  EADDRNOTAVAIL: "the address is not one of this machine's",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "the connection was reset",
  ETIMEDOUT: "timed out",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the name could not be resolved (try again later)",
  EHOSTUNREACH: "no route to host",
  ENETUNREACH: "the network is unreachable"
};
function systemErrorCode(e) {
  if (!(e instanceof Error) || !("code" in e) || typeof e.code !== "string") return void 0;
  return Object.hasOwn(SYSTEM_ERRORS, e.code) ? e.code : void 0;
}
function errorMessage(e) {
  const code = systemErrorCode(e);
  if (code !== void 0) return SYSTEM_ERRORS[code] ?? code;
  if (e instanceof AggregateError && e.message === "" && e.errors.length > 0) return errorMessage(e.errors[0]);
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n")[0]?.trim() || (e instanceof Error ? e.name : "unknown error");
}
function describeJsonError(e) {
  const message = e instanceof Error ? e.message : "";
  if (/end of JSON input/.test(message)) return "it ends before the JSON document does";
  const at = /at position (\d+)/.exec(message)?.[1];
  return at === void 0 ? "it is not valid JSON" : `it is not valid JSON at character ${at}`;
}

// src/common/json-object.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/report/escape-controls.ts
var CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeControls(text) {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
var RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeJsonText(json) {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function escapeAllText(value) {
  return escapeDeep(value);
}
function escapeDeep(v) {
  if (typeof v === "string") return escapeControls(v);
  if (Array.isArray(v)) return v.map(escapeDeep);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "facts" ? x : escapeDeep(x)]));
  return v;
}

// src/runner/exit-codes.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_ERROR = 2;
function judgedFindings(report) {
  const all = report.targets.flatMap((t) => t.findings);
  return report.baseline === void 0 ? all : all.filter((f) => f.baseline_state !== "unchanged");
}

// src/common/result.ts
function ok(value) {
  return { ok: true, value };
}
function fail(error) {
  return { ok: false, error };
}
var UserError = class extends Error {
  constructor(message, where, hint) {
    super(message);
    this.where = where;
    this.hint = hint;
    this.name = "UserError";
  }
  where;
  hint;
};

export {
  __require,
  __commonJS,
  __toESM,
  systemErrorCode,
  errorMessage,
  describeJsonError,
  isObject,
  escapeControls,
  escapeJsonText,
  escapeAllText,
  ok,
  fail,
  UserError,
  EXIT_OK,
  EXIT_FINDINGS,
  EXIT_ERROR,
  judgedFindings
};
