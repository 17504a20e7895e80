// GET /factors/new — add a programme-level dependency. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { FactorForm } from "../FactorForm";

export const metadata: Metadata = { title: "Add a programme dependency" };

export default async function NewFactorPage() {
  await requirePermission("edit:roadmap");
  return (
    <>
      <p className="mb-4"><Link href="/#dependencies">Back to the programme overview</Link></p>
      <H1 caption="Programme-level dependencies">Add a programme dependency</H1>
      <p className="mb-6 max-w-[45em]">A factor that delivery of the products depends on, beyond their own design and build. Products can then record their dependency on it.</p>
      <FactorForm initial={{ errors: {}, values: { status: "not_assessed" } }} cancelHref="/#dependencies" />
    </>
  );
}
