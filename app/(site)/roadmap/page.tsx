// GET /roadmap — products against the phase columns, as in the letter's roadmap table. Needs: read:published.
import type { Metadata } from "next";
import { PhaseDefinitions } from "@/components/roadmap/PhaseDefinitions";
import { PhaseGrid } from "@/components/roadmap/PhaseGrid";
import { NothingPublished, ReaderNote } from "@/components/roadmap/PublishedNote";
import { H1, H2 } from "@/components/ui/typography";
import { roadmapForReader } from "@/lib/roadmap/for-reader";
import { requirePermission } from "@/lib/auth/checkpoint";

export const metadata: Metadata = { title: "Roadmap by phase" };

export default async function RoadmapPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const user = await requirePermission("read:published");
  const view = await roadmapForReader(user, (await searchParams).view);
  if (!view) return <NothingPublished />;
  const { roadmap } = view;
  return (
    <>
      <H1 caption={roadmap.programme.shortName}>Product roadmap by phase</H1>
      <ReaderNote view={view} path="/roadmap" />
      <PhaseGrid roadmap={roadmap} asOf={view.asOf} />
      <H2>What the phases mean</H2>
      <PhaseDefinitions roadmap={roadmap} />
    </>
  );
}
