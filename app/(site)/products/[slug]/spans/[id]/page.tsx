// GET /products/<slug>/spans/<id> — change a planned phase, with its change history. Needs: edit:roadmap.
import { Gone } from "@/components/editing/Gone";
import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/editing/ChangeList";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { viewChange } from "@/lib/editing/changes";
import { formValuesOf } from "@/lib/editing/form-input";
import { SPAN_FORM } from "@/lib/editing/form-specs";
import { editedProduct, idParam, phaseChoices } from "@/lib/editing/page-data";
import { readSpan } from "@/lib/editing/spans";
import { historyOf } from "@/lib/editing/versioned";
import { SpanForm } from "../SpanForm";

export const metadata: Metadata = { title: "Change a planned phase" };

export default async function EditSpanPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  await requirePermission("edit:roadmap");
  const { slug, id } = await params;
  const product = await editedProduct(slug);
  const db = await getDb();
  const span = await readSpan(db, product.slug, idParam(id));
  if (!span) return <Gone noun="planned phase" backHref={`/products/${product.slug}#phase-plan`} backLabel={`Back to ${product.name}`} />;
  const phases = await phaseChoices();
  const phaseName = phases.find((p) => p.key === span.phaseKey)?.name ?? span.phaseKey;
  const back = `/products/${product.slug}#phase-plan`;
  const changes = (await historyOf(db, { entityType: "phase_span", id: span.id })).map(viewChange);
  return (
    <>
      <p className="mb-4"><Link href={back}>Back to {product.name}</Link></p>
      <H1 caption={product.name}>Change the planned {phaseName} phase</H1>
      <SpanForm
        productSlug={product.slug}
        id={span.id}
        initial={{ errors: {}, values: { ...formValuesOf(SPAN_FORM, span), version: String(span.version) } }}
        phases={phases}
        cancelHref={back}
      />
      <p className="mb-8">
        <Link href={`/products/${product.slug}/spans/${span.id}/remove`}>Remove this phase from the plan</Link>
      </p>
      <H2 id="history">Change history</H2>
      <ChangeList changes={changes} empty="No changes to this planned phase have been recorded." />
    </>
  );
}
