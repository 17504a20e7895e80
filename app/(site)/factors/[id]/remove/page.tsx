// GET /factors/<id>/remove — confirm removing a programme-level dependency, listing the products' dependencies it also removes. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/forms/fields";
import { H1 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { factorRemovalEffects, readFactor } from "@/lib/editing/factors";
import { idParam } from "@/lib/editing/page-data";
import { removeFactorAction } from "../../actions";

export const metadata: Metadata = { title: "Remove a programme dependency" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ stale?: string }> };

export default async function RemoveFactorPage({ params, searchParams }: Props) {
  await requirePermission("edit:roadmap");
  const db = await getDb();
  const factor = await readFactor(db, idParam((await params).id));
  if (!factor) notFound();
  const effects = await factorRemovalEffects(db, factor.id);
  const { stale } = await searchParams;
  return (
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed this programme dependency after you opened this page, so it was not removed. Check it below before removing it.</p>
        </div>
      ) : null}
      <H1 caption="Programme-level dependencies">Are you sure you want to remove “{factor.title}”?</H1>
      <p className="mb-4 max-w-[45em]">Published quarterly updates keep it as it was; it goes from the working draft and the next update.</p>
      {effects.length ? (
        <>
          <p className="mb-2 max-w-[45em] font-bold">
            This also removes {effects.length === 1 ? "1 product’s dependency" : `${effects.length} products’ dependencies`} on it:
          </p>
          <ul className="mb-6 list-disc pl-6">
            {effects.map((e) => <li key={e.id}>{e.productName} depends on this programme dependency</li>)}
          </ul>
        </>
      ) : (
        <p className="mb-6">No product depends on it.</p>
      )}
      <form action={removeFactorAction}>
        <input type="hidden" name="id" value={factor.id} />
        <input type="hidden" name="version" value={factor.version} />
        <Button variant="warning">Yes, remove programme dependency</Button>
        <Link href={`/factors/${factor.id}`} className="inline-block py-2 text-lg">No, keep it</Link>
      </form>
    </>
  );
}
