// GET /products/<slug>/dependencies/<id> — change a product's dependency, with its change history. Needs: edit:roadmap.
import { Gone } from "@/components/editing/Gone";
import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/editing/ChangeList";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { viewChange } from "@/lib/editing/changes";
import { dependencyTargetChoices, readDependency, targetValue } from "@/lib/editing/dependencies";
import { editedProduct, idParam } from "@/lib/editing/page-data";
import { historyOf } from "@/lib/editing/versioned";
import { DependencyForm } from "../DependencyForm";

export const metadata: Metadata = { title: "Change a dependency" };

export default async function EditDependencyPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  await requirePermission("edit:roadmap");
  const { slug, id } = await params;
  const product = await editedProduct(slug);
  const db = await getDb();
  const dependency = await readDependency(db, product.slug, idParam(id));
  if (!dependency) return <Gone noun="dependency" backHref={`/products/${product.slug}#dependencies`} backLabel={`Back to ${product.name}`} />;
  const back = `/products/${product.slug}#dependencies`;
  const history = await historyOf(db, { entityType: "dependency", id: dependency.id });
  return (
    <>
      <p className="mb-4"><Link href={back}>Back to {product.name}</Link></p>
      <H1 caption={product.name}>Change a dependency</H1>
      <DependencyForm
        productSlug={product.slug}
        id={dependency.id}
        initial={{
          errors: {},
          values: {
            on: targetValue(dependency.on),
            status: dependency.status,
            owner: dependency.owner ?? "",
            note: dependency.note,
            version: String(dependency.version),
          },
        }}
        choices={await dependencyTargetChoices(db, product)}
        cancelHref={back}
      />
      <p className="mb-8">
        <Link href={`/products/${product.slug}/dependencies/${dependency.id}/remove`}>Remove this dependency</Link>
      </p>
      <H2 id="history">Change history</H2>
      <ChangeList changes={history.map(viewChange)} />
    </>
  );
}
