import { redirect } from "next/navigation";

/** The admin area has one index for now: its users. */
export default function AdminPage() {
  redirect("/admin/users");
}
