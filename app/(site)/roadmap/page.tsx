// GET /roadmap — products against the phase columns, as in the letter's roadmap table. Needs: read:published.
import type { Metadata } from "next";
import { PhaseDefinitions } from "@/components/roadmap/PhaseDefinitions";
import { PhaseGrid } from "@/components/roadmap/PhaseGrid";
import { NothingPublished, PublishedNote } from "@/components/roadmap/PublishedNote";
import { H1, H2 } from "@/components/ui/typography";
import { latestSnapshot } from "@/lib/roadmap/published";
import { requirePermission } from "@/lib/auth/checkpoint";

export const metadata: Metadata = { title: "Roadmap by phase" };

export default async function RoadmapPage() {
  await requirePermission("read:published");
  const snapshot = await latestSnapshot();
  if (!snapshot) return <NothingPublished />;
  const { roadmap, update } = snapshot.content;
  return (
    <>
      <H1 caption={roadmap.programme.shortName}>Product roadmap by phase</H1>
      <PublishedNote update={update} />
      <PhaseGrid roadmap={roadmap} asOf={update.publishedOn ?? ""} />
      <H2>What the phases mean</H2>
      <PhaseDefinitions roadmap={roadmap} />
    </>
  );
}
