#!/usr/bin/env node
import { createRequire as __rgCreateRequire } from 'node:module';
import { fileURLToPath as __rgFileURLToPath } from 'node:url';
const require = __rgCreateRequire(import.meta.url);
const __rgDirname = __rgFileURLToPath(new URL('.', import.meta.url));
import {
  EnvironmentFailure,
  TarError,
  UNAVAILABLE,
  failureKind,
  isReadFailure,
  readTar,
  runCommand,
  transportError,
  wantsHelp
} from "./chunk-RDKPFQEM.js";
import {
  CVE_FORMATS,
  DEFAULT_CONFIG_PATH,
  DEFAULT_RSYNC_VERSION,
  FLEET_FORMATS,
  MiB,
  REPORT_FORMATS,
  REPORT_OPTIONS,
  RULES_FORMATS,
  SARIF_OPTIONS,
  SEVERITIES,
  TARGET_OPTIONS,
  TREND_FORMATS,
  USUAL_CONFIG_PATHS,
  VERSION,
  apkPackages,
  buildFacts,
  builtinPolicy,
  combineFixes,
  comparePackageVersions,
  cveListing,
  diagnostic,
  didYouMean,
  distDir,
  dpkgPackages,
  effectiveDaemon,
  effectiveModule,
  evaluateAll,
  evaluateDocument,
  evaluateTargets,
  evaluationProgress,
  fileAsStarted,
  fixRepository,
  formatOption,
  hostSecrets,
  imageRunsAsRoot,
  judgeCves,
  judgeReport,
  launchFromArgv,
  launchFromScript,
  layerProgress,
  loadConfigTarget,
  moduleSecretsPaths,
  namedSecrets,
  numberOptions,
  octalMode,
  openEvaluation,
  parseCommandArgs,
  parseHostRaw,
  parseOsRelease,
  parseRsyncdConf,
  parseSecrets,
  parseUnitSettings,
  parseVersion,
  pickFormat,
  policiesFor,
  progressFor,
  quotableLines,
  reachOf,
  readBaselineOption,
  readCollectorOutput,
  readEnvNumber,
  readImageConfig,
  readInputFile,
  readNumber,
  readStdin,
  relabelFiles,
  releaseNumbers,
  renderContext,
  renderReport,
  renderWith,
  reportFingerprints,
  require_ajv,
  require_dist,
  rsyncFacts,
  scanCommand,
  severityRank,
  simulateAccess,
  startWorker,
  stringOption,
  stringsOption,
  textKey,
  toFixDiff,
  toHtml,
  toMarkdown,
  toSarif,
  today,
  tokenizeHostList,
  unmatchedExcludeWarning,
  upstreamOf,
  versionOf,
  warnLine,
  withBaseline,
  within,
  writeOutput
} from "./chunk-UG5DREJ5.js";
import {
  EXIT_ERROR,
  EXIT_FINDINGS,
  EXIT_OK,
  UserError,
  __commonJS,
  __require,
  __toESM,
  describeJsonError,
  errorMessage,
  escapeAllText,
  escapeControls,
  escapeJsonText,
  fail,
  isObject,
  ok,
  systemErrorCode
} from "./chunk-ARSZWGJY.js";

// node_modules/prom-client/lib/util.js
var require_util = __commonJS({
  "node_modules/prom-client/lib/util.js"(exports) {
    "use strict";
    exports.getValueAsString = function getValueString(value) {
      if (Number.isNaN(value)) {
        return "Nan";
      } else if (!Number.isFinite(value)) {
        if (value < 0) {
          return "-Inf";
        } else {
          return "+Inf";
        }
      } else {
        return `${value}`;
      }
    };
    exports.removeLabels = function removeLabels(hashMap, labels, sortedLabelNames) {
      const hash = hashObject(labels, sortedLabelNames);
      delete hashMap[hash];
    };
    exports.setValue = function setValue(hashMap, value, labels) {
      const hash = hashObject(labels);
      hashMap[hash] = {
        value: typeof value === "number" ? value : 0,
        labels: labels || {}
      };
      return hashMap;
    };
    exports.setValueDelta = function setValueDelta(hashMap, deltaValue, labels, hash = "") {
      const value = typeof deltaValue === "number" ? deltaValue : 0;
      if (hashMap[hash]) {
        hashMap[hash].value += value;
      } else {
        hashMap[hash] = { value, labels };
      }
      return hashMap;
    };
    exports.getLabels = function(labelNames, args) {
      if (typeof args[0] === "object") {
        return args[0];
      }
      if (labelNames.length !== args.length) {
        throw new Error(
          `Invalid number of arguments (${args.length}): "${args.join(
            ", "
          )}" for label names (${labelNames.length}): "${labelNames.join(", ")}".`
        );
      }
      const acc = {};
      for (let i = 0; i < labelNames.length; i++) {
        acc[labelNames[i]] = args[i];
      }
      return acc;
    };
    function fastHashObject(keys, labels) {
      if (keys.length === 0) {
        return "";
      }
      let hash = "";
      for (let i = 0; i < keys.length; i++) {
        const key2 = keys[i];
        const value = labels[key2];
        if (value === void 0) continue;
        hash += `${key2}:${value},`;
      }
      return hash;
    }
    function hashObject(labels, labelNames) {
      if (labelNames) {
        return fastHashObject(labelNames, labels);
      }
      const keys = Object.keys(labels);
      if (keys.length > 1) {
        keys.sort();
      }
      return fastHashObject(keys, labels);
    }
    exports.hashObject = hashObject;
    exports.isObject = function isObject2(obj) {
      return obj !== null && typeof obj === "object";
    };
    exports.nowTimestamp = function nowTimestamp() {
      return Date.now() / 1e3;
    };
    var Grouper = class extends Map {
      /**
       * Adds the `value` to the `key`'s array of values.
       * @param {*} key Key to set.
       * @param {*} value Value to add to `key`'s array.
       * @returns {undefined} undefined.
       */
      add(key2, value) {
        if (this.has(key2)) {
          this.get(key2).push(value);
        } else {
          this.set(key2, [value]);
        }
      }
    };
    exports.Grouper = Grouper;
  }
});

// node_modules/prom-client/lib/registry.js
var require_registry = __commonJS({
  "node_modules/prom-client/lib/registry.js"(exports, module) {
    "use strict";
    var { getValueAsString } = require_util();
    var Registry2 = class _Registry {
      static get PROMETHEUS_CONTENT_TYPE() {
        return "text/plain; version=0.0.4; charset=utf-8";
      }
      static get OPENMETRICS_CONTENT_TYPE() {
        return "application/openmetrics-text; version=1.0.0; charset=utf-8";
      }
      constructor(regContentType = _Registry.PROMETHEUS_CONTENT_TYPE) {
        this._metrics = {};
        this._collectors = [];
        this._defaultLabels = {};
        if (regContentType !== _Registry.PROMETHEUS_CONTENT_TYPE && regContentType !== _Registry.OPENMETRICS_CONTENT_TYPE) {
          throw new TypeError(`Content type ${regContentType} is unsupported`);
        }
        this._contentType = regContentType;
      }
      getMetricsAsArray() {
        return Object.values(this._metrics);
      }
      async getMetricsAsString(metrics) {
        const metric = typeof metrics.getForPromString === "function" ? await metrics.getForPromString() : await metrics.get();
        const name = escapeString(metric.name);
        const help = `# HELP ${name} ${escapeString(metric.help)}`;
        const type = `# TYPE ${name} ${metric.type}`;
        const values = [help, type];
        const defaultLabels = Object.keys(this._defaultLabels).length > 0 ? this._defaultLabels : null;
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        for (const val of metric.values || []) {
          let { metricName = name, labels = {} } = val;
          const { sharedLabels = {} } = val;
          if (isOpenMetrics && metric.type === "counter") {
            metricName = `${metricName}_total`;
          }
          if (defaultLabels) {
            labels = { ...labels, ...defaultLabels, ...labels };
          }
          const formattedLabels = formatLabels(labels, sharedLabels);
          const flattenedShared = flattenSharedLabels(sharedLabels);
          const labelParts = [...formattedLabels, flattenedShared].filter(Boolean);
          const labelsString = labelParts.length ? `{${labelParts.join(",")}}` : "";
          let fullMetricLine = `${metricName}${labelsString} ${getValueAsString(
            val.value
          )}`;
          const { exemplar } = val;
          if (exemplar && isOpenMetrics) {
            const formattedExemplars = formatLabels(exemplar.labelSet);
            fullMetricLine += ` # {${formattedExemplars.join(
              ","
            )}} ${getValueAsString(exemplar.value)} ${exemplar.timestamp}`;
          }
          values.push(fullMetricLine);
        }
        return values.join("\n");
      }
      async metrics() {
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        const promises = this.getMetricsAsArray().map((metric) => {
          if (isOpenMetrics && metric.type === "counter") {
            metric.name = standardizeCounterName(metric.name);
          }
          return this.getMetricsAsString(metric);
        });
        const resolves = await Promise.all(promises);
        return isOpenMetrics ? `${resolves.join("\n")}
# EOF
` : `${resolves.join("\n\n")}
`;
      }
      registerMetric(metric) {
        if (this._metrics[metric.name] && this._metrics[metric.name] !== metric) {
          throw new Error(
            `A metric with the name ${metric.name} has already been registered.`
          );
        }
        this._metrics[metric.name] = metric;
      }
      clear() {
        this._metrics = {};
        this._defaultLabels = {};
      }
      async getMetricsAsJSON() {
        const metrics = [];
        const defaultLabelNames = Object.keys(this._defaultLabels);
        const promises = [];
        for (const metric of this.getMetricsAsArray()) {
          promises.push(metric.get());
        }
        const resolves = await Promise.all(promises);
        for (const item of resolves) {
          if (item.values && defaultLabelNames.length > 0) {
            for (const val of item.values) {
              val.labels = Object.assign({}, val.labels);
              for (const labelName of defaultLabelNames) {
                val.labels[labelName] = val.labels[labelName] || this._defaultLabels[labelName];
              }
            }
          }
          metrics.push(item);
        }
        return metrics;
      }
      removeSingleMetric(name) {
        delete this._metrics[name];
      }
      getSingleMetricAsString(name) {
        return this.getMetricsAsString(this._metrics[name]);
      }
      getSingleMetric(name) {
        return this._metrics[name];
      }
      setDefaultLabels(labels) {
        this._defaultLabels = labels;
      }
      resetMetrics() {
        for (const metric in this._metrics) {
          this._metrics[metric].reset();
        }
      }
      get contentType() {
        return this._contentType;
      }
      setContentType(metricsContentType) {
        if (metricsContentType === _Registry.OPENMETRICS_CONTENT_TYPE || metricsContentType === _Registry.PROMETHEUS_CONTENT_TYPE) {
          this._contentType = metricsContentType;
        } else {
          throw new Error(`Content type ${metricsContentType} is unsupported`);
        }
      }
      static merge(registers) {
        const regType = registers[0].contentType;
        for (const reg of registers) {
          if (reg.contentType !== regType) {
            throw new Error(
              "Registers can only be merged if they have the same content type"
            );
          }
        }
        const mergedRegistry = new _Registry(regType);
        const metricsToMerge = registers.reduce(
          (acc, reg) => acc.concat(reg.getMetricsAsArray()),
          []
        );
        metricsToMerge.forEach(mergedRegistry.registerMetric, mergedRegistry);
        return mergedRegistry;
      }
    };
    function formatLabels(labels, exclude) {
      const { hasOwnProperty } = Object.prototype;
      const formatted = [];
      for (const [name, value] of Object.entries(labels)) {
        if (!exclude || !hasOwnProperty.call(exclude, name)) {
          formatted.push(`${name}="${escapeLabelValue(value)}"`);
        }
      }
      return formatted;
    }
    var sharedLabelCache = /* @__PURE__ */ new WeakMap();
    function flattenSharedLabels(labels) {
      const cached = sharedLabelCache.get(labels);
      if (cached) {
        return cached;
      }
      const formattedLabels = formatLabels(labels);
      const flattened = formattedLabels.join(",");
      sharedLabelCache.set(labels, flattened);
      return flattened;
    }
    function escapeLabelValue(str2) {
      if (typeof str2 !== "string") {
        return str2;
      }
      return escapeString(str2).replace(/"/g, '\\"');
    }
    function escapeString(str2) {
      return str2.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
    }
    function standardizeCounterName(name) {
      return name.replace(/_total$/, "");
    }
    module.exports = Registry2;
    module.exports.globalRegistry = new Registry2();
  }
});

// node_modules/prom-client/lib/validation.js
var require_validation = __commonJS({
  "node_modules/prom-client/lib/validation.js"(exports) {
    "use strict";
    var util = __require("util");
    var metricRegexp = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
    var labelRegexp = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
    exports.validateMetricName = function(name) {
      return metricRegexp.test(name);
    };
    exports.validateLabelName = function(names2 = []) {
      return names2.every((name) => labelRegexp.test(name));
    };
    exports.validateLabel = function validateLabel(savedLabels, labels) {
      for (const label2 in labels) {
        if (!savedLabels.includes(label2)) {
          throw new Error(
            `Added label "${label2}" is not included in initial labelset: ${util.inspect(
              savedLabels
            )}`
          );
        }
      }
    };
  }
});

// node_modules/prom-client/lib/metric.js
var require_metric = __commonJS({
  "node_modules/prom-client/lib/metric.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { isObject: isObject2 } = require_util();
    var { validateMetricName, validateLabelName } = require_validation();
    var Metric = class {
      constructor(config, defaults = {}) {
        if (!isObject2(config)) {
          throw new TypeError("constructor expected a config object");
        }
        Object.assign(
          this,
          {
            labelNames: [],
            registers: [Registry2.globalRegistry],
            aggregator: "sum",
            enableExemplars: false
          },
          defaults,
          config
        );
        if (!this.registers) {
          this.registers = [Registry2.globalRegistry];
        }
        if (!this.help) {
          throw new Error("Missing mandatory help parameter");
        }
        if (!this.name) {
          throw new Error("Missing mandatory name parameter");
        }
        if (!validateMetricName(this.name)) {
          throw new Error("Invalid metric name");
        }
        if (!validateLabelName(this.labelNames)) {
          throw new Error("Invalid label name");
        }
        if (this.collect && typeof this.collect !== "function") {
          throw new Error('Optional "collect" parameter must be a function');
        }
        if (this.labelNames) {
          this.sortedLabelNames = [...this.labelNames].sort();
        } else {
          this.sortedLabelNames = [];
        }
        this.reset();
        for (const register of this.registers) {
          if (this.enableExemplars && register.contentType === Registry2.PROMETHEUS_CONTENT_TYPE) {
            throw new TypeError(
              "Exemplars are supported only on OpenMetrics registries"
            );
          }
          register.registerMetric(this);
        }
      }
      reset() {
      }
    };
    module.exports = { Metric };
  }
});

// node_modules/prom-client/lib/exemplar.js
var require_exemplar = __commonJS({
  "node_modules/prom-client/lib/exemplar.js"(exports, module) {
    "use strict";
    var Exemplar = class {
      constructor(labelSet = {}, value = null) {
        this.labelSet = labelSet;
        this.value = value;
      }
      /**
       * Validation for the label set format.
       * https://github.com/OpenObservability/OpenMetrics/blob/d99b705f611b75fec8f450b05e344e02eea6921d/specification/OpenMetrics.md#exemplars
       *
       * @param {object} labelSet - Exemplar labels.
       * @throws {RangeError}
       * @return {void}
       */
      validateExemplarLabelSet(labelSet) {
        let res = "";
        for (const [labelName, labelValue] of Object.entries(labelSet)) {
          res += `${labelName}${labelValue}`;
        }
        if (res.length > 128) {
          throw new RangeError(
            "Label set size must be smaller than 128 UTF-8 chars"
          );
        }
      }
    };
    module.exports = Exemplar;
  }
});

// node_modules/prom-client/lib/counter.js
var require_counter = __commonJS({
  "node_modules/prom-client/lib/counter.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      hashObject,
      isObject: isObject2,
      getLabels,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Counter2 = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "counter";
        this.defaultLabels = {};
        this.defaultValue = 1;
        this.defaultExemplarLabelSet = {};
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.inc = this.incWithExemplar;
        } else {
          this.inc = this.incWithoutExemplar;
        }
      }
      /**
       * Increment counter
       * @param {object} labels - What label you want to be incremented
       * @param {Number} value - Value to increment, if omitted increment with 1
       * @returns {object} results - object with information about the inc operation
       * @returns {string} results.labelHash - hash representation of the labels
       */
      incWithoutExemplar(labels, value) {
        let hash = "";
        if (isObject2(labels)) {
          hash = hashObject(labels, this.sortedLabelNames);
          validateLabel(this.labelNames, labels);
        } else {
          value = labels;
          labels = {};
        }
        if (value && !Number.isFinite(value)) {
          throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
        }
        if (value < 0) {
          throw new Error("It is not possible to decrease a counter");
        }
        if (value === null || value === void 0) value = 1;
        setValue(this.hashMap, value, labels, hash);
        return { labelHash: hash };
      }
      /**
       * Increment counter with exemplar, same as inc but accepts labels for an
       * exemplar.
       * If no label is provided the current exemplar labels are kept unchanged
       * (defaults to empty set).
       *
       * @param {object} incOpts - Object with options about what metric to increase
       * @param {object} incOpts.labels - What label you want to be incremented,
       *                                  defaults to null (metric with no labels)
       * @param {Number} incOpts.value - Value to increment, defaults to 1
       * @param {object} incOpts.exemplarLabels - Key-value  labels for the
       *                                          exemplar, defaults to empty set {}
       * @returns {void}
       */
      incWithExemplar({
        labels = this.defaultLabels,
        value = this.defaultValue,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        const res = this.incWithoutExemplar(labels, value);
        this.updateExemplar(exemplarLabels, value, res.labelHash);
      }
      updateExemplar(exemplarLabels, value, hash) {
        if (exemplarLabels === this.defaultExemplarLabelSet) return;
        if (!isObject2(this.hashMap[hash].exemplar)) {
          this.hashMap[hash].exemplar = new Exemplar();
        }
        this.hashMap[hash].exemplar.validateExemplarLabelSet(exemplarLabels);
        this.hashMap[hash].exemplar.labelSet = exemplarLabels;
        this.hashMap[hash].exemplar.value = value ? value : 1;
        this.hashMap[hash].exemplar.timestamp = nowTimestamp();
      }
      /**
       * Reset counter
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0);
        }
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args) || {};
        return {
          inc: this.inc.bind(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args) || {};
        validateLabel(this.labelNames, labels);
        return removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function setValue(hashMap, value, labels = {}, hash = "") {
      if (hashMap[hash]) {
        hashMap[hash].value += value;
      } else {
        hashMap[hash] = { value, labels };
      }
      return hashMap;
    }
    module.exports = Counter2;
  }
});

// node_modules/prom-client/lib/gauge.js
var require_gauge = __commonJS({
  "node_modules/prom-client/lib/gauge.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      setValue,
      setValueDelta,
      getLabels,
      hashObject,
      isObject: isObject2,
      removeLabels
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Gauge = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "gauge";
      }
      /**
       * Set a gauge to a value
       * @param {object} labels - Object with labels and their values
       * @param {Number} value - Value to set the gauge to, must be positive
       * @returns {void}
       */
      set(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        set(this, labels, value);
      }
      /**
       * Reset gauge
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0, {});
        }
      }
      /**
       * Increment a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to increment - if omitted, increment with 1
       * @returns {void}
       */
      inc(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        if (value === void 0) value = 1;
        setDelta(this, labels, value);
      }
      /**
       * Decrement a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to decrement - if omitted, decrement with 1
       * @returns {void}
       */
      dec(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        if (value === void 0) value = 1;
        setDelta(this, labels, -value);
      }
      /**
       * Set the gauge to current unix epoch
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      setToCurrentTime(labels) {
        const now = Date.now() / 1e3;
        if (labels === void 0) {
          this.set(now);
        } else {
          this.set(labels, now);
        }
      }
      /**
       * Start a timer
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Invoke this function to set the duration in seconds since you started the timer.
       * @example
       * var done = gauge.startTimer();
       * makeXHRRequest(function(err, response) {
       *	done(); //Duration of the request will be saved
       * });
       */
      startTimer(labels) {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.set(Object.assign({}, labels, endLabels), value);
          return value;
        };
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      _getValue(labels) {
        const hash = hashObject(labels || {}, this.sortedLabelNames);
        return this.hashMap[hash] ? this.hashMap[hash].value : 0;
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          inc: this.inc.bind(this, labels),
          dec: this.dec.bind(this, labels),
          set: this.set.bind(this, labels),
          setToCurrentTime: this.setToCurrentTime.bind(this, labels),
          startTimer: this.startTimer.bind(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function set(gauge, labels, value) {
      if (typeof value !== "number") {
        throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
      }
      validateLabel(gauge.labelNames, labels);
      setValue(gauge.hashMap, value, labels);
    }
    function setDelta(gauge, labels, delta) {
      if (typeof delta !== "number") {
        throw new TypeError(`Delta is not a valid number: ${util.format(delta)}`);
      }
      validateLabel(gauge.labelNames, labels);
      const hash = hashObject(labels, gauge.sortedLabelNames);
      setValueDelta(gauge.hashMap, delta, labels, hash);
    }
    function getLabelArg(labels) {
      return isObject2(labels) ? labels : {};
    }
    function getValueArg(labels, value) {
      return isObject2(labels) ? value : labels;
    }
    module.exports = Gauge;
  }
});

// node_modules/prom-client/lib/histogram.js
var require_histogram = __commonJS({
  "node_modules/prom-client/lib/histogram.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      getLabels,
      hashObject,
      isObject: isObject2,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Histogram2 = class extends Metric {
      constructor(config) {
        super(config, {
          buckets: [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
        });
        this.type = "histogram";
        this.defaultLabels = {};
        this.defaultExemplarLabelSet = {};
        this.enableExemplars = false;
        for (const label2 of this.labelNames) {
          if (label2 === "le") {
            throw new Error("le is a reserved label keyword");
          }
        }
        this.upperBounds = this.buckets;
        this.bucketValues = this.upperBounds.reduce((acc, upperBound) => {
          acc[upperBound] = 0;
          return acc;
        }, {});
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.bucketExemplars = this.upperBounds.reduce((acc, upperBound) => {
            acc[upperBound] = null;
            return acc;
          }, {});
          Object.freeze(this.bucketExemplars);
          this.observe = this.observeWithExemplar;
        } else {
          this.observe = this.observeWithoutExemplar;
        }
        Object.freeze(this.bucketValues);
        Object.freeze(this.upperBounds);
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: createBaseValues(
              {},
              this.bucketValues,
              this.bucketExemplars
            )
          };
        }
      }
      /**
       * Observe a value in histogram
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe in the histogram
       * @returns {void}
       */
      observeWithoutExemplar(labels, value) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
      }
      observeWithExemplar({
        labels = this.defaultLabels,
        value,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
        this.updateExemplar(labels, value, exemplarLabels);
      }
      updateExemplar(labels, value, exemplarLabels) {
        if (Object.keys(exemplarLabels).length === 0) return;
        const hash = hashObject(labels, this.sortedLabelNames);
        const bound = findBound(this.upperBounds, value);
        const { bucketExemplars } = this.hashMap[hash];
        let exemplar = bucketExemplars[bound];
        if (!isObject2(exemplar)) {
          exemplar = new Exemplar();
          bucketExemplars[bound] = exemplar;
        }
        exemplar.validateExemplarLabelSet(exemplarLabels);
        exemplar.labelSet = exemplarLabels;
        exemplar.value = value;
        exemplar.timestamp = nowTimestamp();
      }
      async get() {
        const data = await this.getForPromString();
        data.values = data.values.map(splayLabels);
        return data;
      }
      async getForPromString() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const data = Object.values(this.hashMap);
        const values = data.map(extractBucketValuesForExport(this)).reduce(addSumAndCountForExport(this), []);
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        this.hashMap = {};
      }
      /**
       * Initialize the metrics for the given combination of labels to zero
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      zero(labels) {
        const hash = hashObject(labels, this.sortedLabelNames);
        this.hashMap[hash] = createBaseValues(
          labels,
          this.bucketValues,
          this.bucketExemplars
        );
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {object} exemplarLabels - Object with labels for exemplar where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = histogram.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       * 	const duration = end(); //Observe the duration of expensiveXHRRequest and returns duration in seconds
       * 	console.log('Duration', duration);
       * });
       */
      startTimer(labels, exemplarLabels) {
        return this.enableExemplars ? startTimerWithExemplar.call(this, labels, exemplarLabels)() : startTimer.call(this, labels)();
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          observe: observe.call(this, labels),
          startTimer: startTimer.call(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function startTimer(startLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value);
          return value;
        };
      };
    }
    function startTimerWithExemplar(startLabels, startExemplarLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels, endExemplarLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe({
            labels: Object.assign({}, startLabels, endLabels),
            value,
            exemplarLabels: Object.assign(
              {},
              startExemplarLabels,
              endExemplarLabels
            )
          });
          return value;
        };
      };
    }
    function setValuePair(labels, value, metricName, exemplar, sharedLabels = {}) {
      return {
        labels,
        sharedLabels,
        value,
        metricName,
        exemplar
      };
    }
    function findBound(upperBounds, value) {
      for (let i = 0; i < upperBounds.length; i++) {
        const bound = upperBounds[i];
        if (value <= bound) {
          return bound;
        }
      }
      return -1;
    }
    function observe(labels) {
      return (value) => {
        const labelValuePair = convertLabelsAndValues(labels, value);
        validateLabel(this.labelNames, labelValuePair.labels);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let valueFromMap = this.hashMap[hash];
        if (!valueFromMap) {
          valueFromMap = createBaseValues(
            labelValuePair.labels,
            this.bucketValues,
            this.bucketExemplars
          );
        }
        const b = findBound(this.upperBounds, labelValuePair.value);
        valueFromMap.sum += labelValuePair.value;
        valueFromMap.count += 1;
        if (Object.prototype.hasOwnProperty.call(valueFromMap.bucketValues, b)) {
          valueFromMap.bucketValues[b] += 1;
        }
        this.hashMap[hash] = valueFromMap;
      };
    }
    function createBaseValues(labels, bucketValues, bucketExemplars) {
      const result = {
        labels,
        bucketValues: { ...bucketValues },
        sum: 0,
        count: 0
      };
      if (bucketExemplars) {
        result.bucketExemplars = { ...bucketExemplars };
      }
      return result;
    }
    function convertLabelsAndValues(labels, value) {
      return isObject2(labels) ? {
        labels,
        value
      } : {
        value: labels,
        labels: {}
      };
    }
    function extractBucketValuesForExport(histogram) {
      const name = `${histogram.name}_bucket`;
      return (bucketData) => {
        let acc = 0;
        const buckets = histogram.upperBounds.map((upperBound) => {
          acc += bucketData.bucketValues[upperBound];
          return setValuePair(
            { le: upperBound },
            acc,
            name,
            bucketData.bucketExemplars ? bucketData.bucketExemplars[upperBound] : null,
            bucketData.labels
          );
        });
        return { buckets, data: bucketData };
      };
    }
    function addSumAndCountForExport(histogram) {
      return (acc, d) => {
        acc.push(...d.buckets);
        const infLabel = { le: "+Inf" };
        acc.push(
          setValuePair(
            infLabel,
            d.data.count,
            `${histogram.name}_bucket`,
            d.data.bucketExemplars ? d.data.bucketExemplars["-1"] : null,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.sum,
            `${histogram.name}_sum`,
            void 0,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.count,
            `${histogram.name}_count`,
            void 0,
            d.data.labels
          )
        );
        return acc;
      };
    }
    function splayLabels(bucket) {
      const { sharedLabels, labels, ...newBucket } = bucket;
      for (const label2 of Object.keys(sharedLabels)) {
        labels[label2] = sharedLabels[label2];
      }
      newBucket.labels = labels;
      return newBucket;
    }
    module.exports = Histogram2;
  }
});

// node_modules/bintrees/lib/treebase.js
var require_treebase = __commonJS({
  "node_modules/bintrees/lib/treebase.js"(exports, module) {
    function TreeBase() {
    }
    TreeBase.prototype.clear = function() {
      this._root = null;
      this.size = 0;
    };
    TreeBase.prototype.find = function(data) {
      var res = this._root;
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          return res.data;
        } else {
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.findIter = function(data) {
      var res = this._root;
      var iter = this.iterator();
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          iter._cursor = res;
          return iter;
        } else {
          iter._ancestors.push(res);
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.lowerBound = function(item) {
      var cur = this._root;
      var iter = this.iterator();
      var cmp = this._comparator;
      while (cur !== null) {
        var c = cmp(item, cur.data);
        if (c === 0) {
          iter._cursor = cur;
          return iter;
        }
        iter._ancestors.push(cur);
        cur = cur.get_child(c > 0);
      }
      for (var i = iter._ancestors.length - 1; i >= 0; --i) {
        cur = iter._ancestors[i];
        if (cmp(item, cur.data) < 0) {
          iter._cursor = cur;
          iter._ancestors.length = i;
          return iter;
        }
      }
      iter._ancestors.length = 0;
      return iter;
    };
    TreeBase.prototype.upperBound = function(item) {
      var iter = this.lowerBound(item);
      var cmp = this._comparator;
      while (iter.data() !== null && cmp(iter.data(), item) === 0) {
        iter.next();
      }
      return iter;
    };
    TreeBase.prototype.min = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.left !== null) {
        res = res.left;
      }
      return res.data;
    };
    TreeBase.prototype.max = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.right !== null) {
        res = res.right;
      }
      return res.data;
    };
    TreeBase.prototype.iterator = function() {
      return new Iterator(this);
    };
    TreeBase.prototype.each = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.next()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    TreeBase.prototype.reach = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.prev()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    function Iterator(tree) {
      this._tree = tree;
      this._ancestors = [];
      this._cursor = null;
    }
    Iterator.prototype.data = function() {
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.next = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._minNode(root);
        }
      } else {
        if (this._cursor.right === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.right === save);
        } else {
          this._ancestors.push(this._cursor);
          this._minNode(this._cursor.right);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.prev = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._maxNode(root);
        }
      } else {
        if (this._cursor.left === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.left === save);
        } else {
          this._ancestors.push(this._cursor);
          this._maxNode(this._cursor.left);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype._minNode = function(start) {
      while (start.left !== null) {
        this._ancestors.push(start);
        start = start.left;
      }
      this._cursor = start;
    };
    Iterator.prototype._maxNode = function(start) {
      while (start.right !== null) {
        this._ancestors.push(start);
        start = start.right;
      }
      this._cursor = start;
    };
    module.exports = TreeBase;
  }
});

// node_modules/bintrees/lib/rbtree.js
var require_rbtree = __commonJS({
  "node_modules/bintrees/lib/rbtree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
      this.red = true;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function RBTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    RBTree.prototype = new TreeBase();
    RBTree.prototype.insert = function(data) {
      var ret2 = false;
      if (this._root === null) {
        this._root = new Node(data);
        ret2 = true;
        this.size++;
      } else {
        var head = new Node(void 0);
        var dir = 0;
        var last = 0;
        var gp = null;
        var ggp = head;
        var p = null;
        var node = this._root;
        ggp.right = this._root;
        while (true) {
          if (node === null) {
            node = new Node(data);
            p.set_child(dir, node);
            ret2 = true;
            this.size++;
          } else if (is_red(node.left) && is_red(node.right)) {
            node.red = true;
            node.left.red = false;
            node.right.red = false;
          }
          if (is_red(node) && is_red(p)) {
            var dir2 = ggp.right === gp;
            if (node === p.get_child(last)) {
              ggp.set_child(dir2, single_rotate(gp, !last));
            } else {
              ggp.set_child(dir2, double_rotate(gp, !last));
            }
          }
          var cmp = this._comparator(node.data, data);
          if (cmp === 0) {
            break;
          }
          last = dir;
          dir = cmp < 0;
          if (gp !== null) {
            ggp = gp;
          }
          gp = p;
          p = node;
          node = node.get_child(dir);
        }
        this._root = head.right;
      }
      this._root.red = false;
      return ret2;
    };
    RBTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var gp = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        var last = dir;
        gp = p;
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
        if (!is_red(node) && !is_red(node.get_child(dir))) {
          if (is_red(node.get_child(!dir))) {
            var sr = single_rotate(node, dir);
            p.set_child(last, sr);
            p = sr;
          } else if (!is_red(node.get_child(!dir))) {
            var sibling = p.get_child(!last);
            if (sibling !== null) {
              if (!is_red(sibling.get_child(!last)) && !is_red(sibling.get_child(last))) {
                p.red = false;
                sibling.red = true;
                node.red = true;
              } else {
                var dir2 = gp.right === p;
                if (is_red(sibling.get_child(last))) {
                  gp.set_child(dir2, double_rotate(p, last));
                } else if (is_red(sibling.get_child(!last))) {
                  gp.set_child(dir2, single_rotate(p, last));
                }
                var gpc = gp.get_child(dir2);
                gpc.red = true;
                node.red = true;
                gpc.left.red = false;
                gpc.right.red = false;
              }
            }
          }
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this.size--;
      }
      this._root = head.right;
      if (this._root !== null) {
        this._root.red = false;
      }
      return found !== null;
    };
    function is_red(node) {
      return node !== null && node.red;
    }
    function single_rotate(root, dir) {
      var save = root.get_child(!dir);
      root.set_child(!dir, save.get_child(dir));
      save.set_child(dir, root);
      root.red = true;
      save.red = false;
      return save;
    }
    function double_rotate(root, dir) {
      root.set_child(!dir, single_rotate(root.get_child(!dir), !dir));
      return single_rotate(root, dir);
    }
    module.exports = RBTree;
  }
});

// node_modules/bintrees/lib/bintree.js
var require_bintree = __commonJS({
  "node_modules/bintrees/lib/bintree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function BinTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    BinTree.prototype = new TreeBase();
    BinTree.prototype.insert = function(data) {
      if (this._root === null) {
        this._root = new Node(data);
        this.size++;
        return true;
      }
      var dir = 0;
      var p = null;
      var node = this._root;
      while (true) {
        if (node === null) {
          node = new Node(data);
          p.set_child(dir, node);
          ret = true;
          this.size++;
          return true;
        }
        if (this._comparator(node.data, data) === 0) {
          return false;
        }
        dir = this._comparator(node.data, data) < 0;
        p = node;
        node = node.get_child(dir);
      }
    };
    BinTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this._root = head.right;
        this.size--;
        return true;
      } else {
        return false;
      }
    };
    module.exports = BinTree;
  }
});

// node_modules/bintrees/index.js
var require_bintrees = __commonJS({
  "node_modules/bintrees/index.js"(exports, module) {
    module.exports = {
      RBTree: require_rbtree(),
      BinTree: require_bintree()
    };
  }
});

// node_modules/tdigest/tdigest.js
var require_tdigest = __commonJS({
  "node_modules/tdigest/tdigest.js"(exports, module) {
    var RBTree = require_bintrees().RBTree;
    function TDigest(delta, K, CX) {
      this.discrete = delta === false;
      this.delta = delta || 0.01;
      this.K = K === void 0 ? 25 : K;
      this.CX = CX === void 0 ? 1.1 : CX;
      this.centroids = new RBTree(compare_centroid_means);
      this.nreset = 0;
      this.reset();
    }
    TDigest.prototype.reset = function() {
      this.centroids.clear();
      this.n = 0;
      this.nreset += 1;
      this.last_cumulate = 0;
    };
    TDigest.prototype.size = function() {
      return this.centroids.size;
    };
    TDigest.prototype.toArray = function(everything) {
      var result = [];
      if (everything) {
        this._cumulate(true);
        this.centroids.each(function(c) {
          result.push(c);
        });
      } else {
        this.centroids.each(function(c) {
          result.push({ mean: c.mean, n: c.n });
        });
      }
      return result;
    };
    TDigest.prototype.summary = function() {
      var approx = this.discrete ? "exact " : "approximating ";
      var s = [
        approx + this.n + " samples using " + this.size() + " centroids",
        "min = " + this.percentile(0),
        "Q1  = " + this.percentile(0.25),
        "Q2  = " + this.percentile(0.5),
        "Q3  = " + this.percentile(0.75),
        "max = " + this.percentile(1)
      ];
      return s.join("\n");
    };
    function compare_centroid_means(a, b) {
      return a.mean > b.mean ? 1 : a.mean < b.mean ? -1 : 0;
    }
    function compare_centroid_mean_cumns(a, b) {
      return a.mean_cumn - b.mean_cumn;
    }
    TDigest.prototype.push = function(x, n) {
      n = n || 1;
      x = Array.isArray(x) ? x : [x];
      for (var i = 0; i < x.length; i++) {
        this._digest(x[i], n);
      }
    };
    TDigest.prototype.push_centroid = function(c) {
      c = Array.isArray(c) ? c : [c];
      for (var i = 0; i < c.length; i++) {
        this._digest(c[i].mean, c[i].n);
      }
    };
    TDigest.prototype._cumulate = function(exact) {
      if (this.n === this.last_cumulate || !exact && this.CX && this.CX > this.n / this.last_cumulate) {
        return;
      }
      var cumn = 0;
      this.centroids.each(function(c) {
        c.mean_cumn = cumn + c.n / 2;
        cumn = c.cumn = cumn + c.n;
      });
      this.n = this.last_cumulate = cumn;
    };
    TDigest.prototype.find_nearest = function(x) {
      if (this.size() === 0) {
        return null;
      }
      var iter = this.centroids.lowerBound({ mean: x });
      var c = iter.data() === null ? iter.prev() : iter.data();
      if (c.mean === x || this.discrete) {
        return c;
      }
      var prev = iter.prev();
      if (prev && Math.abs(prev.mean - x) < Math.abs(c.mean - x)) {
        return prev;
      } else {
        return c;
      }
    };
    TDigest.prototype._new_centroid = function(x, n, cumn) {
      var c = { mean: x, n, cumn };
      this.centroids.insert(c);
      this.n += n;
      return c;
    };
    TDigest.prototype._addweight = function(nearest, x, n) {
      if (x !== nearest.mean) {
        nearest.mean += n * (x - nearest.mean) / (nearest.n + n);
      }
      nearest.cumn += n;
      nearest.mean_cumn += n / 2;
      nearest.n += n;
      this.n += n;
    };
    TDigest.prototype._digest = function(x, n) {
      var min = this.centroids.min();
      var max = this.centroids.max();
      var nearest = this.find_nearest(x);
      if (nearest && nearest.mean === x) {
        this._addweight(nearest, x, n);
      } else if (nearest === min) {
        this._new_centroid(x, n, 0);
      } else if (nearest === max) {
        this._new_centroid(x, n, this.n);
      } else if (this.discrete) {
        this._new_centroid(x, n, nearest.cumn);
      } else {
        var p = nearest.mean_cumn / this.n;
        var max_n = Math.floor(4 * this.n * this.delta * p * (1 - p));
        if (max_n - nearest.n >= n) {
          this._addweight(nearest, x, n);
        } else {
          this._new_centroid(x, n, nearest.cumn);
        }
      }
      this._cumulate(false);
      if (!this.discrete && this.K && this.size() > this.K / this.delta) {
        this.compress();
      }
    };
    TDigest.prototype.bound_mean = function(x) {
      var iter = this.centroids.upperBound({ mean: x });
      var lower = iter.prev();
      var upper = lower.mean === x ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.p_rank = function(x_or_xlist) {
      var xs = Array.isArray(x_or_xlist) ? x_or_xlist : [x_or_xlist];
      var ps = xs.map(this._p_rank, this);
      return Array.isArray(x_or_xlist) ? ps : ps[0];
    };
    TDigest.prototype._p_rank = function(x) {
      if (this.size() === 0) {
        return void 0;
      } else if (x < this.centroids.min().mean) {
        return 0;
      } else if (x > this.centroids.max().mean) {
        return 1;
      }
      this._cumulate(true);
      var bound = this.bound_mean(x);
      var lower = bound[0], upper = bound[1];
      if (this.discrete) {
        return lower.cumn / this.n;
      } else {
        var cumn = lower.mean_cumn;
        if (lower !== upper) {
          cumn += (x - lower.mean) * (upper.mean_cumn - lower.mean_cumn) / (upper.mean - lower.mean);
        }
        return cumn / this.n;
      }
    };
    TDigest.prototype.bound_mean_cumn = function(cumn) {
      this.centroids._comparator = compare_centroid_mean_cumns;
      var iter = this.centroids.upperBound({ mean_cumn: cumn });
      this.centroids._comparator = compare_centroid_means;
      var lower = iter.prev();
      var upper = lower && lower.mean_cumn === cumn ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.percentile = function(p_or_plist) {
      var ps = Array.isArray(p_or_plist) ? p_or_plist : [p_or_plist];
      var qs = ps.map(this._percentile, this);
      return Array.isArray(p_or_plist) ? qs : qs[0];
    };
    TDigest.prototype._percentile = function(p) {
      if (this.size() === 0) {
        return void 0;
      }
      this._cumulate(true);
      var h = this.n * p;
      var bound = this.bound_mean_cumn(h);
      var lower = bound[0], upper = bound[1];
      if (upper === lower || lower === null || upper === null) {
        return (lower || upper).mean;
      } else if (!this.discrete) {
        return lower.mean + (h - lower.mean_cumn) * (upper.mean - lower.mean) / (upper.mean_cumn - lower.mean_cumn);
      } else if (h <= lower.cumn) {
        return lower.mean;
      } else {
        return upper.mean;
      }
    };
    function pop_random(choices) {
      var idx = Math.floor(Math.random() * choices.length);
      return choices.splice(idx, 1)[0];
    }
    TDigest.prototype.compress = function() {
      if (this.compressing) {
        return;
      }
      var points = this.toArray();
      this.reset();
      this.compressing = true;
      while (points.length > 0) {
        this.push_centroid(pop_random(points));
      }
      this._cumulate(true);
      this.compressing = false;
    };
    function Digest(config) {
      this.config = config || {};
      this.mode = this.config.mode || "auto";
      TDigest.call(this, this.mode === "cont" ? config.delta : false);
      this.digest_ratio = this.config.ratio || 0.9;
      this.digest_thresh = this.config.thresh || 1e3;
      this.n_unique = 0;
    }
    Digest.prototype = Object.create(TDigest.prototype);
    Digest.prototype.constructor = Digest;
    Digest.prototype.push = function(x_or_xlist) {
      TDigest.prototype.push.call(this, x_or_xlist);
      this.check_continuous();
    };
    Digest.prototype._new_centroid = function(x, n, cumn) {
      this.n_unique += 1;
      TDigest.prototype._new_centroid.call(this, x, n, cumn);
    };
    Digest.prototype._addweight = function(nearest, x, n) {
      if (nearest.n === 1) {
        this.n_unique -= 1;
      }
      TDigest.prototype._addweight.call(this, nearest, x, n);
    };
    Digest.prototype.check_continuous = function() {
      if (this.mode !== "auto" || this.size() < this.digest_thresh) {
        return false;
      }
      if (this.n_unique / this.size() > this.digest_ratio) {
        this.mode = "cont";
        this.discrete = false;
        this.delta = this.config.delta || 0.01;
        this.compress();
        return true;
      }
      return false;
    };
    module.exports = {
      "TDigest": TDigest,
      "Digest": Digest
    };
  }
});

// node_modules/prom-client/lib/timeWindowQuantiles.js
var require_timeWindowQuantiles = __commonJS({
  "node_modules/prom-client/lib/timeWindowQuantiles.js"(exports, module) {
    "use strict";
    var { TDigest } = require_tdigest();
    var TimeWindowQuantiles = class {
      constructor(maxAgeSeconds, ageBuckets) {
        this.maxAgeSeconds = maxAgeSeconds || 0;
        this.ageBuckets = ageBuckets || 0;
        this.shouldRotate = maxAgeSeconds && ageBuckets;
        this.ringBuffer = Array(ageBuckets).fill(new TDigest());
        this.currentBuffer = 0;
        this.lastRotateTimestampMillis = Date.now();
        this.durationBetweenRotatesMillis = maxAgeSeconds * 1e3 / ageBuckets || Infinity;
      }
      size() {
        const bucket = rotate.call(this);
        return bucket.size();
      }
      percentile(quantile) {
        const bucket = rotate.call(this);
        return bucket.percentile(quantile);
      }
      push(value) {
        rotate.call(this);
        this.ringBuffer.forEach((bucket) => {
          bucket.push(value);
        });
      }
      reset() {
        this.ringBuffer.forEach((bucket) => {
          bucket.reset();
        });
      }
      compress() {
        this.ringBuffer.forEach((bucket) => {
          bucket.compress();
        });
      }
    };
    function rotate() {
      let timeSinceLastRotateMillis = Date.now() - this.lastRotateTimestampMillis;
      while (timeSinceLastRotateMillis > this.durationBetweenRotatesMillis && this.shouldRotate) {
        this.ringBuffer[this.currentBuffer] = new TDigest();
        if (++this.currentBuffer >= this.ringBuffer.length) {
          this.currentBuffer = 0;
        }
        timeSinceLastRotateMillis -= this.durationBetweenRotatesMillis;
        this.lastRotateTimestampMillis += this.durationBetweenRotatesMillis;
      }
      return this.ringBuffer[this.currentBuffer];
    }
    module.exports = TimeWindowQuantiles;
  }
});

// node_modules/prom-client/lib/summary.js
var require_summary = __commonJS({
  "node_modules/prom-client/lib/summary.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var { getLabels, hashObject, removeLabels } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var timeWindowQuantiles = require_timeWindowQuantiles();
    var DEFAULT_COMPRESS_COUNT = 1e3;
    var Summary = class extends Metric {
      constructor(config) {
        super(config, {
          percentiles: [0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999],
          compressCount: DEFAULT_COMPRESS_COUNT,
          hashMap: {}
        });
        this.type = "summary";
        for (const label2 of this.labelNames) {
          if (label2 === "quantile")
            throw new Error("quantile is a reserved label keyword");
        }
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: {
              labels: {},
              td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
              count: 0,
              sum: 0
            }
          };
        }
      }
      /**
       * Observe a value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe
       * @returns {void}
       */
      observe(labels, value) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const hashKeys = Object.keys(this.hashMap);
        const values = [];
        hashKeys.forEach((hashKey) => {
          const s = this.hashMap[hashKey];
          if (s) {
            if (this.pruneAgedBuckets && s.td.size() === 0) {
              delete this.hashMap[hashKey];
            } else {
              extractSummariesForExport(s, this.percentiles).forEach((v) => {
                values.push(v);
              });
              values.push(getSumForExport(s, this));
              values.push(getCountForExport(s, this));
            }
          }
        });
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        const data = Object.values(this.hashMap);
        data.forEach((s) => {
          s.td.reset();
          s.count = 0;
          s.sum = 0;
        });
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = summary.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       *	end(); //Observe the duration of expensiveXHRRequest
       * });
       */
      startTimer(labels) {
        return startTimer.call(this, labels)();
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          observe: observe.call(this, labels),
          startTimer: startTimer.call(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function extractSummariesForExport(summaryOfLabels, percentiles) {
      summaryOfLabels.td.compress();
      return percentiles.map((percentile) => {
        const percentileValue = summaryOfLabels.td.percentile(percentile);
        return {
          labels: Object.assign({ quantile: percentile }, summaryOfLabels.labels),
          value: percentileValue ? percentileValue : 0
        };
      });
    }
    function getCountForExport(value, summary) {
      return {
        metricName: `${summary.name}_count`,
        labels: value.labels,
        value: value.count
      };
    }
    function getSumForExport(value, summary) {
      return {
        metricName: `${summary.name}_sum`,
        labels: value.labels,
        value: value.sum
      };
    }
    function startTimer(startLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value);
          return value;
        };
      };
    }
    function observe(labels) {
      return (value) => {
        const labelValuePair = convertLabelsAndValues(labels, value);
        validateLabel(this.labelNames, labels);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let summaryOfLabel = this.hashMap[hash];
        if (!summaryOfLabel) {
          summaryOfLabel = {
            labels: labelValuePair.labels,
            td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
            count: 0,
            sum: 0
          };
        }
        summaryOfLabel.td.push(labelValuePair.value);
        summaryOfLabel.count++;
        if (summaryOfLabel.count % this.compressCount === 0) {
          summaryOfLabel.td.compress();
        }
        summaryOfLabel.sum += labelValuePair.value;
        this.hashMap[hash] = summaryOfLabel;
      };
    }
    function convertLabelsAndValues(labels, value) {
      if (value === void 0) {
        return {
          value: labels,
          labels: {}
        };
      }
      return {
        labels,
        value
      };
    }
    module.exports = Summary;
  }
});

// node_modules/prom-client/lib/pushgateway.js
var require_pushgateway = __commonJS({
  "node_modules/prom-client/lib/pushgateway.js"(exports, module) {
    "use strict";
    var url = __require("url");
    var http = __require("http");
    var https = __require("https");
    var { gzipSync } = __require("zlib");
    var { globalRegistry } = require_registry();
    var Pushgateway = class {
      constructor(gatewayUrl, options, registry) {
        if (!registry) {
          registry = globalRegistry;
        }
        this.registry = registry;
        this.gatewayUrl = gatewayUrl;
        const { requireJobName, ...requestOptions } = {
          requireJobName: true,
          ...options
        };
        this.requireJobName = requireJobName;
        this.requestOptions = requestOptions;
      }
      pushAdd(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "POST", params.jobName, params.groupings);
      }
      push(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "PUT", params.jobName, params.groupings);
      }
      delete(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "DELETE", params.jobName, params.groupings);
      }
    };
    async function useGateway(method, job, groupings) {
      const gatewayUrlParsed = url.parse(this.gatewayUrl);
      const gatewayUrlPath = gatewayUrlParsed.pathname && gatewayUrlParsed.pathname !== "/" ? gatewayUrlParsed.pathname : "";
      const jobPath = job ? `/job/${encodeURIComponent(job)}${generateGroupings(groupings)}` : "";
      const path = `${gatewayUrlPath}/metrics${jobPath}`;
      const target = url.resolve(this.gatewayUrl, path);
      const requestParams = url.parse(target);
      const httpModule = isHttps(requestParams.href) ? https : http;
      const options = Object.assign(requestParams, this.requestOptions, {
        method
      });
      return new Promise((resolve3, reject) => {
        if (method === "DELETE" && options.headers) {
          delete options.headers["Content-Encoding"];
        }
        const req = httpModule.request(options, (resp) => {
          let body = "";
          resp.setEncoding("utf8");
          resp.on("data", (chunk) => {
            body += chunk;
          });
          resp.on("end", () => {
            if (resp.statusCode >= 400) {
              reject(
                new Error(`push failed with status ${resp.statusCode}, ${body}`)
              );
            } else {
              resolve3({ resp, body });
            }
          });
        });
        req.on("error", (err2) => {
          reject(err2);
        });
        req.on("timeout", () => {
          req.destroy(new Error("Pushgateway request timed out"));
        });
        if (method !== "DELETE") {
          this.registry.metrics().then((metrics) => {
            if (options.headers && options.headers["Content-Encoding"] === "gzip") {
              metrics = gzipSync(metrics);
            }
            req.write(metrics);
            req.end();
          }).catch((err2) => {
            reject(err2);
          });
        } else {
          req.end();
        }
      });
    }
    function generateGroupings(groupings) {
      if (!groupings) {
        return "";
      }
      return Object.keys(groupings).map(
        (key2) => `/${encodeURIComponent(key2)}/${encodeURIComponent(groupings[key2])}`
      ).join("");
    }
    function isHttps(href) {
      return href.search(/^https/) !== -1;
    }
    module.exports = Pushgateway;
  }
});

// node_modules/prom-client/lib/bucketGenerators.js
var require_bucketGenerators = __commonJS({
  "node_modules/prom-client/lib/bucketGenerators.js"(exports) {
    "use strict";
    exports.linearBuckets = (start, width, count2) => {
      if (count2 < 1) {
        throw new Error("Linear buckets needs a positive count");
      }
      const buckets = new Array(count2);
      for (let i = 0; i < count2; i++) {
        buckets[i] = start + i * width;
      }
      return buckets;
    };
    exports.exponentialBuckets = (start, factor, count2) => {
      if (start <= 0) {
        throw new Error("Exponential buckets needs a positive start");
      }
      if (count2 < 1) {
        throw new Error("Exponential buckets needs a positive count");
      }
      if (factor <= 1) {
        throw new Error("Exponential buckets needs a factor greater than 1");
      }
      const buckets = new Array(count2);
      for (let i = 0; i < count2; i++) {
        buckets[i] = start;
        start *= factor;
      }
      return buckets;
    };
  }
});

// node_modules/@opentelemetry/api/dist/diag/types.cjs
var require_types = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/types.cjs"(exports) {
    var DiagLogLevel = /* @__PURE__ */ (function(DiagLogLevel2) {
      DiagLogLevel2[DiagLogLevel2["NONE"] = 0] = "NONE";
      DiagLogLevel2[DiagLogLevel2["ERROR"] = 30] = "ERROR";
      DiagLogLevel2[DiagLogLevel2["WARN"] = 50] = "WARN";
      DiagLogLevel2[DiagLogLevel2["INFO"] = 60] = "INFO";
      DiagLogLevel2[DiagLogLevel2["DEBUG"] = 70] = "DEBUG";
      DiagLogLevel2[DiagLogLevel2["VERBOSE"] = 80] = "VERBOSE";
      DiagLogLevel2[DiagLogLevel2["ALL"] = 9999] = "ALL";
      return DiagLogLevel2;
    })({});
    exports.DiagLogLevel = DiagLogLevel;
  }
});

// node_modules/@opentelemetry/api/dist/version.cjs
var require_version = __commonJS({
  "node_modules/@opentelemetry/api/dist/version.cjs"(exports) {
    var VERSION2 = "1.10.0";
    exports.VERSION = VERSION2;
  }
});

// node_modules/@opentelemetry/api/dist/internal/semver.cjs
var require_semver = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/semver.cjs"(exports) {
    var require_version3 = require_version();
    var re = /^(\d+)\.(\d+)\.(\d+)(-(.+))?$/;
    function _makeCompatibilityCheck(ownVersion) {
      const acceptedVersions = /* @__PURE__ */ new Set([ownVersion]);
      const rejectedVersions = /* @__PURE__ */ new Set();
      const myVersionMatch = ownVersion.match(re);
      if (!myVersionMatch) return () => false;
      const ownVersionParsed = {
        major: +myVersionMatch[1],
        minor: +myVersionMatch[2],
        patch: +myVersionMatch[3],
        prerelease: myVersionMatch[4]
      };
      if (ownVersionParsed.prerelease != null) return function isExactmatch(globalVersion) {
        return globalVersion === ownVersion;
      };
      function _reject(v) {
        rejectedVersions.add(v);
        return false;
      }
      function _accept(v) {
        acceptedVersions.add(v);
        return true;
      }
      return function isCompatible2(globalVersion) {
        if (acceptedVersions.has(globalVersion)) return true;
        if (rejectedVersions.has(globalVersion)) return false;
        const globalVersionMatch = globalVersion.match(re);
        if (!globalVersionMatch) return _reject(globalVersion);
        const globalVersionParsed = {
          major: +globalVersionMatch[1],
          minor: +globalVersionMatch[2],
          patch: +globalVersionMatch[3],
          prerelease: globalVersionMatch[4]
        };
        if (globalVersionParsed.prerelease != null) return _reject(globalVersion);
        if (ownVersionParsed.major !== globalVersionParsed.major) return _reject(globalVersion);
        if (ownVersionParsed.major === 0) {
          if (ownVersionParsed.minor === globalVersionParsed.minor && ownVersionParsed.patch <= globalVersionParsed.patch) return _accept(globalVersion);
          return _reject(globalVersion);
        }
        if (ownVersionParsed.minor <= globalVersionParsed.minor) return _accept(globalVersion);
        return _reject(globalVersion);
      };
    }
    var isCompatible = _makeCompatibilityCheck(require_version3.VERSION);
    exports._makeCompatibilityCheck = _makeCompatibilityCheck;
    exports.isCompatible = isCompatible;
  }
});

// node_modules/@opentelemetry/api/dist/internal/global-utils.cjs
var require_global_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/global-utils.cjs"(exports) {
    var require_version3 = require_version();
    var require_semver2 = require_semver();
    var major = require_version3.VERSION.split(".")[0];
    var GLOBAL_OPENTELEMETRY_API_KEY = /* @__PURE__ */ Symbol.for(`opentelemetry.js.api.${major}`);
    var _global = typeof globalThis === "object" ? globalThis : typeof self === "object" ? self : typeof window === "object" ? window : typeof global === "object" ? global : {};
    function _makeGlobalApi() {
      return Object.defineProperty({}, "version", {
        value: require_version3.VERSION,
        enumerable: true,
        writable: false,
        configurable: false
      });
    }
    function registerGlobal(type, instance, diag, allowOverride = false) {
      var _global$GLOBAL_OPENTE;
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY] = (_global$GLOBAL_OPENTE = _global[GLOBAL_OPENTELEMETRY_API_KEY]) !== null && _global$GLOBAL_OPENTE !== void 0 ? _global$GLOBAL_OPENTE : _makeGlobalApi();
      if (!allowOverride && api[type]) {
        const err2 = /* @__PURE__ */ new Error(`@opentelemetry/api: Attempted duplicate registration of API: ${type}`);
        diag.error(err2.stack || err2.message);
        return false;
      }
      if (api.version !== "1.10.0") {
        const err2 = /* @__PURE__ */ new Error(`@opentelemetry/api: Registration of version v${api.version} for ${type} does not match previously registered API v${require_version3.VERSION}`);
        diag.error(err2.stack || err2.message);
        return false;
      }
      api[type] = instance;
      diag.debug(`@opentelemetry/api: Registered a global for ${type} v${require_version3.VERSION}.`);
      return true;
    }
    var _compatibleGlobalApi;
    function getGlobal(type) {
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api == null) return;
      if (api !== _compatibleGlobalApi) {
        if (!api.version || !require_semver2.isCompatible(api.version)) return;
        _compatibleGlobalApi = api;
      }
      return api[type];
    }
    function unregisterGlobal(type, diag) {
      diag.debug(`@opentelemetry/api: Unregistering a global for ${type} v${require_version3.VERSION}.`);
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api) delete api[type];
    }
    exports.getGlobal = getGlobal;
    exports.registerGlobal = registerGlobal;
    exports.unregisterGlobal = unregisterGlobal;
  }
});

// node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs
var require_ComponentLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var DiagComponentLogger = class {
      constructor(props) {
        this._namespace = props.namespace || "DiagComponentLogger";
      }
      debug(...args) {
        return logProxy("debug", this._namespace, args);
      }
      error(...args) {
        return logProxy("error", this._namespace, args);
      }
      info(...args) {
        return logProxy("info", this._namespace, args);
      }
      warn(...args) {
        return logProxy("warn", this._namespace, args);
      }
      verbose(...args) {
        return logProxy("verbose", this._namespace, args);
      }
    };
    function logProxy(funcName, namespace, args) {
      const logger = require_global_utils2.getGlobal("diag");
      if (!logger) return;
      return logger[funcName](namespace, ...args);
    }
    exports.DiagComponentLogger = DiagComponentLogger;
  }
});

// node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs
var require_logLevelLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs"(exports) {
    require_types();
    function createLogLevelDiagLogger(maxLevel, logger) {
      if (maxLevel < 0) maxLevel = 0;
      else if (maxLevel > 9999) maxLevel = 9999;
      logger = logger || {};
      function _filterFunc(funcName, theLevel) {
        const theFunc = logger[funcName];
        if (typeof theFunc === "function" && maxLevel >= theLevel) return theFunc.bind(logger);
        return function() {
        };
      }
      return {
        error: _filterFunc("error", 30),
        warn: _filterFunc("warn", 50),
        info: _filterFunc("info", 60),
        debug: _filterFunc("debug", 70),
        verbose: _filterFunc("verbose", 80)
      };
    }
    exports.createLogLevelDiagLogger = createLogLevelDiagLogger;
  }
});

// node_modules/@opentelemetry/api/dist/api/diag.cjs
var require_diag = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/diag.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_ComponentLogger2 = require_ComponentLogger();
    require_types();
    var require_logLevelLogger2 = require_logLevelLogger();
    var API_NAME = "diag";
    var DiagAPI = class DiagAPI2 {
      /** Get the singleton instance of the DiagAPI API */
      static instance() {
        if (!this._instance) this._instance = new DiagAPI2();
        return this._instance;
      }
      /**
      * Private internal constructor
      * @private
      */
      constructor() {
        function _logProxy(funcName) {
          return function(...args) {
            const logger = require_global_utils2.getGlobal("diag");
            if (!logger) return;
            return logger[funcName](...args);
          };
        }
        const self2 = this;
        const setLogger = (logger, optionsOrLogLevel = { logLevel: 60 }) => {
          var _optionsOrLogLevel$lo;
          if (logger === self2) {
            var _err$stack;
            const err2 = /* @__PURE__ */ new Error("Cannot use diag as the logger for itself. Please use a DiagLogger implementation like ConsoleDiagLogger or a custom implementation");
            self2.error((_err$stack = err2.stack) !== null && _err$stack !== void 0 ? _err$stack : err2.message);
            return false;
          }
          if (typeof optionsOrLogLevel === "number") optionsOrLogLevel = { logLevel: optionsOrLogLevel };
          const oldLogger = require_global_utils2.getGlobal("diag");
          const newLogger = require_logLevelLogger2.createLogLevelDiagLogger((_optionsOrLogLevel$lo = optionsOrLogLevel.logLevel) !== null && _optionsOrLogLevel$lo !== void 0 ? _optionsOrLogLevel$lo : 60, logger);
          if (oldLogger && !optionsOrLogLevel.suppressOverrideMessage) {
            var _Error$stack;
            const stack = (_Error$stack = (/* @__PURE__ */ new Error()).stack) !== null && _Error$stack !== void 0 ? _Error$stack : "<failed to generate stacktrace>";
            oldLogger.warn(`Current logger will be overwritten from ${stack}`);
            newLogger.warn(`Current logger will overwrite one already registered from ${stack}`);
          }
          return require_global_utils2.registerGlobal("diag", newLogger, self2, true);
        };
        self2.setLogger = setLogger;
        self2.disable = () => {
          require_global_utils2.unregisterGlobal(API_NAME, self2);
        };
        self2.createComponentLogger = (options) => {
          return new require_ComponentLogger2.DiagComponentLogger(options);
        };
        self2.verbose = _logProxy("verbose");
        self2.debug = _logProxy("debug");
        self2.info = _logProxy("info");
        self2.warn = _logProxy("warn");
        self2.error = _logProxy("error");
      }
    };
    exports.DiagAPI = DiagAPI;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs
var require_baggage_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs"(exports) {
    var BaggageImpl = class BaggageImpl2 {
      constructor(entries) {
        this._entries = entries ? new Map(entries) : /* @__PURE__ */ new Map();
      }
      getEntry(key2) {
        const entry = this._entries.get(key2);
        if (!entry) return;
        return Object.assign({}, entry);
      }
      getAllEntries() {
        return Array.from(this._entries.entries());
      }
      setEntry(key2, entry) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.set(key2, entry);
        return newBaggage;
      }
      removeEntry(key2) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.delete(key2);
        return newBaggage;
      }
      removeEntries(...keys) {
        const newBaggage = new BaggageImpl2(this._entries);
        for (const key2 of keys) newBaggage._entries.delete(key2);
        return newBaggage;
      }
      clear() {
        return new BaggageImpl2();
      }
    };
    exports.BaggageImpl = BaggageImpl;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs
var require_symbol = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs"(exports) {
    var baggageEntryMetadataSymbol = /* @__PURE__ */ Symbol("BaggageEntryMetadata");
    exports.baggageEntryMetadataSymbol = baggageEntryMetadataSymbol;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/utils.cjs
var require_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/utils.cjs"(exports) {
    var require_diag2 = require_diag();
    var require_baggage_impl2 = require_baggage_impl();
    var require_symbol2 = require_symbol();
    var diag = require_diag2.DiagAPI.instance();
    function createBaggage(entries = {}) {
      return new require_baggage_impl2.BaggageImpl(new Map(Object.entries(entries)));
    }
    function baggageEntryMetadataFromString(str2) {
      if (typeof str2 !== "string") {
        diag.error(`Cannot create baggage metadata from unknown type: ${typeof str2}`);
        str2 = "";
      }
      return {
        __TYPE__: require_symbol2.baggageEntryMetadataSymbol,
        toString() {
          return str2;
        }
      };
    }
    exports.baggageEntryMetadataFromString = baggageEntryMetadataFromString;
    exports.createBaggage = createBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/context/context.cjs
var require_context = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/context.cjs"(exports) {
    function createContextKey(description) {
      return Symbol.for(description);
    }
    var ROOT_CONTEXT = new class BaseContext {
      /**
      * Construct a new context which inherits values from an optional parent context.
      *
      * @param parentContext a context from which to inherit values
      */
      constructor(parentContext) {
        const self2 = this;
        self2._currentContext = parentContext ? new Map(parentContext) : /* @__PURE__ */ new Map();
        self2.getValue = (key2) => self2._currentContext.get(key2);
        self2.setValue = (key2, value) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.set(key2, value);
          return context;
        };
        self2.deleteValue = (key2) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.delete(key2);
          return context;
        };
      }
    }();
    exports.ROOT_CONTEXT = ROOT_CONTEXT;
    exports.createContextKey = createContextKey;
  }
});

// node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs
var require_consoleLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs"(exports) {
    var consoleMap = [
      {
        n: "error",
        c: "error"
      },
      {
        n: "warn",
        c: "warn"
      },
      {
        n: "info",
        c: "info"
      },
      {
        n: "debug",
        c: "debug"
      },
      {
        n: "verbose",
        c: "trace"
      }
    ];
    var _originalConsoleMethods = {};
    if (typeof console !== "undefined") {
      for (const key2 of [
        "error",
        "warn",
        "info",
        "debug",
        "trace",
        "log"
      ]) if (typeof console[key2] === "function") _originalConsoleMethods[key2] = console[key2];
    }
    var DiagConsoleLogger = class {
      constructor() {
        function _consoleFunc(funcName) {
          return function(...args) {
            let theFunc = _originalConsoleMethods[funcName];
            if (typeof theFunc !== "function") theFunc = _originalConsoleMethods["log"];
            if (typeof theFunc !== "function" && console) {
              theFunc = console[funcName];
              if (typeof theFunc !== "function") theFunc = console.log;
            }
            if (typeof theFunc === "function") return theFunc.apply(console, args);
          };
        }
        for (let i = 0; i < consoleMap.length; i++) this[consoleMap[i].n] = _consoleFunc(consoleMap[i].c);
      }
    };
    exports.DiagConsoleLogger = DiagConsoleLogger;
    exports._originalConsoleMethods = _originalConsoleMethods;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs
var require_NoopMeter = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs"(exports) {
    var NoopMeter = class {
      constructor() {
      }
      /**
      * @see {@link Meter.createGauge}
      */
      createGauge(_name, _options) {
        return NOOP_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createHistogram}
      */
      createHistogram(_name, _options) {
        return NOOP_HISTOGRAM_METRIC;
      }
      /**
      * @see {@link Meter.createCounter}
      */
      createCounter(_name, _options) {
        return NOOP_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createUpDownCounter}
      */
      createUpDownCounter(_name, _options) {
        return NOOP_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableGauge}
      */
      createObservableGauge(_name, _options) {
        return NOOP_OBSERVABLE_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createObservableCounter}
      */
      createObservableCounter(_name, _options) {
        return NOOP_OBSERVABLE_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableUpDownCounter}
      */
      createObservableUpDownCounter(_name, _options) {
        return NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.addBatchObservableCallback}
      */
      addBatchObservableCallback(_callback, _observables) {
      }
      /**
      * @see {@link Meter.removeBatchObservableCallback}
      */
      removeBatchObservableCallback(_callback) {
      }
    };
    var NoopMetric = class {
    };
    var NoopCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopUpDownCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopGaugeMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopHistogramMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopObservableMetric = class {
      addCallback(_callback) {
      }
      removeCallback(_callback) {
      }
    };
    var NoopObservableCounterMetric = class extends NoopObservableMetric {
    };
    var NoopObservableGaugeMetric = class extends NoopObservableMetric {
    };
    var NoopObservableUpDownCounterMetric = class extends NoopObservableMetric {
    };
    var NOOP_METER = new NoopMeter();
    var NOOP_COUNTER_METRIC = new NoopCounterMetric();
    var NOOP_GAUGE_METRIC = new NoopGaugeMetric();
    var NOOP_HISTOGRAM_METRIC = new NoopHistogramMetric();
    var NOOP_UP_DOWN_COUNTER_METRIC = new NoopUpDownCounterMetric();
    var NOOP_OBSERVABLE_COUNTER_METRIC = new NoopObservableCounterMetric();
    var NOOP_OBSERVABLE_GAUGE_METRIC = new NoopObservableGaugeMetric();
    var NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = new NoopObservableUpDownCounterMetric();
    function createNoopMeter() {
      return NOOP_METER;
    }
    exports.NOOP_COUNTER_METRIC = NOOP_COUNTER_METRIC;
    exports.NOOP_GAUGE_METRIC = NOOP_GAUGE_METRIC;
    exports.NOOP_HISTOGRAM_METRIC = NOOP_HISTOGRAM_METRIC;
    exports.NOOP_METER = NOOP_METER;
    exports.NOOP_OBSERVABLE_COUNTER_METRIC = NOOP_OBSERVABLE_COUNTER_METRIC;
    exports.NOOP_OBSERVABLE_GAUGE_METRIC = NOOP_OBSERVABLE_GAUGE_METRIC;
    exports.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
    exports.NOOP_UP_DOWN_COUNTER_METRIC = NOOP_UP_DOWN_COUNTER_METRIC;
    exports.NoopCounterMetric = NoopCounterMetric;
    exports.NoopGaugeMetric = NoopGaugeMetric;
    exports.NoopHistogramMetric = NoopHistogramMetric;
    exports.NoopMeter = NoopMeter;
    exports.NoopMetric = NoopMetric;
    exports.NoopObservableCounterMetric = NoopObservableCounterMetric;
    exports.NoopObservableGaugeMetric = NoopObservableGaugeMetric;
    exports.NoopObservableMetric = NoopObservableMetric;
    exports.NoopObservableUpDownCounterMetric = NoopObservableUpDownCounterMetric;
    exports.NoopUpDownCounterMetric = NoopUpDownCounterMetric;
    exports.createNoopMeter = createNoopMeter;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/Metric.cjs
var require_Metric = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/Metric.cjs"(exports) {
    var ValueType = /* @__PURE__ */ (function(ValueType2) {
      ValueType2[ValueType2["INT"] = 0] = "INT";
      ValueType2[ValueType2["DOUBLE"] = 1] = "DOUBLE";
      return ValueType2;
    })({});
    exports.ValueType = ValueType;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs
var require_NoopLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs"(exports) {
    var NoopLogger = class {
      emit(_logRecord) {
      }
      enabled() {
        return false;
      }
    };
    var NOOP_LOGGER = new NoopLogger();
    function createNoopLogger() {
      return NOOP_LOGGER;
    }
    exports.NOOP_LOGGER = NOOP_LOGGER;
    exports.NoopLogger = NoopLogger;
    exports.createNoopLogger = createNoopLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs
var require_LogRecord = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs"(exports) {
    var SeverityNumber = /* @__PURE__ */ (function(SeverityNumber2) {
      SeverityNumber2[SeverityNumber2["UNSPECIFIED"] = 0] = "UNSPECIFIED";
      SeverityNumber2[SeverityNumber2["TRACE"] = 1] = "TRACE";
      SeverityNumber2[SeverityNumber2["TRACE2"] = 2] = "TRACE2";
      SeverityNumber2[SeverityNumber2["TRACE3"] = 3] = "TRACE3";
      SeverityNumber2[SeverityNumber2["TRACE4"] = 4] = "TRACE4";
      SeverityNumber2[SeverityNumber2["DEBUG"] = 5] = "DEBUG";
      SeverityNumber2[SeverityNumber2["DEBUG2"] = 6] = "DEBUG2";
      SeverityNumber2[SeverityNumber2["DEBUG3"] = 7] = "DEBUG3";
      SeverityNumber2[SeverityNumber2["DEBUG4"] = 8] = "DEBUG4";
      SeverityNumber2[SeverityNumber2["INFO"] = 9] = "INFO";
      SeverityNumber2[SeverityNumber2["INFO2"] = 10] = "INFO2";
      SeverityNumber2[SeverityNumber2["INFO3"] = 11] = "INFO3";
      SeverityNumber2[SeverityNumber2["INFO4"] = 12] = "INFO4";
      SeverityNumber2[SeverityNumber2["WARN"] = 13] = "WARN";
      SeverityNumber2[SeverityNumber2["WARN2"] = 14] = "WARN2";
      SeverityNumber2[SeverityNumber2["WARN3"] = 15] = "WARN3";
      SeverityNumber2[SeverityNumber2["WARN4"] = 16] = "WARN4";
      SeverityNumber2[SeverityNumber2["ERROR"] = 17] = "ERROR";
      SeverityNumber2[SeverityNumber2["ERROR2"] = 18] = "ERROR2";
      SeverityNumber2[SeverityNumber2["ERROR3"] = 19] = "ERROR3";
      SeverityNumber2[SeverityNumber2["ERROR4"] = 20] = "ERROR4";
      SeverityNumber2[SeverityNumber2["FATAL"] = 21] = "FATAL";
      SeverityNumber2[SeverityNumber2["FATAL2"] = 22] = "FATAL2";
      SeverityNumber2[SeverityNumber2["FATAL3"] = 23] = "FATAL3";
      SeverityNumber2[SeverityNumber2["FATAL4"] = 24] = "FATAL4";
      return SeverityNumber2;
    })({});
    exports.SeverityNumber = SeverityNumber;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs
var require_TextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs"(exports) {
    var defaultTextMapGetter = {
      get(carrier, key2) {
        if (carrier == null) return;
        return carrier[key2];
      },
      keys(carrier) {
        if (carrier == null) return [];
        return Object.keys(carrier);
      }
    };
    var defaultTextMapSetter = { set(carrier, key2, value) {
      if (carrier == null) return;
      carrier[key2] = value;
    } };
    exports.defaultTextMapGetter = defaultTextMapGetter;
    exports.defaultTextMapSetter = defaultTextMapSetter;
  }
});

// node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs
var require_trace_flags = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs"(exports) {
    var TraceFlags = /* @__PURE__ */ (function(TraceFlags2) {
      TraceFlags2[TraceFlags2["NONE"] = 0] = "NONE";
      TraceFlags2[TraceFlags2["SAMPLED"] = 1] = "SAMPLED";
      return TraceFlags2;
    })({});
    exports.TraceFlags = TraceFlags;
  }
});

// node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs
var require_invalid_span_constants = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs"(exports) {
    require_trace_flags();
    var INVALID_SPANID = "0000000000000000";
    var INVALID_TRACEID = "00000000000000000000000000000000";
    var INVALID_SPAN_CONTEXT = {
      traceId: INVALID_TRACEID,
      spanId: INVALID_SPANID,
      traceFlags: 0
    };
    exports.INVALID_SPANID = INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = INVALID_TRACEID;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs
var require_NonRecordingSpan = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs"(exports) {
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var NonRecordingSpan = class {
      constructor(spanContext = require_invalid_span_constants2.INVALID_SPAN_CONTEXT) {
        this._spanContext = spanContext;
      }
      spanContext() {
        return this._spanContext;
      }
      setAttribute(_key, _value) {
        return this;
      }
      setAttributes(_attributes) {
        return this;
      }
      addEvent(_name, _attributes) {
        return this;
      }
      addLink(_link) {
        return this;
      }
      addLinks(_links) {
        return this;
      }
      setStatus(_status) {
        return this;
      }
      updateName(_name) {
        return this;
      }
      end(_endTime) {
      }
      isRecording() {
        return false;
      }
      recordException(_exception, _time) {
      }
    };
    exports.NonRecordingSpan = NonRecordingSpan;
  }
});

// node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs
var require_spancontext_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs"(exports) {
    require_invalid_span_constants();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var isHex = new Uint8Array([
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1
    ]);
    function isValidHex(id, length) {
      if (typeof id !== "string" || id.length !== length) return false;
      let r = 0;
      for (let i = 0; i < id.length; i += 4) r += (isHex[id.charCodeAt(i)] | 0) + (isHex[id.charCodeAt(i + 1)] | 0) + (isHex[id.charCodeAt(i + 2)] | 0) + (isHex[id.charCodeAt(i + 3)] | 0);
      return r === length;
    }
    function isValidTraceId(traceId) {
      return isValidHex(traceId, 32) && traceId !== "00000000000000000000000000000000";
    }
    function isValidSpanId(spanId) {
      return isValidHex(spanId, 16) && spanId !== "0000000000000000";
    }
    function isSpanContextValid(spanContext) {
      return isValidTraceId(spanContext.traceId) && isValidSpanId(spanContext.spanId);
    }
    function wrapSpanContext(spanContext) {
      return new require_NonRecordingSpan2.NonRecordingSpan(spanContext);
    }
    exports.isSpanContextValid = isSpanContextValid;
    exports.isValidSpanId = isValidSpanId;
    exports.isValidTraceId = isValidTraceId;
    exports.wrapSpanContext = wrapSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs
var require_NoopContextManager = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs"(exports) {
    var require_context3 = require_context();
    var NoopContextManager = class {
      active() {
        return require_context3.ROOT_CONTEXT;
      }
      with(_context, fn, thisArg, ...args) {
        return fn.call(thisArg, ...args);
      }
      bind(_context, target) {
        return target;
      }
      enable() {
        return this;
      }
      disable() {
        return this;
      }
      /** @experimental This API is experimental and may change in minor releases without prior notice. */
      attach(_context) {
        return { dispose() {
        } };
      }
    };
    exports.NoopContextManager = NoopContextManager;
  }
});

// node_modules/@opentelemetry/api/dist/api/context.cjs
var require_context2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/context.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopContextManager2 = require_NoopContextManager();
    var API_NAME = "context";
    var NOOP_CONTEXT_MANAGER = new require_NoopContextManager2.NoopContextManager();
    var NOOP_TOKEN = Object.freeze({ dispose: () => {
    } });
    var ContextAPI = class ContextAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._attachUnsupportedWarned = false;
      }
      /** Get the singleton instance of the Context API */
      static getInstance() {
        if (!this._instance) this._instance = new ContextAPI2();
        return this._instance;
      }
      /**
      * Set the current context manager.
      *
      * @returns true if the context manager was successfully registered, else false
      */
      setGlobalContextManager(contextManager) {
        return require_global_utils2.registerGlobal(API_NAME, contextManager, require_diag2.DiagAPI.instance());
      }
      /**
      * Get the currently active context
      */
      active() {
        return this._getContextManager().active();
      }
      /**
      * Execute a function with an active context
      *
      * @param context context to be active during function execution
      * @param fn function to execute in a context
      * @param thisArg optional receiver to be used for calling fn
      * @param args optional arguments forwarded to fn
      */
      with(context, fn, thisArg, ...args) {
        return this._getContextManager().with(context, fn, thisArg, ...args);
      }
      /**
      * Bind a context to a target function or event emitter
      *
      * @param context context to bind to the event emitter or function. Defaults to the currently active context
      * @param target function or event emitter to bind
      */
      bind(context, target) {
        return this._getContextManager().bind(context, target);
      }
      /**
      * Imperatively sets `context` as active, returning a {@link ContextManagementToken} whose
      * {@link ContextManagementToken.dispose} restores the previous context.
      *
      * This is a delicate, low-level API - prefer {@link with}/{@link bind}, which
      * restore context automatically. Use `attach` only to bridge callback
      * boundaries that `with` cannot wrap. Call `token.dispose()` when the
      * operation is done.
      *
      * **Caveat for async functions:** If called inside an async function before
      * the first `await`, the context change may leak into the caller's context
      * and remain active there. Prefer {@link with} for async code.
      *
      * Support is best-effort and varies by the active ContextManager (see
      * {@link ContextManager.attach}); if it does not implement `attach`, this logs
      * a warning and returns a no-op token.
      *
      * @param context The Context to attach
      * @returns A {@link ContextManagementToken} whose dispose() restores the previous Context
      * @since 1.10.0
      * @experimental This API is experimental and may change in minor releases without prior notice.
      */
      attach(context) {
        const contextManager = this._getContextManager();
        if (contextManager.attach) return contextManager.attach(context);
        if (!this._attachUnsupportedWarned) {
          this._attachUnsupportedWarned = true;
          require_diag2.DiagAPI.instance().warn("The current ContextManager does not implement attach(). The context will not be attached. Use a ContextManager that supports attach() (e.g. AsyncLocalStorageContextManager) or use with()/bind() instead.");
        }
        return NOOP_TOKEN;
      }
      _getContextManager() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_CONTEXT_MANAGER;
      }
      /** Disable and remove the global context manager */
      disable() {
        this._getContextManager().disable();
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.ContextAPI = ContextAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace/context-utils.cjs
var require_context_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/context-utils.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var SPAN_KEY = require_context3.createContextKey("OpenTelemetry Context Key SPAN");
    function getSpan(context) {
      return context.getValue(SPAN_KEY) || void 0;
    }
    function getActiveSpan() {
      return getSpan(require_context$1.ContextAPI.getInstance().active());
    }
    function setSpan(context, span) {
      return context.setValue(SPAN_KEY, span);
    }
    function deleteSpan(context) {
      return context.deleteValue(SPAN_KEY);
    }
    function setSpanContext(context, spanContext) {
      return setSpan(context, new require_NonRecordingSpan2.NonRecordingSpan(spanContext));
    }
    function getSpanContext(context) {
      var _getSpan;
      return (_getSpan = getSpan(context)) === null || _getSpan === void 0 ? void 0 : _getSpan.spanContext();
    }
    exports.deleteSpan = deleteSpan;
    exports.getActiveSpan = getActiveSpan;
    exports.getSpan = getSpan;
    exports.getSpanContext = getSpanContext;
    exports.setSpan = setSpan;
    exports.setSpanContext = setSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs
var require_NoopTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs"(exports) {
    var require_context3 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var contextApi = require_context3.ContextAPI.getInstance();
    var NoopTracer = class {
      startSpan(name, options, context = contextApi.active()) {
        if (Boolean(options === null || options === void 0 ? void 0 : options.root)) return new require_NonRecordingSpan2.NonRecordingSpan();
        const parentFromContext = context && require_context_utils2.getSpanContext(context);
        if (isSpanContext(parentFromContext) && require_spancontext_utils2.isSpanContextValid(parentFromContext)) return new require_NonRecordingSpan2.NonRecordingSpan(parentFromContext);
        else return new require_NonRecordingSpan2.NonRecordingSpan();
      }
      startActiveSpan(name, arg2, arg3, arg4) {
        var _ctx;
        let opts;
        let ctx;
        let fn;
        if (arguments.length < 2) return;
        else if (arguments.length === 2) fn = arg2;
        else if (arguments.length === 3) {
          opts = arg2;
          fn = arg3;
        } else {
          opts = arg2;
          ctx = arg3;
          fn = arg4;
        }
        const parentContext = (_ctx = ctx) !== null && _ctx !== void 0 ? _ctx : contextApi.active();
        const span = this.startSpan(name, opts, parentContext);
        const contextWithSpanSet = require_context_utils2.setSpan(parentContext, span);
        return contextApi.with(contextWithSpanSet, fn, void 0, span);
      }
    };
    function isSpanContext(spanContext) {
      return spanContext !== null && typeof spanContext === "object" && "spanId" in spanContext && typeof spanContext["spanId"] === "string" && "traceId" in spanContext && typeof spanContext["traceId"] === "string" && "traceFlags" in spanContext && typeof spanContext["traceFlags"] === "number";
    }
    exports.NoopTracer = NoopTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs
var require_ProxyTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs"(exports) {
    var NOOP_TRACER = new (require_NoopTracer()).NoopTracer();
    var ProxyTracer = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      startSpan(name, options, context) {
        return this._getTracer().startSpan(name, options, context);
      }
      startActiveSpan(_name, _options, _context, _fn) {
        const tracer = this._getTracer();
        return Reflect.apply(tracer.startActiveSpan, tracer, arguments);
      }
      /**
      * Try to get a tracer from the proxy tracer provider.
      * If the proxy tracer provider has no delegate, return a noop tracer.
      */
      _getTracer() {
        if (this._delegate) return this._delegate;
        const tracer = this._provider.getDelegateTracer(this.name, this.version, this.options);
        if (!tracer) return NOOP_TRACER;
        this._delegate = tracer;
        return this._delegate;
      }
    };
    exports.ProxyTracer = ProxyTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/span_kind.cjs
var require_span_kind = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/span_kind.cjs"(exports) {
    var SpanKind = /* @__PURE__ */ (function(SpanKind2) {
      SpanKind2[SpanKind2["INTERNAL"] = 0] = "INTERNAL";
      SpanKind2[SpanKind2["SERVER"] = 1] = "SERVER";
      SpanKind2[SpanKind2["CLIENT"] = 2] = "CLIENT";
      SpanKind2[SpanKind2["PRODUCER"] = 3] = "PRODUCER";
      SpanKind2[SpanKind2["CONSUMER"] = 4] = "CONSUMER";
      return SpanKind2;
    })({});
    exports.SpanKind = SpanKind;
  }
});

// node_modules/@opentelemetry/api/dist/trace/status.cjs
var require_status = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/status.cjs"(exports) {
    var SpanStatusCode = /* @__PURE__ */ (function(SpanStatusCode2) {
      SpanStatusCode2[SpanStatusCode2["UNSET"] = 0] = "UNSET";
      SpanStatusCode2[SpanStatusCode2["OK"] = 1] = "OK";
      SpanStatusCode2[SpanStatusCode2["ERROR"] = 2] = "ERROR";
      return SpanStatusCode2;
    })({});
    exports.SpanStatusCode = SpanStatusCode;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs
var require_tracestate_validators = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs"(exports) {
    var VALID_KEY_CHAR_RANGE = "[_0-9a-z-*/]";
    var VALID_KEY_REGEX = new RegExp(`^(?:${`[a-z]${VALID_KEY_CHAR_RANGE}{0,255}`}|${`[a-z0-9]${VALID_KEY_CHAR_RANGE}{0,240}@[a-z]${VALID_KEY_CHAR_RANGE}{0,13}`})$`);
    var VALID_VALUE_BASE_REGEX = /^[ -~]{0,255}[!-~]$/;
    var INVALID_VALUE_COMMA_EQUAL_REGEX = /,|=/;
    function validateKey(key2) {
      return VALID_KEY_REGEX.test(key2);
    }
    function validateValue(value) {
      return VALID_VALUE_BASE_REGEX.test(value) && !INVALID_VALUE_COMMA_EQUAL_REGEX.test(value);
    }
    exports.validateKey = validateKey;
    exports.validateValue = validateValue;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs
var require_tracestate_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs"(exports) {
    var require_tracestate_validators2 = require_tracestate_validators();
    var MAX_TRACE_STATE_ITEMS = 32;
    var MAX_TRACE_STATE_LEN = 512;
    var LIST_MEMBERS_SEPARATOR = ",";
    var LIST_MEMBER_KEY_VALUE_SPLITTER = "=";
    var TraceStateImpl = class TraceStateImpl2 {
      constructor(rawTraceState) {
        this._internalState = /* @__PURE__ */ new Map();
        if (rawTraceState) this._parse(rawTraceState);
      }
      set(key2, value) {
        const currValue = this._internalState.get(key2);
        let newLength = this.serialize().length;
        if (typeof currValue === "string") newLength += value.length - currValue.length;
        else {
          if (this._internalState.size >= MAX_TRACE_STATE_ITEMS) return this;
          newLength += key2.length + value.length + (this._internalState.size > 0 ? 2 : 1);
        }
        if (newLength > MAX_TRACE_STATE_LEN) return this;
        const traceState = this._clone();
        if (traceState._internalState.has(key2)) traceState._internalState.delete(key2);
        traceState._internalState.set(key2, value);
        return traceState;
      }
      unset(key2) {
        const traceState = this._clone();
        traceState._internalState.delete(key2);
        return traceState;
      }
      get(key2) {
        return this._internalState.get(key2);
      }
      serialize() {
        return Array.from(this._internalState.keys()).reduceRight((agg, key2) => {
          agg.push(key2 + LIST_MEMBER_KEY_VALUE_SPLITTER + this.get(key2));
          return agg;
        }, []).join(LIST_MEMBERS_SEPARATOR);
      }
      _parse(rawTraceState) {
        if (rawTraceState.length > MAX_TRACE_STATE_LEN) return;
        this._internalState = rawTraceState.split(LIST_MEMBERS_SEPARATOR).reduceRight((agg, part) => {
          const listMember = part.trim();
          const i = listMember.indexOf(LIST_MEMBER_KEY_VALUE_SPLITTER);
          if (i !== -1) {
            const key2 = listMember.slice(0, i);
            const value = listMember.slice(i + 1, part.length);
            if (require_tracestate_validators2.validateKey(key2) && require_tracestate_validators2.validateValue(value)) agg.set(key2, value);
          }
          return agg;
        }, /* @__PURE__ */ new Map());
        if (this._internalState.size > MAX_TRACE_STATE_ITEMS) this._internalState = new Map(Array.from(this._internalState.entries()).reverse().slice(0, MAX_TRACE_STATE_ITEMS));
      }
      _keys() {
        return Array.from(this._internalState.keys()).reverse();
      }
      _clone() {
        const traceState = new TraceStateImpl2();
        traceState._internalState = new Map(this._internalState);
        return traceState;
      }
    };
    exports.TraceStateImpl = TraceStateImpl;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs
var require_utils2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs"(exports) {
    var require_tracestate_impl2 = require_tracestate_impl();
    function createTraceState(rawTraceState) {
      return new require_tracestate_impl2.TraceStateImpl(rawTraceState);
    }
    exports.createTraceState = createTraceState;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs
var require_NoopTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs"(exports) {
    var require_NoopTracer2 = require_NoopTracer();
    var NoopTracerProvider = class {
      getTracer(_name, _version, _options) {
        return new require_NoopTracer2.NoopTracer();
      }
    };
    exports.NoopTracerProvider = NoopTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs
var require_ProxyTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs"(exports) {
    var require_ProxyTracer2 = require_ProxyTracer();
    var NOOP_TRACER_PROVIDER = new (require_NoopTracerProvider()).NoopTracerProvider();
    var ProxyTracerProvider = class {
      /**
      * Get a {@link ProxyTracer}
      */
      getTracer(name, version, options) {
        var _this$getDelegateTrac;
        return (_this$getDelegateTrac = this.getDelegateTracer(name, version, options)) !== null && _this$getDelegateTrac !== void 0 ? _this$getDelegateTrac : new require_ProxyTracer2.ProxyTracer(this, name, version, options);
      }
      getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : NOOP_TRACER_PROVIDER;
      }
      /**
      * Set the delegate tracer provider
      */
      setDelegate(delegate) {
        this._delegate = delegate;
      }
      getDelegateTracer(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getTracer(name, version, options);
      }
    };
    exports.ProxyTracerProvider = ProxyTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs
var require_SamplingResult = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs"(exports) {
    var SamplingDecision = /* @__PURE__ */ (function(SamplingDecision2) {
      SamplingDecision2[SamplingDecision2["NOT_RECORD"] = 0] = "NOT_RECORD";
      SamplingDecision2[SamplingDecision2["RECORD"] = 1] = "RECORD";
      SamplingDecision2[SamplingDecision2["RECORD_AND_SAMPLED"] = 2] = "RECORD_AND_SAMPLED";
      return SamplingDecision2;
    })({});
    exports.SamplingDecision = SamplingDecision;
  }
});

// node_modules/@opentelemetry/api/dist/context-api.cjs
var require_context_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/context-api.cjs"(exports) {
    var context = require_context2().ContextAPI.getInstance();
    exports.context = context;
  }
});

// node_modules/@opentelemetry/api/dist/diag-api.cjs
var require_diag_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag-api.cjs"(exports) {
    var diag = require_diag().DiagAPI.instance();
    exports.diag = diag;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs
var require_NoopLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var NoopLoggerProvider = class {
      getLogger(_name, _version, _options) {
        return new require_NoopLogger2.NoopLogger();
      }
    };
    var NOOP_LOGGER_PROVIDER = new NoopLoggerProvider();
    exports.NOOP_LOGGER_PROVIDER = NOOP_LOGGER_PROVIDER;
    exports.NoopLoggerProvider = NoopLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs
var require_ProxyLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var ProxyLogger = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      /**
      * Emit a log record. This method should only be used by log appenders.
      *
      * @param logRecord
      */
      emit(logRecord) {
        this._getLogger().emit(logRecord);
      }
      enabled(options) {
        return this._getLogger().enabled(options);
      }
      /**
      * Try to get a logger from the proxy logger provider.
      * If the proxy logger provider has no delegate, return a noop logger.
      */
      _getLogger() {
        if (this._delegate) return this._delegate;
        const logger = this._provider._getDelegateLogger(this.name, this.version, this.options);
        if (!logger) return require_NoopLogger2.NOOP_LOGGER;
        this._delegate = logger;
        return this._delegate;
      }
    };
    exports.ProxyLogger = ProxyLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs
var require_ProxyLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs"(exports) {
    var require_NoopLoggerProvider2 = require_NoopLoggerProvider();
    var require_ProxyLogger2 = require_ProxyLogger();
    var ProxyLoggerProvider = class {
      getLogger(name, version, options) {
        var _this$_getDelegateLog;
        return (_this$_getDelegateLog = this._getDelegateLogger(name, version, options)) !== null && _this$_getDelegateLog !== void 0 ? _this$_getDelegateLog : new require_ProxyLogger2.ProxyLogger(this, name, version, options);
      }
      /**
      * Get the delegate logger provider.
      * Used by tests only.
      * @internal
      */
      _getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : require_NoopLoggerProvider2.NOOP_LOGGER_PROVIDER;
      }
      /**
      * Set the delegate logger provider
      * @internal
      */
      _setDelegate(delegate) {
        this._delegate = delegate;
      }
      /**
      * @internal
      */
      _getDelegateLogger(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getLogger(name, version, options);
      }
    };
    exports.ProxyLoggerProvider = ProxyLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/logs.cjs
var require_logs = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/logs.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_ProxyLoggerProvider2 = require_ProxyLoggerProvider();
    var API_NAME = "logs";
    var LogsAPI = class LogsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
      /** Get the singleton instance of the Logs API */
      static getInstance() {
        if (!this._instance) this._instance = new LogsAPI2();
        return this._instance;
      }
      setGlobalLoggerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
        if (success) this._proxyLoggerProvider._setDelegate(provider);
        return success;
      }
      /**
      * Returns the global logger provider.
      *
      * @returns LoggerProvider
      */
      getLoggerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyLoggerProvider;
      }
      /**
      * Returns a Logger, creating one if one with the given name, version,
      * schemaUrl, and attributes is not already created.
      *
      * Getting a Logger may be expensive, especially when `attributes` are
      * provided. Reuse Logger instances where possible instead of calling
      * `getLogger()` on hot paths.
      *
      * @param name The name of the logger or instrumentation library.
      * @param version The version of the logger or instrumentation library.
      * @param options The options of the logger or instrumentation library.
      * @returns {@link Logger}
      */
      getLogger(name, version, options) {
        return this.getLoggerProvider().getLogger(name, version, options);
      }
      /** Remove the global logger provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
    };
    exports.LogsAPI = LogsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/logs-api.cjs
var require_logs_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs-api.cjs"(exports) {
    var logs = require_logs().LogsAPI.getInstance();
    exports.logs = logs;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs
var require_NoopMeterProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs"(exports) {
    var require_NoopMeter2 = require_NoopMeter();
    var NoopMeterProvider = class {
      getMeter(_name, _version, _options) {
        return require_NoopMeter2.NOOP_METER;
      }
    };
    var NOOP_METER_PROVIDER = new NoopMeterProvider();
    exports.NOOP_METER_PROVIDER = NOOP_METER_PROVIDER;
    exports.NoopMeterProvider = NoopMeterProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/metrics.cjs
var require_metrics = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/metrics.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopMeterProvider2 = require_NoopMeterProvider();
    var API_NAME = "metrics";
    var MetricsAPI = class MetricsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
      }
      /** Get the singleton instance of the Metrics API */
      static getInstance() {
        if (!this._instance) this._instance = new MetricsAPI2();
        return this._instance;
      }
      /**
      * Set the current global meter provider.
      * Returns true if the meter provider was successfully registered, else false.
      */
      setGlobalMeterProvider(provider) {
        return require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
      }
      /**
      * Returns the global meter provider.
      */
      getMeterProvider() {
        return require_global_utils2.getGlobal(API_NAME) || require_NoopMeterProvider2.NOOP_METER_PROVIDER;
      }
      /**
      * Returns a meter from the global meter provider.
      */
      getMeter(name, version, options) {
        return this.getMeterProvider().getMeter(name, version, options);
      }
      /** Remove the global meter provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.MetricsAPI = MetricsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/metrics-api.cjs
var require_metrics_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics-api.cjs"(exports) {
    var metrics = require_metrics().MetricsAPI.getInstance();
    exports.metrics = metrics;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs
var require_NoopTextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs"(exports) {
    var NoopTextMapPropagator = class {
      /** Noop inject function does nothing */
      inject(_context, _carrier) {
      }
      /** Noop extract function does nothing and returns the input context */
      extract(context, _carrier) {
        return context;
      }
      fields() {
        return [];
      }
    };
    exports.NoopTextMapPropagator = NoopTextMapPropagator;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs
var require_context_helpers = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var BAGGAGE_KEY = require_context3.createContextKey("OpenTelemetry Baggage Key");
    function getBaggage(context) {
      return context.getValue(BAGGAGE_KEY) || void 0;
    }
    function getActiveBaggage() {
      return getBaggage(require_context$1.ContextAPI.getInstance().active());
    }
    function setBaggage(context, baggage) {
      return context.setValue(BAGGAGE_KEY, baggage);
    }
    function deleteBaggage(context) {
      return context.deleteValue(BAGGAGE_KEY);
    }
    exports.deleteBaggage = deleteBaggage;
    exports.getActiveBaggage = getActiveBaggage;
    exports.getBaggage = getBaggage;
    exports.setBaggage = setBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/api/propagation.cjs
var require_propagation = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/propagation.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_utils3 = require_utils();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_NoopTextMapPropagator2 = require_NoopTextMapPropagator();
    var require_context_helpers2 = require_context_helpers();
    var API_NAME = "propagation";
    var NOOP_TEXT_MAP_PROPAGATOR = new require_NoopTextMapPropagator2.NoopTextMapPropagator();
    var PropagationAPI = class PropagationAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this.createBaggage = require_utils3.createBaggage;
        this.getBaggage = require_context_helpers2.getBaggage;
        this.getActiveBaggage = require_context_helpers2.getActiveBaggage;
        this.setBaggage = require_context_helpers2.setBaggage;
        this.deleteBaggage = require_context_helpers2.deleteBaggage;
      }
      /** Get the singleton instance of the Propagator API */
      static getInstance() {
        if (!this._instance) this._instance = new PropagationAPI2();
        return this._instance;
      }
      /**
      * Set the current propagator.
      *
      * @returns true if the propagator was successfully registered, else false
      */
      setGlobalPropagator(propagator) {
        return require_global_utils2.registerGlobal(API_NAME, propagator, require_diag2.DiagAPI.instance());
      }
      /**
      * Inject context into a carrier to be propagated inter-process
      *
      * @param context Context carrying tracing data to inject
      * @param carrier carrier to inject context into
      * @param setter Function used to set values on the carrier
      */
      inject(context, carrier, setter = require_TextMapPropagator2.defaultTextMapSetter) {
        return this._getGlobalPropagator().inject(context, carrier, setter);
      }
      /**
      * Extract context from a carrier
      *
      * @param context Context which the newly created context will inherit from
      * @param carrier Carrier to extract context from
      * @param getter Function used to extract keys from a carrier
      */
      extract(context, carrier, getter = require_TextMapPropagator2.defaultTextMapGetter) {
        return this._getGlobalPropagator().extract(context, carrier, getter);
      }
      /**
      * Return a list of all fields which may be used by the propagator.
      */
      fields() {
        return this._getGlobalPropagator().fields();
      }
      /** Remove the global propagator */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
      _getGlobalPropagator() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_TEXT_MAP_PROPAGATOR;
      }
    };
    exports.PropagationAPI = PropagationAPI;
  }
});

// node_modules/@opentelemetry/api/dist/propagation-api.cjs
var require_propagation_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation-api.cjs"(exports) {
    var propagation = require_propagation().PropagationAPI.getInstance();
    exports.propagation = propagation;
  }
});

// node_modules/@opentelemetry/api/dist/api/trace.cjs
var require_trace = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/trace.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var API_NAME = "trace";
    var TraceAPI = class TraceAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
        this.wrapSpanContext = require_spancontext_utils2.wrapSpanContext;
        this.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
        this.deleteSpan = require_context_utils2.deleteSpan;
        this.getSpan = require_context_utils2.getSpan;
        this.getActiveSpan = require_context_utils2.getActiveSpan;
        this.getSpanContext = require_context_utils2.getSpanContext;
        this.setSpan = require_context_utils2.setSpan;
        this.setSpanContext = require_context_utils2.setSpanContext;
      }
      /** Get the singleton instance of the Trace API */
      static getInstance() {
        if (!this._instance) this._instance = new TraceAPI2();
        return this._instance;
      }
      /**
      * Set the current global tracer.
      *
      * @returns true if the tracer provider was successfully registered, else false
      */
      setGlobalTracerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, this._proxyTracerProvider, require_diag2.DiagAPI.instance());
        if (success) this._proxyTracerProvider.setDelegate(provider);
        return success;
      }
      /**
      * Returns the global tracer provider.
      */
      getTracerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyTracerProvider;
      }
      /**
      * Returns a tracer from the global tracer provider.
      */
      getTracer(name, version) {
        return this.getTracerProvider().getTracer(name, version);
      }
      /** Remove the global tracer provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
      }
    };
    exports.TraceAPI = TraceAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace-api.cjs
var require_trace_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace-api.cjs"(exports) {
    var trace = require_trace().TraceAPI.getInstance();
    exports.trace = trace;
  }
});

// node_modules/@opentelemetry/api/dist/index.cjs
var require_dist2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/index.cjs"(exports) {
    Object.defineProperties(exports, {
      __esModule: { value: true },
      [Symbol.toStringTag]: { value: "Module" }
    });
    var require_types2 = require_types();
    var require_utils3 = require_utils();
    var require_context3 = require_context();
    var require_consoleLogger2 = require_consoleLogger();
    var require_NoopMeter2 = require_NoopMeter();
    var require_Metric2 = require_Metric();
    var require_NoopLogger2 = require_NoopLogger();
    var require_LogRecord2 = require_LogRecord();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_trace_flags2 = require_trace_flags();
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracer2 = require_ProxyTracer();
    var require_span_kind2 = require_span_kind();
    var require_status2 = require_status();
    var require_utils$1 = require_utils2();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var require_SamplingResult2 = require_SamplingResult();
    var require_context_api2 = require_context_api();
    var require_diag_api2 = require_diag_api();
    var require_logs_api2 = require_logs_api();
    var require_metrics_api2 = require_metrics_api();
    var require_propagation_api2 = require_propagation_api();
    var require_trace_api2 = require_trace_api();
    var src_default = {
      context: require_context_api2.context,
      diag: require_diag_api2.diag,
      logs: require_logs_api2.logs,
      metrics: require_metrics_api2.metrics,
      propagation: require_propagation_api2.propagation,
      trace: require_trace_api2.trace
    };
    exports.DiagConsoleLogger = require_consoleLogger2.DiagConsoleLogger;
    exports.DiagLogLevel = require_types2.DiagLogLevel;
    exports.INVALID_SPANID = require_invalid_span_constants2.INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = require_invalid_span_constants2.INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = require_invalid_span_constants2.INVALID_TRACEID;
    exports.ProxyTracer = require_ProxyTracer2.ProxyTracer;
    exports.ProxyTracerProvider = require_ProxyTracerProvider2.ProxyTracerProvider;
    exports.ROOT_CONTEXT = require_context3.ROOT_CONTEXT;
    exports.SamplingDecision = require_SamplingResult2.SamplingDecision;
    exports.SeverityNumber = require_LogRecord2.SeverityNumber;
    exports.SpanKind = require_span_kind2.SpanKind;
    exports.SpanStatusCode = require_status2.SpanStatusCode;
    exports.TraceFlags = require_trace_flags2.TraceFlags;
    exports.ValueType = require_Metric2.ValueType;
    exports.baggageEntryMetadataFromString = require_utils3.baggageEntryMetadataFromString;
    exports.context = require_context_api2.context;
    exports.createContextKey = require_context3.createContextKey;
    exports.createNoopLogger = require_NoopLogger2.createNoopLogger;
    exports.createNoopMeter = require_NoopMeter2.createNoopMeter;
    exports.createTraceState = require_utils$1.createTraceState;
    exports.default = src_default;
    exports.defaultTextMapGetter = require_TextMapPropagator2.defaultTextMapGetter;
    exports.defaultTextMapSetter = require_TextMapPropagator2.defaultTextMapSetter;
    exports.diag = require_diag_api2.diag;
    exports.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
    exports.isValidSpanId = require_spancontext_utils2.isValidSpanId;
    exports.isValidTraceId = require_spancontext_utils2.isValidTraceId;
    exports.logs = require_logs_api2.logs;
    exports.metrics = require_metrics_api2.metrics;
    exports.propagation = require_propagation_api2.propagation;
    exports.trace = require_trace_api2.trace;
  }
});

// node_modules/prom-client/lib/metrics/processCpuTotal.js
var require_processCpuTotal = __commonJS({
  "node_modules/prom-client/lib/metrics/processCpuTotal.js"(exports, module) {
    "use strict";
    var OtelApi = require_dist2();
    var Counter2 = require_counter();
    var PROCESS_CPU_USER_SECONDS = "process_cpu_user_seconds_total";
    var PROCESS_CPU_SYSTEM_SECONDS = "process_cpu_system_seconds_total";
    var PROCESS_CPU_SECONDS = "process_cpu_seconds_total";
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const exemplars = config.enableExemplars ? config.enableExemplars : false;
      const labelNames = Object.keys(labels);
      let lastCpuUsage = process.cpuUsage();
      const cpuUserUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_USER_SECONDS,
        help: "Total user CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          const cpuUsage = process.cpuUsage();
          const userUsageMicros = cpuUsage.user - lastCpuUsage.user;
          const systemUsageMicros = cpuUsage.system - lastCpuUsage.system;
          lastCpuUsage = cpuUsage;
          if (this.enableExemplars) {
            let exemplarLabels = {};
            const currentSpan = OtelApi.trace.getSpan(OtelApi.context.active());
            if (currentSpan) {
              exemplarLabels = {
                traceId: currentSpan.spanContext().traceId,
                spanId: currentSpan.spanContext().spanId
              };
            }
            cpuUserUsageCounter.inc({
              labels,
              value: userUsageMicros / 1e6,
              exemplarLabels
            });
            cpuSystemUsageCounter.inc({
              labels,
              value: systemUsageMicros / 1e6,
              exemplarLabels
            });
            cpuUsageCounter.inc({
              labels,
              value: (userUsageMicros + systemUsageMicros) / 1e6,
              exemplarLabels
            });
          } else {
            cpuUserUsageCounter.inc(labels, userUsageMicros / 1e6);
            cpuSystemUsageCounter.inc(labels, systemUsageMicros / 1e6);
            cpuUsageCounter.inc(
              labels,
              (userUsageMicros + systemUsageMicros) / 1e6
            );
          }
        }
      });
      const cpuSystemUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SYSTEM_SECONDS,
        help: "Total system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
      const cpuUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SECONDS,
        help: "Total user and system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_CPU_USER_SECONDS,
      PROCESS_CPU_SYSTEM_SECONDS,
      PROCESS_CPU_SECONDS
    ];
  }
});

// node_modules/prom-client/lib/metrics/processStartTime.js
var require_processStartTime = __commonJS({
  "node_modules/prom-client/lib/metrics/processStartTime.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var startInSeconds = Math.round(Date.now() / 1e3 - process.uptime());
    var PROCESS_START_TIME = "process_start_time_seconds";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + PROCESS_START_TIME,
        help: "Start time of the process since unix epoch in seconds.",
        registers: registry ? [registry] : void 0,
        labelNames,
        aggregator: "omit",
        collect() {
          this.set(labels, startInSeconds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_START_TIME];
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js
var require_osMemoryHeapLinux = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var fs = __require("fs");
    var values = ["VmSize", "VmRSS", "VmData"];
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    var PROCESS_VIRTUAL_MEMORY = "process_virtual_memory_bytes";
    var PROCESS_HEAP = "process_heap_bytes";
    function structureOutput(input) {
      return input.split("\n").reduce((acc, string) => {
        if (!values.some((value2) => string.startsWith(value2))) {
          return acc;
        }
        const split3 = string.split(":");
        let value = split3[1].trim();
        value = value.substr(0, value.length - 3);
        value = Number(value) * 1024;
        acc[split3[0]] = value;
        return acc;
      }, {});
    }
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const residentMemGauge = new Gauge({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          try {
            const stat = fs.readFileSync("/proc/self/status", "utf8");
            const structuredOutput = structureOutput(stat);
            residentMemGauge.set(labels, structuredOutput.VmRSS);
            virtualMemGauge.set(labels, structuredOutput.VmSize);
            heapSizeMemGauge.set(labels, structuredOutput.VmData);
          } catch {
          }
        }
      });
      const virtualMemGauge = new Gauge({
        name: namePrefix + PROCESS_VIRTUAL_MEMORY,
        help: "Virtual memory size in bytes.",
        registers,
        labelNames
      });
      const heapSizeMemGauge = new Gauge({
        name: namePrefix + PROCESS_HEAP,
        help: "Process heap size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_RESIDENT_MEMORY,
      PROCESS_VIRTUAL_MEMORY,
      PROCESS_HEAP
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js
var require_safeMemoryUsage = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js"(exports, module) {
    "use strict";
    function safeMemoryUsage() {
      try {
        return process.memoryUsage();
      } catch {
        return;
      }
    }
    module.exports = safeMemoryUsage;
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeap.js
var require_osMemoryHeap = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeap.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var linuxVariant = require_osMemoryHeapLinux();
    var safeMemoryUsage = require_safeMemoryUsage();
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    function notLinuxVariant(registry, config = {}) {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const memUsage = safeMemoryUsage();
          if (memUsage) {
            this.set(labels, memUsage.rss);
          }
        }
      });
    }
    module.exports = (registry, config) => process.platform === "linux" ? linuxVariant(registry, config) : notLinuxVariant(registry, config);
    module.exports.metricNames = process.platform === "linux" ? linuxVariant.metricNames : [PROCESS_RESIDENT_MEMORY];
  }
});

// node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js
var require_processOpenFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var fs = __require("fs");
    var process2 = __require("process");
    var PROCESS_OPEN_FDS = "process_open_fds";
    module.exports = (registry, config = {}) => {
      if (process2.platform !== "linux") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + PROCESS_OPEN_FDS,
        help: "Number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          try {
            const fds = fs.readdirSync("/proc/self/fd");
            this.set(labels, fds.length - 1);
          } catch {
          }
        }
      });
    };
    module.exports.metricNames = [PROCESS_OPEN_FDS];
  }
});

// node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js
var require_processMaxFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var fs = __require("fs");
    var PROCESS_MAX_FDS = "process_max_fds";
    var maxFds;
    module.exports = (registry, config = {}) => {
      if (maxFds === void 0) {
        try {
          const limits = fs.readFileSync("/proc/self/limits", "utf8");
          const lines = limits.split("\n");
          for (const line of lines) {
            if (line.startsWith("Max open files")) {
              const parts = line.split(/  +/);
              maxFds = Number(parts[1]);
              break;
            }
          }
        } catch {
          return;
        }
      }
      if (maxFds === void 0) return;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + PROCESS_MAX_FDS,
        help: "Maximum number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          if (maxFds !== void 0) this.set(labels, maxFds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_MAX_FDS];
  }
});

// node_modules/prom-client/lib/metrics/eventLoopLag.js
var require_eventLoopLag = __commonJS({
  "node_modules/prom-client/lib/metrics/eventLoopLag.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_EVENTLOOP_LAG = "nodejs_eventloop_lag_seconds";
    var NODEJS_EVENTLOOP_LAG_MIN = "nodejs_eventloop_lag_min_seconds";
    var NODEJS_EVENTLOOP_LAG_MAX = "nodejs_eventloop_lag_max_seconds";
    var NODEJS_EVENTLOOP_LAG_MEAN = "nodejs_eventloop_lag_mean_seconds";
    var NODEJS_EVENTLOOP_LAG_STDDEV = "nodejs_eventloop_lag_stddev_seconds";
    var NODEJS_EVENTLOOP_LAG_P50 = "nodejs_eventloop_lag_p50_seconds";
    var NODEJS_EVENTLOOP_LAG_P90 = "nodejs_eventloop_lag_p90_seconds";
    var NODEJS_EVENTLOOP_LAG_P99 = "nodejs_eventloop_lag_p99_seconds";
    function reportEventloopLag(start, gauge, labels) {
      const delta = process.hrtime(start);
      const nanosec = delta[0] * 1e9 + delta[1];
      const seconds = nanosec / 1e9;
      gauge.set(labels, seconds);
    }
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const registers = registry ? [registry] : void 0;
      let collect2 = () => {
        const start = process.hrtime();
        setImmediate(reportEventloopLag, start, lag, labels);
      };
      if (perf_hooks && perf_hooks.monitorEventLoopDelay) {
        try {
          const histogram = perf_hooks.monitorEventLoopDelay({
            resolution: config.eventLoopMonitoringPrecision
          });
          histogram.enable();
          collect2 = () => {
            const start = process.hrtime();
            setImmediate(reportEventloopLag, start, lag, labels);
            lagMin.set(labels, histogram.min / 1e9);
            lagMax.set(labels, histogram.max / 1e9);
            lagMean.set(labels, histogram.mean / 1e9);
            lagStddev.set(labels, histogram.stddev / 1e9);
            lagP50.set(labels, histogram.percentile(50) / 1e9);
            lagP90.set(labels, histogram.percentile(90) / 1e9);
            lagP99.set(labels, histogram.percentile(99) / 1e9);
            histogram.reset();
          };
        } catch (e) {
          if (e.code === "ERR_NOT_IMPLEMENTED") {
            return;
          }
          throw e;
        }
      }
      const lag = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG,
        help: "Lag of event loop in seconds.",
        registers,
        labelNames,
        aggregator: "average",
        // Use this one metric's `collect` to set all metrics' values.
        collect: collect2
      });
      const lagMin = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MIN,
        help: "The minimum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "min"
      });
      const lagMax = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MAX,
        help: "The maximum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "max"
      });
      const lagMean = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MEAN,
        help: "The mean of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagStddev = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_STDDEV,
        help: "The standard deviation of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP50 = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P50,
        help: "The 50th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP90 = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P90,
        help: "The 90th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP99 = new Gauge({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P99,
        help: "The 99th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
    };
    module.exports.metricNames = [
      NODEJS_EVENTLOOP_LAG,
      NODEJS_EVENTLOOP_LAG_MIN,
      NODEJS_EVENTLOOP_LAG_MAX,
      NODEJS_EVENTLOOP_LAG_MEAN,
      NODEJS_EVENTLOOP_LAG_STDDEV,
      NODEJS_EVENTLOOP_LAG_P50,
      NODEJS_EVENTLOOP_LAG_P90,
      NODEJS_EVENTLOOP_LAG_P99
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js
var require_processMetricsHelpers = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js"(exports, module) {
    "use strict";
    function aggregateByObjectName(list) {
      const data = {};
      for (let i = 0; i < list.length; i++) {
        const listElement = list[i];
        if (!listElement || typeof listElement.constructor === "undefined") {
          continue;
        }
        if (Object.hasOwnProperty.call(data, listElement.constructor.name)) {
          data[listElement.constructor.name] += 1;
        } else {
          data[listElement.constructor.name] = 1;
        }
      }
      return data;
    }
    function updateMetrics(gauge, data, labels) {
      gauge.reset();
      for (const key2 in data) {
        gauge.set(Object.assign({ type: key2 }, labels || {}), data[key2]);
      }
    }
    module.exports = {
      aggregateByObjectName,
      updateMetrics
    };
  }
});

// node_modules/prom-client/lib/metrics/processHandles.js
var require_processHandles = __commonJS({
  "node_modules/prom-client/lib/metrics/processHandles.js"(exports, module) {
    "use strict";
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var Gauge = require_gauge();
    var NODEJS_ACTIVE_HANDLES = "nodejs_active_handles";
    var NODEJS_ACTIVE_HANDLES_TOTAL = "nodejs_active_handles_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveHandles !== "function") {
        return;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + NODEJS_ACTIVE_HANDLES,
        help: "Number of active libuv handles grouped by handle type. Every handle type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers,
        collect() {
          const handles = process._getActiveHandles();
          updateMetrics(this, aggregateByObjectName(handles), labels);
        }
      });
      new Gauge({
        name: namePrefix + NODEJS_ACTIVE_HANDLES_TOTAL,
        help: "Total number of active handles.",
        registers,
        labelNames,
        collect() {
          const handles = process._getActiveHandles();
          this.set(labels, handles.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_HANDLES,
      NODEJS_ACTIVE_HANDLES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processRequests.js
var require_processRequests = __commonJS({
  "node_modules/prom-client/lib/metrics/processRequests.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_REQUESTS = "nodejs_active_requests";
    var NODEJS_ACTIVE_REQUESTS_TOTAL = "nodejs_active_requests_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveRequests !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS,
        help: "Number of active libuv requests grouped by request type. Every request type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const requests = process._getActiveRequests();
          updateMetrics(this, aggregateByObjectName(requests), labels);
        }
      });
      new Gauge({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS_TOTAL,
        help: "Total number of active requests.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const requests = process._getActiveRequests();
          this.set(labels, requests.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_REQUESTS,
      NODEJS_ACTIVE_REQUESTS_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processResources.js
var require_processResources = __commonJS({
  "node_modules/prom-client/lib/metrics/processResources.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_RESOURCES = "nodejs_active_resources";
    var NODEJS_ACTIVE_RESOURCES_TOTAL = "nodejs_active_resources_total";
    module.exports = (registry, config = {}) => {
      if (typeof process.getActiveResourcesInfo !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES,
        help: "Number of active resources that are currently keeping the event loop alive, grouped by async resource type.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const resources = process.getActiveResourcesInfo();
          const data = {};
          for (let i = 0; i < resources.length; i++) {
            const resource = resources[i];
            if (Object.hasOwn(data, resource)) {
              data[resource] += 1;
            } else {
              data[resource] = 1;
            }
          }
          updateMetrics(this, data, labels);
        }
      });
      new Gauge({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES_TOTAL,
        help: "Total number of active resources.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const resources = process.getActiveResourcesInfo();
          this.set(labels, resources.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_RESOURCES,
      NODEJS_ACTIVE_RESOURCES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSizeAndUsed.js
var require_heapSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var safeMemoryUsage = require_safeMemoryUsage();
    var NODEJS_HEAP_SIZE_TOTAL = "nodejs_heap_size_total_bytes";
    var NODEJS_HEAP_SIZE_USED = "nodejs_heap_size_used_bytes";
    var NODEJS_EXTERNAL_MEMORY = "nodejs_external_memory_bytes";
    module.exports = (registry, config = {}) => {
      if (typeof process.memoryUsage !== "function") {
        return;
      }
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const collect2 = () => {
        const memUsage = safeMemoryUsage();
        if (memUsage) {
          heapSizeTotal.set(labels, memUsage.heapTotal);
          heapSizeUsed.set(labels, memUsage.heapUsed);
          if (memUsage.external !== void 0) {
            externalMemUsed.set(labels, memUsage.external);
          }
        }
      };
      const heapSizeTotal = new Gauge({
        name: namePrefix + NODEJS_HEAP_SIZE_TOTAL,
        help: "Process heap size from Node.js in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect: collect2
      });
      const heapSizeUsed = new Gauge({
        name: namePrefix + NODEJS_HEAP_SIZE_USED,
        help: "Process heap size used from Node.js in bytes.",
        registers,
        labelNames
      });
      const externalMemUsed = new Gauge({
        name: namePrefix + NODEJS_EXTERNAL_MEMORY,
        help: "Node.js external memory size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      NODEJS_HEAP_SIZE_TOTAL,
      NODEJS_HEAP_SIZE_USED,
      NODEJS_EXTERNAL_MEMORY
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js
var require_heapSpacesSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var v8 = __require("v8");
    var METRICS = ["total", "used", "available"];
    var NODEJS_HEAP_SIZE = {};
    METRICS.forEach((metricType) => {
      NODEJS_HEAP_SIZE[metricType] = `nodejs_heap_space_size_${metricType}_bytes`;
    });
    module.exports = (registry, config = {}) => {
      try {
        v8.getHeapSpaceStatistics();
      } catch (e) {
        if (e.code === "ERR_NOT_IMPLEMENTED") {
          return;
        }
        throw e;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = ["space", ...Object.keys(labels)];
      const gauges = {};
      METRICS.forEach((metricType) => {
        gauges[metricType] = new Gauge({
          name: namePrefix + NODEJS_HEAP_SIZE[metricType],
          help: `Process heap space size ${metricType} from Node.js in bytes.`,
          labelNames,
          registers
        });
      });
      gauges.total.collect = () => {
        for (const space of v8.getHeapSpaceStatistics()) {
          const spaceName = space.space_name.substr(
            0,
            space.space_name.indexOf("_space")
          );
          gauges.total.set({ space: spaceName, ...labels }, space.space_size);
          gauges.used.set({ space: spaceName, ...labels }, space.space_used_size);
          gauges.available.set(
            { space: spaceName, ...labels },
            space.space_available_size
          );
        }
      };
    };
    module.exports.metricNames = Object.values(NODEJS_HEAP_SIZE);
  }
});

// node_modules/prom-client/lib/metrics/version.js
var require_version2 = __commonJS({
  "node_modules/prom-client/lib/metrics/version.js"(exports, module) {
    "use strict";
    var Gauge = require_gauge();
    var version = process.version;
    var versionSegments = version.slice(1).split(".").map(Number);
    var NODE_VERSION_INFO = "nodejs_version_info";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge({
        name: namePrefix + NODE_VERSION_INFO,
        help: "Node.js version info.",
        labelNames: ["version", "major", "minor", "patch", ...labelNames],
        registers: registry ? [registry] : void 0,
        aggregator: "first",
        collect() {
          this.labels(
            version,
            versionSegments[0],
            versionSegments[1],
            versionSegments[2],
            ...Object.values(labels)
          ).set(1);
        }
      });
    };
    module.exports.metricNames = [NODE_VERSION_INFO];
  }
});

// node_modules/prom-client/lib/metrics/gc.js
var require_gc = __commonJS({
  "node_modules/prom-client/lib/metrics/gc.js"(exports, module) {
    "use strict";
    var Histogram2 = require_histogram();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_GC_DURATION_SECONDS = "nodejs_gc_duration_seconds";
    var DEFAULT_GC_DURATION_BUCKETS = [1e-3, 0.01, 0.1, 1, 2, 5];
    var kinds = [];
    if (perf_hooks && perf_hooks.constants) {
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MAJOR] = "major";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MINOR] = "minor";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_INCREMENTAL] = "incremental";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_WEAKCB] = "weakcb";
    }
    module.exports = (registry, config = {}) => {
      if (!perf_hooks) {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const buckets = config.gcDurationBuckets ? config.gcDurationBuckets : DEFAULT_GC_DURATION_BUCKETS;
      const gcHistogram = new Histogram2({
        name: namePrefix + NODEJS_GC_DURATION_SECONDS,
        help: "Garbage collection duration by kind, one of major, minor, incremental or weakcb.",
        labelNames: ["kind", ...labelNames],
        enableExemplars: false,
        buckets,
        registers: registry ? [registry] : void 0
      });
      const obs = new perf_hooks.PerformanceObserver((list) => {
        const entry = list.getEntries()[0];
        const kind = entry.detail ? kinds[entry.detail.kind] : kinds[entry.kind];
        gcHistogram.observe(Object.assign({ kind }, labels), entry.duration / 1e3);
      });
      obs.observe({ entryTypes: ["gc"] });
    };
    module.exports.metricNames = [NODEJS_GC_DURATION_SECONDS];
  }
});

// node_modules/prom-client/lib/defaultMetrics.js
var require_defaultMetrics = __commonJS({
  "node_modules/prom-client/lib/defaultMetrics.js"(exports, module) {
    "use strict";
    var { isObject: isObject2 } = require_util();
    var processCpuTotal = require_processCpuTotal();
    var processStartTime = require_processStartTime();
    var osMemoryHeap = require_osMemoryHeap();
    var processOpenFileDescriptors = require_processOpenFileDescriptors();
    var processMaxFileDescriptors = require_processMaxFileDescriptors();
    var eventLoopLag = require_eventLoopLag();
    var processHandles = require_processHandles();
    var processRequests = require_processRequests();
    var processResources = require_processResources();
    var heapSizeAndUsed = require_heapSizeAndUsed();
    var heapSpacesSizeAndUsed = require_heapSpacesSizeAndUsed();
    var version = require_version2();
    var gc = require_gc();
    var metrics = {
      processCpuTotal,
      processStartTime,
      osMemoryHeap,
      processOpenFileDescriptors,
      processMaxFileDescriptors,
      eventLoopLag,
      ...typeof process.getActiveResourcesInfo === "function" ? { processResources } : {},
      processHandles,
      processRequests,
      heapSizeAndUsed,
      heapSpacesSizeAndUsed,
      version,
      gc
    };
    var metricsList = Object.keys(metrics);
    module.exports = function collectDefaultMetrics2(config) {
      if (config !== null && config !== void 0 && !isObject2(config)) {
        throw new TypeError("config must be null, undefined, or an object");
      }
      config = { eventLoopMonitoringPrecision: 10, ...config };
      for (const metric of Object.values(metrics)) {
        metric(config.register, config);
      }
    };
    module.exports.metricsList = metricsList;
  }
});

// node_modules/prom-client/lib/metricAggregators.js
var require_metricAggregators = __commonJS({
  "node_modules/prom-client/lib/metricAggregators.js"(exports) {
    "use strict";
    var { Grouper, hashObject } = require_util();
    function AggregatorFactory(aggregatorFn) {
      return (metrics) => {
        if (metrics.length === 0) return;
        const result = {
          help: metrics[0].help,
          name: metrics[0].name,
          type: metrics[0].type,
          values: [],
          aggregator: metrics[0].aggregator
        };
        const byLabels = new Grouper();
        metrics.forEach((metric) => {
          metric.values.forEach((value) => {
            const key2 = hashObject(value.labels);
            byLabels.add(`${value.metricName}_${key2}`, value);
          });
        });
        byLabels.forEach((values) => {
          if (values.length === 0) return;
          const valObj = {
            value: aggregatorFn(values),
            labels: values[0].labels
          };
          if (values[0].metricName) {
            valObj.metricName = values[0].metricName;
          }
          result.values.push(valObj);
        });
        return result;
      };
    }
    exports.AggregatorFactory = AggregatorFactory;
    exports.aggregators = {
      /**
       * @return The sum of values.
       */
      sum: AggregatorFactory((v) => v.reduce((p, c) => p + c.value, 0)),
      /**
       * @return The first value.
       */
      first: AggregatorFactory((v) => v[0].value),
      /**
       * @return {undefined} Undefined; omits the metric.
       */
      omit: () => {
      },
      /**
       * @return The arithmetic mean of the values.
       */
      average: AggregatorFactory(
        (v) => v.reduce((p, c) => p + c.value, 0) / v.length
      ),
      /**
       * @return The minimum of the values.
       */
      min: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.min(p, c.value), Infinity)
      ),
      /**
       * @return The maximum of the values.
       */
      max: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.max(p, c.value), -Infinity)
      )
    };
  }
});

// node_modules/prom-client/lib/cluster.js
var require_cluster = __commonJS({
  "node_modules/prom-client/lib/cluster.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { Grouper } = require_util();
    var { aggregators } = require_metricAggregators();
    var cluster = () => {
      const data = __require("cluster");
      cluster = () => data;
      return data;
    };
    var GET_METRICS_REQ = "prom-client:getMetricsReq";
    var GET_METRICS_RES = "prom-client:getMetricsRes";
    var registries = [Registry2.globalRegistry];
    var requestCtr = 0;
    var listenersAdded = false;
    var requests = /* @__PURE__ */ new Map();
    var AggregatorRegistry = class extends Registry2 {
      constructor(regContentType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        super(regContentType);
        addListeners();
      }
      /**
       * Gets aggregated metrics for all workers. The optional callback and
       * returned Promise resolve with the same value; either may be used.
       * @return {Promise<string>} Promise that resolves with the aggregated
       *   metrics.
       */
      clusterMetrics() {
        const requestId = requestCtr++;
        return new Promise((resolve3, reject) => {
          let settled = false;
          function done(err2, result) {
            if (settled) return;
            settled = true;
            if (err2) reject(err2);
            else resolve3(result);
          }
          const request = {
            responses: [],
            pending: 0,
            done,
            errorTimeout: setTimeout(() => {
              const err2 = new Error("Operation timed out.");
              request.done(err2);
            }, 5e3)
          };
          requests.set(requestId, request);
          const message = {
            type: GET_METRICS_REQ,
            requestId
          };
          for (const id in cluster().workers) {
            if (cluster().workers[id].isConnected()) {
              cluster().workers[id].send(message);
              request.pending++;
            }
          }
          if (request.pending === 0) {
            clearTimeout(request.errorTimeout);
            process.nextTick(() => done(null, ""));
          }
        });
      }
      get contentType() {
        return super.contentType;
      }
      /**
       * Creates a new Registry instance from an array of metrics that were
       * created by `registry.getMetricsAsJSON()`. Metrics are aggregated using
       * the method specified by their `aggregator` property, or by summation if
       * `aggregator` is undefined.
       * @param {Array} metricsArr Array of metrics, each of which created by
       *   `registry.getMetricsAsJSON()`.
       * @param {string} registryType content type of the new registry. Defaults
       * to PROMETHEUS_CONTENT_TYPE.
       * @return {Registry} aggregated registry.
       */
      static aggregate(metricsArr, registryType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        const aggregatedRegistry = new Registry2();
        const metricsByName = new Grouper();
        aggregatedRegistry.setContentType(registryType);
        metricsArr.forEach((metrics) => {
          metrics.forEach((metric) => {
            metricsByName.add(metric.name, metric);
          });
        });
        metricsByName.forEach((metrics) => {
          const aggregatorName = metrics[0].aggregator;
          const aggregatorFn = aggregators[aggregatorName];
          if (typeof aggregatorFn !== "function") {
            throw new Error(`'${aggregatorName}' is not a defined aggregator.`);
          }
          const aggregatedMetric = aggregatorFn(metrics);
          if (aggregatedMetric) {
            const aggregatedMetricWrapper = Object.assign(
              {
                get: () => aggregatedMetric
              },
              aggregatedMetric
            );
            aggregatedRegistry.registerMetric(aggregatedMetricWrapper);
          }
        });
        return aggregatedRegistry;
      }
      /**
       * Sets the registry or registries to be aggregated. Call from workers to
       * use a registry/registries other than the default global registry.
       * @param {Array<Registry>|Registry} regs Registry or registries to be
       *   aggregated.
       * @return {void}
       */
      static setRegistries(regs) {
        if (!Array.isArray(regs)) regs = [regs];
        regs.forEach((reg) => {
          if (!(reg instanceof Registry2)) {
            throw new TypeError(`Expected Registry, got ${typeof reg}`);
          }
        });
        registries = regs;
      }
    };
    function addListeners() {
      if (listenersAdded) return;
      listenersAdded = true;
      if (cluster().isMaster) {
        cluster().on("message", (worker, message) => {
          if (message.type === GET_METRICS_RES) {
            const request = requests.get(message.requestId);
            if (message.error) {
              request.done(new Error(message.error));
              return;
            }
            message.metrics.forEach((registry) => request.responses.push(registry));
            request.pending--;
            if (request.pending === 0) {
              requests.delete(message.requestId);
              clearTimeout(request.errorTimeout);
              const registry = AggregatorRegistry.aggregate(request.responses);
              const promString = registry.metrics();
              request.done(null, promString);
            }
          }
        });
      }
      if (cluster().isWorker) {
        process.on("message", (message) => {
          if (message.type === GET_METRICS_REQ) {
            Promise.all(registries.map((r) => r.getMetricsAsJSON())).then((metrics) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                metrics
              });
            }).catch((error) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                error: error.message
              });
            });
          }
        });
      }
    }
    module.exports = AggregatorRegistry;
  }
});

// node_modules/prom-client/index.js
var require_prom_client = __commonJS({
  "node_modules/prom-client/index.js"(exports) {
    "use strict";
    exports.register = require_registry().globalRegistry;
    exports.Registry = require_registry();
    Object.defineProperty(exports, "contentType", {
      configurable: false,
      enumerable: true,
      get() {
        return exports.register.contentType;
      },
      set(value) {
        exports.register.setContentType(value);
      }
    });
    exports.prometheusContentType = exports.Registry.PROMETHEUS_CONTENT_TYPE;
    exports.openMetricsContentType = exports.Registry.OPENMETRICS_CONTENT_TYPE;
    exports.validateMetricName = require_validation().validateMetricName;
    exports.Counter = require_counter();
    exports.Gauge = require_gauge();
    exports.Histogram = require_histogram();
    exports.Summary = require_summary();
    exports.Pushgateway = require_pushgateway();
    exports.linearBuckets = require_bucketGenerators().linearBuckets;
    exports.exponentialBuckets = require_bucketGenerators().exponentialBuckets;
    exports.collectDefaultMetrics = require_defaultMetrics();
    exports.aggregators = require_metricAggregators().aggregators;
    exports.AggregatorRegistry = require_cluster();
  }
});

// node_modules/sql.js/dist/sql-wasm.js
var require_sql_wasm = __commonJS({
  "node_modules/sql.js/dist/sql-wasm.js"(exports, module) {
    var initSqlJsPromise = void 0;
    var initSqlJs2 = function(moduleConfig) {
      if (initSqlJsPromise) {
        return initSqlJsPromise;
      }
      initSqlJsPromise = new Promise(function(resolveModule, reject) {
        var Module = typeof moduleConfig !== "undefined" ? moduleConfig : {};
        var originalOnAbortFunction = Module["onAbort"];
        Module["onAbort"] = function(errorThatCausedAbort) {
          reject(new Error(errorThatCausedAbort));
          if (originalOnAbortFunction) {
            originalOnAbortFunction(errorThatCausedAbort);
          }
        };
        Module["postRun"] = Module["postRun"] || [];
        Module["postRun"].push(function() {
          resolveModule(Module);
        });
        module = void 0;
        var k;
        k ||= typeof Module !== "undefined" ? Module : {};
        var aa = !!globalThis.window, ba = !!globalThis.WorkerGlobalScope, da = globalThis.process?.versions?.node && globalThis.process?.type != "renderer", ea = {
          SQLITE_ABORT: 4,
          SQLITE_ABORT_ROLLBACK: 516,
          SQLITE_ACCESS_EXISTS: 0,
          SQLITE_ACCESS_READ: 2,
          SQLITE_ACCESS_READWRITE: 1,
          SQLITE_ALTER_TABLE: 26,
          SQLITE_ANALYZE: 28,
          SQLITE_ANY: 5,
          SQLITE_ATTACH: 24,
          SQLITE_AUTH: 23,
          SQLITE_AUTH_USER: 279,
          SQLITE_BLOB: 4,
          SQLITE_BUSY: 5,
          SQLITE_BUSY_RECOVERY: 261,
          SQLITE_BUSY_SNAPSHOT: 517,
          SQLITE_BUSY_TIMEOUT: 773,
          SQLITE_CANTOPEN: 14,
          SQLITE_CANTOPEN_CONVPATH: 1038,
          SQLITE_CANTOPEN_DIRTYWAL: 1294,
          SQLITE_CANTOPEN_FULLPATH: 782,
          SQLITE_CANTOPEN_ISDIR: 526,
          SQLITE_CANTOPEN_NOTEMPDIR: 270,
          SQLITE_CANTOPEN_SYMLINK: 1550,
          SQLITE_CARRAY_BLOB: 4,
          SQLITE_CARRAY_DOUBLE: 2,
          SQLITE_CARRAY_INT32: 0,
          SQLITE_CARRAY_INT64: 1,
          SQLITE_CARRAY_TEXT: 3,
          SQLITE_CHECKPOINT_FULL: 1,
          SQLITE_CHECKPOINT_NOOP: -1,
          SQLITE_CHECKPOINT_PASSIVE: 0,
          SQLITE_CHECKPOINT_RESTART: 2,
          SQLITE_CHECKPOINT_TRUNCATE: 3,
          SQLITE_CONFIG_COVERING_INDEX_SCAN: 20,
          SQLITE_CONFIG_GETMALLOC: 5,
          SQLITE_CONFIG_GETMUTEX: 11,
          SQLITE_CONFIG_GETPCACHE: 15,
          SQLITE_CONFIG_GETPCACHE2: 19,
          SQLITE_CONFIG_HEAP: 8,
          SQLITE_CONFIG_LOG: 16,
          SQLITE_CONFIG_LOOKASIDE: 13,
          SQLITE_CONFIG_MALLOC: 4,
          SQLITE_CONFIG_MEMDB_MAXSIZE: 29,
          SQLITE_CONFIG_MEMSTATUS: 9,
          SQLITE_CONFIG_MMAP_SIZE: 22,
          SQLITE_CONFIG_MULTITHREAD: 2,
          SQLITE_CONFIG_MUTEX: 10,
          SQLITE_CONFIG_PAGECACHE: 7,
          SQLITE_CONFIG_PCACHE: 14,
          SQLITE_CONFIG_PCACHE2: 18,
          SQLITE_CONFIG_PCACHE_HDRSZ: 24,
          SQLITE_CONFIG_PMASZ: 25,
          SQLITE_CONFIG_ROWID_IN_VIEW: 30,
          SQLITE_CONFIG_SCRATCH: 6,
          SQLITE_CONFIG_SERIALIZED: 3,
          SQLITE_CONFIG_SINGLETHREAD: 1,
          SQLITE_CONFIG_SMALL_MALLOC: 27,
          SQLITE_CONFIG_SORTERREF_SIZE: 28,
          SQLITE_CONFIG_SQLLOG: 21,
          SQLITE_CONFIG_STMTJRNL_SPILL: 26,
          SQLITE_CONFIG_URI: 17,
          SQLITE_CONFIG_WIN32_HEAPSIZE: 23,
          SQLITE_CONSTRAINT: 19,
          SQLITE_CONSTRAINT_CHECK: 275,
          SQLITE_CONSTRAINT_COMMITHOOK: 531,
          SQLITE_CONSTRAINT_DATATYPE: 3091,
          SQLITE_CONSTRAINT_FOREIGNKEY: 787,
          SQLITE_CONSTRAINT_FUNCTION: 1043,
          SQLITE_CONSTRAINT_NOTNULL: 1299,
          SQLITE_CONSTRAINT_PINNED: 2835,
          SQLITE_CONSTRAINT_PRIMARYKEY: 1555,
          SQLITE_CONSTRAINT_ROWID: 2579,
          SQLITE_CONSTRAINT_TRIGGER: 1811,
          SQLITE_CONSTRAINT_UNIQUE: 2067,
          SQLITE_CONSTRAINT_VTAB: 2323,
          SQLITE_COPY: 0,
          SQLITE_CORRUPT: 11,
          SQLITE_CORRUPT_INDEX: 779,
          SQLITE_CORRUPT_SEQUENCE: 523,
          SQLITE_CORRUPT_VTAB: 267,
          SQLITE_CREATE_INDEX: 1,
          SQLITE_CREATE_TABLE: 2,
          SQLITE_CREATE_TEMP_INDEX: 3,
          SQLITE_CREATE_TEMP_TABLE: 4,
          SQLITE_CREATE_TEMP_TRIGGER: 5,
          SQLITE_CREATE_TEMP_VIEW: 6,
          SQLITE_CREATE_TRIGGER: 7,
          SQLITE_CREATE_VIEW: 8,
          SQLITE_CREATE_VTABLE: 29,
          SQLITE_DBCONFIG_DEFENSIVE: 1010,
          SQLITE_DBCONFIG_DQS_DDL: 1014,
          SQLITE_DBCONFIG_DQS_DML: 1013,
          SQLITE_DBCONFIG_ENABLE_ATTACH_CREATE: 1020,
          SQLITE_DBCONFIG_ENABLE_ATTACH_WRITE: 1021,
          SQLITE_DBCONFIG_ENABLE_COMMENTS: 1022,
          SQLITE_DBCONFIG_ENABLE_FKEY: 1002,
          SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER: 1004,
          SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION: 1005,
          SQLITE_DBCONFIG_ENABLE_QPSG: 1007,
          SQLITE_DBCONFIG_ENABLE_TRIGGER: 1003,
          SQLITE_DBCONFIG_ENABLE_VIEW: 1015,
          SQLITE_DBCONFIG_FP_DIGITS: 1023,
          SQLITE_DBCONFIG_LEGACY_ALTER_TABLE: 1012,
          SQLITE_DBCONFIG_LEGACY_FILE_FORMAT: 1016,
          SQLITE_DBCONFIG_LOOKASIDE: 1001,
          SQLITE_DBCONFIG_MAINDBNAME: 1e3,
          SQLITE_DBCONFIG_MAX: 1023,
          SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE: 1006,
          SQLITE_DBCONFIG_RESET_DATABASE: 1009,
          SQLITE_DBCONFIG_REVERSE_SCANORDER: 1019,
          SQLITE_DBCONFIG_STMT_SCANSTATUS: 1018,
          SQLITE_DBCONFIG_TRIGGER_EQP: 1008,
          SQLITE_DBCONFIG_TRUSTED_SCHEMA: 1017,
          SQLITE_DBCONFIG_WRITABLE_SCHEMA: 1011,
          SQLITE_DBSTATUS_CACHE_HIT: 7,
          SQLITE_DBSTATUS_CACHE_MISS: 8,
          SQLITE_DBSTATUS_CACHE_SPILL: 12,
          SQLITE_DBSTATUS_CACHE_USED: 1,
          SQLITE_DBSTATUS_CACHE_USED_SHARED: 11,
          SQLITE_DBSTATUS_CACHE_WRITE: 9,
          SQLITE_DBSTATUS_DEFERRED_FKS: 10,
          SQLITE_DBSTATUS_LOOKASIDE_HIT: 4,
          SQLITE_DBSTATUS_LOOKASIDE_MISS_FULL: 6,
          SQLITE_DBSTATUS_LOOKASIDE_MISS_SIZE: 5,
          SQLITE_DBSTATUS_LOOKASIDE_USED: 0,
          SQLITE_DBSTATUS_MAX: 13,
          SQLITE_DBSTATUS_SCHEMA_USED: 2,
          SQLITE_DBSTATUS_STMT_USED: 3,
          SQLITE_DBSTATUS_TEMPBUF_SPILL: 13,
          SQLITE_DELETE: 9,
          SQLITE_DENY: 1,
          SQLITE_DESERIALIZE_FREEONCLOSE: 1,
          SQLITE_DESERIALIZE_READONLY: 4,
          SQLITE_DESERIALIZE_RESIZEABLE: 2,
          SQLITE_DETACH: 25,
          SQLITE_DETERMINISTIC: 2048,
          SQLITE_DIRECTONLY: 524288,
          SQLITE_DONE: 101,
          SQLITE_DROP_INDEX: 10,
          SQLITE_DROP_TABLE: 11,
          SQLITE_DROP_TEMP_INDEX: 12,
          SQLITE_DROP_TEMP_TABLE: 13,
          SQLITE_DROP_TEMP_TRIGGER: 14,
          SQLITE_DROP_TEMP_VIEW: 15,
          SQLITE_DROP_TRIGGER: 16,
          SQLITE_DROP_VIEW: 17,
          SQLITE_DROP_VTABLE: 30,
          SQLITE_EMPTY: 16,
          SQLITE_ERROR: 1,
          SQLITE_ERROR_KEY: 1281,
          SQLITE_ERROR_MISSING_COLLSEQ: 257,
          SQLITE_ERROR_RESERVESIZE: 1025,
          SQLITE_ERROR_RETRY: 513,
          SQLITE_ERROR_SNAPSHOT: 769,
          SQLITE_ERROR_UNABLE: 1537,
          SQLITE_FAIL: 3,
          SQLITE_FCNTL_BEGIN_ATOMIC_WRITE: 31,
          SQLITE_FCNTL_BLOCK_ON_CONNECT: 44,
          SQLITE_FCNTL_BUSYHANDLER: 15,
          SQLITE_FCNTL_CHUNK_SIZE: 6,
          SQLITE_FCNTL_CKPT_DONE: 37,
          SQLITE_FCNTL_CKPT_START: 39,
          SQLITE_FCNTL_CKSM_FILE: 41,
          SQLITE_FCNTL_COMMIT_ATOMIC_WRITE: 32,
          SQLITE_FCNTL_COMMIT_PHASETWO: 22,
          SQLITE_FCNTL_DATA_VERSION: 35,
          SQLITE_FCNTL_EXTERNAL_READER: 40,
          SQLITE_FCNTL_FILESTAT: 45,
          SQLITE_FCNTL_FILE_POINTER: 7,
          SQLITE_FCNTL_GET_LOCKPROXYFILE: 2,
          SQLITE_FCNTL_HAS_MOVED: 20,
          SQLITE_FCNTL_JOURNAL_POINTER: 28,
          SQLITE_FCNTL_LAST_ERRNO: 4,
          SQLITE_FCNTL_LOCKSTATE: 1,
          SQLITE_FCNTL_LOCK_TIMEOUT: 34,
          SQLITE_FCNTL_MMAP_SIZE: 18,
          SQLITE_FCNTL_NULL_IO: 43,
          SQLITE_FCNTL_OVERWRITE: 11,
          SQLITE_FCNTL_PDB: 30,
          SQLITE_FCNTL_PERSIST_WAL: 10,
          SQLITE_FCNTL_POWERSAFE_OVERWRITE: 13,
          SQLITE_FCNTL_PRAGMA: 14,
          SQLITE_FCNTL_RBU: 26,
          SQLITE_FCNTL_RESERVE_BYTES: 38,
          SQLITE_FCNTL_RESET_CACHE: 42,
          SQLITE_FCNTL_ROLLBACK_ATOMIC_WRITE: 33,
          SQLITE_FCNTL_SET_LOCKPROXYFILE: 3,
          SQLITE_FCNTL_SIZE_HINT: 5,
          SQLITE_FCNTL_SIZE_LIMIT: 36,
          SQLITE_FCNTL_SYNC: 21,
          SQLITE_FCNTL_SYNC_OMITTED: 8,
          SQLITE_FCNTL_TEMPFILENAME: 16,
          SQLITE_FCNTL_TRACE: 19,
          SQLITE_FCNTL_VFSNAME: 12,
          SQLITE_FCNTL_VFS_POINTER: 27,
          SQLITE_FCNTL_WAL_BLOCK: 24,
          SQLITE_FCNTL_WIN32_AV_RETRY: 9,
          SQLITE_FCNTL_WIN32_GET_HANDLE: 29,
          SQLITE_FCNTL_WIN32_SET_HANDLE: 23,
          SQLITE_FCNTL_ZIPVFS: 25,
          SQLITE_FINISH: 2,
          SQLITE_FLOAT: 2,
          SQLITE_FORMAT: 24,
          SQLITE_FULL: 13,
          SQLITE_FUNCTION: 31,
          SQLITE_GET_LOCKPROXYFILE: 2,
          SQLITE_IGNORE: 2,
          SQLITE_INDEX_CONSTRAINT_EQ: 2,
          SQLITE_INDEX_CONSTRAINT_FUNCTION: 150,
          SQLITE_INDEX_CONSTRAINT_GE: 32,
          SQLITE_INDEX_CONSTRAINT_GLOB: 66,
          SQLITE_INDEX_CONSTRAINT_GT: 4,
          SQLITE_INDEX_CONSTRAINT_IS: 72,
          SQLITE_INDEX_CONSTRAINT_ISNOT: 69,
          SQLITE_INDEX_CONSTRAINT_ISNOTNULL: 70,
          SQLITE_INDEX_CONSTRAINT_ISNULL: 71,
          SQLITE_INDEX_CONSTRAINT_LE: 8,
          SQLITE_INDEX_CONSTRAINT_LIKE: 65,
          SQLITE_INDEX_CONSTRAINT_LIMIT: 73,
          SQLITE_INDEX_CONSTRAINT_LT: 16,
          SQLITE_INDEX_CONSTRAINT_MATCH: 64,
          SQLITE_INDEX_CONSTRAINT_NE: 68,
          SQLITE_INDEX_CONSTRAINT_OFFSET: 74,
          SQLITE_INDEX_CONSTRAINT_REGEXP: 67,
          SQLITE_INDEX_SCAN_HEX: 2,
          SQLITE_INDEX_SCAN_UNIQUE: 1,
          SQLITE_INNOCUOUS: 2097152,
          SQLITE_INSERT: 18,
          SQLITE_INTEGER: 1,
          SQLITE_INTERNAL: 2,
          SQLITE_INTERRUPT: 9,
          SQLITE_IOCAP_ATOMIC: 1,
          SQLITE_IOCAP_ATOMIC16K: 64,
          SQLITE_IOCAP_ATOMIC1K: 4,
          SQLITE_IOCAP_ATOMIC2K: 8,
          SQLITE_IOCAP_ATOMIC32K: 128,
          SQLITE_IOCAP_ATOMIC4K: 16,
          SQLITE_IOCAP_ATOMIC512: 2,
          SQLITE_IOCAP_ATOMIC64K: 256,
          SQLITE_IOCAP_ATOMIC8K: 32,
          SQLITE_IOCAP_BATCH_ATOMIC: 16384,
          SQLITE_IOCAP_IMMUTABLE: 8192,
          SQLITE_IOCAP_POWERSAFE_OVERWRITE: 4096,
          SQLITE_IOCAP_SAFE_APPEND: 512,
          SQLITE_IOCAP_SEQUENTIAL: 1024,
          SQLITE_IOCAP_SUBPAGE_READ: 32768,
          SQLITE_IOCAP_UNDELETABLE_WHEN_OPEN: 2048,
          SQLITE_IOERR: 10,
          SQLITE_IOERR_ACCESS: 3338,
          SQLITE_IOERR_AUTH: 7178,
          SQLITE_IOERR_BADKEY: 8970,
          SQLITE_IOERR_BEGIN_ATOMIC: 7434,
          SQLITE_IOERR_BLOCKED: 2826,
          SQLITE_IOERR_CHECKRESERVEDLOCK: 3594,
          SQLITE_IOERR_CLOSE: 4106,
          SQLITE_IOERR_CODEC: 9226,
          SQLITE_IOERR_COMMIT_ATOMIC: 7690,
          SQLITE_IOERR_CONVPATH: 6666,
          SQLITE_IOERR_CORRUPTFS: 8458,
          SQLITE_IOERR_DATA: 8202,
          SQLITE_IOERR_DELETE: 2570,
          SQLITE_IOERR_DELETE_NOENT: 5898,
          SQLITE_IOERR_DIR_CLOSE: 4362,
          SQLITE_IOERR_DIR_FSYNC: 1290,
          SQLITE_IOERR_FSTAT: 1802,
          SQLITE_IOERR_FSYNC: 1034,
          SQLITE_IOERR_GETTEMPPATH: 6410,
          SQLITE_IOERR_IN_PAGE: 8714,
          SQLITE_IOERR_LOCK: 3850,
          SQLITE_IOERR_MMAP: 6154,
          SQLITE_IOERR_NOMEM: 3082,
          SQLITE_IOERR_RDLOCK: 2314,
          SQLITE_IOERR_READ: 266,
          SQLITE_IOERR_ROLLBACK_ATOMIC: 7946,
          SQLITE_IOERR_SEEK: 5642,
          SQLITE_IOERR_SHMLOCK: 5130,
          SQLITE_IOERR_SHMMAP: 5386,
          SQLITE_IOERR_SHMOPEN: 4618,
          SQLITE_IOERR_SHMSIZE: 4874,
          SQLITE_IOERR_SHORT_READ: 522,
          SQLITE_IOERR_TRUNCATE: 1546,
          SQLITE_IOERR_UNLOCK: 2058,
          SQLITE_IOERR_VNODE: 6922,
          SQLITE_IOERR_WRITE: 778,
          SQLITE_LAST_ERRNO: 4,
          SQLITE_LIMIT_ATTACHED: 7,
          SQLITE_LIMIT_COLUMN: 2,
          SQLITE_LIMIT_COMPOUND_SELECT: 4,
          SQLITE_LIMIT_EXPR_DEPTH: 3,
          SQLITE_LIMIT_FUNCTION_ARG: 6,
          SQLITE_LIMIT_LENGTH: 0,
          SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 8,
          SQLITE_LIMIT_PARSER_DEPTH: 12,
          SQLITE_LIMIT_SCHEMA: 13,
          SQLITE_LIMIT_SQL_LENGTH: 1,
          SQLITE_LIMIT_TRIGGER_DEPTH: 10,
          SQLITE_LIMIT_TRIGGER_STEPS: 14,
          SQLITE_LIMIT_VARIABLE_NUMBER: 9,
          SQLITE_LIMIT_VDBE_OP: 5,
          SQLITE_LIMIT_WORKER_THREADS: 11,
          SQLITE_LOCKED: 6,
          SQLITE_LOCKED_SHAREDCACHE: 262,
          SQLITE_LOCKED_VTAB: 518,
          SQLITE_LOCK_EXCLUSIVE: 4,
          SQLITE_LOCK_NONE: 0,
          SQLITE_LOCK_PENDING: 3,
          SQLITE_LOCK_RESERVED: 2,
          SQLITE_LOCK_SHARED: 1,
          SQLITE_MISMATCH: 20,
          SQLITE_MISUSE: 21,
          SQLITE_MUTEX_FAST: 0,
          SQLITE_MUTEX_RECURSIVE: 1,
          SQLITE_MUTEX_STATIC_APP1: 8,
          SQLITE_MUTEX_STATIC_APP2: 9,
          SQLITE_MUTEX_STATIC_APP3: 10,
          SQLITE_MUTEX_STATIC_LRU: 6,
          SQLITE_MUTEX_STATIC_LRU2: 7,
          SQLITE_MUTEX_STATIC_MAIN: 2,
          SQLITE_MUTEX_STATIC_MASTER: 2,
          SQLITE_MUTEX_STATIC_MEM: 3,
          SQLITE_MUTEX_STATIC_MEM2: 4,
          SQLITE_MUTEX_STATIC_OPEN: 4,
          SQLITE_MUTEX_STATIC_PMEM: 7,
          SQLITE_MUTEX_STATIC_PRNG: 5,
          SQLITE_MUTEX_STATIC_VFS1: 11,
          SQLITE_MUTEX_STATIC_VFS2: 12,
          SQLITE_MUTEX_STATIC_VFS3: 13,
          SQLITE_NOLFS: 22,
          SQLITE_NOMEM: 7,
          SQLITE_NOTADB: 26,
          SQLITE_NOTFOUND: 12,
          SQLITE_NOTICE: 27,
          SQLITE_NOTICE_RBU: 795,
          SQLITE_NOTICE_RECOVER_ROLLBACK: 539,
          SQLITE_NOTICE_RECOVER_WAL: 283,
          SQLITE_NULL: 5,
          SQLITE_OK: 0,
          SQLITE_OK_LOAD_PERMANENTLY: 256,
          SQLITE_OK_SYMLINK: 512,
          SQLITE_OPEN_AUTOPROXY: 32,
          SQLITE_OPEN_CREATE: 4,
          SQLITE_OPEN_DELETEONCLOSE: 8,
          SQLITE_OPEN_EXCLUSIVE: 16,
          SQLITE_OPEN_EXRESCODE: 33554432,
          SQLITE_OPEN_FULLMUTEX: 65536,
          SQLITE_OPEN_MAIN_DB: 256,
          SQLITE_OPEN_MAIN_JOURNAL: 2048,
          SQLITE_OPEN_MASTER_JOURNAL: 16384,
          SQLITE_OPEN_MEMORY: 128,
          SQLITE_OPEN_NOFOLLOW: 16777216,
          SQLITE_OPEN_NOMUTEX: 32768,
          SQLITE_OPEN_PRIVATECACHE: 262144,
          SQLITE_OPEN_READONLY: 1,
          SQLITE_OPEN_READWRITE: 2,
          SQLITE_OPEN_SHAREDCACHE: 131072,
          SQLITE_OPEN_SUBJOURNAL: 8192,
          SQLITE_OPEN_SUPER_JOURNAL: 16384,
          SQLITE_OPEN_TEMP_DB: 512,
          SQLITE_OPEN_TEMP_JOURNAL: 4096,
          SQLITE_OPEN_TRANSIENT_DB: 1024,
          SQLITE_OPEN_URI: 64,
          SQLITE_OPEN_WAL: 524288,
          SQLITE_PERM: 3,
          SQLITE_PRAGMA: 19,
          SQLITE_PREPARE_DONT_LOG: 16,
          SQLITE_PREPARE_FROM_DDL: 32,
          SQLITE_PREPARE_NORMALIZE: 2,
          SQLITE_PREPARE_NO_VTAB: 4,
          SQLITE_PREPARE_PERSISTENT: 1,
          SQLITE_PROTOCOL: 15,
          SQLITE_RANGE: 25,
          SQLITE_READ: 20,
          SQLITE_READONLY: 8,
          SQLITE_READONLY_CANTINIT: 1288,
          SQLITE_READONLY_CANTLOCK: 520,
          SQLITE_READONLY_DBMOVED: 1032,
          SQLITE_READONLY_DIRECTORY: 1544,
          SQLITE_READONLY_RECOVERY: 264,
          SQLITE_READONLY_ROLLBACK: 776,
          SQLITE_RECURSIVE: 33,
          SQLITE_REINDEX: 27,
          SQLITE_REPLACE: 5,
          SQLITE_RESULT_SUBTYPE: 16777216,
          SQLITE_ROLLBACK: 1,
          SQLITE_ROW: 100,
          SQLITE_SAVEPOINT: 32,
          SQLITE_SCANSTAT_COMPLEX: 1,
          SQLITE_SCANSTAT_EST: 2,
          SQLITE_SCANSTAT_EXPLAIN: 4,
          SQLITE_SCANSTAT_NAME: 3,
          SQLITE_SCANSTAT_NCYCLE: 7,
          SQLITE_SCANSTAT_NLOOP: 0,
          SQLITE_SCANSTAT_NVISIT: 1,
          SQLITE_SCANSTAT_PARENTID: 6,
          SQLITE_SCANSTAT_SELECTID: 5,
          SQLITE_SCHEMA: 17,
          SQLITE_SELECT: 21,
          SQLITE_SELFORDER1: 33554432,
          SQLITE_SERIALIZE_NOCOPY: 1,
          SQLITE_SETLK_BLOCK_ON_CONNECT: 1,
          SQLITE_SET_LOCKPROXYFILE: 3,
          SQLITE_SHM_EXCLUSIVE: 8,
          SQLITE_SHM_LOCK: 2,
          SQLITE_SHM_NLOCK: 8,
          SQLITE_SHM_SHARED: 4,
          SQLITE_SHM_UNLOCK: 1,
          SQLITE_STATUS_MALLOC_COUNT: 9,
          SQLITE_STATUS_MALLOC_SIZE: 5,
          SQLITE_STATUS_MEMORY_USED: 0,
          SQLITE_STATUS_PAGECACHE_OVERFLOW: 2,
          SQLITE_STATUS_PAGECACHE_SIZE: 7,
          SQLITE_STATUS_PAGECACHE_USED: 1,
          SQLITE_STATUS_PARSER_STACK: 6,
          SQLITE_STATUS_SCRATCH_OVERFLOW: 4,
          SQLITE_STATUS_SCRATCH_SIZE: 8,
          SQLITE_STATUS_SCRATCH_USED: 3,
          SQLITE_STMTSTATUS_AUTOINDEX: 3,
          SQLITE_STMTSTATUS_FILTER_HIT: 8,
          SQLITE_STMTSTATUS_FILTER_MISS: 7,
          SQLITE_STMTSTATUS_FULLSCAN_STEP: 1,
          SQLITE_STMTSTATUS_MEMUSED: 99,
          SQLITE_STMTSTATUS_REPREPARE: 5,
          SQLITE_STMTSTATUS_RUN: 6,
          SQLITE_STMTSTATUS_SORT: 2,
          SQLITE_STMTSTATUS_VM_STEP: 4,
          SQLITE_SUBTYPE: 1048576,
          SQLITE_SYNC_DATAONLY: 16,
          SQLITE_SYNC_FULL: 3,
          SQLITE_SYNC_NORMAL: 2,
          SQLITE_TESTCTRL_ALWAYS: 13,
          SQLITE_TESTCTRL_ASSERT: 12,
          SQLITE_TESTCTRL_ATOF: 34,
          SQLITE_TESTCTRL_BENIGN_MALLOC_HOOKS: 10,
          SQLITE_TESTCTRL_BITVEC_TEST: 8,
          SQLITE_TESTCTRL_BYTEORDER: 22,
          SQLITE_TESTCTRL_EXPLAIN_STMT: 19,
          SQLITE_TESTCTRL_EXTRA_SCHEMA_CHECKS: 29,
          SQLITE_TESTCTRL_FAULT_INSTALL: 9,
          SQLITE_TESTCTRL_FIRST: 5,
          SQLITE_TESTCTRL_FK_NO_ACTION: 7,
          SQLITE_TESTCTRL_GETOPT: 16,
          SQLITE_TESTCTRL_IMPOSTER: 25,
          SQLITE_TESTCTRL_INTERNAL_FUNCTIONS: 17,
          SQLITE_TESTCTRL_ISINIT: 23,
          SQLITE_TESTCTRL_ISKEYWORD: 16,
          SQLITE_TESTCTRL_JSON_SELFCHECK: 14,
          SQLITE_TESTCTRL_LAST: 34,
          SQLITE_TESTCTRL_LOCALTIME_FAULT: 18,
          SQLITE_TESTCTRL_LOGEST: 33,
          SQLITE_TESTCTRL_NEVER_CORRUPT: 20,
          SQLITE_TESTCTRL_ONCE_RESET_THRESHOLD: 19,
          SQLITE_TESTCTRL_OPTIMIZATIONS: 15,
          SQLITE_TESTCTRL_PARSER_COVERAGE: 26,
          SQLITE_TESTCTRL_PENDING_BYTE: 11,
          SQLITE_TESTCTRL_PRNG_RESET: 7,
          SQLITE_TESTCTRL_PRNG_RESTORE: 6,
          SQLITE_TESTCTRL_PRNG_SAVE: 5,
          SQLITE_TESTCTRL_PRNG_SEED: 28,
          SQLITE_TESTCTRL_RESERVE: 14,
          SQLITE_TESTCTRL_RESULT_INTREAL: 27,
          SQLITE_TESTCTRL_SCRATCHMALLOC: 17,
          SQLITE_TESTCTRL_SEEK_COUNT: 30,
          SQLITE_TESTCTRL_SORTER_MMAP: 24,
          SQLITE_TESTCTRL_TRACEFLAGS: 31,
          SQLITE_TESTCTRL_TUNE: 32,
          SQLITE_TESTCTRL_USELONGDOUBLE: 34,
          SQLITE_TESTCTRL_VDBE_COVERAGE: 21,
          SQLITE_TEXT: 3,
          SQLITE_TOOBIG: 18,
          SQLITE_TRACE_CLOSE: 8,
          SQLITE_TRACE_PROFILE: 2,
          SQLITE_TRACE_ROW: 4,
          SQLITE_TRACE_STMT: 1,
          SQLITE_TRANSACTION: 22,
          SQLITE_TXN_NONE: 0,
          SQLITE_TXN_READ: 1,
          SQLITE_TXN_WRITE: 2,
          SQLITE_UPDATE: 23,
          SQLITE_UTF16: 4,
          SQLITE_UTF16BE: 3,
          SQLITE_UTF16LE: 2,
          SQLITE_UTF16_ALIGNED: 8,
          SQLITE_UTF8: 1,
          SQLITE_UTF8_ZT: 16,
          SQLITE_VERSION_NUMBER: 3054001,
          SQLITE_VTAB_CONSTRAINT_SUPPORT: 1,
          SQLITE_VTAB_DIRECTONLY: 3,
          SQLITE_VTAB_INNOCUOUS: 2,
          SQLITE_VTAB_USES_ALL_SCHEMAS: 4,
          SQLITE_WARNING: 28,
          SQLITE_WARNING_AUTOINDEX: 284,
          SQLITE_WIN32_DATA_DIRECTORY_TYPE: 1,
          SQLITE_WIN32_TEMP_DIRECTORY_TYPE: 2,
          SQLITE_XFER: 1
        }, fa = "SQLITE_ABORT SQLITE_ABORT_ROLLBACK SQLITE_AUTH SQLITE_AUTH_USER SQLITE_BUSY SQLITE_BUSY_RECOVERY SQLITE_BUSY_SNAPSHOT SQLITE_BUSY_TIMEOUT SQLITE_CANTOPEN SQLITE_CANTOPEN_CONVPATH SQLITE_CANTOPEN_DIRTYWAL SQLITE_CANTOPEN_FULLPATH SQLITE_CANTOPEN_ISDIR SQLITE_CANTOPEN_NOTEMPDIR SQLITE_CANTOPEN_SYMLINK SQLITE_CONSTRAINT SQLITE_CONSTRAINT_CHECK SQLITE_CONSTRAINT_COMMITHOOK SQLITE_CONSTRAINT_DATATYPE SQLITE_CONSTRAINT_FOREIGNKEY SQLITE_CONSTRAINT_FUNCTION SQLITE_CONSTRAINT_NOTNULL SQLITE_CONSTRAINT_PINNED SQLITE_CONSTRAINT_PRIMARYKEY SQLITE_CONSTRAINT_ROWID SQLITE_CONSTRAINT_TRIGGER SQLITE_CONSTRAINT_UNIQUE SQLITE_CONSTRAINT_VTAB SQLITE_CORRUPT SQLITE_CORRUPT_INDEX SQLITE_CORRUPT_SEQUENCE SQLITE_CORRUPT_VTAB SQLITE_DONE SQLITE_EMPTY SQLITE_ERROR SQLITE_ERROR_KEY SQLITE_ERROR_MISSING_COLLSEQ SQLITE_ERROR_RESERVESIZE SQLITE_ERROR_RETRY SQLITE_ERROR_SNAPSHOT SQLITE_ERROR_UNABLE SQLITE_FORMAT SQLITE_FULL SQLITE_INTERNAL SQLITE_INTERRUPT SQLITE_IOERR SQLITE_IOERR_ACCESS SQLITE_IOERR_AUTH SQLITE_IOERR_BADKEY SQLITE_IOERR_BEGIN_ATOMIC SQLITE_IOERR_BLOCKED SQLITE_IOERR_CHECKRESERVEDLOCK SQLITE_IOERR_CLOSE SQLITE_IOERR_CODEC SQLITE_IOERR_COMMIT_ATOMIC SQLITE_IOERR_CONVPATH SQLITE_IOERR_CORRUPTFS SQLITE_IOERR_DATA SQLITE_IOERR_DELETE SQLITE_IOERR_DELETE_NOENT SQLITE_IOERR_DIR_CLOSE SQLITE_IOERR_DIR_FSYNC SQLITE_IOERR_FSTAT SQLITE_IOERR_FSYNC SQLITE_IOERR_GETTEMPPATH SQLITE_IOERR_IN_PAGE SQLITE_IOERR_LOCK SQLITE_IOERR_MMAP SQLITE_IOERR_NOMEM SQLITE_IOERR_RDLOCK SQLITE_IOERR_READ SQLITE_IOERR_ROLLBACK_ATOMIC SQLITE_IOERR_SEEK SQLITE_IOERR_SHMLOCK SQLITE_IOERR_SHMMAP SQLITE_IOERR_SHMOPEN SQLITE_IOERR_SHMSIZE SQLITE_IOERR_SHORT_READ SQLITE_IOERR_TRUNCATE SQLITE_IOERR_UNLOCK SQLITE_IOERR_VNODE SQLITE_IOERR_WRITE SQLITE_LOCKED SQLITE_LOCKED_SHAREDCACHE SQLITE_LOCKED_VTAB SQLITE_MISMATCH SQLITE_MISUSE SQLITE_NOLFS SQLITE_NOMEM SQLITE_NOTADB SQLITE_NOTFOUND SQLITE_NOTICE SQLITE_NOTICE_RBU SQLITE_NOTICE_RECOVER_ROLLBACK SQLITE_NOTICE_RECOVER_WAL SQLITE_PERM SQLITE_PROTOCOL SQLITE_RANGE SQLITE_READONLY SQLITE_READONLY_CANTINIT SQLITE_READONLY_CANTLOCK SQLITE_READONLY_DBMOVED SQLITE_READONLY_DIRECTORY SQLITE_READONLY_RECOVERY SQLITE_READONLY_ROLLBACK SQLITE_ROW SQLITE_SCHEMA SQLITE_TOOBIG SQLITE_WARNING SQLITE_WARNING_AUTOINDEX".split(" ");
        k.onRuntimeInitialized = function() {
          function a(f, h) {
            ub(f, h instanceof Error ? h.message : String(h), -1);
          }
          function b(f, h) {
            switch (typeof h) {
              case "boolean":
                nc(f, h ? 1 : 0);
                break;
              case "number":
                oc(f, h);
                break;
              case "string":
                pc(f, h, l(h), -1);
                break;
              case "object":
                if (h === null) vb(f);
                else if (h.length != null) {
                  var p = ha(h.length);
                  v.set(h, p);
                  qc(f, p, h.length, -1);
                  ja(p);
                } else ub(f, "Wrong API use : tried to return a value of an unknown type (" + h + ").", -1);
                break;
              default:
                vb(f);
            }
          }
          function d(f, h) {
            for (var p = [], r = 0; r < f; r += 1) {
              var u2 = y(
                h + 4 * r,
                "i32"
              ), w = rc(u2);
              if (w === 1 || w === 2) u2 = sc(u2);
              else if (w === 3) w = wb(u2), u2 = tc(u2), u2 = A(u2, w, true);
              else if (w === 4) {
                w = u2;
                u2 = wb(w);
                w = uc(w);
                for (var x = new Uint8Array(u2), G = 0; G < u2; G += 1) x[G] = v[w + G];
                u2 = x;
              } else u2 = null;
              p.push(u2);
            }
            return p;
          }
          function c(f, h) {
            this.Xa = f;
            this.db = h;
            this.Va = 1;
            this.ub = [];
          }
          function e(f, h) {
            this.db = h;
            this.nb = ka(f);
            if (this.nb === null) throw Error("Unable to allocate memory for the SQL string");
            this.sb = this.nb;
            this.fb = this.Ab = null;
          }
          function g(f) {
            this.filename = "dbfile_" + (4294967295 * Math.random() >>> 0);
            f != null && la(
              this.filename,
              f
            );
            this.handleError(U(this.filename, q2));
            this.db = y(q2, "i32");
            z && vc(this.db);
            this.tb = {};
            this.ab = /* @__PURE__ */ new Map();
          }
          function m(f, h) {
            return f.replace(/[A-Z]/g, function(p) {
              return p.toLowerCase();
            }) + ":" + h;
          }
          function t(f) {
            f.forEach(oa);
          }
          var z = k.useOldExtensionFunctions !== false, q2 = pa(4), n = k.cwrap, F = {};
          fa.forEach(function(f) {
            F[ea[f]] = f;
          });
          var U = n("sqlite3_open", "number", ["string", "number"]), ma = n("sqlite3_close_v2", "number", ["number"]), Aa = n("sqlite3_backup_init", "number", ["number", "string", "number", "string"]), na = n(
            "sqlite3_backup_step",
            "number",
            ["number", "number"]
          ), ca = n("sqlite3_backup_finish", "number", ["number"]), Ba = n("sqlite3_exec", "number", ["number", "number", "number", "number", "number"]), N = n("sqlite3_changes", "number", ["number"]), wc = n("sqlite3_sql", "string", ["number"]), xc = n("sqlite3_normalized_sql", "string", ["number"]), Ua = n("sqlite3_prepare_v2", "number", ["number", "number", "number", "number", "number"]), yc = n("sqlite3_bind_text", "number", ["number", "number", "number", "number", "number"]), yb = n("sqlite3_bind_blob", "number", [
            "number",
            "number",
            "number",
            "number",
            "number"
          ]), zc = n("sqlite3_bind_double", "number", ["number", "number", "number"]), Ac = n("sqlite3_bind_int", "number", ["number", "number", "number"]), zb = n("sqlite3_bind_int64", "number", ["number", "number", "number"]), Bc = typeof n("sqlite3_memory_used", "number", [])() === "bigint", Cc = n("sqlite3_bind_parameter_index", "number", ["number", "string"]), Dc = n("sqlite3_step", "number", ["number"]), ia = n("sqlite3_errmsg", "string", ["number"]), Ec = n("sqlite3_extended_errcode", "number", ["number"]), Fc = n(
            "sqlite3_column_count",
            "number",
            ["number"]
          ), Gc = n("sqlite3_data_count", "number", ["number"]), Hc = n("sqlite3_column_double", "number", ["number", "number"]), Ic = n("sqlite3_column_text", "number", ["number", "number"]), Jc = n("sqlite3_column_blob", "number", ["number", "number"]), Ab = n("sqlite3_column_bytes", "number", ["number", "number"]), Kc = n("sqlite3_column_type", "number", ["number", "number"]), Lc = n("sqlite3_column_name", "string", ["number", "number"]), Mc = n("sqlite3_reset", "number", ["number"]), Nc = n("sqlite3_clear_bindings", "number", ["number"]), Oc = n("sqlite3_finalize", "number", ["number"]), Bb = n("sqlite3_create_function_v2", "number", "number string number number number number number number number".split(" ")), rc = n("sqlite3_value_type", "number", ["number"]), wb = n("sqlite3_value_bytes", "number", ["number"]), tc = n("sqlite3_value_text", "number", ["number"]), uc = n("sqlite3_value_blob", "number", ["number"]), sc = n("sqlite3_value_double", "number", ["number"]), oc = n("sqlite3_result_double", "", ["number", "number"]), vb = n("sqlite3_result_null", "", ["number"]), pc = n("sqlite3_result_text", "", ["number", "string", "number", "number"]), qc = n("sqlite3_result_blob", "", ["number", "number", "number", "number"]), nc = n("sqlite3_result_int", "", ["number", "number"]), ub = n("sqlite3_result_error", "", ["number", "string", "number"]), Cb = n("sqlite3_aggregate_context", "number", ["number", "number"]), vc = n("RegisterExtensionFunctions", "number", ["number"]), Db = n("sqlite3_update_hook", "number", ["number", "number", "number"]);
          c.prototype.bind = function(f) {
            if (!this.Xa) throw "Statement closed";
            this.reset();
            return Array.isArray(f) ? this.Rb(f) : f != null && typeof f === "object" ? this.Sb(f) : true;
          };
          c.prototype.step = function() {
            if (!this.Xa) throw "Statement closed";
            this.Va = 1;
            var f = Dc(this.Xa);
            switch (f) {
              case 100:
                return true;
              case 101:
                return false;
              default:
                throw this.db.handleError(f);
            }
          };
          c.prototype.Jb = function(f) {
            f == null && (f = this.Va, this.Va += 1);
            return Hc(this.Xa, f);
          };
          c.prototype.ac = function(f) {
            f == null && (f = this.Va, this.Va += 1);
            if (typeof BigInt !== "function") throw Error("BigInt is not supported");
            return BigInt(this.Kb(f));
          };
          c.prototype.Kb = function(f) {
            f == null && (f = this.Va, this.Va += 1);
            var h = Ic(this.Xa, f);
            f = Ab(this.Xa, f);
            return A(h, f, true);
          };
          c.prototype.getBlob = function(f) {
            f == null && (f = this.Va, this.Va += 1);
            var h = Ab(this.Xa, f);
            f = Jc(this.Xa, f);
            for (var p = new Uint8Array(h), r = 0; r < h; r += 1) p[r] = v[f + r];
            return p;
          };
          c.prototype.get = function(f, h) {
            h = h || {};
            f != null && this.bind(f) && this.step();
            f = [];
            for (var p = Gc(this.Xa), r = 0; r < p; r += 1) switch (Kc(this.Xa, r)) {
              case 1:
                var u2 = h.useBigInt ? this.ac(r) : this.Jb(r);
                f.push(u2);
                break;
              case 2:
                f.push(this.Jb(r));
                break;
              case 3:
                f.push(this.Kb(r));
                break;
              case 4:
                f.push(this.getBlob(r));
                break;
              default:
                f.push(null);
            }
            return f;
          };
          c.prototype.yb = function() {
            for (var f = [], h = Fc(this.Xa), p = 0; p < h; p += 1) f.push(Lc(this.Xa, p));
            return f;
          };
          c.prototype.Ib = function(f, h) {
            var p = this.get(f, h);
            f = this.yb();
            return Object.fromEntries(f.map(function(r, u2) {
              return [r, p[u2]];
            }));
          };
          c.prototype.ec = function() {
            return wc(this.Xa);
          };
          c.prototype.bc = function() {
            return xc(this.Xa);
          };
          c.prototype.run = function(f) {
            f != null && this.bind(f);
            this.step();
            return this.reset();
          };
          c.prototype.Ub = function(f, h) {
            h == null && (h = this.Va, this.Va += 1);
            var p = ka(f);
            this.ub.push(p);
            this.db.handleError(yc(this.Xa, h, p, l(f), 0));
          };
          c.prototype.Qb = function(f, h) {
            h == null && (h = this.Va, this.Va += 1);
            var p = ha(f.length);
            v.set(f, p);
            this.ub.push(p);
            this.db.handleError(yb(this.Xa, h, p, f.length, 0));
          };
          c.prototype.Eb = function(f, h) {
            h == null && (h = this.Va, this.Va += 1);
            this.db.handleError((f === (f | 0) ? Ac : zc)(this.Xa, h, f));
          };
          c.prototype.Pb = function(f, h) {
            h == null && (h = this.Va, this.Va += 1);
            if (BigInt.asIntN(64, f) !== f) throw new RangeError("BigInt value is out of range for a 64-bit integer: " + f);
            f = Bc ? zb(this.Xa, h, f) : zb(this.Xa, h, Number(BigInt.asIntN(32, f)), Number(f >> BigInt(32)));
            this.db.handleError(f);
          };
          c.prototype.Tb = function(f) {
            f == null && (f = this.Va, this.Va += 1);
            yb(this.Xa, f, 0, 0, 0);
          };
          c.prototype.Fb = function(f, h) {
            h == null && (h = this.Va, this.Va += 1);
            switch (typeof f) {
              case "string":
                this.Ub(f, h);
                return;
              case "number":
                this.Eb(f, h);
                return;
              case "bigint":
                this.Pb(f, h);
                return;
              case "boolean":
                this.Eb(f + 0, h);
                return;
              case "object":
                if (f === null) {
                  this.Tb(h);
                  return;
                }
                if (f.length != null) {
                  this.Qb(f, h);
                  return;
                }
            }
            throw "Wrong API use : tried to bind a value of an unknown type (" + f + ").";
          };
          c.prototype.Sb = function(f) {
            var h = this;
            Object.keys(f).forEach(function(p) {
              var r = Cc(h.Xa, p);
              r !== 0 && h.Fb(f[p], r);
            });
            return true;
          };
          c.prototype.Rb = function(f) {
            for (var h = 0; h < f.length; h += 1) this.Fb(f[h], h + 1);
            return true;
          };
          c.prototype.reset = function() {
            this.freemem();
            return Nc(this.Xa) === 0 && Mc(this.Xa) === 0;
          };
          c.prototype.freemem = function() {
            for (var f; (f = this.ub.pop()) !== void 0; ) ja(f);
          };
          c.prototype.hb = function() {
            this.freemem();
            var f = Oc(this.Xa) === 0;
            delete this.db.tb[this.Xa];
            this.Xa = 0;
            return f;
          };
          e.prototype.next = function() {
            if (this.nb === null) return { done: true };
            this.fb !== null && (this.fb.hb(), this.fb = null);
            if (!this.db.db) throw this.ob(), Error("Database closed");
            var f = qa(), h = pa(4);
            ra(q2);
            ra(h);
            try {
              this.db.handleError(Ua(this.db.db, this.sb, -1, q2, h));
              this.sb = y(h, "i32");
              var p = y(q2, "i32");
              if (p === 0) return this.ob(), { done: true };
              this.fb = new c(p, this.db);
              this.db.tb[p] = this.fb;
              return { value: this.fb, done: false };
            } catch (r) {
              throw this.Ab = A(this.sb), this.ob(), r;
            } finally {
              sa(f);
            }
          };
          e.prototype.ob = function() {
            ja(this.nb);
            this.nb = null;
          };
          e.prototype["return"] = function() {
            this.fb !== null && (this.fb.hb(), this.fb = null);
            this.ob();
            return { done: true };
          };
          e.prototype.cc = function() {
            return this.Ab !== null ? this.Ab : A(this.sb);
          };
          typeof Symbol === "function" && typeof Symbol.iterator === "symbol" && (e.prototype[Symbol.iterator] = function() {
            return this;
          });
          g.prototype.run = function(f, h) {
            if (!this.db) throw "Database closed";
            if (h) {
              f = this.Bb(f, h);
              try {
                f.step();
              } finally {
                f.hb();
              }
            } else {
              f = ka(f);
              try {
                this.handleError(Ba(this.db, f, 0, 0, q2));
              } finally {
                ja(f);
              }
            }
            return this;
          };
          g.prototype.exec = function(f, h, p) {
            if (!this.db) throw "Database closed";
            var r = qa(), u2 = null, w = null, x = null;
            try {
              x = w = ka(f);
              var G = pa(4);
              for (f = []; y(x, "i8") !== 0; ) {
                ra(q2);
                ra(G);
                this.handleError(Ua(this.db, x, -1, q2, G));
                var S = y(q2, "i32");
                x = y(G, "i32");
                if (S !== 0) {
                  var D = null;
                  u2 = new c(S, this);
                  for (h != null && u2.bind(h); u2.step(); ) D === null && (D = { columns: u2.yb(), values: [] }, f.push(D)), D.values.push(u2.get(null, p));
                  u2.hb();
                }
              }
              return f;
            } catch (K) {
              throw u2 && u2.hb(), K;
            } finally {
              w && ja(w), sa(r);
            }
          };
          g.prototype.Yb = function(f, h, p, r, u2) {
            typeof h === "function" && (r = p, p = h, h = void 0);
            f = this.Bb(f, h);
            try {
              for (; f.step(); ) p(f.Ib(
                null,
                u2
              ));
            } finally {
              f.hb();
            }
            if (typeof r === "function") return r();
          };
          g.prototype.Bb = function(f, h) {
            f = ka(f);
            try {
              ra(q2), this.handleError(Ua(this.db, f, -1, q2, 0));
            } finally {
              ja(f);
            }
            f = y(q2, "i32");
            if (f === 0) throw "Nothing to prepare";
            var p = new c(f, this);
            h != null && p.bind(h);
            return this.tb[f] = p;
          };
          g.prototype.fc = function(f) {
            return new e(f, this);
          };
          g.prototype.$b = function() {
            if (!this.db) throw Error("Database closed");
            var f = this.filename + "_export";
            la(f, []);
            var h = 0, p = 0;
            try {
              var r = B(f).node, u2 = null, w = r.Ta.write;
              r.Ta = Object.create(r.Ta);
              r.Ta.write = function(S, D, K, V, T) {
                if (u2 === null) return w(S, D, K, V, T);
                r.Ya.set(D.subarray(K, K + V), T);
                r.Za = Math.max(r.Za, T + V);
                return V;
              };
              var x = U(f, q2);
              h = y(q2, "i32");
              if (x !== 0) throw Error(ia(h));
              p = Aa(h, "main", this.db, "main");
              if (p === 0) throw Error(ia(h));
              x = na(p, 0);
              if (x === 0) {
                var G = this.exec("PRAGMA main.page_count; PRAGMA main.page_size");
                u2 = new Uint8Array(G[0].values[0][0] * G[1].values[0][0]);
                r.Ya = u2;
                x = na(p, -1);
              }
              if (x === 5 || x === 6) throw Error("Unable to export: SQLite is busy or locked. Finish active write transactions before exporting.");
              if (x !== 101) throw Error(ia(h));
              x = ca(p);
              p = 0;
              if (x !== 0) throw Error(ia(h));
              x = ma(h);
              if (x !== 0) throw Error(ia(h));
              h = 0;
              u2 = new Uint8Array(r.Ya.buffer, r.Ya.byteOffset, r.Za);
              u2.length > 0 && (u2[18] = 1, u2[19] = 1);
              return u2;
            } finally {
              p !== 0 && ca(p), h !== 0 && ma(h), ta("/" + f);
            }
          };
          g.prototype.close = function() {
            this.db !== null && (Object.values(this.tb).forEach(function(f) {
              f.hb();
            }), this.ab.forEach(t), this.ab.clear(), this.ib && (oa(this.ib), this.ib = void 0), this.handleError(ma(this.db)), ta("/" + this.filename), this.db = null);
          };
          g.prototype.handleError = function(f) {
            if (f === 0) return null;
            var h = ia(this.db);
            var p = Ec(this.db);
            (p & 255) !== (f & 255) && (p = f);
            f = Error(h);
            f.code = F[p];
            f.errcode = p;
            throw f;
          };
          g.prototype.dc = function() {
            return N(this.db);
          };
          g.prototype.Xb = function(f, h) {
            var p = m(f, h.length);
            this.ab.has(p) && (t(this.ab.get(p)), this.ab.delete(p));
            var r = ua(function(u2, w, x) {
              w = d(w, x);
              try {
                var G = h.apply(null, w);
              } catch (S) {
                a(u2, S);
                return;
              }
              b(u2, G);
            }, "viii");
            this.ab.set(p, [r]);
            this.handleError(Bb(this.db, f, h.length, 1, 0, r, 0, 0, 0));
            return this;
          };
          g.prototype.Wb = function(f, h) {
            function p(D) {
              x.has(D) || x.set(D, r());
              return x.get(D);
            }
            var r = h.init || function() {
              return null;
            }, u2 = h.finalize || function(D) {
              return D;
            }, w = h.step;
            if (!w) throw "An aggregate function must have a step function in " + f;
            var x = /* @__PURE__ */ new Map();
            h = m(f, w.length - 1);
            this.ab.has(h) && (t(this.ab.get(h)), this.ab.delete(h));
            var G = ua(function(D, K, V) {
              var T = Cb(D, 1), Wa = p(T);
              K = d(K, V);
              Wa = [Wa].concat(K);
              try {
                x.set(T, w.apply(null, Wa));
              } catch (Pc) {
                x.delete(T), a(D, Pc);
              }
            }, "viii"), S = ua(
              function(D) {
                var K = Cb(D, 1);
                try {
                  var V = u2(p(K));
                } catch (T) {
                  x.delete(K);
                  a(D, T);
                  return;
                }
                b(D, V);
                x.delete(K);
              },
              "vi"
            );
            this.ab.set(h, [G, S]);
            this.handleError(Bb(this.db, f, w.length - 1, 1, 0, 0, G, S, 0));
            return this;
          };
          g.prototype.nc = function(f) {
            this.ib && (Db(this.db, 0, 0), oa(this.ib), this.ib = void 0);
            if (!f) return this;
            this.ib = ua(function(h, p, r, u2, w) {
              switch (p) {
                case 18:
                  h = "insert";
                  break;
                case 23:
                  h = "update";
                  break;
                case 9:
                  h = "delete";
                  break;
                default:
                  throw "unknown operationCode in updateHook callback: " + p;
              }
              r = A(r);
              u2 = A(u2);
              if (w > Number.MAX_SAFE_INTEGER) throw "rowId too big to fit inside a Number";
              f(h, r, u2, Number(w));
            }, "viiiij");
            Db(
              this.db,
              this.ib,
              0
            );
            return this;
          };
          c.prototype.bind = c.prototype.bind;
          c.prototype.step = c.prototype.step;
          c.prototype.get = c.prototype.get;
          c.prototype.getColumnNames = c.prototype.yb;
          c.prototype.getAsObject = c.prototype.Ib;
          c.prototype.getSQL = c.prototype.ec;
          c.prototype.getNormalizedSQL = c.prototype.bc;
          c.prototype.run = c.prototype.run;
          c.prototype.reset = c.prototype.reset;
          c.prototype.freemem = c.prototype.freemem;
          c.prototype.free = c.prototype.hb;
          e.prototype.next = e.prototype.next;
          e.prototype.getRemainingSQL = e.prototype.cc;
          g.prototype.run = g.prototype.run;
          g.prototype.exec = g.prototype.exec;
          g.prototype.each = g.prototype.Yb;
          g.prototype.prepare = g.prototype.Bb;
          g.prototype.iterateStatements = g.prototype.fc;
          g.prototype["export"] = g.prototype.$b;
          g.prototype.close = g.prototype.close;
          g.prototype.handleError = g.prototype.handleError;
          g.prototype.getRowsModified = g.prototype.dc;
          g.prototype.create_function = g.prototype.Xb;
          g.prototype.create_aggregate = g.prototype.Wb;
          g.prototype.updateHook = g.prototype.nc;
          k.Database = g;
          k.constants = Object.freeze(ea);
        };
        var va = "./this.program", wa = (a, b) => {
          throw b;
        }, xa = globalThis.document?.currentScript?.src;
        typeof __filename !== "undefined" ? xa = __filename : ba && (xa = self.location.href);
        var ya = "", za, Ca;
        if (da) {
          var fs = __require("node:fs");
          ya = __rgDirname + "/";
          Ca = (a) => {
            a = Da(a) ? new URL(a) : a;
            return fs.readFileSync(a);
          };
          za = async (a) => {
            a = Da(a) ? new URL(a) : a;
            return fs.readFileSync(a, void 0);
          };
          process.argv.length > 1 && (va = process.argv[1].replace(/\\/g, "/"));
          process.argv.slice(2);
          typeof module !== "undefined" && (module.exports = k);
          wa = (a, b) => {
            process.exitCode = a;
            throw b;
          };
        } else if (aa || ba) {
          try {
            ya = new URL(".", xa).href;
          } catch {
          }
          ba && (Ca = (a) => {
            var b = new XMLHttpRequest();
            b.open("GET", a, false);
            b.responseType = "arraybuffer";
            b.send(null);
            return new Uint8Array(b.response);
          });
          za = async (a) => {
            if (Da(a)) return new Promise((d, c) => {
              var e = new XMLHttpRequest();
              e.open("GET", a, true);
              e.responseType = "arraybuffer";
              e.onload = () => {
                e.status == 200 || e.status == 0 && e.response ? d(e.response) : c(e.status);
              };
              e.onerror = c;
              e.send(null);
            });
            var b = await fetch(a, { credentials: "same-origin" });
            if (b.ok) return b.arrayBuffer();
            throw Error(b.status + " : " + b.url);
          };
        }
        var Ea = console.log.bind(console), C = console.error.bind(console), Fa, Ga = false, Ha, Da = (a) => a.startsWith("file://");
        function Ia() {
          if (!v?.buffer?.resizable) {
            var a = Ja.buffer;
            v = new Int8Array(a);
            Ka = new Int16Array(a);
            E = new Uint8Array(a);
            H = new Int32Array(a);
            I = new Uint32Array(a);
            La = new Float32Array(a);
            Ma = new Float64Array(a);
            J = new BigInt64Array(a);
          }
        }
        function Na() {
          var a = k.preRun;
          a && (typeof a === "function" && (a = [a]), Oa.push(...a));
          for (a = Oa; a.length > 0; ) a.shift()(k);
        }
        function Pa() {
          var a = k.postRun;
          a && (typeof a === "function" && (a = [a]), Qa.push(...a));
          for (a = Qa; a.length > 0; ) a.shift()(k);
        }
        function Ra(a) {
          k.onAbort?.(a);
          a = `Aborted(${a})`;
          C(a);
          Ga = true;
          throw new WebAssembly.RuntimeError(a + ". Build with -sASSERTIONS for more info.");
        }
        var Sa;
        async function Ta(a) {
          if (!Fa) try {
            return await za(a);
          } catch {
          }
          if (a == Sa && Fa) a = new Uint8Array(Fa);
          else if (Ca) a = Ca(a);
          else throw "both async and sync fetching of the wasm failed";
          return a;
        }
        async function Va(a, b) {
          try {
            var d = await Ta(a);
            return await WebAssembly.instantiate(d, b);
          } catch (c) {
            C(`failed to asynchronously prepare wasm: ${c}`), Ra(c);
          }
        }
        async function Xa(a) {
          var b = Sa;
          if (!Fa && !Da(b) && !da) try {
            var d = fetch(b, { credentials: "same-origin" });
            return await WebAssembly.instantiateStreaming(d, a);
          } catch (c) {
            C(`wasm streaming compile failed: ${c}`), C("falling back to ArrayBuffer instantiation");
          }
          return Va(b, a);
        }
        class Ya {
          name = "ExitStatus";
          constructor(a) {
            this.message = `Program terminated with exit(${a})`;
            this.status = a;
          }
        }
        var v, Qa = [], Oa = [], Za = true, E, $a = new TextDecoder(), ab2 = (a, b, d, c) => {
          d = b + d;
          if (c) return d;
          for (; a[b] && !(b >= d); ) ++b;
          return b;
        }, A = (a, b, d) => a ? $a.decode(E.subarray(a, ab2(E, a, b, d))) : "", bb = (a, b) => {
          for (var d = 0, c = a.length - 1; c >= 0; c--) {
            var e = a[c];
            e === "." ? a.splice(c, 1) : e === ".." ? (a.splice(c, 1), d++) : d && (a.splice(c, 1), d--);
          }
          if (b) for (; d; d--) a.unshift("..");
          return a;
        }, cb = (a) => {
          var b = a.charAt(0) === "/", d = a.slice(-1) === "/";
          (a = bb(a.split("/").filter((c) => !!c), !b).join("/")) || b || (a = ".");
          a && d && (a += "/");
          return (b ? "/" : "") + a;
        }, db = (a) => {
          var b = /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/.exec(a).slice(1);
          a = b[0];
          b = b[1];
          if (!a && !b) return ".";
          b &&= b.slice(0, -1);
          return a + b;
        }, eb = (a) => a && a.match(/([^\/]+|\/)\/*$/)[1], fb = (...a) => {
          for (var b = "", d = false, c = a.length - 1; c >= -1 && !d; c--) {
            d = c >= 0 ? a[c] : "/";
            if (typeof d !== "string") throw new TypeError("Arguments to path.resolve must be strings");
            if (!d) return "";
            b = d + "/" + b;
            d = d.charAt(0) === "/";
          }
          b = bb(b.split("/").filter((e) => !!e), !d).join("/");
          return (d ? "/" : "") + b || ".";
        }, l = (a) => {
          for (var b = 0, d = 0; d < a.length; ++d) {
            var c = a.codePointAt(d);
            c <= 127 ? b++ : c <= 2047 ? b += 2 : c <= 65535 ? b += 3 : (b += 4, d++);
          }
          return b;
        }, L = (a, b, d, c) => {
          if (!(c > 0)) return 0;
          var e = d;
          c = d + c - 1;
          for (var g = 0; g < a.length; ++g) {
            var m = a.codePointAt(g);
            if (m <= 127) {
              if (d >= c) break;
              b[d++] = m;
            } else if (m <= 2047) {
              if (d + 1 >= c) break;
              b[d++] = 192 | m >> 6;
              b[d++] = 128 | m & 63;
            } else if (m <= 65535) {
              if (d + 2 >= c) break;
              b[d++] = 224 | m >> 12;
              b[d++] = 128 | m >> 6 & 63;
              b[d++] = 128 | m & 63;
            } else {
              if (d + 3 >= c) break;
              b[d++] = 240 | m >> 18;
              b[d++] = 128 | m >> 12 & 63;
              b[d++] = 128 | m >> 6 & 63;
              b[d++] = 128 | m & 63;
              g++;
            }
          }
          b[d] = 0;
          return d - e;
        }, gb = (a) => {
          var b = Array(l(a) + 1);
          a = L(a, b, 0, b.length);
          b.length = a;
          return b;
        }, hb = (a, b) => {
          var d = 0;
          a && (d |= 365);
          b && (d |= 146);
          return d;
        }, M = { cb: null, gb() {
          return M.createNode(null, "/", 16895, 0);
        }, createNode(a, b, d, c) {
          if ((d & 61440) === 24576 || (d & 61440) === 4096) throw new O(63);
          M.cb || (M.cb = { dir: { node: { $a: M.Ua.$a, eb: M.Ua.eb, lookup: M.Ua.lookup, pb: M.Ua.pb, rename: M.Ua.rename, unlink: M.Ua.unlink, rmdir: M.Ua.rmdir, readdir: M.Ua.readdir, symlink: M.Ua.symlink }, stream: { bb: M.Ta.bb } }, file: { node: { $a: M.Ua.$a, eb: M.Ua.eb }, stream: { bb: M.Ta.bb, read: M.Ta.read, write: M.Ta.write, qb: M.Ta.qb, rb: M.Ta.rb } }, link: {
            node: { $a: M.Ua.$a, eb: M.Ua.eb, readlink: M.Ua.readlink },
            stream: {}
          }, Gb: { node: { $a: M.Ua.$a, eb: M.Ua.eb }, stream: ib } });
          d = jb(a, b, d, c);
          P(d.mode) ? (d.Ua = M.cb.dir.node, d.Ta = M.cb.dir.stream, d.Ya = {}) : (d.mode & 61440) === 32768 ? (d.Ua = M.cb.file.node, d.Ta = M.cb.file.stream, d.Za = 0, d.Ya = M.Zb ?? (M.Zb = new Uint8Array(0))) : (d.mode & 61440) === 40960 ? (d.Ua = M.cb.link.node, d.Ta = M.cb.link.stream) : (d.mode & 61440) === 8192 && (d.Ua = M.cb.Gb.node, d.Ta = M.cb.Gb.stream);
          d.atime = d.mtime = d.ctime = Date.now();
          a && (a.Ya[b] = d, a.atime = a.mtime = a.ctime = d.atime);
          return d;
        }, Ua: { $a(a) {
          var b = {};
          b.dev = (a.mode & 61440) === 8192 ? a.id : 1;
          b.ino = a.id;
          b.mode = a.mode;
          b.nlink = 1;
          b.uid = 0;
          b.gid = 0;
          b.rdev = a.rdev;
          P(a.mode) ? b.size = 4096 : (a.mode & 61440) === 32768 ? b.size = a.Za : (a.mode & 61440) === 40960 ? b.size = a.link.length : b.size = 0;
          b.atime = new Date(a.atime);
          b.mtime = new Date(a.mtime);
          b.ctime = new Date(a.ctime);
          b.blksize = 4096;
          b.blocks = Math.ceil(b.size / b.blksize);
          return b;
        }, eb(a, b) {
          for (var d of ["mode", "atime", "mtime", "ctime"]) b[d] != null && (a[d] = b[d]);
          b.size !== void 0 && (b = b.size, a.Za != b && (d = a.Ya, a.Ya = new Uint8Array(b), a.Ya.set(d.subarray(0, Math.min(
            b,
            a.Za
          ))), a.Za = b));
        }, lookup() {
          M.wb || (M.wb = new O(44), M.wb.stack = "<generic error, no stack>");
          throw M.wb;
        }, pb(a, b, d, c) {
          return M.createNode(a, b, d, c);
        }, rename(a, b, d) {
          try {
            var c = kb(b, d);
          } catch (g) {
          }
          if (c && P(a.mode)) for (var e in c.Ya) throw new O(55);
          delete a.parent.Ya[a.name];
          b.Ya[d] = a;
          a.name = d;
          b.ctime = b.mtime = a.parent.ctime = a.parent.mtime = Date.now();
        }, unlink(a, b) {
          delete a.Ya[b];
          a.ctime = a.mtime = Date.now();
        }, rmdir(a, b) {
          var d = kb(a, b), c;
          for (c in d.Ya) throw new O(55);
          delete a.Ya[b];
          a.ctime = a.mtime = Date.now();
        }, readdir(a) {
          return [
            ".",
            "..",
            ...Object.keys(a.Ya)
          ];
        }, symlink(a, b, d) {
          a = M.createNode(a, b, 41471, 0);
          a.link = d;
          return a;
        }, readlink(a) {
          if ((a.mode & 61440) !== 40960) throw new O(28);
          return a.link;
        } }, Ta: { read(a, b, d, c, e) {
          if (e >= a.node.Za) return 0;
          c = Math.min(a.node.Za - e, c);
          b.set(a.node.Ya.subarray(e, e + c), d);
          return c;
        }, write(a, b, d, c, e, g) {
          b.buffer === v.buffer && (g = false);
          if (!c) return 0;
          a = a.node;
          a.mtime = a.ctime = Date.now();
          if (g) a.Ya = b.subarray(d, d + c), a.Za = c;
          else if (a.Za || e) {
            g = e + c;
            var m = a.Ya.length;
            m >= g || (g = Math.max(g, m * (m < 1048576 ? 2 : 1.125) >>> 0), m && (g = Math.max(g, 256)), m = a.Ya.subarray(0, a.Za), a.Ya = new Uint8Array(g), a.Ya.set(m));
            a.Ya.set(b.subarray(d, d + c), e);
            a.Za = Math.max(a.Za, e + c);
          } else a.Ya = b.slice(d, d + c), a.Za = c;
          return c;
        }, bb(a, b, d) {
          d === 1 ? b += a.position : d === 2 && (a.node.mode & 61440) === 32768 && (b += a.node.Za);
          if (b < 0) throw new O(28);
          return b;
        }, qb(a, b, d, c, e) {
          if ((a.node.mode & 61440) !== 32768) throw new O(43);
          a = a.node.Ya;
          if (e & 2 || a.buffer !== v.buffer) {
            e = true;
            c = Math.ceil(b / 65536) * 65536;
            var g = lb(65536, c);
            g && E.fill(0, g, g + c);
            c = g;
            if (!c) throw new O(48);
            if (a) {
              if (d > 0 || d + b < a.length) a = a.subarray ? a.subarray(d, d + b) : a.slice(d, d + b);
              v.set(a, c);
            }
          } else e = false, c = a.byteOffset;
          return { lc: c, Ob: e };
        }, rb(a, b, d, c) {
          M.Ta.write(a, b, 0, c, d, false);
          return 0;
        } } }, mb = [], nb = (a) => {
          var b = ab2(a, 0);
          return $a.decode(a.buffer ? a.subarray(0, b) : new Uint8Array(a.slice(0, b)));
        }, ob = [];
        function pb(a, b) {
          ob[a] = { input: [], output: [], mb: b };
          qb(a, rb2);
        }
        var rb2 = { open(a) {
          var b = ob[a.node.rdev];
          if (!b) throw new O(43);
          a.tty = b;
          a.seekable = false;
        }, close(a) {
          a.tty.mb.fsync(a.tty);
        }, fsync(a) {
          a.tty.mb.fsync(a.tty);
        }, read(a, b, d, c) {
          if (!a.tty || !a.tty.mb.Lb) throw new O(60);
          for (var e = 0, g = 0; g < c; g++) {
            try {
              var m = a.tty.mb.Lb(a.tty);
            } catch (t) {
              throw new O(29);
            }
            if (m === void 0 && !e) throw new O(6);
            if (m === null || m === void 0) break;
            e++;
            b[d + g] = m;
            if (m === 10) break;
          }
          e && (a.node.atime = Date.now());
          return e;
        }, write(a, b, d, c) {
          if (!a.tty || !a.tty.mb.Cb) throw new O(60);
          try {
            for (var e = 0; e < c; e++) a.tty.mb.Cb(
              a.tty,
              b[d + e]
            );
          } catch (g) {
            throw new O(29);
          }
          c && (a.node.mtime = a.node.ctime = Date.now());
          return e;
        } }, sb = {
          Lb() {
            a: {
              if (!mb.length) {
                var a = null;
                if (da) {
                  var b = Buffer.alloc(256), d = 0;
                  try {
                    d = fs.readSync(process.stdin.fd, b, 0, 256);
                  } catch (c) {
                    if (c.toString().includes("EOF")) d = 0;
                    else throw c;
                  }
                  d > 0 && (a = b.toString("utf-8", 0, d));
                } else globalThis.window?.prompt && (a = window.prompt("Input: "), a !== null && (a += "\n"));
                if (!a) {
                  a = null;
                  break a;
                }
                mb = gb(a);
              }
              a = mb.shift();
            }
            return a;
          },
          Cb(a, b) {
            b === null || b === 10 ? (Ea(nb(a.output)), a.output = []) : b != 0 && a.output.push(b);
          },
          fsync(a) {
            a.output?.length > 0 && (Ea(nb(a.output)), a.output = []);
          },
          vc() {
            return { rc: 25856, tc: 5, qc: 191, sc: 35387, oc: [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] };
          },
          wc() {
            return 0;
          },
          xc() {
            return [24, 80];
          }
        }, tb = { Cb(a, b) {
          b === null || b === 10 ? (C(nb(a.output)), a.output = []) : b != 0 && a.output.push(b);
        }, fsync(a) {
          a.output?.length > 0 && (C(nb(a.output)), a.output = []);
        } }, xb = () => {
          if (da) {
            var a = __require("node:crypto");
            return (b) => (a.randomFillSync(b), 0);
          }
          return (b) => (crypto.getRandomValues(b), 0);
        }, Eb = (a) => (Eb = xb())(a), Fb = null, Gb = {}, Hb = [], Ib = 1, Q = [], Jb = false, Kb = true, Lb = {}, O = class {
          name = "ErrnoError";
          constructor(a) {
            this.Wa = a;
          }
        }, Mb = class {
          shared = {};
          node = null;
          get flags() {
            return this.shared.flags;
          }
          set flags(a) {
            this.shared.flags = a;
          }
          get position() {
            return this.shared.position;
          }
          set position(a) {
            this.shared.position = a;
          }
        }, Nb = class {
          Ua = {};
          Ta = {};
          kb = null;
          listeners = null;
          Db = 0;
          constructor(a, b, d, c) {
            a ||= this;
            this.parent = a;
            this.gb = a.gb;
            this.id = Ib++;
            this.name = b;
            this.mode = d;
            this.rdev = c;
            this.atime = this.mtime = this.ctime = Date.now();
          }
          get read() {
            return (this.mode & 365) === 365;
          }
          set read(a) {
            a ? this.mode |= 365 : this.mode &= -366;
          }
          get write() {
            return (this.mode & 146) === 146;
          }
          set write(a) {
            a ? this.mode |= 146 : this.mode &= -147;
          }
          kc() {
            if (this.listeners) {
              var a;
              for (b of this.listeners) b.exclusive ? (a ||= []).push(b) : b.Vb(32);
              if (a) {
                var b = (this.Db || 0) % a.length;
                this.Db = b + 1;
                a[b].Vb(32);
              }
            }
          }
        };
        function B(a, b = {}) {
          if (!a) throw new O(44);
          b.xb ?? (b.xb = true);
          a.charAt(0) === "/" || (a = "//" + a);
          var d = 0;
          a: for (; d < 40; d++) {
            a = a.split("/").filter((t) => !!t);
            for (var c = Fb, e = "/", g = 0; g < a.length; g++) {
              var m = g === a.length - 1;
              if (m && b.parent) break;
              if (a[g] !== ".") if (a[g] === "..") if (e = db(e), c === c.parent) {
                a = e + "/" + a.slice(g + 1).join("/");
                d--;
                continue a;
              } else c = c.parent;
              else {
                e = cb(e + "/" + a[g]);
                try {
                  c = kb(c, a[g]);
                } catch (t) {
                  if (t?.Wa === 44 && m && b.jc) return { path: e };
                  throw t;
                }
                !c.kb || m && !b.xb || (c = c.kb.root);
                if ((c.mode & 61440) === 40960 && (!m || b.jb)) {
                  if (!c.Ua.readlink) throw new O(52);
                  c = c.Ua.readlink(c);
                  c.charAt(0) === "/" || (c = db(e) + "/" + c);
                  a = c + "/" + a.slice(g + 1).join("/");
                  continue a;
                }
              }
            }
            return { path: e, node: c };
          }
          throw new O(32);
        }
        function Ob(a) {
          for (var b; ; ) {
            if (a === a.parent) return a = a.gb.Nb, b ? a[a.length - 1] !== "/" ? `${a}/${b}` : a + b : a;
            b = b ? `${a.name}/${b}` : a.name;
            a = a.parent;
          }
        }
        function Pb(a, b) {
          for (var d = 0, c = 0; c < b.length; c++) d = (d << 5) - d + b.charCodeAt(c) | 0;
          return (a + d >>> 0) % Q.length;
        }
        function Qb(a) {
          var b = Pb(a.parent.id, a.name);
          if (Q[b] === a) Q[b] = a.lb;
          else for (b = Q[b]; b; ) {
            if (b.lb === a) {
              b.lb = a.lb;
              break;
            }
            b = b.lb;
          }
        }
        function kb(a, b) {
          var d = P(a.mode) ? (d = Rb(a, "x")) ? d : a.Ua.lookup ? 0 : 2 : 54;
          if (d) throw new O(d);
          for (d = Q[Pb(a.id, b)]; d; d = d.lb) {
            var c = d.name;
            if (d.parent.id === a.id && c === b) return d;
          }
          return a.Ua.lookup(a, b);
        }
        function jb(a, b, d, c) {
          a = new Nb(a, b, d, c);
          b = Pb(a.parent.id, a.name);
          a.lb = Q[b];
          return Q[b] = a;
        }
        function P(a) {
          return (a & 61440) === 16384;
        }
        function Rb(a, b) {
          return Kb ? 0 : b.includes("r") && !(a.mode & 292) || b.includes("w") && !(a.mode & 146) || b.includes("x") && !(a.mode & 73) ? 2 : 0;
        }
        function Sb(a, b) {
          if (!P(a.mode)) return 54;
          try {
            return kb(a, b), 20;
          } catch (d) {
          }
          return Rb(a, "wx");
        }
        function Tb(a, b, d) {
          try {
            var c = kb(a, b);
          } catch (e) {
            return e.Wa;
          }
          if (a = Rb(a, "wx")) return a;
          if (d) {
            if (!P(c.mode)) return 54;
            if (c === c.parent || Ob(c) === "/") return 10;
          } else if (P(c.mode)) return 31;
          return 0;
        }
        function Ub(a) {
          if (!a) throw new O(63);
          return a;
        }
        function R(a) {
          a = Hb[a];
          if (!a) throw new O(8);
          return a;
        }
        function Vb(a, b = -1) {
          a = Object.assign(new Mb(), a);
          if (b == -1) a: {
            for (b = 0; b <= 4096; b++) if (!Hb[b]) break a;
            throw new O(33);
          }
          a.fd = b;
          return Hb[b] = a;
        }
        function Wb(a, b = -1) {
          a = Vb(a, b);
          a.Ta?.uc?.(a);
          return a;
        }
        function Xb(a, b, d) {
          var c = a?.Ta.eb;
          a = c ? a : b;
          c ??= b.Ua.eb;
          Ub(c);
          try {
            c(a, d);
          } catch (e) {
            if (e instanceof RangeError) throw new O(22);
            throw e;
          }
        }
        var ib = { open(a) {
          a.Ta = Gb[a.node.rdev].Ta;
          a.Ta.open?.(a);
        }, bb() {
          throw new O(70);
        } };
        function qb(a, b) {
          Gb[a] = { Ta: b };
        }
        function Yb(a, b) {
          var d = b === "/";
          if (d && Fb) throw new O(10);
          if (!d && b) {
            var c = B(b, { xb: false });
            b = c.path;
            c = c.node;
            if (c.kb) throw new O(10);
            if (!P(c.mode)) throw new O(54);
          }
          b = { type: a, yc: {}, Nb: b, hc: [] };
          a = a.gb(b);
          a.gb = b;
          b.root = a;
          d ? Fb = a : c && (c.kb = b, c.gb && c.gb.hc.push(b));
        }
        function Zb(a, b, d) {
          var c = B(a, { parent: true }).node;
          a = eb(a);
          if (!a) throw new O(28);
          if (a === "." || a === "..") throw new O(20);
          var e = Sb(c, a);
          if (e) throw new O(e);
          if (!c.Ua.pb) throw new O(63);
          return c.Ua.pb(c, a, b, d);
        }
        function $b(a, b = 438) {
          return Zb(a, b & 4095 | 32768, 0);
        }
        function W(a, b = 511) {
          return Zb(a, b & 1023 | 16384, 0);
        }
        function ac(a, b, d) {
          typeof d === "undefined" && (d = b, b = 438);
          Zb(a, b | 8192, d);
        }
        function bc(a, b) {
          if (!fb(a)) throw new O(44);
          var d = B(b, { parent: true }).node;
          if (!d) throw new O(44);
          b = eb(b);
          var c = Sb(d, b);
          if (c) throw new O(c);
          if (!d.Ua.symlink) throw new O(63);
          d.Ua.symlink(d, b, a);
        }
        function cc(a) {
          var b = B(a, { parent: true }).node;
          a = eb(a);
          var d = kb(b, a), c = Tb(b, a, true);
          if (c) throw new O(c);
          if (!b.Ua.rmdir) throw new O(63);
          if (d.kb) throw new O(10);
          b.Ua.rmdir(b, a);
          Qb(d);
        }
        function ta(a) {
          var b = B(a, { parent: true }).node;
          if (!b) throw new O(44);
          a = eb(a);
          var d = kb(b, a), c = Tb(b, a, false);
          if (c) throw new O(c);
          if (!b.Ua.unlink) throw new O(63);
          if (d.kb) throw new O(10);
          b.Ua.unlink(b, a);
          Qb(d);
        }
        function dc(a, b = false) {
          a = B(a, { jb: !b }).node;
          return Ub(a.Ua.$a)(a);
        }
        function ec2(a, b, d) {
          Xb(a, b, { mode: d & 4095 | b.mode & -4096, ctime: Date.now(), Hb: false });
        }
        function fc(a, b) {
          a = typeof a === "string" ? B(a, { jb: true }).node : a;
          ec2(null, a, b);
        }
        function hc(a, b, d) {
          if (P(b.mode)) throw new O(31);
          if ((b.mode & 61440) !== 32768) throw new O(28);
          var c = Rb(b, "w");
          if (c) throw new O(c);
          Xb(a, b, { size: d, timestamp: Date.now() });
        }
        function ic(a, b, d, c = false) {
          a = B(a, { jb: !c });
          Xb(null, a.node, { atime: b, mtime: d, Hb: c });
        }
        function jc(a, b, d = 438) {
          if (a === "") throw new O(44);
          if (typeof b === "string") {
            var c = { r: 0, "r+": 2, w: 577, "w+": 578, a: 1089, "a+": 1090 }[b];
            if (typeof c === "undefined") throw Error(`Unknown file open mode: ${b}`);
            b = c;
          }
          d = b & 64 ? d & 4095 | 32768 : 0;
          if (typeof a === "object") c = a;
          else {
            var e = a.endsWith("/");
            a = B(a, { jb: !(b & 131072), jc: true });
            c = a.node;
            a = a.path;
          }
          var g = false;
          if (b & 64) if (c) {
            if (b & 128) throw new O(20);
          } else {
            if (e) throw new O(31);
            c = Zb(a, d | 511, 0);
            g = true;
          }
          if (!c) throw new O(44);
          (c.mode & 61440) === 8192 && (b &= -513);
          if (b & 65536 && !P(c.mode)) throw new O(54);
          if (!g && (c ? (c.mode & 61440) === 40960 ? e = 32 : (e = ["r", "w", "rw"][b & 3], b & 512 && (e += "w"), e = P(c.mode) && (e !== "r" || b & 576) ? 31 : Rb(c, e)) : e = 44, e)) throw new O(e);
          b & 512 && !g && (e = c, e = typeof e === "string" ? B(e, { jb: true }).node : e, hc(null, e, 0));
          b &= -131713;
          e = Vb({ node: c, path: Ob(c), flags: b, seekable: true, position: 0, Ta: c.Ta, mc: [], error: false });
          e.Ta.open && e.Ta.open(e);
          g && fc(c, d & 511);
          !k.logReadFiles || b & 1 || a in Lb || (Lb[a] = 1, C(`read file: ${a}`));
          return e;
        }
        function kc(a) {
          if (a.fd === null) throw new O(8);
          a.zb && (a.zb = null);
          a.node?.kc();
          try {
            a.Ta.close && a.Ta.close(a);
          } catch (b) {
            throw b;
          } finally {
            Hb[a.fd] = null;
          }
          a.fd = null;
        }
        function lc(a, b, d) {
          if (a.fd === null) throw new O(8);
          if (!a.seekable || !a.Ta.bb) throw new O(70);
          if (d != 0 && d != 1 && d != 2) throw new O(28);
          a.position = a.Ta.bb(a, b, d);
          a.mc = [];
        }
        function mc(a, b, d, c, e) {
          if (c < 0 || e < 0) throw new O(28);
          if (a.fd === null) throw new O(8);
          if ((a.flags & 2097155) === 0) throw new O(8);
          if (P(a.node.mode)) throw new O(31);
          if (!a.Ta.write) throw new O(28);
          a.seekable && a.flags & 1024 && lc(a, 0, 2);
          var g = typeof e !== "undefined";
          if (!g) e = a.position;
          else if (!a.seekable) throw new O(70);
          b = a.Ta.write(a, b, d, c, e, void 0);
          g || (a.position += b);
          return b;
        }
        function Qc() {
          var a, b, d;
          Jb = true;
          a ??= k.stdin;
          b ??= k.stdout;
          d ??= k.stderr;
          a ? X("stdin", a) : bc("/dev/tty", "/dev/stdin");
          b ? X("stdout", null, b) : bc("/dev/tty", "/dev/stdout");
          d ? X("stderr", null, d) : bc("/dev/tty1", "/dev/stderr");
          jc("/dev/stdin", 0);
          jc("/dev/stdout", 1);
          jc("/dev/stderr", 1);
        }
        function la(a, b) {
          var d = "/", c = a;
          d && (d = typeof d === "string" ? d : Ob(d), c = a ? cb(d + "/" + a) : d);
          a = hb(true, true);
          c = $b(c, a);
          b && (typeof b === "string" && (b = gb(b)), b.subarray || (b = new Uint8Array(b)), fc(c, a | 146), d = jc(c, 577), mc(d, b, 0, b.length, 0), kc(d), fc(c, a));
        }
        function X(a, b, d) {
          a = cb("/dev/" + a);
          var c = hb(!!b, !!d);
          X.Mb ?? (X.Mb = 64);
          var e = X.Mb++ << 8 | 0;
          qb(e, { open(g) {
            g.seekable = false;
          }, close() {
            d?.buffer?.length && d(10);
          }, read(g, m, t, z) {
            for (var q2 = 0, n = 0; n < z; n++) {
              try {
                var F = b();
              } catch (U) {
                throw new O(29);
              }
              if (F === void 0 && !q2) throw new O(6);
              if (F === null || F === void 0) break;
              q2++;
              m[t + n] = F;
            }
            q2 && (g.node.atime = Date.now());
            return q2;
          }, write(g, m, t, z) {
            for (var q2 = 0; q2 < z; q2++) try {
              d(m[t + q2]);
            } catch (n) {
              throw new O(29);
            }
            z && (g.node.mtime = g.node.ctime = Date.now());
            return q2;
          } });
          ac(a, c, e);
        }
        var Y = {}, H, J, I;
        function Rc(a, b, d = false) {
          if (b.charAt(0) === "/") return b;
          a = a === -100 ? "/" : R(a).path;
          if (b.length == 0) {
            if (!d) throw new O(44);
            return a;
          }
          return a + "/" + b;
        }
        function Sc(a, b) {
          I[a >> 2] = b.dev;
          I[a + 4 >> 2] = b.mode;
          I[a + 8 >> 2] = b.nlink;
          I[a + 12 >> 2] = b.uid;
          I[a + 16 >> 2] = b.gid;
          I[a + 20 >> 2] = b.rdev;
          J[a + 24 >> 3] = BigInt(b.size);
          H[a + 32 >> 2] = 4096;
          H[a + 36 >> 2] = b.blocks;
          var d = b.atime.getTime(), c = b.mtime.getTime(), e = b.ctime.getTime();
          J[a + 40 >> 3] = BigInt(Math.floor(d / 1e3));
          I[a + 48 >> 2] = d % 1e3 * 1e3 * 1e3;
          J[a + 56 >> 3] = BigInt(Math.floor(c / 1e3));
          I[a + 64 >> 2] = c % 1e3 * 1e3 * 1e3;
          J[a + 72 >> 3] = BigInt(Math.floor(e / 1e3));
          I[a + 80 >> 2] = e % 1e3 * 1e3 * 1e3;
          J[a + 88 >> 3] = BigInt(b.ino);
          return 0;
        }
        var Tc = void 0, Ka, Uc = () => {
          var a = H[+Tc >> 2];
          Tc += 4;
          return a;
        }, Vc = 0, Wc = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335], Xc = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334], Yc = (a) => {
          Ha = a;
          Za || Vc > 0 || (k.onExit?.(a), Ga = true);
          wa(a, new Ya(a));
        }, Zc = {}, $c = {}, bd = () => {
          if (!ad) {
            var a = { USER: "web_user", LOGNAME: "web_user", PATH: "/", PWD: "/", HOME: "/home/web_user", LANG: (globalThis.navigator?.language ?? "C").replace("-", "_") + ".UTF-8", _: va }, b;
            for (b in $c) $c[b] === void 0 ? delete a[b] : a[b] = $c[b];
            var d = [];
            for (b in a) d.push(`${b}=${a[b]}`);
            ad = d;
          }
          return ad;
        }, ad, La, Ma;
        function ra(a) {
          var b = "i32";
          b.endsWith("*") && (b = "*");
          switch (b) {
            case "i1":
              v[a] = 0;
              break;
            case "i8":
              v[a] = 0;
              break;
            case "i16":
              Ka[a >> 1] = 0;
              break;
            case "i32":
              H[a >> 2] = 0;
              break;
            case "i64":
              J[a >> 3] = BigInt(0);
              break;
            case "float":
              La[a >> 2] = 0;
              break;
            case "double":
              Ma[a >> 3] = 0;
              break;
            case "*":
              I[a >> 2] = 0;
              break;
            default:
              Ra(`invalid type for setValue: ${b}`);
          }
        }
        function y(a, b = "i8") {
          b.endsWith("*") && (b = "*");
          switch (b) {
            case "i1":
              return v[a];
            case "i8":
              return v[a];
            case "i16":
              return Ka[a >> 1];
            case "i32":
              return H[a >> 2];
            case "i64":
              return J[a >> 3];
            case "float":
              return La[a >> 2];
            case "double":
              return Ma[a >> 3];
            case "*":
              return I[a >> 2];
            default:
              Ra(`invalid type for getValue: ${b}`);
          }
        }
        var cd = (a, b, d, c) => {
          var e = { string: (q2) => {
            var n = 0;
            if (q2 !== null && q2 !== void 0 && q2 !== 0) {
              n = l(q2) + 1;
              var F = pa(n);
              L(q2, E, F, n);
              n = F;
            }
            return n;
          }, array: (q2) => {
            var n = pa(q2.length);
            v.set(q2, n);
            return n;
          } };
          a = k["_" + a];
          var g = [], m = 0;
          if (c) for (var t = 0; t < c.length; t++) {
            var z = e[d[t]];
            z ? (m ||= qa(), g[t] = z(c[t])) : g[t] = c[t];
          }
          d = a(...g);
          return d = (function(q2) {
            m && sa(m);
            return b === "string" ? A(q2) : b === "boolean" ? !!q2 : q2;
          })(d);
        }, ka = (a) => {
          var b = l(a) + 1, d = ha(b);
          d && L(a, E, d, b);
          return d;
        }, dd = [], ed, oa = (a) => {
          ed.delete(Z.get(a));
          Z.set(a, null);
          dd.push(a);
        }, fd = (a) => {
          var b = a.length;
          return [b % 128 | 128, b >> 7, ...a];
        }, gd = { i: 127, p: 127, j: 126, f: 125, d: 124, e: 111 }, hd = (a) => fd(Array.from(a, (b) => gd[b])), ua = (a, b) => {
          if (!ed) {
            ed = /* @__PURE__ */ new WeakMap();
            var d = Z.length;
            if (ed) for (var c = 0; c < 0 + d; c++) {
              var e = Z.get(c);
              e && ed.set(e, c);
            }
          }
          if (d = ed.get(a) || 0) return d;
          d = dd.length ? dd.pop() : Z.grow(1);
          try {
            Z.set(d, a);
          } catch (g) {
            if (!(g instanceof TypeError)) throw g;
            b = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, ...fd([1, 96, ...hd(b.slice(1)), ...hd(b[0] === "v" ? "" : b[0])]), 2, 7, 1, 1, 101, 1, 102, 0, 0, 7, 5, 1, 1, 102, 0, 0);
            b = new WebAssembly.Module(b);
            b = new WebAssembly.Instance(
              b,
              { e: { f: a } }
            ).exports.f;
            Z.set(d, b);
          }
          ed.set(a, d);
          return d;
        };
        Q.length = 4096;
        Yb(M, "/");
        W("/tmp");
        W("/home");
        W("/home/web_user");
        (function() {
          W("/dev");
          qb(259, { read: () => 0, write: (c, e, g, m) => m, bb: () => 0 });
          ac("/dev/null", 259);
          pb(1280, sb);
          pb(1536, tb);
          ac("/dev/tty", 1280);
          ac("/dev/tty1", 1536);
          var a = new Uint8Array(1024), b = 0, d = () => {
            b || (Eb(a), b = a.byteLength);
            return a[--b];
          };
          X("random", d);
          X("urandom", d);
          W("/dev/shm");
          W("/dev/shm/tmp");
        })();
        (function() {
          W("/proc");
          var a = W("/proc/self");
          W("/proc/self/fd");
          Yb({ gb() {
            var b = jb(a, "fd", 16895, 73);
            b.Ta = { bb: M.Ta.bb };
            b.Ua = { lookup(d, c) {
              d = +c;
              var e = R(d);
              d = { parent: null, gb: { Nb: "fake" }, Ua: { readlink: () => e.path }, id: d + 1 };
              return d.parent = d;
            }, readdir() {
              return Array.from(Hb.entries()).filter(([, d]) => d).map(([d]) => d.toString());
            } };
            return b;
          } }, "/proc/self/fd");
        })();
        k.noExitRuntime && (Za = k.noExitRuntime);
        k.print && (Ea = k.print);
        k.printErr && (C = k.printErr);
        k.wasmBinary && (Fa = k.wasmBinary);
        k.thisProgram && (va = k.thisProgram);
        var jd = k.preInit;
        if (jd) for (typeof jd === "function" && (k.preInit = jd = [jd]); jd.length > 0; ) jd.shift()();
        k.stackSave = () => qa();
        k.stackRestore = (a) => sa(a);
        k.stackAlloc = (a) => pa(a);
        k.cwrap = (a, b, d, c) => {
          var e = !d || d.every((g) => g === "number" || g === "boolean");
          return b !== "string" && e && !c ? k["_" + a] : (...g) => cd(a, b, d, g);
        };
        k.addFunction = ua;
        k.removeFunction = oa;
        k.UTF8ToString = A;
        k.lengthBytesUTF8 = l;
        k.stringToNewUTF8 = ka;
        k.writeArrayToMemory = (a, b) => {
          v.set(a, b);
        };
        var ha, ja, lb, kd, sa, pa, qa, Ja, Z, ld = {
          a: (a, b, d, c) => Ra(`Assertion failed: ${A(a)}, at: ` + [b ? A(b) : "unknown filename", d, c ? A(c) : "unknown function"]),
          i: function(a, b) {
            try {
              return a = A(a), fc(a, b), 0;
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          D: function(a, b, d) {
            try {
              b = A(b);
              b = Rc(a, b);
              if (d & -8) return -28;
              var c = B(b, { jb: true }).node;
              if (!c) return -44;
              a = "";
              d & 4 && (a += "r");
              d & 2 && (a += "w");
              d & 1 && (a += "x");
              return a && Rb(c, a) ? -2 : 0;
            } catch (e) {
              if (typeof Y === "undefined" || e.name !== "ErrnoError") throw e;
              return -e.Wa;
            }
          },
          j: function(a, b) {
            try {
              var d = R(a);
              ec2(d, d.node, b);
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          h: function(a) {
            try {
              var b = R(a);
              Xb(b, b.node, { timestamp: Date.now(), Hb: false });
              return 0;
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          b: function(a, b, d) {
            Tc = d;
            try {
              var c = R(a);
              switch (b) {
                case 0:
                  var e = Uc();
                  if (e < 0) break;
                  for (; Hb[e]; ) e++;
                  return Wb(c, e).fd;
                case 1:
                case 2:
                  return 0;
                case 3:
                  return c.flags;
                case 4:
                  return e = Uc(), c.flags = c.flags & -289793 | e & 289792, 0;
                case 12:
                  return e = Uc(), Ka[e + 0 >> 1] = 2, 0;
                case 13:
                case 14:
                  return 0;
              }
              return -28;
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return -g.Wa;
            }
          },
          g: function(a, b) {
            try {
              var d = R(a), c = d.node, e = d.Ta.$a;
              a = e ? d : c;
              e ??= c.Ua.$a;
              Ub(e);
              var g = e(a);
              return Sc(b, g);
            } catch (m) {
              if (typeof Y === "undefined" || m.name !== "ErrnoError") throw m;
              return -m.Wa;
            }
          },
          J: function(a, b) {
            b = b < -9007199254740992 || b > 9007199254740992 ? NaN : Number(b);
            try {
              if (isNaN(b)) return -22;
              var d = R(a);
              if (b < 0 || (d.flags & 2097155) === 0) throw new O(28);
              hc(
                d,
                d.node,
                b
              );
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          I: function(a, b) {
            try {
              if (!b) return -28;
              var d = l("/") + 1;
              if (b < d) return -68;
              L("/", E, a, b);
              return d;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          F: () => 0,
          M: function(a, b) {
            try {
              return a = A(a), Sc(b, dc(a, true));
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          C: function(a, b, d) {
            try {
              return b = A(b), b = Rc(a, b), W(b, d & -19), 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          L: function(a, b, d, c) {
            try {
              b = A(b);
              var e = c & 256;
              b = Rc(a, b, c & 4096);
              return Sc(d, e ? dc(b, true) : dc(b));
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return -g.Wa;
            }
          },
          x: function(a, b, d, c) {
            Tc = c;
            try {
              b = A(b);
              b = Rc(a, b);
              var e = c ? Uc() : 0;
              d & 64 && (e &= -19);
              return jc(b, d, e).fd;
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return -g.Wa;
            }
          },
          s: function(a, b, d, c) {
            try {
              b = A(b);
              b = Rc(a, b);
              if (c <= 0) return -28;
              var e = B(b).node;
              if (!e) throw new O(44);
              if (!e.Ua.readlink) throw new O(28);
              var g = e.Ua.readlink(e);
              var m = Math.min(c, l(g)), t = v[d + m];
              L(g, E, d, c + 1);
              v[d + m] = t;
              return m;
            } catch (z) {
              if (typeof Y === "undefined" || z.name !== "ErrnoError") throw z;
              return -z.Wa;
            }
          },
          r: function(a) {
            try {
              return a = A(a), cc(a), 0;
            } catch (b) {
              if (typeof Y === "undefined" || b.name !== "ErrnoError") throw b;
              return -b.Wa;
            }
          },
          N: function(a, b) {
            try {
              return a = A(a), Sc(b, dc(a));
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return -d.Wa;
            }
          },
          o: function(a, b, d) {
            try {
              b = A(b);
              b = Rc(a, b);
              if (d) if (d === 512) cc(b);
              else return -28;
              else ta(b);
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return -c.Wa;
            }
          },
          n: function(a, b, d, c) {
            try {
              c &= 256;
              b = A(b);
              b = Rc(a, b, true);
              var e = Date.now();
              if (d) {
                let t2 = function(z) {
                  var q2 = H[z + 8 >> 2];
                  return q2 == 1073741823 ? e : q2 == 1073741822 ? null : (I[z >> 2] + H[z + 4 >> 2] * 4294967296) * 1e3 + Math.floor(q2 / 1e6);
                };
                var t = t2;
                var g = t2(d);
                var m = t2(d + 16);
              } else m = g = e;
              (m ?? g) !== null && ic(b, g, m, c);
              return 0;
            } catch (t2) {
              if (typeof Y === "undefined" || t2.name !== "ErrnoError") throw t2;
              return -t2.Wa;
            }
          },
          w: () => Ra(""),
          v: () => {
            Za = false;
            Vc = 0;
          },
          A: function(a, b) {
            a = a < -9007199254740992 || a > 9007199254740992 ? NaN : Number(a);
            a = new Date(a * 1e3);
            if (isNaN(a.getTime())) return 1;
            H[b >> 2] = a.getSeconds();
            H[b + 4 >> 2] = a.getMinutes();
            H[b + 8 >> 2] = a.getHours();
            H[b + 12 >> 2] = a.getDate();
            H[b + 16 >> 2] = a.getMonth();
            H[b + 20 >> 2] = a.getFullYear() - 1900;
            H[b + 24 >> 2] = a.getDay();
            var d = a.getFullYear();
            H[b + 28 >> 2] = (d % 4 !== 0 || d % 100 === 0 && d % 400 !== 0 ? Xc : Wc)[a.getMonth()] + a.getDate() - 1 | 0;
            H[b + 36 >> 2] = -(a.getTimezoneOffset() * 60);
            d = new Date(a.getFullYear(), 6, 1).getTimezoneOffset();
            var c = new Date(a.getFullYear(), 0, 1).getTimezoneOffset();
            H[b + 32 >> 2] = (d != c && a.getTimezoneOffset() == Math.min(c, d)) | 0;
            return 0;
          },
          y: function(a, b, d, c, e, g, m) {
            e = e < -9007199254740992 || e > 9007199254740992 ? NaN : Number(e);
            try {
              var t = R(c);
              if (b & 2 && !(d & 2) && (t.flags & 2097155) !== 2) throw new O(2);
              if ((t.flags & 2097155) === 1) throw new O(2);
              if (!t.Ta.qb) throw new O(43);
              if (!a) throw new O(28);
              var z = t.Ta.qb(t, a, e, b, d);
              var q2 = z.lc;
              H[g >> 2] = z.Ob;
              I[m >> 2] = q2;
              return 0;
            } catch (n) {
              if (typeof Y === "undefined" || n.name !== "ErrnoError") throw n;
              return -n.Wa;
            }
          },
          z: function(a, b, d, c, e, g) {
            g = g < -9007199254740992 || g > 9007199254740992 ? NaN : Number(g);
            try {
              var m = R(e);
              if (d & 2) {
                if ((m.node.mode & 61440) !== 32768) throw new O(43);
                c & 2 || m.Ta.rb && m.Ta.rb(m, E.subarray(a, a + b), g, b, c);
              }
            } catch (t) {
              if (typeof Y === "undefined" || t.name !== "ErrnoError") throw t;
              return -t.Wa;
            }
          },
          k: (a, b) => {
            Zc[a] && (clearTimeout(Zc[a].id), delete Zc[a]);
            if (!b) return 0;
            var d = setTimeout(() => {
              delete Zc[a];
              var c = [a, performance.now()], e = kd;
              if (!Ga) try {
                e(...c);
              } catch (g) {
                g instanceof Ya || g == "unwind" || wa(1, g);
              } finally {
                if (!(Za || Vc > 0)) try {
                  Ha = c = Ha, Yc(c);
                } catch (g) {
                  g instanceof Ya || g == "unwind" || wa(
                    1,
                    g
                  );
                }
              }
            }, b);
            Zc[a] = { id: d, zc: b };
            return 0;
          },
          B: (a, b, d, c) => {
            var e = (/* @__PURE__ */ new Date()).getFullYear(), g = new Date(e, 0, 1).getTimezoneOffset();
            e = new Date(e, 6, 1).getTimezoneOffset();
            I[a >> 2] = Math.max(g, e) * 60;
            H[b >> 2] = Number(g != e);
            b = (m) => {
              var t = Math.abs(m);
              return `UTC${m >= 0 ? "-" : "+"}${String(Math.floor(t / 60)).padStart(2, "0")}${String(t % 60).padStart(2, "0")}`;
            };
            a = b(g);
            b = b(e);
            e < g ? (L(a, E, d, 17), L(b, E, c, 17)) : (L(a, E, c, 17), L(b, E, d, 17));
          },
          d: () => Date.now(),
          p: () => 2147483648,
          c: () => performance.now(),
          l: (a) => {
            var b = E.length;
            a >>>= 0;
            if (a > 2147483648) return false;
            for (var d = 1; d <= 4; d *= 2) {
              var c = b * (1 + 0.2 / d);
              c = Math.min(c, a + 100663296);
              a: {
                c = (Math.min(2147483648, Math.ceil(Math.max(a, c) / 65536) * 65536) - Ja.buffer.byteLength + 65535) / 65536 | 0;
                try {
                  Ja.grow(c);
                  Ia();
                  var e = 1;
                  break a;
                } catch (g) {
                }
                e = void 0;
              }
              if (e) return true;
            }
            return false;
          },
          G: (a, b) => {
            var d = 0, c = 0, e;
            for (e of bd()) {
              var g = b + d;
              I[a + c >> 2] = g;
              d += L(e, E, g, Infinity) + 1;
              c += 4;
            }
            return 0;
          },
          H: (a, b) => {
            var d = bd();
            I[a >> 2] = d.length;
            a = 0;
            for (var c of d) a += l(c) + 1;
            I[b >> 2] = a;
            return 0;
          },
          e: function(a) {
            try {
              var b = R(a);
              kc(b);
              return 0;
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return d.Wa;
            }
          },
          m: function(a, b) {
            try {
              var d = R(a);
              v[b] = d.tty ? 2 : P(d.mode) ? 3 : (d.mode & 61440) === 40960 ? 7 : 4;
              Ka[b + 2 >> 1] = 0;
              J[b + 8 >> 3] = BigInt(0);
              J[b + 16 >> 3] = BigInt(0);
              return 0;
            } catch (c) {
              if (typeof Y === "undefined" || c.name !== "ErrnoError") throw c;
              return c.Wa;
            }
          },
          t: function(a, b, d, c) {
            try {
              a: {
                var e = R(a);
                a = b;
                for (var g, m = b = 0; m < d; m++) {
                  var t = I[a >> 2], z = I[a + 4 >> 2];
                  a += 8;
                  try {
                    var q2 = e, n = t, F = z, U = g, ma = v;
                    if (F < 0 || U < 0) throw new O(28);
                    if (q2.fd === null) throw new O(8);
                    if ((q2.flags & 2097155) === 1) throw new O(8);
                    if (P(q2.node.mode)) throw new O(31);
                    if (!q2.Ta.read) throw new O(28);
                    var Aa = typeof U !== "undefined";
                    if (!Aa) U = q2.position;
                    else if (!q2.seekable) throw new O(70);
                    var na = q2.Ta.read(q2, ma, n, F, U);
                    Aa || (q2.position += na);
                    var ca = na;
                  } catch (N) {
                    if (b > 0 && N instanceof O && (N.Wa == 6 || N.Wa == 6)) break;
                    throw N;
                  }
                  if (ca < 0) {
                    var Ba = -1;
                    break a;
                  }
                  b += ca;
                  if (ca < z) break;
                  typeof g !== "undefined" && (g += ca);
                }
                Ba = b;
              }
              I[c >> 2] = Ba;
              return 0;
            } catch (N) {
              if (typeof Y === "undefined" || N.name !== "ErrnoError") throw N;
              return N.Wa;
            }
          },
          E: function(a, b, d, c) {
            b = b < -9007199254740992 || b > 9007199254740992 ? NaN : Number(b);
            try {
              if (isNaN(b)) return 22;
              var e = R(a);
              lc(e, b, d);
              J[c >> 3] = BigInt(e.position);
              e.zb && !b && d === 0 && (e.zb = null);
              return 0;
            } catch (g) {
              if (typeof Y === "undefined" || g.name !== "ErrnoError") throw g;
              return g.Wa;
            }
          },
          K: function(a) {
            try {
              var b = R(a);
              return b.Ta?.fsync?.(b);
            } catch (d) {
              if (typeof Y === "undefined" || d.name !== "ErrnoError") throw d;
              return d.Wa;
            }
          },
          q: function(a, b, d, c) {
            try {
              var e = R(a);
              a = b;
              if (d == 1) var g = mc(e, v, I[a >> 2], I[a + 4 >> 2]);
              else {
                for (var m = b = 0, t = a; m < d; m++, t += 8) b += I[t + 4 >> 2];
                var z = new Uint8Array(b);
                for (m = t = 0; m < d; m++, a += 8) {
                  var q2 = I[a >> 2], n = I[a + 4 >> 2];
                  z.set(E.subarray(q2, q2 + n), t);
                  t += n;
                }
                g = mc(e, z, 0, b);
              }
              I[c >> 2] = g;
              return 0;
            } catch (F) {
              if (typeof Y === "undefined" || F.name !== "ErrnoError") throw F;
              return F.Wa;
            }
          },
          u: Yc,
          f: function(a) {
            console.warn("sql.js: legacy function " + A(a) + "() is deprecated and will be disabled by default in the next major version. Initialize with useOldExtensionFunctions: false to use native SQLite functions. See https://github.com/sql-js/sql.js/pull/647");
          }
        };
        async function md() {
          Na();
          var a = k.setStatus;
          a && (a("Running..."), await new Promise((b) => setTimeout(b, 1)), setTimeout(a, 1, ""));
          Ga || (k.noFSInit || Jb || Qc(), nd.P(), Kb = false, k.onRuntimeInitialized?.(), Pa());
        }
        var nd;
        (async function() {
          function a(c) {
            c = nd = c.exports;
            k._sqlite3_memory_used = c.R;
            k._sqlite3_free = c.S;
            k._sqlite3_value_text = c.T;
            k._sqlite3_prepare_v2 = c.U;
            k._sqlite3_step = c.V;
            k._sqlite3_reset = c.W;
            k._sqlite3_exec = c.X;
            k._sqlite3_finalize = c.Y;
            k._sqlite3_column_name = c.Z;
            k._sqlite3_column_text = c._;
            k._sqlite3_column_type = c.$;
            k._sqlite3_errmsg = c.aa;
            k._sqlite3_backup_init = c.ba;
            k._sqlite3_backup_step = c.ca;
            k._sqlite3_backup_finish = c.da;
            k._sqlite3_clear_bindings = c.ea;
            k._sqlite3_value_blob = c.fa;
            k._sqlite3_value_bytes = c.ga;
            k._sqlite3_value_double = c.ha;
            k._sqlite3_value_int = c.ia;
            k._sqlite3_value_type = c.ja;
            k._sqlite3_result_blob = c.ka;
            k._sqlite3_result_double = c.la;
            k._sqlite3_result_error = c.ma;
            k._sqlite3_result_int = c.na;
            k._sqlite3_result_int64 = c.oa;
            k._sqlite3_result_null = c.pa;
            k._sqlite3_result_text = c.qa;
            k._sqlite3_aggregate_context = c.ra;
            k._sqlite3_column_count = c.sa;
            k._sqlite3_data_count = c.ta;
            k._sqlite3_column_blob = c.ua;
            k._sqlite3_column_bytes = c.va;
            k._sqlite3_column_double = c.wa;
            k._sqlite3_bind_blob = c.xa;
            k._sqlite3_bind_double = c.ya;
            k._sqlite3_bind_int = c.za;
            k._sqlite3_bind_int64 = c.Aa;
            k._sqlite3_bind_text = c.Ba;
            k._sqlite3_bind_parameter_index = c.Ca;
            k._sqlite3_sql = c.Da;
            k._sqlite3_normalized_sql = c.Ea;
            k._sqlite3_changes = c.Fa;
            k._sqlite3_close_v2 = c.Ga;
            k._sqlite3_create_function_v2 = c.Ha;
            k._sqlite3_update_hook = c.Ia;
            k._sqlite3_extended_errcode = c.Ja;
            k._sqlite3_open = c.Ka;
            ha = k._malloc = c.La;
            ja = k._free = c.Ma;
            k._RegisterExtensionFunctions = c.Na;
            lb = c.Oa;
            kd = c.Pa;
            sa = c.Qa;
            pa = c.Ra;
            qa = c.Sa;
            Ja = c.O;
            Z = c.Q;
            Ia();
            return nd;
          }
          var b = { a: ld }, d = k.instantiateWasm;
          if (d) return new Promise((c) => {
            d(b, (e) => c(a(e)));
          });
          Sa ??= k.locateFile ? k.locateFile("sql-wasm.wasm", ya) : ya + "sql-wasm.wasm";
          return (function(c) {
            return a(c.instance);
          })(await Xa(b));
        })().then(() => md());
        return Module;
      });
      return initSqlJsPromise;
    };
    if (typeof exports === "object" && typeof module === "object") {
      module.exports = initSqlJs2;
      module.exports.default = initSqlJs2;
    } else if (typeof define === "function" && define["amd"]) {
      define([], function() {
        return initSqlJs2;
      });
    } else if (typeof exports === "object") {
      exports["Module"] = initSqlJs2;
    }
  }
});

// src/cli/commands/access.ts
import { isIP } from "node:net";

// src/facts/access/hostname-tokens.ts
function hostnameTokens(config) {
  const names2 = /* @__PURE__ */ new Set();
  const lists = [config.global, ...config.modules.map((m) => m.params)].flatMap((p) => [p["hosts allow"]?.value, p["hosts deny"]?.value]);
  for (const list of lists) {
    if (typeof list !== "string") continue;
    for (const token of tokenizeHostList(list)) {
      if (/^[\d.]*$/.test(token) || /[:/*?[]/.test(token) || token.startsWith("@")) continue;
      names2.add(token);
    }
  }
  return [...names2].sort();
}

// src/cli/resolver.ts
import { lookup } from "node:dns/promises";
import { readFileSync } from "node:fs";
var LOOKUP_TIMEOUT_MS = 3e3;
async function systemResolver(names2) {
  const answers = /* @__PURE__ */ new Map();
  await Promise.all(
    names2.map(async (name) => {
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
var HOSTS_MAP_HINT = 'Give --hosts-map a readable file in /etc/hosts format: one "ADDRESS NAME [NAME\u2026]" per line, # for comments.';
function hostsMapResolver(path) {
  let text3;
  try {
    text3 = readFileSync(path, "utf8");
  } catch (e) {
    throw new UserError(`--hosts-map: cannot read the file: ${errorMessage(e)}`, path, HOSTS_MAP_HINT);
  }
  const map = /* @__PURE__ */ new Map();
  for (const [i, raw] of text3.split("\n").entries()) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const [addr, ...names2] = line.split(/\s+/);
    if (!addr || names2.length === 0) throw new UserError('--hosts-map: a line is not "ADDRESS NAME\u2026"', `${path}:${i + 1}`, HOSTS_MAP_HINT);
    if (addr.includes(":")) continue;
    for (const n of names2) map.set(n.toLowerCase(), [...map.get(n.toLowerCase()) ?? [], addr]);
  }
  return (name) => {
    const addrs = map.get(name.toLowerCase());
    return addrs ? { kind: "addrs", addrs } : { kind: "unresolvable" };
  };
}

// src/cli/commands/access-text.ts
var ACCESS_FORMATS = {
  json: {
    render: (report) => `${JSON.stringify(report, null, 2)}
`,
    extension: ".json",
    mediaType: "application/json",
    description: "The access report: per module, listed, read, write, and why"
  },
  text: { render: (report) => renderAccessText(report), extension: ".txt", mediaType: "text/plain", description: "One paragraph per module, for a terminal" }
};
function renderAccessText(raw) {
  const report = escapeAllText(raw);
  const out = [];
  out.push(`client ${report.client.addr} (rsync sees host "${report.client.host}")`);
  if (!report.starts) out.push("the daemon refuses to start with this configuration");
  else if (!report.serves) out.push("the daemon starts but fails every connection");
  for (const n of report.notes) out.push(`  ${n.severity === "fatal" ? "!" : "note:"} ${n.file}:${n.line}:${n.column}: ${n.message}${n.hint !== void 0 ? ` (${n.hint})` : ""}`);
  if (report.starts && report.serves && report.modules.length === 0) out.push("no modules: the daemon serves nothing");
  for (const m of report.modules) {
    const can = [m.read === "ok" ? "read" : `no read (${m.read})`, m.write === "ok" ? "write" : `no write (${m.write})`];
    out.push("", `[${m.name}] ${m.listed ? "listed" : "not listed"}; ${can.join(", ")}`);
    for (const r of m.reasons) out.push(`  - ${r}`);
    for (const a of m.assumptions) out.push(`  ? assumed: ${a}`);
    if (m.user) {
      const u2 = m.user;
      out.push(`  user ${u2.user}: ${u2.result === "password" ? `admitted with the right password (${u2.read ? "read" : "no read"}, ${u2.write ? "write" : "no write"})` : `refused (${u2.result})`} \u2014 ${u2.reason}`);
    }
  }
  return `${out.join("\n")}
`;
}

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
    format: formatOption(ACCESS_FORMATS),
    ...TARGET_OPTIONS
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const format = pickFormat(ACCESS_FORMATS, stringOption(args, "format") ?? "text");
    if (!format.ok) return format.error;
    const [path, ...extra] = args.positionals;
    if (path === void 0 || extra.length > 0) return new UserError("access takes exactly one CONFIG file", void 0, "rsyncguard access rsyncd.conf --client 192.0.2.10");
    const client = stringOption(args, "client");
    if (client === void 0 || isIP(client) === 0) {
      return new UserError(`--client must be an IPv4 or IPv6 address${client === void 0 ? "" : `, not "${client}"`}`, void 0, "e.g. --client 127.0.0.1");
    }
    const daemonUser2 = stringOption(args, "daemon-user") === "nonroot" ? "nonroot" : "root";
    const parsedVersion = parseVersion(stringOption(args, "rsync-version"));
    if (!parsedVersion.ok) return parsedVersion.error;
    const version = parsedVersion.value;
    const root = stringOption(args, "root");
    const loaded = loadConfigTarget(path, { ...root !== void 0 ? { root } : {}, daemonUser: daemonUser2, rsyncVersion: version, today: today() });
    if (!loaded.ok) return loaded.error;
    const config = fileAsStarted(loaded.value.config);
    const map = stringOption(args, "hosts-map");
    const resolve3 = map !== void 0 ? hostsMapResolver(map) : await systemResolver(hostnameTokens(config));
    const name = stringOption(args, "client-name");
    const user = stringOption(args, "user");
    const { facts } = loaded.value;
    const secrets = { files: facts.secrets, diagnostics: facts.config.diagnostics };
    const report = simulateAccess(config, { addr: client, ...name !== void 0 ? { name: name.toLowerCase() } : {}, ...user !== void 0 ? { user } : {} }, { daemonUser: daemonUser2, version, resolve: resolve3, secrets });
    const failed2 = writeOutput(format.value.render(report, {}), stringOption(args, "output"));
    return failed2 ?? EXIT_OK;
  }
};

// src/cli/commands/admission.ts
import { availableParallelism } from "node:os";

// src/sources/image/docker-config.ts
import { existsSync as existsSync4, readFileSync as readFileSync2, statSync as statSync4 } from "node:fs";
import { homedir as homedir2 } from "node:os";
import { basename, join as join5 } from "node:path";

// src/sources/image/open-image.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync3 } from "node:fs";

// src/sources/image/blob-store.ts
import { accessSync, closeSync, constants, createReadStream, createWriteStream, lstatSync, mkdtempSync, openSync, readSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// src/sources/image/limits.ts
import { statfsSync } from "node:fs";
var LIMITS = {
  layerBytes: { env: "RSYNCGUARD_MAX_LAYER_BYTES", fallback: 8 * 2 ** 30 },
  inflateBytes: { env: "RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES", fallback: 32 * 2 ** 30 },
  entries: { env: "RSYNCGUARD_MAX_IMAGE_ENTRIES", fallback: 3e6 },
  nameBytes: { env: "RSYNCGUARD_MAX_IMAGE_NAME_BYTES", fallback: 256 * 2 ** 20 },
  archiveBytes: { env: "RSYNCGUARD_MAX_ARCHIVE_BYTES", fallback: 16 * 2 ** 30 },
  scratchBytes: { env: "RSYNCGUARD_MAX_SCRATCH_BYTES", fallback: 4 * 2 ** 30 },
  minFreeBytes: { env: "RSYNCGUARD_MIN_FREE_BYTES", fallback: 256 * 2 ** 20 }
};
var limitVariable = (key2) => LIMITS[key2].env;
function readImageLimits(env = process.env) {
  const out = {};
  for (const key2 of Object.keys(LIMITS)) {
    const { env: name, fallback } = LIMITS[key2];
    const value = readEnvNumber(env, name, { min: key2 === "minFreeBytes" ? 0 : 1, fallback });
    if (!value.ok) return value;
    out[key2] = value.value;
  }
  return ok(out);
}
function imageLimits() {
  const limits = readImageLimits();
  if (!limits.ok) {
    const hint = limits.error.hint ?? "";
    throw new Error(hint === "" ? limits.error.message : `${limits.error.message}; ${hint.charAt(0).toLowerCase()}${hint.slice(1).replace(/\.$/, "")}`);
  }
  return limits.value;
}
function freeBytes(dir) {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}
var mib = (n) => n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : n >= 2 ** 20 ? `${Math.ceil(n / 2 ** 20)} MiB` : `${n} bytes`;

// src/sources/image/paths.ts
function cleanPath(name) {
  const parts = [];
  for (const p of name.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") return null;
    parts.push(p);
  }
  return parts.join("/");
}
function layerPath(name) {
  const parts = [];
  let climbed = false;
  for (const p of name.split("/")) {
    if (p === "" || p === ".") continue;
    if (p !== "..") parts.push(p);
    else if (parts.pop() === void 0) climbed = true;
  }
  return { path: parts.join("/"), climbed };
}

// src/sources/image/blob-store.ts
function tooLarge(what, size, cap) {
  return new Error(`${what} is ${size} bytes, more than the ${cap / 2 ** 20} MiB allowed; refused`);
}
function dirStore(root, close = () => {
}) {
  const base = realpathSync(root);
  const regular = (p) => {
    const c = cleanPath(p);
    if (c === null) throw new Error(`"${p}" leaves the image layout`);
    const full = join(base, c);
    try {
      return lstatSync(full).isFile() && realpathSync(full) === full ? full : void 0;
    } catch {
      return void 0;
    }
  };
  const file = (p) => {
    const full = regular(p);
    if (full === void 0) throw new Error(`${p} is not a regular file in the layout ${root} (links, devices and FIFOs are not read)`);
    return full;
  };
  const readable = (p, full) => {
    try {
      accessSync(full, constants.R_OK);
    } catch (e) {
      throw new Error(`${errorMessage(e)} reading ${join(root, cleanPath(p) ?? p)}`);
    }
    return full;
  };
  return {
    where: root,
    has: (p) => regular(p) !== void 0,
    refused(p) {
      const c = cleanPath(p);
      if (c === null) return void 0;
      try {
        const st = lstatSync(join(base, c));
        const shown2 = join(root, c);
        if (st.isSymbolicLink()) return `${shown2} is a symbolic link (not followed: blobs are read only as regular files inside the layout)`;
        if (!st.isFile()) return `${shown2} is not a regular file`;
        return regular(p) === void 0 ? `${shown2} is reached through a symbolic link (not followed)` : void 0;
      } catch {
        return void 0;
      }
    },
    read(p, cap, what) {
      const full = readable(p, file(p));
      const size = statSync(full).size;
      if (size > cap) throw tooLarge(what, size, cap);
      return readRange(full, 0, size);
    },
    stream: (p) => createReadStream(readable(p, file(p))),
    close
  };
}
function readRange(file, offset, size) {
  const fd = openSync(file, "r");
  try {
    const out = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, out, got, size - got, offset + got);
      if (n === 0) throw new Error(`${file} ends early`);
      got += n;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}
async function indexTar(file) {
  const index = { files: /* @__PURE__ */ new Map(), links: /* @__PURE__ */ new Map() };
  const input = createReadStream(file);
  try {
    await readTar(input[Symbol.asyncIterator](), (entry) => {
      const name = cleanPath(entry.name);
      if (name === null || name === "") return;
      if (entry.type === "file" || entry.type === "contiguous-file") {
        index.files.set(name, { offset: entry.dataOffset, size: entry.size });
        index.links.delete(name);
      } else {
        index.files.delete(name);
        if (entry.type === "symlink") index.links.set(name, entry.linkname);
        else index.links.delete(name);
      }
    });
  } catch (e) {
    throw new Error(`${file} is not a tar archive (${errorMessage(e)})`);
  } finally {
    input.destroy();
  }
  return index;
}
function resolveIn(index, name) {
  let path = cleanPath(name);
  for (let hops = 0; path !== null && hops <= 40; hops++) {
    const hit = index.files.get(path);
    if (hit) return hit;
    const target = index.links.get(path);
    if (target === void 0) return void 0;
    path = layerPath(target.startsWith("/") ? target : `${path.split("/").slice(0, -1).join("/")}/${target}`).path;
  }
  return void 0;
}
var RECHECK = 64 << 20;
async function inflateArchive(file, compressed, tarFile) {
  const { archiveBytes, minFreeBytes } = imageLimits();
  const dir = tmpdir();
  const noRoom2 = (free2, need) => new Error(
    `${file} is gzip-compressed and is inflated to a temporary file in ${dir} before it is read; that disk has ${mib(free2)} free, and inflating needs more than ${mib(need)} while keeping ${mib(minFreeBytes)} free (${limitVariable("minFreeBytes")}). Free space there, set TMPDIR to a larger disk, or decompress the archive yourself (gunzip) and scan the .tar`
  );
  const free = freeBytes(dirname(tarFile));
  if (free - minFreeBytes < compressed) throw noRoom2(free, compressed);
  let inflated = 0;
  let checked2 = 0;
  const gunzip = createGunzip();
  gunzip.on("data", (c) => {
    inflated += c.length;
    if (inflated > archiveBytes) return void gunzip.destroy(new Error(`${file} inflates to more than ${mib(archiveBytes)} (${limitVariable("archiveBytes")}); refused. Decompress it yourself and scan the .tar, or raise the limit`));
    if (inflated - checked2 < RECHECK) return;
    checked2 = inflated;
    const now = freeBytes(dirname(tarFile));
    if (now - RECHECK < minFreeBytes) gunzip.destroy(noRoom2(now, inflated + RECHECK));
  });
  try {
    await pipeline(createReadStream(file), gunzip, createWriteStream(tarFile));
  } catch (e) {
    const m = errorMessage(e);
    if (e instanceof Error && "code" in e && e.code === "ENOSPC") throw noRoom2(freeBytes(dirname(tarFile)), inflated);
    throw m.startsWith(file) ? e : new Error(`${file}: not a readable gzip stream (${m})`);
  }
}
async function archiveStore(file) {
  const size = statSync(file).size;
  const { archiveBytes } = imageLimits();
  if (size > archiveBytes) throw tooLarge(file, size, archiveBytes);
  const head = readRange(file, 0, Math.min(2, size));
  let tarFile = file;
  let cleanup = () => {
  };
  if (head[0] === 31 && head[1] === 139) {
    const dir = mkdtempSync(join(tmpdir(), "rsyncguard-image-"));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    tarFile = join(dir, "archive.tar");
    try {
      await inflateArchive(file, size, tarFile);
    } catch (e) {
      cleanup();
      throw e;
    }
  }
  let index;
  try {
    index = await indexTar(tarFile);
  } catch (e) {
    cleanup();
    throw e;
  }
  const found = index;
  const at = (p) => {
    const e = resolveIn(found, p);
    if (!e) throw new Error(`${p} is missing from ${file}`);
    return e;
  };
  return {
    where: file,
    has: (p) => resolveIn(found, p) !== void 0,
    read(p, cap, what) {
      const e = at(p);
      if (e.size > cap) throw tooLarge(what, e.size, cap);
      return readRange(tarFile, e.offset, e.size);
    },
    stream(p) {
      const e = at(p);
      return e.size === 0 ? Readable.from([]) : createReadStream(tarFile, { start: e.offset, end: e.offset + e.size - 1 });
    },
    close: cleanup
  };
}

// src/sources/image/diff-ids.ts
var DIFF_ID = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
function layerDiffIds(config, layers, where) {
  const rootfs = isObject(config) && isObject(config["rootfs"]) ? config["rootfs"] : {};
  const ids = Array.isArray(rootfs["diff_ids"]) ? rootfs["diff_ids"] : [];
  if (ids.length !== layers || !ids.every((d) => typeof d === "string" && DIFF_ID.test(d))) {
    const bad = ids.length === layers ? "; not every one is a sha256 or sha512 digest" : "";
    throw new Error(`the image config lists ${ids.length} layer diff_ids for ${layers} layers in ${where}${bad}; the image is inconsistent (altered or corrupt)`);
  }
  return ids;
}

// src/sources/image/layer-stream.ts
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { createGunzip as createGunzip2 } from "node:zlib";

// node_modules/fzstd/esm/index.mjs
var ab = ArrayBuffer;
var u8 = Uint8Array;
var u16 = Uint16Array;
var i16 = Int16Array;
var i32 = Int32Array;
var slc = function(v, s, e) {
  if (u8.prototype.slice)
    return u8.prototype.slice.call(v, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  var n = new u8(e - s);
  n.set(v.subarray(s, e));
  return n;
};
var fill = function(v, n, s, e) {
  if (u8.prototype.fill)
    return u8.prototype.fill.call(v, n, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  for (; s < e; ++s)
    v[s] = n;
  return v;
};
var cpw = function(v, t, s, e) {
  if (u8.prototype.copyWithin)
    return u8.prototype.copyWithin.call(v, t, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  while (s < e) {
    v[t++] = v[s++];
  }
};
var ec = [
  "invalid zstd data",
  "window size too large (>2046MB)",
  "invalid block type",
  "FSE accuracy too high",
  "match distance too far back",
  "unexpected EOF"
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var rb = function(d, b, n) {
  var i = 0, o = 0;
  for (; i < n; ++i)
    o |= d[b++] << (i << 3);
  return o;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var rzfh = function(dat, w) {
  var n3 = dat[0] | dat[1] << 8 | dat[2] << 16;
  if (n3 == 3126568 && dat[3] == 253) {
    var flg = dat[4];
    var ss = flg >> 5 & 1, cc = flg >> 2 & 1, df = flg & 3, fcf = flg >> 6;
    if (flg & 8)
      err(0);
    var bt = 6 - ss;
    var db = df == 3 ? 4 : df;
    var di = rb(dat, bt, db);
    bt += db;
    var fsb = fcf ? 1 << fcf : ss;
    var fss = rb(dat, bt, fsb) + (fcf == 1 && 256);
    var ws = fss;
    if (!ss) {
      var wb = 1 << 10 + (dat[5] >> 3);
      ws = wb + (wb >> 3) * (dat[5] & 7);
    }
    if (ws > 2145386496)
      err(1);
    var buf = new u8((w == 1 ? fss || ws : w ? 0 : ws) + 12);
    buf[0] = 1, buf[4] = 4, buf[8] = 8;
    return {
      b: bt + fsb,
      y: 0,
      l: 0,
      d: di,
      w: w && w != 1 ? w : buf.subarray(12),
      e: ws,
      o: new i32(buf.buffer, 0, 3),
      u: fss,
      c: cc,
      m: Math.min(131072, ws)
    };
  } else if ((n3 >> 4 | dat[3] << 20) == 25481893) {
    return b4(dat, 4) + 8;
  }
  err(0);
};
var msb = function(val) {
  var bits = 0;
  for (; 1 << bits <= val; ++bits)
    ;
  return bits - 1;
};
var rfse = function(dat, bt, mal) {
  var tpos = (bt << 3) + 4;
  var al = (dat[bt] & 15) + 5;
  if (al > mal)
    err(3);
  var sz = 1 << al;
  var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
  var buf = new ab(512 + (sz << 2));
  var freq = new i16(buf, 0, 256);
  var dstate = new u16(buf, 0, 256);
  var nstate = new u16(buf, 512, sz);
  var bb1 = 512 + (sz << 1);
  var syms = new u8(buf, bb1, sz);
  var nbits = new u8(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    var bits = msb(probs + 1);
    var cbt = tpos >> 3;
    var msk = (1 << bits + 1) - 1;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (tpos & 7) & msk;
    var msk1fb = (1 << bits) - 1;
    var msv = msk - probs - 1;
    var sval = val & msk1fb;
    if (sval < msv)
      tpos += bits, val = sval;
    else {
      tpos += bits + 1;
      if (val > msk1fb)
        val -= msv;
    }
    freq[++sym] = --val;
    if (val == -1) {
      probs += val;
      syms[--ht] = sym;
    } else
      probs -= val;
    if (!val) {
      do {
        var rbt = tpos >> 3;
        re = (dat[rbt] | dat[rbt + 1] << 8) >> (tpos & 7) & 3;
        tpos += 2;
        sym += re;
      } while (re == 3);
    }
  }
  if (sym > 255 || probs)
    err(0);
  var sympos = 0;
  var sstep = (sz >> 1) + (sz >> 3) + 3;
  var smask = sz - 1;
  for (var s = 0; s <= sym; ++s) {
    var sf = freq[s];
    if (sf < 1) {
      dstate[s] = -sf;
      continue;
    }
    for (i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do {
        sympos = sympos + sstep & smask;
      } while (sympos >= ht);
    }
  }
  if (sympos)
    err(0);
  for (i = 0; i < sz; ++i) {
    var ns = dstate[syms[i]]++;
    var nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [tpos + 7 >> 3, {
    b: al,
    s: syms,
    n: nbits,
    t: nstate
  }];
};
var rhu = function(dat, bt) {
  var i = 0, wc = -1;
  var buf = new u8(292), hb = dat[bt];
  var hw = buf.subarray(0, 256);
  var rc = buf.subarray(256, 268);
  var ri = new u16(buf.buffer, 268);
  if (hb < 128) {
    var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
    bt += hb;
    var epos = ebt << 3;
    var lb = dat[bt];
    if (!lb)
      err(0);
    var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    var fpos = (++bt << 3) - 8 + msb(lb);
    for (; ; ) {
      fpos -= btr1;
      if (fpos < epos)
        break;
      var cbt = fpos >> 3;
      st1 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr1) - 1;
      hw[++wc] = fdt.s[st1];
      fpos -= btr2;
      if (fpos < epos)
        break;
      cbt = fpos >> 3;
      st2 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr2) - 1;
      hw[++wc] = fdt.s[st2];
      btr1 = fdt.n[st1];
      st1 = fdt.t[st1];
      btr2 = fdt.n[st2];
      st2 = fdt.t[st2];
    }
    if (++wc > 255)
      err(0);
  } else {
    wc = hb - 127;
    for (; i < wc; i += 2) {
      var byte = dat[++bt];
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  var wes = 0;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    if (wt > 11)
      err(0);
    wes += wt && 1 << wt - 1;
  }
  var mb = msb(wes) + 1;
  var ts = 1 << mb;
  var rem = ts - wes;
  if (rem & rem - 1)
    err(0);
  hw[wc++] = msb(rem) + 1;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    ++rc[hw[i] = wt && mb + 1 - wt];
  }
  var hbuf = new u8(ts << 1);
  var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (i = mb; i > 0; --i) {
    var pv = ri[i];
    fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << mb - i));
  }
  if (ri[0] != ts)
    err(0);
  for (i = 0; i < wc; ++i) {
    var bits = hw[i];
    if (bits) {
      var code = ri[bits];
      fill(syms, i, code, ri[bits] = code + (1 << mb - bits));
    }
  }
  return [bt, {
    n: nb,
    b: mb,
    s: syms
  }];
};
var dllt = rfse(/* @__PURE__ */ new u8([
  81,
  16,
  99,
  140,
  49,
  198,
  24,
  99,
  12,
  33,
  196,
  24,
  99,
  102,
  102,
  134,
  70,
  146,
  4
]), 0, 6)[1];
var dmlt = rfse(/* @__PURE__ */ new u8([
  33,
  20,
  196,
  24,
  99,
  140,
  33,
  132,
  16,
  66,
  8,
  33,
  132,
  16,
  66,
  8,
  33,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  36,
  9
]), 0, 6)[1];
var doct = rfse(/* @__PURE__ */ new u8([
  32,
  132,
  16,
  66,
  102,
  70,
  68,
  68,
  68,
  68,
  36,
  73,
  2
]), 0, 5)[1];
var b2bl = function(b, s) {
  var len = b.length, bl = new i32(len);
  for (var i = 0; i < len; ++i) {
    bl[i] = s;
    s += 1 << b[i];
  }
  return bl;
};
var llb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  134678020,
  202050057,
  269422093
])).buffer, 0, 36);
var llbl = /* @__PURE__ */ b2bl(llb, 0);
var mlb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  117769220,
  185207048,
  252579084,
  16
])).buffer, 0, 53);
var mlbl = /* @__PURE__ */ b2bl(mlb, 3);
var dhu = function(dat, out, hu) {
  var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb)
    err(0);
  var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss; ) {
    var cbt = pos >> 3;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (pos & 7);
    st = (st << btr | val) & msk;
    out[++i] = hu.s[st];
    pos -= btr = hu.n[st];
  }
  if (pos != eb || i + 1 != ss)
    err(0);
};
var dhu4 = function(dat, out, hu) {
  var bt = 6;
  var ss = out.length, sz1 = ss + 3 >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  dhu(dat.subarray(bt, bt += dat[0] | dat[1] << 8), out.subarray(0, sz1), hu);
  dhu(dat.subarray(bt, bt += dat[2] | dat[3] << 8), out.subarray(sz1, sz2), hu);
  dhu(dat.subarray(bt, bt += dat[4] | dat[5] << 8), out.subarray(sz2, sz3), hu);
  dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
var rzb = function(dat, st, out) {
  var _a;
  var bt = st.b;
  var b0 = dat[bt], btype = b0 >> 1 & 3;
  st.l = b0 & 1;
  var sz = b0 >> 3 | dat[bt + 1] << 5 | dat[bt + 2] << 13;
  var ebt = (bt += 3) + sz;
  if (btype == 1) {
    if (bt >= dat.length)
      return;
    st.b = bt + 1;
    if (out) {
      fill(out, dat[bt], st.y, st.y += sz);
      return out;
    }
    return fill(new u8(sz), dat[bt]);
  }
  if (ebt > dat.length)
    return;
  if (btype == 0) {
    st.b = ebt;
    if (out) {
      out.set(dat.subarray(bt, ebt), st.y);
      st.y += sz;
      return out;
    }
    return slc(dat, bt, ebt);
  }
  if (btype == 2) {
    var b3 = dat[bt], lbt = b3 & 3, sf = b3 >> 2 & 3;
    var lss = b3 >> 4, lcs = 0, s4 = 0;
    if (lbt < 2) {
      if (sf & 1)
        lss |= dat[++bt] << 4 | (sf & 2 && dat[++bt] << 12);
      else
        lss = b3 >> 3;
    } else {
      s4 = sf;
      if (sf < 2)
        lss |= (dat[++bt] & 63) << 4, lcs = dat[bt] >> 6 | dat[++bt] << 2;
      else if (sf == 2)
        lss |= dat[++bt] << 4 | (dat[++bt] & 3) << 12, lcs = dat[bt] >> 2 | dat[++bt] << 6;
      else
        lss |= dat[++bt] << 4 | (dat[++bt] & 63) << 12, lcs = dat[bt] >> 6 | dat[++bt] << 2 | dat[++bt] << 10;
    }
    ++bt;
    var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
    var spl = buf.length - lss;
    if (lbt == 0)
      buf.set(dat.subarray(bt, bt += lss), spl);
    else if (lbt == 1)
      fill(buf, dat[bt++], spl);
    else {
      var hu = st.h;
      if (lbt == 2) {
        var hud = rhu(dat, bt);
        lcs += bt - (bt = hud[0]);
        st.h = hu = hud[1];
      } else if (!hu)
        err(0);
      (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
    }
    var ns = dat[bt++];
    if (ns) {
      if (ns == 255)
        ns = (dat[bt++] | dat[bt++] << 8) + 32512;
      else if (ns > 127)
        ns = ns - 128 << 8 | dat[bt++];
      var scm = dat[bt++];
      if (scm & 3)
        err(0);
      var dts = [dmlt, doct, dllt];
      for (var i = 2; i > -1; --i) {
        var md = scm >> (i << 1) + 2 & 3;
        if (md == 1) {
          var rbuf = new u8([0, 0, dat[bt++]]);
          dts[i] = {
            s: rbuf.subarray(2, 3),
            n: rbuf.subarray(0, 1),
            t: new u16(rbuf.buffer, 0, 1),
            b: 0
          };
        } else if (md == 2) {
          _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
        } else if (md == 3) {
          if (!st.t)
            err(0);
          dts[i] = st.t[i];
        }
      }
      var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
      var lb = dat[ebt - 1];
      if (!lb)
        err(0);
      var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
      var lst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << llt.b) - 1;
      cbt = (spos -= oct.b) >> 3;
      var ost = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << oct.b) - 1;
      cbt = (spos -= mlt.b) >> 3;
      var mst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mlt.b) - 1;
      for (++ns; --ns; ) {
        var llc = llt.s[lst];
        var lbtr = llt.n[lst];
        var mlc = mlt.s[mst];
        var mbtr = mlt.n[mst];
        var ofc = oct.s[ost];
        var obtr = oct.n[ost];
        cbt = (spos -= ofc) >> 3;
        var ofp = 1 << ofc;
        var off = ofp + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16 | dat[cbt + 3] << 24) >>> (spos & 7) & ofp - 1);
        cbt = (spos -= mlb[mlc]) >> 3;
        var ml = mlbl[mlc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << mlb[mlc]) - 1);
        cbt = (spos -= llb[llc]) >> 3;
        var ll = llbl[llc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << llb[llc]) - 1);
        cbt = (spos -= lbtr) >> 3;
        lst = llt.t[lst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << lbtr) - 1);
        cbt = (spos -= mbtr) >> 3;
        mst = mlt.t[mst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mbtr) - 1);
        cbt = (spos -= obtr) >> 3;
        ost = oct.t[ost] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << obtr) - 1);
        if (off > 3) {
          st.o[2] = st.o[1];
          st.o[1] = st.o[0];
          st.o[0] = off -= 3;
        } else {
          var idx = off - (ll != 0);
          if (idx) {
            off = idx == 3 ? st.o[0] - 1 : st.o[idx];
            if (idx > 1)
              st.o[2] = st.o[1];
            st.o[1] = st.o[0];
            st.o[0] = off;
          } else
            off = st.o[0];
        }
        for (var i = 0; i < ll; ++i) {
          buf[oubt + i] = buf[spl + i];
        }
        oubt += ll, spl += ll;
        var stin = oubt - off;
        if (stin < 0) {
          var len = -stin;
          var bs = st.e + stin;
          if (len > ml)
            len = ml;
          for (var i = 0; i < len; ++i) {
            buf[oubt + i] = st.w[bs + i];
          }
          oubt += len, ml -= len, stin = 0;
        }
        for (var i = 0; i < ml; ++i) {
          buf[oubt + i] = buf[stin + i];
        }
        oubt += ml;
      }
      if (oubt != spl) {
        while (spl < buf.length) {
          buf[oubt++] = buf[spl++];
        }
      } else
        oubt = buf.length;
      if (out)
        st.y += oubt;
      else
        buf = slc(buf, 0, oubt);
    } else if (out) {
      st.y += lss;
      if (spl) {
        for (var i = 0; i < lss; ++i) {
          buf[i] = buf[spl + i];
        }
      }
    } else if (spl)
      buf = slc(buf, spl);
    st.b = ebt;
    return buf;
  }
  err(2);
};
var cct = function(bufs, ol) {
  if (bufs.length == 1)
    return bufs[0];
  var buf = new u8(ol);
  for (var i = 0, b = 0; i < bufs.length; ++i) {
    var chk = bufs[i];
    buf.set(chk, b);
    b += chk.length;
  }
  return buf;
};
var Decompress = /* @__PURE__ */ (function() {
  function Decompress2(ondata) {
    this.ondata = ondata;
    this.c = [];
    this.l = 0;
    this.z = 0;
  }
  Decompress2.prototype.push = function(chunk, final) {
    if (typeof this.s == "number") {
      var sub = Math.min(chunk.length, this.s);
      chunk = chunk.subarray(sub);
      this.s -= sub;
    }
    var sl = chunk.length;
    var ncs = sl + this.l;
    if (!this.s) {
      if (final) {
        if (!ncs) {
          this.ondata(new u8(0), true);
          return;
        }
        if (ncs < 5)
          err(5);
      } else if (ncs < 18) {
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (typeof (this.s = rzfh(chunk)) == "number")
        return this.push(chunk, final);
    }
    if (typeof this.s != "number") {
      if (ncs < (this.z || 3)) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (!this.z && ncs < (this.z = chunk[this.s.b] & 2 ? 4 : 3 + (chunk[this.s.b] >> 3 | chunk[this.s.b + 1] << 5 | chunk[this.s.b + 2] << 13))) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      } else
        this.z = 0;
      for (; ; ) {
        var blk = rzb(chunk, this.s);
        if (!blk) {
          if (final)
            err(5);
          var adc = chunk.subarray(this.s.b);
          this.s.b = 0;
          this.c.push(adc), this.l += adc.length;
          return;
        } else {
          this.ondata(blk, false);
          cpw(this.s.w, 0, blk.length);
          this.s.w.set(blk, this.s.w.length - blk.length);
        }
        if (this.s.l) {
          var rest = chunk.subarray(this.s.b);
          this.s = this.s.c * 4;
          this.push(rest, final);
          return;
        }
      }
    } else if (final)
      err(5);
  };
  return Decompress2;
})();

// src/sources/image/layer-stream.ts
var InflateBudget = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  used = 0;
  get left() {
    return Math.max(0, this.limit - this.used);
  }
  spend(n) {
    this.used += n;
    if (this.used > this.limit) throw new Error(this.exceeded());
  }
  exceeded() {
    return `reading the image's layers inflated more than ${this.limit} bytes in all (${limitVariable("inflateBytes")}); the image could not be evaluated within that budget (raise it for a large image you trust)`;
  }
};
function createZstdDecompress(limit, tooMuch) {
  let emitted = 0;
  const out = new Transform({
    transform(chunk, _enc, cb) {
      try {
        zstd.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        cb();
      } catch (e) {
        cb(e instanceof Error ? e : new Error(String(e)));
      }
    },
    flush(cb) {
      try {
        zstd.push(new Uint8Array(0), true);
        cb();
      } catch (e) {
        cb(e instanceof Error ? e : new Error(String(e)));
      }
    }
  });
  const zstd = new Decompress((data) => {
    emitted += data.byteLength;
    if (emitted > limit) throw new Error(tooMuch());
    out.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  return out;
}
async function walkLayer(layer, onEntry, budget) {
  const maxLayer = imageLimits().layerBytes;
  if (budget.left === 0) throw new Error(`layer ${layer.digest}: ${budget.exceeded()}`);
  const layerCap = `decompresses to more than ${maxLayer} bytes (${limitVariable("layerBytes")})`;
  const input = await layer.open();
  let first;
  try {
    first = await firstBytes(input);
  } catch (e) {
    input.destroy();
    throw new Error(`layer ${layer.digest}: ${errorMessage(e)}`);
  }
  const gz = first.length >= 2 && first[0] === 31 && first[1] === 139;
  const zst = first.length >= 4 && first[0] === 40 && first[1] === 181 && first[2] === 47 && first[3] === 253;
  const zstdCap = budget.left < maxLayer ? { limit: budget.left, why: budget.exceeded() } : { limit: maxLayer, why: layerCap };
  const stream = gz ? input.pipe(createGunzip2()) : zst ? input.pipe(createZstdDecompress(zstdCap.limit, () => zstdCap.why)) : input;
  if (stream !== input) input.on("error", (e) => stream.destroy(e));
  let inflating = true;
  stream.on("error", () => {
  });
  const diffAlgo = /^(sha256|sha512):/.exec(layer.diffId ?? "")?.[1];
  const diffHash = diffAlgo !== void 0 ? createHash(diffAlgo) : void 0;
  async function* bytes2() {
    let total = 0;
    try {
      for await (const chunk of stream) {
        const c = chunk;
        total += c.length;
        if (total > maxLayer) throw new Error(layerCap);
        budget.spend(c.length);
        diffHash?.update(c);
        yield c;
      }
    } catch (e) {
      const m = errorMessage(e);
      throw new Error(inflating && (gz || zst) && !/digest|descriptor|decompresses|inflated more than/.test(m) ? `not a readable ${gz ? "gzip" : "zstd"} stream (${m})` : m);
    }
  }
  const source = bytes2();
  let seq = 0;
  try {
    await readTar(source, (entry, read) => onEntry(entry, seq++, read));
    inflating = false;
    for (; ; ) if ((await source.next()).done) break;
  } catch (e) {
    stream.destroy();
    input.destroy();
    const m = errorMessage(e);
    throw new Error(`layer ${layer.digest}: ${e instanceof TarError ? `not a valid tar archive (${m})` : m}`);
  }
  if (layer.diffId === void 0) return;
  const got = diffHash ? `${diffAlgo ?? ""}:${diffHash.digest("hex")}` : void 0;
  if (got !== layer.diffId)
    throw new Error(`layer ${layer.digest}: the uncompressed content (${got ?? "not hashed"}) does not match its diff_id ${layer.diffId} in the image config; the ${layer.digest === layer.diffId ? "archive" : "image"} was altered or is corrupt`);
}
async function firstBytes(input) {
  for (; ; ) {
    const chunk = input.read();
    if (chunk !== null) {
      const b = Buffer.from(chunk);
      input.unshift(b);
      return b;
    }
    if (input.readableEnded) return Buffer.alloc(0);
    await new Promise((done) => {
      const go = () => {
        input.off("readable", go);
        input.off("end", go);
        input.off("error", go);
        done();
      };
      input.on("readable", go);
      input.on("end", go);
      input.on("error", go);
    });
    if (input.errored) throw input.errored;
    if (input.readableEnded) return Buffer.alloc(0);
  }
}
function verifyDigest(input, digest, size) {
  const m = /^(sha256|sha512):([a-f0-9]+)$/.exec(digest);
  const hash = m ? createHash(m[1] ?? "sha256") : void 0;
  let seen = 0;
  const check = new Transform({
    transform(chunk, _enc, next) {
      seen += chunk.length;
      if (size !== void 0 && size > 0 && seen > size) return next(new Error(`blob ${digest} is larger than the ${size} bytes its descriptor declares`));
      hash?.update(chunk);
      next(null, chunk);
    },
    flush(next) {
      if (!m || !hash) return next(new Error(`"${digest}" is not a sha256 or sha512 digest; the blob cannot be verified`));
      const got = hash.digest("hex");
      next(got === m[2] ? null : new Error(`digest mismatch: expected ${digest}, got ${m[1] ?? ""}:${got}`));
    }
  });
  input.on("error", (e) => check.destroy(e));
  return input.pipe(check);
}

// src/sources/image/platform.ts
function indexEntries(doc) {
  return isObject(doc) && Array.isArray(doc["manifests"]) && !isObject(doc["config"]) ? doc["manifests"].filter(isObject) : void 0;
}
function pickPlatform(entries, platform) {
  const [os, arch, variant] = platform.split("/");
  const offered = [];
  for (const e of entries) {
    const p = e["platform"];
    if (!isObject(p) || typeof e["digest"] !== "string") continue;
    offered.push([p["os"], p["architecture"], p["variant"]].filter((s) => typeof s === "string").join("/"));
    if (p["os"] === os && p["architecture"] === arch && (variant === void 0 || p["variant"] === variant)) return e["digest"];
  }
  throw new Error(`no ${platform} image in the index (it has ${offered.length ? offered.join(", ") : "no platforms"}); choose one with --platform`);
}

// src/sources/image/local-image.ts
import { existsSync as existsSync2, statSync as statSync3 } from "node:fs";

// src/sources/image/registry.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdtempSync as mkdtempSync2, rmSync as rmSync4 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join4 } from "node:path";
import { Readable as Readable3 } from "node:stream";

// src/sources/image/capped-body.ts
async function readCapped(res, cap, what) {
  const limit = `${what} larger than ${cap >= 2 ** 20 ? `${cap / 2 ** 20} MiB` : `${cap} bytes`}`;
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => {
    });
    throw new Error(`${limit} (the server announced ${declared} bytes); refused`);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => {
      });
      throw new Error(`${limit}; refused after ${size} bytes`);
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks);
}

// src/sources/image/layer-cache.ts
import { randomUUID } from "node:crypto";
import { accessSync as accessSync2, constants as constants2, createReadStream as createReadStream2, createWriteStream as createWriteStream2, existsSync, mkdirSync, readdirSync, renameSync, rmSync as rmSync2, statSync as statSync2, utimesSync } from "node:fs";
import { homedir } from "node:os";
import { join as join2 } from "node:path";
import { Readable as Readable2 } from "node:stream";
var DEFAULT_CACHE_BYTES = 2 * 2 ** 30;
function defaultCacheDir() {
  return join2(process.env["XDG_CACHE_HOME"] ?? join2(homedir(), ".cache"), "rsyncguard", "layers");
}
var RECHECK2 = 64 << 20;
function usableCache(cache) {
  try {
    mkdirSync(cache.dir, { recursive: true });
    accessSync2(cache.dir, constants2.R_OK | constants2.W_OK | constants2.X_OK);
    return { ok: true };
  } catch (e) {
    const code = e instanceof Error && "code" in e ? String(e.code) : "";
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : code === "ENOTDIR" || code === "EEXIST" ? "not a directory" : code || "cannot be used";
    return { ok: false, warning: `layer cache ${cache.dir}: ${why}; continuing without it (--layer-cache DIR names another, --no-layer-cache skips it)` };
  }
}
function noRoom(cache, digest, free, need, reserve) {
  const where = cache.scratch ? `the temporary folder ${cache.dir}` : `the layer cache ${cache.dir}`;
  const fix = cache.scratch ? "Free space there or set TMPDIR to a larger disk" : "Free space there, pass --layer-cache DIR on a larger disk, or --no-layer-cache";
  return new Error(`blob ${digest} needs ${mib(need)} in ${where}, whose disk has ${mib(free)} free and must keep ${mib(reserve)} free (${limitVariable("minFreeBytes")}); not written. ${fix}`);
}
function fileFor(cache, digest) {
  return /^sha256:[a-f0-9]{64}$/.test(digest) ? join2(cache.dir, digest.replace(":", "-")) : void 0;
}
function cachedLayer(cache, digest) {
  const file = fileFor(cache, digest);
  if (!file || !existsSync(file)) return void 0;
  const now = /* @__PURE__ */ new Date();
  utimesSync(file, now, now);
  return createReadStream2(file);
}
function checkRoom(cache, digest, size) {
  cache.lease?.check(digest, size ?? 0);
  mkdirSync(cache.dir, { recursive: true });
  const reserve = imageLimits().minFreeBytes;
  const free = freeBytes(cache.dir);
  if (free - reserve < (size ?? 0)) throw noRoom(cache, digest, free, size ?? 0, reserve);
}
function cacheWhileReading(cache, digest, verified) {
  const file = fileFor(cache, digest);
  if (!file) return verified;
  mkdirSync(cache.dir, { recursive: true });
  const reserve = imageLimits().minFreeBytes;
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
  const out = createWriteStream2(partial);
  async function* tee() {
    let written = 0;
    let checked2 = 0;
    try {
      for await (const chunk of verified) {
        const b = Buffer.from(chunk);
        written += b.length;
        cache.lease?.take(digest, b.length);
        if (written - checked2 >= RECHECK2) {
          checked2 = written;
          const now = freeBytes(cache.dir);
          if (now - RECHECK2 < reserve) throw noRoom(cache, digest, now, written + RECHECK2, reserve);
        }
        out.write(b);
        yield b;
      }
      await new Promise((done) => out.end(() => done()));
      renameSync(partial, file);
      evict(cache);
    } catch (e) {
      out.destroy();
      rmSync2(partial, { force: true });
      throw e;
    }
  }
  return Readable2.from(tee());
}
function evict(cache) {
  const entries = readdirSync(cache.dir).filter((n) => n.startsWith("sha256-") && !n.endsWith(".partial")).map((n) => ({ path: join2(cache.dir, n), st: statSync2(join2(cache.dir, n)) })).sort((a, b) => b.st.mtimeMs - a.st.mtimeMs);
  let total = 0;
  for (const e of entries) {
    total += e.st.size;
    if (total > cache.maxBytes) rmSync2(e.path, { force: true });
  }
}

// src/sources/image/insecure-registries.ts
function loopback(host) {
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(host);
  const h = (bracketed ? bracketed[1] ?? "" : host.split(":").length > 2 ? host : host.replace(/:\d+$/, "")).toLowerCase();
  return h === "localhost" || ipv6(h) === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}
function ipv6(h) {
  if (!h.includes(":")) return void 0;
  try {
    return new URL(`http://[${h}]/`).hostname.slice(1, -1);
  } catch {
    return void 0;
  }
}
var normalise = (registry) => {
  const r = registry.toLowerCase();
  const m = /^\[([^\]]*)\](:\d+)?$/.exec(r);
  return m ? `[${ipv6(m[1] ?? "") ?? m[1]}]${m[2] ?? ""}` : r;
};
function plainHttp(registry, insecure) {
  if (!loopback(registry)) return false;
  if (insecure === true) return true;
  if (insecure === false) return false;
  return insecure.some((r) => normalise(r) === normalise(registry));
}
var REGISTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/i;
function checkInsecureRegistry(value) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return fail(`--insecure-registry ${JSON.stringify(value)}: write HOST:PORT, not a URL (${JSON.stringify(value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/.*$/, ""))})`);
  if (!REGISTRY.test(value)) return fail(`--insecure-registry ${JSON.stringify(value)} is not a registry: write HOST:PORT as in the image reference (127.0.0.1:5000)`);
  if (!loopback(value)) return fail(`--insecure-registry ${value}: plain HTTP is allowed only to a registry on loopback (127.0.0.0/8, ::1, localhost); every other registry is spoken to over HTTPS`);
  return ok(value);
}

// src/sources/image/registry-client.ts
var MAX_TOKEN = 1 << 20;
var MAX_REDIRECTS = 5;
function allowedUrl(url, insecure) {
  if (url.username !== "" || url.password !== "") return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && loopback(url.hostname) && plainHttp(url.host, insecure);
}
var refusedWhy = (url) => url.protocol === "http:" ? `plain HTTP is only allowed to registries on loopback named by --insecure-registry (${url.host} is not)` : "not an HTTPS URL";
async function fetchChecked(start, headers, insecure, timeoutMs) {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = start;
  for (let hop = 0; ; hop++) {
    if (!allowedUrl(url, insecure)) throw new Error(`refused to contact ${url.protocol}//${url.host}: ${refusedWhy(url)}`);
    const sent = url.origin === start.origin ? headers : Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== "authorization"));
    const res = await fetch(url, { headers: sent, redirect: "manual", signal });
    const location = res.headers.get("location");
    if (![301, 302, 303, 307, 308].includes(res.status) || location === null) return res;
    await res.body?.cancel().catch(() => {
    });
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    try {
      url = new URL(location, url);
    } catch {
      throw new Error("a redirect to an invalid URL");
    }
  }
}
function plainTextAnswer(e) {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  if (!(cause instanceof Error)) return false;
  const code = "code" in cause ? String(cause.code) : "";
  return code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "EPROTO" || /wrong version number|packet length too long/i.test(cause.message);
}
async function readBody(res) {
  try {
    return (await readCapped(res, 4096, "an error response")).toString("utf8");
  } catch {
    return "";
  }
}
function asked(path) {
  const [, kind, ref = ""] = /^\/(manifests|blobs)\/(.*)$/.exec(path) ?? [];
  if (kind === "blobs") return `blob ${ref}`;
  if (kind === "manifests") return /^sha(256|512):/.test(ref) ? `manifest ${ref}` : `tag ${ref}`;
  return path.replace(/^\//, "");
}
function plainHttpMessage(registry) {
  return loopback(registry) ? `the registry at ${registry} speaks plain HTTP; for a registry on loopback use --insecure-registry ${registry}` : `the registry at ${registry} speaks plain HTTP, which rsyncguard speaks only to registries on loopback (--insecure-registry); serve it over HTTPS`;
}
var RegistryClient = class {
  constructor(registry, repository, basic2, insecure) {
    this.registry = registry;
    this.repository = repository;
    this.basic = basic2;
    this.insecure = insecure;
    this.http = plainHttp(registry, insecure);
    this.base = `${this.http ? "http" : "https"}://${registry}/v2/${repository}`;
  }
  registry;
  repository;
  basic;
  insecure;
  token;
  http;
  base;
  /** A successful response; `notFound` words a 404 (a manifest names repository and tag, not a URL path). */
  async get(path, accept, notFound2) {
    let res = await this.request(path, accept);
    if (res.status === 401) {
      await this.authenticate(res.headers.get("www-authenticate") ?? "");
      res = await this.request(path, accept);
    }
    if (!res.ok) {
      if (this.http && res.status === 400 && /HTTPS server/i.test(await readBody(res))) throw new EnvironmentFailure(`the registry at ${this.registry} speaks HTTPS, not plain HTTP: leave it out of --insecure-registry`);
      await res.body?.cancel().catch(() => {
      });
      if (res.status === 404 && notFound2 !== void 0) throw new Error(notFound2);
      const what = `${asked(path)} of repository ${this.repository}`;
      const why = res.status === 401 || res.status === 403 ? `the registry at ${this.registry} refused the credentials for ${this.repository} (HTTP ${res.status}): check its entry in the Docker config's "auths" (--docker-config)` : res.status === 404 ? `${asked(path)} not found in repository ${this.repository} at ${this.registry} (HTTP 404)` : res.status >= 500 ? `the registry at ${this.registry} failed (HTTP ${res.status}) reading the ${what}: retry later, or ask whoever runs it` : `the registry at ${this.registry} answered HTTP ${res.status} for the ${what}`;
      throw UNAVAILABLE(res.status) ? new EnvironmentFailure(why) : new Error(why);
    }
    return res;
  }
  async request(path, accept) {
    const headers = { accept };
    if (this.token) headers["authorization"] = `Bearer ${this.token}`;
    else if (this.basic) headers["authorization"] = `Basic ${this.basic}`;
    try {
      return await fetchChecked(new URL(`${this.base}${path}`), headers, this.insecure, 6e4);
    } catch (e) {
      if (e instanceof Error && /^(refused to contact|more than \d+ redirects|a redirect to)/.test(e.message)) throw new Error(`${path}: ${e.message}`);
      if (!this.http && plainTextAnswer(e)) throw new EnvironmentFailure(plainHttpMessage(this.registry));
      const cause = errorMessage(e instanceof Error && e.cause instanceof Error ? e.cause : e);
      if (cause === "bad port") throw new EnvironmentFailure(`cannot reach ${this.base}: fetch refuses port ${new URL(this.base).port} (a port browsers block); serve the registry on another port`);
      throw new EnvironmentFailure(`cannot reach ${this.base}: ${cause}`);
    }
  }
  /** The WWW-Authenticate challenge: Basic means send credentials; Bearer means fetch a token first. */
  async authenticate(challenge) {
    if (/^basic/i.test(challenge)) {
      if (!this.basic) throw new EnvironmentFailure('the registry wants credentials: add them to ~/.docker/config.json "auths" (or --docker-config)');
      return;
    }
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!params["realm"]) throw new Error(`unsupported authentication challenge: ${challenge || "(none)"}`);
    let url;
    try {
      url = new URL(params["realm"]);
    } catch {
      throw new Error("the registry named a token service that is not a URL");
    }
    if (!allowedUrl(url, this.insecure)) throw new Error(`refused to ask ${url.protocol}//${url.host} for a token: ${refusedWhy(url)}`);
    if (params["service"]) url.searchParams.set("service", params["service"]);
    if (params["scope"]) url.searchParams.set("scope", params["scope"]);
    let res;
    try {
      res = await fetchChecked(url, this.basic ? { authorization: `Basic ${this.basic}` } : {}, this.insecure, 3e4);
    } catch (e) {
      throw new EnvironmentFailure(`token request to ${url.protocol}//${url.host}: ${errorMessage(e instanceof Error && e.cause instanceof Error ? e.cause : e)}`);
    }
    if (!res.ok) throw new EnvironmentFailure(`token request: HTTP ${res.status}`);
    let body;
    try {
      body = parseJson(await readCapped(res, MAX_TOKEN, "token response"), "the token response");
    } catch (e) {
      throw new EnvironmentFailure(`token request to ${url.protocol}//${url.host}: ${errorMessage(e)}`);
    }
    const token = isObject(body) ? body["token"] ?? body["access_token"] : void 0;
    if (typeof token !== "string") throw new EnvironmentFailure("the token service answered without a token");
    this.token = token;
  }
};

// src/sources/image/scratch-space.ts
import { readdirSync as readdirSync2, rmSync as rmSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3 } from "node:path";
var account = new BigInt64Array(new SharedArrayBuffer(8));
var slot = 0;
function scratchAccount(slots) {
  return new SharedArrayBuffer(8 * Math.max(1, slots));
}
function scratchPrefix(at = slot) {
  return `rsyncguard-layers-${process.pid}-${at}-`;
}
function scratchInUse(a = account) {
  let total = 0n;
  for (let i = 0; i < a.length; i++) total += Atomics.load(a, i);
  return Number(total);
}
function clearScratchSlot(buffer, at) {
  Atomics.store(new BigInt64Array(buffer), at, 0n);
  const prefix = scratchPrefix(at);
  try {
    for (const name of readdirSync2(tmpdir2())) if (name.startsWith(prefix)) rmSync3(join3(tmpdir2(), name), { recursive: true, force: true });
  } catch {
  }
}
var ScratchLease = class {
  constructor(cap) {
    this.cap = cap;
  }
  cap;
  own = 0;
  /** The account and slot when the lease was made: the bytes are freed where they were charged. */
  account = account;
  slot = slot;
  /** Before a layer is fetched: its declared size must fit. */
  check(digest, size) {
    this.fits(digest, size, this.own + size);
  }
  /** Bytes written to the folder (a layer's size may be absent or wrong: what streams is what counts). */
  take(digest, bytes2) {
    Atomics.add(this.account, this.slot, BigInt(bytes2));
    this.own += bytes2;
    this.fits(digest, 0, this.own);
  }
  release() {
    Atomics.sub(this.account, this.slot, BigInt(this.own));
    this.own = 0;
  }
  fits(digest, more, mine) {
    const v = limitVariable("scratchBytes");
    if (mine > this.cap) throw new Error(`blob ${digest}: the image's layers need more than ${mib(this.cap)} of scratch space under the temporary folder (${v})`);
    const all = scratchInUse(this.account) + more;
    if (all > this.cap) throw new EnvironmentFailure(`blob ${digest}: with this layer the analyses in progress would hold ${mib(all)} of scratch space, more than the ${mib(this.cap)} ${v} allows in all; retry later`);
  }
};

// src/sources/image/registry.ts
var ACCEPT = ["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"].join(", ");
function displayRef(ref) {
  return ref.replace(/^((?:[a-z][a-z0-9+.-]*:\/\/)?).*@(?=[^@]*\/)/i, "$1********@");
}
var DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function checkedDigest(value, what) {
  if (typeof value !== "string" || !DIGEST.test(value)) throw new Error(`the ${what} digest is not a sha256 or sha512 digest`);
  return value;
}
var DOCKER_HUB_NAMES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io"]);
var MAX_NAME = 255;
var MAX_TAG = 128;
function overlongReference(ref) {
  const at = ref.indexOf("@");
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const colon = name.lastIndexOf(":");
  const tagged = colon > name.lastIndexOf("/");
  const bare = tagged ? name.slice(0, colon) : name;
  const tag = tagged ? name.length - colon - 1 : 0;
  if (bare.length > MAX_NAME) return `the image name is ${bare.length} characters; registries accept at most ${MAX_NAME} (host, port and repository together)`;
  if (tag > MAX_TAG) return `the image tag is ${tag} characters; registries accept at most ${MAX_TAG}`;
  if (at >= 0 && ref.length - at - 1 > 135) return `the image digest is ${ref.length - at - 1} characters; no digest algorithm writes one that long`;
  return void 0;
}
var HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i;
function parseRegistryRef(ref) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || displayRef(ref) !== ref) {
    throw new Error(`"${displayRef(ref)}" is not an image reference: write it as HOST[:PORT]/REPOSITORY[:TAG|@DIGEST], without a scheme or credentials (credentials go in ~/.docker/config.json)`);
  }
  const overlong = overlongReference(ref);
  if (overlong !== void 0) throw new Error(`"${displayRef(ref).slice(0, 80)}\u2026" is not an image reference: ${overlong}`);
  const at = ref.indexOf("@");
  const name = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : void 0;
  const slash = name.indexOf("/");
  const first = slash >= 0 ? name.slice(0, slash) : "";
  const hasRegistry = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  if (hasRegistry && !HOST.test(first)) throw new Error(`"${displayRef(ref)}" is not an image reference: "${displayRef(first)}" is not a registry host`);
  const hub = !hasRegistry || DOCKER_HUB_NAMES.has(first.toLowerCase());
  const registry = hub ? DOCKER_HUB : first;
  let path = hasRegistry ? name.slice(slash + 1) : name;
  let tag = "latest";
  const colon = path.lastIndexOf(":");
  if (colon > path.lastIndexOf("/")) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (hub && !path.includes("/")) path = `library/${path}`;
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(path) || !(digest === void 0 ? TAG.test(tag) : DIGEST.test(digest))) throw new Error(`"${inert(displayRef(ref))}" is not an image reference: ${whyNotReference(ref, path, tag, digest)}`);
  return { registry, repository: path, reference: digest ?? tag };
}
function inert(text3) {
  return text3.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function whyNotReference(ref, path, tag, digest) {
  if (/[\u0000-\u001f\u007f]/.test(ref)) return "it holds control characters";
  if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(path)) return `the repository "${inert(path)}" may hold only lowercase letters and digits, separated by ".", "_", "-" or "/"`;
  return digest === void 0 ? `the tag "${inert(tag)}" may hold only letters, digits, "_", "." and "-" (at most 128, not starting with "." or "-")` : `"${inert(digest)}" is not a digest (ALGORITHM:HEX)`;
}
function basicCredentials(registry, file) {
  const read = readDockerConfig(file);
  if (!read.ok) throw new EnvironmentFailure(`${read.error.where ?? ""}: ${read.error.message}`);
  return credentialsFor(read.value, registry);
}
function scratchCache() {
  const lease = new ScratchLease(imageLimits().scratchBytes);
  const dir = mkdtempSync2(join4(tmpdir3(), scratchPrefix()));
  return {
    cache: { dir, maxBytes: Number.MAX_SAFE_INTEGER, scratch: true, lease },
    close: () => {
      rmSync4(dir, { recursive: true, force: true });
      lease.release();
    }
  };
}
async function readBody2(res, cap, what) {
  try {
    return await readCapped(res, cap, what);
  } catch (e) {
    if (transportError(e)) throw new EnvironmentFailure(`${what}: the connection failed (${errorMessage(e)})`);
    throw e;
  }
}
function clientFor(r, opts) {
  return new RegistryClient(r.registry, r.repository, basicCredentials(r.registry, opts.dockerConfig), opts.insecure);
}
function notFound(r, reference) {
  const at = r.registry === DOCKER_HUB ? "Docker Hub (docker.io)" : r.registry;
  return `${DIGEST.test(reference) ? "manifest" : "tag"} ${reference} not found in repository ${r.repository} at ${at} (HTTP 404)`;
}
async function manifestAt(client, r, reference) {
  const res = await client.get(`/manifests/${reference}`, ACCEPT, notFound(r, reference));
  const bytes2 = await readBody2(res, MAX_MANIFEST, `manifest "${reference}"`);
  const byDigest = DIGEST.test(reference);
  const said = res.headers.get("docker-content-digest")?.trim();
  if (!byDigest && said !== void 0 && said !== "" && !DIGEST.test(said)) {
    throw new Error(
      `the manifest of ${r.registry}/${r.repository}:${reference}: the registry's Docker-Content-Digest "${said.slice(0, 80).replace(/[^\x20-\x7e]/g, "?")}" is not a digest (sha256:\u2026 or sha512:\u2026), so the manifest cannot be checked; the registry or something between altered it`
    );
  }
  const digest = byDigest ? reference : said !== void 0 && DIGEST.test(said) ? said : null;
  const [algo = "sha256", hex] = (digest ?? "").split(":");
  if (digest !== null && createHash2(algo).update(bytes2).digest("hex") !== hex) {
    const what = byDigest ? `manifest ${reference}` : `the manifest of ${r.registry}/${r.repository}:${reference}`;
    throw new Error(
      `${what}: digest mismatch (${byDigest ? "asked for by digest" : `the registry's Docker-Content-Digest says ${digest}`}, the bytes hash to ${algo}:${createHash2(algo).update(bytes2).digest("hex")}); the registry or something between altered it`
    );
  }
  return { doc: parseJson(bytes2, `manifest "${reference}"`), digest };
}
async function openRegistryImage(ref, opts) {
  const r = parseRegistryRef(ref);
  const client = clientFor(r, opts);
  let { doc: manifest, digest } = await manifestAt(client, r, r.reference);
  const entries = indexEntries(manifest);
  if (entries) ({ doc: manifest, digest } = await manifestAt(client, r, checkedDigest(pickPlatform(entries, opts.platform), "platform manifest")));
  if (!isObject(manifest) || !isObject(manifest["config"]) || !Array.isArray(manifest["layers"])) throw new Error("not an image manifest");
  const configDigest = checkedDigest(manifest["config"]["digest"], "image config");
  const configRes = await client.get(`/blobs/${configDigest}`, "*/*");
  const configBytes = await readBody2(configRes, MAX_CONFIG, `image config ${configDigest}`);
  const [algo = "sha256", hex] = configDigest.split(":");
  if (createHash2(algo).update(configBytes).digest("hex") !== hex) throw new Error(`image config ${configDigest}: digest mismatch`);
  const config = parseJson(configBytes, `image config ${configDigest}`);
  const usable = opts.cache ? usableCache(opts.cache) : void 0;
  const shared = usable?.ok === true ? opts.cache : void 0;
  const scratch = shared ? void 0 : scratchCache();
  let transport;
  const cache = shared ?? scratch.cache;
  const descriptors = manifest["layers"].filter(isObject);
  const diffIds = layerDiffIds(config, descriptors.length, `the manifest of ${displayRef(ref)}`);
  const layers = descriptors.map((l, i) => {
    const d = checkedDigest(l["digest"], "layer");
    const size = typeof l["size"] === "number" ? l["size"] : void 0;
    return {
      digest: d,
      diffId: diffIds[i] ?? "",
      open: async () => {
        const cached = cachedLayer(cache, d);
        if (cached) return verifyDigest(cached, d);
        checkRoom(cache, d, size);
        const blob = await client.get(`/blobs/${d}`, "*/*");
        if (!blob.body) throw new Error(`blob ${d}: empty response`);
        const body = Readable3.fromWeb(blob.body);
        body.on("error", (e) => transport ??= `blob ${d}: the connection failed (${e.message})`);
        const verified = verifyDigest(body, d, size);
        return cacheWhileReading(cache, d, verified);
      }
    };
  });
  const warnings = usable?.ok === false ? [usable.warning] : [];
  return { ref, digest, repository: `${r.registry}/${r.repository}`, config, layers, close: () => scratch?.close(), unavailable: () => transport, ...warnings.length > 0 ? { warnings } : {} };
}
async function resolveDigest(ref, opts) {
  const r = parseRegistryRef(ref);
  if (DIGEST.test(r.reference)) return `${r.registry}/${r.repository}@${r.reference}`;
  const client = clientFor(r, opts);
  const res = await client.get(`/manifests/${r.reference}`, ACCEPT, notFound(r, r.reference));
  const digest = res.headers.get("docker-content-digest");
  await res.body?.cancel().catch(() => {
  });
  if (!digest) throw new Error(`${ref}: the registry did not say the manifest digest`);
  return `${r.registry}/${r.repository}@${digest}`;
}

// src/sources/image/local-image.ts
function isLocalPath(ref) {
  return /^(\/|\.\.?(\/|$)|~\/)/.test(ref) || existsSync2(ref) || looksLikeFile(ref);
}
var ARCHIVE_NAME = /\.(tar|tar\.gz|tgz|oci|oci\.tar)$/i;
function looksLikeFile(ref) {
  if (ref.includes("\\")) return true;
  const slash = ref.indexOf("/");
  const first = slash >= 0 ? ref.slice(0, slash) : "";
  const host = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost");
  const tagged = ref.includes("@") || ref.lastIndexOf(":") > ref.lastIndexOf("/");
  if (host || tagged) return false;
  return ARCHIVE_NAME.test(ref) || slash >= 0 && !isRegistryRef(ref);
}
function isRegistryRef(ref) {
  try {
    parseRegistryRef(ref);
    return true;
  } catch {
    return false;
  }
}
function noSuchPath(path) {
  const asName = !/^(\/|\.\.?(\/|$)|~\/)/.test(path) && isRegistryRef(path);
  const why = asName ? `to pull it from a registry write docker.io/${path.includes("/") ? "" : "library/"}${path}` : "a local image: a docker-archive or oci-archive file, or an OCI layout directory";
  return new Error(`${path}: no such file or directory here (${why})`);
}
function shadowed(path) {
  if (/^(\/|\.\.?(\/|$)|~\/)/.test(path) || /\.[^/]*$/.test(path) || !isRegistryRef(path)) return "";
  const first = path.split("/")[0] ?? "";
  const hosted = path.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  const how = hosted ? "run rsyncguard from another directory" : `write docker.io/${path.includes("/") ? "" : "library/"}${path}`;
  return `; ${path} was read as a local path because it exists here: for the registry image ${how}`;
}
async function sniffLocalImage(path) {
  if (!existsSync2(path)) throw noSuchPath(path);
  const st = statSync3(path);
  if (st.isDirectory()) {
    const store2 = dirStore(path);
    if (store2.has("oci-layout")) return { form: "oci", store: store2 };
    const found = ["index.json", "manifest.json"].filter((f) => store2.has(f));
    const saved = found.includes("manifest.json") ? "; an unpacked docker save is not read: give its .tar" : "";
    throw new Error(`${path} is a directory but not an OCI layout: no oci-layout file${found.length > 0 ? ` (it holds ${found.join(" and ")})` : ""}${saved}${shadowed(path)}`);
  }
  if (!st.isFile()) throw new Error(`${path} is neither a regular file nor a directory`);
  let store;
  try {
    store = await archiveStore(path);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(`${path} is `, "").replace(`${path}: `, "");
    throw new Error(`${path} is not an image: a file, and ${why} (a local image is a docker-archive or oci-archive, or an OCI layout directory)${shadowed(path)}`);
  }
  const docker = store.has("manifest.json");
  const oci = store.has("oci-layout") && store.has("index.json");
  if (docker !== oci) return { form: docker ? "docker-archive" : "oci-archive", store };
  if (docker) return { form: "docker-archive", store, alsoOci: true };
  const some = ["oci-layout", "index.json"].filter((f) => store.has(f));
  store.close();
  throw new Error(`${path} is a tar archive but not an image: no manifest.json (docker-archive)${some.length > 0 ? `, and only ${some.join(" ")} of an OCI archive's oci-layout and index.json` : " and no oci-layout with index.json (oci-archive)"}`);
}

// src/sources/image/open-image.ts
var MAX_MANIFEST = 4 << 20;
var MAX_CONFIG = 8 << 20;
function parseJson(bytes2, what) {
  try {
    return JSON.parse(bytes2.toString("utf8"));
  } catch (e) {
    const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : void 0;
    throw new Error(`${what} is not valid JSON${at !== void 0 ? ` (at character ${at})` : ""}`);
  }
}
function blobPath(digest) {
  const [algo, hex] = digest.split(":");
  if (!algo || !hex || !/^[a-f0-9]+$/.test(hex) || !/^[a-z0-9]+$/.test(algo)) throw new Error(`"${digest}" is not a digest`);
  return `blobs/${algo}/${hex}`;
}
function readBlob(store, digest, what, cap) {
  const path = blobPath(digest);
  if (!store.has(path)) throw new Error(store.refused?.(path) ?? `blob ${digest} is missing from the image`);
  const bytes2 = store.read(path, cap, `${what} ${digest}`);
  const [algo, hex] = digest.split(":");
  if (algo === "sha256" && createHash3("sha256").update(bytes2).digest("hex") !== hex) throw new Error(`${what} ${digest}: digest mismatch`);
  return parseJson(bytes2, `${what} ${digest}`);
}
function sameImageName(name) {
  const bare = name.replace(/^(docker\.io|index\.docker\.io)\//, "").replace(/^library\//, "");
  return bare.includes("@") || bare.lastIndexOf(":") > bare.lastIndexOf("/") ? bare : `${bare}:latest`;
}
function ociNames(entry) {
  const a = isObject(entry["annotations"]) ? entry["annotations"] : {};
  return [a["io.containerd.image.name"], a["org.opencontainers.image.ref.name"]].filter((n) => typeof n === "string" && n !== "");
}
function severalImages(where, names2, choose) {
  const shown2 = names2.slice(0, 8).map((n) => choose(n));
  const more = names2.length > 8 ? ` and ${names2.length - 8} more` : "";
  return new Error(`${where} holds ${names2.length} images; name the one to scan: ${shown2.join(", ")}${more}`);
}
function openOciLayout(store, tag, ref, platform, dir, choose = (n) => `oci:${store.where}:${n}`) {
  if (!store.has("index.json")) throw new Error(store.refused?.("index.json") ?? `${store.where} is not an OCI layout (no index.json)`);
  const index = parseJson(store.read("index.json", MAX_MANIFEST, "index.json"), "index.json");
  const manifests = isObject(index) && Array.isArray(index["manifests"]) ? index["manifests"].filter(isObject) : [];
  let pick2;
  if (tag !== void 0 && /^@\d+$/.test(tag)) pick2 = manifests[Number(tag.slice(1))];
  else if (tag !== void 0) {
    pick2 = manifests.find((m) => ociNames(m).includes(tag)) ?? manifests.find((m) => ociNames(m).some((n) => sameImageName(n) === sameImageName(tag)));
  } else if (manifests.length > 1 && manifests.every((m) => isObject(m["platform"]))) {
    const chosen = pickPlatform(manifests, platform);
    pick2 = manifests.find((m) => m["digest"] === chosen);
  } else if (manifests.length > 1) {
    const tags = manifests.map((m) => ociNames(m).at(-1));
    throw severalImages(
      store.where,
      tags.map((t, i) => t !== void 0 && tags.indexOf(t) === tags.lastIndexOf(t) ? t : `@${i}`),
      choose
    );
  } else pick2 = manifests[0];
  if (!pick2 || typeof pick2["digest"] !== "string") throw new Error(tag === void 0 ? "the layout has no manifest" : `the layout has no image tagged "${tag}" (it has ${manifests.flatMap((m) => ociNames(m).slice(-1)).join(", ") || "no tags"})`);
  let digest = pick2["digest"];
  const full = ociNames(pick2)[0];
  const name = full === void 0 ? void 0 : familiar(full);
  let manifest = readBlob(store, digest, "manifest", MAX_MANIFEST);
  const entries = indexEntries(manifest);
  if (entries) {
    digest = pickPlatform(entries, platform);
    manifest = readBlob(store, digest, "manifest", MAX_MANIFEST);
  }
  if (!isObject(manifest) || !isObject(manifest["config"]) || !Array.isArray(manifest["layers"])) throw new Error(`manifest ${digest} is not an image manifest`);
  const config = readBlob(store, String(manifest["config"]["digest"]), "image config", MAX_CONFIG);
  const descriptors = manifest["layers"].filter(isObject);
  const diffIds = layerDiffIds(config, descriptors.length, `manifest ${digest}`);
  const layers = descriptors.map((l, i) => {
    const d = String(l["digest"]);
    const path = blobPath(d);
    if (!store.has(path)) throw new Error(store.refused?.(path) ?? `blob ${d} is missing from the image`);
    const size = typeof l["size"] === "number" ? l["size"] : void 0;
    return { digest: d, diffId: diffIds[i] ?? "", open: () => Promise.resolve(verifyDigest(store.stream(path), d, size)) };
  });
  return { ref, digest, repository: dir ?? ref.replace(/:[^/:]*$/, ""), ...name !== void 0 ? { name } : {}, config, layers, close: () => store.close() };
}
function dockerEntries(store) {
  if (!store.has("manifest.json")) throw new Error("not a docker-archive (no manifest.json)");
  const manifest = parseJson(store.read("manifest.json", MAX_MANIFEST, "manifest.json"), "manifest.json");
  return Array.isArray(manifest) ? manifest.filter(isObject) : [];
}
var repoTags = (e) => Array.isArray(e["RepoTags"]) ? e["RepoTags"].filter((t) => typeof t === "string") : [];
var familiar = (name) => name.replace(/^docker\.io\/(library\/)?/, "");
function chooseDockerEntry(entries, choice, where) {
  if (choice === void 0) {
    if (entries.length > 1)
      throw severalImages(
        where,
        entries.map((e, i) => familiar(repoTags(e)[0] ?? `@${i}`)),
        (n) => `docker-archive:${where}:${n}`
      );
    return { entry: entries[0] };
  }
  if (/^@\d+$/.test(choice)) return { entry: entries[Number(choice.slice(1))] };
  const want = sameImageName(choice);
  for (const entry of entries) {
    const tag = repoTags(entry).find((t) => sameImageName(t) === want);
    if (tag !== void 0) return { entry, tag };
  }
  const all = entries.map((e, i) => familiar(repoTags(e)[0] ?? `@${i}`));
  throw new Error(`${where} has no image ${choice} (it holds ${all.join(", ") || "no tagged image"})`);
}
function openDockerArchive(store, ref, choice) {
  const { entry: first, tag: chosen } = chooseDockerEntry(dockerEntries(store), choice, store.where);
  if (!first || typeof first["Config"] !== "string" || !Array.isArray(first["Layers"])) throw new Error("not a docker-archive (no manifest.json with Config and Layers)");
  const inside = (p) => {
    if (!store.has(p)) throw new Error(`docker-archive entry ${p} is missing`);
    return p;
  };
  const config = parseJson(store.read(inside(first["Config"]), MAX_CONFIG, "image config"), "image config");
  const names2 = first["Layers"].map(String);
  const diffIds = layerDiffIds(config, names2.length, "manifest.json");
  const layers = names2.map((p, i) => {
    const path = inside(p);
    const diffId = String(diffIds[i]);
    return { digest: diffId, diffId, open: () => Promise.resolve(store.stream(path)) };
  });
  const tags = chosen !== void 0 ? [chosen] : repoTags(first);
  const name = tags[0] === void 0 ? void 0 : familiar(tags[0]);
  return { ref, digest: null, repository: (tags[0] ?? ref).replace(/:[^/:]*$/, ""), ...name !== void 0 ? { name } : {}, config, layers, close: () => store.close() };
}
function localTransport(ref) {
  const m = /^(oci|oci-archive|docker-archive):/i.exec(ref);
  const name = m?.[1]?.toLowerCase();
  return m === null || name !== "oci" && name !== "oci-archive" && name !== "docker-archive" ? void 0 : { transport: name, rest: ref.slice(m[0].length) };
}
var isLocalTransport = (ref) => localTransport(ref) !== void 0;
async function openImage(ref, opts, { paths = false } = {}) {
  const local = localTransport(ref);
  if (local === void 0 && paths && isLocalPath(ref)) return openLocalPath(ref, opts.platform);
  if (local === void 0) return openRegistryImage(ref, opts);
  const { path, choice } = splitLocal(local.rest);
  if (local.transport === "oci") {
    if (!existsSync3(path)) throw new Error(`${path}: no such directory`);
    return openOciLayout(dirStore(path), choice, ref, opts.platform, path);
  }
  const docker = local.transport === "docker-archive";
  if (!existsSync3(path)) throw new Error(`${path}: no such file`);
  const store = await archiveStore(path);
  try {
    return docker ? openDockerArchive(store, ref, choice) : openOciLayout(store, choice, ref, opts.platform, void 0, (n) => `oci-archive:${path}:${n}`);
  } catch (e) {
    store.close();
    throw e;
  }
}
async function openLocalPath(path, platform) {
  const { form, store, alsoOci } = await sniffLocalImage(path);
  try {
    if (alsoOci === true) sameImagesBothWays(store, path);
    if (form === "docker-archive") return openDockerArchive(store, path);
    return openOciLayout(store, void 0, path, platform, form === "oci" ? path : `oci-archive:${path}`, (n) => `${form === "oci" ? "oci" : "oci-archive"}:${path}:${n}`);
  } catch (e) {
    store.close();
    throw e;
  }
}
function splitLocal(rest) {
  const colon = rest.indexOf(":");
  if (colon < 0 || existsSync3(rest)) return { path: rest };
  const choice = rest.slice(colon + 1);
  return { path: rest.slice(0, colon), ...choice !== "" ? { choice } : {} };
}
function dockerConfigs(store) {
  return dockerEntries(store).map((e) => {
    const p = typeof e["Config"] === "string" ? e["Config"] : "";
    const m = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(p);
    if (m) return `sha256:${m[1]}`;
    return store.has(p) ? `sha256:${createHash3("sha256").update(store.read(p, MAX_CONFIG, "image config")).digest("hex")}` : p;
  });
}
function ociConfigs(store) {
  const index = parseJson(store.read("index.json", MAX_MANIFEST, "index.json"), "index.json");
  const top = indexEntries(index) ?? [];
  const configOf2 = (doc) => isObject(doc) && isObject(doc["config"]) && typeof doc["config"]["digest"] === "string" ? doc["config"]["digest"] : void 0;
  return top.map((e) => {
    const doc = typeof e["digest"] === "string" ? readBlob(store, e["digest"], "manifest", MAX_MANIFEST) : void 0;
    const nested = indexEntries(doc);
    if (!nested) return [configOf2(doc)].filter((c) => c !== void 0);
    return nested.flatMap((n) => typeof n["digest"] === "string" && store.has(blobPath(n["digest"])) ? [configOf2(readBlob(store, n["digest"], "manifest", MAX_MANIFEST))] : []).filter((c) => c !== void 0);
  });
}
function sameImagesBothWays(store, path) {
  const docker = dockerConfigs(store);
  let oci;
  try {
    oci = ociConfigs(store);
  } catch (e) {
    throw new Error(`${path} holds a docker save manifest.json and an OCI layout (oci-layout, index.json) that cannot be compared (${e instanceof Error ? e.message : String(e)}): name the form, docker-archive:${path} or oci-archive:${path}`);
  }
  const agree = docker.length === oci.length && docker.every((c, i) => oci[i]?.includes(c) === true);
  if (!agree) throw new Error(`${path} holds a docker save manifest.json and an OCI layout (oci-layout, index.json) that describe different images: name the form, docker-archive:${path} or oci-archive:${path}`);
}

// src/sources/image/docker-config.ts
var NAMES = ["config.json", ".dockerconfigjson", ".dockercfg"];
function inDirectory(dir) {
  return NAMES.map((n) => join5(dir, n)).find((f) => existsSync4(f)) ?? join5(dir, "config.json");
}
function defaultDockerConfig(env = process.env) {
  const dir = env["DOCKER_CONFIG"];
  return dir !== void 0 && dir !== "" ? inDirectory(dir) : join5(homedir2(), ".docker", "config.json");
}
var isDirectory = (path) => {
  try {
    return statSync4(path).isDirectory();
  } catch {
    return false;
  }
};
function legacy(path, doc) {
  if ("auths" in doc) return false;
  return basename(path) === ".dockercfg" || Object.values(doc).some((v) => isObject(v) && ("auth" in v || "username" in v));
}
function configPath(file) {
  return file === void 0 ? defaultDockerConfig() : isDirectory(file) ? inDirectory(file) : file;
}
function readDockerConfig(file) {
  const path = configPath(file);
  const named3 = file !== void 0 ? " (--docker-config)" : "";
  const hint = file !== void 0 ? 'Point --docker-config at a Docker config.json with registry "auths" (`docker login` writes one), a .dockerconfigjson or .dockercfg file, or the directory an imagePullSecret is mounted as; or leave it out for anonymous access.' : "Fix or remove the file (or set DOCKER_CONFIG to the directory of a readable config.json or a mounted imagePullSecret), or name one with --docker-config.";
  if (file === void 0 && !existsSync4(path)) return ok(void 0);
  let bytes2;
  try {
    bytes2 = readFileSync2(path);
  } catch (e) {
    if (file !== void 0 && path !== file) return fail(new UserError(`cannot read the Docker config${named3}: no ${NAMES.join(", ")} in the directory`, file, hint));
    return fail(new UserError(`cannot read the Docker config${named3}: ${errorMessage(e)}`, path, hint));
  }
  let doc;
  try {
    doc = parseJson(bytes2, `the Docker config${named3}`);
  } catch (e) {
    return fail(new UserError(errorMessage(e), path, hint));
  }
  if (!isObject(doc)) return fail(new UserError(`the Docker config${named3} is not a JSON object`, path, hint));
  if (legacy(path, doc)) return ok({ auths: doc });
  return ok({ auths: isObject(doc["auths"]) ? doc["auths"] : {} });
}
var named = (key2) => JSON.stringify(key2.length > 80 ? `${key2.slice(0, 80)}\u2026` : key2);
function listed(keys) {
  return `${keys.slice(0, 5).map(named).join(", ")}${keys.length > 5 ? ` and ${keys.length - 5} more` : ""}`;
}
function dockerConfigIgnored(file) {
  const path = configPath(file);
  let doc;
  try {
    doc = JSON.parse(readFileSync2(path, "utf8"));
  } catch {
    return void 0;
  }
  if (!isObject(doc)) return void 0;
  const ignored = [];
  const isLegacy = legacy(path, doc);
  const auths = isLegacy ? doc : doc["auths"];
  if (!isLegacy && "auths" in doc && !isObject(auths)) ignored.push(`"auths" is ${Array.isArray(auths) ? "a list" : auths === null ? "null" : `a ${typeof auths}`}, not an object of registries: no credentials are read from it`);
  if (typeof doc["credsStore"] === "string") ignored.push('"credsStore" names a credential helper, which rsyncguard does not run: registries only it knows are pulled anonymously');
  const helpers = isObject(doc["credHelpers"]) ? Object.keys(doc["credHelpers"]) : [];
  if (helpers.length > 0) ignored.push(`"credHelpers" for ${listed(helpers)}: credential helpers are not run, so these registries are pulled anonymously`);
  const usable = [];
  const unusable = [];
  const notBasic = [];
  for (const [key2, entry] of Object.entries(isObject(auths) ? auths : {})) {
    const auth = basic(entry);
    if (auth === void 0) unusable.push(key2);
    else if (!Buffer.from(auth, "base64").toString("utf8").includes(":")) notBasic.push(key2);
    else usable.push(key2);
  }
  if (unusable.length > 0) ignored.push(`the entries for ${listed(unusable)} have no "auth", nor "username" and "password": these registries are pulled anonymously`);
  if (notBasic.length > 0) ignored.push(`the "auth" of ${listed(notBasic)} is not base64 of user:password: the registry will refuse it`);
  if (file !== void 0 && usable.length === 0 && ignored.length === 0) ignored.push("it holds no registry credentials: every pull is anonymous");
  return { path, ignored };
}
var DOCKER_HUB = "registry-1.docker.io";
var DOCKER_HUB_KEYS = ["index.docker.io", "docker.io", DOCKER_HUB];
function hostOf(key2) {
  return key2.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/.*$/, "").toLowerCase();
}
function globMatches(glob, registry) {
  const [gHost = "", gPort] = glob.split(/:(?=\d+$)/);
  const [rHost = "", rPort] = registry.split(/:(?=\d+$)/);
  if (gPort !== rPort) return false;
  const g = gHost.split(".");
  const r = rHost.split(".");
  return g.length === r.length && g.every((label2, i) => label2 === "*" || label2 === r[i]);
}
function registryKeys(config) {
  const exact = /* @__PURE__ */ new Set();
  const globs = [];
  for (const key2 of Object.keys(config?.auths ?? {})) {
    const host = hostOf(key2);
    if (host === "") continue;
    if (host.includes("*")) globs.push({ key: host, matches: (registry) => globMatches(host, registry) });
    else exact.add(DOCKER_HUB_KEYS.includes(host) ? DOCKER_HUB : host);
  }
  return { exact, globs };
}
function basic(entry) {
  if (!isObject(entry)) return void 0;
  if (typeof entry["auth"] === "string" && entry["auth"] !== "") return entry["auth"];
  const { username, password } = entry;
  return typeof username === "string" && typeof password === "string" && username !== "" ? Buffer.from(`${username}:${password}`).toString("base64") : void 0;
}
function credentialsFor(config, registry) {
  if (!config) return void 0;
  const wanted = registry.toLowerCase();
  const names2 = wanted === DOCKER_HUB ? DOCKER_HUB_KEYS : [wanted];
  const entries = Object.entries(config.auths).map(([key2, entry]) => ({ host: hostOf(key2), entry }));
  for (const name of names2) {
    const hit = entries.find((e) => e.host === name && basic(e.entry) !== void 0);
    if (hit) return basic(hit.entry);
  }
  const glob = entries.find((e) => e.host.includes("*") && globMatches(e.host, wanted) && basic(e.entry) !== void 0);
  return glob ? basic(glob.entry) : void 0;
}

// src/sources/admission-review.ts
var WORKLOADS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"];
var CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"];
var MAX_QUOTED = 200;
function templateSpec(holder) {
  return isObject(holder) && isObject(holder["template"]) && isObject(holder["template"]["spec"]) ? holder["template"]["spec"] : void 0;
}
function podSpec(kind, object) {
  const spec = isObject(object["spec"]) ? object["spec"] : void 0;
  if (!spec) return void 0;
  if (kind === "Pod") return spec;
  if (kind === "PodTemplate") return templateSpec(object);
  if (WORKLOADS.includes(kind)) return templateSpec(spec);
  if (kind === "CronJob") return isObject(spec["jobTemplate"]) ? templateSpec(spec["jobTemplate"]["spec"]) : void 0;
  return void 0;
}
function quote(text3) {
  return JSON.stringify(text3.length > MAX_QUOTED ? `${text3.slice(0, MAX_QUOTED)}\u2026` : text3);
}
function containerKey(c) {
  if (!isObject(c)) return void 0;
  const name = typeof c["name"] === "string" ? c["name"] : null;
  const image = c["image"] ?? null;
  return image === null || typeof image === "string" ? JSON.stringify([name, image]) : void 0;
}
function readList(list, value, prefix, into) {
  const { images, unreadable, before } = into;
  if (value === void 0 || value === null) return;
  if (!Array.isArray(value)) {
    unreadable.push({ container: `${prefix}${list}`, reason: `${list} is not a list` });
    return;
  }
  value.forEach((c, i) => {
    if (before !== void 0) {
      const k = containerKey(c);
      if (k !== void 0 && before.has(k)) {
        into.unchanged++;
        return;
      }
    }
    const where = () => `${prefix}${list}[${i}]${isObject(c) && typeof c["name"] === "string" ? ` ${quote(c["name"])}` : ""}`;
    if (!isObject(c)) unreadable.push({ container: where(), reason: "not an object" });
    else if (!("image" in c)) unreadable.push({ container: where(), reason: "no image field" });
    else if (typeof c["image"] !== "string") unreadable.push({ container: where(), reason: `image is a ${c["image"] === null ? "null" : Array.isArray(c["image"]) ? "list" : typeof c["image"]}, not a string` });
    else if (c["image"].trim() === "") unreadable.push({ container: where(), reason: "image is empty" });
    else {
      const overlong = overlongReference(c["image"]);
      if (overlong !== void 0) unreadable.push({ container: where(), reason: overlong, refused: true });
      else images.push(c["image"]);
    }
  });
}
var label = (key2) => /^[A-Za-z0-9_-]{1,64}$/.test(key2) ? key2 : quote(key2);
function containerListsAnywhere(object, visit) {
  const stack = [[object, ""]];
  while (stack.length > 0) {
    const [value, path] = stack.pop();
    const at = path.length > 400 ? `${path.slice(0, 400)}\u2026` : path;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (typeof value[i] === "object" && value[i] !== null) stack.push([value[i], `${at}[${i}]`]);
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      for (let k = keys.length - 1; k >= 0; k--) {
        const key2 = keys[k] ?? "";
        if (CONTAINER_LISTS.includes(key2)) visit(key2, value[key2], at ? `${at}.` : "");
        else if (typeof value[key2] === "object" && value[key2] !== null) stack.push([value[key2], `${at}${at ? "." : ""}${label(key2)}`]);
      }
    }
  }
}
var hasPodSpecPath = (kind) => kind === "Pod" || kind === "PodTemplate" || kind === "CronJob" || WORKLOADS.includes(kind);
function eachList(kind, object, visit) {
  if (!hasPodSpecPath(kind)) {
    containerListsAnywhere(object, visit);
    return true;
  }
  const spec = podSpec(kind, object);
  if (!spec) return false;
  for (const list of CONTAINER_LISTS) visit(list, spec[list], "");
  return true;
}
function containersBefore(kind, old) {
  const keys = /* @__PURE__ */ new Set();
  if (!isObject(old)) return keys;
  eachList(kind, old, (_list, value) => {
    if (Array.isArray(value)) {
      for (const c of value) {
        const k = containerKey(c);
        if (k !== void 0) keys.add(k);
      }
    }
  });
  return keys;
}
var deleting = (object) => isObject(object) && isObject(object["metadata"]) && typeof object["metadata"]["deletionTimestamp"] === "string" && object["metadata"]["deletionTimestamp"] !== "";
function identity(req) {
  const namespace = typeof req["namespace"] === "string" ? req["namespace"] : "";
  const object = req["object"];
  const metadata = isObject(object) && isObject(object["metadata"]) ? object["metadata"] : void 0;
  const objectUid = metadata && typeof metadata["uid"] === "string" && metadata["uid"] !== "" ? metadata["uid"] : void 0;
  const refs = metadata?.["ownerReferences"];
  const owners = [];
  if (Array.isArray(refs)) {
    for (const r of refs) {
      if (isObject(r) && r["controller"] === true && typeof r["kind"] === "string" && typeof r["uid"] === "string" && r["uid"] !== "") owners.push({ kind: r["kind"], uid: r["uid"] });
    }
  }
  return objectUid === void 0 ? { namespace, owners } : { namespace, objectUid, owners };
}
function reviewFromText(text3) {
  let parsed;
  try {
    parsed = JSON.parse(text3);
  } catch {
    return "the body is not JSON: send an admission.k8s.io/v1 AdmissionReview";
  }
  return parseReview(parsed);
}
function parseReview(body) {
  if (!isObject(body) || body["kind"] !== "AdmissionReview" || body["apiVersion"] !== "admission.k8s.io/v1") return "not an admission.k8s.io/v1 AdmissionReview";
  const req = body["request"];
  if (!isObject(req)) return "the review has no request object";
  if (req["uid"] !== void 0 && typeof req["uid"] !== "string") return `request.uid is a ${Array.isArray(req["uid"]) ? "list" : req["uid"] === null ? "null" : typeof req["uid"]}, not the string the API server sends`;
  if (typeof req["uid"] !== "string" || req["uid"] === "") return "the review has no request.uid";
  const uid = req["uid"];
  const who = identity(req);
  const kind = isObject(req["kind"]) && typeof req["kind"]["kind"] === "string" ? req["kind"]["kind"] : "";
  const operation = typeof req["operation"] === "string" ? req["operation"] : "";
  if (operation === "DELETE" || operation === "CONNECT") return { uid, kind, ...who, images: [], unreadable: [], nothingToRun: `a ${operation} starts no container` };
  const object = req["object"];
  if (!isObject(object)) return { uid, kind, ...who, images: [], unreadable: [{ container: "request.object", reason: `the review${operation ? ` (${operation})` : ""} carries no request.object to read` }] };
  const update = operation === "UPDATE";
  if (update && deleting(object) && deleting(req["oldObject"])) return { uid, kind, ...who, images: [], unreadable: [], nothingToRun: "it is being deleted (metadata.deletionTimestamp is set), so no new container starts" };
  const found = { images: [], unreadable: [], unchanged: 0, ...update ? { before: containersBefore(kind, req["oldObject"]) } : {} };
  if (!eachList(kind, object, (list, value, prefix) => readList(list, value, prefix, found))) return { uid, kind, ...who, images: [], unreadable: [{ container: "the pod spec", reason: `this ${kind} has no pod spec where one belongs` }] };
  const read = { images: [...new Set(found.images)], unreadable: found.unreadable };
  if (read.images.length > 0 || read.unreadable.length > 0) return { uid, kind, ...who, ...read };
  if (found.unchanged > 0) return { uid, kind, ...who, ...read, nothingToRun: `no new images: ${found.unchanged === 1 ? "its container runs the image it had" : `its ${found.unchanged} containers run the images they had`} before this UPDATE` };
  if (!hasPodSpecPath(kind)) return { uid, kind, ...who, ...read, nothingToRun: `this ${kind ? quote(kind) : "object"} holds no container list` };
  return { uid, kind, ...who, ...read };
}

// src/sources/image/registry-labels.ts
var MAX_LOOPBACK_LABELS = 100;
function registryLabeller(named3) {
  const { exact, globs } = registryKeys(named3.auths);
  exact.add(DOCKER_HUB);
  const seenLoopback = /* @__PURE__ */ new Set();
  return (registry) => {
    const r = registry.toLowerCase();
    if (r === "") return "none";
    if (exact.has(r)) return r;
    const glob = globs.find((g) => g.matches(r));
    if (glob) return glob.key;
    if (Array.isArray(named3.insecure) && plainHttp(r, named3.insecure)) return r;
    if (named3.insecure === true && loopback(r) && (seenLoopback.has(r) || seenLoopback.size < MAX_LOOPBACK_LABELS)) {
      seenLoopback.add(r);
      return r;
    }
    return "other";
  };
}

// src/runner/admission-message.ts
var ADMISSION_MODES = ["enforce", "warn", "audit"];
var MAX_MESSAGE = 1024;
var MAX_WARNING = 120;
var MAX_WARNINGS = 10;
var bytes = (text3) => Buffer.byteLength(text3, "utf8");
function cut(text3, max) {
  if (text3.length <= max) return text3;
  const end = /[\ud800-\udbff]/.test(text3.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text3.slice(0, end)}\u2026`;
}
function shortDigest(digest) {
  const at = digest.lastIndexOf("@");
  const bare = at >= 0 ? digest.slice(at + 1) : digest;
  const [algo = "", hex = ""] = bare.split(":");
  return `${algo}:${hex.slice(0, 12)}`;
}
function worstFirst(findings) {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id));
}
var LEVELS = [
  { findings: 3, text: 160, reason: 400, next: true },
  { findings: 3, text: 100, reason: 160, next: true },
  { findings: 1, text: 60, reason: 80, next: true },
  { findings: 1, text: 0, reason: 40, next: true },
  { findings: 1, text: 0, reason: 40, next: false },
  { findings: 1, text: 0, reason: 24, next: false, terse: true }
];
var GREEDY = LEVELS[LEVELS.length - 1];
var GREEDY_REASONED = { findings: 1, text: 60, reason: 100, next: false };
var greedyLevel = (o) => o.kind === "denied" || o.kind === "allowed" ? GREEDY : GREEDY_REASONED;
function describe(o, ctx, level) {
  const subject = escapeControls(o.subject);
  const at = o.digest !== void 0 ? ` (${shortDigest(o.digest)})` : "";
  if (level.terse) {
    const what = o.kind === "denied" ? worstFirst(o.findings)[0]?.rule_id ?? "denied" : o.kind === "allowed" ? "allowed" : cut(escapeControls(o.reason), level.reason);
    return `${subject.replace(/^image /, "")}${at} ${what}`;
  }
  if (o.kind === "allowed") return `${subject}: allowed`;
  if (o.kind === "refused") return `${subject}: denied \u2014 ${cut(escapeControls(o.reason), level.reason)}`;
  if (o.kind === "unreadable") return `${subject}${at}: ${o.costly ? "too costly to analyse" : "could not be read"} \u2014 ${cut(escapeControls(o.reason), level.reason)} (denied${ctx.failOpen ? " even under --fail-open" : ""})`;
  if (o.kind === "unevaluated") return `${subject}${at}: could not be evaluated \u2014 ${cut(escapeControls(o.reason), level.reason)} (${ctx.failOpen ? "allowed by --fail-open" : "fail-closed: denied"})`;
  const worst = worstFirst(o.findings);
  const listed2 = worst.slice(0, level.findings).map((f) => {
    const on = f.platform !== void 0 ? ` on ${escapeControls(f.platform)}` : "";
    const text3 = level.text > 0 ? ` ${cut(escapeControls(f.message.replace(/\.$/, "")), level.text)}` : "";
    return `${f.rule_id} (${f.severity})${on}${text3}`;
  });
  const more = worst.length > level.findings ? ` and ${worst.length - level.findings} more` : "";
  return `${subject}${at}: denied \u2014 ${listed2.join(", ")}${more}`;
}
function heading(outcomes, ctx) {
  const count2 = (k) => outcomes.filter((o) => o.kind === k).length;
  const [denied, refused, unreadable, unevaluated] = [count2("denied"), count2("refused"), count2("unreadable"), count2("unevaluated")];
  const why = [
    denied > 0 ? `${denied} image(s) with findings at or above ${ctx.failOn}` : "",
    refused > 0 ? `${refused} image(s) refused` : "",
    unreadable > 0 ? `${unreadable} image(s) could not be read` : "",
    unevaluated > 0 ? `${unevaluated} could not be evaluated` : ""
  ].filter(Boolean).join(", ");
  const kind = cut(escapeControls(ctx.kind), 60);
  const closed = denied + refused + unreadable === 0 ? " (fail-closed policy)" : "";
  if (!ctx.verdict && ctx.mode !== "enforce") return `rsyncguard would deny this ${kind} but ${ctx.mode} mode allows it: ${why}${closed}`;
  if (!ctx.verdict) return `rsyncguard denied this ${kind}: ${why}${closed}`;
  if (unevaluated > 0) return `rsyncguard allowed this ${kind} under --fail-open although ${why}`;
  return `rsyncguard allowed this ${kind}: no findings at or above ${ctx.failOn}`;
}
function nextSteps(outcomes, ctx) {
  const has = (k) => outcomes.some((o) => o.kind === k);
  const steps = [
    has("denied") ? `fix the rsync configuration in the image or waive the finding (rsyncguard image REF${platformOption(outcomes)} shows the report)` : "",
    has("unreadable") ? `fix the image (rsyncguard image REF says why)${outcomes.some((o) => o.kind === "unreadable" && o.costly) ? ", or make it smaller" : ""}` : "",
    has("refused") ? "name images from a registry, at most 64 per object" : "",
    // A container the review itself leaves unreadable (no object, a list that is no list, an image that is no string).
    outcomes.some((o) => o.kind === "unevaluated" && o.subject.startsWith("container ")) ? "correct the object's containers as the reason says" : "",
    outcomes.some((o) => o.kind === "unevaluated" && !o.subject.startsWith("container ")) ? `name images the webhook can pull, then retry${ctx.failOpen ? "" : " (a slow registry: retry, or raise --budget-ms)"}` : ""
  ].filter(Boolean);
  return steps.length > 0 ? ` Next: ${steps.join("; ")}.` : "";
}
function platformOption(outcomes) {
  const on = outcomes.flatMap((o) => o.kind === "denied" ? o.findings.map((f) => f.platform) : []).filter((p) => p !== void 0);
  if (on.length === 0 || on.includes("linux/amd64")) return "";
  return ` --platform ${cut(escapeControls(on[0] ?? ""), 40)}`;
}
var ORDER = { denied: 0, unreadable: 1, refused: 2, unevaluated: 3, allowed: 4 };
function ending(outcomes, ctx, level) {
  return `.${level.next ? nextSteps(outcomes, ctx) : ""} See the webhook log for review ${cut(escapeControls(ctx.uid), 64)}.`;
}
function fitted(outcomes, ctx, head) {
  for (const level of LEVELS) {
    const text3 = `${head}${outcomes.map((o) => describe(o, ctx, level)).join("; ")}${ending(outcomes, ctx, level)}`;
    if (bytes(text3) <= MAX_MESSAGE) return text3;
  }
  const listed2 = [];
  let left = MAX_MESSAGE - bytes(head) - bytes(ending(outcomes, ctx, GREEDY)) - 32;
  for (const o of outcomes) {
    const line = describe(o, ctx, greedyLevel(o));
    if (bytes(line) + 2 > left) break;
    listed2.push(line);
    left -= bytes(line) + 2;
  }
  return `${head}${[...listed2, `and ${outcomes.length - listed2.length} more image(s)`].join("; ")}${ending(outcomes, ctx, GREEDY)}`;
}
var ALLOWED_STARTS = 1024;
var allowedStarts = /* @__PURE__ */ new Map();
function allowedMessage(outcomes, ctx) {
  if (!outcomes.every((o) => o.kind === "allowed")) return void 0;
  const key2 = `${ctx.verdict}\0${ctx.mode}\0${ctx.failOn}\0${cut(escapeControls(ctx.kind), 60)}\0${outcomes.map((o) => o.subject).join("\0")}`;
  const level = LEVELS[0];
  const kept = allowedStarts.get(key2);
  const start = kept ?? `${heading(outcomes, ctx)}. ${outcomes.map((o) => describe(o, ctx, level)).join("; ")}`;
  const message = `${start}${ending(outcomes, ctx, level)}`;
  if (bytes(message) > MAX_MESSAGE) return void 0;
  if (kept === void 0) {
    if (allowedStarts.size >= ALLOWED_STARTS) allowedStarts.clear();
    allowedStarts.set(key2, start);
  }
  return message;
}
function decisionMessage(all, ctx) {
  if (all.length === 0) return `rsyncguard allowed this ${cut(escapeControls(ctx.kind), 60)}: it names no container image.`;
  const allowed = allowedMessage(all, ctx);
  if (allowed !== void 0) return allowed;
  const outcomes = [...all].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const message = fitted(outcomes, ctx, `${heading(outcomes, ctx)}. `);
  return bytes(message) <= MAX_MESSAGE ? message : `${Buffer.from(message).subarray(0, MAX_MESSAGE - 3).toString("utf8").replace(/\ufffd$/, "")}\u2026`;
}
var MIN_NAME = 64;
var LEAST_NAME = 24;
function cutMiddle(name, max, differsAt) {
  if (name.length <= max) return name;
  const around = differsAt === void 0 ? void 0 : cutAround(name, max, differsAt);
  if (around !== void 0) return around;
  const room = Math.max(2, max) - 1;
  const host = name.indexOf("/") + 1;
  const keep = Math.min(host > 0 ? host : 8, Math.floor(room / 2));
  let tail = Math.min(name.length - name.lastIndexOf("/") - 1, room - keep);
  let head = room - tail;
  if (/[\ud800-\udbff]/.test(name.charAt(head - 1))) head--;
  if (/[\udc00-\udfff]/.test(name.charAt(name.length - tail))) tail--;
  return `${name.slice(0, head)}\u2026${name.slice(name.length - tail)}`;
}
function cutAround(name, max, keep) {
  const room = max - 2;
  const tail = Math.min(name.length - name.lastIndexOf("/") - 1, Math.floor(room / 3));
  const window2 = Math.min(16, Math.floor(room / 3));
  const head = room - tail - window2;
  if (head < 4 || keep < head || keep >= name.length - tail) return void 0;
  const from = Math.min(Math.max(head, keep - Math.floor(window2 / 2)), name.length - tail - window2);
  const pieces = [name.slice(0, head), name.slice(from, from + window2), name.slice(name.length - tail)];
  return pieces.some((p) => /^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p)) ? void 0 : `${pieces[0]}\u2026${pieces[1]}\u2026${pieces[2]}`;
}
function shortenSubject(subject, excess, floor, keep) {
  const m = /^(image ")(.*)(")$/s.exec(subject);
  if (!m) return cut(subject, Math.max(floor, subject.length - excess));
  const [, open = "", name = "", close = ""] = m;
  return `${open}${cutMiddle(name, Math.max(floor, name.length - excess), keep === void 0 ? void 0 : keep - open.length)}${close}`;
}
function warning(o, ctx, keep) {
  const prefix = "rsyncguard: ";
  const at = o.digest !== void 0 ? ` (${shortDigest(o.digest)})` : "";
  let what;
  let why = "";
  if (o.kind === "denied") {
    const worst = worstFirst(o.findings);
    const rules = [...new Set(worst.map((f) => f.rule_id))];
    what = `${worst[0]?.severity ?? ctx.failOn}: ${rules.slice(0, 3).join(", ")}${rules.length > 3 ? ` +${rules.length - 3}` : ""}`;
  } else if (o.kind === "allowed") what = "allowed";
  else {
    const timedOut = o.kind === "unevaluated" && o.timedOut === true;
    what = o.kind === "unevaluated" ? `${timedOut ? "over budget" : "not evaluated"}${ctx.verdict ? ", allowed by --fail-open" : ""}` : o.kind === "unreadable" ? o.costly ? "too costly to analyse" : "could not be read" : "refused";
    why = timedOut ? "" : escapeControls(o.reason);
  }
  const full = escapeControls(o.subject);
  const line = (subject2, reason) => `${prefix}${subject2}${at}: ${what}${reason === "" ? "" : ` (${reason})`}`;
  const whole = line(full, why);
  if (whole.length <= MAX_WARNING) return whole;
  let subject = shortenSubject(full, whole.length - MAX_WARNING, MIN_NAME, keep);
  if (line(subject, why).length <= MAX_WARNING) return line(subject, why);
  const room = MAX_WARNING - line(subject, "").length - 3;
  if (why !== "" && room >= 8) return line(subject, cut(why, room));
  const over = line(subject, "").length - MAX_WARNING;
  if (over > 0) subject = shortenSubject(subject, over, LEAST_NAME, keep);
  return cut(line(subject, ""), MAX_WARNING);
}
function decisionWarnings(all, ctx) {
  if (!ctx.allowed || ctx.mode === "audit" || all.every((o) => o.kind === "allowed")) return [];
  const flagged = [...all].filter((o) => o.kind !== "allowed").sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const shown2 = flagged.slice(0, MAX_WARNINGS);
  const first = shown2.map((o) => warning(o, ctx));
  const lines = first.map((line, i) => {
    const own = escapeControls(shown2[i]?.subject ?? "");
    const differs = first.flatMap((l, j) => l === line && j !== i ? [firstDifference(own, escapeControls(shown2[j]?.subject ?? ""))] : []).filter((d) => d < own.length);
    return differs.length > 0 ? warning(shown2[i], ctx, Math.min(...differs)) : line;
  });
  if (flagged.length > MAX_WARNINGS) lines.push(cut(`rsyncguard: and ${flagged.length - MAX_WARNINGS} more; see the webhook log for review ${escapeControls(ctx.uid)}`, MAX_WARNING));
  return lines;
}
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

// src/runner/image-pool.ts
import { readFileSync as readFileSync3 } from "node:fs";
function cpuWanted(tid) {
  if (tid === void 0) return void 0;
  try {
    const [run2 = Number.NaN, queued = Number.NaN] = readFileSync3(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ").map(Number);
    return Number.isFinite(run2 + queued) ? run2 + queued : void 0;
  } catch {
    return void 0;
  }
}
var BUSY = 0.5;
function costOf(reason, busy, o) {
  const seconds = Math.round(o.jobTimeoutMs / 1e3);
  if (reason === "heap") return { why: `too costly to analyse: the analysis needed more than ${o.heapMiB} MiB of heap and was stopped`, kind: "image", costly: true };
  const pct = Math.round(busy * 100);
  if (busy >= BUSY) return { why: `too costly to analyse: the analysis did not finish within ${seconds} s and was stopped (--analysis-timeout), its thread busy ${pct}% of that time`, kind: "image", costly: true };
  return { why: `the analysis did not finish within ${seconds} s and was stopped, its thread waiting ${100 - pct}% of that time (a slow registry)`, kind: "environment" };
}
var UNWANTED = "the analysis was stopped to make room for an image a review was waiting for; the next review of this image starts it again";
function busyShare(slot2, run2) {
  const now = cpuWanted(slot2.tid);
  const ms = performance.now() - run2.started;
  return now !== void 0 && run2.cpu !== void 0 ? (now - run2.cpu) / 1e6 / Math.max(ms, 1) : slot2.worker.performance.eventLoopUtilization(run2.elu).utilization;
}
var ImagePool = class {
  constructor(opts) {
    this.opts = opts;
    const slots = opts.threads * 2 + 2;
    this.scratch = scratchAccount(slots);
    this.scratchFree = Array.from({ length: slots }, (_, i) => i);
  }
  opts;
  slots = [];
  queue = [];
  nextId = 1;
  closed = false;
  /** Reviews waiting for each ref's analysis. */
  wants = /* @__PURE__ */ new Map();
  /** Images admitted unevaluated (keep): their jobs finish, to cache a verdict, whoever else waits. */
  kept = /* @__PURE__ */ new Set();
  /**
   * Scratch bytes (layers copied under TMPDIR) of every thread, one slot each, so the cap holds for the
   * process (scratch-space.ts). Twice the threads: a stopped thread keeps its slot until it has exited.
   */
  scratch;
  scratchFree;
  /** A review starts (+1) or stops (-1) waiting for the analysis of `ref`. */
  want(ref, delta) {
    const n = (this.wants.get(ref) ?? 0) + delta;
    if (n > 0) this.wants.set(ref, n);
    else this.wants.delete(ref);
    if (delta > 0) this.pump();
  }
  wanted(p) {
    return this.wants.has(p.job.ref);
  }
  /**
   * Whether a running job nobody waits for may be stopped for one a review waits for: not when its image
   * was let through unevaluated and its thread is working on it (keep) — stopped, it would be let through
   * again at its next review, and again. One mostly waiting (a registry that trickles) may be: holding a
   * thread for a registry would let a requester fill the pool with such images until every other review
   * is let through unevaluated, and what a registry will not serve --fail-open admits anyway.
   */
  stoppable(slot2) {
    const run2 = slot2.running;
    if (!run2 || this.wanted(run2)) return false;
    return !this.kept.has(run2.job.ref) || busyShare(slot2, run2) < BUSY;
  }
  /**
   * The image was admitted without its verdict (--fail-open, over budget): while its thread works on it,
   * its job is not stopped to make room (stoppable) — it runs to its end (or --analysis-timeout) and
   * caches what it finds, so the next review of the image judges it rather than letting it through again.
   */
  keep(ref) {
    if (this.queue.some((p) => p.job.ref === ref) || this.slots.some((s) => s.running?.job.ref === ref)) this.kept.add(ref);
  }
  /**
   * How the analysis of `ref` has gone so far: how long its thread has run it and the share of that time
   * the thread was busy (costOf's measure); undefined while it waits for a thread, or when there is none.
   */
  progress(ref) {
    for (const slot2 of this.slots) {
      const run2 = slot2.running;
      if (run2?.job.ref === ref) return { ms: performance.now() - run2.started, busy: busyShare(slot2, run2) };
    }
    return void 0;
  }
  /**
   * At a review's budget, its image not settled (`over` says so): why the image is too costly to evaluate
   * within the budget when its job has run at least half of it with its thread busy at least BUSY of that
   * time; otherwise undefined, and the job is kept, since --fail-open lets the image through unevaluated.
   */
  atBudget(ref, budgetMs, over) {
    const p = this.progress(ref);
    if (p !== void 0 && p.ms >= budgetMs / 2 && p.busy >= BUSY)
      return `too costly to evaluate within the budget: ${over}, its analysis thread busy ${Math.round(Math.min(p.busy, 1) * 100)}% of the ${Math.round(p.ms)} ms it ran (the analysis goes on; a later review uses its result)`;
    this.keep(ref);
    return void 0;
  }
  /** A job got its answer: it is no longer kept. */
  settled(p, a) {
    this.kept.delete(p.job.ref);
    p.done(a);
  }
  analyse(ref, registry, today2, allPlatforms = false) {
    if (this.closed) return Promise.resolve({ ok: false, error: "the webhook is shutting down", kind: "environment" });
    if (this.queue.length >= this.opts.queueLimit) {
      const i = this.wants.has(ref) ? this.queue.findIndex((p) => !this.wanted(p)) : -1;
      const dropped = i >= 0 ? this.queue.splice(i, 1)[0] : void 0;
      if (dropped) this.settled(dropped, { ok: false, error: UNWANTED, kind: "environment" });
    }
    if (this.queue.length >= this.opts.queueLimit) {
      return Promise.resolve({ ok: false, error: `${this.queue.length} images are already waiting for analysis; retry later, or raise --workers`, kind: "environment" });
    }
    return new Promise((done) => {
      this.queue.push({ job: { id: this.nextId++, ref, today: today2, registry, allPlatforms }, done });
      this.pump();
    });
  }
  /**
   * Starts every thread now rather than at the first job, settling once each has loaded its code and
   * listens (its `{ ready: true }` message; 'online' comes before the code is loaded) or rejecting with
   * why one could not start: the webhook reports itself ready only then.
   */
  start() {
    const starting = [];
    while (this.slots.length < this.opts.threads) {
      const { worker } = this.spawn();
      starting.push(
        new Promise((up, down) => {
          const listening = (m) => {
            if (!isObject(m) || m["ready"] !== true) return;
            worker.off("message", listening);
            up();
          };
          worker.on("message", listening).once("error", down).once("exit", (code) => down(new Error(`the thread exited with status ${code}`)));
        })
      );
    }
    return Promise.all(starting).then(() => {
    });
  }
  /** Images being analysed or waiting. */
  get load() {
    return this.queue.length + this.slots.filter((s) => s.running).length;
  }
  async close() {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.done({ ok: false, error: "the webhook is shutting down", kind: "environment" });
    await Promise.all(this.slots.splice(0).map((s) => this.stop(s, "the webhook is shutting down")));
  }
  pump() {
    while (this.queue.length > 0) {
      const w = this.queue.findIndex((p) => this.wanted(p));
      const at = Math.max(w, 0);
      const slot2 = this.slots.find((s) => s.ready && !s.running);
      if (!slot2) {
        if (this.slots.some((s) => !s.ready)) return;
        if (this.slots.length < this.opts.threads) return void this.spawn();
        const idle = w >= 0 ? this.slots.find((s) => this.stoppable(s)) : void 0;
        if (idle) void this.stop(idle, UNWANTED);
        return;
      }
      const next = this.queue.splice(at, 1)[0];
      if (!next) return;
      const run2 = {
        started: performance.now(),
        cpu: cpuWanted(slot2.tid),
        elu: slot2.worker.performance.eventLoopUtilization(),
        timer: setTimeout(() => void this.stop(slot2, costOf("timeout", busyShare(slot2, run2), this.opts)), this.opts.jobTimeoutMs)
      };
      slot2.running = { ...next, ...run2 };
      slot2.worker.postMessage(next.job);
    }
  }
  spawn() {
    const scratch = this.scratchFree.shift();
    const worker = startWorker(import.meta.url, "image-worker", {
      workerData: { policies: this.opts.policies, ...scratch !== void 0 ? { scratch: { buffer: this.scratch, slot: scratch } } : {} },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMiB },
      stdout: false,
      stderr: false
    });
    const slot2 = { worker, ...scratch !== void 0 ? { scratch } : {} };
    worker.on("message", (reply) => {
      if ("ready" in reply) {
        slot2.ready = true;
        if (typeof reply.tid === "number") slot2.tid = reply.tid;
        return this.pump();
      }
      const running = slot2.running;
      if (!running || running.job.id !== reply.id) return;
      clearTimeout(running.timer);
      slot2.running = void 0;
      this.settled(
        running,
        reply.ok ? { ok: true, findings: reply.findings, errors: reply.errors, ...reply.unavailable !== void 0 ? { unavailable: reply.unavailable } : {}, ...reply.costly === true ? { costly: true } : {} } : { ok: false, error: reply.error, ...reply.kind === "environment" ? { kind: "environment" } : { kind: "image", ...reply.costly === true ? { costly: true } : {} } }
      );
      this.pump();
    });
    worker.on("error", (e) => this.finish(slot2, "code" in e && e.code === "ERR_WORKER_OUT_OF_MEMORY" ? costOf("heap", 1, this.opts) : { why: `the analysis thread failed: ${e.message}`, kind: "environment" }));
    worker.on("exit", () => {
      if (scratch !== void 0) {
        clearScratchSlot(this.scratch, scratch);
        this.scratchFree.push(scratch);
      }
      this.finish(slot2, { why: "the analysis thread ended unexpectedly", kind: "environment" });
    });
    this.slots.push(slot2);
    return slot2;
  }
  /** Ends a thread; its job (if any) is answered with `why`, and the slot is freed for a new thread. */
  async stop(slot2, why) {
    this.finish(slot2, why);
    await slot2.worker.terminate();
  }
  finish(slot2, stop) {
    const { why, kind, costly } = typeof stop === "string" ? { why: stop, kind: "environment", costly: void 0 } : stop;
    const i = this.slots.indexOf(slot2);
    if (i >= 0) this.slots.splice(i, 1);
    const running = slot2.running;
    slot2.running = void 0;
    if (running) {
      clearTimeout(running.timer);
      this.settled(running, { ok: false, error: why, kind, ...costly ? { costly } : {} });
    } else if (!slot2.ready && !this.closed) {
      const w = this.queue.findIndex((p) => this.wanted(p));
      const first = this.queue.splice(Math.max(w, 0), 1)[0];
      if (first) this.settled(first, { ok: false, error: why, kind: "environment" });
    }
    if (!this.closed) this.pump();
  }
};

// src/runner/admitted-owners.ts
var OWNER_KINDS = /* @__PURE__ */ new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob"]);
var OWNER_BYTES = 16 * 2 ** 20;
var ENTRY_OVERHEAD = 256;
var PAIR_OVERHEAD = 64;
function sizeOf(k, kind, digests) {
  let n = ENTRY_OVERHEAD + 2 * (k.length + kind.length);
  for (const [image, digest] of digests) n += PAIR_OVERHEAD + 2 * (image.length + digest.length);
  return n;
}
var MADE_BY = {
  Pod: ["ReplicaSet", "Job", "StatefulSet", "DaemonSet"],
  ReplicaSet: ["Deployment"],
  Job: ["CronJob"]
};
var pinned = (image) => /@sha256:[0-9a-f]{64}$/i.test(image);
var key = (namespace, uid) => `${namespace}\0${uid}`;
var AdmittedOwners = class {
  /**
   * `capacity` owners and `maxBytes` accounted bytes at most (least recently used go first); verdicts live
   * `ttlMs`; a tag stands for the digest it resolved to for `tagTtlMs` only, as in the tag cache: a tag
   * moved after the owner was admitted must not ride on the owner's verdict for the whole verdict lifetime.
   */
  constructor(capacity, ttlMs, tagTtlMs, maxBytes = OWNER_BYTES) {
    this.capacity = capacity;
    this.ttlMs = ttlMs;
    this.tagTtlMs = tagTtlMs;
    this.maxBytes = maxBytes;
  }
  capacity;
  ttlMs;
  tagTtlMs;
  maxBytes;
  owners = /* @__PURE__ */ new Map();
  held = 0;
  get size() {
    return this.owners.size;
  }
  /** Accounted bytes of every owner held. */
  get bytes() {
    return this.held;
  }
  /**
   * The cached verdict of each of `images` (in order) and the digests they are for, through an admitted
   * controller owner of the object; undefined when any condition fails (see the file comment).
   * `fresh(digest)` is the verdict cache: a verdict still within its time to live, or undefined.
   */
  verdicts(req, images, fresh, now = Date.now()) {
    if (images.length === 0 || images.length !== req.images.length || req.unreadable.length > 0 || req.nothingToRun !== void 0) return void 0;
    const makers = MADE_BY[req.kind] ?? [];
    for (const claim of req.owners) {
      if (!makers.includes(claim.kind)) continue;
      const k = key(req.namespace, claim.uid);
      const owner = this.owners.get(k);
      if (!owner || owner.kind !== claim.kind) continue;
      if (now >= owner.until) {
        this.drop(k);
        continue;
      }
      const digests = images.map((image) => owner.digests.get(image));
      if (digests.some((d) => d === void 0)) continue;
      const found = digests.map((d) => fresh(d));
      if (found.some((v) => v === void 0 || now - v.at >= this.ttlMs)) continue;
      this.touch(k, owner);
      return { digests, verdicts: found.map((v) => v.value) };
    }
    return void 0;
  }
  /**
   * After a review whose every image was allowed: remember the object, when it is a workload with a uid,
   * as the owner of `images` at these digests (`digestOf`), for as long as their verdicts (`fresh`) live.
   * An image without a digest or without a fresh verdict means nothing is remembered.
   */
  remember(req, images, digestOf, fresh, now = Date.now()) {
    if (!OWNER_KINDS.has(req.kind) || req.objectUid === void 0 || images.length === 0 || images.length !== req.images.length || req.unreadable.length > 0) return;
    const digests = /* @__PURE__ */ new Map();
    let until = Number.POSITIVE_INFINITY;
    for (const image of images) {
      const digest = digestOf(image);
      const verdict = digest === void 0 ? void 0 : fresh(digest);
      if (digest === void 0 || verdict === void 0) return;
      digests.set(image, digest);
      until = Math.min(until, verdict.at + this.ttlMs, pinned(image) ? Number.POSITIVE_INFINITY : now + this.tagTtlMs);
    }
    if (until <= now) return;
    const k = key(req.namespace, req.objectUid);
    const bytes2 = sizeOf(k, req.kind, digests);
    if (bytes2 > this.maxBytes) return;
    this.touch(k, { kind: req.kind, digests, until, bytes: bytes2 });
  }
  drop(k) {
    const old = this.owners.get(k);
    if (!old) return;
    this.owners.delete(k);
    this.held -= old.bytes;
  }
  touch(k, owner) {
    this.drop(k);
    this.owners.set(k, owner);
    this.held += owner.bytes;
    while (this.owners.size > this.capacity || this.held > this.maxBytes) {
      const oldest = this.owners.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value);
    }
  }
};

// src/runner/registry-lookups.ts
var PER_REGISTRY = 8;
var IN_ALL = 64;
var WAITING = 512;
var RegistryLookups = class {
  running = 0;
  byRegistry = /* @__PURE__ */ new Map();
  waiting = [];
  canStart(registry) {
    return this.running < IN_ALL && (this.byRegistry.get(registry) ?? 0) < PER_REGISTRY;
  }
  start(registry) {
    this.running++;
    this.byRegistry.set(registry, (this.byRegistry.get(registry) ?? 0) + 1);
  }
  /** Runs a lookup at `registry` (a host) within the limits: waits its turn, or fails at once when too many wait. */
  async run(registry, lookup2) {
    if (this.canStart(registry)) this.start(registry);
    else if (this.waiting.length >= WAITING) throw new EnvironmentFailure(`${this.waiting.length} registry lookups are already waiting; retry later`);
    else await new Promise((start) => this.waiting.push({ registry, start }));
    try {
      return await lookup2();
    } finally {
      this.running--;
      const n = (this.byRegistry.get(registry) ?? 1) - 1;
      if (n <= 0) this.byRegistry.delete(registry);
      else this.byRegistry.set(registry, n);
      const i = this.waiting.findIndex((w) => this.canStart(w.registry));
      const next = i >= 0 ? this.waiting.splice(i, 1)[0] : void 0;
      if (next) {
        this.start(next.registry);
        next.start();
      }
    }
  }
};

// src/runner/admission.ts
var UNOBSERVED = { onCacheLookup() {
}, onAnalysis() {
}, onRegistryError() {
} };
var TAG_TTL_MS = 6e4;
var WORKER_HEAP_MIB = 256;
var MAX_IMAGES = 64;
function imageSubject(image) {
  return `image ${quote(displayRef(image))}`;
}
var SHOWN_NAMES = 1024;
var shownNames = /* @__PURE__ */ new Map();
function named2(image, digest) {
  let shown2 = shownNames.get(image);
  if (shown2 === void 0) {
    if (shownNames.size >= SHOWN_NAMES) shownNames.clear();
    shown2 = { subject: imageSubject(image), image: displayRef(image) };
    shownNames.set(image, shown2);
  }
  return digest !== void 0 ? { ...shown2, digest: digest.slice(digest.lastIndexOf("@") + 1) } : { ...shown2 };
}
function registryLabel(image) {
  try {
    return parseRegistryRef(image).registry.toLowerCase();
  } catch {
    return "";
  }
}
function registryOf(image) {
  try {
    return parseRegistryRef(image).registry.toLowerCase().replace(/:\d+$/, "");
  } catch {
    return "";
  }
}
function failed(e) {
  const reason = errorMessage(e);
  return failureKind(e) === "environment" ? { findings: [], unavailable: reason } : { findings: [], unreadable: reason };
}
var AdmissionController = class {
  constructor(opts) {
    this.opts = opts;
    this.tagTtlMs = opts.tagTtlMs ?? TAG_TTL_MS;
    this.owners = new AdmittedOwners(opts.cacheSize, opts.cacheTtlMs, this.tagTtlMs);
    this.observer = opts.observer ?? UNOBSERVED;
    this.pool = new ImagePool({ policies: opts.policies, threads: opts.workers, queueLimit: Math.max(16, opts.workers * 32), jobTimeoutMs: opts.analysisTimeoutMs, heapMiB: WORKER_HEAP_MIB });
  }
  opts;
  verdicts = /* @__PURE__ */ new Map();
  tags = /* @__PURE__ */ new Map();
  /** Work in progress, shared by every review that asks for the same digest (or tag) meanwhile. */
  analysing = /* @__PURE__ */ new Map();
  resolving = /* @__PURE__ */ new Map();
  pool;
  /** Workloads admitted, whose controllers' objects are answered by their digests (admitted-owners.ts). */
  owners;
  lookups = new RegistryLookups();
  observer;
  tagTtlMs;
  /** Starts the analysis threads; settles once they run, rejecting with why when one cannot start. */
  start() {
    return this.pool.start();
  }
  close() {
    return this.pool.close();
  }
  remember(map, key2, value) {
    map.delete(key2);
    map.set(key2, value);
    while (map.size > this.opts.cacheSize) map.delete(map.keys().next().value ?? "");
  }
  digestOf(image) {
    const known = this.tags.get(image);
    if (known && Date.now() - known.at < this.tagTtlMs) return Promise.resolve(known.digest);
    const inflight = this.resolving.get(image);
    if (inflight) return inflight;
    const lookup2 = this.lookups.run(registryOf(image), () => resolveDigest(image, this.opts.registry)).then((digest) => {
      this.remember(this.tags, image, { digest, at: Date.now() });
      return digest;
    }).catch((e) => {
      this.observer.onRegistryError(registryLabel(image));
      throw e;
    }).finally(() => this.resolving.delete(image));
    this.resolving.set(image, lookup2);
    return lookup2;
  }
  /** Findings for one digest: from the cache when fresh, else from the pool (one analysis per digest at a time). */
  verdictFor(digest) {
    const hit = this.verdicts.get(digest);
    const fresh = hit !== void 0 && Date.now() - hit.at < this.opts.cacheTtlMs;
    this.observer.onCacheLookup(fresh);
    if (hit && fresh) {
      this.remember(this.verdicts, digest, hit);
      return Promise.resolve(hit);
    }
    const inflight = this.analysing.get(digest);
    if (inflight) return inflight;
    const started = performance.now();
    const work = this.pool.analyse(digest, this.opts.registry, (this.opts.today ?? today)(), true).then((a) => {
      this.observer.onAnalysis(performance.now() - started);
      if (!a.ok && a.kind === "environment") return { findings: [], unavailable: a.error };
      if (a.costly && (!a.ok || a.unavailable === void 0)) return this.keep(digest, { findings: a.ok ? a.findings : [], unreadable: a.ok ? a.errors.join("; ") : a.error, costly: true });
      if (!a.ok) return { findings: [], unreadable: a.error };
      if (a.errors.length > 0 || a.unavailable !== void 0) return { findings: a.findings, ...a.errors.length > 0 ? { unreadable: a.errors.join("; ") } : {}, ...a.unavailable !== void 0 ? { unavailable: a.unavailable } : {} };
      return this.keep(digest, { findings: a.findings });
    }).finally(() => this.analysing.delete(digest));
    this.analysing.set(digest, work);
    return work;
  }
  keep(digest, v) {
    this.remember(this.verdicts, digest, { ...v, at: Date.now() });
    return v;
  }
  judge(image, verdict, digest) {
    const subject = named2(image, digest);
    const floor = severityRank(this.opts.failOn);
    const blocking = verdict.findings.length === 0 ? verdict.findings : verdict.findings.filter((f) => severityRank(f.severity) >= floor);
    if (blocking.length > 0) return { ...subject, kind: "denied", findings: blocking };
    if (verdict.unreadable !== void 0) return { ...subject, kind: "unreadable", reason: verdict.unreadable, ...verdict.costly ? { costly: verdict.costly } : {} };
    if (verdict.unavailable !== void 0) return { ...subject, kind: "unevaluated", reason: verdict.unavailable };
    return { ...subject, kind: "allowed", below: verdict.findings.length };
  }
  /** `answered` settles when the review has its answer: until then the pool knows a review waits for this image. */
  async outcomeOf(image, answered) {
    if (isLocalTransport(image)) return { ...named2(image), kind: "refused", reason: "a local image transport, not a registry reference; the node could not pull it either" };
    try {
      const digest = await this.digestOf(image);
      this.pool.want(digest, 1);
      void answered.then(() => this.pool.want(digest, -1));
      return this.judge(image, await this.verdictFor(digest), digest);
    } catch (e) {
      return this.judge(image, failed(e));
    }
  }
  /** Every image's verdict from the caches, or undefined: the usual review needs no timer and no waiting. */
  cachedOutcomes(images) {
    const now = Date.now();
    const outcomes = [];
    for (const image of images) {
      const tag = this.tags.get(image);
      const hit = tag && now - tag.at < this.tagTtlMs ? this.verdicts.get(tag.digest) : void 0;
      if (!tag || !hit || now - hit.at >= this.opts.cacheTtlMs) return void 0;
      this.remember(this.verdicts, tag.digest, hit);
      outcomes.push(this.judge(image, hit, tag.digest));
    }
    for (let i = 0; i < outcomes.length; i++) this.observer.onCacheLookup(true);
    return outcomes;
  }
  /** Each image settled within the budget (counted from `arrivedAt`, a performance.now() time), or marked over it. */
  async settle(images, arrivedAt) {
    let timer;
    const settleBy = arrivedAt + this.opts.budgetMs - Math.min(100, this.opts.budgetMs * 0.05);
    const spent = new Promise((done) => {
      timer = setTimeout(() => done("spent"), Math.max(0, settleBy - performance.now()));
    });
    let answer = () => {
    };
    const answered = new Promise((done) => answer = done);
    const overBudget = (image) => {
      const digest = this.tags.get(image)?.digest;
      const over = `not evaluated within the ${this.opts.budgetMs} ms budget`;
      const costly = digest !== void 0 && this.opts.failOpen ? this.pool.atBudget(digest, this.opts.budgetMs, over) : void 0;
      if (costly !== void 0) return { ...named2(image, digest), kind: "unreadable", costly: true, reason: costly };
      return { ...named2(image, digest), kind: "unevaluated", timedOut: true, reason: `${over} (the analysis goes on; a later review uses its result)` };
    };
    try {
      return await Promise.all(images.map((image) => Promise.race([this.outcomeOf(image, answered), spent.then(() => overBudget(image))])));
    } finally {
      clearTimeout(timer);
      answer();
    }
  }
  /** A verdict younger than its time to live, as the owner shortcut reads it (a too-costly image is not one). */
  fresh = (digest) => {
    const v = this.verdicts.get(digest);
    return v && !v.costly ? { at: v.at, value: v.findings } : void 0;
  };
  /**
   * The decision when it needs no waiting: nothing to run, or every image answered from the caches
   * (through an admitted owner, or by digest). Undefined when an image has to be looked up or analysed.
   */
  decideNow(req, mode = "enforce") {
    if (req.nothingToRun !== void 0) return conclude(req, [], mode, this.opts);
    const evaluated = req.images.slice(0, MAX_IMAGES);
    const owned = this.owners.verdicts(req, evaluated, this.fresh);
    if (owned) for (let i = 0; i < owned.verdicts.length; i++) this.observer.onCacheLookup(true);
    const outcomes = owned?.verdicts.map((findings, i) => this.judge(evaluated[i] ?? "", { findings }, owned.digests[i])) ?? this.cachedOutcomes(evaluated);
    return outcomes && this.concluded(req, evaluated, withRest(req, outcomes), mode, owned?.digests);
  }
  /**
   * `arrivedAt` (performance.now()) is when the request reached the server: the budget counts from there.
   * `mode` changes only the answer; the verdict, and the work behind it, are the same in every mode.
   */
  async decide(req, arrivedAt = performance.now(), mode = "enforce") {
    return this.decideNow(req, mode) ?? this.decideLater(req, arrivedAt, mode);
  }
  /** The decision once every image has settled or the budget is spent: for a review decideNow had none for. */
  async decideLater(req, arrivedAt, mode) {
    const evaluated = req.images.slice(0, MAX_IMAGES);
    return this.concluded(req, evaluated, withRest(req, await this.settle(evaluated, arrivedAt)), mode);
  }
  /** The decision on these outcomes; a workload whose every image was allowed is remembered as an owner. */
  concluded(req, evaluated, outcomes, mode, ownedDigests) {
    if (outcomes.every((o) => o.kind === "allowed")) this.owners.remember(req, evaluated, (image) => ownedDigests ? ownedDigests[evaluated.indexOf(image)] : this.tags.get(image)?.digest, this.fresh);
    return conclude(req, outcomes, mode, this.opts);
  }
};
function withRest(req, outcomes) {
  for (const image of req.images.slice(MAX_IMAGES)) outcomes.push({ ...named2(image), kind: "refused", reason: `the review names more than ${MAX_IMAGES} distinct images; only the first ${MAX_IMAGES} are evaluated` });
  for (const c of req.unreadable) outcomes.push({ subject: `container ${c.container}`, kind: c.refused ? "refused" : "unevaluated", reason: c.reason });
  return outcomes;
}
function conclude(req, outcomes, mode, opts) {
  const kind = req.kind || "object";
  if (req.nothingToRun !== void 0) return { uid: req.uid, verdict: "allow", mode, allowed: true, message: `rsyncguard allowed this ${kind}: ${req.nothingToRun}.`, warnings: [], outcomes: [] };
  const denied = outcomes.some((o) => o.kind === "denied" || o.kind === "refused" || o.kind === "unreadable");
  const unevaluated = outcomes.some((o) => o.kind === "unevaluated");
  const verdict = !denied && (!unevaluated || opts.failOpen);
  const allowed = verdict || mode !== "enforce";
  const ctx = { verdict, mode, failOn: opts.failOn, failOpen: opts.failOpen, kind, uid: req.uid };
  return { uid: req.uid, verdict: verdict ? "allow" : "deny", mode, allowed, message: decisionMessage(outcomes, ctx), warnings: decisionWarnings(outcomes, { ...ctx, allowed }), outcomes };
}
function startingDecision(req, mode, opts, why) {
  const outcomes = req.images.slice(0, MAX_IMAGES).map((image) => ({ ...named2(image), kind: "unevaluated", timedOut: true, reason: `not evaluated: the webhook was still starting (${why}); retry` }));
  return conclude(req, withRest(req, outcomes), mode, opts);
}

// src/cli/commands/admission-start.ts
import { createPrivateKey, X509Certificate } from "node:crypto";
var TLS_HINT = "Mount the certificate and key (a Secret) and point --tls-cert/--tls-key at them.";
function readTls(certPath, keyPath) {
  const cert = readInputFile(certPath, { what: `the TLS certificate ${certPath}`, maxBytes: MiB, hint: TLS_HINT });
  if (!cert.ok) return fail(plain(cert.error));
  const key2 = readInputFile(keyPath, { what: `the TLS key ${keyPath}`, maxBytes: MiB, hint: TLS_HINT });
  if (!key2.ok) return fail(plain(key2.error));
  let x509;
  try {
    x509 = new X509Certificate(cert.value);
  } catch {
    return fail(new UserError("--tls-cert is not a PEM certificate", certPath, 'Pass the certificate ("-----BEGIN CERTIFICATE-----"), not the key or a CSR.'));
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key2.value);
  } catch {
    return fail(new UserError("--tls-key is not a PEM private key (or it is encrypted)", keyPath, 'Pass the unencrypted private key ("-----BEGIN PRIVATE KEY-----") of the certificate.'));
  }
  if (!x509.checkPrivateKey(privateKey)) return fail(new UserError(`--tls-key does not match the certificate ${certPath}`, keyPath, "Pass the key the certificate was issued for: both come from the same Secret."));
  return ok({ cert: cert.value, key: key2.value });
}
function plain(e) {
  return new UserError(e.message, void 0, e.hint);
}
function parseListen(text3, option = "--listen", example = "0.0.0.0:8443") {
  const at = text3.lastIndexOf(":");
  if (at <= 0) return fail(new UserError(`${option} "${text3}" is not HOST:PORT`, void 0, `For example ${option} ${example}.`));
  const port = readNumber("port", text3.slice(at + 1), { min: 0, max: 65535, fallback: 8443 });
  if (!port.ok) return fail(new UserError(`${option} "${text3}": the port is not a whole number from 0 to 65535`, void 0, `For example ${option} ${example}.`));
  return ok({ host: text3.slice(0, at).replace(/^\[(.*)\]$/, "$1"), port: port.value });
}
function listen(server, host, port, option = "--listen") {
  return new Promise((done) => {
    const onError = (e) => {
      const code = systemErrorCode(e);
      if (code === "EADDRINUSE") {
        const shown2 = host.includes(":") ? `[${host}]` : host;
        return done(fail(new UserError(`port ${port} on ${shown2} is in use: another process listens there`, void 0, `Stop it, or choose a free port with ${option} HOST:PORT.`)));
      }
      const next = code === "EACCES" ? "Ports below 1024 need privileges: choose a higher port (the webhook Service maps 443 to 8443)." : `Choose an address of this machine with ${option}, such as 0.0.0.0:8443.`;
      done(fail(new UserError(`cannot listen on ${host}:${port}: ${errorMessage(e)}`, void 0, next)));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      done(ok(void 0));
    });
  });
}

// src/cli/commands/admission-server.ts
import { createServer } from "node:https";
var MAX_BODY = 4 << 20;
var HANDSHAKE_MS = 5e3;
var HEADERS_MS = 5e3;
var REQUEST_MS = 1e4;
var KEEP_ALIVE_MS = 15e3;
var BODY_MS = 8e3;
var MAX_BUFFERED = 96 << 20;
var MAX_BUFFERED_PER_CLIENT = 16 << 20;
var buffered = 0;
var bufferedBy = /* @__PURE__ */ new Map();
function hold(address, bytes2) {
  buffered += bytes2;
  const n = (bufferedBy.get(address) ?? 0) + bytes2;
  if (n > 0) bufferedBy.set(address, n);
  else bufferedBy.delete(address);
}
function send(res, code, body, close = false) {
  if (res.headersSent || res.destroyed) return;
  const text3 = typeof body === "string" ? `${body}
` : JSON.stringify(body);
  res.writeHead(code, { "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json", "content-length": Buffer.byteLength(text3), ...close ? { connection: "close" } : {} });
  res.end(text3);
}
var tooLarge2 = (size) => ({
  ok: false,
  status: 413,
  message: `request body ${size} is larger than the ${MAX_BODY >> 20} MiB cap for an AdmissionReview; the API server sends smaller reviews, so check what is calling this webhook`
});
var DRAIN_LIMIT = 16 << 20;
var LINGER_MS = 1e3;
function readBody3(req) {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > DRAIN_LIMIT) return Promise.resolve(tooLarge2(`(${declared} bytes declared)`));
  const address = req.socket.remoteAddress ?? "";
  return new Promise((done) => {
    let size = 0;
    let held2 = 0;
    const chunks = [];
    let linger;
    const over = () => tooLarge2(declared > MAX_BODY ? `(${declared} bytes declared)` : "(more than that was sent)");
    const finish = (r) => {
      hold(address, -held2);
      held2 = 0;
      clearTimeout(timer);
      clearTimeout(linger);
      req.removeAllListeners("data");
      req.removeAllListeners("end");
      if (!r.ok) req.pause();
      done(r);
    };
    const timer = setTimeout(() => finish(size > MAX_BODY ? over() : { ok: false, status: 408, message: `the request body did not arrive within ${BODY_MS / 1e3} s; send the whole AdmissionReview at once` }), BODY_MS);
    req.on("data", (c) => {
      size += c.length;
      if (size > DRAIN_LIMIT) finish(over());
      else if (size <= MAX_BODY && !(declared > MAX_BODY)) {
        if (buffered + c.length > MAX_BUFFERED || (bufferedBy.get(address) ?? 0) + c.length > MAX_BUFFERED_PER_CLIENT) {
          return finish({ ok: false, status: 503, message: `this client has more than ${MAX_BUFFERED_PER_CLIENT >> 20} MiB of request bodies in flight (or all clients ${MAX_BUFFERED >> 20} MiB); retry once earlier reviews are answered` });
        }
        hold(address, c.length);
        held2 += c.length;
        chunks.push(c);
      } else linger ??= setTimeout(() => finish(over()), LINGER_MS);
    });
    const whole = () => (chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)).toString("utf8");
    req.on("end", () => finish(size > MAX_BODY || declared > MAX_BODY ? over() : { ok: true, text: whole() }));
    req.on("error", () => finish({ ok: false, status: 408, message: "the request body was cut off" }));
  });
}
function capConnections(server, limits) {
  const open = /* @__PURE__ */ new Set();
  const inFlight = /* @__PURE__ */ new Map();
  const peer = (s) => `${s.remoteAddress ?? ""}|${s.remotePort ?? ""}`;
  const deciding = (s) => [...inFlight.get(peer(s)) ?? []].some((r) => r.complete);
  const evict2 = (s) => {
    s.destroy();
    open.delete(s);
  };
  server.on("connection", (socket) => {
    if (open.size >= limits.maxConnections) {
      const byAddress = /* @__PURE__ */ new Map();
      for (const s of open) {
        const list = byAddress.get(s.remoteAddress ?? "");
        if (list) list.push(s);
        else byAddress.set(s.remoteAddress ?? "", [s]);
      }
      const addresses = [...byAddress.entries()].sort((a, b) => b[1].length - a[1].length);
      const [top, mine] = [addresses[0], socket.remoteAddress ?? ""];
      const victim = top?.[1].find((s) => !deciding(s)) ?? (top && top[0] !== mine && top[1].length > limits.maxConnections / 2 ? top[1][0] : void 0) ?? addresses.flatMap(([, list]) => list).find((s) => !deciding(s));
      if (!victim) return void socket.destroy();
      evict2(victim);
    }
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  server.on("request", (req, res) => {
    const key2 = peer(req.socket);
    const set = inFlight.get(key2) ?? /* @__PURE__ */ new Set();
    inFlight.set(key2, set.add(req));
    res.on("close", () => {
      set.delete(req);
      if (set.size === 0 && inFlight.get(key2) === set) inFlight.delete(key2);
    });
  });
}
function createWebhookServer(tls, limits, handle) {
  const server = createServer(
    {
      ...tls,
      handshakeTimeout: HANDSHAKE_MS,
      headersTimeout: HEADERS_MS,
      requestTimeout: REQUEST_MS,
      keepAliveTimeout: KEEP_ALIVE_MS,
      // Node checks the header and request deadlines on this interval (30 s by default).
      connectionsCheckingInterval: 1e3
    },
    handle
  );
  server.on("tlsClientError", (_e, socket) => socket.destroy());
  capConnections(server, limits);
  return server;
}

// src/cli/commands/admission-health.ts
import { createServer as createServer2 } from "node:http";

// src/cli/commands/admission-modes.ts
function pathOf(url) {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}
function modeForPath(path, configured) {
  if (path === "/validate") return configured;
  const m = /^\/validate\/([a-z]+)$/.exec(path);
  return ADMISSION_MODES.find((mode) => mode === m?.[1]);
}
var POST_PATHS = ["/validate", ...ADMISSION_MODES.map((m) => `/validate/${m}`)];

// src/cli/commands/admission-health.ts
var Readiness = class {
  why = "loading the policy";
  waiting(why) {
    this.why = why;
  }
  ready() {
    this.why = void 0;
  }
  get isReady() {
    return this.why === void 0;
  }
  get reason() {
    return this.why ?? "ready";
  }
};
var GET_PATHS = ["/healthz", "/readyz", "/metrics"];
function serveProbe(req, res, readiness, metrics) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = pathOf(req.url);
  if (path === "/healthz") send(res, 200, "ok");
  else if (path === "/readyz") send(res, readiness.isReady ? 200 : 503, readiness.isReady ? "ready" : `not ready: ${readiness.reason}`);
  else if (path === "/metrics") {
    metrics.scrape().then(
      ({ contentType, body }) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
        res.end(body);
      },
      () => send(res, 500, "the metrics could not be collected")
    );
  } else return false;
  return true;
}
function createMetricsServer(readiness, metrics) {
  const server = createServer2({ headersTimeout: 5e3, requestTimeout: 1e4, keepAliveTimeout: 15e3 }, (req, res) => {
    if (!serveProbe(req, res, readiness, metrics)) send(res, 404, `this port serves only GET ${GET_PATHS.join(", ")}; reviews go to the HTTPS port`);
  });
  server.maxConnections = 64;
  return server;
}

// src/cli/commands/admission-metrics.ts
var import_prom_client = __toESM(require_prom_client(), 1);
var EVALUATIONS = ["clean", "denied", "error", "timeout", "too_costly"];
function evaluationOf(o) {
  if (o.kind === "allowed") return "clean";
  if (o.kind === "denied") return "denied";
  if (o.kind === "unreadable" && o.costly === true) return "too_costly";
  return o.kind === "unevaluated" && o.timedOut === true ? "timeout" : "error";
}
var REVIEW_BUCKETS = [1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
var ANALYSIS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
var AdmissionMetrics = class {
  /**
   * `label` names a registry for registry_errors_total (registryLabeller: only registries the operator
   * named, so a requester naming hosts at will cannot take the label slots); by default every one is "other".
   */
  constructor(label2 = () => "other") {
    this.label = label2;
    (0, import_prom_client.collectDefaultMetrics)({ register: this.registry, prefix: "rsyncguard_" });
    for (const decision of ["allow", "deny"]) for (const mode of ["enforce", "warn", "audit"]) this.reviews.inc({ decision, mode }, 0);
    for (const outcome of EVALUATIONS) this.images.inc({ outcome }, 0);
  }
  label;
  registry = new import_prom_client.Registry();
  reviews = new import_prom_client.Counter({
    name: "rsyncguard_admission_reviews_total",
    help: "Reviews answered, by the verdict (what enforce would answer) and the mode applied",
    labelNames: ["decision", "mode"],
    registers: [this.registry]
  });
  images = new import_prom_client.Counter({ name: "rsyncguard_admission_image_evaluations_total", help: "Images judged, one per image per review, by outcome", labelNames: ["outcome"], registers: [this.registry] });
  hits = new import_prom_client.Counter({ name: "rsyncguard_admission_cache_hits_total", help: "Verdict cache lookups answered from the cache", registers: [this.registry] });
  misses = new import_prom_client.Counter({ name: "rsyncguard_admission_cache_misses_total", help: "Verdict cache lookups that needed an analysis", registers: [this.registry] });
  reviewSeconds = new import_prom_client.Histogram({ name: "rsyncguard_admission_review_duration_seconds", help: "Time from a review arriving to its answer", buckets: REVIEW_BUCKETS, registers: [this.registry] });
  analysisSeconds = new import_prom_client.Histogram({ name: "rsyncguard_admission_image_evaluation_duration_seconds", help: "Time one image analysis took in the worker pool", buckets: ANALYSIS_BUCKETS, registers: [this.registry] });
  registryErrors = new import_prom_client.Counter({
    name: "rsyncguard_admission_registry_errors_total",
    help: 'Failed registry lookups, by registry host[:port] the operator named (--insecure-registry, Docker config auths, Docker Hub); "other" for the rest',
    labelNames: ["registry"],
    registers: [this.registry]
  });
  /** One answered review: its verdict and mode, each image's outcome, and how long it took. */
  onReview(d, seconds) {
    this.reviews.inc({ decision: d.verdict, mode: d.mode });
    for (const o of d.outcomes) if (o.image !== void 0) this.images.inc({ outcome: evaluationOf(o) });
    this.reviewSeconds.observe(seconds);
  }
  onCacheLookup(hit) {
    (hit ? this.hits : this.misses).inc();
  }
  onAnalysis(ms) {
    this.analysisSeconds.observe(ms / 1e3);
  }
  /**
   * '' is a reference naming no registry it could be looked up at (`Registry.Example.com/Team/App:1`,
   * `nginx:Not*A*Tag`): no registry failed, so nothing is counted here; the image is an `error` evaluation.
   */
  onRegistryError(registry) {
    if (registry === "") return;
    this.registryErrors.inc({ registry: this.label(registry) });
  }
  /** The scrape: body and the content type prom-client says it is. */
  async scrape() {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
};

// src/cli/commands/admission-log.ts
var MAX_LOGGED_FINDINGS = 50;
var MAX_TEXT = 500;
var text = (s) => cut(escapeControls(s), MAX_TEXT);
var held = "";
var holdMs = 0;
var flushTimer;
var HOLD_BYTES = 64 << 10;
function flushLog() {
  clearTimeout(flushTimer);
  flushTimer = void 0;
  if (held === "") return;
  const text3 = held;
  held = "";
  process.stderr.write(text3);
}
function bufferReviewLines(ms) {
  holdMs = ms;
  process.on("exit", flushLog);
  return () => {
    flushLog();
    holdMs = 0;
    process.off("exit", flushLog);
  };
}
function writeReviewLine(line) {
  if (holdMs === 0) return void process.stderr.write(line);
  held += line;
  if (held.length >= HOLD_BYTES) flushLog();
  else flushTimer ??= setTimeout(flushLog, holdMs).unref();
}
function logEvent(level, msg, fields = {}) {
  flushLog();
  process.stderr.write(`${escapeJsonText(JSON.stringify({ time: (/* @__PURE__ */ new Date()).toISOString(), level, msg, ...fields }))}
`);
}
function imageEntry(o) {
  const findings = o.kind === "denied" ? o.findings : [];
  return {
    image: text(o.image ?? o.subject),
    digest: o.digest ?? null,
    outcome: o.image === void 0 ? "error" : evaluationOf(o),
    findings: findings.slice(0, MAX_LOGGED_FINDINGS).map((f) => ({ rule_id: f.rule_id, severity: f.severity, message: text(f.message), ...f.platform !== void 0 ? { platform: text(f.platform) } : {} })),
    ...findings.length > MAX_LOGGED_FINDINGS ? { findings_not_logged: findings.length - MAX_LOGGED_FINDINGS } : {},
    reason: "reason" in o ? text(o.reason) : null
  };
}
var ALLOWED_ENTRIES = 1024;
var allowedEntries = /* @__PURE__ */ new Map();
function entryText(o) {
  if (o.kind !== "allowed" || o.image === void 0) return escapeJsonText(JSON.stringify(imageEntry(o)));
  const key2 = `${o.image}\0${o.digest ?? ""}`;
  let json = allowedEntries.get(key2);
  if (json === void 0) {
    if (allowedEntries.size >= ALLOWED_ENTRIES) allowedEntries.clear();
    json = escapeJsonText(JSON.stringify(imageEntry(o)));
    allowedEntries.set(key2, json);
  }
  return json;
}
var jsonText = (s) => escapeJsonText(JSON.stringify(text(s)));
function logReview(d, ctx) {
  let images = "";
  for (const o of d.outcomes) images += `${images === "" ? "" : ","}${entryText(o)}`;
  writeReviewLine(
    `{"time":"${(/* @__PURE__ */ new Date()).toISOString()}","level":"info","msg":"admission review","uid":${jsonText(d.uid)},"kind":${jsonText(ctx.kind)},"namespace":${jsonText(ctx.namespace)},"mode":${JSON.stringify(d.mode)},"decision":${JSON.stringify(d.verdict)},"allowed":${d.allowed},"duration_ms":${JSON.stringify(Math.round(ctx.durationMs * 10) / 10)},"images":[${images}]}
`
  );
}

// src/cli/commands/admission-tls-reload.ts
import { watch } from "node:fs";
import { dirname as dirname2 } from "node:path";
var TLS_CHECK_MS = 15e3;
var SETTLE_MS = 500;
var same = (a, b) => a.cert.equals(b.cert) && a.key.equals(b.key);
function reloadTls(server, certPath, keyPath, current, intervalMs = TLS_CHECK_MS) {
  let served = current;
  let failed2 = "";
  const check = () => {
    const read = readTls(certPath, keyPath);
    if (!read.ok) {
      const why = escapeControls(read.error.where ? `${read.error.where}: ${read.error.message}` : read.error.message);
      if (why !== failed2) logEvent("error", "new TLS certificate refused; still serving the previous one", { error: why, ...read.error.hint ? { hint: read.error.hint } : {} });
      failed2 = why;
      return false;
    }
    failed2 = "";
    if (same(read.value, served)) return false;
    try {
      server.setSecureContext({ cert: read.value.cert, key: read.value.key });
    } catch (e) {
      logEvent("error", "new TLS certificate refused; still serving the previous one", { error: escapeControls(e instanceof Error ? e.message : String(e)) });
      return false;
    }
    served = read.value;
    logEvent("info", "TLS certificate reloaded", { cert: escapeControls(certPath) });
    return true;
  };
  let settle2;
  const soon = () => {
    clearTimeout(settle2);
    settle2 = setTimeout(check, SETTLE_MS);
    settle2.unref();
  };
  const watchers = [];
  for (const dir of /* @__PURE__ */ new Set([dirname2(certPath), dirname2(keyPath)])) {
    try {
      const w = watch(dir, { persistent: false }, soon);
      w.on("error", () => w.close());
      watchers.push(w);
    } catch {
    }
  }
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return {
    check,
    stop() {
      clearInterval(timer);
      clearTimeout(settle2);
      for (const w of watchers) w.close();
    }
  };
}

// src/cli/commands/admission-shutdown.ts
var SHUTDOWN_DELAY = { min: 0, max: 60, fallback: 5 };
var closeAll = (s) => s.closeAllConnections();
function track(servers, draining) {
  let inFlight = 0;
  const onRequest = (_req, res) => {
    inFlight++;
    if (draining() && !res.headersSent) res.setHeader("connection", "close");
    res.once("close", () => inFlight--);
  };
  for (const s of servers) s.prependListener("request", onRequest);
  return () => inFlight;
}
function drainOnSignal(o) {
  let signalled = false;
  const inFlight = track(o.servers, () => signalled);
  let finish = () => {
  };
  const done = new Promise((resolve3) => finish = resolve3);
  const timers = [];
  const end = () => {
    for (const t of timers) clearTimeout(t);
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    for (const s of o.servers) {
      s.close();
      closeAll(s);
    }
    finish();
  };
  const closeListeners = () => {
    for (const s of o.servers) {
      s.close();
      s.closeIdleConnections();
    }
    const until = performance.now() + o.finishMs;
    const poll = () => {
      if (inFlight() === 0 || performance.now() >= until) {
        if (inFlight() > 0) logEvent("warn", "reviews still in flight at shutdown were cut off", { in_flight: inFlight() });
        return end();
      }
      timers.push(setTimeout(poll, 50));
    };
    poll();
  };
  function onSignal(signal) {
    if (signalled) {
      logEvent("warn", "second signal: stopping now", { signal });
      end();
      return;
    }
    signalled = true;
    o.readiness.waiting("shutting down");
    logEvent("info", "shutting down", { signal, delay_s: o.delayMs / 1e3, in_flight: inFlight() });
    timers.push(setTimeout(closeListeners, o.delayMs));
  }
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return { done, stop: end };
}

// src/cli/insecure-registry-option.ts
var INSECURE_REGISTRY_OPTION = {
  type: "string",
  multiple: true,
  valueName: "HOST:PORT",
  help: "Plain HTTP to this registry on loopback (127.0.0.0/8, ::1, localhost); every other registry stays HTTPS. Given without HOST:PORT: every registry on loopback"
};
var NAME = "--insecure-registry";
var registryLike = (word) => /^[a-z][a-z0-9+.-]*:\/\//i.test(word) || !word.startsWith("-") && !/[/@]/.test(word) && (/[.:]/.test(word) || word.toLowerCase() === "localhost");
function takeBareInsecureRegistry(argv) {
  const out = [];
  let bare = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? "";
    if (word === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (word === NAME && (next === void 0 || !registryLike(next))) bare = true;
    else out.push(word);
  }
  return { argv: out, bare };
}
function insecureRegistries(args, bare) {
  const out = [];
  for (const value of stringsOption(args, "insecure-registry")) {
    const checked2 = checkInsecureRegistry(value);
    if (!checked2.ok) return new UserError(checked2.error, void 0, `Name each registry on loopback with ${NAME} HOST:PORT (the HOST:PORT of the image reference).`);
    out.push(checked2.value);
  }
  return bare ? true : out.length > 0 ? out : false;
}

// src/cli/commands/admission.ts
var REVIEW_LINES_HELD_MS = 25;
async function controllerBy(serving, arrivedAt) {
  let timer;
  const by = arrivedAt + serving.budgetMs - Math.min(100, serving.budgetMs * 0.05) - performance.now();
  const late = new Promise((done) => timer = setTimeout(() => done(void 0), Math.max(0, by)));
  try {
    return await Promise.race([serving.controller, late]);
  } finally {
    clearTimeout(timer);
  }
}
async function readReview(req) {
  const body = await readBody3(req);
  if (!body.ok) return { status: body.status, message: body.message, close: true };
  const request = reviewFromText(body.text);
  return typeof request === "string" ? { status: 400, message: request } : request;
}
async function review(serving, mode, req, res) {
  const arrivedAt = performance.now();
  const request = await readReview(req);
  if ("status" in request) {
    logEvent("warn", "request refused", { status: request.status, reason: request.message });
    return send(res, request.status, request.message, request.close === true);
  }
  const controller = serving.made ?? await controllerBy(serving, arrivedAt);
  const d = controller ? controller.decideNow(request, mode) ?? await controller.decideLater(request, arrivedAt, mode) : startingDecision(request, mode, serving, serving.readiness.reason);
  const durationMs = performance.now() - arrivedAt;
  const message = escapeControls(d.message);
  const warnings = d.warnings.map(escapeControls);
  send(res, 200, {
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    // The API server reads status only on a denial; on an allow it still names each image's outcome for audit logs.
    response: { uid: d.uid, allowed: d.allowed, status: { code: d.allowed ? 200 : 403, message }, ...warnings.length ? { warnings } : {} }
  });
  serving.metrics.onReview(d, durationMs / 1e3);
  logReview(d, { kind: request.kind, namespace: request.namespace, durationMs });
}
function urlOf(scheme, server, host) {
  const bound = server.address();
  const shown2 = host.includes(":") ? `[${host}]` : host;
  return `${scheme}://${shown2}:${bound !== null && typeof bound === "object" ? bound.port : 0}`;
}
var admissionCommand = {
  name: "admission",
  usage: "admission serve --tls-cert FILE --tls-key FILE",
  summary: "Kubernetes ValidatingAdmissionWebhook: deny Pods and workloads whose images have findings at or above --fail-on",
  options: {
    listen: { type: "string", valueName: "HOST:PORT", help: "Address to listen on (HTTPS: POST /validate[/enforce|/warn|/audit], GET /healthz, /readyz, /metrics)", default: "0.0.0.0:8443" },
    "metrics-listen": { type: "string", valueName: "HOST:PORT", help: "Also serve GET /metrics, /healthz and /readyz in plain HTTP here (for Prometheus)" },
    mode: { type: "string", valueName: "MODE", help: "How /validate answers: enforce denies; warn allows with warnings; audit allows and only logs and counts", default: "enforce", choices: ADMISSION_MODES },
    "tls-cert": { type: "string", valueName: "FILE", help: "PEM certificate (the API server only calls HTTPS webhooks)" },
    "tls-key": { type: "string", valueName: "FILE", help: "PEM private key" },
    "fail-on": { type: "string", valueName: "LEVEL", help: "Deny at or above this severity", default: "high", choices: SEVERITIES },
    "budget-ms": { type: "string", valueName: "MS", help: "Answer within this time (1 to 30000); then apply the failure policy", default: "8000" },
    "fail-open": { type: "boolean", help: "Allow images that cannot be evaluated (in time); findings at or above --fail-on still deny (default: deny)" },
    "cache-size": { type: "string", valueName: "N", help: "Image verdicts kept, by digest (1 to 1000000)", default: "512" },
    "cache-ttl": { type: "string", valueName: "SECONDS", help: "How long a verdict is reused (1 to 604800)", default: "3600" },
    workers: { type: "string", valueName: "N", help: "Threads that analyse images, 1 to 64 (default: 2, or 1 on one core)" },
    "analysis-timeout": { type: "string", valueName: "SECONDS", help: "Stop an image analysis after this long, whatever the budget (1 to 86400)", default: "300" },
    "max-connections": { type: "string", valueName: "N", help: "Open connections (1 to 65536); at the cap, the oldest connection not awaiting a verdict of the client holding the most is closed", default: "512" },
    platform: { type: "string", valueName: "OS/ARCH", help: "Kept for older command lines: every platform a multi-platform image offers is judged (at most 16), whatever this says", default: "linux/amd64" },
    "insecure-registry": INSECURE_REGISTRY_OPTION,
    "tag-ttl": { type: "string", valueName: "SECONDS", help: "How long a tag is taken to name the digest it last resolved to (1 to 86400)", default: "60" },
    "shutdown-delay": { type: "string", valueName: "SECONDS", help: "After SIGTERM, /readyz fails and reviews are still answered this long before the listeners close (0 to 60)", default: "5" },
    "docker-config": { type: "string", valueName: "FILE|DIR", help: "Registry credentials, re-read as they change: a Docker config.json, an imagePullSecret's .dockerconfigjson or .dockercfg, or a directory with one" },
    policy: { type: "string", valueName: "DIR|BUNDLE", help: "Extra rules" }
  },
  async run(argv) {
    const taken = takeBareInsecureRegistry(argv);
    const args = parseCommandArgs(this, taken.argv);
    const insecure = insecureRegistries(args, taken.bare);
    if (insecure instanceof UserError) return insecure;
    if (args.positionals[0] !== "serve") return new UserError("usage: rsyncguard admission serve --tls-cert FILE --tls-key FILE");
    const extra = args.positionals.slice(1);
    if (extra.length > 0) return new UserError(`admission serve takes no arguments, only options: unexpected ${extra.map((w) => JSON.stringify(escapeControls(w))).join(" ")}`, void 0, "See rsyncguard admission --help.");
    const cert = stringOption(args, "tls-cert");
    const key2 = stringOption(args, "tls-key");
    if (!cert || !key2) return new UserError("admission serve needs --tls-cert and --tls-key", void 0, "The API server calls webhooks over HTTPS only.");
    const address = parseListen(stringOption(args, "listen") ?? "0.0.0.0:8443");
    if (!address.ok) return address.error;
    const { host, port } = address.value;
    const metricsText = stringOption(args, "metrics-listen");
    const metricsAddress = metricsText !== void 0 ? parseListen(metricsText, "--metrics-listen", "0.0.0.0:9090") : void 0;
    if (metricsAddress !== void 0 && !metricsAddress.ok) return metricsAddress.error;
    const mode = ADMISSION_MODES.find((m) => m === (stringOption(args, "mode") ?? "enforce")) ?? "enforce";
    const numbers = numberOptions(args, {
      "budget-ms": { min: 1, max: 3e4, fallback: 8e3 },
      "cache-size": { min: 1, max: 1e6, fallback: 512 },
      "cache-ttl": { min: 1, max: 7 * 86400, fallback: 3600 },
      workers: { min: 1, max: 64, fallback: Math.min(2, availableParallelism()) },
      "analysis-timeout": { min: 1, max: 86400, fallback: 300 },
      "max-connections": { min: 1, max: 65536, fallback: 512 },
      "tag-ttl": { min: 1, max: 86400, fallback: 60 },
      "shutdown-delay": SHUTDOWN_DELAY
    });
    if (!numbers.ok) return numbers.error;
    const n = numbers.value;
    const limits = readImageLimits();
    if (!limits.ok) return new UserError(limits.error.message, void 0, "Fix or unset the variable in the webhook's environment.");
    const dockerConfig = stringOption(args, "docker-config");
    const credentials = readDockerConfig(dockerConfig || void 0);
    if (!credentials.ok) return credentials.error;
    const unused = dockerConfigIgnored(dockerConfig || void 0);
    for (const ignored of unused?.ignored ?? []) logEvent("warn", "docker config: part of it is ignored", { file: escapeControls(unused?.path ?? ""), ignored });
    const tls = readTls(cert, key2);
    if (!tls.ok) return tls.error;
    const metrics = new AdmissionMetrics(registryLabeller({ insecure, auths: credentials.value }));
    const readiness = new Readiness();
    let made = () => {
    };
    const failOn = stringOption(args, "fail-on") ?? "high";
    const failOpen = args.values["fail-open"] === true;
    const serving = { controller: new Promise((done) => made = done), readiness, metrics, mode, budgetMs: n["budget-ms"], failOn, failOpen };
    const server = createWebhookServer(tls.value, { maxConnections: n["max-connections"] }, (req, res) => {
      if (serveProbe(req, res, readiness, metrics)) return;
      if (req.method !== "POST") return send(res, 405, "POST an AdmissionReview to /validate (or /validate/MODE), or GET /healthz, /readyz or /metrics");
      const path = pathOf(req.url);
      const as = modeForPath(path, mode);
      if (as === void 0) return send(res, 404, `no webhook at ${quote(escapeControls(path))}: POST reviews to ${POST_PATHS.join(", ")}`, true);
      review(serving, as, req, res).catch((e) => {
        logEvent("error", "internal error", { error: escapeControls(errorMessage(e)) });
        send(res, 500, "internal error: see the webhook log");
      });
    });
    const servers = [server];
    const tlsReload = reloadTls(server, cert, key2, tls.value);
    const stopAll = () => {
      tlsReload.stop();
      for (const s of servers) {
        s.close();
        s.closeAllConnections();
      }
    };
    const listening = await listen(server, host, port);
    if (!listening.ok) return listening.error;
    if (metricsAddress?.ok) {
      const plain3 = createMetricsServer(readiness, metrics);
      const up = await listen(plain3, metricsAddress.value.host, metricsAddress.value.port, "--metrics-listen");
      if (!up.ok) {
        stopAll();
        return up.error;
      }
      servers.push(plain3);
    }
    for (const s of servers) {
      s.removeAllListeners("error");
      s.on("error", (e) => logEvent("error", "server error", { error: escapeControls(e.message) }));
    }
    logEvent("info", "listening", { url: urlOf("https", server, host), ...servers[1] ? { metrics_url: urlOf("http", servers[1], metricsAddress?.ok ? metricsAddress.value.host : host) } : {}, mode });
    const policies = await policiesFor(stringOption(args, "policy"));
    if (!policies.ok) {
      stopAll();
      return policies.error;
    }
    readiness.waiting("starting the analysis threads");
    const controller = new AdmissionController({
      policies: policies.value,
      registry: { platform: stringOption(args, "platform") ?? "linux/amd64", insecure, ...dockerConfig ? { dockerConfig } : {} },
      failOn,
      budgetMs: n["budget-ms"],
      failOpen,
      cacheSize: n["cache-size"],
      cacheTtlMs: n["cache-ttl"] * 1e3,
      tagTtlMs: n["tag-ttl"] * 1e3,
      workers: n.workers,
      analysisTimeoutMs: n["analysis-timeout"] * 1e3,
      observer: metrics
    });
    const started = controller.start();
    made(controller);
    serving.made = controller;
    try {
      await started;
    } catch (e) {
      stopAll();
      await controller.close();
      return new UserError(`the analysis threads could not start: ${errorMessage(e)}`, void 0, "Give the webhook more memory (each thread needs up to 256 MiB), or lower --workers.");
    }
    readiness.ready();
    logEvent("info", "ready", { workers: n.workers });
    const writeHeldLines = bufferReviewLines(REVIEW_LINES_HELD_MS);
    await drainOnSignal({ servers, readiness, delayMs: n["shutdown-delay"] * 1e3, finishMs: n["budget-ms"] + 1e3 }).done;
    writeHeldLines();
    tlsReload.stop();
    await controller.close();
    return 0;
  }
};

// src/facts/validate.ts
var import_ajv = __toESM(require_ajv(), 1);

// src/facts/schema/facts.schema.json
var facts_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://rsyncguard.dev/schema/facts@1.json",
  title: "rsyncguard facts document, version 1",
  description: "The normalized view of one target (a config file, a host, an image) that rsyncguard's policies evaluate. Passwords never appear: secrets files contribute derived facts only.",
  type: "object",
  additionalProperties: false,
  required: [
    "schema",
    "target",
    "context",
    "rsync",
    "config",
    "secrets",
    "daemon",
    "image"
  ],
  definitions: {
    param: {
      type: "object",
      additionalProperties: false,
      required: [
        "value",
        "raw",
        "file",
        "line",
        "column",
        "origin"
      ],
      properties: {
        value: {
          type: [
            "string",
            "number",
            "boolean",
            "null"
          ]
        },
        raw: {
          type: [
            "string",
            "null"
          ]
        },
        file: {
          type: [
            "string",
            "null"
          ]
        },
        line: {
          type: [
            "integer",
            "null"
          ],
          minimum: 1
        },
        column: {
          type: [
            "integer",
            "null"
          ],
          minimum: 1
        },
        origin: {
          enum: [
            "module",
            "global",
            "default"
          ]
        }
      }
    },
    location: {
      type: "object",
      additionalProperties: false,
      required: [
        "file",
        "line",
        "column"
      ],
      properties: {
        file: {
          type: "string"
        },
        line: {
          type: "integer",
          minimum: 1
        },
        column: {
          type: "integer",
          minimum: 1
        }
      }
    },
    access: {
      type: "object",
      additionalProperties: false,
      required: [
        "listed",
        "auth_required",
        "open_to_any_host",
        "host_allowed",
        "anonymous_read",
        "anonymous_write",
        "read",
        "write",
        "reasons",
        "assumptions"
      ],
      properties: {
        listed: {
          type: "boolean"
        },
        auth_required: {
          type: "boolean"
        },
        open_to_any_host: {
          type: "boolean"
        },
        host_allowed: {
          type: "object",
          additionalProperties: false,
          required: [
            "ipv4",
            "ipv6"
          ],
          properties: {
            ipv4: {
              type: "boolean"
            },
            ipv6: {
              type: "boolean"
            }
          }
        },
        anonymous_read: {
          type: "boolean"
        },
        anonymous_write: {
          type: "boolean"
        },
        read: {
          enum: [
            "ok",
            "connection-failed",
            "unknown-module",
            "access-denied",
            "max-connections",
            "lock-file",
            "auth-failed",
            "invalid-uid",
            "invalid-gid",
            "no-path",
            "chroot-failed",
            "setgid-failed",
            "setuid-failed",
            "read-only",
            "write-only"
          ]
        },
        write: {
          enum: [
            "ok",
            "connection-failed",
            "unknown-module",
            "access-denied",
            "max-connections",
            "lock-file",
            "auth-failed",
            "invalid-uid",
            "invalid-gid",
            "no-path",
            "chroot-failed",
            "setgid-failed",
            "setuid-failed",
            "read-only",
            "write-only"
          ]
        },
        reasons: {
          type: "array",
          items: {
            type: "string"
          }
        },
        assumptions: {
          type: "array",
          items: {
            type: "string"
          }
        }
      }
    },
    secretsEntry: {
      type: "object",
      additionalProperties: false,
      required: [
        "kind",
        "name",
        "line",
        "length",
        "equals_name",
        "weak",
        "common",
        "reused",
        "dead",
        "unmatchable",
        "trailing_whitespace"
      ],
      properties: {
        kind: {
          enum: [
            "user",
            "group"
          ]
        },
        name: {
          type: "string"
        },
        line: {
          type: "integer",
          minimum: 1
        },
        length: {
          type: "integer",
          minimum: 0
        },
        equals_name: {
          type: "boolean"
        },
        weak: {
          type: "boolean"
        },
        common: {
          type: "boolean"
        },
        reused: {
          type: "boolean"
        },
        dead: {
          type: "boolean"
        },
        unmatchable: {
          type: "boolean"
        },
        trailing_whitespace: {
          type: "boolean"
        }
      }
    },
    hostToken: {
      type: "object",
      additionalProperties: false,
      required: [
        "token",
        "kind"
      ],
      properties: {
        token: {
          type: "string"
        },
        kind: {
          enum: [
            "address",
            "network",
            "any-address",
            "wildcard",
            "hostname",
            "netgroup",
            "placeholder",
            "malformed",
            "template"
          ]
        }
      }
    },
    hostList: {
      oneOf: [
        {
          type: "null"
        },
        {
          type: "array",
          minItems: 1,
          items: {
            $ref: "#/definitions/hostToken"
          }
        }
      ]
    },
    authRule: {
      type: "object",
      additionalProperties: false,
      required: [
        "raw",
        "pattern",
        "group",
        "option",
        "ignored_option",
        "empty",
        "shadowed_by"
      ],
      properties: {
        raw: {
          type: "string"
        },
        pattern: {
          type: "string"
        },
        group: {
          type: "boolean"
        },
        option: {
          enum: [
            "deny",
            "ro",
            "rw",
            null
          ]
        },
        ignored_option: {
          type: [
            "string",
            "null"
          ]
        },
        empty: {
          type: "boolean"
        },
        shadowed_by: {
          type: [
            "string",
            "null"
          ]
        }
      }
    },
    derived: {
      type: "object",
      additionalProperties: false,
      required: [
        "value",
        "reason"
      ],
      properties: {
        value: {
          type: "boolean"
        },
        reason: {
          type: "string"
        }
      }
    }
  },
  properties: {
    schema: {
      const: "rsyncguard/facts@1"
    },
    target: {
      type: "object",
      additionalProperties: false,
      required: [
        "kind",
        "id",
        "display"
      ],
      properties: {
        kind: {
          enum: [
            "file",
            "host",
            "image"
          ]
        },
        id: {
          type: "string",
          minLength: 1
        },
        file_kind: {
          description: "What a repository file is when it is not an rsyncd configuration (the file-kind registry, src/sources/file-kinds.ts); absent for an rsyncd configuration. Such a target has no daemon: config.starts and config.serves are false and it has no modules.",
          enum: ["rsync-secrets", "samba", "other-config", "systemd-unit", "dockerfile", "stunnel", "xinetd", "supervisord", "upstart", "hcl", "shell-script", "yaml", "markdown", "unknown"]
        },
        display: {
          type: "string"
        }
      }
    },
    context: {
      type: "object",
      additionalProperties: false,
      required: [
        "daemon_user",
        "rsync_version",
        "today"
      ],
      properties: {
        daemon_user: {
          enum: [
            "root",
            "nonroot"
          ]
        },
        rsync_version: {
          type: "string",
          pattern: "^\\d+\\.\\d+\\.\\d+$"
        },
        today: {
          type: "string",
          pattern: "^\\d{4}-\\d{2}-\\d{2}$"
        }
      }
    },
    rsync: {
      type: "object",
      additionalProperties: false,
      required: [
        "version",
        "source"
      ],
      properties: {
        version: {
          type: [
            "string",
            "null"
          ]
        },
        source: {
          type: [
            "string",
            "null"
          ]
        },
        package: {
          description: "The rsync package as the target's package database has it; absent in documents made before it existed.",
          oneOf: [
            { type: "null" },
            {
              type: "object",
              additionalProperties: false,
              required: ["manager", "name", "version", "source"],
              properties: {
                manager: { enum: ["dpkg", "rpm", "apk"] },
                name: { type: "string" },
                version: { type: "string" },
                source: { type: "string" }
              }
            }
          ]
        },
        distro: {
          description: "From the target's os-release.",
          oneOf: [
            { type: "null" },
            {
              type: "object",
              additionalProperties: false,
              required: ["id", "version_id", "id_like", "source"],
              properties: {
                id: { type: "string" },
                version_id: { type: "string" },
                id_like: { type: "array", items: { type: "string" } },
                source: { type: "string" }
              }
            }
          ]
        },
        range: {
          description: "The releases that speak the protocol a daemon's greeting offered, when nothing else is known.",
          oneOf: [
            { type: "null" },
            {
              type: "object",
              additionalProperties: false,
              required: ["min", "max", "source"],
              properties: {
                min: { type: "string" },
                max: { type: ["string", "null"] },
                source: { type: "string" }
              }
            }
          ]
        },
        unknown: {
          description: "Why the version is unknown; null when it is known.",
          type: ["string", "null"]
        },
        compress: {
          description: "The compressors the target's rsync binary lists (rsync --version, Compress list); null or absent when no binary was run.",
          oneOf: [{ type: "null" }, { type: "array", maxItems: 16, items: { type: "string", pattern: "^[a-z0-9]{1,16}$" } }]
        },
        cves: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["id", "state", "basis"],
            properties: {
              id: { type: "string" },
              state: { enum: ["affected", "fixed", "unknown"] },
              basis: { type: "string" }
            }
          }
        }
      }
    },
    config: {
      type: "object",
      additionalProperties: false,
      required: [
        "starts",
        "serves",
        "partial",
        "files",
        "global",
        "listener",
        "modules",
        "diagnostics",
        "inline_waivers"
      ],
      properties: {
        starts: {
          type: "boolean"
        },
        serves: {
          type: "boolean"
        },
        partial: {
          type: "boolean"
        },
        files: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "path",
              "sha256",
              "mode",
              "uid"
            ],
            properties: {
              path: {
                type: "string"
              },
              sha256: {
                type: "string",
                pattern: "^[0-9a-f]{64}$"
              },
              mode: {
                type: [
                  "integer",
                  "null"
                ]
              },
              uid: {
                type: [
                  "integer",
                  "null"
                ]
              }
            }
          }
        },
        global: {
          type: "object",
          additionalProperties: {
            $ref: "#/definitions/param"
          }
        },
        listener: {
          type: "object",
          additionalProperties: {
            $ref: "#/definitions/param"
          }
        },
        modules: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "name",
              "header",
              "shadowed",
              "params",
              "access",
              "acl",
              "auth_rules"
            ],
            properties: {
              name: {
                type: "string"
              },
              header: {
                $ref: "#/definitions/location"
              },
              reopened: {
                type: "array",
                items: {
                  $ref: "#/definitions/location"
                }
              },
              shadowed: {
                type: "boolean"
              },
              params: {
                type: "object",
                additionalProperties: {
                  $ref: "#/definitions/param"
                },
                required: [
                  "path",
                  "read only",
                  "write only",
                  "list",
                  "auth users",
                  "hosts allow",
                  "hosts deny",
                  "use chroot",
                  "uid",
                  "gid",
                  "secrets file",
                  "strict modes",
                  "name"
                ],
                properties: {
                  path: {
                    $ref: "#/definitions/param"
                  },
                  "read only": {
                    $ref: "#/definitions/param"
                  },
                  "write only": {
                    $ref: "#/definitions/param"
                  },
                  list: {
                    $ref: "#/definitions/param"
                  },
                  "auth users": {
                    $ref: "#/definitions/param"
                  },
                  "hosts allow": {
                    $ref: "#/definitions/param"
                  },
                  "hosts deny": {
                    $ref: "#/definitions/param"
                  },
                  "use chroot": {
                    $ref: "#/definitions/param"
                  },
                  uid: {
                    $ref: "#/definitions/param"
                  },
                  gid: {
                    $ref: "#/definitions/param"
                  },
                  "secrets file": {
                    $ref: "#/definitions/param"
                  },
                  "strict modes": {
                    $ref: "#/definitions/param"
                  },
                  name: {
                    $ref: "#/definitions/param"
                  }
                }
              },
              access: {
                $ref: "#/definitions/access"
              },
              acl: {
                type: "object",
                additionalProperties: false,
                required: [
                  "allow",
                  "deny"
                ],
                properties: {
                  allow: {
                    $ref: "#/definitions/hostList"
                  },
                  deny: {
                    $ref: "#/definitions/hostList"
                  }
                }
              },
              auth_rules: {
                type: "array",
                items: {
                  $ref: "#/definitions/authRule"
                }
              },
              effective: {
                description: "What rsync does with `use chroot`, `max connections`, `uid` and `gid` for this module, given the daemon's privileges and the modelled version (src/facts/effective.ts). Optional for documents made before it existed, as are the fields added later (`transfer_uid_root`, `transfer_gid_root`): validation computes what is missing from params and context.",
                type: "object",
                additionalProperties: false,
                required: [
                  "chroot",
                  "disabled"
                ],
                properties: {
                  chroot: {
                    $ref: "#/definitions/derived",
                    description: `rsync_module's use_chroot once an unset value is resolved (unset means yes before 3.2.7; from 3.2.7 yes with a /./ path or when chroot("/") succeeds, i.e. on a root daemon). true: the module chroots, or refuses the connection when it cannot.`
                  },
                  disabled: {
                    $ref: "#/definitions/derived",
                    description: "`max connections` is negative: every request for the module is refused."
                  },
                  refuse_unknown: {
                    type: "object",
                    additionalProperties: false,
                    required: ["value", "reason"],
                    properties: { value: { type: "array", items: { type: "string" } }, reason: { type: "string" } },
                    description: "The `refuse options` names that match no option in rsync's table (options.c long_options, long and short names, wildcards matched): rsync ignores them, so they refuse nothing. Tokens with a comma or tab are RSYNC-010's."
                  },
                  transfer_uid_root: {
                    $ref: "#/definitions/derived",
                    description: "Transfers run with uid 0: the daemon has root (config.effective.root) and `uid` is `root` or all-digit zero (`0`, `00`). Unset means nobody on a root daemon; a daemon without root cannot switch."
                  },
                  transfer_gid_root: {
                    $ref: "#/definitions/derived",
                    description: "The transfer's groups include gid 0: the daemon has root and a `gid` list token is `root`, `wheel` or all-digit zero, or a leading `*` takes the groups of a root `uid`. Unset means the nobody group on a root daemon."
                  },
                  writable: {
                    $ref: "#/definitions/derived",
                    description: "Some client can upload: `read only = no`, or an `auth users` rule with `:rw` (not shadowed by an earlier rule), which overrides `read only` for the users it matches. `write only` never grants uploads."
                  },
                  unusable: {
                    type: "object",
                    additionalProperties: false,
                    required: ["value", "reason"],
                    properties: {
                      value: { type: "boolean" },
                      reason: { type: "string" },
                      param: { enum: ["max connections", "uid", "gid", "path", "use chroot", null], description: "The parameter that makes it unusable (a finding points there; an absent `path` points at the module header); null when usable." }
                    },
                    description: 'rsync refuses the module to every client: `max connections` is negative (or positive with the default lock file on a daemon without root), or (after authentication, clientserver.c rsync_module) the `uid` or a `gid` token, `%VAR%` expanded, does not resolve ("invalid uid X" / "invalid gid X"; an all-digit value resolves unless id_parse rejects it past uid_t; names with whitespace, \':\' or a leading \'#\', \'+\' or \'-\' never do; other names only against the image\'s etc/passwd and etc/group when they are its whole name service), or it has no `path` ("no path setting"), or a daemon without root must chroot, setgid, or setuid to root ("chroot failed", "setgid failed", "setuid failed").'
                  }
                }
              },
              declared_public: {
                description: "The operator declared the module a deliberate public mirror: a `# rsyncguard: public <reason>` comment directly above its header (or `# rsyncguard: public-file <reason>` before the file's first header), or a `public:` entry of .rsyncguard.yaml. null: not declared. Optional for older documents (read as null).",
                oneOf: [
                  { type: "null" },
                  {
                    type: "object",
                    additionalProperties: false,
                    required: ["reason", "source", "file", "line"],
                    properties: {
                      reason: { type: "string", minLength: 1 },
                      source: { enum: ["comment", "config"] },
                      file: { type: "string" },
                      line: { type: "integer", minimum: 1 }
                    }
                  }
                ]
              }
            }
          }
        },
        diagnostics: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "severity",
              "code",
              "message",
              "file",
              "line",
              "column"
            ],
            properties: {
              severity: {
                enum: [
                  "fatal",
                  "warning",
                  "info"
                ]
              },
              code: {
                type: "string",
                pattern: "^[a-z0-9-]+$"
              },
              message: {
                type: "string"
              },
              file: {
                type: "string"
              },
              line: {
                type: "integer",
                minimum: 1
              },
              column: {
                type: "integer",
                minimum: 1
              },
              hint: {
                type: "string"
              }
            }
          }
        },
        inline_waivers: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "rule",
              "reason",
              "file",
              "line",
              "target_line"
            ],
            properties: {
              rule: {
                type: "string",
                pattern: "^RSYNC-\\d{3}$"
              },
              reason: {
                type: "string",
                minLength: 1
              },
              file: {
                type: "string"
              },
              line: {
                type: "integer",
                minimum: 1
              },
              target_line: {
                type: "integer",
                minimum: 1
              }
            }
          }
        },
        effective: {
          description: "Daemon-wide facts derived from context and globals (src/facts/effective.ts). Optional for documents made before it existed: validation computes it from context and globals.",
          type: "object",
          additionalProperties: false,
          required: [
            "root"
          ],
          properties: {
            root: {
              $ref: "#/definitions/derived",
              description: "Modules run with root privileges: context.daemon_user is root and no `daemon uid` drops it."
            },
            reach: {
              description: "Who can connect to the daemon at all, before host rules or logins (src/facts/reach.ts): from the sockets a live host shows, else `--address` on the command line, else `address` before the first module; for an image, `container` when it does not expose the daemon's port. Optional for documents made before it existed: validation computes it from config.listener, daemon and image.",
              type: "object",
              additionalProperties: false,
              required: [
                "value",
                "addresses",
                "who",
                "reason"
              ],
              properties: {
                value: {
                  enum: [
                    "any",
                    "private",
                    "local",
                    "container"
                  ],
                  description: "`local`: only processes on this machine (loopback); `container`: only peers on the container network; `private`: only hosts on a private network (RFC 1918, 100.64/10, 169.254/16, fc00::/7, fe80::/10); `any`: every interface, a public address, or a host name not judged."
                },
                addresses: {
                  type: "array",
                  items: {
                    type: "string"
                  },
                  description: "The addresses the daemon binds, as given; empty when none is (rsync binds every interface)."
                },
                who: {
                  type: "string",
                  description: 'Who can connect, as a phrase for messages ("hosts on the private network 10.0.0.0/8").'
                },
                reason: {
                  type: "string"
                },
                port: {
                  type: "integer",
                  description: "The port the daemon listens on: `--port`, else `-M port=`, else the file's `port`, else 873."
                },
                every_interface: {
                  type: "boolean",
                  description: "The daemon binds every interface: no `address`, or a wildcard (0.0.0.0, ::) given explicitly."
                },
                front_end: {
                  type: ["string", "null"],
                  description: "A TLS front end (stunnel, a socket on 874) that relays clients to a daemon bound narrower, which is why `value` is `any`; null when none is known."
                }
              }
            }
          }
        }
      }
    },
    secrets: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "path",
          "file",
          "exists",
          "mode",
          "uid",
          "gid",
          "owner_is_root",
          "other_accessible",
          "referenced_by",
          "entries"
        ],
        properties: {
          path: {
            type: "string"
          },
          exists: {
            type: [
              "boolean",
              "null"
            ]
          },
          mode: {
            type: [
              "integer",
              "null"
            ]
          },
          uid: {
            type: [
              "integer",
              "null"
            ]
          },
          gid: {
            type: [
              "integer",
              "null"
            ]
          },
          owner_is_root: {
            type: [
              "boolean",
              "null"
            ]
          },
          other_accessible: {
            type: [
              "boolean",
              "null"
            ]
          },
          referenced_by: {
            type: "array",
            items: {
              type: "string"
            }
          },
          entries: {
            type: "array",
            items: {
              $ref: "#/definitions/secretsEntry"
            }
          },
          named_by: {
            description: "Every config that names this secrets file, when several of one scan do; absent otherwise.",
            type: "array",
            items: {
              type: "string"
            }
          },
          in_repository: {
            description: "false when a repository scan read the file under --root, outside the repository: its mode is the file's own, not the one git records.",
            type: "boolean"
          },
          file: {
            type: [
              "string",
              "null"
            ]
          }
        }
      }
    },
    daemon: {
      type: "object",
      additionalProperties: false,
      required: [
        "processes",
        "listeners",
        "units",
        "probes"
      ],
      properties: {
        processes: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "pid",
              "uid",
              "cmdline",
              "config_path",
              "root",
              "chrooted"
            ],
            properties: {
              pid: {
                type: "integer"
              },
              uid: {
                type: "integer"
              },
              cmdline: {
                type: "array",
                items: {
                  type: "string"
                }
              },
              config_path: {
                type: [
                  "string",
                  "null"
                ]
              },
              root: {
                type: [
                  "string",
                  "null"
                ]
              },
              chrooted: {
                type: [
                  "boolean",
                  "null"
                ]
              }
            }
          }
        },
        listeners: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "address",
              "port",
              "family",
              "pid"
            ],
            properties: {
              address: {
                type: "string"
              },
              port: {
                type: "integer",
                minimum: 0,
                maximum: 65535
              },
              family: {
                enum: [
                  "ipv4",
                  "ipv6"
                ]
              },
              pid: {
                type: [
                  "integer",
                  "null"
                ]
              }
            }
          }
        },
        units: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "kind",
              "path",
              "enabled",
              "user",
              "hardening"
            ],
            properties: {
              kind: {
                enum: [
                  "systemd",
                  "xinetd",
                  "inetd"
                ]
              },
              path: {
                type: "string"
              },
              enabled: {
                type: "boolean"
              },
              user: {
                type: [
                  "string",
                  "null"
                ]
              },
              hardening: {
                type: "array",
                items: {
                  type: "string"
                }
              }
            }
          }
        },
        probes: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: [
              "address",
              "port",
              "protocol",
              "digests",
              "motd",
              "modules",
              "error"
            ],
            properties: {
              address: {
                type: "string"
              },
              port: {
                type: "integer"
              },
              protocol: {
                type: [
                  "string",
                  "null"
                ]
              },
              digests: {
                type: "array",
                items: {
                  type: "string"
                }
              },
              motd: {
                type: "array",
                items: {
                  type: "string"
                }
              },
              modules: {
                type: "array",
                items: {
                  type: "object",
                  additionalProperties: false,
                  required: [
                    "name",
                    "comment"
                  ],
                  properties: {
                    name: {
                      type: "string"
                    },
                    comment: {
                      type: "string"
                    }
                  }
                }
              },
              error: {
                type: [
                  "string",
                  "null"
                ]
              }
            }
          }
        }
      }
    },
    image: {
      oneOf: [
        {
          type: "null"
        },
        {
          type: "object",
          additionalProperties: false,
          required: [
            "ref",
            "digest",
            "exposed_ports",
            "user",
            "entrypoint",
            "cmd",
            "env",
            "files",
            "layer_secrets",
            "starts_daemon"
          ],
          properties: {
            ref: {
              type: "string"
            },
            digest: {
              type: [
                "string",
                "null"
              ]
            },
            exposed_ports: {
              type: "array",
              items: {
                type: "string"
              }
            },
            user: {
              type: [
                "string",
                "null"
              ]
            },
            lines: {
              description: "For an image described by a Dockerfile (target.file_kind dockerfile): the lines of config.files[0] that write the exposed 873, the USER, the ENTRYPOINT/CMD, and each env entry (parallel to env), so findings point there. Absent for a built image.",
              type: "object",
              additionalProperties: false,
              required: ["expose", "user", "command", "env"],
              properties: {
                expose: { type: ["integer", "null"], minimum: 1 },
                user: { type: ["integer", "null"], minimum: 1 },
                command: { type: ["integer", "null"], minimum: 1 },
                env: { type: "array", items: { type: "integer", minimum: 1 } }
              }
            },
            runs_as_root: {
              description: "The container runs as root, as the runtime reads `user` (src/facts/effective.ts imageRunsAsRoot). Optional for documents made before it existed: validation computes it from `user`.",
              $ref: "#/definitions/derived"
            },
            entrypoint: {
              type: "array",
              items: {
                type: "string"
              }
            },
            cmd: {
              type: "array",
              items: {
                type: "string"
              }
            },
            env: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: [
                  "name",
                  "value"
                ],
                properties: {
                  name: {
                    type: "string"
                  },
                  value: {
                    type: [
                      "string",
                      "null"
                    ]
                  }
                }
              }
            },
            files: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: [
                  "path",
                  "layer"
                ],
                properties: {
                  path: {
                    type: "string"
                  },
                  layer: {
                    type: "string"
                  }
                }
              }
            },
            layer_secrets: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: [
                  "path",
                  "layer",
                  "deleted_later"
                ],
                properties: {
                  path: {
                    type: "string"
                  },
                  layer: {
                    type: "string"
                  },
                  deleted_later: {
                    type: "boolean"
                  }
                }
              }
            },
            starts_daemon: {
              type: "boolean"
            }
          }
        }
      ]
    }
  }
};

// src/facts/validate.ts
var compiled;
function validateFacts(doc) {
  compiled ??= new import_ajv.Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(facts_schema_default);
  if (compiled(doc)) return { ok: true, value: withEffective(doc) };
  const errors = (compiled.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return { ok: false, errors };
}
function withEffective(doc) {
  const given = doc.config.effective ?? effectiveDaemon(doc.context.daemon_user, doc.config.global);
  const reach = doc.config.effective?.reach ?? reachOf({ listener: doc.config.listener, processes: doc.daemon.processes, listeners: doc.daemon.listeners, units: doc.daemon.units, image: doc.image });
  const daemon = { ...given, reach };
  const version = versionOf(doc.context.rsync_version);
  const modules = doc.config.modules.map((m) => ({ ...m, effective: { ...effectiveModule(m.params, daemon.root.value, version), ...m.effective }, declared_public: m.declared_public ?? null }));
  const image = doc.image && { ...doc.image, runs_as_root: doc.image.runs_as_root ?? imageRunsAsRoot(doc.image.user) };
  return { ...doc, rsync: withRsync(doc.rsync), config: { ...doc.config, effective: daemon, modules }, image };
}
function withRsync(r) {
  const unknown = r.unknown !== void 0 ? r.unknown : r.version === null ? "the facts document names no rsync version" : null;
  const known = { version: r.version, source: r.source, package: r.package ?? null, distro: r.distro ?? null, range: r.range ?? null, unknown, compress: r.compress ?? null };
  return { ...known, cves: judgeCves(known) };
}
function withStatedRsyncVersion(doc, version) {
  const rsync = rsyncFacts({ rsync: doc.rsync, rsyncVersionGiven: true, rsyncVersion: version, target: doc.target });
  const stated = version.join(".");
  if (stated === doc.context.rsync_version) return { ...doc, rsync };
  const root = doc.config.effective.root.value;
  const modules = doc.config.modules.map((m) => {
    const derived = effectiveModule(m.params, root, version);
    return { ...m, effective: { ...m.effective, ...derived, unusable: m.effective.unusable ?? derived.unusable } };
  });
  return { ...doc, context: { ...doc.context, rsync_version: stated }, rsync, config: { ...doc.config, modules } };
}

// src/runner/host.ts
import { existsSync as existsSync6 } from "node:fs";
import { join as join7 } from "node:path";

// src/parse/host-configs.ts
import { posix as posix2 } from "node:path";

// src/sources/host/config-source.ts
import { posix } from "node:path";
function hostConfigSource(files, secretsFiles) {
  return {
    resolve(target, from) {
      const path = posix.isAbsolute(target) ? posix.normalize(target) : posix.join(posix.dirname(from), target);
      if (secretsFiles.has(path)) return { kind: "not-followed", path, reason: "it is a secrets file: only facts derived from it are used" };
      const f = files.get(path);
      if (!f) return { kind: "not-followed", path, reason: "the collector did not read it" };
      if (!f.exists) return { kind: "missing", path, reason: "no such file or directory" };
      if (f.dir && f.unreadable !== void 0) return { kind: "not-followed", path, reason: f.unreadable };
      if (f.dir) return { kind: "dir", path, entries: f.entries ?? [] };
      if (typeof f.text !== "string") return { kind: "not-followed", path, reason: f.unreadable ?? "it could not be read" };
      return { kind: "file", path, bytes: Buffer.from(f.text) };
    }
  };
}

// src/parse/host-configs.ts
function isVerifiedDaemon(p) {
  return p.trust === void 0 || p.trust === "rsync";
}
function configOf(p) {
  return p.config ?? DEFAULT_CONFIG_PATH;
}
function namedConfigs(raw) {
  return /* @__PURE__ */ new Set([...raw.processes.filter(isVerifiedDaemon).map(configOf), ...USUAL_CONFIG_PATHS]);
}
function* parseHostConfigs(raw) {
  const files = new Map(raw.files.map((f) => [f.path, f]));
  const configs = [...namedConfigs(raw)].filter((c) => files.get(c)?.exists && !files.get(c)?.dir);
  const fileStats = new Map(
    raw.files.flatMap((f) => {
      const mode = octalMode(f.mode);
      return mode !== null && typeof f.uid === "number" ? [[f.path, { mode, uid: f.uid }]] : [];
    })
  );
  const secretsFiles = new Set(raw.secrets.map((s) => posix2.normalize(s.path)));
  for (const path of configs.sort()) {
    const text3 = files.get(path)?.text;
    if (typeof text3 !== "string") continue;
    const config = parseRsyncdConf(path, Buffer.from(text3), hostConfigSource(files, secretsFiles));
    yield { path, config, secrets: hostSecrets(raw, config), fileStats };
  }
}
function hostErrors(raw) {
  const notFollowed = raw.processes.filter((p) => !isVerifiedDaemon(p)).map(
    (p) => `process ${p.pid} (uid ${p.uid ?? "?"}) looks like an rsync daemon but was not followed: ${p.trust_reason || "it could not be verified"}. Its config was not read; if it is a real daemon, run it from a root-owned rsync binary and collect as root.`
  );
  const named3 = namedConfigs(raw);
  for (const f of raw.files) {
    if (named3.has(f.path) && f.exists && !f.dir && typeof f.text !== "string") notFollowed.push(`${f.path} was not read: ${f.unreadable ?? "it could not be read"}.`);
  }
  return { unread: raw.errors.map((e) => `${e.path}: ${e.reason}`), notFollowed };
}

// src/parse/rpm-header.ts
var TAG2 = { name: 1e3, version: 1001, release: 1002, epoch: 1003 };
var TYPE_INT32 = 4;
var TYPE_STRING = 6;
var MAX_ENTRIES = 65535;
var MAX_DATA = 256 << 20;
var MAX_STRING = 1024;
function readRpmHeader(blob) {
  if (blob.length < 8) return { ok: false, error: `a header of ${blob.length} bytes is shorter than its 8-byte preamble` };
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const entries = view.getUint32(0);
  const dataLength = view.getUint32(4);
  if (entries === 0 || entries > MAX_ENTRIES) return { ok: false, error: `a header claims ${entries} index entries` };
  if (dataLength > MAX_DATA) return { ok: false, error: `a header claims ${dataLength} bytes of data` };
  const dataStart = 8 + entries * 16;
  if (dataStart + dataLength > blob.length) return { ok: false, error: `a header claims ${entries} entries and ${dataLength} bytes of data, more than its ${blob.length} bytes` };
  const data = blob.subarray(dataStart, dataStart + dataLength);
  const found = /* @__PURE__ */ new Map();
  for (let i = 0; i < entries; i++) {
    const at = 8 + i * 16;
    const tag = view.getUint32(at);
    if (tag >= TAG2.name && tag <= TAG2.epoch && !found.has(tag)) found.set(tag, { type: view.getUint32(at + 4), offset: view.getUint32(at + 8), count: view.getUint32(at + 12) });
  }
  const name = stringAt(data, found.get(TAG2.name));
  const version = stringAt(data, found.get(TAG2.version));
  const release = stringAt(data, found.get(TAG2.release));
  if (typeof name !== "string") return { ok: false, error: `NAME: ${name.error}` };
  if (typeof version !== "string") return { ok: false, error: `VERSION: ${version.error}` };
  if (typeof release !== "string") return { ok: false, error: `RELEASE: ${release.error}` };
  const epochEntry = found.get(TAG2.epoch);
  let epoch = null;
  if (epochEntry) {
    if (epochEntry.type !== TYPE_INT32 || epochEntry.count < 1 || epochEntry.offset % 4 !== 0 || epochEntry.offset + 4 > data.length) return { ok: false, error: "EPOCH is not a 32-bit integer inside the data" };
    epoch = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(epochEntry.offset);
  }
  return { ok: true, value: { name, epoch, version, release } };
}
function stringAt(data, entry) {
  if (!entry) return { error: "missing" };
  if (entry.type !== TYPE_STRING) return { error: `type ${entry.type}, not a string` };
  if (entry.offset >= data.length) return { error: "points past the data" };
  const end = data.indexOf(0, entry.offset);
  if (end < 0) return { error: "not terminated inside the data" };
  if (end - entry.offset > MAX_STRING) return { error: `longer than ${MAX_STRING} bytes` };
  const text3 = new TextDecoder("utf-8", { fatal: false }).decode(data.subarray(entry.offset, end));
  if (!/^[\x21-\x7e]+$/.test(text3)) return { error: "not a printable word" };
  return text3;
}
function rpmVersionString(p) {
  return `${p.epoch === null ? "" : `${p.epoch}:`}${p.version}-${p.release}`;
}

// src/parse/rpmdb-bdb.ts
var HASH_MAGIC = 398689;
var P_HASH_UNSORTED = 2;
var P_OVERFLOW = 7;
var P_HASHMETA = 8;
var P_HASH = 13;
var H_KEYDATA = 1;
var H_OFFPAGE = 3;
var PAGE_HEADER = 26;
var MAX_BLOB = 256 << 20;
function rpmPackageFromBdb(bytes2, name) {
  const pages = openPages(bytes2);
  if ("error" in pages) return { ok: false, error: pages.error };
  let skipped = 0;
  for (let pgno = 1; pgno < pages.count; pgno++) {
    const page = pgno * pages.size;
    const type = pages.bytes[page + 25];
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = u162(pages, page + 20);
    if (PAGE_HEADER + entries * 2 > pages.size) return { ok: false, error: `page ${pgno} claims ${entries} items, more than fit in a page` };
    for (let i = 1; i < entries; i += 2) {
      const at = u162(pages, page + PAGE_HEADER + i * 2);
      const end = u162(pages, page + PAGE_HEADER + (i - 1) * 2);
      if (at < PAGE_HEADER + entries * 2 || at >= end || end > pages.size) return { ok: false, error: `page ${pgno} item ${i} lies outside its page` };
      const blob = itemValue(pages, page + at, page + end);
      if ("error" in blob) return { ok: false, error: `page ${pgno} item ${i}: ${blob.error}` };
      if (blob.value === null) continue;
      const header = readRpmHeader(blob.value);
      if (!header.ok) skipped++;
      else if (header.value.name === name) return { ok: true, value: header.value, skipped };
    }
  }
  return { ok: true, value: null, skipped };
}
function u162(p, at) {
  return p.view.getUint16(at, p.le);
}
function u32(p, at) {
  return p.view.getUint32(at, p.le);
}
function openPages(bytes2) {
  if (bytes2.length < 512) return { error: "shorter than a Berkeley DB metadata page" };
  const view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
  const le = view.getUint32(12, true) === HASH_MAGIC;
  if (!le && view.getUint32(12, false) !== HASH_MAGIC) return { error: "not a Berkeley DB hash database" };
  const p = { bytes: bytes2, view, size: 0, count: 0, le, budget: bytes2.length };
  const size = u32(p, 20);
  if (size < 512 || size > 65536 || (size & size - 1) !== 0) return { error: `a page size of ${size}` };
  if (bytes2[24] !== 0) return { error: "an encrypted database" };
  if (bytes2[25] !== P_HASHMETA) return { error: "its first page is not hash metadata" };
  const count2 = u32(p, 32) + 1;
  if (count2 * size > bytes2.length) return { error: `the file ends before its last page (${count2} pages of ${size} bytes)` };
  return { ...p, size, count: count2 };
}
function itemValue(p, at, end) {
  const type = p.bytes[at];
  if (type === H_KEYDATA) return { value: p.bytes.subarray(at + 1, end) };
  if (type !== H_OFFPAGE) return { value: null };
  if (end - at < 12) return { error: "an off-page item shorter than its 12 bytes" };
  return overflow(p, u32(p, at + 4), u32(p, at + 8));
}
function overflow(p, first, length) {
  if (length > MAX_BLOB || length > p.bytes.length) return { error: `an off-page item of ${length} bytes` };
  if (length > p.budget) return { error: "its overflow chains together hold more bytes than the file: pages are shared, as rpm never writes them" };
  p.budget -= length;
  const out = new Uint8Array(length);
  let filled = 0;
  const seen = /* @__PURE__ */ new Set();
  for (let pgno = first; filled < length; ) {
    if (pgno === 0 || pgno >= p.count || seen.has(pgno)) return { error: `its overflow chain breaks at page ${pgno} after ${filled} of ${length} bytes` };
    seen.add(pgno);
    const page = pgno * p.size;
    if (p.bytes[page + 25] !== P_OVERFLOW) return { error: `page ${pgno} of its overflow chain is not an overflow page` };
    const used = u162(p, page + 22);
    if (used > p.size - PAGE_HEADER || used > length - filled) return { error: `overflow page ${pgno} claims ${used} bytes` };
    out.set(p.bytes.subarray(page + PAGE_HEADER, page + PAGE_HEADER + used), filled);
    filled += used;
    pgno = u32(p, page + 16);
    if (used === 0 && filled < length) return { error: `overflow page ${pgno} is empty` };
  }
  return { value: out };
}

// src/parse/rpmdb-ndb.ts
var magic = (s) => s.charCodeAt(0) | s.charCodeAt(1) << 8 | s.charCodeAt(2) << 16 | s.charCodeAt(3) << 24 >>> 0;
var FILE_MAGIC = magic("RpmP") >>> 0;
var SLOT_MAGIC = magic("Slot") >>> 0;
var HEAD_MAGIC = magic("BlbS") >>> 0;
var TAIL_MAGIC = magic("BlbE") >>> 0;
var PAGE = 4096;
var BLOCK = 16;
var SLOT = 16;
var FILE_HEADER = 32;
var HEAD = 16;
var TAIL = 12;
function rpmPackageFromNdb(bytes2, name) {
  if (bytes2.length < PAGE) return { ok: false, error: "shorter than its first slot page" };
  const view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
  const u322 = (at) => view.getUint32(at, true);
  if (u322(0) !== FILE_MAGIC) return { ok: false, error: "not an rpm ndb database" };
  if (u322(4) !== 0) return { ok: false, error: `ndb version ${u322(4)}` };
  if (bytes2.length % BLOCK !== 0) return { ok: false, error: "its size is not a whole number of blocks" };
  const slotPages = u322(12);
  if (slotPages === 0 || slotPages * PAGE > bytes2.length) return { ok: false, error: `${slotPages} slot pages in a file of ${bytes2.length} bytes` };
  const blocks = bytes2.length / BLOCK;
  const firstData = slotPages * (PAGE / BLOCK);
  let skipped = 0;
  let budget = blocks;
  for (let at = FILE_HEADER; at < slotPages * PAGE; at += SLOT) {
    if (u322(at) !== SLOT_MAGIC) return { ok: false, error: `slot at byte ${at} has no slot magic` };
    const [index, offset, count2] = [u322(at + 4), u322(at + 8), u322(at + 12)];
    if (offset === 0) continue;
    if (index === 0 || count2 === 0 || offset < firstData || offset + count2 > blocks) return { ok: false, error: `slot at byte ${at} points outside the file (blocks ${offset}+${count2} of ${blocks})` };
    budget -= count2;
    if (budget < 0) return { ok: false, error: "its slots point at more blocks than the file has: blobs overlap, as rpm never writes them" };
    const blob = blobAt(bytes2, view, index, offset, count2);
    if ("error" in blob) return { ok: false, error: `package ${index}: ${blob.error}` };
    const header = readRpmHeader(blob.value);
    if (!header.ok) skipped++;
    else if (header.value.name === name) return { ok: true, value: header.value, skipped };
  }
  return { ok: true, value: null, skipped };
}
function blobAt(bytes2, view, index, offset, count2) {
  const start = offset * BLOCK;
  const end = (offset + count2) * BLOCK;
  const u322 = (at) => view.getUint32(at, true);
  if (count2 * BLOCK < HEAD + TAIL) return { error: "a blob smaller than its head and tail" };
  if (u322(start) !== HEAD_MAGIC || u322(start + 4) !== index) return { error: "no blob head where its slot points" };
  const length = u322(start + 12);
  if (Math.ceil((HEAD + length + TAIL) / BLOCK) !== count2) return { error: `a blob of ${length} bytes in ${count2} blocks` };
  if (u322(end - TAIL + 4) !== length || u322(end - TAIL + 8) !== TAIL_MAGIC) return { error: "its blob tail does not match its head" };
  if (adler32(bytes2.subarray(start, end - TAIL)) !== u322(end - TAIL)) return { error: "its blob checksum does not match" };
  return { value: bytes2.subarray(start + HEAD, start + HEAD + length) };
}
function adler32(data) {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const stop = Math.min(i + 5552, data.length);
    for (; i < stop; i++) {
      a += data[i] ?? 0;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return (b << 16 | a) >>> 0;
}

// src/parse/rpmdb-sqlite.ts
var import_sql = __toESM(require_sql_wasm(), 1);
import { existsSync as existsSync5, readFileSync as readFileSync4 } from "node:fs";
import { createRequire } from "node:module";
import { dirname as dirname3, join as join6 } from "node:path";
import { fileURLToPath } from "node:url";
var MAX_ROWS = 1e5;
var SQLITE_MAGIC = "SQLite format 3\0";
var WASM = "sql-wasm.wasm";
var engine;
function wasmBytes() {
  const beside = join6(dirname3(fileURLToPath(import.meta.url)), WASM);
  if (existsSync5(beside)) return readFileSync4(beside);
  return readFileSync4(createRequire(import.meta.url).resolve("sql.js/dist/sql-wasm.wasm"));
}
function sqlite() {
  engine ??= Promise.resolve().then(() => {
    const bytes2 = wasmBytes();
    return (0, import_sql.default)({ wasmBinary: bytes2.buffer.slice(bytes2.byteOffset, bytes2.byteOffset + bytes2.byteLength) });
  });
  return engine;
}
async function rpmPackageFromSqlite(bytes2, name) {
  if (bytes2.length < 100 || new TextDecoder("latin1").decode(bytes2.subarray(0, 16)) !== SQLITE_MAGIC) return { ok: false, error: "not an SQLite database" };
  let SQL;
  try {
    SQL = await sqlite();
  } catch (e) {
    return { ok: false, error: `the SQLite engine (sql.js) could not start: ${e instanceof Error ? e.message : String(e)}` };
  }
  let db;
  try {
    db = new SQL.Database(bytes2);
    const stmt = db.prepare("SELECT blob FROM Packages");
    let skipped = 0;
    let rows = 0;
    let found = null;
    try {
      while (found === null && stmt.step()) {
        if (++rows > MAX_ROWS) return { ok: false, error: `more than ${MAX_ROWS} packages; not read to the end` };
        const [blob] = stmt.get();
        if (!(blob instanceof Uint8Array)) {
          skipped++;
          continue;
        }
        const header = readRpmHeader(blob);
        if (!header.ok) skipped++;
        else if (header.value.name === name) found = header.value;
      }
    } finally {
      stmt.free();
    }
    return { ok: true, value: found, skipped };
  } catch (e) {
    return { ok: false, error: `SQLite: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    db?.close();
  }
}

// src/parse/rsync-release.ts
var PACKAGE_DATABASES = {
  dpkg: "/var/lib/dpkg/status",
  apk: "/lib/apk/db/installed",
  rpmSqlite: ["/var/lib/rpm/rpmdb.sqlite", "/usr/lib/sysimage/rpm/rpmdb.sqlite"],
  rpmBdb: ["/var/lib/rpm/Packages", "/usr/lib/sysimage/rpm/Packages"],
  rpmNdb: ["/var/lib/rpm/Packages.db", "/usr/lib/sysimage/rpm/Packages.db"]
};
var OS_RELEASE_FILES = ["/etc/os-release", "/usr/lib/os-release"];
var RELEASE_FILES = [PACKAGE_DATABASES.dpkg, PACKAGE_DATABASES.apk, ...PACKAGE_DATABASES.rpmSqlite, ...PACKAGE_DATABASES.rpmBdb, ...PACKAGE_DATABASES.rpmNdb, ...OS_RELEASE_FILES];
var PACKAGE_DB_MAX_BYTES = 48 << 20;
var KIND_WORD = { dir: "a directory", symlink: "a link", other: "a FIFO or device" };
function refusal(fs, path, maxBytes) {
  if (!fs.exists(path)) return null;
  const st = fs.stat(path);
  if (st === void 0) return "is a link that resolves to nothing inside the image (dangling or looping)";
  if (st.kind !== "file") return `is ${KIND_WORD[st.kind]}, not a regular file`;
  if (fs.content(path) !== void 0) return null;
  return fs.unreadable(path, maxBytes) ?? "could not be read";
}
function osReleaseRefusal(fs) {
  for (const path of OS_RELEASE_FILES) {
    if (!fs.exists(path)) continue;
    const why = refusal(fs, path, PACKAGE_DB_MAX_BYTES);
    if (why !== null) return `${path} ${why}`;
    const text3 = fs.content(path)?.toString("utf8");
    return text3 !== void 0 && parseOsRelease(text3) === null ? `${path} has an ID that is no os-release ID` : null;
  }
  return null;
}
function releaseFromVersionLine(line) {
  return /version\s+(\d+\.\d+\.\d+)/.exec(line)?.[1] ?? null;
}
var SOURCE_OF = { dpkg: "dpkg status", apk: "apk database", rpm: "rpm database" };
function releaseFromPackage(pkg, distro) {
  const version = upstreamOf(pkg.version);
  return { version, source: version ? SOURCE_OF[pkg.manager] : null, package: pkg, distro, unknown: version ? null : `the ${pkg.manager} package version ${pkg.version} has no upstream X.Y.Z` };
}
function imageDistro(fs) {
  for (const path of OS_RELEASE_FILES) {
    const text3 = fs.content(path)?.toString("utf8");
    const os = text3 === void 0 ? null : parseOsRelease(text3);
    if (os) return { ...os, source: path };
  }
  return null;
}
function oldestOf(found) {
  return found.reduce((old, p) => old === void 0 || comparePackageVersions(p.manager, p.version, old.version) === -1 ? p : old, void 0);
}
async function imageRsyncRelease(fs) {
  const osRefused = osReleaseRefusal(fs);
  const distro = osRefused === null ? imageDistro(fs) : null;
  const refused = osRefused === null ? [] : [osRefused];
  const notes = [];
  const done = (r) => ({ ...r, ...refused.length > 0 ? { refused } : {}, ...osRefused !== null ? { distroUnknown: `os-release unreadable: ${osRefused}` } : {} });
  const bytes2 = (path) => {
    const why = refusal(fs, path, PACKAGE_DB_MAX_BYTES);
    if (why !== null) {
      notes.push(`${path} ${why}`);
      refused.push(`${path} ${why}`);
    }
    return fs.content(path);
  };
  for (const [path, read] of [
    [PACKAGE_DATABASES.dpkg, dpkgPackages],
    [PACKAGE_DATABASES.apk, apkPackages]
  ]) {
    const text3 = bytes2(path)?.toString("utf8");
    if (text3 === void 0) continue;
    const { found, refusedVersions } = read(text3, path);
    const oldest = oldestOf(found);
    if (found.length > 1 && oldest) refused.push(`${path} lists rsync ${found.length} times (${found.map((p) => p.version).join(", ")}); judged by the oldest, ${oldest.version}`);
    if (oldest) return done(releaseFromPackage(oldest, distro));
    const why = refusedVersions > 0 ? `${path} lists rsync with a Version that is no package version; not read` : `${path} lists no installed rsync`;
    notes.push(why);
    if (refusedVersions > 0) refused.push(why);
  }
  const seen = /* @__PURE__ */ new Set();
  const rpmFiles = [
    ...PACKAGE_DATABASES.rpmSqlite.map((path) => ({ path, format: "sqlite" })),
    ...PACKAGE_DATABASES.rpmBdb.map((path) => ({ path, format: "Berkeley DB" })),
    ...PACKAGE_DATABASES.rpmNdb.map((path) => ({ path, format: "ndb" }))
  ];
  for (const { path, format } of rpmFiles) {
    const real2 = fs.stat(path);
    if (real2 !== void 0 && seen.has(real2.path)) continue;
    if (real2 !== void 0) seen.add(real2.path);
    const db = bytes2(path);
    if (db === void 0) continue;
    const refuse = (why) => {
      notes.push(why);
      refused.push(why);
    };
    if (format === "sqlite" && (fs.stat(`${path}-wal`)?.size ?? 0) > 0) {
      refuse(`${path} has changes in its write-ahead log (${path}-wal) that cannot be applied; not read`);
      continue;
    }
    const r = format === "sqlite" ? await rpmPackageFromSqlite(db, "rsync") : format === "ndb" ? rpmPackageFromNdb(db, "rsync") : rpmPackageFromBdb(db, "rsync");
    if (!r.ok) refuse(`${path}${format === "sqlite" ? "" : ` (rpm ${format} database)`}: ${r.error}; version unknown`);
    else if (r.value) return done(releaseFromPackage({ manager: "rpm", name: "rsync", version: rpmVersionString(r.value), source: path }, distro));
    else if (r.skipped > 0) refuse(`${path}: ${r.skipped} package headers could not be read, and rsync may be one of them`);
    else notes.push(`${path} lists no rsync`);
  }
  return done({ version: null, source: null, package: null, distro, unknown: notes.length > 0 ? notes.join("; ") : "the image has no package database (dpkg, apk or rpm) to say which rsync it holds" });
}

// src/parse/host-release.ts
var PROTOCOL_RELEASES = {
  25: { min: "2.5.0", max: "2.5.1" },
  26: { min: "2.5.2", max: "2.5.7" },
  27: { min: "2.6.0", max: "2.6.0" },
  28: { min: "2.6.1", max: "2.6.3" },
  29: { min: "2.6.4", max: "2.6.9" },
  30: { min: "3.0.0", max: "3.0.9" },
  31: { min: "3.1.0", max: "3.3.0" },
  32: { min: "3.4.0", max: null }
};
var DIGESTS_FROM = "3.2.7";
var releaseKey = (v) => v.split(".").reduce((n, p) => n * 1e3 + Number(p), 0);
var lowersProtocol = (cmdline) => cmdline.some((a) => /^--pro(?:t|$|=)/.test(a));
function rangeFromProtocol(protocol, seen = {}) {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(protocol);
  if (!m) return { unknown: `the greeting's protocol "${protocol.slice(0, 20)}" is not a number` };
  const major = Number(m[1]);
  if (m[2] !== void 0 && Number(m[2]) !== 0) return { unknown: `the greeting's protocol ${major}.${Number(m[2])} is a development build's` };
  const speaks = PROTOCOL_RELEASES[major];
  if (!speaks) return { unknown: `no rsync release is known to speak protocol ${major}` };
  const notes = [];
  let min = speaks.min;
  if ((seen.digests?.length ?? 0) > 0 && releaseKey(min) < releaseKey(DIGESTS_FROM)) {
    min = DIGESTS_FROM;
    notes.push(`its digest list is sent from ${DIGESTS_FROM} on`);
  }
  const cmdlines = seen.cmdlines ?? [];
  const bounded = cmdlines.length > 0 && !cmdlines.some(lowersProtocol);
  let max = bounded ? speaks.max : null;
  if (max !== null && releaseKey(min) > releaseKey(max)) max = null;
  if (speaks.max !== null && max === null) notes.push(cmdlines.length > 0 ? "the daemon runs with --protocol" : "a daemon started with --protocol greets with an older protocol");
  const releases = max === null ? `${min} and later` : min === max ? min : `${min} to ${max}`;
  const why = notes.length === 0 ? "" : `; ${notes.join("; ")}`;
  return { min, max, source: `probe greeting @RSYNCD: ${major}.0 (protocol ${major}: rsync ${releases}${why})` };
}
function packageOf(raw) {
  const p = raw.rsync.package_db;
  if (p?.name !== "rsync" || p.version.length > 256 || !/^[A-Za-z0-9.+~:_-]+$/.test(p.version)) return null;
  return { manager: p.manager, name: p.name, version: p.version, source: p.source };
}
function compressList(line) {
  const names2 = (line ?? "").split(/\s+/).filter((w) => /^[a-z0-9]{1,16}$/.test(w));
  return names2.length > 0 ? names2.slice(0, 16) : null;
}
function hostRsyncRelease(raw, probes = [], cmdlines = []) {
  const os = raw.host.os_release ? parseOsRelease(raw.host.os_release.text) : null;
  const distro = os && raw.host.os_release ? { ...os, source: raw.host.os_release.path } : null;
  const pkg = packageOf(raw);
  const binary = releaseFromVersionLine(raw.rsync.version_line);
  const replaced = (raw.rsync.pid ?? null) === null ? raw.processes.find((p) => p.exe.endsWith("/rsync (deleted)")) : void 0;
  const base = { range: null, distro };
  if (replaced) {
    return { ...base, version: null, source: null, package: null, unknown: `the daemon (pid ${replaced.pid}) runs a binary that was replaced after it started (${replaced.exe}): its version is not known until it restarts` };
  }
  if (binary) {
    return { ...base, version: binary, source: "rsync --version", package: pkg && upstreamOf(pkg.version) === binary ? pkg : null, unknown: null, compress: compressList(raw.rsync.compress_line) };
  }
  if (pkg) return { ...releaseFromPackage(pkg, distro), range: null };
  const why = raw.rsync.binary === "" ? "no rsync binary on PATH and no daemon the collector could verify" : raw.rsync.binary === void 0 ? "the collector reported no rsync --version" : `${raw.rsync.binary} --version printed no release`;
  const unknown = `${why}, and no package database lists rsync`;
  for (const p of probes) {
    if (p.protocol === null) continue;
    const r = rangeFromProtocol(p.protocol, { digests: p.digests ?? [], cmdlines });
    if ("min" in r) return { ...base, version: null, source: null, package: null, range: r, unknown: `${unknown}; only the protocol a client sees narrows it` };
  }
  return { ...base, version: null, source: null, package: null, unknown };
}

// src/facts/daemon.ts
function modelledVersion(release) {
  return releaseNumbers(release ?? DEFAULT_RSYNC_VERSION) ?? releaseNumbers(DEFAULT_RSYNC_VERSION);
}
function daemonFacts(raw, config) {
  const mine = raw.processes.filter((p) => isVerifiedDaemon(p) && configOf(p) === config);
  return {
    processes: mine.map((p) => ({ pid: p.pid, uid: p.uid ?? -1, cmdline: p.cmdline, config_path: p.config, root: p.root || null, chrooted: p.root ? p.root !== "/" : null })),
    listeners: raw.listeners.filter((l) => l.pid === null || mine.some((p) => p.pid === l.pid)).map((l) => ({ address: l.address, port: l.port, family: l.family, pid: l.pid })),
    units: raw.units.map((u2) => ({ kind: u2.kind, path: u2.file.path, enabled: u2.enabled, ...parseUnitSettings(u2.file.text ?? "") }))
  };
}
function daemonUser(daemon) {
  return daemon.processes.some((p) => p.uid !== 0) && !daemon.processes.some((p) => p.uid === 0) ? "nonroot" : "root";
}
function hostDocument(raw, parsed, daemon, today2) {
  const release = hostRsyncRelease(
    raw,
    daemon.probes,
    daemon.processes.map((p) => p.cmdline)
  );
  const doc = buildFacts({
    target: { kind: "host", id: `${raw.host.name}:${parsed.path}`, display: `${raw.host.name} ${parsed.path}` },
    daemonUser: daemonUser(daemon),
    rsyncVersion: modelledVersion(release.version),
    today: today2,
    rsync: release,
    config: parsed.config,
    secrets: parsed.secrets,
    fileStats: parsed.fileStats,
    daemon
  });
  return relabelFiles(doc, (f) => f.replace(/^\/+/, ""));
}

// src/sources/probe.ts
import { createConnection } from "node:net";
var TIMEOUT_MS = 5e3;
var MAX_BYTES = 1 << 20;
function probeDaemon(address, port) {
  const host = address === "0.0.0.0" ? "127.0.0.1" : address === "::" || /^0+$/.test(address) ? "::1" : address;
  const result = { address, port, protocol: null, digests: [], motd: [], modules: [], error: null };
  return new Promise((done) => {
    let buf = "";
    let greeted = false;
    const socket = createConnection({ host, port });
    const finish = (error) => {
      clearTimeout(timer);
      socket.destroy();
      while (result.motd.length > 0 && result.motd[result.motd.length - 1] === "") result.motd.pop();
      if (error && !result.error) result.error = error;
      done(result);
    };
    const timer = setTimeout(() => finish(`no complete answer within ${TIMEOUT_MS} ms`), TIMEOUT_MS);
    socket.setEncoding("utf8");
    socket.on("error", (e) => finish(e.message));
    socket.on("data", (chunk) => {
      buf += chunk;
      if (buf.length > MAX_BYTES) return finish("the daemon sent more than 1 MiB");
      for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
        const line = buf.slice(0, nl).replace(/\r$/, "");
        buf = buf.slice(nl + 1);
        if (!greeted) {
          const m = /^@RSYNCD: (\d+(?:\.\d+)?)(.*)$/.exec(line);
          if (!m) return finish(`not an rsync daemon greeting: ${line.slice(0, 80)}`);
          greeted = true;
          result.protocol = m[1] ?? null;
          result.digests = (m[2] ?? "").trim().split(/\s+/).filter((d) => d !== "");
          socket.write("@RSYNCD: 32.0 sha512 sha256 sha1 md5 md4\n#list\n");
        } else if (line === "@RSYNCD: EXIT") {
          return finish(null);
        } else if (line.startsWith("@ERROR")) {
          return finish(line);
        } else if (line.includes("	")) {
          const [name = "", ...rest] = line.split("	");
          result.modules.push({ name: name.trimEnd(), comment: rest.join("	") });
        } else {
          result.motd.push(line);
        }
      }
    });
    socket.on("end", () => finish(greeted ? null : "the connection closed before a greeting"));
  });
}

// src/sources/host/collect-local.ts
import { spawnSync } from "node:child_process";
var COLLECTOR_TIMEOUT_MS = 6e4;
function runCollector(script) {
  const r = spawnSync("sh", [script], { encoding: "utf8", timeout: COLLECTOR_TIMEOUT_MS, maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) {
    const why = r.error?.message ?? r.stderr.trim().split("\n").slice(-1)[0] ?? `exit ${r.status}`;
    return fail(new UserError(`the collector failed: ${why}`, "localhost", "Run collectors/rsync-facts.sh by hand to see why."));
  }
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch (e) {
    return fail(new UserError(`the collector printed something that is not JSON: ${describeJsonError(e)}`, "localhost", "Run collectors/rsync-facts.sh by hand to see what it prints."));
  }
  return parseHostRaw(json, "localhost");
}

// src/parse/account-names.ts
var ACCOUNT_FILES = { passwd: "/etc/passwd", group: "/etc/group", nsswitch: "/etc/nsswitch.conf" };
function accountNames(text3, nsswitch) {
  if (nsswitch && !filesOnly(nsswitch.text, nsswitch.database)) return null;
  const names2 = [];
  for (const raw of text3.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (line.startsWith("+") || line.startsWith("-")) return null;
    const colon = line.indexOf(":");
    if (colon > 0) names2.push(line.slice(0, colon));
  }
  return names2;
}
function filesOnly(nsswitch, database) {
  for (const raw of nsswitch.split("\n")) {
    const line = raw.replace(/#.*/, "");
    const m = /^\s*([A-Za-z_]+)\s*:(.*)$/.exec(line);
    if (!m || m[1] !== database) continue;
    const sources = (m[2] ?? "").replace(/\[[^\]]*\]/g, " ").split(/\s+/).filter((w) => w !== "");
    return sources.every((s) => s === "files" || s === "compat");
  }
  return true;
}

// src/parse/image-launch.ts
import { posix as posix3 } from "node:path";
var PATH_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
var MAX_SCRIPT = 256 << 10;
var MAX_DEPTH = 3;
var MAX_SCRIPTS = 32;
function programPath(fs, word, workdir, expand) {
  const program = expand(word);
  if (program === null || posix3.basename(program) === "rsync") return void 0;
  const candidates = program.includes("/") ? [posix3.resolve(workdir, program)] : PATH_DIRS.map((d) => `${d}/${program}`);
  for (const c of candidates) {
    const st = fs.stat(c);
    if (st) return st.kind === "file" && st.size <= MAX_SCRIPT ? c : void 0;
  }
  return void 0;
}
function inImage(path, workdir) {
  return posix3.resolve(workdir, path);
}
async function followScripts(fs, launch, workdir, expand) {
  const result = { daemon: launch.daemon, configs: [], programs: [], daemonArgs: [...launch.daemonArgs], startedBy: launch.daemon ? ["its Entrypoint/Cmd"] : [], unresolved: [] };
  const addConfigs = (words) => {
    for (const w of words) {
      const path = expand(w);
      if (path === null) result.unresolved.push(w);
      else result.configs.push(inImage(path, workdir));
    }
  };
  addConfigs(launch.configs);
  const seen = /* @__PURE__ */ new Set();
  let programs = launch.programs.map((word) => ({ word, args: launch.passed?.get(word) }));
  for (let depth = 0; depth < MAX_DEPTH && programs.length > 0; depth++) {
    const scripts = programs.map((p) => ({ path: programPath(fs, p.word, workdir, expand), args: p.args })).filter((p) => p.path !== void 0 && !seen.has(p.path)).slice(0, MAX_SCRIPTS - seen.size);
    for (const p of scripts) seen.add(p.path);
    await fs.load(scripts.map((p) => p.path));
    const next = [];
    for (const { path: p, args } of scripts) {
      const text3 = fs.content(p);
      if (text3?.subarray(0, 2).toString("latin1") !== "#!") continue;
      const inner = launchFromScript(text3.toString("utf8"), args);
      if (inner.daemon) {
        result.daemon = true;
        result.startedBy.push(`the script ${p}`);
      }
      addConfigs(inner.configs);
      result.daemonArgs.push(...inner.daemonArgs);
      next.push(...inner.programs.map((word) => ({ word, args: inner.passed?.get(word) })));
    }
    programs = [...new Map(next.map((p) => [p.word, p])).values()];
  }
  result.programs = [...seen];
  result.configs = [...new Set(result.configs)];
  result.unresolved = [...new Set(result.unresolved)];
  return result;
}

// src/parse/image-configs.ts
import { posix as posix5 } from "node:path";

// src/common/config-source.ts
var NO_INCLUDES = {
  resolve: (target) => ({ kind: "not-followed", path: target, reason: "no include source was given" })
};

// src/sources/image/config-source.ts
import { posix as posix4 } from "node:path";
function imageConfigSource(fs, wanted, attempted) {
  return {
    resolve(target, from) {
      const path = posix4.isAbsolute(target) ? target : posix4.join(posix4.dirname(from), target);
      const st = fs.stat(path);
      if (!st) return { kind: "missing", path, reason: "no such file or directory in the image (or a symlink that leads nowhere inside it)" };
      if (st.kind === "dir") return { kind: "dir", path, entries: fs.list(path) ?? [] };
      if (st.kind !== "file") return { kind: "other", path };
      const bytes2 = fs.content(path);
      if (bytes2) return { kind: "file", path, bytes: bytes2 };
      if (attempted.has(path)) return { kind: "not-followed", path, reason: `not read from the image: ${fs.unreadable(path) ?? "unreadable"}` };
      wanted.add(path);
      return { kind: "missing", path, reason: "not read yet" };
    }
  };
}
function unusableConfig(fs, path) {
  const st = fs.stat(path);
  if (!st) return "is not in the image (missing, deleted by a later layer, or a symlink that leads nowhere inside the image)";
  if (st.kind !== "file") return `is not a regular file (${st.kind === "dir" ? "a directory" : "a device, FIFO or socket"})`;
  const why = fs.unreadable(path);
  return why === null ? null : `could not be read: ${why}`;
}

// src/parse/image-configs.ts
var MAX_ROUNDS = 64;
var NAMES_SECRETS_FILE = /s\s*e\s*c\s*r\s*e\s*t\s*s\s*f\s*i\s*l\s*e\s*=/i;
function secretsNamedIn(path, bytes2) {
  if (!NAMES_SECRETS_FILE.test(bytes2.toString("latin1"))) return [];
  return namedSecrets(parseRsyncdConf(`/${path}`, bytes2, NO_INCLUDES)).map((n) => n.path);
}
function secretsPaths(config, configPath2) {
  return moduleSecretsPaths(config).map((p) => ({ named: p, at: posix5.isAbsolute(p) ? p : posix5.join(posix5.dirname(configPath2), p) }));
}
function imageSecrets(fs, config, configPath2) {
  return secretsPaths(config, configPath2).map(({ named: p, at }) => {
    const s = fs.stat(at);
    if (s?.kind !== "file") return { path: p, stat: null };
    const bytes2 = fs.content(at);
    const parsed = bytes2 ? parseSecrets(bytes2, `/${s.path}`) : void 0;
    return { path: p, file: `/${s.path}`, stat: { mode: s.mode, uid: s.uid, gid: s.gid }, ...parsed ? { entries: parsed.entries, diagnostics: parsed.diagnostics } : {} };
  });
}
function throughLink(fs, path, config) {
  const real2 = `/${fs.stat(path)?.path ?? path.replace(/^\/+/, "")}`;
  if (real2 === path) return config;
  const note = diagnostic("info", "found-through-link", `Found through a link: ${path} \u2192 ${real2}; read as ${real2}.`, { file: path, line: 1, column: 1 });
  return { ...config, diagnostics: [note, ...config.diagnostics] };
}
var relative = (p) => p.replace(/^\/+/, "");
function describe2(fs, path, config, incomplete) {
  const secrets = imageSecrets(fs, config, path);
  const files = [...config.files.map((f) => f.path), ...secrets.flatMap((x) => x.file ? [x.file] : [])];
  const texts = [];
  for (const cf of config.files) {
    const c = fs.content(cf.path);
    if (c) texts.push([relative(cf.path), c.toString("utf8")]);
  }
  for (const s of secrets) if (s.file) texts.push([relative(s.file), ""]);
  return {
    path,
    config: throughLink(fs, path, config),
    secrets,
    incomplete,
    fileStats: new Map(config.files.map((cf) => [cf.path, { mode: fs.stat(cf.path)?.mode ?? 420, uid: fs.stat(cf.path)?.uid ?? 0 }])),
    layers: [...new Set(files)].flatMap((p) => {
      const f = fs.stat(p);
      return f ? [{ path: relative(p), layer: f.layer }] : [];
    }),
    texts
  };
}
async function parseImageConfigs(fs, paths) {
  const attempted = /* @__PURE__ */ new Set();
  for (let round = 0; ; round++) {
    const parsed = paths.map((path) => {
      const wants = /* @__PURE__ */ new Set();
      const config = parseRsyncdConf(path, fs.content(path) ?? Buffer.alloc(0), imageConfigSource(fs, wants, attempted));
      for (const { at } of secretsPaths(config, path)) if (fs.stat(at)?.kind === "file" && !fs.content(at) && !attempted.has(at)) wants.add(at);
      return { path, config, wants };
    });
    const wanted = new Set(parsed.flatMap((p) => [...p.wants]));
    if (wanted.size === 0 || round >= MAX_ROUNDS) return parsed.map(({ path, config, wants }) => describe2(fs, path, config, wants.size > 0));
    await fs.load(wanted);
    for (const w of wanted) attempted.add(w);
  }
}

// src/parse/image-wants.ts
var PREFETCH = [
  /^(usr\/local\/)?etc\/rsync/,
  /^etc\/(xinetd\.d|default|sysconfig)\/rsync/,
  /^(etc|lib|usr\/lib)\/systemd\/system\/rsync/,
  /^var\/lib\/dpkg\/status$/,
  /^lib\/apk\/db\/installed$/,
  // The rpm database itself is read only when asked (it is usually bigger than what indexing keeps).
  /^(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/(rpmdb\.sqlite|Packages|Packages\.db)$/,
  /^etc\/(os-release|passwd|group)$/,
  /^usr\/lib\/os-release$/,
  /(^|\/)[^/]*secret[^/]*$/i,
  /(^|\/)[^/]*\.(sh|conf|inc)$/
];
function prefetchInImage(path) {
  return PREFETCH.some((re) => re.test(path));
}

// src/runner/host.ts
function collectorPath() {
  const shipped = join7(distDir(), "rsync-facts.sh");
  return existsSync6(shipped) ? shipped : join7(distDir(), "..", "collectors", "rsync-facts.sh");
}
function collectLocal() {
  return runCollector(collectorPath());
}
async function* hostTargets(raw, opts) {
  for (const target of parseHostConfigs(raw)) {
    const daemon = daemonFacts(raw, target.path);
    const probes = opts.probe ? await Promise.all(daemon.listeners.map((l) => probeDaemon(l.address, l.port))) : [];
    yield hostDocument(raw, target, { ...daemon, probes }, opts.today);
  }
}
async function hostFacts(raw, opts) {
  return collect(hostTargets(raw, opts));
}
async function collect(items) {
  const out = [];
  for await (const item of items) out.push(item);
  return out;
}

// src/cli/commands/host-report.ts
function withHostNotes(report, notes, isHostTarget = () => true, host) {
  if (notes.length === 0) return report;
  const extra = notes.map((message) => ({ level: "warning", code: "host-not-read", message, location: null }));
  const targets = report.targets.map((t) => isHostTarget(t.target) ? { ...t, notes: [...extra, ...t.notes] } : t);
  if (host !== void 0 && !report.targets.some((t) => isHostTarget(t.target))) {
    targets.push({ target: host, kind: "host", findings: [], waived: [], notes: extra, facts: {} });
  }
  return { ...report, targets };
}
function unreadNotes(unread) {
  if (unread.length <= 5) return unread.map((u2) => `could not read ${u2}`);
  return [`could not read ${unread.length} items, so the result may be incomplete; the first: ${unread.slice(0, 5).join("; ")}. Run the collector as root to see every daemon.`];
}
function hostTexts(raw) {
  const secrets = new Set(raw.secrets.map((s) => s.path));
  return raw.files.flatMap((f) => typeof f.text === "string" && !secrets.has(f.path) ? [[f.path.replace(/^\/+/, ""), f.text]] : []);
}

// src/cli/commands/eval-fleet.ts
var FLEET_CATEGORY = "rsyncguard/fleet/";
var EVAL_FLEET_FORMATS = { ...REPORT_FORMATS, sarif: FLEET_FORMATS.sarif, html: FLEET_FORMATS.html, csv: FLEET_FORMATS.csv };
function evalFleet(input) {
  const hosts = /* @__PURE__ */ new Set();
  const targets = /* @__PURE__ */ new Set();
  const read = [];
  const groupOfHost = /* @__PURE__ */ new Map();
  const textsOfHost = /* @__PURE__ */ new Map();
  const again = (name, what) => ({
    target: `${name} (again)`,
    message: `a second document names ${what} ${JSON.stringify(name)}: its findings would merge with the first's, so it is not evaluated`,
    hint: "Give each host its own name (the collector takes RSYNCGUARD_HOST_NAME) and evaluate each document once."
  });
  for (const item of input) {
    if ("hostRaw" in item) {
      const host = item.hostRaw.host;
      if (hosts.has(host.name)) {
        read.push(again(host.name, "the host"));
        continue;
      }
      hosts.add(host.name);
      groupOfHost.set(host.name, host.group ?? "ungrouped");
      textsOfHost.set(host.name, hostTexts(item.hostRaw));
    } else if (!("schema" in item)) {
      if (item.group !== void 0) groupOfHost.set(item.target, item.group);
    } else {
      if (targets.has(item.target.id)) {
        read.push(again(item.target.id, "the target"));
        continue;
      }
      targets.add(item.target.id);
    }
    read.push(item);
  }
  const nothingRead = input.every((i) => !("hostRaw" in i) && !("schema" in i));
  const fleet = groupOfHost.size > 0 || nothingRead || input.some((i) => "schema" in i && i.target.kind === "host");
  return { read, fleet, groupOfHost, textsOfHost };
}
function hostOf2(target) {
  const at = target.indexOf(":/");
  return at > 0 ? target.slice(0, at) : target;
}
function evalFleetContext(args, fleet, report) {
  const texts = /* @__PURE__ */ new Map();
  for (const t of report.targets) for (const [path, text3] of fleet.textsOfHost.get(hostOf2(t.target)) ?? []) texts.set(textKey(t.target, path), text3);
  return {
    ...renderContext(args, { texts, category: FLEET_CATEGORY }),
    hostOf: hostOf2,
    groupOf: (t) => fleet.groupOfHost.get(hostOf2(t)) ?? "ungrouped"
  };
}

// src/runner/sweep-results.ts
import { closeSync as closeSync2, existsSync as existsSync7, fstatSync, ftruncateSync, openSync as openSync2, readSync as readSync2 } from "node:fs";

// src/sources/ssh-collect.ts
import { spawn } from "node:child_process";
var HOST_STATUSES = ["ok", "unreachable", "auth-failed", "host-key-unknown", "host-key-mismatch", "timeout", "ssh-error", "collector-error", "output-too-large", "malformed-output", "interrupted"];
function remoteCommand(host) {
  if (!host.sudo) return "sh -s";
  return host.becomeUser === void 0 ? "sudo -n sh -s" : `sudo -n -u ${shellQuote(host.becomeUser)} sh -s`;
}
var shellQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
function sshArgs(host, opts) {
  return [
    ...opts.sshConfig ? ["-F", opts.sshConfig] : [],
    "-o",
    "BatchMode=yes",
    "-o",
    "LogLevel=INFO",
    "-o",
    `StrictHostKeyChecking=${opts.acceptNewHostKeys ? "accept-new" : "yes"}`,
    "-o",
    "ControlMaster=no",
    "-o",
    `ConnectTimeout=${opts.connectTimeoutSeconds}`,
    ...host.port !== null ? ["-p", String(host.port)] : [],
    ...host.user !== null ? ["-l", host.user] : [],
    ...host.jump !== null ? ["-J", host.jump] : [],
    // The inventory names this host's key: offering the agent's other keys first could use up the
    // server's MaxAuthTries ("Too many authentication failures") before this one is tried.
    ...host.identityFile !== void 0 ? ["-i", host.identityFile, "-o", "IdentitiesOnly=yes"] : [],
    ...host.sshArgs ?? [],
    "--",
    host.address,
    remoteCommand(host)
  ];
}
var SSH_FAILURES = [
  {
    status: "host-key-mismatch",
    line: /REMOTE HOST IDENTIFICATION HAS CHANGED|REVOKED HOST KEY|host key for .* has changed|differs from the key for the IP address|host key .* mismatch/i,
    transient: false,
    reason: "the host offered a key other than the one known for it (a possible man-in-the-middle): check the host, then replace its known_hosts entry"
  },
  {
    status: "host-key-unknown",
    line: /Host key verification failed|No \S+ host key is known/i,
    transient: false,
    reason: "no host key is known for it: check the host's key fingerprint, then run again with --accept-new-host-keys to trust it on first use"
  },
  { status: "auth-failed", line: /Permission denied|Too many authentication failures/i, transient: false },
  // A listener that never speaks ("timed out during banner exchange") or a host that never answers: once is enough.
  { status: "timeout", line: /timed out|Timeout/i, transient: false },
  { status: "unreachable", line: /Connection reset|Connection closed|kex_exchange_identification|Connection refused/i, transient: true },
  { status: "unreachable", line: /No route to host|Network is unreachable|Could not resolve|Name or service not known/i, transient: false }
];
function classify(code, lines) {
  if (code !== 255) return { status: "collector-error", transient: false };
  for (const f of SSH_FAILURES) {
    const line = lines.find((l) => f.line.test(l));
    if (line !== void 0) return { status: f.status, transient: f.transient, reason: f.reason ?? line };
  }
  return { status: "ssh-error", transient: false };
}
function collectOverSsh(host, script, opts, signal) {
  if (signal?.aborted) return Promise.resolve({ status: "interrupted", stdout: "", reason: "the sweep was interrupted", transient: false });
  return new Promise((done) => {
    const child = spawn("ssh", sshArgs(host, opts), { stdio: ["pipe", "pipe", "pipe"], detached: true });
    const out = [];
    let size = 0;
    let stderr = "";
    let over = null;
    const stop = (why) => {
      over ??= why;
      killGroup(child.pid);
    };
    const onAbort = () => stop("interrupted");
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => stop("timeout"), opts.totalTimeoutMs);
    child.stdout.on("data", (b) => {
      size += b.length;
      if (size > opts.maxOutputBytes) stop("output-too-large");
      else out.push(b);
    });
    child.stderr.on("data", (b) => {
      if (stderr.length < 16384) stderr += b.toString("utf8");
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(script);
    child.on("error", (e) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      done({ status: "ssh-error", stdout: "", reason: `cannot run ssh: ${e.message}`, transient: false });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("Warning: Permanently added"));
      if (over === "interrupted") return done({ status: "interrupted", stdout: "", reason: "the sweep was interrupted", transient: false });
      if (over === "timeout") return done({ status: "timeout", stdout: "", reason: `no complete answer within ${opts.totalTimeoutMs / 1e3} s`, transient: false });
      if (over === "output-too-large") return done({ status: "output-too-large", stdout: "", reason: `more than ${opts.maxOutputBytes} bytes of output`, transient: false });
      if (code === 0) return done({ status: "ok", stdout: Buffer.concat(out).toString("utf8"), reason: "", transient: false });
      const c = classify(code, lines);
      done({ status: c.status, transient: c.transient, stdout: "", reason: c.reason ?? lines.at(-1) ?? `exit ${code}` });
    });
  });
}
function killGroup(pid) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
}

// src/runner/sweep-results.ts
var TAIL_WINDOW = 64 << 20;
function repairTornTail(file) {
  if (!existsSync7(file)) return null;
  const fd = openSync2(file, "r+");
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return null;
    const start = Math.max(0, size - TAIL_WINDOW);
    const tail = Buffer.alloc(size - start);
    readSync2(fd, tail, 0, tail.length, start);
    if (tail[tail.length - 1] === 10) return null;
    const cut2 = tail.lastIndexOf(10);
    if (cut2 < 0 && start > 0) return `${file}: no complete line in its last ${TAIL_WINDOW} bytes; left as it is`;
    const keep = cut2 < 0 ? 0 : start + cut2 + 1;
    ftruncateSync(fd, keep);
    return `${file}: the last line was cut short (${size - keep} bytes, an interrupted write): removed it, so that host is swept again`;
  } finally {
    closeSync2(fd);
  }
}
var STATUSES = new Set(HOST_STATUSES);
var isStatus = (s) => typeof s === "string" && STATUSES.has(s);
function parseOutcome(line) {
  let v;
  try {
    v = JSON.parse(line);
  } catch {
    return "not JSON";
  }
  if (!isObject(v)) return "not a host outcome";
  const { host, group, status, reason, seconds, raw } = v;
  if (typeof host !== "string" || typeof group !== "string" || !isStatus(status) || typeof reason !== "string" || typeof seconds !== "number") return "not a host outcome";
  const base = { host, group, status, reason, seconds };
  if (status !== "ok") return base;
  const doc = parseHostRaw(raw, host);
  return doc.ok ? { ...base, raw: doc.value } : `host ${host}: ${doc.error.message}`;
}
function readOutcomes(text3, file, warn) {
  const done = /* @__PURE__ */ new Map();
  for (const [i, line] of text3.split("\n").entries()) {
    if (line.trim() === "") continue;
    const o = parseOutcome(line);
    if (typeof o === "string") warn(`${file}:${i + 1}: ${o}: ignored, that host is swept again`);
    else done.set(o.host, o);
  }
  return done;
}

// src/cli/commands/eval-outcomes.ts
function firstLine(text3) {
  for (const line of text3.split("\n")) if (line.trim() !== "") return line;
  return "";
}
function isOutcomeLines(text3) {
  let first;
  try {
    first = JSON.parse(firstLine(text3));
  } catch {
    return false;
  }
  return typeof first === "object" && first !== null && !Array.isArray(first) && "host" in first && "status" in first && !("schema" in first);
}
function namedHost(line) {
  try {
    const v = JSON.parse(line);
    if (typeof v === "object" && v !== null && "host" in v && typeof v.host === "string" && /^[\x21-\x7e]{1,255}$/.test(v.host)) return v.host;
  } catch {
  }
  return void 0;
}
function outcomeInputs(text3, name) {
  const byHost = /* @__PURE__ */ new Map();
  const bad = [];
  for (const [i, line] of text3.split("\n").entries()) {
    if (line.trim() === "") continue;
    const o = parseOutcome(line);
    if (typeof o === "string") {
      const host = namedHost(line);
      const error = { target: host ?? `${name}:${i + 1}`, message: `${name}:${i + 1}: ${o}`, hint: "Each line must be a host outcome as rsyncguard sweep --results writes it." };
      if (host === void 0) bad.push(error);
      else byHost.set(host, error);
    } else if (o.status !== "ok" || !o.raw) byHost.set(o.host, { target: o.host, message: `${o.status}: ${o.reason}`, group: o.group });
    else byHost.set(o.host, { hostRaw: { ...o.raw, host: { ...o.raw.host, name: o.host, group: o.group } } });
  }
  return [...byHost.values(), ...bad];
}

// src/cli/commands/eval.ts
var evalCommand = {
  name: "eval",
  usage: "eval FACTS.json\u2026 | -",
  summary: "Evaluate facts documents produced elsewhere (rsyncguard facts, Ansible, another machine)",
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    // No default: without it each document's own rsync block (version, package, distro) is judged.
    "rsync-version": { type: "string", valueName: "X.Y.Z", help: "The rsync release the targets run, instead of what each document says" }
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    if (args.positionals.length === 0) return new UserError("eval needs at least one facts file, or - for standard input", void 0, "rsyncguard facts rsyncd.conf | rsyncguard eval -");
    const policies = await policiesFor(stringOption(args, "policy"));
    if (!policies.ok) return policies.error;
    const baseline = readBaselineOption(args);
    if (!baseline.ok) return baseline.error;
    const stated = stringOption(args, "rsync-version");
    const version = stated === void 0 ? void 0 : parseVersion(stated);
    if (version !== void 0 && !version.ok) return version.error;
    const fleet = evalFleet((await Promise.all(args.positionals.map(readFacts))).flat());
    const read = fleet.read;
    const progress = progressFor(args);
    const documents = read.length;
    const stateVersion = (t) => version !== void 0 && "schema" in t ? withStatedRsyncVersion(t, version.value) : t;
    const evaluated = await evaluateTargets(expandHosts(read, stateVersion), {
      policies: policies.value,
      waiverFile: stringOption(args, "waivers"),
      inlineWaivers: args.values["no-inline-waivers"] !== true,
      // A fleet's documents: facts kept deflated, each host turned into facts only when its turn comes.
      storeFacts: true,
      onEvaluated: evaluationProgress(
        progress,
        "eval",
        () => documents,
        () => documents - read.length
      )
    });
    progress.clear();
    if (!evaluated.ok) return evaluated.error;
    const report = withBaseline(evaluated.value, baseline.value);
    const failed2 = fleet.fleet ? renderWith(EVAL_FLEET_FORMATS, report, args, evalFleetContext(args, fleet, report)) : renderReport(report, args);
    return failed2 ?? judgeReport(report, args);
  }
};
var FACTS_INPUT = { what: "the facts file", maxBytes: 64 * MiB, hint: "Pass a JSON file written by rsyncguard facts or the host collector, or - for standard input." };
async function readFacts(path) {
  const name = path === "-" ? "(standard input)" : path;
  const bytes2 = path === "-" ? await readStdin(FACTS_INPUT) : readInputFile(path, FACTS_INPUT);
  if (!bytes2.ok) return [{ target: name, message: bytes2.error.message, ...bytes2.error.hint ? { hint: bytes2.error.hint } : {} }];
  const lines = bytes2.value.toString("utf8");
  if (isOutcomeLines(lines)) return outcomeInputs(lines, name);
  let parsed;
  try {
    parsed = JSON.parse(bytes2.value.toString("utf8"));
  } catch (e) {
    return [{ target: name, message: `not a JSON facts document: ${describeJsonError(e)}`, hint: "Produce it with rsyncguard facts." }];
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const out = [];
  for (const [i, doc] of docs.entries()) {
    const where = docs.length > 1 ? `${name}[${i}]` : name;
    if (typeof doc === "object" && doc !== null && "schema" in doc && doc.schema === "rsyncguard/host-raw@1") {
      const raw = parseHostRaw(doc, where);
      if (!raw.ok) out.push({ target: where, message: raw.error.message });
      else out.push({ hostRaw: raw.value });
      continue;
    }
    const v = validateFacts(doc);
    out.push(v.ok ? v.value : { target: where, message: `invalid facts document: ${v.errors.slice(0, 3).join("; ")}`, hint: "It must follow the rsyncguard/facts@1 schema." });
  }
  return out;
}
async function* expandHosts(read, state) {
  const day = today();
  for (let item = read.shift(); item !== void 0; item = read.shift()) {
    if (!("hostRaw" in item)) yield state(item);
    else for (const t of await hostFacts(item.hostRaw, { probe: false, today: day })) yield state(t);
  }
}

// src/cli/commands/facts.ts
var factsCommand = {
  name: "facts",
  usage: "facts CONFIG",
  summary: "Print the normalized facts document (the policy input) for an rsyncd.conf",
  options: { ...TARGET_OPTIONS },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const [path, ...extra] = args.positionals;
    if (path === void 0 || extra.length > 0) return new UserError("facts takes exactly one CONFIG file", void 0, "rsyncguard facts /etc/rsyncd.conf");
    const version = parseVersion(stringOption(args, "rsync-version"));
    if (!version.ok) return version.error;
    const loaded = loadConfigTarget(path, {
      ...stringOption(args, "root") !== void 0 ? { root: stringOption(args, "root") } : {},
      daemonUser: stringOption(args, "daemon-user") === "nonroot" ? "nonroot" : "root",
      rsyncVersion: version.value,
      rsyncVersionGiven: args.given.has("rsync-version"),
      today: today(),
      // A secrets file or a Dockerfile gets the facts document of its kind, as `scan` reads it.
      otherKinds: "document"
    });
    if (!loaded.ok && /^(oci|oci-archive|docker-archive):/.test(path))
      return new UserError(`facts reads one config file, and ${path} names an image`, path, `rsyncguard image ${path} --format json: each target of the report holds its facts document`);
    if (!loaded.ok) return loaded.error;
    const { facts } = loaded.value;
    const failed2 = writeOutput(`${JSON.stringify(facts, null, 2)}
`, stringOption(args, "output"));
    return failed2 ?? EXIT_OK;
  }
};

// src/report/fix-ansible.ts
import { createHash as createHash4 } from "node:crypto";
var CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
var HOST_NAME = /^[A-Za-z0-9_:][A-Za-z0-9_.:-]{0,252}$/;
var GROUP_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/;
function pathProblem(path) {
  if (CONTROLS.test(path)) return "has control characters";
  if (!path.startsWith("/")) return "is not absolute";
  if (path.split("/").some((seg) => seg === ".." || seg === ".")) return "has a `.` or `..` component";
  if (path === "/" || path.endsWith("/") || path.includes("//")) return "is not a normalized file path";
  return null;
}
function inventoryNameProblem(name, kind) {
  return (kind === "host" ? HOST_NAME : GROUP_NAME).test(name) ? null : `is not a valid inventory ${kind} name (letters, digits, ${kind === "host" ? "`_ . : -`" : "`_ . -`"})`;
}
function ansibleRefusal(host, group, paths) {
  const shown2 = (s) => q(s.length > 200 ? `${s.slice(0, 200)}\u2026` : s);
  const h = inventoryNameProblem(host, "host");
  if (h !== null) return `host.name ${shown2(host)} ${h}`;
  const g = inventoryNameProblem(group, "group");
  if (g !== null) return `group ${shown2(group)} ${g}`;
  for (const [i, p] of paths.entries()) {
    const why = p === null ? null : pathProblem(p);
    if (p !== null && why !== null) return `files[${i}].path ${shown2(p)} ${why}`;
  }
  return null;
}
function split(text3) {
  const body = text3.endsWith("\n") ? text3.slice(0, -1) : text3;
  const lines = text3 === "" ? [] : body.split("\n");
  const nl = text3.indexOf("\n");
  return { lines, crlf: nl > 0 && text3[nl - 1] === "\r", finalNewline: text3 === "" || text3.endsWith("\n"), quoted: quotableLines(lines) };
}
function quotedSpan(t, from, to) {
  return t.quoted.slice(Math.max(0, from - 1), Math.max(0, to)).every((x) => x);
}
function byHand(file, name) {
  return {
    name,
    module: "ansible.builtin.fail",
    args: [["msg", u(plain2(`rsyncguard does not quote a line of ${file} near this fix that could hold a password, so it cannot anchor the edit here; edit the file by hand (rsyncguard fix shows the fix)`))]]
  };
}
function reEscape(s) {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
function subEscape(s) {
  return s.replace(/\\/g, "\\\\");
}
function count(haystack, needle) {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}
var q = (s) => JSON.stringify(s).replace(/[^\x20-\x7e]/gu, (c) => {
  const cp = c.codePointAt(0) ?? 0;
  return cp > 65535 ? `\\U${cp.toString(16).padStart(8, "0")}` : `\\u${cp.toString(16).padStart(4, "0")}`;
});
var u = (s) => `!unsafe ${q(s)}`;
var plain2 = (s) => s.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, " ").replace(/\{(?=[{%#])/g, "{ ");
function spans(file, verified, before, after) {
  const n = before.lines.length;
  const parts = verified.flatMap((v) => v.edits.filter((e) => e.file === file).map((e) => ({ start: e.start, end: e.end, delta: e.lines.length - (e.end - e.start + 1), v }))).map((p) => !before.finalNewline && n > 0 && (p.start > n || p.end >= n) ? { ...p, start: Math.min(p.start, n), end: Math.max(p.end, n) } : p).sort((x, y) => x.start - y.start || x.end - y.end);
  const merged = [];
  for (const p of parts) {
    const last = merged.at(-1);
    if (last !== void 0 && p.start <= last.end + 1) {
      last.end = Math.max(last.end, p.end);
      last.delta += p.delta;
      if (!last.fixes.includes(p.v)) last.fixes.push(p.v);
    } else merged.push({ start: p.start, end: p.end, delta: p.delta, fixes: [p.v] });
  }
  const now = split(after).lines;
  let shift = 0;
  const out = [];
  for (const m of merged) {
    const size = m.end - m.start + 1 + m.delta;
    if (size < 0) return null;
    out.push({ start: m.start, end: m.end, fresh: now.slice(m.start - 1 + shift, m.start - 1 + shift + size), fixes: m.fixes });
    shift += m.delta;
  }
  const lines = [...before.lines];
  for (const sp of [...out].reverse()) lines.splice(sp.start - 1, sp.end - sp.start + 1, ...sp.fresh);
  const rebuilt = lines.length === 0 ? "" : `${lines.join("\n")}${before.finalNewline ? "\n" : ""}`;
  return rebuilt === after ? out : null;
}
function editTask(file, e, before, beforeText, afterText, name) {
  const fresh = e.fresh;
  const linesOf = (t) => split(t).lines;
  const countLine = (t, l) => linesOf(t).filter((x) => x === l).length;
  const isInsert = e.end === e.start - 1;
  const atUnterminatedEnd = !before.finalNewline && e.end >= before.lines.length;
  if (!quotedSpan(before, e.start - 1, e.end + 1) || !quotableLines(fresh).every((x) => x)) return byHand(file, name);
  if (!isInsert && e.start === e.end && !atUnterminatedEnd) {
    const old = before.lines[e.start - 1] ?? "";
    if (countLine(beforeText, old) === 1 && countLine(afterText, old) === 0) {
      const args = [
        ["path", u(file)],
        ["regexp", u(`^${reEscape(old)}$`)]
      ];
      if (fresh.length === 0) args.push(["state", "absent"]);
      else args.push(["line", u(subEscape(fresh.join("\n")))], ["backrefs", "true"]);
      return { name, module: "ansible.builtin.lineinfile", args: [...args, ["backup", "true"]] };
    }
  }
  if (isInsert && e.start > 1 && e.start <= before.lines.length && fresh.length === 1 && !before.crlf) {
    const anchor = before.lines[e.start - 2] ?? "";
    const line = fresh[0] ?? "";
    if (countLine(beforeText, anchor) === 1 && countLine(afterText, anchor) === 1 && countLine(beforeText, line) === 0 && countLine(afterText, line) === 1) {
      return {
        name,
        module: "ansible.builtin.lineinfile",
        args: [
          ["path", u(file)],
          ["insertafter", u(`^${reEscape(anchor)}$`)],
          ["line", u(line)],
          ["backup", "true"]
        ]
      };
    }
  }
  return replaceTask(file, e, before, beforeText, afterText, name);
}
function replaceTask(file, e, before, beforeText, afterText, name) {
  const n = before.lines.length;
  let a = e.start;
  let b = e.end;
  let head = [];
  let tail = [];
  if (b < a) {
    if (a > 1) {
      a -= 1;
      head = [before.lines[a - 1] ?? ""];
    }
    if (e.start <= n) {
      b = e.start;
      tail = [before.lines[b - 1] ?? ""];
    } else b = a + head.length - 1;
  }
  const lines = (from, to) => before.lines.slice(from - 1, to);
  const pattern = (from) => {
    const block = lines(from, b).join("\n");
    const start = from === 1 ? "\\A" : "^";
    const end = b >= n ? "(?=\\n?\\Z)" : "$";
    return { text: block, re: `${start}${reEscape(block)}${end}` };
  };
  for (; ; ) {
    const p = pattern(a);
    const unique = count(`
${beforeText}`, `
${p.text}`) === 1 && count(`
${afterText}`, `
${p.text}${b >= n ? "" : "\n"}`) === 0;
    if (unique || a <= 1) break;
    if (!quotedSpan(before, a - 1, a - 1)) return byHand(file, name);
    head = [before.lines[a - 2] ?? "", ...head];
    a -= 1;
  }
  const replacement = [...head, ...e.fresh, ...tail].join("\n");
  return {
    name,
    module: "ansible.builtin.replace",
    args: [
      ["path", u(file)],
      ["regexp", u(pattern(a).re)],
      ["replace", u(subEscape(replacement))],
      ["backup", "true"]
    ]
  };
}
function sha1(text3) {
  return createHash4("sha1").update(text3, "utf8").digest("hex");
}
function sums(text3) {
  if (text3 === "" || text3.endsWith("\n")) return [sha1(text3)];
  return [sha1(text3), sha1(`${text3}
`), sha1(`${text3}\r
`)];
}
function fixName(f) {
  const modules = [...new Set(f.fixes.map((k) => k.module).filter((m) => m !== null))];
  return plain2(`${f.rule_ids.join(", ")}${modules.length > 0 ? ` [${modules.join("], [")}]` : " (global)"}: ${f.summary}`);
}
function hostBlock(t, host) {
  const out = [];
  const shownHost = host ?? t.target;
  const pathOf2 = (file) => host !== null && !file.startsWith("/") ? `/${file}` : file;
  for (const c of t.unfixed) out.push(`    # ${plain2(`${shownHost}: ${c.finding.rule_id}${c.finding.module ? ` [${c.finding.module}]` : ""}: not fixed: ${c.reason}${c.suggestion ? ` (suggested: ${c.suggestion})` : ""}`)}`);
  for (const r of t.rejected) out.push(`    # ${plain2(`${shownHost}: ${r.candidate.summary}: no safe automatic fix: ${r.reason}`)}`);
  for (const c of t.commands) out.push(`    # ${plain2(`${shownHost}: ${c.finding.rule_id}: run on the host: ${c.command}`)}`);
  const badHost = host === null ? null : inventoryNameProblem(host, "host");
  if (badHost !== null) {
    out.push(`    # ${plain2(`${shownHost}: not fixed: the host name ${badHost}`)}`);
    return out;
  }
  for (const f of t.files) {
    const path = pathOf2(f.file);
    if (!t.verified.some((v) => v.edits.some((e) => e.file === f.file))) continue;
    const badPath = pathProblem(path);
    if (badPath !== null) {
      out.push(`    # ${plain2(`${shownHost}: ${path}: not fixed: the path ${badPath} (--format ansible is for hosts: use --inventory or --collected)`)}`);
      continue;
    }
    const before = split(f.before);
    out.push(`    - name: ${u(plain2(`rsyncguard fixes on ${shownHost}: ${path}`))}`);
    if (host !== null) out.push("      vars:", `        rsyncguard_host: ${u(host)}`, "      when: inventory_hostname == rsyncguard_host");
    out.push(
      "      block:",
      `        - name: ${u(plain2(`${path} is still the text that was swept and verified (or already fixed)`))}`,
      "          ansible.builtin.stat:",
      `            path: ${u(path)}`,
      "            checksum_algorithm: sha1",
      "          register: rsyncguard_swept",
      "        - name: Refuse a file changed since the sweep (sweep again and re-run rsyncguard fix)",
      "          ansible.builtin.assert:",
      `            that: rsyncguard_swept.stat.exists and rsyncguard_swept.stat.checksum in [${[...sums(f.before), ...sums(f.after)].map(q).join(", ")}]`,
      `            fail_msg: ${u(plain2(`${path} on ${shownHost} changed since the sweep; the fix was verified against the swept text only`))}`,
      "            quiet: true"
    );
    const blocks = spans(f.file, t.verified, before, f.after);
    if (blocks === null) {
      const task = byHand(path, plain2(`rsyncguard fixes on ${path}`));
      out.push(`        - name: ${u(task.name)}`, `          ${task.module}:`, `            msg: ${u(plain2(`the fixed text of ${path} does not follow from its edits line by line; edit it by hand (rsyncguard fix shows the fix)`))}`);
      continue;
    }
    for (const note of [...new Set(blocks.flatMap((x) => x.fixes.flatMap((v) => v.notes)))]) out.push(`        # ${plain2(note)}`);
    for (const sp of [...blocks].reverse()) {
      const task = editTask(path, sp, before, f.before, f.after, sp.fixes.map(fixName).join("; "));
      out.push(`        - name: ${u(task.name)}`, `          ${task.module}:`, ...task.args.map(([k, val]) => `            ${k}: ${val}`));
    }
  }
  return out;
}
function toAnsible(fixes, ctx) {
  const groups = /* @__PURE__ */ new Map();
  for (const t of fixes) groups.set(ctx.groupOf(t.target), [...groups.get(ctx.groupOf(t.target)) ?? [], t]);
  const out = [
    "# rsyncguard fix: the verified fixes of the swept hosts, one play per inventory group.",
    "# Review first:  ansible-playbook -i INVENTORY THIS.yml --check --diff",
    "# Each file is changed only if it is still exactly what was swept; a backup is kept beside it.",
    "---"
  ];
  if (fixes.every((t) => t.verified.length === 0)) out.push("# Nothing to fix.");
  for (const [group, targets] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const body = targets.flatMap((t) => hostBlock(t, ctx.hostOf ? ctx.hostOf(t.target) : null));
    if (!body.some((l) => l.startsWith("    - "))) {
      out.push(...body.map((l) => l.replace(/^ {4}/, "")));
      continue;
    }
    const badGroup = inventoryNameProblem(group, "group");
    if (badGroup !== null) {
      out.push(`# ${plain2(`group ${group}: not fixed: the name ${badGroup}`)}`);
      continue;
    }
    out.push(`- name: ${u(plain2(`rsyncguard fixes for ${group}`))}`, `  hosts: ${q(group)}`, "  gather_facts: false", "  tasks:", ...body);
  }
  return `${out.join("\n")}
`;
}

// src/report/fix-formats.ts
function withFixes(report, fixes) {
  const byTarget = new Map(fixes.map((f) => [f.target, f]));
  return {
    ...report,
    targets: report.targets.map((t) => {
      const { fixes: _old, ...rest } = t;
      const f = byTarget.get(t.target);
      return f ? { ...rest, fixes: f } : rest;
    })
  };
}
var FIX_FORMATS = {
  diff: {
    // ctx unused, but named so every entry takes the same two arguments when called by name.
    render: (fixes, _ctx) => toFixDiff(fixes),
    extension: ".patch",
    mediaType: "text/x-diff",
    description: "A unified diff per file (git apply, patch -p1); hunks name the rules they fix"
  },
  sarif: {
    render: (fixes, ctx) => toSarif(withFixes(ctx.report, fixes), { category: ctx.category, suppressions: ctx.suppressions, texts: ctx.texts, warn: ctx.warn }),
    extension: ".sarif",
    mediaType: "application/sarif+json",
    description: "The scan as SARIF 2.1.0, each fixed result with its `fixes` (artifact changes)"
  },
  markdown: {
    render: (fixes, ctx) => toMarkdown(withFixes(ctx.report, fixes), { explain: ctx.explain === true }),
    extension: ".md",
    mediaType: "text/markdown",
    description: "The scan for a pull request, each fix as a GitHub suggestion block"
  },
  ansible: {
    // Without hosts (fix of files), one play for `all` with the paths as the facts name them.
    render: (fixes, ctx) => toAnsible([...fixes], ctx.hostOf && ctx.groupOf ? { hostOf: ctx.hostOf, groupOf: ctx.groupOf } : { hostOf: null, groupOf: () => "all" }),
    extension: ".yml",
    mediaType: "application/yaml",
    description: "An Ansible playbook per inventory group (lineinfile/replace on the exact swept lines, backup, --check --diff friendly)"
  },
  html: {
    render: (fixes, ctx) => toHtml(withFixes(ctx.report, fixes), ctx, ctx.hostOf && ctx.groupOf ? { hostOf: ctx.hostOf, groupOf: ctx.groupOf } : null),
    extension: ".html",
    mediaType: "text/html",
    description: "The scan as one self-contained page, each finding with its verified fix and the patch per target"
  }
};

// src/runner/fix-write.ts
import { closeSync as closeSync3, fchmodSync, fsyncSync, lstatSync as lstatSync2, openSync as openSync3, readFileSync as readFileSync5, realpathSync as realpathSync2, renameSync as renameSync2, rmSync as rmSync5, writeSync } from "node:fs";
import { basename as basename2, dirname as dirname4, join as join8 } from "node:path";
function writeFixes(run2) {
  const written = [];
  for (const t of run2.report.targets) {
    for (const f of t.fixes?.files ?? []) {
      if (f.before === f.after || written.includes(f.file)) continue;
      const where = run2.files.get(f.file);
      if (where === void 0) return fail(new UserError(`cannot write ${f.file}: it was not read from a scan root`));
      const done = writeOne(f.file, where.root, where.real, f.before, f.after);
      if (!done.ok) return done;
      written.push(f.file);
    }
  }
  return ok(written);
}
function writeOne(display, root, real2, before, after) {
  const refuse = (why) => fail(new UserError(`not written: ${display} ${why}`, void 0, "Nothing else was changed in it; check the file and run fix again."));
  let st;
  try {
    if (realpathSync2(real2) !== real2 || !within(realpathSync2(root), real2)) return refuse("is no longer inside the scan root");
    st = lstatSync2(real2);
    if (!st.isFile()) return refuse("is no longer a regular file");
    if (readFileSync5(real2, "utf8") !== before) return refuse("changed since it was read");
  } catch (e) {
    return refuse(`could not be checked: ${errorMessage(e)}`);
  }
  const temp = join8(dirname4(real2), `.${basename2(real2)}.rsyncguard-fix-${process.pid}`);
  try {
    const fd = openSync3(temp, "wx", st.mode & 4095);
    try {
      fchmodSync(fd, st.mode & 4095);
      writeSync(fd, Buffer.from(after, "utf8"));
      fsyncSync(fd);
    } finally {
      closeSync3(fd);
    }
    renameSync2(temp, real2);
    return ok(void 0);
  } catch (e) {
    rmSync5(temp, { force: true });
    return fail(new UserError(`cannot write ${display}: ${errorMessage(e)}`, void 0, "Check that the directory is writable."));
  }
}

// src/cli/commands/fix-output.ts
import { realpathSync as realpathSync3 } from "node:fs";
import { dirname as dirname5, resolve } from "node:path";
function real(path) {
  try {
    return realpathSync3(path);
  } catch {
    return null;
  }
}
function outputClash(output, files, bases = []) {
  if (output === void 0) return void 0;
  const target = real(output);
  if (target === null) return void 0;
  const roots = [process.cwd(), ...bases.flatMap((b) => [resolve(b), dirname5(resolve(b))])];
  for (const file of files) {
    for (const base of roots) {
      if (real(resolve(base, file)) === target) {
        return new UserError(`--output ${output} is ${file}, a file this run reads or writes`, void 0, "Write the output to another file; nothing was written.");
      }
    }
  }
  return void 0;
}

// src/runner/fix-hosts.ts
var factsOf = (r) => r.facts;
var displayOf = (path) => path.replace(/^\/+/, "");
function configTexts(raw) {
  const secrets = new Set(raw.secrets.map((s) => s.path));
  return new Map(raw.files.flatMap((f) => typeof f.text === "string" && !secrets.has(f.path) ? [[displayOf(f.path), f.text]] : []));
}
function withTexts(raw, texts) {
  return { ...raw, files: raw.files.map((f) => texts.has(displayOf(f.path)) ? { ...f, text: texts.get(displayOf(f.path)) } : f) };
}
async function fixHosts(hosts, failures, opts) {
  const day = today();
  const targets = [...failures];
  const hostOf3 = /* @__PURE__ */ new Map();
  const groupOf = /* @__PURE__ */ new Map();
  const rawOf = /* @__PURE__ */ new Map();
  const texts = /* @__PURE__ */ new Map();
  const refused = /* @__PURE__ */ new Set();
  for (const h of hosts) {
    const why = ansibleRefusal(
      h.name,
      h.group,
      h.raw.files.map((f) => typeof f.text === "string" ? f.path : null)
    );
    if (why === null) continue;
    refused.add(h);
    targets.push({ target: h.source ?? h.name, message: `not fixed: ${why}` });
  }
  for (const f of failures) groupOf.set(f.target, hosts.find((h) => h.name === f.target)?.group ?? "ungrouped");
  for (const h of hosts) {
    if (refused.has(h)) continue;
    const raw = { ...h.raw, host: { ...h.raw.host, name: h.name } };
    for (const d of await hostFacts(raw, { probe: false, today: day })) {
      targets.push(d);
      hostOf3.set(d.target.id, h.name);
      groupOf.set(d.target.id, h.group);
      rawOf.set(d.target.id, raw);
      for (const [path, text3] of configTexts(raw)) texts.set(textKey(d.target.id, path), text3);
    }
  }
  const ev = await openEvaluation(opts);
  if (!ev.ok) return ev;
  try {
    const report = await evaluateAll(ev.value, targets);
    for (const entry of report.targets) {
      const raw = rawOf.get(entry.target);
      if (raw === void 0) continue;
      entry.fixes = await fixHostTarget(ev.value, raw, entry, day, opts);
    }
    return ok({ report, hostOf: hostOf3, groupOf, texts });
  } catch (e) {
    return fail(e instanceof Error ? e : new Error(String(e)));
  } finally {
    ev.value.close();
  }
}
function fixHostTarget(ev, raw, entry, day, opts) {
  const all = configTexts(raw);
  const originals = new Map(factsOf(entry).config.files.flatMap((f) => all.has(f.path) ? [[f.path, all.get(f.path)]] : []));
  const evaluate = async (texts) => {
    const docs = await hostFacts(withTexts(raw, texts), { probe: false, today: day });
    const doc = docs.find((d2) => d2.target.id === entry.target);
    if (doc === void 0) return { report: null, errors: [{ target: entry.target, message: "after the edit it is no longer read as an rsyncd configuration of its own" }] };
    const d = await evaluateDocument(ev, doc);
    return { report: d.report, errors: d.errors };
  };
  return combineFixes({ entry, originals, evaluate, ...opts.rules ? { rules: opts.rules } : {} });
}

// src/runner/sweep.ts
import { appendFileSync, existsSync as existsSync8, lstatSync as lstatSync3, readFileSync as readFileSync6, statSync as statSync5 } from "node:fs";
import { dirname as dirname6 } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
var RETRY_PAUSE_MS = 500;
var pause = (ms, signal) => sleep(ms, void 0, signal ? { signal } : {}).catch(() => {
});
async function sweepOne(host, script, opts) {
  const started = performance.now();
  let r = await collectOverSsh(host, script, opts.ssh, opts.signal);
  if (r.transient) {
    await pause(RETRY_PAUSE_MS, opts.signal);
    r = await collectOverSsh(host, script, opts.ssh, opts.signal);
  }
  const seconds = (performance.now() - started) / 1e3;
  const base = { host: host.name, group: host.group, seconds };
  if (r.status !== "ok") return { ...base, status: r.status, reason: r.reason };
  const raw = readCollectorOutput(r.stdout, host.name);
  if (!raw.ok) return { ...base, status: "malformed-output", reason: raw.error.message };
  return { ...base, status: "ok", reason: "", raw: { ...raw.value, host: { ...raw.value.host, name: host.name } } };
}
async function sweep(hosts, script, opts) {
  const warn = opts.warn ?? (() => {
  });
  if (opts.results && existsSync8(opts.results) && !lstatSync3(opts.results).isFile()) {
    return fail(new UserError("the results file is not a regular file", opts.results, "Give --results a plain file of its own (a new path is created)."));
  }
  if (opts.results) {
    const dir = dirname6(opts.results);
    let isDir = false;
    try {
      isDir = statSync5(dir).isDirectory();
    } catch {
    }
    if (!isDir) return fail(new UserError(`--results: the directory ${dir} does not exist`, opts.results, "Give --results a file in a directory that exists (the file itself is created), or create the directory first."));
    try {
      appendFileSync(opts.results, "");
    } catch (e) {
      return fail(new UserError(`--results: the file cannot be written: ${errorMessage(e)}`, opts.results, "Give --results a file you can write in a directory that exists, or leave --results out."));
    }
  }
  if (opts.results) {
    const repaired = repairTornTail(opts.results);
    if (repaired) warn(repaired);
  }
  const earlier = opts.resume && opts.results && existsSync8(opts.results) ? readOutcomes(readFileSync6(opts.results, "utf8"), opts.results, warn) : /* @__PURE__ */ new Map();
  const outcomes = [];
  const todo = [];
  for (const h of hosts) {
    const e = earlier.get(h.name);
    if (e?.status === "ok" && e.raw) outcomes.push({ ...e, group: h.group, raw: { ...e.raw, host: { ...e.raw.host, name: h.name } } });
    else todo.push(h);
  }
  let next = 0;
  let failed2 = 0;
  let lost;
  const inFlight = /* @__PURE__ */ new Set();
  const abortAll = () => {
    for (const c of inFlight) c.abort();
  };
  opts.signal?.addEventListener("abort", abortAll, { once: true });
  const worker = async () => {
    while (next < todo.length && !opts.signal?.aborted && lost === void 0) {
      const host = todo[next++];
      const own = new AbortController();
      inFlight.add(own);
      const o = await sweepOne(host, script, { ...opts, signal: own.signal }).finally(() => inFlight.delete(own));
      if (o.status === "interrupted") return;
      if (o.status !== "ok") failed2++;
      outcomes.push(o);
      try {
        if (opts.results) appendFileSync(opts.results, `${JSON.stringify(o)}
`);
      } catch (e) {
        lost = new UserError(`--results: an outcome could not be written: ${errorMessage(e)}; the sweep stopped`, opts.results, "Free space or fix the file, then run the same command with --resume to sweep the hosts not recorded.");
        return;
      }
      opts.progress?.(outcomes.length, failed2, hosts.length - outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  opts.signal?.removeEventListener("abort", abortAll);
  if (lost !== void 0) return fail(lost);
  const order = new Map(hosts.map((h, i) => [h.name, i]));
  return ok(outcomes.sort((a, b) => (order.get(a.host) ?? 0) - (order.get(b.host) ?? 0)));
}

// src/sources/inventory.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { dirname as dirname7 } from "node:path";

// src/sources/inventory-words.ts
var MAX_RANGE_HOSTS = 1e4;
var shown = (v) => JSON.stringify(v).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
var LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
var RANGE_HINT = "A range is [begin:end] or [begin:end:step]: numbers (01:20 keeps the zero padding) or single letters (a:f), as Ansible expands them.";
function shellWords(line, opts = { comments: true }) {
  const words = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === " " || c === "	" || c === "\r" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if (c === "#" && opts.comments) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return null;
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && (line[j + 1] === '"' || line[j + 1] === "\\")) j++;
        word += line[j];
      }
      if (j >= line.length) return null;
      i = j;
    } else if (c === "\\") {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
function expandHostPattern(pattern, budget = MAX_RANGE_HOSTS) {
  const open = pattern.indexOf("[");
  if (open < 0) return [pattern];
  const close = pattern.indexOf("]", open);
  if (close < 0) return { error: 'has a "[" with no closing "]"', hint: RANGE_HINT };
  const bounds = pattern.slice(open + 1, close).split(":");
  if (bounds.length !== 2 && bounds.length !== 3) return { error: "has a range that is not [begin:end] or [begin:end:step]", hint: RANGE_HINT };
  const [beg = "", end = "", stepText = "1"] = bounds;
  const step = /^\d+$/.test(stepText) ? Number(stepText) : 0;
  if (step < 1) return { error: "has a range whose step is not a positive number", hint: RANGE_HINT };
  let seq;
  if (/^[A-Za-z]$/.test(beg) && /^[A-Za-z]$/.test(end)) {
    const [b, e] = [LETTERS.indexOf(beg), LETTERS.indexOf(end)];
    if (b > e) return { error: "has a letter range whose begin comes after its end", hint: RANGE_HINT };
    seq = [];
    for (let i = b; i <= e; i += step) seq.push(LETTERS[i]);
  } else if (/^\d*$/.test(beg) && /^\d+$/.test(end)) {
    const padded = beg.length > 1 && beg.startsWith("0");
    if (padded && beg.length !== end.length) return { error: "has a zero-padded range whose begin and end differ in length", hint: RANGE_HINT };
    const [b, e] = [Number(beg || "0"), Number(end)];
    if ((e - b) / step + 1 > budget) return { error: `stands for more than ${MAX_RANGE_HOSTS} hosts`, hint: "Split the range into several lines, or sweep the fleet in parts." };
    seq = [];
    for (let i = b; i <= e; i += step) seq.push(padded ? String(i).padStart(beg.length, "0") : String(i));
  } else {
    return { error: "has a range that is neither numbers nor single letters", hint: RANGE_HINT };
  }
  const out = [];
  for (const s of seq) {
    const rest = expandHostPattern(`${pattern.slice(0, open)}${s}${pattern.slice(close + 1)}`, budget);
    if (!Array.isArray(rest)) return rest;
    out.push(...rest);
    if (out.length > budget) return { error: `stands for more than ${MAX_RANGE_HOSTS} hosts`, hint: "Split the range into several lines, or sweep the fleet in parts." };
  }
  return out;
}
function splitPort(pattern) {
  const v6 = /^\[([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\]:(\d+)$/.exec(pattern);
  if (v6) return { pattern: v6[1], port: Number(v6[2]) };
  const outside = pattern.replace(/\[[^\]]*\]/g, "[]");
  const m = /^([^:]+):(\d+)$/.exec(outside);
  if (!m) return { pattern, port: null };
  return { pattern: pattern.slice(0, pattern.lastIndexOf(":")), port: Number(m[2]) };
}

// src/sources/inventory-ssh-args.ts
var SSH_GETOPT = "1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy";
var WITH_ARG = new Set([...SSH_GETOPT.matchAll(/(\w):/g)].map((m) => m[1]));
var FLAGS = /* @__PURE__ */ new Set([...SSH_GETOPT.replace(/\w:/g, "")]);
var REFUSED_FLAGS = {
  N: "runs no command",
  n: "closes ssh's input, where the collector is sent",
  f: "sends ssh to the background",
  s: "runs a subsystem instead of the collector",
  t: "forces a terminal, which mangles the collector's output",
  W: "forwards the connection instead of running a command",
  O: "sends a command to a connection master instead of connecting",
  G: "prints the configuration instead of connecting",
  V: "prints the version instead of connecting",
  Q: "queries ssh instead of connecting",
  E: "sends ssh's messages to a file, and rsyncguard names each failure from them"
};
var REFUSED_KEYWORDS = {
  remotecommand: "replaces the collector with another command",
  requesttty: "forces a terminal, which mangles the collector's output",
  sessiontype: "changes what the session runs",
  stdinnull: "closes ssh's input, where the collector is sent",
  forkafterauthentication: "sends ssh to the background",
  localcommand: "runs a local command after connecting",
  permitlocalcommand: "runs a local command after connecting"
};
var SHARING_KEYWORDS = /* @__PURE__ */ new Set(["controlmaster", "controlpath", "controlpersist"]);
var CONTROLS2 = /[\u0000-\u001f\u007f]/;
var SILENCING_FLAGS = {
  q: "-q (ssh's messages name each failure: quiet, a changed host key would read as a bare exit 255)",
  y: "-y (ssh's messages name each failure: sent to syslog, a changed host key would read as a bare exit 255)"
};
var BARE_KEYWORD = /^[ \t]*([A-Za-z]+)(?=[ \t]*=|[ \t]|$)/;
var shlexSplit = (text3) => shellWords(text3, { comments: false });
var keywordOf = (arg) => BARE_KEYWORD.exec(arg)?.[1]?.toLowerCase() ?? null;
function checkSshArgs(words) {
  const args = [];
  const dropped = [];
  const kept = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (CONTROLS2.test(w)) return { error: "has a control character (a newline?) in an ssh argument" };
    if (w === "--") return { error: 'has "--", after which ssh would take the next word as the host' };
    if (!w.startsWith("-") || w === "-") return { error: `has word ${i + 1}, which is not an ssh option (ssh would take it as the host or the remote command)` };
    for (let j = 1; j < w.length; j++) {
      const opt = w[j];
      if (REFUSED_FLAGS[opt] !== void 0) return { error: `has ssh option -${opt}, which ${REFUSED_FLAGS[opt]}` };
      if (FLAGS.has(opt)) {
        if (opt === "M") dropped.push("-M (connection sharing is managed by rsyncguard)");
        else if (SILENCING_FLAGS[opt] !== void 0) dropped.push(SILENCING_FLAGS[opt]);
        else args.push(`-${opt}`);
        continue;
      }
      if (!WITH_ARG.has(opt)) return { error: `has -${/^[A-Za-z0-9]$/.test(opt) ? opt : "?"}, which is not an ssh option` };
      const attached = w.slice(j + 1);
      let arg;
      if (attached !== "") {
        arg = attached;
      } else {
        const next = words[i + 1];
        if (next === void 0) return { error: `ends with ssh option -${opt}, which needs an argument` };
        if (CONTROLS2.test(next)) return { error: "has a control character (a newline?) in an ssh argument" };
        arg = next;
        i++;
      }
      const keep = keeps(opt, arg, dropped);
      if (typeof keep === "string") return { error: keep };
      if (keep === true) args.push(`-${opt}`, arg);
      if (keep === true && opt === "F") kept.push("-F (this ssh_config replaces --ssh-config and ~/.ssh/config: ssh reads the last -F given)");
      break;
    }
  }
  return { args, dropped, kept };
}
function keeps(opt, arg, dropped) {
  if (opt === "S") {
    dropped.push("-S (connection sharing is managed by rsyncguard)");
    return false;
  }
  if (opt !== "o") return true;
  const k = keywordOf(arg);
  if (k === null) return 'has an -o option whose keyword is not a bare word (quoted, or after "="), which ssh would still read: give the keyword unquoted';
  if (k === "match" || k === "include" || k === "host") return `has -o ${k}, which ssh_config allows only in a file`;
  if (REFUSED_KEYWORDS[k] !== void 0) return `has -o ${k}, which ${REFUSED_KEYWORDS[k]}`;
  if (SHARING_KEYWORDS.has(k)) {
    dropped.push(`-o ${k} (connection sharing is managed by rsyncguard)`);
    return false;
  }
  if (k === "stricthostkeychecking") {
    const v = arg.replace(/^[ \t]*[A-Za-z]+[ \t]*=?[ \t]*/, "").trim().toLowerCase();
    if (v === "yes" || v === "ask") return true;
    dropped.push("-o StrictHostKeyChecking (host keys are checked as rsyncguard decides: --accept-new-host-keys trusts new keys, a changed key is never accepted)");
    return false;
  }
  return true;
}

// src/sources/inventory-yaml-load.ts
var import_yaml = __toESM(require_dist(), 1);
var Vaulted = class {
  toJSON() {
    return "(encrypted with ansible-vault)";
  }
};
var TAGS = [
  { tag: "!vault", resolve: () => new Vaulted() },
  { tag: "!unsafe", resolve: (s) => s }
];
function loadAnsibleYaml(text3) {
  try {
    return { value: (0, import_yaml.parse)(text3, { version: "1.1", customTags: TAGS, uniqueKeys: false, merge: true, logLevel: "error" }) };
  } catch (e) {
    if (!(e instanceof import_yaml.YAMLError)) throw e;
    return { error: `not valid YAML (${e.code})`, ...e.linePos ? { line: e.linePos[0].line } : {} };
  }
}
var isVaultFile = (text3) => text3.startsWith("$ANSIBLE_VAULT;");

// src/sources/inventory-connection.ts
var TEMPLATE_HINT = "rsyncguard does not render Jinja templates, and neither does `ansible-inventory --list` (it prints them unrendered): give the connection variable as plain text, or collect with the Ansible role rsyncguard.audit.sweep (docs/ansible.md), which connects as Ansible does.";
var VAULT_HINT = "rsyncguard has no vault password (and `ansible-inventory --list` prints vaulted values still encrypted): give the connection variable as plain text, or collect with the Ansible role rsyncguard.audit.sweep (docs/ansible.md), which decrypts it as Ansible does.";
var PASSWORD_VARS = ["ansible_password", "ansible_ssh_pass", "ansible_ssh_password", "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass", "ansible_sudo_password"];
var SSH_ARGS_HINT = "ansible_ssh_*_args may say how ssh reaches and authenticates the host (-o ProxyCommand=\u2026, -o ProxyJump=\u2026, -i, -J, -F, ciphers); see docs/fleet.md for what sweep refuses or leaves out and why.";
var BECOME_USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
var CONTROLS3 = /[\u0000-\u001f\u007f]/;
function pick(vars, names2) {
  for (const name of names2) if (vars[name] !== void 0 && vars[name] !== null) return { name, value: vars[name] };
  return void 0;
}
function ansibleBoolean(v) {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1;
  return typeof v === "string" && ["y", "yes", "on", "1", "true", "t", "1.0"].includes(v.trim().toLowerCase());
}
function text2(host, found) {
  if (found === void 0) return void 0;
  const { name, value } = found;
  if (isVaulted(value)) return { message: `host ${shown(host)} has ${name} encrypted with ansible-vault`, hint: VAULT_HINT };
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return { message: `host ${shown(host)} has ${name} that is not text`, hint: "Give it as a string." };
  if (value.includes("{{") || value.includes("{%")) return { message: `host ${shown(host)} has ${name} given as a Jinja template`, hint: TEMPLATE_HINT };
  if (CONTROLS3.test(value)) return { message: `host ${shown(host)} has ${name} with a control character in it`, hint: "Give it on one line, without control characters." };
  return value;
}
var isVaulted = (v) => v instanceof Vaulted || typeof v === "object" && v !== null && !Array.isArray(v) && "__ansible_vault" in v;
var isProblem = (v) => typeof v === "object" && v !== null && "message" in v;
function ansibleConnection(name, vars) {
  const address = text2(name, pick(vars, ["ansible_ssh_host", "ansible_host"]));
  const port = text2(name, pick(vars, ["ansible_ssh_port", "ansible_port"]));
  const user = text2(name, pick(vars, ["ansible_ssh_user", "ansible_user"]));
  const key2 = text2(name, pick(vars, ["ansible_ssh_private_key_file", "ansible_private_key_file"]));
  for (const v of [address, port, user, key2]) if (isProblem(v)) return v;
  const c = {
    address: address ?? name,
    port: port === void 0 ? null : Number.NaN,
    user: user ?? null,
    sudo: ansibleBoolean(vars["ansible_become"])
  };
  if (typeof port === "string") {
    const digits = /^\s*\d{1,12}\s*$/.test(port);
    if (!digits || Number(port) < 1 || Number(port) > 65535) return { message: `host ${shown(name)} has port ${digits ? port.trim() : "that is not a number"}`, hint: "A port is a number from 1 to 65535." };
    c.port = Number(port);
  }
  if (typeof key2 === "string") {
    if (key2.trim() === "") return { message: `host ${shown(name)} has an empty ansible_ssh_private_key_file`, hint: "Give the path of the private key file, or leave the variable out." };
    c.identityFile = key2;
  }
  const notes = [];
  const words = [];
  for (const n of ["ansible_ssh_args", "ansible_ssh_common_args", "ansible_ssh_extra_args"]) {
    const v = text2(name, pick(vars, [n]));
    if (isProblem(v)) return v;
    if (v === void 0) continue;
    const split3 = shlexSplit(v);
    if (split3 === null) return { message: `host ${shown(name)} has ${n} with a quotation that is not closed`, hint: SSH_ARGS_HINT };
    const checked2 = checkSshArgs(split3);
    if ("error" in checked2) return { message: `host ${shown(name)}: ${n} ${checked2.error}`, hint: SSH_ARGS_HINT };
    words.push(...checked2.args);
    notes.push(...checked2.dropped.map((d) => `${n}: ${d}: left out`), ...checked2.kept.map((d) => `${n}: ${d}: kept`));
  }
  const passwords = PASSWORD_VARS.filter((v) => vars[v] !== void 0 && vars[v] !== null);
  if (passwords.length > 0)
    notes.push(
      `${passwords.join(", ")} not used (sweep logs in with keys only, BatchMode, and runs \`sudo -n\`: it never reads a password; give the audit user key authentication and passwordless sudo for the collector, or collect with the Ansible role rsyncguard.audit.sweep, docs/ansible.md)`
    );
  if (words.length > 0) c.sshArgs = words;
  if (c.sudo) {
    const method = text2(name, pick(vars, ["ansible_become_method"]));
    if (isProblem(method)) return method;
    if (method !== void 0 && method !== "sudo")
      return {
        message: `host ${shown(name)} becomes root with ansible_become_method other than sudo`,
        hint: "sweep becomes root with `sudo -n` only: allow the audit user passwordless sudo for the collector, or collect with Ansible (docs/ansible.md)."
      };
    const as = text2(name, pick(vars, ["ansible_become_user"]));
    if (isProblem(as)) return as;
    if (as !== void 0 && as !== "root") {
      if (!BECOME_USER.test(as)) return { message: `host ${shown(name)} has an ansible_become_user that is not a user name`, hint: 'A user name: letters, digits, "_", "." and "-", not starting with "-" or ".".' };
      c.becomeUser = as;
    }
  }
  return { connection: c, notes };
}

// src/sources/inventory-literal.ts
var NOT_LITERAL = /* @__PURE__ */ Symbol("not a literal");
var Reader = class {
  constructor(s) {
    this.s = s;
  }
  s;
  i = 0;
  /** Whitespace and a `#` comment (Python source allows both around a literal). */
  skip() {
    for (; ; ) {
      while (this.i < this.s.length && /[ \t\f\r\n]/.test(this.s[this.i])) this.i++;
      if (this.s[this.i] !== "#") return;
      while (this.i < this.s.length && this.s[this.i] !== "\n") this.i++;
    }
  }
  value() {
    this.skip();
    const c = this.s[this.i];
    if (c === "[") return this.sequence("]");
    if (c === "(") return this.sequence(")");
    if (c === "{") return this.dict();
    if (c === "-" || c === "+") {
      this.i++;
      this.skip();
      const n = this.number();
      if (typeof n !== "number") throw NOT_LITERAL;
      return c === "-" ? -n : n;
    }
    if (c !== void 0 && /[0-9.]/.test(c)) return this.number();
    const word = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i))?.[0];
    if (word === "True" || word === "False" || word === "None") {
      this.i += word.length;
      return word === "None" ? null : word === "True";
    }
    return this.strings();
  }
  /** Adjacent string literals join, as in Python ("a" "b" is "ab"); bytes and f-strings are not literals here. */
  strings() {
    let out = null;
    for (; ; ) {
      this.skip();
      const m = /^([rRuU]?)('''|"""|'|")/.exec(this.s.slice(this.i));
      if (!m) break;
      this.i += m[0].length;
      out = (out ?? "") + this.string(m[2], (m[1] ?? "").toLowerCase() === "r");
    }
    if (out === null) throw NOT_LITERAL;
    return out;
  }
  string(quote2, raw) {
    let out = "";
    for (; ; ) {
      if (this.i >= this.s.length) throw NOT_LITERAL;
      if (this.s.startsWith(quote2, this.i)) {
        this.i += quote2.length;
        return out;
      }
      const c = this.s[this.i];
      if (c === "\n" && quote2.length === 1) throw NOT_LITERAL;
      if (c !== "\\") {
        out += c;
        this.i++;
        continue;
      }
      const next = this.s[this.i + 1];
      if (next === void 0) throw NOT_LITERAL;
      if (raw) {
        out += c + next;
        this.i += 2;
        continue;
      }
      this.i += 2;
      const simple = { "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\n": "" };
      if (next in simple) {
        out += simple[next];
        continue;
      }
      const hex = { x: 2, u: 4, U: 8 }[next];
      if (hex !== void 0) {
        const digits = this.s.slice(this.i, this.i + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) throw NOT_LITERAL;
        const code = Number.parseInt(digits, 16);
        if (code > 1114111) throw NOT_LITERAL;
        out += String.fromCodePoint(code);
        this.i += hex;
        continue;
      }
      const octal = /^[0-7]{1,3}/.exec(this.s.slice(this.i - 1));
      if (octal) {
        out += String.fromCodePoint(Number.parseInt(octal[0], 8));
        this.i += octal[0].length - 1;
        continue;
      }
      out += c + next;
    }
  }
  number() {
    const rest = this.s.slice(this.i);
    const m = /^0[xX](?:_?[0-9a-fA-F])+|^0[oO](?:_?[0-7])+|^0[bB](?:_?[01])+|^(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?/.exec(rest);
    if (!m || m[0] === "" || m[0] === ".") throw NOT_LITERAL;
    const t = m[0].replace(/_/g, "");
    this.i += m[0].length;
    if (/^[A-Za-z0-9_]/.test(this.s.slice(this.i))) throw NOT_LITERAL;
    if (/^0[xob]/i.test(t)) return Number(t.toLowerCase());
    if (/^\d+$/.test(t) && t.length > 1 && t.startsWith("0") && !/^0+$/.test(t)) throw NOT_LITERAL;
    return Number(t);
  }
  sequence(close) {
    this.i++;
    const out = [];
    for (; ; ) {
      this.skip();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skip();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== close) throw NOT_LITERAL;
    }
  }
  dict() {
    this.i++;
    const out = {};
    for (; ; ) {
      this.skip();
      if (this.s[this.i] === "}") {
        this.i++;
        return out;
      }
      const key2 = this.value();
      this.skip();
      if (this.s[this.i] !== ":" || typeof key2 !== "string" && typeof key2 !== "number") throw NOT_LITERAL;
      this.i++;
      out[String(key2)] = this.value();
      this.skip();
      if (this.s[this.i] === ",") this.i++;
      else if (this.s[this.i] !== "}") throw NOT_LITERAL;
    }
  }
};
function pythonLiteral(text3) {
  const r = new Reader(text3);
  try {
    const v = r.value();
    r.skip();
    return r.i === text3.length ? v : void 0;
  } catch (e) {
    if (e === NOT_LITERAL) return void 0;
    throw e;
  }
}
function iniValue(text3) {
  const v = pythonLiteral(text3);
  return v === void 0 ? text3 : v;
}

// src/sources/inventory-model.ts
var isMapping = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function setVar(vars, key2, value) {
  const before = vars[key2];
  vars[key2] = isMapping(before) && isMapping(value) ? { ...before, ...value } : value;
}
var InventoryModel = class {
  groups = /* @__PURE__ */ new Map();
  /** "group\0host" for each listing already in a group's hosts: a lookup, not a scan, at 100,000 hosts. */
  listed = /* @__PURE__ */ new Set();
  hosts = /* @__PURE__ */ new Map();
  occurrences = [];
  constructor() {
    this.group("all");
    this.group("ungrouped");
    this.child("all", "ungrouped");
  }
  group(name) {
    let g = this.groups.get(name);
    if (g === void 0) {
      g = { name, hosts: [], children: [], vars: {}, priority: 1 };
      this.groups.set(name, g);
    }
    return g;
  }
  /** A host listed in a group (which is created when new). */
  host(name, group, where, place) {
    let h = this.hosts.get(name);
    if (h === void 0) {
      h = { vars: {} };
      this.hosts.set(name, h);
    }
    const g = this.group(group);
    const key2 = `${group}\0${name}`;
    if (!this.listed.has(key2)) {
      this.listed.add(key2);
      g.hosts.push(name);
    }
    this.occurrences.push({ name, group, where, place });
    return h;
  }
  hostVar(name, key2, value) {
    const h = this.hosts.get(name);
    if (h !== void 0) setVar(h.vars, key2, value);
  }
  /** `ansible_group_priority` is the group's rank among its peers, not a variable (Group.set_variable). */
  groupVar(group, key2, value) {
    const g = this.group(group);
    if (key2 !== "ansible_group_priority") {
      setVar(g.vars, key2, value);
      return void 0;
    }
    const n = typeof value === "number" ? value : typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n)) return `group ${shown(group)} has an ansible_group_priority that is not a whole number`;
    g.priority = n;
    return void 0;
  }
  child(parent, child) {
    const p = this.group(parent);
    this.group(child);
    if (!p.children.includes(child)) p.children.push(child);
  }
};
function resolve2(model, where, files) {
  const parents = /* @__PURE__ */ new Map();
  for (const g of model.groups.values()) for (const c of g.children) parents.set(c, [...parents.get(c) ?? [], g.name]);
  for (const name of model.groups.keys()) if (name !== "all" && (parents.get(name) ?? []).length === 0) parents.set(name, ["all"]);
  const depth = /* @__PURE__ */ new Map([["all", 0]]);
  const visiting = /* @__PURE__ */ new Set();
  const depthOf = (name) => {
    const known = depth.get(name);
    if (known !== void 0) return known;
    if (visiting.has(name)) return { message: `group ${shown(name)} is its own ancestor through [..:children]`, where, hint: "Ansible refuses a loop of children groups too: remove one of the links." };
    visiting.add(name);
    let d = 0;
    for (const p of parents.get(name) ?? []) {
      const pd = depthOf(p);
      if (typeof pd !== "number") return pd;
      d = Math.max(d, pd + 1);
    }
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  for (const name of model.groups.keys()) {
    const d = depthOf(name);
    if (typeof d !== "number") return d;
  }
  const ancestors = (name, into) => {
    for (const p of parents.get(name) ?? []) {
      if (into.has(p)) continue;
      into.add(p);
      ancestors(p, into);
    }
  };
  const direct = /* @__PURE__ */ new Map();
  for (const g of model.groups.values()) for (const h of g.hosts) direct.set(h, [...direct.get(h) ?? [], g.name]);
  const rank = (a, b) => (depth.get(a.name) ?? 0) - (depth.get(b.name) ?? 0) || a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const firstListing = /* @__PURE__ */ new Map();
  for (const listed2 of model.occurrences) {
    const o = listed2.group === "all" ? { ...listed2, group: "ungrouped" } : listed2;
    const seen = firstListing.get(o.name);
    if (seen === void 0 || seen.group === "ungrouped" && o.group !== "ungrouped") firstListing.set(o.name, o);
  }
  const out = [];
  const allVars = model.groups.get("all")?.vars ?? {};
  for (const [name, h] of model.hosts) {
    const mine = /* @__PURE__ */ new Set();
    for (const g of direct.get(name) ?? []) {
      mine.add(g);
      ancestors(g, mine);
    }
    mine.delete("all");
    if ([...mine].some((g) => g !== "ungrouped")) mine.delete("ungrouped");
    else mine.add("ungrouped");
    const sorted = [...mine].flatMap((g) => model.groups.get(g) ?? []).sort(rank);
    const vars = { ...allVars };
    for (const g of sorted) Object.assign(vars, g.vars);
    if (files !== void 0) {
      Object.assign(vars, files.group("all") ?? {});
      for (const g of sorted) Object.assign(vars, files.group(g.name) ?? {});
    }
    Object.assign(vars, h.vars);
    if (files !== void 0) Object.assign(vars, files.host(name) ?? {});
    const first = firstListing.get(name);
    const group = [...mine].sort()[0] ?? "ungrouped";
    out.push({ name, group, groups: sorted.map((g) => g.name).filter((g) => g !== "ungrouped"), vars, where: first?.where ?? where });
  }
  return out;
}

// src/sources/inventory-ini.ts
var INI_HINT = 'Write host lines as `name key=value \u2026` (quote a value with spaces: key="a b"), and [group], [group:vars] or [group:children] headers (docs/fleet.md).';
var HEADER = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
var GROUP_NAME2 = /^([^:\]\s]+)\s*(?:#.*)?$/;
function readIni(text3, file) {
  const model = new InventoryModel();
  const declared = /* @__PURE__ */ new Set(["all", "ungrouped"]);
  const pending = /* @__PURE__ */ new Map();
  let group = "ungrouped";
  let state = "hosts";
  for (const [i, raw] of text3.split("\n").entries()) {
    const n = i + 1;
    const where = `${file}:${n}`;
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    if (line.startsWith("[")) {
      const h = HEADER.exec(line);
      if (!h) return { message: 'not a section header: a header is [name], [name:vars] or [name:children], with no spaces, and closed by "]"', where, hint: INI_HINT };
      group = h[1];
      state = h[2] ?? "hosts";
      if (!["vars", "children", "hosts"].includes(state)) return { message: "a section header names a kind other than vars, children or hosts", where, hint: INI_HINT };
      model.group(group);
      if (state === "vars") {
        if (!declared.has(group) && !pending.has(group)) pending.set(group, { line: n, state: "vars", parents: [] });
        continue;
      }
      declared.add(group);
      const waiting = pending.get(group);
      if (waiting !== void 0) {
        for (const p of waiting.parents) model.child(p, group);
        pending.delete(group);
      }
      continue;
    }
    if (state === "children") {
      const child = GROUP_NAME2.exec(line)?.[1];
      if (child === void 0) return { message: `a [${group}:children] line is not a group name`, where, hint: INI_HINT };
      if (declared.has(child)) {
        model.child(group, child);
      } else {
        const p = pending.get(child);
        if (p === void 0 || p.state === "vars") pending.set(child, { line: n, state: "children", parents: [...p?.parents ?? [], group] });
        else p.parents.push(group);
      }
      continue;
    }
    if (state === "vars") {
      const eq = line.indexOf("=");
      if (eq < 0) return { message: `a [${group}:vars] line is not key=value`, where, hint: INI_HINT };
      const key2 = line.slice(0, eq).trim();
      if (key2 === "") return { message: `a [${group}:vars] line has no variable name before "="`, where, hint: INI_HINT };
      const bad = model.groupVar(group, key2, iniValue(line.slice(eq + 1).trim()));
      if (bad !== void 0) return { message: bad, where, hint: "ansible_group_priority ranks a group among groups at the same depth: a whole number." };
      continue;
    }
    const words = shellWords(line);
    if (words === null) return { message: "a quotation on this line is not closed", where, hint: INI_HINT };
    const [first, ...pairs] = words;
    if (first === void 0) continue;
    const vars = [];
    for (const [k, p] of pairs.entries()) {
      const eq = p.indexOf("=");
      if (eq < 0) return { message: `word ${k + 2} of this host line is not key=value`, where, hint: INI_HINT };
      if (eq === 0) return { message: `word ${k + 2} of this host line has no variable name before "="`, where, hint: INI_HINT };
      vars.push([p.slice(0, eq), iniValue(p.slice(eq + 1))]);
    }
    const { pattern, port } = splitPort(first);
    if (pattern.endsWith(":") && port === null) return { message: 'the host pattern ends in ":", which is kept for a port', where, hint: "Write host:port with the port number, or leave the colon out." };
    const names2 = expandHostPattern(pattern);
    if (!Array.isArray(names2)) return { message: `the host pattern ${names2.error}`, where, hint: names2.hint };
    for (const name of names2) {
      model.host(name, group, where, `line ${n} (group ${shown(group)})`);
      if (port !== null) model.hostVar(name, "ansible_port", port);
      for (const [k, v] of vars) model.hostVar(name, k, v);
    }
  }
  for (const [name, p] of pending) {
    if (p.state === "vars")
      return { message: `[${name}:vars] is given for a group that no section declares`, where: `${file}:${p.line}`, hint: `Declare the group with a [${name}] or [${name}:children] section (Ansible refuses this inventory too).` };
    return { message: `[${p.parents.at(-1) ?? ""}:children] names the group ${shown(name)}, which no section declares`, where: `${file}:${p.line}`, hint: `Add a [${name}] section (it may be empty), as Ansible requires.` };
  }
  return model;
}

// src/sources/inventory-vars.ts
import { readdirSync as readdirSync3, statSync as statSync6 } from "node:fs";
import { join as join9 } from "node:path";
var EXTENSIONS = [".yml", ".yaml", ".json"];
var FILE_SPEC = { what: "a variables file", maxBytes: 4 * MiB, hint: "group_vars/ and host_vars/ files are YAML mappings of variables, as Ansible reads them." };
var MAX_FILES = 2e4;
var MAX_DEPTH2 = 16;
var isMapping2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
function kindAt(path) {
  try {
    const st = statSync6(path);
    return st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
  } catch {
    return null;
  }
}
function filesFor(base, entries, name, budget) {
  for (const candidate of [name, ...EXTENSIONS.map((e) => `${name}${e}`)]) {
    if (!entries.has(candidate)) continue;
    const path = join9(base, candidate);
    const kind = kindAt(path);
    if (kind === "file") return ok([path]);
    if (kind === "dir") return walk(path, 0, budget);
  }
  return ok([]);
}
function walk(dir, depth, budget) {
  if (depth > MAX_DEPTH2) return fail(new UserError(`variables directories nest more than ${MAX_DEPTH2} deep (a symbolic link loop?)`, dir, FILE_SPEC.hint));
  let names2;
  try {
    names2 = readdirSync3(dir).sort();
  } catch (e) {
    return fail(new UserError(`cannot list a variables directory: ${errorMessage(e)}`, dir, FILE_SPEC.hint));
  }
  const out = [];
  for (const n of names2) {
    if (n.startsWith(".") || n.endsWith("~")) continue;
    const path = join9(dir, n);
    const ext = /(\.[^.]*)$/.exec(n)?.[1] ?? "";
    const kind = kindAt(path);
    if (kind === "dir" && ext === "") {
      const sub = walk(path, depth + 1, budget);
      if (!sub.ok) return sub;
      out.push(...sub.value);
    } else if (kind === "file" && (ext === "" || EXTENSIONS.includes(ext))) {
      if (--budget.left < 0) return fail(new UserError(`more than ${MAX_FILES} variables files`, dir, FILE_SPEC.hint));
      out.push(path);
    }
  }
  return ok(out);
}
function loadFile(path, notes) {
  const bytes2 = readInputFile(path, FILE_SPEC);
  if (!bytes2.ok) return bytes2;
  const text3 = bytes2.value.toString("utf8");
  if (isVaultFile(text3)) {
    notes.push(`${path} is encrypted with ansible-vault and was not read; connection variables in it (ansible_user, ansible_port, \u2026) are not applied.`);
    return ok(null);
  }
  const doc = loadAnsibleYaml(text3);
  if ("error" in doc) return fail(new UserError(doc.error, doc.line !== void 0 ? `${path}:${doc.line}` : path, FILE_SPEC.hint));
  if (doc.value === null || doc.value === void 0) return ok(null);
  if (!isMapping2(doc.value)) return fail(new UserError("a variables file is not a mapping of variable names to values", path, FILE_SPEC.hint));
  return ok(doc.value);
}
function loadKind(dir, sub, names2, notes, budget) {
  const base = join9(dir, sub);
  const vars = /* @__PURE__ */ new Map();
  if (kindAt(base) !== "dir") return ok(vars);
  let entries;
  try {
    entries = new Set(readdirSync3(base));
  } catch (e) {
    return fail(new UserError(`cannot list ${sub}: ${errorMessage(e)}`, base, FILE_SPEC.hint));
  }
  for (const name of names2) {
    if (name === "" || name === "." || name === ".." || name.includes("/") || name.includes("\0")) continue;
    const files = filesFor(base, entries, name, budget);
    if (!files.ok) return files;
    let merged = null;
    for (const f of files.value) {
      const data = loadFile(f, notes);
      if (!data.ok) return data;
      if (data.value !== null) merged = { ...merged ?? {}, ...data.value };
    }
    if (merged !== null) vars.set(name, merged);
  }
  return ok(vars);
}
function loadVarsFiles(dir, groups, hosts) {
  const notes = [];
  const budget = { left: MAX_FILES };
  const g = loadKind(dir, "group_vars", groups, notes, budget);
  if (!g.ok) return g;
  const h = loadKind(dir, "host_vars", hosts, notes, budget);
  if (!h.ok) return h;
  return ok({ files: { group: (n) => g.value.get(n), host: (n) => h.value.get(n) }, notes });
}

// src/sources/inventory-yaml.ts
var SHAPE_HINT = "See docs/fleet.md for the inventory formats: groups, hosts and vars are mappings (name: {\u2026}), not lists.";
var LIST_HINT = 'Give the output of `ansible-inventory -i SOURCE --list` as it is: groups with "hosts" and "children" lists and "vars" mappings, and "_meta": {"hostvars": {\u2026}}.';
var isMapping3 = (v) => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
var kindOf = (v) => Array.isArray(v) ? "a list" : v === null ? "empty" : typeof v === "object" ? "a mapping" : `a ${typeof v}`;
function isListJson(doc, text3) {
  if ("_meta" in doc) return true;
  if (!text3.trimStart().startsWith("{")) return false;
  return Object.values(doc).some((g) => Array.isArray(g) || isMapping3(g) && (Array.isArray(g["hosts"]) || Array.isArray(g["children"])));
}
function fromAnsibleYaml(doc, file) {
  const model = new InventoryModel();
  const problem = (message, hint = SHAPE_HINT) => ({ message, where: file, hint });
  const onPath = /* @__PURE__ */ new Set();
  const walk2 = (group, data) => {
    if (data !== null && data !== void 0 && !isMapping3(data)) return problem(`group ${shown(group)} is ${kindOf(data)}, not a mapping`);
    model.group(group);
    if (data === null || data === void 0 || onPath.has(data)) return void 0;
    onPath.add(data);
    for (const [key2, raw] of Object.entries(data)) {
      const section = typeof raw === "string" ? { [raw]: null } : raw;
      if (!["hosts", "vars", "children"].includes(key2)) continue;
      if (section === null || section === void 0) continue;
      if (!isMapping3(section)) return problem(`the ${key2} of group ${shown(group)} is ${kindOf(section)}, not a mapping`);
      if (key2 === "vars") {
        for (const [k, v] of Object.entries(section)) {
          const bad = model.groupVar(group, k, v);
          if (bad !== void 0) return problem(bad, "ansible_group_priority ranks a group among groups at the same depth: a whole number.");
        }
      } else if (key2 === "children") {
        for (const [child, cv] of Object.entries(section)) {
          const err2 = walk2(child, cv);
          if (err2) return err2;
          model.child(group, child);
        }
      } else {
        for (const [pattern, own] of Object.entries(section)) {
          const { pattern: p, port } = splitPort(pattern);
          const names2 = expandHostPattern(p);
          if (!Array.isArray(names2)) return problem(`in group ${shown(group)}, the host pattern ${shown(pattern)} ${names2.error}`, names2.hint);
          if (own !== null && own !== void 0 && !isMapping3(own)) return problem(`the variables of host ${shown(pattern)} in group ${shown(group)} is ${kindOf(own)}, not a mapping`);
          for (const name of names2) {
            model.host(name, group, file, `group ${shown(group)}`);
            if (port !== null) model.hostVar(name, "ansible_port", port);
            for (const [k, v] of Object.entries(own ?? {})) model.hostVar(name, k, v);
          }
        }
      }
    }
    onPath.delete(data);
    return void 0;
  };
  for (const [group, data] of Object.entries(doc)) {
    const err2 = walk2(group, data);
    if (err2) return err2;
  }
  return model;
}
function fromListJson(doc, file) {
  const model = new InventoryModel();
  const problem = (message) => ({ message, where: file, hint: LIST_HINT });
  const meta = doc["_meta"];
  if (meta !== void 0 && !isMapping3(meta)) return problem(`"_meta" is ${kindOf(meta)}, not a mapping`);
  const hostvars = meta?.["hostvars"] ?? {};
  if (!isMapping3(hostvars)) return problem(`"_meta.hostvars" is ${kindOf(hostvars)}, not a mapping`);
  const listed2 = /* @__PURE__ */ new Set();
  for (const [group, raw] of Object.entries(doc)) {
    if (group === "_meta") continue;
    const data = !isMapping3(raw) ? { hosts: raw } : ["hosts", "vars", "children"].some((k) => k in raw) ? raw : { hosts: [group], vars: raw };
    model.group(group);
    const hosts = data["hosts"] ?? [];
    if (!Array.isArray(hosts) || !hosts.every((h) => typeof h === "string" && h !== "")) return problem(`the hosts of group ${shown(group)} are not a list of host names`);
    for (const h of hosts) {
      model.host(h, group, file, `group ${shown(group)}`);
      listed2.add(h);
    }
    const vars = data["vars"] ?? {};
    if (!isMapping3(vars)) return problem(`the vars of group ${shown(group)} are ${kindOf(vars)}, not a mapping`);
    for (const [k, v] of Object.entries(vars)) {
      const bad = model.groupVar(group, k, v);
      if (bad !== void 0) return problem(bad);
    }
    const children = data["children"] ?? [];
    if (!Array.isArray(children) || !children.every((c) => typeof c === "string" && c !== "")) return problem(`the children of group ${shown(group)} are not a list of group names`);
    for (const c of children) model.child(group, c);
  }
  for (const h of listed2) {
    const own = hostvars[h] ?? {};
    if (!isMapping3(own)) return problem(`the hostvars of ${shown(h)} are ${kindOf(own)}, not a mapping`);
    for (const [k, v] of Object.entries(own)) model.hostVar(h, k, v);
  }
  return model;
}

// src/sources/inventory.ts
var str = (v) => typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null;
var SSH_HOST = /^[A-Za-z0-9_.%:[\]][A-Za-z0-9_.%:[\]-]*$/;
var SSH_USER = /^[A-Za-z0-9_.][A-Za-z0-9_.@-]*$/;
var SSH_JUMP_HOP = /^(?:[A-Za-z0-9_.][A-Za-z0-9_.@-]*@)?[A-Za-z0-9_.%[\]][A-Za-z0-9_.%:[\]-]*(?::\d{1,5})?$/;
var NAME_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
var SSH_HINT = 'ssh is given only host names, addresses, user names and [user@]host[:port] jump hops: no leading "-", spaces or shell characters.';
var SHAPE_HINT2 = "See docs/fleet.md for the inventory formats: groups, hosts and vars are mappings (name: {\u2026}), not lists.";
var portText = (v) => typeof v === "number" || typeof v === "string" && /^\d{1,12}$/.test(v) ? ` ${String(v)}` : " that is not a number";
function checked(h) {
  const { name, group } = h;
  if (NAME_CONTROLS.test(name) || NAME_CONTROLS.test(group)) return { message: `host ${shown(name)} (group ${shown(group)}) has control characters in its name`, hint: SSH_HINT };
  if (!SSH_HOST.test(h.address)) return { message: `host ${shown(name)} has address ${shown(h.address)}, which is not a host name or address`, hint: SSH_HINT };
  if (h.user !== null && !SSH_USER.test(h.user)) return { message: `host ${shown(name)} has user ${shown(h.user)}, which is not a user name`, hint: SSH_HINT };
  if (h.jump !== null && !h.jump.split(",").every((hop) => SSH_JUMP_HOP.test(hop))) return { message: `host ${shown(name)} has jump ${shown(h.jump)}, which is not a list of [user@]host[:port]`, hint: SSH_HINT };
  return h;
}
function ownHost(name, group, vars) {
  const port = vars["port"];
  const portNum = port === void 0 || port === null ? null : Number(port);
  if (portNum !== null && !(Number.isInteger(portNum) && portNum > 0 && portNum < 65536)) return { message: `host ${shown(name)} has port${portText(port)}`, hint: "A port is a number from 1 to 65535." };
  return checked({
    name,
    group,
    address: str(vars["address"]) ?? name,
    port: portNum,
    user: str(vars["user"]),
    jump: str(vars["jump"]),
    sudo: vars["sudo"] === true
  });
}
function settle(listed2) {
  const first = /* @__PURE__ */ new Map();
  const hosts = [];
  for (const l of listed2) {
    const h = ownHost(l.name, l.group, l.vars);
    if (!("address" in h)) return fail(new UserError(h.message, l.where, h.hint));
    const seen = first.get(l.name);
    if (seen === void 0) {
      first.set(l.name, { h, at: l });
      hosts.push(h);
      continue;
    }
    const differ = ["address", "port", "user", "jump", "sudo"].filter((k) => seen.h[k] !== h[k]);
    if (differ.length > 0) {
      return fail(
        new UserError(
          `host ${shown(l.name)} is listed in ${seen.at.place} and in ${l.place}, and its ${differ.join(", ")} ${differ.length === 1 ? "differs" : "differ"}`,
          l.where,
          "A host in several groups is swept once: give it the same connection settings (address, port, user, jump, sudo) in each group."
        )
      );
    }
  }
  return ok(hosts);
}
function fromModel(model, file, files, notes) {
  if ("message" in model) return fail(new UserError(model.message, model.where, model.hint));
  const resolved = resolve2(model, file, files);
  if (!Array.isArray(resolved)) return fail(new UserError(resolved.message, resolved.where, resolved.hint));
  const hosts = [];
  const dropped = /* @__PURE__ */ new Map();
  for (const r of resolved) {
    const c = ansibleConnection(r.name, r.vars);
    if ("message" in c) return fail(new UserError(c.message, r.where, c.hint));
    const named3 = r.vars["rsyncguard_group"];
    const group = typeof named3 === "string" && named3.trim() !== "" && !named3.includes("{{") ? named3 : r.group;
    const h = checked({ name: r.name, group, jump: null, ...c.connection });
    if (!("address" in h)) return fail(new UserError(h.message, r.where, h.hint));
    hosts.push(h);
    for (const d of c.notes) dropped.set(d, [...dropped.get(d) ?? [], r.name]);
    const via = r.vars["ansible_connection"];
    if (typeof via === "string" && !["ssh", "smart", "paramiko", "paramiko_ssh", "ansible.builtin.ssh"].includes(via)) {
      const d = `ansible_connection is not ssh (${/^[\w.]{1,40}$/.test(via) ? via : "another plugin"}): swept over ssh all the same`;
      dropped.set(d, [...dropped.get(d) ?? [], r.name]);
    }
  }
  for (const [d, names2] of dropped) notes.push(`${d} for ${names2.length === 1 ? `host ${shown(names2[0])}` : `${names2.length} hosts`}.`);
  return ok({ hosts, notes, vars: new Map(resolved.map((r) => [r.name, r.vars])) });
}
var kindOf2 = (v) => Array.isArray(v) ? "a list" : v === null ? "empty" : typeof v === "object" ? "a mapping" : `a ${typeof v}`;
function mapping(v, what) {
  if (v === void 0 || v === null) return ok(null);
  return isObject(v) ? ok(v) : fail({ message: `${what} is ${kindOf2(v)}, not a mapping`, hint: SHAPE_HINT2 });
}
function fromOwnYaml(root, file) {
  const top = { defaults: mapping(root["defaults"], "defaults"), groups: mapping(root["groups"], "groups"), hosts: mapping(root["hosts"], "hosts") };
  for (const part of Object.values(top)) if (!part.ok) return fail(new UserError(part.error.message, file, part.error.hint));
  const get = (r) => r.ok && r.value !== null ? r.value : {};
  const groups = Object.entries(get(top.groups));
  if (top.hosts.ok && top.hosts.value !== null) groups.push(["ungrouped", { hosts: top.hosts.value }]);
  const listed2 = [];
  for (const [g, spec] of groups) {
    const s = mapping(spec, `group ${shown(g)}`);
    const hs = s.ok ? mapping(s.value?.["hosts"], `the hosts of group ${shown(g)}`) : s;
    const gv = s.ok ? mapping(s.value?.["vars"], `the vars of group ${shown(g)}`) : s;
    for (const part of [hs, gv]) if (!part.ok) return fail(new UserError(part.error.message, file, part.error.hint));
    for (const [name, vars] of Object.entries(get(hs))) {
      const hv = mapping(vars, `host ${shown(name)} in group ${shown(g)}`);
      if (!hv.ok) return fail(new UserError(hv.error.message, file, hv.error.hint));
      listed2.push({ name, group: g, where: file, place: `group ${shown(g)}`, vars: { ...get(top.defaults), ...get(gv), ...hv.value ?? {} } });
    }
  }
  return settle(listed2);
}
function jsonObject(text3) {
  if (!text3.trimStart().startsWith("{")) return void 0;
  try {
    const v = JSON.parse(text3);
    return isObject(v) ? v : void 0;
  } catch {
    return void 0;
  }
}
var FORMATS_HINT = "Write an rsyncguard YAML, Ansible YAML or Ansible INI inventory, or give `ansible-inventory --list` JSON (docs/fleet.md); an INI inventory starts with a [group] line or is named *.ini.";
var OWN_KEYS = /* @__PURE__ */ new Set(["defaults", "groups", "hosts"]);
function parseInventoryText(text3, file, opts = {}) {
  const notes = [];
  const withFiles = (model) => {
    if ("message" in model || opts.varsDir === void 0) return fromModel(model, file, void 0, notes);
    const loaded = loadVarsFiles(opts.varsDir, model.groups.keys(), model.hosts.keys());
    if (!loaded.ok) return loaded;
    notes.push(...loaded.value.notes);
    return fromModel(model, file, loaded.value.files, notes);
  };
  let parsed;
  const firstLine2 = text3.split("\n").find((l) => l.trim() !== "" && !/^\s*[#;]/.test(l)) ?? "";
  if (/\.(ini|cfg)$|(^|\/)hosts$/.test(file) || firstLine2.trim().startsWith("[")) {
    parsed = withFiles(readIni(text3, file));
  } else {
    let doc;
    try {
      doc = jsonObject(text3) ?? (0, import_yaml2.parse)(text3, { logLevel: "error" });
    } catch (e) {
      const at = e instanceof import_yaml2.YAMLError && e.linePos ? `${file}:${e.linePos[0].line}` : file;
      return fail(new UserError(`not valid YAML${e instanceof import_yaml2.YAMLError ? ` (${e.code})` : ""}`, at, FORMATS_HINT));
    }
    if (!isObject(doc)) return fail(new UserError(`the inventory is ${kindOf2(doc)}, not a mapping of groups or hosts`, file, FORMATS_HINT));
    if (isListJson(doc, text3)) {
      parsed = fromModel(fromListJson(doc, file), file, void 0, notes);
    } else if (!("all" in doc) && Object.keys(doc).every((k) => OWN_KEYS.has(k))) {
      const own = fromOwnYaml(doc, file);
      parsed = own.ok ? ok({ hosts: own.value, notes }) : own;
    } else {
      const ansible = loadAnsibleYaml(text3);
      if ("error" in ansible) return fail(new UserError(ansible.error, ansible.line !== void 0 ? `${file}:${ansible.line}` : file, FORMATS_HINT));
      const root = ansible.value;
      if (!isObject(root)) return fail(new UserError(`the inventory is ${kindOf2(root)}, not a mapping of groups or hosts`, file, FORMATS_HINT));
      parsed = withFiles(fromAnsibleYaml(root, file));
    }
  }
  if (!parsed.ok) return parsed;
  if (parsed.value.hosts.length === 0) return fail(new UserError("the inventory names no hosts", file, "See docs/fleet.md for the formats."));
  return parsed;
}
var INVENTORY_INPUT = { what: "the inventory", maxBytes: 16 * MiB, hint: "Pass an rsyncguard or Ansible inventory file, or `ansible-inventory --list` JSON on standard input with --inventory - (docs/fleet.md)." };
var STDIN_INVENTORY = "(standard input)";
async function readInventory(file) {
  if (file === "-") {
    const text4 = await readStdin(INVENTORY_INPUT);
    return text4.ok ? parseInventoryText(text4.value.toString("utf8"), STDIN_INVENTORY) : text4;
  }
  const text3 = readInputFile(file, INVENTORY_INPUT);
  return text3.ok ? parseInventoryText(text3.value.toString("utf8"), file, { varsDir: dirname7(file) }) : text3;
}

// src/cli/commands/collector-script.ts
var COLLECTOR_INPUT = {
  what: "the collector script",
  maxBytes: MiB,
  hint: "Reinstall rsyncguard: the collector ships as dist/rsync-facts.sh (collectors/rsync-facts.sh in a checkout)."
};
function readCollector() {
  return readInputFile(collectorPath(), COLLECTOR_INPUT);
}

// src/cli/commands/stop-on-signals.ts
import { constants as constants3 } from "node:os";
function stopOnSignals() {
  const controller = new AbortController();
  let received = null;
  const handler = (name) => {
    if (received !== null) process.exit(128 + constants3.signals[name]);
    received = name;
    controller.abort();
  };
  const onInt = () => handler("SIGINT");
  const onTerm = () => handler("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    release() {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    }
  };
}

// src/cli/commands/fix-hosts.ts
var HOST_FIX_OPTIONS = {
  inventory: { type: "string", valueName: "FILE", help: "Fix live hosts: sweep this inventory (as sweep does) and fix what it collected; with --collected, only the groups" },
  collected: { type: "boolean", help: "The PATHs are collector documents (rsyncguard/host-raw@1, as eval accepts), not configs" },
  "ssh-config": { type: "string", valueName: "FILE", help: "With --inventory: ssh_config to use (ssh -F) instead of the user's" },
  concurrency: { type: "string", valueName: "N", help: "With --inventory: hosts swept at once (1 to 1024)", default: "16" },
  "connect-timeout": { type: "string", valueName: "SECONDS", help: "With --inventory: SSH connect timeout per host", default: "10" },
  "accept-new-host-keys": { type: "boolean", help: "With --inventory: trust unknown host keys on first use" }
};
function refuseAnsibleForFiles(args) {
  if (wantsHostFix(args) || stringOption(args, "format") !== "ansible") return void 0;
  return new UserError("--format ansible is for hosts: use --inventory or --collected", void 0, "For config files in a repository, use --format diff (or --write).");
}
function wantsHostFix(args) {
  return stringOption(args, "inventory") !== void 0 || args.values["collected"] === true;
}
var COLLECTED_INPUT = { what: "the collected document", maxBytes: 64 * MiB, hint: "Pass the JSON the host collector printed (sweep --results lines are not accepted)." };
async function readHosts(file) {
  const inventory = await readInventory(file);
  if (!inventory.ok) return inventory.error;
  for (const n of inventory.value.notes) warnLine(`rsyncguard fix: ${n}`);
  return inventory.value.hosts;
}
function readCollected(paths, groupOf) {
  const hosts = [];
  const errors = [];
  for (const path of paths) {
    const bytes2 = readInputFile(path, COLLECTED_INPUT);
    if (!bytes2.ok) {
      errors.push({ target: path, message: bytes2.error.message });
      continue;
    }
    let parsed;
    try {
      parsed = JSON.parse(bytes2.value.toString("utf8"));
    } catch {
      errors.push({ target: path, message: "not a JSON collector document" });
      continue;
    }
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    for (const [i, doc] of docs.entries()) {
      const where = docs.length > 1 ? `${path}[${i}]` : path;
      const raw = parseHostRaw(doc, where);
      if (!raw.ok) errors.push({ target: where, message: raw.error.message });
      else hosts.push({ name: raw.value.host.name, group: groupOf(raw.value.host.name), raw: raw.value, source: where });
    }
  }
  return { hosts, errors };
}
async function sweepHosts(inventory, args) {
  const n = numberOptions(args, { concurrency: { min: 1, max: 1024, fallback: 16 }, "connect-timeout": { min: 1, max: 3600, fallback: 10 } });
  if (!n.ok) return n.error;
  const collector = readCollector();
  if (!collector.ok) return collector.error;
  const sshConfig = stringOption(args, "ssh-config");
  const stop = stopOnSignals();
  const swept = await sweep(inventory, collector.value.toString("utf8"), {
    concurrency: n.value.concurrency,
    ssh: { ...sshConfig !== void 0 ? { sshConfig } : {}, connectTimeoutSeconds: n.value["connect-timeout"], totalTimeoutMs: 6e4, maxOutputBytes: 16 * MiB, acceptNewHostKeys: args.values["accept-new-host-keys"] === true },
    resume: false,
    signal: stop.signal
  }).finally(() => stop.release());
  if (!swept.ok) return swept.error;
  if (stop.received !== null) return new UserError(`interrupted by ${stop.received}: nothing was fixed`);
  const hosts = [];
  const errors = [];
  for (const o of swept.value) {
    if (o.status === "ok" && o.raw) hosts.push({ name: o.host, group: o.group, raw: o.raw });
    else errors.push({ target: o.host, message: `${o.status}: ${o.reason}` });
  }
  return { hosts, errors };
}
async function runHostFix(args, rules) {
  if (args.values["write"] === true) return new UserError("fix --write applies to config files, not to hosts", void 0, "Use --format ansible --output fix.yml, review it with ansible-playbook --check --diff, then run it.");
  const file = stringOption(args, "inventory");
  const inventory = file === void 0 ? [] : await readHosts(file);
  if (inventory instanceof UserError) return inventory;
  const policies = await policiesFor(stringOption(args, "policy"));
  if (!policies.ok) return policies.error;
  let input;
  if (args.values["collected"] === true) {
    if (args.positionals.length === 0) return new UserError("fix --collected needs the collector documents as PATHs", void 0, "rsyncguard fix --collected collected/*.json --format ansible");
    const groups = new Map(inventory.map((h) => [h.name, h.group]));
    input = readCollected(args.positionals, (h) => groups.get(h) ?? "all");
  } else {
    if (args.positionals.length > 0) return new UserError("fix --inventory takes no PATHs", void 0, "Give --collected to fix collected documents, or leave the PATHs out to sweep the inventory.");
    input = await sweepHosts(inventory, args);
  }
  if (input instanceof UserError) return input;
  const fixed = await fixHosts(input.hosts, input.errors, {
    policies: policies.value,
    waiverFile: stringOption(args, "waivers"),
    inlineWaivers: args.values["no-inline-waivers"] !== true,
    ...rules ? { rules } : {}
  });
  if (!fixed.ok) return fixed.error;
  const failed2 = render(fixed.value, args);
  if (failed2) return failed2;
  return hostFixExitCode(fixed.value);
}
function hostFixExitCode(run2) {
  if (run2.report.errors.length > 0) return EXIT_ERROR;
  return run2.report.targets.some((t) => (t.fixes?.verified.length ?? 0) > 0 || (t.fixes?.commands.length ?? 0) > 0) ? EXIT_FINDINGS : EXIT_OK;
}
function underHost(t, host) {
  const under = (file) => `${host}/${file}`;
  return {
    ...t,
    verified: t.verified.map((v) => ({ ...v, edits: v.edits.map((e) => ({ ...e, file: under(e.file) })) })),
    files: t.files.map((f) => ({ ...f, file: under(f.file) }))
  };
}
function render(run2, args) {
  const name = stringOption(args, "format") ?? "diff";
  const fixes = run2.report.targets.flatMap((t) => t.fixes ? [name === "ansible" ? t.fixes : underHost(t.fixes, run2.hostOf.get(t.target) ?? t.target)] : []);
  const format = pickFormat(FIX_FORMATS, name);
  if (!format.ok) return format.error;
  const ctx = {
    ...renderContext(args, { texts: run2.texts, category: "rsyncguard/fleet/" }),
    report: run2.report,
    hostOf: (t) => run2.hostOf.get(t) ?? t,
    groupOf: (t) => run2.groupOf.get(t) ?? "all"
  };
  const errors = name === "diff" || name === "ansible" ? run2.report.errors.map((e) => `# error: ${escapeControls(`${e.target}: ${e.message}`)}
`).join("") : "";
  for (const e of run2.report.errors) process.stderr.write(`rsyncguard fix: ${escapeControls(`${e.target}: ${e.message}`)}
`);
  return writeOutput(errors + format.value.render(fixes, ctx), stringOption(args, "output"));
}

// src/cli/commands/fix.ts
var fixCommand = {
  name: "fix",
  usage: "fix [PATH\u2026]",
  summary: "Propose verified fixes for the findings of rsync daemon configs (a diff); --write applies them",
  options: {
    write: { type: "boolean", help: "Apply the verified fixes to the files (atomically, inside the scan root only)" },
    rules: { type: "string", valueName: "IDS", help: "Comma-separated rule ids: fix only findings of these rules" },
    format: { ...formatOption(FIX_FORMATS), default: "diff" },
    output: { type: "string", short: "o", valueName: "FILE", help: "Write the output to FILE instead of standard output" },
    exclude: { type: "string", valueName: "GLOBS", help: "Comma-separated globs (relative to each PATH) to leave out; a directory leaves out everything under it" },
    "daemon-user": { type: "string", valueName: "root|nonroot", help: "Whether the daemon runs as root", default: "root", choices: ["root", "nonroot"] },
    "rsync-version": { type: "string", valueName: "X.Y.Z", help: "rsync release whose semantics to model", default: DEFAULT_RSYNC_VERSION },
    policy: { type: "string", valueName: "DIR|BUNDLE", help: "Extra rules: a directory of Rego (needs opa on PATH), a bundle.tar.gz, or a .wasm with rules.json" },
    waivers: { type: "string", valueName: "FILE", help: "Waiver file (default: .rsyncguard.yaml when present); waived findings are not fixed" },
    "no-inline-waivers": { type: "boolean", help: 'Ignore "# rsyncguard: ignore" comments in configs' },
    timings: { type: "boolean", help: "Print how long each stage took to standard error" },
    // Hosts and fleets (builder D, fix-hosts.ts): --inventory sweeps, --collected reads collector documents.
    ...HOST_FIX_OPTIONS
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const named3 = ["inventory", "waivers", "policy"].flatMap((n) => stringOption(args, n) ?? []);
    const clash = outputClash(stringOption(args, "output"), [...args.positionals, ...named3]);
    if (clash) return clash;
    if (wantsHostFix(args)) {
      const ids = (stringOption(args, "rules") ?? "").split(",").map((r) => r.trim().toUpperCase()).filter((r) => r !== "");
      return runHostFix(args, ids.length > 0 ? new Set(ids) : void 0);
    }
    const notForFiles = refuseAnsibleForFiles(args);
    if (notForFiles) return notForFiles;
    const paths = args.positionals.length > 0 ? args.positionals : ["."];
    const list = (name) => (stringOption(args, name) ?? "").split(",").map((g) => g.trim()).filter((g) => g !== "");
    const version = parseVersion(stringOption(args, "rsync-version"));
    if (!version.ok) return version.error;
    const policies = await policiesFor(stringOption(args, "policy"));
    if (!policies.ok) return policies.error;
    const rules = list("rules");
    const timings = [];
    const fixed = await fixRepository(paths, {
      exclude: list("exclude"),
      onUnmatchedExclude: (patterns) => process.stderr.write(`${escapeControls(unmatchedExcludeWarning("fix", patterns))}
`),
      daemonUser: stringOption(args, "daemon-user") === "nonroot" ? "nonroot" : "root",
      rsyncVersion: version.value,
      rsyncVersionGiven: args.given.has("rsync-version"),
      today: today(),
      policies: policies.value,
      waiverFile: stringOption(args, "waivers"),
      inlineWaivers: args.values["no-inline-waivers"] !== true,
      ...rules.length > 0 ? { rules: new Set(rules.map((r) => r.toUpperCase())) } : {},
      onTiming: (stage, ms) => timings.push([stage, ms])
    });
    if (!fixed.ok) return fixed.error;
    const run2 = fixed.value;
    const unknown = rules.map((r) => r.toUpperCase()).filter((r) => !run2.report.rules.some((x) => x.id === r));
    if (unknown.length > 0) return new UserError(`--rules names no rule ${unknown.join(", ")}`, void 0, "See rsyncguard rules for the rule ids.");
    const read = outputClash(stringOption(args, "output"), [...run2.texts.keys(), ...[...run2.files.values()].map((f) => f.real)], paths);
    if (read) return read;
    const failed2 = render2(run2, args);
    if (failed2) return failed2;
    if (args.values["write"] === true) {
      const written = writeFixes(run2);
      if (!written.ok) return written.error;
      process.stderr.write(written.value.length === 0 ? "rsyncguard: no file changed\n" : `rsyncguard: wrote ${written.value.map((f) => escapeControls(f)).join(", ")}
`);
    }
    if (args.values["timings"] === true) process.stderr.write(`timings: ${timings.map(([s, ms]) => `${s} ${ms.toFixed(1)} ms`).join(", ")}
`);
    return fixExitCode(run2);
  }
};
function fixExitCode(run2) {
  if (run2.report.errors.length > 0) return EXIT_ERROR;
  const proposed = run2.report.targets.some((t) => (t.fixes?.verified.length ?? 0) > 0 || (t.fixes?.commands.length ?? 0) > 0);
  return proposed ? EXIT_FINDINGS : EXIT_OK;
}
function render2(run2, args) {
  const fixes = run2.report.targets.flatMap((t) => t.fixes ? [t.fixes] : []);
  const name = stringOption(args, "format") ?? "diff";
  const format = pickFormat(FIX_FORMATS, name);
  if (!format.ok) return format.error;
  const ctx = { ...renderContext(args, { texts: run2.texts }), report: run2.report };
  const errors = run2.report.errors.map((e) => `# error: ${escapeControls(`${e.target}: ${e.message}`)}
`).join("");
  const text3 = format.value.render(fixes, ctx);
  return writeOutput(name === "diff" ? errors + text3 : text3, stringOption(args, "output"));
}

// src/cli/commands/host.ts
var RAW_INPUT = { what: "the collector document", maxBytes: 64 * MiB, hint: "Pass the JSON that collectors/rsync-facts.sh printed, or - for standard input." };
var hostCommand = {
  name: "host",
  usage: "host [--probe]",
  summary: "Collect from this machine (processes, sockets, configs, secrets-file facts) and evaluate",
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    probe: { type: "boolean", help: "Also connect to each rsync listener and record what the network sees (greeting, digests, MOTD, module list)" },
    raw: { type: "string", valueName: "FILE", help: "Evaluate a saved collector document (collectors/rsync-facts.sh output) instead of collecting" }
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const saved = stringOption(args, "raw");
    const baseline = readBaselineOption(args);
    if (!baseline.ok) return baseline.error;
    let collected;
    if (saved !== void 0) {
      const bytes2 = saved === "-" ? await readStdin(RAW_INPUT) : readInputFile(saved, RAW_INPUT);
      if (!bytes2.ok) return bytes2.error;
      let json;
      try {
        json = JSON.parse(bytes2.value.toString("utf8"));
      } catch (e) {
        return new UserError(`cannot read the collector document: ${describeJsonError(e)}`, saved, RAW_INPUT.hint);
      }
      collected = parseHostRaw(json, saved);
    } else {
      const script = readCollector();
      if (!script.ok) return script.error;
      collected = collectLocal();
    }
    if (!collected.ok) return collected.error;
    const raw = collected.value;
    const { unread, notFollowed: notes } = hostErrors(raw);
    const progress = progressFor(args);
    for (const e of unread) progress.warn(`rsyncguard host: ${raw.host.name}: could not read ${e}`);
    for (const n of notes) progress.warn(`rsyncguard host: ${raw.host.name}: ${n}`);
    const docs = await hostFacts(raw, { probe: args.values["probe"] === true, today: today() });
    if (docs.length === 0) progress.warn(`rsyncguard host: ${raw.host.name}: no rsync daemon configuration found (verified rsync daemons: ${raw.processes.filter((p) => p.trust === void 0 || p.trust === "rsync").length}).`);
    const policies = await policiesFor(stringOption(args, "policy"));
    if (!policies.ok) return policies.error;
    const evaluated = await evaluateTargets(docs, {
      policies: policies.value,
      waiverFile: stringOption(args, "waivers"),
      inlineWaivers: args.values["no-inline-waivers"] !== true
    });
    if (!evaluated.ok) return evaluated.error;
    const report = withBaseline(
      withHostNotes(evaluated.value, [...notes, ...unreadNotes(unread)], () => true, raw.host.name),
      baseline.value
    );
    const texts = new Map(hostTexts(raw));
    const failed2 = renderReport(report, args, { texts, kind: "host", name: raw.host.name });
    return failed2 ?? judgeReport(report, args);
  }
};

// src/runner/image-label.ts
function imageLabel(shown2, image, paths) {
  const local = isLocalTransport(shown2) || paths && isLocalPath(shown2);
  if (!local) return image.digest !== null && !shown2.includes("@") ? `${shown2}@${image.digest}` : shown2;
  const name = image.name;
  return name === void 0 || name === "" || shown2.endsWith(`:${name}`) ? shown2 : `${shown2} (${name})`;
}
function labelImageReport(report, labels) {
  const label2 = (t) => {
    const l = labels.get(t.target);
    return l === void 0 || l === t.target ? t : { ...t, label: l };
  };
  return { ...report, targets: report.targets.map(label2), errors: report.errors.map(label2) };
}

// src/facts/image-layer-secrets.ts
function withNamedSecrets(sightings, parsed) {
  const all = [...sightings];
  for (const s of parsed.secrets) {
    if (!s.file || !s.stat) continue;
    const path = s.file.replace(/^\/+/, "");
    const layer = parsed.layers.find((l) => l.path === path)?.layer;
    if (layer === void 0 || all.some((o) => o.path === path && o.layer === layer)) continue;
    all.push({ path, layer, deleted_later: false });
  }
  return all;
}
function layerSecretsConfig(namer, ref) {
  const file = namer ? `/${namer.path}` : void 0;
  const note = (at, layer) => diagnostic(
    "info",
    "image-layer-secrets",
    `No rsyncd config of ${ref} was evaluated (a later layer deleted it, or nothing in the image starts rsync with it); ${at}, written by layer ${layer}, names a secrets file: only the secrets files the image's layers hold are checked.`,
    {
      file: at,
      line: 1,
      column: 1
    }
  );
  return {
    starts: false,
    serves: false,
    partial: false,
    limit: null,
    files: namer && file ? [{ path: file, sha256: namer.sha256 }] : [],
    global: {},
    listener: {},
    modules: [],
    diagnostics: namer && file ? [note(file, namer.layer)] : [],
    inlineWaivers: [],
    publicDeclarations: []
  };
}

// src/facts/image.ts
function imageDaemonUser(user) {
  return imageRunsAsRoot(user).value ? "root" : "nonroot";
}
function imageFacts(image, files, layerSecrets) {
  const { config: cfg } = image;
  return {
    ref: image.ref,
    digest: image.digest,
    exposed_ports: cfg.exposed,
    user: cfg.user,
    runs_as_root: imageRunsAsRoot(cfg.user),
    entrypoint: cfg.entrypoint,
    cmd: cfg.cmd,
    env: cfg.env,
    files,
    layer_secrets: layerSecrets,
    starts_daemon: image.startsDaemon
  };
}
function imageDocument(image, parsed, today2) {
  const { config: cfg, release } = image;
  const doc = buildFacts({
    target: { kind: "image", id: `${image.repository}:${parsed.path}`, display: `${image.label ?? image.ref} ${parsed.path}` },
    daemonUser: imageDaemonUser(cfg.user),
    rsyncVersion: modelledVersion(release?.version ?? null),
    today: today2,
    rsync: release ?? { version: null, source: null, unknown: "the image was not searched for an rsync package" },
    config: parsed.config,
    secrets: parsed.secrets,
    fileStats: parsed.fileStats,
    ...imageNames(image.accounts, cfg.env),
    ...image.daemonArgs ? { imageDaemonArgs: image.daemonArgs } : {},
    image: imageFacts(image, parsed.layers, withNamedSecrets(image.layerSecrets, parsed))
  });
  return relabelFiles(doc, (file) => file.replace(/^\/+/, ""));
}
function imageLayerSecretsDocument(image, namer, path, today2) {
  const { config: cfg, release } = image;
  const name = namer ? `/${namer.path}` : path;
  const doc = buildFacts({
    target: { kind: "image", id: `${image.repository}:${name}`, display: `${image.label ?? image.ref} ${name}` },
    daemonUser: imageDaemonUser(cfg.user),
    rsyncVersion: modelledVersion(release?.version ?? null),
    today: today2,
    rsync: release ?? { version: null, source: null, unknown: "the image was not searched for an rsync package" },
    config: layerSecretsConfig(namer, image.ref),
    ...imageNames(image.accounts, cfg.env),
    image: imageFacts(image, namer ? [{ path: namer.path, layer: namer.layer }] : [], image.layerSecrets)
  });
  return relabelFiles(doc, (file) => file.replace(/^\/+/, ""));
}
function imageNames(accounts, env) {
  return {
    names: {
      source: "the image's",
      // The daemon's environment for %VAR% (usable.ts): the image's Env, a credential's value withheld (null).
      env: new Map(env.map((e) => [e.name, e.value])),
      ...accounts?.passwd ? { users: new Set(accounts.passwd) } : {},
      ...accounts?.group ? { groups: new Set(accounts.group) } : {}
    }
  };
}

// src/sources/image/layer-index.ts
import { createHash as createHash5 } from "node:crypto";
import { posix as posix6 } from "node:path";

// src/sources/image/image-tree.ts
var MAX_LINKS = 40;
var split2 = (path) => path.split("/").filter((p) => p !== "" && p !== ".");
function dirNode(name, parent) {
  return { name, parent, kind: "dir", children: /* @__PURE__ */ new Map(), mode: 493, uid: 0, gid: 0, size: 0, layer: -1 };
}
var ImageTree = class {
  root = dirNode("", null);
  /** The node at a path as stored, following no link (whiteouts and provenance name physical paths). */
  physical(path) {
    let node = this.root;
    for (const part of split2(path)) {
      if (part === "..") return void 0;
      node = node.children?.get(part);
      if (!node) return void 0;
    }
    return node;
  }
  /**
   * Add or replace the entry at a cleaned path; missing parents become directories. A parent that is a
   * symlink the same layer made is followed, as the runtime follows it while unpacking that layer (a tar may
   * write `etc/x -> /etc` and then `etc/x/rsyncd.conf`, which lands in /etc); a symlink from a lower layer is
   * not visible to the unpacker of an overlay snapshot, so the new directory shadows it there.
   */
  put(path, attrs) {
    const parts = split2(path);
    const name = parts.pop();
    if (name === void 0) return void Object.assign(this.root, { mode: attrs.mode, uid: attrs.uid, gid: attrs.gid, layer: attrs.layer });
    let dir = this.root;
    const pending = parts.reverse();
    let links = 0;
    while (pending.length > 0) {
      const part = pending.pop() ?? "";
      if (part === "..") {
        dir = dir.parent ?? dir;
        continue;
      }
      let next = dir.children?.get(part);
      if (next && next.kind === "symlink" && next.layer === attrs.layer && ++links <= MAX_LINKS) {
        const target = next.target ?? "";
        if (target.startsWith("/")) dir = this.root;
        pending.push(...split2(target).reverse());
        continue;
      }
      if (next?.kind !== "dir") {
        next = dirNode(part, dir);
        dir.children?.set(part, next);
      }
      dir = next;
    }
    const old = dir.children?.get(name);
    if (old && old.kind === "dir" && attrs.kind === "dir") {
      Object.assign(old, { mode: attrs.mode, uid: attrs.uid, gid: attrs.gid, layer: attrs.layer });
      return;
    }
    const node = { name, parent: dir, children: attrs.kind === "dir" ? /* @__PURE__ */ new Map() : null, ...attrs };
    dir.children?.set(name, node);
  }
  /** A whiteout: the entry and everything below it. */
  remove(path) {
    const node = this.physical(path);
    if (node?.parent) node.parent.children?.delete(node.name);
  }
  /** An opaque directory: what lower layers put in it. */
  clear(path) {
    this.physical(path)?.children?.clear();
  }
  /** The node a path names, following symlinks inside the image; undefined when missing or looping. */
  lookup(path, followLast = true) {
    const pending = split2(path).reverse();
    let node = this.root;
    let links = 0;
    while (pending.length > 0) {
      const part = pending.pop() ?? "";
      if (part === "..") {
        node = node.parent ?? node;
        continue;
      }
      const child = node.children?.get(part);
      if (!child) return void 0;
      if (child.kind === "symlink" && (pending.length > 0 || followLast)) {
        if (++links > MAX_LINKS) return void 0;
        const target = child.target ?? "";
        if (target.startsWith("/")) node = this.root;
        pending.push(...split2(target).reverse());
        continue;
      }
      if (pending.length > 0 && child.kind !== "dir") return void 0;
      node = child;
    }
    return node;
  }
  /** The cleaned, root-relative path of a node. */
  pathOf(node) {
    const parts = [];
    for (let n = node; n?.parent; n = n.parent) parts.push(n.name);
    return parts.reverse().join("/");
  }
};

// src/sources/image/layer-index.ts
var MAX_FILE = 1 << 20;
var MAX_KEPT = 64 << 20;
var MAX_NEEDED = 16 << 20;
var MAX_PATH = 4096;
var MAX_WARNINGS2 = 50;
var MAX_NAMED = 256;
function followNamedSecrets(image, index, entries, namesSecrets, named3, sighted) {
  const digest = image.layers[index]?.digest ?? "";
  for (const e of entries) {
    const bytes2 = e.attrs.kind === "file" && e.attrs.data ? image.contents.get(dataKey(e.attrs.data)) : void 0;
    if (!bytes2) continue;
    const names2 = namesSecrets(e.path, bytes2);
    if (names2.length > 0 && !image.namers.some((n) => n.path === e.path && n.layer === digest)) image.namers.push({ path: e.path, layer: digest, sha256: createHash5("sha256").update(bytes2).digest("hex") });
    for (const p of names2) if (named3.size < MAX_NAMED) named3.add(posix6.isAbsolute(p) ? p : posix6.join("/", posix6.dirname(e.path), p));
  }
  for (const at of named3) {
    const node = image.tree.lookup(at);
    const layer = node?.kind === "file" ? image.layers[node.layer]?.digest : void 0;
    if (!node || layer === void 0) continue;
    const path = image.tree.pathOf(node);
    if (sighted.has(`${layer}
${path}`)) continue;
    sighted.add(`${layer}
${path}`);
    image.secrets.push({ path, layer, deleted_later: false });
  }
}
function isSecretsName(path) {
  return /(^|\/)(rsyncd?\.secrets|[^/]*\.secrets|rsync[^/]*secret[^/]*)$/i.test(path);
}
var dataKey = (d) => `${d.layer}:${d.seq}`;
function kindOf3(type) {
  switch (type) {
    case "file":
    case "contiguous-file":
    case null:
    case void 0:
      return "file";
    case "directory":
      return "dir";
    case "symlink":
      return "symlink";
    case "link":
      return "link";
    case "fifo":
    case "character-device":
    case "block-device":
      return "other";
    default:
      return void 0;
  }
}
async function indexLayers(layers, prefetch, need = () => false, onProgress, namesSecrets) {
  const limits = imageLimits();
  const { entries: maxEntries, nameBytes: maxNameChars } = limits;
  const image = { tree: new ImageTree(), layers, contents: /* @__PURE__ */ new Map(), secrets: [], namers: [], warnings: [], budget: new InflateBudget(limits.inflateBytes) };
  const named3 = /* @__PURE__ */ new Set();
  const sighted = /* @__PURE__ */ new Set();
  let kept = 0;
  let needed = 0;
  let count2 = 0;
  let dropped = 0;
  let names2 = 0;
  const warn = (message) => void (image.warnings.length < MAX_WARNINGS2 ? image.warnings.push(message) : dropped++);
  const told = (index) => onProgress?.({ layer: index + 1, layers: layers.length, bytes: limits.inflateBytes - image.budget.left });
  for (const [index, layer] of layers.entries()) {
    told(index);
    const entries = [];
    const whiteouts = [];
    const opaque = [];
    const here = /* @__PURE__ */ new Map();
    await walkLayer(
      layer,
      (header, seq, read) => {
        told(index);
        if (++count2 > maxEntries) throw new Error(`more than ${maxEntries} entries in the image; too many to index (${limitVariable("entries")})`);
        names2 += header.name.length + (header.linkname?.length ?? 0);
        if (names2 > maxNameChars) throw new Error(`entry names and link targets in the image add up to more than ${maxNameChars} bytes; too many to index (${limitVariable("nameBytes")})`);
        if (header.name.length > MAX_PATH) return warn(`layer ${layer.digest}: an entry name of ${header.name.length} bytes is longer than PATH_MAX; ignored`);
        if ((header.linkname?.length ?? 0) > MAX_PATH) return warn(`layer ${layer.digest}: a link target of ${header.linkname?.length ?? 0} bytes is longer than PATH_MAX; ignored`);
        const { path, climbed } = layerPath(header.name);
        if (climbed) warn(`layer ${layer.digest}: "${header.name}" leaves the image root; kept inside it at /${path}, where the runtime writes it`);
        if (path === "" && header.type !== "directory") return;
        const slash = path.lastIndexOf("/");
        const base = path.slice(slash + 1);
        const dir = slash < 0 ? "" : path.slice(0, slash);
        if (base === ".wh..wh..opq") return void opaque.push(dir);
        if (base.startsWith(".wh.")) return void (base.length > 4 && whiteouts.push(dir === "" ? base.slice(4) : `${dir}/${base.slice(4)}`));
        const kind = kindOf3(header.type);
        if (kind === void 0) return;
        const size = header.size ?? 0;
        const attrs = { kind: kind === "link" ? "file" : kind, mode: (header.mode ?? 420) & 4095, uid: header.uid ?? 0, gid: header.gid ?? 0, size, layer: index };
        if (kind === "symlink") attrs.target = header.linkname ?? "";
        if (kind === "file") attrs.data = { layer: index, seq };
        if (kind === "link") {
          const target = layerPath(header.linkname ?? "").path;
          const from = here.get(target) ?? image.tree.physical(target);
          if (!from || from.kind === "dir") {
            return warn(`layer ${layer.digest}: hard link ${path} points at ${header.linkname ?? "?"}, which this image does not have; ignored`);
          }
          Object.assign(attrs, { kind: from.kind, size: from.size, ...from.data ? { data: from.data } : {}, ...from.target !== void 0 ? { target: from.target } : {} });
        }
        if (attrs.kind === "file" && isSecretsName(path)) image.secrets.push({ path, layer: layer.digest, deleted_later: false });
        here.set(path, attrs);
        entries.push({ path, attrs });
        if (kind !== "file" || size > MAX_FILE) return;
        if (need(path) && needed + size <= MAX_NEEDED) needed += size;
        else if (prefetch(path) && kept + size <= MAX_KEPT) kept += size;
        else return;
        return read().then((bytes2) => void image.contents.set(`${index}:${seq}`, bytes2));
      },
      image.budget
    );
    for (const dir of opaque) image.tree.clear(dir);
    for (const path of whiteouts) image.tree.remove(path);
    for (const e of entries) image.tree.put(e.path, e.attrs);
    if (namesSecrets) followNamedSecrets(image, index, entries, namesSecrets, named3, sighted);
  }
  const seen = /* @__PURE__ */ new Set();
  image.secrets = image.secrets.filter((s) => {
    const key2 = `${s.layer}
${s.path}`;
    if (seen.has(key2)) return false;
    seen.add(key2);
    const now = image.tree.physical(s.path);
    s.deleted_later = !now || layers[now.layer]?.digest !== s.layer;
    return true;
  });
  if (dropped > 0) image.warnings.push(`${dropped} more warnings like these`);
  return image;
}

// src/sources/image/image-fs.ts
var ImageFs = class {
  constructor(image) {
    this.image = image;
  }
  image;
  /** Bytes `load` has read (not counting what indexing kept). */
  loaded = 0;
  get warnings() {
    return this.image.warnings;
  }
  get secrets() {
    return this.image.secrets;
  }
  /** The configs, in any layer (deleted later or not), that name a secrets file. */
  get secretsNamers() {
    return this.image.namers;
  }
  node(path) {
    return this.image.tree.lookup(path);
  }
  describe(node) {
    return { path: this.image.tree.pathOf(node), kind: node.kind, mode: node.mode, uid: node.uid, gid: node.gid, size: node.size, layer: this.image.layers[node.layer]?.digest ?? "" };
  }
  /** The entry a path names, links followed; undefined when missing, looping or dangling. */
  stat(path) {
    const n = this.node(path);
    return n ? this.describe(n) : void 0;
  }
  /** Whether anything (a link included, followed or not) is at the path: "present but unreadable" needs it. */
  exists(path) {
    return this.image.tree.lookup(path, false) !== void 0;
  }
  /** The names in a directory. */
  list(path) {
    const n = this.node(path);
    return n?.children ? [...n.children.keys()] : void 0;
  }
  /** Content when already read; undefined when not a regular file, not read yet, or over the caps. */
  content(path) {
    const n = this.node(path);
    return n?.data ? this.image.contents.get(dataKey(n.data)) : void 0;
  }
  /** Why content() is undefined for a regular file that exists, or null when it is readable. */
  unreadable(path, maxFile = MAX_FILE) {
    const n = this.node(path);
    if (n?.kind !== "file" || !n.data) return null;
    if (n.size > maxFile) return `larger than ${maxFile} bytes; not read`;
    return this.image.contents.has(dataKey(n.data)) ? null : `more than ${MAX_KEPT} bytes of files were asked for; not read`;
  }
  /**
   * Read the regular files these paths name (links followed), walking each layer that holds one once. The
   * sizes are known from the index, so the budget is shared out before any walk, in the order the paths
   * come: the first ones asked for are the ones read when there is not room for all. `maxFile` lets a
   * caller that needs a bigger file (a package database) raise the per-file cap for it, within the budget.
   */
  async load(paths, maxFile = () => MAX_FILE) {
    const wanted = /* @__PURE__ */ new Map();
    const taken = /* @__PURE__ */ new Set();
    for (const p of paths) {
      const n = this.node(p);
      const cap = maxFile(p);
      if (!n?.data || n.size > cap || this.image.contents.has(dataKey(n.data)) || taken.has(dataKey(n.data))) continue;
      if (this.loaded + n.size > MAX_KEPT) continue;
      this.loaded += n.size;
      taken.add(dataKey(n.data));
      const seqs = wanted.get(n.data.layer) ?? /* @__PURE__ */ new Map();
      seqs.set(n.data.seq, cap);
      wanted.set(n.data.layer, seqs);
    }
    for (const [index, seqs] of [...wanted].sort((a, b) => a[0] - b[0])) {
      const layer = this.image.layers[index];
      if (!layer) continue;
      await walkLayer(
        layer,
        // Checked again: the layer is read anew, and only its digest, checked at its end, says it is unchanged.
        (header, seq, read) => (header.size ?? 0) <= (seqs.get(seq) ?? -1) ? read().then((bytes2) => void this.image.contents.set(`${index}:${seq}`, bytes2)) : void 0,
        this.image.budget
      );
    }
  }
};

// src/sources/image/index.ts
async function indexImage(layers, prefetch, need, onProgress, namesSecrets) {
  return new ImageFs(await indexLayers(layers, prefetch, need, onProgress, namesSecrets));
}

// src/runner/image.ts
var PACKAGE_DBS = RELEASE_FILES;
var PACKAGE_DB_SET = new Set(RELEASE_FILES);
var ACCOUNT_DBS = [ACCOUNT_FILES.passwd, ACCOUNT_FILES.group, ACCOUNT_FILES.nsswitch];
function imageDisplayRef(fullRef) {
  return isLocalTransport(fullRef) ? fullRef : displayRef(fullRef);
}
async function readImage(image, onLayer) {
  const { config, argv, workdir, expand } = readImageConfig(image.config);
  const direct = launchFromArgv(argv);
  const hints = new Set(
    [...direct.configs, ...direct.programs].flatMap((w) => {
      const p = expand(w);
      return p === null ? [] : [inImage(p, workdir).slice(1)];
    })
  );
  const needed = /* @__PURE__ */ new Set([...hints, ...[...USUAL_CONFIG_PATHS, ...PACKAGE_DBS, ...ACCOUNT_DBS].map((p) => p.slice(1))]);
  const fs = await indexImage(
    image.layers,
    (p) => hints.has(p) || prefetchInImage(p),
    (p) => needed.has(p),
    onLayer,
    secretsNamedIn
  );
  const launch = await followScripts(fs, direct, workdir, expand);
  const required = launch.daemon && launch.unresolved.length === 0 ? launch.configs.length > 0 ? launch.configs : [DEFAULT_CONFIG_PATH] : launch.configs;
  await fs.load([...required, ...USUAL_CONFIG_PATHS, ...ACCOUNT_DBS, ...PACKAGE_DBS], (p) => PACKAGE_DB_SET.has(p) ? PACKAGE_DB_MAX_BYTES : MAX_FILE);
  const nsswitch = fs.content(ACCOUNT_FILES.nsswitch)?.toString("utf8");
  const accounts = { passwd: names(fs, ACCOUNT_FILES.passwd, nsswitch, "passwd"), group: names(fs, ACCOUNT_FILES.group, nsswitch, "group") };
  return { fs, launch, required, target: { repository: image.repository, digest: image.digest, config, layerSecrets: fs.secrets, startsDaemon: launch.daemon, daemonArgs: launch.daemonArgs, accounts } };
}
function names(fs, path, nsswitch, database) {
  const bytes2 = fs.content(path);
  return bytes2 ? accountNames(bytes2.toString("utf8"), nsswitch === void 0 ? void 0 : { text: nsswitch, database }) : null;
}
async function* imageTargets({ fs, target, launch, required }, ref, label2, today2) {
  const release = await imageRsyncRelease(fs);
  const error = (path, message, hint) => ({ target: { target: `${target.repository}:${path}`, label: `${label2} ${path}`, message, hint }, texts: [] });
  for (const word of launch.unresolved) {
    yield error(
      word,
      `${ref}: rsync --daemon, started by ${launch.startedBy.join(" and ")}, reads the config --config=${word}, which only the run-time environment resolves`,
      "Set the variable in the image (ENV) so the path is known, or scan the config the container really gets with `rsyncguard scan`."
    );
  }
  const usable = [];
  const done = /* @__PURE__ */ new Set();
  for (const path of [.../* @__PURE__ */ new Set([...required, ...USUAL_CONFIG_PATHS])]) {
    const why = unusableConfig(fs, path);
    if (why !== null) {
      if (required.includes(path)) {
        yield error(
          path,
          `${ref}: rsync --daemon, started by ${launch.startedBy.join(" and ")}, reads the config ${path}, which ${why}`,
          "Fix the --config path (or the link) in the image; if the config is mounted at run time, scan that file with `rsyncguard scan` instead."
        );
      } else if (fs.stat(path)?.kind === "file") {
        yield error(path, `${ref}: the config ${path} ${why}`, "Extract the file and scan it with `rsyncguard scan`.");
      }
      continue;
    }
    const real2 = fs.stat(path)?.path ?? path;
    if (done.has(real2)) continue;
    done.add(real2);
    usable.push(path);
  }
  let documents = 0;
  for (const parsed of await parseImageConfigs(fs, usable)) {
    if (parsed.incomplete) {
      yield error(
        parsed.path,
        `${ref}: the config ${parsed.path} pulls in files through more than ${MAX_ROUNDS} levels of includes that had to be read one level at a time; not evaluated`,
        "Extract the config and what it includes and scan them with `rsyncguard scan`."
      );
      continue;
    }
    const doc = imageDocument({ ...target, ref, label: label2, release }, parsed, today2);
    documents++;
    yield { target: doc, texts: parsed.texts };
    if (release.refused && release.refused.length > 0) {
      yield {
        target: {
          target: doc.target.id,
          label: doc.target.display,
          message: `${ref}: not fully read: ${release.refused.join("; ")}; the rsync version and its vulnerabilities rest on what could be read`,
          hint: "Repair or regenerate the file in the image (the package manager rewrites its database), then scan it again; the message names each file and why."
        },
        texts: []
      };
    }
  }
  const namer = fs.secretsNamers[0];
  if (documents === 0 && fs.secrets.length > 0 && (namer !== void 0 || launch.daemon)) {
    const doc = imageLayerSecretsDocument({ ...target, ref, label: label2, release }, namer, required[0] ?? DEFAULT_CONFIG_PATH, today2);
    yield { target: doc, texts: [] };
  }
}
function checkSettings(fullRef, opts) {
  const limits = readImageLimits();
  if (!limits.ok) return limits.error;
  if (opts.dockerConfig === void 0 && (isLocalTransport(fullRef) || opts.paths === true && isLocalPath(fullRef))) return void 0;
  const config = readDockerConfig(opts.dockerConfig);
  return config.ok ? void 0 : config.error;
}
async function scanImage(fullRef, opts) {
  const setting = checkSettings(fullRef, opts);
  if (setting !== void 0) return fail({ kind: "setting", error: setting });
  let image;
  try {
    image = await openImage(fullRef, opts, { paths: opts.paths === true });
  } catch (e) {
    return readFailure(e);
  }
  try {
    const read = await readImage(image, opts.onLayer);
    const shown2 = imageDisplayRef(fullRef);
    const scan = { facts: [], repository: image.repository, labels: /* @__PURE__ */ new Map(), warnings: [], texts: /* @__PURE__ */ new Map() };
    for await (const { target, texts } of imageTargets(read, shown2, imageLabel(shown2, image, opts.paths === true), opts.today)) {
      scan.facts.push(target);
      if ("schema" in target) scan.labels.set(target.target.id, target.target.display);
      else if (target.label !== void 0) scan.labels.set(target.target, target.label);
      for (const [path, text3] of texts) scan.texts.set(path, text3);
    }
    return ok({ ...scan, warnings: [...image.warnings ?? [], ...read.fs.warnings] });
  } catch (e) {
    const lost = image.unavailable?.();
    return readFailure(lost !== void 0 && !(e instanceof EnvironmentFailure) ? new EnvironmentFailure(lost) : e);
  } finally {
    image.close();
  }
}
function readFailure(e) {
  if (!isReadFailure(e)) throw e;
  return fail({ kind: failureKind(e), message: errorMessage(e) });
}

// src/cli/commands/image.ts
var imageCommand = {
  name: "image",
  usage: "image REF",
  summary: "Evaluate a container image: a local FILE or DIR (its form sniffed), docker-archive:FILE[:REF], oci-archive:FILE[:TAG], oci:DIR[:TAG], or a registry reference",
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    platform: { type: "string", valueName: "OS/ARCH", help: "Which image of a multi-platform index", default: "linux/amd64" },
    "insecure-registry": INSECURE_REGISTRY_OPTION,
    "docker-config": { type: "string", valueName: "FILE", help: 'Docker config.json with registry "auths" (default $DOCKER_CONFIG/config.json or ~/.docker/config.json)' },
    "layer-cache": { type: "string", valueName: "DIR", help: "Cache registry layers by digest here (default ~/.cache/rsyncguard/layers, 2 GiB)" },
    "no-layer-cache": { type: "boolean", help: "Do not cache registry layers" }
  },
  async run(argv) {
    const taken = takeBareInsecureRegistry(argv);
    const args = parseCommandArgs(this, taken.argv);
    const insecure = insecureRegistries(args, taken.bare);
    if (insecure instanceof UserError) return insecure;
    const [ref, ...extra] = args.positionals;
    if (ref === void 0 || extra.length > 0) return new UserError("image takes exactly one image reference", void 0, "rsyncguard image docker-archive:rsyncd.tar");
    const shown2 = imageDisplayRef(ref);
    const progress = progressFor(args);
    let configs;
    const dockerConfig = stringOption(args, "docker-config");
    const loaded = await policiesFor(stringOption(args, "policy"));
    if (!loaded.ok) return loaded.error;
    const policies = loaded.value;
    const read = readBaselineOption(args);
    if (!read.ok) return read.error;
    const baseline = read.value;
    const onEvaluated = evaluationProgress(progress, "image", () => configs);
    const evaluate = (targets) => evaluateTargets(targets, { policies, waiverFile: stringOption(args, "waivers"), inlineWaivers: args.values["no-inline-waivers"] !== true, onEvaluated });
    const unread = async (message, hint) => {
      const evaluated2 = await evaluate([{ target: shown2, message, hint }]);
      progress.clear();
      if (!evaluated2.ok) return evaluated2.error;
      const report2 = withBaseline(evaluated2.value, baseline);
      return renderReport(report2, args, { texts: /* @__PURE__ */ new Map(), kind: "image" }) ?? judgeReport(report2, args);
    };
    const scan = await scanImage(ref, {
      platform: stringOption(args, "platform") ?? "linux/amd64",
      insecure,
      // A path here is the image it holds (sniffed), never a name sent to a registry.
      paths: true,
      ...dockerConfig !== void 0 ? { dockerConfig } : {},
      ...args.values["no-layer-cache"] === true ? {} : { cache: { dir: stringOption(args, "layer-cache") ?? defaultCacheDir(), maxBytes: DEFAULT_CACHE_BYTES } },
      today: today(),
      onLayer: layerProgress(progress)
    });
    progress.clear();
    if (!scan.ok) {
      if (scan.error.kind === "setting") return scan.error.error;
      const hint = scan.error.kind === "environment" ? "Check the reference, the network and the registry credentials (--docker-config), then run it again." : "Check the reference, and that the image is intact.";
      return unread(`cannot read the image: ${scan.error.message}`, hint);
    }
    for (const w of scan.value.warnings) progress.warn(`rsyncguard image: ${shown2}: ${w}`);
    if (scan.value.facts.length === 0) progress.warn(`rsyncguard image: ${shown2}: no rsyncd configuration in the image.`);
    configs = scan.value.facts.length;
    const evaluated = await evaluate(scan.value.facts);
    progress.clear();
    if (!evaluated.ok) return evaluated.error;
    const report = labelImageReport(withBaseline(evaluated.value, baseline), scan.value.labels);
    const failed2 = renderReport(report, args, { texts: scan.value.texts, kind: "image", name: scan.value.repository });
    return failed2 ?? judgeReport(report, args);
  }
};

// src/cli/commands/rules.ts
var rulesCommand = {
  name: "rules",
  usage: "rules [--cves]",
  summary: "List the rule catalog (id, severity, title, CWE, compliance controls)",
  options: {
    format: formatOption(RULES_FORMATS),
    cves: { type: "boolean", help: "List every known rsync vulnerability with the rule that covers it, its condition, severity and fixed version" },
    output: { type: "string", short: "o", valueName: "FILE", help: "Write the result to FILE instead of standard output" }
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    if (args.values["cves"] === true) {
      const format2 = pickFormat(CVE_FORMATS, stringOption(args, "format") ?? "text");
      if (!format2.ok) return format2.error;
      return writeOutput(format2.value.render(cveListing(), {}), stringOption(args, "output")) ?? EXIT_OK;
    }
    const format = pickFormat(RULES_FORMATS, stringOption(args, "format") ?? "text");
    if (!format.ok) return format.error;
    const policy = builtinPolicy();
    if (!policy.ok) return policy.error;
    const failed2 = writeOutput(format.value.render(policy.value.rules, {}), stringOption(args, "output"));
    return failed2 ?? EXIT_OK;
  }
};

// src/cli/commands/sweep.ts
import { constants as osConstants } from "node:os";

// src/runner/history.ts
import { closeSync as closeSync4, constants as constants4, fsyncSync as fsyncSync2, linkSync, lstatSync as lstatSync4, mkdirSync as mkdirSync2, openSync as openSync4, readdirSync as readdirSync4, statSync as statSync7, unlinkSync, writeSync as writeSync2 } from "node:fs";
import { join as join10 } from "node:path";

// src/report/trend.ts
var DAY_MS = 864e5;
function daysBetween(from, to) {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS * 10) / 10);
}
function compareRunFiles(a, b) {
  const key2 = (f) => {
    const m = /^(.*?)(?:-(\d+))?\.jsonl$/.exec(f);
    return m ? [m[1] ?? f, Number(m[2] ?? 1)] : [f, 0];
  };
  const [ba, na] = key2(a);
  const [bb, nb] = key2(b);
  return ba < bb ? -1 : ba > bb ? 1 : na - nb;
}
function runSummary(run2) {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  let evaluated = 0;
  let waived = 0;
  for (const r of run2.records) {
    if (r.status === "ok") evaluated++;
    for (const f of r.findings) {
      if (f.waived === true) waived++;
      else counts[f.severity]++;
    }
  }
  return { at: run2.at, file: run2.file, hosts: run2.records.length, evaluated, unreachable: run2.records.length - evaluated, counts, waived };
}
function fold(state, rec, at) {
  state.group = rec.group;
  state.status = rec.status;
  state.last_listed = at;
  if (rec.status === "ok") {
    state.streak = 0;
    state.last_ok = at;
  } else state.streak++;
  const seen = /* @__PURE__ */ new Set();
  for (const f of rec.findings) {
    seen.add(f.fingerprint);
    const t = state.findings.get(f.fingerprint);
    if (t === void 0) {
      state.findings.set(f.fingerprint, { rule_id: f.rule_id, severity: f.severity, module: f.module, message: f.message, first_seen: at, last_seen: at, fixed_at: null, regressions: 0, present: true, waived: f.waived === true });
      continue;
    }
    if (!t.present) {
      t.regressions++;
      t.fixed_at = null;
      t.present = true;
    }
    Object.assign(t, { rule_id: f.rule_id, severity: f.severity, module: f.module, message: f.message, last_seen: at, waived: f.waived === true });
  }
  if (rec.status !== "ok") return;
  for (const [fingerprint, t] of state.findings) {
    if (t.present && !seen.has(fingerprint)) {
      t.present = false;
      t.fixed_at = at;
    }
  }
}
function hostFindings(state) {
  const out = [];
  for (const [fingerprint, t] of state.findings) {
    const shown2 = !t.present ? "fixed" : t.regressions > 0 ? "regressed" : "open";
    out.push({
      rule_id: t.rule_id,
      severity: t.severity,
      module: t.module,
      fingerprint,
      message: t.message,
      first_seen: t.first_seen,
      last_seen: t.last_seen,
      fixed_at: t.fixed_at,
      regressions: t.regressions,
      state: shown2,
      waived: t.present && t.waived,
      open_days: daysBetween(t.first_seen, t.fixed_at ?? state.last_listed)
    });
  }
  const order = { regressed: 0, open: 1, fixed: 2 };
  return out.sort((a, b) => order[a.state] - order[b.state] || severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id) || a.fingerprint.localeCompare(b.fingerprint));
}
function ruleSummaries(hosts) {
  const rules = /* @__PURE__ */ new Map();
  for (const h of hosts) {
    const perRule = /* @__PURE__ */ new Map();
    for (const f of h.findings) perRule.set(f.rule_id, [...perRule.get(f.rule_id) ?? [], f]);
    for (const [id, fs] of perRule) {
      const r = rules.get(id) ?? { rule_id: id, severity: fs[0]?.severity ?? "low", open: 0, fixed: 0, regressed: 0, waived: 0 };
      for (const f of fs) if (severityRank(f.severity) > severityRank(r.severity)) r.severity = f.severity;
      const open = fs.filter((f) => f.state !== "fixed");
      if (open.length > 0) r.open++;
      else r.fixed++;
      if (open.length > 0 && open.every((f) => f.waived === true)) r.waived = (r.waived ?? 0) + 1;
      if (fs.some((f) => f.state === "regressed")) r.regressed++;
      rules.set(id, r);
    }
  }
  return [...rules.values()].sort((a, b) => b.open - a.open || severityRank(b.severity) - severityRank(a.severity) || a.rule_id.localeCompare(b.rule_id));
}
function trendBuilder(version) {
  const states = /* @__PURE__ */ new Map();
  const runs = [];
  return {
    add(run2) {
      runs.push(runSummary(run2));
      const lines = new Map(run2.records.map((r) => [r.host, r]));
      for (const [host, rec] of lines) {
        const s = states.get(host) ?? { group: rec.group, status: rec.status, streak: 0, last_ok: null, last_listed: run2.at, findings: /* @__PURE__ */ new Map() };
        fold(s, rec, run2.at);
        states.set(host, s);
      }
    },
    finish() {
      const hosts = [...states].sort(([a], [b]) => a.localeCompare(b)).map(([host, s]) => ({ host, group: s.group, status: s.status, unreachable_runs: s.streak, last_ok: s.last_ok, findings: hostFindings(s) }));
      return { tool: { name: "rsyncguard", version }, runs, hosts, rules: ruleSummaries(hosts) };
    }
  };
}

// src/report/trend-record.ts
var NOT_EVALUATED = "not-evaluated";
function historyRecords(report, hosts, hostOf3, at) {
  const prints = reportFingerprints(report);
  const findingsOf = /* @__PURE__ */ new Map();
  for (const t of report.targets) {
    const h = hostOf3(t.target);
    const list = findingsOf.get(h) ?? [];
    for (const f of t.findings) list.push({ f, waived: false });
    for (const w of t.waived) list.push({ f: w.finding, waived: true });
    findingsOf.set(h, list);
  }
  const errorsOf = /* @__PURE__ */ new Map();
  for (const e of report.errors) {
    const h = hostOf3(e.target);
    errorsOf.set(h, [...errorsOf.get(h) ?? [], e.message]);
  }
  return hosts.map((h) => {
    const base = { at, host: h.host, group: h.group };
    if (h.status !== "ok") return { ...base, status: h.status, reason: h.reason, findings: [] };
    const findings = (findingsOf.get(h.host) ?? []).map(({ f, waived }) => ({
      fingerprint: prints.get(f) ?? "",
      rule_id: f.rule_id,
      severity: f.severity,
      module: f.module,
      path: f.path,
      message: f.message,
      ...waived ? { waived: true } : {}
    }));
    const errors = errorsOf.get(h.host);
    return errors === void 0 ? { ...base, status: "ok", reason: h.reason, findings } : { ...base, status: NOT_EVALUATED, reason: errors.join("; "), findings };
  });
}
var isSeverity = (v) => typeof v === "string" && SEVERITIES.includes(v);
var nonEmpty = (v) => typeof v === "string" && v !== "";
var AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;
function parseFinding(v) {
  if (!isObject(v)) return "a finding is not an object";
  const { fingerprint, rule_id, severity, module, path, message, waived } = v;
  if (!nonEmpty(fingerprint) || !nonEmpty(rule_id)) return "a finding has no fingerprint or rule_id";
  if (!isSeverity(severity)) return `finding ${rule_id}: severity ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(", ")}`;
  if (module !== null && typeof module !== "string") return `finding ${rule_id}: module is neither a string nor null`;
  if (typeof path !== "string" || typeof message !== "string") return `finding ${rule_id}: path or message is not a string`;
  if (waived !== void 0 && typeof waived !== "boolean") return `finding ${rule_id}: waived is not true or false`;
  return { fingerprint, rule_id, severity, module, path, message, ...waived === true ? { waived } : {} };
}
function parseHistoryRecord(v) {
  if (!isObject(v)) return "not a history line (an object)";
  const { at, host, group, status, reason, findings } = v;
  if (typeof at !== "string" || !AT.test(at) || Number.isNaN(Date.parse(at))) return 'no valid "at" (an ISO 8601 UTC time)';
  if (!nonEmpty(host) || typeof group !== "string" || !nonEmpty(status) || typeof reason !== "string") return "not a history line (host, group, status, reason)";
  if (!Array.isArray(findings)) return `host ${host}: findings is not a list`;
  const parsed = [];
  for (const f of findings) {
    const p = parseFinding(f);
    if (typeof p === "string") return `host ${host}: ${p}`;
    parsed.push(p);
  }
  return { at, host, group, status, reason, findings: parsed };
}

// src/runner/history.ts
var HISTORY_FILE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?\.jsonl$/;
var RUN_INPUT = { what: "the history file", maxBytes: 256 * MiB, hint: "History files are written by rsyncguard sweep --history; remove or move files that are not." };
var MAX_COLLISIONS = 1e3;
function historyFileName(startedAt, n = 1) {
  const stamp = startedAt.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
  return n === 1 ? `${stamp}.jsonl` : `${stamp}-${n}.jsonl`;
}
function prepareHistoryDir(dir) {
  const hint = "Give --history a directory you can write (it is created if missing).";
  try {
    mkdirSync2(dir, { recursive: true, mode: 448 });
  } catch (e) {
    if (systemErrorCode(e) === "EEXIST") return fail(new UserError("--history is not a directory", dir, hint));
    return fail(new UserError(`--history: cannot create the directory: ${errorMessage(e)}`, dir, hint));
  }
  try {
    if (!statSync7(dir).isDirectory()) return fail(new UserError("--history is not a directory", dir, hint));
    const probe = join10(dir, `.probe-${process.pid}-${Date.now()}`);
    closeSync4(openSync4(probe, constants4.O_WRONLY | constants4.O_CREAT | constants4.O_EXCL, 384));
    unlinkSync(probe);
  } catch (e) {
    return fail(new UserError(`--history: the directory cannot be written: ${errorMessage(e)}`, dir, hint));
  }
  return ok(void 0);
}
function writeHistory(dir, records, startedAt) {
  const tmp = join10(dir, `.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const hint = "Free space or fix the directory; this sweep is not in the history.";
  try {
    const fd = openSync4(tmp, constants4.O_WRONLY | constants4.O_CREAT | constants4.O_EXCL | constants4.O_NOFOLLOW, 384);
    try {
      for (const r of records) writeSync2(fd, `${JSON.stringify(r)}
`);
      fsyncSync2(fd);
    } finally {
      closeSync4(fd);
    }
    for (let n = 1; n <= MAX_COLLISIONS; n++) {
      const file = join10(dir, historyFileName(startedAt, n));
      try {
        linkSync(tmp, file);
        return ok(file);
      } catch (e) {
        if (systemErrorCode(e) !== "EEXIST") throw e;
      }
    }
    return fail(new UserError(`--history: ${MAX_COLLISIONS} runs already started in the same second`, dir, hint));
  } catch (e) {
    return fail(new UserError(`--history: this sweep's results could not be written: ${errorMessage(e)}`, dir, hint));
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
    }
  }
}
function parseHistoryFile(text3, file, warn) {
  const lines = text3.split("\n");
  const out = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let v;
    try {
      v = JSON.parse(line);
    } catch {
      const torn = i === lines.length - 1;
      warn(`${file}:${i + 1}: ${torn ? "the last line was cut short (an interrupted write or copy)" : "not JSON"}: ignored`);
      continue;
    }
    const r = parseHistoryRecord(v);
    const first = out[0];
    if (typeof r === "string") warn(`${file}:${i + 1}: ${r}: ignored`);
    else if (first !== void 0 && r.at !== first.at) warn(`${file}:${i + 1}: "at" ${r.at} is not this sweep's (${first.at}, its first line's): ignored`);
    else out.push(r);
  }
  return out;
}
function firstAt(text3) {
  for (const line of text3.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const r = parseHistoryRecord(JSON.parse(line));
      if (typeof r !== "string") return r.at;
    } catch {
    }
  }
  return void 0;
}
function nameTime(name) {
  return `${name.slice(0, 13)}:${name.slice(14, 16)}:${name.slice(17, 19)}`;
}
function historyFiles(dir, warn) {
  const hint = "Give the directory sweep --history wrote.";
  let st;
  try {
    st = statSync7(dir);
  } catch (e) {
    return fail(new UserError(`cannot read the history directory: ${errorMessage(e)}`, dir, hint));
  }
  if (!st.isDirectory()) return fail(new UserError("the history directory is not a directory", dir, hint));
  let names2;
  try {
    names2 = readdirSync4(dir).filter((n) => HISTORY_FILE.test(n));
  } catch (e) {
    return fail(new UserError(`cannot read the history directory: ${errorMessage(e)}`, dir, hint));
  }
  const files = [];
  for (const n of names2.sort(compareRunFiles)) {
    try {
      if (lstatSync4(join10(dir, n)).isFile()) files.push(n);
      else warn(`${join10(dir, n)}: not a regular file: ignored`);
    } catch (e) {
      warn(`${join10(dir, n)}: ${errorMessage(e)}: ignored`);
    }
  }
  return ok(files);
}
function runsInTimeOrder(dir, names2, warn) {
  const dated = names2.map((name) => {
    const bytes2 = readInputFile(join10(dir, name), RUN_INPUT);
    const at = bytes2.ok ? firstAt(bytes2.value.toString("utf8")) : void 0;
    if (at !== void 0 && at.slice(0, 19) !== nameTime(name)) warn(`${join10(dir, name)}: its lines say the sweep started ${at}, its name ${nameTime(name)}Z: ordered by its lines' time`);
    return { name, at: at ?? `${nameTime(name)}Z` };
  });
  return dated.sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : compareRunFiles(a.name, b.name)).map((d) => d.name);
}
function readHistory(dir, each, warn) {
  const files = historyFiles(dir, warn);
  if (!files.ok) return files;
  let runs = 0;
  for (const name of runsInTimeOrder(dir, files.value, warn)) {
    const path = join10(dir, name);
    const bytes2 = readInputFile(path, RUN_INPUT);
    if (!bytes2.ok) {
      warn(`${path}: ${bytes2.error.message}: ignored`);
      continue;
    }
    const records = parseHistoryFile(bytes2.value.toString("utf8"), path, warn);
    const first = records[0];
    if (first === void 0) {
      warn(`${path}: no history line: ignored`);
      continue;
    }
    each({ file: name, at: first.at, records });
    runs++;
  }
  return ok(runs);
}
function recordSweep(dir, report, hosts, hostOf3, startedAt, warn) {
  const written = writeHistory(dir, historyRecords(report, hosts, hostOf3, startedAt.toISOString()), startedAt);
  if (!written.ok) return written;
  const trend = trendBuilder(VERSION);
  const read = readHistory(dir, (run2) => trend.add(run2), warn);
  return read.ok ? ok(trend.finish()) : read;
}

// src/cli/commands/sweep.ts
var sweepCommand = {
  name: "sweep",
  usage: "sweep --inventory FILE",
  summary: "Collect from many hosts over SSH (the system ssh client) and evaluate them; every host accounted for",
  options: {
    ...REPORT_OPTIONS,
    format: formatOption(FLEET_FORMATS),
    inventory: { type: "string", valueName: "FILE", help: "Hosts: rsyncguard YAML, an Ansible INI/YAML inventory (with its group_vars/ and host_vars/), or `ansible-inventory --list` JSON; - reads standard input (required)" },
    concurrency: { type: "string", valueName: "N", help: "Hosts swept at once (1 to 1024)", default: "16" },
    "connect-timeout": { type: "string", valueName: "SECONDS", help: "SSH connect timeout per host (1 to 3600)", default: "10" },
    timeout: { type: "string", valueName: "SECONDS", help: "Total time allowed per host (1 to 86400)", default: "60" },
    "max-output": { type: "string", valueName: "BYTES", help: "Largest collector output accepted per host (up to 1 GiB)", default: String(16 << 20) },
    "ssh-config": { type: "string", valueName: "FILE", help: "ssh_config to use (ssh -F) instead of the user's" },
    "accept-new-host-keys": { type: "boolean", help: "Trust unknown host keys on first use (StrictHostKeyChecking=accept-new); changed keys are still refused" },
    results: { type: "string", valueName: "FILE", help: "Append each host's outcome to this JSON Lines file as it arrives; SIGINT/SIGTERM stop every ssh session and keep it" },
    resume: { type: "boolean", help: "Skip the hosts --results already has as done (a last line torn by an interrupted write is cut off first)" },
    history: { type: "string", valueName: "DIR", help: "Keep this sweep's results in DIR (one JSON Lines file per sweep, named by its UTC start) for rsyncguard trend DIR; the HTML report gets the trend chart" }
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const file = stringOption(args, "inventory");
    if (file === void 0) return new UserError("sweep needs --inventory FILE", void 0, "See docs/fleet.md for the inventory formats.");
    const inventory = await readInventory(file);
    if (!inventory.ok) return inventory.error;
    const progress = progressFor(args);
    for (const note of inventory.value.notes) progress.warn(`rsyncguard sweep: ${note}`);
    const hosts = inventory.value.hosts;
    const numbers = numberOptions(args, {
      concurrency: { min: 1, max: 1024, fallback: 16 },
      "connect-timeout": { min: 1, max: 3600, fallback: 10 },
      timeout: { min: 1, max: 86400, fallback: 60 },
      "max-output": { min: 1, max: 1024 * MiB, fallback: 16 * MiB }
    });
    if (!numbers.ok) return numbers.error;
    const n = numbers.value;
    const collector = readCollector();
    if (!collector.ok) return collector.error;
    const policies = await policiesFor(stringOption(args, "policy"));
    if (!policies.ok) return policies.error;
    const baseline = readBaselineOption(args);
    if (!baseline.ok) return baseline.error;
    const history = stringOption(args, "history");
    if (history !== void 0) {
      const ready = prepareHistoryDir(history);
      if (!ready.ok) return ready.error;
    }
    const startedAt = /* @__PURE__ */ new Date();
    const sshConfig = stringOption(args, "ssh-config");
    const results = stringOption(args, "results");
    const options = {
      concurrency: n.concurrency,
      ssh: {
        ...sshConfig !== void 0 ? { sshConfig } : {},
        connectTimeoutSeconds: n["connect-timeout"],
        totalTimeoutMs: n.timeout * 1e3,
        maxOutputBytes: n["max-output"],
        acceptNewHostKeys: args.values["accept-new-host-keys"] === true
      },
      ...results !== void 0 ? { results } : {},
      resume: args.values["resume"] === true,
      ...progress.active ? { progress: (done, failed3, remaining) => progress.update(() => `sweep: ${done} done (${failed3} failed), ${remaining} remaining`) } : {},
      warn: (m) => progress.warn(`rsyncguard sweep: ${m}`)
    };
    const stop = stopOnSignals();
    const swept = await sweep(hosts, collector.value.toString("utf8"), { ...options, signal: stop.signal }).finally(() => stop.release());
    if (!swept.ok) return swept.error;
    const outcomes = swept.value;
    if (stop.received !== null) {
      const left = hosts.length - outcomes.length;
      progress.clear();
      process.stderr.write(
        `rsyncguard sweep: interrupted by ${stop.received}: every ssh session was stopped; ${outcomes.length} of ${hosts.length} hosts done, ${left} not swept. ${results !== void 0 ? `Outcomes so far are in ${results}: run the same command with --resume to sweep the rest.` : "Give --results FILE to keep outcomes across interruptions."}
`
      );
      return 128 + (osConstants.signals[stop.received] ?? 0);
    }
    progress.clear();
    const day = today();
    const groupOf = /* @__PURE__ */ new Map();
    const hostOf3 = /* @__PURE__ */ new Map();
    const notesOf = /* @__PURE__ */ new Map();
    async function* targets() {
      for (const o of outcomes) {
        if (o.status !== "ok" || !o.raw) {
          groupOf.set(o.host, o.group);
          hostOf3.set(o.host, o.host);
          yield { target: o.host, message: `${o.status}: ${o.reason}` };
          continue;
        }
        const notes = hostErrors(o.raw).notFollowed;
        for (const n2 of notes) progress.warn(`rsyncguard sweep: ${o.host}: ${n2}`);
        notesOf.set(o.host, notes);
        const docs = await hostFacts(o.raw, { probe: false, today: day });
        if (docs.length === 0) {
          hostOf3.set(o.host, o.host);
          progress.warn(`rsyncguard sweep: ${o.host}: no rsync daemon configuration found (verified rsync daemons: ${o.raw.processes.filter((p) => p.trust === void 0 || p.trust === "rsync").length}).`);
        }
        for (const d of docs) {
          groupOf.set(d.target.id, o.group);
          hostOf3.set(d.target.id, o.host);
          yield d;
        }
      }
    }
    const evaluated = await evaluateTargets(targets(), {
      policies: policies.value,
      waiverFile: stringOption(args, "waivers"),
      inlineWaivers: args.values["no-inline-waivers"] !== true,
      // Facts kept deflated: the JSON report of a large fleet holds every host's.
      storeFacts: true
    });
    if (!evaluated.ok) return evaluated.error;
    let report = evaluated.value;
    for (const [host, notes] of notesOf) report = withHostNotes(report, notes, (t) => hostOf3.get(t) === host, host);
    report = withBaseline(report, baseline.value);
    const textsOf = new Map(outcomes.map((o) => [o.host, o.raw ? hostTexts(o.raw) : []]));
    const texts = new Map([...hostOf3].flatMap(([target, host]) => (textsOf.get(host) ?? []).map(([path, text3]) => [textKey(target, path), text3])));
    const said = (m) => progress.warn(`rsyncguard sweep: ${m}`);
    const trend = history === void 0 ? void 0 : recordSweep(history, report, outcomes, (t) => hostOf3.get(t) ?? t, startedAt, said);
    if (trend !== void 0 && !trend.ok) return trend.error;
    const failed2 = renderWith(FLEET_FORMATS, report, args, {
      ...renderContext(args, { texts, category: "rsyncguard/fleet/" }),
      ...trend !== void 0 ? { trend: trend.value } : {},
      hostOf: (t) => hostOf3.get(t) ?? t,
      groupOf: (t) => groupOf.get(t) ?? "ungrouped",
      // The CSV's row per host: every host swept, read or not, with what became of it.
      swept: outcomes
    });
    return failed2 ?? judgeReport(report, args);
  }
};

// src/cli/commands/trend.ts
var HINT = "rsyncguard sweep --inventory hosts.yml --history DIR keeps one file per sweep; then rsyncguard trend DIR.";
var trendCommand = {
  name: "trend",
  usage: "trend DIR",
  summary: "A fleet over time from sweep --history DIR: per host and rule, first seen, fixed, regressed, open days, hosts not swept",
  options: {
    format: { ...formatOption(TREND_FORMATS), default: "markdown" },
    output: { type: "string", short: "o", valueName: "FILE", help: "Write the report to FILE instead of standard output" }
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const [dir, ...extra] = args.positionals;
    if (dir === void 0 || extra.length > 0) return new UserError("trend needs one directory: the one sweep --history wrote", void 0, HINT);
    const format = pickFormat(TREND_FORMATS, stringOption(args, "format") ?? "markdown");
    if (!format.ok) return format.error;
    const trend = trendBuilder(VERSION);
    let skipped = 0;
    const read = readHistory(
      dir,
      (run2) => trend.add(run2),
      (m) => {
        skipped++;
        warnLine(`rsyncguard trend: ${m}`);
      }
    );
    if (!read.ok) return read.error;
    if (read.value === 0) return new UserError("no sweep recorded in the history directory", dir, HINT);
    const failed2 = writeOutput(format.value.render(trend.finish(), {}), stringOption(args, "output"));
    return failed2 ?? (skipped > 0 ? EXIT_ERROR : EXIT_OK);
  }
};

// src/cli/commands.ts
var COMMANDS = [scanCommand, fixCommand, hostCommand, sweepCommand, trendCommand, imageCommand, factsCommand, evalCommand, accessCommand, admissionCommand, rulesCommand];
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
    "Options: -h, --help this help; -v, -V, --version the version.",
    'Run "rsyncguard <command> --help" for its options.',
    ""
  ].join("\n");
}
function commandHelp(c) {
  const flag = (name, o) => `${o.short !== void 0 ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : ""}`;
  const lines = Object.entries(c.options).map(([name, o]) => {
    const more = `${o.multiple === true ? " (repeatable)" : ""}${o.default !== void 0 ? ` (default: ${o.default})` : ""}`;
    return `  ${flag(name, o).padEnd(32)} ${o.help}${more}`;
  });
  lines.push(`  ${flag("help", { type: "boolean", short: "h" }).padEnd(32)} Show this help`);
  return [`Usage: rsyncguard ${c.usage}`, "", c.summary, "", "Options:", ...lines, ""].join("\n");
}

// src/cli/run.ts
async function run(argv) {
  const [name, ...rest] = argv[0] === "help" && argv[1] !== void 0 ? [argv[1], "--help"] : argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(mainHelp());
    return name === void 0 ? EXIT_ERROR : EXIT_OK;
  }
  if (name === "--version" || name === "-V" || name === "-v") {
    process.stdout.write(`rsyncguard ${VERSION}
`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const names2 = COMMANDS.map((c) => c.name);
    const said = name.startsWith("-") ? beforeCommand(name) : `unknown command "${name}"${didYouMean(name, names2, (n) => `"${n}"`) || "."}`;
    process.stderr.write(`rsyncguard: ${escapeControls(said)}
  hint: Commands: ${names2.join(", ")}. See rsyncguard --help.
`);
    return EXIT_ERROR;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  return runCommand(command, rest);
}
function beforeCommand(arg) {
  const long = arg.startsWith("--");
  const option = long ? arg.slice(2).split("=")[0] ?? "" : arg.slice(1, 2);
  const has = (c) => long ? Object.hasOwn(c.options, option) : Object.values(c.options).some((o) => o.short === option);
  const owner = COMMANDS.find((c) => c.name === "scan" && has(c)) ?? COMMANDS.find(has);
  if (owner !== void 0) return `unknown option "${arg}" before a command: options follow it (rsyncguard ${owner.name} ${arg} \u2026)`;
  if (long && (option === "version" || option === "help")) return `--${option} takes no value: write rsyncguard --${option}`;
  const top = long ? didYouMean(option, ["help", "version"], (n) => `--${n}`) : "";
  return `unknown option "${arg}"${top || "; before a command rsyncguard takes only -h/--help and -V/--version"}`;
}
export {
  run
};
