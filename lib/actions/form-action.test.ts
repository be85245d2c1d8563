import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { formAction } from "./form-action";

// The wrapper every server action goes through, called as Next calls it: (previous state, FormData).
// Nobody is signed in here (no cookie), so the actor is null; what matters is how the form is read
// and how the answer is shaped. The real actions are exercised by tests/api/action-permissions.test.ts.

const revalidated: Array<[string, string | undefined]> = [];
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({
  revalidatePath: (path: string, type?: string) => void revalidated.push([path, type]),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { redirectedTo: url });
  },
}));

const idle = { status: "idle" } as const;

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

beforeEach(() => {
  revalidated.length = 0;
});

describe("formAction", () => {
  it("reads the record's id from the hidden field and passes the rest, lists as asked", async () => {
    const run = vi.fn(async () => "done");
    const action = formAction({ arrays: ["raisedBy"], run, message: (r) => `It is ${r}.` });
    const state = await action(idle, form({ id: "g1", title: "Visas", raisedBy: "russia" }));
    expect(run).toHaveBeenCalledWith({ actor: null, id: "g1", input: { title: "Visas", raisedBy: ["russia"] } });
    expect(state).toEqual({ status: "ok", data: "done", message: "It is done." });
  });

  it("turns an AppError into a refusal that carries back what was typed, never a secret", async () => {
    const action = formAction({
      secret: ["password"],
      run: async () => {
        throw new AppError("VALIDATION_FAILED", "email: Not an email", {
          issues: [{ path: "email", message: "Not an email" }],
        });
      },
      revalidate: () => ["/admin/users"],
    });
    const state = await action(idle, form({ email: "nope", password: "a long passphrase" }));
    expect(state).toEqual({
      status: "error",
      code: "VALIDATION_FAILED",
      formError: "email: Not an email",
      fieldErrors: { email: "Not an email" },
      values: { email: "nope" },
    });
    expect(revalidated).toEqual([]);
  });

  it("lets the action refine a refusal", async () => {
    const action = formAction({
      run: async () => {
        throw new AppError("CONFLICT", "Changed meanwhile", { current: { version: 3 } });
      },
      onError: (state, { id }) => ({ ...state, formError: `${state.formError} (${id})` }),
    });
    expect(await action(idle, form({ id: "m1" }))).toMatchObject({
      code: "CONFLICT",
      formError: "Changed meanwhile (m1)",
      current: { version: 3 },
    });
  });

  it("lets what is not an AppError go on up, to the error page and the log", async () => {
    const action = formAction({
      run: async () => {
        throw new Error("database on fire");
      },
    });
    await expect(action(idle, form({}))).rejects.toThrow("database on fire");
  });

  it("revalidates, then redirects, only after the change succeeded", async () => {
    const action = formAction({
      run: async ({ id }) => ({ id }),
      revalidate: ({ id }) => [`/grievances/${id}`, ["/parties", "layout"]],
      redirectTo: ({ id }) => `/grievances/${id}`,
    });
    await expect(action(idle, form({ id: "g7" }))).rejects.toMatchObject({ redirectedTo: "/grievances/g7" });
    expect(revalidated).toEqual([
      ["/grievances/g7", undefined],
      ["/parties", "layout"],
    ]);
  });
});
