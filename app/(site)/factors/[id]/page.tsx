// GET /factors/<id> — change a programme-level dependency, with its change history. Needs: edit:roadmap.
import { Gone } from "@/components/editing/Gone";
import type { Metadata } from "next";
import Link from "next/link";
import { ChangeList } from "@/components/editing/ChangeList";
import { H1, H2 } from "@/components/ui/typography";
import { requirePermission } from "@/lib/auth/checkpoint";
import { getDb } from "@/lib/db";
import { viewChange } from "@/lib/editing/changes";
import { readFactor } from "@/lib/editing/factors";
import { formValuesOf } from "@/lib/editing/form-input";
import { FACTOR_FORM } from "@/lib/editing/form-specs";
import { idParam } from "@/lib/editing/page-data";
import { historyOf } from "@/lib/editing/versioned";
import { FactorForm } from "../FactorForm";

export const metadata: Metadata = { title: "Change a programme dependency" };

export default async function EditFactorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("edit:roadmap");
  const db = await getDb();
  const factor = await readFactor(db, idParam((await params).id));
  if (!factor) return <Gone noun="programme dependency" backHref="/#dependencies" backLabel="Back to the overview" />;
  const history = await historyOf(db, { entityType: "factor", id: factor.id });
  return (
    <>
      <p className="mb-4"><Link href="/#dependencies">Back to the programme overview</Link></p>
      <H1 caption="Programme-level dependencies">Change a programme dependency</H1>
      <FactorForm
        id={factor.id}
        initial={{ errors: {}, values: { ...formValuesOf(FACTOR_FORM, factor), version: String(factor.version) } }}
        cancelHref="/#dependencies"
      />
      <p className="mb-8">
        <Link href={`/factors/${factor.id}/remove`}>Remove this programme dependency</Link>
      </p>
      <H2 id="history">Change history</H2>
      <ChangeList changes={history.map(viewChange)} />
    </>
  );
}
