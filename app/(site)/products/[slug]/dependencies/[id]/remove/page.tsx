// GET /products/<slug>/dependencies/<id>/remove — confirm removing a product's dependency. Needs: edit:roadmap.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/forms/fields";
import { H1 } from "@/components/ui/typography";
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
    <>
      {stale ? (
        <div role="alert" className="mb-8 max-w-[45em] border-[5px] border-govuk-red p-4">
          <p className="font-bold">Someone changed this dependency after you opened this page, so it was not removed. Check it below before removing it.</p>
        </div>
      ) : null}
      <H1 caption={product.name}>Are you sure you want to remove this dependency?</H1>
      <dl className="mb-6 max-w-[45em]">
        <div className="mb-1"><dt className="inline font-bold">Depends on: </dt><dd className="m-0 inline">{describeValue("on", dependency.on)}</dd></div>
        <div className="mb-1"><dt className="inline font-bold">Status: </dt><dd className="m-0 inline">{DEPENDENCY_STATUS_LABEL[dependency.status]}</dd></div>
        <div className="mb-1"><dt className="inline font-bold">Owner: </dt><dd className="m-0 inline">{dependency.owner ?? "Not recorded"}</dd></div>
      </dl>
      <p className="mb-6 max-w-[45em]">Published quarterly updates keep it as it was; it goes from the working draft and the next update.</p>
      <form action={removeDependencyAction}>
        <input type="hidden" name="productSlug" value={product.slug} />
        <input type="hidden" name="id" value={dependency.id} />
        <input type="hidden" name="version" value={dependency.version} />
        <Button variant="warning">Yes, remove dependency</Button>
        <Link href={`/products/${product.slug}/dependencies/${dependency.id}`} className="inline-block py-2 text-lg">No, keep it</Link>
      </form>
    </>
  );
}
