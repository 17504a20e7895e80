// GET /factors/<id>/remove — confirm removing a programme-level dependency, listing the products' dependencies it also removes. Needs: edit:roadmap.
import { RemoveConfirmation } from "@/components/editing/RemoveConfirmation";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
    <RemoveConfirmation
      caption="Programme-level dependencies"
      question={<>Are you sure you want to remove “{factor.title}”?</>}
      noun="programme dependency"
      stale={!!stale}
      action={removeFactorAction}
      hidden={{ id: factor.id, version: factor.version }}
      confirm="Yes, remove programme dependency"
      cancelHref={`/factors/${factor.id}`}
      alsoRemoves={{
        heading: `This also removes ${effects.length === 1 ? "1 product’s dependency" : `${effects.length} products’ dependencies`} on it:`,
        items: effects.map((e) => ({ key: e.id, text: `${e.productName} depends on this programme dependency` })),
        none: "No product depends on it.",
      }}
    />
  );
}
