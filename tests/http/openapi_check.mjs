// Checks recorded HTTP answers against the OpenAPI document: every answer's status must be
// documented for its operation, its content type must be one the response declares, and its
// body must validate against that response's schema.
//
//   node tests/http/openapi_check.mjs docs/openapi.yaml exchanges.jsonl [--require-all]
//
// exchanges.jsonl holds one JSON object per answer (tests/http/exchange_recorder.h): method,
// path (without the query), query, status, headers (lowercase names) and body_base64.
//
// How an answer is matched: the path against the document's path templates (a `{name}` segment
// matches any non-empty segment; with several matches the one with the most literal segments
// wins), then the method (HEAD uses the GET operation, without a body), then the status: the
// exact code, else its range ("4XX"), else `default`. An answer for a path no template matches
// must be 404, one for a known path whose method has no operation must be 405, both
// problem+json. Schemas are checked strictly: nullable becomes "or null", and an object schema
// that lists its properties accepts no others unless it says `additionalProperties`. A response
// without content must have an empty body; response headers marked `required` must be present,
// and a header that is present must match its schema (a number for an integer header).
// With --require-all, every operation must have answered at least once with a 2xx status.
//
// Prints one line per failure and a summary; exits 0 when every answer conforms, 1 otherwise,
// 2 when the inputs cannot be read.
import fs from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
// OpenAPI 3.0 keywords that JSON Schema does not know; they carry no constraint.
const ANNOTATIONS = ['example', 'xml', 'externalDocs', 'discriminator'];

function usage(message) {
  console.error(`openapi_check: ${message}`);
  console.error('usage: node openapi_check.mjs OPENAPI.yaml EXCHANGES.jsonl [--require-all]');
  process.exit(2);
}

// An OpenAPI 3.0 schema object as a JSON Schema (draft-07) one; refs to
// #/components/schemas/X point into the shared definitions registered below.
function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.includes(key) || key === 'nullable') continue;
    if (key === '$ref') {
      out.$ref = value.replace('#/components/schemas/', 'components.json#/definitions/');
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub)]));
    } else if (['items', 'additionalProperties', 'not'].includes(key) ||
               ['allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = toJsonSchema(value);
    } else {
      out[key] = value;
    }
  }
  if (out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  if (schema.nullable === true) return { anyOf: [{ type: 'null' }, out] };
  return out;
}

function load(openapiFile, exchangesFile) {
  let doc;
  try {
    doc = YAML.parse(fs.readFileSync(openapiFile, 'utf8'));
  } catch (e) {
    usage(`cannot read ${openapiFile}: ${e.message}`);
  }
  let records;
  try {
    records = fs.readFileSync(exchangesFile, 'utf8').split('\n').filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l));
  } catch (e) {
    usage(`cannot read ${exchangesFile}: ${e.message}`);
  }
  return { doc, records };
}

function resolve(doc, object) {
  let seen = 0;
  while (object && object.$ref) {
    if (++seen > 20) throw new Error(`$ref loop at ${object.$ref}`);
    const parts = object.$ref.replace(/^#\//, '').split('/');
    object = parts.reduce((node, part) => (node ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
    if (object === undefined) throw new Error('unresolved $ref');
  }
  return object;
}

function templates(doc) {
  return Object.keys(doc.paths || {}).map((template) => {
    const segments = template.split('/').slice(1);
    return {
      template,
      segments,
      literals: segments.filter((s) => !/^\{.+\}$/.test(s)).length,
    };
  });
}

function matchTemplate(all, path) {
  const parts = path.split('/').slice(1);
  const matches = all.filter((t) => t.segments.length === parts.length &&
    t.segments.every((s, i) => (/^\{.+\}$/.test(s) ? parts[i] !== '' : s === parts[i])));
  matches.sort((a, b) => b.literals - a.literals);
  return matches[0];
}

function bareType(contentType) {
  return (contentType || '').split(';')[0].trim().toLowerCase();
}

function mediaMatches(declared, actual) {
  const d = bareType(declared);
  if (d === '*/*' || d === actual) return true;
  return d.endsWith('/*') && actual.startsWith(d.slice(0, -1));
}

function isJson(mediaType) {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function main() {
  const args = process.argv.slice(2);
  const requireAll = args.includes('--require-all');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 2) usage('two files expected');
  const { doc, records } = load(files[0], files[1]);
  if (records.length === 0) usage(`${files[1]} holds no exchanges`);

  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  const definitions = Object.fromEntries(Object.entries(doc.components?.schemas || {})
    .map(([name, schema]) => [name, toJsonSchema(schema)]));
  ajv.addSchema({ $id: 'components.json', definitions });
  const validators = new Map();
  const validatorFor = (key, schema) => {
    if (!validators.has(key)) validators.set(key, ajv.compile(toJsonSchema(schema)));
    return validators.get(key);
  };

  const all = templates(doc);
  const answered = new Map();  // "METHOD template" -> set of statuses
  const failures = [];
  records.forEach((r, index) => {
    const where = `#${index + 1} ${r.method} ${r.path}${r.query ? '?' + r.query : ''} -> ${r.status}`;
    const body = Buffer.from(r.body_base64 || '', 'base64');
    const headers = r.headers || {};
    const actualType = bareType(headers['content-type']);
    const fail = (message) => {
      const excerpt = body.toString('utf8').slice(0, 300).replace(/\s+/g, ' ');
      failures.push(`${where}: ${message}${excerpt ? `\n    body: ${excerpt}` : ''}`);
    };
    const checkProblem = (expected) => {
      if (r.status !== expected) return fail(`expected ${expected}`);
      if (actualType !== 'application/problem+json') return fail(`content type ${actualType}, expected application/problem+json`);
      const validate = validatorFor('#Problem', { $ref: '#/components/schemas/Problem' });
      let json;
      try { json = JSON.parse(body.toString('utf8')); } catch (e) { return fail('body is not JSON'); }
      if (!validate(json)) fail(`body: ${ajv.errorsText(validate.errors)}`);
    };

    const t = matchTemplate(all, r.path);
    if (!t) return checkProblem(404);
    const item = doc.paths[t.template];
    const method = r.method.toLowerCase() === 'head' ? 'get' : r.method.toLowerCase();
    const operation = METHODS.includes(method) ? item[method] : undefined;
    if (!operation) return checkProblem(405);
    const key = `${r.method.toUpperCase()} ${t.template}`;
    if (!answered.has(key)) answered.set(key, new Set());
    answered.get(key).add(r.status);

    const responses = operation.responses || {};
    const code = String(r.status);
    const chosen = code in responses ? code : `${code[0]}XX` in responses ? `${code[0]}XX` : 'default' in responses ? 'default' : null;
    if (!chosen) return fail(`status ${r.status} is not documented for ${key} (documented: ${Object.keys(responses).join(', ')})`);
    let response;
    try { response = resolve(doc, responses[chosen]); } catch (e) { return fail(`response ${chosen}: ${e.message}`); }

    for (const [name, header] of Object.entries(response.headers || {})) {
      const h = resolve(doc, header);
      const value = headers[name.toLowerCase()];
      if (value === undefined) {
        if (h.required) fail(`header ${name} is required by the document but missing`);
        continue;
      }
      if (h.schema) {
        const numeric = ['integer', 'number'].includes(h.schema.type);
        const typed = numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
        const validate = validatorFor(`${key} ${chosen} header ${name}`, h.schema);
        if (!validate(typed)) fail(`header ${name}: '${value}' ${ajv.errorsText(validate.errors)}`);
      }
    }
    if (r.method.toUpperCase() === 'HEAD') {
      if (body.length !== 0) fail('a HEAD answer has a body');
      return;
    }
    const content = response.content || {};
    if (Object.keys(content).length === 0) {
      if (body.length !== 0) fail(`response ${chosen} documents no content, but the body has ${body.length} bytes`);
      return;
    }
    const declared = Object.keys(content).find((m) => mediaMatches(m, actualType));
    if (declared === undefined) return fail(`content type '${headers['content-type'] || ''}' is not documented for ${chosen} (documented: ${Object.keys(content).join(', ')})`);
    const schema = content[declared].schema;
    if (!schema) return;
    if (isJson(actualType)) {
      let json;
      try { json = JSON.parse(body.toString('utf8')); } catch (e) { return fail(`body is not JSON: ${e.message}`); }
      const validate = validatorFor(`${key} ${chosen} ${declared}`, schema);
      if (!validate(json)) fail(`body does not match the schema of ${chosen} ${declared}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
    } else if (schema.type === 'string' && schema.format !== 'binary') {
      const text = body.toString('utf8');
      if (Buffer.compare(Buffer.from(text, 'utf8'), body) !== 0) fail('a text body that is not UTF-8');
    }
  });

  if (requireAll) {
    for (const t of all) {
      for (const method of METHODS) {
        if (!doc.paths[t.template][method]) continue;
        const key = `${method.toUpperCase()} ${t.template}`;
        const statuses = [...(answered.get(key) || [])];
        if (!statuses.some((s) => s >= 200 && s < 300)) {
          failures.push(`${key}: no successful answer was checked (statuses seen: ${statuses.join(', ') || 'none'})`);
        }
      }
    }
  }

  for (const f of failures) console.log(`FAIL ${f}`);
  const operations = [...answered.keys()].length;
  console.log(`openapi check: ${records.length} answers on ${operations} operations checked against ${files[0]}: ${failures.length} failures`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main();
