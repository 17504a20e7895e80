// GET /products/<slug>/spans/<id>/remove — confirm removing a phase from a product's plan. Needs: edit:roadmap.
import { RemoveConfirmation } from "@/components/editing/RemoveConfirmation";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
    <RemoveConfirmation
      caption={product.name}
      question={<>Are you sure you want to remove the planned {phaseName} phase?</>}
      noun="planned phase"
      stale={!!stale}
      action={removeSpanAction}
      hidden={{ productSlug: product.slug, id: span.id, version: span.version }}
      confirm="Yes, remove it from the plan"
      cancelHref={`/products/${product.slug}/spans/${span.id}`}
    >
      <p className="mb-4 max-w-[45em]">It is planned {from}, {to}. Nothing else goes with it.</p>
    </RemoveConfirmation>
  );
}
