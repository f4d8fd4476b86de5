/**
 * GitHub's own description of its REST API (`@octokit/openapi`, the api.github.com document), to
 * check that what a fake or a hand-written nock answers is something GitHub could answer: a fake
 * that replies what GitHub would not tests the forge against a service that does not exist.
 *
 * A reply is checked against the JSON schema of its operation's response for its status. Statuses
 * the description does not document for the operation (a 502 from a proxy, a 401) and non-JSON
 * bodies have nothing to be checked against and pass.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface Operation {
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

interface Route {
  template: string;
  pattern: RegExp;
  /** Fewer parameters first, so /pulls/{n}/requested_reviewers never matches /pulls/{n}. */
  parameters: number;
}

const SCHEMA_ID = 'api.github.com';

let loaded: { description: Description; ajv: Ajv; routes: Route[] } | undefined;
const validators = new Map<string, ValidateFunction | undefined>();

/** Parsed once per test file, on the first reply checked (13 MB). */
function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const description = nullableWithoutType(JSON.parse(readFileSync(file, 'utf8'))) as Description;
  // The description is OpenAPI 3.0: `nullable`, `example` and x- keywords are not JSON Schema.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(description, SCHEMA_ID);
  const routes = Object.keys(description.paths)
    .map((template) => {
      const parameters = (template.match(/\{[^}]+\}/g) ?? []).length;
      // A {ref} holds slashes (heads/promote/prod); every other parameter is one segment.
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_all, name: string) => (name === 'ref' ? '(.+)' : '([^/]+)'));
      return { template, pattern: new RegExp(`^${source}$`), parameters };
    })
    .sort((a, b) => a.parameters - b.parameters);
  loaded = { description, ajv, routes };
  return loaded;
}

/**
 * OpenAPI 3.0 writes "this or null" as `nullable: true`, also beside `allOf`/`$ref` with no
 * `type`, which Ajv refuses to compile; there it becomes the JSON Schema it means.
 */
function nullableWithoutType(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableWithoutType);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, nullableWithoutType(value)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  if (object['nullable'] !== true || 'type' in object) return object;
  return { anyOf: [Object.fromEntries(entries.filter(([key]) => key !== 'nullable')), { type: 'null' }] };
}

function pointer(...segments: string[]): string {
  return segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The validator for an operation's JSON response at `status`; undefined when GitHub documents none. */
function validatorFor(template: string, method: string, status: number): ValidateFunction | undefined {
  const key = `${method} ${template} ${status}`;
  if (validators.has(key)) return validators.get(key);
  const { description, ajv } = load();
  const response = description.paths[template]?.[method]?.responses?.[String(status)];
  let validate: ValidateFunction | undefined;
  if (response !== undefined) {
    const named = response.$ref?.replace('#/components/responses/', '');
    const content = named === undefined ? response.content : description.components.responses[named]?.content;
    if (content?.['application/json']?.schema !== undefined) {
      const at =
        named === undefined
          ? pointer('paths', template, method, 'responses', String(status), 'content', 'application/json', 'schema')
          : pointer('components', 'responses', named, 'content', 'application/json', 'schema');
      validate = ajv.compile({ $ref: `${SCHEMA_ID}#/${at}` });
    }
  }
  validators.set(key, validate);
  return validate;
}

/**
 * What is wrong with a reply, as "METHOD path status: where what" lines; [] when it is valid or
 * there is nothing to check it against. `path` is the API path without the base path (/api/v3)
 * and query, as the description writes it: /repos/acme/envs/pulls.
 */
export function gitHubReplyProblems(method: string, path: string, status: number, body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const verb = method.toLowerCase();
  const route = load().routes.find((candidate) => candidate.pattern.test(path) && load().description.paths[candidate.template]?.[verb] !== undefined);
  if (route === undefined) return [`${method} ${path} ${status}: no such operation in GitHub's REST API`];
  const validate = validatorFor(route.template, verb, status);
  if (validate === undefined || validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${method} ${path} ${status}: ${error.instancePath || '(body)'} ${error.message ?? error.keyword}`);
}

/**
 * A fetch that checks every JSON reply from `apiUrl` (REST only; GraphQL has no OpenAPI
 * description) against GitHub's description and adds the problems to `problems`, for the forge
 * tests to assert none after each test.
 */
export function validatingFetch(apiUrl: string, problems: string[], fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
  const base = new URL(apiUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const checked: typeof fetch = async (input, init) => {
    const response = await fetchImpl(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`) || /\/graphql$/.test(url.pathname)) return response;
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return response;
    }
    try {
      problems.push(...gitHubReplyProblems(method.toUpperCase(), url.pathname.slice(basePath.length), response.status, body));
    } catch (error) {
      // A schema this checker cannot compile is its own bug; the forge under test still gets its answer.
      problems.push(`${method} ${url.pathname} ${response.status}: could not check (${String(error)})`);
    }
    return response;
  };
  return checked;
}
