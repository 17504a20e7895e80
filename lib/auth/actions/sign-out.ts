"use server";
// POST (server action, from the header on every page) — sign out. Needs: a session (anyone signed in).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/record";
import { clientAddress, currentUser } from "@/lib/auth/current-user";
import { sessionCookieName } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export async function signOut(): Promise<void> {
  const user = await currentUser();
  const jar = await cookies();
  jar.delete(sessionCookieName());
  if (user) {
    await recordAudit(await getDb(), {
      actor: { userId: user.id, label: user.email, sourceAddress: await clientAddress() },
      action: "sign_out",
      entityType: "session",
      entityId: user.id,
    });
  }
  redirect("/sign-in?signedOut=1");
}
