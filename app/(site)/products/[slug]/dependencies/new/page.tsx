// GET /products/<slug>/dependencies/new — add a dependency to a product. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { dependencyTargetChoices } from "@/lib/editing/dependencies";
import { editedProduct } from "@/lib/editing/page-data";
import { DependencyForm } from "../DependencyForm";

export const metadata: Metadata = { title: "Add a dependency" };

export default async function NewDependencyPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission("edit:roadmap");
  const product = await editedProduct((await params).slug);
  const back = `/products/${product.slug}#dependencies`;
  return (
    <>
      <p className="mb-4"><Link href={back}>Back to {product.name}</Link></p>
      <H1 caption={product.name}>Add a dependency</H1>
      <DependencyForm
        productSlug={product.slug}
        initial={{ errors: {}, values: { status: "not_assessed" } }}
        choices={await dependencyTargetChoices(await getDb(), product)}
        cancelHref={back}
      />
    </>
  );
}
