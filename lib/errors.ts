import type { z } from "zod";

// One error type for every expected failure; the API maps it to its HTTP status and the forms
// show its issues beside the fields. Importable by the browser (it reads the issue shape).

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorIssue = { path: string; message: string };

/** The API's error body, the one shape every failure takes. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; issues: ErrorIssue[]; current?: unknown };
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  /** For CONFLICT: the record as it stands now, so the client can show both versions. */
  readonly current?: unknown;

  constructor(code: ErrorCode, message: string, options: { issues?: ErrorIssue[]; current?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.current = options.current;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message, issues: this.issues } };
    if (this.current !== undefined) body.error.current = this.current;
    return body;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Dotted path for an issue: ["outcomes", 0, "note"] → "outcomes.0.note". */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join(".");
}

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const path = issuePath(issue.path);
    if (issue.code === "unrecognized_keys") {
      return {
        path: issuePath([...issue.path, issue.keys[0] ?? ""]),
        message: `Unknown field "${issue.keys.join('", "')}"`,
      };
    }
    return { path, message: issue.message };
  });
}

export function validationFailed(issues: ErrorIssue[], message?: string): AppError {
  const first = issues[0];
  return new AppError(
    "VALIDATION_FAILED",
    message ?? (first ? `${first.path || "body"}: ${first.message}` : "The request is not valid"),
    { issues },
  );
}

/** Parses input with a schema, or throws VALIDATION_FAILED naming each field and why. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(zodIssues(result.error));
  return result.data;
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} was not found`);
}
