// GET /products/<slug>/remove — confirm removing a product, saying what else goes (or what stops it). Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/forms/fields";
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
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed this product after you opened this page, so it was not removed. Check it below before removing it.</p>
        </div>
      ) : null}
      <H1 caption={product.name}>Are you sure you want to remove {product.name}?</H1>
      <p className="mb-4 max-w-[45em]">
        Published quarterly updates keep it as it was; it goes from the working draft and the next update.
      </p>
      {goesWith.length ? (
        <>
          <p className="mb-2 max-w-[45em] font-bold">This also removes:</p>
          <ul className="mb-6 list-disc pl-6">
            {goesWith.map((g) => <li key={g.key}>{g.text}</li>)}
          </ul>
        </>
      ) : (
        <p className="mb-6">Nothing else goes with it.</p>
      )}
      <form action={removeProductAction}>
        <input type="hidden" name="slug" value={product.slug} />
        <input type="hidden" name="version" value={product.version} />
        <Button variant="warning">Yes, remove {product.name}</Button>
        <Link href={back} className="inline-block py-2 text-lg">No, keep it</Link>
      </form>
    </>
  );
}
