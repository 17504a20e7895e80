"use server";
// POST (server action, from the header on every page) — sign out. Needs: a session (anyone signed in).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/record";
import { clientAddress, currentUser } from "@/lib/auth/current-user";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/session";
import { endSessions } from "@/lib/auth/users";
import { getDb } from "@/lib/db";

export async function signOut(): Promise<void> {
  const user = await currentUser();
  // Overwritten with the same flags it was set with: a __Secure- cookie is only removed by a Secure one.
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
  if (user) {
    // Ends this session everywhere, so a copy of the token is worthless too.
    await endSessions(await getDb(), user.id);
    await recordAudit(await getDb(), {
      actor: { userId: user.id, label: user.email, sourceAddress: await clientAddress() },
      action: "sign_out",
      entityType: "session",
      entityId: user.id,
    });
  }
  redirect("/sign-in?signedOut=1");
}
