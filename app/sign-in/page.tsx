import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNext } from "@/lib/safe-next";
import { currentActor } from "@/lib/server/session";
import { needsFirstAdmin } from "@/lib/server/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (await needsFirstAdmin()) redirect("/setup");
  const next = safeNext((await searchParams).next);
  if (await currentActor()) redirect(next);
  return (
    <AuthCard
      title="Sign in"
      intro="Backchannel holds sensitive records: every page needs a signed-in user. Ask an admin for an account."
    >
      <SignInForm next={next} />
    </AuthCard>
  );
}
