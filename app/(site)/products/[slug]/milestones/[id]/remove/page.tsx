// GET /products/<slug>/milestones/<id>/remove — confirm removing a milestone, saying what else goes. Needs: edit:roadmap.
import { RemoveConfirmation } from "@/components/editing/RemoveConfirmation";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { formatPeriod } from "@/lib/dates/period";
import { milestoneRemovalEffects, readMilestone } from "@/lib/editing/milestones";
import { editedProduct, idParam } from "@/lib/editing/page-data";
import { removeMilestoneAction } from "../../actions";

export const metadata: Metadata = { title: "Remove a milestone" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ stale?: string }> };

export default async function RemoveMilestonePage({ params, searchParams }: Props) {
  await requirePermission("edit:roadmap");
  const { slug, id } = await params;
  const product = await editedProduct(slug);
  const db = await getDb();
  const milestone = await readMilestone(db, product.slug, idParam(id));
  if (!milestone) notFound();
  const effects = await milestoneRemovalEffects(db, milestone.id);
  const { stale } = await searchParams;
  return (
    <RemoveConfirmation
      caption={product.name}
      question={<>Are you sure you want to remove “{milestone.title}”?</>}
      noun="milestone"
      stale={!!stale}
      action={removeMilestoneAction}
      hidden={{ productSlug: product.slug, id: milestone.id, version: milestone.version }}
      confirm="Yes, remove milestone"
      cancelHref={`/products/${product.slug}/milestones/${milestone.id}`}
      alsoRemoves={{
        heading: `This also removes ${effects.length === 1 ? "1 dependency" : `${effects.length} dependencies`} on it:`,
        items: effects.map((e) => ({ key: e.id, text: `${e.productName} depends on this milestone` })),
        none: "Nothing else depends on it.",
      }}
    >
      <p className="mb-4 max-w-[45em]">It is due {formatPeriod(milestone.forecast, { asTarget: true })}.</p>
    </RemoveConfirmation>
  );
}
