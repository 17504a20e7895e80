// GET /products/<slug>/remove — confirm removing a product, saying what else goes (or what stops it). Needs: edit:roadmap.
import { RemoveConfirmation } from "@/components/editing/RemoveConfirmation";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { editedProduct } from "@/lib/editing/page-data";
import { productRemovalEffects, readProduct } from "@/lib/editing/products";
import { removeProductAction } from "../../actions";

export const metadata: Metadata = { title: "Remove a product" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ stale?: string }> };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function RemoveProductPage({ params, searchParams }: Props) {
  await requirePermission("edit:roadmap");
  const ref = await editedProduct((await params).slug);
  const db = await getDb();
  const product = await readProduct(db, ref.slug);
  if (!product) notFound();
  const effects = await productRemovalEffects(db, product.id);
  const { stale } = await searchParams;
  const back = `/products/${product.slug}`;
  const { observations, targets, goLives } = effects.rollout;
  const rollout = [
    observations ? plural(observations, "rollout figure", "rollout figures") : "",
    targets ? plural(targets, "rollout target", "rollout targets") : "",
    goLives ? plural(goLives, "force go-live date", "force go-live dates") : "",
  ].filter(Boolean);
  const goesWith = [
    ...effects.milestones.map((m) => ({ key: `m${m.id}`, text: `The milestone “${m.title}”` })),
    ...effects.spans.map((s) => ({ key: `s${s.id}`, text: `The planned ${s.phaseName} phase` })),
    ...(rollout.length ? [{ key: "rollout", text: `Its rollout records: ${rollout.join(", ")}` }] : []),
    ...effects.dependencies.map((d) => ({ key: `d${d.id}`, text: `Its dependency on ${d.on}` })),
    ...effects.dependents.map((d) => ({ key: `d${d.id}`, text: `${d.productName}'s dependency on ${d.on}` })),
  ];

  if (effects.children.length) {
    return (
      <>
        <p className="mb-4"><Link href={back}>Back to {product.name}</Link></p>
        <H1 caption={product.name}>{product.name} cannot be removed yet</H1>
        <p className="mb-2 max-w-[45em]">
          {product.name} has {plural(effects.children.length, "product", "products")} in its family. Remove {effects.children.length === 1 ? "it" : "them"}, or
          change {effects.children.length === 1 ? "its" : "their"} details so {effects.children.length === 1 ? "it is" : "they are"} not part of {product.name}, first:
        </p>
        <ul className="mb-6 list-disc pl-6">
          {effects.children.map((c) => (
            <li key={c.slug}><Link href={`/products/${c.slug}/edit`}>{c.name}</Link></li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <RemoveConfirmation
      caption={product.name}
      question={<>Are you sure you want to remove {product.name}?</>}
      noun="product"
      stale={!!stale}
      action={removeProductAction}
      hidden={{ slug: product.slug, version: product.version }}
      confirm={`Yes, remove ${product.name}`}
      cancelHref={back}
      alsoRemoves={{ heading: "This also removes:", items: goesWith.map((g) => ({ key: g.key, text: g.text })), none: "Nothing else goes with it." }}
    />
  );
}
