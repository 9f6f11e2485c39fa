#!/usr/bin/env node
import { createRequire as __rgCreateRequire } from 'node:module';
const require = __rgCreateRequire(import.meta.url);

// src/common/diagnostic.ts
function diagnostic(severity, code, message, at, hint) {
  return hint === void 0 ? { severity, code, message, at } : { severity, code, message, at, hint };
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

// src/cli/commands/access.ts
import { isIP } from "node:net";

// src/facts/access/ip-address.ts
function parseNumericHost(text2) {
  const v4 = inetAton(text2);
  if (v4) return { family: 4, bytes: v4, scope: 0 };
  const pct = text2.indexOf("%");
  const body = pct < 0 ? text2 : text2.slice(0, pct);
  const v6 = inetPton6(body);
  if (!v6) return void 0;
  if (pct < 0) return { family: 6, bytes: v6, scope: 0 };
  const scope = scopeId(text2.slice(pct + 1));
  return scope === void 0 ? void 0 : { family: 6, bytes: v6, scope };
}
function scopeId(text2) {
  if (/^\d+$/.test(text2)) return Number(text2);
  return text2 === "lo" ? 1 : void 0;
}
function inetAton(text2) {
  const parts = text2.split(".");
  if (parts.length > 4) return void 0;
  const values = [];
  for (const part of parts) {
    const v = atonPart(part);
    if (v === void 0) return void 0;
    values.push(v);
  }
  const last = values.pop() ?? 0;
  if (values.some((v) => v > 255)) return void 0;
  const lastBytes = 4 - values.length;
  if (last >= 2 ** (8 * lastBytes)) return void 0;
  const out = [...values];
  for (let k = lastBytes - 1; k >= 0; k--) out.push(Math.floor(last / 2 ** (8 * k)) % 256);
  return out;
}
function atonPart(part) {
  if (/^0[xX][0-9a-fA-F]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
  if (/^[1-9][0-9]*$/.test(part)) return Number(part);
  return void 0;
}
function inetPton4(text2) {
  const parts = text2.split(".");
  if (parts.length !== 4) return void 0;
  const out = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return void 0;
    const v = Number(part);
    if (v > 255) return void 0;
    out.push(v);
  }
  return out;
}
function inetPton6(text2) {
  if (text2 === "" || /[^0-9a-fA-F:.]/.test(text2)) return void 0;
  const halves = text2.split("::");
  if (halves.length > 2) return void 0;
  const groups = (s) => {
    if (s === "") return [];
    const out = [];
    const items = s.split(":");
    for (const [i, item] of items.entries()) {
      if (item.includes(".")) {
        const v4 = i === items.length - 1 ? inetPton4(item) : void 0;
        if (!v4) return void 0;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(item)) return void 0;
        const v = parseInt(item, 16);
        out.push(v >> 8, v & 255);
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (!head || !tail) return void 0;
  if (halves.length === 2 && (halves[0] ?? "").includes(".")) return void 0;
  if (halves.length === 1) return head.length === 16 ? head : void 0;
  const fill = 16 - head.length - tail.length;
  if (fill < 2) return void 0;
  return [...head, ...new Array(fill).fill(0), ...tail];
}
function parseMask(text2, family) {
  return family === 4 ? inetPton4(text2) : inetPton6(text2);
}
function strtolExact(text2) {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(text2);
  if (!m) return void 0;
  const n = Math.min(Number(m[2]), Number.MAX_SAFE_INTEGER);
  return m[1] === "-" ? -n : n;
}
function prefixMask(bits, length) {
  const mask = [];
  for (let i = 0; i < length; i++) {
    const take = Math.max(0, Math.min(8, bits - 8 * i));
    mask.push(255 << 8 - take & 255);
  }
  return mask;
}
function maskedEqual(a, b, mask) {
  return a.every((byte, i) => ((byte ^ (b[i] ?? 0)) & (mask[i] ?? 0)) === 0);
}

// src/facts/access/wildmatch.ts
var CLASSES = {
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  alpha: (c) => /^[A-Za-z]$/.test(c),
  blank: (c) => c === " " || c === "	",
  cntrl: (c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127,
  digit: (c) => /^[0-9]$/.test(c),
  graph: (c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127,
  lower: (c) => /^[a-z]$/.test(c),
  print: (c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) < 127,
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  space: (c) => /^[ \t\n\v\f\r]$/.test(c),
  upper: (c) => /^[A-Z]$/.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c)
};
var MAX_STEPS = 1e5;
function wildmatch(pattern, text2) {
  return new Matcher(pattern, text2).run();
}
function iwildmatch(pattern, text2) {
  return new Matcher(asciiLower(pattern), asciiLower(text2)).run();
}
function asciiLower(s) {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
var Matcher = class {
  constructor(p2, t) {
    this.p = p2;
    this.t = t;
  }
  p;
  t;
  steps = 0;
  memo = /* @__PURE__ */ new Map();
  run() {
    return this.match(0, 0);
  }
  match(pi, ti) {
    const key = pi * (this.t.length + 1) + ti;
    const known = this.memo.get(key);
    if (known !== void 0) return known;
    if (++this.steps > MAX_STEPS) return false;
    const result = this.step(pi, ti);
    this.memo.set(key, result);
    return result;
  }
  step(pi, ti) {
    const { p: p2, t } = this;
    if (pi >= p2.length) return ti >= t.length;
    const pc = p2[pi] ?? "";
    if (pc === "*") {
      let next = pi + 1;
      const crossesSlash = p2[next] === "*";
      while (p2[next] === "*") next++;
      for (let k = ti; k <= t.length; k++) {
        if (++this.steps > MAX_STEPS) return false;
        if (this.match(next, k)) return true;
        if (k < t.length && !crossesSlash && t[k] === "/") return false;
      }
      return false;
    }
    if (ti >= t.length) return false;
    const tc = t[ti] ?? "";
    if (pc === "?") return tc !== "/" && this.match(pi + 1, ti + 1);
    if (pc === "[") {
      const cls = matchClass(p2, pi, tc);
      return cls !== void 0 && cls.matched && this.match(cls.end, ti + 1);
    }
    if (pc === "\\") {
      return pi + 1 < p2.length && p2[pi + 1] === tc && this.match(pi + 2, ti + 1);
    }
    return pc === tc && this.match(pi + 1, ti + 1);
  }
};
function matchClass(p2, start, c) {
  let i = start + 1;
  const negate = p2[i] === "!" || p2[i] === "^";
  if (negate) i++;
  let matched = false;
  let prev = "";
  let first = true;
  for (; ; ) {
    let ch = p2[i];
    if (ch === void 0) return void 0;
    if (ch === "]" && !first) break;
    first = false;
    if (ch === "\\") {
      ch = p2[++i];
      if (ch === void 0) return void 0;
      if (c === ch) matched = true;
      prev = ch;
    } else if (ch === "-" && prev !== "" && p2[i + 1] !== void 0 && p2[i + 1] !== "]") {
      let hi = p2[++i] ?? "";
      if (hi === "\\") {
        hi = p2[++i] ?? "";
        if (hi === "") return void 0;
      }
      if (c >= prev && c <= hi) matched = true;
      prev = "";
    } else if (ch === "[" && p2[i + 1] === ":") {
      const close = p2.indexOf("]", i + 2);
      if (close < 0) return void 0;
      if (close - 1 >= i + 2 && p2[close - 1] === ":") {
        const test = CLASSES[p2.slice(i + 2, close - 1)];
        if (!test) return void 0;
        if (test(c)) matched = true;
        i = close;
        prev = "";
      } else {
        if (c === "[") matched = true;
        prev = "[";
      }
    } else {
      if (c === ch) matched = true;
      prev = ch;
    }
    i++;
  }
  return { matched: matched !== negate, end: i + 1 };
}

// src/facts/access/hosts.ts
function atLeast(v, min) {
  for (let i = 0; i < 3; i++) if ((v[i] ?? 0) !== (min[i] ?? 0)) return (v[i] ?? 0) > (min[i] ?? 0);
  return true;
}
function tokenizeHostList(list) {
  return list.replace(/[A-Z]/g, (c) => c.toLowerCase()).split(/[ ,\t]+/).filter((t) => t !== "");
}
function allowAccess(peer, allow, deny, opts) {
  const assumptions = [];
  const allowList = allow === "" ? void 0 : allow;
  const denyList = deny === "" ? void 0 : deny;
  if (allowList !== void 0) {
    const hit = firstMatch(allowList, peer, false, opts, assumptions);
    if (hit) return { allowed: true, reason: `"hosts allow" admits ${describe(peer)}: ${hit}.`, assumptions };
    if (denyList === void 0) {
      return { allowed: false, reason: `"hosts allow" is set and nothing in it matches ${describe(peer)}, and there is no "hosts deny".`, assumptions };
    }
  }
  if (denyList !== void 0) {
    const hit = firstMatch(denyList, peer, true, opts, assumptions);
    if (hit) return { allowed: false, reason: `"hosts deny" refuses ${describe(peer)}: ${hit}.`, assumptions };
  }
  if (allowList === void 0 && denyList === void 0) {
    return { allowed: true, reason: 'No "hosts allow" or "hosts deny": every host may connect.', assumptions };
  }
  const why = allowList === void 0 ? 'nothing in "hosts deny" matches it' : 'it is in neither "hosts allow" nor "hosts deny", and rsync admits hosts in neither list';
  return { allowed: true, reason: `${describe(peer)} is admitted: ${why}.`, assumptions };
}
function describe(peer) {
  return `${peer.addr} (host name "${peer.host}")`;
}
function firstMatch(list, peer, deny, opts, assumptions) {
  for (const token of tokenizeHostList(list)) {
    const byName = matchHostname(peer, token, deny, opts, assumptions);
    if (byName) return byName;
    if (matchAddress(peer.addr, token)) return `the address token "${token}" covers ${peer.addr}`;
  }
  return void 0;
}
function matchHostname(peer, token, deny, opts, assumptions) {
  if (token.startsWith("@") && token.length > 1) {
    assumptions.push(`${peer.host} is not in netgroup ${token} (netgroups are not evaluated).`);
    return void 0;
  }
  if (iwildmatch(token, peer.host)) return `"${token}" matches the host name "${peer.host}"`;
  if (!opts.forwardLookup) return void 0;
  if (/^[.0-9]*$/.test(token) || /[:/*?[]/.test(token)) return void 0;
  const answer = opts.resolve(token);
  switch (answer.kind) {
    case "addrs":
      return answer.addrs.includes(peer.addr) ? `"${token}" resolves to ${peer.addr}` : void 0;
    case "unresolvable":
      if (deny && atLeast(opts.version, [3, 5, 0])) return `"${token}" does not resolve, and rsync 3.5.0 treats an unresolvable deny token as a match`;
      return void 0;
    case "unknown":
      assumptions.push(`"${token}" resolves to some host other than ${peer.addr}.`);
      return void 0;
  }
}
function matchAddress(addr, token) {
  const slash = token.indexOf("/");
  const host = slash < 0 ? token : token.slice(0, slash);
  if (!/^[.0-9]*$/.test(host) && !host.includes(":")) return false;
  const client = parseNumericHost(addr);
  const tok = parseNumericHost(host);
  if (!client || !tok || client.family !== tok.family) return false;
  if (tok.scope !== 0 && tok.scope !== client.scope) return false;
  const mask = slash < 0 ? prefixMask(128, client.bytes.length) : maskFor(token.slice(slash + 1), tok);
  if (mask === "all") return true;
  return mask !== void 0 && maskedEqual(client.bytes, tok.bytes, mask);
}
function maskFor(text2, tok) {
  const literal = parseMask(text2, tok.family);
  if (literal) return literal;
  const bits = strtolExact(text2);
  if (bits === void 0) return void 0;
  if (bits === 0) return "all";
  if (bits < 0 || bits > tok.bytes.length * 8) return void 0;
  return prefixMask(bits, tok.bytes.length);
}

// src/facts/access/acl-tokens.ts
function classifyHostList(list) {
  return tokenizeHostList(list).map((token) => ({ token, kind: classify(token) }));
}
function classify(token) {
  if (token === "unknown" || token === "undetermined") return "placeholder";
  if (token.startsWith("@") && token.length > 1) return "netgroup";
  const slash = token.indexOf("/");
  const host = slash < 0 ? token : token.slice(0, slash);
  const numeric = /^[.0-9]*$/.test(host) || host.includes(":");
  if (!numeric) return /[*?[]/.test(token) ? "wildcard" : "hostname";
  if (/[*?[]/.test(token)) return "wildcard";
  const addr = parseNumericHost(host);
  if (!addr) return "malformed";
  if (slash < 0) return "address";
  const text2 = token.slice(slash + 1);
  const mask = parseMask(text2, addr.family);
  if (mask) return mask.every((b) => b === 0) ? "any-address" : "network";
  const bits = strtolExact(text2);
  if (bits === void 0 || bits < 0 || bits > addr.bytes.length * 8) return "malformed";
  return bits === 0 ? "any-address" : "network";
}

// src/facts/access/auth-users.ts
function splitAuthUsers(value, version) {
  if (!atLeast(version, [3, 5, 0])) return value.split(/[ ,\t]+/).filter((t) => t !== "");
  const trimmed = value.replace(/^[ \t\n\v\f\r]+/, "");
  if (trimmed.startsWith(",")) {
    return trimmed.slice(1).split(",").map((t) => t.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, "")).filter((t) => t !== "");
  }
  return value.split(/[ ,\t\r\n]+/).filter((t) => t !== "");
}
function parseAuthUsers(value, version) {
  return splitAuthUsers(value, version).map(parseRule);
}
function parseRule(raw) {
  const colon = raw.indexOf(":");
  const name = colon < 0 ? raw : raw.slice(0, colon);
  const opt = colon < 0 ? null : raw.slice(colon + 1);
  const option = optionOf(opt);
  const group = name.startsWith("@");
  return {
    raw,
    pattern: group ? name.slice(1) : name,
    group,
    option,
    ignoredOption: opt !== null && option === null ? opt : null,
    empty: name === ""
  };
}
function optionOf(opt) {
  if (opt === null) return null;
  const a = (opt[0] ?? "").toLowerCase();
  const b = (opt[1] ?? "").toLowerCase();
  if (a === "d") return "deny";
  if (a === "r" && b === "o") return "ro";
  if (a === "r" && b === "w") return "rw";
  return null;
}
function matchAuthUser(rules, user, groupsOf) {
  let groups;
  for (const rule of rules) {
    let hit;
    if (rule.group) {
      groups ??= groupsOf(user);
      hit = groups !== "unknown" && groups.some((g) => wildmatch(rule.pattern, g));
    } else {
      hit = wildmatch(rule.pattern, user);
    }
    if (!hit) continue;
    if (rule.option === "deny") return { result: "denied-by-rule", rule, access: "module-default", reason: `"${rule.raw}" is the first rule matching ${user}, and it denies.` };
    const access = rule.option ?? "module-default";
    const how = access === "module-default" ? `the module's "read only" applies` : `it grants ${access}`;
    return { result: "password", rule, access, reason: `"${rule.raw}" is the first rule matching ${user}; with the right password ${user} gets in and ${how}.` };
  }
  const unknownGroups = groups === "unknown" ? ` (the groups of ${user} on the daemon's host are not known, so no @group rule was taken to match)` : "";
  return { result: "no-matching-rule", rule: null, access: "module-default", reason: `No rule matches ${user}: rsync refuses with "no matching rule"${unknownGroups}.` };
}
function describeAuthRules(value, version) {
  const rules = parseAuthUsers(value, version);
  return rules.map((rule, i) => {
    const earlier = rules.slice(0, i).find((e) => e.group === rule.group && covers(e.pattern, rule.pattern));
    return {
      raw: rule.raw,
      pattern: rule.pattern,
      group: rule.group,
      option: rule.option,
      ignored_option: rule.ignoredOption,
      empty: rule.empty,
      shadowed_by: earlier ? earlier.raw : null
    };
  });
}
function covers(a, b) {
  if (/^\*+$/.test(a)) return true;
  return !/[*?[\\]/.test(b) && wildmatch(a, b);
}

// src/facts/access/offline-resolve.ts
function offlineResolve(name) {
  if (name === "localhost") return { kind: "addrs", addrs: ["127.0.0.1"] };
  if (!name.includes(".") || /\.(invalid|localhost)$/.test(name)) return { kind: "unresolvable" };
  return { kind: "unknown" };
}

// src/facts/access/simulate.ts
function simulateAccess(config, client, opts) {
  const addr = unmapIPv4(client.addr);
  const verified = client.name ?? "UNKNOWN";
  const globalHost = bool(config.global["reverse lookup"]?.value, true) ? verified : "UNDETERMINED";
  const root = opts.daemonUser === "root" && !dropsRoot(config.global["daemon uid"]?.value ?? null);
  const byName = /* @__PURE__ */ new Map();
  for (const m of config.modules) byName.set(m.name, m);
  const modules = config.modules.map((m) => {
    if (!config.serves) return unreachable(m);
    const target = byName.get(m.name) ?? m;
    const result = simulateModule(target, { addr, host: globalHost, verified }, client.user, root, opts);
    const listed = bool(m.params["list"]?.value, true);
    if (target !== m) result.reasons.unshift(`A later module is also named "${m.name}"; requests reach that one.`);
    return { ...result, listed };
  });
  return { starts: config.starts, serves: config.serves, client: { addr, host: globalHost }, modules };
}
function simulateModule(m, peer, user, root, opts) {
  const reasons = [];
  const assumptions = [];
  const param = (name) => m.params[name]?.value ?? null;
  const text2 = (name) => {
    const v = param(name);
    return typeof v === "string" ? v : "";
  };
  const listed = bool(param("list"), true);
  const host = peer.host === "UNDETERMINED" && bool(param("reverse lookup"), true) ? peer.verified : peer.host;
  const decision = allowAccess({ addr: peer.addr, host }, text2("hosts allow") || void 0, text2("hosts deny") || void 0, {
    forwardLookup: bool(param("forward lookup"), true),
    resolve: opts.resolve,
    version: opts.version
  });
  assumptions.push(...decision.assumptions);
  const authUsers = text2("auth users");
  const base = {
    name: m.name,
    listed,
    host_allowed: decision.allowed,
    auth_required: authUsers !== "",
    anonymous_read: false,
    anonymous_write: false,
    reasons,
    assumptions
  };
  reasons.push(decision.reason);
  const refuse = (outcome, why) => {
    reasons.push(why);
    return { ...base, read: outcome, write: outcome };
  };
  if (!decision.allowed) {
    return refuse(listed ? "access-denied" : "unknown-module", listed ? 'Denied hosts get "access denied".' : 'With "list = no" a denied host is told the module does not exist.');
  }
  const max = Number(param("max connections") ?? 0);
  if (max < 0) return refuse("max-connections", `"max connections = ${max}" disables the module.`);
  if (max > 0) {
    const lock = text2("lock file");
    if (!root && lock === "/var/run/rsyncd.lock") {
      return refuse("lock-file", `A non-root daemon cannot open the default lock file ${lock} that "max connections" needs.`);
    }
    assumptions.push(`The daemon can open its lock file ${lock} and a connection slot is free.`);
  }
  const readOnly = bool(param("read only"), true);
  let userAccess;
  if (authUsers !== "") {
    const rules = parseAuthUsers(authUsers, opts.version);
    if (user !== void 0) userAccess = evaluateUser(user, rules, { readOnly, writeOnly: bool(param("write only"), false), secrets: text2("secrets file") }, opts);
    return { ...refuse("auth-failed", `"auth users" is set: a client without valid credentials gets "auth failed".`), ...userAccess ? { user: userAccess } : {} };
  }
  reasons.push('No "auth users": anyone the host rules admit gets in without a password.');
  const setup = moduleSetup(m, root, text2, opts.version);
  if (setup) return refuse(setup.outcome, setup.why);
  const writeOnly = bool(param("write only"), false);
  const read = writeOnly ? "write-only" : "ok";
  const write = readOnly ? "read-only" : "ok";
  if (writeOnly) reasons.push('"write only = yes": downloads are refused.');
  if (!readOnly) reasons.push('"read only = no": anonymous uploads are accepted.');
  return { ...base, read, write, anonymous_read: read === "ok", anonymous_write: write === "ok" };
}
function moduleSetup(m, root, text2, version) {
  const path = text2("path");
  if (path === "") return { outcome: "no-path", why: 'The module has no "path": rsync answers "no path setting".' };
  const set = m.params["use chroot"]?.value ?? "unset";
  const chroot = set === "unset" && !atLeast(version, [3, 2, 7]) ? true : set;
  if (!root) {
    const needsChroot = chroot === true || chroot === "unset" && path.includes("/./");
    if (needsChroot) return { outcome: "chroot-failed", why: "A non-root daemon cannot chroot, and this module requires it." };
    if (text2("gid") !== "") return { outcome: "setgid-failed", why: 'A non-root daemon cannot switch to the "gid" this module names.' };
    if (text2("uid") !== "") return { outcome: "setuid-failed", why: 'A non-root daemon cannot switch to the "uid" this module names.' };
  }
  return void 0;
}
function evaluateUser(user, rules, module, opts) {
  const outcome = matchAuthUser(rules, user, opts.groupsOf ?? (() => "unknown"));
  const noSecrets = outcome.result === "password" && module.secrets === "";
  const admitted = outcome.result === "password" && !noSecrets;
  const ro = outcome.access === "module-default" ? module.readOnly : outcome.access === "ro";
  return {
    user,
    result: noSecrets ? "no-secrets-file" : outcome.result,
    rule: outcome.rule?.raw ?? null,
    read: admitted && !module.writeOnly,
    write: admitted && !ro,
    reason: noSecrets ? `${outcome.reason} But the module has no "secrets file", so every login fails ("no secrets file").` : outcome.reason
  };
}
function unreachable(m) {
  const why = "The daemon fails every connection (a fatal error in the configuration), so nothing is served.";
  return {
    name: m.name,
    listed: false,
    host_allowed: false,
    auth_required: false,
    anonymous_read: false,
    anonymous_write: false,
    read: "connection-failed",
    write: "connection-failed",
    reasons: [why],
    assumptions: []
  };
}
function bool(v, fallback) {
  return typeof v === "boolean" ? v : fallback;
}
function dropsRoot(v) {
  return typeof v === "string" && v !== "" && v !== "root" && v !== "0";
}
function unmapIPv4(addr) {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  return m?.[1] ?? addr;
}

// src/facts/types.ts
var FACTS_SCHEMA = "rsyncguard/facts@1";

// src/facts/build-facts.ts
var OUTSIDE_CLIENTS = { ipv4: "203.0.113.7", ipv6: "2001:db8::7" };
function buildFacts(input) {
  const { config } = input;
  const opts = { daemonUser: input.daemonUser, version: input.rsyncVersion, resolve: offlineResolve };
  const v4 = simulateAccess(config, { addr: OUTSIDE_CLIENTS.ipv4 }, opts);
  const v6 = simulateAccess(config, { addr: OUTSIDE_CLIENTS.ipv6 }, opts);
  const modules = config.modules.map((m, i) => ({
    name: m.name,
    header: { file: m.header.file, line: m.header.line, column: m.header.column },
    shadowed: m.shadowed,
    params: m.params,
    access: summarize(v4.modules[i], v6.modules[i]),
    acl: { allow: hostList(m.params["hosts allow"]?.value), deny: hostList(m.params["hosts deny"]?.value) },
    auth_rules: describeAuthRules(text(m.params["auth users"]?.value), input.rsyncVersion)
  }));
  const secrets = (input.secrets ?? []).map((s) => secretsFacts(s, config));
  const diagnostics = [...config.diagnostics, ...(input.secrets ?? []).flatMap((s) => s.diagnostics ?? [])];
  return {
    schema: FACTS_SCHEMA,
    target: input.target,
    context: { daemon_user: input.daemonUser, rsync_version: input.rsyncVersion.join("."), today: input.today },
    rsync: input.rsync ?? { version: null, source: null },
    config: {
      starts: config.starts,
      serves: config.serves,
      partial: config.partial,
      files: config.files.map((f) => ({ ...f, mode: input.fileStats?.get(f.path)?.mode ?? null, uid: input.fileStats?.get(f.path)?.uid ?? null })),
      global: config.global,
      listener: config.listener,
      modules,
      diagnostics: diagnostics.map(toFactsDiagnostic),
      inline_waivers: config.inlineWaivers
    },
    secrets,
    daemon: input.daemon ?? { processes: [], listeners: [], units: [] },
    image: input.image ?? null
  };
}
function text(v) {
  return typeof v === "string" ? v : "";
}
function hostList(v) {
  const tokens = classifyHostList(text(v));
  return tokens.length === 0 ? null : tokens;
}
function summarize(a, b) {
  if (!a || !b) throw new Error("simulateAccess returned fewer modules than the configuration has");
  return {
    listed: a.listed,
    auth_required: a.auth_required,
    open_to_any_host: a.host_allowed || b.host_allowed,
    host_allowed: { ipv4: a.host_allowed, ipv6: b.host_allowed },
    anonymous_read: a.anonymous_read || b.anonymous_read,
    anonymous_write: a.anonymous_write || b.anonymous_write,
    read: a.read,
    write: a.write,
    reasons: a.reasons,
    assumptions: [.../* @__PURE__ */ new Set([...a.assumptions, ...b.assumptions])]
  };
}
function secretsFacts(s, config) {
  const referencedBy = config.modules.filter((m) => m.params["secrets file"]?.value === s.path).map((m) => m.name);
  const stat = s.stat;
  return {
    path: s.path,
    exists: stat === void 0 ? null : stat !== null,
    mode: stat ? stat.mode & 4095 : null,
    uid: stat ? stat.uid : null,
    gid: stat ? stat.gid : null,
    owner_is_root: stat ? stat.uid === 0 : null,
    other_accessible: stat ? (stat.mode & 6) !== 0 : null,
    referenced_by: referencedBy,
    entries: s.entries ?? []
  };
}
function toFactsDiagnostic(d) {
  const out = { severity: d.severity, code: d.code, message: d.message, file: d.at.file, line: d.at.line, column: d.at.column };
  if (d.hint !== void 0) out.hint = d.hint;
  return out;
}

// src/facts/access/hostname-tokens.ts
function hostnameTokens(config) {
  const names = /* @__PURE__ */ new Set();
  const lists = [config.global, ...config.modules.map((m) => m.params)].flatMap((p2) => [p2["hosts allow"]?.value, p2["hosts deny"]?.value]);
  for (const list of lists) {
    if (typeof list !== "string") continue;
    for (const token of tokenizeHostList(list)) {
      if (/^[\d.]*$/.test(token) || /[:/*?[]/.test(token) || token.startsWith("@")) continue;
      names.add(token);
    }
  }
  return [...names].sort();
}

// src/cli/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, argv) {
  const options = {};
  for (const [name, o] of Object.entries(command.options)) options[name] = { type: o.type };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(e instanceof Error ? e.message.replace(/^.*?: /, "") : String(e), void 0, `See rsyncguard ${command.name} --help.`);
  }
  const values = { ...parsed.values };
  for (const [name, o] of Object.entries(command.options)) {
    if (values[name] === void 0 && o.default !== void 0) values[name] = o.default;
    const v = values[name];
    if (o.choices && typeof v === "string" && !o.choices.includes(v)) {
      throw new UserError(`--${name} must be one of ${o.choices.join(", ")}, not "${v}"`);
    }
  }
  return { values, positionals: parsed.positionals };
}
function stringOption(args, name) {
  const v = args.values[name];
  return typeof v === "string" ? v : void 0;
}

// src/cli/exit-codes.ts
var EXIT_OK = 0;
var EXIT_ERROR = 2;

// src/cli/load-config.ts
import { isAbsolute as isAbsolute2, join as join2, resolve as resolve2, dirname as dirname2 } from "node:path";

// src/parse/rsyncd-load.ts
import { createHash } from "node:crypto";

// src/parse/file-notes.ts
var TEMPLATE_MARKERS = [
  { engine: "Jinja", re: /\{\{.*?\}\}|\{%.*?%\}/ },
  { engine: "ERB", re: /<%.*?%>/ },
  { engine: "shell/envsubst", re: /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}/ }
];
var MAX_NUL_NOTES = 5;
function fileNotes(bytes, file) {
  const notes = [];
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) {
    notes.push(
      diagnostic("warning", "utf8-bom", 'The file starts with a UTF-8 byte-order mark: rsync reads the first line as a parameter line without "=" and ignores it (a first [module] header is lost, and its parameters become global defaults).', { file, line: 1, column: 1 }, "Save the file without a BOM.")
    );
  }
  let line = 1;
  let lineStart = 0;
  let nuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 0 && nuls++ < MAX_NUL_NOTES) {
      notes.push(diagnostic("warning", "nul-byte", "NUL byte: rsync ends the current value (or the whole file, at the start of a line) here.", { file, line, column: i - lineStart + 1 }));
    }
  }
  notes.push(...templateNotes(bytes, file));
  return notes;
}
function templateNotes(bytes, file) {
  const text2 = new TextDecoder().decode(bytes);
  const lines = text2.split("\n");
  for (const { engine, re } of TEMPLATE_MARKERS) {
    const index = lines.findIndex((l) => re.test(l));
    if (index >= 0) {
      const column = (lines[index]?.search(re) ?? 0) + 1;
      return [
        diagnostic("info", "template", `This looks like a ${engine} template; it was parsed as written, so template expressions are taken literally and the rendered file may differ.`, { file, line: index + 1, column }, "Scan the rendered configuration as well (e.g. from the host or image) for a complete picture.")
      ];
    }
  }
  return [];
}

// src/parse/inline-waivers.ts
var WAIVER = /^[ \t]*[#;][ \t]*rsyncguard:[ \t]*ignore\b(.*)$/i;
var BODY = /^[ \t]+(RSYNC-\d{3})(?:[ \t]+(.*\S))?[ \t]*$/;
function inlineWaivers(bytes, file) {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("rsyncguard:") < 0) return { waivers: [], diagnostics: [] };
  const lines = Buffer.from(bytes).toString("utf8").split("\n");
  const waivers = [];
  const diagnostics = [];
  const pending = [];
  lines.forEach((text2, i) => {
    const m = WAIVER.exec(text2.replace(/\r$/, ""));
    if (!m) {
      for (const w of pending.splice(0)) waivers.push({ ...w, target_line: i + 1 });
      return;
    }
    const body = BODY.exec(m[1] ?? "");
    const at = { file, line: i + 1, column: 1 };
    if (!body?.[1]) {
      diagnostics.push(diagnostic("warning", "inline-waiver-malformed", "This rsyncguard waiver comment does not name a rule: it waives nothing.", at, 'Write "# rsyncguard: ignore RSYNC-### why it is acceptable".'));
    } else if (!body[2]) {
      diagnostics.push(diagnostic("warning", "inline-waiver-without-reason", `The waiver for ${body[1]} gives no reason: it waives nothing.`, at, `Write "# rsyncguard: ignore ${body[1]} why it is acceptable".`));
    } else {
      pending.push({ rule: body[1].toUpperCase(), reason: body[2], file, line: i + 1 });
    }
  });
  return { waivers, diagnostics };
}

// src/parse/byte-reader.ts
var EOF = -1;
function isSpace(c) {
  return c === 32 || c >= 9 && c <= 13;
}
var utf8 = new TextDecoder("utf-8", { fatal: false });
var ByteReader = class {
  constructor(bytes, file) {
    this.bytes = bytes;
    this.file = file;
  }
  bytes;
  file;
  pos = 0;
  line = 1;
  col = 0;
  lastLine = 1;
  lastCol = 1;
  getc() {
    if (this.pos >= this.bytes.length) {
      this.lastLine = this.line;
      this.lastCol = this.col + 1;
      return EOF;
    }
    const c = this.bytes[this.pos++] ?? EOF;
    this.col++;
    this.lastLine = this.line;
    this.lastCol = this.col;
    if (c === 10) {
      this.line++;
      this.col = 0;
    }
    return c;
  }
  /** params.c EatWhitespace: skips whitespace except '\n' and returns the next byte. */
  eatWhitespace() {
    let c = this.getc();
    while (isSpace(c) && c !== 10) c = this.getc();
    return c;
  }
  /** params.c EatComment: skips to the end of the line (or a NUL) and returns the byte that stopped it. */
  eatComment() {
    let c = this.getc();
    while (c !== 10 && c !== EOF && c > 0) c = this.getc();
    return c;
  }
  lastAt() {
    return { file: this.file, line: this.lastLine, column: this.lastCol };
  }
  decode(bytes) {
    return utf8.decode(Uint8Array.from(bytes));
  }
};

// src/parse/rsyncd-lexer.ts
var NL = 10;
var CR = 13;
var HASH = 35;
var SEMI = 59;
var LBRACKET = 91;
var RBRACKET = 93;
var BACKSLASH = 92;
var AMP = 38;
var EQUALS = 61;
var SPACE = 32;
var TAB = 9;
function lexRsyncdConf(bytes, file) {
  const r = new ByteReader(bytes, file);
  const events = [];
  let c = r.eatWhitespace();
  while (c !== EOF && c > 0) {
    switch (c) {
      case NL:
        c = r.eatWhitespace();
        break;
      case HASH:
      case SEMI:
        c = r.eatComment();
        break;
      case LBRACKET: {
        const ev = lexSection(r);
        events.push(ev);
        if (ev.kind === "fatal") return events;
        c = r.eatWhitespace();
        break;
      }
      case BACKSLASH:
        c = r.eatWhitespace();
        break;
      default: {
        const ev = lexParameter(r, c);
        events.push(ev);
        if (ev.kind === "fatal") return events;
        c = r.eatWhitespace();
      }
    }
  }
  if (c === 0) events.push({ kind: "nul-end", at: r.lastAt() });
  return events;
}
function continuation(buf, pos) {
  let p2 = pos - 1;
  while (p2 >= 0 && isSpace(buf[p2] ?? 0)) p2--;
  return p2 >= 0 && buf[p2] === BACKSLASH ? p2 : -1;
}
function lexSection(r) {
  const at = r.lastAt();
  const buf = [];
  let i = 0;
  let end = 0;
  let c = r.eatWhitespace();
  while (c !== EOF && c > 0) {
    if (c === RBRACKET) {
      const name = r.decode(buf.slice(0, end));
      r.eatComment();
      if (end === 0) return fatal("empty-section-name", "Empty section name in config file.", at, true);
      return { kind: "section", name, at };
    }
    if (c === NL) {
      i = continuation(buf, i);
      if (i < 0) {
        return fatal("badly-formed-header", `Badly formed line in config file: [${r.decode(buf.slice(0, end))}`, at, true);
      }
      end = i > 0 && buf[i - 1] === SPACE ? i - 1 : i;
      c = r.getc();
    } else if (isSpace(c)) {
      buf[end] = SPACE;
      i = end + 1;
      c = r.eatWhitespace();
    } else {
      buf[i++] = c;
      end = i;
      c = r.getc();
    }
  }
  return fatal("unexpected-eof-in-header", `Unexpected EOF in the config file: [${r.decode(buf.slice(0, end))}`, at, true);
}
function lexParameter(r, first) {
  const at = r.lastAt();
  const buf = [];
  let i = 0;
  let end = 0;
  let vstart = 0;
  let c = first;
  let name = "";
  let valueAt = at;
  while (vstart === 0) {
    if (c === EQUALS && end === 0) {
      return fatal("invalid-parameter-name", 'Invalid parameter name in config file (line starts with "=").', at, false);
    }
    const directiveBreak = (c === SPACE || c === TAB) && buf[0] === AMP;
    if (c === EQUALS || directiveBreak) {
      name = r.decode(buf.slice(0, end));
      i = vstart = end + 1;
      c = r.eatWhitespace();
      if (directiveBreak && c === EQUALS) c = r.eatWhitespace();
      valueAt = r.lastAt();
    } else if (c === NL) {
      i = continuation(buf, i);
      if (i < 0) {
        return warn("badly-formed-line", `Ignoring badly formed line in config file: ${r.decode(buf.slice(0, end))}`, at);
      }
      end = i > 0 && buf[i - 1] === SPACE ? i - 1 : i;
      c = r.getc();
    } else if (c === EOF || c === 0) {
      return warn("unexpected-eof-in-name", `Unexpected end-of-file at: ${r.decode(buf.slice(0, i))}`, at);
    } else if (isSpace(c)) {
      buf[end] = SPACE;
      i = end + 1;
      c = r.eatWhitespace();
    } else {
      buf[i++] = c;
      end = i;
      c = r.getc();
    }
  }
  const value = [];
  let vend = 0;
  if (c === NL || c === EOF || c <= 0) valueAt = r.lastAt();
  while (c !== EOF && c > 0) {
    if (c === CR) {
      c = r.getc();
    } else if (c === NL) {
      const k = continuation(value, value.length);
      if (k < 0) {
        c = 0;
      } else {
        value.length = k;
        vend = k;
        c = r.getc();
      }
    } else {
      value.push(c);
      if (!isSpace(c)) vend = value.length;
      c = r.getc();
    }
  }
  const text2 = r.decode(value.slice(0, vend));
  if (buf[0] === AMP) return { kind: "directive", name, value: text2, at, valueAt };
  return { kind: "param", name, value: text2, at, valueAt };
}
function fatal(code, message, at, header) {
  return { kind: "fatal", code, message, at, header };
}
function warn(code, message, at) {
  return { kind: "warning", code, message, at };
}

// src/parse/rsyncd-params.ts
var p = (name, type, cls, dflt, since) => ({ name, type, class: cls, default: dflt, since });
var DONT_COMPRESS = "*.gz *.zip *.z *.rpm *.deb *.iso *.bz2 *.t[gb]z *.7z *.mp[34] *.mov *.avi *.ogg *.jpg *.jpeg *.png *.lzo *.rzip *.lzma *.rar *.ace *.gpg *.xz *.txz *.lz *.tlz";
var PARAMS = [
  p("address", "string", "global", null, "2.6.4"),
  p("daemon chroot", "string", "global", null, "3.1.3"),
  p("daemon gid", "string", "global", null, "3.1.3"),
  p("daemon uid", "string", "global", null, "3.1.3"),
  p("motd file", "string", "global", null, "2.0.0"),
  p("pid file", "string", "global", null, "2.2.0"),
  p("proxy protocol hosts", "string", "global", null, "3.5.0"),
  p("socket options", "string", "global", null, "2.0.5"),
  p("listen backlog", "integer", "global", 5, "3.1.0"),
  p("port", "integer", "global", 0, "2.6.4"),
  p("proxy protocol", "bool", "global", false, "3.2.0"),
  p("auth digest", "string", "local", null, "3.5.0"),
  p("auth users", "string", "local", null, "2.0.0"),
  p("charset", "string", "local", null, "3.0.0"),
  p("comment", "string", "local", null, "2.0.0"),
  p("dont compress", "string", "local", DONT_COMPRESS, "2.2.1"),
  p("early exec", "string", "local", null, "3.2.0"),
  p("exclude", "string", "local", null, "2.0.1"),
  p("exclude from", "string", "local", null, "2.0.1"),
  p("filter", "string", "local", null, "2.6.4"),
  p("gid", "string", "local", null, "2.0.0"),
  p("hosts allow", "string", "local", null, "2.0.0"),
  p("hosts deny", "string", "local", null, "2.0.0"),
  p("include", "string", "local", null, "2.2.1"),
  p("include from", "string", "local", null, "2.2.1"),
  p("incoming chmod", "string", "local", null, "2.6.7"),
  p("lock file", "string", "local", "/var/run/rsyncd.lock", "2.0.0"),
  p("log file", "string", "local", null, "2.6.9"),
  p("log format", "string", "local", "%o %h [%a] %m (%u) %f %l", "2.2.0"),
  p("name", "string", "local", null, "2.0.0"),
  p("name converter", "string", "local", null, "3.2.3"),
  p("outgoing chmod", "string", "local", null, "2.6.7"),
  p("post-xfer exec", "string", "local", null, "2.6.6"),
  p("pre-xfer exec", "string", "local", null, "2.6.6"),
  p("refuse options", "string", "local", null, "2.2.1"),
  p("secrets file", "string", "local", null, "2.0.0"),
  p("syslog tag", "string", "local", "rsyncd", "3.1.3"),
  p("uid", "string", "local", null, "2.0.0"),
  p("path", "path", "local", null, "2.0.0"),
  p("temp dir", "path", "local", null, "2.6.7"),
  p("max connections", "integer", "local", 0, "2.0.0"),
  p("max verbosity", "integer", "local", 1, "2.6.1"),
  p("timeout", "integer", "local", 0, "2.2.1"),
  p("syslog facility", "enum", "local", "daemon", "2.0.0"),
  p("fake super", "bool", "local", false, "3.0.0"),
  p("forward lookup", "bool", "local", true, "3.1.0"),
  p("ignore errors", "bool", "local", false, "2.3.2"),
  p("ignore nonreadable", "bool", "local", false, "2.3.3"),
  p("insecure links", "bool", "local", false, "3.5.0"),
  p("list", "bool", "local", true, "2.0.0"),
  p("read only", "bool", "local", true, "2.0.0"),
  p("reverse lookup", "bool", "local", true, "3.1.0"),
  p("strict modes", "bool", "local", true, "2.3.0"),
  p("transfer logging", "bool", "local", false, "2.2.0"),
  p("write only", "bool", "local", false, "2.6.3"),
  p("munge symlinks", "bool3", "local", "unset", "3.0.0"),
  p("numeric ids", "bool3", "local", "unset", "3.0.0"),
  p("open noatime", "bool3", "local", "unset", "3.2.2"),
  p("use chroot", "bool3", "local", "unset", "2.2.0")
];
function strwiEq(a, b) {
  return squash(a) === squash(b);
}
function squash(s) {
  const bare = s.replace(/[ \t\n\v\f\r]+/g, "");
  return /^[\x00-\x7f]*$/.test(bare) ? bare.toUpperCase() : bare.replace(/[a-z]+/g, (run2) => run2.toUpperCase());
}
var BY_KEY = new Map(PARAMS.map((spec) => [squash(spec.name), spec]));
var BY_LOOSE_KEY = new Map(PARAMS.map((spec) => [squash(spec.name.replace(/-/g, " ")), spec]));
function lookupNearParam(name) {
  return BY_LOOSE_KEY.get(squash(name.replace(/[_-]/g, " ")));
}
function paramSpec(name) {
  return BY_NAME.get(name);
}
var BY_NAME = new Map(PARAMS.map((spec) => [spec.name, spec]));
function lookupParam(name) {
  if (name.startsWith("-")) return void 0;
  return BY_KEY.get(squash(name));
}

// src/parse/rsyncd-values.ts
var BOOLEANS = /* @__PURE__ */ new Map([
  ["YES", true],
  ["TRUE", true],
  ["1", true],
  ["NO", false],
  ["FALSE", false],
  ["0", false]
]);
function parseBoolean(value, allowUnset) {
  const key = squash(value);
  const b = BOOLEANS.get(key);
  if (b !== void 0) return b;
  return allowUnset && (key === "UNSET" || key === "-1") ? "unset" : void 0;
}
function atoi(value) {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(value);
  const digits = m?.[2] ?? "";
  if (digits === "") return 0;
  let n = BigInt(digits);
  const LONG_MAX = 2n ** 63n - 1n;
  if (m?.[1] === "-") n = n > LONG_MAX + 1n ? -(LONG_MAX + 1n) : -n;
  else if (n > LONG_MAX) n = LONG_MAX;
  return Number(BigInt.asIntN(32, n));
}
var FACILITIES = [
  "auth",
  "authpriv",
  "cron",
  "daemon",
  "ftp",
  "kern",
  "lpr",
  "mail",
  "news",
  "security",
  "syslog",
  "user",
  "uucp",
  "local0",
  "local1",
  "local2",
  "local3",
  "local4",
  "local5",
  "local6",
  "local7"
];
function parseFacility(value) {
  const lower = value.toLowerCase();
  const name = FACILITIES.find((f) => f === lower);
  if (name) return name === "security" ? "auth" : name;
  const n = atoi(value);
  return n > 0 ? n : void 0;
}
function stripTrailingSlashes(value) {
  let end = value.length;
  while (end > 1 && value[end - 1] === "/") end--;
  return value.slice(0, end);
}
function percentVars(value) {
  const found = [];
  for (let i = value.indexOf("%"); i >= 0 && i < value.length; i = value.indexOf("%", i + 1)) {
    const next = value[i + 1] ?? "";
    if (next >= "A" && next <= "Z") {
      const close = value.indexOf("%", i + 1);
      if (close < 0) break;
      found.push(value.slice(i + 1, close));
      i = close;
    }
  }
  return found;
}

// src/parse/rsyncd-store.ts
function storeValue(spec, raw, at, origin, previous) {
  const diagnostics = [];
  const vars = percentVars(raw);
  if (vars.length > 0) {
    const when = spec.type === "string" || spec.type === "path" ? "when the value is used" : "while the file is parsed";
    diagnostics.push(
      diagnostic("info", "percent-var", `"${spec.name}" uses ${vars.map((v) => `%${v}%`).join(", ")}, which rsync expands from its environment ${when}; rsyncguard leaves it unexpanded.`, at)
    );
  }
  const assigned = (value) => ({ value: { value, raw, at, origin }, diagnostics });
  switch (spec.type) {
    case "string":
      warnInlineComment(spec, raw, at, diagnostics);
      return assigned(raw);
    case "path":
      warnInlineComment(spec, raw, at, diagnostics);
      return assigned(stripTrailingSlashes(raw));
    case "integer":
      if (!/^\s*[+-]?\d/.test(raw)) {
        diagnostics.push(diagnostic("info", "integer-not-number", `"${spec.name} = ${raw}" is not a number; rsync reads it as ${atoi(raw)} (atoi), silently.`, at));
      }
      return assigned(atoi(raw));
    case "enum": {
      const facility = parseFacility(raw);
      return facility === void 0 ? { diagnostics } : assigned(facility);
    }
    case "bool":
    case "bool3": {
      const b = parseBoolean(raw, spec.type === "bool3");
      if (b !== void 0) return assigned(b);
      const kept = previous ? String(previous.value) : String(spec.default);
      const hasComment = /\s[#;]/.test(raw);
      const comment = hasComment ? " rsync has no inline comments: the comment made the value invalid." : "";
      diagnostics.push(
        diagnostic("warning", hasComment ? "comment-in-boolean" : "bad-boolean", `Badly formed boolean in configuration file: "${raw}" for "${spec.name}"; the value stays ${kept}.${comment}`, at, `Write "${spec.name} = yes" or "${spec.name} = no" on a line of its own, comments on their own line.`)
      );
      return { diagnostics };
    }
  }
}
function warnInlineComment(spec, raw, at, out) {
  const m = /\s([#;].*)$/.exec(raw);
  if (!m) return;
  out.push(
    diagnostic("warning", "inline-comment", `"${spec.name}" includes "${m[1]}" in its value: rsync has no inline comments.`, at, "Move the comment to a line of its own.")
  );
}

// src/parse/rsyncd-load.ts
var MAX_INCLUDE_DEPTH = 32;
function loadConfig(path, bytes, source, opts) {
  const loader = new Loader(source, opts.globalsOnly);
  const outcome = loader.parseFile(path, bytes, []);
  return {
    ok: outcome !== "fail",
    ...loader.fatal ? { fatal: loader.fatal } : {},
    vars: loader.vars,
    sections: loader.sections,
    diagnostics: loader.diagnostics,
    files: loader.files,
    partial: loader.partial,
    inlineWaivers: loader.inlineWaivers
  };
}
var Loader = class {
  constructor(source, globalsOnly) {
    this.source = source;
    this.globalsOnly = globalsOnly;
  }
  source;
  globalsOnly;
  vars = /* @__PURE__ */ new Map();
  sections = [];
  diagnostics = [];
  files = [];
  partial = false;
  inlineWaivers = [];
  fatal;
  stack = [];
  inGlobal = true;
  current = -1;
  /** squash(name) → index of the last module with that name, kept in step with renames. */
  byName = /* @__PURE__ */ new Map();
  parseFile(path, bytes, chain) {
    this.files.push({ path, sha256: createHash("sha256").update(bytes).digest("hex") });
    if (!this.globalsOnly) {
      this.diagnostics.push(...fileNotes(bytes, path));
      const inline = inlineWaivers(bytes, path);
      this.inlineWaivers.push(...inline.waivers);
      this.diagnostics.push(...inline.diagnostics);
    }
    for (const ev of lexRsyncdConf(bytes, path)) {
      if (this.globalsOnly && (ev.kind === "section" || ev.kind === "fatal" && ev.header)) return "stop";
      switch (ev.kind) {
        case "section":
          if (!this.doSection(ev.name, ev.at)) return "fail";
          break;
        case "param":
          this.doParameter(ev.name, ev.value, ev.at, ev.valueAt);
          break;
        case "directive": {
          const outcome = this.doDirective(ev.name, ev.value, ev.at, [...chain, path]);
          if (outcome !== "ok") return outcome;
          break;
        }
        case "warning":
          this.diagnostics.push(diagnostic("warning", ev.code, ev.message, ev.at));
          break;
        case "fatal":
          return this.fail(diagnostic("fatal", ev.code, ev.message, ev.at));
        case "nul-end":
          this.diagnostics.push(
            diagnostic("warning", "nul-ends-file", "A NUL byte at the start of a line ends the file for rsync; everything after it is ignored.", ev.at, "Remove the NUL byte (the file may be binary or corrupted).")
          );
          break;
      }
    }
    return "ok";
  }
  fail(d) {
    this.diagnostics.push(d);
    this.fatal ??= d;
    return "fail";
  }
  /** loadparm.c do_section. */
  doSection(name, at) {
    const isGlobal = strwiEq(name, "global");
    this.inGlobal = isGlobal;
    if (isGlobal) return true;
    if (name.includes("/")) {
      this.fail(diagnostic("fatal", "invalid-section-name", `Invalid section name in configuration file: ${name} (module names cannot contain '/').`, at, "Rename the module; until then rsync fails every connection."));
      return false;
    }
    const existing = this.byName.get(squash(name));
    if (existing !== void 0) {
      this.current = existing;
      return true;
    }
    this.sections.push({ name: { value: name, raw: name, at, origin: "module" }, header: at, params: this.snapshotDefaults() });
    this.current = this.sections.length - 1;
    this.byName.set(squash(name), this.current);
    return true;
  }
  /** init_section copies the running defaults, non-NULL table defaults included (they stay captured). */
  snapshotDefaults() {
    const copy = /* @__PURE__ */ new Map();
    for (const spec of PARAMS) {
      if (spec.class !== "local") continue;
      const set = this.vars.get(spec.name);
      if (set) copy.set(spec.name, set);
      else if (spec.default !== null && (spec.type === "string" || spec.type === "path")) {
        copy.set(spec.name, { value: spec.default, raw: String(spec.default), at: null, origin: "default" });
      }
    }
    return copy;
  }
  /** loadparm.c do_parameter. */
  doParameter(name, value, at, valueAt) {
    const spec = lookupParam(name);
    if (!spec) {
      this.diagnostics.push(unknownParameter(name, at));
      return;
    }
    const section = this.inGlobal ? void 0 : this.sections[this.current];
    if (section && spec.class === "global") {
      this.diagnostics.push(diagnostic("warning", "global-in-module", `Global parameter ${name} found in module section! (ignored)`, at, `Move "${spec.name}" before the first module or into a [global] section.`));
      return;
    }
    const target = section ? section.params : this.vars;
    const origin = section ? "module" : "global";
    const stored = storeValue(spec, value, valueAt, origin, target.get(spec.name));
    this.diagnostics.push(...stored.diagnostics);
    if (!stored.value) return;
    if (section && spec.name === "name") this.rename(section, stored.value);
    target.set(spec.name, stored.value);
  }
  rename(section, name) {
    section.name = name;
    this.byName = new Map(this.sections.map((sec, i) => [squash(String(sec.name.value)), i]));
  }
  doDirective(name, value, at, chain) {
    const lower = name.toLowerCase();
    if (lower !== "&include" && lower !== "&merge") {
      return this.fail(diagnostic("fatal", "unknown-directive", `Unknown directive: ${name}.`, at, "Only &include and &merge exist."));
    }
    const manage = lower === "&include" && !this.globalsOnly;
    const from = chain[chain.length - 1] ?? "";
    const target = this.source.resolve(value, from);
    switch (target.kind) {
      case "missing":
        return this.fail(diagnostic("fatal", "include-missing", `unable to stat config file "${value}": ${target.reason}`, at, "Create the file or directory, or remove the directive."));
      case "other":
        return this.fail(diagnostic("fatal", "include-not-regular", `"${value}" is neither a file nor a directory.`, at));
      case "not-followed":
        this.partial = true;
        this.diagnostics.push(diagnostic("info", "include-not-followed", `${name} ${value} was not followed: ${target.reason}.`, at));
        return "ok";
      case "file":
        return this.includeFiles([target], manage, at, chain);
      case "dir": {
        const suffix = manage ? ".conf" : ".inc";
        const names = target.entries.filter((e) => e.endsWith(suffix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        const files = [];
        for (const entry of names) {
          const child = this.source.resolve(`${target.path.replace(/\/+$/, "")}/${entry}`, from);
          if (child.kind !== "file") return this.fail(diagnostic("fatal", "include-unreadable", `unable to open config file "${child.path}"`, at));
          files.push(child);
        }
        return this.includeFiles(files, manage, at, chain);
      }
    }
  }
  includeFiles(files, manage, at, chain) {
    if (files.length === 0) return "ok";
    let outcome = "ok";
    for (const [j, file] of files.entries()) {
      if (manage) this.pushOrReset(j === 0);
      if (chain.includes(file.path) || chain.length >= MAX_INCLUDE_DEPTH) {
        outcome = this.fail(diagnostic("fatal", "include-cycle", `${file.path} includes itself (through ${chain.join(" \u2192 ")}); rsync would recurse until it fails.`, at));
        break;
      }
      outcome = this.parseFile(file.path, file.bytes, chain);
      if (outcome !== "ok") break;
    }
    if (manage) this.pop();
    return outcome;
  }
  /** do_section("]push"/"]reset"): save (or go back to) the state before the include, in global context. */
  pushOrReset(first) {
    this.inGlobal = true;
    if (first) this.stack.push(new Map(this.vars));
    else this.vars = new Map(this.stack[this.stack.length - 1]);
  }
  pop() {
    this.inGlobal = true;
    this.vars = this.stack.pop() ?? this.vars;
  }
};
function unknownParameter(name, at) {
  const near = lookupNearParam(name);
  const hint = near ? `Did you mean "${near.name}"? rsync ignores underscores nowhere: the line has no effect.` : "rsync ignores this line.";
  return diagnostic("warning", "unknown-parameter", `Unknown parameter "${name}" (ignored).`, at, hint);
}

// src/parse/rsyncd-config.ts
var LISTENER_PARAMS = ["address", "port", "pid file", "listen backlog", "socket options"];
function parseRsyncdConf(path, bytes, source) {
  const startup = loadConfig(path, bytes, source, { globalsOnly: true });
  const full = loadConfig(path, bytes, source, { globalsOnly: false });
  const diagnostics = [...full.diagnostics];
  if (!startup.ok && startup.fatal) {
    diagnostics.push({
      ...startup.fatal,
      code: "daemon-refuses-to-start",
      message: `rsync --daemon refuses to start: ${startup.fatal.message}`
    });
  } else if (!full.ok && full.fatal) {
    diagnostics.push({
      ...full.fatal,
      code: "every-connection-fails",
      message: `The daemon starts, but every connection (the module listing included) fails: ${full.fatal.message}`
    });
  }
  const listener = {};
  for (const name of LISTENER_PARAMS) listener[name] = globalParam(startup.vars, name);
  return {
    starts: startup.ok,
    serves: full.ok,
    partial: full.partial,
    files: full.files,
    global: globalView(full.vars),
    listener,
    modules: moduleViews(full),
    diagnostics,
    inlineWaivers: full.inlineWaivers
  };
}
function globalView(vars) {
  const out = {};
  for (const spec of PARAMS) out[spec.name] = globalParam(vars, spec.name);
  return out;
}
function globalParam(vars, name) {
  const spec = paramSpec(name);
  const set = vars.get(name);
  return set ? toParam(set) : defaultParam(spec);
}
function moduleViews(load) {
  const lastIndex = /* @__PURE__ */ new Map();
  load.sections.forEach((s, i) => lastIndex.set(String(s.name.value), i));
  return load.sections.map((section, i) => ({
    name: String(section.name.value),
    header: section.header,
    params: effectiveParams(section, load.vars),
    shadowed: lastIndex.get(String(section.name.value)) !== i
  }));
}
function effectiveParams(section, finalVars) {
  const out = {};
  for (const spec of PARAMS) {
    if (spec.class !== "local") continue;
    const own = section.params.get(spec.name);
    const isText = spec.type === "string" || spec.type === "path";
    const chosen = own ?? (isText ? finalVars.get(spec.name) : void 0);
    out[spec.name] = chosen ? toParam(chosen) : defaultParam(spec);
  }
  out["name"] = toParam(section.name);
  return out;
}
function toParam(a) {
  return {
    value: a.value,
    raw: a.at ? a.raw : null,
    file: a.at?.file ?? null,
    line: a.at?.line ?? null,
    column: a.at?.column ?? null,
    origin: a.origin
  };
}
function defaultParam(spec) {
  const value = spec?.default ?? null;
  return { value, raw: null, file: null, line: null, column: null, origin: "default" };
}

// src/parse/common-passwords.ts
var WORDS = `
123456 123456789 12345678 12345 1234567 1234567890 1234 111111 000000 123123 654321 666666 121212 112233
123321 7777777 88888888 987654321 password password1 password123 passw0rd p@ssw0rd p@ssword qwerty
qwerty123 qwertyuiop asdfgh asdfghjkl zxcvbnm 1q2w3e4r 1qaz2wsx abc123 abcd1234 iloveyou admin admin123
administrator root toor letmein welcome welcome1 monkey dragon football baseball master shadow sunshine
princess superman trustno1 starwars whatever freedom hello login default guest test test123 testing
changeme change_me secret secret123 pass pass123 user demo temp temp123 backup backups backup123 mirror
mirrors rsync rsyncd rsync123 rsyncpass rsyncpassword rsync_pass sync sync123 ftp anonymous nobody
server linux debian ubuntu centos redhat oracle postgres mysql changeit 1q2w3e 123qwe qazwsx
`;
var COMMON_PASSWORDS = new Set(WORDS.split(/\s+/).filter((w) => w !== ""));

// src/parse/secrets.ts
var WEAK_BELOW = 12;
var LINE_BUFFER = 1024;
function parseSecrets(bytes, file) {
  const text2 = Buffer.from(bytes).toString("utf8");
  const entries = [];
  const diagnostics = [];
  const passwords = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [i, physical] of text2.split("\n").entries()) {
    const line = i + 1;
    const s = physical.replace(/^\r+/, "").split("\r")[0] ?? "";
    if (s === "") continue;
    const at = { file, line, column: 1 };
    if (Buffer.byteLength(physical) >= LINE_BUFFER - 1) {
      diagnostics.push(diagnostic("warning", "secrets-line-too-long", `Line ${line} is longer than rsync's ${LINE_BUFFER - 2}-byte line buffer: rsync reads it as two lines, so its password is cut short.`, at, "Use a shorter password (a few dozen characters is plenty)."));
    }
    if (s.startsWith("#")) continue;
    const colon = s.indexOf(":");
    if (colon < 0) {
      diagnostics.push(diagnostic("warning", "secrets-line-without-colon", `Line ${line} has no "name:" prefix, so rsync never uses it (its content is not shown: it may be a password).`, at, 'Write entries as "user:password" or "@group:password".'));
      continue;
    }
    const group = s.startsWith("@");
    const name = s.slice(group ? 1 : 0, colon);
    const password = s.slice(colon + 1);
    const key = `${group ? "@" : ""}${name}`;
    const dead = seen.has(key);
    seen.add(key);
    const equalsName = password === name;
    const common = COMMON_PASSWORDS.has(password.toLowerCase());
    const length = Buffer.byteLength(password);
    entries.push({
      kind: group ? "group" : "user",
      name,
      line,
      length,
      equals_name: equalsName,
      weak: length < WEAK_BELOW || equalsName || common,
      common,
      reused: false,
      dead,
      unmatchable: /^[ \t\v\f]/.test(s),
      trailing_whitespace: /[ \t\v\f]$/.test(password)
    });
    passwords.push(password);
  }
  markReused(entries, passwords);
  return { entries, diagnostics };
}
function markReused(entries, passwords) {
  const counts = /* @__PURE__ */ new Map();
  for (const p2 of passwords) if (p2 !== "") counts.set(p2, (counts.get(p2) ?? 0) + 1);
  entries.forEach((e, i) => {
    e.reused = (counts.get(passwords[i] ?? "") ?? 0) > 1;
  });
  passwords.length = 0;
}

// src/sources/local-files.ts
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
var MAX_FILE_BYTES = 8 * 1024 * 1024;
function localConfigSource(opts = {}) {
  return {
    resolve(target, from) {
      const path = daemonPath(target, from, opts.root);
      let kind;
      try {
        const st = statSync(path);
        kind = st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
      } catch (e) {
        return { kind: "missing", path, reason: errorText(e) };
      }
      if (kind === "other") return { kind, path };
      if (kind === "dir") {
        try {
          return { kind, path, entries: readdirSync(path) };
        } catch (e) {
          return { kind: "missing", path, reason: errorText(e) };
        }
      }
      const read = readLocalFile(path);
      return read.ok ? { kind: "file", path, bytes: read.value } : { kind: "missing", path, reason: read.error.message };
    }
  };
}
function daemonPath(target, from, root) {
  if (isAbsolute(target)) return root ? join(root, target) : target;
  return resolve(dirname(from), target);
}
function readLocalFile(path) {
  try {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_FILE_BYTES) {
        return fail(new UserError(`${path} is ${size} bytes, more than the ${MAX_FILE_BYTES} an rsync config can sensibly be`, path, "Check that this is the right file."));
      }
    } finally {
      closeSync(fd);
    }
    return ok(readFileSync(path));
  } catch (e) {
    return fail(new UserError(`cannot read ${path}: ${errorText(e)}`, path, "Check the path and its permissions."));
  }
}
function statLocal(path) {
  try {
    const st = statSync(path);
    return { mode: st.mode, uid: st.uid, gid: st.gid };
  } catch {
    return null;
  }
}
function errorText(e) {
  if (e instanceof Error && "code" in e && typeof e.code === "string") {
    const messages = { ENOENT: "no such file or directory", EACCES: "permission denied", EISDIR: "is a directory", ENOTDIR: "a path component is not a directory" };
    return messages[e.code] ?? e.message;
  }
  return String(e);
}

// package.json
var package_default = {
  name: "rsyncguard",
  version: "0.1.0",
  description: "Policy-as-code compliance for rsync daemons: reads rsyncd.conf exactly as rsync does",
  type: "module",
  license: "MIT",
  bin: {
    rsyncguard: "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  files: [
    "dist",
    "action.yml",
    "README.md"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    "check:dist": "node scripts/build.mjs --check",
    typecheck: "tsc --noEmit",
    "test:unit": "node --import tsx node_modules/uvu/bin.js src \\.test\\.ts$",
    "test:integration": "node --import tsx node_modules/uvu/bin.js test/integration \\.test\\.ts$",
    test: "bash scripts/test-all.sh",
    bench: "node --import tsx bench/run.ts"
  },
  devDependencies: {
    "@types/node": "^20.19.43",
    "@types/sarif": "^2.1.7",
    esbuild: "^0.28.2",
    "fast-check": "^4.10.2",
    tsx: "^4.23.15",
    typescript: "^5.9.3",
    uvu: "^0.5.6"
  },
  dependencies: {
    "@open-policy-agent/opa-wasm": "^1.10.0",
    ajv: "^8.20.0",
    "fast-glob": "^3.3.3",
    yaml: "^2.9.1"
  }
};

// src/cli/version.ts
var VERSION = package_default.version;
var DEFAULT_RSYNC_VERSION = "3.5.0";

// src/cli/load-config.ts
function loadConfigTarget(path, opts) {
  const read = readLocalFile(path);
  if (!read.ok) throw read.error;
  const source = localConfigSource(opts.root === void 0 ? {} : { root: opts.root });
  const config = parseRsyncdConf(path, read.value, source);
  const secrets = referencedSecrets(config).map((p2) => readSecrets(p2, path, opts.root));
  const facts = buildFacts({
    target: { kind: "file", id: path, display: path },
    daemonUser: opts.daemonUser,
    rsyncVersion: opts.rsyncVersion,
    today: (/* @__PURE__ */ new Date()).toISOString().slice(0, 10),
    config,
    secrets
  });
  return { config, facts };
}
function referencedSecrets(config) {
  const paths = config.modules.map((m) => m.params["secrets file"]?.value).filter((v) => typeof v === "string" && v !== "");
  return [...new Set(paths)].sort();
}
function readSecrets(path, configPath, root) {
  const local = isAbsolute2(path) ? root ? join2(root, path) : path : resolve2(dirname2(configPath), path);
  const stat = statLocal(local);
  if (!stat) return { path, stat: null };
  const read = readLocalFile(local);
  if (!read.ok) return { path, stat };
  const parsed = parseSecrets(read.value, path);
  return { path, stat, entries: parsed.entries, diagnostics: parsed.diagnostics };
}
function parseVersion(text2) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text2 ?? DEFAULT_RSYNC_VERSION);
  if (!m) throw new UserError(`--rsync-version must look like 3.5.0, not "${text2}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// src/cli/output.ts
import { writeFileSync } from "node:fs";
function writeOutput(text2, file) {
  if (file === void 0) {
    process.stdout.write(text2);
    return;
  }
  try {
    writeFileSync(file, text2);
  } catch (e) {
    throw new UserError(`cannot write the output: ${e instanceof Error ? e.message : String(e)}`, file, "Choose a writable path for --output.");
  }
}

// src/cli/resolver.ts
import { lookup } from "node:dns/promises";
import { readFileSync as readFileSync2 } from "node:fs";
var LOOKUP_TIMEOUT_MS = 3e3;
async function systemResolver(names) {
  const answers = /* @__PURE__ */ new Map();
  await Promise.all(
    names.map(async (name) => {
      answers.set(name, await resolveOne(name));
    })
  );
  return (name) => answers.get(name) ?? { kind: "unknown" };
}
async function resolveOne(name) {
  let timer;
  const timeout = new Promise((done) => {
    timer = setTimeout(() => done({ kind: "unknown" }), LOOKUP_TIMEOUT_MS);
  });
  const query = lookup(name, { family: 4, all: true }).then(
    (addrs) => ({ kind: "addrs", addrs: addrs.map((a) => a.address) }),
    (e) => {
      const code = e instanceof Error && "code" in e ? String(e.code) : "";
      return ["ENOTFOUND", "ENODATA", "EAI_NONAME", "EAI_AGAIN", "EAI_FAIL"].includes(code) ? { kind: "unresolvable" } : { kind: "unknown" };
    }
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
function hostsMapResolver(path) {
  let text2;
  try {
    text2 = readFileSync2(path, "utf8");
  } catch (e) {
    throw new UserError(`cannot read the hosts map: ${e instanceof Error ? e.message : String(e)}`, path);
  }
  const map = /* @__PURE__ */ new Map();
  for (const [i, raw] of text2.split("\n").entries()) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const [addr, ...names] = line.split(/\s+/);
    if (!addr || names.length === 0) throw new UserError(`line ${i + 1}: expected "ADDRESS NAME\u2026"`, `${path}:${i + 1}`);
    if (addr.includes(":")) continue;
    for (const n of names) map.set(n.toLowerCase(), [...map.get(n.toLowerCase()) ?? [], addr]);
  }
  return (name) => {
    const addrs = map.get(name.toLowerCase());
    return addrs ? { kind: "addrs", addrs } : { kind: "unresolvable" };
  };
}

// src/cli/commands/access-text.ts
function renderAccessText(report) {
  const out = [];
  out.push(`client ${report.client.addr} (rsync sees host "${report.client.host}")`);
  if (!report.starts) out.push("the daemon refuses to start with this configuration");
  else if (!report.serves) out.push("the daemon starts but fails every connection");
  for (const m of report.modules) {
    const can = [m.read === "ok" ? "read" : `no read (${m.read})`, m.write === "ok" ? "write" : `no write (${m.write})`];
    out.push("", `[${m.name}] ${m.listed ? "listed" : "not listed"}; ${can.join(", ")}`);
    for (const r of m.reasons) out.push(`  - ${r}`);
    for (const a of m.assumptions) out.push(`  ? assumed: ${a}`);
    if (m.user) {
      const u = m.user;
      out.push(`  user ${u.user}: ${u.result === "password" ? `admitted with the right password (${u.read ? "read" : "no read"}, ${u.write ? "write" : "no write"})` : `refused (${u.result})`} \u2014 ${u.reason}`);
    }
  }
  return `${out.join("\n")}
`;
}

// src/cli/commands/common-options.ts
var FORMAT_JSON_TEXT = ["json", "text"];
var TARGET_OPTIONS = {
  root: { type: "string", valueName: "DIR", help: "Treat DIR as the daemon's filesystem root for absolute include and secrets-file paths" },
  "daemon-user": { type: "string", valueName: "root|nonroot", help: "Whether the daemon runs as root", default: "root", choices: ["root", "nonroot"] },
  "rsync-version": { type: "string", valueName: "X.Y.Z", help: "rsync release whose semantics to model", default: "3.5.0" },
  output: { type: "string", valueName: "FILE", help: "Write the result to FILE instead of standard output" }
};

// src/cli/commands/access.ts
var accessCommand = {
  name: "access",
  usage: "access CONFIG --client IP",
  summary: "What rsync would let one client do, per module",
  options: {
    client: { type: "string", valueName: "IP", help: "The client's IP address (required)" },
    "client-name": { type: "string", valueName: "NAME", help: "The client's verified reverse-DNS name (default: none, rsync's UNKNOWN)" },
    user: { type: "string", valueName: "USER", help: 'Also evaluate "auth users" for this user name' },
    "hosts-map": { type: "string", valueName: "FILE", help: "Resolve host names from this hosts-format file instead of the system resolver" },
    format: { type: "string", valueName: "json|text", help: "Output format", default: "text", choices: FORMAT_JSON_TEXT },
    ...TARGET_OPTIONS
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const [path, ...extra] = args.positionals;
    if (path === void 0 || extra.length > 0) throw new UserError("access takes exactly one CONFIG file", void 0, "rsyncguard access rsyncd.conf --client 192.0.2.10");
    const client = stringOption(args, "client");
    if (client === void 0 || isIP(client) === 0) {
      throw new UserError(`--client must be an IPv4 or IPv6 address${client === void 0 ? "" : `, not "${client}"`}`, void 0, "e.g. --client 127.0.0.1");
    }
    const daemonUser = stringOption(args, "daemon-user") === "nonroot" ? "nonroot" : "root";
    const version = parseVersion(stringOption(args, "rsync-version"));
    const root = stringOption(args, "root");
    const { config } = loadConfigTarget(path, { ...root !== void 0 ? { root } : {}, daemonUser, rsyncVersion: version });
    const map = stringOption(args, "hosts-map");
    const resolve3 = map !== void 0 ? hostsMapResolver(map) : await systemResolver(hostnameTokens(config));
    const name = stringOption(args, "client-name");
    const user = stringOption(args, "user");
    const report = simulateAccess(
      config,
      { addr: client, ...name !== void 0 ? { name: name.toLowerCase() } : {}, ...user !== void 0 ? { user } : {} },
      { daemonUser, version, resolve: resolve3 }
    );
    const text2 = stringOption(args, "format") === "json" ? `${JSON.stringify(report, null, 2)}
` : renderAccessText(report);
    writeOutput(text2, stringOption(args, "output"));
    return EXIT_OK;
  }
};

// src/cli/commands/facts.ts
var factsCommand = {
  name: "facts",
  usage: "facts CONFIG",
  summary: "Print the normalized facts document (the policy input) for an rsyncd.conf",
  options: { ...TARGET_OPTIONS },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const [path, ...extra] = args.positionals;
    if (path === void 0 || extra.length > 0) throw new UserError("facts takes exactly one CONFIG file", void 0, "rsyncguard facts /etc/rsyncd.conf");
    const { facts } = loadConfigTarget(path, {
      ...stringOption(args, "root") !== void 0 ? { root: stringOption(args, "root") } : {},
      daemonUser: stringOption(args, "daemon-user") === "nonroot" ? "nonroot" : "root",
      rsyncVersion: parseVersion(stringOption(args, "rsync-version"))
    });
    writeOutput(`${JSON.stringify(facts, null, 2)}
`, stringOption(args, "output"));
    return EXIT_OK;
  }
};

// src/cli/commands/rules.ts
var rulesCommand = {
  name: "rules",
  usage: "rules",
  summary: "List the rule catalog (id, title, severity, help)",
  options: {
    format: { type: "string", valueName: "json|text", help: "Output format", default: "text", choices: FORMAT_JSON_TEXT },
    output: { type: "string", valueName: "FILE", help: "Write the result to FILE instead of standard output" }
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const rules = [];
    const text2 = stringOption(args, "format") === "json" ? `${JSON.stringify({ rules }, null, 2)}
` : "No rules are installed yet: the policy engine arrives with issue #3.\n";
    writeOutput(text2, stringOption(args, "output"));
    return EXIT_OK;
  }
};

// src/cli/commands.ts
var COMMANDS = [factsCommand, accessCommand, rulesCommand];
function mainHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    `rsyncguard ${VERSION} \u2014 policy-as-code compliance for rsync daemons`,
    "",
    "Usage: rsyncguard <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 a target could not be evaluated.",
    'Run "rsyncguard <command> --help" for its options.',
    ""
  ].join("\n");
}
function commandHelp(c) {
  const lines = Object.entries(c.options).map(([name, o]) => {
    const flag = `--${name}${o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : ""}`;
    return `  ${flag.padEnd(28)} ${o.help}${o.default !== void 0 ? ` (default: ${o.default})` : ""}`;
  });
  return [`Usage: rsyncguard ${c.usage}`, "", c.summary, "", "Options:", ...lines, ""].join("\n");
}

// src/cli/run.ts
async function run(argv) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(mainHelp());
    return name === void 0 ? EXIT_ERROR : EXIT_OK;
  }
  if (name === "--version" || name === "-V") {
    process.stdout.write(`rsyncguard ${VERSION}
`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`rsyncguard: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. See rsyncguard --help.
`);
    return EXIT_ERROR;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UserError) {
      const where = e.where ? `${e.where}: ` : "";
      process.stderr.write(`rsyncguard ${name}: ${where}${e.message}
${e.hint ? `  hint: ${e.hint}
` : ""}`);
      return EXIT_ERROR;
    }
    throw e;
  }
}

// src/cli/main.ts
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`rsyncguard: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    process.exitCode = 2;
  }
);
