// GET /products/<slug>/edit — change a product's name, description, family and current phase. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { formValuesOf } from "@/lib/editing/form-input";
import { PRODUCT_FORM } from "@/lib/editing/form-specs";
import { editedProduct, phaseChoices } from "@/lib/editing/page-data";
import { childrenOf, parentChoices, readProduct } from "@/lib/editing/products";
import { ProductForm } from "../../ProductForm";

export const metadata: Metadata = { title: "Change a product" };

export default async function EditProductPage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePermission("edit:roadmap");
  const ref = await editedProduct((await params).slug);
  const db = await getDb();
  const product = await readProduct(db, ref.slug);
  if (!product) notFound();
  const children = await childrenOf(db, product.id);
  const back = `/products/${product.slug}`;
  return (
    <>
      <p className="mb-4"><Link href={back}>Back to {product.name}</Link></p>
      <H1 caption={product.name}>Change the product&apos;s details</H1>
      <ProductForm
        slug={product.slug}
        initial={{ errors: {}, values: { ...formValuesOf(PRODUCT_FORM, product), version: String(product.version) } }}
        phases={await phaseChoices()}
        parents={await parentChoices(db, product.slug)}
        familyNote={children.length ? `${product.name} has products in its family (${children.map((c) => c.name).join(", ")}), so it cannot be part of another.` : undefined}
        cancelHref={back}
      />
      <p>
        <Link href={`${back}/remove`}>Remove this product</Link>
      </p>
    </>
  );
}
