// GET /products/<slug>/spans/<id>/remove — confirm removing a phase from a product's plan. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/forms/fields";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { formatPeriod } from "@/lib/dates/period";
import { editedProduct, idParam, phaseChoices } from "@/lib/editing/page-data";
import { readSpan } from "@/lib/editing/spans";
import { removeSpanAction } from "../../actions";

export const metadata: Metadata = { title: "Remove a planned phase" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ stale?: string }> };

export default async function RemoveSpanPage({ params, searchParams }: Props) {
  await requirePermission("edit:roadmap");
  const { slug, id } = await params;
  const product = await editedProduct(slug);
  const span = await readSpan(await getDb(), product.slug, idParam(id));
  if (!span) notFound();
  const phaseName = (await phaseChoices()).find((p) => p.key === span.phaseKey)?.name ?? span.phaseKey;
  const { stale } = await searchParams;
  const from = span.start ? `from ${formatPeriod(span.start)}` : "already under way";
  const to = span.end ? `to ${formatPeriod(span.end, { asTarget: true })}` : "ongoing";
  return (
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed this planned phase after you opened this page, so it was not removed. Check it below before removing it.</p>
        </div>
      ) : null}
      <H1 caption={product.name}>Are you sure you want to remove the planned {phaseName} phase?</H1>
      <p className="mb-6 max-w-[45em]">
        It is planned {from}, {to}. Nothing else goes with it. Published quarterly updates keep it as it was; it goes from the working draft and the next update.
      </p>
      <form action={removeSpanAction}>
        <input type="hidden" name="productSlug" value={product.slug} />
        <input type="hidden" name="id" value={span.id} />
        <input type="hidden" name="version" value={span.version} />
        <Button variant="warning">Yes, remove it from the plan</Button>
        <Link href={`/products/${product.slug}/spans/${span.id}`} className="inline-block py-2 text-lg">No, keep it</Link>
      </form>
    </>
  );
}
