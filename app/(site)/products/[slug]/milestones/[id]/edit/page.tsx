// GET /products/<slug>/milestones/<id>/edit — change a milestone. Needs: edit:roadmap.
import { Gone } from "@/components/editing/Gone";
import type { Metadata } from "next";
import Link from "next/link";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { formatPeriod } from "@/lib/dates/period";
import { formValuesOf } from "@/lib/editing/form-input";
import { MILESTONE_FORM } from "@/lib/editing/form-specs";
import { readMilestone } from "@/lib/editing/milestones";
import { editedProduct, idParam, phaseChoices } from "@/lib/editing/page-data";
import { MilestoneForm } from "../../MilestoneForm";

export const metadata: Metadata = { title: "Change a milestone" };

export default async function EditMilestonePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  await requirePermission("edit:roadmap");
  const { slug, id } = await params;
  const product = await editedProduct(slug);
  const milestone = await readMilestone(await getDb(), product.slug, idParam(id));
  if (!milestone) return <Gone noun="milestone" backHref={`/products/${product.slug}#milestones`} backLabel={`Back to ${product.name}`} />;
  const back = `/products/${product.slug}/milestones/${milestone.id}`;
  return (
    <>
      <p className="mb-4"><Link href={back}>Back to the milestone</Link></p>
      <H1 caption={product.name}>Change a milestone</H1>
      {milestone.baseline ? (
        <p className="mb-6 max-w-[45em]">
          Baseline: <strong>{formatPeriod(milestone.baseline, { asTarget: true })}</strong>, as first published. A new target date shows as slippage against it.
        </p>
      ) : (
        <p className="mb-6 max-w-[45em]">Not yet published: the target date becomes its baseline when the next quarterly update is published.</p>
      )}
      <MilestoneForm
        productSlug={product.slug}
        id={milestone.id}
        initial={{ errors: {}, values: { ...formValuesOf(MILESTONE_FORM, milestone), version: String(milestone.version) } }}
        phases={await phaseChoices()}
        cancelHref={back}
      />
      <p>
        <Link href={`/products/${product.slug}/milestones/${milestone.id}/remove`}>Remove this milestone</Link>
      </p>
    </>
  );
}
