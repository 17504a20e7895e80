// GET /forbidden — what a signed-in person sees (status 403, from the proxy) when their role does not allow a page. Needs: a session.
import type { Metadata } from "next";
import { ForbiddenContent } from "@/components/layout/ProblemPages";
import { requirePermission } from "@/lib/auth/checkpoint";

export const metadata: Metadata = { title: "You do not have permission" };

export default async function ForbiddenPage() {
  await requirePermission("read:published");
  return <ForbiddenContent />;
}
