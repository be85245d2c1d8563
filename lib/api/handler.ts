import "server-only";
import { AppError, isAppError, notFound, type ErrorBody } from "@/lib/errors";
import { downloadResponse, type Export } from "@/lib/export/download";
import { requestedFormat } from "@/lib/export/format";
import { IdSchema, LIMITS, SlugSchema } from "@/lib/schemas/common";
import { fromOwnOrigin, siteOf } from "@/lib/security-headers";
import { actorFromHeaders } from "@/lib/server/auth";
import type { Actor } from "@/lib/server/authz";

// The HTTP edge of /api/v1: every route handler goes through `apiRoute`, so each failure takes
// the one error shape, and the helpers here read bodies, queries and route params the same way
// everywhere. The rules (validation, history, versions) live in lib/server.

/** What Next passes a route handler as its second argument; `params` is a Promise since Next 15. */
export type RouteContext<P extends Record<string, string> = Record<string, never>> = { params: Promise<P> };

type Handler<P extends Record<string, string>> = (request: Request, context: RouteContext<P>) => Promise<Response>;
type ActorHandler<P extends Record<string, string>> = (
  request: Request,
  context: RouteContext<P>,
  actor: Actor,
) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Query = ReturnType<typeof searchParamsToObject>;

/**
 * A list read's export: the whole filtered list (lib/server/export.ts), given the query without
 * `format`. Asked for by `format=csv|json` or `Accept: text/csv`; without either, the route answers
 * as before.
 */
type Exporter<P extends Record<string, string>> = (
  actor: Actor,
  query: Query,
  context: RouteContext<P>,
) => Promise<Export<unknown>>;

/** What a route's body is: JSON, or a CSV file (the grievance import). */
type BodyType = "application/json" | "text/csv";

const SEND: Record<BodyType, string> = {
  "application/json": "Send JSON with Content-Type: application/json",
  "text/csv": "Send the CSV file with Content-Type: text/csv",
};

function assertContentType(request: Request, expected: BodyType): void {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== expected) throw new AppError("UNSUPPORTED_MEDIA_TYPE", SEND[expected]);
}

const site = siteOf({
  BACKCHANNEL_URL: process.env.BACKCHANNEL_URL,
  BACKCHANNEL_ALLOWED_HOSTS: process.env.BACKCHANNEL_ALLOWED_HOSTS,
});

/**
 * Route handlers get no CSRF defence from Next.js. A browser sends the session cookie on a
 * cross-site request, so a cookie-authenticated mutation must carry a JSON (or, for a CSV upload,
 * text/csv) content type, which a cross-site form cannot send without a CORS preflight (apiRoute
 * checks it), and come from this
 * origin, by the proxy's own rule (lib/security-headers.ts; the proxy refuses it first, this holds
 * if a request reaches the handler another way). Token requests need neither: a cross-site page
 * cannot attach an Authorization header.
 */
function assertSameOrigin(request: Request): void {
  if (!fromOwnOrigin(request.headers, site)) {
    throw new AppError("FORBIDDEN", "Cross-site requests are refused; scripts should use an API token");
  }
}

/** API answers are about live records: no browser or proxy may reuse one. */
const NO_STORE = { "Cache-Control": "no-store" } as const;

/** A JSON answer that no cache keeps. */
export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(NO_STORE)) headers.set(name, value);
  return Response.json(data, { ...init, headers });
}

/** 201 with the new record and where it lives. */
function createdResponse(data: unknown, location: string): Response {
  return jsonResponse(data, { status: 201, headers: { Location: location } });
}

function errorResponse(error: AppError): Response {
  return jsonResponse(error.toBody(), { status: error.status });
}

const INTERNAL_BODY: ErrorBody = {
  error: { code: "INTERNAL", message: "Something went wrong on our side", issues: [] },
};

/**
 * Wraps a route handler: an AppError becomes its status and body; anything else is our bug, logged
 * on the server and answered with a bare 500 (no stack, no SQL, nothing of the request echoed).
 * A route that reads a JSON body says `{ body: true }`: its Content-Type is checked here, once,
 * whoever calls. A list read given an `exporter` also answers as a streamed download.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  handler: ActorHandler<P>,
  { body = false, exporter }: { body?: boolean | "text/csv"; exporter?: Exporter<P> } = {},
): Handler<P> {
  return async (request, context) => {
    try {
      // Every endpoint needs a signed-in user or a token (401 first, before anything is read);
      // what each role may do is decided in lib/server, next to the data (403).
      const actor = await actorFromHeaders(request.headers);
      if (!actor)
        throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token as Authorization: Bearer <token>");
      const cookieMutation = actor.kind === "user" && actor.via === "session" && !SAFE_METHODS.has(request.method);
      if (body || cookieMutation) assertContentType(request, body === "text/csv" ? body : "application/json");
      if (cookieMutation) assertSameOrigin(request);
      if (exporter) {
        const { format, ...query } = searchParamsToObject(request.url);
        const wanted = requestedFormat(format, request.headers.get("accept"));
        if (wanted) return downloadResponse(await exporter(actor, query, context), wanted);
      }
      return await handler(request, context, actor);
    } catch (error) {
      if (isAppError(error)) return errorResponse(error);
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return jsonResponse(INTERNAL_BODY, { status: 500 });
    }
  };
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type RouteHandlers<P extends Record<string, string>> = Record<Method | "HEAD" | "OPTIONS", Handler<P>>;

/**
 * Every method a route file answers, so that none is left to Next (whose 405 has an empty body):
 * the handlers given; HEAD as GET; OPTIONS a 204 with the Allow header; any other method a 405 in
 * the one error shape, with Allow. Every route file exports them all, in one line:
 * `export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: …, PATCH: … })`
 * (tests/api/methods.test.ts walks app/api and checks that each does, and what each answers).
 */
export function routeMethods<P extends Record<string, string>>(
  handlers: Partial<Record<Method, Handler<P>>>,
): RouteHandlers<P> {
  const given = METHODS.filter((method) => handlers[method]);
  const allow = [...given, ...(handlers.GET ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed: Handler<P> = async (request) =>
    jsonResponse(
      new AppError("METHOD_NOT_ALLOWED", `${request.method} is not allowed here; this path takes ${allow}`).toBody(),
      { status: 405, headers: { Allow: allow } },
    );
  const options: Handler<P> = async () => new Response(null, { status: 204, headers: { Allow: allow } });
  const answer = Object.fromEntries(METHODS.map((method) => [method, handlers[method] ?? notAllowed]));
  return { ...answer, HEAD: handlers.GET ?? notAllowed, OPTIONS: options } as RouteHandlers<P>;
}

const KEY_SCHEMAS = { id: IdSchema, slug: SlugSchema };
type Key = keyof typeof KEY_SCHEMAS;

/** Reads a route's `[id]` or `[slug]`; one that cannot be a key names no record, hence 404 not 400. */
async function keyParam<K extends Key>(context: RouteContext<Record<K, string>>, key: K, what: string) {
  const parsed = KEY_SCHEMAS[key].safeParse((await context.params)[key]);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

/**
 * Query string as an object for the shared filter schemas: a repeated key becomes an array, and an
 * empty value counts as absent (as an HTML form sends an unset field) while its key stays, so an
 * unknown key is still refused by the strict schemas.
 */
export function searchParamsToObject(url: string | URL): Record<string, string | string[] | undefined> {
  const params = new URL(url).searchParams;
  const out: Record<string, string | string[] | undefined> = {};
  for (const key of new Set(params.keys())) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") {
      throw new AppError("VALIDATION_FAILED", `${key}: Unknown field "${key}"`, {
        issues: [{ path: key, message: `Unknown field "${key}"` }],
      });
    }
    const values = params.getAll(key).filter((value) => value !== "");
    out[key] = values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  }
  return out;
}

function tooLarge(limit: number): AppError {
  const size = limit % 1024 === 0 ? `${limit / 1024} KiB` : `${limit / 1_000_000} MB`;
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than the limit of ${limit} bytes (${size})`);
}

function malformed(detail: string): AppError {
  const message = `Malformed JSON: ${detail}`;
  return new AppError("VALIDATION_FAILED", message, { issues: [{ path: "", message }] });
}

/** Reads the body, counting bytes as they arrive: Content-Length is only a claim. */
async function readBodyCapped(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The JSON body of a mutation, in a route made with `{ body: true }` (which has refused any other
 * Content-Type with 415): at most LIMITS.bodyBytes (413), and valid JSON (400). Returns `unknown`:
 * the lib/server function validates the shape.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readBodyCapped(request, LIMITS.bodyBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw malformed("the body is not valid UTF-8");
  }
  if (text.trim() === "") throw malformed("the body is empty");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // The parser's message quotes the body; keep only where it stopped.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    if (position !== undefined) throw malformed(`unexpected input at position ${position}`);
    if (error instanceof Error && /end of JSON input/i.test(error.message)) throw malformed("the body ends too early");
    throw malformed("the body is not valid JSON");
  }
}

/**
 * The CSV body of a route made with `{ body: "text/csv" }` (which has refused any other
 * Content-Type with 415): at most `limit` bytes (413), and UTF-8 (400). The BOM stays for the
 * CSV reader, which takes it off.
 */
export async function readCsvBody(request: Request, limit: number): Promise<string> {
  const bytes = await readBodyCapped(request, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const message = "The file is not valid UTF-8: save it as CSV UTF-8";
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: "file", message }] });
  }
}

// ---------------------------------------------------------------------------------------------
// The routes of /api/v1 are each one lib/server call; these make the handler for each kind.

type Call<A extends unknown[]> = (actor: Actor, ...args: A) => Promise<unknown>;

/** A read, delete or restore of the record that `[id]` or `[slug]` names, answering what `call` returns. */
export function recordRoute<K extends Key>(key: K, what: string, call: Call<[key: string]>) {
  return apiRoute<Record<K, string>>(async (_request, context, actor) =>
    jsonResponse(await call(actor, await keyParam(context, key, what))),
  );
}

/**
 * A read of the record that `[id]` or `[slug]` names that takes query parameters (`asOf`); the call
 * validates them. With `exporter`, also the download of that list (a grievance's history).
 */
export function recordQueryRoute<K extends Key>(
  key: K,
  what: string,
  call: Call<[key: string, query: unknown]>,
  exporter?: (actor: Actor, key: string, query: Query) => Promise<Export<unknown>>,
) {
  return apiRoute<Record<K, string>>(
    async (request, context, actor) =>
      jsonResponse(await call(actor, await keyParam(context, key, what), searchParamsToObject(request.url))),
    {
      exporter:
        exporter && (async (actor, query, context) => exporter(actor, await keyParam(context, key, what), query)),
    },
  );
}

/** A change to the record that `[id]` (or `[slug]`, given as `key`) names, with a JSON body. */
export function recordChangeRoute<K extends Key = "id">(
  what: string,
  call: Call<[key: string, body: unknown]>,
  key: K = "id" as K,
) {
  return apiRoute<Record<K, string>>(
    async (request, context, actor) => {
      const id = await keyParam(context, key, what);
      return jsonResponse(await call(actor, id, await readJsonBody(request)));
    },
    { body: true },
  );
}

/** A new record from a JSON body: 201 with it, and where it lives. */
export function createRoute<T>(create: (actor: Actor, body: unknown) => Promise<T>, location: (record: T) => string) {
  return apiRoute(
    async (request, _context, actor) => {
      const record = await create(actor, await readJsonBody(request));
      return createdResponse(record, location(record));
    },
    { body: true },
  );
}

type Page = { items: unknown[]; nextCursor: string | null; total: number };

/** A list's exporter, given the query (without `format`) and nothing of the route's context. */
type ListExporter = (actor: Actor, query: Query) => Promise<Export<unknown>>;

const listExporter = (exporter: ListExporter | undefined): Exporter<Record<string, never>> | undefined =>
  exporter && ((actor, query) => exporter(actor, query));

/**
 * A list filtered by the query string; the page, without the window the HTML pages also get. With
 * `exporter`, also the whole filtered list as a download.
 */
export function pageRoute(list: (actor: Actor, query: Query) => Promise<Page>, exporter?: ListExporter) {
  return apiRoute(
    async (request, _context, actor) => {
      const { items, nextCursor, total } = await list(actor, searchParamsToObject(request.url));
      return jsonResponse({ items, nextCursor, total });
    },
    { exporter: listExporter(exporter) },
  );
}

/**
 * A list that is never paged, whole, in the list shape (`nextCursor` is always null). Its few
 * filters (`deleted`) are validated by the call, whose strict schema refuses a typo'd key.
 */
export function wholeListRoute(list: (actor: Actor, query: Query) => Promise<unknown[]>, exporter?: ListExporter) {
  return apiRoute(
    async (request, _context, actor) =>
      jsonResponse({ items: await list(actor, searchParamsToObject(request.url)), nextCursor: null }),
    { exporter: listExporter(exporter) },
  );
}
