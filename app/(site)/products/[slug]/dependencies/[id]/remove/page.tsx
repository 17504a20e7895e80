// GET /products/<slug>/dependencies/<id>/remove — confirm removing a product's dependency. Needs: edit:roadmap.
import { RemoveConfirmation } from "@/components/editing/RemoveConfirmation";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { describeValue } from "@/lib/editing/changes";
import { readDependency } from "@/lib/editing/dependencies";
import { editedProduct, idParam } from "@/lib/editing/page-data";
import { DEPENDENCY_STATUS_LABEL } from "@/lib/roadmap/view";
import { removeDependencyAction } from "../../actions";

export const metadata: Metadata = { title: "Remove a dependency" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ stale?: string }> };

export default async function RemoveDependencyPage({ params, searchParams }: Props) {
  await requirePermission("edit:roadmap");
  const { slug, id } = await params;
  const product = await editedProduct(slug);
  const dependency = await readDependency(await getDb(), product.slug, idParam(id));
  if (!dependency) notFound();
  const { stale } = await searchParams;
  return (
    <RemoveConfirmation
      caption={product.name}
      question="Are you sure you want to remove this dependency?"
      noun="dependency"
      stale={!!stale}
      action={removeDependencyAction}
      hidden={{ productSlug: product.slug, id: dependency.id, version: dependency.version }}
      confirm="Yes, remove dependency"
      cancelHref={`/products/${product.slug}/dependencies/${dependency.id}`}
    >
      <dl className="mb-6 max-w-[45em]">
        <div className="mb-1"><dt className="inline font-bold">Depends on: </dt><dd className="m-0 inline">{describeValue("on", dependency.on)}</dd></div>
        <div className="mb-1"><dt className="inline font-bold">Status: </dt><dd className="m-0 inline">{DEPENDENCY_STATUS_LABEL[dependency.status]}</dd></div>
        <div className="mb-1"><dt className="inline font-bold">Owner: </dt><dd className="m-0 inline">{dependency.owner ?? "Not recorded"}</dd></div>
      </dl>
    </RemoveConfirmation>
  );
}
