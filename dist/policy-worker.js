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
var __commonJS = (cb, mod) => function __require() {
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

// node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js
var require_json = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js"(exports, module) {
    function isValidJSON(str) {
      if (typeof str !== "string") {
        return;
      }
      try {
        JSON.parse(str);
        return true;
      } catch (err) {
        if (err instanceof SyntaxError) {
          return false;
        }
        throw err;
      }
    }
    module.exports = {
      "json.is_valid": isValidJSON
    };
  }
});

// node_modules/sprintf-js/src/sprintf.js
var require_sprintf = __commonJS({
  "node_modules/sprintf-js/src/sprintf.js"(exports) {
    !(function() {
      "use strict";
      var re = {
        not_string: /[^s]/,
        not_bool: /[^t]/,
        not_type: /[^T]/,
        not_primitive: /[^v]/,
        number: /[diefg]/,
        numeric_arg: /[bcdiefguxX]/,
        json: /[j]/,
        not_json: /[^j]/,
        text: /^[^\x25]+/,
        modulo: /^\x25{2}/,
        placeholder: /^\x25(?:([1-9]\d*)\$|\(([^)]+)\))?(\+)?(0|'[^$])?(-)?(\d+)?(?:\.(\d+))?([b-gijostTuvxX])/,
        key: /^([a-z_][a-z_\d]*)/i,
        key_access: /^\.([a-z_][a-z_\d]*)/i,
        index_access: /^\[(\d+)\]/,
        sign: /^[+-]/
      };
      function sprintf(key) {
        return sprintf_format(sprintf_parse(key), arguments);
      }
      function vsprintf(fmt, argv) {
        return sprintf.apply(null, [fmt].concat(argv || []));
      }
      function sprintf_format(parse_tree, argv) {
        var cursor = 1, tree_length = parse_tree.length, arg, output = "", i, k, ph, pad, pad_character, pad_length, is_positive, sign;
        for (i = 0; i < tree_length; i++) {
          if (typeof parse_tree[i] === "string") {
            output += parse_tree[i];
          } else if (typeof parse_tree[i] === "object") {
            ph = parse_tree[i];
            if (ph.keys) {
              arg = argv[cursor];
              for (k = 0; k < ph.keys.length; k++) {
                if (arg == void 0) {
                  throw new Error(sprintf('[sprintf] Cannot access property "%s" of undefined value "%s"', ph.keys[k], ph.keys[k - 1]));
                }
                arg = arg[ph.keys[k]];
              }
            } else if (ph.param_no) {
              arg = argv[ph.param_no];
            } else {
              arg = argv[cursor++];
            }
            if (re.not_type.test(ph.type) && re.not_primitive.test(ph.type) && arg instanceof Function) {
              arg = arg();
            }
            if (re.numeric_arg.test(ph.type) && (typeof arg !== "number" && isNaN(arg))) {
              throw new TypeError(sprintf("[sprintf] expecting number but found %T", arg));
            }
            if (re.number.test(ph.type)) {
              is_positive = arg >= 0;
            }
            switch (ph.type) {
              case "b":
                arg = parseInt(arg, 10).toString(2);
                break;
              case "c":
                arg = String.fromCharCode(parseInt(arg, 10));
                break;
              case "d":
              case "i":
                arg = parseInt(arg, 10);
                break;
              case "j":
                arg = JSON.stringify(arg, null, ph.width ? parseInt(ph.width) : 0);
                break;
              case "e":
                arg = ph.precision ? parseFloat(arg).toExponential(ph.precision) : parseFloat(arg).toExponential();
                break;
              case "f":
                arg = ph.precision ? parseFloat(arg).toFixed(ph.precision) : parseFloat(arg);
                break;
              case "g":
                arg = ph.precision ? String(Number(arg.toPrecision(ph.precision))) : parseFloat(arg);
                break;
              case "o":
                arg = (parseInt(arg, 10) >>> 0).toString(8);
                break;
              case "s":
                arg = String(arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "t":
                arg = String(!!arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "T":
                arg = Object.prototype.toString.call(arg).slice(8, -1).toLowerCase();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "u":
                arg = parseInt(arg, 10) >>> 0;
                break;
              case "v":
                arg = arg.valueOf();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "x":
                arg = (parseInt(arg, 10) >>> 0).toString(16);
                break;
              case "X":
                arg = (parseInt(arg, 10) >>> 0).toString(16).toUpperCase();
                break;
            }
            if (re.json.test(ph.type)) {
              output += arg;
            } else {
              if (re.number.test(ph.type) && (!is_positive || ph.sign)) {
                sign = is_positive ? "+" : "-";
                arg = arg.toString().replace(re.sign, "");
              } else {
                sign = "";
              }
              pad_character = ph.pad_char ? ph.pad_char === "0" ? "0" : ph.pad_char.charAt(1) : " ";
              pad_length = ph.width - (sign + arg).length;
              pad = ph.width ? pad_length > 0 ? pad_character.repeat(pad_length) : "" : "";
              output += ph.align ? sign + arg + pad : pad_character === "0" ? sign + pad + arg : pad + sign + arg;
            }
          }
        }
        return output;
      }
      var sprintf_cache = /* @__PURE__ */ Object.create(null);
      function sprintf_parse(fmt) {
        if (sprintf_cache[fmt]) {
          return sprintf_cache[fmt];
        }
        var _fmt = fmt, match, parse_tree = [], arg_names = 0;
        while (_fmt) {
          if ((match = re.text.exec(_fmt)) !== null) {
            parse_tree.push(match[0]);
          } else if ((match = re.modulo.exec(_fmt)) !== null) {
            parse_tree.push("%");
          } else if ((match = re.placeholder.exec(_fmt)) !== null) {
            if (match[2]) {
              arg_names |= 1;
              var field_list = [], replacement_field = match[2], field_match = [];
              if ((field_match = re.key.exec(replacement_field)) !== null) {
                field_list.push(field_match[1]);
                while ((replacement_field = replacement_field.substring(field_match[0].length)) !== "") {
                  if ((field_match = re.key_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else if ((field_match = re.index_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else {
                    throw new SyntaxError("[sprintf] failed to parse named argument key");
                  }
                }
              } else {
                throw new SyntaxError("[sprintf] failed to parse named argument key");
              }
              match[2] = field_list;
            } else {
              arg_names |= 2;
            }
            if (arg_names === 3) {
              throw new Error("[sprintf] mixing positional and named placeholders is not (yet) supported");
            }
            parse_tree.push(
              {
                placeholder: match[0],
                param_no: match[1],
                keys: match[2],
                sign: match[3],
                pad_char: match[4],
                align: match[5],
                width: match[6],
                precision: match[7],
                type: match[8]
              }
            );
          } else {
            throw new SyntaxError("[sprintf] unexpected placeholder");
          }
          _fmt = _fmt.substring(match[0].length);
        }
        return sprintf_cache[fmt] = parse_tree;
      }
      if (typeof exports !== "undefined") {
        exports["sprintf"] = sprintf;
        exports["vsprintf"] = vsprintf;
      }
      if (typeof window !== "undefined") {
        window["sprintf"] = sprintf;
        window["vsprintf"] = vsprintf;
        if (typeof define === "function" && define["amd"]) {
          define(function() {
            return {
              "sprintf": sprintf,
              "vsprintf": vsprintf
            };
          });
        }
      }
    })();
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js
var require_strings = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js"(exports, module) {
    var vsprintf = require_sprintf().vsprintf;
    var sprintf = (s, values) => vsprintf(s, values);
    module.exports = { sprintf };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js
var require_regex = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js"(exports, module) {
    var regexSplit = (pattern, s) => s.split(RegExp(pattern));
    module.exports = { "regex.split": regexSplit };
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/PlainValue-516d5bc2.js
var require_PlainValue_516d5bc2 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/PlainValue-516d5bc2.js"(exports) {
    "use strict";
    var Char = {
      ANCHOR: "&",
      COMMENT: "#",
      TAG: "!",
      DIRECTIVES_END: "-",
      DOCUMENT_END: "."
    };
    var Type = {
      ALIAS: "ALIAS",
      BLANK_LINE: "BLANK_LINE",
      BLOCK_FOLDED: "BLOCK_FOLDED",
      BLOCK_LITERAL: "BLOCK_LITERAL",
      COMMENT: "COMMENT",
      DIRECTIVE: "DIRECTIVE",
      DOCUMENT: "DOCUMENT",
      FLOW_MAP: "FLOW_MAP",
      FLOW_SEQ: "FLOW_SEQ",
      MAP: "MAP",
      MAP_KEY: "MAP_KEY",
      MAP_VALUE: "MAP_VALUE",
      PLAIN: "PLAIN",
      QUOTE_DOUBLE: "QUOTE_DOUBLE",
      QUOTE_SINGLE: "QUOTE_SINGLE",
      SEQ: "SEQ",
      SEQ_ITEM: "SEQ_ITEM"
    };
    var defaultTagPrefix = "tag:yaml.org,2002:";
    var defaultTags = {
      MAP: "tag:yaml.org,2002:map",
      SEQ: "tag:yaml.org,2002:seq",
      STR: "tag:yaml.org,2002:str"
    };
    function findLineStarts(src) {
      const ls = [0];
      let offset = src.indexOf("\n");
      while (offset !== -1) {
        offset += 1;
        ls.push(offset);
        offset = src.indexOf("\n", offset);
      }
      return ls;
    }
    function getSrcInfo(cst) {
      let lineStarts, src;
      if (typeof cst === "string") {
        lineStarts = findLineStarts(cst);
        src = cst;
      } else {
        if (Array.isArray(cst)) cst = cst[0];
        if (cst && cst.context) {
          if (!cst.lineStarts) cst.lineStarts = findLineStarts(cst.context.src);
          lineStarts = cst.lineStarts;
          src = cst.context.src;
        }
      }
      return {
        lineStarts,
        src
      };
    }
    function getLinePos(offset, cst) {
      if (typeof offset !== "number" || offset < 0) return null;
      const {
        lineStarts,
        src
      } = getSrcInfo(cst);
      if (!lineStarts || !src || offset > src.length) return null;
      for (let i = 0; i < lineStarts.length; ++i) {
        const start = lineStarts[i];
        if (offset < start) {
          return {
            line: i,
            col: offset - lineStarts[i - 1] + 1
          };
        }
        if (offset === start) return {
          line: i + 1,
          col: 1
        };
      }
      const line = lineStarts.length;
      return {
        line,
        col: offset - lineStarts[line - 1] + 1
      };
    }
    function getLine(line, cst) {
      const {
        lineStarts,
        src
      } = getSrcInfo(cst);
      if (!lineStarts || !(line >= 1) || line > lineStarts.length) return null;
      const start = lineStarts[line - 1];
      let end = lineStarts[line];
      while (end && end > start && src[end - 1] === "\n") --end;
      return src.slice(start, end);
    }
    function getPrettyContext({
      start,
      end
    }, cst, maxWidth = 80) {
      let src = getLine(start.line, cst);
      if (!src) return null;
      let {
        col
      } = start;
      if (src.length > maxWidth) {
        if (col <= maxWidth - 10) {
          src = src.substr(0, maxWidth - 1) + "\u2026";
        } else {
          const halfWidth = Math.round(maxWidth / 2);
          if (src.length > col + halfWidth) src = src.substr(0, col + halfWidth - 1) + "\u2026";
          col -= src.length - maxWidth;
          src = "\u2026" + src.substr(1 - maxWidth);
        }
      }
      let errLen = 1;
      let errEnd = "";
      if (end) {
        if (end.line === start.line && col + (end.col - start.col) <= maxWidth + 1) {
          errLen = end.col - start.col;
        } else {
          errLen = Math.min(src.length + 1, maxWidth) - col;
          errEnd = "\u2026";
        }
      }
      const offset = col > 1 ? " ".repeat(col - 1) : "";
      const err = "^".repeat(errLen);
      return `${src}
${offset}${err}${errEnd}`;
    }
    var Range = class _Range {
      static copy(orig) {
        return new _Range(orig.start, orig.end);
      }
      constructor(start, end) {
        this.start = start;
        this.end = end || start;
      }
      isEmpty() {
        return typeof this.start !== "number" || !this.end || this.end <= this.start;
      }
      /**
       * Set `origStart` and `origEnd` to point to the original source range for
       * this node, which may differ due to dropped CR characters.
       *
       * @param {number[]} cr - Positions of dropped CR characters
       * @param {number} offset - Starting index of `cr` from the last call
       * @returns {number} - The next offset, matching the one found for `origStart`
       */
      setOrigRange(cr, offset) {
        const {
          start,
          end
        } = this;
        if (cr.length === 0 || end <= cr[0]) {
          this.origStart = start;
          this.origEnd = end;
          return offset;
        }
        let i = offset;
        while (i < cr.length) {
          if (cr[i] > start) break;
          else ++i;
        }
        this.origStart = start + i;
        const nextOffset = i;
        while (i < cr.length) {
          if (cr[i] >= end) break;
          else ++i;
        }
        this.origEnd = end + i;
        return nextOffset;
      }
    };
    var Node = class _Node {
      static addStringTerminator(src, offset, str) {
        if (str[str.length - 1] === "\n") return str;
        const next = _Node.endOfWhiteSpace(src, offset);
        return next >= src.length || src[next] === "\n" ? str + "\n" : str;
      }
      // ^(---|...)
      static atDocumentBoundary(src, offset, sep) {
        const ch0 = src[offset];
        if (!ch0) return true;
        const prev = src[offset - 1];
        if (prev && prev !== "\n") return false;
        if (sep) {
          if (ch0 !== sep) return false;
        } else {
          if (ch0 !== Char.DIRECTIVES_END && ch0 !== Char.DOCUMENT_END) return false;
        }
        const ch1 = src[offset + 1];
        const ch2 = src[offset + 2];
        if (ch1 !== ch0 || ch2 !== ch0) return false;
        const ch3 = src[offset + 3];
        return !ch3 || ch3 === "\n" || ch3 === "	" || ch3 === " ";
      }
      static endOfIdentifier(src, offset) {
        let ch = src[offset];
        const isVerbatim = ch === "<";
        const notOk = isVerbatim ? ["\n", "	", " ", ">"] : ["\n", "	", " ", "[", "]", "{", "}", ","];
        while (ch && notOk.indexOf(ch) === -1) ch = src[offset += 1];
        if (isVerbatim && ch === ">") offset += 1;
        return offset;
      }
      static endOfIndent(src, offset) {
        let ch = src[offset];
        while (ch === " ") ch = src[offset += 1];
        return offset;
      }
      static endOfLine(src, offset) {
        let ch = src[offset];
        while (ch && ch !== "\n") ch = src[offset += 1];
        return offset;
      }
      static endOfWhiteSpace(src, offset) {
        let ch = src[offset];
        while (ch === "	" || ch === " ") ch = src[offset += 1];
        return offset;
      }
      static startOfLine(src, offset) {
        let ch = src[offset - 1];
        if (ch === "\n") return offset;
        while (ch && ch !== "\n") ch = src[offset -= 1];
        return offset + 1;
      }
      /**
       * End of indentation, or null if the line's indent level is not more
       * than `indent`
       *
       * @param {string} src
       * @param {number} indent
       * @param {number} lineStart
       * @returns {?number}
       */
      static endOfBlockIndent(src, indent, lineStart) {
        const inEnd = _Node.endOfIndent(src, lineStart);
        if (inEnd > lineStart + indent) {
          return inEnd;
        } else {
          const wsEnd = _Node.endOfWhiteSpace(src, inEnd);
          const ch = src[wsEnd];
          if (!ch || ch === "\n") return wsEnd;
        }
        return null;
      }
      static atBlank(src, offset, endAsBlank) {
        const ch = src[offset];
        return ch === "\n" || ch === "	" || ch === " " || endAsBlank && !ch;
      }
      static nextNodeIsIndented(ch, indentDiff, indicatorAsIndent) {
        if (!ch || indentDiff < 0) return false;
        if (indentDiff > 0) return true;
        return indicatorAsIndent && ch === "-";
      }
      // should be at line or string end, or at next non-whitespace char
      static normalizeOffset(src, offset) {
        const ch = src[offset];
        return !ch ? offset : ch !== "\n" && src[offset - 1] === "\n" ? offset - 1 : _Node.endOfWhiteSpace(src, offset);
      }
      // fold single newline into space, multiple newlines to N - 1 newlines
      // presumes src[offset] === '\n'
      static foldNewline(src, offset, indent) {
        let inCount = 0;
        let error = false;
        let fold = "";
        let ch = src[offset + 1];
        while (ch === " " || ch === "	" || ch === "\n") {
          switch (ch) {
            case "\n":
              inCount = 0;
              offset += 1;
              fold += "\n";
              break;
            case "	":
              if (inCount <= indent) error = true;
              offset = _Node.endOfWhiteSpace(src, offset + 2) - 1;
              break;
            case " ":
              inCount += 1;
              offset += 1;
              break;
          }
          ch = src[offset + 1];
        }
        if (!fold) fold = " ";
        if (ch && inCount <= indent) error = true;
        return {
          fold,
          offset,
          error
        };
      }
      constructor(type, props, context) {
        Object.defineProperty(this, "context", {
          value: context || null,
          writable: true
        });
        this.error = null;
        this.range = null;
        this.valueRange = null;
        this.props = props || [];
        this.type = type;
        this.value = null;
      }
      getPropValue(idx, key, skipKey) {
        if (!this.context) return null;
        const {
          src
        } = this.context;
        const prop = this.props[idx];
        return prop && src[prop.start] === key ? src.slice(prop.start + (skipKey ? 1 : 0), prop.end) : null;
      }
      get anchor() {
        for (let i = 0; i < this.props.length; ++i) {
          const anchor = this.getPropValue(i, Char.ANCHOR, true);
          if (anchor != null) return anchor;
        }
        return null;
      }
      get comment() {
        const comments = [];
        for (let i = 0; i < this.props.length; ++i) {
          const comment = this.getPropValue(i, Char.COMMENT, true);
          if (comment != null) comments.push(comment);
        }
        return comments.length > 0 ? comments.join("\n") : null;
      }
      commentHasRequiredWhitespace(start) {
        const {
          src
        } = this.context;
        if (this.header && start === this.header.end) return false;
        if (!this.valueRange) return false;
        const {
          end
        } = this.valueRange;
        return start !== end || _Node.atBlank(src, end - 1);
      }
      get hasComment() {
        if (this.context) {
          const {
            src
          } = this.context;
          for (let i = 0; i < this.props.length; ++i) {
            if (src[this.props[i].start] === Char.COMMENT) return true;
          }
        }
        return false;
      }
      get hasProps() {
        if (this.context) {
          const {
            src
          } = this.context;
          for (let i = 0; i < this.props.length; ++i) {
            if (src[this.props[i].start] !== Char.COMMENT) return true;
          }
        }
        return false;
      }
      get includesTrailingLines() {
        return false;
      }
      get jsonLike() {
        const jsonLikeTypes = [Type.FLOW_MAP, Type.FLOW_SEQ, Type.QUOTE_DOUBLE, Type.QUOTE_SINGLE];
        return jsonLikeTypes.indexOf(this.type) !== -1;
      }
      get rangeAsLinePos() {
        if (!this.range || !this.context) return void 0;
        const start = getLinePos(this.range.start, this.context.root);
        if (!start) return void 0;
        const end = getLinePos(this.range.end, this.context.root);
        return {
          start,
          end
        };
      }
      get rawValue() {
        if (!this.valueRange || !this.context) return null;
        const {
          start,
          end
        } = this.valueRange;
        return this.context.src.slice(start, end);
      }
      get tag() {
        for (let i = 0; i < this.props.length; ++i) {
          const tag = this.getPropValue(i, Char.TAG, false);
          if (tag != null) {
            if (tag[1] === "<") {
              return {
                verbatim: tag.slice(2, -1)
              };
            } else {
              const [_, handle, suffix] = tag.match(/^(.*!)([^!]*)$/);
              return {
                handle,
                suffix
              };
            }
          }
        }
        return null;
      }
      get valueRangeContainsNewline() {
        if (!this.valueRange || !this.context) return false;
        const {
          start,
          end
        } = this.valueRange;
        const {
          src
        } = this.context;
        for (let i = start; i < end; ++i) {
          if (src[i] === "\n") return true;
        }
        return false;
      }
      parseComment(start) {
        const {
          src
        } = this.context;
        if (src[start] === Char.COMMENT) {
          const end = _Node.endOfLine(src, start + 1);
          const commentRange = new Range(start, end);
          this.props.push(commentRange);
          return end;
        }
        return start;
      }
      /**
       * Populates the `origStart` and `origEnd` values of all ranges for this
       * node. Extended by child classes to handle descendant nodes.
       *
       * @param {number[]} cr - Positions of dropped CR characters
       * @param {number} offset - Starting index of `cr` from the last call
       * @returns {number} - The next offset, matching the one found for `origStart`
       */
      setOrigRanges(cr, offset) {
        if (this.range) offset = this.range.setOrigRange(cr, offset);
        if (this.valueRange) this.valueRange.setOrigRange(cr, offset);
        this.props.forEach((prop) => prop.setOrigRange(cr, offset));
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          range,
          value
        } = this;
        if (value != null) return value;
        const str = src.slice(range.start, range.end);
        return _Node.addStringTerminator(src, range.end, str);
      }
    };
    var YAMLError = class extends Error {
      constructor(name, source, message) {
        if (!message || !(source instanceof Node)) throw new Error(`Invalid arguments for new ${name}`);
        super();
        this.name = name;
        this.message = message;
        this.source = source;
      }
      makePretty() {
        if (!this.source) return;
        this.nodeType = this.source.type;
        const cst = this.source.context && this.source.context.root;
        if (typeof this.offset === "number") {
          this.range = new Range(this.offset, this.offset + 1);
          const start = cst && getLinePos(this.offset, cst);
          if (start) {
            const end = {
              line: start.line,
              col: start.col + 1
            };
            this.linePos = {
              start,
              end
            };
          }
          delete this.offset;
        } else {
          this.range = this.source.range;
          this.linePos = this.source.rangeAsLinePos;
        }
        if (this.linePos) {
          const {
            line,
            col
          } = this.linePos.start;
          this.message += ` at line ${line}, column ${col}`;
          const ctx = cst && getPrettyContext(this.linePos, cst);
          if (ctx) this.message += `:

${ctx}
`;
        }
        delete this.source;
      }
    };
    var YAMLReferenceError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLReferenceError", source, message);
      }
    };
    var YAMLSemanticError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLSemanticError", source, message);
      }
    };
    var YAMLSyntaxError = class extends YAMLError {
      constructor(source, message) {
        super("YAMLSyntaxError", source, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(source, message) {
        super("YAMLWarning", source, message);
      }
    };
    function _defineProperty(e, r, t) {
      return (r = _toPropertyKey(r)) in e ? Object.defineProperty(e, r, {
        value: t,
        enumerable: true,
        configurable: true,
        writable: true
      }) : e[r] = t, e;
    }
    function _toPrimitive(t, r) {
      if ("object" != typeof t || !t) return t;
      var e = t[Symbol.toPrimitive];
      if (void 0 !== e) {
        var i = e.call(t, r || "default");
        if ("object" != typeof i) return i;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return ("string" === r ? String : Number)(t);
    }
    function _toPropertyKey(t) {
      var i = _toPrimitive(t, "string");
      return "symbol" == typeof i ? i : i + "";
    }
    var PlainValue = class _PlainValue extends Node {
      static endOfLine(src, start, inFlow) {
        let ch = src[start];
        let offset = start;
        while (ch && ch !== "\n") {
          if (inFlow && (ch === "[" || ch === "]" || ch === "{" || ch === "}" || ch === ",")) break;
          const next = src[offset + 1];
          if (ch === ":" && (!next || next === "\n" || next === "	" || next === " " || inFlow && next === ",")) break;
          if ((ch === " " || ch === "	") && next === "#") break;
          offset += 1;
          ch = next;
        }
        return offset;
      }
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        let {
          start,
          end
        } = this.valueRange;
        const {
          src
        } = this.context;
        let ch = src[end - 1];
        while (start < end && (ch === "\n" || ch === "	" || ch === " ")) ch = src[--end - 1];
        let str = "";
        for (let i = start; i < end; ++i) {
          const ch2 = src[i];
          if (ch2 === "\n") {
            const {
              fold,
              offset
            } = Node.foldNewline(src, i, -1);
            str += fold;
            i = offset;
          } else if (ch2 === " " || ch2 === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (i < end && (next === " " || next === "	")) {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str += i > wsStart ? src.slice(wsStart, i + 1) : ch2;
          } else {
            str += ch2;
          }
        }
        const ch0 = src[start];
        switch (ch0) {
          case "	": {
            const msg = "Plain value cannot start with a tab character";
            const errors = [new YAMLSemanticError(this, msg)];
            return {
              errors,
              str
            };
          }
          case "@":
          case "`": {
            const msg = `Plain value cannot start with reserved character ${ch0}`;
            const errors = [new YAMLSemanticError(this, msg)];
            return {
              errors,
              str
            };
          }
          default:
            return str;
        }
      }
      parseBlockValue(start) {
        const {
          indent,
          inFlow,
          src
        } = this.context;
        let offset = start;
        let valueEnd = start;
        for (let ch = src[offset]; ch === "\n"; ch = src[offset]) {
          if (Node.atDocumentBoundary(src, offset + 1)) break;
          const end = Node.endOfBlockIndent(src, indent, offset + 1);
          if (end === null || src[end] === "#") break;
          if (src[end] === "\n") {
            offset = end;
          } else {
            valueEnd = _PlainValue.endOfLine(src, end, inFlow);
            offset = valueEnd;
          }
        }
        if (this.valueRange.isEmpty()) this.valueRange.start = start;
        this.valueRange.end = valueEnd;
        return valueEnd;
      }
      /**
       * Parses a plain value from the source
       *
       * Accepted forms are:
       * ```
       * #comment
       *
       * first line
       *
       * first line #comment
       *
       * first line
       * block
       * lines
       *
       * #comment
       * block
       * lines
       * ```
       * where block lines are empty or have an indent level greater than `indent`.
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar, may be `\n`
       */
      parse(context, start) {
        this.context = context;
        const {
          inFlow,
          src
        } = context;
        let offset = start;
        const ch = src[offset];
        if (ch && ch !== "#" && ch !== "\n") {
          offset = _PlainValue.endOfLine(src, start, inFlow);
        }
        this.valueRange = new Range(start, offset);
        offset = Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        if (!this.hasComment || this.valueRange.isEmpty()) {
          offset = this.parseBlockValue(offset);
        }
        return offset;
      }
    };
    exports.Char = Char;
    exports.Node = Node;
    exports.PlainValue = PlainValue;
    exports.Range = Range;
    exports.Type = Type;
    exports.YAMLError = YAMLError;
    exports.YAMLReferenceError = YAMLReferenceError;
    exports.YAMLSemanticError = YAMLSemanticError;
    exports.YAMLSyntaxError = YAMLSyntaxError;
    exports.YAMLWarning = YAMLWarning;
    exports._defineProperty = _defineProperty;
    exports.defaultTagPrefix = defaultTagPrefix;
    exports.defaultTags = defaultTags;
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/parse-cst.js
var require_parse_cst = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/parse-cst.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var BlankLine = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.BLANK_LINE);
      }
      /* istanbul ignore next */
      get includesTrailingLines() {
        return true;
      }
      /**
       * Parses a blank line from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first \n character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        this.range = new PlainValue.Range(start, start + 1);
        return start + 1;
      }
    };
    var CollectionItem = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.node = null;
      }
      get includesTrailingLines() {
        return !!this.node && this.node.includesTrailingLines;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode,
          src
        } = context;
        let {
          atLineStart,
          lineStart
        } = context;
        if (!atLineStart && this.type === PlainValue.Type.SEQ_ITEM) this.error = new PlainValue.YAMLSemanticError(this, "Sequence items must not have preceding content on the same line");
        const indent = atLineStart ? start - lineStart : context.indent;
        let offset = PlainValue.Node.endOfWhiteSpace(src, start + 1);
        let ch = src[offset];
        const inlineComment = ch === "#";
        const comments = [];
        let blankLine = null;
        while (ch === "\n" || ch === "#") {
          if (ch === "#") {
            const end2 = PlainValue.Node.endOfLine(src, offset + 1);
            comments.push(new PlainValue.Range(offset, end2));
            offset = end2;
          } else {
            atLineStart = true;
            lineStart = offset + 1;
            const wsEnd = PlainValue.Node.endOfWhiteSpace(src, lineStart);
            if (src[wsEnd] === "\n" && comments.length === 0) {
              blankLine = new BlankLine();
              lineStart = blankLine.parse({
                src
              }, lineStart);
            }
            offset = PlainValue.Node.endOfIndent(src, lineStart);
          }
          ch = src[offset];
        }
        if (PlainValue.Node.nextNodeIsIndented(ch, offset - (lineStart + indent), this.type !== PlainValue.Type.SEQ_ITEM)) {
          this.node = parseNode({
            atLineStart,
            inCollection: false,
            indent,
            lineStart,
            parent: this
          }, offset);
        } else if (ch && lineStart > start + 1) {
          offset = lineStart - 1;
        }
        if (this.node) {
          if (blankLine) {
            const items = context.parent.items || context.parent.contents;
            if (items) items.push(blankLine);
          }
          if (comments.length) Array.prototype.push.apply(this.props, comments);
          offset = this.node.range.end;
        } else {
          if (inlineComment) {
            const c = comments[0];
            this.props.push(c);
            offset = c.end;
          } else {
            offset = PlainValue.Node.endOfLine(src, start + 1);
          }
        }
        const end = this.node ? this.node.valueRange.end : offset;
        this.valueRange = new PlainValue.Range(start, end);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        return this.node ? this.node.setOrigRanges(cr, offset) : offset;
      }
      toString() {
        const {
          context: {
            src
          },
          node,
          range,
          value
        } = this;
        if (value != null) return value;
        const str = node ? src.slice(range.start, node.range.start) + String(node) : src.slice(range.start, range.end);
        return PlainValue.Node.addStringTerminator(src, range.end, str);
      }
    };
    var Comment = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.COMMENT);
      }
      /**
       * Parses a comment line from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const offset = this.parseComment(start);
        this.range = new PlainValue.Range(start, offset);
        return offset;
      }
    };
    function grabCollectionEndComments(node) {
      let cnode = node;
      while (cnode instanceof CollectionItem) cnode = cnode.node;
      if (!(cnode instanceof Collection)) return null;
      const len = cnode.items.length;
      let ci = -1;
      for (let i = len - 1; i >= 0; --i) {
        const n = cnode.items[i];
        if (n.type === PlainValue.Type.COMMENT) {
          const {
            indent,
            lineStart
          } = n.context;
          if (indent > 0 && n.range.start >= lineStart + indent) break;
          ci = i;
        } else if (n.type === PlainValue.Type.BLANK_LINE) ci = i;
        else break;
      }
      if (ci === -1) return null;
      const ca = cnode.items.splice(ci, len - ci);
      const prevEnd = ca[0].range.start;
      while (true) {
        cnode.range.end = prevEnd;
        if (cnode.valueRange && cnode.valueRange.end > prevEnd) cnode.valueRange.end = prevEnd;
        if (cnode === node) break;
        cnode = cnode.context.parent;
      }
      return ca;
    }
    var Collection = class _Collection extends PlainValue.Node {
      static nextContentHasIndent(src, offset, indent) {
        const lineStart = PlainValue.Node.endOfLine(src, offset) + 1;
        offset = PlainValue.Node.endOfWhiteSpace(src, lineStart);
        const ch = src[offset];
        if (!ch) return false;
        if (offset >= lineStart + indent) return true;
        if (ch !== "#" && ch !== "\n") return false;
        return _Collection.nextContentHasIndent(src, offset, indent);
      }
      constructor(firstItem) {
        super(firstItem.type === PlainValue.Type.SEQ_ITEM ? PlainValue.Type.SEQ : PlainValue.Type.MAP);
        for (let i = firstItem.props.length - 1; i >= 0; --i) {
          if (firstItem.props[i].start < firstItem.context.lineStart) {
            this.props = firstItem.props.slice(0, i + 1);
            firstItem.props = firstItem.props.slice(i + 1);
            const itemRange = firstItem.props[0] || firstItem.valueRange;
            firstItem.range.start = itemRange.start;
            break;
          }
        }
        this.items = [firstItem];
        const ec = grabCollectionEndComments(firstItem);
        if (ec) Array.prototype.push.apply(this.items, ec);
      }
      get includesTrailingLines() {
        return this.items.length > 0;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode,
          src
        } = context;
        let lineStart = PlainValue.Node.startOfLine(src, start);
        const firstItem = this.items[0];
        firstItem.context.parent = this;
        this.valueRange = PlainValue.Range.copy(firstItem.valueRange);
        const indent = firstItem.range.start - firstItem.context.lineStart;
        let offset = start;
        offset = PlainValue.Node.normalizeOffset(src, offset);
        let ch = src[offset];
        let atLineStart = PlainValue.Node.endOfWhiteSpace(src, lineStart) === offset;
        let prevIncludesTrailingLines = false;
        while (ch) {
          while (ch === "\n" || ch === "#") {
            if (atLineStart && ch === "\n" && !prevIncludesTrailingLines) {
              const blankLine = new BlankLine();
              offset = blankLine.parse({
                src
              }, offset);
              this.valueRange.end = offset;
              if (offset >= src.length) {
                ch = null;
                break;
              }
              this.items.push(blankLine);
              offset -= 1;
            } else if (ch === "#") {
              if (offset < lineStart + indent && !_Collection.nextContentHasIndent(src, offset, indent)) {
                return offset;
              }
              const comment = new Comment();
              offset = comment.parse({
                indent,
                lineStart,
                src
              }, offset);
              this.items.push(comment);
              this.valueRange.end = offset;
              if (offset >= src.length) {
                ch = null;
                break;
              }
            }
            lineStart = offset + 1;
            offset = PlainValue.Node.endOfIndent(src, lineStart);
            if (PlainValue.Node.atBlank(src, offset)) {
              const wsEnd = PlainValue.Node.endOfWhiteSpace(src, offset);
              const next = src[wsEnd];
              if (!next || next === "\n" || next === "#") {
                offset = wsEnd;
              }
            }
            ch = src[offset];
            atLineStart = true;
          }
          if (!ch) {
            break;
          }
          if (offset !== lineStart + indent && (atLineStart || ch !== ":")) {
            if (offset < lineStart + indent) {
              if (lineStart > start) offset = lineStart;
              break;
            } else if (!this.error) {
              const msg = "All collection items must start at the same column";
              this.error = new PlainValue.YAMLSyntaxError(this, msg);
            }
          }
          if (firstItem.type === PlainValue.Type.SEQ_ITEM) {
            if (ch !== "-") {
              if (lineStart > start) offset = lineStart;
              break;
            }
          } else if (ch === "-" && !this.error) {
            const next = src[offset + 1];
            if (!next || next === "\n" || next === "	" || next === " ") {
              const msg = "A collection cannot be both a mapping and a sequence";
              this.error = new PlainValue.YAMLSyntaxError(this, msg);
            }
          }
          const node = parseNode({
            atLineStart,
            inCollection: true,
            indent,
            lineStart,
            parent: this
          }, offset);
          if (!node) return offset;
          this.items.push(node);
          this.valueRange.end = node.valueRange.end;
          offset = PlainValue.Node.normalizeOffset(src, node.range.end);
          ch = src[offset];
          atLineStart = false;
          prevIncludesTrailingLines = node.includesTrailingLines;
          if (ch) {
            let ls = offset - 1;
            let prev = src[ls];
            while (prev === " " || prev === "	") prev = src[--ls];
            if (prev === "\n") {
              lineStart = ls + 1;
              atLineStart = true;
            }
          }
          const ec = grabCollectionEndComments(node);
          if (ec) Array.prototype.push.apply(this.items, ec);
        }
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.items.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          items,
          range,
          value
        } = this;
        if (value != null) return value;
        let str = src.slice(range.start, items[0].range.start) + String(items[0]);
        for (let i = 1; i < items.length; ++i) {
          const item = items[i];
          const {
            atLineStart,
            indent
          } = item.context;
          if (atLineStart) for (let i2 = 0; i2 < indent; ++i2) str += " ";
          str += String(item);
        }
        return PlainValue.Node.addStringTerminator(src, range.end, str);
      }
    };
    var Directive = class extends PlainValue.Node {
      constructor() {
        super(PlainValue.Type.DIRECTIVE);
        this.name = null;
      }
      get parameters() {
        const raw = this.rawValue;
        return raw ? raw.trim().split(/[ \t]+/) : [];
      }
      parseName(start) {
        const {
          src
        } = this.context;
        let offset = start;
        let ch = src[offset];
        while (ch && ch !== "\n" && ch !== "	" && ch !== " ") ch = src[offset += 1];
        this.name = src.slice(start, offset);
        return offset;
      }
      parseParameters(start) {
        const {
          src
        } = this.context;
        let offset = start;
        let ch = src[offset];
        while (ch && ch !== "\n" && ch !== "#") ch = src[offset += 1];
        this.valueRange = new PlainValue.Range(start, offset);
        return offset;
      }
      parse(context, start) {
        this.context = context;
        let offset = this.parseName(start + 1);
        offset = this.parseParameters(offset);
        offset = this.parseComment(offset);
        this.range = new PlainValue.Range(start, offset);
        return offset;
      }
    };
    var Document = class _Document extends PlainValue.Node {
      static startCommentOrEndBlankLine(src, start) {
        const offset = PlainValue.Node.endOfWhiteSpace(src, start);
        const ch = src[offset];
        return ch === "#" || ch === "\n" ? offset : start;
      }
      constructor() {
        super(PlainValue.Type.DOCUMENT);
        this.directives = null;
        this.contents = null;
        this.directivesEndMarker = null;
        this.documentEndMarker = null;
      }
      parseDirectives(start) {
        const {
          src
        } = this.context;
        this.directives = [];
        let atLineStart = true;
        let hasDirectives = false;
        let offset = start;
        while (!PlainValue.Node.atDocumentBoundary(src, offset, PlainValue.Char.DIRECTIVES_END)) {
          offset = _Document.startCommentOrEndBlankLine(src, offset);
          switch (src[offset]) {
            case "\n":
              if (atLineStart) {
                const blankLine = new BlankLine();
                offset = blankLine.parse({
                  src
                }, offset);
                if (offset < src.length) {
                  this.directives.push(blankLine);
                }
              } else {
                offset += 1;
                atLineStart = true;
              }
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.directives.push(comment);
                atLineStart = false;
              }
              break;
            case "%":
              {
                const directive = new Directive();
                offset = directive.parse({
                  parent: this,
                  src
                }, offset);
                this.directives.push(directive);
                hasDirectives = true;
                atLineStart = false;
              }
              break;
            default:
              if (hasDirectives) {
                this.error = new PlainValue.YAMLSemanticError(this, "Missing directives-end indicator line");
              } else if (this.directives.length > 0) {
                this.contents = this.directives;
                this.directives = [];
              }
              return offset;
          }
        }
        if (src[offset]) {
          this.directivesEndMarker = new PlainValue.Range(offset, offset + 3);
          return offset + 3;
        }
        if (hasDirectives) {
          this.error = new PlainValue.YAMLSemanticError(this, "Missing directives-end indicator line");
        } else if (this.directives.length > 0) {
          this.contents = this.directives;
          this.directives = [];
        }
        return offset;
      }
      parseContents(start) {
        const {
          parseNode,
          src
        } = this.context;
        if (!this.contents) this.contents = [];
        let lineStart = start;
        while (src[lineStart - 1] === "-") lineStart -= 1;
        let offset = PlainValue.Node.endOfWhiteSpace(src, start);
        let atLineStart = lineStart === start;
        this.valueRange = new PlainValue.Range(offset);
        while (!PlainValue.Node.atDocumentBoundary(src, offset, PlainValue.Char.DOCUMENT_END)) {
          switch (src[offset]) {
            case "\n":
              if (atLineStart) {
                const blankLine = new BlankLine();
                offset = blankLine.parse({
                  src
                }, offset);
                if (offset < src.length) {
                  this.contents.push(blankLine);
                }
              } else {
                offset += 1;
                atLineStart = true;
              }
              lineStart = offset;
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.contents.push(comment);
                atLineStart = false;
              }
              break;
            default: {
              const iEnd = PlainValue.Node.endOfIndent(src, offset);
              const context = {
                atLineStart,
                indent: -1,
                inFlow: false,
                inCollection: false,
                lineStart,
                parent: this
              };
              const node = parseNode(context, iEnd);
              if (!node) return this.valueRange.end = iEnd;
              this.contents.push(node);
              offset = node.range.end;
              atLineStart = false;
              const ec = grabCollectionEndComments(node);
              if (ec) Array.prototype.push.apply(this.contents, ec);
            }
          }
          offset = _Document.startCommentOrEndBlankLine(src, offset);
        }
        this.valueRange.end = offset;
        if (src[offset]) {
          this.documentEndMarker = new PlainValue.Range(offset, offset + 3);
          offset += 3;
          if (src[offset]) {
            offset = PlainValue.Node.endOfWhiteSpace(src, offset);
            if (src[offset] === "#") {
              const comment = new Comment();
              offset = comment.parse({
                src
              }, offset);
              this.contents.push(comment);
            }
            switch (src[offset]) {
              case "\n":
                offset += 1;
                break;
              case void 0:
                break;
              default:
                this.error = new PlainValue.YAMLSyntaxError(this, "Document end marker line cannot have a non-comment suffix");
            }
          }
        }
        return offset;
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        context.root = this;
        this.context = context;
        const {
          src
        } = context;
        let offset = src.charCodeAt(start) === 65279 ? start + 1 : start;
        offset = this.parseDirectives(offset);
        offset = this.parseContents(offset);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.directives.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        if (this.directivesEndMarker) offset = this.directivesEndMarker.setOrigRange(cr, offset);
        this.contents.forEach((node) => {
          offset = node.setOrigRanges(cr, offset);
        });
        if (this.documentEndMarker) offset = this.documentEndMarker.setOrigRange(cr, offset);
        return offset;
      }
      toString() {
        const {
          contents,
          directives,
          value
        } = this;
        if (value != null) return value;
        let str = directives.join("");
        if (contents.length > 0) {
          if (directives.length > 0 || contents[0].type === PlainValue.Type.COMMENT) str += "---\n";
          str += contents.join("");
        }
        if (str[str.length - 1] !== "\n") str += "\n";
        return str;
      }
    };
    var Alias = class extends PlainValue.Node {
      /**
       * Parses an *alias from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = PlainValue.Node.endOfIdentifier(src, start + 1);
        this.valueRange = new PlainValue.Range(start + 1, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    var Chomp = {
      CLIP: "CLIP",
      KEEP: "KEEP",
      STRIP: "STRIP"
    };
    var BlockValue = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.blockIndent = null;
        this.chomping = Chomp.CLIP;
        this.header = null;
      }
      get includesTrailingLines() {
        return this.chomping === Chomp.KEEP;
      }
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        let {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (this.valueRange.isEmpty()) return "";
        let lastNewLine = null;
        let ch = src[end - 1];
        while (ch === "\n" || ch === "	" || ch === " ") {
          end -= 1;
          if (end <= start) {
            if (this.chomping === Chomp.KEEP) break;
            else return "";
          }
          if (ch === "\n") lastNewLine = end;
          ch = src[end - 1];
        }
        let keepStart = end + 1;
        if (lastNewLine) {
          if (this.chomping === Chomp.KEEP) {
            keepStart = lastNewLine;
            end = this.valueRange.end;
          } else {
            end = lastNewLine;
          }
        }
        const bi = indent + this.blockIndent;
        const folded = this.type === PlainValue.Type.BLOCK_FOLDED;
        let atStart = true;
        let str = "";
        let sep = "";
        let prevMoreIndented = false;
        for (let i = start; i < end; ++i) {
          for (let j = 0; j < bi; ++j) {
            if (src[i] !== " ") break;
            i += 1;
          }
          const ch2 = src[i];
          if (ch2 === "\n") {
            if (sep === "\n") str += "\n";
            else sep = "\n";
          } else {
            const lineEnd = PlainValue.Node.endOfLine(src, i);
            const line = src.slice(i, lineEnd);
            i = lineEnd;
            if (folded && (ch2 === " " || ch2 === "	") && i < keepStart) {
              if (sep === " ") sep = "\n";
              else if (!prevMoreIndented && !atStart && sep === "\n") sep = "\n\n";
              str += sep + line;
              sep = lineEnd < end && src[lineEnd] || "";
              prevMoreIndented = true;
            } else {
              str += sep + line;
              sep = folded && i < keepStart ? " " : "\n";
              prevMoreIndented = false;
            }
            if (atStart && line !== "") atStart = false;
          }
        }
        return this.chomping === Chomp.STRIP ? str : str + "\n";
      }
      parseBlockHeader(start) {
        const {
          src
        } = this.context;
        let offset = start + 1;
        let bi = "";
        while (true) {
          const ch = src[offset];
          switch (ch) {
            case "-":
              this.chomping = Chomp.STRIP;
              break;
            case "+":
              this.chomping = Chomp.KEEP;
              break;
            case "0":
            case "1":
            case "2":
            case "3":
            case "4":
            case "5":
            case "6":
            case "7":
            case "8":
            case "9":
              bi += ch;
              break;
            default:
              this.blockIndent = Number(bi) || null;
              this.header = new PlainValue.Range(start, offset);
              return offset;
          }
          offset += 1;
        }
      }
      parseBlockValue(start) {
        const {
          indent,
          src
        } = this.context;
        const explicit = !!this.blockIndent;
        let offset = start;
        let valueEnd = start;
        let minBlockIndent = 1;
        for (let ch = src[offset]; ch === "\n"; ch = src[offset]) {
          offset += 1;
          if (PlainValue.Node.atDocumentBoundary(src, offset)) break;
          const end = PlainValue.Node.endOfBlockIndent(src, indent, offset);
          if (end === null) break;
          const ch2 = src[end];
          const lineIndent = end - (offset + indent);
          if (!this.blockIndent) {
            if (src[end] !== "\n") {
              if (lineIndent < minBlockIndent) {
                const msg = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
                this.error = new PlainValue.YAMLSemanticError(this, msg);
              }
              this.blockIndent = lineIndent;
            } else if (lineIndent > minBlockIndent) {
              minBlockIndent = lineIndent;
            }
          } else if (ch2 && ch2 !== "\n" && lineIndent < this.blockIndent) {
            if (src[end] === "#") break;
            if (!this.error) {
              const src2 = explicit ? "explicit indentation indicator" : "first line";
              const msg = `Block scalars must not be less indented than their ${src2}`;
              this.error = new PlainValue.YAMLSemanticError(this, msg);
            }
          }
          if (src[end] === "\n") {
            offset = end;
          } else {
            offset = valueEnd = PlainValue.Node.endOfLine(src, end);
          }
        }
        if (this.chomping !== Chomp.KEEP) {
          offset = src[valueEnd] ? valueEnd + 1 : valueEnd;
        }
        this.valueRange = new PlainValue.Range(start + 1, offset);
        return offset;
      }
      /**
       * Parses a block value from the source
       *
       * Accepted forms are:
       * ```
       * BS
       * block
       * lines
       *
       * BS #comment
       * block
       * lines
       * ```
       * where the block style BS matches the regexp `[|>][-+1-9]*` and block lines
       * are empty or have an indent level greater than `indent`.
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this block
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = this.parseBlockHeader(start);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        offset = this.parseBlockValue(offset);
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        return this.header ? this.header.setOrigRange(cr, offset) : offset;
      }
    };
    var FlowCollection = class extends PlainValue.Node {
      constructor(type, props) {
        super(type, props);
        this.items = null;
      }
      prevNodeIsJsonLike(idx = this.items.length) {
        const node = this.items[idx - 1];
        return !!node && (node.jsonLike || node.type === PlainValue.Type.COMMENT && this.prevNodeIsJsonLike(idx - 1));
      }
      /**
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this
       */
      parse(context, start) {
        this.context = context;
        const {
          parseNode,
          src
        } = context;
        let {
          indent,
          lineStart
        } = context;
        let char = src[start];
        this.items = [{
          char,
          offset: start
        }];
        let offset = PlainValue.Node.endOfWhiteSpace(src, start + 1);
        char = src[offset];
        while (char && char !== "]" && char !== "}") {
          switch (char) {
            case "\n":
              {
                lineStart = offset + 1;
                const wsEnd = PlainValue.Node.endOfWhiteSpace(src, lineStart);
                if (src[wsEnd] === "\n") {
                  const blankLine = new BlankLine();
                  lineStart = blankLine.parse({
                    src
                  }, lineStart);
                  this.items.push(blankLine);
                }
                offset = PlainValue.Node.endOfIndent(src, lineStart);
                if (offset <= lineStart + indent) {
                  char = src[offset];
                  if (offset < lineStart + indent || char !== "]" && char !== "}") {
                    const msg = "Insufficient indentation in flow collection";
                    this.error = new PlainValue.YAMLSemanticError(this, msg);
                  }
                }
              }
              break;
            case ",":
              {
                this.items.push({
                  char,
                  offset
                });
                offset += 1;
              }
              break;
            case "#":
              {
                const comment = new Comment();
                offset = comment.parse({
                  src
                }, offset);
                this.items.push(comment);
              }
              break;
            case "?":
            case ":": {
              const next = src[offset + 1];
              if (next === "\n" || next === "	" || next === " " || next === "," || // in-flow : after JSON-like key does not need to be followed by whitespace
              char === ":" && this.prevNodeIsJsonLike()) {
                this.items.push({
                  char,
                  offset
                });
                offset += 1;
                break;
              }
            }
            // fallthrough
            default: {
              const node = parseNode({
                atLineStart: false,
                inCollection: false,
                inFlow: true,
                indent: -1,
                lineStart,
                parent: this
              }, offset);
              if (!node) {
                this.valueRange = new PlainValue.Range(start, offset);
                return offset;
              }
              this.items.push(node);
              offset = PlainValue.Node.normalizeOffset(src, node.range.end);
            }
          }
          offset = PlainValue.Node.endOfWhiteSpace(src, offset);
          char = src[offset];
        }
        this.valueRange = new PlainValue.Range(start, offset + 1);
        if (char) {
          this.items.push({
            char,
            offset
          });
          offset = PlainValue.Node.endOfWhiteSpace(src, offset + 1);
          offset = this.parseComment(offset);
        }
        return offset;
      }
      setOrigRanges(cr, offset) {
        offset = super.setOrigRanges(cr, offset);
        this.items.forEach((node) => {
          if (node instanceof PlainValue.Node) {
            offset = node.setOrigRanges(cr, offset);
          } else if (cr.length === 0) {
            node.origOffset = node.offset;
          } else {
            let i = offset;
            while (i < cr.length) {
              if (cr[i] > node.offset) break;
              else ++i;
            }
            node.origOffset = node.offset + i;
            offset = i;
          }
        });
        return offset;
      }
      toString() {
        const {
          context: {
            src
          },
          items,
          range,
          value
        } = this;
        if (value != null) return value;
        const nodes = items.filter((item) => item instanceof PlainValue.Node);
        let str = "";
        let prevEnd = range.start;
        nodes.forEach((node) => {
          const prefix = src.slice(prevEnd, node.range.start);
          prevEnd = node.range.end;
          str += prefix + String(node);
          if (str[str.length - 1] === "\n" && src[prevEnd - 1] !== "\n" && src[prevEnd] === "\n") {
            prevEnd += 1;
          }
        });
        str += src.slice(prevEnd, range.end);
        return PlainValue.Node.addStringTerminator(src, range.end, str);
      }
    };
    var QuoteDouble = class _QuoteDouble extends PlainValue.Node {
      static endOfQuote(src, offset) {
        let ch = src[offset];
        while (ch && ch !== '"') {
          offset += ch === "\\" ? 2 : 1;
          ch = src[offset];
        }
        return offset + 1;
      }
      /**
       * @returns {string | { str: string, errors: YAMLSyntaxError[] }}
       */
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        const errors = [];
        const {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (src[end - 1] !== '"') errors.push(new PlainValue.YAMLSyntaxError(this, 'Missing closing "quote'));
        let str = "";
        for (let i = start + 1; i < end - 1; ++i) {
          const ch = src[i];
          if (ch === "\n") {
            if (PlainValue.Node.atDocumentBoundary(src, i + 1)) errors.push(new PlainValue.YAMLSemanticError(this, "Document boundary indicators are not allowed within string values"));
            const {
              fold,
              offset,
              error
            } = PlainValue.Node.foldNewline(src, i, indent);
            str += fold;
            i = offset;
            if (error) errors.push(new PlainValue.YAMLSemanticError(this, "Multi-line double-quoted string needs to be sufficiently indented"));
          } else if (ch === "\\") {
            i += 1;
            switch (src[i]) {
              case "0":
                str += "\0";
                break;
              // null character
              case "a":
                str += "\x07";
                break;
              // bell character
              case "b":
                str += "\b";
                break;
              // backspace
              case "e":
                str += "\x1B";
                break;
              // escape character
              case "f":
                str += "\f";
                break;
              // form feed
              case "n":
                str += "\n";
                break;
              // line feed
              case "r":
                str += "\r";
                break;
              // carriage return
              case "t":
                str += "	";
                break;
              // horizontal tab
              case "v":
                str += "\v";
                break;
              // vertical tab
              case "N":
                str += "\x85";
                break;
              // Unicode next line
              case "_":
                str += "\xA0";
                break;
              // Unicode non-breaking space
              case "L":
                str += "\u2028";
                break;
              // Unicode line separator
              case "P":
                str += "\u2029";
                break;
              // Unicode paragraph separator
              case " ":
                str += " ";
                break;
              case '"':
                str += '"';
                break;
              case "/":
                str += "/";
                break;
              case "\\":
                str += "\\";
                break;
              case "	":
                str += "	";
                break;
              case "x":
                str += this.parseCharCode(i + 1, 2, errors);
                i += 2;
                break;
              case "u":
                str += this.parseCharCode(i + 1, 4, errors);
                i += 4;
                break;
              case "U":
                str += this.parseCharCode(i + 1, 8, errors);
                i += 8;
                break;
              case "\n":
                while (src[i + 1] === " " || src[i + 1] === "	") i += 1;
                break;
              default:
                errors.push(new PlainValue.YAMLSyntaxError(this, `Invalid escape sequence ${src.substr(i - 1, 2)}`));
                str += "\\" + src[i];
            }
          } else if (ch === " " || ch === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (next === " " || next === "	") {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str += i > wsStart ? src.slice(wsStart, i + 1) : ch;
          } else {
            str += ch;
          }
        }
        return errors.length > 0 ? {
          errors,
          str
        } : str;
      }
      parseCharCode(offset, length, errors) {
        const {
          src
        } = this.context;
        const cc = src.substr(offset, length);
        const ok2 = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
        const code = ok2 ? parseInt(cc, 16) : NaN;
        if (isNaN(code)) {
          errors.push(new PlainValue.YAMLSyntaxError(this, `Invalid escape sequence ${src.substr(offset - 2, length + 2)}`));
          return src.substr(offset - 2, length + 2);
        }
        return String.fromCodePoint(code);
      }
      /**
       * Parses a "double quoted" value from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = _QuoteDouble.endOfQuote(src, start + 1);
        this.valueRange = new PlainValue.Range(start, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    var QuoteSingle = class _QuoteSingle extends PlainValue.Node {
      static endOfQuote(src, offset) {
        let ch = src[offset];
        while (ch) {
          if (ch === "'") {
            if (src[offset + 1] !== "'") break;
            ch = src[offset += 2];
          } else {
            ch = src[offset += 1];
          }
        }
        return offset + 1;
      }
      /**
       * @returns {string | { str: string, errors: YAMLSyntaxError[] }}
       */
      get strValue() {
        if (!this.valueRange || !this.context) return null;
        const errors = [];
        const {
          start,
          end
        } = this.valueRange;
        const {
          indent,
          src
        } = this.context;
        if (src[end - 1] !== "'") errors.push(new PlainValue.YAMLSyntaxError(this, "Missing closing 'quote"));
        let str = "";
        for (let i = start + 1; i < end - 1; ++i) {
          const ch = src[i];
          if (ch === "\n") {
            if (PlainValue.Node.atDocumentBoundary(src, i + 1)) errors.push(new PlainValue.YAMLSemanticError(this, "Document boundary indicators are not allowed within string values"));
            const {
              fold,
              offset,
              error
            } = PlainValue.Node.foldNewline(src, i, indent);
            str += fold;
            i = offset;
            if (error) errors.push(new PlainValue.YAMLSemanticError(this, "Multi-line single-quoted string needs to be sufficiently indented"));
          } else if (ch === "'") {
            str += ch;
            i += 1;
            if (src[i] !== "'") errors.push(new PlainValue.YAMLSyntaxError(this, "Unescaped single quote? This should not happen."));
          } else if (ch === " " || ch === "	") {
            const wsStart = i;
            let next = src[i + 1];
            while (next === " " || next === "	") {
              i += 1;
              next = src[i + 1];
            }
            if (next !== "\n") str += i > wsStart ? src.slice(wsStart, i + 1) : ch;
          } else {
            str += ch;
          }
        }
        return errors.length > 0 ? {
          errors,
          str
        } : str;
      }
      /**
       * Parses a 'single quoted' value from the source
       *
       * @param {ParseContext} context
       * @param {number} start - Index of first character
       * @returns {number} - Index of the character after this scalar
       */
      parse(context, start) {
        this.context = context;
        const {
          src
        } = context;
        let offset = _QuoteSingle.endOfQuote(src, start + 1);
        this.valueRange = new PlainValue.Range(start, offset);
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        offset = this.parseComment(offset);
        return offset;
      }
    };
    function createNewNode(type, props) {
      switch (type) {
        case PlainValue.Type.ALIAS:
          return new Alias(type, props);
        case PlainValue.Type.BLOCK_FOLDED:
        case PlainValue.Type.BLOCK_LITERAL:
          return new BlockValue(type, props);
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.FLOW_SEQ:
          return new FlowCollection(type, props);
        case PlainValue.Type.MAP_KEY:
        case PlainValue.Type.MAP_VALUE:
        case PlainValue.Type.SEQ_ITEM:
          return new CollectionItem(type, props);
        case PlainValue.Type.COMMENT:
        case PlainValue.Type.PLAIN:
          return new PlainValue.PlainValue(type, props);
        case PlainValue.Type.QUOTE_DOUBLE:
          return new QuoteDouble(type, props);
        case PlainValue.Type.QUOTE_SINGLE:
          return new QuoteSingle(type, props);
        /* istanbul ignore next */
        default:
          return null;
      }
    }
    var ParseContext = class _ParseContext {
      static parseType(src, offset, inFlow) {
        switch (src[offset]) {
          case "*":
            return PlainValue.Type.ALIAS;
          case ">":
            return PlainValue.Type.BLOCK_FOLDED;
          case "|":
            return PlainValue.Type.BLOCK_LITERAL;
          case "{":
            return PlainValue.Type.FLOW_MAP;
          case "[":
            return PlainValue.Type.FLOW_SEQ;
          case "?":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.MAP_KEY : PlainValue.Type.PLAIN;
          case ":":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.MAP_VALUE : PlainValue.Type.PLAIN;
          case "-":
            return !inFlow && PlainValue.Node.atBlank(src, offset + 1, true) ? PlainValue.Type.SEQ_ITEM : PlainValue.Type.PLAIN;
          case '"':
            return PlainValue.Type.QUOTE_DOUBLE;
          case "'":
            return PlainValue.Type.QUOTE_SINGLE;
          default:
            return PlainValue.Type.PLAIN;
        }
      }
      constructor(orig = {}, {
        atLineStart,
        inCollection,
        inFlow,
        indent,
        lineStart,
        parent
      } = {}) {
        PlainValue._defineProperty(this, "parseNode", (overlay, start) => {
          if (PlainValue.Node.atDocumentBoundary(this.src, start)) return null;
          const context = new _ParseContext(this, overlay);
          const {
            props,
            type,
            valueStart
          } = context.parseProps(start);
          const node = createNewNode(type, props);
          let offset = start;
          try {
            offset = node.parse(context, valueStart);
          } catch (error) {
            const msg = error instanceof Error ? error.message : String(error);
            if (!node.error) node.error = new PlainValue.YAMLSyntaxError(node, msg);
          }
          node.range = new PlainValue.Range(start, offset);
          if (offset <= start) {
            if (!node.error) node.error = new Error(`Node#parse consumed no characters`);
            node.error.parseEnd = offset;
            node.error.source = node;
            node.range.end = start + 1;
          }
          if (context.nodeStartsCollection(node)) {
            if (!node.error && !context.atLineStart && context.parent.type === PlainValue.Type.DOCUMENT) {
              node.error = new PlainValue.YAMLSyntaxError(node, "Block collection must not have preceding content here (e.g. directives-end indicator)");
            }
            const collection = new Collection(node);
            offset = collection.parse(new _ParseContext(context), offset);
            collection.range = new PlainValue.Range(start, offset);
            return collection;
          }
          return node;
        });
        this.atLineStart = atLineStart != null ? atLineStart : orig.atLineStart || false;
        this.inCollection = inCollection != null ? inCollection : orig.inCollection || false;
        this.inFlow = inFlow != null ? inFlow : orig.inFlow || false;
        this.indent = indent != null ? indent : orig.indent;
        this.lineStart = lineStart != null ? lineStart : orig.lineStart;
        this.parent = parent != null ? parent : orig.parent || {};
        this.root = orig.root;
        this.src = orig.src;
      }
      nodeStartsCollection(node) {
        const {
          inCollection,
          inFlow,
          src
        } = this;
        if (inCollection || inFlow) return false;
        if (node instanceof CollectionItem) return true;
        let offset = node.range.end;
        if (src[offset] === "\n" || src[offset - 1] === "\n") return false;
        offset = PlainValue.Node.endOfWhiteSpace(src, offset);
        return src[offset] === ":";
      }
      // Anchor and tag are before type, which determines the node implementation
      // class; hence this intermediate step.
      parseProps(offset) {
        const {
          inFlow,
          parent,
          src
        } = this;
        const props = [];
        let lineHasProps = false;
        offset = this.atLineStart ? PlainValue.Node.endOfIndent(src, offset) : PlainValue.Node.endOfWhiteSpace(src, offset);
        let ch = src[offset];
        while (ch === PlainValue.Char.ANCHOR || ch === PlainValue.Char.COMMENT || ch === PlainValue.Char.TAG || ch === "\n") {
          if (ch === "\n") {
            let inEnd = offset;
            let lineStart;
            do {
              lineStart = inEnd + 1;
              inEnd = PlainValue.Node.endOfIndent(src, lineStart);
            } while (src[inEnd] === "\n");
            const indentDiff = inEnd - (lineStart + this.indent);
            const noIndicatorAsIndent = parent.type === PlainValue.Type.SEQ_ITEM && parent.context.atLineStart;
            if (src[inEnd] !== "#" && !PlainValue.Node.nextNodeIsIndented(src[inEnd], indentDiff, !noIndicatorAsIndent)) break;
            this.atLineStart = true;
            this.lineStart = lineStart;
            lineHasProps = false;
            offset = inEnd;
          } else if (ch === PlainValue.Char.COMMENT) {
            const end = PlainValue.Node.endOfLine(src, offset + 1);
            props.push(new PlainValue.Range(offset, end));
            offset = end;
          } else {
            let end = PlainValue.Node.endOfIdentifier(src, offset + 1);
            if (ch === PlainValue.Char.TAG && src[end] === "," && /^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+,\d\d\d\d(-\d\d){0,2}\/\S/.test(src.slice(offset + 1, end + 13))) {
              end = PlainValue.Node.endOfIdentifier(src, end + 5);
            }
            props.push(new PlainValue.Range(offset, end));
            lineHasProps = true;
            offset = PlainValue.Node.endOfWhiteSpace(src, end);
          }
          ch = src[offset];
        }
        if (lineHasProps && ch === ":" && PlainValue.Node.atBlank(src, offset + 1, true)) offset -= 1;
        const type = _ParseContext.parseType(src, offset, inFlow);
        return {
          props,
          type,
          valueStart: offset
        };
      }
    };
    function parse(src) {
      const cr = [];
      if (src.indexOf("\r") !== -1) {
        src = src.replace(/\r\n?/g, (match, offset2) => {
          if (match.length > 1) cr.push(offset2);
          return "\n";
        });
      }
      const documents = [];
      let offset = 0;
      do {
        const doc = new Document();
        const context = new ParseContext({
          src
        });
        offset = doc.parse(context, offset);
        documents.push(doc);
      } while (offset < src.length);
      documents.setOrigRanges = () => {
        if (cr.length === 0) return false;
        for (let i = 1; i < cr.length; ++i) cr[i] -= i;
        let crOffset = 0;
        for (let i = 0; i < documents.length; ++i) {
          crOffset = documents[i].setOrigRanges(cr, crOffset);
        }
        cr.splice(0, cr.length);
        return true;
      };
      documents.toString = () => documents.join("...\n");
      return documents;
    }
    exports.parse = parse;
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/resolveSeq-95613e94.js
var require_resolveSeq_95613e94 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/resolveSeq-95613e94.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    function addCommentBefore(str, indent, comment) {
      if (!comment) return str;
      const cc = comment.replace(/[\s\S]^/gm, `$&${indent}#`);
      return `#${cc}
${indent}${str}`;
    }
    function addComment(str, indent, comment) {
      return !comment ? str : comment.indexOf("\n") === -1 ? `${str} #${comment}` : `${str}
` + comment.replace(/^/gm, `${indent || ""}#`);
    }
    var Node = class {
    };
    function toJSON(value, arg, ctx) {
      if (Array.isArray(value)) return value.map((v, i) => toJSON(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        const anchor = ctx && ctx.anchors && ctx.anchors.get(value);
        if (anchor) ctx.onCreate = (res2) => {
          anchor.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (anchor && ctx.onCreate) ctx.onCreate(res);
        return res;
      }
      if ((!ctx || !ctx.keep) && typeof value === "bigint") return Number(value);
      return value;
    }
    var Scalar = class extends Node {
      constructor(value) {
        super();
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx && ctx.keep ? this.value : toJSON(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          const o = {};
          Object.defineProperty(o, k, {
            value: v,
            writable: true,
            enumerable: true,
            configurable: true
          });
          v = o;
        }
      }
      return schema.createNode(v, false);
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && path[Symbol.iterator]().next().done;
    var Collection = class _Collection extends Node {
      constructor(schema) {
        super();
        PlainValue._defineProperty(this, "items", []);
        this.schema = schema;
      }
      addIn(path, value) {
        if (isEmptyPath(path)) this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (node instanceof _Collection) node.addIn(rest, value);
          else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
          else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      deleteIn([key, ...rest]) {
        if (rest.length === 0) return this.delete(key);
        const node = this.get(key, true);
        if (node instanceof _Collection) return node.deleteIn(rest);
        else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      getIn([key, ...rest], keepScalar) {
        const node = this.get(key, true);
        if (rest.length === 0) return !keepScalar && node instanceof Scalar ? node.value : node;
        else return node instanceof _Collection ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues() {
        return this.items.every((node) => {
          if (!node || node.type !== "PAIR") return false;
          const n = node.value;
          return n == null || n instanceof Scalar && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      hasIn([key, ...rest]) {
        if (rest.length === 0) return this.has(key);
        const node = this.get(key, true);
        return node instanceof _Collection ? node.hasIn(rest) : false;
      }
      setIn([key, ...rest], value) {
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (node instanceof _Collection) node.setIn(rest, value);
          else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
          else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      // overridden in implementations
      /* istanbul ignore next */
      toJSON() {
        return null;
      }
      toString(ctx, {
        blockItem,
        flowChars,
        isMap,
        itemIndent
      }, onComment, onChompKeep) {
        const {
          indent,
          indentStep,
          stringify
        } = ctx;
        const inFlow = this.type === PlainValue.Type.FLOW_MAP || this.type === PlainValue.Type.FLOW_SEQ || ctx.inFlow;
        if (inFlow) itemIndent += indentStep;
        const allNullValues = isMap && this.hasAllNullValues();
        ctx = Object.assign({}, ctx, {
          allNullValues,
          indent: itemIndent,
          inFlow,
          type: null
        });
        let chompKeep = false;
        let hasItemWithNewLine = false;
        const nodes = this.items.reduce((nodes2, item, i) => {
          let comment;
          if (item) {
            if (!chompKeep && item.spaceBefore) nodes2.push({
              type: "comment",
              str: ""
            });
            if (item.commentBefore) item.commentBefore.match(/^.*$/gm).forEach((line) => {
              nodes2.push({
                type: "comment",
                str: `#${line}`
              });
            });
            if (item.comment) comment = item.comment;
            if (inFlow && (!chompKeep && item.spaceBefore || item.commentBefore || item.comment || item.key && (item.key.commentBefore || item.key.comment) || item.value && (item.value.commentBefore || item.value.comment))) hasItemWithNewLine = true;
          }
          chompKeep = false;
          let str2 = stringify(item, ctx, () => comment = null, () => chompKeep = true);
          if (inFlow && !hasItemWithNewLine && str2.includes("\n")) hasItemWithNewLine = true;
          if (inFlow && i < this.items.length - 1) str2 += ",";
          str2 = addComment(str2, itemIndent, comment);
          if (chompKeep && (comment || inFlow)) chompKeep = false;
          nodes2.push({
            type: "item",
            str: str2
          });
          return nodes2;
        }, []);
        let str;
        if (nodes.length === 0) {
          str = flowChars.start + flowChars.end;
        } else if (inFlow) {
          const {
            start,
            end
          } = flowChars;
          const strings = nodes.map((n) => n.str);
          if (hasItemWithNewLine || strings.reduce((sum, str2) => sum + str2.length + 2, 2) > _Collection.maxFlowStringSingleLineLength) {
            str = start;
            for (const s of strings) {
              str += s ? `
${indentStep}${indent}${s}` : "\n";
            }
            str += `
${indent}${end}`;
          } else {
            str = `${start} ${strings.join(" ")} ${end}`;
          }
        } else {
          const strings = nodes.map(blockItem);
          str = strings.shift();
          for (const s of strings) str += s ? `
${indent}${s}` : "\n";
        }
        if (this.comment) {
          str += "\n" + this.comment.replace(/^/gm, `${indent}#`);
          if (onComment) onComment();
        } else if (chompKeep && onChompKeep) onChompKeep();
        return str;
      }
    };
    PlainValue._defineProperty(Collection, "maxFlowStringSingleLineLength", 60);
    function asItemIndex(key) {
      let idx = key instanceof Scalar ? key.value : key;
      if (idx && typeof idx === "string") idx = Number(idx);
      return Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    var YAMLSeq = class extends Collection {
      add(value) {
        this.items.push(value);
      }
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") return void 0;
        const it = this.items[idx];
        return !keepScalar && it instanceof Scalar ? it.value : it;
      }
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number") throw new Error(`Expected a valid index, not ${key}.`);
        this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx && ctx.onCreate) ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items) seq.push(toJSON(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        return super.toString(ctx, {
          blockItem: (n) => n.type === "comment" ? n.str : `- ${n.str}`,
          flowChars: {
            start: "[",
            end: "]"
          },
          isMap: false,
          itemIndent: (ctx.indent || "") + "  "
        }, onComment, onChompKeep);
      }
    };
    var stringifyKey = (key, jsKey, ctx) => {
      if (jsKey === null) return "";
      if (typeof jsKey !== "object") return String(jsKey);
      if (key instanceof Node && ctx && ctx.doc) return key.toString({
        anchors: /* @__PURE__ */ Object.create(null),
        doc: ctx.doc,
        indent: "",
        indentStep: ctx.indentStep,
        inFlow: true,
        inStringifyKey: true,
        stringify: ctx.stringify
      });
      return JSON.stringify(jsKey);
    };
    var Pair = class _Pair extends Node {
      constructor(key, value = null) {
        super();
        this.key = key;
        this.value = value;
        this.type = _Pair.Type.PAIR;
      }
      get commentBefore() {
        return this.key instanceof Node ? this.key.commentBefore : void 0;
      }
      set commentBefore(cb) {
        if (this.key == null) this.key = new Scalar(null);
        if (this.key instanceof Node) this.key.commentBefore = cb;
        else {
          const msg = "Pair.commentBefore is an alias for Pair.key.commentBefore. To set it, the key must be a Node.";
          throw new Error(msg);
        }
      }
      addToJSMap(ctx, map) {
        const key = toJSON(this.key, "", ctx);
        if (map instanceof Map) {
          const value = toJSON(this.value, key, ctx);
          map.set(key, value);
        } else if (map instanceof Set) {
          map.add(key);
        } else {
          const stringKey = stringifyKey(this.key, key, ctx);
          const value = toJSON(this.value, stringKey, ctx);
          if (stringKey in map) Object.defineProperty(map, stringKey, {
            value,
            writable: true,
            enumerable: true,
            configurable: true
          });
          else map[stringKey] = value;
        }
        return map;
      }
      toJSON(_, ctx) {
        const pair = ctx && ctx.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return this.addToJSMap(ctx, pair);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx || !ctx.doc) return JSON.stringify(this);
        const {
          indent: indentSize,
          indentSeq,
          simpleKeys
        } = ctx.doc.options;
        let {
          key,
          value
        } = this;
        let keyComment = key instanceof Node && key.comment;
        if (simpleKeys) {
          if (keyComment) {
            throw new Error("With simple keys, key nodes cannot have comments");
          }
          if (key instanceof Collection) {
            const msg = "With simple keys, collection cannot be used as a key value";
            throw new Error(msg);
          }
        }
        let explicitKey = !simpleKeys && (!key || keyComment || (key instanceof Node ? key instanceof Collection || key.type === PlainValue.Type.BLOCK_FOLDED || key.type === PlainValue.Type.BLOCK_LITERAL : typeof key === "object"));
        const {
          doc,
          indent,
          indentStep,
          stringify
        } = ctx;
        ctx = Object.assign({}, ctx, {
          implicitKey: !explicitKey,
          indent: indent + indentStep
        });
        let chompKeep = false;
        let str = stringify(key, ctx, () => keyComment = null, () => chompKeep = true);
        str = addComment(str, ctx.indent, keyComment);
        if (!explicitKey && str.length > 1024) {
          if (simpleKeys) throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
          explicitKey = true;
        }
        if (ctx.allNullValues && !simpleKeys) {
          if (this.comment) {
            str = addComment(str, ctx.indent, this.comment);
            if (onComment) onComment();
          } else if (chompKeep && !keyComment && onChompKeep) onChompKeep();
          return ctx.inFlow && !explicitKey ? str : `? ${str}`;
        }
        str = explicitKey ? `? ${str}
${indent}:` : `${str}:`;
        if (this.comment) {
          str = addComment(str, ctx.indent, this.comment);
          if (onComment) onComment();
        }
        let vcb = "";
        let valueComment = null;
        if (value instanceof Node) {
          if (value.spaceBefore) vcb = "\n";
          if (value.commentBefore) {
            const cs = value.commentBefore.replace(/^/gm, `${ctx.indent}#`);
            vcb += `
${cs}`;
          }
          valueComment = value.comment;
        } else if (value && typeof value === "object") {
          value = doc.schema.createNode(value, true);
        }
        ctx.implicitKey = false;
        if (!explicitKey && !this.comment && value instanceof Scalar) ctx.indentAtStart = str.length + 1;
        chompKeep = false;
        if (!indentSeq && indentSize >= 2 && !ctx.inFlow && !explicitKey && value instanceof YAMLSeq && value.type !== PlainValue.Type.FLOW_SEQ && !value.tag && !doc.anchors.getName(value)) {
          ctx.indent = ctx.indent.substr(2);
        }
        const valueStr = stringify(value, ctx, () => valueComment = null, () => chompKeep = true);
        let ws = " ";
        if (vcb || this.comment) {
          ws = `${vcb}
${ctx.indent}`;
        } else if (!explicitKey && value instanceof Collection) {
          const flow = valueStr[0] === "[" || valueStr[0] === "{";
          if (!flow || valueStr.includes("\n")) ws = `
${ctx.indent}`;
        } else if (valueStr[0] === "\n") ws = "";
        if (chompKeep && !valueComment && onChompKeep) onChompKeep();
        return addComment(str + ws + valueStr, ctx.indent, valueComment);
      }
    };
    PlainValue._defineProperty(Pair, "Type", {
      PAIR: "PAIR",
      MERGE_PAIR: "MERGE_PAIR"
    });
    var getAliasCount = (node, anchors) => {
      if (node instanceof Alias) {
        const anchor = anchors.get(node.source);
        return anchor.count * anchor.aliasCount;
      } else if (node instanceof Collection) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(item, anchors);
          if (c > count) count = c;
        }
        return count;
      } else if (node instanceof Pair) {
        const kc = getAliasCount(node.key, anchors);
        const vc = getAliasCount(node.value, anchors);
        return Math.max(kc, vc);
      }
      return 1;
    };
    var Alias = class _Alias extends Node {
      static stringify({
        range,
        source
      }, {
        anchors,
        doc,
        implicitKey,
        inStringifyKey
      }) {
        let anchor = Object.keys(anchors).find((a) => anchors[a] === source);
        if (!anchor && inStringifyKey) anchor = doc.anchors.getName(source) || doc.anchors.newName();
        if (anchor) return `*${anchor}${implicitKey ? " " : ""}`;
        const msg = doc.anchors.getName(source) ? "Alias node must be after source node" : "Source node not found for alias node";
        throw new Error(`${msg} [${range}]`);
      }
      constructor(source) {
        super();
        this.source = source;
        this.type = PlainValue.Type.ALIAS;
      }
      set tag(t) {
        throw new Error("Alias nodes cannot have tags");
      }
      toJSON(arg, ctx) {
        if (!ctx) return toJSON(this.source, arg, ctx);
        const {
          anchors,
          maxAliasCount
        } = ctx;
        const anchor = anchors.get(this.source);
        if (!anchor || anchor.res === void 0) {
          const msg = "This should not happen: Alias anchor was not resolved?";
          if (this.cstNode) throw new PlainValue.YAMLReferenceError(this.cstNode, msg);
          else throw new ReferenceError(msg);
        }
        if (maxAliasCount >= 0) {
          anchor.count += 1;
          if (anchor.aliasCount === 0) anchor.aliasCount = getAliasCount(this.source, anchors);
          if (anchor.count * anchor.aliasCount > maxAliasCount) {
            const msg = "Excessive alias count indicates a resource exhaustion attack";
            if (this.cstNode) throw new PlainValue.YAMLReferenceError(this.cstNode, msg);
            else throw new ReferenceError(msg);
          }
        }
        return anchor.res;
      }
      // Only called when stringifying an alias mapping key while constructing
      // Object output.
      toString(ctx) {
        return _Alias.stringify(this, ctx);
      }
    };
    PlainValue._defineProperty(Alias, "default", true);
    function findPair(items, key) {
      const k = key instanceof Scalar ? key.value : key;
      for (const it of items) {
        if (it instanceof Pair) {
          if (it.key === key || it.key === k) return it;
          if (it.key && it.key.value === k) return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection {
      add(pair, overwrite) {
        if (!pair) pair = new Pair(pair);
        else if (!(pair instanceof Pair)) pair = new Pair(pair.key || pair, pair.value);
        const prev = findPair(this.items, pair.key);
        const sortEntries = this.schema && this.schema.sortMapEntries;
        if (prev) {
          if (overwrite) prev.value = pair.value;
          else throw new Error(`Key ${pair.key} already set`);
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(pair, item) < 0);
          if (i === -1) this.items.push(pair);
          else this.items.splice(i, 0, pair);
        } else {
          this.items.push(pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it) return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it && it.value;
        return !keepScalar && node instanceof Scalar ? node.value : node;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair(key, value), true);
      }
      /**
       * @param {*} arg ignored
       * @param {*} ctx Conversion context, originally set in Document#toJSON()
       * @param {Class} Type If set, forces the returned collection type
       * @returns {*} Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx && ctx.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx && ctx.onCreate) ctx.onCreate(map);
        for (const item of this.items) item.addToJSMap(ctx, map);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        for (const item of this.items) {
          if (!(item instanceof Pair)) throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        return super.toString(ctx, {
          blockItem: (n) => n.str,
          flowChars: {
            start: "{",
            end: "}"
          },
          isMap: true,
          itemIndent: ctx.indent || ""
        }, onComment, onChompKeep);
      }
    };
    var MERGE_KEY = "<<";
    var Merge = class extends Pair {
      constructor(pair) {
        if (pair instanceof Pair) {
          let seq = pair.value;
          if (!(seq instanceof YAMLSeq)) {
            seq = new YAMLSeq();
            seq.items.push(pair.value);
            seq.range = pair.value.range;
          }
          super(pair.key, seq);
          this.range = pair.range;
        } else {
          super(new Scalar(MERGE_KEY), new YAMLSeq());
        }
        this.type = Pair.Type.MERGE_PAIR;
      }
      // If the value associated with a merge key is a single mapping node, each of
      // its key/value pairs is inserted into the current mapping, unless the key
      // already exists in it. If the value associated with the merge key is a
      // sequence, then this sequence is expected to contain mapping nodes and each
      // of these nodes is merged in turn according to its order in the sequence.
      // Keys in mapping nodes earlier in the sequence override keys specified in
      // later mapping nodes. -- http://yaml.org/type/merge.html
      addToJSMap(ctx, map) {
        for (const {
          source
        } of this.value.items) {
          if (!(source instanceof YAMLMap)) throw new Error("Merge sources must be maps");
          const srcMap = source.toJSON(null, ctx, Map);
          for (const [key, value] of srcMap) {
            if (map instanceof Map) {
              if (!map.has(key)) map.set(key, value);
            } else if (map instanceof Set) {
              map.add(key);
            } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
              Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
              });
            }
          }
        }
        return map;
      }
      toString(ctx, onComment) {
        const seq = this.value;
        if (seq.items.length > 1) return super.toString(ctx, onComment);
        this.value = seq.items[0];
        const str = super.toString(ctx, onComment);
        this.value = seq;
        return str;
      }
    };
    var binaryOptions = {
      defaultType: PlainValue.Type.BLOCK_LITERAL,
      lineWidth: 76
    };
    var boolOptions = {
      trueStr: "true",
      falseStr: "false"
    };
    var intOptions = {
      asBigInt: false
    };
    var nullOptions = {
      nullStr: "null"
    };
    var strOptions = {
      defaultType: PlainValue.Type.PLAIN,
      doubleQuoted: {
        jsonEncoding: false,
        minMultiLineLength: 40
      },
      fold: {
        lineWidth: 80,
        minContentWidth: 20
      }
    };
    function resolveScalar(str, tags, scalarFallback) {
      for (const {
        format,
        test,
        resolve
      } of tags) {
        if (test) {
          const match = str.match(test);
          if (match) {
            let res = resolve.apply(null, match);
            if (!(res instanceof Scalar)) res = new Scalar(res);
            if (format) res.format = format;
            return res;
          }
        }
      }
      if (scalarFallback) str = scalarFallback(str);
      return new Scalar(str);
    }
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    var consumeMoreIndentedLines = (text2, i) => {
      let ch = text2[i + 1];
      while (ch === " " || ch === "	") {
        do {
          ch = text2[i += 1];
        } while (ch && ch !== "\n");
        ch = text2[i + 1];
      }
      return i;
    };
    function foldFlowLines(text2, indent, mode, {
      indentAtStart,
      lineWidth = 80,
      minContentWidth = 20,
      onFold,
      onOverflow
    }) {
      if (!lineWidth || lineWidth < 0) return text2;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep) return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth)) folds.push(0);
        else end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i);
        if (i !== -1) end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK) i = consumeMoreIndentedLines(text2, i);
          end = i + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	") split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j]) return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow) onOverflow();
      if (folds.length === 0) return text2;
      if (onFold) onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0) res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold]) res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    var getFoldOptions = ({
      indentAtStart
    }) => indentAtStart ? Object.assign({
      indentAtStart
    }, strOptions.fold) : strOptions.fold;
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0) return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit) return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit) return true;
          start = i + 1;
          if (strLen - start <= limit) return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const {
        implicitKey
      } = ctx;
      const {
        jsonEncoding,
        minMultiLineLength
      } = strOptions.doubleQuoted;
      const json = JSON.stringify(value);
      if (jsonEncoding) return json;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\") switch (json[i + 1]) {
          case "u":
            {
              str += json.slice(start, i);
              const code = json.substr(i + 2, 4);
              switch (code) {
                case "0000":
                  str += "\\0";
                  break;
                case "0007":
                  str += "\\a";
                  break;
                case "000b":
                  str += "\\v";
                  break;
                case "001b":
                  str += "\\e";
                  break;
                case "0085":
                  str += "\\N";
                  break;
                case "00a0":
                  str += "\\_";
                  break;
                case "2028":
                  str += "\\L";
                  break;
                case "2029":
                  str += "\\P";
                  break;
                default:
                  if (code.substr(0, 2) === "00") str += "\\x" + code.substr(2);
                  else str += json.substr(i, 6);
              }
              i += 5;
              start = i + 1;
            }
            break;
          case "n":
            if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
              i += 1;
            } else {
              str += json.slice(start, i) + "\n\n";
              while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                str += "\n";
                i += 2;
              }
              str += indent;
              if (json[i + 2] === " ") str += "\\";
              i += 1;
              start = i + 1;
            }
            break;
          default:
            i += 1;
        }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.implicitKey) {
        if (/\n/.test(value)) return doubleQuotedString(value, ctx);
      } else {
        if (/[ \t]\n|\n[ \t]/.test(value)) return doubleQuotedString(value, ctx);
      }
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx));
    }
    function blockString({
      comment,
      type,
      value
    }, ctx, onComment, onChompKeep) {
      if (/\n[\t ]+$/.test(value) || /^\s*$/.test(value)) {
        return doubleQuotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const indentSize = indent ? "2" : "1";
      const literal = type === PlainValue.Type.BLOCK_FOLDED ? false : type === PlainValue.Type.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, strOptions.fold.lineWidth, indent.length);
      let header = literal ? "|" : ">";
      if (!value) return header + "\n";
      let wsStart = "";
      let wsEnd = "";
      value = value.replace(/[\n\t ]*$/, (ws) => {
        const n = ws.indexOf("\n");
        if (n === -1) {
          header += "-";
        } else if (value === ws || n !== ws.length - 1) {
          header += "+";
          if (onChompKeep) onChompKeep();
        }
        wsEnd = ws.replace(/\n$/, "");
        return "";
      }).replace(/^[\n ]*/, (ws) => {
        if (ws.indexOf(" ") !== -1) header += indentSize;
        const m = ws.match(/ +$/);
        if (m) {
          wsStart = ws.slice(0, -m[0].length);
          return m[0];
        } else {
          wsStart = ws;
          return "";
        }
      });
      if (wsEnd) wsEnd = wsEnd.replace(/\n+(?!\n|$)/g, `$&${indent}`);
      if (wsStart) wsStart = wsStart.replace(/\n+/g, `$&${indent}`);
      if (comment) {
        header += " #" + comment.replace(/ ?[\r\n]+/g, " ");
        if (onComment) onComment();
      }
      if (!value) return `${header}${indentSize}
${indent}${wsEnd}`;
      if (literal) {
        value = value.replace(/\n+/g, `$&${indent}`);
        return `${header}
${indent}${wsStart}${value}${wsEnd}`;
      }
      value = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
      const body = foldFlowLines(`${wsStart}${value}${wsEnd}`, indent, FOLD_BLOCK, strOptions.fold);
      return `${header}
${indent}${body}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const {
        comment,
        type,
        value
      } = item;
      const {
        actualString,
        implicitKey,
        indent,
        inFlow
      } = ctx;
      if (implicitKey && /[\n[\]{},]/.test(value) || inFlow && /[[\]{},]/.test(value)) {
        return doubleQuotedString(value, ctx);
      }
      if (!value || /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || value.indexOf("\n") === -1 ? value.indexOf('"') !== -1 && value.indexOf("'") === -1 ? singleQuotedString(value, ctx) : doubleQuotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== PlainValue.Type.PLAIN && value.indexOf("\n") !== -1) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (indent === "" && containsDocumentMarker(value)) {
        ctx.forceBlockIndent = true;
        return blockString(item, ctx, onComment, onChompKeep);
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const {
          tags
        } = ctx.doc.schema;
        const resolved = resolveScalar(str, tags, tags.scalarFallback).value;
        if (typeof resolved !== "string") return doubleQuotedString(value, ctx);
      }
      const body = implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx));
      if (comment && !inFlow && (body.indexOf("\n") !== -1 || comment.indexOf("\n") !== -1)) {
        if (onComment) onComment();
        return addCommentBefore(body, indent, comment);
      }
      return body;
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const {
        defaultType
      } = strOptions;
      const {
        implicitKey,
        inFlow
      } = ctx;
      let {
        type,
        value
      } = item;
      if (typeof value !== "string") {
        value = String(value);
        item = Object.assign({}, item, {
          value
        });
      }
      const _stringify = (_type) => {
        switch (_type) {
          case PlainValue.Type.BLOCK_FOLDED:
          case PlainValue.Type.BLOCK_LITERAL:
            return blockString(item, ctx, onComment, onChompKeep);
          case PlainValue.Type.QUOTE_DOUBLE:
            return doubleQuotedString(value, ctx);
          case PlainValue.Type.QUOTE_SINGLE:
            return singleQuotedString(value, ctx);
          case PlainValue.Type.PLAIN:
            return plainString(item, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      if (type !== PlainValue.Type.QUOTE_DOUBLE && /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(value)) {
        type = PlainValue.Type.QUOTE_DOUBLE;
      } else if ((implicitKey || inFlow) && (type === PlainValue.Type.BLOCK_FOLDED || type === PlainValue.Type.BLOCK_LITERAL)) {
        type = PlainValue.Type.QUOTE_DOUBLE;
      }
      let res = _stringify(type);
      if (res === null) {
        res = _stringify(defaultType);
        if (res === null) throw new Error(`Unsupported default string type ${defaultType}`);
      }
      return res;
    }
    function stringifyNumber({
      format,
      minFractionDigits,
      tag,
      value
    }) {
      if (typeof value === "bigint") return String(value);
      if (!isFinite(value)) return isNaN(value) ? ".nan" : value < 0 ? "-.inf" : ".inf";
      let n = JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^\d/.test(n)) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0) n += "0";
      }
      return n;
    }
    function checkFlowCollectionEnd(errors, cst) {
      let char, name;
      switch (cst.type) {
        case PlainValue.Type.FLOW_MAP:
          char = "}";
          name = "flow map";
          break;
        case PlainValue.Type.FLOW_SEQ:
          char = "]";
          name = "flow sequence";
          break;
        default:
          errors.push(new PlainValue.YAMLSemanticError(cst, "Not a flow collection!?"));
          return;
      }
      let lastItem;
      for (let i = cst.items.length - 1; i >= 0; --i) {
        const item = cst.items[i];
        if (!item || item.type !== PlainValue.Type.COMMENT) {
          lastItem = item;
          break;
        }
      }
      if (lastItem && lastItem.char !== char) {
        const msg = `Expected ${name} to end with ${char}`;
        let err;
        if (typeof lastItem.offset === "number") {
          err = new PlainValue.YAMLSemanticError(cst, msg);
          err.offset = lastItem.offset + 1;
        } else {
          err = new PlainValue.YAMLSemanticError(lastItem, msg);
          if (lastItem.range && lastItem.range.end) err.offset = lastItem.range.end - lastItem.range.start;
        }
        errors.push(err);
      }
    }
    function checkFlowCommentSpace(errors, comment) {
      const prev = comment.context.src[comment.range.start - 1];
      if (prev !== "\n" && prev !== "	" && prev !== " ") {
        const msg = "Comments must be separated from other tokens by white space characters";
        errors.push(new PlainValue.YAMLSemanticError(comment, msg));
      }
    }
    function getLongKeyError(source, key) {
      const sk = String(key);
      const k = sk.substr(0, 8) + "..." + sk.substr(-8);
      return new PlainValue.YAMLSemanticError(source, `The "${k}" key is too long`);
    }
    function resolveComments(collection, comments) {
      for (const {
        afterKey,
        before,
        comment
      } of comments) {
        let item = collection.items[before];
        if (!item) {
          if (comment !== void 0) {
            if (collection.comment) collection.comment += "\n" + comment;
            else collection.comment = comment;
          }
        } else {
          if (afterKey && item.value) item = item.value;
          if (comment === void 0) {
            if (afterKey || !item.commentBefore) item.spaceBefore = true;
          } else {
            if (item.commentBefore) item.commentBefore += "\n" + comment;
            else item.commentBefore = comment;
          }
        }
      }
    }
    function resolveString(doc, node) {
      const res = node.strValue;
      if (!res) return "";
      if (typeof res === "string") return res;
      res.errors.forEach((error) => {
        if (!error.source) error.source = node;
        doc.errors.push(error);
      });
      return res.str;
    }
    function resolveTagHandle(doc, node) {
      const {
        handle,
        suffix
      } = node.tag;
      let prefix = doc.tagPrefixes.find((p) => p.handle === handle);
      if (!prefix) {
        const dtp = doc.getDefaults().tagPrefixes;
        if (dtp) prefix = dtp.find((p) => p.handle === handle);
        if (!prefix) throw new PlainValue.YAMLSemanticError(node, `The ${handle} tag handle is non-default and was not declared.`);
      }
      if (!suffix) throw new PlainValue.YAMLSemanticError(node, `The ${handle} tag has no suffix.`);
      if (handle === "!" && (doc.version || doc.options.version) === "1.0") {
        if (suffix[0] === "^") {
          doc.warnings.push(new PlainValue.YAMLWarning(node, "YAML 1.0 ^ tag expansion is not supported"));
          return suffix;
        }
        if (/[:/]/.test(suffix)) {
          const vocab = suffix.match(/^([a-z0-9-]+)\/(.*)/i);
          return vocab ? `tag:${vocab[1]}.yaml.org,2002:${vocab[2]}` : `tag:${suffix}`;
        }
      }
      return prefix.prefix + decodeURIComponent(suffix);
    }
    function resolveTagName(doc, node) {
      const {
        tag,
        type
      } = node;
      let nonSpecific = false;
      if (tag) {
        const {
          handle,
          suffix,
          verbatim
        } = tag;
        if (verbatim) {
          if (verbatim !== "!" && verbatim !== "!!") return verbatim;
          const msg = `Verbatim tags aren't resolved, so ${verbatim} is invalid.`;
          doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
        } else if (handle === "!" && !suffix) {
          nonSpecific = true;
        } else {
          try {
            return resolveTagHandle(doc, node);
          } catch (error) {
            doc.errors.push(error);
          }
        }
      }
      switch (type) {
        case PlainValue.Type.BLOCK_FOLDED:
        case PlainValue.Type.BLOCK_LITERAL:
        case PlainValue.Type.QUOTE_DOUBLE:
        case PlainValue.Type.QUOTE_SINGLE:
          return PlainValue.defaultTags.STR;
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.MAP:
          return PlainValue.defaultTags.MAP;
        case PlainValue.Type.FLOW_SEQ:
        case PlainValue.Type.SEQ:
          return PlainValue.defaultTags.SEQ;
        case PlainValue.Type.PLAIN:
          return nonSpecific ? PlainValue.defaultTags.STR : null;
        default:
          return null;
      }
    }
    function resolveByTagName(doc, node, tagName) {
      const {
        tags
      } = doc.schema;
      const matchWithTest = [];
      for (const tag of tags) {
        if (tag.tag === tagName) {
          if (tag.test) matchWithTest.push(tag);
          else {
            const res = tag.resolve(doc, node);
            return res instanceof Collection ? res : new Scalar(res);
          }
        }
      }
      const str = resolveString(doc, node);
      if (typeof str === "string" && matchWithTest.length > 0) return resolveScalar(str, matchWithTest, tags.scalarFallback);
      return null;
    }
    function getFallbackTagName({
      type
    }) {
      switch (type) {
        case PlainValue.Type.FLOW_MAP:
        case PlainValue.Type.MAP:
          return PlainValue.defaultTags.MAP;
        case PlainValue.Type.FLOW_SEQ:
        case PlainValue.Type.SEQ:
          return PlainValue.defaultTags.SEQ;
        default:
          return PlainValue.defaultTags.STR;
      }
    }
    function resolveTag(doc, node, tagName) {
      try {
        const res = resolveByTagName(doc, node, tagName);
        if (res) {
          if (tagName && node.tag) res.tag = tagName;
          return res;
        }
      } catch (error) {
        if (error instanceof PlainValue.YAMLError) {
          if (!error.source) error.source = node;
          doc.errors.push(error);
        } else {
          const msg = error instanceof Error ? error.message : String(error);
          doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
        }
        return null;
      }
      try {
        const fallback = getFallbackTagName(node);
        if (!fallback) throw new Error(`The tag ${tagName} is unavailable`);
        const msg = `The tag ${tagName} is unavailable, falling back to ${fallback}`;
        doc.warnings.push(new PlainValue.YAMLWarning(node, msg));
        const res = resolveByTagName(doc, node, fallback);
        res.tag = tagName;
        return res;
      } catch (error) {
        const refError = new PlainValue.YAMLReferenceError(node, error.message);
        refError.stack = error.stack;
        doc.errors.push(refError);
        return null;
      }
    }
    var isCollectionItem = (node) => {
      if (!node) return false;
      const {
        type
      } = node;
      return type === PlainValue.Type.MAP_KEY || type === PlainValue.Type.MAP_VALUE || type === PlainValue.Type.SEQ_ITEM;
    };
    function resolveNodeProps(errors, node) {
      const comments = {
        before: [],
        after: []
      };
      let hasAnchor = false;
      let hasTag = false;
      const props = isCollectionItem(node.context.parent) ? node.context.parent.props.concat(node.props) : node.props;
      for (const {
        start,
        end
      } of props) {
        switch (node.context.src[start]) {
          case PlainValue.Char.COMMENT: {
            if (!node.commentHasRequiredWhitespace(start)) {
              const msg = "Comments must be separated from other tokens by white space characters";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            const {
              header,
              valueRange
            } = node;
            const cc = valueRange && (start > valueRange.start || header && start > header.start) ? comments.after : comments.before;
            cc.push(node.context.src.slice(start + 1, end));
            break;
          }
          // Actual anchor & tag resolution is handled by schema, here we just complain
          case PlainValue.Char.ANCHOR:
            if (hasAnchor) {
              const msg = "A node can have at most one anchor";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            hasAnchor = true;
            break;
          case PlainValue.Char.TAG:
            if (hasTag) {
              const msg = "A node can have at most one tag";
              errors.push(new PlainValue.YAMLSemanticError(node, msg));
            }
            hasTag = true;
            break;
        }
      }
      return {
        comments,
        hasAnchor,
        hasTag
      };
    }
    function resolveNodeValue(doc, node) {
      const {
        anchors,
        errors,
        schema
      } = doc;
      if (node.type === PlainValue.Type.ALIAS) {
        const name = node.rawValue;
        const src = anchors.getNode(name);
        if (!src) {
          const msg = `Aliased anchor not found: ${name}`;
          errors.push(new PlainValue.YAMLReferenceError(node, msg));
          return null;
        }
        const res = new Alias(src);
        anchors._cstAliases.push(res);
        return res;
      }
      const tagName = resolveTagName(doc, node);
      if (tagName) return resolveTag(doc, node, tagName);
      if (node.type !== PlainValue.Type.PLAIN) {
        const msg = `Failed to resolve ${node.type} node here`;
        errors.push(new PlainValue.YAMLSyntaxError(node, msg));
        return null;
      }
      try {
        const str = resolveString(doc, node);
        return resolveScalar(str, schema.tags, schema.tags.scalarFallback);
      } catch (error) {
        if (!error.source) error.source = node;
        errors.push(error);
        return null;
      }
    }
    function resolveNode(doc, node) {
      if (!node) return null;
      if (node.error) doc.errors.push(node.error);
      const {
        comments,
        hasAnchor,
        hasTag
      } = resolveNodeProps(doc.errors, node);
      if (hasAnchor) {
        const {
          anchors
        } = doc;
        const name = node.anchor;
        const prev = anchors.getNode(name);
        if (prev) anchors.map[anchors.newName(name)] = prev;
        anchors.map[name] = node;
      }
      if (node.type === PlainValue.Type.ALIAS && (hasAnchor || hasTag)) {
        const msg = "An alias node must not specify any properties";
        doc.errors.push(new PlainValue.YAMLSemanticError(node, msg));
      }
      const res = resolveNodeValue(doc, node);
      if (res) {
        res.range = [node.range.start, node.range.end];
        if (doc.options.keepCstNodes) res.cstNode = node;
        if (doc.options.keepNodeTypes) res.type = node.type;
        const cb = comments.before.join("\n");
        if (cb) {
          res.commentBefore = res.commentBefore ? `${res.commentBefore}
${cb}` : cb;
        }
        const ca = comments.after.join("\n");
        if (ca) res.comment = res.comment ? `${res.comment}
${ca}` : ca;
      }
      return node.resolved = res;
    }
    function resolveMap(doc, cst) {
      if (cst.type !== PlainValue.Type.MAP && cst.type !== PlainValue.Type.FLOW_MAP) {
        const msg = `A ${cst.type} node cannot be resolved as a mapping`;
        doc.errors.push(new PlainValue.YAMLSyntaxError(cst, msg));
        return null;
      }
      const {
        comments,
        items
      } = cst.type === PlainValue.Type.FLOW_MAP ? resolveFlowMapItems(doc, cst) : resolveBlockMapItems(doc, cst);
      const map = new YAMLMap();
      map.items = items;
      resolveComments(map, comments);
      let hasCollectionKey = false;
      for (let i = 0; i < items.length; ++i) {
        const {
          key: iKey
        } = items[i];
        if (iKey instanceof Collection) hasCollectionKey = true;
        if (doc.schema.merge && iKey && iKey.value === MERGE_KEY) {
          items[i] = new Merge(items[i]);
          const sources = items[i].value.items;
          let error = null;
          sources.some((node) => {
            if (node instanceof Alias) {
              const {
                type
              } = node.source;
              if (type === PlainValue.Type.MAP || type === PlainValue.Type.FLOW_MAP) return false;
              return error = "Merge nodes aliases can only point to maps";
            }
            return error = "Merge nodes can only have Alias nodes as values";
          });
          if (error) doc.errors.push(new PlainValue.YAMLSemanticError(cst, error));
        } else {
          for (let j = i + 1; j < items.length; ++j) {
            const {
              key: jKey
            } = items[j];
            if (iKey === jKey || iKey && jKey && Object.prototype.hasOwnProperty.call(iKey, "value") && iKey.value === jKey.value) {
              const msg = `Map keys must be unique; "${iKey}" is repeated`;
              doc.errors.push(new PlainValue.YAMLSemanticError(cst, msg));
              break;
            }
          }
        }
      }
      if (hasCollectionKey && !doc.options.mapAsMap) {
        const warn = "Keys with collection values will be stringified as YAML due to JS Object restrictions. Use mapAsMap: true to avoid this.";
        doc.warnings.push(new PlainValue.YAMLWarning(cst, warn));
      }
      cst.resolved = map;
      return map;
    }
    var valueHasPairComment = ({
      context: {
        lineStart,
        node,
        src
      },
      props
    }) => {
      if (props.length === 0) return false;
      const {
        start
      } = props[0];
      if (node && start > node.valueRange.start) return false;
      if (src[start] !== PlainValue.Char.COMMENT) return false;
      for (let i = lineStart; i < start; ++i) if (src[i] === "\n") return false;
      return true;
    };
    function resolvePairComment(item, pair) {
      if (!valueHasPairComment(item)) return;
      const comment = item.getPropValue(0, PlainValue.Char.COMMENT, true);
      let found = false;
      const cb = pair.value.commentBefore;
      if (cb && cb.startsWith(comment)) {
        pair.value.commentBefore = cb.substr(comment.length + 1);
        found = true;
      } else {
        const cc = pair.value.comment;
        if (!item.node && cc && cc.startsWith(comment)) {
          pair.value.comment = cc.substr(comment.length + 1);
          found = true;
        }
      }
      if (found) pair.comment = comment;
    }
    function resolveBlockMapItems(doc, cst) {
      const comments = [];
      const items = [];
      let key = void 0;
      let keyStart = null;
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        switch (item.type) {
          case PlainValue.Type.BLANK_LINE:
            comments.push({
              afterKey: !!key,
              before: items.length
            });
            break;
          case PlainValue.Type.COMMENT:
            comments.push({
              afterKey: !!key,
              before: items.length,
              comment: item.comment
            });
            break;
          case PlainValue.Type.MAP_KEY:
            if (key !== void 0) items.push(new Pair(key));
            if (item.error) doc.errors.push(item.error);
            key = resolveNode(doc, item.node);
            keyStart = null;
            break;
          case PlainValue.Type.MAP_VALUE:
            {
              if (key === void 0) key = null;
              if (item.error) doc.errors.push(item.error);
              if (!item.context.atLineStart && item.node && item.node.type === PlainValue.Type.MAP && !item.node.context.atLineStart) {
                const msg = "Nested mappings are not allowed in compact mappings";
                doc.errors.push(new PlainValue.YAMLSemanticError(item.node, msg));
              }
              let valueNode = item.node;
              if (!valueNode && item.props.length > 0) {
                valueNode = new PlainValue.PlainValue(PlainValue.Type.PLAIN, []);
                valueNode.context = {
                  parent: item,
                  src: item.context.src
                };
                const pos = item.range.start + 1;
                valueNode.range = {
                  start: pos,
                  end: pos
                };
                valueNode.valueRange = {
                  start: pos,
                  end: pos
                };
                if (typeof item.range.origStart === "number") {
                  const origPos = item.range.origStart + 1;
                  valueNode.range.origStart = valueNode.range.origEnd = origPos;
                  valueNode.valueRange.origStart = valueNode.valueRange.origEnd = origPos;
                }
              }
              const pair = new Pair(key, resolveNode(doc, valueNode));
              resolvePairComment(item, pair);
              items.push(pair);
              if (key && typeof keyStart === "number") {
                if (item.range.start > keyStart + 1024) doc.errors.push(getLongKeyError(cst, key));
              }
              key = void 0;
              keyStart = null;
            }
            break;
          default:
            if (key !== void 0) items.push(new Pair(key));
            key = resolveNode(doc, item);
            keyStart = item.range.start;
            if (item.error) doc.errors.push(item.error);
            next: for (let j = i + 1; ; ++j) {
              const nextItem = cst.items[j];
              switch (nextItem && nextItem.type) {
                case PlainValue.Type.BLANK_LINE:
                case PlainValue.Type.COMMENT:
                  continue next;
                case PlainValue.Type.MAP_VALUE:
                  break next;
                default: {
                  const msg = "Implicit map keys need to be followed by map values";
                  doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
                  break next;
                }
              }
            }
            if (item.valueRangeContainsNewline) {
              const msg = "Implicit map keys need to be on a single line";
              doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
            }
        }
      }
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    function resolveFlowMapItems(doc, cst) {
      const comments = [];
      const items = [];
      let key = void 0;
      let explicitKey = false;
      let next = "{";
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        if (typeof item.char === "string") {
          const {
            char,
            offset
          } = item;
          if (char === "?" && key === void 0 && !explicitKey) {
            explicitKey = true;
            next = ":";
            continue;
          }
          if (char === ":") {
            if (key === void 0) key = null;
            if (next === ":") {
              next = ",";
              continue;
            }
          } else {
            if (explicitKey) {
              if (key === void 0 && char !== ",") key = null;
              explicitKey = false;
            }
            if (key !== void 0) {
              items.push(new Pair(key));
              key = void 0;
              if (char === ",") {
                next = ":";
                continue;
              }
            }
          }
          if (char === "}") {
            if (i === cst.items.length - 1) continue;
          } else if (char === next) {
            next = ":";
            continue;
          }
          const msg = `Flow map contains an unexpected ${char}`;
          const err = new PlainValue.YAMLSyntaxError(cst, msg);
          err.offset = offset;
          doc.errors.push(err);
        } else if (item.type === PlainValue.Type.BLANK_LINE) {
          comments.push({
            afterKey: !!key,
            before: items.length
          });
        } else if (item.type === PlainValue.Type.COMMENT) {
          checkFlowCommentSpace(doc.errors, item);
          comments.push({
            afterKey: !!key,
            before: items.length,
            comment: item.comment
          });
        } else if (key === void 0) {
          if (next === ",") doc.errors.push(new PlainValue.YAMLSemanticError(item, "Separator , missing in flow map"));
          key = resolveNode(doc, item);
        } else {
          if (next !== ",") doc.errors.push(new PlainValue.YAMLSemanticError(item, "Indicator : missing in flow map entry"));
          items.push(new Pair(key, resolveNode(doc, item)));
          key = void 0;
          explicitKey = false;
        }
      }
      checkFlowCollectionEnd(doc.errors, cst);
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    function resolveSeq(doc, cst) {
      if (cst.type !== PlainValue.Type.SEQ && cst.type !== PlainValue.Type.FLOW_SEQ) {
        const msg = `A ${cst.type} node cannot be resolved as a sequence`;
        doc.errors.push(new PlainValue.YAMLSyntaxError(cst, msg));
        return null;
      }
      const {
        comments,
        items
      } = cst.type === PlainValue.Type.FLOW_SEQ ? resolveFlowSeqItems(doc, cst) : resolveBlockSeqItems(doc, cst);
      const seq = new YAMLSeq();
      seq.items = items;
      resolveComments(seq, comments);
      if (!doc.options.mapAsMap && items.some((it) => it instanceof Pair && it.key instanceof Collection)) {
        const warn = "Keys with collection values will be stringified as YAML due to JS Object restrictions. Use mapAsMap: true to avoid this.";
        doc.warnings.push(new PlainValue.YAMLWarning(cst, warn));
      }
      cst.resolved = seq;
      return seq;
    }
    function resolveBlockSeqItems(doc, cst) {
      const comments = [];
      const items = [];
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        switch (item.type) {
          case PlainValue.Type.BLANK_LINE:
            comments.push({
              before: items.length
            });
            break;
          case PlainValue.Type.COMMENT:
            comments.push({
              comment: item.comment,
              before: items.length
            });
            break;
          case PlainValue.Type.SEQ_ITEM:
            if (item.error) doc.errors.push(item.error);
            items.push(resolveNode(doc, item.node));
            if (item.hasProps) {
              const msg = "Sequence items cannot have tags or anchors before the - indicator";
              doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
            }
            break;
          default:
            if (item.error) doc.errors.push(item.error);
            doc.errors.push(new PlainValue.YAMLSyntaxError(item, `Unexpected ${item.type} node in sequence`));
        }
      }
      return {
        comments,
        items
      };
    }
    function resolveFlowSeqItems(doc, cst) {
      const comments = [];
      const items = [];
      let explicitKey = false;
      let key = void 0;
      let keyStart = null;
      let next = "[";
      let prevItem = null;
      for (let i = 0; i < cst.items.length; ++i) {
        const item = cst.items[i];
        if (typeof item.char === "string") {
          const {
            char,
            offset
          } = item;
          if (char !== ":" && (explicitKey || key !== void 0)) {
            if (explicitKey && key === void 0) key = next ? items.pop() : null;
            items.push(new Pair(key));
            explicitKey = false;
            key = void 0;
            keyStart = null;
          }
          if (char === next) {
            next = null;
          } else if (!next && char === "?") {
            explicitKey = true;
          } else if (next !== "[" && char === ":" && key === void 0) {
            if (next === ",") {
              key = items.pop();
              if (key instanceof Pair) {
                const msg = "Chaining flow sequence pairs is invalid";
                const err = new PlainValue.YAMLSemanticError(cst, msg);
                err.offset = offset;
                doc.errors.push(err);
              }
              if (!explicitKey && typeof keyStart === "number") {
                const keyEnd = item.range ? item.range.start : item.offset;
                if (keyEnd > keyStart + 1024) doc.errors.push(getLongKeyError(cst, key));
                const {
                  src
                } = prevItem.context;
                for (let i2 = keyStart; i2 < keyEnd; ++i2) if (src[i2] === "\n") {
                  const msg = "Implicit keys of flow sequence pairs need to be on a single line";
                  doc.errors.push(new PlainValue.YAMLSemanticError(prevItem, msg));
                  break;
                }
              }
            } else {
              key = null;
            }
            keyStart = null;
            explicitKey = false;
            next = null;
          } else if (next === "[" || char !== "]" || i < cst.items.length - 1) {
            const msg = `Flow sequence contains an unexpected ${char}`;
            const err = new PlainValue.YAMLSyntaxError(cst, msg);
            err.offset = offset;
            doc.errors.push(err);
          }
        } else if (item.type === PlainValue.Type.BLANK_LINE) {
          comments.push({
            before: items.length
          });
        } else if (item.type === PlainValue.Type.COMMENT) {
          checkFlowCommentSpace(doc.errors, item);
          comments.push({
            comment: item.comment,
            before: items.length
          });
        } else {
          if (next) {
            const msg = `Expected a ${next} in flow sequence`;
            doc.errors.push(new PlainValue.YAMLSemanticError(item, msg));
          }
          const value = resolveNode(doc, item);
          if (key === void 0) {
            items.push(value);
            prevItem = item;
          } else {
            items.push(new Pair(key, value));
            key = void 0;
          }
          keyStart = item.range.start;
          next = ",";
        }
      }
      checkFlowCollectionEnd(doc.errors, cst);
      if (key !== void 0) items.push(new Pair(key));
      return {
        comments,
        items
      };
    }
    exports.Alias = Alias;
    exports.Collection = Collection;
    exports.Merge = Merge;
    exports.Node = Node;
    exports.Pair = Pair;
    exports.Scalar = Scalar;
    exports.YAMLMap = YAMLMap;
    exports.YAMLSeq = YAMLSeq;
    exports.addComment = addComment;
    exports.binaryOptions = binaryOptions;
    exports.boolOptions = boolOptions;
    exports.findPair = findPair;
    exports.intOptions = intOptions;
    exports.isEmptyPath = isEmptyPath;
    exports.nullOptions = nullOptions;
    exports.resolveMap = resolveMap;
    exports.resolveNode = resolveNode;
    exports.resolveSeq = resolveSeq;
    exports.resolveString = resolveString;
    exports.strOptions = strOptions;
    exports.stringifyNumber = stringifyNumber;
    exports.stringifyString = stringifyString;
    exports.toJSON = toJSON;
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/warnings-793925ce.js
var require_warnings_793925ce = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/warnings-793925ce.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve: (doc, node) => {
        const src = resolveSeq.resolveString(doc, node);
        if (typeof Buffer === "function") {
          return Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i) buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          const msg = "This environment does not support reading binary tags; either Buffer or atob is required";
          doc.errors.push(new PlainValue.YAMLReferenceError(node, msg));
          return null;
        }
      },
      options: resolveSeq.binaryOptions,
      stringify: ({
        comment,
        type,
        value
      }, ctx, onComment, onChompKeep) => {
        let src;
        if (typeof Buffer === "function") {
          src = value instanceof Buffer ? value.toString("base64") : Buffer.from(value.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < value.length; ++i) s += String.fromCharCode(value[i]);
          src = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        if (!type) type = resolveSeq.binaryOptions.defaultType;
        if (type === PlainValue.Type.QUOTE_DOUBLE) {
          value = src;
        } else {
          const {
            lineWidth
          } = resolveSeq.binaryOptions;
          const n = Math.ceil(src.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = src.substr(o, lineWidth);
          }
          value = lines.join(type === PlainValue.Type.BLOCK_LITERAL ? "\n" : " ");
        }
        return resolveSeq.stringifyString({
          comment,
          type,
          value
        }, ctx, onComment, onChompKeep);
      }
    };
    function parsePairs(doc, cst) {
      const seq = resolveSeq.resolveSeq(doc, cst);
      for (let i = 0; i < seq.items.length; ++i) {
        let item = seq.items[i];
        if (item instanceof resolveSeq.Pair) continue;
        else if (item instanceof resolveSeq.YAMLMap) {
          if (item.items.length > 1) {
            const msg = "Each pair must have its own sequence indicator";
            throw new PlainValue.YAMLSemanticError(cst, msg);
          }
          const pair = item.items[0] || new resolveSeq.Pair();
          if (item.commentBefore) pair.commentBefore = pair.commentBefore ? `${item.commentBefore}
${pair.commentBefore}` : item.commentBefore;
          if (item.comment) pair.comment = pair.comment ? `${item.comment}
${pair.comment}` : item.comment;
          item = pair;
        }
        seq.items[i] = item instanceof resolveSeq.Pair ? item : new resolveSeq.Pair(item);
      }
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const pairs2 = new resolveSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      for (const it of iterable) {
        let key, value;
        if (Array.isArray(it)) {
          if (it.length === 2) {
            key = it[0];
            value = it[1];
          } else throw new TypeError(`Expected [key, value] tuple: ${it}`);
        } else if (it && it instanceof Object) {
          const keys = Object.keys(it);
          if (keys.length === 1) {
            key = keys[0];
            value = it[key];
          } else throw new TypeError(`Expected { key: value } tuple: ${it}`);
        } else {
          key = it;
        }
        const pair = schema.createPair(key, value, ctx);
        pairs2.items.push(pair);
      }
      return pairs2;
    }
    var pairs = {
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: parsePairs,
      createNode: createPairs
    };
    var YAMLOMap = class _YAMLOMap extends resolveSeq.YAMLSeq {
      constructor() {
        super();
        PlainValue._defineProperty(this, "add", resolveSeq.YAMLMap.prototype.add.bind(this));
        PlainValue._defineProperty(this, "delete", resolveSeq.YAMLMap.prototype.delete.bind(this));
        PlainValue._defineProperty(this, "get", resolveSeq.YAMLMap.prototype.get.bind(this));
        PlainValue._defineProperty(this, "has", resolveSeq.YAMLMap.prototype.has.bind(this));
        PlainValue._defineProperty(this, "set", resolveSeq.YAMLMap.prototype.set.bind(this));
        this.tag = _YAMLOMap.tag;
      }
      toJSON(_, ctx) {
        const map = /* @__PURE__ */ new Map();
        if (ctx && ctx.onCreate) ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (pair instanceof resolveSeq.Pair) {
            key = resolveSeq.toJSON(pair.key, "", ctx);
            value = resolveSeq.toJSON(pair.value, key, ctx);
          } else {
            key = resolveSeq.toJSON(pair, "", ctx);
          }
          if (map.has(key)) throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
    };
    PlainValue._defineProperty(YAMLOMap, "tag", "tag:yaml.org,2002:omap");
    function parseOMap(doc, cst) {
      const pairs2 = parsePairs(doc, cst);
      const seenKeys = [];
      for (const {
        key
      } of pairs2.items) {
        if (key instanceof resolveSeq.Scalar) {
          if (seenKeys.includes(key.value)) {
            const msg = "Ordered maps must not include duplicate keys";
            throw new PlainValue.YAMLSemanticError(cst, msg);
          } else {
            seenKeys.push(key.value);
          }
        }
      }
      return Object.assign(new YAMLOMap(), pairs2);
    }
    function createOMap(schema, iterable, ctx) {
      const pairs2 = createPairs(schema, iterable, ctx);
      const omap2 = new YAMLOMap();
      omap2.items = pairs2.items;
      return omap2;
    }
    var omap = {
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve: parseOMap,
      createNode: createOMap
    };
    var YAMLSet = class _YAMLSet extends resolveSeq.YAMLMap {
      constructor() {
        super();
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        const pair = key instanceof resolveSeq.Pair ? key : new resolveSeq.Pair(key);
        const prev = resolveSeq.findPair(this.items, pair.key);
        if (!prev) this.items.push(pair);
      }
      get(key, keepPair) {
        const pair = resolveSeq.findPair(this.items, key);
        return !keepPair && pair instanceof resolveSeq.Pair ? pair.key instanceof resolveSeq.Scalar ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean") throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = resolveSeq.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new resolveSeq.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx) return JSON.stringify(this);
        if (this.hasAllNullValues()) return super.toString(ctx, onComment, onChompKeep);
        else throw new Error("Set items must all have null values");
      }
    };
    PlainValue._defineProperty(YAMLSet, "tag", "tag:yaml.org,2002:set");
    function parseSet(doc, cst) {
      const map = resolveSeq.resolveMap(doc, cst);
      if (!map.hasAllNullValues()) throw new PlainValue.YAMLSemanticError(cst, "Set items must all have null values");
      return Object.assign(new YAMLSet(), map);
    }
    function createSet(schema, iterable, ctx) {
      const set2 = new YAMLSet();
      for (const value of iterable) set2.items.push(schema.createPair(value, null, ctx));
      return set2;
    }
    var set = {
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      resolve: parseSet,
      createNode: createSet
    };
    var parseSexagesimal = (sign, parts) => {
      const n = parts.split(":").reduce((n2, p) => n2 * 60 + Number(p), 0);
      return sign === "-" ? -n : n;
    };
    var stringifySexagesimal = ({
      value
    }) => {
      if (isNaN(value) || !isFinite(value)) return resolveSeq.stringifyNumber(value);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value = Math.abs(value);
      }
      const parts = [value % 60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = Math.round((value - parts[0]) / 60);
        parts.unshift(value % 60);
        if (value >= 60) {
          value = Math.round((value - parts[0]) / 60);
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => n < 10 ? "0" + String(n) : String(n)).join(":").replace(/000000\d*$/, "");
    };
    var intTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+)$/,
      resolve: (str, sign, parts) => parseSexagesimal(sign, parts.replace(/_/g, "")),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/,
      resolve: (str, sign, parts) => parseSexagesimal(sign, parts.replace(/_/g, "")),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?)$"),
      resolve: (str, year, month, day, hour, minute, second, millisec, tz) => {
        if (millisec) millisec = (millisec + "00").substr(1, 3);
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec || 0);
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz[0], tz.slice(1));
          if (Math.abs(d) < 30) d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({
        value
      }) => value.toISOString().replace(/((T00:00)?:00)?\.000Z$/, "")
    };
    function shouldWarn(deprecation) {
      const env = typeof process !== "undefined" && process.env || {};
      if (deprecation) {
        if (typeof YAML_SILENCE_DEPRECATION_WARNINGS !== "undefined") return !YAML_SILENCE_DEPRECATION_WARNINGS;
        return !env.YAML_SILENCE_DEPRECATION_WARNINGS;
      }
      if (typeof YAML_SILENCE_WARNINGS !== "undefined") return !YAML_SILENCE_WARNINGS;
      return !env.YAML_SILENCE_WARNINGS;
    }
    function warn(warning, type) {
      if (shouldWarn(false)) {
        const emit = typeof process !== "undefined" && process.emitWarning;
        if (emit) emit(warning, type);
        else {
          console.warn(type ? `${type}: ${warning}` : warning);
        }
      }
    }
    function warnFileDeprecation(filename) {
      if (shouldWarn(true)) {
        const path = filename.replace(/.*yaml[/\\]/i, "").replace(/\.js$/, "").replace(/\\/g, "/");
        warn(`The endpoint 'yaml/${path}' will be removed in a future release.`, "DeprecationWarning");
      }
    }
    var warned = {};
    function warnOptionDeprecation(name, alternative) {
      if (!warned[name] && shouldWarn(true)) {
        warned[name] = true;
        let msg = `The option '${name}' will be removed in a future release`;
        msg += alternative ? `, use '${alternative}' instead.` : ".";
        warn(msg, "DeprecationWarning");
      }
    }
    exports.binary = binary;
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.omap = omap;
    exports.pairs = pairs;
    exports.set = set;
    exports.timestamp = timestamp;
    exports.warn = warn;
    exports.warnFileDeprecation = warnFileDeprecation;
    exports.warnOptionDeprecation = warnOptionDeprecation;
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/Schema-bcc6c2d7.js
var require_Schema_bcc6c2d7 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/Schema-bcc6c2d7.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var warnings = require_warnings_793925ce();
    function createMap(schema, obj, ctx) {
      const map2 = new resolveSeq.YAMLMap(schema);
      if (obj instanceof Map) {
        for (const [key, value] of obj) map2.items.push(schema.createPair(key, value, ctx));
      } else if (obj && typeof obj === "object") {
        for (const key of Object.keys(obj)) map2.items.push(schema.createPair(key, obj[key], ctx));
      }
      if (typeof schema.sortMapEntries === "function") {
        map2.items.sort(schema.sortMapEntries);
      }
      return map2;
    }
    var map = {
      createNode: createMap,
      default: true,
      nodeClass: resolveSeq.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve: resolveSeq.resolveMap
    };
    function createSeq(schema, obj, ctx) {
      const seq2 = new resolveSeq.YAMLSeq(schema);
      if (obj && obj[Symbol.iterator]) {
        for (const it of obj) {
          const v = schema.createNode(it, ctx.wrapScalars, null, ctx);
          seq2.items.push(v);
        }
      }
      return seq2;
    }
    var seq = {
      createNode: createSeq,
      default: true,
      nodeClass: resolveSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve: resolveSeq.resolveSeq
    };
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: resolveSeq.resolveString,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({
          actualString: true
        }, ctx);
        return resolveSeq.stringifyString(item, ctx, onComment, onChompKeep);
      },
      options: resolveSeq.strOptions
    };
    var failsafe = [map, seq, string];
    var intIdentify$2 = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve$1 = (src, part, radix) => resolveSeq.intOptions.asBigInt ? BigInt(src) : parseInt(part, radix);
    function intStringify$1(node, radix, prefix) {
      const {
        value
      } = node;
      if (intIdentify$2(value) && value >= 0) return prefix + value.toString(radix);
      return resolveSeq.stringifyNumber(node);
    }
    var nullObj = {
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => null,
      options: resolveSeq.nullOptions,
      stringify: () => resolveSeq.nullOptions.nullStr
    };
    var boolObj = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => str[0] === "t" || str[0] === "T",
      options: resolveSeq.boolOptions,
      stringify: ({
        value
      }) => value ? resolveSeq.boolOptions.trueStr : resolveSeq.boolOptions.falseStr
    };
    var octObj = {
      identify: (value) => intIdentify$2(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o([0-7]+)$/,
      resolve: (str, oct) => intResolve$1(str, oct, 8),
      options: resolveSeq.intOptions,
      stringify: (node) => intStringify$1(node, 8, "0o")
    };
    var intObj = {
      identify: intIdentify$2,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str) => intResolve$1(str, str, 10),
      options: resolveSeq.intOptions,
      stringify: resolveSeq.stringifyNumber
    };
    var hexObj = {
      identify: (value) => intIdentify$2(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x([0-9a-fA-F]+)$/,
      resolve: (str, hex) => intResolve$1(str, hex, 16),
      options: resolveSeq.intOptions,
      stringify: (node) => intStringify$1(node, 16, "0x")
    };
    var nanObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.inf|(\.nan))$/i,
      resolve: (str, nan) => nan ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: resolveSeq.stringifyNumber
    };
    var expObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify: ({
        value
      }) => Number(value).toExponential()
    };
    var floatObj = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.([0-9]+)|[0-9]+\.([0-9]*))$/,
      resolve(str, frac1, frac2) {
        const frac = frac1 || frac2;
        const node = new resolveSeq.Scalar(parseFloat(str));
        if (frac && frac[frac.length - 1] === "0") node.minFractionDigits = frac.length;
        return node;
      },
      stringify: resolveSeq.stringifyNumber
    };
    var core = failsafe.concat([nullObj, boolObj, octObj, intObj, hexObj, nanObj, expObj, floatObj]);
    var intIdentify$1 = (value) => typeof value === "bigint" || Number.isInteger(value);
    var stringifyJSON = ({
      value
    }) => JSON.stringify(value);
    var json = [map, seq, {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: resolveSeq.resolveString,
      stringify: stringifyJSON
    }, {
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^null$/,
      resolve: () => null,
      stringify: stringifyJSON
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^true|false$/,
      resolve: (str) => str === "true",
      stringify: stringifyJSON
    }, {
      identify: intIdentify$1,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^-?(?:0|[1-9][0-9]*)$/,
      resolve: (str) => resolveSeq.intOptions.asBigInt ? BigInt(str) : parseInt(str, 10),
      stringify: ({
        value
      }) => intIdentify$1(value) ? value.toString() : JSON.stringify(value)
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
      resolve: (str) => parseFloat(str),
      stringify: stringifyJSON
    }];
    json.scalarFallback = (str) => {
      throw new SyntaxError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    };
    var boolStringify = ({
      value
    }) => value ? resolveSeq.boolOptions.trueStr : resolveSeq.boolOptions.falseStr;
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(sign, src, radix) {
      let str = src.replace(/_/g, "");
      if (resolveSeq.intOptions.asBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const {
        value
      } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return resolveSeq.stringifyNumber(node);
    }
    var yaml11 = failsafe.concat([{
      identify: (value) => value == null,
      createNode: (schema, value, ctx) => ctx.wrapScalars ? new resolveSeq.Scalar(null) : null,
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => null,
      options: resolveSeq.nullOptions,
      stringify: () => resolveSeq.nullOptions.nullStr
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => true,
      options: resolveSeq.boolOptions,
      stringify: boolStringify
    }, {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/i,
      resolve: () => false,
      options: resolveSeq.boolOptions,
      stringify: boolStringify
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^([-+]?)0b([0-1_]+)$/,
      resolve: (str, sign, bin) => intResolve(sign, bin, 2),
      stringify: (node) => intStringify(node, 2, "0b")
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^([-+]?)0([0-7_]+)$/,
      resolve: (str, sign, oct) => intResolve(sign, oct, 8),
      stringify: (node) => intStringify(node, 8, "0")
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^([-+]?)([0-9][0-9_]*)$/,
      resolve: (str, sign, abs) => intResolve(sign, abs, 10),
      stringify: resolveSeq.stringifyNumber
    }, {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^([-+]?)0x([0-9a-fA-F_]+)$/,
      resolve: (str, sign, hex) => intResolve(sign, hex, 16),
      stringify: (node) => intStringify(node, 16, "0x")
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.inf|(\.nan))$/i,
      resolve: (str, nan) => nan ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: resolveSeq.stringifyNumber
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?([0-9][0-9_]*)?(\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify: ({
        value
      }) => Number(value).toExponential()
    }, {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.([0-9_]*)$/,
      resolve(str, frac) {
        const node = new resolveSeq.Scalar(parseFloat(str.replace(/_/g, "")));
        if (frac) {
          const f = frac.replace(/_/g, "");
          if (f[f.length - 1] === "0") node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: resolveSeq.stringifyNumber
    }], warnings.binary, warnings.omap, warnings.pairs, warnings.set, warnings.intTime, warnings.floatTime, warnings.timestamp);
    var schemas = {
      core,
      failsafe,
      json,
      yaml11
    };
    var tags = {
      binary: warnings.binary,
      bool: boolObj,
      float: floatObj,
      floatExp: expObj,
      floatNaN: nanObj,
      floatTime: warnings.floatTime,
      int: intObj,
      intHex: hexObj,
      intOct: octObj,
      intTime: warnings.intTime,
      map,
      null: nullObj,
      omap: warnings.omap,
      pairs: warnings.pairs,
      seq,
      set: warnings.set,
      timestamp: warnings.timestamp
    };
    function findTagObject(value, tagName, tags2) {
      if (tagName) {
        const match = tags2.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) || match[0];
        if (!tagObj) throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags2.find((t) => (t.identify && t.identify(value) || t.class && value instanceof t.class) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (value instanceof resolveSeq.Node) return value;
      const {
        defaultPrefix,
        onTagObj,
        prevObjects,
        schema,
        wrapScalars
      } = ctx;
      if (tagName && tagName.startsWith("!!")) tagName = defaultPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (typeof value.toJSON === "function") value = value.toJSON();
        if (!value || typeof value !== "object") return wrapScalars ? new resolveSeq.Scalar(value) : value;
        tagObj = value instanceof Map ? map : value[Symbol.iterator] ? seq : map;
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const obj = {
        value: void 0,
        node: void 0
      };
      if (value && typeof value === "object" && prevObjects) {
        const prev = prevObjects.get(value);
        if (prev) {
          const alias = new resolveSeq.Alias(prev);
          ctx.aliasNodes.push(alias);
          return alias;
        }
        obj.value = value;
        prevObjects.set(value, obj);
      }
      obj.node = tagObj.createNode ? tagObj.createNode(ctx.schema, value, ctx) : wrapScalars ? new resolveSeq.Scalar(value) : value;
      if (tagName && obj.node instanceof resolveSeq.Node) obj.node.tag = tagName;
      return obj.node;
    }
    function getSchemaTags(schemas2, knownTags, customTags, schemaId) {
      let tags2 = schemas2[schemaId.replace(/\W/g, "")];
      if (!tags2) {
        const keys = Object.keys(schemas2).map((key) => JSON.stringify(key)).join(", ");
        throw new Error(`Unknown schema "${schemaId}"; use one of ${keys}`);
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags) tags2 = tags2.concat(tag);
      } else if (typeof customTags === "function") {
        tags2 = customTags(tags2.slice());
      }
      for (let i = 0; i < tags2.length; ++i) {
        const tag = tags2[i];
        if (typeof tag === "string") {
          const tagObj = knownTags[tag];
          if (!tagObj) {
            const keys = Object.keys(knownTags).map((key) => JSON.stringify(key)).join(", ");
            throw new Error(`Unknown custom tag "${tag}"; use one of ${keys}`);
          }
          tags2[i] = tagObj;
        }
      }
      return tags2;
    }
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      // TODO: remove in v2
      constructor({
        customTags,
        merge,
        schema,
        sortMapEntries,
        tags: deprecatedCustomTags
      }) {
        this.merge = !!merge;
        this.name = schema;
        this.sortMapEntries = sortMapEntries === true ? sortMapEntriesByKey : sortMapEntries || null;
        if (!customTags && deprecatedCustomTags) warnings.warnOptionDeprecation("tags", "customTags");
        this.tags = getSchemaTags(schemas, tags, customTags || deprecatedCustomTags, schema);
      }
      createNode(value, wrapScalars, tagName, ctx) {
        const baseCtx = {
          defaultPrefix: _Schema.defaultPrefix,
          schema: this,
          wrapScalars
        };
        const createCtx = ctx ? Object.assign(ctx, baseCtx) : baseCtx;
        return createNode(value, tagName, createCtx);
      }
      createPair(key, value, ctx) {
        if (!ctx) ctx = {
          wrapScalars: true
        };
        const k = this.createNode(key, ctx.wrapScalars, null, ctx);
        const v = this.createNode(value, ctx.wrapScalars, null, ctx);
        return new resolveSeq.Pair(k, v);
      }
    };
    PlainValue._defineProperty(Schema, "defaultPrefix", PlainValue.defaultTagPrefix);
    PlainValue._defineProperty(Schema, "defaultTags", PlainValue.defaultTags);
    exports.Schema = Schema;
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/Document-a8d0fbf9.js
var require_Document_a8d0fbf9 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/Document-a8d0fbf9.js"(exports) {
    "use strict";
    var PlainValue = require_PlainValue_516d5bc2();
    var resolveSeq = require_resolveSeq_95613e94();
    var Schema = require_Schema_bcc6c2d7();
    var defaultOptions = {
      anchorPrefix: "a",
      customTags: null,
      indent: 2,
      indentSeq: true,
      keepCstNodes: false,
      keepNodeTypes: true,
      keepBlobsInJSON: true,
      mapAsMap: false,
      maxAliasCount: 100,
      prettyErrors: false,
      // TODO Set true in v2
      simpleKeys: false,
      version: "1.2"
    };
    var scalarOptions = {
      get binary() {
        return resolveSeq.binaryOptions;
      },
      set binary(opt) {
        Object.assign(resolveSeq.binaryOptions, opt);
      },
      get bool() {
        return resolveSeq.boolOptions;
      },
      set bool(opt) {
        Object.assign(resolveSeq.boolOptions, opt);
      },
      get int() {
        return resolveSeq.intOptions;
      },
      set int(opt) {
        Object.assign(resolveSeq.intOptions, opt);
      },
      get null() {
        return resolveSeq.nullOptions;
      },
      set null(opt) {
        Object.assign(resolveSeq.nullOptions, opt);
      },
      get str() {
        return resolveSeq.strOptions;
      },
      set str(opt) {
        Object.assign(resolveSeq.strOptions, opt);
      }
    };
    var documentOptions = {
      "1.0": {
        schema: "yaml-1.1",
        merge: true,
        tagPrefixes: [{
          handle: "!",
          prefix: PlainValue.defaultTagPrefix
        }, {
          handle: "!!",
          prefix: "tag:private.yaml.org,2002:"
        }]
      },
      1.1: {
        schema: "yaml-1.1",
        merge: true,
        tagPrefixes: [{
          handle: "!",
          prefix: "!"
        }, {
          handle: "!!",
          prefix: PlainValue.defaultTagPrefix
        }]
      },
      1.2: {
        schema: "core",
        merge: false,
        tagPrefixes: [{
          handle: "!",
          prefix: "!"
        }, {
          handle: "!!",
          prefix: PlainValue.defaultTagPrefix
        }]
      }
    };
    function stringifyTag(doc, tag) {
      if ((doc.version || doc.options.version) === "1.0") {
        const priv = tag.match(/^tag:private\.yaml\.org,2002:([^:/]+)$/);
        if (priv) return "!" + priv[1];
        const vocab = tag.match(/^tag:([a-zA-Z0-9-]+)\.yaml\.org,2002:(.*)/);
        return vocab ? `!${vocab[1]}/${vocab[2]}` : `!${tag.replace(/^tag:/, "")}`;
      }
      let p = doc.tagPrefixes.find((p2) => tag.indexOf(p2.prefix) === 0);
      if (!p) {
        const dtp = doc.getDefaults().tagPrefixes;
        p = dtp && dtp.find((p2) => tag.indexOf(p2.prefix) === 0);
      }
      if (!p) return tag[0] === "!" ? tag : `!<${tag}>`;
      const suffix = tag.substr(p.prefix.length).replace(/[!,[\]{}]/g, (ch) => ({
        "!": "%21",
        ",": "%2C",
        "[": "%5B",
        "]": "%5D",
        "{": "%7B",
        "}": "%7D"
      })[ch]);
      return p.handle + suffix;
    }
    function getTagObject(tags, item) {
      if (item instanceof resolveSeq.Alias) return resolveSeq.Alias;
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0) return match.find((t) => t.format === item.format) || match[0];
      }
      let tagObj, obj;
      if (item instanceof resolveSeq.Scalar) {
        obj = item.value;
        const match = tags.filter((t) => t.identify && t.identify(obj) || t.class && obj instanceof t.class);
        tagObj = match.find((t) => t.format === item.format) || match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj && obj.constructor ? obj.constructor.name : typeof obj;
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, {
      anchors,
      doc
    }) {
      const props = [];
      const anchor = doc.anchors.getName(node);
      if (anchor) {
        anchors[anchor] = node;
        props.push(`&${anchor}`);
      }
      if (node.tag) {
        props.push(stringifyTag(doc, node.tag));
      } else if (!tagObj.default) {
        props.push(stringifyTag(doc, tagObj.tag));
      }
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      const {
        anchors,
        schema
      } = ctx.doc;
      let tagObj;
      if (!(item instanceof resolveSeq.Node)) {
        const createCtx = {
          aliasNodes: [],
          onTagObj: (o) => tagObj = o,
          prevObjects: /* @__PURE__ */ new Map()
        };
        item = schema.createNode(item, true, null, createCtx);
        for (const alias of createCtx.aliasNodes) {
          alias.source = alias.source.node;
          let name = anchors.getName(alias.source);
          if (!name) {
            name = anchors.newName();
            anchors.map[name] = alias.source;
          }
        }
      }
      if (item instanceof resolveSeq.Pair) return item.toString(ctx, onComment, onChompKeep);
      if (!tagObj) tagObj = getTagObject(schema.tags, item);
      const props = stringifyProps(item, tagObj, ctx);
      if (props.length > 0) ctx.indentAtStart = (ctx.indentAtStart || 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(item, ctx, onComment, onChompKeep) : item instanceof resolveSeq.Scalar ? resolveSeq.stringifyString(item, ctx, onComment, onChompKeep) : item.toString(ctx, onComment, onChompKeep);
      if (!props) return str;
      return item instanceof resolveSeq.Scalar || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    var Anchors = class _Anchors {
      static validAnchorNode(node) {
        return node instanceof resolveSeq.Scalar || node instanceof resolveSeq.YAMLSeq || node instanceof resolveSeq.YAMLMap;
      }
      constructor(prefix) {
        PlainValue._defineProperty(this, "map", /* @__PURE__ */ Object.create(null));
        this.prefix = prefix;
      }
      createAlias(node, name) {
        this.setAnchor(node, name);
        return new resolveSeq.Alias(node);
      }
      createMergePair(...sources) {
        const merge = new resolveSeq.Merge();
        merge.value.items = sources.map((s) => {
          if (s instanceof resolveSeq.Alias) {
            if (s.source instanceof resolveSeq.YAMLMap) return s;
          } else if (s instanceof resolveSeq.YAMLMap) {
            return this.createAlias(s);
          }
          throw new Error("Merge sources must be Map nodes or their Aliases");
        });
        return merge;
      }
      getName(node) {
        const {
          map
        } = this;
        return Object.keys(map).find((a) => map[a] === node);
      }
      getNames() {
        return Object.keys(this.map);
      }
      getNode(name) {
        return this.map[name];
      }
      newName(prefix) {
        if (!prefix) prefix = this.prefix;
        const names = Object.keys(this.map);
        for (let i = 1; true; ++i) {
          const name = `${prefix}${i}`;
          if (!names.includes(name)) return name;
        }
      }
      // During parsing, map & aliases contain CST nodes
      resolveNodes() {
        const {
          map,
          _cstAliases
        } = this;
        Object.keys(map).forEach((a) => {
          map[a] = map[a].resolved;
        });
        _cstAliases.forEach((a) => {
          a.source = a.source.resolved;
        });
        delete this._cstAliases;
      }
      setAnchor(node, name) {
        if (node != null && !_Anchors.validAnchorNode(node)) {
          throw new Error("Anchors may only be set for Scalar, Seq and Map nodes");
        }
        if (name && /[\x00-\x19\s,[\]{}]/.test(name)) {
          throw new Error("Anchor names must not contain whitespace or control characters");
        }
        const {
          map
        } = this;
        const prev = node && Object.keys(map).find((a) => map[a] === node);
        if (prev) {
          if (!name) {
            return prev;
          } else if (prev !== name) {
            delete map[prev];
            map[name] = node;
          }
        } else {
          if (!name) {
            if (!node) return null;
            name = this.newName();
          }
          map[name] = node;
        }
        return name;
      }
    };
    var visit = (node, tags) => {
      if (node && typeof node === "object") {
        const {
          tag
        } = node;
        if (node instanceof resolveSeq.Collection) {
          if (tag) tags[tag] = true;
          node.items.forEach((n) => visit(n, tags));
        } else if (node instanceof resolveSeq.Pair) {
          visit(node.key, tags);
          visit(node.value, tags);
        } else if (node instanceof resolveSeq.Scalar) {
          if (tag) tags[tag] = true;
        }
      }
      return tags;
    };
    var listTagNames = (node) => Object.keys(visit(node, {}));
    function parseContents(doc, contents) {
      const comments = {
        before: [],
        after: []
      };
      let body = void 0;
      let spaceBefore = false;
      for (const node of contents) {
        if (node.valueRange) {
          if (body !== void 0) {
            const msg = "Document contains trailing content not separated by a ... or --- line";
            doc.errors.push(new PlainValue.YAMLSyntaxError(node, msg));
            break;
          }
          const res = resolveSeq.resolveNode(doc, node);
          if (spaceBefore) {
            res.spaceBefore = true;
            spaceBefore = false;
          }
          body = res;
        } else if (node.comment !== null) {
          const cc = body === void 0 ? comments.before : comments.after;
          cc.push(node.comment);
        } else if (node.type === PlainValue.Type.BLANK_LINE) {
          spaceBefore = true;
          if (body === void 0 && comments.before.length > 0 && !doc.commentBefore) {
            doc.commentBefore = comments.before.join("\n");
            comments.before = [];
          }
        }
      }
      doc.contents = body || null;
      if (!body) {
        doc.comment = comments.before.concat(comments.after).join("\n") || null;
      } else {
        const cb = comments.before.join("\n");
        if (cb) {
          const cbNode = body instanceof resolveSeq.Collection && body.items[0] ? body.items[0] : body;
          cbNode.commentBefore = cbNode.commentBefore ? `${cb}
${cbNode.commentBefore}` : cb;
        }
        doc.comment = comments.after.join("\n") || null;
      }
    }
    function resolveTagDirective({
      tagPrefixes
    }, directive) {
      const [handle, prefix] = directive.parameters;
      if (!handle || !prefix) {
        const msg = "Insufficient parameters given for %TAG directive";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      if (tagPrefixes.some((p) => p.handle === handle)) {
        const msg = "The %TAG directive must only be given at most once per handle in the same document.";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      return {
        handle,
        prefix
      };
    }
    function resolveYamlDirective(doc, directive) {
      let [version] = directive.parameters;
      if (directive.name === "YAML:1.0") version = "1.0";
      if (!version) {
        const msg = "Insufficient parameters given for %YAML directive";
        throw new PlainValue.YAMLSemanticError(directive, msg);
      }
      if (!documentOptions[version]) {
        const v0 = doc.version || doc.options.version;
        const msg = `Document will be parsed as YAML ${v0} rather than YAML ${version}`;
        doc.warnings.push(new PlainValue.YAMLWarning(directive, msg));
      }
      return version;
    }
    function parseDirectives(doc, directives, prevDoc) {
      const directiveComments = [];
      let hasDirectives = false;
      for (const directive of directives) {
        const {
          comment,
          name
        } = directive;
        switch (name) {
          case "TAG":
            try {
              doc.tagPrefixes.push(resolveTagDirective(doc, directive));
            } catch (error) {
              doc.errors.push(error);
            }
            hasDirectives = true;
            break;
          case "YAML":
          case "YAML:1.0":
            if (doc.version) {
              const msg = "The %YAML directive must only be given at most once per document.";
              doc.errors.push(new PlainValue.YAMLSemanticError(directive, msg));
            }
            try {
              doc.version = resolveYamlDirective(doc, directive);
            } catch (error) {
              doc.errors.push(error);
            }
            hasDirectives = true;
            break;
          default:
            if (name) {
              const msg = `YAML only supports %TAG and %YAML directives, and not %${name}`;
              doc.warnings.push(new PlainValue.YAMLWarning(directive, msg));
            }
        }
        if (comment) directiveComments.push(comment);
      }
      if (prevDoc && !hasDirectives && "1.1" === (doc.version || prevDoc.version || doc.options.version)) {
        const copyTagPrefix = ({
          handle,
          prefix
        }) => ({
          handle,
          prefix
        });
        doc.tagPrefixes = prevDoc.tagPrefixes.map(copyTagPrefix);
        doc.version = prevDoc.version;
      }
      doc.commentBefore = directiveComments.join("\n") || null;
    }
    function assertCollection(contents) {
      if (contents instanceof resolveSeq.Collection) return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    var Document = class _Document {
      constructor(options) {
        this.anchors = new Anchors(options.anchorPrefix);
        this.commentBefore = null;
        this.comment = null;
        this.contents = null;
        this.directivesEndMarker = null;
        this.errors = [];
        this.options = options;
        this.schema = null;
        this.tagPrefixes = [];
        this.version = null;
        this.warnings = [];
      }
      add(value) {
        assertCollection(this.contents);
        return this.contents.add(value);
      }
      addIn(path, value) {
        assertCollection(this.contents);
        this.contents.addIn(path, value);
      }
      delete(key) {
        assertCollection(this.contents);
        return this.contents.delete(key);
      }
      deleteIn(path) {
        if (resolveSeq.isEmptyPath(path)) {
          if (this.contents == null) return false;
          this.contents = null;
          return true;
        }
        assertCollection(this.contents);
        return this.contents.deleteIn(path);
      }
      getDefaults() {
        return _Document.defaults[this.version] || _Document.defaults[this.options.version] || {};
      }
      get(key, keepScalar) {
        return this.contents instanceof resolveSeq.Collection ? this.contents.get(key, keepScalar) : void 0;
      }
      getIn(path, keepScalar) {
        if (resolveSeq.isEmptyPath(path)) return !keepScalar && this.contents instanceof resolveSeq.Scalar ? this.contents.value : this.contents;
        return this.contents instanceof resolveSeq.Collection ? this.contents.getIn(path, keepScalar) : void 0;
      }
      has(key) {
        return this.contents instanceof resolveSeq.Collection ? this.contents.has(key) : false;
      }
      hasIn(path) {
        if (resolveSeq.isEmptyPath(path)) return this.contents !== void 0;
        return this.contents instanceof resolveSeq.Collection ? this.contents.hasIn(path) : false;
      }
      set(key, value) {
        assertCollection(this.contents);
        this.contents.set(key, value);
      }
      setIn(path, value) {
        if (resolveSeq.isEmptyPath(path)) this.contents = value;
        else {
          assertCollection(this.contents);
          this.contents.setIn(path, value);
        }
      }
      setSchema(id, customTags) {
        if (!id && !customTags && this.schema) return;
        if (typeof id === "number") id = id.toFixed(1);
        if (id === "1.0" || id === "1.1" || id === "1.2") {
          if (this.version) this.version = id;
          else this.options.version = id;
          delete this.options.schema;
        } else if (id && typeof id === "string") {
          this.options.schema = id;
        }
        if (Array.isArray(customTags)) this.options.customTags = customTags;
        const opt = Object.assign({}, this.getDefaults(), this.options);
        this.schema = new Schema.Schema(opt);
      }
      parse(node, prevDoc) {
        if (this.options.keepCstNodes) this.cstNode = node;
        if (this.options.keepNodeTypes) this.type = "DOCUMENT";
        const {
          directives = [],
          contents = [],
          directivesEndMarker,
          error,
          valueRange
        } = node;
        if (error) {
          if (!error.source) error.source = this;
          this.errors.push(error);
        }
        parseDirectives(this, directives, prevDoc);
        if (directivesEndMarker) this.directivesEndMarker = true;
        this.range = valueRange ? [valueRange.start, valueRange.end] : null;
        this.setSchema();
        this.anchors._cstAliases = [];
        parseContents(this, contents);
        this.anchors.resolveNodes();
        if (this.options.prettyErrors) {
          for (const error2 of this.errors) if (error2 instanceof PlainValue.YAMLError) error2.makePretty();
          for (const warn of this.warnings) if (warn instanceof PlainValue.YAMLError) warn.makePretty();
        }
        return this;
      }
      listNonDefaultTags() {
        return listTagNames(this.contents).filter((t) => t.indexOf(Schema.Schema.defaultPrefix) !== 0);
      }
      setTagPrefix(handle, prefix) {
        if (handle[0] !== "!" || handle[handle.length - 1] !== "!") throw new Error("Handle must start and end with !");
        if (prefix) {
          const prev = this.tagPrefixes.find((p) => p.handle === handle);
          if (prev) prev.prefix = prefix;
          else this.tagPrefixes.push({
            handle,
            prefix
          });
        } else {
          this.tagPrefixes = this.tagPrefixes.filter((p) => p.handle !== handle);
        }
      }
      toJSON(arg, onAnchor) {
        const {
          keepBlobsInJSON,
          mapAsMap,
          maxAliasCount
        } = this.options;
        const keep = keepBlobsInJSON && (typeof arg !== "string" || !(this.contents instanceof resolveSeq.Scalar));
        const ctx = {
          doc: this,
          indentStep: "  ",
          keep,
          mapAsMap: keep && !!mapAsMap,
          maxAliasCount,
          stringify
          // Requiring directly in Pair would create circular dependencies
        };
        const anchorNames = Object.keys(this.anchors.map);
        if (anchorNames.length > 0) ctx.anchors = new Map(anchorNames.map((name) => [this.anchors.map[name], {
          alias: [],
          aliasCount: 0,
          count: 1
        }]));
        const res = resolveSeq.toJSON(this.contents, arg, ctx);
        if (typeof onAnchor === "function" && ctx.anchors) for (const {
          count,
          res: res2
        } of ctx.anchors.values()) onAnchor(res2, count);
        return res;
      }
      toString() {
        if (this.errors.length > 0) throw new Error("Document with errors cannot be stringified");
        const indentSize = this.options.indent;
        if (!Number.isInteger(indentSize) || indentSize <= 0) {
          const s = JSON.stringify(indentSize);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        this.setSchema();
        const lines = [];
        let hasDirectives = false;
        if (this.version) {
          let vd = "%YAML 1.2";
          if (this.schema.name === "yaml-1.1") {
            if (this.version === "1.0") vd = "%YAML:1.0";
            else if (this.version === "1.1") vd = "%YAML 1.1";
          }
          lines.push(vd);
          hasDirectives = true;
        }
        const tagNames = this.listNonDefaultTags();
        this.tagPrefixes.forEach(({
          handle,
          prefix
        }) => {
          if (tagNames.some((t) => t.indexOf(prefix) === 0)) {
            lines.push(`%TAG ${handle} ${prefix}`);
            hasDirectives = true;
          }
        });
        if (hasDirectives || this.directivesEndMarker) lines.push("---");
        if (this.commentBefore) {
          if (hasDirectives || !this.directivesEndMarker) lines.unshift("");
          lines.unshift(this.commentBefore.replace(/^/gm, "#"));
        }
        const ctx = {
          anchors: /* @__PURE__ */ Object.create(null),
          doc: this,
          indent: "",
          indentStep: " ".repeat(indentSize),
          stringify
          // Requiring directly in nodes would create circular dependencies
        };
        let chompKeep = false;
        let contentComment = null;
        if (this.contents) {
          if (this.contents instanceof resolveSeq.Node) {
            if (this.contents.spaceBefore && (hasDirectives || this.directivesEndMarker)) lines.push("");
            if (this.contents.commentBefore) lines.push(this.contents.commentBefore.replace(/^/gm, "#"));
            ctx.forceBlockIndent = !!this.comment;
            contentComment = this.contents.comment;
          }
          const onChompKeep = contentComment ? null : () => chompKeep = true;
          const body = stringify(this.contents, ctx, () => contentComment = null, onChompKeep);
          lines.push(resolveSeq.addComment(body, "", contentComment));
        } else if (this.contents !== void 0) {
          lines.push(stringify(this.contents, ctx));
        }
        if (this.comment) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "") lines.push("");
          lines.push(this.comment.replace(/^/gm, "#"));
        }
        return lines.join("\n") + "\n";
      }
    };
    PlainValue._defineProperty(Document, "defaults", documentOptions);
    exports.Document = Document;
    exports.defaultOptions = defaultOptions;
    exports.scalarOptions = scalarOptions;
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var parseCst = require_parse_cst();
    var Document$1 = require_Document_a8d0fbf9();
    var Schema = require_Schema_bcc6c2d7();
    var PlainValue = require_PlainValue_516d5bc2();
    var warnings = require_warnings_793925ce();
    require_resolveSeq_95613e94();
    function createNode(value, wrapScalars = true, tag) {
      if (tag === void 0 && typeof wrapScalars === "string") {
        tag = wrapScalars;
        wrapScalars = true;
      }
      const options = Object.assign({}, Document$1.Document.defaults[Document$1.defaultOptions.version], Document$1.defaultOptions);
      const schema = new Schema.Schema(options);
      return schema.createNode(value, wrapScalars, tag);
    }
    var Document = class extends Document$1.Document {
      constructor(options) {
        super(Object.assign({}, Document$1.defaultOptions, options));
      }
    };
    function parseAllDocuments(src, options) {
      const stream = [];
      let prev;
      for (const cstDoc of parseCst.parse(src)) {
        const doc = new Document(options);
        doc.parse(cstDoc, prev);
        stream.push(doc);
        prev = doc;
      }
      return stream;
    }
    function parseDocument(src, options) {
      const cst = parseCst.parse(src);
      const doc = new Document(options).parse(cst[0]);
      if (cst.length > 1) {
        const errMsg = "Source contains multiple documents; please use YAML.parseAllDocuments()";
        doc.errors.unshift(new PlainValue.YAMLSemanticError(cst[1], errMsg));
      }
      return doc;
    }
    function parse(src, options) {
      const doc = parseDocument(src, options);
      doc.warnings.forEach((warning) => warnings.warn(warning));
      if (doc.errors.length > 0) throw doc.errors[0];
      return doc.toJSON();
    }
    function stringify(value, options) {
      const doc = new Document(options);
      doc.contents = value;
      return String(doc);
    }
    var YAML = {
      createNode,
      defaultOptions: Document$1.defaultOptions,
      Document,
      parse,
      parseAllDocuments,
      parseCST: parseCst.parse,
      parseDocument,
      scalarOptions: Document$1.scalarOptions,
      stringify
    };
    exports.YAML = YAML;
  }
});

// node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/index.js
var require_yaml = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/node_modules/yaml/index.js"(exports, module) {
    module.exports = require_dist().YAML;
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js
var require_yaml2 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js"(exports, module) {
    var yaml = require_yaml();
    var errors = /* @__PURE__ */ new Set([
      "YAMLReferenceError",
      "YAMLSemanticError",
      "YAMLSyntaxError",
      "YAMLWarning"
    ]);
    function parse(str) {
      if (typeof str !== "string") {
        return { ok: false, result: void 0 };
      }
      const YAML_SILENCE_WARNINGS_CACHED = global.YAML_SILENCE_WARNINGS;
      try {
        global.YAML_SILENCE_WARNINGS = true;
        return { ok: true, result: yaml.parse(str) };
      } catch (err) {
        if (err && errors.has(err.name)) {
          return { ok: false, result: void 0 };
        }
        throw err;
      } finally {
        global.YAML_SILENCE_WARNINGS = YAML_SILENCE_WARNINGS_CACHED;
      }
    }
    module.exports = {
      // is_valid is expected to return nothing if input is invalid otherwise
      // true/false for it being valid YAML.
      "yaml.is_valid": (str) => typeof str === "string" ? parse(str).ok : void 0,
      "yaml.marshal": (data) => yaml.stringify(data),
      "yaml.unmarshal": (str) => parse(str).result
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js
var require_builtins = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js"(exports, module) {
    var json = require_json();
    var strings = require_strings();
    var regex = require_regex();
    var yaml = require_yaml2();
    module.exports = {
      ...json,
      ...strings,
      ...regex,
      ...yaml
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/opa.js
var require_opa = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/opa.js"(exports, module) {
    var builtIns = require_builtins();
    function stringDecoder(mem) {
      return function(addr) {
        const i8 = new Int8Array(mem.buffer);
        let s = "";
        while (i8[addr] !== 0) {
          s += String.fromCharCode(i8[addr++]);
        }
        return s;
      };
    }
    function _loadJSON(wasmInstance, memory, value) {
      if (value === void 0) {
        return 0;
      }
      let valueBuf;
      if (value instanceof ArrayBuffer) {
        valueBuf = new Uint8Array(value);
      } else {
        const valueAsText = JSON.stringify(value);
        valueBuf = new TextEncoder().encode(valueAsText);
      }
      const valueBufLen = valueBuf.byteLength;
      const rawAddr = wasmInstance.exports.opa_malloc(valueBufLen);
      const memoryBuffer = new Uint8Array(memory.buffer);
      memoryBuffer.set(valueBuf, rawAddr);
      const parsedAddr = wasmInstance.exports.opa_json_parse(rawAddr, valueBufLen);
      if (parsedAddr === 0) {
        throw "failed to parse json value";
      }
      return parsedAddr;
    }
    function _dumpJSON(wasmInstance, memory, addr) {
      const rawAddr = wasmInstance.exports.opa_json_dump(addr);
      return _dumpJSONRaw(memory, rawAddr);
    }
    function _dumpJSONRaw(memory, addr) {
      const buf = new Uint8Array(memory.buffer);
      let idx = addr;
      while (buf[idx] !== 0) {
        idx++;
      }
      const utf8View = new Uint8Array(memory.buffer, addr, idx - addr);
      const jsonAsText = new TextDecoder().decode(utf8View);
      return JSON.parse(jsonAsText);
    }
    var builtinFuncs = builtIns;
    function _builtinCall(wasmInstance, memory, builtins, customBuiltins, builtinId) {
      const builtInName = builtins[builtinId];
      const impl = builtinFuncs[builtInName] || customBuiltins[builtInName];
      if (impl === void 0) {
        throw {
          message: "not implemented: built-in function " + builtinId + ": " + builtins[builtinId]
        };
      }
      const argArray = Array.prototype.slice.apply(arguments);
      const args = [];
      for (let i = 5; i < argArray.length; i++) {
        const jsArg = _dumpJSON(wasmInstance, memory, argArray[i]);
        args.push(jsArg);
      }
      const result = impl(...args);
      return _loadJSON(wasmInstance, memory, result);
    }
    function _importObject(env, memory, customBuiltins) {
      const addr2string = stringDecoder(memory);
      return {
        env: {
          memory,
          opa_abort: function(addr) {
            throw addr2string(addr);
          },
          opa_println: function(addr) {
            console.log(addr2string(addr));
          },
          opa_builtin0: function(builtinId, _ctx) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId
            );
          },
          opa_builtin1: function(builtinId, _ctx, arg1) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1
            );
          },
          opa_builtin2: function(builtinId, _ctx, arg1, arg2) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2
            );
          },
          opa_builtin3: function(builtinId, _ctx, arg1, arg2, arg3) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2,
              arg3
            );
          },
          opa_builtin4: function(builtinId, _ctx, arg1, arg2, arg3, arg4) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2,
              arg3,
              arg4
            );
          }
        }
      };
    }
    function _preparePolicy(env, wasm, memory) {
      env.instance = wasm.instance ? wasm.instance : wasm;
      const abiVersionGlobal = env.instance.exports.opa_wasm_abi_version;
      if (abiVersionGlobal !== void 0) {
        const abiVersion = typeof abiVersionGlobal === "number" ? abiVersionGlobal : abiVersionGlobal.value;
        if (abiVersion !== 1) {
          throw `unsupported ABI version ${abiVersion}`;
        }
      } else {
        console.error("opa_wasm_abi_version undefined");
      }
      const abiMinorVersionGlobal = env.instance.exports.opa_wasm_abi_minor_version;
      let abiMinorVersion;
      if (abiMinorVersionGlobal !== void 0) {
        abiMinorVersion = typeof abiMinorVersionGlobal === "number" ? abiMinorVersionGlobal : abiMinorVersionGlobal.value;
      } else {
        console.error("opa_wasm_abi_minor_version undefined");
      }
      const builtins = _dumpJSON(
        env.instance,
        memory,
        env.instance.exports.builtins()
      );
      env.builtins = {};
      for (const key of Object.keys(builtins)) {
        env.builtins[builtins[key]] = key;
      }
      return { policy: wasm, minorVersion: abiMinorVersion };
    }
    async function _loadPolicy(policyWasm, memory, customBuiltins) {
      const env = {};
      const isStreaming = policyWasm instanceof Response || policyWasm instanceof Promise;
      const importObject = _importObject(env, memory, customBuiltins);
      const wasm = await (isStreaming ? WebAssembly.instantiateStreaming(policyWasm, importObject) : WebAssembly.instantiate(policyWasm, importObject));
      return _preparePolicy(env, wasm, memory);
    }
    function _loadPolicySync(policyWasm, memory, customBuiltins) {
      const env = {};
      if (policyWasm instanceof ArrayBuffer || policyWasm.buffer instanceof ArrayBuffer) {
        policyWasm = new WebAssembly.Module(policyWasm);
      }
      const wasm = new WebAssembly.Instance(
        policyWasm,
        _importObject(env, memory, customBuiltins)
      );
      return _preparePolicy(env, wasm, memory);
    }
    var LoadedPolicy = class {
      /**
       * Loads and initializes a compiled Rego policy.
       * @param {WebAssembly.WebAssemblyInstantiatedSource} policy
       * @param {WebAssembly.Memory} memory
       */
      constructor(policy, memory, minorVersion) {
        this.minorVersion = minorVersion;
        this.mem = memory;
        this.wasmInstance = policy.instance ? policy.instance : policy;
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, {});
        this.baseHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
        this.dataHeapPtr = this.baseHeapPtr;
        this.entrypoints = _dumpJSON(
          this.wasmInstance,
          this.mem,
          this.wasmInstance.exports.entrypoints()
        );
      }
      /**
       * Evaluates the loaded policy with the given input and
       * return the result set. This should be re-used for multiple evaluations
       * of the same policy with different inputs.
       *
       * To call a non-default entrypoint in your WASM specify it as the second
       * param. A list of entrypoints can be accessed with the `this.entrypoints`
       * property.
       * @param {any | ArrayBuffer} input input to be evaluated in form of `object`, literal primitive or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       * @param {number | string} entrypoint ID or name of the entrypoint to call (optional)
       */
      evaluate(input, entrypoint = 0) {
        if (typeof entrypoint === "number") {
        } else if (typeof entrypoint === "string") {
          if (Object.prototype.hasOwnProperty.call(this.entrypoints, entrypoint)) {
            entrypoint = this.entrypoints[entrypoint];
          } else {
            throw `entrypoint ${entrypoint} is not valid in this instance`;
          }
        } else {
          throw `entrypoint value is an invalid type, must be either string or number`;
        }
        if (this.minorVersion >= 2) {
          let inputBuf = null;
          let inputLen = 0;
          let inputAddr2 = 0;
          if (input) {
            if (input instanceof ArrayBuffer) {
              inputBuf = new Uint8Array(input);
            } else {
              const inputAsText = JSON.stringify(input);
              inputBuf = new TextEncoder().encode(inputAsText);
            }
            inputAddr2 = this.dataHeapPtr;
            inputLen = inputBuf.byteLength;
            const delta = inputAddr2 + inputLen - this.mem.buffer.byteLength;
            if (delta > 0) {
              const pages = roundup(delta);
              this.mem.grow(pages);
            }
            const buf = new Uint8Array(this.mem.buffer);
            buf.set(inputBuf, this.dataHeapPtr);
          }
          const heapPtr = this.dataHeapPtr + inputLen;
          const ret = this.wasmInstance.exports.opa_eval(
            0,
            entrypoint,
            this.dataAddr,
            inputAddr2,
            inputLen,
            heapPtr,
            0
          );
          return _dumpJSONRaw(this.mem, ret);
        }
        this.wasmInstance.exports.opa_heap_ptr_set(this.dataHeapPtr);
        const inputAddr = _loadJSON(this.wasmInstance, this.mem, input);
        const ctxAddr = this.wasmInstance.exports.opa_eval_ctx_new();
        this.wasmInstance.exports.opa_eval_ctx_set_input(ctxAddr, inputAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_data(ctxAddr, this.dataAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_entrypoint(ctxAddr, entrypoint);
        this.wasmInstance.exports.eval(ctxAddr);
        const resultAddr = this.wasmInstance.exports.opa_eval_ctx_get_result(
          ctxAddr
        );
        return _dumpJSON(this.wasmInstance, this.mem, resultAddr);
      }
      /**
       * evalBool will evaluate the policy and return a boolean answer
       * depending on the return code from the policy evaluation.
       * @deprecated Use `evaluate` instead.
       * @param {object} input
       */
      evalBool(input) {
        const rs = this.evaluate(input);
        return rs && rs.length === 1 && rs[0] === true;
      }
      /**
       * Loads data for use in subsequent evaluations.
       * @param {object | ArrayBuffer} data  data in form of `object` or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       */
      setData(data) {
        this.wasmInstance.exports.opa_heap_ptr_set(this.baseHeapPtr);
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, data);
        this.dataHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
      }
    };
    function roundup(bytes) {
      const pageSize = 64 * 1024;
      return Math.ceil(bytes / pageSize);
    }
    module.exports = {
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a Promise of a LoadedPolicy object which
       * can be used to evaluate the policy.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module | Response | Promise<Response>} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {Promise<LoadedPolicy>}
       */
      async loadPolicy(regoWasm, memoryDescriptor = {}, customBuiltins = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = await _loadPolicy(
          regoWasm,
          memory,
          customBuiltins
        );
        return new LoadedPolicy(policy, memory, minorVersion);
      },
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a LoadedPolicy object which can be
       * used to evaluate the policy.
       *
       * This cannot be used from the main thread in a browser.
       * You must use the `loadPolicy` function instead, or call
       * from a worker thread.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {LoadedPolicy}
       */
      loadPolicySync(regoWasm, memoryDescriptor = {}, customBuiltins = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = _loadPolicySync(
          regoWasm,
          memory,
          customBuiltins
        );
        return new LoadedPolicy(policy, memory, minorVersion);
      },
      LoadedPolicy
    };
  }
});

// src/engine/policy-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/common/cves.generated.json
var cves_generated_default = {
  cves: [
    {
      id: "CVE-2024-12084",
      fixed: "3.4.0",
      introduced: "3.2.7",
      severity: "critical",
      score: 9.8,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      summary: "A client can announce a checksum length larger than the fixed digest buffer, so the daemon writes past a heap buffer while reading checksums; combined with CVE-2024-12085 this gives remote code execution.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A module some client can read (with or without a login): the client sends the checksums that overflow the buffer.",
      all_of: [
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "none in rsyncd.conf (Red Hat: no practical mitigation found); upgrade. Restricting hosts allow / auth users narrows who can reach it.",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2024-12084",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12084.json",
        "https://kb.cert.org/vuls/id/952657",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2330527"
      ],
      distros: {
        "debian:12": {
          fixed: "3.2.7-1+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.3.0+ds1-3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "rhel:8": {
          not_affected: true,
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12084.json"
        },
        "rhel:9": {
          not_affected: true,
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12084.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.3",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12084.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.1",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12084.json"
        }
      }
    },
    {
      id: "CVE-2024-12085",
      fixed: "3.4.0",
      introduced: null,
      severity: "high",
      score: 7.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
      summary: "By choosing the checksum length, a client makes the daemon compare against uninitialised stack memory and can learn it one byte at a time, defeating ASLR.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A module some client can read: the client picks the checksum length that leaks stack memory.",
      all_of: [
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "none in rsyncd.conf; Red Hat suggests building with -ftrivial-auto-var-init=zero; upgrade.",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2024-12085",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12085.json",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2330539"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u2",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.3.0+ds1-3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "rhel:8": {
          fixed: "3.1.3-20.el8_10",
          advisory: null,
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12085.json"
        },
        "rhel:9": {
          fixed: "3.2.3-20.el9_5.1",
          advisory: null,
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12085.json"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.8",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12085.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.3",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12085.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.1",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12085.json"
        }
      }
    },
    {
      id: "CVE-2024-12086",
      fixed: "3.4.0",
      introduced: null,
      severity: "medium",
      score: 6.1,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N",
      summary: "A malicious server can send crafted checksums for files on the client and reconstruct their contents from the client's answers.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2024-12086",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12086.json",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2330577",
        "https://github.com/google/security-research/security/advisories/GHSA-p5pg-x43v-mvqj"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u2",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.3.0+ds1-3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.8",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12086.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.3",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12086.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.1",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12086.json"
        },
        "rhel:9": {
          fixed: "3.2.5-7.el9_8",
          advisory: "RHSA-2026:19368",
          source: "https://github.com/AlmaLinux/osv-database/blob/3fe5f319ca5d2fd6ff66186db11fefb9ed7acd47/advisories/almalinux9/ALSA-2026:19368.json"
        }
      }
    },
    {
      id: "CVE-2024-12087",
      fixed: "3.4.0",
      introduced: null,
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N",
      summary: "With incremental recursion a malicious server can use symlinks and per-list duplicate checks to make the client write outside its destination.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "client: --no-inc-recursive reduces exposure (not a daemon setting)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2024-12087",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12087.json",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2330672"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u2",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.3.0+ds1-3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.8",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12087.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.3",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12087.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.1",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12087.json"
        },
        "rhel:8": {
          fixed: "3.1.3-21.el8_10",
          advisory: "RHSA-2025:2600",
          source: "https://github.com/AlmaLinux/osv-database/blob/97db7a9e5ba05ac1602b718ec68057804f5f3790/advisories/almalinux8/ALSA-2025:2600.json"
        },
        "rhel:9": {
          fixed: "3.2.5-3.el9",
          advisory: "RHSA-2025:7050",
          source: "https://github.com/AlmaLinux/osv-database/blob/c2327b29d550f4e0323445807df3fe52f352eb92/advisories/almalinux9/ALSA-2025:7050.json"
        }
      }
    },
    {
      id: "CVE-2024-12088",
      fixed: "3.4.0",
      introduced: null,
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N",
      summary: "--safe-links did not check symlink targets that themselves pass through symlinks, so a server could still get files written outside the destination.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2024-12088",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12088.json",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2330676"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u2",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.3.0+ds1-3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "rhel:8": {
          fixed: "3.1.3-21.el8_10",
          advisory: "RHSA-2025:2600",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12088.json"
        },
        "rhel:9": {
          fixed: "3.2.5-3.el9",
          advisory: "RHSA-2025:7050",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12088.json"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.8",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12088.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.3",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12088.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.1",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12088.json"
        }
      }
    },
    {
      id: "CVE-2024-12747",
      fixed: "3.4.0",
      introduced: null,
      severity: "medium",
      score: 5.6,
      vector: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:N/A:N",
      summary: "A local user who swaps a regular file for a symlink at the right moment makes the sending rsync follow it and send a file it should have skipped.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A readable module whose tree a local user can change while the daemon sends from it.",
      all_of: [
        "module_readable",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "none in rsyncd.conf; use chroot narrows what can be reached (inference).",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2024-12747",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12747.json",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2332968"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u2",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.3.0+ds1-3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "rhel:8": {
          fixed: "3.1.3-21.el8_10",
          advisory: "RHSA-2025:2600",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12747.json"
        },
        "rhel:9": {
          fixed: "3.2.5-3.el9",
          advisory: "RHSA-2025:7050",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2024/12xxx/CVE-2024-12747.json"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.8",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12747.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.3",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12747.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.1",
          advisory: "USN-7206-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/1ff145915161163f62a4e76678f3554a881d974d/osv/cve/2024/UBUNTU-CVE-2024-12747.json"
        }
      }
    },
    {
      id: "CVE-2025-10158",
      fixed: "3.4.2",
      introduced: null,
      severity: "medium",
      score: 4.3,
      vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N",
      summary: "A client acting as receiver can send a negative file index and make the daemon read outside a heap array.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A module some client can read: the client, as receiver, sends the bad file index.",
      all_of: [
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.2/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2025-10158",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2025/10xxx/CVE-2025-10158.json",
        "https://github.com/RsyncProject/rsync/commit/797e17fc4a6f15e3b1756538a9f812b63942686f",
        "https://attackerkb.com/assessments/fbacb2a6-d1cd-4011-bb3a-f06b1c8306b1"
      ],
      distros: {
        "debian:12": {
          fixed: "3.2.7-1+deb12u4",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        }
      }
    },
    {
      id: "CVE-2026-41035",
      fixed: "3.4.2",
      introduced: "3.0.1",
      severity: "high",
      score: 7.4,
      vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:L",
      summary: "When receiving extended attributes, rsync trusted a peer-supplied length in a sort call, causing a use-after-free in the receiver.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A writable module whose refuse options does not refuse xattrs: a client pushing with -X reaches the xattr count bug on the receiving daemon.",
      all_of: [
        "refuse_lacks(xattrs)",
        "module_writable"
      ],
      rule: "RSYNC-071",
      mitigation: "refuse options = xattrs (daemon); avoid -X on clients (Red Hat workaround)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.2/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2026-41035",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/41xxx/CVE-2026-41035.json",
        "https://www.openwall.com/lists/oss-security/2026/04/16/2",
        "https://github.com/RsyncProject/rsync/issues/871",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2458898"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u2",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "rhel:8": {
          fixed: "3.1.3-25.el8_10",
          advisory: "RHSA-2026:17481",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/41xxx/CVE-2026-41035.json"
        },
        "rhel:9": {
          fixed: "3.2.5-7.el9_8",
          advisory: "RHSA-2026:19368",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/41xxx/CVE-2026-41035.json"
        },
        "rhel:10": {
          fixed: "3.4.1-6.el10_2",
          advisory: "RHSA-2026:19152",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/41xxx/CVE-2026-41035.json"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        }
      }
    },
    {
      id: "NO-CVE-3.4.2-PROXYv2",
      fixed: "3.4.2",
      introduced: "3.2.0",
      severity: "low",
      score: null,
      vector: null,
      summary: "A negative length in a PROXY v2 header slipped past the size check and overflowed a stack buffer in the per-connection child.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "proxy protocol = yes: any peer can send the malformed PROXY v2 header.",
      all_of: [
        "proxy_protocol_on"
      ],
      rule: "RSYNC-071",
      mitigation: "proxy protocol = no, or firewall the port so only the proxy connects",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.2/NEWS.md",
        "https://github.com/RsyncProject/rsync/commit/d1df0aaf",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html"
      ],
      distros: {}
    },
    {
      id: "CVE-2026-29518",
      fixed: "3.4.3",
      introduced: null,
      severity: "high",
      score: 7,
      vector: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H",
      summary: "On a module without chroot, a local user who can write in the module swaps a parent directory for a symlink between check and open, redirecting the daemon's reads and writes outside the module.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A module without chroot whose tree a local user can write to (a symlink swapped in between check and open).",
      all_of: [
        "chroot_effectively_off",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "use chroot = yes (daemon running as root)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.3/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://www.cve.org/CVERecord?id=CVE-2026-29518",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/29xxx/CVE-2026-29518.json",
        "https://github.com/RsyncProject/rsync/pull/895",
        "https://www.vulncheck.com/advisories/rsync-toctou-race-condition-allows-symlink-based-arbitrary-file-write"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u4",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u5",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "rhel:8": {
          fixed: "3.1.3-27.el8_10",
          advisory: "RHSA-2026:26408",
          source: "https://github.com/AlmaLinux/osv-database/blob/d235f4a63324eede413b8e66a2fe705ae9cc0c2b/advisories/almalinux8/ALSA-2026:26408.json"
        },
        "rhel:9": {
          fixed: "3.2.5-7.el9_8.2",
          advisory: "RHSA-2026:26410",
          source: "https://github.com/AlmaLinux/osv-database/blob/829d98e3b1d820ced9a6d6e292e6942e958f1b63/advisories/almalinux9/ALSA-2026:26410.json"
        },
        "rhel:10": {
          fixed: "3.4.4-1.el10_2",
          advisory: "RHSA-2026:26332",
          source: "https://github.com/AlmaLinux/osv-database/blob/b37ba6a87170fa7f3818c71943d6e67091a80ead/advisories/almalinux10/ALSA-2026:26332.json"
        }
      }
    },
    {
      id: "CVE-2026-43617",
      fixed: "3.4.3",
      introduced: "3.1.3",
      severity: "medium",
      score: 4.8,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:N",
      summary: "With daemon chroot set, the reverse DNS lookup ran inside the chroot; without resolver files there the client became 'UNKNOWN' and host-name deny rules stopped matching.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "hosts deny matches by name (host name, wildcard or @netgroup) while daemon chroot is set and reverse lookup is on; the chroot is assumed to lack resolver files.",
      all_of: [
        "hosts_deny_name_token",
        "daemon_chroot_set",
        "reverse_lookup_on"
      ],
      rule: "RSYNC-071",
      mitigation: "write hosts deny/allow with IP addresses or CIDR; or provide resolver files inside the daemon chroot",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.3/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-rjfm-3w2m-jf4f",
        "https://www.cve.org/CVERecord?id=CVE-2026-43617",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/43xxx/CVE-2026-43617.json",
        "https://www.vulncheck.com/advisories/rsync-authorization-bypass-via-hostname-resolution"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u4",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u5",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        }
      }
    },
    {
      id: "CVE-2026-43618",
      fixed: "3.4.3",
      introduced: null,
      severity: "high",
      score: 8.1,
      vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:H",
      summary: "A signed counter in the compressed-token decoder could overflow, letting a malicious sender make the receiver copy out-of-bounds process memory (secrets, pointers) into the transfer.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A writable module whose refuse options does not refuse compress: the client pushes the compressed stream the daemon decodes.",
      all_of: [
        "refuse_lacks(compress)",
        "module_writable"
      ],
      rule: "RSYNC-071",
      mitigation: "refuse options = compress (NEWS and Red Hat workaround)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.3/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-g37v-g3gj-pmwq",
        "https://www.cve.org/CVERecord?id=CVE-2026-43618",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/43xxx/CVE-2026-43618.json",
        "https://bugzilla.redhat.com/show_bug.cgi?id=2469054",
        "https://www.vulncheck.com/advisories/rsync-integer-overflow-information-disclosure"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u4",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u5",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "rhel:8": {
          fixed: "3.1.3-27.el8_10",
          advisory: "RHSA-2026:26408",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/43xxx/CVE-2026-43618.json"
        },
        "rhel:9": {
          fixed: "3.2.5-7.el9_8.2",
          advisory: "RHSA-2026:26410",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/43xxx/CVE-2026-43618.json"
        },
        "rhel:10": {
          fixed: "3.4.4-1.el10_2",
          advisory: "RHSA-2026:26332",
          source: "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/43xxx/CVE-2026-43618.json"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        }
      }
    },
    {
      id: "CVE-2026-43619",
      fixed: "3.4.3",
      introduced: null,
      severity: "medium",
      score: 6.3,
      vector: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:N",
      summary: "The same parent-symlink race as CVE-2026-29518, on chmod, chown, utimes, rename, unlink, mkdir and the other path-based calls of a no-chroot module.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A module without chroot whose tree a local user can change (path-based calls follow a swapped symlink).",
      all_of: [
        "chroot_effectively_off",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "use chroot = yes",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.3/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-4h9m-w5ff-j735",
        "https://www.cve.org/CVERecord?id=CVE-2026-43619",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/43xxx/CVE-2026-43619.json",
        "https://www.vulncheck.com/advisories/rsync-symlink-race-condition-via-path-based-syscalls"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u4",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u5",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        }
      }
    },
    {
      id: "CVE-2026-43620",
      fixed: "3.4.3",
      introduced: null,
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
      summary: "A malicious server can crash any pulling client with a crafted file list that makes the receiver index before its array.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "client: --no-inc-recursive (NEWS)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.3/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-28pw-r563-rxvm",
        "https://www.cve.org/CVERecord?id=CVE-2026-43620",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/43xxx/CVE-2026-43620.json",
        "https://www.vulncheck.com/advisories/rsync-out-of-bounds-array-read-via-recv-files"
      ],
      distros: {
        "debian:11": {
          fixed: "3.2.3-4+deb11u4",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.2.3-4+deb11u4_amd64.deb"
        },
        "debian:12": {
          fixed: "3.2.7-1+deb12u5",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u3",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        }
      }
    },
    {
      id: "CVE-2026-45232",
      fixed: "3.4.3",
      introduced: null,
      severity: "low",
      score: 3.1,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:L",
      summary: "Reading an over-long HTTP CONNECT proxy reply wrote one zero byte past a stack buffer in the client.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none needed on the daemon",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.4.3/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-8f85-j2cv-59m8",
        "https://www.cve.org/CVERecord?id=CVE-2026-45232",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/45xxx/CVE-2026-45232.json",
        "https://www.vulncheck.com/advisories/rsync-off-by-one-stack-write-via-http-proxy"
      ],
      distros: {
        "debian:12": {
          fixed: "3.2.7-1+deb12u6",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.2.7-1+deb12u6_amd64.deb"
        },
        "debian:13": {
          fixed: "3.4.1+ds1-5+deb13u4",
          advisory: null,
          source: "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb"
        },
        "ubuntu:20.04": {
          fixed: "3.1.3-8ubuntu0.9+esm1",
          advisory: "USN-8349-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/9a389f937a1d21fbe0a50c89598b1239eebb112e/osv/usn/USN-8349-1.json"
        },
        "ubuntu:22.04": {
          fixed: "3.2.7-0ubuntu0.22.04.6",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        },
        "ubuntu:24.04": {
          fixed: "3.2.7-1ubuntu1.4",
          advisory: "USN-8283-1",
          source: "https://github.com/canonical/ubuntu-security-notices/blob/11c5554ed02fd28cfee816edba7b420bd38bd520/osv/usn/USN-8283-1.json"
        }
      }
    },
    {
      id: "CVE-2026-53783",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 8.1,
      vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
      summary: "rrsync checked a path and then ran rsync on the same name, so a symlink swapped in between, or options it left allowed, escaped the restricted directory.",
      component: [
        "rrsync"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-9cgc-64g4-3gv5",
        "https://www.cve.org/CVERecord?id=CVE-2026-53783",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53783.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53784",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 7.1,
      vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
      summary: "Without chroot the daemon entered the module root with a plain chdir, following a symlink planted in a parent component and serving files from elsewhere.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A module without chroot whose path, or a parent of it, a local user can replace with a symlink.",
      all_of: [
        "chroot_effectively_off",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "use chroot = yes; keep the module path and its parents root-owned",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-ffg2-fr5g-3rxw",
        "https://www.cve.org/CVERecord?id=CVE-2026-53784",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53784.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53785",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 7.1,
      vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:H/A:H",
      summary: "With --relative the receiver created implied parent directories by full path, so a planted parent symlink put new files outside the destination.",
      component: [
        "client",
        "daemon"
      ],
      applies: "condition",
      condition: "A writable module that is not chroot-confined, with a local user who can plant a parent symlink during a --relative upload.",
      all_of: [
        "module_not_kernel_confined",
        "module_writable",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "use chroot = yes (inference)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-pph3-7xmf-rrqg",
        "https://www.cve.org/CVERecord?id=CVE-2026-53785",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53785.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53786",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N",
      summary: "A client's --filter merge file was checked against the module-prefixed path, so the module's own filter rules never matched and excluded files became reachable.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A readable module that hides files with a daemon filter (filter, exclude, include, exclude from, include from).",
      all_of: [
        "module_filter_set",
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "do not rely on daemon filters to hide data; move hidden files out of the module tree",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-mrc3-6cwx-hch6",
        "https://www.cve.org/CVERecord?id=CVE-2026-53786",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53786.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53788",
      fixed: "3.5.0",
      introduced: "3.2.3",
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N",
      summary: "User or group names from the peer were written unchecked into the name-converter's line protocol, so an embedded newline injected extra requests.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A writable module with a name converter: the client sends the names the converter is asked about.",
      all_of: [
        "name_converter_set",
        "module_writable"
      ],
      rule: "RSYNC-071",
      mitigation: "remove name converter. numeric ids = yes alone does not help: in a chrooted module rsync ignores it while a name converter is set (clientserver.c), and without chroot it drops the file list's names but the names in a client's --usermap, --groupmap or --chown still reach the converter; use chroot = no with numeric ids = yes and refuse options = usermap groupmap chown closes both routes",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-p4c5-8c68-5fjq",
        "https://www.cve.org/CVERecord?id=CVE-2026-53788",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53788.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53789",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
      summary: "A malicious daemon acting as sender could mark an implied parent directory so that the receiving client ran --delete on it.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none on the daemon",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-fxwg-7hmf-xh5q",
        "https://www.cve.org/CVERecord?id=CVE-2026-53789",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53789.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53790",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 8.1,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
      summary: "Several places put peer- or host-controlled text into shell command lines unquoted: daemon exec hooks' %RSYNC_*% expansions, RSYNC_CONNECT_PROG's %H, rsync-ssl host specs and remote-shell arguments.",
      component: [
        "daemon",
        "client",
        "rsync-ssl"
      ],
      applies: "condition",
      condition: "early exec, pre-xfer exec, post-xfer exec or name converter expands a %RSYNC_\u2026% variable, which a client influences, into a shell command.",
      all_of: [
        "exec_hook_interpolates_vars"
      ],
      rule: "RSYNC-071",
      mitigation: "do not interpolate %VAR% into hook command lines; read the exported $RSYNC_* environment variables inside the script instead (upstream rsyncd.conf(5) since 3.5.0, commit 838513e9)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-5hcf-7xxm-rmqq",
        "https://www.cve.org/CVERecord?id=CVE-2026-53790",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53790.json",
        "https://github.com/RsyncProject/rsync/commit/838513e96d87c2658053cb19b24dfdc7f35ab152"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53791",
      fixed: "3.5.0",
      introduced: "3.2.0",
      severity: "critical",
      score: 9.1,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N",
      summary: "With proxy protocol enabled, a client connecting directly could send its own PROXY header and claim any source address, defeating host-based access rules.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "proxy protocol = yes: before 3.5.0 the daemon takes a PROXY header from any peer, so a client connecting directly spoofs its address past hosts allow / hosts deny.",
      all_of: [
        "proxy_protocol_on"
      ],
      rule: "RSYNC-071",
      mitigation: "proxy protocol = no, or firewall the port so only the proxy connects; upgrade to 3.5.0 and set proxy protocol hosts",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-h2q9-5fr8-w635",
        "https://www.cve.org/CVERecord?id=CVE-2026-53791",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53791.json",
        "https://www.vulncheck.com/advisories/rsync-daemon-ip-spoofing-via-proxy-protocol-header"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53792",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
      summary: "A receiver announcing blocks of length zero drove the sender's matching arithmetic negative and out of bounds.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A module some client can read: the daemon is the sender the crafted checksum header reaches.",
      all_of: [
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-cg57-rp9g-56hw",
        "https://www.cve.org/CVERecord?id=CVE-2026-53792",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53792.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53793",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 7.4,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N",
      summary: "In a chrooted module whose path contains /./, a symlinked parent inside the inner module still led to siblings outside it (inside the chroot but outside the module).",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A chrooted module with a /outer/./inner path whose inner tree a local user can change.",
      all_of: [
        "path_inner_dot_slash",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "avoid /./ module paths (chroot to the module root itself)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-wj7w-vh23-mm44",
        "https://www.cve.org/CVERecord?id=CVE-2026-53793",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53793.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53794",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 5.3,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L",
      summary: "--max-alloc=0 switched off rsync's allocation size cap (its defence against CVE-2024-12084-style bugs) and a client could forward it to the daemon.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "Refuse options does not refuse max-alloc, so a client can forward --max-alloc=0 and lift the allocation cap.",
      all_of: [
        "refuse_lacks(max-alloc)"
      ],
      rule: "RSYNC-071",
      mitigation: "refuse options = max-alloc; upgrade to 3.5.0",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-p827-vwcp-m964",
        "https://www.cve.org/CVERecord?id=CVE-2026-53794",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53794.json",
        "https://github.com/RsyncProject/rsync/blob/v3.4.4/options.c"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53795",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 8.1,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:H",
      summary: "An absolute --temp-dir or --link-dest made the receiver fall back to unconfined rename/link calls, so a parent raced into a symlink sent the file outside the tree.",
      component: [
        "client",
        "daemon"
      ],
      applies: "condition",
      condition: "A writable module that is not chroot-confined, with a local user racing the destination during an upload with an absolute --temp-dir or --link-dest.",
      all_of: [
        "module_not_kernel_confined",
        "module_writable",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "refuse options = temp-dir link-dest (candidate); use chroot = yes",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-m9vj-637x-v6pq",
        "https://www.cve.org/CVERecord?id=CVE-2026-53795",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53795.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53796",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 6.3,
      vector: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:H/A:H",
      summary: "A local receiver's chdir into the named destination could be raced into a symlink, moving every write elsewhere.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none on the daemon",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-w75h-ccff-w53m",
        "https://www.cve.org/CVERecord?id=CVE-2026-53796",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53796.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53797",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 4.7,
      vector: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N",
      summary: "A local sender opened file contents by full path, so a source parent raced into a symlink after the scan leaked a file from outside the source tree.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none on the daemon",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-3jj3-qvc7-jp6x",
        "https://www.cve.org/CVERecord?id=CVE-2026-53797",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53797.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53798",
      fixed: "3.5.0",
      introduced: "3.2.3",
      severity: "medium",
      score: 5.3,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N",
      summary: "An empty answer from the name converter was read as uid/gid 0, so unknown names became root; with fake super the stored ownership became root.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A writable module with a name converter: an unknown name became uid/gid 0 (root-owned files with fake super).",
      all_of: [
        "name_converter_set",
        "module_writable"
      ],
      rule: "RSYNC-071",
      mitigation: "remove name converter. numeric ids = yes alone does not help: in a chrooted module rsync ignores it while a name converter is set (clientserver.c), and without chroot it drops the file list's names but the names in a client's --usermap, --groupmap or --chown still reach the converter; use chroot = no with numeric ids = yes and refuse options = usermap groupmap chown closes both routes",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-hx7p-3gvv-pqgv",
        "https://www.cve.org/CVERecord?id=CVE-2026-53798",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53798.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53799",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 6.3,
      vector: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:N",
      summary: "The receiver applied ACLs and xattrs by path, so a local user racing the entry into a symlink could put attacker-chosen ACLs on a file outside the tree.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A writable module where clients may use -A or -X, and a local user who can change the module tree during a transfer.",
      all_of: [
        "refuse_lacks(xattrs acls)",
        "module_writable",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "refuse options = acls xattrs (NEWS names refuse options = acls for the residual platforms)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-phxh-hjqv-39c9",
        "https://www.cve.org/CVERecord?id=CVE-2026-53799",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53799.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53800",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 4.7,
      vector: "CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:N/A:H",
      summary: "--remove-source-files unlinked by path after sending, so a source parent raced into a symlink made a privileged sender delete a file elsewhere.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A module clients can both read and write whose refuse options leaves --remove-source-files or its alias --remove-sent-files accepted and does not refuse delete, with a local user racing the tree.",
      all_of: [
        "refuse_lacks(remove-source-files remove-sent-files)",
        "refuse_lacks(delete)",
        "module_readable",
        "module_writable",
        "local_user_can_plant_symlinks"
      ],
      rule: "RSYNC-072",
      mitigation: "refuse options = remove-source-files remove-sent-files (both names: before 3.5.0 and in it, --remove-sent-files is a separate option entry that sets the same variable), or refuse options = delete, which also refuses --remove-source-files to a client downloading from the daemon (options.c); NEWS: 'a daemon module not refusing the option'",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-v3vw-pvpg-chwh",
        "https://www.cve.org/CVERecord?id=CVE-2026-53800",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53800.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53801",
      fixed: "3.5.0",
      introduced: null,
      severity: "medium",
      score: 5.9,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N",
      summary: "The sender listed directories by plain opendir, so a raced parent symlink, or on a daemon an in-module directory symlink followed with -L/--copy-dirlinks, exposed names and metadata outside the module.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A readable module that is not chroot-confined (use chroot off, or a /./ path): a raced or in-module directory symlink exposes names outside it.",
      all_of: [
        "module_not_kernel_confined",
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "use chroot = yes; refuse options = copy-links copy-dirlinks copy-unsafe-links (candidate); never set insecure links = yes",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-mch3-qr4p-chgm",
        "https://www.cve.org/CVERecord?id=CVE-2026-53801",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53801.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53802",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 7.1,
      vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
      summary: "rsync followed planted symlinks when reading operator-supplied input files (filter/merge files, --files-from, password file, the daemon's secrets file), reading arbitrary files or answering auth with a victim file.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "The secrets file, exclude from or include from lies where a local user can plant a symlink (/tmp, /var/tmp, /dev/shm, or a module tree).",
      all_of: [
        "daemon_input_file_in_untrusted_dir"
      ],
      rule: "RSYNC-072",
      mitigation: "keep secrets file and its parent directories root-owned and not group/world-writable; refuse options = files-from (candidate for the files-from variant)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-4mfr-8jrv-49x4",
        "https://www.cve.org/CVERecord?id=CVE-2026-53802",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53802.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-53803",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 7.8,
      vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
      summary: "Output paths (--log-file, batch files, and the daemon's motd, lock and early-input files and --config) were opened through planted symlinks, letting a local user redirect writes, e.g. into authorized_keys.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "The motd, lock or log file lies where a local user can plant a symlink (/tmp, /var/tmp, /dev/shm, or a module tree).",
      all_of: [
        "daemon_output_file_in_untrusted_dir"
      ],
      rule: "RSYNC-072",
      mitigation: "put daemon files in root-owned directories (/run, /var/log, /etc)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-g9f4-7q66-9582",
        "https://www.cve.org/CVERecord?id=CVE-2026-53803",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/53xxx/CVE-2026-53803.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70452",
      fixed: "3.5.0",
      introduced: "3.1.0",
      severity: "high",
      score: 7.4,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N",
      summary: "When a host name in hosts deny could not be resolved, the rule matched nothing, so the host it was meant to block got in.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "hosts deny names a plain host name and forward lookup is on (the default): when its lookup fails, the host is let in.",
      all_of: [
        "hosts_deny_plain_hostname"
      ],
      rule: "RSYNC-071",
      mitigation: "use IP addresses/CIDR in hosts deny, or an allow-list with hosts allow",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-6692-28cx-wpqq",
        "https://www.cve.org/CVERecord?id=CVE-2026-70452",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70452.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70453",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 7.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
      summary: "A crafted set of equal weak checksums made the sender's hash search quadratic and pinned a CPU.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A module some client can read: the daemon is the sender whose hash search the client slows down.",
      all_of: [
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "max connections limits the number of pinned children (partial)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-8x5r-mjx8-83hv",
        "https://www.cve.org/CVERecord?id=CVE-2026-70453",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70453.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70454",
      fixed: "3.5.0",
      introduced: null,
      severity: "high",
      score: 8,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:H/A:N",
      summary: "rsync-ssl's stunnel mode neither verified the server certificate nor bound it to the host name, so an active attacker could impersonate the server.",
      component: [
        "rsync-ssl"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none on the daemon",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-3c3x-ww2w-5r5p",
        "https://www.cve.org/CVERecord?id=CVE-2026-70454",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70454.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70455",
      fixed: "3.5.0",
      introduced: "3.4.2",
      severity: "high",
      score: 7.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
      summary: "A daemon client could ask for any number of Zstandard worker threads (--compress-threads, alias --zt), exhausting threads and memory.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A readable module whose refuse options does not name both compress-threads and zt and does not refuse compress, on a daemon built with zstd (3.4.2-3.4.4).",
      all_of: [
        "refuse_lacks(compress-threads zt)",
        "refuse_lacks(compress)",
        "module_readable",
        "zstd_build"
      ],
      rule: "RSYNC-071",
      mitigation: "refuse options = compress-threads zt (both names), or refuse options = compress (no compression runs, so the thread count is never used), or build without zstd; upgrade to 3.5.0",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-rjvj-qgqg-cvx9",
        "https://www.cve.org/CVERecord?id=CVE-2026-70455",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70455.json",
        "https://github.com/RsyncProject/rsync/blob/v3.4.4/options.c",
        "https://github.com/RsyncProject/rsync/commit/c529163ef05458c1104999a363beac694cceb70f"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70456",
      fixed: "3.5.0",
      introduced: "3.0.1",
      severity: "high",
      score: 8.2,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:H",
      summary: "When a peer's argument count landed exactly on the array size, read_args wrote the terminating NULL one slot past the heap allocation.",
      component: [
        "daemon"
      ],
      applies: "any-daemon",
      condition: null,
      all_of: [],
      rule: "RSYNC-070",
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-78jc-79jv-v6rw",
        "https://www.cve.org/CVERecord?id=CVE-2026-70456",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70456.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70457",
      fixed: "3.5.0",
      introduced: "3.2.3",
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:H",
      summary: "An over-large --max-size, --min-size or --max-alloc forwarded to the daemon made the error formatting write at an attacker-chosen offset.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "Refuse options accepts one of max-size, min-size, max-alloc, through which an over-large value reaches the daemon.",
      all_of: [
        "refuse_lacks(max-size min-size max-alloc)"
      ],
      rule: "RSYNC-071",
      mitigation: "refuse options = max-size min-size max-alloc; upgrade to 3.5.0",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-pg7g-xqmr-xpfh",
        "https://www.cve.org/CVERecord?id=CVE-2026-70457",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70457.json",
        "https://github.com/RsyncProject/rsync/blob/v3.4.4/options.c"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70458",
      fixed: "3.5.0",
      introduced: "3.0.0",
      severity: "high",
      score: 8.2,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:H",
      summary: "A file entry flagged as hard-linked was accepted without -H, and the receiver wrote hard-link slots that were never allocated.",
      component: [
        "daemon",
        "client"
      ],
      applies: "condition",
      condition: "A writable module: the daemon receives the file list with the bad hard-link flag.",
      all_of: [
        "module_writable"
      ],
      rule: "RSYNC-071",
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-gg3m-4m9m-268h",
        "https://www.cve.org/CVERecord?id=CVE-2026-70458",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70458.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70459",
      fixed: "3.5.0",
      introduced: "3.0.0",
      severity: "medium",
      score: 5.3,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L",
      summary: "A crafted first incremental file list with a non-directory '.' root made the daemon child dereference an unset slot and crash.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A writable module: the daemon receives the crafted incremental file list (the crash ends only that connection).",
      all_of: [
        "module_writable"
      ],
      rule: "RSYNC-071",
      mitigation: "none in rsyncd.conf",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-p4v4-qxw9-q72m",
        "https://www.cve.org/CVERecord?id=CVE-2026-70459",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70459.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70460",
      fixed: "3.5.0",
      introduced: "2.3.3",
      severity: "high",
      score: 8.1,
      vector: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
      summary: "A client-supplied --partial-dir or --backup-dir was resolved by path, so an in-module symlink sent files outside the module root.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A writable module whose refuse options does not refuse partial-dir and backup-dir: an in-module symlink redirects them.",
      all_of: [
        "refuse_lacks(partial-dir backup-dir)",
        "module_writable"
      ],
      rule: "RSYNC-071",
      mitigation: "refuse options = partial-dir backup-dir (rsync security page already recommends refusing these on writable daemons); use chroot = yes bounds the escape (inference)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-w3xf-j2r2-gv4x",
        "https://www.cve.org/CVERecord?id=CVE-2026-70460",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70460.json",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70461",
      fixed: "3.5.0",
      introduced: "3.2.5",
      severity: "high",
      score: 8.2,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:H",
      summary: "A peer filter rule (e.g. from a files-from entry) with a trailing backslash was under-counted when sized, giving a one-byte heap overflow.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "A module some client can read: the peer filter rule reaches the daemon with the module open.",
      all_of: [
        "module_readable"
      ],
      rule: "RSYNC-071",
      mitigation: "none in rsyncd.conf (refuse options = files-from may block the files-from route; unverified)",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-jhxm-j4mq-3fj4",
        "https://www.cve.org/CVERecord?id=CVE-2026-70461",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70461.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70462",
      fixed: "3.5.0",
      introduced: "3.1.0",
      severity: "medium",
      score: 6.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
      summary: "A peer's MSG_IO_TIMEOUT value could overflow or disable the client's I/O timeout, letting a stalled connection hang forever.",
      component: [
        "client"
      ],
      applies: "not-daemon",
      condition: null,
      all_of: [],
      rule: null,
      mitigation: "none on the daemon",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-j9wh-5jmp-2m64",
        "https://www.cve.org/CVERecord?id=CVE-2026-70462",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70462.json",
        "https://github.com/RsyncProject/rsync/blob/v3.4.1/io.c"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70463",
      fixed: "3.5.0",
      introduced: "3.1.0",
      severity: "high",
      score: 8.1,
      vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N",
      summary: "The comma-only form of auth users was still split on whitespace, so a deny or read-only rule naming a group with a space broke into tokens that never matched.",
      component: [
        "daemon"
      ],
      applies: "condition",
      condition: "auth users starts with a comma and a :deny or :ro rule names a user or group with a space: the rule never applies.",
      all_of: [
        "auth_users_comma_form_with_space"
      ],
      rule: "RSYNC-071",
      mitigation: "avoid names with spaces in auth users; enforce the restriction by other means until 3.5.0",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-pfj8-79vq-xgvr",
        "https://www.cve.org/CVERecord?id=CVE-2026-70463",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70463.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    },
    {
      id: "CVE-2026-70464",
      fixed: "3.5.0",
      introduced: "2.0.0",
      severity: "high",
      score: 7.5,
      vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
      summary: "An unauthenticated peer could finish the @RSYNCD greeting and then stall or trickle bytes, holding daemon children past max connections; timeout did not cover this phase.",
      component: [
        "daemon"
      ],
      applies: "any-daemon",
      condition: null,
      all_of: [],
      rule: "RSYNC-070",
      mitigation: "none in rsyncd.conf (NEWS: timeout did not apply); limit connections per source at a firewall/proxy",
      sources: [
        "https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md",
        "https://github.com/RsyncProject/rsync/blob/master/rsync-web/security.html",
        "https://github.com/RsyncProject/rsync/security/advisories/GHSA-hrwq-ccf7-rw5m",
        "https://www.cve.org/CVERecord?id=CVE-2026-70464",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/70xxx/CVE-2026-70464.json"
      ],
      distros: {
        "debian:12": {
          fixed: "3.5.0+ds1-0+deb12u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb12u1_amd64.deb"
        },
        "debian:13": {
          fixed: "3.5.0+ds1-0+deb13u1",
          advisory: null,
          source: "http://deb.debian.org/debian-security/pool/updates/main/r/rsync/rsync_3.5.0+ds1-0+deb13u1_amd64.deb"
        }
      }
    }
  ],
  unverified: [
    {
      id: "CVE-2026-119741",
      why: "Only in Debian changelogs (closes #1149604): no CVE record, not in upstream NEWS or security.html at 2026-08-20, upstream fixed version unknown. Kept out of cves so no rule reports it and no judgement names it.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2026-119741",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2026/119xxx/CVE-2026-119741.json",
        "https://bugs.debian.org/1149604",
        "http://deb.debian.org/debian/pool/main/r/rsync/rsync_3.5.0+ds1-0+deb13u2_amd64.deb (changelog.Debian.gz)"
      ]
    }
  ],
  not_covered: [
    {
      id: "CVE-2014-2855",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2014-2855",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2014/2xxx/CVE-2014-2855.json"
      ]
    },
    {
      id: "CVE-2014-9512",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2014-9512",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2014/9xxx/CVE-2014-9512.json"
      ]
    },
    {
      id: "CVE-2016-9840",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2016-9840",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2016/9xxx/CVE-2016-9840.json"
      ]
    },
    {
      id: "CVE-2016-9841",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2016-9841",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2016/9xxx/CVE-2016-9841.json"
      ]
    },
    {
      id: "CVE-2016-9842",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2016-9842",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2016/9xxx/CVE-2016-9842.json"
      ]
    },
    {
      id: "CVE-2016-9843",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2016-9843",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2016/9xxx/CVE-2016-9843.json"
      ]
    },
    {
      id: "CVE-2017-16548",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2017-16548",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2017/16xxx/CVE-2017-16548.json"
      ]
    },
    {
      id: "CVE-2017-17433",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2017-17433",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2017/17xxx/CVE-2017-17433.json"
      ]
    },
    {
      id: "CVE-2017-17434",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2017-17434",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2017/17xxx/CVE-2017-17434.json"
      ]
    },
    {
      id: "CVE-2018-5764",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2018-5764",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2018/5xxx/CVE-2018-5764.json"
      ]
    },
    {
      id: "CVE-2018-25032",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2018-25032",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2018/25xxx/CVE-2018-25032.json"
      ]
    },
    {
      id: "CVE-2020-14387",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2020-14387",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2020/14xxx/CVE-2020-14387.json"
      ]
    },
    {
      id: "CVE-2022-29154",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2022-29154",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2022/29xxx/CVE-2022-29154.json"
      ]
    },
    {
      id: "CVE-2022-37434",
      why: "Before 2024 (issue 15 covers 2024 on); no CNA score was retrieved. Every release it affects is also before 2.0.0-3.4.4's CVE-2026-70464, which RSYNC-070 reports.",
      sources: [
        "https://www.cve.org/CVERecord?id=CVE-2022-37434",
        "https://github.com/CVEProject/cvelistV5/blob/main/cves/2022/37xxx/CVE-2022-37434.json"
      ]
    }
  ]
};

// src/common/cves.ts
var TABLE = cves_generated_default;
function cvePolicyData() {
  const cves = TABLE.cves.map((c) => ({
    id: c.id,
    fixed: c.fixed,
    severity: c.severity,
    summary: c.summary,
    applies: c.applies,
    rule: c.rule,
    cvss: c.score === null ? null : { score: c.score },
    condition: { all_of: c.all_of }
  }));
  return { rsyncguard: { cves: { cves } } };
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

// src/common/json-object.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/engine/builtins.ts
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
function semverCompare(a, b) {
  if (typeof a !== "string" || typeof b !== "string") return void 0;
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (!x || !y) return void 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return Math.sign(d);
  }
  return comparePrerelease(x[4], y[4]);
}
function comparePrerelease(a, b) {
  if (a === void 0 || b === void 0) return a === b ? 0 : a === void 0 ? 1 : -1;
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const s = pa[i];
    const t = pb[i];
    if (s === void 0) return -1;
    if (t === void 0) return 1;
    const ns = /^\d+$/.test(s);
    const nt = /^\d+$/.test(t);
    if (ns && nt && Number(s) !== Number(t)) return Math.sign(Number(s) - Number(t));
    if (ns !== nt) return ns ? -1 : 1;
    if (!ns && s !== t) return s < t ? -1 : 1;
  }
  return 0;
}
var HOST_BUILTINS = {
  "semver.compare": semverCompare
};
var SDK_BUILTINS = /* @__PURE__ */ new Set(["sprintf", "regex.split", "yaml.is_valid", "yaml.marshal", "yaml.unmarshal", "json.is_valid"]);

// src/common/input-spec.ts
var MiB = 1024 * 1024;

// src/engine/input-budget.ts
var GiB = 1024 * MiB;
var PEAK_HEAP_PER_BYTE = 16;
function overBudget(input, maxMemoryBytes) {
  const budget = maxMemoryBytes / PEAK_HEAP_PER_BYTE;
  if (typeof input !== "string") return input.length > budget ? input.length : null;
  if (input.length > budget) return Buffer.byteLength(input);
  if (input.length * 3 <= budget) return null;
  const bytes = Buffer.byteLength(input);
  return bytes > budget ? bytes : null;
}
function isMemoryFailure(e) {
  if (e instanceof RangeError) return true;
  const message = typeof e === "string" ? e : e instanceof Error ? e.message : isObject(e) && typeof e["message"] === "string" ? e["message"] : "";
  return message.includes("opa_malloc");
}
function tooLarge(target, modules, maxMemoryBytes, policyName) {
  const count = modules === void 0 ? "" : `${modules.toLocaleString("en-US")} module${modules === 1 ? "" : "s"}, `;
  return new UserError(
    `too large to evaluate (${count}${memoryLabel(maxMemoryBytes)} policy memory): split it or exclude it (--exclude)`,
    target,
    `${capitalized(policyLabel(policyName))} needs about ${PEAK_HEAP_PER_BYTE} bytes of memory per byte of its input; the other targets are evaluated.`
  );
}
function policyLabel(name) {
  return name === "built-in policy" ? `the ${name}` : `the policy ${name}`;
}
function capitalized(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}
function memoryLabel(bytes) {
  return bytes % GiB === 0 ? `${bytes / GiB} GiB` : `${Math.round(bytes / MiB)} MiB`;
}

// src/engine/policy-view.ts
var QUOTED_REASONS = /* @__PURE__ */ new Set(["unusable", "writable"]);
function slimParam(p) {
  return p.file === null && p.raw === null ? { value: p.value, origin: p.origin } : p;
}
function pick(record, keep) {
  const out = {};
  for (const name of Object.keys(record)) if (keep.has(name)) out[name] = slimParam(record[name]);
  return out;
}
function withoutReasons(record, quoted) {
  const out = {};
  for (const [name, fact] of Object.entries(record)) {
    if (quoted.has(name) || fact === null || typeof fact !== "object" || !("reason" in fact)) {
      out[name] = fact;
      continue;
    }
    const { reason: _prose, ...rest } = fact;
    out[name] = rest;
  }
  return out;
}
function moduleView(m, keep) {
  const { reasons: _reasons, assumptions: _assumptions, ...access } = m.access;
  return { ...m, params: pick(m.params, keep), access, effective: withoutReasons(m.effective, QUOTED_REASONS) };
}
function policyView(facts, keep) {
  const { config } = facts;
  return {
    ...facts,
    config: {
      ...config,
      global: pick(config.global, keep),
      listener: pick(config.listener, keep),
      modules: config.modules.map((m) => moduleView(m, keep)),
      effective: withoutReasons(config.effective, /* @__PURE__ */ new Set())
    }
  };
}

// src/common/intern.ts
function interner(limit = 1e5) {
  const seen = /* @__PURE__ */ new Map();
  return (key, value) => {
    const known = seen.get(key);
    if (known !== void 0) return known;
    if (seen.size < limit) seen.set(key, value);
    return value;
  };
}

// src/engine/finding.ts
var SEVERITIES = ["critical", "high", "medium", "low"];
var VULNERABILITY_ID = /^(?:CVE-\d{4}-\d{4,}|NO-CVE-\d+(?:\.\d+)*-[A-Za-z0-9.-]+)$/;
var RULE_ID = /^[A-Z][A-Z0-9]*-\d+$/;
var isSeverity = (v) => typeof v === "string" && SEVERITIES.includes(v);
var strOrNull = (v) => v === null || typeof v === "string";
var interned = interner();
var same = (s) => s === null ? s : interned(s, s);
function toLocation(v) {
  if (v === null) return null;
  if (!isObject(v) || typeof v["file"] !== "string" || typeof v["line"] !== "number" || typeof v["column"] !== "number") return void 0;
  return { file: same(v["file"]), line: v["line"], column: v["column"] };
}
function toFinding(v, target, rules) {
  if (!isObject(v)) return "a finding is not an object";
  const { rule_id, severity, context, message, module, path } = v;
  if (typeof rule_id !== "string" || !RULE_ID.test(rule_id)) return `a finding has no valid rule_id (${JSON.stringify(rule_id)})`;
  const rule = rules.get(rule_id);
  if (!rule) return `${rule_id} has no catalog entry`;
  if (severity !== null && !isSeverity(severity)) return `${rule_id}: severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(", ")}`;
  if (typeof message !== "string" || typeof path !== "string") return `${rule_id}: message and path must be strings`;
  if (!strOrNull(context) || !strOrNull(module)) return `${rule_id}: context and module must be strings or null`;
  const location = toLocation(v["location"]);
  if (location === void 0) return `${rule_id}: location must be {file, line, column} or null`;
  const related = toRelated(v["related"]);
  if (typeof related === "string") return `${rule_id}: ${related}`;
  const cves = toCves(v["cves"]);
  if (typeof cves === "string") return `${rule_id}: ${cves}`;
  const finding = { rule_id: rule.id, title: rule.title, severity: severity ?? rule.severity, context: same(context), message: same(message), target, module: same(module), path: same(path), location };
  if (related !== void 0) finding.related = related;
  if (cves !== void 0) finding.cves = cves;
  return finding;
}
function toCves(v) {
  if (v === void 0 || v === null) return void 0;
  if (!Array.isArray(v)) return "cves must be a list of CVE ids";
  const bad = v.find((id) => typeof id !== "string" || !VULNERABILITY_ID.test(id));
  if (bad !== void 0) return `cves: ${JSON.stringify(bad)} is not a CVE id (CVE-YYYY-NNNN)`;
  const ids = [...new Set(v)].sort();
  return ids.length > 0 ? ids : void 0;
}
function toRelated(v) {
  if (v === void 0) return void 0;
  if (!Array.isArray(v)) return "related must be a list";
  const out = [];
  for (const r of v) {
    const location = isObject(r) ? toLocation(r["location"]) : void 0;
    if (!isObject(r) || typeof r["module"] !== "string" || !location) return "each related entry must be {module, location}";
    out.push({ module: r["module"], location });
  }
  return out;
}
var text = (a, b) => a === b ? 0 : a.localeCompare(b);
function compareFindings(a, b) {
  return text(a.target, b.target) || text(a.location?.file ?? "", b.location?.file ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0) || text(a.rule_id, b.rule_id) || text(a.message, b.message) || text((a.cves ?? []).join(","), (b.cves ?? []).join(","));
}

// src/engine/secrets-entry-finding.ts
var ENTRY_PATH = /^secrets\[(\d+)\]\.entries$/;
var WITHHELD = "********";
function entryName(e) {
  return e.name === WITHHELD ? null : `${e.kind} ${JSON.stringify(e.name)}`;
}
function withSecretsEntries(findings, facts) {
  return findings.map((f) => {
    const m = ENTRY_PATH.exec(f.path);
    const line = f.location?.line;
    if (m === null || line === void 0) return f;
    const e = facts.secrets[Number(m[1])]?.entries.find((x) => x.line === line);
    const entry = e === void 0 ? null : entryName(e);
    return entry === null ? f : { ...f, entry };
  });
}

// node_modules/@open-policy-agent/opa-wasm/src/index.mjs
var import_opa = __toESM(require_opa(), 1);
var loadPolicy = import_opa.default.loadPolicy;
var src_default = import_opa.default;

// src/engine/wasm-policy.ts
var { loadPolicySync } = src_default;
var RESET_BYTES = 64 * 2 ** 20;
var PAGE = 65536;
var HEAP_PER_BYTE = 20;
var BASE_PAGES = 16;
var WasmPolicy = class _WasmPolicy {
  constructor(module, pages, data, entrypoint, viaSdk) {
    this.module = module;
    this.pages = pages;
    this.data = data;
    this.entrypoint = entrypoint;
    this.viaSdk = viaSdk;
    this.heapPages = pages.initial;
    this.policy = this.instantiate(pages.initial);
    this.opaEval = this.directEval();
    this.entrypointId = this.entrypointIdOf();
    this.view = Buffer.from(this.policy.mem.buffer);
  }
  module;
  pages;
  data;
  entrypoint;
  viaSdk;
  policy;
  /** null: a module before ABI 1.2, evaluated through the SDK. */
  opaEval;
  entrypointId;
  view;
  /** The memory's size (pages) when the current instance started: what its allocator uses before growing page by page. */
  heapPages;
  fresh = false;
  /**
   * Instantiates `module` with `data` as the data document. Throws what the SDK or the module throws (a string,
   * an object, an Error) — PolicyEngine.load turns it into an error value.
   */
  static load(module, pages, data, entrypoint, viaSdk = false) {
    return new _WasmPolicy(module, pages, data, entrypoint, viaSdk);
  }
  /** The SDK's view of the current instance: entrypoints, exports (PolicyEngine checks them at load). */
  get loaded() {
    return this.policy;
  }
  /** Whether the entrypoint named at load exists in the module. */
  get hasEntrypoint() {
    return this.entrypointId >= 0;
  }
  /**
   * The entrypoint's result set for one input (JSON text, or its UTF-8 bytes). Throws what the module throws
   * (opa_abort: a string) or a RangeError when memory cannot grow; the instance is replaced before the next call.
   */
  evaluate(input) {
    const pages = Math.min(this.pages.maximum, Math.max(this.pages.initial, BASE_PAGES + Math.ceil(input.length * HEAP_PER_BYTE / PAGE)));
    try {
      if (this.fresh || pages > this.heapPages) this.renew(pages);
      const result = this.opaEval === null ? this.throughSdk(input) : this.direct(this.opaEval, input);
      if (this.policy.mem.buffer.byteLength > RESET_BYTES) this.release();
      return result;
    } catch (e) {
      this.release();
      throw e;
    }
  }
  /**
   * Replaces a grown (or trapped) instance now, not at the next call: an idle policy thread must not sit on up to
   * 1 GiB of memory while another evaluates the next large config (policy-pool.ts evaluates those one at a time).
   */
  release() {
    this.fresh = true;
    try {
      this.renew(this.pages.initial);
    } catch {
    }
  }
  direct(opaEval, input) {
    const at = this.policy.dataHeapPtr;
    let len;
    if (typeof input === "string") {
      this.reserve(at + (at + input.length * 3 <= this.view.length ? input.length * 3 : Buffer.byteLength(input)));
      len = this.view.write(input, at, "utf8");
    } else {
      len = input.length;
      this.reserve(at + len);
      this.view.set(input, at);
    }
    const result = opaEval(0, this.entrypointId, this.policy.dataAddr, at, len, at + len, 0);
    const mem = this.current();
    const end = mem.indexOf(0, result);
    return JSON.parse(mem.toString("utf8", result, end < 0 ? mem.length : end));
  }
  throughSdk(input) {
    const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : new Uint8Array(bytes).buffer;
    return this.policy.evaluate(whole, this.entrypoint);
  }
  reserve(end) {
    const buffer = this.policy.mem.buffer;
    if (end > buffer.byteLength) this.policy.mem.grow(Math.ceil((end - buffer.byteLength) / PAGE));
    this.current();
  }
  current() {
    if (this.view.buffer !== this.policy.mem.buffer) this.view = Buffer.from(this.policy.mem.buffer);
    return this.view;
  }
  renew(pages) {
    this.policy = this.instantiate(pages);
    this.heapPages = pages;
    this.opaEval = this.directEval();
    this.entrypointId = this.entrypointIdOf();
    this.view = Buffer.from(this.policy.mem.buffer);
    this.fresh = false;
  }
  instantiate(initial) {
    const policy = loadPolicySync(this.module, { initial, maximum: this.pages.maximum }, HOST_BUILTINS);
    policy.setData(this.data);
    return policy;
  }
  directEval() {
    const exports = exportsOf(this.policy);
    const f = exports["opa_eval"];
    return !this.viaSdk && typeof f === "function" && typeof this.policy.minorVersion === "number" && this.policy.minorVersion >= 2 ? f : null;
  }
  entrypointIdOf() {
    const entrypoints = this.policy.entrypoints;
    const id = isObject(entrypoints) ? entrypoints[this.entrypoint] : void 0;
    return typeof id === "number" ? id : -1;
  }
};
function exportsOf(policy) {
  const instance = policy.wasmInstance;
  return "exports" in instance ? instance.exports : instance.instance.exports;
}

// src/engine/policy-engine.ts
var BUILTIN_MEMORY = { initial: 64, maximum: 16384 };
var PAGE2 = 65536;
function policyMemory(source) {
  return source.limits ? { initial: Math.min(16, source.limits.memoryMiB * 16), maximum: source.limits.memoryMiB * 16 } : BUILTIN_MEMORY;
}
function refuseOversized(source, input, target, modules) {
  if (source.limits) return null;
  const max = policyMemory(source).maximum * PAGE2;
  return overBudget(input, max) === null ? null : tooLarge(target, modules, max, source.name);
}
var PolicyEngine = class _PolicyEngine {
  constructor(policy, source) {
    this.policy = policy;
    this.source = source;
    this.byId = new Map(source.rules.map((r) => [r.id, r]));
    this.keep = source.paramNames ? new Set(source.paramNames) : null;
  }
  policy;
  source;
  byId;
  keep;
  /**
   * `viaSdk`: evaluate through the SDK's own evaluate (how a module older than ABI 1.2 is evaluated anyway);
   * the tests check the direct path against it.
   */
  static async load(source, options = {}) {
    if (source.rules.length === 0) return fail(new UserError(`${source.name} defines no rules (no METADATA with custom.id)`, source.name, "Give every rule METADATA with custom.id, title and severity."));
    let policy;
    try {
      const memory = policyMemory(source);
      const module = new WebAssembly.Module(source.wasm);
      policy = WasmPolicy.load(module, memory, cvePolicyData(), source.entrypoint, options.viaSdk === true);
    } catch (e) {
      return fail(new UserError(`cannot load the policy: ${renamed(describe(e), source)}`, source.name, "Rebuild it with opa build -t wasm."));
    }
    const entrypoints = isObject(policy.loaded.entrypoints) ? Object.keys(policy.loaded.entrypoints) : [];
    if (!policy.hasEntrypoint || !entrypoints.includes(source.entrypoint)) {
      return fail(new UserError(`the policy has no entrypoint ${source.entrypoint} (it has ${entrypoints.join(", ") || "none"})`, source.name));
    }
    const missing = hostBuiltins(policy.loaded).filter((b) => !SDK_BUILTINS.has(b) && !(b in HOST_BUILTINS));
    if (missing.length > 0) {
      return fail(new UserError(`the policy calls builtins that do not work in WebAssembly here: ${missing.join(", ")}`, source.name, "Compile against policies/capabilities.json so this fails at build time."));
    }
    return ok(new _PolicyEngine(policy, source));
  }
  get rules() {
    return this.source.rules;
  }
  /** All findings for one facts document, in report order; an error names the target and the policy. */
  evaluate(facts) {
    const done = this.evaluateInput(this.serialize(facts), facts.target.id, facts.config.modules.length);
    return done.ok ? ok(withSecretsEntries(done.value, facts)) : done;
  }
  /** The policy's input for a facts document, as JSON text: what evaluateInput takes (a pool serializes here, once). */
  serialize(facts) {
    return policyInput(facts, this.keep);
  }
  /**
   * The findings for an input serialized by `serialize` (text or its UTF-8 bytes), in report order, before
   * withSecretsEntries (which needs the facts document itself). `modules`: the target's, named when it is too
   * large to evaluate.
   */
  evaluateInput(input, target, modules) {
    const refused = refuseOversized(this.source, input, target, modules);
    if (refused !== null) return fail(refused);
    let raw;
    try {
      raw = this.policy.evaluate(input);
    } catch (e) {
      if (isMemoryFailure(e)) return fail(tooLarge(target, modules, policyMemory(this.source).maximum * PAGE2, this.source.name));
      return fail(new UserError(`policy evaluation failed: ${renamed(describe(e), this.source)}`, target, `${capitalized(policyLabel(this.source.name))} could not evaluate this target; its other targets are unaffected.`));
    }
    const first = Array.isArray(raw) ? raw[0] : void 0;
    return this.complete(isObject(first) ? first["result"] : [], target);
  }
  /** The entrypoint's value (a list of raw findings) as checked, catalog-completed findings in report order. */
  complete(list, target) {
    if (!Array.isArray(list)) return fail(new UserError("the policy returned something other than a list of findings", target));
    const findings = [];
    for (const item of list) {
      const f = toFinding(item, target, this.byId);
      if (typeof f === "string") return fail(new UserError(`the policy returned an invalid finding: ${f}`, target));
      findings.push(f);
    }
    return ok(dedupe(findings).sort(compareFindings));
  }
};
function policyInput(facts, keep) {
  return JSON.stringify(keep ? policyView(facts, keep) : facts);
}
function dedupe(findings) {
  if (findings.length < 2) return findings;
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = identityKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function identityKey(f) {
  const loc = f.location === null ? "" : `${f.location.line}:${f.location.column}:${f.location.file}`;
  const cves = f.cves === void 0 ? "" : f.cves.join(",");
  return `${f.rule_id.length}:${f.rule_id}${f.message.length}:${f.message}${loc.length}${f.location === null ? "-" : ":"}${loc}${f.path.length}:${f.path}${cves}`;
}
function renamed(message, source) {
  return (source.renames ?? []).reduce((m, [from, to]) => m.replaceAll(from, to), message);
}
function describe(e) {
  if (typeof e === "string") return e;
  if (e instanceof Error) return e.message;
  if (isObject(e) && typeof e["message"] === "string") return e["message"];
  return JSON.stringify(e);
}
function hostBuiltins(policy) {
  const exports = exportsOf(policy);
  const builtins = exports["builtins"];
  const dump = exports["opa_json_dump"];
  if (typeof builtins !== "function" || typeof dump !== "function") return [];
  const addr = Number(dump(builtins()));
  const mem = new Uint8Array(policy.mem.buffer);
  let end = addr;
  while (mem[end] !== 0 && end < mem.length) end++;
  const parsed = JSON.parse(new TextDecoder().decode(mem.subarray(addr, end)));
  return isObject(parsed) ? Object.keys(parsed) : [];
}

// src/engine/policy-worker.ts
var port = parentPort;
if (port === null) throw new Error("policy-worker runs only as a worker thread");
var send = (m) => port.postMessage(m);
var errorValue = (e) => ({ message: e.message, ...e.where ? { where: e.where } : {}, ...e.hint ? { hint: e.hint } : {} });
var loaded = await PolicyEngine.load(workerData);
if (!loaded.ok) {
  send({ type: "load-failed", error: errorValue(loaded.error) });
} else {
  const engine = loaded.value;
  port.on("message", (m) => {
    if (m.type === "evaluate-input") {
      const r2 = engine.evaluateInput(m.input, m.target, m.modules);
      send(r2.ok ? { type: "result", id: m.id, findings: r2.value } : { type: "failed", id: m.id, error: errorValue(r2.error) });
      return;
    }
    const r = engine.evaluate(m.facts);
    send(r.ok ? { type: "result", findings: r.value } : { type: "failed", error: errorValue(r.error) });
  });
  send({ type: "loaded" });
}
