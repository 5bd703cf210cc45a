// Schema validation of one Kubernetes object, offline, with unknown fields rejected.
//
// Core kinds (and ServiceMonitor/PodMonitor) use the validators that kubernetes-models and
// @kubernetes-models/prometheus-operator ship: Ajv code compiled from the Kubernetes OpenAPI document
// (kubernetes-models 5.1.0: Kubernetes 1.34) and from the Prometheus Operator CRDs. They ship no JSON
// Schema to re-compile, and their code ignores fields it does not know. So each object is handed to
// them behind a Proxy that records every property the validator reads: a compiled validator reads every
// property its schema names (and every key of a map it validates, such as labels), so a key of the
// object that was never read at that place is a field the schema does not have -> "unknown field".
//
// Kinds of the operators (Strimzi, CloudNativePG, Keycloak) use their CRDs, vendored under
// deploy/k8s/crds/<operator>-<version>/, compiled with Ajv after a "strict" transform: every object
// schema without additionalProperties and without x-kubernetes-preserve-unknown-fields: true gets
// additionalProperties: false (as the API server prunes, and rejects with --validate=strict, such
// fields); preserve-unknown-fields subtrees stay open. metadata is validated against ObjectMeta (traced
// as above). CEL rules (x-kubernetes-validations) are not evaluated.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);

/** JSON Pointer segment. */
export const esc = (k) => String(k).replace(/~/g, "~0").replace(/\//g, "~1");

// ---- traced validation (compiled kubernetes-models validators) ------------------------------------------

/**
 * Runs a compiled validator on `data` and returns its errors plus one "unknown field" error per key it
 * never read. Returns [{path, message}].
 */
export function validateTraced(validate, data) {
  const reads = new Map(); // plain object -> { path, keys: Set }
  const proxies = new WeakMap();
  const wrap = (value, p) => {
    if (value === null || typeof value !== "object") return value;
    let px = proxies.get(value);
    if (px) return px;
    if (!Array.isArray(value)) reads.set(value, { path: p, keys: new Set() });
    px = new Proxy(value, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof key !== "string") return v;
        if (!Array.isArray(target)) reads.get(target).keys.add(key);
        if (!Object.prototype.hasOwnProperty.call(target, key)) return v;
        return wrap(v, `${p}/${esc(key)}`);
      },
      has(target, key) {
        if (typeof key === "string" && !Array.isArray(target)) reads.get(target).keys.add(key);
        return Reflect.has(target, key);
      },
    });
    proxies.set(value, px);
    return px;
  };
  const ok = validate(wrap(data, ""));
  const errors = [];
  if (!ok) for (const e of validate.errors ?? []) errors.push(ajvError(e));
  for (const [obj, { path: p, keys }] of reads) {
    for (const k of Object.keys(obj)) {
      if (!keys.has(k)) errors.push({ path: `${p}/${esc(k)}`, message: `unknown field "${k}"` });
    }
  }
  return errors;
}

function ajvError(e) {
  let message = e.message;
  if (!message) {
    const p = e.params ?? {};
    if (e.keyword === "required") message = `missing required field "${p.missingProperty}"`;
    else if (e.keyword === "enum") message = `must be one of ${JSON.stringify(p.allowedValues)}`;
    else if (e.keyword === "type") message = `must be ${p.type}`;
    else if (e.keyword === "format") message = `must match format "${p.format}"`;
    else if (e.keyword === "pattern") message = `must match pattern ${p.pattern}`;
    else message = `${e.keyword} ${JSON.stringify(p)}`;
  } else if (e.keyword === "enum") {
    message = `must be one of ${JSON.stringify(e.params.allowedValues)}`;
  } else if (e.keyword === "additionalProperties") {
    return { path: `${e.instancePath}/${esc(e.params.additionalProperty)}`, message: `unknown field "${e.params.additionalProperty}"` };
  }
  return { path: e.instancePath || "/", message };
}

const MODEL_PACKAGES = ["kubernetes-models", "@kubernetes-models/prometheus-operator"];
const pkgDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

/** The compiled validator of apiVersion/kind in kubernetes-models (or prometheus-operator), or null. */
async function modelValidator(apiVersion, kind) {
  for (const pkg of MODEL_PACKAGES) {
    const dir = pkgDir(pkg);
    const modelFile = path.join(dir, ...apiVersion.split("/"), `${kind}.js`);
    if (!fs.existsSync(modelFile)) continue;
    const m = /from"(\.\.\/[^"]*_schemas\/[^"]+\.js)"/.exec(fs.readFileSync(modelFile, "utf8"));
    if (!m) continue;
    const mod = await import(pathToFileURL(path.resolve(path.dirname(modelFile), m[1])).href);
    return { validate: mod.validate, source: pkg };
  }
  return null;
}

let objectMetaValidate;
async function objectMeta() {
  if (!objectMetaValidate) {
    const dir = pkgDir("@kubernetes-models/apimachinery");
    const mod = await import(pathToFileURL(path.join(dir, "_schemas", "IoK8sApimachineryPkgApisMetaV1ObjectMeta.js")).href);
    objectMetaValidate = mod.validate;
  }
  return objectMetaValidate;
}

// ---- CRDs -----------------------------------------------------------------------------------------------

/** Strict copy of a CRD's openAPIV3Schema (see the header). */
export function strictSchema(schema, top = true) {
  if (Array.isArray(schema)) return schema.map((s) => strictSchema(s, false));
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === "properties" || k === "patternProperties" || k === "definitions") {
      out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, strictSchema(pv, false)]));
    } else if (k === "x-kubernetes-validations" || k === "default" || k === "example" || k === "description") {
      // not evaluated / documentation only
    } else if (typeof v === "object" && v !== null) {
      out[k] = strictSchema(v, false);
    } else {
      out[k] = v;
    }
  }
  if (out["x-kubernetes-int-or-string"] === true && !out.anyOf && !out.oneOf) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  const preserve = out["x-kubernetes-preserve-unknown-fields"] === true;
  const isObject = out.type === "object" || (out.properties && !out.type);
  if (isObject && !preserve && out.additionalProperties === undefined) out.additionalProperties = false;
  if (top) {
    // The API server always accepts apiVersion, kind and metadata at the root (some CRDs, e.g. Keycloak's, do not
    // list them); metadata is checked against ObjectMeta separately.
    out.properties = { apiVersion: { type: "string" }, kind: { type: "string" }, ...(out.properties ?? {}), metadata: { type: "object" } };
  }
  return out;
}

function collectFormats(schema, into) {
  if (Array.isArray(schema)) schema.forEach((s) => collectFormats(s, into));
  else if (schema && typeof schema === "object") {
    if (typeof schema.format === "string") into.add(schema.format);
    Object.values(schema).forEach((v) => collectFormats(v, into));
  }
  return into;
}

/** Loads every CRD under crdsDir/<operator>-<version>/*.y{a,}ml: Map "group/version:Kind" -> {schema, source}. */
export function loadCrds(crdsDir) {
  const crds = new Map();
  if (!fs.existsSync(crdsDir)) return crds;
  for (const sub of fs.readdirSync(crdsDir).sort()) {
    const d = path.join(crdsDir, sub);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d).sort()) {
      if (!/\.ya?ml$/.test(f)) continue;
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(d, f), "utf8"))) {
        const o = doc.toJS();
        if (o?.kind !== "CustomResourceDefinition") continue;
        for (const v of o.spec.versions ?? []) {
          if (!v.schema?.openAPIV3Schema) continue;
          crds.set(`${o.spec.group}/${v.name}:${o.spec.names.kind}`, { schema: v.schema.openAPIV3Schema, source: `${sub}/${f}` });
        }
      }
    }
  }
  return crds;
}

// ---- the validator ---------------------------------------------------------------------------------------

export async function createValidator({ crdsDir }) {
  const crds = loadCrds(crdsDir);
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  const formats = new Set();
  for (const { schema } of crds.values()) collectFormats(schema, formats);
  for (const f of formats) if (!ajv.formats[f]) ajv.addFormat(f, true); // formats Ajv does not know: not checked
  const compiled = new Map();
  const models = new Map();

  /** Where the schema of apiVersion/kind comes from ("crd:<file>", "kubernetes-models", ...), or null. */
  async function schemaOf(apiVersion, kind) {
    const key = `${apiVersion}:${kind}`;
    if (crds.has(key)) return `crd ${crds.get(key).source}`;
    if (!models.has(key)) models.set(key, await modelValidator(apiVersion, kind));
    return models.get(key)?.source ?? null;
  }

  /** Schema errors of one object: [{path, message}]. */
  async function validate(obj) {
    if (!obj || typeof obj !== "object" || !obj.apiVersion || !obj.kind) {
      return [{ path: "/", message: "not a Kubernetes object (apiVersion and kind are required)" }];
    }
    const key = `${obj.apiVersion}:${obj.kind}`;
    if (crds.has(key)) {
      if (!compiled.has(key)) compiled.set(key, ajv.compile(strictSchema(crds.get(key).schema)));
      const fn = compiled.get(key);
      const errors = fn(obj) ? [] : fn.errors.map(ajvError);
      if (obj.metadata !== undefined) {
        for (const e of validateTraced(await objectMeta(), obj.metadata)) errors.push({ ...e, path: `/metadata${e.path === "/" ? "" : e.path}` });
      }
      return dedupe(errors);
    }
    if (!models.has(key)) models.set(key, await modelValidator(obj.apiVersion, obj.kind));
    const model = models.get(key);
    if (!model) {
      return [{ path: "/", message: `no schema for ${key}: vendor its CRD under deploy/k8s/crds/<operator>-<version>/ (see deploy/k8s/crds/README.md)` }];
    }
    return dedupe(validateTraced(model.validate, obj));
  }

  return { validate, schemaOf, crdKinds: [...crds.keys()] };
}

function dedupe(errors) {
  const seen = new Set();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
