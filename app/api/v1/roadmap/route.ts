// GET /api/v1/roadmap — the working draft for editors and admins, the latest published update for viewers (?view=published for anyone). Needs: read:published (draft: read:draft).
import { api, notFound } from "@/lib/api/handler";
import { roadmapQuery } from "@/lib/api/schemas";
import { can } from "@/lib/auth/permissions";
import { loadRoadmap } from "@/lib/roadmap/load";
import { PROGRAMME_SLUG } from "@/lib/roadmap/published";
import { listPublishedUpdates, readSnapshot } from "@/lib/roadmap/snapshot";

export const dynamic = "force-dynamic";

export const GET = api("read:published", async ({ db, user, query }) => {
  const { view } = query(roadmapQuery);
  if (view !== "published" && can(user.role, "read:draft")) {
    const roadmap = await loadRoadmap(db, PROGRAMME_SLUG);
    if (!roadmap) throw notFound("There is no roadmap.");
    const [latest] = await listPublishedUpdates(db, PROGRAMME_SLUG);
    return { kind: "draft", roadmap, latest: latest ? summary(latest) : null };
  }
  const snapshot = await readSnapshot(db, PROGRAMME_SLUG);
  if (!snapshot) throw notFound("No update has been published yet.");
  return { kind: "published", update: snapshot.content.update, roadmap: snapshot.content.roadmap };
});

/** The update without the storage's bookkeeping (snapshot row id). */
function summary({ snapshotId: _id, ...update }: Awaited<ReturnType<typeof listPublishedUpdates>>[number]) {
  return update;
}
