// GET /products/<slug>/milestones/<id>/remove — confirm removing a milestone, saying what else goes. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/forms/fields";
import { H1 } from "@/components/ui/typography";
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
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed this milestone after you opened this page, so it was not removed. Check it below before removing it.</p>
        </div>
      ) : null}
      <H1 caption={product.name}>Are you sure you want to remove “{milestone.title}”?</H1>
      <p className="mb-4 max-w-[45em]">
        It is due {formatPeriod(milestone.forecast, { asTarget: true })}. Published quarterly updates keep it as it was; it goes from the working draft and the next update.
      </p>
      {effects.length ? (
        <>
          <p className="mb-2 max-w-[45em] font-bold">This also removes {effects.length === 1 ? "1 dependency" : `${effects.length} dependencies`} on it:</p>
          <ul className="mb-6 list-disc pl-6">
            {effects.map((e) => <li key={e.id}>{e.productName} depends on this milestone</li>)}
          </ul>
        </>
      ) : (
        <p className="mb-6">Nothing else depends on it.</p>
      )}
      <form action={removeMilestoneAction}>
        <input type="hidden" name="productSlug" value={product.slug} />
        <input type="hidden" name="id" value={milestone.id} />
        <input type="hidden" name="version" value={milestone.version} />
        <Button variant="warning">Yes, remove milestone</Button>
        <Link href={`/products/${product.slug}/milestones/${milestone.id}`} className="inline-block py-2 text-lg">No, keep it</Link>
      </form>
    </>
  );
}
