// GET /products/<slug>/spans/new — add a phase to a product's plan. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { editedProduct, phaseChoices } from "@/lib/editing/page-data";
import { SpanForm } from "../SpanForm";

export const metadata: Metadata = { title: "Add a phase to the plan" };

export default async function NewSpanPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission("edit:roadmap");
  const product = await editedProduct((await params).slug);
  const back = `/products/${product.slug}#phase-plan`;
  return (
    <>
      <p className="mb-4"><Link href={back}>Back to {product.name}</Link></p>
      <H1 caption={product.name}>Add a phase to the plan</H1>
      <SpanForm productSlug={product.slug} initial={{ errors: {}, values: {} }} phases={await phaseChoices()} cancelHref={back} />
    </>
  );
}
