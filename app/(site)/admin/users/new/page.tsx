// GET /admin/users/new — add a user (name, email, role). Needs: manage:users.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { AddUserForm } from "./AddUserForm";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  await requirePermission("manage:users");
  return (
    <>
      <p className="mb-4"><Link href="/admin/users">Back to users</Link></p>
      <H1>Add a user</H1>
      <p className="mb-6 max-w-[45em]">The new user gets a password to change when they first sign in. You will see it once, after adding them.</p>
      <AddUserForm />
    </>
  );
}
