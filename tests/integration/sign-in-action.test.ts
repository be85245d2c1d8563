import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { actorFromHeaders, signIn, signOut } from "@/lib/server/auth";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createUser } from "@/lib/server/users";

// signIn and signOut run in server actions (lib/actions/auth.ts) and return nothing: the session
// cookie reaches the browser only through Next's cookies(), which Better Auth's nextCookies plugin
// writes to. Here each runs inside the request scope Next gives a server action (the same
// AsyncLocalStorage stores Next's own runtime sets up), and the Set-Cookie headers Next would send
// are what the test reads.
(globalThis as unknown as { AsyncLocalStorage: unknown }).AsyncLocalStorage = AsyncLocalStorage;
const { workAsyncStorage } = await import("next/dist/server/app-render/work-async-storage.external.js");
const { workUnitAsyncStorage } = await import("next/dist/server/app-render/work-unit-async-storage.external.js");
const { createRequestStoreForAPI } = await import("next/dist/server/async-storage/request-store.js");

const PASSWORD = "correct horse battery staple";

/** Runs `action` as a server action answering a request with `headers`; returns the Set-Cookie headers Next sends. */
async function inServerAction(headers: Headers, action: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const store = createRequestStoreForAPI(
    { headers: Object.fromEntries(headers) } as never,
    new URL("http://localhost/sign-in") as never,
    undefined as never,
    (cookies: string[]) => {
      written.splice(0, written.length, ...cookies);
    },
    undefined,
    undefined,
  );
  await workAsyncStorage.run({ route: "/sign-in" } as never, () => workUnitAsyncStorage.run(store, action));
  return written;
}

const cookieHeader = (setCookie: string[]) => setCookie.map((c) => c.split(";")[0]).join("; ");

describe("signing in and out from a server action", () => {
  it("signIn sets the session cookie on the action's response, and signOut clears it", async () => {
    await createUser(SYSTEM, { email: "action@example.org", role: "analyst", password: PASSWORD });
    const signedIn = await inServerAction(new Headers(), () =>
      signIn({ email: "action@example.org", password: PASSWORD }, new Headers()),
    );
    expect(signedIn).toHaveLength(1);
    expect(signedIn[0]).toMatch(
      /^backchannel\.session_token=[^;]+; Path=\/; .*Max-Age=604800; HttpOnly; SameSite=lax/i,
    );
    const cookie = cookieHeader(signedIn);
    expect(await actorFromHeaders(new Headers({ cookie }))).toMatchObject({
      email: "action@example.org",
      via: "session",
    });

    const signedOut = await inServerAction(new Headers({ cookie }), () => signOut(new Headers({ cookie })));
    expect(signedOut.join()).toMatch(/backchannel\.session_token=; .*Max-Age=0/i);
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
    expect(await (await getDb()).session.count({ where: { user: { email: "action@example.org" } } })).toBe(0);
  });
});
