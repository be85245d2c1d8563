import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsFirstAdmin } from "@/lib/server/users";

export const metadata: Metadata = { title: "Create the first admin" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await needsFirstAdmin())) redirect("/sign-in");
  return (
    <AuthCard
      title="Create the first admin"
      intro="Backchannel has no users yet. The first account is an admin, who then adds analysts and viewers."
    >
      <SetupForm />
    </AuthCard>
  );
}
