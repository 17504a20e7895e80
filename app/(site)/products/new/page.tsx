// GET /products/new — add a product to the roadmap. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { phaseChoices } from "@/lib/editing/page-data";
import { parentChoices } from "@/lib/editing/products";
import { ProductForm } from "../ProductForm";

export const metadata: Metadata = { title: "Add a product" };

export default async function NewProductPage() {
  await requirePermission("edit:roadmap");
  return (
    <>
      <p className="mb-4"><Link href="/">Back to the roadmap</Link></p>
      <H1>Add a product</H1>
      <p className="mb-6 max-w-[45em]">
        It goes into the working draft straight away, and committee clerks see it once the next quarterly update is published.
        Add its planned phases and milestones from its page once it is added.
      </p>
      <ProductForm initial={{ errors: {}, values: {} }} phases={await phaseChoices()} parents={await parentChoices(await getDb())} cancelHref="/" />
    </>
  );
}
