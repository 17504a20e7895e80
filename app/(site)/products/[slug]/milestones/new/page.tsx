// GET /products/<slug>/milestones/new — add a milestone to a product. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { editedProduct, phaseChoices } from "@/lib/editing/page-data";
import { MilestoneForm } from "../MilestoneForm";

export const metadata: Metadata = { title: "Add a milestone" };

export default async function NewMilestonePage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission("edit:roadmap");
  const product = await editedProduct((await params).slug);
  const back = `/products/${product.slug}`;
  return (
    <>
      <p className="mb-4"><Link href={back}>Back to {product.name}</Link></p>
      <H1 caption={product.name}>Add a milestone</H1>
      <MilestoneForm productSlug={product.slug} initial={{ errors: {}, values: { status: "not_started" } }} phases={await phaseChoices()} cancelHref={back} />
    </>
  );
}
